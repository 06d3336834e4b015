//! Test certificates and keys, made on the spot so the tests need no files:
//! a CA and the certificates it issues, all P-256, with deterministic keys;
//! and the CRLs and OCSP responses such a CA or its responder would sign.

use der::asn1::ObjectIdentifier as Oid;
use der::DateTime;

use super::asn1;
use super::certificate::{Certificate, CRL_SIGN, DIGITAL_SIGNATURE, KEY_CERT_SIGN, KP_OCSP_SIGNING, NON_REPUDIATION};
use super::encode::{algorithm, octets, oid, seq, tlv, uint};
use super::issue::{certificate, extension, name, signed, CertificateSpec};
use super::keys::PrivateKey;
use super::writer::algorithm_for;

pub struct Issued {
    pub key: PrivateKey,
    pub der: Vec<u8>,
    name: Vec<u8>,
}

impl Issued {
    /// A key and a certificate made elsewhere (the name is the subject's).
    pub fn from_parts(key: PrivateKey, der: Vec<u8>) -> Issued {
        let name = Certificate::from_der(&der).unwrap().subject;
        Issued { key, der, name }
    }

    pub fn cert(&self) -> Certificate {
        Certificate::from_der(&self.der).unwrap()
    }
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
    /// extKeyUsage purposes, when given.
    pub purposes: &'a [Oid],
    /// id-pkix-ocsp-nocheck.
    pub nocheck: bool,
}

impl<'a> Spec<'a> {
    pub fn ca(cn: &'a str, seed: u8) -> Self {
        Spec { cn, org: "Test CA", seed, ca: true, key_usage: KEY_CERT_SIGN | CRL_SIGN, not_before: "200101000000Z", not_after: "491231000000Z", odd_critical: false, purposes: &[], nocheck: false }
    }

    pub fn signer(cn: &'a str, org: &'a str, seed: u8) -> Self {
        Spec { cn, org, seed, ca: false, key_usage: DIGITAL_SIGNATURE | NON_REPUDIATION, ..Spec::ca(cn, seed) }
    }

    /// A delegated OCSP responder: `id-kp-OCSPSigning`, and `ocsp-nocheck`.
    pub fn responder(cn: &'a str, seed: u8) -> Self {
        Spec { purposes: &[KP_OCSP_SIGNING], nocheck: true, ..Spec::signer(cn, "Test CA", seed) }
    }
}

/// A certificate for `spec`, signed by `issuer` (or by itself).
pub fn issue(spec: &Spec<'_>, issuer: Option<&Issued>) -> Issued {
    let key = PrivateKey::p256_from_seed(&[spec.seed; 32]).unwrap();
    let subject = name(spec.cn, spec.org);
    let mut extra = Vec::new();
    if spec.odd_critical {
        extra.push(extension(Oid::new_unwrap("1.2.3.4.5"), true, &tlv(asn1::NULL, &[])));
    }
    if !spec.purposes.is_empty() {
        let ids: Vec<Vec<u8>> = spec.purposes.iter().map(|p| oid(*p)).collect();
        extra.push(extension(Oid::new_unwrap("2.5.29.37"), false, &seq(&ids.iter().map(Vec::as_slice).collect::<Vec<_>>())));
    }
    if spec.nocheck {
        extra.push(extension(Oid::new_unwrap("1.3.6.1.5.5.7.48.1.5"), false, &tlv(asn1::NULL, &[])));
    }
    let c = CertificateSpec {
        subject: &subject,
        serial: &[spec.seed, 0x42],
        ca: spec.ca,
        key_usage: spec.key_usage,
        not_before: spec.not_before,
        not_after: spec.not_after,
        extra: &extra,
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

pub fn generalized(t: DateTime) -> Vec<u8> {
    let s = format!("{:04}{:02}{:02}{:02}{:02}{:02}Z", t.year(), t.month(), t.day(), t.hour(), t.minutes(), t.seconds());
    tlv(asn1::GENERALIZED_TIME, s.as_bytes())
}

/// One revoked serial: when, and the CRLReason code.
pub struct Revocation<'a> {
    pub serial: &'a [u8],
    pub at: DateTime,
    pub reason: Option<u8>,
}

/// A v2 CRL from `issuer`, signed by `signer` (the issuer's key, unless a
/// test wants another); `extensions` are more CRL extensions, DER.
pub fn crl(issuer: &Issued, signer: &PrivateKey, this_update: DateTime, next_update: Option<DateTime>, revoked: &[Revocation<'_>], extensions: &[Vec<u8>]) -> Vec<u8> {
    let entries: Vec<Vec<u8>> = revoked
        .iter()
        .map(|r| {
            let reason = r.reason.map(|c| seq(&[&extension(Oid::new_unwrap("2.5.29.21"), false, &tlv(0x0a, &[c]))]));
            seq(&[&tlv(asn1::INTEGER, r.serial), &generalized(r.at), reason.as_deref().unwrap_or_default()])
        })
        .collect();
    let list = if entries.is_empty() { Vec::new() } else { seq(&entries.iter().map(Vec::as_slice).collect::<Vec<_>>()) };
    let exts = if extensions.is_empty() { Vec::new() } else { tlv(asn1::ctx(0), &seq(&extensions.iter().map(Vec::as_slice).collect::<Vec<_>>())) };
    let tbs = seq(&[&uint(&[1]), &algorithm_for(signer), &issuer.name, &generalized(this_update), &next_update.map(generalized).unwrap_or_default(), &list, &exts]);
    signed(&tbs, signer).unwrap()
}

/// An OCSP answer's status.
pub enum Answer {
    Good,
    Revoked(DateTime, Option<u8>),
    Unknown,
}

/// A successful OCSP response about `cert` (issued by `issuer`), signed by
/// `responder`, carrying `carried` certificates; the responder is named by
/// its key hash.
pub fn ocsp(cert: &Issued, issuer: &Issued, responder: &Issued, carried: &[&[u8]], answer: Answer, this_update: DateTime, next_update: Option<DateTime>, produced_at: DateTime) -> Vec<u8> {
    use sha1::Digest as _;
    let sha1 = |b: &[u8]| sha1::Sha1::digest(b).to_vec();
    let issuer_cert = issuer.cert();
    let cert_id = seq(&[
        &algorithm(Oid::new_unwrap("1.3.14.3.2.26")),
        &octets(&sha1(&issuer_cert.subject)),
        &octets(&sha1(issuer_cert.public_key_bits().unwrap())),
        &tlv(asn1::INTEGER, &cert.cert().serial),
    ]);
    let status = match answer {
        Answer::Good => tlv(asn1::ctx_prim(0), &[]),
        Answer::Revoked(at, reason) => {
            let reason = reason.map(|c| tlv(asn1::ctx(0), &tlv(0x0a, &[c])));
            tlv(asn1::ctx(1), &[generalized(at), reason.unwrap_or_default()].concat())
        }
        Answer::Unknown => tlv(asn1::ctx_prim(2), &[]),
    };
    let next = next_update.map(|n| tlv(asn1::ctx(0), &generalized(n)));
    let single = seq(&[&cert_id, &status, &generalized(this_update), next.as_deref().unwrap_or_default()]);
    let by_key = tlv(asn1::ctx(2), &octets(&sha1(responder.cert().public_key_bits().unwrap())));
    let data = seq(&[&by_key, &generalized(produced_at), &seq(&[&single])]);
    let certs = if carried.is_empty() { Vec::new() } else { tlv(asn1::ctx(0), &seq(carried)) };
    let basic = [signed(&data, &responder.key).unwrap(), certs].concat();
    // `signed` wrote SEQUENCE { data, alg, sig }; the certificates go inside.
    let basic = reseq(&basic);
    let bytes = seq(&[&oid(Oid::new_unwrap("1.3.6.1.5.5.7.48.1.1")), &octets(&basic)]);
    seq(&[&tlv(0x0a, &[0]), &tlv(asn1::ctx(0), &bytes)])
}

/// `SEQUENCE {…}` followed by more elements, as one SEQUENCE holding both.
fn reseq(b: &[u8]) -> Vec<u8> {
    let first = asn1::Reader::new(b).take().unwrap();
    let rest = &b[first.raw.len()..];
    tlv(asn1::SEQUENCE, &[first.content, rest].concat())
}

/// A time-stamp authority's certificate: `id-kp-timeStamping`.
pub fn tsa(cn: &str, seed: u8, issuer: &Issued) -> Issued {
    issue(&Spec { purposes: &[super::certificate::KP_TIME_STAMPING], ..Spec::signer(cn, "Test TSA", seed) }, Some(issuer))
}

/// What a time-stamp authority answers `request` (a TimeStampReq) at
/// `at`: a granted token from `tsa` with the request's imprint and nonce,
/// its certificate riding along.
pub fn tsa_answer(tsa: &Issued, request: &[u8], at: DateTime) -> Vec<u8> {
    use super::algorithm::{DigestAlg, SHA256};
    use super::cms::{CONTENT_TYPE, MESSAGE_DIGEST, SIGNED_DATA};
    use super::encode::set_of;
    let mut req = asn1::single(request).unwrap().children();
    req.take().unwrap();
    let imprint = req.take().unwrap().raw.to_vec();
    let nonce = req.take().unwrap().raw.to_vec();
    let tst_info_oid = Oid::new_unwrap("1.2.840.113549.1.9.16.1.4");
    let info = seq(&[&uint(&[1]), &oid(Oid::new_unwrap("1.2.3.4.1")), &imprint, &uint(&[0x2a]), &generalized(at), &nonce]);
    let attr = |t: Oid, value: &[u8]| seq(&[&oid(t), &set_of(&[value])]);
    let attrs = set_of(&[&attr(CONTENT_TYPE, &oid(tst_info_oid)), &attr(MESSAGE_DIGEST, &octets(&DigestAlg::Sha256.hash(&[&info])))]);
    let sig = tsa.key.sign_sha256(&DigestAlg::Sha256.hash(&[&attrs])).unwrap();
    let mut implicit = attrs.clone();
    implicit[0] = asn1::ctx(0);
    let c = tsa.cert();
    let sid = seq(&[&c.issuer, &tlv(asn1::INTEGER, &c.serial)]);
    let signer_info = seq(&[&uint(&[1]), &sid, &algorithm(SHA256), &implicit, &algorithm_for(&tsa.key), &octets(&sig)]);
    let encap = seq(&[&oid(tst_info_oid), &tlv(asn1::ctx(0), &octets(&info))]);
    let signed = seq(&[&uint(&[3]), &set_of(&[&algorithm(SHA256)]), &encap, &tlv(asn1::ctx(0), &tsa.der), &set_of(&[&signer_info])]);
    let token = seq(&[&oid(SIGNED_DATA), &tlv(asn1::ctx(0), &signed)]);
    seq(&[&seq(&[&uint(&[0])]), &token])
}
