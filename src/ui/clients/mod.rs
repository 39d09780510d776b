//! The client list: search, filters by status, owner and stage, and sorting.

use crate::domain::dates::format_date;
use crate::domain::qualification::Score;
use crate::domain::views::lookup::Lookup;
use crate::domain::views::query::{filter_clients, ClientFilter, ClientSort};
use crate::domain::{ClientStatus, Id};
use crate::i18n::SheetText;
use crate::i18n::{fill, stage_name, status_name, Text};
use crate::route::{href, Route};
use crate::sheet::records::{client_columns, client_rows};
use crate::sheet::Table;
use crate::ui::qualification::{VerdictBadge, VerdictChoice, VerdictFilter};
use crate::ui::state::use_app;
use crate::ui::table_export::{sheet_words, TableExport};
use leptos::prelude::*;

/// A row of the list, owned so that rows re-render only when their content changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ClientRow {
    id: Id,
    name: String,
    inn: String,
    contact: String,
    phone: String,
    owner: String,
    status: ClientStatus,
    stage: String,
    score: Option<Score>,
    created: String,
}

/// How many rows the list shows before «Показать ещё».
const ROWS_PER_PAGE: usize = 100;

fn status_code(s: ClientStatus) -> String {
    format!("{s:?}").to_lowercase()
}

/// The client list screen.
#[component]
pub fn ClientList() -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<ClientStatus>);
    let owner = RwSignal::new(None::<Id>);
    let stage = RwSignal::new(None::<Id>);
    let verdict = RwSignal::new(VerdictChoice::None);
    let sort = RwSignal::new(ClientSort::Name);
    // A long list renders page by page: thousands of rows at once cost seconds on a phone.
    let shown = RwSignal::new(ROWS_PER_PAGE);

    let total = Memo::new(move |_| state.ws.with(|ws| ws.clients.len()));
    let rows = Memo::new(move |_| {
        let filter = ClientFilter {
            text: text.get(),
            status: status.get(),
            owner: owner.get(),
            stage: stage.get(),
            verdict: verdict.get(),
        };
        let lang = state.lang();
        state.ws.with(|ws| {
            let lookup = Lookup::new(ws);
            filter_clients(ws, &filter, sort.get())
                .into_iter()
                .map(|c| ClientRow {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    inn: c.inn.clone().unwrap_or_default(),
                    contact: c.contact.name.clone(),
                    phone: c.contact.phone.clone(),
                    owner: ws
                        .member(&c.owner_id)
                        .map(|m| m.name.clone())
                        .unwrap_or_default(),
                    status: c.status,
                    stage: lookup
                        .client_stage(&c.id)
                        .map(|s| stage_name(lang, s))
                        .unwrap_or_default(),
                    score: lookup.client_score(&c.id),
                    created: format_date(crate::ui::clock::date_of(c.created_at)),
                })
                .collect::<Vec<_>>()
        })
    });
    let members = move || state.member_options();
    let stages = move || {
        let lang = state.lang();
        state.ws.with(|ws| {
            ws.stages
                .iter()
                .map(|s| (s.id.to_string(), stage_name(lang, s)))
                .collect::<Vec<_>>()
        })
    };
    let reset = move |_| {
        text.set(String::new());
        status.set(None);
        owner.set(None);
        stage.set(None);
        verdict.set(None);
    };
    let to_id = |v: String| (!v.is_empty()).then(|| Id::from_raw(v));
    // What the filter shows now, every row (not only the page drawn), as a table to download.
    let export = Callback::new(move |_: ()| {
        let filter = ClientFilter {
            text: text.get_untracked(),
            status: status.get_untracked(),
            owner: owner.get_untracked(),
            stage: stage.get_untracked(),
            verdict: verdict.get_untracked(),
        };
        let words = sheet_words(state);
        state.ws.with_untracked(|ws| Table {
            name: state.tr(SheetText::ClientsSheet).to_owned(),
            columns: client_columns(&words),
            rows: client_rows(
                ws,
                &words,
                &filter_clients(ws, &filter, sort.get_untracked()),
            ),
        })
    });

    view! {
        <section class="clients-page">
            <div class="page-head">
                <h1>{state.text(Text::ClientsTitle)}</h1>
                <span class="muted" data-testid="client-count">
                    {move || fill(state.tr(Text::ShownOfTotal), &[&rows.with(Vec::len).to_string(), &total.get().to_string()])}
                </span>
                <TableExport key="clients" table=export/>
                <a class="button primary" href="#/clients/new" data-testid="new-client">{state.text(Text::NewClient)}</a>
            </div>
            <div class="filters" role="search">
                <label class="field grow">
                    <span>{state.text(Text::Search)}</span>
                    <input type="search" prop:value=text placeholder=state.text(Text::SearchPlaceholder)
                        on:input=move |ev| text.set(event_target_value(&ev)) data-testid="client-search"/>
                </label>
                <label class="field">
                    <span>{state.text(Text::FieldStatus)}</span>
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        status.set(ClientStatus::ALL.into_iter().find(|s| status_code(*s) == v));
                    } prop:value=move || status.get().map(status_code).unwrap_or_default() data-testid="filter-status">
                        <option value="">{state.text(Text::Any)}</option>
                        {ClientStatus::ALL.map(|s| view! {
                            <option value=status_code(s)>{move || status_name(state.lang(), s)}</option>
                        })}
                    </select>
                </label>
                <label class="field">
                    <span>{state.text(Text::FieldOwner)}</span>
                    <select on:change=move |ev| owner.set(to_id(event_target_value(&ev)))
                        prop:value=move || owner.get().map(|i| i.to_string()).unwrap_or_default()>
                        <option value="">{state.text(Text::Any)}</option>
                        <For each=members key=|m| m.clone() let((id, name))>
                            <option value=id>{name}</option>
                        </For>
                    </select>
                </label>
                <label class="field">
                    <span>{state.text(Text::FieldStage)}</span>
                    <select on:change=move |ev| stage.set(to_id(event_target_value(&ev)))
                        prop:value=move || stage.get().map(|i| i.to_string()).unwrap_or_default()>
                        <option value="">{state.text(Text::Any)}</option>
                        <For each=stages key=|s| s.clone() let((id, name))>
                            <option value=id>{name}</option>
                        </For>
                    </select>
                </label>
                <VerdictFilter value=verdict testid="filter-verdict"/>
                <label class="field">
                    <span>{state.text(Text::SortBy)}</span>
                    <select on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                        "newest" => ClientSort::Newest,
                        "updated" => ClientSort::Updated,
                        "score" => ClientSort::Score,
                        _ => ClientSort::Name,
                    })>
                        <option value="name">{state.text(Text::SortName)}</option>
                        <option value="newest">{state.text(Text::SortNewest)}</option>
                        <option value="updated">{state.text(Text::SortUpdated)}</option>
                        <option value="score">{state.text(Text::SortScore)}</option>
                    </select>
                </label>
            </div>
            <Show when=move || rows.with(Vec::is_empty) fallback=move || view! {
                <div class="table-wrap">
                    <table class="clients-table">
                        <thead>
                            <tr>
                                <th scope="col">{state.text(Text::FieldCompany)}</th>
                                <th scope="col">{state.text(Text::FieldContact)}</th>
                                <th scope="col">{state.text(Text::FieldOwner)}</th>
                                <th scope="col">{state.text(Text::FieldStatus)}</th>
                                <th scope="col">{state.text(Text::FieldStage)}</th>
                                <th scope="col">{state.text(Text::FilterVerdict)}</th>
                                <th scope="col">{state.text(Text::FieldCreated)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>()) key=|r| r.clone() let(row)>
                                <tr data-client-id=row.id.to_string()>
                                    <td data-label=state.text(Text::FieldCompany)>
                                        <a href=href(&Route::Client(row.id.clone())) class="clients-link">{row.name.clone()}</a>
                                        <Show when={let inn = row.inn.clone(); move || !inn.is_empty()}>
                                            <span class="muted small">" "{state.text(Text::InnShort)}" "{row.inn.clone()}</span>
                                        </Show>
                                    </td>
                                    <td data-label=state.text(Text::FieldContact)>{row.contact.clone()}<br/><span class="muted small">{row.phone.clone()}</span></td>
                                    <td data-label=state.text(Text::FieldOwner)>{row.owner.clone()}</td>
                                    <td data-label=state.text(Text::FieldStatus)>
                                        <span class=format!("status status-{}", status_code(row.status))>
                                            {move || status_name(state.lang(), row.status)}
                                        </span>
                                    </td>
                                    <td data-label=state.text(Text::FieldStage)>{row.stage.clone()}</td>
                                    <td data-label=state.text(Text::FilterVerdict)><VerdictBadge score=row.score.clone()/></td>
                                    <td data-label=state.text(Text::FieldCreated)>{row.created.clone()}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
                <Show when=move || { rows.with(Vec::len) > shown.get() }>
                    <button type="button" class="secondary show-more" data-testid="show-more-rows"
                        on:click=move |_| shown.update(|n| *n += ROWS_PER_PAGE)>
                        {move || fill(state.tr(Text::ShowMore), &[&(rows.with(Vec::len) - shown.get()).to_string()])}
                    </button>
                </Show>
            }>
                <div class="empty-note">
                    <p>{move || if total.get() == 0 { state.tr(Text::NoClientsYet) } else { state.tr(Text::NothingFound) }}</p>
                    <button type="button" class="secondary" on:click=reset>{state.text(Text::ResetFilters)}</button>
                </div>
            </Show>
        </section>
    }
}
