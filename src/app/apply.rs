//! `#/apply/<form>` and an embedded form ([`ApplyPage`]): load the form,
//! restore a draft, fill it in, keep the draft as the citizen types, and
//! hand what was submitted to the submit bundle.

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::draft::Draft;
use eservice_core::form::Selections;
use eservice_core::Lang;
use serde_json::Value;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use web_sys::Element;
use yew::prelude::*;

use super::bundled::BundleHost;
use super::fields::Events;
use super::form::{self, FormAction, FormPage, FormState};
use crate::bundles::Mount;
use crate::dom::FocusAfterDraw;
use crate::i18n::{self, Phrase};
use crate::loaded_form::{FormLoadError, LoadedForm};
use crate::storage::{self, local_time};

/// What the page shows.
pub enum Page {
    Loading,
    Failed(FormLoadError),
    Filling { state: FormState, restored_at: Option<f64> },
    /// After "check and submit": the submit bundle draws the summary and
    /// package; `drawn` is `None` while it loads, then whether it could.
    Submitted { form: Rc<LoadedForm>, data: Rc<Value>, download_failed: Option<String> },
}

/// What happens to the page.
pub enum Msg {
    Loaded(Box<Result<LoadedForm, FormLoadError>>),
    Form(FormAction),
    /// A file was picked, came back, or its processing ended: the draft is
    /// written now.
    FilesChanged,
    DiscardDraft,
    /// "This is a shared computer": keep nothing on it (or, off, keep the draft again).
    SharedDevice(bool),
    Submit(Value),
    Edit,
    Download,
}

/// How long typing must pause before the draft is written.
const AUTOSAVE_DELAY_MS: u32 = 400;

/// The draft waiting to be written, and the timer that will write it.
pub struct Autosave {
    /// The form on the page whose files being processed the draft names.
    owner: (usize, u32),
    pending: Rc<RefCell<Option<(FormId, Draft)>>>,
    /// Dropped (and so cancelled) by the next keystroke.
    timer: Option<Timeout>,
    on_hide: Option<EventListener>,
}

impl Autosave {
    pub fn new(owner: (usize, u32)) -> Autosave {
        Autosave { owner, pending: Rc::default(), timer: None, on_hide: None }
    }

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
        let picked = super::evidence::picking(self.owner);
        let draft = Draft { saved_at_ms: js_sys::Date::now(), data: state.data.clone(), selections: state.selections.clone(), step: state.step, picked };
        *self.pending.borrow_mut() = Some((state.form.id.clone(), draft));
        let pending = self.pending.clone();
        self.timer = Some(Timeout::new(AUTOSAVE_DELAY_MS, move || Self::flush(&pending)));
    }
}

/// A page left (another route, or an embed removed) keeps its last keystrokes.
impl Drop for Autosave {
    fn drop(&mut self) {
        Self::flush(&self.pending);
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
    if let (Page::Submitted { form, data, download_failed }, Msg::Download) = (&mut *page, &msg) {
        let text = serde_json::to_string(&**data).unwrap_or_default();
        *download_failed = crate::download::save_text(&format!("{}.json", form.id), "application/json", &text).err();
        return;
    }
    let next = match (std::mem::replace(page, Page::Loading), msg) {
        (_, Msg::Loaded(loaded)) => match *loaded {
            Err(e) => Page::Failed(e),
            Ok(form) => {
                let form = Rc::new(form);
                let page = match storage::load_draft(&form.id, form.draft_days()) {
                    Some(d) => {
                        super::evidence::resume(autosave.owner, d.picked);
                        Page::Filling { state: FormState::new(form, d.data, d.selections, d.step), restored_at: Some(d.saved_at_ms) }
                    }
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
        (Page::Filling { state, restored_at }, Msg::FilesChanged) => {
            autosave.keep(&state);
            Autosave::flush(&autosave.pending);
            Page::Filling { state, restored_at }
        }
        (Page::Filling { state, .. }, Msg::DiscardDraft) => {
            autosave.pending.borrow_mut().take();
            storage::clear_draft(&state.form.id);
            fresh(state.form)
        }
        (Page::Filling { state, restored_at }, Msg::SharedDevice(on)) => {
            storage::set_shared_device(on);
            match on {
                // What was kept goes now: the draft, and the files beside it.
                true => {
                    autosave.pending.borrow_mut().take();
                    storage::clear_draft(&state.form.id);
                    crate::evidence_client::sweep();
                }
                false => autosave.keep(&state),
            }
            Page::Filling { state, restored_at: restored_at.filter(|_| !on) }
        }
        (Page::Filling { state, .. }, Msg::Submit(data)) => Page::Submitted { form: state.form, data: Rc::new(data), download_failed: None },
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

pub fn load_error(title: Phrase, message: &str, lang: Lang) -> Html {
    html! {
        <section class="load-error" role="alert">
            <h1>{ title.get(lang) }</h1>
            <p class="load-error-detail">{ message.to_owned() }</p>
            <p><a href={crate::net::url("#/")}>{ i18n::BACK_HOME.get(lang) }</a></p>
        </section>
    }
}

fn draft_notice(saved_at: f64, lang: Lang, send: &Callback<Msg>) -> Html {
    let onclick = send.reform(|_: MouseEvent| Msg::DiscardDraft);
    html! {
        <div class="draft-notice" role="status">
            <p>{ format!("{} ({})", i18n::DRAFT_RESTORED.get(lang), local_time(saved_at, lang)) }</p>
            <button type="button" class="secondary" {onclick}>{ i18n::DRAFT_DISCARD.get(lang) }</button>
        </div>
    }
}

/// "This is a shared computer": for a citizen at a library or a district
/// office's kiosk, nothing typed or attached stays on it.
fn shared_switch(lang: Lang, send: &Callback<Msg>) -> Html {
    let on = storage::shared_device();
    let onchange = send.reform(|e: Event| Msg::SharedDevice(e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked())));
    html! {
        <div class="shared-device">
            <div class="field field-checkbox">
                <input id="shared-device" type="checkbox" checked={on} {onchange} />
                <label for="shared-device">{ i18n::SHARED_DEVICE.get(lang) }</label>
            </div>
            if on {
                <p class="field-help" role="status">{ i18n::SHARED_ON.get(lang) }</p>
            }
        </div>
    }
}

pub fn loading(lang: Lang) -> Html {
    html! { <p class="loading" aria-live="polite">{ i18n::LOADING.get(lang) }</p> }
}

/// A form a host holds already, with the data to start from: taken by the
/// page that draws it.
pub type HeldForm = Rc<RefCell<Option<(LoadedForm, Option<Value>)>>>;

/// Where a form comes from.
#[derive(Clone)]
pub enum FormSource {
    /// Fetched from the kit's `forms/<id>/`.
    Fetch(FormId),
    /// Held already (by a host, or a test), with the data to start from.
    Loaded(HeldForm),
}

impl PartialEq for FormSource {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (FormSource::Fetch(a), FormSource::Fetch(b)) => a == b,
            (FormSource::Loaded(a), FormSource::Loaded(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ApplyProps {
    pub source: FormSource,
    pub lang: Lang,
    /// The element whose `lang` the bundles drawn here follow.
    pub lang_of: Element,
    /// Which app on the page, and which visit to the page.
    pub owner: (usize, u32),
}

/// The e-Form page: loading, the form, or what was submitted.
#[component]
pub fn ApplyPage(props: &ApplyProps) -> Html {
    let lang = props.lang;
    let page = use_mut_ref(|| match &props.source {
        FormSource::Loaded(held) => match held.borrow_mut().take() {
            Some((form, start)) => Page::start(Rc::new(form), start),
            None => Page::Loading,
        },
        FormSource::Fetch(_) => Page::Loading,
    });
    // A host that hands over a new form (the designer's preview, as the
    // clerk edits it) keeps what was typed into the one before.
    let seen = use_mut_ref(|| props.source.clone());
    if *seen.borrow() != props.source {
        *seen.borrow_mut() = props.source.clone();
        if let FormSource::Loaded(held) = &props.source {
            if let Some((form, start)) = held.borrow_mut().take() {
                let mut p = page.borrow_mut();
                let next = match &*p {
                    Page::Filling { state, .. } => {
                        let mut next = FormState::new(Rc::new(form), state.data.clone(), state.selections.clone(), state.step);
                        next.touched = state.touched.clone();
                        next.tried = state.tried;
                        Page::Filling { state: next, restored_at: None }
                    }
                    _ => Page::start(Rc::new(form), start),
                };
                *p = next;
            }
        }
    }
    let owner = props.owner;
    let autosave = use_mut_ref(|| Autosave::new(owner));
    let redraw = use_force_update();
    let focus = use_memo((), |_| FocusAfterDraw::default());
    // One sender for the page's life, so the fields it is handed to stay equal.
    let send = use_memo((), {
        let page = page.clone();
        move |_| {
            Callback::from(move |msg: Msg| {
                {
                    let Ok(mut p) = page.try_borrow_mut() else { return };
                    update(&mut p, msg, &mut autosave.borrow_mut());
                    if let Page::Submitted { data, .. } = &*p {
                        super::record_submitted(owner.0, data);
                    }
                }
                redraw.force_update();
            })
        }
    });
    let send: Callback<Msg> = (*send).clone();
    let events = use_memo((), {
        let (send, focus) = (send.clone(), (*focus).clone());
        move |_| {
            let act = send.reform(Msg::Form);
            let leave = act.clone();
            Events {
                on_input: act.reform(|(p, v)| FormAction::Input(p, v)),
                // Left by a tap elsewhere: its error shows once the tap has landed.
                on_blur: Callback::from(move |p| {
                    let leave = leave.clone();
                    crate::press::after_press(move || leave.emit(FormAction::Leave(p)));
                }),
                on_select: act.reform(|(p, i)| FormAction::Select(p, i)),
                on_list: act.reform(|(p, edit)| FormAction::List(p, edit)),
                owner,
                files_changed: send.reform(|_| Msg::FilesChanged),
                focus,
            }
        }
    });
    {
        let (source, send) = (props.source.clone(), send.clone());
        use_effect_with((), move |_| {
            if let FormSource::Fetch(id) = source {
                wasm_bindgen_futures::spawn_local(async move {
                    send.emit(Msg::Loaded(Box::new(LoadedForm::fetch(id).await)));
                });
            }
        });
    }
    {
        let focus = focus.clone();
        use_effect(move || focus.apply());
    }
    let p = page.borrow();
    match &*p {
        Page::Loading => loading(lang),
        Page::Failed(e) => load_error(i18n::FORM_BROKEN, &e.message(lang), lang),
        Page::Filling { state, restored_at } => {
            let act = send.reform(Msg::Form);
            let form_page = FormPage { act: &act, on_submit: send.reform(Msg::Submit), ev: &events, focus: &focus };
            html! {
                <>
                    if let Some(at) = restored_at {
                        { draft_notice(*at, lang, &send) }
                    }
                    { shared_switch(lang, &send) }
                    { form::view(state, lang, form_page) }
                </>
            }
        }
        Page::Submitted { form, data, download_failed } => {
            let button = |label: Phrase, msg: fn() -> Msg| {
                html! { <button type="button" class="secondary" onclick={send.reform(move |_: MouseEvent| msg())}>{ label.get(lang) }</button> }
            };
            let what = Mount::Submitted { form: form.id.to_string(), data: data.to_string(), files: crate::evidence_client::files_for(data) };
            html! {
                <section class="submitted-summary">
                    // The submit bundle's; if it cannot draw, the data is
                    // still here to download, and the form to go back to.
                    <BundleHost id="submitted-host" {what} lang_of={props.lang_of.clone()} {lang} failed={Some(i18n::SUBMIT_PART_FAILED)} />
                    if let Some(r) = download_failed {
                        <p class="field-error" role="alert">{ format!("{}: {r}", i18n::DOWNLOAD_FAILED.get(lang)) }</p>
                    }
                    <div class="form-actions">
                        { button(i18n::DOWNLOAD_JSON, || Msg::Download) }
                        { button(i18n::EDIT, || Msg::Edit) }
                        { button(i18n::START_NEW, || Msg::DiscardDraft) }
                    </div>
                </section>
            }
        }
    }
}
