//! The director's dashboard («Обзор»): the figures of a period for the team or one rep, computed
//! from what the workspace already holds — clients, deals, orders, assessments, the transfer log
//! and the team's roles. Nothing here is stored.
//!
//! - [`period`]: the period choices (this month, last month, quarter, 12 months, custom) and the
//!   months they span;
//! - [`scope`]: the team or one rep, and who owned a client on a given day (from the transfer
//!   log);
//! - [`sales_index`]: every client's orders by day, built once and read by every figure below;
//! - [`sales`]: revenue and orders per month, first sales per hunter per month;
//! - [`handover`]: transfers per month, the transfer queue's waiting times, farmers' clients
//!   before and after the transfer;
//! - [`abc_xyz`]: the ABC × XYZ matrix of the client base;
//! - [`verdicts`]: qualification verdicts per rep and per month;
//! - [`funnel`]: the funnel from the stage history (reached, conversion, days in stage, lost
//!   reasons, hunters side by side);
//! - [`plan_fact`]: plan against fact per rep and month, and the current month's forecast;
//! - [`base_trend`]: sleeping and lost clients at each month's end;
//! - [`csv`]: a table of the dashboard as a spreadsheet file.

pub mod abc_xyz;
pub mod base_trend;
pub mod csv;
pub mod funnel;
pub mod handover;
pub mod period;
pub mod plan_fact;
pub mod sales;
pub mod sales_index;
pub mod scope;
pub mod verdicts;

pub use abc_xyz::{Abc, AbcXyz, Cutoffs, Xyz};
pub use base_trend::BaseMonth;
pub use funnel::{DealHistories, Funnel};
pub use handover::{FarmerGrowth, MonthTransfers, QueueWait};
pub use period::PeriodChoice;
pub use plan_fact::{Forecast, PlanFact};
pub use sales::{FirstSales, MonthSales};
pub use sales_index::SalesIndex;
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
    /// The funnel from the stage history.
    pub funnel: Funnel,
    /// Plan against fact per rep and month.
    pub plan_fact: PlanFact,
    /// The current month's forecast (whatever the period).
    pub forecast: Forecast,
    /// Sleeping and lost clients at each month's end.
    pub base: Vec<BaseMonth>,
}

/// The dashboard for `input`.
pub fn dashboard(ws: &Workspace, input: &DashboardInput) -> Dashboard {
    dashboard_in(ws, &SalesIndex::new(ws), &DealHistories::new(ws), input)
}

/// The dashboard for `input`, the orders read from `index` and the stage history from
/// `histories` (both built from the same workspace): what a screen calls, keeping them while the
/// data does not change, so a period change only re-aggregates.
pub fn dashboard_in(
    ws: &Workspace,
    index: &SalesIndex,
    histories: &DealHistories,
    input: &DashboardInput,
) -> Dashboard {
    let period = input.period.resolve(input.today);
    let owners = Owners::new(ws);
    let scope = &input.scope;
    let first_sales = sales::first_sales_in(ws, index, &owners, period, scope);
    let this_month = PeriodChoice::ThisMonth.resolve(input.today);
    let month_fact = if this_month == period {
        first_sales.iter().flat_map(|f| &f.amounts).copied().sum()
    } else {
        let rows = sales::first_sales_in(ws, index, &owners, this_month, scope);
        rows.iter().flat_map(|f| &f.amounts).copied().sum()
    };
    Dashboard {
        period,
        sales: sales::monthly_sales_in(index, &owners, period, scope),
        plan_fact: plan_fact::plan_fact_in(ws, index, &owners, period, scope, &first_sales),
        first_sales,
        transfers: handover::monthly_transfers(ws, period, scope),
        matrix: abc_xyz::abc_xyz_in(ws, index, period, input.today, scope, input.cutoffs),
        verdicts: verdicts::verdict_figures(ws, period, scope, input.offset_minutes),
        funnel: funnel::funnel_in(ws, histories, period, scope, input.offset_minutes),
        forecast: plan_fact::forecast(ws, input.today, scope, month_fact),
        base: base_trend::base_trend_in(ws, index, &owners, period, scope),
    }
}

#[cfg(test)]
mod tests;
