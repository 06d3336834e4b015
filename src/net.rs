//! Fetching the agency's JSON files, relative to the page so that the app
//! works from any sub-path of any static host.

use eservice_core::json_file::{self, FileProblem, JsonFileError};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches and parses `path`; every failure names the file.
pub async fn fetch_json(path: &str) -> Result<Value, JsonFileError> {
    let fail = |problem| JsonFileError { file: path.to_owned(), problem };
    let unreadable = |reason: &str| fail(FileProblem::Unreadable { reason: reason.to_owned() });
    let window = web_sys::window().ok_or_else(|| unreadable("no window"))?;
    let resp = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| unreadable("network error"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| unreadable("not an HTTP response"))?;
    if resp.status() == 404 {
        return Err(fail(FileProblem::NotFound));
    }
    if !resp.ok() {
        return Err(unreadable(&format!("HTTP {} {}", resp.status(), resp.status_text())));
    }
    let buf = resp.array_buffer().map_err(|_| unreadable("body already read"))?;
    let buf = JsFuture::from(buf).await.map_err(|_| unreadable("the download was interrupted"))?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    json_file::parse(path, &bytes)
}
