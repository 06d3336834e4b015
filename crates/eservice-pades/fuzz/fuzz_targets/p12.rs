//! Any bytes as a PKCS#12 file, opened with a password and with none. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    eservice_pades::fuzzing::p12(data);
});
