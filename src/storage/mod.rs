//! Persistence. The stored format (envelope, versions, migrations) is pure and tested natively;
//! only `browser` touches `localStorage`, and only in the wasm build.

pub mod capacity;
pub mod codec;
pub mod migrate;
pub mod order_book;
pub mod outcome;
pub mod prefs;

#[cfg(target_arch = "wasm32")]
pub mod browser;

pub use codec::{decode_workspace, encode_workspace, DecodeError};
pub use outcome::{LoadOutcome, SaveError};
pub use prefs::Prefs;
