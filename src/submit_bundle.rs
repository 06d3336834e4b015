//! The main app's side of the submit bundle ([`crate::submit_app`]),
//! loaded on first use ([`crate::es_bundle`]): its exports draw into the
//! element handed to them.

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

use crate::lang_attribute::use_lang_source;

const BUNDLE: &str = "submit-pages";

async fn call(export: &str, args: &[JsValue]) -> bool {
    crate::es_bundle::call(BUNDLE, export, args).await
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
