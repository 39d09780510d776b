//! The orders-core benchmark ([`salesdesk::testkit::bench`]) in the browser: a wasm module
//! exporting `run_bench(runs)`, which returns the report as JSON, timed with
//! `performance.now()`. Built and run in headless Chromium by `scripts/bench-wasm.sh`.
//!
//! A separate program rather than part of the app, so the app's wasm carries no benchmark code;
//! it is built with the app's release profile and `wasm-opt` flags so its figures are the app's.
//! Natively it is empty (the native figures come from `bench_core`).

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Milliseconds from `performance.now()` (0 if there is no window, which a page always has).
    fn now_ms() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    /// Runs every step of the benchmark `runs` times; returns the report as JSON.
    #[wasm_bindgen]
    pub fn run_bench(runs: usize) -> String {
        let report = salesdesk::testkit::bench::run(now_ms, runs);
        serde_json::to_string(&report).unwrap_or_default()
    }

    /// The dashboard benchmark ([`salesdesk::testkit::bench_dashboard`]): every period choice
    /// `runs` times; returns the report (min / median / max per step) as JSON.
    #[wasm_bindgen]
    pub fn run_dashboard_bench(runs: usize) -> String {
        let report = salesdesk::testkit::bench_dashboard::run(now_ms, runs);
        serde_json::to_string(&report).unwrap_or_default()
    }
}

fn main() {}
