//! Writing CMS SignedData: the kit's own signatures are P-256 with
//! SHA-256, detached, with the attributes PAdES baseline B asks for
//! (contentType, messageDigest, signing-certificate-v2; no signingTime in the
//! signed attributes, as PAdES puts the time in the PDF's `/M`), and, when
//! the signer has them, the CRLs and OCSP answers for its chain in Adobe's
//! signed `adbe-revocationInfoArchival` attribute, as Acrobat writes them.

use der::asn1::ObjectIdentifier as Oid;
use super::algorithm::{DigestAlg, SHA256};
use super::keys::PrivateKey;
use super::cms::{Revocation, CONTENT_TYPE, ID_DATA, MESSAGE_DIGEST, REVOCATION_INFO_ARCHIVAL, SIGNED_DATA, SIGNING_CERTIFICATE_V2, TIMESTAMP_TOKEN};
use super::asn1;
use super::encode::{algorithm, algorithm_with, octets, oid, seq, set_of, tlv, uint};

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
/// included so a verifier can build the path to the agency's CA, and
/// `revocation` (DER CRLs and OCSP responses) so it can check that path.
pub fn signed_data(content: &[&[u8]], key: &PrivateKey, cert: &[u8], chain: &[Vec<u8>], revocation: &Revocation) -> Result<Vec<u8>, asn1::Malformed> {
    signed_data_stamped(content, key, cert, chain, revocation, None::<fn(&[u8]) -> Result<Vec<u8>, asn1::Malformed>>)
}

/// The same, and when `stamp` is given, a time-stamp token over the
/// signature value (PAdES B-T): `stamp` gets the value and returns the
/// token, which goes in the unsigned attributes.
pub fn signed_data_stamped<E: From<asn1::Malformed>>(
    content: &[&[u8]],
    key: &PrivateKey,
    cert: &[u8],
    chain: &[Vec<u8>],
    revocation: &Revocation,
    stamp: Option<impl FnOnce(&[u8]) -> Result<Vec<u8>, E>>,
) -> Result<Vec<u8>, E> {
    let c = super::Certificate::from_der(cert)?;
    let digest = DigestAlg::Sha256.hash(content);
    let sha256 = algorithm(SHA256);
    let attr = |t: Oid, value: &[u8]| seq(&[&oid(t), &set_of(&[value])]);
    let ess_cert_id = seq(&[&octets(&DigestAlg::Sha256.hash(&[cert]))]);
    let mut attrs = vec![
        attr(CONTENT_TYPE, &oid(ID_DATA)),
        attr(MESSAGE_DIGEST, &octets(&digest)),
        attr(SIGNING_CERTIFICATE_V2, &seq(&[&seq(&[&ess_cert_id])])),
    ];
    if *revocation != Revocation::default() {
        let list = |tag: u8, items: &[Vec<u8>]| if items.is_empty() { Vec::new() } else { tlv(tag, &seq(&items.iter().map(Vec::as_slice).collect::<Vec<_>>())) };
        let archival = seq(&[&list(asn1::ctx(0), &revocation.crls), &list(asn1::ctx(1), &revocation.ocsps)]);
        attrs.push(attr(REVOCATION_INFO_ARCHIVAL, &archival));
    }
    let attr_refs: Vec<&[u8]> = attrs.iter().map(Vec::as_slice).collect();
    let signed_attrs = set_of(&attr_refs);
    let sig = key.sign_sha256(&DigestAlg::Sha256.hash(&[&signed_attrs])).ok_or(asn1::Malformed)?;
    let unsigned = match stamp {
        Some(stamp) => tlv(asn1::ctx(1), &attr(TIMESTAMP_TOKEN, &stamp(&sig)?)),
        None => Vec::new(),
    };
    let mut implicit_attrs = signed_attrs.clone();
    implicit_attrs[0] = asn1::ctx(0);
    let sid = seq(&[&c.issuer, &tlv(asn1::INTEGER, &c.serial)]);
    let signer_info = seq(&[&uint(&[1]), &sid, &sha256, &implicit_attrs, &algorithm_for(key), &octets(&sig), &unsigned]);
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
