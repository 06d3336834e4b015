//! The objects a stretch of a PDF defines, read in file order without
//! trusting its cross-reference tables: `N G obj ... endobj`, the objects
//! packed in object streams, trailers, and anything else (junk).
//!
//! Work is bounded: object streams inflate to at most [`MAX_INFLATED`]
//! bytes each, and at most [`MAX_OBJECTS`] objects are read.

use std::collections::BTreeMap;
use std::ops::Range;

use super::lexer::{skip_space, Lexer, Obj, Spanned};
use super::revisions::find;

const MAX_INFLATED: usize = 64 * 1024 * 1024;
const MAX_OBJECTS: usize = 1_000_000;

/// One object definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    pub num: u32,
    pub gen: u16,
    pub value: Spanned,
    /// Where the raw (still encoded) stream data lies in the file, for a
    /// stream object; kept as a range so a 50 MB scan is not copied.
    pub stream: Option<Range<usize>>,
    /// Where it is defined in the file (for an object packed in an object
    /// stream: where that stream is), which tells the revision it joined.
    pub at: usize,
    /// Whether it came out of an object stream.
    pub packed: bool,
}

impl Object {
    /// The `/Type` name of a dictionary or stream, if it has one.
    pub fn type_name(&self) -> Option<&[u8]> {
        name(&self.value, b"Type")
    }
}

/// A name-valued entry of a dictionary.
pub fn name<'a>(dict: &'a Spanned, key: &[u8]) -> Option<&'a [u8]> {
    match &dict.get(key)?.obj {
        Obj::Name(n) => Some(n),
        _ => None,
    }
}

/// What a stretch of the file holds, in file order. One scan serves every
/// revision: each finding carries its position.
#[derive(Debug, Default)]
pub struct Section {
    pub objects: Vec<Object>,
    /// Trailer dictionaries and cross-reference stream dictionaries.
    pub trailers: Vec<Spanned>,
    /// Where each run of bytes that are none of the above starts.
    pub junk: Vec<usize>,
    /// Object streams that could not be read: where, and their number.
    pub unreadable: Vec<(usize, u32)>,
    /// Where the last junk line ended, to note a run of them once.
    junk_end: usize,
}

impl Section {
    /// The last definition of each object number within `range` of the file.
    pub fn index(&self, range: Range<usize>) -> BTreeMap<u32, &Object> {
        self.objects.iter().filter(|o| range.contains(&o.at)).map(|o| (o.num, o)).collect()
    }

    /// The object the last trailer within `range` names under `key`
    /// (`Root`, `Info`).
    pub fn trailer_ref(&self, key: &[u8], range: Range<usize>) -> Option<u32> {
        self.trailers.iter().rev().filter(|t| range.contains(&t.start)).find_map(|t| match t.get(key)?.obj {
            Obj::Ref(n, _) => Some(n),
            _ => None,
        })
    }
}

/// Reads `pdf[from..to]`.
pub fn scan(pdf: &[u8], from: usize, to: usize) -> Section {
    let b = &pdf[..to.min(pdf.len())];
    let mut s = Section::default();
    let mut pos = from;
    while pos < b.len() && s.objects.len() < MAX_OBJECTS {
        pos = skip_space(b, pos);
        if pos >= b.len() {
            break;
        }
        let rest = &b[pos..];
        if rest.starts_with(b"xref") {
            match find(rest, b"trailer") {
                Some(i) => pos += i,
                None => {
                    s.junk.push(pos);
                    break;
                }
            }
        } else if rest.starts_with(b"trailer") {
            let mut lx = Lexer::new(b, pos + 7);
            match lx.value(0) {
                Some(d @ Spanned { obj: Obj::Dict(_), .. }) => {
                    pos = d.end;
                    s.trailers.push(d);
                }
                _ => pos = resync(&mut s, b, pos),
            }
        } else if rest.starts_with(b"startxref") {
            let mut lx = Lexer::new(b, pos + 9);
            match lx.value(0) {
                Some(Spanned { obj: Obj::Int(_), end, .. }) => pos = end,
                _ => pos = resync(&mut s, b, pos),
            }
        } else if let Some((obj, end)) = definition(b, pos) {
            pos = end;
            if obj.type_name() == Some(b"XRef") {
                s.trailers.push(obj.value.clone());
            }
            if obj.type_name() == Some(b"ObjStm") {
                match unpack(b, &obj) {
                    Some(members) => s.objects.extend(members),
                    None => s.unreadable.push((obj.at, obj.num)),
                }
            }
            s.objects.push(obj);
        } else {
            pos = resync(&mut s, b, pos);
        }
    }
    s
}

/// Notes junk at `pos` (once per run of junk lines) and moves to the next
/// line that may start an object.
fn resync(s: &mut Section, b: &[u8], pos: usize) -> usize {
    if s.junk.is_empty() || s.junk_end != pos {
        s.junk.push(pos);
    }
    let line_end = match b[pos..].iter().position(|c| *c == b'\n' || *c == b'\r') {
        Some(i) => pos + i + 1,
        None => b.len(),
    };
    // A revision's end on the junk line ends the run: junk after it belongs
    // to the next revision and must be seen there.
    s.junk_end = match find(&b[pos..line_end], b"%%EOF") {
        Some(i) => pos + i + 5,
        None => line_end,
    };
    s.junk_end
}

/// `N G obj value [stream ... endstream] endobj` at `pos`.
fn definition(b: &[u8], pos: usize) -> Option<(Object, usize)> {
    let mut lx = Lexer::new(b, pos);
    let (num, gen) = match (lx.value(0)?.obj, lx.value(0)?.obj) {
        (Obj::Int(n), Obj::Int(g)) => (u32::try_from(n).ok()?, u16::try_from(g).ok()?),
        _ => return None,
    };
    let at = skip_space(b, lx.pos);
    if !b[at..].starts_with(b"obj") {
        return None;
    }
    let mut lx = Lexer::new(b, at + 3);
    let value = lx.value(0)?;
    let mut end = skip_space(b, value.end);
    let mut stream = None;
    if b[end..].starts_with(b"stream") {
        let mut data = end + 6;
        if b.get(data) == Some(&b'\r') {
            data += 1;
        }
        if b.get(data) == Some(&b'\n') {
            data += 1;
        }
        let declared = match value.get(b"Length").map(|l| &l.obj) {
            Some(Obj::Int(n)) => usize::try_from(*n).ok(),
            _ => None,
        };
        let stop = match declared.and_then(|n| data.checked_add(n)).filter(|e| *e <= b.len() && b[skip_space(b, *e)..].starts_with(b"endstream")) {
            Some(e) => e,
            None => data + find(&b[data..], b"endstream")?,
        };
        stream = Some(data..stop);
        end = skip_space(b, stop) + 9;
        end = skip_space(b, end);
    }
    if b[end..].starts_with(b"endobj") {
        end += 6;
    }
    Some((Object { num, gen, value, stream, at: pos, packed: false }, end))
}

/// The objects inside an object stream (FlateDecode without a predictor, or
/// no filter).
fn unpack(b: &[u8], objstm: &Object) -> Option<Vec<Object>> {
    let raw = &b[objstm.stream.clone()?];
    let data = match objstm.value.get(b"Filter").map(|f| &f.obj) {
        None => raw.to_vec(),
        Some(Obj::Name(n)) if n == b"FlateDecode" => inflate(raw)?,
        Some(Obj::Array(a)) if a.len() == 1 && a[0].obj == Obj::Name(b"FlateDecode".to_vec()) => inflate(raw)?,
        _ => return None,
    };
    if objstm.value.get(b"DecodeParms").is_some() {
        return None;
    }
    let int = |k: &[u8]| match objstm.value.get(k)?.obj {
        Obj::Int(n) => usize::try_from(n).ok(),
        _ => None,
    };
    let (n, first) = (int(b"N")?, int(b"First")?);
    let mut header = Lexer::new(&data, 0);
    let mut out = Vec::new();
    for _ in 0..n.min(MAX_OBJECTS) {
        let (Obj::Int(num), Obj::Int(off)) = (header.value(0)?.obj, header.value(0)?.obj) else { return None };
        let at = first.checked_add(usize::try_from(off).ok()?)?;
        if at >= data.len() {
            return None;
        }
        let value = Lexer::new(&data, at).value(0)?;
        // Spans inside the inflated data mean nothing in the file.
        out.push(Object { num: u32::try_from(num).ok()?, gen: 0, value, stream: None, at: objstm.at, packed: true });
    }
    Some(out)
}

pub fn inflate(raw: &[u8]) -> Option<Vec<u8>> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(raw, MAX_INFLATED).ok()
}

/// Whether two values are the same PDF value, wherever they lie.
pub fn same(a: &Spanned, b: &Spanned) -> bool {
    match (&a.obj, &b.obj) {
        (Obj::Array(x), Obj::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Obj::Dict(x), Obj::Dict(y)) => x.len() == y.len() && x.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w))),
        (x, y) => x == y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_trailers_and_junk() {
        let pdf = b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Length 5 >>\nstream\nab\ncd\nendstream\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";
        let s = scan(pdf, 0, pdf.len());
        assert_eq!(s.objects.len(), 2);
        assert_eq!(s.objects[0].type_name(), Some(&b"Catalog"[..]));
        assert_eq!(s.objects[1].stream.clone().map(|r| &pdf[r]), Some(&b"ab\ncd"[..]));
        assert_eq!(s.trailer_ref(b"Root", 0..pdf.len()), Some(1));
        assert!(s.junk.is_empty());
        let mut junk = pdf.to_vec();
        junk.extend_from_slice(b"garbage\nmore garbage\n");
        assert_eq!(scan(&junk, 0, junk.len()).junk, [pdf.len()], "one run of junk lines, once");
        let two = b"junk %%EOF\nmore junk\n";
        assert_eq!(scan(two, 0, two.len()).junk, [0, 11], "a revision end splits a run");
    }

    #[test]
    fn values_compare_wherever_they_lie() {
        let a = Lexer::new(b"<< /A [1 2.5 /N] /B (x) >>", 0).value(0).unwrap();
        let b = Lexer::new(b"  <</B(x)/A[1 2.5/N]>>", 0).value(0).unwrap();
        let c = Lexer::new(b"<< /A [1 2.6 /N] /B (x) >>", 0).value(0).unwrap();
        assert!(same(&a, &b));
        assert!(!same(&a, &c), "a changed real number is a change");
    }
}
