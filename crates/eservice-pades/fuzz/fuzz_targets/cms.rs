//! Any bytes as a CMS SignedData over a fixed document, and as a document
//! time-stamp token. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    eservice_pades::fuzzing::cms(data);
});
