//! Loading the kit's other bundles ([`Bundle`]), ES modules each, on first
//! use through `bundle-loader.js`, and calling their exports; what they are
//! called with is [`crate::bundles`]'s.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlScriptElement;

use crate::bundles::Bundle;

const LOADER: &str = "bundle-loader.js";
/// Where the loader finds the promise to settle with a bundle's exports.
const WAITING: &str = "__eserviceBundles";

thread_local! {
    /// Each bundle's exports, loaded once per page.
    static LOADED: RefCell<Vec<(Bundle, Promise)>> = const { RefCell::new(Vec::new()) };
    /// Each failed load, by bundle: a retry asks under a new URL
    /// (`bundle-loader.js`).
    static FAILED: RefCell<Vec<Bundle>> = const { RefCell::new(Vec::new()) };
}

fn load(bundle: Bundle) -> Option<Promise> {
    if let Some(p) = LOADED.with(|l| l.borrow().iter().find(|(b, _)| *b == bundle).map(|(_, p)| p.clone())) {
        return Some(p);
    }
    let document = web_sys::window()?.document()?;
    let script: HtmlScriptElement = document.create_element("script").ok()?.unchecked_into();
    script.set_type("module");
    let attempt = FAILED.with(|f| f.borrow().iter().filter(|b| **b == bundle).count());
    let name = bundle.file();
    let query = if attempt == 0 { format!("?bundle={name}") } else { format!("?bundle={name}&try={attempt}") };
    script.set_src(&crate::net::url(&format!("{LOADER}{query}")));
    let s = script.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let global = js_sys::global();
        let waiting = Reflect::get(&global, &WAITING.into()).ok().filter(|w| w.is_object()).unwrap_or_else(|| {
            let w: JsValue = Object::new().into();
            Reflect::set(&global, &WAITING.into(), &w).ok();
            w
        });
        let this = Object::new();
        Reflect::set(&this, &"resolve".into(), &resolve).ok();
        Reflect::set(&this, &"reject".into(), &reject).ok();
        Reflect::set(&waiting, &name.into(), &this).ok();
        s.set_onerror(Some(reject.unchecked_ref()));
    });
    document.head()?.append_child(&script).ok()?;
    LOADED.with(|l| l.borrow_mut().push((bundle, promise.clone())));
    Some(promise)
}

/// Calls the export `export` of `bundle` with `args`; `false` when the
/// bundle cannot be loaded (the next call loads it again) or the call throws.
pub(crate) async fn call(bundle: Bundle, export: &str, args: &[JsValue]) -> bool {
    let Some(p) = load(bundle) else { return false };
    let Ok(exports) = JsFuture::from(p).await else {
        LOADED.with(|l| l.borrow_mut().retain(|(b, _)| *b != bundle));
        FAILED.with(|f| f.borrow_mut().push(bundle));
        return false;
    };
    let Some(f) = Reflect::get(&exports, &export.into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) else { return false };
    f.apply(&JsValue::NULL, &args.iter().collect::<Array>()).is_ok()
}
