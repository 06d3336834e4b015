//! The verifier bundle (`eservice_web::verify_app`): an ES module, loaded
//! by the main app for `#/verify` (through `bundle-loader.js`) and by
//! `eservice.js` for `<eservice-verify>`.

use eservice_web::bundles::{self, Bundle, Mount};
use wasm_bindgen::prelude::*;

fn main() {}

/// Draws the verifier into the main app's element `root`, following
/// `lang_of`; the kit's files are at `base` (`eservice_web::bundles`).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang_of: web_sys::Element, base: &str, what: JsValue) -> Result<(), JsValue> {
    match Mount::from_js(&what) {
        Some(Mount::Verify) => {
            eservice_web::verify_app::mount(root, lang_of, base);
            Ok(())
        }
        _ => bundles::refuse(Bundle::Verify, &what),
    }
}

/// Draws the verifier into `root`, inside the agency page's element `host`.
#[wasm_bindgen]
pub fn embed(host: web_sys::Element, root: web_sys::Element, base: &str) {
    eservice_web::verify_app::embed(host, root, base);
}
