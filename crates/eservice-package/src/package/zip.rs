//! ZIP archives as submission packages use them: written with deflate, and
//! read as untrusted input. Reading is bounded: entry count, each entry's
//! size and compression ratio (zip bombs), the total; every size is checked
//! against what inflating really gives, and every CRC. Names must be plain
//! relative paths: no `..`, no absolute paths, no backslashes or drive
//! letters, no duplicates.

/// Entries in one package: the manifest, the summary and the evidence.
pub const MAX_ENTRIES: usize = 512;
/// One entry, inflated: evidence files are at most tens of megabytes.
pub const MAX_ENTRY: u64 = 128 * 1024 * 1024;
/// All entries together, inflated.
pub const MAX_TOTAL: u64 = 512 * 1024 * 1024;
/// Inflated over compressed size beyond which a large entry is a bomb.
/// Evidence (JPEG, PDF) barely compresses; text reaches 10 to 20.
pub const MAX_RATIO: u64 = 200;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipProblem {
    /// No end-of-archive record: not a ZIP, or cut short.
    Truncated,
    TooManyEntries(usize),
    /// An entry inflates beyond the limits or far beyond its packed size.
    Bomb(String),
    UnsafePath(String),
    Duplicate(String),
    Encrypted(String),
    Unsupported(String),
    /// An entry's bytes do not inflate to what its header says, or fail its CRC.
    Corrupt(String),
}

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
const UTF8_NAMES: u16 = 1 << 11;

fn crc_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    for (i, slot) in t.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *slot = c;
    }
    t
}

/// CRC-32 (IEEE), as ZIP stores it.
pub fn crc32(data: &[u8]) -> u32 {
    let t = crc_table();
    !data.iter().fold(!0u32, |c, b| t[((c ^ *b as u32) & 0xff) as usize] ^ (c >> 8))
}

/// DOS time and date fields for a civil time (local, as ZIP tools show it).
pub fn dos_time(year: u16, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> (u16, u16) {
    let time = (u16::from(hour) << 11) | (u16::from(minute) << 5) | u16::from(second / 2);
    let date = (year.saturating_sub(1980) << 9) | (u16::from(month) << 5) | u16::from(day);
    (time, date)
}

/// Writes a ZIP of `(name, bytes)` entries, deflated, stamped `(time, date)`.
pub fn write(entries: &[(&str, &[u8])], stamp: (u16, u16)) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let (method, body): (u16, &[u8]) = if packed.len() < data.len() { (8, &packed) } else { (0, data) };
        let crc = crc32(data);
        let offset = out.len() as u32;
        let fields = |sig: u32, out: &mut Vec<u8>, central: bool| {
            out.extend_from_slice(&sig.to_le_bytes());
            if central {
                out.extend_from_slice(&20u16.to_le_bytes());
            }
            for v in [20u16, UTF8_NAMES, method, stamp.0, stamp.1] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc, body.len() as u32, data.len() as u32] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
        };
        fields(LOCAL, &mut out, false);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body);
        fields(CENTRAL, &mut central, true);
        // Comment length, disk, internal and external attributes, offset.
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&END.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    for v in [entries.len() as u16, entries.len() as u16] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// Whether `name` is a plain relative path inside the archive.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains(':')
        && !name.chars().any(char::is_control)
        && name.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

/// The entries of `zip`, inflated, in archive order.
pub fn read(zip: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ZipProblem> {
    let t = ZipProblem::Truncated;
    let tail_from = zip.len().saturating_sub(22 + 0xffff);
    let end = (tail_from..zip.len().saturating_sub(21)).rev().find(|i| u32_at(zip, *i) == Some(END)).ok_or(t.clone())?;
    let count = u16_at(zip, end + 10).ok_or(t.clone())? as usize;
    let cd_size = u32_at(zip, end + 12).ok_or(t.clone())? as usize;
    let cd_offset = u32_at(zip, end + 16).ok_or(t.clone())? as usize;
    if count > MAX_ENTRIES {
        return Err(ZipProblem::TooManyEntries(count));
    }
    if cd_offset.checked_add(cd_size).is_none_or(|e| e > end) {
        return Err(t);
    }
    let mut out: Vec<(String, Vec<u8>)> = Vec::with_capacity(count);
    let mut total = 0u64;
    let mut at = cd_offset;
    for _ in 0..count {
        if u32_at(zip, at) != Some(CENTRAL) {
            return Err(t);
        }
        let flags = u16_at(zip, at + 8).ok_or(t.clone())?;
        let method = u16_at(zip, at + 10).ok_or(t.clone())?;
        let crc = u32_at(zip, at + 16).ok_or(t.clone())?;
        let packed = u32_at(zip, at + 20).ok_or(t.clone())? as usize;
        let size = u64::from(u32_at(zip, at + 24).ok_or(t.clone())?);
        let name_len = u16_at(zip, at + 28).ok_or(t.clone())? as usize;
        let skip = u16_at(zip, at + 30).ok_or(t.clone())? as usize + u16_at(zip, at + 32).ok_or(t.clone())? as usize;
        let local = u32_at(zip, at + 42).ok_or(t.clone())? as usize;
        let raw_name = zip.get(at + 46..at + 46 + name_len).ok_or(t.clone())?;
        at += 46 + name_len + skip;
        let name = String::from_utf8_lossy(raw_name).into_owned();
        if !safe_name(&name) {
            return Err(ZipProblem::UnsafePath(name));
        }
        if name.ends_with('/') {
            continue;
        }
        if out.iter().any(|(n, _)| *n == name) {
            return Err(ZipProblem::Duplicate(name));
        }
        if flags & 1 != 0 {
            return Err(ZipProblem::Encrypted(name));
        }
        total += size;
        let ratio_bomb = size > 1024 * 1024 && size / (packed.max(1) as u64) > MAX_RATIO;
        if size > MAX_ENTRY || total > MAX_TOTAL || ratio_bomb {
            return Err(ZipProblem::Bomb(name));
        }
        if u32_at(zip, local) != Some(LOCAL) || zip.get(local + 30..local + 30 + name_len) != Some(raw_name) {
            return Err(t);
        }
        let data_at = local + 30 + name_len + u16_at(zip, local + 28).ok_or(t.clone())? as usize;
        let body = zip.get(data_at..data_at.checked_add(packed).ok_or(t.clone())?).ok_or(t.clone())?;
        let data = match method {
            0 => body.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(body, size as usize).map_err(|e| match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ZipProblem::Bomb(name.clone()),
                _ => ZipProblem::Corrupt(name.clone()),
            })?,
            _ => return Err(ZipProblem::Unsupported(name)),
        };
        if data.len() as u64 != size || crc32(&data) != crc {
            return Err(ZipProblem::Corrupt(name));
        }
        out.push((name, data));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let text = "คำขอ ".repeat(200);
        write(&[("manifest.json", b"{\"a\":1}"), ("evidence/id card.jpg", &[0xff, 0xd8, 1, 2, 3]), ("summary.html", text.as_bytes())], dos_time(2026, 11, 27, 10, 0, 0))
    }

    #[test]
    fn round_trips_and_unzip_agrees() {
        let zip = sample();
        let entries = read(&zip).unwrap();
        assert_eq!(entries.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["manifest.json", "evidence/id card.jpg", "summary.html"]);
        assert_eq!(entries[1].1, [0xff, 0xd8, 1, 2, 3]);
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn truncated_tampered_and_unsafe_archives_are_named() {
        let zip = sample();
        assert_eq!(read(&zip[..zip.len() - 10]), Err(ZipProblem::Truncated));
        assert_eq!(read(&zip[..zip.len() / 2]), Err(ZipProblem::Truncated));
        assert_eq!(read(b"not a zip at all"), Err(ZipProblem::Truncated));
        let mut flipped = zip.clone();
        let at = flipped.windows(3).position(|w| w == [1, 2, 3]).unwrap();
        flipped[at] = 9;
        assert_eq!(read(&flipped), Err(ZipProblem::Corrupt("evidence/id card.jpg".into())));
        for bad in ["../etc/passwd", "/abs", "a\\b", "c:/x", "a//b", "./a"] {
            let z = write(&[(bad, b"x")], (0, 0));
            assert_eq!(read(&z), Err(ZipProblem::UnsafePath(bad.into())), "{bad}");
        }
        let dup = write(&[("a", b"1"), ("a", b"2")], (0, 0));
        assert_eq!(read(&dup), Err(ZipProblem::Duplicate("a".into())));
    }

    #[test]
    fn bombs_are_refused_before_inflating() {
        let zeros = vec![0u8; 8 * 1024 * 1024];
        let bomb = write(&[("evidence/big.pdf", &zeros)], (0, 0));
        assert!(bomb.len() < 20_000);
        assert_eq!(read(&bomb), Err(ZipProblem::Bomb("evidence/big.pdf".into())));
        // A header that understates the size: inflating stops at the stated size.
        let mut lying = write(&[("x.txt", &vec![b'a'; 5000])], (0, 0));
        let cd = lying.windows(4).rposition(|w| w == CENTRAL.to_le_bytes()).unwrap();
        lying[cd + 24..cd + 28].copy_from_slice(&100u32.to_le_bytes());
        assert_eq!(read(&lying), Err(ZipProblem::Bomb("x.txt".into())));
    }
}
