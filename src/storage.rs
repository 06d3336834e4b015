//! The browser's local storage, where the kit keeps a citizen's language
//! choice and drafts, never keys or anything sent to an agency.

use eservice_core::draft::{Draft, DraftProblem};
use eservice_core::catalog::FormId;

const DRAFT_PREFIX: &str = "eservice.draft.";
/// Set once the outbox (IndexedDB) holds a request, so that pages which do
/// not carry the outbox's code know to load it (to resume sending, to list
/// what was sent) without opening the database.
const OUTBOX_USED: &str = "eservice.outbox";

/// Local storage, or `None` where the browser refuses it (private modes).
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn draft_key(id: &FormId) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The form's draft, if one is stored and still fresh; a stale or unreadable
/// one is removed.
pub fn load_draft(id: &FormId, max_age_days: f64) -> Option<Draft> {
    let s = local()?;
    let text = s.get_item(&draft_key(id)).ok()??;
    match Draft::from_json(&text, js_sys::Date::now(), max_age_days) {
        Ok(d) => Some(d),
        Err(DraftProblem::Expired | DraftProblem::Unreadable) => {
            s.remove_item(&draft_key(id)).ok();
            None
        }
    }
}

/// Whether this device has ever put a request in the outbox.
pub fn outbox_used() -> bool {
    local().and_then(|s| s.get_item(OUTBOX_USED).ok().flatten()).is_some()
}

pub fn mark_outbox_used() {
    if let Some(s) = local() {
        s.set_item(OUTBOX_USED, "1").ok();
    }
}

pub fn store_draft(id: &FormId, text: &str) {
    if let Some(s) = local() {
        // A full storage only means the draft is not kept; the form goes on.
        s.set_item(&draft_key(id), text).ok();
    }
}

pub fn clear_draft(id: &FormId) {
    if let Some(s) = local() {
        s.remove_item(&draft_key(id)).ok();
    }
}

fn draft_keys() -> Vec<String> {
    let Some(s) = local() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(DRAFT_PREFIX)).collect()
}

/// How many drafts this device holds.
pub fn draft_count() -> usize {
    draft_keys().len()
}

/// Removes every draft on this device.
pub fn clear_all_drafts() {
    if let Some(s) = local() {
        for k in draft_keys() {
            s.remove_item(&k).ok();
        }
    }
}

/// A time as the citizen reads it: Thai locale dates are in the Buddhist Era.
pub fn local_time(ms: f64, lang: eservice_core::Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into()).ok();
    js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into()).ok();
    let locale = lang.pick("th-TH", "en-GB");
    date.to_locale_string(locale, &opts).into()
}
