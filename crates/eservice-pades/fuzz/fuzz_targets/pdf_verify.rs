//! Any bytes as a PDF: finding signatures, ByteRange checks, the object
//! scan, what changed after signing, CMS and chains. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    eservice_pades::fuzzing::pdf_verify(data);
});
