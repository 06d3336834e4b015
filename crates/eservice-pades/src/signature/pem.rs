//! PEM (RFC 7468) and base64 (RFC 4648): how certificates and keys travel in
//! trust lists, `.pem` files, receipts and `openssl` output.
//!
//! The codecs are RustCrypto's `pem-rfc7468` and `base64ct` (constant time,
//! as key material needs); this module finds the blocks in a file and says,
//! in Thai and English, why one is refused. Decoding is strict: the standard
//! alphabet alone, padding only at the end, the same label on both
//! boundaries, no RFC 1421 headers. What RFC 7468 lets parsers accept is
//! accepted: explanatory text around blocks, CR, LF or CRLF line ends, lines
//! of any length, spaces and tabs around and between base64 characters.
//! Decoded bytes are [`Zeroizing`]: they may be a private key.

use base64ct::{Base64, Encoding};
use pem_rfc7468::LineEnding;
use zeroize::Zeroizing;

use eservice_base::lang::Lang;

/// One `-----BEGIN LABEL-----` block: its label and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub label: String,
    /// Wiped when dropped: the block may be a private key.
    pub der: Zeroizing<Vec<u8>>,
}

/// Why PEM text or base64 was refused. Lines and columns count from 1, in
/// characters, in the text as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PemProblem {
    /// Nothing between the boundaries, or an empty string.
    Empty,
    /// A character in no base64 alphabet.
    BadCharacter { line: usize, column: usize, found: char },
    /// `-` or `_`: URL-safe base64, where only the standard alphabet is read.
    OtherAlphabet { line: usize, column: usize, found: char },
    /// `=` with base64 after it.
    PaddingInMiddle { line: usize, column: usize },
    /// Not whole groups of four characters: padding missing or extra.
    Length,
    /// The last character before the padding carries bits that must be zero.
    NonCanonical,
    /// A `-----BEGIN` or `-----END` line that RFC 7468's grammar refuses.
    Boundary { line: usize },
    /// `-----END` names another label than its `-----BEGIN`.
    LabelMismatch { begin: String, end: String },
    /// `-----BEGIN` with no `-----END` before the next block or the end.
    Unterminated { label: String, line: usize },
    /// `-----END` with no `-----BEGIN` before it.
    Unopened { line: usize },
    /// A `Name: value` header (RFC 1421, legacy encrypted keys).
    Header { line: usize },
    /// Blocks of another kind than the one wanted.
    WrongLabel { expected: String, found: String },
}

impl PemProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PemProblem::Empty, _) => lang.pick("ไม่มีข้อมูล base64", "there is no base64 data").into(),
            (PemProblem::BadCharacter { line, column, found }, Lang::Th) => format!("อักขระ {} ที่บรรทัด {line} ตำแหน่ง {column} ไม่ใช่อักขระ base64", shown(*found)),
            (PemProblem::BadCharacter { line, column, found }, Lang::En) => format!("the character {} at line {line}, column {column} is not base64", shown(*found)),
            (PemProblem::OtherAlphabet { line, column, found }, Lang::Th) => {
                format!("อักขระ '{found}' ที่บรรทัด {line} ตำแหน่ง {column} เป็นของ base64 แบบ URL ต้องใช้ base64 มาตรฐาน ('+' และ '/') แบบเดียวตลอด")
            }
            (PemProblem::OtherAlphabet { line, column, found }, Lang::En) => {
                format!("the character '{found}' at line {line}, column {column} is URL-safe base64; only standard base64 ('+' and '/') is read, one alphabet throughout")
            }
            (PemProblem::PaddingInMiddle { line, column }, Lang::Th) => format!("เครื่องหมายเติม '=' ที่บรรทัด {line} ตำแหน่ง {column} อยู่กลางข้อมูล (ใช้ได้เฉพาะท้ายสุด)"),
            (PemProblem::PaddingInMiddle { line, column }, Lang::En) => format!("the padding '=' at line {line}, column {column} is in the middle (it may only come last)"),
            (PemProblem::Length, _) => lang.pick("base64 ไม่ครบชุดละ 4 อักขระ (ขาดหรือเกินเครื่องหมายเติม '=')", "the base64 is not whole groups of 4 characters (padding '=' missing or extra)").into(),
            (PemProblem::NonCanonical, _) => lang.pick("อักขระสุดท้ายก่อน '=' มีบิตเกินที่ต้องเป็นศูนย์ (base64 ไม่อยู่ในรูปมาตรฐาน)", "the last character before the padding has bits set that must be zero (not canonical base64)").into(),
            (PemProblem::Boundary { line }, Lang::Th) => format!("บรรทัด {line} ไม่ใช่บรรทัด -----BEGIN/-----END ที่ถูกต้องตาม RFC 7468"),
            (PemProblem::Boundary { line }, Lang::En) => format!("line {line} is not a well-formed -----BEGIN/-----END line (RFC 7468)"),
            (PemProblem::LabelMismatch { begin, end }, Lang::Th) => format!("-----BEGIN {begin}----- ปิดด้วย -----END {end}----- ซึ่งชื่อไม่ตรงกัน"),
            (PemProblem::LabelMismatch { begin, end }, Lang::En) => format!("-----BEGIN {begin}----- is closed by -----END {end}-----, another label"),
            (PemProblem::Unterminated { label, line }, Lang::Th) => format!("-----BEGIN {label}----- ที่บรรทัด {line} ไม่มี -----END {label}----- ปิดท้าย"),
            (PemProblem::Unterminated { label, line }, Lang::En) => format!("-----BEGIN {label}----- at line {line} has no -----END {label}-----"),
            (PemProblem::Unopened { line }, Lang::Th) => format!("บรรทัด -----END ที่บรรทัด {line} ไม่มี -----BEGIN นำหน้า"),
            (PemProblem::Unopened { line }, Lang::En) => format!("the -----END at line {line} has no -----BEGIN before it"),
            (PemProblem::Header { line }, Lang::Th) => format!("บรรทัด {line} เป็นส่วนหัวแบบ PEM เดิม (RFC 1421) ซึ่ง RFC 7468 ไม่อนุญาต"),
            (PemProblem::Header { line }, Lang::En) => format!("line {line} is a legacy PEM header (RFC 1421), which RFC 7468 does not allow"),
            (PemProblem::WrongLabel { expected, found }, Lang::Th) => format!("พบ {found} แต่ต้องการ {expected}"),
            (PemProblem::WrongLabel { expected, found }, Lang::En) => format!("found {found} where {expected} was expected"),
        }
    }
}

/// A character for a message, with its code point: pasted text brings
/// invisible ones (no-break space, zero-width space, BOM).
fn shown(c: char) -> String {
    format!("'{c}' (U+{:04X})", u32::from(c))
}

/// Every PEM block in `text`, in order; text between blocks is explanatory
/// (RFC 7468 section 5.2) and skipped. One broken block refuses the file:
/// a chain that silently lost a link would fail later, and less clearly.
pub fn blocks(text: &str) -> Result<Vec<Block>, PemProblem> {
    spans(text)?.iter().map(decode_span).collect()
}

/// The certificates in a file: every `CERTIFICATE` block of PEM text, or
/// the file itself when it is DER; none when it is neither.
pub fn certificates(bytes: &[u8]) -> Result<Vec<Vec<u8>>, PemProblem> {
    labelled(bytes, "CERTIFICATE", is_certificate)
}

/// The CRLs in a file: every `X509 CRL` block of PEM text, or the file
/// itself when it is DER.
pub fn crls(bytes: &[u8]) -> Result<Vec<Vec<u8>>, PemProblem> {
    labelled(bytes, "X509 CRL", |l| l == "X509 CRL")
}

/// Every block whose label `wanted` accepts, or the file itself when it is
/// DER (a SEQUENCE); none when it is neither.
fn labelled(bytes: &[u8], expected: &'static str, wanted: impl Fn(&str) -> bool) -> Result<Vec<Vec<u8>>, PemProblem> {
    match std::str::from_utf8(bytes) {
        Ok(text) if text.contains("-----BEGIN") => {
            let blocks = blocks(text)?;
            let found: Vec<Vec<u8>> = blocks.iter().filter(|b| wanted(&b.label)).map(|b| b.der.to_vec()).collect();
            if found.is_empty() {
                return Err(wrong_label(expected, &blocks));
            }
            Ok(found)
        }
        _ if bytes.first() == Some(&0x30) => Ok(vec![bytes.to_vec()]),
        _ => Ok(Vec::new()),
    }
}

/// One certificate's DER from a PEM block or bare base64, as trust lists
/// carry them.
pub fn certificate(text: &str) -> Result<Vec<u8>, PemProblem> {
    if !text.contains("-----BEGIN") {
        return base64(text).map(|der| der.to_vec());
    }
    let blocks = blocks(text)?;
    match blocks.iter().find(|b| is_certificate(&b.label)) {
        Some(b) => Ok(b.der.to_vec()),
        None => Err(wrong_label("CERTIFICATE", &blocks)),
    }
}

/// `der` as a PEM block, lines of 64 characters.
pub fn encode(label: &str, der: &[u8]) -> String {
    // Fails only for a label RFC 7468 forbids (ours are constants the tests
    // encode) or a length past usize: empty then rather than a panic.
    pem_rfc7468::encode_string(label, LineEnding::LF, der).unwrap_or_default()
}

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    // Into our own buffer: `encode_string` would panic on a length past usize.
    let mut buf = vec![0; Base64::encoded_len(bytes)];
    match Base64::encode(bytes, &mut buf) {
        Ok(_) => String::from_utf8(buf).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Standard base64 with padding; spaces, tabs and line ends anywhere are
/// skipped, as in a PEM body.
pub fn base64(text: &str) -> Result<Zeroizing<Vec<u8>>, PemProblem> {
    let skip = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let len = text.bytes().filter(|b| !skip(b)).count();
    if len == 0 {
        return Err(PemProblem::Empty);
    }
    // Buffers sized once and wiped: no copy of key material is left behind
    // by a reallocation or an early return.
    let mut packed = Zeroizing::new(Vec::with_capacity(len));
    packed.extend(text.bytes().filter(|b| !skip(b)));
    let mut out = Zeroizing::new(vec![0; (len / 4 + 1) * 3]);
    let n = Base64::decode(packed.as_slice(), &mut out).map_err(|_| diagnose(lines(text)))?.len();
    out.truncate(n);
    Ok(out)
}

fn is_certificate(label: &str) -> bool {
    label == "CERTIFICATE" || label == "X509 CERTIFICATE"
}

fn wrong_label(expected: &str, blocks: &[Block]) -> PemProblem {
    let found: Vec<&str> = blocks.iter().map(|b| b.label.as_str()).collect();
    PemProblem::WrongLabel { expected: expected.into(), found: found.join(", ") }
}

/// A block as it stands in the text: boundary lines trimmed, body lines raw
/// (for the line and column of a bad character).
struct Span<'t> {
    begin_line: usize,
    begin: &'t str,
    body: Vec<(usize, &'t str)>,
    end_line: usize,
    end: &'t str,
}

const WSP: [char; 2] = [' ', '\t'];

/// The blocks' boundaries and bodies; the base64 is left to the crate.
fn spans(text: &str) -> Result<Vec<Span<'_>>, PemProblem> {
    let mut out = Vec::new();
    let mut open: Option<Span<'_>> = None;
    for (n, raw) in lines(text) {
        let line = raw.trim_matches(WSP);
        let (begin, end) = (line.starts_with("-----BEGIN"), line.starts_with("-----END"));
        match open.as_mut() {
            None if begin => open = Some(Span { begin_line: n, begin: line, body: Vec::new(), end_line: 0, end: "" }),
            None if end => return Err(PemProblem::Unopened { line: n }),
            None => {}
            Some(s) if begin => return Err(PemProblem::Unterminated { label: label_in(s.begin, "-----BEGIN"), line: s.begin_line }),
            Some(s) if end => {
                s.end_line = n;
                s.end = line;
                out.extend(open.take());
            }
            // RFC 7468 has no headers; base64 has no ':'.
            Some(_) if line.contains(':') => return Err(PemProblem::Header { line: n }),
            Some(s) => s.body.push((n, raw)),
        }
    }
    match open {
        Some(s) => Err(PemProblem::Unterminated { label: label_in(s.begin, "-----BEGIN"), line: s.begin_line }),
        None => Ok(out),
    }
}

/// A block's bytes. The crate reads RFC 7468's strict form only (64-column
/// lines, one document), so the body is rewrapped into it, in a buffer that
/// is sized once and wiped; the crate then judges the boundaries, the label
/// and the base64.
fn decode_span(s: &Span<'_>) -> Result<Block, PemProblem> {
    let chars = || s.body.iter().flat_map(|(_, l)| l.chars()).filter(|c| !WSP.contains(c));
    let len: usize = chars().map(char::len_utf8).sum();
    if len == 0 {
        return Err(PemProblem::Empty);
    }
    let mut doc = Zeroizing::new(String::with_capacity(s.begin.len() + s.end.len() + len + len / 64 + 4));
    doc.push_str(s.begin);
    for (i, c) in chars().enumerate() {
        if i % 64 == 0 {
            doc.push('\n');
        }
        doc.push(c);
    }
    doc.push('\n');
    doc.push_str(s.end);
    doc.push('\n');
    let problem = |e: pem_rfc7468::Error| match e {
        pem_rfc7468::Error::Base64(_) | pem_rfc7468::Error::Length | pem_rfc7468::Error::EncapsulatedText => diagnose(s.body.iter().copied()),
        pem_rfc7468::Error::PostEncapsulationBoundary => {
            let (begin, end) = (label_in(s.begin, "-----BEGIN"), label_in(s.end, "-----END"));
            if begin != end {
                PemProblem::LabelMismatch { begin, end }
            } else {
                PemProblem::Boundary { line: s.end_line }
            }
        }
        _ => PemProblem::Boundary { line: s.begin_line },
    };
    let mut decoder = pem_rfc7468::Decoder::new(doc.as_bytes()).map_err(problem)?;
    let label = decoder.type_label().to_owned();
    let mut der = Zeroizing::new(Vec::new());
    decoder.decode_to_end(&mut der).map_err(problem)?;
    Ok(Block { label, der })
}

/// The label of a boundary line, for messages.
fn label_in(line: &str, prefix: &str) -> String {
    line.strip_prefix(prefix).unwrap_or(line).trim_end_matches('-').trim().to_owned()
}

/// `text`'s lines, numbered from 1; CR, LF and CRLF each end one
/// (RFC 7468's `eol`).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    let mut rest = text;
    let mut n = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        n += 1;
        let (line, after) = rest.split_at(rest.find(['\r', '\n']).unwrap_or(rest.len()));
        rest = after.strip_prefix("\r\n").or_else(|| after.strip_prefix(['\r', '\n'])).unwrap_or(after);
        Some((n, line))
    })
}

/// What is wrong with base64 the crate refused. Only run after a refusal,
/// so the constant-time decode of good key material is not given up.
fn diagnose<'t>(lines: impl Iterator<Item = (usize, &'t str)>) -> PemProblem {
    let (mut count, mut pads, mut first_pad) = (0usize, 0usize, None);
    for (line, text) in lines {
        for (i, c) in text.chars().enumerate() {
            let column = i + 1;
            match c {
                ' ' | '\t' | '\r' | '\n' => continue,
                '=' => {
                    pads += 1;
                    first_pad.get_or_insert((line, column));
                }
                'A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/' => {
                    if let Some((line, column)) = first_pad {
                        return PemProblem::PaddingInMiddle { line, column };
                    }
                }
                '-' | '_' => return PemProblem::OtherAlphabet { line, column, found: c },
                _ => return PemProblem::BadCharacter { line, column, found: c },
            }
            count += 1;
        }
    }
    match count {
        0 => PemProblem::Empty,
        _ if count % 4 != 0 || pads > 2 => PemProblem::Length,
        _ => PemProblem::NonCanonical,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i as u8).wrapping_mul(37).wrapping_add(11)).collect()
    }

    #[test]
    fn round_trip_and_labels() {
        for len in 1..200 {
            let der = sample(len);
            let text = encode("CERTIFICATE", &der);
            assert!(text.lines().all(|l| l.len() <= 64), "RFC 7468 lines of 64");
            assert_eq!(blocks(&text), Ok(vec![Block { label: "CERTIFICATE".into(), der: Zeroizing::new(der.clone()) }]));
            assert_eq!(base64(&base64_encode(&der)).as_deref(), Ok(&der));
            assert_eq!(certificate(&text), Ok(der.clone()));
            assert_eq!(certificate(&base64_encode(&der)), Ok(der));
        }
        let two = format!("junk: before\n{}between\n{}", encode("EC PRIVATE KEY", b"k"), encode("CERTIFICATE", b"c"));
        let labels: Vec<String> = blocks(&two).unwrap().into_iter().map(|b| b.label).collect();
        assert_eq!(labels, ["EC PRIVATE KEY", "CERTIFICATE"]);
        assert_eq!(certificates(two.as_bytes()), Ok(vec![b"c".to_vec()]));
        // The labels the kit writes are ones RFC 7468 allows.
        for label in ["CERTIFICATE", "CERTIFICATE REQUEST", "PRIVATE KEY"] {
            assert!(encode(label, b"x").starts_with(&format!("-----BEGIN {label}-----\n")));
        }
    }

    #[test]
    fn whitespace_and_wrapping_rfc_7468_allows() {
        let der = sample(100);
        let b64 = base64_encode(&der);
        // 76-column lines (MIME), CRLF, trailing and leading blanks, a blank
        // line after BEGIN, tabs, explanatory text and indentation around.
        let wrapped: Vec<&str> = b64.as_bytes().chunks(76).map(|c| std::str::from_utf8(c).unwrap()).collect();
        let crlf = format!("subject=CN=Test\r\n  -----BEGIN CERTIFICATE-----  \r\n\r\n{}\r\n-----END CERTIFICATE-----\r\n", wrapped.join(" \t\r\n"));
        assert_eq!(certificate(&crlf), Ok(der.clone()));
        let cr_only = format!("-----BEGIN CERTIFICATE-----\r{}\r-----END CERTIFICATE-----", wrapped.join("\r"));
        assert_eq!(certificate(&cr_only), Ok(der.clone()));
        let spaced: String = b64.chars().flat_map(|c| [c, ' ']).collect();
        assert_eq!(certificate(&format!("-----BEGIN CERTIFICATE-----\n\t{spaced}\n-----END CERTIFICATE-----\n")), Ok(der.clone()));
        assert_eq!(base64(&format!(" {}\n{} ", &b64[..40], &b64[40..])).as_deref(), Ok(&der));
    }

    #[test]
    fn strict_decoding_names_what_is_wrong() {
        let pem = |body: &str| format!("-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n");
        assert_eq!(certificate(&pem("MIIB!AAA")), Err(PemProblem::BadCharacter { line: 2, column: 5, found: '!' }));
        assert_eq!(certificate(&pem("MII\u{e01}AAAA")), Err(PemProblem::BadCharacter { line: 2, column: 4, found: '\u{e01}' }));
        assert_eq!(certificate(&pem("MIIB+/AA\nab-_AAAA")), Err(PemProblem::OtherAlphabet { line: 3, column: 3, found: '-' }));
        assert_eq!(base64("MIIB_AAA"), Err(PemProblem::OtherAlphabet { line: 1, column: 5, found: '_' }));
        assert_eq!(certificate(&pem("QQ==QUFB")), Err(PemProblem::PaddingInMiddle { line: 2, column: 3 }));
        assert_eq!(base64("QQ==\nQUFB"), Err(PemProblem::PaddingInMiddle { line: 1, column: 3 }));
        assert_eq!(base64("QUFBQQ"), Err(PemProblem::Length));
        assert_eq!(base64("QQ==="), Err(PemProblem::Length));
        assert_eq!(base64("QR=="), Err(PemProblem::NonCanonical));
        assert_eq!(base64(" \n"), Err(PemProblem::Empty));
        assert_eq!(certificate(&pem("")), Err(PemProblem::Empty));

        let ok = base64_encode(b"certificate bytes");
        let mismatch = format!("-----BEGIN CERTIFICATE-----\n{ok}\n-----END PRIVATE KEY-----\n");
        assert_eq!(certificate(&mismatch), Err(PemProblem::LabelMismatch { begin: "CERTIFICATE".into(), end: "PRIVATE KEY".into() }));
        let key = encode("PRIVATE KEY", b"secret");
        assert_eq!(certificate(&key), Err(PemProblem::WrongLabel { expected: "CERTIFICATE".into(), found: "PRIVATE KEY".into() }));
        assert_eq!(certificates(key.as_bytes()), Err(PemProblem::WrongLabel { expected: "CERTIFICATE".into(), found: "PRIVATE KEY".into() }));
        assert_eq!(certificate(&format!("x\n-----BEGIN CERTIFICATE----\n{ok}\n-----END CERTIFICATE-----\n")), Err(PemProblem::Boundary { line: 2 }));
        assert_eq!(certificate(&format!("-----BEGIN CERTIFICATE-----\n{ok}\n")), Err(PemProblem::Unterminated { label: "CERTIFICATE".into(), line: 1 }));
        assert_eq!(certificate(&format!("{ok}\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\n{ok}\n-----END CERTIFICATE-----\n")), Err(PemProblem::Unopened { line: 2 }));
        let legacy = format!("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n{ok}\n-----END RSA PRIVATE KEY-----\n");
        assert_eq!(blocks(&legacy), Err(PemProblem::Header { line: 2 }));
        // One broken block refuses the file, even after a good one.
        let chain = format!("{}{}", encode("CERTIFICATE", b"a"), pem("QQ==QUFB"));
        assert_eq!(certificates(chain.as_bytes()), Err(PemProblem::PaddingInMiddle { line: 5, column: 3 }));

        // Each message names the place, in both languages.
        let p = PemProblem::BadCharacter { line: 2, column: 5, found: '!' };
        assert_eq!(p.message(Lang::En), "the character '!' (U+0021) at line 2, column 5 is not base64");
        assert_eq!(p.message(Lang::Th), "อักขระ '!' (U+0021) ที่บรรทัด 2 ตำแหน่ง 5 ไม่ใช่อักขระ base64");
        let nbsp = PemProblem::BadCharacter { line: 1, column: 9, found: '\u{a0}' };
        assert_eq!(nbsp.message(Lang::En), "the character '\u{a0}' (U+00A0) at line 1, column 9 is not base64");
    }

    #[test]
    fn decoded_bytes_are_zeroizing() {
        // The types are the guarantee: these lines compile only while the
        // bytes that may be a key are wiped on drop.
        let text = encode("PRIVATE KEY", b"secret");
        let block: Block = blocks(&text).unwrap().remove(0);
        let der: Zeroizing<Vec<u8>> = block.der;
        let bare: Zeroizing<Vec<u8>> = base64(&base64_encode(b"secret")).unwrap();
        assert_eq!((der.as_slice(), bare.as_slice()), (&b"secret"[..], &b"secret"[..]));
    }

    #[test]
    fn no_input_panics() {
        let inputs = ["", "-----BEGIN", "-----BEGIN -----\n-----END -----", "-----END", "=", "====", "-----BEGIN A-----\n=\n-----END A-----", "\r\r\n\n", "-----BEGIN A-----\u{0}\n-----END A-----"];
        for s in inputs {
            let _ = (blocks(s), base64(s), certificate(s), certificates(s.as_bytes()));
        }
        let mut bytes = encode("CERTIFICATE", &sample(90)).into_bytes();
        for i in 0..bytes.len() {
            for b in [b'=', b'-', b'\n', b'\r', b' ', b':', 0xff] {
                let saved = bytes[i];
                bytes[i] = b;
                let _ = certificates(&bytes);
                if let Ok(s) = std::str::from_utf8(&bytes) {
                    let _ = (blocks(s), base64(s), certificate(s));
                }
                bytes[i] = saved;
            }
        }
    }
}
