//! The deals' part of «what changed»: new deals, stage moves forward and back, won and lost.

use super::{Change, ChangeKind, Collector, Detail, Moment};
use crate::domain::dates::Timestamp;
use crate::domain::deal::Deal;
use crate::domain::deal_flow::{Closure, StageChangeKind};
use crate::domain::ids::Id;
use crate::domain::stage::Stage;
use crate::domain::stamps::Fielded;
use crate::domain::workspace::Workspace;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Adds the deals' changes of `ws` against `old` to `out`, each under the deal's owner today.
pub(super) fn collect(old: &Workspace, ws: &Workspace, at: Moment, out: &mut Collector) {
    let old_deals: HashMap<&Id, &Deal> = old.deals.iter().map(|d| (&d.id, d)).collect();
    let known_entries: HashSet<&Id> = old.stage_history.iter().map(|e| &e.id).collect();
    // The moves recorded after the earlier copy: (from, to, when), per deal.
    let mut moves: HashMap<&Id, Vec<_>> = HashMap::default();
    for e in &ws.stage_history {
        if e.kind != StageChangeKind::Moved || e.at <= at.since || known_entries.contains(&e.id) {
            continue;
        }
        if let Some(from) = &e.from {
            moves
                .entry(&e.deal_id)
                .or_default()
                .push((from, &e.to, e.at));
        }
    }
    let names: HashMap<&Id, &str> = ws
        .clients
        .iter()
        .map(|c| (&c.id, c.name.as_str()))
        .collect();
    let client_name = |id: &Id| names.get(id).map(|n| (*n).to_owned()).unwrap_or_default();
    for deal in &ws.deals {
        let before = old_deals.get(&deal.id).copied();
        let change = |kind, date, amount, detail| Change {
            kind,
            date,
            client: client_name(&deal.client_id),
            deal: deal.title.clone(),
            amount,
            detail,
        };
        if before.is_none() {
            let day = at.day(deal.created_at);
            out.add(
                &deal.owner_id,
                change(ChangeKind::NewDeal, day, Some(deal.amount), Detail::None),
            );
        }
        let mut deal_moves = moves.remove(&deal.id).unwrap_or_default();
        if deal_moves.is_empty() {
            // No history of the move (data from before the history existed): the stages of the
            // two copies tell it, on the day the deal's stage last changed — if that was after
            // the earlier copy (else the earlier copy is the newer one, and nothing moved since).
            if let Some(b) = before.filter(|b| b.stage_id != deal.stage_id) {
                let i = Deal::FIELDS.iter().position(|f| *f == "stage_id");
                let when = i.map_or(deal.updated_at, |i| deal.stamp(i).at);
                if when > at.since {
                    deal_moves.push((&b.stage_id, &deal.stage_id, when));
                }
            }
        }
        crate::domain::sort::sort_by_key(&mut deal_moves, |m| m.2);
        for (from, to, when) in deal_moves {
            let (Some(i), Some(j)) = (ws.stage_index(from), ws.stage_index(to)) else {
                continue;
            };
            let kind = if j > i {
                ChangeKind::MovedForward
            } else if j < i {
                ChangeKind::MovedBack
            } else {
                continue;
            };
            let stages = Detail::Stages(Box::new((stage(ws, old, from), stage(ws, old, to))));
            out.add(&deal.owner_id, change(kind, at.day(when), None, stages));
        }
        if let Some(closed) = &deal.closed {
            let was = before.and_then(|b| b.closed.as_ref());
            if was.is_none_or(|w| w.at() != closed.at()) {
                let day = at.day(closed.at());
                let c = match closed {
                    Closure::Won { amount, .. } => {
                        change(ChangeKind::Won, day, Some(*amount), Detail::None)
                    }
                    Closure::Lost { reason, .. } => change(
                        ChangeKind::Lost,
                        day,
                        None,
                        Detail::LostReason(reason.clone()),
                    ),
                };
                out.add(&deal.owner_id, c);
            }
        }
    }
}

/// The stage with `id` from today's pipeline, else the earlier one's, else one named by its id
/// (removed from both since).
fn stage(ws: &Workspace, old: &Workspace, id: &Id) -> Stage {
    ws.stage(id)
        .or_else(|| old.stage(id))
        .cloned()
        .unwrap_or_else(|| Stage::custom(id.clone(), id.as_str(), Timestamp::default()))
}
