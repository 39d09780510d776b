//! Moving between screens through the URL hash.

use crate::route::{href, Route};
use leptos::prelude::*;

/// The current location hash, with its `#`.
pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to a screen (adds a history entry, so Back works).
pub fn go(to: &Route) {
    let _ = window().location().set_hash(&href(to));
}
