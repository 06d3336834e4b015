//! Patterns that can run away, found before they do.
//!
//! A backtracking engine (regress, every browser's RegExp) can take time
//! exponential in the text on patterns with nested quantifiers such as
//! `^(a+)+$`. The kit runs such patterns in linear time (`linear.rs`), so
//! they only run away elsewhere; the agency is warned all the same
//! ([`risky_patterns`]). Patterns with lookaround or backreferences have no
//! linear form: before the ECMA engine runs one, [`ecma_steps`] bounds the
//! steps it may take on the text, and a text over [`STEP_BUDGET`] is refused
//! ("took too long to check") instead of freezing the page or the backend.
//!
//! Why a bound computed beforehand and not a counter inside the engine:
//! regress has no step limit (its budget pull request was closed unmerged)
//! and the browser's RegExp none either; fancy-regex has one, but differs from
//! ECMA-262 on backreferences (to a group not taken, or taken in an earlier
//! repetition) and lookbehind (fixed length only), so the backend and the
//! browser would disagree. The bound is the same number in both, so they
//! agree even on what they refuse.

use serde_json::Value;

use eservice_base::lang::Lang;
use eservice_base::pointer::JsonPointer;

use super::ecma::{self, Node};
use super::index::each_schema;

/// Estimated ECMA-engine steps allowed for one pattern on one text: a few
/// tens of milliseconds in regress, less in a browser.
pub const STEP_BUDGET: f64 = 1e7;

/// An upper bound on the steps a backtracking ECMA-262 engine takes to
/// search a text of `n` code points (every start position, every way the
/// pattern can split the text).
pub fn ecma_steps(node: &Node, n: usize) -> f64 {
    let n = n as f64;
    let starts = if anchored(node) { 1.0 } else { n + 1.0 };
    starts * cost(node, n).work
}

/// The ways a piece of pattern can end when started at one place, and the
/// work of trying them all.
struct Cost {
    ways: f64,
    work: f64,
}

fn cost(node: &Node, n: f64) -> Cost {
    match node {
        Node::Empty | Node::Set(_) | Node::Opaque | Node::Start | Node::End | Node::WordBoundary(_) => {
            Cost { ways: 1.0, work: 1.0 }
        }
        Node::Backref => Cost { ways: 1.0, work: n + 1.0 },
        // Lookaround is atomic: tried once, one way out.
        Node::Look(inner) => Cost { ways: 1.0, work: cost(inner, n).work + 1.0 },
        // Each way the first part ends starts the rest again.
        Node::Concat(items) => items.iter().fold(Cost { ways: 1.0, work: 0.0 }, |acc, item| {
            let c = cost(item, n);
            Cost { ways: acc.ways * c.ways, work: acc.work + acc.ways * c.work }
        }),
        Node::Alt(alts) => alts.iter().fold(Cost { ways: 0.0, work: 0.0 }, |acc, alt| {
            let c = cost(alt, n);
            Cost { ways: acc.ways + c.ways, work: acc.work + c.work }
        }),
        Node::Repeat { node, min, max } => {
            let body = cost(node, n);
            let min = f64::from(*min);
            // An iteration that matches nothing ends the loop (ECMA-262's
            // RepeatMatcher), so past `min` each one takes a code point.
            let reps = max.map_or(f64::INFINITY, f64::from).min(min + n + 1.0);
            if body.ways <= 1.0 {
                let counts = reps - min + 1.0;
                Cost { ways: counts, work: reps * body.work + counts }
            } else {
                // Every iteration may end in several places: the paths multiply.
                // (A loop, not powf: libm's pow would cost the download more.)
                let mut ways = 1.0;
                let mut k = 0.0;
                while k < reps && ways < f64::MAX {
                    ways *= body.ways;
                    k += 1.0;
                }
                Cost { ways, work: ways * body.work }
            }
        }
    }
}

/// Whether every match must start at the beginning of the text.
fn anchored(node: &Node) -> bool {
    match node {
        Node::Start => true,
        Node::Concat(items) => items.first().is_some_and(anchored),
        Node::Alt(alts) => alts.iter().all(anchored),
        _ => false,
    }
}

/// Whether a quantifier that can repeat holds another whose count varies:
/// `(a+)+`, `([ก-๙]+\s?)+`, `(a?){30}`; not `(\d{3}-)+`.
pub fn nested_quantifiers(node: &Node) -> bool {
    fn walk(node: &Node, repeated: bool) -> bool {
        match node {
            Node::Repeat { node, min, max } => {
                if repeated && *max != Some(*min) {
                    return true;
                }
                walk(node, repeated || max.is_none_or(|m| m > 1))
            }
            Node::Concat(items) | Node::Alt(items) => items.iter().any(|n| walk(n, repeated)),
            Node::Look(inner) => walk(inner, repeated),
            _ => false,
        }
    }
    walk(node, false)
}

/// A `pattern` (or `patternProperties` name) with nested quantifiers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternWarning {
    /// The document it is in, when not the schema itself (`common/defs.json`).
    pub document: Option<String>,
    /// The keyword in the schema: `…/pattern` or `…/patternProperties/<pattern>`.
    pub at: JsonPointer,
    pub pattern: String,
}

impl PatternWarning {
    pub fn message(&self, lang: Lang) -> String {
        let (doc, at, p) = (self.document.as_deref().unwrap_or(""), &self.at, &self.pattern);
        match lang {
            Lang::Th => format!(
                "{doc}#{at}: pattern “{p}” มีตัวระบุจำนวนซ้อนกัน (เช่น (a+)+) เครื่องตรวจแบบย้อนรอยในเบราว์เซอร์และระบบอื่นอาจใช้เวลาเพิ่มเป็นเท่าตัวทุกตัวอักษรเมื่อข้อความเกือบตรง ควรเขียนใหม่ไม่ให้ซ้อนกัน (เช่น ^a+$ แทน ^(a+)+$)"
            ),
            Lang::En => format!(
                "{doc}#{at}: pattern “{p}” nests quantifiers (like (a+)+): backtracking engines in browsers and other systems may take time that doubles with each character on a near match; rewrite it without nesting (like ^a+$ for ^(a+)+$)"
            ),
        }
    }
}

/// Every `pattern` and `patternProperties` in `schema` with nested
/// quantifiers: for `eservice validate` to print and for the web app to log
/// when a form loads.
pub fn risky_patterns(schema: &Value) -> Vec<PatternWarning> {
    let mut out = Vec::new();
    let risky = |p: &str| ecma::parse(p).is_some_and(|n| nested_quantifiers(&n));
    each_schema(schema, &JsonPointer::root(), &mut |s, at| {
        if let Some(p) = s.get("pattern").and_then(Value::as_str).filter(|p| risky(p)) {
            out.push(PatternWarning { document: None, at: at.child("pattern"), pattern: p.to_owned() });
        }
        for p in s.get("patternProperties").and_then(Value::as_object).into_iter().flat_map(|m| m.keys()) {
            if risky(p) {
                let at = at.child("patternProperties").child(p.as_str());
                out.push(PatternWarning { document: None, at, pattern: p.clone() });
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn steps(p: &str, n: usize) -> f64 {
        ecma_steps(&ecma::parse(p).unwrap(), n)
    }

    #[test]
    fn nested_quantifiers_are_found() {
        for p in ["^(a+)+$", "^([ก-๙]+\\s?)+$", "(a?){30}", "(?:x(?:y*z)*)"] {
            assert!(nested_quantifiers(&ecma::parse(p).unwrap()), "{p}");
        }
        for p in ["^a+$", "^(\\d{3}-)+$", "(a+)?", "(?:ab|cd)+", "^[ก-๙ ]+$"] {
            assert!(!nested_quantifiers(&ecma::parse(p).unwrap()), "{p}");
        }
    }

    #[test]
    fn the_bound_grows_as_backtracking_does() {
        // Lookahead with simple quantifiers: a few steps per character.
        assert!(steps("^(?=.*\\d)[a-z\\d]{8,}$", 1000) < 1e5);
        // Nested quantifiers: exponential, refused long before a second passes.
        assert!(steps("^(?=a)(a+)+$", 41) > STEP_BUDGET);
        assert!(steps("^(?=a)(a+)+$", 4) < STEP_BUDGET);
        // A backreference is a scan of the text at each step.
        assert!(steps("(a)\\1", 100) > steps("(a)a", 100));
    }

    #[test]
    fn risky_patterns_are_named_by_pointer() {
        let s = json!({
            "properties": {
                "name": {"type": "string", "pattern": "^([ก-๙]+\\s?)+$"},
                "postcode": {"pattern": "^[0-9]{5}$"}
            },
            "patternProperties": {"^(a+)+$": true}
        });
        let found: Vec<String> = risky_patterns(&s).iter().map(|w| w.at.to_string()).collect();
        assert_eq!(found, ["/patternProperties/^(a+)+$", "/properties/name/pattern"]);
        assert!(risky_patterns(&s)[1].message(Lang::Th).contains("ซ้อนกัน"));
    }
}
