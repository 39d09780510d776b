//! Benchmark of the orders core: history index, transfer rule, farmer metrics, full and
//! incremental recompute, on 5 000 synthetic clients with 100 000 orders
//! ([`salesdesk::testkit::bench`]).
//!
//! Run natively with `cargo run --release --features testkit --bin bench_core [RUNS]`. The browser figures come
//! from `scripts/bench-wasm.sh`, which runs the same library function in Chromium. In the wasm
//! build this program is empty: the browser has no `Instant`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use salesdesk::testkit::bench;
    use std::sync::OnceLock;
    use std::time::Instant;

    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    /// Milliseconds since the first call: the clock the library's benchmark takes.
    fn now_ms() -> f64 {
        ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1_000.0
    }

    let runs = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(21);
    now_ms();
    print!("{}", bench::run(now_ms, runs).to_text());
}
