//! One verdict on a signed permit PDF, for a citizen: is it genuine, who
//! signed it, and has anything changed since?
//!
//! Every signature is found and checked ([`crate::pdf`]: ByteRange and what
//! came after; [`crate::signature`]: the CMS; [`crate::trust`]: the chain;
//! [`crate::revocation`]: the chain's status at the signing time, from the
//! document's DSS and the signature's own revocation data), then the worst
//! finding decides: invalid, revoked, modified, untrusted, then "revocation
//! not checked". Each signature also gets its ETSI EN 319 102-1 indication.
//! The permit register, when given, can still say the permit is revoked.

pub use der::DateTime;
pub use crate::signature::asn1::show_time;
use serde_json::{json, Value};

use eservice_base::hash::{hex, Digest};
use eservice_base::lang::Lang;
use eservice_base::thai_date::{iso_thai, readable_time};

use crate::pdf::byte_range::Stated;
use crate::pdf::changes::{self, ChangeProblem, Later};
use crate::pdf::objects::{scan, Section};
use crate::pdf::{dss, find_signatures_in, ByteRangeProblem, SignatureLocation};
use crate::register::{Permit, Register};
use crate::revocation::{check_path, Evidence, PathStatus};
use crate::signature::cms::{self, CmsProblem, Content};
use crate::signature::Certificate;
use crate::trust::{check_chain, check_national, check_tsa, ChainProblem, NationalSigner, TrustList, Trusted};

/// The answer for the whole document, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// A signature is broken: its bytes or value do not check.
    Invalid,
    /// A certificate of the signer's chain was revoked before the signing
    /// time, or before any time the signature is proven to have existed.
    Revoked,
    /// Signed, but changed after signing in a way that is not allowed.
    Modified,
    /// Sound signatures, but a signer is not on the trust list.
    Untrusted,
    /// No signature at all.
    NotSigned,
    /// Intact, and the chain reaches the list or the national root, but
    /// the document carries no usable answer on whether a certificate of
    /// that chain was revoked.
    RevocationUnchecked,
    /// Sound signatures whose signer chains to a national root, though no
    /// agency on this site's list vouches for it.
    ValidNational,
    Valid,
}

impl Verdict {
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Invalid => "invalid",
            Verdict::Revoked => "revoked",
            Verdict::RevocationUnchecked => "revocation-unchecked",
            Verdict::Modified => "modified",
            Verdict::Untrusted => "untrusted",
            Verdict::NotSigned => "not-signed",
            Verdict::ValidNational => "valid-national",
            Verdict::Valid => "valid",
        }
    }

    pub fn headline(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Valid => lang.pick("ลายมือชื่อถูกต้อง และเอกสารไม่ถูกแก้ไขหลังลงนาม", "Valid signature; unchanged since signing"),
            Verdict::Modified => lang.pick("ลงนามแล้ว แต่เอกสารถูกแก้ไขหลังลงนาม", "Signed, but changed after signing"),
            Verdict::Invalid => lang.pick("ลายมือชื่อไม่ถูกต้อง", "The signature is not valid"),
            Verdict::Revoked => lang.pick("ใบรับรองของผู้ลงนามถูกเพิกถอนก่อนการลงนาม", "The signer's certificate was revoked before signing"),
            Verdict::RevocationUnchecked => lang.pick(
                "ลายมือชื่อไม่ถูกแก้ไขและสายใบรับรองถูกต้อง แต่ยังไม่ได้ตรวจสอบการเพิกถอนใบรับรอง",
                "Signature intact and chain OK, but revocation not checked",
            ),
            Verdict::Untrusted => lang.pick("ผู้ลงนามไม่อยู่ในรายชื่อหน่วยงานที่เชื่อถือ", "Signed by a signer not on the trust list"),
            Verdict::NotSigned => lang.pick("เอกสารนี้ไม่มีลายมือชื่ออิเล็กทรอนิกส์", "This document is not signed"),
            Verdict::ValidNational => lang.pick(
                "ลายมือชื่อถูกต้องภายใต้ใบรับรองหลักแห่งชาติ และเอกสารไม่ถูกแก้ไขหลังลงนาม แต่เว็บไซต์นี้ไม่ได้ระบุผู้ลงนามเป็นหน่วยงาน",
                "Valid signature under Thailand's national root, unchanged since signing; this site does not list the signer as an agency",
            ),
        }
    }
}

/// Why one signature is invalid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    ByteRange(ByteRangeProblem),
    Cms(CmsProblem),
    /// A `/SubFilter` this kit does not verify (e.g. `adbe.pkcs7.sha1`).
    SubFilter(String),
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::ByteRange(p) => p.message(lang).to_owned(),
            Problem::SubFilter(s) => match lang {
                Lang::Th => format!("รูปแบบลายมือชื่อ {s} ไม่รองรับ"),
                Lang::En => format!("The signature format {s} is not supported"),
            },
            Problem::Cms(p) => p.message(lang),
        }
    }
}


/// Where the time used for the chain came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeSource {
    /// A time-stamp authority's token.
    TimeStamp,
    /// What the signer's computer said (signingTime or `/M`).
    Claimed,
    /// No time in the signature: the time of checking.
    Now,
}

/// One signature's findings.
#[derive(Clone, Debug, Default)]
pub struct SignatureReport {
    pub is_timestamp: bool,
    pub sub_filter: Option<String>,
    pub problem: Option<Problem>,
    pub signer: Option<Certificate>,
    /// The chain to the trust list, for a signature that verifies.
    pub trust: Option<Result<Trusted, ChainProblem>>,
    /// For a signer on no agency's list (`trust` is `NotListed`): its chain
    /// to a national root, when it has one.
    pub national: Option<NationalSigner>,
    pub time: Option<(DateTime, TimeSource)>,
    /// The dictionary's `/Name`, `/Reason`, `/Location`, `/ContactInfo`.
    pub stated: Stated,
    /// e.g. "ECDSA P-256, SHA-256".
    pub algorithm: Option<String>,
    pub byte_range: Option<[usize; 4]>,
    /// The end of the revision it signs: "open the signed version".
    pub revision_end: Option<usize>,
    pub later: Later,
    /// DocMDP level of a certification signature; 1 allows no change.
    pub certification: Option<u8>,
    /// Bytes after the signed revision that no revision holds: only
    /// comments and whitespace (anything else is a revision, or junk).
    pub uncovered_comments: Option<usize>,
    /// The chain's revocation status at the signing time, once the chain
    /// reached an anchor.
    pub revocation: Option<PathStatus>,
    /// A time-stamp token over the signature value; for a document
    /// time-stamp, its own token.
    pub stamp: Option<Stamp>,
    /// Proof of existence from a later document time-stamp whose authority
    /// is trusted (PAdES B-LTA): the signature existed by then.
    pub poe: Option<DateTime>,
}

/// A signature time-stamp: its time, its authority, and whether that
/// authority chains to an anchor (only then is the time proof).
#[derive(Clone, Debug)]
pub struct Stamp {
    pub time: DateTime,
    pub authority: String,
    pub trust: Result<(), ChainProblem>,
}

impl SignatureReport {
    pub fn verdict(&self) -> Verdict {
        if self.problem.is_some() {
            Verdict::Invalid
        } else if self.revoked().is_some() {
            Verdict::Revoked
        } else if !self.later.problems.is_empty() {
            Verdict::Modified
        } else if self.is_timestamp {
            Verdict::Valid
        } else if self.national.is_none() && matches!(self.trust, Some(Err(_))) {
            Verdict::Untrusted
        } else if self.revocation.as_ref().is_some_and(|r| r.unchecked().is_some()) {
            Verdict::RevocationUnchecked
        } else if self.national.is_some() {
            Verdict::ValidNational
        } else {
            Verdict::Valid
        }
    }

    /// A revocation that counts against the signature: on or before its
    /// time, or at any time when that time is only the signer's claim
    /// (nothing proves the signature existed before the revocation).
    /// `proven` tells which.
    pub fn revoked(&self) -> Option<Revocation<'_>> {
        let (who, at, reason) = self.revocation.as_ref()?.revoked()?;
        let (time, source) = self.time?;
        let before = at <= time;
        let proven_earlier = source == TimeSource::TimeStamp || self.poe.is_some_and(|p| p < at);
        (before || !proven_earlier).then_some(Revocation { who, at, reason, before_signing: before })
    }

    /// What a person reads about the chain's revocation: revoked before
    /// signing or without proof of time, revoked only after a proven signing
    /// time, checked, or not checked and why.
    pub fn revocation_message(&self, lang: Lang) -> Option<String> {
        let status = self.revocation.as_ref()?;
        if let Some(r) = self.revoked() {
            return Some(r.message(lang));
        }
        if let Some((who, at, _)) = status.revoked() {
            let at = readable_time(at, lang);
            return Some(match lang {
                Lang::Th => format!("ใบรับรองของ {who} ถูกเพิกถอนเมื่อ {at} หลังเวลาลงนามที่ตราประทับเวลายืนยัน ลายมือชื่อนี้จึงยังใช้ได้"),
                Lang::En => format!("The certificate of {who} was revoked on {at}, after the time-stamped signing time: the signature stands"),
            });
        }
        Some(status.message(lang))
    }

    /// The EN 319 102-1 indication and sub-indication: what EU DSS and
    /// pyHanko's AdES validation report.
    pub fn indication(&self) -> (&'static str, Option<&'static str>) {
        const PASSED: &str = "TOTAL-PASSED";
        const FAILED: &str = "TOTAL-FAILED";
        const INDETERMINATE: &str = "INDETERMINATE";
        if let Some(p) = &self.problem {
            return match p {
                Problem::ByteRange(_) | Problem::Cms(CmsProblem::DigestMismatch) => (FAILED, Some("HASH_FAILURE")),
                Problem::Cms(CmsProblem::BadSignature) => (FAILED, Some("SIG_CRYPTO_FAILURE")),
                Problem::Cms(CmsProblem::SignerCertificateMissing | CmsProblem::SigningCertificateMismatch) => (INDETERMINATE, Some("NO_SIGNING_CERTIFICATE_FOUND")),
                Problem::Cms(CmsProblem::Algorithm(_)) => (INDETERMINATE, Some("CRYPTO_CONSTRAINTS_FAILURE_NO_POE")),
                Problem::Cms(_) | Problem::SubFilter(_) => (FAILED, Some("FORMAT_FAILURE")),
            };
        }
        if let Some(r) = self.revoked() {
            return if r.before_signing { (FAILED, Some("REVOKED")) } else { (INDETERMINATE, Some("REVOKED_NO_POE")) };
        }
        if self.is_timestamp {
            return (PASSED, None);
        }
        match &self.trust {
            Some(Err(ChainProblem::NotListed)) if self.national.is_none() => return (INDETERMINATE, Some("NO_CERTIFICATE_CHAIN_FOUND")),
            Some(Err(ChainProblem::Expired { .. })) => return (INDETERMINATE, Some("OUT_OF_BOUNDS_NO_POE")),
            Some(Err(ChainProblem::NotListed)) => {}
            Some(Err(_)) => return (INDETERMINATE, Some("CHAIN_CONSTRAINTS_FAILURE")),
            _ => {}
        }
        if self.revocation.as_ref().is_some_and(|r| r.unchecked().is_some()) {
            return (INDETERMINATE, Some("TRY_LATER"));
        }
        (PASSED, None)
    }
}

/// A revoked certificate in a signer's chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revocation<'a> {
    pub who: &'a str,
    pub at: DateTime,
    pub reason: Option<crate::signature::crl::Reason>,
    /// Revoked on or before the signing time; otherwise revoked after the
    /// time the signer claimed, which nothing proves.
    pub before_signing: bool,
}

impl Revocation<'_> {
    pub fn message(&self, lang: Lang) -> String {
        let why = self.reason.map_or_else(|| lang.pick("ไม่ระบุเหตุผล", "no reason given"), |r| r.message(lang));
        let at = readable_time(self.at, lang);
        match (self.before_signing, lang) {
            (true, Lang::Th) => format!("ใบรับรองของ {} ถูกเพิกถอนเมื่อ {at} ก่อนเวลาที่ลงนาม ({why})", self.who),
            (true, Lang::En) => format!("The certificate of {} was revoked on {at}, before the signing time ({why})", self.who),
            (false, Lang::Th) => format!("ใบรับรองของ {} ถูกเพิกถอนเมื่อ {at} และไม่มีตราประทับเวลาที่เชื่อถือได้ยืนยันว่าลงนามก่อนนั้น ({why})", self.who),
            (false, Lang::En) => format!("The certificate of {} was revoked on {at}, and no trusted time-stamp proves the signature was made before that ({why})", self.who),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Report {
    pub verdict: Verdict,
    pub sha256: Digest,
    pub size: usize,
    pub signatures: Vec<SignatureReport>,
    /// The register's entry for this exact file, when a register was given.
    pub permit: Option<Permit>,
    pub register_given: bool,
}

impl Report {
    /// Whether the register says this permit may not be relied on.
    pub fn withdrawn(&self) -> bool {
        self.permit.as_ref().is_some_and(|p| p.status != crate::register::Status::Valid)
    }

    /// Valid, trusted, unmodified, revocation checked, and not withdrawn:
    /// `eservice verify`'s 0.
    pub fn passes(&self) -> bool {
        self.verdict == Verdict::Valid && !self.withdrawn()
    }

    /// As [`Report::passes`], but a signature whose revocation could not be
    /// checked passes too, when its chain reaches an agency on the list:
    /// what backends that want the kit's earlier behaviour ask for.
    pub fn passes_unchecked_revocation(&self) -> bool {
        let listed = |s: &SignatureReport| s.is_timestamp || matches!(s.trust, Some(Ok(_)));
        !self.withdrawn()
            && (self.verdict == Verdict::Valid || (self.verdict == Verdict::RevocationUnchecked && self.signatures.iter().all(|s| s.verdict() >= Verdict::RevocationUnchecked && listed(s))))
    }

    /// The agency that signed, for the headline.
    pub fn signed_by(&self) -> Option<&Trusted> {
        self.signatures.iter().filter(|s| !s.is_timestamp).find_map(|s| s.trust.as_ref()?.as_ref().ok())
    }

    /// The bytes at the end of the file that no signature covers, when they
    /// are comments or whitespace only (an appended `% …` line, say).
    pub fn uncovered_comments(&self) -> Option<usize> {
        self.signatures.iter().filter_map(|s| s.uncovered_comments).min()
    }

    /// The verdict's headline, saying so when the file ends with bytes no
    /// signature covers: they change nothing shown, but they are not signed.
    pub fn headline(&self, lang: Lang) -> String {
        let head = self.verdict.headline(lang);
        match (self.uncovered_comments(), lang) {
            (None, _) => head.to_owned(),
            (Some(n), Lang::Th) => format!("{head} แต่ท้ายไฟล์มีข้อมูล {n} ไบต์ที่ลายมือชื่อไม่ครอบคลุม (เป็นหมายเหตุหรือช่องว่างเท่านั้น ไม่เปลี่ยนเนื้อหาที่แสดง)"),
            (Some(n), Lang::En) => format!("{head}; but the file ends with {n} bytes no signature covers (comments or whitespace only, changing nothing shown)"),
        }
    }

    /// Who signed, as the national PKI vouches for them, when no agency on
    /// the list does.
    pub fn national_signer(&self) -> Option<&NationalSigner> {
        self.signatures.iter().filter(|s| !s.is_timestamp).find_map(|s| s.national.as_ref())
    }

    /// The signed version to show: the revision the first signature signed.
    pub fn signed_revision_end(&self) -> Option<usize> {
        self.signatures.iter().find(|s| s.problem.is_none() && !s.is_timestamp).or(self.signatures.first())?.revision_end
    }
}

/// Checks everything about `pdf`. `now` is used when a signature holds no
/// time of its own.
pub fn verify(pdf: &[u8], trust: &TrustList, register: Option<&Register>, now: DateTime) -> Report {
    let extra = trust.certificates();
    // One scan of the file serves finding the signatures and judging what
    // came after each of them.
    let doc = scan(pdf, 0, pdf.len());
    let found = find_signatures_in(pdf, &doc);
    let ranges: Vec<Option<[usize; 4]>> = found.iter().map(|f| f.as_ref().ok().map(|l| l.byte_range)).collect();
    let (sha256, signed_sha256) = hash_once(pdf, &ranges);
    // Where the last revision ends: bytes after it belong to none.
    let last_revision_end = crate::pdf::revisions(pdf).last().copied().unwrap_or(0);
    // The document's validation data serves every signature in it.
    let store = dss::read(pdf, &doc);
    let mut evidence = Evidence::default();
    evidence.add(&store.crls, &store.ocsps);
    let extra: Vec<Certificate> = extra
        .into_iter()
        .chain(store.certs.iter().filter_map(|c| Certificate::from_der(c).ok()))
        .chain(evidence.certificates().cloned())
        .collect();
    let mut signatures: Vec<SignatureReport> = found
        .into_iter()
        .zip(signed_sha256)
        .map(|(f, known)| match f {
            Ok(loc) => check_one(pdf, &doc, &loc, Checking { trust, extra: &extra, evidence: &evidence, last_revision_end, now }, known),
            Err(p) => SignatureReport { problem: Some(Problem::ByteRange(p)), ..Default::default() },
        })
        .collect();
    // A trusted document time-stamp after a signature proves it existed
    // by the stamp's time (B-LTA), whatever its signer claimed.
    for i in 0..signatures.len() {
        let poe = signatures[i + 1..]
            .iter()
            .filter(|s| s.is_timestamp && s.problem.is_none())
            .filter_map(|s| s.stamp.as_ref().filter(|st| st.trust.is_ok()).map(|st| st.time))
            .min();
        signatures[i].poe = poe;
    }
    // A certification that allows no change is broken by any later
    // signature, not only by other changes.
    let sig_count = signatures.len();
    for (i, s) in signatures.iter_mut().enumerate() {
        if s.certification == Some(1) && s.later.signatures > 0 && i + 1 < sig_count {
            s.later.problems.push(ChangeProblem::Changed { num: 0, kind: "DocMDP P=1".into() });
        }
    }
    let verdict = signatures.iter().map(SignatureReport::verdict).min().unwrap_or(Verdict::NotSigned);
    Report {
        verdict,
        sha256,
        size: pdf.len(),
        permit: register.and_then(|r| r.by_hash(&sha256)).cloned(),
        register_given: register.is_some(),
        signatures,
    }
}

/// The SHA-256 of the whole file, and of what each signature signs (its
/// `ByteRange`: from the start to its `/Contents`, then from there to the
/// end of its revision), in one pass: each signature's hash forks from
/// the file's where its `/Contents` begins. A range of another shape gets
/// `None`, and is hashed on its own.
fn hash_once(pdf: &[u8], ranges: &[Option<[usize; 4]>]) -> (Digest, Vec<Option<[u8; 32]>>) {
    use sha2::{Digest as _, Sha256};
    let mut forks: Vec<(usize, usize)> = ranges
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match *r {
            Some([0, b, c, d]) if b <= c && c.checked_add(d).is_some_and(|e| e <= pdf.len()) => Some((b, i)),
            _ => None,
        })
        .collect();
    forks.sort_unstable();
    let mut out = vec![None; ranges.len()];
    let (mut file, mut at) = (Sha256::new(), 0);
    for (hole, i) in forks {
        let [_, _, c, d] = ranges[i].unwrap_or_default();
        file.update(&pdf[at..hole]);
        at = hole;
        let mut signed = file.clone();
        signed.update(&pdf[c..c + d]);
        out[i] = Some(signed.finalize().into());
    }
    file.update(&pdf[at..]);
    (Digest(file.finalize().into()), out)
}

/// What every signature of a document is checked against.
#[derive(Clone, Copy)]
struct Checking<'a> {
    trust: &'a TrustList,
    /// Certificates from the trust list, the DSS and OCSP answers.
    extra: &'a [Certificate],
    /// The DSS's CRLs and OCSP answers.
    evidence: &'a Evidence,
    last_revision_end: usize,
    now: DateTime,
}

fn check_one(pdf: &[u8], doc: &Section, loc: &SignatureLocation, with: Checking<'_>, known_sha256: Option<[u8; 32]>) -> SignatureReport {
    let Checking { trust, extra, evidence, last_revision_end, now } = with;
    let parts = loc.signed_parts(pdf);
    let later = if loc.covers_whole_file { Later::default() } else { changes::after(pdf, doc, loc.revision_end) };
    // After the last revision (a DSS or another signature may come between,
    // judged as changes).
    let tail = pdf.get(loc.revision_end.max(last_revision_end)..).unwrap_or_default();
    // Only whitespace and comments, as the lexer skips them between objects.
    let uncovered_comments = (!tail.is_empty() && crate::pdf::lexer::skip_space(tail, 0) == tail.len()).then_some(tail.len());
    let mut report = SignatureReport {
        is_timestamp: loc.is_timestamp,
        sub_filter: loc.sub_filter.clone(),
        byte_range: Some(loc.byte_range),
        revision_end: Some(loc.revision_end),
        later,
        certification: loc.docmdp,
        stated: loc.stated.clone(),
        uncovered_comments,
        ..Default::default()
    };
    let content = match loc.sub_filter.as_deref() {
        Some("ETSI.RFC3161") => Content::TimeStamp(&parts),
        Some("adbe.pkcs7.detached" | "ETSI.CAdES.detached") | None => match known_sha256 {
            Some(h) => Content::DetachedSha256(&parts, h),
            None => Content::Detached(&parts),
        },
        Some(other) => {
            report.problem = Some(Problem::SubFilter(other.to_owned()));
            return report;
        }
    };
    match cms::verify(&loc.contents, content, extra) {
        Err(p) => report.problem = Some(Problem::Cms(p)),
        Ok(v) => {
            // A time-stamp token is a third party's word; signingTime and
            // `/M` are the signer's own (both signed). PAdES puts the time in
            // `/M` and leaves signingTime out; where a signer wrote both,
            // the CMS attribute is the one its signature value covers
            // directly, so it goes first.
            let stated = loc.stated_time.as_deref().and_then(pdf_date);
            let pool: Vec<Certificate> = v.certificates.iter().chain(extra).cloned().collect();
            // A token's time is proof only when its authority chains to an
            // anchor; otherwise the signer's own claim stands.
            // A document time-stamp is itself such a token.
            let token = if loc.is_timestamp { Some(&v) } else { v.stamp.as_deref() };
            report.stamp = token.and_then(|st| {
                let time = st.timestamp?;
                let tsa_pool: Vec<Certificate> = st.certificates.iter().chain(&pool).cloned().collect();
                Some(Stamp { time, authority: st.signer.display_name(), trust: check_tsa(&st.signer, &tsa_pool, trust, time).map(|_| ()) })
            });
            let proven = report.stamp.as_ref().filter(|st| st.trust.is_ok()).map(|st| st.time);
            let time = match (v.timestamp.or(proven), v.claimed_time.or(stated)) {
                (Some(t), _) => (t, TimeSource::TimeStamp),
                (None, Some(t)) => (t, TimeSource::Claimed),
                (None, None) => (now, TimeSource::Now),
            };
            report.algorithm = Some(format!("{} {}, {}", v.algorithm.name(), v.key, v.algorithm.hash(v.digest).name()));
            let chain = check_chain(&v.signer, &pool, trust, time.0);
            if chain == Err(ChainProblem::NotListed) {
                report.national = check_national(&v.signer, &pool, trust, time.0).ok();
            }
            let path = match (&chain, &report.national) {
                (Ok(t), _) => Some(&t.chain),
                (_, Some(n)) => Some(&n.chain),
                _ => None,
            };
            if let Some(path) = path.filter(|_| !loc.is_timestamp) {
                let mut own = evidence.clone();
                own.add(&v.revocation.crls, &v.revocation.ocsps);
                report.revocation = Some(check_path(path, &own, time.0, trust.revocation));
            }
            report.trust = Some(chain);
            report.time = Some(time);
            report.signer = Some(v.signer);
        }
    }
    report
}

/// A PDF date `D:YYYYMMDDHHmmSS+07'00'` (§7.9.4; decoded from its text
/// string first), in UTC.
pub fn pdf_date(s: &str) -> Option<DateTime> {
    let s = s.trim().as_bytes();
    let s = s.strip_prefix(b"D:").unwrap_or(s);
    let num = |r: std::ops::Range<usize>| -> Option<u16> {
        let d = s.get(r)?;
        d.iter().all(u8::is_ascii_digit).then(|| d.iter().fold(0u16, |a, x| a * 10 + (x - b'0') as u16))
    };
    let or = |r: std::ops::Range<usize>, d: u16| if s.len() >= r.end { num(r) } else { Some(d) };
    let (y, mo, d) = (num(0..4)?, or(4..6, 1)?, or(6..8, 1)?);
    let (h, mi, sec) = (or(8..10, 0)?, or(10..12, 0)?, or(12..14, 0)?);
    let local = DateTime::new(y, mo as u8, d as u8, h as u8, mi as u8, sec as u8).ok()?;
    let offset = match s.get(14) {
        Some(sign @ (b'+' | b'-')) => {
            let oh = num(15..17)? as i64;
            let om = s.get(18..20).and_then(|m| std::str::from_utf8(m).ok()?.parse::<i64>().ok()).unwrap_or(0);
            (oh * 3600 + om * 60) * if *sign == b'+' { 1 } else { -1 }
        }
        _ => 0,
    };
    let unix = local.unix_duration().as_secs() as i64 - offset;
    DateTime::from_unix_duration(std::time::Duration::from_secs(u64::try_from(unix).ok()?)).ok()
}

/// One certificate's revocation status, for machines.
fn status_json(who: &str, st: &crate::revocation::Status) -> Value {
    use crate::revocation::Status;
    match st {
        Status::Good { source, this_update } => json!({"name": who, "status": "good", "source": source.key(), "thisUpdate": this_update.to_string()}),
        Status::Revoked { at, reason, source } => json!({"name": who, "status": "revoked", "source": source.key(), "revokedAt": at.to_string(), "reason": reason.map(|r| r.key())}),
        Status::Unchecked(u) => json!({"name": who, "status": "unchecked", "why": u.key()}),
    }
}

/// A signer under a national root: who (as its certificate says), the
/// root, and the path.
fn national_json(n: &NationalSigner, lang: Lang) -> Value {
    json!({"who": n.who(), "organization": n.organisation, "organizationIdentifier": n.identifier, "root": n.root.get(lang), "path": n.path})
}


impl Report {
    /// The report for machines (`eservice verify --json`) and the page.
    pub fn to_json(&self, lang: Lang) -> Value {
        let sigs: Vec<Value> = self
            .signatures
            .iter()
            .map(|s| {
                let trust = match &s.trust {
                    Some(Ok(t)) => json!({"trusted": true, "agency": {"th": t.agency.get(Lang::Th), "en": t.agency.get(Lang::En)}, "path": t.path}),
                    Some(Err(p)) => json!({"trusted": false, "reason": p.message(lang)}),
                    None => Value::Null,
                };
                let (indication, sub_indication) = s.indication();
                json!({
                    "verdict": s.verdict().key(),
                    "indication": indication,
                    "subIndication": sub_indication,
                    "revocation": s.revocation.as_ref().map(|r| json!({
                        "checked": r.unchecked().is_none(),
                        "message": s.revocation_message(lang),
                        "certificates": r.each.iter().map(|(who, st)| status_json(who, st)).collect::<Vec<_>>(),
                    })),
                    "proofOfExistence": s.poe.map(|t| t.to_string()),
                    "timestamp": s.stamp.as_ref().map(|st| json!({
                        "time": st.time.to_string(), "authority": st.authority, "trusted": st.trust.is_ok(),
                        "reason": st.trust.as_ref().err().map(|p| p.message(lang)),
                    })),
                    "kind": if s.is_timestamp { "document-timestamp" } else { "signature" },
                    "subFilter": s.sub_filter,
                    "problem": s.problem.as_ref().map(|p| p.message(lang)),
                    "signer": s.signer.as_ref().map(|c| json!({"name": c.display_name(), "organization": c.organization, "serial": hex(&c.serial), "sha256": c.fingerprint()})),
                    "trust": trust,
                    "national": s.national.as_ref().map(|n| national_json(n, lang)),
                    // `utc` as before; `iso` (UTC) and `thailand` (+07:00) for
                    // machines; `shown` in Thai time for people, in `lang`.
                    "time": s.time.map(|(t, src)| json!({
                        "utc": show_time(t), "iso": t.to_string(), "thailand": iso_thai(t.unix_duration().as_secs()), "shown": readable_time(t, lang),
                        "source": match src { TimeSource::TimeStamp => "timestamp", TimeSource::Claimed => "claimed", TimeSource::Now => "verification-time" },
                    })),
                    "stated": {"name": s.stated.name, "reason": s.stated.reason, "location": s.stated.location, "contactInfo": s.stated.contact_info},
                    "algorithm": s.algorithm,
                    "byteRange": s.byte_range,
                    "signedRevisionEnd": s.revision_end,
                    "coversWholeFile": s.revision_end == Some(self.size),
                    "laterSignatures": s.later.signatures,
                    "laterTimestamps": s.later.timestamps,
                    "laterValidationData": s.later.dss,
                    "modifications": s.later.problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>(),
                    "certificationLevel": s.certification,
                })
            })
            .collect();
        json!({
            "verdict": self.verdict.key(),
            "headline": self.headline(lang),
            "uncoveredComments": self.uncovered_comments(),
            "passes": self.passes(),
            "sha256": self.sha256.hex(),
            "bytes": self.size,
            "signedRevisionEnd": self.signed_revision_end(),
            "signatures": sigs,
            "national": self.national_signer().map(|n| national_json(n, lang)),
            "register": if self.register_given {
                match &self.permit {
                    Some(p) => json!({"found": true, "number": p.number, "holder": p.holder, "type": p.kind, "issued": p.issued, "expires": p.expires, "status": p.status.key()}),
                    None => json!({"found": false}),
                }
            } else { Value::Null },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::testkit::{ca_and_signer, crl, Issued};
    use crate::signature::writer::signed_data;
    use eservice_base::hash::Sha256Stream;

    const PLACEHOLDER: usize = 4096;

    /// Writes `body` + a signature dictionary for a fresh revision, then
    /// signs it: the way a signer fills in /ByteRange and /Contents.
    fn sign_revision(pdf: Vec<u8>, sig_obj: u32, extra_dict: &str, signer: &Issued, chain: &[Vec<u8>]) -> Vec<u8> {
        sign_revision_with(pdf, sig_obj, &format!("{extra_dict}/M (D:20261127100000+07'00') "), signer, chain)
    }

    /// The same, with `dict` instead of the usual `/M`.
    fn sign_revision_with(pdf: Vec<u8>, sig_obj: u32, dict: &str, signer: &Issued, chain: &[Vec<u8>]) -> Vec<u8> {
        signed_revision(pdf, sig_obj, &format!("/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached {dict}"), |parts| {
            signed_data(parts, &signer.key, &signer.der, chain, &test_ca_crl()).unwrap()
        })
    }

    /// A fresh revision with a signature dictionary (`dict`, then
    /// /ByteRange and /Contents), whose contents `contents` makes of the
    /// bytes the range covers.
    fn signed_revision(mut pdf: Vec<u8>, sig_obj: u32, dict: &str, contents: impl FnOnce(&[&[u8]]) -> Vec<u8>) -> Vec<u8> {
        pdf.extend_from_slice(format!("{sig_obj} 0 obj\n<< {dict}/ByteRange [0 AAAAAAAAAA BBBBBBBBBB CCCCCCCCCC] /Contents <").as_bytes());
        let b = pdf.len() - 1;
        pdf.extend_from_slice(&vec![b'0'; PLACEHOLDER * 2]);
        pdf.extend_from_slice(b">");
        let c = pdf.len();
        pdf.extend_from_slice(format!(" >>\nendobj\ntrailer\n<< /Root 1 0 R /Size {} >>\n%%EOF\n", sig_obj + 1).as_bytes());
        let total = pdf.len();
        for (ph, v) in [("AAAAAAAAAA", b), ("BBBBBBBBBB", c), ("CCCCCCCCCC", total - c)] {
            let at = pdf.windows(10).rposition(|w| w == ph.as_bytes()).unwrap();
            pdf[at..at + 10].copy_from_slice(format!("{v:<10}").as_bytes());
        }
        let cms = contents(&[&pdf[..b], &pdf[c..]]);
        let hex: String = cms.iter().map(|x| format!("{x:02x}")).collect();
        pdf[b + 1..b + 1 + hex.len()].copy_from_slice(hex.as_bytes());
        pdf
    }

    /// The test CA's CRL for November and December 2026, revoking no one:
    /// what a signer of these tests signs in, so revocation is checked.
    fn test_ca_crl() -> crate::signature::cms::Revocation {
        let ca = ca_and_signer().0;
        let list = crl(&ca, &ca.key, DateTime::new(2026, 11, 1, 0, 0, 0).unwrap(), Some(DateTime::new(2026, 12, 31, 0, 0, 0).unwrap()), &[], &[]);
        crate::signature::cms::Revocation { crls: vec![list], ocsps: Vec::new() }
    }

    fn base() -> Vec<u8> {
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Annots [4 0 R] >>\nendobj\n4 0 obj\n<< /FT /Sig /Type /Annot /Subtype /Widget /T (Permit) /V 6 0 R /Rect [0 0 0 0] /P 3 0 R >>\nendobj\n5 0 obj\n<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Permit 001) Tj ET\nendstream\nendobj\n".to_vec()
    }

    fn list(ca: &Issued) -> TrustList {
        TrustList { agencies: vec![crate::trust::Agency { name: eservice_base::LocalText::new("กรมทดสอบ", "Department of Testing"), certificates: vec![Certificate::from_der(&ca.der).unwrap()] }], national: Vec::new(), ..Default::default() }
    }

    fn now() -> DateTime {
        DateTime::new(2026, 11, 27, 3, 0, 0).unwrap()
    }

    #[test]
    fn a_signed_permit_is_valid_and_names_its_agency() {
        let (ca, signer) = ca_and_signer();
        let pdf = sign_revision(base(), 6, "", &signer, std::slice::from_ref(&ca.der));
        let r = verify(&pdf, &list(&ca), None, now());
        assert_eq!(r.verdict, Verdict::Valid, "{:?}", r.signatures[0]);
        assert!(r.passes());
        assert_eq!(r.signed_by().unwrap().agency.get(Lang::Th), "กรมทดสอบ");
        let s = &r.signatures[0];
        assert_eq!(s.algorithm.as_deref(), Some("ECDSA P-256, SHA-256"));
        assert_eq!(s.time.unwrap(), (DateTime::new(2026, 11, 27, 3, 0, 0).unwrap(), TimeSource::Claimed));
        assert_eq!(r.signed_revision_end(), Some(pdf.len()));
        // Another trust list: sound, but not trusted.
        let r = verify(&pdf, &TrustList::default(), None, now());
        assert_eq!(r.verdict, Verdict::Untrusted);
        assert!(!r.passes());
        assert_eq!(verify(&base(), &list(&ca), None, now()).verdict, Verdict::NotSigned);
    }

    #[test]
    fn one_pass_gives_the_file_hash_and_each_signed_hash() {
        let pdf: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
        let naive = |r: [usize; 4]| crate::signature::DigestAlg::Sha256.hash(&[&pdf[r[0]..r[0] + r[1]], &pdf[r[2]..r[2] + r[3]]]);
        // Two signatures, listed out of file order; one range not from the
        // start, one past the end: those two are hashed on their own.
        let ranges = [Some([0, 3000, 3100, 1900]), Some([0, 1000, 1100, 900]), Some([5, 10, 20, 5]), Some([0, 10, 20, 4990]), None];
        let (file, signed) = hash_once(&pdf, &ranges);
        assert_eq!(file, Sha256Stream::digest(&pdf));
        assert_eq!(signed[0].map(|h| h.to_vec()), Some(naive([0, 3000, 3100, 1900])));
        assert_eq!(signed[1].map(|h| h.to_vec()), Some(naive([0, 1000, 1100, 900])));
        assert_eq!(&signed[2..], &[None, None, None]);
    }

    /// A document time-stamp from `tsa` at `at`, in a revision of its own.
    fn doc_timestamp(pdf: Vec<u8>, obj: u32, tsa: &Issued, at: DateTime) -> Vec<u8> {
        signed_revision(pdf, obj, "/Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 ", |parts| {
            let request = crate::signature::tsp::request(parts, &[1]);
            crate::signature::tsp::token(&crate::signature::testkit::tsa_answer(tsa, &request, at), parts, &[1]).unwrap()
        })
    }

    #[test]
    fn a_trusted_document_time_stamp_proves_the_signature_came_before_a_revocation() {
        let (ca, signer) = ca_and_signer();
        let t = |h| DateTime::new(2026, 11, 27, h, 0, 0).unwrap();
        // Signed at 03:00 by its own claim; the CA revoked the key at 05:00.
        let serial = Certificate::from_der(&signer.der).unwrap().serial;
        let revoking = crl(&ca, &ca.key, t(6), Some(DateTime::new(2026, 12, 27, 0, 0, 0).unwrap()), &[crate::signature::testkit::Revocation { serial: &serial, at: t(5), reason: Some(1) }], &[]);
        let revocation = crate::signature::cms::Revocation { crls: vec![revoking], ocsps: Vec::new() };
        let signed = signed_revision(base(), 6, "/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:20261127100000+07'00') ", |parts| {
            signed_data(parts, &signer.key, &signer.der, std::slice::from_ref(&ca.der), &revocation).unwrap()
        });
        let r = verify(&signed, &list(&ca), None, t(8));
        assert_eq!((r.verdict, r.signatures[0].indication()), (Verdict::Revoked, ("INDETERMINATE", Some("REVOKED_NO_POE"))));

        // A time-stamp authority under the listed CA stamps the document at 04:00.
        let authority = crate::signature::testkit::tsa("Test TSA", 44, &ca);
        let lta = doc_timestamp(signed.clone(), 7, &authority, t(4));
        let r = verify(&lta, &list(&ca), None, t(8));
        assert_eq!(r.signatures.len(), 2);
        assert_eq!(r.signatures[0].poe, Some(t(4)));
        assert_eq!((r.verdict, r.signatures[0].indication()), (Verdict::Valid, ("TOTAL-PASSED", None)), "{:?}", r.signatures[1]);
        assert!(r.signatures[0].revocation_message(Lang::En).unwrap().contains("the signature stands"));
        assert_eq!(r.to_json(Lang::En)["signatures"][0]["proofOfExistence"], "2026-11-27T04:00:00Z");
        // Stamped after the revocation, or by an authority nobody listed: no proof.
        assert_eq!(verify(&doc_timestamp(signed.clone(), 7, &authority, t(6)), &list(&ca), None, t(8)).verdict, Verdict::Revoked);
        let other = crate::signature::testkit::issue(&crate::signature::testkit::Spec::ca("Other Root", 45), None);
        let stranger = crate::signature::testkit::tsa("Stranger TSA", 46, &other);
        let r = verify(&doc_timestamp(signed, 7, &stranger, t(4)), &list(&ca), None, t(8));
        assert_eq!((r.verdict, r.signatures[0].poe), (Verdict::Revoked, None));
        assert!(r.signatures[1].stamp.as_ref().is_some_and(|s| s.trust.is_err()));
    }

    #[test]
    fn bytes_after_the_signed_file_are_said_aloud() {
        let (ca, signer) = ca_and_signer();
        let pdf = sign_revision(base(), 6, "", &signer, std::slice::from_ref(&ca.der));
        assert_eq!(verify(&pdf, &list(&ca), None, now()).uncovered_comments(), None);
        let mut commented = pdf.clone();
        commented.extend_from_slice(b"% appended after signing\r\n\n");
        let r = verify(&commented, &list(&ca), None, now());
        assert_eq!((r.verdict, r.uncovered_comments()), (Verdict::Valid, Some(27)));
        assert_eq!(r.headline(Lang::En), "Valid signature; unchanged since signing; but the file ends with 27 bytes no signature covers (comments or whitespace only, changing nothing shown)");
        assert!(r.headline(Lang::Th).contains("27 ไบต์ที่ลายมือชื่อไม่ครอบคลุม"));
        let json = r.to_json(Lang::En);
        assert_eq!((json["uncoveredComments"].as_u64(), json["signatures"][0]["coversWholeFile"].as_bool()), (Some(27), Some(false)));
        // Anything but comments and whitespace is a revision or junk, judged as such.
        let mut junk = pdf.clone();
        junk.extend_from_slice(b"\nhello\n");
        let r = verify(&junk, &list(&ca), None, now());
        assert_eq!((r.verdict, r.uncovered_comments()), (Verdict::Modified, None));
    }

    #[test]
    fn later_signatures_and_dss_are_allowed() {
        let (ca, signer) = ca_and_signer();
        let mut pdf = sign_revision(base(), 6, "", &signer, std::slice::from_ref(&ca.der));
        // Validation data, then a second signature in a new field.
        pdf.extend_from_slice(b"7 0 obj\n<< /Type /DSS /Certs [] >>\nendobj\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm 9 0 R /DSS 7 0 R >>\nendobj\n9 0 obj\n<< /Fields [4 0 R 8 0 R] /SigFlags 3 >>\nendobj\n8 0 obj\n<< /FT /Sig /Type /Annot /Subtype /Widget /T (Second) /V 10 0 R /Rect [0 0 0 0] /P 3 0 R >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Annots [4 0 R 8 0 R] >>\nendobj\n");
        let pdf = sign_revision(pdf, 10, "", &signer, std::slice::from_ref(&ca.der));
        let r = verify(&pdf, &list(&ca), None, now());
        assert_eq!(r.signatures.len(), 2);
        assert_eq!(r.signatures[0].later.signatures, 1);
        assert!(r.signatures[0].later.dss);
        assert_eq!(r.verdict, Verdict::Valid, "{:?}", r.signatures[0].later.problems);
        assert_eq!(r.signed_revision_end(), r.signatures[0].revision_end);
        assert!(r.signatures[0].revision_end.unwrap() < pdf.len());
    }

    #[test]
    fn changes_after_signing_are_modifications() {
        let (ca, signer) = ca_and_signer();
        let signed = sign_revision(base(), 6, "", &signer, std::slice::from_ref(&ca.der));
        let update = |extra: &str| {
            let mut p = signed.clone();
            p.extend_from_slice(extra.as_bytes());
            verify(&p, &list(&ca), None, now())
        };
        // Shadow "replace": the content stream is redefined.
        let r = update("5 0 obj\n<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Permit 999) Tj ET\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Prev 0 >>\n%%EOF\n");
        assert_eq!(r.verdict, Verdict::Modified);
        assert!(r.signatures[0].later.problems.iter().any(|p| matches!(p, ChangeProblem::Changed { num: 5, .. })));
        // An added annotation (a note laid over the text).
        let r = update("11 0 obj\n<< /Type /Annot /Subtype /FreeText /Rect [72 700 300 740] /Contents (VOID) >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Annots [4 0 R 11 0 R] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        assert_eq!(r.verdict, Verdict::Modified);
        // A new root that points to other pages.
        let r = update("12 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 12 0 R >>\n%%EOF\n");
        assert!(r.signatures[0].later.problems.contains(&ChangeProblem::NewRoot));
        // Trailing garbage, and a replaced signature value.
        assert_eq!(update("garbage").verdict, Verdict::Modified);
        assert_eq!(update("\n\n").verdict, Verdict::Valid, "whitespace is not a change");
        let r = update("4 0 obj\n<< /FT /Sig /Type /Annot /Subtype /Widget /T (Permit) /V 13 0 R /Rect [0 0 0 0] /P 3 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        assert!(r.signatures[0].later.problems.iter().any(|p| matches!(p, ChangeProblem::SignatureReplaced { num: 4 })));
    }

    #[test]
    fn tampering_with_signed_bytes_is_invalid() {
        let (ca, signer) = ca_and_signer();
        let pdf = sign_revision(base(), 6, "", &signer, std::slice::from_ref(&ca.der));
        let at = pdf.windows(3).position(|w| w == b"001").unwrap();
        let mut forged = pdf.clone();
        forged[at..at + 3].copy_from_slice(b"999");
        let r = verify(&forged, &list(&ca), None, now());
        assert_eq!(r.verdict, Verdict::Invalid);
        assert_eq!(r.signatures[0].problem, Some(Problem::Cms(CmsProblem::DigestMismatch)));
        assert!(r.signatures[0].problem.as_ref().unwrap().message(Lang::Th).contains("ค่าแฮช"));
    }

    #[test]
    fn certification_level_one_allows_no_later_signature() {
        let (ca, signer) = ca_and_signer();
        let mdp = "/Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /P 1 /V /1.2 >> >>] ";
        let mut pdf = sign_revision(base(), 6, mdp, &signer, std::slice::from_ref(&ca.der));
        assert_eq!(verify(&pdf, &list(&ca), None, now()).signatures[0].certification, Some(1));
        pdf.extend_from_slice(b"8 0 obj\n<< /FT /Sig /T (Second) /V 10 0 R >>\nendobj\n");
        let pdf = sign_revision(pdf, 10, "", &signer, std::slice::from_ref(&ca.der));
        assert_eq!(verify(&pdf, &list(&ca), None, now()).verdict, Verdict::Modified);
    }

    #[test]
    fn the_register_can_withdraw_a_valid_permit() {
        let (ca, signer) = ca_and_signer();
        let pdf = sign_revision(base(), 6, "", &signer, std::slice::from_ref(&ca.der));
        let hash = Sha256Stream::digest(&pdf).hex();
        let csv = format!("number,holder,type,issued,expires,status,sha256\nP-1,Somchai,food,2026-11-27,,revoked,{hash}\n");
        let reg = Register::from_csv("r.csv", &csv).unwrap();
        let r = verify(&pdf, &list(&ca), Some(&reg), now());
        assert_eq!(r.verdict, Verdict::Valid);
        assert!(r.withdrawn() && !r.passes());
        assert_eq!(r.to_json(Lang::En)["register"]["status"], "revoked");
    }

    #[test]
    fn the_chain_is_checked_at_the_time_the_pdf_states() {
        let (ca, signer) = ca_and_signer();
        // As pyHanko writes them: `\072` is `:`; the reason in UTF-16BE.
        let dict = r"/M (D\07220261127065542Z) /Reason <FEFF0E2D0E2D0E01> /Location (Bangkok\r\n\(TH\)) /Name (Somchai) ";
        let pdf = sign_revision_with(base(), 6, dict, &signer, std::slice::from_ref(&ca.der));
        // Long after the signer's certificate expired (2049).
        let later = DateTime::new(2055, 1, 1, 0, 0, 0).unwrap();
        let r = verify(&pdf, &list(&ca), None, later);
        let s = &r.signatures[0];
        assert_eq!(s.time, Some((DateTime::new(2026, 11, 27, 6, 55, 42).unwrap(), TimeSource::Claimed)));
        assert_eq!(r.verdict, Verdict::Valid, "the certificate was valid when it signed: {:?}", s.trust);
        let th = &r.to_json(Lang::Th)["signatures"][0];
        assert_eq!(th["time"]["shown"], "27 พฤศจิกายน 2569 13:55:42 น. (เวลาประเทศไทย)");
        assert_eq!(th["time"]["iso"], "2026-11-27T06:55:42Z");
        assert_eq!(th["time"]["thailand"], "2026-11-27T13:55:42+07:00");
        assert_eq!(th["time"]["source"], "claimed");
        assert_eq!(th["stated"], serde_json::json!({"name": "Somchai", "reason": "ออก", "location": "Bangkok\r\n(TH)", "contactInfo": null}));
        assert_eq!(r.to_json(Lang::En)["signatures"][0]["time"]["shown"], "27 November 2026, 13:55:42 (UTC+7)");

        // With no time in the file the chain is checked now, and has expired.
        let pdf = sign_revision_with(base(), 6, "", &signer, std::slice::from_ref(&ca.der));
        let r = verify(&pdf, &list(&ca), None, later);
        assert_eq!(r.signatures[0].time, Some((later, TimeSource::Now)));
        assert_eq!(r.verdict, Verdict::Untrusted);
        // A time in UTF-16BE, as a date may be written (it is a text string).
        let pdf = sign_revision_with(base(), 6, "/M <FEFF0044003A00320030003200360031003100320037> ", &signer, std::slice::from_ref(&ca.der));
        assert_eq!(verify(&pdf, &list(&ca), None, later).signatures[0].time, Some((DateTime::new(2026, 11, 27, 0, 0, 0).unwrap(), TimeSource::Claimed)));
    }

    #[test]
    fn pdf_dates_in_utc() {
        assert_eq!(pdf_date("D:20261127100000+07'00'"), DateTime::new(2026, 11, 27, 3, 0, 0).ok());
        assert_eq!(pdf_date("D:2026"), DateTime::new(2026, 1, 1, 0, 0, 0).ok());
        assert_eq!(pdf_date("D:20261127100000Z"), DateTime::new(2026, 11, 27, 10, 0, 0).ok());
        assert_eq!(pdf_date("D:x"), None);
    }
}
