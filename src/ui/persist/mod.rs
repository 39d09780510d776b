//! The one UI module that talks to storage. It reads the workspace and preferences at start
//! ([`load`]), keeps storage in step with the state (debounced saves of the workspace, a flush
//! when the page is hidden or closed, immediate saves of the preferences, the changes other tabs
//! save), and offers the backup slots ([`backups`]) and the ways out of storage trouble
//! ([`recovery`]). Screens never name a storage key or a codec function.

pub mod backups;
mod other_tab;
pub mod recovery;
pub mod sync_store;

use super::clock;
use super::state::{AppState, SaveState};
use crate::storage::browser;
use crate::storage::codec::WORKSPACE_KEY;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing may pause before a save: long enough to batch keystrokes, short enough that a
/// closed tab loses nothing (and pagehide flushes anyway).
pub(super) const SAVE_DELAY: Duration = Duration::from_millis(400);

/// What storage held when the app started.
pub struct Loaded {
    /// The workspace (empty on a first start or when the stored value was unreadable).
    pub workspace: crate::domain::Workspace,
    /// The stored revision it is based on.
    pub revision: u64,
    /// What the load came to (read, fresh, quarantined…).
    pub outcome: crate::storage::LoadOutcome,
    /// This browser's preferences.
    pub prefs: crate::storage::Prefs,
}

/// Reads the workspace and the preferences, timing the load for the browser benchmark, and
/// asks the browser to keep the data through storage pressure.
pub fn load() -> Loaded {
    let started = now_ms();
    let (workspace, revision, outcome) = browser::load_workspace(clock::now_millis());
    record_timing("load_ms", now_ms() - started);
    let prefs = browser::load_prefs();
    browser::request_persistence();
    Loaded {
        workspace,
        revision,
        outcome,
        prefs,
    }
}

/// Stores the sync engine's state (in IndexedDB, see [`sync_store`]).
pub fn save_sync_state(state: &crate::sync::SyncState) {
    sync_store::save(state);
}

/// Stores the sync engine's state already encoded ([`crate::sync::StateEncoder`]).
pub fn save_sync_state_bytes(bytes: Vec<u8>) {
    sync_store::save_bytes(bytes);
}

/// The bytes the app's keys take in `localStorage`, as the browser counts them.
pub fn used_bytes() -> u64 {
    browser::used_bytes()
}

/// Starts saving the workspace and preferences whenever they change.
pub fn install(state: AppState) {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<()>| {
        state.ws.track();
        // The first run only subscribes: the data was just read, there is nothing to write.
        // Data adopted from another tab is already stored, so it is not written back either
        // (two tabs would otherwise echo each other's saves forever).
        if state.adopting.get_value() {
            state.adopting.set_value(false);
            return;
        }
        if previous.is_none() || state.save.get_untracked() == SaveState::Blocked {
            return;
        }
        state.save.set(SaveState::Pending);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(
            set_timeout_with_handle(move || save_in_steps(state, timer), SAVE_DELAY).ok(),
        );
    });
    // Make the stored pieces of the loaded data ahead, in short steps once the page is up, so
    // that the first edit's save reuses them instead of encoding megabytes at once.
    set_timeout(move || prepare_in_steps(state), PREPARE_AFTER_LOAD);

    Effect::new(move |_| {
        let prefs = state.prefs.get();
        browser::save_prefs(&prefs);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", prefs.lang.code());
        }
    });

    let on_hide = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush_pending(state, timer);
        }
    });
    let on_pagehide = window_event_listener(ev::pagehide, move |_| flush_pending(state, timer));
    // Another tab saved: show its data, folded into ours (see `other_tab`: read and merged in
    // short tasks, with the rules of what may happen in between).
    // The event's own value is used, not a fresh read: another tab's writes reach this tab's copy
    // of storage one key at a time, so a read here could still see an older revision.
    let other_tabs = other_tab::OtherTabs::new(state);
    let on_storage = window_event_listener(ev::storage, move |e| {
        if e.key().as_deref() != Some(WORKSPACE_KEY) {
            return;
        }
        if let Some(raw) = e.new_value() {
            other_tabs.start(state, timer, raw);
        }
    });
    // The app lives as long as the page; the listeners must too.
    std::mem::forget((on_hide, on_pagehide, on_storage));
}

/// How many stored pieces one step makes (each a few hundred records: about 10 ms in the
/// browser), so no step freezes the page.
const PIECES_PER_STEP: usize = 2;
/// How long after start the pieces of the loaded data begin to be made: after the first paint.
const PREPARE_AFTER_LOAD: Duration = Duration::from_millis(500);

/// Makes the stored pieces of the workspace a few per task until all are ready.
fn prepare_in_steps(state: AppState) {
    let ready = state
        .ws
        .with_untracked(|ws| browser::prepare_save(ws, PIECES_PER_STEP));
    if !ready {
        set_timeout(move || prepare_in_steps(state), Duration::ZERO);
    }
}

/// A debounced save: the changed pieces are made a few per task (after an import that changed
/// everything, that keeps the page responding), then the workspace is written at once, in a
/// task of its own. A new
/// change in between replaces `timer`, which stops these steps and starts a new wait.
fn save_in_steps(state: AppState, timer: StoredValue<Option<TimeoutHandle>>) {
    if state.save.get_untracked() != SaveState::Pending {
        return;
    }
    let ready = state
        .ws
        .with_untracked(|ws| browser::prepare_save(ws, PIECES_PER_STEP));
    if ready {
        // The write in a task of its own: finding every piece ready is a pass over all the
        // records, and after a 100 000-row import the two together made a long task.
        let next = set_timeout_with_handle(
            move || {
                if state.save.get_untracked() == SaveState::Pending {
                    flush(state);
                }
            },
            Duration::ZERO,
        );
        timer.set_value(next.ok());
    } else {
        let next = set_timeout_with_handle(move || save_in_steps(state, timer), Duration::ZERO);
        timer.set_value(next.ok());
    }
}

/// Writes a change that waits for its debounced save now (the page is being hidden or closed,
/// or another tab's data was just folded in), instead of waiting.
fn flush_pending(state: AppState, timer: StoredValue<Option<TimeoutHandle>>) {
    if state.save.get_untracked() == SaveState::Pending {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        flush(state);
    }
}

/// Writes the workspace now, unless saving is blocked.
pub fn flush(state: AppState) {
    if state.save.get_untracked() == SaveState::Blocked {
        return;
    }
    let base = state.revision.get_value();
    let started = now_ms();
    let result = state
        .ws
        .with_untracked(|ws| browser::save_workspace(ws, clock::now(), base, clock::now_millis()));
    state.save.set(match result {
        Ok(saved) => {
            state.revision.set_value(saved.revision);
            if let Some(merged) = saved.merged {
                adopt(state, merged);
            }
            if let Some((key, error)) = saved.quarantined {
                state
                    .load
                    .set(crate::storage::LoadOutcome::Quarantined { key, error });
            }
            SaveState::Saved
        }
        Err(e) => SaveState::Failed(e),
    });
    record_timing("save_ms", now_ms() - started);
    state.used_bytes.set(browser::used_bytes());
}

/// Replaces the in-memory workspace with data that is already stored, without saving it again.
fn adopt(state: AppState, workspace: crate::domain::Workspace) {
    if state.ws.with_untracked(|ws| ws == &workspace) {
        return;
    }
    state.adopting.set_value(true);
    state.ws.set(workspace);
}

/// A high-resolution clock for the timings the benchmarks read.
pub fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}

/// Publishes a timing as `window.__salesdeskTimings[name]`, so the browser benchmark can report
/// how long loads and saves take at full size without a debug build.
pub fn record_timing(name: &str, ms: f64) {
    let key = "__salesdeskTimings";
    let timings = js_sys::Reflect::get(&window(), &key.into())
        .ok()
        .filter(|v| v.is_object())
        .unwrap_or_else(|| js_sys::Object::new().into());
    let _ = js_sys::Reflect::set(&timings, &name.into(), &ms.into());
    let _ = js_sys::Reflect::set(&window(), &key.into(), &timings);
}
