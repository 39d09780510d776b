//! How well the deals are qualified: the verdict of each deal's latest assessment, per rep at the
//! period's end and for the chosen scope at the end of each month.

use super::period::months_of;
use super::scope::Scope;
use crate::domain::dates::local_date;
use crate::domain::ids::Id;
use crate::domain::metrics::Period;
use crate::domain::orders::calendar::YearMonth;
use crate::domain::qualification::{score, Verdict};
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

/// The verdicts in the order charts and tables show them; `None` is «never assessed».
pub const VERDICT_ORDER: [Option<Verdict>; 5] = [
    Some(Verdict::Priority),
    Some(Verdict::Qualified),
    Some(Verdict::Nurture),
    Some(Verdict::Unqualified),
    None,
];

/// Deals counted by verdict, in [`VERDICT_ORDER`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// One count per entry of [`VERDICT_ORDER`].
    pub counts: [u32; 5],
}

impl Tally {
    fn add(&mut self, verdict: Option<Verdict>) {
        if let Some(i) = VERDICT_ORDER.iter().position(|v| *v == verdict) {
            self.counts[i] += 1;
        }
    }

    /// Every deal counted.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

/// One rep's deals by verdict at the period's end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepVerdicts {
    /// The deals' owner.
    pub member_id: Id,
    /// Their verdicts.
    pub tally: Tally,
}

/// The scope's deals by verdict at the end of one month (or the period's end in its last month).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthVerdicts {
    /// The month.
    pub month: YearMonth,
    /// The verdicts of the deals that existed by then.
    pub tally: Tally,
}

/// Both views of the verdicts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerdictFigures {
    /// Per rep owning deals in the scope, in the team's order (former members last).
    pub by_rep: Vec<RepVerdicts>,
    /// Per month of the period, oldest first.
    pub by_month: Vec<MonthVerdicts>,
}

/// The verdicts of the deals owned by someone in `scope`, under today's scoring model. A deal
/// counts from its creation day; its verdict on a day is its latest assessment made by that day
/// (never assessed before it). Timestamps become days in the user's zone, `offset_minutes` east
/// of UTC. Each assessment is scored once.
pub fn verdict_figures(
    ws: &Workspace,
    period: Period,
    scope: &Scope,
    offset_minutes: i32,
) -> VerdictFigures {
    let mut history: HashMap<&Id, Vec<(NaiveDate, Verdict)>> = HashMap::default();
    for a in &ws.assessments {
        let verdict = score(&ws.scoring_model, a).verdict;
        history
            .entry(&a.deal_id)
            .or_default()
            .push((local_date(a.created_at, offset_minutes), verdict));
    }
    // Assessments are stored oldest first, so each deal's list is in time order already (and
    // so in local days).
    let ends: Vec<(YearMonth, NaiveDate)> = months_of(period)
        .into_iter()
        .map(|m| (m, m.last_day().min(period.to())))
        .collect();
    let mut by_month: Vec<MonthVerdicts> = ends
        .iter()
        .map(|&(month, _)| MonthVerdicts {
            month,
            tally: Tally::default(),
        })
        .collect();
    // Rows in the team's order, then owners no longer on the team as met.
    let mut by_rep: Vec<RepVerdicts> = ws
        .members
        .iter()
        .map(|m| RepVerdicts {
            member_id: m.id.clone(),
            tally: Tally::default(),
        })
        .collect();
    let verdict_on = |list: Option<&Vec<(NaiveDate, Verdict)>>, day: NaiveDate| {
        list.and_then(|l| l.iter().rev().find(|(d, _)| *d <= day).map(|(_, v)| *v))
    };
    for deal in ws.deals.iter().filter(|d| scope.includes(&d.owner_id)) {
        let created = local_date(deal.created_at, offset_minutes);
        let list = history.get(&deal.id);
        for (slot, &(_, end)) in ends.iter().enumerate() {
            if created <= end {
                by_month[slot].tally.add(verdict_on(list, end));
            }
        }
        if created <= period.to() {
            let row = match by_rep.iter().position(|r| r.member_id == deal.owner_id) {
                Some(row) => row,
                None => {
                    by_rep.push(RepVerdicts {
                        member_id: deal.owner_id.clone(),
                        tally: Tally::default(),
                    });
                    by_rep.len() - 1
                }
            };
            by_rep[row].tally.add(verdict_on(list, period.to()));
        }
    }
    by_rep.retain(|r| r.tally.total() > 0);
    VerdictFigures { by_rep, by_month }
}
