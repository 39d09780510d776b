//! Who may write what: the app's copy of the server's `validate_doc_update`
//! (`scripts/sync/validate_doc_update.js`), so the screens can show a record read-only before the
//! server would refuse the change. The server stays the judge; this only keeps the interface
//! honest. Both are run on one table of cases (`tests/sync/write_cases.json`): the unit test
//! below here and `tests/sync/write_cases.test.mjs` for the JavaScript.

use crate::domain::Role;

/// Records with an owner: only the owner or a director writes them.
const OWNED: [&str; 6] = [
    "clients",
    "deals",
    "assessments",
    "orders",
    "activities",
    "tasks",
];

/// The director's settings: scoring model, transfer rule and thresholds, stages, pipeline
/// settings, catalogue, team roster.
const DIRECTOR_ONLY: [&str; 7] = [
    "scoring_model",
    "transfer_policy",
    "stages",
    "pipeline_settings",
    "products",
    "product_groups",
    "members",
];

/// Logs: once written, never changed or deleted.
const APPEND_ONLY: [&str; 2] = ["transfers", "stage_history"];

/// A record as the rules see it: its kind (the document kind, `clients`, `transfer_policy`, …)
/// and its owner's member id, if it has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordRef<'a> {
    /// The kind: the workspace field the record lives in, or the settings object's name.
    pub kind: &'a str,
    /// The owner's member id (for a new record, the one it is written on).
    pub owner: Option<&'a str>,
}

/// What the write does to the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A new record (`owner` of the [`RecordRef`] is the owner it is written on).
    Create,
    /// Fields of an existing record, its owner unchanged.
    Edit,
    /// An existing record given another owner: `to_farmer` when the new owner is a farmer on
    /// the roster, `logged` when the write names the transfer-log record that hands it over.
    HandOver {
        /// The new owner is a farmer.
        to_farmer: bool,
        /// The transfer-log record is named.
        logged: bool,
    },
    /// The record deleted.
    Delete,
}

/// Why a write is refused; each matches one sentence of the validation function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// The user has no team role.
    NoAccess,
    /// The user is not linked to a team member.
    NotLinked,
    /// Someone else's record.
    NotOwner,
    /// A new record written on someone else.
    NewNotOwn,
    /// An owner change other than the owner handing over to a farmer.
    OwnerChange,
    /// A director's setting (any kind the rules do not name falls here too).
    DirectorOnly,
    /// A log record changed or deleted.
    AppendOnly,
    /// A deletion mark for someone else's record.
    RemoveNotOwner,
}

/// Whether `person` (a member id) with `role` may make `change` to `record`, by the same rules
/// as the server's validation function.
pub fn judge(
    person: Option<&str>,
    role: Option<Role>,
    record: RecordRef,
    change: Change,
) -> Result<(), Denied> {
    let Some(role) = role else {
        return Err(Denied::NoAccess);
    };
    let director = role == Role::Director;
    let kind = record.kind;
    if APPEND_ONLY.contains(&kind) {
        return match change {
            Change::Create => Ok(()),
            _ => Err(Denied::AppendOnly),
        };
    }
    if DIRECTOR_ONLY.contains(&kind) {
        return if director {
            Ok(())
        } else {
            Err(Denied::DirectorOnly)
        };
    }
    if kind == "removed" {
        return if director || (person.is_some() && record.owner == person) {
            Ok(())
        } else {
            Err(Denied::RemoveNotOwner)
        };
    }
    if !(OWNED.contains(&kind) || record.owner.is_some()) {
        return if director {
            Ok(())
        } else {
            Err(Denied::DirectorOnly)
        };
    }
    if director {
        return Ok(());
    }
    let Some(me) = person else {
        return Err(Denied::NotLinked);
    };
    let mine = record.owner == Some(me);
    match change {
        Change::Create if mine => Ok(()),
        Change::Create => Err(Denied::NewNotOwn),
        _ if !mine => Err(Denied::NotOwner),
        Change::HandOver {
            to_farmer: true,
            logged: true,
        } => Ok(()),
        Change::HandOver { .. } => Err(Denied::OwnerChange),
        Change::Edit | Change::Delete => Ok(()),
    }
}

/// Whether `person` with `role` may change an existing `record`'s fields: what a screen asks
/// before it offers a form.
pub fn may_write(
    person: Option<&str>,
    role: Option<Role>,
    record: RecordRef,
) -> Result<(), Denied> {
    judge(person, role, record, Change::Edit)
}

/// Whether `person` with `role` may merge a snapshot file into the shared workspace: a file may
/// carry any record of anyone and every setting, and whatever the rules refuse would be set
/// aside after the fact, so only someone who may write every kind imports (a director). The
/// first refusal is the answer: a director's setting before someone else's record.
pub fn may_import_file(person: Option<&str>, role: Option<Role>) -> Result<(), Denied> {
    // Someone else's record: an owner nobody on a team is called.
    let others = Some("\u{0}");
    let settings = DIRECTOR_ONLY.iter().map(|kind| (*kind, None));
    let records = OWNED.iter().map(|kind| (*kind, others));
    for (kind, owner) in settings.chain(records) {
        judge(person, role, RecordRef { kind, owner }, Change::Edit)?;
    }
    Ok(())
}

/// A role by its CouchDB role name (`hunter`, `farmer`, `director`).
pub fn role_named(name: &str) -> Option<Role> {
    match name {
        "hunter" => Some(Role::Hunter),
        "farmer" => Some(Role::Farmer),
        "director" => Some(Role::Director),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
