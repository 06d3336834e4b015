//! The main app's side of the submit bundle ([`crate::submit_app`]): loads
//! it on first use (through `submit-pages-loader.js`, as it is an ES module)
//! and calls its exports, handing it the element to draw into.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlScriptElement};
use yew::prelude::*;

use crate::lang_attribute::use_lang_source;

const LOADER: &str = "submit-pages-loader.js";
/// Where the loader finds the promise to settle with the bundle's exports.
const WAITING: &str = "__eserviceSubmit";

thread_local! {
    /// The bundle's exports, once per page.
    static LOADED: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

fn load() -> Option<Promise> {
    LOADED.with(|l| {
        if let Some(p) = l.borrow().as_ref() {
            return Some(p.clone());
        }
        let document = web_sys::window()?.document()?;
        let script: HtmlScriptElement = document.create_element("script").ok()?.unchecked_into();
        script.set_type("module");
        script.set_src(&crate::net::url(LOADER));
        let s = script.clone();
        let promise = Promise::new(&mut |resolve, reject| {
            let waiting = Object::new();
            Reflect::set(&waiting, &"resolve".into(), &resolve).ok();
            Reflect::set(&waiting, &"reject".into(), &reject).ok();
            Reflect::set(&js_sys::global(), &WAITING.into(), &waiting).ok();
            s.set_onerror(Some(reject.unchecked_ref()));
        });
        document.head()?.append_child(&script).ok()?;
        *l.borrow_mut() = Some(promise.clone());
        Some(promise)
    })
}

/// Calls the bundle's export `name` with `args`; `false` when the bundle
/// cannot be loaded.
async fn call(name: &str, args: &[JsValue]) -> bool {
    let Some(p) = load() else { return false };
    let Ok(bundle) = JsFuture::from(p).await else {
        // Not loaded (offline, say): the next call tries again.
        LOADED.with(|l| l.borrow_mut().take());
        return false;
    };
    let Some(f) = Reflect::get(&bundle, &name.into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) else { return false };
    f.apply(&JsValue::NULL, &args.iter().collect::<Array>()).is_ok()
}

/// Resumes sending what the outbox holds, loading the bundle only on a
/// device that has used the outbox.
pub fn resume_outbox_if_used() {
    if crate::storage::outbox_used() {
        wasm_bindgen_futures::spawn_local(async {
            call("resume_outbox", &[crate::net::url("").into()]).await;
        });
    }
}

/// Draws the summary and package of `data` for form `id` into `root`;
/// `false` when the bundle cannot be loaded.
pub async fn draw_submitted(root: &Element, lang_of: &Element, id: &str, data: &serde_json::Value) -> bool {
    let files = crate::evidence_client::files_for(data);
    let args = [root.into(), lang_of.into(), id.into(), data.to_string().into(), files.into(), crate::net::url("").into()];
    call("submitted", &args).await
}

/// The home page's "requests sent from this device", drawn by the bundle
/// on a device that has used the outbox (nothing is shown otherwise, so a
/// bundle that cannot load leaves nothing half-drawn).
#[component]
pub fn SentRequests() -> Html {
    let root = use_node_ref();
    let lang_of = use_lang_source();
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            if let (true, Some(el), Some(lang_of)) = (crate::storage::outbox_used(), root.cast::<Element>(), lang_of) {
                wasm_bindgen_futures::spawn_local(async move {
                    call("sent", &[el.into(), lang_of.into(), crate::net::url("").into()]).await;
                });
            }
        });
    }
    // The bundle's: this app never draws inside it.
    html! { <div ref={root}></div> }
}
