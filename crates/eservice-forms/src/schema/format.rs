//! The `format` keyword, asserted (forms want a bad date refused, not noted).
//!
//! Unknown formats pass: JSON Schema lets validators ignore formats they do
//! not know, and an agency's schema must still work in an older kit.

pub use eservice_base::thai_date::is_date;
use eservice_base::thai_id::{self, CitizenIdError};

/// Why a string does not have its declared format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// Not of the named format.
    Invalid { format: String },
    /// A `thai-citizen-id` that fails for a specific reason.
    CitizenId(CitizenIdError),
}

/// Checks `s` against `format`.
pub fn check(format: &str, s: &str) -> Result<(), FormatError> {
    let ok = match format {
        "date" => is_date(s),
        "time" => is_time(s),
        "date-time" => is_date_time(s),
        "email" => is_email(s),
        "uri" => is_uri(s),
        "thai-citizen-id" => return thai_id::validate(s).map_err(FormatError::CitizenId),
        "thai-mobile" => is_thai_mobile(s),
        "thai-phone" => is_thai_mobile(s) || is_thai_landline(s),
        "thai-postcode" => is_thai_postcode(s),
        "ipv4" => is_ipv4(s),
        "uuid" => is_uuid(s),
        "hostname" => is_hostname(s),
        "json-pointer" => eservice_base::pointer::JsonPointer::parse(s).is_ok(),
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(FormatError::Invalid { format: format.to_owned() })
    }
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// The digits of a phone number written with spaces or dashes, as Thais do
/// ("081-234-5678"); `None` if anything else is in it.
fn phone_digits(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)
}

/// A Thai mobile number: 10 digits starting 06, 08 or 09.
pub fn is_thai_mobile(s: &str) -> bool {
    phone_digits(s).is_some_and(|d| d.len() == 10 && matches!(&d[..2], "06" | "08" | "09"))
}

/// A Thai landline: 9 digits starting 02 to 07 (area code included).
pub fn is_thai_landline(s: &str) -> bool {
    phone_digits(s).is_some_and(|d| d.len() == 9 && matches!(d.as_bytes()[1], b'2'..=b'7') && d.starts_with('0'))
}

/// A Thai postcode: 5 digits whose first two (the province) run 10 to 96.
pub fn is_thai_postcode(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) && (10..=96).contains(&s[..2].parse::<u8>().unwrap_or(0))
}

fn is_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

fn is_hostname(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !(l.len() >= 4 && &l[2..4] == "--" && !l.starts_with("xn"))
        })
}

/// RFC 3339 full-time with a required offset; a leap second only at 23:59 UTC.
pub fn is_time(s: &str) -> bool {
    let s = s.to_ascii_uppercase();
    let (clock, offset_minutes) = if let Some(c) = s.strip_suffix('Z') {
        (c, 0i32)
    } else {
        let Some(i) = s.rfind(['+', '-']) else { return false };
        let (c, off) = s.split_at(i);
        let o = off.as_bytes();
        if o.len() != 6 || o[3] != b':' {
            return false;
        }
        let (Some(h), Some(m)) = (digits(&off[1..3]), digits(&off[4..6])) else { return false };
        if h > 23 || m > 59 {
            return false;
        }
        let sign = if o[0] == b'-' { -1 } else { 1 };
        (c, sign * (h as i32 * 60 + m as i32))
    };
    let (hms, frac) = match clock.split_once('.') {
        Some((hms, f)) => (hms, Some(f)),
        None => (clock, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let b = hms.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(h), Some(m), Some(sec)) = (digits(&hms[0..2]), digits(&hms[3..5]), digits(&hms[6..8])) else {
        return false;
    };
    if h > 23 || m > 59 || sec > 60 {
        return false;
    }
    if sec == 60 {
        let utc = (h as i32 * 60 + m as i32 - offset_minutes).rem_euclid(24 * 60);
        return utc == 23 * 60 + 59;
    }
    true
}

/// RFC 3339 date-time.
pub fn is_date_time(s: &str) -> bool {
    match s.find(['T', 't']) {
        Some(i) => is_date(&s[..i]) && is_time(&s[i + 1..]),
        None => false,
    }
}

/// A pragmatic mailbox check: one `@`, a dot-atom local part, a dotted domain.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    let atom_ok = |part: &str, extra: &str| {
        !part.is_empty()
            && part.split('.').all(|a| {
                // Any non-ASCII letter is allowed (Thai mailbox names, IDN
                // domains); Unicode tables for the rest would bloat the download.
                !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || !c.is_ascii() || extra.contains(c))
            })
    };
    atom_ok(local, "!#$%&'*+/=?^_`{|}~-")
        && atom_ok(domain, "-")
        && domain.split('.').all(|l| !l.starts_with('-') && !l.ends_with('-'))
}

/// An absolute URI: a scheme, `:`, and no characters URIs forbid.
pub fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut sc = scheme.chars();
    sc.next().is_some_and(|c| c.is_ascii_alphabetic())
        && sc.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.chars().any(|c| !c.is_ascii() || c.is_ascii_whitespace() || c.is_ascii_control() || "<>\"{}|\\^`".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2024-13-01"));
        assert!(!is_date("2024-1-01"));
        assert!(!is_date("๒๕๖๗-01-01"));
        assert!(!is_date("1900-02-29"));
        assert!(is_date("2000-02-29"));
    }

    #[test]
    fn times_and_date_times() {
        assert!(is_date_time("2024-05-01T10:20:30Z"));
        assert!(is_date_time("2024-05-01T10:20:30.5+07:00"));
        assert!(!is_date_time("2024-05-01 10:20:30Z"));
        assert!(!is_date_time("2024-05-01T10:20:30"));
        assert!(is_time("23:59:60Z"));
        assert!(!is_time("22:59:60Z"));
        // 06:59 at +07:00 is 23:59 UTC, the only minute a leap second may end.
        assert!(is_time("06:59:60+07:00"));
        assert!(!is_time("23:59:60+07:00"));
    }

    #[test]
    fn emails_and_uris() {
        assert!(is_email("somchai@example.go.th"));
        assert!(!is_email("somchai@"));
        assert!(!is_email("a..b@example.com"));
        assert!(is_uri("https://www.dbd.go.th/"));
        assert!(!is_uri("//no-scheme"));
        assert!(!is_uri("http://a b"));
    }

    #[test]
    fn thai_phones_and_postcodes() {
        assert!(is_thai_mobile("0812345678"));
        assert!(is_thai_mobile("081-234-5678"));
        assert!(!is_thai_mobile("021234567"));
        assert!(!is_thai_mobile("0812345678x"));
        assert!(is_thai_landline("02-123-4567"));
        assert!(is_thai_landline("053123456"));
        assert!(!is_thai_landline("012345678"));
        assert_eq!(check("thai-phone", "021234567"), Ok(()));
        assert_eq!(check("thai-phone", "0912345678"), Ok(()));
        assert!(is_thai_postcode("10500"));
        assert!(is_thai_postcode("96000"));
        assert!(!is_thai_postcode("00123"));
        assert!(!is_thai_postcode("99000"));
        assert!(!is_thai_postcode("1050"));
    }

    #[test]
    fn network_formats() {
        assert!(is_ipv4("192.168.0.1"));
        assert!(!is_ipv4("256.1.1.1"));
        assert!(!is_ipv4("01.1.1.1"));
        assert!(is_uuid("2eb8aa08-aa98-11ea-b4aa-73b441d16380"));
        assert!(is_hostname("www.dbd.go.th"));
        assert!(!is_hostname("-bad.example"));
    }

    #[test]
    fn citizen_id_reports_its_reason() {
        assert_eq!(check("thai-citizen-id", "1101700207030"), Ok(()));
        assert_eq!(
            check("thai-citizen-id", "123"),
            Err(FormatError::CitizenId(CitizenIdError::Length(3)))
        );
        assert_eq!(check("some-future-format", "x"), Ok(()));
    }
}
