//! Drawing a form's fields without Yew: groups, lists with add, remove and
//! reorder, choices between `oneOf` branches, multiple choice, and the leaf
//! inputs (`field`).

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::form::{choice_key, Field, ListEdit, Widget};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use web_sys::Event;

use super::field::{choice_option, error_node, field_class, field_id, field_view, help_node, label_nodes, FieldEnv, OnBlur, OnInput};
use super::address::{cascade, is_cascade_part};
use super::evidence::evidence;
use crate::i18n;
use crate::vdom::{el, Elem, Node};

/// The form's reactions to the user, handed to every field.
#[derive(Clone)]
pub struct Events {
    pub on_input: OnInput,
    pub on_blur: OnBlur,
    pub on_select: Rc<dyn Fn(JsonPointer, usize)>,
    pub on_list: Rc<dyn Fn(JsonPointer, ListEdit)>,
    pub page: Around,
}

/// What fields need from the page around the form.
#[derive(Clone)]
pub struct Around {
    /// Draws the page again (data it waited for has come).
    pub redraw: Rc<dyn Fn()>,
    pub memo: Rc<Memo>,
    /// Which form on the page, and which visit to it, the fields are of,
    /// for what is kept outside the form's data (files being processed).
    pub owner: (usize, u32),
}

/// What each field was drawn from last time, in drawing order: a field
/// drawn from the same again is kept as it is on the page, so typing in one
/// field of a long form redraws that field alone.
#[derive(Default)]
pub struct Memo {
    last: RefCell<Vec<Drawn>>,
    now: RefCell<Vec<Drawn>>,
}

struct Drawn {
    field: Rc<Field>,
    value: Option<Value>,
    error: Option<String>,
    lang: Lang,
}

impl Memo {
    /// Whether `d` is what the field at this place was drawn from last time.
    fn keeps(&self, d: Drawn) -> bool {
        let i = self.now.borrow().len();
        let same = self.last.borrow().get(i).is_some_and(|l| {
            (Rc::ptr_eq(&l.field, &d.field) || l.field == d.field) && l.value == d.value && l.error == d.error && l.lang == d.lang
        });
        self.now.borrow_mut().push(d);
        same
    }

    /// After drawing: this time's becomes last time's.
    pub fn turn(&self) {
        *self.last.borrow_mut() = std::mem::take(&mut *self.now.borrow_mut());
    }

    /// Draw everything afresh next time.
    pub fn forget(&self) {
        self.last.borrow_mut().clear();
        self.now.borrow_mut().clear();
    }
}

/// Whether a field is drawn by `field_view` alone, from its value and error.
fn is_leaf(w: &Widget) -> bool {
    !matches!(
        w,
        Widget::Group { .. } | Widget::Alternatives { .. } | Widget::List { .. } | Widget::MultiCheck { .. } | Widget::Lazy | Widget::Hidden | Widget::Fixed(_) | Widget::Evidence { .. }
    )
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

fn error_of(shown: &Shown, p: &JsonPointer) -> Option<String> {
    shown.iter().find(|(q, _)| q == p).map(|(_, m)| m.clone())
}

/// The fields, each keyed: a field appearing mid-form must not make its
/// neighbours' inputs (and their focus or checked state) shift to it.
pub fn fields(list: &[Rc<Field>], scope: Scope, lang: Lang, shown: &Shown, ev: &Events) -> Vec<Node> {
    let mut out = Vec::new();
    for f in list {
        let key = field_id(&f.pointer);
        if is_leaf(&f.widget) {
            let drawn = Drawn { field: f.clone(), value: scope.at(&f.pointer).cloned(), error: error_of(shown, &f.pointer), lang };
            if ev.page.memo.keeps(drawn) {
                out.push(Node::Keep(format!("{key}#0")));
                continue;
            }
        }
        // A choice's branch fields come keyed already, by their own names:
        // keyed again by place, the field being typed in would be replaced
        // by whatever came to stand where it stood.
        for (i, n) in field(f, None, scope, lang, shown, ev).into_iter().enumerate() {
            out.push(match n {
                Node::Elem(e) if e.is_keyed() => Node::Elem(e),
                Node::Keep(k) => Node::Keep(k),
                Node::Elem(e) => Node::from(e.key(format!("{key}#{i}"))),
                other => Node::from(el("span").key(format!("{key}#{i}")).child(other)),
            });
        }
    }
    out
}

fn fieldset(class: &str, id: &str, error: &Option<String>) -> Elem {
    el("fieldset").attr("class", &field_class(class, error.as_deref())).attr("id", id).attr("tabindex", "-1")
}

fn error_p(error: &Option<String>, id: &str) -> Node {
    error_node(error.as_deref(), &format!("{id}-error"))
}

/// One field's nodes; `label` overrides the field's own (list items are numbered).
fn field(f: &Rc<Field>, label: Option<String>, scope: Scope, lang: Lang, shown: &Shown, ev: &Events) -> Vec<Node> {
    let error = error_of(shown, &f.pointer);
    let title = label.clone().unwrap_or_else(|| f.label.get(lang).to_owned());
    let id = field_id(&f.pointer);
    match &f.widget {
        Widget::Group { fields: inner, address } => {
            let empty = Value::Null;
            let value = scope.at(&f.pointer);
            let inner_scope = Scope { base: &f.pointer, value: value.unwrap_or(&empty) };
            let body = if *address {
                let (parts, rest): (Vec<_>, Vec<_>) = inner.iter().cloned().partition(|f| is_cascade_part(f));
                let mut out = fields(&rest, inner_scope, lang, shown, ev);
                out.extend(cascade(&parts, value, lang, shown, ev).into_iter().map(|n| match n {
                    Node::Elem(e) => Node::from(e.key(format!("{id}-cascade"))),
                    other => other,
                }));
                out
            } else {
                fields(inner, inner_scope, lang, shown, ev)
            };
            vec![fieldset("group", &id, &None)
                .child(el("legend").text(f.label.get(lang)))
                .child(help_node(f, lang, None))
                .child(error_p(&error, &id))
                .children(body)
                .into()]
        }
        Widget::Alternatives { options, selected, fields: inner } => {
            let radios = options.iter().enumerate().map(|(i, o)| {
                let (p, on_select) = (f.pointer.clone(), ev.on_select.clone());
                let input = el("input").attr("type", "radio").attr("name", &id);
                choice_option(input, &format!("{id}-{i}"), i == *selected, o.get(lang), move |_: &Event| on_select(p.clone(), i))
            });
            let mut out = vec![fieldset("field field-radio", &id, &error)
                .child(el("legend").text(&title))
                .children(radios)
                .child(error_p(&error, &id))
                .into()];
            out.extend(fields(inner, scope, lang, shown, ev));
            out
        }
        Widget::List { items, min, max, new_item } => {
            let n = items.len();
            let edit = |e: ListEdit| {
                let (p, on_list) = (f.pointer.clone(), ev.on_list.clone());
                move |_: &Event| on_list(p.clone(), e.clone())
            };
            let button = |label: &str, item_title: &str, disabled: bool| {
                el("button")
                    .attr("type", "button")
                    .attr("class", "icon-button")
                    .flag("disabled", disabled)
                    .attr("aria-label", &format!("{}: {item_title}", label))
            };
            let rows = items.iter().enumerate().map(|(i, item)| {
                let item_title = format!("{title} {}", i + 1);
                let body = match &item.widget {
                    Widget::Group { fields: inner, .. } => fields(inner, scope, lang, shown, ev),
                    _ => field(item, Some(item_title.clone()), scope, lang, shown, ev),
                };
                el("div")
                    .attr("class", "list-item")
                    .attr("id", &format!("{}-item", field_id(&item.pointer)))
                    .child(
                        el("div")
                            .attr("class", "list-item-head")
                            .child(el("span").attr("class", "list-item-title").text(&item_title))
                            .child(button(i18n::MOVE_UP.get(lang), &item_title, i == 0).on("click", edit(ListEdit::Move { from: i, to: i.saturating_sub(1) })).text("↑"))
                            .child(button(i18n::MOVE_DOWN.get(lang), &item_title, i + 1 == n).on("click", edit(ListEdit::Move { from: i, to: i + 1 })).text("↓"))
                            .child(
                                button(i18n::REMOVE_ITEM.get(lang), &item_title, n <= *min)
                                    .attr("class", "icon-button remove")
                                    .on("click", edit(ListEdit::Remove(i)))
                                    .text("✕"),
                            ),
                    )
                    .children(body)
                    .into()
            });
            vec![fieldset("group list", &id, &error)
                .child(el("legend").children(label_nodes(&title, f.required, lang)))
                .child(help_node(f, lang, None))
                .child(error_p(&error, &id))
                .children(rows)
                .child(
                    el("button")
                        .attr("type", "button")
                        .attr("class", "secondary add-item")
                        .flag("disabled", max.is_some_and(|m| n >= m))
                        .on("click", edit(ListEdit::Add(new_item.clone())))
                        .text(&format!("+ {} {title}", i18n::ADD_ITEM.get(lang))),
                )
                .into()]
        }
        Widget::MultiCheck { options } => {
            let current: Vec<Value> = scope.at(&f.pointer).and_then(Value::as_array).cloned().unwrap_or_default();
            let boxes = options.iter().enumerate().map(|(i, c)| {
                let checked = current.iter().any(|v| choice_key(v) == choice_key(&c.value));
                let (p, on_input, on_blur) = (f.pointer.clone(), ev.on_input.clone(), ev.on_blur.clone());
                let (all, value, current) = (options.clone(), c.value.clone(), current.clone());
                let onchange = move |_: &Event| {
                    // Keep the options' order, whatever order they were ticked in.
                    let now: Vec<Value> = all
                        .iter()
                        .map(|o| o.value.clone())
                        .filter(|v| {
                            let was = current.iter().any(|x| choice_key(x) == choice_key(v));
                            if choice_key(v) == choice_key(&value) { !was } else { was }
                        })
                        .collect();
                    on_input(p.clone(), (!now.is_empty()).then_some(Value::Array(now)));
                    on_blur(p.clone());
                };
                choice_option(el("input").attr("type", "checkbox"), &format!("{id}-{i}"), checked, c.label.get(lang), onchange)
            });
            vec![fieldset("field field-radio", &id, &error)
                .child(el("legend").children(label_nodes(&title, f.required, lang)))
                .child(help_node(f, lang, None))
                .children(boxes)
                .child(error_p(&error, &id))
                .into()]
        }
        Widget::Lazy => {
            let (p, on_input) = (f.pointer.clone(), ev.on_input.clone());
            vec![el("button")
                .attr("type", "button")
                .attr("class", "secondary add-item")
                .attr("id", &id)
                .on("click", move |_: &Event| on_input(p.clone(), Some(Value::Object(Default::default()))))
                .text(&format!("+ {} {title}", i18n::ADD_ITEM.get(lang)))
                .into()]
        }
        Widget::Evidence { rule } => vec![evidence(f, rule, scope.at(&f.pointer), error, lang, ev).into()],
        Widget::Hidden | Widget::Fixed(_) => Vec::new(),
        _ => {
            let relabelled;
            let shown_field: &Field = match &label {
                Some(l) => {
                    let mut c = (**f).clone();
                    c.label = eservice_core::LocalText { th: Some(l.clone()), en: Some(l.clone()) };
                    relabelled = c;
                    &relabelled
                }
                None => f,
            };
            let env = FieldEnv { lang, value: scope.at(&f.pointer), error, on_input: ev.on_input.clone(), on_blur: ev.on_blur.clone() };
            vec![field_view(shown_field, &env).into()]
        }
    }
}
