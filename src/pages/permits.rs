//! Where the permit pages appear in the main app: an element the
//! `permit-pages` bundle draws into, loaded on first use
//! ([`crate::permits_app`]). Until it is ready the element says "loading";
//! if it cannot load, it says so in Thai or English.

use std::cell::RefCell;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlScriptElement;
use yew::prelude::*;

use crate::i18n;
pub use crate::permits_app::PermitPage;

/// Trunk builds the bundle as a classic script defining `wasm_bindgen`.
const SCRIPT: &str = "permit-pages.js";
const WASM: &str = "permit-pages_bg.wasm";

#[wasm_bindgen]
extern "C" {
    /// The bundle's initialiser, a global the script defines.
    #[wasm_bindgen(js_name = wasm_bindgen)]
    fn init_permit_pages(options: &js_sys::Object) -> Promise;
    /// The bundle's `mount` export.
    #[wasm_bindgen(js_namespace = wasm_bindgen, js_name = mount)]
    fn mount_permit_page(root: &web_sys::Element, page: &str, base: &str);

}

thread_local! {
    /// Loading the bundle, once per page.
    static LOADED: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Where the page keeps the one load of the bundle, shared with
/// `eservice.js` (a second `<script>` would declare `wasm_bindgen` twice).
const SHARED_LOAD: &str = "__eservicePages";

/// Resolves when the bundle is loaded and initialised.
fn load() -> Option<Promise> {
    LOADED.with(|l| {
        if let Some(p) = l.borrow().as_ref() {
            return Some(p.clone());
        }
        let global = js_sys::global();
        if let Ok(p) = js_sys::Reflect::get(&global, &SHARED_LOAD.into()).and_then(|p| p.dyn_into::<Promise>()) {
            *l.borrow_mut() = Some(p.clone());
            return Some(p);
        }
        let document = web_sys::window()?.document()?;
        let script: HtmlScriptElement = document.create_element("script").ok()?.unchecked_into();
        script.set_src(&crate::net::url(SCRIPT));
        let s = script.clone();
        let promise = Promise::new(&mut |resolve, reject| {
            let ok = Closure::once_into_js(move || {
                let options = js_sys::Object::new();
                js_sys::Reflect::set(&options, &"module_or_path".into(), &crate::net::url(WASM).into()).ok();
                resolve.call1(&JsValue::NULL, &init_permit_pages(&options)).ok();
            });
            s.set_onload(Some(ok.unchecked_ref()));
            s.set_onerror(Some(reject.unchecked_ref()));
        });
        document.head()?.append_child(&script).ok()?;
        js_sys::Reflect::set(&global, &SHARED_LOAD.into(), &promise).ok();
        *l.borrow_mut() = Some(promise.clone());
        Some(promise)
    })
}

/// Loads the bundle; `false` when it cannot be loaded.
async fn ready() -> bool {
    match load() {
        Some(p) => JsFuture::from(p).await.is_ok(),
        None => false,
    }
}

#[derive(Properties, PartialEq)]
pub struct PermitPagesProps {
    pub page: PermitPage,
    pub lang: eservice_core::Lang,
}

#[component]
pub fn PermitPages(props: &PermitPagesProps) -> Html {
    let root = use_node_ref();
    let failed = use_state(|| false);
    {
        let (root, failed) = (root.clone(), failed.clone());
        use_effect_with(props.page, move |page| {
            let page = *page;
            wasm_bindgen_futures::spawn_local(async move {
                let ready = ready().await;
                match root.cast::<web_sys::Element>() {
                    Some(el) if ready => mount_permit_page(&el, page.key(), &crate::net::url("")),
                    _ => failed.set(true),
                }
            });
        });
    }
    if *failed {
        return html! { <div class="problem-box" role="alert"><p>{ i18n::PERMIT_PAGES_FAILED.get(props.lang) }</p></div> };
    }
    html! {
        <div ref={root} class="permit-pages">
            <p class="loading" aria-live="polite">{ i18n::LOADING.get(props.lang) }</p>
        </div>
    }
}
