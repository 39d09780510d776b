//! The client card: create, edit and delete a client and its deals.

mod deals;
mod duplicates;
mod fields;
mod stage_history;
mod summary;

use crate::domain::dates::format_date;
use crate::domain::draft::{ClientDraft, DealDraft, FieldError};
use crate::domain::{Client, Deal, Id, StageKey};
use crate::i18n::{describe_workspace_error, fill, status_name, PlaybookText, Text};
use crate::route::Route;
use crate::ui::dialog::ConfirmDialog;
use crate::ui::form_follow::KeepOrTake;
use crate::ui::orders::OrderList;
use crate::ui::state::use_app;
use crate::ui::transfer::{ClientGrowth, ClientTransfer};
use crate::ui::{clock, nav};
use deals::DealList;
use duplicates::DuplicateWarning;
use fields::{ClientFields, DealFields};
use leptos::prelude::*;
use summary::{CardSection, ClientSummaryPanel};

/// The form for a new client, optionally with its first deal.
#[component]
pub fn NewClient() -> impl IntoView {
    let state = use_app();
    let me = state.me_id().map(|id| id.to_string()).unwrap_or_default();
    let draft = RwSignal::new(ClientDraft {
        owner_id: me,
        ..Default::default()
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let with_deal = RwSignal::new(true);
    let deal = RwSignal::new(DealDraft {
        stage_id: StageKey::Lead.default_id().to_string(),
        ..Default::default()
    });
    let deal_errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    // A first deal placed straight at «КП» or later waits for the user's word.
    let pending = RwSignal::new(None::<(Client, Option<Deal>)>);
    let gate_open = RwSignal::new(false);
    let commit = move |client: Client, first_deal: Option<Deal>| {
        let id = client.id.clone();
        let mover = state.mover();
        let result = state.change(move |ws, _| {
            ws.add_client(client)?;
            if let Some(d) = first_deal {
                if let Err(e) = ws.add_deal(d, &mover) {
                    ws.clients.pop();
                    return Err(e);
                }
            }
            Ok(())
        });
        match result {
            Ok(()) => {
                state.notify(state.tr(Text::ClientCreated));
                nav::go(&Route::Client(id));
            }
            Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
        }
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = clock::now();
        let client = draft.with_untracked(|d| d.to_client(clock::new_id(), now));
        let mut deal_draft = deal.get_untracked();
        // A deal without a title is named after the client, as most first deals are.
        if deal_draft.title.trim().is_empty() {
            deal_draft.title = draft.with_untracked(|d| d.name.clone());
        }
        let first_deal = match &client {
            Ok(c) if with_deal.get_untracked() => {
                Some(deal_draft.to_deal(clock::new_id(), c.id.clone(), c.owner_id.clone(), now))
            }
            _ => None,
        };
        errors.set(client.as_ref().err().cloned().unwrap_or_default());
        deal_errors.set(
            first_deal
                .as_ref()
                .and_then(|d| d.as_ref().err().cloned())
                .unwrap_or_default(),
        );
        let (Ok(client), Some(Ok(_)) | None) = (client, first_deal.as_ref()) else {
            return;
        };
        let first_deal = first_deal.and_then(Result::ok);
        let gated = first_deal.as_ref().is_some_and(|d| {
            state
                .ws
                .with_untracked(|ws| ws.new_deal_needs_confirmation(&d.stage_id))
        });
        if gated {
            pending.set(Some((client, first_deal)));
            gate_open.set(true);
        } else {
            commit(client, first_deal);
        }
    };
    let confirm_create = Callback::new(move |()| {
        if let Some((client, deal)) = pending.get_untracked() {
            commit(client, deal);
        }
    });

    view! {
        <section class="client-card">
            <p class="client-card-crumbs"><a href="#/clients">{state.text(Text::BackToClients)}</a></p>
            <h1>{state.text(Text::NewClientTitle)}</h1>
            <form on:submit=save novalidate data-testid="new-client-form">
                <div class="panel">
                    <ClientFields draft errors/>
                    <DuplicateWarning draft/>
                </div>
                <div class="panel">
                    <label class="check">
                        <input type="checkbox" prop:checked=with_deal
                            on:change=move |ev| with_deal.set(event_target_checked(&ev))/>
                        {state.text(Text::CreateFirstDeal)}
                    </label>
                    <Show when=move || with_deal.get()>
                        <DealFields draft=deal errors=deal_errors/>
                    </Show>
                </div>
                {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                <div class="form-actions">
                    <button type="submit" class="primary" data-testid="save-client">{state.text(Text::CreateClient)}</button>
                    <a class="button secondary" href="#/clients">{state.text(Text::Cancel)}</a>
                </div>
            </form>
            <ConfirmDialog
                open=gate_open
                title=state.text_signal(Text::UnqualifiedMoveQ)
                message=state.text_signal(Text::NotAssessedMoveText)
                confirm_label=state.text_signal(Text::MoveAnyway)
                on_confirm=confirm_create
            />
        </section>
    }
}

/// One client's card.
#[component]
pub fn ClientCard(id: Id) -> impl IntoView {
    let state = use_app();
    let client = {
        let id = id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.client(&id).cloned()))
    };
    // With sync on, someone else's client is read-only, for the reason the server would give.
    let rights = crate::ui::sync::Rights::new(state);
    let locked = Memo::new(move |_| {
        client.with(|c| (c.as_ref()).and_then(|c| rights.read_only("clients", Some(&c.owner_id))))
    });
    let unlocked = move || locked.with(Option::is_none);
    // The form as it was opened (or last caught up with the record) and as the person edited it.
    let initial = client
        .get_untracked()
        .map(|c| ClientDraft::from_client(&c))
        .unwrap_or_default();
    let opened = RwSignal::new(initial.clone());
    let draft = RwSignal::new(initial);
    // Fields the person is editing that also changed elsewhere meanwhile.
    let clashes = RwSignal::new(Vec::<String>::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let confirm = RwSignal::new(false);
    // When the client changes while the form is open (an order, a transfer, another tab, an
    // import), untouched fields follow it and typed ones stay; never is anything typed lost.
    Effect::new(move |_| {
        let Some(now) = client.with(|c| c.as_ref().map(ClientDraft::from_client)) else {
            return;
        };
        let found = crate::ui::form_follow::follow(opened, draft, now);
        if !found.is_empty() {
            clashes.update(|list| list.extend(found));
        }
    });
    let dirty = move || opened.with(|o| draft.with(|d| o != d));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = client.get_untracked() else {
            return;
        };
        let (id, created) = (current.id.clone(), current.created_at);
        match draft.with_untracked(|d| d.to_client(id.clone(), created)) {
            Err(list) => errors.set(list),
            Ok(edited) => {
                errors.set(Vec::new());
                // Only the fields the person changed are saved, onto the client as it is now.
                let before = opened
                    .with_untracked(|o| o.to_client(id.clone(), created))
                    .unwrap_or_else(|_| current.clone());
                let updated = crate::domain::stamps::apply_edits(&before, &edited, &current);
                match state.change(|ws, now| ws.update_client(updated, now)) {
                    Ok(()) => {
                        failure.set(None);
                        clashes.set(Vec::new());
                        if let Some(c) = client.get_untracked() {
                            let saved = ClientDraft::from_client(&c);
                            opened.set(saved.clone());
                            draft.set(saved);
                        }
                        state.notify(state.tr(Text::ChangesSaved));
                    }
                    Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
                }
            }
        }
    };
    let remove = {
        let id = id.clone();
        Callback::new(move |()| {
            if state.change(|ws, now| ws.remove_client(&id, now)).is_ok() {
                state.notify(state.tr(Text::ClientDeleted));
                nav::go(&Route::Clients);
            }
        })
    };
    let name = move || client.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    // Read the client's orders once per change for both the rule and the growth panels.
    let history = {
        let id = id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.client_history(&id)))
    };
    // The sections' headings carry their counts, so a folded card still says what it holds.
    let counts = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|ws| {
                crate::domain::views::client_summary::client_summary(ws, &id)
                    .map(|s| (s.deals, s.open_deals, s.orders))
                    .unwrap_or_default()
            })
        })
    };
    let deals_title = Signal::derive(move || {
        let (all, open, _) = counts.get();
        fill(
            state.tr(PlaybookText::SectionDeals),
            &[&all.to_string(), &open.to_string()],
        )
    });
    let orders_title = Signal::derive(move || {
        fill(
            state.tr(PlaybookText::SectionOrders),
            &[&counts.get().2.to_string()],
        )
    });

    view! {
        <section class="client-card">
            <p class="client-card-crumbs"><a href="#/clients">{state.text(Text::BackToClients)}</a></p>
            <Show when=move || client.with(Option::is_some) fallback=move || view! {
                <h1>{state.text(Text::ClientNotFound)}</h1>
                <p>{state.text(Text::ClientNotFoundText)}</p>
            }>
                <div class="page-head">
                    <h1 data-testid="client-title">{name}</h1>
                    {move || client.get().map(|c| view! {
                        <span class="status">{status_name(state.lang(), c.status)}</span>
                        <span class="muted">{fill(state.tr(Text::CreatedOn), &[&format_date(clock::date_of(c.created_at))])}</span>
                    })}
                </div>
                <ClientSummaryPanel client_id=id.clone() history/>
                {move || locked.get().map(|why| view! {
                    <p class="banner banner-info client-card-read-only" role="note" data-testid="read-only-reason">{why}</p>
                })}
                <fieldset class="client-card-lock" disabled=move || !unlocked() data-testid="client-card-lock">
                {
                let id = id.clone();
                view! {
                <CardSection title=state.text_signal(PlaybookText::SectionContacts) name="contacts">
                <form on:submit=save novalidate data-testid="client-form">
                    <div class="panel">
                        <ClientFields draft errors/>
                        {move || (!clashes.get().is_empty()).then(|| view! {
                            <ClashNotice clashes opened draft/>
                        })}
                        <DuplicateWarning draft except=id.clone()/>
                        {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        <div class="form-actions">
                            <button type="submit" class="primary" disabled=move || !dirty() data-testid="save-client">
                                {state.text(Text::Save)}
                            </button>
                            <Show when=dirty>
                                <span class="muted">{state.text(Text::UnsavedChanges)}</span>
                            </Show>
                        </div>
                    </div>
                </form>
                </CardSection>
                }
                }
                </fieldset>
                // Outside the client's lock: each deal follows its own owner (see `DealList`).
                {
                let id = id.clone();
                view! {
                <CardSection title=deals_title name="deals">
                    <DealList client_id=id.clone() client_locked=locked/>
                </CardSection>
                }
                }
                <fieldset class="client-card-lock" disabled=move || !unlocked() data-testid="client-card-lock-rest">
                {
                let id = id.clone();
                view! {
                <CardSection title=orders_title name="orders">
                    <OrderList client_id=id.clone()/>
                </CardSection>
                }
                }
                {
                let id = id.clone();
                view! {
                <CardSection title=state.text_signal(PlaybookText::SectionTransfer) name="transfer">
                    <ClientTransfer client_id=id.clone() history/>
                </CardSection>
                }
                }
                {
                let id = id.clone();
                view! {
                <CardSection title=state.text_signal(PlaybookText::SectionGrowth) name="growth">
                    <ClientGrowth client_id=id.clone() history/>
                </CardSection>
                }
                }
                {
                let id = id.clone();
                view! {
                <CardSection title=state.text_signal(crate::i18n::TaskText::TimelineTitle) name="timeline">
                    <crate::ui::activities::ClientTimeline client_id=id.clone()/>
                </CardSection>
                }
                }
                </fieldset>
                <Show when=unlocked>
                <div class="client-card-danger-zone">
                    <button type="button" class="danger" on:click=move |_| confirm.set(true) data-testid="delete-client">
                        {state.text(Text::DeleteClient)}
                    </button>
                </div>
                </Show>
                <ConfirmDialog
                    open=confirm
                    title=Signal::derive(move || fill(state.tr(Text::DeleteClientQ), &[&name()]))
                    message=state.text_signal(Text::DeleteClientText)
                    confirm_label=state.text_signal(Text::Delete)
                    on_confirm=remove
                />
            </Show>
        </section>
    }
}

/// Fields the person is editing that someone else changed meanwhile: for each, keep what was
/// typed or take the new value.
#[component]
fn ClashNotice(
    clashes: RwSignal<Vec<String>>,
    opened: RwSignal<ClientDraft>,
    draft: RwSignal<ClientDraft>,
) -> impl IntoView {
    let state = use_app();
    let dismiss = move |key: &str| clashes.update(|list| list.retain(|k| k != key));
    view! {
        <div class="banner banner-warning" role="alert" data-testid="edit-clash">
            <For each=move || clashes.get() key=|k| k.clone() let:key>
                {
                    let label = crate::i18n::report::field_name(state.lang(), draft_field(&key));
                    let theirs = {
                        let key = key.clone();
                        move || {
                            serde_json::to_value(opened.get())
                                .ok()
                                .and_then(|v| v.get(&key).cloned())
                                .map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string()))
                                .unwrap_or_default()
                        }
                    };
                    let (keep, take) = (key.clone(), key.clone());
                    view! {
                        <p>
                            {move || fill(state.tr(Text::EditClash), &[label, &theirs()])}
                            <KeepOrTake
                                on_keep=Callback::new(move |()| dismiss(&keep))
                                on_take=Callback::new(move |()| {
                                    let now = opened.get_untracked();
                                    draft.update(|d| *d = crate::domain::form_edit::take_field(d, &take, &now));
                                    dismiss(&take);
                                })/>
                        </p>
                    }
                }
            </For>
        </div>
    }
}

/// The record field a client form field edits, for naming it.
fn draft_field(key: &str) -> &str {
    match key {
        "contact_name" => "contact.name",
        "phone" => "contact.phone",
        "email" => "contact.email",
        other => other,
    }
}
