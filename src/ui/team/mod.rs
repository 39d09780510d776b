//! The team page: who is on the team, in which role, owning what.

mod member_form;
mod member_row;
mod summary;

pub use member_form::MemberForm;
pub use summary::TeamSummary;

use crate::i18n::Text;
use crate::ui::state::use_app;
use leptos::prelude::*;
use member_row::MemberRow;

/// Lists the team, lets the user add, edit, remove members and say which one they are.
#[component]
pub fn TeamPage() -> impl IntoView {
    let state = use_app();
    let ids = move || {
        state
            .ws
            .with(|ws| ws.members.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
    };
    let add = Callback::new(move |member| {
        let name = state.tr(Text::MemberAdded);
        if state.change(|ws, _| ws.add_member(member)).is_ok() {
            state.notify(name);
        }
    });
    // With sync on only a director changes the roster (the server's rule); others view it.
    let rights = crate::ui::sync::Rights::new(state);
    let locked = Memo::new(move |_| rights.read_only("members", None));
    let unlocked = move || locked.with(Option::is_none);
    view! {
        <section class="team-page">
            <h1>{state.text(Text::TeamTitle)}</h1>
            <p class="hint">{state.text(Text::TeamHint)}</p>
            {move || locked.get().map(|why| view! {
                <p class="banner banner-info" role="note" data-testid="read-only-reason">{why}</p>
            })}
            <div class="table-wrap">
                <table class="team-table stacked">
                    <thead>
                        <tr>
                            <th scope="col">{state.text(Text::ColName)}</th>
                            <th scope="col">{state.text(Text::ColJobTitle)}</th>
                            <th scope="col" class="num">{state.text(Text::ColClients)}</th>
                            <th scope="col" class="num">{state.text(Text::ColDeals)}</th>
                            <th scope="col"><span class="visually-hidden">{state.text(Text::ColActions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=ids key=|id| id.clone() let(id)>
                            <MemberRow id editable=Signal::derive(unlocked)/>
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=unlocked>
                <div class="panel">
                    <h2>{state.text(Text::AddMemberTitle)}</h2>
                    <MemberForm on_submit=add submit_label=Text::AddMember/>
                </div>
            </Show>
            <TeamSummary workspace=state.ws/>
        </section>
    }
}
