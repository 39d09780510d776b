//! The catalogue and the orders as workspace operations. Like every operation on the workspace,
//! each validates first and changes nothing when it fails.

use super::{Workspace, WorkspaceError};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::{Order, Product, ProductGroup};
use crate::domain::stamps::Fielded;
use chrono::NaiveDate;
use std::collections::HashSet;

impl Workspace {
    /// The ids of the catalogue's products: what order lines and rules may refer to.
    pub fn product_ids(&self) -> HashSet<Id> {
        self.products.iter().map(|p| p.id.clone()).collect()
    }

    /// The ids of the catalogue's groups: the «offered» groups of cross-selling.
    pub fn group_ids(&self) -> HashSet<Id> {
        self.product_groups.iter().map(|g| g.id.clone()).collect()
    }

    fn catalogue_id_taken(&self, id: &Id) -> bool {
        self.id_taken(id)
            || self.product_groups.iter().any(|g| &g.id == id)
            || self.products.iter().any(|p| &p.id == id)
            || self.orders.iter().any(|o| &o.id == id)
    }

    /// Adds a product group.
    pub fn add_product_group(&mut self, group: ProductGroup) -> Result<(), WorkspaceError> {
        if group.name.trim().is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        if self.catalogue_id_taken(&group.id) {
            return Err(WorkspaceError::DuplicateId(group.id));
        }
        self.product_groups.push(group);
        Ok(())
    }

    /// Adds a product to an existing group.
    pub fn add_product(&mut self, product: Product) -> Result<(), WorkspaceError> {
        if product.name.trim().is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        if !self.product_groups.iter().any(|g| g.id == product.group_id) {
            return Err(WorkspaceError::UnknownGroup(product.group_id));
        }
        if self.catalogue_id_taken(&product.id) {
            return Err(WorkspaceError::DuplicateId(product.id));
        }
        self.products.push(product);
        Ok(())
    }

    fn check_order(&self, order: &Order) -> Result<(), WorkspaceError> {
        if self.client(&order.client_id).is_none() {
            return Err(WorkspaceError::UnknownClient(order.client_id.clone()));
        }
        let known = self.product_ids();
        order.validate(&known)?;
        Ok(())
    }

    /// Records an order; the client's status follows ([`super::transfer::status_from_orders`])
    /// as of `today`, the user's local calendar day: a lead or prospect that orders becomes
    /// «новый», a sleeping client that orders wakes up.
    pub fn add_order(
        &mut self,
        order: Order,
        today: NaiveDate,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        self.check_order(&order)?;
        if self.catalogue_id_taken(&order.id) {
            return Err(WorkspaceError::DuplicateId(order.id));
        }
        let client_id = order.client_id.clone();
        self.orders.push(order);
        self.refresh_client_status(&client_id, today, now);
        Ok(())
    }

    /// Replaces an order (same id), stamping the fields that changed; the status follows as of `today`.
    pub fn update_order(
        &mut self,
        order: Order,
        today: NaiveDate,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        self.check_order(&order)?;
        let slot = self
            .orders
            .iter_mut()
            .find(|o| o.id == order.id)
            .ok_or_else(|| WorkspaceError::NotFound(order.id.clone()))?;
        let client_id = order.client_id.clone();
        crate::domain::stamps::replace(slot, order, now);
        self.refresh_client_status(&client_id, today, now);
        Ok(())
    }

    /// Removes an order; the client's status follows its remaining orders as of `today`.
    pub fn remove_order(
        &mut self,
        id: &Id,
        today: NaiveDate,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let at = self
            .orders
            .iter()
            .position(|o| &o.id == id)
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        let order = self.orders.remove(at);
        self.tombstone(id.clone(), now, order.latest_stamp());
        self.refresh_client_status(&order.client_id, today, now);
        Ok(())
    }

    /// A client's orders, oldest business date first.
    pub fn orders_of(&self, client_id: &Id) -> Vec<&Order> {
        let mut orders: Vec<&Order> = self
            .orders
            .iter()
            .filter(|o| &o.client_id == client_id)
            .collect();
        crate::domain::sort::sort_by_key(&mut orders, |o| (o.date, o.created_at));
        orders
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::client::ClientStatus;
    use crate::domain::orders::{Order, OrderError, Product, ProductGroup};
    use crate::domain::{Id, Money, WorkspaceError};
    use crate::testkit::fixtures::*;
    use chrono::NaiveDate;

    fn catalogue() -> crate::domain::Workspace {
        catalogue_workspace()
    }

    fn order(id: &str, client: &str, rubles: i64, day: u32) -> Order {
        order_on(
            id,
            client,
            rubles,
            NaiveDate::from_ymd_opt(2026, 1, day).unwrap(),
        )
    }

    #[test]
    fn the_catalogue_checks_names_groups_and_ids() {
        let mut ws = catalogue();
        let bad = Product {
            id: Id::from_raw("p2"),
            name: "Плёнка".into(),
            group_id: Id::from_raw("g404"),
            created_at: t0(),
            updated_at: t0(),
            stamps: Default::default(),
        };
        assert_eq!(
            ws.add_product(bad),
            Err(WorkspaceError::UnknownGroup(Id::from_raw("g404")))
        );
        let dup = ProductGroup {
            id: Id::from_raw("c1"),
            name: "Химия".into(),
            created_at: t0(),
            updated_at: t0(),
            stamps: Default::default(),
        };
        assert_eq!(
            ws.add_product_group(dup),
            Err(WorkspaceError::DuplicateId(Id::from_raw("c1")))
        );
        assert!(ws.integrity_problems().is_empty());
    }

    #[test]
    fn a_first_order_makes_a_lead_new_and_bad_orders_change_nothing() {
        let mut ws = catalogue();
        let c1 = Id::from_raw("c1");
        assert_eq!(ws.client(&c1).unwrap().status, ClientStatus::Lead);
        ws.add_order(order("o1", "c1", 150_000, 20), d0(), later(1))
            .unwrap();
        let client = ws.client(&c1).unwrap();
        assert_eq!(
            (client.status, client.updated_at),
            (ClientStatus::New, later(1))
        );

        let mut empty = order("o2", "c1", 1, 21);
        empty.lines.clear();
        assert_eq!(
            ws.add_order(empty, d0(), later(2)),
            Err(WorkspaceError::InvalidOrder(OrderError::NoLines))
        );
        assert_eq!(
            ws.add_order(order("o3", "c404", 1, 21), d0(), later(2)),
            Err(WorkspaceError::UnknownClient(Id::from_raw("c404")))
        );
        assert_eq!(
            ws.add_order(order("o1", "c1", 1, 21), d0(), later(2)),
            Err(WorkspaceError::DuplicateId(Id::from_raw("o1")))
        );
        assert_eq!(ws.orders.len(), 1);

        // A regular client stays regular when it orders.
        ws.clients[1].status = ClientStatus::Regular;
        ws.add_order(order("o4", "c2", 10, 22), d0(), later(3))
            .unwrap();
        assert_eq!(
            ws.client(&Id::from_raw("c2")).unwrap().status,
            ClientStatus::Regular
        );
    }

    #[test]
    fn orders_are_edited_removed_and_go_with_their_client() {
        let mut ws = catalogue();
        ws.add_order(order("o1", "c1", 100, 25), d0(), later(1))
            .unwrap();
        ws.add_order(order("o2", "c1", 200, 5), d0(), later(1))
            .unwrap();
        let dates: Vec<u32> = ws
            .orders_of(&Id::from_raw("c1"))
            .iter()
            .map(|o| chrono::Datelike::day(&o.date))
            .collect();
        assert_eq!(dates, [5, 25]);
        ws.update_order(order("o1", "c1", 300, 25), d0(), later(2))
            .unwrap();
        assert_eq!(ws.orders[0].total(), Money::from_rubles(300));
        assert_eq!(ws.orders[0].updated_at, later(2));
        ws.remove_order(&Id::from_raw("o2"), d0(), later(3))
            .unwrap();
        assert_eq!(
            ws.remove_order(&Id::from_raw("o2"), d0(), later(3)),
            Err(WorkspaceError::NotFound(Id::from_raw("o2")))
        );
        ws.remove_client(&Id::from_raw("c1"), later(4)).unwrap();
        assert!(ws.orders.is_empty());
        assert!(ws.removed.iter().any(|t| t.id.as_str() == "o1"));
        assert!(ws.integrity_problems().is_empty());
    }
}
