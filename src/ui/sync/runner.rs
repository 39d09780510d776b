//! Runs sync rounds: at start (after asking the server who is logged in), shortly after a local
//! change (debounced), every [`POLL`] while the page is visible and online, when the network
//! comes back and when the page is shown again. One round at a time; a request during a round
//! asks for one more after it.

use super::fetch::{self, Offline};
use super::{set_aside_of, SyncCtx, SyncStatus};
use crate::sync::{LoginOutcome, Session, StateEncoder, SyncRound};
use crate::ui::state::AppState;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Polling interval of the normal `_changes` feed while visible and online.
const POLL: Duration = Duration::from_secs(15);
/// How long after the last local change a round starts.
const AFTER_CHANGE: Duration = Duration::from_millis(700);
/// How long after a round that learnt something the engine's state is stored. Encoding a
/// full-size team's state (5 MB) is a task of 100–150 ms in the browser: stored at once, it
/// fell into every edit's round and into every poll that pulled a colleague's change. Stored a
/// while later, once for all the rounds in between. Losing it costs nothing but requests: the
/// next round pulls again from the older sequence (merging what it already has changes nothing)
/// and a write with an older `_rev` meets a `409` that the merge settles.
const STORE_STATE_AFTER: Duration = Duration::from_secs(3);
/// How long to wait for a running round (which holds the engine's state) before storing it.
const STORE_STATE_RETRY: Duration = Duration::from_millis(500);

/// Provides the sync context and, when the page started with sync settings, starts syncing.
pub fn install(state: AppState) {
    let started_with = state.prefs.with_untracked(|p| p.sync.clone());
    let ctx = SyncCtx::new(started_with);
    provide_context(ctx);
    if !ctx.is_on() {
        return;
    }
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<()>| {
        state.ws.track();
        if previous.is_none() {
            return;
        }
        if ctx.applying.get_value() {
            ctx.applying.set_value(false);
            return;
        }
        ctx.generation.update_value(|g| *g += 1);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(
            set_timeout_with_handle(move || request_round(ctx, state), AFTER_CHANGE).ok(),
        );
    });
    let poll = set_interval_with_handle(
        move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                request_round(ctx, state);
            }
        },
        POLL,
    )
    .ok();
    let on_online = window_event_listener(ev::online, move |_| start(ctx, state));
    let on_offline = window_event_listener(ev::offline, move |_| {
        if ctx.session.get_untracked().is_some() {
            ctx.status.set(SyncStatus::Offline);
        }
    });
    let on_visible = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            request_round(ctx, state);
        }
    });
    // A page going away stores what its rounds learnt, if no round holds the state just then.
    let on_pagehide = window_event_listener(ev::pagehide, move |_| {
        if ctx.state_due.get_value() && !ctx.running.get_value() {
            store_state(ctx);
        }
    });
    std::mem::forget((poll, on_online, on_offline, on_visible, on_pagehide));
    super::stored::load_then(ctx, state, move || start(ctx, state));
}

fn server(ctx: SyncCtx) -> Option<String> {
    ctx.active
        .with_value(|a| a.as_ref().map(|s| s.server.clone()))
}

fn online() -> bool {
    window().navigator().on_line()
}

/// Asks the server who is logged in (the cookie may have outlived the page), then syncs.
pub fn start(ctx: SyncCtx, state: AppState) {
    let Some(server) = server(ctx) else { return };
    if ctx.session.get_untracked().is_some() {
        request_round(ctx, state);
        return;
    }
    if !online() {
        ctx.status.set(SyncStatus::Offline);
        return;
    }
    spawn_local(async move {
        match fetch::current_session(&server).await {
            Ok(Some(session)) => logged_in(ctx, state, session),
            Ok(None) => ctx.status.set(SyncStatus::LoggedOut),
            Err(Offline(_)) => ctx.status.set(SyncStatus::Offline),
        }
    });
}

/// Takes the server's word for who this is («Вы:» follows it) and syncs.
pub fn logged_in(ctx: SyncCtx, state: AppState, session: Session) {
    // A user with no member id is nobody on the roster, whoever was chosen here before.
    let id = session.member.clone().map(crate::domain::Id::from_raw);
    if state.prefs.with_untracked(|p| p.me != id) {
        state.prefs.update(|p| p.me = id);
    }
    ctx.session.set(Some(session));
    request_round(ctx, state);
}

/// Logs out (`DELETE /_session`); the data stays on the device.
pub fn log_out(ctx: SyncCtx) {
    let Some(server) = server(ctx) else { return };
    spawn_local(async move {
        let _ = fetch::log_out(&server).await;
        ctx.session.set(None);
        ctx.status.set(SyncStatus::LoggedOut);
    });
}

/// Starts a round now, or one more after the running one.
pub fn request_round(ctx: SyncCtx, state: AppState) {
    if !ctx.is_on() || ctx.session.get_untracked().is_none() || !ctx.loaded.get_value() {
        return;
    }
    if ctx.running.get_value() {
        ctx.again.set_value(true);
        return;
    }
    if !online() {
        ctx.status.set(SyncStatus::Offline);
        return;
    }
    ctx.running.set_value(true);
    ctx.rounds.update_value(|n| *n += 1);
    ctx.status.set(SyncStatus::Syncing);
    spawn_local(async move {
        loop {
            ctx.again.set_value(false);
            if !round(ctx, state).await || !ctx.again.get_value() {
                break;
            }
        }
        ctx.running.set_value(false);
    });
}

/// Stores the engine's state [`STORE_STATE_AFTER`] from now, unless that is already planned.
fn store_state_soon(ctx: SyncCtx) {
    if ctx.state_due.get_value() {
        return;
    }
    ctx.state_due.set_value(true);
    set_timeout(move || store_state_when_free(ctx), STORE_STATE_AFTER);
}

/// Stores the engine's state, or waits while a round has it taken out.
fn store_state_when_free(ctx: SyncCtx) {
    if !ctx.state_due.get_value() {
        return;
    }
    if ctx.running.get_value() {
        set_timeout(move || store_state_when_free(ctx), STORE_STATE_RETRY);
        return;
    }
    store_state_in_steps(ctx);
}

/// Stores the engine's state now, in one go (the page is going away).
fn store_state(ctx: SyncCtx) {
    ctx.state_due.set_value(false);
    ctx.engine.with_value(crate::ui::persist::save_sync_state);
}

/// Documents encoded per task: about 10 ms in the browser.
const STATE_DOCS_PER_STEP: usize = 10_000;

/// Encodes the engine's state a few thousand documents a task, then stores it. A round that
/// starts meanwhile (it takes the state out and changes it) makes the encoding start over later.
fn store_state_in_steps(ctx: SyncCtx) {
    ctx.state_due.set_value(false);
    let round = ctx.rounds.get_value();
    let encoder = ctx.engine.with_value(StateEncoder::new);
    encode_step(ctx, encoder, round);
}

fn encode_step(ctx: SyncCtx, mut encoder: StateEncoder, round: u64) {
    if ctx.running.get_value() || ctx.rounds.get_value() != round {
        store_state_soon(ctx);
        return;
    }
    if ctx
        .engine
        .with_value(|engine| encoder.step(engine, STATE_DOCS_PER_STEP))
    {
        crate::ui::persist::save_sync_state_bytes(encoder.finish());
    } else {
        set_timeout(move || encode_step(ctx, encoder, round), Duration::ZERO);
    }
}

/// One round on the live workspace; false when it could not go on (offline, logged out).
async fn round(ctx: SyncCtx, state: AppState) -> bool {
    let generation = ctx.generation.get_value();
    // A poll with no local change since the last push only pulls. (Every change of the
    // workspace here — edits, imports, another tab's data — bumps the generation.)
    let push = ctx.pushed.get_value() != Some(generation);
    // The engine's state and the cut are taken out for the round, not copied (at team scale
    // they hold a hundred thousand documents), and put back whatever happens.
    let mut engine = ctx
        .engine
        .try_update_value(std::mem::take)
        .unwrap_or_default();
    let mut sync_round = if push {
        SyncRound::new()
    } else {
        SyncRound::pull_only()
    }
    .with_cut(ctx.cut.try_update_value(std::mem::take).unwrap_or_default());
    let since = engine.last_seq.clone();
    let result = fetch::run_round(&mut engine, &mut sync_round, state.ws, ctx.progress).await;
    ctx.progress.set(None);
    ctx.cut.set_value(sync_round.take_cut());
    if sync_round.touched() {
        // Pulled, merged or reverted records are in the workspace (kept also when the network
        // went away later in the round: what was learnt stays learnt). Not a local change.
        ctx.applying.set_value(true);
        state.ws.notify();
    }
    let report = match result {
        Ok(report) => report,
        // The rest waits: what was written but not answered is merged again by `_rev` next time.
        Err(Offline(_)) => {
            ctx.engine.set_value(engine);
            ctx.status.set(SyncStatus::Offline);
            return false;
        }
    };
    if let Some(error) = &report.error {
        // Decided on the HTTP status the error carries: 401 = no (more) session.
        match crate::sync::trouble_of(error) {
            crate::sync::Trouble::Session => {
                ctx.session.set(None);
                ctx.status.set(SyncStatus::LoginFailed);
            }
            crate::sync::Trouble::Sync => ctx.status.set(SyncStatus::Failed(error.to_string())),
        }
    }
    if !report.refused.is_empty() {
        ctx.refused.set(report.refused.clone());
    }
    ctx.set_aside.set(set_aside_of(&engine));
    let learnt = report.pulled + report.pushed + report.conflicts + report.refused.len() > 0;
    // Written only when the round learnt something: at team scale the state is 5 MB.
    if learnt || engine.last_seq != since {
        store_state_soon(ctx);
    }
    ctx.engine.set_value(engine);
    if report.error.is_none() {
        if push {
            ctx.pushed.set_value(Some(generation));
        }
        ctx.status.set(SyncStatus::Synced(local_time()));
    }
    report.error.is_none()
}

/// The local time, «12:04».
fn local_time() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// Logs in with a name and password; the answer for the dialog: `Ok(())`, or the text to show.
pub async fn log_in(
    ctx: SyncCtx,
    state: AppState,
    name: String,
    password: String,
) -> Result<(), crate::i18n::SyncText> {
    let Some(server) = server(ctx) else {
        return Err(crate::i18n::SyncText::NoServer);
    };
    match fetch::log_in(&server, &name, &password).await {
        Ok(Ok(session)) => {
            logged_in(ctx, state, session);
            Ok(())
        }
        Ok(Err(LoginOutcome::WrongPassword)) => {
            ctx.status.set(SyncStatus::LoginFailed);
            Err(crate::i18n::SyncText::WrongPassword)
        }
        Ok(Err(_)) => Err(crate::i18n::SyncText::ServerError),
        Err(Offline(_)) => Err(crate::i18n::SyncText::NoServer),
    }
}
