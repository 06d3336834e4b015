//! The stamp's font cut down to the glyphs it draws, so a stamped permit
//! carries a few kilobytes of font instead of the whole of Garuda (about
//! 50 KB compressed).
//!
//! Glyph ids stay as they are (the PDF maps CIDs to glyph ids one to one):
//! glyphs not drawn keep their metrics but lose their outlines, and the
//! tables no renderer of an embedded CID font reads (layout, kerning, names
//! of glyphs) are left out. The components of composite glyphs are kept.

use std::collections::BTreeSet;

use super::sfnt::{table, u16_at, u32_at};

/// Tables a PDF renderer may read from an embedded TrueType font, in tag
/// order (as the table directory wants them); the others (GSUB, GPOS,
/// GDEF, kern, post, FFTM, …) are left out.
const KEPT: [&[u8; 4]; 12] = [b"OS/2", b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name", b"prep"];

/// Composite glyph flags (OpenType `glyf`).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;

/// Where each glyph's outline starts and ends in `glyf`.
pub(super) fn glyph_ranges(data: &[u8]) -> Option<Vec<(usize, usize)>> {
    let (head, _) = table(data, b"head")?;
    let (maxp, _) = table(data, b"maxp")?;
    let (loca, loca_len) = table(data, b"loca")?;
    let long = u16_at(data, head + 50)? == 1;
    let glyphs = u16_at(data, maxp + 4)? as usize;
    let offset = |i: usize| -> Option<usize> {
        if long {
            (4 * i + 4 <= loca_len).then(|| u32_at(data, loca + 4 * i).map(|o| o as usize))?
        } else {
            (2 * i + 2 <= loca_len).then(|| u16_at(data, loca + 2 * i).map(|o| 2 * o as usize))?
        }
    };
    (0..glyphs).map(|i| Some((offset(i)?, offset(i + 1)?)).filter(|(s, e)| s <= e)).collect()
}

/// The glyphs a composite glyph's outline is made of.
fn components(outline: &[u8]) -> Vec<u16> {
    let mut out = Vec::new();
    if outline.len() < 10 || (u16_at(outline, 0).unwrap_or(0) as i16) >= 0 {
        return out;
    }
    let mut at = 10;
    while let (Some(flags), Some(glyph)) = (u16_at(outline, at), u16_at(outline, at + 2)) {
        out.push(glyph);
        at += 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    out
}

pub(super) fn checksum(bytes: &[u8]) -> u32 {
    bytes.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// `data` with only the outlines of `drawn` (and glyph 0, and the parts of
/// composite glyphs); `None` when it is not a TrueType font with outlines.
pub fn subset(data: &[u8], drawn: &BTreeSet<u16>) -> Option<Vec<u8>> {
    let ranges = glyph_ranges(data)?;
    let (glyf, glyf_len) = table(data, b"glyf")?;
    let outline = |g: u16| -> Option<&[u8]> {
        let (s, e) = *ranges.get(g as usize)?;
        (e <= glyf_len).then(|| &data[glyf + s..glyf + e])
    };
    let mut keep: BTreeSet<u16> = BTreeSet::new();
    let mut todo: Vec<u16> = drawn.iter().copied().chain([0]).collect();
    while let Some(g) = todo.pop() {
        if (g as usize) < ranges.len() && keep.insert(g) {
            todo.extend(outline(g).map(components).unwrap_or_default());
        }
    }
    // Every glyph keeps its place; only the kept ones keep an outline.
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (ranges.len() + 1));
    for g in 0..ranges.len() {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if keep.contains(&(g as u16)) {
            new_glyf.extend_from_slice(outline(g as u16)?);
            new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut tables: Vec<(&[u8; 4], Vec<u8>)> = Vec::new();
    for tag in KEPT {
        let body = match tag {
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            _ => match table(data, tag) {
                Some((off, len)) => data[off..off + len].to_vec(),
                None if matches!(tag, b"OS/2" | b"cmap" | b"cvt " | b"fpgm" | b"name" | b"prep") => continue,
                None => return None,
            },
        };
        tables.push((tag, body));
    }
    // The new `loca` is in the long format; the whole-font checksum is redone below.
    let head = tables.iter_mut().find(|(t, _)| *t == b"head")?;
    head.1.get_mut(50..52)?.copy_from_slice(&1u16.to_be_bytes());
    head.1.get_mut(8..12)?.copy_from_slice(&[0; 4]);

    let count = tables.len() as u16;
    let power = 1u16 << (15 - count.leading_zeros());
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [count, power * 16, power.trailing_zeros() as u16, count * 16 - power * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut bodies = Vec::new();
    for (tag, body) in &tables {
        out.extend_from_slice(tag.as_slice());
        out.extend_from_slice(&checksum(body).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        bodies.extend_from_slice(body);
        bodies.resize(bodies.len().next_multiple_of(4), 0);
        offset = 12 + 16 * tables.len() + bodies.len();
    }
    out.extend_from_slice(&bodies);
    let head_at = 12 + 16 * tables.len() + tables.iter().take_while(|(t, _)| *t != b"head").map(|(_, b)| b.len().next_multiple_of(4)).sum::<usize>();
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out.get_mut(head_at + 8..head_at + 12)?.copy_from_slice(&adjustment.to_be_bytes());
    Some(out)
}


/// The six capital letters PDF puts before a subset font's name
/// (`ABCDEF+Garuda`), different for different glyph sets.
pub fn tag(drawn: &BTreeSet<u16>) -> String {
    let mut h = drawn.iter().fold(0x811c_9dc5u32, |h, g| (h ^ u32::from(*g)).wrapping_mul(0x0100_0193));
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (h % 26) as u8);
            h /= 26;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn garuda() -> Vec<u8> {
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/fonts/Garuda.ttf")).unwrap()
    }

    #[test]
    fn keeps_the_parts_of_composite_glyphs() {
        let data = garuda();
        let ranges = glyph_ranges(&data).unwrap();
        let glyf = table(&data, b"glyf").unwrap().0;
        let composite = (0..ranges.len() as u16)
            .find(|g| !components(&data[glyf + ranges[*g as usize].0..glyf + ranges[*g as usize].1]).is_empty())
            .expect("Garuda has composite glyphs");
        let parts = components(&data[glyf + ranges[composite as usize].0..glyf + ranges[composite as usize].1]);
        let small = subset(&data, &BTreeSet::from([composite])).unwrap();
        let after = glyph_ranges(&small).unwrap();
        for p in parts {
            assert!(after[p as usize].1 > after[p as usize].0, "component {p} of {composite} kept");
        }
    }

    #[test]
    fn refuses_what_has_no_outlines() {
        assert!(subset(b"", &BTreeSet::new()).is_none());
        let mut data = garuda();
        data.truncate(300);
        assert!(subset(&data, &BTreeSet::from([1])).is_none());
    }
}
