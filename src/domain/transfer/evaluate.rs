//! Evaluating a transfer rule against one client's history, with the figures behind the answer.

use super::{Combinator, Condition, TransferRule};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::calendar::{days_between, last_months, YearMonth};
use crate::domain::orders::{ClientHistory, HistoryIndex, OrderSummary};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A client's purchases in one calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthAmount {
    /// The month.
    pub month: YearMonth,
    /// The sum of the month's order totals.
    pub amount: Money,
}

/// One condition's result with the actual figures, so the UI can render «заказов 2 из 3» in
/// either language. Whether it holds is derived from the figures ([`ConditionOutcome::holds`]),
/// so the two can never disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConditionOutcome {
    /// Orders placed so far against the orders required.
    OrderCount {
        /// Orders dated on or before today.
        have: u32,
        /// N.
        need: u32,
    },
    /// Purchases so far (or within the window) against the volume required.
    Volume {
        /// The sum of the counted orders.
        have: Money,
        /// X.
        need: Money,
        /// M, when only the last M months count.
        within_months: Option<u32>,
        /// The window's first day when there is a window: the day after today minus M months
        /// (see [`crate::domain::orders::calendar::last_months`]).
        since: Option<NaiveDate>,
    },
    /// Whether and when the product was first bought.
    BoughtProduct {
        /// The product.
        product_id: Id,
        /// The first purchase on or before today.
        first_bought: Option<NaiveDate>,
    },
    /// Whether and when anything of the group was first bought.
    BoughtGroup {
        /// The group.
        group_id: Id,
        /// The first purchase on or before today.
        first_bought: Option<NaiveDate>,
    },
    /// Purchases in each of the counted months against the monthly minimum.
    MonthlyMinimum {
        /// X per month.
        need: Money,
        /// The K complete months before today's month, oldest first, with their purchases.
        months: Vec<MonthAmount>,
    },
    /// The smallest order of the last M months against the minimum each must reach.
    MinimumOrder {
        /// The smallest order total in the window, `None` when there was no order in it.
        smallest: Option<Money>,
        /// X.
        need: Money,
        /// M.
        months: u32,
        /// How many orders the window holds.
        orders: u32,
        /// The window's first day (the day after today minus M months).
        since: NaiveDate,
    },
    /// Days since the first order against the days required.
    DaysSinceFirstOrder {
        /// Days from the first order to today, or `None` when there is no order yet.
        have: Option<u32>,
        /// The days required.
        need: u32,
    },
}

impl ConditionOutcome {
    /// Whether the condition holds.
    pub fn holds(&self) -> bool {
        match self {
            ConditionOutcome::OrderCount { have, need } => have >= need,
            ConditionOutcome::Volume { have, need, .. } => have >= need,
            ConditionOutcome::BoughtProduct { first_bought, .. }
            | ConditionOutcome::BoughtGroup { first_bought, .. } => first_bought.is_some(),
            // No months to check (K = 0, refused by validation) must not pass a client.
            ConditionOutcome::MonthlyMinimum { need, months } => {
                !months.is_empty() && months.iter().all(|m| m.amount >= *need)
            }
            // No order in the window is no proof of a minimum: it does not pass.
            ConditionOutcome::MinimumOrder { smallest, need, .. } => {
                smallest.is_some_and(|s| s >= *need)
            }
            ConditionOutcome::DaysSinceFirstOrder { have, need } => {
                have.is_some_and(|days| days >= *need)
            }
        }
    }

    /// For a monthly minimum, how many of the counted months reached it.
    pub fn months_met(&self) -> Option<usize> {
        match self {
            ConditionOutcome::MonthlyMinimum { need, months } => {
                Some(months.iter().filter(|m| m.amount >= *need).count())
            }
            _ => None,
        }
    }
}

/// Whether a client passes the rule, and every condition's outcome in the rule's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    /// True when the conditions combine to a pass.
    pub eligible: bool,
    /// One outcome per condition, in the rule's order.
    pub outcomes: Vec<ConditionOutcome>,
}

/// Evaluates `rule` for one client as of `today`: orders dated after `today` are ignored, so the
/// same call answers «would this client have passed on 1 March?». A rule without conditions
/// passes no one (an empty ALL is not a blanket pass).
pub fn evaluate(rule: &TransferRule, history: &ClientHistory, today: NaiveDate) -> Eligibility {
    let windows = Windows::new(rule, today);
    let orders = history.orders_until(today);
    let outcomes: Vec<ConditionOutcome> = rule
        .conditions
        .iter()
        .zip(&windows.0)
        .map(|(c, w)| outcome(c, w, history, orders, today))
        .collect();
    let eligible = !outcomes.is_empty()
        && match rule.combinator {
            Combinator::All => outcomes.iter().all(ConditionOutcome::holds),
            Combinator::Any => outcomes.iter().any(ConditionOutcome::holds),
        };
    Eligibility { eligible, outcomes }
}

/// The dates each condition of a rule looks at as of one day. They are the same for every
/// client, so a check of many clients works them out once rather than once per client (month
/// bounds are a few calendar conversions each).
struct Windows(Vec<Window>);

/// The dates one condition looks at.
enum Window {
    /// The condition needs no dates beyond today.
    None,
    /// A volume counted from this day.
    Since(NaiveDate),
    /// Monthly minimum: each counted month with its first and last day, oldest first.
    Months(Vec<(YearMonth, NaiveDate, NaiveDate)>),
}

impl Windows {
    fn new(rule: &TransferRule, today: NaiveDate) -> Windows {
        let window = |c: &Condition| match c {
            Condition::Volume {
                within_months: Some(m),
                ..
            }
            | Condition::MinimumOrder { months: m, .. } => Window::Since(last_months(today, *m).0),
            Condition::MonthlyMinimum { months, .. } => Window::Months(
                YearMonth::complete_months_before(today, *months)
                    .into_iter()
                    .map(|m| (m, m.first_day(), m.last_day()))
                    .collect(),
            ),
            _ => Window::None,
        };
        Windows(rule.conditions.iter().map(window).collect())
    }
}

/// The counted months of a [`Window`] (none for a window of another kind).
fn months_of(window: &Window) -> &[(YearMonth, NaiveDate, NaiveDate)] {
    match window {
        Window::Months(months) => months,
        _ => &[],
    }
}

/// `orders` is `history.orders_until(today)`, computed once per client; `window` is the
/// condition's from [`Windows`].
fn outcome(
    condition: &Condition,
    window: &Window,
    history: &ClientHistory,
    orders: &[OrderSummary],
    today: NaiveDate,
) -> ConditionOutcome {
    match condition {
        Condition::OrderCount { at_least } => ConditionOutcome::OrderCount {
            have: u32::try_from(orders.len()).unwrap_or(u32::MAX),
            need: *at_least,
        },
        Condition::Volume {
            at_least,
            within_months,
        } => {
            let since = match window {
                Window::Since(since) => Some(*since),
                _ => None,
            };
            ConditionOutcome::Volume {
                have: volume(history, orders, since, today),
                need: *at_least,
                within_months: *within_months,
                since,
            }
        }
        Condition::BoughtProduct { product_id } => ConditionOutcome::BoughtProduct {
            product_id: product_id.clone(),
            first_bought: history
                .first_bought_product(product_id)
                .filter(|d| *d <= today),
        },
        Condition::BoughtGroup { group_id } => ConditionOutcome::BoughtGroup {
            group_id: group_id.clone(),
            first_bought: history.first_bought_group(group_id).filter(|d| *d <= today),
        },
        Condition::MonthlyMinimum { at_least, .. } => ConditionOutcome::MonthlyMinimum {
            need: *at_least,
            months: months_of(window)
                .iter()
                .map(|&(month, first, last)| MonthAmount {
                    month,
                    amount: sum(history.orders_between(first, last)),
                })
                .collect(),
        },
        Condition::MinimumOrder { months, at_least } => {
            let since = since_of(window, today);
            let window = history.orders_between(since, today);
            ConditionOutcome::MinimumOrder {
                smallest: smallest(window),
                need: *at_least,
                months: *months,
                orders: u32::try_from(window.len()).unwrap_or(u32::MAX),
                since,
            }
        }
        Condition::DaysSinceFirstOrder { at_least } => ConditionOutcome::DaysSinceFirstOrder {
            have: orders.first().and_then(|o| days_between(o.date, today)),
            need: *at_least,
        },
    }
}

/// Whether `condition` holds: `outcome(…).holds()` without building the outcome (no figures
/// kept, no ids cloned, no allocation), for checking every client at once. A test holds the
/// two to the same answer.
fn holds(
    condition: &Condition,
    window: &Window,
    history: &ClientHistory,
    orders: &[OrderSummary],
    today: NaiveDate,
) -> bool {
    match condition {
        Condition::OrderCount { at_least } => {
            u32::try_from(orders.len()).unwrap_or(u32::MAX) >= *at_least
        }
        Condition::Volume { at_least, .. } => {
            let since = match window {
                Window::Since(since) => Some(*since),
                _ => None,
            };
            volume(history, orders, since, today) >= *at_least
        }
        Condition::BoughtProduct { product_id } => history
            .first_bought_product(product_id)
            .is_some_and(|d| d <= today),
        Condition::BoughtGroup { group_id } => history
            .first_bought_group(group_id)
            .is_some_and(|d| d <= today),
        Condition::MonthlyMinimum { at_least, .. } => {
            let months = months_of(window);
            !months.is_empty()
                && months
                    .iter()
                    .all(|&(_, first, last)| sum(history.orders_between(first, last)) >= *at_least)
        }
        Condition::MinimumOrder { at_least, .. } => {
            smallest(history.orders_between(since_of(window, today), today))
                .is_some_and(|s| s >= *at_least)
        }
        Condition::DaysSinceFirstOrder { at_least } => orders
            .first()
            .and_then(|o| days_between(o.date, today))
            .is_some_and(|days| days >= *at_least),
    }
}

/// What a client bought from `since` (all of `orders` when `None`) to `today`.
fn volume(
    history: &ClientHistory,
    orders: &[OrderSummary],
    since: Option<NaiveDate>,
    today: NaiveDate,
) -> Money {
    match since {
        Some(since) => sum(history.orders_between(since, today)),
        None => sum(orders),
    }
}

/// The first day of a [`Window::Since`] (today for a window of another kind, never used).
fn since_of(window: &Window, today: NaiveDate) -> NaiveDate {
    match window {
        Window::Since(since) => *since,
        _ => today,
    }
}

/// The smallest order total, `None` without orders.
fn smallest(orders: &[OrderSummary]) -> Option<Money> {
    orders.iter().map(|o| o.total).min()
}

fn sum(orders: &[OrderSummary]) -> Money {
    orders.iter().map(|o| o.total).sum()
}

/// Whether a client passes `rule` as of `today`: `evaluate(…).eligible`, with the windows
/// worked out once by the caller and no outcome built.
fn passes(
    rule: &TransferRule,
    windows: &Windows,
    history: &ClientHistory,
    today: NaiveDate,
) -> bool {
    let orders = history.orders_until(today);
    let mut each = rule
        .conditions
        .iter()
        .zip(&windows.0)
        .map(|(c, w)| holds(c, w, history, orders, today));
    !rule.conditions.is_empty()
        && match rule.combinator {
            Combinator::All => each.all(|h| h),
            Combinator::Any => each.any(|h| h),
        }
}

/// The clients that pass `rule` as of `today`, sorted by id: a «what if» preview of a rule
/// before it is saved. Clients without orders are not in the index and never pass, since every
/// condition needs at least one order.
pub fn eligible_clients(rule: &TransferRule, index: &HistoryIndex, today: NaiveDate) -> Vec<Id> {
    let windows = Windows::new(rule, today);
    let mut ids: Vec<Id> = index
        .histories()
        .filter(|h| passes(rule, &windows, h, today))
        .map(|h| h.client_id().clone())
        .collect();
    ids.sort_unstable();
    ids
}

#[cfg(test)]
mod tests {
    use super::{evaluate, passes, Windows};
    use crate::domain::ids::Id;
    use crate::domain::money::Money;
    use crate::domain::orders::HistoryIndex;
    use crate::domain::transfer::{Combinator, Condition, TransferRule};
    use crate::testkit::fixtures::t0;
    use crate::testkit::synth_orders::{synth_catalog, synth_client_ids, synth_orders};
    use chrono::NaiveDate;

    #[test]
    fn the_quick_check_agrees_with_the_full_evaluation() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let (groups, products) = synth_catalog(6, 5, t0());
        let clients = synth_client_ids(300);
        let orders = synth_orders(7, &clients, &products, 4_000, d(2024, 1, 1), d(2026, 3, 31));
        let index = HistoryIndex::build(&orders, &products);
        let conditions = [
            Condition::OrderCount { at_least: 12 },
            Condition::Volume {
                at_least: Money::from_rubles(300_000),
                within_months: None,
            },
            Condition::Volume {
                at_least: Money::from_rubles(100_000),
                within_months: Some(6),
            },
            Condition::BoughtProduct {
                product_id: products[3].id.clone(),
            },
            Condition::BoughtGroup {
                group_id: groups[2].id.clone(),
            },
            Condition::BoughtGroup {
                group_id: Id::from_raw("no-such-group"),
            },
            Condition::monthly_minimum(Money::from_rubles(5_000)),
            Condition::MinimumOrder {
                months: 3,
                at_least: Money::from_rubles(20_000),
            },
            Condition::MinimumOrder {
                months: 12,
                at_least: Money::from_rubles(1_000),
            },
            Condition::MonthlyMinimum {
                months: 0,
                at_least: Money::from_rubles(1),
            },
            Condition::DaysSinceFirstOrder { at_least: 400 },
        ];
        let mut rules = vec![TransferRule {
            combinator: Combinator::All,
            conditions: Vec::new(),
        }];
        for combinator in [Combinator::All, Combinator::Any] {
            for (i, c) in conditions.iter().enumerate() {
                rules.push(TransferRule {
                    combinator,
                    conditions: vec![c.clone()],
                });
                rules.push(TransferRule {
                    combinator,
                    conditions: vec![
                        c.clone(),
                        conditions[(i * 5 + 2) % conditions.len()].clone(),
                    ],
                });
            }
        }
        let (mut passed, mut failed) = (0, 0);
        for today in [d(2024, 1, 15), d(2025, 3, 31), d(2026, 6, 1)] {
            for rule in &rules {
                let windows = Windows::new(rule, today);
                for h in index.histories() {
                    let quick = passes(rule, &windows, h, today);
                    assert_eq!(quick, evaluate(rule, h, today).eligible, "{rule:?} {today}");
                    if quick {
                        passed += 1;
                    } else {
                        failed += 1;
                    }
                }
            }
        }
        // Both answers occur, so the agreement is not the trivial one.
        assert!(passed > 1_000 && failed > 1_000, "{passed} {failed}");
    }
}
