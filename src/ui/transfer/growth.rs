use crate::domain::dates::format_date;
use crate::domain::metrics::{
    client_metrics, farmer_metrics, split_at_transfer, CheckTrend, ClientMetrics, FarmerMetrics,
    MetricsContext, Period,
};
use crate::domain::orders::{ClientHistory, HistoryIndex};
use crate::domain::{Id, Role, Workspace};
use crate::i18n::sales::{activity_name, change_text, percent_text, ratio_text, wallet_name};
use crate::i18n::{count, Lang, Plural, SalesText, Translate};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashSet;

/// One client's growth figures: before and after its transfer when it was transferred, else
/// over the last 12 months. Computed from this client's orders only.
#[component]
pub fn ClientGrowth(
    client_id: Id,
    /// The client's purchase history (see `ClientTransfer`).
    history: Memo<ClientHistory>,
) -> impl IntoView {
    let state = use_app();
    let columns = Memo::new(move |_| {
        let lang = state.lang();
        history.with(|h| {
            state
                .ws
                .with(|ws| growth_columns(ws, &client_id, h, state.today(), lang))
        })
    });
    let groups_total = Memo::new(move |_| state.ws.with(|ws| ws.product_groups.len()));
    view! {
        <div class="panel transfer-growth-panel" data-testid="growth">
            <h2>{state.text(SalesText::GrowthTitle)}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label=state.text(SalesText::GrowthTitle)>
                {move || metrics_table(state.lang(), &columns.get(), groups_total.get())}
            </div>
        </div>
    }
}

fn growth_columns(
    ws: &Workspace,
    client_id: &Id,
    history: &ClientHistory,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Vec<(String, ClientMetrics)> {
    let offered: HashSet<Id> = ws.group_ids();
    let ctx = MetricsContext {
        offered_groups: &offered,
        thresholds: ws.transfer_policy.thresholds,
    };
    let spend = ws.client(client_id).and_then(|c| c.yearly_spend);
    let range = |m: &ClientMetrics| format!("{} – {}", format_date(m.from), format_date(m.to));
    match ws.transfers_of(client_id).last() {
        Some(t) => {
            let (before, after) = split_at_transfer(history, t.date, today, &ctx, spend);
            vec![
                (
                    format!("{} ({})", SalesText::GrowthBefore.get(lang), range(&before)),
                    before,
                ),
                (
                    format!("{} ({})", SalesText::GrowthAfter.get(lang), range(&after)),
                    after,
                ),
            ]
        }
        None => {
            let period = Period::last_months(today, 12);
            let spend = spend.map(|y| period.prorate_yearly(y));
            let m = client_metrics(history, period, &ctx, spend);
            vec![(
                format!("{} ({})", SalesText::GrowthYear.get(lang), range(&m)),
                m,
            )]
        }
    }
}

/// A table with one column per period and one row per metric.
fn metrics_table(
    lang: Lang,
    columns: &[(String, ClientMetrics)],
    groups_total: usize,
) -> impl IntoView {
    let dash = || "—".to_owned();
    let single = columns.len() == 1;
    let row = |label: SalesText, cell: &dyn Fn(&ClientMetrics) -> String| {
        (
            label.get(lang),
            columns.iter().map(|(_, m)| cell(m)).collect::<Vec<_>>(),
        )
    };
    let wallet = |m: &ClientMetrics| match m.wallet {
        Some(w) => format!(
            "{} ({})",
            percent_text(w.share),
            wallet_name(lang, w.position)
        ),
        None => SalesText::WalletUnknown.get(lang).to_owned(),
    };
    let rows: Vec<(&str, Vec<String>)> = vec![
        row(SalesText::MOrders, &|m| m.orders.to_string()),
        row(SalesText::MRevenue, &|m| m.revenue.to_string()),
        row(SalesText::MFrequency, &|m| ratio_text(m.frequency)),
        row(SalesText::MAvgCheck, &|m| {
            m.average_check.map_or_else(dash, |c| c.to_string())
        }),
        row(SalesText::MTrend, &|m| {
            m.check_trend.change_bp().map_or_else(dash, change_text)
        }),
        row(SalesText::MGroups, &|m| {
            format!("{} / {groups_total}", m.groups_bought)
        }),
        row(SalesText::MWallet, &wallet),
        row(SalesText::MDaysSince, &|m| {
            m.days_since_last_order.map_or_else(dash, |d| d.to_string())
        }),
        row(SalesText::MActivity, &|m| {
            activity_name(lang, m.activity).to_owned()
        }),
    ];
    view! {
        // On a phone the table turns into one card per metric: with one period the period is said
        // once above it, with two each value carries its period's name.
        <table class=if single { "metrics stacked transfer-growth-single" } else { "metrics stacked" }>
            {single.then(|| view! {
                <caption class="transfer-growth-caption">{columns[0].0.clone()}</caption>
            })}
            <thead>
                <tr><td></td>{columns.iter().map(|(h, _)| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|(label, cells)| view! {
                    <tr>
                        <th scope="row">{label}</th>
                        {cells.into_iter().zip(columns.iter()).map(|(c, (h, _))| view! {
                            <td data-label=(!single).then(|| h.clone())>{c}</td>
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Each farmer's base over the last `months` months: clients, buying clients, orders, revenue,
/// average check, frequency, repeat rate, sleeping / lost.
#[component]
pub fn FarmerMetricsTable(index: Memo<HistoryIndex>) -> impl IntoView {
    let state = use_app();
    let months = RwSignal::new(12u32);
    let rows = Memo::new(move |_| {
        let period = Period::last_months(state.today(), months.get());
        index.with(|index| {
            state.ws.with(|ws| {
                let offered: HashSet<Id> = ws.group_ids();
                let ctx = MetricsContext {
                    offered_groups: &offered,
                    thresholds: ws.transfer_policy.thresholds,
                };
                ws.members
                    .iter()
                    .filter(|m| m.role() == Role::Farmer)
                    .map(|farmer| {
                        let clients: Vec<Id> = ws
                            .clients
                            .iter()
                            .filter(|c| c.owner_id == farmer.id)
                            .map(|c| c.id.clone())
                            .collect();
                        let (_, sums) = farmer_metrics(index, &clients, period, &ctx);
                        // Up-sell: this period's average check against the previous one's.
                        let (_, before) = farmer_metrics(index, &clients, period.previous(), &ctx);
                        let trend = CheckTrend {
                            previous: before.average_check,
                            current: sums.average_check,
                        };
                        (farmer.name.clone(), sums, trend.change_bp())
                    })
                    .collect::<Vec<(String, FarmerMetrics, Option<i64>)>>()
            })
        })
    });
    let dash = || "—".to_owned();
    view! {
        <div class="panel">
            <div class="panel-head">
                <h2>{state.text(SalesText::FarmersTitle)}</h2>
                <label class="field inline">
                    <span>{state.text(SalesText::PeriodLabel)}</span>
                    <select on:change=move |ev| months.set(event_target_value(&ev).parse().unwrap_or(12)) data-testid="farmer-period">
                        {[3u32, 6, 12].map(|m| view! {
                            <option value=m.to_string() selected=move || months.get() == m>
                                {move || count(state.lang(), Plural::PeriodMonths, u64::from(m))}
                            </option>
                        })}
                    </select>
                </label>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label=state.text(SalesText::FarmersTitle)>
                <table class="metrics stacked" data-testid="farmer-metrics">
                    <thead><tr>
                        <th scope="col"></th>
                        <th scope="col">{state.text(SalesText::FClients)}</th>
                        <th scope="col">{state.text(SalesText::FBuying)}</th>
                        <th scope="col">{state.text(SalesText::MOrders)}</th>
                        <th scope="col">{state.text(SalesText::MRevenue)}</th>
                        <th scope="col">{state.text(SalesText::MAvgCheck)}</th>
                        <th scope="col">{state.text(SalesText::MTrend)}</th>
                        <th scope="col">{state.text(SalesText::MFrequency)}</th>
                        <th scope="col">{state.text(SalesText::FRepeat)}</th>
                        <th scope="col">{state.text(SalesText::FSleepingLost)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| format!("{:?}", r) let((name, m, trend))>
                            <tr>
                                <th scope="row">{name}</th>
                                <td data-label=state.text(SalesText::FClients)>{m.clients}</td>
                                <td data-label=state.text(SalesText::FBuying)>{m.buying_clients}</td>
                                <td data-label=state.text(SalesText::MOrders)>{m.orders}</td>
                                <td data-label=state.text(SalesText::MRevenue)>{m.revenue.whole_rubles().to_string()}</td>
                                <td data-label=state.text(SalesText::MAvgCheck)>{m.average_check.map_or_else(dash, |c| c.whole_rubles().to_string())}</td>
                                <td data-label=state.text(SalesText::MTrend)>{trend.map_or_else(dash, change_text)}</td>
                                <td data-label=state.text(SalesText::MFrequency)>{m.frequency.map_or_else(dash, ratio_text)}</td>
                                <td data-label=state.text(SalesText::FRepeat)>{m.repeat_rate.map_or_else(dash, percent_text)}</td>
                                <td data-label=state.text(SalesText::FSleepingLost)>{format!("{} / {}", m.sleeping, m.lost)}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </div>
    }
}
