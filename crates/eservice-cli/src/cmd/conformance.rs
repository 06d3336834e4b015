//! `eservice conformance --suite DIR`: runs the official JSON-Schema-Test-Suite
//! (draft 2020-12) against the kit's validator and prints pass counts.

use std::path::{Path, PathBuf};

use eservice_core::schema::conformance::{metaschemas, run_file, Tally, REMOTES_BASE};
use eservice_core::schema::{PatternEngine, RegressEngine};
use eservice_core::Lang;
use serde_json::Value;

use crate::input::read_json;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// The suite's root: it holds `draft2020-12/` and `remotes/`.
    #[arg(long)]
    suite: PathBuf,
    /// List every failing test.
    #[arg(long)]
    verbose: bool,
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let draft = args.suite.join("draft2020-12");
    if !draft.is_dir() {
        eprintln!("eservice: {}: no draft2020-12 folder here", args.suite.display());
        return Outcome::Unreadable;
    }
    let mut documents = metaschemas();
    let remotes = args.suite.join("remotes");
    for path in json_files(&remotes) {
        let rel = path.strip_prefix(&remotes).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        match read_json(&path) {
            Ok(doc) => documents.push((format!("{REMOTES_BASE}{rel}"), doc)),
            Err(e) => {
                eprintln!("eservice: {}", e.message(lang));
                return Outcome::Unreadable;
            }
        }
    }
    let engine = || -> Box<dyn PatternEngine> { Box::new(RegressEngine::default()) };
    let (mut required, mut optional, mut formats) = (Tally::default(), Tally::default(), Tally::default());
    println!("{:<52} {:>7} {:>7}", "file", "passed", "failed");
    for path in json_files(&draft) {
        let rel = path.strip_prefix(&draft).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        let groups: Value = match read_json(&path) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("eservice: {}", e.message(lang));
                return Outcome::Unreadable;
            }
        };
        let is_format = rel.starts_with("optional/format/");
        let t = run_file(&groups, &documents, is_format, &engine);
        println!("{rel:<52} {:>7} {:>7}", t.passed, t.failed);
        if args.verbose {
            for f in &t.failures {
                println!("    FAIL {f}");
            }
        }
        match () {
            _ if is_format => formats.add(&t),
            _ if rel.starts_with("optional/") => optional.add(&t),
            _ => required.add(&t),
        }
    }
    let line = |name: &str, t: &Tally| println!("{name}: {} of {}", t.passed, t.passed + t.failed);
    line("required", &required);
    line("optional", &optional);
    line("format (asserted)", &formats);
    if required.failed == 0 {
        Outcome::Yes
    } else {
        Outcome::No
    }
}
