//! Checking a schema before use: keyword shapes in the agency's own schema,
//! and that every `$ref` reachable from it resolves. A schema that passes
//! can only ever find fault with data.

use serde_json::Value;

use eservice_base::pointer::JsonPointer;

use super::error::{JsonType, SchemaError, SchemaProblem};
use super::index::{subschemas, Index, Loc};
use super::pattern::Patterns;
use super::uri::Uri;

/// Checks the schema `index` holds from `root`, with the validator's
/// `patterns` (a pattern it cannot run is a schema error). Takes the
/// validator's parts, not the validator, so that this module sits below
/// [`super::validate`], which calls it while building one.
pub(super) fn check(index: &Index, root: &Loc, patterns: &Patterns) -> Result<(), SchemaError> {
    let mut checked = vec![0usize];
    let mut todo = vec![root.clone()];
    while let Some(loc) = todo.pop() {
        let doc = &index.docs[loc.doc];
        let mut c = Checker { index, patterns, doc: loc.doc, shapes: loc.doc == 0, reached: Vec::new() };
        c.walk(doc, &JsonPointer::root(), &loc.base)?;
        for r in c.reached {
            if !checked.contains(&r.doc) {
                checked.push(r.doc);
                let base = r.base.clone();
                todo.push(Loc { doc: r.doc, ptr: JsonPointer::root(), base: document_base(index, r.doc).unwrap_or(base) });
            }
        }
    }
    Ok(())
}

/// The retrieval URI of document `doc`: the base around its root.
fn document_base(index: &Index, doc: usize) -> Option<Uri> {
    index.retrieval_uri(doc).cloned()
}

struct Checker<'v> {
    index: &'v Index,
    patterns: &'v Patterns,
    doc: usize,
    /// Keyword shapes are checked in the agency's schema only; documents it
    /// refers to (metaschemas, other drafts) are only followed.
    shapes: bool,
    /// Places in other documents that `$ref`s lead to.
    reached: Vec<Loc>,
}

impl Checker<'_> {
    fn error(&self, at: JsonPointer, problem: SchemaProblem) -> SchemaError {
        let document = (self.doc != 0).then(|| self.index.retrieval_uri(self.doc).map(ToString::to_string)).flatten();
        SchemaError { at, document, problem }
    }

    fn walk(&mut self, s: &Value, at: &JsonPointer, around: &Uri) -> Result<(), SchemaError> {
        let o = match s {
            Value::Bool(_) => return Ok(()),
            Value::Object(o) => o,
            _ if self.shapes => return Err(self.error(at.clone(), SchemaProblem::NotASchema)),
            _ => return Ok(()),
        };
        let base = match o.get("$id").and_then(Value::as_str) {
            Some(id) => around.join(id).without_fragment(),
            None => around.clone(),
        };
        for key in ["$ref", "$dynamicRef"] {
            let Some(r) = o.get(key) else { continue };
            let Some(r) = r.as_str() else {
                return Err(self.bad(at, key, "a string"));
            };
            match self.index.resolve(&base, r) {
                Some(loc) if loc.doc != self.doc => self.reached.push(loc),
                Some(_) => {}
                None => {
                    let target = base.join(r);
                    let problem = if self.index.has_document(&target) {
                        SchemaProblem::UnresolvedRef { reference: r.into() }
                    } else {
                        SchemaProblem::MissingDocument { uri: target.without_fragment().to_string() }
                    };
                    return Err(self.error(at.child(key), problem));
                }
            }
        }
        if self.shapes {
            self.shapes_of(o, at)?;
        }
        for (tokens, sub) in subschemas(s) {
            let mut p = at.clone();
            for t in tokens {
                p = p.child(t);
            }
            self.walk(sub, &p, &base)?;
        }
        Ok(())
    }

    fn bad(&self, at: &JsonPointer, keyword: &str, expected: &'static str) -> SchemaError {
        self.error(at.child(keyword), SchemaProblem::BadKeyword { keyword: keyword.into(), expected })
    }

    fn shapes_of(&self, o: &serde_json::Map<String, Value>, at: &JsonPointer) -> Result<(), SchemaError> {
        for (k, val) in o {
            let k = k.as_str();
            let ok = match k {
                "type" => match val {
                    Value::String(t) => JsonType::parse(t).is_some(),
                    Value::Array(ts) => ts.iter().all(|t| t.as_str().and_then(JsonType::parse).is_some()),
                    _ => false,
                },
                "required" => val.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
                "enum" => val.is_array(),
                "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties" | "maxProperties"
                | "minContains" | "maxContains" => whole(val).is_some(),
                "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => val.is_number(),
                "multipleOf" => val.as_f64().is_some_and(|d| d > 0.0),
                "format" | "$id" | "$anchor" | "$dynamicAnchor" => val.is_string(),
                "allOf" | "anyOf" | "oneOf" => val.as_array().is_some_and(|l| !l.is_empty()),
                "prefixItems" => val.as_array().is_some_and(|l| !l.is_empty()),
                "properties" | "patternProperties" | "$defs" | "dependentSchemas" => val.is_object(),
                "dependentRequired" => val.as_object().is_some_and(|m| {
                    m.values().all(|l| l.as_array().is_some_and(|a| a.iter().all(Value::is_string)))
                }),
                "pattern" => match val.as_str() {
                    Some(p) => {
                        self.pattern(p, &at.child(k))?;
                        true
                    }
                    None => false,
                },
                _ => true,
            };
            if !ok {
                return Err(self.bad(at, k, expected(k)));
            }
        }
        if let Some(Value::Object(pp)) = o.get("patternProperties") {
            for p in pp.keys() {
                self.pattern(p, &at.child("patternProperties").child(p.as_str()))?;
            }
        }
        Ok(())
    }

    fn pattern(&self, pattern: &str, at: &JsonPointer) -> Result<(), SchemaError> {
        self.patterns
            .prepare(pattern)
            .map_err(|reason| self.error(at.clone(), SchemaProblem::BadPattern { pattern: pattern.into(), reason }))
    }
}

fn expected(keyword: &str) -> &'static str {
    match keyword {
        "type" => "a type name or a list of them",
        "required" => "a list of property names",
        "enum" => "a list",
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => "a number",
        "multipleOf" => "a number greater than 0",
        "allOf" | "anyOf" | "oneOf" | "prefixItems" => "a non-empty list of schemas",
        "properties" | "patternProperties" | "$defs" | "dependentSchemas" => "an object of schemas",
        "dependentRequired" => "an object of property-name lists",
        "format" | "$id" | "$anchor" | "$dynamicAnchor" | "pattern" => "a string",
        _ => "a non-negative whole number",
    }
}

/// A non-negative whole number, written as `2` or `2.0`: the shape of the
/// count keywords (`minLength`, `maxItems`), which validation reads too.
pub(super) fn whole(v: &Value) -> Option<u64> {
    v.as_u64().or_else(|| v.as_f64().filter(|f| *f >= 0.0 && f.fract() == 0.0).map(|f| f as u64))
}
