//! Signed PDFs, read as bytes an attacker may have written: the file's
//! revisions (incremental updates), its signature dictionaries, and whether
//! each signature's ByteRange covers exactly what it claims.
//!
//! Nothing here trusts the document's own cross-reference table for
//! coverage: a ByteRange is checked against the bytes themselves.

pub mod byte_range;
pub mod changes;
pub mod document;
pub mod dss;
pub mod font;
pub mod font_subset;
pub mod lexer;
pub mod objects;
pub mod revisions;
mod sfnt;
pub mod stamp;
#[cfg(test)]
pub(crate) mod testpdf;
pub mod text;
pub mod update;

pub use byte_range::{find_signatures, find_signatures_in, ByteRangeProblem, SignatureLocation};
pub use revisions::revisions;
