//! The merge report in words: the plain-text report the user reads and downloads after a merge
//! import, one fact per line, and the names of record kinds and fields that the import preview
//! and the forms' «changed elsewhere» notes share with it. The data comes from
//! [`ImportReport`] (the snapshot layer has no words); times are shown on the reader's clock as
//! `DD.MM.YYYY HH:MM`, ids only in the JSON report.

use super::report_table::ReportText;
use super::translate::{fill, Translate};
use crate::domain::dates::Timestamp;
use crate::domain::merge::{DropReason, KindCounts, RecordKind, Repair, Side};
use crate::lang::Lang;
use crate::snapshot::ImportReport;
use chrono::FixedOffset;

/// A kind's name in reports and previews, «Клиент», «Заказ», …
pub fn kind_name(lang: Lang, kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Member => ReportText::KindMember,
        RecordKind::Client => ReportText::KindClient,
        RecordKind::Deal => ReportText::KindDeal,
        RecordKind::Assessment => ReportText::KindAssessment,
        RecordKind::ProductGroup => ReportText::KindProductGroup,
        RecordKind::Product => ReportText::KindProduct,
        RecordKind::Order => ReportText::KindOrder,
        RecordKind::Stage => ReportText::KindStage,
        RecordKind::ScoringModel => ReportText::KindScoringModel,
        RecordKind::Transfer => ReportText::KindTransfer,
        RecordKind::TransferPolicy => ReportText::KindTransferPolicy,
        RecordKind::StageChange => ReportText::KindStageChange,
        RecordKind::PipelineSettings => ReportText::KindPipelineSettings,
        RecordKind::SalesPlan => ReportText::KindSalesPlan,
        RecordKind::Activity => ReportText::KindActivity,
        RecordKind::Task => ReportText::KindTask,
    }
    .get(lang)
}

/// A field's name as a person reads it, «Телефон» for `contact.phone` (the field names of the
/// merge, which are the snapshot's); «Запись» for a field it does not know.
pub fn field_name(lang: Lang, field: &str) -> &'static str {
    match field {
        "name" => ReportText::FieldName,
        "inn" => ReportText::FieldInn,
        "contact.name" => ReportText::FieldContactName,
        "contact.phone" => ReportText::FieldContactPhone,
        "contact.email" => ReportText::FieldContactEmail,
        "owner_id" => ReportText::FieldOwner,
        "status" => ReportText::FieldStatus,
        "notes" => ReportText::FieldNotes,
        "yearly_spend" => ReportText::FieldYearlySpend,
        "client_id" => ReportText::FieldClient,
        "title" => ReportText::FieldDealTitle,
        "stage_id" => ReportText::FieldStage,
        "amount" => ReportText::FieldAmount,
        "next_step" => ReportText::FieldNextStep,
        "next_step_date" => ReportText::FieldNextStepDate,
        "job_title" => ReportText::FieldJobTitle,
        "group_id" => ReportText::FieldGroup,
        "date" => ReportText::FieldDate,
        "lines" => ReportText::FieldLines,
        "closed" => ReportText::FieldClosed,
        "lost_reasons" => ReportText::FieldLostReasons,
        "stage_limits" => ReportText::FieldStageLimits,
        _ => ReportText::FieldOther,
    }
    .get(lang)
}

/// `DD.MM.YYYY HH:MM` in the reader's local time (the same in both languages).
fn when(at: Timestamp, offset: FixedOffset) -> String {
    at.with_timezone(&offset)
        .format("%d.%m.%Y %H:%M")
        .to_string()
}

/// Which copy held a record: «наша», «из файла».
fn side_name(lang: Lang, side: Side) -> &'static str {
    match side {
        Side::Ours => ReportText::SideOurs,
        Side::Theirs => ReportText::SideTheirs,
    }
    .get(lang)
}

/// Why a repair dropped a record, naming the id of what was missing.
fn reason_text(lang: Lang, reason: &DropReason) -> String {
    let (text, id) = match reason {
        DropReason::ClientMissing(id) => (ReportText::ClientMissing, id),
        DropReason::DealMissing(id) => (ReportText::DealMissing, id),
        DropReason::StageMissing(id) => (ReportText::StageMissing, id),
        DropReason::OwnerMissing(id) => (ReportText::OwnerMissing, id),
        DropReason::GroupMissing(id) => (ReportText::GroupMissing, id),
        DropReason::ProductMissing(id) => (ReportText::ProductMissing, id),
        DropReason::DuplicateId => return ReportText::DuplicateId.get(lang).to_owned(),
    };
    fill(text.get(lang), &[id.as_str()])
}

/// The first line: «Добавлено 12, обновлено 5, удалено 3, конфликтов 1».
pub fn summary_line(lang: Lang, report: &ImportReport) -> String {
    let s = report.report.summary();
    let conflicts = report.report.conflicts.len();
    fill(
        ReportText::Summary.get(lang),
        &[
            &s.added.to_string(),
            &s.updated.to_string(),
            &s.removed.to_string(),
            &conflicts.to_string(),
        ],
    )
}

/// Conflict `i` as a sentence: what, which field, both values and times, which was kept.
pub fn conflict_line(lang: Lang, report: &ImportReport, i: usize) -> String {
    let c = &report.report.conflicts[i];
    let (ours, theirs) = report.conflict_values.get(i).cloned().unwrap_or_default();
    let ours_at = when(c.ours_updated_at, report.offset);
    let theirs_at = when(c.theirs_updated_at, report.offset);
    let kind = kind_name(lang, c.kind);
    let (what, values) = match c.field {
        Some(field) => (
            fill(
                ReportText::ConflictField.get(lang),
                &[kind, &c.label, field_name(lang, field)],
            ),
            Some((ours, theirs)),
        ),
        None => (format!("{kind} «{}»", c.label), None),
    };
    match (c.winner, values) {
        (Side::Ours, Some((ours, theirs))) => fill(
            ReportText::KeptOursField.get(lang),
            &[&what, &ours, &ours_at, &theirs, &theirs_at],
        ),
        (Side::Theirs, Some((ours, theirs))) => fill(
            ReportText::TookTheirsField.get(lang),
            &[&what, &theirs, &theirs_at, &ours, &ours_at],
        ),
        (Side::Ours, None) => fill(
            ReportText::KeptOurs.get(lang),
            &[&what, &ours_at, &theirs_at],
        ),
        (Side::Theirs, None) => fill(
            ReportText::TookTheirs.get(lang),
            &[&what, &theirs_at, &ours_at],
        ),
    }
}

/// The report as plain text in `lang`, one fact per line.
pub fn report_text(lang: Lang, report: &ImportReport) -> String {
    let t = |k: ReportText| k.get(lang);
    let (meta, offset) = (&report.meta, report.offset);
    let unknown = t(ReportText::Unknown);
    let exported_at = meta.exported_at.map(|at| when(at, offset));
    let mut out = vec![
        t(ReportText::Title).to_owned(),
        summary_line(lang, report),
        fill(t(ReportText::File), &[&report.file_name]),
        fill(
            t(ReportText::Imported),
            &[&when(report.imported_at, offset)],
        ),
        fill(
            t(ReportText::Source),
            &[
                exported_at.as_deref().unwrap_or(unknown),
                meta.exported_by
                    .as_ref()
                    .map_or(unknown, |b| b.name.as_str()),
                meta.app_version.as_deref().unwrap_or(unknown),
                &meta.version.to_string(),
            ],
        ),
        String::new(),
    ];
    let counts = |c: KindCounts| {
        fill(
            t(ReportText::Counts),
            &[
                &c.added.to_string(),
                &c.updated.to_string(),
                &c.kept.to_string(),
                &c.removed.to_string(),
            ],
        )
    };
    out.push(fill(
        t(ReportText::Total),
        &[&counts(report.report.summary())],
    ));
    for kind in RecordKind::ALL {
        out.push(format!(
            "  {}: {}",
            kind_name(lang, kind),
            counts(report.report.counts(kind))
        ));
    }
    conflict_lines(lang, report, &mut out);
    resurrection_lines(lang, report, &mut out);
    repair_lines(lang, report, &mut out);
    out.push(String::new());
    out.join("\n")
}

/// The conflicts' heading and one line per conflict.
fn conflict_lines(lang: Lang, report: &ImportReport, out: &mut Vec<String>) {
    let conflicts = report.report.conflicts.len();
    out.push(String::new());
    out.push(fill(
        ReportText::Conflicts.get(lang),
        &[&conflicts.to_string()],
    ));
    for i in 0..conflicts {
        out.push(format!("  {}", conflict_line(lang, report, i)));
    }
}

/// The records kept although one side had deleted them: when deleted, when changed, by whom.
fn resurrection_lines(lang: Lang, report: &ImportReport, out: &mut Vec<String>) {
    let list = &report.report.resurrected;
    out.push(String::new());
    out.push(fill(
        ReportText::Resurrections.get(lang),
        &[&list.len().to_string()],
    ));
    for r in list {
        let line = fill(
            ReportText::Resurrected.get(lang),
            &[
                kind_name(lang, r.kind),
                &r.label,
                &when(r.removed_at, report.offset),
                &when(r.updated_at, report.offset),
                side_name(lang, r.held_by),
            ],
        );
        out.push(format!("  {line}"));
    }
}

/// The repairs: records dropped for a missing reference, deleted records kept while in use.
fn repair_lines(lang: Lang, report: &ImportReport, out: &mut Vec<String>) {
    let list = &report.report.repairs;
    out.push(String::new());
    out.push(fill(
        ReportText::Repairs.get(lang),
        &[&list.len().to_string()],
    ));
    for r in list {
        let line = match r {
            Repair::Dropped {
                kind,
                label,
                reason,
                ..
            } => fill(
                ReportText::Dropped.get(lang),
                &[kind_name(lang, *kind), label, &reason_text(lang, reason)],
            ),
            Repair::KeptInUse {
                kind,
                label,
                removed_at,
                used_by,
                ..
            } => {
                let users: Vec<&str> = used_by.iter().map(|i| i.as_str()).collect();
                fill(
                    ReportText::KeptInUse.get(lang),
                    &[
                        kind_name(lang, *kind),
                        label,
                        &when(*removed_at, report.offset),
                        &users.join(", "),
                    ],
                )
            }
        };
        out.push(format!("  {line}"));
    }
}
