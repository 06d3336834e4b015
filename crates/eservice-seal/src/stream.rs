//! The payload: a 16-byte nonce, then the plaintext in chunks of 64 KiB,
//! each sealed with ChaCha20-Poly1305 under a key derived from the file key
//! and the nonce, its own nonce a counter and a last-chunk flag (age's
//! STREAM). Chunks are sealed and opened one at a time, so a large package
//! is never held twice; a chunk cut, moved or changed fails its tag.

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::ChaCha20Poly1305;
use zeroize::Zeroizing;

use crate::header::{self, derive};
use crate::keys::{Identity, Recipient};
use crate::stanza::{self, FileKey};
use crate::{Damage, Error, Random};

/// Plaintext bytes a chunk holds.
pub const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const NONCE: usize = 16;

fn nonce(counter: u64, last: bool) -> [u8; 12] {
    let mut n = [0u8; 12];
    n[3..11].copy_from_slice(&counter.to_be_bytes());
    n[11] = u8::from(last);
    n
}

fn payload_cipher(file_key: &[u8; 16], nonce: &[u8]) -> ChaCha20Poly1305 {
    let key = derive(file_key, nonce, b"payload");
    ChaCha20Poly1305::new((&*key).into())
}

/// Seals a payload chunk by chunk: [`update`](Sealer::update) as the bytes
/// come, [`finish`](Sealer::finish) once, each returning what to write.
pub struct Sealer {
    cipher: ChaCha20Poly1305,
    counter: u64,
    held: Zeroizing<Vec<u8>>,
}

impl Sealer {
    /// The header and nonce to write first, and the sealer for what follows,
    /// for every one of `to`.
    pub fn to(to: &[Recipient], random: Random) -> Result<(Vec<u8>, Sealer), Error> {
        if to.is_empty() {
            return Err(Error::Recipients);
        }
        let file_key = file_key(random);
        let stanzas: Vec<_> = to.iter().map(|r| stanza::x25519_wrap(&file_key, r, random)).collect();
        Ok(Sealer::start(&header::write(&stanzas, &file_key), &file_key, random))
    }

    /// The same, for whoever knows `passphrase` (the only recipient, as age requires).
    pub fn with_passphrase(passphrase: &str, work: u8, random: Random) -> Result<(Vec<u8>, Sealer), Error> {
        let file_key = file_key(random);
        let stanza = stanza::scrypt_wrap(&file_key, passphrase, work, random)?;
        Ok(Sealer::start(&header::write(&[stanza], &file_key), &file_key, random))
    }

    fn start(header: &[u8], file_key: &FileKey, random: Random) -> (Vec<u8>, Sealer) {
        let mut nonce = [0u8; NONCE];
        random(&mut nonce);
        let sealer = Sealer { cipher: payload_cipher(file_key, &nonce), counter: 0, held: Zeroizing::new(Vec::with_capacity(CHUNK)) };
        ([header, &nonce].concat(), sealer)
    }

    fn seal_chunk(&mut self, plain: &[u8], last: bool) -> Vec<u8> {
        let out = self.cipher.encrypt(&nonce(self.counter, last).into(), plain).expect("a chunk within ChaCha20's limit");
        self.counter += 1;
        out
    }

    /// The chunks `data` completes. A full chunk is held until more comes,
    /// since only the last one is marked so.
    pub fn update(&mut self, mut data: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(data.len() + data.len() / CHUNK * TAG + TAG);
        while !data.is_empty() {
            if self.held.len() == CHUNK {
                let chunk = core::mem::replace(&mut self.held, Zeroizing::new(Vec::with_capacity(CHUNK)));
                out.extend(self.seal_chunk(&chunk, false));
            }
            let take = (CHUNK - self.held.len()).min(data.len());
            self.held.extend_from_slice(&data[..take]);
            data = &data[take..];
        }
        out
    }

    /// The last chunk (empty only if nothing at all was sealed).
    pub fn finish(mut self) -> Vec<u8> {
        let held = core::mem::take(&mut self.held);
        self.seal_chunk(&held, true)
    }
}

fn file_key(random: Random) -> FileKey {
    let mut key = Zeroizing::new([0u8; 16]);
    random(&mut *key);
    key
}

/// Opens a payload chunk by chunk; nothing of a chunk is returned before
/// its tag checks.
pub struct Opener {
    cipher: ChaCha20Poly1305,
    counter: u64,
    held: Vec<u8>,
}

impl Opener {
    /// Reads the header at the start of `bytes` with `identity`: the opener
    /// and how many bytes (header and nonce) it used.
    pub fn with_identity(bytes: &[u8], identity: &Identity) -> Result<(Opener, usize), Error> {
        let header = header::parse(bytes)?;
        let mut ours = None;
        for s in &header.stanzas {
            match s.tag.as_str() {
                "X25519" => {
                    if let Some(key) = stanza::x25519_unwrap(s, identity)? {
                        ours = Some(key);
                        break;
                    }
                }
                "scrypt" => return Err(Error::Unsupported("a passphrase (scrypt), not a key".into())),
                _ => {}
            }
        }
        let Some(file_key) = ours else {
            let tags: Vec<&str> = header.stanzas.iter().map(|s| s.tag.as_str()).collect();
            return Err(match tags.contains(&"X25519") {
                true => Error::WrongKey,
                false => Error::Unsupported(tags.join(", ")),
            });
        };
        Opener::start(bytes, &header, &file_key)
    }

    /// The same for a file sealed with a passphrase, at most 2^`max_work` work.
    pub fn with_passphrase(bytes: &[u8], passphrase: &str, max_work: u8) -> Result<(Opener, usize), Error> {
        let header = header::parse(bytes)?;
        let file_key = match header.stanzas.as_slice() {
            [s] if s.tag == "scrypt" => stanza::scrypt_unwrap(s, passphrase, max_work)?,
            stanzas if stanzas.iter().any(|s| s.tag == "scrypt") => return Err(Error::Damaged(Damage::Header)),
            _ => return Err(Error::Unsupported("a key, not a passphrase".into())),
        };
        Opener::start(bytes, &header, &file_key)
    }

    fn start(bytes: &[u8], header: &header::Header, file_key: &FileKey) -> Result<(Opener, usize), Error> {
        header.check(bytes, file_key)?;
        let nonce = bytes.get(header.len..header.len + NONCE).ok_or(Error::Damaged(Damage::Truncated))?;
        Ok((Opener { cipher: payload_cipher(file_key, nonce), counter: 0, held: Vec::with_capacity(CHUNK + TAG) }, header.len + NONCE))
    }

    fn open_chunk(&mut self, sealed: &[u8], last: bool) -> Result<Zeroizing<Vec<u8>>, Error> {
        let plain = self.cipher.decrypt(&nonce(self.counter, last).into(), sealed);
        match plain {
            Ok(p) => {
                self.counter += 1;
                Ok(Zeroizing::new(p))
            }
            // A whole chunk that opens as a middle one: the file was cut after it.
            Err(_) if last && self.cipher.decrypt(&nonce(self.counter, false).into(), sealed).is_ok() => Err(Error::Damaged(Damage::Truncated)),
            Err(_) => Err(Error::Damaged(Damage::Chunk(self.counter))),
        }
    }

    /// The plaintext of the chunks `data` completes (a full one is held
    /// until it is known not to be the last).
    pub fn update(&mut self, mut data: &[u8]) -> Result<Zeroizing<Vec<u8>>, Error> {
        let mut out = Zeroizing::new(Vec::with_capacity(data.len()));
        while !data.is_empty() {
            if self.held.len() == CHUNK + TAG {
                let chunk = core::mem::take(&mut self.held);
                out.extend_from_slice(&self.open_chunk(&chunk, false)?);
            }
            let take = (CHUNK + TAG - self.held.len()).min(data.len());
            self.held.extend_from_slice(&data[..take]);
            data = &data[take..];
        }
        Ok(out)
    }

    /// The last chunk's plaintext.
    pub fn finish(mut self) -> Result<Zeroizing<Vec<u8>>, Error> {
        let held = core::mem::take(&mut self.held);
        if held.len() < TAG {
            return Err(Error::Damaged(Damage::Truncated));
        }
        let plain = self.open_chunk(&held, true)?;
        // Only a file with nothing in it ends in an empty chunk.
        if plain.is_empty() && self.counter > 1 {
            return Err(Error::Damaged(Damage::TrailingData));
        }
        Ok(plain)
    }

    /// The whole plaintext of `payload` (what follows the header and nonce).
    pub fn whole(mut self, payload: &[u8]) -> Result<Zeroizing<Vec<u8>>, Error> {
        let mut out = self.update(payload)?;
        out.extend_from_slice(&self.finish()?);
        Ok(out)
    }
}
