use crate::domain::qualification::{Score, Verdict};
use crate::i18n::{verdict_name, Text};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A stable code for a verdict, for CSS classes, test hooks and filter values.
pub fn verdict_code(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        None => "none",
        Some(Verdict::Unqualified) => "unqualified",
        Some(Verdict::Nurture) => "nurture",
        Some(Verdict::Qualified) => "qualified",
        Some(Verdict::Priority) => "priority",
    }
}

/// Score and verdict in words (never colour alone): «9/16 · квалифицирован».
#[component]
pub fn VerdictBadge(
    /// The score, or `None` for a lead never assessed.
    score: Option<Score>,
) -> impl IntoView {
    let state = use_app();
    let verdict = score.as_ref().map(|s| s.verdict);
    let text = move || match &score {
        Some(s) => format!(
            "{}/{} · {}",
            s.points,
            s.max,
            verdict_name(state.lang(), s.verdict)
        ),
        None => state.tr(Text::NotAssessed).to_owned(),
    };
    view! {
        <span class=format!("qualification-verdict qualification-verdict-{}", verdict_code(verdict))
            data-verdict=verdict_code(verdict) title=state.text(Text::QualificationTitle)>
            {text}
        </span>
    }
}
