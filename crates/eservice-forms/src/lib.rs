//! Forms: what a citizen fills in and attaches, and the list of services
//! that offers them.
//!
//! - [`schema`]: JSON Schema (draft 2020-12) checking and validation, with Thai messages.
//! - [`form`]: the form a schema and its UI schema describe: fields, steps, widgets.
//! - [`evidence`]: file types by content, evidence rules, manifest entries.
//! - [`catalog`]: the list of services in `forms/index.json`, with their fees.
//! - [`draft`]: what a citizen typed, kept on their device until submitted.
//!
//! Depends on `eservice-base` only. Evidence lives here rather than with the
//! packages because the form model holds it: an evidence field carries its
//! [`evidence::EvidenceRule`], and its value is a list of
//! [`evidence::ManifestEntry`]. For the same reason a fee's amount
//! ([`catalog::Satang`]) is declared here and the PromptPay QR code that
//! charges it is in `eservice-package`. No browser API: it builds for wasm32
//! and is tested natively.

pub mod catalog;
pub mod draft;
pub mod evidence;
pub mod form;
pub mod schema;
