//! A new P-256 signing key for an agency, with a certificate request for
//! its CA or a self-signed certificate for trying the kit out. The caller
//! brings the randomness and the time: the core has neither.

use der::DateTime;
use zeroize::Zeroizing;

use eservice_base::thai_date::thai_time;

use crate::signature::certificate::{DIGITAL_SIGNATURE, NON_REPUDIATION};
use crate::signature::issue::{certificate, name, request, CertificateSpec};
use crate::signature::{pem, PrivateKey};

/// What `generate` makes: PEM text for each file.
pub struct NewKey {
    /// PKCS#8 `PRIVATE KEY`; wiped when dropped.
    pub key_pem: Zeroizing<String>,
    /// A `CERTIFICATE REQUEST` or a self-signed `CERTIFICATE`.
    pub pem: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Request,
    /// A self-signed certificate valid for this many days.
    SelfSigned { days: u32 },
}

/// A key from `seed` (32 random bytes; `None` in the rare case they are no
/// valid key: draw again) for the agency `org`, named `cn`.
pub fn generate(seed: &[u8; 32], cn: &str, org: &str, output: Output, now: u64) -> Option<NewKey> {
    let key = PrivateKey::p256_from_seed(seed)?;
    let subject = name(cn, org);
    let pem_out = match output {
        Output::Request => pem::encode("CERTIFICATE REQUEST", &request(&subject, &key)?),
        Output::SelfSigned { days } => {
            let until = now.saturating_add(u64::from(days.clamp(1, 3650)) * 86_400);
            let serial: Vec<u8> = seed.iter().rev().take(16).copied().collect();
            let spec = CertificateSpec {
                subject: &subject,
                serial: &serial,
                ca: false,
                key_usage: DIGITAL_SIGNATURE | NON_REPUDIATION,
                not_before: &utc_time(now),
                not_after: &utc_time(until),
                extra: &[],
            };
            pem::encode("CERTIFICATE", &certificate(&spec, &key, None)?)
        }
    };
    let pkcs8 = key.p256_pkcs8()?;
    Some(NewKey { key_pem: Zeroizing::new(pem::encode("PRIVATE KEY", &pkcs8)), pem: pem_out })
}

/// `YYMMDDHHMMSSZ`, capped at 2049 where UTCTime ends.
fn utc_time(unix: u64) -> String {
    let t = DateTime::from_unix_duration(std::time::Duration::from_secs(unix.min(2_524_607_999))).unwrap_or(thai_time(0));
    format!("{:02}{:02}{:02}{:02}{:02}{:02}Z", t.year() % 100, t.month(), t.day(), t.hour(), t.minutes(), t.seconds())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::Signer;

    #[test]
    fn a_self_signed_key_signs_and_a_request_is_pem() {
        let now = 1_795_752_000;
        let k = generate(&[5; 32], "Department of Testing", "กรมทดสอบ", Output::SelfSigned { days: 365 }, now).unwrap();
        assert!(k.key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        let signer = Signer::from_files(k.key_pem.as_bytes(), k.pem.as_bytes(), None).unwrap();
        assert_eq!(signer.display_name(), "กรมทดสอบ");
        assert!(signer.warnings(now + 60).is_empty());
        assert!(!signer.warnings(now + 400 * 86_400).is_empty(), "expires after a year");
        let r = generate(&[5; 32], "Department of Testing", "", Output::Request, now).unwrap();
        assert!(r.pem.starts_with("-----BEGIN CERTIFICATE REQUEST-----"));
        assert_eq!(utc_time(now), "261127040000Z");
    }
}
