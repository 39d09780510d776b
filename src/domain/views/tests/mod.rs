//! Tests of the read models that need more room than a module's own `tests` block.

mod tasks;
mod team_view;
