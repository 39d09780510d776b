//! The words and calendar a workbook is written with: sheet and column names as keys, and
//! the trait the translation layer implements to put them (and statuses, stages, verdicts,
//! job titles) into words.

use crate::domain::dates::Timestamp;
use crate::domain::qualification::Verdict;
use crate::domain::team::JobTitle;
use crate::domain::{ClientStatus, Stage};
use chrono::NaiveDate;

/// A sheet's or a column's name, put into words by [`Labels::heading`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Heading {
    ClientsSheet,
    DealsSheet,
    OrdersSheet,
    ProductsSheet,
    AssessmentsSheet,
    TransfersSheet,
    TeamSheet,
    Company,
    Inn,
    Contact,
    Phone,
    Email,
    Owner,
    Status,
    Stage,
    Verdict,
    Points,
    YearlySpend,
    Created,
    Notes,
    Deal,
    Client,
    Amount,
    NextStep,
    NextStepDate,
    Closed,
    Date,
    Order,
    Product,
    Group,
    Assessor,
    MaxPoints,
    From,
    To,
    By,
    Name,
    JobTitle,
}

/// The words and the calendar of the person exporting; the core stays free of the
/// translation layer, which implements this.
pub trait Labels {
    /// A sheet's or a column's name.
    fn heading(&self, heading: Heading) -> String;
    /// A client status in words.
    fn status(&self, status: ClientStatus) -> String;
    /// A stage's name.
    fn stage(&self, stage: &Stage) -> String;
    /// A verdict in words.
    fn verdict(&self, verdict: Verdict) -> String;
    /// A job title in words.
    fn job_title(&self, title: JobTitle) -> String;
    /// The calendar day of a moment, on the person's own calendar.
    fn day(&self, at: Timestamp) -> NaiveDate;
}
