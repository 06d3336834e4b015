//! The verifier bundle (`eservice_web::verify_app`): an ES module, loaded
//! by the main app for `#/verify` (through `bundle-loader.js`) and by
//! `eservice.js` for `<eservice-verify>`.

use wasm_bindgen::prelude::*;

fn main() {}

/// Draws the verifier into the main app's element `root`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang_of: web_sys::Element, base: &str) {
    eservice_web::verify_app::mount(root, lang_of, base);
}

/// Draws the verifier into `root`, inside the agency page's element `host`.
#[wasm_bindgen]
pub fn embed(host: web_sys::Element, root: web_sys::Element, base: &str) {
    eservice_web::verify_app::embed(host, root, base);
}
