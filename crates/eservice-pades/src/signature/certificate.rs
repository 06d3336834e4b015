//! X.509 certificates (RFC 5280), read for what verifying a permit needs:
//! names, serial, key, validity, and the extensions that decide whether a
//! certificate may sign documents or other certificates.

use der::asn1::ObjectIdentifier as Oid;
use der::DateTime;

use super::algorithm::{AlgorithmProblem, DigestAlg, PublicKey, SignatureAlg};
use super::asn1::{self, time, Malformed, Tlv};

pub(crate) const CN: Oid = Oid::new_unwrap("2.5.4.3");
pub(crate) const O: Oid = Oid::new_unwrap("2.5.4.10");
const OU: Oid = Oid::new_unwrap("2.5.4.11");
/// organizationIdentifier (X.520): e.g. a Thai juristic person's number,
/// as CAs under the national root write it.
pub(crate) const ORG_ID: Oid = Oid::new_unwrap("2.5.4.97");
pub(crate) const SUBJECT_KEY_ID: Oid = Oid::new_unwrap("2.5.29.14");
pub(crate) const KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");
pub(crate) const BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
pub(crate) const AUTHORITY_KEY_ID: Oid = Oid::new_unwrap("2.5.29.35");
const EXT_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37");
const CRL_DISTRIBUTION_POINTS: Oid = Oid::new_unwrap("2.5.29.31");
/// authorityInfoAccess (RFC 5280 4.2.2.1), and its OCSP access method.
const AUTHORITY_INFO_ACCESS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.1");
const AD_OCSP: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.48.1");
/// id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1): a delegated OCSP responder
/// whose own status is not to be asked.
const OCSP_NOCHECK: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.48.1.5");
/// extKeyUsage purposes a verifier acts on.
pub const KP_OCSP_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.9");
pub const KP_TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");
/// Critical extensions a verifier may meet and safely not act on further.
const UNDERSTOOD: &[Oid] = &[
    SUBJECT_KEY_ID,
    KEY_USAGE,
    BASIC_CONSTRAINTS,
    AUTHORITY_KEY_ID,
    Oid::new_unwrap("2.5.29.17"), // subjectAltName
    Oid::new_unwrap("2.5.29.32"), // certificatePolicies
    EXT_KEY_USAGE,
    OCSP_NOCHECK,
    CRL_DISTRIBUTION_POINTS,
    Oid::new_unwrap("1.3.6.1.5.5.7.1.3"), // qcStatements
];

/// keyUsage bits (RFC 5280 4.2.1.3), counted from the left.
pub const DIGITAL_SIGNATURE: u16 = 1 << 15;
pub const NON_REPUDIATION: u16 = 1 << 14;
pub const KEY_CERT_SIGN: u16 = 1 << 10;
pub const CRL_SIGN: u16 = 1 << 9;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    /// The whole certificate as written.
    pub der: Vec<u8>,
    signed: Signed,
    /// The issuer and subject Names as written, for exact comparison.
    pub issuer: Vec<u8>,
    pub subject: Vec<u8>,
    /// The serial number's content octets.
    pub serial: Vec<u8>,
    /// SubjectPublicKeyInfo as written.
    pub spki: Vec<u8>,
    pub not_before: DateTime,
    pub not_after: DateTime,
    pub key_id: Option<Vec<u8>>,
    pub authority_key_id: Option<Vec<u8>>,
    /// basicConstraints: `Some(path length limit)` for a CA.
    pub ca: Option<Option<u32>>,
    /// keyUsage bits, when the extension is present.
    pub key_usage: Option<u16>,
    /// extKeyUsage purposes, when the extension is present.
    pub ext_key_usage: Option<Vec<Oid>>,
    /// Whether it carries id-pkix-ocsp-nocheck.
    pub ocsp_nocheck: bool,
    /// Where its status is published: OCSP responders (authorityInfoAccess)
    /// and CRLs (cRLDistributionPoints), as URIs.
    pub ocsp_urls: Vec<String>,
    pub crl_urls: Vec<String>,
    /// A critical extension this kit does not know, by OID.
    pub unknown_critical: Option<String>,
    pub common_name: Option<String>,
    pub organization: Option<String>,
    pub organizational_unit: Option<String>,
    pub organization_identifier: Option<String>,
}

impl Certificate {
    pub fn from_der(der: &[u8]) -> Result<Self, Malformed> {
        let cert = asn1::single(der)?.expect(asn1::SEQUENCE)?;
        let (signed, tbs) = Signed::read(&mut cert.children())?;
        let mut t = tbs.children();
        t.optional(asn1::ctx(0))?;
        let serial = t.take()?.expect(asn1::INTEGER)?.content.to_vec();
        t.take()?.expect(asn1::SEQUENCE)?;
        let issuer = t.take()?.expect(asn1::SEQUENCE)?;
        let mut validity = t.take()?.expect(asn1::SEQUENCE)?.children();
        let not_before = time(validity.take()?)?;
        let not_after = time(validity.take()?)?;
        let subject = t.take()?.expect(asn1::SEQUENCE)?;
        let spki = t.take()?.expect(asn1::SEQUENCE)?;
        t.optional(asn1::ctx_prim(1))?;
        t.optional(asn1::ctx_prim(2))?;
        let mut c = Certificate {
            der: cert.raw.to_vec(),
            signed,
            issuer: issuer.raw.to_vec(),
            subject: subject.raw.to_vec(),
            serial,
            spki: spki.raw.to_vec(),
            not_before,
            not_after,
            key_id: None,
            authority_key_id: None,
            ca: None,
            key_usage: None,
            ext_key_usage: None,
            ocsp_nocheck: false,
            ocsp_urls: Vec::new(),
            crl_urls: Vec::new(),
            unknown_critical: None,
            common_name: name_attr(subject, CN),
            organization: name_attr(subject, O),
            organizational_unit: name_attr(subject, OU),
            organization_identifier: name_attr(subject, ORG_ID),
        };
        if let Some(exts) = t.optional(asn1::ctx(3))? {
            let mut e = exts.children().take()?.expect(asn1::SEQUENCE)?.children();
            while let Some(ext) = e.next()? {
                c.extension(ext)?;
            }
        }
        Ok(c)
    }

    fn extension(&mut self, ext: Tlv<'_>) -> Result<(), Malformed> {
        let mut r = ext.expect(asn1::SEQUENCE)?.children();
        let oid = r.take()?.oid()?;
        let critical = r.optional(0x01)?.is_some_and(|b| b.content != [0]);
        let value = asn1::single(r.take()?.expect(asn1::OCTET_STRING)?.content)?;
        match oid {
            SUBJECT_KEY_ID => self.key_id = Some(value.expect(asn1::OCTET_STRING)?.content.to_vec()),
            AUTHORITY_KEY_ID => {
                let mut a = value.expect(asn1::SEQUENCE)?.children();
                self.authority_key_id = a.optional(asn1::ctx_prim(0))?.map(|k| k.content.to_vec());
            }
            BASIC_CONSTRAINTS => {
                let mut b = value.expect(asn1::SEQUENCE)?.children();
                let is_ca = b.optional(0x01)?.is_some_and(|v| v.content != [0]);
                let path_len = b.optional(asn1::INTEGER)?.map(|n| n.content.iter().fold(0u32, |a, x| a.saturating_mul(256).saturating_add(*x as u32)));
                self.ca = is_ca.then_some(path_len);
            }
            KEY_USAGE => {
                let bits = value.expect(asn1::BIT_STRING)?.content;
                let first = *bits.get(1).unwrap_or(&0) as u16;
                let second = *bits.get(2).unwrap_or(&0) as u16;
                self.key_usage = Some(first << 8 | second);
            }
            EXT_KEY_USAGE => {
                let mut purposes = Vec::new();
                let mut p = value.expect(asn1::SEQUENCE)?.children();
                while let Some(oid) = p.next()? {
                    purposes.push(oid.oid()?);
                }
                self.ext_key_usage = Some(purposes);
            }
            OCSP_NOCHECK => self.ocsp_nocheck = true,
            AUTHORITY_INFO_ACCESS => {
                let mut ads = value.expect(asn1::SEQUENCE)?.children();
                while let Some(ad) = ads.next()? {
                    let mut a = ad.expect(asn1::SEQUENCE)?.children();
                    let (method, location) = (a.take()?.oid()?, a.take()?);
                    if method == AD_OCSP {
                        self.ocsp_urls.extend(uri(location));
                    }
                }
            }
            CRL_DISTRIBUTION_POINTS => {
                // DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames } }
                let mut dps = value.expect(asn1::SEQUENCE)?.children();
                while let Some(dp) = dps.next()? {
                    let Some(name) = dp.expect(asn1::SEQUENCE)?.children().optional(asn1::ctx(0))? else { continue };
                    let Some(full) = name.children().optional(asn1::ctx(0))? else { continue };
                    let mut names = full.children();
                    while let Some(n) = names.next()? {
                        self.crl_urls.extend(uri(n));
                    }
                }
            }
            other if critical && !UNDERSTOOD.contains(&other) => self.unknown_critical = Some(other.to_string()),
            _ => {}
        }
        Ok(())
    }

    /// Whether `issuer`'s key signed this certificate.
    pub fn signed_by(&self, issuer: &Certificate) -> Result<bool, AlgorithmProblem> {
        self.signed.by(issuer)
    }

    /// Whether the certificate names `purpose` in extKeyUsage.
    pub fn has_purpose(&self, purpose: Oid) -> bool {
        self.ext_key_usage.as_ref().is_some_and(|p| p.contains(&purpose))
    }

    /// The subjectPublicKey bits (without the unused-bits octet): what an
    /// OCSP CertID and a ResponderID byKey hash.
    pub fn public_key_bits(&self) -> Option<&[u8]> {
        let mut r = asn1::single(&self.spki).ok()?.children();
        r.take().ok()?;
        r.take().ok()?.expect(asn1::BIT_STRING).ok()?.content.get(1..)
    }

    pub fn is_self_issued(&self) -> bool {
        self.issuer == self.subject
    }

    /// Whether `at` falls within the validity period.
    pub fn valid_at(&self, at: DateTime) -> bool {
        self.not_before <= at && at <= self.not_after
    }

    /// The name to show: common name, else organization.
    pub fn display_name(&self) -> String {
        self.common_name.clone().or_else(|| self.organization.clone()).unwrap_or_else(|| "?".into())
    }

    /// SHA-256 of the certificate, hex: how the trust list may name it.
    pub fn fingerprint(&self) -> String {
        eservice_base::hash::Sha256Stream::digest(&self.der).hex()
    }
}

/// `SEQUENCE { tbs, AlgorithmIdentifier, BIT STRING signature }`, the shape
/// certificates, CRLs and OCSP responses share, kept as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    tbs: Vec<u8>,
    sig_alg: Vec<u8>,
    signature: Vec<u8>,
}

impl Signed {
    /// Reads the three elements from `r`; the `tbs` element is also
    /// returned, for its reader to go on with.
    pub(crate) fn read<'a>(r: &mut asn1::Reader<'a>) -> Result<(Signed, Tlv<'a>), Malformed> {
        let tbs = r.take()?.expect(asn1::SEQUENCE)?;
        let sig_alg = r.take()?.expect(asn1::SEQUENCE)?;
        let bits = r.take()?.expect(asn1::BIT_STRING)?;
        let signature = bits.content.split_first().filter(|(u, _)| **u == 0).ok_or(Malformed)?.1.to_vec();
        Ok((Signed { tbs: tbs.raw.to_vec(), sig_alg: sig_alg.raw.to_vec(), signature }, tbs))
    }

    /// Whether `signer`'s key made the signature over the `tbs`.
    pub fn by(&self, signer: &Certificate) -> Result<bool, AlgorithmProblem> {
        let alg = SignatureAlg::from_identifier(asn1::single(&self.sig_alg).map_err(|_| AlgorithmProblem::BadKey)?)?;
        let hash = alg.hash(DigestAlg::Sha256);
        let key = PublicKey::from_spki(&signer.spki)?;
        key.verify(&alg, hash, &hash.hash(&[&self.tbs]), &self.signature)
    }
}

/// A GeneralName that is a uniformResourceIdentifier (`[6] IA5String`).
fn uri(name: Tlv<'_>) -> Option<String> {
    (name.tag == asn1::ctx_prim(6)).then(|| String::from_utf8(name.content.to_vec()).ok()).flatten()
}

/// The first value of one attribute type in a Name, decoded as text.
fn name_attr(name: Tlv<'_>, want: Oid) -> Option<String> {
    let mut rdns = name.children();
    while let Ok(Some(rdn)) = rdns.next() {
        let mut set = rdn.children();
        while let Ok(Some(atv)) = set.next() {
            let mut a = atv.children();
            if a.take().and_then(|t| t.oid()).ok() == Some(want) {
                return a.take().ok().and_then(text);
            }
        }
    }
    None
}

/// A directory string: UTF8String, PrintableString, IA5String,
/// TeletexString (read as Latin-1) or BMPString (UTF-16BE).
fn text(v: Tlv<'_>) -> Option<String> {
    match v.tag {
        0x0c | 0x13 | 0x16 => String::from_utf8(v.content.to_vec()).ok(),
        0x14 => Some(v.content.iter().map(|b| *b as char).collect()),
        0x1e => {
            let units: Vec<u16> = v.content.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16(&units).ok()
        }
        _ => None,
    }
}
