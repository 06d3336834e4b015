//! `pattern` and `patternProperties` use ECMA-262 regular expressions.
//!
//! The validator asks a [`PatternEngine`] rather than owning a regex crate:
//! in the browser the engine is the browser's own `RegExp` (exact semantics,
//! no bytes shipped); natively it is `regress`, an ECMA-262 engine in Rust.

/// Matches ECMA-262 patterns. Implementations may cache compiled patterns.
pub trait PatternEngine {
    /// Whether `pattern` finds a match anywhere in `text` (patterns are not
    /// anchored). An `Err` says why the pattern does not compile.
    fn is_match(&self, pattern: &str, text: &str) -> Result<bool, String>;
}

/// The pure-Rust engine for native builds.
#[cfg(feature = "ecma-regex")]
#[derive(Default)]
pub struct RegressEngine {
    cache: std::cell::RefCell<std::collections::HashMap<String, regress::Regex>>,
}

#[cfg(feature = "ecma-regex")]
impl PatternEngine for RegressEngine {
    fn is_match(&self, pattern: &str, text: &str) -> Result<bool, String> {
        let mut cache = self.cache.borrow_mut();
        if !cache.contains_key(pattern) {
            let re = regress::Regex::with_flags(pattern, "u").map_err(|e| e.to_string())?;
            cache.insert(pattern.to_owned(), re);
        }
        Ok(cache[pattern].find(text).is_some())
    }
}

/// An engine that knows no patterns: every pattern is reported as
/// unsupported, so a schema that needs one fails loudly instead of passing.
pub struct NoPatterns;

impl PatternEngine for NoPatterns {
    fn is_match(&self, _pattern: &str, _text: &str) -> Result<bool, String> {
        Err("this build has no regular-expression engine".into())
    }
}

#[cfg(all(test, feature = "ecma-regex"))]
mod tests {
    use super::*;

    #[test]
    fn regress_is_unanchored_and_ecma() {
        let e = RegressEngine::default();
        assert_eq!(e.is_match("^[1-9][0-9]{4}$", "10200"), Ok(true));
        assert_eq!(e.is_match("[0-9]{5}", "ab10200cd"), Ok(true));
        assert_eq!(e.is_match("^\\d+$", "๑๒"), Ok(false), "\\d is ASCII-only in ECMA-262");
        assert!(e.is_match("(", "x").is_err());
    }
}
