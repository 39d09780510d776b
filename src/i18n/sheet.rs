//! The spreadsheet export's words: the core's [`Labels`] in a language and on the person's
//! calendar.

use super::names::{job_title_name, stage_name, status_name, verdict_name};
use super::sheet_table::SheetText;
use super::translate::Translate;
use crate::domain::dates::Timestamp;
use crate::domain::qualification::Verdict;
use crate::domain::{ClientStatus, JobTitle, Stage};
use crate::lang::Lang;
use crate::sheet::labels::{Heading, Labels};
use chrono::NaiveDate;

/// The labels of an export: the language and the calendar day of a moment.
#[derive(Clone, Copy)]
pub struct SheetWords {
    /// The interface language.
    pub lang: Lang,
    /// The person's calendar day of a moment (the app passes its clock's).
    pub day: fn(Timestamp) -> NaiveDate,
}

/// The text of a heading.
pub fn heading_text(heading: Heading) -> SheetText {
    use Heading as H;
    use SheetText as T;
    match heading {
        H::ClientsSheet => T::ClientsSheet,
        H::DealsSheet => T::DealsSheet,
        H::OrdersSheet => T::OrdersSheet,
        H::ProductsSheet => T::ProductsSheet,
        H::AssessmentsSheet => T::AssessmentsSheet,
        H::TransfersSheet => T::TransfersSheet,
        H::TeamSheet => T::TeamSheet,
        H::Company => T::Company,
        H::Inn => T::Inn,
        H::Contact => T::Contact,
        H::Phone => T::Phone,
        H::Email => T::Email,
        H::Owner => T::Owner,
        H::Status => T::Status,
        H::Stage => T::Stage,
        H::Verdict => T::Verdict,
        H::Points => T::Points,
        H::YearlySpend => T::YearlySpend,
        H::Created => T::Created,
        H::Notes => T::Notes,
        H::Deal => T::Deal,
        H::Client => T::Client,
        H::Amount => T::Amount,
        H::NextStep => T::NextStep,
        H::NextStepDate => T::NextStepDate,
        H::Closed => T::Closed,
        H::Date => T::Date,
        H::Order => T::Order,
        H::Product => T::Product,
        H::Group => T::Group,
        H::Assessor => T::Assessor,
        H::MaxPoints => T::MaxPoints,
        H::From => T::From,
        H::To => T::To,
        H::By => T::By,
        H::Name => T::Name,
        H::JobTitle => T::JobTitle,
    }
}

impl Labels for SheetWords {
    fn heading(&self, heading: Heading) -> String {
        heading_text(heading).get(self.lang).to_owned()
    }
    fn status(&self, status: ClientStatus) -> String {
        status_name(self.lang, status).to_owned()
    }
    fn stage(&self, stage: &Stage) -> String {
        stage_name(self.lang, stage)
    }
    fn verdict(&self, verdict: Verdict) -> String {
        verdict_name(self.lang, verdict).to_owned()
    }
    fn job_title(&self, title: JobTitle) -> String {
        job_title_name(self.lang, title).to_owned()
    }
    fn day(&self, at: Timestamp) -> NaiveDate {
        (self.day)(at)
    }
}
