//! The entry points the fuzzers drive (`crates/eservice-core/fuzz`), shared
//! with the test that replays their committed corpus on every `cargo test`,
//! so a crash once found stays fixed without a nightly toolchain.

use crate::signature::{cms, Certificate, Content};
use crate::trust::TrustList;
use crate::verification::{verify, DateTime};

/// A PDF, verified with an empty trust list and no register.
pub fn pdf_verify(data: &[u8]) {
    let now = DateTime::new(2026, 11, 27, 0, 0, 0).expect("a valid date");
    let report = verify(data, &TrustList::default(), None, now);
    let _ = report.to_json(crate::Lang::Th);
}

/// A signature container, as a detached signature and as a time-stamp.
pub fn cms(data: &[u8]) {
    const DOC: [&[u8]; 2] = [b"%PDF-1.7 signed part one ", b" signed part two %%EOF"];
    let _ = cms::verify(data, Content::Detached(&DOC), &[]);
    let _ = cms::verify(data, Content::TimeStamp(&DOC), &[]);
}

/// A certificate, its key, and whether it signed itself.
pub fn certificate(data: &[u8]) {
    if let Ok(c) = Certificate::from_der(data) {
        let _ = c.signed_by(&c);
        let _ = crate::signature::algorithm::PublicKey::from_spki(&c.spki);
        let _ = c.display_name();
    }
}
