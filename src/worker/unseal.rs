//! The agency's side of sealed packages, in the worker: opening one on
//! `#/inbox` with the key file and its passphrase, and making a new key
//! pair. Opening the key file runs scrypt (about a second and 256 MiB), so
//! it runs here, off the page's thread, and the opened key is kept for the
//! next package while the same file and passphrase are given.
//!
//! In: `{op: "unseal", id, file, key, passphrase}` → `{json: {sealedSha256},
//! blob: the ZIP}`; `{op: "seal-keygen", id, passphrase}` → `{json:
//! {public}, blob: the key file}`. Failures: `{json: {error: {th, en}}}`.

use std::cell::RefCell;

use eservice_core::evidence::Sha256Stream;
use eservice_core::seal::{keys, open, Identity, PASSPHRASE_WORK};
use serde_json::{json, Value};
use web_sys::Blob;
use zeroize::Zeroizing;

use super::read::slice;
use crate::reply::{error, seal_error};

thread_local! {
    /// The key last opened, by the SHA-256 of its file and passphrase.
    static OPENED: RefCell<Option<(String, Identity)>> = const { RefCell::new(None) };
}

fn unreadable() -> Value {
    error("อ่านไฟล์ไม่ได้", "The file could not be read")
}

/// The package in `file`, opened with the key file `key` and `passphrase`.
pub async fn unseal(file: &Blob, key: &Blob, passphrase: &str) -> (Value, Option<Blob>) {
    let (Ok(sealed), Ok(key_file)) = (slice(file, 0.0, file.size()).await, slice(key, 0.0, key.size()).await) else {
        return (unreadable(), None);
    };
    let key_file = Zeroizing::new(key_file);
    let mut tag = Sha256Stream::new();
    tag.update(&key_file);
    tag.update(&[0]);
    tag.update(passphrase.as_bytes());
    let tag = tag.finish().hex();
    let known = OPENED.with(|o| o.borrow().as_ref().is_some_and(|(t, _)| *t == tag));
    if !known {
        match keys::unprotect(&key_file, Some(passphrase)) {
            Ok(identity) => OPENED.with(|o| *o.borrow_mut() = Some((tag, identity))),
            Err(e) => return (seal_error(&e), None),
        }
    }
    let opened = OPENED.with(|o| o.borrow().as_ref().map(|(_, id)| open(&sealed, id)));
    match opened {
        Some(Ok(zip)) => {
            let sha = Sha256Stream::digest(&sealed).hex();
            (json!({ "sealedSha256": sha }), Some(crate::blob::from_bytes(&zip, "application/zip")))
        }
        Some(Err(e)) => (seal_error(&e), None),
        None => (unreadable(), None),
    }
}

/// A new key pair: the public key, and the key file sealed with `passphrase`.
pub fn keygen(passphrase: &str) -> (Value, Option<Blob>) {
    let mut random_ok = true;
    let mut random = |b: &mut [u8]| random_ok &= crate::random::fill(b);
    let identity = Identity::generate(&mut random);
    let created = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    let file = keys::protect(&identity, &created, passphrase, PASSPHRASE_WORK, &mut random);
    match (random_ok, file) {
        (false, _) => (error("เบราว์เซอร์นี้สร้างเลขสุ่มไม่ได้", "This browser gave no randomness"), None),
        (true, Err(e)) => (seal_error(&e), None),
        (true, Ok(file)) => (json!({ "public": identity.recipient().to_string() }), Some(crate::blob::from_bytes(&file, "application/octet-stream"))),
    }
}
