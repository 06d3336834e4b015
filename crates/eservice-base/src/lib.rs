//! The bottom of eservice-kit: small pieces every other crate uses, with no
//! idea of forms, packages or signatures.
//!
//! - [`lang`]: Thai and English text, Thai first.
//! - [`pointer`](mod@pointer): JSON Pointers (RFC 6901), the addresses errors name.
//! - [`jcs`]: RFC 8785 canonical JSON, for hashes over manifests and receipts.
//! - [`hash`]: SHA-256 in chunks, for evidence, registers and certificates.
//! - [`json_file`]: reading agency JSON files with errors that name the place.
//! - [`thai_id`]: the Thai citizen ID check digit.
//! - [`thai_date`]: ISO dates shown in the Buddhist Era, and Thai time.
//! - [`thai_address`]: the province → district → subdistrict → postcode cascade.
//!
//! Depends on no crate of ours: forms, PAdES and packages all build on it,
//! so anything two of them share comes down here (SHA-256 and the calendar
//! date check did, so that PAdES needs neither the forms nor the evidence
//! code). Its outside dependencies are `serde_json`, `ryu` (RFC 8785
//! numbers), `sha2` and `der` (whose `DateTime` is the kit's moment type).
//! No browser API: it builds for wasm32 and is tested natively.

pub mod hash;
pub mod jcs;
pub mod json_file;
pub mod lang;
pub mod pointer;
pub mod thai_address;
pub mod thai_date;
pub mod thai_id;

pub use lang::{Lang, LocalText};
pub use pointer::JsonPointer;
