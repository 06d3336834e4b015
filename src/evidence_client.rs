//! The page's side of the evidence worker: started on first use, one job per
//! file, and the processed files kept in memory (by SHA-256) until the
//! submission is packaged. Nothing here leaves the device.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use eservice_core::evidence::{EvidenceProblem, EvidenceRule, ManifestEntry};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, File, MessageEvent, Worker};
use yew::Callback;

/// Trunk's loaders for the worker builds, beside the page (they call
/// `importScripts`, so the workers are classic ones): evidence and
/// verification, and (for agency staff on `#/sign`) signing.
const WORKER_URL: &str = "evidence-worker_loader.js";
const SIGN_WORKER_URL: &str = "sign-worker_loader.js";

/// What the worker reports about one file.
#[derive(Clone)]
pub enum JobEvent {
    Progress { done: f64, total: f64 },
    /// Processed; `not_kept` names why the device would not keep it
    /// (`QuotaExceededError`…), when asked to.
    Done { entry: ManifestEntry, blob: Blob, not_kept: Option<String> },
    /// Files read back from the device (processed ones by SHA-256, checked
    /// against it; originals by their key); and those not there, or changed.
    Restored { files: Vec<(String, Blob)>, lost: Vec<String> },
    Failed(EvidenceProblem),
    Cancelled,
    /// A verification report: JSON `{th, en, problems}`.
    Verified(String),
    /// Verification could not run; the message says why (Thai, then English).
    VerifyFailed(String),
    /// A signing answer: JSON (`{error: {th, en}}` on failure), and the
    /// signed PDF.
    Reply(serde_json::Value, Option<Blob>),
}

/// Who waits for each job's answers, by job id.
type Jobs = Rc<RefCell<Vec<(u32, Callback<JobEvent>)>>>;

struct Client {
    worker: Worker,
    jobs: Jobs,
    next: Cell<u32>,
    /// Messages held until the worker has loaded its wasm and listens:
    /// a message sent before then would be dropped.
    waiting: Rc<RefCell<Option<Vec<JsValue>>>>,
    _on_message: gloo_events::EventListener,
}

impl Client {
    fn send(&self, msg: JsValue) {
        match self.waiting.borrow_mut().as_mut() {
            Some(queue) => queue.push(msg),
            None => {
                self.worker.post_message(&msg).ok();
            }
        }
    }
}

thread_local! {
    /// The workers started so far, by loader URL.
    static CLIENTS: RefCell<Vec<(&'static str, Rc<Client>)>> = const { RefCell::new(Vec::new()) };
    /// Processed files, by SHA-256, with an object URL for thumbnails.
    static FILES: RefCell<Vec<(String, Blob, String)>> = const { RefCell::new(Vec::new()) };
}

fn field(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

fn start(url: &str) -> Option<Rc<Client>> {
    // Trunk builds workers for `importScripts`: a classic worker.
    let worker = Worker::new(&crate::net::url(url)).ok()?;
    let jobs: Jobs = Rc::default();
    let waiting: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let routes = jobs.clone();
    let (held, target) = (waiting.clone(), worker.clone());
    let on_message = gloo_events::EventListener::new(&worker, "message", move |e: &web_sys::Event| {
        let Some(e) = e.dyn_ref::<MessageEvent>() else { return };
        let d = e.data();
        if field(&d, "kind").as_string().as_deref() == Some("ready") {
            for msg in held.borrow_mut().take().unwrap_or_default() {
                target.post_message(&msg).ok();
            }
            return;
        }
        let id = field(&d, "id").as_f64().unwrap_or(0.0) as u32;
        let parse = |k: &str| field(&d, k).as_string().and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok());
        let event = match field(&d, "kind").as_string().as_deref() {
            Some("progress") => JobEvent::Progress {
                done: field(&d, "done").as_f64().unwrap_or(0.0),
                total: field(&d, "total").as_f64().unwrap_or(0.0),
            },
            Some("done") => match (parse("entry").and_then(|v| ManifestEntry::from_json(&v)), field(&d, "blob").dyn_into::<Blob>()) {
                (Some(entry), Ok(blob)) => JobEvent::Done { entry, blob, not_kept: field(&d, "notKept").as_string() },
                _ => JobEvent::Failed(EvidenceProblem::Corrupt),
            },
            Some("restored") => {
                let files = js_sys::Array::from(&field(&d, "files"))
                    .iter()
                    .filter_map(|f| Some((field(&f, "key").as_string()?, field(&f, "blob").dyn_into::<Blob>().ok()?)))
                    .collect();
                let lost = js_sys::Array::from(&field(&d, "lost")).iter().filter_map(|s| s.as_string()).collect();
                JobEvent::Restored { files, lost }
            }
            Some("error") => JobEvent::Failed(parse("problem").and_then(|v| EvidenceProblem::from_json(&v)).unwrap_or(EvidenceProblem::Corrupt)),
            Some("cancelled") => JobEvent::Cancelled,
            Some("verified") => JobEvent::Verified(field(&d, "report").as_string().unwrap_or_default()),
            Some("failed") => JobEvent::VerifyFailed(field(&d, "message").as_string().unwrap_or_default()),
            Some("reply") => JobEvent::Reply(parse("json").unwrap_or_default(), field(&d, "blob").dyn_into::<Blob>().ok()),
            _ => return,
        };
        let finished = !matches!(event, JobEvent::Progress { .. });
        let cb = routes.borrow().iter().find(|(j, _)| *j == id).map(|(_, cb)| cb.clone());
        if let Some(cb) = cb {
            cb.emit(event);
        }
        if finished {
            routes.borrow_mut().retain(|(j, _)| *j != id);
        }
    });
    Some(Rc::new(Client { worker, jobs, next: Cell::new(1), waiting, _on_message: on_message }))
}

fn client(url: &'static str) -> Option<Rc<Client>> {
    CLIENTS.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((_, client)) = c.iter().find(|(u, _)| *u == url) {
            return Some(client.clone());
        }
        let client = start(url)?;
        c.push((url, client.clone()));
        if url == WORKER_URL {
            // Files whose drafts are gone (sent, discarded, expired) go too.
            client.send(sweep_message(&crate::storage::draft_files()));
        }
        Some(client)
    })
}

/// Hands `file` to the worker; events arrive on `on_event`. Returns the job
/// id, or `None` if this browser cannot start the worker. The processed
/// file is kept on the device beside the draft when `keep`; the original
/// too, while it is processed, when `picked` names a key for it. `edits`
/// (`{mark, rects}`) are applied to a copy before it is hashed.
pub fn process(file: &File, rule: &EvidenceRule, keep: bool, picked: Option<&str>, edits: Option<&serde_json::Value>, on_event: Callback<JobEvent>) -> Option<u32> {
    let picked = picked.map_or(JsValue::UNDEFINED, JsValue::from);
    let edits = edits.map_or(JsValue::UNDEFINED, |e| e.to_string().into());
    let fields = [("file", file.into()), ("rule", rule.to_json().to_string().into()), ("keep", keep.into()), ("picked", picked), ("edits", edits)];
    submit(WORKER_URL, "process", &fields, on_event)
}

/// Reads back the originals kept under these keys (files picked whose
/// processing a reload cut short).
pub fn resume(keys: &[String], on_event: Callback<JobEvent>) -> Option<u32> {
    let list: js_sys::Array = keys.iter().map(|s| JsValue::from(s.as_str())).collect();
    submit(WORKER_URL, "resume", &[("keys", list.into())], on_event)
}

/// Reads the files with these SHA-256s back from the device.
pub fn restore(sha256: &[String], on_event: Callback<JobEvent>) -> Option<u32> {
    let list: js_sys::Array = sha256.iter().map(|s| JsValue::from(s.as_str())).collect();
    submit(WORKER_URL, "restore", &[("sha256", list.into())], on_event)
}

fn sweep_message(keep: &[String]) -> JsValue {
    let msg = Object::new();
    let list: js_sys::Array = keep.iter().map(|s| JsValue::from(s.as_str())).collect();
    Reflect::set(&msg, &"op".into(), &"sweep".into()).ok();
    Reflect::set(&msg, &"keep".into(), &list).ok();
    msg.into()
}

/// Removes from the device every kept file but those the drafts name
/// ("clear this device" after the drafts are gone: all of them).
pub fn sweep() {
    // Starting the worker sweeps; a running one is asked again.
    let fresh = CLIENTS.with(|c| !c.borrow().iter().any(|(u, _)| *u == WORKER_URL));
    if let Some(c) = client(WORKER_URL) {
        if !fresh {
            c.send(sweep_message(&crate::storage::draft_files()));
        }
    }
}

/// Starts one job in the worker at `url`: `op` with its fields; events for it go to
/// `on_event`.
fn submit(url: &'static str, op: &str, fields: &[(&str, JsValue)], on_event: Callback<JobEvent>) -> Option<u32> {
    let c = client(url)?;
    let id = c.next.get();
    c.next.set(id + 1);
    c.jobs.borrow_mut().push((id, on_event));
    let msg = Object::new();
    Reflect::set(&msg, &"op".into(), &op.into()).ok();
    Reflect::set(&msg, &"id".into(), &id.into()).ok();
    for (k, v) in fields {
        Reflect::set(&msg, &(*k).into(), v).ok();
    }
    c.send(msg.into());
    Some(id)
}

/// Verifies a PDF in the worker, with the site's trust list or `trust`
/// (the text of one the user picked). The answer arrives on `on_event`.
pub fn verify(file: &Blob, trust: Option<String>, on_event: Callback<JobEvent>) -> Option<u32> {
    let trust = trust.map_or(JsValue::UNDEFINED, JsValue::from);
    submit(WORKER_URL, "verify", &[("file", file.into()), ("trust", trust)], on_event)
}

/// Builds the submission package in the worker: `form` is `{id, schema,
/// title, agency}`, `rows` the summary's label/value pairs,
/// the evidence files are the kept ones the data names; `fee` is the form's
/// `{billerId, amount}`. The answer (and the ZIP) arrive on `on_event`.
pub fn package(form: &serde_json::Value, data: &serde_json::Value, rows: &[(String, String)], fee: Option<&serde_json::Value>, on_event: Callback<JobEvent>) -> Option<u32> {
    let files = files_for(data);
    let fee = fee.map_or(JsValue::UNDEFINED, |f| f.to_string().into());
    let rows = serde_json::to_string(rows).unwrap_or_default();
    submit(WORKER_URL, "package", &[("form", form.to_string().into()), ("data", data.to_string().into()), ("rows", rows.into()), ("files", files.into()), ("fee", fee)], on_event)
}

/// `[{sha256, blob}]`: the processed files the evidence entries in `data` name.
pub fn files_for(data: &serde_json::Value) -> js_sys::Array {
    let files = js_sys::Array::new();
    for (_, entry) in eservice_core::package::evidence_entries(data) {
        let sha = entry.sha256.hex();
        if let Some(blob) = file(&sha) {
            let o = Object::new();
            Reflect::set(&o, &"sha256".into(), &sha.into()).ok();
            Reflect::set(&o, &"blob".into(), &blob).ok();
            files.push(&o);
        }
    }
    files
}

/// Keeps the files of a `files_for` list, handed over from another bundle.
pub fn keep_all(files: &js_sys::Array) {
    for f in files.iter() {
        let (sha, blob) = (field(&f, "sha256").as_string(), field(&f, "blob").dyn_into::<Blob>());
        if let (Some(sha), Ok(blob)) = (sha, blob) {
            keep(&sha, blob);
        }
    }
}

/// Opens the sealed package `file` with the agency's key file and its
/// passphrase; the ZIP (or what stopped it) arrives on `on_event`.
pub fn unseal(file: &Blob, key: &Blob, passphrase: &str, on_event: Callback<JobEvent>) -> Option<u32> {
    submit(WORKER_URL, "unseal", &[("file", file.into()), ("key", key.into()), ("passphrase", passphrase.into())], on_event)
}

/// A new encryption key pair for the agency: its public key, and the key
/// file sealed with `passphrase`, arrive on `on_event`.
pub fn seal_keygen(passphrase: &str, on_event: Callback<JobEvent>) -> Option<u32> {
    submit(WORKER_URL, "seal-keygen", &[("passphrase", passphrase.into())], on_event)
}

/// Verifies an e-Service's answer `body` as the signed receipt for the
/// package `hash`, against the site's trust list.
pub fn receipt(body: &str, hash: &str, on_event: Callback<JobEvent>) -> Option<u32> {
    submit(WORKER_URL, "receipt", &[("body", body.into()), ("hash", hash.into())], on_event)
}

/// Key material for the worker: a `.p12` with its password, or PEM/DER
/// key, certificate and chain files.
pub enum Credentials {
    /// The password is read from its field when a request is sent.
    P12 { file: Blob, password: web_sys::HtmlInputElement },
    Pem { key: Blob, cert: Blob, chain: Option<Blob> },
}

impl Credentials {
    fn to_js(&self) -> JsValue {
        let o = Object::new();
        let set = |k: &str, v: &JsValue| {
            Reflect::set(&o, &k.into(), v).ok();
        };
        match self {
            Credentials::P12 { file, password } => {
                set("p12", file);
                set("password", &password.value().into());
            }
            Credentials::Pem { key, cert, chain } => {
                set("key", key);
                set("cert", cert);
                if let Some(c) = chain {
                    set("chain", c);
                }
            }
        }
        o.into()
    }
}

/// Who `creds` sign as (`{name, organization, validUntil, warnings}`).
pub fn describe_signer(creds: &Credentials, on_event: Callback<JobEvent>) -> Option<u32> {
    submit(SIGN_WORKER_URL, "describe-signer", &[("creds", creds.to_js())], on_event)
}

/// Signs `pdf` with `creds`; `options` is `{reason, location, stamp,
/// certify, permit}`.
/// `revocation`: files of CRLs or OCSP answers for the signer's chain, to
/// sign into the signature.
pub fn sign(pdf: &Blob, creds: &Credentials, options: &serde_json::Value, revocation: &[web_sys::File], on_event: Callback<JobEvent>) -> Option<u32> {
    let files: js_sys::Array = revocation.iter().collect();
    submit(SIGN_WORKER_URL, "sign", &[("file", pdf.into()), ("creds", creds.to_js()), ("options", options.to_string().into()), ("revocation", files.into())], on_event)
}

/// A new P-256 key, with a self-signed certificate or a request.
pub fn keygen(cn: &str, org: &str, self_signed: bool, on_event: Callback<JobEvent>) -> Option<u32> {
    submit(SIGN_WORKER_URL, "keygen", &[("cn", cn.into()), ("org", org.into()), ("selfSigned", self_signed.into())], on_event)
}

pub fn cancel(id: u32) {
    if let Some(c) = CLIENTS.with(|c| c.borrow().iter().find(|(u, _)| *u == WORKER_URL).map(|(_, c)| c.clone())) {
        let msg = Object::new();
        Reflect::set(&msg, &"op".into(), &"cancel".into()).ok();
        Reflect::set(&msg, &"id".into(), &id.into()).ok();
        c.send(msg.into());
    }
}

/// Keeps a processed file for the submission.
pub fn keep(sha256: &str, blob: Blob) {
    FILES.with(|f| {
        let mut f = f.borrow_mut();
        if !f.iter().any(|(s, _, _)| s == sha256) {
            let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap_or_default();
            f.push((sha256.to_owned(), blob, url));
        }
    });
}

/// The kept file with this SHA-256.
pub fn file(sha256: &str) -> Option<Blob> {
    FILES.with(|f| f.borrow().iter().find(|(s, _, _)| s == sha256).map(|(_, b, _)| b.clone()))
}

/// An object URL for showing the kept file (thumbnails, preview).
pub fn url(sha256: &str) -> Option<String> {
    FILES.with(|f| f.borrow().iter().find(|(s, _, _)| s == sha256).map(|(_, _, u)| u.clone()))
}
