//! `eservice keygen`: a new P-256 signing key for the agency, with a
//! certificate request (CSR) to send its CA, or a self-signed certificate
//! for trying the kit out; or (`--encryption`) the key pair citizens'
//! packages are sealed to: the public key (`age1…`) printed for
//! `index.json`'s `encryptTo`, the private key written sealed with a
//! passphrase (and a backup copy). Key files are readable by their owner
//! only, and an existing one is never overwritten.

use std::path::PathBuf;

use eservice_core::keygen::{generate, Output};
use eservice_core::Lang;

use crate::output::write_whole;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// Common name: the signer, e.g. the office or the officer.
    #[arg(long, required_unless_present = "encryption")]
    cn: Option<String>,
    /// Organization: the agency, as its stamp should show it.
    #[arg(long, default_value = "")]
    org: String,
    /// Where to write the private key (PKCS#8 PEM; with --encryption, an
    /// age file sealed with the passphrase).
    #[arg(long)]
    key_out: PathBuf,
    /// Write a certificate request (PEM) here, for the agency's CA.
    #[arg(long, conflicts_with = "self_signed", required_unless_present_any = ["self_signed", "encryption"])]
    csr_out: Option<PathBuf>,
    /// Make the encryption key pair packages are sealed to (age X25519).
    /// The passphrase: ESERVICE_PASSPHRASE or --passphrase-file.
    #[arg(long, conflicts_with_all = ["csr_out", "self_signed", "cn"])]
    encryption: bool,
    /// A second copy of the encryption key file, to keep somewhere else.
    #[arg(long, requires = "encryption")]
    backup_out: Option<PathBuf>,
    /// A file whose first line is the key file's passphrase.
    #[arg(long, requires = "encryption")]
    passphrase_file: Option<PathBuf>,
    /// Write a self-signed certificate (PEM) here instead, for testing.
    #[arg(long)]
    self_signed: Option<PathBuf>,
    /// Days the self-signed certificate is valid.
    #[arg(long, default_value_t = 365)]
    days: u32,
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    if args.encryption {
        return encryption(args, lang);
    }
    let output = match args.self_signed {
        Some(_) => Output::SelfSigned { days: args.days },
        None => Output::Request,
    };
    let made = (0..8).find_map(|_| {
        let mut seed = zeroize::Zeroizing::new([0u8; 32]);
        getrandom::fill(&mut *seed).ok()?;
        generate(&seed, args.cn.as_deref().unwrap_or_default(), &args.org, output, crate::unix_now())
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

/// Shorter passphrases fall to guessing, scrypt or not.
const MIN_PASSPHRASE: usize = 10;

/// The encryption key pair: the key file (and its backup) sealed with the
/// passphrase, the public key on standard output.
fn encryption(args: &Args, lang: Lang) -> Outcome {
    let fail = |msg: String| {
        eprintln!("eservice: {msg}");
        Outcome::Unreadable
    };
    let outs: Vec<&std::path::Path> = std::iter::once(args.key_out.as_path()).chain(args.backup_out.as_deref()).collect();
    // Replacing a key would leave every package sealed to it unreadable.
    if let Some(p) = outs.iter().find(|p| p.exists()) {
        return fail(format!("{}: {}", p.display(), lang.pick("มีไฟล์อยู่แล้ว ไม่เขียนทับกุญแจเดิม (กุญแจเดิมยังต้องใช้เปิดคำขอที่เข้ารหัสถึงกุญแจนั้น)", "already exists; an existing key is never overwritten (it still opens what was sealed to it)")));
    }
    let passphrase = match crate::secret::passphrase(args.passphrase_file.as_deref(), lang) {
        Ok(p) => p,
        Err(msg) => return fail(msg),
    };
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return fail(match lang {
            Lang::Th => format!("รหัสผ่านสั้นเกินไป: ต้องมีอย่างน้อย {MIN_PASSPHRASE} ตัวอักษร"),
            Lang::En => format!("The passphrase is too short: at least {MIN_PASSPHRASE} characters"),
        });
    }
    let created = der::DateTime::from_unix_duration(std::time::Duration::from_secs(crate::unix_now())).map(|t| t.to_string()).unwrap_or_default();
    let made = crate::secret::with_randomness(|random| {
        let identity = eservice_core::seal::Identity::generate(random);
        let file = eservice_core::seal::keys::protect(&identity, &created, &passphrase, eservice_core::seal::PASSPHRASE_WORK, random);
        (identity.recipient(), file)
    });
    let (public, file) = match made {
        Some((public, Ok(file))) => (public, file),
        Some((_, Err(e))) => return fail(e.message(lang)),
        None => return fail(crate::secret::no_randomness(lang)),
    };
    for p in &outs {
        if let Err(msg) = write_private(p, &file) {
            return fail(msg);
        }
    }
    println!("{public}");
    eprintln!("{}: {}", outs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "), lang.pick(
        "กุญแจส่วนตัวสำหรับเปิดคำขอที่เข้ารหัส ป้องกันด้วยรหัสผ่าน หากไม่มีไฟล์นี้และรหัสผ่าน จะเปิดคำขอที่ส่งมาไม่ได้อีกเลย เก็บสำเนาสำรองไว้คนละที่",
        "the private key that opens sealed submissions, protected by the passphrase. Without this file and its passphrase no submission sealed to it can ever be read: keep the backup copy in another place",
    ));
    eprintln!("{}: {public}", lang.pick("กุญแจสาธารณะ ใส่ใน index.json เป็น encryptTo", "public key, for index.json's encryptTo"));
    Outcome::Yes
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
