//! The dashboard's own small SVG chart: horizontal bars (one row per month or per rep, stacked
//! when there are several series), with a text title, an accessible description, and its numbers
//! as a table — visually hidden for screen readers, shown with «Таблица», downloadable as CSV.

use crate::domain::dashboard::csv::to_csv;
use crate::i18n::DashText;
use crate::i18n::SheetText;
use crate::sheet::guess::table_from_texts;
use crate::ui::download::download_text;
use crate::ui::state::use_app;
use crate::ui::table_export::download_xlsx;
use leptos::prelude::*;

/// Width of the drawing in SVG units; it scales to the panel's width.
const WIDTH: u32 = 360;
/// Height of one row: the label line and the bar under it.
const ROW: u32 = 34;

/// One row of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What the row is: a month, a rep.
    pub label: String,
    /// One value per series (a single one for plain bars); drawn stacked.
    pub values: Vec<u64>,
    /// The value in words, shown at the row's end («1 234 ₽», «3»).
    pub text: String,
}

/// A chart and the table of its numbers.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartData {
    /// The rows, top to bottom.
    pub bars: Vec<Bar>,
    /// The series' names, for the legend of a stacked chart (empty for plain bars).
    pub series: Vec<String>,
    /// The table's column headings.
    pub columns: Vec<String>,
    /// The table's rows (the first cell heads the row).
    pub rows: Vec<Vec<String>>,
}

/// A titled chart of horizontal bars with its description and table. `key` makes the ids of
/// its title and description unique on the page and names its CSV file. With `funnel` the bars
/// are centred under their labels, each as wide as its value: a funnel narrowing down.
#[component]
pub fn BarChart(
    key: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] data: Signal<ChartData>,
    #[prop(optional)] funnel: bool,
) -> impl IntoView {
    let state = use_app();
    let shown = RwSignal::new(false);
    let title_id = format!("overview-{key}-title");
    let desc_id = format!("overview-{key}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let description = move || {
        data.with(|d| {
            d.bars
                .iter()
                .map(|b| format!("{}: {}", b.label, b.text))
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    let height = move || data.with(|d| d.bars.len().max(1) as u32 * ROW + 4);
    let download = move |_| {
        let csv = data.with(|d| {
            let mut all = vec![d.columns.clone()];
            all.extend(d.rows.iter().cloned());
            to_csv(&all)
        });
        download_text(
            &format!("salesdesk-{key}.csv"),
            &csv,
            "text/csv;charset=utf-8",
        );
    };
    // The same table as a workbook: its shown amounts and counts become numbers again.
    let xlsx = move |_| {
        let table = data.with(|d| table_from_texts(&title.get_untracked(), &d.columns, &d.rows));
        download_xlsx(state, key, &table);
    };
    view! {
        <figure class="overview-chart" data-testid=format!("chart-{key}")>
            <figcaption class="visually-hidden">{move || title.get()}</figcaption>
            <Show when=move || data.with(|d| !d.bars.is_empty())
                fallback=move || view! { <p class="muted">{state.text(DashText::Empty)}</p> }>
                <svg class="overview-chart-svg" role="img" aria-labelledby=labelled.clone()
                    viewBox=move || format!("0 0 {WIDTH} {}", height())
                    preserveAspectRatio="xMinYMin meet">
                    <title id=title_id.clone()>{move || title.get()}</title>
                    <desc id=desc_id.clone()>{description}</desc>
                    {move || bars_view(&data.get(), funnel)}
                </svg>
                <Legend data/>
            </Show>
            <div class="overview-chart-tools">
                <button type="button" class="link" aria-expanded=move || shown.get().to_string()
                    on:click=move |_| shown.update(|s| *s = !*s)>
                    {move || state.tr(if shown.get() { DashText::HideTable } else { DashText::ShowTable })}
                </button>
                <button type="button" class="link" on:click=download data-testid=format!("csv-{key}")>
                    {state.text(DashText::DownloadCsv)}
                </button>
                <button type="button" class="link" on:click=xlsx data-testid=format!("xlsx-{key}")>
                    {state.text(SheetText::DownloadXlsx)}
                </button>
            </div>
            // Scrolls (and takes the focus, for the keyboard) only while shown: hidden, it is
            // for screen readers, which read it without scrolling.
            <div class="overview-chart-table" class:table-wrap=move || shown.get()
                class:visually-hidden=move || !shown.get() role="region" aria-label=move || title.get()
                tabindex=move || shown.get().then_some("0")>
                <DataTable title data/>
            </div>
        </figure>
    }
}

/// The numbers of a chart as a table with a caption.
#[component]
pub fn DataTable(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] data: Signal<ChartData>,
) -> impl IntoView {
    view! {
        <table class="metrics stacked">
            <caption class="visually-hidden">{move || title.get()}</caption>
            <thead><tr>
                {move || data.with(|d| d.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view())}
            </tr></thead>
            <tbody>
                {move || data.with(|d| d.rows.iter().map(|row| {
                    let mut cells = row.iter();
                    let head = cells.next().cloned().unwrap_or_default();
                    // Each value names its column, for the stacked layout on a phone.
                    let labels = d.columns.iter().skip(1).cloned();
                    view! {
                        <tr>
                            <th scope="row">{head}</th>
                            {cells.zip(labels).map(|(c, label)| view! { <td data-label=label>{c.clone()}</td> }).collect_view()}
                        </tr>
                    }
                }).collect_view())}
            </tbody>
        </table>
    }
}

/// The series' colours and names under a stacked chart.
#[component]
fn Legend(#[prop(into)] data: Signal<ChartData>) -> impl IntoView {
    view! {
        <ul class="overview-legend" aria-hidden="true">
            {move || data.with(|d| d.series.iter().enumerate().map(|(i, name)| view! {
                <li><span class=format!("overview-swatch overview-seg-{i}")></span>{name.clone()}</li>
            }).collect_view())}
        </ul>
    }
}

/// The rows: label on the left and value on the right of one line, the bar under them, its
/// length relative to the longest row.
fn bars_view(data: &ChartData, funnel: bool) -> impl IntoView {
    let max = data
        .bars
        .iter()
        .map(|b| b.values.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    data.bars
        .iter()
        .enumerate()
        .map(|(row, bar)| {
            let y = row as u32 * ROW;
            // Positions in tenths of a unit, in integers (no float formatting in the wasm). A
            // funnel's bar starts where it is centred.
            let total: u64 = bar.values.iter().sum();
            let width = total.saturating_mul(u64::from(WIDTH) * 10) / max;
            let mut x: u64 = if funnel { (u64::from(WIDTH) * 10 - width) / 2 } else { 0 };
            let tenths = |t: u64| format!("{}.{}", t / 10, t % 10);
            let segments = bar
                .values
                .iter()
                .enumerate()
                .filter(|(_, v)| **v > 0)
                .map(|(i, v)| {
                    let w = v.saturating_mul(u64::from(WIDTH) * 10) / max;
                    let seg = view! {
                        <rect class=format!("overview-seg-{i}") x=tenths(x) y=y + 17
                            width=tenths(w.max(10)) height="11" rx="2"/>
                    };
                    x += w;
                    seg
                })
                .collect_view();
            view! {
                <g>
                    <text class="overview-chart-label" x="0" y=y + 12>{bar.label.clone()}</text>
                    <text class="overview-chart-value" x=WIDTH y=y + 12 text-anchor="end">{bar.text.clone()}</text>
                    <rect class="overview-chart-track" x="0" y=y + 17 width=WIDTH height="11" rx="2"
                        visibility=if funnel { "hidden" } else { "visible" }/>
                    {segments}
                </g>
            }
        })
        .collect_view()
}
