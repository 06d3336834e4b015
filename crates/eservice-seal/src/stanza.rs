//! Recipient stanzas: the file key wrapped for one reader. X25519 for the
//! agency's key (an ephemeral share and HKDF, as age specifies), scrypt for
//! a passphrase (how the agency's key file is kept).

use base64ct::{Base64Unpadded, Encoding};
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::ChaCha20Poly1305;
use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::Zeroizing;

use crate::header::{derive, Stanza};
use crate::keys::{Identity, Recipient};
use crate::{Damage, Error, Random};

pub(crate) type FileKey = Zeroizing<[u8; 16]>;

const X25519_INFO: &[u8] = b"age-encryption.org/v1/X25519";
const SCRYPT_SALT_LABEL: &[u8] = b"age-encryption.org/v1/scrypt";

/// The file key sealed under `key` (a zero nonce: each key wraps once).
fn wrap(key: &[u8; 32], file_key: &[u8; 16]) -> Vec<u8> {
    let aead = ChaCha20Poly1305::new(key.into());
    aead.encrypt(&[0u8; 12].into(), &file_key[..]).expect("16 bytes seal")
}

fn unwrap(key: &[u8; 32], body: &[u8]) -> Option<FileKey> {
    let aead = ChaCha20Poly1305::new(key.into());
    let plain = Zeroizing::new(aead.decrypt(&[0u8; 12].into(), body).ok()?);
    let mut out = Zeroizing::new([0u8; 16]);
    out.copy_from_slice(plain.get(..16)?);
    (plain.len() == 16).then_some(out)
}

fn header_damaged() -> Error {
    Error::Damaged(Damage::Header)
}

pub(crate) fn x25519_wrap(file_key: &[u8; 16], to: &Recipient, random: Random) -> Stanza {
    let mut seed = Zeroizing::new([0u8; 32]);
    random(&mut *seed);
    let ephemeral = StaticSecret::from(*seed);
    let share = PublicKey::from(&ephemeral).to_bytes();
    let shared = ephemeral.diffie_hellman(&PublicKey::from(to.0));
    let salt = [share, to.0].concat();
    let key = derive(shared.as_bytes(), &salt, X25519_INFO);
    Stanza { tag: "X25519".into(), args: vec![Base64Unpadded::encode_string(&share)], body: wrap(&key, file_key) }
}

/// The file key, if this X25519 stanza was made for `identity`.
pub(crate) fn x25519_unwrap(s: &Stanza, identity: &Identity) -> Result<Option<FileKey>, Error> {
    let [share] = s.args.as_slice() else { return Err(header_damaged()) };
    let share: [u8; 32] = Base64Unpadded::decode_vec(share).ok().and_then(|b| b.try_into().ok()).ok_or_else(header_damaged)?;
    if s.body.len() != 32 {
        return Err(header_damaged());
    }
    let shared = identity.0.diffie_hellman(&PublicKey::from(share));
    if !shared.was_contributory() {
        return Err(header_damaged());
    }
    let salt = [share, identity.recipient().0].concat();
    let key = derive(shared.as_bytes(), &salt, X25519_INFO);
    Ok(unwrap(&key, &s.body))
}

fn scrypt_key(passphrase: &str, salt: &[u8; 16], work: u8) -> Result<Zeroizing<[u8; 32]>, Error> {
    let params = scrypt::Params::new(work, 8, 1).map_err(|_| header_damaged())?;
    let mut key = Zeroizing::new([0u8; 32]);
    let salt = [SCRYPT_SALT_LABEL, salt].concat();
    scrypt::scrypt(passphrase.as_bytes(), &salt, &params, &mut *key).map_err(|_| header_damaged())?;
    Ok(key)
}

pub(crate) fn scrypt_wrap(file_key: &[u8; 16], passphrase: &str, work: u8, random: Random) -> Result<Stanza, Error> {
    let mut salt = [0u8; 16];
    random(&mut salt);
    let key = scrypt_key(passphrase, &salt, work)?;
    Ok(Stanza { tag: "scrypt".into(), args: vec![Base64Unpadded::encode_string(&salt), work.to_string()], body: wrap(&key, file_key) })
}

pub(crate) fn scrypt_unwrap(s: &Stanza, passphrase: &str, max_work: u8) -> Result<FileKey, Error> {
    let [salt, work] = s.args.as_slice() else { return Err(header_damaged()) };
    let salt: [u8; 16] = Base64Unpadded::decode_vec(salt).ok().and_then(|b| b.try_into().ok()).ok_or_else(header_damaged)?;
    // A decimal number as age writes it: no sign, no leading zero.
    let work: u8 = work.parse().ok().filter(|w| *w > 0 && !work.starts_with('0')).ok_or_else(header_damaged)?;
    if work > max_work {
        return Err(Error::TooCostly { work, limit: max_work });
    }
    if s.body.len() != 32 {
        return Err(header_damaged());
    }
    let key = scrypt_key(passphrase, &salt, work)?;
    unwrap(&key, &s.body).ok_or(Error::WrongPassphrase)
}
