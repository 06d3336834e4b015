//! Any bytes as a CRL, an OCSP response or a file of either, and as the
//! revocation data a chain is checked against. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    eservice_pades::fuzzing::revocation(data);
});
