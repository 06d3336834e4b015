//! `eservice package inspect` and `eservice register add` on packages the
//! core builds, as a browser would: sound, tampered, truncated, for an
//! unknown form, and sent twice.

use std::path::{Path, PathBuf};
use std::process::Command;

use eservice_core::evidence::Sha256Stream;
use eservice_core::package::{build, zip, FormRef};
use serde_json::json;

fn eservice(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_eservice")).args(args).output().expect("eservice runs");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

const SCHEMA: &str = r#"{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object", "required": ["applicant", "evidence"],
  "properties": {
    "applicant": {"type": "object", "required": ["first_name", "last_name"],
      "properties": {"first_name": {"type": "string"}, "last_name": {"type": "string"}}},
    "evidence": {"type": "object", "required": ["id_card"], "properties": {
      "id_card": {"title": "สำเนาบัตรประชาชน", "type": "array", "minItems": 1, "x-evidence": {}, "items": {"type": "object"}},
      "map": {"title": "แผนที่", "type": "array", "x-evidence": {}, "items": {"type": "object"}}}}
  }
}"#;

/// A forms folder with the `demo` form, and a package for it.
fn setup(tag: &str) -> (PathBuf, PathBuf, Vec<u8>) {
    let dir = std::env::temp_dir().join(format!("eservice-pkg-{tag}-{}", std::process::id()));
    let forms = dir.join("forms");
    std::fs::create_dir_all(forms.join("demo")).unwrap();
    std::fs::write(forms.join("demo/schema.json"), SCHEMA).unwrap();
    let scan: &[u8] = b"%PDF-1.7 an ID card scan %%EOF";
    let sha = Sha256Stream::digest(scan);
    let data = json!({
        "applicant": {"first_name": "สมชาย", "last_name": "ใจดี"},
        "evidence": {"id_card": [{"name": "บัตร.pdf", "mediaType": "application/pdf", "size": scan.len(), "sha256": sha.hex()}]}
    });
    let form = FormRef { id: "demo".into(), version: None, schema_sha256: eservice_core::package::schema_sha256(&serde_json::from_str(SCHEMA).unwrap()), title: "คำขอทดสอบ".into(), agency: "กรมทดสอบ".into() };
    let b = build(&form, &data, &[(sha, scan)], "2026-11-27T10:00:00+07:00", zip::dos_time(2026, 11, 27, 10, 0, 0), &[]).unwrap();
    (dir, forms, b.zip)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn inspect_says_sound_or_names_what_is_wrong() {
    let (dir, forms, zip_bytes) = setup("inspect");
    let good = dir.join("good.zip");
    std::fs::write(&good, &zip_bytes).unwrap();
    let (code, out) = eservice(&["package", "inspect", s(&good), "--forms", s(&forms)]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("intact and valid") && out.contains("✓ สำเนาบัตรประชาชน (1)") && out.contains("· แผนที่ (0)"), "{out}");

    let mut files = zip::read(&zip_bytes).unwrap();
    files.iter_mut().filter(|(p, _)| p.starts_with("evidence/")).for_each(|(_, b)| b[0] = b'X');
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let tampered = dir.join("tampered.zip");
    std::fs::write(&tampered, zip::write(&refs, (0, 0))).unwrap();
    let (code, out) = eservice(&["--lang", "th", "package", "inspect", s(&tampered), "--forms", s(&forms)]);
    assert_eq!(code, Some(1));
    assert!(out.contains("บัตร.pdf: ไฟล์หลักฐานถูกแก้ไข"), "{out}");

    let cut = dir.join("cut.zip");
    std::fs::write(&cut, &zip_bytes[..zip_bytes.len() / 2]).unwrap();
    let (code, out) = eservice(&["package", "inspect", s(&cut), "--json"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("the ZIP is incomplete"), "{out}");

    let (code, out) = eservice(&["package", "inspect", s(&good), "--forms", s(&dir)]);
    assert_eq!(code, Some(1));
    assert!(out.contains("“demo” is not a form this agency offers"), "{out}");
    let (code, out) = eservice(&["package", "inspect", s(&good), "--expect", "0000-0000"]);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(eservice(&["package", "inspect", s(&dir.join("none.zip"))]).0, Some(2));
}

#[test]
fn register_add_numbers_rows_and_refuses_duplicates() {
    let (dir, forms, zip_bytes) = setup("register");
    let pkg = dir.join("p.zip");
    std::fs::write(&pkg, &zip_bytes).unwrap();
    let reg = dir.join("incoming.csv");
    let xlsx = dir.join("incoming.xlsx");
    let (code, out) = eservice(&["register", "add", s(&pkg), "--register", s(&reg), "--forms", s(&forms), "--xlsx", s(&xlsx)]);
    assert_eq!(code, Some(0), "{out}");
    let csv = std::fs::read_to_string(&reg).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(r#","สมชาย ใจดี","คำขอทดสอบ","#), "{csv}");
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let (code, out) = eservice(&["register", "add", s(&pkg), "--register", s(&reg)]);
    assert_eq!(code, Some(1));
    assert!(out.contains("duplicate of the submission already in row 1"), "{out}");
    assert_eq!(std::fs::read_to_string(&reg).unwrap().lines().count(), 2, "one header, one row");
}

/// `eservice` with the key file's passphrase in the environment.
fn eservice_with(passphrase: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_eservice")).args(args).env("ESERVICE_PASSPHRASE", passphrase).output().expect("eservice runs");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_sealed_package_opens_with_the_agency_key_file_alone_and_says_what_stops_it() {
    let (dir, forms, zip_bytes) = setup("sealed");
    let pass = "รหัสผ่านของสำนักงานเขต 2569";
    let (key, backup) = (dir.join("agency.age"), dir.join("agency-backup.age"));
    // The key pair: the public key printed, the key file and its backup
    // sealed with the passphrase, readable by their owner alone.
    let (code, public, err) = eservice_with(pass, &["keygen", "--encryption", "--key-out", s(&key), "--backup-out", s(&backup)]);
    assert_eq!(code, Some(0), "{err}");
    let public = public.trim();
    assert!(public.starts_with("age1") && err.contains("Without this file and its passphrase no submission"), "{public} {err}");
    assert_eq!(std::fs::read(&key).unwrap(), std::fs::read(&backup).unwrap());
    assert!(eservice_core::seal::is_sealed(&std::fs::read(&key).unwrap()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // Never over an existing key; never a short passphrase, or none.
    let (code, _, err) = eservice_with(pass, &["keygen", "--encryption", "--key-out", s(&key)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("never overwritten"), "{err}");
    let (code, _, err) = eservice_with("short", &["keygen", "--encryption", "--key-out", s(&dir.join("k2.age"))]);
    assert!(code == Some(2) && err.contains("too short"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_eservice")).args(["keygen", "--encryption", "--key-out", s(&dir.join("k3.age"))]).env_remove("ESERVICE_PASSPHRASE").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("ESERVICE_PASSPHRASE") && !dir.join("k3.age").exists());

    // Sealed as the browser seals it; inspected with the key: the same
    // package, and the sealed file's own SHA-256.
    let zip_path = dir.join("p.zip");
    let sealed = dir.join("p.zip.age");
    std::fs::write(&zip_path, &zip_bytes).unwrap();
    let (code, _, err) = eservice_with(pass, &["package", "seal", s(&zip_path), "--to", public, "-o", s(&sealed)]);
    assert_eq!(code, Some(0), "{err}");
    let sealed_bytes = std::fs::read(&sealed).unwrap();
    let (code, out, err) = eservice_with(pass, &["package", "inspect", s(&sealed), "--identity", s(&key), "--forms", s(&forms), "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (_, plain_out, _) = eservice_with(pass, &["package", "inspect", s(&zip_path), "--forms", s(&forms), "--json"]);
    let plain: serde_json::Value = serde_json::from_str(&plain_out).unwrap();
    assert_eq!((report["sha256"].as_str().map(str::len), &report["reference"], &report["sound"]), (Some(64), &plain["reference"], &json!(true)));
    assert_eq!(report["sha256"], plain["sha256"], "the reference and hash are the plaintext's");
    assert_eq!(report["sealed"]["sha256"], Sha256Stream::digest(&sealed_bytes).hex());
    let opened = dir.join("opened.zip");
    let (code, _, err) = eservice_with(pass, &["package", "open", s(&sealed), "--identity", s(&backup), "-o", s(&opened)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(std::fs::read(&opened).unwrap(), zip_bytes, "the same bytes from the backup key");

    // Each failure has its own message, and nothing is written.
    let (code, _, err) = eservice_with(pass, &["package", "inspect", s(&sealed)]);
    assert!(code == Some(2) && err.contains("sealed to the agency's key; give its key file with --identity"), "{err}");
    let (code, _, err) = eservice_with("not the passphrase", &["package", "inspect", s(&sealed), "--identity", s(&key)]);
    assert!(code == Some(2) && err.contains("Wrong passphrase"), "{err}");
    let other = dir.join("other.age");
    eservice_with(pass, &["keygen", "--encryption", "--key-out", s(&other)]);
    let (code, _, err) = eservice_with(pass, &["package", "open", s(&sealed), "--identity", s(&other), "-o", s(&dir.join("x.zip"))]);
    assert!(code == Some(2) && err.contains("encrypted to another key"), "{err}");
    let mut damaged = sealed_bytes.clone();
    let at = damaged.len() - 40;
    damaged[at] ^= 0x20;
    std::fs::write(dir.join("damaged.age"), &damaged).unwrap();
    let (code, _, err) = eservice_with(pass, &["package", "open", s(&dir.join("damaged.age")), "--identity", s(&key), "-o", s(&dir.join("x.zip"))]);
    assert!(code == Some(2) && err.contains("is damaged") && err.contains("chunk 1"), "{err}");
    std::fs::write(dir.join("cut.age"), &sealed_bytes[..sealed_bytes.len() / 2]).unwrap();
    let (code, _, err) = eservice_with(pass, &["--lang", "th", "package", "open", s(&dir.join("cut.age")), "--identity", s(&key), "-o", s(&dir.join("x.zip"))]);
    assert!(code == Some(2) && err.contains("ไฟล์เข้ารหัสเสียหาย") && err.contains("ถูกแก้ไขหรือขาดหาย"), "{err}");
    assert!(!dir.join("x.zip").exists(), "nothing half-written");
    let (code, _, err) = eservice_with(pass, &["package", "seal", s(&zip_path), "--to", "age1notakey", "-o", s(&dir.join("y.age"))]);
    assert!(code == Some(2) && err.contains("The key “age1notakey” cannot be read"), "{err}");
}
