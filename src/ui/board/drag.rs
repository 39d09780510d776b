//! Drag-and-drop of cards between columns with pointer events, so it works with a mouse, a pen
//! and a finger alike (HTML5 drag-and-drop does not work on touch screens).

use crate::domain::Id;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How far the pointer must travel before a press becomes a drag, so clicks stay clicks.
const DRAG_THRESHOLD_PX: f64 = 6.0;

/// A card being dragged.
#[derive(Clone, Debug, PartialEq)]
pub struct Drag {
    /// The deal on the card.
    pub deal_id: Id,
    /// Where the press started.
    pub origin: (f64, f64),
    /// How far the pointer has moved since.
    pub offset: (f64, f64),
    /// Whether the threshold was passed.
    pub active: bool,
}

/// Shared drag state of one board.
#[derive(Clone, Copy)]
pub struct DragState {
    /// The card being dragged, if any.
    pub current: RwSignal<Option<Drag>>,
    /// The column under the pointer.
    pub over: RwSignal<Option<Id>>,
    /// Set right after a drop, so the click that follows does not open the client.
    pub just_dropped: StoredValue<bool>,
}

impl DragState {
    /// A board's idle drag state.
    pub fn new() -> Self {
        DragState {
            current: RwSignal::new(None),
            over: RwSignal::new(None),
            just_dropped: StoredValue::new(false),
        }
    }

    /// A press on a card: the drag starts once the pointer moves far enough.
    pub fn press(&self, deal_id: Id, x: f64, y: f64) {
        self.current.set(Some(Drag {
            deal_id,
            origin: (x, y),
            offset: (0.0, 0.0),
            active: false,
        }));
    }

    /// The pointer moved; returns whether a drag is in progress.
    pub fn moved(&self, x: f64, y: f64) -> bool {
        let mut active = false;
        self.current.update(|drag| {
            if let Some(d) = drag {
                d.offset = (x - d.origin.0, y - d.origin.1);
                if !d.active && d.offset.0.hypot(d.offset.1) > DRAG_THRESHOLD_PX {
                    d.active = true;
                }
                active = d.active;
            }
        });
        if active {
            self.over.set(column_at(x, y));
        }
        active
    }

    /// The pointer was released: returns the deal and the column it was dropped on, if any.
    pub fn release(&self) -> Option<(Id, Id)> {
        let drag = self.current.get_untracked();
        let over = self.over.get_untracked();
        self.cancel();
        let drag = drag.filter(|d| d.active)?;
        self.just_dropped.set_value(true);
        let flag = self.just_dropped;
        set_timeout(move || flag.set_value(false), std::time::Duration::ZERO);
        Some((drag.deal_id, over?))
    }

    /// Abandons the drag (Escape, pointer lost).
    pub fn cancel(&self) {
        self.current.set(None);
        self.over.set(None);
    }
}

/// The stage id of the column under a point of the viewport.
fn column_at(x: f64, y: f64) -> Option<Id> {
    let element = document().element_from_point(x as f32, y as f32)?;
    let column = element.closest("[data-stage-id]").ok().flatten()?;
    column.get_attribute("data-stage-id").map(Id::from_raw)
}

/// Whether a press on `target` may start a drag: not on a button or a form control, and with a
/// finger only on the grip, so that touching a card still scrolls the page.
pub fn may_start(target: Option<web_sys::EventTarget>, pointer_type: &str) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let on = |selector: &str| element.closest(selector).ok().flatten().is_some();
    if on("button, select, input, textarea") {
        return false;
    }
    pointer_type == "mouse" || on(".deal-grip")
}
