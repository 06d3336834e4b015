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
pub(super) fn skip_space(b: &[u8], mut pos: usize) -> usize {
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
                    out.push(match e {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        other => other,
                    });
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

    #[test]
    fn refuses_malformed_and_deep_input() {
        assert!(Lexer::new(b"<< /A <zz> >>", 0).value(0).is_none());
        assert!(Lexer::new(b"<< 3 4 >>", 0).value(0).is_none());
        assert!(Lexer::new(b"[[[[", 0).value(0).is_none());
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(Lexer::new(deep.as_bytes(), 0).value(0).is_none());
    }
}
