//! The kit's functions for a developer's own JavaScript, without the UI:
//! the `eservice-api` bundle (`src/bin/eservice_api.rs` exports them through
//! wasm-bindgen; `docs/api.md` documents them). Each is the code the kit's
//! pages use — the same validator, evidence intake, permit verification and
//! package inspection — and runs on whatever thread calls it.
//!
//! Failures are thrown as an `Error` whose message is in the language asked
//! for (`lang`, Thai by default) and which carries both as `th` and `en`.

use eservice_core::evidence::EvidenceRule;
use eservice_core::package::inspect::{check_form, checklist, open};
use eservice_core::package::schema_sha256;
use eservice_core::register::Register;
use eservice_core::schema::Validator;
use eservice_core::trust::TrustList;
use eservice_core::Lang;
use js_sys::{Function, Reflect, Uint8Array, JSON};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, File};

use crate::regexp::BrowserRegex;
use crate::worker::{self, read, Stop};

/// The job number API calls use with the worker code, which no one cancels.
const JOB: u32 = u32::MAX;

/// A failure, said in both languages.
pub struct Failure {
    th: String,
    en: String,
    lang: Lang,
}

impl Failure {
    fn new(lang: Lang, th: impl Into<String>, en: impl Into<String>) -> Failure {
        Failure { th: th.into(), en: en.into(), lang }
    }

    fn of(lang: Lang, message: impl Fn(Lang) -> String) -> Failure {
        Failure::new(lang, message(Lang::Th), message(Lang::En))
    }

    /// The `Error` thrown to JavaScript.
    pub fn into_error(self) -> JsValue {
        let e = js_sys::Error::new(self.lang.pick(&self.th, &self.en));
        Reflect::set(&e, &"th".into(), &self.th.into()).ok();
        Reflect::set(&e, &"en".into(), &self.en.into()).ok();
        e.into()
    }
}

fn option(options: &JsValue, key: &str) -> JsValue {
    if options.is_object() {
        Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// `options.lang` (`"th"` or `"en"`), Thai when absent.
fn lang_of(options: &JsValue) -> Lang {
    option(options, "lang").as_string().and_then(|t| Lang::from_tag(&t)).unwrap_or_default()
}

/// A JavaScript value (an object, or JSON text) as JSON; `what` names it.
fn json_of(v: &JsValue, what: &str, lang: Lang) -> Result<Value, Failure> {
    let text = match v.as_string() {
        Some(text) => text,
        None => JSON::stringify(v).ok().and_then(|s| s.as_string()).ok_or_else(|| {
            Failure::new(lang, format!("{what}: ไม่ใช่ข้อมูล JSON"), format!("{what}: not JSON data"))
        })?,
    };
    serde_json::from_str(&text).map_err(|e| Failure::new(lang, format!("{what}: JSON ไม่ถูกต้อง ({e})"), format!("{what}: invalid JSON ({e})")))
}

fn js_of(v: &Value) -> JsValue {
    JSON::parse(&v.to_string()).unwrap_or(JsValue::NULL)
}

/// Bytes given as a `Uint8Array`, an `ArrayBuffer`, or (for JSON lists) an
/// object or JSON text.
fn bytes_of(v: &JsValue, what: &str, lang: Lang) -> Result<Vec<u8>, Failure> {
    if let Some(a) = v.dyn_ref::<Uint8Array>() {
        return Ok(a.to_vec());
    }
    if v.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(v).to_vec());
    }
    Err(Failure::new(lang, format!("{what}: ต้องเป็น Uint8Array หรือ ArrayBuffer"), format!("{what}: expected a Uint8Array or an ArrayBuffer")))
}

/// A JSON list (trust list, register) as bytes, given as bytes, text or an object.
fn json_bytes_of(v: &JsValue, what: &str, lang: Lang) -> Result<Vec<u8>, Failure> {
    match bytes_of(v, what, lang) {
        Ok(b) => Ok(b),
        Err(_) => Ok(json_of(v, what, lang)?.to_string().into_bytes()),
    }
}

fn stopped(stop: Stop, lang: Lang) -> Failure {
    match stop {
        Stop::Problem(p) => Failure::of(lang, |l| p.message(l)),
        Stop::Cancelled => Failure::new(lang, "ยกเลิกแล้ว", "cancelled"),
    }
}

/// `{valid, errors: [{pointer, keyword, message}]}` for `data` against
/// `schema`. Options: `lang`; `base`, the schema's URL; `documents`, the
/// files its `$ref`s name, by URL.
pub fn validate(schema: &JsValue, data: &JsValue, options: &JsValue) -> Result<JsValue, Failure> {
    let lang = lang_of(options);
    let validator = validator_of(schema, options, lang)?;
    let data = json_of(data, "data", lang)?;
    // Fields named by their titles, and a pattern's example given, as the form does.
    let form = eservice_core::form::FormSpec::new(&validator, &Value::Null, &data, &Default::default());
    let errors: Vec<Value> = validator
        .validate(&data)
        .iter()
        .map(|e| {
            use eservice_core::schema::FieldInfo;
            serde_json::json!({
                "pointer": e.field().to_string(),
                "keyword": e.schema_path.last().unwrap_or_default(),
                "title": form.title(&e.field(), lang),
                "message": e.message_in(lang, &form),
            })
        })
        .collect();
    Ok(js_of(&serde_json::json!({ "valid": errors.is_empty(), "errors": errors })))
}

/// The validator for `schema`, with the `base` and `documents` of `options`.
fn validator_of(schema: &JsValue, options: &JsValue, lang: Lang) -> Result<Validator, Failure> {
    let schema = json_of(schema, "schema", lang)?;
    let mut builder = Validator::builder(schema);
    if let Some(base) = option(options, "base").as_string() {
        builder = builder.base(&base);
    }
    let documents = option(options, "documents");
    if documents.is_object() {
        for key in Reflect::own_keys(&documents).map(|a| a.to_vec()).unwrap_or_default().iter().filter_map(|k| k.as_string()) {
            let doc = json_of(&option(&documents, &key), &key, lang)?;
            builder = builder.document(&key, doc);
        }
    }
    builder.build(Box::new(BrowserRegex::default())).map_err(|e| Failure::of(lang, |l| e.message(l)))
}

/// The SHA-256 of `file` (a `Blob` or `File`) in hex, calling
/// `on_progress(done, total)` as it goes.
pub async fn hash_file(file: &JsValue, on_progress: &JsValue) -> Result<String, Failure> {
    let lang = Lang::default();
    let blob = file.dyn_ref::<Blob>().ok_or_else(|| Failure::new(lang, "file: ต้องเป็น Blob หรือ File", "file: expected a Blob or a File"))?;
    let callback = on_progress.dyn_ref::<Function>();
    let progress = |done: f64, total: f64| {
        if let Some(f) = callback {
            f.call2(&JsValue::NULL, &done.into(), &total.into()).ok();
        }
    };
    let digest = read::sha256_with_limit(JOB, blob, &progress, read::one_shot_limit()).await.map_err(|s| stopped(s, lang))?;
    Ok(digest.hex())
}

/// Takes a file in as evidence, as the kit's forms do: `{blob, entry}`,
/// where a photo is decoded, scaled and re-encoded as JPEG without its
/// metadata, and `entry` is its manifest entry (name, type, size, SHA-256,
/// and the original's size and SHA-256 when compressed). Options: the
/// evidence rule (`accept`, `maxBytes`, `longEdge`, `minLongEdge`,
/// `targetBytes`, `maxPixels`) and `lang`.
pub async fn compress_image(file: &JsValue, options: &JsValue) -> Result<JsValue, Failure> {
    let lang = lang_of(options);
    let file = file.dyn_ref::<File>().ok_or_else(|| Failure::new(lang, "file: ต้องเป็น File", "file: expected a File"))?;
    let rule = if options.is_object() { EvidenceRule::from_json(&json_of(options, "options", lang)?) } else { EvidenceRule::default() };
    let (entry, blob) = worker::process(JOB, file, &rule, &|_, _| {}, false, None).await.map_err(|s| stopped(s, lang))?;
    let out = js_sys::Object::new();
    Reflect::set(&out, &"blob".into(), &blob).ok();
    Reflect::set(&out, &"entry".into(), &js_of(&entry.to_json())).ok();
    Ok(out.into())
}

/// The verification report of the PDF `bytes` against `trust_list` (the
/// agency's `trust.json`, as bytes, text or an object). Options: `register`
/// (the permit register, to learn of withdrawn permits) and `lang`.
pub fn verify_permit(bytes: &JsValue, trust_list: &JsValue, options: &JsValue) -> Result<JsValue, Failure> {
    let lang = lang_of(options);
    let pdf = bytes_of(bytes, "bytes", lang)?;
    let trust = TrustList::from_json("trust list", &json_bytes_of(trust_list, "trustList", lang)?).map_err(|e| Failure::of(lang, |l| e.message(l)))?;
    let register_given = option(options, "register");
    let register = if register_given.is_undefined() || register_given.is_null() {
        None
    } else {
        let bytes = json_bytes_of(&register_given, "register", lang)?;
        Some(Register::from_json("register", &bytes).map_err(|e| Failure::of(lang, |l| e.message(l)))?)
    };
    let report = eservice_core::verification::verify(&pdf, &trust, register.as_ref(), worker::verify::now());
    Ok(js_of(&report.to_json(lang)))
}

/// What the inbox shows of a submission package (`bytes`, the ZIP):
/// `{sound, reference, sha256, form, evidence, problems, checklist}`.
/// Options: `schema`, the form's schema, to check the data and the form
/// version (with `base` and `documents` as for [`validate`]); `expect`, the
/// reference or hash the citizen was given; `lang`.
pub fn inspect_package(bytes: &JsValue, options: &JsValue) -> Result<JsValue, Failure> {
    let lang = lang_of(options);
    let zip = bytes_of(bytes, "bytes", lang)?;
    let mut opened = open(&zip).map_err(|p| Failure::of(lang, |l| p.message(l)))?;
    let schema = option(options, "schema");
    let mut list = Vec::new();
    if !schema.is_undefined() && !schema.is_null() {
        let validator = validator_of(&schema, options, lang)?;
        check_form(&mut opened, &schema_sha256(validator.schema()), &validator, lang);
        list = checklist(validator.schema(), &opened.data, lang);
    }
    if let Some(expected) = option(options, "expect").as_string() {
        opened.expect(&expected);
    }
    Ok(js_of(&opened.to_json(&list, lang)))
}
