//! Reads the engine's stored state (IndexedDB, asynchronous) before the first round: no round
//! starts until it is in, so a round never begins from nothing while a stored state is on its
//! way. A state that cannot be read means «pull everything again», said once.

use super::{set_aside_of, SyncCtx};
use crate::i18n::SyncText;
use crate::ui::persist::sync_store::{self, StoredSync};
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Loads the stored sync state, then runs `start` (timed as `sync_state_load_ms` for the
/// browser benchmark).
pub fn load_then(ctx: SyncCtx, state: AppState, start: impl FnOnce() + 'static) {
    let Some(settings) = ctx.active.get_value() else {
        return;
    };
    spawn_local(async move {
        let started = js_sys::Date::now();
        let stored = sync_store::load(&settings.server, &settings.db).await;
        crate::ui::persist::record_timing("sync_state_load_ms", js_sys::Date::now() - started);
        match stored {
            StoredSync::Found(engine) => {
                ctx.set_aside.set(set_aside_of(&engine));
                ctx.engine.set_value(engine);
            }
            StoredSync::Nothing => {}
            StoredSync::Unreadable => state.notify(state.tr(SyncText::StateReset)),
        }
        ctx.loaded.set_value(true);
        start();
    });
}
