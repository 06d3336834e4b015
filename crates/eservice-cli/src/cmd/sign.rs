//! `eservice sign IN.pdf OUT.pdf`: signs a permit as the agency (PAdES B-B,
//! incremental update), with a PEM/DER key and certificate or a `.p12`,
//! and optionally records it in the public permit register. `--crl` and
//! `--ocsp` sign the chain's revocation data in, so verifiers can check it
//! offline; `--tsa URL` adds an RFC 3161 time-stamp (B-T), and `--ltv`
//! fetches the chain's OCSP answers and CRLs into the DSS (B-LT).
//!
//! OUT is written whole or not at all: the PDF goes to a temporary file
//! beside it that is renamed into place. Exit 0 when signed, 2 when an input
//! cannot be used (the message names which and why).

use std::path::{Path, PathBuf};

use eservice_core::register::{NewPermit, Register};
use eservice_core::ltv;
use eservice_core::pdf::dss::{append, Dss};
use eservice_core::signing::{sign, timestamp_document, Certify, Options, SignError, Signer, Stamp};
use eservice_core::Lang;

use crate::input::{read_bytes, read_if_present, revocation_files};
use crate::output::write_whole;
use crate::Outcome;

/// The stamp's Thai font, shipped in the binary (GPL-2+ with the font
/// exception: embedding it in permits is allowed).
const GARUDA: &[u8] = include_bytes!("../../../../assets/fonts/Garuda.ttf");

#[derive(clap::Args)]
pub struct Args {
    /// The permit PDF to sign.
    input: PathBuf,
    /// Where to write the signed PDF.
    output: PathBuf,
    /// Private key (PEM or DER: PKCS#8, SEC1 or PKCS#1).
    #[arg(long, requires = "cert", conflicts_with = "p12")]
    key: Option<PathBuf>,
    /// The signer's certificate (PEM or DER).
    #[arg(long, requires = "key")]
    cert: Option<PathBuf>,
    /// Certificates up to the agency's CA (PEM, one or more).
    #[arg(long)]
    chain: Option<PathBuf>,
    /// PKCS#12 file (.p12/.pfx) with the key and certificates.
    #[arg(long, requires = "password_file")]
    p12: Option<PathBuf>,
    /// File holding the .p12 password ("-" reads it from standard input).
    #[arg(long)]
    password_file: Option<PathBuf>,
    /// A visible stamp: PAGE,X,Y,W,H in points from the lower left corner.
    #[arg(long, value_name = "PAGE,X,Y,W,H")]
    visible: Option<String>,
    /// TrueType font for the stamp's Thai text (default: the bundled Garuda).
    #[arg(long)]
    font: Option<PathBuf>,
    #[arg(long)]
    reason: Option<String>,
    #[arg(long)]
    location: Option<String>,
    /// Certify the permit (DocMDP): later signatures allowed, or no changes at all.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "allow-signatures")]
    certify: Option<CertifyArg>,
    /// Record the signed permit in this register (JSON; created if missing).
    #[arg(long, requires_all = ["number", "holder", "permit_type"])]
    register: Option<PathBuf>,
    /// Permit number, for the register.
    #[arg(long)]
    number: Option<String>,
    /// Permit holder, for the register.
    #[arg(long)]
    holder: Option<String>,
    /// Permit type, for the register.
    #[arg(long = "type")]
    permit_type: Option<String>,
    /// Expiry date (YYYY-MM-DD), for the register.
    #[arg(long)]
    expires: Option<String>,
    /// A CRL for the chain (PEM or DER), signed into the signature; repeat for more.
    #[arg(long, value_name = "FILE")]
    crl: Vec<PathBuf>,
    /// An OCSP response for the chain (DER), signed into the signature; repeat for more.
    #[arg(long, value_name = "FILE")]
    ocsp: Vec<PathBuf>,
    /// A time-stamp authority (RFC 3161, http://…): its token over the signature proves when it was made (PAdES B-T).
    #[arg(long, value_name = "URL")]
    tsa: Option<String>,
    /// After signing, fetch the chain's OCSP answers and CRLs (from the URLs its certificates name) into the DSS (PAdES B-LT).
    #[arg(long)]
    ltv: bool,
    /// B-LTA: --ltv, then a document time-stamp from the --tsa authority over it all.
    #[arg(long, requires = "tsa")]
    lta: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CertifyArg {
    AllowSignatures,
    NoChanges,
}

fn password(path: &Path, lang: Lang) -> Result<String, String> {
    let raw = if path == Path::new("-") {
        let mut s = String::new();
        std::io::stdin().read_line(&mut s).map_err(|e| e.to_string())?;
        s.into_bytes()
    } else {
        read_bytes(path, lang)?
    };
    let text = String::from_utf8(raw).map_err(|_| lang.pick("รหัสผ่านไม่ใช่ข้อความ UTF-8", "The password is not UTF-8 text").to_owned())?;
    Ok(text.trim_end_matches(['\r', '\n']).to_owned())
}

fn signer(args: &Args, lang: Lang) -> Result<Signer, String> {
    let named = |file: &Path, msg: String| format!("{}: {msg}", file.display());
    match (&args.p12, &args.key, &args.cert) {
        (Some(p12), _, _) => {
            let pw = password(args.password_file.as_deref().unwrap_or(Path::new("-")), lang)?;
            Signer::from_p12(&read_bytes(p12, lang)?, &pw).map_err(|e| named(p12, e.message(lang)))
        }
        (None, Some(key), Some(cert)) => {
            let chain = args.chain.as_ref().map(|c| read_bytes(c, lang)).transpose()?;
            Signer::from_files(&read_bytes(key, lang)?, &read_bytes(cert, lang)?, chain.as_deref()).map_err(|e| named(key, e.message(lang)))
        }
        _ => Err(lang.pick("ต้องระบุ --key กับ --cert หรือ --p12 กับ --password-file", "Give --key and --cert, or --p12 and --password-file").into()),
    }
}

/// `signed` with its chain's revocation data, fetched now, in a DSS.
fn long_term(signed: &[u8], signer: &Signer, lang: Lang) -> Result<Vec<u8>, String> {
    let path = ltv::path(signer.certificate(), &signer.chain_certificates());
    let (revocation, failed) = crate::http::revocation(&ltv::fetches(&path), lang);
    for f in &failed {
        eprintln!("eservice: {}: {f}", lang.pick("คำเตือน", "warning"));
    }
    if revocation.crls.is_empty() && revocation.ocsps.is_empty() {
        return Err(lang.pick(
            "--ltv: ดึงข้อมูลการเพิกถอน (OCSP หรือ CRL) ของสายใบรับรองไม่ได้เลย ใบรับรองไม่ได้ระบุที่อยู่ http:// หรือติดต่อไม่ได้ จึงไม่ได้เขียนไฟล์",
            "--ltv: no revocation data (OCSP or CRL) could be fetched for the chain: its certificates name no http:// address, or none answered; nothing was written",
        ).into());
    }
    let dss = Dss { certs: path.iter().map(|c| c.der.clone()).collect(), crls: revocation.crls, ocsps: revocation.ocsps };
    append(signed, &dss).map_err(|p| SignError::Open(p).message(lang))
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    Outcome::of(try_run(args, lang))
}

fn try_run(args: &Args, lang: Lang) -> Result<(), String> {
    let pdf = read_bytes(&args.input, lang)?;
    let signer = signer(args, lang)?.with_revocation(revocation_files(&args.crl, &args.ocsp, lang)?);
    let time = crate::unix_now();
    for w in signer.warnings(time) {
        eprintln!("eservice: {}: {}", lang.pick("คำเตือน", "warning"), w.message(lang));
    }
    let stamp = match &args.visible {
        Some(v) => Some(Stamp::parse(v).ok_or_else(|| match lang {
            Lang::Th => format!("--visible {v}: ต้องเป็น หน้า,X,Y,กว้าง,สูง เป็นจำนวนเต็ม (หน่วยพอยต์ กว้างอย่างน้อย 20 สูงอย่างน้อย 10)"),
            Lang::En => format!("--visible {v}: expected PAGE,X,Y,W,H as whole numbers (points; width at least 20, height at least 10)"),
        })?),
        None => None,
    };
    let certify = args.certify.map(|c| match c {
        CertifyArg::AllowSignatures => Certify::FormFillingAndSigning,
        CertifyArg::NoChanges => Certify::NoChanges,
    });
    let font = match &args.font {
        Some(f) => read_bytes(f, lang)?,
        None => GARUDA.to_vec(),
    };
    let send = |request: &[u8]| crate::http::ask_tsa(args.tsa.as_deref().unwrap_or_default(), request);
    let tsa = args.tsa.as_deref().map(|url| crate::http::tsa(url, &send, lang)).transpose()?;
    let opts = Options { reason: args.reason.clone(), location: args.location.clone(), stamp, certify, time, font: Some(&font), tsa };
    let mut signed = sign(&pdf, &signer, &opts).map_err(|e| format!("{}: {}", args.input.display(), e.message(lang)))?;
    if args.ltv || args.lta {
        signed = long_term(&signed, &signer, lang)?;
    }
    if let (true, Some(url)) = (args.lta, &args.tsa) {
        let fresh = crate::http::tsa(url, &send, lang)?;
        signed = timestamp_document(&signed, fresh).map_err(|e| format!("{}: {}", args.input.display(), e.message(lang)))?;
    }

    // The register is checked before anything is written, so a bad entry
    // leaves neither file half-done.
    let register = match &args.register {
        Some(path) => {
            let mut reg = match read_if_present(path, lang)? {
                Some(b) => Register::from_json(&path.display().to_string(), &b).map_err(|e| e.message(lang))?,
                None => Register::default(),
            };
            let entry = NewPermit {
                number: args.number.as_deref().unwrap_or_default(),
                holder: args.holder.as_deref().unwrap_or_default(),
                kind: args.permit_type.as_deref().unwrap_or_default(),
                expires: args.expires.as_deref(),
            };
            reg.record_signed(&entry, &signed, time).map_err(|e| e.message(lang))?;
            Some((path, reg))
        }
        None => None,
    };
    write_whole(&args.output, &signed)?;
    if let Some((path, reg)) = register {
        let json = serde_json::to_string_pretty(&reg.to_json()).unwrap_or_default() + "\n";
        write_whole(path, json.as_bytes())?;
    }
    let c = signer.certificate();
    eprintln!("{}: {} {}", args.output.display(), lang.pick("ลงนามแล้วโดย", "signed by"), c.display_name());
    Ok(())
}
