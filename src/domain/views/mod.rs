//! Read models: answers computed from the workspace for a screen, never stored. Lists and the
//! board (`query`), per-view lookups (`lookup`), the team page (`team_view`), the transfer queue
//! (`transfer_queue`), possible duplicates (`duplicates`), days in a stage (`stage_clock`), a farmer's «Мои клиенты»
//! (`my_clients`) and the top bar's search (`search`).

pub mod client_summary;
pub mod duplicates;
pub mod lookup;
pub mod my_clients;
pub mod query;
pub mod search;
pub mod stage_clock;
pub mod team_view;
pub mod transfer_queue;

#[cfg(test)]
mod tests;
