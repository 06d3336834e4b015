//! The permit pages bundle: `#/register`, `#/sign` and `#/inbox`, an ES
//! module the main app loads only when one of them is opened (through
//! `bundle-loader.js`).

use eservice_web::bundles::{self, Bundle, Mount};
use wasm_bindgen::prelude::*;

fn main() {}

/// Draws the permit page `what` names into `root` for the main app,
/// following `lang_of`; the kit's files are at `base` (`eservice_web::bundles`).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang_of: web_sys::Element, base: &str, what: JsValue) -> Result<(), JsValue> {
    match Mount::from_js(&what) {
        Some(Mount::Permit(page)) => {
            eservice_web::permits_app::mount(root, lang_of, base, page);
            Ok(())
        }
        _ => bundles::refuse(Bundle::Permits, &what),
    }
}

