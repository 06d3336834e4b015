//! `eservice site new DIR` makes a folder ready for any static host, from
//! the kit's release build; `eservice site check DIR` checks what an agency
//! edits there: every form, the list of services, the trust list and the
//! permit register. Each problem names the file and the place in it.

use std::path::{Path, PathBuf};

use eservice_core::catalog::Catalog;
use eservice_core::form::{FormSpec, Selections, Widget};
use eservice_core::register::Register;
use eservice_core::trust::TrustList;
use eservice_core::Lang;
use serde_json::Value;

use crate::input::{load_validator, read_bytes, read_json};
use crate::output::write_whole;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Make a new site folder: the release build, no forms yet (or the
    /// examples), an empty trust list and register, and a README for the admin.
    New {
        dir: PathBuf,
        #[arg(long)]
        agency_th: String,
        #[arg(long)]
        agency_en: Option<String>,
        /// The kit's release build (`trunk build --release`).
        #[arg(long, default_value = "dist")]
        build: PathBuf,
        /// Keep the build's example forms.
        #[arg(long)]
        examples: bool,
        /// The agency's colour for buttons and the header (`#rrggbb`).
        #[arg(long)]
        color: Option<String>,
    },
    /// Check every form, the list of services, the trust list and the register of a site.
    Check { dir: PathBuf },
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    match &args.action {
        Action::New { dir, agency_th, agency_en, build, examples, color } => match new_site(dir, &Agency { th: agency_th, en: agency_en.as_deref(), color: color.as_deref() }, build, *examples, lang) {
            Ok(()) => {
                println!("{}: {}", lang.pick("สร้างเว็บไซต์แล้ว", "site made"), dir.display());
                Outcome::Yes
            }
            Err(e) => {
                eprintln!("eservice: {e}");
                Outcome::Unreadable
            }
        },
        Action::Check { dir } => check_site(dir, lang),
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Who the site is for.
struct Agency<'a> {
    th: &'a str,
    en: Option<&'a str>,
    /// `#rrggbb`.
    color: Option<&'a str>,
}

fn is_hex_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// `agency.css`: the kit's `--eservice-*` custom properties, for the admin to edit.
fn agency_css(color: Option<&str>) -> String {
    let primary = match color {
        Some(c) => format!("  --eservice-primary: {c};\n"),
        None => "  /* --eservice-primary: #1f4e9c; */\n".to_owned(),
    };
    format!(
        "/* The agency's colours and font: uncomment and change what you need.\n   The kit reads these custom properties (assets/app.css). */\n:root {{\n{primary}  /* --eservice-primary-text: #fff; */\n  /* --eservice-background: #f6f7f9; */\n  /* --eservice-font: \"Sarabun\", sans-serif; */\n}}\n"
    )
}

fn new_site(dir: &Path, agency: &Agency, build: &Path, examples: bool, lang: Lang) -> Result<(), String> {
    let io = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    if let Some(c) = agency.color.filter(|c| !is_hex_color(c)) {
        return Err(format!("--color {c}: {}", lang.pick("ต้องเป็นสีแบบ #rrggbb เช่น #0a6e3a", "must be a colour written #rrggbb, such as #0a6e3a")));
    }
    if !build.join("index.html").is_file() {
        return Err(format!("{}: {}", build.display(), lang.pick("ไม่ใช่ผลการ build ของชุดเครื่องมือ (ไม่มี index.html) ให้รัน trunk build --release ก่อน", "is not the kit's build (no index.html): run trunk build --release first")));
    }
    if dir.read_dir().is_ok_and(|mut d| d.next().is_some()) {
        return Err(format!("{}: {}", dir.display(), lang.pick("มีไฟล์อยู่แล้ว เลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง", "is not empty: choose a new or empty folder")));
    }
    copy_dir(build, dir).map_err(|e| io(build, e))?;
    let forms = dir.join("forms");
    if !examples {
        for entry in std::fs::read_dir(&forms).map_err(|e| io(&forms, e))?.flatten() {
            if entry.file_name() != "common" && entry.path().is_dir() {
                std::fs::remove_dir_all(entry.path()).map_err(|e| io(&entry.path(), e))?;
            }
        }
        write_whole(&forms.join("index.json"), b"{\n  \"forms\": []\n}\n")?;
    }
    write_whole(&dir.join("trust.json"), b"{\n  \"agencies\": []\n}\n")?;
    write_whole(&dir.join("register.json"), b"{\n  \"permits\": []\n}\n")?;
    // The agency's name in the page title; the precompressed copies of the
    // page would now be stale, so they go (the host compresses it, or not).
    let index = dir.join("index.html");
    let page = std::fs::read_to_string(&index).map_err(|e| io(&index, e))?;
    let title = html_escape(&format!("{} e-Service", agency.th));
    let page = page.replacen("<title>e-Service</title>", &format!("<title>{title}</title>"), 1);
    // After the kit's own styles, so that the agency's win.
    let page = page.replacen("</head>", "  <link rel=\"stylesheet\" href=\"agency.css\">\n</head>", 1);
    write_whole(&index, page.as_bytes())?;
    write_whole(&dir.join("agency.css"), agency_css(agency.color).as_bytes())?;
    for stale in ["index.html.gz", "index.html.br"] {
        let _ = std::fs::remove_file(dir.join(stale));
    }
    write_whole(&dir.join("README-th.md"), admin_readme(agency.th, agency.en).as_bytes())
}

fn admin_readme(agency_th: &str, agency_en: Option<&str>) -> String {
    let en = agency_en.map(|e| format!(" ({e})")).unwrap_or_default();
    format!(
        "# เว็บไซต์ e-Service ของ {agency_th}{en}

โฟลเดอร์นี้คือเว็บไซต์ทั้งหมด ไม่ต้องมีเซิร์ฟเวอร์ของตนเอง

## นำขึ้นเว็บไซต์
อัปโหลดทุกไฟล์ในโฟลเดอร์นี้ไปยังโฮสติงแบบ static ใดก็ได้ (เช่น พื้นที่เว็บของหน่วยงาน)
โดยคงโครงสร้างโฟลเดอร์ไว้ตามเดิม ไฟล์ .gz และ .br เป็นไฟล์บีบอัดไว้ล่วงหน้า
ดูวิธีตั้งค่า nginx หรือ Apache ให้ส่งไฟล์เหล่านี้ได้ใน docs/deploy.md ของชุดเครื่องมือ

## เพิ่มแบบฟอร์ม
1. เปิดหน้า #/design ของเว็บไซต์นี้ แล้วออกแบบแบบฟอร์มด้วยการคลิกและพิมพ์
2. กด \"บันทึก\" จะได้ไฟล์ zip แตกไฟล์ลงในโฟลเดอร์นี้ (ได้ forms/<รหัส>/schema.json และ ui.json
   กับ forms/index.json ที่มีรายการบริการเดิมของเว็บไซต์และบริการใหม่แล้ว)
3. ตรวจเว็บไซต์ด้วยคำสั่ง `eservice site check .` ก่อนอัปโหลด

## เพิ่มผู้ลงนาม (สำหรับใบอนุญาตที่ลงลายมือชื่ออิเล็กทรอนิกส์)
ใช้คำสั่ง `eservice trust add ใบรับรอง.pem --name-th \"{agency_th}\" --list trust.json`
แล้วอัปโหลด trust.json ใหม่ ผู้ตรวจสอบใบอนุญาตในหน้า #/verify จะเชื่อถือผู้ลงนามนี้

## สีของหน่วยงาน
แก้ไขไฟล์ agency.css (เช่น --eservice-primary สำหรับสีปุ่มและแถบด้านบน)

## ตรวจสอบ
`eservice site check .` ตรวจแบบฟอร์มทุกฉบับ รายการบริการ รายชื่อผู้ลงนามที่เชื่อถือ และทะเบียนใบอนุญาต
แต่ละปัญหาจะบอกชื่อไฟล์และตำแหน่งในไฟล์ (ใช้ `--lang th` เพื่ออ่านเป็นภาษาไทย)
"
    )
}

/// Prints each problem as `file: message`; the count of them.
fn check_site(dir: &Path, lang: Lang) -> Outcome {
    if !dir.join("index.html").is_file() {
        eprintln!("eservice: {}: {}", dir.display(), lang.pick("ไม่ใช่โฟลเดอร์เว็บไซต์ (ไม่มี index.html)", "is not a site folder (no index.html)"));
        return Outcome::Unreadable;
    }
    let mut problems: Vec<String> = Vec::new();
    let index_path = dir.join("forms/index.json");
    match read_json(&index_path) {
        Err(e) => problems.push(e.message(lang)),
        Ok(index) => {
            let catalog = Catalog::from_json(&index);
            problems.extend(catalog.problems.iter().map(|p| format!("{}: {}", index_path.display(), p.message(lang))));
            for entry in &catalog.entries {
                problems.extend(check_form(dir, &entry.id.to_string(), lang));
            }
        }
    }
    let trust = dir.join("trust.json");
    if let Err(e) = read_bytes(&trust, lang).and_then(|b| TrustList::from_json(&trust.display().to_string(), &b).map(drop).map_err(|e| e.message(lang))) {
        problems.push(e);
    }
    let register = dir.join("register.json");
    if let Err(e) = read_bytes(&register, lang).and_then(|b| Register::from_json(&register.display().to_string(), &b).map(drop).map_err(|e| e.message(lang))) {
        problems.push(e);
    }
    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        println!("{}", lang.pick("เว็บไซต์พร้อมใช้งาน", "the site is sound"));
        Outcome::Yes
    } else {
        Outcome::No
    }
}

/// The problems of the form `id`: its schema (with what it refers to), its
/// UI schema, and any field the renderer could not draw.
fn check_form(dir: &Path, id: &str, lang: Lang) -> Vec<String> {
    let folder = dir.join("forms").join(id);
    let schema = folder.join("schema.json");
    let validator = match load_validator(&schema, lang) {
        Ok(v) => v,
        Err(e) => return vec![e],
    };
    let ui_path = folder.join("ui.json");
    let ui = match ui_path.is_file() {
        true => match read_json(&ui_path) {
            Ok(ui) => ui,
            Err(e) => return vec![e.message(lang)],
        },
        false => Value::Null,
    };
    let spec = FormSpec::new(&validator, &ui, &Value::Object(Default::default()), &Selections::default());
    let mut out: Vec<String> = spec
        .leaves()
        .iter()
        .filter_map(|f| match &f.widget {
            Widget::Unsupported { reason } => Some(format!("{}#{}: {}: {reason}", schema.display(), f.pointer, lang.pick("แสดงผลไม่ได้", "cannot be drawn"))),
            _ => None,
        })
        .collect();
    out.extend(eservice_core::schema::unknown_keywords(validator.schema()).into_iter().map(|(at, keyword)| {
        format!("{}#{at}: {} “{keyword}”", schema.display(), lang.pick("ไม่รู้จักคีย์เวิร์ด", "unknown keyword"))
    }));
    out
}
