//! The official draft 2020-12 metaschemas, built in: a schema that `$ref`s
//! `https://json-schema.org/draft/2020-12/schema` (or one of its
//! vocabularies under `…/meta/`) works offline, in the CLI and the browser,
//! as with every mainstream validator.
//!
//! What they cost the download: the nine files are 11,059 bytes as
//! published (1,638 gzipped); whitespace is stripped at compile time
//! ([`strip`]), leaving 7,828 bytes (1,424 gzipped), while the files in
//! `metaschemas/` stay as published. They are parsed only when a schema
//! refers to one (`Builder::build`), so a form that does not pays no time.

use serde_json::Value;

/// Where the official metaschemas live.
pub const METASCHEMA_BASE: &str = "https://json-schema.org/draft/2020-12/";

/// JSON without the whitespace between tokens. Writes into `out` as far as
/// it reaches and returns the full length, so it can size its own output.
const fn strip(json: &[u8], out: &mut [u8]) -> usize {
    let (mut i, mut n, mut in_string, mut escaped) = (0, 0, false, false);
    while i < json.len() {
        let c = json[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            }
        } else if c == b'"' {
            in_string = true;
        }
        if c == b'"' || in_string || !matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
            if n < out.len() {
                out[n] = c;
            }
            n += 1;
        }
        i += 1;
    }
    n
}

/// A metaschema file, its whitespace stripped at compile time.
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
pub fn metaschemas() -> Vec<(String, Value)> {
    FILES.iter().filter_map(|(p, text)| Some((metaschema_uri(p), serde_json::from_str(text).ok()?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_nine_parse_and_keep_their_strings() {
        let all = metaschemas();
        assert_eq!(all.len(), 9);
        for (uri, doc) in &all {
            assert_eq!(doc.get("$id").and_then(Value::as_str), Some(uri.as_str()));
            let raw: Value = match uri.strip_prefix(METASCHEMA_BASE) {
                Some("schema") => serde_json::from_str(include_str!("../../metaschemas/draft2020-12/schema.json")).unwrap(),
                _ => continue,
            };
            assert_eq!(&raw, doc, "stripping whitespace changed {uri}");
        }
        assert!(builtin("https://json-schema.org/draft/2020-12/meta/core").is_some());
        assert!(builtin("https://json-schema.org/draft/2020-12/meta/nothing").is_none());
    }

    #[test]
    fn strip_keeps_spaces_inside_strings() {
        let mut out = [0u8; 32];
        let n = strip(br#"{ "a b" : [ 1, "\" x" ] }"#, &mut out);
        assert_eq!(std::str::from_utf8(&out[..n]).unwrap(), r#"{"a b":[1,"\" x"]}"#);
    }
}
