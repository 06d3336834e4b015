//! Unpredictable values for RSA blinding, without an entropy source: a
//! SHA-256 counter-mode generator keyed by the private key and the message
//! signed, as RFC 6979 derives ECDSA nonces. Someone timing signatures
//! knows neither the key nor so the blinding, which is what blinding needs;
//! and the core stays free of any platform RNG, running alike in browsers,
//! workers and the CLI.

use core::convert::Infallible;

use rand_core::{TryCryptoRng, TryRng};
use sha2::{Digest, Sha256};
use zeroize::Zeroize;

pub struct KeyedRng {
    seed: [u8; 32],
    counter: u64,
    block: [u8; 32],
    used: usize,
}

impl KeyedRng {
    /// A generator for signing `message` with the key whose secret is `secret`.
    pub fn new(secret: &[u8], message: &[u8]) -> KeyedRng {
        let seed = Sha256::new().chain_update(b"eservice-kit RSA blinding\0").chain_update(secret).chain_update(message).finalize();
        KeyedRng { seed: seed.into(), counter: 0, block: [0; 32], used: 32 }
    }

    fn refill(&mut self) {
        self.block = Sha256::new().chain_update(self.seed).chain_update(self.counter.to_be_bytes()).finalize().into();
        self.counter += 1;
        self.used = 0;
    }
}

impl TryRng for KeyedRng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut b = [0; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut b = [0; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for byte in dst {
            if self.used == self.block.len() {
                self.refill();
            }
            *byte = self.block[self.used];
            self.used += 1;
        }
        Ok(())
    }
}

impl TryCryptoRng for KeyedRng {}

impl Drop for KeyedRng {
    fn drop(&mut self) {
        self.seed.zeroize();
        self.block.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(rng: &mut KeyedRng, n: usize) -> Vec<u8> {
        let mut v = vec![0; n];
        rng.try_fill_bytes(&mut v).unwrap();
        v
    }

    #[test]
    fn the_stream_depends_on_key_and_message() {
        let a = bytes(&mut KeyedRng::new(b"key", b"message one"), 100);
        assert_eq!(a, bytes(&mut KeyedRng::new(b"key", b"message one"), 100));
        assert_ne!(a, bytes(&mut KeyedRng::new(b"key", b"message two"), 100));
        assert_ne!(a, bytes(&mut KeyedRng::new(b"other key", b"message one"), 100));
        // Reading in pieces gives the same stream as reading at once.
        let mut r = KeyedRng::new(b"key", b"message one");
        let pieces: Vec<u8> = [7, 25, 1, 67].iter().flat_map(|n| bytes(&mut r, *n)).collect();
        assert_eq!(pieces, a);
        assert!(a.windows(32).all(|w| w != [0; 32]));
    }
}
