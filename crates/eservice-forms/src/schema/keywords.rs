//! Keywords this kit does not know. JSON Schema ignores them, and so does
//! the kit, but an agency should hear about a typo such as `"requird"`.

use serde_json::Value;

use eservice_base::pointer::JsonPointer;

use super::index::each_schema;

/// Every keyword of JSON Schema draft 2020-12 (and the older names the kit
/// still reads: `definitions`, `dependencies`, `additionalItems`).
const KNOWN: &[&str] = &[
    "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
    "definitions", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "dependencies",
    "prefixItems", "items", "additionalItems", "contains", "properties", "patternProperties",
    "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "type", "enum",
    "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
    "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
    "maxProperties", "minProperties", "required", "dependentRequired", "format", "contentEncoding",
    "contentMediaType", "contentSchema", "title", "description", "default", "deprecated", "readOnly",
    "writeOnly", "examples",
];

/// Unknown keywords in `schema`, with where they are. Extensions named
/// `x-…` (such as `x-title-en`) are the schema author's own and not listed.
pub fn unknown_keywords(schema: &Value) -> Vec<(JsonPointer, String)> {
    let mut out = Vec::new();
    each_schema(schema, &JsonPointer::root(), &mut |s, at| {
        let Value::Object(o) = s else { return };
        for k in o.keys().filter(|k| !KNOWN.contains(&k.as_str()) && !k.starts_with("x-")) {
            out.push((at.clone(), k.clone()));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_typos_but_not_extensions() {
        let s = json!({"requird": ["a"], "x-title-en": "A", "properties": {"a": {"titel": "ก", "type": "string"}}});
        let found: Vec<String> = unknown_keywords(&s).iter().map(|(p, k)| format!("{p}:{k}")).collect();
        assert_eq!(found, [":requird", "/properties/a:titel"]);
    }
}
