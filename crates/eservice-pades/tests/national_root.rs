//! Signatures shaped like the signed Thai documents seen today, checked
//! against a national root: a chain made by OpenSSL (an independent
//! implementation) on the spot, shaped like the real one under the NRCA G1:
//! a root and an issuing CA, both RSA-4096 with sha512WithRSA, and document
//! signers with RSA-2048 or RSA-4096 keys. OpenSSL's `cms -sign` writes the
//! signature as those documents carry it: `adbe.pkcs7.detached`, SHA-256,
//! signed attributes contentType, signingTime and messageDigest only, the
//! chain embedded, no time-stamp and no DSS. OpenSSL's `ca` and `ocsp`
//! then make the CRLs and OCSP answers a DSS would carry.

use std::path::PathBuf;
use std::process::Command;

use eservice_base::{Lang, LocalText};
use eservice_pades::pdf::dss::{append, Dss};
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

    /// `ca`'s CRL now, as DER (`openssl ca -gencrl`), valid 30 days.
    fn crl(&self, ca: &str) -> Vec<u8> {
        self.ca_config(ca);
        self.openssl(&["ca", "-config", &format!("{ca}.cnf"), "-gencrl", "-keyfile", &format!("{ca}.key"), "-cert", &format!("{ca}.pem"), "-out", &format!("{ca}.crl.pem")]);
        self.openssl(&["crl", "-in", &format!("{ca}.crl.pem"), "-outform", "DER", "-out", &format!("{ca}.crl")]);
        std::fs::read(self.path(&format!("{ca}.crl"))).unwrap()
    }

    /// Records `cert` in `ca`'s database as valid, or revokes it now.
    fn record(&self, ca: &str, cert: &str, revoke: Option<&str>) {
        self.ca_config(ca);
        let (config, key, ca_pem, pem) = (format!("{ca}.cnf"), format!("{ca}.key"), format!("{ca}.pem"), format!("{cert}.pem"));
        match revoke {
            Some(reason) => self.openssl(&["ca", "-config", &config, "-keyfile", &key, "-cert", &ca_pem, "-revoke", &pem, "-crl_reason", reason]),
            None => self.openssl(&["ca", "-config", &config, "-keyfile", &key, "-cert", &ca_pem, "-valid", &pem]),
        }
    }

    /// `ca`'s own OCSP answer on `cert` now, from its database (`openssl ocsp`).
    fn ocsp(&self, ca: &str, cert: &str) -> Vec<u8> {
        self.ca_config(ca);
        let (index, key, ca_pem, pem) = (format!("{ca}-index.txt"), format!("{ca}.key"), format!("{ca}.pem"), format!("{cert}.pem"));
        self.openssl(&["ocsp", "-index", &index, "-rsigner", &ca_pem, "-rkey", &key, "-CA", &ca_pem, "-issuer", &ca_pem, "-cert", &pem, "-ndays", "1", "-respout", "resp.der"]);
        std::fs::read(self.path("resp.der")).unwrap()
    }

    fn ca_config(&self, ca: &str) {
        let config = self.path(&format!("{ca}.cnf"));
        if config.exists() {
            return;
        }
        std::fs::write(self.path(&format!("{ca}-index.txt")), "").unwrap();
        std::fs::write(self.path(&format!("{ca}-crlnumber")), "01\n").unwrap();
        let text = format!("[ca]\ndefault_ca=d\n[d]\ndatabase={ca}-index.txt\ncrlnumber={ca}-crlnumber\ndefault_md=sha256\ndefault_crl_days=30\n");
        std::fs::write(config, text).unwrap();
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
        pdf.extend_from_slice(b" >>\nendobj\n");
        // A cross-reference table, so the file can take an update (a DSS).
        let at = |n: u32| pdf.windows(8).position(|w| w == format!("\n{n} 0 obj").as_bytes()).map_or(0, |i| i + 1);
        let rows: String = (0..7).map(|n| match (n, at(n)) { (1..=6, o) if o > 0 => format!("{o:010} 00000 n\r\n"), _ => "0000000000 65535 f\r\n".to_owned() }).collect();
        let xref = pdf.len();
        pdf.extend_from_slice(format!("xref\n0 7\n{rows}trailer\n<< /Root 1 0 R /Size 7 >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
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
        TrustList { agencies: Vec::new(), national: vec![root], ..Default::default() }
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
    // The CRLs as a signer fetches them, just before signing.
    let crls = Dss { crls: vec![pki.crl("inet"), pki.crl("root")], ..Default::default() };
    let pdf = pki.signed_pdf("signer");

    // As such documents come today, with no revocation data: sound, under
    // the national root, and said plainly to be unchecked for revocation.
    let r = verify(&pdf, &pki.national(), None, now());
    assert_eq!(r.verdict, Verdict::RevocationUnchecked, "{:?}", r.signatures[0]);
    assert_eq!(r.signatures[0].indication(), ("INDETERMINATE", Some("TRY_LATER")));
    assert_eq!(r.national_signer().map(|n| n.who()), Some(format!("{ORG} ({ORG_ID})")), "who signed is still said");
    let why = r.signatures[0].revocation_message(Lang::En).unwrap();
    assert_eq!(why, format!("Revocation of the certificate of {ORG} was not checked: the document carries no authentic revocation data (CRL or OCSP)"));
    assert_eq!(r.to_json(Lang::En)["verdict"], "revocation-unchecked");

    // OpenSSL's CRLs from the issuing CA and the root, in a DSS: checked.
    let bare = pdf.clone();
    let pdf = append(&pdf, &crls).unwrap();
    let r = verify(&pdf, &pki.national(), None, now());
    let s = &r.signatures[0];
    assert_eq!(r.verdict, Verdict::ValidNational, "{s:?}");
    assert_eq!(s.indication(), ("TOTAL-PASSED", None));
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

    // CRLs issued after the signing time: the strict policy does not take
    // them as speaking for it; the retroactive one, as Acrobat, does.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let later = append(&bare, &Dss { crls: vec![pki.crl("inet"), pki.crl("root")], ..Default::default() }).unwrap();
    let r = verify(&later, &pki.national(), None, now());
    assert_eq!(r.verdict, Verdict::RevocationUnchecked);
    assert!(r.signatures[0].revocation_message(Lang::En).unwrap().contains("after the signing time"));
    let mut retroactive = pki.national();
    retroactive.revocation.retroactive = true;
    assert_eq!(verify(&later, &retroactive, None, now()).verdict, Verdict::ValidNational);

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
    let crls = Dss { crls: vec![pki.crl("inet"), pki.crl("root")], ..Default::default() };
    let signed = pki.signed_pdf("big");
    let r = verify(&append(&signed, &crls).unwrap(), &pki.national(), None, now());
    assert_eq!(r.verdict, Verdict::ValidNational, "{:?}", r.signatures[0]);
    assert_eq!(r.signatures[0].algorithm.as_deref(), Some("RSA PKCS#1 v1.5 RSA 4096, SHA-256"));
    assert_eq!(r.national_signer().unwrap().who(), ORG, "no identifier in the certificate: the organisation alone");
}

#[test]
fn revocation_from_openssl_crls_and_ocsp_answers() {
    let pki = Pki::new("revocation");
    let root_crl = pki.crl("root");
    pki.issue("signer", "rsa:2048", &format!("/C=TH/O={ORG}/CN={ORG}"), "inet", Role::Signer);
    pki.record("inet", "signer", None);
    let good = pki.ocsp("inet", "signer");
    let pdf = pki.signed_pdf("signer");

    // The issuing CA's own OCSP answer for the signer, the root's CRL for the CA.
    let with_ocsp = append(&pdf, &Dss { ocsps: vec![good.clone()], crls: vec![root_crl.clone()], ..Default::default() }).unwrap();
    let r = verify(&with_ocsp, &pki.national(), None, now());
    assert_eq!(r.verdict, Verdict::ValidNational, "{:?}", r.signatures[0].revocation);
    let json = r.to_json(Lang::En);
    let certs = &json["signatures"][0]["revocation"]["certificates"];
    assert_eq!((certs[0]["status"].as_str(), certs[0]["source"].as_str()), (Some("good"), Some("ocsp")));
    assert_eq!((certs[1]["name"].as_str(), certs[1]["source"].as_str()), (Some("Test INET CA - G1"), Some("crl")));

    // Without the root's CRL, the issuing CA's status is unknown.
    let only_ocsp = append(&pdf, &Dss { ocsps: vec![good.clone()], ..Default::default() }).unwrap();
    let r = verify(&only_ocsp, &pki.national(), None, now());
    assert_eq!(r.verdict, Verdict::RevocationUnchecked);
    assert_eq!(r.signatures[0].revocation.as_ref().unwrap().unchecked().map(|u| u.0), Some("Test INET CA - G1"));

    // Revoked after the claimed signing time, with no time-stamp to prove
    // the signature came first: revoked, "no proof of existence".
    std::thread::sleep(std::time::Duration::from_millis(1100));
    pki.record("inet", "signer", Some("keyCompromise"));
    let revoked = append(&pdf, &Dss { ocsps: vec![pki.ocsp("inet", "signer")], crls: vec![pki.crl("inet"), root_crl.clone()], ..Default::default() }).unwrap();
    let r = verify(&revoked, &pki.national(), None, now());
    assert_eq!(r.verdict, Verdict::Revoked);
    assert_eq!(r.signatures[0].indication(), ("INDETERMINATE", Some("REVOKED_NO_POE")));
    assert!(r.signatures[0].revocation_message(Lang::En).unwrap().contains("no trusted time-stamp proves the signature was made before that (the private key was compromised)"));

    // Signed after the revocation: revoked before signing, failed.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let late = pki.signed_pdf("signer");
    let late = append(&late, &Dss { crls: vec![pki.crl("inet"), root_crl], ..Default::default() }).unwrap();
    let r = verify(&late, &pki.national(), None, now());
    assert_eq!((r.verdict, r.signatures[0].indication()), (Verdict::Revoked, ("TOTAL-FAILED", Some("REVOKED"))));
    assert_eq!(r.to_json(Lang::En)["signatures"][0]["revocation"]["certificates"][0]["reason"], "keyCompromise");
    assert!(r.headline(Lang::En).starts_with("The signer's certificate was revoked before signing"));
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
