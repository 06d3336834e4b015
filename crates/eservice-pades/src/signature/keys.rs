//! Private keys an agency signs with: P-256 (the kit's own) and RSA (what
//! most CA-issued certificates carry), read from PKCS#8, SEC1 or PKCS#1,
//! DER or PEM. The key types wipe their memory when dropped; buffers that
//! held key bytes on the way are wiped here too.

use der::asn1::ObjectIdentifier as Oid;
use p256::ecdsa::signature::hazmat::PrehashSigner;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use zeroize::Zeroizing;

use super::algorithm::{PublicKey, EC_PUBLIC_KEY, ECDSA_SHA256, P256, RSA_ENCRYPTION, SHA256_WITH_RSA};
use super::asn1;
use super::pem::{self, PemProblem};
use super::Certificate;

/// A signing key.
pub enum PrivateKey {
    P256(p256::ecdsa::SigningKey),
    Rsa(Box<rsa::PrivateKey>),
}

/// Why bytes did not give a usable key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    /// Not a key in any form the kit reads.
    NotAKey,
    /// A key on a curve or of a kind the kit does not sign with.
    Unsupported(String),
    /// PEM says the key is encrypted, and no password was given or it was wrong.
    Encrypted,
    /// PEM text that is broken, or holds no private key.
    Pem(PemProblem),
}

impl PrivateKey {
    /// A key from DER (PKCS#8, SEC1 or PKCS#1) or PEM text.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyProblem> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            if text.contains("-----BEGIN") {
                let blocks = match pem::blocks(text) {
                    Ok(blocks) => blocks,
                    // OpenSSL's legacy encryption writes RFC 1421 headers.
                    Err(PemProblem::Header { .. }) if text.contains("Proc-Type: 4,ENCRYPTED") => return Err(KeyProblem::Encrypted),
                    Err(p) => return Err(KeyProblem::Pem(p)),
                };
                // Each block's bytes are wiped when `blocks` drops.
                for block in &blocks {
                    match block.label.as_str() {
                        "PRIVATE KEY" => return Self::from_pkcs8(&block.der),
                        "EC PRIVATE KEY" => return Self::from_sec1(&block.der),
                        "RSA PRIVATE KEY" => return Self::from_pkcs1(&block.der),
                        "ENCRYPTED PRIVATE KEY" => return Err(KeyProblem::Encrypted),
                        _ => {}
                    }
                }
                let found: Vec<&str> = blocks.iter().map(|b| b.label.as_str()).collect();
                return Err(KeyProblem::Pem(PemProblem::WrongLabel { expected: "PRIVATE KEY".into(), found: found.join(", ") }));
            }
        }
        Self::from_pkcs8(bytes).or_else(|_| Self::from_sec1(bytes)).or_else(|_| Self::from_pkcs1(bytes))
    }

    /// PrivateKeyInfo (RFC 5208).
    pub fn from_pkcs8(der: &[u8]) -> Result<Self, KeyProblem> {
        let bad = |_| KeyProblem::NotAKey;
        let info = asn1::single(der).map_err(bad)?.expect(asn1::SEQUENCE).map_err(bad)?;
        let mut r = info.children();
        r.take().and_then(|v| v.expect(asn1::INTEGER)).map_err(bad)?;
        let mut alg = r.take().map_err(bad)?.children();
        let kind = alg.take().and_then(|t| t.oid()).map_err(bad)?;
        let key = Zeroizing::new(r.take().and_then(|t| t.expect(asn1::OCTET_STRING)).map_err(bad)?.octets().map_err(bad)?);
        match kind {
            EC_PUBLIC_KEY => match alg.take().and_then(|t| t.oid()).map_err(bad)? {
                P256 => Self::from_sec1(&key),
                other => Err(KeyProblem::Unsupported(format!("EC {}", curve_name(other)))),
            },
            RSA_ENCRYPTION => Self::from_pkcs1(&key),
            other => Err(KeyProblem::Unsupported(other.to_string())),
        }
    }

    /// ECPrivateKey (RFC 5915); only P-256 is signed with.
    pub fn from_sec1(der: &[u8]) -> Result<Self, KeyProblem> {
        let bad = |_| KeyProblem::NotAKey;
        let k = asn1::single(der).map_err(bad)?.expect(asn1::SEQUENCE).map_err(bad)?;
        let mut r = k.children();
        r.take().and_then(|v| v.expect(asn1::INTEGER)).map_err(bad)?;
        let d = Zeroizing::new(r.take().and_then(|t| t.expect(asn1::OCTET_STRING)).map_err(bad)?.content.to_vec());
        if let Some(params) = r.optional(asn1::ctx(0)).map_err(bad)? {
            let curve = params.children().take().and_then(|t| t.oid()).map_err(bad)?;
            if curve != P256 {
                return Err(KeyProblem::Unsupported(format!("EC {}", curve_name(curve))));
            }
        }
        if d.len() != 32 {
            return Err(KeyProblem::Unsupported(format!("EC {}-bit", d.len() * 8)));
        }
        p256::ecdsa::SigningKey::from_slice(&d).map(PrivateKey::P256).map_err(|_| KeyProblem::NotAKey)
    }

    /// RSAPrivateKey (RFC 8017), 2048 to 4096 bits.
    pub fn from_pkcs1(der: &[u8]) -> Result<Self, KeyProblem> {
        let key = rsa::PrivateKey::from_pkcs1_der(der).map_err(|_| KeyProblem::NotAKey)?;
        let bits = key.n().bit_width();
        if !(2048..=4096).contains(&bits) {
            return Err(KeyProblem::Unsupported(format!("RSA {bits}-bit")));
        }
        Ok(PrivateKey::Rsa(Box::new(key)))
    }

    /// A P-256 key from 32 random bytes; `None` for the rare bytes that are
    /// no valid scalar (ask again with fresh ones).
    pub fn p256_from_seed(seed: &[u8; 32]) -> Option<Self> {
        p256::ecdsa::SigningKey::from_slice(seed).ok().map(PrivateKey::P256)
    }

    /// The signature algorithm identifier's OID, with SHA-256.
    pub fn algorithm(&self) -> Oid {
        match self {
            PrivateKey::P256(_) => ECDSA_SHA256,
            PrivateKey::Rsa(_) => SHA256_WITH_RSA,
        }
    }

    /// e.g. "P-256" or "RSA 3072".
    pub fn describe(&self) -> String {
        match self {
            PrivateKey::P256(_) => "P-256".into(),
            PrivateKey::Rsa(k) => format!("RSA {}", k.n().bit_width()),
        }
    }

    /// Signs a SHA-256 hash: DER ECDSA-Sig-Value, or a PKCS#1 v1.5 block.
    pub fn sign_sha256(&self, hash: &[u8]) -> Option<Vec<u8>> {
        match self {
            PrivateKey::P256(k) => {
                let sig: p256::ecdsa::DerSignature = k.sign_prehash(hash).ok()?;
                Some(sig.as_bytes().to_vec())
            }
            PrivateKey::Rsa(k) => {
                // Blinded, so the time the private-key operation takes says
                // nothing about the key (PKCS#1 v1.5 gives the same signature).
                let secret = Zeroizing::new(k.d().to_be_bytes());
                let mut rng = super::keyed_rng::KeyedRng::new(&secret, hash);
                k.sign_with_rng(&mut rng, rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), hash).ok()
            }
        }
    }

    /// Whether `cert` certifies this key.
    pub fn matches(&self, cert: &Certificate) -> bool {
        match (self, PublicKey::from_spki(&cert.spki)) {
            (PrivateKey::P256(k), Ok(PublicKey::P256(v))) => *k.verifying_key() == v,
            (PrivateKey::Rsa(k), Ok(PublicKey::Rsa(v, _))) => k.n() == v.n() && k.e() == v.e(),
            _ => false,
        }
    }

    /// The P-256 key's SubjectPublicKeyInfo, for certificates and requests.
    pub fn p256_spki(&self) -> Option<Vec<u8>> {
        use super::encode::{oid, seq, tlv};
        match self {
            PrivateKey::P256(k) => {
                let point = k.verifying_key().to_sec1_point(false);
                let alg = seq(&[&oid(EC_PUBLIC_KEY), &oid(P256)]);
                Some(seq(&[&alg, &tlv(asn1::BIT_STRING, &[&[0u8][..], point.as_bytes()].concat())]))
            }
            PrivateKey::Rsa(_) => None,
        }
    }

    /// PKCS#8 DER of a P-256 key, for `eservice keygen` to write.
    pub fn p256_pkcs8(&self) -> Option<Zeroizing<Vec<u8>>> {
        use super::encode::{algorithm_with, octets, oid, seq, uint};
        let PrivateKey::P256(k) = self else { return None };
        let d = Zeroizing::new(k.to_bytes().to_vec());
        let sec1 = Zeroizing::new(seq(&[&uint(&[1]), &octets(&d)]));
        Some(Zeroizing::new(seq(&[&uint(&[0]), &algorithm_with(EC_PUBLIC_KEY, &oid(P256)), &octets(&sec1)])))
    }
}

fn curve_name(oid: Oid) -> String {
    match oid.to_string().as_str() {
        "1.3.132.0.34" => "P-384".into(),
        "1.3.132.0.35" => "P-521".into(),
        "1.3.132.0.10" => "secp256k1".into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::DigestAlg;
    use rsa::signature::hazmat::PrehashVerifier;

    #[test]
    fn blinded_rsa_signatures_are_the_unblinded_ones() {
        let key = PrivateKey::from_bytes(include_bytes!("testdata/rsa2048.key.pem")).unwrap();
        let PrivateKey::Rsa(k) = &key else { panic!("an RSA key") };
        for message in [&b"permit 1"[..], b"permit 2"] {
            let hash = DigestAlg::Sha256.hash(&[message]);
            let blinded = key.sign_sha256(&hash).unwrap();
            assert_eq!(blinded, k.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &hash).unwrap());
            let verifier = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(k.to_public_key());
            let sig = rsa::pkcs1v15::Signature::try_from(blinded.as_slice()).unwrap();
            assert!(verifier.verify_prehash(&hash, &sig).is_ok());
        }
    }

    #[test]
    fn pem_keys_are_read_strictly() {
        let pem_text = include_str!("testdata/rsa2048.key.pem");
        // CRLF and indentation, as a Windows editor or a pasted block leave them.
        let crlf: Vec<String> = pem_text.lines().map(|l| format!("  {l}")).collect();
        assert!(matches!(PrivateKey::from_bytes(crlf.join("\r\n").as_bytes()), Ok(PrivateKey::Rsa(_))));
        let bad = pem_text.replacen("MIIEow", "MIIE!w", 1);
        assert_eq!(PrivateKey::from_bytes(bad.as_bytes()).err(), Some(KeyProblem::Pem(PemProblem::BadCharacter { line: 2, column: 5, found: '!' })));
        let url_safe = pem_text.replacen('+', "-", 1);
        assert!(matches!(PrivateKey::from_bytes(url_safe.as_bytes()).err(), Some(KeyProblem::Pem(PemProblem::OtherAlphabet { found: '-', .. }))));
        let cert = pem::encode("CERTIFICATE", b"c");
        assert_eq!(PrivateKey::from_bytes(cert.as_bytes()).err(), Some(KeyProblem::Pem(PemProblem::WrongLabel { expected: "PRIVATE KEY".into(), found: "CERTIFICATE".into() })));
        let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        assert_eq!(PrivateKey::from_bytes(legacy.as_bytes()).err(), Some(KeyProblem::Encrypted));
    }
}
