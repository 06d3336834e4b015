//! `#/design`: the form designer, for a clerk who writes no JSON. The
//! service's settings and its questions on one side, the form as a citizen
//! will see it on the other, drawn by the very renderer citizens use, and
//! what is wrong listed in the clerk's language until it is mended. Saving
//! downloads the form's files as one zip for the site's `forms/` folder.
//!
//! Loaded on demand in a bundle of its own (`design-pages`): never in a
//! citizen's first load.

mod open_form;
mod question_card;
mod settings;
mod site_download;
mod step_board;
mod site_folder;

use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::designer::{Design, Kind, Question, Saved};
use eservice_core::schema::Uri;
use eservice_core::Lang;
use serde_json::Value;
use web_sys::Element;
use yew::prelude::*;

use crate::app::apply::{ApplyPage, FormSource};
use crate::loaded_form::LoadedForm;
use crate::net::fetch_json;
use open_form::OpenForm;
use question_card::QuestionCard;
use settings::ServiceSettings;
use site_download::SiteDownload;
use step_board::StepBoard;

/// The shared definitions the designed forms refer to.
const COMMON: &str = "forms/common/defs.json";

/// A new form's id, until the clerk names it.
const NEW_ID: &str = "new-service";

/// The design kept on this device: when, whether its keys are kept, and itself.
fn restore() -> Option<(f64, bool, Design)> {
    let v = crate::storage::design_draft()?;
    let design = serde_json::from_value(v.get("design")?.clone()).ok()?;
    Some((v.get("savedAt")?.as_f64()?, v.get("keysKept")?.as_bool()?, design))
}

/// How long typing must pause before the design is written to the device.
const KEEP_AFTER_MS: u32 = 400;

/// Writes the design waiting to be kept, if one is, to the device.
fn keep_design(pending: &std::cell::RefCell<Option<(Design, bool)>>) {
    let Some((design, keys_kept)) = pending.borrow_mut().take() else { return };
    if let Ok(design) = serde_json::to_value(&design) {
        let kept = serde_json::json!({ "savedAt": js_sys::Date::now(), "keysKept": keys_kept, "design": design });
        crate::storage::store_design_draft(&kept);
    }
}

/// How many changes can be undone.
const UNDO_DEPTH: usize = 200;

/// The design, and what the page keeps beside it.
#[derive(Clone)]
pub struct DesignState {
    pub design: Design,
    /// Earlier designs, the last one the latest, and those undone.
    undo: Vec<Rc<Design>>,
    redo: Vec<Rc<Design>>,
    /// The field being typed in: a burst of typing there is one step to undo.
    typing_in: Option<String>,
    /// Keys follow titles until the first save; then they stay, so data
    /// already submitted keeps its meaning.
    pub keys_kept: bool,
    /// Bumped with each change: the preview is drawn afresh.
    pub revision: u32,
}

/// A change to the design.
pub struct Edit {
    change: Rc<dyn Fn(&mut Design)>,
    /// The field typed in, when the change is typing.
    typing: Option<String>,
}

impl Edit {
    pub fn new(f: impl Fn(&mut Design) + 'static) -> Edit {
        Edit { change: Rc::new(f), typing: None }
    }

    /// Typing in the field `id`: one undo takes back all typed there at a stretch.
    pub fn typing(id: &str, f: impl Fn(&mut Design) + 'static) -> Edit {
        Edit { change: Rc::new(f), typing: Some(id.to_owned()) }
    }
}

/// What happens to the design.
pub enum Action {
    Edit(Edit),
    /// Saved: keys are kept from now on.
    Saved,
    Undo,
    Redo,
    /// A new, blank form (the one before can still be undone).
    Restart,
    /// The worked example, to start from (the one before can still be undone).
    Example,
    /// A form already written, opened to edit: its keys stay, as data
    /// already submitted uses them (the one before can still be undone).
    Open(Box<Design>),
}

impl From<Edit> for Action {
    fn from(e: Edit) -> Action {
        Action::Edit(e)
    }
}

impl Reducible for DesignState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(Edit { change, typing }) => {
                change(&mut next.design);
                if !next.keys_kept {
                    next.design.key_from_titles();
                }
                next.design.tidy_steps();
                if next.design == self.design {
                    return self;
                }
                if typing.is_none() || typing != self.typing_in {
                    next.undo.push(Rc::new(self.design.clone()));
                    if next.undo.len() > UNDO_DEPTH {
                        next.undo.remove(0);
                    }
                }
                next.typing_in = typing;
                next.redo.clear();
            }
            Action::Saved => {
                next.keys_kept = true;
                return Rc::new(next);
            }
            // Undo, redo and a new form each end a burst of typing.
            Action::Undo => match next.undo.pop() {
                Some(d) => {
                    next.typing_in = None;
                    next.redo.push(Rc::new(std::mem::replace(&mut next.design, (*d).clone())));
                }
                None => return self,
            },
            Action::Restart | Action::Example | Action::Open(_) => {
                let (fresh, keys_kept) = match action {
                    Action::Example => (eservice_core::designer::example::food_shop(), false),
                    Action::Open(d) => (*d, true),
                    _ => (Design::blank(NEW_ID), false),
                };
                next.typing_in = None;
                next.undo.push(Rc::new(std::mem::replace(&mut next.design, fresh)));
                next.redo.clear();
                next.keys_kept = keys_kept;
            }
            Action::Redo => match next.redo.pop() {
                Some(d) => {
                    next.typing_in = None;
                    next.undo.push(Rc::new(std::mem::replace(&mut next.design, (*d).clone())));
                }
                None => return self,
            },
        }
        next.revision += 1;
        Rc::new(next)
    }
}

pub type Dispatch = UseReducerDispatcher<DesignState>;

#[derive(Properties, PartialEq)]
pub struct DesignPageProps {
    pub lang: Lang,
    /// The element whose `lang` the preview's bundles follow.
    pub lang_of: Element,
}

/// The files `design` saves to, when nothing is wrong with it and the
/// shared definitions it is checked against have loaded.
pub fn saved(design: &Design, common: &Option<Result<Value, String>>) -> Option<Saved> {
    let Some(Ok(defs)) = common else { return None };
    design.save(defs, Box::new(crate::regexp::BrowserRegex::default())).ok()
}

/// A zip of `files`, stamped now.
fn zip_files(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let d = js_sys::Date::new_0();
    let stamp = eservice_core::package::zip::dos_time(d.get_full_year() as u16, d.get_month() as u8 + 1, d.get_date() as u8, d.get_hours() as u8, d.get_minutes() as u8, d.get_seconds() as u8);
    let entries: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    eservice_core::package::zip::write(&entries, stamp)
}

/// The zip of a saved form: its folder under `forms/`, and the site's
/// `forms/index.json` (as this page found it) with the form's entry in it.
fn zip(saved: &Saved, id: &str, site_index: Option<&Value>) -> Vec<u8> {
    let pretty = |v: &Value| serde_json::to_vec_pretty(v).unwrap_or_default();
    let index = eservice_core::designer::with_entry(site_index, &saved.entry);
    zip_files(&[
        (format!("forms/{id}/schema.json"), pretty(&saved.schema)),
        (format!("forms/{id}/ui.json"), pretty(&saved.ui)),
        (crate::app::home::INDEX.to_owned(), pretty(&index)),
    ])
}

#[component]
pub fn DesignPage(props: &DesignPageProps) -> Html {
    let lang = props.lang;
    // The form left on this device, else a blank one.
    let restored = use_memo((), |_| restore());
    let state = use_reducer(|| {
        let (keys_kept, design) = match &*restored {
            Some((_, kept, d)) => (*kept, d.clone()),
            None => (false, Design::blank(NEW_ID)),
        };
        DesignState { design, undo: Vec::new(), redo: Vec::new(), typing_in: None, keys_kept, revision: 0 }
    });
    {
        // Kept on the device as the clerk works (after a pause in typing, and
        // when the page is left), so a closed tab loses nothing.
        let (pending, timer) = (use_mut_ref(|| None::<(Design, bool)>), use_mut_ref(|| None::<gloo_timers::callback::Timeout>));
        {
            let (pending, timer, state) = (pending.clone(), timer.clone(), state.clone());
            use_effect_with(state.revision, move |revision| {
                if *revision > 0 {
                    *pending.borrow_mut() = Some((state.design.clone(), state.keys_kept));
                    let later = pending.clone();
                    *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(KEEP_AFTER_MS, move || keep_design(&later)));
                }
            });
        }
        use_effect_with((), move |_| move || keep_design(&pending));
    }
    let common = use_state(|| None::<Result<Value, String>>);
    // The site's list of services, which the saved form joins.
    let site_index = use_state(|| None::<Value>);
    let saved_note = use_state(|| None::<String>);
    // The site folder, when the designer runs from scripts/dev.
    let site_folder = use_state(|| None::<String>);
    {
        let (common, site_index, site_folder) = (common.clone(), site_index.clone(), site_folder.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                common.set(Some(fetch_json(COMMON).await.map_err(|e| e.message(Lang::En))));
                site_index.set(fetch_json(crate::app::home::INDEX).await.ok());
                site_folder.set(site_folder::find().await);
            });
        });
    }
    // Where focus goes after a question is moved or removed (QuestionCard).
    let focus = use_memo((), |_| crate::dom::FocusAfterDraw::default());
    {
        let focus = focus.clone();
        use_effect(move || focus.apply());
    }
    let steps_select = use_node_ref();
    crate::app::field::use_selected(steps_select.clone(), state.design.steps.len().max(1).to_string());
    let design = &state.design;
    let problems = design.problems(&crate::regexp::BrowserRegex::default());
    let dispatch = state.dispatcher();
    let add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(
                Edit::new(|d| {
                    let taken: Vec<_> = d.questions.iter().map(|q| q.key.clone()).collect();
                    d.questions.push(Question::new(Kind::blank("short_text").unwrap_or(Kind::Date), &taken));
                })
                .into(),
            )
        })
    };
    let save = {
        let (state, common, site_index, saved_note, dispatch) = (state.clone(), common.clone(), site_index.clone(), saved_note.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            match saved(&state.design, &common) {
                Some(saved) => {
                    let id = &state.design.service.id;
                    let result = crate::download::save_bytes(&format!("{id}.zip"), "application/zip", &zip(&saved, id, site_index.as_ref()));
                    saved_note.set(Some(match result {
                        Ok(()) => lang.pick("บันทึกแล้ว: แตกไฟล์ zip ลงในโฟลเดอร์ของเว็บไซต์ (forms/index.json ในไฟล์ มีรายการบริการเดิมของเว็บไซต์และบริการนี้แล้ว)", "Saved: unzip into the site's folder (its forms/index.json lists the site's services and this one)").to_owned(),
                        Err(e) => format!("{}: {e}", lang.pick("ดาวน์โหลดไม่ได้", "The download failed")),
                    }));
                    dispatch.dispatch(Action::Saved);
                }
                None => saved_note.set(None),
            }
        })
    };
    let save_to_site = {
        let (state, common, site_index, saved_note, dispatch, folder) = (state.clone(), common.clone(), site_index.clone(), saved_note.clone(), dispatch.clone(), site_folder.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(saved), Some(folder)) = (saved(&state.design, &common), (*folder).clone()) else { return };
            let id = state.design.service.id.clone();
            let index = eservice_core::designer::with_entry((*site_index).as_ref(), &saved.entry);
            let (site_index, saved_note, dispatch) = (site_index.clone(), saved_note.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match site_folder::write(&saved, &id, &index).await {
                    Ok(()) => {
                        saved_note.set(Some(format!("{} {folder}/{id}", lang.pick("บันทึกลงในโฟลเดอร์ของเว็บไซต์แล้ว:", "Saved into the site folder:"))));
                        site_index.set(Some(index));
                        dispatch.dispatch(Action::Saved);
                    }
                    Err(e) => saved_note.set(Some(format!("{}: {e}", lang.pick("บันทึกลงในโฟลเดอร์ไม่ได้", "Could not save into the folder")))),
                }
            });
        })
    };
    let siblings = question_card::Before::all(&design.questions);
    let step_titles: Vec<String> = design.steps.iter().map(|s| s.title.get(lang).to_owned()).collect();
    // Undo and redo stay focusable when there is nothing to undo or redo
    // (`aria-disabled`): a button disabled under the keyboard's focus would
    // drop it to the page.
    let history = |label: &str, id: &'static str, enabled: bool, action: fn() -> Action| {
        let dispatch = dispatch.clone();
        let onclick = move |_| {
            if enabled {
                dispatch.dispatch(action())
            }
        };
        html! { <button type="button" class="secondary" {id} aria-disabled={(!enabled).to_string()} {onclick}>{ label.to_owned() }</button> }
    };
    let on_steps = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let n = crate::app::field::target_value(&e).parse::<usize>().unwrap_or(1);
            dispatch.dispatch(Edit::new(move |d| d.set_step_count(if n <= 1 { 0 } else { n })).into());
        })
    };
    let step_title = |n: usize, en: bool| {
        let dispatch = dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = settings::some(crate::app::field::target_value(&e));
            dispatch.dispatch(Edit::new(move |d| {
                if let Some(s) = d.steps.get_mut(n) {
                    if en { s.title.en = v.clone() } else { s.title.th = v.clone() }
                }
            }).into());
        });
        let (id, label) = match en {
            false => (format!("step{n}-th"), format!("{} {} ({})", lang.pick("ชื่อขั้นตอนที่", "Step"), n + 1, lang.pick("ไทย", "Thai"))),
            true => (format!("step{n}-en"), format!("{} {} ({})", lang.pick("ชื่อขั้นตอนที่", "Step"), n + 1, lang.pick("อังกฤษ", "English"))),
        };
        let t = &design.steps[n].title;
        let value = if en { t.en.clone() } else { t.th.clone() }.unwrap_or_default();
        settings::labelled_input(id, &label, None, value, oninput)
    };
    html! {
        <section class="designer">
            <h1>{ lang.pick("ออกแบบแบบฟอร์ม", "Form designer") }</h1>
            <div class="designer-columns">
                <div class="designer-editor">
                    if let (Some((at, _, _)), 0) = (&*restored, state.revision) {
                        <div class="draft-notice" role="status">
                            <p>{ format!("{} ({})", lang.pick("แบบฟอร์มที่ออกแบบค้างไว้ในเครื่องนี้", "The form left on this device"), crate::storage::local_time(*at, lang)) }</p>
                        </div>
                    }
                    <div class="form-actions">
                        { history(lang.pick("เลิกทำ", "Undo"), "design-undo", !state.undo.is_empty(), || Action::Undo) }
                        { history(lang.pick("ทำซ้ำ", "Redo"), "design-redo", !state.redo.is_empty(), || Action::Redo) }
                        { history(lang.pick("เริ่มแบบฟอร์มใหม่", "Start a new form"), "design-new", true, || Action::Restart) }
                        { history(lang.pick("เริ่มจากตัวอย่าง: ใบอนุญาตร้านอาหาร", "Start from an example: a food shop licence"), "design-example", true, || Action::Example) }
                    </div>
                    <OpenForm site_index={(*site_index).clone()} {lang} dispatch={dispatch.clone()} />
                    <ServiceSettings service={design.service.clone()} {lang} dispatch={dispatch.clone()} />
                    <div class="field">
                        <label for="design-steps">{ lang.pick("จำนวนขั้นตอน (1 = หน้าเดียว)", "Number of steps (1: a single page)") }</label>
                        <select id="design-steps" ref={steps_select} onchange={on_steps}>
                            { for (1..=6).map(|n| html! { <option value={n.to_string()}>{ n }</option> }) }
                        </select>
                    </div>
                    // One element, however many steps: siblings before it are kept as they are.
                    <div class="designer-steps">
                        { for (0..design.steps.len()).map(|n| html! { <div class="side-by-side">{ step_title(n, false) }{ step_title(n, true) }</div> }) }
                        <StepBoard design={state.design.clone()} {lang} dispatch={dispatch.clone()} />
                    </div>
                    <h2>{ lang.pick("คำถาม", "Questions") }</h2>
                    <ol class="designer-questions">
                        { for design.questions.iter().enumerate().map(|(i, q)| html! {
                            <li key={format!("q{i}")}>
                                <QuestionCard path={vec![i]} count={design.questions.len()} question={q.clone()} steps={step_titles.clone()} step={design.step_of(&q.key)} siblings={siblings.clone()} {lang} dispatch={dispatch.clone()} focus={(*focus).clone()} />
                            </li>
                        }) }
                    </ol>
                    <button type="button" class="secondary add-item" id="design-add" onclick={add}>{ lang.pick("+ เพิ่มคำถาม", "+ Add a question") }</button>
                    <div class="designer-problems" aria-live="polite">
                        if problems.is_empty() {
                            <p class="designer-ok">{ lang.pick("ไม่พบข้อผิดพลาด บันทึกได้", "Nothing is wrong: ready to save") }</p>
                        } else {
                            <h2>{ lang.pick("ต้องแก้ไขก่อนบันทึก", "To mend before saving") }</h2>
                            <ul>{ for problems.iter().map(|p| html! { <li class="field-error">{ p.message(lang) }</li> }) }</ul>
                        }
                    </div>
                    <div class="form-actions">
                        <button type="button" class="primary" disabled={!problems.is_empty() || !matches!(*common, Some(Ok(_)))} onclick={save}>
                            { lang.pick("บันทึก (ดาวน์โหลด zip)", "Save (download a zip)") }
                        </button>
                        if let Some(folder) = &*site_folder {
                            <button type="button" class="primary" id="design-save-site" disabled={!problems.is_empty() || !matches!(*common, Some(Ok(_)))} onclick={save_to_site}>
                                { format!("{} ({folder})", lang.pick("บันทึกลงในโฟลเดอร์ของเว็บไซต์", "Save into the site folder")) }
                            </button>
                        }
                    </div>
                    if let Some(note) = &*saved_note {
                        <p role="status">{ note.clone() }</p>
                    }
                    <SiteDownload design={state.design.clone()} common={(*common).clone()} ready={problems.is_empty()} {lang} />
                </div>
                <Preview design={state.design.clone()} common={(*common).clone()} {lang} lang_of={props.lang_of.clone()} />
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    design: Design,
    common: Option<Result<Value, String>>,
    lang: Lang,
    lang_of: Element,
}

/// The form as a citizen will see it, in a phone-sized frame.
#[component]
fn Preview(props: &PreviewProps) -> Html {
    let lang = props.lang;
    let design = &props.design;
    let body = match (&props.common, design.questions.is_empty()) {
        (_, true) => html! { <p class="field-help">{ lang.pick("เพิ่มคำถามแล้วแบบฟอร์มจะแสดงที่นี่", "Add a question and the form shows here") }</p> },
        (None, _) => crate::app::apply::loading(lang),
        (Some(Err(e)), _) => html! { <p class="field-error">{ format!("{COMMON}: {e}") }</p> },
        (Some(Ok(defs)), false) => {
            let id = FormId::parse(&design.service.id).or_else(|| FormId::parse("preview"));
            let base = Uri::parse(&crate::net::url(&format!("forms/{}/schema.json", design.service.id)));
            let built = id.ok_or_else(String::new).and_then(|id| {
                LoadedForm::build(id, design.schema(), &design.ui(), &base, &[(crate::net::url(COMMON), defs.clone())]).map_err(|e| e.message(lang))
            });
            match built {
                Ok(form) => {
                    let source = FormSource::Loaded(Rc::new(std::cell::RefCell::new(Some((form, None)))));
                    html! { <ApplyPage {source} {lang} lang_of={props.lang_of.clone()} owner={(usize::MAX, 0)} /> }
                }
                Err(e) => html! { <p class="field-error">{ e }</p> },
            }
        }
    };
    html! {
        <aside class="designer-preview" aria-label={lang.pick("ตัวอย่างแบบฟอร์ม", "Preview")}>
            <h2>{ lang.pick("ตัวอย่างที่ประชาชนเห็น", "What a citizen sees") }</h2>
            <div class="phone-frame">{ body }</div>
        </aside>
    }
}
