//! Every client's orders as the dashboard reads them — day, month and total, sorted by day —
//! built in one pass over the orders. The figures read it instead of scanning every order (and
//! adding up every order's lines) each: a screen builds it once per change of the orders and a
//! period change only re-aggregates.

use super::scope::{Owners, Scope};
use crate::domain::ids::Id;
use crate::domain::metrics::Period;
use crate::domain::money::Money;
use crate::domain::orders::calendar::YearMonth;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

/// A month as one number (`year × 12 + month − 1`), so that a month's slot in a period is a
/// subtraction.
pub fn month_number(m: YearMonth) -> i64 {
    i64::from(m.year) * 12 + i64::from(m.month) - 1
}

/// One order in short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sale {
    /// The order's day.
    pub date: NaiveDate,
    /// Its month, as [`month_number`] gives it.
    pub month: i64,
    /// The order's total.
    pub total: Money,
}

/// One client's orders, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientSales {
    /// The client (orders of a client no longer in the workspace are kept too).
    pub client_id: Id,
    /// Its orders by day (orders of one day in the stored order).
    pub sales: Vec<Sale>,
    /// What the orders of its first day came to.
    pub first_amount: Money,
}

impl ClientSales {
    /// The day of its first order.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.sales.first().map(|s| s.date)
    }

    /// Its orders dated in `period`.
    pub fn within(&self, period: Period) -> &[Sale] {
        self.between(period.from(), period.to())
    }

    /// Its orders dated from `from` through `to` (none when `to` is before `from`).
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> &[Sale] {
        let start = self.sales.partition_point(|s| s.date < from);
        let end = self.sales.partition_point(|s| s.date <= to).max(start);
        &self.sales[start..end]
    }

    /// Its orders on or before `day`.
    pub fn until(&self, day: NaiveDate) -> &[Sale] {
        &self.sales[..self.sales.partition_point(|s| s.date <= day)]
    }
}

/// Every client's orders (see the module).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SalesIndex {
    clients: Vec<ClientSales>,
    by_id: HashMap<Id, usize>,
}

impl SalesIndex {
    /// Indexes the orders of `ws`.
    pub fn new(ws: &Workspace) -> SalesIndex {
        let mut index = SalesIndex::default();
        for o in &ws.orders {
            let slot = match index.by_id.get(&o.client_id) {
                Some(&slot) => slot,
                None => {
                    index.by_id.insert(o.client_id.clone(), index.clients.len());
                    index.clients.push(ClientSales {
                        client_id: o.client_id.clone(),
                        sales: Vec::new(),
                        first_amount: Money::ZERO,
                    });
                    index.clients.len() - 1
                }
            };
            index.clients[slot].sales.push(Sale {
                date: o.date,
                month: month_number(YearMonth::of(o.date)),
                total: o.total(),
            });
        }
        for c in &mut index.clients {
            // Stable: orders of one day keep the stored order.
            crate::domain::sort::sort_by_key(&mut c.sales, |s| s.date);
            let first = c.sales[0].date;
            c.first_amount = c
                .sales
                .iter()
                .take_while(|s| s.date == first)
                .map(|s| s.total)
                .sum();
        }
        index
    }

    /// One client's orders (`None`: it has none).
    pub fn get(&self, client_id: &Id) -> Option<&ClientSales> {
        self.by_id.get(client_id).map(|&i| &self.clients[i])
    }

    /// Every client with orders, in the order of their first stored order.
    pub fn clients(&self) -> &[ClientSales] {
        &self.clients
    }

    /// Calls `f` with every order dated in `period` whose client belonged to someone in `scope`
    /// on the order's day, and that owner. A client that never changed hands is decided once,
    /// not per order.
    pub fn each_owned<'a>(
        &self,
        owners: &Owners<'a>,
        period: Period,
        scope: &Scope,
        mut f: impl FnMut(&'a Id, &Sale),
    ) {
        for c in &self.clients {
            let sales = c.within(period);
            if sales.is_empty() {
                continue;
            }
            match owners.always(&c.client_id) {
                Some(owner) if scope.includes(owner) => sales.iter().for_each(|s| f(owner, s)),
                Some(_) => {}
                None => {
                    for s in sales {
                        if let Some(owner) = owners.on(&c.client_id, s.date) {
                            if scope.includes(owner) {
                                f(owner, s);
                            }
                        }
                    }
                }
            }
        }
    }
}
