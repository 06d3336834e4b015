//! The permit verifier as a bundle of its own, `verify-page`: what a
//! citizen who scans a permit's link needs, and nothing of the agency's
//! pages (signing, inbox, register) in the permit pages bundle. The check
//! itself runs in the evidence worker, so this bundle carries no
//! signature code. Drawn into the main app's `#/verify`, or into an agency
//! page's `<eservice-verify>` by `eservice.js`.

use std::cell::RefCell;

use web_sys::Element;
use yew::prelude::*;

use crate::embed_frame::embed_frame;
use crate::lang_attribute::use_lang_attribute;
use crate::nested_roots::Drawn;
use crate::pages::verify::VerifyPage;

thread_local! {
    /// Verifiers drawn, in the main app's page or embedded in an agency's.
    static DRAWN: Drawn<VerifyApp> = const { RefCell::new(Vec::new()) };
}

#[derive(Properties, PartialEq)]
pub struct VerifyAppProps {
    /// The element whose `lang` the page follows.
    lang_of: Element,
    /// Embedded in an agency's page: with a language switch of its own.
    embedded: bool,
}

#[component]
fn VerifyApp(props: &VerifyAppProps) -> Html {
    let lang = use_lang_attribute(props.lang_of.clone());
    let page = html! { <VerifyPage lang={lang} /> };
    if props.embedded {
        embed_frame(lang, &props.lang_of, page)
    } else {
        page
    }
}

/// Draws the verifier into the main app's element `root`, following the
/// language of `lang_of`; the kit's files are at `base`.
pub fn mount(root: Element, lang_of: Element, base: &str) {
    crate::panic_notice::install();
    crate::net::set_base(base);
    crate::nested_roots::draw(&DRAWN, root, VerifyAppProps { lang_of, embedded: false });
}

/// Draws the verifier into `root`, inside the agency page's element `host`.
pub fn embed(host: Element, root: Element, base: &str) {
    crate::panic_notice::install();
    crate::net::set_base(base);
    crate::nested_roots::draw(&DRAWN, root, VerifyAppProps { lang_of: host, embedded: true });
}
