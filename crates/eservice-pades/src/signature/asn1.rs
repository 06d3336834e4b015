//! A tag-length-value reader for the BER and DER that signers actually emit.
//!
//! CMS from the field is often BER (indefinite lengths, constructed octet
//! strings), which strict DER decoders refuse. This reader keeps every
//! element's original bytes, because signed attributes must be hashed
//! exactly as they were written, not as a re-encoding would write them.
//! Nesting and sizes are bounded so no input can exhaust the stack.

use der::asn1::ObjectIdentifier;
use der::DateTime;

const MAX_DEPTH: usize = 40;

pub const SEQUENCE: u8 = 0x30;
pub const SET: u8 = 0x31;
pub const INTEGER: u8 = 0x02;
pub const OCTET_STRING: u8 = 0x04;
pub const OID: u8 = 0x06;
pub const NULL: u8 = 0x05;
pub const UTF8_STRING: u8 = 0x0c;
pub const BIT_STRING: u8 = 0x03;
pub const UTC_TIME: u8 = 0x17;
pub const GENERALIZED_TIME: u8 = 0x18;

/// Context-specific tag `[n]`, constructed.
pub const fn ctx(n: u8) -> u8 {
    0xa0 | n
}

/// Context-specific tag `[n]`, primitive.
pub const fn ctx_prim(n: u8) -> u8 {
    0x80 | n
}

/// Why bytes are not the ASN.1 they should be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed;

/// One element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// The identifier octet; tags above 30 are refused (CMS uses none).
    pub tag: u8,
    /// The whole element as written: identifier, length and contents.
    pub raw: &'a [u8],
    /// The contents, without an end-of-contents marker.
    pub content: &'a [u8],
}

impl<'a> Tlv<'a> {
    pub fn is_constructed(&self) -> bool {
        self.tag & 0x20 != 0
    }

    /// The children of a constructed element.
    pub fn children(&self) -> Reader<'a> {
        Reader { b: self.content, pos: 0, depth: 1 }
    }

    /// The value of an OCTET STRING, reassembled if BER split it into chunks.
    pub fn octets(&self) -> Result<Vec<u8>, Malformed> {
        if !self.is_constructed() {
            return Ok(self.content.to_vec());
        }
        let mut out = Vec::new();
        let mut r = self.children();
        while let Some(chunk) = r.next()? {
            out.extend_from_slice(&chunk.octets()?);
        }
        Ok(out)
    }

    pub fn oid(&self) -> Result<ObjectIdentifier, Malformed> {
        if self.tag != OID {
            return Err(Malformed);
        }
        ObjectIdentifier::from_bytes(self.content).map_err(|_| Malformed)
    }

    pub fn expect(self, tag: u8) -> Result<Self, Malformed> {
        if self.tag == tag {
            Ok(self)
        } else {
            Err(Malformed)
        }
    }
}

/// Reads elements one after another.
pub struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(b: &'a [u8]) -> Self {
        Reader { b, pos: 0, depth: 0 }
    }

    /// The next element, or `None` at the end. (Not an `Iterator`: each
    /// step can fail, and a failure ends the reading.)
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Tlv<'a>>, Malformed> {
        if self.pos >= self.b.len() {
            return Ok(None);
        }
        let (tlv, len) = read(&self.b[self.pos..], self.depth)?;
        self.pos += len;
        Ok(Some(tlv))
    }

    /// The next element, which must be there.
    pub fn take(&mut self) -> Result<Tlv<'a>, Malformed> {
        self.next()?.ok_or(Malformed)
    }

    /// The next element if it has this tag.
    pub fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, Malformed> {
        if self.b.get(self.pos) == Some(&tag) {
            self.take().map(Some)
        } else {
            Ok(None)
        }
    }

    /// What is left unread.
    pub fn rest(&self) -> &'a [u8] {
        &self.b[self.pos.min(self.b.len())..]
    }
}

/// The first element of `b`, which must be all of it (trailing zeros, as
/// PDF `/Contents` padding leaves, are allowed).
pub fn single(b: &[u8]) -> Result<Tlv<'_>, Malformed> {
    let (tlv, len) = read(b, 0)?;
    if b[len..].iter().any(|x| *x != 0) {
        return Err(Malformed);
    }
    Ok(tlv)
}

fn read(b: &[u8], depth: usize) -> Result<(Tlv<'_>, usize), Malformed> {
    if depth > MAX_DEPTH {
        return Err(Malformed);
    }
    let tag = *b.first().ok_or(Malformed)?;
    if tag & 0x1f == 0x1f || tag == 0 {
        return Err(Malformed);
    }
    let first = *b.get(1).ok_or(Malformed)?;
    let (len, header) = if first < 0x80 {
        (Some(first as usize), 2)
    } else if first == 0x80 {
        (None, 2)
    } else {
        let n = (first & 0x7f) as usize;
        if n > 4 {
            return Err(Malformed);
        }
        let bytes = b.get(2..2 + n).ok_or(Malformed)?;
        (Some(bytes.iter().fold(0usize, |acc, x| (acc << 8) | *x as usize)), 2 + n)
    };
    match len {
        Some(len) => {
            let end = header.checked_add(len).ok_or(Malformed)?;
            let content = b.get(header..end).ok_or(Malformed)?;
            Ok((Tlv { tag, raw: &b[..end], content }, end))
        }
        None => {
            // Indefinite: only constructed elements; children until 00 00.
            if tag & 0x20 == 0 {
                return Err(Malformed);
            }
            let mut pos = header;
            loop {
                if b.get(pos..pos + 2) == Some(&[0, 0]) {
                    let content = &b[header..pos];
                    return Ok((Tlv { tag, raw: &b[..pos + 2], content }, pos + 2));
                }
                let (_, len) = read(b.get(pos..).ok_or(Malformed)?, depth + 1)?;
                pos += len;
            }
        }
    }
}


/// A UTCTime or GeneralizedTime element (here, below both [`super::cms`] and
/// [`super::certificate`], which read times and each other). Time-stamp authorities write
/// fractions of a second, which strict DER decoders refuse; they are dropped.
pub fn time(t: Tlv<'_>) -> Result<DateTime, Malformed> {
    let s = t.content;
    let digits = |range: std::ops::Range<usize>| -> Result<u16, Malformed> {
        let d = s.get(range).ok_or(Malformed)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return Err(Malformed);
        }
        Ok(d.iter().fold(0u16, |a, x| a * 10 + (x - b'0') as u16))
    };
    let (year, rest) = match t.tag {
        UTC_TIME => {
            let yy = digits(0..2)?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, 2)
        }
        GENERALIZED_TIME => (digits(0..4)?, 4),
        _ => return Err(Malformed),
    };
    let field = |i: usize| digits(rest + 2 * i..rest + 2 * i + 2).map(|v| v as u8);
    let mut end = rest + 10;
    if s.get(end) == Some(&b'.') {
        end += 1;
        while s.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    if &s[end.min(s.len())..] != b"Z" {
        return Err(Malformed);
    }
    DateTime::new(year, field(0)?, field(1)?, field(2)?, field(3)?, field(4)?).map_err(|_| Malformed)
}

/// `2026-11-27 05:30:00 UTC`: for logs and messages about certificates,
/// CRLs and OCSP answers; a person is shown
/// [`eservice_base::thai_date::readable_time`].
pub fn show_time(t: DateTime) -> String {
    format!("{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC", t.year(), t.month(), t.day(), t.hour(), t.minutes(), t.seconds())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definite_and_indefinite() {
        // SEQUENCE (indefinite) { INTEGER 5, OCTET STRING (constructed, indefinite) { "ab", "c" } }
        let ber = [0x30, 0x80, 0x02, 0x01, 0x05, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0, 0, 0, 0];
        let seq = single(&ber).unwrap();
        assert_eq!(seq.raw.len(), ber.len());
        let mut r = seq.children();
        assert_eq!(r.take().unwrap().content, [5]);
        assert_eq!(r.take().unwrap().octets().unwrap(), b"abc");
        assert!(r.next().unwrap().is_none());
    }

    #[test]
    fn refuses_what_is_not_there() {
        assert_eq!(single(&[0x30, 0x05, 0x02]), Err(Malformed));
        assert_eq!(single(&[0x04, 0x80, 0, 0]), Err(Malformed), "primitive indefinite");
        assert_eq!(single(&[0x30, 0x85, 1, 1, 1, 1, 1]), Err(Malformed), "5-byte length");
        assert_eq!(single(&[0x30, 0x80, 0x30, 0x80]), Err(Malformed), "no end-of-contents");
        assert_eq!(single(&[0x02, 0x01, 0x05, 0x99]), Err(Malformed), "trailing bytes");
        assert!(single(&[0x02, 0x01, 0x05, 0, 0, 0]).is_ok(), "zero padding");
        let deep: Vec<u8> = [0x30, 0x80].repeat(100);
        assert_eq!(single(&deep), Err(Malformed));
    }
}
