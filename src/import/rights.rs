//! With sync on, the rows of a table the server would refuse are left out of the plan before
//! anything is written: otherwise a hunter's import would change a colleague's clients, give a
//! client another owner or add orders to a colleague's client here, and the server would refuse
//! those documents afterwards and set them aside. The rules are asked through a `judge` (the
//! app's copy of the server's validation function, [`crate::sync::judge`], for the person who
//! imports), so this stays pure and testable with any rules.

use super::plan::{LeftOutReason, Preview};
use crate::domain::client::Client;
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use crate::sync::{Change, Denied, RecordRef};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The reason a refused client row is told with (a colleague's client is hers to change, owner
/// and all, so an owner change of it is told as her client).
fn reason(denied: Denied) -> LeftOutReason {
    match denied {
        Denied::NoAccess | Denied::NotLinked => LeftOutReason::NoRights,
        Denied::NewNotOwn => LeftOutReason::NewForOthers,
        Denied::OwnerChange => LeftOutReason::OwnerChange,
        _ => LeftOutReason::OthersClients,
    }
}

/// Takes out of `preview`'s plan every record `judge` refuses (a changed client by its owner in
/// `ws`, an owner change as a hand-over, a new client by its owner, an order by its client's
/// owner, a new product or group as the catalogue), with what depends on it (the orders of a
/// client left out, the orders using a product left out), adjusts the counts, and notes in
/// `preview.left_out` how many rows were left out and why (each row once, under the first
/// reason met). With rules that refuse nothing (the director's) the preview is unchanged.
pub fn leave_out_refused(
    preview: &mut Preview,
    ws: &Workspace,
    judge: &dyn Fn(RecordRef, Change) -> Result<(), Denied>,
) {
    let plan = &mut preview.plan;
    let mut rows: BTreeMap<usize, LeftOutReason> = BTreeMap::new();
    let mut note = |rows_of: Option<&Vec<usize>>, why: LeftOutReason| {
        for &row in rows_of.into_iter().flatten() {
            rows.entry(row).or_insert(why);
        }
    };
    // Clients: a change judged against the owner it has now, a new one against its own.
    let before: HashMap<&Id, &Client> = ws.clients.iter().map(|c| (&c.id, c)).collect();
    let mut owners: HashMap<Id, String> = HashMap::new();
    let mut refused_clients: HashMap<Id, LeftOutReason> = HashMap::new();
    let mut kept = Vec::with_capacity(plan.changed_clients.len());
    for client in std::mem::take(&mut plan.changed_clients) {
        let old = before.get(&client.id).copied();
        let owner = old.map_or(&client.owner_id, |c| &c.owner_id);
        let owner_change = old.is_some_and(|c| c.owner_id != client.owner_id);
        let change = if owner_change {
            Change::HandOver {
                to_farmer: false,
                logged: false,
            }
        } else {
            Change::Edit
        };
        let record = RecordRef {
            kind: "clients",
            owner: Some(owner.as_str()),
        };
        match judge(record, change) {
            Ok(()) => kept.push(client),
            Err(denied) => {
                let why = reason(denied);
                note(plan.sources.get(&client.id), why);
                refused_clients.insert(client.id.clone(), why);
                preview.clients.updated -= 1;
                preview.clients.skipped += 1;
            }
        }
    }
    plan.changed_clients = kept;
    let mut kept = Vec::with_capacity(plan.new_clients.len());
    for client in std::mem::take(&mut plan.new_clients) {
        let record = RecordRef {
            kind: "clients",
            owner: Some(client.owner_id.as_str()),
        };
        match judge(record, Change::Create) {
            Ok(()) => {
                owners.insert(client.id.clone(), client.owner_id.to_string());
                kept.push(client);
            }
            Err(denied) => {
                let why = reason(denied);
                note(plan.sources.get(&client.id), why);
                refused_clients.insert(client.id.clone(), why);
                preview.clients.added -= 1;
                preview.clients.skipped += 1;
            }
        }
    }
    plan.new_clients = kept;
    // The catalogue: new groups and products are the director's.
    let mut refused_products: HashSet<Id> = HashSet::new();
    let catalogue_refused = |kind| {
        judge(RecordRef { kind, owner: None }, Change::Create)
            .err()
            .map(reason_of_catalogue)
    };
    if !plan.products.is_empty() || !plan.groups.is_empty() {
        let why = catalogue_refused("products").or_else(|| catalogue_refused("product_groups"));
        if let Some(why) = why {
            refused_products.extend(plan.products.drain(..).map(|p| p.id));
            plan.groups.clear();
            // Orders using a product left out go with it (below), under this reason.
            for order in plan.new_orders.iter().chain(&plan.changed_orders) {
                if order
                    .lines
                    .iter()
                    .any(|l| refused_products.contains(&l.product_id))
                {
                    note(plan.sources.get(&order.id), why);
                }
            }
        }
    }
    // Orders: judged by their client's owner; those of a client left out go with it.
    let owner_of = |id: &Id| {
        owners
            .get(id)
            .cloned()
            .or_else(|| before.get(id).map(|c| c.owner_id.to_string()))
    };
    let mut refused = |order: &crate::domain::orders::Order, change: Change| -> bool {
        if order
            .lines
            .iter()
            .any(|l| refused_products.contains(&l.product_id))
        {
            return true;
        }
        if let Some(&why) = refused_clients.get(&order.client_id) {
            note(plan.sources.get(&order.id), why);
            return true;
        }
        let owner = owner_of(&order.client_id);
        let record = RecordRef {
            kind: "orders",
            owner: owner.as_deref(),
        };
        match judge(record, change) {
            Ok(()) => false,
            Err(denied) => {
                let why = match denied {
                    Denied::NoAccess | Denied::NotLinked => LeftOutReason::NoRights,
                    _ => LeftOutReason::OthersOrders,
                };
                note(plan.sources.get(&order.id), why);
                true
            }
        }
    };
    let (before_new, before_changed) = (plan.new_orders.len(), plan.changed_orders.len());
    let new_orders = std::mem::take(&mut plan.new_orders);
    let changed_orders = std::mem::take(&mut plan.changed_orders);
    let new_orders: Vec<_> = (new_orders.into_iter())
        .filter(|o| !refused(o, Change::Create))
        .collect();
    let changed_orders: Vec<_> = (changed_orders.into_iter())
        .filter(|o| !refused(o, Change::Edit))
        .collect();
    let (dropped_new, dropped_changed) = (
        before_new - new_orders.len(),
        before_changed - changed_orders.len(),
    );
    plan.new_orders = new_orders;
    plan.changed_orders = changed_orders;
    preview.orders.added -= dropped_new;
    preview.orders.updated -= dropped_changed;
    preview.orders.skipped += dropped_new + dropped_changed;
    let mut by_reason: BTreeMap<LeftOutReason, usize> = BTreeMap::new();
    for why in rows.into_values() {
        *by_reason.entry(why).or_default() += 1;
    }
    preview.left_out = by_reason.into_iter().collect();
}

/// The reason a refused catalogue record is told with.
fn reason_of_catalogue(denied: Denied) -> LeftOutReason {
    match denied {
        Denied::NoAccess | Denied::NotLinked => LeftOutReason::NoRights,
        _ => LeftOutReason::Catalogue,
    }
}
