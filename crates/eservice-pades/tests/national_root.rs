//! Signatures shaped like the signed Thai documents seen today, checked
//! against a national root: a chain made by OpenSSL (an independent
//! implementation) on the spot, shaped like the real one under the NRCA G1:
//! a root and an issuing CA, both RSA-4096 with sha512WithRSA, and document
//! signers with RSA-2048 or RSA-4096 keys. OpenSSL's `cms -sign` writes the
//! signature as those documents carry it: `adbe.pkcs7.detached`, SHA-256,
//! signed attributes contentType, signingTime and messageDigest only, the
//! chain embedded, no time-stamp and no DSS.

use std::path::PathBuf;
use std::process::Command;

use eservice_base::{Lang, LocalText};
use eservice_pades::signature::{pem, Certificate};
use eservice_pades::trust::{Agency, NationalRoot, TrustList};
use eservice_pades::verification::{verify, DateTime, Verdict};

const ORG: &str = "กรมทดสอบการค้า";
const ORG_ID: &str = "NTRTH-0994000000001";

struct Pki {
    dir: PathBuf,
    serial: std::cell::Cell<u32>,
}

/// What a certificate is for: an issuing CA signs with sha512WithRSA, as
/// INET CA - G1 does; a document signer's certificate with SHA-256.
#[derive(Clone, Copy)]
enum Role {
    Ca,
    Signer,
}

impl Pki {
    fn new(name: &str) -> Pki {
        let dir = std::env::temp_dir().join(format!("eservice-national-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("ext.cnf"),
            "[ca]\nbasicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n\
             [signer]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n",
        )
        .unwrap();
        let pki = Pki { dir, serial: std::cell::Cell::new(1) };
        pki.openssl(&[
            "req", "-x509", "-newkey", "rsa:4096", "-nodes", "-keyout", "root.key", "-out", "root.pem", "-sha512", "-days", "7300", "-set_serial", "1",
            "-subj", "/C=TH/O=Test Electronic Transactions Development Agency/OU=Test National Root Certification Authority/CN=Test National Root Certification Authority - G1",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ]);
        pki.issue("inet", "rsa:4096", "/C=TH/O=Test Internet Thailand/CN=Test INET CA - G1", "root", Role::Ca);
        pki
    }

    fn path(&self, file: &str) -> PathBuf {
        self.dir.join(file)
    }

    fn openssl(&self, args: &[&str]) {
        let out = Command::new("openssl").args(args).current_dir(&self.dir).output().expect("openssl on PATH (scripts/setup installs it)");
        assert!(out.status.success(), "openssl {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
    }

    /// A key and a certificate for `subject`, issued by `by`.
    fn issue(&self, name: &str, key: &str, subject: &str, by: &str, role: Role) {
        let (k, csr, pem, by_pem, by_key) = (format!("{name}.key"), format!("{name}.csr"), format!("{name}.pem"), format!("{by}.pem"), format!("{by}.key"));
        let (digest, ext) = match role {
            Role::Ca => ("-sha512", "ca"),
            Role::Signer => ("-sha256", "signer"),
        };
        self.serial.set(self.serial.get() + 1);
        let serial = self.serial.get().to_string();
        self.openssl(&["req", "-new", "-newkey", key, "-nodes", "-keyout", &k, "-out", &csr, "-utf8", "-subj", subject]);
        self.openssl(&["x509", "-req", "-in", &csr, "-CA", &by_pem, "-CAkey", &by_key, digest, "-days", "3650", "-set_serial", &serial, "-extfile", "ext.cnf", "-extensions", ext, "-out", &pem]);
    }

    fn certificate(&self, name: &str) -> Certificate {
        let text = std::fs::read_to_string(self.path(&format!("{name}.pem"))).unwrap();
        Certificate::from_der(&pem::certificate(&text).unwrap()).unwrap()
    }

    /// A one-page PDF signed by `signer` with OpenSSL, the chain embedded.
    fn signed_pdf(&self, signer: &str) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>\nendobj\n4 0 obj\n<< /FT /Sig /Type /Annot /Subtype /Widget /T (Signature1) /V 6 0 R /Rect [0 0 0 0] /P 3 0 R >>\nendobj\n6 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 AAAAAAAAAA BBBBBBBBBB CCCCCCCCCC] /Contents <".to_vec();
        let b = pdf.len() - 1;
        pdf.extend_from_slice(&vec![b'0'; 16384]);
        pdf.extend_from_slice(b">");
        let c = pdf.len();
        pdf.extend_from_slice(b" >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 7 >>\n%%EOF\n");
        let total = pdf.len();
        for (ph, v) in [("AAAAAAAAAA", b), ("BBBBBBBBBB", c), ("CCCCCCCCCC", total - c)] {
            let at = pdf.windows(10).position(|w| w == ph.as_bytes()).unwrap();
            pdf[at..at + 10].copy_from_slice(format!("{v:<10}").as_bytes());
        }
        std::fs::write(self.path("content.bin"), [&pdf[..b], &pdf[c..]].concat()).unwrap();
        let chain = [std::fs::read(self.path("inet.pem")).unwrap(), std::fs::read(self.path("root.pem")).unwrap()].concat();
        std::fs::write(self.path("chain.pem"), chain).unwrap();
        let (pem, key) = (format!("{signer}.pem"), format!("{signer}.key"));
        self.openssl(&[
            "cms", "-sign", "-binary", "-in", "content.bin", "-signer", &pem, "-inkey", &key, "-certfile", "chain.pem", "-md", "sha256", "-nosmimecap", "-outform", "DER",
            "-out", "sig.der",
        ]);
        let cms = std::fs::read(self.path("sig.der")).unwrap();
        let hex: String = cms.iter().map(|x| format!("{x:02x}")).collect();
        pdf[b + 1..b + 1 + hex.len()].copy_from_slice(hex.as_bytes());
        pdf
    }

    fn national(&self) -> TrustList {
        let root = NationalRoot { name: LocalText::new("รากทดสอบแห่งชาติ", "Test national root"), certificate: self.certificate("root") };
        TrustList { agencies: Vec::new(), national: vec![root] }
    }
}

impl Drop for Pki {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn now() -> DateTime {
    DateTime::from_unix_duration(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap()).unwrap()
}

#[test]
fn a_thai_shaped_signature_under_the_national_root_names_its_organisation_never_an_agency() {
    let pki = Pki::new("rsa2048");
    pki.issue("signer", "rsa:2048", &format!("/C=TH/O={ORG}/organizationIdentifier={ORG_ID}/CN={ORG}"), "inet", Role::Signer);
    let pdf = pki.signed_pdf("signer");

    let r = verify(&pdf, &pki.national(), None, now());
    let s = &r.signatures[0];
    assert_eq!(r.verdict, Verdict::ValidNational, "{s:?}");
    assert_eq!(s.algorithm.as_deref(), Some("RSA PKCS#1 v1.5 RSA 2048, SHA-256"));
    assert_eq!(s.sub_filter.as_deref(), Some("adbe.pkcs7.detached"));
    let n = r.national_signer().expect("the signer under the national root");
    assert_eq!(n.who(), format!("{ORG} ({ORG_ID})"));
    assert_eq!(n.path, [ORG, "Test INET CA - G1", "Test National Root Certification Authority - G1"]);
    assert!(r.signed_by().is_none(), "never one of the site's agencies");
    assert!(!r.passes(), "`eservice verify` passes only signers the site lists");
    let json = r.to_json(Lang::En);
    assert_eq!(json["verdict"], "valid-national");
    assert_eq!(json["national"]["who"], format!("{ORG} ({ORG_ID})"));
    assert_eq!(json["national"]["organizationIdentifier"], ORG_ID);
    assert_eq!(json["national"]["root"], "Test national root");
    assert!(json["headline"].as_str().unwrap().contains("does not list the signer as an agency"));
    assert!(r.to_json(Lang::Th)["headline"].as_str().unwrap().contains("ใบรับรองหลักแห่งชาติ"));

    // The site lists the issuing CA as an agency: that verdict, not the national one.
    let mut listed = pki.national();
    listed.agencies.push(Agency { name: LocalText::new("กรมทดสอบการค้า", "Department of Trade Testing"), certificates: vec![pki.certificate("inet")] });
    let r = verify(&pdf, &listed, None, now());
    assert_eq!(r.verdict, Verdict::Valid);
    assert!(r.passes() && r.national_signer().is_none());
    assert_eq!(r.signed_by().unwrap().agency.get(Lang::En), "Department of Trade Testing");

    // The site turned the national layer off: a sound signature, untrusted.
    let r = verify(&pdf, &TrustList::default(), None, now());
    assert_eq!(r.verdict, Verdict::Untrusted);
    assert!(r.national_signer().is_none());

    // One changed byte of the signed content: invalid, whoever the signer is.
    let mut changed = pdf.clone();
    let at = changed.windows(10).position(|w| w == b"Signature1").unwrap();
    changed[at] = b's';
    let r = verify(&changed, &pki.national(), None, now());
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(r.national_signer().is_none());
}

#[test]
fn an_rsa_4096_signer_under_the_national_root_too() {
    let pki = Pki::new("rsa4096");
    pki.issue("big", "rsa:4096", &format!("/C=TH/O={ORG}/CN=ผู้ลงนาม ทดสอบ"), "inet", Role::Signer);
    let r = verify(&pki.signed_pdf("big"), &pki.national(), None, now());
    assert_eq!(r.verdict, Verdict::ValidNational, "{:?}", r.signatures[0]);
    assert_eq!(r.signatures[0].algorithm.as_deref(), Some("RSA PKCS#1 v1.5 RSA 4096, SHA-256"));
    assert_eq!(r.national_signer().unwrap().who(), ORG, "no identifier in the certificate: the organisation alone");
}

#[test]
fn a_chain_to_another_root_is_not_national() {
    let pki = Pki::new("other");
    let other = Pki::new("other-root");
    pki.issue("signer", "rsa:2048", &format!("/C=TH/O={ORG}/CN={ORG}"), "inet", Role::Signer);
    let r = verify(&pki.signed_pdf("signer"), &other.national(), None, now());
    assert_eq!(r.verdict, Verdict::Untrusted);
    assert!(r.national_signer().is_none());
}
