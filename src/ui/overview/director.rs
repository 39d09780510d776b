//! The panels of «Обзор» that read the stage history and the director's plans: the funnel with
//! lost reasons and the hunters side by side, plan against fact, the current month's forecast,
//! and sleeping and lost clients over time. Each chart is the dashboard's own SVG with its table.

use super::chart::{BarChart, ChartData, DataTable};
use super::plan_figures as figures;
use super::plan_figures::permille_text;
use crate::domain::dashboard::plan_fact::percent;
use crate::domain::dashboard::Dashboard;
use crate::domain::Workspace;
use crate::i18n::{fill, Lang, PlanText, Translate};
use crate::ui::state::use_app;
use leptos::prelude::*;

type Build = fn(&Dashboard, &Workspace, Lang) -> ChartData;

/// The funnel, plan / fact, forecast and client-base panels, from the dashboard's figures.
#[component]
pub fn DirectorPanels(data: Memo<Dashboard>) -> impl IntoView {
    let state = use_app();
    let chart = move |build: Build| {
        // A memo: a chart reads its data several times (bars, description, table).
        Signal::from(Memo::new(move |_| {
            let lang = state.lang();
            data.with(|d| state.ws.with(|ws| build(d, ws, lang)))
        }))
    };
    let title = move |t: PlanText| Signal::derive(move || t.get(state.lang()).to_owned());
    let funnel = chart(figures::funnel);
    let lost = chart(|d, _, l| figures::lost(d, l));
    let hunters = chart(figures::hunters);
    let plan = chart(figures::plan_fact);
    let forecast = chart(figures::forecast);
    let base = chart(|d, _, l| figures::base(d, l));
    let overall = move || {
        let lang = state.lang();
        data.with(|d| {
            let f = &d.funnel;
            let (first, last) = (
                f.stages.first().map_or(0, |s| s.reached),
                f.stages.last().map_or(0, |s| s.reached),
            );
            fill(
                PlanText::FunnelOverall.get(lang),
                &[
                    &last.to_string(),
                    &first.to_string(),
                    &permille_text(lang, f.overall_permille()),
                    &f.won.to_string(),
                    &f.won_amount.whole_rubles().to_string(),
                ],
            )
        })
    };
    let forecast_text = move || {
        let lang = state.lang();
        data.with(|d| {
            let f = &d.forecast;
            let money = |m: crate::domain::Money| m.whole_rubles().to_string();
            let mut text = fill(
                PlanText::ForecastLine.get(lang),
                &[&money(f.fact), &money(f.weighted), &money(f.total())],
            );
            if let Some(p) = percent(f.plan.kopecks(), f.total().kopecks()) {
                text.push(' ');
                text.push_str(&fill(
                    PlanText::ForecastPlan.get(lang),
                    &[&money(f.plan), &format!("{p}\u{a0}%")],
                ));
            }
            text
        })
    };
    view! {
        <div class="panel overview-panel overview-panel-wide" data-testid="overview-funnel">
            <h2>{state.text(PlanText::FunnelTitle)}</h2>
            <p class="hint">{state.text(PlanText::FunnelHint)}</p>
            <p data-testid="funnel-overall">{overall}</p>
            <div class="overview-director-pair">
                <BarChart key="funnel" title=title(PlanText::FunnelTitle) data=funnel funnel=true/>
                <div>
                    <h3 class="overview-director-sub">{state.text(PlanText::LostTitle)}</h3>
                    <BarChart key="lost" title=title(PlanText::LostTitle) data=lost/>
                </div>
            </div>
            <h3 class="overview-director-sub">{state.text(PlanText::HuntersTitle)}</h3>
            <div class="table-wrap" data-testid="hunters-table" tabindex="0" role="region"
                aria-label=state.text(PlanText::HuntersTitle)>
                <DataTable title=title(PlanText::HuntersTitle) data=hunters/>
            </div>
        </div>
        <div class="panel overview-panel overview-panel-wide" data-testid="overview-plan">
            <h2>{state.text(PlanText::PlanTitle)}</h2>
            <p class="hint">{state.text(PlanText::PlanHint)}</p>
            <BarChart key="plan" title=title(PlanText::PlanTitle) data=plan/>
            <div class="overview-director-table overview-director-cards" data-testid="plan-table" role="region"
                aria-label=state.text(PlanText::PlanTitle)>
                <DataTable title=title(PlanText::PlanTitle) data=plan/>
            </div>
        </div>
        <div class="panel overview-panel" data-testid="overview-forecast">
            <h2>{state.text(PlanText::ForecastTitle)}</h2>
            <p class="hint">{state.text(PlanText::ForecastHint)}</p>
            <p data-testid="forecast-line">{forecast_text}</p>
            <BarChart key="forecast" title=title(PlanText::ForecastTitle) data=forecast/>
        </div>
        <div class="panel overview-panel" data-testid="overview-base">
            <h2>{state.text(PlanText::BaseTitle)}</h2>
            <p class="hint">{state.text(PlanText::BaseHint)}</p>
            <BarChart key="base" title=title(PlanText::BaseTitle) data=base/>
        </div>
    }
}
