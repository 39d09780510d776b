//! The clients' part of «what changed»: new clients, new orders (under whoever owned the client
//! on the order's day), transfers (under both reps), clients that fell asleep.

use super::{Change, ChangeKind, Collector, Detail, Moment};
use crate::domain::dashboard::Owners;
use crate::domain::ids::Id;
use crate::domain::metrics::Activity;
use crate::domain::orders::calendar::days_between;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Adds the clients' changes of `ws` against `old` to `out`.
pub(super) fn collect(old: &Workspace, ws: &Workspace, at: Moment, out: &mut Collector) {
    let old_clients: HashSet<&Id> = old.clients.iter().map(|c| &c.id).collect();
    let names: HashMap<&Id, &str> = ws
        .clients
        .iter()
        .map(|c| (&c.id, c.name.as_str()))
        .collect();
    let name = |id: &Id| names.get(id).map(|n| (*n).to_owned());
    let member_name = |id: &Id| {
        ws.member(id)
            .or_else(|| old.member(id))
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    };
    let change = |kind, date, client: String, amount, detail| Change {
        kind,
        date,
        client,
        deal: String::new(),
        amount,
        detail,
    };
    for c in ws.clients.iter().filter(|c| !old_clients.contains(&c.id)) {
        let day = at.day(c.created_at);
        let new = change(
            ChangeKind::NewClient,
            day,
            c.name.clone(),
            None,
            Detail::None,
        );
        out.add(&c.owner_id, new);
    }
    let old_orders: HashSet<&Id> = old.orders.iter().map(|o| &o.id).collect();
    let owners = Owners::new(ws);
    for o in ws.orders.iter().filter(|o| !old_orders.contains(&o.id)) {
        let (Some(owner), Some(client)) = (owners.on(&o.client_id, o.date), name(&o.client_id))
        else {
            continue;
        };
        let new = change(
            ChangeKind::NewOrder,
            o.date,
            client,
            Some(o.total()),
            Detail::None,
        );
        out.add(owner, new);
    }
    let old_transfers: HashSet<&Id> = old.transfers.iter().map(|t| &t.id).collect();
    for t in ws
        .transfers
        .iter()
        .filter(|t| !old_transfers.contains(&t.id))
    {
        let client = name(&t.client_id).unwrap_or_default();
        let (from, to) = (&t.from_member_id, &t.to_member_id);
        let given = Detail::Colleague(member_name(to));
        let received = Detail::Colleague(member_name(from));
        let kinds = [
            (from, ChangeKind::TransferGiven, given),
            (to, ChangeKind::TransferReceived, received),
        ];
        for (rep, kind, detail) in kinds {
            out.add(rep, change(kind, t.date, client.clone(), None, detail));
        }
    }
    fell_asleep(old, ws, at, out);
}

/// Clients sleeping today (by today's thresholds) that were not sleeping or lost on the earlier
/// copy's day (by its thresholds and orders), under their owner today; dated the day the
/// threshold was reached. A client the earlier copy did not have is new, not fallen asleep.
fn fell_asleep(old: &Workspace, ws: &Workspace, at: Moment, out: &mut Collector) {
    let last_now = last_orders(ws, at.today.date);
    let last_then = last_orders(old, at.since_date);
    let old_clients: HashSet<&Id> = old.clients.iter().map(|c| &c.id).collect();
    let (now_rule, then_rule) = (
        ws.transfer_policy.thresholds,
        old.transfer_policy.thresholds,
    );
    for c in ws.clients.iter().filter(|c| old_clients.contains(&c.id)) {
        let Some(last) = last_now.get(&c.id).copied() else {
            continue;
        };
        let days = days_between(last, at.today.date);
        if now_rule.classify(days) != Activity::Sleeping {
            continue;
        }
        let then_days = last_then
            .get(&c.id)
            .and_then(|d| days_between(*d, at.since_date));
        if matches!(
            then_rule.classify(then_days),
            Activity::Sleeping | Activity::Lost
        ) {
            continue;
        }
        let reached = last + chrono::Days::new(u64::from(now_rule.sleeping_days));
        let detail = Detail::DaysWithoutOrders(days.unwrap_or_default());
        let asleep = Change {
            kind: ChangeKind::FellAsleep,
            date: reached.min(at.today.date),
            client: c.name.clone(),
            deal: String::new(),
            amount: None,
            detail,
        };
        out.add(&c.owner_id, asleep);
    }
}

/// Each client's last order on or before `day`.
fn last_orders(ws: &Workspace, day: NaiveDate) -> HashMap<&Id, NaiveDate> {
    let mut last: HashMap<&Id, NaiveDate> = HashMap::default();
    for o in ws.orders.iter().filter(|o| o.date <= day) {
        let slot = last.entry(&o.client_id).or_insert(o.date);
        *slot = (*slot).max(o.date);
    }
    last
}
