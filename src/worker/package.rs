//! Building the submission package in the worker, off the page's thread:
//! the evidence files are read from their blobs, the manifest written, the
//! ZIP deflated, and, for a form with a fee, the PromptPay QR drawn for
//! the package's reference.
//!
//! In: `{op: "package", id, form: {id, schema, title, agency}, data, rows,
//! files: [{sha256, blob}], fee?}`.
//! Out: `{id, kind: "reply", json: {hash, reference, created, qr?} or
//! {error: {th, en}}, blob?}`.

use eservice_core::evidence::Digest;
use eservice_core::package::{build, created_at, FormRef};
use eservice_core::promptpay::{bill_payment, qr_svg, Satang};
use js_sys::{Array, Reflect};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::read::slice;
use crate::reply::error;

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
    (answer, Some(crate::blob::from_bytes(&built.zip, "application/zip")))
}
