//! The main app's way to the kit's other bundles (`verify-page`,
//! `permit-pages`, `submit-pages`), ES modules each: loaded on first use
//! through `bundle-loader.js`, their exports called with the element to
//! draw into.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlScriptElement;

const LOADER: &str = "bundle-loader.js";
/// Where the loader finds the promise to settle with a bundle's exports.
const WAITING: &str = "__eserviceBundles";

thread_local! {
    /// Each bundle's exports, loaded once per page.
    static LOADED: RefCell<Vec<(&'static str, Promise)>> = const { RefCell::new(Vec::new()) };
    /// Each failed load, by bundle: a retry asks under a new URL
    /// (`bundle-loader.js`).
    static FAILED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

fn load(name: &'static str) -> Option<Promise> {
    if let Some(p) = LOADED.with(|l| l.borrow().iter().find(|(n, _)| *n == name).map(|(_, p)| p.clone())) {
        return Some(p);
    }
    let document = web_sys::window()?.document()?;
    let script: HtmlScriptElement = document.create_element("script").ok()?.unchecked_into();
    script.set_type("module");
    let attempt = FAILED.with(|f| f.borrow().iter().filter(|n| **n == name).count());
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
    LOADED.with(|l| l.borrow_mut().push((name, promise.clone())));
    Some(promise)
}

/// Calls the export `export` of bundle `name` with `args`; `false` when the
/// bundle cannot be loaded (the next call tries again).
pub async fn call(name: &'static str, export: &str, args: &[JsValue]) -> bool {
    let Some(p) = load(name) else { return false };
    let Ok(bundle) = JsFuture::from(p).await else {
        LOADED.with(|l| l.borrow_mut().retain(|(n, _)| *n != name));
        FAILED.with(|f| f.borrow_mut().push(name));
        return false;
    };
    let Some(f) = Reflect::get(&bundle, &export.into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) else { return false };
    f.apply(&JsValue::NULL, &args.iter().collect::<Array>()).is_ok()
}
