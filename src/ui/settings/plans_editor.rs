//! The director's monthly sales plans: a grid of reps' measures (hunters: first sales count and
//! amount; farmers: revenue) by month, three months at a time. Only the cells the director typed
//! in are saved (a patch), so a plan changed meanwhile in another tab or file is kept.

use crate::domain::orders::calendar::YearMonth;
use crate::domain::sales_plan::{parse_target, target_input, target_of, PlanKind};
use crate::domain::workspace::PlanCell;
use crate::domain::{Id, Role};
use crate::i18n::{describe_workspace_error, fill, DashText, PlanText, Translate};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Months shown at once.
const SHOWN: usize = 3;

type Key = (Id, YearMonth, PlanKind);

/// The measure's name.
pub fn kind_text(kind: PlanKind) -> PlanText {
    match kind {
        PlanKind::FirstSalesCount => PlanText::KindCount,
        PlanKind::FirstSalesAmount => PlanText::KindAmount,
        PlanKind::Revenue => PlanText::KindRevenue,
    }
}

fn months_from(start: YearMonth) -> Vec<YearMonth> {
    let mut out = vec![start];
    while out.len() < SHOWN {
        out.push(out[out.len() - 1].next());
    }
    out
}

/// The grid of plans, editable when `editable`.
#[component]
pub fn PlansEditor(editable: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let this_month = YearMonth::of(state.today_untracked());
    let start = RwSignal::new(this_month);
    // What the director typed, by cell; the rest shows the stored plan.
    let typed = RwSignal::new(BTreeMap::<Key, String>::new());
    let failure = RwSignal::new(None::<String>);
    let rows = Memo::new(move |_| {
        state.ws.with(|ws| {
            let mut out = Vec::new();
            for (role, kinds) in [
                (
                    Role::Hunter,
                    &[PlanKind::FirstSalesCount, PlanKind::FirstSalesAmount][..],
                ),
                (Role::Farmer, &[PlanKind::Revenue][..]),
            ] {
                for m in ws.members.iter().filter(|m| m.role() == role) {
                    out.extend(kinds.iter().map(|&k| (m.id.clone(), m.name.clone(), k)));
                }
            }
            out
        })
    });
    let starts = {
        let mut m = this_month;
        for _ in 0..3 {
            m = m.prev();
        }
        (0..12)
            .map(|_| {
                let here = m;
                m = m.next();
                here
            })
            .collect::<Vec<_>>()
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang();
        let mut cells = Vec::new();
        for ((member_id, month, kind), text) in typed.get_untracked() {
            let Some(target) = parse_target(kind, &text) else {
                let who = state
                    .ws
                    .with_untracked(|ws| ws.member(&member_id).map(|m| m.name.clone()))
                    .unwrap_or_default();
                let what = format!("{who}, {}", kind_text(kind).get(lang));
                let text = fill(
                    PlanText::PlansBadCell.get(lang),
                    &[&text, &what, &month.to_string()],
                );
                return failure.set(Some(text));
            };
            let now = state
                .ws
                .with_untracked(|ws| target_of(&ws.sales_plans, &member_id, month, kind));
            if now != target {
                cells.push(PlanCell {
                    member_id,
                    month,
                    kind,
                    target,
                });
            }
        }
        match state.change(|ws, now| ws.set_sales_plans(&cells, now)) {
            Ok(()) => {
                failure.set(None);
                typed.set(BTreeMap::new());
                state.notify(state.tr(PlanText::PlansSaved));
            }
            Err(e) => failure.set(Some(describe_workspace_error(lang, &e))),
        }
    };
    let head = move || {
        months_from(start.get())
            .into_iter()
            .map(|m| view! { <th scope="col">{m.to_string()}</th> })
            .collect_view()
    };
    let body = move || {
        let lang = state.lang();
        let months = months_from(start.get());
        rows.get()
            .into_iter()
            .map(|(id, name, kind)| {
                let what = kind_text(kind).get(lang);
                let cells = months
                    .iter()
                    .map(|&month| {
                        let key: Key = (id.clone(), month, kind);
                        let stored = {
                            let key = key.clone();
                            move || state.ws.with(|ws| target_input(kind, target_of(&ws.sales_plans, &key.0, month, kind)))
                        };
                        let value = {
                            let key = key.clone();
                            move || typed.with(|t| t.get(&key).cloned()).unwrap_or_else(&stored)
                        };
                        let label = format!("{name}, {what}, {month}");
                        let testid = format!("plan-{id}-{}-{}", crate::domain::sales_plan::month_key(month), kind.slug());
                        view! {
                            <td data-label=month.to_string()>
                                <input type="text" inputmode=if kind.is_money() { "decimal" } else { "numeric" }
                                    class="settings-plans-input" aria-label=label data-testid=testid
                                    prop:value=value
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        typed.update(|t| { t.insert(key.clone(), v); });
                                    }/>
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{name.clone()}</th>
                        <td data-label=PlanText::ColPlanKind.get(lang)>{what}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <form on:submit=save novalidate>
            <fieldset class="settings-pipeline-editor" prop:disabled=move || !editable.get() data-testid="plans-editor">
                <label class="field">
                    <span>{state.text(PlanText::PlansMonths)}</span>
                    <select data-testid="plans-start" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(m) = crate::domain::sales_plan::parse_month(&v) { start.set(m); }
                    }>
                        {starts.into_iter().map(|m| {
                            let last = months_from(m)[SHOWN - 1];
                            view! {
                                <option value=crate::domain::sales_plan::month_key(m) selected=move || start.get() == m>
                                    {format!("{m} – {last}")}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || rows.with(|r| !r.is_empty())
                    fallback=move || view! { <p class="muted">{state.text(PlanText::PlansNobody)}</p> }>
                    <div class="table-wrap settings-plans-wrap">
                        <table class="metrics stacked settings-plans" data-testid="plans-grid">
                            <caption class="visually-hidden">{state.text(PlanText::PlansTitle)}</caption>
                            <thead><tr>
                                <th scope="col">{state.text(DashText::ColRep)}</th>
                                <th scope="col">{state.text(PlanText::ColPlanKind)}</th>
                                {head}
                            </tr></thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                </Show>
                {move || failure.get().map(|f| view! { <p class="field-error" role="alert">{f}</p> })}
                <div class="form-actions">
                    <button type="submit" class="primary" data-testid="save-plans">{state.text(PlanText::PlansSave)}</button>
                </div>
            </fieldset>
        </form>
    }
}
