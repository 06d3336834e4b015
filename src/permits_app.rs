//! The permit and agency pages (`#/verify`, `#/register`, `#/sign`, `#/inbox`) as a bundle of their own,
//! `permit-pages`, loaded only when a citizen opens one of them: their views
//! add nothing to the first load of the apply page. The main app keeps the
//! header, the language switch and routing, and hands this bundle an
//! element to draw into ([`crate::pages::permits`]).
//!
//! The language is read from `<html lang>`, which the main app sets (or from
//! the element an agency page embeds the verifier in), and followed as it
//! changes, so switching language keeps a verdict on screen.

use std::cell::RefCell;

use web_sys::Element;
use yew::prelude::*;

use crate::embed_frame::embed_frame;
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

/// Draws `page` into `root` for the main app, replacing whatever this
/// bundle drew before; the kit's files are at `base` ("" for beside the page).
pub fn mount(root: Element, page: &str, base: &str) {
    let Some(page) = PermitPage::from_key(page) else { return };
    let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    crate::panic_notice::install();
    crate::net::set_base(base);
    crate::nested_roots::number_past_the_main_app();
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
    };
    if props.embedded {
        embed_frame(lang, &props.lang_of, page)
    } else {
        page
    }
}

