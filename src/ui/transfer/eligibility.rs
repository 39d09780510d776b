use crate::domain::transfer::{Eligibility, TransferRule};
use crate::i18n::sales::{combinator_name, condition_label, outcome_text};
use crate::i18n::{fill, SalesText, Translate};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Every condition of `rule` with a tick or a cross and the actual figures, so a user sees why
/// a client is or is not eligible («заказов 2 из 3»).
#[component]
pub fn EligibilityList(
    /// The rule the outcomes belong to (the rule in force, or the one recorded in the log).
    rule: TransferRule,
    /// One outcome per condition of `rule`.
    eligibility: Eligibility,
) -> impl IntoView {
    let state = use_app();
    // Words follow the language switch; the figures are fixed by the caller.
    let rule = StoredValue::new(rule);
    let eligibility = StoredValue::new(eligibility);
    let items = move || {
        let lang = state.lang();
        rule.with_value(|rule| {
            eligibility.with_value(|eligibility| {
                state.ws.with_untracked(|ws| {
                    rule.conditions
                        .iter()
                        .zip(&eligibility.outcomes)
                        .map(|(c, o)| {
                            (
                                o.holds(),
                                condition_label(lang, c, ws),
                                outcome_text(lang, o),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let combined = move || {
        let lang = state.lang();
        fill(
            SalesText::RuleCombinedBy.get(lang),
            &[combinator_name(lang, rule.with_value(|r| r.combinator))],
        )
    };
    view! {
        <div class="transfer-eligibility">
            <p class="muted">{combined}</p>
            <ul class="transfer-conditions">
                {move || items().into_iter().map(|(holds, label, figures)| view! {
                    <li class:transfer-condition-met=holds class:transfer-condition-unmet=!holds data-testid="condition">
                        <span class="transfer-condition-mark" aria-hidden="true">{if holds { "✓" } else { "✗" }}</span>
                        <span class="transfer-condition-label">{label}</span>
                        <span class="transfer-condition-figures" data-testid="condition-figures">{figures}</span>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
