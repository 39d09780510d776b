//! The head of a client card and its folding sections. On a phone the card opens with the
//! summary (status, owner, next step, last order, hand-over) and every section folded, so the
//! person sees the client in one screen and unfolds what she needs; on wider screens the
//! sections start unfolded and the card reads as before.

use crate::domain::dates::format_date;
use crate::domain::orders::ClientHistory;
use crate::domain::transfer::evaluate;
use crate::domain::views::client_summary::client_summary;
use crate::domain::Id;
use crate::i18n::{fill, status_name, PlaybookText, SalesText};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The widest viewport on which sections start folded (the stylesheets' phone breakpoint).
const PHONE_MAX_PX: f64 = 640.0;

/// Whether the screen is a phone's, read once when a card opens: the layout viewport's width,
/// which is what the stylesheets' media queries see (a phone's `innerWidth` grows when it zooms
/// out).
pub fn is_phone() -> bool {
    document()
        .document_element()
        .is_some_and(|root| f64::from(root.client_width()) <= PHONE_MAX_PX)
}

/// The summary of client `client_id`.
#[component]
pub fn ClientSummaryPanel(client_id: Id, history: Memo<ClientHistory>) -> impl IntoView {
    let state = use_app();
    let summary = {
        let id = client_id.clone();
        Memo::new(move |_| state.ws.with(|ws| client_summary(ws, &id)))
    };
    let status = {
        let id = client_id.clone();
        move || {
            state.ws.with(|ws| {
                ws.client(&id)
                    .map(|c| status_name(state.lang(), c.status).to_owned())
                    .unwrap_or_default()
            })
        }
    };
    let transfer = {
        let id = client_id.clone();
        move || {
            let farmer = state.ws.with(|ws| {
                ws.is_with_farmer(&id)
                    .then(|| {
                        ws.client(&id)
                            .and_then(|c| ws.member(&c.owner_id))
                            .map(|m| m.name.clone())
                    })
                    .flatten()
            });
            match farmer {
                Some(name) => fill(state.tr(SalesText::WithFarmer), &[&name]),
                None => {
                    let eligible = history.with(|h| {
                        state.ws.with(|ws| {
                            evaluate(&ws.transfer_policy.rule, h, state.today()).eligible
                        })
                    });
                    let key = if eligible {
                        SalesText::EligibleYes
                    } else {
                        SalesText::EligibleNo
                    };
                    state.tr(key).to_owned()
                }
            }
        }
    };
    let next = move || {
        summary.with(|s| match s.as_ref().and_then(|s| s.next_step.as_ref()) {
            Some(step) => {
                let date = step
                    .date
                    .map(|d| format!("{} · ", format_date(d)))
                    .unwrap_or_default();
                format!("{date}{} ({})", step.text, step.deal)
            }
            None => state.tr(PlaybookText::SummaryNoNextStep).to_owned(),
        })
    };
    let last_order = move || {
        summary.with(|s| match s.as_ref().and_then(|s| s.last_order) {
            Some((date, total)) => format!("{} · {}", format_date(date), total),
            None => state.tr(PlaybookText::SummaryNoOrders).to_owned(),
        })
    };
    let owner = move || summary.with(|s| s.as_ref().map(|s| s.owner.clone()).unwrap_or_default());
    view! {
        <section class="panel client-card-summary" aria-labelledby="client-summary-title" data-testid="client-summary">
            <h2 id="client-summary-title" class="visually-hidden">{state.text(PlaybookText::SummaryTitle)}</h2>
            <dl class="client-card-summary-list">
                <div><dt>{state.text(PlaybookText::SummaryStatus)}</dt><dd>{status}</dd></div>
                <div><dt>{state.text(PlaybookText::SummaryOwner)}</dt><dd>{owner}</dd></div>
                <div><dt>{state.text(PlaybookText::SummaryNextStep)}</dt><dd data-testid="summary-next-step">{next}</dd></div>
                <div><dt>{state.text(PlaybookText::SummaryLastOrder)}</dt><dd data-testid="summary-last-order">{last_order}</dd></div>
                <div><dt>{state.text(PlaybookText::SummaryTransfer)}</dt><dd>{transfer}</dd></div>
            </dl>
        </section>
    }
}

/// A section of the card that folds: folded on a phone when the card opens, unfolded on wider
/// screens.
#[component]
pub fn CardSection(
    /// The section's heading, e.g. «Сделки: 2 (в работе 1)».
    #[prop(into)]
    title: Signal<String>,
    /// For tests: `section-<name>`.
    name: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="client-card-section" open=!is_phone() data-testid=format!("section-{name}")>
            <summary class="client-card-section-title">{move || title.get()}</summary>
            {children()}
        </details>
    }
}
