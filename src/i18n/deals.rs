//! Closed deals, the stage history and the pipeline settings in words.

use super::deal_table::DealText;
use super::plan_table::PlanText;
use super::playbook_table::PlaybookText;
use super::plural::{count, Plural};
use super::translate::{fill, Translate};
use crate::domain::deal_flow::{
    Closure, LostReason, LostReasonKey, SettingsProblem, StageChange, StageChangeKind,
};
use crate::domain::ids::Id;
use crate::lang::Lang;

/// A built-in lost reason's name.
pub fn reason_key_name(lang: Lang, key: LostReasonKey) -> &'static str {
    match key {
        LostReasonKey::NoBudget => DealText::ReasonNoBudget,
        LostReasonKey::Competitor => DealText::ReasonCompetitor,
        LostReasonKey::NoDecisionMaker => DealText::ReasonNoDecisionMaker,
        LostReasonKey::NeedGone => DealText::ReasonNeedGone,
        LostReasonKey::Price => DealText::ReasonPrice,
        LostReasonKey::Timing => DealText::ReasonTiming,
        LostReasonKey::NoAnswer => DealText::ReasonNoAnswer,
    }
    .get(lang)
}

/// A lost reason as shown: the team's own words, else the built-in reason's name.
pub fn reason_name(lang: Lang, reason: &LostReason) -> String {
    match (reason.text.trim(), reason.key) {
        ("", Some(key)) => reason_key_name(lang, key).to_owned(),
        (text, _) => text.to_owned(),
    }
}

/// How a closed deal ended, «Выиграна 12.03.2026: 250 000,00 ₽» or «Проиграна 12.03.2026: Нет
/// бюджета (comment)»; `day` is the closing's local date, already written out.
pub fn closure_text(lang: Lang, closure: &Closure, day: &str) -> String {
    match closure {
        Closure::Won { amount, .. } => fill(DealText::WonOn.get(lang), &[day, &amount.to_string()]),
        Closure::Lost { reason, note, .. } => {
            let mut why = reason_name(lang, reason);
            if !note.trim().is_empty() {
                why = format!("{why} ({})", note.trim());
            }
            fill(DealText::LostOn.get(lang), &[day, &why])
        }
    }
}

/// «3 дня в этапе».
pub fn days_in_stage(lang: Lang, days: u32) -> String {
    count(lang, Plural::DaysInStage, u64::from(days))
}

/// «Дольше срока этапа: 14 дней».
pub fn stage_limit_text(lang: Lang, days: u32) -> String {
    count(lang, Plural::StageLimit, u64::from(days))
}

/// One history entry in words, without its date and person: «КП» → «Переговоры», «проиграна в
/// этапе «КП»». `stage` names a stage id (a removed stage has no name left).
pub fn history_text(
    lang: Lang,
    entry: &StageChange,
    stage: impl Fn(&Id) -> Option<String>,
) -> String {
    let name = |id: &Id| stage(id).unwrap_or_else(|| DealText::UnknownStage.get(lang).to_owned());
    let to = name(&entry.to);
    let t = |k: DealText| k.get(lang);
    match (entry.kind, &entry.from) {
        (StageChangeKind::Moved, Some(from)) => fill(t(DealText::HistMoved), &[&name(from), &to]),
        (StageChangeKind::Created, _) | (StageChangeKind::Moved, None) => {
            fill(t(DealText::HistCreated), &[&to])
        }
        (StageChangeKind::Won, _) => fill(t(DealText::HistWon), &[&to]),
        (StageChangeKind::Lost, _) => fill(t(DealText::HistLost), &[&to]),
        (StageChangeKind::Reopened, _) => fill(t(DealText::HistReopened), &[&to]),
        (StageChangeKind::Migrated, _) => fill(t(DealText::HistMigrated), &[&to]),
    }
}

/// What is wrong with pipeline settings, one sentence per problem; `stage` names a stage id.
pub fn describe_settings_problems(
    lang: Lang,
    problems: &[SettingsProblem],
    stage: impl Fn(&Id) -> String,
) -> String {
    let t = |k: DealText| k.get(lang);
    problems
        .iter()
        .map(|p| match p {
            SettingsProblem::BlankReason(i) => {
                fill(t(DealText::ErrBlankReason), &[&(i + 1).to_string()])
            }
            SettingsProblem::DuplicateReason(i) => {
                fill(t(DealText::ErrDuplicateReason), &[&(i + 1).to_string()])
            }
            SettingsProblem::LimitOutOfRange(id) => fill(t(DealText::ErrLimitRange), &[&stage(id)]),
            SettingsProblem::DuplicateStage(id) | SettingsProblem::DuplicateProbability(id) => {
                fill(t(DealText::ErrDuplicateStage), &[&stage(id)])
            }
            SettingsProblem::ProbabilityOutOfRange(id) => {
                fill(PlanText::ErrProbability.get(lang), &[&stage(id)])
            }
            SettingsProblem::AbcShares => PlanText::ErrAbc.get(lang).to_owned(),
            SettingsProblem::BlankItem(id, i) => fill(
                PlaybookText::ErrBlankItem.get(lang),
                &[&(i + 1).to_string(), &stage(id)],
            ),
            SettingsProblem::LongItem(id, i) => fill(
                PlaybookText::ErrLongItem.get(lang),
                &[&(i + 1).to_string(), &stage(id)],
            ),
            SettingsProblem::DuplicateItem(id) => {
                fill(PlaybookText::ErrDuplicateItem.get(lang), &[&stage(id)])
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
