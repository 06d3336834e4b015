//! Permit verification in the worker: the whole PDF is read, checked against
//! the agency's trust list and permit register (fetched once from beside the
//! page, or given by the user), and the report goes back as JSON in both
//! languages. Nothing is uploaded anywhere.

use std::cell::RefCell;

use eservice_core::evidence::SignatureCheck;
use eservice_core::register::Register;
use eservice_core::trust::TrustList;
use eservice_core::verification::{verify, DateTime, Report};
use eservice_core::Lang;
use web_sys::Blob;

/// The site's files beside the page; absent files mean an empty list.
const TRUST_URL: &str = "trust.json";
pub(super) const REGISTER_URL: &str = "register.json";

/// The site's trust list and register as read once, with what was wrong with them.
type Site = (TrustList, Option<Register>, Vec<String>);

thread_local! {
    static SITE: RefCell<Option<Site>> = const { RefCell::new(None) };
}

pub(super) async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let resp = gloo_net::http::Request::get(url).send().await.ok()?;
    if !resp.ok() {
        return None;
    }
    resp.binary().await.ok()
}

/// The site's trust list and register, and the problems reading them.
async fn site() -> (TrustList, Option<Register>, Vec<String>) {
    if let Some(s) = SITE.with(|s| s.borrow().clone()) {
        return s;
    }
    let mut problems = Vec::new();
    let trust = match fetch_bytes(TRUST_URL).await {
        Some(b) => TrustList::from_json(TRUST_URL, &b).unwrap_or_else(|e| {
            problems.push(e.message(Lang::Th) + "\n" + &e.message(Lang::En));
            TrustList::national_only()
        }),
        None => TrustList::national_only(),
    };
    let register = match fetch_bytes(REGISTER_URL).await {
        Some(b) => Register::from_json(REGISTER_URL, &b).map_err(|e| problems.push(e.message(Lang::Th) + "\n" + &e.message(Lang::En))).ok(),
        None => None,
    };
    let s = (trust, register, problems);
    SITE.with(|c| *c.borrow_mut() = Some(s.clone()));
    s
}

pub(crate) fn now() -> DateTime {
    DateTime::from_unix_duration(std::time::Duration::from_secs(crate::clock::unix_now())).unwrap_or(DateTime::INFINITY)
}

/// Verifies `pdf` with the site's lists, or with `trust_text` when the user
/// picked a trust list of their own.
pub async fn check(pdf: &[u8], trust_text: Option<String>) -> Result<(Report, Vec<String>), String> {
    let (site_trust, register, problems) = site().await;
    let trust = match trust_text {
        Some(t) => TrustList::from_json("trust list", t.as_bytes()).map_err(|e| e.message(Lang::Th) + "\n" + &e.message(Lang::En))?,
        None => site_trust,
    };
    Ok((verify(pdf, &trust, register.as_ref(), now()), problems))
}

/// `{th, en, problems}`: the report in both languages.
pub async fn report_json(blob: &Blob, trust_text: Option<String>) -> Result<String, String> {
    let pdf = super::read::slice(blob, 0.0, blob.size()).await.map_err(|_| "read".to_owned())?;
    let (report, problems) = check(&pdf, trust_text).await?;
    let v = serde_json::json!({ "th": report.to_json(Lang::Th), "en": report.to_json(Lang::En), "problems": problems });
    Ok(v.to_string())
}

/// The verdict for a PDF taken in as evidence; `None` when it is unsigned.
pub async fn evidence_check(pdf: &[u8]) -> Option<SignatureCheck> {
    let (report, _) = check(pdf, None).await.ok()?;
    if report.signatures.is_empty() {
        return None;
    }
    Some(SignatureCheck {
        verdict: report.verdict.key().to_owned(),
        signed_by: report.signed_by().map(|t| (t.agency.get(Lang::Th).to_owned(), t.agency.get(Lang::En).to_owned())),
    })
}

/// Verifies an e-Service's answer as the receipt for the package `hash`
/// against the site's trust list: `{agency: {th, en}, reference, received,
/// agencyReference}` or `{error: {th, en}}`.
pub async fn receipt_json(body: &str, hash: &str) -> String {
    let (trust, _, _) = site().await;
    let v = match eservice_core::receipt::verify(body.as_bytes(), hash, &trust, now()) {
        Ok(r) => serde_json::json!({
            "agency": { "th": r.agency.get(Lang::Th), "en": r.agency.get(Lang::En) },
            "reference": r.reference, "received": r.received, "agencyReference": r.agency_reference,
        }),
        Err(p) => crate::reply::error(&p.message(Lang::Th), &p.message(Lang::En)),
    };
    v.to_string()
}
