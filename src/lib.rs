//! Salesdesk: a browser-only working tool for a B2B sales team (hunters, farmers, a director).
//!
//! The crate is split so that everything that can be pure is pure:
//! - [`domain`]: the model and its rules, no browser imports, tested with plain `cargo test`;
//! - [`snapshot`]: JSON snapshots of the workspace (export, validated import, merge preview);
//! - [`format`]: what stored values and snapshot files look like (envelope, column-wise orders,
//!   packing), in both directions;
//! - [`restore`]: the one path by which any data comes back in (storage, files, backups):
//!   strict JSON, format and version, migrations, every field's kind, the records' checks;
//! - [`storage`]: the stored workspace plus, in the wasm build only, the one small boundary
//!   that touches `localStorage`;
//! - [`i18n`]: the single Russian/English translation table;
//! - [`route`]: the pure mapping from the URL hash to a screen;
//! - `ui` (wasm only): thin Leptos components that render state and call the core.

pub mod domain;
pub mod format;
pub mod i18n;
pub mod restore;
pub mod route;
pub mod snapshot;
pub mod storage;

/// Test data builders, synthetic workspaces and the core benchmark: compiled for the unit tests
/// and, with the `testkit` feature, for the bench binaries; never part of the app.
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;

#[cfg(target_arch = "wasm32")]
pub mod ui;
