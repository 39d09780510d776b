//! What changed between the records [`super::local::LocalCut`] last cut and the workspace, and
//! which other records' documents such a change reaches (owners and hand-overs are read from a
//! record's client or deal).

use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;

/// The records that changed between the kept copy and the workspace.
#[derive(Default)]
pub(super) struct Changes {
    /// New or changed records: (kind, JSON).
    pub(super) records: Vec<(&'static str, Value)>,
    /// Documents of records no longer in the workspace.
    pub(super) vanished: Vec<String>,
    /// Changed settings objects.
    pub(super) singletons: Vec<(&'static str, Value)>,
    /// Ids of clients and deals whose owner or hand-overs changed: the documents of the records
    /// that name them are cut again.
    pub(super) roots: HashSet<String>,
    /// Ids of records with an owner that vanished: their owners leave the context.
    pub(super) gone_owners: Vec<String>,
    /// A change to the append-only transfer log: cut everything.
    pub(super) everything: bool,
}

impl Changes {
    pub(super) fn changed<T: Serialize>(&mut self, kind: &'static str, old: Option<&T>, new: &T) {
        if self.everything {
            return;
        }
        let json = super::json_of(new);
        if kind == "transfers" {
            // A new hand-over is read by its client's documents; an edited one never happens in
            // normal use (the log is append-only), so it is not worth finding who read it.
            if old.is_some() {
                self.everything = true;
                return;
            }
            if let Some(client) = json.get("client_id").and_then(Value::as_str) {
                self.roots.insert(client.to_owned());
            }
        } else if let Some(owner) = json.get("owner_id") {
            // Owners are read by other records' documents (an order's owner is its client's).
            let same = old.is_some_and(|old| super::json_of(old).get("owner_id") == Some(owner));
            if !same {
                let id = json.get("id").and_then(Value::as_str).unwrap_or_default();
                self.roots.insert(id.to_owned());
            }
        }
        self.records.push((kind, json));
    }

    pub(super) fn vanished<T: Serialize>(&mut self, kind: &'static str, id: &str, old: &T) {
        if kind == "transfers" {
            self.everything = true;
        } else if super::json_of(old).get("owner_id").is_some() {
            self.roots.insert(id.to_owned());
            self.gone_owners.push(id.to_owned());
        }
        self.vanished.push(format!("{kind}:{id}"));
    }
}

/// The records whose documents read the owner or the hand-overs of one of `roots` (clients and
/// deals): the roots themselves and every record naming one as its client or deal. Transfer
/// records and stage changes are left out: as logs their documents have no owner.
pub(super) fn dependants(ws: &Workspace, roots: &HashSet<String>) -> Vec<(&'static str, Value)> {
    let named = |id: &Id| roots.contains(id.as_str());
    let named_opt = |id: &Option<Id>| id.as_ref().is_some_and(named);
    let mut out = Vec::new();
    macro_rules! pick {
        ($field:ident, $test:expr) => {
            out.extend(
                (ws.$field.iter())
                    .filter($test)
                    .map(|r| (stringify!($field), super::json_of(r))),
            );
        };
    }
    pick!(clients, |c| named(&c.id));
    pick!(deals, |d| named(&d.id) || named(&d.client_id));
    pick!(orders, |o| named(&o.client_id));
    pick!(assessments, |a| named(&a.deal_id));
    pick!(activities, |a| named(&a.client_id) || named_opt(&a.deal_id));
    pick!(tasks, |t| named_opt(&t.client_id) || named_opt(&t.deal_id));
    out
}
