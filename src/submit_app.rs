//! What comes after "check and submit", as a bundle of its own,
//! `submit-pages`, loaded when a citizen submits: the summary of what was
//! entered, the package, e-mail or POST delivery through the outbox, the
//! receipt and the fee QR; also the home page's list of requests sent from
//! this device, and resuming the outbox. A citizen filling a form, or
//! checking a permit, loads none of it.
//!
//! The main app keeps the form and the buttons back to it
//! ([`crate::components::submitted`]) and hands this bundle an element to
//! draw into, the request's data and its evidence files.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use eservice_core::catalog::FormId;
use serde_json::Value;
use web_sys::Element;
use yew::prelude::*;

use crate::components::my_submissions::MySubmissions;
use crate::components::submitted_summary::SubmittedSummary;
use crate::i18n;
use crate::lang_attribute::use_lang_attribute;
use crate::loaded_form::LoadedForm;
use crate::nested_roots::Drawn;

thread_local! {
    /// The views drawn, by the element they were drawn into.
    static SUBMITTED: Drawn<SubmittedApp> = const { RefCell::new(Vec::new()) };
    static SENT: Drawn<SentApp> = const { RefCell::new(Vec::new()) };
    static RESUMED: Cell<bool> = const { Cell::new(false) };
}

/// Sends what the outbox still holds from an earlier visit (once per page);
/// the kit's files are at `base` ("" for beside the page).
pub fn resume_outbox(base: &str) {
    crate::net::set_base(base);
    crate::panic_notice::install();
    if !RESUMED.with(|r| r.replace(true)) {
        crate::outbox::resume();
    }
}

/// Draws what the citizen submitted and its package into `root`: the form
/// `form_id` with `data` (JSON), whose evidence `files` (`[{sha256, blob}]`)
/// the main app hands over; the language follows `lang_of`.
pub fn submitted(root: Element, lang_of: Element, form_id: &str, data: &str, files: &js_sys::Array, base: &str) {
    let (Some(id), Ok(data)) = (FormId::parse(form_id), serde_json::from_str::<Value>(data)) else { return };
    // The citizen went back to the form while this bundle loaded: drawing
    // now would build (and, for an e-Service, send) a request they left.
    if !root.is_connected() {
        return;
    }
    resume_outbox(base);
    crate::evidence_client::keep_all(files);
    crate::nested_roots::draw(&SUBMITTED, root, SubmittedAppProps { id, data: Rc::new(data), lang_of });
}

/// Draws the home page's "requests sent from this device" into `root`.
pub fn sent(root: Element, lang_of: Element, base: &str) {
    resume_outbox(base);
    crate::nested_roots::draw(&SENT, root, SentAppProps { lang_of });
}

#[derive(Properties, PartialEq)]
pub struct SubmittedAppProps {
    id: FormId,
    data: Rc<Value>,
    lang_of: Element,
}

/// The form is fetched again here (from the browser's cache): its
/// validator lives in each bundle's own memory.
#[component]
fn SubmittedApp(props: &SubmittedAppProps) -> Html {
    let lang = use_lang_attribute(props.lang_of.clone());
    let form = use_state(|| None::<Result<Rc<LoadedForm>, String>>);
    {
        let form = form.clone();
        use_effect_with(props.id.clone(), move |id| {
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                form.set(Some(LoadedForm::fetch(id).await.map(Rc::new).map_err(|e| e.message(lang))));
            });
        });
    }
    match &*form {
        None => html! { <p class="loading" aria-live="polite">{ i18n::LOADING.get(lang) }</p> },
        Some(Err(message)) => html! { <div class="problem-box" role="alert"><p>{ message }</p></div> },
        Some(Ok(f)) => html! { <SubmittedSummary lang={lang} form={f.clone()} data={props.data.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct SentAppProps {
    lang_of: Element,
}

#[component]
fn SentApp(props: &SentAppProps) -> Html {
    let lang = use_lang_attribute(props.lang_of.clone());
    html! { <MySubmissions lang={lang} /> }
}
