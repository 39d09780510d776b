//! Closing a deal: a dialog that asks how it ended (lost with a reason from the director's list
//! or in the rep's own words, or won with its amount), and the offer to mark a deal won when a
//! client places its first order. Both only call the core; the words come from `i18n`.

use crate::domain::deal_flow::{Closure, LostReason};
use crate::domain::{Id, Money};
use crate::i18n::deals::reason_name;
use crate::i18n::{describe_workspace_error, fill, DealText, Text};
use crate::ui::clock;
use crate::ui::state::{use_app, AppState};
use leptos::html;
use leptos::prelude::*;

/// The value of the reason list's «another reason» option.
const OTHER: &str = "other";

/// Asks how the deal `deal` (while `Some`) ended and closes it. `done` runs with the deal's id
/// once it is closed (the board announces it).
#[component]
pub fn CloseDealDialog(deal: RwSignal<Option<Id>>, done: Callback<Id>) -> impl IntoView {
    let state = use_app();
    let won = RwSignal::new(false);
    let reason = RwSignal::new(String::from("0"));
    let own_words = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let first_ref = NodeRef::<html::Input>::new();
    // Each opening starts afresh: lost, the first reason, the deal's own amount.
    Effect::new(move |_| {
        let Some(id) = deal.get() else { return };
        let deal_amount = state
            .ws
            .with_untracked(|ws| ws.deal(&id).map(|d| d.amount))
            .unwrap_or_default();
        won.set(false);
        reason.set("0".into());
        own_words.set(String::new());
        note.set(String::new());
        amount.set(deal_amount.to_input());
        failure.set(None);
        if let Some(input) = first_ref.get() {
            let _ = input.focus();
        }
    });
    let title = move || {
        let name = deal
            .get()
            .and_then(|id| state.ws.with(|ws| ws.deal(&id).map(|d| d.title.clone())))
            .unwrap_or_default();
        fill(state.tr(DealText::CloseTitle), &[&name])
    };
    let reasons = move || {
        let lang = state.lang();
        state.ws.with(|ws| {
            ws.pipeline_settings
                .lost_reasons
                .iter()
                .enumerate()
                .map(|(i, r)| (i.to_string(), reason_name(lang, r)))
                .collect::<Vec<_>>()
        })
    };
    let close = move || deal.set(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = deal.get_untracked() else {
            return;
        };
        let closure = match closure_from_form(state, won, reason, own_words, note, amount) {
            Ok(c) => c,
            Err(message) => return failure.set(Some(message)),
        };
        let mover = state.mover();
        match state.change(|ws, now| ws.close_deal(&id, closure, &mover, now)) {
            Ok(()) => {
                close();
                done.run(id);
            }
            Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
        }
    };
    view! {
        <Show when=move || deal.with(Option::is_some)>
            <div class="dialog-backdrop" on:click=move |_| close()>
                <div class="dialog deal-close-dialog" role="dialog" aria-modal="true" aria-labelledby="deal-close-title"
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| if ev.key() == "Escape" { close() }
                    data-testid="close-deal-dialog">
                    <h2 id="deal-close-title">{title}</h2>
                    <form class="deal-close-form" on:submit=submit novalidate>
                        <fieldset class="deal-close-outcome">
                            <legend>{state.text(DealText::OutcomeLabel)}</legend>
                            <label>
                                <input type="radio" name="deal-close-outcome" node_ref=first_ref
                                    prop:checked=move || !won.get() on:change=move |_| won.set(false)
                                    data-testid="close-lost"/>
                                {state.text(DealText::OutcomeLost)}
                            </label>
                            <label>
                                <input type="radio" name="deal-close-outcome"
                                    prop:checked=move || won.get() on:change=move |_| won.set(true)
                                    data-testid="close-won"/>
                                {state.text(DealText::OutcomeWon)}
                            </label>
                        </fieldset>
                        <Show when=move || !won.get() fallback=move || view! {
                            <label class="field">
                                <span>{state.text(DealText::WonAmountLabel)}</span>
                                <input type="text" inputmode="decimal" prop:value=move || amount.get()
                                    on:input=move |ev| amount.set(event_target_value(&ev)) data-testid="close-amount"/>
                            </label>
                        }>
                            <label class="field">
                                <span>{state.text(DealText::ReasonLabel)}</span>
                                <select on:change=move |ev| reason.set(event_target_value(&ev)) data-testid="close-reason">
                                    {move || reasons().into_iter().map(|(value, name)| {
                                        let selected = reason.get_untracked() == value;
                                        view! { <option value=value selected=selected>{name}</option> }
                                    }).collect_view()}
                                    <option value=OTHER selected=move || reason.get() == OTHER>{state.text(DealText::ReasonOther)}</option>
                                </select>
                            </label>
                            <Show when=move || reason.get() == OTHER>
                                <label class="field">
                                    <span>{state.text(DealText::ReasonOwnWords)}</span>
                                    <input type="text" prop:value=move || own_words.get()
                                        on:input=move |ev| own_words.set(event_target_value(&ev)) data-testid="close-own-reason"/>
                                </label>
                            </Show>
                            <label class="field">
                                <span>{state.text(DealText::NoteLabel)}</span>
                                <input type="text" prop:value=move || note.get()
                                    on:input=move |ev| note.set(event_target_value(&ev)) data-testid="close-note"/>
                            </label>
                        </Show>
                        {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        <div class="dialog-actions">
                            <button type="button" class="secondary" on:click=move |_| close()>{state.text(Text::Cancel)}</button>
                            <button type="submit" class="primary" data-testid="close-confirm">{state.text(DealText::CloseConfirm)}</button>
                        </div>
                    </form>
                </div>
            </div>
        </Show>
    }
}

/// The closing the form describes, or why it is not complete yet.
fn closure_from_form(
    state: AppState,
    won: RwSignal<bool>,
    reason: RwSignal<String>,
    own_words: RwSignal<String>,
    note: RwSignal<String>,
    amount: RwSignal<String>,
) -> Result<Closure, String> {
    let at = clock::now();
    if won.get_untracked() {
        let amount = Money::parse(&amount.get_untracked()).map_err(|e| {
            crate::i18n::describe_problem(state.lang(), &crate::domain::draft::Problem::Money(e))
        })?;
        return Ok(Closure::Won {
            amount,
            order_id: None,
            at,
        });
    }
    let chosen = reason.get_untracked();
    let reason = if chosen == OTHER {
        LostReason::custom(&own_words.get_untracked())
    } else {
        let listed = chosen.parse::<usize>().ok().and_then(|i| {
            state
                .ws
                .with_untracked(|ws| ws.pipeline_settings.lost_reasons.get(i).cloned())
        });
        listed.unwrap_or_else(|| LostReason::custom(""))
    };
    if reason.is_blank() {
        return Err(state.tr(DealText::ErrReasonRequired).to_owned());
    }
    Ok(Closure::Lost {
        reason,
        note: note.get_untracked().trim().to_owned(),
        at,
    })
}

/// Offers to mark the deal `offer` holds (the client's most advanced open deal) won for the first
/// order's amount; `offer` is `(deal, order, order total)`. An offer beside the orders, not a
/// modal dialog: the rep may go on working on the card and answer later, or not at all.
#[component]
pub fn FirstSaleOffer(offer: RwSignal<Option<(Id, Id, Money)>>) -> impl IntoView {
    let state = use_app();
    let close = move || offer.set(None);
    let message = move || {
        offer.get().map_or_else(String::new, |(deal_id, _, total)| {
            let title = state
                .ws
                .with(|ws| ws.deal(&deal_id).map(|d| d.title.clone()))
                .unwrap_or_default();
            fill(
                state.tr(DealText::FirstSaleText),
                &[&title, &total.to_string()],
            )
        })
    };
    let confirm = move |_| {
        let Some((deal_id, order_id, total)) = offer.get_untracked() else {
            return;
        };
        close();
        let closure = Closure::Won {
            amount: total,
            order_id: Some(order_id),
            at: clock::now(),
        };
        let mover = state.mover();
        let title = state
            .ws
            .with_untracked(|ws| ws.deal(&deal_id).map(|d| d.title.clone()))
            .unwrap_or_default();
        if state
            .change(|ws, now| ws.close_deal(&deal_id, closure, &mover, now))
            .is_ok()
        {
            state.notify(fill(state.tr(DealText::ClosedWon), &[&title]));
        }
    };
    view! {
        <Show when=move || offer.with(Option::is_some)>
            <div class="banner banner-info" role="status" data-testid="first-sale-offer">
                <p><strong>{state.text(DealText::FirstSaleQ)}</strong></p>
                <p>{message}</p>
                <div class="banner-actions">
                    <button type="button" class="primary" on:click=confirm data-testid="first-sale-confirm">
                        {state.text(DealText::FirstSaleConfirm)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| close() data-testid="first-sale-dismiss">
                        {state.text(DealText::NotNow)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// Reopens a closed deal; returns its title for the announcement when it worked.
pub fn reopen(state: AppState, deal_id: &Id) -> Option<String> {
    let mover = state.mover();
    let title = state
        .ws
        .with_untracked(|ws| ws.deal(deal_id).map(|d| d.title.clone()))?;
    state
        .change(|ws, now| ws.reopen_deal(deal_id, &mover, now))
        .ok()
        .map(|()| title)
}
