//! `eservice package inspect PKG.zip`: what a backend checks on receipt.
//! The ZIP is read within bounds, the manifest must be the kit's canonical
//! JSON, every evidence file must match its SHA-256, and with the form's
//! schema (`--schema`, or `--forms DIR` holding `<id>/schema.json`) the data
//! is validated again and the evidence checklist shown.
//!
//! A package sealed to the agency's key (age, as the browser seals it when
//! the form has `encryptTo`) is opened with `--identity KEY` first; the
//! report then also gives the sealed file's SHA-256, which the channel
//! recorded. `seal` and `open` do the same for a backend or a clerk.
//!
//! Exit 0 when the package is intact and valid, 1 otherwise (the reasons
//! are printed), 2 when the file cannot be read.

use std::path::{Path, PathBuf};

use eservice_core::package::inspect::{check_form, checklist, open, Opened, PackageProblem};
use eservice_core::package::schema_sha256;
use eservice_core::Lang;
use serde_json::json;

use crate::input::{load_validator, read_bytes};
use crate::output::write_whole;
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
        #[command(flatten)]
        key: KeyArgs,
    },
    /// Seal a package to the agency's public key(s), as the browser does.
    Seal {
        package: PathBuf,
        /// A public key (age1…); give it again for each key.
        #[arg(long = "to", required = true)]
        to: Vec<String>,
        /// Where to write the sealed package.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Open a sealed package with the agency's key file.
    Open {
        package: PathBuf,
        #[command(flatten)]
        key: KeyArgs,
        /// Where to write the package (ZIP).
        #[arg(long, short)]
        out: PathBuf,
    },
}

#[derive(clap::Args)]
pub struct KeyArgs {
    /// The agency's key file (from `eservice keygen --encryption`), or an
    /// age identity file; its passphrase: ESERVICE_PASSPHRASE or --passphrase-file.
    #[arg(long)]
    pub identity: Option<PathBuf>,
    /// A file whose first line is the key file's passphrase.
    #[arg(long, requires = "identity")]
    pub passphrase_file: Option<PathBuf>,
}

/// A package as received: opened with the agency's key if it was sealed;
/// the sealed file's SHA-256 beside it.
fn received(path: &Path, key: &KeyArgs, lang: Lang) -> Result<(Vec<u8>, Option<String>), String> {
    let bytes = read_bytes(path, lang)?;
    if !eservice_core::seal::is_sealed(&bytes) {
        return Ok((bytes, None));
    }
    let Some(id_path) = &key.identity else {
        return Err(format!("{}: {}", path.display(), lang.pick(
            "ชุดเอกสารนี้เข้ารหัสถึงกุญแจของหน่วยงาน ระบุไฟล์กุญแจด้วย --identity",
            "this package is sealed to the agency's key; give its key file with --identity",
        )));
    };
    let identity = crate::secret::identity(id_path, key.passphrase_file.as_deref(), lang)?;
    let plain = eservice_core::seal::open(&bytes, &identity).map_err(|e| format!("{}: {}", path.display(), e.message(lang)))?;
    Ok((plain.to_vec(), Some(eservice_core::evidence::hash::Sha256Stream::digest(&bytes).hex())))
}

/// What `inspect` found: the package (or why it is not one), the form's
/// schema if it was given, and the sealed file's SHA-256 if it was sealed.
pub type Inspected = (Result<Opened, PackageProblem>, Option<serde_json::Value>, Option<String>);

/// Opens and checks one package; `Err` is a message for a file that cannot be read.
pub fn inspect(path: &Path, key: &KeyArgs, schema: Option<&Path>, forms: Option<&Path>, lang: Lang) -> Result<Inspected, String> {
    let (bytes, sealed) = received(path, key, lang)?;
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
    Ok((opened, schema_doc, sealed))
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let fail = |msg: String| {
        eprintln!("eservice: {msg}");
        Outcome::Unreadable
    };
    let (package, schema, forms, expect, json, key) = match &args.action {
        Action::Inspect { package, schema, forms, expect, json, key } => (package, schema, forms, expect, json, key),
        Action::Seal { package, to, out } => return seal(package, to, out, lang).map_or_else(fail, |_| Outcome::Yes),
        Action::Open { package, key, out } => {
            let opened = received(package, key, lang).and_then(|(bytes, sealed)| match sealed {
                Some(_) => write_whole(out, &bytes),
                None => Err(format!("{}: {}", package.display(), lang.pick("ไม่ได้เข้ารหัส", "is not sealed"))),
            });
            return opened.map_or_else(fail, |_| Outcome::Yes);
        }
    };
    let (mut opened, schema_doc, sealed) = match inspect(package, key, schema.as_deref(), forms.as_deref(), lang) {
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
                let mut report = o.to_json(&list, lang);
                if let Some(sha) = &sealed {
                    report["sealed"] = json!({ "format": "age", "sha256": sha });
                }
                println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
            } else {
                let verdict = if o.is_sound() { lang.pick("ครบถ้วนและไม่ถูกแก้ไข", "intact and valid") } else { lang.pick("มีปัญหา", "has problems") };
                println!("{name}: {verdict} · {} {} · SHA-256 {}", lang.pick("เลขอ้างอิง", "reference"), o.reference, o.hash.hex());
                if let Some(sha) = &sealed {
                    println!("  {}: SHA-256 {sha}", lang.pick("เข้ารหัสมา (age) ไฟล์ที่ได้รับ", "sealed (age); the file received"));
                }
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

/// Seals the package at `path` to the public keys `to`.
fn seal(path: &Path, to: &[String], out: &Path, lang: Lang) -> Result<(), String> {
    let to = to.iter().map(|t| eservice_core::seal::Recipient::parse(t)).collect::<Result<Vec<_>, _>>().map_err(|e| e.message(lang))?;
    let bytes = read_bytes(path, lang)?;
    let sealed = crate::secret::with_randomness(|random| eservice_core::seal::seal(&bytes, &to, random)).ok_or_else(|| crate::secret::no_randomness(lang))?;
    write_whole(out, &sealed.map_err(|e| e.message(lang))?)
}
