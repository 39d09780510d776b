//! The funnel of a period, read from the deals' stage history: how many deals reached each
//! stage, the conversion from each stage to the next and overall, their amounts, the median days
//! spent in each stage, lost deals by reason, and the hunters side by side.
//!
//! **Reached** (the sales method's «deals that reached the stage, by the date they entered»): a
//! deal reached a stage in the period when, by an entry of its history dated in the period
//! (created, moved, reopened), it entered that stage or a later one. Passing a stage (a deal
//! created straight in «КП») counts as having been through it, so the counts never grow from one
//! stage to the next and no conversion exceeds 100 %. Days are the user's local days.

use super::scope::Scope;
use crate::domain::dates::{local_date, Timestamp};
use crate::domain::deal_flow::{days_between, Closure, LostReason, StageChangeKind};
use crate::domain::ids::Id;
use crate::domain::metrics::Period;
use crate::domain::money::Money;
use crate::domain::team::Role;
use crate::domain::workspace::Workspace;
use rustc_hash::FxHashMap as HashMap;

/// One stage of the funnel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelStage {
    /// The stage.
    pub stage_id: Id,
    /// Deals that reached it in the period.
    pub reached: u32,
    /// Their expected amounts.
    pub amount: Money,
    /// Per mille of them that reached the next stage (`None` for the last stage or none here).
    pub to_next_permille: Option<u32>,
    /// The median of the whole local days a deal spent in it, over the stays that ended in the
    /// period (moved on, won or lost); `None` when none did.
    pub median_days: Option<u32>,
}

/// Lost deals of one reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LostBy {
    /// The reason as the deal holds it.
    pub reason: LostReason,
    /// Deals lost for it in the period.
    pub deals: u32,
    /// Their expected amounts.
    pub amount: Money,
}

/// One hunter's funnel in short.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HunterFunnel {
    /// The hunter.
    pub member_id: Id,
    /// Deals that reached the first stage in the period (every deal active in it).
    pub leads: u32,
    /// Deals that reached the last stage («Первая продажа») in the period.
    pub first_sales: u32,
    /// Deals closed won in the period, and what they were won for.
    pub won: u32,
    /// The won amounts.
    pub won_amount: Money,
    /// Deals closed lost in the period.
    pub lost: u32,
}

/// The funnel of a period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Funnel {
    /// The stages in the pipeline's order.
    pub stages: Vec<FunnelStage>,
    /// Deals closed won in the period.
    pub won: u32,
    /// What they were won for.
    pub won_amount: Money,
    /// Lost deals by reason, the most frequent first (then by the reason's order of appearance).
    pub lost: Vec<LostBy>,
    /// Every hunter in scope, in the team's order, even with nothing in the period.
    pub hunters: Vec<HunterFunnel>,
}

impl Funnel {
    /// Overall conversion, lead → the last stage, per mille (`None` with no lead).
    pub fn overall_permille(&self) -> Option<u32> {
        let first = self.stages.first()?.reached;
        let last = self.stages.last()?.reached;
        permille(last, first)
    }
}

/// `part / whole` in per mille, rounded half up (`None` when `whole` is zero).
pub fn permille(part: u32, whole: u32) -> Option<u32> {
    (whole > 0)
        .then(|| ((u64::from(part) * 2000 + u64::from(whole)) / (u64::from(whole) * 2)) as u32)
}

/// The lower middle of `days` (sorted here): the median a person can check by hand.
fn median(days: &mut [u32]) -> Option<u32> {
    // Equal numbers are indistinguishable, so the shared stable sort gives the same result.
    crate::domain::sort::sort(days);
    let n = days.len();
    days.get(n.checked_sub(1)? / 2).copied()
}

/// Every deal's stage history in time order, with each entry's stage as its position in the
/// pipeline: built once per change of the data, read by [`funnel_in`] for any period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealHistories {
    /// Per deal with history: its position in the workspace's deals, and its entries (when,
    /// what, the stage's position; `None`: a stage no longer in the pipeline).
    deals: Vec<(usize, Vec<HistoryEntry>)>,
}

/// One entry of a deal's history: when, what, the stage's position in the pipeline.
type HistoryEntry = (Timestamp, StageChangeKind, Option<usize>);

impl DealHistories {
    /// Groups the stage history of `ws` by deal (entries of deals not in the workspace are left
    /// out), each in time order (entries of one moment in the order recorded).
    pub fn new(ws: &Workspace) -> DealHistories {
        let stage_index: HashMap<&Id, usize> = ws
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, i))
            .collect();
        // The last deal of an id, as a map built from the deals keeps it.
        let deal_index: HashMap<&Id, usize> = ws
            .deals
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.id, i))
            .collect();
        let mut slot_of: HashMap<usize, usize> = HashMap::default();
        let mut deals: Vec<(usize, Vec<HistoryEntry>)> = Vec::new();
        for e in &ws.stage_history {
            let Some(&deal) = deal_index.get(&e.deal_id) else {
                continue;
            };
            let slot = *slot_of.entry(deal).or_insert_with(|| {
                deals.push((deal, Vec::new()));
                deals.len() - 1
            });
            deals[slot]
                .1
                .push((e.at, e.kind, stage_index.get(&e.to).copied()));
        }
        for (_, entries) in &mut deals {
            crate::domain::sort::sort_by_key(entries, |e| e.0);
        }
        DealHistories { deals }
    }
}

/// The funnel of `period` for the deals owned by someone in `scope` (their current owner).
pub fn funnel(ws: &Workspace, period: Period, scope: &Scope, offset_minutes: i32) -> Funnel {
    funnel_in(ws, &DealHistories::new(ws), period, scope, offset_minutes)
}

/// [`funnel`] read from the deals' histories grouped beforehand (from the same workspace).
pub fn funnel_in(
    ws: &Workspace,
    histories: &DealHistories,
    period: Period,
    scope: &Scope,
    offset_minutes: i32,
) -> Funnel {
    let n = ws.stages.len();
    let day = |at: Timestamp| local_date(at, offset_minutes);
    // Per deal in scope, the furthest stage it entered in the period.
    let mut furthest: Vec<(usize, usize)> = Vec::new();
    let mut stays: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (deal, entries) in &histories.deals {
        if !scope.includes(&ws.deals[*deal].owner_id) {
            continue;
        }
        let mut best: Option<usize> = None;
        for (i, (at, kind, index)) in entries.iter().enumerate() {
            let Some(index) = *index else {
                continue;
            };
            if !kind.starts_stage() {
                continue;
            }
            if period.contains(day(*at)) {
                best = Some(best.map_or(index, |b| b.max(index)));
            }
            // The stay ends at the deal's next entry (a move, a close); an open one has no end.
            if let Some((left, _, _)) = entries.get(i + 1) {
                if period.contains(day(*left)) {
                    stays[index].push(days_between(day(*at), day(*left)));
                }
            }
        }
        if let Some(best) = best {
            furthest.push((*deal, best));
        }
    }
    let mut reached = vec![0u32; n];
    let mut amounts = vec![Money::ZERO; n];
    for &(deal, top) in &furthest {
        for i in 0..=top {
            reached[i] += 1;
            amounts[i] += ws.deals[deal].amount;
        }
    }
    let stages = ws
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| FunnelStage {
            stage_id: s.id.clone(),
            reached: reached[i],
            amount: amounts[i],
            to_next_permille: reached
                .get(i + 1)
                .and_then(|&next| permille(next, reached[i])),
            median_days: median(&mut stays[i]),
        })
        .collect();

    let mut out = Funnel {
        stages,
        ..Funnel::default()
    };
    out.hunters = ws
        .members
        .iter()
        .filter(|m| m.role() == Role::Hunter && scope.includes(&m.id))
        .map(|m| HunterFunnel {
            member_id: m.id.clone(),
            leads: 0,
            first_sales: 0,
            won: 0,
            won_amount: Money::ZERO,
            lost: 0,
        })
        .collect();
    let hunter_row = |rows: &[HunterFunnel], id: &Id| rows.iter().position(|h| &h.member_id == id);
    for &(deal, top) in &furthest {
        if let Some(row) = hunter_row(&out.hunters, &ws.deals[deal].owner_id) {
            out.hunters[row].leads += 1;
            if n > 0 && top == n - 1 {
                out.hunters[row].first_sales += 1;
            }
        }
    }
    // Closed deals, in the deals' order so that reasons keep a stable order.
    for deal in ws.deals.iter().filter(|d| scope.includes(&d.owner_id)) {
        let Some(closure) = &deal.closed else {
            continue;
        };
        if !period.contains(day(closure.at())) {
            continue;
        }
        let row = hunter_row(&out.hunters, &deal.owner_id);
        match closure {
            Closure::Won { amount, .. } => {
                out.won += 1;
                out.won_amount += *amount;
                if let Some(row) = row {
                    out.hunters[row].won += 1;
                    out.hunters[row].won_amount += *amount;
                }
            }
            Closure::Lost { reason, .. } => {
                let same = |l: &LostBy| {
                    l.reason.key == reason.key
                        && l.reason.text.trim().to_lowercase() == reason.text.trim().to_lowercase()
                };
                match out.lost.iter_mut().find(|l| same(l)) {
                    Some(l) => {
                        l.deals += 1;
                        l.amount += deal.amount;
                    }
                    None => out.lost.push(LostBy {
                        reason: reason.clone(),
                        deals: 1,
                        amount: deal.amount,
                    }),
                }
                if let Some(row) = row {
                    out.hunters[row].lost += 1;
                }
            }
        }
    }
    // Stable: equal counts keep their order of appearance.
    crate::domain::sort::sort_by_key(&mut out.lost, |l| std::cmp::Reverse(l.deals));
    out
}
