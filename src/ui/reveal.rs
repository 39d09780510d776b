//! A form that opens on a tap, brought to the person: scrolled into view and focused.

use leptos::prelude::*;

/// Scrolls a form that just opened into view and puts the cursor in its first field, so on a
/// phone the person does not have to look for what her tap opened.
pub fn reveal_form(form: NodeRef<leptos::html::Form>) {
    Effect::new(move |_| {
        let Some(form) = form.get() else { return };
        request_animation_frame(move || {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            form.scroll_into_view_with_scroll_into_view_options(&options);
            if let Ok(Some(field)) =
                form.query_selector("input:not([type=hidden]), select, textarea")
            {
                if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field) {
                    let _ = field.focus();
                }
            }
        });
    });
}
