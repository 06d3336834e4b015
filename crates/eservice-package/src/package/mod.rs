//! The submission package: one ZIP a citizen sends and a clerk or backend
//! opens. It holds `manifest.json` (RFC 8785 canonical JSON: the form, the
//! data, the evidence entries with their signature verdicts, the time and
//! the kit's version), the evidence files under `evidence/`, and
//! `summary.html`, a printable summary in Thai.
//!
//! The package hash is the SHA-256 of the canonical manifest; the short
//! reference a citizen quotes is derived from it ([`reference`]).

pub mod inspect;
pub mod summary;
pub mod zip;

use serde_json::{json, Value};

use eservice_base::jcs;
use eservice_forms::evidence::{Digest, ManifestEntry, Sha256Stream};

pub const MANIFEST: &str = "manifest.json";
pub const SUMMARY: &str = "summary.html";
pub const KIT: &str = "eservice-kit";

/// The form a package answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormRef {
    pub id: String,
    /// The agency's own version label for the form, if it gives one.
    pub version: Option<String>,
    /// The SHA-256 of the schema file as served: which version was filled.
    pub schema_sha256: String,
    pub title: String,
    pub agency: String,
}

/// One evidence file in a package: its entry and where it is in the ZIP.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceFile {
    /// The JSON Pointer of its entry in the data.
    pub pointer: String,
    pub path: String,
    pub entry: ManifestEntry,
}

/// Every evidence entry in `data`, with its pointer: arrays of objects with
/// a `name` and a `sha256`, as the evidence fields store them.
pub fn evidence_entries(data: &Value) -> Vec<(String, ManifestEntry)> {
    fn walk(v: &Value, at: &str, out: &mut Vec<(String, ManifestEntry)>) {
        match v {
            Value::Object(m) => {
                if m.contains_key("sha256") && m.contains_key("name") {
                    if let Some(e) = ManifestEntry::from_json(v) {
                        out.push((at.to_owned(), e));
                        return;
                    }
                }
                for (k, child) in m {
                    walk(child, &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(data, "", &mut out);
    out
}

/// A file name safe in a ZIP and on any disk: letters (any script), digits,
/// `.`, `-`, `_`; the rest become `_`.
fn safe_file_name(name: &str) -> String {
    let s: String = name.chars().map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    let s = s.trim_start_matches('.');
    if s.is_empty() { "file".into() } else { s.chars().take(80).collect() }
}

/// The manifest for `form` and `data`, created at `created` (RFC 3339).
pub fn manifest(form: &FormRef, data: &Value, evidence: &[EvidenceFile], created: &str) -> Value {
    let files: Vec<Value> = evidence
        .iter()
        .map(|f| {
            let mut v = f.entry.to_json();
            v["path"] = json!(f.path);
            v["pointer"] = json!(f.pointer);
            v
        })
        .collect();
    json!({
        "kit": { "name": KIT, "version": env!("CARGO_PKG_VERSION") },
        "form": { "id": form.id, "version": form.version, "schemaSha256": form.schema_sha256, "title": form.title, "agency": form.agency },
        "created": created,
        "data": data,
        "evidence": files,
    })
}

/// Which version of a form was filled: the SHA-256 of its schema's
/// canonical JSON (the same however the file is spaced).
pub fn schema_sha256(schema: &Value) -> String {
    Sha256Stream::digest(jcs::canonical(schema).as_bytes()).hex()
}

/// `created` for a manifest: RFC 3339 in Thai time, and the ZIP's DOS stamp.
pub fn created_at(unix: u64) -> (String, (u16, u16)) {
    let t = eservice_base::thai_date::thai_time(unix);
    (eservice_base::thai_date::iso_thai(unix), zip::dos_time(t.year(), t.month(), t.day(), t.hour(), t.minutes(), t.seconds()))
}

/// The reference a citizen quotes: the hash's first 40 bits in Crockford
/// base32, as `XXXX-XXXX` (no I, L, O or U to misread).
pub fn reference(hash: &Digest) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let b = &hash.0;
    let bits = b[..5].iter().fold(0u64, |a, x| (a << 8) | u64::from(*x));
    let chars: String = (0..8).rev().map(|i| ALPHABET[((bits >> (5 * i)) & 31) as usize] as char).collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// What a built package is.
pub struct Built {
    pub zip: Vec<u8>,
    pub manifest: Value,
    pub hash: Digest,
    pub reference: String,
}

/// Builds the package: `files` are the evidence bytes by SHA-256 (the data
/// names each file by its entry); `created` is RFC 3339 Thai time and
/// `stamp` the ZIP's DOS time for it; `rows` are the summary's label and
/// value pairs.
pub fn build(form: &FormRef, data: &Value, files: &[(Digest, &[u8])], created: &str, stamp: (u16, u16), rows: &[(String, String)]) -> Result<Built, String> {
    let mut evidence = Vec::new();
    for (i, (pointer, entry)) in evidence_entries(data).into_iter().enumerate() {
        if !files.iter().any(|(d, _)| *d == entry.sha256) {
            return Err(entry.name);
        }
        let path = format!("evidence/{:02}-{}", i + 1, safe_file_name(&entry.name));
        evidence.push(EvidenceFile { pointer, path, entry });
    }
    let manifest = manifest(form, data, &evidence, created);
    let canonical = jcs::canonical(&manifest);
    let hash = Sha256Stream::digest(canonical.as_bytes());
    let reference = reference(&hash);
    let html = summary::html(form, &reference, &hash, created, rows, &evidence);
    let mut entries: Vec<(&str, &[u8])> = vec![(MANIFEST, canonical.as_bytes()), (SUMMARY, html.as_bytes())];
    for f in &evidence {
        let bytes = files.iter().find(|(d, _)| *d == f.entry.sha256).map(|(_, b)| *b).unwrap_or_default();
        entries.push((&f.path, bytes));
    }
    Ok(Built { zip: zip::write(&entries, stamp), manifest, hash, reference })
}
