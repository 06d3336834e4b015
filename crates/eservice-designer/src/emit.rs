//! A design written out as the files the renderer reads: the schema (with
//! each condition as an `if`/`then` in the object it is asked in), the UI
//! schema (order, widgets, option labels, steps, messages) and the
//! service's `index.json` entry.

use eservice_base::LocalText;
use serde_json::{json, Map, Value};

use crate::design::{Advanced, Channel, Condition, Design, Kind, Question, Test};

/// The property that says which shape an answer to a "shapes" question is.
pub const SHAPE_KEY: &str = "kind";

/// The shared definitions a form's schema refers to, from its own folder.
pub const COMMON_DEFS: &str = "../common/defs.json";

/// What saving a design writes.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// `forms/<id>/schema.json`.
    pub schema: Value,
    /// `forms/<id>/ui.json`.
    pub ui: Value,
    /// The service's entry in `forms/index.json`.
    pub entry: Value,
}

fn defs(name: &str) -> Value {
    json!({ "$ref": format!("{COMMON_DEFS}#/$defs/{name}") })
}

/// `{"th": …, "en": …}` with the languages given.
fn both(t: &LocalText) -> Value {
    let mut m = Map::new();
    if let Some(th) = &t.th {
        m.insert("th".into(), th.clone().into());
    }
    if let Some(en) = &t.en {
        m.insert("en".into(), en.clone().into());
    }
    Value::Object(m)
}

/// Sets `name` (Thai) and `x-name-en` on a schema, as the kit's schemas carry both.
fn put_text(s: &mut Map<String, Value>, name: &str, t: &LocalText) {
    if let Some(th) = &t.th {
        s.insert(name.into(), th.clone().into());
    }
    if let Some(en) = &t.en {
        s.insert(format!("x-{name}-en"), en.clone().into());
    }
}

/// A number as a person writes it: `200`, not `200.0`.
pub(crate) fn num(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

pub(crate) fn test(t: &Test) -> Value {
    match t {
        Test::Is(v) => json!({ "const": v }),
        Test::IsNot(v) => json!({ "not": { "const": v } }),
        Test::MoreThan(n) => json!({ "exclusiveMinimum": num(*n) }),
    }
}

/// Adds the hand-written keywords: to `allOf` and `required` after the
/// designer's own, into `properties` beside them; any other in place.
fn merge(s: &mut Map<String, Value>, hand: &Map<String, Value>) {
    for (k, v) in hand {
        match (s.get_mut(k), v) {
            (Some(Value::Array(mine)), Value::Array(more)) if k == "allOf" || k == "required" => mine.extend(more.iter().cloned()),
            (Some(Value::Object(mine)), Value::Object(more)) if k == "properties" => mine.extend(more.clone()),
            _ => {
                s.insert(k.clone(), v.clone());
            }
        }
    }
}

/// The file's own text of a part the clerk has not changed since it was
/// read; else what the designer writes now.
fn as_written(advanced: &Advanced, fresh: Value) -> Value {
    match &advanced.written {
        Some(w) if w.read_as.0 == fresh => w.schema.clone(),
        _ => fresh,
    }
}

/// The same for a UI schema entry, which may be absent.
fn ui_as_written(advanced: &Advanced, fresh: Option<Value>) -> Option<Value> {
    match &advanced.written {
        Some(w) if w.read_as.1 == fresh => w.ui.clone(),
        _ => fresh,
    }
}

/// `if` the condition holds (its question answered), `then` this.
fn when(c: &Condition, then: Value) -> Value {
    json!({
        "if": { "properties": { c.on.as_str(): test(&c.test) }, "required": [c.on.as_str()] },
        "then": then,
    })
}

pub(crate) fn object(questions: &[Question]) -> Map<String, Value> {
    let (mut properties, mut required, mut all_of) = (Map::new(), Vec::new(), Vec::new());
    for q in questions {
        let key = q.key.as_str();
        match &q.show_when {
            None => {
                properties.insert(key.into(), question(q));
                if q.required {
                    required.push(Value::from(key));
                }
            }
            Some(c) => {
                let mut then = json!({ "properties": { key: question(q) } });
                if q.required {
                    then["required"] = json!([key]);
                }
                all_of.push(when(c, then));
            }
        }
        if let Some(c) = &q.required_when {
            all_of.push(when(c, json!({ "required": [key] })));
        }
    }
    let mut s = Map::new();
    s.insert("type".into(), "object".into());
    if !required.is_empty() {
        s.insert("required".into(), required.into());
    }
    s.insert("properties".into(), properties.into());
    if !all_of.is_empty() {
        s.insert("allOf".into(), all_of.into());
    }
    s
}

/// A question's schema: as the file had it while unchanged since read.
pub(crate) fn question(q: &Question) -> Value {
    as_written(&q.advanced, fresh_question(q))
}

/// A question's schema as the designer writes it now.
pub(crate) fn fresh_question(q: &Question) -> Value {
    let mut s = body(q);
    if let Value::Object(m) = &mut s {
        put_text(m, "title", &q.title);
        put_text(m, "description", &q.help);
        merge(m, &q.advanced.schema);
    }
    s
}

/// What the question's kind says of its answer, without its words or any
/// hand-written part.
pub(crate) fn body(q: &Question) -> Value {
    match &q.kind {
        Kind::ShortText { max_length, pattern } => {
            let mut s = json!({ "type": "string" });
            if let Some(m) = max_length {
                s["maxLength"] = json!(m);
            }
            if let Some(p) = pattern {
                s["pattern"] = json!(p);
            }
            s
        }
        Kind::LongText { max_length } => match max_length {
            Some(m) => json!({ "type": "string", "maxLength": m }),
            None => json!({ "type": "string" }),
        },
        Kind::Number { min, max, integer } => {
            let mut s = json!({ "type": if *integer { "integer" } else { "number" } });
            if let Some(m) = min {
                s["minimum"] = num(*m);
            }
            if let Some(m) = max {
                s["maximum"] = num(*m);
            }
            s
        }
        Kind::Date => json!({ "type": "string", "format": "date" }),
        Kind::YesNo => json!({ "type": "boolean", "oneOf": [
            { "const": true, "title": "ใช่", "x-title-en": "Yes" },
            { "const": false, "title": "ไม่ใช่", "x-title-en": "No" },
        ] }),
        Kind::Single { options, .. } => json!({ "type": "string", "enum": options.iter().map(|o| o.value.clone()).collect::<Vec<_>>() }),
        Kind::Multiple { options } => {
            let mut s = json!({ "type": "array", "uniqueItems": true, "items": { "enum": options.iter().map(|o| o.value.clone()).collect::<Vec<_>>() } });
            if q.required {
                s["minItems"] = json!(1);
            }
            s
        }
        Kind::CitizenId => defs("citizen_id"),
        Kind::Phone => defs("mobile"),
        Kind::Email => defs("email"),
        Kind::Postcode => json!({ "type": "string", "pattern": "^[1-9][0-9]{4}$" }),
        Kind::Address => defs("address"),
        Kind::Evidence { accept, max_bytes, max_count, long_edge, target_bytes } => {
            let mut rule = json!({ "accept": accept, "maxBytes": max_bytes, "maxCount": max_count });
            if let Some(l) = long_edge {
                rule["longEdge"] = json!(l);
            }
            if let Some(t) = target_bytes {
                rule["targetBytes"] = json!(t);
            }
            let mut s = json!({ "type": "array", "maxItems": max_count, "items": defs("evidence_file"), "x-evidence": rule });
            if q.required {
                s["minItems"] = json!(1);
            }
            s
        }
        Kind::Section { questions } => Value::Object(object(questions)),
        Kind::Repeat { questions, min, max } => {
            let mut s = json!({ "type": "array", "items": Value::Object(object(questions)) });
            if *min > 0 {
                s["minItems"] = json!(min);
            }
            if let Some(m) = max {
                s["maxItems"] = json!(m);
            }
            s
        }
        Kind::Declaration => json!({ "type": "boolean", "const": true }),
        // Each shape an alternative that names itself in `kind`, as the
        // renderer's choices between shapes read them.
        Kind::Shapes { shapes } => {
            let one = |s: &Question| {
                let mut alt = Map::new();
                put_text(&mut alt, "title", &s.title);
                let mut inner = object(s.kind.children());
                let mut properties = Map::new();
                properties.insert(SHAPE_KEY.into(), json!({ "const": s.key.as_str() }));
                if let Some(Value::Object(p)) = inner.remove("properties") {
                    properties.extend(p);
                }
                let mut required = vec![Value::from(SHAPE_KEY)];
                if let Some(Value::Array(r)) = inner.remove("required") {
                    required.extend(r);
                }
                alt.insert("properties".into(), properties.into());
                alt.insert("required".into(), required.into());
                alt.extend(inner.into_iter().filter(|(k, _)| k != "type"));
                merge(&mut alt, &s.advanced.schema);
                Value::Object(alt)
            };
            json!({ "type": "object", "oneOf": shapes.iter().map(one).collect::<Vec<_>>() })
        }
        Kind::HandWritten => json!({}),
    }
}

/// The UI schema of `questions`: their order, and what each needs beyond
/// its schema.
pub(crate) fn ui_of(questions: &[Question]) -> Map<String, Value> {
    let mut ui = Map::new();
    ui.insert("ui:order".into(), questions.iter().map(|q| Value::from(q.key.as_str())).collect());
    for q in questions {
        if let Some(u) = ui_as_written(&q.advanced, ui_entry(q)) {
            ui.insert(q.key.to_string(), u);
        }
    }
    ui
}

/// A question's UI schema entry as the designer writes it now, if it needs one.
pub(crate) fn ui_entry(q: &Question) -> Option<Value> {
    let mut u = Map::new();
    // The shared definitions carry titles of their own: the clerk's wins.
    if matches!(q.kind, Kind::CitizenId | Kind::Phone | Kind::Email | Kind::Address) && !q.title.is_empty() {
        u.insert("ui:title".into(), both(&q.title));
    }
    if !q.placeholder.is_empty() {
        u.insert("ui:placeholder".into(), both(&q.placeholder));
    }
    if !q.messages.is_empty() {
        u.insert("ui:errors".into(), q.messages.iter().map(|(k, t)| (k.clone(), both(t))).collect::<Map<_, _>>().into());
    }
    match &q.kind {
        Kind::LongText { .. } => {
            u.insert("ui:widget".into(), "textarea".into());
        }
        Kind::YesNo => {
            u.insert("ui:widget".into(), "radio".into());
        }
        Kind::Single { options, list } => {
            if !list {
                u.insert("ui:widget".into(), "radio".into());
            }
            u.insert("ui:enumNames".into(), options.iter().map(|o| both(&o.label)).collect());
        }
        Kind::Multiple { options } => {
            u.insert("items".into(), json!({ "ui:enumNames": options.iter().map(|o| both(&o.label)).collect::<Vec<_>>() }));
        }
        Kind::Phone => {
            u.insert("ui:autocomplete".into(), "tel-national".into());
        }
        Kind::Email => {
            u.insert("ui:autocomplete".into(), "email".into());
        }
        Kind::Postcode => {
            u.insert("ui:autocomplete".into(), "postal-code".into());
        }
        Kind::Section { questions } => u.extend(ui_of(questions)),
        Kind::Repeat { questions, .. } => {
            u.insert("items".into(), Value::Object(ui_of(questions)));
        }
        Kind::Shapes { shapes } => {
            for s in shapes {
                u.extend(ui_of(s.kind.children()));
                u.extend(s.advanced.ui.clone());
            }
        }
        _ => {}
    }
    for (k, v) in &q.advanced.ui {
        u.entry(k.clone()).or_insert_with(|| v.clone());
    }
    (!u.is_empty()).then_some(Value::Object(u))
}

impl Design {
    /// `schema.json`: draft 2020-12, referring to the shared definitions it uses.
    pub fn schema(&self) -> Value {
        as_written(&self.advanced, self.fresh_schema())
    }

    pub(crate) fn fresh_schema(&self) -> Value {
        let mut s = Map::new();
        s.insert("$schema".into(), "https://json-schema.org/draft/2020-12/schema".into());
        put_text(&mut s, "title", &self.service.title);
        put_text(&mut s, "description", &self.service.description);
        s.extend(object(&self.questions));
        merge(&mut s, &self.advanced.schema);
        Value::Object(s)
    }

    /// `ui.json`.
    pub fn ui(&self) -> Value {
        ui_as_written(&self.advanced, Some(self.fresh_ui())).unwrap_or_else(|| json!({}))
    }

    pub(crate) fn fresh_ui(&self) -> Value {
        let mut ui = ui_of(&self.questions);
        if !self.steps.is_empty() {
            let steps = self.steps.iter().map(|s| json!({ "title": both(&s.title), "fields": s.questions.iter().map(|k| k.as_str()).collect::<Vec<_>>() }));
            ui.insert("ui:steps".into(), steps.collect());
        }
        if let Some(d) = self.service.draft_days {
            ui.insert("ui:draftDays".into(), d.into());
        }
        for (k, v) in &self.advanced.ui {
            ui.entry(k.clone()).or_insert_with(|| v.clone());
        }
        Value::Object(ui)
    }

    /// The service's entry in `forms/index.json`.
    pub fn index_entry(&self) -> Value {
        let s = &self.service;
        let mut e = Map::new();
        e.insert("id".into(), s.id.clone().into());
        e.insert("title".into(), both(&s.title));
        if !s.agency.is_empty() {
            e.insert("agency".into(), both(&s.agency));
        }
        if !s.description.is_empty() {
            e.insert("description".into(), both(&s.description));
        }
        match &s.channel {
            Channel::Email(a) => e.insert("submit".into(), json!({ "email": a })),
            Channel::Endpoint(u) => e.insert("submit".into(), json!({ "endpoint": u })),
            Channel::Download => None,
        };
        if let Some(f) = &s.fee {
            e.insert("fee".into(), json!({ "billerId": f.biller_id, "amount": f.amount }));
        }
        if let Some(v) = &s.version {
            e.insert("version".into(), v.clone().into());
        }
        match s.keys().as_slice() {
            [] => {}
            [one] => drop(e.insert("encryptTo".into(), (*one).into())),
            many => drop(e.insert("encryptTo".into(), many.to_vec().into())),
        }
        Value::Object(e)
    }
}

/// The site's `forms/index.json` with `entry` in it: in place of the entry
/// with its id, else added at the end. What is not a list of services
/// (missing, or not `{"forms": […]}`) becomes one with this entry alone.
pub fn with_entry(index: Option<&Value>, entry: &Value) -> Value {
    let mut index = match index {
        Some(v @ Value::Object(m)) if m.get("forms").is_some_and(Value::is_array) => v.clone(),
        _ => json!({ "forms": [] }),
    };
    if let Some(Value::Array(forms)) = index.get_mut("forms") {
        match forms.iter_mut().find(|f| f.get("id").is_some() && f.get("id") == entry.get("id")) {
            Some(old) => *old = entry.clone(),
            None => forms.push(entry.clone()),
        }
    }
    index
}
