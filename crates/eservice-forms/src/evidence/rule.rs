//! What an evidence field accepts, and why a file is refused, in words a
//! citizen can act on.

use serde_json::Value;

use eservice_base::lang::Lang;

use super::sniff::MediaType;

/// Phones crash decoding much above this many pixels.
pub const DEFAULT_MAX_PIXELS: u64 = 16_000_000;

/// An evidence field's limits, read from its schema's `x-evidence`.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceRule {
    pub accept: Vec<MediaType>,
    pub max_bytes: u64,
    pub max_count: usize,
    /// Images are scaled down to this long edge (pixels)…
    pub long_edge: u32,
    /// …but never below this, so that text on an ID card stays readable.
    pub min_long_edge: u32,
    /// Compression steps the JPEG quality down until the file is this small.
    pub target_bytes: u64,
    pub max_pixels: u64,
    /// Copies of ID documents are stamped for this use alone.
    pub use_mark: Option<UseMark>,
    /// The citizen may black out parts (the religion on an ID card, the
    /// laser code on its back) before the file is hashed.
    pub redact: bool,
}

/// "ใช้สำหรับ … เท่านั้น", written across a copy of an ID document, as Thai
/// practice has it, so the copy cannot be reused for anything else.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UseMark {
    /// The service named; the form's title when not given.
    pub service: Option<String>,
    /// The agency named, if given.
    pub agency: Option<String>,
}

impl UseMark {
    /// The words stamped across the image, with today's date as the
    /// citizen reads it (`date`).
    pub fn text(&self, form_title: &str, date: &str) -> String {
        let service = self.service.as_deref().unwrap_or(form_title);
        match &self.agency {
            Some(agency) => format!("ใช้สำหรับ{service} ที่ {agency} เท่านั้น {date}"),
            None => format!("ใช้สำหรับ{service} เท่านั้น {date}"),
        }
    }
}

impl Default for EvidenceRule {
    fn default() -> Self {
        EvidenceRule {
            accept: vec![MediaType::Pdf, MediaType::Jpeg, MediaType::Png],
            max_bytes: 20 * 1024 * 1024,
            max_count: 1,
            long_edge: 1600,
            min_long_edge: 1000,
            target_bytes: 500 * 1024,
            max_pixels: DEFAULT_MAX_PIXELS,
            use_mark: None,
            redact: false,
        }
    }
}

impl EvidenceRule {
    /// Reads `{"accept": [mime…], "maxBytes", "maxCount", "longEdge",
    /// "minLongEdge", "targetBytes", "useMark": true or {"service",
    /// "agency"}, "redact": true}`; anything missing keeps its default.
    pub fn from_json(v: &Value) -> EvidenceRule {
        let d = EvidenceRule::default();
        let num = |k: &str| v.get(k).and_then(Value::as_u64);
        let accept: Vec<MediaType> = v
            .get("accept")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).filter_map(MediaType::from_mime).collect())
            .filter(|a: &Vec<MediaType>| !a.is_empty())
            .unwrap_or(d.accept);
        let long_edge = num("longEdge").map(|x| x as u32).unwrap_or(d.long_edge);
        EvidenceRule {
            accept,
            max_bytes: num("maxBytes").unwrap_or(d.max_bytes),
            max_count: num("maxCount").map(|x| x as usize).unwrap_or(d.max_count).max(1),
            long_edge,
            min_long_edge: num("minLongEdge").map(|x| x as u32).unwrap_or(d.min_long_edge).min(long_edge),
            target_bytes: num("targetBytes").unwrap_or(d.target_bytes),
            max_pixels: num("maxPixels").unwrap_or(d.max_pixels),
            use_mark: match v.get("useMark") {
                Some(Value::Bool(true)) => Some(UseMark::default()),
                Some(m @ Value::Object(_)) => {
                    let text = |k: &str| m.get(k).and_then(Value::as_str).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
                    Some(UseMark { service: text("service"), agency: text("agency") })
                }
                _ => None,
            },
            redact: v.get("redact").and_then(Value::as_bool).unwrap_or(false),
        }
    }

    /// Whether a file must be an image the kit can draw on.
    pub fn edits_images(&self) -> bool {
        self.use_mark.is_some() || self.redact
    }

    /// The rule as `from_json` reads it, for handing to the worker.
    pub fn to_json(&self) -> Value {
        serde_json::json!({
            "accept": self.accept.iter().map(|t| t.mime()).collect::<Vec<_>>(),
            "maxBytes": self.max_bytes,
            "maxCount": self.max_count,
            "longEdge": self.long_edge,
            "minLongEdge": self.min_long_edge,
            "targetBytes": self.target_bytes,
            "maxPixels": self.max_pixels,
            "useMark": self.use_mark.as_ref().map(|m| serde_json::json!({ "service": m.service, "agency": m.agency })),
            "redact": self.redact,
        })
    }

    /// Checks a picked file by its size and first bytes. HEIC is refused
    /// with advice, since only Safari can decode it.
    pub fn check(&self, size: u64, media: MediaType) -> Result<(), EvidenceProblem> {
        if size == 0 {
            return Err(EvidenceProblem::Empty);
        }
        if media == MediaType::Heic {
            return Err(EvidenceProblem::Heic);
        }
        if !self.accept.contains(&media) {
            return Err(EvidenceProblem::Unsupported { found: media, accept: self.accept.clone() });
        }
        if self.edits_images() && !media.is_compressible_image() {
            return Err(EvidenceProblem::NeedsImage);
        }
        // A compressible image may start over the limit: it is checked again after compression.
        if size > self.max_bytes && !media.is_compressible_image() {
            return Err(EvidenceProblem::TooLarge { size, limit: self.max_bytes });
        }
        Ok(())
    }
}

/// Why a file cannot be used as evidence.
#[derive(Clone, Debug, PartialEq)]
pub enum EvidenceProblem {
    Empty,
    TooLarge { size: u64, limit: u64 },
    Unsupported { found: MediaType, accept: Vec<MediaType> },
    Heic,
    TooMany { limit: usize },
    /// The same bytes were already attached, under this name.
    Duplicate { of: String },
    /// An image the browser could not decode.
    Corrupt,
    /// A PDF without its end: cut off while copying or downloading.
    TruncatedPdf,
    /// More pixels than a phone can decode safely.
    TooManyPixels { pixels: u64, limit: u64 },
    /// The browser ran out of memory on this file.
    OutOfMemory,
    /// The field marks or blacks out copies, which needs a photo or scan.
    NeedsImage,
}

impl EvidenceProblem {
    /// A short code and its numbers, for passing between the worker and the page.
    pub fn to_json(&self) -> Value {
        use serde_json::json;
        match self {
            EvidenceProblem::Empty => json!({"code": "empty"}),
            EvidenceProblem::TooLarge { size, limit } => json!({"code": "too-large", "size": size, "limit": limit}),
            EvidenceProblem::Unsupported { found, accept } => json!({
                "code": "unsupported", "found": found.mime(), "accept": accept.iter().map(|t| t.mime()).collect::<Vec<_>>()
            }),
            EvidenceProblem::Heic => json!({"code": "heic"}),
            EvidenceProblem::TooMany { limit } => json!({"code": "too-many", "limit": limit}),
            EvidenceProblem::Duplicate { of } => json!({"code": "duplicate", "of": of}),
            EvidenceProblem::Corrupt => json!({"code": "corrupt"}),
            EvidenceProblem::TruncatedPdf => json!({"code": "truncated-pdf"}),
            EvidenceProblem::TooManyPixels { pixels, limit } => json!({"code": "too-many-pixels", "pixels": pixels, "limit": limit}),
            EvidenceProblem::OutOfMemory => json!({"code": "out-of-memory"}),
            EvidenceProblem::NeedsImage => json!({"code": "needs-image"}),
        }
    }

    pub fn from_json(v: &Value) -> Option<EvidenceProblem> {
        let n = |k: &str| v.get(k).and_then(Value::as_u64);
        let mime = |m: &Value| m.as_str().and_then(MediaType::from_mime).unwrap_or(MediaType::Unknown);
        Some(match v.get("code")?.as_str()? {
            "empty" => EvidenceProblem::Empty,
            "too-large" => EvidenceProblem::TooLarge { size: n("size")?, limit: n("limit")? },
            "unsupported" => EvidenceProblem::Unsupported {
                found: mime(v.get("found")?),
                accept: v.get("accept")?.as_array()?.iter().map(mime).collect(),
            },
            "heic" => EvidenceProblem::Heic,
            "too-many" => EvidenceProblem::TooMany { limit: n("limit")? as usize },
            "duplicate" => EvidenceProblem::Duplicate { of: v.get("of")?.as_str()?.to_owned() },
            "corrupt" => EvidenceProblem::Corrupt,
            "truncated-pdf" => EvidenceProblem::TruncatedPdf,
            "too-many-pixels" => EvidenceProblem::TooManyPixels { pixels: n("pixels")?, limit: n("limit")? },
            "out-of-memory" => EvidenceProblem::OutOfMemory,
            "needs-image" => EvidenceProblem::NeedsImage,
            _ => return None,
        })
    }
}

/// Sizes as people read them: "2.4 MB", "512 KB".
pub fn readable_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn type_names(types: &[MediaType]) -> String {
    types.iter().map(|t| t.extension().to_ascii_uppercase()).collect::<Vec<_>>().join(", ")
}

impl EvidenceProblem {
    pub fn message(&self, lang: Lang) -> String {
        let th = lang == Lang::Th;
        match self {
            EvidenceProblem::Empty => lang.pick("ไฟล์นี้ว่างเปล่า (0 ไบต์) โปรดเลือกไฟล์อีกครั้ง", "This file is empty (0 bytes); please choose it again").into(),
            EvidenceProblem::TooLarge { size, limit } if th => {
                format!("ไฟล์ใหญ่เกินไป ({}) ขนาดสูงสุด {} โปรดสแกนใหม่ให้ไฟล์เล็กลง", readable_size(*size), readable_size(*limit))
            }
            EvidenceProblem::TooLarge { size, limit } => {
                format!("This file is too large ({}); the limit is {}. Please scan it again at a smaller size", readable_size(*size), readable_size(*limit))
            }
            EvidenceProblem::Unsupported { found: MediaType::Unknown, accept } if th => {
                format!("ไม่ทราบชนิดของไฟล์นี้ (ไม่ใช่ PDF หรือรูปภาพ) โปรดใช้ไฟล์ {}", type_names(accept))
            }
            EvidenceProblem::Unsupported { found: MediaType::Unknown, accept } => {
                format!("This file is not a PDF or a picture this kit knows; please use {}", type_names(accept))
            }
            EvidenceProblem::Unsupported { found, accept } if th => format!(
                "ไฟล์นี้เป็นชนิด {} ซึ่งใช้ไม่ได้ โปรดใช้ไฟล์ {}",
                found.extension().to_ascii_uppercase(),
                type_names(accept)
            ),
            EvidenceProblem::Unsupported { found, accept } => format!(
                "This file is {}, which is not accepted; please use {}",
                found.extension().to_ascii_uppercase(),
                type_names(accept)
            ),
            EvidenceProblem::Heic => lang
                .pick(
                    "ไฟล์ภาพ HEIC ของ iPhone เปิดไม่ได้ในเบราว์เซอร์นี้ โปรดถ่ายภาพใหม่จากปุ่มถ่ายภาพ หรือส่งออกเป็น JPEG",
                    "This is an iPhone HEIC photo, which this browser cannot open; take the photo again with the camera button, or export it as JPEG",
                )
                .into(),
            EvidenceProblem::TooMany { limit } if th => format!("แนบได้ไม่เกิน {limit} ไฟล์ในช่องนี้"),
            EvidenceProblem::TooMany { limit } => format!("At most {limit} files can be attached here"),
            EvidenceProblem::Duplicate { of } if th => format!("ไฟล์นี้ซ้ำกับ “{of}” ที่แนบไว้แล้ว"),
            EvidenceProblem::Duplicate { of } => format!("This is the same file as “{of}”, already attached"),
            EvidenceProblem::Corrupt => lang
                .pick("เปิดภาพนี้ไม่ได้ ไฟล์อาจเสียหาย โปรดถ่ายภาพหรือสแกนใหม่", "This picture cannot be opened; the file may be damaged. Please take or scan it again")
                .into(),
            EvidenceProblem::TruncatedPdf => lang
                .pick("ไฟล์ PDF นี้ไม่สมบูรณ์ (ถูกตัดตอน) โปรดดาวน์โหลดหรือสแกนใหม่", "This PDF is incomplete (cut off); please download or scan it again")
                .into(),
            EvidenceProblem::TooManyPixels { pixels, limit } if th => format!(
                "ภาพนี้ละเอียดเกินไป ({} ล้านพิกเซล สูงสุด {} ล้าน) โปรดถ่ายใหม่ด้วยความละเอียดต่ำลง",
                pixels / 1_000_000,
                limit / 1_000_000
            ),
            EvidenceProblem::TooManyPixels { pixels, limit } => format!(
                "This picture is too detailed ({} megapixels, at most {}); please take it again at a lower resolution",
                pixels / 1_000_000,
                limit / 1_000_000
            ),
            EvidenceProblem::OutOfMemory => lang
                .pick("เครื่องมีหน่วยความจำไม่พอสำหรับไฟล์นี้ โปรดปิดแอปอื่นแล้วลองใหม่ หรือใช้ไฟล์ที่เล็กลง", "This device ran out of memory on this file; close other apps and try again, or use a smaller file")
                .into(),
            EvidenceProblem::NeedsImage => lang
                .pick(
                    "เอกสารนี้ต้องเป็นภาพถ่ายหรือภาพสแกน (JPG หรือ PNG) เพื่อประทับข้อความ “ใช้สำหรับ … เท่านั้น” หรือปิดบังข้อมูลบางส่วนได้",
                    "This document must be a photo or scan (JPG or PNG), so that it can be marked for this use alone or have parts blacked out",
                )
                .into(),
        }
    }
}

/// Whether a PDF ends with its end-of-file marker (allowing trailing
/// whitespace), read from its last bytes.
pub fn pdf_is_complete(tail: &[u8]) -> bool {
    let end = tail.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(0, |i| i + 1);
    tail[..end].ends_with(b"%%EOF")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_limits_and_keeps_defaults() {
        let r = EvidenceRule::from_json(&json!({"accept": ["application/pdf", "text/html"], "maxBytes": 1000, "maxCount": 3}));
        assert_eq!(r.accept, [MediaType::Pdf]);
        assert_eq!((r.max_bytes, r.max_count, r.long_edge), (1000, 3, 1600));
        assert_eq!(EvidenceRule::from_json(&json!({})), EvidenceRule::default());
    }

    #[test]
    fn refuses_with_advice() {
        let r = EvidenceRule { max_bytes: 1000, ..EvidenceRule::default() };
        assert_eq!(r.check(0, MediaType::Pdf), Err(EvidenceProblem::Empty));
        assert_eq!(r.check(2000, MediaType::Pdf), Err(EvidenceProblem::TooLarge { size: 2000, limit: 1000 }));
        assert_eq!(r.check(2000, MediaType::Jpeg), Ok(()), "a large photo is compressed first");
        assert_eq!(r.check(10, MediaType::Heic), Err(EvidenceProblem::Heic));
        assert!(matches!(r.check(10, MediaType::Gif), Err(EvidenceProblem::Unsupported { .. })));
        assert_eq!(
            r.check(10, MediaType::Gif).unwrap_err().message(Lang::Th),
            "ไฟล์นี้เป็นชนิด GIF ซึ่งใช้ไม่ได้ โปรดใช้ไฟล์ PDF, JPG, PNG"
        );
        assert!(EvidenceProblem::Heic.message(Lang::Th).contains("JPEG"));
    }

    #[test]
    fn problems_cross_to_the_worker_and_back() {
        for p in [
            EvidenceProblem::Empty,
            EvidenceProblem::TooLarge { size: 5, limit: 4 },
            EvidenceProblem::Unsupported { found: MediaType::Gif, accept: vec![MediaType::Pdf] },
            EvidenceProblem::Heic,
            EvidenceProblem::TooMany { limit: 2 },
            EvidenceProblem::Duplicate { of: "ก.pdf".into() },
            EvidenceProblem::Corrupt,
            EvidenceProblem::TruncatedPdf,
            EvidenceProblem::TooManyPixels { pixels: 20_000_000, limit: 16_000_000 },
            EvidenceProblem::OutOfMemory,
            EvidenceProblem::NeedsImage,
        ] {
            assert_eq!(EvidenceProblem::from_json(&p.to_json()), Some(p));
        }
        let r = EvidenceRule { max_count: 3, ..EvidenceRule::default() };
        assert_eq!(EvidenceRule::from_json(&r.to_json()), r);
        let marked = EvidenceRule { use_mark: Some(UseMark { service: None, agency: Some("สำนักงานเขต".into()) }), redact: true, ..EvidenceRule::default() };
        assert_eq!(EvidenceRule::from_json(&marked.to_json()), marked);
    }

    #[test]
    fn copies_marked_for_this_use_must_be_images() {
        let r = EvidenceRule::from_json(&json!({"useMark": {"agency": "สำนักงานทะเบียนพาณิชย์"}, "redact": true}));
        assert!(r.redact && r.edits_images());
        assert_eq!(r.check(10, MediaType::Pdf), Err(EvidenceProblem::NeedsImage));
        assert_eq!(r.check(10, MediaType::Jpeg), Ok(()));
        assert_eq!(
            r.use_mark.as_ref().unwrap().text("การจดทะเบียนพาณิชย์", "3 ธ.ค. 2569"),
            "ใช้สำหรับการจดทะเบียนพาณิชย์ ที่ สำนักงานทะเบียนพาณิชย์ เท่านั้น 3 ธ.ค. 2569"
        );
        let plain = EvidenceRule::from_json(&json!({"useMark": true}));
        assert_eq!(plain.use_mark.unwrap().text("ขอใบอนุญาต", "1 ม.ค. 2570"), "ใช้สำหรับขอใบอนุญาต เท่านั้น 1 ม.ค. 2570");
        assert!(!EvidenceRule::from_json(&json!({"useMark": false})).edits_images());
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(readable_size(512 * 1024), "512 KB");
        assert_eq!(readable_size(2_516_582), "2.4 MB");
        assert_eq!(readable_size(1), "1 KB");
    }

    #[test]
    fn pdf_end_marker() {
        assert!(pdf_is_complete(b"...\n%%EOF\n"));
        assert!(pdf_is_complete(b"%%EOF"));
        assert!(!pdf_is_complete(b"stream\nxxxx"));
    }
}
