//! The visible signature stamp: a framed box saying who signed and when,
//! drawn as the widget's appearance (a form XObject).
//!
//! With a TrueType font given (the kit ships Garuda), the stamp is in Thai
//! with the Buddhist-era date, the font embedded ([`super::font`]). Without
//! one it falls back to Helvetica, which every viewer has but which has no
//! Thai: a Thai-only name is then left out of the drawing (it stays in the
//! signature's `/Name` and the certificate).

use std::collections::BTreeMap;

use eservice_base::lang::Lang;
use eservice_base::thai_date::{iso_thai, readable};

use super::font::Font;
use super::update::Update;

/// Writes the appearance of a `width` × `height` stamp into `up`; returns
/// its object number.
pub fn appearance(up: &mut Update<'_, '_>, width: u32, height: u32, name: &str, unix: u64, font: Option<&Font<'_>>) -> u32 {
    // `2026-11-27T13:55:42+07:00`: the date, and the time to the minute.
    let iso = iso_thai(unix);
    let (date, minute) = (&iso[..10], &iso[11..16]);
    let lines: Vec<String> = match font {
        Some(_) => vec!["ลงลายมือชื่ออิเล็กทรอนิกส์โดย".to_owned(), name.to_owned(), format!("{} {minute} น.", readable(date, Lang::Th))],
        None => {
            let mut l = vec!["Digitally signed by".to_owned()];
            l.extend(Some(name).filter(|n| n.is_ascii() && !n.trim().is_empty()).map(str::to_owned));
            l.push(format!("{date} {minute} +07:00"));
            l
        }
    };
    // Each line as glyphs (with a font) and its width in thousandths of the
    // size; Helvetica's is estimated at 550 a character.
    let mut used = BTreeMap::new();
    let encoded: Vec<(String, u32)> = lines
        .iter()
        .map(|l| match font {
            Some(f) => f.encode(l, &mut used),
            None => (String::new(), 550 * l.chars().count() as u32),
        })
        .collect();
    // The largest size (up to 14 pt) at which every line fits the box.
    let widest = encoded.iter().map(|(_, w)| *w).max().unwrap_or(1).max(1);
    let size = (height * 10 / (lines.len() as u32 * 13 + 4)).min(width.saturating_sub(8) * 1000 / widest).clamp(4, 14);
    let mut content = format!("q 0.1 0.3 0.6 RG 1 w 0.5 0.5 {} {} re S Q\nBT /F1 {size} Tf 0.1 0.2 0.4 rg\n", width.saturating_sub(1), height.saturating_sub(1)).into_bytes();
    let leading = size * 13 / 10;
    let top = height.saturating_sub(size + height.saturating_sub(leading * lines.len() as u32).max(2) / 2).max(2);
    for (i, (line, (hex, _))) in lines.iter().zip(&encoded).enumerate() {
        let y = top.saturating_sub(i as u32 * leading);
        content.extend_from_slice(format!("1 0 0 1 4 {y} Tm ").as_bytes());
        match font {
            Some(_) => content.extend_from_slice(format!("<{hex}> Tj\n").as_bytes()),
            None => {
                content.push(b'(');
                for b in line.bytes() {
                    if matches!(b, b'(' | b')' | b'\\') {
                        content.push(b'\\');
                    }
                    content.push(b);
                }
                content.extend_from_slice(b") Tj\n");
            }
        }
    }
    content.extend_from_slice(b"ET");
    let font_ref = match font {
        Some(f) => {
            let first = up.allocate();
            for _ in 0..4 {
                up.allocate();
            }
            for (num, body) in f.objects("Garuda", first, &used) {
                up.put(num, 0, body);
            }
            format!("{first} 0 R")
        }
        None => "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>".to_owned(),
    };
    let mut body = format!("<</Type/XObject/Subtype/Form/BBox[0 0 {width} {height}]/Resources<</Font<</F1 {font_ref}>>>>/Length {}>>\nstream\n", content.len()).into_bytes();
    body.extend_from_slice(&content);
    body.extend_from_slice(b"\nendstream");
    let ap = up.allocate();
    up.put(ap, 0, body);
    ap
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::document::Document;
    use crate::pdf::testpdf::one_page;

    #[test]
    fn any_box_size_draws_without_overflow() {
        let data = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/fonts/Garuda.ttf")).unwrap();
        let font = Font::parse(&data).unwrap();
        let pdf = one_page();
        let doc = Document::open(&pdf).unwrap();
        for (w, h) in [(20, 10), (20, 400), (2000, 10), (250, 70)] {
            for f in [None, Some(&font)] {
                let mut up = Update::new(&doc);
                let ap = appearance(&mut up, w, h, "กรมทดสอบ (Test)", 1_795_752_000, f);
                let (out, offsets) = up.finish();
                let body = String::from_utf8_lossy(&out[offsets[&ap]..]);
                assert!(body.contains(&format!("/BBox[0 0 {w} {h}]")));
                assert!(body.contains(if f.is_some() { "> Tj" } else { "(Digitally signed by) Tj" }));
            }
        }
    }
}
