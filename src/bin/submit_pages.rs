//! The submit bundle (`eservice_web::submit_app`): loaded by the main app
//! when a citizen submits, when the home page lists requests sent from this
//! device, and to resume the outbox on a device that has used it. An ES
//! module, loaded through `bundle-loader.js`.

use eservice_web::bundles::{self, Bundle, Mount};
use wasm_bindgen::prelude::*;

fn main() {}

/// Sends what the outbox still holds from an earlier visit.
#[wasm_bindgen]
pub fn resume_outbox(base: &str) {
    eservice_web::submit_app::resume_outbox(base);
}

/// Draws into `root`, following `lang_of`, what `what` names: the summary
/// and package of a submitted request, or the requests sent from this
/// device; the kit's files are at `base` (`eservice_web::bundles`).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang_of: web_sys::Element, base: &str, what: JsValue) -> Result<(), JsValue> {
    match Mount::from_js(&what) {
        Some(Mount::Submitted { form, data, files }) => {
            eservice_web::submit_app::submitted(root, lang_of, &form, &data, &files, base);
            Ok(())
        }
        Some(Mount::Sent) => {
            eservice_web::submit_app::sent(root, lang_of, base);
            Ok(())
        }
        _ => bundles::refuse(Bundle::Submit, &what),
    }
}
