//! Test certificates and keys, made on the spot so the tests need no files:
//! a CA and the certificates it issues, all P-256, with deterministic keys.

use der::asn1::ObjectIdentifier as Oid;
use p256::ecdsa::signature::hazmat::PrehashSigner;
use p256::ecdsa::SigningKey;

use super::algorithm::DigestAlg;
use super::asn1;
use super::algorithm::{EC_PUBLIC_KEY, ECDSA_SHA256, P256};
use super::certificate::{BASIC_CONSTRAINTS, CN, KEY_USAGE, O, SUBJECT_KEY_ID};
use super::writer::{algorithm, oid, octets, seq, set_of, tlv, uint};

pub struct Issued {
    pub key: SigningKey,
    pub der: Vec<u8>,
    name: Vec<u8>,
}

/// What a test certificate should say.
pub struct Spec<'a> {
    pub cn: &'a str,
    pub org: &'a str,
    pub seed: u8,
    pub ca: bool,
    pub key_usage: u16,
    pub not_before: &'a str,
    pub not_after: &'a str,
    /// A critical extension no verifier knows.
    pub odd_critical: bool,
}

impl<'a> Spec<'a> {
    pub fn ca(cn: &'a str, seed: u8) -> Self {
        Spec { cn, org: "Test CA", seed, ca: true, key_usage: super::certificate::KEY_CERT_SIGN, not_before: "200101000000Z", not_after: "491231000000Z", odd_critical: false }
    }

    pub fn signer(cn: &'a str, org: &'a str, seed: u8) -> Self {
        Spec { cn, org, seed, ca: false, key_usage: super::certificate::DIGITAL_SIGNATURE | super::certificate::NON_REPUDIATION, ..Spec::ca(cn, seed) }
    }
}

fn name(cn: &str, org: &str) -> Vec<u8> {
    let atv = |o: Oid, v: &str| set_of(&[&seq(&[&oid(o), &tlv(0x0c, v.as_bytes())])]);
    seq(&[&atv(Oid::new_unwrap("2.5.4.6"), "TH"), &atv(O, org), &atv(CN, cn)])
}

pub fn spki(key: &SigningKey) -> Vec<u8> {
    let point = key.verifying_key().to_sec1_point(false);
    let alg = seq(&[&oid(EC_PUBLIC_KEY), &oid(P256)]);
    seq(&[&alg, &tlv(asn1::BIT_STRING, &[&[0u8][..], point.as_bytes()].concat())])
}

/// A certificate for `spec`, signed by `issuer` (or by itself).
pub fn issue(spec: &Spec<'_>, issuer: Option<&Issued>) -> Issued {
    let key = SigningKey::from_slice(&[spec.seed; 32]).unwrap();
    let subject = name(spec.cn, spec.org);
    let issuer_name = issuer.map_or(subject.clone(), |i| i.name.clone());
    let key_id = DigestAlg::Sha256.hash(&[&spki(&key)])[..20].to_vec();
    let ext = |o: Oid, critical: bool, value: &[u8]| {
        let crit = if critical { tlv(0x01, &[0xff]) } else { Vec::new() };
        seq(&[&oid(o), &crit, &octets(value)])
    };
    let ku = spec.key_usage.to_be_bytes();
    let mut exts = vec![
        ext(SUBJECT_KEY_ID, false, &octets(&key_id)),
        ext(KEY_USAGE, true, &tlv(asn1::BIT_STRING, &[0, ku[0], ku[1]])),
    ];
    if spec.ca {
        exts.push(ext(BASIC_CONSTRAINTS, true, &seq(&[&tlv(0x01, &[0xff])])));
    }
    if spec.odd_critical {
        exts.push(ext(Oid::new_unwrap("1.2.3.4.5"), true, &tlv(0x05, &[])));
    }
    let ext_refs: Vec<&[u8]> = exts.iter().map(Vec::as_slice).collect();
    let tbs = seq(&[
        &tlv(asn1::ctx(0), &uint(&[2])),
        &uint(&[spec.seed, 0x42]),
        &algorithm(ECDSA_SHA256),
        &issuer_name,
        &seq(&[&tlv(asn1::UTC_TIME, spec.not_before.as_bytes()), &tlv(asn1::UTC_TIME, spec.not_after.as_bytes())]),
        &subject,
        &spki(&key),
        &tlv(asn1::ctx(3), &seq(&ext_refs)),
    ]);
    let signing_key = issuer.map_or(&key, |i| &i.key);
    let sig: p256::ecdsa::DerSignature = signing_key.sign_prehash(&DigestAlg::Sha256.hash(&[&tbs])).unwrap();
    let der = seq(&[&tbs, &algorithm(ECDSA_SHA256), &tlv(asn1::BIT_STRING, &[&[0u8][..], sig.as_bytes()].concat())]);
    Issued { key, der, name: subject }
}

/// A CA and a document signer it certified.
pub fn ca_and_signer() -> (Issued, Issued) {
    let ca = issue(&Spec::ca("Test Root CA", 1), None);
    let signer = issue(&Spec::signer("Department of Testing", "Ministry of Tests", 2), Some(&ca));
    (ca, signer)
}
