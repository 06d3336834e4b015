//! OCSP responses (RFC 6960), read as a document carries them: the basic
//! response, who signed it, when, the certificates it brings, and the status
//! of each certificate it answers for.
//!
//! `x509-ocsp` has no release for `der` 0.8 yet, so these few types are the
//! kit's own, read with [`super::asn1`] like the rest. Whether a response
//! may be believed (its responder, signature and dates) is
//! [`crate::revocation`]'s question.

use der::asn1::ObjectIdentifier as Oid;
use der::DateTime;

use super::asn1::{self, time, Malformed, Tlv};
use super::certificate::{Certificate, Signed};
use super::crl::Reason;

const BASIC_RESPONSE: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.48.1.1");
const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");

/// Who signed a response (`ResponderID`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Responder {
    /// The responder's Name, as written.
    ByName(Vec<u8>),
    /// SHA-1 of the responder's public key bits.
    ByKey(Vec<u8>),
}

impl Responder {
    pub fn is(&self, cert: &Certificate) -> bool {
        match self {
            Responder::ByName(n) => *n == cert.subject,
            Responder::ByKey(h) => cert.public_key_bits().is_some_and(|k| sha1(k) == *h),
        }
    }
}

/// A certificate's status as one `SingleResponse` gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertStatus {
    Good,
    Revoked { at: DateTime, reason: Option<Reason> },
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SingleResponse {
    hash_alg: Oid,
    issuer_name_hash: Vec<u8>,
    issuer_key_hash: Vec<u8>,
    /// The serial number's content octets.
    pub serial: Vec<u8>,
    pub status: CertStatus,
    pub this_update: DateTime,
    pub next_update: Option<DateTime>,
}

impl SingleResponse {
    /// Whether it answers for `cert`, issued by `issuer`.
    pub fn is_for(&self, cert: &Certificate, issuer: &Certificate) -> bool {
        let hash = |b: &[u8]| match self.hash_alg {
            SHA1 => Some(sha1(b)),
            SHA256 => Some(super::DigestAlg::Sha256.hash(&[b])),
            _ => None,
        };
        self.serial == cert.serial
            && cert.issuer == issuer.subject
            && hash(&issuer.subject).is_some_and(|h| h == self.issuer_name_hash)
            && issuer.public_key_bits().and_then(hash).is_some_and(|h| h == self.issuer_key_hash)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OcspResponse {
    /// The whole `OCSPResponse` as written.
    pub der: Vec<u8>,
    signed: Signed,
    pub responder: Responder,
    pub produced_at: DateTime,
    pub responses: Vec<SingleResponse>,
    /// The certificates the response carries (a delegated responder's, and
    /// sometimes its chain).
    pub certificates: Vec<Certificate>,
}

impl OcspResponse {
    /// A successful basic response; anything else (an error status, another
    /// response type) is `Malformed`, as it answers for no certificate.
    pub fn from_der(der: &[u8]) -> Result<Self, Malformed> {
        let outer = asn1::single(der)?.expect(asn1::SEQUENCE)?;
        let mut r = outer.children();
        if r.take()?.expect(0x0a)?.content != [0] {
            return Err(Malformed);
        }
        let mut bytes = r.take()?.expect(asn1::ctx(0))?.children().take()?.expect(asn1::SEQUENCE)?.children();
        if bytes.take()?.oid()? != BASIC_RESPONSE {
            return Err(Malformed);
        }
        let basic_der = bytes.take()?.expect(asn1::OCTET_STRING)?.content;
        let mut b = asn1::single(basic_der)?.expect(asn1::SEQUENCE)?.children();
        let (signed, tbs) = Signed::read(&mut b)?;
        let mut certificates = Vec::new();
        if let Some(certs) = b.optional(asn1::ctx(0))? {
            let mut c = certs.children().take()?.expect(asn1::SEQUENCE)?.children();
            while let Some(cert) = c.next()? {
                certificates.push(Certificate::from_der(cert.raw)?);
            }
        }
        let mut t = tbs.children();
        t.optional(asn1::ctx(0))?;
        let id = t.take()?;
        let responder = match id.tag {
            tag if tag == asn1::ctx(1) => Responder::ByName(id.children().take()?.expect(asn1::SEQUENCE)?.raw.to_vec()),
            tag if tag == asn1::ctx(2) => Responder::ByKey(id.children().take()?.expect(asn1::OCTET_STRING)?.content.to_vec()),
            _ => return Err(Malformed),
        };
        let produced_at = time(t.take()?.expect(asn1::GENERALIZED_TIME)?)?;
        let mut responses = Vec::new();
        let mut singles = t.take()?.expect(asn1::SEQUENCE)?.children();
        while let Some(single) = singles.next()? {
            responses.push(single_response(single)?);
        }
        Ok(OcspResponse {
            der: outer.raw.to_vec(),
            signed,
            responder,
            produced_at,
            responses,
            certificates,
        })
    }

    /// Whether `responder`'s key signed the response data.
    pub fn signed_by(&self, responder: &Certificate) -> bool {
        self.signed.by(responder) == Ok(true)
    }
}

fn single_response(single: Tlv<'_>) -> Result<SingleResponse, Malformed> {
    let mut r = single.expect(asn1::SEQUENCE)?.children();
    let mut id = r.take()?.expect(asn1::SEQUENCE)?.children();
    let hash_alg = id.take()?.expect(asn1::SEQUENCE)?.children().take()?.oid()?;
    let issuer_name_hash = id.take()?.expect(asn1::OCTET_STRING)?.content.to_vec();
    let issuer_key_hash = id.take()?.expect(asn1::OCTET_STRING)?.content.to_vec();
    let serial = id.take()?.expect(asn1::INTEGER)?.content.to_vec();
    let status = r.take()?;
    let status = match status.tag {
        t if t == asn1::ctx_prim(0) => CertStatus::Good,
        t if t == asn1::ctx(1) => {
            let mut info = status.children();
            let at = time(info.take()?)?;
            let reason = match info.optional(asn1::ctx(0))? {
                Some(wrapped) => wrapped.children().take()?.expect(0x0a)?.content.first().copied().and_then(Reason::from_code),
                None => None,
            };
            CertStatus::Revoked { at, reason }
        }
        t if t == asn1::ctx_prim(2) => CertStatus::Unknown,
        _ => return Err(Malformed),
    };
    let this_update = time(r.take()?.expect(asn1::GENERALIZED_TIME)?)?;
    let next_update = match r.optional(asn1::ctx(0))? {
        Some(n) => Some(time(n.children().take()?)?),
        None => None,
    };
    Ok(SingleResponse { hash_alg, issuer_name_hash, issuer_key_hash, serial, status, this_update, next_update })
}

/// An OCSPRequest (RFC 6960 4.1) for `cert`, issued by `issuer`: one
/// CertID by SHA-1, unsigned, with no nonce (so responders may answer from
/// a cache, as most do for CA-issued certificates).
pub fn request(cert: &Certificate, issuer: &Certificate) -> Option<Vec<u8>> {
    use super::encode::{algorithm, octets, seq, tlv};
    let cert_id = seq(&[&algorithm(SHA1), &octets(&sha1(&issuer.subject)), &octets(&sha1(issuer.public_key_bits()?)), &tlv(asn1::INTEGER, &cert.serial)]);
    Some(seq(&[&seq(&[&seq(&[&seq(&[&cert_id])])])]))
}

/// SHA-1, as OCSP identifiers use it: a name, not a signature.
fn sha1(b: &[u8]) -> Vec<u8> {
    use sha1::Digest as _;
    sha1::Sha1::digest(b).to_vec()
}
