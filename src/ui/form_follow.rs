//! A form open on a record that changes underneath it: the one place the client, deal and
//! settings forms catch up with the record (see `domain::form_edit` for the rule), and the choice
//! they offer for a field changed on both sides.

use crate::domain::form_edit::rebase;
use crate::i18n::Text;
use crate::ui::state::use_app;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Brings a form's draft up to the record as it is `now`: untouched fields follow, typed ones
/// stay. Returns the fields changed on both sides (empty when nothing changed).
pub fn follow<D>(opened: RwSignal<D>, draft: RwSignal<D>, now: D) -> Vec<String>
where
    D: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static,
{
    if opened.with_untracked(|o| o == &now) {
        return Vec::new();
    }
    let (rebased, clashes) =
        opened.with_untracked(|o| draft.with_untracked(|d| rebase(o, d, &now)));
    draft.set(rebased);
    opened.set(now);
    clashes
}

/// The two answers to a field changed both here and elsewhere: keep what was typed, or take the
/// new value.
#[component]
pub fn KeepOrTake(
    /// Keeps what the person typed.
    on_keep: Callback<()>,
    /// Takes the value saved elsewhere.
    on_take: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    view! {
        " "
        <button type="button" class="secondary" data-testid="clash-keep"
            on:click=move |_| on_keep.run(())>{state.text(Text::KeepMine)}</button>
        " "
        <button type="button" class="secondary" data-testid="clash-take"
            on:click=move |_| on_take.run(())>{state.text(Text::TakeTheirs)}</button>
    }
}
