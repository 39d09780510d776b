//! The demo's orders and transfers, dated back from `today`, so that every part of the method
//! has something to show: hunters' new clients that already meet the transfer rule and some
//! that do not yet, a sleeping and a lost client, and regular clients handed to farmers through
//! the real transfer operation, ordering more often and more per order afterwards.

use super::catalogue::product_id;
use super::Lcg;
use crate::domain::client::ClientStatus;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::{Order, OrderLine};
use crate::domain::workspace::transfer::TransferRequest;
use crate::domain::workspace::Workspace;
use chrono::{Duration, NaiveDate};

/// An order as days before today and its lines (product number, rubles).
type Story = (i64, &'static [(usize, i64)]);

/// The hunters' clients with orders: client number, the status their orders give, the orders.
/// With the default rule (2+ orders) №3, №13 and №19 are ready for a farmer, №23 and №36 are one
/// order short; №9 bought once 238 days ago and fell asleep, №24 once 412 days ago and is lost.
const HUNTER_STORIES: [(usize, ClientStatus, &[Story]); 7] = [
    (
        3,
        ClientStatus::New,
        &[(52, &[(1, 180_000)]), (11, &[(1, 240_000), (7, 18_500)])],
    ),
    (
        9,
        ClientStatus::Sleeping,
        &[(238, &[(2, 212_400), (8, 31_000)])],
    ),
    (
        13,
        ClientStatus::New,
        &[
            (96, &[(2, 95_000)]),
            (61, &[(2, 110_000)]),
            (23, &[(2, 120_000), (7, 12_500)]),
        ],
    ),
    (
        19,
        ClientStatus::New,
        &[(74, &[(5, 310_000)]), (30, &[(5, 345_000)])],
    ),
    (23, ClientStatus::New, &[(9, &[(2, 64_300)])]),
    (24, ClientStatus::Lost, &[(412, &[(3, 152_000)])]),
    (36, ClientStatus::New, &[(17, &[(1, 72_800)])]),
];

/// A regular client's life: three orders with the hunter, the transfer a few days after the
/// third, then the farmer's more frequent and larger orders with a second product group.
struct Regular {
    /// Client number (1-based, as in the demo's tables).
    client: usize,
    /// The hunter who won the client: member number (2–4).
    hunter: usize,
    /// Whether the director pressed «Передать фермеру» (otherwise the hunter did).
    by_director: bool,
    /// Days from the transfer to today.
    transferred: i64,
    /// Days between the hunter's orders.
    hunter_gap: i64,
    /// Days between the farmer's orders: shorter, which is the point of farming.
    farmer_gap: i64,
    /// A typical order in the hunter's time, in rubles.
    base: i64,
    /// The product number the client came for.
    main: usize,
    /// The product number the farmer cross-sells, from another group.
    cross: usize,
    /// The farmer's estimate of the client's yearly category spend, in rubles.
    yearly_spend: Option<i64>,
}

/// Oldest transfer first, as the audit log is kept. The yearly spends give a backup (№5), a
/// partner (№10) and a strategic (№30) share of wallet over the last quarter.
const REGULARS: [Regular; 7] = [
    regular(5, 3, true, 290, 50, 21, 45_000, (2, 7), Some(15_000_000)),
    regular(10, 4, false, 230, 42, 18, 260_000, (8, 6), Some(18_000_000)),
    regular(15, 2, true, 175, 45, 21, 130_000, (8, 4), None),
    regular(20, 3, false, 140, 40, 16, 340_000, (9, 13), None),
    regular(30, 2, true, 110, 38, 14, 420_000, (1, 7), Some(20_000_000)),
    regular(25, 4, false, 75, 35, 15, 85_000, (11, 2), None),
    regular(35, 3, true, 40, 40, 12, 38_000, (2, 7), None),
];

/// A table row; a function keeps the table one line per client.
#[allow(clippy::too_many_arguments)]
const fn regular(
    client: usize,
    hunter: usize,
    by_director: bool,
    transferred: i64,
    hunter_gap: i64,
    farmer_gap: i64,
    base: i64,
    (main, cross): (usize, usize),
    yearly_spend: Option<i64>,
) -> Regular {
    Regular {
        client,
        hunter,
        by_director,
        transferred,
        hunter_gap,
        farmer_gap,
        base,
        main,
        cross,
        yearly_spend,
    }
}

fn client_id(n: usize) -> Id {
    Id::from_raw(format!("demo-c{n:02}"))
}

fn member_id(n: usize) -> Id {
    Id::from_raw(format!("demo-m{n}"))
}

/// Business events are stamped at 10:00 UTC of their day, never later than `now`.
fn stamp(date: NaiveDate, now: Timestamp) -> Timestamp {
    date.and_hms_opt(10, 0, 0)
        .map_or(now, |t| t.and_utc())
        .min(now)
}

/// `percent` of `rubles`, to the ten rubles, plus some kopecks as real invoices (with VAT) have.
fn share(rubles: i64, percent: u64, rng: &mut Lcg) -> Money {
    let tens = rubles * percent as i64 / 1_000;
    Money::from_kopecks(tens * 1_000 + rng.next(100) as i64)
}

/// Builds and numbers the orders (`demo-o001`, …).
struct OrderBook<'a> {
    today: NaiveDate,
    now: Timestamp,
    orders: &'a mut Vec<Order>,
}

impl OrderBook<'_> {
    fn push(&mut self, client: usize, days_ago: i64, lines: Vec<(usize, Money)>) {
        let date = self.today - Duration::days(days_ago);
        self.orders.push(Order {
            id: Id::from_raw(format!("demo-o{:03}", self.orders.len() + 1)),
            client_id: client_id(client),
            date,
            lines: lines
                .into_iter()
                .map(|(product, amount)| OrderLine {
                    product_id: product_id(product),
                    amount,
                    quantity: None,
                })
                .collect(),
            created_at: stamp(date, self.now),
            updated_at: stamp(date, self.now),
            stamps: Default::default(),
        });
    }
}

/// Adds the orders, the statuses they imply and the transfers. Needs the catalogue and the
/// clients in place; leaves every client's owner and `updated_at` as the demo set them.
pub(super) fn add_orders_and_transfers(ws: &mut Workspace, today: NaiveDate, now: Timestamp) {
    // A separate generator, so the records built before stay exactly as they were.
    let mut rng = Lcg(2604);
    let mut orders = Vec::new();
    let mut book = OrderBook {
        today,
        now,
        orders: &mut orders,
    };
    for (client, status, story) in HUNTER_STORIES {
        for (days_ago, lines) in story {
            let lines = lines
                .iter()
                .map(|&(p, rubles)| (p, Money::from_rubles(rubles)))
                .collect();
            book.push(client, *days_ago, lines);
        }
        if let Some(c) = ws.clients.iter_mut().find(|c| c.id == client_id(client)) {
            c.status = status;
        }
    }
    for r in &REGULARS {
        let third = r.transferred + 5;
        for k in (0..3).rev() {
            let amount = share(r.base, 90 + rng.next(21), &mut rng);
            book.push(r.client, third + k * r.hunter_gap, vec![(r.main, amount)]);
        }
        let mut days_ago = r.transferred - r.farmer_gap;
        let mut k = 0;
        while days_ago >= 1 {
            let mut lines = vec![(r.main, share(r.base, 125 + rng.next(26), &mut rng))];
            // Every other order also takes the second group: cross-selling, the farmer's work.
            if k % 2 == 1 {
                lines.push((r.cross, share(r.base, 15 + rng.next(11), &mut rng)));
            }
            book.push(r.client, days_ago, lines);
            days_ago -= r.farmer_gap;
            k += 1;
        }
    }
    ws.orders = orders;
    for (n, r) in REGULARS.iter().enumerate() {
        transfer(ws, n + 1, r, today, now);
    }
}

/// Replays the transfer of a regular client on its day through [`Workspace::transfer_client`],
/// so the record carries the rule and the figures `evaluate` gave then. The client is handed
/// back to the hunter for the call and restored afterwards, exactly as the demo defines it.
fn transfer(ws: &mut Workspace, n: usize, r: &Regular, today: NaiveDate, now: Timestamp) {
    let id = client_id(r.client);
    let Some(at) = ws.clients.iter().position(|c| c.id == id) else {
        return;
    };
    let farmer = ws.clients[at].owner_id.clone();
    let hunter = member_id(r.hunter);
    ws.clients[at].owner_id = hunter.clone();
    ws.clients[at].status = ClientStatus::New;
    let date = today - Duration::days(r.transferred);
    let request = TransferRequest {
        record_id: Id::from_raw(format!("demo-t{n:02}")),
        client_id: id,
        to_member_id: farmer.clone(),
        by_member_id: if r.by_director { member_id(1) } else { hunter },
    };
    let done = ws.transfer_client(request, date, stamp(date, now));
    debug_assert!(
        done.is_ok(),
        "demo transfer of client {}: {done:?}",
        r.client
    );
    let client = &mut ws.clients[at];
    client.owner_id = farmer;
    client.status = ClientStatus::Regular;
    client.yearly_spend = r.yearly_spend.map(Money::from_rubles);
    client.updated_at = now;
}
