//! The main bundle's pages, drawn without Yew: the home page and the e-Form
//! (`#/apply/<form>`) on the kit's own page, the forms an agency page
//! embeds, and the places where other bundles draw theirs (`#/verify`, the
//! agency's pages, the summary after submitting).
//!
//! Why not Yew here: the apply page's first load must fit 150 KB gzipped,
//! and Yew with the code its `html!` expands to took most of what the form
//! engine leaves. Here each app's state is plain data, a message changes
//! it, and the page is drawn again and patched by [`crate::vdom`]. The other
//! bundles, loaded on demand, stay Yew apps.

pub mod address;
pub mod apply;
pub mod date_field;
pub mod evidence;
pub mod field;
pub mod fields;
pub mod form;
pub mod home;

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use crate::bundles::{Mount, PermitPage};
use crate::i18n::{self, Phrase};
use crate::lang_attribute;
use crate::loaded_form::LoadedForm;
use crate::route::Route;
use crate::vdom::{el, Elem, Node, Root};
use apply::Autosave;

/// What an app shows.
enum Page {
    Home(home::Home),
    Apply(apply::Page),
    /// A page another bundle draws (`verify-page`, `permit-pages`):
    /// whether it was asked to, and whether it could.
    Bundled { what: Mount, asked: bool, drawn: Option<bool> },
    /// A route or an embed that names nothing the kit has.
    Missing { title: Phrase, what: String },
}

/// What happens to an app.
pub enum Msg {
    Route,
    Apply(apply::Msg),
    Home(home::Msg),
    Bundle(bool),
    SetLang(Lang),
    Redraw,
}

/// Where an app is drawn.
enum Place {
    /// The kit's own page: header, routes, language kept on the device.
    Site,
    /// A form in an agency's page: its host element's `lang` is the language.
    Embed,
}

struct App {
    place: Place,
    /// The element whose `lang` this app follows and writes.
    lang_of: Element,
    /// Bumped with every new page: answers meant for an old one are dropped.
    generation: u32,
    page: Page,
    autosave: Autosave,
    memo: Rc<fields::Memo>,
    root: Root,
    draw_into: Element,
    _lang_watch: Option<(web_sys::MutationObserver, Closure<dyn Fn()>)>,
}

thread_local! {
    static APPS: RefCell<Vec<App>> = const { RefCell::new(Vec::new()) };
    /// Messages that arrived while a page was being drawn (a blur fired by
    /// removing a focused field): handled right after.
    static PENDING: RefCell<Vec<(Sender, Msg)>> = const { RefCell::new(Vec::new()) };
}

/// Sends messages to one page of one app.
#[derive(Clone, Copy)]
struct Sender {
    app: usize,
    generation: u32,
}

impl Sender {
    fn send(self, msg: Msg) {
        PENDING.with(|p| p.borrow_mut().push((self, msg)));
        loop {
            let batch = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
            if batch.is_empty() {
                return;
            }
            let handled = APPS.with(|apps| {
                // Drawing now: these wait for the drawing to end.
                let Ok(mut apps) = apps.try_borrow_mut() else { return Err(batch) };
                let mut touched: Vec<usize> = Vec::new();
                for (s, m) in batch {
                    let Some(app) = apps.get_mut(s.app) else { continue };
                    if s.generation != app.generation && !matches!(m, Msg::Route | Msg::SetLang(_) | Msg::Redraw) {
                        continue;
                    }
                    update(app, s.app, m);
                    if !touched.contains(&s.app) {
                        touched.push(s.app);
                    }
                }
                for i in touched {
                    draw(&mut apps[i], i);
                }
                Ok(())
            });
            if let Err(batch) = handled {
                PENDING.with(|p| {
                    p.borrow_mut().splice(0..0, batch);
                });
                return;
            }
        }
    }

    fn to<M: 'static>(self, wrap: fn(M) -> Msg) -> Rc<dyn Fn(M)> {
        Rc::new(move |m| self.send(wrap(m)))
    }
}

/// The page for the current route, with what it must fetch started.
fn page_for(route: Route, s: Sender) -> Page {
    match route {
        Route::Home => {
            home::fetch(move |m| s.send(Msg::Home(m)));
            Page::Home(home::Home::load())
        }
        Route::Apply(id) => {
            load_form(id, s);
            Page::Apply(apply::Page::Loading)
        }
        Route::Verify => Page::Bundled { what: Mount::Verify, asked: false, drawn: None },
        Route::Register => Page::Bundled { what: Mount::Permit(PermitPage::Register), asked: false, drawn: None },
        Route::Sign => Page::Bundled { what: Mount::Permit(PermitPage::Sign), asked: false, drawn: None },
        Route::Inbox => Page::Bundled { what: Mount::Permit(PermitPage::Inbox), asked: false, drawn: None },
        Route::NotFound(hash) => Page::Missing { title: i18n::NOT_FOUND, what: hash },
    }
}

fn load_form(id: eservice_core::catalog::FormId, s: Sender) {
    wasm_bindgen_futures::spawn_local(async move {
        s.send(Msg::Apply(apply::Msg::Loaded(Box::new(LoadedForm::fetch(id).await))));
    });
}

fn update(app: &mut App, index: usize, msg: Msg) {
    match msg {
        Msg::Route => {
            if matches!(app.place, Place::Site) {
                app.generation += 1;
                app.page = page_for(crate::route::current(), Sender { app: index, generation: app.generation });
            }
        }
        Msg::Apply(m) => {
            if let Page::Apply(p) = &mut app.page {
                apply::update(p, m, &mut app.autosave);
            }
        }
        Msg::Home(m) => {
            if let Page::Home(h) = &mut app.page {
                h.update(m);
            }
        }
        Msg::Bundle(ok) => {
            if let Page::Bundled { drawn, .. } = &mut app.page {
                *drawn = Some(ok);
            }
        }
        Msg::SetLang(l) => {
            if matches!(app.place, Place::Site) {
                crate::storage::store_lang(l);
            }
            lang_attribute::write(&app.lang_of, l);
        }
        Msg::Redraw => {}
    }
}

fn lang_toggle(lang: Lang, s: Sender) -> Elem {
    let other = lang.other();
    el("button")
        .attr("type", "button")
        .attr("class", "lang-toggle")
        .attr("lang", other.tag())
        .attr("title", i18n::SWITCH_LANGUAGE_LABEL.get(lang))
        .on("click", move |_: &Event| s.send(Msg::SetLang(other)))
        .text(i18n::SWITCH_LANGUAGE.get(lang))
}

fn header(lang: Lang, s: Sender) -> Node {
    el("header")
        .attr("class", "site-header")
        .child(el("a").attr("class", "site-title").attr("href", "#/").text(i18n::SITE_TITLE.get(lang)))
        .child(
            el("nav")
                .attr("class", "site-nav")
                .child(el("a").attr("href", "#/verify").text(i18n::VERIFY_LINK.get(lang)))
                .child(el("a").attr("href", "#/register").text(i18n::REGISTER_LINK.get(lang))),
        )
        .child(lang_toggle(lang, s))
        .into()
}

/// The element a bundle draws into, keyed by page so that a new page gets
/// a new element, never one another bundle still holds.
fn bundle_host(id: &'static str, generation: u32) -> Node {
    el("div").attr("id", id).attr("class", "permit-pages").key(format!("{id}-{generation}")).into()
}

const BUNDLE_HOST: &str = "bundle-host";

fn page_view(app: &App, lang: Lang, s: Sender) -> Vec<Node> {
    match &app.page {
        Page::Home(h) => vec![home::view(h, lang, s.to(Msg::Home))],
        Page::Apply(p) => {
            let around = fields::Around { redraw: Rc::new(move || s.send(Msg::Redraw)), memo: app.memo.clone(), owner: (s.app, s.generation) };
            apply::view(p, lang, &s.to(Msg::Apply), &around)
        }
        Page::Bundled { drawn, .. } => vec![bundle_host(BUNDLE_HOST, app.generation), apply::bundle_state(*drawn, i18n::PERMIT_PAGES_FAILED, lang)],
        Page::Missing { title, what } => vec![apply::load_error(*title, what, lang).into()],
    }
}

/// What is drawn around a page: the site's header, or an embed's bar.
fn frame(app: &App, lang: Lang, s: Sender, content: Vec<Node>) -> Vec<Node> {
    match app.place {
        Place::Site => vec![header(lang, s), el("main").attr("id", "main").attr("class", "page").children(content).into()],
        Place::Embed => vec![el("div").attr("class", "embed").child(el("div").attr("class", "embed-bar").child(lang_toggle(lang, s))).children(content).into()],
    }
}

fn draw(app: &mut App, index: usize) {
    let s = Sender { app: index, generation: app.generation };
    let lang = lang_attribute::read(&app.lang_of);
    let host = app.draw_into.clone();
    let nodes = |app: &App| frame(app, lang, s, page_view(app, lang, s));
    if !app.root.render(&host, nodes(app)) {
        // A field to keep was not on the page: everything afresh.
        app.memo.forget();
        app.root.render(&host, nodes(app));
    }
    app.memo.turn();
    evidence::draw_thumbnails(&host);
    after_draw(app, &host, s);
}

/// Gives the element `#id` under `host`, once it is drawn, to the bundle
/// that draws `what`, following `lang_of`; `done` learns whether the
/// bundle drew. `false` if the element is not on the page (yet).
pub fn hand_over(host: &Element, id: &str, what: Mount, lang_of: &Element, done: impl FnOnce(bool) + 'static) -> bool {
    let Some(el) = host.query_selector(&format!("#{id}")).ok().flatten() else { return false };
    let lang_of = lang_of.clone();
    wasm_bindgen_futures::spawn_local(async move {
        done(crate::bundles::mount(what, el, lang_of).await);
    });
    true
}

/// Hands the elements other bundles draw into to those bundles, once.
fn after_draw(app: &mut App, host: &Element, s: Sender) {
    match &mut app.page {
        Page::Apply(p) => apply::after_draw(p, host, &app.lang_of, s.to(Msg::Apply)),
        Page::Bundled { what, asked: asked @ false, .. } => {
            *asked = hand_over(host, BUNDLE_HOST, what.clone(), &app.lang_of, move |ok| s.send(Msg::Bundle(ok)));
        }
        // The sent requests, on a device that has used the outbox (nothing
        // shows otherwise, so a bundle that cannot load leaves nothing half-drawn).
        Page::Home(h) if !h.sent_asked && crate::storage::outbox_used() => {
            h.sent_asked = hand_over(host, home::SENT_HOST, Mount::Sent, &app.lang_of, |_| ());
        }
        _ => {}
    }
}

/// Redraws app `index` whenever its `lang` attribute changes, whoever changed it.
fn watch_lang(lang_of: &Element, index: usize) -> Option<(web_sys::MutationObserver, Closure<dyn Fn()>)> {
    let on_change = Closure::<dyn Fn()>::new(move || Sender { app: index, generation: 0 }.send(Msg::Redraw));
    let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).ok()?;
    let opts = web_sys::MutationObserverInit::new();
    opts.set_attribute_filter(&js_sys::Array::of1(&"lang".into()));
    observer.observe_with_options(lang_of, &opts).ok()?;
    Some((observer, on_change))
}

/// Starts an app; returns its number.
fn add(place: Place, lang_of: Element, draw_into: Element, page: impl FnOnce(Sender) -> Page) -> usize {
    crate::press::watch();
    let index = APPS.with(|a| a.borrow().len());
    let s = Sender { app: index, generation: 0 };
    let page = page(s);
    let watch = watch_lang(&lang_of, index);
    APPS.with(|a| {
        a.borrow_mut().push(App { place, lang_of, generation: 0, page, autosave: Autosave::default(), memo: Rc::default(), root: Root::default(), draw_into, _lang_watch: watch })
    });
    s.send(Msg::Redraw);
    index
}

/// The kit's own page, drawn into `root`.
pub fn start(root: Element) {
    let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    lang_attribute::write(&html, crate::storage::lang().unwrap_or_default());
    let index = add(Place::Site, html, root, |s| page_for(crate::route::current(), s));
    if let Some(w) = web_sys::window() {
        // For as long as the page.
        gloo_events::EventListener::new(&w, "hashchange", move |_| Sender { app: index, generation: 0 }.send(Msg::Route)).forget();
    }
}

/// Draws `form`, already loaded, into `root`, following `lang_of`'s
/// language and starting from `start` over the form's defaults; returns the
/// app's number. For hosts that hold the form already, and for tests.
pub fn mount_loaded(root: Element, lang_of: Element, form: LoadedForm, start: Option<serde_json::Value>) -> usize {
    add(Place::Embed, lang_of, root, move |_| Page::Apply(apply::Page::start(Rc::new(form), start)))
}

/// What app `index` submitted, once it has.
pub fn submitted(index: usize) -> Option<serde_json::Value> {
    APPS.with(|a| match a.borrow().get(index).map(|app| &app.page) {
        Some(Page::Apply(apply::Page::Submitted { data, .. })) => Some((**data).clone()),
        _ => None,
    })
}

/// A form embedded in an agency page: drawn into `root`, inside the page's
/// element `host`, whose `lang` it follows.
pub fn embed(host: Element, root: Element, named: &str) {
    root.set_inner_html("");
    let named = named.to_owned();
    add(Place::Embed, host, root, move |s| match crate::embed::form_id(&named) {
        Some(id) => {
            load_form(id, s);
            Page::Apply(apply::Page::Loading)
        }
        None => Page::Missing { title: i18n::EMBED_NO_FORM, what: named },
    });
}
