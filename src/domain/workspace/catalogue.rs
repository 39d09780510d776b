//! Editing the catalogue after the fact: renaming, moving a product to another group, and
//! removing what nothing uses. A product on an order or in the transfer rule stays (the
//! history and the rule would otherwise point at nothing); so does a group with products.

use super::{Workspace, WorkspaceError};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::stamps::Fielded;
use crate::domain::transfer::Condition;

impl Workspace {
    /// Renames a product group.
    pub fn rename_product_group(
        &mut self,
        id: &Id,
        name: &str,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        let group = self
            .product_groups
            .iter_mut()
            .find(|g| &g.id == id)
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        crate::domain::stamps::edit(group, now, |g| g.name = name.to_owned());
        Ok(())
    }

    /// Renames a product and puts it in `group_id`.
    pub fn update_product(
        &mut self,
        id: &Id,
        name: &str,
        group_id: &Id,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        if !self.product_groups.iter().any(|g| &g.id == group_id) {
            return Err(WorkspaceError::UnknownGroup(group_id.clone()));
        }
        let product = self
            .products
            .iter_mut()
            .find(|p| &p.id == id)
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        crate::domain::stamps::edit(product, now, |p| {
            p.name = name.to_owned();
            p.group_id = group_id.clone();
        });
        Ok(())
    }

    /// Whether an order or the transfer rule refers to the product or group `id`.
    pub fn catalogue_item_in_use(&self, id: &Id) -> bool {
        let in_orders = self
            .orders
            .iter()
            .any(|o| o.lines.iter().any(|l| &l.product_id == id));
        let in_rule = self
            .transfer_policy
            .rule
            .conditions
            .iter()
            .any(|c| match c {
                Condition::BoughtProduct { product_id } => product_id == id,
                Condition::BoughtGroup { group_id } => group_id == id,
                _ => false,
            });
        let has_products = self.products.iter().any(|p| &p.group_id == id);
        in_orders || in_rule || has_products
    }

    /// Removes a product or a group that nothing uses (see
    /// [`Workspace::catalogue_item_in_use`]), leaving a tombstone for merges.
    pub fn remove_catalogue_item(&mut self, id: &Id, now: Timestamp) -> Result<(), WorkspaceError> {
        let known = self.products.iter().any(|p| &p.id == id)
            || self.product_groups.iter().any(|g| &g.id == id);
        if !known {
            return Err(WorkspaceError::NotFound(id.clone()));
        }
        if self.catalogue_item_in_use(id) {
            return Err(WorkspaceError::InUse(id.clone()));
        }
        let product = self.products.iter().find(|p| &p.id == id);
        let latest = match product {
            Some(p) => p.latest_stamp(),
            None => (self.product_groups.iter())
                .find(|g| &g.id == id)
                .map_or(now, |g| g.latest_stamp()),
        };
        self.products.retain(|p| &p.id != id);
        self.product_groups.retain(|g| &g.id != id);
        self.tombstone(id.clone(), now, latest);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::transfer::{Condition, TransferPolicy, TransferRule};
    use crate::domain::{Id, WorkspaceError};
    use crate::testkit::fixtures::*;
    use chrono::NaiveDate;

    #[test]
    fn renames_and_moves_are_checked_and_stamped() {
        let mut ws = catalogue_workspace();
        let (g1, p1) = (Id::from_raw("g1"), Id::from_raw("p1"));
        ws.rename_product_group(&g1, "  Тара ", later(1)).unwrap();
        assert_eq!(ws.product_groups[0].name, "Тара");
        assert_eq!(ws.product_groups[0].updated_at, later(1));
        assert_eq!(
            ws.rename_product_group(&g1, " ", later(2)),
            Err(WorkspaceError::NameRequired)
        );
        assert_eq!(
            ws.update_product(&p1, "Короб", &Id::from_raw("g404"), later(2)),
            Err(WorkspaceError::UnknownGroup(Id::from_raw("g404")))
        );
        ws.update_product(&p1, "Короб", &g1, later(3)).unwrap();
        assert_eq!(ws.products[0].name, "Короб");
    }

    #[test]
    fn only_unused_items_are_removed() {
        let mut ws = catalogue_workspace();
        let (g1, p1) = (Id::from_raw("g1"), Id::from_raw("p1"));
        // A group with products stays.
        assert_eq!(
            ws.remove_catalogue_item(&g1, later(1)),
            Err(WorkspaceError::InUse(g1.clone()))
        );
        // A product on an order stays.
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        ws.add_order(order_on("o1", "c1", 10, day), d0(), later(1))
            .unwrap();
        assert_eq!(
            ws.remove_catalogue_item(&p1, later(2)),
            Err(WorkspaceError::InUse(p1.clone()))
        );
        ws.remove_order(&Id::from_raw("o1"), d0(), later(3))
            .unwrap();
        // A product named by the transfer rule stays.
        let policy = TransferPolicy {
            rule: TransferRule {
                conditions: vec![Condition::BoughtProduct {
                    product_id: p1.clone(),
                }],
                ..TransferRule::default()
            },
            ..TransferPolicy::default()
        };
        ws.set_transfer_policy(policy, later(4)).unwrap();
        assert!(ws.catalogue_item_in_use(&p1));
        ws.set_transfer_policy(TransferPolicy::default(), later(5))
            .unwrap();
        // Now nothing uses it: the product, then its group, go, each with a tombstone.
        ws.remove_catalogue_item(&p1, later(6)).unwrap();
        ws.remove_catalogue_item(&g1, later(6)).unwrap();
        assert!(ws.products.is_empty() && ws.product_groups.is_empty());
        assert!(ws.removed.iter().any(|t| t.id == p1) && ws.removed.iter().any(|t| t.id == g1));
        assert!(ws.integrity_problems().is_empty());
        assert_eq!(
            ws.remove_catalogue_item(&p1, later(7)),
            Err(WorkspaceError::NotFound(p1))
        );
    }
}
