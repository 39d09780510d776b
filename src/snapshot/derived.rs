//! The `derived` section of a snapshot: figures computed from the data, written for people
//! reading the file (or loading it into a spreadsheet) and ignored on import, since they follow
//! from the data and the rules of the build that reads it.
//!
//! One field is words: each transfer condition's figures in Russian (`text_ru`, «заказов 2 из
//! 3»). The snapshot layer has no words of its own (they live in `crate::i18n`, a layer above),
//! so the exporter is handed the function that writes them, [`DescribeOutcome`].

use crate::domain::client::ClientStatus;
use crate::domain::ids::Id;
use crate::domain::metrics::{client_metrics, Activity, MetricsContext, Period, Ratio};
use crate::domain::money::Money;
use crate::domain::orders::{ClientHistory, HistoryIndex};
use crate::domain::qualification::Verdict;
use crate::domain::transfer::{evaluate, Condition, ConditionOutcome};
use crate::domain::views::lookup::Lookup;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Puts a transfer condition's outcome into the Russian words of `text_ru`: the app passes
/// `crate::i18n::outcome::describe_ru`. A plain function, not a closure: the text depends on the
/// outcome alone, so the same data always exports to the same file.
pub type DescribeOutcome = fn(&ConditionOutcome) -> String;

/// The months the derived metrics cover, up to and including the export day.
pub const DERIVED_MONTHS: u32 = 12;

/// Figures for readers: a summary and one entry per client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Derived {
    /// The day everything is «as of»: the export day.
    pub as_of: NaiveDate,
    /// The first day of the metrics period (12 months back from `as_of`, plus one day).
    pub period_from: NaiveDate,
    /// Counts over the whole workspace.
    pub summary: DerivedSummary,
    /// One entry per client, in workspace order.
    pub clients: Vec<ClientFigures>,
}

/// Counts over the whole workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DerivedSummary {
    /// Team members.
    pub members: usize,
    /// Clients.
    pub clients: usize,
    /// Deals.
    pub deals: usize,
    /// Assessments.
    pub assessments: usize,
    /// Products in the catalogue.
    pub products: usize,
    /// Orders, all time.
    pub orders: usize,
    /// Transfer records.
    pub transfers: usize,
    /// Clients per status, keyed by the status as written in `workspace.clients[].status`.
    pub clients_by_status: BTreeMap<&'static str, usize>,
    /// Clients not yet with a farmer that pass the transfer rule on `as_of`.
    pub ready_for_transfer: usize,
    /// Orders in the period, over all clients.
    pub period_orders: u32,
    /// Revenue in the period, in kopecks.
    pub period_revenue: Money,
}

/// One client as a reader wants to see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClientFigures {
    /// The client's id.
    pub id: Id,
    /// The client's name.
    pub name: String,
    /// The owner's id.
    pub owner_id: Id,
    /// The owner's name.
    pub owner: String,
    /// The life-cycle status.
    pub status: ClientStatus,
    /// The current score of the client's most advanced deal, if it was ever assessed.
    pub score: Option<ClientScore>,
    /// The transfer rule checked on `as_of`.
    pub transfer: TransferCheck,
    /// The farmer's metrics over the period.
    pub metrics: PeriodFigures,
}

/// The qualification of the client's most advanced deal under the current model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClientScore {
    /// The deal.
    pub deal_id: Id,
    /// Weighted points.
    pub points: u32,
    /// The highest possible points.
    pub max: u32,
    /// The verdict.
    pub verdict: Verdict,
}

/// The transfer rule against one client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TransferCheck {
    /// Whether the client already belongs to a farmer.
    pub with_farmer: bool,
    /// Whether the rule's conditions combine to a pass.
    pub eligible: bool,
    /// Each condition, in the rule's order.
    pub conditions: Vec<ConditionLine>,
}

/// One condition's outcome in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConditionLine {
    /// The condition's kind (`order_count`, `volume`, …).
    pub kind: &'static str,
    /// Whether it holds.
    pub holds: bool,
    /// The figures in Russian, e.g. «заказов 2 из 3» (written by the [`DescribeOutcome`] the
    /// exporter was given).
    pub text_ru: String,
}

/// A client's metrics over the period, as in the farmer's view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodFigures {
    /// Orders in the period.
    pub orders: u32,
    /// Their sum, in kopecks.
    pub revenue: Money,
    /// Revenue / orders, in kopecks; null without orders.
    pub average_check: Option<Money>,
    /// Orders per month as a decimal with two places, e.g. "0.75" (text, not a float: exact).
    pub orders_per_month: String,
    /// Distinct product groups bought in the period.
    pub groups_bought: u32,
    /// Product groups in the catalogue (the cross-sell denominator).
    pub groups_offered: u32,
    /// The last order on or before `as_of`, possibly before the period.
    pub last_order: Option<NaiveDate>,
    /// Days from the last order to `as_of`.
    pub days_since_last_order: Option<u32>,
    /// Active, sleeping, lost or without orders.
    pub activity: Activity,
}

/// A ratio as a decimal with two places, rounded half up: 3/4 → "0.75".
fn two_places(r: Ratio) -> String {
    let (n, d) = (u128::from(r.numerator()), u128::from(r.denominator()));
    let hundredths = (200 * n + d) / (2 * d);
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

fn status_key(status: ClientStatus) -> &'static str {
    match status {
        ClientStatus::Lead => "lead",
        ClientStatus::Prospect => "prospect",
        ClientStatus::New => "new",
        ClientStatus::Regular => "regular",
        ClientStatus::Sleeping => "sleeping",
        ClientStatus::Lost => "lost",
    }
}

/// The derived section of `ws` as of `today`, the conditions' figures put into words by
/// `describe`.
pub(super) fn derive(ws: &Workspace, today: NaiveDate, describe: DescribeOutcome) -> Derived {
    // «The last 12 months», by the one definition the app uses everywhere.
    let period = Period::last_months(today, DERIVED_MONTHS);
    let period_from = period.from();
    let index = HistoryIndex::build(&ws.orders, &ws.products);
    let offered: HashSet<Id> = ws.group_ids();
    let ctx = MetricsContext {
        offered_groups: &offered,
        thresholds: ws.transfer_policy.thresholds,
    };
    let lookup = Lookup::new(ws);
    let members: HashMap<&Id, _> = ws.members.iter().map(|m| (&m.id, m)).collect();
    let rule = &ws.transfer_policy.rule;
    let kinds: Vec<&'static str> = rule.conditions.iter().map(Condition::kind).collect();
    let mut by_status: BTreeMap<&'static str, usize> = ClientStatus::ALL
        .iter()
        .map(|s| (status_key(*s), 0))
        .collect();
    let (mut ready, mut period_orders, mut period_revenue) = (0, 0u32, Money::ZERO);
    let empty = ClientHistory::empty(Id::from_raw(""));
    let clients = ws
        .clients
        .iter()
        .map(|c| {
            let history = index.get(&c.id).unwrap_or(&empty);
            let owner = members.get(&c.owner_id);
            let with_farmer = owner.is_some_and(|m| m.role() == crate::domain::team::Role::Farmer);
            let eligibility = evaluate(rule, history, today);
            if eligibility.eligible && !with_farmer {
                ready += 1;
            }
            let spend = c.yearly_spend.map(|y| period.prorate_yearly(y));
            let m = client_metrics(history, period, &ctx, spend);
            period_orders = period_orders.saturating_add(m.orders);
            period_revenue += m.revenue;
            *by_status.entry(status_key(c.status)).or_default() += 1;
            ClientFigures {
                id: c.id.clone(),
                name: c.name.clone(),
                owner_id: c.owner_id.clone(),
                owner: owner.map(|m| m.name.clone()).unwrap_or_default(),
                status: c.status,
                score: lookup.main_deal(&c.id).and_then(|d| {
                    lookup.deal_score(&d.id).map(|s| ClientScore {
                        deal_id: d.id.clone(),
                        points: s.points,
                        max: s.max,
                        verdict: s.verdict,
                    })
                }),
                transfer: TransferCheck {
                    with_farmer,
                    eligible: eligibility.eligible,
                    conditions: eligibility
                        .outcomes
                        .iter()
                        .zip(&kinds)
                        .map(|(o, kind)| ConditionLine {
                            kind,
                            holds: o.holds(),
                            text_ru: describe(o),
                        })
                        .collect(),
                },
                metrics: PeriodFigures {
                    orders: m.orders,
                    revenue: m.revenue,
                    average_check: m.average_check,
                    orders_per_month: two_places(m.frequency),
                    groups_bought: m.groups_bought,
                    groups_offered: u32::try_from(offered.len()).unwrap_or(u32::MAX),
                    last_order: m.last_order,
                    days_since_last_order: m.days_since_last_order,
                    activity: m.activity,
                },
            }
        })
        .collect();
    Derived {
        as_of: today,
        period_from,
        summary: DerivedSummary {
            members: ws.members.len(),
            clients: ws.clients.len(),
            deals: ws.deals.len(),
            assessments: ws.assessments.len(),
            products: ws.products.len(),
            orders: ws.orders.len(),
            transfers: ws.transfers.len(),
            clients_by_status: by_status,
            ready_for_transfer: ready,
            period_orders,
            period_revenue,
        },
        clients,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_print_with_two_places_rounded_half_up() {
        let r = |n, d| two_places(Ratio::new(n, d).unwrap());
        assert_eq!(r(3, 4), "0.75");
        assert_eq!(r(0, 7), "0.00");
        assert_eq!(r(1, 3), "0.33");
        assert_eq!(r(2, 3), "0.67");
        assert_eq!(r(1, 200), "0.01");
        assert_eq!(r(25, 2), "12.50");
    }
}
