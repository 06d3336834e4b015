//! The validator: one walk over schema and data that collects every error.
//!
//! The same code serves the form as the user types, the check before a
//! submission is packaged, and `eservice validate`, so the three can never
//! disagree. Schemas are checked once, up front, so that validating data can
//! only ever find fault with the data.

use serde_json::{Map, Value};

use super::error::{ErrorKind, JsonType, SchemaError, SchemaProblem, ValidationError};
use super::format;
use super::refs;
use super::pattern::PatternEngine;
use crate::pointer::JsonPointer;

/// How deep `$ref`s may nest at one place in the data before we assume a
/// cycle that never consumes data (`{"$ref": "#"}`).
const MAX_DEPTH: usize = 128;

/// Keywords whose value is a single subschema.
const SINGLE: &[&str] = &[
    "not", "if", "then", "else", "items", "additionalProperties", "contains", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties", "additionalItems",
];
/// Keywords whose value is an array of subschemas.
const ARRAYS: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems"];
/// Keywords whose value is an object of subschemas.
const MAPS: &[&str] = &["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

/// A schema that has been checked and is ready to validate data.
pub struct Validator<'a> {
    root: &'a Value,
    patterns: &'a dyn PatternEngine,
}

impl<'a> Validator<'a> {
    /// Checks `schema` and returns a validator for it.
    pub fn new(schema: &'a Value, patterns: &'a dyn PatternEngine) -> Result<Self, SchemaError> {
        let v = Validator { root: schema, patterns };
        v.check_schema(schema, &JsonPointer::root())?;
        Ok(v)
    }

    /// Every error in `data`, in document order of the schema walk.
    pub fn validate(&self, data: &Value) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        let mut walk = Walk { v: self, errors: &mut errors, depth: 0 };
        walk.schema(self.root, data, &JsonPointer::root(), &JsonPointer::root());
        errors
    }

    pub fn is_valid(&self, data: &Value) -> bool {
        self.validate(data).is_empty()
    }

    fn resolve(&self, reference: &str) -> Option<&'a Value> {
        refs::resolve(self.root, reference)
    }

    fn check_schema(&self, s: &Value, at: &JsonPointer) -> Result<(), SchemaError> {
        let obj = match s {
            Value::Bool(_) => return Ok(()),
            Value::Object(o) => o,
            _ => return Err(SchemaError { at: at.clone(), problem: SchemaProblem::NotASchema }),
        };
        let bad = |keyword: &str, expected: &'static str| SchemaError {
            at: at.child(keyword),
            problem: SchemaProblem::BadKeyword { keyword: keyword.into(), expected },
        };
        for (k, val) in obj {
            match k.as_str() {
                "$ref" => {
                    let r = val.as_str().ok_or_else(|| bad(k, "a string"))?;
                    if self.resolve(r).is_none() {
                        return Err(SchemaError {
                            at: at.child(k.as_str()),
                            problem: SchemaProblem::UnresolvedRef { reference: r.into() },
                        });
                    }
                }
                "type" => {
                    let ok = match val {
                        Value::String(t) => JsonType::parse(t).is_some(),
                        Value::Array(ts) => ts.iter().all(|t| t.as_str().and_then(JsonType::parse).is_some()),
                        _ => false,
                    };
                    if !ok {
                        return Err(bad(k, "a type name or a list of them"));
                    }
                }
                "required" => {
                    if !val.as_array().is_some_and(|a| a.iter().all(Value::is_string)) {
                        return Err(bad(k, "a list of property names"));
                    }
                }
                "enum" if !val.is_array() => return Err(bad(k, "a list")),
                "pattern" => {
                    let p = val.as_str().ok_or_else(|| bad(k, "a string"))?;
                    self.check_pattern(p, &at.child(k.as_str()))?;
                }
                "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties" | "maxProperties" => {
                    if non_negative_integer(val).is_none() {
                        return Err(bad(k, "a non-negative whole number"));
                    }
                }
                "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" if !val.is_number() => {
                    return Err(bad(k, "a number"));
                }
                "multipleOf" if !val.as_f64().is_some_and(|d| d > 0.0) => {
                    return Err(bad(k, "a number greater than 0"));
                }
                "format" if !val.is_string() => return Err(bad(k, "a string")),
                kw if SINGLE.contains(&kw) => {
                    // Before 2020-12, `items` could be an array of schemas.
                    if let (Value::Array(list), "items") = (val, kw) {
                        for (i, sub) in list.iter().enumerate() {
                            self.check_schema(sub, &at.child(kw).index(i))?;
                        }
                    } else {
                        self.check_schema(val, &at.child(kw))?;
                    }
                }
                kw if ARRAYS.contains(&kw) => {
                    let list = val.as_array().filter(|l| !l.is_empty()).ok_or_else(|| bad(kw, "a non-empty list of schemas"))?;
                    for (i, sub) in list.iter().enumerate() {
                        self.check_schema(sub, &at.child(kw).index(i))?;
                    }
                }
                kw if MAPS.contains(&kw) => {
                    let map = val.as_object().ok_or_else(|| bad(kw, "an object of schemas"))?;
                    for (name, sub) in map {
                        if kw == "patternProperties" {
                            self.check_pattern(name, &at.child(kw))?;
                        }
                        self.check_schema(sub, &at.child(kw).child(name.as_str()))?;
                    }
                }
                "dependentRequired" => {
                    let ok = val.as_object().is_some_and(|m| {
                        m.values().all(|l| l.as_array().is_some_and(|a| a.iter().all(Value::is_string)))
                    });
                    if !ok {
                        return Err(bad(k, "an object of property-name lists"));
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn check_pattern(&self, pattern: &str, at: &JsonPointer) -> Result<(), SchemaError> {
        self.patterns.is_match(pattern, "").map(drop).map_err(|reason| SchemaError {
            at: at.clone(),
            problem: SchemaProblem::BadPattern { pattern: pattern.into(), reason },
        })
    }
}

/// One validation pass: the error sink and the `$ref` depth guard.
struct Walk<'v, 'a> {
    v: &'v Validator<'a>,
    errors: &'v mut Vec<ValidationError>,
    depth: usize,
}

impl Walk<'_, '_> {
    fn fail(&mut self, ipath: &JsonPointer, spath: &JsonPointer, kind: ErrorKind) {
        self.errors.push(ValidationError { instance_path: ipath.clone(), schema_path: spath.clone(), kind });
    }

    /// Whether `data` passes `schema`, without keeping the errors.
    fn passes(&mut self, schema: &Value, data: &Value, ipath: &JsonPointer, spath: &JsonPointer) -> bool {
        let mut scratch = Vec::new();
        let mut sub = Walk { v: self.v, errors: &mut scratch, depth: self.depth };
        sub.schema(schema, data, ipath, spath);
        scratch.is_empty()
    }

    fn schema(&mut self, schema: &Value, data: &Value, ipath: &JsonPointer, spath: &JsonPointer) {
        let obj = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return self.fail(ipath, spath, ErrorKind::False),
            Value::Object(o) => o,
            _ => return, // ruled out by check_schema
        };
        if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
            if self.depth >= MAX_DEPTH {
                return self.fail(ipath, &spath.child("$ref"), ErrorKind::False);
            }
            if let Some(target) = self.v.resolve(r) {
                self.depth += 1;
                self.schema(target, data, ipath, &spath.child("$ref"));
                self.depth -= 1;
            }
        }
        self.generic(obj, data, ipath, spath);
        self.combinators(obj, data, ipath, spath);
        match data {
            Value::String(s) => self.string(obj, s, ipath, spath),
            Value::Number(_) => self.number(obj, data, ipath, spath),
            Value::Array(a) => self.array(obj, a, ipath, spath),
            Value::Object(m) => self.object(obj, data, m, ipath, spath),
            _ => {}
        }
    }

    fn generic(&mut self, obj: &Map<String, Value>, data: &Value, ipath: &JsonPointer, spath: &JsonPointer) {
        if let Some(t) = obj.get("type") {
            let expected: Vec<JsonType> = match t {
                Value::String(s) => JsonType::parse(s).into_iter().collect(),
                Value::Array(a) => a.iter().filter_map(|t| t.as_str().and_then(JsonType::parse)).collect(),
                _ => vec![],
            };
            if !expected.iter().any(|t| has_type(data, *t)) {
                self.fail(ipath, &spath.child("type"), ErrorKind::Type { expected });
            }
        }
        if let Some(Value::Array(options)) = obj.get("enum") {
            if !options.iter().any(|o| json_eq(o, data)) {
                self.fail(ipath, &spath.child("enum"), ErrorKind::Enum);
            }
        }
        if let Some(c) = obj.get("const") {
            if !json_eq(c, data) {
                self.fail(ipath, &spath.child("const"), ErrorKind::Const { expected: c.clone() });
            }
        }
    }

    fn combinators(&mut self, obj: &Map<String, Value>, data: &Value, ipath: &JsonPointer, spath: &JsonPointer) {
        if let Some(Value::Array(all)) = obj.get("allOf") {
            for (i, s) in all.iter().enumerate() {
                self.schema(s, data, ipath, &spath.child("allOf").index(i));
            }
        }
        if let Some(Value::Array(any)) = obj.get("anyOf") {
            let sp = spath.child("anyOf");
            if !any.iter().enumerate().any(|(i, s)| self.passes(s, data, ipath, &sp.index(i))) {
                self.fail(ipath, &sp, ErrorKind::AnyOf);
            }
        }
        if let Some(Value::Array(one)) = obj.get("oneOf") {
            let sp = spath.child("oneOf");
            let matched = one.iter().enumerate().filter(|(i, s)| self.passes(s, data, ipath, &sp.index(*i))).count();
            if matched != 1 {
                self.fail(ipath, &sp, ErrorKind::OneOf { matched });
            }
        }
        if let Some(not) = obj.get("not") {
            if self.passes(not, data, ipath, &spath.child("not")) {
                self.fail(ipath, &spath.child("not"), ErrorKind::Not);
            }
        }
        if let Some(cond) = obj.get("if") {
            let branch = if self.passes(cond, data, ipath, &spath.child("if")) { "then" } else { "else" };
            if let Some(s) = obj.get(branch) {
                self.schema(s, data, ipath, &spath.child(branch));
            }
        }
    }

    fn string(&mut self, obj: &Map<String, Value>, s: &str, ipath: &JsonPointer, spath: &JsonPointer) {
        let len = s.chars().count() as u64;
        if let Some(limit) = obj.get("minLength").and_then(non_negative_integer) {
            if len < limit {
                self.fail(ipath, &spath.child("minLength"), ErrorKind::MinLength { limit });
            }
        }
        if let Some(limit) = obj.get("maxLength").and_then(non_negative_integer) {
            if len > limit {
                self.fail(ipath, &spath.child("maxLength"), ErrorKind::MaxLength { limit });
            }
        }
        if let Some(p) = obj.get("pattern").and_then(Value::as_str) {
            if self.v.patterns.is_match(p, s) == Ok(false) {
                self.fail(ipath, &spath.child("pattern"), ErrorKind::Pattern { pattern: p.into() });
            }
        }
        if let Some(f) = obj.get("format").and_then(Value::as_str) {
            if let Err(e) = format::check(f, s) {
                self.fail(ipath, &spath.child("format"), ErrorKind::Format(e));
            }
        }
    }

    fn number(&mut self, obj: &Map<String, Value>, data: &Value, ipath: &JsonPointer, spath: &JsonPointer) {
        let Some(x) = data.as_f64() else { return };
        let limit = |k: &str| obj.get(k).and_then(Value::as_f64);
        if let Some(l) = limit("minimum").filter(|l| x < *l) {
            self.fail(ipath, &spath.child("minimum"), ErrorKind::Minimum { limit: l });
        }
        if let Some(l) = limit("exclusiveMinimum").filter(|l| x <= *l) {
            self.fail(ipath, &spath.child("exclusiveMinimum"), ErrorKind::ExclusiveMinimum { limit: l });
        }
        if let Some(l) = limit("maximum").filter(|l| x > *l) {
            self.fail(ipath, &spath.child("maximum"), ErrorKind::Maximum { limit: l });
        }
        if let Some(l) = limit("exclusiveMaximum").filter(|l| x >= *l) {
            self.fail(ipath, &spath.child("exclusiveMaximum"), ErrorKind::ExclusiveMaximum { limit: l });
        }
        if let Some(d) = limit("multipleOf") {
            if !is_multiple(x, d) {
                self.fail(ipath, &spath.child("multipleOf"), ErrorKind::MultipleOf { divisor: d });
            }
        }
    }

    fn array(&mut self, obj: &Map<String, Value>, a: &[Value], ipath: &JsonPointer, spath: &JsonPointer) {
        let len = a.len() as u64;
        if let Some(limit) = obj.get("minItems").and_then(non_negative_integer).filter(|l| len < *l) {
            self.fail(ipath, &spath.child("minItems"), ErrorKind::MinItems { limit });
        }
        if let Some(limit) = obj.get("maxItems").and_then(non_negative_integer).filter(|l| len > *l) {
            self.fail(ipath, &spath.child("maxItems"), ErrorKind::MaxItems { limit });
        }
        if obj.get("uniqueItems") == Some(&Value::Bool(true)) {
            let repeated = a.iter().enumerate().any(|(i, x)| a[..i].iter().any(|y| json_eq(x, y)));
            if repeated {
                self.fail(ipath, &spath.child("uniqueItems"), ErrorKind::UniqueItems);
            }
        }
        let prefix = match obj.get("prefixItems") {
            Some(Value::Array(p)) => p.as_slice(),
            _ => &[],
        };
        for (i, (item, s)) in a.iter().zip(prefix).enumerate() {
            self.schema(s, item, &ipath.index(i), &spath.child("prefixItems").index(i));
        }
        if let Some(items) = obj.get("items").filter(|s| !s.is_array()) {
            for (i, item) in a.iter().enumerate().skip(prefix.len()) {
                self.schema(items, item, &ipath.index(i), &spath.child("items"));
            }
        }
    }

    fn object(&mut self, obj: &Map<String, Value>, data: &Value, m: &Map<String, Value>, ipath: &JsonPointer, spath: &JsonPointer) {
        if let Some(Value::Array(req)) = obj.get("required") {
            for name in req.iter().filter_map(Value::as_str) {
                if !m.contains_key(name) {
                    self.fail(ipath, &spath.child("required"), ErrorKind::Required { property: name.into() });
                }
            }
        }
        if let Some(Value::Object(deps)) = obj.get("dependentRequired") {
            for (trigger, needed) in deps.iter().filter(|(t, _)| m.contains_key(t.as_str())) {
                for name in needed.as_array().into_iter().flatten().filter_map(Value::as_str) {
                    if !m.contains_key(name) {
                        self.fail(
                            ipath,
                            &spath.child("dependentRequired").child(trigger.as_str()),
                            ErrorKind::DependentRequired { property: name.into(), because_of: trigger.clone() },
                        );
                    }
                }
            }
        }
        if let Some(Value::Object(deps)) = obj.get("dependentSchemas") {
            for (trigger, s) in deps.iter().filter(|(t, _)| m.contains_key(t.as_str())) {
                self.schema(s, data, ipath, &spath.child("dependentSchemas").child(trigger.as_str()));
            }
        }
        let len = m.len() as u64;
        if let Some(limit) = obj.get("minProperties").and_then(non_negative_integer).filter(|l| len < *l) {
            self.fail(ipath, &spath.child("minProperties"), ErrorKind::MinProperties { limit });
        }
        if let Some(limit) = obj.get("maxProperties").and_then(non_negative_integer).filter(|l| len > *l) {
            self.fail(ipath, &spath.child("maxProperties"), ErrorKind::MaxProperties { limit });
        }
        let props = obj.get("properties").and_then(Value::as_object);
        let pattern_props = obj.get("patternProperties").and_then(Value::as_object);
        for (name, value) in m {
            let child = ipath.child(name.as_str());
            let mut matched = false;
            if let Some(s) = props.and_then(|p| p.get(name)) {
                matched = true;
                self.schema(s, value, &child, &spath.child("properties").child(name.as_str()));
            }
            for (pat, s) in pattern_props.into_iter().flatten() {
                if self.v.patterns.is_match(pat, name) == Ok(true) {
                    matched = true;
                    self.schema(s, value, &child, &spath.child("patternProperties").child(pat.as_str()));
                }
            }
            if let (false, Some(extra)) = (matched, obj.get("additionalProperties")) {
                let sp = spath.child("additionalProperties");
                if extra == &Value::Bool(false) {
                    self.fail(&child, &sp, ErrorKind::AdditionalProperty { property: name.clone() });
                } else {
                    self.schema(extra, value, &child, &sp);
                }
            }
        }
        if let Some(names) = obj.get("propertyNames") {
            for name in m.keys() {
                let n = Value::String(name.clone());
                self.schema(names, &n, &ipath.child(name.as_str()), &spath.child("propertyNames"));
            }
        }
    }
}

fn has_type(v: &Value, t: JsonType) -> bool {
    match (t, v) {
        (JsonType::Null, Value::Null)
        | (JsonType::Boolean, Value::Bool(_))
        | (JsonType::Object, Value::Object(_))
        | (JsonType::Array, Value::Array(_))
        | (JsonType::Number, Value::Number(_))
        | (JsonType::String, Value::String(_)) => true,
        // 1.0 is an integer: JSON has one number type.
        (JsonType::Integer, Value::Number(n)) => {
            n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        _ => false,
    }
}

/// JSON equality, under which `1` and `1.0` are the same number.
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => match (x.as_u64(), y.as_u64()) {
                (Some(i), Some(j)) => i == j,
                _ => x.as_f64() == y.as_f64(),
            },
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

fn is_multiple(x: f64, d: f64) -> bool {
    let q = x / d;
    if !q.is_finite() {
        return false;
    }
    // Decimal divisors like 0.01 are not exact in binary; allow rounding noise.
    (q - q.round()).abs() < 1e-9 * q.abs().max(1.0)
}

fn non_negative_integer(v: &Value) -> Option<u64> {
    v.as_u64().or_else(|| v.as_f64().filter(|f| *f >= 0.0 && f.fract() == 0.0).map(|f| f as u64))
}
