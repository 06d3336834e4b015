//! Writing DER and CMS SignedData: the kit's own signatures are P-256 with
//! SHA-256, detached, with the attributes PAdES baseline B asks for
//! (contentType, messageDigest, signing-certificate-v2; no signingTime in the
//! signed attributes, as PAdES puts the time in the PDF's `/M`).

use der::asn1::ObjectIdentifier as Oid;
use super::algorithm::{DigestAlg, SHA256};
use super::keys::PrivateKey;
use super::cms::{CONTENT_TYPE, ID_DATA, MESSAGE_DIGEST, SIGNED_DATA, SIGNING_CERTIFICATE_V2};
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

/// How a signature algorithm is named in a SignerInfo: RSA's with NULL
/// parameters (RFC 4055), ECDSA's without (RFC 5758).
pub fn algorithm_for(key: &PrivateKey) -> Vec<u8> {
    match key {
        PrivateKey::P256(_) => algorithm(key.algorithm()),
        PrivateKey::Rsa(_) => algorithm_with(key.algorithm(), &tlv(asn1::NULL, &[])),
    }
}

/// A detached CMS SignedData over `content` (the PDF's ByteRange bytes),
/// signed with `key` whose certificate is `cert`; `chain` certificates are
/// included so a verifier can build the path to the agency's CA.
pub fn signed_data(content: &[&[u8]], key: &PrivateKey, cert: &[u8], chain: &[Vec<u8>]) -> Result<Vec<u8>, asn1::Malformed> {
    let c = super::Certificate::from_der(cert)?;
    let digest = DigestAlg::Sha256.hash(content);
    let sha256 = algorithm(SHA256);
    let attr = |t: Oid, value: &[u8]| seq(&[&oid(t), &set_of(&[value])]);
    let ess_cert_id = seq(&[&octets(&DigestAlg::Sha256.hash(&[cert]))]);
    let attrs = [
        attr(CONTENT_TYPE, &oid(ID_DATA)),
        attr(MESSAGE_DIGEST, &octets(&digest)),
        attr(SIGNING_CERTIFICATE_V2, &seq(&[&seq(&[&ess_cert_id])])),
    ];
    let attr_refs: Vec<&[u8]> = attrs.iter().map(Vec::as_slice).collect();
    let signed_attrs = set_of(&attr_refs);
    let sig = key.sign_sha256(&DigestAlg::Sha256.hash(&[&signed_attrs])).ok_or(asn1::Malformed)?;
    let mut implicit_attrs = signed_attrs.clone();
    implicit_attrs[0] = asn1::ctx(0);
    let sid = seq(&[&c.issuer, &tlv(asn1::INTEGER, &c.serial)]);
    let signer_info = seq(&[&uint(&[1]), &sid, &sha256, &implicit_attrs, &algorithm_for(key), &octets(&sig)]);
    let mut certs: Vec<&[u8]> = vec![cert];
    certs.extend(chain.iter().map(Vec::as_slice));
    let signed = seq(&[
        &uint(&[1]),
        &set_of(&[&sha256]),
        &seq(&[&oid(ID_DATA)]),
        &tlv(asn1::ctx(0), &certs.concat()),
        &set_of(&[&signer_info]),
    ]);
    Ok(seq(&[&oid(SIGNED_DATA), &tlv(asn1::ctx(0), &signed)]))
}
