//! PEM (RFC 7468) and bare base64: how certificates and keys travel in
//! trust lists, `.pem` files and `openssl` output.

/// One `-----BEGIN LABEL-----` block: its label and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub label: String,
    pub der: Vec<u8>,
}

/// Every PEM block in `text`, in order; blocks whose base64 is broken are
/// left out. Headers such as `Proc-Type:` are skipped.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines().map(str::trim) {
        if let Some(label) = line.strip_prefix("-----BEGIN ").and_then(|l| l.strip_suffix("-----")) {
            current = Some((label.to_owned(), String::new()));
        } else if line.starts_with("-----END ") {
            if let Some((label, body)) = current.take() {
                if let Some(der) = base64(&body) {
                    out.push(Block { label, der });
                }
            }
        } else if let Some((_, body)) = current.as_mut() {
            if !line.contains(':') {
                body.push_str(line);
            }
        }
    }
    out
}

/// A PEM block's bytes, or bare base64's.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    if text.contains("-----BEGIN") {
        return blocks(text).into_iter().next().map(|b| b.der);
    }
    base64(text)
}

/// The certificates in a file: every `CERTIFICATE` block of PEM text, or
/// the file itself when it is DER.
pub fn certificates(bytes: &[u8]) -> Vec<Vec<u8>> {
    match std::str::from_utf8(bytes) {
        Ok(text) if text.contains("-----BEGIN") => blocks(text).into_iter().filter(|b| b.label == "CERTIFICATE" || b.label == "X509 CERTIFICATE").map(|b| b.der).collect(),
        _ if bytes.first() == Some(&0x30) => vec![bytes.to_vec()],
        _ => Vec::new(),
    }
}

/// `der` as a PEM block, lines of 64 characters.
pub fn encode(label: &str, der: &[u8]) -> String {
    let b64 = base64_encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Standard or URL-safe base64, white-space and padding ignored.
pub fn base64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_labels() {
        for len in 0..70 {
            let der: Vec<u8> = (0..len as u8).map(|i| i.wrapping_mul(37)).collect();
            let text = encode("CERTIFICATE", &der);
            assert_eq!(blocks(&text), vec![Block { label: "CERTIFICATE".into(), der: der.clone() }]);
            assert_eq!(decode(&base64_encode(&der)), Some(der));
        }
        let two = format!("junk\n{}{}", encode("EC PRIVATE KEY", b"k"), encode("CERTIFICATE", b"c"));
        let labels: Vec<String> = blocks(&two).into_iter().map(|b| b.label).collect();
        assert_eq!(labels, ["EC PRIVATE KEY", "CERTIFICATE"]);
        assert_eq!(decode("not base64!"), None);
    }
}
