//! The form designer bundle (`eservice_web::design_app`): an ES module,
//! loaded by the main app for `#/design` (through `bundle-loader.js`).

use eservice_web::bundles::{self, Bundle, Mount};
use wasm_bindgen::prelude::*;

fn main() {}

/// Draws the designer into the main app's element `root`, following
/// `lang_of`; the kit's files are at `base` (`eservice_web::bundles`).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang_of: web_sys::Element, base: &str, what: JsValue) -> Result<(), JsValue> {
    match Mount::from_js(&what) {
        Some(Mount::Design) => {
            eservice_web::design_app::mount(root, lang_of, base);
            Ok(())
        }
        _ => bundles::refuse(Bundle::Design, &what),
    }
}
