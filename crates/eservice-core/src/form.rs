//! The form that a JSON Schema and its UI schema describe.
//!
//! The browser draws fields from a [`FormSpec`]; building it here keeps the
//! reading of schemas testable natively and free of web types. The UI schema
//! follows react-jsonschema-form's shape: an object that mirrors the data,
//! with `ui:`-prefixed keys (`ui:title`, `ui:help`, `ui:placeholder`,
//! `ui:widget`, `ui:order`, `ui:enumNames`, `ui:autocomplete`), where texts
//! may be a string or `{"th": …, "en": …}`.

use serde_json::{Map, Value};

use crate::lang::LocalText;
use crate::pointer::JsonPointer;
use crate::schema::{Uri, Validator};

/// Nesting deeper than this is almost surely a recursive `$ref`; it is shown
/// as a note rather than followed forever.
const MAX_NESTING: usize = 12;

/// A whole form: its title and its top-level fields.
#[derive(Clone, Debug, PartialEq)]
pub struct FormSpec {
    pub title: LocalText,
    pub description: Option<LocalText>,
    pub fields: Vec<Field>,
}

/// One field, or one group of fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Where the value lives in the data.
    pub pointer: JsonPointer,
    pub label: LocalText,
    pub help: Option<LocalText>,
    pub placeholder: Option<LocalText>,
    pub required: bool,
    pub read_only: bool,
    /// The browser's autofill hint, e.g. `given-name`, `postal-code`.
    pub autocomplete: Option<String>,
    /// The schema's `default`, filled in when the form starts.
    pub default: Option<Value>,
    pub widget: Widget,
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
    Group { fields: Vec<Field> },
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

impl FormSpec {
    /// Reads the validator's schema (which must describe an object) and its
    /// UI schema. `$ref`s resolve as the validator resolves them.
    pub fn new(validator: &Validator, ui: &Value) -> FormSpec {
        let reader = Reader { v: validator };
        let (s, base) = reader.deref(validator.schema(), validator.base());
        FormSpec {
            title: merged(text(ui, "ui:title"), text(s, "title")).unwrap_or_default(),
            description: merged(text(ui, "ui:description"), text(s, "description")),
            fields: reader.fields(s, &base, ui, &JsonPointer::root(), 0),
        }
    }

    /// Every field that holds a value (groups flattened), in display order.
    pub fn leaves(&self) -> Vec<&Field> {
        fn walk<'f>(fields: &'f [Field], out: &mut Vec<&'f Field>) {
            for f in fields {
                match &f.widget {
                    Widget::Group { fields } => walk(fields, out),
                    _ => out.push(f),
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.fields, &mut out);
        out
    }

    /// The data a fresh form starts from: schema defaults, and an empty
    /// object for each group so that errors land on the fields inside it.
    pub fn initial_data(&self) -> Value {
        fn fill(fields: &[Field], out: &mut Map<String, Value>) {
            for f in fields {
                let Some(name) = f.pointer.last() else { continue };
                match (&f.widget, &f.default) {
                    (Widget::Group { fields }, _) => {
                        let mut inner = Map::new();
                        fill(fields, &mut inner);
                        out.insert(name.to_owned(), Value::Object(inner));
                    }
                    (_, Some(d)) => {
                        out.insert(name.to_owned(), d.clone());
                    }
                    _ => {}
                }
            }
        }
        let mut out = Map::new();
        fill(&self.fields, &mut out);
        Value::Object(out)
    }
}

impl Field {
    /// Turns what the user typed into the value to store; `None` clears it.
    ///
    /// A number that does not read back exactly as typed ("1.", "12a") is
    /// kept as text, so nothing typed is lost and validation names the fault.
    pub fn parse_input(&self, text: &str) -> Option<Value> {
        if text.is_empty() {
            return None;
        }
        match &self.widget {
            Widget::Number { integer } => Some(parse_number(text, *integer)),
            Widget::Select { options } | Widget::Radio { options } => Some(
                options
                    .iter()
                    .find(|c| choice_key(&c.value) == text)
                    .map(|c| c.value.clone())
                    .unwrap_or_else(|| Value::String(text.to_owned())),
            ),
            _ => Some(Value::String(text.to_owned())),
        }
    }

    /// The value to keep once the user leaves the field: numbers typed with
    /// thousands separators are read; anything unreadable is left as typed.
    pub fn commit(&self, value: Value) -> Value {
        match (&self.widget, &value) {
            (Widget::Number { integer }, Value::String(s)) => commit_number(s, *integer).unwrap_or(value),
            (_, Value::String(s)) if s.trim() != s => Value::String(s.trim().to_owned()),
            _ => value,
        }
    }

    /// A value as the input shows it.
    pub fn display(value: Option<&Value>) -> String {
        match value {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
        }
    }
}

/// Sets (or with `None`, removes) the value at `at`, creating the objects on
/// the way. Array indices are not created: forms address arrays they drew.
pub fn set_value(data: &mut Value, at: &JsonPointer, value: Option<Value>) {
    let Some((last, parents)) = at.tokens().split_last() else {
        *data = value.unwrap_or(Value::Null);
        return;
    };
    let mut node = data;
    for t in parents {
        if !node.is_object() && !node.is_array() {
            *node = Value::Object(Map::new());
        }
        node = match node {
            Value::Object(m) => m.entry(t.clone()).or_insert_with(|| Value::Object(Map::new())),
            Value::Array(a) => match t.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                Some(v) => v,
                None => return,
            },
            _ => return,
        };
    }
    match (node, value) {
        (Value::Object(m), Some(v)) => {
            m.insert(last.clone(), v);
        }
        (Value::Object(m), None) => {
            m.shift_remove(last);
        }
        (Value::Array(a), v) => {
            if let Some(slot) = last.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                *slot = v.unwrap_or(Value::Null);
            }
        }
        (node, Some(v)) => {
            let mut m = Map::new();
            m.insert(last.clone(), v);
            *node = Value::Object(m);
        }
        (_, None) => {}
    }
}

/// A stable text key for an option value, used as the `<option value>`.
pub fn choice_key(v: &Value) -> String {
    Field::display(Some(v))
}

fn parse_number(text: &str, integer: bool) -> Value {
    let t = text.trim();
    if let Ok(i) = t.parse::<i64>() {
        if i.to_string() == t {
            return Value::from(i);
        }
    }
    if !integer {
        // serde_json reads numbers already; core's float parser would add to the download.
        if let Ok(n) = serde_json::from_str::<serde_json::Number>(t) {
            if n.to_string() == t {
                return Value::Number(n);
            }
        }
    }
    Value::String(text.to_owned())
}

/// The lenient reading when a number field is left: "1,500,000" and "2."
/// become numbers, as a Thai clerk would read them.
fn commit_number(text: &str, integer: bool) -> Option<Value> {
    let t: String = text.trim().chars().filter(|c| *c != ',').collect();
    let t = t.strip_suffix('.').unwrap_or(&t);
    let f = serde_json::from_str::<serde_json::Number>(t).ok()?.as_f64().filter(|f| f.is_finite())?;
    if f.fract() == 0.0 && f.abs() < 9e15 {
        Some(Value::from(f as i64))
    } else if integer {
        None
    } else {
        serde_json::Number::from_f64(f).map(Value::Number)
    }
}

/// Reads fields from schema objects, resolving `$ref`s through the validator.
struct Reader<'a> {
    v: &'a Validator,
}

impl<'a> Reader<'a> {
    /// Follows `$ref`s to the schema that describes the field, and returns
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

    fn fields(&self, s: &'a Value, base: &Uri, ui: &Value, at: &JsonPointer, depth: usize) -> Vec<Field> {
        let Some(props) = s.get("properties").and_then(Value::as_object) else { return vec![] };
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        // `ui:order` first, in its order; then the rest in schema order.
        let order: Vec<&str> = ui.get("ui:order").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let mut names: Vec<&String> = order.iter().filter_map(|o| props.get_key_value(*o).map(|(k, _)| k)).collect();
        names.extend(props.keys().filter(|k| !order.contains(&k.as_str())));
        names
            .into_iter()
            .filter(|name| ui.get(name.as_str()).and_then(|u| u.get("ui:widget")).and_then(Value::as_str) != Some("hidden"))
            .map(|name| {
                let sub_ui = ui.get(name.as_str()).unwrap_or(&Value::Null);
                let child = at.child(name.as_str());
                self.field(&props[name.as_str()], base, sub_ui, child, required.contains(&name.as_str()), depth)
            })
            .collect()
    }

    fn field(&self, raw: &'a Value, around: &Uri, ui: &Value, pointer: JsonPointer, required: bool, depth: usize) -> Field {
        let (s, base) = self.deref(raw, around);
        // Titles beside a $ref describe this use of the shared definition.
        let title = text(raw, "title").or_else(|| text(s, "title"));
        let name = pointer.last().unwrap_or_default().to_owned();
        let label = merged(text(ui, "ui:title"), title).unwrap_or(LocalText { th: Some(name), en: None });
        let widget = if depth >= MAX_NESTING {
            Widget::Unsupported { reason: format!("nesting deeper than {MAX_NESTING} levels at {pointer}") }
        } else {
            self.widget(s, &base, ui, &pointer, depth)
        };
        Field {
            label,
            help: merged(text(ui, "ui:help"), text(raw, "description").or_else(|| text(s, "description"))),
            placeholder: text(ui, "ui:placeholder"),
            required,
            read_only: s.get("readOnly") == Some(&Value::Bool(true)),
            autocomplete: ui.get("ui:autocomplete").and_then(Value::as_str).map(str::to_owned),
            default: raw.get("default").or_else(|| s.get("default")).cloned(),
            widget,
            pointer,
        }
    }

    fn widget(&self, s: &'a Value, base: &Uri, ui: &Value, at: &JsonPointer, depth: usize) -> Widget {
        let asked = ui.get("ui:widget").and_then(Value::as_str);
        let max_length = s.get("maxLength").and_then(Value::as_u64);
        if let Some(options) = self.choices(s, ui) {
            return match asked {
                Some("radio") => Widget::Radio { options },
                _ => Widget::Select { options },
            };
        }
        let ty = match s.get("type") {
            Some(Value::String(t)) => t.as_str(),
            // ["string", "null"] and the like: the first non-null type draws the field.
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("null"),
            _ if s.get("properties").is_some() => "object",
            _ => "string",
        };
        match ty {
            "object" => Widget::Group { fields: self.fields(s, base, ui, at, depth + 1) },
            "boolean" => Widget::Checkbox,
            "integer" => Widget::Number { integer: true },
            "number" => Widget::Number { integer: false },
            "string" if asked == Some("textarea") => Widget::TextArea { max_length },
            "string" => Widget::Text { kind: text_kind(s, asked), max_length },
            other => Widget::Unsupported { reason: format!("type {other:?} at {at} has no widget yet") },
        }
    }

    /// Options from `enum`, or from `oneOf`/`anyOf` entries of `{const, title}`.
    fn choices(&self, s: &Value, ui: &Value) -> Option<Vec<Choice>> {
        let names: Vec<LocalText> = ui
            .get("ui:enumNames")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|n| LocalText::from_json(n).unwrap_or_default()).collect())
            .unwrap_or_default();
        let named = |i: usize, fallback: LocalText| match names.get(i) {
            Some(n) if !n.is_empty() => n.clone().or(fallback),
            _ => fallback,
        };
        if let Some(values) = s.get("enum").and_then(Value::as_array) {
            return Some(
                values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| Choice { value: v.clone(), label: named(i, LocalText { th: Some(choice_key(v)), en: None }) })
                    .collect(),
            );
        }
        let alts = s.get("oneOf").or_else(|| s.get("anyOf"))?.as_array()?;
        alts.iter()
            .enumerate()
            .map(|(i, alt)| {
                let v = alt.get("const")?;
                let t = text(alt, "title").unwrap_or(LocalText { th: Some(choice_key(v)), en: None });
                Some(Choice { value: v.clone(), label: named(i, t) })
            })
            .collect()
    }
}

fn with_id(s: &Value, around: &Uri) -> Uri {
    match s.get("$id").and_then(Value::as_str) {
        Some(id) => around.join(id).without_fragment(),
        None => around.clone(),
    }
}

fn text_kind(s: &Value, asked: Option<&str>) -> TextKind {
    match (asked, s.get("format").and_then(Value::as_str)) {
        (Some("date"), _) | (_, Some("date")) => TextKind::Date,
        (_, Some("date-time")) => TextKind::DateTime,
        (Some("email"), _) | (_, Some("email")) => TextKind::Email,
        (Some("tel"), _) => TextKind::Tel,
        (_, Some("uri")) => TextKind::Url,
        (Some("numeric"), _) | (_, Some("thai-citizen-id")) => TextKind::Numeric,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::schema::RegressEngine;
    use serde_json::json;

    fn form(schema: Value, ui: &Value) -> FormSpec {
        let v = Validator::new(schema, Box::new(RegressEngine::default())).unwrap();
        FormSpec::new(&v, ui)
    }

    fn spec() -> FormSpec {
        let schema = json!({
            "title": "คำขอ",
            "type": "object",
            "required": ["name", "address"],
            "$defs": {"postcode": {"type": "string", "title": "รหัสไปรษณีย์", "pattern": "^[0-9]{5}$"}},
            "properties": {
                "name": {"type": "string", "title": "ชื่อ", "maxLength": 100},
                "capital": {"type": "number", "title": "ทุน"},
                "kind": {"type": "string", "oneOf": [{"const": "a", "title": "ก"}, {"const": "b", "title": "ข"}]},
                "ok": {"type": "boolean", "default": false},
                "secret": {"type": "string"},
                "address": {
                    "type": "object",
                    "title": "ที่อยู่",
                    "required": ["postcode"],
                    "properties": {
                        "postcode": {"$ref": "#/$defs/postcode"},
                        "when": {"type": "string", "format": "date"}
                    }
                }
            }
        });
        let ui = json!({
            "ui:order": ["address", "name"],
            "name": {"ui:title": {"en": "Name"}, "ui:autocomplete": "name"},
            "kind": {"ui:widget": "radio", "ui:enumNames": [{"en": "A"}, {"en": "B"}]},
            "secret": {"ui:widget": "hidden"}
        });
        form(schema, &ui)
    }

    #[test]
    fn order_labels_and_hidden_fields() {
        let f = spec();
        let names: Vec<String> = f.fields.iter().map(|f| f.pointer.to_string()).collect();
        assert_eq!(names, ["/address", "/name", "/capital", "/kind", "/ok"]);
        let name = &f.fields[1];
        assert_eq!(name.label, LocalText::new("ชื่อ", "Name"));
        assert!(name.required);
        assert_eq!(name.autocomplete.as_deref(), Some("name"));
        assert_eq!(name.widget, Widget::Text { kind: TextKind::Plain, max_length: Some(100) });
    }

    #[test]
    fn groups_refs_and_choices() {
        let f = spec();
        let Widget::Group { fields } = &f.fields[0].widget else { panic!("address is a group") };
        assert_eq!(fields[0].label.get(Lang::Th), "รหัสไปรษณีย์");
        assert!(fields[0].required);
        assert_eq!(fields[1].widget, Widget::Text { kind: TextKind::Date, max_length: None });
        let Widget::Radio { options } = &f.fields[3].widget else { panic!("kind is a radio group") };
        assert_eq!(options[1].value, json!("b"));
        assert_eq!(options[1].label, LocalText::new("ข", "B"));
        let leaves: Vec<String> = f.leaves().iter().map(|l| l.pointer.to_string()).collect();
        assert_eq!(leaves, ["/address/postcode", "/address/when", "/name", "/capital", "/kind", "/ok"]);
    }

    #[test]
    fn initial_data_has_groups_and_defaults() {
        assert_eq!(spec().initial_data(), json!({"address": {}, "ok": false}));
    }

    #[test]
    fn numbers_keep_what_was_typed_until_committed() {
        let f = spec();
        let capital = &f.fields[2];
        assert_eq!(capital.parse_input("1500"), Some(json!(1500)));
        assert_eq!(capital.parse_input("1.25"), Some(json!(1.25)));
        assert_eq!(capital.parse_input("1."), Some(json!("1.")));
        assert_eq!(capital.parse_input("1,500,000"), Some(json!("1,500,000")));
        assert_eq!(capital.parse_input(""), None);
        assert_eq!(capital.commit(json!("1,500,000")), json!(1500000));
        assert_eq!(capital.commit(json!("2.")), json!(2));
        assert_eq!(capital.commit(json!("สองพัน")), json!("สองพัน"));
        assert_eq!(f.fields[1].commit(json!(" สมชาย ")), json!("สมชาย"));
        let kind = &f.fields[3];
        assert_eq!(kind.parse_input("a"), Some(json!("a")));
    }

    #[test]
    fn english_from_the_ui_schema_keeps_the_thai_from_the_schema() {
        let schema = json!({"title": "คำขอ", "description": "รายละเอียด", "properties": {"a": {"description": "ช่วย"}}});
        let ui = json!({"ui:title": {"en": "Request"}, "ui:description": {"en": "Details"}, "a": {"ui:help": {"en": "Help"}}});
        let f = form(schema, &ui);
        assert_eq!(f.title, LocalText::new("คำขอ", "Request"));
        assert_eq!(f.description, Some(LocalText::new("รายละเอียด", "Details")));
        assert_eq!(f.fields[0].help, Some(LocalText::new("ช่วย", "Help")));
    }

    #[test]
    fn set_value_creates_and_removes() {
        let mut d = json!({});
        let p = JsonPointer::parse("/address/postcode").unwrap();
        set_value(&mut d, &p, Some(json!("10500")));
        assert_eq!(d, json!({"address": {"postcode": "10500"}}));
        set_value(&mut d, &JsonPointer::parse("/address/moo").unwrap(), Some(json!(3)));
        set_value(&mut d, &p, None);
        assert_eq!(d, json!({"address": {"moo": 3}}));
        let mut scalar = json!({"address": "x"});
        set_value(&mut scalar, &p, Some(json!("1")));
        assert_eq!(scalar, json!({"address": {"postcode": "1"}}));
    }

    #[test]
    fn a_recursive_ref_stops_instead_of_hanging() {
        let schema = json!({
            "$defs": {"node": {"type": "object", "properties": {"child": {"$ref": "#/$defs/node"}}}},
            "type": "object",
            "properties": {"root": {"$ref": "#/$defs/node"}}
        });
        let f = form(schema, &Value::Null);
        let mut depth = 0;
        let mut field = &f.fields[0];
        while let Widget::Group { fields } = &field.widget {
            field = &fields[0];
            depth += 1;
        }
        assert!(matches!(field.widget, Widget::Unsupported { .. }));
        assert_eq!(depth, MAX_NESTING);
    }
}
