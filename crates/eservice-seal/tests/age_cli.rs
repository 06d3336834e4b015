//! Interoperability with Debian's `age` and `age-keygen` (scripts/setup
//! installs them), both ways: what the kit seals, age opens; what age
//! seals, the kit opens; and the kit's passphrase-protected key file is an
//! identity file age itself reads.

use std::path::{Path, PathBuf};
use std::process::Command;

use eservice_seal::{keys, open, open_with_passphrase, seal, Identity, Recipient, CHUNK};

fn random(buf: &mut [u8]) {
    getrandom::fill(buf).expect("system randomness");
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("eservice-seal-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e} (scripts/setup installs Debian's age)"));
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `age` on a terminal of its own, answering its passphrase prompts.
fn age_with_passphrase(passphrase: &str, args: &[&Path]) {
    let helper = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/age-tty.py");
    run(Command::new("python3").arg(helper).arg(passphrase).arg("age").args(args));
}

fn payload() -> Vec<u8> {
    // Several chunks and a short last one, with every byte value.
    (0..(3 * CHUNK + 1234)).map(|i| (i * 31 + i / 977) as u8).collect()
}

#[test]
fn age_opens_what_the_kit_seals() {
    let d = dir("to-age");
    let id = Identity::generate(&mut random);
    std::fs::write(d.join("id.txt"), id.file_text("2026-12-03T00:00:00Z").as_bytes()).unwrap();
    let plain = payload();
    let other = Identity::generate(&mut random).recipient();
    std::fs::write(d.join("p.age"), seal(&plain, &[other, id.recipient()], &mut random).unwrap()).unwrap();
    run(Command::new("age").arg("-d").arg("-i").arg(d.join("id.txt")).arg("-o").arg(d.join("p.out")).arg(d.join("p.age")));
    assert_eq!(std::fs::read(d.join("p.out")).unwrap(), plain);
    // Empty, and exactly one chunk.
    for n in [0, CHUNK] {
        std::fs::write(d.join("n.age"), seal(&plain[..n], &[id.recipient()], &mut random).unwrap()).unwrap();
        run(Command::new("age").arg("-d").arg("-i").arg(d.join("id.txt")).arg("-o").arg(d.join("n.out")).arg(d.join("n.age")));
        // age writes no file for an empty plaintext.
        assert_eq!(std::fs::read(d.join("n.out")).unwrap_or_default(), &plain[..n], "{n} bytes");
        std::fs::remove_file(d.join("n.out")).ok();
    }
}

#[test]
fn the_kit_opens_what_age_seals_with_its_own_keys() {
    let d = dir("from-age");
    run(Command::new("age-keygen").arg("-o").arg(d.join("key.txt")));
    let text = std::fs::read_to_string(d.join("key.txt")).unwrap();
    let id = Identity::parse(&text).unwrap();
    let public = text.lines().find_map(|l| l.strip_prefix("# public key: ")).unwrap();
    assert_eq!(id.recipient(), Recipient::parse(public).unwrap(), "the same public key as age-keygen's");
    let plain = payload();
    std::fs::write(d.join("p.bin"), &plain).unwrap();
    let kit_key = Identity::generate(&mut random);
    run(Command::new("age").arg("-r").arg(public).arg("-r").arg(kit_key.recipient().to_string()).arg("-o").arg(d.join("p.age")).arg(d.join("p.bin")));
    let sealed = std::fs::read(d.join("p.age")).unwrap();
    assert_eq!(*open(&sealed, &id).unwrap(), plain);
    assert_eq!(*open(&sealed, &kit_key).unwrap(), plain, "a recipient written by the kit");
}

#[test]
fn passphrases_work_both_ways_and_the_key_file_is_an_age_identity_file() {
    let d = dir("passphrase");
    let passphrase = "ม้าถูกต้อง แบตเตอรี่ ลวดเย็บ";
    // age -p: the kit opens it.
    let plain = payload();
    std::fs::write(d.join("p.bin"), &plain).unwrap();
    age_with_passphrase(passphrase, &[Path::new("-p"), Path::new("-o"), &d.join("p.age"), &d.join("p.bin")]);
    assert_eq!(*open_with_passphrase(&std::fs::read(d.join("p.age")).unwrap(), passphrase).unwrap(), plain);
    // The kit's key file (at a low work factor, for the test's time): age
    // takes it with -i, asks its passphrase, and opens what was sealed to it.
    let id = Identity::generate(&mut random);
    std::fs::write(d.join("key.age"), keys::protect(&id, "2026-12-03T00:00:00Z", passphrase, 12, &mut random).unwrap()).unwrap();
    std::fs::write(d.join("s.age"), seal(&plain, &[id.recipient()], &mut random).unwrap()).unwrap();
    age_with_passphrase(passphrase, &[Path::new("-d"), Path::new("-i"), &d.join("key.age"), Path::new("-o"), &d.join("s.out"), &d.join("s.age")]);
    assert_eq!(std::fs::read(d.join("s.out")).unwrap(), plain);
}
