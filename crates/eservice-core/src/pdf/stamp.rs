//! The visible signature stamp: a framed box saying who signed and when,
//! drawn as the widget's appearance (a form XObject).
//!
//! It uses the standard Helvetica font, which every reader has, so no font
//! is embedded; Helvetica has no Thai glyphs, so a Thai-only agency name is
//! left out of the drawing (it stays in the signature's `/Name` and the
//! certificate, which viewers show).

/// The body of the appearance stream object for a `width` × `height` box.
pub fn appearance(width: u32, height: u32, name: &str, unix: u64) -> Vec<u8> {
    let t = crate::signing::thai_time(unix);
    let date = format!("{:04}-{:02}-{:02} {:02}:{:02} +07:00", t.year(), t.month(), t.day(), t.hour(), t.minutes());
    let mut lines = vec!["Digitally signed by".to_owned()];
    if let Some(latin) = latin1(name) {
        lines.push(latin);
    }
    lines.push(date);
    let size = (height / (lines.len() as u32 + 1)).clamp(4, 10);
    let mut content = format!("q 0.1 0.3 0.6 RG 1 w 0.5 0.5 {} {} re S Q\nBT /F1 {size} Tf 0.1 0.2 0.4 rg\n", width.saturating_sub(1), height.saturating_sub(1)).into_bytes();
    let top = height.saturating_sub(size + 3);
    for (i, line) in lines.iter().enumerate() {
        let y = top.saturating_sub(i as u32 * (size + 2));
        content.extend_from_slice(format!("1 0 0 1 4 {y} Tm (").as_bytes());
        for b in line.bytes().take((width / (size / 2).max(1)) as usize) {
            if matches!(b, b'(' | b')' | b'\\') {
                content.push(b'\\');
            }
            content.push(b);
        }
        content.extend_from_slice(b") Tj\n");
    }
    content.extend_from_slice(b"ET");
    let mut body = format!(
        "<</Type/XObject/Subtype/Form/BBox[0 0 {width} {height}]/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>>>>>/Length {}>>\nstream\n",
        content.len()
    )
    .into_bytes();
    body.extend_from_slice(&content);
    body.extend_from_slice(b"\nendstream");
    body
}

/// `s` in Latin-1 bytes, if every character has one.
fn latin1(s: &str) -> Option<String> {
    let ok = s.chars().all(|c| (c as u32) < 0x80);
    (ok && !s.trim().is_empty()).then(|| s.to_owned())
}
