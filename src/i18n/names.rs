//! The names of the domain's enumerations and stages, as the interface shows them.

use super::table::Text;
use super::translate::Translate;
use crate::domain::qualification::Verdict;
use crate::domain::{ClientStatus, JobTitle, Role, Stage, StageKey};
use crate::lang::Lang;

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
