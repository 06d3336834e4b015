//! The public permit register: the permits an agency must display, with
//! the SHA-256 of each issued signed PDF. It is how a revoked permit is
//! recognised even though its signature still verifies.
//!
//! A static JSON file (`{"permits": [...]}`), importable from CSV with the
//! header `number,holder,type,issued,expires,status,sha256` (Excel's UTF-8
//! CSV with its byte-order mark is fine). Status is `valid`, `suspended` or
//! `revoked` (or in Thai: ใช้ได้, พักใช้, เพิกถอน).

use serde_json::{json, Value};

use eservice_base::hash::Digest;
use eservice_base::json_file::{self, JsonFileError};
use eservice_base::lang::Lang;
use eservice_base::thai_date::is_date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Valid,
    Suspended,
    Revoked,
}

impl Status {
    fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "valid" | "ใช้ได้" => Some(Status::Valid),
            "suspended" | "พักใช้" => Some(Status::Suspended),
            "revoked" | "เพิกถอน" => Some(Status::Revoked),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Status::Valid => "valid",
            Status::Suspended => "suspended",
            Status::Revoked => "revoked",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Valid => lang.pick("ใช้ได้", "valid"),
            Status::Suspended => lang.pick("พักใช้", "suspended"),
            Status::Revoked => lang.pick("เพิกถอน", "revoked"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Permit {
    pub number: String,
    pub holder: String,
    pub kind: String,
    /// ISO dates (`2026-11-27`), checked on reading.
    pub issued: String,
    pub expires: Option<String>,
    pub status: Status,
    pub sha256: Digest,
}

/// What the signer says of a permit being issued.
#[derive(Clone, Copy, Debug)]
pub struct NewPermit<'a> {
    pub number: &'a str,
    pub holder: &'a str,
    pub kind: &'a str,
    /// `YYYY-MM-DD`, if the permit expires.
    pub expires: Option<&'a str>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Register {
    pub permits: Vec<Permit>,
}

/// Why a register file cannot be used; `at` is a JSON pointer or a CSV
/// line and column name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegisterError {
    Json(JsonFileError),
    Entry { file: String, at: String, field: &'static str },
}

impl RegisterError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RegisterError::Json(e), _) => e.message(lang),
            (RegisterError::Entry { file, at, field }, Lang::Th) => format!("ทะเบียนใบอนุญาต {file} ที่ {at}: ช่อง \"{field}\" ขาดหายหรือไม่ถูกต้อง"),
            (RegisterError::Entry { file, at, field }, Lang::En) => format!("Permit register {file} at {at}: \"{field}\" is missing or invalid"),
        }
    }
}

const FIELDS: [&str; 7] = ["number", "holder", "type", "issued", "expires", "status", "sha256"];

impl Register {
    pub fn from_json(file: &str, bytes: &[u8]) -> Result<Self, RegisterError> {
        Self::from_value(file, &json_file::parse(file, bytes).map_err(RegisterError::Json)?)
    }

    /// From JSON already parsed (the page fetches it as JSON).
    pub fn from_value(file: &str, doc: &Value) -> Result<Self, RegisterError> {
        let list = doc.get("permits").and_then(Value::as_array).ok_or_else(|| RegisterError::Entry { file: file.into(), at: "/".into(), field: "permits" })?;
        let mut permits = Vec::new();
        for (i, p) in list.iter().enumerate() {
            let get = |k: &str| p.get(k).and_then(Value::as_str);
            permits.push(permit(get, file, &format!("/permits/{i}"))?);
        }
        Ok(Register { permits })
    }

    pub fn from_csv(file: &str, text: &str) -> Result<Self, RegisterError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let rows = csv_rows(text);
        let err = |at: String, field| RegisterError::Entry { file: file.into(), at, field };
        let header = rows.first().ok_or_else(|| err("1".into(), "number"))?;
        let col = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
        let cols: Vec<Option<usize>> = FIELDS.iter().map(|f| col(f)).collect();
        let mut permits = Vec::new();
        for (i, row) in rows.iter().enumerate().skip(1) {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let get = |k: &str| {
                let idx = FIELDS.iter().position(|f| *f == k)?;
                cols[idx].and_then(|c| row.get(c)).map(|s| s.trim()).filter(|s| !s.is_empty())
            };
            permits.push(permit(get, file, &format!("line {}", i + 1))?);
        }
        Ok(Register { permits })
    }

    pub fn to_json(&self) -> Value {
        let permits: Vec<Value> = self
            .permits
            .iter()
            .map(|p| {
                json!({
                    "number": p.number, "holder": p.holder, "type": p.kind,
                    "issued": p.issued, "expires": p.expires,
                    "status": p.status.key(), "sha256": p.sha256.hex(),
                })
            })
            .collect();
        json!({ "permits": permits })
    }

    /// Records a permit just signed: status valid, issued today (Thai time),
    /// the SHA-256 of the signed PDF. A permit with the same number is
    /// replaced, as a re-issued permit supersedes the old file.
    pub fn record_signed(&mut self, entry: &NewPermit<'_>, signed_pdf: &[u8], unix: u64) -> Result<&Permit, RegisterError> {
        let issued = eservice_base::thai_date::iso_thai(unix)[..10].to_owned();
        let sha = eservice_base::hash::Sha256Stream::digest(signed_pdf).hex();
        let get = |k: &str| match k {
            "number" => Some(entry.number),
            "holder" => Some(entry.holder),
            "type" => Some(entry.kind),
            "issued" => Some(issued.as_str()),
            "expires" => entry.expires.filter(|e| !e.trim().is_empty()),
            "status" => Some("valid"),
            "sha256" => Some(sha.as_str()),
            _ => None,
        };
        let p = permit(get, "register", &format!("permit {}", entry.number))?;
        let at = match self.permits.iter().position(|old| old.number == p.number) {
            Some(i) => {
                self.permits[i] = p;
                i
            }
            None => {
                self.permits.push(p);
                self.permits.len() - 1
            }
        };
        Ok(&self.permits[at])
    }

    /// The permit whose issued PDF has this SHA-256.
    pub fn by_hash(&self, d: &Digest) -> Option<&Permit> {
        self.permits.iter().find(|p| p.sha256 == *d)
    }

    /// Permits whose number or holder contains `query` (ASCII letters in
    /// any case; Thai has none).
    pub fn search(&self, query: &str) -> Vec<&Permit> {
        let q = query.trim().to_ascii_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        self.permits.iter().filter(|p| p.number.to_ascii_lowercase().contains(&q) || p.holder.to_ascii_lowercase().contains(&q)).collect()
    }
}

fn permit<'a>(get: impl Fn(&str) -> Option<&'a str>, file: &str, at: &str) -> Result<Permit, RegisterError> {
    let err = |field| RegisterError::Entry { file: file.into(), at: at.into(), field };
    let text = |k: &'static str| get(k).map(str::to_owned).filter(|s| !s.trim().is_empty()).ok_or_else(|| err(k));
    Ok(Permit {
        number: text("number")?,
        holder: text("holder")?,
        kind: text("type")?,
        issued: get("issued").filter(|d| is_date(d)).map(str::to_owned).ok_or_else(|| err("issued"))?,
        expires: match get("expires") {
            Some(d) if is_date(d) => Some(d.to_owned()),
            Some(_) => return Err(err("expires")),
            None => None,
        },
        status: get("status").and_then(Status::parse).ok_or_else(|| err("status"))?,
        sha256: get("sha256").and_then(|h| Digest::from_hex(h.trim())).ok_or_else(|| err("sha256"))?,
    })
}

/// RFC 4180 rows: quoted fields may hold commas, quotes ("") and newlines.
/// (Also how `eservice-package` reads the incoming register back.)
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    #[test]
    fn csv_from_excel_imports() {
        let csv = format!("\u{feff}number,holder,type,issued,expires,status,sha256\r\nP-001,\"บริษัท ทดสอบ, จำกัด\",โฆษณาอาหาร,2026-01-15,2027-01-14,เพิกถอน,{HASH}\r\nP-002,Somchai,export,2026-02-01,,valid,{}\r\n", "ab".repeat(32));
        let r = Register::from_csv("reg.csv", &csv).unwrap();
        assert_eq!(r.permits.len(), 2);
        assert_eq!(r.permits[0].holder, "บริษัท ทดสอบ, จำกัด");
        assert_eq!(r.permits[0].status, Status::Revoked);
        assert_eq!(r.permits[1].expires, None);
        let back = Register::from_json("r.json", r.to_json().to_string().as_bytes()).unwrap();
        assert_eq!(back, r);
        assert_eq!(r.by_hash(&Digest::from_hex(HASH).unwrap()).unwrap().number, "P-001");
        assert_eq!(r.search("p-00").len(), 2);
        assert_eq!(r.search("ทดสอบ").len(), 1);
        assert!(r.search("  ").is_empty());
    }

    #[test]
    fn bad_rows_are_named() {
        let e = Register::from_csv("reg.csv", "number,holder,type,issued,expires,status,sha256\nP-1,A,B,2026-13-01,,valid,00\n").unwrap_err();
        assert_eq!(e.message(Lang::En), "Permit register reg.csv at line 2: \"issued\" is missing or invalid");
        let e = Register::from_json("r.json", br#"{"permits":[{"number":"1","holder":"h","type":"t","issued":"2026-01-01","status":"gone","sha256":"00"}]}"#).unwrap_err();
        assert!(e.message(Lang::Th).contains("/permits/0"));
    }
}
