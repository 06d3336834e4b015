//! Saving a file the app made (text or bytes), through a temporary object URL.

use wasm_bindgen::JsCast;

/// Offers `text` to the user as a download named `filename`.
pub fn save_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    save(filename, mime, &wasm_bindgen::JsValue::from_str(text))
}

/// Offers `bytes` to the user as a download named `filename`.
pub fn save_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    save(filename, mime, &js_sys::Uint8Array::from(bytes).into())
}

fn save(filename: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    // The browser's own message, without Debug formatting in the download.
    let describe = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "error".into())
    };
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let blob = crate::blob::of(part, mime).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(describe)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // The click has started the download; the URL can go once it is handed over.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        web_sys::Url::revoke_object_url(&url).ok();
    });
    web_sys::window()
        .ok_or("no window")?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)
        .map_err(describe)?;
    Ok(())
}
