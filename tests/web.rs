//! The form in a real browser (headless Chromium via wasm-bindgen-test):
//! what the citizen sees when typing, leaving a field and submitting.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::schema::PatternEngine;
use eservice_core::Lang;
use eservice_web::loaded_form::{FormLoadError, LoadedForm};
use eservice_web::regexp::BrowserRegex;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const SCHEMA: &str = include_str!("../assets/forms/commerce-registration/schema.json");
const UI: &str = include_str!("../assets/forms/commerce-registration/ui.json");
const COMMON: &str = include_str!("../assets/forms/common/defs.json");

fn commerce() -> Rc<LoadedForm> {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let ui: Value = serde_json::from_str(UI).unwrap();
    let base = eservice_core::schema::Uri::parse("https://kit.test/forms/commerce-registration/schema.json");
    let common = ("https://kit.test/forms/common/defs.json".to_owned(), serde_json::from_str(COMMON).unwrap());
    let form = LoadedForm::build(FormId::parse("commerce-registration").unwrap(), schema, &ui, &base, &[common]).unwrap();
    Rc::new(form)
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The form as the app draws it, into an element of the test page.
async fn mount(lang: Lang, form: Rc<LoadedForm>) -> (Element, Submitted) {
    mount_with(lang, form, None).await
}

/// What the form submitted, once it has.
struct Submitted(usize);

impl Submitted {
    fn data(&self) -> Option<Value> {
        eservice_web::app::submitted(self.0)
    }
}

async fn mount_with(lang: Lang, form: Rc<LoadedForm>, start: Option<Value>) -> (Element, Submitted) {
    // One form on the page at a time, as ids are unique within a page.
    if let Ok(earlier) = document().query_selector_all(".test-root") {
        for i in 0..earlier.length() {
            earlier.get(i).unwrap().unchecked_into::<Element>().remove();
        }
    }
    let root = document().create_element("div").unwrap();
    root.set_class_name("test-root");
    root.set_attribute("lang", lang.tag()).unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let form = Rc::try_unwrap(form).unwrap_or_else(|_| panic!("one owner"));
    let app = eservice_web::app::mount_loaded(root.clone(), root.clone(), form, start);
    settle().await;
    (root, Submitted(app))
}

/// Lets tasks the page started run, and Yew draw what they changed.
async fn settle() {
    yew::scheduler::flush().await;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await.unwrap();
    yew::scheduler::flush().await;
}

fn input(root: &Element, id: &str) -> HtmlInputElement {
    root.query_selector(&format!("#{id}")).unwrap().unwrap_or_else(|| panic!("no #{id}")).unchecked_into()
}

async fn type_and_leave(root: &Element, id: &str, text: &str) {
    let el = input(root, id);
    el.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    settle().await;
    el.dispatch_event(&web_sys::FocusEvent::new("blur").unwrap()).unwrap();
    settle().await;
}

async fn choose(root: &Element, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = root.query_selector(selector).unwrap().unwrap().unchecked_into();
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    settle().await;
}

fn text_of(root: &Element, selector: &str) -> Option<String> {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content())
}

async fn submit(root: &Element) {
    let form: web_sys::HtmlFormElement = root.query_selector("form").unwrap().unwrap().unchecked_into();
    form.request_submit().unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn a_wrong_citizen_id_gets_a_thai_message_when_the_field_is_left() {
    let (root, _) = mount(Lang::Th, commerce()).await;
    let id = "f-applicant-citizen_id";
    assert_eq!(text_of(&root, &format!("#{id}-error")), None, "no error before the field is touched");

    type_and_leave(&root, id, "1101700207031").await;
    let msg = text_of(&root, &format!("#{id}-error")).expect("error shown after blur");
    assert!(msg.contains("เลขประจำตัวประชาชนไม่ถูกต้อง"), "{msg}");
    let el = input(&root, id);
    assert_eq!(el.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(el.get_attribute("aria-describedby").unwrap().contains(&format!("{id}-error")));

    type_and_leave(&root, id, "1101700207030").await;
    assert_eq!(text_of(&root, &format!("#{id}-error")), None);
    assert_eq!(input(&root, id).get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn english_messages_when_english_is_chosen() {
    let (root, _) = mount(Lang::En, commerce()).await;
    type_and_leave(&root, "f-applicant-citizen_id", "123").await;
    assert_eq!(
        text_of(&root, "#f-applicant-citizen_id-error").as_deref(),
        Some("A citizen ID has 13 digits (you entered 3)")
    );
    let label = text_of(&root, "label[for=f-applicant-first_name]").unwrap();
    assert!(label.starts_with("First name"), "{label}");
}

#[wasm_bindgen_test]
async fn submitting_an_empty_form_lists_errors_and_focuses_the_first() {
    let (root, submitted) = mount(Lang::Th, commerce()).await;
    submit(&root).await;
    assert!(submitted.data().is_none());
    let summary = text_of(&root, ".error-summary").expect("error summary");
    assert!(summary.contains("กรุณาแก้ไขข้อมูลต่อไปนี้"));
    assert!(summary.contains("คำนำหน้าชื่อ: กรุณากรอกช่องนี้"), "{summary}");
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "f-applicant-prefix", "focus goes to the first field in error");
}

#[wasm_bindgen_test]
async fn a_complete_form_submits_the_typed_data() {
    // Evidence as the worker leaves it: manifest entries (attaching is tested end to end).
    let evidence = json!({
        "id_card": [{"name": "id.pdf", "mediaType": "application/pdf", "size": 45, "sha256": "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff"}],
        "house_registration": [{"name": "house.pdf", "mediaType": "application/pdf", "size": 45, "sha256": "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff"}]
    });
    // …and the files themselves, held on the page: a file the page does not
    // hold stops the form (it would be missing from the package).
    let bytes = js_sys::Array::of1(&js_sys::Uint8Array::from(&b"%PDF-1.4 the same 45 bytes for both files %%EOF"[..]));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&bytes).unwrap();
    eservice_web::evidence_client::keep("5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff", blob);
    let (root, submitted) = mount_with(Lang::Th, commerce(), Some(json!({ "evidence": evidence.clone() }))).await;
    let click = |sel: &str| {
        let el: web_sys::HtmlElement = root.query_selector(sel).unwrap().unwrap().unchecked_into();
        el.click();
    };
    click("#f-applicant-prefix-0");
    settle().await;
    for (id, v) in [
        ("f-applicant-first_name", "สมชาย"),
        ("f-applicant-last_name", "ใจดี"),
        ("f-applicant-citizen_id", "1101700207030"),
        ("f-applicant-phone", "0812345678"),
        ("f-business-trade_name", "ร้านสมชาย"),
        ("f-business-capital", "1,500,000"),
        ("f-address-house_no", "99/1"),
        ("f-address-subdistrict", "สีลม"),
        ("f-address-district", "บางรัก"),
        ("f-address-province", "กรุงเทพมหานคร"),
        ("f-address-postcode", "10500"),
    ] {
        type_and_leave(&root, id, v).await;
    }
    choose(&root, "#f-business-category", "retail").await;
    // The date is entered as day, month and a Buddhist Era year.
    choose(&root, "#f-business-start_date", "1").await;
    choose(&root, "#f-business-start_date-month", "11").await;
    type_and_leave(&root, "f-business-start_date-year", "2569").await;
    click("#f-declaration");
    settle().await;
    submit(&root).await;
    let data = submitted.data().expect("valid form submits");
    assert_eq!(data, json!({
        "applicant": {"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี", "citizen_id": "1101700207030",
                      "nationality": "ไทย", "phone": "0812345678"},
        "business": {"trade_name": "ร้านสมชาย", "category": "retail", "capital": 1500000,
                     "start_date": "2026-11-01", "has_website": false},
        "address": {"house_no": "99/1", "subdistrict": "สีลม", "district": "บางรัก",
                    "province": "กรุงเทพมหานคร", "postcode": "10500"},
        "evidence": evidence,
        "declaration": true
    }));
}

/// A choice between shapes, one with a nested object beside a sibling field.
fn applicant_choice() -> Rc<LoadedForm> {
    let schema = json!({
        "type": "object",
        "properties": {"applicant": {
            "title": "ผู้ยื่น", "type": "object",
            "oneOf": [
                {"title": "บุคคล", "properties": {
                    "kind": {"const": "person"},
                    "person": {"title": "ข้อมูลบุคคล", "type": "object", "properties": {"first_name": {"title": "ชื่อ", "type": "string"}}},
                    "mobile": {"title": "มือถือ", "type": "string"}
                }, "required": ["kind"]},
                {"title": "นิติบุคคล", "properties": {"kind": {"const": "company"}, "name": {"title": "ชื่อนิติบุคคล", "type": "string"}}, "required": ["kind"]}
            ]
        }}
    });
    Rc::new(LoadedForm::new(FormId::parse("choice").unwrap(), schema, &Value::Null).unwrap())
}

#[wasm_bindgen_test]
async fn the_field_tapped_inside_a_choice_keeps_its_element_and_focus() {
    let (root, _) = mount(Lang::Th, applicant_choice()).await;
    let first = input(&root, "f-applicant-person-first_name");
    first.focus().unwrap();
    first.set_value("มานี");
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    first.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    settle().await;
    // Tapping the sibling beside the nested object: the first field is left
    // (and the form redrawn) as focus moves.
    let mobile = input(&root, "f-applicant-mobile");
    mobile.focus().unwrap();
    settle().await;
    let now = input(&root, "f-applicant-mobile");
    assert!(now.is_same_node(Some(&mobile)), "the field tapped is still the element on the page");
    assert!(document().active_element().is_some_and(|a| a.is_same_node(Some(&mobile))), "and it has focus");
    mobile.set_value("0812345678");
    mobile.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    settle().await;
    assert!(input(&root, "f-applicant-mobile").is_same_node(Some(&mobile)));
    assert_eq!(input(&root, "f-applicant-person-first_name").value(), "มานี");
    assert_eq!(mobile.value(), "0812345678");
}

#[wasm_bindgen_test]
async fn an_error_moves_with_its_list_item() {
    let schema = json!({
        "type": "object",
        "properties": {"staff": {
            "title": "ลูกจ้าง", "type": "array",
            "items": {"type": "object", "required": ["name"], "properties": {"name": {"title": "ชื่อ", "type": "string", "minLength": 1}}}
        }}
    });
    let form = LoadedForm::new(FormId::parse("staff").unwrap(), schema, &Value::Null).unwrap();
    let (root, _) = mount_with(Lang::Th, Rc::new(form), Some(json!({"staff": [{}, {"name": "สมศรี"}]}))).await;
    type_and_leave(&root, "f-staff-0-name", "").await;
    assert!(text_of(&root, "#f-staff-0-name-error").is_some(), "the first item's empty name is called out");
    let down: web_sys::HtmlElement = root.query_selector("button[aria-label='เลื่อนลง: ลูกจ้าง 1']").unwrap().unwrap().unchecked_into();
    down.click();
    settle().await;
    assert_eq!(input(&root, "f-staff-0-name").value(), "สมศรี");
    assert!(text_of(&root, "#f-staff-0-name-error").is_none(), "the item now first was never left empty");
    assert!(text_of(&root, "#f-staff-1-name-error").is_some(), "the error went down with its item");
}

#[wasm_bindgen_test]
async fn schema_text_is_never_html() {
    let schema = json!({
        "title": "<img src=x onerror=\"window.__pwned=1\">",
        "type": "object",
        "properties": {
            "a": {"title": "<script>window.__pwned=1</script>", "enum": ["<b>bold</b>"]}
        }
    });
    let form = LoadedForm::new(FormId::parse("x").unwrap(), schema, &Value::Null).unwrap();
    let (root, _) = mount(Lang::Th, Rc::new(form)).await;
    assert!(root.query_selector("img, script, b").unwrap().is_none());
    assert!(root.text_content().unwrap().contains("<script>window.__pwned=1</script>"));
}

#[wasm_bindgen_test]
fn a_bad_pattern_is_a_schema_error_naming_the_pointer() {
    let schema = json!({"properties": {"a": {"type": "string", "pattern": "(["}}});
    let err = LoadedForm::new(FormId::parse("x").unwrap(), schema, &Value::Null).unwrap_err();
    let FormLoadError::Schema { file, error } = &err else { panic!("{err:?}") };
    assert_eq!(file, "forms/x/schema.json");
    assert_eq!(error.at.to_string(), "/properties/a/pattern");
    assert!(err.message(Lang::Th).contains("forms/x/schema.json"));
}

#[wasm_bindgen_test]
fn the_browser_regex_has_ecma_semantics() {
    let re = BrowserRegex::default();
    assert_eq!(re.is_match("^[1-9][0-9]{4}$", "10500"), Ok(true));
    assert_eq!(re.is_match("^\\d+$", "๑๒"), Ok(false));
    assert_eq!(re.is_match("\\p{Script=Thai}", "ก"), Ok(true));
    assert!(re.is_match("(", "").is_err());
}

/// Issue 15: a near match on a pattern with nested quantifiers froze the
/// tab (1.2 s on 26 characters). The validator runs it in linear time.
#[wasm_bindgen_test]
fn nested_quantifiers_are_judged_at_once_in_the_browser() {
    use eservice_core::schema::Validator;
    let now = || js_sys::Date::now();
    let schema = json!({"properties": {
        "code": {"type": "string", "pattern": "^(a+)+$"},
        "name": {"type": "string", "pattern": "^([ก-๙]+\\s?)+$"}
    }});
    let v = Validator::new(schema, Box::new(BrowserRegex::default())).unwrap();
    let data = json!({"code": format!("{}!", "a".repeat(40)), "name": format!("{}!", "สมชาย".repeat(8))});
    let started = now();
    assert_eq!(v.validate(&data).len(), 2);
    assert!(now() - started < 100.0, "{} ms", now() - started);
    assert!(v.is_valid(&json!({"code": "aaaa", "name": "สมชาย ใจดี"})));
    // Lookahead needs RegExp: run when its steps are bounded, refused when not.
    let v = Validator::new(json!({"pattern": "^(?=a)(a+)+$"}), Box::new(BrowserRegex::default())).unwrap();
    let started = now();
    let errors = v.validate(&json!(format!("{}!", "a".repeat(40))));
    assert!(now() - started < 100.0, "{} ms", now() - started);
    assert_eq!(errors[0].message(Lang::En), "Checking this field's pattern took too long, so the value is refused");
    assert!(v.is_valid(&json!("aaa")));
}

/// What the kit's own virtual DOM was once trusted with, now Yew's:
/// elements kept, focus and caret kept, one field redrawn.
mod drawing {
    use super::*;

    fn staff() -> Rc<LoadedForm> {
        let schema = json!({"type": "object", "properties": {
            "staff": {"title": "ลูกจ้าง", "type": "array", "items": {"type": "object", "properties": {"name": {"title": "ชื่อ", "type": "string"}}}},
            "note": {"title": "หมายเหตุ", "type": "string", "maxLength": 3},
            "other": {"title": "อื่น ๆ", "type": "string"}
        }});
        Rc::new(LoadedForm::new(FormId::parse("staff").unwrap(), schema, &Value::Null).unwrap())
    }

    fn type_text(el: &HtmlInputElement, text: &str) {
        el.set_value(text);
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        el.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_field_keeps_its_element_and_focus_when_siblings_come() {
        let (root, _) = mount_with(Lang::Th, staff(), Some(json!({"staff": [{"name": "สมศรี"}]}))).await;
        let first = input(&root, "f-staff-0-name");
        first.focus().unwrap();
        let add: web_sys::HtmlElement = root.query_selector(".add-item").unwrap().unwrap().unchecked_into();
        add.click();
        settle().await;
        add.click();
        settle().await;
        assert!(root.query_selector("#f-staff-2-name").unwrap().is_some(), "two items came");
        assert!(input(&root, "f-staff-0-name").is_same_node(Some(&first)), "the first item's input is the same element");
        first.focus().unwrap();
        type_text(&first, "สมศรี ดี");
        settle().await;
        assert!(document().active_element().is_some_and(|a| a.is_same_node(Some(&first))), "and keeps focus");
    }

    #[wasm_bindgen_test]
    async fn focus_follows_a_list_item_moved_by_its_buttons() {
        let start = json!({"staff": [{"name": "ก"}, {"name": "ข"}, {"name": "ค"}]});
        let (root, _) = mount_with(Lang::Th, staff(), Some(start)).await;
        let press = |id: &str| {
            let b: web_sys::HtmlElement = root.query_selector(&format!("#{id}")).unwrap().unwrap_or_else(|| panic!("no #{id}")).unchecked_into();
            b.focus().unwrap();
            b.click();
        };
        let focused = || document().active_element().map(|a| a.id()).unwrap_or_default();
        press("f-staff-0-item-down");
        settle().await;
        assert_eq!(input(&root, "f-staff-1-name").value(), "ก");
        assert_eq!(focused(), "f-staff-1-item-down", "the moved item's button keeps focus");
        press("f-staff-1-item-down");
        settle().await;
        assert_eq!(input(&root, "f-staff-2-name").value(), "ก");
        assert_eq!(focused(), "f-staff-2-item-up", "at the end, the button that still moves it");
        press("f-staff-2-item-up");
        settle().await;
        assert_eq!(input(&root, "f-staff-1-name").value(), "ก");
        assert_eq!(focused(), "f-staff-1-item-up");
    }

    #[wasm_bindgen_test]
    async fn the_caret_stays_where_the_citizen_typed() {
        let (root, _) = mount(Lang::Th, staff()).await;
        let note = input(&root, "f-note");
        note.focus().unwrap();
        type_text(&note, "a");
        settle().await;
        note.set_selection_range(1, 1).unwrap();
        type_text(&note, "aX");
        note.set_selection_range(2, 2).unwrap();
        settle().await;
        assert_eq!(note.value(), "aX");
        assert_eq!(note.selection_start().unwrap(), Some(2), "redrawing did not move the caret");
    }

    #[wasm_bindgen_test]
    async fn typing_in_one_field_redraws_that_field_alone() {
        let (root, _) = mount_with(Lang::Th, staff(), Some(json!({"staff": [{"name": "สมศรี"}], "other": "x"}))).await;
        let note = input(&root, "f-note");
        let seen = js_sys::Array::new();
        let keep = {
            let seen = seen.clone();
            wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(move |records: js_sys::Array| {
                records.for_each(&mut |r, _, _| {
                    seen.push(&r);
                });
            })
        };
        let observer = web_sys::MutationObserver::new(keep.as_ref().unchecked_ref()).unwrap();
        let opts = web_sys::MutationObserverInit::new();
        opts.set_subtree(true);
        opts.set_child_list(true);
        opts.set_attributes(true);
        opts.set_character_data(true);
        observer.observe_with_options(&root, &opts).unwrap();
        type_text(&note, "ใกล้ตลาด");
        settle().await;
        note.dispatch_event(&web_sys::FocusEvent::new("blur").unwrap()).unwrap();
        settle().await;
        let records = seen.concat(&observer.take_records());
        observer.disconnect();
        assert!(records.length() > 0, "leaving the field drew its error");
        let field = note.closest(".field").unwrap().unwrap();
        for r in records.iter() {
            let r: web_sys::MutationRecord = r.unchecked_into();
            let target = r.target().unwrap();
            assert!(field.contains(Some(&target)), "only the typed field changed, not {:?}", target.node_name());
        }
        assert_eq!(input(&root, "f-other").value(), "x");
    }
}

mod bundles {
    use eservice_web::bundles::{Bundle, Mount, PermitPage};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn every_mount_reaches_its_bundle_as_it_was_sent() {
        let files = js_sys::Array::of1(&JsValue::from_str("a file"));
        let all = [
            (Mount::Verify, Bundle::Verify),
            (Mount::Permit(PermitPage::Register), Bundle::Permits),
            (Mount::Permit(PermitPage::Sign), Bundle::Permits),
            (Mount::Permit(PermitPage::Inbox), Bundle::Permits),
            (Mount::Design, Bundle::Design),
            (Mount::Submitted { form: "commerce-registration".into(), data: "{\"a\":1}".into(), files: files.clone() }, Bundle::Submit),
            (Mount::Sent, Bundle::Submit),
        ];
        for (m, b) in all {
            assert_eq!(m.bundle(), b);
            assert_eq!(Mount::from_js(&m.to_js()), Some(m));
        }
        // The files are the very objects handed over, not copies.
        let Some(Mount::Submitted { files: got, .. }) = Mount::from_js(&Mount::Submitted { form: "f".into(), data: "{}".into(), files: files.clone() }.to_js()) else { panic!("a submitted mount") };
        assert!(JsValue::from(got) == JsValue::from(files));
    }

    #[wasm_bindgen_test]
    fn anything_else_is_no_mount() {
        let o = js_sys::Object::new();
        assert_eq!(Mount::from_js(&o.clone().into()), None);
        js_sys::Reflect::set(&o, &"page".into(), &"elsewhere".into()).unwrap();
        assert_eq!(Mount::from_js(&o.clone().into()), None);
        js_sys::Reflect::set(&o, &"page".into(), &"submitted".into()).unwrap();
        assert_eq!(Mount::from_js(&o.into()), None, "a submitted mount without its form and data");
        assert_eq!(Mount::from_js(&JsValue::from_str("verify")), None);
    }
}

/// A file the draft names but the page does not hold (not back from the
/// device yet, or lost) stops the form, named, before anything is built.
#[wasm_bindgen_test]
async fn a_file_the_page_does_not_hold_stops_the_form_by_name() {
    let evidence = json!({
        "id_card": [{"name": "ไม่อยู่ในเครื่อง.pdf", "mediaType": "application/pdf", "size": 45, "sha256": "0000000000000000000000000000000000000000000000000000000000000001"}]
    });
    let (root, submitted) = mount_with(Lang::Th, commerce(), Some(json!({ "evidence": evidence }))).await;
    submit(&root).await;
    assert!(submitted.data().is_none());
    let summary = text_of(&root, ".error-summary").expect("error summary");
    assert!(summary.contains("ไม่อยู่ในเครื่อง.pdf: "), "{summary}");
}

/// A package larger than the device can hold twice (the package and its
/// sealed copy) is refused before a byte of it is read, naming both sizes;
/// one within the limit is sealed, and opens with the agency's key.
#[wasm_bindgen_test]
async fn a_package_too_large_to_seal_is_refused_before_it_is_read() {
    use eservice_core::seal::{Identity, Opener};
    use eservice_web::worker::package::seal_within;
    const MB: usize = 1 << 20;
    let agency = Identity::generate(&mut |b: &mut [u8]| b.fill(7));
    let to = [agency.recipient()];
    let blob = |mb: usize| {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(vec![0x5a; mb * MB].as_slice()));
        web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap()
    };

    let refused = seal_within(&blob(5), &to, (4 * MB) as f64).await.expect_err("a 5 MB package over a 4 MB limit");
    let (th, en) = (refused["error"]["th"].as_str().unwrap(), refused["error"]["en"].as_str().unwrap());
    assert!(th.contains("(5 MB)") && th.contains("ไม่เกิน 4 MB") && th.contains("ยังไม่ได้ส่ง"), "{th}");
    assert!(en.contains("(5 MB)") && en.contains("at most 4 MB") && en.contains("nothing was sent"), "{en}");

    let (sealed, sha) = seal_within(&blob(3), &to, (4 * MB) as f64).await.expect("a 3 MB package within the limit");
    let bytes = js_sys::Uint8Array::new(&wasm_bindgen_futures::JsFuture::from(sealed.array_buffer()).await.unwrap()).to_vec();
    assert_eq!(sha.len(), 64);
    let (opener, header) = Opener::with_identity(&bytes, &agency).expect("the agency's key opens it");
    let plain = opener.whole(&bytes[header..]).expect("intact");
    assert_eq!(plain.len(), 3 * MB);
    assert!(plain.iter().all(|&b| b == 0x5a));
}
