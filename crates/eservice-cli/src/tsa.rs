//! Asking a time-stamp authority over HTTP (RFC 3161 §3.4): the request is
//! POSTed as `application/timestamp-query`, the answer read back as
//! `application/timestamp-reply`. The token signs itself, so plain HTTP is
//! what TSAs serve; the core checks the answer is for this request.

use std::time::Duration;

/// An answer larger than this is no time-stamp (real ones are 2 to 8 KB).
const MAX_ANSWER: u64 = 256 * 1024;

/// The authority's answer to `request`, or why there is none.
pub fn ask(url: &str, request: &[u8]) -> Result<Vec<u8>, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(30))).http_status_as_error(false).build().into();
    let mut answer = agent.post(url).header("Content-Type", "application/timestamp-query").send(request).map_err(|e| e.to_string())?;
    let status = answer.status();
    if !status.is_success() {
        return Err(format!("HTTP {status}"));
    }
    answer.body_mut().with_config().limit(MAX_ANSWER).read_to_vec().map_err(|e| e.to_string())
}
