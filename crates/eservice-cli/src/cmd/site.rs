//! `eservice site new DIR` makes a folder ready for any static host, from
//! the kit's release build; `eservice site check DIR` checks what an agency
//! edits there: every form, the list of services, the trust list and the
//! permit register. Each problem names the file and the place in it.

use std::path::{Path, PathBuf};

use eservice_core::catalog::Catalog;
use eservice_core::designer::site::{self, Agency, Forms, SiteProblem};
use eservice_core::form::{FormSpec, Selections, Widget};
use eservice_core::register::Register;
use eservice_core::trust::TrustList;
use eservice_core::Lang;
use serde_json::Value;

use crate::input::{load_validator, read_bytes, read_json};
use crate::output::write_whole;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Make a new site folder: the release build, no forms yet (or the
    /// examples), an empty trust list and register, and a README for the admin.
    New {
        dir: PathBuf,
        #[arg(long)]
        agency_th: String,
        #[arg(long)]
        agency_en: Option<String>,
        /// The kit's release build (`trunk build --release`).
        #[arg(long, default_value = "dist")]
        build: PathBuf,
        /// Keep the build's example forms.
        #[arg(long)]
        examples: bool,
        /// The agency's colour for buttons and the header (`#rrggbb`).
        #[arg(long)]
        color: Option<String>,
        /// The agency's logo for the header: a PNG, JPEG, WebP or SVG picture of at most 512 KB.
        #[arg(long)]
        logo: Option<PathBuf>,
    },
    /// Check every form, the list of services, the trust list and the register of a site.
    Check { dir: PathBuf },
}

fn agency(th: &str, en: &Option<String>, color: &Option<String>, logo: Option<&Path>, lang: Lang) -> Result<Agency, String> {
    let logo = match logo {
        Some(p) => Some((p.display().to_string(), read_bytes(p, lang)?)),
        None => None,
    };
    Ok(Agency { th: th.to_owned(), en: en.clone(), color: color.clone(), logo })
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    match &args.action {
        Action::New { dir, agency_th, agency_en, build, examples, color, logo } => match agency(agency_th, agency_en, color, logo.as_deref(), lang).and_then(|a| new_site(dir, &a, build, *examples, lang)) {
            Ok(()) => {
                println!("{}: {}", lang.pick("สร้างเว็บไซต์แล้ว", "site made"), dir.display());
                Outcome::Yes
            }
            Err(e) => {
                eprintln!("eservice: {e}");
                Outcome::Unreadable
            }
        },
        Action::Check { dir } => check_site(dir, lang),
    }
}

/// Every file under `dir`, by its path from `dir` (with `/`).
fn files_under(dir: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                walk(root, &path, out)?;
            } else {
                let rel = path.strip_prefix(root).unwrap_or(&path).components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                out.push((rel, std::fs::read(&path)?));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    Ok(out)
}

fn new_site(dir: &Path, agency: &Agency, build: &Path, examples: bool, lang: Lang) -> Result<(), String> {
    let io = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    if dir.read_dir().is_ok_and(|mut d| d.next().is_some()) {
        return Err(format!("{}: {}", dir.display(), lang.pick("มีไฟล์อยู่แล้ว เลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง", "is not empty: choose a new or empty folder")));
    }
    let build_files = if build.join("index.html").is_file() { files_under(build).map_err(|e| io(build, e))? } else { Vec::new() };
    let forms = if examples { Forms::Examples } else { Forms::These(&[]) };
    let files = site::make(agency, build_files, forms).map_err(|p| match p {
        SiteProblem::NotABuild => format!("{}: {}", build.display(), p.message(lang)),
        SiteProblem::NotAColor(_) => format!("--color: {}", p.message(lang)),
        SiteProblem::Logo(_) => format!("--logo: {}", p.message(lang)),
        SiteProblem::NoAgency => format!("--agency-th: {}", p.message(lang)),
    })?;
    for (path, bytes) in files {
        let target = dir.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        write_whole(&target, &bytes)?;
    }
    Ok(())
}

/// Prints each problem as `file: message`; the count of them.
fn check_site(dir: &Path, lang: Lang) -> Outcome {
    if !dir.join("index.html").is_file() {
        eprintln!("eservice: {}: {}", dir.display(), lang.pick("ไม่ใช่โฟลเดอร์เว็บไซต์ (ไม่มี index.html)", "is not a site folder (no index.html)"));
        return Outcome::Unreadable;
    }
    let mut problems: Vec<String> = Vec::new();
    let index_path = dir.join("forms/index.json");
    match read_json(&index_path) {
        Err(e) => problems.push(e.message(lang)),
        Ok(index) => {
            let catalog = Catalog::from_json(&index);
            problems.extend(catalog.problems.iter().map(|p| format!("{}: {}", index_path.display(), p.message(lang))));
            for entry in &catalog.entries {
                problems.extend(check_form(dir, &entry.id.to_string(), lang));
            }
        }
    }
    let trust = dir.join("trust.json");
    if let Err(e) = read_bytes(&trust, lang).and_then(|b| TrustList::from_json(&trust.display().to_string(), &b).map(drop).map_err(|e| e.message(lang))) {
        problems.push(e);
    }
    let register = dir.join("register.json");
    if let Err(e) = read_bytes(&register, lang).and_then(|b| Register::from_json(&register.display().to_string(), &b).map(drop).map_err(|e| e.message(lang))) {
        problems.push(e);
    }
    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        println!("{}", lang.pick("เว็บไซต์พร้อมใช้งาน", "the site is sound"));
        Outcome::Yes
    } else {
        Outcome::No
    }
}

/// The problems of the form `id`: its schema (with what it refers to), its
/// UI schema, and any field the renderer could not draw.
fn check_form(dir: &Path, id: &str, lang: Lang) -> Vec<String> {
    let folder = dir.join("forms").join(id);
    let schema = folder.join("schema.json");
    let validator = match load_validator(&schema, lang) {
        Ok(v) => v,
        Err(e) => return vec![e],
    };
    let ui_path = folder.join("ui.json");
    let ui = match ui_path.is_file() {
        true => match read_json(&ui_path) {
            Ok(ui) => ui,
            Err(e) => return vec![e.message(lang)],
        },
        false => Value::Null,
    };
    let spec = FormSpec::new(&validator, &ui, &Value::Object(Default::default()), &Selections::default());
    let mut out: Vec<String> = spec
        .leaves()
        .iter()
        .filter_map(|f| match &f.widget {
            Widget::Unsupported { reason } => Some(format!("{}#{}: {}: {reason}", schema.display(), f.pointer, lang.pick("แสดงผลไม่ได้", "cannot be drawn"))),
            _ => None,
        })
        .collect();
    out.extend(eservice_core::schema::unknown_keywords(validator.schema()).into_iter().map(|(at, keyword)| {
        format!("{}#{at}: {} “{keyword}”", schema.display(), lang.pick("ไม่รู้จักคีย์เวิร์ด", "unknown keyword"))
    }));
    out
}
