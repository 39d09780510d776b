//! Passing clients from hunters to farmers: the queue, the one-step transfer, the audit log,
//! and the growth figures that show a farmer's effect.

mod action;
mod eligibility;
mod growth;
mod log;

pub use growth::ClientGrowth;
pub use log::TransferLog;

use crate::domain::orders::{ClientHistory, HistoryIndex, IndexInputs};
use crate::domain::transfer::evaluate;
use crate::domain::views::lookup::Lookup;
use crate::domain::views::transfer_queue::transfer_queue;
use crate::domain::Id;
use crate::i18n::outcome::describe;
use crate::i18n::SheetText;
use crate::i18n::{fill, SalesText, Text};
use crate::route::{href, Route};
use crate::sheet::records::{transfer_columns, transfer_row};
use crate::sheet::{Cell, Column, Kind, Table};
use crate::ui::state::use_app;
use crate::ui::table_export::{sheet_words, TableExport};
use action::{current_rule, TransferAction};
use eligibility::EligibilityList;
use growth::FarmerMetricsTable;
use leptos::prelude::*;

/// Every client's purchase history as a memo that is rebuilt only when what it is built from
/// changes ([`IndexInputs`]: the orders, and every product's group), not on every edit
/// elsewhere (a client's notes, a deal's stage). A whole screen shares one; the client card
/// does not need it (it reads one client's orders).
pub fn history_index() -> Memo<HistoryIndex> {
    let state = use_app();
    let key = Memo::new(move |_| {
        state
            .ws
            .with(|ws| IndexInputs::of(&ws.orders, &ws.products))
    });
    Memo::new(move |_| {
        // Read, not only tracked: a memo that is only tracked is never computed, so it would
        // never subscribe to the workspace and the index would never be rebuilt.
        key.with(|_| ());
        state
            .ws
            .with_untracked(|ws| HistoryIndex::build(&ws.orders, &ws.products))
    })
}

/// How many clients the queue shows before «Показать ещё»: at team scale over two thousand
/// qualify, and drawing them all froze the page for most of a second.
const QUEUE_PER_PAGE: usize = 30;

/// The «Передача» screen: the rule, the queue of eligible clients, the log, farmer metrics.
#[component]
pub fn TransferPage() -> impl IntoView {
    let state = use_app();
    let index = history_index();
    let queue = Memo::new(move |_| {
        index.with(|index| state.ws.with(|ws| transfer_queue(ws, index, state.today())))
    });
    let shown = RwSignal::new(QUEUE_PER_PAGE);
    let page = move || queue.with(|q| q.iter().take(shown.get()).cloned().collect::<Vec<_>>());
    let hidden = move || queue.with(Vec::len).saturating_sub(shown.get());
    let name_of = move |id: &Id| {
        state.ws.with(|ws| {
            ws.client(id)
                .map(|c| c.name.clone())
                .or_else(|| ws.member(id).map(|m| m.name.clone()))
                .unwrap_or_default()
        })
    };
    let queue_table = Callback::new(move |_: ()| {
        let lang = state.lang();
        let columns = [
            SheetText::Client,
            SheetText::Inn,
            SheetText::Owner,
            SheetText::Grounds,
        ]
        .map(|h| Column::new(state.tr(h), Kind::Text))
        .to_vec();
        let rows = queue.with_untracked(|q| {
            state.ws.with_untracked(|ws| {
                q.iter()
                    .map(|e| {
                        let inn = ws.client(&e.client_id).and_then(|c| c.inn.clone());
                        let grounds: Vec<String> = e
                            .eligibility
                            .outcomes
                            .iter()
                            .map(|o| describe(lang, o))
                            .collect();
                        vec![
                            Cell::Text(e.client_name.clone()),
                            inn.map_or(Cell::Empty, Cell::Text),
                            ws.member(&e.owner_id)
                                .map_or(Cell::Empty, |m| Cell::Text(m.name.clone())),
                            Cell::Text(grounds.join("; ")),
                        ]
                    })
                    .collect()
            })
        });
        Table {
            name: state.tr(SheetText::QueueSheet).to_owned(),
            columns,
            rows,
        }
    });
    let log_table = Callback::new(move |_: ()| {
        let words = sheet_words(state);
        state.ws.with_untracked(|ws| {
            let lookup = Lookup::new(ws);
            let mut list: Vec<_> = ws.transfers.iter().collect();
            crate::domain::sort::sort_by_key(&mut list, |t| {
                std::cmp::Reverse((t.date, t.created_at))
            });
            Table {
                name: state.tr(SheetText::TransfersSheet).to_owned(),
                columns: transfer_columns(&words),
                rows: list
                    .into_iter()
                    .map(|t| transfer_row(ws, &lookup, t))
                    .collect(),
            }
        })
    });
    view! {
        <section class="transfer-page">
            <h1>{state.text(SalesText::TransferTitle)}</h1>
            <div class="panel">
                <h2>{state.text(SalesText::QueueTitle)}</h2>
                <TableExport key="transfer-queue" table=queue_table/>
                <p class="hint">{state.text(SalesText::QueueHint)}</p>
                <Show when=move || !queue.with(Vec::is_empty) fallback=move || view! {
                    <p class="muted" data-testid="queue-empty">{state.text(SalesText::QueueEmpty)}</p>
                }>
                    <ul class="transfer-queue" data-testid="queue">
                        <For each=page key=|e| e.client_id.clone() let(entry)>
                            <li class="transfer-queue-entry" data-testid="queue-entry">
                                <div class="transfer-queue-head">
                                    <a href=href(&Route::Client(entry.client_id.clone()))><strong>{name_of(&entry.client_id)}</strong></a>
                                    <span class="muted">{name_of(&entry.owner_id)}</span>
                                </div>
                                <EligibilityList rule=current_rule() eligibility=entry.eligibility.clone()/>
                                <TransferAction client_id=entry.client_id.clone()/>
                            </li>
                        </For>
                    </ul>
                    <Show when=move || { hidden() > 0 }>
                        <button type="button" class="secondary show-more" data-testid="show-more-queue"
                            on:click=move |_| shown.update(|n| *n += QUEUE_PER_PAGE)>
                            {move || fill(state.tr(Text::ShowMore), &[&hidden().to_string()])}
                        </button>
                    </Show>
                </Show>
            </div>
            <div class="panel">
                <h2>{state.text(SalesText::LogTitle)}</h2>
                <TableExport key="transfer-log" table=log_table/>
                <TransferLog/>
            </div>
            <FarmerMetricsTable index/>
        </section>
    }
}

/// The transfer section of a client card: whether the client meets the rule and why, the
/// transfer action while it is with a hunter, and its transfer log.
#[component]
pub fn ClientTransfer(
    client_id: Id,
    /// The client's purchase history, shared with the growth table so the orders are read
    /// once per change, not once per panel.
    history: Memo<ClientHistory>,
) -> impl IntoView {
    let state = use_app();
    let eligibility = Memo::new(move |_| {
        history.with(|h| {
            state
                .ws
                .with(|ws| evaluate(&ws.transfer_policy.rule, h, state.today()))
        })
    });
    let farmer = {
        let id = client_id.clone();
        Memo::new(move |_| {
            state.ws.with(|ws| {
                ws.is_with_farmer(&id)
                    .then(|| {
                        ws.client(&id)
                            .and_then(|c| ws.member(&c.owner_id))
                            .map(|m| m.name.clone())
                    })
                    .flatten()
            })
        })
    };
    let has_log = {
        let id = client_id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.transfers_of(&id).next().is_some()))
    };
    let action_id = client_id.clone();
    view! {
        <div class="panel transfer-panel" data-testid="client-transfer">
            <h2>{state.text(SalesText::RuleNow)}</h2>
            {move || match farmer.get() {
                Some(name) => view! {
                    <p class="transfer-eligible-state transfer-with-farmer" data-testid="with-farmer">
                        {fill(state.tr(SalesText::WithFarmer), &[&name])}
                    </p>
                }.into_any(),
                None => {
                    let e = eligibility.get();
                    let text = if e.eligible { SalesText::EligibleYes } else { SalesText::EligibleNo };
                    let eligible = e.eligible;
                    let action_id = action_id.clone();
                    view! {
                        <p class="transfer-eligible-state" class:transfer-eligible-yes=eligible data-testid="eligibility">{state.tr(text)}</p>
                        <EligibilityList rule=current_rule() eligibility=e/>
                        {eligible.then(|| view! { <TransferAction client_id=action_id/> })}
                    }.into_any()
                }
            }}
            <Show when=move || has_log.get()>
                <h3>{state.text(SalesText::LogTitle)}</h3>
                <TransferLog client_id=client_id.clone()/>
            </Show>
        </div>
    }
}
