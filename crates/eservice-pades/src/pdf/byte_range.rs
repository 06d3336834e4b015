//! Finding each signature dictionary and checking its ByteRange against the
//! bytes: it must start at 0, leave out exactly the `/Contents` hex string,
//! and end exactly at the end of a revision. Everything after that revision
//! was added after signing, whatever the document's own tables say.

use std::fmt;

use eservice_base::lang::Lang;

use super::lexer::{Lexer, Obj, Spanned};
use super::objects::Section;
use super::revisions::{find, revisions};

/// How far back from `/ByteRange` the start of its dictionary may lie: the
/// `/Contents` before it is hex, twice the size of the CMS (with its
/// certificates and revocation data, up to a few hundred KB).
const MAX_DICT_LOOKBACK: usize = 4 * 1024 * 1024;
/// How many `<<` a search for the enclosing dictionary tries, and how many
/// `/ByteRange`s a file may have: bounds on the work any file can cause.
const MAX_DICT_TRIES: usize = 64;
const MAX_SIGNATURES: usize = 256;

/// A signature whose ByteRange is sound.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatureLocation {
    /// Where the signature dictionary starts in the file.
    pub dict_start: usize,
    pub byte_range: [usize; 4],
    /// The `/Contents` bytes: the CMS SignedData (DER, zero-padded).
    pub contents: Vec<u8>,
    /// `/SubFilter`, e.g. `ETSI.CAdES.detached` or `ETSI.RFC3161`.
    pub sub_filter: Option<String>,
    /// The end of the revision this signature signs.
    pub revision_end: usize,
    /// Whether nothing at all follows the signed revision.
    pub covers_whole_file: bool,
    /// `/Type /DocTimeStamp` (or the RFC 3161 sub-filter): a document
    /// time-stamp rather than a person's or agency's signature.
    pub is_timestamp: bool,
    /// `/M`, the signing time the PDF states (`D:2026...`), decoded.
    pub stated_time: Option<String>,
    /// What the signer's software wrote beside the signature, decoded.
    pub stated: Stated,
    /// The DocMDP permission level (1–3) of a certification signature.
    pub docmdp: Option<u8>,
}

/// The signature dictionary's own words (`/Name`, `/Reason`, `/Location`,
/// `/ContactInfo`): signed, but only what the signer's software says; the
/// certificate says who signed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stated {
    pub name: Option<String>,
    pub reason: Option<String>,
    pub location: Option<String>,
    pub contact_info: Option<String>,
}

impl SignatureLocation {
    /// The signed bytes, in order: everything in the ByteRange.
    pub fn signed_parts<'a>(&self, pdf: &'a [u8]) -> [&'a [u8]; 2] {
        let [a, b, c, d] = self.byte_range;
        [&pdf[a..a + b], &pdf[c..c + d]]
    }
}

/// Why a signature's ByteRange cannot be trusted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ByteRangeProblem {
    /// Not four non-negative integers.
    Malformed,
    /// No `/Contents` hex string, or one that is empty or all zeros.
    NoContents,
    /// The signed range does not start at the first byte.
    NotFromStart,
    /// The two parts overlap or are out of order.
    Unordered,
    /// The range reaches past the end of the file.
    OutOfFile,
    /// The gap is not exactly the `/Contents` value: something else was left
    /// out of what the signature covers (signature wrapping).
    GapIsNotContents,
    /// The range ends inside a revision, not at its end.
    NotRevisionEnd,
}

impl ByteRangeProblem {
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            ByteRangeProblem::Malformed => lang.pick("ช่วงข้อมูลที่ลงนาม (ByteRange) ผิดรูปแบบ", "The signed byte range (ByteRange) is malformed"),
            ByteRangeProblem::NoContents => lang.pick("ไม่มีข้อมูลลายมือชื่อ หรือข้อมูลลายมือชื่อว่างเปล่า", "The signature value is missing or empty"),
            ByteRangeProblem::NotFromStart => lang.pick("ลายมือชื่อไม่ได้ครอบคลุมตั้งแต่ต้นไฟล์", "The signature does not cover the file from its first byte"),
            ByteRangeProblem::Unordered => lang.pick("ช่วงข้อมูลที่ลงนามซ้อนทับหรือสลับลำดับกัน", "The signed ranges overlap or are out of order"),
            ByteRangeProblem::OutOfFile => lang.pick("ช่วงข้อมูลที่ลงนามเกินขนาดไฟล์", "The signed range reaches past the end of the file"),
            ByteRangeProblem::GapIsNotContents => lang.pick(
                "ส่วนที่ไม่ได้ลงนามไม่ใช่ตัวลายมือชื่อ: มีข้อมูลอื่นถูกแทรกนอกส่วนที่ลงนาม",
                "What the signature leaves out is not just the signature value: other content was slipped outside what was signed",
            ),
            ByteRangeProblem::NotRevisionEnd => lang.pick("ช่วงข้อมูลที่ลงนามไม่ได้จบที่ท้ายฉบับแก้ไขของเอกสาร", "The signed range does not end at the end of a revision of the document"),
        }
    }
}

impl fmt::Display for ByteRangeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

/// Every signature dictionary in the file (each once, in file order), with
/// its location or what is wrong with its ByteRange.
pub fn find_signatures(pdf: &[u8]) -> Vec<Result<SignatureLocation, ByteRangeProblem>> {
    find_signatures_in(pdf, &super::objects::scan(pdf, 0, pdf.len()))
}

/// [`find_signatures`], given the scan of the whole file.
pub fn find_signatures_in(pdf: &[u8], doc: &Section) -> Vec<Result<SignatureLocation, ByteRangeProblem>> {
    let ends = revisions(pdf);
    // Signature dictionaries are indirect objects of the file itself; the
    // same bytes inside a stream (an embedded PDF, an evidence record) are
    // data, not signatures of this document.
    let objects: Vec<usize> = doc.objects.iter().filter(|o| !o.packed).map(|o| o.value.start).collect();
    let mut seen: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = find(&pdf[from..], b"/ByteRange") {
        if out.len() >= MAX_SIGNATURES {
            out.push(Err(ByteRangeProblem::Malformed));
            break;
        }
        let at = from + i;
        from = at + 10;
        let Some(dict) = enclosing_dict(pdf, at) else {
            // A ByteRange key with a value but no readable dictionary around
            // it is a broken signature; the words in a text are not.
            let next = pdf[from..].iter().find(|c| !c.is_ascii_whitespace());
            if matches!(next, Some(b'[' | b'0'..=b'9')) {
                out.push(Err(ByteRangeProblem::Malformed));
            }
            continue;
        };
        if seen.contains(&dict.start) || !objects.contains(&dict.start) {
            continue;
        }
        seen.push(dict.start);
        out.push(check(pdf, &dict, &ends));
    }
    out
}

/// The innermost dictionary that holds the `/ByteRange` key at `at`.
fn enclosing_dict(pdf: &[u8], at: usize) -> Option<Spanned> {
    let floor = at.saturating_sub(MAX_DICT_LOOKBACK);
    let mut i = at;
    let mut tries = 0;
    while i > floor && tries < MAX_DICT_TRIES {
        i -= 1;
        if &pdf[i..i + 2.min(pdf.len() - i)] != b"<<" {
            continue;
        }
        tries += 1;
        let Some(v) = Lexer::new(pdf, i).value(0) else { continue };
        if v.end > at {
            if let Some(br) = v.get(b"ByteRange") {
                // The key itself sits just before its value.
                if br.start > at && br.start - at <= 12 {
                    return Some(v);
                }
            }
        }
    }
    None
}

/// `/Reference [<< /TransformMethod /DocMDP /TransformParams << /P n >> >>]`;
/// P defaults to 2.
fn docmdp(dict: &Spanned) -> Option<u8> {
    let Obj::Array(refs) = &dict.get(b"Reference")?.obj else { return None };
    refs.iter().find(|r| r.get(b"TransformMethod").is_some_and(|m| m.obj == Obj::Name(b"DocMDP".to_vec()))).map(|r| {
        match r.get(b"TransformParams").and_then(|p| p.get(b"P")).map(|p| &p.obj) {
            Some(Obj::Int(n @ 1..=3)) => *n as u8,
            _ => 2,
        }
    })
}

fn int(v: &Spanned) -> Option<usize> {
    match v.obj {
        Obj::Int(n) => usize::try_from(n).ok(),
        _ => None,
    }
}

fn check(pdf: &[u8], dict: &Spanned, ends: &[usize]) -> Result<SignatureLocation, ByteRangeProblem> {
    let br: Vec<usize> = match &dict.get(b"ByteRange").map(|v| &v.obj) {
        Some(Obj::Array(items)) if items.len() == 4 => items.iter().map(int).collect::<Option<_>>().ok_or(ByteRangeProblem::Malformed)?,
        _ => return Err(ByteRangeProblem::Malformed),
    };
    let [a, b, c, d] = [br[0], br[1], br[2], br[3]];
    let contents = dict.get(b"Contents").ok_or(ByteRangeProblem::NoContents)?;
    let Obj::Str(value) = &contents.obj else { return Err(ByteRangeProblem::NoContents) };
    if value.iter().all(|x| *x == 0) || pdf.get(contents.start) != Some(&b'<') {
        return Err(ByteRangeProblem::NoContents);
    }
    if a != 0 {
        return Err(ByteRangeProblem::NotFromStart);
    }
    if b == 0 || c <= b {
        return Err(ByteRangeProblem::Unordered);
    }
    let end = c.checked_add(d).ok_or(ByteRangeProblem::OutOfFile)?;
    if end > pdf.len() {
        return Err(ByteRangeProblem::OutOfFile);
    }
    if contents.start != b || contents.end != c {
        return Err(ByteRangeProblem::GapIsNotContents);
    }
    if !ends.contains(&end) {
        return Err(ByteRangeProblem::NotRevisionEnd);
    }
    let sub_filter = match dict.get(b"SubFilter").map(|v| &v.obj) {
        Some(Obj::Name(n)) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    };
    let is_timestamp = dict.get(b"Type").is_some_and(|t| t.obj == Obj::Name(b"DocTimeStamp".to_vec())) || sub_filter.as_deref() == Some("ETSI.RFC3161");
    let text = |key: &[u8]| match dict.get(key).map(|m| &m.obj) {
        Some(Obj::Str(s)) => Some(super::text::decode(s)).filter(|t| !t.trim().is_empty()),
        _ => None,
    };
    let stated_time = text(b"M");
    let stated = Stated { name: text(b"Name"), reason: text(b"Reason"), location: text(b"Location"), contact_info: text(b"ContactInfo") };
    Ok(SignatureLocation {
        is_timestamp,
        stated_time,
        stated,
        docmdp: docmdp(dict),
        dict_start: dict.start,
        byte_range: [a, b, c, d],
        contents: value.clone(),
        sub_filter,
        revision_end: end,
        covers_whole_file: end == pdf.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-revision PDF with a signature dictionary whose ByteRange is
    /// computed for the bytes as written.
    fn signed(contents_hex: &str) -> Vec<u8> {
        let head = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 AAAAAAAAAA BBBBBBBBBB CCCCCCCCCC] /Contents ";
        let tail = " /M (D:20261127120000+07'00') >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
        let b = head.len();
        let c = b + contents_hex.len() + 2;
        let total = c + tail.len();
        let fix = |s: &str, ph: &str, v: usize| s.replace(ph, &format!("{v:<10}"));
        let head = fix(&fix(&fix(head, "AAAAAAAAAA", b), "BBBBBBBBBB", c), "CCCCCCCCCC", total - c);
        format!("{head}<{contents_hex}>{tail}").into_bytes()
    }

    #[test]
    fn a_sound_signature() {
        let pdf = signed("3082010a00000000");
        let sigs = find_signatures(&pdf);
        assert_eq!(sigs.len(), 1);
        let s = sigs[0].as_ref().unwrap();
        assert_eq!(s.contents, [0x30, 0x82, 0x01, 0x0a, 0, 0, 0, 0]);
        assert_eq!(s.sub_filter.as_deref(), Some("ETSI.CAdES.detached"));
        assert!(s.covers_whole_file);
        let [p1, p2] = s.signed_parts(&pdf);
        assert_eq!(p1.len() + p2.len() + 18, pdf.len());
    }

    #[test]
    fn appended_revisions_and_trailing_garbage_are_outside_the_signature() {
        let mut pdf = signed("3082");
        pdf.extend_from_slice(b"3 0 obj\n(new text)\nendobj\ntrailer\n<< /Prev 0 >>\n%%EOF\n");
        let s = find_signatures(&pdf).remove(0).unwrap();
        assert!(!s.covers_whole_file, "an incremental update after signing");
        let mut junk = signed("3082");
        junk.extend_from_slice(b"garbage");
        assert!(!find_signatures(&junk).remove(0).unwrap().covers_whole_file, "trailing bytes");
    }

    #[test]
    fn attacks_on_the_byte_range() {
        let good = String::from_utf8(signed("3082abcd")).unwrap();
        let br_at = good.find("/ByteRange [").unwrap() + 12;
        let br_end = good[br_at..].find(']').unwrap() + br_at;
        let nums: Vec<usize> = good[br_at..br_end].split_whitespace().map(|n| n.parse().unwrap()).collect();
        let with = |a: usize, b: usize, c: usize, d: usize| {
            let text = format!("{a} {b} {c} {d}");
            let mut s = good.clone();
            s.replace_range(br_at..br_end, &format!("{text:<width$}", width = br_end - br_at));
            find_signatures(s.as_bytes()).remove(0)
        };
        let [_, b, c, d] = [nums[0], nums[1], nums[2], nums[3]];
        assert_eq!(with(1, b - 1, c, d), Err(ByteRangeProblem::NotFromStart));
        assert_eq!(with(0, c + 1, c, d), Err(ByteRangeProblem::Unordered));
        assert_eq!(with(0, b, c, d + 1), Err(ByteRangeProblem::OutOfFile));
        assert_eq!(with(0, b - 1, c, d), Err(ByteRangeProblem::GapIsNotContents), "a wider gap hides more than the value");
        assert_eq!(with(0, b, c, d - 3), Err(ByteRangeProblem::NotRevisionEnd));
        assert_eq!(find_signatures(&signed("00000000")).remove(0), Err(ByteRangeProblem::NoContents), "zeroed signature");
        let malformed = good.replacen("/ByteRange [", "/ByteRange [ x", 1);
        assert_eq!(find_signatures(malformed.as_bytes()), [Err(ByteRangeProblem::Malformed)], "broken, not unsigned");
    }

    #[test]
    fn no_mangled_file_makes_it_panic() {
        // Truncations and byte flips of a signed file, deterministic so a
        // failure reproduces; the answers may be anything but a panic.
        let good = signed("3082abcd");
        let mut seed = 0x9e37_79b9_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize
        };
        for cut in 0..good.len() {
            let _ = find_signatures(&good[..cut]);
        }
        for _ in 0..5000 {
            let mut bad = good.clone();
            for _ in 0..1 + next() % 4 {
                let i = next() % bad.len();
                bad[i] = b"<>[]()/0 9R%\\n"[next() % 14];
            }
            let _ = find_signatures(&bad);
        }
    }

    #[test]
    fn hostile_repetition_is_bounded() {
        let hostile = b"<< /ByteRange [".repeat(100_000);
        let found = find_signatures(&hostile);
        assert!(found.len() <= MAX_SIGNATURES + 1);
        assert!(found.iter().all(|f| f.is_err()));
    }

    #[test]
    fn unsigned_files_have_none() {
        assert!(find_signatures(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n").is_empty());
        assert!(find_signatures(b"%PDF-1.4\n(Is the /ByteRange dictionary consistent?)\n%%EOF\n").is_empty(), "words in a text");
    }
}
