//! The signature primitives against Project Wycheproof's vectors, when the
//! shared corpus sits beside the project (`../shared/corpus/wycheproof`).
//! A clone without it skips this file; the unit tests still cover the paths.

use std::path::PathBuf;

use eservice_pades::signature::algorithm::{PublicKey, SignatureAlg};
use eservice_pades::signature::DigestAlg;
use serde_json::Value;

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/wycheproof");
    dir.is_dir().then_some(dir)
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

/// Runs one file; returns (checked, disagreements).
fn run(file: &str, alg: SignatureAlg, hash: DigestAlg) -> (usize, Vec<String>) {
    let Some(dir) = corpus() else { return (0, vec![]) };
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();
    let (mut checked, mut wrong) = (0, Vec::new());
    for group in doc["testGroups"].as_array().unwrap() {
        let key = PublicKey::from_spki(&hex(group["publicKeyDer"].as_str().unwrap()));
        for t in group["tests"].as_array().unwrap() {
            let expected = t["result"].as_str().unwrap();
            let got = match &key {
                Ok(k) => {
                    let msg = hex(t["msg"].as_str().unwrap());
                    k.verify(&alg, hash, &hash.hash(&[&msg]), &hex(t["sig"].as_str().unwrap())).unwrap_or(false)
                }
                Err(_) => false,
            };
            checked += 1;
            let ok = match expected {
                "valid" => got,
                "invalid" => !got,
                _ => true, // "acceptable": either answer is allowed
            };
            if !ok {
                wrong.push(format!("{file} #{} ({}): expected {expected}", t["tcId"], t["comment"]));
            }
        }
    }
    (checked, wrong)
}

#[test]
fn wycheproof_vectors() {
    if corpus().is_none() {
        eprintln!("wycheproof: ../shared/corpus/wycheproof not found; skipped");
        return;
    }
    let files = [
        ("ecdsa_secp256r1_sha256_test.json", SignatureAlg::Ecdsa(Some(DigestAlg::Sha256)), DigestAlg::Sha256),
        ("ecdsa_secp384r1_sha384_test.json", SignatureAlg::Ecdsa(Some(DigestAlg::Sha384)), DigestAlg::Sha384),
        ("rsa_signature_2048_sha256_test.json", SignatureAlg::RsaPkcs1(Some(DigestAlg::Sha256)), DigestAlg::Sha256),
        ("rsa_signature_3072_sha256_test.json", SignatureAlg::RsaPkcs1(Some(DigestAlg::Sha256)), DigestAlg::Sha256),
        ("rsa_pss_2048_sha256_mgf1_32_test.json", SignatureAlg::RsaPss { hash: DigestAlg::Sha256, salt: 32 }, DigestAlg::Sha256),
    ];
    let mut all_wrong = Vec::new();
    for (file, alg, hash) in files {
        let (checked, wrong) = run(file, alg, hash);
        eprintln!("wycheproof {file}: {} of {checked} agree", checked - wrong.len());
        all_wrong.extend(wrong);
    }
    assert!(all_wrong.is_empty(), "{}", all_wrong.join("\n"));
}
