//! Just enough of the PDF object syntax to read a signature dictionary:
//! numbers, names, strings, arrays, dictionaries and references, with the
//! byte span of each value, and a nesting limit so no file can exhaust the
//! stack.

/// Objects nest no deeper than this; real signature dictionaries nest 3.
const MAX_DEPTH: usize = 32;

#[derive(Clone, Debug, PartialEq)]
pub enum Obj {
    Null,
    Bool(bool),
    Int(i64),
    /// A real number, as written (kept so a change to one is seen).
    Real(Vec<u8>),
    Name(Vec<u8>),
    /// A literal or hex string, decoded.
    Str(Vec<u8>),
    Array(Vec<Spanned>),
    Dict(Vec<(Vec<u8>, Spanned)>),
    Ref(u32, u16),
}

/// A value and where it lies in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned {
    pub obj: Obj,
    pub start: usize,
    pub end: usize,
}

impl Spanned {
    pub fn get(&self, key: &[u8]) -> Option<&Spanned> {
        match &self.obj {
            Obj::Dict(d) => d.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

pub struct Lexer<'a> {
    pub b: &'a [u8],
    pub pos: usize,
}

fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(c: u8) -> bool {
    matches!(c, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// The position after white-space and comments from `pos`.
pub(crate) fn skip_space(b: &[u8], mut pos: usize) -> usize {
    while let Some(&c) = b.get(pos) {
        if is_white(c) {
            pos += 1;
        } else if b[pos..].starts_with(b"%%EOF") {
            // A revision's end, not a comment to the end of the line: some
            // writers start the next object on the same line.
            pos += 5;
        } else if c == b'%' {
            while b.get(pos).is_some_and(|c| *c != b'\n' && *c != b'\r') {
                pos += 1;
            }
        } else {
            break;
        }
    }
    pos
}

impl<'a> Lexer<'a> {
    pub fn new(b: &'a [u8], pos: usize) -> Self {
        Lexer { b, pos }
    }

    fn skip_space(&mut self) {
        self.pos = skip_space(self.b, self.pos);
    }

    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.b.get(self.pos).is_some_and(|c| !is_white(*c) && !is_delim(*c)) {
            self.pos += 1;
        }
        &self.b[start..self.pos]
    }

    /// Reads one value; `None` on anything malformed.
    pub fn value(&mut self, depth: usize) -> Option<Spanned> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        let start = self.pos;
        let c = *self.b.get(self.pos)?;
        let obj = match c {
            b'/' => {
                self.pos += 1;
                Obj::Name(self.word().to_vec())
            }
            b'(' => Obj::Str(self.literal()?),
            b'<' if self.b.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                let mut entries = Vec::new();
                loop {
                    self.skip_space();
                    if self.b.get(self.pos..self.pos + 2)? == b">>" {
                        self.pos += 2;
                        break;
                    }
                    let key = match self.value(depth + 1)?.obj {
                        Obj::Name(n) => n,
                        _ => return None,
                    };
                    let v = self.value(depth + 1)?;
                    entries.push((key, v));
                }
                Obj::Dict(entries)
            }
            b'<' => Obj::Str(self.hex()?),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if *self.b.get(self.pos)? == b']' {
                        self.pos += 1;
                        break;
                    }
                    items.push(self.value(depth + 1)?);
                }
                Obj::Array(items)
            }
            _ => {
                let w = self.word();
                match w {
                    b"true" => Obj::Bool(true),
                    b"false" => Obj::Bool(false),
                    b"null" => Obj::Null,
                    _ => {
                        let text = std::str::from_utf8(w).ok()?;
                        if let Ok(n) = text.parse::<i64>() {
                            // `n g R` is a reference.
                            let save = self.pos;
                            self.skip_space();
                            let g = self.word();
                            self.skip_space();
                            if let (Ok(gen), Some(b'R'), true) = (std::str::from_utf8(g).unwrap_or("").parse::<u16>(), self.b.get(self.pos), !g.is_empty()) {
                                if self.b.get(self.pos + 1).is_none_or(|c| is_white(*c) || is_delim(*c)) {
                                    self.pos += 1;
                                    return Some(Spanned { obj: Obj::Ref(u32::try_from(n).ok()?, gen), start, end: self.pos });
                                }
                            }
                            self.pos = save;
                            Obj::Int(n)
                        } else if !text.is_empty() && text.bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b'-' || c == b'+') {
                            Obj::Real(w.to_vec())
                        } else {
                            return None;
                        }
                    }
                }
            }
        };
        Some(Spanned { obj, start, end: self.pos })
    }

    /// A literal string, decoded as ISO 32000-1 §7.3.4.2 says: the escapes
    /// `\n \r \t \b \f \( \) \\`, octal `\d`, `\dd`, `\ddd` (a
    /// byte, overflow ignored), a backslash before an end of line joins the
    /// lines, an end of line written as such (CR, LF or CR LF) is one LF,
    /// parentheses nest, and any other escaped character stands for itself.
    /// `None` when the string does not end.
    fn literal(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1;
        loop {
            let c = *self.b.get(self.pos)?;
            self.pos += 1;
            match c {
                b'\\' => {
                    let e = *self.b.get(self.pos)?;
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0c),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.b.get(self.pos) {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            // `\777` is 511: the high-order bit is dropped.
                            out.push((v & 0xff) as u8);
                        }
                        b'\r' => {
                            if self.b.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        // `\(`, `\)`, `\\` and any unknown escape: the character.
                        other => out.push(other),
                    }
                }
                b'\r' => {
                    if self.b.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(out);
                    }
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }

    fn hex(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut nibbles = Vec::new();
        loop {
            let c = *self.b.get(self.pos)?;
            self.pos += 1;
            match c {
                b'>' => break,
                c if is_white(c) => {}
                c => nibbles.push((c as char).to_digit(16)? as u8),
            }
        }
        if nibbles.len() % 2 == 1 {
            nibbles.push(0);
        }
        Some(nibbles.chunks(2).map(|p| p[0] << 4 | p[1]).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_signature_dictionary() {
        let src = b"<< /Type /Sig /ByteRange [0 10 20 30] /Contents <3082 01> /M (D:2026\\)x) /P 5 0 R >>";
        let v = Lexer::new(src, 0).value(0).unwrap();
        assert_eq!(v.get(b"Type").unwrap().obj, Obj::Name(b"Sig".to_vec()));
        let Obj::Array(br) = &v.get(b"ByteRange").unwrap().obj else { panic!() };
        assert_eq!(br.len(), 4);
        let c = v.get(b"Contents").unwrap();
        assert_eq!(c.obj, Obj::Str(vec![0x30, 0x82, 0x01]));
        assert_eq!(&src[c.start..c.end], b"<3082 01>");
        assert_eq!(v.get(b"M").unwrap().obj, Obj::Str(b"D:2026)x".to_vec()));
        assert_eq!(v.get(b"P").unwrap().obj, Obj::Ref(5, 0));
        assert_eq!(v.end, src.len());
    }

    fn literal(src: &[u8]) -> Option<Vec<u8>> {
        match Lexer::new(src, 0).value(0)?.obj {
            Obj::Str(s) => Some(s),
            _ => None,
        }
    }

    #[test]
    fn literal_strings_are_decoded_as_iso_32000_says() {
        // pyHanko's signing time: `\072` is `:`.
        assert_eq!(literal(br"(D\07220261127065542Z)").unwrap(), b"D:20261127065542Z");
        // The named escapes.
        assert_eq!(literal(br"(\n\r\t\b\f\(\)\\)").unwrap(), b"\n\r\t\x08\x0c()\\");
        // Octal of one, two and three digits; a fourth digit is text; the
        // high-order overflow of `\777` (511) is dropped.
        assert_eq!(literal(br"(\0\53\0533\101\7a\777)").unwrap(), b"\0+\x2b3A\x07a\xff");
        assert_eq!(literal(br"(\8)").unwrap(), b"8", "8 is not octal: an unknown escape");
        // An unknown escape drops its backslash.
        assert_eq!(literal(r"(\q\ก)".as_bytes()).unwrap(), "qก".as_bytes());
        // A backslash before an end of line (CR, LF, CR LF) joins the lines.
        assert_eq!(literal(b"(ab\\\ncd\\\r\nef\\\rgh)").unwrap(), b"abcdefgh");
        // An end of line as written is one LF, whichever it was.
        assert_eq!(literal(b"(a\rb\r\nc\nd\n\re)").unwrap(), b"a\nb\nc\nd\n\ne");
        // Balanced parentheses need no escape.
        assert_eq!(literal(b"(a(b(c))d)").unwrap(), b"a(b(c))d");
        let v = Lexer::new(b"(x\\)y) /Next", 0).value(0).unwrap();
        assert_eq!((v.obj, v.end), (Obj::Str(b"x)y".to_vec()), 6));
    }

    #[test]
    fn unterminated_literals_are_refused() {
        for src in [&b"(abc"[..], b"(a(b)", b"(abc\\", b"(\\0", b"(\\\r", b"("] {
            assert_eq!(literal(src), None, "{:?}", String::from_utf8_lossy(src));
        }
    }

    #[test]
    fn refuses_malformed_and_deep_input() {
        assert!(Lexer::new(b"<< /A <zz> >>", 0).value(0).is_none());
        assert!(Lexer::new(b"<< 3 4 >>", 0).value(0).is_none());
        assert!(Lexer::new(b"[[[[", 0).value(0).is_none());
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(Lexer::new(deep.as_bytes(), 0).value(0).is_none());
    }
}
