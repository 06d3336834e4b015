//! The outbox for standard-level agencies: a submission package POSTed to
//! the agency's e-Service, kept in IndexedDB until the agency's signed
//! receipt has come back and verified. It survives reloads and offline
//! spells: pending packages are sent again on start, with backoff after a
//! failure, and at once when the browser says it is back online.
//!
//! Exactly once: a package leaves the outbox only on a 2xx answer, and the
//! e-Service answers a package it already has (same hash) with the same
//! receipt (`docs/openapi.yaml`), so a retry after a lost answer delivers
//! nothing twice.

use std::cell::RefCell;
use std::collections::BTreeMap;

use js_sys::{Object, Reflect};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use web_sys::{Blob, FormData};
use yew::Callback;

use crate::evidence_client::{self, JobEvent};

const STORE: &str = "outbox";
/// The longest wait between tries, in seconds.
const MAX_WAIT: u32 = 30;

/// Where a package stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Sending,
    /// Not delivered yet; the next try is in `retry_in` seconds (or when
    /// the browser is back online).
    Waiting { retry_in: u32 },
    /// Received, with the verified receipt (`{agency, reference, received,
    /// agencyReference}`) and the e-Service's answer as sent.
    Received { info: Value, body: String },
    /// The e-Service refused it, or its receipt did not verify: (th, en).
    Refused(String, String),
}

/// By package hash: its last known status and who wants to hear of changes.
type Watchers = BTreeMap<String, (Option<Status>, Vec<Callback<Status>>)>;

thread_local! {
    static WATCHERS: RefCell<Watchers> = const { RefCell::new(BTreeMap::new()) };
    static IN_FLIGHT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static ATTEMPTS: RefCell<BTreeMap<String, u32>> = const { RefCell::new(BTreeMap::new()) };
    static ONLINE_HOOKED: RefCell<bool> = const { RefCell::new(false) };
}

fn announce(hash: &str, status: Status) {
    let callbacks = WATCHERS.with(|w| {
        let mut w = w.borrow_mut();
        let e = w.entry(hash.to_owned()).or_default();
        e.0 = Some(status.clone());
        e.1.clone()
    });
    for cb in callbacks {
        cb.emit(status.clone());
    }
}

/// Follows a package's status; the current one, if known, comes at once.
pub fn watch(hash: &str, cb: Callback<Status>) {
    let current = WATCHERS.with(|w| {
        let mut w = w.borrow_mut();
        let e = w.entry(hash.to_owned()).or_default();
        e.1.push(cb.clone());
        e.0.clone()
    });
    if let Some(s) = current {
        cb.emit(s);
    }
}

async fn record(hash: &str) -> Option<(Value, Blob)> {
    let v = crate::idb::get_value(STORE, hash).await?;
    let meta = Reflect::get(&v, &"meta".into()).ok()?.as_string().and_then(|m| serde_json::from_str(&m).ok())?;
    let zip = Reflect::get(&v, &"zip".into()).ok()?.dyn_into::<Blob>().ok()?;
    Some((meta, zip))
}

async fn store(meta: &Value, zip: &Blob) -> Option<()> {
    let o = Object::new();
    Reflect::set(&o, &"meta".into(), &meta.to_string().into()).ok()?;
    Reflect::set(&o, &"zip".into(), zip).ok()?;
    crate::storage::mark_outbox_used();
    crate::idb::put_value(STORE, meta["hash"].as_str()?, &o).await
}

/// Puts a package in the outbox (once per hash) and starts sending it.
pub fn enqueue(endpoint: &str, hash: &str, reference: &str, file_name: &str, zip: Blob, sealed: Option<&str>) {
    hook_online();
    let mut meta = json!({ "endpoint": endpoint, "hash": hash, "reference": reference, "fileName": file_name, "state": "pending" });
    // A sealed package is kept sealed; the file sent is named by its own hash too.
    if let Some(sha) = sealed {
        meta["sealedSha256"] = json!(sha);
    }
    let hash = hash.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        if let Some((existing, _)) = record(&hash).await {
            // Already in the outbox: say where it stands, and go on sending.
            restore(&hash, &existing);
        } else if store(&meta, &zip).await.is_none() {
            announce(&hash, Status::Refused("เบราว์เซอร์นี้เก็บคำขอไว้ส่งภายหลังไม่ได้ กรุณาดาวน์โหลดชุดเอกสารเก็บไว้".into(), "This browser cannot keep the request to send later; download the package to keep it".into()));
            return;
        }
        send(hash).await;
    });
}

/// Announces a stored package's final state, if it has one.
fn restore(hash: &str, meta: &Value) {
    match meta["state"].as_str() {
        Some("received") => announce(hash, Status::Received { info: meta["receipt"].clone(), body: meta["body"].as_str().unwrap_or_default().to_owned() }),
        Some("refused") => announce(hash, Status::Refused(meta["th"].as_str().unwrap_or_default().into(), meta["en"].as_str().unwrap_or_default().into())),
        _ => {}
    }
}

/// Offers the agency's signed receipt (its answer, as sent) as a download.
pub fn save_receipt(reference: &str, body: &str) {
    crate::download::save_text(&format!("receipt-{reference}.json"), "application/json", body).ok();
}

/// Every package in the outbox, as stored: `{hash, reference, fileName,
/// state, receipt?, body?}`.
pub async fn list() -> Vec<Value> {
    let mut out = Vec::new();
    for hash in crate::idb::keys(STORE).await {
        if let Some((meta, _)) = record(&hash).await {
            out.push(meta);
        }
    }
    out
}

/// Sends every pending package in the outbox: on start, after a reload.
pub fn resume() {
    hook_online();
    wasm_bindgen_futures::spawn_local(async {
        for hash in crate::idb::keys(STORE).await {
            if let Some((meta, _)) = record(&hash).await {
                restore(&hash, &meta);
                if meta["state"] == "pending" {
                    send(hash).await;
                }
            }
        }
    });
}

fn hook_online() {
    if ONLINE_HOOKED.with(|h| h.replace(true)) {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    // For as long as the page.
    gloo_events::EventListener::new(&w, "online", |_| {
        let pending: Vec<String> = WATCHERS.with(|w| w.borrow().iter().filter(|(_, (s, _))| matches!(s, Some(Status::Waiting { .. }))).map(|(h, _)| h.clone()).collect());
        for h in pending {
            wasm_bindgen_futures::spawn_local(send(h));
        }
    })
    .forget();
}

fn retry_later(hash: String) {
    let n = ATTEMPTS.with(|a| {
        let mut a = a.borrow_mut();
        let n = a.entry(hash.clone()).or_insert(0);
        *n += 1;
        *n
    });
    let wait = 2u32.saturating_pow(n.min(5)).min(MAX_WAIT);
    announce(&hash, Status::Waiting { retry_in: wait });
    gloo_timers::callback::Timeout::new(wait * 1000, move || wasm_bindgen_futures::spawn_local(send(hash))).forget();
}

async fn settle(hash: &str, mut meta: Value, zip: &Blob, status: Status) {
    match &status {
        Status::Received { info, body } => {
            meta["state"] = json!("received");
            meta["receipt"] = info.clone();
            meta["body"] = json!(body);
        }
        Status::Refused(th, en) => {
            meta["state"] = json!("refused");
            meta["th"] = json!(th);
            meta["en"] = json!(en);
        }
        _ => {}
    }
    store(&meta, zip).await;
    announce(hash, status);
}

/// One try at delivering `hash`.
async fn send(hash: String) {
    if IN_FLIGHT.with(|f| f.borrow().contains(&hash)) {
        return;
    }
    let Some((meta, zip)) = record(&hash).await else { return };
    if meta["state"] != "pending" {
        return;
    }
    IN_FLIGHT.with(|f| f.borrow_mut().push(hash.clone()));
    announce(&hash, Status::Sending);
    let outcome = post(&meta, &zip).await;
    IN_FLIGHT.with(|f| f.borrow_mut().retain(|h| *h != hash));
    match outcome {
        // Network down, or the e-Service busy: try again.
        None => retry_later(hash),
        Some((code, _)) if code == 408 || code == 429 || code >= 500 => retry_later(hash),
        Some((code, body)) if (200..300).contains(&code) => {
            let (h, m, z, answer) = (hash.clone(), meta.clone(), zip.clone(), body.clone());
            let on_event = Callback::from(move |e: JobEvent| {
                let JobEvent::Reply(v, _) = e else { return };
                let status = match crate::reply::error_of(&v) {
                    None => Status::Received { info: v.clone(), body: answer.clone() },
                    Some((th, en)) => Status::Refused(th, en),
                };
                let (h, m, z) = (h.clone(), m.clone(), z.clone());
                wasm_bindgen_futures::spawn_local(async move { settle(&h, m, &z, status).await });
            });
            if evidence_client::receipt(&body, &hash, on_event).is_none() {
                settle(&hash, meta, &zip, Status::Refused("เบราว์เซอร์นี้ตรวจใบรับไม่ได้".into(), "This browser cannot check the receipt".into())).await;
            }
        }
        Some((code, body)) => {
            let said: String = body.chars().take(300).collect();
            let (th, en) = (format!("หน่วยงานไม่รับคำขอ (HTTP {code}): {said}"), format!("The agency refused the request (HTTP {code}): {said}"));
            settle(&hash, meta, &zip, Status::Refused(th, en)).await;
        }
    }
}

/// POSTs the package; the status code and body, or `None` on a network error.
async fn post(meta: &Value, zip: &Blob) -> Option<(u16, String)> {
    let form = FormData::new().ok()?;
    form.append_with_blob_and_filename("package", zip, meta["fileName"].as_str().unwrap_or("package.zip")).ok()?;
    form.append_with_str("hash", meta["hash"].as_str()?).ok()?;
    form.append_with_str("reference", meta["reference"].as_str()?).ok()?;
    if let Some(sha) = meta["sealedSha256"].as_str() {
        form.append_with_str("sealed", "age").ok()?;
        form.append_with_str("sealedSha256", sha).ok()?;
    }
    let resp = gloo_net::http::Request::post(meta["endpoint"].as_str()?).body(form).ok()?.send().await.ok()?;
    let body = resp.text().await.unwrap_or_default();
    Some((resp.status(), body))
}
