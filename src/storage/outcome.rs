//! What a load or a save of the stored workspace came to; plain data the UI explains to the user.

use crate::restore::RestoreError;
use thiserror::Error;

/// What happened when the stored workspace was read at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadOutcome {
    /// Nothing stored yet: a first start.
    Fresh,
    /// The stored workspace was read.
    Loaded,
    /// The stored value was unreadable; it was moved to `key` and the app starts empty.
    Quarantined {
        /// Where the raw value now is.
        key: String,
        /// Why it could not be read.
        error: RestoreError,
    },
    /// The stored value was unreadable and could not be moved aside (storage full): it stays
    /// where it is and saving is blocked so it is not overwritten.
    KeptInPlace {
        /// Why it could not be read.
        error: RestoreError,
    },
    /// `localStorage` cannot be used at all (disabled, private mode).
    Unavailable,
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    /// The browser refused the write because the origin's storage is full.
    #[error("storage is full")]
    QuotaExceeded,
    /// `localStorage` is not available.
    #[error("storage is not available")]
    Unavailable,
    /// Any other refusal, with the browser's words.
    #[error("the browser refused to save: {0}")]
    Refused(String),
}
