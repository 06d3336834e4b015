use super::cms::{verify, CmsProblem, Content};
use super::testkit::{ca_and_signer, issue, Spec};
use super::writer::signed_data;
use super::Certificate;

const DOC: [&[u8]; 2] = [b"%PDF-1.7 first part ", b" second part %%EOF"];

#[test]
fn a_signature_made_by_the_kit_verifies() {
    let (ca, signer) = ca_and_signer();
    let cms = signed_data(&DOC, &signer.key, &signer.der, std::slice::from_ref(&ca.der), &Default::default()).unwrap();
    let v = verify(&cms, Content::Detached(&DOC), &[]).unwrap();
    assert_eq!(v.signer.common_name.as_deref(), Some("Department of Testing"));
    assert_eq!(v.signer.organization.as_deref(), Some("Ministry of Tests"));
    assert_eq!(v.certificates.len(), 2);
    assert_eq!(v.key, "P-256");
    assert!(v.signer.signed_by(&Certificate::from_der(&ca.der).unwrap()).unwrap());
    // Zero padding, as /Contents carries it, is fine.
    let mut padded = cms.clone();
    padded.extend_from_slice(&[0; 64]);
    assert!(verify(&padded, Content::Detached(&DOC), &[]).is_ok());
}

#[test]
fn changed_bytes_and_values_are_caught() {
    let (ca, signer) = ca_and_signer();
    let cms = signed_data(&DOC, &signer.key, &signer.der, std::slice::from_ref(&ca.der), &Default::default()).unwrap();
    let other: [&[u8]; 2] = [b"%PDF-1.7 first part ", b" second part %%EOF "];
    assert_eq!(verify(&cms, Content::Detached(&other), &[]).unwrap_err(), CmsProblem::DigestMismatch);
    // Flip a byte of the signature value (the last bytes of the container).
    let mut bad = cms.clone();
    let n = bad.len();
    bad[n - 5] ^= 1;
    assert!(matches!(verify(&bad, Content::Detached(&DOC), &[]), Err(CmsProblem::BadSignature | CmsProblem::Malformed)));
    // Every truncation is refused without a panic.
    for cut in 0..cms.len() {
        assert!(verify(&cms[..cut], Content::Detached(&DOC), &[]).is_err());
    }
}

#[test]
fn the_signer_certificate_is_the_one_the_signer_identifier_names() {
    let (ca, signer) = ca_and_signer();
    // The container carries only the CA: the signer's certificate is missing.
    let cms = signed_data(&DOC, &signer.key, &signer.der, &[], &Default::default()).unwrap();
    let only_ca = {
        let full = signed_data(&DOC, &signer.key, &signer.der, &[], &Default::default()).unwrap();
        let pos = full.windows(signer.der.len()).position(|w| w == signer.der.as_slice()).unwrap();
        let mut swapped = full.clone();
        // Replace it with a same-length certificate of another key.
        let stranger = issue(&Spec::signer("Department of Testing", "Ministry of Tests", 9), Some(&ca));
        if stranger.der.len() == signer.der.len() {
            swapped.splice(pos..pos + signer.der.len(), stranger.der.iter().copied());
            Some(swapped)
        } else {
            None
        }
    };
    assert!(verify(&cms, Content::Detached(&DOC), &[]).is_ok());
    if let Some(swapped) = only_ca {
        assert!(verify(&swapped, Content::Detached(&DOC), &[]).is_err(), "another certificate must not stand in");
    }
    // Supplied from elsewhere (a trust list), a missing certificate is found.
    let signer_cert = Certificate::from_der(&signer.der).unwrap();
    assert!(verify(&cms, Content::Detached(&DOC), &[signer_cert]).is_ok());
}

#[test]
fn certificates_are_read() {
    let (ca, signer) = ca_and_signer();
    let ca = Certificate::from_der(&ca.der).unwrap();
    let s = Certificate::from_der(&signer.der).unwrap();
    assert_eq!(ca.ca, Some(None));
    assert!(ca.is_self_issued() && ca.signed_by(&ca).unwrap());
    assert_eq!(s.ca, None);
    assert_eq!(s.key_usage, Some(super::certificate::DIGITAL_SIGNATURE | super::certificate::NON_REPUDIATION));
    assert_eq!(s.issuer, ca.subject);
    assert!(s.key_id.is_some());
    assert!(s.valid_at(der::DateTime::new(2026, 11, 27, 0, 0, 0).unwrap()));
    assert!(!s.valid_at(der::DateTime::new(2051, 1, 1, 0, 0, 0).unwrap()));
    assert!(!s.signed_by(&s).unwrap());
}

#[test]
fn times_with_fractions_and_two_digit_years() {
    use super::asn1::{single, time, GENERALIZED_TIME, UTC_TIME};
    use super::encode::tlv;
    let t = |tag, s: &str| time(single(&tlv(tag, s.as_bytes())).unwrap());
    assert_eq!(t(GENERALIZED_TIME, "20261127093000.123Z").unwrap(), der::DateTime::new(2026, 11, 27, 9, 30, 0).unwrap());
    assert_eq!(t(UTC_TIME, "991231235959Z").unwrap().year(), 1999);
    assert_eq!(t(UTC_TIME, "491231235959Z").unwrap().year(), 2049);
    assert!(t(UTC_TIME, "4912312359Z").is_err());
    assert!(t(GENERALIZED_TIME, "20261327093000Z").is_err());
}
