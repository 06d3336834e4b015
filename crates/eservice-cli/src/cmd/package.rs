//! `eservice package inspect PKG.zip`: what a backend checks on receipt.
//! The ZIP is read within bounds, the manifest must be the kit's canonical
//! JSON, every evidence file must match its SHA-256, and with the form's
//! schema (`--schema`, or `--forms DIR` holding `<id>/schema.json`) the data
//! is validated again and the evidence checklist shown.
//!
//! Exit 0 when the package is intact and valid, 1 otherwise (the reasons
//! are printed), 2 when the file cannot be read.

use std::path::{Path, PathBuf};

use eservice_core::package::inspect::{check_form, checklist, open, Opened, PackageProblem};
use eservice_core::package::schema_sha256;
use eservice_core::Lang;
use serde_json::json;

use crate::input::{load_validator, read_bytes};
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Check a received package: intact, untampered and (with its schema) valid.
    Inspect {
        package: PathBuf,
        /// The form's JSON Schema.
        #[arg(long, conflicts_with = "forms")]
        schema: Option<PathBuf>,
        /// The agency's forms folder (assets/forms): the schema is `<id>/schema.json`.
        #[arg(long)]
        forms: Option<PathBuf>,
        /// The package hash or reference the citizen was given.
        #[arg(long)]
        expect: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// Opens and checks one package; `Err` is a message for a file that cannot be read.
pub fn inspect(path: &Path, schema: Option<&Path>, forms: Option<&Path>, lang: Lang) -> Result<(Result<Opened, PackageProblem>, Option<serde_json::Value>), String> {
    let bytes = read_bytes(path, lang)?;
    let mut opened = open(&bytes);
    let mut schema_doc = None;
    if let Ok(o) = opened.as_mut() {
        let schema_path = match (schema, forms) {
            (Some(s), _) => Some(s.to_path_buf()),
            (None, Some(dir)) => {
                let p = dir.join(&o.form_id).join("schema.json");
                let known = eservice_core::catalog::FormId::parse(&o.form_id).is_some() && p.is_file();
                if !known {
                    o.problems.push(PackageProblem::UnknownForm(o.form_id.clone()));
                }
                known.then_some(p)
            }
            (None, None) => None,
        };
        if let Some(p) = schema_path {
            let validator = load_validator(&p, lang)?;
            check_form(o, &schema_sha256(validator.schema()), &validator, lang);
            schema_doc = Some(validator.schema().clone());
        }
    }
    Ok((opened, schema_doc))
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let Action::Inspect { package, schema, forms, expect, json } = &args.action;
    let (mut opened, schema_doc) = match inspect(package, schema.as_deref(), forms.as_deref(), lang) {
        Ok(r) => r,
        Err(msg) => {
            eprintln!("eservice: {msg}");
            return Outcome::Unreadable;
        }
    };
    if let (Ok(o), Some(e)) = (opened.as_mut(), expect) {
        o.expect(e);
    }
    let name = package.display();
    match opened {
        Err(problem) => {
            if *json {
                println!("{}", json!({ "sound": false, "problems": [problem.message(lang)] }));
            } else {
                println!("{name}: {}", problem.message(lang));
            }
            Outcome::No
        }
        Ok(o) => {
            let list = schema_doc.map(|s| checklist(&s, &o.data, lang)).unwrap_or_default();
            if *json {
                println!("{}", serde_json::to_string_pretty(&o.to_json(&list, lang)).unwrap_or_default());
            } else {
                let verdict = if o.is_sound() { lang.pick("ครบถ้วนและไม่ถูกแก้ไข", "intact and valid") } else { lang.pick("มีปัญหา", "has problems") };
                println!("{name}: {verdict} · {} {} · SHA-256 {}", lang.pick("เลขอ้างอิง", "reference"), o.reference, o.hash.hex());
                for p in &o.problems {
                    println!("  - {}", p.message(lang));
                }
                for i in &list {
                    let mark = if i.files > 0 { "✓" } else if i.required { "✗" } else { "·" };
                    println!("  {mark} {} ({})", i.title, i.files);
                }
            }
            if o.is_sound() {
                Outcome::Yes
            } else {
                Outcome::No
            }
        }
    }
}
