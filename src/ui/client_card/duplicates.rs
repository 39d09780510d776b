//! A warning under the client form when an existing client looks like this one (the same ИНН,
//! or the same name and phone), with a link to it. It never blocks saving.

use crate::domain::draft::ClientDraft;
use crate::domain::duplicates::{find_duplicates, ClientKeys, MatchReason};
use crate::domain::Id;
use crate::i18n::Text;
use crate::route::{href, Route};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Lists the existing clients that look like `draft`; `except` is the client being edited.
#[component]
pub fn DuplicateWarning(
    draft: RwSignal<ClientDraft>,
    #[prop(optional)] except: Option<Id>,
) -> impl IntoView {
    let state = use_app();
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
    view! {
        <Show when=move || !matches.with(Vec::is_empty)>
            <div class="banner banner-warning client-card-duplicate-warning" role="status" data-testid="duplicate-warning">
                <ul>
                    {move || matches.get().into_iter().map(|(id, name, reason)| {
                        let why = match reason {
                            MatchReason::Inn => Text::DuplicateInn,
                            MatchReason::NameAndPhone => Text::DuplicateNamePhone,
                        };
                        view! {
                            <li data-testid="duplicate">
                                {move || state.tr(why)}" "
                                <a href=href(&Route::Client(id.clone()))>{name}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="muted">{move || state.tr(Text::DuplicateHint)}</p>
            </div>
        </Show>
    }
}
