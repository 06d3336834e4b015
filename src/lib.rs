//! The eservice-kit web app: e-Forms and, in later pages, evidence, permit
//! signing and verification, all running in the citizen's browser.
//!
//! Everything that is not about the page lives in `eservice-core`; this crate
//! draws it, fetches the agency's JSON files and talks to browser APIs.

// Every bundle allocates with talc, not the default dlmalloc: in wasm it is
// the smaller (3 KB gzipped less in the main bundle, the first load) and the
// faster of the two.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod api;
pub mod app;
mod blob;
pub mod bundles;
mod clock;
pub mod components;
pub mod design_app;
mod dom;
mod download;
pub mod embed;
mod embed_frame;
mod es_bundle;
pub mod evidence_client;
pub mod i18n;
pub mod idb;
mod lang_attribute;
pub mod loaded_form;
mod nested_roots;
pub mod net;
pub mod outbox;
pub mod pages;
mod panic_notice;
pub mod permits_app;
mod picked_files;
mod press;
mod random;
pub mod regexp;
mod reply;
pub mod route;
pub mod storage;
pub mod submit_app;
mod submit_bundle;
pub mod verify_app;
pub mod worker;

/// Mounts the app into the kit's own page (`index.html`, whose root element
/// carries `data-eservice-app`). On an agency page that embeds the kit
/// there is no such element: `eservice.js` draws each embed through [`embed`].
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = document.query_selector("[data-eservice-app]").ok().flatten() else { return };
    panic_notice::install();
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    app::start(root);
    // Submissions still waiting from an earlier visit go out again.
    submit_bundle::resume_outbox_if_used();
    // Forms visited once open again offline (assets/sw.js).
    // Only where browsers allow service workers (HTTPS or localhost):
    // elsewhere `navigator.serviceWorker` is missing and the kit runs online only.
    if let Some(w) = web_sys::window().filter(|w| w.is_secure_context()) {
        let nav = w.navigator();
        if js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false) {
            let _ = nav.service_worker().register("sw.js");
        }
    }
}
