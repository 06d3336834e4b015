//! `eservice keygen`: a new P-256 signing key for the agency, with a
//! certificate request (CSR) to send its CA, or a self-signed certificate
//! for trying the kit out. The key file is readable by its owner only.

use std::path::PathBuf;

use eservice_core::keygen::{generate, Output};
use eservice_core::Lang;

use crate::output::write_whole;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// Common name: the signer, e.g. the office or the officer.
    #[arg(long)]
    cn: String,
    /// Organization: the agency, as its stamp should show it.
    #[arg(long, default_value = "")]
    org: String,
    /// Where to write the private key (PKCS#8 PEM).
    #[arg(long)]
    key_out: PathBuf,
    /// Write a certificate request (PEM) here, for the agency's CA.
    #[arg(long, conflicts_with = "self_signed", required_unless_present = "self_signed")]
    csr_out: Option<PathBuf>,
    /// Write a self-signed certificate (PEM) here instead, for testing.
    #[arg(long)]
    self_signed: Option<PathBuf>,
    /// Days the self-signed certificate is valid.
    #[arg(long, default_value_t = 365)]
    days: u32,
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let output = match args.self_signed {
        Some(_) => Output::SelfSigned { days: args.days },
        None => Output::Request,
    };
    let made = (0..8).find_map(|_| {
        let mut seed = zeroize::Zeroizing::new([0u8; 32]);
        getrandom::fill(&mut *seed).ok()?;
        generate(&seed, &args.cn, &args.org, output, crate::unix_now())
    });
    let Some(made) = made else {
        eprintln!("eservice: {}", lang.pick("สร้างกุญแจไม่สำเร็จ: ระบบไม่มีแหล่งสุ่ม", "Could not make a key: the system gave no randomness"));
        return Outcome::Unreadable;
    };
    let Some(other) = args.self_signed.as_ref().or(args.csr_out.as_ref()) else {
        eprintln!("eservice: {}", lang.pick("ต้องระบุ --csr-out หรือ --self-signed", "Give --csr-out or --self-signed"));
        return Outcome::Unreadable;
    };
    let written = write_whole(other, made.pem.as_bytes()).and_then(|_| write_private(&args.key_out, made.key_pem.as_bytes()));
    match written {
        Ok(()) => {
            eprintln!("{}: {}", args.key_out.display(), lang.pick("กุญแจส่วนตัว เก็บไว้เป็นความลับ", "private key; keep it secret"));
            eprintln!("{}: {}", other.display(), match output {
                Output::Request => lang.pick("คำขอใบรับรอง ส่งให้ผู้ออกใบรับรอง (CA)", "certificate request; send it to your CA"),
                Output::SelfSigned { .. } => lang.pick("ใบรับรองที่ลงนามเอง สำหรับทดสอบเท่านั้น", "self-signed certificate, for testing only"),
            });
            Outcome::Yes
        }
        Err(msg) => {
            eprintln!("eservice: {msg}");
            Outcome::Unreadable
        }
    }
}

/// Writes the key so only its owner can read it, where the system allows.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    write_whole(path, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
