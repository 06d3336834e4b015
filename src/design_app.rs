//! The form designer as a bundle of its own, `design-pages`, loaded when
//! `#/design` is opened: a clerk's tool, never in a citizen's first load.
//! It carries the form renderer too, for the preview.

use std::cell::RefCell;

use web_sys::Element;
use yew::prelude::*;

use crate::lang_attribute::use_lang_attribute;
use crate::nested_roots::Drawn;
use crate::pages::design::DesignPage;

thread_local! {
    static DRAWN: Drawn<DesignApp> = const { RefCell::new(Vec::new()) };
}

#[derive(Properties, PartialEq)]
pub struct DesignAppProps {
    /// The element whose `lang` the page follows.
    lang_of: Element,
}

#[component]
fn DesignApp(props: &DesignAppProps) -> Html {
    let lang = use_lang_attribute(props.lang_of.clone());
    html! { <DesignPage {lang} lang_of={props.lang_of.clone()} /> }
}

/// Draws the designer into the main app's element `root`, following the
/// language of `lang_of`; the kit's files are at `base`.
pub fn mount(root: Element, lang_of: Element, base: &str) {
    crate::panic_notice::install();
    crate::net::set_base(base);
    crate::press::watch();
    crate::nested_roots::draw(&DRAWN, root, DesignAppProps { lang_of });
}
