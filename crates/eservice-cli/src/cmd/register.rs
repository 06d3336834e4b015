//! `eservice register import FILE.csv`: the permit register as the JSON file
//! the verify page and `eservice verify --register` read, from the CSV an
//! agency keeps in Excel. Bad rows are named by line and column; exit 2.

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
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let Action::Import { csv } = &args.action;
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
