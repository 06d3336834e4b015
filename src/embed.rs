//! The kit embedded in an agency's own page (`eservice.js`): one service's
//! form drawn into an element of that page, inside the shadow root the
//! script gives it, with the kit's files fetched from the kit's folder.

use std::cell::{Cell, RefCell};

use eservice_core::catalog::FormId;
use web_sys::Element;
use yew::prelude::*;

use crate::components::load_error::load_error;
use crate::embed_frame::embed_frame;
use crate::i18n;
use crate::lang_attribute::{use_lang_attribute, LangSource};
use crate::pages::apply::ApplyPage;

thread_local! {
    /// Forms embedded in the page, kept for as long as the page.
    static EMBEDDED: RefCell<Vec<AppHandle<EmbeddedForm>>> = const { RefCell::new(Vec::new()) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// The form an embed names: its id (`commerce-registration`) or its folder
/// or schema in the kit (`forms/commerce-registration/schema.json`).
pub fn form_id(named: &str) -> Option<FormId> {
    let path = named.trim();
    let path = path.strip_prefix("./").unwrap_or(path);
    let path = path.strip_prefix("forms/").unwrap_or(path);
    let path = path.strip_suffix("/schema.json").unwrap_or(path);
    FormId::parse(path.trim_end_matches('/'))
}

#[derive(Properties, PartialEq)]
pub struct EmbeddedFormProps {
    /// The agency page's element: its `lang` is the form's language.
    pub host: Element,
    /// What the page named, for the message when it names no form.
    pub named: AttrValue,
}

#[component]
pub fn EmbeddedForm(props: &EmbeddedFormProps) -> Html {
    let lang = use_lang_attribute(props.host.clone());
    let page = match form_id(&props.named) {
        Some(id) => html! { <ApplyPage key={id.to_string()} id={id.clone()} lang={lang} /> },
        None => load_error(i18n::EMBED_NO_FORM, &props.named, lang),
    };
    html! {
        <ContextProvider<LangSource> context={LangSource(props.host.clone())}>
            { embed_frame(lang, &props.host, page) }
        </ContextProvider<LangSource>>
    }
}

/// Draws the form `named` into `root`, inside the agency page's element
/// `host`; the kit's files are at `base`, a folder URL.
pub fn mount_form(host: Element, root: Element, named: &str, base: &str) {
    crate::net::set_base(base);
    if !STARTED.with(|s| s.replace(true)) {
        crate::panic_notice::install();
        // Submissions still waiting from an earlier visit go out again.
        crate::submit_bundle::resume_outbox_if_used();
    }
    root.set_inner_html("");
    let props = EmbeddedFormProps { host, named: AttrValue::from(named.to_owned()) };
    let app = yew::Renderer::<EmbeddedForm>::with_root_and_props(root, props).render();
    EMBEDDED.with(|e| e.borrow_mut().push(app));
}

#[cfg(test)]
mod tests {
    use super::form_id;

    #[test]
    fn a_form_is_named_by_id_folder_or_schema() {
        for named in ["commerce-registration", "forms/commerce-registration", "forms/commerce-registration/", "./forms/commerce-registration/schema.json"] {
            assert_eq!(form_id(named).map(|f| f.to_string()).as_deref(), Some("commerce-registration"), "{named}");
        }
        for named in ["", "forms/", "../etc/passwd", "forms/a/b", "https://evil.example/x"] {
            assert!(form_id(named).is_none(), "{named}");
        }
    }
}
