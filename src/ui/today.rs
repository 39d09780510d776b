//! «Today» follows the local calendar while the tab is open: at local midnight, and whenever a
//! hidden tab becomes visible again or the window regains focus (a sleeping laptop's timers fire
//! late), the day is read again; when it changed, [`AppState::today`] moves and the clients'
//! statuses are brought up to date (a client slides into «спящий» at midnight, not at the next
//! reload). The status change is an ordinary change, so it is saved like any other.

use super::clock;
use super::state::AppState;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

/// A little past midnight, so that a timer firing on the dot reads the new day.
const AFTER_MIDNIGHT_MS: i64 = 50;

/// Starts following the calendar. Call once, after the save machinery is installed.
pub fn install(state: AppState) {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let check = move || check_day(state, timer);
    arm(state, timer);
    let on_visible = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            check();
        }
    });
    let on_focus = window_event_listener(ev::focus, move |_| check());
    // The app lives as long as the page; the listeners must too.
    std::mem::forget((on_visible, on_focus));
}

/// Moves «today» if the local day changed, refreshes the statuses, and sets the next timer.
fn check_day(state: AppState, timer: StoredValue<Option<TimeoutHandle>>) {
    let today = clock::today();
    if today != state.today.get_untracked() {
        state.today.set(today);
        refresh_statuses(state);
    }
    arm(state, timer);
}

/// Brings every client's status in line with today; marks the data for saving only when a
/// status actually changed.
pub fn refresh_statuses(state: AppState) {
    let today = state.today_untracked();
    let _ = state.change(|ws, now| {
        if ws.refresh_statuses(today, now).is_empty() {
            Err(())
        } else {
            Ok(())
        }
    });
}

/// (Re)sets the timer for the next local midnight.
fn arm(state: AppState, timer: StoredValue<Option<TimeoutHandle>>) {
    if let Some(handle) = timer.get_value() {
        handle.clear();
    }
    let wait = clock::millis_to_midnight() + AFTER_MIDNIGHT_MS;
    let handle = set_timeout_with_handle(
        move || check_day(state, timer),
        Duration::from_millis(wait.max(0) as u64),
    );
    timer.set_value(handle.ok());
}
