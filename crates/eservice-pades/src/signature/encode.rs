//! Writing DER: the few element kinds the kit's own keys, certificates,
//! requests and signatures are made of. [`super::asn1`] reads; this writes.
//! It sits below [`super::keys`] and [`super::writer`], which both encode.

use der::asn1::ObjectIdentifier as Oid;

use super::asn1;

/// One DER element.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let n = content.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes = (n as u32).to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (4 - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

pub fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(asn1::SEQUENCE, &parts.concat())
}

/// A SET OF, its elements sorted as DER requires.
pub fn set_of(parts: &[&[u8]]) -> Vec<u8> {
    let mut sorted: Vec<&[u8]> = parts.to_vec();
    sorted.sort();
    tlv(asn1::SET, &sorted.concat())
}

pub fn oid(o: Oid) -> Vec<u8> {
    tlv(asn1::OID, o.as_bytes())
}

/// A non-negative INTEGER from big-endian bytes.
pub fn uint(bytes: &[u8]) -> Vec<u8> {
    let trimmed: &[u8] = match bytes.iter().position(|b| *b != 0) {
        Some(i) => &bytes[i..],
        None => &[0],
    };
    let mut v = Vec::with_capacity(trimmed.len() + 1);
    if trimmed[0] & 0x80 != 0 {
        v.push(0);
    }
    v.extend_from_slice(trimmed);
    tlv(asn1::INTEGER, &v)
}

pub fn octets(bytes: &[u8]) -> Vec<u8> {
    tlv(asn1::OCTET_STRING, bytes)
}

/// `AlgorithmIdentifier` with no parameters.
pub fn algorithm(o: Oid) -> Vec<u8> {
    seq(&[&oid(o)])
}

/// `AlgorithmIdentifier` with parameters.
pub fn algorithm_with(o: Oid, params: &[u8]) -> Vec<u8> {
    seq(&[&oid(o), params])
}
