//! PAdES: signed permit PDFs, from the agency's key to the citizen's
//! verdict.
//!
//! - [`pdf`]: a PDF's revisions, signature dictionaries and the byte ranges they cover.
//! - [`signature`]: CMS signatures, X.509 certificates, keys, PEM and PKCS#12.
//! - [`signing`]: signing permit PDFs (PAdES B-B, incremental update).
//! - [`verification`]: one verdict on a signed permit PDF.
//! - [`trust`]: the trust list of agencies and certificate chains to it.
//! - [`revocation`]: whether a chain's certificates were revoked, from the CRLs and OCSP answers a document carries.
//! - [`register`]: the public permit register (JSON, imported from CSV).
//! - [`ltv`]: what to fetch so a permit stays verifiable offline (B-LT).
//! - [`keygen`]: a new P-256 agency key with a CSR or a self-signed certificate.
//! - [`fuzzing`]: what the fuzzers (`fuzz/`) drive, replayed by the tests.
//!
//! Depends on `eservice-base` only (Thai time, SHA-256, messages): a
//! signature knows nothing of forms or packages, so the verifier page and
//! `eservice verify` need neither. The register is here, not with the
//! packages, because verification consults it (a revoked permit still
//! verifies). The RustCrypto crates do the arithmetic; CMS and X.509 are
//! read by our own bounded BER reader ([`signature::asn1`]) so the bytes a
//! signature covers are the bytes checked. No browser API: it builds for
//! wasm32 and is tested natively.

pub mod fuzzing;
pub mod keygen;
pub mod ltv;
pub mod pdf;
pub mod register;
pub mod revocation;
pub mod signature;
pub mod signing;
pub mod trust;
pub mod verification;
