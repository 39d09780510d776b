use super::badge::VerdictBadge;
use crate::domain::dates::format_date;
use crate::domain::qualification::score;
use crate::domain::Id;
use crate::i18n::Text;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Every assessment of a deal, newest first, with a small chart of the score over time.
#[component]
pub fn AssessmentHistory(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| {
        state.ws.with(|ws| {
            let mut rows: Vec<_> = ws
                .assessments_of(&deal_id)
                .map(|a| {
                    let who = ws
                        .member(&a.assessor_id)
                        .map(|m| m.name.clone())
                        .unwrap_or_else(|| state.tr(Text::FormerMember).to_owned());
                    (a.created_at, who, score(&ws.scoring_model, a))
                })
                .collect();
            crate::domain::sort::sort_by_key(&mut rows, |r| std::cmp::Reverse(r.0));
            rows
        })
    });
    let chart = move || {
        rows.with(|rows| {
            if rows.len() < 2 {
                return None;
            }
            let max = rows.iter().map(|r| r.2.max).max().unwrap_or(1).max(1) as f64;
            let n = rows.len() - 1;
            let points: Vec<String> = rows
                .iter()
                .rev()
                .enumerate()
                .map(|(i, r)| {
                    let x = 4.0 + 112.0 * i as f64 / n as f64;
                    let y = 28.0 - 24.0 * r.2.points as f64 / max;
                    format!("{x:.1},{y:.1}")
                })
                .collect();
            Some(view! {
                <svg class="qualification-score-chart" viewBox="0 0 120 32" role="img"
                    aria-label=state.tr(Text::ScoreOverTime)>
                    <polyline points=points.join(" ") fill="none" stroke="currentColor" stroke-width="2"/>
                </svg>
            })
        })
    };
    view! {
        <div class="qualification-history" data-testid="assessment-history">
            <h4>{state.text(Text::AssessmentHistory)} {chart}</h4>
            <ol>
                <For each=move || rows.get() key=|r| (r.0, r.2.points, r.2.max, r.2.verdict) let((at, who, s))>
                    <li>
                        <time>{format_date(crate::ui::clock::date_of(at))}</time>" · "{who}" · "<VerdictBadge score=Some(s)/>
                    </li>
                </For>
            </ol>
        </div>
    }
}
