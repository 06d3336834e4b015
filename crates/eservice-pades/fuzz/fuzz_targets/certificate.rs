//! Any bytes as an X.509 certificate, then its key and self-signature.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    eservice_pades::fuzzing::certificate(data);
});
