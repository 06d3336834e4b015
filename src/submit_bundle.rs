//! The main bundle's side of the submit bundle ([`crate::submit_app`]),
//! loaded on first use ([`crate::es_bundle`]). The summary after submitting
//! and the list of sent requests are handed their elements by the pages
//! (`app::apply`, `app::home`); the outbox is resumed here.

/// Resumes sending what the outbox holds, loading the bundle only on a
/// device that has used the outbox.
pub fn resume_outbox_if_used() {
    if crate::storage::outbox_used() {
        wasm_bindgen_futures::spawn_local(async {
            crate::bundles::resume_outbox().await;
        });
    }
}
