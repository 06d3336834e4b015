//! The browser's local storage, where the kit keeps a citizen's language
//! choice and drafts, never keys or anything sent to an agency.

use eservice_core::catalog::FormId;
use eservice_core::draft::{Draft, DraftProblem};
use eservice_core::Lang;
use gloo_storage::{LocalStorage, Storage};
use serde_json::Value;

const DRAFT_PREFIX: &str = "eservice.draft.";
const LANG_KEY: &str = "eservice.lang";
/// Set once the outbox (IndexedDB) holds a request, so that pages which do
/// not carry the outbox's code know to load it (to resume sending, to list
/// what was sent) without opening the database.
const OUTBOX_USED: &str = "eservice.outbox";
/// The form being designed on this device (`#/design`).
const DESIGN_DRAFT: &str = "eservice.design";

/// Whether this page may use local storage. Asked before every use of
/// gloo-storage: its `LocalStorage::raw()` throws a JavaScript exception
/// out of the middle of our code where the browser refuses storage (a
/// sandboxed frame on an agency's page, cookies blocked, old private
/// modes), and the kit must go on without it there.
fn usable() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

fn draft_key(id: &FormId) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The language the citizen chose on this device, if any.
pub fn lang() -> Option<Lang> {
    if !usable() {
        return None;
    }
    // Earlier versions stored the bare tag, not JSON.
    let tag = LocalStorage::get::<String>(LANG_KEY).ok().or_else(|| LocalStorage::raw().get_item(LANG_KEY).ok().flatten())?;
    Lang::from_tag(&tag)
}

pub fn store_lang(lang: Lang) {
    if usable() {
        LocalStorage::set(LANG_KEY, lang.tag()).ok();
    }
}

/// The form's draft, if one is stored and still fresh; a stale or unreadable
/// one is removed.
pub fn load_draft(id: &FormId, max_age_days: f64) -> Option<Draft> {
    if !usable() {
        return None;
    }
    let key = draft_key(id);
    // Stored as JSON (gloo-storage's way); anything else is unreadable.
    let text = match LocalStorage::get::<Value>(&key) {
        Ok(v) => v.to_string(),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => return None,
        Err(_) => String::new(),
    };
    match Draft::from_json(&text, js_sys::Date::now(), max_age_days) {
        Ok(d) => Some(d),
        Err(DraftProblem::Expired | DraftProblem::Unreadable) => {
            LocalStorage::delete(&key);
            None
        }
    }
}

/// Whether this device has ever put a request in the outbox.
pub fn outbox_used() -> bool {
    // Any value: earlier versions stored `1`.
    usable() && LocalStorage::get::<Value>(OUTBOX_USED).is_ok()
}

pub fn mark_outbox_used() {
    if usable() {
        LocalStorage::set(OUTBOX_USED, true).ok();
    }
}

pub fn store_draft(id: &FormId, draft: &Draft) {
    // The draft's own JSON, stored as it is.
    if shared_device() {
        return;
    }
    if let (true, Ok(v)) = (usable(), serde_json::from_str::<Value>(&draft.to_json())) {
        // A full storage only means the draft is not kept; the form goes on.
        LocalStorage::set(draft_key(id), v).ok();
    }
}

/// The form the designer left on this device, as it stored it.
pub fn design_draft() -> Option<Value> {
    usable().then(|| LocalStorage::get::<Value>(DESIGN_DRAFT).ok()).flatten()
}

/// Keeps the form being designed; a full storage only means it is not kept.
pub fn store_design_draft(v: &Value) {
    if usable() {
        LocalStorage::set(DESIGN_DRAFT, v).ok();
    }
}

pub fn clear_design_draft() {
    if usable() {
        LocalStorage::delete(DESIGN_DRAFT);
    }
}

pub fn clear_draft(id: &FormId) {
    if usable() {
        LocalStorage::delete(draft_key(id));
    }
}

fn draft_keys() -> Vec<String> {
    if !usable() {
        return Vec::new();
    }
    let s = LocalStorage::raw();
    (0..LocalStorage::length()).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(DRAFT_PREFIX)).collect()
}

/// Set for this tab alone when the citizen says the computer is shared:
/// a tab's session storage goes with the tab.
const SHARED_KEY: &str = "eservice.shared";

/// Whether the citizen said this is a shared computer: nothing is kept on it.
pub fn shared_device() -> bool {
    gloo_storage::SessionStorage::get::<bool>(SHARED_KEY).unwrap_or(false)
}

pub fn set_shared_device(on: bool) {
    match on {
        true => drop(gloo_storage::SessionStorage::set(SHARED_KEY, true)),
        false => gloo_storage::SessionStorage::delete(SHARED_KEY),
    }
}

/// Whether attached files are kept on this device beside the draft (not
/// on a computer the citizen said is shared).
pub fn keeps_files() -> bool {
    usable() && !shared_device()
}

/// Where every file the drafts on this device need is kept: the processed
/// evidence their data names (by SHA-256), and the originals of files still
/// being processed. The rest go (`evidence_client::sweep`).
pub fn draft_files() -> Vec<String> {
    // The stored text, parsed once (draft_keys has checked storage is usable).
    draft_keys()
        .into_iter()
        .filter_map(|k| LocalStorage::raw().get_item(&k).ok().flatten())
        .filter_map(|text| Draft::from_json(&text, 0.0, f64::INFINITY).ok())
        .flat_map(|d| {
            let processed = eservice_core::package::evidence_entries(&d.data).into_iter().map(|(_, e)| e.sha256.hex());
            processed.chain(d.picked.into_iter().map(|p| p.key)).collect::<Vec<_>>()
        })
        .collect()
}

/// How many drafts this device holds.
pub fn draft_count() -> usize {
    draft_keys().len()
}

/// Removes every draft on this device.
pub fn clear_all_drafts() {
    for k in draft_keys() {
        LocalStorage::delete(k);
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
