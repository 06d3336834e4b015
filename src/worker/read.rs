//! Reading a file in the worker: a slice of it, or all of it in chunks into
//! the SHA-256, reporting progress and stopping when cancelled.

use eservice_core::evidence::{Digest, Sha256Stream};
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStreamDefaultReader};

use super::{cancelled, Stop};
use eservice_core::evidence::EvidenceProblem;

/// Files up to this size are hashed by the browser in one call, which is
/// faster; larger ones stream through Rust so memory stays flat.
pub fn one_shot_limit() -> f64 {
    // A sixteenth of the device's memory (`navigator.deviceMemory`, in GB):
    // 128 MB on a 2 GB phone, 512 MB on a desktop; 64 MB where unknown.
    const MB: f64 = 1024.0 * 1024.0;
    let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).ok();
    let gb = navigator.and_then(|n| Reflect::get(&n, &"deviceMemory".into()).ok()).and_then(|m| m.as_f64());
    gb.map_or(64.0 * MB, |gb| (gb * 1024.0 * MB / 16.0).clamp(64.0 * MB, 512.0 * MB))
}

pub async fn slice(blob: &Blob, start: f64, end: f64) -> Result<Vec<u8>, JsValue> {
    let part = blob.slice_with_f64_and_f64(start, end)?;
    let buf = JsFuture::from(part.array_buffer()).await?;
    Ok(Uint8Array::new(&buf).to_vec())
}

fn memory_or_corrupt(e: &JsValue) -> Stop {
    let name = Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    Stop::Problem(if name == "RangeError" || name == "QuotaExceededError" {
        EvidenceProblem::OutOfMemory
    } else {
        EvidenceProblem::Corrupt
    })
}

/// The SHA-256 of `blob`, with `progress(done, total)` as it goes.
pub async fn sha256(id: u32, blob: &Blob, progress: &dyn Fn(f64, f64)) -> Result<Digest, Stop> {
    sha256_with_limit(id, blob, progress, one_shot_limit()).await
}

/// As [`sha256`], hashing in one call only files up to `one_shot_limit` bytes.
pub async fn sha256_with_limit(id: u32, blob: &Blob, progress: &dyn Fn(f64, f64), one_shot_limit: f64) -> Result<Digest, Stop> {
    let total = blob.size();
    if total <= one_shot_limit {
        if let Some(d) = one_shot(blob).await {
            progress(total, total);
            return Ok(d);
        }
    }
    let reader: ReadableStreamDefaultReader = blob.stream().get_reader().unchecked_into();
    let mut stream = Sha256Stream::new();
    let mut last_report = 0.0;
    loop {
        if cancelled(id) {
            let _ = reader.cancel();
            return Err(Stop::Cancelled);
        }
        let step = JsFuture::from(reader.read()).await.map_err(|e| memory_or_corrupt(&e))?;
        if Reflect::get(&step, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let chunk: Uint8Array = Reflect::get(&step, &"value".into()).map_err(|e| memory_or_corrupt(&e))?.unchecked_into();
        // One copy into wasm memory per chunk; the chunk is then dropped.
        stream.update(&chunk.to_vec());
        let done = stream.len() as f64;
        if done - last_report >= 1024.0 * 1024.0 || done >= total {
            progress(done, total);
            last_report = done;
        }
    }
    Ok(stream.finish())
}

/// `crypto.subtle.digest` over the whole file; `None` where unavailable
/// (it needs a secure context).
async fn one_shot(blob: &Blob) -> Option<Digest> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let subtle = scope.crypto().ok()?.subtle();
    let buf = JsFuture::from(blob.array_buffer()).await.ok()?;
    let digest = JsFuture::from(subtle.digest_with_str_and_buffer_source(
        "SHA-256",
        buf.unchecked_ref::<js_sys::Object>(),
    ).ok()?)
    .await
    .ok()?;
    let bytes = Uint8Array::new(&digest).to_vec();
    <[u8; 32]>::try_from(bytes.as_slice()).ok().map(Digest)
}
