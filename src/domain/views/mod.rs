//! Read models: answers computed from the workspace for a screen, never stored. Lists and the
//! board (`query`), per-view lookups (`lookup`), the team page (`team_view`), the transfer queue
//! (`transfer_queue`), possible duplicates (`duplicates`), days in a stage (`stage_clock`), a farmer's «Мои клиенты»
//! (`my_clients`), the top bar's search (`search`), and a rep's day: «Мои дела» (`agenda`),
//! the farmer's suggested calls (`suggested_calls`) and a client's timeline (`timeline`).

pub mod agenda;
pub mod client_summary;
pub mod duplicates;
pub mod lookup;
pub mod my_clients;
pub mod query;
pub mod search;
pub mod stage_clock;
pub mod suggested_calls;
pub mod team_view;
pub mod timeline;
pub mod transfer_queue;

#[cfg(test)]
mod tests;
