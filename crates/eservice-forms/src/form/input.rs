//! Turning what the user types into JSON values, and back.

use serde_json::{Map, Value};

use eservice_base::pointer::JsonPointer;

use super::{Field, Widget};

impl Field {
    /// Turns what the user typed into the value to store; `None` clears it.
    ///
    /// A number that does not read back exactly as typed ("1.", "12a") is
    /// kept as text, so nothing typed is lost and validation names the fault.
    pub fn parse_input(&self, text: &str) -> Option<Value> {
        if text.is_empty() {
            return None;
        }
        match &self.widget {
            Widget::Number { integer } => Some(parse_number(text, *integer)),
            Widget::Select { options } | Widget::Radio { options } => Some(
                options
                    .iter()
                    .find(|c| choice_key(&c.value) == text)
                    .map(|c| c.value.clone())
                    .unwrap_or_else(|| Value::String(text.to_owned())),
            ),
            _ => Some(Value::String(text.to_owned())),
        }
    }

    /// The value to keep once the user leaves the field: numbers typed with
    /// thousands separators are read; anything unreadable is left as typed.
    pub fn commit(&self, value: Value) -> Value {
        match (&self.widget, &value) {
            (Widget::Number { integer }, Value::String(s)) => commit_number(s, *integer).unwrap_or(value),
            (_, Value::String(s)) if s.trim() != s => Value::String(s.trim().to_owned()),
            _ => value,
        }
    }

    /// A value as the input shows it.
    pub fn display(value: Option<&Value>) -> String {
        match value {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
        }
    }
}

/// Sets (or with `None`, removes) the value at `at`, creating the objects on
/// the way. Array indices are not created: forms address arrays they drew.
pub fn set_value(data: &mut Value, at: &JsonPointer, value: Option<Value>) {
    let Some((last, parents)) = at.tokens().split_last() else {
        *data = value.unwrap_or(Value::Null);
        return;
    };
    let mut node = data;
    for t in parents {
        if !node.is_object() && !node.is_array() {
            *node = Value::Object(Map::new());
        }
        node = match node {
            Value::Object(m) => m.entry(t.clone()).or_insert_with(|| Value::Object(Map::new())),
            Value::Array(a) => match t.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                Some(v) => v,
                None => return,
            },
            _ => return,
        };
    }
    match (node, value) {
        (Value::Object(m), Some(v)) => {
            m.insert(last.clone(), v);
        }
        (Value::Object(m), None) => {
            m.shift_remove(last);
        }
        (Value::Array(a), v) => {
            if let Some(slot) = last.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                *slot = v.unwrap_or(Value::Null);
            }
        }
        (node, Some(v)) => {
            let mut m = Map::new();
            m.insert(last.clone(), v);
            *node = Value::Object(m);
        }
        (_, None) => {}
    }
}

/// A stable text key for an option value, used as the `<option value>`.
pub fn choice_key(v: &Value) -> String {
    Field::display(Some(v))
}

fn parse_number(text: &str, integer: bool) -> Value {
    let t = text.trim();
    if let Ok(i) = t.parse::<i64>() {
        if i.to_string() == t {
            return Value::from(i);
        }
    }
    if !integer {
        // serde_json reads numbers already; core's float parser would add to the download.
        if let Ok(n) = serde_json::from_str::<serde_json::Number>(t) {
            if n.to_string() == t {
                return Value::Number(n);
            }
        }
    }
    Value::String(text.to_owned())
}

/// The lenient reading when a number field is left: "1,500,000" and "2."
/// become numbers, as a Thai clerk would read them.
fn commit_number(text: &str, integer: bool) -> Option<Value> {
    let t: String = text.trim().chars().filter(|c| *c != ',').collect();
    let t = t.strip_suffix('.').unwrap_or(&t);
    let f = serde_json::from_str::<serde_json::Number>(t).ok()?.as_f64().filter(|f| f.is_finite())?;
    if f.fract() == 0.0 && f.abs() < 9e15 {
        Some(Value::from(f as i64))
    } else if integer {
        None
    } else {
        serde_json::Number::from_f64(f).map(Value::Number)
    }
}

