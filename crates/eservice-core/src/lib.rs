//! The core of eservice-kit: everything an e-Service needs that is not a web
//! page, so the browser, the `eservice` CLI and agency backends share it.
//!
//! - [`schema`]: JSON Schema checking and validation, with Thai messages.
//! - [`catalog`]: the list of services in `forms/index.json`.
//! - [`draft`]: what a citizen typed, kept on their device until submitted.
//! - [`evidence`]: file types by content, SHA-256, evidence limits, manifest entries.
//! - [`form`]: the form a schema and its UI schema describe.
//! - [`keygen`]: a new P-256 agency key with a CSR or a self-signed certificate.
//! - [`package`]: the submission package (ZIP with manifest, evidence, summary).
//! - [`incoming`]: the incoming register of accepted submissions (CSV, XLSX).
//! - [`jcs`]: RFC 8785 canonical JSON, for hashes over manifests and receipts.
//! - [`json_file`]: reading agency JSON files with errors that name the place.
//! - [`thai_id`]: the Thai citizen ID check digit.
//! - [`thai_date`]: ISO dates shown in the Buddhist Era.
//! - [`thai_address`]: the province → district → subdistrict → postcode cascade.
//! - [`pdf`]: signatures in PDFs and the byte ranges they cover.
//! - [`signature`]: CMS signatures and X.509 certificates.
//! - [`signing`]: signing permit PDFs (PAdES B-B, incremental update).
//! - [`trust`]: the trust list of agencies and certificate chains to it.
//! - [`promptpay`]: the PromptPay bill-payment QR for a form's fee.
//! - [`receipt`]: the agency's signed receipt for a package, verified.
//! - [`register`]: the public permit register (JSON, imported from CSV).
//! - [`verification`]: one verdict on a signed permit PDF.
//! - [`fuzzing`]: what the fuzzers drive, replayed by the tests.
//! - [`pointer`] and [`lang`]: JSON Pointers and Thai/English text.
//!
//! Nothing here depends on a browser API; the crate builds for wasm32 and is
//! tested natively.

pub mod catalog;
pub mod draft;
pub mod evidence;
pub mod form;
pub mod fuzzing;
pub mod jcs;
pub mod incoming;
pub mod json_file;
pub mod keygen;
pub mod lang;
pub mod package;
pub mod pdf;
pub mod pointer;
pub mod promptpay;
pub mod receipt;
pub mod register;
pub mod schema;
pub mod signature;
pub mod signing;
pub mod thai_address;
pub mod thai_date;
pub mod thai_id;
pub mod trust;
pub mod verification;

pub use lang::{Lang, LocalText};
pub use pointer::JsonPointer;
