//! The pipeline board: a column per stage, a card per deal; cards move by drag-and-drop or by the
//! ◀ ▶ buttons on each card (keyboard and screen-reader friendly).

mod card;
mod drag;
mod tabs;
mod view_model;

use crate::domain::views::query::Scope;
use crate::domain::workspace::StageStep;
use crate::domain::Id;
use crate::i18n::{fill, stage_name, unqualified_message, DealText, PlaybookText, Text, Translate};
use crate::ui::deal_close::CloseDealDialog;
use crate::ui::dialog::ConfirmDialog;
use crate::ui::playbook::gate_question;
use crate::ui::qualification::{VerdictChoice, VerdictFilter};
use crate::ui::state::{use_app, AppState};
use card::DealCard;
use drag::DragState;
use leptos::ev;
use leptos::prelude::*;
use tabs::{PhoneStage, StageTabs};
use view_model::BoardOptions;

/// How many cards a column shows at first: two to three screens of a column. Every card rendered
/// at start is paid for in the cold load (at 5 000 clients, 50 a column made 350 cards, about
/// 100 ms of rendering and 180 ms of the browser's layout and paint before the board showed).
const FIRST_CARDS: usize = 20;
/// How many more cards each «Показать ещё» adds: someone working down a long column asked for
/// them, so more at once.
const MORE_CARDS: usize = 50;

/// A request to move keyboard focus to a card once it is rendered in its new column.
pub type FocusRequest = RwSignal<Option<(Id, StageStep)>>;

/// What a card may ask of its board: open the closing dialog, announce a change.
#[derive(Clone, Copy)]
pub struct BoardActions {
    /// The deal whose closing dialog is open.
    pub closing: RwSignal<Option<Id>>,
    /// The live region's text.
    pub announcement: RwSignal<String>,
}

/// The pipeline board screen.
#[component]
pub fn Board() -> impl IntoView {
    let state = use_app();
    let drag = DragState::new();
    let focus: FocusRequest = RwSignal::new(None);
    let announcement = RwSignal::new(String::new());
    let phone = PhoneStage::new();
    provide_context(drag);
    provide_context(focus);
    provide_context(phone);

    let scope = move || {
        let mine = state.prefs.with(|p| p.board_mine_only);
        match (mine, state.me_id()) {
            (true, Some(me)) => Scope::Mine(me),
            _ => Scope::Everyone,
        }
    };
    let verdict = RwSignal::new(VerdictChoice::None);
    let by_score = RwSignal::new(false);
    let show_closed = RwSignal::new(false);
    // The deal whose closing dialog is open.
    let closing = RwSignal::new(None::<Id>);
    provide_context(BoardActions {
        closing,
        announcement,
    });
    let columns = Memo::new(move |_| {
        let scope = scope();
        let lang = state.lang();
        let options = BoardOptions {
            verdict: verdict.get(),
            by_score: by_score.get(),
            closed: show_closed.get(),
        };
        let today = state.today();
        crate::trace::mark("board-model-start");
        let columns = state.ws.with(|ws| {
            view_model::columns(
                ws,
                &scope,
                &options,
                lang,
                today,
                &crate::ui::clock::date_of,
            )
        });
        crate::trace::mark("board-model");
        columns
    });
    // A move that waits for the user's word: an unqualified lead going to «КП» or beyond.
    let pending = RwSignal::new(None::<(Id, Id, Option<StageStep>)>);
    let gate_open = RwSignal::new(false);
    let column_keys = move || {
        columns.with(|cols| {
            cols.iter()
                .map(|c| (c.stage_id.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    };

    let apply_move = move |deal_id: Id, stage_id: Id, step: Option<StageStep>| {
        let mover = state.mover();
        let moved = state.change(|ws, now| ws.move_deal(&deal_id, &stage_id, &mover, now));
        if moved == Ok(true) {
            if let Some(direction) = step {
                focus.set(Some((deal_id.clone(), direction)));
            }
            announce_move(state, announcement, &deal_id, &stage_id);
        }
    };
    // Then the playbook's question: items of the deal's stage left unticked.
    let check_pending = RwSignal::new(None::<(Id, Id, Option<StageStep>)>);
    let check_open = RwSignal::new(false);
    let check_text = RwSignal::new((String::new(), String::new()));
    let checklist_then_move =
        move |deal_id: Id, stage_id: Id, step: Option<StageStep>| match gate_question(
            state, &deal_id, &stage_id,
        ) {
            Some(question) => {
                check_text.set(question);
                check_pending.set(Some((deal_id, stage_id, step)));
                check_open.set(true);
            }
            None => apply_move(deal_id, stage_id, step),
        };
    let rights = crate::ui::sync::Rights::new(state);
    let move_to = move |deal_id: Id, stage_id: Id, step: Option<StageStep>| {
        // With sync on, a colleague's deal is not moved here: the server would refuse it.
        let owner = state.ws.with_untracked(|ws| {
            ws.deals
                .iter()
                .find(|d| d.id == deal_id)
                .map(|d| d.owner_id.clone())
        });
        if let Some(why) = untrack(|| rights.read_only("deals", owner.as_ref())) {
            state.notify(why);
            return;
        }
        if state
            .ws
            .with_untracked(|ws| ws.move_needs_confirmation(&deal_id, &stage_id))
        {
            pending.set(Some((deal_id, stage_id, step)));
            gate_open.set(true);
        } else {
            checklist_then_move(deal_id, stage_id, step);
        }
    };
    let confirm_move = Callback::new(move |()| {
        if let Some((deal_id, stage_id, step)) = pending.get_untracked() {
            checklist_then_move(deal_id, stage_id, step);
        }
    });
    let confirm_checklist = Callback::new(move |()| {
        if let Some((deal_id, stage_id, step)) = check_pending.get_untracked() {
            apply_move(deal_id, stage_id, step);
        }
    });
    let step = Callback::new(move |(deal_id, direction): (Id, StageStep)| {
        let target = state.ws.with_untracked(|ws| {
            ws.neighbour_stage(&deal_id, direction)
                .map(|s| s.id.clone())
        });
        if let Some(stage_id) = target {
            move_to(deal_id, stage_id, Some(direction));
        }
    });
    let pending_score = move || {
        pending.with(|p| {
            p.as_ref()
                .and_then(|(id, _, _)| state.ws.with(|ws| ws.deal_score(id)))
        })
    };

    let on_move = window_event_listener(ev::pointermove, move |ev| {
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        if drag.current.with_untracked(Option::is_some) && drag.moved(x, y) {
            ev.prevent_default();
            columns.with_untracked(|c| phone.drag_at(x, y, c));
        }
    });
    let on_up = window_event_listener(ev::pointerup, move |_| {
        if let Some((deal_id, stage_id)) = drag.release() {
            move_to(deal_id, stage_id, None);
        }
    });
    let on_cancel = window_event_listener(ev::pointercancel, move |_| drag.cancel());
    let on_key = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            drag.cancel();
        }
    });
    on_cleanup(move || {
        on_move.remove();
        on_up.remove();
        on_cancel.remove();
        on_key.remove();
    });

    let mine = move || state.prefs.with(|p| p.board_mine_only);
    let set_mine = move |value: bool| state.prefs.update(|p| p.board_mine_only = value);
    // With sync on, said once above the board rather than on every colleague's card.
    let colleagues_locked = move || {
        let nobody = Id::from_raw("\u{0}");
        !mine() && rights.read_only("deals", Some(&nobody)).is_some()
    };
    let nothing_mine =
        move || mine() && columns.with(|cols| cols.iter().all(|c| c.deals.is_empty()));

    view! {
        <section class="board-page">
            <div class="page-head">
                <h1>{state.text(Text::BoardTitle)}</h1>
                <div class="board-segmented" role="group" aria-label=state.text(Text::ShowScope)>
                    <button type="button" aria-pressed=move || mine().to_string()
                        on:click=move |_| set_mine(true) data-testid="scope-mine">{state.text(Text::ScopeMine)}</button>
                    <button type="button" aria-pressed=move || (!mine()).to_string()
                        on:click=move |_| set_mine(false) data-testid="scope-all">{state.text(Text::ScopeAll)}</button>
                </div>
                <a class="button primary" href="#/clients/new">{state.text(Text::NewClient)}</a>
            </div>
            <div class="filters board-filters">
                <VerdictFilter value=verdict testid="board-verdict"/>
                <label class="check">
                    <input type="checkbox" prop:checked=by_score
                        on:change=move |ev| by_score.set(event_target_checked(&ev))
                        data-testid="board-by-score"/>
                    {state.text(Text::SortByScore)}
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=show_closed
                        on:change=move |ev| show_closed.set(event_target_checked(&ev))
                        data-testid="board-show-closed"/>
                    {state.text(DealText::ShowClosed)}
                </label>
            </div>
            <p class="hint">{state.text(Text::BoardHint)}</p>
            <Show when=colleagues_locked>
                <p class="hint" data-testid="board-sync-hint">{state.text(crate::i18n::SyncText::BoardColleagues)}</p>
            </Show>
            <Show when=nothing_mine>
                <p class="empty-note">{state.text(Text::NoOwnDeals)}</p>
            </Show>
            <StageTabs columns phone/>
            <div class="board" class:board-dragging=move || drag.current.with(|d| d.as_ref().is_some_and(|d| d.active))>
                <For each=column_keys key=|k| k.clone() let((stage_id, name))>
                    <Column stage_id name columns step/>
                </For>
            </div>
            <div class="visually-hidden" aria-live="assertive" data-testid="board-announcement">
                {move || announcement.get()}
            </div>
            <CloseDealDialog deal=closing done=Callback::new(move |id: Id| {
                let lang = state.prefs.with_untracked(|p| p.lang);
                let text = state.ws.with_untracked(|ws| {
                    let deal = ws.deal(&id);
                    let title = deal.map(|d| d.title.clone()).unwrap_or_default();
                    let won = deal.and_then(|d| d.closed.as_ref()).is_some_and(|c| c.is_won());
                    let key = if won { DealText::ClosedWon } else { DealText::ClosedLost };
                    fill(key.get(lang), &[&title])
                });
                announcement.set(text.clone());
                state.notify(text);
            })/>
            <ConfirmDialog
                open=gate_open
                title=state.text_signal(Text::UnqualifiedMoveQ)
                message=Signal::derive(move || unqualified_message(state.lang(), pending_score()))
                confirm_label=state.text_signal(Text::MoveAnyway)
                on_confirm=confirm_move
            />
            <ConfirmDialog
                open=check_open
                title=Signal::derive(move || check_text.with(|t| t.0.clone()))
                message=Signal::derive(move || check_text.with(|t| t.1.clone()))
                confirm_label=state.text_signal(PlaybookText::GateConfirm)
                on_confirm=confirm_checklist
            />
        </section>
    }
}

fn announce_move(state: AppState, announcement: RwSignal<String>, deal_id: &Id, stage_id: &Id) {
    let lang = state.prefs.with_untracked(|p| p.lang);
    let text = state.ws.with_untracked(|ws| {
        let deal = ws
            .deal(deal_id)
            .map(|d| d.title.clone())
            .unwrap_or_default();
        let stage = ws
            .stage(stage_id)
            .map(|s| stage_name(lang, s))
            .unwrap_or_default();
        fill(Text::MovedTo.get(lang), &[&deal, &stage])
    });
    announcement.set(text);
}

#[component]
fn Column(
    stage_id: Id,
    name: String,
    columns: Memo<Vec<view_model::ColumnView>>,
    step: Callback<(Id, StageStep)>,
) -> impl IntoView {
    let state = use_app();
    let drag = expect_context::<DragState>();
    let column = {
        let stage_id = stage_id.clone();
        move || columns.with(|cols| cols.iter().find(|c| c.stage_id == stage_id).cloned())
    };
    // Long columns show their first cards and load more on request: a base of thousands of
    // deals would otherwise cost seconds of rendering on a phone.
    let shown = RwSignal::new(FIRST_CARDS);
    let deals = {
        let column = column.clone();
        move || {
            let mut deals = column().map(|c| c.deals).unwrap_or_default();
            deals.truncate(shown.get());
            deals
        }
    };
    let count = {
        let column = column.clone();
        Memo::new(move |_| column().map_or(0, |c| c.deals.len()))
    };
    let total = move || {
        column()
            .map(|c| c.total.whole_rubles().to_string())
            .unwrap_or_default()
    };
    let is_target = {
        let stage_id = stage_id.clone();
        move || drag.over.with(|o| o.as_ref() == Some(&stage_id))
    };
    let phone = expect_context::<PhoneStage>();
    let away = {
        let stage_id = stage_id.clone();
        move || {
            columns
                .with(|c| phone.shown(c))
                .is_some_and(|s| s != stage_id)
        }
    };
    let heading_id = format!("col-{stage_id}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="board-column" data-stage-id=stage_id.to_string() aria-labelledby=labelled_by
            class:board-drop-target=is_target class:board-column-away=away>
            <header class="board-column-head">
                <h2 id=heading_id>{name}</h2>
                // A plain span may not carry an aria-label: the words are read from hidden text.
                <span class="visually-hidden">{state.text(Text::DealsCount)}": "</span>
                <span class="board-column-count">{count}</span>
                <span class="board-column-total">{total}</span>
            </header>
            <div class="board-column-body">
                <For each=deals.clone() key=|d| d.clone() let(deal)>
                    <DealCard deal step/>
                </For>
                <Show when=move || count.get() == 0>
                    <p class="board-column-empty">{state.text(Text::ColumnEmpty)}</p>
                </Show>
                <Show when=move || { count.get() > shown.get() }>
                    <button type="button" class="secondary show-more" data-testid="show-more-cards"
                        on:click=move |_| shown.update(|n| *n += MORE_CARDS)>
                        {move || fill(state.tr(Text::ShowMore), &[&(count.get() - shown.get()).to_string()])}
                    </button>
                </Show>
            </div>
        </section>
    }
}
