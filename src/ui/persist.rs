//! Keeps storage in step with the state: debounced saves of the workspace, a flush when the page
//! is hidden or closed, immediate saves of the preferences.

use super::clock;
use super::state::{AppState, SaveState};
use crate::storage::browser;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing may pause before a save: long enough to batch keystrokes, short enough that a
/// closed tab loses nothing (and pagehide flushes anyway).
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Starts saving the workspace and preferences whenever they change.
pub fn install(state: AppState) {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<()>| {
        state.ws.track();
        // The first run only subscribes: the data was just read, there is nothing to write.
        if previous.is_none() || state.save.get_untracked() == SaveState::Blocked {
            return;
        }
        state.save.set(SaveState::Pending);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(move || flush(state), SAVE_DELAY).ok());
    });

    Effect::new(move |_| {
        let prefs = state.prefs.get();
        browser::save_prefs(&prefs);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", prefs.lang.code());
        }
    });

    let flush_now = move || {
        if state.save.get_untracked() == SaveState::Pending {
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            flush(state);
        }
    };
    let on_hide = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush_now();
        }
    });
    let on_pagehide = window_event_listener(ev::pagehide, move |_| flush_now());
    // The app lives as long as the page; the listeners must too.
    std::mem::forget((on_hide, on_pagehide));
}

/// Writes the workspace now, unless saving is blocked.
pub fn flush(state: AppState) {
    if state.save.get_untracked() == SaveState::Blocked {
        return;
    }
    let result = state
        .ws
        .with_untracked(|ws| browser::save_workspace(ws, clock::now()));
    state.save.set(match result {
        Ok(_) => SaveState::Saved,
        Err(e) => SaveState::Failed(e),
    });
    state.used_bytes.set(browser::used_bytes());
}
