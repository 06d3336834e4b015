//! JSON Schema: checking a schema, and validating data against it.
//!
//! An agency describes a service's request form as a JSON Schema. This module
//! is the one validator behind the e-Form, the pre-submit check and the CLI.

mod check;
#[cfg(feature = "conformance")]
pub mod conformance;
mod ecma;
mod error;
pub mod format;
mod index;
mod keywords;
mod linear;
mod metaschemas;
mod pattern;
mod risk;
mod uri;
mod validate;

pub use error::{ErrorKind, FieldInfo, Hint, JsonType, SchemaError, SchemaProblem, ValidationError};
pub use format::FormatError;
pub use keywords::unknown_keywords;
#[cfg(feature = "ecma-regex")]
pub use pattern::RegressEngine;
pub use pattern::{NoPatterns, PatternEngine};
pub use risk::{risky_patterns, PatternWarning};
pub use uri::Uri;
pub use validate::{json_eq, Builder, Validator, DEFAULT_BASE};

#[cfg(all(test, feature = "ecma-regex"))]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn errors(schema: Value, data: Value) -> Vec<String> {
        let v = Validator::new(schema, Box::new(RegressEngine::default())).expect("schema is valid");
        v.validate(&data).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn nested_required_and_types() {
        let schema = json!({
            "type": "object",
            "required": ["name", "address"],
            "properties": {
                "name": {"type": "string", "minLength": 2},
                "capital": {"type": "number", "minimum": 0},
                "address": {
                    "type": "object",
                    "required": ["postcode"],
                    "properties": {"postcode": {"type": "string", "pattern": "^[1-9][0-9]{4}$"}}
                }
            }
        });
        assert_eq!(
            errors(schema.clone(), json!({"name": "ก", "capital": -1, "address": {}})),
            [
                "/name: Must be at least 2 characters",
                "/capital: Must be at least 0",
                "/address/postcode: This field is required",
            ]
        );
        assert_eq!(errors(schema.clone(), json!({"address": {"postcode": "0123"}})), [
            "/name: This field is required",
            "/address/postcode: Not in the expected form",
        ]);
        assert!(errors(schema, json!({"name": "สมชาย", "address": {"postcode": "10200"}})).is_empty());
    }

    #[test]
    fn integers_and_equality_follow_json_not_rust() {
        assert!(errors(json!({"type": "integer"}), json!(1.0)).is_empty());
        assert_eq!(errors(json!({"type": "integer"}), json!(1.5)), ["(root): Must be a whole number"]);
        assert!(errors(json!({"enum": [1, "a"]}), json!(1.0)).is_empty());
        assert!(errors(json!({"multipleOf": 0.01}), json!(19.99)).is_empty());
        assert_eq!(errors(json!({"uniqueItems": true}), json!([1, 1.0])), ["(root): Items must not repeat"]);
    }

    #[test]
    fn combinators_and_conditionals() {
        let schema = json!({
            "properties": {"kind": {"enum": ["person", "company"]}},
            "if": {"properties": {"kind": {"const": "company"}}},
            "then": {"required": ["company_id"]},
            "else": {"required": ["citizen_id"]},
        });
        assert_eq!(errors(schema.clone(), json!({"kind": "company"})), ["/company_id: This field is required"]);
        assert_eq!(errors(schema, json!({"kind": "person"})), ["/citizen_id: This field is required"]);
        assert_eq!(errors(json!({"oneOf": [{"type": "number"}, {"minimum": 0}]}), json!(3)), [
            "(root): Matches more than one of the choices"
        ]);
        assert_eq!(errors(json!({"not": {"type": "null"}}), json!(null)), ["(root): This value is not allowed"]);
        assert_eq!(errors(json!({"anyOf": [{"type": "string"}]}), json!(3)), ["(root): Matches none of the allowed choices"]);
    }

    #[test]
    fn local_refs_and_anchors() {
        let schema = json!({
            "$defs": {"postcode": {"$anchor": "pc", "type": "string", "pattern": "^[0-9]{5}$"}},
            "properties": {
                "a": {"$ref": "#/$defs/postcode"},
                "b": {"$ref": "#pc"}
            }
        });
        assert_eq!(errors(schema, json!({"a": "1", "b": "x"})), [
            "/a: Not in the expected form",
            "/b: Not in the expected form"
        ]);
    }

    #[test]
    fn a_ref_cycle_that_consumes_no_data_terminates() {
        let e = errors(json!({"$ref": "#"}), json!(1));
        assert_eq!(e, ["(root): The schema refers to itself in an endless loop"]);
    }

    #[test]
    fn citizen_id_format_gives_the_reason() {
        let s = json!({"type": "string", "format": "thai-citizen-id"});
        assert_eq!(errors(s.clone(), json!("1101700207031")).len(), 1);
        assert!(errors(s, json!("1101700207030")).is_empty());
    }

    #[test]
    fn additional_and_dependent() {
        let schema = json!({
            "properties": {"a": {}},
            "additionalProperties": false,
            "dependentRequired": {"a": ["b"]}
        });
        assert_eq!(errors(schema, json!({"a": 1, "c": 2})), [
            "/b: This field is required because “a” is filled in",
            "/c: This form has no field “c”",
        ]);
    }

    #[test]
    fn bad_schemas_are_named_by_pointer() {
        let check = |s: Value| {
            Validator::new(s, Box::new(RegressEngine::default())).err().map(|e| (e.at.to_string(), e.problem))
        };
        assert_eq!(
            check(json!({"properties": {"a": {"$ref": "#/$defs/missing"}}})),
            Some(("/properties/a/$ref".into(), SchemaProblem::UnresolvedRef { reference: "#/$defs/missing".into() }))
        );
        assert!(matches!(check(json!({"pattern": "("})), Some((p, SchemaProblem::BadPattern { .. })) if p == "/pattern"));
        assert!(matches!(check(json!({"required": "name"})), Some((p, SchemaProblem::BadKeyword { .. })) if p == "/required"));
        assert!(matches!(check(json!({"properties": {"a": 3}})), Some((p, SchemaProblem::NotASchema)) if p == "/properties/a"));
        assert!(matches!(check(json!({"type": "text"})), Some((_, SchemaProblem::BadKeyword { .. }))));
        let missing = check(json!({"$ref": "common.json#/$defs/x"}));
        assert_eq!(
            missing,
            Some(("/$ref".into(), SchemaProblem::MissingDocument { uri: "https://schema.invalid/common.json".into() }))
        );
    }

    #[test]
    fn documents_beside_the_schema() {
        let v = Validator::builder(json!({"properties": {"pc": {"$ref": "common.json#/$defs/postcode"}}}))
            .base("file:///forms/a/schema.json")
            .document("file:///forms/a/common.json", json!({"$defs": {"postcode": {"pattern": "^[0-9]{5}$"}}}))
            .build(Box::new(RegressEngine::default()))
            .unwrap();
        assert_eq!(v.validate(&json!({"pc": "x"})).len(), 1);
        assert!(v.is_valid(&json!({"pc": "10500"})));
    }

    #[test]
    fn unevaluated_properties_see_through_combinators() {
        let schema = json!({
            "properties": {"kind": {"enum": ["x", "y"]}},
            "allOf": [{"properties": {"a": true}}],
            "if": {"properties": {"kind": {"const": "x"}}},
            "then": {"properties": {"b": true}},
            "unevaluatedProperties": false
        });
        assert!(errors(schema.clone(), json!({"a": 1, "kind": "x", "b": 2})).is_empty());
        assert_eq!(errors(schema, json!({"a": 1, "kind": "y", "b": 2})), ["/b: This form has no field “b”"]);
    }

    #[test]
    fn dynamic_refs_follow_the_outermost_anchor() {
        let schema = json!({
            "$id": "https://example.com/strict",
            "$dynamicAnchor": "node",
            "$ref": "list",
            "$defs": {
                "list": {
                    "$id": "list",
                    "$dynamicAnchor": "node",
                    "type": "array",
                    "items": {"$dynamicRef": "#node"}
                }
            },
            "unevaluatedItems": false,
            "maxItems": 2
        });
        assert!(errors(schema.clone(), json!([[], [[]]])).is_empty());
        // The inner list is checked against the outermost "node": at most 2 items.
        assert_eq!(errors(schema, json!([[[], [], []]])), ["/0: Must have at most 2 items"]);
    }

    #[test]
    fn formats_can_be_annotations() {
        let v = Validator::builder(json!({"format": "email"})).assert_formats(false).build(Box::new(NoPatterns)).unwrap();
        assert!(v.is_valid(&json!("not an email")));
    }

    #[test]
    fn the_official_metaschemas_are_built_in() {
        let meta = json!({"$ref": "https://json-schema.org/draft/2020-12/schema"});
        assert!(errors(meta.clone(), json!({"type": "string", "minLength": 1})).is_empty());
        assert!(!errors(meta.clone(), json!({"type": 3})).is_empty());
        assert!(!errors(meta, json!({"properties": {"a": {"minLength": -1}}})).is_empty());
        let vocab = json!({"$ref": "https://json-schema.org/draft/2020-12/meta/validation"});
        assert!(!errors(vocab, json!({"maxItems": "2"})).is_empty());
        // Other URIs on that site are still documents to be given.
        let missing = Validator::new(json!({"$ref": "https://json-schema.org/draft/2019-09/schema"}), Box::new(NoPatterns));
        assert!(matches!(missing.map(drop).unwrap_err().problem, SchemaProblem::MissingDocument { .. }));
    }

    /// `$defs` l0…l{levels}, each twice `$ref` to the next under `keyword`,
    /// the last one refusing numbers: 2^levels paths to the end.
    fn doubling(keyword: &str, levels: usize) -> Value {
        let mut defs = serde_json::Map::new();
        for n in 0..levels {
            let next = json!({"$ref": format!("#/$defs/l{}", n + 1)});
            defs.insert(format!("l{n}"), json!({ keyword: [next.clone(), next] }));
        }
        defs.insert(format!("l{levels}"), json!({"type": "string"}));
        json!({"$defs": defs, "$ref": "#/$defs/l0"})
    }

    #[test]
    fn trees_that_double_at_each_level_stay_fast() {
        let t = std::time::Instant::now();
        assert_eq!(errors(doubling("anyOf", 30), json!(5)), ["(root): Matches none of the allowed choices"]);
        // The last level matches twice, so the one above fails, and so on up.
        assert_eq!(errors(doubling("oneOf", 30), json!("5")), ["(root): Matches none of the allowed choices"]);
        // allOf keeps every branch's errors: 2^30 of them cannot be listed,
        // so the work budget ends it with a named error.
        assert_eq!(errors(doubling("allOf", 30), json!(5)), [
            "(root): Checking this value against the schema took too long, so it is refused"
        ]);
        assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
        assert_eq!(errors(doubling("allOf", 3), json!(5)).len(), 8);
    }

    #[test]
    fn remembered_refs_keep_their_paths_and_annotations() {
        let schema = json!({
            "$defs": {"s": {"properties": {"x": {"minimum": 10}}}},
            "allOf": [{"$ref": "#/$defs/s"}, {"$ref": "#/$defs/s"}],
            "unevaluatedProperties": false
        });
        let v = Validator::new(schema, Box::new(RegressEngine::default())).unwrap();
        let found = v.validate(&json!({"x": 5, "y": 1}));
        let paths: Vec<String> = found.iter().map(|e| format!("{} {}", e.instance_path, e.schema_path)).collect();
        assert_eq!(paths, [
            "/x /allOf/0/$ref/properties/x/minimum",
            "/x /allOf/1/$ref/properties/x/minimum",
            "/y /unevaluatedProperties",
        ]);
    }

    #[test]
    fn a_pattern_too_slow_to_check_is_refused_at_its_field() {
        // Lookahead needs the ECMA engine; nested quantifiers make its steps
        // grow exponentially, so all but the shortest values are refused.
        let schema = json!({"properties": {"name": {"pattern": "^(?=\\S)([ก-๙]+\\s?)+$"}}});
        let long = format!("{}!", "สมชาย".repeat(8));
        let t = std::time::Instant::now();
        assert_eq!(errors(schema.clone(), json!({"name": long})), [
            "/name: Checking this field's pattern took too long, so the value is refused"
        ]);
        assert!(t.elapsed().as_millis() < 100);
        assert!(errors(schema, json!({"name": "สม"})).is_empty());
        // Lookahead without nesting runs on long values.
        let schema = json!({"properties": {"name": {"pattern": "^(?!\\s)[ก-๙ ]+$"}}});
        assert!(errors(schema.clone(), json!({"name": "สมชาย ".repeat(200).trim()})).is_empty());
        assert_eq!(errors(schema, json!({"name": " สมชาย"})), ["/name: Not in the expected form"]);
    }

    #[test]
    fn risky_patterns_are_found_in_referred_documents_too() {
        let v = Validator::builder(json!({"properties": {"a": {"$ref": "defs.json#/$defs/name"}, "b": {"pattern": "^(a+)+$"}}}))
            .base("file:///forms/x/schema.json")
            .document("file:///forms/x/defs.json", json!({"$defs": {"name": {"pattern": "^([ก-๙]+\\s?)+$"}}}))
            .build(Box::new(RegressEngine::default()))
            .unwrap();
        let found: Vec<String> = v.risky_patterns().iter().map(|w| w.message(eservice_base::Lang::En)).collect();
        assert!(found[0].starts_with("#/properties/b/pattern: pattern “^(a+)+$” nests quantifiers"), "{found:?}");
        assert!(found[1].starts_with("file:///forms/x/defs.json#/$defs/name/pattern: "), "{found:?}");
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn without_an_engine_patterns_are_refused_loudly() {
        let s = json!({"pattern": "^a$"});
        assert!(Validator::new(s, Box::new(NoPatterns)).is_err());
    }
}
