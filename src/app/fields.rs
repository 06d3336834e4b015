//! A form's fields: groups, lists with add, remove and reorder, choices
//! between `oneOf` branches, multiple choice, and the leaf fields
//! ([`LeafField`], [`EvidenceField`], [`AddressCascade`]).
//!
//! Every field is keyed by its id, and every sibling with it: a field
//! appearing mid-form must not make its neighbours' inputs (and their focus,
//! caret or checked state) shift to it.

use std::rc::Rc;

use eservice_core::form::{choice_key, Field, ListEdit, Widget};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use yew::prelude::*;

use super::address::{is_cascade_part, AddressCascade};
use super::evidence::EvidenceField;
use super::field::{same_field, choice_option, OptionInput, error_text, field_class, field_id, help_text, label_text, LeafField};
use crate::dom::FocusAfterDraw;
use crate::i18n;

/// The form's reactions to the citizen, handed to every field. Made once
/// per form, so fields drawn from the same data compare equal and are kept.
#[derive(Clone, PartialEq)]
pub struct Events {
    pub on_input: Callback<(JsonPointer, Option<Value>)>,
    pub on_blur: Callback<JsonPointer>,
    pub on_select: Callback<(JsonPointer, usize)>,
    pub on_list: Callback<(JsonPointer, ListEdit)>,
    /// Which form on the page, and which visit to it, the fields are of,
    /// for what is kept outside the form's data (files being processed).
    pub owner: (usize, u32),
    /// A file was picked, came back from the device, or its processing
    /// ended: the draft is written now, and the form drawn again (what
    /// stops a step depends on it).
    pub files_changed: Callback<()>,
    /// What to focus once the change a button made is drawn.
    pub focus: FocusAfterDraw,
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

pub fn error_of(shown: &Shown, p: &JsonPointer) -> Option<String> {
    shown.iter().find(|(q, _)| q == p).map(|(_, m)| m.clone())
}

/// Everything a field needs to be drawn, but the field.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub scope: Scope<'a>,
    pub lang: Lang,
    pub shown: &'a Shown,
    pub ev: &'a Events,
}

/// The fields, each keyed.
pub fn fields(list: &[Rc<Field>], cx: Ctx) -> Html {
    list.iter().flat_map(|f| field(f, None, cx)).collect()
}

#[derive(Properties)]
pub struct GroupProps {
    /// A group or a list.
    pub field: Rc<Field>,
    /// Its value.
    pub value: Option<Value>,
    /// The errors shown within it.
    pub shown: Vec<(JsonPointer, String)>,
    /// Its title, when it is a list item's.
    pub label: Option<String>,
    pub lang: Lang,
    pub ev: Events,
}

impl PartialEq for GroupProps {
    fn eq(&self, o: &Self) -> bool {
        same_field(&self.field, &o.field) && self.value == o.value && self.shown == o.shown && self.label == o.label && self.lang == o.lang && self.ev == o.ev
    }
}

/// A group of fields, or a list: redrawn only when something within it
/// changes, so typing in one section of a long form leaves the others be.
#[component]
pub fn FieldGroup(props: &GroupProps) -> Html {
    let empty = Value::Null;
    let scope = Scope { base: &props.field.pointer, value: props.value.as_ref().unwrap_or(&empty) };
    let cx = Ctx { scope, lang: props.lang, shown: &props.shown, ev: &props.ev };
    group(&props.field, props.label.clone(), cx)
}

/// One field's nodes, each keyed; `label` overrides the field's own (list
/// items are numbered). A choice's branch fields come keyed already, by
/// their own names: keyed again by place, the field being typed in would
/// be replaced by whatever came to stand where it stood.
fn field(f: &Rc<Field>, label: Option<String>, cx: Ctx) -> Vec<Html> {
    let Ctx { scope, lang, shown, ev } = cx;
    if let Widget::Group { .. } | Widget::List { .. } = &f.widget {
        let within: Vec<(JsonPointer, String)> = shown.iter().filter(|(p, _)| p.starts_with(&f.pointer)).cloned().collect();
        return vec![html! {
            <FieldGroup key={format!("{}#0", field_id(&f.pointer))} field={f.clone()} value={scope.at(&f.pointer).cloned()} shown={within} {label} {lang} ev={ev.clone()} />
        }];
    }
    let error = error_of(shown, &f.pointer);
    let title = label.clone().unwrap_or_else(|| f.label.get(lang).to_owned());
    let id = field_id(&f.pointer);
    let key = |i: usize| format!("{id}#{i}");
    match &f.widget {
        Widget::Alternatives { options, selected, fields: inner } => {
            let radios = options.iter().enumerate().map(|(i, o)| {
                let (p, on_select) = (f.pointer.clone(), ev.on_select.clone());
                let input = OptionInput { kind: "radio", name: Some(id.clone()), value: None, disabled: false };
                choice_option(input, format!("{id}-{i}"), i == *selected, o.get(lang), Callback::from(move |_| on_select.emit((p.clone(), i))))
            });
            let mut out = vec![html! {
                <fieldset key={key(0)} class={field_class("field field-radio", error.as_deref())} id={id.clone()} tabindex="-1">
                    <legend>{ title }</legend>
                    { for radios }
                    { error_text(error.as_deref(), format!("{id}-error")) }
                </fieldset>
            }];
            out.extend(inner.iter().flat_map(|f| field(f, None, cx)));
            out
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
                let input = OptionInput { kind: "checkbox", name: None, value: None, disabled: false };
                choice_option(input, format!("{id}-{i}"), checked, c.label.get(lang), onchange)
            });
            vec![html! {
                <fieldset key={key(0)} class={field_class("field field-radio", error.as_deref())} id={id.clone()} tabindex="-1">
                    <legend>{ label_text(&title, f.required, lang) }</legend>
                    { help_text(f, lang, None) }
                    { for boxes }
                    { error_text(error.as_deref(), format!("{id}-error")) }
                </fieldset>
            }]
        }
        Widget::Lazy => {
            let (p, on_input) = (f.pointer.clone(), ev.on_input.clone());
            let onclick = Callback::from(move |_: MouseEvent| on_input.emit((p.clone(), Some(Value::Object(Default::default())))));
            vec![html! {
                <button key={key(0)} type="button" class="secondary add-item" id={id.clone()} {onclick}>
                    { format!("+ {} {title}", i18n::ADD_ITEM.get(lang)) }
                </button>
            }]
        }
        Widget::Evidence { rule } => vec![html! {
            <EvidenceField key={key(0)} field={f.clone()} rule={rule.clone()} value={scope.at(&f.pointer).cloned()} {error} {lang} ev={ev.clone()} />
        }],
        Widget::Hidden | Widget::Fixed(_) | Widget::Group { .. } | Widget::List { .. } => Vec::new(),
        _ => {
            let shown_field = match &label {
                Some(l) => {
                    let mut c = (**f).clone();
                    c.label = eservice_core::LocalText { th: Some(l.clone()), en: Some(l.clone()) };
                    Rc::new(c)
                }
                None => f.clone(),
            };
            vec![html! {
                <LeafField key={key(0)} field={shown_field} value={scope.at(&f.pointer).cloned()} {error} {lang} ev={ev.clone()} />
            }]
        }
    }
}

/// A group's or a list's nodes, drawn from `cx`, whose scope is its own value.
fn group(f: &Rc<Field>, label: Option<String>, cx: Ctx) -> Html {
    let Ctx { scope, lang, shown, ev } = cx;
    let error = error_of(shown, &f.pointer);
    let title = label.unwrap_or_else(|| f.label.get(lang).to_owned());
    let id = field_id(&f.pointer);
    match &f.widget {
        Widget::Group { fields: members, address } => {
            let empty = Value::Null;
            let value = scope.at(&f.pointer);
            let inner = Ctx { scope: Scope { base: &f.pointer, value: value.unwrap_or(&empty) }, ..cx };
            let body = if *address {
                let (parts, rest): (Vec<_>, Vec<_>) = members.iter().cloned().partition(|f| is_cascade_part(f));
                let errors: Vec<(JsonPointer, String)> = shown.iter().filter(|(p, _)| parts.iter().any(|f| f.pointer == *p)).cloned().collect();
                html! {
                    <>
                        { fields(&rest, inner) }
                        <AddressCascade key={format!("{id}-cascade")} {parts} value={value.cloned()} {errors} {lang} ev={ev.clone()} />
                    </>
                }
            } else {
                fields(members, inner)
            };
            html! {
                <fieldset class="group" id={id.clone()} tabindex="-1">
                    <legend>{ f.label.get(lang) }</legend>
                    { help_text(f, lang, None) }
                    { error_text(error.as_deref(), format!("{id}-error")) }
                    // Its own list, all keyed, beside the unkeyed legend.
                    <>{ body }</>
                </fieldset>
            }
        }
        Widget::List { items, min, max, new_item } => {
            let n = items.len();
            let edit = |e: ListEdit| {
                let (p, on_list) = (f.pointer.clone(), ev.on_list.clone());
                Callback::from(move |_: MouseEvent| on_list.emit((p.clone(), e.clone())))
            };
            let item_id = |i: usize| format!("{}-item", field_id(&f.pointer.index(i)));
            // A moved item's button keeps focus: the same button at the item's
            // new place, or the other one there if that end has none to press.
            let moved = |from: usize, to: usize| {
                let (p, on_list, focus) = (f.pointer.clone(), ev.on_list.clone(), ev.focus.clone());
                let at_end = to == 0 || to + 1 == n;
                let same = if to < from { "up" } else { "down" };
                let other = if to < from { "down" } else { "up" };
                let target = format!("{}-{}", item_id(to), if at_end { other } else { same });
                // Asked first: Yew may draw before `emit` returns.
                Callback::from(move |e: MouseEvent| {
                    focus.ask(&e, &target);
                    on_list.emit((p.clone(), ListEdit::Move { from, to }));
                })
            };
            let button = |id: String, label: &str, item_title: &str, class: &'static str, disabled: bool, onclick: Callback<MouseEvent>, text: &'static str| {
                html! { <button {id} type="button" {class} {disabled} aria-label={format!("{label}: {item_title}")} {onclick}>{ text }</button> }
            };
            let rows = items.iter().enumerate().map(|(i, item)| {
                let item_title = format!("{title} {}", i + 1);
                let body: Html = match &item.widget {
                    Widget::Group { fields: inner, .. } => fields(inner, cx),
                    _ => field(item, Some(item_title.clone()), cx).into_iter().collect(),
                };
                let id = item_id(i);
                html! {
                    <div key={id.clone()} class="list-item" id={id.clone()}>
                        <div class="list-item-head">
                            <span class="list-item-title">{ item_title.clone() }</span>
                            { button(format!("{id}-up"), i18n::MOVE_UP.get(lang), &item_title, "icon-button", i == 0, moved(i, i.saturating_sub(1)), "↑") }
                            { button(format!("{id}-down"), i18n::MOVE_DOWN.get(lang), &item_title, "icon-button", i + 1 == n, moved(i, i + 1), "↓") }
                            { button(format!("{id}-remove"), i18n::REMOVE_ITEM.get(lang), &item_title, "icon-button remove", n <= *min, edit(ListEdit::Remove(i)), "✕") }
                        </div>
                        <>{ body }</>
                    </div>
                }
            });
            html! {
                <fieldset class={field_class("group list", error.as_deref())} id={id.clone()} tabindex="-1">
                    <legend>{ label_text(&title, f.required, lang) }</legend>
                    { help_text(f, lang, None) }
                    { error_text(error.as_deref(), format!("{id}-error")) }
                    <>{ for rows }</>
                    <button type="button" class="secondary add-item" disabled={max.is_some_and(|m| n >= m)}
                        onclick={edit(ListEdit::Add(new_item.clone()))}>
                        { format!("+ {} {title}", i18n::ADD_ITEM.get(lang)) }
                    </button>
                </fieldset>
            }
        }
        _ => Html::default(),
    }
}
