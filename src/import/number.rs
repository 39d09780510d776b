//! Numbers as Russian (and other) files write them, read exactly into kopecks: `1 234 567,89`,
//! `1 234,5 руб.`, `−500`, `(1 500,00)`, `1234567.89`, `1,234,567.89`, `1.234.567,89`.
//!
//! The digits are read as digits: nothing goes through floating point. A spreadsheet's number
//! cell is handed over as the shortest decimal of its value (see [`Cell::Number`]) and rounded
//! to kopecks half away from zero, since Excel stores `0.1 + 0.2` as `0.30000000000000004`;
//! typed text with more than two digits of kopecks is refused instead, since it is a typo or
//! not money.

use super::table::Cell;
use crate::domain::money::Money;
use thiserror::Error;

/// Why a cell is not an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum NumberError {
    /// The cell is empty.
    #[error("the cell is empty")]
    Empty,
    /// Not digits with at most one decimal separator and thousands groups.
    #[error("not a number")]
    NotANumber,
    /// More than two digits after the decimal separator in typed text.
    #[error("more than two digits of kopecks")]
    TooPrecise,
    /// Beyond [`Money::MAX`].
    #[error("the amount is too large")]
    TooLarge,
}

/// Currency marks written after (or before) an amount, lower-case, longest first.
const CURRENCY: [&str; 7] = ["руб.", "руб", "rub", "rur", "р.", "р", "₽"];

/// The amount in a cell, negative allowed (a return in an accounting export).
pub fn parse_amount(cell: &Cell) -> Result<Money, NumberError> {
    let (text, round) = match cell {
        Cell::Empty => return Err(NumberError::Empty),
        Cell::Text(t) => (t.as_str(), false),
        Cell::Number(n) => (n.as_str(), true),
        Cell::Date(_) => return Err(NumberError::NotANumber),
    };
    let kopecks = parse_scaled(text, 2, round)?;
    if kopecks.unsigned_abs() > Money::MAX.kopecks().unsigned_abs() {
        return Err(NumberError::TooLarge);
    }
    Ok(Money::from_kopecks(kopecks))
}

/// `text` as a whole number of `10^-scale` units: `parse_scaled("1,5", 2, false)` is 150.
/// With `round`, extra fraction digits are rounded half away from zero; without, refused.
pub fn parse_scaled(text: &str, scale: u32, round: bool) -> Result<i64, NumberError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = strip_sign(&compact);
    let body = strip_currency(body);
    let (whole, fraction) = split_decimal(body)?;
    if whole.is_empty() && fraction.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(&whole) || !digits(fraction) {
        return Err(NumberError::NotANumber);
    }
    let scale = scale as usize;
    let (kept, rest) = fraction.split_at(fraction.len().min(scale));
    if !round && !rest.is_empty() {
        return Err(NumberError::TooPrecise);
    }
    let round_up = rest.as_bytes().first().is_some_and(|&d| d >= b'5');
    let mut value: i64 = 0;
    let padded = kept.chars().chain(std::iter::repeat('0')).take(scale);
    for d in whole.chars().chain(padded) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(d.to_digit(10).unwrap_or(0))))
            .ok_or(NumberError::TooLarge)?;
    }
    if round_up {
        value = value.checked_add(1).ok_or(NumberError::TooLarge)?;
    }
    Ok(if negative { -value } else { value })
}

/// A leading minus (ASCII, «−» or a dash) or accounting parentheses `(1 500,00)`.
fn strip_sign(text: &str) -> (bool, &str) {
    if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        return (true, inner);
    }
    match text.strip_prefix(['-', '−', '–']) {
        Some(rest) => (true, rest),
        None => (false, text),
    }
}

fn strip_currency(text: &str) -> &str {
    let lower = text.to_lowercase();
    for mark in CURRENCY {
        // Lower-casing keeps these marks' byte lengths, so the cut is at the same place.
        if lower.ends_with(mark) && lower.len() == text.len() {
            return &text[..text.len() - mark.len()];
        }
    }
    text.strip_prefix('₽').unwrap_or(text)
}

/// The whole part (grouping separators removed) and the fraction. With both `,` and `.`, the
/// later one is the decimal separator and the other groups thousands; one of them alone once is
/// the decimal separator; alone several times it groups thousands, and then every group after
/// the first must have three digits: `1,234,567` is a number, `12,3,4` is not.
fn split_decimal(text: &str) -> Result<(String, &str), NumberError> {
    let last_comma = text.rfind(',');
    let last_dot = text.rfind('.');
    let (decimal, group) = match (last_comma, last_dot) {
        (Some(c), Some(d)) if c > d => (Some(','), Some('.')),
        (Some(_), Some(_)) => (Some('.'), Some(',')),
        (Some(_), None) if text.matches(',').count() == 1 => (Some(','), None),
        (Some(_), None) => (None, Some(',')),
        (None, Some(_)) if text.matches('.').count() == 1 => (Some('.'), None),
        (None, Some(_)) => (None, Some('.')),
        (None, None) => (None, None),
    };
    let (whole, fraction) = match decimal {
        Some(sep) => {
            let at = text.rfind(sep).expect("the separator is there");
            (&text[..at], &text[at + 1..])
        }
        None => (text, ""),
    };
    if fraction.contains([',', '.']) {
        return Err(NumberError::NotANumber);
    }
    let Some(group) = group else {
        return Ok((whole.to_owned(), fraction));
    };
    let groups: Vec<&str> = whole.split(group).collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return Err(NumberError::NotANumber);
    }
    Ok((groups.concat(), fraction))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Result<i64, NumberError> {
        parse_amount(&Cell::Text(t.to_owned())).map(Money::kopecks)
    }

    #[test]
    fn reads_russian_amounts_exactly() {
        assert_eq!(text("1 234 567,89"), Ok(123_456_789));
        assert_eq!(text("1\u{a0}234\u{a0}567,89"), Ok(123_456_789));
        assert_eq!(text("1\u{2009}234,5"), Ok(123_450));
        assert_eq!(text("1\u{202f}234 р."), Ok(123_400));
        assert_eq!(text("500 руб."), Ok(50_000));
        assert_eq!(text("500,00 РУБ"), Ok(50_000));
        assert_eq!(text("1 500 ₽"), Ok(150_000));
        assert_eq!(text("1234567.89"), Ok(123_456_789));
        assert_eq!(text("1,234,567.89"), Ok(123_456_789));
        assert_eq!(text("1.234.567,89"), Ok(123_456_789));
        assert_eq!(text("1,234,567"), Ok(123_456_700));
        assert_eq!(text(",5"), Ok(50));
        assert_eq!(text("007"), Ok(700));
    }

    #[test]
    fn reads_negative_amounts() {
        assert_eq!(text("-1 500,00"), Ok(-150_000));
        assert_eq!(text("−1 500"), Ok(-150_000));
        assert_eq!(text("(1 500,50)"), Ok(-150_050));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(text("  "), Err(NumberError::Empty));
        assert_eq!(text("12,3,4"), Err(NumberError::NotANumber));
        assert_eq!(text("1.2,3.4"), Err(NumberError::NotANumber));
        assert_eq!(text("12a"), Err(NumberError::NotANumber));
        assert_eq!(text("руб."), Err(NumberError::NotANumber));
        assert_eq!(text("."), Err(NumberError::NotANumber));
        assert_eq!(text("1,234"), Err(NumberError::TooPrecise));
        assert_eq!(text("1000000000001"), Err(NumberError::TooLarge));
        assert_eq!(text("99999999999999999999999"), Err(NumberError::TooLarge));
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(
            parse_amount(&Cell::Date(date)),
            Err(NumberError::NotANumber)
        );
        assert_eq!(parse_amount(&Cell::Empty), Err(NumberError::Empty));
    }

    #[test]
    fn spreadsheet_numbers_round_to_kopecks() {
        let n = |t: &str| parse_amount(&Cell::Number(t.to_owned())).map(Money::kopecks);
        assert_eq!(n("0.30000000000000004"), Ok(30));
        assert_eq!(n("1234.5"), Ok(123_450));
        assert_eq!(n("2.675"), Ok(268));
        assert_eq!(n("-2.675"), Ok(-268));
        assert_eq!(n("0.004"), Ok(0));
        assert_eq!(n("100000000000000000000"), Err(NumberError::TooLarge));
    }

    /// A small deterministic generator, so the property test needs no extra crate.
    fn next(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *seed >> 11
    }

    #[test]
    fn property_every_written_form_reads_back_exactly() {
        let mut seed = 15;
        for _ in 0..5_000 {
            let kopecks = (next(&mut seed) % 100_000_000_000_000) as i64;
            let sign = if next(&mut seed).is_multiple_of(4) {
                -1
            } else {
                1
            };
            let value = sign * kopecks;
            let money = Money::from_kopecks(value.abs());
            // The app's own display, as a person copies it: grouped, «,» and «₽».
            let shown = money.to_string().replace('\u{a0}', " ");
            let forms = [
                shown.clone(),
                money.to_input(),
                format!("{}.{:02}", kopecks / 100, kopecks % 100),
                format!("{} руб.", money.to_input()),
            ];
            for form in forms {
                let written = if sign < 0 { format!("-{form}") } else { form };
                assert_eq!(text(&written), Ok(value), "{written}");
            }
        }
    }
}
