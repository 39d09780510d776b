//! «Мои клиенты»: a farmer's home — her clients with orders, those needing a call first. The
//! figures come from [`crate::domain::views::my_clients`]; this component only draws them,
//! page by page like the client list.

use crate::domain::dates::format_date;
use crate::domain::views::my_clients::{my_clients, needing_attention, Attention, MyClientRow};
use crate::i18n::sales::change_text;
use crate::i18n::{count, fill, status_name, Plural, SalesText, Text};
use crate::route::{href, Route};
use crate::ui::state::use_app;
use crate::ui::transfer::history_index;
use leptos::prelude::*;

/// How many rows the list shows before «Показать ещё».
const ROWS_PER_PAGE: usize = 100;

fn attention_code(a: Attention) -> &'static str {
    match a {
        Attention::Sleeping => "sleeping",
        Attention::Overdue => "overdue",
        Attention::OnTrack => "on-track",
        Attention::Lost => "lost",
    }
}

fn attention_text(a: Attention) -> SalesText {
    match a {
        Attention::Sleeping => SalesText::AttSleeping,
        Attention::Overdue => SalesText::AttOverdue,
        Attention::OnTrack => SalesText::AttOnTrack,
        Attention::Lost => SalesText::AttLost,
    }
}

/// The «Мои клиенты» screen.
#[component]
pub fn MyClients() -> impl IntoView {
    let state = use_app();
    let index = history_index();
    let me = Memo::new(move |_| state.me_id());
    let rows = Memo::new(move |_| {
        let Some(me) = me.get() else {
            return Vec::new();
        };
        let today = state.today();
        index.with(|index| state.ws.with(|ws| my_clients(ws, index, &me, today)))
    });
    let shown = RwSignal::new(ROWS_PER_PAGE);
    let page = move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>());
    let hidden = move || rows.with(Vec::len).saturating_sub(shown.get());
    let calls = move || rows.with(|r| needing_attention(r));
    let dash = || "—".to_owned();

    view! {
        <section class="my-clients-page" data-testid="my-clients">
            <div class="page-head">
                <h1>{state.text(SalesText::MyClientsTitle)}</h1>
                <span class="muted" data-testid="my-clients-calls">
                    {move || count(state.lang(), Plural::NeedCall, calls() as u64)}
                </span>
            </div>
            <p class="hint">{state.text(SalesText::MyClientsHint)}</p>
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! {
                <p class="empty-note" data-testid="my-clients-empty">{state.text(SalesText::MyClientsEmpty)}</p>
            }>
                <div class="table-scroll" tabindex="0" role="region" aria-label=state.text(SalesText::MyClientsTitle)>
                    <table class="my-clients-table stacked" data-testid="my-clients-table">
                        <thead>
                            <tr>
                                <th scope="col">{state.text(SalesText::MyClient)}</th>
                                <th scope="col">{state.text(SalesText::MyAttention)}</th>
                                <th scope="col">{state.text(SalesText::MyLastOrder)}</th>
                                <th scope="col">{state.text(SalesText::MyDaysSince)}</th>
                                <th scope="col">{state.text(SalesText::MyRevenue)}</th>
                                <th scope="col">{state.text(SalesText::MyTrend)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=page key=|r: &MyClientRow| r.clone() let(row)>
                                <tr data-client-id=row.client_id.to_string()
                                    data-attention=attention_code(row.attention)>
                                    <th scope="row">
                                        <a href=href(&Route::Client(row.client_id.clone())) class="my-clients-link">{row.name.clone()}</a>
                                        " "
                                        <span class="muted small">{move || status_name(state.lang(), row.status)}</span>
                                    </th>
                                    <td data-label=state.text(SalesText::MyAttention)><span>
                                        <span class=format!("my-clients-flag my-clients-{}", attention_code(row.attention))>
                                            {state.text(attention_text(row.attention))}
                                        </span>
                                        {row.usual_interval.map(|d| view! {
                                            <span class="muted small my-clients-usual">
                                                {move || count(state.lang(), Plural::UsualEvery, u64::from(d))}
                                            </span>
                                        })}
                                    </span></td>
                                    <td data-label=state.text(SalesText::MyLastOrder)>
                                        {match row.last_order {
                                            Some(d) => format_date(d).into_any(),
                                            None => view! { {state.text(SalesText::NoOrdersYet)} }.into_any(),
                                        }}
                                    </td>
                                    <td data-label=state.text(SalesText::MyDaysSince)>
                                        {row.days_since.map_or_else(dash, |d| d.to_string())}
                                    </td>
                                    <td data-label=state.text(SalesText::MyRevenue)>
                                        {row.revenue_12m.whole_rubles().to_string()}
                                    </td>
                                    <td data-label=state.text(SalesText::MyTrend)>
                                        {row.trend_bp.map_or_else(dash, change_text)}
                                    </td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
                <Show when=move || { hidden() > 0 }>
                    <button type="button" class="secondary show-more" data-testid="show-more-rows"
                        on:click=move |_| shown.update(|n| *n += ROWS_PER_PAGE)>
                        {move || fill(state.tr(Text::ShowMore), &[&hidden().to_string()])}
                    </button>
                </Show>
            </Show>
        </section>
    }
}
