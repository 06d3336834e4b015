//! Reading fields from schema objects for given data: `$ref`s resolve as the
//! validator resolves them, and `allOf`, `if`/`then`/`else` and
//! `dependentSchemas` contribute the keywords and properties that apply.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use serde_json::{Map, Value};

use eservice_base::lang::{Lang, LocalText};
use eservice_base::pointer::JsonPointer;

use super::{Choice, Evidence, Field, FormSpec, Selections, Step, TextKind, Widget, MAX_NESTING};
use crate::schema::{ErrorKind, Uri, Validator};

pub(super) struct Reader<'a> {
    pub v: &'a Validator,
    pub sel: &'a Selections,
    /// Set when anything read depends on the data.
    pub dynamic: Cell<bool>,
    /// The object schemas being read, outermost first, to catch recursion.
    pub chain: RefCell<Vec<*const Value>>,
    /// Where a `const` picks the chosen `oneOf`/`anyOf` branch: the only
    /// values the form sets without asking.
    pub picks: RefCell<Vec<JsonPointer>>,
    /// The branches of `if` and `dependentSchemas` read so far, each with
    /// the properties that bring it: its fields are drawn right after them.
    pub triggers: RefCell<Vec<(*const Value, Vec<String>)>>,
}

/// What a `const` is on the form.
enum Constant<'a> {
    /// It picks the chosen branch of a choice: set with the branch, not shown.
    Picks(&'a Value),
    /// `true`: a declaration the citizen must tick themselves.
    Declaration,
    /// Any other value: shown read-only, so it is submitted as seen.
    Shown(&'a Value),
}

/// The schema objects that together describe one value, with their bases.
struct Parts<'a>(Vec<(&'a Value, Uri)>);

impl<'a> Parts<'a> {
    /// The first part's value for `key`.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.iter().find_map(|(s, _)| s.get(key))
    }

    fn str(&self, key: &str) -> Option<&'a str> {
        self.get(key).and_then(Value::as_str)
    }
}

const NULL: Value = Value::Null;

impl<'a> Reader<'a> {
    pub fn form(&self, ui: &Value, data: &Value) -> FormSpec {
        let root = self.v.schema();
        let parts = self.parts(&[(root, self.v.base().clone())], data);
        let steps = ui
            .get("ui:steps")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|s| Step {
                title: text(s, "title").unwrap_or_default(),
                names: s.get("fields").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).map(str::to_owned).collect(),
            })
            .collect();
        FormSpec {
            title: merged(text(ui, "ui:title"), schema_text(&parts, "title")).unwrap_or_default(),
            description: merged(text(ui, "ui:description"), schema_text(&parts, "description")),
            fields: self.object_fields(&parts, ui, &JsonPointer::root(), data, 0),
            steps,
            evidence: evidence(ui),
            dynamic: self.dynamic.get(),
        }
    }

    /// Follows `$ref`s to the schema that describes the value, and returns
    /// the base URI that holds inside it.
    fn deref(&self, s: &'a Value, around: &Uri) -> (&'a Value, Uri) {
        let (mut s, mut base) = (s, with_id(s, around));
        for _ in 0..MAX_NESTING {
            match s.get("$ref").and_then(Value::as_str).and_then(|r| self.v.resolve(Some(&base), r)) {
                Some((target, around)) => {
                    base = with_id(target, &around);
                    s = target;
                }
                None => break,
            }
        }
        (s, base)
    }

    /// Every schema object that applies to a value: each raw schema, its
    /// `$ref` target, `allOf` members, the `if` branch the data takes, and
    /// the `dependentSchemas` of properties that are present.
    fn parts(&self, raws: &[(&'a Value, Uri)], data: &Value) -> Parts<'a> {
        let mut out = Vec::new();
        for (s, base) in raws {
            self.collect(s, base, data, 0, &mut out);
        }
        Parts(out)
    }

    /// Adds `raw`, its `$ref` target (and the target's, along the chain),
    /// and the in-place applicators of each: in 2020-12 a `$ref` applies
    /// beside its siblings, so a property's own title comes first and the
    /// referenced definition's follows it.
    fn collect(&self, raw: &'a Value, around: &Uri, data: &Value, depth: usize, out: &mut Vec<(&'a Value, Uri)>) {
        if depth > MAX_NESTING || !raw.is_object() || out.iter().any(|(p, _)| std::ptr::eq(*p, raw)) {
            return;
        }
        let base = with_id(raw, around);
        out.push((raw, base.clone()));
        if let Some((target, around)) = raw.get("$ref").and_then(Value::as_str).and_then(|r| self.v.resolve(Some(&base), r)) {
            self.collect(target, &around, data, depth + 1, out);
        }
        for sub in raw.get("allOf").and_then(Value::as_array).into_iter().flatten() {
            self.collect(sub, &base, data, depth + 1, out);
        }
        if let Some(cond) = raw.get("if") {
            self.dynamic.set(true);
            // A group not yet typed into is drawn, and kept, as an empty
            // object: its conditions must hold as they will once it is one,
            // or the first key typed would swap the field it went into.
            let empty = Value::Object(Map::new());
            let seen = if data.is_null() && describes_object(raw) { &empty } else { data };
            let branch = if self.v.matches(cond, &base, seen) { "then" } else { "else" };
            if let Some(b) = raw.get(branch) {
                self.collect(b, &base, data, depth + 1, out);
                let named = cond.get("properties").and_then(Value::as_object).into_iter().flat_map(|m| m.keys().cloned());
                let required = cond.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).map(str::to_owned);
                self.triggers.borrow_mut().push((b as *const Value, named.chain(required).collect()));
            }
        }
        for key in ["dependentSchemas", "dependencies"] {
            if raw.get(key).is_some() {
                self.dynamic.set(true);
            }
            let (Some(Value::Object(deps)), Value::Object(m)) = (raw.get(key), data) else { continue };
            for (name, sub) in deps {
                if m.contains_key(name) && sub.is_object() {
                    self.collect(sub, &base, data, depth + 1, out);
                    self.triggers.borrow_mut().push((sub as *const Value, vec![name.clone()]));
                }
            }
        }
    }

    /// The fields of an object: the union of its parts' properties, in
    /// `ui:order` and then schema order, plus any `oneOf`/`anyOf` choice.
    fn object_fields(&self, parts: &Parts<'a>, ui: &Value, at: &JsonPointer, data: &Value, depth: usize) -> Vec<Rc<Field>> {
        let mut names: Vec<&'a String> = Vec::new();
        for (s, _) in &parts.0 {
            for name in s.get("properties").and_then(Value::as_object).into_iter().flat_map(|m| m.keys()) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let order: Vec<&str> = ui.get("ui:order").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let mut ordered: Vec<&String> = order.iter().filter_map(|o| names.iter().find(|n| n.as_str() == *o).copied()).collect();
        ordered.extend(names.iter().filter(|n| !order.contains(&n.as_str())));
        self.after_triggers(parts, &order, &mut ordered);

        if parts.0.iter().any(|(s, _)| s.get("dependentRequired").is_some()) {
            self.dynamic.set(true);
        }
        let required = required_names(parts, data);
        let mut fields: Vec<Rc<Field>> = ordered
            .into_iter()
            .map(|name| {
                let raws: Vec<(&'a Value, Uri)> = parts
                    .0
                    .iter()
                    .filter_map(|(s, b)| s.get("properties").and_then(|p| p.get(name)).map(|p| (p, b.clone())))
                    .collect();
                let child = at.child(name.as_str());
                let sub_data = data.get(name.as_str()).unwrap_or(&NULL);
                let sub_ui = ui.get(name.as_str()).unwrap_or(&NULL);
                Rc::new(self.field(&raws, sub_ui, child, required.contains(&name.as_str()), sub_data, depth))
            })
            .collect();
        for (s, base) in &parts.0 {
            for keyword in ["oneOf", "anyOf"] {
                let Some(alts) = s.get(keyword).and_then(Value::as_array) else { continue };
                if alts.iter().all(|a| a.get("const").is_some()) {
                    continue; // a choice of values, drawn as a select where the property is
                }
                let taken: Vec<String> = fields.iter().filter_map(|f| f.pointer.last().map(str::to_owned)).collect();
                self.dynamic.set(true);
                fields.push(Rc::new(self.alternatives(keyword, alts, base, ui, at, data, &taken, depth)));
            }
        }
        fields
    }

    /// Moves each field a condition brings (and `ui:order` does not place)
    /// to right after the last property the condition names: on a phone a
    /// field that appears at the end of a long group appears off-screen.
    fn after_triggers(&self, parts: &Parts<'a>, order: &[&str], ordered: &mut Vec<&'a String>) {
        let triggers = self.triggers.borrow();
        let brought_by = |name: &str| -> Option<&Vec<String>> {
            let (first, _) = parts.0.iter().find(|(s, _)| s.get("properties").is_some_and(|p| p.get(name).is_some()))?;
            triggers.iter().find(|(b, _)| std::ptr::eq(*b, *first)).map(|(_, t)| t)
        };
        let moving: Vec<&'a String> = ordered.iter().copied().filter(|n| !order.contains(&n.as_str()) && brought_by(n).is_some()).collect();
        for name in moving {
            let Some(by) = brought_by(name) else { continue };
            ordered.retain(|n| *n != name);
            // After the trigger and the fields already placed after it.
            let Some(mut at) = ordered.iter().rposition(|n| by.contains(n)) else {
                ordered.push(name);
                continue;
            };
            while ordered.get(at + 1).is_some_and(|n| brought_by(n).is_some_and(|b| b == by)) {
                at += 1;
            }
            ordered.insert(at + 1, name);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn alternatives(&self, keyword: &str, alts: &'a [Value], base: &Uri, ui: &Value, at: &JsonPointer, data: &Value, taken: &[String], depth: usize) -> Field {
        let pointer = at.child(format!("@{keyword}"));
        let options: Vec<LocalText> = alts
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let parts = self.parts(&[(a, base.clone())], data);
                schema_text(&parts, "title").unwrap_or_else(|| LocalText::new(format!("แบบที่ {}", i + 1), format!("Option {}", i + 1)))
            })
            .collect();
        let selected = self
            .sel
            .get(&pointer)
            .filter(|i| *i < alts.len())
            .or_else(|| (!data.is_null()).then(|| alts.iter().position(|a| self.v.matches(a, base, data))).flatten())
            .unwrap_or(0);
        let parts = self.parts(&[(&alts[selected], base.clone())], data);
        self.picks.borrow_mut().extend(self.discriminators(alts, selected, base).into_iter().map(|n| at.child(n)));
        let fields = self
            .object_fields(&parts, ui, at, data, depth + 1)
            .into_iter()
            .filter(|f| !f.pointer.last().is_some_and(|n| taken.iter().any(|t| t == n)))
            .collect();
        Field {
            label: text(ui, "ui:choiceTitle").unwrap_or_else(|| LocalText::new("เลือกประเภท", "Choose a type")),
            label_is_key: false,
            help: None,
            placeholder: None,
            example: None,
            required: true,
            read_only: false,
            autocomplete: None,
            default: None,
            constant: None,
            messages: Vec::new(),
            widget: Widget::Alternatives { options, selected, fields },
            pointer,
        }
    }

    /// The names whose `const` in branch `selected` differs from their
    /// `const` in another branch: what tells the branches apart.
    fn discriminators(&self, alts: &'a [Value], selected: usize, base: &Uri) -> Vec<&'a str> {
        let consts = |alt: &'a Value| -> Vec<(&'a str, &'a Value)> {
            let parts = self.parts(&[(alt, base.clone())], &NULL);
            let props = parts.0.iter().filter_map(|(s, b)| Some((s.get("properties")?.as_object()?, b))).collect::<Vec<_>>();
            props
                .into_iter()
                .flat_map(|(m, b)| m.iter().filter_map(move |(name, p)| Some((name.as_str(), p.get("const").or_else(|| self.deref(p, b).0.get("const"))?))))
                .collect()
        };
        let Some(chosen) = alts.get(selected) else { return Vec::new() };
        let others: Vec<(&str, &Value)> = alts.iter().enumerate().filter(|(i, _)| *i != selected).flat_map(|(_, a)| consts(a)).collect();
        consts(chosen)
            .into_iter()
            .filter(|(name, c)| others.iter().any(|(n, o)| n == name && !crate::schema::json_eq(o, c)))
            .map(|(name, _)| name)
            .collect()
    }

    fn field(&self, raws: &[(&'a Value, Uri)], ui: &Value, pointer: JsonPointer, required: bool, data: &Value, depth: usize) -> Field {
        let parts = self.parts(raws, data);
        let name = pointer.last().unwrap_or_default().to_owned();
        let schema_title = schema_text(&parts, "title");
        let titled = merged(text(ui, "ui:title"), schema_title);
        let label_is_key = titled.is_none();
        let label = titled.unwrap_or(LocalText { th: Some(name), en: None });
        let constant = parts.get("const").map(|c| match c {
            _ if self.picks.borrow().contains(&pointer) => Constant::Picks(c),
            Value::Bool(true) => Constant::Declaration,
            _ => Constant::Shown(c),
        });
        // A schema met again inside itself is drawn only where there is data.
        let targets: Vec<*const Value> = raws.iter().map(|(r, b)| self.deref(r, b).0 as *const Value).collect();
        let recursive = targets.iter().any(|t| self.chain.borrow().contains(t));
        let widget = if let Some(c) = &constant {
            // Before `ui:widget: hidden`: a declaration or a fixed value is never hidden from the citizen.
            match c {
                Constant::Picks(v) => Widget::Fixed((*v).clone()),
                Constant::Declaration | Constant::Shown(Value::Bool(_)) => Widget::Checkbox,
                Constant::Shown(_) => Widget::Text { kind: TextKind::Plain, max_length: None },
            }
        } else if recursive && data.is_null() {
            self.dynamic.set(true);
            Widget::Lazy
        } else if depth >= MAX_NESTING {
            Widget::Unsupported { reason: format!("nesting deeper than {MAX_NESTING} levels at {pointer}") }
        } else {
            let mark = self.chain.borrow().len();
            self.chain.borrow_mut().extend(&targets);
            let w = self.widget(&parts, ui, &pointer, data, depth);
            self.chain.borrow_mut().truncate(mark);
            w
        };
        let declaration = matches!(constant, Some(Constant::Declaration));
        let mut messages: Vec<(String, LocalText)> = ui
            .get("ui:errors")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(k, t)| Some((k.clone(), LocalText::from_json(t)?)))
            .collect();
        if declaration && !messages.iter().any(|(k, _)| k == "required") {
            // A declaration left unticked is missing: "tick to confirm" says what to do.
            let tick = ErrorKind::Const { expected: Value::Bool(true) };
            messages.push(("required".into(), LocalText::new(tick.message(Lang::Th), tick.message(Lang::En))));
        }
        let shown = match constant {
            Some(Constant::Shown(v)) => Some(v.clone()),
            _ => None,
        };
        Field {
            label,
            label_is_key,
            help: merged(text(ui, "ui:help"), schema_text(&parts, "description")),
            placeholder: text(ui, "ui:placeholder"),
            example: parts.get("examples").and_then(Value::as_array).and_then(|e| e.first()).map(|e| super::Field::display(Some(e))).filter(|e| !e.is_empty()),
            required: required || declaration,
            read_only: shown.is_some() || (!declaration && parts.get("readOnly") == Some(&Value::Bool(true))),
            autocomplete: ui.get("ui:autocomplete").and_then(Value::as_str).map(str::to_owned),
            // Never ticked in advance: the citizen ticks a declaration, or it is not given.
            default: if declaration { None } else { shown.clone().or_else(|| parts.get("default").cloned()) },
            constant: if declaration { Some(Value::Bool(true)) } else { shown },
            messages,
            widget,
            pointer,
        }
    }

    fn widget(&self, parts: &Parts<'a>, ui: &Value, at: &JsonPointer, data: &Value, depth: usize) -> Widget {
        let asked = ui.get("ui:widget").and_then(Value::as_str);
        if asked == Some("hidden") {
            return Widget::Hidden;
        }
        let max_length = parts.get("maxLength").and_then(Value::as_u64);
        if let Some(options) = self.choices(parts, ui) {
            return match asked {
                Some("radio") => Widget::Radio { options },
                _ => Widget::Select { options },
            };
        }
        let ty = match parts.get("type") {
            Some(Value::String(t)) => t.as_str(),
            // ["string", "null"] and the like: the first non-null type draws the field.
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("null"),
            _ if parts.get("properties").is_some() || parts.get("oneOf").is_some() => "object",
            _ if parts.get("items").is_some() => "array",
            _ => "string",
        };
        match ty {
            "object" => Widget::Group {
                fields: self.object_fields(parts, ui, at, data, depth + 1),
                address: asked == Some("thai-address"),
            },
            "array" => self.list(parts, ui, at, data, depth),
            "boolean" => Widget::Checkbox,
            "integer" => Widget::Number { integer: true },
            "number" => Widget::Number { integer: false },
            "string" if asked == Some("textarea") => Widget::TextArea { max_length },
            "string" => Widget::Text { kind: text_kind(parts.str("format"), asked), max_length },
            other => Widget::Unsupported { reason: format!("type \"{other}\" at {at} has no widget yet") },
        }
    }

    fn list(&self, parts: &Parts<'a>, ui: &Value, at: &JsonPointer, data: &Value, depth: usize) -> Widget {
        // Declared in the schema (`x-evidence`) or the UI schema (`ui:widget: file`, `ui:options`).
        let from_ui = (ui.get("ui:widget").and_then(Value::as_str) == Some("file")).then(|| ui.get("ui:options").unwrap_or(&NULL));
        if let Some(spec) = parts.get("x-evidence").or(from_ui) {
            let mut rule = crate::evidence::EvidenceRule::from_json(spec);
            if let Some(max) = parts.get("maxItems").and_then(Value::as_u64) {
                rule.max_count = max as usize;
            }
            // A copy marked for this use names the service: the form's own title unless the field says.
            if let Some(mark) = rule.use_mark.as_mut().filter(|m| m.service.is_none()) {
                mark.service = self.v.schema().get("title").and_then(Value::as_str).map(str::to_owned);
            }
            return Widget::Evidence { rule };
        }
        let Some((items, base)) = parts.0.iter().find_map(|(s, b)| s.get("items").filter(|i| i.is_object()).map(|i| (i, b.clone()))) else {
            return Widget::Unsupported { reason: format!("the list at {at} has no `items` schema") };
        };
        let item_ui = ui.get("items").unwrap_or(&NULL);
        let item_parts = self.parts(&[(items, base.clone())], &NULL);
        if parts.get("uniqueItems") == Some(&Value::Bool(true)) {
            if let Some(options) = self.choices(&item_parts, item_ui) {
                return Widget::MultiCheck { options };
            }
        }
        self.dynamic.set(true);
        let elements = data.as_array().map(Vec::as_slice).unwrap_or_default();
        let items_fields = elements
            .iter()
            .enumerate()
            .map(|(i, x)| Rc::new(self.field(&[(items, base.clone())], item_ui, at.index(i), true, x, depth + 1)))
            .collect();
        let probe = self.field(&[(items, base.clone())], item_ui, at.index(0), true, &NULL, depth + 1);
        let new_item = match (&probe.default, &probe.widget) {
            (Some(d), _) => d.clone(),
            (None, Widget::Group { fields, .. }) => {
                let mut m = serde_json::Map::new();
                super::fill_defaults(fields, &mut m);
                Value::Object(m)
            }
            (None, Widget::Text { .. } | Widget::TextArea { .. }) => Value::String(String::new()),
            _ => Value::Null,
        };
        Widget::List {
            items: items_fields,
            min: parts.get("minItems").and_then(Value::as_u64).unwrap_or(0) as usize,
            max: parts.get("maxItems").and_then(Value::as_u64).map(|m| m as usize),
            new_item,
        }
    }

    /// Options from `enum`, or from `oneOf`/`anyOf` entries of `{const, title}`.
    fn choices(&self, parts: &Parts<'a>, ui: &Value) -> Option<Vec<Choice>> {
        let names: Vec<LocalText> = ui
            .get("ui:enumNames")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|n| LocalText::from_json(n).unwrap_or_default()).collect())
            .unwrap_or_default();
        let named = |i: usize, fallback: LocalText| match names.get(i) {
            Some(n) if !n.is_empty() => n.clone().or(fallback),
            _ => fallback,
        };
        if let Some(values) = parts.get("enum").and_then(Value::as_array) {
            return Some(
                values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| Choice { value: v.clone(), label: named(i, LocalText { th: Some(super::choice_key(v)), en: None }) })
                    .collect(),
            );
        }
        let alts = parts.get("oneOf").or_else(|| parts.get("anyOf"))?.as_array()?;
        alts.iter()
            .enumerate()
            .map(|(i, alt)| {
                let v = alt.get("const")?;
                let t = text(alt, "title").unwrap_or(LocalText { th: Some(super::choice_key(v)), en: None });
                Some(Choice { value: v.clone(), label: named(i, t) })
            })
            .collect()
    }
}

fn evidence(ui: &Value) -> Vec<Evidence> {
    ui.get("ui:evidence")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| {
            Some(Evidence {
                id: e.get("id")?.as_str()?.to_owned(),
                title: text(e, "title")?,
                note: text(e, "note"),
                required: e.get("required") != Some(&Value::Bool(false)),
            })
        })
        .collect()
}

/// `required`, and `dependentRequired` names whose trigger is present.
fn required_names<'a>(parts: &Parts<'a>, data: &Value) -> Vec<&'a str> {
    let mut out = Vec::new();
    for (s, _) in &parts.0 {
        out.extend(s.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str));
        for key in ["dependentRequired", "dependencies"] {
            let Some(Value::Object(deps)) = s.get(key) else { continue };
            for (trigger, needed) in deps {
                if data.get(trigger.as_str()).is_some() {
                    out.extend(needed.as_array().into_iter().flatten().filter_map(Value::as_str));
                }
            }
        }
    }
    out
}

/// A schema's `title` or `description`, with its English from `x-title-en`
/// or `x-description-en`: shared definitions carry both languages, while
/// `title` stays a plain string that other JSON Schema tools accept.
fn schema_text(parts: &Parts, key: &str) -> Option<LocalText> {
    let th = parts.get(key).and_then(LocalText::from_json);
    let en = parts.str(&format!("x-{key}-en")).map(|e| LocalText { th: None, en: Some(e.to_owned()) });
    merged(en, th)
}

fn with_id(s: &Value, around: &Uri) -> Uri {
    match s.get("$id").and_then(Value::as_str) {
        Some(id) => around.join(id).without_fragment(),
        None => around.clone(),
    }
}

fn text_kind(format: Option<&str>, asked: Option<&str>) -> TextKind {
    match (asked, format) {
        (Some("date"), _) | (_, Some("date")) => TextKind::Date,
        (_, Some("date-time")) => TextKind::DateTime,
        (Some("email"), _) | (_, Some("email")) => TextKind::Email,
        (Some("tel"), _) | (_, Some("thai-mobile" | "thai-phone")) => TextKind::Tel,
        (_, Some("uri")) => TextKind::Url,
        (Some("numeric"), _) | (_, Some("thai-citizen-id" | "thai-postcode")) => TextKind::Numeric,
        _ => TextKind::Plain,
    }
}

/// The UI schema's text where it has one, the schema's for the other language:
/// an agency adds English in the UI schema without repeating the Thai.
fn merged(ui: Option<LocalText>, schema: Option<LocalText>) -> Option<LocalText> {
    match (ui, schema) {
        (Some(u), Some(s)) => Some(u.or(s)),
        (u, s) => u.or(s),
    }
}

fn text(v: &Value, key: &str) -> Option<LocalText> {
    v.get(key).and_then(LocalText::from_json)
}

/// Whether a schema is for an object: typed so, or giving properties.
fn describes_object(raw: &Value) -> bool {
    raw.get("type").and_then(Value::as_str) == Some("object") || raw.get("properties").is_some() || raw.get("required").is_some()
}
