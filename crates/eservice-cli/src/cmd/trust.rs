//! `eservice trust add CERT --name-th … --name-en …`: keeps the trust list
//! the verifier reads (assets/trust.json on the agency's site).

use std::path::PathBuf;

use eservice_core::signature::{pem, Certificate};
use eservice_core::trust::TrustList;
use eservice_core::{Lang, LocalText};

use crate::input::{read_bytes, read_if_present};
use crate::output::write_whole;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Add a CA or signer certificate (PEM or DER) under an agency's name.
    Add {
        cert: PathBuf,
        #[arg(long)]
        name_th: String,
        #[arg(long)]
        name_en: Option<String>,
        /// The trust list to update (created if missing).
        #[arg(long, default_value = "trust.json")]
        list: PathBuf,
    },
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let Action::Add { cert, name_th, name_en, list } = &args.action;
    let result = (|| -> Result<bool, String> {
        let bytes = read_bytes(cert, lang)?;
        let not_a_cert = lang.pick("ไม่ใช่ใบรับรอง X.509 (PEM หรือ DER)", "is not an X.509 certificate (PEM or DER)");
        let ders = pem::certificates(&bytes).map_err(|p| format!("{}: {not_a_cert}: {}", cert.display(), p.message(lang)))?;
        let certs: Vec<Certificate> = ders.iter().filter_map(|d| Certificate::from_der(d).ok()).collect();
        if certs.is_empty() {
            return Err(format!("{}: {not_a_cert}", cert.display()));
        }
        let mut trust = match read_if_present(list, lang)? {
            Some(b) => TrustList::from_json(&list.display().to_string(), &b).map_err(|e| e.message(lang))?,
            None => TrustList::default(),
        };
        let name = LocalText { th: Some(name_th.clone()), en: name_en.clone() };
        let mut added = false;
        for c in certs {
            added |= trust.add(name.clone(), c);
        }
        let json = serde_json::to_string_pretty(&trust.to_json()).unwrap_or_default() + "\n";
        write_whole(list, json.as_bytes())?;
        Ok(added)
    })();
    match result {
        Ok(added) => {
            let what = if added { lang.pick("เพิ่มใบรับรองแล้ว", "certificate added") } else { lang.pick("ใบรับรองนี้อยู่ในรายการแล้ว", "certificate already listed") };
            eprintln!("{}: {what}", list.display());
            Outcome::Yes
        }
        Err(msg) => {
            eprintln!("eservice: {msg}");
            Outcome::Unreadable
        }
    }
}
