//! Was a certificate revoked when it signed? Answered offline, from the
//! revocation data a document carries: CRLs and OCSP responses from its
//! DSS, from the signature's `adbe-revocationInfoArchival` attribute and
//! from the CMS `crls` field.
//!
//! Every certificate of a chain but its anchor needs an answer. A source is
//! believed only when it is authentic:
//! - a CRL signed by the certificate's issuer, whose key may sign CRLs
//!   (`cRLSign`), for the same issuer name, with a scope that includes the
//!   certificate and no critical extension the kit cannot honour;
//! - an OCSP response for the certificate's ID (issuer name and key hash,
//!   serial), signed by the issuer itself or by a responder the issuer
//!   certified for `id-kp-OCSPSigning`. Such a delegated responder is
//!   itself checked, unless it carries `ocsp-nocheck`.
//!
//! A revocation found in an authentic source is a fact, whatever its
//! dates. A "good" answer counts only when it speaks for the signing time,
//! as pyHanko's default policy has it: the time falls between its
//! `thisUpdate` and `nextUpdate` (30 minutes after `thisUpdate` when it
//! gives none). [`Policy::retroactive`] also accepts answers issued after
//! the signing time, as Acrobat does with data added after signing. Anything
//! else leaves the certificate "not checked": never "good".

use der::DateTime;

use eservice_base::lang::Lang;

use crate::signature::certificate::{Certificate, CRL_SIGN, KP_OCSP_SIGNING};
use crate::signature::crl::{Crl, Reason};
use crate::signature::ocsp::{CertStatus, OcspResponse};
use crate::signature::asn1::show_time;

/// Clocks of signers, CAs and responders drift this much.
const TOLERANCE_SECS: u64 = 1;
/// How long an answer with no `nextUpdate` is taken to hold.
const NO_NEXT_UPDATE_SECS: u64 = 30 * 60;

/// Which answers may speak for a past time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Policy {
    /// Accept answers issued after the signing time (their `thisUpdate`
    /// is then ignored): revocation data added after signing.
    pub retroactive: bool,
}

/// The revocation data one signature can draw on, read once.
#[derive(Clone, Debug, Default)]
pub struct Evidence {
    pub crls: Vec<Crl>,
    pub ocsps: Vec<OcspResponse>,
    /// Items that could not be read, counted for the report.
    pub unreadable: usize,
}

impl Evidence {
    /// Adds CRLs and OCSP responses as DER; the unreadable are counted.
    pub fn add(&mut self, crls: &[Vec<u8>], ocsps: &[Vec<u8>]) {
        for der in crls {
            match Crl::from_der(der) {
                Ok(c) if !self.crls.contains(&c) => self.crls.push(c),
                Ok(_) => {}
                Err(_) => self.unreadable += 1,
            }
        }
        for der in ocsps {
            match OcspResponse::from_der(der) {
                Ok(o) if !self.ocsps.contains(&o) => self.ocsps.push(o),
                Ok(_) => {}
                Err(_) => self.unreadable += 1,
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.crls.is_empty() && self.ocsps.is_empty()
    }

    /// The certificates OCSP responses bring: more links for chains.
    pub fn certificates(&self) -> impl Iterator<Item = &Certificate> {
        self.ocsps.iter().flat_map(|o| o.certificates.iter())
    }
}

/// What a file of revocation data holds, as a clerk or a CA hands it over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RevocationFile {
    /// One or more CRLs (PEM `X509 CRL` blocks, or one DER CRL).
    Crls(Vec<Vec<u8>>),
    /// One OCSP response (DER), successful.
    Ocsp(Vec<u8>),
}

impl RevocationFile {
    /// Reads `bytes` as CRLs or an OCSP response; `None` when it is
    /// neither, or a CRL in it cannot be read.
    pub fn read(bytes: &[u8]) -> Option<Self> {
        if OcspResponse::from_der(bytes).is_ok() {
            return Some(RevocationFile::Ocsp(bytes.to_vec()));
        }
        let crls = crate::signature::pem::crls(bytes).ok().filter(|c| !c.is_empty())?;
        crls.iter().all(|c| Crl::from_der(c).is_ok()).then_some(RevocationFile::Crls(crls))
    }
}

/// Where an answer came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Crl,
    Ocsp,
}

impl Source {
    pub fn key(self) -> &'static str {
        match self {
            Source::Crl => "crl",
            Source::Ocsp => "ocsp",
        }
    }
}

/// Why a certificate's status is not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unchecked {
    /// The document carries nothing authentic about it.
    NoData,
    /// The only answers were out of date at the signing time.
    Stale { next_update: DateTime },
    /// The only answers were issued after the signing time, and the policy
    /// does not accept them.
    TooNew { this_update: DateTime },
    /// An OCSP responder answered "unknown".
    Unknown,
}

impl Unchecked {
    pub fn key(self) -> &'static str {
        match self {
            Unchecked::NoData => "no-data",
            Unchecked::Stale { .. } => "stale",
            Unchecked::TooNew { .. } => "issued-after-signing",
            Unchecked::Unknown => "unknown",
        }
    }
}

/// One certificate's status at the signing time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Good { source: Source, this_update: DateTime },
    Revoked { at: DateTime, reason: Option<Reason>, source: Source },
    Unchecked(Unchecked),
}

/// The chain's status: the worst of its certificates, named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathStatus {
    /// Each certificate but the anchor, from the signer up: its name and
    /// status.
    pub each: Vec<(String, Status)>,
}

impl PathStatus {
    /// A revoked certificate, the earliest revocation first.
    pub fn revoked(&self) -> Option<(&str, DateTime, Option<Reason>)> {
        self.each
            .iter()
            .filter_map(|(who, s)| match s {
                Status::Revoked { at, reason, .. } => Some((who.as_str(), *at, *reason)),
                _ => None,
            })
            .min_by_key(|(_, at, _)| *at)
    }

    /// The first certificate whose status is not known.
    pub fn unchecked(&self) -> Option<(&str, Unchecked)> {
        self.each.iter().find_map(|(who, s)| match s {
            Status::Unchecked(u) => Some((who.as_str(), *u)),
            _ => None,
        })
    }

    pub fn all_good(&self) -> bool {
        self.each.iter().all(|(_, s)| matches!(s, Status::Good { .. }))
    }

    /// What a person reads about the chain's revocation status.
    pub fn message(&self, lang: Lang) -> String {
        if let Some((who, at, reason)) = self.revoked() {
            let why = reason.map(|r| r.message(lang)).unwrap_or_else(|| lang.pick("ไม่ระบุเหตุผล", "no reason given"));
            return match lang {
                Lang::Th => format!("ใบรับรองของ {who} ถูกเพิกถอนเมื่อ {} ({why})", show_time(at)),
                Lang::En => format!("The certificate of {who} was revoked on {} ({why})", show_time(at)),
            };
        }
        match (self.unchecked(), lang) {
            (None, Lang::Th) => "ตรวจสอบการเพิกถอนแล้ว: ไม่มีใบรับรองใดถูกเพิกถอน ณ เวลาที่ลงนาม".into(),
            (None, Lang::En) => "Revocation checked: no certificate was revoked at the signing time".into(),
            (Some((who, u)), lang) => {
                let why = match (u, lang) {
                    (Unchecked::NoData, Lang::Th) => "เอกสารไม่มีข้อมูลการเพิกถอน (CRL หรือ OCSP) ที่เชื่อถือได้".to_owned(),
                    (Unchecked::NoData, Lang::En) => "the document carries no authentic revocation data (CRL or OCSP)".to_owned(),
                    (Unchecked::Stale { next_update }, Lang::Th) => format!("ข้อมูลการเพิกถอนหมดอายุตั้งแต่ {} ก่อนเวลาที่ลงนาม", show_time(next_update)),
                    (Unchecked::Stale { next_update }, Lang::En) => format!("its revocation data was out of date since {}, before the signing time", show_time(next_update)),
                    (Unchecked::TooNew { this_update }, Lang::Th) => format!("ข้อมูลการเพิกถอนออกเมื่อ {} หลังเวลาที่ลงนาม", show_time(this_update)),
                    (Unchecked::TooNew { this_update }, Lang::En) => format!("its revocation data was issued on {}, after the signing time", show_time(this_update)),
                    (Unchecked::Unknown, Lang::Th) => "ผู้ให้บริการ OCSP ตอบว่าไม่รู้จักใบรับรองนี้".to_owned(),
                    (Unchecked::Unknown, Lang::En) => "the OCSP responder does not know the certificate".to_owned(),
                };
                match lang {
                    Lang::Th => format!("ยังไม่ได้ตรวจสอบการเพิกถอนใบรับรองของ {who}: {why}"),
                    Lang::En => format!("Revocation of the certificate of {who} was not checked: {why}"),
                }
            }
        }
    }
}

/// The status at `at` of each certificate of `path` (signer first, each
/// issued by the next; the last is the trust anchor and needs none).
pub fn check_path(path: &[Certificate], evidence: &Evidence, at: DateTime, policy: Policy) -> PathStatus {
    let each = path.windows(2).map(|w| (w[0].display_name(), status(&w[0], &w[1], evidence, at, policy, true))).collect();
    PathStatus { each }
}

/// `cert`'s status at `at`, `issuer` being the certificate that issued it.
/// `ocsp` is false when checking a delegated responder: CRLs only, so no
/// chain of responders vouching for each other can loop.
fn status(cert: &Certificate, issuer: &Certificate, evidence: &Evidence, at: DateTime, policy: Policy, ocsp: bool) -> Status {
    let mut revoked: Option<Status> = None;
    let mut goods: Vec<(Source, DateTime, Option<DateTime>)> = Vec::new();
    let mut unknown = false;
    let mut note_revoked = |s: Status| {
        let earlier = match (&revoked, &s) {
            (Some(Status::Revoked { at: old, .. }), Status::Revoked { at: new, .. }) => new < old,
            _ => true,
        };
        if earlier {
            revoked = Some(s);
        }
    };
    for crl in evidence.crls.iter().filter(|c| crl_speaks_for(c, cert, issuer)) {
        match crl.entry(&cert.serial) {
            Some(e) if e.reason != Some(Reason::RemoveFromCrl) => note_revoked(Status::Revoked { at: e.date, reason: e.reason, source: Source::Crl }),
            _ => goods.push((Source::Crl, crl.this_update, crl.next_update)),
        }
    }
    if ocsp {
        for resp in evidence.ocsps.iter().filter(|r| ocsp_authentic(r, issuer, evidence, policy)) {
            for single in resp.responses.iter().filter(|s| s.is_for(cert, issuer)) {
                match single.status {
                    CertStatus::Good => goods.push((Source::Ocsp, single.this_update, single.next_update)),
                    CertStatus::Revoked { at: r, reason } => note_revoked(Status::Revoked { at: r, reason, source: Source::Ocsp }),
                    CertStatus::Unknown => unknown = true,
                }
            }
        }
    }
    if let Some(r) = revoked {
        return r;
    }
    let mut why = if unknown { Unchecked::Unknown } else { Unchecked::NoData };
    for (source, this_update, next_update) in goods {
        match fresh(at, this_update, next_update, policy) {
            Ok(()) => return Status::Good { source, this_update },
            Err(u) => why = u,
        }
    }
    Status::Unchecked(why)
}

fn crl_speaks_for(crl: &Crl, cert: &Certificate, issuer: &Certificate) -> bool {
    crl.covers(cert)
        && issuer.key_usage.is_none_or(|ku| ku & CRL_SIGN != 0)
        && match (&crl.authority_key_id, &issuer.key_id) {
            (Some(a), Some(k)) => a == k,
            _ => true,
        }
        && crl.signed_by(issuer)
}

/// Whether `resp` was signed by `issuer` or by a responder it delegated to.
fn ocsp_authentic(resp: &OcspResponse, issuer: &Certificate, evidence: &Evidence, policy: Policy) -> bool {
    if resp.responder.is(issuer) {
        return resp.signed_by(issuer);
    }
    resp.certificates.iter().chain(evidence.certificates()).any(|r| {
        resp.responder.is(r)
            && r.issuer == issuer.subject
            && r.has_purpose(KP_OCSP_SIGNING)
            && r.valid_at(resp.produced_at)
            && r.unknown_critical.is_none()
            && r.signed_by(issuer) == Ok(true)
            && resp.signed_by(r)
            && (r.ocsp_nocheck || matches!(status(r, issuer, evidence, resp.produced_at, policy, false), Status::Good { .. }))
    })
}

/// Whether an answer issued at `this_update`, good until `next_update`,
/// speaks for `at`.
fn fresh(at: DateTime, this_update: DateTime, next_update: Option<DateTime>, policy: Policy) -> Result<(), Unchecked> {
    let secs = |t: DateTime| t.unix_duration().as_secs();
    let next = next_update.map_or(secs(this_update) + NO_NEXT_UPDATE_SECS, secs);
    if !policy.retroactive && secs(at) + TOLERANCE_SECS < secs(this_update) {
        return Err(Unchecked::TooNew { this_update });
    }
    if secs(at).saturating_sub(TOLERANCE_SECS) > next {
        let next_update = DateTime::from_unix_duration(std::time::Duration::from_secs(next)).unwrap_or(this_update);
        return Err(Unchecked::Stale { next_update });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::issue::extension;
    use crate::signature::testkit::{ca_and_signer, crl, issue, ocsp, Answer, Issued, Revocation, Spec};
    use der::asn1::ObjectIdentifier as Oid;

    fn t(y: u16, m: u8, d: u8) -> DateTime {
        DateTime::new(y, m, d, 0, 0, 0).unwrap()
    }

    const SIGNED: (u16, u8, u8) = (2026, 6, 15);

    fn at() -> DateTime {
        t(SIGNED.0, SIGNED.1, SIGNED.2)
    }

    fn evidence(crls: &[Vec<u8>], ocsps: &[Vec<u8>]) -> Evidence {
        let mut e = Evidence::default();
        e.add(crls, ocsps);
        e
    }

    fn signer_status(ca: &Issued, signer: &Issued, e: &Evidence, policy: Policy) -> Status {
        let p = check_path(&[signer.cert(), ca.cert()], e, at(), policy);
        assert_eq!(p.each.len(), 1, "the anchor needs no answer");
        p.each[0].1
    }

    fn strict() -> Policy {
        Policy::default()
    }

    #[test]
    fn a_crl_from_the_issuer_answers_good_or_revoked() {
        let (ca, signer) = ca_and_signer();
        let good = crl(&ca, &ca.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[Revocation { serial: &[9, 9], at: t(2026, 1, 1), reason: Some(1) }], &[]);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[good], &[]), strict()), Status::Good { source: Source::Crl, this_update: t(2026, 6, 1) });

        let serial = signer.cert().serial;
        let before = crl(&ca, &ca.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[Revocation { serial: &serial, at: t(2026, 5, 2), reason: Some(1) }], &[]);
        let s = signer_status(&ca, &signer, &evidence(&[before], &[]), strict());
        assert_eq!(s, Status::Revoked { at: t(2026, 5, 2), reason: Some(Reason::KeyCompromise), source: Source::Crl });
        // A revocation is a fact whatever the list's dates: a list issued
        // long after the signing, which strict freshness would not accept
        // for "good", still tells that the key was revoked.
        let later = crl(&ca, &ca.key, t(2027, 1, 1), Some(t(2027, 2, 1)), &[Revocation { serial: &serial, at: t(2026, 8, 1), reason: None }], &[]);
        let p = check_path(&[signer.cert(), ca.cert()], &evidence(&[later], &[]), at(), strict());
        assert_eq!(p.revoked(), Some(("Department of Testing", t(2026, 8, 1), None)));
        assert_eq!(p.message(Lang::En), "The certificate of Department of Testing was revoked on 2026-08-01 00:00:00 UTC (no reason given)");
    }

    #[test]
    fn a_crl_that_cannot_be_believed_is_no_answer() {
        let (ca, signer) = ca_and_signer();
        let other = issue(&Spec::ca("Test Root CA", 7), None);
        let forged = crl(&ca, &other.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[], &[]);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[forged], &[]), strict()), Status::Unchecked(Unchecked::NoData), "signed by another key");
        let odd = extension(Oid::new_unwrap("1.2.3.4.5"), true, &[5, 0]);
        let unknown_critical = crl(&ca, &ca.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[], &[odd]);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[unknown_critical], &[]), strict()), Status::Unchecked(Unchecked::NoData));
        // deltaCRLIndicator: a delta list alone says nothing of the rest.
        let delta = crl(&ca, &ca.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[], &[extension(Oid::new_unwrap("2.5.29.27"), true, &[2, 1, 1])]);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[delta], &[]), strict()), Status::Unchecked(Unchecked::NoData));
        // onlyContainsCACerts ([2] TRUE): not a list for a signer.
        let cas_only = crl(&ca, &ca.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[], &[extension(Oid::new_unwrap("2.5.29.28"), true, &[0x30, 3, 0x82, 1, 0xff])]);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[cas_only], &[]), strict()), Status::Unchecked(Unchecked::NoData));
        // A CA whose key may not sign CRLs.
        let no_crl_sign = issue(&Spec { key_usage: crate::signature::certificate::KEY_CERT_SIGN, ..Spec::ca("Test Root CA", 1) }, None);
        let list = crl(&ca, &ca.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[], &[]);
        let p = check_path(&[signer.cert(), no_crl_sign.cert()], &evidence(&[list], &[]), at(), strict());
        assert_eq!(p.each[0].1, Status::Unchecked(Unchecked::NoData));
        let mut e = Evidence::default();
        e.add(&[b"not a crl".to_vec()], &[b"nor ocsp".to_vec()]);
        assert_eq!(e.unreadable, 2);
    }

    #[test]
    fn a_good_answer_must_speak_for_the_signing_time() {
        let (ca, signer) = ca_and_signer();
        let stale = crl(&ca, &ca.key, t(2026, 5, 1), Some(t(2026, 6, 1)), &[], &[]);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[stale], &[]), strict()), Status::Unchecked(Unchecked::Stale { next_update: t(2026, 6, 1) }));
        let after = crl(&ca, &ca.key, t(2026, 7, 1), Some(t(2026, 8, 1)), &[], &[]);
        let e = evidence(&[after], &[]);
        assert_eq!(signer_status(&ca, &signer, &e, strict()), Status::Unchecked(Unchecked::TooNew { this_update: t(2026, 7, 1) }));
        assert_eq!(signer_status(&ca, &signer, &e, Policy { retroactive: true }), Status::Good { source: Source::Crl, this_update: t(2026, 7, 1) });
        let p = check_path(&[signer.cert(), ca.cert()], &e, at(), strict());
        assert_eq!(p.message(Lang::En), "Revocation of the certificate of Department of Testing was not checked: its revocation data was issued on 2026-07-01 00:00:00 UTC, after the signing time");
        // An OCSP answer without nextUpdate holds 30 minutes.
        let soon = DateTime::new(2026, 6, 14, 23, 40, 0).unwrap();
        let o = ocsp(&signer, &ca, &ca, &[], Answer::Good, soon, None, soon);
        assert!(matches!(signer_status(&ca, &signer, &evidence(&[], &[o]), strict()), Status::Good { source: Source::Ocsp, .. }));
        let hour = DateTime::new(2026, 6, 14, 22, 0, 0).unwrap();
        let o = ocsp(&signer, &ca, &ca, &[], Answer::Good, hour, None, hour);
        assert!(matches!(signer_status(&ca, &signer, &evidence(&[], &[o]), strict()), Status::Unchecked(Unchecked::Stale { .. })));
        assert_eq!(signer_status(&ca, &signer, &Evidence::default(), strict()), Status::Unchecked(Unchecked::NoData));
    }

    #[test]
    fn ocsp_from_the_ca_or_its_delegated_responder() {
        let (ca, signer) = ca_and_signer();
        let (this, next) = (t(2026, 6, 14), Some(t(2026, 6, 21)));
        let by_ca = ocsp(&signer, &ca, &ca, &[], Answer::Good, this, next, this);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[], &[by_ca]), strict()), Status::Good { source: Source::Ocsp, this_update: this });
        let revoked = ocsp(&signer, &ca, &ca, &[], Answer::Revoked(t(2026, 3, 3), Some(4)), this, next, this);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[], &[revoked]), strict()), Status::Revoked { at: t(2026, 3, 3), reason: Some(Reason::Superseded), source: Source::Ocsp });
        let unknown = ocsp(&signer, &ca, &ca, &[], Answer::Unknown, this, next, this);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[], &[unknown]), strict()), Status::Unchecked(Unchecked::Unknown));

        let delegated = issue(&Spec::responder("Test OCSP", 20), Some(&ca));
        let good = ocsp(&signer, &ca, &delegated, &[&delegated.der], Answer::Good, this, next, this);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[], &[good]), strict()), Status::Good { source: Source::Ocsp, this_update: this });

        // A responder the CA never made one: no id-kp-OCSPSigning.
        let no_eku = issue(&Spec { purposes: &[], ..Spec::responder("Not a responder", 21) }, Some(&ca));
        let o = ocsp(&signer, &ca, &no_eku, &[&no_eku.der], Answer::Good, this, next, this);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[], &[o]), strict()), Status::Unchecked(Unchecked::NoData));
        // A responder under another CA.
        let stranger_ca = issue(&Spec::ca("Stranger CA", 22), None);
        let stranger = issue(&Spec::responder("Stranger OCSP", 23), Some(&stranger_ca));
        let o = ocsp(&signer, &ca, &stranger, &[&stranger.der], Answer::Good, this, next, this);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[], &[o]), strict()), Status::Unchecked(Unchecked::NoData));

        // Without ocsp-nocheck the responder's own status is asked, of the CRLs.
        let checked = issue(&Spec { nocheck: false, ..Spec::responder("Checked OCSP", 24) }, Some(&ca));
        let o = ocsp(&signer, &ca, &checked, &[&checked.der], Answer::Good, this, next, this);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[], &[o.clone()]), strict()), Status::Unchecked(Unchecked::NoData));
        let list = crl(&ca, &ca.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[], &[]);
        assert!(matches!(signer_status(&ca, &signer, &evidence(&[list], &[o.clone()]), strict()), Status::Good { .. }));
        let responder_serial = checked.cert().serial;
        let revoked_responder = crl(&ca, &ca.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[Revocation { serial: &responder_serial, at: t(2026, 2, 1), reason: Some(1) }], &[]);
        let e = evidence(&[revoked_responder], &[o]);
        assert_eq!(e.certificates().count(), 1, "the responder's certificate comes with its answer");
        assert!(matches!(signer_status(&ca, &signer, &e, strict()), Status::Good { source: Source::Crl, .. }), "the CRL still answers; the revoked responder's OCSP does not");

        // An answer about another certificate.
        let other = issue(&Spec::signer("Someone else", "X", 25), Some(&ca));
        let o = ocsp(&other, &ca, &ca, &[], Answer::Good, this, next, this);
        assert_eq!(signer_status(&ca, &signer, &evidence(&[], &[o]), strict()), Status::Unchecked(Unchecked::NoData));
    }

    #[test]
    fn files_of_revocation_data_are_told_apart() {
        let (ca, signer) = ca_and_signer();
        let list = crl(&ca, &ca.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[], &[]);
        assert_eq!(RevocationFile::read(&list), Some(RevocationFile::Crls(vec![list.clone()])));
        let pem = crate::signature::pem::encode("X509 CRL", &list) + &crate::signature::pem::encode("X509 CRL", &list);
        assert_eq!(RevocationFile::read(pem.as_bytes()), Some(RevocationFile::Crls(vec![list.clone(), list])));
        let answer = ocsp(&signer, &ca, &ca, &[], Answer::Good, t(2026, 6, 1), None, t(2026, 6, 1));
        assert_eq!(RevocationFile::read(&answer), Some(RevocationFile::Ocsp(answer.clone())));
        assert_eq!(RevocationFile::read(&ca.der), None, "a certificate is neither");
        assert_eq!(RevocationFile::read(b"hello"), None);
    }

    #[test]
    fn every_link_but_the_anchor_needs_an_answer() {
        let root = issue(&Spec::ca("Test Root CA", 1), None);
        let sub = issue(&Spec::ca("Test Sub CA", 30), Some(&root));
        let signer = issue(&Spec::signer("Department of Testing", "Ministry of Tests", 31), Some(&sub));
        let path = [signer.cert(), sub.cert(), root.cert()];
        let sub_list = crl(&sub, &sub.key, t(2026, 6, 1), Some(t(2026, 7, 1)), &[], &[]);
        let p = check_path(&path, &evidence(&[sub_list.clone()], &[]), at(), strict());
        assert_eq!(p.unchecked(), Some(("Test Sub CA", Unchecked::NoData)));
        assert!(!p.all_good());
        let root_list = crl(&root, &root.key, t(2026, 1, 1), Some(t(2027, 1, 1)), &[], &[]);
        let p = check_path(&path, &evidence(&[sub_list, root_list], &[]), at(), strict());
        assert!(p.all_good() && p.revoked().is_none());
        assert_eq!(p.message(Lang::Th), "ตรวจสอบการเพิกถอนแล้ว: ไม่มีใบรับรองใดถูกเพิกถอน ณ เวลาที่ลงนาม");
        assert!(check_path(&[root.cert()], &Evidence::default(), at(), strict()).all_good(), "a listed certificate alone needs nothing");
    }
}
