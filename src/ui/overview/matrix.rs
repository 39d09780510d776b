//! The ABC × XYZ matrix: nine cells with their client count and revenue, shaded by how many
//! clients they hold; a cell opens the list of its clients, thirty at a time.

use super::exports::cell_table;
use crate::domain::dashboard::{Abc, AbcXyz, Xyz};
use crate::domain::money::Money;
use crate::i18n::{fill, DashText, Text, Translate};
use crate::route::{href, Route};
use crate::ui::state::use_app;
use crate::ui::table_export::TableExport;
use leptos::prelude::*;

/// Clients listed before «Показать ещё».
const PER_PAGE: usize = 30;

fn abc_name(a: Abc) -> &'static str {
    match a {
        Abc::A => "A",
        Abc::B => "B",
        Abc::C => "C",
    }
}

fn xyz_name(x: Xyz) -> &'static str {
    match x {
        Xyz::X => "X",
        Xyz::Y => "Y",
        Xyz::Z => "Z",
    }
}

/// The matrix of `matrix` with the list of the chosen cell's clients.
#[component]
pub fn Matrix(#[prop(into)] matrix: Signal<AbcXyz>) -> impl IntoView {
    let state = use_app();
    let open: RwSignal<Option<(Abc, Xyz)>> = RwSignal::new(None);
    let shown = RwSignal::new(PER_PAGE);
    let largest = move || {
        matrix.with(|m| {
            m.cells
                .iter()
                .flatten()
                .map(|c| c.clients.len())
                .max()
                .unwrap_or(0)
        })
    };
    let cell_view = move |a: Abc, x: Xyz| {
        let name = format!("{}{}", abc_name(a), xyz_name(x));
        let figures = move || matrix.with(|m| (m.cell(a, x).clients.len(), m.cell(a, x).revenue));
        let heat = move || {
            let (n, _) = figures();
            let max = largest().max(1);
            // 0 for an empty cell, then 1 to 4 by the share of the fullest cell.
            if n == 0 {
                0
            } else {
                1 + (n * 3).div_ceil(max).min(3)
            }
        };
        let testid = format!("matrix-{name}");
        view! {
            <td>
                <button type="button" class=move || format!("overview-cell overview-heat-{}", heat())
                    class:overview-cell-open=move || open.get() == Some((a, x))
                    aria-pressed=move || (open.get() == Some((a, x))).to_string()
                    data-testid=testid
                    on:click=move |_| {
                        shown.set(PER_PAGE);
                        open.update(|o| *o = if *o == Some((a, x)) { None } else { Some((a, x)) });
                    }>
                    <span class="visually-hidden">{format!("{name}: ")}</span>
                    <span class="overview-cell-count">{move || figures().0}</span>
                    <span class="overview-cell-revenue">{move || figures().1.whole_rubles().to_string()}</span>
                </button>
            </td>
        }
    };
    view! {
        <div class="overview-matrix-wrap">
            <table class="overview-matrix" data-testid="abc-matrix">
                <caption class="visually-hidden">{state.text(DashText::MatrixTitle)}</caption>
                <thead><tr>
                    <td></td>
                    {Xyz::ALL.into_iter().map(|x| view! { <th scope="col">{xyz_name(x)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {Abc::ALL.into_iter().map(|a| view! {
                        <tr>
                            <th scope="row">{abc_name(a)}</th>
                            {Xyz::ALL.into_iter().map(|x| cell_view(a, x)).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="hint" data-testid="matrix-total">{move || {
            let lang = state.lang();
            matrix.with(|m| fill(DashText::MatrixTotal.get(lang), &[&m.clients().to_string(), &m.revenue.whole_rubles().to_string()]))
        }}</p>
        {move || open.get().map(|(a, x)| {
            let name = format!("{}{}", abc_name(a), xyz_name(x));
            view! { <CellList matrix a x name shown close=move || open.set(None)/> }
        })}
    }
}

/// The clients of one cell, biggest revenue first, with links to their cards.
#[component]
fn CellList(
    matrix: Signal<AbcXyz>,
    a: Abc,
    x: Xyz,
    name: String,
    shown: RwSignal<usize>,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let sheet_name = name.clone();
    let title = Signal::derive(move || fill(state.tr(DashText::MatrixClients), &[&name]));
    let rows = move || {
        let limit = shown.get();
        state.ws.with(|ws| {
            matrix.with(|m| {
                m.cell(a, x)
                    .clients
                    .iter()
                    .take(limit)
                    .map(|c| {
                        let client_name = ws
                            .client(&c.client_id)
                            .map_or_else(|| c.client_id.to_string(), |cl| cl.name.clone());
                        let cv = c
                            .cv_bp
                            .map_or_else(|| "—".to_owned(), |bp| format!("{} %", (bp + 50) / 100));
                        (c.client_id.clone(), client_name, c.revenue, cv)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let total = move || matrix.with(|m| m.cell(a, x).clients.len());
    // Every client of the cell, not only those listed so far.
    let export = Callback::new(move |_: ()| {
        state.ws.with_untracked(|ws| {
            matrix.with_untracked(|m| cell_table(m.cell(a, x), &sheet_name, ws, state.lang()))
        })
    });
    view! {
        <section class="overview-cell-list" data-testid="matrix-list" aria-label=title>
            <div class="overview-cell-list-head">
                <h3>{title}</h3>
                <TableExport key="matrix-cell" table=export/>
                <button type="button" class="link" on:click=move |_| close()>{state.text(DashText::CloseList)}</button>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label=title>
                <table class="metrics stacked">
                    <thead><tr>
                        <th scope="col">{state.text(DashText::ColClient)}</th>
                        <th scope="col">{state.text(DashText::ColRevenue)}</th>
                        <th scope="col">{state.text(DashText::ColVariation)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|(id, client_name, revenue, cv): (_, String, Money, String)| view! {
                            <tr data-testid="matrix-client">
                                <th scope="row"><a href=href(&Route::Client(id))>{client_name}</a></th>
                                <td data-label=state.text(DashText::ColRevenue)>{revenue.whole_rubles().to_string()}</td>
                                <td data-label=state.text(DashText::ColVariation)>{cv}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Show when=move || { shown.get() < total() }>
                <button type="button" on:click=move |_| shown.update(|s| *s += PER_PAGE)>
                    {move || fill(state.tr(Text::ShowMore), &[&(total() - shown.get().min(total())).to_string()])}
                </button>
            </Show>
        </section>
    }
}
