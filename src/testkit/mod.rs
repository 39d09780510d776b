//! Test data: small hand-made records for unit tests (`fixtures`, `order_data`), deterministic
//! synthetic workspaces of any size (`synth_orders`, `synth_workspace`) and the orders-core
//! benchmark (`bench`) the bench binaries run natively and in the browser.
//!
//! Kept out of the shipped core: `lib.rs` compiles this module only under `cfg(test)` or the
//! `testkit` feature, which only the bench binaries require.

pub mod bench;
pub mod bench_dashboard;
pub mod fixtures;
pub mod order_data;
pub mod synth_orders;
pub mod synth_workspace;
