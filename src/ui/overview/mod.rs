//! «Обзор», the director's dashboard: a period and a rep to choose, and the figures of
//! [`crate::domain::dashboard`] as the app's own SVG charts, each with its table.
//!
//! The figures are computed once per change of the choice or the data (a memo), never per
//! chart, from an index of every client's orders that is rebuilt only when the orders change, so
//! a period change re-aggregates and never re-reads the 100 000 orders; the transfer queue, which is as of today whatever the period, has a memo of its own,
//! so a period change does not re-check the rule for every client.

mod changes;
mod chart;
mod director;
mod exports;
mod figures;
mod matrix;
mod plan_figures;

use crate::domain::dashboard::handover::{farmer_growth, median_wait, queue_waits};
use crate::domain::dashboard::{
    dashboard_in, Cutoffs, DashboardInput, DealHistories, PeriodChoice, SalesIndex, Scope,
};
use crate::domain::dates::{format_date, iso_date, parse_date};
use crate::domain::orders::IndexInputs;
use crate::domain::Id;
use crate::i18n::{count, fill, DashText, Plural, Translate};
use crate::route::{href, Route};
use crate::ui::clock;
use crate::ui::state::use_app;
use crate::ui::table_export::TableExport;
use crate::ui::transfer::history_index;
use chart::{BarChart, ChartData, DataTable};
use leptos::prelude::*;
use matrix::Matrix;

/// Clients of the queue listed by name (the longest waits).
const QUEUE_SHOWN: usize = 5;

fn choice_value(c: PeriodChoice) -> &'static str {
    match c {
        PeriodChoice::ThisMonth => "this-month",
        PeriodChoice::LastMonth => "last-month",
        PeriodChoice::Quarter => "quarter",
        PeriodChoice::TwelveMonths => "12-months",
        PeriodChoice::Custom { .. } => "custom",
    }
}

fn choice_text(c: PeriodChoice) -> DashText {
    match c {
        PeriodChoice::ThisMonth => DashText::PeriodThisMonth,
        PeriodChoice::LastMonth => DashText::PeriodLastMonth,
        PeriodChoice::Quarter => DashText::PeriodQuarter,
        PeriodChoice::TwelveMonths => DashText::PeriodYear,
        PeriodChoice::Custom { .. } => DashText::PeriodCustom,
    }
}

/// The «Обзор» screen.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = use_app();
    let choice = RwSignal::new(PeriodChoice::TwelveMonths);
    let scope = RwSignal::new(Scope::Team);
    let index = history_index();
    let offset_minutes = clock::local_offset().local_minus_utc() / 60;
    // The orders index, rebuilt only when the orders change (the same key as the history
    // index's); not the history index itself, which is built after the first frame.
    let orders_key = Memo::new(move |_| {
        state
            .ws
            .with(|ws| IndexInputs::of(&ws.orders, &ws.products))
    });
    let sales = Memo::new(move |_| {
        // Read, not only tracked (see `history_index`).
        orders_key.with(|_| ());
        state.ws.with_untracked(SalesIndex::new)
    });
    // The deals' stage histories: rebuilt on any change of the data, not on a period change.
    let histories = Memo::new(move |_| state.ws.with(DealHistories::new));
    let data = Memo::new(move |_| {
        let input = DashboardInput {
            period: choice.get(),
            scope: scope.get(),
            today: state.today(),
            cutoffs: state
                .ws
                .with(|ws| Cutoffs::with_shares(ws.pipeline_settings.abc_shares)),
            offset_minutes,
        };
        sales.with(|sales| {
            histories.with(|h| state.ws.with(|ws| dashboard_in(ws, sales, h, &input)))
        })
    });
    // The screen is drawn in a few tasks, none of them long at team scale: the first frame
    // with the controls (the screen it replaces is taken down in the same task); then the
    // orders index and the stage histories; then the figures with the sales, transfers,
    // ABC × XYZ and qualification panels; then the funnel, plan / fact, forecast and
    // client-base panels; then the purchase-history index; then the transfer queue, which
    // re-checks the rule for every client, and the farmers' before / after, which need it.
    let grid_ready = RwSignal::new(false);
    let panels_ready = RwSignal::new(false);
    let queue_ready = RwSignal::new(false);
    let next = |f: Box<dyn FnOnce()>| set_timeout(f, std::time::Duration::ZERO);
    request_animation_frame(move || {
        next(Box::new(move || {
            // `try_`: the screen may have been left meanwhile.
            sales.try_with(|_| ());
            histories.try_with(|_| ());
            next(Box::new(move || {
                grid_ready.set(true);
                next(Box::new(move || {
                    panels_ready.set(true);
                    next(Box::new(move || {
                        index.try_with(|_| ());
                        next(Box::new(move || queue_ready.set(true)));
                    }));
                }));
            }));
        }))
    });
    let queue = Memo::new(move |_| {
        if !queue_ready.get() {
            return None;
        }
        let (today, scope) = (state.today(), scope.get());
        Some(index.with(|idx| state.ws.with(|ws| queue_waits(ws, idx, today, &scope))))
    });
    // The farmers' before / after needs the purchase-history index too: after the first frame.
    let growth = Memo::new(move |_| {
        if !queue_ready.get() {
            return ChartData::default();
        }
        let (period, scope, lang) = (data.with(|d| d.period), scope.get(), state.lang());
        index.with(|idx| {
            state.ws.with(|ws| {
                let rows = farmer_growth(ws, idx, period, &scope);
                figures::growth(&rows, ws, lang)
            })
        })
    });
    // The same table as a sheet, worked out at the click with figures as numbers.
    let growth_export = Callback::new(move |_: ()| {
        let (period, scope) = (data.with_untracked(|d| d.period), scope.get_untracked());
        index.with_untracked(|idx| {
            state.ws.with_untracked(|ws| {
                let rows = farmer_growth(ws, idx, period, &scope);
                exports::growth_table(&rows, ws, state.lang())
            })
        })
    });
    let chart = move |build: fn(
        &crate::domain::dashboard::Dashboard,
        &crate::domain::Workspace,
        crate::i18n::Lang,
    ) -> ChartData| {
        // A memo: a chart reads its data several times (bars, description, table).
        Signal::from(Memo::new(move |_| {
            let lang = state.lang();
            data.with(|d| state.ws.with(|ws| build(d, ws, lang)))
        }))
    };
    let title = move |t: DashText| Signal::derive(move || t.get(state.lang()).to_owned());
    let revenue = chart(|d, _, l| figures::revenue(d, l));
    let first = chart(figures::first_sales);
    let transfers = chart(|d, _, l| figures::transfers(d, l));
    let by_month = chart(|d, _, l| figures::verdicts_by_month(d, l));
    let by_rep = chart(figures::verdicts_by_rep);
    let matrix = Signal::from(Memo::new(move |_| data.with(|d| d.matrix.clone())));

    view! {
        <section class="overview" data-testid="overview">
            <div class="page-head">
                <h1>{state.text(DashText::Title)}</h1>
            </div>
            <p class="hint overview-hint">{state.text(DashText::Hint)}</p>
            <Controls choice scope/>
            <p class="overview-period" data-testid="overview-period">{move || {
                let p = choice.get().resolve(state.today());
                fill(state.tr(DashText::PeriodShown), &[&format_date(p.from()), &format_date(p.to())])
            }}</p>
            <Show when=move || grid_ready.get()>
            <div class="overview-grid">
                <div class="panel overview-panel">
                    <h2>{state.text(DashText::RevenueTitle)}</h2>
                    <p class="hint" data-testid="revenue-total">{move || data.with(|d| {
                        let revenue: crate::domain::Money = d.sales.iter().map(|m| m.revenue).sum();
                        let orders: u32 = d.sales.iter().map(|m| m.orders).sum();
                        fill(state.tr(DashText::RevenueTotal), &[&revenue.whole_rubles().to_string(), &orders.to_string()])
                    })}</p>
                    <BarChart key="revenue" title=title(DashText::RevenueTitle) data=revenue/>
                </div>
                <div class="panel overview-panel">
                    <h2>{state.text(DashText::FirstSalesTitle)}</h2>
                    <p class="hint">{state.text(DashText::FirstSalesHint)}</p>
                    <BarChart key="first-sales" title=title(DashText::FirstSalesTitle) data=first/>
                </div>
                <div class="panel overview-panel">
                    <h2>{state.text(DashText::TransfersTitle)}</h2>
                    <BarChart key="transfers" title=title(DashText::TransfersTitle) data=transfers/>
                    <QueueSummary queue/>
                </div>
                <div class="panel overview-panel overview-panel-wide">
                    <h2>{state.text(DashText::MatrixTitle)}</h2>
                    <p class="hint">{move || {
                        let shares = state.ws.with(|ws| ws.pipeline_settings.abc_shares);
                        fill(state.tr(DashText::MatrixHint), &[&shares.a.to_string(), &shares.b.to_string()])
                    }}</p>
                    <Matrix matrix/>
                </div>
                <div class="panel overview-panel overview-panel-wide">
                    <h2>{state.text(DashText::GrowthTitle)}</h2>
                    <TableExport key="growth" table=growth_export/>
                    <p class="hint">{state.text(DashText::GrowthHint)}</p>
                    <Show when=move || growth.with(|g| !g.rows.is_empty() || !queue_ready.get())
                        fallback=move || view! { <p class="muted">{state.text(DashText::GrowthNone)}</p> }>
                        <div class="table-wrap" data-testid="growth-table" tabindex="0" role="region"
                            aria-label=state.text(DashText::GrowthTitle)>
                            <DataTable title=title(DashText::GrowthTitle) data=Signal::from(growth)/>
                        </div>
                    </Show>
                </div>
                <div class="panel overview-panel">
                    <h2>{state.text(DashText::VerdictsTitle)}</h2>
                    <p class="hint">{state.text(DashText::VerdictsHint)}</p>
                    <BarChart key="verdicts-month" title=title(DashText::VerdictsTitle) data=by_month/>
                </div>
                <div class="panel overview-panel">
                    <h2>{state.text(DashText::VerdictsByRep)}</h2>
                    <BarChart key="verdicts-rep" title=title(DashText::VerdictsByRep) data=by_rep/>
                </div>
                <Show when=move || panels_ready.get()>
                    <director::DirectorPanels data/>
                </Show>
            </div>
            </Show>
            <changes::ChangesSection/>
        </section>
    }
}

/// The period and rep selectors; a custom period shows its two dates.
#[component]
fn Controls(choice: RwSignal<PeriodChoice>, scope: RwSignal<Scope>) -> impl IntoView {
    let state = use_app();
    let on_period = move |ev| {
        let value = event_target_value(&ev);
        let today = state.today_untracked();
        let next = PeriodChoice::PRESETS
            .into_iter()
            .find(|c| choice_value(*c) == value)
            .unwrap_or_else(|| {
                let p = choice.get_untracked().resolve(today);
                PeriodChoice::Custom {
                    from: p.from(),
                    to: p.to(),
                }
            });
        choice.set(next);
    };
    let set_end = move |first: bool, text: String| {
        let Some(date) = parse_date(&text) else {
            return;
        };
        let p = choice.get_untracked().resolve(state.today_untracked());
        let (from, to) = if first {
            (date, p.to())
        } else {
            (p.from(), date)
        };
        choice.set(PeriodChoice::Custom { from, to });
    };
    let on_rep = move |ev| {
        let id = event_target_value(&ev);
        scope.set(if id.is_empty() {
            Scope::Team
        } else {
            Scope::Member(Id::from_raw(id))
        });
    };
    let custom = move || matches!(choice.get(), PeriodChoice::Custom { .. });
    let bounds = move || {
        let p = choice.get().resolve(state.today());
        (iso_date(p.from()), iso_date(p.to()))
    };
    let all = PeriodChoice::PRESETS
        .into_iter()
        .chain([PeriodChoice::Custom {
            from: chrono::NaiveDate::MIN,
            to: chrono::NaiveDate::MIN,
        }]);
    view! {
        <div class="filters overview-controls" role="group" aria-label=state.text(DashText::Controls)>
            <label class="field">
                <span>{state.text(DashText::PeriodLabel)}</span>
                <select on:change=on_period data-testid="overview-period-select"
                    prop:value=move || choice_value(choice.get())>
                    {all.map(|c| view! {
                        <option value=choice_value(c) selected=move || choice_value(choice.get()) == choice_value(c)>
                            {state.text(choice_text(c))}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <Show when=custom>
                <label class="field">
                    <span>{state.text(DashText::From)}</span>
                    <input type="date" prop:value=move || bounds().0 data-testid="overview-from"
                        on:change=move |ev| set_end(true, event_target_value(&ev))/>
                </label>
                <label class="field">
                    <span>{state.text(DashText::To)}</span>
                    <input type="date" prop:value=move || bounds().1 data-testid="overview-to"
                        on:change=move |ev| set_end(false, event_target_value(&ev))/>
                </label>
            </Show>
            <label class="field">
                <span>{state.text(DashText::RepLabel)}</span>
                <select on:change=on_rep data-testid="overview-rep-select">
                    <option value="">{state.text(DashText::WholeTeam)}</option>
                    <For each=move || state.member_options() key=|m| m.clone() let((id, name))>
                        <option value=id.clone() selected=move || scope.with(|s| matches!(s, Scope::Member(m) if m.as_str() == id))>{name}</option>
                    </For>
                </select>
            </label>
        </div>
    }
}

/// The transfer queue today: how many wait, the median wait, the longest waits by name.
#[component]
fn QueueSummary(queue: Memo<Option<Vec<crate::domain::dashboard::QueueWait>>>) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="overview-queue" data-testid="overview-queue">
            <h3>{state.text(DashText::QueueTitle)}</h3>
            {move || {
                let lang = state.lang();
                queue.with(|q| {
                    let Some(q) = q else {
                        return view! { <p class="muted">"…"</p> }.into_any();
                    };
                    if q.is_empty() {
                        return view! { <p class="muted">{state.tr(DashText::QueueNone)}</p> }.into_any();
                    }
                    let median = median_wait(q).map_or_else(String::new, |d| count(lang, Plural::Days, u64::from(d)));
                    let longest = count(lang, Plural::Days, u64::from(q[0].days));
                    let summary = format!(
                        "{}. {}",
                        count(lang, Plural::Clients, q.len() as u64),
                        fill(DashText::QueueMedian.get(lang), &[&median, &longest])
                    );
                    let rows = q.iter().take(QUEUE_SHOWN).map(|w| view! {
                        <li>
                            <a href=href(&Route::Client(w.client_id.clone()))>{w.client_name.clone()}</a>
                            " — "{count(lang, Plural::Days, u64::from(w.days))}
                            <span class="muted">{format!(" ({})", format_date(w.since))}</span>
                        </li>
                    }).collect_view();
                    view! {
                        <p>{summary}</p>
                        <ul class="overview-queue-list">{rows}</ul>
                    }.into_any()
                })
            }}
        </div>
    }
}
