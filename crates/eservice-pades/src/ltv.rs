//! What a signed permit needs to stay verifiable offline for years (PAdES
//! B-LT): for every certificate of a signer's chain but its anchor, where
//! its status is published, as its own certificate says (OCSP responders in
//! authorityInfoAccess, CRLs in cRLDistributionPoints).
//!
//! The core only plans the requests; the CLI sends them (`eservice sign
//! --ltv`, `eservice ltv-update --fetch`) and adds the answers to the DSS
//! ([`crate::pdf::dss::append`]), which the verifier then checks like any
//! other revocation data.

use crate::signature::ocsp;
use crate::signature::Certificate;
use crate::verification::Report;

/// One request for revocation data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetch {
    /// POST `request` (an OCSPRequest) to `url`, about `who`.
    Ocsp { url: String, request: Vec<u8>, who: String },
    /// GET the CRL at `url`, which covers `who`.
    Crl { url: String, who: String },
}

/// The requests for `path` (each certificate issued by the next; the last
/// is the anchor, which needs none): OCSP where the certificate names a
/// responder, and its CRLs too, so one source failing leaves the other.
pub fn fetches(path: &[Certificate]) -> Vec<Fetch> {
    let mut out = Vec::new();
    for w in path.windows(2) {
        let (cert, issuer) = (&w[0], &w[1]);
        let who = cert.display_name();
        if let Some(request) = ocsp::request(cert, issuer) {
            out.extend(cert.ocsp_urls.iter().filter(|u| u.starts_with("http://")).map(|url| Fetch::Ocsp { url: url.clone(), request: request.clone(), who: who.clone() }));
        }
        out.extend(cert.crl_urls.iter().filter(|u| u.starts_with("http://")).map(|url| Fetch::Crl { url: url.clone(), who: who.clone() }));
    }
    out.dedup();
    out
}

/// The chain from `leaf` up through `pool`, by issuer name and signature,
/// until a self-issued certificate or no issuer is found.
pub fn path(leaf: &Certificate, pool: &[Certificate]) -> Vec<Certificate> {
    let mut out = vec![leaf.clone()];
    while out.len() < 8 {
        let last = out.last().cloned().unwrap_or_else(|| leaf.clone());
        if last.is_self_issued() {
            break;
        }
        match pool.iter().find(|c| c.subject == last.issuer && !out.contains(c) && last.signed_by(c) == Ok(true)) {
            Some(issuer) => out.push(issuer.clone()),
            None => break,
        }
    }
    out
}

/// The chains of a verified document's signatures (to the agency or the
/// national root they reached), and what to fetch for them.
pub fn for_report(report: &Report) -> (Vec<Fetch>, Vec<Certificate>) {
    let mut fetch = Vec::new();
    let mut certs: Vec<Certificate> = Vec::new();
    for s in report.signatures.iter().filter(|s| !s.is_timestamp) {
        let chain = match (&s.trust, &s.national) {
            (Some(Ok(t)), _) => &t.chain,
            (_, Some(n)) => &n.chain,
            _ => continue,
        };
        for f in fetches(chain) {
            if !fetch.contains(&f) {
                fetch.push(f);
            }
        }
        for c in chain {
            if !certs.contains(c) {
                certs.push(c.clone());
            }
        }
    }
    (fetch, certs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::asn1;
    use crate::signature::encode::{oid, seq, tlv};
    use crate::signature::issue::{certificate, extension, name, CertificateSpec};
    use crate::signature::keys::PrivateKey;
    use crate::signature::testkit::ca_and_signer;
    use der::asn1::ObjectIdentifier as Oid;

    #[test]
    fn a_certificate_says_where_its_status_is_and_that_is_asked() {
        let (ca, _) = ca_and_signer();
        let uri = |u: &str| tlv(asn1::ctx_prim(6), u.as_bytes());
        let aia = seq(&[&seq(&[&oid(Oid::new_unwrap("1.3.6.1.5.5.7.48.1")), &uri("http://ocsp.test/")]), &seq(&[&oid(Oid::new_unwrap("1.3.6.1.5.5.7.48.2")), &uri("http://ca.test/ca.crt")])]);
        let dp = seq(&[&seq(&[&tlv(asn1::ctx(0), &tlv(asn1::ctx(0), &[uri("http://crl.test/ca.crl"), uri("ldap://crl.test/x")].concat()))])]);
        let extra = [extension(Oid::new_unwrap("1.3.6.1.5.5.7.1.1"), false, &aia), extension(Oid::new_unwrap("2.5.29.31"), false, &dp)];
        let key = PrivateKey::p256_from_seed(&[50; 32]).unwrap();
        let subject = name("Department of Testing", "Ministry of Tests");
        let ca_cert = ca.cert();
        let spec = CertificateSpec { subject: &subject, serial: &[50], ca: false, key_usage: 1 << 15, not_before: "260101000000Z", not_after: "300101000000Z", extra: &extra };
        let der = certificate(&spec, &key, Some((ca_cert.subject.as_slice(), &ca.key))).unwrap();
        let leaf = Certificate::from_der(&der).unwrap();
        assert_eq!(leaf.ocsp_urls, ["http://ocsp.test/"], "the OCSP method only, not caIssuers");
        assert_eq!(leaf.crl_urls, ["http://crl.test/ca.crl", "ldap://crl.test/x"]);

        let chain = path(&leaf, &[ca_cert.clone()]);
        assert_eq!(chain.len(), 2, "leaf, then the CA that signed it");
        let wanted = fetches(&chain);
        assert_eq!(wanted.len(), 2, "OCSP and the http CRL; LDAP is not fetched, nor anything for the anchor");
        let Fetch::Ocsp { url, request, who } = &wanted[0] else { panic!("OCSP first") };
        assert_eq!((url.as_str(), who.as_str()), ("http://ocsp.test/", "Department of Testing"));
        // The request names the leaf as an answer for it would: issuer hashes and serial.
        let answer = crate::signature::testkit::ocsp(&crate::signature::testkit::Issued::from_parts(key, der.clone()), &ca, &ca, &[], crate::signature::testkit::Answer::Good, ca_cert.not_before, None, ca_cert.not_before);
        let single = &crate::signature::ocsp::OcspResponse::from_der(&answer).unwrap().responses[0];
        assert!(single.is_for(&leaf, &ca_cert));
        fn inner(t: asn1::Tlv<'_>) -> asn1::Tlv<'_> {
            t.children().take().unwrap()
        }
        let cert_id = inner(inner(inner(inner(asn1::single(request).unwrap())))).raw.to_vec();
        assert!(answer.windows(cert_id.len()).any(|w| w == cert_id.as_slice()), "the answer names the CertID the request asked about");
        assert_eq!(wanted[1], Fetch::Crl { url: "http://crl.test/ca.crl".into(), who: "Department of Testing".into() });
    }
}
