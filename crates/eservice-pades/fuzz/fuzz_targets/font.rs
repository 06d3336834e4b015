//! Any bytes as a TrueType font for the stamp. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    eservice_pades::fuzzing::font(data);
});
