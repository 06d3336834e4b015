//! `eservice hash FILE…`: the SHA-256 of each file, read in chunks, in
//! `sha256sum`'s format, the same digest the browser records; `--json`
//! prints manifest entries with the type read from the bytes.

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use eservice_core::evidence::{sniff, ManifestEntry, Sha256Stream};
use eservice_core::Lang;

use crate::Outcome;

const CHUNK: usize = 1 << 20;

#[derive(clap::Args)]
pub struct Args {
    /// Files to hash.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print manifest entries (name, media type by content, size, sha256) as JSON lines.
    #[arg(long)]
    json: bool,
}

fn hash_file(path: &PathBuf) -> std::io::Result<ManifestEntry> {
    let mut f = File::open(path)?;
    let mut buf = vec![0u8; CHUNK];
    let mut stream = Sha256Stream::new();
    let mut head = Vec::new();
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        if head.len() < 16 {
            head.extend_from_slice(&buf[..n.min(16 - head.len())]);
        }
        stream.update(&buf[..n]);
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(ManifestEntry { name, media_type: sniff(&head), size: stream.len(), sha256: stream.finish(), compression: None, signature: None, marked: None })
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let mut outcome = Outcome::Yes;
    for path in &args.files {
        match hash_file(path) {
            Ok(entry) if args.json => println!("{}", entry.to_json()),
            Ok(entry) => println!("{}  {}", entry.sha256, path.display()),
            Err(e) => {
                let msg = match lang {
                    Lang::Th => format!("อ่านไฟล์ {} ไม่ได้: {e}", path.display()),
                    Lang::En => format!("cannot read {}: {e}", path.display()),
                };
                eprintln!("eservice: {msg}");
                outcome = Outcome::Unreadable;
            }
        }
    }
    outcome
}
