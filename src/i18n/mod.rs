//! The one translation table and the helpers that turn domain values into words.

mod macros;
pub mod outcome;
pub mod plural;
pub mod restore;
pub mod sales;
mod sales_table;
mod snapshot_table;
mod table;

use macros::texts;
pub use plural::{count, plural, plural_category, Plural, PluralCategory};
pub use sales_table::SalesText;
pub use snapshot_table::SnapshotText;
pub use table::Text;

use crate::domain::draft::Problem;
use crate::domain::inn::InnError;
use crate::domain::money::MoneyParseError;
use crate::domain::qualification::{ModelError, Verdict};
use crate::domain::{ClientStatus, JobTitle, Role, Stage, StageKey, WorkspaceError};
use crate::storage::SaveError;
use serde::{Deserialize, Serialize};

/// An interface language. Russian is the default: the method and its users are Russian.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Русский.
    #[default]
    Ru,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code for the page's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}

/// Puts `values` into the `{}` places of `template`, in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// A role's name (plural, as a group heading).
pub fn role_name(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Hunter => Text::RoleHunter,
        Role::Farmer => Text::RoleFarmer,
        Role::Director => Text::RoleDirector,
    }
    .get(lang)
}

/// A job title's name.
pub fn job_title_name(lang: Lang, title: JobTitle) -> &'static str {
    match title {
        JobTitle::TeleSalesManager => Text::TitleTeleSales,
        JobTitle::SalesManager => Text::TitleSales,
        JobTitle::FieldRepresentative => Text::TitleField,
        JobTitle::AccountManager => Text::TitleAccount,
        JobTitle::KeyAccountManager => Text::TitleKeyAccount,
        JobTitle::SalesDirector => Text::TitleDirector,
    }
    .get(lang)
}

/// A client status's name.
pub fn status_name(lang: Lang, status: ClientStatus) -> &'static str {
    match status {
        ClientStatus::Lead => Text::StatusLead,
        ClientStatus::Prospect => Text::StatusProspect,
        ClientStatus::New => Text::StatusNew,
        ClientStatus::Regular => Text::StatusRegular,
        ClientStatus::Sleeping => Text::StatusSleeping,
        ClientStatus::Lost => Text::StatusLost,
    }
    .get(lang)
}

/// A stage's name: the team's own name if it set one, else the built-in name.
pub fn stage_name(lang: Lang, stage: &Stage) -> String {
    if let Some(name) = stage
        .custom_name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
    {
        return name.to_owned();
    }
    let text = match stage.key {
        Some(StageKey::Lead) => Text::StageLead,
        Some(StageKey::Qualification) => Text::StageQualification,
        Some(StageKey::NeedsDiscovery) => Text::StageNeeds,
        Some(StageKey::Proposal) => Text::StageProposal,
        Some(StageKey::Negotiation) => Text::StageNegotiation,
        Some(StageKey::Contract) => Text::StageContract,
        Some(StageKey::FirstSale) => Text::StageFirstSale,
        None => return stage.id.to_string(),
    };
    text.get(lang).to_owned()
}

/// What is wrong with a form field, in words.
pub fn describe_problem(lang: Lang, problem: &Problem) -> String {
    let text = match problem {
        Problem::Required => Text::ErrNameRequired,
        Problem::Inn(InnError::WrongLength) => Text::ErrInnLength,
        Problem::Inn(InnError::NotDigits) => Text::ErrInnDigits,
        Problem::Inn(InnError::BadChecksum) => Text::ErrInnChecksum,
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

/// A verdict's name.
pub fn verdict_name(lang: Lang, verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Unqualified => Text::VerdictUnqualified,
        Verdict::Nurture => Text::VerdictNurture,
        Verdict::Qualified => Text::VerdictQualified,
        Verdict::Priority => Text::VerdictPriority,
    }
    .get(lang)
}

/// Why moving a lead to «КП» is questioned: its score and verdict, or that it was never assessed.
pub fn unqualified_message(
    lang: Lang,
    score: Option<crate::domain::qualification::Score>,
) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages_with_matching_placeholders() {
        let sales = SalesText::ALL
            .iter()
            .map(|t| (format!("{t:?}"), t.get(Lang::Ru), t.get(Lang::En)));
        let all = Text::ALL
            .iter()
            .map(|t| (format!("{t:?}"), t.get(Lang::Ru), t.get(Lang::En)));
        for (text, ru, en) in all.chain(sales) {
            assert!(!ru.trim().is_empty() && !en.trim().is_empty(), "{text:?}");
            assert_eq!(
                ru.matches("{}").count(),
                en.matches("{}").count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn russian_texts_are_russian() {
        let cyrillic = |s: &str| {
            s.chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap()))
        };
        for text in Text::ALL {
            // Exceptions: the language switch speaks the other language on purpose; E-mail is E-mail.
            if matches!(
                text,
                Text::SwitchLanguage | Text::FieldEmail | Text::ShownOfTotal
            ) {
                continue;
            }
            assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
        }
        for text in SalesText::ALL {
            assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
        }
        for text in SnapshotText::ALL {
            assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
        }
    }

    #[test]
    fn fill_places_values_in_order() {
        assert_eq!(fill("{} из {}", &["3", "10"]), "3 из 10");
        assert_eq!(fill("без значений", &[]), "без значений");
        assert_eq!(fill("{} и {}", &["один"]), "один и ");
    }

    #[test]
    fn custom_stage_names_win() {
        let mut stage = Stage::builtin(StageKey::Proposal);
        assert_eq!(stage_name(Lang::Ru, &stage), "КП");
        assert_eq!(stage_name(Lang::En, &stage), "Proposal");
        stage.custom_name = Some("Отправка оферты".into());
        assert_eq!(stage_name(Lang::En, &stage), "Отправка оферты");
    }

    #[test]
    fn errors_read_as_sentences() {
        let e = WorkspaceError::MemberOwnsRecords {
            clients: 2,
            deals: 5,
        };
        assert!(describe_workspace_error(Lang::Ru, &e).contains("клиенты (2) и сделки (5)"));
        assert!(
            describe_problem(Lang::Ru, &Problem::Inn(InnError::BadChecksum)).contains("опечатки")
        );
    }
}
