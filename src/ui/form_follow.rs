//! A form open on a record that changes underneath it: the one place the client and deal forms
//! catch up with the record (see `domain::form_edit` for the rule).

use crate::domain::form_edit::rebase;
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
