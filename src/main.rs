//! Entry point of the browser app. Natively there is nothing to run: the core is tested with
//! `cargo test`, and the app is built for the browser by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    salesdesk::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Salesdesk runs in the browser: build it with `trunk build --release` (see README).");
}
