//! Every example form opens in the designer and saves back: unchanged, to
//! the very same files; with every part written anew by the designer, to a
//! schema that accepts and rejects the recorded data (`tests/replay/`)
//! exactly as the original does.

use std::path::{Path, PathBuf};

use eservice_designer::{Design, Kind, Question};
use eservice_forms::schema::{RegressEngine, Validator};
use serde_json::Value;

const FORMS: [&str; 5] = ["commerce-registration", "food-advertisement", "fruit-vegetable-exporter", "lease-state-land", "school-credit-transfer"];

fn forms() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/forms")
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn entry(id: &str) -> Value {
    let index = json(&forms().join("index.json"));
    index["forms"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap().clone()
}

fn open(id: &str) -> (Design, Value, Value) {
    let (schema, ui) = (json(&forms().join(id).join("schema.json")), json(&forms().join(id).join("ui.json")));
    (Design::read(id, &schema, &ui, Some(&entry(id))), schema, ui)
}

fn validator(id: &str, schema: &Value) -> Validator {
    Validator::builder(schema.clone())
        .base(&format!("https://kit.invalid/forms/{id}/schema.json"))
        .document("https://kit.invalid/forms/common/defs.json", json(&forms().join("common/defs.json")))
        .build(Box::new(RegressEngine::default()))
        .unwrap()
}

#[test]
fn an_example_saved_unchanged_is_the_same_files_byte_for_byte() {
    let defs = json(&forms().join("common/defs.json"));
    for id in FORMS {
        let (d, schema, ui) = open(id);
        let saved = d.save(&defs, Box::new(RegressEngine::default())).unwrap_or_else(|p| panic!("{id}: {:?}", p.iter().map(|p| p.message(eservice_base::Lang::En)).collect::<Vec<_>>()));
        let text = std::fs::read_to_string(forms().join(id).join("schema.json")).unwrap();
        assert_eq!(serde_json::to_string_pretty(&saved.schema).unwrap(), text, "{id}: schema.json");
        assert_eq!(saved.schema, schema);
        assert_eq!(saved.ui, ui, "{id}: ui.json");
        assert_eq!(saved.entry, entry(id), "{id}: index entry");
    }
}

#[test]
fn an_example_written_anew_accepts_and_rejects_the_recorded_data_as_the_original_does() {
    let defs = json(&forms().join("common/defs.json"));
    for id in FORMS {
        let (d, schema, _) = open(id);
        let d = d.written_anew();
        let saved = d.save(&defs, Box::new(RegressEngine::default())).unwrap_or_else(|p| panic!("{id}: {:?}", p.iter().map(|p| p.message(eservice_base::Lang::En)).collect::<Vec<_>>()));
        let (original, anew) = (validator(id, &schema), validator(id, &saved.schema));
        let replay = json(&Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/replay/{id}.json")));
        let valid = replay["valid"].as_array().unwrap();
        let invalid = replay["invalid"].as_array().unwrap();
        assert!(valid.len() >= 4 && invalid.len() >= 15, "{id}: too little recorded data");
        for data in valid {
            assert!(original.is_valid(data), "{id}: the recording says valid: {data}");
            assert!(anew.is_valid(data), "{id}: rejected after the round trip: {data}\n{:?}", anew.validate(data));
        }
        for case in invalid {
            let data = &case["data"];
            assert!(!original.is_valid(data), "{id}: the recording says invalid ({}): {data}", case["why"]);
            assert!(!anew.is_valid(data), "{id}: accepted after the round trip ({}): {data}", case["why"]);
        }
    }
}

#[test]
fn examples_open_as_questions_the_clerk_can_edit() {
    for id in FORMS {
        let (d, _, _) = open(id);
        fn count(list: &[Question], all: &mut usize, hand: &mut usize) {
            for q in list {
                *all += 1;
                *hand += usize::from(matches!(q.kind, Kind::HandWritten));
                count(q.kind.children(), all, hand);
            }
        }
        let (mut all, mut hand) = (0, 0);
        count(&d.questions, &mut all, &mut hand);
        eprintln!("{id}: {all} questions, {hand} hand-written");
        assert!(all > 10 && hand * 3 < all, "{id}: {hand} of {all} questions could not be read as a kind");
        assert!(!d.service.title.is_empty() && !d.service.agency.is_empty(), "{id}: service settings");
    }
}

/// A form sealed to the agency's keys keeps them through the designer: a
/// clerk who opens and saves it must never turn its packages clear.
#[test]
fn the_agency_encryption_keys_survive_the_designer_and_a_bad_one_is_named() {
    let defs = json(&forms().join("common/defs.json"));
    let id = "commerce-registration";
    let key = |b: u8| eservice_seal::Identity::generate(&mut |buf: &mut [u8]| buf.fill(b)).recipient().to_string();
    for keys in [Value::from(key(1)), Value::from(vec![key(1), key(2)])] {
        let mut e = entry(id);
        e["encryptTo"] = keys.clone();
        let (schema, ui) = (json(&forms().join(id).join("schema.json")), json(&forms().join(id).join("ui.json")));
        let d = Design::read(id, &schema, &ui, Some(&e));
        let saved = d.save(&defs, Box::new(RegressEngine::default())).unwrap();
        assert_eq!(saved.entry["encryptTo"], keys);
    }
    let (mut d, _, _) = open(id);
    d.service.encrypt_to = vec![key(3), String::new(), "age1notakey".into()];
    let problems = d.save(&defs, Box::new(RegressEngine::default())).unwrap_err();
    let words: Vec<String> = problems.iter().map(|p| p.message(eservice_base::Lang::En)).collect();
    assert_eq!(words.len(), 1, "{words:?}");
    assert!(words[0].contains("Service settings (encryptTo)") && words[0].contains("encryption key cannot be used"), "{words:?}");
}
