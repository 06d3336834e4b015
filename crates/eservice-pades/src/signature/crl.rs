//! Certificate revocation lists (RFC 5280 §5), read for what deciding a
//! certificate's status needs: who issued the list, when, for which
//! certificates, and which serials it revokes.
//!
//! Whether a list may be believed (its signature, the issuer's `cRLSign`,
//! its dates) is [`crate::revocation`]'s question; this module reads, and
//! refuses what it cannot read faithfully: an unknown critical extension, a
//! delta CRL, an indirect CRL, or one scoped to some reasons only, is read
//! as [`CrlScope::Unsupported`] rather than half-understood.

use der::asn1::ObjectIdentifier as Oid;
use der::DateTime;

use super::asn1::{self, time, Malformed, Tlv};
use super::certificate::{Certificate, Signed, AUTHORITY_KEY_ID};

const CRL_NUMBER: Oid = Oid::new_unwrap("2.5.29.20");
const ISSUING_DISTRIBUTION_POINT: Oid = Oid::new_unwrap("2.5.29.28");
const REASON_CODE: Oid = Oid::new_unwrap("2.5.29.21");
const INVALIDITY_DATE: Oid = Oid::new_unwrap("2.5.29.24");

/// Which certificates a list speaks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrlScope {
    All,
    /// `onlyContainsUserCerts`: end-entity certificates only.
    UsersOnly,
    /// `onlyContainsCACerts`: CA certificates only.
    CasOnly,
    /// A list this kit does not act on: delta, indirect, partial by
    /// reason, attribute certificates, or an unknown critical extension.
    Unsupported,
}

/// One revoked certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revoked {
    /// The serial number's content octets.
    pub serial: Vec<u8>,
    pub date: DateTime,
    pub reason: Option<Reason>,
}

/// CRLReason (RFC 5280 §5.3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Unspecified,
    KeyCompromise,
    CaCompromise,
    AffiliationChanged,
    Superseded,
    CessationOfOperation,
    CertificateHold,
    RemoveFromCrl,
    PrivilegeWithdrawn,
    AaCompromise,
}

impl Reason {
    pub fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            0 => Reason::Unspecified,
            1 => Reason::KeyCompromise,
            2 => Reason::CaCompromise,
            3 => Reason::AffiliationChanged,
            4 => Reason::Superseded,
            5 => Reason::CessationOfOperation,
            6 => Reason::CertificateHold,
            8 => Reason::RemoveFromCrl,
            9 => Reason::PrivilegeWithdrawn,
            10 => Reason::AaCompromise,
            _ => return None,
        })
    }

    /// The reason's ASN.1 name, as reports and logs give it.
    pub fn key(self) -> &'static str {
        match self {
            Reason::Unspecified => "unspecified",
            Reason::KeyCompromise => "keyCompromise",
            Reason::CaCompromise => "cACompromise",
            Reason::AffiliationChanged => "affiliationChanged",
            Reason::Superseded => "superseded",
            Reason::CessationOfOperation => "cessationOfOperation",
            Reason::CertificateHold => "certificateHold",
            Reason::RemoveFromCrl => "removeFromCRL",
            Reason::PrivilegeWithdrawn => "privilegeWithdrawn",
            Reason::AaCompromise => "aACompromise",
        }
    }

    pub fn message(self, lang: eservice_base::lang::Lang) -> &'static str {
        match self {
            Reason::Unspecified => lang.pick("ไม่ระบุเหตุผล", "no reason given"),
            Reason::KeyCompromise => lang.pick("กุญแจส่วนตัวรั่วไหล", "the private key was compromised"),
            Reason::CaCompromise => lang.pick("กุญแจของผู้ออกใบรับรองรั่วไหล", "the CA's key was compromised"),
            Reason::AffiliationChanged => lang.pick("ผู้ถือเปลี่ยนสังกัด", "the holder's affiliation changed"),
            Reason::Superseded => lang.pick("มีใบรับรองใหม่แทน", "superseded by a new certificate"),
            Reason::CessationOfOperation => lang.pick("เลิกใช้งาน", "no longer in use"),
            Reason::CertificateHold => lang.pick("ถูกระงับชั่วคราว", "on hold"),
            Reason::RemoveFromCrl => lang.pick("ถอนออกจากรายการเพิกถอน", "removed from the list"),
            Reason::PrivilegeWithdrawn => lang.pick("ถูกถอนสิทธิ์", "privilege withdrawn"),
            Reason::AaCompromise => lang.pick("ผู้ออกคุณสมบัติถูกเจาะระบบ", "the attribute authority was compromised"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crl {
    /// The whole list as written.
    pub der: Vec<u8>,
    signed: Signed,
    /// The issuer Name as written, for exact comparison.
    pub issuer: Vec<u8>,
    pub authority_key_id: Option<Vec<u8>>,
    pub this_update: DateTime,
    pub next_update: Option<DateTime>,
    pub revoked: Vec<Revoked>,
    pub scope: CrlScope,
}

impl Crl {
    pub fn from_der(der: &[u8]) -> Result<Self, Malformed> {
        let list = asn1::single(der)?.expect(asn1::SEQUENCE)?;
        let (signed, tbs) = Signed::read(&mut list.children())?;
        let mut t = tbs.children();
        t.optional(asn1::INTEGER)?;
        t.take()?.expect(asn1::SEQUENCE)?;
        let issuer = t.take()?.expect(asn1::SEQUENCE)?;
        let this_update = time(t.take()?)?;
        let mut next_update = None;
        let mut revoked = Vec::new();
        let mut scope = CrlScope::All;
        let mut authority_key_id = None;
        while let Some(item) = t.next()? {
            match item.tag {
                asn1::UTC_TIME | asn1::GENERALIZED_TIME if next_update.is_none() && revoked.is_empty() => next_update = Some(time(item)?),
                asn1::SEQUENCE => {
                    let mut entries = item.children();
                    while let Some(entry) = entries.next()? {
                        let (e, entry_scope) = read_entry(entry)?;
                        if entry_scope == CrlScope::Unsupported {
                            scope = CrlScope::Unsupported;
                        }
                        revoked.push(e);
                    }
                }
                tag if tag == asn1::ctx(0) => {
                    let mut exts = item.children().take()?.expect(asn1::SEQUENCE)?.children();
                    while let Some(ext) = exts.next()? {
                        let (oid, critical, value) = extension(ext)?;
                        match oid {
                            AUTHORITY_KEY_ID => {
                                authority_key_id = value.expect(asn1::SEQUENCE)?.children().optional(asn1::ctx_prim(0))?.map(|k| k.content.to_vec());
                            }
                            CRL_NUMBER => {}
                            ISSUING_DISTRIBUTION_POINT => scope = scope_of(value).unwrap_or(CrlScope::Unsupported).min_with(scope),
                            _ if critical => scope = CrlScope::Unsupported,
                            _ => {}
                        }
                    }
                }
                _ => return Err(Malformed),
            }
        }
        Ok(Crl {
            der: list.raw.to_vec(),
            signed,
            issuer: issuer.raw.to_vec(),
            authority_key_id,
            this_update,
            next_update,
            revoked,
            scope,
        })
    }

    /// Whether `issuer`'s key signed this list.
    pub fn signed_by(&self, issuer: &Certificate) -> bool {
        self.signed.by(issuer) == Ok(true)
    }

    /// Whether the list speaks for `cert`: same issuer name, and a scope
    /// that includes it.
    pub fn covers(&self, cert: &Certificate) -> bool {
        self.issuer == cert.issuer
            && match self.scope {
                CrlScope::All => true,
                CrlScope::UsersOnly => cert.ca.is_none(),
                CrlScope::CasOnly => cert.ca.is_some(),
                CrlScope::Unsupported => false,
            }
    }

    /// The entry revoking `serial`, if any.
    pub fn entry(&self, serial: &[u8]) -> Option<&Revoked> {
        self.revoked.iter().find(|r| r.serial == serial)
    }
}

impl CrlScope {
    /// `Unsupported` wins: a list with any part the kit cannot honour is
    /// not used at all.
    fn min_with(self, other: CrlScope) -> CrlScope {
        if other == CrlScope::Unsupported { other } else { self }
    }
}

/// `SEQUENCE { OID, BOOLEAN critical DEFAULT FALSE, OCTET STRING value }`,
/// the value read as one element.
fn extension(ext: Tlv<'_>) -> Result<(Oid, bool, Tlv<'_>), Malformed> {
    let mut r = ext.expect(asn1::SEQUENCE)?.children();
    let oid = r.take()?.oid()?;
    let critical = r.optional(0x01)?.is_some_and(|b| b.content != [0]);
    let value = asn1::single(r.take()?.expect(asn1::OCTET_STRING)?.content)?;
    Ok((oid, critical, value))
}

/// One `revokedCertificates` entry; an unknown critical entry extension
/// (certificateIssuer, above all: an indirect list) makes the list unusable.
fn read_entry(entry: Tlv<'_>) -> Result<(Revoked, CrlScope), Malformed> {
    let mut r = entry.expect(asn1::SEQUENCE)?.children();
    let serial = r.take()?.expect(asn1::INTEGER)?.content.to_vec();
    let date = time(r.take()?)?;
    let mut reason = None;
    let mut scope = CrlScope::All;
    if let Some(exts) = r.optional(asn1::SEQUENCE)? {
        let mut e = exts.children();
        while let Some(ext) = e.next()? {
            let (oid, critical, value) = extension(ext)?;
            match oid {
                REASON_CODE => reason = value.expect(0x0a)?.content.first().copied().and_then(Reason::from_code),
                INVALIDITY_DATE => {}
                _ if critical => scope = CrlScope::Unsupported,
                _ => {}
            }
        }
    }
    Ok((Revoked { serial, date, reason }, scope))
}

/// IssuingDistributionPoint (RFC 5280 §5.2.5): the scopes this kit honours.
fn scope_of(idp: Tlv<'_>) -> Result<CrlScope, Malformed> {
    let mut r = idp.expect(asn1::SEQUENCE)?.children();
    let mut scope = CrlScope::All;
    while let Some(field) = r.next()? {
        let set = field.content != [0];
        match field.tag {
            // distributionPoint: which list this is; not compared here.
            t if t == asn1::ctx(0) => {}
            t if t == asn1::ctx_prim(1) && set => scope = CrlScope::UsersOnly,
            t if t == asn1::ctx_prim(2) && set => scope = CrlScope::CasOnly,
            t if t == asn1::ctx_prim(1) || t == asn1::ctx_prim(2) => {}
            // onlySomeReasons, indirectCRL, onlyContainsAttributeCerts.
            t if t == asn1::ctx_prim(3) || ((t == asn1::ctx_prim(4) || t == asn1::ctx_prim(5)) && set) => return Ok(CrlScope::Unsupported),
            t if t == asn1::ctx_prim(4) || t == asn1::ctx_prim(5) => {}
            _ => return Ok(CrlScope::Unsupported),
        }
    }
    Ok(scope)
}
