//! Test certificates and keys, made on the spot so the tests need no files:
//! a CA and the certificates it issues, all P-256, with deterministic keys.

use super::certificate::{DIGITAL_SIGNATURE, KEY_CERT_SIGN, NON_REPUDIATION};
use super::issue::{certificate, name, CertificateSpec};
use super::keys::PrivateKey;

pub struct Issued {
    pub key: PrivateKey,
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
        Spec { cn, org: "Test CA", seed, ca: true, key_usage: KEY_CERT_SIGN, not_before: "200101000000Z", not_after: "491231000000Z", odd_critical: false }
    }

    pub fn signer(cn: &'a str, org: &'a str, seed: u8) -> Self {
        Spec { cn, org, seed, ca: false, key_usage: DIGITAL_SIGNATURE | NON_REPUDIATION, ..Spec::ca(cn, seed) }
    }
}

/// A certificate for `spec`, signed by `issuer` (or by itself).
pub fn issue(spec: &Spec<'_>, issuer: Option<&Issued>) -> Issued {
    let key = PrivateKey::p256_from_seed(&[spec.seed; 32]).unwrap();
    let subject = name(spec.cn, spec.org);
    let c = CertificateSpec {
        subject: &subject,
        serial: &[spec.seed, 0x42],
        ca: spec.ca,
        key_usage: spec.key_usage,
        not_before: spec.not_before,
        not_after: spec.not_after,
        odd_critical: spec.odd_critical,
    };
    let der = certificate(&c, &key, issuer.map(|i| (i.name.as_slice(), &i.key))).unwrap();
    Issued { key, der, name: subject }
}

/// A CA and a document signer it certified.
pub fn ca_and_signer() -> (Issued, Issued) {
    let ca = issue(&Spec::ca("Test Root CA", 1), None);
    let signer = issue(&Spec::signer("Department of Testing", "Ministry of Tests", 2), Some(&ca));
    (ca, signer)
}
