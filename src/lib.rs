//! Salesdesk: a browser-only working tool for a B2B sales team (hunters, farmers, a director).
//!
//! The crate is split so that everything that can be pure is pure, in layers that only look
//! down (`lang` ← `domain` ← `format` ← `restore` ← `storage`, `snapshot`, `import` ← `i18n` ← `ui`;
//! `route` sits on `domain`):
//! - [`lang`]: the interface language, a leaf with no crate imports;
//! - [`domain`]: the model and its rules, no browser imports, tested with plain `cargo test`;
//! - [`format`]: what stored values and snapshot files look like (envelope, column-wise orders,
//!   packing), in both directions;
//! - [`restore`]: the one path by which any data comes back in (storage, files, backups):
//!   strict JSON, format and version, migrations, every field's kind, the records' checks;
//! - [`storage`]: the stored workspace plus, in the wasm build only, the one small boundary
//!   that touches `localStorage`;
//! - [`snapshot`]: JSON snapshots of the workspace (export, import preview, merge report data);
//! - [`import`]: clients and orders from the tables people have (1C, Excel, CSV): reading,
//!   column mapping, matching, a preview and applying it;
//! - [`i18n`]: every user-visible word, Russian and English, and the functions that put domain,
//!   storage and snapshot values into words;
//! - [`sheet`]: tables as `.xlsx` workbooks and CSV (pure; the words come from `i18n`);
//! - [`sync`]: live team sync through a CouchDB server, sans-IO (the engine writes requests and
//!   reads responses; the browser's `fetch` and a native test client drive it);
//! - [`route`]: the pure mapping from the URL hash to a screen;
//! - [`trace`]: named moments of the start-up for the cold-load benchmark, a leaf (marks only
//!   with the `testkit` feature);
//! - `ui` (wasm only): thin Leptos components that render state and call the core.

pub mod domain;
pub mod format;
pub mod i18n;
pub mod import;
pub mod lang;
pub mod restore;
pub mod route;
pub mod sheet;
pub mod snapshot;
pub mod storage;
pub mod sync;
pub mod trace;

/// Test data builders, synthetic workspaces and the core benchmark: compiled for the unit tests
/// and, with the `testkit` feature, for the bench binaries; never part of the app.
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;

#[cfg(target_arch = "wasm32")]
pub mod ui;
