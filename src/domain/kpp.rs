//! КПП (код причины постановки на учёт), the second number on a company's invoices: 9 digits
//! (the tax office's 4, the reason's 2, a serial's 3). Since 2013 the two reason characters may
//! also be Latin capitals, which the check allows.

use thiserror::Error;

/// Why a typed КПП is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum KppError {
    /// Not 9 characters, or something other than digits where digits belong.
    #[error("a KPP has 9 digits")]
    Malformed,
}

/// Checks a КПП; spaces are ignored. Returns it without them.
pub fn validate_kpp(text: &str) -> Result<String, KppError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let chars: Vec<char> = compact.chars().collect();
    let fits = chars.len() == 9
        && chars
            .iter()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || ((4..6).contains(&i) && c.is_ascii_uppercase()));
    if fits {
        Ok(compact)
    } else {
        Err(KppError::Malformed)
    }
}

/// Whether a stored КПП is well-formed (as [`validate_kpp`] would have returned it).
pub fn is_valid_kpp(kpp: &str) -> bool {
    validate_kpp(kpp).is_ok_and(|k| k == kpp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_digits_or_the_2013_letters() {
        assert_eq!(validate_kpp("773601001"), Ok("773601001".into()));
        assert_eq!(validate_kpp(" 7736 01 001 "), Ok("773601001".into()));
        assert_eq!(validate_kpp("7736AB001"), Ok("7736AB001".into()));
        assert_eq!(validate_kpp("77360100"), Err(KppError::Malformed));
        assert_eq!(validate_kpp("7736010011"), Err(KppError::Malformed));
        assert_eq!(validate_kpp("A73601001"), Err(KppError::Malformed));
        assert_eq!(validate_kpp("7736ab001"), Err(KppError::Malformed));
        assert_eq!(validate_kpp("77360100١"), Err(KppError::Malformed));
        assert!(is_valid_kpp("773601001"));
        assert!(!is_valid_kpp("7736 01001"));
    }
}
