//! The citizen's pages drawn without Yew (work in progress: a size probe).
//!
//! Why: the apply page's first load must fit 150 KB gzipped; Yew and the
//! code its `html!` expands to take most of what the form engine leaves.
//! Here the state is plain data, an action changes it, and the whole page is
//! drawn again and patched by `vdom`.

pub mod address;
pub mod apply;
pub mod evidence;
pub mod fields;
pub mod form;

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::Lang;
use web_sys::Event;

use crate::i18n;
use crate::loaded_form::LoadedForm;
use crate::vdom::{el, Elem, Root};
use apply::{Autosave, Page};

/// What happens on the page.
pub enum Msg {
    Page(apply::Msg),
    Lang(Lang),
    /// Data the page waited for has come.
    Redraw,
}

struct App {
    page: Page,
    lang: Lang,
    autosave: Autosave,
    root: Root,
    host: web_sys::Element,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
    /// Messages that arrived while the page was being drawn (a blur fired by
    /// removing a focused field): handled right after.
    static PENDING: RefCell<Vec<Msg>> = const { RefCell::new(Vec::new()) };
}

const LANG_KEY: &str = "eservice.lang";

fn stored_lang() -> Lang {
    crate::storage::local()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default()
}

fn set_lang(lang: Lang) {
    if let Some(s) = crate::storage::local() {
        s.set_item(LANG_KEY, lang.tag()).ok();
    }
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        html.set_attribute("lang", lang.tag()).ok();
    }
}

fn send(msg: Msg) {
    PENDING.with(|p| p.borrow_mut().push(msg));
    loop {
        let msgs = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
        if msgs.is_empty() {
            return;
        }
        let drawn = APP.with(|app| {
            let Ok(mut app) = app.try_borrow_mut() else { return false };
            let Some(app) = app.as_mut() else { return true };
            for m in msgs {
                match m {
                    Msg::Lang(l) => {
                        app.lang = l;
                        set_lang(l);
                    }
                    Msg::Page(m) => apply::update(&mut app.page, m, &mut app.autosave),
                    Msg::Redraw => {}
                }
            }
            draw(app);
            true
        });
        if !drawn {
            return;
        }
    }
}

fn header(lang: Lang) -> Elem {
    let other = lang.other();
    el("header")
        .attr("class", "site-header")
        .child(el("a").attr("class", "site-title").attr("href", "#/").text(i18n::SITE_TITLE.get(lang)))
        .child(
            el("nav")
                .attr("class", "site-nav")
                .child(el("a").attr("href", "#/verify").text(i18n::VERIFY_LINK.get(lang)))
                .child(el("a").attr("href", "#/register").text(i18n::REGISTER_LINK.get(lang))),
        )
        .child(
            el("button")
                .attr("type", "button")
                .attr("class", "lang-toggle")
                .attr("lang", other.tag())
                .attr("title", i18n::SWITCH_LANGUAGE_LABEL.get(lang))
                .on("click", move |_: &Event| send(Msg::Lang(other)))
                .text(i18n::SWITCH_LANGUAGE.get(lang)),
        )
}

fn draw(app: &mut App) {
    let to_page: Rc<dyn Fn(apply::Msg)> = Rc::new(|m| send(Msg::Page(m)));
    let node = el("div")
        .child(header(app.lang))
        .child(el("main").attr("id", "main").attr("class", "page").children(apply::view(&app.page, app.lang, &to_page, Rc::new(|| send(Msg::Redraw)))));
    let dom = app.root.render(node);
    if dom.parent_node().is_none() {
        let _ = app.host.append_child(&dom);
    }
    evidence::draw_thumbnails(&dom);
    apply::after_draw(&mut app.page, &dom, to_page);
}

pub fn start() {
    crate::panic_notice::install();
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let Some(id) = hash.strip_prefix("#/apply/").and_then(FormId::parse) else { return };
    let Some(host) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else { return };
    let lang = stored_lang();
    set_lang(lang);
    APP.with(|a| *a.borrow_mut() = Some(App { page: Page::Loading, lang, autosave: Autosave::default(), root: Root::default(), host }));
    send(Msg::Lang(lang));
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = LoadedForm::fetch(id).await;
        send(Msg::Page(apply::Msg::Loaded(loaded)));
    });
}
