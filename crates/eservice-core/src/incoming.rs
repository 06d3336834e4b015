//! The incoming register (ทะเบียนหนังสือรับ): one row per accepted
//! submission, numbered in order, as a starter-level agency keeps it in
//! Excel. Exported as CSV (UTF-8 with a BOM, so Excel shows Thai) and as
//! `.xlsx`; read back from the CSV it wrote.

use serde_json::Value;

use crate::package::inspect::Opened;
use crate::package::zip;
use crate::signing::thai_time;
use crate::thai_date::BE_OFFSET;

const HEADER: [&str; 7] = ["เลขทะเบียนรับ", "วันที่รับ", "จาก", "เรื่อง", "เลขอ้างอิง", "รหัสตรวจสอบชุดเอกสาร (SHA-256)", "สถานะ"];
pub const ACCEPTED: &str = "รับเรื่องแล้ว";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub number: u32,
    /// `d/m/yyyy` in the Buddhist era, as Thai registers write dates.
    pub received: String,
    pub sender: String,
    pub subject: String,
    pub reference: String,
    pub hash: String,
    pub status: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IncomingRegister {
    pub rows: Vec<Row>,
}

/// Why a package was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddProblem {
    /// The same package is already row `n`.
    Duplicate(u32),
}

/// Who sent a submission, as its data names them: a first and last name,
/// else a `name`, else any `…_name`, searched from the top.
pub fn sender(data: &Value) -> String {
    fn find(v: &Value, depth: usize) -> Option<String> {
        let m = v.as_object()?;
        let s = |k: &str| m.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
        if let (Some(f), Some(l)) = (s("first_name"), s("last_name")) {
            return Some(format!("{f} {l}"));
        }
        if let Some(n) = s("name") {
            return Some(n.to_owned());
        }
        if let Some(n) = m.iter().find(|(k, v)| k.ends_with("_name") && v.as_str().is_some_and(|s| !s.trim().is_empty())) {
            return n.1.as_str().map(str::to_owned);
        }
        if depth >= 3 {
            return None;
        }
        m.values().find_map(|c| find(c, depth + 1))
    }
    find(data, 0).unwrap_or_else(|| "—".into())
}

fn be_date(unix: u64) -> String {
    let t = thai_time(unix);
    format!("{}/{}/{}", t.day(), t.month(), i32::from(t.year()) + BE_OFFSET)
}

impl IncomingRegister {
    /// Adds an accepted package received at `unix`; a package already in
    /// the register (same hash) is refused with its row number.
    pub fn add(&mut self, p: &Opened, unix: u64) -> Result<&Row, AddProblem> {
        let hash = p.hash.hex();
        if let Some(r) = self.rows.iter().find(|r| r.hash == hash) {
            return Err(AddProblem::Duplicate(r.number));
        }
        let number = self.rows.iter().map(|r| r.number).max().unwrap_or(0) + 1;
        let subject = p.manifest.pointer("/form/title").and_then(Value::as_str).unwrap_or(&p.form_id).to_owned();
        self.rows.push(Row { number, received: be_date(unix), sender: sender(&p.data), subject, reference: p.reference.clone(), hash, status: ACCEPTED.into() });
        Ok(&self.rows[self.rows.len() - 1])
    }

    fn cells(r: &Row) -> [String; 7] {
        [r.number.to_string(), r.received.clone(), r.sender.clone(), r.subject.clone(), r.reference.clone(), r.hash.clone(), r.status.clone()]
    }

    /// CSV with a BOM and CRLF line ends, fields quoted where needed.
    pub fn to_csv(&self) -> String {
        let field = |s: &str| if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() };
        let mut out = String::from("\u{feff}");
        out.push_str(&HEADER.map(field).join(","));
        out.push_str("\r\n");
        for r in &self.rows {
            out.push_str(&Self::cells(r).map(|c| field(&c)).join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// Reads what `to_csv` wrote (or Excel saved from it); rows that do not
    /// have seven fields and a number are skipped.
    pub fn from_csv(text: &str) -> Self {
        let rows = crate::register::csv_rows(text.trim_start_matches('\u{feff}'))
            .into_iter()
            .skip(1)
            .filter_map(|c| {
                let [n, received, sender, subject, reference, hash, status]: [String; 7] = c.try_into().ok()?;
                Some(Row { number: n.trim().parse().ok()?, received, sender, subject, reference, hash, status })
            })
            .collect();
        IncomingRegister { rows }
    }

    /// The register as an Excel workbook (one sheet, text cells).
    pub fn to_xlsx(&self) -> Vec<u8> {
        let esc = crate::package::summary::escape;
        let col = |i: usize| (b'A' + i as u8) as char;
        let row_xml = |n: usize, cells: &[String]| {
            let c: String = cells
                .iter()
                .enumerate()
                .map(|(i, v)| format!("<c r=\"{}{n}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", col(i), esc(v)))
                .collect();
            format!("<row r=\"{n}\">{c}</row>")
        };
        let mut sheet = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.push_str(&row_xml(1, &HEADER.map(str::to_owned)));
        for (i, r) in self.rows.iter().enumerate() {
            sheet.push_str(&row_xml(i + 2, &Self::cells(r)));
        }
        sheet.push_str("</sheetData></worksheet>");
        let types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>";
        let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
        let workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"ทะเบียนหนังสือรับ\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
        let wb_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
        zip::write(
            &[
                ("[Content_Types].xml", types.as_bytes()),
                ("_rels/.rels", rels.as_bytes()),
                ("xl/workbook.xml", workbook.as_bytes()),
                ("xl/_rels/workbook.xml.rels", wb_rels.as_bytes()),
                ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
            ],
            (0, 0x21),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn senders_are_found_in_the_data() {
        assert_eq!(sender(&json!({"applicant": {"prefix": "mr", "first_name": "สมชาย", "last_name": "ใจดี"}})), "สมชาย ใจดี");
        assert_eq!(sender(&json!({"applicant": {"name": "บริษัท ก จำกัด"}})), "บริษัท ก จำกัด");
        assert_eq!(sender(&json!({"exporter": {"company_name": "Fresh Co"}})), "Fresh Co");
        assert_eq!(sender(&json!({"x": 1})), "—");
    }

    #[test]
    fn csv_round_trips_with_a_bom_and_thai() {
        let row = Row { number: 1, received: "27/11/2569".into(), sender: "สมชาย, ใจดี".into(), subject: "คำขอ \"ก\"".into(), reference: "ABCD-EFGH".into(), hash: "ab".repeat(32), status: ACCEPTED.into() };
        let reg = IncomingRegister { rows: vec![row] };
        let csv = reg.to_csv();
        assert!(csv.starts_with("\u{feff}เลขทะเบียนรับ,วันที่รับ"));
        assert_eq!(IncomingRegister::from_csv(&csv), reg);
        let xlsx = reg.to_xlsx();
        let files = zip::read(&xlsx).unwrap();
        let sheet = String::from_utf8(files.iter().find(|(p, _)| p == "xl/worksheets/sheet1.xml").unwrap().1.clone()).unwrap();
        assert!(sheet.contains("คำขอ &quot;ก&quot;") && sheet.contains("r=\"G2\""));
        assert_eq!(be_date(1_795_752_000), "27/11/2569");
    }
}
