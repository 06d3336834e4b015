//! The citizen's evidence kept on the device, in IndexedDB beside the
//! form's draft, so that a reload, a crash or a tab the phone dropped while
//! the camera was open loses no file. Each processed file is kept by its
//! SHA-256, and checked against it when it is read back: a record cut short
//! or changed is never sent, and the citizen is asked for the file again.
//!
//! A photo still being compressed when the tab goes would be lost with it,
//! so the original is kept too, under a key the draft names
//! ([`keep_picked`]), until the processed file replaces it in the draft;
//! [`resume`] hands it back to be processed again.
//!
//! Files go with their drafts: whatever no draft on the device names is
//! removed ([`sweep`]), so a draft discarded, sent or expired takes its
//! files with it, and an original whose processed file the draft now names
//! goes too.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::read;

const STORE: &str = "evidence";

/// Keeps `blob`, the processed file with this SHA-256; the error's name if
/// the device would not (`QuotaExceededError`, private mode…).
pub async fn keep(sha256: &str, blob: &Blob) -> Result<(), String> {
    let record = Object::new();
    Reflect::set(&record, &"blob".into(), blob).ok();
    Reflect::set(&record, &"savedAt".into(), &js_sys::Date::now().into()).ok();
    crate::idb::keep_value(STORE, sha256, &record).await
}

/// Keeps `file` as the citizen picked it, under `key`, while it is processed.
pub async fn keep_picked(key: &str, file: &web_sys::File) -> Result<(), String> {
    let record = Object::new();
    Reflect::set(&record, &"blob".into(), file).ok();
    Reflect::set(&record, &"size".into(), &file.size().into()).ok();
    Reflect::set(&record, &"savedAt".into(), &js_sys::Date::now().into()).ok();
    crate::idb::keep_value(STORE, key, &record).await
}

/// The originals kept under these keys, as the files that were picked
/// (name and type kept); and the keys whose file is not there, or not whole.
pub async fn resume(keys: &[String]) -> (Vec<(String, Blob)>, Vec<String>) {
    let (mut found, mut lost) = (Vec::new(), Vec::new());
    for key in keys {
        let record = crate::idb::get_value(STORE, key).await;
        let size = record.as_ref().and_then(|r| Reflect::get(r, &"size".into()).ok()).and_then(|s| s.as_f64());
        let file = record.and_then(|r| Reflect::get(&r, &"blob".into()).ok()).and_then(|b| b.dyn_into::<web_sys::File>().ok());
        match file {
            Some(f) if Some(f.size()) == size => found.push((key.clone(), f.into())),
            _ => lost.push(key.clone()),
        }
    }
    (found, lost)
}

/// The kept files with these SHA-256s, each checked against its hash; and
/// those that were not there or did not match (removed).
pub async fn restore(id: u32, wanted: &[String]) -> (Vec<(String, Blob)>, Vec<String>) {
    let (mut found, mut lost) = (Vec::new(), Vec::new());
    for sha in wanted {
        let blob = crate::idb::get_value(STORE, sha).await.and_then(|r| Reflect::get(&r, &"blob".into()).ok()).and_then(|b| b.dyn_into::<Blob>().ok());
        let sound = match &blob {
            Some(b) => read::sha256(id, b, &|_, _| {}).await.is_ok_and(|d| d.hex() == *sha),
            None => false,
        };
        match (blob, sound) {
            (Some(b), true) => found.push((sha.clone(), b)),
            (b, _) => {
                if b.is_some() {
                    crate::idb::delete(STORE, sha).await;
                }
                lost.push(sha.clone());
            }
        }
    }
    (found, lost)
}

/// Removes every kept file but those named in `keep`.
pub async fn sweep(keep: &[String]) {
    for sha in crate::idb::keys(STORE).await {
        if !keep.contains(&sha) {
            crate::idb::delete(STORE, &sha).await;
        }
    }
}

/// `[{key, blob}]`, as the page takes files back.
pub fn to_js(files: &[(String, Blob)]) -> JsValue {
    let list = js_sys::Array::new();
    for (sha, blob) in files {
        let o = Object::new();
        Reflect::set(&o, &"key".into(), &sha.into()).ok();
        Reflect::set(&o, &"blob".into(), blob).ok();
        list.push(&o);
    }
    list.into()
}
