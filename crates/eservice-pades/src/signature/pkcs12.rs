//! PKCS#12 (`.p12`/`.pfx`, RFC 7292): the password-protected file a CA
//! hands an agency, holding its private key and certificates.
//!
//! Read are the encryptions in use: PBES2 (PBKDF2 with HMAC-SHA-1/256, then
//! AES-CBC or 3DES-CBC), which current OpenSSL and Windows write, and the
//! legacy SHA-1 PBEs (3DES, RC2-40/128) of older exports. The file's MAC is
//! checked first, which is how a wrong password is told apart from a broken
//! file. Decrypted bytes are wiped once read.

use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockCipherDecrypt, BlockModeDecrypt, InnerIvInit, KeyIvInit};
use der::asn1::ObjectIdentifier as Oid;
use hmac::{KeyInit, Mac};
use sha2::Digest;
use zeroize::Zeroizing;

use super::asn1::{self, Malformed, Tlv};
use super::keys::{KeyProblem, PrivateKey};

const DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
const ENCRYPTED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.6");
const KEY_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.1");
const SHROUDED_KEY_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.2");
const CERT_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.3");
const X509_CERTIFICATE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.22.1");
const PBES2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.13");
const PBKDF2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.12");
const HMAC_SHA1: Oid = Oid::new_unwrap("1.2.840.113549.2.7");
const HMAC_SHA256: Oid = Oid::new_unwrap("1.2.840.113549.2.9");
const AES128_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.2");
const AES192_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.22");
const AES256_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.42");
const DES_EDE3_CBC: Oid = Oid::new_unwrap("1.2.840.113549.3.7");
const PBE_SHA1_3DES: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.3");
const PBE_SHA1_RC2_128: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.5");
const PBE_SHA1_RC2_40: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.6");

/// Iteration counts above this are refused: real files use 2,048 to 600,000,
/// and a hostile file should not hold a browser tab for minutes.
const MAX_ITERATIONS: u32 = 10_000_000;

/// What a PKCS#12 file held.
pub struct Contents {
    pub key: PrivateKey,
    /// Every certificate, DER: the key's own and its chain.
    pub certificates: Vec<Vec<u8>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum P12Problem {
    NotP12,
    WrongPassword,
    /// An encryption or MAC the kit does not read, named.
    Unsupported(String),
    NoKey,
    Key(KeyProblem),
}

/// Opens a PKCS#12 file with `password`.
pub fn open(p12: &[u8], password: &str) -> Result<Contents, P12Problem> {
    let bad = |_: Malformed| P12Problem::NotP12;
    let pfx = asn1::single(p12).map_err(bad)?.expect(asn1::SEQUENCE).map_err(bad)?;
    let mut r = pfx.children();
    r.take().and_then(|v| v.expect(asn1::INTEGER)).map_err(bad)?;
    let auth_safe = r.take().map_err(bad)?;
    let safe_bytes = data_content(auth_safe)?;
    // Without a MAC a wrong password shows up as bad padding below.
    if let Some(mac) = r.next().map_err(bad)? {
        check_mac(mac, &safe_bytes, password)?;
    }
    let mut keys = Vec::new();
    let mut certificates = Vec::new();
    let mut infos = asn1::single(&safe_bytes).map_err(bad)?.children();
    while let Some(info) = infos.next().map_err(bad)? {
        let mut ci = info.children();
        let kind = ci.take().and_then(|t| t.oid()).map_err(bad)?;
        let bags = match kind {
            DATA => Zeroizing::new(data_content(info)?),
            ENCRYPTED_DATA => {
                let content = ci.take().map_err(bad)?.children().take().map_err(bad)?;
                let mut ed = content.children();
                ed.take().map_err(bad)?;
                let mut eci = ed.take().map_err(bad)?.children();
                eci.take().map_err(bad)?;
                let alg = eci.take().map_err(bad)?;
                let encrypted = eci.take().map_err(bad)?.octets().map_err(bad)?;
                decrypt(alg, &encrypted, password)?
            }
            other => return Err(P12Problem::Unsupported(other.to_string())),
        };
        read_bags(&bags, password, &mut keys, &mut certificates)?;
    }
    let key = keys.into_iter().next().ok_or(P12Problem::NoKey)?;
    Ok(Contents { key, certificates })
}

/// The octets a `ContentInfo` of type data carries.
fn data_content(info: Tlv<'_>) -> Result<Vec<u8>, P12Problem> {
    let bad = |_: Malformed| P12Problem::NotP12;
    let mut r = info.expect(asn1::SEQUENCE).map_err(bad)?.children();
    if r.take().and_then(|t| t.oid()).map_err(bad)? != DATA {
        return Err(P12Problem::NotP12);
    }
    r.take().and_then(|t| t.expect(asn1::ctx(0))).map_err(bad)?.children().take().map_err(bad)?.octets().map_err(bad)
}

fn read_bags(bags: &[u8], password: &str, keys: &mut Vec<PrivateKey>, certs: &mut Vec<Vec<u8>>) -> Result<(), P12Problem> {
    let bad = |_: Malformed| P12Problem::NotP12;
    let mut r = asn1::single(bags).map_err(bad)?.children();
    while let Some(bag) = r.next().map_err(bad)? {
        let mut b = bag.children();
        let kind = b.take().and_then(|t| t.oid()).map_err(bad)?;
        let v = b.take().and_then(|t| t.expect(asn1::ctx(0))).map_err(bad)?.children().take().map_err(bad)?;
        match kind {
            KEY_BAG => keys.push(PrivateKey::from_pkcs8(v.raw).map_err(P12Problem::Key)?),
            SHROUDED_KEY_BAG => {
                let mut e = v.children();
                let alg = e.take().map_err(bad)?;
                let encrypted = e.take().map_err(bad)?.octets().map_err(bad)?;
                let pkcs8 = decrypt(alg, &encrypted, password)?;
                keys.push(PrivateKey::from_pkcs8(&pkcs8).map_err(P12Problem::Key)?);
            }
            CERT_BAG => {
                let mut c = v.children();
                if c.take().and_then(|t| t.oid()).map_err(bad)? == X509_CERTIFICATE {
                    certs.push(c.take().map_err(bad)?.children().take().map_err(bad)?.octets().map_err(bad)?);
                }
            }
            // CRL, secret and nested bags carry nothing a signer needs.
            _ => {}
        }
    }
    Ok(())
}

fn uint(t: Tlv<'_>) -> Result<u32, P12Problem> {
    let t = t.expect(asn1::INTEGER).map_err(|_| P12Problem::NotP12)?;
    if t.content.is_empty() || t.content.len() > 5 || t.content[0] & 0x80 != 0 {
        return Err(P12Problem::Unsupported("iteration count".into()));
    }
    let n = t.content.iter().fold(0u64, |a, b| a << 8 | *b as u64);
    u32::try_from(n).ok().filter(|n| (1..=MAX_ITERATIONS).contains(n)).ok_or_else(|| P12Problem::Unsupported(format!("{n} iterations")))
}

/// Checks `MacData` over the authenticated safe: HMAC with a key from the
/// PKCS#12 KDF (SHA-1 or SHA-256).
fn check_mac(mac: Tlv<'_>, content: &[u8], password: &str) -> Result<(), P12Problem> {
    let bad = |_: Malformed| P12Problem::NotP12;
    let mut r = mac.children();
    let mut digest_info = r.take().map_err(bad)?.children();
    let alg = super::algorithm::identifier_oid(digest_info.take().map_err(bad)?).ok_or(P12Problem::NotP12)?;
    let expected = digest_info.take().map_err(bad)?.octets().map_err(bad)?;
    let salt = r.take().map_err(bad)?.octets().map_err(bad)?;
    let iterations = match r.next().map_err(bad)? {
        Some(t) => uint(t)?,
        None => 1,
    };
    let pw = bmp_password(password);
    let ok = match alg {
        super::algorithm::SHA1 => {
            let key = kdf::<sha1::Sha1>(&pw, &salt, iterations, 3, 20);
            hmac::Hmac::<sha1::Sha1>::new_from_slice(&key).map_err(|_| P12Problem::NotP12)?.chain_update(content).verify_slice(&expected).is_ok()
        }
        super::algorithm::SHA256 => {
            let key = kdf::<sha2::Sha256>(&pw, &salt, iterations, 3, 32);
            hmac::Hmac::<sha2::Sha256>::new_from_slice(&key).map_err(|_| P12Problem::NotP12)?.chain_update(content).verify_slice(&expected).is_ok()
        }
        other => return Err(P12Problem::Unsupported(format!("MAC {other}"))),
    };
    if ok {
        Ok(())
    } else {
        Err(P12Problem::WrongPassword)
    }
}

/// The password as PKCS#12's KDF takes it: UTF-16BE with a closing zero.
fn bmp_password(password: &str) -> Zeroizing<Vec<u8>> {
    let mut out = Zeroizing::new(Vec::with_capacity(password.len() * 2 + 2));
    for u in password.encode_utf16().chain([0]) {
        out.extend_from_slice(&u.to_be_bytes());
    }
    out
}

/// The PKCS#12 key derivation (RFC 7292 appendix B.2), block size 64.
fn kdf<D: Digest>(password: &[u8], salt: &[u8], iterations: u32, id: u8, len: usize) -> Zeroizing<Vec<u8>> {
    const V: usize = 64;
    let fill = |s: &[u8]| -> Vec<u8> { if s.is_empty() { Vec::new() } else { s.iter().cycle().take(V * s.len().div_ceil(V)).copied().collect() } };
    let mut i = Zeroizing::new([fill(salt), fill(password)].concat());
    let mut out = Zeroizing::new(Vec::with_capacity(len + 64));
    while out.len() < len {
        let mut a = D::new().chain_update([id; V]).chain_update(&*i).finalize();
        for _ in 1..iterations {
            a = D::digest(&a);
        }
        out.extend_from_slice(&a);
        let b: Vec<u8> = a.iter().cycle().take(V).copied().collect();
        for block in i.chunks_mut(V) {
            let mut carry = 1u16;
            for k in (0..V).rev() {
                let sum = block[k] as u16 + b[k] as u16 + carry;
                block[k] = sum as u8;
                carry = sum >> 8;
            }
        }
    }
    out.truncate(len);
    out
}

/// Decrypts `data` as `alg` (an AlgorithmIdentifier) says.
fn decrypt(alg: Tlv<'_>, data: &[u8], password: &str) -> Result<Zeroizing<Vec<u8>>, P12Problem> {
    let bad = |_: Malformed| P12Problem::NotP12;
    let mut a = alg.children();
    let oid = a.take().and_then(|t| t.oid()).map_err(bad)?;
    let params = a.take().map_err(bad)?;
    let wrong = |_| P12Problem::WrongPassword;
    let out = match oid {
        PBES2 => {
            let mut p = params.children();
            let mut kdf_alg = p.take().map_err(bad)?.children();
            if kdf_alg.take().and_then(|t| t.oid()).map_err(bad)? != PBKDF2 {
                return Err(P12Problem::Unsupported("PBES2 key derivation".into()));
            }
            let mut kp = kdf_alg.take().map_err(bad)?.children();
            let salt = kp.take().map_err(bad)?.octets().map_err(bad)?;
            let iterations = uint(kp.take().map_err(bad)?)?;
            let mut prf = HMAC_SHA1;
            while let Some(t) = kp.next().map_err(bad)? {
                if t.tag == asn1::SEQUENCE {
                    prf = super::algorithm::identifier_oid(t).ok_or(P12Problem::NotP12)?;
                }
            }
            let mut enc = p.take().map_err(bad)?.children();
            let cipher = enc.take().and_then(|t| t.oid()).map_err(bad)?;
            let iv = enc.take().map_err(bad)?.octets().map_err(bad)?;
            let key_len = match cipher {
                AES128_CBC => 16,
                AES192_CBC => 24,
                AES256_CBC => 32,
                DES_EDE3_CBC => 24,
                other => return Err(P12Problem::Unsupported(other.to_string())),
            };
            let mut key = Zeroizing::new(vec![0u8; key_len]);
            match prf {
                HMAC_SHA1 => pbkdf2::pbkdf2_hmac::<sha1::Sha1>(password.as_bytes(), &salt, iterations, &mut key),
                HMAC_SHA256 => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), &salt, iterations, &mut key),
                other => return Err(P12Problem::Unsupported(format!("PRF {other}"))),
            }
            match cipher {
                AES128_CBC => cbc_decrypt::<aes::Aes128>(&key, &iv, data),
                AES192_CBC => cbc_decrypt::<aes::Aes192>(&key, &iv, data),
                AES256_CBC => cbc_decrypt::<aes::Aes256>(&key, &iv, data),
                _ => cbc_decrypt::<des::TdesEde3>(&key, &iv, data),
            }
            .map_err(wrong)?
        }
        PBE_SHA1_3DES | PBE_SHA1_RC2_40 | PBE_SHA1_RC2_128 => {
            let mut p = params.children();
            let salt = p.take().map_err(bad)?.octets().map_err(bad)?;
            let iterations = uint(p.take().map_err(bad)?)?;
            let pw = bmp_password(password);
            let key_len = match oid {
                PBE_SHA1_3DES => 24,
                PBE_SHA1_RC2_40 => 5,
                _ => 16,
            };
            let key = kdf::<sha1::Sha1>(&pw, &salt, iterations, 1, key_len);
            let iv = kdf::<sha1::Sha1>(&pw, &salt, iterations, 2, 8);
            if oid == PBE_SHA1_3DES {
                cbc_decrypt::<des::TdesEde3>(&key, &iv, data).map_err(wrong)?
            } else {
                let rc2 = rc2::Rc2::new_with_eff_key_len(&key, key_len * 8);
                let mode = cbc::Decryptor::<rc2::Rc2>::inner_iv_slice_init(rc2, &iv).map_err(|_| P12Problem::NotP12)?;
                mode.decrypt_padded_vec::<Pkcs7>(data).map_err(|_| P12Problem::WrongPassword)?
            }
        }
        other => return Err(P12Problem::Unsupported(other.to_string())),
    };
    Ok(Zeroizing::new(out))
}

fn cbc_decrypt<C: BlockCipherDecrypt + KeyInit>(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>, ()>
where
    cbc::Decryptor<C>: KeyIvInit,
{
    cbc::Decryptor::<C>::new_from_slices(key, iv).map_err(|_| ())?.decrypt_padded_vec::<Pkcs7>(data).map_err(|_| ())
}
