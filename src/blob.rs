//! Blobs the kit makes: downloads, signed PDFs, packages, key files.

use wasm_bindgen::JsValue;
use web_sys::{Blob, BlobPropertyBag};

/// A blob of one `part` (a string, bytes or another blob) typed `mime`.
pub fn of(part: &JsValue, mime: &str) -> Result<Blob, JsValue> {
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    Blob::new_with_blob_sequence_and_options(&js_sys::Array::of1(part), &opts)
}

pub fn from_text(text: &str, mime: &str) -> Option<Blob> {
    of(&JsValue::from_str(text), mime).ok()
}

pub fn from_bytes(bytes: &[u8], mime: &str) -> Option<Blob> {
    of(&js_sys::Uint8Array::from(bytes).into(), mime).ok()
}
