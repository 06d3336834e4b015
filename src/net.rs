//! Fetching the agency's JSON files, relative to the kit's folder so that
//! the app works from any sub-path of any static host, and from an agency
//! page elsewhere on the site that embeds it (`eservice.js`).

use std::cell::RefCell;

use eservice_core::json_file::{self, FileProblem, JsonFileError};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The kit's folder as an absolute URL when embedded in another page;
    /// empty on the kit's own page, where relative URLs already point there.
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Makes the kit's files resolve against `base` (a folder URL ending in
/// `/`) instead of the page: set once by an embedding page.
pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.to_owned());
}

/// `path`, one of the kit's own files, as the page must ask for it
/// (absolute URLs are left as they are).
pub fn url(path: &str) -> String {
    if path.contains("://") {
        return path.to_owned();
    }
    BASE.with(|b| format!("{}{path}", b.borrow()))
}

/// The kit's folder as an absolute URL: the base an embedding page set, or
/// the page's own address.
pub fn base_url() -> String {
    let set = BASE.with(|b| b.borrow().clone());
    if !set.is_empty() {
        return set;
    }
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_else(|| "https://localhost/".into())
}

/// Fetches and parses `path` (relative to the kit); every failure names the file.
///
/// With `web_sys`'s fetch, not gloo-net's `Request` (which the outbox and
/// the workers use): this is in the apply page's first load, and gloo-net
/// there cost 2.9 KB gzipped (171.6 KB against 168.6 KB, measured with
/// `bench/first-load.mjs` on 2026-12-02), for one GET.
pub async fn fetch_json(path: &str) -> Result<Value, JsonFileError> {
    let fail = |problem| JsonFileError { file: path.to_owned(), problem };
    let unreadable = |reason: &str| fail(FileProblem::Unreadable { reason: reason.to_owned() });
    let window = web_sys::window().ok_or_else(|| unreadable("no window"))?;
    let resp = JsFuture::from(window.fetch_with_str(&url(path)))
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
