//! The trust list: which agencies' signatures a verifier believes, by their
//! signing certificates or the CA certificates that issue them, and the
//! chain from a signer's certificate up to one of those anchors.
//!
//! ```json
//! { "agencies": [
//!     { "name": { "th": "กรมพัฒนาธุรกิจการค้า", "en": "Department of Business Development" },
//!       "certificates": ["-----BEGIN CERTIFICATE-----\n...", "MIIB..."] } ] }
//! ```
//!
//! A certificate is PEM or bare base64 DER. Every chain link is checked at
//! the signing time: validity, the issuer's signature, CA basic constraints
//! and path length, key usage, and no unknown critical extension.
//!
//! Beside the agencies sits a national layer: the Thailand National Root
//! Certification Authority - G1, shipped with the kit and pinned by its
//! SHA-256. A signer that chains to it but is not under a listed agency is
//! "valid under the national root", named by the organisation its own
//! certificate states, never as one of the site's agencies. It is on unless
//! the list says `"national": false`.

use der::DateTime;
use serde_json::Value;

use eservice_base::json_file::{self, JsonFileError};
use eservice_base::lang::{Lang, LocalText};

use crate::revocation::Policy;
use crate::signature::certificate::{DIGITAL_SIGNATURE, KEY_CERT_SIGN, KP_TIME_STAMPING, NON_REPUDIATION};
use crate::signature::pem::{self, PemProblem};
use crate::signature::Certificate;

/// The name a time-stamp anchor goes by in a chain: it names no agency.
static TSA_ANCHOR: LocalText = LocalText { th: None, en: None };

/// Chains longer than this are refused: real ones have 2 to 4 links.
const MAX_CHAIN: usize = 8;

#[derive(Clone, Debug, Default)]
pub struct TrustList {
    pub agencies: Vec<Agency>,
    /// Roots of the national PKI; empty when the site turned the layer off.
    pub national: Vec<NationalRoot>,
    /// Which revocation answers may speak for a signing time; the list's
    /// `"retroactiveRevocation": true` accepts those issued after it.
    pub revocation: Policy,
    /// `"timestampAuthorities"`: roots (or the certificates) of time-stamp
    /// authorities whose clocks prove when a signature existed, beside the
    /// agencies' and the national anchors. They vouch for no signer.
    pub tsa: Vec<Certificate>,
}

/// The NRCA G1 root as ETDA publishes it (`../shared/trust/SOURCE.txt`
/// gives its provenance), and the SHA-256 of its DER that pins it.
const NRCA_G1_PEM: &str = include_str!("../data/thailand-nrca-g1.pem");
pub const NRCA_G1_SHA256: &str = "2a8da2f8d23e0cd3b5871ecfb0f42276ca73230667f474eede71c5ee32cc3ec6";

/// A root of a national PKI: what it vouches for is an organisation's
/// identity, not a place on this site's list of agencies.
#[derive(Clone, Debug)]
pub struct NationalRoot {
    pub name: LocalText,
    pub certificate: Certificate,
}

impl NationalRoot {
    /// Thailand National Root Certification Authority - G1; `None` only if
    /// the copy built in were not the pinned certificate.
    pub fn thailand_g1() -> Option<NationalRoot> {
        let der = pem::certificate(NRCA_G1_PEM).ok()?;
        let certificate = Certificate::from_der(&der).ok().filter(|c| c.fingerprint() == NRCA_G1_SHA256)?;
        Some(NationalRoot { name: LocalText::new("ใบรับรองหลักแห่งชาติของประเทศไทย (NRCA G1)", "Thailand's national root (NRCA G1)"), certificate })
    }

    /// The national layer when it is on: the roots the kit ships.
    fn default_layer() -> Vec<NationalRoot> {
        NationalRoot::thailand_g1().into_iter().collect()
    }
}

#[derive(Clone, Debug)]
pub struct Agency {
    pub name: LocalText,
    pub certificates: Vec<Certificate>,
}

/// Why a trust list file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrustListError {
    Json(JsonFileError),
    /// An entry is wrong; `at` is its JSON pointer.
    Entry { file: String, at: String, problem: EntryProblem },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryProblem {
    NoAgencies,
    NoName,
    NoCertificates,
    NotACertificate,
    /// The entry's PEM or base64 is broken, or holds no certificate.
    Unreadable(PemProblem),
    /// `national` or `retroactiveRevocation` is neither `true` nor `false`;
    /// the key is named.
    NotBool(&'static str),
}

impl TrustListError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TrustListError::Json(e) => e.message(lang),
            TrustListError::Entry { file, at, problem } => {
                let what: String = match problem {
                    EntryProblem::NoAgencies => lang.pick("ไม่มีรายการ \"agencies\"", "has no \"agencies\" list").into(),
                    EntryProblem::NoName => lang.pick("ไม่มีชื่อหน่วยงาน (name)", "has no agency name").into(),
                    EntryProblem::NoCertificates => lang.pick("ไม่มีใบรับรอง (certificates)", "has no certificates").into(),
                    EntryProblem::NotACertificate => lang.pick("ไม่ใช่ใบรับรอง X.509 (PEM หรือ base64)", "is not an X.509 certificate (PEM or base64)").into(),
                    EntryProblem::NotBool(key) => match lang {
                        Lang::Th => format!("ค่า \"{key}\" ต้องเป็น true หรือ false"),
                        Lang::En => format!("\"{key}\" must be true or false"),
                    },
                    EntryProblem::Unreadable(p) => format!("{}: {}", lang.pick("ไม่ใช่ใบรับรอง X.509 (PEM หรือ base64)", "is not an X.509 certificate (PEM or base64)"), p.message(lang)),
                };
                match lang {
                    Lang::Th => format!("รายชื่อผู้ลงนามที่เชื่อถือ {file} ที่ {at} {what}"),
                    Lang::En => format!("Trust list {file} at {at} {what}"),
                }
            }
        }
    }
}

impl TrustList {
    /// Reads a trust list file; `file` names it in messages.
    pub fn from_json(file: &str, bytes: &[u8]) -> Result<Self, TrustListError> {
        let doc = json_file::parse(file, bytes).map_err(TrustListError::Json)?;
        let err = |at: String, problem| TrustListError::Entry { file: file.to_owned(), at, problem };
        let agencies = doc.get("agencies").and_then(Value::as_array).ok_or_else(|| err("/".into(), EntryProblem::NoAgencies))?;
        let mut out = Vec::new();
        for (i, a) in agencies.iter().enumerate() {
            let name = a.get("name").and_then(LocalText::from_json).filter(|n| !n.is_empty()).ok_or_else(|| err(format!("/agencies/{i}"), EntryProblem::NoName))?;
            let certs = a.get("certificates").and_then(Value::as_array).filter(|c| !c.is_empty()).ok_or_else(|| err(format!("/agencies/{i}"), EntryProblem::NoCertificates))?;
            let mut certificates = Vec::new();
            for (j, c) in certs.iter().enumerate() {
                let at = || format!("/agencies/{i}/certificates/{j}");
                let text = c.as_str().ok_or_else(|| err(at(), EntryProblem::NotACertificate))?;
                let der = pem::certificate(text).map_err(|p| err(at(), EntryProblem::Unreadable(p)))?;
                certificates.push(Certificate::from_der(&der).map_err(|_| err(at(), EntryProblem::NotACertificate))?);
            }
            out.push(Agency { name, certificates });
        }
        let mut tsa = Vec::new();
        if let Some(list) = doc.get("timestampAuthorities") {
            let items = list.as_array().ok_or_else(|| err("/timestampAuthorities".into(), EntryProblem::NotACertificate))?;
            for (j, c) in items.iter().enumerate() {
                let at = || format!("/timestampAuthorities/{j}");
                let text = c.as_str().ok_or_else(|| err(at(), EntryProblem::NotACertificate))?;
                let der = pem::certificate(text).map_err(|p| err(at(), EntryProblem::Unreadable(p)))?;
                tsa.push(Certificate::from_der(&der).map_err(|_| err(at(), EntryProblem::NotACertificate))?);
            }
        }
        let flag = |key: &'static str, default: bool| match doc.get(key) {
            None => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(err(format!("/{key}"), EntryProblem::NotBool(key))),
        };
        let national = if flag("national", true)? { NationalRoot::default_layer() } else { Vec::new() };
        let revocation = Policy { retroactive: flag("retroactiveRevocation", false)? };
        Ok(TrustList { agencies: out, national, revocation, tsa })
    }

    /// No agencies, and the national layer on: what a verifier trusts
    /// when its site gives no list.
    pub fn national_only() -> Self {
        TrustList { agencies: Vec::new(), national: NationalRoot::default_layer(), revocation: Policy::default(), tsa: Vec::new() }
    }

    /// Adds `cert` under the agency named `name` (matched by its Thai or
    /// English name), or as a new agency; `false` when it was already listed.
    pub fn add(&mut self, name: LocalText, cert: Certificate) -> bool {
        if self.agencies.iter().any(|a| a.certificates.iter().any(|c| c.der == cert.der)) {
            return false;
        }
        let same = |a: &&mut Agency| (name.th.is_some() && a.name.th == name.th) || (name.en.is_some() && a.name.en == name.en);
        match self.agencies.iter_mut().find(same) {
            Some(a) => a.certificates.push(cert),
            None => self.agencies.push(Agency { name, certificates: vec![cert] }),
        }
        true
    }

    /// The file `from_json` reads, certificates as PEM.
    pub fn to_json(&self) -> Value {
        let agencies: Vec<Value> = self
            .agencies
            .iter()
            .map(|a| {
                let certs: Vec<String> = a.certificates.iter().map(|c| pem::encode("CERTIFICATE", &c.der)).collect();
                serde_json::json!({ "name": { "th": a.name.th, "en": a.name.en }, "certificates": certs })
            })
            .collect();
        let mut list = serde_json::json!({ "agencies": agencies });
        if self.national.is_empty() {
            list["national"] = Value::Bool(false);
        }
        if self.revocation.retroactive {
            list["retroactiveRevocation"] = Value::Bool(true);
        }
        if !self.tsa.is_empty() {
            list["timestampAuthorities"] = self.tsa.iter().map(|c| Value::String(pem::encode("CERTIFICATE", &c.der))).collect();
        }
        list
    }

    /// Every certificate on the list, for finding a signer's certificate
    /// that a signature left out.
    pub fn certificates(&self) -> Vec<Certificate> {
        self.agencies.iter().flat_map(|a| a.certificates.iter().cloned()).collect()
    }

}

/// A chain that ends at a listed certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Trusted {
    pub agency: LocalText,
    /// The listed certificate the chain ends at, by its display name.
    pub anchor: String,
    /// From the signer up to the anchor, by display name.
    pub path: Vec<String>,
    /// The same certificates, for checking their revocation.
    pub chain: Vec<Certificate>,
}

/// A chain that ends at a national root, for a signer no listed agency
/// vouches for: who signed is what the signer's own certificate says.
#[derive(Clone, Debug, PartialEq)]
pub struct NationalSigner {
    pub root: LocalText,
    /// The organisation (O) and its identifier (organizationIdentifier,
    /// e.g. a juristic person's number) in the signer's certificate.
    pub organisation: Option<String>,
    pub identifier: Option<String>,
    /// From the signer up to the root, by display name.
    pub path: Vec<String>,
    /// The same certificates, for checking their revocation.
    pub chain: Vec<Certificate>,
}

impl NationalSigner {
    /// "กรมทดสอบ (NTRTH-0994000000001)", or the signer's name when its
    /// certificate states no organisation.
    pub fn who(&self) -> String {
        let name = self.organisation.clone().unwrap_or_else(|| self.path.first().cloned().unwrap_or_default());
        match &self.identifier {
            Some(id) => format!("{name} ({id})"),
            None => name,
        }
    }
}

/// Why a signer is not trusted; `who` names the certificate at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainProblem {
    /// No chain reaches a certificate on the trust list.
    NotListed,
    /// A certificate was not valid at the signing time.
    Expired { who: String },
    /// An issuing certificate is not a CA, may not sign certificates, or
    /// the path is longer than it allows.
    NotCa { who: String },
    /// The signer's certificate may not sign documents.
    KeyUsage { who: String },
    /// A critical extension this kit cannot honour.
    UnknownCritical { who: String, oid: String },
    /// A time-stamp signed by a certificate not made for time-stamping
    /// (no `id-kp-timeStamping`).
    NotTsa { who: String },
}

impl ChainProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ChainProblem::NotListed, Lang::Th) => "ผู้ลงนามไม่อยู่ในรายชื่อหน่วยงานที่เชื่อถือ".into(),
            (ChainProblem::NotListed, Lang::En) => "The signer is not on the trust list".into(),
            (ChainProblem::Expired { who }, Lang::Th) => format!("ใบรับรองของ {who} ไม่อยู่ในช่วงอายุ ณ เวลาที่ลงนาม"),
            (ChainProblem::Expired { who }, Lang::En) => format!("The certificate of {who} was not valid at the signing time"),
            (ChainProblem::NotCa { who }, Lang::Th) => format!("ใบรับรองของ {who} ไม่มีสิทธิ์ออกใบรับรองให้ผู้อื่น"),
            (ChainProblem::NotCa { who }, Lang::En) => format!("The certificate of {who} may not issue certificates"),
            (ChainProblem::KeyUsage { who }, Lang::Th) => format!("ใบรับรองของ {who} ไม่ได้อนุญาตให้ใช้ลงนามเอกสาร"),
            (ChainProblem::KeyUsage { who }, Lang::En) => format!("The certificate of {who} is not for signing documents"),
            (ChainProblem::UnknownCritical { who, oid }, Lang::Th) => format!("ใบรับรองของ {who} มีส่วนขยายสำคัญที่ไม่รู้จัก ({oid})"),
            (ChainProblem::UnknownCritical { who, oid }, Lang::En) => format!("The certificate of {who} has an unknown critical extension ({oid})"),
            (ChainProblem::NotTsa { who }, Lang::Th) => format!("ใบรับรองของ {who} ไม่ได้ออกให้ใช้ประทับเวลา"),
            (ChainProblem::NotTsa { who }, Lang::En) => format!("The certificate of {who} is not for time-stamping"),
        }
    }
}

/// The chain from `signer` to an anchor on `list`, using `pool` (the
/// certificates the signature carries) for the links between.
pub fn check_chain(signer: &Certificate, pool: &[Certificate], list: &TrustList, at: DateTime) -> Result<Trusted, ChainProblem> {
    let anchors: Vec<(&Certificate, &LocalText)> = list.agencies.iter().flat_map(|a| a.certificates.iter().map(move |c| (c, &a.name))).collect();
    let (agency, path) = chain_to(signer, pool, &anchors, at)?;
    Ok(Trusted {
        agency: agency.clone(),
        anchor: path.last().map(Certificate::display_name).unwrap_or_default(),
        path: path.iter().map(Certificate::display_name).collect(),
        chain: path,
    })
}

/// The chain from a time-stamp authority's certificate to any anchor the
/// list holds, an agency's or a national root: whose clock a verifier may
/// take as proof of when a signature existed.
pub fn check_tsa(tsa: &Certificate, pool: &[Certificate], list: &TrustList, at: DateTime) -> Result<Vec<Certificate>, ChainProblem> {
    if !tsa.has_purpose(KP_TIME_STAMPING) {
        return Err(ChainProblem::NotTsa { who: tsa.display_name() });
    }
    let anchors: Vec<(&Certificate, &LocalText)> = list
        .agencies
        .iter()
        .flat_map(|a| a.certificates.iter().map(move |c| (c, &a.name)))
        .chain(list.national.iter().map(|r| (&r.certificate, &r.name)))
        .chain(list.tsa.iter().map(|c| (c, &TSA_ANCHOR)))
        .collect();
    chain_to(tsa, pool, &anchors, at).map(|(_, path)| path)
}

/// The chain from `signer` to one of `list`'s national roots: for a signer
/// [`check_chain`] found on no agency's list.
pub fn check_national(signer: &Certificate, pool: &[Certificate], list: &TrustList, at: DateTime) -> Result<NationalSigner, ChainProblem> {
    let anchors: Vec<(&Certificate, &LocalText)> = list.national.iter().map(|r| (&r.certificate, &r.name)).collect();
    let (root, path) = chain_to(signer, pool, &anchors, at)?;
    Ok(NationalSigner {
        root: root.clone(),
        organisation: signer.organization.clone(),
        identifier: signer.organization_identifier.clone(),
        path: path.iter().map(Certificate::display_name).collect(),
        chain: path,
    })
}

/// The path from `signer` up to one of `anchors`, and that anchor's name.
fn chain_to<'a>(signer: &Certificate, pool: &[Certificate], anchors: &[(&'a Certificate, &'a LocalText)], at: DateTime) -> Result<(&'a LocalText, Vec<Certificate>), ChainProblem> {
    if let Some(oid) = &signer.unknown_critical {
        return Err(ChainProblem::UnknownCritical { who: signer.display_name(), oid: oid.clone() });
    }
    if signer.key_usage.is_some_and(|ku| ku & (DIGITAL_SIGNATURE | NON_REPUDIATION) == 0) {
        return Err(ChainProblem::KeyUsage { who: signer.display_name() });
    }
    let mut first_problem = None;
    let mut path = vec![signer.clone()];
    match walk(&mut path, pool, anchors, at, &mut first_problem) {
        Some(name) => Ok((name, path)),
        None => Err(first_problem.unwrap_or(ChainProblem::NotListed)),
    }
}

/// Depth-first search upward from the last certificate of `path`; on
/// success `path` ends at the anchor whose name is returned.
fn walk<'a>(path: &mut Vec<Certificate>, pool: &[Certificate], anchors: &[(&'a Certificate, &'a LocalText)], at: DateTime, problem: &mut Option<ChainProblem>) -> Option<&'a LocalText> {
    let current = path.last()?.clone();
    if !current.valid_at(at) {
        problem.get_or_insert(ChainProblem::Expired { who: current.display_name() });
        return None;
    }
    if let Some((_, name)) = anchors.iter().find(|(c, _)| c.der == current.der) {
        return Some(name);
    }
    if path.len() >= MAX_CHAIN || current.is_self_issued() {
        return None;
    }
    for issuer in anchors.iter().map(|(c, _)| *c).chain(pool) {
        if issuer.subject != current.issuer || path.iter().any(|p| p.der == issuer.der) {
            continue;
        }
        if let (Some(a), Some(k)) = (&current.authority_key_id, &issuer.key_id) {
            if a != k {
                continue;
            }
        }
        if current.signed_by(issuer) != Ok(true) {
            continue;
        }
        // The issuer must be a CA allowed to sign certificates, with room
        // for the CAs already below it.
        let below = path.len() - 1;
        let ca_ok = match issuer.ca {
            Some(limit) => limit.is_none_or(|n| below as u32 <= n),
            None => false,
        };
        if !ca_ok || issuer.key_usage.is_some_and(|ku| ku & KEY_CERT_SIGN == 0) {
            problem.get_or_insert(ChainProblem::NotCa { who: issuer.display_name() });
            continue;
        }
        if let Some(oid) = &issuer.unknown_critical {
            problem.get_or_insert(ChainProblem::UnknownCritical { who: issuer.display_name(), oid: oid.clone() });
            continue;
        }
        path.push(issuer.clone());
        if let Some(name) = walk(path, pool, anchors, at, problem) {
            return Some(name);
        }
        path.pop();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::testkit::{ca_and_signer, issue, Spec};

    fn list_of(der: &[u8]) -> TrustList {
        let json = serde_json::json!({"agencies": [{"name": {"th": "กรมทดสอบ", "en": "Department of Testing"}, "certificates": [pem::encode("CERTIFICATE", der)]}]});
        TrustList::from_json("trust.json", json.to_string().as_bytes()).unwrap()
    }

    fn now() -> DateTime {
        DateTime::new(2026, 11, 27, 0, 0, 0).unwrap()
    }

    #[test]
    fn a_chain_to_a_listed_ca_or_a_listed_signer() {
        let (ca, signer) = ca_and_signer();
        let s = Certificate::from_der(&signer.der).unwrap();
        let pool = [Certificate::from_der(&ca.der).unwrap()];
        let t = check_chain(&s, &pool, &list_of(&ca.der), now()).unwrap();
        assert_eq!(t.agency.get(Lang::En), "Department of Testing");
        assert_eq!(t.path, ["Department of Testing", "Test Root CA"]);
        // The CA from the list alone, with nothing in the signature, is enough.
        assert!(check_chain(&s, &[], &list_of(&ca.der), now()).is_ok());
        // A pinned signer certificate is an anchor of its own.
        assert!(check_chain(&s, &[], &list_of(&signer.der), now()).is_ok());
    }

    #[test]
    fn what_breaks_a_chain_is_named() {
        let (ca, signer) = ca_and_signer();
        let s = Certificate::from_der(&signer.der).unwrap();
        let other_ca = issue(&Spec::ca("Other CA", 7), None);
        assert_eq!(check_chain(&s, &[], &list_of(&other_ca.der), now()), Err(ChainProblem::NotListed));
        // Same name as the real CA but another key: the signature link fails.
        let impostor = issue(&Spec::ca("Test Root CA", 8), None);
        assert_eq!(check_chain(&s, &[], &list_of(&impostor.der), now()), Err(ChainProblem::NotListed));
        let late = DateTime::new(2050, 1, 1, 0, 0, 0).unwrap();
        assert!(matches!(check_chain(&s, &[], &list_of(&ca.der), late), Err(ChainProblem::Expired { .. })));
        // A "CA" that is not one.
        let fake_ca = issue(&Spec { ca: false, ..Spec::ca("Not a CA", 3) }, None);
        let under_fake = issue(&Spec::signer("Victim", "Nobody", 4), Some(&fake_ca));
        let u = Certificate::from_der(&under_fake.der).unwrap();
        assert!(matches!(check_chain(&u, &[], &list_of(&fake_ca.der), now()), Err(ChainProblem::NotCa { .. })));
        // A signer certificate for key agreement only.
        let wrong_use = issue(&Spec { key_usage: 1 << 12, ..Spec::signer("Key agreement", "X", 5) }, Some(&ca));
        let w = Certificate::from_der(&wrong_use.der).unwrap();
        assert!(matches!(check_chain(&w, &[], &list_of(&ca.der), now()), Err(ChainProblem::KeyUsage { .. })));
        let odd = issue(&Spec { odd_critical: true, ..Spec::signer("Odd", "X", 6) }, Some(&ca));
        let o = Certificate::from_der(&odd.der).unwrap();
        assert!(matches!(check_chain(&o, &[], &list_of(&ca.der), now()), Err(ChainProblem::UnknownCritical { .. })));
    }

    #[test]
    fn adding_certificates_and_writing_the_list_back() {
        let (ca, signer) = ca_and_signer();
        let mut list = TrustList::default();
        let name = || LocalText::new("กรมทดสอบ", "Department of Testing");
        assert!(list.add(name(), Certificate::from_der(&ca.der).unwrap()));
        assert!(!list.add(name(), Certificate::from_der(&ca.der).unwrap()), "a listed certificate is not added twice");
        assert!(list.add(LocalText { th: None, en: Some("Department of Testing".into()) }, Certificate::from_der(&signer.der).unwrap()));
        assert_eq!(list.agencies.len(), 1);
        let again = TrustList::from_json("t.json", list.to_json().to_string().as_bytes()).unwrap();
        assert_eq!(again.agencies[0].certificates.len(), 2);
        assert_eq!(again.agencies[0].name, name());
    }

    #[test]
    fn bad_trust_lists_say_where() {
        let e = TrustList::from_json("t.json", br#"{"agencies":[{"name":"x","certificates":["not base64!"]}]}"#).unwrap_err();
        assert_eq!(e.message(Lang::En), "Trust list t.json at /agencies/0/certificates/0 is not an X.509 certificate (PEM or base64): the character '!' (U+0021) at line 1, column 11 is not base64");
        let e = TrustList::from_json("t.json", br#"{"agencies":[{"name":"x","certificates":["AAAA"]}]}"#).unwrap_err();
        assert_eq!(e.message(Lang::En), "Trust list t.json at /agencies/0/certificates/0 is not an X.509 certificate (PEM or base64)");
        let key = serde_json::json!({"agencies": [{"name": "x", "certificates": [pem::encode("PRIVATE KEY", b"k")]}]});
        let e = TrustList::from_json("t.json", key.to_string().as_bytes()).unwrap_err();
        assert_eq!(e.message(Lang::Th), "รายชื่อผู้ลงนามที่เชื่อถือ t.json ที่ /agencies/0/certificates/0 ไม่ใช่ใบรับรอง X.509 (PEM หรือ base64): พบ PRIVATE KEY แต่ต้องการ CERTIFICATE");
        assert!(TrustList::from_json("t.json", b"{}").unwrap_err().message(Lang::Th).contains("agencies"));
        assert!(matches!(TrustList::from_json("t.json", b"{"), Err(TrustListError::Json(_))));
    }

    #[test]
    fn the_national_root_is_shipped_pinned_and_on_unless_turned_off() {
        let root = NationalRoot::thailand_g1().expect("the built-in NRCA G1 is the pinned certificate");
        assert_eq!(root.certificate.fingerprint(), NRCA_G1_SHA256);
        assert_eq!(root.certificate.common_name.as_deref(), Some("Thailand National Root Certification Authority - G1"));
        assert!(root.certificate.is_self_issued() && root.certificate.signed_by(&root.certificate) == Ok(true), "RSA-4096, sha512WithRSA, self-signed");
        assert!(root.certificate.ca.is_some());

        let on = TrustList::from_json("t.json", br#"{"agencies":[]}"#).unwrap();
        assert_eq!(on.national.len(), 1);
        assert!(on.to_json().get("national").is_none(), "on is the default, not written");
        let off = TrustList::from_json("t.json", br#"{"agencies":[],"national":false}"#).unwrap();
        assert!(off.national.is_empty());
        assert_eq!(TrustList::from_json("t.json", off.to_json().to_string().as_bytes()).unwrap().national.len(), 0, "off survives a round trip");
        let e = TrustList::from_json("t.json", br#"{"agencies":[],"national":"yes"}"#).unwrap_err();
        assert_eq!(e.message(Lang::En), "Trust list t.json at /national \"national\" must be true or false");
        let e = TrustList::from_json("t.json", br#"{"agencies":[],"retroactiveRevocation":1}"#).unwrap_err();
        assert_eq!(e.message(Lang::Th), "รายชื่อผู้ลงนามที่เชื่อถือ t.json ที่ /retroactiveRevocation ค่า \"retroactiveRevocation\" ต้องเป็น true หรือ false");
        let retro = TrustList::from_json("t.json", br#"{"agencies":[],"retroactiveRevocation":true}"#).unwrap();
        assert!(retro.revocation.retroactive);
        assert!(TrustList::from_json("t.json", retro.to_json().to_string().as_bytes()).unwrap().revocation.retroactive, "kept in a round trip");
        assert_eq!(TrustList::national_only().national.len(), 1);
    }

    #[test]
    fn a_signer_under_a_national_root_is_named_by_its_own_certificate() {
        let (ca, signer) = ca_and_signer();
        let s = Certificate::from_der(&signer.der).unwrap();
        let root = NationalRoot { name: LocalText::new("รากทดสอบ", "Test national root"), certificate: Certificate::from_der(&ca.der).unwrap() };
        let list = TrustList { agencies: Vec::new(), national: vec![root], revocation: Policy::default(), tsa: Vec::new() };
        assert_eq!(check_chain(&s, &[], &list, now()), Err(ChainProblem::NotListed), "a national root is no agency");
        let n = check_national(&s, &[], &list, now()).unwrap();
        assert_eq!((n.organisation.as_deref(), n.who().as_str()), (Some("Ministry of Tests"), "Ministry of Tests"));
        assert_eq!(n.path, ["Department of Testing", "Test Root CA"]);
        assert_eq!(n.root.get(Lang::En), "Test national root");
        let late = DateTime::new(2050, 1, 1, 0, 0, 0).unwrap();
        assert!(matches!(check_national(&s, &[], &list, late), Err(ChainProblem::Expired { .. })));
        assert_eq!(check_national(&s, &[], &TrustList::default(), now()), Err(ChainProblem::NotListed));
    }
}
