//! The TrueType (sfnt) container, as [`super::font`] and
//! [`super::font_subset`] both read it: big-endian integers and the table
//! directory. Below both, so neither borrows from the other.

pub(super) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// Where table `tag` is in `data` (offset, length), if it is there and
/// lies inside the file.
pub(super) fn table(data: &[u8], tag: &[u8; 4]) -> Option<(usize, usize)> {
    let tables = u16_at(data, 4)? as usize;
    (0..tables).find_map(|i| {
        let rec = 12 + 16 * i;
        (data.get(rec..rec + 4)? == tag).then_some(())?;
        let (off, len) = (u32_at(data, rec + 8)? as usize, u32_at(data, rec + 12)? as usize);
        (off.checked_add(len)? <= data.len()).then_some((off, len))
    })
}
