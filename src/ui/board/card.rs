use super::drag::{may_start, DragState};
use super::view_model::DealView;
use super::{BoardActions, FocusRequest};
use crate::domain::dates::format_date;
use crate::domain::workspace::StageStep;
use crate::domain::Id;
use crate::i18n::deals::{days_in_stage, stage_limit_text};
use crate::i18n::DealText;
use crate::i18n::{fill, Text};
use crate::route::{href, Route};
use crate::ui::deal_close::reopen;
use crate::ui::qualification::VerdictBadge;
use crate::ui::state::use_app;
use leptos::html;
use leptos::prelude::*;

/// One deal on the board.
#[component]
pub fn DealCard(deal: DealView, step: Callback<(Id, StageStep)>) -> impl IntoView {
    let state = use_app();
    let drag = expect_context::<DragState>();
    let focus = expect_context::<FocusRequest>();
    let back_ref = NodeRef::<html::Button>::new();
    let forward_ref = NodeRef::<html::Button>::new();

    // After a keyboard move the card is rebuilt in its new column; give it the focus back.
    {
        let id = deal.id.clone();
        Effect::new(move |_| {
            let Some((wanted, direction)) = focus.get() else {
                return;
            };
            if wanted != id {
                return;
            }
            let (first, second) = match direction {
                StageStep::Forward => (forward_ref.get(), back_ref.get()),
                StageStep::Back => (back_ref.get(), forward_ref.get()),
            };
            let target = first.filter(|b| !b.disabled()).or(second);
            if let Some(button) = target {
                let _ = button.focus();
                focus.set(None);
            }
        });
    }

    let is_dragged = {
        let id = deal.id.clone();
        move || {
            drag.current.with(|d| {
                d.as_ref()
                    .filter(|d| d.active && d.deal_id == id)
                    .map(|d| d.offset)
            })
        }
    };
    let is_closed = deal.closed.is_some();
    // With sync on, a colleague's deal is not offered to be moved, closed or reopened: the
    // server would refuse it. The reason is each refused button's title and accessible name.
    let rights = crate::ui::sync::Rights::new(state);
    let locked = {
        let owner = deal.owner_id.clone();
        Memo::new(move |_| rights.read_only("deals", Some(&owner)))
    };
    let on_pointerdown = {
        let id = deal.id.clone();
        move |ev: leptos::ev::PointerEvent| {
            // A closed deal is out of the pipeline: it is reopened, not dragged.
            if is_closed || ev.button() != 0 || !may_start(ev.target(), &ev.pointer_type()) {
                return;
            }
            if locked.with_untracked(Option::is_some) {
                return;
            }
            drag.press(id.clone(), ev.client_x() as f64, ev.client_y() as f64);
        }
    };
    let on_link_click = move |ev: leptos::ev::MouseEvent| {
        if drag.just_dropped.get_value() {
            ev.prevent_default();
        }
    };
    let step_button =
        |direction: StageStep, target: Option<String>, node: NodeRef<html::Button>| {
            let id = deal.id.clone();
            let (symbol, text) = match direction {
                StageStep::Back => ("◀", Text::MoveBack),
                StageStep::Forward => ("▶", Text::MoveForward),
            };
            let no_stage = target.is_none();
            let label = move || match (&target, locked.get()) {
                (_, Some(why)) => why,
                (Some(stage), None) => fill(state.tr(text), &[stage]),
                (None, None) => state.tr(Text::NoFurtherStage).to_owned(),
            };
            view! {
                <button type="button" class="board-card-step" node_ref=node
                    disabled=move || no_stage || locked.with(Option::is_some)
                    aria-label=label.clone() title=label
                    on:click=move |_| step.run((id.clone(), direction))>
                    {symbol}
                </button>
            }
        };
    let client_href = href(&Route::Client(deal.client_id.clone()));
    let next = deal.next_step_date.map(format_date);
    let overdue = deal.overdue && !is_closed;
    let has_next = !deal.next_step.is_empty() || next.is_some();
    let age = deal.age;
    let actions = expect_context::<BoardActions>();
    let open_close = {
        let id = deal.id.clone();
        move |_| actions.closing.set(Some(id.clone()))
    };
    let do_reopen = {
        let id = deal.id.clone();
        move |_| {
            if let Some(title) = reopen(state, &id) {
                let text = fill(state.tr(DealText::Reopened), &[&title]);
                actions.announcement.set(text.clone());
                state.notify(text);
            }
        }
    };
    let title_for_aria = deal.title.clone();
    let close_label = move || {
        locked
            .get()
            .unwrap_or_else(|| fill(state.tr(DealText::CloseDealAria), &[&title_for_aria]))
    };
    let title_for_reopen = deal.title.clone();
    let reopen_label = move || {
        locked
            .get()
            .unwrap_or_else(|| fill(state.tr(DealText::ReopenAria), &[&title_for_reopen]))
    };
    let is_locked = move || locked.with(Option::is_some);
    let closed_text = deal.closed.clone();

    view! {
        <article class="board-card" data-deal-id=deal.id.to_string()
            class:board-card-closed=is_closed class:board-card-stuck=age.stuck() && !is_closed
            class:board-card-locked=is_locked
            class:board-card-dragging={ let f = is_dragged.clone(); move || f().is_some() }
            style:transform=move || is_dragged().map(|(x, y)| format!("translate({x}px, {y}px) rotate(1.5deg)"))
            on:pointerdown=on_pointerdown>
            <span class="board-card-grip" aria-hidden="true">"⠿"</span>
            <a class="board-card-client" href=client_href on:click=on_link_click draggable="false">{deal.client_name.clone()}</a>
            <p class="board-card-title">{deal.title.clone()}</p>
            <p class="board-card-amount">{deal.amount.to_string()}</p>
            <VerdictBadge score=deal.score.clone()/>
            {match closed_text {
                Some(text) => view! { <p class="board-card-outcome" data-testid="deal-outcome">{text}</p> }.into_any(),
                None => view! {
                    <p class="board-card-age" data-testid="days-in-stage">
                        {move || days_in_stage(state.lang(), age.days)}
                        {age.stuck().then(|| view! {
                            " "<span class="badge badge-warn" data-testid="stuck"
                                title=move || stage_limit_text(state.lang(), age.limit.unwrap_or_default())>
                                {state.text(DealText::Stuck)}
                            </span>
                        })}
                    </p>
                }.into_any(),
            }}
            <Show when=move || has_next>
                <p class="board-card-next" class:board-card-overdue=overdue>
                    {next.clone().map(|d| view! { <time>{d}</time>" · " })}
                    {deal.next_step.clone()}
                    <Show when=move || overdue>
                        " "<span class="badge badge-warn">{state.text(Text::Overdue)}</span>
                    </Show>
                </p>
            </Show>
            {deal.no_next_step.then(|| view! {
                <p class="board-card-next"><span class="badge badge-warn" data-testid="no-next-step">{state.text(crate::i18n::TaskText::NoNextStep)}</span></p>
            })}
            <div class="board-card-foot">
                <span class="board-avatar" title=deal.owner.1.clone()>{deal.owner.0.clone()}</span>
                {if is_closed {
                    view! {
                        <span class="board-card-steps">
                            <button type="button" class="board-card-step" aria-label=reopen_label.clone() title=reopen_label
                                disabled=is_locked on:click=do_reopen data-testid="reopen-deal">{state.text(DealText::Reopen)}</button>
                        </span>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="board-card-close" aria-label=close_label.clone() title=close_label
                            disabled=is_locked on:click=open_close data-testid="close-deal">{state.text(DealText::CloseDeal)}</button>
                        <span class="board-card-steps">
                            {step_button(StageStep::Back, deal.back_to.clone(), back_ref)}
                            {step_button(StageStep::Forward, deal.forward_to.clone(), forward_ref)}
                        </span>
                    }.into_any()
                }}
            </div>
        </article>
    }
}
