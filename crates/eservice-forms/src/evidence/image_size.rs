//! An image's pixel size from its header, read before decoding: decoding a
//! 50-megapixel photo is what crashes a phone, so the limit is checked first.

/// Width and height in pixels, if the header says.
pub fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() >= 24 && &bytes[12..16] == b"IHDR" {
        Some((be32(&bytes[16..20]), be32(&bytes[20..24])))
    } else if bytes.len() >= 30 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        webp(bytes)
    } else {
        None
    }
}

fn be16(b: &[u8]) -> u32 {
    u32::from(b[0]) << 8 | u32::from(b[1])
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

fn le24(b: &[u8]) -> u32 {
    u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16
}

/// Walks the JPEG segments to the first start-of-frame marker.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        let len = be16(&b[i + 2..i + 4]) as usize;
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            let f = b.get(i + 5..i + 9)?;
            return Some((be16(&f[2..4]), be16(&f[0..2])));
        }
        i += 2 + len;
    }
    None
}

fn webp(b: &[u8]) -> Option<(u32, u32)> {
    match &b[12..16] {
        b"VP8X" => Some((le24(&b[24..27]) + 1, le24(&b[27..30]) + 1)),
        b"VP8 " if b.len() >= 30 => Some((u32::from(u16::from_le_bytes([b[26], b[27]]) & 0x3FFF), u32::from(u16::from_le_bytes([b[28], b[29]]) & 0x3FFF))),
        b"VP8L" if b.len() >= 25 => {
            let bits = u32::from_le_bytes([b[21], b[22], b[23], b[24]]);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_skips_to_the_frame() {
        // SOI, an APP1 of 6 bytes, then SOF0 with height 3000 and width 4000.
        let mut j = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x06, b'E', b'x', b'i', b'f'];
        j.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x0B, 0xB8, 0x0F, 0xA0, 0x03]);
        assert_eq!(image_size(&j), Some((4000, 3000)));
        assert_eq!(image_size(&[0xFF, 0xD8, 0xFF, 0xE1]), None, "no frame in the bytes read");
    }

    #[test]
    fn png_header() {
        let mut p = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        p.extend_from_slice(&640u32.to_be_bytes());
        p.extend_from_slice(&480u32.to_be_bytes());
        assert_eq!(image_size(&p), Some((640, 480)));
    }

    #[test]
    fn webp_extended() {
        let mut w = b"RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0".to_vec();
        w.extend_from_slice(&[0x3F, 0x06, 0x00, 0xDF, 0x04, 0x00]);
        assert_eq!(image_size(&w), Some((1600, 1248)));
    }
}
