//! Persistence: the stored workspace (`codec`, pure: packed envelope in, the one restore path
//! out), preferences (`prefs`), what the browser charges for it (`capacity`), what a load or
//! save came to (`outcome`), and the one `localStorage` boundary (`browser`, wasm only).

pub mod capacity;
pub mod codec;
pub mod outcome;
pub mod pieces;
pub mod prefs;

#[cfg(target_arch = "wasm32")]
pub mod browser;

pub use codec::{decode_workspace, encode_workspace};
pub use outcome::{LoadOutcome, SaveError};
pub use prefs::{Prefs, TableMapping, REMEMBERED_MAPPINGS};

#[cfg(test)]
mod tests;
