//! Opening a received package as untrusted input: the ZIP read within
//! bounds ([`super::zip`]), the manifest checked to be the canonical JSON
//! the kit writes, every evidence file hashed again against its entry, and
//! (with the form's schema) the data validated again and the required
//! evidence listed. Each problem is named; none stops the rest being said.

use serde_json::Value;

use eservice_base::lang::Lang;
use eservice_forms::evidence::{Digest, ManifestEntry, Sha256Stream};
use eservice_forms::form::{FormSpec, Selections};
use eservice_forms::schema::Validator;

use super::zip::{self, ZipProblem};
use super::{reference, EvidenceFile, MANIFEST, SUMMARY};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageProblem {
    Zip(ZipProblem),
    NoManifest,
    /// The manifest is not JSON, or not a package manifest.
    BadManifest,
    /// The manifest is not byte for byte the canonical JSON the kit writes:
    /// it was edited after the package was made.
    ManifestEdited,
    /// The package hash differs from the one the citizen was given.
    HashMismatch { expected: String },
    EvidenceMissing { name: String },
    EvidenceTampered { name: String },
    /// A file in the ZIP that the manifest does not list.
    Unlisted { path: String },
    /// The form is not one this agency offers.
    UnknownForm(String),
    /// Filled against another version of the form's schema.
    OtherSchemaVersion,
    /// The data breaks the form's rules, each error as a line.
    Invalid(Vec<String>),
}

impl PackageProblem {
    pub fn message(&self, lang: Lang) -> String {
        let zip_msg = |p: &ZipProblem| -> String {
            match (p, lang) {
                (ZipProblem::Truncated, Lang::Th) => "ไฟล์ ZIP ไม่สมบูรณ์ (ถูกตัดหรือไม่ใช่ ZIP)".into(),
                (ZipProblem::Truncated, Lang::En) => "the ZIP is incomplete (cut short, or not a ZIP)".into(),
                (ZipProblem::TooManyEntries(n), Lang::Th) => format!("มีไฟล์ใน ZIP มากเกินไป ({n})"),
                (ZipProblem::TooManyEntries(n), Lang::En) => format!("the ZIP holds too many files ({n})"),
                (ZipProblem::Bomb(n), Lang::Th) => format!("{n}: ขยายแล้วใหญ่ผิดปกติ (zip bomb) จึงไม่เปิด"),
                (ZipProblem::Bomb(n), Lang::En) => format!("{n}: inflates far beyond its size (a zip bomb), not opened"),
                (ZipProblem::UnsafePath(n), Lang::Th) => format!("{n}: ชื่อไฟล์ชี้ออกนอกชุดเอกสาร (เช่น ../) จึงไม่เปิด"),
                (ZipProblem::UnsafePath(n), Lang::En) => format!("{n}: the file name points outside the package (such as ../), not opened"),
                (ZipProblem::Duplicate(n), Lang::Th) => format!("{n}: มีชื่อซ้ำใน ZIP"),
                (ZipProblem::Duplicate(n), Lang::En) => format!("{n}: appears twice in the ZIP"),
                (ZipProblem::Encrypted(n), Lang::Th) => format!("{n}: ถูกเข้ารหัส"),
                (ZipProblem::Encrypted(n), Lang::En) => format!("{n}: is encrypted"),
                (ZipProblem::Unsupported(n), Lang::Th) => format!("{n}: ใช้การบีบอัดที่ไม่รองรับ"),
                (ZipProblem::Unsupported(n), Lang::En) => format!("{n}: uses an unsupported compression"),
                (ZipProblem::Corrupt(n), Lang::Th) => format!("{n}: ข้อมูลเสีย (CRC ไม่ตรง)"),
                (ZipProblem::Corrupt(n), Lang::En) => format!("{n}: is damaged (CRC mismatch)"),
            }
        };
        match (self, lang) {
            (PackageProblem::Zip(p), _) => zip_msg(p),
            (PackageProblem::NoManifest, Lang::Th) => "ไม่มี manifest.json: ไม่ใช่ชุดเอกสารคำขอ".into(),
            (PackageProblem::NoManifest, Lang::En) => "no manifest.json: not a submission package".into(),
            (PackageProblem::BadManifest, Lang::Th) => "manifest.json อ่านไม่ได้หรือไม่ใช่รายการของชุดเอกสาร".into(),
            (PackageProblem::BadManifest, Lang::En) => "manifest.json is unreadable or not a package manifest".into(),
            (PackageProblem::ManifestEdited, Lang::Th) => "manifest.json ถูกแก้ไขหลังสร้างชุดเอกสาร".into(),
            (PackageProblem::ManifestEdited, Lang::En) => "manifest.json was edited after the package was made".into(),
            (PackageProblem::HashMismatch { expected }, Lang::Th) => format!("รหัสตรวจสอบชุดเอกสารไม่ตรงกับที่ผู้ยื่นได้รับ ({expected})"),
            (PackageProblem::HashMismatch { expected }, Lang::En) => format!("the package hash differs from the one the citizen was given ({expected})"),
            (PackageProblem::EvidenceMissing { name }, Lang::Th) => format!("{name}: ไม่มีไฟล์หลักฐานนี้ในชุดเอกสาร"),
            (PackageProblem::EvidenceMissing { name }, Lang::En) => format!("{name}: the evidence file is missing from the package"),
            (PackageProblem::EvidenceTampered { name }, Lang::Th) => format!("{name}: ไฟล์หลักฐานถูกแก้ไข (SHA-256 ไม่ตรงกับรายการ)"),
            (PackageProblem::EvidenceTampered { name }, Lang::En) => format!("{name}: the evidence file was changed (its SHA-256 differs from the manifest)"),
            (PackageProblem::Unlisted { path }, Lang::Th) => format!("{path}: ไฟล์นี้ไม่อยู่ในรายการของชุดเอกสาร"),
            (PackageProblem::Unlisted { path }, Lang::En) => format!("{path}: this file is not listed in the manifest"),
            (PackageProblem::UnknownForm(id), Lang::Th) => format!("ไม่รู้จักแบบฟอร์ม “{id}” ของหน่วยงานนี้"),
            (PackageProblem::UnknownForm(id), Lang::En) => format!("“{id}” is not a form this agency offers"),
            (PackageProblem::OtherSchemaVersion, Lang::Th) => "กรอกกับแบบฟอร์มฉบับอื่น (สคีมาไม่ตรงกับฉบับปัจจุบัน)".into(),
            (PackageProblem::OtherSchemaVersion, Lang::En) => "filled against another version of the form (the schema differs from the current one)".into(),
            (PackageProblem::Invalid(lines), Lang::Th) => format!("ข้อมูลไม่ผ่านการตรวจสอบ: {}", lines.join("; ")),
            (PackageProblem::Invalid(lines), Lang::En) => format!("the data fails the form's rules: {}", lines.join("; ")),
        }
    }
}

/// A package as opened.
#[derive(Clone, Debug)]
pub struct Opened {
    pub manifest: Value,
    pub hash: Digest,
    pub reference: String,
    pub form_id: String,
    pub data: Value,
    pub evidence: Vec<EvidenceFile>,
    /// The files in the ZIP, as read.
    pub files: Vec<(String, Vec<u8>)>,
    pub problems: Vec<PackageProblem>,
}

impl Opened {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }

    /// Checks the package against the hash or reference the citizen was
    /// given (an e-mail subject, a receipt): an edit to the manifest shows.
    pub fn expect(&mut self, hash_or_reference: &str) {
        let given = hash_or_reference.trim();
        if !given.eq_ignore_ascii_case(&self.hash.hex()) && !given.eq_ignore_ascii_case(&self.reference) {
            self.problems.push(PackageProblem::HashMismatch { expected: given.to_owned() });
        }
    }

    /// The inspection as JSON, for programs (`eservice package inspect
    /// --json`, the JS API's `inspectPackage`).
    pub fn to_json(&self, checklist: &[ChecklistItem], lang: Lang) -> Value {
        let items: Vec<Value> = checklist
            .iter()
            .map(|i| serde_json::json!({ "pointer": i.pointer, "title": i.title, "required": i.required, "files": i.files }))
            .collect();
        serde_json::json!({
            "sound": self.is_sound(), "reference": self.reference, "sha256": self.hash.hex(), "form": self.form_id,
            "evidence": self.evidence.len(), "problems": self.problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>(),
            "checklist": items,
        })
    }

    /// The bytes of a file in the package.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.iter().find(|(p, _)| p == path).map(|(_, b)| b.as_slice())
    }
}

/// Opens `zip`. `Err` when there is no package to speak of; otherwise every
/// problem found is in `problems`.
pub fn open(zip_bytes: &[u8]) -> Result<Opened, PackageProblem> {
    let files = zip::read(zip_bytes).map_err(PackageProblem::Zip)?;
    let raw = files.iter().find(|(p, _)| p == MANIFEST).map(|(_, b)| b.clone()).ok_or(PackageProblem::NoManifest)?;
    let manifest: Value = serde_json::from_slice(&raw).map_err(|_| PackageProblem::BadManifest)?;
    let form_id = manifest.pointer("/form/id").and_then(Value::as_str).ok_or(PackageProblem::BadManifest)?.to_owned();
    let data = manifest.get("data").cloned().ok_or(PackageProblem::BadManifest)?;
    let mut problems = Vec::new();
    // The package hash is over the canonical manifest; the file must be exactly that.
    let canonical = eservice_base::jcs::canonical(&manifest);
    if canonical.as_bytes() != raw.as_slice() {
        problems.push(PackageProblem::ManifestEdited);
    }
    let mut evidence = Vec::new();
    for v in manifest.get("evidence").and_then(Value::as_array).ok_or(PackageProblem::BadManifest)? {
        let (Some(entry), Some(path), Some(pointer)) = (ManifestEntry::from_json(v), v.get("path").and_then(Value::as_str), v.get("pointer").and_then(Value::as_str)) else {
            return Err(PackageProblem::BadManifest);
        };
        match files.iter().find(|(p, _)| p == path) {
            None => problems.push(PackageProblem::EvidenceMissing { name: entry.name.clone() }),
            Some((_, bytes)) if Sha256Stream::digest(bytes) != entry.sha256 || bytes.len() as u64 != entry.size => {
                problems.push(PackageProblem::EvidenceTampered { name: entry.name.clone() })
            }
            Some(_) => {}
        }
        // The data's own entry must be the same file the manifest lists.
        if data.pointer(pointer).and_then(ManifestEntry::from_json).is_none_or(|d| d.sha256 != entry.sha256) {
            problems.push(PackageProblem::ManifestEdited);
        }
        evidence.push(EvidenceFile { pointer: pointer.to_owned(), path: path.to_owned(), entry });
    }
    for (path, _) in &files {
        if path != MANIFEST && path != SUMMARY && !evidence.iter().any(|e| e.path == *path) {
            problems.push(PackageProblem::Unlisted { path: path.clone() });
        }
    }
    if super::evidence_entries(&data).len() != evidence.len() {
        problems.push(PackageProblem::ManifestEdited);
    }
    problems.dedup();
    let hash = Sha256Stream::digest(canonical.as_bytes());
    Ok(Opened { reference: reference(&hash), hash, manifest, form_id, data, evidence, files, problems })
}

/// Checks the package's data against its form: the schema's hash (which
/// version was filled) and the validator's rules.
pub fn check_form(opened: &mut Opened, schema_sha256: &str, validator: &Validator, lang: Lang) {
    if opened.manifest.pointer("/form/schemaSha256").and_then(Value::as_str) != Some(schema_sha256) {
        opened.problems.push(PackageProblem::OtherSchemaVersion);
    }
    let errors = validator.validate(&opened.data);
    if !errors.is_empty() {
        // Fields named as the form titles them: the clerk reads titles, not property keys.
        let form = FormSpec::new(validator, &Value::Null, &opened.data, &Selections::default());
        opened.problems.push(PackageProblem::Invalid(errors.iter().map(|e| e.titled_line(lang, &form)).collect()));
    }
}

/// One line of the completeness checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    pub pointer: String,
    pub title: String,
    pub required: bool,
    pub files: usize,
}

/// The evidence the form asks for (schema properties with `x-evidence`),
/// whether each is required, and how many files the data holds for it.
pub fn checklist(schema: &Value, data: &Value, lang: Lang) -> Vec<ChecklistItem> {
    fn walk(s: &Value, data: Option<&Value>, at: &str, required: bool, lang: Lang, out: &mut Vec<ChecklistItem>) {
        let Some(props) = s.get("properties").and_then(Value::as_object) else { return };
        let req: Vec<&str> = s.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        for (k, p) in props {
            let here = format!("{at}/{k}");
            let value = data.and_then(|d| d.get(k));
            let needed = required && (req.contains(&k.as_str()) || p.get("minItems").and_then(Value::as_u64).unwrap_or(0) > 0);
            if p.get("x-evidence").is_some() {
                let title = match lang {
                    Lang::En => p.get("x-title-en").or(p.get("title")),
                    Lang::Th => p.get("title"),
                }
                .and_then(Value::as_str)
                .unwrap_or(k)
                .to_owned();
                let files = value.and_then(Value::as_array).map_or(0, Vec::len);
                out.push(ChecklistItem { pointer: here, title, required: needed && p.get("minItems").and_then(Value::as_u64).unwrap_or(0) > 0, files });
            } else {
                walk(p, value, &here, required && req.contains(&k.as_str()), lang, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(schema, Some(data), "", true, lang, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::{build, zip, FormRef};
    use serde_json::json;

    fn form() -> FormRef {
        FormRef { id: "food-advertisement".into(), version: Some("2569.1".into()), schema_sha256: "ab".repeat(32), title: "คำขออนุญาตโฆษณาอาหาร".into(), agency: "สำนักงานคณะกรรมการอาหารและยา".into() }
    }

    fn package() -> (Vec<u8>, Digest, String) {
        let photo: &[u8] = b"\xff\xd8 a label photo";
        let sha = Sha256Stream::digest(photo);
        let data = json!({
            "applicant": {"name": "สมชาย ใจดี"},
            "evidence": {"label": [{"name": "ฉลาก.jpg", "mediaType": "image/jpeg", "size": photo.len(), "sha256": sha.hex()}]}
        });
        let rows = vec![("ชื่อ".to_owned(), "สมชาย <ใจดี>".to_owned())];
        let b = build(&form(), &data, &[(sha, photo)], "2026-11-27T18:40:00+07:00", zip::dos_time(2026, 11, 27, 18, 40, 0), &rows).unwrap();
        (b.zip, b.hash, b.reference)
    }

    #[test]
    fn a_built_package_opens_sound() {
        let (z, hash, reference) = package();
        let mut o = open(&z).unwrap();
        assert!(o.is_sound(), "{:?}", o.problems);
        assert_eq!((o.hash, o.reference.clone(), o.form_id.as_str()), (hash, reference.clone(), "food-advertisement"));
        assert_eq!(reference.len(), 9);
        assert_eq!(o.evidence[0].path, "evidence/01-ฉลาก.jpg");
        let html = String::from_utf8(o.file("summary.html").unwrap().to_vec()).unwrap();
        assert!(html.contains("สมชาย &lt;ใจดี&gt;") && html.contains(&reference) && html.contains("27 พฤศจิกายน 2569"));
        o.expect(&reference.to_lowercase());
        o.expect(&hash.hex());
        assert!(o.is_sound());
        o.expect("0000-0000");
        assert_eq!(o.problems, vec![PackageProblem::HashMismatch { expected: "0000-0000".into() }]);
    }

    fn rezip(z: &[u8], change: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
        let files: Vec<(String, Vec<u8>)> = zip::read(z).unwrap().into_iter().filter_map(|(p, b)| change(&p, b).map(|b| (p, b))).collect();
        let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
        zip::write(&refs, (0, 0))
    }

    #[test]
    fn tampering_is_named() {
        let (z, _, _) = package();
        let tampered = rezip(&z, |p, mut b| {
            if p.starts_with("evidence/") {
                b[3] ^= 1;
            }
            Some(b)
        });
        assert_eq!(open(&tampered).unwrap().problems, vec![PackageProblem::EvidenceTampered { name: "ฉลาก.jpg".into() }]);
        let missing = rezip(&z, |p, b| (!p.starts_with("evidence/")).then_some(b));
        assert_eq!(open(&missing).unwrap().problems, vec![PackageProblem::EvidenceMissing { name: "ฉลาก.jpg".into() }]);
        let edited = rezip(&z, |p, b| Some(if p == "manifest.json" { String::from_utf8(b).unwrap().replace("สมชาย", "สมศักดิ์").into_bytes() } else { b }));
        let o = open(&edited).unwrap();
        assert!(o.is_sound(), "a careful edit keeps the canonical form; only the hash shows it");
        let mut o2 = o.clone();
        o2.expect(&package().2);
        assert!(matches!(o2.problems[..], [PackageProblem::HashMismatch { .. }]));
        let pretty = rezip(&z, |p, b| Some(if p == "manifest.json" { serde_json::to_vec_pretty(&serde_json::from_slice::<Value>(&b).unwrap()).unwrap() } else { b }));
        assert_eq!(open(&pretty).unwrap().problems, vec![PackageProblem::ManifestEdited]);
        let extra = rezip(&z, |_, b| Some(b));
        let mut files = zip::read(&extra).unwrap();
        files.push(("evidence/../../x".into(), vec![1]));
        let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
        assert_eq!(open(&zip::write(&refs, (0, 0))).unwrap_err(), PackageProblem::Zip(ZipProblem::UnsafePath("evidence/../../x".into())));
        assert_eq!(open(&z[..z.len() - 30]).unwrap_err(), PackageProblem::Zip(ZipProblem::Truncated));
        assert_eq!(PackageProblem::EvidenceTampered { name: "a.pdf".into() }.message(Lang::En), "a.pdf: the evidence file was changed (its SHA-256 differs from the manifest)");
    }

    #[test]
    fn data_problems_name_fields_by_title() {
        let (z, _, _) = package();
        let v = Validator::new(
            json!({
                "type": "object",
                "properties": {"applicant": {
                    "title": "ผู้ยื่นคำขอ",
                    "type": "object",
                    "properties": {
                        "name": {"title": "ชื่อผู้ยื่น", "x-title-en": "Applicant's name", "type": "string"},
                        "licence_no": {"title": "เลขที่ใบอนุญาต", "type": "string"}
                    },
                    "dependentRequired": {"name": ["licence_no"]}
                }}
            }),
            Box::new(eservice_forms::schema::NoPatterns),
        )
        .unwrap();
        let problems = |lang| {
            let mut o = open(&z).unwrap();
            check_form(&mut o, &form().schema_sha256, &v, lang);
            o.problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>()
        };
        assert_eq!(problems(Lang::Th), ["ข้อมูลไม่ผ่านการตรวจสอบ: เลขที่ใบอนุญาต (/applicant/licence_no): กรุณากรอกช่องนี้ เพราะได้กรอก “ชื่อผู้ยื่น” แล้ว"]);
        assert_eq!(problems(Lang::En), ["the data fails the form's rules: เลขที่ใบอนุญาต (/applicant/licence_no): This field is required because “Applicant's name” is filled in"]);
    }

    #[test]
    fn the_checklist_follows_the_schema() {
        let schema: Value = serde_json::from_str(include_str!("../../../../assets/forms/food-advertisement/schema.json")).unwrap();
        let (z, _, _) = package();
        let o = open(&z).unwrap();
        let list = checklist(&schema, &o.data, Lang::Th);
        let label = list.iter().find(|i| i.pointer == "/evidence/label").unwrap();
        assert_eq!((label.required, label.files), (true, 1));
        let script = list.iter().find(|i| i.pointer == "/evidence/script").unwrap();
        assert_eq!((script.required, script.files), (true, 0));
        assert!(!list.iter().find(|i| i.pointer == "/evidence/proof").unwrap().required);
    }
}
