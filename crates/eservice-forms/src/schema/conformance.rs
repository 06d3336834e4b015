//! Running the official JSON-Schema-Test-Suite against this validator, the
//! same way natively (`eservice conformance`) and in the browser.
//!
//! The caller supplies the suite's files and the documents they refer to
//! (the suite's remotes, served as `http://localhost:1234/…`); the official
//! metaschemas are built into every validator (`metaschemas.rs`, the one
//! list, re-exported here). This module only runs and counts.

use serde_json::Value;

pub use super::metaschemas::{metaschema_uri, metaschemas, METASCHEMA_BASE};
use super::pattern::PatternEngine;
use super::validate::Validator;

/// Where the suite expects its remotes to be served.
pub const REMOTES_BASE: &str = "http://localhost:1234/";

/// Passes and failures for one suite file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: usize,
    pub failed: usize,
    /// `group / test` of each failure, with what went wrong.
    pub failures: Vec<String>,
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.failures.extend(other.failures.iter().cloned());
    }
}

/// Runs one suite file (an array of test groups). `assert_formats` is off for
/// the required tests (format is an annotation by default) and on for
/// `optional/format`.
pub fn run_file(
    groups: &Value,
    documents: &[(String, Value)],
    assert_formats: bool,
    engine: &dyn Fn() -> Box<dyn PatternEngine>,
) -> Tally {
    let mut t = Tally::default();
    for g in groups.as_array().into_iter().flatten() {
        let name = g.get("description").and_then(Value::as_str).unwrap_or("?");
        let tests = g.get("tests").and_then(Value::as_array).cloned().unwrap_or_default();
        let mut b = Validator::builder(g.get("schema").cloned().unwrap_or(Value::Bool(true))).assert_formats(assert_formats);
        for (uri, doc) in documents {
            b = b.document(uri, doc.clone());
        }
        let validator = b.build(engine());
        for test in &tests {
            let desc = test.get("description").and_then(Value::as_str).unwrap_or("?");
            let want = test.get("valid").and_then(Value::as_bool).unwrap_or(true);
            let data = test.get("data").unwrap_or(&Value::Null);
            match &validator {
                Ok(v) if v.is_valid(data) == want => t.passed += 1,
                Ok(_) => {
                    t.failed += 1;
                    t.failures.push(format!("{name} / {desc}: expected {}", if want { "valid" } else { "invalid" }));
                }
                Err(e) => {
                    t.failed += 1;
                    t.failures.push(format!("{name} / {desc}: schema refused: {e}"));
                }
            }
        }
    }
    t
}

#[cfg(all(test, feature = "ecma-regex"))]
mod tests {
    use super::*;
    use crate::schema::RegressEngine;
    use serde_json::json;

    #[test]
    fn counts_and_names_failures() {
        let groups = json!([{
            "description": "minimum",
            "schema": {"minimum": 1},
            "tests": [
                {"description": "above", "data": 2, "valid": true},
                {"description": "wrongly claimed valid", "data": 0, "valid": true}
            ]
        }]);
        let t = run_file(&groups, &[], false, &|| Box::new(RegressEngine::default()));
        assert_eq!((t.passed, t.failed), (1, 1));
        assert_eq!(t.failures, ["minimum / wrongly claimed valid: expected valid"]);
    }

    #[test]
    fn metaschemas_validate_themselves() {
        let docs = metaschemas();
        assert_eq!(docs.len(), 9);
        let schema = docs[0].1.clone();
        // Built in: no documents given.
        let v = Validator::new(json!({"$ref": "https://json-schema.org/draft/2020-12/schema"}), Box::new(RegressEngine::default()))
            .unwrap();
        assert!(v.is_valid(&schema));
        assert!(!v.is_valid(&json!({"type": 3})));
        assert!(!v.is_valid(&json!({"minLength": -1})));
    }

    #[test]
    fn metaschema_uris() {
        assert_eq!(metaschema_uri("schema.json"), "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(metaschema_uri("meta/core.json"), "https://json-schema.org/draft/2020-12/meta/core");
    }
}
