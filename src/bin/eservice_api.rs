//! `eservice-api.js`: the kit's functions for a developer's own JavaScript,
//! as an ES module (docs/api.md). Call the default export once to load it.
//!
//! ```js
//! import init, { validate } from '/services/eform/eservice-api.js';
//! await init();
//! const { valid, errors } = validate(schema, data, { lang: 'en' });
//! ```

use wasm_bindgen::prelude::*;

fn main() {}

/// Validates `data` against the JSON Schema (draft 2020-12) `schema` with the
/// kit's own validator. Returns `{valid, errors: [{pointer, keyword,
/// message}]}`. Options: `lang` (`"th"`, `"en"`), `base` (the schema's
/// URL) and `documents` (the files its `$ref`s name, by URL). Throws when
/// the schema cannot be used.
#[wasm_bindgen]
pub fn validate(schema: JsValue, data: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    eservice_web::api::validate(&schema, &data, &options).map_err(|f| f.into_error())
}

/// The SHA-256 of `file` (a `Blob` or `File`) as hex. Large files are read in
/// chunks, so memory stays flat; `onProgress(done, total)` is called as it goes.
#[wasm_bindgen(js_name = hashFile)]
pub async fn hash_file(file: JsValue, on_progress: JsValue) -> Result<String, JsValue> {
    eservice_web::api::hash_file(&file, &on_progress).await.map_err(|f| f.into_error())
}

/// Takes `file` in as evidence: checks its type by its bytes and its size,
/// hashes it, and compresses a photo with the browser's codecs (scaled,
/// re-encoded as JPEG, metadata dropped). Resolves to `{blob, entry}`.
/// Options: `longEdge`, `minLongEdge`, `targetBytes`, `maxBytes`, `maxPixels`,
/// `accept` (MIME types) and `lang`.
#[wasm_bindgen(js_name = compressImage)]
pub async fn compress_image(file: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    eservice_web::api::compress_image(&file, &options).await.map_err(|f| f.into_error())
}

/// Verifies a signed permit PDF (`bytes`: `Uint8Array` or `ArrayBuffer`)
/// against `trustList` (the agency's trust.json as an object, text or bytes).
/// Returns the report: `verdict` (`valid`, `modified`, `invalid`,
/// `untrusted`, `not-signed`), its summary and each signature. Options:
/// `register` (the permit register, for withdrawn permits) and `lang`.
#[wasm_bindgen(js_name = verifyPermit)]
pub fn verify_permit(bytes: JsValue, trust_list: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    eservice_web::api::verify_permit(&bytes, &trust_list, &options).map_err(|f| f.into_error())
}

/// Opens a submission package (the ZIP, as `Uint8Array` or `ArrayBuffer`)
/// within safe limits and checks it: `{sound, reference, sha256, form,
/// evidence, problems, checklist}`. Options: `schema` (with `base` and
/// `documents`) to check the data and form version, `expect` (the reference
/// the citizen was given) and `lang`. Throws when it is no package at all.
#[wasm_bindgen(js_name = inspectPackage)]
pub fn inspect_package(bytes: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    eservice_web::api::inspect_package(&bytes, &options).map_err(|f| f.into_error())
}
