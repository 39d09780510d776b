//! The director's dashboard («Обзор»): the figures of a period for the team or one rep, computed
//! from what the workspace already holds — clients, deals, orders, assessments, the transfer log
//! and the team's roles. Nothing here is stored.
//!
//! - [`period`]: the period choices (this month, last month, quarter, 12 months, custom) and the
//!   months they span;
//! - [`scope`]: the team or one rep, and who owned a client on a given day (from the transfer
//!   log);
//! - [`sales`]: revenue and orders per month, first sales per hunter per month;
//! - [`handover`]: transfers per month, the transfer queue's waiting times, farmers' clients
//!   before and after the transfer;
//! - [`abc_xyz`]: the ABC × XYZ matrix of the client base;
//! - [`verdicts`]: qualification verdicts per rep and per month;
//! - [`csv`]: a table of the dashboard as a spreadsheet file.
//!
//! Seams for what needs data the workspace does not hold yet: the funnel's conversion, days in
//! stage and lost reasons need a deal's stage history, and plan against fact needs stored
//! monthly plans and stage probabilities. Each will be a sibling module here with its own part of
//! [`Dashboard`], computed in [`dashboard`] from the same input.

pub mod abc_xyz;
pub mod csv;
pub mod handover;
pub mod period;
pub mod sales;
pub mod scope;
pub mod verdicts;

pub use abc_xyz::{Abc, AbcXyz, Cutoffs, Xyz};
pub use handover::{FarmerGrowth, MonthTransfers, QueueWait};
pub use period::PeriodChoice;
pub use sales::{FirstSales, MonthSales};
pub use scope::{Owners, Scope};
pub use verdicts::VerdictFigures;

use crate::domain::metrics::Period;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;

/// What the director chose, and the day it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DashboardInput {
    /// The period.
    pub period: PeriodChoice,
    /// The team or one rep.
    pub scope: Scope,
    /// Today, the user's local date.
    pub today: NaiveDate,
    /// ABC and XYZ cut-offs.
    pub cutoffs: Cutoffs,
    /// The user's zone, minutes east of UTC, for the days of stored timestamps (assessments,
    /// deals' creation).
    pub offset_minutes: i32,
}

/// The dashboard's figures for one input that need no purchase-history index. The transfer queue
/// ([`handover::queue_waits`], as of today whatever the period) and the farmers' before / after
/// ([`handover::farmer_growth`]) need the index and are asked for separately, so a screen can
/// show these first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dashboard {
    /// The days the period choice covers.
    pub period: Period,
    /// Revenue and orders per month.
    pub sales: Vec<MonthSales>,
    /// First sales per rep per month.
    pub first_sales: Vec<FirstSales>,
    /// Transfers per month.
    pub transfers: Vec<MonthTransfers>,
    /// The ABC × XYZ matrix.
    pub matrix: AbcXyz,
    /// Qualification verdicts.
    pub verdicts: VerdictFigures,
}

/// The dashboard for `input`.
pub fn dashboard(ws: &Workspace, input: &DashboardInput) -> Dashboard {
    let period = input.period.resolve(input.today);
    let owners = Owners::new(ws);
    let scope = &input.scope;
    Dashboard {
        period,
        sales: sales::monthly_sales(ws, &owners, period, scope),
        first_sales: sales::first_sales(ws, &owners, period, scope),
        transfers: handover::monthly_transfers(ws, period, scope),
        matrix: abc_xyz::abc_xyz(ws, period, input.today, scope, input.cutoffs),
        verdicts: verdicts::verdict_figures(ws, period, scope, input.offset_minutes),
    }
}

#[cfg(test)]
mod tests;
