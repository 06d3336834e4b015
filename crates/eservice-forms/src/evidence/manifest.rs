//! The record of each submitted file: enough for an agency to prove later
//! exactly what it received.

use serde_json::{json, Value};

use super::hash::Digest;
use super::sniff::MediaType;

/// How a photo was made smaller before it was submitted.
#[derive(Clone, Debug, PartialEq)]
pub struct Compression {
    pub original_size: u64,
    pub original_sha256: Digest,
    pub original_type: MediaType,
    pub long_edge: u32,
    /// JPEG quality, 0 to 1, as the browser's encoder takes it.
    pub quality: f64,
}

/// One file of a submission.
#[derive(Clone, Debug, PartialEq)]
pub struct ManifestEntry {
    /// The name the citizen's file had.
    pub name: String,
    pub media_type: MediaType,
    pub size: u64,
    pub sha256: Digest,
    pub compression: Option<Compression>,
    /// For a signed PDF: the verdict on its signatures, checked on intake.
    pub signature: Option<SignatureCheck>,
    /// A copy marked for this use, or with parts blacked out, in the
    /// browser before it was hashed (the original was never kept or sent).
    pub marked: Option<Marked>,
}

/// What was done to a copy before it was hashed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// The words written across it ("ใช้สำหรับ … เท่านั้น …").
    pub use_text: Option<String>,
    /// How many regions were blacked out.
    pub redactions: u32,
}

/// What the intake verification said of a signed PDF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureCheck {
    /// The verdict's key: `valid`, `modified`, `invalid`, `untrusted`.
    pub verdict: String,
    /// The trusted agency that signed, in Thai and English.
    pub signed_by: Option<(String, String)>,
}

impl ManifestEntry {
    pub fn to_json(&self) -> Value {
        let mut v = json!({
            "name": self.name,
            "mediaType": self.media_type.mime(),
            "size": self.size,
            "sha256": self.sha256.hex(),
        });
        if let Some(c) = &self.compression {
            v["original"] = json!({
                "size": c.original_size,
                "sha256": c.original_sha256.hex(),
                "mediaType": c.original_type.mime(),
            });
            v["compression"] = json!({ "longEdge": c.long_edge, "quality": c.quality, "format": "image/jpeg" });
        }
        if let Some(m) = &self.marked {
            v["marked"] = json!({ "redactions": m.redactions });
            if let Some(t) = &m.use_text {
                v["marked"]["use"] = json!(t);
            }
        }
        if let Some(sig) = &self.signature {
            v["signature"] = json!({ "verdict": sig.verdict });
            if let Some((th, en)) = &sig.signed_by {
                v["signature"]["signedBy"] = json!({ "th": th, "en": en });
            }
        }
        v
    }

    pub fn from_json(v: &Value) -> Option<ManifestEntry> {
        let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        let compression = match (v.get("original"), v.get("compression")) {
            (Some(o), Some(c)) => Some(Compression {
                original_size: o.get("size")?.as_u64()?,
                original_sha256: Digest::from_hex(&s(o, "sha256")?)?,
                original_type: MediaType::from_mime(&s(o, "mediaType")?)?,
                long_edge: c.get("longEdge")?.as_u64()? as u32,
                quality: c.get("quality")?.as_f64()?,
            }),
            _ => None,
        };
        Some(ManifestEntry {
            name: s(v, "name")?,
            media_type: MediaType::from_mime(&s(v, "mediaType")?)?,
            size: v.get("size")?.as_u64()?,
            sha256: Digest::from_hex(&s(v, "sha256")?)?,
            compression,
            marked: v.get("marked").and_then(|m| Some(Marked { use_text: s(m, "use"), redactions: u32::try_from(m.get("redactions")?.as_u64()?).ok()? })),
            signature: v.get("signature").and_then(|sig| {
                Some(SignatureCheck {
                    verdict: s(sig, "verdict")?,
                    signed_by: sig.get("signedBy").and_then(|b| Some((s(b, "th")?, s(b, "en")?))),
                })
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Sha256Stream;

    #[test]
    fn round_trips_with_and_without_compression() {
        let plain = ManifestEntry {
            name: "บัตรประชาชน.pdf".into(),
            media_type: MediaType::Pdf,
            size: 3,
            sha256: Sha256Stream::digest(b"abc"),
            compression: None,
            signature: None,
            marked: None,
        };
        assert_eq!(ManifestEntry::from_json(&plain.to_json()), Some(plain.clone()));
        let signed = ManifestEntry {
            signature: Some(SignatureCheck { verdict: "valid".into(), signed_by: Some(("กรมทดสอบ".into(), "Department of Testing".into())) }),
            ..plain.clone()
        };
        assert_eq!(ManifestEntry::from_json(&signed.to_json()), Some(signed));
        assert_eq!(plain.to_json()["sha256"], "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let photo = ManifestEntry {
            compression: Some(Compression {
                original_size: 4_000_000,
                original_sha256: Sha256Stream::digest(b"original"),
                original_type: MediaType::Jpeg,
                long_edge: 1600,
                quality: 0.8,
            }),
            media_type: MediaType::Jpeg,
            ..plain
        };
        assert_eq!(ManifestEntry::from_json(&photo.to_json()), Some(photo.clone()));
        let marked = ManifestEntry { marked: Some(Marked { use_text: Some("ใช้สำหรับขอใบอนุญาต เท่านั้น 3 ธ.ค. 2569".into()), redactions: 2 }), ..photo };
        assert_eq!(marked.to_json()["marked"], json!({"use": "ใช้สำหรับขอใบอนุญาต เท่านั้น 3 ธ.ค. 2569", "redactions": 2}));
        assert_eq!(ManifestEntry::from_json(&marked.to_json()), Some(marked));
    }
}
