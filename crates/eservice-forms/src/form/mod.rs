//! The form that a JSON Schema and its UI schema describe, for given data.
//!
//! Which fields a form shows depends on what has been entered: `if`/`then`,
//! `dependentSchemas`, the chosen branch of a `oneOf`, the items of a list.
//! So a [`FormSpec`] is built for the current data, by the same validator
//! that checks it, and data of fields that are not shown is pruned before it
//! is validated or submitted. Building it here keeps the reading of schemas
//! testable natively and free of web types.
//!
//! The UI schema follows react-jsonschema-form's shape: an object that
//! mirrors the data, with `ui:`-prefixed keys (`ui:title`, `ui:help`,
//! `ui:placeholder`, `ui:widget`, `ui:order`, `ui:enumNames`,
//! `ui:autocomplete`, `ui:steps`; `items` for list items), where texts may be
//! a string or `{"th": …, "en": …}`.

mod input;
mod list_edit;
mod reader;

use std::rc::Rc;

use serde_json::{Map, Value};

pub use input::{choice_key, set_value};
pub use list_edit::ListEdit;

use eservice_base::lang::{Lang, LocalText};
use eservice_base::pointer::JsonPointer;
use crate::schema::{ErrorKind, FieldInfo, Hint, ValidationError, Validator};
use reader::Reader;

/// Nesting deeper than this is almost surely a recursive `$ref`; it is shown
/// as a note rather than followed forever.
const MAX_NESTING: usize = 12;

/// A whole form, as it stands for some data.
#[derive(Clone, Debug, PartialEq)]
pub struct FormSpec {
    pub title: LocalText,
    pub description: Option<LocalText>,
    pub fields: Vec<Rc<Field>>,
    /// The wizard's pages; empty for a one-page form.
    pub steps: Vec<Step>,
    /// The evidence documents the service asks for (`ui:evidence`).
    pub evidence: Vec<Evidence>,
    /// Whether the form's shape depends on the data (conditions, choices,
    /// lists). A form that does not can be read once and reused.
    pub dynamic: bool,
}

/// A kind of evidence document the service requires, such as a copy of the
/// citizen ID card: one copy each, in a common format (PDF, JPG).
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub id: String,
    pub title: LocalText,
    /// When it applies ("for companies only"), or how to obtain it.
    pub note: Option<LocalText>,
    pub required: bool,
}

/// One page of a multi-step form: a title and the top-level fields on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub title: LocalText,
    pub names: Vec<String>,
}

/// One field, or one group of fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Where the value lives in the data.
    pub pointer: JsonPointer,
    pub label: LocalText,
    /// Whether `label` is the property's key, for want of any title in the
    /// schema (through its `$ref`s) or the UI schema.
    pub label_is_key: bool,
    pub help: Option<LocalText>,
    pub placeholder: Option<LocalText>,
    /// The schema's first `examples` value, as typed: what a message about
    /// a value not in the expected form shows.
    pub example: Option<String>,
    pub required: bool,
    pub read_only: bool,
    /// The browser's autofill hint, e.g. `given-name`, `postal-code`.
    pub autocomplete: Option<String>,
    /// The schema's `default`, filled in when the form starts.
    pub default: Option<Value>,
    /// The one value the schema allows (`const`) where the citizen is
    /// shown it: `true` is a declaration they must tick (required, never
    /// ticked for them); any other value is read-only and set by the form.
    /// A `const` that picks a choice's branch is [`Widget::Fixed`] instead.
    pub constant: Option<Value>,
    /// Messages by failed keyword: the agency's own (`ui:errors`), and the
    /// kit's where the validator's would not say what to do (a declaration
    /// not ticked is "missing", but the citizen is to tick it).
    pub messages: Vec<(String, LocalText)>,
    pub widget: Widget,
}

impl Field {
    /// The agency's message for a failed `keyword`, if it wrote one.
    pub fn message_for(&self, keyword: &str) -> Option<&LocalText> {
        self.messages.iter().find(|(k, _)| k == keyword).map(|(_, t)| t)
    }

    /// Whether this is a box the citizen must tick (`"const": true`).
    pub fn is_declaration(&self) -> bool {
        self.constant == Some(Value::Bool(true))
    }

    /// The value the form sets here and shows read-only, if any.
    fn shown_constant(&self) -> Option<&Value> {
        self.constant.as_ref().filter(|_| !self.is_declaration())
    }
}

/// How a field is entered.
#[derive(Clone, Debug, PartialEq)]
pub enum Widget {
    Text { kind: TextKind, max_length: Option<u64> },
    TextArea { max_length: Option<u64> },
    Number { integer: bool },
    Checkbox,
    Select { options: Vec<Choice> },
    Radio { options: Vec<Choice> },
    /// Several of a fixed set: an array of distinct enum values.
    MultiCheck { options: Vec<Choice> },
    /// Fields that belong together; `address` when the UI schema asks for
    /// the Thai address cascade (`ui:widget: thai-address`).
    Group { fields: Vec<Rc<Field>>, address: bool },
    /// A `oneOf`/`anyOf` of object shapes: the user picks one, and its
    /// fields join the object's. The field's pointer names the choice.
    Alternatives { options: Vec<LocalText>, selected: usize, fields: Vec<Rc<Field>> },
    /// Evidence documents: files attached, checked, compressed and hashed
    /// in the browser; the value is their manifest entries.
    Evidence { rule: crate::evidence::EvidenceRule },
    /// An array of items the user can add, remove and reorder.
    List { items: Vec<Rc<Field>>, min: usize, max: Option<usize>, new_item: Value },
    /// Not shown (`ui:widget: hidden`): a value the page that holds the
    /// form put in the data is kept, but the form fills in nothing here,
    /// not even a default, since the citizen would not see it.
    Hidden,
    /// A group whose schema refers back to itself (a `$ref` cycle), not yet
    /// filled: drawn as a button that starts it, so a recursive schema draws
    /// only as deep as the data goes.
    Lazy,
    /// The `const` that picks the chosen `oneOf`/`anyOf` branch (its
    /// discriminator): set with the branch the citizen chose, not shown.
    /// No other value is set without the citizen seeing it.
    Fixed(Value),
    /// A schema shape this version cannot draw; the reason is for the console.
    Unsupported { reason: String },
}

/// Which text input suits the value, mostly to summon the right phone keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    Plain,
    Email,
    Tel,
    Url,
    Date,
    DateTime,
    /// Digits only: citizen IDs, postcodes.
    Numeric,
}

/// One option of a select or radio group.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: Value,
    pub label: LocalText,
}

/// Which branch the user picked for each `oneOf`/`anyOf` choice, by the
/// choice's pointer. Choices not listed follow the data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selections(Vec<(JsonPointer, usize)>);

impl Selections {
    pub fn get(&self, at: &JsonPointer) -> Option<usize> {
        self.0.iter().find(|(p, _)| p == at).map(|(_, i)| *i)
    }

    pub fn set(&mut self, at: JsonPointer, branch: usize) {
        self.0.retain(|(p, _)| *p != at);
        self.0.push((at, branch));
    }

    pub fn entries(&self) -> &[(JsonPointer, usize)] {
        &self.0
    }

    /// Each choice's pointer through `to` (a list's items moved); one
    /// mapped to `None` is forgotten.
    pub fn remap(&mut self, to: impl Fn(&JsonPointer) -> Option<JsonPointer>) {
        self.0 = std::mem::take(&mut self.0).into_iter().filter_map(|(p, i)| to(&p).map(|p| (p, i))).collect();
    }
}

impl FormSpec {
    /// The form for `data`, drawn from the validator's schema (which must
    /// describe an object) and its UI schema.
    pub fn new(validator: &Validator, ui: &Value, data: &Value, selections: &Selections) -> FormSpec {
        Reader { v: validator, sel: selections, dynamic: Default::default(), chain: Default::default(), picks: Default::default(), triggers: Default::default() }.form(ui, data)
    }

    /// The form for `data` together with `data` pruned to the fields it
    /// shows; pruning can change which conditions hold, so this repeats
    /// until the two agree.
    pub fn settle(validator: &Validator, ui: &Value, data: &Value, selections: &Selections) -> (FormSpec, Value) {
        let mut current = data.clone();
        let mut spec = FormSpec::new(validator, ui, &current, selections);
        for _ in 0..4 {
            let mut next = spec.prune(&current);
            fix(&spec.fields, &mut next);
            // The same data gives the same form, and a static form is the
            // same for any data: nothing more to settle.
            if next == current || !spec.dynamic {
                current = next;
                break;
            }
            spec = FormSpec::new(validator, ui, &next, selections);
            current = next;
        }
        (spec, current)
    }

    /// Every field that holds a value, in display order.
    pub fn leaves(&self) -> Vec<&Field> {
        let mut out = Vec::new();
        leaves(&self.fields, &mut out);
        out
    }

    /// The fields shown on step `i` (all fields for a one-page form).
    pub fn step_fields(&self, i: usize) -> Vec<&Rc<Field>> {
        let Some(step) = self.steps.get(i) else { return self.fields.iter().collect() };
        let last = i + 1 == self.steps.len();
        let placed = |name: &str| self.steps.iter().any(|s| s.names.iter().any(|n| n == name));
        self.fields
            .iter()
            .filter(|f| {
                let name = f.pointer.tokens().first().map(String::as_str).unwrap_or("");
                step.names.iter().any(|n| n == name) || (last && !placed(name))
            })
            .collect()
    }

    /// `data` pruned to what this form shows, with its fixed values set:
    /// what a static form (one whose shape does not depend on the data)
    /// validates and submits, without reading the schema again.
    pub fn settle_static(&self, data: &Value) -> Value {
        let mut out = self.prune(data);
        fix(&self.fields, &mut out);
        out
    }

    /// `data` with only what the form shows (and hidden fields keep).
    pub fn prune(&self, data: &Value) -> Value {
        prune_object(&self.fields, data)
    }

    /// The data a fresh form starts from: schema defaults, and an empty
    /// object for each group so that errors land on the fields inside it.
    pub fn initial_data(&self) -> Value {
        let mut out = Map::new();
        fill_defaults(&self.fields, &mut out);
        Value::Object(out)
    }

    /// The validator's errors for `data` (pruned), and the form's own: a
    /// declaration is required even where the schema lets it go unanswered,
    /// since the form marks it so; unticked, it fails as `const` does.
    pub fn validate(&self, validator: &Validator, data: &Value) -> Vec<ValidationError> {
        let mut errors = validator.validate(data);
        for f in self.leaves() {
            let ticked = f.pointer.resolve(data) == Some(&Value::Bool(true));
            if f.is_declaration() && !ticked && !errors.iter().any(|e| e.field() == f.pointer) {
                errors.push(ValidationError {
                    instance_path: f.pointer.clone(),
                    // The form's rule has no place in the schema; it is named by the keyword it stands for.
                    schema_path: JsonPointer::root().child("const"),
                    kind: ErrorKind::Const { expected: Value::Bool(true) },
                });
            }
        }
        errors
    }

    /// The field at `at`, of any kind: a group, a list, an item, a choice.
    pub fn field(&self, at: &JsonPointer) -> Option<&Field> {
        find(&self.fields, at)
    }

    /// The label the field at `at` is drawn under (list items are numbered
    /// after their list), and whether it is a raw key.
    fn drawn_label(&self, at: &JsonPointer, lang: Lang) -> Option<(String, bool)> {
        let field = self.field(at)?;
        let parent = at.parent().filter(|p| matches!(self.field(p).map(|f| &f.widget), Some(Widget::List { .. })));
        if let (Some(list), Some(i)) = (parent, at.last().and_then(|t| t.parse::<usize>().ok())) {
            let (title, is_key) = self.drawn_label(&list, lang)?;
            return Some((format!("{title} {}", i + 1), is_key));
        }
        Some((field.label.get(lang).to_owned(), field.label_is_key))
    }

    /// The label the field at `at` is drawn under, a raw key included.
    pub fn label(&self, at: &JsonPointer, lang: Lang) -> Option<String> {
        self.drawn_label(at, lang).map(|(l, _)| l)
    }

    /// The fields shown under their property key, for want of a title: the
    /// app names each in the console, since a Thai form should not show them.
    pub fn untitled(&self) -> Vec<JsonPointer> {
        let mut out = Vec::new();
        untitled(&self.fields, &mut out);
        out
    }
}

impl FieldInfo for FormSpec {
    fn title(&self, at: &JsonPointer, lang: Lang) -> Option<String> {
        self.drawn_label(at, lang).filter(|(_, is_key)| !is_key).map(|(l, _)| l)
    }

    fn hint(&self, at: &JsonPointer, lang: Lang) -> Option<Hint> {
        let f = self.field(at)?;
        match (&f.example, &f.help) {
            (Some(x), _) => Some(Hint::Example(x.clone())),
            (None, Some(h)) => Some(Hint::Description(h.get(lang).to_owned())),
            (None, None) => None,
        }
    }
}

fn find<'f>(fields: &'f [Rc<Field>], at: &JsonPointer) -> Option<&'f Field> {
    fields.iter().find_map(|f| {
        if f.pointer == *at {
            return Some(&**f);
        }
        match &f.widget {
            // A choice's fields sit beside its selector, not under it.
            Widget::Alternatives { fields, .. } => find(fields, at),
            Widget::Group { fields, .. } if at.starts_with(&f.pointer) => find(fields, at),
            Widget::List { items, .. } if at.starts_with(&f.pointer) => find(items, at),
            _ => None,
        }
    })
}

fn untitled(fields: &[Rc<Field>], out: &mut Vec<JsonPointer>) {
    for f in fields {
        if matches!(f.widget, Widget::Hidden | Widget::Fixed(_)) {
            continue;
        }
        if f.label_is_key {
            out.push(f.pointer.clone());
        }
        match &f.widget {
            Widget::Group { fields, .. } | Widget::Alternatives { fields, .. } => untitled(fields, out),
            Widget::List { items, .. } => {
                // Items are drawn under their list's label, numbered; a group item's own label is not drawn.
                for item in items {
                    if let Widget::Group { fields, .. } = &item.widget {
                        untitled(fields, out);
                    }
                }
            }
            _ => {}
        }
    }
}

fn leaves<'f>(fields: &'f [Rc<Field>], out: &mut Vec<&'f Field>) {
    for f in fields {
        match &f.widget {
            Widget::Group { fields, .. } | Widget::Alternatives { fields, .. } => leaves(fields, out),
            Widget::List { items, .. } => {
                out.push(f);
                leaves(items, out);
            }
            Widget::Hidden | Widget::Fixed(_) | Widget::Lazy => {}
            _ => out.push(f),
        }
    }
}

/// Sets the values the schema fixes: a chosen branch's discriminator, and
/// the values shown read-only. Never a declaration: the citizen ticks it.
fn fix(fields: &[Rc<Field>], data: &mut Value) {
    for f in fields {
        match &f.widget {
            Widget::Fixed(v) => set_value(data, &f.pointer, Some(v.clone())),
            Widget::Group { fields, .. } | Widget::Alternatives { fields, .. } => fix(fields, data),
            Widget::List { items, .. } => fix(items, data),
            _ => {
                if let Some(v) = f.shown_constant() {
                    set_value(data, &f.pointer, Some(v.clone()));
                }
            }
        }
    }
}

pub(super) fn fill_defaults(fields: &[Rc<Field>], out: &mut Map<String, Value>) {
    for f in fields {
        match &f.widget {
            Widget::Alternatives { fields, .. } => fill_defaults(fields, out),
            Widget::Group { fields, .. } => {
                let Some(name) = f.pointer.last() else { continue };
                let mut inner = Map::new();
                fill_defaults(fields, &mut inner);
                out.insert(name.to_owned(), Value::Object(inner));
            }
            Widget::Fixed(v) => {
                if let Some(name) = f.pointer.last() {
                    out.insert(name.to_owned(), v.clone());
                }
            }
            // Nothing the citizen does not see is filled in for them.
            Widget::Hidden | Widget::Unsupported { .. } => {}
            // A required list starts empty, so "add at least one" is what it says.
            Widget::List { .. } if f.required && f.default.is_none() => {
                if let Some(name) = f.pointer.last() {
                    out.insert(name.to_owned(), Value::Array(Vec::new()));
                }
            }
            _ => {
                if let (Some(name), Some(d)) = (f.pointer.last(), &f.default) {
                    out.insert(name.to_owned(), d.clone());
                }
            }
        }
    }
}

/// Keeps, of an object, the properties these fields hold.
fn prune_object(fields: &[Rc<Field>], data: &Value) -> Value {
    let Value::Object(m) = data else { return data.clone() };
    let mut out = Map::new();
    keep(fields, m, &mut out);
    Value::Object(out)
}

fn keep(fields: &[Rc<Field>], from: &Map<String, Value>, out: &mut Map<String, Value>) {
    for f in fields {
        if let Widget::Alternatives { fields, .. } = &f.widget {
            keep(fields, from, out);
            continue;
        }
        let Some(name) = f.pointer.last() else { continue };
        let Some(v) = from.get(name) else { continue };
        let kept = match (&f.widget, v) {
            (Widget::Group { fields, .. }, _) => prune_object(fields, v),
            // An optional list left empty is not an answer.
            (Widget::List { .. }, Value::Array(a)) if a.is_empty() && !f.required => continue,
            (Widget::List { items, .. }, Value::Array(a)) => {
                Value::Array(a.iter().zip(items).map(|(x, item)| prune_value(item, x)).collect())
            }
            _ => v.clone(),
        };
        out.insert(name.to_owned(), kept);
    }
}

fn prune_value(field: &Field, v: &Value) -> Value {
    match &field.widget {
        Widget::Group { fields, .. } => prune_object(fields, v),
        _ => v.clone(),
    }
}

#[cfg(test)]
mod tests;
