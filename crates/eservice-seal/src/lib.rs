//! Sealed packages: a citizen's submission encrypted in their browser to
//! the agency's public key, so that no mail server, platform or proxy on
//! the way can read it, in the **age v1** format
//! (<https://age-encryption.org/v1>), which any age tool opens: a clerk is
//! never locked in to the kit.
//!
//! - [`keys`]: the agency's key pair, as `age1…` and `AGE-SECRET-KEY-1…`.
//! - [`seal`] and [`Sealer`]: encrypt, whole or chunk by chunk (a 50 MB
//!   package needs no second copy in memory).
//! - [`open`] and [`Opener`]: decrypt with the agency's key, or with a
//!   passphrase ([`open_with_passphrase`]), which is how the agency's key
//!   file itself is kept ([`keys::protect`]).
//!
//! Every failure says what failed ([`Error`]): a wrong key, a wrong
//! passphrase and a damaged file are told apart, and nothing of a damaged
//! file is handed out as if it were whole.

pub mod error;
mod header;
pub mod keys;
mod stanza;
mod stream;

pub use error::{Damage, Error, KeyProblem, RecipientsProblem};
pub use keys::{Identity, Recipient};
pub use stream::{Opener, Sealer, CHUNK};

use zeroize::Zeroizing;

/// Fills a buffer with random bytes (the system's or the browser's).
pub type Random<'a> = &'a mut dyn FnMut(&mut [u8]);

/// How hard a passphrase is made to guess when this kit protects a key
/// file: scrypt's N = 2^18 (256 MiB, about a second), age's own choice.
pub const PASSPHRASE_WORK: u8 = 18;
/// The most work a passphrase file may ask of this kit: 2^22 (4 GiB).
pub const MAX_PASSPHRASE_WORK: u8 = 22;

/// `plain` encrypted to every one of `to`.
pub fn seal(plain: &[u8], to: &[Recipient], random: Random) -> Result<Vec<u8>, Error> {
    let (mut out, mut sealer) = Sealer::to(to, random)?;
    out.extend(sealer.update(plain));
    out.extend(sealer.finish());
    Ok(out)
}

/// `plain` encrypted with `passphrase`, at scrypt work factor 2^`work`.
pub fn seal_with_passphrase(plain: &[u8], passphrase: &str, work: u8, random: Random) -> Result<Vec<u8>, Error> {
    let (mut out, mut sealer) = Sealer::with_passphrase(passphrase, work, random)?;
    out.extend(sealer.update(plain));
    out.extend(sealer.finish());
    Ok(out)
}

/// The plaintext of the age file `sealed`, with `identity`.
pub fn open(sealed: &[u8], identity: &Identity) -> Result<Zeroizing<Vec<u8>>, Error> {
    let (opener, used) = Opener::with_identity(sealed, identity)?;
    opener.whole(&sealed[used..])
}

/// The plaintext of the age file `sealed`, with `passphrase`.
pub fn open_with_passphrase(sealed: &[u8], passphrase: &str) -> Result<Zeroizing<Vec<u8>>, Error> {
    let (opener, used) = Opener::with_passphrase(sealed, passphrase, MAX_PASSPHRASE_WORK)?;
    opener.whole(&sealed[used..])
}

/// Whether `bytes` start as an age file does (binary, not armored).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(header::VERSION_LINE.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn random(buf: &mut [u8]) {
        getrandom::fill(buf).expect("system randomness");
    }

    fn bytes(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i * 7 + i / 251) as u8).collect()
    }

    fn pair() -> (Identity, Recipient) {
        let id = Identity::generate(&mut random);
        let to = id.recipient();
        (id, to)
    }

    #[test]
    fn every_size_round_trips_whole_and_in_pieces() {
        let (id, to) = pair();
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17] {
            let plain = bytes(n);
            let sealed = seal(&plain, &[to], &mut random).unwrap();
            assert!(is_sealed(&sealed));
            assert_eq!(*open(&sealed, &id).unwrap(), plain, "{n} bytes");
            // Fed in odd pieces, each side gives the same bytes.
            let (mut out, mut sealer) = Sealer::to(&[to], &mut random).unwrap();
            for piece in plain.chunks(9_999) {
                out.extend(sealer.update(piece));
            }
            out.extend(sealer.finish());
            let (mut opener, used) = Opener::with_identity(&out, &id).unwrap();
            let mut back = Vec::new();
            for piece in out[used..].chunks(12_345) {
                back.extend_from_slice(&opener.update(piece).unwrap());
            }
            back.extend_from_slice(&opener.finish().unwrap());
            assert_eq!(back, plain, "{n} bytes in pieces");
            // Full chunks plus one: header, nonce, and a tag on each chunk.
            let chunks = n.div_ceil(CHUNK).max(1);
            assert_eq!(out.len() - used, n + 16 * chunks);
        }
    }

    #[test]
    fn any_of_several_recipients_opens_it_and_no_one_else() {
        let (a, to_a) = pair();
        let (b, to_b) = pair();
        let (c, _) = pair();
        let sealed = seal(b"for the agency", &[to_a, to_b], &mut random).unwrap();
        assert_eq!(&**open(&sealed, &a).unwrap(), b"for the agency");
        assert_eq!(&**open(&sealed, &b).unwrap(), b"for the agency");
        assert_eq!(open(&sealed, &c).unwrap_err(), Error::WrongKey);
        assert_eq!(seal(b"x", &[], &mut random).unwrap_err(), Error::Recipients);
    }

    #[test]
    fn a_passphrase_opens_it_and_a_wrong_one_is_named() {
        let sealed = seal_with_passphrase(b"key file", "correct horse", 10, &mut random).unwrap();
        assert_eq!(&**open_with_passphrase(&sealed, "correct horse").unwrap(), b"key file");
        assert_eq!(open_with_passphrase(&sealed, "wrong horse").unwrap_err(), Error::WrongPassphrase);
        let (id, _) = pair();
        assert!(matches!(open(&sealed, &id).unwrap_err(), Error::Unsupported(_)));
    }

    #[test]
    fn damage_anywhere_is_found_and_named() {
        let (id, to) = pair();
        let plain = bytes(3 * CHUNK + 5);
        let sealed = seal(&plain, &[to], &mut random).unwrap();
        let (_, start) = Opener::with_identity(&sealed, &id).unwrap();
        let damaged = |at: usize| {
            let mut s = sealed.clone();
            s[at] ^= 1;
            open(&s, &id).unwrap_err()
        };
        assert_eq!(damaged(start + 10), Error::Damaged(Damage::Chunk(0)));
        assert_eq!(damaged(start + 16 + 2 * (CHUNK + 16) + 3), Error::Damaged(Damage::Chunk(2)));
        assert_eq!(damaged(sealed.len() - 1), Error::Damaged(Damage::Chunk(3)));
        // The nonce changes every chunk key.
        assert_eq!(damaged(start - 1), Error::Damaged(Damage::Chunk(0)));
        // Cut after a whole chunk, or partway through one.
        let whole_chunks = start + 2 * (CHUNK + 16);
        assert_eq!(open(&sealed[..whole_chunks], &id).unwrap_err(), Error::Damaged(Damage::Truncated));
        assert_eq!(open(&sealed[..start + 5], &id).unwrap_err(), Error::Damaged(Damage::Truncated));
        assert_eq!(open(&sealed[..start - 3], &id).unwrap_err(), Error::Damaged(Damage::Truncated));
        assert_eq!(open(&sealed[..30], &id).unwrap_err(), Error::Damaged(Damage::Truncated));
        // Bytes added after the end.
        let mut longer = sealed.clone();
        longer.extend_from_slice(&[0u8; 40]);
        assert!(matches!(open(&longer, &id).unwrap_err(), Error::Damaged(Damage::Chunk(3))));
        assert_eq!(open(b"PK\x03\x04 a plain zip", &id).unwrap_err(), Error::NotAge);
        assert_eq!(open(b"", &id).unwrap_err(), Error::NotAge);
        assert!(matches!(open(b"-----BEGIN AGE ENCRYPTED FILE-----\n", &id).unwrap_err(), Error::Unsupported(_)));
    }

    #[test]
    fn a_changed_header_fails_its_mac() {
        let (id, to) = pair();
        let (_, other) = pair();
        let sealed = seal(b"x", &[to, other], &mut random).unwrap();
        // The second recipient's line swapped for a third: the file key still
        // unwraps for `id`, but the header no longer matches its MAC.
        let text = String::from_utf8_lossy(&sealed[..sealed.iter().position(|&b| b == b'-').unwrap() + 200]).into_owned();
        let second = text.match_indices("-> X25519 ").nth(1).unwrap().0 + 10;
        let mut changed = sealed.clone();
        changed[second] = if changed[second] == b'A' { b'B' } else { b'A' };
        assert_eq!(open(&changed, &id).unwrap_err(), Error::Damaged(Damage::HeaderMac));
    }

    #[test]
    fn keys_read_back_as_written_and_bad_ones_are_named() {
        let (id, to) = pair();
        let public = to.to_string();
        assert!(public.starts_with("age1") && public.len() == 62, "{public}");
        assert_eq!(Recipient::parse(&public).unwrap(), to);
        let secret = id.to_secret_string();
        assert!(secret.starts_with("AGE-SECRET-KEY-1"));
        assert_eq!(Identity::parse(&secret).unwrap().recipient(), to);
        let file = id.file_text("2026-12-03T00:00:00Z");
        assert_eq!(Identity::parse(&file).unwrap().recipient(), to);
        // One character of the checksum changed.
        let last = public.chars().last().unwrap();
        let changed = format!("{}{}", &public[..public.len() - 1], if last == 'q' { 'p' } else { 'q' });
        for bad in ["", "age1", "age1qqqq", &public.to_uppercase(), &changed, &secret.to_lowercase().replace("age-secret-key-", "age")] {
            assert!(matches!(Recipient::parse(bad), Err(Error::BadKey(..))), "{bad}");
        }
        assert_eq!(Identity::parse("# only a comment\n").err(), Some(Error::BadKey(String::new(), KeyProblem::NoSecretLine)));
        assert_eq!(Identity::parse(&public).err(), Some(Error::BadKey(String::new(), KeyProblem::WrongKind { public_wanted: false })));
        assert_eq!(Recipient::parse(&secret).err().unwrap().message(eservice_base::Lang::En), "The key “AGE-SECRET-KEY-1…” cannot be read: a public key starting age1 is needed");
        // The key file: sealed with a passphrase, opened only with it.
        let protected = keys::protect(&id, "2026-12-03T00:00:00Z", "รหัสผ่านยาว ๆ", 10, &mut random).unwrap();
        assert_eq!(keys::unprotect(&protected, Some("รหัสผ่านยาว ๆ")).unwrap().recipient(), to);
        assert_eq!(keys::unprotect(&protected, Some("wrong")).err(), Some(Error::WrongPassphrase));
        assert_eq!(keys::unprotect(file.as_bytes(), None).unwrap().recipient(), to);
    }

    #[test]
    fn every_error_has_words_in_both_languages() {
        use eservice_base::Lang;
        let all = [
            Error::NotAge,
            Error::Unsupported("ssh-ed25519".into()),
            Error::Damaged(Damage::Header),
            Error::Damaged(Damage::HeaderMac),
            Error::Damaged(Damage::Chunk(4)),
            Error::Damaged(Damage::Truncated),
            Error::Damaged(Damage::TrailingData),
            Error::WrongKey,
            Error::WrongPassphrase,
            Error::BadKey("x".into(), KeyProblem::Unreadable),
            Error::BadKey(String::new(), KeyProblem::NoSecretLine),
            Error::TooCostly { work: 30, limit: 22 },
            Error::Recipients,
        ];
        for e in all {
            let (th, en) = (e.message(Lang::Th), e.message(Lang::En));
            assert!(th.chars().any(|c| ('\u{0e00}'..='\u{0e7f}').contains(&c)), "{th}");
            assert!(!en.is_empty() && !en.chars().any(|c| ('\u{0e00}'..='\u{0e7f}').contains(&c)), "{en}");
        }
        assert!(Error::Damaged(Damage::Chunk(4)).message(Lang::En).contains("chunk 5"));
    }
}
