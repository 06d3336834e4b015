//! The receipt a standard-level agency's e-Service returns for a package:
//! which package (its hash), the agency's reference and the time received,
//! signed by the agency. The citizen's browser verifies it against the
//! trust list before showing "received", and keeps it as proof: legal
//! deadlines run from the date of receipt.
//!
//! ```json
//! { "receipt": { "packageHash": "…", "reference": "7K2M-9QXR",
//!                "received": "2026-11-27T19:00:00+07:00", "agencyReference": "…" },
//!   "signature": "<base64 CMS SignedData, detached, over the receipt's RFC 8785 form>" }
//! ```

use der::DateTime;
use serde_json::{json, Value};

use eservice_base::jcs;
use eservice_base::lang::{Lang, LocalText};
use eservice_pades::signature::cms::{self, CmsProblem, Content};
use eservice_pades::signature::pem::{self, PemProblem};
use eservice_pades::trust::{check_chain, ChainProblem, TrustList};

/// A receipt that verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub package_hash: String,
    pub reference: String,
    pub received: String,
    pub agency_reference: Option<String>,
    /// The agency the trust list names for the signer.
    pub agency: LocalText,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReceiptProblem {
    /// Not `{receipt, signature}` with the fields above.
    Malformed,
    /// The signature is not standard base64.
    Encoding(PemProblem),
    /// A receipt for another package.
    OtherPackage,
    Signature(CmsProblem),
    Untrusted(ChainProblem),
}

impl ReceiptProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReceiptProblem::Malformed => lang.pick("ใบรับที่หน่วยงานส่งกลับมาอ่านไม่ได้", "The receipt the agency sent back cannot be read").into(),
            ReceiptProblem::Encoding(p) => format!("{}: {}", lang.pick("ลายมือชื่อบนใบรับไม่ใช่ base64", "The receipt's signature is not base64"), p.message(lang)),
            ReceiptProblem::OtherPackage => lang.pick("ใบรับไม่ใช่ของชุดเอกสารนี้", "The receipt is for another package").into(),
            ReceiptProblem::Signature(p) => format!("{}: {}", lang.pick("ลายมือชื่อบนใบรับไม่ถูกต้อง", "The receipt's signature is not valid"), p.message(lang)),
            ReceiptProblem::Untrusted(p) => format!("{}: {}", lang.pick("ผู้ลงนามใบรับไม่อยู่ในรายชื่อที่เชื่อถือ", "The receipt's signer is not trusted"), p.message(lang)),
        }
    }
}

/// The bytes a receipt's signature covers.
pub fn signed_bytes(receipt: &Value) -> Vec<u8> {
    jcs::canonical(receipt).into_bytes()
}

/// Verifies `body` (the e-Service's answer) for the package `expected_hash`.
pub fn verify(body: &[u8], expected_hash: &str, trust: &TrustList, now: DateTime) -> Result<Receipt, ReceiptProblem> {
    let v: Value = serde_json::from_slice(body).map_err(|_| ReceiptProblem::Malformed)?;
    let r = v.get("receipt").filter(|r| r.is_object()).ok_or(ReceiptProblem::Malformed)?;
    let field = |k: &str| r.get(k).and_then(Value::as_str).map(str::to_owned);
    let (Some(package_hash), Some(reference), Some(received)) = (field("packageHash"), field("reference"), field("received")) else {
        return Err(ReceiptProblem::Malformed);
    };
    let sig = v.get("signature").and_then(Value::as_str).ok_or(ReceiptProblem::Malformed)?;
    let sig = pem::base64(sig).map_err(ReceiptProblem::Encoding)?;
    let content = signed_bytes(r);
    let verified = cms::verify(&sig, Content::Detached(&[&content]), &trust.certificates()).map_err(ReceiptProblem::Signature)?;
    let at = verified.claimed_time.unwrap_or(now);
    let trusted = check_chain(&verified.signer, &verified.certificates, trust, at).map_err(ReceiptProblem::Untrusted)?;
    if !package_hash.eq_ignore_ascii_case(expected_hash) {
        return Err(ReceiptProblem::OtherPackage);
    }
    Ok(Receipt { package_hash, reference, received, agency_reference: field("agencyReference"), agency: trusted.agency })
}

/// A receipt signed with the kit's own signer: what a backend built on the
/// core answers with.
pub fn sign(receipt: Value, signer: &eservice_pades::signing::Signer) -> Option<Value> {
    let cms = signer.sign_detached(&signed_bytes(&receipt))?;
    Some(json!({ "receipt": receipt, "signature": pem::base64_encode(&cms) }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use eservice_pades::signature::testkit::ca_and_signer;
    use eservice_pades::signature::Certificate;
    use eservice_pades::signing::Signer;
    use eservice_pades::trust::Agency;

    fn now() -> DateTime {
        DateTime::new(2026, 11, 27, 12, 0, 0).unwrap()
    }

    #[test]
    fn a_signed_receipt_verifies_and_tampering_shows() {
        let (ca, s) = ca_and_signer();
        let signer = Signer::new(s.key, &s.der, vec![ca.der.clone()]).unwrap();
        let trust = TrustList { agencies: vec![Agency { name: LocalText::new("กรมทดสอบ", "Department of Testing"), certificates: vec![Certificate::from_der(&ca.der).unwrap()] }], national: Vec::new(), ..Default::default() };
        let hash = "ab".repeat(32);
        let body = sign(json!({"packageHash": hash, "reference": "7K2M-9QXR", "received": "2026-11-27T19:00:00+07:00"}), &signer).unwrap();
        let r = verify(body.to_string().as_bytes(), &hash, &trust, now()).unwrap();
        assert_eq!((r.reference.as_str(), r.agency.get(Lang::En)), ("7K2M-9QXR", "Department of Testing"));
        assert_eq!(verify(body.to_string().as_bytes(), &"cd".repeat(32), &trust, now()), Err(ReceiptProblem::OtherPackage));
        let mut edited = body.clone();
        edited["receipt"]["received"] = json!("2026-12-31T00:00:00+07:00");
        assert!(matches!(verify(edited.to_string().as_bytes(), &hash, &trust, now()), Err(ReceiptProblem::Signature(_))));
        assert!(matches!(verify(body.to_string().as_bytes(), &hash, &TrustList::default(), now()), Err(ReceiptProblem::Untrusted(_))));
        let mut garbled = body.clone();
        garbled["signature"] = json!("MIIB!AAA");
        let e = verify(garbled.to_string().as_bytes(), &hash, &trust, now()).unwrap_err();
        assert_eq!(e.message(Lang::En), "The receipt's signature is not base64: the character '!' (U+0021) at line 1, column 5 is not base64");
        assert_eq!(verify(b"<html>", &hash, &trust, now()), Err(ReceiptProblem::Malformed));
    }
}
