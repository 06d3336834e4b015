//! The official draft 2020-12 metaschemas, built in: a schema that `$ref`s
//! `https://json-schema.org/draft/2020-12/schema` (or one of its
//! vocabularies under `…/meta/`) works offline, in the CLI and the browser,
//! as with every mainstream validator.
//!
//! What they cost the download: the nine files are 11,059 bytes as
//! published (1,638 gzipped); whitespace, and the `$comment`s no validator
//! may act on, are stripped at compile time ([`strip`]), leaving 7,260
//! bytes (1,205 gzipped), while the files in `metaschemas/` stay as
//! published. They are parsed only when a schema refers to one
//! (`Builder::build`), so a form that does not pays no time.

use serde_json::Value;

/// Where the official metaschemas live.
pub const METASCHEMA_BASE: &str = "https://json-schema.org/draft/2020-12/";

/// JSON without the whitespace between tokens and without `"$comment"`
/// members whose value is a string (a property *named* `$comment`, as in
/// `meta/core`, has an object for its value and stays). Writes into `out`
/// as far as it reaches and returns the full length, so it can size its own
/// output.
const fn strip(json: &[u8], out: &mut [u8]) -> usize {
    const COMMENT: &[u8] = b"\"$comment\"";
    let (mut i, mut n, mut last) = (0, 0, 0u8);
    while i < json.len() {
        let c = json[i];
        if matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
            i += 1;
            continue;
        }
        if c != b'"' {
            if n < out.len() {
                out[n] = c;
            }
            (n, last, i) = (n + 1, c, i + 1);
            continue;
        }
        let end = string_end(json, i);
        let colon = skip_space(json, end);
        let value = skip_space(json, colon + 1);
        if same(json, i, end, COMMENT) && colon < json.len() && json[colon] == b':' && value < json.len() && json[value] == b'"' {
            // Leave out the member and the comma that joins it to the next
            // one; as the last member, the comma before it.
            i = skip_space(json, string_end(json, value));
            if i < json.len() && json[i] == b',' {
                i += 1;
            } else if last == b',' {
                n -= 1;
            }
            continue;
        }
        while i < end && i < json.len() {
            if n < out.len() {
                out[n] = json[i];
            }
            (n, i) = (n + 1, i + 1);
        }
        last = b'"';
    }
    n
}

/// Where the string starting at `json[start]` (a quote) ends: just past its
/// closing quote.
const fn string_end(json: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < json.len() && json[i] != b'"' {
        i += if json[i] == b'\\' { 2 } else { 1 };
    }
    i + 1
}

const fn skip_space(json: &[u8], mut i: usize) -> usize {
    while i < json.len() && matches!(json[i], b' ' | b'\n' | b'\r' | b'\t') {
        i += 1;
    }
    i
}

/// Whether `json[start..end]` is `word`.
const fn same(json: &[u8], start: usize, end: usize, word: &[u8]) -> bool {
    if end - start != word.len() || end > json.len() {
        return false;
    }
    let mut k = 0;
    while k < word.len() {
        if json[start + k] != word[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// A metaschema file, stripped at compile time.
macro_rules! minified {
    ($path:literal) => {{
        const RAW: &[u8] = include_bytes!(concat!("../../metaschemas/draft2020-12/", $path));
        const LEN: usize = strip(RAW, &mut []);
        const BYTES: [u8; LEN] = {
            let mut out = [0u8; LEN];
            strip(RAW, &mut out);
            out
        };
        const TEXT: &str = match std::str::from_utf8(&BYTES) {
            Ok(s) => s,
            Err(_) => panic!("a metaschema is not UTF-8"),
        };
        TEXT
    }};
}

/// Each metaschema's path under [`METASCHEMA_BASE`], with its text: the one list.
const FILES: &[(&str, &str)] = &[
    ("schema", minified!("schema.json")),
    ("meta/applicator", minified!("meta/applicator.json")),
    ("meta/content", minified!("meta/content.json")),
    ("meta/core", minified!("meta/core.json")),
    ("meta/format-annotation", minified!("meta/format-annotation.json")),
    ("meta/format-assertion", minified!("meta/format-assertion.json")),
    ("meta/meta-data", minified!("meta/meta-data.json")),
    ("meta/unevaluated", minified!("meta/unevaluated.json")),
    ("meta/validation", minified!("meta/validation.json")),
];

/// The URI of a metaschema file, from its path under `draft2020-12/`:
/// `schema.json` is `…/schema`, `meta/core.json` is `…/meta/core`.
#[cfg(any(test, feature = "conformance"))]
pub fn metaschema_uri(path: &str) -> String {
    format!("{METASCHEMA_BASE}{}", path.trim_end_matches(".json"))
}

/// The built-in metaschema at `uri` (without fragment), parsed.
pub fn builtin(uri: &str) -> Option<Value> {
    let path = uri.strip_prefix(METASCHEMA_BASE)?;
    let (_, text) = FILES.iter().find(|(p, _)| *p == path)?;
    serde_json::from_str(text).ok()
}

/// Every official draft 2020-12 metaschema, by URI.
#[cfg(any(test, feature = "conformance"))]
pub fn metaschemas() -> Vec<(String, Value)> {
    FILES.iter().filter_map(|(p, text)| Some((metaschema_uri(p), serde_json::from_str(text).ok()?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `doc` without `"$comment": "…"` members, as [`strip`] leaves it.
    fn without_comments(doc: &mut Value) {
        match doc {
            Value::Object(m) => {
                m.retain(|k, v| !(k == "$comment" && v.is_string()));
                m.values_mut().for_each(without_comments);
            }
            Value::Array(a) => a.iter_mut().for_each(without_comments),
            _ => {}
        }
    }

    #[test]
    fn all_nine_parse_and_keep_all_but_comments() {
        let all = metaschemas();
        assert_eq!(all.len(), 9);
        let mut comments = 0;
        for (uri, doc) in &all {
            assert_eq!(doc.get("$id").and_then(Value::as_str), Some(uri.as_str()));
            let path = format!("{}/metaschemas/draft2020-12/{}.json", env!("CARGO_MANIFEST_DIR"), &uri[METASCHEMA_BASE.len()..]);
            let published = std::fs::read_to_string(path).unwrap();
            comments += published.matches("\"$comment\":").count();
            let mut raw: Value = serde_json::from_str(&published).unwrap();
            without_comments(&mut raw);
            assert_eq!(&raw, doc, "stripping changed more than comments in {uri}");
        }
        assert!(comments > 2, "the published files have comments to strip");
        let core = builtin("https://json-schema.org/draft/2020-12/meta/core").unwrap();
        assert_eq!(core["properties"]["$comment"], serde_json::json!({"type": "string"}), "a property named $comment stays");
        assert!(builtin("https://json-schema.org/draft/2020-12/meta/nothing").is_none());
    }

    #[test]
    fn strip_keeps_spaces_inside_strings() {
        let mut out = [0u8; 32];
        let n = strip(br#"{ "a b" : [ 1, "\" x" ] }"#, &mut out);
        assert_eq!(std::str::from_utf8(&out[..n]).unwrap(), r#"{"a b":[1,"\" x"]}"#);
    }

    #[test]
    fn strip_leaves_out_comment_members_only() {
        for (json, stripped) in [
            (r#"{ "$comment" : "x, \"y\"", "a": 1 }"#, r#"{"a":1}"#),
            (r#"{"a": 1, "$comment": "x"}"#, r#"{"a":1}"#),
            (r#"{"$comment": "x"}"#, r#"{}"#),
            (r#"{"$comment": {"type": "string"}, "b": ["$comment", "$comment"]}"#, r#"{"$comment":{"type":"string"},"b":["$comment","$comment"]}"#),
        ] {
            let mut out = [0u8; 96];
            let n = strip(json.as_bytes(), &mut out);
            assert_eq!(std::str::from_utf8(&out[..n]).unwrap(), stripped, "{json}");
            assert_eq!(strip(json.as_bytes(), &mut []), n);
        }
    }
}
