//! CMS SignedData (RFC 5652) as PDF signatures carry it: detached over the
//! ByteRange (`adbe.pkcs7.detached`, `ETSI.CAdES.detached`), or an RFC 3161
//! time-stamp token over it (`ETSI.RFC3161`, document time-stamps).
//!
//! Checked: one signer; the signer's certificate chosen by its
//! SignerIdentifier; signed attributes hashed over their original bytes;
//! `contentType`, `messageDigest` and `signing-certificate-v2` checked; the
//! signature value checked with the certificate's key. Trust in that
//! certificate is [`crate::trust`]'s question, not this module's.

use der::asn1::ObjectIdentifier as Oid;
use der::DateTime;

use eservice_base::lang::Lang;

use super::algorithm::{AlgorithmProblem, DigestAlg, PublicKey, SignatureAlg};
use super::asn1::{self, time, Malformed, Tlv};
use super::certificate::Certificate;

pub(crate) const SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
pub const ID_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
const TST_INFO: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.1.4");
pub(crate) const CONTENT_TYPE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.3");
pub(crate) const MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
const SIGNING_TIME: Oid = Oid::new_unwrap("1.2.840.113549.1.9.5");
pub(crate) const SIGNING_CERTIFICATE_V2: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.47");
pub(crate) const TIMESTAMP_TOKEN: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.14");
/// Adobe's signed attribute carrying the CRLs and OCSP responses a signer
/// fetched when signing.
pub(crate) const REVOCATION_INFO_ARCHIVAL: Oid = Oid::new_unwrap("1.2.840.113583.1.1.8");
/// id-ri-ocsp-response (RFC 5940): an OCSP response among a SignedData's `crls`.
const RI_OCSP_RESPONSE: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.16.2");

/// What a signature container claims to sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content<'a> {
    /// A detached signature over these bytes, in order.
    Detached(&'a [&'a [u8]]),
    /// The same, with the SHA-256 of those bytes already known: a verifier
    /// that hashes the whole file anyway gets each signature's hash on the
    /// way (`verification::verify`), instead of reading the file twice.
    DetachedSha256(&'a [&'a [u8]], [u8; 32]),
    /// A time-stamp token whose message imprint must be the hash of these
    /// bytes.
    TimeStamp(&'a [&'a [u8]]),
}

/// Why a signature container does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CmsProblem {
    /// Not CMS SignedData, or broken ASN.1.
    Malformed,
    /// No signer, or more than one.
    SignerCount(usize),
    /// The signature carries content of its own instead of signing the PDF.
    NotDetached,
    /// The signer's certificate is neither in the signature nor supplied.
    SignerCertificateMissing,
    Algorithm(AlgorithmProblem),
    /// An attribute required for this kind of signature is missing or
    /// appears twice, named.
    Attribute(&'static str),
    /// `contentType` differs from the encapsulated content type.
    ContentTypeMismatch,
    /// The signed hash differs from the hash of the document's bytes: the
    /// signed bytes were changed.
    DigestMismatch,
    /// `signing-certificate-v2` names another certificate than the one used.
    SigningCertificateMismatch,
    /// The signature value does not verify with the signer's key.
    BadSignature,
}

impl CmsProblem {
    /// Why a CMS signature failed, in words (for permits, receipts and
    /// time-stamp tokens alike).
    pub fn message(&self, lang: Lang) -> String {
        let s = |th: &str, en: &str| lang.pick(th, en).to_owned();
        match self {
            CmsProblem::Malformed => s("ข้อมูลลายมือชื่อ (CMS) เสียหายหรือผิดรูปแบบ", "The signature data (CMS) is damaged or malformed"),
            CmsProblem::SignerCount(n) => match lang {
                Lang::Th => format!("ลายมือชื่อต้องมีผู้ลงนามหนึ่งราย แต่พบ {n} ราย"),
                Lang::En => format!("A signature must have one signer; this one has {n}"),
            },
            CmsProblem::NotDetached => s("ลายมือชื่อไม่ได้ลงนามเนื้อหาของเอกสารนี้", "The signature does not sign this document's content"),
            CmsProblem::SignerCertificateMissing => s("ไม่พบใบรับรองของผู้ลงนาม", "The signer's certificate is missing"),
            CmsProblem::Algorithm(a) => match (a, lang) {
                (AlgorithmProblem::WeakDigest, _) => s("ใช้อัลกอริทึม SHA-1 ซึ่งไม่ปลอดภัยแล้ว", "Uses SHA-1, which is no longer safe"),
                (AlgorithmProblem::Unsupported(o), Lang::Th) => format!("อัลกอริทึมที่ไม่รองรับ ({o})"),
                (AlgorithmProblem::Unsupported(o), Lang::En) => format!("Unsupported algorithm ({o})"),
                (AlgorithmProblem::WeakKey(k), Lang::Th) => format!("ไม่รับกุญแจของผู้ลงนามขนาดหรือชนิดนี้ ({k}); รับ RSA 2048–4096 บิต, P-256, P-384"),
                (AlgorithmProblem::WeakKey(k), Lang::En) => format!("The signer's key size or type is not accepted ({k}); accepted: RSA 2048–4096 bit, P-256, P-384"),
                (AlgorithmProblem::BadKey, _) => s("กุญแจของผู้ลงนามอ่านไม่ได้", "The signer's key cannot be read"),
            },
            CmsProblem::Attribute(a) => match lang {
                Lang::Th => format!("ข้อมูลประกอบลายมือชื่อ {a} ขาดหายหรือซ้ำ"),
                Lang::En => format!("The signed attribute {a} is missing or repeated"),
            },
            CmsProblem::ContentTypeMismatch => s("ชนิดเนื้อหาที่ลงนามไม่ตรงกัน", "The signed content type does not match"),
            CmsProblem::DigestMismatch => s("เนื้อหาที่ลงนามถูกเปลี่ยน: ค่าแฮชไม่ตรงกับที่ลงนามไว้", "The signed content was changed: its hash differs from the one signed"),
            CmsProblem::SigningCertificateMismatch => s("ใบรับรองที่ใช้ไม่ใช่ใบที่ผู้ลงนามระบุไว้", "The certificate used is not the one the signer named"),
            CmsProblem::BadSignature => s("ค่าลายมือชื่อไม่ถูกต้องสำหรับกุญแจของผู้ลงนาม", "The signature value does not match the signer's key"),
        }
    }
}

impl From<Malformed> for CmsProblem {
    fn from(_: Malformed) -> Self {
        CmsProblem::Malformed
    }
}

impl From<AlgorithmProblem> for CmsProblem {
    fn from(p: AlgorithmProblem) -> Self {
        CmsProblem::Algorithm(p)
    }
}

/// A signature container that verifies.
#[derive(Clone, Debug)]
pub struct Verified {
    pub signer: Certificate,
    /// Every certificate the container carries, for building the chain.
    pub certificates: Vec<Certificate>,
    pub digest: DigestAlg,
    pub algorithm: SignatureAlg,
    /// e.g. "RSA 2048".
    pub key: String,
    /// The `signingTime` attribute: what the signer's computer claimed.
    pub claimed_time: Option<DateTime>,
    /// A time-stamp token's own time (for `Content::TimeStamp`).
    pub timestamp: Option<DateTime>,
    /// For a signature, a sound time-stamp token over its value, if any:
    /// its `timestamp` is the time, its `signer` the authority, whose trust
    /// the caller checks.
    pub stamp: Option<Box<Verified>>,
    /// Revocation data the container carries, as DER: from the signed
    /// `adbe-revocationInfoArchival` attribute and the SignedData `crls`.
    pub revocation: Revocation,
}

/// CRLs and OCSP responses, as DER.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revocation {
    pub crls: Vec<Vec<u8>>,
    pub ocsps: Vec<Vec<u8>>,
}

/// Checks a CMS SignedData over `content`; `extra` are certificates from
/// elsewhere (the trust list) that may hold the signer's.
/// `parts` hashed with `alg`, or the SHA-256 already known of them.
fn content_hash(alg: DigestAlg, parts: &[&[u8]], known_sha256: Option<[u8; 32]>) -> Vec<u8> {
    match (alg, known_sha256) {
        (DigestAlg::Sha256, Some(h)) => h.to_vec(),
        _ => alg.hash(parts),
    }
}

pub fn verify(cms: &[u8], content: Content<'_>, extra: &[Certificate]) -> Result<Verified, CmsProblem> {
    let info = asn1::single(cms)?.expect(asn1::SEQUENCE)?;
    let mut r = info.children();
    if r.take()?.oid()? != SIGNED_DATA {
        return Err(CmsProblem::Malformed);
    }
    let signed_data = r.take()?.expect(asn1::ctx(0))?.children().take()?.expect(asn1::SEQUENCE)?;
    let mut r = signed_data.children();
    r.take()?.expect(asn1::INTEGER)?;
    r.take()?.expect(asn1::SET)?;
    let encap = r.take()?.expect(asn1::SEQUENCE)?;
    let mut e = encap.children();
    let content_type = e.take()?.oid()?;
    let econtent = match e.optional(asn1::ctx(0))? {
        Some(wrapper) => Some(wrapper.children().take()?.octets()?),
        None => None,
    };
    let mut certificates = Vec::new();
    if let Some(set) = r.optional(asn1::ctx(0))? {
        let mut c = set.children();
        while let Some(cert) = c.next()? {
            // Other certificate choices (attribute certificates) are skipped.
            if cert.tag == asn1::SEQUENCE {
                if let Ok(cert) = Certificate::from_der(cert.raw) {
                    certificates.push(cert);
                }
            }
        }
    }
    let mut revocation = Revocation::default();
    if let Some(choices) = r.optional(asn1::ctx(1))? {
        revocation_choices(choices, &mut revocation);
    }
    let signer_infos = r.take()?.expect(asn1::SET)?;
    let mut signers = Vec::new();
    let mut s = signer_infos.children();
    while let Some(si) = s.next()? {
        signers.push(si);
    }
    if signers.len() != 1 {
        return Err(CmsProblem::SignerCount(signers.len()));
    }

    // What the signer's messageDigest is over (the ByteRange parts, hashed
    // in place, or the token's TSTInfo), and the time-stamp's time.
    let tst: Vec<u8>;
    let tst_parts: [&[u8]; 1];
    let known_sha256 = match content {
        Content::DetachedSha256(_, h) => Some(h),
        _ => None,
    };
    let (signed_content, timestamp): (&[&[u8]], Option<DateTime>) = match content {
        Content::Detached(parts) | Content::DetachedSha256(parts, _) => {
            if econtent.is_some() || content_type != ID_DATA {
                return Err(CmsProblem::NotDetached);
            }
            (parts, None)
        }
        Content::TimeStamp(parts) => {
            let info = econtent.filter(|_| content_type == TST_INFO).ok_or(CmsProblem::Malformed)?;
            let (alg, imprint, time) = tst_info(&info)?;
            if alg.hash(parts) != imprint {
                return Err(CmsProblem::DigestMismatch);
            }
            tst = info;
            tst_parts = [&tst];
            (&tst_parts[..], Some(time))
        }
    };
    let signer = signer_info(signers[0], &certificates, extra)?;
    let digest = DigestAlg::from_identifier(signer.digest_alg)?;
    let algorithm = SignatureAlg::from_identifier(signer.signature_alg)?;
    let key = PublicKey::from_spki(&signer.cert.spki)?;
    let hash_alg = algorithm.hash(digest);

    let mut claimed_time = None;
    let signed_hash = match signer.signed_attrs {
        Some(attrs) => {
            let a = Attributes::read(attrs)?;
            let ct = a.one(CONTENT_TYPE, "contentType")?.ok_or(CmsProblem::Attribute("contentType"))?;
            if ct.oid()? != content_type {
                return Err(CmsProblem::ContentTypeMismatch);
            }
            let md = a.one(MESSAGE_DIGEST, "messageDigest")?.ok_or(CmsProblem::Attribute("messageDigest"))?;
            if md.expect(asn1::OCTET_STRING)?.content != content_hash(digest, signed_content, known_sha256).as_slice() {
                return Err(CmsProblem::DigestMismatch);
            }
            if let Some(t) = a.one(SIGNING_TIME, "signingTime")? {
                claimed_time = Some(time(t)?);
            }
            if let Some(sc) = a.one(SIGNING_CERTIFICATE_V2, "signing-certificate-v2")? {
                check_signing_certificate(sc, &signer.cert)?;
            }
            if let Some(archival) = a.one(REVOCATION_INFO_ARCHIVAL, "adbe-revocationInfoArchival")? {
                revocation_archival(archival, &mut revocation);
            }
            // The SET OF tag replaces [0] IMPLICIT; the rest as written.
            let mut bytes = attrs.raw.to_vec();
            bytes[0] = asn1::SET;
            hash_alg.hash(&[&bytes])
        }
        None => content_hash(hash_alg, signed_content, known_sha256),
    };
    if !key.verify(&algorithm, hash_alg, &signed_hash, &signer.signature)? {
        return Err(CmsProblem::BadSignature);
    }
    let stamp = match content {
        Content::TimeStamp(_) => None,
        _ => signature_timestamp(signer.unsigned_attrs, &signer.signature, extra).map(Box::new),
    };
    Ok(Verified {
        signer: signer.cert,
        certificates,
        digest,
        algorithm,
        key: key.describe(),
        claimed_time,
        timestamp,
        stamp,
        revocation,
    })
}

/// `RevocationInfoChoices` (RFC 5652 10.2.1): CRLs, and OCSP responses as
/// `[1] OtherRevocationInfoFormat`. What cannot be read is left out; the
/// revocation check then finds no answer, never a wrong one.
fn revocation_choices(choices: Tlv<'_>, out: &mut Revocation) {
    let mut r = choices.children();
    while let Ok(Some(choice)) = r.next() {
        if choice.tag == asn1::SEQUENCE {
            out.crls.push(choice.raw.to_vec());
        } else if choice.tag == asn1::ctx(1) {
            let mut other = choice.children();
            if other.take().and_then(|o| o.oid()).ok() == Some(RI_OCSP_RESPONSE) {
                if let Ok(resp) = other.take() {
                    out.ocsps.push(resp.raw.to_vec());
                }
            }
        }
    }
}

/// `RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF
/// CertificateList OPTIONAL, ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse
/// OPTIONAL, otherRevInfo [2] … }`.
fn revocation_archival(archival: Tlv<'_>, out: &mut Revocation) {
    let mut r = archival.children();
    while let Ok(Some(field)) = r.next() {
        let into = match field.tag {
            t if t == asn1::ctx(0) => &mut out.crls,
            t if t == asn1::ctx(1) => &mut out.ocsps,
            _ => continue,
        };
        let Ok(list) = field.children().take() else { continue };
        let mut items = list.children();
        while let Ok(Some(item)) = items.next() {
            into.push(item.raw.to_vec());
        }
    }
}

struct Signer<'a> {
    cert: Certificate,
    digest_alg: Tlv<'a>,
    signed_attrs: Option<Tlv<'a>>,
    signature_alg: Tlv<'a>,
    signature: Vec<u8>,
    unsigned_attrs: Option<Tlv<'a>>,
}

fn signer_info<'a>(si: Tlv<'a>, certs: &[Certificate], extra: &[Certificate]) -> Result<Signer<'a>, CmsProblem> {
    let mut r = si.expect(asn1::SEQUENCE)?.children();
    r.take()?.expect(asn1::INTEGER)?;
    let sid = r.take()?;
    let matches = |c: &&Certificate| match sid.tag {
        asn1::SEQUENCE => {
            let mut i = sid.children();
            match (i.take(), i.take()) {
                (Ok(issuer), Ok(serial)) => c.issuer == issuer.raw && c.serial == serial.content,
                _ => false,
            }
        }
        t if t == asn1::ctx_prim(0) => c.key_id.as_deref() == Some(sid.content),
        _ => false,
    };
    let cert = certs.iter().chain(extra).find(matches).cloned().ok_or(CmsProblem::SignerCertificateMissing)?;
    let digest_alg = r.take()?;
    let signed_attrs = r.optional(asn1::ctx(0))?;
    let signature_alg = r.take()?;
    let signature = r.take()?.expect(asn1::OCTET_STRING).map_err(|_| Malformed)?.octets()?;
    let unsigned_attrs = r.optional(asn1::ctx(1))?;
    Ok(Signer { cert, digest_alg, signed_attrs, signature_alg, signature, unsigned_attrs })
}

/// A SET OF Attribute, each `SEQUENCE { type, SET OF value }`.
struct Attributes<'a>(Vec<(Oid, Tlv<'a>)>);

impl<'a> Attributes<'a> {
    fn read(set: Tlv<'a>) -> Result<Self, Malformed> {
        let mut out = Vec::new();
        let mut r = set.children();
        while let Some(attr) = r.next()? {
            let mut a = attr.expect(asn1::SEQUENCE)?.children();
            let oid = a.take()?.oid()?;
            out.push((oid, a.take()?.expect(asn1::SET)?));
        }
        Ok(Attributes(out))
    }

    /// The single value of an attribute that may appear at most once.
    fn one(&self, oid: Oid, name: &'static str) -> Result<Option<Tlv<'a>>, CmsProblem> {
        let mut found = self.0.iter().filter(|(o, _)| *o == oid);
        let Some((_, values)) = found.next() else { return Ok(None) };
        let mut v = values.children();
        let value = v.take()?;
        if found.next().is_some() || v.next()?.is_some() {
            return Err(CmsProblem::Attribute(name));
        }
        Ok(Some(value))
    }
}

/// SigningCertificateV2: the first ESSCertIDv2 hashes the signer's certificate.
fn check_signing_certificate(sc: Tlv<'_>, cert: &Certificate) -> Result<(), CmsProblem> {
    let mut ids = sc.expect(asn1::SEQUENCE)?.children().take()?.expect(asn1::SEQUENCE)?.children();
    let first = ids.take()?.expect(asn1::SEQUENCE)?;
    let mut f = first.children();
    let mut item = f.take()?;
    let alg = if item.tag == asn1::SEQUENCE {
        let alg = DigestAlg::from_identifier(item)?;
        item = f.take()?;
        alg
    } else {
        DigestAlg::Sha256
    };
    if item.expect(asn1::OCTET_STRING)?.content != alg.hash(&[&cert.der]).as_slice() {
        return Err(CmsProblem::SigningCertificateMismatch);
    }
    Ok(())
}

/// TSTInfo: the message imprint's algorithm and hash, and the time.
fn tst_info(der: &[u8]) -> Result<(DigestAlg, Vec<u8>, DateTime), CmsProblem> {
    let mut r = asn1::single(der)?.expect(asn1::SEQUENCE)?.children();
    r.take()?.expect(asn1::INTEGER)?;
    r.take()?.oid()?;
    let mut imprint = r.take()?.expect(asn1::SEQUENCE)?.children();
    let alg = DigestAlg::from_identifier(imprint.take()?)?;
    let hash = imprint.take()?.expect(asn1::OCTET_STRING)?.content.to_vec();
    r.take()?.expect(asn1::INTEGER)?;
    Ok((alg, hash, time(r.take()?)?))
}

/// The token in the signer's unsigned attributes, when it is sound and
/// stamps this very signature value. Its authority's trust is the
/// caller's question: until then it proves nothing about "when".
fn signature_timestamp(unsigned: Option<Tlv<'_>>, signature: &[u8], extra: &[Certificate]) -> Option<Verified> {
    let attrs = Attributes::read(unsigned?).ok()?;
    let token = attrs.one(TIMESTAMP_TOKEN, "timeStampToken").ok()??;
    verify(token.raw, Content::TimeStamp(&[signature]), extra).ok().filter(|v| v.timestamp.is_some())
}
