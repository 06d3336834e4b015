//! The age header: a version line, one stanza per recipient (a `-> ` line
//! of arguments and a Base64 body wrapped at 64 columns), and `---` with a
//! MAC over all of it, keyed from the file key, so that no stanza can be
//! added, removed or changed unnoticed.

use base64ct::{Base64Unpadded, Encoding};
use hkdf::Hkdf;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::{Damage, Error};

pub(crate) const VERSION_LINE: &str = "age-encryption.org/v1";
/// Headers are a few hundred bytes; a file whose "header" runs on is not age.
const MAX_HEADER: usize = 64 * 1024;
const COLUMNS: usize = 64;

pub(crate) struct Stanza {
    pub tag: String,
    pub args: Vec<String>,
    pub body: Vec<u8>,
}

pub(crate) struct Header {
    pub stanzas: Vec<Stanza>,
    mac: [u8; 32],
    /// The bytes the MAC covers: through `---`.
    covered: usize,
    /// The whole header, through the MAC line's newline.
    pub len: usize,
}

fn header_damaged() -> Error {
    Error::Damaged(Damage::Header)
}

/// An argument or tag: printable ASCII, no spaces, not empty.
fn is_arg(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

pub(crate) fn parse(bytes: &[u8]) -> Result<Header, Error> {
    let first = VERSION_LINE.len() + 1;
    if !bytes.starts_with(VERSION_LINE.as_bytes()) || bytes.get(first - 1) != Some(&b'\n') {
        return Err(match bytes {
            b if b.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----") => Error::Unsupported("ASCII armor".into()),
            b if b.starts_with(b"age-encryption.org/") => {
                let line = b.split(|&c| c == b'\n').next().unwrap_or_default();
                Error::Unsupported(String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned())
            }
            _ => Error::NotAge,
        });
    }
    let mut at = first;
    // The next line, without its newline; a header line always has one.
    let line = |at: &mut usize| -> Result<(usize, &str), Error> {
        let rest = &bytes[*at..bytes.len().min(MAX_HEADER)];
        let end = rest.iter().position(|&c| c == b'\n').ok_or(if bytes.len() < MAX_HEADER { Error::Damaged(Damage::Truncated) } else { header_damaged() })?;
        let start = *at;
        *at += end + 1;
        Ok((start, core::str::from_utf8(&rest[..end]).map_err(|_| header_damaged())?))
    };
    let mut stanzas = Vec::new();
    loop {
        let (start, text) = line(&mut at)?;
        if let Some(mac) = text.strip_prefix("--- ") {
            let mac: [u8; 32] = Base64Unpadded::decode_vec(mac).ok().and_then(|m| m.try_into().ok()).ok_or_else(header_damaged)?;
            return Ok(Header { stanzas, mac, covered: start + 3, len: at });
        }
        let args = text.strip_prefix("-> ").ok_or_else(header_damaged)?;
        let mut args: Vec<String> = args.split(' ').map(str::to_owned).collect();
        if !args.iter().all(|a| is_arg(a)) {
            return Err(header_damaged());
        }
        let tag = args.remove(0);
        // Full lines of 64 columns, then one shorter (maybe empty).
        let mut b64 = String::new();
        loop {
            let (_, body) = line(&mut at)?;
            if body.len() > COLUMNS {
                return Err(header_damaged());
            }
            b64.push_str(body);
            if body.len() < COLUMNS {
                break;
            }
        }
        let body = Base64Unpadded::decode_vec(&b64).map_err(|_| header_damaged())?;
        stanzas.push(Stanza { tag, args, body });
    }
}

/// HKDF-SHA-256 of `ikm` with `salt` and `info`, 32 bytes.
pub(crate) fn derive(ikm: &[u8], salt: &[u8], info: &[u8]) -> zeroize::Zeroizing<[u8; 32]> {
    let mut key = zeroize::Zeroizing::new([0u8; 32]);
    // 32 bytes is within HKDF-SHA-256's output limit.
    Hkdf::<Sha256>::new(Some(salt), ikm).expand(info, &mut *key).expect("32 bytes");
    key
}

fn mac(file_key: &[u8; 16]) -> Hmac<Sha256> {
    let key = derive(file_key, &[], b"header");
    <Hmac<Sha256> as KeyInit>::new_from_slice(&*key).expect("HMAC takes any key length")
}

impl Header {
    /// Whether `file_key` made this header (checked in constant time).
    pub fn check(&self, bytes: &[u8], file_key: &[u8; 16]) -> Result<(), Error> {
        let mut m = mac(file_key);
        m.update(&bytes[..self.covered]);
        m.verify_slice(&self.mac).map_err(|_| Error::Damaged(Damage::HeaderMac))
    }
}

/// The header for `stanzas`, MACed with `file_key`.
pub(crate) fn write(stanzas: &[Stanza], file_key: &[u8; 16]) -> Vec<u8> {
    let mut text = format!("{VERSION_LINE}\n");
    for s in stanzas {
        text.push_str("->");
        for a in core::iter::once(&s.tag).chain(&s.args) {
            text.push(' ');
            text.push_str(a);
        }
        text.push('\n');
        let b64 = Base64Unpadded::encode_string(&s.body);
        let mut rest = b64.as_str();
        loop {
            let (line, next) = rest.split_at(rest.len().min(COLUMNS));
            text.push_str(line);
            text.push('\n');
            if line.len() < COLUMNS {
                break;
            }
            rest = next;
        }
    }
    text.push_str("---");
    let mut m = mac(file_key);
    m.update(text.as_bytes());
    text.push(' ');
    text.push_str(&Base64Unpadded::encode_string(&m.finalize().into_bytes()));
    text.push('\n');
    text.into_bytes()
}
