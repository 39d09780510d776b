//! Writing a preview's plan into the workspace as one change, and taking it back out.

use super::plan::Plan;
use crate::domain::client::Client;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::Order;
use crate::domain::stamps::Fielded;
use crate::domain::workspace::{Workspace, WorkspaceError};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What an import did: enough to report it and to undo it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Product groups added.
    pub groups: Vec<Id>,
    /// Products added.
    pub products: Vec<Id>,
    /// Clients added.
    pub clients_added: Vec<Id>,
    /// Clients changed, as they were before.
    pub clients_before: Vec<Client>,
    /// Orders added.
    pub orders_added: Vec<Id>,
    /// Orders changed, as they were before.
    pub orders_before: Vec<Order>,
}

/// Writes `plan` into `ws`: every record or none (on an error `ws` is as it was). Statuses
/// follow the imported orders as of `today`, the user's local day.
pub fn apply(
    ws: &mut Workspace,
    plan: &Plan,
    today: NaiveDate,
    now: Timestamp,
) -> Result<Applied, WorkspaceError> {
    let mut work = ws.clone();
    let mut applied = Applied::default();
    for group in &plan.groups {
        work.add_product_group(group.clone())?;
        applied.groups.push(group.id.clone());
    }
    for product in &plan.products {
        work.add_product(product.clone())?;
        applied.products.push(product.id.clone());
    }
    for client in &plan.new_clients {
        work.add_client(client.clone())?;
        applied.clients_added.push(client.id.clone());
    }
    for client in &plan.changed_clients {
        work.update_client(client.clone(), now)?;
    }
    let changed: HashSet<&Id> = plan.changed_orders.iter().map(|o| &o.id).collect();
    applied.orders_before = (work.orders.iter())
        .filter(|o| changed.contains(&o.id))
        .cloned()
        .collect();
    applied.orders_added = plan.new_orders.iter().map(|o| o.id.clone()).collect();
    work.put_orders(
        plan.new_orders.clone(),
        plan.changed_orders.clone(),
        today,
        now,
    )?;
    // Every client the import changed, by its rows or through the status its orders gave it.
    let after: HashMap<&Id, &Client> = work.clients.iter().map(|c| (&c.id, c)).collect();
    applied.clients_before = (ws.clients.iter())
        .filter(|c| after.get(&c.id).is_some_and(|now| *now != *c))
        .cloned()
        .collect();
    *ws = work;
    Ok(applied)
}

/// Takes an import back out, right after it: its orders and clients removed (leaving tombstones,
/// so another tab or a later merge does not bring them back), the records it changed restored
/// with the statuses they had (as edits made `now`, so they win over the import's values in a merge), and the products and
/// groups it added removed unless something uses them by now.
pub fn undo(
    ws: &mut Workspace,
    applied: &Applied,
    today: NaiveDate,
    now: Timestamp,
) -> Result<(), WorkspaceError> {
    let mut work = ws.clone();
    let added: HashSet<&Id> = applied.orders_added.iter().collect();
    let gone: Vec<(Id, Timestamp)> = (work.orders.iter())
        .filter(|o| added.contains(&o.id))
        .map(|o| (o.id.clone(), o.latest_stamp()))
        .collect();
    work.orders.retain(|o| !added.contains(&o.id));
    for (id, latest) in gone {
        work.tombstone(id, now, latest);
    }
    work.put_orders(Vec::new(), applied.orders_before.clone(), today, now)?;
    // After the orders, so each client gets back the very status it had, not one recomputed.
    for client in &applied.clients_before {
        work.update_client(client.clone(), now)?;
    }
    for id in &applied.clients_added {
        if work.client(id).is_some() {
            work.remove_client(id, now)?;
        }
    }
    for id in applied.products.iter().chain(&applied.groups) {
        // A product someone has used since stays: removing it would take their order with it.
        let _ = work.remove_catalogue_item(id, now);
    }
    *ws = work;
    Ok(())
}
