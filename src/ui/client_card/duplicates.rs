//! A warning under the client form when an existing client looks like this one (the same ИНН,
//! or the same name and phone), with a link to it. It never blocks saving. On an existing
//! client's card the director can fold the other card into this one
//! ([`crate::domain::Workspace::merge_clients`]).

use crate::domain::draft::ClientDraft;
use crate::domain::team::Role;
use crate::domain::views::duplicates::{find_duplicates, ClientKeys, MatchReason};
use crate::domain::Id;
use crate::i18n::{count, describe_workspace_error, fill, Plural, Text};
use crate::route::{href, Route};
use crate::ui::clock;
use crate::ui::dialog::ConfirmDialog;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Lists the existing clients that look like `draft`; `except` is the client being edited.
#[component]
pub fn DuplicateWarning(
    draft: RwSignal<ClientDraft>,
    #[prop(optional)] except: Option<Id>,
) -> impl IntoView {
    let state = use_app();
    let keep = except.clone();
    let can_fold = except.is_some();
    let matches = Memo::new(move |_| {
        draft.with(|d| {
            state.ws.with(|ws| {
                let keys = ClientKeys {
                    name: &d.name,
                    inn: &d.inn,
                    phone: &d.phone,
                };
                find_duplicates(ws, keys, except.as_ref())
                    .into_iter()
                    .filter_map(|m| {
                        ws.client(&m.client_id)
                            .map(|c| (m.client_id, c.name.clone(), m.reason))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let is_director = move || state.me().is_some_and(|m| m.role() == Role::Director);
    // The other card the director asked to fold into this one: (id, name).
    let folding = RwSignal::new(None::<(Id, String)>);
    let confirm = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let fold = Callback::new(move |()| {
        let (Some(keep), Some((other, _))) = (keep.clone(), folding.get_untracked()) else {
            return;
        };
        match state.change(|ws, now| ws.merge_clients(&keep, &other, clock::today(), now)) {
            Ok(moved) => {
                failure.set(None);
                let lang = state.lang();
                state.notify(fill(
                    state.tr(Text::ClientsMerged),
                    &[
                        &count(lang, Plural::Deals, moved.deals as u64),
                        &count(lang, Plural::Orders, moved.orders as u64),
                    ],
                ));
            }
            Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
        }
    });
    view! {
        <Show when=move || !matches.with(Vec::is_empty)>
            <div class="banner banner-warning client-card-duplicate-warning" role="status" data-testid="duplicate-warning">
                <ul>
                    {move || matches.get().into_iter().map(|(id, name, reason)| {
                        let why = match reason {
                            MatchReason::Inn => Text::DuplicateInn,
                            MatchReason::NameAndPhone => Text::DuplicateNamePhone,
                        };
                        let other = (id.clone(), name.clone());
                        view! {
                            <li data-testid="duplicate">
                                {state.text(why)}" "
                                <a href=href(&Route::Client(id.clone()))>{name}</a>
                                <Show when=move || can_fold && is_director()>
                                    {
                                        let other = other.clone();
                                        view! {
                                            " "
                                            <button type="button" class="secondary" data-testid="merge-duplicate"
                                                on:click=move |_| { folding.set(Some(other.clone())); confirm.set(true); }>
                                                {move || state.tr(Text::MergeIntoThis)}
                                            </button>
                                        }
                                    }
                                </Show>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="muted">{state.text(Text::DuplicateHint)}</p>
                <Show when=move || failure.with(Option::is_some)>
                    <p class="field-error" role="alert">{move || failure.get()}</p>
                </Show>
            </div>
        </Show>
        <ConfirmDialog
            open=confirm
            title=Signal::derive(move || {
                let other = folding.with(|f| f.as_ref().map(|(_, n)| n.clone())).unwrap_or_default();
                fill(state.tr(Text::MergeClientsQ), &[&other])
            })
            message=Signal::derive(move || {
                let other = folding.with(|f| f.as_ref().map(|(_, n)| n.clone())).unwrap_or_default();
                fill(state.tr(Text::MergeClientsText), &[&other, &other])
            })
            confirm_label=Signal::derive(move || state.tr(Text::MergeClients).to_owned())
            on_confirm=fold
        />
    }
}
