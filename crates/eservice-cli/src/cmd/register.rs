//! `eservice register import FILE.csv`: the permit register as the JSON file
//! the verify page and `eservice verify --register` read, from the CSV an
//! agency keeps in Excel. Bad rows are named by line and column; exit 2.
//!
//! `eservice register add PKG.zip… --register incoming.csv`: received
//! packages into the incoming register; unsound ones and duplicates are
//! named and left out (exit 1).

use std::path::PathBuf;

use eservice_core::register::Register;
use eservice_core::Lang;

use crate::input::read_bytes;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Convert a register CSV (number,holder,type,issued,expires,status,sha256) to JSON on stdout.
    Import { csv: PathBuf },
    /// Add received submission packages to the incoming register (ทะเบียนหนังสือรับ, CSV).
    Add {
        #[arg(required = true)]
        packages: Vec<PathBuf>,
        /// The incoming register (CSV, UTF-8 with BOM; created if missing).
        #[arg(long)]
        register: PathBuf,
        /// The agency's forms folder, to validate each package's data too.
        #[arg(long)]
        forms: Option<PathBuf>,
        /// Also write the register as an Excel workbook here.
        #[arg(long)]
        xlsx: Option<PathBuf>,
        /// Sealed packages are opened with the agency's key.
        #[command(flatten)]
        key: crate::cmd::package::KeyArgs,
    },
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let csv = match &args.action {
        Action::Import { csv } => csv,
        Action::Add { packages, register, forms, xlsx, key } => return add(packages, register, forms.as_deref(), xlsx.as_deref(), key, lang),
    };
    let text = read_bytes(csv, lang).and_then(|b| {
        String::from_utf8(b).map_err(|_| match lang {
            Lang::Th => format!("{} ไม่ใช่ข้อความ UTF-8 (ให้บันทึกจาก Excel เป็น CSV UTF-8)", csv.display()),
            Lang::En => format!("{} is not UTF-8 text (save it from Excel as CSV UTF-8)", csv.display()),
        })
    });
    match text.and_then(|t| Register::from_csv(&csv.display().to_string(), &t).map_err(|e| e.message(lang))) {
        Ok(r) => {
            println!("{}", serde_json::to_string_pretty(&r.to_json()).unwrap_or_default());
            Outcome::Yes
        }
        Err(msg) => {
            eprintln!("eservice: {msg}");
            Outcome::Unreadable
        }
    }
}

/// Adds each sound package to the incoming register; unsound ones and
/// duplicates are reported and left out (exit 1 if any was).
fn add(packages: &[PathBuf], register: &std::path::Path, forms: Option<&std::path::Path>, xlsx: Option<&std::path::Path>, key: &crate::cmd::package::KeyArgs, lang: Lang) -> Outcome {
    use eservice_core::incoming::{AddProblem, IncomingRegister};
    let mut reg = match crate::input::read_if_present(register, lang) {
        Ok(b) => b.map(|b| IncomingRegister::from_csv(&String::from_utf8_lossy(&b))).unwrap_or_default(),
        Err(msg) => {
            eprintln!("eservice: {msg}");
            return Outcome::Unreadable;
        }
    };
    let mut outcome = Outcome::Yes;
    let now = crate::unix_now();
    for p in packages {
        let opened = match crate::cmd::package::inspect(p, key, None, forms, lang) {
            Ok((o, _, _)) => o,
            Err(msg) => {
                eprintln!("eservice: {msg}");
                outcome = Outcome::Unreadable;
                continue;
            }
        };
        match opened {
            Ok(o) if o.is_sound() => match reg.add(&o, now) {
                Ok(row) => println!("{}: {} {}", p.display(), lang.pick("รับเป็นเลขทะเบียน", "added as row"), row.number),
                Err(AddProblem::Duplicate(n)) => {
                    println!("{}: {} {n}", p.display(), lang.pick("ซ้ำกับชุดเอกสารที่รับแล้ว เลขทะเบียน", "duplicate of the submission already in row"));
                    outcome = Outcome::No;
                }
            },
            Ok(o) => {
                let reasons: Vec<String> = o.problems.iter().map(|x| x.message(lang)).collect();
                println!("{}: {} {}", p.display(), lang.pick("ไม่รับ:", "not added:"), reasons.join("; "));
                outcome = Outcome::No;
            }
            Err(problem) => {
                println!("{}: {} {}", p.display(), lang.pick("ไม่รับ:", "not added:"), problem.message(lang));
                outcome = Outcome::No;
            }
        }
    }
    let written = crate::output::write_whole(register, reg.to_csv().as_bytes()).and_then(|_| match xlsx {
        Some(x) => crate::output::write_whole(x, &reg.to_xlsx()),
        None => Ok(()),
    });
    if let Err(msg) = written {
        eprintln!("eservice: {msg}");
        return Outcome::Unreadable;
    }
    outcome
}
