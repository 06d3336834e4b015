//! Reading forms from schemas: fields, conditions, choices, lists, pruning.

use super::*;
use std::rc::Rc;
use eservice_base::lang::Lang;
use crate::schema::{FieldInfo, RegressEngine};
use serde_json::json;

fn validator(schema: Value) -> Validator {
    Validator::new(schema, Box::new(RegressEngine::default())).unwrap()
}

fn form(schema: Value, ui: &Value) -> FormSpec {
    FormSpec::new(&validator(schema), ui, &json!({}), &Selections::default())
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
        "name": {"ui:title": {"en": "Name"}, "ui:autocomplete": "name", "ui:errors": {"maxLength": {"th": "ยาวเกินไป", "en": "Too long"}}},
        "kind": {"ui:widget": "radio", "ui:enumNames": [{"en": "A"}, {"en": "B"}]},
        "secret": {"ui:widget": "hidden"}
    });
    form(schema, &ui)
}

#[test]
fn order_labels_and_hidden_fields() {
    let f = spec();
    let names: Vec<String> = f.fields.iter().map(|f| f.pointer.to_string()).collect();
    assert_eq!(names, ["/address", "/name", "/capital", "/kind", "/ok", "/secret"]);
    assert_eq!(f.fields[5].widget, Widget::Hidden);
    assert!(!f.leaves().iter().any(|l| l.pointer.to_string() == "/secret"), "hidden fields are not drawn");
    assert!(!f.dynamic, "nothing here depends on the data");
    let name = &f.fields[1];
    assert_eq!(name.label, LocalText::new("ชื่อ", "Name"));
    assert!(name.required);
    assert_eq!(name.autocomplete.as_deref(), Some("name"));
    assert_eq!(name.message_for("maxLength").map(|t| t.get(Lang::En)), Some("Too long"));
    assert_eq!(name.message_for("pattern"), None);
    assert_eq!(name.widget, Widget::Text { kind: TextKind::Plain, max_length: Some(100) });
}

#[test]
fn groups_refs_and_choices() {
    let f = spec();
    let Widget::Group { fields, .. } = &f.fields[0].widget else { panic!("address is a group") };
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
fn a_recursive_ref_draws_only_as_deep_as_the_data() {
    let v = validator(json!({
        "$defs": {"node": {"type": "object", "properties": {"name": {"type": "string"}, "child": {"$ref": "#/$defs/node"}}}},
        "type": "object",
        "properties": {"root": {"$ref": "#/$defs/node"}}
    }));
    let none = Selections::default();
    let spec = FormSpec::new(&v, &Value::Null, &json!({}), &none);
    let Widget::Group { fields, .. } = &spec.fields[0].widget else { panic!("root is a group") };
    assert_eq!(fields[1].widget, Widget::Lazy, "the recursive child waits to be started");
    let spec = FormSpec::new(&v, &Value::Null, &json!({"root": {"child": {"child": {}}}}), &none);
    let mut depth = 0;
    let mut field = spec.fields[0].clone();
    while let Widget::Group { fields, .. } = &field.widget {
        field = fields[1].clone();
        depth += 1;
    }
    assert_eq!(field.widget, Widget::Lazy);
    assert_eq!(depth, 3, "root, child, child, then a button");
}

fn settle(schema: &Validator, ui: &Value, data: Value, sel: &Selections) -> (FormSpec, Value) {
    FormSpec::settle(schema, ui, &data, sel)
}

fn names(f: &[Rc<Field>]) -> Vec<String> {
    f.iter().map(|f| f.pointer.to_string()).collect()
}

#[test]
fn if_then_fields_appear_and_their_data_is_pruned_when_hidden() {
    let v = validator(json!({
        "type": "object",
        "properties": {"has_website": {"type": "boolean"}},
        "required": ["has_website"],
        "if": {"properties": {"has_website": {"const": true}}, "required": ["has_website"]},
        "then": {"properties": {"website": {"type": "string", "format": "uri"}}, "required": ["website"]}
    }));
    let none = Selections::default();
    let (spec, data) = settle(&v, &Value::Null, json!({"has_website": true, "website": "https://a.th"}), &none);
    assert_eq!(names(&spec.fields), ["/has_website", "/website"]);
    assert!(spec.dynamic);
    assert!(spec.fields[1].required, "then's required marks the field");
    assert_eq!(data, json!({"has_website": true, "website": "https://a.th"}));

    let (spec, data) = settle(&v, &Value::Null, json!({"has_website": false, "website": "https://a.th"}), &none);
    assert_eq!(names(&spec.fields), ["/has_website"]);
    assert_eq!(data, json!({"has_website": false}), "hidden data is not submitted");
    assert!(v.is_valid(&data), "and the pruned data passes the same validator");
}

#[test]
fn a_group_not_yet_typed_into_shows_the_fields_it_will_have_once_it_is() {
    let v = validator(json!({
        "type": "object",
        "properties": {"packing": {
            "type": "object",
            "properties": {"own": {"type": "boolean"}},
            "if": {"properties": {"own": {"const": true}}, "required": ["own"]},
            "then": {"properties": {"gmp_no": {"type": "string"}}},
            "else": {"properties": {"contractor": {"type": "string"}}}
        }}
    }));
    let none = Selections::default();
    let group = |data: Value| {
        let (spec, _) = settle(&v, &Value::Null, data, &none);
        let Widget::Group { fields, .. } = &spec.fields[0].widget else { panic!("a group") };
        names(fields)
    };
    // Absent, and then with the first key typed into the field it shows: the same field.
    assert_eq!(group(json!({})), ["/packing/own", "/packing/contractor"]);
    assert_eq!(group(json!({"packing": {"contractor": "ก"}})), ["/packing/own", "/packing/contractor"]);
    assert_eq!(group(json!({"packing": {"own": true}})), ["/packing/own", "/packing/gmp_no"]);
}

#[test]
fn a_field_a_condition_brings_appears_right_after_what_brought_it() {
    let v = validator(json!({
        "type": "object",
        "properties": {"name": {"type": "string"}, "area": {"type": "number"}, "note": {"type": "string"}, "staff": {"type": "integer"}},
        "allOf": [
            {"if": {"properties": {"area": {"minimum": 200}}, "required": ["area"]}, "then": {"properties": {"fire_exits": {"type": "integer"}, "sprinklers": {"type": "boolean"}}}}
        ],
        "dependentSchemas": {"staff": {"properties": {"insurance": {"type": "string"}}}}
    }));
    let none = Selections::default();
    let (spec, _) = settle(&v, &Value::Null, json!({"area": 250, "staff": 2}), &none);
    assert_eq!(names(&spec.fields), ["/name", "/area", "/fire_exits", "/sprinklers", "/note", "/staff", "/insurance"]);
    // The UI schema's order wins where it places them.
    let (spec, _) = settle(&v, &json!({"ui:order": ["fire_exits", "name"]}), json!({"area": 250}), &none);
    assert_eq!(names(&spec.fields), ["/fire_exits", "/name", "/area", "/sprinklers", "/note", "/staff"]);
}

#[test]
fn dependent_schemas_and_all_of_merge() {
    let v = validator(json!({
        "allOf": [{"properties": {"a": {"type": "string", "title": "ก"}}}, {"properties": {"a": {"maxLength": 3}}}],
        "properties": {"card": {"type": "string"}},
        "dependentSchemas": {"card": {"properties": {"expiry": {"type": "string", "format": "date"}}, "required": ["expiry"]}}
    }));
    let (spec, _) = settle(&v, &Value::Null, json!({"card": "1234"}), &Selections::default());
    assert_eq!(names(&spec.fields), ["/card", "/expiry", "/a"], "what the card brings comes right after it");
    assert_eq!(spec.fields[2].widget, Widget::Text { kind: TextKind::Plain, max_length: Some(3) });
    assert_eq!(spec.fields[2].label.get(Lang::Th), "ก");
    assert!(spec.fields[1].required);
    let (spec, _) = settle(&v, &Value::Null, json!({}), &Selections::default());
    assert_eq!(names(&spec.fields), ["/card", "/a"]);
}

#[test]
fn one_of_object_shapes_are_a_choice() {
    let v = validator(json!({
        "type": "object",
        "properties": {"name": {"type": "string"}},
        "oneOf": [
            {"title": "บุคคลธรรมดา", "properties": {"kind": {"const": "person"}, "citizen_id": {"type": "string"}}, "required": ["kind", "citizen_id"]},
            {"title": "นิติบุคคล", "properties": {"kind": {"const": "company"}, "company_id": {"type": "string"}}, "required": ["kind", "company_id"]}
        ]
    }));
    let mut sel = Selections::default();
    let (spec, _) = settle(&v, &Value::Null, json!({"kind": "company", "company_id": "0105"}), &sel);
    let Widget::Alternatives { options, selected, fields } = &spec.fields[1].widget else { panic!("{:?}", spec.fields[1]) };
    assert_eq!(options[1].get(Lang::Th), "นิติบุคคล");
    assert_eq!(*selected, 1, "the data picks its branch");
    assert_eq!(names(fields), ["/kind", "/company_id"]);
    assert_eq!(fields[0].widget, Widget::Fixed(json!("company")), "a discriminator is set, not shown");

    sel.set(spec.fields[1].pointer.clone(), 0);
    let (spec, data) = settle(&v, &Value::Null, json!({"name": "x", "kind": "company", "company_id": "0105"}), &sel);
    let Widget::Alternatives { selected: 0, fields, .. } = &spec.fields[1].widget else { panic!() };
    assert_eq!(names(fields), ["/kind", "/citizen_id"]);
    assert_eq!(data, json!({"name": "x", "kind": "person"}), "the other branch's data goes, its discriminator is set");
}

#[test]
fn lists_of_objects_and_multi_choice() {
    let v = validator(json!({
        "properties": {
            "partners": {
                "type": "array", "minItems": 1, "maxItems": 3,
                "items": {"type": "object", "properties": {"name": {"type": "string"}, "share": {"type": "number", "default": 0}}}
            },
            "days": {"type": "array", "uniqueItems": true, "items": {"enum": ["mon", "tue"]}}
        }
    }));
    let ui = json!({"days": {"items": {"ui:enumNames": ["จันทร์", "อังคาร"]}}});
    let (spec, data) = settle(&v, &ui, json!({"partners": [{"name": "ก", "junk": 1}, {}], "days": ["mon"]}), &Selections::default());
    let Widget::List { items, min, max, new_item } = &spec.fields[0].widget else { panic!() };
    assert_eq!((*min, *max), (1, Some(3)));
    assert_eq!(new_item, &json!({"share": 0}));
    assert_eq!(names(items), ["/partners/0", "/partners/1"]);
    let Widget::Group { fields, .. } = &items[1].widget else { panic!() };
    assert_eq!(names(fields), ["/partners/1/name", "/partners/1/share"]);
    let Widget::MultiCheck { options } = &spec.fields[1].widget else { panic!() };
    assert_eq!(options[1].label.get(Lang::Th), "อังคาร");
    assert_eq!(data, json!({"partners": [{"name": "ก"}, {}], "days": ["mon"]}));
}

#[test]
fn steps_split_top_level_fields() {
    let v = validator(json!({"properties": {"a": {}, "b": {}, "c": {}}}));
    let ui = json!({
        "ui:steps": [{"title": "หนึ่ง", "fields": ["a"]}, {"title": {"th": "สอง", "en": "Two"}, "fields": ["b"]}],
        "ui:evidence": [{"id": "id-card", "title": {"th": "สำเนาบัตรประชาชน", "en": "Copy of ID card"}}, {"id": "map", "title": "แผนที่", "required": false}, {"title": "no id"}]
    });
    let spec = FormSpec::new(&v, &ui, &json!({}), &Selections::default());
    assert_eq!(spec.steps.len(), 2);
    assert_eq!(spec.evidence.len(), 2, "an entry without an id is skipped");
    assert!(spec.evidence[0].required && !spec.evidence[1].required);
    assert_eq!(spec.evidence[0].title.get(Lang::En), "Copy of ID card");
    assert_eq!(spec.steps[1].title.get(Lang::En), "Two");
    assert_eq!(spec.step_fields(0).iter().map(|f| f.pointer.to_string()).collect::<Vec<_>>(), ["/a"]);
    assert_eq!(spec.step_fields(1).iter().map(|f| f.pointer.to_string()).collect::<Vec<_>>(), ["/b", "/c"], "unplaced fields go last");
}

#[test]
fn evidence_fields_carry_their_rule() {
    let v = validator(json!({
        "properties": {"id_card": {
            "type": "array", "maxItems": 2, "items": {"type": "object"},
            "x-evidence": {"accept": ["application/pdf"], "maxBytes": 1000}
        }}
    }));
    let spec = FormSpec::new(&v, &Value::Null, &json!({}), &Selections::default());
    let Widget::Evidence { rule } = &spec.fields[0].widget else { panic!("{:?}", spec.fields[0].widget) };
    assert_eq!(rule.accept, [crate::evidence::MediaType::Pdf]);
    assert_eq!((rule.max_bytes, rule.max_count), (1000, 2));
}

#[test]
fn evidence_fields_can_be_declared_in_the_ui_schema() {
    let v = validator(json!({"properties": {"scan": {"type": "array", "items": {"type": "object"}}}}));
    let ui = json!({"scan": {"ui:widget": "file", "ui:options": {"accept": ["image/png"]}}});
    let spec = FormSpec::new(&v, &ui, &json!({}), &Selections::default());
    let Widget::Evidence { rule } = &spec.fields[0].widget else { panic!() };
    assert_eq!(rule.accept, [crate::evidence::MediaType::Png]);
}

fn at(p: &str) -> JsonPointer {
    JsonPointer::parse(p).unwrap()
}

/// The message the form shows: the field's own for the keyword, else the kit's.
fn shown(spec: &FormSpec, e: &ValidationError, lang: Lang) -> String {
    let keyword = e.schema_path.last().unwrap_or_default();
    match spec.field(&e.field()).and_then(|f| f.message_for(keyword)) {
        Some(t) => t.get(lang).to_owned(),
        None => e.message_in(lang, spec),
    }
}

#[test]
fn a_declaration_is_a_box_the_citizen_ticks_in_either_spelling() {
    let title = "ข้าพเจ้ายืนยันว่าข้อมูลข้างต้นเป็นความจริง";
    for declaration in [json!({"title": title, "const": true}), json!({"title": title, "type": "boolean", "const": true})] {
        for required in [json!(["consent"]), json!([])] {
            let v = validator(json!({
                "type": "object",
                "required": required,
                "properties": {"name": {"type": "string"}, "consent": declaration}
            }));
            let none = Selections::default();
            let (spec, data) = settle(&v, &Value::Null, json!({}), &none);
            let consent = spec.field(&at("/consent")).expect("the declaration is a field");
            assert_eq!(consent.widget, Widget::Checkbox, "{declaration}");
            assert!(consent.required && !consent.read_only && consent.is_declaration());
            assert_eq!(consent.label.get(Lang::Th), title);
            assert!(spec.leaves().iter().any(|l| l.pointer == at("/consent")), "it is drawn");
            assert_eq!(spec.initial_data(), json!({}), "never ticked for the citizen");
            assert_eq!(data, json!({}), "nor set when the form settles");

            let errors = spec.validate(&v, &data);
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].field(), at("/consent"));
            assert_eq!(shown(&spec, &errors[0], Lang::Th), "กรุณาทำเครื่องหมายยืนยันข้อนี้");
            assert_eq!(shown(&spec, &errors[0], Lang::En), "Please tick to confirm");

            let (_, unticked) = settle(&v, &Value::Null, json!({"consent": false}), &none);
            let errors = spec.validate(&v, &unticked);
            assert_eq!(errors.iter().map(|e| shown(&spec, e, Lang::En)).collect::<Vec<_>>(), ["Please tick to confirm"]);

            let (_, ticked) = settle(&v, &Value::Null, json!({"consent": true}), &none);
            assert_eq!(ticked, json!({"consent": true}));
            assert!(spec.validate(&v, &ticked).is_empty());
        }
    }
}

#[test]
fn only_a_branch_discriminator_is_set_without_asking() {
    let v = validator(json!({
        "type": "object",
        "properties": {
            "version": {"title": "ฉบับแบบฟอร์ม", "const": "2569.1"},
            "secret": {"type": "string", "default": "x"}
        },
        "oneOf": [
            {"title": "บุคคลธรรมดา", "properties": {"kind": {"const": "person"}, "consent": {"title": "ยินยอม", "const": true}}, "required": ["kind", "consent"]},
            {"title": "นิติบุคคล", "properties": {"kind": {"const": "company"}}, "required": ["kind"]}
        ]
    }));
    let ui = json!({"secret": {"ui:widget": "hidden"}, "version": {"ui:widget": "hidden"}});
    let none = Selections::default();
    let (spec, data) = settle(&v, &ui, json!({}), &none);
    let version = spec.field(&at("/version")).unwrap();
    assert_eq!(version.widget, Widget::Text { kind: TextKind::Plain, max_length: None }, "a fixed value is shown, even if the UI schema hides it");
    assert!(version.read_only && !version.required);
    assert_eq!(spec.field(&at("/kind")).unwrap().widget, Widget::Fixed(json!("person")));
    assert_eq!(spec.field(&at("/consent")).unwrap().widget, Widget::Checkbox, "a const: true in a branch is still a declaration");
    assert_eq!(spec.field(&at("/secret")).unwrap().widget, Widget::Hidden);
    assert_eq!(spec.initial_data(), json!({"version": "2569.1", "kind": "person"}), "no hidden default, no ticked box");
    assert_eq!(data, json!({"version": "2569.1", "kind": "person"}));
    let (_, kept) = settle(&v, &ui, json!({"secret": "from the page"}), &none);
    assert_eq!(kept["secret"], json!("from the page"), "a value the page put in stays");
}

#[test]
fn a_title_comes_through_refs_then_from_the_ui_schema_else_the_key_is_flagged() {
    let v = validator(json!({
        "type": "object",
        "$defs": {
            "person": {"$ref": "#/$defs/human"},
            "human": {"title": "บุคคล", "x-title-en": "Person", "type": "object", "properties": {"name": {"type": "string", "title": "ชื่อ"}}},
            "address": {"type": "object", "properties": {"moo": {"type": "string"}}},
            "office": {"$ref": "#/$defs/branch", "title": "สำนักงาน"},
            "branch": {"title": "สาขา", "type": "object"}
        },
        "properties": {
            "person": {"$ref": "#/$defs/person"},
            "office": {"$ref": "#/$defs/office"},
            "home": {"$ref": "#/$defs/address"},
            "work": {"$ref": "#/$defs/address"},
            "owners": {"title": "เจ้าของ", "type": "array", "items": {"type": "string", "pattern": "^[ก-๙]+$"}}
        }
    }));
    let ui = json!({"home": {"ui:title": {"th": "ที่อยู่บ้าน", "en": "Home address"}, "moo": {"ui:title": "หมู่"}}});
    let (spec, _) = settle(&v, &ui, json!({"owners": ["x"]}), &Selections::default());
    let label = |p: &str, lang| spec.field(&at(p)).unwrap().label.get(lang).to_owned();
    assert_eq!(label("/person", Lang::Th), "บุคคล", "through a chain of two $refs");
    assert_eq!(label("/person", Lang::En), "Person");
    assert_eq!(label("/office", Lang::Th), "สำนักงาน", "the nearer title wins");
    assert_eq!(label("/home", Lang::En), "Home address");
    assert_eq!(label("/home/moo", Lang::Th), "หมู่");
    assert!(!spec.field(&at("/person")).unwrap().label_is_key);
    assert!(spec.field(&at("/work")).unwrap().label_is_key);
    assert_eq!(spec.untitled(), [at("/work"), at("/work/moo")], "list items are numbered, not flagged");
    assert_eq!(spec.title(&at("/work"), Lang::Th), None);
    assert_eq!(spec.label(&at("/work"), Lang::Th).as_deref(), Some("work"));
    assert_eq!(spec.title(&at("/owners/0"), Lang::Th).as_deref(), Some("เจ้าของ 1"));
}

#[test]
fn messages_name_fields_by_title_and_patterns_give_an_example() {
    let v = validator(json!({
        "type": "object",
        "properties": {
            "has_staff": {"type": "boolean", "title": "มีลูกจ้าง", "x-title-en": "Has employees"},
            "staff_count": {"type": "integer", "title": "จำนวนลูกจ้าง"},
            "untitled": {"type": "string"},
            "other": {"type": "string"},
            "book_no": {"type": "string", "title": "เลขที่หนังสือ", "pattern": "^[0-9]+/[0-9]{4}$", "examples": ["123/2569"]},
            "postcode": {"type": "string", "description": "5 หลัก", "x-description-en": "5 digits", "pattern": "^[0-9]{5}$"},
            "plain": {"type": "string", "pattern": "^a$"}
        },
        "dependentRequired": {"has_staff": ["staff_count"], "untitled": ["other"]},
        "additionalProperties": false
    }));
    let data = json!({"has_staff": true, "untitled": "x", "book_no": "123", "postcode": "1", "plain": "b", "c": 1});
    let (spec, pruned) = settle(&v, &Value::Null, data.clone(), &Selections::default());
    assert_eq!(spec.field(&at("/book_no")).unwrap().example.as_deref(), Some("123/2569"));
    let lines = |lang| v.validate(&data).iter().map(|e| e.line_in(lang, &spec)).collect::<Vec<_>>();
    assert_eq!(lines(Lang::Th), [
        "/staff_count: กรุณากรอกช่องนี้ เพราะได้กรอก “มีลูกจ้าง” แล้ว",
        "/other: กรุณากรอกช่องนี้ เพราะได้กรอก “untitled” แล้ว",
        "/book_no: รูปแบบไม่ถูกต้อง เช่น 123/2569",
        "/postcode: รูปแบบไม่ถูกต้อง (5 หลัก)",
        "/plain: รูปแบบไม่ถูกต้อง",
        "/c: ไม่มีช่อง “c” ในแบบฟอร์มนี้",
    ]);
    assert_eq!(lines(Lang::En), [
        "/staff_count: This field is required because “Has employees” is filled in",
        "/other: This field is required because “untitled” is filled in",
        "/book_no: Not in the expected form, e.g. 123/2569",
        "/postcode: Not in the expected form (5 digits)",
        "/plain: Not in the expected form",
        "/c: This form has no field “c”",
    ]);
    let errors = spec.validate(&v, &pruned);
    let e = errors.iter().find(|e| e.field() == at("/staff_count")).unwrap();
    assert_eq!(e.titled_line(Lang::Th, &spec), "จำนวนลูกจ้าง (/staff_count): กรุณากรอกช่องนี้ เพราะได้กรอก “มีลูกจ้าง” แล้ว");
}
