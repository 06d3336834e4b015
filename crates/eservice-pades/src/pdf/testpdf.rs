//! Small PDFs for the tests, with correct cross-reference data: one page,
//! written with a classic table or with an object stream and a
//! cross-reference stream, as Word and LibreOffice variously do.

const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const PAGE: &str = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>";
const CONTENT: &str = "BT /F1 24 Tf 72 760 Td (Permit No. 001/2569) Tj ET";

/// A one-page permit with a classic cross-reference table.
pub fn one_page() -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    let content = format!("<< /Length {} >>\nstream\n{CONTENT}\nendstream", CONTENT.len());
    for (i, body) in [CATALOG, PAGES, PAGE, &content].iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 5\n0000000000 65535 f\r\n");
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes());
    }
    pdf.extend_from_slice(format!("trailer\n<< /Size 5 /Root 1 0 R /ID [<0102> <0102>] >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    pdf
}

/// The same page with objects 1 to 3 in an (uncompressed) object stream and
/// a cross-reference stream.
pub fn one_page_xref_stream() -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let bodies = [CATALOG, PAGES, PAGE];
    let mut header = String::new();
    let mut data = String::new();
    for (i, b) in bodies.iter().enumerate() {
        header.push_str(&format!("{} {} ", i + 1, data.len()));
        data.push_str(b);
        data.push('\n');
    }
    let objstm = format!("{header}{data}");
    let content_at = pdf.len();
    pdf.extend_from_slice(format!("4 0 obj\n<< /Length {} >>\nstream\n{CONTENT}\nendstream\nendobj\n", CONTENT.len()).as_bytes());
    let objstm_at = pdf.len();
    pdf.extend_from_slice(format!("5 0 obj\n<< /Type /ObjStm /N 3 /First {} /Length {} >>\nstream\n{objstm}\nendstream\nendobj\n", header.len(), objstm.len()).as_bytes());
    let xref_at = pdf.len();
    let mut rows: Vec<[u8; 7]> = vec![[0, 0, 0, 0, 0, 0xff, 0xff]];
    for i in 0..3u8 {
        rows.push([2, 0, 0, 0, 5, 0, i]);
    }
    for at in [content_at, objstm_at, xref_at] {
        let o = (at as u32).to_be_bytes();
        rows.push([1, o[0], o[1], o[2], o[3], 0, 0]);
    }
    let stream: Vec<u8> = rows.concat();
    pdf.extend_from_slice(format!("6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length {} >>\nstream\n", stream.len()).as_bytes());
    pdf.extend_from_slice(&stream);
    pdf.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    pdf
}
