//! A form already written, by hand or by an earlier designer, read back
//! into a design the clerk can edit.
//!
//! Each question takes the first kind whose schema is a part of what the
//! file says (`{"type": "string", "format": "date"}` is a date); whatever
//! else the file says of it (`minLength`, `default`, a condition with
//! `else`) is kept in [`Advanced`], written back as it was and shown as
//! "advanced, edited by hand". Nothing is dropped: what the designer writes
//! plus what it keeps is what the file said. A part the clerk leaves alone
//! is written back byte for byte ([`Written`]).

use std::rc::Rc;

use eservice_base::LocalText;
use eservice_forms::schema::json_eq;
use serde_json::{json, Map, Value};

use crate::design::{Advanced, Channel, Choice, Condition, Design, Fee, Kind, Question, Step, Test, Written};
use crate::emit::{body, fresh_question, num, ui_entry, COMMON_DEFS, SHAPE_KEY};
use crate::key::Key;

/// The words of a schema: taken into titles and help, never kept apart.
const WORDS: [&str; 4] = ["title", "x-title-en", "description", "x-description-en"];

/// The draft the designer writes.
const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

impl Design {
    /// The design of the form `id` from its `schema.json`, `ui.json` and,
    /// if there is one, its `forms/index.json` entry. Never fails: what
    /// cannot be read as questions is kept as advanced parts.
    pub fn read(id: &str, schema: &Value, ui: &Value, entry: Option<&Value>) -> Design {
        let empty = Map::new();
        let s = schema.as_object().unwrap_or(&empty);
        let u = ui.as_object().unwrap_or(&empty);
        let read = read_object(s, u);
        let mut d = Design::blank(id);
        d.questions = read.questions;
        let (mut hand, mut hand_ui) = (read.schema, read.ui);

        let e = entry.and_then(Value::as_object).unwrap_or(&empty);
        let text = |k: &str| e.get(k).and_then(LocalText::from_json).unwrap_or_default();
        d.service.title = text("title").or(words(u, "ui:title", s, "title"));
        d.service.agency = text("agency");
        d.service.description = match e.get("description") {
            Some(_) => text("description"),
            None => words(u, "ui:description", s, "description"),
        };
        d.service.channel = match e.get("submit") {
            Some(Value::Object(m)) if m.get("email").is_some_and(Value::is_string) => Channel::Email(str_of(&m["email"])),
            Some(Value::Object(m)) if m.get("endpoint").is_some_and(Value::is_string) => Channel::Endpoint(str_of(&m["endpoint"])),
            _ => Channel::Download,
        };
        d.service.fee = e.get("fee").and_then(|f| {
            Some(Fee { biller_id: f.get("billerId")?.as_str()?.to_owned(), amount: f.get("amount")?.as_str()?.to_owned() })
        });
        d.service.version = e.get("version").and_then(Value::as_str).map(str::to_owned);
        // Kept as written, readable or not: the check names a bad one, and
        // saving never drops the agency's key (that would send in the clear).
        d.service.encrypt_to = match e.get("encryptTo") {
            Some(Value::Array(keys)) => keys.iter().map(|k| k.as_str().map_or_else(|| k.to_string(), str::to_owned)).collect(),
            Some(Value::String(k)) => vec![k.clone()],
            Some(other) => vec![other.to_string()],
            None => Vec::new(),
        };

        // The schema's own title and description stay as written where
        // they are not the service's (a form's title often names its paper form).
        let mine = |key: &str, t: &LocalText| [(key.to_owned(), t.th.clone()), (format!("x-{key}-en"), t.en.clone())];
        for (k, want) in mine("title", &d.service.title).into_iter().chain(mine("description", &d.service.description)) {
            match s.get(&k) {
                Some(v) if v.as_str() != want.as_deref() => {
                    hand.insert(k, v.clone());
                }
                _ => {}
            }
        }
        if let Some(v) = s.get("$schema").filter(|v| *v != DRAFT) {
            hand.insert("$schema".into(), v.clone());
        }
        if let Some(days) = hand_ui.get("ui:draftDays").and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok()) {
            d.service.draft_days = Some(days);
            hand_ui.remove("ui:draftDays");
        }
        if let Some(steps) = hand_ui.get("ui:steps").and_then(|v| steps(v, &d.questions)) {
            d.steps = steps;
            hand_ui.remove("ui:steps");
        }
        d.advanced = Advanced { schema: hand, ui: hand_ui, written: None };
        d.advanced.written = Some(Rc::new(Written {
            schema: schema.clone(),
            ui: Some(ui.clone()),
            read_as: (d.fresh_schema(), Some(d.fresh_ui())),
        }));
        d
    }
}

impl Design {
    /// The design with nothing of the files it was read from but their
    /// hand-written parts: saved, every question is written in the
    /// designer's words, as if the clerk had touched each.
    pub fn written_anew(mut self) -> Design {
        fn forget(list: &mut [Question]) {
            for q in list {
                q.advanced.written = None;
                if let Some(children) = q.kind.children_mut() {
                    forget(children);
                }
            }
        }
        self.advanced.written = None;
        forget(&mut self.questions);
        self
    }
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// A question's words as the renderer reads them: the UI schema's first,
/// then the schema's (`title` in Thai, `x-title-en`).
fn words(u: &Map<String, Value>, ui_key: &str, s: &Map<String, Value>, key: &str) -> LocalText {
    let schema = LocalText {
        th: s.get(key).and_then(Value::as_str).map(str::to_owned),
        en: s.get(&format!("x-{key}-en")).and_then(Value::as_str).map(str::to_owned),
    };
    u.get(ui_key).and_then(LocalText::from_json).unwrap_or_default().or(schema)
}

/// `ui:steps` as the designer writes them: each a title and fields that
/// are top-level questions.
fn steps(v: &Value, questions: &[Question]) -> Option<Vec<Step>> {
    v.as_array()?
        .iter()
        .map(|s| {
            let m = s.as_object()?;
            if m.keys().any(|k| k != "title" && k != "fields") {
                return None;
            }
            let title = m.get("title").and_then(LocalText::from_json).unwrap_or_default();
            let fields = m.get("fields")?.as_array()?.iter().map(|f| {
                let k = Key::parse(f.as_str()?)?;
                questions.iter().any(|q| q.key == k).then_some(k)
            });
            Some(Step { title, questions: fields.collect::<Option<_>>()? })
        })
        .collect()
}

/// An object's questions, and what else its schema and UI schema say.
struct Object {
    questions: Vec<Question>,
    schema: Map<String, Value>,
    ui: Map<String, Value>,
}

fn read_object(s: &Map<String, Value>, u: &Map<String, Value>) -> Object {
    let required: Vec<&str> = s.get("required").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let (mut questions, mut hand) = (Vec::new(), Map::new());
    let mut odd = Map::new();
    for (k, p) in s.get("properties").and_then(Value::as_object).into_iter().flatten() {
        match Key::parse(k) {
            Some(key) if p.is_object() => questions.push(read_question(key, p, u.get(k), required.contains(&k.as_str()))),
            _ => {
                odd.insert(k.clone(), p.clone());
            }
        }
    }
    let mut kept = Vec::new();
    for c in s.get("allOf").and_then(Value::as_array).into_iter().flatten() {
        if !take_condition(c, &mut questions, u) {
            kept.push(c.clone());
        }
    }
    let direct = json!({ "if": s.get("if"), "then": s.get("then") });
    let direct_taken = s.contains_key("if") && !s.contains_key("else") && take_condition(&direct, &mut questions, u);
    let leftover: Vec<Value> = required.iter().filter(|r| !questions.iter().any(|q| q.key.as_str() == **r && q.show_when.is_none())).map(|r| Value::from(*r)).collect();
    for (k, v) in s {
        let consumed = match k.as_str() {
            "properties" | "allOf" | "required" => true,
            "if" | "then" => direct_taken,
            "type" => v == "object",
            k => WORDS.contains(&k) || k == "$schema",
        };
        if !consumed {
            hand.insert(k.clone(), v.clone());
        }
    }
    if !odd.is_empty() {
        hand.insert("properties".into(), odd.into());
    }
    if !leftover.is_empty() {
        hand.insert("required".into(), leftover.into());
    }
    if !kept.is_empty() {
        hand.insert("allOf".into(), kept.into());
    }
    if let Some(order) = u.get("ui:order").and_then(Value::as_array) {
        let at = |k: &Key| {
            let star = order.iter().position(|o| o == "*").unwrap_or(order.len());
            order.iter().position(|o| o == k.as_str()).unwrap_or(star)
        };
        questions.sort_by_key(|q| at(&q.key));
    }
    let ui = u.iter().filter(|(k, _)| *k != "ui:order" && !questions.iter().any(|q| q.key.as_str() == *k)).map(|(k, v)| (k.clone(), v.clone())).collect();
    Object { questions, schema: hand, ui }
}

/// `{"const": v}`, `{"not": {"const": v}}` or `{"exclusiveMinimum": n}`.
fn read_test(v: &Value) -> Option<Test> {
    let m = v.as_object()?;
    if m.len() != 1 {
        return None;
    }
    let (k, v) = m.iter().next()?;
    match k.as_str() {
        "const" => Some(Test::Is(v.clone())),
        "not" => match read_test(v)? {
            Test::Is(v) => Some(Test::IsNot(v)),
            _ => None,
        },
        "exclusiveMinimum" => v.as_f64().filter(|n| json_eq(&num(*n), v)).map(Test::MoreThan),
        _ => None,
    }
}

/// Takes `{"if": <one answer's test>, "then": <questions shown, or
/// required>}` as the conditions of `questions`, if it says no more than
/// that; false, and nothing changed, if not.
fn take_condition(c: &Value, questions: &mut Vec<Question>, u: &Map<String, Value>) -> bool {
    let Some(c) = c.as_object().filter(|c| c.len() == 2) else { return false };
    let (Some(Value::Object(i)), Some(Value::Object(t))) = (c.get("if"), c.get("then")) else { return false };
    let Some((on, test)) = (|| {
        let props = i.get("properties")?.as_object().filter(|p| p.len() == 1)?;
        let (on, test) = props.iter().next()?;
        (i.len() == 2 && i.get("required")? == &json!([on])).then_some(())?;
        let on = Key::parse(on).filter(|k| questions.iter().any(|q| q.key == *k))?;
        Some((on, read_test(test)?))
    })() else {
        return false;
    };
    if t.keys().any(|k| k != "properties" && k != "required") {
        return false;
    }
    let shown = match t.get("properties") {
        None => Map::new(),
        Some(Value::Object(p)) => p.clone(),
        Some(_) => return false,
    };
    let Some(required) = t.get("required").map_or(Some(Vec::new()), |r| r.as_array()?.iter().map(|k| k.as_str()).collect::<Option<Vec<_>>>()) else {
        return false;
    };
    let new_key = |k: &str| Key::parse(k).filter(|k| !questions.iter().any(|q| q.key == *k));
    if shown.iter().any(|(k, p)| new_key(k).is_none() || !p.is_object()) {
        return false;
    }
    // A question required here must be one asked always, not yet required.
    let required_when: Vec<&str> = required.iter().copied().filter(|r| !shown.contains_key(*r)).collect();
    let can_require = |k: &str| questions.iter().any(|q| q.key.as_str() == k && !q.required && q.required_when.is_none() && q.show_when.is_none());
    if !required_when.iter().all(|r| can_require(r)) || required_when.len() != required_when.iter().collect::<std::collections::BTreeSet<_>>().len() {
        return false;
    }
    let condition = Condition { on, test };
    for (k, p) in &shown {
        let mut q = read_question(Key::parse(k).expect("checked above"), p, u.get(k), required.contains(&k.as_str()));
        q.show_when = Some(condition.clone());
        questions.push(q);
    }
    for q in questions.iter_mut().filter(|q| required_when.contains(&q.key.as_str())) {
        q.required_when = Some(condition.clone());
    }
    true
}

/// The question `key` from its schema and UI schema entry.
fn read_question(key: Key, schema: &Value, ui: Option<&Value>, required: bool) -> Question {
    let empty = Map::new();
    let s = schema.as_object().unwrap_or(&empty);
    let mut u = ui.and_then(Value::as_object).cloned().unwrap_or_default();
    let mut q = Question::new(Kind::HandWritten, &[]);
    q.key = key;
    q.required = required;
    q.title = words(&u, "ui:title", s, "title");
    q.help = words(&u, "ui:help", s, "description");
    q.placeholder = u.get("ui:placeholder").and_then(LocalText::from_json).unwrap_or_default();
    for k in ["ui:title", "ui:help", "ui:placeholder"] {
        if u.get(k).is_some_and(|v| LocalText::from_json(v).is_some()) {
            u.remove(k);
        }
    }
    if let Some(Value::Object(errors)) = u.get("ui:errors") {
        let messages: Option<Vec<_>> = errors.iter().map(|(k, v)| Some((k.clone(), LocalText::from_json(v)?))).collect();
        if let Some(m) = messages {
            q.messages = m;
            u.remove("ui:errors");
        }
    }
    let own: Map<String, Value> = s.iter().filter(|(k, _)| !WORDS.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect();
    let (kind, hand, hand_ui) = match own.get("type").and_then(Value::as_str) {
        Some("object") => read_group(&own, &u),
        Some("array") if own.get("items").and_then(|i| i.get("type")) == Some(&json!("object")) => read_repeat(&own, &u),
        _ => read_leaf(&mut q, &own, &u),
    };
    q.kind = kind;
    q.advanced.schema = hand;
    q.advanced.ui = hand_ui;
    // What the kind writes in the UI schema, as the file has it, is its own.
    if let Some(Value::Object(mine)) = ui_entry(&Question { advanced: Advanced::default(), ..q.clone() }) {
        q.advanced.ui.retain(|k, v| mine.get(k) != Some(v));
    }
    q.advanced.written = Some(Rc::new(Written { schema: schema.clone(), ui: ui.cloned(), read_as: (fresh_question(&q), ui_entry(&q)) }));
    q
}

type Read = (Kind, Map<String, Value>, Map<String, Value>);

/// A section, or a choice between shapes.
fn read_group(s: &Map<String, Value>, u: &Map<String, Value>) -> Read {
    if let Some(shapes) = read_shapes(s, u) {
        return shapes;
    }
    let o = read_object(s, u);
    (Kind::Section { questions: o.questions }, o.schema, o.ui)
}

/// `{"type": "object", "oneOf": [<shape>…]}`, each shape naming itself in
/// [`SHAPE_KEY`], as the designer writes them.
fn read_shapes(s: &Map<String, Value>, u: &Map<String, Value>) -> Option<Read> {
    if s.len() != 2 {
        return None;
    }
    let mut shapes = Vec::new();
    let mut children = Vec::new();
    for alt in s.get("oneOf")?.as_array()? {
        let mut alt = alt.as_object()?.clone();
        let props = alt.get_mut("properties")?.as_object_mut()?;
        let name = props.shift_remove(SHAPE_KEY)?;
        let key = Key::parse(name.as_object().filter(|n| n.len() == 1)?.get("const")?.as_str()?)?;
        let required = alt.get_mut("required")?.as_array_mut()?;
        let at = required.iter().position(|r| r == SHAPE_KEY)?;
        required.remove(at);
        if required.is_empty() {
            alt.remove("required");
        }
        let o = read_object(&alt, u);
        let mut shape = Question::new(Kind::Section { questions: Vec::new() }, &[]);
        shape.key = key;
        shape.title = words(&Map::new(), "", &alt, "title");
        shape.advanced.schema = o.schema;
        children.extend(o.questions.iter().map(|q| q.key.clone()));
        shape.kind = Kind::Section { questions: o.questions };
        shapes.push(shape);
    }
    let ui = u.iter().filter(|(k, _)| *k != "ui:order" && !children.iter().any(|c| c.as_str() == *k)).map(|(k, v)| (k.clone(), v.clone())).collect();
    Some((Kind::Shapes { shapes }, Map::new(), ui))
}

/// The same questions for each item: `{"type": "array", "items": <object>}`.
fn read_repeat(s: &Map<String, Value>, u: &Map<String, Value>) -> Read {
    let empty = Map::new();
    let items = s.get("items").and_then(Value::as_object).unwrap_or(&empty);
    let items_ui = u.get("items").and_then(Value::as_object).unwrap_or(&empty);
    let o = read_object(items, items_ui);
    let count = |k: &str| s.get(k).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
    let (min, max) = (count("minItems"), count("maxItems"));
    // What the items' object says beyond questions has no place here.
    if !o.schema.is_empty() || (s.contains_key("minItems") && min.is_none()) || (s.contains_key("maxItems") && max.is_none()) {
        return (Kind::HandWritten, s.clone(), u.clone());
    }
    // `"minItems": 0` says nothing the designer writes, and stays as written.
    let written = |k: &str| k == "type" || k == "items" || (k == "minItems" && min > Some(0)) || k == "maxItems";
    let kind = Kind::Repeat { questions: o.questions, min: min.unwrap_or(0), max };
    let hand = s.iter().filter(|(k, _)| !written(k)).map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut ui: Map<String, Value> = u.iter().filter(|(k, _)| *k != "items").map(|(k, v)| (k.clone(), v.clone())).collect();
    if !o.ui.is_empty() {
        ui.insert("items".into(), o.ui.into());
    }
    (kind, hand, ui)
}

/// The kinds an answer that is no group might be, most particular first.
fn leaf_kinds(s: &Map<String, Value>, u: &Map<String, Value>) -> Vec<Kind> {
    let mut out = Vec::new();
    let labels = |u: Option<&Value>, values: &[String]| -> Vec<Choice> {
        let names = u.and_then(|u| u.get("ui:enumNames")).and_then(Value::as_array).filter(|n| n.len() == values.len());
        values
            .iter()
            .enumerate()
            .map(|(i, v)| Choice { value: v.clone(), label: names.and_then(|n| LocalText::from_json(&n[i])).unwrap_or_else(|| LocalText::new(v.clone(), v.clone())) })
            .collect()
    };
    let strings = |v: Option<&Value>| -> Option<Vec<String>> { v?.as_array()?.iter().map(|e| e.as_str().map(str::to_owned)).collect() };
    if let Some(name) = s.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix(COMMON_DEFS)?.strip_prefix("#/$defs/")) {
        out.extend(match name {
            "citizen_id" => Some(Kind::CitizenId),
            "mobile" => Some(Kind::Phone),
            "email" => Some(Kind::Email),
            "address" => Some(Kind::Address),
            _ => None,
        });
    }
    let number = |k: &str| s.get(k).and_then(Value::as_f64);
    match s.get("type").and_then(Value::as_str) {
        Some("string") => {
            out.extend([Kind::Date, Kind::Postcode]);
            if let Some(values) = strings(s.get("enum")) {
                let list = u.get("ui:widget") != Some(&json!("radio"));
                out.push(Kind::Single { options: labels(Some(&Value::Object(u.clone())), &values), list });
            }
            let max_length = s.get("maxLength").and_then(Value::as_u64);
            if u.get("ui:widget") == Some(&json!("textarea")) {
                out.push(Kind::LongText { max_length });
            }
            out.push(Kind::ShortText { max_length, pattern: s.get("pattern").and_then(Value::as_str).map(str::to_owned) });
        }
        Some(t @ ("number" | "integer")) => out.push(Kind::Number { min: number("minimum"), max: number("maximum"), integer: t == "integer" }),
        Some("boolean") => out.extend([Kind::Declaration, Kind::YesNo]),
        Some("array") => {
            if let Some(x) = s.get("x-evidence") {
                let n = |k: &str| x.get(k).and_then(Value::as_u64);
                if let (Some(accept), Some(max_bytes), Some(max_count)) = (strings(x.get("accept")), n("maxBytes"), n("maxCount").and_then(|c| usize::try_from(c).ok())) {
                    let long_edge = n("longEdge").and_then(|l| u32::try_from(l).ok());
                    out.push(Kind::Evidence { accept, max_bytes, max_count, long_edge, target_bytes: n("targetBytes") });
                }
            }
            if let Some(values) = strings(s.get("items").and_then(|i| i.get("enum"))) {
                out.push(Kind::Multiple { options: labels(u.get("items"), &values) });
            }
        }
        _ => {}
    }
    out
}

/// The first kind whose schema the question's says all of; what more it
/// says is kept. None: the question is hand-written through and through.
fn read_leaf(q: &mut Question, s: &Map<String, Value>, u: &Map<String, Value>) -> Read {
    for kind in leaf_kinds(s, u) {
        let candidate = Question { kind, ..q.clone() };
        let Value::Object(says) = body(&candidate) else { continue };
        if says.iter().all(|(k, v)| s.get(k).is_some_and(|w| json_eq(v, w))) {
            let hand = s.iter().filter(|(k, _)| !says.contains_key(*k)).map(|(k, v)| (k.clone(), v.clone())).collect();
            return (candidate.kind, hand, u.clone());
        }
    }
    (Kind::HandWritten, s.clone(), u.clone())
}
