//! The Thai citizen identification number: 13 digits, the last a mod-11
//! check digit over the first twelve (weights 13 down to 2).

use std::fmt;

/// Why a string is not a valid Thai citizen ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CitizenIdError {
    /// Something other than a digit (spaces and dashes are allowed and skipped).
    NotDigits,
    /// Not exactly 13 digits; carries how many there were.
    Length(usize),
    /// The 13th digit does not match the check digit of the first twelve.
    Checksum { expected: u8, found: u8 },
}

impl fmt::Display for CitizenIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CitizenIdError::NotDigits => f.write_str("a citizen ID holds only digits"),
            CitizenIdError::Length(n) => write!(f, "a citizen ID has 13 digits, not {n}"),
            CitizenIdError::Checksum { expected, found } => {
                write!(f, "check digit is {found}, but the first 12 digits give {expected}")
            }
        }
    }
}

impl std::error::Error for CitizenIdError {}

/// The check digit for the first twelve digits.
pub fn check_digit(first12: &[u8; 12]) -> u8 {
    let sum: u32 = first12.iter().zip((2..=13).rev()).map(|(d, w)| u32::from(*d) * w).sum();
    ((11 - sum % 11) % 10) as u8
}

/// Checks a citizen ID written as digits, optionally grouped by `-` or spaces
/// as on the ID card (`1-2345-67890-12-1`).
pub fn validate(s: &str) -> Result<(), CitizenIdError> {
    let mut digits = Vec::with_capacity(13);
    for c in s.chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            '-' | ' ' => {}
            _ => return Err(CitizenIdError::NotDigits),
        }
    }
    let Ok(all) = <[u8; 13]>::try_from(digits.as_slice()) else {
        return Err(CitizenIdError::Length(digits.len()));
    };
    let mut first12 = [0u8; 12];
    first12.copy_from_slice(&all[..12]);
    let expected = check_digit(&first12);
    match all[12] {
        found if found == expected => Ok(()),
        found => Err(CitizenIdError::Checksum { expected, found }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_valid_ids() {
        // 1234567890121: weights 13..2 give 352 = 32 * 11, so 11 - 0 = 11 wraps to 1.
        assert_eq!(validate("1234567890121"), Ok(()));
        assert_eq!(validate("1-2345-67890-12-1"), Ok(()));
        // 110170020703 gives 144; 11 - 144 % 11 = 10 wraps to 0.
        assert_eq!(validate("1101700207030"), Ok(()));
        // 350010012345 gives 7 with no wrap.
        assert_eq!(validate("3500100123457"), Ok(()));
    }

    #[test]
    fn wrong_check_digit_names_both_digits() {
        assert_eq!(validate("1101700207031"), Err(CitizenIdError::Checksum { expected: 0, found: 1 }));
    }

    #[test]
    fn wrong_length_and_letters() {
        assert_eq!(validate("123"), Err(CitizenIdError::Length(3)));
        assert_eq!(validate(""), Err(CitizenIdError::Length(0)));
        assert_eq!(validate("11017002070391"), Err(CitizenIdError::Length(14)));
        assert_eq!(validate("110170020703x"), Err(CitizenIdError::NotDigits));
        assert_eq!(validate("๑๑๐๑๗๐๐๒๐๗๐๓๐"), Err(CitizenIdError::NotDigits));
    }

    #[test]
    fn exactly_one_check_digit_fits() {
        // Weight 11 on the third digit is 0 mod 11, so the scheme cannot catch
        // every typo; what it guarantees is one check digit per prefix.
        for prefix in ["110170020703", "123456789012", "350010012345", "000000000000"] {
            let fits = ('0'..='9').filter(|d| validate(&format!("{prefix}{d}")).is_ok()).count();
            assert_eq!(fits, 1, "{prefix}");
        }
    }
}
