//! `pattern` and `patternProperties` use ECMA-262 regular expressions.
//!
//! Two engines share the work, so that no pattern can freeze the page or pin
//! a backend's CPU:
//! - the linear-time matcher (`linear.rs`, a Pike VM of our own) runs every
//!   pattern it can express exactly: anchors, classes, groups, alternation
//!   and quantifiers, which is nearly every pattern a form has;
//! - an ECMA-262 [`PatternEngine`] (the browser's own `RegExp` in the web
//!   build, `regress` natively) is the judge of which patterns are valid, and
//!   runs only patterns with lookaround or backreferences (or a `\p{…}` the kit
//!   does not list), and only after `risk::ecma_steps` has bounded the steps
//!   it may take; a text over the budget is refused as "took too long".
//!
//! What this costs the citizen's first load (the apply page: html, js, wasm
//! and css gzipped, `bench/first-load.mjs` after `trunk build --release`,
//! 2026-12-02 at bb768c5): 157.7 KB with the schema code as it was before
//! issue 15's items 5 and 9; 189.2 KB with them as first written (regex-lite
//! and its translation); 166.7 KB now. Of the 8.9 KB, 7.7 KB is in
//! eservice-core (the reader, the matcher, the step bound, the `$ref` memo,
//! the 1.2 KB of metaschemas, the messages) and 1.2 KB is the app's console
//! warning of nested quantifiers (`src/loaded_form.rs`).

use std::cell::RefCell;

use super::ecma::{self, Node};
use super::{linear, risk};

/// An ECMA-262 regular-expression engine. Implementations may cache
/// compiled patterns.
pub trait PatternEngine {
    /// Whether `pattern` finds a match anywhere in `text` (patterns are not
    /// anchored). An `Err` says why the pattern does not compile.
    fn is_match(&self, pattern: &str, text: &str) -> Result<bool, String>;

    /// Whether `pattern` compiles, without running it.
    fn compile(&self, pattern: &str) -> Result<(), String> {
        self.is_match(pattern, "").map(drop)
    }
}

/// The pure-Rust ECMA-262 engine for native builds.
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

    fn compile(&self, pattern: &str) -> Result<(), String> {
        // Data checked against `format: regex` is compiled, never cached.
        match self.cache.borrow().contains_key(pattern) {
            true => Ok(()),
            false => regress::Regex::with_flags(pattern, "u").map(drop).map_err(|e| e.to_string()),
        }
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

/// What checking a text against a pattern found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Match,
    NoMatch,
    /// The ECMA engine would need more steps than the budget allows.
    TooSlow,
}

enum Plan {
    Linear(linear::Program),
    /// Needs the ECMA engine; `None` when the kit cannot read the pattern to
    /// bound its steps, so it is never run.
    Ecma(Option<Node>),
}

/// The validator's patterns: each compiled once, by the engine that runs it.
pub struct Patterns {
    ecma: Box<dyn PatternEngine>,
    /// A form has a handful of patterns.
    plans: RefCell<Vec<(String, Plan)>>,
}

impl Patterns {
    pub fn new(ecma: Box<dyn PatternEngine>) -> Patterns {
        Patterns { ecma, plans: RefCell::new(Vec::new()) }
    }

    /// Checks that `pattern` is valid ECMA-262 and prepares how it will run.
    pub fn prepare(&self, pattern: &str) -> Result<(), String> {
        if self.plans.borrow().iter().any(|(p, _)| p == pattern) {
            return Ok(());
        }
        self.ecma.compile(pattern)?;
        let tree = ecma::parse(pattern);
        let plan = match tree.as_ref().and_then(linear::compile) {
            Some(re) => Plan::Linear(re),
            None => Plan::Ecma(tree),
        };
        self.plans.borrow_mut().push((pattern.to_owned(), plan));
        Ok(())
    }

    /// Whether `pattern` matches somewhere in `text`.
    pub fn check(&self, pattern: &str, text: &str) -> Verdict {
        // Patterns are prepared when the schema is checked; one that does
        // not compile matches nothing.
        if self.prepare(pattern).is_err() {
            return Verdict::NoMatch;
        }
        let plans = self.plans.borrow();
        let found = match plans.iter().find(|(p, _)| p == pattern).map(|(_, plan)| plan) {
            Some(Plan::Linear(re)) => re.is_match(text),
            Some(Plan::Ecma(Some(tree))) if risk::ecma_steps(tree, text.chars().count()) <= risk::STEP_BUDGET => {
                self.ecma.is_match(pattern, text) == Ok(true)
            }
            Some(Plan::Ecma(_)) => return Verdict::TooSlow,
            None => false,
        };
        if found {
            Verdict::Match
        } else {
            Verdict::NoMatch
        }
    }

    /// Whether `pattern` is valid ECMA-262 (`format: regex`), without running it.
    pub fn is_valid(&self, pattern: &str) -> bool {
        self.ecma.compile(pattern).is_ok()
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

    #[test]
    fn nested_quantifiers_take_microseconds() {
        let p = Patterns::new(Box::new(RegressEngine::default()));
        let thai = "^([ก-๙]+\\s?)+$";
        for (pattern, text) in [("^(a+)+$", format!("{}!", "a".repeat(40))), (thai, format!("{}!", "สมชาย".repeat(8)))] {
            let t = std::time::Instant::now();
            assert_eq!(p.check(pattern, &text), Verdict::NoMatch);
            assert!(t.elapsed().as_millis() < 100, "{pattern}: {:?}", t.elapsed());
        }
        assert_eq!(p.check(thai, "สมชาย ใจดี"), Verdict::Match);
    }

    #[test]
    fn lookaround_runs_within_its_budget_and_fails_closed_beyond() {
        let p = Patterns::new(Box::new(RegressEngine::default()));
        assert_eq!(p.check("^(?=.*\\d)[a-z\\d]{8,}$", "abcdefg1"), Verdict::Match);
        assert_eq!(p.check("^(?=.*\\d)[a-z\\d]{8,}$", "abcdefgh"), Verdict::NoMatch);
        let runaway = "^(?=a)(a+)+$";
        assert_eq!(p.check(runaway, "aaa!"), Verdict::NoMatch);
        let t = std::time::Instant::now();
        assert_eq!(p.check(runaway, &format!("{}!", "a".repeat(40))), Verdict::TooSlow);
        assert!(t.elapsed().as_millis() < 100);
    }

    #[test]
    fn validity_is_the_ecma_engines_word() {
        let p = Patterns::new(Box::new(RegressEngine::default()));
        assert!(p.prepare("(").is_err());
        assert!(p.prepare("\\a").is_err(), "an identity escape of a letter is an error with the u flag");
        assert!(p.prepare("(?<=a+)b").is_ok());
        assert!(p.is_valid("[^]") && !p.is_valid("^(abc]"));
    }
}
