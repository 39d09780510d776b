//! Finding what to push without cutting the whole workspace again. Cutting 115 148 documents
//! out of a full-size workspace and hashing them takes about a second, so after the first full
//! cut [`LocalCut`] keeps a copy of the records it cut and each document's hash: a later pass
//! compares the typed records with that copy (plain `==`, a few milliseconds), cuts only the
//! records that changed, and compares the kept hashes with the last synced ones in one ordered
//! walk. It gives exactly the documents a full cut would. Where a change reaches other records'
//! documents (a client's or deal's owner changed, appeared or vanished, so its orders' owner did;
//! a new transfer record, so its client's hand-overs did) the records naming that client or deal
//! are cut again too: one typed pass over the lists, not a full cut, because a hand-over to a
//! farmer is an everyday action. Only a changed or vanished transfer record (the log is
//! append-only, so never in normal use) still cuts everything.

use super::changes::{dependants, Changes};
use super::documents::{cut_record, cut_singleton, documents, Context, Document, REMOVED};
use super::state::SyncState;
use crate::domain::workspace::Workspace;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The workspace's lists of records, as their JSON fields are named (every one a document kind).
pub(super) const LISTS: [&str; 14] = [
    "activities",
    "assessments",
    "clients",
    "deals",
    "members",
    "orders",
    "product_groups",
    "products",
    "removed",
    "sales_plans",
    "stage_history",
    "stages",
    "tasks",
    "transfers",
];

/// The workspace's settings objects (singleton documents).
#[cfg(test)]
pub(super) const SINGLETONS: [&str; 3] = ["pipeline_settings", "scoring_model", "transfer_policy"];

/// Above this many documents to push that did not change since the last pass (a push the
/// network cut short), a full cut is cheaper than finding each record.
const FIND_AT_MOST: usize = 64;

/// Brings `seen` up to `new`, noting what changed. Records keep their places in a list unless
/// one is added or removed, so the lists are compared side by side as long as their ids agree,
/// and by id after that.
fn follow<T: PartialEq + Clone + Serialize>(
    kind: &'static str,
    seen: &mut Vec<T>,
    new: &[T],
    id: impl Fn(&T) -> &str,
    changes: &mut Changes,
) {
    let mut same = 0;
    for (old, now) in seen.iter_mut().zip(new) {
        if id(old) != id(now) {
            break;
        }
        if old != now {
            changes.changed(kind, Some(&*old), now);
            *old = now.clone();
        }
        same += 1;
    }
    if same == seen.len() && same == new.len() {
        return;
    }
    if only_removed(kind, seen, new, same, &id, changes) {
        return;
    }
    let rest: HashMap<&str, &T> = seen[same..].iter().map(|r| (id(r), r)).collect();
    let mut kept = 0;
    for now in &new[same..] {
        match rest.get(id(now)) {
            Some(old) => {
                kept += 1;
                if *old != now {
                    changes.changed(kind, Some(*old), now);
                }
            }
            None => changes.changed(kind, None, now),
        }
    }
    if kept < rest.len() {
        let ids: HashSet<&str> = new[same..].iter().map(&id).collect();
        for (key, old) in &rest {
            if !ids.contains(key) {
                changes.vanished(kind, key, *old);
            }
        }
    }
    seen.truncate(same);
    seen.extend_from_slice(&new[same..]);
}

/// The usual deletion: from `same` on, `new` is `seen` with some records taken out (a client
/// goes with its orders, scattered over the order list). Walks both side by side, skipping what
/// went, and takes it out of `seen` in place: cloning the rest of a 100 000-order list to follow
/// it cost a deletion 0.2–0.6 s. False, with `seen` partly brought up to `new` and nothing
/// reported vanished, when the lists differ otherwise (added or reordered records).
fn only_removed<T: PartialEq + Clone + Serialize>(
    kind: &'static str,
    seen: &mut Vec<T>,
    new: &[T],
    same: usize,
    id: &impl Fn(&T) -> &str,
    changes: &mut Changes,
) -> bool {
    if new.len() >= seen.len() {
        return false;
    }
    let ids: HashSet<&str> = new[same..].iter().map(id).collect();
    let (mut i, mut j) = (same, same);
    let mut gone = Vec::new();
    while i < seen.len() {
        match new.get(j) {
            Some(now) if id(&seen[i]) == id(now) => {
                if seen[i] != *now {
                    changes.changed(kind, Some(&seen[i]), now);
                    seen[i] = now.clone();
                }
                j += 1;
            }
            _ if !ids.contains(id(&seen[i])) => gone.push(i),
            _ => return false,
        }
        i += 1;
    }
    if j < new.len() {
        return false;
    }
    for &at in &gone {
        changes.vanished(kind, id(&seen[at]), &seen[at]);
    }
    let mut at = 0;
    let mut next = gone.iter().peekable();
    seen.retain(|_| {
        let keep = next.next_if_eq(&&at).is_none();
        at += 1;
        keep
    });
    true
}

/// Calls `$each!` with every record list of the workspace, so the lists are named in one place.
macro_rules! record_lists {
    ($each:ident) => {
        $each!(
            activities,
            assessments,
            clients,
            deals,
            members,
            orders,
            product_groups,
            products,
            removed,
            sales_plans,
            stage_history,
            stages,
            tasks,
            transfers
        )
    };
}

/// Brings every list and setting of `seen` up to `ws`.
fn follow_all(seen: &mut Workspace, ws: &Workspace, changes: &mut Changes) {
    macro_rules! lists {
        ($($field:ident),*) => {$(
            follow(stringify!($field), &mut seen.$field, &ws.$field, |r| r.id.as_str(), changes);
        )*};
    }
    record_lists!(lists);
    macro_rules! singletons {
        ($($field:ident),*) => {$(
            if seen.$field != ws.$field {
                seen.$field = ws.$field.clone();
                changes.singletons.push((stringify!($field), super::json_of(&ws.$field)));
            }
        )*};
    }
    singletons!(pipeline_settings, scoring_model, transfer_policy);
}

/// The JSON of one record of the list `kind`, found by id.
fn find(ws: &Workspace, kind: &str, id: &str) -> Option<Value> {
    macro_rules! lists {
        ($($field:ident),*) => {
            match kind {
                $(stringify!($field) => ws.$field.iter().find(|r| r.id.as_str() == id).map(super::json_of),)*
                _ => None,
            }
        };
    }
    record_lists!(lists)
}

/// The owner the sync state last knew for a record id of any kind, as a full cut asks for it
/// (the last document of that record id, in id order, that had one).
fn known_owner(state: &SyncState, record_id: &str) -> Option<String> {
    LISTS
        .iter()
        .filter_map(|kind| state.docs.get(&format!("{kind}:{record_id}")))
        .filter_map(|doc| doc.owner.clone())
        .next_back()
}

/// The owners the sync state knows, by record id (for a full cut's deletion marks).
fn known_owners(state: &SyncState) -> HashMap<String, String> {
    (state.docs.iter())
        .filter_map(|(id, doc)| {
            let (_, record) = id.split_once(':')?;
            Some((record.to_owned(), doc.owner.clone()?))
        })
        .collect()
}

/// Whether a document of this hash is to be pushed: it differs from the last synced one and is
/// not a version the server refused before.
fn to_send(state: &SyncState, id: &str, hash: u64) -> bool {
    state.docs.get(id).is_none_or(|known| known.hash != hash) && !state.is_set_aside(id, hash)
}

/// The workspace as last cut into documents, kept between passes (see the module
/// documentation).
#[derive(Default)]
pub struct LocalCut {
    /// The records last cut; `None` before the first (full) cut.
    seen: Option<Workspace>,
    /// Owners and hand-overs of `seen`.
    ctx: Context,
    /// Every document's hash as last cut.
    hashes: BTreeMap<String, u64>,
    /// How many passes cut everything, for the tests to check the incremental path was taken.
    #[cfg(test)]
    pub(super) full_cuts: usize,
}

impl LocalCut {
    /// A cut that has seen nothing: its first pass cuts the whole workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// The documents of `ws` to push: those whose body differs from the last synced one and
    /// that are not a refused version. Exactly what cutting the whole workspace and comparing
    /// every hash gives.
    pub fn to_push(&mut self, ws: &Workspace, state: &SyncState) -> Vec<(Document, u64)> {
        let mut changes = Changes::default();
        match &mut self.seen {
            Some(seen) => follow_all(seen, ws, &mut changes),
            None => {
                self.seen = Some(ws.clone());
                changes.everything = true;
            }
        }
        if changes.everything {
            return self.cut_everything(ws, state);
        }
        for id in &changes.gone_owners {
            self.ctx.owners.remove(id);
        }
        for (kind, record) in &changes.records {
            self.ctx.note(kind, record);
        }
        if !changes.roots.is_empty() {
            let again = dependants(ws, &changes.roots);
            changes.records.extend(again);
        }
        let no_owner = |_: &str| -> Option<String> { None };
        let mut cut: Vec<Document> = Vec::new();
        for (kind, record) in changes.records {
            if kind != REMOVED {
                cut.push(cut_record(kind, record, &self.ctx, &no_owner));
            }
        }
        // A deletion mark's owner is what the sync state last knew of the removed record, which
        // a pull may have changed since: they are few, cut them all again.
        let known = |id: &str| known_owner(state, id);
        for mark in &ws.removed {
            cut.push(cut_record(REMOVED, super::json_of(mark), &self.ctx, &known));
        }
        for (kind, value) in changes.singletons {
            cut.push(cut_singleton(kind, value));
        }
        for id in &changes.vanished {
            self.hashes.remove(id);
        }
        let mut out: BTreeMap<String, (Document, u64)> = BTreeMap::new();
        for doc in cut {
            let hash = doc.hash();
            self.hashes.insert(doc.id.clone(), hash);
            if to_send(state, &doc.id, hash) {
                out.insert(doc.id.clone(), (doc, hash));
            }
        }
        // Documents not changed here that still differ from the server's: a push cut short, a
        // conflict whose merge kept ours. Walk both ordered maps side by side.
        let mut unchanged = Vec::new();
        let mut synced = state.docs.iter().peekable();
        for (id, &hash) in &self.hashes {
            while synced
                .next_if(|(known, _)| known.as_str() < id.as_str())
                .is_some()
            {}
            let same = synced
                .peek()
                .is_some_and(|(known, doc)| *known == id && doc.hash == hash);
            if !same
                && !out.contains_key(id)
                && !id.starts_with("removed:")
                && !state.is_set_aside(id, hash)
            {
                unchanged.push(id.clone());
            }
        }
        if unchanged.len() > FIND_AT_MOST {
            return self.cut_everything(ws, state);
        }
        for id in unchanged {
            let doc = match id.split_once(':') {
                Some((kind, record)) => {
                    find(ws, kind, record).map(|json| cut_record(kind, json, &self.ctx, &no_owner))
                }
                None => singleton_json(ws, &id).map(|json| cut_singleton(&id, json)),
            };
            if let Some(doc) = doc {
                let hash = doc.hash();
                out.insert(id, (doc, hash));
            }
        }
        out.into_values().collect()
    }

    /// Cuts the whole workspace (the first pass, or a change other documents depend on).
    fn cut_everything(&mut self, ws: &Workspace, state: &SyncState) -> Vec<(Document, u64)> {
        #[cfg(test)]
        {
            self.full_cuts += 1;
        }
        let owners = known_owners(state);
        let docs = documents(ws, &|id| owners.get(id).cloned());
        let mut ctx = Context::default();
        self.hashes.clear();
        let mut out = Vec::new();
        for doc in docs {
            if doc.kind != doc.id {
                ctx.note(&doc.kind, &doc.record);
            }
            let hash = doc.hash();
            self.hashes.insert(doc.id.clone(), hash);
            if to_send(state, &doc.id, hash) {
                out.push((doc, hash));
            }
        }
        self.ctx = ctx;
        out
    }
}

/// The JSON of a settings object by its field name.
fn singleton_json(ws: &Workspace, kind: &str) -> Option<Value> {
    match kind {
        "pipeline_settings" => Some(super::json_of(&ws.pipeline_settings)),
        "scoring_model" => Some(super::json_of(&ws.scoring_model)),
        "transfer_policy" => Some(super::json_of(&ws.transfer_policy)),
        _ => None,
    }
}
