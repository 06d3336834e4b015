//! JSON Pointers (RFC 6901): the addresses by which errors name a field.
//!
//! A pointer is kept as its decoded reference tokens, so that building one
//! from property names can never produce an ill-escaped string.

use std::fmt;

/// A parsed JSON Pointer such as `/address/postcode`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPointer {
    tokens: Vec<String>,
}

/// Why a string is not a JSON Pointer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PointerError {
    /// A non-empty pointer must start with `/`.
    MissingLeadingSlash,
    /// `~` must be followed by `0` or `1`.
    BadEscape { at: usize },
}

impl fmt::Display for PointerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PointerError::MissingLeadingSlash => f.write_str("a JSON pointer must start with '/'"),
            PointerError::BadEscape { at } => {
                write!(f, "'~' at byte {at} must be followed by '0' or '1'")
            }
        }
    }
}

impl std::error::Error for PointerError {}

impl JsonPointer {
    /// The pointer to the whole document.
    pub fn root() -> Self {
        Self::default()
    }

    /// Parses the RFC 6901 string form.
    pub fn parse(s: &str) -> Result<Self, PointerError> {
        if s.is_empty() {
            return Ok(Self::root());
        }
        let rest = s.strip_prefix('/').ok_or(PointerError::MissingLeadingSlash)?;
        let mut tokens = Vec::new();
        let mut offset = 1;
        for raw in rest.split('/') {
            tokens.push(unescape(raw).map_err(|i| PointerError::BadEscape { at: offset + i })?);
            offset += raw.len() + 1;
        }
        Ok(Self { tokens })
    }

    /// This pointer with one more reference token.
    pub fn child(&self, token: impl Into<String>) -> Self {
        let mut tokens = self.tokens.clone();
        tokens.push(token.into());
        Self { tokens }
    }

    /// This pointer extended by an array index.
    pub fn index(&self, i: usize) -> Self {
        self.child(i.to_string())
    }

    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    pub fn is_root(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The pointer one level up, or `None` at the root.
    pub fn parent(&self) -> Option<Self> {
        let (_, init) = self.tokens.split_last()?;
        Some(Self { tokens: init.to_vec() })
    }

    /// The last reference token, for naming a field.
    pub fn last(&self) -> Option<&str> {
        self.tokens.last().map(String::as_str)
    }

    /// Whether `self` is `other` or lies inside it.
    pub fn starts_with(&self, other: &JsonPointer) -> bool {
        self.tokens.starts_with(&other.tokens)
    }

    /// The value this pointer addresses in `doc`.
    pub fn resolve<'v>(&self, doc: &'v serde_json::Value) -> Option<&'v serde_json::Value> {
        self.tokens.iter().try_fold(doc, |v, t| match v {
            serde_json::Value::Object(m) => m.get(t),
            serde_json::Value::Array(a) => parse_index(t).and_then(|i| a.get(i)),
            _ => None,
        })
    }
}

/// RFC 6901 array indices: digits without a leading zero.
fn parse_index(t: &str) -> Option<usize> {
    if t.is_empty() || (t.len() > 1 && t.starts_with('0')) || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn unescape(raw: &str) -> Result<String, usize> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some((_, '0')) => out.push('~'),
                Some((_, '1')) => out.push('/'),
                _ => return Err(i),
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for t in &self.tokens {
            f.write_str("/")?;
            f.write_str(&t.replace('~', "~0").replace('/', "~1"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips_escapes() {
        let p = JsonPointer::parse("/a~1b/c~0d/0").unwrap();
        assert_eq!(p.tokens(), ["a/b", "c~d", "0"]);
        assert_eq!(p.to_string(), "/a~1b/c~0d/0");
    }

    #[test]
    fn rejects_bad_pointers() {
        assert_eq!(JsonPointer::parse("a"), Err(PointerError::MissingLeadingSlash));
        assert_eq!(JsonPointer::parse("/a~2"), Err(PointerError::BadEscape { at: 2 }));
    }

    #[test]
    fn resolves_objects_and_arrays() {
        let doc = json!({"a": [10, {"b": true}], "": 1});
        assert_eq!(JsonPointer::parse("/a/1/b").unwrap().resolve(&doc), Some(&json!(true)));
        assert_eq!(JsonPointer::parse("/").unwrap().resolve(&doc), Some(&json!(1)));
        assert_eq!(JsonPointer::parse("/a/01").unwrap().resolve(&doc), None);
        assert_eq!(JsonPointer::root().resolve(&doc), Some(&doc));
    }

    #[test]
    fn parent_and_child() {
        let p = JsonPointer::root().child("address").child("postcode");
        assert_eq!(p.to_string(), "/address/postcode");
        assert_eq!(p.parent().unwrap().to_string(), "/address");
        assert!(p.starts_with(&p.parent().unwrap()));
        assert_eq!(JsonPointer::root().parent(), None);
    }
}
