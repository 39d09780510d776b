//! The app's reactive state: one workspace signal, the preferences, and the storage status.
//! Components read it through context and change the workspace only through [`AppState::change`].

use super::clock;
use crate::domain::dates::Timestamp;
use crate::domain::workspace::Mover;
use crate::domain::{Id, TeamMember, Workspace};
use crate::i18n::{Lang, Translate};
use crate::storage::LoadOutcome;
use crate::storage::Prefs;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Whether the workspace in memory is safely stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// A change waits for the debounced write.
    Pending,
    /// The last write failed; the data is still in memory.
    Failed(crate::storage::SaveError),
    /// Saving is switched off so that an unreadable stored value is not overwritten.
    Blocked,
}

/// A short message shown after an action («Клиент удалён»).
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// The message.
    pub text: String,
    /// A counter so the same text twice still shows twice.
    pub serial: u64,
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    /// All team data.
    pub ws: RwSignal<Workspace>,
    /// This browser's preferences.
    pub prefs: RwSignal<Prefs>,
    /// Storage status, shown in the header and in banners.
    pub save: RwSignal<SaveState>,
    /// What happened when the stored data was read at start-up.
    pub load: RwSignal<LoadOutcome>,
    /// The latest toast.
    pub toast: RwSignal<Option<Toast>>,
    /// Today: the user's local calendar day, the one «today» of every business date. It moves
    /// at local midnight while the tab is open (see `super::today`).
    pub today: RwSignal<NaiveDate>,
    /// Bytes of `localStorage` the app uses, as the browser counts them (after each save).
    pub used_bytes: RwSignal<u64>,
    /// The stored revision this tab's data is based on (see `browser::save_workspace`).
    pub revision: StoredValue<u64>,
    /// Set while data from storage replaces the in-memory workspace, so it is not saved back.
    pub adopting: StoredValue<bool>,
    /// Bumped when the import backup in storage changes, so its panel reads it again.
    pub backup_changed: RwSignal<u64>,
    /// While an export is being written: the steps done and the steps in all.
    pub exporting: RwSignal<Option<(usize, usize)>>,
}

impl AppState {
    /// The state as read from storage (`used_bytes`: what the app's keys take there).
    pub fn new(
        ws: Workspace,
        revision: u64,
        load: LoadOutcome,
        prefs: Prefs,
        used_bytes: u64,
    ) -> Self {
        let blocked = matches!(load, LoadOutcome::KeptInPlace { .. });
        AppState {
            ws: RwSignal::new(ws),
            prefs: RwSignal::new(prefs),
            save: RwSignal::new(if blocked {
                SaveState::Blocked
            } else {
                SaveState::Saved
            }),
            load: RwSignal::new(load),
            toast: RwSignal::new(None),
            today: RwSignal::new(clock::today()),
            used_bytes: RwSignal::new(used_bytes),
            revision: StoredValue::new(revision),
            adopting: StoredValue::new(false),
            backup_changed: RwSignal::new(0),
            exporting: RwSignal::new(None),
        }
    }

    /// Today's local date (tracked: figures that depend on the day follow it at midnight).
    pub fn today(&self) -> NaiveDate {
        self.today.get()
    }

    /// Today's local date, for event handlers and actions (not tracked).
    pub fn today_untracked(&self) -> NaiveDate {
        self.today.get_untracked()
    }

    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.prefs.with(|p| p.lang)
    }

    /// A text of any table in the current language, now (tracked): for code that builds a
    /// string, e.g. `fill(state.tr(Text::ShowMore), …)` or a toast.
    pub fn tr<T: Translate>(&self, text: T) -> &'static str {
        text.get(self.lang())
    }

    /// A text of any table as a view child or attribute: a closure that follows the language
    /// switch, `{state.text(Text::SettingsTitle)}`. The one helper components use instead of
    /// each writing its own `move |k| move || k.get(state.lang())`.
    pub fn text<T: Translate>(self, text: T) -> impl Fn() -> &'static str + Copy + Send + Sync {
        move || text.get(self.lang())
    }

    /// A text of any table as a `Signal<String>` that follows the language switch, for
    /// component properties such as a dialog's title or confirm button.
    pub fn text_signal<T: Translate>(self, text: T) -> Signal<String> {
        Signal::derive(move || text.get(self.lang()).to_owned())
    }

    /// A counter of the workspace's changes from now on: work done in steps over it (an import,
    /// another tab's merge) notes the count when it starts and starts again when it moved.
    pub fn count_changes(self) -> StoredValue<u64> {
        let changes = StoredValue::new(0);
        Effect::new(move |_| {
            self.ws.track();
            changes.update_value(|n| *n += 1);
        });
        changes
    }

    /// The member using this browser, if chosen and still on the team (tracked).
    pub fn me(&self) -> Option<TeamMember> {
        let id = self.prefs.with(|p| p.me.clone())?;
        self.ws.with(|ws| ws.member(&id).cloned())
    }

    /// The id of the member using this browser (tracked).
    pub fn me_id(&self) -> Option<Id> {
        self.me().map(|m| m.id)
    }

    /// Who changes a deal's place in the pipeline now: this browser's member (if chosen) and a
    /// fresh id for the stage history entry the change writes (not tracked).
    pub fn mover(&self) -> Mover {
        let me = self.prefs.with_untracked(|p| p.me.clone());
        Mover {
            by: me.filter(|id| self.ws.with_untracked(|ws| ws.member(id).is_some())),
            entry_id: clock::new_id(),
        }
    }

    /// The team as `(id, name)` pairs for `<select>` options (tracked).
    pub fn member_options(&self) -> Vec<(String, String)> {
        self.ws.with(|ws| {
            ws.members
                .iter()
                .map(|m| (m.id.to_string(), m.name.clone()))
                .collect()
        })
    }

    /// The catalogue's products as `(id, name)` pairs for `<select>` options (tracked).
    pub fn product_options(&self) -> Vec<(String, String)> {
        self.ws.with(|ws| {
            ws.products
                .iter()
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect()
        })
    }

    /// The catalogue's groups as `(id, name)` pairs for `<select>` options (tracked).
    pub fn group_options(&self) -> Vec<(String, String)> {
        self.ws.with(|ws| {
            ws.product_groups
                .iter()
                .map(|g| (g.id.to_string(), g.name.clone()))
                .collect()
        })
    }

    /// Applies an operation to the workspace. Subscribers are notified (and a save scheduled)
    /// only when it succeeds; core operations leave the workspace untouched when they fail.
    pub fn change<T, E>(
        &self,
        op: impl FnOnce(&mut Workspace, Timestamp) -> Result<T, E>,
    ) -> Result<T, E> {
        let now = clock::now();
        let mut result = None;
        self.ws.maybe_update(|ws| {
            let r = op(ws, now);
            let changed = r.is_ok();
            result = Some(r);
            changed
        });
        let result = result.expect("maybe_update runs its closure");
        // Marked at once, not when the save effect gets to run: a save from another tab arriving
        // in between must see that this tab has unsaved changes and merge, not replace them.
        if result.is_ok() && self.save.get_untracked() != SaveState::Blocked {
            self.save.set(SaveState::Pending);
        }
        result
    }

    /// Shows a short message.
    pub fn notify(&self, text: impl Into<String>) {
        let serial = self
            .toast
            .with_untracked(|t| t.as_ref().map_or(0, |t| t.serial + 1));
        self.toast.set(Some(Toast {
            text: text.into(),
            serial,
        }));
    }
}

/// The shared state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
