//! The agency's encryption key on the command line: its passphrase comes
//! from a file (`--passphrase-file`, first line) or from the
//! `ESERVICE_PASSPHRASE` environment variable, never from an argument
//! (arguments are visible to every user of the machine in `ps`).

use std::path::Path;

use eservice_core::seal::{keys, Identity};
use eservice_core::Lang;
use zeroize::Zeroizing;

pub const PASSPHRASE_ENV: &str = "ESERVICE_PASSPHRASE";

/// The passphrase, from `file` or the environment.
pub fn passphrase(file: Option<&Path>, lang: Lang) -> Result<Zeroizing<String>, String> {
    if let Some(f) = file {
        let text = Zeroizing::new(crate::input::read_bytes(f, lang)?);
        let text = core::str::from_utf8(&text).map_err(|_| format!("{}: {}", f.display(), lang.pick("ไม่ใช่ข้อความ UTF-8", "not UTF-8 text")))?;
        return Ok(Zeroizing::new(text.lines().next().unwrap_or_default().to_owned()));
    }
    match std::env::var(PASSPHRASE_ENV) {
        Ok(p) => Ok(Zeroizing::new(p)),
        Err(_) => Err(match lang {
            Lang::Th => format!("ต้องมีรหัสผ่านของกุญแจ: ใส่ในตัวแปร {PASSPHRASE_ENV} หรือในไฟล์ที่ระบุด้วย --passphrase-file"),
            Lang::En => format!("The key's passphrase is needed: set {PASSPHRASE_ENV}, or give --passphrase-file"),
        }),
    }
}

/// The identity in the key file at `path` (sealed with a passphrase, or a
/// plain age identity file).
pub fn identity(path: &Path, passphrase_file: Option<&Path>, lang: Lang) -> Result<Identity, String> {
    let file = Zeroizing::new(crate::input::read_bytes(path, lang)?);
    let pass = match eservice_core::seal::is_sealed(&file) {
        true => Some(passphrase(passphrase_file, lang)?),
        false => None,
    };
    keys::unprotect(&file, pass.as_deref().map(String::as_str)).map_err(|e| format!("{}: {}", path.display(), e.message(lang)))
}

/// Runs `f` with the system's randomness; `None` if the system gave none
/// (then whatever `f` made is thrown away: it was made with zeros).
pub fn with_randomness<T>(f: impl FnOnce(&mut dyn FnMut(&mut [u8])) -> T) -> Option<T> {
    let mut failed = false;
    let out = f(&mut |buf: &mut [u8]| failed |= getrandom::fill(buf).is_err());
    (!failed).then_some(out)
}

pub fn no_randomness(lang: Lang) -> String {
    lang.pick("ระบบไม่มีแหล่งสุ่ม", "the system gave no randomness").to_owned()
}
