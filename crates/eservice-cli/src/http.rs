//! The CLI's few HTTP requests: RFC 3161 time-stamps (`sign --tsa`, POSTed
//! as `application/timestamp-query`), and OCSP answers and CRLs for
//! long-term validation (`sign --ltv`, `ltv-update --fetch`). All of them
//! sign themselves, so they are served over plain HTTP; no TLS stack is
//! built in. Every answer is checked by the core before it is used.

use std::time::Duration;

use eservice_core::ltv::Fetch;
use eservice_core::revocation::RevocationFile;
use eservice_core::signature::cms::Revocation;
use eservice_core::signing::Tsa;
use eservice_core::Lang;

/// An answer larger than this is no time-stamp, OCSP answer or sane CRL.
const MAX_ANSWER: u64 = 32 * 1024 * 1024;

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(30))).http_status_as_error(false).build().into()
}

fn read(answer: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<Vec<u8>, String> {
    let mut answer = answer.map_err(|e| e.to_string())?;
    let status = answer.status();
    if !status.is_success() {
        return Err(format!("HTTP {status}"));
    }
    answer.body_mut().with_config().limit(MAX_ANSWER).read_to_vec().map_err(|e| e.to_string())
}

/// POSTs `body` as `content_type` to `url`; the answer's bytes.
pub fn post(url: &str, content_type: &str, body: &[u8]) -> Result<Vec<u8>, String> {
    read(agent().post(url).header("Content-Type", content_type).send(body))
}

/// A time-stamp authority at `url` (http:// only), asked through `send`,
/// with a fresh nonce.
pub fn tsa<'a>(url: &str, send: &'a dyn Fn(&[u8]) -> Result<Vec<u8>, String>, lang: Lang) -> Result<Tsa<'a>, String> {
    if !url.starts_with("http://") {
        return Err(match lang {
            Lang::Th => format!("--tsa {url}: ต้องเป็นที่อยู่ http:// ของผู้ให้บริการประทับเวลา (ตราประทับเวลาลงนามในตัวเอง จึงไม่ต้องใช้ https)"),
            Lang::En => format!("--tsa {url}: give the time-stamp authority's http:// address (tokens sign themselves, so TSAs serve plain HTTP)"),
        });
    }
    let mut nonce = [0u8; 8];
    getrandom::fill(&mut nonce).map_err(|e| e.to_string())?;
    Ok(Tsa { nonce, send })
}

/// The time-stamp authority's answer to `request`.
pub fn ask_tsa(url: &str, request: &[u8]) -> Result<Vec<u8>, String> {
    post(url, "application/timestamp-query", request)
}

/// Sends every request; what came back and could be read as revocation
/// data, and a line for each that failed (the rest still count).
pub fn revocation(fetches: &[Fetch], lang: Lang) -> (Revocation, Vec<String>) {
    let mut out = Revocation::default();
    let mut failed = Vec::new();
    for f in fetches {
        let (url, who, answer) = match f {
            Fetch::Ocsp { url, request, who } => (url, who, post(url, "application/ocsp-request", request)),
            Fetch::Crl { url, who } => (url, who, read(agent().get(url).call())),
        };
        match answer.map(|b| RevocationFile::read(&b)) {
            Ok(Some(RevocationFile::Crls(c))) => out.crls.extend(c),
            Ok(Some(RevocationFile::Ocsp(o))) => out.ocsps.push(o),
            Ok(None) => failed.push(match lang {
                Lang::Th => format!("{url} (สำหรับ {who}): คำตอบไม่ใช่ CRL หรือคำตอบ OCSP ที่สำเร็จ"),
                Lang::En => format!("{url} (for {who}): the answer is neither a CRL nor a successful OCSP response"),
            }),
            Err(why) => failed.push(match lang {
                Lang::Th => format!("{url} (สำหรับ {who}): {why}"),
                Lang::En => format!("{url} (for {who}): {why}"),
            }),
        }
    }
    (out, failed)
}
