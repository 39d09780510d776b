//! Why something was refused or cannot be read, in words: form fields, workspace operations,
//! scoring models, stored data and saves.

use super::deal_table::DealText;
use super::names::verdict_name;
use super::plan_table::PlanText;
use super::plural::{count, plural, Plural};
use super::sales_table::SalesText;
use super::table::Text;
use super::task_table::TaskText;
use super::translate::{fill, Translate};
use crate::domain::draft::Problem;
use crate::domain::inn::InnError;
use crate::domain::money::MoneyParseError;
use crate::domain::qualification::{ModelError, Score};
use crate::domain::WorkspaceError;
use crate::lang::Lang;
use crate::storage::SaveError;

/// What is wrong with a form field, in words.
pub fn describe_problem(lang: Lang, problem: &Problem) -> String {
    let text = match problem {
        Problem::Required => Text::ErrNameRequired,
        Problem::Inn(InnError::WrongLength) => Text::ErrInnLength,
        Problem::Inn(InnError::NotDigits) => Text::ErrInnDigits,
        Problem::Inn(InnError::BadChecksum) => Text::ErrInnChecksum,
        Problem::Kpp(_) => Text::ErrKpp,
        Problem::Phone => Text::ErrPhone,
        Problem::Email => Text::ErrEmail,
        Problem::Money(MoneyParseError::Empty | MoneyParseError::NotANumber) => {
            Text::ErrAmountNotNumber
        }
        Problem::Money(MoneyParseError::TooPrecise) => Text::ErrAmountPrecise,
        Problem::Money(MoneyParseError::Negative) => Text::ErrAmountNegative,
        Problem::Money(MoneyParseError::TooLarge) => Text::ErrAmountLarge,
        Problem::Date => Text::ErrDate,
    };
    text.get(lang).to_owned()
}

/// Why a workspace operation was refused, in words.
pub fn describe_workspace_error(lang: Lang, error: &WorkspaceError) -> String {
    let text = match error {
        WorkspaceError::NotFound(_) => Text::ErrNotFound,
        WorkspaceError::SameRecord(_) => Text::ErrSameRecord,
        WorkspaceError::DuplicateId(_) => Text::ErrDuplicate,
        WorkspaceError::NameRequired => Text::ErrNameRequired,
        WorkspaceError::UnknownMember(_) => Text::ErrUnknownMember,
        WorkspaceError::UnknownStage(_) => Text::ErrUnknownStage,
        WorkspaceError::UnknownClient(_) => Text::ErrUnknownClient,
        WorkspaceError::UnknownDeal(_) => Text::ErrUnknownDeal,
        WorkspaceError::LevelOutOfRange(_) => Text::ErrLevel,
        WorkspaceError::UnknownGroup(_) => Text::ErrUnknownGroup,
        WorkspaceError::InvalidOrder(_) => Text::ErrInvalidOrder,
        WorkspaceError::InvalidPolicy(_) => {
            return SalesText::ErrInvalidPolicy.get(lang).to_owned()
        }
        WorkspaceError::InUse(_) => return SalesText::ErrInUse.get(lang).to_owned(),
        WorkspaceError::NotAFarmer(_) => return SalesText::ErrNotAFarmer.get(lang).to_owned(),
        WorkspaceError::NotEligible(_) => return SalesText::ErrNotEligible.get(lang).to_owned(),
        WorkspaceError::AlreadyWithFarmer(_) => {
            return SalesText::ErrAlreadyWithFarmer.get(lang).to_owned()
        }
        WorkspaceError::InvalidModel(problems) => {
            return problems
                .iter()
                .map(|p| describe_model_error(lang, p))
                .collect::<Vec<_>>()
                .join(" ")
        }
        WorkspaceError::NextStepRequired(_) => {
            return TaskText::ErrNextStepRequired.get(lang).to_owned()
        }
        WorkspaceError::AlreadyClosed(_) => return DealText::ErrAlreadyClosed.get(lang).to_owned(),
        WorkspaceError::NotClosed(_) => return DealText::ErrNotClosed.get(lang).to_owned(),
        WorkspaceError::ReasonRequired => return DealText::ErrReasonRequired.get(lang).to_owned(),
        WorkspaceError::AmountOutOfRange => return DealText::ErrAmountRange.get(lang).to_owned(),
        WorkspaceError::InvalidPlan(_) => return PlanText::ErrPlan.get(lang).to_owned(),
        WorkspaceError::InvalidPipelineSettings(_) => {
            return DealText::ErrSettings.get(lang).to_owned()
        }
        WorkspaceError::Stage(e) => return super::playbook::describe_stage_error(lang, e),
        WorkspaceError::MemberOwnsRecords { clients, deals } => {
            return fill(
                Text::ErrMemberOwns.get(lang),
                &[&clients.to_string(), &deals.to_string()],
            )
        }
    };
    text.get(lang).to_owned()
}

/// What is wrong with a scoring model, in words.
pub fn describe_model_error(lang: Lang, error: &ModelError) -> String {
    let n = |i: &usize| (i + 1).to_string();
    match error {
        ModelError::NoCriteria => Text::ModelNoCriteria.get(lang).to_owned(),
        ModelError::UnnamedCriterion(i) => fill(Text::ModelUnnamed.get(lang), &[&n(i)]),
        ModelError::DuplicateKey(key) => fill(Text::ModelDuplicateKey.get(lang), &[key]),
        ModelError::LevelCount(i) => fill(Text::ModelLevelCount.get(lang), &[&n(i)]),
        ModelError::WeightTooLarge(i) => fill(Text::ModelWeightLarge.get(lang), &[&n(i)]),
        ModelError::AllWeightsZero => Text::ModelAllZero.get(lang).to_owned(),
        ModelError::BandReversed(i) => fill(Text::ModelBandReversed.get(lang), &[&n(i)]),
        ModelError::BandsStartLate => Text::ModelBandsStart.get(lang).to_owned(),
        ModelError::BandGap { from, to } => fill(
            Text::ModelBandGap.get(lang),
            &[&from.to_string(), &to.to_string()],
        ),
        ModelError::BandOverlap(at) => count(lang, Plural::BandOverlap, u64::from(*at)),
        ModelError::BandsEnd { max, end } => plural(
            lang,
            Plural::BandsEnd,
            u64::from(*max),
            &[&max.to_string(), &end.to_string()],
        ),
        ModelError::VerdictOrder => Text::ModelVerdictOrder.get(lang).to_owned(),
        ModelError::MinCriteriaCount(count) => {
            fill(Text::ModelMinCount.get(lang), &[&count.to_string()])
        }
        ModelError::MinCriteriaLevel => Text::ModelMinLevel.get(lang).to_owned(),
    }
}

/// Why moving a lead to «КП» is questioned: its score and verdict, or that it was never assessed.
pub fn unqualified_message(lang: Lang, score: Option<Score>) -> String {
    match score {
        Some(s) => fill(
            Text::UnqualifiedMoveText.get(lang),
            &[
                &s.points.to_string(),
                &s.max.to_string(),
                verdict_name(lang, s.verdict),
            ],
        ),
        None => Text::NotAssessedMoveText.get(lang).to_owned(),
    }
}

/// Why a save failed, in words.
pub fn describe_save_error(lang: Lang, error: &SaveError) -> String {
    match error {
        SaveError::QuotaExceeded => Text::ErrQuota.get(lang).to_owned(),
        SaveError::Unavailable => Text::ErrStorageUnavailable.get(lang).to_owned(),
        SaveError::Refused(why) => fill(Text::ErrStorageRefused.get(lang), &[why]),
    }
}
