//! How much of the browser's `localStorage` the app uses, counted the way Chromium counts it.
//!
//! Chromium gives an origin about 5 MiB (keys plus values). A string whose characters are all
//! Latin-1 (U+0000–U+00FF) is stored one byte per character; a string with any other character
//! (Cyrillic!) is stored as UTF-16, two bytes per UTF-16 unit.

/// The origin's `localStorage` quota in Chromium, in bytes (5 MiB).
pub const QUOTA_BYTES: u64 = 5 * 1024 * 1024;

/// Share of the quota above which the app warns that storage is getting full.
pub const WARN_PERCENT: u64 = 80;

/// The bytes Chromium charges for one string.
pub fn counted_bytes(text: &str) -> u64 {
    if text.chars().all(|c| u32::from(c) <= 0xFF) {
        text.chars().count() as u64
    } else {
        2 * text.encode_utf16().count() as u64
    }
}

/// The bytes charged for one stored entry: its key and its value.
pub fn entry_bytes(key: &str, value: &str) -> u64 {
    counted_bytes(key) + counted_bytes(value)
}

/// Used share of the quota, in whole percent (rounded up, so "0 %" means truly tiny).
pub fn percent_used(bytes: u64) -> u64 {
    (bytes * 100).div_ceil(QUOTA_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_counts_one_byte_and_anything_else_two() {
        assert_eq!(counted_bytes("salesdesk"), 9);
        assert_eq!(counted_bytes("café ±"), 6, "é and ± are Latin-1");
        assert_eq!(counted_bytes("ООО"), 6);
        assert_eq!(
            counted_bytes("ab₽"),
            6,
            "₽ is outside Latin-1, so every character costs 2"
        );
        assert_eq!(
            counted_bytes("😀"),
            4,
            "a surrogate pair is two UTF-16 units"
        );
        assert_eq!(entry_bytes("k", "Вектор"), 13);
    }

    #[test]
    fn percent_rounds_up() {
        assert_eq!(percent_used(0), 0);
        assert_eq!(percent_used(1), 1);
        assert_eq!(percent_used(QUOTA_BYTES), 100);
        assert_eq!(percent_used(QUOTA_BYTES / 2), 50);
    }
}
