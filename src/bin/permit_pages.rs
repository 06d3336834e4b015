//! The permit pages bundle: `#/verify`, `#/register`, `#/sign` and
//! `#/inbox`, loaded by the main app only when one of them is opened, and by
//! `eservice.js` for a verifier embedded in an agency's page.

use wasm_bindgen::prelude::*;

fn main() {}

/// Draws the permit page `page` (`verify`, `register`, `sign`, `inbox`)
/// into `root` for the main app; the kit's files are at `base`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, page: &str, base: &str) {
    eservice_web::permits_app::mount(root, page, base);
}

/// Draws `page` into `root`, inside the agency page's element `host`.
#[wasm_bindgen]
pub fn embed(host: web_sys::Element, root: web_sys::Element, page: &str, base: &str) -> Result<(), JsValue> {
    eservice_web::permits_app::embed(host, root, page, base).map_err(JsValue::from)
}

