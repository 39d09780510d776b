//! Plan against fact per rep and month: hunters' first sales (count and amount) and farmers'
//! revenue from the clients they owned on each order's day, against the director's targets
//! ([`crate::domain::sales_plan`]); and the current month's forecast from the open pipeline
//! weighted by the stage probabilities of the pipeline settings.

use super::period::months_of;
use super::sales::FirstSales;
use super::sales_index::{month_number, SalesIndex};
use super::scope::{Owners, Scope};
use crate::domain::client::ClientStatus;
use crate::domain::ids::Id;
use crate::domain::metrics::Period;
use crate::domain::money::Money;
use crate::domain::orders::calendar::YearMonth;
use crate::domain::sales_plan::{target_of, PlanKind};
use crate::domain::team::Role;
use crate::domain::workspace::Workspace;
use rustc_hash::FxHashMap as HashMap;

/// One rep's measure (a plan kind) over the period's months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanRow {
    /// The rep.
    pub member_id: Id,
    /// What is measured: a count, or kopecks.
    pub kind: PlanKind,
    /// Per month of the period: the target (zero: no plan).
    pub plan: Vec<i64>,
    /// Per month: the fact, in the same unit.
    pub fact: Vec<i64>,
}

impl PlanRow {
    /// The period to date: the targets and the facts added up.
    pub fn totals(&self) -> (i64, i64) {
        (self.plan.iter().sum(), self.fact.iter().sum())
    }
}

/// Plan against fact of a period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFact {
    /// The months, oldest first.
    pub months: Vec<YearMonth>,
    /// Hunters (first sales count and amount) then farmers (revenue), in the team's order; a
    /// rep is listed when in scope, whether or not the director set a plan.
    pub rows: Vec<PlanRow>,
}

/// `fact / plan` in percent, rounded half up (`None` without a plan).
pub fn percent(plan: i64, fact: i64) -> Option<i64> {
    (plan > 0)
        .then(|| (fact.max(0) as i128 * 200 + plan as i128) / (plan as i128 * 2))
        .map(|p| i64::try_from(p).unwrap_or(i64::MAX))
}

/// Each owner's revenue per month of `period` (the owner on the order's day), in kopecks.
pub fn revenue_by_owner<'a>(
    index: &SalesIndex,
    owners: &Owners<'a>,
    period: Period,
    months: &[YearMonth],
) -> HashMap<&'a Id, Vec<i64>> {
    let base = months.first().map_or(0, |m| month_number(*m));
    let mut out: HashMap<&Id, Vec<i64>> = HashMap::default();
    index.each_owned(owners, period, &Scope::Team, |owner, sale| {
        let Some(slot) = usize::try_from(sale.month - base)
            .ok()
            .filter(|&s| s < months.len())
        else {
            return;
        };
        out.entry(owner).or_insert_with(|| vec![0; months.len()])[slot] += sale.total.kopecks();
    });
    out
}

/// Plan against fact for `period` and `scope`, the hunters' facts from `first_sales` (as the
/// dashboard computed them for the same period and scope).
pub fn plan_fact(
    ws: &Workspace,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
    first_sales: &[FirstSales],
) -> PlanFact {
    plan_fact_in(ws, &SalesIndex::new(ws), owners, period, scope, first_sales)
}

/// [`plan_fact`] read from an index of the orders built beforehand.
pub fn plan_fact_in(
    ws: &Workspace,
    index: &SalesIndex,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
    first_sales: &[FirstSales],
) -> PlanFact {
    let months = months_of(period);
    let revenue = revenue_by_owner(index, owners, period, &months);
    let plan = |id: &Id, kind| {
        months
            .iter()
            .map(|&m| target_of(&ws.sales_plans, id, m, kind))
            .collect()
    };
    let mut rows = Vec::new();
    for role in [Role::Hunter, Role::Farmer] {
        for m in ws
            .members
            .iter()
            .filter(|m| m.role() == role && scope.includes(&m.id))
        {
            if role == Role::Hunter {
                let sales = first_sales.iter().find(|f| f.member_id == m.id);
                let counts = sales.map_or(vec![0; months.len()], |f| {
                    f.counts.iter().map(|&c| i64::from(c)).collect()
                });
                let amounts = sales.map_or(vec![0; months.len()], |f| {
                    f.amounts.iter().map(|a| a.kopecks()).collect()
                });
                for (kind, fact) in [
                    (PlanKind::FirstSalesCount, counts),
                    (PlanKind::FirstSalesAmount, amounts),
                ] {
                    rows.push(PlanRow {
                        member_id: m.id.clone(),
                        kind,
                        plan: plan(&m.id, kind),
                        fact,
                    });
                }
            } else {
                let fact = revenue
                    .get(&m.id)
                    .cloned()
                    .unwrap_or_else(|| vec![0; months.len()]);
                let kind = PlanKind::Revenue;
                rows.push(PlanRow {
                    member_id: m.id.clone(),
                    kind,
                    plan: plan(&m.id, kind),
                    fact,
                });
            }
        }
    }
    PlanFact { months, rows }
}

/// One stage's open deals in the forecast.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForecastStage {
    /// The stage.
    pub stage_id: Id,
    /// Open deals in it.
    pub deals: u32,
    /// Their expected amounts.
    pub amount: Money,
    /// The director's probability, percent.
    pub percent: u32,
    /// `amount × percent / 100`, rounded to the kopeck.
    pub weighted: Money,
}

/// The current month's forecast of hunters' first sales (amount).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Forecast {
    /// The month.
    pub month: Option<YearMonth>,
    /// First sales so far this month (through today).
    pub fact: Money,
    /// The open pipeline by stage.
    pub stages: Vec<ForecastStage>,
    /// The weighted pipeline in all.
    pub weighted: Money,
    /// The month's first-sales amount plan of the hunters in scope (zero: none).
    pub plan: Money,
}

impl Forecast {
    /// Fact so far plus the weighted pipeline.
    pub fn total(&self) -> Money {
        self.fact + self.weighted
    }
}

/// The forecast for the month of `today`: `fact` (the hunters' first sales so far this month,
/// from the dashboard's figures of this month) plus every open deal of the reps in `scope`
/// weighted by its stage's probability. A deal whose client has already ordered is left out:
/// that client's first sale has happened (it is in the fact, or before), so the deal cannot
/// bring another.
pub fn forecast(ws: &Workspace, today: chrono::NaiveDate, scope: &Scope, fact: Money) -> Forecast {
    let month = YearMonth::of(today);
    let mut stages: Vec<ForecastStage> = ws
        .stages
        .iter()
        .map(|s| ForecastStage {
            stage_id: s.id.clone(),
            deals: 0,
            amount: Money::ZERO,
            percent: ws.pipeline_settings.probability_of(s),
            weighted: Money::ZERO,
        })
        .collect();
    let index: HashMap<&Id, usize> = ws
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    // A client's status says whether it has ordered (statuses follow the orders and the day),
    // which spares a pass over every order.
    let bought: rustc_hash::FxHashSet<&Id> = ws
        .clients
        .iter()
        .filter(|c| !matches!(c.status, ClientStatus::Lead | ClientStatus::Prospect))
        .map(|c| &c.id)
        .collect();
    let open = |d: &&crate::domain::Deal| {
        d.is_open() && scope.includes(&d.owner_id) && !bought.contains(&d.client_id)
    };
    for d in ws.deals.iter().filter(open) {
        if let Some(&i) = index.get(&d.stage_id) {
            stages[i].deals += 1;
            stages[i].amount += d.amount;
        }
    }
    for s in &mut stages {
        let k = i128::from(s.amount.kopecks()) * i128::from(s.percent);
        s.weighted = Money::from_kopecks(i64::try_from((k + 50) / 100).unwrap_or(i64::MAX));
    }
    let weighted = stages.iter().map(|s| s.weighted).sum();
    let plan = ws
        .members
        .iter()
        .filter(|m| m.role() == Role::Hunter && scope.includes(&m.id))
        .map(|m| target_of(&ws.sales_plans, &m.id, month, PlanKind::FirstSalesAmount))
        .sum();
    Forecast {
        month: Some(month),
        fact,
        stages,
        weighted,
        plan: Money::from_kopecks(plan),
    }
}
