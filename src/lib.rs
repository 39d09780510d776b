//! Salesdesk: a browser-only working tool for a B2B sales team (hunters, farmers, a director).
//!
//! The crate is split so that everything that can be pure is pure, in layers that only look
//! down (`lang` ← `domain` ← `storage` ← `snapshot` ← `i18n` ← `ui`; `route` sits on `domain`):
//! - [`lang`]: the interface language, a leaf with no crate imports;
//! - [`domain`]: the model and its rules, no browser imports, tested with plain `cargo test`;
//! - [`snapshot`]: JSON snapshots of the workspace (export, validated import, merge preview);
//! - [`storage`]: the stored format (encode, decode, migrate) plus, in the wasm build only, the
//!   one small boundary that touches `localStorage`;
//! - [`i18n`]: every user-visible word, Russian and English, and the functions that put domain,
//!   storage and snapshot values into words;
//! - [`route`]: the pure mapping from the URL hash to a screen;
//! - `ui` (wasm only): thin Leptos components that render state and call the core.

pub mod domain;
pub mod i18n;
pub mod lang;
pub mod route;
pub mod snapshot;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
