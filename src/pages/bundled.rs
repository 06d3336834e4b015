//! Where a page drawn by another bundle appears in the main app: `#/verify`
//! (the `verify-page` bundle) and the agency's pages (`permit-pages`). The
//! bundle loads on first use ([`crate::es_bundle`]) and draws into an
//! element of its own; until then the page says "loading", and if it cannot
//! load, it says so in Thai or English.

use eservice_core::Lang;
use yew::prelude::*;

use crate::es_bundle::{use_bundle_view, DrawArgs};
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct BundledProps {
    /// The bundle's name (`verify-page`, `permit-pages`).
    pub bundle: &'static str,
    /// Which of its pages (for bundles with several).
    pub page: &'static str,
    pub lang: Lang,
}

/// Give each a `key` of its own: a new page then gets a new element, never
/// one another bundle still holds.
#[component]
pub fn Bundled(props: &BundledProps) -> Html {
    let lang = props.lang;
    let page = props.page;
    let args: DrawArgs = Box::new(move |el, lang_of| vec![el.into(), lang_of.into(), crate::net::url("").into(), page.into()]);
    let (root, drawn) = use_bundle_view(props.bundle, "mount", Some(args));
    html! {
        <>
            <div ref={root} class="permit-pages"></div>
            if drawn.is_none() {
                <p class="loading" aria-live="polite">{ i18n::LOADING.get(lang) }</p>
            }
            if drawn == Some(false) {
                <div class="problem-box" role="alert"><p>{ i18n::PERMIT_PAGES_FAILED.get(lang) }</p></div>
            }
        </>
    }
}
