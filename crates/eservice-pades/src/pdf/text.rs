//! Text strings (ISO 32000-2 §7.9.2.2), the one way the kit turns a PDF
//! string into words it shows: a signature's `/Name`, `/Reason`,
//! `/Location`, `/ContactInfo` and its date `/M` (a date is a text string
//! too, §7.9.4).
//!
//! UTF-16BE after the byte-order mark FE FF, UTF-8 after EF BB BF (PDF 2.0),
//! otherwise PDFDocEncoding. Language marks (ESC, a language code, ESC) are
//! left out. Nothing a file holds makes this fail: what cannot be decoded is
//! shown as U+FFFD.

/// PDFDocEncoding where it differs from Latin-1 (Annex D, table D.2):
/// 0x18–0x1F and 0x80–0xA0. The other bytes below 0x20 but tab, LF and CR,
/// and 0x7F, 0x9F and 0xAD, are undefined.
const PDF_DOC_HIGH: [char; 8] = ['\u{02d8}', '\u{02c7}', '\u{02c6}', '\u{02d9}', '\u{02dd}', '\u{02db}', '\u{02da}', '\u{02dc}'];
const PDF_DOC_0X80: [char; 33] = [
    '\u{2022}', '\u{2020}', '\u{2021}', '\u{2026}', '\u{2014}', '\u{2013}', '\u{0192}', '\u{2044}', '\u{2039}', '\u{203a}', '\u{2212}', '\u{2030}', '\u{201e}', '\u{201c}', '\u{201d}', '\u{2018}',
    '\u{2019}', '\u{201a}', '\u{2122}', '\u{fb01}', '\u{fb02}', '\u{0141}', '\u{0152}', '\u{0160}', '\u{0178}', '\u{017d}', '\u{0131}', '\u{0142}', '\u{0153}', '\u{0161}', '\u{017e}', '\u{fffd}',
    '\u{20ac}',
];

fn pdf_doc(b: u8) -> char {
    match b {
        b'\t' | b'\n' | b'\r' => char::from(b),
        0x18..=0x1f => PDF_DOC_HIGH[usize::from(b - 0x18)],
        0x80..=0xa0 => PDF_DOC_0X80[usize::from(b - 0x80)],
        0x00..=0x1f | 0x7f | 0xad => '\u{fffd}',
        _ => char::from(b),
    }
}

/// Drops the language marks a text string may carry: ESC, a language
/// code, ESC.
fn without_language_marks(s: String) -> String {
    if !s.contains('\u{1b}') {
        return s;
    }
    s.split('\u{1b}').step_by(2).collect()
}

/// The text a PDF text string holds.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
        // An odd last byte is half a character: left out.
        let units = utf16.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]]));
        without_language_marks(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')).collect())
    } else if let Some(utf8) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        without_language_marks(String::from_utf8_lossy(utf8).into_owned())
    } else {
        bytes.iter().copied().map(pdf_doc).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoding() {
        assert_eq!(decode(b"D:20261127065542Z"), "D:20261127065542Z");
        assert_eq!(decode(&[0xfe, 0xff, 0x0e, 0x01, 0x0e, 0x23, 0x00, 0x4d]), "กรM");
        assert_eq!(decode(&[0xef, 0xbb, 0xbf, 0xe0, 0xb8, 0x81]), "ก");
        assert_eq!(decode(&[0x80, 0x93, 0xa0, 0xe9, 0x18, b'\n']), "•ﬁ€é˘\n");
        assert_eq!(decode(&[0x01, 0x7f, 0x9f, 0xad]), "\u{fffd}".repeat(4), "undefined codes");
        assert_eq!(decode(b""), "");
    }

    #[test]
    fn broken_utf16_and_language_marks() {
        assert_eq!(decode(&[0xfe, 0xff, 0x00]), "", "half a character");
        assert_eq!(decode(&[0xfe, 0xff, 0xd8, 0x00, 0x00, 0x41]), "\u{fffd}A", "a lone surrogate");
        assert_eq!(decode(&[0xfe, 0xff, 0xd8, 0x3d, 0xde, 0x00]), "😀");
        // ESC "th" ESC before the text says it is Thai.
        assert_eq!(decode(&[0xfe, 0xff, 0x00, 0x1b, 0x00, b't', 0x00, b'h', 0x00, 0x1b, 0x0e, 0x01]), "ก");
        assert_eq!(decode(&[0xef, 0xbb, 0xbf, 0x1b, b'e', b'n', 0x1b, b'A', 0xff]), "A\u{fffd}");
    }
}
