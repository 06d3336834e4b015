//! `eservice ltv-update IN.pdf OUT.pdf --crl F --ocsp F [--cert F]`: adds
//! validation data (CRLs, OCSP responses, certificates) to a signed permit's
//! DSS in an incremental update, so its signatures stay verifiable offline
//! after the certificates expire. The signatures are untouched; verifiers
//! see "validation data added" and no change to the document.
//!
//! Exit 0 when written, 2 when an input cannot be used.

use std::path::PathBuf;

use eservice_core::pdf::dss::{append, Dss};
use eservice_core::signature::pem;
use eservice_core::signing::SignError;
use eservice_core::Lang;

use crate::input::{read_bytes, revocation_files};
use crate::output::write_whole;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// The signed PDF.
    input: PathBuf,
    /// Where to write the PDF with its validation data.
    output: PathBuf,
    /// A CRL (PEM or DER); repeat for more.
    #[arg(long, value_name = "FILE")]
    crl: Vec<PathBuf>,
    /// An OCSP response (DER); repeat for more.
    #[arg(long, value_name = "FILE")]
    ocsp: Vec<PathBuf>,
    /// Certificates of the chains (PEM or DER); repeat for more.
    #[arg(long, value_name = "FILE")]
    cert: Vec<PathBuf>,
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    match try_run(args, lang) {
        Ok(()) => Outcome::Yes,
        Err(msg) => {
            eprintln!("eservice: {msg}");
            Outcome::Unreadable
        }
    }
}

fn try_run(args: &Args, lang: Lang) -> Result<(), String> {
    let pdf = read_bytes(&args.input, lang)?;
    let revocation = revocation_files(&args.crl, &args.ocsp, lang)?;
    let mut certs = Vec::new();
    for path in &args.cert {
        certs.extend(pem::certificates(&read_bytes(path, lang)?).map_err(|p| format!("{}: {}", path.display(), p.message(lang)))?);
    }
    let add = Dss { certs, crls: revocation.crls, ocsps: revocation.ocsps };
    if add.is_empty() {
        return Err(lang.pick("ไม่มีข้อมูลให้เพิ่ม: ระบุ --crl, --ocsp หรือ --cert", "Nothing to add: give --crl, --ocsp or --cert").into());
    }
    // An update is written as signing writes one: the same reasons refuse it.
    let out = append(&pdf, &add).map_err(|p| format!("{}: {}", args.input.display(), SignError::Open(p).message(lang)))?;
    write_whole(&args.output, &out)?;
    eprintln!("{}: {} ({} CRL, {} OCSP, {} {})", args.output.display(), lang.pick("เพิ่มข้อมูลสำหรับตรวจสอบระยะยาวแล้ว", "validation data added"), add.crls.len(), add.ocsps.len(), add.certs.len(), lang.pick("ใบรับรอง", "certificates"));
    Ok(())
}
