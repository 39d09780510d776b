//! The transfer queue (очередь на передачу): clients that meet the transfer rule today but are
//! still not with a farmer. The director works through it; a hunter sees their own part.

use crate::domain::ids::Id;
use crate::domain::orders::HistoryIndex;
use crate::domain::transfer::{evaluate, Eligibility};
use crate::domain::views::query::name_sort_key;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;

/// One client waiting to pass to a farmer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueEntry {
    /// The client.
    pub client_id: Id,
    /// Its name, as the list sorts and shows it.
    pub client_name: String,
    /// Who owns it now: usually a hunter, sometimes the director.
    pub owner_id: Id,
    /// The rule's verdict with every condition's figures («заказов 2 из 2»).
    pub eligibility: Eligibility,
}

/// The clients not owned by a farmer (see [`Workspace::is_with_farmer`]) that pass
/// `ws.transfer_policy.rule` as of `today`, sorted by name the way the client list sorts
/// (ignoring ООО, АО and quotes), then by id. `index` must be built from `ws.orders` and
/// `ws.products`; it is taken rather than built so that a view asking several questions builds
/// it once. Clients without orders are not in the index and never qualify, since every
/// condition needs an order.
pub fn transfer_queue(ws: &Workspace, index: &HistoryIndex, today: NaiveDate) -> Vec<QueueEntry> {
    // One set of farmers instead of `is_with_farmer` per client, which scans clients and members
    // each time and would make a 5 000-client queue quadratic.
    let farmers = ws.farmer_ids();
    let rule = &ws.transfer_policy.rule;
    let mut entries: Vec<(String, QueueEntry)> = ws
        .clients
        .iter()
        .filter(|c| !farmers.contains(&c.owner_id))
        .filter_map(|c| {
            let eligibility = evaluate(rule, index.get(&c.id)?, today);
            eligibility.eligible.then(|| {
                let entry = QueueEntry {
                    client_id: c.id.clone(),
                    client_name: c.name.clone(),
                    owner_id: c.owner_id.clone(),
                    eligibility,
                };
                (name_sort_key(&c.name), entry)
            })
        })
        .collect();
    crate::domain::sort::sort_by(&mut entries, |(a, x), (b, y)| {
        a.cmp(b).then_with(|| x.client_id.cmp(&y.client_id))
    });
    entries.into_iter().map(|(_, entry)| entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::team::JobTitle;
    use crate::domain::transfer::ConditionOutcome;
    use crate::domain::workspace::transfer::TransferRequest;
    use crate::testkit::fixtures::*;

    fn day(month: u32, d: u32) -> NaiveDate {
        let year = if month == 12 { 2025 } else { 2026 };
        NaiveDate::from_ymd_opt(year, month, d).unwrap()
    }

    #[test]
    fn the_queue_lists_eligible_clients_not_with_a_farmer_by_name() {
        let mut ws = catalogue_workspace();
        ws.add_member(member("marina", "Марина Волкова", JobTitle::SalesDirector))
            .unwrap();
        ws.add_client(client("c5", "ПАО «Альфа»", "marina"))
            .unwrap();
        ws.add_client(client("c6", "ООО «Бета»", "anna")).unwrap();
        for (id, c, d) in [
            ("o1", "c1", day(1, 5)),
            ("o2", "c1", day(1, 12)),
            ("o3", "c2", day(1, 6)),
            ("o4", "c5", day(12, 3)),
            ("o5", "c5", day(1, 9)),
            ("o6", "c6", day(1, 2)),
            ("o7", "c6", day(1, 3)),
            // A second order of c2 after «today» does not count yet.
            ("o8", "c2", day(1, 25)),
        ] {
            ws.add_order(order_on(id, c, 1_000, d), d0(), later(1))
                .unwrap();
        }
        let index = HistoryIndex::build(&ws.orders, &ws.products);
        let queue = transfer_queue(&ws, &index, day(1, 20));
        // «Альфа» before «Вектор» although «ПАО» sorts after «ООО»; c6 is with the farmer
        // Anna, c2 has one order by the 20th, c3 none.
        let rows: Vec<(&str, &str)> = queue
            .iter()
            .map(|e| (e.client_id.as_str(), e.owner_id.as_str()))
            .collect();
        assert_eq!(rows, [("c5", "marina"), ("c1", "ivan")]);
        assert_eq!(queue[1].client_name, "ООО «Вектор»");
        assert_eq!(
            queue[1].eligibility.outcomes,
            [ConditionOutcome::OrderCount { have: 2, need: 2 }]
        );
        // The queue agrees with the one-client check the transfer button uses.
        for e in &queue {
            assert!(!ws.is_with_farmer(&e.client_id));
            assert_eq!(
                e.eligibility,
                ws.transfer_eligibility(&e.client_id, day(1, 20))
            );
        }

        // Once transferred, a client leaves the queue.
        let request = TransferRequest {
            record_id: Id::from_raw("t1"),
            client_id: Id::from_raw("c1"),
            to_member_id: Id::from_raw("anna"),
            by_member_id: Id::from_raw("marina"),
        };
        ws.transfer_client(request, day(1, 20), later(2)).unwrap();
        let queue = transfer_queue(&ws, &index, day(1, 20));
        assert_eq!(queue.len(), 1);
        assert_eq!(queue[0].client_id.as_str(), "c5");
    }
}
