//! Many orders at once, for a file import: the same checks and status rules as
//! [`Workspace::add_order`] and [`Workspace::update_order`], with one pass over the orders
//! instead of one per order (a 1C export holds tens of thousands of lines).

use super::transfer::status_from_orders;
use super::{Workspace, WorkspaceError};
use crate::domain::client::Client;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::Order;
use crate::domain::stamps;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

impl Workspace {
    /// Adds `added` and replaces the orders of the same ids with `updated` (stamping the fields
    /// that changed), then brings the status of every client concerned in line with its orders
    /// as of `today`, as one order at a time would. Checks everything first: on an error nothing
    /// has changed.
    pub fn put_orders(
        &mut self,
        added: Vec<Order>,
        updated: Vec<Order>,
        today: NaiveDate,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        self.check_orders(&added, &updated)?;
        self.place_orders(added, updated, today, now);
        Ok(())
    }

    /// The checks of [`Workspace::put_orders`], in its order, without changing anything: the
    /// first problem, if any.
    pub(crate) fn check_orders(
        &self,
        added: &[Order],
        updated: &[Order],
    ) -> Result<(), WorkspaceError> {
        let clients: HashSet<&Id> = self.clients.iter().map(|c| &c.id).collect();
        let products = self.product_ids();
        let mut taken: HashSet<&Id> = self.orders.iter().map(|o| &o.id).collect();
        taken.extend(self.products.iter().map(|p| &p.id));
        taken.extend(self.product_groups.iter().map(|g| &g.id));
        let existing: HashSet<&Id> = self.orders.iter().map(|o| &o.id).collect();
        for order in added.iter().chain(updated) {
            if !clients.contains(&order.client_id) {
                return Err(WorkspaceError::UnknownClient(order.client_id.clone()));
            }
            order.validate(&products)?;
        }
        // Every id of the other kinds at once: `id_taken` scans the lists, once per order.
        taken.extend(self.members.iter().map(|m| &m.id));
        taken.extend(self.clients.iter().map(|c| &c.id));
        taken.extend(self.deals.iter().map(|d| &d.id));
        taken.extend(self.stages.iter().map(|s| &s.id));
        for order in added {
            if !taken.insert(&order.id) {
                return Err(WorkspaceError::DuplicateId(order.id.clone()));
            }
        }
        for order in updated {
            if !existing.contains(&order.id) {
                return Err(WorkspaceError::NotFound(order.id.clone()));
            }
        }
        Ok(())
    }

    /// The changes of [`Workspace::put_orders`], once [`Workspace::check_orders`] (or the same
    /// checks made in steps) found nothing wrong: an updated order whose id is not there is
    /// left out rather than half-written.
    pub(crate) fn place_orders(
        &mut self,
        added: Vec<Order>,
        updated: Vec<Order>,
        today: NaiveDate,
        now: Timestamp,
    ) {
        let existing: HashMap<&Id, usize> = self
            .orders
            .iter()
            .enumerate()
            .map(|(i, o)| (&o.id, i))
            .collect();
        let slots: Vec<Option<usize>> = (updated.iter())
            .map(|o| existing.get(&o.id).copied())
            .collect();
        let mut concerned: HashSet<Id> = HashSet::new();
        for (order, at) in updated.into_iter().zip(slots) {
            let Some(at) = at else { continue };
            concerned.insert(self.orders[at].client_id.clone());
            concerned.insert(order.client_id.clone());
            stamps::replace(&mut self.orders[at], order, now);
        }
        for order in added {
            concerned.insert(order.client_id.clone());
            self.orders.push(order);
        }
        self.refresh_status_of(&concerned, today, now);
    }

    /// Adds `clients` in order as [`Workspace::add_client`] one at a time would (the same first
    /// problem; on an error nothing is added), looking the taken ids up once instead of scanning
    /// the lists for each client: an import adds thousands.
    pub fn add_clients(&mut self, clients: Vec<Client>) -> Result<(), WorkspaceError> {
        let mut taken: HashSet<&Id> = self.members.iter().map(|m| &m.id).collect();
        taken.extend(self.clients.iter().map(|c| &c.id));
        taken.extend(self.deals.iter().map(|d| &d.id));
        taken.extend(self.stages.iter().map(|s| &s.id));
        for client in &clients {
            self.check_client(client)?;
            if !taken.insert(&client.id) {
                return Err(WorkspaceError::DuplicateId(client.id.clone()));
            }
        }
        self.clients.extend(clients);
        Ok(())
    }

    /// [`Workspace::refresh_client_status`] for several clients in one pass over the orders.
    pub(crate) fn refresh_status_of(
        &mut self,
        ids: &HashSet<Id>,
        today: NaiveDate,
        now: Timestamp,
    ) {
        let mut last: HashMap<&Id, Option<NaiveDate>> = HashMap::new();
        for o in self.orders.iter().filter(|o| ids.contains(&o.client_id)) {
            let slot = last.entry(&o.client_id).or_insert(None);
            if o.date <= today && slot.is_none_or(|d| d < o.date) {
                *slot = Some(o.date);
            }
        }
        let transferred: HashSet<&Id> = self.transfers.iter().map(|t| &t.client_id).collect();
        let thresholds = self.transfer_policy.thresholds;
        let mut changes = Vec::new();
        for (at, client) in self.clients.iter().enumerate() {
            if !ids.contains(&client.id) {
                continue;
            }
            let status = status_from_orders(
                client.status,
                last.contains_key(&client.id),
                last.get(&client.id).copied().flatten(),
                transferred.contains(&client.id),
                thresholds,
                today,
            );
            if status != client.status {
                changes.push((at, status));
            }
        }
        for (at, status) in changes {
            stamps::edit(&mut self.clients[at], now, |c| c.status = status);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::client::ClientStatus;
    use crate::domain::{Id, WorkspaceError};
    use crate::testkit::fixtures::*;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
    }

    #[test]
    fn many_orders_go_in_as_one_at_a_time_would() {
        let mut one = catalogue_workspace();
        let mut bulk = one.clone();
        let orders = [
            order_on("o1", "c1", 100, day(3)),
            order_on("o2", "c2", 200, day(4)),
        ];
        for o in orders.clone() {
            one.add_order(o, d0(), later(1)).unwrap();
        }
        bulk.put_orders(orders.to_vec(), vec![], d0(), later(1))
            .unwrap();
        assert_eq!(one, bulk);
        assert_eq!(
            bulk.client(&Id::from_raw("c1")).unwrap().status,
            ClientStatus::New
        );

        let mut edited = order_on("o1", "c1", 300, day(5));
        edited.created_at = later(9);
        bulk.put_orders(vec![], vec![edited.clone()], d0(), later(2))
            .unwrap();
        one.update_order(edited, d0(), later(2)).unwrap();
        assert_eq!(one, bulk);
    }

    #[test]
    fn many_clients_go_in_as_one_at_a_time_would() {
        let base = catalogue_workspace();
        let mut fresh = base.clients[0].clone();
        fresh.id = Id::from_raw("c-new");
        let mut other = fresh.clone();
        other.id = Id::from_raw("c-other");
        let (mut one, mut bulk) = (base.clone(), base.clone());
        for c in [fresh.clone(), other.clone()] {
            one.add_client(c).unwrap();
        }
        bulk.add_clients(vec![fresh.clone(), other.clone()])
            .unwrap();
        assert_eq!(one, bulk);
        // The same first problem, and nothing added.
        let mut unnamed = other.clone();
        unnamed.name = " ".into();
        for bad in [
            vec![fresh.clone(), fresh.clone()],
            vec![fresh.clone(), unnamed],
            vec![base.clients[1].clone()],
        ] {
            let mut one = base.clone();
            let first = bad.iter().find_map(|c| one.add_client(c.clone()).err());
            let mut bulk = base.clone();
            assert_eq!(bulk.add_clients(bad).err(), first);
            assert_eq!(bulk, base);
        }
    }

    #[test]
    fn a_bad_order_changes_nothing() {
        let mut ws = catalogue_workspace();
        let before = ws.clone();
        let good = order_on("o1", "c1", 100, day(3));
        let stranger = order_on("o2", "c404", 100, day(3));
        assert_eq!(
            ws.put_orders(vec![good.clone(), stranger], vec![], d0(), later(1)),
            Err(WorkspaceError::UnknownClient(Id::from_raw("c404")))
        );
        assert_eq!(
            ws.put_orders(vec![good.clone(), good.clone()], vec![], d0(), later(1)),
            Err(WorkspaceError::DuplicateId(Id::from_raw("o1")))
        );
        assert_eq!(
            ws.put_orders(vec![], vec![good], d0(), later(1)),
            Err(WorkspaceError::NotFound(Id::from_raw("o1")))
        );
        assert_eq!(ws, before);
    }
}
