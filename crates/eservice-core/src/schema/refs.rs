//! `$ref` resolution within one schema document.

use serde_json::Value;

use crate::pointer::JsonPointer;

/// Resolves `#`, `#/json/pointer` (percent-encoded as URI fragments are) or
/// `#anchor` against `root`. References to other documents are `None` here.
pub fn resolve<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let fragment = percent_decode(reference.strip_prefix('#')?)?;
    if fragment.is_empty() || fragment.starts_with('/') {
        return JsonPointer::parse(&fragment).ok()?.resolve(root);
    }
    find_anchor(root, &fragment)
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

fn find_anchor<'a>(s: &'a Value, anchor: &str) -> Option<&'a Value> {
    match s {
        Value::Object(o) => {
            if o.get("$anchor").and_then(Value::as_str) == Some(anchor) {
                return Some(s);
            }
            o.values().find_map(|v| find_anchor(v, anchor))
        }
        Value::Array(a) => a.iter().find_map(|v| find_anchor(v, anchor)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_anchors_and_escapes() {
        let root = json!({"$defs": {"a b": {"x": 1}, "c": {"$anchor": "here", "y": 2}}});
        assert_eq!(resolve(&root, "#/$defs/a%20b"), Some(&json!({"x": 1})));
        assert_eq!(resolve(&root, "#here").and_then(|v| v.get("y")), Some(&json!(2)));
        assert_eq!(resolve(&root, "#"), Some(&root));
        assert_eq!(resolve(&root, "other.json#/a"), None);
        assert_eq!(resolve(&root, "#/%zz"), None);
    }
}
