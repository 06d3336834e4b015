//! The main bundle: the kit's own page, and the forms an agency page embeds
//! through `eservice.js`.

use wasm_bindgen::prelude::*;

fn main() {
    eservice_web::start();
}

/// Draws the form `form` (an id, or `forms/<id>`) into `root`, inside the
/// agency page's element `host`; the kit's files are at `base`.
#[wasm_bindgen]
pub fn mount_form(host: web_sys::Element, root: web_sys::Element, form: &str, base: &str) {
    eservice_web::embed::mount_form(host, root, form, base);
}
