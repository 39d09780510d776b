use super::badge::verdict_code;
use crate::domain::qualification::Verdict;
use crate::i18n::{verdict_name, Text};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A verdict filter: `None` any, `Some(None)` never assessed, `Some(Some(v))` one verdict.
pub type VerdictChoice = Option<Option<Verdict>>;

fn choice_from_code(code: &str) -> VerdictChoice {
    match code {
        "" => None,
        "none" => Some(None),
        _ => Verdict::ALL
            .into_iter()
            .find(|v| verdict_code(Some(*v)) == code)
            .map(Some),
    }
}

/// The labelled «Квалификация» select used by the board and the client list.
#[component]
pub fn VerdictFilter(
    /// The chosen filter.
    value: RwSignal<VerdictChoice>,
    /// The test hook of the `<select>`.
    testid: &'static str,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field">
            <span>{state.text(Text::FilterVerdict)}</span>
            <select data-testid=testid
                prop:value=move || match value.get() { None => "", Some(v) => verdict_code(v) }
                on:change=move |ev| value.set(choice_from_code(&event_target_value(&ev)))>
                <option value="">{state.text(Text::Any)}</option>
                <option value="none">{state.text(Text::NotAssessed)}</option>
                {Verdict::ALL.map(|v| view! {
                    <option value=verdict_code(Some(v))>{move || verdict_name(state.lang(), v)}</option>
                })}
            </select>
        </label>
    }
}
