//! Replays the fuzzers' committed corpus (`fuzz/corpus/<target>/`) through
//! the same entry points, so every input a fuzzer once found interesting
//! still runs without a panic on the stable toolchain, in every test run.

use std::path::PathBuf;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "panicked on {}", path.display());
        n += 1;
    }
    n
}

#[test]
fn pdf_corpus() {
    assert!(replay("pdf_verify", eservice_pades::fuzzing::pdf_verify) >= 10);
}

#[test]
fn cms_corpus() {
    assert!(replay("cms", eservice_pades::fuzzing::cms) >= 3);
}

#[test]
fn certificate_corpus() {
    assert!(replay("certificate", eservice_pades::fuzzing::certificate) >= 6);
}

#[test]
fn revocation_corpus() {
    assert!(replay("revocation", eservice_pades::fuzzing::revocation) >= 4);
}

#[test]
fn p12_corpus() {
    assert!(replay("p12", eservice_pades::fuzzing::p12) >= 2);
}

#[test]
fn font_corpus() {
    assert!(replay("font", eservice_pades::fuzzing::font) >= 1);
}

#[test]
fn pdf_sign_corpus() {
    assert!(replay("pdf_sign", eservice_pades::fuzzing::pdf_sign) >= 10);
}
