//! The ways out of storage trouble, for the banner: download a stored value the app could not
//! read, give it up and start afresh, or take the data on screen as a file when saving fails.

use super::{flush, AppState};
use crate::domain::dates::iso_date;
use crate::format::packed::readable;
use crate::storage::browser;
use crate::storage::codec::{encode_json, WORKSPACE_KEY};
use crate::storage::LoadOutcome;
use crate::ui::clock;
use crate::ui::download::download_text;
use crate::ui::state::SaveState;
use leptos::prelude::*;

/// Which unreadable value to download: the one moved aside, or the one left in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Moved to this quarantine key.
    Quarantined(String),
    /// Still under the workspace key (storage was too full to move it).
    InPlace,
}

/// Downloads an unreadable stored value, unpacked to JSON when it still unpacks, so a person or
/// a tool can read it.
pub fn download_unreadable(which: &Unreadable) {
    let key = match which {
        Unreadable::Quarantined(key) => key.as_str(),
        Unreadable::InPlace => WORKSPACE_KEY,
    };
    if let Some(raw) = browser::read_raw(key) {
        download_text(
            "salesdesk-unreadable-data.txt",
            &readable(&raw),
            "text/plain;charset=utf-8",
        );
    }
}

/// Gives up the unreadable value left in place (the person downloaded it or does not need it)
/// and starts saving this tab's data again.
pub fn discard_unreadable(state: AppState) {
    browser::remove(WORKSPACE_KEY);
    state.load.set(LoadOutcome::Fresh);
    state.save.set(SaveState::Pending);
    flush(state);
}

/// The data on screen as a file: nothing is lost even if saving fails and the tab closes.
pub fn download_current(state: AppState) {
    let json = state
        .ws
        .with_untracked(|ws| encode_json(ws, clock::now(), state.revision.get_value()));
    let name = format!("salesdesk-{}.json", iso_date(state.today_untracked()));
    download_text(&name, &json, "application/json");
}
