//! What the person may change while sync is on, asked of the core's [`may_write`] (the app's
//! copy of the server's validation function), so a form the server would refuse is shown
//! read-only with the reason instead of failing after the fact. With sync off nothing is locked
//! here (the screens keep their own role checks, as before).

use super::{use_sync, SyncCtx};
use crate::domain::{Id, Role};
use crate::i18n::{fill, SyncText};
use crate::sync::{may_import_file, may_write, role_named, Denied, RecordRef};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Who writes, as the server will judge it: the session's member and role; while logged out,
/// the member this device was last logged in as and her role on the roster (tracked).
fn writer(state: AppState, ctx: SyncCtx) -> (Option<String>, Option<Role>) {
    match ctx.session.get() {
        // A member id the roster does not know writes nothing here (the «кто вы» screen says
        // so and offers a read-only look).
        Some(s) => {
            let on_roster = (s.member.as_ref()).filter(|m| {
                state
                    .ws
                    .with(|ws| ws.member(&Id::from_raw(m.as_str())).is_some())
            });
            (on_roster.cloned(), s.role.as_deref().and_then(role_named))
        }
        None => match state.me() {
            Some(m) => (Some(m.id.to_string()), Some(m.role())),
            None => (None, None),
        },
    }
}

/// What the person may change: made once in a component (it holds the contexts), asked in its
/// reactive closures.
#[derive(Clone, Copy)]
pub struct Rights {
    state: AppState,
    ctx: SyncCtx,
}

impl Rights {
    /// The rights of whoever uses this page.
    pub fn new(state: AppState) -> Self {
        Rights {
            state,
            ctx: use_sync(),
        }
    }

    /// Why the person may not change a record of `kind` owned by `owner` (a document kind:
    /// `clients`, `transfer_policy`, `members`, …), in words; `None` when she may, and always
    /// with sync off (tracked).
    pub fn read_only(self, kind: &str, owner: Option<&Id>) -> Option<String> {
        read_only(self.state, self.ctx, kind, owner)
    }

    /// Why the person may not merge a snapshot file into the workspace with sync on (only a
    /// director may: a file carries everyone's records and the settings); `None` when she may,
    /// and always with sync off (tracked).
    pub fn import_refused(self) -> Option<String> {
        if !self.ctx.is_on() {
            return None;
        }
        let (person, role) = writer(self.state, self.ctx);
        let text = match may_import_file(person.as_deref(), role).err()? {
            Denied::NoAccess => SyncText::ReadOnlyNoRole,
            Denied::NotLinked => SyncText::ReadOnlyNotLinked,
            _ => SyncText::ImportDirectorOnly,
        };
        Some(self.state.tr(text).to_owned())
    }

    /// Who the server will judge the person's writes as (member id and role) while sync is on;
    /// `None` with sync off, when nothing is left out of a table import (tracked).
    pub fn writer_if_syncing(self) -> Option<(Option<String>, Option<Role>)> {
        self.ctx.is_on().then(|| writer(self.state, self.ctx))
    }

    /// Whether the person may change the director's settings: by the server's rules with sync
    /// on, by her role on the roster with it off (tracked).
    pub fn may_change_settings(self) -> bool {
        if self.ctx.is_on() {
            self.read_only("transfer_policy", None).is_none()
        } else {
            self.state.me().is_some_and(|m| m.role() == Role::Director)
        }
    }
}

fn read_only(state: AppState, ctx: SyncCtx, kind: &str, owner: Option<&Id>) -> Option<String> {
    if !ctx.is_on() {
        return None;
    }
    let (person, role) = writer(state, ctx);
    let record = RecordRef {
        kind,
        owner: owner.map(Id::as_str),
    };
    let denied = may_write(person.as_deref(), role, record).err()?;
    Some(match denied {
        Denied::NotOwner | Denied::NewNotOwn | Denied::OwnerChange | Denied::RemoveNotOwner => {
            let name = owner.map(|id| {
                state
                    .ws
                    .with(|ws| ws.member(id).map(|m| m.name.clone()))
                    .unwrap_or_else(|| id.to_string())
            });
            fill(
                state.tr(SyncText::ReadOnlyOwner),
                &[&name.unwrap_or_default()],
            )
        }
        Denied::DirectorOnly | Denied::AppendOnly if kind == "members" => {
            state.tr(SyncText::ReadOnlyRoster).to_owned()
        }
        Denied::DirectorOnly | Denied::AppendOnly => {
            state.tr(SyncText::ReadOnlyDirector).to_owned()
        }
        Denied::NoAccess => state.tr(SyncText::ReadOnlyNoRole).to_owned(),
        Denied::NotLinked => state.tr(SyncText::ReadOnlyNotLinked).to_owned(),
    })
}
