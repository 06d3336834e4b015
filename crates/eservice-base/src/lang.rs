//! The two languages of the kit: Thai first, English on toggle.
//!
//! Agencies write titles either as a plain string (taken as Thai) or as an
//! object with `th` and `en`; both shapes become a [`LocalText`].

use serde_json::Value;

/// A user-facing language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Th,
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Th => "th",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "th" => Some(Lang::Th),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Lang::Th => Lang::En,
            Lang::En => Lang::Th,
        }
    }

    /// Picks the Thai or English of a pair of literals.
    pub fn pick<'a>(self, th: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Th => th,
            Lang::En => en,
        }
    }
}

/// Text that may exist in Thai, in English, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LocalText {
    pub th: Option<String>,
    pub en: Option<String>,
}

impl LocalText {
    pub fn new(th: impl Into<String>, en: impl Into<String>) -> Self {
        Self { th: Some(th.into()), en: Some(en.into()) }
    }

    /// Reads `"text"` (Thai) or `{"th": …, "en": …}`; anything else is `None`.
    pub fn from_json(v: &Value) -> Option<Self> {
        match v {
            Value::String(s) => Some(Self { th: Some(s.clone()), en: None }),
            Value::Object(m) => {
                let get = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_owned);
                let t = Self { th: get("th"), en: get("en") };
                (!t.is_empty()).then_some(t)
            }
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.th.is_none() && self.en.is_none()
    }

    /// The text in `lang`, else in the other language, else empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Th => (&self.th, &self.en),
            Lang::En => (&self.en, &self.th),
        };
        first.as_deref().or(second.as_deref()).unwrap_or("")
    }

    /// Fills languages missing here from `fallback`.
    pub fn or(self, fallback: LocalText) -> LocalText {
        LocalText { th: self.th.or(fallback.th), en: self.en.or(fallback.en) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn plain_string_is_thai_and_serves_english_too() {
        let t = LocalText::from_json(&json!("ชื่อ")).unwrap();
        assert_eq!(t.get(Lang::Th), "ชื่อ");
        assert_eq!(t.get(Lang::En), "ชื่อ");
    }

    #[test]
    fn object_form_picks_language() {
        let t = LocalText::from_json(&json!({"th": "ชื่อ", "en": "Name"})).unwrap();
        assert_eq!(t.get(Lang::En), "Name");
        assert_eq!(LocalText::from_json(&json!({"fr": "Nom"})), None);
        assert_eq!(LocalText::from_json(&json!(3)), None);
    }

    #[test]
    fn or_fills_gaps() {
        let en_only = LocalText { th: None, en: Some("Name".into()) };
        let merged = en_only.or(LocalText { th: Some("ชื่อ".into()), en: Some("x".into()) });
        assert_eq!(merged, LocalText::new("ชื่อ", "Name"));
    }
}
