use eservice_base::{Lang, LocalText};
use eservice_forms::catalog::Catalog;
use eservice_forms::form::{FormSpec, Selections};
use eservice_forms::schema::{RegressEngine, Validator};
use serde_json::{json, Value};

use crate::check::What;
use crate::*;
use crate::design;

const DEFS: &str = include_str!("../../../assets/forms/common/defs.json");

use crate::example::{food_shop, key, q, t};

fn defs() -> Value {
    serde_json::from_str(DEFS).unwrap()
}

fn validator(saved: &Saved) -> Validator {
    Validator::builder(saved.schema.clone())
        .base("https://kit.invalid/forms/food-shop/schema.json")
        .document("https://kit.invalid/forms/common/defs.json", defs())
        .build(Box::new(RegressEngine::default()))
        .unwrap()
}

fn photo() -> Value {
    json!({"name": "shop.jpg", "mediaType": "image/jpeg", "size": 1000, "sha256": "a".repeat(64)})
}

fn faulted(v: &Validator, data: &Value) -> Vec<String> {
    let mut at: Vec<String> = v.validate(data).iter().map(|e| e.field().to_string()).collect();
    at.sort();
    at.dedup();
    at
}

#[test]
fn keys_are_made_from_titles_ascii_and_unique() {
    assert_eq!(Key::from_title("Floor area (m²)", "พื้นที่", &[]).as_str(), "floor_area_m");
    assert_eq!(Key::from_title("", "พื้นที่", &[]).as_str(), "question");
    let taken = [key("question"), key("question_2")];
    assert_eq!(Key::from_title("", "ชื่อ", &taken).as_str(), "question_3");
    assert_eq!(Key::from_title("2nd phone", "", &[]).as_str(), "q_2nd_phone");
    let long = Key::from_title("A very long title that goes on and on and on", "", &[]);
    assert!(long.as_str().len() <= Key::MAX && Key::parse(long.as_str()).is_some(), "{long}");
    for bad in ["", "Name", "1a", "a-b", "ชื่อ"] {
        assert!(Key::parse(bad).is_none(), "{bad}");
    }
}

#[test]
fn a_title_edited_later_keeps_the_key_and_so_the_data() {
    let mut d = food_shop();
    let before = d.save(&defs(), Box::new(RegressEngine::default())).unwrap();
    d.questions[0].title = t("ผู้ยื่นคำขอเป็น", "Who is applying");
    let after = d.save(&defs(), Box::new(RegressEngine::default())).unwrap();
    assert_eq!(before.schema["properties"]["applicant_type"]["enum"], after.schema["properties"]["applicant_type"]["enum"]);
    assert_eq!(after.schema["properties"]["applicant_type"]["x-title-en"], "Who is applying");
}

#[test]
fn the_saved_schema_accepts_and_refuses_as_the_clerk_designed() {
    let saved = food_shop().save(&defs(), Box::new(RegressEngine::default())).unwrap();
    let v = validator(&saved);
    let person = json!({
        "applicant_type": "person", "citizen_id": "1101700207030",
        "shop": {"name": "ร้านป้าแดง", "area": 150},
        "photos": [photo()], "declaration": true
    });
    assert_eq!(faulted(&v, &person), Vec::<String>::new());
    // Above 200 m², the fire-safety question is asked, and required.
    let mut big = person.clone();
    big["shop"]["area"] = json!(250);
    assert_eq!(faulted(&v, &big), ["/shop/fire_exits"]);
    big["shop"]["fire_exits"] = json!(2);
    assert_eq!(faulted(&v, &big), Vec::<String>::new());
    // A company names itself; a person's ID is checked.
    let company = json!({"applicant_type": "company", "shop": {"name": "ก", "area": 10}, "photos": [photo()], "declaration": true});
    assert_eq!(faulted(&v, &company), ["/company_name"]);
    let mut bad_id = person.clone();
    bad_id["citizen_id"] = json!("1101700207031");
    assert_eq!(faulted(&v, &bad_id), ["/citizen_id"]);
    let mut unticked = person;
    unticked["declaration"] = json!(false);
    unticked["photos"] = json!([]);
    assert_eq!(faulted(&v, &unticked), ["/declaration", "/photos"]);
}

#[test]
fn the_renderer_draws_the_saved_form_with_its_condition_steps_and_widgets() {
    let saved = food_shop().save(&defs(), Box::new(RegressEngine::default())).unwrap();
    let v = validator(&saved);
    let leaves = |data: &Value| -> Vec<String> {
        FormSpec::new(&v, &saved.ui, data, &Selections::default()).leaves().iter().map(|f| f.pointer.to_string()).collect()
    };
    let small = leaves(&json!({"shop": {"area": 100}}));
    assert!(!small.contains(&"/shop/fire_exits".to_owned()), "{small:?}");
    let big = leaves(&json!({"shop": {"area": 250}}));
    let area = big.iter().position(|p| p == "/shop/area").unwrap();
    assert_eq!(big.get(area + 1).map(String::as_str), Some("/shop/fire_exits"), "right after its trigger: {big:?}");
    let spec = FormSpec::new(&v, &saved.ui, &json!({}), &Selections::default());
    assert_eq!(spec.steps.len(), 3);
    assert_eq!(spec.title.get(Lang::En), "Food shop licence");
    let photos = spec.leaves().into_iter().find(|f| f.pointer.to_string() == "/photos").cloned();
    assert!(matches!(photos.map(|f| f.widget), Some(eservice_forms::form::Widget::Evidence { .. })));
    assert_eq!(saved.ui["ui:draftDays"], 14);
    assert_eq!(saved.ui["applicant_type"]["ui:widget"], "radio");
}

#[test]
fn the_index_entry_is_one_the_catalog_reads() {
    let saved = food_shop().save(&defs(), Box::new(RegressEngine::default())).unwrap();
    let catalog = Catalog::from_json(&json!({ "forms": [saved.entry] }));
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    assert_eq!(catalog.entries.len(), 1);
    assert_eq!(catalog.entries[0].id.to_string(), "food-shop");
}

#[test]
fn each_bad_input_is_named_before_saving() {
    let mut d = food_shop();
    d.service.channel = Channel::Email("saraban at example".into());
    d.service.fee = Some(Fee { biller_id: "0994000161803".into(), amount: "fifty".into() });
    d.questions[2].key = key("citizen_id");
    d.questions[0].kind = Kind::Single { options: Vec::new(), list: true };
    if let Kind::Section { questions } = &mut d.questions[3].kind {
        questions[1].kind = Kind::ShortText { max_length: None, pattern: Some("([".into()) };
        questions.push(q("seats", "จำนวนที่นั่ง", "Seats", Kind::Number { min: Some(10.0), max: Some(5.0), integer: true }));
    }
    let whats: Vec<What> = d.problems(&RegressEngine::default()).into_iter().map(|p| p.what).collect();
    assert!(whats.contains(&What::NotAnEmail("saraban at example".into())), "{whats:?}");
    assert!(whats.contains(&What::BillerId("0994000161803".into())));
    assert!(whats.contains(&What::Amount("fifty".into())));
    assert!(whats.contains(&What::SameKey));
    assert!(whats.contains(&What::NoOptions));
    assert!(whats.contains(&What::MinAboveMax));
    assert!(whats.iter().any(|w| matches!(w, What::BadPattern(_))));
    // The area became text: "more than 200" can no longer be asked of it.
    assert!(whats.contains(&What::ConditionCannotAsk(key("area"))));
    assert!(d.save(&defs(), Box::new(RegressEngine::default())).is_err(), "a design with a problem is never saved");

    let mut gone = food_shop();
    gone.questions.remove(0);
    gone.steps[0].questions.remove(0);
    let problems = gone.problems(&RegressEngine::default());
    let message = problems.iter().find(|p| p.what == What::ConditionOnMissing(key("applicant_type"))).map(|p| p.message(Lang::Th)).unwrap();
    assert!(message.contains("เลขประจำตัวประชาชน") && message.contains("applicant_type"), "{message}");
    assert!(problems.iter().any(|p| p.message(Lang::En).starts_with("Question “ชื่อนิติบุคคล” (company_name)")));

    let mut unstepped = food_shop();
    unstepped.steps[2].questions.pop();
    assert!(unstepped.problems(&RegressEngine::default()).iter().any(|p| p.what == What::StepCount(key("declaration"), 0)));
}

#[test]
fn every_kind_a_clerk_picks_is_made_and_named() {
    for (name, _, _) in design::KINDS {
        assert_eq!(Kind::blank(name).map(|k| k.name()), Some(name));
    }
    assert!(Kind::blank("html").is_none());
}

#[test]
fn keys_follow_titles_until_saved_and_conditions_follow_keys() {
    let mut d = Design::blank("shop");
    d.questions.push(Question::new(Kind::blank("number").unwrap(), &[]));
    let taken = [d.questions[0].key.clone()];
    d.questions.push(Question::new(Kind::blank("number").unwrap(), &taken));
    assert_ne!(d.questions[0].key, d.questions[1].key);
    d.questions[1].show_when = Some(Condition { on: d.questions[0].key.clone(), test: Test::MoreThan(200.0) });
    d.questions[0].title = t("พื้นที่", "Floor area");
    d.questions[1].title = t("ทางหนีไฟ", "Fire exits");
    d.key_from_titles();
    assert_eq!(d.questions[0].key.as_str(), "floor_area");
    assert_eq!(d.questions[1].key.as_str(), "fire_exits");
    assert_eq!(d.questions[1].show_when.as_ref().map(|c| c.on.as_str()), Some("floor_area"));
}

#[test]
fn questions_inside_sections_are_reached_by_path_and_keyed_from_titles() {
    let mut d = food_shop();
    let shop = d.questions.iter().position(|q| q.key.as_str() == "shop").unwrap();
    let area = d.question_at(&[shop, 1]).unwrap();
    assert_eq!(area.key.as_str(), "area");
    area.title = t("พื้นที่", "Floor area");
    d.key_from_titles();
    let inner = d.question_at(&[shop, 1]).unwrap().key.clone();
    assert_eq!(inner.as_str(), "floor_area");
    let fire = d.question_at(&[shop, 2]).unwrap();
    assert_eq!(fire.show_when.as_ref().map(|c| c.on.clone()), Some(inner), "the condition beside it follows");
    assert_eq!(d.list_at(&[shop, 0]).map(|l| l.len()), Some(3));
    assert!(d.question_at(&[shop, 7]).is_none() && d.question_at(&[]).is_none());
    assert!(d.question_at(&[0, 0]).is_none(), "a choice has no questions inside");
}

#[test]
fn steps_are_made_by_number_and_questions_put_on_them_in_form_order() {
    let mut d = food_shop();
    d.steps.clear();
    d.set_step_count(3);
    assert_eq!(d.steps.len(), 3);
    assert_eq!(d.steps[1].title.get(Lang::En), "Step 2");
    assert_eq!(d.steps[0].questions.len(), d.questions.len(), "a new wizard starts with all on the first step");
    d.put_on_step(&key("declaration"), 2);
    d.put_on_step(&key("photos"), 2);
    assert_eq!(d.steps[2].questions, [key("photos"), key("declaration")], "in the form's order");
    assert_eq!(d.step_of(&key("photos")), Some(2));
    d.set_step_count(2);
    assert_eq!(d.step_of(&key("photos")), Some(1), "off a step taken away, onto the last one left");
    assert!(d.problems(&RegressEngine::default()).iter().all(|p| !matches!(p.what, What::StepCount(..))), "{:?}", d.problems(&RegressEngine::default()));
    d.questions.retain(|q| q.key.as_str() != "staff");
    d.questions.push(Question::new(Kind::Date, &[]));
    d.tidy_steps();
    assert!(d.problems(&RegressEngine::default()).iter().all(|p| !matches!(p.what, What::StepCount(..) | What::UnknownInStep(_))), "{:?}", d.problems(&RegressEngine::default()));
    assert_eq!(d.step_of(&key("question")), Some(1), "a new question goes on the last step");
    d.set_step_count(0);
    assert!(d.steps.is_empty());
}

#[test]
fn a_design_is_kept_as_json_and_read_back_the_same() {
    let d = food_shop();
    let text = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Design>(&text).unwrap(), d);
    let bad = text.replace("\"applicant_type\"", "\"Applicant Type\"");
    assert!(serde_json::from_str::<Design>(&bad).is_err(), "a key that is not one is refused");
}

#[test]
fn a_clerks_own_message_replaces_the_kits_for_each_check_of_the_question() {
    let mut d = food_shop();
    let shop = d.questions.iter().position(|q| q.key.as_str() == "shop").unwrap();
    let area = d.question_at(&[shop, 1]).unwrap();
    area.placeholder = t("เช่น 120", "e.g. 120");
    area.set_message(t("ใส่พื้นที่เป็นตารางเมตร", "Give the area in square metres"));
    assert_eq!(area.message().map(|m| m.get(Lang::En)), Some("Give the area in square metres"));
    let saved = d.save(&defs(), Box::new(RegressEngine::default())).unwrap();
    let ui = &saved.ui["shop"]["area"];
    assert_eq!(ui["ui:placeholder"]["th"], "เช่น 120");
    assert_eq!(ui["ui:errors"]["minimum"]["en"], "Give the area in square metres");
    assert_eq!(ui["ui:errors"]["required"]["th"], "ใส่พื้นที่เป็นตารางเมตร");
    // The renderer shows it for a wrong answer.
    let v = validator(&saved);
    let spec = FormSpec::new(&v, &saved.ui, &json!({}), &Selections::default());
    let field = spec.leaves().into_iter().find(|f| f.pointer.to_string() == "/shop/area").cloned().unwrap();
    assert_eq!(field.message_for("minimum").map(|m| m.get(Lang::Th)), Some("ใส่พื้นที่เป็นตารางเมตร"));
    d.question_at(&[shop, 1]).unwrap().set_message(LocalText::default());
    assert!(d.question_at(&[shop, 1]).unwrap().messages.is_empty());
}

#[test]
fn the_applicant_is_one_of_two_shapes_each_with_its_own_questions() {
    let mut d = food_shop();
    let mut applicant = q("applicant", "ผู้ขอ", "Applicant", Kind::blank("shapes").unwrap());
    if let Kind::Shapes { shapes } = &mut applicant.kind {
        assert_eq!(shapes.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(), ["person", "company"]);
        shapes[0].kind.children_mut().unwrap().push(q("citizen_id", "เลขประจำตัวประชาชน", "Citizen ID", Kind::CitizenId));
        shapes[1].kind.children_mut().unwrap().push(q("name", "ชื่อนิติบุคคล", "Company name", Kind::ShortText { max_length: None, pattern: None }));
    }
    // The shapes replace the choice and its two conditional questions.
    d.questions.drain(0..3);
    d.questions.insert(0, applicant);
    d.steps[0].questions = vec![key("applicant")];
    let saved = d.save(&defs(), Box::new(RegressEngine::default())).unwrap();
    let v = validator(&saved);
    let base = json!({"shop": {"name": "ก", "area": 10}, "photos": [photo()], "declaration": true});
    let with = |applicant: Value| {
        let mut data = base.clone();
        data["applicant"] = applicant;
        faulted(&v, &data)
    };
    assert_eq!(with(json!({"kind": "person", "citizen_id": "1101700207030"})), Vec::<String>::new());
    assert_eq!(with(json!({"kind": "company", "name": "บริษัท ก จำกัด"})), Vec::<String>::new());
    assert!(!with(json!({"kind": "company"})).is_empty(), "a company names itself");
    // The renderer draws a choice between them, and the chosen shape's questions.
    let spec = FormSpec::new(&v, &saved.ui, &json!({"applicant": {"kind": "company", "name": "บริษัท ก จำกัด"}}), &Selections::default());
    let leaves: Vec<String> = spec.leaves().iter().map(|f| f.pointer.to_string()).collect();
    assert!(leaves.contains(&"/applicant/name".to_owned()), "{leaves:?}");
    // Problems: one shape only; a question named like the shape's own key.
    if let Kind::Shapes { shapes } = &mut d.questions[0].kind {
        shapes[1].kind.children_mut().unwrap().push(q("kind", "ประเภท", "Kind", Kind::Date));
        shapes.remove(0);
    }
    let whats: Vec<What> = d.problems(&RegressEngine::default()).into_iter().map(|p| p.what).collect();
    assert!(whats.contains(&What::NoOptions) && whats.contains(&What::SameKey), "{whats:?}");
}

#[test]
fn the_sites_list_of_services_takes_the_entry_in_place_or_at_the_end() {
    let entry = food_shop().index_entry();
    let site = json!({"forms": [{"id": "a", "title": "ก"}, {"id": "food-shop", "title": "old"}, {"id": "b", "title": "ข"}]});
    let merged = with_entry(Some(&site), &entry);
    let ids: Vec<&str> = merged["forms"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "food-shop", "b"]);
    assert_eq!(merged["forms"][1], entry);
    let added = with_entry(Some(&json!({"forms": [{"id": "a"}]})), &entry);
    assert_eq!(added["forms"].as_array().unwrap().len(), 2);
    assert_eq!(with_entry(None, &entry), json!({"forms": [entry.clone()]}));
    assert_eq!(with_entry(Some(&json!([1, 2])), &entry), json!({"forms": [entry]}));
}

#[test]
fn a_designed_form_reads_back_as_the_same_design() {
    let d = food_shop();
    let saved = d.save(&defs(), Box::new(RegressEngine::default())).unwrap();
    let read = Design::read("food-shop", &saved.schema, &saved.ui, Some(&saved.entry));
    let back = read.clone().written_anew();
    assert_eq!(back.service, d.service);
    assert_eq!(back.steps, d.steps);
    for (a, b) in back.questions.iter().zip(&d.questions) {
        assert_eq!(a, b, "{}", b.key);
    }
    assert_eq!(back.questions.len(), d.questions.len());
    assert!(back.advanced.is_empty(), "{:?}", back.advanced);
    // Saved again unchanged: the same files.
    let again = read.save(&defs(), Box::new(RegressEngine::default())).unwrap();
    assert_eq!(again, saved);
}

#[test]
fn what_the_designer_cannot_say_is_kept_and_written_back_when_the_question_changes() {
    let schema = json!({
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"title": "ชื่อ", "type": "string", "minLength": 2, "maxLength": 100, "default": "-"},
            "odd": {"title": "แปลก", "type": "string", "contains": {"const": 1}},
            "urls": {"title": "เว็บ", "type": "array", "items": {"type": "string", "format": "uri"}}
        },
        "if": {"properties": {"name": {"const": "xy"}}, "required": ["name"]},
        "then": {"required": ["urls"]},
        "else": {"properties": {"urls": {"maxItems": 1}}}
    });
    let ui = json!({"name": {"ui:autocomplete": "given-name", "ui:title": {"en": "Name"}}});
    let mut d = Design::read("hand", &schema, &ui, None);
    let name = &d.questions[0];
    assert!(matches!(name.kind, Kind::ShortText { max_length: Some(100), pattern: None }), "{:?}", name.kind);
    assert_eq!(name.title, LocalText::new("ชื่อ", "Name"));
    assert_eq!(name.advanced.schema, *json!({"minLength": 2, "default": "-"}).as_object().unwrap());
    assert_eq!(name.advanced.ui, *json!({"ui:autocomplete": "given-name"}).as_object().unwrap());
    assert!(matches!(d.questions[1].kind, Kind::ShortText { .. }));
    assert!(matches!(d.questions[2].kind, Kind::HandWritten));
    // A condition with `else` says more than the designer can: kept whole.
    assert_eq!(d.advanced.schema.get("else"), schema.get("else"));
    assert!(d.questions[2].required_when.is_none());
    // Unchanged: the very file. Changed: the designer's words, the hand-written parts kept.
    assert_eq!(d.schema(), schema);
    assert_eq!(d.ui(), ui);
    d.questions[0].title.th = Some("ชื่อผู้ขอ".into());
    let s = d.schema();
    assert_ne!(s, schema);
    assert_eq!(s["properties"]["name"]["minLength"], 2);
    assert_eq!(s["properties"]["name"]["title"], "ชื่อผู้ขอ");
    assert_eq!(s["properties"]["odd"], schema["properties"]["odd"]);
    assert_eq!((&s["if"], &s["then"], &s["else"]), (&schema["if"], &schema["then"], &schema["else"]));
    assert_eq!(d.ui()["name"]["ui:autocomplete"], "given-name");
    let v = Validator::new(s, Box::new(RegressEngine::default())).unwrap();
    assert!(!v.is_valid(&json!({"name": "a"})), "minLength kept");
    assert!(!v.is_valid(&json!({"name": "ab", "urls": ["a", "b"]})), "else kept");
    assert!(!v.is_valid(&json!({"name": "xy"})), "then kept");
    assert!(v.is_valid(&json!({"name": "xy", "urls": []})));
}

#[test]
fn a_condition_read_from_a_file_becomes_show_when_and_required_when() {
    let schema = json!({
        "type": "object",
        "properties": {
            "own": {"title": "มีโรงคัดบรรจุเอง", "type": "boolean", "const": true},
            "note": {"title": "หมายเหตุ", "type": "string"}
        },
        "allOf": [{
            "if": {"properties": {"own": {"const": true}}, "required": ["own"]},
            "then": {"properties": {"gmp": {"title": "เลข GMP", "type": "string"}}, "required": ["gmp", "note"]}
        }]
    });
    let d = Design::read("c", &schema, &json!({}), None);
    let gmp = d.questions.iter().find(|q| q.key.as_str() == "gmp").unwrap();
    let when = Some(Condition { on: key("own"), test: Test::Is(json!(true)) });
    assert_eq!((gmp.show_when.clone(), gmp.required), (when.clone(), true));
    assert_eq!(d.questions.iter().find(|q| q.key.as_str() == "note").unwrap().required_when, when);
    assert!(d.advanced.schema.is_empty(), "{:?}", d.advanced.schema);
}

#[test]
fn a_site_is_the_build_with_the_agency_its_forms_and_empty_lists_and_made_again_from_itself_the_same() {
    use crate::site::{make, Agency, Forms, SiteProblem};
    let build = vec![
        ("index.html".to_owned(), b"<html><head><title>e-Service</title></head></html>".to_vec()),
        ("index.html.gz".to_owned(), b"stale".to_vec()),
        ("app.wasm".to_owned(), b"\0asm".to_vec()),
        ("trust.json".to_owned(), br#"{"agencies": [{"name": "the kit's example"}]}"#.to_vec()),
        ("forms/common/defs.json".to_owned(), DEFS.as_bytes().to_vec()),
        ("forms/commerce-registration/schema.json".to_owned(), b"{}".to_vec()),
        ("forms/index.json".to_owned(), br#"{"forms": [{"id": "commerce-registration"}]}"#.to_vec()),
    ];
    let saved = food_shop().save(&defs(), Box::new(RegressEngine::default())).unwrap();
    let forms = [("food-shop".to_owned(), saved)];
    let agency = Agency { th: "เทศบาล <ตัวอย่าง>".into(), en: Some("Example".into()), color: Some("#0a6e3a".into()), logo: Some(("seal.svg".into(), b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec())) };
    let site = make(&agency, build.clone(), Forms::These(&forms)).unwrap();
    let file = |site: &[(String, Vec<u8>)], p: &str| site.iter().find(|(q, _)| q == p).map(|(_, b)| String::from_utf8_lossy(b).into_owned());
    let paths: Vec<&str> = site.iter().map(|(p, _)| p.as_str()).collect();
    for p in ["app.wasm", "forms/common/defs.json", "forms/food-shop/schema.json", "forms/food-shop/ui.json", "forms/index.json", "trust.json", "register.json", "agency.css", "logo.svg", "README-th.md", "site-files.json"] {
        assert!(paths.contains(&p), "{p} in {paths:?}");
    }
    assert!(!paths.contains(&"forms/commerce-registration/schema.json") && !paths.contains(&"index.html.gz"), "{paths:?}");
    let index: Value = serde_json::from_str(&file(&site, "forms/index.json").unwrap()).unwrap();
    assert_eq!(index["forms"].as_array().unwrap().iter().map(|f| f["id"].clone()).collect::<Vec<_>>(), vec![json!("food-shop")]);
    assert_eq!(serde_json::from_str::<Value>(&file(&site, "trust.json").unwrap()).unwrap(), json!({"agencies": []}));
    let page = file(&site, "index.html").unwrap();
    assert!(page.contains("<title>เทศบาล &lt;ตัวอย่าง&gt; e-Service</title>") && page.matches("agency.css").count() == 1, "{page}");
    assert!(file(&site, "agency.css").unwrap().contains(r#"--eservice-logo: url("logo.svg");"#));
    // The site made again from itself (its own list of files) is the same site.
    let again = make(&agency, site.clone(), Forms::These(&forms)).unwrap();
    assert_eq!(file(&again, "index.html"), file(&site, "index.html"));
    assert_eq!(again.len(), site.len());
    // A logo is a picture, with no script in it; a colour is #rrggbb.
    let scripted = Agency { logo: Some(("x.svg".into(), b"<svg><script>alert(1)</script></svg>".to_vec())), ..agency.clone() };
    assert_eq!(make(&scripted, build.clone(), Forms::Examples), Err(SiteProblem::Logo("x.svg".into())));
    assert_eq!(make(&Agency { color: Some("green".into()), ..agency.clone() }, build.clone(), Forms::Examples), Err(SiteProblem::NotAColor("green".into())));
    assert_eq!(make(&agency, Vec::new(), Forms::Examples), Err(SiteProblem::NotABuild));
}

#[test]
fn a_question_put_on_another_step_moves_there() {
    let mut d = food_shop();
    d.put_on_step(&key("photos"), 0);
    d.key_from_titles();
    d.tidy_steps();
    assert_eq!(d.step_of(&d.questions.iter().find(|q| q.title.en.as_deref() == Some("Photos of the shop")).unwrap().key.clone()), Some(0), "{:?}", d.steps);
}
