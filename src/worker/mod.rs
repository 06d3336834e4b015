//! Inside the evidence worker: each file is checked by its bytes, hashed in
//! chunks, and (for photos) decoded with the browser's own codecs, scaled,
//! re-encoded as JPEG without its metadata, and hashed again.
//!
//! Messages in: `{op: "process", id, file, rule}`, `{op: "hash", id, file,
//! stream}`, `{op: "verify", id, file, trust?}`, `{op: "package", …}` (see [`package`]),
//! `{op: "receipt", id, body, hash}`, `{op: "restore", id, sha256: […]}`,
//! `{op: "resume", id, keys: […]}`, `{op: "keep", id, files: [{sha256,
//! blob}]}`, `{op: "seal", id, file, to: [age1…]}` (the sealed blob, its
//! SHA-256 and the wasm heap's size after; the benchmark's), `{op: "unseal", …}` and
//! `{op: "seal-keygen", …}` ([`unseal`]),
//! `{op: "sweep", keep: […]}` ([`keep`])
//! and `{op: "cancel", id}`. Messages out: `{id, kind: "progress",
//! done, total}`, `{id, kind: "done", entry, blob, notKept?}`, `{id, kind:
//! "restored", files, lost}` (for both restore and resume), `{id, kind: "hashed",
//! sha256}`, `{id, kind: "verified", report}`, `{id, kind: "failed",
//! message}`, `{id, kind: "error", problem}`, `{id, kind: "cancelled"}`.
//!
//! The JS API ([`crate::api`]) calls the same [`process`] and [`read`]
//! directly, on whatever thread a developer runs it.

mod compress;
mod keep;
pub mod package;
pub(crate) mod read;
mod unseal;
pub mod sign;
pub(crate) mod verify;

use std::cell::RefCell;

use eservice_core::evidence::{
    image_size, rule::pdf_is_complete, sniff, Compression, EvidenceProblem, EvidenceRule, ManifestEntry, Marked, MediaType,
};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, File, MessageEvent};
use zeroize::Zeroizing;

thread_local! {
    static CANCELLED: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

pub(crate) fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

pub(crate) fn post(id: u32, kind: &str, fields: &[(&str, JsValue)]) {
    let msg = Object::new();
    Reflect::set(&msg, &"id".into(), &id.into()).ok();
    Reflect::set(&msg, &"kind".into(), &kind.into()).ok();
    for (k, v) in fields {
        Reflect::set(&msg, &(*k).into(), v).ok();
    }
    scope().post_message(&msg).ok();
}

/// Why processing stopped early.
pub(crate) enum Stop {
    Problem(EvidenceProblem),
    Cancelled,
}

impl From<EvidenceProblem> for Stop {
    fn from(p: EvidenceProblem) -> Self {
        Stop::Problem(p)
    }
}

pub(crate) fn cancelled(id: u32) -> bool {
    CANCELLED.with(|c| c.borrow().contains(&id))
}

/// A request to a worker: its op, its id, and its fields by name.
pub(crate) struct Request {
    data: JsValue,
    pub id: u32,
}

impl Request {
    pub fn get(&self, k: &str) -> JsValue {
        Reflect::get(&self.data, &k.into()).unwrap_or(JsValue::UNDEFINED)
    }
}

/// Hands every message to `handle(op, request)`, then tells the page the
/// worker listens (messages sent before that would be lost).
pub(crate) fn listen(handle: fn(Option<&str>, Request)) {
    // For as long as the worker.
    gloo_events::EventListener::new(&scope(), "message", move |e: &web_sys::Event| {
        let Some(e) = e.dyn_ref::<MessageEvent>() else { return };
        let data = e.data();
        let op = Reflect::get(&data, &"op".into()).ok().and_then(|o| o.as_string());
        let id = Reflect::get(&data, &"id".into()).ok().and_then(|i| i.as_f64()).unwrap_or(0.0) as u32;
        handle(op.as_deref(), Request { data, id });
    })
    .forget();
    post(0, "ready", &[]);
}

/// Starts listening for files.
pub fn run() {
    listen(|op, req| {
        let id = req.id;
        let get = |k: &str| req.get(k);
        match op {
            Some("cancel") => CANCELLED.with(|c| c.borrow_mut().push(id)),
            // Only the SHA-256; `stream` forces chunked hashing in Rust even for
            // files the browser could hash in one call (the benchmark compares both).
            Some("hash") => {
                let Ok(blob) = get("file").dyn_into::<Blob>() else { return };
                let stream = get("stream").as_bool().unwrap_or(false);
                wasm_bindgen_futures::spawn_local(async move {
                    let progress = |done: f64, total: f64| post(id, "progress", &[("done", done.into()), ("total", total.into())]);
                    let limit = if stream { 0.0 } else { read::one_shot_limit() };
                    match read::sha256_with_limit(id, &blob, &progress, limit).await {
                        Ok(d) => post(id, "hashed", &[("sha256", d.hex().into())]),
                        Err(Stop::Problem(p)) => post(id, "error", &[("problem", p.to_json().to_string().into())]),
                        Err(Stop::Cancelled) => post(id, "cancelled", &[]),
                    }
                });
            }
            Some("verify") => {
                let Ok(blob) = get("file").dyn_into::<Blob>() else { return };
                let trust = get("trust").as_string();
                wasm_bindgen_futures::spawn_local(async move {
                    match verify::report_json(&blob, trust).await {
                        Ok(report) => post(id, "verified", &[("report", report.into())]),
                        Err(message) => post(id, "failed", &[("message", message.into())]),
                    }
                });
            }
            Some("unseal") => {
                let (Ok(file), Ok(key)) = (get("file").dyn_into::<Blob>(), get("key").dyn_into::<Blob>()) else { return };
                let passphrase = Zeroizing::new(get("passphrase").as_string().unwrap_or_default());
                wasm_bindgen_futures::spawn_local(async move {
                    let (answer, blob) = unseal::unseal(&file, &key, &passphrase).await;
                    post(id, "reply", &[("json", answer.to_string().into()), ("blob", blob.map_or(JsValue::UNDEFINED, JsValue::from))]);
                });
            }
            Some("seal-keygen") => {
                let passphrase = Zeroizing::new(get("passphrase").as_string().unwrap_or_default());
                let (answer, blob) = unseal::keygen(&passphrase);
                post(id, "reply", &[("json", answer.to_string().into()), ("blob", blob.map_or(JsValue::UNDEFINED, JsValue::from))]);
            }
            Some("receipt") => {
                let (body, hash) = (get("body").as_string().unwrap_or_default(), get("hash").as_string().unwrap_or_default());
                wasm_bindgen_futures::spawn_local(async move {
                    post(id, "reply", &[("json", verify::receipt_json(&body, &hash).await.into())]);
                });
            }
            Some("restore") => {
                let wanted: Vec<String> = js_sys::Array::from(&get("sha256")).iter().filter_map(|s| s.as_string()).collect();
                wasm_bindgen_futures::spawn_local(async move {
                    let (found, lost) = keep::restore(id, &wanted).await;
                    let lost: js_sys::Array = lost.iter().map(|s| JsValue::from(s.as_str())).collect();
                    post(id, "restored", &[("files", keep::to_js(&found)), ("lost", lost.into())]);
                });
            }
            Some("resume") => {
                let keys: Vec<String> = js_sys::Array::from(&get("keys")).iter().filter_map(|s| s.as_string()).collect();
                wasm_bindgen_futures::spawn_local(async move {
                    let (found, lost) = keep::resume(&keys).await;
                    let lost: js_sys::Array = lost.iter().map(|s| JsValue::from(s.as_str())).collect();
                    post(id, "restored", &[("files", keep::to_js(&found)), ("lost", lost.into())]);
                });
            }
            Some("keep") => {
                let files = get("files");
                wasm_bindgen_futures::spawn_local(async move {
                    for f in js_sys::Array::from(&files).iter() {
                        let sha = Reflect::get(&f, &"sha256".into()).ok().and_then(|s| s.as_string()).unwrap_or_default();
                        if let Ok(blob) = Reflect::get(&f, &"blob".into()).unwrap_or_default().dyn_into::<Blob>() {
                            let _ = keep::keep(&sha, &blob).await;
                        }
                    }
                    post(id, "kept", &[]);
                });
            }
            Some("seal") => {
                let Ok(file) = get("file").dyn_into::<Blob>() else { return };
                let to: Vec<String> = js_sys::Array::from(&get("to")).iter().filter_map(|s| s.as_string()).collect();
                wasm_bindgen_futures::spawn_local(async move {
                    let (answer, blob) = match package::recipients(to.iter().map(String::as_str)) {
                        Err(e) => (e, None),
                        Ok(to) => match package::seal(&file, &to).await {
                            Ok((blob, sha)) => {
                                let heap = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length();
                                (serde_json::json!({ "sha256": sha, "wasmBytes": heap }), Some(blob))
                            }
                            Err(e) => (e, None),
                        },
                    };
                    post(id, "reply", &[("json", answer.to_string().into()), ("blob", blob.map_or(JsValue::UNDEFINED, JsValue::from))]);
                });
            }
            Some("sweep") => {
                let keep: Vec<String> = js_sys::Array::from(&get("keep")).iter().filter_map(|s| s.as_string()).collect();
                wasm_bindgen_futures::spawn_local(async move {
                    keep::sweep(&keep).await;
                    post(id, "swept", &[]);
                });
            }
            Some("package") => {
                let (form, data, rows) = (get("form").as_string().unwrap_or_default(), get("data").as_string().unwrap_or_default(), get("rows").as_string().unwrap_or_default());
                let (files, fee) = (get("files"), get("fee").as_string());
                wasm_bindgen_futures::spawn_local(async move {
                    let (answer, blob) = package::package(&form, &data, &rows, &files, fee).await;
                    post(id, "reply", &[("json", answer.to_string().into()), ("blob", blob.map_or(JsValue::UNDEFINED, JsValue::from))]);
                });
            }
            Some("process") => {
                let (Ok(file), Some(rule)) = (get("file").dyn_into::<File>(), get("rule").as_string()) else { return };
                let rule = serde_json::from_str(&rule).map(|v| EvidenceRule::from_json(&v)).unwrap_or_default();
                // Kept on the device unless the citizen said it is a shared one;
                // the original too, under the key the draft names, until then.
                let keep_it = get("keep").as_bool().unwrap_or(false);
                let picked = get("picked").as_string().filter(|_| keep_it);
                let edits = get("edits").as_string().and_then(|e| serde_json::from_str(&e).ok()).map(|e| compress::Edits::from_json(&e));
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(key) = picked {
                        // Not kept only means a reload now would ask for it again.
                        let _ = keep::keep_picked(&key, &file).await;
                    }
                    let progress = |done: f64, total: f64| post(id, "progress", &[("done", done.into()), ("total", total.into())]);
                    match process(id, &file, &rule, &progress, true, edits.as_ref()).await {
                        Ok((entry, blob)) => {
                            let not_kept = match keep_it {
                                true => keep::keep(&entry.sha256.hex(), &blob).await.err().map_or(JsValue::UNDEFINED, JsValue::from),
                                false => JsValue::UNDEFINED,
                            };
                            post(id, "done", &[("entry", entry.to_json().to_string().into()), ("blob", blob.into()), ("notKept", not_kept)])
                        }
                        Err(Stop::Problem(p)) => post(id, "error", &[("problem", p.to_json().to_string().into())]),
                        Err(Stop::Cancelled) => post(id, "cancelled", &[]),
                    }
                    CANCELLED.with(|c| c.borrow_mut().retain(|x| *x != id));
                });
            }
            _ => {}
        }
    });
}

/// How many bytes of the start are read to tell the type and image size.
const HEAD: f64 = 64.0 * 1024.0;

/// Takes `file` in as evidence under `rule`: its type by its bytes, its
/// SHA-256, a photo compressed, and (when `check_signature`) a signed PDF's
/// verdict against the site's trust list.
pub(crate) async fn process(
    id: u32,
    file: &File,
    rule: &EvidenceRule,
    progress: &dyn Fn(f64, f64),
    check_signature: bool,
    edits: Option<&compress::Edits>,
) -> Result<(ManifestEntry, Blob), Stop> {
    let size = file.size() as u64;
    let head = read::slice(file, 0.0, HEAD.min(size as f64)).await.map_err(|_| EvidenceProblem::Corrupt)?;
    let media = sniff(&head);
    rule.check(size, media)?;
    if media == MediaType::Pdf {
        let tail = read::slice(file, (size as f64 - 2048.0).max(0.0), size as f64).await.map_err(|_| EvidenceProblem::Corrupt)?;
        if !pdf_is_complete(&tail) {
            return Err(EvidenceProblem::TruncatedPdf.into());
        }
    }
    let original_sha256 = read::sha256(id, file, progress).await?;
    let name = file.name();

    if media.is_compressible_image() {
        if let Some((w, h)) = image_size(&head) {
            let pixels = u64::from(w) * u64::from(h);
            if pixels > rule.max_pixels {
                return Err(EvidenceProblem::TooManyPixels { pixels, limit: rule.max_pixels }.into());
            }
        }
        if let Some(out) = compress::compress(id, file, media, &head, rule, edits).await? {
            let sha256 = read::sha256(id, &out.blob, &|_, _| {}).await?;
            let size_out = out.blob.size() as u64;
            if size_out > rule.max_bytes {
                return Err(EvidenceProblem::TooLarge { size: size_out, limit: rule.max_bytes }.into());
            }
            let entry = ManifestEntry {
                name: renamed(&name, MediaType::Jpeg),
                media_type: MediaType::Jpeg,
                size: size_out,
                sha256,
                compression: Some(Compression {
                    original_size: size,
                    original_sha256,
                    original_type: media,
                    long_edge: out.long_edge,
                    quality: out.quality,
                }),
                signature: None,
                marked: edits.map(|e| Marked { use_text: e.mark.clone(), redactions: e.rects.len() as u32 }),
            };
            return Ok((entry, out.blob));
        }
        if size > rule.max_bytes {
            return Err(EvidenceProblem::TooLarge { size, limit: rule.max_bytes }.into());
        }
    }
    // A signed PDF is verified on intake; its verdict joins its entry.
    let signature = if media == MediaType::Pdf && check_signature {
        match read::slice(file, 0.0, size as f64).await {
            Ok(bytes) => verify::evidence_check(&bytes).await,
            Err(_) => None,
        }
    } else {
        None
    };
    let entry = ManifestEntry { name, media_type: media, size, sha256: original_sha256, compression: None, signature, marked: None };
    Ok((entry, file.clone().into()))
}

/// `photo.png` becomes `photo.jpg` once re-encoded.
fn renamed(name: &str, to: MediaType) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    format!("{stem}.{}", to.extension())
}
