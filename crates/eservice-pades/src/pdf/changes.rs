//! What was added to a PDF after a signature, and whether any of it changes
//! what the signer saw.
//!
//! Allowed after signing: more signatures (new signature fields, or an
//! empty field being signed), document time-stamps, and the DSS with its
//! validation data. Anything else — a changed page, content stream, font,
//! annotation, form value, catalog entry, a new document root, or bytes
//! that are not PDF objects at all — is a modification. New objects that
//! nothing old points to cannot change what is shown; they are allowed, as
//! are updates of the document information dictionary, XMP metadata and
//! cross-reference streams, which signing tools rewrite and no viewer shows
//! as page content.
//! This is stricter than pyHanko and pdfsig, on purpose.

use eservice_base::lang::Lang;

use super::lexer::{Obj, Spanned};
use super::objects::{name, same, Object, Section};

/// Keys the catalog may gain or change after signing.
const CATALOG_KEYS: &[&[u8]] = &[b"DSS", b"AcroForm", b"Extensions"];
const ACROFORM_KEYS: &[&[u8]] = &[b"Fields", b"SigFlags", b"DR", b"DA"];
const FIELD_KEYS: &[&[u8]] = &[b"V", b"AP", b"F", b"AS", b"Lock", b"SV", b"MK"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeProblem {
    /// Bytes after the signed revision that are not PDF objects.
    Junk { at: usize },
    /// An object the signed revision defines was changed; `kind` is its
    /// `/Type` (Page, Annot, …) or "object".
    Changed { num: u32, kind: String },
    /// The document root now is another catalog.
    NewRoot,
    /// An object stream that cannot be read, so its contents cannot be
    /// cleared.
    Unreadable { num: u32 },
    /// A signature value already given was replaced.
    SignatureReplaced { num: u32 },
}

impl ChangeProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ChangeProblem::Junk { at }, Lang::Th) => format!("มีข้อมูลที่ไม่ใช่ส่วนของ PDF ต่อท้าย (ไบต์ที่ {at})"),
            (ChangeProblem::Junk { at }, Lang::En) => format!("Bytes that are not PDF were appended (at byte {at})"),
            (ChangeProblem::Changed { num, kind }, Lang::Th) => format!("วัตถุ {num} ({kind}) ถูกแก้ไขหลังลงนาม"),
            (ChangeProblem::Changed { num, kind }, Lang::En) => format!("Object {num} ({kind}) was changed after signing"),
            (ChangeProblem::NewRoot, Lang::Th) => "โครงสร้างหลักของเอกสารถูกแทนที่หลังลงนาม".into(),
            (ChangeProblem::NewRoot, Lang::En) => "The document's root was replaced after signing".into(),
            (ChangeProblem::Unreadable { num }, Lang::Th) => format!("อ่านส่วนที่เพิ่มหลังลงนามไม่ได้ (วัตถุ {num})"),
            (ChangeProblem::Unreadable { num }, Lang::En) => format!("A part added after signing cannot be read (object {num})"),
            (ChangeProblem::SignatureReplaced { num }, Lang::Th) => format!("ลายมือชื่อเดิมถูกแทนที่ (วัตถุ {num})"),
            (ChangeProblem::SignatureReplaced { num }, Lang::En) => format!("An earlier signature was replaced (object {num})"),
        }
    }
}

/// What came after one signed revision.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Later {
    /// New signature dictionaries (`/Type /Sig`, or with a `/ByteRange`).
    pub signatures: usize,
    pub timestamps: usize,
    /// Whether validation data (DSS) was added or updated.
    pub dss: bool,
    /// Each change that is not allowed; empty when nothing was modified.
    pub problems: Vec<ChangeProblem>,
}

/// Everything after `signed_end` compared with what was signed, in `doc`,
/// the scan of the whole file.
pub fn after(pdf: &[u8], doc: &Section, signed_end: usize) -> Later {
    let (signed, added) = (0..signed_end, signed_end..usize::MAX);
    let mut later = Later::default();
    if let Some(at) = doc.junk.iter().find(|j| added.contains(j)) {
        later.problems.push(ChangeProblem::Junk { at: *at });
    }
    if let Some((_, num)) = doc.unreadable.iter().find(|(at, _)| added.contains(at)) {
        later.problems.push(ChangeProblem::Unreadable { num: *num });
    }
    let old_index = doc.index(signed.clone());
    let new_index = doc.index(added.clone());
    let root = doc.trailer_ref(b"Root", signed.clone());
    let info = doc.trailer_ref(b"Info", signed);
    let new_root = doc.trailer_ref(b"Root", added);
    if new_root.is_some() && new_root != root {
        later.problems.push(ChangeProblem::NewRoot);
    }
    let acroform = root.and_then(|r| old_index.get(&r)).and_then(|c| match c.value.get(b"AcroForm")?.obj {
        Obj::Ref(n, _) => Some(n),
        _ => None,
    });
    let stream = |o: &Object| o.stream.clone().map(|r| &pdf[r]);
    let lookup = |n: u32| new_index.get(&n).or_else(|| old_index.get(&n)).copied();
    let is_signature_field = |r: &Spanned| match r.obj {
        Obj::Ref(n, _) => lookup(n).is_some_and(|o| is_sig_field(&o.value, &lookup)),
        _ => false,
    };
    for (num, obj) in &new_index {
        match obj.type_name() {
            Some(b"Sig") if obj.value.get(b"ByteRange").is_some() => later.signatures += 1,
            Some(b"DocTimeStamp") => later.timestamps += 1,
            Some(b"DSS" | b"VRI") => later.dss = true,
            None if obj.value.get(b"ByteRange").is_some() => later.signatures += 1,
            _ => {}
        }
        let Some(before) = old_index.get(num) else { continue };
        if same(&before.value, &obj.value) && stream(before) == stream(obj) {
            continue;
        }
        let kind = || String::from_utf8_lossy(before.type_name().unwrap_or(b"object")).into_owned();
        let allowed = if Some(*num) == info || matches!(before.type_name(), Some(b"Metadata" | b"XRef" | b"ObjStm" | b"DSS" | b"VRI")) {
            true
        } else if Some(*num) == root {
            only_keys_differ(&before.value, &obj.value, CATALOG_KEYS)
        } else if Some(*num) == acroform {
            only_keys_differ(&before.value, &obj.value, ACROFORM_KEYS) && grows_by(before.value.get(b"Fields"), obj.value.get(b"Fields"), &is_signature_field, &lookup)
        } else if is_sig_field(&before.value, &lookup) {
            if before.value.get(b"V").is_some() {
                later.problems.push(ChangeProblem::SignatureReplaced { num: *num });
                continue;
            }
            only_keys_differ(&before.value, &obj.value, FIELD_KEYS)
        } else if before.type_name() == Some(b"Page") {
            only_keys_differ(&before.value, &obj.value, &[b"Annots"]) && grows_by(before.value.get(b"Annots"), obj.value.get(b"Annots"), &is_signature_field, &lookup)
        } else if let (Obj::Array(_), Obj::Array(_)) = (&before.value.obj, &obj.value.obj) {
            // An indirect /Annots or /Fields array.
            grows_by(Some(&before.value), Some(&obj.value), &is_signature_field, &lookup)
        } else {
            false
        };
        if !allowed {
            later.problems.push(ChangeProblem::Changed { num: *num, kind: kind() });
        }
    }
    later
}

/// A signature field, or the widget of one (`/FT /Sig` here or on its parent).
fn is_sig_field<'a>(v: &Spanned, lookup: &impl Fn(u32) -> Option<&'a Object>) -> bool {
    if name(v, b"FT") == Some(b"Sig") {
        return true;
    }
    match v.get(b"Parent").map(|p| &p.obj) {
        Some(Obj::Ref(n, _)) => lookup(*n).is_some_and(|p| name(&p.value, b"FT") == Some(b"Sig")),
        _ => false,
    }
}

/// Whether `b` differs from dictionary `a` only in `keys`.
fn only_keys_differ(a: &Spanned, b: &Spanned, keys: &[&[u8]]) -> bool {
    let (Obj::Dict(x), Obj::Dict(y)) = (&a.obj, &b.obj) else { return false };
    let differs = |k: &[u8]| match (a.get(k), b.get(k)) {
        (Some(p), Some(q)) => !same(p, q),
        (None, None) => false,
        _ => true,
    };
    x.iter().chain(y).all(|(k, _)| keys.contains(&k.as_slice()) || !differs(k))
}

/// Whether array `b` is array `a` (direct, or a reference) plus only
/// signature fields or widgets.
fn grows_by<'a>(a: Option<&Spanned>, b: Option<&Spanned>, is_sig: &impl Fn(&Spanned) -> bool, lookup: &impl Fn(u32) -> Option<&'a Object>) -> bool {
    let resolve = |v: Option<&Spanned>| -> Option<Vec<Spanned>> {
        match &v?.obj {
            Obj::Array(items) => Some(items.clone()),
            Obj::Ref(n, _) => match &lookup(*n)?.value.obj {
                Obj::Array(items) => Some(items.clone()),
                _ => None,
            },
            _ => None,
        }
    };
    let old = resolve(a).unwrap_or_default();
    let Some(new) = resolve(b) else { return a.is_none() || old.is_empty() };
    old.iter().all(|o| new.iter().any(|n| same(o, n))) && new.iter().filter(|n| !old.iter().any(|o| same(o, n))).all(is_sig)
}
