//! Writing an import, and undoing it, in slices: at 100 000 rows, checking and copying the
//! orders, and copying the workspace to work on, made one task of hundreds of milliseconds.
//! [`ApplySteps`] checks and copies a few hundred orders a step without touching the
//! workspace; its [`ApplySteps::finish`] then writes everything at once (one change, undone in
//! one action) on a copy of the workspace without its orders, which are moved, not copied.
//! [`UndoSteps`] finds the import's orders a few hundred a step and takes them out at the end.
//! Every step must be given the same, unchanged workspace and plan (the app starts again when
//! the workspace changes); [`apply`] and [`undo`] are the same steps run to the
//! end at once, so both give the same result.

use super::apply::{add_records, apply_at_once, changed_clients, Applied};
use super::plan::Plan;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::Order;
use crate::domain::stamps::Fielded;
use crate::domain::workspace::{Workspace, WorkspaceError};
use chrono::NaiveDate;
use std::collections::HashSet;

/// The ids an import's orders are checked against, as they will be once its groups, products
/// and clients are in.
struct Known {
    clients: HashSet<Id>,
    products: HashSet<Id>,
    /// Ids a new order may not take (every kind [`Workspace::put_orders`] looks at).
    taken: HashSet<Id>,
    /// The workspace's orders.
    orders: HashSet<Id>,
}

impl Known {
    fn new(ws: &Workspace, plan: &Plan) -> Known {
        let ids = |list: &mut dyn Iterator<Item = &Id>| list.cloned().collect::<HashSet<Id>>();
        let clients = ids(&mut ws
            .clients
            .iter()
            .map(|c| &c.id)
            .chain(plan.new_clients.iter().map(|c| &c.id)));
        let products = ids(&mut ws
            .products
            .iter()
            .map(|p| &p.id)
            .chain(plan.products.iter().map(|p| &p.id)));
        let mut taken = products.clone();
        taken.extend(clients.iter().cloned());
        taken.extend(ws.product_groups.iter().map(|g| g.id.clone()));
        taken.extend(plan.groups.iter().map(|g| g.id.clone()));
        taken.extend(ws.members.iter().map(|m| m.id.clone()));
        taken.extend(ws.deals.iter().map(|d| d.id.clone()));
        taken.extend(ws.stages.iter().map(|s| s.id.clone()));
        Known {
            clients,
            products,
            taken,
            orders: HashSet::new(),
        }
    }

    /// Whether `order` passes the checks every order meets: a known client, sound lines.
    fn fits(&self, order: &Order) -> bool {
        self.clients.contains(&order.client_id) && order.validate(&self.products).is_ok()
    }
}

/// An import's plan being checked and its orders copied, before it is written.
pub struct ApplySteps {
    known: Known,
    /// The workspace's orders indexed so far.
    indexed: usize,
    /// Whether the plan's groups and products were checked against the orders' ids.
    catalogue_checked: bool,
    /// The new orders checked and copied so far.
    staged: Vec<Order>,
    /// The changed orders checked so far.
    updated: usize,
    /// Whether every check so far passed; if not, [`ApplySteps::finish`] writes the plan the
    /// one-pass way, which stops at the same first problem.
    sound: bool,
    total: usize,
}

impl ApplySteps {
    /// The start of writing `plan` into `ws`.
    pub fn new(ws: &Workspace, plan: &Plan) -> ApplySteps {
        ApplySteps {
            known: Known::new(ws, plan),
            indexed: 0,
            catalogue_checked: false,
            staged: Vec::with_capacity(plan.new_orders.len()),
            updated: 0,
            sound: true,
            total: ws.orders.len() + plan.new_orders.len() + plan.changed_orders.len(),
        }
    }

    /// Indexes, checks or copies up to `orders` more orders; returns whether all are done.
    pub fn step(&mut self, ws: &Workspace, plan: &Plan, orders: usize) -> bool {
        let mut left = orders.max(1);
        let known = &mut self.known;
        while self.indexed < ws.orders.len() && left > 0 {
            let id = &ws.orders[self.indexed].id;
            known.orders.insert(id.clone());
            known.taken.insert(id.clone());
            self.indexed += 1;
            left -= 1;
        }
        if self.indexed < ws.orders.len() {
            return false;
        }
        if !self.catalogue_checked {
            // The copy the catalogue is added to holds no orders: an order's id taken by a new
            // group or product is found here instead.
            let catalogue = plan.groups.iter().map(|g| &g.id);
            let mut catalogue = catalogue.chain(plan.products.iter().map(|p| &p.id));
            if catalogue.any(|id| known.orders.contains(id)) {
                self.sound = false;
            }
            self.catalogue_checked = true;
        }
        while self.staged.len() < plan.new_orders.len() && left > 0 {
            let order = &plan.new_orders[self.staged.len()];
            if !known.fits(order) || !known.taken.insert(order.id.clone()) {
                self.sound = false;
            }
            self.staged.push(order.clone());
            left -= 1;
        }
        while self.updated < plan.changed_orders.len() && left > 0 {
            let order = &plan.changed_orders[self.updated];
            if !known.fits(order) || !known.orders.contains(&order.id) {
                self.sound = false;
            }
            self.updated += 1;
            left -= 1;
        }
        self.staged.len() == plan.new_orders.len() && self.updated == plan.changed_orders.len()
    }

    /// Whether every check so far passed (the plan will be written without a whole copy).
    #[cfg(test)]
    pub(crate) fn checks_passed(&self) -> bool {
        self.sound
    }

    /// How far the steps are: orders done and all of them.
    pub fn progress(&self) -> (usize, usize) {
        (self.indexed + self.staged.len() + self.updated, self.total)
    }

    /// Writes `plan` into `ws` as [`apply`] does: every record or none (on an error `ws`
    /// is as it was).
    pub fn finish(
        mut self,
        ws: &mut Workspace,
        plan: &Plan,
        today: NaiveDate,
        now: Timestamp,
    ) -> Result<Applied, WorkspaceError> {
        while !self.step(ws, plan, usize::MAX) {}
        if !self.sound {
            return apply_at_once(ws, plan, today, now);
        }
        // Everything but the orders copied (the orders are the long list): the copy takes the
        // groups, products and clients, and only then the orders, moved.
        let orders = std::mem::take(&mut ws.orders);
        let mut work = ws.clone();
        ws.orders = orders;
        let mut applied = Applied::default();
        add_records(&mut work, plan, now, &mut applied)?;
        work.orders = std::mem::take(&mut ws.orders);
        let changed: HashSet<&Id> = plan.changed_orders.iter().map(|o| &o.id).collect();
        applied.orders_before = (work.orders.iter())
            .filter(|o| changed.contains(&o.id))
            .cloned()
            .collect();
        applied.orders_added = plan.new_orders.iter().map(|o| o.id.clone()).collect();
        work.place_orders(self.staged, plan.changed_orders.clone(), today, now);
        applied.clients_before = changed_clients(ws, &work);
        *ws = work;
        Ok(applied)
    }
}

/// An import being taken back out: its orders found a few hundred a step.
pub struct UndoSteps {
    added: HashSet<Id>,
    /// The workspace's orders looked at so far.
    scanned: usize,
    /// The import's orders found, with their last change (for their tombstones).
    gone: Vec<(Id, Timestamp)>,
}

impl UndoSteps {
    /// The start of undoing `applied`.
    pub fn new(applied: &Applied) -> UndoSteps {
        UndoSteps {
            added: applied.orders_added.iter().cloned().collect(),
            scanned: 0,
            gone: Vec::new(),
        }
    }

    /// Looks at up to `orders` more of the workspace's orders; returns whether all are done.
    pub fn step(&mut self, ws: &Workspace, orders: usize) -> bool {
        let end = ws
            .orders
            .len()
            .min(self.scanned.saturating_add(orders.max(1)));
        for order in &ws.orders[self.scanned.min(end)..end] {
            if self.added.contains(&order.id) {
                self.gone.push((order.id.clone(), order.latest_stamp()));
            }
        }
        self.scanned = end;
        self.scanned == ws.orders.len()
    }

    /// How far the steps are: orders looked at and all of them.
    pub fn progress(&self, ws: &Workspace) -> (usize, usize) {
        (self.scanned, ws.orders.len())
    }

    /// Takes the import back out as [`undo`] describes. Whatever would refuse the undo
    /// is checked before anything changes, so on an error `ws` is as it was.
    pub fn finish(
        mut self,
        ws: &mut Workspace,
        applied: &Applied,
        today: NaiveDate,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        while !self.step(ws, usize::MAX) {}
        // The import's own orders are not among those it changed, and taking them out changes
        // no client or product: the checks give the same answer before as after.
        ws.check_orders(&[], &applied.orders_before)?;
        for client in &applied.clients_before {
            ws.check_update_client(client)?;
        }
        let added = self.added;
        ws.orders.retain(|o| !added.contains(&o.id));
        for (id, latest) in self.gone {
            ws.tombstone(id, now, latest);
        }
        ws.place_orders(Vec::new(), applied.orders_before.clone(), today, now);
        // After the orders, so each client gets back the very status it had, not one recomputed.
        for client in &applied.clients_before {
            ws.update_client(client.clone(), now)?;
        }
        for id in &applied.clients_added {
            if ws.client(id).is_some() {
                ws.remove_client(id, now)?;
            }
        }
        for id in applied.products.iter().chain(&applied.groups) {
            // A product someone has used since stays: removing it would take their order with it.
            let _ = ws.remove_catalogue_item(id, now);
        }
        Ok(())
    }
}

/// Writes `plan` into `ws`: every record or none (on an error `ws` is as it was). Statuses
/// follow the imported orders as of `today`, the user's local day. The same as
/// [`ApplySteps`] run to the end at once.
pub fn apply(
    ws: &mut Workspace,
    plan: &Plan,
    today: NaiveDate,
    now: Timestamp,
) -> Result<Applied, WorkspaceError> {
    ApplySteps::new(ws, plan).finish(ws, plan, today, now)
}

/// Takes an import back out, right after it: its orders and clients removed (leaving tombstones,
/// so another tab or a later merge does not bring them back), the records it changed restored
/// with the statuses they had (as edits made `now`, so they win over the import's values in a merge), and the products and
/// groups it added removed unless something uses them by now. The same as [`UndoSteps`] run
/// to the end at once; on an error `ws` is as it was.
pub fn undo(
    ws: &mut Workspace,
    applied: &Applied,
    today: NaiveDate,
    now: Timestamp,
) -> Result<(), WorkspaceError> {
    UndoSteps::new(applied).finish(ws, applied, today, now)
}
