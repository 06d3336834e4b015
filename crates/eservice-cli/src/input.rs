//! Reading input files, with the core's file errors, and loading a schema
//! together with the files beside it that its `$ref`s name.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use eservice_core::json_file::{self, FileProblem, JsonFileError};
use eservice_core::schema::{RegressEngine, SchemaProblem, Validator};
use eservice_core::Lang;
use serde_json::Value;

/// At most this many referenced documents are loaded for one schema.
const MAX_DOCUMENTS: usize = 64;

fn read(path: &Path) -> Result<Vec<u8>, JsonFileError> {
    std::fs::read(path).map_err(|e| JsonFileError {
        file: path.display().to_string(),
        problem: match e.kind() {
            ErrorKind::NotFound => FileProblem::NotFound,
            _ => FileProblem::Unreadable { reason: e.to_string() },
        },
    })
}

/// Reads and parses a JSON file.
pub fn read_json(path: &Path) -> Result<Value, JsonFileError> {
    json_file::parse(&path.display().to_string(), &read(path)?)
}

/// A file that may not exist yet (a register, a trust list to extend).
pub fn read_if_present(path: &Path, lang: Lang) -> Result<Option<Vec<u8>>, String> {
    match read(path) {
        Ok(b) => Ok(Some(b)),
        Err(JsonFileError { problem: FileProblem::NotFound, .. }) => Ok(None),
        Err(e) => Err(e.message(lang)),
    }
}

/// Reads any file; the error is a message in `lang` naming it.
pub fn read_bytes(path: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    read(path).map_err(|e| e.message(lang))
}

fn file_uri(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("file://{}", abs.display())
}

fn uri_path(uri: &str) -> Option<PathBuf> {
    uri.strip_prefix("file://").map(PathBuf::from)
}

/// Loads the schema at `path` and every local file its `$ref`s reach.
/// The error is a message in `lang` that names the file and the place.
pub fn load_validator(path: &Path, lang: Lang) -> Result<Validator, String> {
    let schema = read_json(path).map_err(|e| e.message(lang))?;
    let base = file_uri(path);
    let mut docs: Vec<(String, Value)> = Vec::new();
    loop {
        let mut b = Validator::builder(schema.clone()).base(&base);
        for (uri, doc) in &docs {
            b = b.document(uri, doc.clone());
        }
        match b.build(Box::new(RegressEngine::default())) {
            Ok(v) => return Ok(v),
            Err(e) => match &e.problem {
                SchemaProblem::MissingDocument { uri } if docs.len() < MAX_DOCUMENTS => {
                    let Some(file) = uri_path(uri) else {
                        return Err(match lang {
                            Lang::Th => format!("{}: ไม่ดึง $ref จากเครือข่าย ({uri}) ให้บันทึกไฟล์ไว้ข้างสคีมา", path.display()),
                            Lang::En => format!("{}: remote $ref {uri} is not fetched; save it beside the schema", path.display()),
                        });
                    };
                    docs.push((uri.clone(), read_json(&file).map_err(|e| e.message(lang))?));
                }
                _ => return Err(format!("{}: {}", path.display(), e.message(lang))),
            },
        }
    }
}

/// CRL files (PEM `X509 CRL` or DER) and OCSP response files (DER), each
/// read and checked to be what it claims; the message names the file.
pub fn revocation_files(crls: &[PathBuf], ocsps: &[PathBuf], lang: Lang) -> Result<eservice_core::signature::cms::Revocation, String> {
    use eservice_core::revocation::RevocationFile;
    let mut out = eservice_core::signature::cms::Revocation::default();
    for path in crls {
        match RevocationFile::read(&read_bytes(path, lang)?) {
            Some(RevocationFile::Crls(c)) => out.crls.extend(c),
            _ => {
                return Err(match lang {
                    Lang::Th => format!("{}: ไม่ใช่รายการเพิกถอนใบรับรอง (CRL) แบบ PEM หรือ DER", path.display()),
                    Lang::En => format!("{}: not a certificate revocation list (CRL), PEM or DER", path.display()),
                })
            }
        }
    }
    for path in ocsps {
        match RevocationFile::read(&read_bytes(path, lang)?) {
            Some(RevocationFile::Ocsp(o)) => out.ocsps.push(o),
            _ => {
                return Err(match lang {
                    Lang::Th => format!("{}: ไม่ใช่คำตอบ OCSP ที่สำเร็จ (DER)", path.display()),
                    Lang::En => format!("{}: not a successful OCSP response (DER)", path.display()),
                })
            }
        }
    }
    Ok(out)
}
