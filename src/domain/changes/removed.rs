//! The deleted part of «what changed»: clients, deals and orders the earlier copy had and
//! today's data does not, each under the rep it belonged to in the earlier copy (an order under
//! whoever owned its client on the order's day). Dated by the deletion's record (the tombstone
//! merges use), else today: data that lost a record without one (an older file) does not say
//! when.

use super::{Change, ChangeKind, Collector, Detail, Moment};
use crate::domain::dashboard::Owners;
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Adds the records of `old` missing from `ws` to `out`.
pub(super) fn collect(old: &Workspace, ws: &Workspace, at: Moment, out: &mut Collector) {
    let removed: HashMap<&Id, NaiveDate> = ws
        .removed
        .iter()
        .map(|t| (&t.id, at.day(t.removed_at)))
        .collect();
    let when = |id: &Id| removed.get(id).copied().unwrap_or(at.today.date);
    let names: HashMap<&Id, &str> = old
        .clients
        .iter()
        .map(|c| (&c.id, c.name.as_str()))
        .collect();
    let client_name = |id: &Id| names.get(id).map(|n| (*n).to_owned()).unwrap_or_default();
    let deleted = |kind, date, client, deal, amount| Change {
        kind,
        date,
        client,
        deal,
        amount,
        detail: Detail::None,
    };
    let clients: HashSet<&Id> = ws.clients.iter().map(|c| &c.id).collect();
    for c in old.clients.iter().filter(|c| !clients.contains(&c.id)) {
        let change = deleted(
            ChangeKind::DeletedClient,
            when(&c.id),
            c.name.clone(),
            String::new(),
            None,
        );
        out.add(&c.owner_id, change);
    }
    let deals: HashSet<&Id> = ws.deals.iter().map(|d| &d.id).collect();
    for d in old.deals.iter().filter(|d| !deals.contains(&d.id)) {
        let change = deleted(
            ChangeKind::DeletedDeal,
            when(&d.id),
            client_name(&d.client_id),
            d.title.clone(),
            Some(d.amount),
        );
        out.add(&d.owner_id, change);
    }
    let orders: HashSet<&Id> = ws.orders.iter().map(|o| &o.id).collect();
    let owners = Owners::new(old);
    for o in old.orders.iter().filter(|o| !orders.contains(&o.id)) {
        let Some(owner) = owners.on(&o.client_id, o.date) else {
            continue;
        };
        let change = deleted(
            ChangeKind::DeletedOrder,
            when(&o.id),
            client_name(&o.client_id),
            String::new(),
            Some(o.total()),
        );
        out.add(owner, change);
    }
}
