//! The official JSON-Schema-Test-Suite (draft 2020-12) in headless Chromium,
//! with the browser build's own pattern engine (the browser's RegExp).
//! `scripts/conformance` serves the suite and sets JSON_SCHEMA_SUITE_URL.
#![cfg(target_arch = "wasm32")]

use eservice_core::schema::conformance::{metaschemas, run_file, Tally, REMOTES_BASE};
use eservice_core::schema::PatternEngine;
use eservice_web::regexp::BrowserRegex;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SUITE: Option<&str> = option_env!("JSON_SCHEMA_SUITE_URL");

async fn get(url: &str) -> Value {
    let window = web_sys::window().unwrap();
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.unwrap().unchecked_into();
    assert!(resp.ok(), "{url}: HTTP {}", resp.status());
    let text = JsFuture::from(resp.text().unwrap()).await.unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{url}: {e}"))
}

#[wasm_bindgen_test]
async fn draft2020_12_required_tests_all_pass_in_the_browser() {
    let base = SUITE.expect("JSON_SCHEMA_SUITE_URL is not set: run scripts/conformance");
    let index = get(&format!("{base}index.json")).await;
    let mut documents = metaschemas();
    for rel in index["remotes"].as_array().unwrap().iter().filter_map(Value::as_str) {
        let uri = format!("{REMOTES_BASE}{}", rel.trim_start_matches("remotes/"));
        documents.push((uri, get(&format!("{base}{rel}")).await));
    }
    let engine = || -> Box<dyn PatternEngine> { Box::new(BrowserRegex::default()) };
    let (mut required, mut optional, mut formats) = (Tally::default(), Tally::default(), Tally::default());
    for rel in index["tests"].as_array().unwrap().iter().filter_map(Value::as_str) {
        let groups = get(&format!("{base}{rel}")).await;
        let is_format = rel.contains("/optional/format/");
        let t = run_file(&groups, &documents, is_format, &engine);
        match () {
            _ if is_format => formats.add(&t),
            _ if rel.contains("/optional/") => optional.add(&t),
            _ => required.add(&t),
        }
    }
    let total = |t: &Tally| t.passed + t.failed;
    console_log!("browser required: {} of {}", required.passed, total(&required));
    console_log!("browser optional: {} of {}", optional.passed, total(&optional));
    console_log!("browser format (asserted): {} of {}", formats.passed, total(&formats));
    assert!(total(&required) >= 1299, "the suite looks incomplete: {} required tests", total(&required));
    assert_eq!(required.failures, Vec::<String>::new());
}
