//! A TrueType font embedded in a PDF for the signature stamp, so Thai
//! shows in any viewer: a Type0 font with Identity-H encoding over a
//! CIDFontType2 whose CIDs are the glyph ids, the font file compressed, and
//! a ToUnicode map so the text can be copied and searched.
//!
//! Glyphs come from the font's Unicode `cmap` (format 4) without shaping:
//! Thai marks sit on their base by the font's own zero-width design, which
//! the TLWG fonts are made for.

use std::collections::BTreeMap;

use super::font_subset;
use super::sfnt::{table, u16_at, u32_at};

/// A TrueType font, read far enough to map text to glyphs and widths.
pub struct Font<'a> {
    data: &'a [u8],
    units_per_em: u16,
    bbox: [i16; 4],
    ascent: i16,
    descent: i16,
    num_h_metrics: u16,
    hmtx: usize,
    hmtx_len: usize,
    cmap4: usize,
}

fn i16_at(b: &[u8], at: usize) -> Option<i16> {
    u16_at(b, at).map(|v| v as i16)
}

impl<'a> Font<'a> {
    /// Reads `data`; `None` unless it is a TrueType font with a Unicode cmap.
    pub fn parse(data: &'a [u8]) -> Option<Self> {
        let (head, _) = table(data, b"head")?;
        let (hhea, _) = table(data, b"hhea")?;
        let (hmtx, hmtx_len) = table(data, b"hmtx")?;
        let (cmap, _) = table(data, b"cmap")?;
        let subtables = u16_at(data, cmap + 2)? as usize;
        let cmap4 = (0..subtables).find_map(|i| {
            let rec = cmap + 4 + 8 * i;
            let (platform, encoding) = (u16_at(data, rec)?, u16_at(data, rec + 2)?);
            let at = cmap + u32_at(data, rec + 4)? as usize;
            let unicode = (platform == 3 && encoding == 1) || platform == 0;
            (unicode && u16_at(data, at)? == 4).then_some(at)
        })?;
        let units_per_em = u16_at(data, head + 18)?.max(16);
        Some(Font {
            data,
            units_per_em,
            bbox: [i16_at(data, head + 36)?, i16_at(data, head + 38)?, i16_at(data, head + 40)?, i16_at(data, head + 42)?],
            ascent: i16_at(data, hhea + 4)?,
            descent: i16_at(data, hhea + 6)?,
            num_h_metrics: u16_at(data, hhea + 34)?.max(1),
            hmtx,
            hmtx_len,
            cmap4,
        })
    }

    /// The glyph for `c`, 0 (the missing glyph) if the font has none.
    pub fn glyph(&self, c: char) -> u16 {
        self.lookup(c as u32).unwrap_or(0)
    }

    fn lookup(&self, c: u32) -> Option<u16> {
        if c > 0xffff {
            return None;
        }
        let (b, t) = (self.data, self.cmap4);
        let segs = (u16_at(b, t + 6)? / 2) as usize;
        let ends = t + 14;
        let starts = ends + 2 * segs + 2;
        let deltas = starts + 2 * segs;
        let ranges = deltas + 2 * segs;
        let i = (0..segs).find(|i| u16_at(b, ends + 2 * i).is_some_and(|end| u32::from(end) >= c))?;
        let start = u32::from(u16_at(b, starts + 2 * i)?);
        if c < start {
            return None;
        }
        let delta = u16_at(b, deltas + 2 * i)?;
        let range = u16_at(b, ranges + 2 * i)? as usize;
        if range == 0 {
            return Some((c as u16).wrapping_add(delta));
        }
        let g = u16_at(b, ranges + 2 * i + range + 2 * (c - start) as usize)?;
        (g != 0).then(|| g.wrapping_add(delta))
    }

    /// The advance width of glyph `g`, in thousandths of the text size.
    pub fn width(&self, g: u16) -> u32 {
        let i = g.min(self.num_h_metrics - 1) as usize;
        let units = if 4 * i + 2 <= self.hmtx_len { u16_at(self.data, self.hmtx + 4 * i).unwrap_or(0) } else { 0 };
        u32::from(units) * 1000 / u32::from(self.units_per_em)
    }

    /// `text` as 2-byte glyph ids (a PDF hex string's contents), its width
    /// in thousandths of the text size, and the glyphs used with their text.
    pub fn encode(&self, text: &str, used: &mut BTreeMap<u16, char>) -> (String, u32) {
        let mut hex = String::with_capacity(text.len() * 4);
        let mut width = 0;
        for c in text.chars() {
            let g = self.glyph(c);
            used.entry(g).or_insert(c);
            width += self.width(g);
            hex.push_str(&format!("{g:04X}"));
        }
        (hex, width)
    }

    fn scaled(&self, v: i16) -> i64 {
        i64::from(v) * 1000 / i64::from(self.units_per_em)
    }

    /// The PDF objects: `(Type0 font, [other objects])`, numbered from
    /// `first`; the font object is `first`. The font program embedded holds
    /// only the glyphs `used` ([`super::font_subset`]), named as a subset.
    pub fn objects(&self, name: &str, first: u32, used: &BTreeMap<u16, char>) -> Vec<(u32, Vec<u8>)> {
        let (font, cid, descriptor, file, to_unicode) = (first, first + 1, first + 2, first + 3, first + 4);
        let drawn = used.keys().copied().collect();
        let (program, name) = match font_subset::subset(self.data, &drawn) {
            Some(small) => (std::borrow::Cow::Owned(small), format!("{}+{name}", font_subset::tag(&drawn))),
            None => (std::borrow::Cow::Borrowed(self.data), name.to_owned()),
        };
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&program, 9);
        let mut file_body = format!("<</Length {}/Length1 {}/Filter/FlateDecode>>\nstream\n", packed.len(), program.len()).into_bytes();
        file_body.extend_from_slice(&packed);
        file_body.extend_from_slice(b"\nendstream");
        let widths: String = used.keys().map(|g| format!("{g}[{}]", self.width(*g))).collect::<Vec<_>>().join(" ");
        let [x0, y0, x1, y1] = self.bbox.map(|v| self.scaled(v));
        let mut cmap = String::from("/CIDInit/ProcSet findresource begin 12 dict begin begincmap/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def/CMapName/Adobe-Identity-UCS def/CMapType 2 def\n1 begincodespacerange <0000><FFFF> endcodespacerange\n");
        for chunk in used.iter().collect::<Vec<_>>().chunks(100) {
            cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
            for (g, c) in chunk {
                let mut units = [0u16; 2];
                let hex: String = c.encode_utf16(&mut units).iter().map(|u| format!("{u:04X}")).collect();
                cmap.push_str(&format!("<{g:04X}><{hex}>\n"));
            }
            cmap.push_str("endbfchar\n");
        }
        cmap.push_str("endcmap CMapName currentdict/CMap defineresource pop end end");
        vec![
            (font, format!("<</Type/Font/Subtype/Type0/BaseFont/{name}/Encoding/Identity-H/DescendantFonts[{cid} 0 R]/ToUnicode {to_unicode} 0 R>>").into_bytes()),
            (cid, format!("<</Type/Font/Subtype/CIDFontType2/BaseFont/{name}/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor {descriptor} 0 R/CIDToGIDMap/Identity/DW 1000/W[{widths}]>>").into_bytes()),
            (descriptor, format!("<</Type/FontDescriptor/FontName/{name}/Flags 32/FontBBox[{x0} {y0} {x1} {y1}]/ItalicAngle 0/Ascent {}/Descent {}/CapHeight {}/StemV 80/FontFile2 {file} 0 R>>", self.scaled(self.ascent), self.scaled(self.descent), self.scaled(self.ascent)).into_bytes()),
            (file, file_body),
            (to_unicode, format!("<</Length {}>>\nstream\n{cmap}\nendstream", cmap.len()).into_bytes()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::pdf::font_subset::{checksum, glyph_ranges, subset};
    use crate::pdf::sfnt::table;

    /// A font with a format-4 cmap mapping 'A'..='C' to glyphs 1..=3 and
    /// U+0E01 (ก) through an id range to glyph 7.
    fn tiny() -> Vec<u8> {
        let mut cmap = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
        let segs: [(u16, u16, i16, u16); 3] = [(0x41, 0x43, -0x40, 0), (0x0e01, 0x0e01, 0, 2), (0xffff, 0xffff, 1, 0)];
        let mut sub = vec![0, 4, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0];
        for s in segs {
            sub.extend_from_slice(&s.1.to_be_bytes());
        }
        sub.extend_from_slice(&[0, 0]);
        for s in segs {
            sub.extend_from_slice(&s.0.to_be_bytes());
        }
        for s in segs {
            sub.extend_from_slice(&s.2.to_be_bytes());
        }
        // The second segment's range offset (2) points just past the offsets: at glyph 7.
        for (i, s) in segs.iter().enumerate() {
            let off = if s.3 == 0 { 0 } else { (2 * (segs.len() - i)) as u16 };
            sub.extend_from_slice(&off.to_be_bytes());
        }
        sub.extend_from_slice(&7u16.to_be_bytes());
        let len = sub.len() as u16;
        sub[2..4].copy_from_slice(&len.to_be_bytes());
        cmap.extend_from_slice(&sub);
        let mut head = vec![0u8; 54];
        head[18..20].copy_from_slice(&1000u16.to_be_bytes());
        let mut hhea = vec![0u8; 36];
        hhea[34..36].copy_from_slice(&2u16.to_be_bytes());
        let hmtx: Vec<u8> = [500u16, 0, 600, 0].iter().flat_map(|v| v.to_be_bytes()).collect();
        let tables: [(&[u8; 4], &Vec<u8>); 4] = [(b"cmap", &cmap), (b"head", &head), (b"hhea", &hhea), (b"hmtx", &hmtx)];
        let mut font = vec![0, 1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0];
        let mut offset = 12 + 16 * tables.len();
        let mut bodies = Vec::new();
        for (tag, body) in tables {
            font.extend_from_slice(tag.as_slice());
            font.extend_from_slice(&[0; 4]);
            font.extend_from_slice(&(offset as u32).to_be_bytes());
            font.extend_from_slice(&(body.len() as u32).to_be_bytes());
            offset += body.len();
            bodies.extend_from_slice(body);
        }
        font.extend_from_slice(&bodies);
        font
    }

    #[test]
    fn maps_text_to_glyphs_and_widths() {
        let data = tiny();
        let f = Font::parse(&data).unwrap();
        assert_eq!([f.glyph('A'), f.glyph('C'), f.glyph('ก'), f.glyph('z')], [1, 3, 7, 0]);
        assert_eq!((f.width(0), f.width(1), f.width(9)), (500, 600, 600));
        let mut used = BTreeMap::new();
        assert_eq!(f.encode("Aก", &mut used), ("00010007".into(), 1200));
        let objs = f.objects("Tiny", 10, &used);
        assert_eq!(objs.len(), 5);
        assert!(String::from_utf8_lossy(&objs[4].1).contains("<0007><0E01>"));
    }

    #[test]
    fn refuses_what_is_not_a_font() {
        assert!(Font::parse(b"").is_none());
        assert!(Font::parse(&[0, 1, 0, 0, 0, 200]).is_none());
        let mut data = tiny();
        data.truncate(60);
        assert!(Font::parse(&data).is_none());
    }

    #[test]
    fn reads_the_shipped_thai_font() {
        let data = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/fonts/Garuda.ttf")).unwrap();
        let f = Font::parse(&data).unwrap();
        assert!("กรมทดสอบ 0123".chars().all(|c| f.glyph(c) != 0));
        assert!(f.width(f.glyph('ก')) > 0);
    }

    /// Here rather than in font_subset, which must not depend on this
    /// module: the subset is read back with [`Font`].
    #[test]
    fn a_subset_keeps_the_drawn_outlines_and_every_width() {
        let data = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/fonts/Garuda.ttf")).unwrap();
        let full = Font::parse(&data).unwrap();
        let text = "ลงนามโดย กรมทดสอบ 27 พ.ย. 2569 น้ำ";
        let drawn: BTreeSet<u16> = text.chars().map(|c| full.glyph(c)).collect();
        let small = subset(&data, &drawn).unwrap();
        assert!(small.len() * 4 < data.len(), "{} of {} bytes", small.len(), data.len());
        let cut = Font::parse(&small).expect("the subset is still a font");
        let (before, after) = (glyph_ranges(&data).unwrap(), glyph_ranges(&small).unwrap());
        assert_eq!(before.len(), after.len(), "glyph ids stay in place");
        let (g0, g1) = (table(&data, b"glyf").unwrap().0, table(&small, b"glyf").unwrap().0);
        for c in text.chars() {
            let g = full.glyph(c);
            assert_eq!(cut.glyph(c), g);
            assert_eq!(cut.width(g), full.width(g));
            let ((s0, e0), (s1, e1)) = (before[g as usize], after[g as usize]);
            assert_eq!(&data[g0 + s0..g0 + e0], &small[g1 + s1..g1 + e1], "the outline of {c}");
        }
        let unused = full.glyph('Z');
        assert!(!drawn.contains(&unused));
        assert_eq!(after[unused as usize].0, after[unused as usize].1, "an undrawn glyph has no outline");
        assert_eq!(checksum(&small), 0xB1B0_AFBA, "the whole-font checksum holds");
    }
}
