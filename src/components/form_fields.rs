//! Drawing a form's fields: groups, lists with add, remove and reorder,
//! choices between `oneOf` branches, multiple choice, and the leaf inputs.

use eservice_core::form::{choice_key, Field, Widget};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use yew::prelude::*;

use super::field::{field_id, field_view, FieldEnv};
use crate::i18n;

/// The form's reactions to the user, handed to every field.
#[derive(Clone)]
pub struct FieldEvents {
    /// A value changed (`None` clears it).
    pub on_input: Callback<(JsonPointer, Option<Value>)>,
    /// The user left a field.
    pub on_blur: Callback<JsonPointer>,
    /// A `oneOf`/`anyOf` branch was picked.
    pub on_select: Callback<(JsonPointer, usize)>,
    /// A list was edited.
    pub on_list: Callback<(JsonPointer, ListEdit)>,
}

/// An edit to a list's items.
#[derive(Clone, Debug, PartialEq)]
pub enum ListEdit {
    Add(Value),
    Remove(usize),
    Move { from: usize, to: usize },
}

impl ListEdit {
    pub fn apply(&self, data: &mut Value, at: &JsonPointer) {
        let mut items = at.resolve(data).and_then(Value::as_array).cloned().unwrap_or_default();
        match self {
            ListEdit::Add(v) => items.push(v.clone()),
            ListEdit::Remove(i) if *i < items.len() => {
                items.remove(*i);
            }
            ListEdit::Move { from, to } if *from < items.len() && *to < items.len() => items.swap(*from, *to),
            _ => return,
        }
        eservice_core::form::set_value(data, at, Some(Value::Array(items)));
    }
}

type ErrorFor<'a> = &'a dyn Fn(&JsonPointer) -> Option<String>;

pub fn render_fields(fields: &[Field], data: &Value, lang: Lang, error_for: ErrorFor, ev: &FieldEvents) -> Html {
    // Keyed by field: a field appearing mid-form must not make its
    // neighbours' inputs (and their focus or checked state) shift to it.
    fields
        .iter()
        .map(|f| html! { <key={field_id(&f.pointer)}>{ render_field(f, None, data, lang, error_for, ev) }</> })
        .collect()
}

/// One field; `label` overrides the field's own (list items are numbered).
fn render_field(f: &Field, label: Option<String>, data: &Value, lang: Lang, error_for: ErrorFor, ev: &FieldEvents) -> Html {
    let error = error_for(&f.pointer);
    let title = label.unwrap_or_else(|| f.label.get(lang).to_owned());
    // Always one node each (empty when absent): Yew lines unkeyed siblings up
    // from the end, so a child that comes and goes would shift the inputs.
    let error_p = |id: String| -> Html { error.as_ref().map(|m| html! { <p class="field-error" id={id}>{ m }</p> }).unwrap_or_default() };
    let help: Html = f.help.as_ref().map(|h| html! { <p class="field-help">{ h.get(lang) }</p> }).unwrap_or_default();
    let id = field_id(&f.pointer);
    match &f.widget {
        Widget::Group { fields } => html! {
            <fieldset class="group" id={id.clone()} tabindex="-1">
                <legend>{ title }</legend>
                { help }
                { error_p(format!("{id}-error")) }
                { render_fields(fields, data, lang, error_for, ev) }
            </fieldset>
        },
        Widget::Alternatives { options, selected, fields } => {
            let radios = options.iter().enumerate().map(|(i, o)| {
                let (p, on_select) = (f.pointer.clone(), ev.on_select.clone());
                let opt_id = format!("{id}-{i}");
                html! {
                    <label class="radio-option" for={opt_id.clone()}>
                        <input type="radio" id={opt_id} name={id.clone()} checked={i == *selected}
                            onchange={move |_: Event| on_select.emit((p.clone(), i))} />
                        { o.get(lang) }
                    </label>
                }
            });
            html! {
                <>
                    <fieldset class={classes!("field", "field-radio", error.as_ref().map(|_| "has-error"))} id={id.clone()} tabindex="-1">
                        <legend>{ title }</legend>
                        { for radios }
                        { error_p(format!("{id}-error")) }
                    </fieldset>
                    { render_fields(fields, data, lang, error_for, ev) }
                </>
            }
        }
        Widget::List { items, min, max, new_item } => {
            let n = items.len();
            let edit = |e: ListEdit| {
                let (p, on_list) = (f.pointer.clone(), ev.on_list.clone());
                Callback::from(move |_: MouseEvent| on_list.emit((p.clone(), e.clone())))
            };
            let rows = items.iter().enumerate().map(|(i, item)| {
                let item_title = format!("{title} {}", i + 1);
                let body = match &item.widget {
                    Widget::Group { fields } => render_fields(fields, data, lang, error_for, ev),
                    _ => render_field(item, Some(item_title.clone()), data, lang, error_for, ev),
                };
                html! {
                    <div class="list-item" id={format!("{}-item", field_id(&item.pointer))}>
                        <div class="list-item-head">
                            <span class="list-item-title">{ &item_title }</span>
                            <button type="button" class="icon-button" disabled={i == 0}
                                aria-label={format!("{}: {item_title}", i18n::MOVE_UP.get(lang))}
                                onclick={edit(ListEdit::Move { from: i, to: i.saturating_sub(1) })}>{ "↑" }</button>
                            <button type="button" class="icon-button" disabled={i + 1 == n}
                                aria-label={format!("{}: {item_title}", i18n::MOVE_DOWN.get(lang))}
                                onclick={edit(ListEdit::Move { from: i, to: i + 1 })}>{ "↓" }</button>
                            <button type="button" class="icon-button remove" disabled={n <= *min}
                                aria-label={format!("{}: {item_title}", i18n::REMOVE_ITEM.get(lang))}
                                onclick={edit(ListEdit::Remove(i))}>{ "✕" }</button>
                        </div>
                        { body }
                    </div>
                }
            });
            html! {
                <fieldset class={classes!("group", "list", error.as_ref().map(|_| "has-error"))} id={id.clone()} tabindex="-1">
                    <legend>{ title.clone() }{ required_mark(f.required, lang) }</legend>
                    { help }
                    { error_p(format!("{id}-error")) }
                    { for rows }
                    <button type="button" class="secondary add-item" disabled={max.is_some_and(|m| n >= m)}
                        onclick={edit(ListEdit::Add(new_item.clone()))}>
                        { format!("+ {} {title}", i18n::ADD_ITEM.get(lang)) }
                    </button>
                </fieldset>
            }
        }
        Widget::MultiCheck { options } => {
            let current: Vec<Value> = f.pointer.resolve(data).and_then(Value::as_array).cloned().unwrap_or_default();
            let boxes = options.iter().enumerate().map(|(i, c)| {
                let checked = current.iter().any(|v| choice_key(v) == choice_key(&c.value));
                let (p, on_input, on_blur) = (f.pointer.clone(), ev.on_input.clone(), ev.on_blur.clone());
                let (all, value, current) = (options.clone(), c.value.clone(), current.clone());
                let onchange = Callback::from(move |_: Event| {
                    // Keep the options' order, whatever order they were ticked in.
                    let now: Vec<Value> = all
                        .iter()
                        .map(|o| o.value.clone())
                        .filter(|v| {
                            let was = current.iter().any(|x| choice_key(x) == choice_key(v));
                            if choice_key(v) == choice_key(&value) { !was } else { was }
                        })
                        .collect();
                    on_input.emit((p.clone(), (!now.is_empty()).then_some(Value::Array(now))));
                    on_blur.emit(p.clone());
                });
                let opt_id = format!("{id}-{i}");
                html! {
                    <label class="radio-option" for={opt_id.clone()}>
                        <input type="checkbox" id={opt_id} checked={checked} onchange={onchange} />
                        { c.label.get(lang) }
                    </label>
                }
            });
            html! {
                <fieldset class={classes!("field", "field-radio", error.as_ref().map(|_| "has-error"))} id={id.clone()} tabindex="-1">
                    <legend>{ title }{ required_mark(f.required, lang) }</legend>
                    { help }
                    { for boxes }
                    { error_p(format!("{id}-error")) }
                </fieldset>
            }
        }
        Widget::Hidden | Widget::Fixed(_) => html! {},
        _ => {
            let env = FieldEnv { lang, data, error, on_input: ev.on_input.clone(), on_blur: ev.on_blur.clone() };
            let mut f = f.clone();
            f.label = eservice_core::LocalText { th: Some(title.clone()), en: Some(title) };
            field_view(&f, &env)
        }
    }
}

pub fn required_mark(required: bool, lang: Lang) -> Html {
    if !required {
        return html! {};
    }
    html! {
        <>
            <span class="required-mark" aria-hidden="true">{ " *" }</span>
            <span class="visually-hidden">{ format!(" ({})", i18n::REQUIRED_MARK.get(lang)) }</span>
        </>
    }
}
