//! Electronic signatures as permits carry them: CMS SignedData with X.509
//! certificates, checked with ECDSA (P-256, P-384) or RSA (PKCS#1 v1.5, PSS).
//!
//! Everything is read from the bytes with a bounded BER/DER reader
//! ([`asn1`]), so the bytes a signature covers are the bytes checked.

pub mod algorithm;
pub mod asn1;
pub mod certificate;
pub mod cms;
pub mod crl;
pub mod encode;
pub mod issue;
pub mod keyed_rng;
pub mod keys;
pub mod ocsp;
pub mod pem;
pub mod pkcs12;
pub mod tsp;

pub use algorithm::{AlgorithmProblem, DigestAlg, SignatureAlg};
pub use certificate::Certificate;
pub use cms::{CmsProblem, Content, Verified};
pub use keys::{KeyProblem, PrivateKey};
pub mod writer;

/// Test certificates for this crate's tests and, with the `testkit`
/// feature, for the tests of crates above it.
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;
#[cfg(test)]
mod tests;
