//! Stable unique record ids.
//!
//! Snapshots from several reps are merged by id, so ids must be unique across browsers without
//! coordination. An id is the creation time in milliseconds followed by 64 random bits, both in
//! base 36: short enough to read, sortable by creation time, and collision-free in practice.
//! The core takes the time and the randomness as arguments so that it stays deterministic.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The id of any record (team member, client, deal, stage).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// Builds an id from a creation time (Unix milliseconds) and 64 random bits.
    pub fn generate(unix_millis: i64, random: u64) -> Self {
        let mut text = base36(unix_millis.max(0) as u64);
        let tail = base36(random);
        // Pad the random part so every id of the same era has the same length.
        text.push_str(&"0".repeat(13usize.saturating_sub(tail.len())));
        text.push_str(&tail);
        Id(text)
    }

    /// Wraps an existing id string (read from storage, a snapshot or a fixed seed).
    pub fn from_raw(raw: impl Into<String>) -> Self {
        Id(raw.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".to_owned();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).expect("base36 digits are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_differ_by_time_and_randomness() {
        let a = Id::generate(1_700_000_000_000, 1);
        let b = Id::generate(1_700_000_000_000, 2);
        let c = Id::generate(1_700_000_000_001, 1);
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.as_str().len(), b.as_str().len());
    }

    #[test]
    fn later_ids_sort_after_earlier_ones() {
        let early = Id::generate(1_700_000_000_000, u64::MAX);
        let late = Id::generate(1_700_000_000_001, 0);
        assert!(early < late);
    }

    #[test]
    fn base36_is_exact() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
    }
}
