//! The core of eservice-kit: everything an e-Service needs that is not a web
//! page, so the browser, the `eservice` CLI and agency backends share it.
//!
//! This crate only re-exports six crates, under the module paths the app
//! and the CLI have always used (`eservice_core::schema::Validator`,
//! `eservice_core::Lang`). The crates, from the bottom up (none depends on
//! one after it in this list):
//!
//! - `eservice-base`: [`lang`], [`pointer`](mod@pointer), [`jcs`], [`json_file`],
//!   [`thai_id`], [`thai_date`], [`thai_address`] (and SHA-256, as
//!   [`evidence::hash`]).
//! - `eservice-forms`: [`schema`], [`form`], [`evidence`], [`catalog`], [`draft`].
//! - `eservice-pades`: [`pdf`], [`signature`], [`signing`], [`verification`],
//!   [`trust`], [`register`], [`keygen`], [`fuzzing`].
//! - `eservice-package`: [`package`], [`incoming`], [`promptpay`], [`receipt`].
//! - `eservice-designer`: [`designer`], a service as the clerk designs it,
//!   written out as the files the renderer reads.
//! - `eservice-seal`: [`seal`], packages encrypted to the agency's key
//!   (age v1), and the key file that opens them.
//!
//! `docs/architecture.md` draws the graph and says where each thing is.
//! Nothing here depends on a browser API; every crate builds for wasm32
//! and is tested natively.

pub use eservice_base::{jcs, json_file, lang, pointer, thai_address, thai_date, thai_id};
pub use eservice_base::{JsonPointer, Lang, LocalText};
pub use eservice_forms::{catalog, draft, evidence, form, schema};
pub use eservice_designer as designer;
pub use eservice_seal as seal;
pub use eservice_package::{incoming, package, promptpay, receipt};
pub use eservice_pades::{fuzzing, keygen, ltv, pdf, register, revocation, signature, signing, trust, verification};
