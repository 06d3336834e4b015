//! `eservice validate` as a backend calls it: exit codes and error lines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema() -> PathBuf {
    repo().join("assets/forms/commerce-registration/schema.json")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eservice")).args(args).output().expect("eservice runs")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("eservice-validate-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

const VALID: &str = r#"{
  "applicant": {"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี",
                "citizen_id": "1101700207030", "phone": "0812345678", "nationality": "ไทย"},
  "business": {"trade_name": "ร้านสมชายการค้า", "category": "retail", "capital": 50000,
               "start_date": "2026-11-01", "has_website": false},
  "address": {"house_no": "99/1", "subdistrict": "บางรัก", "district": "บางรัก",
              "province": "กรุงเทพมหานคร", "postcode": "10500"},
  "evidence": {
    "id_card": [{"name": "id.pdf", "mediaType": "application/pdf", "size": 45,
                 "sha256": "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff"}],
    "house_registration": [{"name": "house.jpg", "mediaType": "image/jpeg", "size": 28000,
                 "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                 "original": {"size": 4000000, "sha256": "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "mediaType": "image/jpeg"},
                 "compression": {"longEdge": 1600, "quality": 0.85, "format": "image/jpeg"}}]
  },
  "declaration": true
}"#;

#[test]
fn valid_data_exits_0() {
    let d = tmp("ok");
    let out = run(&["validate", "--schema", schema().to_str().unwrap(), &write(&d, "data.json", VALID)]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "valid");
}

#[test]
fn invalid_data_exits_1_with_pointers() {
    let d = tmp("bad");
    let bad = VALID.replace("1101700207030", "1101700207031").replace("\"10500\"", "\"0500\"").replace("\"declaration\": true", "\"declaration\": false");
    let out = run(&["validate", "--schema", schema().to_str().unwrap(), &write(&d, "data.json", &bad)]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines, [
        "/applicant/citizen_id: This citizen ID is not valid: its last (check) digit does not match. Please check the number",
        "/address/postcode: Not in the expected form",
        "/declaration: Please tick to confirm",
    ]);
}

#[test]
fn thai_messages_on_request() {
    let d = tmp("th");
    let out = run(&["--lang", "th", "validate", "--schema", schema().to_str().unwrap(), &write(&d, "data.json", "{}")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("/applicant: กรุณากรอกช่องนี้"), "{stdout}");
}

#[test]
fn unreadable_input_exits_2_and_names_the_file() {
    let d = tmp("unreadable");
    let out = run(&["validate", "--schema", schema().to_str().unwrap(), "/nonexistent/data.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("File /nonexistent/data.json was not found"));

    let broken = write(&d, "broken.json", "{\"a\": ");
    let out = run(&["validate", "--schema", &broken, &write(&d, "data.json", "{}")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json is not valid JSON at line 1"), "{err}");

    let bad_schema = write(&d, "s.json", r##"{"properties": {"a": {"$ref": "#/$defs/nope"}}}"##);
    let out = run(&["validate", "--schema", &bad_schema, &write(&d, "data.json", "{}")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("#/properties/a/$ref") && err.contains("#/$defs/nope"), "{err}");
}

#[test]
fn messages_name_fields_by_title_and_give_examples() {
    let d = tmp("titles");
    let schema = write(&d, "s.json", r#"{
        "type": "object",
        "properties": {
            "has_staff": {"type": "boolean", "title": "มีลูกจ้าง", "x-title-en": "Has employees"},
            "staff": {"type": "integer", "title": "จำนวนลูกจ้าง"},
            "book_no": {"type": "string", "pattern": "^[0-9]+/[0-9]{4}$", "examples": ["123/2569"]}
        },
        "dependentRequired": {"has_staff": ["staff"]}
    }"#);
    let data = write(&d, "data.json", r#"{"has_staff": true, "book_no": "123"}"#);
    let out = run(&["--lang", "th", "validate", "--schema", &schema, &data]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("/staff: กรุณากรอกช่องนี้ เพราะได้กรอก “มีลูกจ้าง” แล้ว"), "{stdout}");
    assert!(stdout.contains("/book_no: รูปแบบไม่ถูกต้อง เช่น 123/2569"), "{stdout}");
}

#[test]
fn the_draft_2020_12_metaschema_is_built_in() {
    let d = tmp("meta");
    let schema = write(&d, "meta.json", r#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#);
    let valid = write(&d, "valid.json", r#"{"type": "object", "properties": {"name": {"type": "string", "minLength": 1}}}"#);
    let out = run(&["validate", "--schema", &schema, &valid]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let invalid = write(&d, "invalid.json", r#"{"type": "text", "minLength": -1}"#);
    let out = run(&["validate", "--schema", &schema, &invalid]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn nested_quantifiers_are_warned_of_and_judged_at_once() {
    let d = tmp("redos");
    let schema = write(&d, "s.json", r#"{"properties": {
        "code": {"type": "string", "pattern": "^(a+)+$"},
        "name": {"type": "string", "pattern": "^([ก-๙]+\\s?)+$"}
    }}"#);
    let data = format!(r#"{{"code": "{}!", "name": "{}!"}}"#, "a".repeat(40), "สมชาย".repeat(8));
    let started = std::time::Instant::now();
    let out = run(&["validate", "--schema", &schema, &write(&d, "data.json", &data)]);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("s.json#/properties/code/pattern: pattern “^(a+)+$” nests quantifiers"), "{stderr}");

    let out = run(&["--lang", "th", "validate", "--schema", &schema, &write(&d, "ok.json", r#"{"code": "aaa"}"#)]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("คำเตือน") && stderr.contains("ตัวระบุจำนวนซ้อนกัน"), "{stderr}");
}

#[test]
fn a_doubling_ref_tree_is_judged_at_once() {
    let d = tmp("doubling");
    let defs: Vec<String> = (0..30)
        .map(|n| format!(r##""l{n}": {{"anyOf": [{{"$ref": "#/$defs/l{m}"}}, {{"$ref": "#/$defs/l{m}"}}]}}"##, m = n + 1))
        .collect();
    let schema = format!(r##"{{"$ref": "#/$defs/l0", "$defs": {{{}, "l30": {{"type": "string"}}}}}}"##, defs.join(","));
    let started = std::time::Instant::now();
    let out = run(&["validate", "--schema", &write(&d, "s.json", &schema), &write(&d, "five.json", "5")]);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
}
