//! `eservice validate --schema S.json DATA.json`: the same validator the
//! e-Form runs, for backends that receive the data.

use std::path::PathBuf;

use eservice_core::schema::{RegressEngine, Validator};
use eservice_core::Lang;

use crate::input::read_json;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// The form's JSON Schema.
    #[arg(long)]
    schema: PathBuf,
    /// The submitted data.
    data: PathBuf,
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let (schema, data) = match (read_json(&args.schema), read_json(&args.data)) {
        (Ok(s), Ok(d)) => (s, d),
        (s, d) => {
            for e in [s.err(), d.err()].into_iter().flatten() {
                eprintln!("eservice: {}", e.message(lang));
            }
            return Outcome::Unreadable;
        }
    };
    let engine = RegressEngine::default();
    let validator = match Validator::new(&schema, &engine) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("eservice: {}: {}", args.schema.display(), e.message(lang));
            return Outcome::Unreadable;
        }
    };
    let errors = validator.validate(&data);
    if errors.is_empty() {
        println!("{}", lang.pick("ข้อมูลถูกต้อง", "valid"));
        return Outcome::Yes;
    }
    for e in &errors {
        println!("{}", e.line(lang));
    }
    Outcome::No
}
