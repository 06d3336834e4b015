//! Drafts: what a citizen has typed into a form, kept on their own device so
//! that a reload, a crash or a lost connection loses nothing. Computers are
//! shared, so drafts expire, and the kit offers to discard them.

use serde_json::{json, Value};

use eservice_base::pointer::JsonPointer;

use crate::form::Selections;

/// How long a draft is kept unless the form says otherwise.
pub const DEFAULT_MAX_AGE_DAYS: f64 = 7.0;

const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;
const FORMAT_VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// Milliseconds since the Unix epoch.
    pub saved_at_ms: f64,
    pub data: Value,
    pub selections: Selections,
    /// The wizard step the citizen was on.
    pub step: usize,
    /// Files picked whose processing had not finished: their originals are
    /// kept on the device beside the draft, so that a reload (the phone
    /// dropped the tab while a photo was compressing) starts them again.
    pub picked: Vec<Picked>,
}

/// A file picked into an evidence field and not yet processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picked {
    pub pointer: JsonPointer,
    /// Where the original is kept on the device.
    pub key: String,
    /// The file's name, to name it if it cannot be found again.
    pub name: String,
}

/// Why a stored draft was not restored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    /// Not a draft this kit wrote (or written by a future version).
    Unreadable,
    /// Older than the form allows.
    Expired,
}

impl Draft {
    pub fn to_json(&self) -> String {
        let selections: Vec<Value> = self.selections.entries().iter().map(|(p, i)| json!([p.to_string(), i])).collect();
        json!({
            "version": FORMAT_VERSION,
            "savedAt": self.saved_at_ms,
            "data": self.data,
            "selections": selections,
            "step": self.step,
            "picked": self.picked.iter().map(|p| json!([p.pointer.to_string(), p.key, p.name])).collect::<Vec<_>>(),
        })
        .to_string()
    }

    /// Reads a stored draft, refusing one older than `max_age_days` at `now_ms`.
    pub fn from_json(text: &str, now_ms: f64, max_age_days: f64) -> Result<Draft, DraftProblem> {
        let v: Value = serde_json::from_str(text).map_err(|_| DraftProblem::Unreadable)?;
        if v.get("version").and_then(Value::as_u64) != Some(FORMAT_VERSION) {
            return Err(DraftProblem::Unreadable);
        }
        let saved_at_ms = v.get("savedAt").and_then(Value::as_f64).ok_or(DraftProblem::Unreadable)?;
        let data = v.get("data").filter(|d| d.is_object()).cloned().ok_or(DraftProblem::Unreadable)?;
        if now_ms - saved_at_ms > max_age_days * DAY_MS {
            return Err(DraftProblem::Expired);
        }
        let mut selections = Selections::default();
        for s in v.get("selections").and_then(Value::as_array).into_iter().flatten() {
            let pointer = s.get(0).and_then(Value::as_str).and_then(|p| JsonPointer::parse(p).ok());
            if let (Some(p), Some(i)) = (pointer, s.get(1).and_then(Value::as_u64)) {
                selections.set(p, i as usize);
            }
        }
        let step = v.get("step").and_then(Value::as_u64).unwrap_or(0) as usize;
        // Drafts written before files were kept have none.
        let picked = v.get("picked").and_then(Value::as_array).into_iter().flatten().filter_map(|p| {
            let text = |i: usize| p.get(i).and_then(Value::as_str);
            Some(Picked { pointer: JsonPointer::parse(text(0)?).ok()?, key: text(1)?.to_owned(), name: text(2)?.to_owned() })
        });
        Ok(Draft { saved_at_ms, data, selections, step, picked: picked.collect() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        let mut selections = Selections::default();
        selections.set(JsonPointer::parse("/applicant/@oneOf").unwrap(), 1);
        let picked = vec![Picked { pointer: JsonPointer::parse("/photos").unwrap(), key: "picked-1".into(), name: "บัตร.jpg".into() }];
        Draft { saved_at_ms: 1_000_000.0, data: json!({"a": "ก"}), selections, step: 2, picked }
    }

    #[test]
    fn round_trips() {
        let d = draft();
        assert_eq!(Draft::from_json(&d.to_json(), 1_000_000.0 + DAY_MS, 7.0), Ok(d));
    }

    #[test]
    fn expires() {
        let text = draft().to_json();
        assert_eq!(Draft::from_json(&text, 1_000_000.0 + 8.0 * DAY_MS, 7.0), Err(DraftProblem::Expired));
        assert!(Draft::from_json(&text, 1_000_000.0 + 8.0 * DAY_MS, 30.0).is_ok());
    }

    #[test]
    fn refuses_what_it_did_not_write() {
        for text in ["", "null", "{}", r#"{"version": 2, "savedAt": 1, "data": {}}"#, r#"{"version": 1, "savedAt": 1, "data": 3}"#] {
            assert_eq!(Draft::from_json(text, 0.0, 7.0), Err(DraftProblem::Unreadable), "{text}");
        }
    }
}
