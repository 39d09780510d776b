//! The board on a phone (≤ 640 px): a strip of stage tabs with counts above one column at a
//! time. The strip scrolls sideways inside itself, never the page; a tab is also a drop target
//! (it carries the stage id like a column), and a card dragged to the screen's left or right
//! edge switches to the previous or next stage, to its top or bottom edge scrolls the page.
//! On wider screens the strip is hidden and every column shows, as before.

use super::view_model::ColumnView;
use crate::domain::Id;
use crate::i18n::PlaybookText;
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The widest viewport that gets tabs (the stylesheet's breakpoint).
const PHONE_MAX_PX: f64 = 640.0;
/// How close to an edge a dragged card must come to switch stage or scroll.
const EDGE_PX: f64 = 28.0;
/// How long a card must stay at a side edge before the next switch.
const SWITCH_EVERY_MS: f64 = 650.0;

/// The stage shown on a phone: the one chosen, or the first.
#[derive(Clone, Copy)]
pub struct PhoneStage {
    /// The tab the person chose (`None`: the first stage).
    pub chosen: RwSignal<Option<Id>>,
    /// When a dragged card last switched the tab (ms since the epoch).
    last_switch: StoredValue<f64>,
}

impl PhoneStage {
    /// A board's phone state: the first stage.
    pub fn new() -> Self {
        PhoneStage {
            chosen: RwSignal::new(None),
            last_switch: StoredValue::new(0.0),
        }
    }

    /// The stage shown among `columns`.
    pub fn shown(&self, columns: &[ColumnView]) -> Option<Id> {
        let chosen = self.chosen.get();
        chosen
            .filter(|id| columns.iter().any(|c| &c.stage_id == id))
            .or_else(|| columns.first().map(|c| c.stage_id.clone()))
    }

    /// A dragged card at `(x, y)`: near a side edge of a phone's screen it switches to the
    /// neighbouring stage (once per [`SWITCH_EVERY_MS`]), near the top or bottom it scrolls.
    pub fn drag_at(&self, x: f64, y: f64, columns: &[ColumnView]) {
        let window = window();
        // The layout viewport, as the media queries see it (not a zoomed phone's `innerWidth`).
        let width = document()
            .document_element()
            .map_or(0.0, |root| f64::from(root.client_width()));
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        if width > PHONE_MAX_PX || width == 0.0 {
            return;
        }
        if y < EDGE_PX {
            window.scroll_by_with_x_and_y(0.0, -12.0);
        } else if y > height - EDGE_PX {
            window.scroll_by_with_x_and_y(0.0, 12.0);
        }
        let step: isize = if x < EDGE_PX {
            -1
        } else if x > width - EDGE_PX {
            1
        } else {
            return;
        };
        let now = js_sys::Date::now();
        if now - self.last_switch.get_value() < SWITCH_EVERY_MS {
            return;
        }
        let shown = self.chosen.with_untracked(|c| c.clone());
        let at = shown
            .and_then(|id| columns.iter().position(|c| c.stage_id == id))
            .unwrap_or(0);
        let next = at as isize + step;
        if let Some(column) = usize::try_from(next).ok().and_then(|i| columns.get(i)) {
            self.chosen.set(Some(column.stage_id.clone()));
            self.last_switch.set_value(now);
        }
    }
}

/// The strip of stage tabs (shown on phones only).
#[component]
pub fn StageTabs(columns: Memo<Vec<ColumnView>>, phone: PhoneStage) -> impl IntoView {
    let state = use_app();
    let shown = Memo::new(move |_| columns.with(|c| phone.shown(c)));
    let tabs = move || {
        columns.with(|cols| {
            cols.iter()
                .map(|c| (c.stage_id.clone(), c.name.clone(), c.deals.len()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="board-tabs" role="group" aria-label=state.text(PlaybookText::BoardStagesLabel) data-testid="board-tabs">
            {move || tabs().into_iter().map(|(id, name, count)| {
                let pressed = {
                    let id = id.clone();
                    move || shown.with(|s| s.as_ref() == Some(&id)).to_string()
                };
                let choose = id.clone();
                view! {
                    <button type="button" class="board-tab" aria-pressed=pressed
                        data-stage-id=id.to_string() data-testid="board-tab"
                        on:click=move |ev| {
                            phone.chosen.set(Some(choose.clone()));
                            // The chosen tab comes into view inside the strip, not the page.
                            let tab = event_target::<web_sys::Element>(&ev)
                                .closest("button").ok().flatten()
                                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                            if let Some(tab) = tab {
                                if let Some(strip) = tab.parent_element() {
                                    let left = tab.offset_left() - (strip.client_width() - tab.offset_width()) / 2;
                                    strip.set_scroll_left(left.max(0));
                                }
                            }
                        }>
                        <span class="board-tab-name">{name}</span>
                        // The count's meaning is read from hidden words, so the accessible name
                        // starts with the visible one.
                        <span class="visually-hidden">{state.text(PlaybookText::BoardTabDeals)}</span>
                        <span class="board-tab-count">{count}</span>
                    </button>
                }
            }).collect_view()}
        </div>
    }
}
