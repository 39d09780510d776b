//! What an import did, and the parts of writing it that both ways share: see
//! [`super::apply_steps`] for writing and undoing it.

use super::plan::Plan;
use crate::domain::client::Client;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::Order;
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

/// Adds the plan's groups, products and clients to `work` and writes the clients it changes.
pub(super) fn add_records(
    work: &mut Workspace,
    plan: &Plan,
    now: Timestamp,
    applied: &mut Applied,
) -> Result<(), WorkspaceError> {
    for group in &plan.groups {
        work.add_product_group(group.clone())?;
        applied.groups.push(group.id.clone());
    }
    for product in &plan.products {
        work.add_product(product.clone())?;
        applied.products.push(product.id.clone());
    }
    work.add_clients(plan.new_clients.clone())?;
    applied.clients_added = plan.new_clients.iter().map(|c| c.id.clone()).collect();
    for client in &plan.changed_clients {
        work.update_client(client.clone(), now)?;
    }
    Ok(())
}

/// Every client of `before` that `after` holds changed, by an import's rows or through the
/// status its orders gave it, as it was before.
pub(super) fn changed_clients(before: &Workspace, after: &Workspace) -> Vec<Client> {
    let now: HashMap<&Id, &Client> = after.clients.iter().map(|c| (&c.id, c)).collect();
    (before.clients.iter())
        .filter(|c| now.get(&c.id).is_some_and(|now| *now != *c))
        .cloned()
        .collect()
}

/// [`apply`] on a whole copy of the workspace, checking every order as it goes: the way a plan
/// with a problem is written, so that it stops at the first problem as one order at a time would.
pub(super) fn apply_at_once(
    ws: &mut Workspace,
    plan: &Plan,
    today: NaiveDate,
    now: Timestamp,
) -> Result<Applied, WorkspaceError> {
    let mut work = ws.clone();
    let mut applied = Applied::default();
    add_records(&mut work, plan, now, &mut applied)?;
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
    applied.clients_before = changed_clients(ws, &work);
    *ws = work;
    Ok(applied)
}
