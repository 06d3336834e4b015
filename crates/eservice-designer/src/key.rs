//! A question's key: the property name its answer is stored under.
//!
//! Made from the title when the question is made, then never changed by
//! editing the title: answers already submitted keep their meaning.

use serde::{Deserialize, Serialize};

/// A property name: lowercase ASCII letters, digits and `_`, starting with
/// a letter, at most [`Key::MAX`] bytes. Anything else cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Key(String);

impl Key {
    pub const MAX: usize = 40;

    /// `s` as a key, if it is one.
    pub fn parse(s: &str) -> Option<Key> {
        let ok = s.len() <= Self::MAX
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        ok.then(|| Key(s.to_owned()))
    }

    /// A key for a question titled `title_en` (else `title_th`) that none
    /// of `taken` is: its English words joined by `_`; with no English
    /// letters (a Thai title), `question`; then `_2`, `_3`… until unique.
    pub fn from_title(title_en: &str, title_th: &str, taken: &[Key]) -> Key {
        let words = |t: &str| -> String {
            let mut out = String::new();
            for w in t.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
                if out.len() + w.len() + 1 > 30 {
                    break;
                }
                if !out.is_empty() {
                    out.push('_');
                }
                out.push_str(&w.to_ascii_lowercase());
            }
            out
        };
        let mut base = words(title_en);
        if base.is_empty() {
            base = words(title_th);
        }
        if !base.starts_with(|c: char| c.is_ascii_lowercase()) {
            base = if base.is_empty() { "question".to_owned() } else { format!("q_{base}") };
        }
        let free = |k: &str| !taken.iter().any(|t| t.0 == k);
        if free(&base) {
            return Key(base);
        }
        (2..).map(|n| format!("{base}_{n}")).find(|k| free(k)).map(Key).unwrap_or_else(|| Key(base))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Key {
    type Error = String;
    fn try_from(s: String) -> Result<Key, String> {
        Key::parse(&s).ok_or_else(|| format!("not a question key: {s:?}"))
    }
}

impl From<Key> for String {
    fn from(k: Key) -> String {
        k.0
    }
}
