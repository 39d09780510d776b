use super::fields::DealFields;
use super::stage_history::StageHistory;
use crate::domain::dates::format_date;
use crate::domain::draft::{DealDraft, FieldError};
use crate::domain::{Deal, Id, StageKey};
use crate::i18n::deals::closure_text;
use crate::i18n::{
    describe_workspace_error, fill, stage_name, unqualified_message, DealText, PlaybookText, Text,
};
use crate::ui::clock;
use crate::ui::deal_close::{reopen, CloseDealDialog};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::playbook::{gate_question, DealChecklist};
use crate::ui::qualification::{AssessmentForm, AssessmentHistory, VerdictBadge};
use crate::ui::reveal::reveal_form;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The client's deals, each editable in place, plus a form to add one. `client_locked` is why
/// the client is read-only (with sync on): a new deal is written on the client's owner, so it is
/// not offered then; each deal follows its own owner.
#[component]
pub fn DealList(client_id: Id, client_locked: Memo<Option<String>>) -> impl IntoView {
    let state = use_app();
    let deals = {
        let client_id = client_id.clone();
        move || {
            state
                .ws
                .with(|ws| ws.deals_of(&client_id).cloned().collect::<Vec<_>>())
        }
    };
    let adding = RwSignal::new(false);
    let draft = RwSignal::new(DealDraft::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let open_add = move |_| {
        draft.set(DealDraft {
            stage_id: StageKey::Lead.default_id().to_string(),
            ..Default::default()
        });
        errors.set(Vec::new());
        adding.set(true);
    };
    // A new deal placed straight at «КП» or later waits for the user's word.
    let pending_new = RwSignal::new(None::<Deal>);
    let gate_open = RwSignal::new(false);
    // The mover is read before `change`, which holds the workspace while its closure runs.
    let commit = move |deal: Deal| {
        let mover = state.mover();
        match state.change(|ws, _| ws.add_deal(deal, &mover)) {
            Ok(()) => {
                adding.set(false);
                failure.set(None);
                state.notify(state.tr(Text::DealAdded));
            }
            Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
        }
    };
    let add = {
        let client_id = client_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let owner = state
                .ws
                .with_untracked(|ws| ws.client(&client_id).map(|c| c.owner_id.clone()));
            let Some(owner) = owner else { return };
            match draft.with_untracked(|d| {
                d.to_deal(clock::new_id(), client_id.clone(), owner, clock::now())
            }) {
                Err(list) => errors.set(list),
                Ok(deal) => {
                    if state
                        .ws
                        .with_untracked(|ws| ws.new_deal_needs_confirmation(&deal.stage_id))
                    {
                        pending_new.set(Some(deal));
                        gate_open.set(true);
                    } else {
                        commit(deal);
                    }
                }
            }
        }
    };
    let add_form = NodeRef::<leptos::html::Form>::new();
    reveal_form(add_form);
    let confirm_new = Callback::new(move |()| {
        if let Some(deal) = pending_new.get_untracked() {
            commit(deal);
        }
    });
    view! {
        <div class="panel client-card-deals-panel">
            <div class="panel-head">
                <h2>{state.text(Text::DealsTitle)}</h2>
                <Show when=move || !adding.get()>
                    <button type="button" class="secondary" on:click=open_add data-testid="add-deal"
                        disabled=move || client_locked.with(Option::is_some)>{state.text(Text::AddDeal)}</button>
                </Show>
            </div>
            <ul class="client-card-deal-list">
                // Keyed by id only: a deal changed elsewhere updates in place, so an open editor
                // stays open with what was typed in it.
                <For each=deals.clone() key=|d| d.id.clone() let(deal)>
                    <DealItem deal client_locked/>
                </For>
            </ul>
            <Show when=move || deals().is_empty() && !adding.get()>
                <p class="muted">{state.text(Text::NoDeals)}</p>
            </Show>
            <Show when=move || adding.get()>
                <form class="client-card-deal-form" on:submit=add.clone() novalidate node_ref=add_form>
                    <DealFields draft errors/>
                    {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                    <div class="form-actions">
                        <button type="submit" class="primary">{state.text(Text::AddDeal)}</button>
                        <button type="button" class="secondary" on:click=move |_| adding.set(false)>{state.text(Text::Cancel)}</button>
                    </div>
                </form>
            </Show>
            <ConfirmDialog
                open=gate_open
                title=state.text_signal(Text::UnqualifiedMoveQ)
                message=state.text_signal(Text::NotAssessedMoveText)
                confirm_label=state.text_signal(Text::MoveAnyway)
                on_confirm=confirm_new
            />
        </div>
    }
}

/// A deal on the client card: a summary that opens into an edit form.
#[component]
fn DealItem(deal: Deal, client_locked: Memo<Option<String>>) -> impl IntoView {
    let state = use_app();
    let editing = RwSignal::new(false);
    // The deal as it is now (it may change while shown: a move on the board, another tab).
    let current = {
        let id = deal.id.clone();
        let first = deal.clone();
        Memo::new(move |_| {
            state
                .ws
                .with(|ws| ws.deal(&id).cloned())
                .unwrap_or_else(|| first.clone())
        })
    };
    // With sync on, the deal (its editor, closing, assessments, checklist) follows its own
    // owner, who may not be the client's; the contacts logged on it follow the client's.
    let rights = crate::ui::sync::Rights::new(state);
    let locked = Memo::new(move |_| current.with(|d| rights.read_only("deals", Some(&d.owner_id))));
    // Said on the deal only when the card's own line does not already say it.
    let own_reason = move || {
        locked
            .get()
            .filter(|why| client_locked.with(|c| c.as_ref() != Some(why)))
    };
    // The editor as opened (or last caught up with the deal) and as the person edited it.
    let opened = RwSignal::new(DealDraft::from_deal(&deal));
    let draft = RwSignal::new(DealDraft::from_deal(&deal));
    let clashes = RwSignal::new(Vec::<String>::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    Effect::new(move |_| {
        let found =
            crate::ui::form_follow::follow(opened, draft, current.with(DealDraft::from_deal));
        if editing.get_untracked() && !found.is_empty() {
            clashes.update(|list| list.extend(found));
        }
    });
    let open_editor = move |_| {
        let now = current.with_untracked(DealDraft::from_deal);
        opened.set(now.clone());
        draft.set(now);
        clashes.set(Vec::new());
        editing.set(true);
    };
    let stage = move || {
        let stage_id = current.with(|d| d.stage_id.clone());
        state.ws.with(|ws| {
            ws.stage(&stage_id)
                .map(|s| stage_name(state.lang(), s))
                .unwrap_or_default()
        })
    };
    let pending = RwSignal::new(None::<Deal>);
    let gate_open = RwSignal::new(false);
    let assessing = RwSignal::new(false);
    let apply = move |updated: Deal| {
        let mover = state.mover();
        if state
            .change(|ws, now| ws.update_deal(updated, &mover, now))
            .is_ok()
        {
            editing.set(false);
            state.notify(state.tr(Text::ChangesSaved));
        }
    };
    // After the BANT gate, the playbook's: items of the deal's stage left unticked.
    let check_pending = RwSignal::new(None::<Deal>);
    let check_open = RwSignal::new(false);
    let check_text = RwSignal::new((String::new(), String::new()));
    let checklist_then_apply =
        move |updated: Deal| match gate_question(state, &updated.id, &updated.stage_id) {
            Some(question) => {
                check_text.set(question);
                check_pending.set(Some(updated));
                check_open.set(true);
            }
            None => apply(updated),
        };
    let confirm_move = Callback::new(move |()| {
        if let Some(updated) = pending.get_untracked() {
            checklist_then_apply(updated);
        }
    });
    let confirm_checklist = Callback::new(move |()| {
        if let Some(updated) = check_pending.get_untracked() {
            apply(updated);
        }
    });
    let deal_id = deal.id.clone();
    let deal_id_checklist = deal.id.clone();
    let score = {
        let id = deal.id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.deal_score(&id)))
    };
    let open_questions = {
        let id = deal.id.clone();
        Memo::new(move |_| {
            state.ws.with(|ws| {
                let latest = ws.latest_assessment(&id);
                ws.scoring_model
                    .criteria
                    .iter()
                    .filter(|c| latest.is_none_or(|a| a.level(&c.key).is_none()))
                    .map(|c| (c.name.clone(), c.questions.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let save = {
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let deal = current.get_untracked();
            let to_deal = |d: &DealDraft| {
                d.to_deal(
                    deal.id.clone(),
                    deal.client_id.clone(),
                    deal.owner_id.clone(),
                    deal.created_at,
                )
            };
            match draft.with_untracked(to_deal) {
                Err(list) => errors.set(list),
                Ok(edited) => {
                    // Only what the person changed goes onto the deal as it is now.
                    let before = opened
                        .with_untracked(to_deal)
                        .unwrap_or_else(|_| deal.clone());
                    let updated = crate::domain::stamps::apply_edits(&before, &edited, &deal);
                    clashes.set(Vec::new());
                    let gate = state.ws.with_untracked(|ws| {
                        ws.move_needs_confirmation(&updated.id, &updated.stage_id)
                    });
                    if gate {
                        pending.set(Some(updated));
                        gate_open.set(true);
                    } else {
                        checklist_then_apply(updated);
                    }
                }
            }
        }
    };
    let confirm = RwSignal::new(false);
    let edit_form = NodeRef::<leptos::html::Form>::new();
    reveal_form(edit_form);
    let remove = {
        let id = deal.id.clone();
        Callback::new(move |()| {
            let _ = state.change(|ws, now| ws.remove_deal(&id, now));
        })
    };
    let title = move || current.with(|d| d.title.clone());
    let closing = RwSignal::new(None::<Id>);
    let is_closed = move || current.with(|d| d.closed.is_some());
    let outcome = move || {
        current.with(|d| {
            d.closed.as_ref().map(|c| {
                let day = format_date(clock::date_of(c.at()));
                closure_text(state.lang(), c, &day)
            })
        })
    };
    let open_close = {
        let id = deal.id.clone();
        Callback::new(move |()| closing.set(Some(id.clone())))
    };
    let do_reopen = {
        let id = deal.id.clone();
        Callback::new(move |()| {
            if let Some(title) = reopen(state, &id) {
                state.notify(fill(state.tr(DealText::Reopened), &[&title]));
            }
        })
    };
    let summary = move || {
        current.with(|deal| {
            format!(
                "{}{} {}",
                deal.amount,
                deal.next_step_date
                    .map(|d| format!(" · {}", format_date(d)))
                    .unwrap_or_default(),
                deal.next_step
            )
        })
    };
    view! {
        <li class="client-card-deal-item" data-deal-id=deal.id.to_string()>
            <fieldset class="client-card-lock client-card-deal-lock" disabled=move || locked.with(Option::is_some) data-testid="deal-lock">
            {move || own_reason().map(|why| view! {
                <p class="banner banner-info client-card-read-only" role="note" data-testid="deal-read-only-reason">{why}</p>
            })}
            <Show when=move || editing.get() fallback={
                move || view! {
                    <div class="client-card-deal-summary">
                        <div>
                            <strong>{title}</strong>
                            <span class="badge" data-testid="deal-stage-badge">{stage}</span>
                        </div>
                        <div class="muted">{summary}</div>
                        {move || outcome().map(|text| view! { <div class="client-card-deal-outcome" data-testid="deal-outcome">{text}</div> })}
                    </div>
                    <div class="row-actions">
                        <button type="button" class="link" on:click=move |_| assessing.set(true) data-testid="assess">{state.text(Text::Assess)}</button>
                        <button type="button" class="link" on:click=open_editor data-testid="edit-deal">{state.text(Text::Edit)}</button>
                        {move || if is_closed() {
                            view! { <button type="button" class="link" on:click=move |_| do_reopen.run(()) data-testid="reopen-deal">{state.text(DealText::Reopen)}</button> }.into_any()
                        } else {
                            view! { <button type="button" class="link" on:click=move |_| open_close.run(()) data-testid="close-deal">{state.text(DealText::CloseDeal)}</button> }.into_any()
                        }}
                        <button type="button" class="link danger-text" on:click=move |_| confirm.set(true)>{state.text(Text::Delete)}</button>
                    </div>
                }
            }>
                <form class="client-card-deal-form" on:submit=save novalidate node_ref=edit_form>
                    <DealFields draft errors/>
                    {move || (!clashes.get().is_empty()).then(|| view! {
                        <p class="banner banner-warning" role="alert" data-testid="deal-edit-clash">
                            {move || {
                                let names: Vec<&str> = clashes.get().iter()
                                    .map(|k| crate::i18n::report::field_name(state.lang(), k))
                                    .collect();
                                fill(state.tr(Text::DealEditClash), &[&names.join(", ")])
                            }}
                        </p>
                    })}
                    <div class="form-actions">
                        <button type="submit" class="primary" data-testid="save-deal">{state.text(Text::Save)}</button>
                        <button type="button" class="secondary" on:click=move |_| editing.set(false)>{state.text(Text::Cancel)}</button>
                    </div>
                </form>
            </Show>
            <Show when=move || !is_closed()>
                <DealChecklist deal_id=deal_id_checklist.clone()/>
            </Show>
            <div class="client-card-deal-qualification">
                {move || view! { <VerdictBadge score=score.get()/> }}
                <Show when=move || !open_questions.with(Vec::is_empty)>
                    <details class="client-card-open-questions">
                        <summary>{move || fill(state.tr(Text::OpenQuestions), &[&open_questions.with(Vec::len).to_string()])}</summary>
                        <ul>
                            {move || {
                                let lang = state.lang();
                                open_questions.get().into_iter().map(|(name, questions)| view! {
                                    <li>
                                        <strong>{name.get(lang).to_owned()}</strong>": "
                                        {questions.iter().map(|q| q.get(lang).to_owned()).collect::<Vec<_>>().join(" ")}
                                    </li>
                                }).collect_view()
                            }}
                        </ul>
                    </details>
                </Show>
                <Show when=move || assessing.get()>
                    <AssessmentForm deal_id=deal_id.clone() on_close=Callback::new(move |()| assessing.set(false))/>
                </Show>
                <AssessmentHistory deal_id=deal.id.clone()/>
                <StageHistory deal_id=deal.id.clone()/>
            </div>
            </fieldset>
            <fieldset class="client-card-lock client-card-deal-contacts" disabled=move || client_locked.with(Option::is_some)>
                <crate::ui::activities::LogActivity client_id=deal.client_id.clone() deal_id=deal.id.clone()/>
            </fieldset>
            <CloseDealDialog deal=closing done=Callback::new(move |_: Id| {
                let won = current.with_untracked(|d| d.closed.as_ref().is_some_and(|c| c.is_won()));
                let key = if won { DealText::ClosedWon } else { DealText::ClosedLost };
                state.notify(fill(state.tr(key), &[&current.with_untracked(|d| d.title.clone())]));
            })/>
            <ConfirmDialog
                open=gate_open
                title=state.text_signal(Text::UnqualifiedMoveQ)
                message=Signal::derive(move || unqualified_message(state.lang(), score.get()))
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
            <ConfirmDialog
                open=confirm
                title=Signal::derive(move || fill(state.tr(Text::DeleteDealQ), &[&title()]))
                message=state.text_signal(Text::DeleteDealText)
                confirm_label=state.text_signal(Text::Delete)
                on_confirm=remove
            />
        </li>
    }
}
