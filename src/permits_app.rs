//! The permit register and the agency pages (`#/register`, `#/sign`,
//! `#/inbox`) as a bundle of their own, `permit-pages`, loaded only when one
//! of them is opened: their views add nothing to the first load of the
//! apply page. (The verifier citizens use is lighter still, a bundle of its
//! own: [`crate::verify_app`].) The main app keeps the
//! header, the language switch and routing, and hands this bundle an
//! element to draw into ([`crate::pages::bundled`]).
//!
//! The language is read from the element the main app names (`<html>`),
//! and followed as it changes, so switching language keeps what is on screen.

use std::cell::RefCell;

use web_sys::Element;
use yew::prelude::*;

use crate::bundles::PermitPage;
use crate::lang_attribute::use_lang_attribute;
use crate::nested_roots::Drawn;

use crate::pages::inbox::InboxPage;
use crate::pages::register::RegisterPage;
use crate::pages::sign::SignPage;

thread_local! {
    /// The pages drawn into the main app's elements.
    static DRAWN: Drawn<PermitApp> = const { RefCell::new(Vec::new()) };
}

/// Draws `page` into the main app's element `root`, following the language
/// of `lang_of`; the kit's files are at `base`.
pub fn mount(root: Element, lang_of: Element, base: &str, page: PermitPage) {
    crate::panic_notice::install();
    crate::net::set_base(base);
    crate::nested_roots::draw(&DRAWN, root, PermitAppProps { page, lang_of });
}

#[derive(Properties, PartialEq)]
pub struct PermitAppProps {
    pub page: PermitPage,
    /// The element whose `lang` the page follows.
    pub lang_of: Element,
}

#[component]
pub fn PermitApp(props: &PermitAppProps) -> Html {
    let lang = use_lang_attribute(props.lang_of.clone());
    match props.page {
        PermitPage::Register => html! { <RegisterPage lang={lang} /> },
        PermitPage::Sign => html! { <SignPage lang={lang} /> },
        PermitPage::Inbox => html! { <InboxPage lang={lang} /> },
    }
}

