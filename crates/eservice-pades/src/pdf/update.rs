//! Writing an incremental update: new and changed objects appended after
//! the original bytes, which stay untouched, then cross-reference data that
//! chains to the previous revision's with `/Prev`, in the same form (a
//! table, or a cross-reference stream when the file uses those).

use std::collections::BTreeMap;

use super::document::Document;
use super::lexer::{Obj, Spanned};

/// PDF syntax for `o`. Strings are written as hex, which needs no escaping.
pub fn write(o: &Obj, out: &mut Vec<u8>) {
    match o {
        Obj::Null => out.extend_from_slice(b"null"),
        Obj::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Obj::Int(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Obj::Real(r) => out.extend_from_slice(r),
        Obj::Name(n) => name(n, out),
        Obj::Str(s) => {
            out.push(b'<');
            out.extend_from_slice(eservice_base::hash::hex(s).as_bytes());
            out.push(b'>');
        }
        Obj::Array(items) => {
            out.push(b'[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write(&v.obj, out);
            }
            out.push(b']');
        }
        Obj::Dict(entries) => {
            out.extend_from_slice(b"<<");
            for (k, v) in entries {
                name(k, out);
                out.push(b' ');
                write(&v.obj, out);
            }
            out.extend_from_slice(b">>");
        }
        Obj::Ref(n, g) => out.extend_from_slice(format!("{n} {g} R").as_bytes()),
    }
}

fn name(n: &[u8], out: &mut Vec<u8>) {
    out.push(b'/');
    for &c in n {
        if c.is_ascii_graphic() && !b"#()<>[]{}/%".contains(&c) {
            out.push(c);
        } else {
            out.extend_from_slice(format!("#{c:02X}").as_bytes());
        }
    }
}

/// A value with no place in the file, for building new objects.
pub fn value(obj: Obj) -> Spanned {
    Spanned { obj, start: 0, end: 0 }
}

/// `dict` with `key` set to `v` (replaced where it was, appended otherwise).
pub fn with(dict: &Obj, key: &[u8], v: Obj) -> Obj {
    let mut entries = match dict {
        Obj::Dict(e) => e.clone(),
        _ => Vec::new(),
    };
    match entries.iter_mut().find(|(k, _)| k == key) {
        Some((_, old)) => *old = value(v),
        None => entries.push((key.to_vec(), value(v))),
    }
    Obj::Dict(entries)
}

/// The objects an update writes.
pub struct Update<'d, 'a> {
    doc: &'d Document<'a>,
    objects: BTreeMap<u32, (u16, Vec<u8>)>,
    next: u32,
}

impl<'d, 'a> Update<'d, 'a> {
    pub fn new(doc: &'d Document<'a>) -> Self {
        Update { doc, objects: BTreeMap::new(), next: doc.size }
    }

    /// A fresh object number.
    pub fn allocate(&mut self) -> u32 {
        self.next += 1;
        self.next - 1
    }

    /// Object `num` with body `body` (what lies between `obj` and `endobj`).
    pub fn put(&mut self, num: u32, gen: u16, body: Vec<u8>) {
        self.objects.insert(num, (gen, body));
    }

    /// Object `num`, kept at its generation, as the value `v`.
    pub fn replace(&mut self, num: u32, v: &Obj) {
        let gen = self.doc.object(num).map_or(0, |o| o.gen);
        let mut body = Vec::new();
        write(v, &mut body);
        self.put(num, gen, body);
    }

    /// The original file with the update appended, and where each new
    /// object starts.
    pub fn finish(self) -> (Vec<u8>, BTreeMap<u32, usize>) {
        let doc = self.doc;
        let mut out = Vec::with_capacity(doc.pdf.len() + 32 * 1024);
        out.extend_from_slice(doc.pdf);
        if !out.ends_with(b"\n") && !out.ends_with(b"\r") {
            out.push(b'\n');
        }
        let mut offsets = BTreeMap::new();
        for (num, (gen, body)) in &self.objects {
            offsets.insert(*num, out.len());
            out.extend_from_slice(format!("{num} {gen} obj\n").as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let mut trailer = vec![(b"Size".to_vec(), value(Obj::Int(self.next as i64)))];
        for key in [&b"Root"[..], b"Info", b"ID"] {
            if let Some(v) = doc.trailer.get(key) {
                trailer.push((key.to_vec(), value(v.obj.clone())));
            }
        }
        trailer.push((b"Prev".to_vec(), value(Obj::Int(doc.prev as i64))));
        let xref_at = out.len();
        let gens: BTreeMap<u32, u16> = self.objects.iter().map(|(n, (g, _))| (*n, *g)).collect();
        if doc.xref_stream {
            xref_stream(&mut out, trailer, &offsets, &gens, self.next);
        } else {
            out.extend_from_slice(b"xref\n");
            for run in runs(offsets.keys().copied()) {
                out.extend_from_slice(format!("{} {}\n", run.0, run.1).as_bytes());
                for num in run.0..run.0 + run.1 {
                    out.extend_from_slice(format!("{:010} {:05} n\r\n", offsets[&num], gens[&num]).as_bytes());
                }
            }
            out.extend_from_slice(b"trailer\n");
            write(&Obj::Dict(trailer), &mut out);
            out.push(b'\n');
        }
        out.extend_from_slice(format!("startxref\n{xref_at}\n%%EOF\n").as_bytes());
        (out, offsets)
    }
}

/// Consecutive object numbers as (first, count).
fn runs(nums: impl Iterator<Item = u32>) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for n in nums {
        match out.last_mut() {
            Some((first, count)) if *first + *count == n => *count += 1,
            _ => out.push((n, 1)),
        }
    }
    out
}

/// A cross-reference stream (uncompressed: the update is a few objects)
/// listing the update's objects and itself, which takes number `size`.
fn xref_stream(out: &mut Vec<u8>, mut dict: Vec<(Vec<u8>, Spanned)>, offsets: &BTreeMap<u32, usize>, gens: &BTreeMap<u32, u16>, size: u32) {
    let at = out.len();
    let mut entries: BTreeMap<u32, (usize, u16)> = offsets.iter().map(|(n, o)| (*n, (*o, gens[n]))).collect();
    entries.insert(size, (at, 0));
    let mut data = Vec::new();
    for (offset, gen) in entries.values() {
        data.push(1);
        data.extend_from_slice(&(*offset as u32).to_be_bytes());
        data.extend_from_slice(&gen.to_be_bytes());
    }
    let index: Vec<Spanned> = runs(entries.keys().copied()).into_iter().flat_map(|(f, c)| [value(Obj::Int(f as i64)), value(Obj::Int(c as i64))]).collect();
    dict[0].1 = value(Obj::Int(size as i64 + 1));
    let ints = |v: &[i64]| Obj::Array(v.iter().map(|n| value(Obj::Int(*n))).collect());
    dict.extend([
        (b"Type".to_vec(), value(Obj::Name(b"XRef".to_vec()))),
        (b"W".to_vec(), value(ints(&[1, 4, 2]))),
        (b"Index".to_vec(), value(Obj::Array(index))),
        (b"Length".to_vec(), value(Obj::Int(data.len() as i64))),
    ]);
    out.extend_from_slice(format!("{size} 0 obj\n").as_bytes());
    write(&Obj::Dict(dict), out);
    out.extend_from_slice(b"\nstream\n");
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream\nendobj\n");
}
