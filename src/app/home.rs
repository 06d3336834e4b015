//! The home page: the services listed in `forms/index.json`, the drafts
//! kept on this device, and the requests sent from it.

use eservice_core::catalog::Catalog;
use eservice_core::json_file::JsonFileError;
use eservice_core::Lang;
use std::rc::Rc;
use web_sys::Event;

use crate::i18n;
use crate::net::fetch_json;
use crate::route::Route;
use crate::storage;
use crate::vdom::{el, Node};

pub const INDEX: &str = "forms/index.json";

/// The element the submit bundle lists the sent requests in.
pub const SENT_HOST: &str = "sent-requests";

pub struct Home {
    index: Option<Result<Catalog, JsonFileError>>,
    drafts: usize,
    cleared: bool,
    /// Whether the submit bundle was asked to list the sent requests.
    pub sent_asked: bool,
}

pub enum Msg {
    Index(Result<Catalog, JsonFileError>),
    ClearDrafts,
}

impl Home {
    pub fn load() -> Home {
        Home { index: None, drafts: storage::draft_count(), cleared: false, sent_asked: false }
    }

    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Index(i) => self.index = Some(i),
            Msg::ClearDrafts => {
                storage::clear_all_drafts();
                self.drafts = 0;
                self.cleared = true;
            }
        }
    }
}

/// Fetches the list of services; the answer comes to `done`.
pub fn fetch(done: impl FnOnce(Msg) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        done(Msg::Index(fetch_json(INDEX).await.map(|v| Catalog::from_json(&v))));
    });
}

fn problem_box(lang: Lang, lines: Vec<String>) -> Node {
    el("div")
        .attr("class", "problem-box")
        .attr("role", "alert")
        .child(el("strong").text(i18n::INDEX_BROKEN.get(lang)))
        .child(el("ul").children(lines.iter().map(|l| el("li").text(l).into())))
        .into()
}

pub fn view(home: &Home, lang: Lang, send: Rc<dyn Fn(Msg)>) -> Node {
    let mut body: Vec<Node> = Vec::new();
    match &home.index {
        None => body.push(el("p").attr("class", "loading").attr("aria-live", "polite").text(i18n::LOADING.get(lang)).into()),
        Some(Err(e)) => body.push(problem_box(lang, vec![e.message(lang)])),
        Some(Ok(c)) => {
            if !c.problems.is_empty() {
                body.push(problem_box(lang, c.problems.iter().map(|p| format!("{INDEX}: {}", p.message(lang))).collect()));
            }
            body.push(if c.entries.is_empty() {
                el("p").text(i18n::NO_SERVICES.get(lang)).into()
            } else {
                el("ul")
                    .attr("class", "service-list")
                    .children(c.entries.iter().map(|e| {
                        el("li")
                            .attr("class", "service-card")
                            .child(
                                el("a")
                                    .attr("href", &Route::Apply(e.id.clone()).href())
                                    .child(el("span").attr("class", "service-title").text(e.title.get(lang)))
                                    .child(Node::from(e.agency.as_ref().map(|a| el("span").attr("class", "service-agency").text(a.get(lang)))))
                                    .child(Node::from(e.description.as_ref().map(|d| el("span").attr("class", "service-description").text(d.get(lang)))))
                                    .child(el("span").attr("class", "service-action").text(i18n::APPLY.get(lang)).text(" →")),
                            )
                            .into()
                    }))
                    .into()
            });
        }
    }
    let drafts = (home.drafts > 0).then(|| {
        el("div")
            .attr("class", "draft-notice")
            .child(el("p").text(i18n::DRAFTS_ON_DEVICE.get(lang)))
            .child(el("button").attr("type", "button").attr("class", "secondary").on("click", move |_: &Event| send(Msg::ClearDrafts)).text(i18n::DRAFTS_CLEAR.get(lang)))
    });
    el("section")
        .attr("class", "home")
        .child(el("h1").text(i18n::SERVICES.get(lang)))
        .children(body)
        .child(Node::from(drafts))
        .child(Node::from(home.cleared.then(|| el("p").attr("role", "status").text(i18n::DRAFTS_CLEARED.get(lang)))))
        // Listed by the submit bundle, which holds the outbox's code.
        .child(el("div").attr("id", SENT_HOST).key(SENT_HOST.to_owned()))
        .into()
}
