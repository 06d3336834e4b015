//! Any bytes as a PDF to sign: must never panic, and whatever is signed must
//! verify with the kit's signature intact.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    eservice_pades::fuzzing::pdf_sign(data);
});
