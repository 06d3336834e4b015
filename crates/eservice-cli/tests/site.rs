//! `eservice site new` and `eservice site check`, on folders made here: a
//! stand-in for the release build, and a site with the kit's example forms.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eservice")).args(args).output().expect("eservice runs")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("eservice-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// What `trunk build --release` leaves, as far as `site` cares: the page,
/// its precompressed copies, the forms, the trust list and register.
fn build() -> PathBuf {
    let b = tmp("build");
    std::fs::write(b.join("index.html"), "<!doctype html><head><title>e-Service</title></head><div data-eservice-app></div>").unwrap();
    std::fs::write(b.join("index.html.gz"), b"stale").unwrap();
    std::fs::write(b.join("app.js"), "// the app").unwrap();
    copy_dir(&repo().join("assets/forms"), &b.join("forms"));
    std::fs::copy(repo().join("assets/trust.json"), b.join("trust.json")).unwrap();
    std::fs::copy(repo().join("assets/register.json"), b.join("register.json")).unwrap();
    b
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn a_new_site_has_the_build_no_forms_yet_empty_lists_and_a_thai_readme_and_checks_sound() {
    let (build, site) = (build(), tmp("new").join("site"));
    let bad = run(&["site", "new", site.to_str().unwrap(), "--agency-th", "ก", "--build", build.to_str().unwrap(), "--color", "green"]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad));
    assert!(text(&bad).contains("#rrggbb") && !site.exists(), "a bad colour is named before anything is written");
    // A logo that is not a picture is named, and nothing is written.
    let not_logo = tmp("not-logo").join("logo.png");
    std::fs::write(&not_logo, "<html><script>alert(1)</script></html>").unwrap();
    let bad = run(&["site", "new", site.to_str().unwrap(), "--agency-th", "ก", "--build", build.to_str().unwrap(), "--logo", not_logo.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad));
    assert!(text(&bad).contains("--logo") && text(&bad).contains("PNG") && !site.exists(), "{}", text(&bad));
    let logo = tmp("logo").join("seal.png");
    let png = [&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a][..], &[0; 32]].concat();
    std::fs::write(&logo, &png).unwrap();
    let out = run(&["site", "new", site.to_str().unwrap(), "--agency-th", "เทศบาลตำบล <ตัวอย่าง>", "--agency-en", "Example Municipality", "--build", build.to_str().unwrap(), "--color", "#0a6e3a", "--logo", logo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(site.join("app.js").is_file());
    assert!(site.join("forms/common/defs.json").is_file());
    assert!(!site.join("forms/commerce-registration").exists(), "no example forms unless asked");
    let index: serde_json::Value = serde_json::from_slice(&std::fs::read(site.join("forms/index.json")).unwrap()).unwrap();
    assert_eq!(index, serde_json::json!({"forms": []}));
    let page = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(page.contains("<title>เทศบาลตำบล &lt;ตัวอย่าง&gt; e-Service</title>"), "{page}");
    assert!(!site.join("index.html.gz").exists(), "a stale precompressed page is not left behind");
    assert!(page.contains(r#"<link rel="stylesheet" href="agency.css">"#));
    let css = std::fs::read_to_string(site.join("agency.css")).unwrap();
    assert!(css.contains("--eservice-primary: #0a6e3a;") && css.contains(r#"--eservice-logo: url("logo.png");"#), "{css}");
    assert_eq!(std::fs::read(site.join("logo.png")).unwrap(), png, "the logo, by what it is, not what it was called");
    let readme = std::fs::read_to_string(site.join("README-th.md")).unwrap();
    assert!(readme.contains("เพิ่มแบบฟอร์ม") && readme.contains("eservice trust add") && readme.contains("Example Municipality"));
    let check = run(&["site", "check", site.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    // A second time into the same folder: refused, nothing overwritten.
    let again = run(&["--lang", "th", "site", "new", site.to_str().unwrap(), "--agency-th", "ก", "--build", build.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again).contains("มีไฟล์อยู่แล้ว"), "{}", text(&again));
}

#[test]
fn the_example_site_checks_sound_and_each_fault_names_its_file_and_place() {
    let (build, site) = (build(), tmp("faults").join("site"));
    let out = run(&["site", "new", site.to_str().unwrap(), "--agency-th", "กรมตัวอย่าง", "--build", build.to_str().unwrap(), "--examples"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let check = run(&["site", "check", site.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "the kit's examples are sound: {}", text(&check));

    // A pattern that is not one, an index entry with a bad fee, a broken trust list.
    let schema = site.join("forms/food-advertisement/schema.json");
    let broken = std::fs::read_to_string(&schema).unwrap().replacen("^[0-9]{1,2}-[0-9]-[0-9]{5}$", "^[0-9", 1);
    std::fs::write(&schema, broken).unwrap();
    let index = site.join("forms/index.json");
    let with_bad_fee = std::fs::read_to_string(&index).unwrap().replacen("\"099999999999901\"", "\"12\"", 1);
    std::fs::write(&index, with_bad_fee).unwrap();
    std::fs::write(site.join("trust.json"), "{\"agencies\": 3}").unwrap();
    let check = run(&["site", "check", site.to_str().unwrap()]);
    let said = text(&check);
    assert_eq!(check.status.code(), Some(1), "{said}");
    assert!(said.contains("food-advertisement/schema.json") && said.contains("/properties/applicant/properties/licence_no/pattern"), "{said}");
    assert!(said.contains("forms/index.json"), "{said}");
    assert!(said.contains("trust.json"), "{said}");
    let th = text(&run(&["--lang", "th", "site", "check", site.to_str().unwrap()]));
    assert_ne!(th, said, "and in Thai on request");
    assert_eq!(run(&["site", "check", build.join("forms").to_str().unwrap()]).status.code(), Some(2), "not a site folder");
}
