//! `eservice ltv-update IN.pdf OUT.pdf [--fetch [--trust T]] [--crl F]
//! [--ocsp F] [--cert F]`: adds
//! validation data (CRLs, OCSP responses, certificates) to a signed permit's
//! DSS in an incremental update, so its signatures stay verifiable offline
//! after the certificates expire. The signatures are untouched; verifiers
//! see "validation data added" and no change to the document.
//!
//! `--fetch` asks, now, the OCSP responders and CRL addresses the signers'
//! chains name (the chains reaching the trust list's agencies or the
//! national root), as `eservice sign --ltv` does when signing.
//!
//! `--tsa URL` then appends a document time-stamp over it all (B-LTA):
//! proof that the signatures and their validation data existed by then,
//! renewed by running it again before that authority's certificate expires.
//!
//! Exit 0 when written, 2 when an input cannot be used.

use std::path::PathBuf;

use eservice_core::pdf::dss::{append, Dss};
use eservice_core::ltv;
use eservice_core::signature::pem;
use eservice_core::trust::TrustList;
use eservice_core::verification::{verify, DateTime};
use eservice_core::signing::{timestamp_document, SignError};
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
    /// Fetch the signers' chains' OCSP answers and CRLs from the addresses their certificates name.
    #[arg(long)]
    fetch: bool,
    /// Trust list (JSON) the chains are built to, with --fetch; the national root alone without it.
    #[arg(long, requires = "fetch")]
    trust: Option<PathBuf>,
    /// Then a document time-stamp from this authority (http://…) over it all (PAdES B-LTA).
    #[arg(long, value_name = "URL")]
    tsa: Option<String>,
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    Outcome::of(try_run(args, lang))
}

fn try_run(args: &Args, lang: Lang) -> Result<(), String> {
    let pdf = read_bytes(&args.input, lang)?;
    let revocation = revocation_files(&args.crl, &args.ocsp, lang)?;
    let mut certs = Vec::new();
    for path in &args.cert {
        certs.extend(pem::certificates(&read_bytes(path, lang)?).map_err(|p| format!("{}: {}", path.display(), p.message(lang)))?);
    }
    let mut add = Dss { certs, crls: revocation.crls, ocsps: revocation.ocsps };
    if args.fetch {
        let trust = match &args.trust {
            Some(p) => TrustList::from_json(&p.display().to_string(), &read_bytes(p, lang)?).map_err(|e| e.message(lang))?,
            None => TrustList::national_only(),
        };
        let now = DateTime::from_unix_duration(std::time::Duration::from_secs(crate::unix_now())).unwrap_or(DateTime::INFINITY);
        let (fetches, chain) = ltv::for_report(&verify(&pdf, &trust, None, now));
        let (fetched, failed) = crate::http::revocation(&fetches, lang);
        for f in &failed {
            eprintln!("eservice: {}: {f}", lang.pick("คำเตือน", "warning"));
        }
        add.crls.extend(fetched.crls);
        add.ocsps.extend(fetched.ocsps);
        add.certs.extend(chain.into_iter().map(|c| c.der));
    }
    let send = |request: &[u8]| crate::http::ask_tsa(args.tsa.as_deref().unwrap_or_default(), request);
    let tsa = args.tsa.as_deref().map(|url| crate::http::tsa(url, &send, lang)).transpose()?;
    if add.is_empty() && tsa.is_none() {
        return Err(lang.pick("ไม่มีข้อมูลให้เพิ่ม: ระบุ --crl, --ocsp, --cert หรือ --fetch (หรือดึงข้อมูลไม่ได้เลย)", "Nothing to add: give --crl, --ocsp, --cert or --fetch (or nothing could be fetched)").into());
    }
    // An update is written as signing writes one: the same reasons refuse it.
    let mut out = if add.is_empty() { pdf } else { append(&pdf, &add).map_err(|p| format!("{}: {}", args.input.display(), SignError::Open(p).message(lang)))? };
    if let Some(tsa) = tsa {
        out = timestamp_document(&out, tsa).map_err(|e| format!("{}: {}", args.input.display(), e.message(lang)))?;
    }
    write_whole(&args.output, &out)?;
    eprintln!("{}: {} ({} CRL, {} OCSP, {} {})", args.output.display(), lang.pick("เพิ่มข้อมูลสำหรับตรวจสอบระยะยาวแล้ว", "validation data added"), add.crls.len(), add.ocsps.len(), add.certs.len(), lang.pick("ใบรับรอง", "certificates"));
    Ok(())
}
