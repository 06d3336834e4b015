//! Saving a file the app made (text or bytes), through a temporary object URL.

use wasm_bindgen::JsCast;

/// Offers `text` to the user as a download named `filename`.
pub fn save_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    save(filename, crate::blob::from_text(text, mime))
}

/// Offers `bytes` to the user as a download named `filename`.
pub fn save_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    save(filename, crate::blob::from_bytes(bytes, mime))
}

/// Offers `blob` to the user as a download named `filename`.
pub fn save(filename: &str, blob: web_sys::Blob) -> Result<(), String> {
    // The browser's own message, without Debug formatting in the download.
    let describe = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "error".into())
    };
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let url = gloo_file::ObjectUrl::from(blob);
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(describe)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // The click has started the download; the URL goes (dropped, so
    // revoked) once it is handed over.
    gloo_timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}
