//! What the board shows, flattened into owned values so cards re-render only when their own
//! content changes.

use crate::domain::dates::format_date;
use crate::domain::dates::Timestamp;
use crate::domain::qualification::{Score, Verdict};
use crate::domain::views::agenda::PlannedDeals;
use crate::domain::views::lookup::Lookup;
use crate::domain::views::query::{board, Scope};
use crate::domain::views::stage_clock::{stage_age, StageAge, StageClock};
use crate::domain::{Deal, Id, Money, Workspace};
use crate::i18n::deals::closure_text;
use crate::i18n::{stage_name, Lang};
use chrono::NaiveDate;

/// One card on the board.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DealView {
    /// The deal.
    pub id: Id,
    /// Its client.
    pub client_id: Id,
    /// The client's name.
    pub client_name: String,
    /// What is being sold.
    pub title: String,
    /// Expected amount.
    pub amount: Money,
    /// Next step text.
    pub next_step: String,
    /// Next step date.
    pub next_step_date: Option<NaiveDate>,
    /// Whether the next step's date has passed.
    pub overdue: bool,
    /// Open with neither a next step nor an open task: flagged on the card.
    pub no_next_step: bool,
    /// Owner's initials and full name.
    pub owner: (String, String),
    /// The owner's member id: with sync on, whether the person may move the card.
    pub owner_id: Id,
    /// Name of the previous stage, if any (for the "move back" control).
    pub back_to: Option<String>,
    /// Name of the next stage, if any (for the "move forward" control).
    pub forward_to: Option<String>,
    /// Last change, so an edited deal gets a fresh card.
    pub updated_at: Timestamp,
    /// The qualification score under the current model, if assessed.
    pub score: Option<Score>,
    /// Days in the current stage and the stage's limit.
    pub age: StageAge,
    /// How a closed deal ended, in words («Проиграна 12.03.2026: Нет бюджета»); `None` while
    /// the deal is open.
    pub closed: Option<String>,
}

/// Which cards the board shows, besides the owner scope.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardOptions {
    /// Only deals with this verdict (`Some(None)`: only those never assessed).
    pub verdict: Option<Option<Verdict>>,
    /// Highest score first within each column (otherwise oldest deal first).
    pub by_score: bool,
    /// Closed deals too («Показать закрытые»), in the stage they were closed in.
    pub closed: bool,
}

/// One column on the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnView {
    /// Stage id.
    pub stage_id: Id,
    /// Stage name in the current language.
    pub name: String,
    /// Cards.
    pub deals: Vec<DealView>,
    /// Sum of the amounts.
    pub total: Money,
}

/// What a card needs besides its deal: the indexes of the whole board and the calendar.
struct CardContext<'a, 'b> {
    ws: &'a Workspace,
    lookup: &'b Lookup<'a>,
    clock: &'b StageClock<'a>,
    planned: &'b PlannedDeals<'a>,
    lang: Lang,
    today: NaiveDate,
    local_day: &'b dyn Fn(Timestamp) -> NaiveDate,
}

fn deal_view(cx: &CardContext<'_, '_>, deal: &Deal, stage_at: usize) -> DealView {
    let CardContext {
        ws,
        lookup,
        lang,
        today,
        ..
    } = *cx;
    let owner = ws
        .member(&deal.owner_id)
        .map(|m| (m.initials(), m.name.clone()))
        .unwrap_or_default();
    let name_at = |i: usize| ws.stages.get(i).map(|s| stage_name(lang, s));
    DealView {
        id: deal.id.clone(),
        client_id: deal.client_id.clone(),
        client_name: lookup
            .client(&deal.client_id)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        title: deal.title.clone(),
        amount: deal.amount,
        next_step: deal.next_step.clone(),
        next_step_date: deal.next_step_date,
        overdue: deal.is_overdue(today),
        no_next_step: cx.planned.lacks_next_step(deal),
        owner,
        owner_id: deal.owner_id.clone(),
        back_to: stage_at.checked_sub(1).and_then(name_at),
        forward_to: name_at(stage_at + 1),
        updated_at: deal.updated_at,
        score: lookup.deal_score(&deal.id),
        age: stage_age(ws, cx.clock, deal, today, cx.local_day),
        closed: deal.closed.as_ref().map(|c| {
            let day = format_date((cx.local_day)(c.at()));
            closure_text(lang, c, &day)
        }),
    }
}

/// The whole board for `scope`, filtered and ordered by `options`; `local_day` gives the user's
/// local day of a stamp (days in a stage are counted on the user's calendar).
pub fn columns(
    ws: &Workspace,
    scope: &Scope,
    options: &BoardOptions,
    lang: Lang,
    today: NaiveDate,
    local_day: &dyn Fn(Timestamp) -> NaiveDate,
) -> Vec<ColumnView> {
    let lookup = Lookup::new(ws);
    let clock = StageClock::new(ws);
    let planned = PlannedDeals::new(ws);
    let cx = CardContext {
        ws,
        lookup: &lookup,
        clock: &clock,
        planned: &planned,
        lang,
        today,
        local_day,
    };
    board(ws, scope, options.closed)
        .into_iter()
        .enumerate()
        .map(|(at, col)| {
            let mut deals: Vec<DealView> = col
                .deals
                .iter()
                .map(|d| deal_view(&cx, d, at))
                .filter(|d| {
                    options
                        .verdict
                        .is_none_or(|v| d.score.as_ref().map(|s| s.verdict) == v)
                })
                .collect();
            if options.by_score {
                crate::domain::sort::sort_by_key(&mut deals, |d| {
                    std::cmp::Reverse(d.score.as_ref().map(|s| (s.points, s.max)))
                });
            }
            ColumnView {
                stage_id: col.stage.id.clone(),
                name: stage_name(lang, col.stage),
                total: deals.iter().map(|d| d.amount).sum(),
                deals,
            }
        })
        .collect()
}
