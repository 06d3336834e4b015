//! The incoming register (ทะเบียนหนังสือรับ): one row per accepted
//! submission, numbered in order, as a starter-level agency keeps it in
//! Excel. Exported as CSV (UTF-8 with a BOM, so Excel shows Thai) and as
//! `.xlsx`; read back from the CSV it wrote.
//!
//! Every cell is citizen-typed text as far as a spreadsheet knows, so none
//! may become a formula (CSV injection, after OWASP's guidance): a cell that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with
//! a `'` before it, in the CSV and the workbook alike, so that a clerk who
//! re-saves the workbook as CSV is safe too. A cell that starts with `'` gets
//! one more, so that reading the CSV back ([`IncomingRegister::from_csv`])
//! takes off exactly what was added and gives the text as typed.

use serde_json::Value;

use eservice_base::thai_date::{thai_time, BE_OFFSET};

use crate::package::inspect::Opened;
use crate::package::zip;

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

    /// A row's cells as a spreadsheet receives them: neutralised.
    fn cells(r: &Row) -> [String; 7] {
        [r.number.to_string(), r.received.clone(), r.sender.clone(), r.subject.clone(), r.reference.clone(), r.hash.clone(), r.status.clone()].map(|c| neutralise(&c))
    }

    /// CSV with a BOM and CRLF line ends. Every field is quoted, as OWASP
    /// advises: a `;` or tab in a sender's name then cannot start a new
    /// cell (and a formula) in a spreadsheet that splits on them.
    pub fn to_csv(&self) -> String {
        let field = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
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
        let rows = eservice_pades::register::csv_rows(text.trim_start_matches('\u{feff}'))
            .into_iter()
            .skip(1)
            .filter_map(|c| {
                let [n, received, sender, subject, reference, hash, status]: [String; 7] = c.into_iter().map(|c| restore(&c)).collect::<Vec<_>>().try_into().ok()?;
                Some(Row { number: n.trim().parse().ok()?, received, sender, subject, reference, hash, status })
            })
            .collect();
        IncomingRegister { rows }
    }

    /// The register as an Excel workbook (one sheet, inline-string cells:
    /// never a formula, whatever the text).
    pub fn to_xlsx(&self) -> Vec<u8> {
        let col = |i: usize| (b'A' + i as u8) as char;
        let row_xml = |n: usize, cells: &[String]| {
            let c: String = cells
                .iter()
                .enumerate()
                .map(|(i, v)| format!("<c r=\"{}{n}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", col(i), xml_cell(v)))
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

/// What makes a spreadsheet read a cell as a formula (OWASP's list), and
/// the quote that says "text" and so must itself be doubled to round-trip.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as written: `'` before one that a spreadsheet would run as a
/// formula, and before one that starts with `'` (so [`restore`] knows).
fn neutralise(cell: &str) -> String {
    if cell.starts_with(FORMULA_START) || cell.starts_with('\'') {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Undoes exactly [`neutralise`]: one `'` comes off only where it was
/// added. A lone leading `'` before anything else was typed (by an older
/// export or in Excel) and stays.
fn restore(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) || rest.starts_with('\'') => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// Text as a workbook cell's XML holds it: control characters, which XML
/// 1.0 cannot carry, as OOXML's `_xHHHH_` (ST_Xstring), and a `_` that would
/// start such an escape as `_x005F_`; a carriage return, which an XML
/// reader turns into a line feed, as `&#13;`; the rest XML-escaped. Without
/// this one odd character in a sender's name makes the whole workbook
/// unreadable.
fn xml_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let b = &s.as_bytes()[i..];
        let looks_escaped = c == '_' && b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_';
        let control = matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
        if looks_escaped || control {
            out.push_str(&format!("_x{:04X}_", c as u32));
        } else {
            out.push(c);
        }
    }
    crate::package::summary::escape(&out).replace('\r', "&#13;")
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
        assert!(csv.starts_with("\u{feff}\"เลขทะเบียนรับ\",\"วันที่รับ\""));
        assert_eq!(IncomingRegister::from_csv(&csv), reg);
        let xlsx = reg.to_xlsx();
        let files = zip::read(&xlsx).unwrap();
        let sheet = String::from_utf8(files.iter().find(|(p, _)| p == "xl/worksheets/sheet1.xml").unwrap().1.clone()).unwrap();
        assert!(sheet.contains("คำขอ &quot;ก&quot;") && sheet.contains("r=\"G2\""));
        assert_eq!(be_date(1_795_752_000), "27/11/2569");
    }

    fn row(sender: &str, subject: &str) -> Row {
        Row { number: 1, received: "27/11/2569".into(), sender: sender.into(), subject: subject.into(), reference: "ABCD-EFGH".into(), hash: "ab".repeat(32), status: ACCEPTED.into() }
    }

    #[test]
    fn no_cell_becomes_a_formula() {
        let typed = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "'quoted", "''twice", "'=already", "a;=1", "สมชาย", "-", "'"];
        let reg = IncomingRegister { rows: typed.iter().enumerate().map(|(i, t)| Row { number: i as u32 + 1, ..row(t, t) }).collect() };
        let csv = reg.to_csv();
        assert_eq!(IncomingRegister::from_csv(&csv), reg, "every text comes back as typed");
        for cells in eservice_pades::register::csv_rows(csv.trim_start_matches('\u{feff}')).into_iter().skip(1) {
            for c in &cells {
                assert!(!c.starts_with(FORMULA_START), "{c:?} would run as a formula");
            }
        }
        assert!(csv.contains(r#""'=HYPERLINK(""http://x"",""y"")""#), "{csv}");
        for cell in [r#""'+1","'+1""#, r#""'@SUM(A1)""#, r#""''quoted""#, r#""'''twice""#, r#""''=already""#, "\"'\t=1\"", "\"'\r=1\""] {
            assert!(csv.contains(cell), "{cell} in {csv}");
        }
        assert!(csv.contains(r#""a;=1""#), "quoted, so a ; cannot split it");

        let files = zip::read(&reg.to_xlsx()).unwrap();
        let sheet = String::from_utf8(files.iter().find(|(p, _)| p == "xl/worksheets/sheet1.xml").unwrap().1.clone()).unwrap();
        assert!(!sheet.contains("<f>") && !sheet.contains("t=\"str\""), "no formula cell");
        assert!(sheet.contains("<t xml:space=\"preserve\">&#39;=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>"), "{sheet}");
        assert!(sheet.contains(">&#39;&#13;=1<") && sheet.contains(">&#39;\t=1<"));
    }

    #[test]
    fn escaping_is_undone_exactly() {
        for typed in ["", "'", "''", "'x", "=", "'=", "''=", "a'=", "_x000D_", "x"] {
            assert_eq!(restore(&neutralise(typed)), typed);
        }
        // A lone leading quote that an older export (or Excel) wrote stays.
        assert_eq!(restore("'x"), "'x");
        assert_eq!(restore("'=1"), "=1");
    }

    #[test]
    fn workbook_text_is_always_xml() {
        assert_eq!(xml_cell("a\u{1}b\rc\td\ne<&"), "a_x0001_b&#13;c\td\ne&lt;&amp;");
        assert_eq!(xml_cell("_x0041_ and _x_ and _"), "_x005F_x0041_ and _x_ and _");
        assert_eq!(xml_cell("สมชาย_x00"), "สมชาย_x00");
    }
}
