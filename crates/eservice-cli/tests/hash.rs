//! `eservice hash` agrees with sha256sum, across chunk boundaries.

use std::process::Command;

fn eservice(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_eservice")).args(args).output().expect("eservice runs")
}

#[test]
fn matches_sha256sum_format_and_digest() {
    let dir = std::env::temp_dir().join(format!("eservice-hash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // 3 MiB + 7 bytes: more than one read chunk, and not a multiple of it.
    let big: Vec<u8> = (0..(3 << 20) + 7).map(|i| (i * 31 % 251) as u8).collect();
    let p = dir.join("scan.pdf");
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.extend_from_slice(&big);
    std::fs::write(&p, &pdf).unwrap();
    let out = eservice(&["hash", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let line = String::from_utf8(out.stdout).unwrap();
    let want = eservice_core::evidence::Sha256Stream::digest(&pdf).hex();
    assert_eq!(line, format!("{want}  {}\n", p.display()));
    if let Ok(sum) = Command::new("sha256sum").arg(&p).output() {
        assert_eq!(String::from_utf8(sum.stdout).unwrap(), line, "same as coreutils");
    }

    let out = eservice(&["hash", "--json", p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["mediaType"], "application/pdf");
    assert_eq!(v["size"], pdf.len() as u64);

    let out = eservice(&["hash", "/nonexistent/x.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/x.pdf"));
}
