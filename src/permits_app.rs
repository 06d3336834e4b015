//! The permit and agency pages (`#/verify`, `#/register`, `#/sign`, `#/inbox`) as a bundle of their own,
//! `permit-pages`, loaded only when a citizen opens one of them: their views
//! add nothing to the first load of the apply page. The main app keeps the
//! header, the language switch and routing, and hands this bundle an
//! element to draw into ([`crate::pages::permits`]).
//!
//! The language is read from `<html lang>`, which the main app sets, and
//! followed as it changes, so switching language keeps a verdict on screen.

use std::cell::RefCell;

use eservice_core::Lang;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit};
use yew::prelude::*;

use crate::pages::inbox::InboxPage;
use crate::pages::register::RegisterPage;
use crate::pages::sign::SignPage;
use crate::pages::verify::VerifyPage;

thread_local! {
    /// The app drawn last; a new mount replaces it.
    static MOUNTED: RefCell<Option<AppHandle<PermitApp>>> = const { RefCell::new(None) };
    static IDS_MOVED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How many Yew roots the main app may create (it has one, and no portals).
const MAIN_APP_ROOTS: usize = 8;

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
}

impl PermitPage {
    pub fn key(self) -> &'static str {
        match self {
            PermitPage::Verify => "verify",
            PermitPage::Register => "register",
            PermitPage::Sign => "sign",
            PermitPage::Inbox => "inbox",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        match key {
            "verify" => Some(PermitPage::Verify),
            "register" => Some(PermitPage::Register),
            "sign" => Some(PermitPage::Sign),
            "inbox" => Some(PermitPage::Inbox),
            _ => None,
        }
    }
}

/// Draws `page` into `root`, replacing whatever this bundle drew before.
pub fn mount(root: Element, page: &str) {
    let Some(page) = PermitPage::from_key(page) else { return };
    crate::panic_notice::install();
    move_root_ids_past_the_main_app();
    MOUNTED.with(|m| {
        if let Some(old) = m.borrow_mut().take() {
            old.destroy();
        }
        root.set_inner_html("");
        *m.borrow_mut() = Some(yew::Renderer::<PermitApp>::with_root_and_props(root, PermitAppProps { page }).render());
    });
}

fn document_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default()
}

/// The page's language, following `<html lang>`.
#[hook]
fn use_document_lang() -> Lang {
    let lang = use_state(document_lang);
    {
        let lang = lang.clone();
        use_effect_with((), move |_| {
            let on_change = Closure::<dyn Fn()>::new(move || lang.set(document_lang()));
            let observer = MutationObserver::new(on_change.as_ref().unchecked_ref()).ok();
            let html = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
            if let (Some(o), Some(html)) = (&observer, html) {
                let opts = MutationObserverInit::new();
                opts.set_attribute_filter(&js_sys::Array::of1(&"lang".into()));
                o.observe_with_options(&html, &opts).ok();
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_change);
            }
        });
    }
    *lang
}

#[derive(Properties, PartialEq)]
pub struct PermitAppProps {
    pub page: PermitPage,
}

#[component]
pub fn PermitApp(props: &PermitAppProps) -> Html {
    let lang = use_document_lang();
    match props.page {
        PermitPage::Verify => html! { <VerifyPage lang={lang} /> },
        PermitPage::Register => html! { <RegisterPage lang={lang} /> },
        PermitPage::Sign => html! { <SignPage lang={lang} /> },
        PermitPage::Inbox => html! { <InboxPage lang={lang} /> },
    }
}
