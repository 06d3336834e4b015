//! The permit pages bundle: `#/register`, `#/sign` and `#/inbox`, an ES
//! module the main app loads only when one of them is opened (through
//! `bundle-loader.js`).

use wasm_bindgen::prelude::*;

fn main() {}

/// Draws the permit page `page` (`register`, `sign`, `inbox`) into `root`
/// for the main app, following `lang_of`; the kit's files are at `base`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang_of: web_sys::Element, base: &str, page: &str) {
    eservice_web::permits_app::mount(root, lang_of, base, page);
}

