//! `#/apply/<form>` without Yew: load the form, restore a draft, fill it
//! in, keep the draft as the citizen types.

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::draft::Draft;
use eservice_core::form::Selections;
use eservice_core::Lang;
use serde_json::Value;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use web_sys::Event;

use super::form::{self, Dispatch, FormAction, FormState};
use crate::bundles::Mount;
use crate::i18n::{self, Phrase};
use crate::loaded_form::{FormLoadError, LoadedForm};
use crate::storage::{self, local_time};
use crate::vdom::{el, Elem, Node};

/// What the page shows.
pub enum Page {
    Loading,
    Failed(FormLoadError),
    Filling { state: FormState, restored_at: Option<f64> },
    /// After "check and submit": the submit bundle draws the summary and
    /// package; `drawn` is `None` while it loads, then whether it could.
    Submitted { form: Rc<LoadedForm>, data: Rc<Value>, asked: bool, drawn: Option<bool>, download_failed: Option<String> },
}

/// What happens to the page.
pub enum Msg {
    Loaded(Box<Result<LoadedForm, FormLoadError>>),
    Form(FormAction),
    DiscardDraft,
    Submit(Value),
    Edit,
    Drawn(bool),
    Download,
}

/// How long typing must pause before the draft is written.
const AUTOSAVE_DELAY_MS: u32 = 400;

/// The draft waiting to be written, and the timer that will write it.
#[derive(Default)]
pub struct Autosave {
    pending: Rc<RefCell<Option<(FormId, Draft)>>>,
    /// Dropped (and so cancelled) by the next keystroke.
    timer: Option<Timeout>,
    on_hide: Option<EventListener>,
}

impl Autosave {
    fn flush(pending: &RefCell<Option<(FormId, Draft)>>) {
        if let Some((id, draft)) = pending.borrow_mut().take() {
            storage::store_draft(&id, &draft);
        }
    }

    /// Keeps `state` as the form's draft: after a pause in typing, and at
    /// once when the page is hidden or closed, so a reload loses nothing.
    fn keep(&mut self, state: &FormState) {
        let Some(w) = web_sys::window() else { return };
        if self.on_hide.is_none() {
            let pending = self.pending.clone();
            self.on_hide = Some(EventListener::new(&w, "pagehide", move |_| Self::flush(&pending)));
        }
        let draft = Draft { saved_at_ms: js_sys::Date::now(), data: state.data.clone(), selections: state.selections.clone(), step: state.step };
        *self.pending.borrow_mut() = Some((state.form.id.clone(), draft));
        let pending = self.pending.clone();
        self.timer = Some(Timeout::new(AUTOSAVE_DELAY_MS, move || Self::flush(&pending)));
    }
}

impl Page {
    /// Filling in `form`, from `start` over its defaults.
    pub fn start(form: Rc<LoadedForm>, start: Option<Value>) -> Page {
        let mut data = form.initial_data();
        if let (Some(Value::Object(start)), Value::Object(d)) = (start, &mut data) {
            d.extend(start);
        }
        Page::Filling { state: FormState::new(form, data, Selections::default(), 0), restored_at: None }
    }
}

fn fresh(form: Rc<LoadedForm>) -> Page {
    Page::start(form, None)
}

/// The next page after `msg`.
pub fn update(page: &mut Page, msg: Msg, autosave: &mut Autosave) {
    if let Page::Submitted { form, data, drawn, download_failed, .. } = page {
        match msg {
            Msg::Drawn(ok) => {
                *drawn = Some(ok);
                return;
            }
            Msg::Download => {
                let text = serde_json::to_string(&**data).unwrap_or_default();
                *download_failed = crate::download::save_text(&format!("{}.json", form.id), "application/json", &text).err();
                return;
            }
            _ => {}
        }
    }
    let next = match (std::mem::replace(page, Page::Loading), msg) {
        (_, Msg::Loaded(loaded)) => match *loaded {
            Err(e) => Page::Failed(e),
            Ok(form) => {
                let form = Rc::new(form);
                let page = match storage::load_draft(&form.id, form.draft_days()) {
                    Some(d) => Page::Filling { state: FormState::new(form, d.data, d.selections, d.step), restored_at: Some(d.saved_at_ms) },
                    None => fresh(form),
                };
                if let Page::Filling { state, .. } = &page {
                    warn_untitled(state);
                }
                page
            }
        },
        (Page::Filling { mut state, restored_at }, Msg::Form(a)) => {
            state.reduce(a);
            autosave.keep(&state);
            Page::Filling { state, restored_at }
        }
        (Page::Filling { state, .. }, Msg::DiscardDraft) => {
            autosave.pending.borrow_mut().take();
            storage::clear_draft(&state.form.id);
            fresh(state.form)
        }
        (Page::Filling { state, .. }, Msg::Submit(data)) => Page::Submitted { form: state.form, data: Rc::new(data), asked: false, drawn: None, download_failed: None },
        (Page::Submitted { form, data, .. }, Msg::Edit) => Page::Filling { state: FormState::new(form, (*data).clone(), Selections::default(), 0), restored_at: None },
        (Page::Submitted { form, .. }, Msg::DiscardDraft) => {
            storage::clear_draft(&form.id);
            fresh(form)
        }
        (p, _) => p,
    };
    *page = next;
}

/// Names in the console, once per load, each field drawn under its raw
/// property key for want of a title: an English key in a Thai form is the
/// schema's to fix, and its admin is told where.
fn warn_untitled(state: &FormState) {
    let (spec, _) = state.form.settle(&state.data, &state.selections);
    for p in spec.untitled() {
        let key = p.last().unwrap_or_default();
        let msg = format!("eservice-kit: {}: {p} has no title; showing its key “{key}”", state.form.id.schema_path());
        web_sys::console::warn_1(&msg.into());
    }
}

pub fn load_error(title: Phrase, message: &str, lang: Lang) -> Elem {
    el("section")
        .attr("class", "load-error")
        .attr("role", "alert")
        .child(el("h1").text(title.get(lang)))
        .child(el("p").attr("class", "load-error-detail").text(message))
        .child(el("p").child(el("a").attr("href", &crate::net::url("#/")).text(i18n::BACK_HOME.get(lang))))
}

fn draft_notice(saved_at: f64, lang: Lang, send: &Rc<dyn Fn(Msg)>) -> Elem {
    let send = send.clone();
    el("div")
        .attr("class", "draft-notice")
        .attr("role", "status")
        .child(el("p").text(&format!("{} ({})", i18n::DRAFT_RESTORED.get(lang), local_time(saved_at, lang))))
        .child(
            el("button")
                .attr("type", "button")
                .attr("class", "secondary")
                .on("click", move |_: &Event| send(Msg::DiscardDraft))
                .text(i18n::DRAFT_DISCARD.get(lang)),
        )
}

fn loading(lang: Lang) -> Elem {
    el("p").attr("class", "loading").attr("aria-live", "polite").text(i18n::LOADING.get(lang))
}

/// Beside an element another bundle draws into: "loading" until it has,
/// `failed` if it could not.
pub fn bundle_state(drawn: Option<bool>, failed: Phrase, lang: Lang) -> Node {
    match drawn {
        None => loading(lang).into(),
        Some(false) => el("div").attr("class", "problem-box").attr("role", "alert").child(el("p").text(failed.get(lang))).into(),
        Some(true) => Node::Empty,
    }
}

/// The page's content.
pub fn view(page: &Page, lang: Lang, send: &Rc<dyn Fn(Msg)>, around: &super::fields::Around) -> Vec<Node> {
    match page {
        Page::Loading => vec![loading(lang).into()],
        Page::Failed(e) => vec![load_error(i18n::FORM_BROKEN, &e.message(lang), lang).into()],
        Page::Filling { state, restored_at } => {
            let d: Dispatch = {
                let send = send.clone();
                Rc::new(move |a| send(Msg::Form(a)))
            };
            let submit = {
                let send = send.clone();
                Rc::new(move |v| send(Msg::Submit(v)))
            };
            vec![
                Node::from(restored_at.map(|at| draft_notice(at, lang, send))),
                form::view(state, lang, &d, submit, around).into(),
            ]
        }
        Page::Submitted { drawn, download_failed, .. } => {
            let (edit, new, download) = (send.clone(), send.clone(), send.clone());
            let button = |label: Phrase, on: Rc<dyn Fn(Msg)>, msg: fn() -> Msg| {
                el("button").attr("type", "button").attr("class", "secondary").on("click", move |_: &Event| on(msg())).text(label.get(lang)).into()
            };
            vec![el("section")
                .attr("class", "submitted-summary")
                // The submit bundle's: nothing of this page goes inside.
                .child(el("div").attr("id", SUBMITTED_HOST).key(SUBMITTED_HOST.to_owned()))
                // If it cannot draw, the data is still here to download, and the form to go back to.
                .child(bundle_state(*drawn, i18n::SUBMIT_PART_FAILED, lang))
                .child(Node::from(download_failed.as_ref().map(|r| el("p").attr("class", "field-error").attr("role", "alert").text(&format!("{}: {r}", i18n::DOWNLOAD_FAILED.get(lang))))))
                .child(el("div").attr("class", "form-actions").children([
                    button(i18n::DOWNLOAD_JSON, download, || Msg::Download),
                    button(i18n::EDIT, edit, || Msg::Edit),
                    button(i18n::START_NEW, new, || Msg::DiscardDraft),
                ]))
                .into()]
        }
    }
}

const SUBMITTED_HOST: &str = "submitted-host";

/// Once the summary's element is on the page, asks the submit bundle to draw into it.
pub fn after_draw(page: &mut Page, root: &web_sys::Element, lang_of: &web_sys::Element, send: Rc<dyn Fn(Msg)>) {
    let Page::Submitted { form, data, asked: asked @ false, .. } = page else { return };
    let what = Mount::Submitted { form: form.id.to_string(), data: data.to_string(), files: crate::evidence_client::files_for(data) };
    *asked = super::hand_over(root, SUBMITTED_HOST, what, lang_of, move |ok| send(Msg::Drawn(ok)));
}
