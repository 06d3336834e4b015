//! Permit signing in the worker: the clerk's key file and password arrive
//! with each request, a signer is made, the PDF is signed, and the signer
//! (which wipes its key when dropped) and every buffer that held key bytes
//! are gone before the answer is sent. Nothing is stored; nothing leaves
//! the device.
//!
//! This is a worker of its own (`sign-worker`), loaded only on `#/sign`, so
//! citizens attaching evidence never download the signing code.
//!
//! Messages in: `{op: "describe-signer", id, creds}`, `{op: "sign", id,
//! file, creds, options, revocation}` (`revocation`: an array of Files
//! holding CRLs or OCSP answers for the chain, signed into the signature),
//! `{op: "keygen", id, cn, org, selfSigned}`. Out:
//! `{id, kind: "reply", json, blob?}`. Requests carry `creds`: `{p12: Blob,
//! password}` or `{key: Blob, cert: Blob, chain?: Blob}`. Answers are JSON; a
//! failure is `{error: {th, en}}`.

use eservice_core::keygen::{generate, Output};
use eservice_core::register::{NewPermit, Register};
use eservice_core::revocation::RevocationFile;
use eservice_core::signature::cms::Revocation;
use eservice_core::signing::{sign, Certify, Options, SignError, Signer, Stamp};
use eservice_core::Lang;
use js_sys::Reflect;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;
use zeroize::Zeroizing;

use super::read::slice;
use super::post;
use crate::clock::unix_now;
use crate::reply::error;

const FONT_URL: &str = "fonts/Garuda.ttf";

fn error_of(e: &SignError) -> Value {
    error(&e.message(Lang::Th), &e.message(Lang::En))
}

fn unreadable() -> Value {
    error("อ่านไฟล์ไม่ได้", "The file could not be read")
}

async fn bytes(v: &JsValue, key: &str) -> Result<Option<Zeroizing<Vec<u8>>>, Value> {
    let Ok(blob) = Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED).dyn_into::<Blob>() else { return Ok(None) };
    slice(&blob, 0.0, blob.size()).await.map(|b| Some(Zeroizing::new(b))).map_err(|_| unreadable())
}

async fn signer(creds: &JsValue) -> Result<Signer, Value> {
    if let Some(p12) = bytes(creds, "p12").await? {
        let password = Zeroizing::new(Reflect::get(creds, &"password".into()).ok().and_then(|p| p.as_string()).unwrap_or_default());
        return Signer::from_p12(&p12, &password).map_err(|e| error_of(&e));
    }
    match (bytes(creds, "key").await?, bytes(creds, "cert").await?) {
        (Some(key), Some(cert)) => {
            let chain = bytes(creds, "chain").await?;
            Signer::from_files(&key, &cert, chain.as_deref().map(|c| c.as_slice())).map_err(|e| error_of(&e))
        }
        _ => Err(error("กรุณาเลือกไฟล์กุญแจและใบรับรอง", "Pick the key and certificate files")),
    }
}

/// Who the credentials sign as, and what to know first.
pub async fn describe(creds: &JsValue) -> Value {
    match signer(creds).await {
        Ok(s) => {
            let c = s.certificate();
            let warnings: Vec<Value> = s.warnings(unix_now()).iter().map(|w| json!({ "th": w.message(Lang::Th), "en": w.message(Lang::En) })).collect();
            json!({
                "name": c.display_name(),
                "organization": c.organization,
                "stamp": s.display_name(),
                "validUntil": eservice_core::verification::show_time(c.not_after),
                "warnings": warnings,
            })
        }
        Err(e) => e,
    }
}

fn text(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// The CRLs and OCSP answers in `files`; a file that is neither is named.
async fn revocation(files: &JsValue) -> Result<Revocation, Value> {
    let mut out = Revocation::default();
    for file in js_sys::Array::from(files).iter() {
        let Ok(blob) = file.clone().dyn_into::<Blob>() else { continue };
        let name = file.dyn_into::<web_sys::File>().map(|f| f.name()).unwrap_or_default();
        let bytes = slice(&blob, 0.0, blob.size()).await.map_err(|_| unreadable())?;
        match RevocationFile::read(&bytes) {
            Some(RevocationFile::Crls(c)) => out.crls.extend(c),
            Some(RevocationFile::Ocsp(o)) => out.ocsps.push(o),
            None => {
                return Err(error(
                    &format!("ไฟล์ {name} ไม่ใช่รายการเพิกถอนใบรับรอง (CRL) หรือคำตอบ OCSP"),
                    &format!("The file {name} is neither a certificate revocation list (CRL) nor an OCSP response"),
                ))
            }
        }
    }
    Ok(out)
}

/// Signs `pdf`; the answer is `{sha256, register?}` with the signed PDF.
pub async fn sign_pdf(pdf: &Blob, creds: &JsValue, options: &str, files: &JsValue) -> (Value, Option<Vec<u8>>) {
    let Ok(opts) = serde_json::from_str::<Value>(options) else { return (unreadable(), None) };
    let revocation = match revocation(files).await {
        Ok(r) => r,
        Err(e) => return (e, None),
    };
    let signer = match signer(creds).await {
        Ok(s) => s.with_revocation(revocation),
        Err(e) => return (e, None),
    };
    let Ok(original) = slice(pdf, 0.0, pdf.size()).await else { return (unreadable(), None) };
    let stamp = match opts.get("stamp") {
        Some(Value::String(s)) => match Stamp::parse(s) {
            Some(s) => Some(s),
            None => return (error("ตำแหน่งตราประทับไม่ถูกต้อง (หน้า,X,Y,กว้าง,สูง)", "The stamp position is not valid (page,X,Y,width,height)"), None),
        },
        _ => None,
    };
    let certify = match opts.get("certify").and_then(Value::as_str) {
        Some("allow-signatures") => Some(Certify::FormFillingAndSigning),
        Some("no-changes") => Some(Certify::NoChanges),
        _ => None,
    };
    let time = unix_now();
    // The stamp's Thai font, fetched only when a stamp is asked for; without
    // it the stamp is drawn in Helvetica.
    let font = match stamp {
        Some(_) => super::verify::fetch_bytes(FONT_URL).await,
        None => None,
    };
    let o = Options { reason: text(&opts, "reason"), location: text(&opts, "location"), stamp, certify, time, font: font.as_deref(), tsa: None };
    let signed = match sign(&original, &signer, &o) {
        Ok(s) => s,
        Err(e) => return (error_of(&e), None),
    };
    drop(signer);
    let sha256 = eservice_core::evidence::Sha256Stream::digest(&signed).hex();
    let register = match opts.get("permit").filter(|p| p.is_object()) {
        Some(p) => match record(p, &signed, time).await {
            Ok(r) => Some(r),
            Err(e) => return (e, None),
        },
        None => None,
    };
    (json!({ "sha256": sha256, "register": register }), Some(signed))
}

/// The site's register with the new permit added, as the JSON to publish.
async fn record(p: &Value, signed: &[u8], time: u64) -> Result<String, Value> {
    let mut register = match super::verify::fetch_bytes(super::verify::REGISTER_URL).await {
        Some(b) => Register::from_json(super::verify::REGISTER_URL, &b).map_err(|e| error(&e.message(Lang::Th), &e.message(Lang::En)))?,
        None => Register::default(),
    };
    let (number, holder, kind, expires) = (text(p, "number"), text(p, "holder"), text(p, "type"), text(p, "expires"));
    let entry = NewPermit {
        number: number.as_deref().unwrap_or_default(),
        holder: holder.as_deref().unwrap_or_default(),
        kind: kind.as_deref().unwrap_or_default(),
        expires: expires.as_deref(),
    };
    register.record_signed(&entry, signed, time).map_err(|e| error(&e.message(Lang::Th), &e.message(Lang::En)))?;
    Ok(serde_json::to_string_pretty(&register.to_json()).unwrap_or_default() + "\n")
}

/// A new P-256 key with a request or a self-signed certificate, as PEM.
pub fn keygen(cn: &str, org: &str, self_signed: bool) -> Value {
    if cn.trim().is_empty() {
        return error("กรุณากรอกชื่อผู้ลงนาม", "Enter the signer's name");
    }
    let output = if self_signed { Output::SelfSigned { days: 365 } } else { Output::Request };
    let made = (0..8).find_map(|_| {
        let mut seed = Zeroizing::new([0u8; 32]);
        crate::random::fill(&mut *seed).then_some(())?;
        generate(&seed, cn.trim(), org.trim(), output, unix_now())
    });
    match made {
        Some(k) => json!({ "key": k.key_pem.as_str(), "other": k.pem, "selfSigned": self_signed }),
        None => error("เบราว์เซอร์นี้สร้างเลขสุ่มไม่ได้", "This browser gave no randomness"),
    }
}

/// Starts listening for signing requests.
pub fn run() {
    super::listen(|op, req| {
        let id = req.id;
        let get = |k: &str| req.get(k);
        match op {
            Some("describe-signer") => {
                let creds = get("creds");
                wasm_bindgen_futures::spawn_local(async move {
                    post(id, "reply", &[("json", describe(&creds).await.to_string().into())]);
                });
            }
            Some("sign") => {
                let (Ok(pdf), creds, Some(options), files) = (get("file").dyn_into::<Blob>(), get("creds"), get("options").as_string(), get("revocation")) else { return };
                wasm_bindgen_futures::spawn_local(async move {
                    let (answer, signed) = sign_pdf(&pdf, &creds, &options, &files).await;
                    let blob = signed.map(|b| crate::blob::from_bytes(&b, "application/pdf"));
                    post(id, "reply", &[("json", answer.to_string().into()), ("blob", blob.map_or(JsValue::UNDEFINED, JsValue::from))]);
                });
            }
            Some("keygen") => {
                let (cn, org) = (get("cn").as_string().unwrap_or_default(), get("org").as_string().unwrap_or_default());
                let answer = keygen(&cn, &org, get("selfSigned").as_bool().unwrap_or(false));
                post(id, "reply", &[("json", answer.to_string().into())]);
            }
            _ => {}
        }
    });
}

