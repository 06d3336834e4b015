//! The main app's side of the submit bundle ([`crate::submit_app`]),
//! loaded on first use ([`crate::es_bundle`]): its exports draw into the
//! element handed to them.

use std::rc::Rc;

use eservice_core::catalog::FormId;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::es_bundle::{use_bundle_view, DrawArgs};

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

/// An element the bundle draws the summary and package of `data` for form
/// `id` into, and whether it has ([`use_bundle_view`]).
#[hook]
pub fn use_submitted_view(id: &FormId, data: &Rc<Value>) -> (NodeRef, Option<bool>) {
    let (id, data) = (id.to_string(), data.clone());
    let args: DrawArgs = Box::new(move |el, lang_of| {
        let files = crate::evidence_client::files_for(&data);
        vec![el.into(), lang_of.into(), id.into(), data.to_string().into(), files.into(), crate::net::url("").into()]
    });
    use_bundle_view(BUNDLE, "submitted", Some(args))
}

/// The home page's "requests sent from this device", drawn by the bundle
/// on a device that has used the outbox (nothing is shown otherwise, so a
/// bundle that cannot load leaves nothing half-drawn).
#[component]
pub fn SentRequests() -> Html {
    let args = crate::storage::outbox_used().then(|| -> DrawArgs {
        Box::new(|el: web_sys::Element, lang_of: web_sys::Element| vec![el.into(), lang_of.into(), crate::net::url("").into()])
    });
    let (root, _) = use_bundle_view(BUNDLE, "sent", args);
    html! { <div ref={root}></div> }
}
