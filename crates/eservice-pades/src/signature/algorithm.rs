//! The digest and signature algorithms a permit signature may use, and the
//! check of one signature value against one public key.
//!
//! Accepted: SHA-256, SHA-384, SHA-512; ECDSA on P-256 and P-384; RSA
//! PKCS#1 v1.5 and PSS with 2048- to 4096-bit keys. SHA-1 and shorter keys
//! are named and refused, never silently accepted.

use der::asn1::ObjectIdentifier as Oid;
use rsa::pkcs1::DecodeRsaPublicKey;
use sha2::{Sha256, Sha384, Sha512};
use rsa::signature::hazmat::PrehashVerifier;
use rsa::traits::PublicKeyParts;

use super::asn1::{self, Tlv};

pub const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
pub const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
pub const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
pub const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");
pub(crate) const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
const SHA1_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.5");
const RSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
pub(crate) const SHA256_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
const SHA384_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");
const MGF1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.8");
pub(crate) const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
const ECDSA_SHA1: Oid = Oid::new_unwrap("1.2.840.10045.4.1");
pub(crate) const ECDSA_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
const ECDSA_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");
pub(crate) const P256: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
const P384: Oid = Oid::new_unwrap("1.3.132.0.34");

/// A hash function the kit accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigestAlg {
    Sha256,
    Sha384,
    Sha512,
}

/// Why an algorithm or key is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlgorithmProblem {
    /// SHA-1: collisions can be made; not acceptable for a permit.
    WeakDigest,
    /// An algorithm this kit does not know, named by its OID.
    Unsupported(String),
    /// An RSA key outside 2048–4096 bits, or an EC key not on P-256/P-384.
    WeakKey(String),
    /// The key or parameters do not decode.
    BadKey,
}

impl DigestAlg {
    pub fn from_oid(oid: &Oid) -> Result<Self, AlgorithmProblem> {
        match *oid {
            // Some signers put the signature algorithm where the digest
            // belongs; its hash is unambiguous.
            SHA256 | SHA256_WITH_RSA | ECDSA_SHA256 => Ok(DigestAlg::Sha256),
            SHA384 | SHA384_WITH_RSA | ECDSA_SHA384 => Ok(DigestAlg::Sha384),
            SHA512 | SHA512_WITH_RSA | ECDSA_SHA512 => Ok(DigestAlg::Sha512),
            SHA1 | SHA1_WITH_RSA | ECDSA_SHA1 => Err(AlgorithmProblem::WeakDigest),
            other => Err(AlgorithmProblem::Unsupported(other.to_string())),
        }
    }

    /// From an AlgorithmIdentifier element.
    pub fn from_identifier(alg: Tlv<'_>) -> Result<Self, AlgorithmProblem> {
        Self::from_oid(&identifier_oid(alg).ok_or(AlgorithmProblem::BadKey)?)
    }

    pub fn name(self) -> &'static str {
        match self {
            DigestAlg::Sha256 => "SHA-256",
            DigestAlg::Sha384 => "SHA-384",
            DigestAlg::Sha512 => "SHA-512",
        }
    }

    /// The hash of several parts, as one message.
    pub fn hash(self, parts: &[&[u8]]) -> Vec<u8> {
        fn run<D: sha2::Digest>(parts: &[&[u8]]) -> Vec<u8> {
            let mut d = D::new();
            for p in parts {
                d.update(p);
            }
            d.finalize().to_vec()
        }
        match self {
            DigestAlg::Sha256 => run::<Sha256>(parts),
            DigestAlg::Sha384 => run::<Sha384>(parts),
            DigestAlg::Sha512 => run::<Sha512>(parts),
        }
    }
}

/// The OID of an AlgorithmIdentifier `SEQUENCE { OID, params }`.
pub fn identifier_oid(alg: Tlv<'_>) -> Option<Oid> {
    alg.expect(asn1::SEQUENCE).ok()?.children().take().ok()?.oid().ok()
}

/// A signature scheme as a CMS SignerInfo names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureAlg {
    /// ECDSA; the hash, when the OID names one.
    Ecdsa(Option<DigestAlg>),
    /// RSA PKCS#1 v1.5; the hash, when the OID names one.
    RsaPkcs1(Option<DigestAlg>),
    RsaPss { hash: DigestAlg, salt: usize },
}

impl SignatureAlg {
    pub fn from_identifier(alg: Tlv<'_>) -> Result<Self, AlgorithmProblem> {
        let mut r = alg.expect(asn1::SEQUENCE).map_err(|_| AlgorithmProblem::BadKey)?.children();
        let oid = r.take().and_then(|t| t.oid()).map_err(|_| AlgorithmProblem::BadKey)?;
        Ok(match oid {
            RSA_ENCRYPTION => SignatureAlg::RsaPkcs1(None),
            SHA256_WITH_RSA => SignatureAlg::RsaPkcs1(Some(DigestAlg::Sha256)),
            SHA384_WITH_RSA => SignatureAlg::RsaPkcs1(Some(DigestAlg::Sha384)),
            SHA512_WITH_RSA => SignatureAlg::RsaPkcs1(Some(DigestAlg::Sha512)),
            EC_PUBLIC_KEY => SignatureAlg::Ecdsa(None),
            ECDSA_SHA256 => SignatureAlg::Ecdsa(Some(DigestAlg::Sha256)),
            ECDSA_SHA384 => SignatureAlg::Ecdsa(Some(DigestAlg::Sha384)),
            ECDSA_SHA512 => SignatureAlg::Ecdsa(Some(DigestAlg::Sha512)),
            RSA_PSS => pss_params(r.next().map_err(|_| AlgorithmProblem::BadKey)?)?,
            SHA1_WITH_RSA | ECDSA_SHA1 => return Err(AlgorithmProblem::WeakDigest),
            other => return Err(AlgorithmProblem::Unsupported(other.to_string())),
        })
    }

    /// The hash the signature itself is computed with.
    pub fn hash(&self, default: DigestAlg) -> DigestAlg {
        match self {
            SignatureAlg::Ecdsa(h) | SignatureAlg::RsaPkcs1(h) => h.unwrap_or(default),
            SignatureAlg::RsaPss { hash, .. } => *hash,
        }
    }

    /// A name for people, e.g. "RSA PKCS#1 v1.5".
    pub fn name(&self) -> &'static str {
        match self {
            SignatureAlg::Ecdsa(_) => "ECDSA",
            SignatureAlg::RsaPkcs1(_) => "RSA PKCS#1 v1.5",
            SignatureAlg::RsaPss { .. } => "RSA-PSS",
        }
    }
}

/// RSASSA-PSS-params: `[0]` hash, `[1]` MGF1 with the same hash, `[2]` salt.
/// The defaults (SHA-1) are refused as weak.
fn pss_params(params: Option<Tlv<'_>>) -> Result<SignatureAlg, AlgorithmProblem> {
    let bad = || AlgorithmProblem::BadKey;
    let params = params.ok_or(AlgorithmProblem::WeakDigest)?.expect(asn1::SEQUENCE).map_err(|_| bad())?;
    let mut r = params.children();
    let hash_alg = r.optional(asn1::ctx(0)).map_err(|_| bad())?.ok_or(AlgorithmProblem::WeakDigest)?;
    let hash = DigestAlg::from_identifier(hash_alg.children().take().map_err(|_| bad())?)?;
    let mgf = r.optional(asn1::ctx(1)).map_err(|_| bad())?.ok_or(AlgorithmProblem::WeakDigest)?;
    let mut m = mgf.children().take().map_err(|_| bad())?.children();
    if m.take().and_then(|t| t.oid()).ok() != Some(MGF1) {
        return Err(AlgorithmProblem::Unsupported("MGF".into()));
    }
    if DigestAlg::from_identifier(m.take().map_err(|_| bad())?)? != hash {
        return Err(AlgorithmProblem::Unsupported("MGF1 hash differs from the message hash".into()));
    }
    let salt = match r.optional(asn1::ctx(2)).map_err(|_| bad())? {
        Some(s) => small_uint(s.children().take().map_err(|_| bad())?).ok_or_else(bad)?,
        None => 20,
    };
    Ok(SignatureAlg::RsaPss { hash, salt })
}

fn small_uint(t: Tlv<'_>) -> Option<usize> {
    if t.tag != asn1::INTEGER || t.content.is_empty() || t.content.len() > 4 || t.content[0] & 0x80 != 0 {
        return None;
    }
    Some(t.content.iter().fold(0usize, |a, x| (a << 8) | *x as usize))
}

/// A public key from a certificate, ready to check signatures.
pub enum PublicKey {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    Rsa(Box<rsa::PublicKey>, u32),
}

impl PublicKey {
    /// From a SubjectPublicKeyInfo element.
    pub fn from_spki(spki: &[u8]) -> Result<Self, AlgorithmProblem> {
        let bad = || AlgorithmProblem::BadKey;
        let spki = asn1::single(spki).map_err(|_| bad())?;
        let mut r = spki.children();
        let alg = r.take().map_err(|_| bad())?;
        let key = r.take().map_err(|_| bad())?.expect(asn1::BIT_STRING).map_err(|_| bad())?;
        let key = key.content.split_first().filter(|(unused, _)| **unused == 0).ok_or_else(bad)?.1;
        let mut a = alg.children();
        match a.take().and_then(|t| t.oid()).map_err(|_| bad())? {
            RSA_ENCRYPTION | RSA_PSS => {
                let k = rsa::PublicKey::from_pkcs1_der(key).map_err(|_| AlgorithmProblem::WeakKey("RSA".into()))?;
                let bits = k.n().bit_width();
                if !(2048..=4096).contains(&bits) {
                    return Err(AlgorithmProblem::WeakKey(format!("RSA {bits} bit")));
                }
                Ok(PublicKey::Rsa(Box::new(k), bits))
            }
            EC_PUBLIC_KEY => match a.take().and_then(|t| t.oid()).map_err(|_| bad())? {
                P256 => p256::ecdsa::VerifyingKey::from_sec1_bytes(key).map(PublicKey::P256).map_err(|_| bad()),
                P384 => p384::ecdsa::VerifyingKey::from_sec1_bytes(key).map(PublicKey::P384).map_err(|_| bad()),
                other => Err(AlgorithmProblem::WeakKey(format!("EC {other}"))),
            },
            other => Err(AlgorithmProblem::Unsupported(other.to_string())),
        }
    }

    /// e.g. "RSA 2048" or "P-256".
    pub fn describe(&self) -> String {
        match self {
            PublicKey::P256(_) => "P-256".into(),
            PublicKey::P384(_) => "P-384".into(),
            PublicKey::Rsa(_, bits) => format!("RSA {bits}"),
        }
    }

    /// Whether `sig` signs the message whose `hash` (by `alg`) is given.
    pub fn verify(&self, alg: &SignatureAlg, hash_alg: DigestAlg, hash: &[u8], sig: &[u8]) -> Result<bool, AlgorithmProblem> {
        let mismatch = || AlgorithmProblem::Unsupported("key and signature algorithm differ".into());
        Ok(match (self, alg) {
            (PublicKey::P256(k), SignatureAlg::Ecdsa(_)) => {
                p256::ecdsa::DerSignature::from_bytes(sig).is_ok_and(|s| k.verify_prehash(hash, &s).is_ok())
            }
            (PublicKey::P384(k), SignatureAlg::Ecdsa(_)) => {
                p384::ecdsa::DerSignature::from_bytes(sig).is_ok_and(|s| k.verify_prehash(hash, &s).is_ok())
            }
            (PublicKey::Rsa(k, _), SignatureAlg::RsaPkcs1(_)) => {
                let scheme = match hash_alg {
                    DigestAlg::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
                    DigestAlg::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
                    DigestAlg::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
                };
                k.verify(scheme, hash, sig).is_ok()
            }
            (PublicKey::Rsa(k, _), SignatureAlg::RsaPss { hash: h, salt }) => match h {
                DigestAlg::Sha256 => k.verify(rsa::Pss::<Sha256>::new_with_salt(*salt), hash, sig).is_ok(),
                DigestAlg::Sha384 => k.verify(rsa::Pss::<Sha384>::new_with_salt(*salt), hash, sig).is_ok(),
                DigestAlg::Sha512 => k.verify(rsa::Pss::<Sha512>::new_with_salt(*salt), hash, sig).is_ok(),
            },
            _ => return Err(mismatch()),
        })
    }
}
