//! A file's type from its first bytes. The extension and the type the
//! browser reports are what the sender claims; the magic bytes are what the
//! file is.

use std::fmt;

/// The types evidence arrives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaType {
    Pdf,
    Jpeg,
    Png,
    Webp,
    Gif,
    Tiff,
    /// HEIC/HEIF: what iPhones take; only Safari can decode it.
    Heic,
    /// Anything else.
    Unknown,
}

impl MediaType {
    /// The IANA media type, as recorded in the manifest.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Webp => "image/webp",
            MediaType::Gif => "image/gif",
            MediaType::Tiff => "image/tiff",
            MediaType::Heic => "image/heic",
            MediaType::Unknown => "application/octet-stream",
        }
    }

    /// The usual file extension, for naming a compressed copy.
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Pdf => "pdf",
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
            MediaType::Webp => "webp",
            MediaType::Gif => "gif",
            MediaType::Tiff => "tif",
            MediaType::Heic => "heic",
            MediaType::Unknown => "bin",
        }
    }

    pub fn from_mime(mime: &str) -> Option<MediaType> {
        Some(match mime {
            "application/pdf" => MediaType::Pdf,
            "image/jpeg" => MediaType::Jpeg,
            "image/png" => MediaType::Png,
            "image/webp" => MediaType::Webp,
            "image/gif" => MediaType::Gif,
            "image/tiff" => MediaType::Tiff,
            "image/heic" | "image/heif" => MediaType::Heic,
            _ => return None,
        })
    }

    /// Whether the browser can decode and re-encode it as a smaller JPEG.
    pub fn is_compressible_image(self) -> bool {
        matches!(self, MediaType::Jpeg | MediaType::Png | MediaType::Webp)
    }
}

impl fmt::Display for MediaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.mime())
    }
}

/// The type of a file from its first bytes (16 are enough).
pub fn sniff(head: &[u8]) -> MediaType {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"%PDF-") {
        MediaType::Pdf
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        MediaType::Jpeg
    } else if starts(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        MediaType::Png
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        MediaType::Webp
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        MediaType::Gif
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        MediaType::Tiff
    } else if head.len() >= 12 && &head[4..8] == b"ftyp" && is_heif_brand(&head[8..12]) {
        MediaType::Heic
    } else {
        MediaType::Unknown
    }
}

fn is_heif_brand(brand: &[u8]) -> bool {
    matches!(brand, b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n"), MediaType::Pdf);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE1, 0, 0]), MediaType::Jpeg);
        assert_eq!(sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]), MediaType::Png);
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), MediaType::Webp);
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), MediaType::Heic);
        assert_eq!(sniff(b"\0\0\0\x18ftypmif1\0\0\0\0"), MediaType::Heic);
        assert_eq!(sniff(b"\0\0\0\x18ftypisom\0\0\0\0"), MediaType::Unknown, "an MP4 is not a photo");
        assert_eq!(sniff(b"GIF89a"), MediaType::Gif);
        assert_eq!(sniff(b"MM\0*"), MediaType::Tiff);
    }

    #[test]
    fn names_lie_bytes_do_not() {
        assert_eq!(sniff(b"PK\x03\x04"), MediaType::Unknown);
        assert_eq!(sniff(b""), MediaType::Unknown);
        assert_eq!(sniff(b"%PD"), MediaType::Unknown, "a truncated header is not a PDF");
    }

    #[test]
    fn mime_round_trip() {
        for t in [MediaType::Pdf, MediaType::Jpeg, MediaType::Png, MediaType::Webp, MediaType::Gif, MediaType::Tiff, MediaType::Heic] {
            assert_eq!(MediaType::from_mime(t.mime()), Some(t));
        }
    }
}
