use crate::domain::metrics::Period;
use crate::domain::qualification::Verdict;
use crate::domain::views::team_view::{team_view, RowFigures};
use crate::domain::Workspace;
use crate::i18n::SheetText;
use crate::i18n::{fill, role_name, stage_name, verdict_name, Lang, SnapshotText, Text, Translate};
use crate::sheet::{Cell, Column, Kind, Table};
use crate::ui::state::use_app;
use crate::ui::table_export::TableExport;
use leptos::prelude::*;

/// Days the summary's transfer counts and farmer revenue look back.
const SUMMARY_DAYS: u32 = 90;

/// Per team member and for the team: pipeline by stage, BANT verdicts, clients ready for a
/// farmer, transfers given and received, farmer revenue. Shows `workspace` (the director's own
/// data, or a snapshot opened read-only).
#[component]
pub fn TeamSummary(#[prop(into)] workspace: Signal<Workspace>) -> impl IntoView {
    let state = use_app();
    let view_data = Memo::new(move |_| {
        let today = state.today();
        let from = today - chrono::Duration::days(i64::from(SUMMARY_DAYS) - 1);
        let period = Period::new(from, today).unwrap_or_else(|_| Period::last_months(today, 3));
        workspace.with(|ws| {
            let lang = state.lang();
            let view = team_view(ws, today, period);
            let stages: Vec<String> = ws.stages.iter().map(|s| stage_name(lang, s)).collect();
            let mut rows: Vec<(String, String, RowFigures)> = view
                .members
                .into_iter()
                .map(|row| {
                    let name = ws
                        .member(&row.member_id)
                        .map(|m| m.name.clone())
                        .unwrap_or_default();
                    (name, role_name(lang, row.role).to_owned(), row.figures)
                })
                .collect();
            rows.push((
                SnapshotText::SumTotal.get(lang).to_owned(),
                String::new(),
                view.total,
            ));
            (stages, rows)
        })
    });
    let export =
        Callback::new(move |_: ()| summary_table(state.lang(), &view_data.get_untracked().1));
    view! {
        <div class="panel team-summary" data-testid="team-summary">
            <h2>{state.text(SnapshotText::SummaryTitle)}</h2>
            <TableExport key="team-summary" table=export/>
            <p class="hint">{state.text(SnapshotText::SummaryHint)}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=state.text(SnapshotText::SummaryTitle)>
                <table class="metrics stacked">
                    <thead><tr>
                        <th scope="col">{state.text(SnapshotText::SumMember)}</th>
                        <th scope="col">{state.text(SnapshotText::SumPipeline)}</th>
                        <th scope="col">{state.text(SnapshotText::SumPipelineAmount)}</th>
                        <th scope="col">{move || verdicts_heading(state.lang())}</th>
                        <th scope="col">{state.text(crate::i18n::DealText::SumClosed)}</th>
                        <th scope="col">{state.text(SnapshotText::SumReady)}</th>
                        <th scope="col">{state.text(SnapshotText::SumGiven)}</th>
                        <th scope="col">{state.text(SnapshotText::SumReceived)}</th>
                        <th scope="col">{state.text(SnapshotText::SumFarmerRevenue)}</th>
                    </tr></thead>
                    <tbody>
                        {move || view_data.get().1.into_iter().map(|(name, role, f)| {
                            let deals: u32 = f.pipeline.iter().map(|s| s.deals).sum();
                            let amount: crate::domain::Money = f.pipeline.iter().map(|s| s.amount).sum();
                            let v = &f.verdicts;
                            let verdicts = format!("{} / {} / {} / {} / {}", v.priority, v.qualified, v.nurture, v.unqualified, v.unassessed);
                            let revenue = f.farmer.as_ref().map_or_else(|| "—".to_owned(), |m| m.revenue.whole_rubles().to_string());
                            view! {
                                <tr data-testid="summary-row">
                                    <th scope="row">{name}<br/><span class="muted">{role}</span></th>
                                    <td data-label=state.text(SnapshotText::SumPipeline)>{deals}</td>
                                    <td data-label=state.text(SnapshotText::SumPipelineAmount)>{amount.whole_rubles().to_string()}</td>
                                    <td data-label=move || verdicts_heading(state.lang())>{verdicts}</td>
                                    <td data-label=state.text(crate::i18n::DealText::SumClosed) data-testid="summary-closed">{format!("{} / {}", f.closed.won, f.closed.lost)}</td>
                                    <td data-label=state.text(SnapshotText::SumReady)>{f.ready_for_transfer}</td>
                                    <td data-label=state.text(SnapshotText::SumGiven)>{format!("{} / {}", f.transfers_given.in_period, f.transfers_given.all_time)}</td>
                                    <td data-label=state.text(SnapshotText::SumReceived)>{format!("{} / {}", f.transfers_received.in_period, f.transfers_received.all_time)}</td>
                                    <td data-label=state.text(SnapshotText::SumFarmerRevenue)>{revenue}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <details>
                <summary>{state.text(SnapshotText::SumByStage)}</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label=state.text(SnapshotText::SumByStage)>
                    <table class="metrics stacked" data-testid="summary-stages">
                        <thead><tr>
                            <th scope="col">{state.text(SnapshotText::SumMember)}</th>
                            {move || view_data.get().0.into_iter().map(|s| view! { <th scope="col">{s}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {move || {
                                let (stages, rows) = view_data.get();
                                rows.into_iter().map(|(name, _, f)| view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        {f.pipeline.into_iter().zip(stages.clone()).map(|(s, stage)| view! {
                                            <td data-label=stage>{s.deals}</td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}

/// The summary as a table to download: counts and amounts as numbers, the paired figures
/// («won / lost») as the screen shows them.
fn summary_table(lang: Lang, rows: &[(String, String, RowFigures)]) -> Table {
    use Kind::{Integer as I, Money as M, Text as T};
    let mut columns = vec![
        Column::new(SnapshotText::SumMember.get(lang), T),
        Column::new(SheetText::Role.get(lang), T),
        Column::new(SnapshotText::SumPipeline.get(lang), I),
        Column::new(SnapshotText::SumPipelineAmount.get(lang), M),
        Column::new(verdicts_heading(lang), T),
    ];
    for (h, k) in [
        (crate::i18n::DealText::SumClosed.get(lang), T),
        (SnapshotText::SumReady.get(lang), I),
        (SnapshotText::SumGiven.get(lang), T),
        (SnapshotText::SumReceived.get(lang), T),
        (SnapshotText::SumFarmerRevenue.get(lang), M),
    ] {
        columns.push(Column::new(h, k));
    }
    let rows = rows
        .iter()
        .map(|(name, role, f)| {
            let v = &f.verdicts;
            vec![
                Cell::Text(name.clone()),
                Cell::Text(role.clone()),
                Cell::Integer(f.pipeline.iter().map(|s| i64::from(s.deals)).sum()),
                Cell::Money(f.pipeline.iter().map(|s| s.amount).sum()),
                Cell::Text(format!(
                    "{} / {} / {} / {} / {}",
                    v.priority, v.qualified, v.nurture, v.unqualified, v.unassessed
                )),
                Cell::Text(format!("{} / {}", f.closed.won, f.closed.lost)),
                Cell::Integer(i64::from(f.ready_for_transfer)),
                Cell::Text(format!(
                    "{} / {}",
                    f.transfers_given.in_period, f.transfers_given.all_time
                )),
                Cell::Text(format!(
                    "{} / {}",
                    f.transfers_received.in_period, f.transfers_received.all_time
                )),
                f.farmer
                    .as_ref()
                    .map_or(Cell::Empty, |m| Cell::Money(m.revenue)),
            ]
        })
        .collect();
    Table {
        name: SheetText::SummarySheet.get(lang).to_owned(),
        columns,
        rows,
    }
}

/// The verdicts column's heading, with the verdicts' names exactly as the badges show them, in
/// the order of the column's figures.
fn verdicts_heading(lang: Lang) -> String {
    let names = [
        verdict_name(lang, Verdict::Priority),
        verdict_name(lang, Verdict::Qualified),
        verdict_name(lang, Verdict::Nurture),
        verdict_name(lang, Verdict::Unqualified),
        Text::NotAssessed.get(lang),
    ];
    fill(SnapshotText::SumVerdicts.get(lang), &[&names.join(" / ")])
}
