//! ИНН (Russian taxpayer number) validation by its check digits, so typos are caught at entry.

use thiserror::Error;

/// Why a typed ИНН is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum InnError {
    /// Not 10 digits (organisation) or 12 digits (individual entrepreneur).
    #[error("an INN has 10 or 12 digits")]
    WrongLength,
    /// Something other than digits.
    #[error("an INN has digits only")]
    NotDigits,
    /// The check digits do not match: most likely a typo.
    #[error("the INN check digits do not match")]
    BadChecksum,
}

const W10: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11: [u32; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

fn check_digit(digits: &[u32], weights: &[u32]) -> u32 {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    sum % 11 % 10
}

/// Checks an ИНН; spaces are ignored. Returns the normalised digits.
pub fn validate_inn(text: &str) -> Result<String, InnError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !compact.chars().all(|c| c.is_ascii_digit()) {
        return Err(InnError::NotDigits);
    }
    let digits: Vec<u32> = compact.chars().filter_map(|c| c.to_digit(10)).collect();
    let valid = match digits.len() {
        10 => check_digit(&digits[..9], &W10) == digits[9],
        12 => {
            check_digit(&digits[..10], &W11) == digits[10]
                && check_digit(&digits[..11], &W12) == digits[11]
        }
        _ => return Err(InnError::WrongLength),
    };
    if valid {
        Ok(compact)
    } else {
        Err(InnError::BadChecksum)
    }
}

/// Completes 9 (or 10) leading digits into a valid 10-digit (or 12-digit) ИНН; used by the demo
/// data so that every sample ИНН passes validation.
pub fn complete_inn(prefix: &str) -> String {
    let mut digits: Vec<u32> = prefix.chars().filter_map(|c| c.to_digit(10)).collect();
    match digits.len() {
        9 => digits.push(check_digit(&digits, &W10)),
        10 => {
            let d11 = check_digit(&digits, &W11);
            digits.push(d11);
            let d12 = check_digit(&digits, &W12);
            digits.push(d12);
        }
        _ => {}
    }
    digits
        .iter()
        .map(|d| char::from_digit(*d, 10).expect("digit"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_inns() {
        // Публичные ИНН: ПАО Сбербанк (10 цифр) и образец ИНН физлица (12 цифр).
        assert_eq!(validate_inn("7707083893"), Ok("7707083893".into()));
        assert_eq!(validate_inn("500100732259"), Ok("500100732259".into()));
        assert_eq!(validate_inn(" 7707 083 893 "), Ok("7707083893".into()));
    }

    #[test]
    fn rejects_typos_and_junk() {
        assert_eq!(validate_inn("7707083894"), Err(InnError::BadChecksum));
        assert_eq!(validate_inn("500100732258"), Err(InnError::BadChecksum));
        assert_eq!(validate_inn("770708389"), Err(InnError::WrongLength));
        assert_eq!(validate_inn("77070838931"), Err(InnError::WrongLength));
        assert_eq!(validate_inn("77070A3893"), Err(InnError::NotDigits));
    }

    #[test]
    fn completed_inns_validate() {
        for prefix in ["770708389", "500100732", "1234567890", "7812345678"] {
            let inn = complete_inn(prefix);
            assert!(validate_inn(&inn).is_ok(), "{inn}");
        }
        assert_eq!(complete_inn("770708389"), "7707083893");
    }
}
