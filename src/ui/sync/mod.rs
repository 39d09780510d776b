//! Live team sync in the browser (issue 16): the shared sync context, the rounds run through the
//! core's sans-IO engine with the `fetch` driver ([`runner`]), «Настройки» → «Синхронизация»
//! ([`settings`]), the login dialog ([`login`]) and the status in the top bar ([`status`]).
//!
//! Sync runs only with the settings the page started with: the page's Content-Security-Policy
//! was built from them before the app ran (`shell/csp.js`), so a changed address waits for a
//! reload. With no settings nothing here sends a request.

mod fetch;
mod login;
mod rights;
mod runner;
mod settings;
mod status;
mod stored;

pub use login::LoginDialog;
pub use rights::Rights;
pub use runner::install;
pub use settings::SyncSection;
pub use status::{SyncIndicator, SyncRefusals};

use crate::sync::{LocalCut, Progress, Refusal, Session, SyncSettings, SyncState};
use leptos::prelude::*;

/// Where a device's sync stands, as the top bar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncStatus {
    /// No server configured (or not the one the page started with): nothing shown, no request.
    Off,
    /// Configured, nobody logged in.
    LoggedOut,
    /// A round is running.
    Syncing,
    /// The last round ended well, at this local time («12:04»).
    Synced(String),
    /// No network: changes wait on the device.
    Offline,
    /// The name or password was wrong, or the session ended.
    LoginFailed,
    /// The server answered something the round could not go on with.
    Failed(String),
}

/// The sync context every sync component reads.
#[derive(Clone, Copy)]
pub struct SyncCtx {
    /// The settings the page started with; `None` = sync off.
    pub active: StoredValue<Option<SyncSettings>>,
    /// The status for the top bar.
    pub status: RwSignal<SyncStatus>,
    /// Who is logged in, as the server says.
    pub session: RwSignal<Option<Session>>,
    /// The refusals of the latest round, shown until dismissed.
    pub refused: RwSignal<Vec<Refusal>>,
    /// The changes set aside so far: (reason, document id).
    pub set_aside: RwSignal<Vec<(String, String)>>,
    /// Whether the login dialog is open.
    pub login_open: RwSignal<bool>,
    /// The person, not on the team roster, chose to look without changing anything.
    pub view_only: RwSignal<bool>,
    /// How far a long round is (a first sync), for the top bar; `None` otherwise.
    pub progress: RwSignal<Option<Progress>>,
    /// The engine's state between rounds.
    engine: StoredValue<SyncState>,
    /// The stored engine state has been read: rounds may start.
    loaded: StoredValue<bool>,
    /// The workspace as the last push pass cut it, so the next one cuts only what changed.
    cut: StoredValue<LocalCut>,
    /// A round is running; `again` asks for one more after it.
    running: StoredValue<bool>,
    /// The engine's state learnt something not yet stored ([`runner`] stores it a while later).
    state_due: StoredValue<bool>,
    /// Rounds started in this page: a state encoded across tasks is whole only if none started
    /// meanwhile.
    rounds: StoredValue<u64>,
    again: StoredValue<bool>,
    /// Set while a round's result goes into the workspace, so that is not taken for a local
    /// change.
    applying: StoredValue<bool>,
    /// Bumped by every local change, to tell whether the person edited while a round ran.
    generation: StoredValue<u64>,
    /// The generation whose changes the last round without an error pushed; `None` until a
    /// round has pushed in this page, so edits made before a reload still go up.
    pushed: StoredValue<Option<u64>>,
}

impl SyncCtx {
    fn new(active: Option<SyncSettings>) -> Self {
        // The stored state is read asynchronously ([`stored`]); rounds wait for it.
        let engine = match &active {
            Some(s) => SyncState::new(&s.server, &s.db),
            None => SyncState::default(),
        };
        let set_aside = set_aside_of(&engine);
        SyncCtx {
            active: StoredValue::new(active.clone()),
            status: RwSignal::new(if active.is_some() {
                SyncStatus::LoggedOut
            } else {
                SyncStatus::Off
            }),
            session: RwSignal::new(None),
            refused: RwSignal::new(Vec::new()),
            set_aside: RwSignal::new(set_aside),
            login_open: RwSignal::new(false),
            view_only: RwSignal::new(false),
            progress: RwSignal::new(None),
            engine: StoredValue::new(engine),
            loaded: StoredValue::new(false),
            cut: StoredValue::new(LocalCut::new()),
            running: StoredValue::new(false),
            state_due: StoredValue::new(false),
            rounds: StoredValue::new(0),
            again: StoredValue::new(false),
            applying: StoredValue::new(false),
            generation: StoredValue::new(0),
            pushed: StoredValue::new(None),
        }
    }

    /// Whether sync is on in this page.
    pub fn is_on(&self) -> bool {
        self.active.with_value(Option::is_some)
    }
}

fn set_aside_of(engine: &SyncState) -> Vec<(String, String)> {
    (engine.set_aside.iter())
        .map(|s| (s.reason.clone(), s.doc_id.clone()))
        .collect()
}

/// The sync context from context.
pub fn use_sync() -> SyncCtx {
    expect_context::<SyncCtx>()
}
