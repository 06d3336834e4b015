//! Packages: what a submission becomes once the citizen sends it, and what
//! the agency does with it.
//!
//! - [`package`]: the submission package (ZIP with manifest, evidence, summary), built and opened.
//! - [`incoming`]: the incoming register of accepted submissions (CSV, XLSX).
//! - [`promptpay`]: the PromptPay bill-payment QR for a form's fee.
//! - [`receipt`]: the agency's signed receipt for a package, verified.
//!
//! The top of the core: depends on `eservice-forms` (a package is checked
//! against its form's schema), `eservice-pades` (a receipt is a CMS
//! signature checked against the trust list; the incoming register reads
//! CSV as the permit register does) and `eservice-base`. Nothing depends on
//! it but the `eservice-core` facade. No browser API: it builds for wasm32
//! and is tested natively.

pub mod incoming;
pub mod package;
pub mod promptpay;
pub mod receipt;
