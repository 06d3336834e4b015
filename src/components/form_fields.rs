//! Drawing a form's fields: groups, lists with add, remove and reorder,
//! choices between `oneOf` branches, multiple choice, and the leaf inputs.

use std::rc::Rc;

use eservice_core::form::{choice_key, Field, Widget};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use yew::prelude::*;

use super::address_cascade::{is_cascade_part, AddressCascade};
use super::evidence_input::EvidenceInput;
use super::field::{field_id, same_field, FieldInput};
use crate::i18n;

/// The form's reactions to the user, handed to every field. Made once per
/// form, so that fields whose value did not change compare equal and are
/// not redrawn.
#[derive(Clone, PartialEq)]
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

/// The errors to show, by field, within what is being drawn.
pub type Shown = [(JsonPointer, String)];

/// What a part of the form draws from: the value at `base` (the whole data
/// at the root, a group's own value inside a group).
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub base: &'a JsonPointer,
    pub value: &'a Value,
}

impl<'a> Scope<'a> {
    pub fn at(&self, p: &JsonPointer) -> Option<&'a Value> {
        let rest = p.tokens().get(self.base.tokens().len()..)?;
        rest.iter().try_fold(self.value, |v, t| match v {
            Value::Object(m) => m.get(t),
            Value::Array(a) => a.get(t.parse::<usize>().ok()?),
            _ => None,
        })
    }
}

pub fn render_fields(fields: &[Rc<Field>], scope: Scope, lang: Lang, shown: &Shown, ev: &FieldEvents) -> Html {
    // Keyed by field: a field appearing mid-form must not make its
    // neighbours' inputs (and their focus or checked state) shift to it.
    fields
        .iter()
        .map(|f| html! { <key={field_id(&f.pointer)}>{ render_field(f, None, scope, lang, shown, ev) }</> })
        .collect()
}

fn error_of(shown: &Shown, p: &JsonPointer) -> Option<String> {
    shown.iter().find(|(q, _)| q == p).map(|(_, m)| m.clone())
}

#[derive(Properties)]
pub struct GroupViewProps {
    pub field: Rc<Field>,
    pub value: Option<Value>,
    /// Errors shown inside this group.
    pub shown: Vec<(JsonPointer, String)>,
    pub lang: Lang,
    pub events: FieldEvents,
}

impl PartialEq for GroupViewProps {
    fn eq(&self, o: &Self) -> bool {
        same_field(&self.field, &o.field)
            && self.value == o.value
            && self.shown == o.shown
            && self.lang == o.lang
            && self.events == o.events
    }
}

/// A group of fields as a component: typing in one group of a long form
/// leaves the other groups as they are.
#[component]
pub fn GroupView(props: &GroupViewProps) -> Html {
    let Widget::Group { fields, address } = &props.field.widget else { return html! {} };
    let f = &props.field;
    let id = field_id(&f.pointer);
    let lang = props.lang;
    let error: Html = error_of(&props.shown, &f.pointer)
        .map(|m| html! { <p class="field-error" id={format!("{id}-error")}>{ m }</p> })
        .unwrap_or_default();
    let help: Html = f.help.as_ref().map(|h| html! { <p class="field-help">{ h.get(lang) }</p> }).unwrap_or_default();
    let empty = Value::Null;
    let scope = Scope { base: &f.pointer, value: props.value.as_ref().unwrap_or(&empty) };
    html! {
        <fieldset class="group" id={id.clone()} tabindex="-1">
            <legend>{ f.label.get(lang) }</legend>
            { help }
            { error }
            if *address {
                { render_fields(&fields.iter().filter(|f| !is_cascade_part(f)).cloned().collect::<Vec<_>>(), scope, lang, &props.shown, &props.events) }
                <AddressCascade parts={fields.iter().filter(|f| is_cascade_part(f)).cloned().collect::<Vec<_>>()}
                    value={props.value.clone()} shown={props.shown.clone()} lang={lang} events={props.events.clone()} />
            } else {
                { render_fields(fields, scope, lang, &props.shown, &props.events) }
            }
        </fieldset>
    }
}

/// One field; `label` overrides the field's own (list items are numbered).
fn render_field(f: &Rc<Field>, label: Option<String>, scope: Scope, lang: Lang, shown: &Shown, ev: &FieldEvents) -> Html {
    let error = error_of(shown, &f.pointer);
    let title = label.clone().unwrap_or_else(|| f.label.get(lang).to_owned());
    // Always one node each (empty when absent): Yew lines unkeyed siblings up
    // from the end, so a child that comes and goes would shift the inputs.
    let error_p = |id: String| -> Html { error.as_ref().map(|m| html! { <p class="field-error" id={id}>{ m }</p> }).unwrap_or_default() };
    let help: Html = f.help.as_ref().map(|h| html! { <p class="field-help">{ h.get(lang) }</p> }).unwrap_or_default();
    let id = field_id(&f.pointer);
    match &f.widget {
        Widget::Group { .. } => {
            let inside: Vec<(JsonPointer, String)> = shown.iter().filter(|(p, _)| p.starts_with(&f.pointer)).cloned().collect();
            html! { <GroupView field={f.clone()} value={scope.at(&f.pointer).cloned()} shown={inside} lang={lang} events={ev.clone()} /> }
        }
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
                    { render_fields(fields, scope, lang, shown, ev) }
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
                    Widget::Group { fields, .. } => render_fields(fields, scope, lang, shown, ev),
                    _ => render_field(item, Some(item_title.clone()), scope, lang, shown, ev),
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
            let current: Vec<Value> = scope.at(&f.pointer).and_then(Value::as_array).cloned().unwrap_or_default();
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
        Widget::Evidence { rule } => html! {
            <EvidenceInput field={f.clone()} rule={rule.clone()} value={scope.at(&f.pointer).cloned()} error={error}
                lang={lang} on_input={ev.on_input.clone()} on_blur={ev.on_blur.clone()} />
        },
        Widget::Lazy => {
            let (p, on_input) = (f.pointer.clone(), ev.on_input.clone());
            let start = Callback::from(move |_: MouseEvent| on_input.emit((p.clone(), Some(Value::Object(Default::default())))));
            html! {
                <button type="button" class="secondary add-item" id={id} onclick={start}>
                    { format!("+ {} {title}", i18n::ADD_ITEM.get(lang)) }
                </button>
            }
        }
        Widget::Hidden | Widget::Fixed(_) => html! {},
        _ => html! {
            <FieldInput field={f.clone()} label={label} value={scope.at(&f.pointer).cloned()} error={error}
                lang={lang} on_input={ev.on_input.clone()} on_blur={ev.on_blur.clone()} />
        },
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
