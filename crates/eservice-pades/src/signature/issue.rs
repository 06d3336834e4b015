//! Certificates and certificate requests the kit writes itself: a P-256 key
//! with a PKCS#10 request for the agency's CA, or with a self-signed
//! certificate for trying the kit out (and for the tests' own small PKI).

use der::asn1::ObjectIdentifier as Oid;

use super::algorithm::DigestAlg;
use super::asn1;
use super::certificate::{BASIC_CONSTRAINTS, CN, KEY_USAGE, O, SUBJECT_KEY_ID};
use super::keys::PrivateKey;
use super::encode::{oid, octets, seq, set_of, tlv, uint};
use super::writer::algorithm_for;

const COUNTRY: Oid = Oid::new_unwrap("2.5.4.6");

/// A distinguished name: C=TH, O=`org`, CN=`cn`, as UTF-8 so Thai names
/// survive.
pub fn name(cn: &str, org: &str) -> Vec<u8> {
    let atv = |o: Oid, tag: u8, v: &str| set_of(&[&seq(&[&oid(o), &tlv(tag, v.as_bytes())])]);
    let mut parts = vec![atv(COUNTRY, 0x13, "TH")];
    if !org.is_empty() {
        parts.push(atv(O, asn1::UTF8_STRING, org));
    }
    parts.push(atv(CN, asn1::UTF8_STRING, cn));
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    seq(&refs)
}

/// What a certificate should say.
pub struct CertificateSpec<'a> {
    pub subject: &'a [u8],
    pub serial: &'a [u8],
    pub ca: bool,
    pub key_usage: u16,
    /// `YYMMDDHHMMSSZ` (UTCTime).
    pub not_before: &'a str,
    pub not_after: &'a str,
    /// More extensions, as DER ([`extension`]): the tests' odd and
    /// delegated certificates.
    pub extra: &'a [Vec<u8>],
}

/// One `Extension`: `SEQUENCE { OID, critical, OCTET STRING value }`.
pub fn extension(o: Oid, critical: bool, value: &[u8]) -> Vec<u8> {
    let crit = if critical { tlv(0x01, &[0xff]) } else { Vec::new() };
    seq(&[&oid(o), &crit, &octets(value)])
}

/// Signs `tbs` with `key` into a certificate or request: the structure is the
/// same, `SEQUENCE { tbs, algorithm, BIT STRING signature }`.
pub(crate) fn signed(tbs: &[u8], key: &PrivateKey) -> Option<Vec<u8>> {
    let sig = key.sign_sha256(&DigestAlg::Sha256.hash(&[tbs]))?;
    Some(seq(&[tbs, &algorithm_for(key), &tlv(asn1::BIT_STRING, &[&[0u8][..], &sig].concat())]))
}

/// A certificate for `subject_key` (P-256), issued by `issuer` (name and
/// key), or self-signed when `issuer` is `None`.
pub fn certificate(spec: &CertificateSpec<'_>, subject_key: &PrivateKey, issuer: Option<(&[u8], &PrivateKey)>) -> Option<Vec<u8>> {
    let spki = subject_key.p256_spki()?;
    let (issuer_name, signing_key) = issuer.unwrap_or((spec.subject, subject_key));
    let key_id = DigestAlg::Sha256.hash(&[&spki])[..20].to_vec();
    let ext = extension;
    let ku = spec.key_usage.to_be_bytes();
    let mut exts = vec![ext(SUBJECT_KEY_ID, false, &octets(&key_id)), ext(KEY_USAGE, true, &tlv(asn1::BIT_STRING, &[0, ku[0], ku[1]]))];
    if spec.ca {
        exts.push(ext(BASIC_CONSTRAINTS, true, &seq(&[&tlv(0x01, &[0xff])])));
    }
    exts.extend(spec.extra.iter().cloned());
    let ext_refs: Vec<&[u8]> = exts.iter().map(Vec::as_slice).collect();
    let tbs = seq(&[
        &tlv(asn1::ctx(0), &uint(&[2])),
        &uint(spec.serial),
        &algorithm_for(signing_key),
        issuer_name,
        &seq(&[&tlv(asn1::UTC_TIME, spec.not_before.as_bytes()), &tlv(asn1::UTC_TIME, spec.not_after.as_bytes())]),
        spec.subject,
        &spki,
        &tlv(asn1::ctx(3), &seq(&ext_refs)),
    ]);
    signed(&tbs, signing_key)
}

/// A PKCS#10 certification request (RFC 2986) for a P-256 key: what the
/// agency sends its CA to get a real certificate.
pub fn request(subject: &[u8], key: &PrivateKey) -> Option<Vec<u8>> {
    let spki = key.p256_spki()?;
    let info = seq(&[&uint(&[0]), subject, &spki, &tlv(asn1::ctx(0), &[])]);
    signed(&info, key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::asn1::Reader;
    use crate::signature::{certificate::DIGITAL_SIGNATURE, Certificate};

    #[test]
    fn a_self_signed_certificate_and_a_request_verify() {
        let key = PrivateKey::p256_from_seed(&[9; 32]).unwrap();
        let subject = name("กรมทดสอบ", "กระทรวงทดสอบ");
        let spec = CertificateSpec { subject: &subject, serial: &[1, 2, 3], ca: false, key_usage: DIGITAL_SIGNATURE, not_before: "260101000000Z", not_after: "290101000000Z", extra: &[] };
        let der = certificate(&spec, &key, None).unwrap();
        let cert = Certificate::from_der(&der).unwrap();
        assert_eq!(cert.common_name.as_deref(), Some("กรมทดสอบ"));
        assert!(cert.signed_by(&cert).unwrap());
        assert!(key.matches(&cert));
        assert!(!PrivateKey::p256_from_seed(&[8; 32]).unwrap().matches(&cert));

        let csr = request(&subject, &key).unwrap();
        let mut r = Reader::new(&csr).take().unwrap().children();
        let info = r.take().unwrap();
        r.take().unwrap();
        let sig = r.take().unwrap();
        let mut fields = info.children();
        fields.take().unwrap();
        fields.take().unwrap();
        let public = crate::signature::algorithm::PublicKey::from_spki(fields.take().unwrap().raw).unwrap();
        let alg = crate::signature::SignatureAlg::Ecdsa(Some(DigestAlg::Sha256));
        assert!(public.verify(&alg, DigestAlg::Sha256, &DigestAlg::Sha256.hash(&[info.raw]), &sig.content[1..]).unwrap());
    }
}
