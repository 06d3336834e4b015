//! IndexedDB, as the kit keeps things between visits: one database with
//! named stores of values by key (the incoming register, the outbox, and
//! the citizen's evidence files beside their drafts). It works in a page
//! and in a worker alike.
//! Unlike `localStorage` it holds megabytes and survives storage pressure
//! better; every call is async and fails with `None`, never a panic.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use gloo_events::EventListener;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbFactory, IdbRequest, IdbTransactionMode};

const DB: &str = "eservice-kit";
const VERSION: u32 = 2;
/// The stores the kit uses; adding one means raising `VERSION`.
pub const STORES: [&str; 3] = ["incoming", "outbox", "evidence"];

/// A promise that resolves when `target` fires `ok` (with `value()`) and
/// rejects when it fires `fail`, listening from now on; and the listeners,
/// to hold until it settles (dropping them stops listening).
fn settle(target: &web_sys::EventTarget, ok: &'static str, fail: &'static str, value: impl Fn() -> JsValue + 'static) -> (Promise, Vec<EventListener>) {
    let mut listeners = Vec::new();
    let value = std::rc::Rc::new(value);
    let settled = Promise::new(&mut |resolve, reject| {
        let v = value.clone();
        listeners.push(EventListener::once(target, ok, move |_| {
            resolve.call1(&JsValue::NULL, &v()).ok();
        }));
        listeners.push(EventListener::once(target, fail, move |e| {
            reject.call1(&JsValue::NULL, e).ok();
        }));
    });
    (settled, listeners)
}

/// Resolves with a request's result, or rejects with its error.
async fn done(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let r = req.clone();
    let (settled, _listening) = settle(req, "success", "error", move || r.result().unwrap_or(JsValue::UNDEFINED));
    JsFuture::from(settled).await
}

thread_local! {
    /// The database, opened once per page (the outbox reads it once per
    /// stored request when it resumes).
    static OPENED: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
}

fn forget_opened() {
    if let Some(db) = OPENED.with(|o| o.borrow_mut().take()) {
        db.close();
    }
}

async fn open() -> Option<IdbDatabase> {
    if let Some(db) = OPENED.with(|o| o.borrow().clone()) {
        return Some(db);
    }
    // `indexedDB` of the page or of the worker, whichever this runs in.
    let factory: IdbFactory = js_sys::Reflect::get(&js_sys::global(), &"indexedDB".into()).ok()?.dyn_into().ok()?;
    let req = factory.open_with_u32(DB, VERSION).ok()?;
    let upgrade = EventListener::new(&req, "upgradeneeded", |e| {
        let db = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok()).and_then(|d| d.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let existing = db.object_store_names();
            for s in STORES {
                if !existing.contains(s) {
                    db.create_object_store(s).ok();
                }
            }
        }
    });
    let db = done(&req).await.ok()?.dyn_into::<IdbDatabase>().ok();
    drop(upgrade);
    let db = db?;
    // Another tab opening a newer version, or the browser closing the
    // database, ends this handle: the next call opens it again.
    EventListener::new(&db, "versionchange", |_| forget_opened()).forget();
    EventListener::new(&db, "close", |_| forget_opened()).forget();
    OPENED.with(|o| *o.borrow_mut() = Some(db.clone()));
    Some(db)
}

/// The value stored under `key` in `store` (text, blobs, plain objects).
pub async fn get_value(store: &str, key: &str) -> Option<JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str(store).ok()?;
    let req = tx.object_store(store).ok()?.get(&key.into()).ok()?;
    done(&req).await.ok().filter(|v| !v.is_undefined())
}

/// Stores `value` under `key` in `store`; `None` if it could not be kept.
pub async fn put_value(store: &str, key: &str, value: &JsValue) -> Option<()> {
    keep_value(store, key, value).await.ok()
}

/// The name of the `DOMException` an IndexedDB failure carries
/// (`QuotaExceededError`, `InvalidStateError` in private mode…).
fn error_name(e: &JsValue) -> String {
    let error = js_sys::Reflect::get(e, &"target".into()).ok().and_then(|t| js_sys::Reflect::get(&t, &"error".into()).ok()).unwrap_or_else(|| e.clone());
    js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_else(|| "UnknownError".into())
}

/// Stores `value` under `key` in `store`, or says why it could not: the
/// error's name, `NoDatabase` when IndexedDB cannot be opened at all.
pub async fn keep_value(store: &str, key: &str, value: &JsValue) -> Result<(), String> {
    let db = open().await.ok_or("NoDatabase")?;
    let tx = db.transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite).map_err(|e| error_name(&e))?;
    // Written only once the transaction commits (a full disk fails there,
    // after the request itself succeeded): listened for before anything runs.
    let (committed, _listening) = settle(&tx, "complete", "abort", || JsValue::UNDEFINED);
    let req = tx.object_store(store).and_then(|s| s.put_with_key(value, &key.into())).map_err(|e| error_name(&e))?;
    done(&req).await.map_err(|e| error_name(&e))?;
    JsFuture::from(committed).await.map(drop).map_err(|e| error_name(&e))
}

/// Removes `key` from `store`.
pub async fn delete(store: &str, key: &str) -> Option<()> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite).ok()?;
    let req = tx.object_store(store).ok()?.delete(&key.into()).ok()?;
    done(&req).await.ok().map(|_| ())
}

/// Every key in `store`.
pub async fn keys(store: &str) -> Vec<String> {
    let Some(db) = open().await else { return Vec::new() };
    let Some(req) = db.transaction_with_str(store).ok().and_then(|tx| tx.object_store(store).ok()).and_then(|s| s.get_all_keys().ok()) else {
        return Vec::new();
    };
    match done(&req).await {
        Ok(v) => js_sys::Array::from(&v).iter().filter_map(|k| k.as_string()).collect(),
        Err(_) => Vec::new(),
    }
}

/// The text stored under `key` in `store`.
pub async fn get(store: &str, key: &str) -> Option<String> {
    get_value(store, key).await?.as_string()
}

/// Stores the text `value` under `key` in `store`.
pub async fn put(store: &str, key: &str, value: &str) -> Option<()> {
    put_value(store, key, &value.into()).await
}
