//! The Document Security Store (PAdES, ISO 32000-2 §12.8.4.3): the
//! certificates, CRLs and OCSP responses a document carries so that its
//! signatures can be validated offline, years later.
//!
//! [`read`] takes the DSS of the latest catalog, with the per-signature VRI
//! entries merged in; [`append`] adds validation data in an incremental
//! update, keeping what was there, as `eservice ltv-update` and the tests do.

use super::document::{Document, OpenProblem};
use super::lexer::{Obj, Spanned};
use super::objects::{inflate, Object, Section};
use super::update::{value, with, write, Update};

/// A DSS entry holds no more than this many items: real ones hold a few.
const MAX_ITEMS: usize = 1000;

/// What a DSS holds, as DER.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dss {
    pub certs: Vec<Vec<u8>>,
    pub crls: Vec<Vec<u8>>,
    pub ocsps: Vec<Vec<u8>>,
}

impl Dss {
    pub fn is_empty(&self) -> bool {
        self.certs.is_empty() && self.crls.is_empty() && self.ocsps.is_empty()
    }
}

/// The DSS of the latest revision's catalog; empty when there is none.
pub fn read(pdf: &[u8], doc: &Section) -> Dss {
    let index = doc.index(0..pdf.len());
    let lookup = |n: u32| index.get(&n).copied();
    let resolve = |v: &Spanned| -> Option<Spanned> {
        match v.obj {
            Obj::Ref(n, _) => lookup(n).map(|o| o.value.clone()),
            _ => Some(v.clone()),
        }
    };
    let mut out = Dss::default();
    let Some(catalog) = doc.trailer_ref(b"Root", 0..pdf.len()).and_then(lookup) else { return out };
    let Some(dss) = catalog.value.get(b"DSS").and_then(resolve) else { return out };
    let mut take = |dict: &Spanned, keys: [&[u8]; 3]| {
        for (key, into) in keys.into_iter().zip([&mut out.certs, &mut out.crls, &mut out.ocsps]) {
            let Some(Spanned { obj: Obj::Array(items), .. }) = dict.get(key).and_then(resolve) else { continue };
            for item in items.iter().take(MAX_ITEMS) {
                if let Obj::Ref(n, _) = item.obj {
                    if let Some(data) = lookup(n).and_then(|o| stream_data(pdf, o)) {
                        if !into.contains(&data) {
                            into.push(data);
                        }
                    }
                }
            }
        }
    };
    take(&dss, [b"Certs", b"CRLs", b"OCSPs"]);
    if let Some(Spanned { obj: Obj::Dict(vri), .. }) = dss.get(b"VRI").and_then(resolve) {
        for (_, entry) in vri.iter().take(MAX_ITEMS) {
            if let Some(entry) = resolve(entry) {
                take(&entry, [b"Cert", b"CRL", b"OCSP"]);
            }
        }
    }
    out
}

/// A stream's data, unfiltered or FlateDecode (as DSS writers use).
fn stream_data(pdf: &[u8], o: &Object) -> Option<Vec<u8>> {
    let raw = pdf.get(o.stream.clone()?)?;
    match o.value.get(b"Filter").map(|f| &f.obj) {
        None => Some(raw.to_vec()),
        Some(Obj::Name(n)) if n == b"FlateDecode" => inflate(raw),
        Some(Obj::Array(a)) if a.len() == 1 && a[0].obj == Obj::Name(b"FlateDecode".to_vec()) => inflate(raw),
        _ => None,
    }
}

/// `pdf` with `add` merged into its DSS, in an incremental update: items
/// already there are not written twice.
pub fn append(pdf: &[u8], add: &Dss) -> Result<Vec<u8>, OpenProblem> {
    let doc = Document::open(pdf)?;
    let have = read(pdf, &doc.section);
    let catalog = doc.catalog().ok_or(OpenProblem::NoPages)?.obj.clone();
    let old = catalog_dss(&doc);
    let mut up = Update::new(&doc);
    let mut dict = vec![(b"Type".to_vec(), value(Obj::Name(b"DSS".to_vec())))];
    for (key, items, known) in [(&b"Certs"[..], &add.certs, &have.certs), (b"CRLs", &add.crls, &have.crls), (b"OCSPs", &add.ocsps, &have.ocsps)] {
        let mut refs: Vec<Spanned> = match old.as_ref().and_then(|d| d.get(key)).map(|v| doc.resolve(v)) {
            Some(Spanned { obj: Obj::Array(a), .. }) => a.clone(),
            _ => Vec::new(),
        };
        for data in items.iter().filter(|d| !known.contains(d)) {
            let num = up.allocate();
            let mut body = Vec::new();
            write(&Obj::Dict(vec![(b"Length".to_vec(), value(Obj::Int(data.len() as i64)))]), &mut body);
            body.extend_from_slice(b"\nstream\n");
            body.extend_from_slice(data);
            body.extend_from_slice(b"\nendstream");
            up.put(num, 0, body);
            refs.push(value(Obj::Ref(num, 0)));
        }
        if !refs.is_empty() {
            dict.push((key.to_vec(), value(Obj::Array(refs))));
        }
    }
    if let Some(vri) = old.as_ref().and_then(|d| d.get(b"VRI")) {
        dict.push((b"VRI".to_vec(), vri.clone()));
    }
    let dss_num = up.allocate();
    let mut body = Vec::new();
    write(&Obj::Dict(dict), &mut body);
    up.put(dss_num, 0, body);
    up.replace(doc.root, &with(&catalog, b"DSS", Obj::Ref(dss_num, 0)));
    Ok(up.finish().0)
}

/// The catalog's DSS dictionary, resolved.
fn catalog_dss(doc: &Document<'_>) -> Option<Spanned> {
    Some(doc.resolve(doc.catalog()?.get(b"DSS")?).clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::objects::scan;
    use crate::pdf::testpdf::{one_page, one_page_xref_stream};

    fn dss_of(pdf: &[u8]) -> Dss {
        read(pdf, &scan(pdf, 0, pdf.len()))
    }

    #[test]
    fn validation_data_is_appended_then_read_back_and_merged() {
        for pdf in [one_page(), one_page_xref_stream()] {
            assert!(dss_of(&pdf).is_empty());
            let first = Dss { certs: vec![b"cert one".to_vec()], crls: vec![b"crl\nwith endstream inside".to_vec()], ocsps: vec![] };
            let once = append(&pdf, &first).unwrap();
            assert!(once.starts_with(&pdf), "an incremental update");
            assert_eq!(dss_of(&once), first);
            let second = Dss { certs: vec![b"cert one".to_vec(), b"cert two".to_vec()], crls: vec![], ocsps: vec![b"ocsp".to_vec()] };
            let twice = append(&once, &second).unwrap();
            let all = dss_of(&twice);
            assert_eq!(all.certs, [b"cert one".to_vec(), b"cert two".to_vec()], "kept, and not written twice");
            assert_eq!((all.crls.len(), all.ocsps.len()), (1, 1));
            let later = crate::pdf::changes::after(&twice, &scan(&twice, 0, twice.len()), pdf.len());
            assert!(later.dss && later.problems.is_empty(), "{:?}", later.problems);
        }
    }

    #[test]
    fn compressed_streams_and_vri_entries_are_read() {
        let pdf = one_page();
        let doc = Document::open(&pdf).unwrap();
        let mut up = Update::new(&doc);
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(b"a compressed crl", 6);
        let (crl, ocsp, vri, dss) = (up.allocate(), up.allocate(), up.allocate(), up.allocate());
        let mut body = format!("<</Length {}/Filter/FlateDecode>>\nstream\n", deflated.len()).into_bytes();
        body.extend_from_slice(&deflated);
        body.extend_from_slice(b"\nendstream");
        up.put(crl, 0, body);
        up.put(ocsp, 0, b"<</Length 4>>\nstream\nocsp\nendstream".to_vec());
        up.put(vri, 0, format!("<</OCSP[{ocsp} 0 R]>>").into_bytes());
        up.put(dss, 0, format!("<</Type/DSS/CRLs {crl} 0 R/VRI<</ABCDEF {vri} 0 R>>>>").into_bytes());
        // `/CRLs` given as a reference to an array.
        let arr = up.allocate();
        up.put(arr, 0, format!("[{crl} 0 R]").into_bytes());
        up.put(dss, 0, format!("<</Type/DSS/CRLs {arr} 0 R/VRI<</ABCDEF {vri} 0 R>>>>").into_bytes());
        up.replace(doc.root, &with(&doc.catalog().unwrap().obj, b"DSS", Obj::Ref(dss, 0)));
        let out = up.finish().0;
        let d = dss_of(&out);
        assert_eq!(d.crls, [b"a compressed crl".to_vec()]);
        assert_eq!(d.ocsps, [b"ocsp".to_vec()]);
    }
}
