//! Building the submission package in the worker, off the page's thread:
//! the evidence files are read from their blobs, the manifest written, the
//! ZIP deflated, and, for a form with a fee, the PromptPay QR drawn for
//! the package's reference.
//!
//! When the form names the agency's keys (`encryptTo`), the ZIP is sealed
//! to them (age) before it leaves the worker, so nothing the page keeps,
//! downloads, e-mails or POSTs is readable on the way; the hash and
//! reference stay the plaintext manifest's.
//!
//! In: `{op: "package", id, form: {id, schema, title, agency, encryptTo?},
//! data, rows, files: [{sha256, blob}], fee?}`.
//! Out: `{id, kind: "reply", json: {hash, reference, created, qr?,
//! sealed?: {format, sha256}} or {error: {th, en}}, blob?}`.

use eservice_core::evidence::Digest;
use eservice_core::seal::{Recipient, Sealer};
use eservice_core::package::{build, created_at, FormRef};
use eservice_core::promptpay::{bill_payment, qr_svg, Satang};
use js_sys::{Array, Reflect};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::read::{one_shot_limit, slice};
use crate::reply::{error, seal_error};

fn text(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// Builds the package; the answer and the ZIP.
pub async fn package(form: &str, data: &str, rows: &str, files: &JsValue, fee: Option<String>) -> (Value, Option<Blob>) {
    let (Ok(form), Ok(data), Ok(rows)) = (serde_json::from_str::<Value>(form), serde_json::from_str::<Value>(data), serde_json::from_str::<Vec<(String, String)>>(rows)) else {
        return (error("ข้อมูลคำขออ่านไม่ได้", "The request data could not be read"), None);
    };
    let mut bytes: Vec<(Digest, Vec<u8>)> = Vec::new();
    for f in Array::from(files).iter() {
        let sha = Reflect::get(&f, &"sha256".into()).ok().and_then(|s| s.as_string()).and_then(|s| Digest::from_hex(&s));
        let blob = Reflect::get(&f, &"blob".into()).ok().and_then(|b| b.dyn_into::<Blob>().ok());
        if let (Some(sha), Some(blob)) = (sha, blob) {
            match slice(&blob, 0.0, blob.size()).await {
                Ok(b) => bytes.push((sha, b)),
                Err(_) => return (error("อ่านไฟล์หลักฐานไม่ได้", "An evidence file could not be read"), None),
            }
        }
    }
    // The agency's keys are read before anything is built: one that cannot
    // be read stops the package, never sends it in the clear.
    let sealing = match form.get("encryptTo").and_then(Value::as_array) {
        None => None,
        Some(keys) => match recipients(keys.iter().map(|k| k.as_str().unwrap_or_default())) {
            Ok(to) => Some(to),
            Err(e) => return (e, None),
        },
    };
    let schema_sha256 = eservice_core::package::schema_sha256(form.get("schema").unwrap_or(&Value::Null));
    let version = form.get("version").and_then(Value::as_str).map(str::to_owned);
    let form = FormRef { id: text(&form, "id"), version, schema_sha256, title: text(&form, "title"), agency: text(&form, "agency") };
    let (created, stamp) = created_at(crate::clock::unix_now());
    let refs: Vec<(Digest, &[u8])> = bytes.iter().map(|(d, b)| (*d, b.as_slice())).collect();
    let built = match build(&form, &data, &refs, &created, stamp, &rows) {
        Ok(b) => b,
        Err(name) => {
            let (th, en) = (format!("ไม่พบไฟล์หลักฐาน {name} กรุณาแนบใหม่"), format!("The evidence file {name} is missing; attach it again"));
            return (error(&th, &en), None);
        }
    };
    let mut answer = json!({ "hash": built.hash.hex(), "reference": built.reference, "created": created });
    if let Some(fee) = fee.and_then(|f| serde_json::from_str::<Value>(&f).ok()) {
        let amount = fee.get("amount").and_then(Value::as_str).and_then(Satang::from_baht);
        if let Ok(payload) = bill_payment(&text(&fee, "billerId"), &built.reference, amount) {
            answer["qr"] = json!(qr_svg(&payload));
            answer["payload"] = json!(payload);
            answer["amount"] = json!(amount.map(Satang::baht));
        }
    }
    let zip = crate::blob::from_bytes(&built.zip, "application/zip");
    let Some(to) = sealing else { return (answer, Some(zip)) };
    // The ZIP now lives in the blob: the heap drops its copy before sealing.
    drop(built);
    drop(bytes);
    match seal(&zip, &to).await {
        Ok((blob, sha256)) => {
            answer["sealed"] = json!({ "format": "age", "sha256": sha256 });
            (answer, Some(blob))
        }
        Err(e) => (e, None),
    }
}

/// The agency's keys as the page handed them over (`age1…`); the first
/// that cannot be read, as the answer's error.
pub fn recipients<'a>(keys: impl Iterator<Item = &'a str>) -> Result<Vec<Recipient>, Value> {
    keys.map(Recipient::parse).collect::<Result<Vec<_>, _>>().map_err(|e| seal_error(&e))
}

/// `blob` sealed to `to`, read a slice at a time and each sealed chunk
/// handed to the browser as a blob part at once, so the wasm heap holds
/// neither the whole package nor its sealed copy; and the sealed file's
/// SHA-256.
pub async fn seal(blob: &Blob, to: &[Recipient]) -> Result<(Blob, String), Value> {
    // The package and its sealed copy are both in the browser's memory
    // until the blob is made: one too large for that is refused before
    // anything is sent.
    seal_within(blob, to, 2.0 * one_shot_limit()).await
}

/// As [`seal`], refusing (before reading a byte) a package over `limit` bytes.
pub async fn seal_within(blob: &Blob, to: &[Recipient], limit: f64) -> Result<(Blob, String), Value> {
    if blob.size() > limit {
        let (mb, max) = ((blob.size() as usize) >> 20, (limit as usize) >> 20);
        return Err(error(
            &format!("ชุดเอกสาร ({mb} MB) ใหญ่เกินกว่าที่เครื่องนี้จะเข้ารหัสได้ (ไม่เกิน {max} MB) จึงยังไม่ได้ส่ง ลดจำนวนหรือขนาดไฟล์แนบ หรือยื่นจากคอมพิวเตอร์"),
            &format!("The package ({mb} MB) is too large for this device to encrypt (at most {max} MB), so nothing was sent; attach fewer or smaller files, or apply from a computer"),
        ));
    }
    let mut random_ok = true;
    let mut random = |b: &mut [u8]| random_ok &= crate::random::fill(b);
    let (head, mut sealer) = Sealer::to(to, &mut random).map_err(|e| seal_error(&e))?;
    if !random_ok {
        return Err(error("เบราว์เซอร์นี้สร้างเลขสุ่มไม่ได้ จึงเข้ารหัสไม่ได้", "This browser gave no randomness, so the package could not be encrypted"));
    }
    let parts = Array::new();
    let push = |bytes: &[u8]| {
        parts.push(&js_sys::Uint8Array::from(bytes));
    };
    push(&head);
    const SLICE: f64 = (4 << 20) as f64;
    let mut at = 0.0;
    while at < blob.size() {
        let end = (at + SLICE).min(blob.size());
        let piece = slice(blob, at, end).await.map_err(|_| error("อ่านชุดเอกสารไม่ได้", "The package could not be read"))?;
        push(&sealer.update(&piece));
        at = end;
    }
    push(&sealer.finish());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let kept = || error("เก็บชุดเอกสารที่เข้ารหัสแล้วไม่ได้", "The encrypted package could not be kept");
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| kept())?;
    // The browser's own SHA-256 over the result: faster than hashing each chunk in wasm.
    let sha = super::read::sha256(0, &blob, &|_, _| {}).await.map_err(|_| kept())?;
    Ok((blob, sha.hex()))
}
