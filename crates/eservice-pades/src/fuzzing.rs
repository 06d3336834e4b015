//! The entry points the fuzzers drive (`crates/eservice-pades/fuzz`), shared
//! with the test that replays their committed corpus on every `cargo test`,
//! so a crash once found stays fixed without a nightly toolchain.

use crate::signature::{cms, Certificate, Content};
use crate::trust::TrustList;
use crate::verification::{verify, DateTime};

/// A PDF, verified with an empty trust list and no register.
pub fn pdf_verify(data: &[u8]) {
    let now = DateTime::new(2026, 11, 27, 0, 0, 0).expect("a valid date");
    let report = verify(data, &TrustList::default(), None, now);
    let _ = report.to_json(eservice_base::Lang::Th);
}

/// A signature container, as a detached signature and as a time-stamp.
pub fn cms(data: &[u8]) {
    const DOC: [&[u8]; 2] = [b"%PDF-1.7 signed part one ", b" signed part two %%EOF"];
    let _ = cms::verify(data, Content::Detached(&DOC), &[]);
    let _ = cms::verify(data, Content::TimeStamp(&DOC), &[]);
}

/// Revocation data: as a file a clerk picks, as CRL and OCSP answers in a
/// DSS, and asked about a fixed chain under both policies.
pub fn revocation(data: &[u8]) {
    use crate::revocation::{check_path, Evidence, Policy, RevocationFile};
    let _ = RevocationFile::read(data);
    let mut evidence = Evidence::default();
    evidence.add(&[data.to_vec()], &[data.to_vec()]);
    let cert = SIGNER.with(|s| s.certificate().clone());
    let at = DateTime::new(2026, 11, 27, 0, 0, 0).expect("a valid date");
    for retroactive in [false, true] {
        let status = check_path(&[cert.clone(), cert.clone()], &evidence, at, Policy { retroactive });
        let _ = status.message(eservice_base::Lang::En);
    }
}

/// A certificate, its key, and whether it signed itself.
pub fn certificate(data: &[u8]) {
    if let Ok(c) = Certificate::from_der(data) {
        let _ = c.signed_by(&c);
        let _ = crate::signature::algorithm::PublicKey::from_spki(&c.spki);
        let _ = c.display_name();
    }
}

/// A PKCS#12 file, opened with a password and with none.
pub fn p12(data: &[u8]) {
    for password in ["รหัสผ่าน 1234", ""] {
        let _ = crate::signature::pkcs12::open(data, password);
    }
}

/// A TrueType font, read and used for Thai text.
pub fn font(data: &[u8]) {
    if let Some(f) = crate::pdf::font::Font::parse(data) {
        let mut used = std::collections::BTreeMap::new();
        let _ = f.encode("ลงนาม กรมทดสอบ 2569 Test", &mut used);
        let _ = f.objects("Fuzz", 1, &used);
    }
}

thread_local! {
    static SIGNER: crate::signing::Signer = {
        let k = crate::keygen::generate(&[7; 32], "Fuzz", "Fuzzing", crate::keygen::Output::SelfSigned { days: 365 }, 1_795_752_000)
            .expect("a fixed seed gives a key");
        crate::signing::Signer::from_files(k.key_pem.as_bytes(), k.pem.as_bytes(), None).expect("the key signs")
    };
}

/// A PDF, signed with a stamp (and certified when its first byte is odd);
/// whatever the kit signs must verify: its own signature is never broken.
pub fn pdf_sign(data: &[u8]) {
    let opts = crate::signing::Options {
        stamp: crate::signing::Stamp::parse("1,10,10,200,60"),
        certify: (data.first().is_some_and(|b| b & 1 == 1)).then_some(crate::signing::Certify::FormFillingAndSigning),
        time: 1_795_752_000,
        ..Default::default()
    };
    let Ok(signed) = SIGNER.with(|s| crate::signing::sign(data, s, &opts)) else { return };
    let now = DateTime::new(2026, 11, 27, 0, 0, 0).expect("a valid date");
    let report = verify(&signed, &TrustList::default(), None, now);
    let last = report.signatures.last().expect("the new signature is found");
    assert!(last.problem.is_none(), "the kit's own signature is broken: {:?}", last.problem);
}
