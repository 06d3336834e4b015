//! The agency's key pair, written as age writes it: the public key
//! (`age1…`, Bech32) goes in `index.json`'s `encryptTo`; the private key
//! (`AGE-SECRET-KEY-1…`) stays with the clerk, in a key file sealed with a
//! passphrase ([`protect`]), which Debian's `age -d -i` also opens.

use bech32::primitives::decode::CheckedHrpstring;
use bech32::{Bech32, Hrp};
use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::Zeroizing;

use crate::error::KeyProblem;
use crate::{Error, Random};

const PUBLIC_HRP: &str = "age";
const SECRET_HRP: &str = "age-secret-key-";

/// Someone a package can be sealed to: an X25519 public key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recipient(pub(crate) [u8; 32]);

/// The private key that opens what was sealed to its [`Recipient`].
pub struct Identity(pub(crate) StaticSecret);

/// The 32 bytes a Bech32 key string holds under `hrp`.
fn decode(text: &str, hrp: &str) -> Result<[u8; 32], Error> {
    let bad = |why| Error::BadKey(text.to_owned(), why);
    // The parser's own error is not shown: its wording is the library's
    // (and formatting it would carry Debug code into every bundle).
    let checked = CheckedHrpstring::new::<Bech32>(text).map_err(|_| bad(KeyProblem::Unreadable))?;
    if !checked.hrp().as_str().eq_ignore_ascii_case(hrp) {
        return Err(bad(KeyProblem::WrongKind { public_wanted: hrp == PUBLIC_HRP }));
    }
    let bytes: Vec<u8> = checked.byte_iter().collect();
    bytes.try_into().map_err(|_| bad(KeyProblem::WrongLength))
}

fn encode(hrp: &str, bytes: &[u8; 32]) -> String {
    // The HRPs are constants and 32 bytes fit Bech32's 90 characters.
    let hrp = Hrp::parse(hrp).expect("a valid HRP");
    bech32::encode::<Bech32>(hrp, bytes).expect("within Bech32's length")
}

impl Recipient {
    /// An `age1…` public key.
    pub fn parse(text: &str) -> Result<Recipient, Error> {
        let text = text.trim();
        // age writes recipients in lower case and reads them so.
        // A private key pasted where the public one goes is named as such.
        if text.get(..SECRET_HRP.len()).is_some_and(|p| p.eq_ignore_ascii_case(SECRET_HRP)) {
            return Err(Error::BadKey(text.to_owned(), KeyProblem::WrongKind { public_wanted: true }));
        }
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(Error::BadKey(text.to_owned(), KeyProblem::Uppercase));
        }
        decode(text, PUBLIC_HRP).map(Recipient)
    }
}

impl core::fmt::Display for Recipient {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&encode(PUBLIC_HRP, &self.0))
    }
}

impl core::str::FromStr for Recipient {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Recipient::parse(s)
    }
}

impl Identity {
    /// A new key pair from 32 random bytes.
    pub fn generate(random: Random) -> Identity {
        let mut seed = Zeroizing::new([0u8; 32]);
        random(&mut *seed);
        Identity(StaticSecret::from(*seed))
    }

    /// The public key that seals to this one.
    pub fn recipient(&self) -> Recipient {
        Recipient(PublicKey::from(&self.0).to_bytes())
    }

    /// The first `AGE-SECRET-KEY-1…` of an identity file (comments and
    /// blank lines skipped, as age-keygen writes them).
    pub fn parse(text: &str) -> Result<Identity, Error> {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        let line = lines.next().ok_or(Error::BadKey(String::new(), KeyProblem::NoSecretLine))?;
        // A private key is never echoed back in a message.
        let secret = Zeroizing::new(decode(line, SECRET_HRP).map_err(|e| match e {
            Error::BadKey(_, why) => Error::BadKey(String::new(), why),
            other => other,
        })?);
        Ok(Identity(StaticSecret::from(*secret)))
    }

    /// `AGE-SECRET-KEY-1…`, in upper case as age writes it.
    pub fn to_secret_string(&self) -> Zeroizing<String> {
        let bytes = Zeroizing::new(self.0.to_bytes());
        let mut text = Zeroizing::new(encode(SECRET_HRP, &bytes));
        text.make_ascii_uppercase();
        text
    }

    /// The identity file's text, as age-keygen writes it.
    pub fn file_text(&self, created: &str) -> Zeroizing<String> {
        Zeroizing::new(format!("# created: {created}\n# public key: {}\n{}\n", self.recipient(), *self.to_secret_string()))
    }
}

/// The key file: the identity file's text sealed with `passphrase`.
pub fn protect(identity: &Identity, created: &str, passphrase: &str, work: u8, random: Random) -> Result<Vec<u8>, Error> {
    crate::seal_with_passphrase(identity.file_text(created).as_bytes(), passphrase, work, random)
}

/// The identity in a key file: one sealed with a passphrase, or a plain
/// identity file (then `passphrase` is not needed).
pub fn unprotect(file: &[u8], passphrase: Option<&str>) -> Result<Identity, Error> {
    if !crate::is_sealed(file) {
        let text = core::str::from_utf8(file).map_err(|_| Error::BadKey(String::new(), KeyProblem::NotText))?;
        return Identity::parse(text);
    }
    let text = crate::open_with_passphrase(file, passphrase.unwrap_or_default())?;
    let text = core::str::from_utf8(&text).map_err(|_| Error::BadKey(String::new(), KeyProblem::NotText))?;
    Identity::parse(text)
}
