//! The director's team view: for every team member, their pipeline, how well their deals are
//! qualified, what waits for a farmer, the transfers they made or took and, for farmers, how
//! their base is growing; plus the same figures for the whole team.
//!
//! Everything is computed in a few linear passes with one [`HistoryIndex`], so the view stays
//! fast on a large base (5 000 clients, 100 000 orders).

use crate::domain::deal_flow::Closure;
use crate::domain::ids::Id;
use crate::domain::metrics::{
    farmer_metrics, ClientMetrics, FarmerMetrics, MetricsContext, Period,
};
use crate::domain::money::Money;
use crate::domain::orders::HistoryIndex;
use crate::domain::qualification::Verdict;
use crate::domain::team::Role;
use crate::domain::views::lookup::Lookup;
use crate::domain::views::transfer_queue::transfer_queue;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// The deals in one pipeline stage: how many and for how much.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageLoad {
    /// The stage.
    pub stage_id: Id,
    /// Open deals in it (closed deals leave the pipeline and count in
    /// [`RowFigures::closed`]).
    pub deals: u32,
    /// The sum of their amounts.
    pub amount: Money,
}

/// Deals by the verdict of their latest assessment under the workspace's scoring model.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VerdictCounts {
    /// «Не квалифицирован».
    pub unqualified: u32,
    /// «Прогревать».
    pub nurture: u32,
    /// «Квалифицирован».
    pub qualified: u32,
    /// «Приоритет».
    pub priority: u32,
    /// Never assessed.
    pub unassessed: u32,
}

impl VerdictCounts {
    /// The count for one verdict (`None`: never assessed).
    pub fn of(&self, verdict: Option<Verdict>) -> u32 {
        match verdict {
            Some(Verdict::Unqualified) => self.unqualified,
            Some(Verdict::Nurture) => self.nurture,
            Some(Verdict::Qualified) => self.qualified,
            Some(Verdict::Priority) => self.priority,
            None => self.unassessed,
        }
    }

    fn add(&mut self, verdict: Option<Verdict>) {
        let slot = match verdict {
            Some(Verdict::Unqualified) => &mut self.unqualified,
            Some(Verdict::Nurture) => &mut self.nurture,
            Some(Verdict::Qualified) => &mut self.qualified,
            Some(Verdict::Priority) => &mut self.priority,
            None => &mut self.unassessed,
        };
        *slot += 1;
    }
}

/// Closed deals: how many were won and for how much, how many were lost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClosedCounts {
    /// Deals won.
    pub won: u32,
    /// The sum they were won for.
    pub won_amount: Money,
    /// Deals lost.
    pub lost: u32,
}

/// Transfers counted by their date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TransferCounts {
    /// Dated within the view's period.
    pub in_period: u32,
    /// Ever.
    pub all_time: u32,
}

impl TransferCounts {
    fn add(&mut self, in_period: bool) {
        self.all_time += 1;
        self.in_period += u32::from(in_period);
    }
}

/// The figures of one row: a team member's, or the team's total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowFigures {
    /// One entry per stage, in the pipeline's order, zeros included.
    pub pipeline: Vec<StageLoad>,
    /// The row's open deals by verdict.
    pub verdicts: VerdictCounts,
    /// The row's closed deals: won (with their amounts) and lost.
    pub closed: ClosedCounts,
    /// Clients that meet the transfer rule today but are still with this member: the member's
    /// part of [`transfer_queue`]. Always 0 for a farmer; for the total, the queue's length.
    pub ready_for_transfer: u32,
    /// Transfers in which this member handed the client over (`from_member_id`). For the
    /// total: every transfer.
    pub transfers_given: TransferCounts,
    /// Transfers in which this member took the client (`to_member_id`). For the total: every
    /// transfer, the same as `transfers_given`.
    pub transfers_received: TransferCounts,
    /// For a farmer, the sums over the clients they own now over the period (see
    /// [`farmer_metrics`]); for the total, over every farmer's clients; `None` for others and
    /// for a total without farmers.
    pub farmer: Option<FarmerMetrics>,
}

impl RowFigures {
    fn empty(ws: &Workspace) -> RowFigures {
        RowFigures {
            pipeline: ws
                .stages
                .iter()
                .map(|s| StageLoad {
                    stage_id: s.id.clone(),
                    deals: 0,
                    amount: Money::ZERO,
                })
                .collect(),
            verdicts: VerdictCounts::default(),
            closed: ClosedCounts::default(),
            ready_for_transfer: 0,
            transfers_given: TransferCounts::default(),
            transfers_received: TransferCounts::default(),
            farmer: None,
        }
    }
}

/// One team member's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberRow {
    /// The member.
    pub member_id: Id,
    /// Their role, which decides which figures matter.
    pub role: Role,
    /// Their figures.
    pub figures: RowFigures,
}

/// The director's view of the team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamView {
    /// The day «ready for transfer» is judged on.
    pub today: NaiveDate,
    /// The period of the transfer counts and the farmer metrics.
    pub period: Period,
    /// One row per team member, in the team's order.
    pub members: Vec<MemberRow>,
    /// The whole team, including records of people no longer on it.
    pub total: RowFigures,
}

/// The team view as of `today`, with transfers and farmer metrics over `period`.
pub fn team_view(ws: &Workspace, today: NaiveDate, period: Period) -> TeamView {
    let index = HistoryIndex::build(&ws.orders, &ws.products);
    let mut rows: Vec<RowFigures> = ws.members.iter().map(|_| RowFigures::empty(ws)).collect();
    let mut total = RowFigures::empty(ws);
    let row_of: HashMap<&Id, usize> = ws
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| (&m.id, i))
        .collect();
    let stage_of: HashMap<&Id, usize> = ws
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();

    let lookup = Lookup::new(ws);
    for deal in &ws.deals {
        let verdict = lookup.deal_score(&deal.id).map(|s| s.verdict);
        let row = row_of.get(&deal.owner_id).map(|&i| &mut rows[i]);
        for figures in row.into_iter().chain([&mut total]) {
            match &deal.closed {
                Some(Closure::Won { amount, .. }) => {
                    figures.closed.won += 1;
                    figures.closed.won_amount += *amount;
                    continue;
                }
                Some(Closure::Lost { .. }) => {
                    figures.closed.lost += 1;
                    continue;
                }
                None => {}
            }
            figures.verdicts.add(verdict);
            if let Some(load) = stage_of
                .get(&deal.stage_id)
                .map(|&s| &mut figures.pipeline[s])
            {
                load.deals += 1;
                load.amount += deal.amount;
            }
        }
    }

    for entry in transfer_queue(ws, &index, today) {
        if let Some(&i) = row_of.get(&entry.owner_id) {
            rows[i].ready_for_transfer += 1;
        }
        total.ready_for_transfer += 1;
    }

    for t in &ws.transfers {
        let within = period.contains(t.date);
        if let Some(&i) = row_of.get(&t.from_member_id) {
            rows[i].transfers_given.add(within);
        }
        if let Some(&i) = row_of.get(&t.to_member_id) {
            rows[i].transfers_received.add(within);
        }
        total.transfers_given.add(within);
        total.transfers_received.add(within);
    }

    add_farmer_metrics(ws, &index, period, &row_of, &mut rows, &mut total);

    let members = ws
        .members
        .iter()
        .zip(rows)
        .map(|(m, figures)| MemberRow {
            member_id: m.id.clone(),
            role: m.role(),
            figures,
        })
        .collect();
    TeamView {
        today,
        period,
        members,
        total,
    }
}

/// Each farmer's [`farmer_metrics`] over the clients they own, and the team's sums over all of
/// them, aggregated from the same per-client figures rather than computed twice.
fn add_farmer_metrics(
    ws: &Workspace,
    index: &HistoryIndex,
    period: Period,
    row_of: &HashMap<&Id, usize>,
    rows: &mut [RowFigures],
    total: &mut RowFigures,
) {
    let farmers: Vec<usize> = ws
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.role() == Role::Farmer)
        .map(|(i, _)| i)
        .collect();
    if farmers.is_empty() {
        return;
    }
    let mut owned: Vec<Vec<Id>> = vec![Vec::new(); ws.members.len()];
    for c in &ws.clients {
        if let Some(&i) = row_of.get(&c.owner_id) {
            owned[i].push(c.id.clone());
        }
    }
    let groups: HashSet<Id> = ws.group_ids();
    let ctx = MetricsContext {
        offered_groups: &groups,
        thresholds: ws.transfer_policy.thresholds,
    };
    let mut everyone: Vec<ClientMetrics> = Vec::new();
    for i in farmers {
        let (per_client, sums) = farmer_metrics(index, &owned[i], period, &ctx);
        rows[i].farmer = Some(sums);
        everyone.extend(per_client);
    }
    total.farmer = Some(FarmerMetrics::aggregate(period, &everyone));
}
