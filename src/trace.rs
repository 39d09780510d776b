//! Named moments of the start-up, for the cold-load benchmark (`scripts/bench-load.mjs`): with
//! the `testkit` feature the browser layer installs a hook that turns each into a
//! `performance.mark("sd:<name>")`; without it [`mark`] is empty and compiles to nothing, so the
//! shipped app carries none of it. Pure: the core only calls a function it was handed.

#[cfg(feature = "testkit")]
thread_local! {
    static HOOK: std::cell::Cell<Option<fn(&str)>> = const { std::cell::Cell::new(None) };
}

/// Notes that the start-up reached `name` (nothing without the `testkit` feature).
#[inline(always)]
pub fn mark(name: &str) {
    #[cfg(feature = "testkit")]
    if let Some(hook) = HOOK.with(|h| h.get()) {
        hook(name);
    }
    #[cfg(not(feature = "testkit"))]
    let _ = name;
}

/// Sends every later [`mark`] to `hook` (the browser layer's `performance.mark`).
#[cfg(feature = "testkit")]
pub fn install(hook: fn(&str)) {
    HOOK.with(|h| h.set(Some(hook)));
}
