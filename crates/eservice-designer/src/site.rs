//! A site folder ready for any static host, made from the kit's release
//! build: the agency's name in the page title, its colour and logo in
//! `agency.css`, its forms and their `forms/index.json`, an empty trust list
//! and permit register, and a short Thai README for the admin.
//!
//! Files in, files out, so that `eservice site new` writes them to a folder
//! and the designer's "download the site" zips them, the same site either way.

use eservice_base::Lang;
use serde_json::{json, Value};

use crate::emit::Saved;

/// Who the site is for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agency {
    pub th: String,
    pub en: Option<String>,
    /// `#rrggbb`: buttons and the header.
    pub color: Option<String>,
    /// The picture shown in the header, as picked (`logo.png`…).
    pub logo: Option<(String, Vec<u8>)>,
}

/// Which forms the site offers.
pub enum Forms<'a> {
    /// The build's own example forms.
    Examples,
    /// These, by id, and none else.
    These(&'a [(String, Saved)]),
}

/// Why no site was made.
#[derive(Clone, Debug, PartialEq)]
pub enum SiteProblem {
    NoAgency,
    NotAColor(String),
    /// The files given are not the kit's release build.
    NotABuild,
    /// A logo is a PNG, JPEG, WebP or SVG picture of at most [`LOGO_MAX`] bytes.
    Logo(String),
}

/// The list of a build's files, which a static host cannot give
/// (scripts/site-files.mjs): what "download the site" fetches.
pub const FILES: &str = "site-files.json";

/// The largest logo: a header picture, not a photograph.
pub const LOGO_MAX: usize = 512 * 1024;

impl SiteProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SiteProblem::NoAgency => lang.pick("ยังไม่มีชื่อหน่วยงาน (ภาษาไทย)", "the agency has no name (in Thai)").to_owned(),
            SiteProblem::NotAColor(c) => match lang {
                Lang::Th => format!("สี “{c}” ต้องเป็นแบบ #rrggbb เช่น #0a6e3a"),
                Lang::En => format!("the colour “{c}” must be written #rrggbb, such as #0a6e3a"),
            },
            SiteProblem::NotABuild => lang.pick("ไม่ใช่ผลการ build ของชุดเครื่องมือ (ไม่มี index.html) ให้รัน trunk build --release ก่อน", "is not the kit's build (no index.html): run trunk build --release first").to_owned(),
            SiteProblem::Logo(name) => match lang {
                Lang::Th => format!("โลโก้ “{name}” ต้องเป็นภาพ PNG, JPEG, WebP หรือ SVG ขนาดไม่เกิน 512 KB"),
                Lang::En => format!("the logo “{name}” must be a PNG, JPEG, WebP or SVG picture of at most 512 KB"),
            },
        }
    }
}

pub fn is_hex_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// The logo's file name in the site, by what its bytes are (not its name).
fn logo_name(bytes: &[u8]) -> Option<&'static str> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    match bytes {
        [0x89, b'P', b'N', b'G', ..] => Some("logo.png"),
        [0xFF, 0xD8, 0xFF, ..] => Some("logo.jpg"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("logo.webp"),
        // An SVG with no script: it is shown as an image, but is served beside the page.
        _ if head.contains("<svg") && !String::from_utf8_lossy(bytes).to_ascii_lowercase().contains("<script") => Some("logo.svg"),
        _ => None,
    }
}

/// `agency.css`: the kit's `--eservice-*` custom properties, for the admin to edit.
pub fn agency_css(color: Option<&str>, logo: Option<&str>) -> String {
    let primary = match color {
        Some(c) => format!("  --eservice-primary: {c};\n"),
        None => "  /* --eservice-primary: #1f4e9c; */\n".to_owned(),
    };
    let logo = match logo {
        Some(l) => format!("  --eservice-logo: url(\"{l}\");\n  --eservice-logo-display: block;\n"),
        None => "  /* --eservice-logo: url(\"logo.png\"); --eservice-logo-display: block; */\n".to_owned(),
    };
    format!(
        "/* The agency's colours, logo and font: uncomment and change what you need.\n   The kit reads these custom properties (assets/app.css). */\n:root {{\n{primary}{logo}  /* --eservice-primary-text: #fff; */\n  /* --eservice-background: #f6f7f9; */\n  /* --eservice-font: \"Sarabun\", sans-serif; */\n}}\n"
    )
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The page with the agency's name in its title and its styles after the
/// kit's, so that they win; a page already made so (a site made from a
/// site) is made so again, not twice.
fn page(html: &str, agency: &Agency) -> String {
    let title = html_escape(&format!("{} e-Service", agency.th.trim()));
    let mut page = match (html.find("<title>"), html.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!("{}<title>{title}{}", &html[..a], &html[b..]),
        _ => html.to_owned(),
    };
    if !page.contains("href=\"agency.css\"") {
        page = page.replacen("</head>", "  <link rel=\"stylesheet\" href=\"agency.css\">\n</head>", 1);
    }
    page
}

fn pretty(v: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(v).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The site's files, by path, from the release build's (`build`, by path
/// from its folder).
pub fn make(agency: &Agency, build: Vec<(String, Vec<u8>)>, forms: Forms) -> Result<Vec<(String, Vec<u8>)>, SiteProblem> {
    if agency.th.trim().is_empty() {
        return Err(SiteProblem::NoAgency);
    }
    if let Some(c) = agency.color.as_ref().filter(|c| !is_hex_color(c)) {
        return Err(SiteProblem::NotAColor(c.clone()));
    }
    let logo = match &agency.logo {
        Some((name, bytes)) => match logo_name(bytes).filter(|_| bytes.len() <= LOGO_MAX) {
            Some(site_name) => Some((site_name, bytes)),
            None => return Err(SiteProblem::Logo(name.clone())),
        },
        None => None,
    };
    if !build.iter().any(|(p, _)| p == "index.html") {
        return Err(SiteProblem::NotABuild);
    }
    let examples = matches!(forms, Forms::Examples);
    // Written below, anew: the build's example register and trust list are the kit's, not the agency's.
    let replaced = |p: &str| {
        matches!(p, "trust.json" | "register.json" | "agency.css" | "README-th.md" | "index.html.gz" | "index.html.br" | FILES)
            || p.starts_with("logo.")
            || (!examples && p.starts_with("forms/") && !p.starts_with("forms/common/"))
    };
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (path, bytes) in build {
        if replaced(&path) {
            continue;
        }
        let bytes = match path.as_str() {
            // The agency's name in the page title, and its styles after the kit's, so that they win.
            "index.html" => page(&String::from_utf8_lossy(&bytes), agency).into_bytes(),
            _ => bytes,
        };
        files.push((path, bytes));
    }
    if let Forms::These(forms) = forms {
        for (id, saved) in forms {
            files.push((format!("forms/{id}/schema.json"), serde_json::to_vec_pretty(&saved.schema).unwrap_or_default()));
            files.push((format!("forms/{id}/ui.json"), serde_json::to_vec_pretty(&saved.ui).unwrap_or_default()));
        }
        let entries: Vec<Value> = forms.iter().map(|(_, s)| s.entry.clone()).collect();
        files.push(("forms/index.json".into(), pretty(&json!({ "forms": entries }))));
    }
    files.push(("trust.json".into(), pretty(&json!({ "agencies": [] }))));
    files.push(("register.json".into(), pretty(&json!({ "permits": [] }))));
    files.push(("agency.css".into(), agency_css(agency.color.as_deref(), logo.map(|(n, _)| n)).into_bytes()));
    if let Some((name, bytes)) = logo {
        files.push((name.to_owned(), bytes.clone()));
    }
    files.push(("README-th.md".into(), admin_readme(agency.th.trim(), agency.en.as_deref()).into_bytes()));
    let mut list: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    list.sort_unstable();
    let list = pretty(&json!({ "files": list }));
    files.push((FILES.into(), list));
    Ok(files)
}

/// The admin's README, in Thai: upload, add a form, add a signer.
pub fn admin_readme(agency_th: &str, agency_en: Option<&str>) -> String {
    let en = agency_en.filter(|e| !e.trim().is_empty()).map(|e| format!(" ({})", e.trim())).unwrap_or_default();
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

## สีและโลโก้ของหน่วยงาน
แก้ไขไฟล์ agency.css (เช่น --eservice-primary สำหรับสีปุ่มและแถบด้านบน
และ --eservice-logo สำหรับภาพโลโก้ในแถบด้านบน)

## ตรวจสอบ
`eservice site check .` ตรวจแบบฟอร์มทุกฉบับ รายการบริการ รายชื่อผู้ลงนามที่เชื่อถือ และทะเบียนใบอนุญาต
แต่ละปัญหาจะบอกชื่อไฟล์และตำแหน่งในไฟล์ (ใช้ `--lang th` เพื่ออ่านเป็นภาษาไทย)
"
    )
}
