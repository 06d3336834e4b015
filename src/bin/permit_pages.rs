//! The permit pages bundle: `#/verify` and `#/register`, loaded by the main
//! app only when one of them is opened. It exports `mount(element, page)`.

use wasm_bindgen::prelude::*;

fn main() {}

/// Draws the permit page `page` (`verify` or `register`) into `root`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, page: &str) {
    eservice_web::permits_app::mount(root, page);
}
