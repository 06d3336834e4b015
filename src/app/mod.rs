//! The main bundle's pages, as Yew components: the kit's own page
//! ([`Site`]: header, home page, `#/apply/<form>`, and the places where
//! other bundles draw `#/verify` and the agency's pages), and the forms an
//! agency page embeds ([`EmbeddedForm`]).
//!
//! One app per root: the kit's page has one, and an agency page one per
//! embedded form. Each follows the `lang` attribute of its element
//! (`<html>`, or the embedding element), so a switch anywhere redraws every
//! bundle drawn there.

pub mod address;
pub mod apply;
mod bundled;
pub mod date_field;
pub mod evidence;
pub mod field;
pub mod fields;
pub mod form;
pub mod home;
mod redact;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use eservice_core::Lang;
use serde_json::Value;
use web_sys::Element;
use yew::prelude::*;

use crate::bundles::{Mount, PermitPage};
use crate::components::lang_toggle::lang_toggle;
use crate::embed_frame::embed_frame;
use crate::i18n;
use crate::lang_attribute::{self, use_lang_attribute};
use crate::loaded_form::LoadedForm;
use crate::route::Route;
use apply::{ApplyPage, FormSource};
use bundled::BundleHost;
use home::HomePage;

thread_local! {
    /// How many apps were started on this page; each one's number.
    static STARTED: Cell<usize> = const { Cell::new(0) };
    /// What each app submitted last, by app number.
    static SUBMITTED: RefCell<Vec<(usize, Rc<Value>)>> = const { RefCell::new(Vec::new()) };
    /// The apps, kept for as long as the page.
    static HANDLES: RefCell<Vec<Box<dyn std::any::Any>>> = RefCell::new(Vec::new());
}

fn record_submitted(app: usize, data: &Rc<Value>) {
    SUBMITTED.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|(a, _)| *a != app);
        s.push((app, data.clone()));
    });
}

/// What app `index` submitted, once it has.
pub fn submitted(index: usize) -> Option<Value> {
    SUBMITTED.with(|s| s.borrow().iter().find(|(a, _)| *a == index).map(|(_, d)| (**d).clone()))
}

/// The page for `route`, on visit `visit` to the site's pages.
fn page_for(route: &Route, visit: u32, app: usize, lang: Lang, lang_of: &Element) -> Html {
    let bundled = |what: Mount| {
        html! { <BundleHost key={visit} id="bundle-host" {what} lang_of={lang_of.clone()} {lang} failed={Some(i18n::PERMIT_PAGES_FAILED)} /> }
    };
    match route {
        Route::Home => html! { <HomePage key={visit} {lang} lang_of={lang_of.clone()} /> },
        Route::Apply(id) => html! { <ApplyPage key={visit} source={FormSource::Fetch(id.clone())} {lang} lang_of={lang_of.clone()} owner={(app, visit)} /> },
        Route::Verify => bundled(Mount::Verify),
        Route::Register => bundled(Mount::Permit(PermitPage::Register)),
        Route::Sign => bundled(Mount::Permit(PermitPage::Sign)),
        Route::Inbox => bundled(Mount::Permit(PermitPage::Inbox)),
        Route::Design => bundled(Mount::Design),
        Route::NotFound(hash) => apply::load_error(i18n::NOT_FOUND, hash, lang),
    }
}

#[derive(Properties, PartialEq)]
struct SiteProps {
    /// `<html>`: its `lang` is the page's language.
    lang_of: Element,
    app: usize,
}

/// The kit's own page: header, routes, language kept on the device.
#[component]
fn Site(props: &SiteProps) -> Html {
    let lang = use_lang_attribute(props.lang_of.clone());
    // The route, and the visit it is: a new visit is a new page, and
    // answers meant for an old one go nowhere.
    let route = use_state(|| (crate::route::current(), 0u32));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    route.set((crate::route::current(), route.1 + 1));
                })
            });
            move || drop(listener)
        });
    }
    let set_lang = {
        let lang_of = props.lang_of.clone();
        Callback::from(move |l: Lang| {
            crate::storage::store_lang(l);
            lang_attribute::write(&lang_of, l);
        })
    };
    html! {
        <>
            <header class="site-header">
                <a class="site-title" href="#/">{ i18n::SITE_TITLE.get(lang) }</a>
                <nav class="site-nav">
                    <a href="#/verify">{ i18n::VERIFY_LINK.get(lang) }</a>
                    <a href="#/register">{ i18n::REGISTER_LINK.get(lang) }</a>
                </nav>
                { lang_toggle(lang, &set_lang) }
            </header>
            <main id="main" class="page">{ page_for(&route.0, route.1, props.app, lang, &props.lang_of) }</main>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct EmbeddedProps {
    /// The agency page's element: its `lang` is the form's language.
    host: Element,
    /// The form, or `None` if the embed named none the kit has.
    source: Option<FormSource>,
    /// What the embed named.
    named: AttrValue,
    app: usize,
}

/// A form in an agency's page, with a language switch of its own.
#[component]
fn EmbeddedForm(props: &EmbeddedProps) -> Html {
    let lang = use_lang_attribute(props.host.clone());
    let page = match &props.source {
        Some(source) => html! { <ApplyPage source={source.clone()} {lang} lang_of={props.host.clone()} owner={(props.app, 0)} /> },
        None => apply::load_error(i18n::EMBED_NO_FORM, &props.named, lang),
    };
    embed_frame(lang, &props.host, page)
}

/// Renders `C` into `root` as app number `app`, kept for as long as the page.
fn render<C: BaseComponent>(root: Element, props: C::Properties) {
    crate::press::watch();
    let handle = yew::Renderer::<C>::with_root_and_props(root, props).render();
    HANDLES.with(|h| h.borrow_mut().push(Box::new(handle)));
}

fn next_app() -> usize {
    STARTED.with(|s| s.replace(s.get() + 1))
}

/// The kit's own page, drawn into `root`.
pub fn start(root: Element) {
    let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    lang_attribute::write(&html, crate::storage::lang().unwrap_or_default());
    root.set_inner_html("");
    render::<Site>(root, SiteProps { lang_of: html, app: next_app() });
}

/// Draws `form`, already loaded, into `root`, following `lang_of`'s
/// language and starting from `start` over the form's defaults; returns the
/// app's number. For hosts that hold the form already, and for tests.
pub fn mount_loaded(root: Element, lang_of: Element, form: LoadedForm, start: Option<Value>) -> usize {
    let app = next_app();
    let source = FormSource::Loaded(Rc::new(RefCell::new(Some((form, start)))));
    render::<EmbeddedForm>(root, EmbeddedProps { host: lang_of, source: Some(source), named: AttrValue::default(), app });
    app
}

/// A form embedded in an agency page: drawn into `root`, inside the page's
/// element `host`, whose `lang` it follows.
pub fn embed(host: Element, root: Element, named: &str) {
    root.set_inner_html("");
    let source = crate::embed::form_id(named).map(FormSource::Fetch);
    render::<EmbeddedForm>(root, EmbeddedProps { host, source, named: AttrValue::from(named.to_owned()), app: next_app() });
}
