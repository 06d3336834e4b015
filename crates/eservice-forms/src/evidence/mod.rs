//! Evidence documents: what a file is (by its bytes, not its name), whether
//! a form's evidence field accepts it, its SHA-256, and the manifest entry
//! that records what was submitted.

/// SHA-256 over files and streams: in `eservice-base`, as signatures hash too.
pub use eservice_base::hash;
pub mod image_size;
pub mod manifest;
pub mod rule;
pub mod sniff;

pub use hash::{Digest, Sha256Stream};
pub use image_size::image_size;
pub use manifest::{Compression, ManifestEntry, Marked, SignatureCheck};
pub use rule::{EvidenceProblem, EvidenceRule, UseMark};
pub use sniff::{sniff, MediaType};
