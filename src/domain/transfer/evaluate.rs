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
    evaluate_in(rule, &Windows::new(rule, today), history, today)
}

/// [`evaluate`] with the rule's windows as of `today` worked out by the caller.
fn evaluate_in(
    rule: &TransferRule,
    windows: &Windows,
    history: &ClientHistory,
    today: NaiveDate,
) -> Eligibility {
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

/// One condition's outcome for one client: the only place a condition is evaluated, so a new
/// condition is written once. `orders` is `history.orders_until(today)`, computed once per
/// client; `window` is the condition's from [`Windows`].
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
            let counted = match since {
                Some(since) => history.orders_between(since, today),
                None => orders,
            };
            ConditionOutcome::Volume {
                have: sum(counted),
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
        Condition::MonthlyMinimum { at_least, .. } => {
            let counted: &[_] = match window {
                Window::Months(months) => months,
                _ => &[],
            };
            ConditionOutcome::MonthlyMinimum {
                need: *at_least,
                months: counted
                    .iter()
                    .map(|&(month, first, last)| MonthAmount {
                        month,
                        amount: sum(history.orders_between(first, last)),
                    })
                    .collect(),
            }
        }
        Condition::MinimumOrder { months, at_least } => {
            // Windows::new gives every minimum order a Since window; today is never used.
            let since = match window {
                Window::Since(since) => *since,
                _ => today,
            };
            let window = history.orders_between(since, today);
            ConditionOutcome::MinimumOrder {
                smallest: window.iter().map(|o| o.total).min(),
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

/// The sum of the orders' totals.
fn sum(orders: &[OrderSummary]) -> Money {
    orders.iter().map(|o| o.total).sum()
}

/// The clients that pass `rule` as of `today`, sorted by id: a «what if» preview of a rule
/// before it is saved. Each client is `evaluate(…).eligible`, with the windows worked out once.
/// Clients without orders are not in the index and never pass, since every condition needs at
/// least one order.
pub fn eligible_clients(rule: &TransferRule, index: &HistoryIndex, today: NaiveDate) -> Vec<Id> {
    let windows = Windows::new(rule, today);
    let mut ids: Vec<Id> = index
        .histories()
        .filter(|h| evaluate_in(rule, &windows, h, today).eligible)
        .map(|h| h.client_id().clone())
        .collect();
    // Equal ids are indistinguishable, so the shared stable sort gives the same result.
    crate::domain::sort::sort(&mut ids);
    ids
}
