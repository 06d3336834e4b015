//! The e-Form: fields drawn from the schema, checked as the citizen leaves
//! each field and again, all together, on submit.

use std::rc::Rc;

use eservice_core::form::{set_value, Field, Widget};
use eservice_core::schema::ValidationError;
use eservice_core::JsonPointer;
use serde_json::Value;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::error_summary::{ErrorItem, ErrorSummary};
use super::field::{field_id, field_view, FieldEnv};
use crate::i18n::{self, use_lang};
use crate::loaded_form::LoadedForm;

#[derive(Properties, PartialEq)]
pub struct EFormProps {
    pub form: Rc<LoadedForm>,
    /// The data to start from: defaults, or what was entered before.
    pub initial: Rc<Value>,
    /// Called with the data once it passes validation.
    pub on_submit: Callback<Value>,
}

/// The data, which fields the user has left, and whether submit was tried.
#[derive(Clone, PartialEq)]
struct FormState {
    form: Rc<LoadedForm>,
    data: Value,
    /// Fields the user has left; shown errors are limited to these until submit.
    touched: Vec<JsonPointer>,
    submit_tried: bool,
}

enum FormAction {
    Input(JsonPointer, Option<Value>),
    Leave(JsonPointer),
    TrySubmit,
}

impl Reducible for FormState {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            FormAction::Input(p, v) => set_value(&mut s.data, &p, v),
            FormAction::Leave(p) => {
                let leaf = s.form.spec.leaves().into_iter().find(|f| f.pointer == p).cloned();
                if let (Some(f), Some(v)) = (leaf, p.resolve(&s.data).cloned()) {
                    set_value(&mut s.data, &p, Some(f.commit(v)));
                }
                if !s.touched.contains(&p) {
                    s.touched.push(p);
                }
            }
            FormAction::TrySubmit => s.submit_tried = true,
        }
        Rc::new(s)
    }
}

/// Errors in the order the fields appear, each paired with its field's label.
fn ordered_errors<'e>(leaves: &[&Field], errors: &'e [ValidationError]) -> Vec<(&'e ValidationError, JsonPointer)> {
    let mut out: Vec<(&ValidationError, JsonPointer)> = Vec::new();
    for leaf in leaves {
        if let Some(e) = errors.iter().find(|e| e.field() == leaf.pointer) {
            out.push((e, leaf.pointer.clone()));
        }
    }
    // Errors on groups or on the whole form have no input of their own.
    for e in errors {
        if !leaves.iter().any(|l| l.pointer == e.field()) && !out.iter().any(|(_, p)| *p == e.field()) {
            out.push((e, e.field()));
        }
    }
    out
}

fn focus(id: &str) {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.focus().ok();
    }
}

#[component]
pub fn EForm(props: &EFormProps) -> Html {
    let lang = use_lang();
    let state = {
        let (form, initial) = (props.form.clone(), props.initial.clone());
        use_reducer(move || FormState { form, data: (*initial).clone(), touched: Vec::new(), submit_tried: false })
    };
    let form = &props.form;
    let errors = form.validate(&state.data);
    let leaves = form.spec.leaves();
    let ordered = ordered_errors(&leaves, &errors);

    let on_input = {
        let state = state.dispatcher();
        Callback::from(move |(p, v)| state.dispatch(FormAction::Input(p, v)))
    };
    let on_blur = {
        let state = state.dispatcher();
        Callback::from(move |p| state.dispatch(FormAction::Leave(p)))
    };
    let onsubmit = {
        let state = state.clone();
        let on_submit = props.on_submit.clone();
        let first = ordered.first().map(|(_, p)| field_id(p));
        let valid = errors.is_empty();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(FormAction::TrySubmit);
            if valid {
                on_submit.emit(state.data.clone());
            } else if let Some(id) = &first {
                focus(id);
            }
        })
    };

    let shown = |p: &JsonPointer| state.submit_tried || state.touched.contains(p);
    let error_for = |p: &JsonPointer| -> Option<String> {
        ordered.iter().find(|(_, q)| q == p).filter(|_| shown(p)).map(|(e, _)| e.message(lang))
    };
    let summary_items: Vec<ErrorItem> = if state.submit_tried {
        ordered
            .iter()
            .map(|(e, p)| {
                let label = leaves.iter().find(|l| l.pointer == *p).map(|l| l.label.get(lang).to_owned());
                ErrorItem { target: field_id(p), label: label.unwrap_or_default(), message: e.message(lang) }
            })
            .collect()
    } else {
        Vec::new()
    };

    let render = |fields: &[Field]| -> Html { render_fields(fields, &state.data, lang, &error_for, &on_input, &on_blur) };
    let spec = &form.spec;
    html! {
        <form class="e-form" novalidate=true onsubmit={onsubmit}>
            <h1>{ spec.title.get(lang) }</h1>
            { for spec.description.as_ref().map(|d| html! { <p class="form-description">{ d.get(lang) }</p> }) }
            <ErrorSummary items={summary_items} />
            { render(&spec.fields) }
            <div class="form-actions">
                // Keeping focus where it is on press: otherwise the field's blur
                // shows its error, the button moves down, and the tap misses.
                <button type="submit" class="primary"
                    onmousedown={|e: MouseEvent| e.prevent_default()}>{ i18n::SUBMIT.get(lang) }</button>
            </div>
        </form>
    }
}

fn render_fields(
    fields: &[Field],
    data: &Value,
    lang: eservice_core::Lang,
    error_for: &dyn Fn(&JsonPointer) -> Option<String>,
    on_input: &Callback<(JsonPointer, Option<Value>)>,
    on_blur: &Callback<JsonPointer>,
) -> Html {
    fields
        .iter()
        .map(|f| match &f.widget {
            Widget::Group { fields } => {
                let error = error_for(&f.pointer);
                html! {
                    <fieldset class="group" id={field_id(&f.pointer)} tabindex="-1">
                        <legend>{ f.label.get(lang) }</legend>
                        { for f.help.as_ref().map(|h| html! { <p class="field-help">{ h.get(lang) }</p> }) }
                        { for error.map(|m| html! { <p class="field-error">{ m }</p> }) }
                        { render_fields(fields, data, lang, error_for, on_input, on_blur) }
                    </fieldset>
                }
            }
            _ => {
                let env = FieldEnv {
                    lang,
                    data,
                    error: error_for(&f.pointer),
                    on_input: on_input.clone(),
                    on_blur: on_blur.clone(),
                };
                field_view(f, &env)
            }
        })
        .collect()
}
