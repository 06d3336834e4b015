//! The e-Form: fields drawn for the data as it stands, checked as the
//! citizen leaves each field, step by step in a wizard, and all together on
//! submit. Only the data of fields the form shows is submitted.

use std::rc::Rc;

use eservice_core::form::{set_value, FormSpec, Selections, Widget};
use eservice_core::schema::{ErrorKind, ValidationError};
use eservice_core::JsonPointer;
use serde_json::Value;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::error_summary::{error_summary, ErrorItem};
use super::evidence_list::evidence_list;
use super::field::field_id;
use super::form_fields::{render_fields, FieldEvents, ListEdit, Scope};
use super::step_nav::step_nav;
use crate::dom::focus_by_id;
use crate::i18n;
use crate::loaded_form::LoadedForm;
use crate::window_event::use_window_event;

#[derive(Properties, PartialEq)]
pub struct EFormProps {
    pub lang: eservice_core::Lang,
    pub form: Rc<LoadedForm>,
    /// The data to start from: defaults, a restored draft, or what was
    /// entered before going to the summary.
    pub initial: Rc<Value>,
    #[prop_or_default]
    pub initial_selections: Selections,
    #[prop_or_default]
    pub initial_step: usize,
    /// Whether to keep a draft on this device as the citizen types.
    #[prop_or(true)]
    pub autosave: bool,
    /// Called with the (pruned) data once it passes validation.
    pub on_submit: Callback<Value>,
}

/// Everything the citizen has done to the form.
#[derive(Clone, PartialEq)]
pub struct FormState {
    pub(crate) form: Rc<LoadedForm>,
    /// As entered, including fields now hidden: ticking a box back on
    /// brings back what was typed under it.
    pub(crate) data: Value,
    pub(crate) selections: Selections,
    /// Fields the user has left; errors show only there until a step is tried.
    pub(crate) touched: Vec<JsonPointer>,
    pub(crate) step: usize,
    /// Whether "next" or "submit" was pressed on this step.
    pub(crate) tried: bool,
}

pub enum FormAction {
    Input(JsonPointer, Option<Value>),
    Leave(JsonPointer),
    Select(JsonPointer, usize),
    List(JsonPointer, ListEdit),
    Try,
    GoTo(usize),
}

impl Reducible for FormState {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            FormAction::Input(p, v) => set_value(&mut s.data, &p, v),
            FormAction::Leave(p) => {
                let (spec, _) = s.form.settle(&s.data, &s.selections);
                let leaf = spec.leaves().into_iter().find(|f| f.pointer == p).cloned();
                if let (Some(f), Some(v)) = (leaf, p.resolve(&s.data).cloned()) {
                    set_value(&mut s.data, &p, Some(f.commit(v)));
                }
                if !s.touched.contains(&p) {
                    s.touched.push(p);
                }
            }
            FormAction::Select(p, i) => s.selections.set(p, i),
            FormAction::List(p, edit) => edit.apply(&mut s.data, &p),
            FormAction::Try => s.tried = true,
            FormAction::GoTo(step) => {
                s.step = step;
                s.tried = false;
            }
        }
        Rc::new(s)
    }
}

/// How long typing must pause before the draft is written.
const AUTOSAVE_DELAY_MS: i32 = 400;

/// Keeps the draft of form `id` in local storage: after a pause in typing,
/// and at once when the page is hidden or closed, so a reload loses nothing.
#[hook]
fn use_autosave(id: Option<eservice_core::catalog::FormId>, snapshot: (Value, Selections, usize)) {
    use wasm_bindgen::closure::Closure;
    let pending = use_mut_ref(|| None::<eservice_core::draft::Draft>);
    let first = use_mut_ref(|| true);
    {
        let (pending, id) = (pending.clone(), id.clone());
        // Leaving the page, or the form, within the pause still keeps what was typed.
        use_window_event("pagehide", true, move || {
            if let (Some(id), Some(draft)) = (&id, pending.borrow_mut().take()) {
                crate::storage::store_draft(id, &draft.to_json());
            }
        });
    }
    use_effect_with(snapshot, move |(data, selections, step)| {
        let skip = std::mem::replace(&mut *first.borrow_mut(), false);
        let mut timer = None;
        if let (Some(id), false) = (id, skip) {
            let draft = eservice_core::draft::Draft {
                saved_at_ms: js_sys::Date::now(),
                data: data.clone(),
                selections: selections.clone(),
                step: *step,
            };
            // Serialised when written, not on every keystroke.
            *pending.borrow_mut() = Some(draft);
            let save = Closure::once_into_js(move || {
                if let Some(draft) = pending.borrow_mut().take() {
                    crate::storage::store_draft(&id, &draft.to_json());
                }
            });
            timer = web_sys::window()
                .and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(save.unchecked_ref(), AUTOSAVE_DELAY_MS).ok());
        }
        move || {
            if let (Some(t), Some(w)) = (timer, web_sys::window()) {
                w.clear_timeout_with_handle(t);
            }
        }
    });
}

/// The field an error belongs to: a failed choice belongs to its selector.
fn error_target(e: &ValidationError) -> JsonPointer {
    match (&e.kind, e.schema_path.last()) {
        (ErrorKind::OneOf { .. } | ErrorKind::AnyOf, Some(kw)) => e.instance_path.child(format!("@{kw}")),
        _ => e.field(),
    }
}

/// Errors in the order the fields appear, each paired with where it shows.
pub(crate) fn ordered_errors<'e>(spec: &FormSpec, errors: &'e [ValidationError]) -> Vec<(&'e ValidationError, JsonPointer)> {
    let mut places: Vec<JsonPointer> = Vec::new();
    collect_places(&spec.fields, &mut places);
    let targets: Vec<(JsonPointer, &ValidationError)> = errors.iter().map(|e| (error_target(e), e)).collect();
    let mut out: Vec<(&ValidationError, JsonPointer)> = Vec::new();
    for p in places {
        if let Some((_, e)) = targets.iter().find(|(t, _)| *t == p) {
            out.push((e, p));
        }
    }
    for (t, e) in targets {
        if !out.iter().any(|(_, p)| *p == t) {
            out.push((e, t));
        }
    }
    out
}

/// Every place an error can show, in display order.
fn collect_places(fields: &[Rc<eservice_core::form::Field>], out: &mut Vec<JsonPointer>) {
    for f in fields {
        out.push(f.pointer.clone());
        match &f.widget {
            Widget::Group { fields, .. } | Widget::Alternatives { fields, .. } => collect_places(fields, out),
            Widget::List { items, .. } => collect_places(items, out),
            _ => {}
        }
    }
}

/// The step a field is on: its top-level name's step, else the last.
pub(crate) fn step_of(spec: &FormSpec, p: &JsonPointer) -> usize {
    let name = p.tokens().first().map(String::as_str).unwrap_or("");
    spec.steps.iter().position(|s| s.names.iter().any(|n| n == name)).unwrap_or(spec.steps.len().saturating_sub(1))
}

#[component]
pub fn EForm(props: &EFormProps) -> Html {
    let lang = props.lang;
    let state = {
        let (form, initial) = (props.form.clone(), props.initial.clone());
        let (selections, step) = (props.initial_selections.clone(), props.initial_step);
        use_reducer(move || FormState { form, data: (*initial).clone(), selections, touched: Vec::new(), step, tried: false })
    };
    use_autosave(
        props.autosave.then(|| props.form.id.clone()),
        (state.data.clone(), state.selections.clone(), state.step),
    );
    let (spec, pruned) = props.form.settle(&state.data, &state.selections);
    let errors = props.form.validate(&pruned);
    let ordered = ordered_errors(&spec, &errors);
    let wizard = !spec.steps.is_empty();
    let step = state.step.min(spec.steps.len().saturating_sub(1));
    let last_step = !wizard || step + 1 == spec.steps.len();
    let in_step = |p: &JsonPointer| !wizard || step_of(&spec, p) == step;
    let step_errors: Vec<&(&ValidationError, JsonPointer)> = ordered.iter().filter(|(_, p)| last_step || in_step(p)).collect();

    let events = {
        let d = state.dispatcher();
        (*use_memo((), move |_| {
            let d = d.to_callback();
            FieldEvents {
                on_input: d.reform(|(p, v)| FormAction::Input(p, v)),
                on_blur: d.reform(FormAction::Leave),
                on_select: d.reform(|(p, i)| FormAction::Select(p, i)),
                on_list: d.reform(|(p, e)| FormAction::List(p, e)),
            }
        }))
        .clone()
    };
    let onsubmit = {
        let d = state.dispatcher();
        let on_submit = props.on_submit.clone();
        let first = step_errors.first().map(|(_, p)| p.clone());
        let first_step = first.as_ref().map(|p| step_of(&spec, p));
        let pruned = pruned.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.dispatch(FormAction::Try);
            match &first {
                None if last_step => on_submit.emit(pruned.clone()),
                None => {
                    d.dispatch(FormAction::GoTo(step + 1));
                    focus_by_id(&e, "step-title");
                }
                Some(p) => {
                    // An error on an earlier step (data changed since): go there.
                    if let (true, Some(s)) = (wizard, first_step.filter(|s| *s != step)) {
                        d.dispatch(FormAction::GoTo(s));
                        d.dispatch(FormAction::Try);
                    }
                    focus_by_id(&e, &field_id(p));
                }
            }
        })
    };
    let on_back = {
        let d = state.dispatcher();
        Callback::from(move |e: MouseEvent| {
            d.dispatch(FormAction::GoTo(step.saturating_sub(1)));
            focus_by_id(&e, "step-title");
        })
    };

    let labels = spec.leaves();
    // The agency's own message for the failed keyword, else the kit's.
    let message = |e: &ValidationError, p: &JsonPointer| -> String {
        let keyword = e.schema_path.last().unwrap_or_default();
        let field = labels.iter().find(|l| l.pointer == *p);
        if let Some(t) = field.and_then(|l| l.message_for(keyword)) {
            return t.get(lang).to_owned();
        }
        // A missing document is asked for as one, not as "at least 1 item".
        match (field.map(|l| &l.widget), keyword) {
            (Some(Widget::Evidence { .. }), "required" | "minItems") => i18n::ATTACH_REQUIRED.get(lang).to_owned(),
            _ => e.message(lang),
        }
    };
    // The errors shown: on fields left, or everywhere once a step is tried.
    let shown: Vec<(JsonPointer, String)> = ordered
        .iter()
        .filter(|(_, p)| state.tried || state.touched.contains(p))
        .map(|(e, p)| (p.clone(), message(e, p)))
        .collect();
    let summary_items: Vec<ErrorItem> = if state.tried {
        step_errors
            .iter()
            .map(|(e, p)| {
                let label = labels.iter().find(|l| l.pointer == *p).map(|l| l.label.get(lang).to_owned());
                ErrorItem { target: field_id(p), label: label.unwrap_or_default(), message: message(e, p) }
            })
            .collect()
    } else {
        Vec::new()
    };

    let fields: Vec<Rc<eservice_core::form::Field>> = spec.step_fields(step).into_iter().cloned().collect();
    let root = JsonPointer::root();
    let scope = Scope { base: &root, value: &state.data };
    let submit_label = if last_step { i18n::SUBMIT } else { i18n::NEXT };
    html! {
        <form class="e-form" novalidate=true onsubmit={onsubmit}>
            <h1>{ spec.title.get(lang) }</h1>
            { spec.description.as_ref().map(|d| html! { <p class="form-description">{ d.get(lang) }</p> }).unwrap_or_default() }
            if wizard {
                { step_nav(&spec.steps.iter().map(|s| s.title.get(lang).to_owned()).collect::<Vec<_>>(), step, lang) }
            }
            if step == 0 {
                { evidence_list(&spec.evidence, lang) }
            }
            { error_summary(&summary_items, lang) }
            { render_fields(&fields, scope, lang, &shown, &events) }
            <div class="form-actions">
                // Keeping focus where it is on press: otherwise the field's blur
                // shows its error, the button moves down, and the tap misses.
                <button type="submit" class="primary"
                    onmousedown={|e: MouseEvent| e.prevent_default()}>{ submit_label.get(lang) }</button>
                if wizard && step > 0 {
                    <button type="button" class="secondary" onclick={on_back}>{ i18n::BACK.get(lang) }</button>
                }
            </div>
        </form>
    }
}
