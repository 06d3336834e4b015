//! Where every schema resource, anchor and dynamic anchor lives, across the
//! root schema and the documents it refers to, so `$ref` and `$dynamicRef`
//! resolve in constant time during validation.

use serde_json::Value;

use eservice_base::pointer::JsonPointer;

use super::uri::Uri;

/// Keywords whose value is a single subschema.
pub const SINGLE: &[&str] = &[
    "not", "if", "then", "else", "items", "additionalProperties", "contains", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema",
];
/// Keywords whose value is an array of subschemas.
pub const ARRAYS: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems"];
/// Keywords whose value is an object of subschemas.
pub const MAPS: &[&str] = &["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

/// A schema's place: which document, where in it, and the base URI in force
/// around it (before its own `$id`, which evaluation applies on entry).
#[derive(Clone, Debug, PartialEq)]
pub struct Loc {
    pub doc: usize,
    pub ptr: JsonPointer,
    pub base: Uri,
}

/// Every subschema position directly below `schema`, with its pointer tokens.
pub fn subschemas(schema: &Value) -> Vec<(Vec<String>, &Value)> {
    let Value::Object(o) = schema else { return vec![] };
    let mut out = Vec::new();
    for (k, v) in o {
        let k = k.as_str();
        if SINGLE.contains(&k) {
            match v {
                // `items` as an array is the pre-2020 form of prefixItems.
                Value::Array(list) if k == "items" => {
                    out.extend(list.iter().enumerate().map(|(i, s)| (vec![k.to_owned(), i.to_string()], s)));
                }
                _ => out.push((vec![k.to_owned()], v)),
            }
        } else if ARRAYS.contains(&k) {
            if let Value::Array(list) = v {
                out.extend(list.iter().enumerate().map(|(i, s)| (vec![k.to_owned(), i.to_string()], s)));
            }
        } else if MAPS.contains(&k) || k == "dependencies" {
            if let Value::Object(m) = v {
                // `dependencies` (pre-2019) mixes schemas with name lists; only schemas count.
                out.extend(
                    m.iter()
                        .filter(|(_, s)| k != "dependencies" || s.is_object() || s.is_boolean())
                        .map(|(name, s)| (vec![k.to_owned(), name.clone()], s)),
                );
            }
        }
    }
    out
}

/// Calls `f` on `schema` and every subschema below it, with its pointer.
pub fn each_schema(schema: &Value, at: &JsonPointer, f: &mut dyn FnMut(&Value, &JsonPointer)) {
    f(schema, at);
    for (tokens, sub) in subschemas(schema) {
        let p = tokens.into_iter().fold(at.clone(), |p, t| p.child(t));
        each_schema(sub, &p, f);
    }
}

/// A small map by URI. Forms have a few dozen identifiers at most, and a
/// Vec costs far less code in the download than a hash map.
#[derive(Default)]
struct Names(Vec<(String, Loc)>);

impl Names {
    fn get(&self, key: &str) -> Option<&Loc> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, l)| l)
    }

    fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key`, replacing an earlier entry.
    fn insert(&mut self, key: String, loc: Loc) {
        self.0.retain(|(k, _)| *k != key);
        self.0.push((key, loc));
    }

    /// Sets `key` unless it is already set.
    fn insert_new(&mut self, key: String, loc: Loc) {
        if !self.contains_key(&key) {
            self.0.push((key, loc));
        }
    }
}

/// The documents and every identifier in them.
#[derive(Default)]
pub struct Index {
    pub docs: Vec<Value>,
    retrieval: Vec<Uri>,
    resources: Names,
    anchors: Names,
    dynamic_anchors: Names,
}

impl Index {
    /// Adds a document retrieved from `uri` and indexes what it declares.
    pub fn add(&mut self, uri: &Uri, doc: Value) {
        let n = self.docs.len();
        let root = Loc { doc: n, ptr: JsonPointer::root(), base: uri.without_fragment() };
        self.resources.insert_new(root.base.to_string(), root.clone());
        self.walk(&doc, n, &JsonPointer::root(), &root.base);
        self.retrieval.push(root.base);
        self.docs.push(doc);
    }

    fn walk(&mut self, s: &Value, doc: usize, ptr: &JsonPointer, around: &Uri) {
        let Value::Object(o) = s else { return };
        let here = Loc { doc, ptr: ptr.clone(), base: around.clone() };
        let mut base = around.clone();
        if let Some(id) = o.get("$id").and_then(Value::as_str) {
            base = around.join(id).without_fragment();
            self.resources.insert(base.to_string(), here.clone());
        }
        if let Some(a) = o.get("$anchor").and_then(Value::as_str) {
            self.anchors.insert(base.with_fragment(a).to_string(), here.clone());
        }
        if let Some(a) = o.get("$dynamicAnchor").and_then(Value::as_str) {
            let key = base.with_fragment(a).to_string();
            self.anchors.insert_new(key.clone(), here.clone());
            self.dynamic_anchors.insert(key, here);
        }
        for (tokens, sub) in subschemas(s) {
            let mut p = ptr.clone();
            for t in tokens {
                p = p.child(t);
            }
            self.walk(sub, doc, &p, &base);
        }
    }

    /// The URI document `doc` was added under.
    pub fn retrieval_uri(&self, doc: usize) -> Option<&Uri> {
        self.retrieval.get(doc)
    }

    pub fn value(&self, loc: &Loc) -> Option<&Value> {
        loc.ptr.resolve(self.docs.get(loc.doc)?)
    }

    /// Whether a document is known under `uri` (without fragment).
    pub fn has_document(&self, uri: &Uri) -> bool {
        self.resources.contains_key(&uri.without_fragment().to_string())
    }

    /// Resolves `reference` against `base`: a resource, a JSON Pointer into
    /// one, or an anchor.
    pub fn resolve(&self, base: &Uri, reference: &str) -> Option<Loc> {
        let target = base.join(reference);
        let resource = target.without_fragment().to_string();
        let fragment = percent_decode(target.fragment().unwrap_or(""))?;
        if !fragment.is_empty() && !fragment.starts_with('/') {
            return self.anchors.get(&format!("{resource}#{fragment}")).cloned();
        }
        let root = self.resources.get(&resource)?;
        let pointer = JsonPointer::parse(&fragment).ok()?;
        // Walk the pointer, letting each `$id` passed on the way move the base.
        let mut node = self.value(root)?;
        let mut base = root.base.clone();
        let mut ptr = root.ptr.clone();
        for t in pointer.tokens() {
            if let Some(id) = node.get("$id").and_then(Value::as_str) {
                base = base.join(id).without_fragment();
            }
            node = match node {
                Value::Object(m) => m.get(t)?,
                Value::Array(a) => a.get(t.parse::<usize>().ok()?)?,
                _ => return None,
            };
            ptr = ptr.child(t.as_str());
        }
        Some(Loc { doc: root.doc, ptr, base })
    }

    /// The outermost dynamic anchor `name` among the resources in `scope`.
    pub fn dynamic_anchor(&self, scope: &[Uri], name: &str) -> Option<Loc> {
        scope.iter().find_map(|uri| self.dynamic_anchors.get(&uri.with_fragment(name).to_string()).cloned())
    }

    /// Whether any document declares a `$dynamicAnchor`.
    pub fn has_dynamic_anchors(&self) -> bool {
        !self.dynamic_anchors.0.is_empty()
    }

    /// Whether `loc` itself declares `$dynamicAnchor: name`.
    pub fn declares_dynamic_anchor(&self, loc: &Loc, name: &str) -> bool {
        self.value(loc).and_then(|v| v.get("$dynamicAnchor")).and_then(Value::as_str) == Some(name)
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_anchors_and_pointers() {
        let mut ix = Index::default();
        let base = Uri::parse("http://x/root.json");
        ix.add(&base, json!({
            "$defs": {
                "a": {"$id": "folder/a.json", "$defs": {"b": {"$anchor": "bee", "type": "string"}}},
                "e": {"enum": [{"$id": "http://not-an-id/"}]}
            }
        }));
        let a = ix.resolve(&base, "folder/a.json").unwrap();
        assert_eq!(a.ptr.to_string(), "/$defs/a");
        let bee = ix.resolve(&base, "http://x/folder/a.json#bee").unwrap();
        assert_eq!(bee.ptr.to_string(), "/$defs/a/$defs/b");
        assert_eq!(bee.base.to_string(), "http://x/folder/a.json");
        let via_ptr = ix.resolve(&base, "#/$defs/a/$defs/b").unwrap();
        assert_eq!(via_ptr.base.to_string(), "http://x/folder/a.json");
        assert!(ix.resolve(&base, "http://not-an-id/").is_none(), "an $id inside enum is data");
        assert!(ix.resolve(&base, "#/$defs/missing").is_none());
    }
}
