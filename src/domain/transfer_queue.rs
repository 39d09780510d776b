//! The transfer queue: hunters' clients that meet the transfer rule today.

use super::ids::Id;
use super::orders::HistoryIndex;
use super::transfer::{evaluate, Eligibility};
use super::workspace::Workspace;
use chrono::NaiveDate;

/// A client waiting to be passed to a farmer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueEntry {
    /// The client.
    pub client_id: Id,
    /// Its current owner (a hunter or the director).
    pub owner_id: Id,
    /// Why it is eligible: every condition's figures.
    pub eligibility: Eligibility,
}

/// The clients not owned by a farmer that meet the rule in force as of `today`, by name.
/// `index` must hold the workspace's current orders: one index serves the whole queue, so the
/// queue costs one rule evaluation per client with orders.
pub fn transfer_queue(ws: &Workspace, index: &HistoryIndex, today: NaiveDate) -> Vec<QueueEntry> {
    let rule = &ws.transfer_policy.rule;
    let mut entries: Vec<(&str, QueueEntry)> = ws
        .clients
        .iter()
        .filter(|c| !ws.is_with_farmer(&c.id))
        .filter_map(|c| {
            let eligibility = evaluate(rule, index.get(&c.id)?, today);
            eligibility.eligible.then(|| {
                (
                    c.name.as_str(),
                    QueueEntry {
                        client_id: c.id.clone(),
                        owner_id: c.owner_id.clone(),
                        eligibility,
                    },
                )
            })
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(b.0).then_with(|| a.1.client_id.cmp(&b.1.client_id)));
    entries.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;
    use crate::domain::workspace_transfer::TransferRequest;
    use chrono::NaiveDate;

    #[test]
    fn the_queue_holds_eligible_clients_of_hunters_only() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        let mut ws = catalogue_workspace();
        // c1 (Ivan): two orders, eligible. c2 (Olga): one order, not yet. c3 (Ivan): none.
        ws.add_order(order_on("o1", "c1", 10, day(2)), later(1))
            .unwrap();
        ws.add_order(order_on("o2", "c1", 10, day(3)), later(1))
            .unwrap();
        ws.add_order(order_on("o3", "c2", 10, day(3)), later(1))
            .unwrap();
        let index = HistoryIndex::build(&ws.orders, &ws.products);
        let queue = transfer_queue(&ws, &index, day(15));
        assert_eq!(queue.len(), 1);
        assert_eq!(queue[0].client_id, Id::from_raw("c1"));
        assert_eq!(queue[0].owner_id, Id::from_raw("ivan"));
        assert!(queue[0].eligibility.eligible);
        // Orders dated after «today» do not count yet.
        assert!(transfer_queue(&ws, &index, day(2)).is_empty());
        // Once with the farmer, the client leaves the queue.
        ws.transfer_client(
            TransferRequest {
                record_id: Id::from_raw("t1"),
                client_id: Id::from_raw("c1"),
                to_member_id: Id::from_raw("anna"),
                by_member_id: Id::from_raw("ivan"),
            },
            day(15),
            later(2),
        )
        .unwrap();
        assert!(transfer_queue(&ws, &index, day(15)).is_empty());
    }
}
