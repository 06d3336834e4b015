//! Signing a permit PDF: PAdES baseline B-B, as an incremental update.
//!
//! The original bytes stay as they were, so earlier signatures stay valid.
//! The update adds a signature field (invisible, or a visible stamp with the
//! agency's name and the date), a signature dictionary whose `/Contents` is
//! an `ETSI.CAdES.detached` CMS over the whole file but itself, and, for a
//! certification, the `/Perms /DocMDP` entry saying what may change later.
//!
//! The caller gives the time: the core has no clock (it runs in browsers).

use der::DateTime;

use eservice_base::lang::Lang;
use eservice_base::thai_date::thai_time;

use crate::pdf::document::{Document, OpenProblem};
use crate::pdf::lexer::{Obj, Spanned};
use crate::pdf::update::{value, with, write, Update};
use crate::signature::cms::Revocation;
use crate::signature::asn1::Malformed;
use crate::signature::tsp::{self, TspProblem};
use crate::signature::writer::{signed_data, signed_data_stamped};
use crate::signature::pkcs12::{self, P12Problem};
use crate::signature::pem::{self, PemProblem};
use crate::signature::{Certificate, KeyProblem, PrivateKey};

/// A key with its certificate, and the certificates up to the agency's CA.
pub struct Signer {
    key: PrivateKey,
    cert: Certificate,
    chain: Vec<Vec<u8>>,
    /// CRLs and OCSP answers for the chain, signed into each signature.
    revocation: Revocation,
}

/// A visible stamp: page (from 1) and rectangle in points from the page's
/// lower left corner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub page: usize,
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl Stamp {
    /// `PAGE,X,Y,W,H`, as the CLI takes it.
    pub fn parse(s: &str) -> Option<Stamp> {
        let n: Vec<u32> = s.split(',').map(|p| p.trim().parse().ok()).collect::<Option<_>>()?;
        match n[..] {
            [page, x, y, width, height] if page >= 1 && width >= 20 && height >= 10 => Some(Stamp { page: page as usize, x, y, width, height }),
            _ => None,
        }
    }
}

/// What a certification allows afterwards (DocMDP `/P`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certify {
    /// No changes at all.
    NoChanges = 1,
    /// Form filling and more signatures.
    FormFillingAndSigning = 2,
}

/// A time-stamp authority to ask for a token over the signature value
/// (PAdES B-T). `send` carries an RFC 3161 request to it and brings back
/// its answer, or says why not; `nonce` is fresh randomness per signature.
#[derive(Clone, Copy)]
pub struct Tsa<'a> {
    pub nonce: [u8; 8],
    pub send: &'a dyn Fn(&[u8]) -> Result<Vec<u8>, String>,
}

impl std::fmt::Debug for Tsa<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tsa")
    }
}

#[derive(Clone, Debug, Default)]
pub struct Options<'a> {
    pub reason: Option<String>,
    pub location: Option<String>,
    pub stamp: Option<Stamp>,
    pub certify: Option<Certify>,
    /// Seconds since 1970 (UTC); written as Thai time in `/M`.
    pub time: u64,
    /// A TrueType font for the stamp (Thai); Helvetica without one.
    pub font: Option<&'a [u8]>,
    /// A time-stamp authority: the signature gets its token (B-T).
    pub tsa: Option<Tsa<'a>>,
}

/// Why a PDF was not signed. Nothing is written when signing fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignError {
    Open(OpenProblem),
    Key(KeyProblem),
    P12(P12Problem),
    KeyMismatch,
    NotACertificate,
    /// The certificate file's PEM is broken, or holds no certificate.
    CertificatePem(PemProblem),
    /// The chain file's PEM is broken, or holds no certificate.
    ChainPem(PemProblem),
    PageOutOfRange { page: usize, pages: usize },
    /// A certification signature allows no further changes.
    Locked,
    /// A certification must be the document's first signature.
    CertifyAfterSignature,
    /// The file is so damaged that a signature added to it would not be
    /// found where it is: refused rather than written.
    Unplaceable,
    Failed,
    /// The time-stamp authority gave no usable token.
    Tsa(TspProblem),
}

impl From<Malformed> for SignError {
    fn from(_: Malformed) -> Self {
        SignError::Failed
    }
}

impl SignError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SignError::Open(OpenProblem::NotPdf) => lang.pick("ไฟล์นี้ไม่ใช่ PDF", "This file is not a PDF").into(),
            SignError::Open(OpenProblem::Encrypted) => {
                lang.pick("PDF นี้ถูกเข้ารหัส (มีรหัสผ่าน) จึงลงนามไม่ได้ กรุณาบันทึกใหม่โดยไม่ตั้งรหัสผ่าน", "This PDF is encrypted (password-protected) and cannot be signed; save it again without a password").into()
            }
            SignError::Open(OpenProblem::BrokenXref) => lang
                .pick(
                    "ตารางอ้างอิงวัตถุ (xref) ของ PDF นี้เสีย จึงต่อท้ายลายมือชื่ออย่างปลอดภัยไม่ได้ กรุณาพิมพ์หรือส่งออกเป็น PDF ใหม่แล้วลองอีกครั้ง",
                    "This PDF's cross-reference table (xref) is broken, so a signature cannot be appended safely; print or export it to PDF again and retry",
                )
                .into(),
            SignError::Open(OpenProblem::NoPages) => lang.pick("PDF นี้ไม่มีหน้าที่อ่านได้", "This PDF has no readable pages").into(),
            SignError::Key(KeyProblem::NotAKey) => lang.pick("ไฟล์กุญแจไม่ใช่กุญแจส่วนตัว (PEM หรือ DER: PKCS#8, SEC1, PKCS#1)", "The key file is not a private key (PEM or DER: PKCS#8, SEC1, PKCS#1)").into(),
            SignError::Key(KeyProblem::Encrypted) => lang.pick("กุญแจส่วนตัวถูกเข้ารหัส กรุณาใช้ไฟล์ .p12 พร้อมรหัสผ่านแทน", "The private key is encrypted; use the .p12 file with its password instead").into(),
            SignError::Key(KeyProblem::Pem(p)) => format!("{}: {}", lang.pick("ไฟล์กุญแจส่วนตัวอ่านไม่ได้", "The key file cannot be read"), p.message(lang)),
            SignError::Key(KeyProblem::Unsupported(k)) => match lang {
                Lang::Th => format!("ยังไม่รองรับกุญแจชนิด {k} (รองรับ P-256 และ RSA 2048–4096 บิต)"),
                Lang::En => format!("{k} keys are not supported (P-256 and RSA 2048–4096 bit are)"),
            },
            SignError::P12(P12Problem::WrongPassword) => lang.pick("รหัสผ่านของไฟล์ .p12 ไม่ถูกต้อง", "Wrong password for the .p12 file").into(),
            SignError::P12(P12Problem::NotP12) => lang.pick("ไฟล์นี้ไม่ใช่ไฟล์ PKCS#12 (.p12/.pfx) หรือไฟล์เสีย", "This file is not a PKCS#12 (.p12/.pfx) file, or it is damaged").into(),
            SignError::P12(P12Problem::NoKey) => lang.pick("ไฟล์ .p12 นี้ไม่มีกุญแจส่วนตัว", "This .p12 file holds no private key").into(),
            SignError::P12(P12Problem::Unsupported(what)) => match lang {
                Lang::Th => format!("ไฟล์ .p12 ใช้การเข้ารหัสที่ยังไม่รองรับ ({what}) กรุณาส่งออกใหม่ด้วย AES-256"),
                Lang::En => format!("The .p12 file uses an encryption the kit does not read ({what}); export it again with AES-256"),
            },
            SignError::P12(P12Problem::Key(k)) => SignError::Key(k.clone()).message(lang),
            SignError::KeyMismatch => lang.pick("กุญแจส่วนตัวไม่ตรงกับใบรับรอง", "The private key does not match the certificate").into(),
            SignError::NotACertificate => lang.pick("ไฟล์ใบรับรองไม่ใช่ใบรับรอง X.509", "The certificate file is not an X.509 certificate").into(),
            SignError::CertificatePem(p) => format!("{}: {}", lang.pick("ไฟล์ใบรับรองอ่านไม่ได้", "The certificate file cannot be read"), p.message(lang)),
            SignError::ChainPem(p) => format!("{}: {}", lang.pick("ไฟล์ใบรับรองของผู้ออก (chain) อ่านไม่ได้", "The chain file cannot be read"), p.message(lang)),
            SignError::PageOutOfRange { page, pages } => match lang {
                Lang::Th => format!("ไม่มีหน้าที่ {page}: PDF นี้มี {pages} หน้า"),
                Lang::En => format!("There is no page {page}: this PDF has {pages} pages"),
            },
            SignError::Locked => lang
                .pick("PDF นี้ได้รับการรับรองแบบห้ามแก้ไข (DocMDP P=1) การลงนามเพิ่มจะทำให้การรับรองเดิมเสีย", "This PDF is certified with no changes allowed (DocMDP P=1); another signature would break that certification")
                .into(),
            SignError::CertifyAfterSignature => lang
                .pick("PDF นี้มีลายมือชื่ออยู่แล้ว การรับรองเอกสาร (certify) ต้องเป็นลายมือชื่อแรก ลงนามแบบปกติแทน", "This PDF is already signed; a certification must be the first signature, so sign without certifying")
                .into(),
            SignError::Unplaceable => lang
                .pick(
                    "โครงสร้างของ PDF นี้เสียหาย ลายมือชื่อที่เพิ่มเข้าไปจะตรวจสอบไม่ได้ กรุณาพิมพ์หรือส่งออกเป็น PDF ใหม่แล้วลองอีกครั้ง",
                    "This PDF's structure is damaged: a signature added to it could not be verified; print or export it to PDF again and retry",
                )
                .into(),
            SignError::Failed => lang.pick("ลงนามไม่สำเร็จ: สร้างลายมือชื่อไม่ได้", "Signing failed: the signature could not be made").into(),
            SignError::Tsa(p) => p.message(lang),
        }
    }
}

/// Something to tell the signer before they sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignWarning {
    Expired(DateTime),
    NotYetValid(DateTime),
}

impl SignWarning {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SignWarning::Expired(t) => match lang {
                Lang::Th => format!("ใบรับรองหมดอายุแล้วเมื่อ {}: ผู้ตรวจสอบจะไม่เชื่อถือลายมือชื่อนี้", crate::verification::show_time(*t)),
                Lang::En => format!("The certificate expired on {}: verifiers will not trust this signature", crate::verification::show_time(*t)),
            },
            SignWarning::NotYetValid(t) => match lang {
                Lang::Th => format!("ใบรับรองยังไม่เริ่มใช้จนถึง {}", crate::verification::show_time(*t)),
                Lang::En => format!("The certificate is not valid until {}", crate::verification::show_time(*t)),
            },
        }
    }
}

impl Signer {
    pub fn new(key: PrivateKey, cert_der: &[u8], chain: Vec<Vec<u8>>) -> Result<Self, SignError> {
        let cert = Certificate::from_der(cert_der).map_err(|_| SignError::NotACertificate)?;
        if !key.matches(&cert) {
            return Err(SignError::KeyMismatch);
        }
        let chain = chain.into_iter().filter(|c| *c != cert.der).collect();
        Ok(Signer { key, cert, chain, revocation: Revocation::default() })
    }

    /// A key and the certificates given with it, in any order: the one
    /// that certifies the key is the signer's, the rest its chain.
    pub fn from_key_and_certificates(key: PrivateKey, certs: Vec<Vec<u8>>) -> Result<Self, SignError> {
        if certs.is_empty() {
            return Err(SignError::NotACertificate);
        }
        let own = certs.iter().position(|c| Certificate::from_der(c).is_ok_and(|c| key.matches(&c))).ok_or(SignError::KeyMismatch)?;
        let cert = certs[own].clone();
        Signer::new(key, &cert, certs)
    }

    /// From PEM or DER files: a private key, its certificate, and
    /// optionally the chain (one or more certificates).
    pub fn from_files(key: &[u8], cert: &[u8], chain: Option<&[u8]>) -> Result<Self, SignError> {
        let key = PrivateKey::from_bytes(key).map_err(SignError::Key)?;
        let mut certs = pem::certificates(cert).map_err(SignError::CertificatePem)?;
        if certs.is_empty() {
            return Err(SignError::NotACertificate);
        }
        if let Some(chain) = chain {
            certs.extend(pem::certificates(chain).map_err(SignError::ChainPem)?);
        }
        Signer::from_key_and_certificates(key, certs)
    }

    /// From a PKCS#12 file and its password.
    pub fn from_p12(p12: &[u8], password: &str) -> Result<Self, SignError> {
        let c = pkcs12::open(p12, password).map_err(SignError::P12)?;
        Signer::from_key_and_certificates(c.key, c.certificates)
    }

    pub fn certificate(&self) -> &Certificate {
        &self.cert
    }

    /// The certificates given with the key besides its own (its chain),
    /// those that can be read.
    pub fn chain_certificates(&self) -> Vec<Certificate> {
        self.chain.iter().filter_map(|c| Certificate::from_der(c).ok()).collect()
    }

    /// Signs CRLs and OCSP responses (DER) into every signature
    /// (`adbe-revocationInfoArchival`), so a verifier can check the chain
    /// offline, as it stood at the signing time.
    pub fn with_revocation(mut self, revocation: Revocation) -> Self {
        self.revocation = revocation;
        self
    }

    /// What the signer should know before signing at `now`.
    pub fn warnings(&self, now: u64) -> Vec<SignWarning> {
        let Ok(now) = DateTime::from_unix_duration(std::time::Duration::from_secs(now)) else { return Vec::new() };
        let mut out = Vec::new();
        if now > self.cert.not_after {
            out.push(SignWarning::Expired(self.cert.not_after));
        }
        if now < self.cert.not_before {
            out.push(SignWarning::NotYetValid(self.cert.not_before));
        }
        out
    }

    /// A detached CMS signature over `content` (receipts and other
    /// non-PDF documents), with the same attributes as a PDF signature.
    pub fn sign_detached(&self, content: &[u8]) -> Option<Vec<u8>> {
        signed_data(&[content], &self.key, &self.cert.der, &self.chain, &self.revocation).ok()
    }

    /// The name a stamp shows: the agency (organization), else the common name.
    pub fn display_name(&self) -> String {
        self.cert.organization.clone().or_else(|| self.cert.common_name.clone()).unwrap_or_else(|| self.cert.display_name())
    }
}

/// Who makes what is appended: a signer's signature, or a time-stamp
/// authority's document time-stamp.
#[derive(Clone, Copy)]
enum By<'s> {
    Signer(&'s Signer),
    Tsa(Tsa<'s>),
}

/// `pdf` with `signer`'s signature appended.
pub fn sign(pdf: &[u8], signer: &Signer, opts: &Options<'_>) -> Result<Vec<u8>, SignError> {
    append(pdf, By::Signer(signer), opts)
}

/// `pdf` with a document time-stamp from `tsa` appended (PAdES B-LTA, over
/// the DSS before it): proof that everything before it existed by then.
pub fn timestamp_document(pdf: &[u8], tsa: Tsa<'_>) -> Result<Vec<u8>, SignError> {
    append(pdf, By::Tsa(tsa), &Options::default())
}

fn append(pdf: &[u8], by: By<'_>, opts: &Options<'_>) -> Result<Vec<u8>, SignError> {
    let doc = Document::open(pdf).map_err(SignError::Open)?;
    let existing: Vec<_> = crate::pdf::find_signatures_in(pdf, &doc.section).into_iter().flatten().collect();
    // A document time-stamp changes nothing certified: PAdES allows it
    // under every DocMDP level, as it allows the DSS.
    if matches!(by, By::Signer(_)) && existing.iter().any(|s| s.docmdp == Some(1)) {
        return Err(SignError::Locked);
    }
    if opts.certify.is_some() && !existing.is_empty() {
        return Err(SignError::CertifyAfterSignature);
    }
    let pages = doc.pages();
    let page_no = opts.stamp.map_or(1, |s| s.page);
    let page = *pages.get(page_no.wrapping_sub(1)).ok_or(SignError::PageOutOfRange { page: page_no, pages: pages.len() })?;
    let catalog = doc.catalog().ok_or(SignError::Open(OpenProblem::NoPages))?.obj.clone();

    let mut up = Update::new(&doc);
    let sig = up.allocate();
    let field = up.allocate();
    let placeholder = match by {
        By::Signer(signer) => placeholder_len(signer) + if opts.tsa.is_some() { TOKEN_ROOM } else { 0 },
        By::Tsa(_) => TOKEN_ROOM,
    };
    up.put(sig, 0, match by {
        By::Signer(signer) => signature_dictionary(signer, opts, placeholder),
        By::Tsa(_) => timestamp_dictionary(placeholder),
    });

    let mut widget = vec![
        (b"Type".to_vec(), value(Obj::Name(b"Annot".to_vec()))),
        (b"Subtype".to_vec(), value(Obj::Name(b"Widget".to_vec()))),
        (b"FT".to_vec(), value(Obj::Name(b"Sig".to_vec()))),
        (b"T".to_vec(), value(Obj::Str(field_name(&doc).into_bytes()))),
        (b"V".to_vec(), value(Obj::Ref(sig, 0))),
        (b"P".to_vec(), value(Obj::Ref(page, doc.object(page).map_or(0, |o| o.gen)))),
    ];
    match opts.stamp.zip(match by {
        By::Signer(signer) => Some(signer),
        By::Tsa(_) => None,
    }) {
        Some((s, signer)) => {
            let font = opts.font.and_then(crate::pdf::font::Font::parse);
            let ap = crate::pdf::stamp::appearance(&mut up, s.width, s.height, &signer.display_name(), opts.time, font.as_ref());
            let rect = [s.x, s.y, s.x + s.width, s.y + s.height].map(|n| value(Obj::Int(n as i64)));
            widget.push((b"Rect".to_vec(), value(Obj::Array(rect.to_vec()))));
            widget.push((b"F".to_vec(), value(Obj::Int(4))));
            widget.push((b"AP".to_vec(), value(Obj::Dict(vec![(b"N".to_vec(), value(Obj::Ref(ap, 0)))]))));
        }
        None => {
            widget.push((b"Rect".to_vec(), value(Obj::Array([0, 0, 0, 0].map(|n| value(Obj::Int(n))).to_vec()))));
            widget.push((b"F".to_vec(), value(Obj::Int(132))));
        }
    }
    up.replace(field, &Obj::Dict(widget));

    // The page lists the widget among its annotations.
    let page_obj = doc.object(page).map(|o| o.value.obj.clone()).unwrap_or(Obj::Dict(Vec::new()));
    let field_ref = value(Obj::Ref(field, 0));
    match page_obj_entry(&page_obj, b"Annots") {
        Some(Obj::Ref(n, _)) => up.replace(n, &appended(doc.object(n).map(|o| &o.value.obj), &field_ref)),
        inline => up.replace(page, &with(&page_obj, b"Annots", appended(inline.as_ref(), &field_ref))),
    }

    // The form lists the field; the catalog may carry the form inline.
    let mut new_catalog = catalog.clone();
    let form_of = |af: &Obj, up: &mut Update| -> Obj {
        let fields = match page_obj_entry(af, b"Fields") {
            Some(Obj::Ref(n, _)) => {
                up.replace(n, &appended(doc.object(n).map(|o| &o.value.obj), &field_ref));
                Obj::Ref(n, doc.object(n).map_or(0, |o| o.gen))
            }
            inline => appended(inline.as_ref(), &field_ref),
        };
        with(&with(af, b"Fields", fields), b"SigFlags", Obj::Int(3))
    };
    match page_obj_entry(&catalog, b"AcroForm") {
        Some(Obj::Ref(n, _)) => {
            let af = doc.object(n).map(|o| o.value.obj.clone()).unwrap_or(Obj::Dict(Vec::new()));
            let new_af = form_of(&af, &mut up);
            up.replace(n, &new_af);
        }
        inline => new_catalog = with(&new_catalog, b"AcroForm", form_of(&inline.unwrap_or(Obj::Dict(Vec::new())), &mut up)),
    }
    if opts.certify.is_some() {
        let perms = page_obj_entry(&catalog, b"Perms").map(|p| match p {
            Obj::Ref(n, _) => doc.object(n).map(|o| o.value.obj.clone()).unwrap_or(Obj::Dict(Vec::new())),
            other => other,
        });
        new_catalog = with(&new_catalog, b"Perms", with(&perms.unwrap_or(Obj::Dict(Vec::new())), b"DocMDP", Obj::Ref(sig, 0)));
    }
    if new_catalog != catalog {
        up.replace(doc.root, &new_catalog);
    }

    let (mut out, offsets) = up.finish();
    let ranges = fill_signature(&mut out, offsets[&sig], placeholder, by, opts.tsa)?;
    // What is written must verify: the new signature must be found, with its
    // ByteRange, by the same reading a verifier does.
    let found = crate::pdf::find_signatures(&out).into_iter().flatten().any(|s| s.byte_range == ranges && s.covers_whole_file);
    if !found {
        return Err(SignError::Unplaceable);
    }
    Ok(out)
}

/// An entry of a dictionary value, cloned.
fn page_obj_entry(dict: &Obj, key: &[u8]) -> Option<Obj> {
    match dict {
        Obj::Dict(e) => e.iter().find(|(k, _)| k == key).map(|(_, v)| v.obj.clone()),
        _ => None,
    }
}

/// `array` (or nothing) with `item` at the end.
fn appended(array: Option<&Obj>, item: &Spanned) -> Obj {
    let mut items = match array {
        Some(Obj::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    items.push(item.clone());
    Obj::Array(items)
}

/// `Signature1`, or the next number no field in the file uses.
fn field_name(doc: &Document<'_>) -> String {
    let taken = |name: &str| doc.section.objects.iter().any(|o| matches!(o.value.get(b"T").map(|t| &t.obj), Some(Obj::Str(s)) if s == name.as_bytes()));
    (1..).map(|i| format!("Signature{i}")).find(|n| !taken(n)).unwrap_or_default()
}

/// Bytes reserved for the CMS: the certificates, the signature and room
/// for the attributes; the hex in the file is twice this.
fn placeholder_len(signer: &Signer) -> usize {
    let certs: usize = signer.cert.der.len() + signer.chain.iter().map(Vec::len).sum::<usize>();
    let revocation: usize = signer.revocation.crls.iter().chain(&signer.revocation.ocsps).map(Vec::len).sum();
    certs + revocation + 2048
}

const BYTE_RANGE: &[u8] = b"/ByteRange [0 0000000000 0000000000 0000000000]";

/// `/Type /DocTimeStamp`, `/SubFilter /ETSI.RFC3161`: the token is the
/// contents, its time the authority's.
fn timestamp_dictionary(placeholder: usize) -> Vec<u8> {
    let d = vec![
        (b"Type".to_vec(), value(Obj::Name(b"DocTimeStamp".to_vec()))),
        (b"Filter".to_vec(), value(Obj::Name(b"Adobe.PPKLite".to_vec()))),
        (b"SubFilter".to_vec(), value(Obj::Name(b"ETSI.RFC3161".to_vec()))),
    ];
    with_range_and_contents(d, placeholder)
}

fn signature_dictionary(signer: &Signer, opts: &Options<'_>, placeholder: usize) -> Vec<u8> {
    let mut d = vec![
        (b"Type".to_vec(), value(Obj::Name(b"Sig".to_vec()))),
        (b"Filter".to_vec(), value(Obj::Name(b"Adobe.PPKLite".to_vec()))),
        (b"SubFilter".to_vec(), value(Obj::Name(b"ETSI.CAdES.detached".to_vec()))),
        (b"M".to_vec(), value(Obj::Str(pdf_date(opts.time).into_bytes()))),
    ];
    d.push((b"Name".to_vec(), value(Obj::Str(text_string(&signer.display_name())))));
    for (key, v) in [(&b"Reason"[..], &opts.reason), (b"Location", &opts.location)] {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            d.push((key.to_vec(), value(Obj::Str(text_string(v)))));
        }
    }
    if let Some(c) = opts.certify {
        let params = Obj::Dict(vec![
            (b"Type".to_vec(), value(Obj::Name(b"TransformParams".to_vec()))),
            (b"P".to_vec(), value(Obj::Int(c as i64))),
            (b"V".to_vec(), value(Obj::Name(b"1.2".to_vec()))),
        ]);
        let reference = Obj::Dict(vec![
            (b"Type".to_vec(), value(Obj::Name(b"SigRef".to_vec()))),
            (b"TransformMethod".to_vec(), value(Obj::Name(b"DocMDP".to_vec()))),
            (b"TransformParams".to_vec(), value(params)),
        ]);
        d.push((b"Reference".to_vec(), value(Obj::Array(vec![value(reference)]))));
    }
    with_range_and_contents(d, placeholder)
}

/// The dictionary `d`, then a /ByteRange and /Contents to fill in.
fn with_range_and_contents(d: Vec<(Vec<u8>, Spanned)>, placeholder: usize) -> Vec<u8> {
    let mut body = Vec::new();
    write(&Obj::Dict(d), &mut body);
    body.truncate(body.len() - 2);
    body.extend_from_slice(BYTE_RANGE);
    body.extend_from_slice(b"/Contents <");
    body.resize(body.len() + placeholder * 2, b'0');
    body.extend_from_slice(b">>>");
    body
}

/// Fills in `/ByteRange` and `/Contents` of the signature dictionary at `at`.
/// A token from `tsa` over `data`.
fn stamp(tsa: Tsa<'_>, data: &[&[u8]]) -> Result<Vec<u8>, SignError> {
    let answer = (tsa.send)(&tsp::request(data, &tsa.nonce)).map_err(|why| SignError::Tsa(TspProblem::Unreachable(why)))?;
    tsp::token(&answer, data, &tsa.nonce).map_err(SignError::Tsa)
}

/// Room for a time-stamp token: its TSTInfo, signature and the authority's
/// certificates (a chain of three RSA-4096 certificates is about 6 KB).
const TOKEN_ROOM: usize = 16 * 1024;

fn fill_signature(out: &mut [u8], at: usize, placeholder: usize, by: By<'_>, tsa: Option<Tsa<'_>>) -> Result<[usize; 4], SignError> {
    let find = |needle: &[u8]| crate::pdf::revisions::find(&out[at..], needle).map(|i| at + i);
    let br = find(BYTE_RANGE).ok_or(SignError::Failed)?;
    let contents = find(b"/Contents <").ok_or(SignError::Failed)? + b"/Contents ".len();
    let after = contents + 2 + placeholder * 2;
    let ranges = [0, contents, after, out.len() - after];
    let text = format!("/ByteRange [{} {} {} {}]", ranges[0], ranges[1], ranges[2], ranges[3]);
    if text.len() > BYTE_RANGE.len() {
        return Err(SignError::Failed);
    }
    out[br..br + BYTE_RANGE.len()].copy_from_slice(format!("{text:<width$}", width = BYTE_RANGE.len()).as_bytes());
    let parts: [&[u8]; 2] = [&out[..contents], &out[after..]];
    let cms = match by {
        By::Signer(signer) => {
            let token_over = tsa.map(|t| move |sig: &[u8]| stamp(t, &[sig]));
            signed_data_stamped(&parts, &signer.key, &signer.cert.der, &signer.chain, &signer.revocation, token_over)?
        }
        By::Tsa(t) => stamp(t, &parts)?,
    };
    if cms.len() > placeholder {
        return Err(SignError::Failed);
    }
    let hex = eservice_base::hash::hex(&cms);
    out[contents + 1..contents + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(ranges)
}

/// A PDF text string: PDFDocEncoding for ASCII, else UTF-16BE with a BOM.
pub fn text_string(s: &str) -> Vec<u8> {
    if s.is_ascii() {
        return s.as_bytes().to_vec();
    }
    let mut out = vec![0xfe, 0xff];
    for u in s.encode_utf16() {
        out.extend_from_slice(&u.to_be_bytes());
    }
    out
}

/// `D:YYYYMMDDHHmmSS+07'00'`: Thai time, as a clerk reads it.
pub fn pdf_date(unix: u64) -> String {
    let t = thai_time(unix);
    format!("D:{:04}{:02}{:02}{:02}{:02}{:02}+07'00'", t.year(), t.month(), t.day(), t.hour(), t.minutes(), t.seconds())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::testpdf::{one_page, one_page_xref_stream};
    use crate::signature::testkit::{ca_and_signer, crl, Issued};
    use crate::trust::{Agency, TrustList};
    use crate::verification::{verify, Verdict};
    use eservice_base::LocalText;

    const NOW: u64 = 1_795_752_000; // 2026-11-27 11:00 in Thailand

    /// A signer under `ca`, with the CA's CRL of the month signed in.
    fn signer_of(s: Issued, ca: &Issued) -> Signer {
        let at = |d| DateTime::new(2026, 11, d, 0, 0, 0).unwrap();
        let list = crl(ca, &ca.key, at(1), Some(at(30)), &[], &[]);
        Signer::new(s.key, &s.der, vec![ca.der.clone()]).unwrap().with_revocation(Revocation { crls: vec![list], ocsps: Vec::new() })
    }

    #[test]
    fn a_time_stamp_from_the_authority_makes_b_t_and_proves_the_time() {
        let (ca, s) = ca_and_signer();
        let signer = signer_of(s, &ca);
        let authority = crate::signature::testkit::tsa("Test TSA", 40, &ca);
        let stamped_at = DateTime::new(2026, 11, 27, 4, 0, 0).unwrap();
        let asked = std::cell::Cell::new(0);
        let send = |req: &[u8]| {
            asked.set(asked.get() + 1);
            Ok(crate::signature::testkit::tsa_answer(&authority, req, stamped_at))
        };
        let opts = Options { time: NOW, tsa: Some(Tsa { nonce: [0x85, 1, 2, 3, 4, 5, 6, 7], send: &send }), ..Options::default() };
        let signed = sign(&one_page(), &signer, &opts).unwrap();
        assert_eq!(asked.get(), 1);
        let now = DateTime::from_unix_duration(std::time::Duration::from_secs(NOW)).unwrap();
        let r = verify(&signed, &trust(&ca), None, now);
        let sig = &r.signatures[0];
        assert_eq!(r.verdict, Verdict::Valid, "{:?}", sig.revocation);
        let stamp = sig.stamp.as_ref().expect("the token is in the signature");
        assert_eq!((stamp.time, stamp.authority.as_str(), stamp.trust.is_ok()), (stamped_at, "Test TSA", true));
        assert_eq!(sig.time, Some((stamped_at, crate::verification::TimeSource::TimeStamp)), "the authority's time, not the claim");

        // A list that does not reach the authority: the token is no proof.
        let other = crate::signature::testkit::issue(&crate::signature::testkit::Spec::ca("Other Root", 41), None);
        let lone_tsa = crate::signature::testkit::tsa("Lone TSA", 42, &other);
        let send = |req: &[u8]| Ok(crate::signature::testkit::tsa_answer(&lone_tsa, req, stamped_at));
        let signed = sign(&one_page(), &signer, &Options { time: NOW, tsa: Some(Tsa { nonce: [9; 8], send: &send }), ..Options::default() }).unwrap();
        let r = verify(&signed, &trust(&ca), None, now);
        let sig = &r.signatures[0];
        assert!(sig.stamp.as_ref().unwrap().trust.is_err());
        assert_eq!(sig.time.unwrap().1, crate::verification::TimeSource::Claimed);
        // ...until the list names that authority's root.
        let mut with_tsa = trust(&ca);
        with_tsa.tsa.push(other.cert());
        assert!(verify(&signed, &with_tsa, None, now).signatures[0].stamp.as_ref().unwrap().trust.is_ok());
        // A certificate that is no TSA's, or an authority that will not answer.
        let not_tsa = crate::signature::testkit::issue(&crate::signature::testkit::Spec::signer("Not a TSA", "X", 43), Some(&ca));
        let send = |req: &[u8]| Ok(crate::signature::testkit::tsa_answer(&not_tsa, req, stamped_at));
        let signed = sign(&one_page(), &signer, &Options { time: NOW, tsa: Some(Tsa { nonce: [9; 8], send: &send }), ..Options::default() }).unwrap();
        assert!(matches!(verify(&signed, &trust(&ca), None, now).signatures[0].stamp.as_ref().unwrap().trust, Err(crate::trust::ChainProblem::NotTsa { .. })));
        let down = |_: &[u8]| Err("connection refused".to_owned());
        let e = sign(&one_page(), &signer, &Options { time: NOW, tsa: Some(Tsa { nonce: [9; 8], send: &down }), ..Options::default() }).unwrap_err();
        assert_eq!(e.message(Lang::En), "The time-stamp authority (TSA) could not be reached: connection refused");
        // An answer for another request (a replayed token) is refused.
        let replay = |_: &[u8]| Ok(crate::signature::testkit::tsa_answer(&authority, &tsp::request(&[b"another signature"], &[9; 8]), stamped_at));
        let e = sign(&one_page(), &signer, &Options { time: NOW, tsa: Some(Tsa { nonce: [9; 8], send: &replay }), ..Options::default() }).unwrap_err();
        assert_eq!(e, SignError::Tsa(TspProblem::NotOurs));
        let refused = |_: &[u8]| Ok(vec![0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02]);
        let e = sign(&one_page(), &signer, &Options { time: NOW, tsa: Some(Tsa { nonce: [9; 8], send: &refused }), ..Options::default() }).unwrap_err();
        assert_eq!(e.message(Lang::Th), "ผู้ให้บริการประทับเวลาปฏิเสธคำขอ (สถานะ 2)");
    }

    #[test]
    fn a_document_time_stamp_makes_b_lta() {
        let (ca, s) = ca_and_signer();
        let signer = signer_of(s, &ca);
        let authority = crate::signature::testkit::tsa("Test TSA", 47, &ca);
        let at = DateTime::new(2026, 11, 27, 5, 0, 0).unwrap();
        let send = |req: &[u8]| Ok(crate::signature::testkit::tsa_answer(&authority, req, at));
        let tsa = Tsa { nonce: [3; 8], send: &send };
        let signed = sign(&one_page(), &signer, &Options { certify: Some(Certify::NoChanges), time: NOW, ..Options::default() }).unwrap();
        let lta = timestamp_document(&signed, tsa).unwrap();
        assert!(lta.starts_with(&signed));
        let now = DateTime::from_unix_duration(std::time::Duration::from_secs(NOW)).unwrap();
        let r = verify(&lta, &trust(&ca), None, now);
        assert_eq!(r.verdict, Verdict::Valid, "a time-stamp is allowed even under DocMDP P=1: {:?}", r.signatures[0].later.problems);
        assert!(r.signatures[1].is_timestamp && r.signatures[1].sub_filter.as_deref() == Some("ETSI.RFC3161"));
        assert!(r.signatures[1].stamp.as_ref().is_some_and(|st| st.trust.is_ok() && st.time == at));
        assert_eq!(r.signatures[0].poe, Some(at));
        assert_eq!(r.signatures[0].later.timestamps, 1);
        // A signature after it would break P=1; a second time-stamp does not.
        assert_eq!(sign(&lta, &signer, &Options { time: NOW, ..Options::default() }).unwrap_err(), SignError::Locked);
        assert!(timestamp_document(&lta, tsa).is_ok());
    }

    #[test]
    fn without_revocation_data_the_chain_is_not_called_checked() {
        let (ca, s) = ca_and_signer();
        let bare = Signer::new(s.key, &s.der, vec![ca.der.clone()]).unwrap();
        let signed = sign(&one_page(), &bare, &Options { time: NOW, ..Options::default() }).unwrap();
        assert_eq!(verdicts(&signed, &ca), vec![Verdict::RevocationUnchecked]);
        let now = DateTime::from_unix_duration(std::time::Duration::from_secs(NOW)).unwrap();
        let r = verify(&signed, &trust(&ca), None, now);
        assert_eq!(r.signatures[0].indication(), ("INDETERMINATE", Some("TRY_LATER")));
        assert!(!r.passes() && r.passes_unchecked_revocation());
        // The same signature with the CRL added afterwards, in the DSS.
        let list = crl(&ca, &ca.key, DateTime::new(2026, 11, 1, 0, 0, 0).unwrap(), Some(DateTime::new(2026, 11, 30, 0, 0, 0).unwrap()), &[], &[]);
        let ltv = crate::pdf::dss::append(&signed, &crate::pdf::dss::Dss { crls: vec![list], ..Default::default() }).unwrap();
        let r = verify(&ltv, &trust(&ca), None, now);
        assert_eq!((r.verdict, r.signatures[0].indication()), (Verdict::Valid, ("TOTAL-PASSED", None)));
        assert!(r.signatures[0].later.dss && r.passes());
        // A comment after the DSS's revision is still said aloud.
        let mut commented = ltv.clone();
        commented.extend_from_slice(b"% note\n");
        let r = verify(&commented, &trust(&ca), None, now);
        assert_eq!((r.verdict, r.uncovered_comments()), (Verdict::Valid, Some(7)));
    }

    fn trust(ca: &Issued) -> TrustList {
        TrustList { agencies: vec![Agency { name: LocalText::new("กรมทดสอบ", "Department of Testing"), certificates: vec![Certificate::from_der(&ca.der).unwrap()] }], national: Vec::new(), ..Default::default() }
    }

    fn verdicts(pdf: &[u8], ca: &Issued) -> Vec<Verdict> {
        let now = DateTime::from_unix_duration(std::time::Duration::from_secs(NOW)).unwrap();
        verify(pdf, &trust(ca), None, now).signatures.iter().map(|s| s.verdict()).collect()
    }

    #[test]
    fn signs_classic_and_xref_stream_files_and_keeps_the_original_bytes() {
        for original in [one_page(), one_page_xref_stream()] {
            let (ca, s) = ca_and_signer();
            let signer = signer_of(s, &ca);
            let opts = Options { reason: Some("ออกใบอนุญาต".into()), time: NOW, ..Options::default() };
            let signed = sign(&original, &signer, &opts).unwrap();
            assert!(signed.starts_with(&original));
            assert_eq!(verdicts(&signed, &ca), vec![Verdict::Valid]);
            let doc = Document::open(&signed).unwrap();
            assert_eq!(doc.pages().len(), 1, "the update keeps the page tree readable");
            assert_eq!(doc.xref_stream, Document::open(&original).unwrap().xref_stream);
        }
    }

    #[test]
    fn a_second_signature_keeps_the_first_valid() {
        let (ca, s) = ca_and_signer();
        let signer = signer_of(s, &ca);
        let stamp = Stamp::parse("1,350,60,200,60");
        let once = sign(&one_page(), &signer, &Options { stamp, certify: Some(Certify::FormFillingAndSigning), time: NOW, ..Options::default() }).unwrap();
        let twice = sign(&once, &signer, &Options { time: NOW + 60, ..Options::default() }).unwrap();
        assert_eq!(verdicts(&twice, &ca), vec![Verdict::Valid, Verdict::Valid]);
        assert!(String::from_utf8_lossy(&twice).contains("/T <5369676e617475726532>"), "the second field is Signature2");
    }

    #[test]
    fn a_thai_stamp_embeds_its_font_and_stays_valid() {
        let (ca, s) = ca_and_signer();
        let signer = signer_of(s, &ca);
        let font = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/fonts/Garuda.ttf")).unwrap();
        let opts = Options { stamp: Stamp::parse("1,300,40,240,70"), time: NOW, font: Some(&font), ..Options::default() };
        let signed = sign(&one_page(), &signer, &opts).unwrap();
        assert_eq!(verdicts(&signed, &ca), vec![Verdict::Valid]);
        let text = String::from_utf8_lossy(&signed);
        assert!(text.contains("/Subtype/Type0") && text.contains("/FontFile2") && text.contains("/ToUnicode"));
        // The Buddhist-era year, as the stamp's ToUnicode map spells it out.
        assert!(text.contains("<0E01>"), "Thai glyphs are mapped back to text");
    }

    #[test]
    fn refusals_are_named() {
        let (ca, s) = ca_and_signer();
        let (_, other) = ca_and_signer();
        let signer = signer_of(s, &ca);
        let at = |opts: Options| sign(&one_page(), &signer, &Options { time: NOW, ..opts }).unwrap_err();
        assert_eq!(at(Options { stamp: Stamp::parse("3,0,0,100,50"), ..Options::default() }), SignError::PageOutOfRange { page: 3, pages: 1 });
        let locked = sign(&one_page(), &signer, &Options { certify: Some(Certify::NoChanges), time: NOW, ..Options::default() }).unwrap();
        assert_eq!(sign(&locked, &signer, &Options::default()).unwrap_err(), SignError::Locked);
        let signed = sign(&one_page(), &signer, &Options::default()).unwrap();
        assert_eq!(sign(&signed, &signer, &Options { certify: Some(Certify::NoChanges), ..Options::default() }).unwrap_err(), SignError::CertifyAfterSignature);
        let wrong = crate::signature::PrivateKey::p256_from_seed(&[77; 32]).unwrap();
        assert!(matches!(Signer::new(wrong, &other.der, vec![]), Err(SignError::KeyMismatch)));
        assert_eq!(SignError::Locked.message(Lang::En), "This PDF is certified with no changes allowed (DocMDP P=1); another signature would break that certification");
    }

    #[test]
    fn broken_pem_files_are_named() {
        let (ca, s) = ca_and_signer();
        let key = crate::signature::PrivateKey::p256_from_seed(&[7; 32]).unwrap().p256_pkcs8().unwrap();
        let (key_pem, cert_pem) = (pem::encode("PRIVATE KEY", &key), pem::encode("CERTIFICATE", &s.der));
        let swapped = Signer::from_files(cert_pem.as_bytes(), key_pem.as_bytes(), None).err().unwrap();
        assert_eq!(swapped.message(Lang::En), "The key file cannot be read: found CERTIFICATE where PRIVATE KEY was expected");
        assert_eq!(swapped.message(Lang::Th), "ไฟล์กุญแจส่วนตัวอ่านไม่ได้: พบ CERTIFICATE แต่ต้องการ PRIVATE KEY");
        let chain = pem::encode("CERTIFICATE", &ca.der).replacen('\n', "\nQQ==", 1);
        let e = Signer::from_files(key_pem.as_bytes(), cert_pem.as_bytes(), Some(chain.as_bytes())).err().unwrap();
        assert_eq!(e, SignError::ChainPem(PemProblem::PaddingInMiddle { line: 2, column: 3 }));
        assert_eq!(e.message(Lang::En), "The chain file cannot be read: the padding '=' at line 2, column 3 is in the middle (it may only come last)");
        let e = Signer::from_files(key_pem.as_bytes(), b"-----BEGIN CERTIFICATE-----\nMIIB\n", None).err().unwrap();
        assert_eq!(e, SignError::CertificatePem(PemProblem::Unterminated { label: "CERTIFICATE".into(), line: 1 }));
    }

    #[test]
    fn an_expired_certificate_is_warned_of() {
        let (ca, s) = ca_and_signer();
        let signer = signer_of(s, &ca);
        assert!(signer.warnings(NOW).is_empty());
        let w = signer.warnings(2_600_000_000);
        assert!(matches!(w[..], [SignWarning::Expired(_)]));
        assert!(w[0].message(Lang::En).starts_with("The certificate expired on 2049"));
    }

    #[test]
    fn thai_time_and_text_strings() {
        assert_eq!(pdf_date(NOW), "D:20261127110000+07'00'");
        assert_eq!(text_string("ab"), b"ab");
        assert_eq!(text_string("ก"), [0xfe, 0xff, 0x0e, 0x01]);
    }
}
