//! The permit and agency pages (`#/verify`, `#/register`, `#/sign`, `#/inbox`) as a bundle of their own,
//! `permit-pages`, loaded only when a citizen opens one of them: their views
//! add nothing to the first load of the apply page. The same bundle holds
//! what comes after pressing "submit" (the summary, the package, e-mail and
//! POST delivery through the outbox, the fee QR) and the home page's list of
//! requests sent from this device: code a citizen filling a form does not
//! need until then. The main app keeps the
//! header, the language switch and routing, and hands this bundle an
//! element to draw into ([`crate::pages::permits`]).
//!
//! The language is read from `<html lang>`, which the main app sets (or from
//! the element an agency page embeds the verifier in), and followed as it
//! changes, so switching language keeps a verdict on screen.

use std::cell::RefCell;

use web_sys::Element;
use yew::prelude::*;

use crate::components::my_submissions::MySubmissions;
use crate::components::submitted_summary::SubmittedSummary;
use crate::embed_frame::embed_frame;
use crate::i18n;
use crate::loaded_form::LoadedForm;
use crate::lang_attribute::use_lang_attribute;

use crate::pages::inbox::InboxPage;
use crate::pages::register::RegisterPage;
use crate::pages::sign::SignPage;
use crate::pages::verify::VerifyPage;

thread_local! {
    /// The app drawn last; a new mount replaces it.
    static MOUNTED: RefCell<Option<AppHandle<PermitApp>>> = const { RefCell::new(None) };
    /// Apps embedded in an agency's page, kept for as long as the page.
    static EMBEDDED: RefCell<Vec<AppHandle<PermitApp>>> = const { RefCell::new(Vec::new()) };
    /// The "submitted" views drawn, by the element they were drawn into.
    static SUBMITTED: RefCell<Vec<(Element, AppHandle<SubmittedApp>)>> = const { RefCell::new(Vec::new()) };
    static RESUMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static IDS_MOVED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How many Yew roots the main app may create: one on the kit's own page,
/// one per embedded form on an agency's page.
const MAIN_APP_ROOTS: usize = 16;

#[component]
fn Nothing() -> Html {
    Html::default()
}

/// Yew numbers its roots from 1 in each wasm instance and delegates events
/// from each root by that number. This bundle's root sits inside the main
/// app's, so with the same number the main app would take this bundle's
/// clicks for its own (a click on "Sign" ran the language switch). Rendering
/// a few empty roots first moves this bundle's numbers past the main app's.
fn move_root_ids_past_the_main_app() {
    if IDS_MOVED.with(|m| m.replace(true)) {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    for _ in 0..MAIN_APP_ROOTS {
        if let Ok(el) = doc.create_element("div") {
            yew::Renderer::<Nothing>::with_root(el).render().destroy();
        }
    }
}

/// Which permit page to draw.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PermitPage {
    Verify,
    Register,
    Sign,
    Inbox,
    /// The home page's "requests sent from this device".
    Sent,
}

impl PermitPage {
    pub fn key(self) -> &'static str {
        match self {
            PermitPage::Verify => "verify",
            PermitPage::Register => "register",
            PermitPage::Sign => "sign",
            PermitPage::Inbox => "inbox",
            PermitPage::Sent => "sent",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        match key {
            "verify" => Some(PermitPage::Verify),
            "register" => Some(PermitPage::Register),
            "sign" => Some(PermitPage::Sign),
            "inbox" => Some(PermitPage::Inbox),
            "sent" => Some(PermitPage::Sent),
            _ => None,
        }
    }
}

/// Draws `page` into `root` for the main app, replacing whatever this
/// bundle drew before; the kit's files are at `base` ("" for beside the page).
pub fn mount(root: Element, page: &str, base: &str) {
    let Some(page) = PermitPage::from_key(page) else { return };
    let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    crate::panic_notice::install();
    crate::net::set_base(base);
    move_root_ids_past_the_main_app();
    MOUNTED.with(|m| {
        if let Some(old) = m.borrow_mut().take() {
            old.destroy();
        }
        root.set_inner_html("");
        let props = PermitAppProps { page, lang_of: html, embedded: false };
        *m.borrow_mut() = Some(yew::Renderer::<PermitApp>::with_root_and_props(root, props).render());
    });
}

/// Draws `page` into `root`, inside the agency page's element `host`, whose
/// `lang` it follows; each call adds one more (several on one page).
pub fn embed(host: Element, root: Element, page: &str, base: &str) -> Result<(), String> {
    let page = PermitPage::from_key(page).ok_or_else(|| format!("unknown page “{page}”"))?;
    crate::panic_notice::install();
    crate::net::set_base(base);
    root.set_inner_html("");
    let props = PermitAppProps { page, lang_of: host, embedded: true };
    let app = yew::Renderer::<PermitApp>::with_root_and_props(root, props).render();
    EMBEDDED.with(|e| e.borrow_mut().push(app));
    Ok(())
}

#[derive(Properties, PartialEq)]
pub struct PermitAppProps {
    pub page: PermitPage,
    /// The element whose `lang` the page follows.
    pub lang_of: Element,
    /// Embedded in an agency's page: with a language switch of its own.
    pub embedded: bool,
}

#[component]
pub fn PermitApp(props: &PermitAppProps) -> Html {
    let lang = use_lang_attribute(props.lang_of.clone());
    let page = match props.page {
        PermitPage::Verify => html! { <VerifyPage lang={lang} /> },
        PermitPage::Register => html! { <RegisterPage lang={lang} /> },
        PermitPage::Sign => html! { <SignPage lang={lang} /> },
        PermitPage::Inbox => html! { <InboxPage lang={lang} /> },
        PermitPage::Sent => html! { <MySubmissions lang={lang} /> },
    };
    if props.embedded {
        embed_frame(lang, &props.lang_of, page)
    } else {
        page
    }
}

/// Sends what the outbox still holds from an earlier visit (once per page).
pub fn resume_outbox(base: &str) {
    crate::net::set_base(base);
    if !RESUMED.with(|r| r.replace(true)) {
        crate::outbox::resume();
    }
}

/// Draws what the citizen submitted and its package into `root`: the form
/// `form_id` with `data` (JSON), whose evidence `files` (`[{sha256, blob}]`)
/// the main app hands over; the language follows `lang_of`.
pub fn submitted(root: Element, lang_of: Element, form_id: &str, data: &str, files: &js_sys::Array, base: &str) {
    let (Some(id), Ok(data)) = (eservice_core::catalog::FormId::parse(form_id), serde_json::from_str::<serde_json::Value>(data)) else { return };
    crate::panic_notice::install();
    resume_outbox(base);
    move_root_ids_past_the_main_app();
    crate::evidence_client::keep_all(files);
    SUBMITTED.with(|s| {
        let mut s = s.borrow_mut();
        // Views whose element the main app has since removed are done.
        for (_, app) in s.extract_if(.., |(el, _)| !el.is_connected() || *el == root) {
            app.destroy();
        }
        root.set_inner_html("");
        let props = SubmittedAppProps { id, data: std::rc::Rc::new(data), lang_of };
        s.push((root.clone(), yew::Renderer::<SubmittedApp>::with_root_and_props(root, props).render()));
    });
}

#[derive(Properties, PartialEq)]
pub struct SubmittedAppProps {
    id: eservice_core::catalog::FormId,
    data: std::rc::Rc<serde_json::Value>,
    lang_of: Element,
}

/// The form is fetched again here (from the browser's cache): its
/// validator lives in each bundle's own memory.
#[component]
fn SubmittedApp(props: &SubmittedAppProps) -> Html {
    let lang = use_lang_attribute(props.lang_of.clone());
    let form = use_state(|| None::<Result<std::rc::Rc<LoadedForm>, String>>);
    {
        let form = form.clone();
        use_effect_with(props.id.clone(), move |id| {
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                form.set(Some(LoadedForm::fetch(id).await.map(std::rc::Rc::new).map_err(|e| e.message(lang))));
            });
        });
    }
    match &*form {
        None => html! { <p class="loading" aria-live="polite">{ i18n::LOADING.get(lang) }</p> },
        Some(Err(message)) => html! { <div class="problem-box" role="alert"><p>{ message }</p></div> },
        Some(Ok(f)) => html! { <SubmittedSummary lang={lang} form={f.clone()} data={props.data.clone()} /> },
    }
}
