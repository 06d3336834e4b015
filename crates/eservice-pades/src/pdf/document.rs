//! A PDF opened for an incremental update: its latest trailer, where its
//! cross-reference data starts, its catalog and pages, and the latest
//! definition of each object.
//!
//! The cross-reference data must be where `startxref` says: an update
//! chains to it with `/Prev`, and a reader that follows a broken chain
//! would rebuild the file its own way, not the way the signer saw it.

use std::collections::BTreeMap;

use super::lexer::{Lexer, Obj, Spanned};
use super::objects::{scan, Object, Section};
use super::revisions::find;

/// Page trees nest no deeper than this; real ones nest 2 to 4.
const MAX_TREE_DEPTH: usize = 32;

/// Why a PDF cannot take an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenProblem {
    NotPdf,
    Encrypted,
    /// `startxref` is missing or points at no cross-reference data.
    BrokenXref,
    /// No catalog or no pages under it.
    NoPages,
}

pub struct Document<'a> {
    pub pdf: &'a [u8],
    pub section: Section,
    /// The trailer (or cross-reference stream dictionary) of the last revision.
    pub trailer: Spanned,
    /// Where the last revision's cross-reference data starts.
    pub prev: usize,
    /// Whether that data is a cross-reference stream, so the update writes one too.
    pub xref_stream: bool,
    pub root: u32,
    /// The first free object number.
    pub size: u32,
    latest: BTreeMap<u32, usize>,
}

impl<'a> Document<'a> {
    pub fn open(pdf: &'a [u8]) -> Result<Self, OpenProblem> {
        if find(&pdf[..pdf.len().min(1024)], b"%PDF-").is_none() {
            return Err(OpenProblem::NotPdf);
        }
        let section = scan(pdf, 0, pdf.len());
        let prev = last_startxref(pdf).ok_or(OpenProblem::BrokenXref)?;
        let (trailer, xref_stream) = if pdf[prev..].starts_with(b"xref") {
            let t = section.trailers.iter().find(|t| t.start > prev).ok_or(OpenProblem::BrokenXref)?;
            (t.clone(), false)
        } else {
            let o = section.objects.iter().find(|o| o.at == prev && !o.packed && o.type_name() == Some(b"XRef")).ok_or(OpenProblem::BrokenXref)?;
            (o.value.clone(), true)
        };
        if trailer.get(b"Encrypt").is_some() {
            return Err(OpenProblem::Encrypted);
        }
        let root = match trailer.get(b"Root").map(|r| &r.obj) {
            Some(Obj::Ref(n, _)) => *n,
            _ => return Err(OpenProblem::BrokenXref),
        };
        let latest: BTreeMap<u32, usize> = section.objects.iter().enumerate().map(|(i, o)| (o.num, i)).collect();
        let declared = match trailer.get(b"Size").map(|s| &s.obj) {
            Some(Obj::Int(n)) => u32::try_from(*n).unwrap_or(0),
            _ => 0,
        };
        let size = declared.max(latest.keys().next_back().map_or(1, |n| n + 1));
        let doc = Document { pdf, section, trailer, prev, xref_stream, root, size, latest };
        if doc.pages().is_empty() {
            return Err(OpenProblem::NoPages);
        }
        Ok(doc)
    }

    /// The latest definition of object `num`.
    pub fn object(&self, num: u32) -> Option<&Object> {
        self.latest.get(&num).map(|i| &self.section.objects[*i])
    }

    /// `v` itself, or the object it refers to.
    pub fn resolve<'s>(&'s self, v: &'s Spanned) -> &'s Spanned {
        match v.obj {
            Obj::Ref(n, _) => self.object(n).map_or(v, |o| &o.value),
            _ => v,
        }
    }

    pub fn catalog(&self) -> Option<&Spanned> {
        self.object(self.root).map(|o| &o.value).filter(|v| matches!(v.obj, Obj::Dict(_)))
    }

    /// The page objects, in order.
    pub fn pages(&self) -> Vec<u32> {
        let mut out = Vec::new();
        if let Some(Obj::Ref(n, _)) = self.catalog().and_then(|c| c.get(b"Pages")).map(|p| &p.obj) {
            self.collect_pages(*n, 0, &mut out);
        }
        out
    }

    fn collect_pages(&self, num: u32, depth: usize, out: &mut Vec<u32>) {
        let Some(node) = self.object(num) else { return };
        if depth > MAX_TREE_DEPTH || out.contains(&num) {
            return;
        }
        match node.type_name() {
            Some(b"Page") => out.push(num),
            _ => {
                if let Some(Obj::Array(kids)) = node.value.get(b"Kids").map(|k| &self.resolve(k).obj) {
                    for kid in kids {
                        if let Obj::Ref(k, _) = kid.obj {
                            self.collect_pages(k, depth + 1, out);
                        }
                    }
                }
            }
        }
    }
}

/// The offset the file's last `startxref` names, if something is there.
fn last_startxref(pdf: &[u8]) -> Option<usize> {
    let tail_from = pdf.len().saturating_sub(2048);
    let tail = &pdf[tail_from..];
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let mut lx = Lexer::new(pdf, tail_from + at + 9);
    let offset = match lx.value(0)?.obj {
        Obj::Int(n) => usize::try_from(n).ok()?,
        _ => return None,
    };
    (offset < pdf.len()).then_some(offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::testpdf::one_page;

    #[test]
    fn opens_a_plain_pdf_and_finds_its_page() {
        let pdf = one_page();
        let doc = Document::open(&pdf).unwrap();
        assert_eq!(doc.pages(), vec![3]);
        assert!(!doc.xref_stream);
        assert_eq!(doc.size, 5);
    }

    #[test]
    fn refuses_what_it_cannot_update() {
        assert_eq!(Document::open(b"hello").err(), Some(OpenProblem::NotPdf));
        let pdf = one_page();
        let at = pdf.windows(11).rposition(|w| w == b"/Root 1 0 R").unwrap();
        let encrypted = [&pdf[..at], b"/Encrypt 9 0 R ", &pdf[at..]].concat();
        assert_eq!(Document::open(&encrypted).err(), Some(OpenProblem::Encrypted));
        let at = pdf.windows(9).rposition(|w| w == b"startxref").unwrap();
        let broken = [&pdf[..at], b"startxref\n12\n%%EOF\n"].concat();
        assert_eq!(Document::open(&broken).err(), Some(OpenProblem::BrokenXref));
    }
}
