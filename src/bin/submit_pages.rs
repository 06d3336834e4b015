//! The submit bundle (`eservice_web::submit_app`): loaded by the main app
//! when a citizen submits, when the home page lists requests sent from this
//! device, and to resume the outbox on a device that has used it. An ES
//! module, loaded through `bundle-loader.js`.

use wasm_bindgen::prelude::*;

fn main() {}

/// Sends what the outbox still holds from an earlier visit.
#[wasm_bindgen]
pub fn resume_outbox(base: &str) {
    eservice_web::submit_app::resume_outbox(base);
}

/// Draws the summary and package of a submitted request into `root`.
#[wasm_bindgen]
pub fn submitted(root: web_sys::Element, lang_of: web_sys::Element, form_id: &str, data: &str, files: js_sys::Array, base: &str) {
    eservice_web::submit_app::submitted(root, lang_of, form_id, data, &files, base);
}

/// Draws the requests sent from this device into `root`.
#[wasm_bindgen]
pub fn sent(root: web_sys::Element, lang_of: web_sys::Element, base: &str) {
    eservice_web::submit_app::sent(root, lang_of, base);
}
