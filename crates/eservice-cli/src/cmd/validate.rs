//! `eservice validate --schema S.json DATA.json`: the same validator the
//! e-Form runs, for backends that receive the data.

use std::path::PathBuf;

use eservice_core::form::{FormSpec, Selections};
use eservice_core::Lang;

use crate::input::{load_validator, read_json};
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// The form's JSON Schema; files beside it that it `$ref`s are loaded too.
    #[arg(long)]
    schema: PathBuf,
    /// The submitted data.
    data: PathBuf,
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let (validator, data) = match (load_validator(&args.schema, lang), read_json(&args.data)) {
        (Ok(v), Ok(d)) => (v, d),
        (v, d) => {
            if let Err(e) = v {
                eprintln!("eservice: {e}");
            }
            if let Err(e) = d {
                eprintln!("eservice: {}", e.message(lang));
            }
            return Outcome::Unreadable;
        }
    };
    let warning = lang.pick("คำเตือน", "warning");
    for (at, keyword) in eservice_core::schema::unknown_keywords(validator.schema()) {
        eprintln!("eservice: {warning}: {}#{at}: unknown keyword “{keyword}” is ignored", args.schema.display());
    }
    // Patterns that backtracking engines elsewhere may take exponential time
    // on; the kit checks them in linear time, but the agency should know.
    for w in validator.risky_patterns() {
        let file = if w.document.is_none() { args.schema.display().to_string() } else { String::new() };
        eprintln!("eservice: {warning}: {file}{}", w.message(lang));
    }
    let errors = validator.validate(&data);
    if errors.is_empty() {
        println!("{}", lang.pick("ข้อมูลถูกต้อง", "valid"));
        return Outcome::Yes;
    }
    // Other fields named by their titles, and a pattern's example given, as the form does.
    let form = FormSpec::new(&validator, &serde_json::Value::Null, &data, &Selections::default());
    for e in &errors {
        println!("{}", e.line_in(lang, &form));
    }
    Outcome::No
}
