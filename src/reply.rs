//! The answers of the signing and packaging ops: JSON, and on failure
//! `{error: {th, en}}`, so the page can say what went wrong in either
//! language.

use serde_json::{json, Value};

pub fn error(th: &str, en: &str) -> Value {
    json!({ "error": { "th": th, "en": en } })
}

/// The failure in an answer, as (Thai, English).
pub fn error_of(answer: &Value) -> Option<(String, String)> {
    let e = answer.get("error")?;
    let t = |k: &str| e[k].as_str().unwrap_or_default().to_owned();
    Some((t("th"), t("en")))
}

/// A sealing failure, in both languages.
pub fn seal_error(e: &eservice_core::seal::Error) -> Value {
    use eservice_core::Lang;
    error(&e.message(Lang::Th), &e.message(Lang::En))
}
