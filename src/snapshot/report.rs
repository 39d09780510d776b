//! The downloadable report of a merge import, as plain text (Russian or English) and as JSON:
//! counts per kind, every conflict with its winner and both timestamps, resurrections and
//! repairs.
//!
//! The texts live here rather than in the UI translation table because they are long-form
//! report lines with figures, pinned by tests, and the report is built without a browser.

use super::read::SnapshotMeta;
use crate::domain::dates::Timestamp;
use crate::domain::merge::{DropReason, MergeReport, RecordKind, Repair, Side};
use crate::i18n::Lang;
use serde_json::{json, Value};

/// A merge import as the user downloads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    /// The imported file's name, as the user chose it.
    pub file_name: String,
    /// The file's header.
    pub meta: SnapshotMeta,
    /// When the import was done.
    pub imported_at: Timestamp,
    /// What the merge did.
    pub report: MergeReport,
}

/// The key of a kind in the JSON report (the same words as the snapshot's field names).
pub(super) fn kind_key(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Member => "member",
        RecordKind::Client => "client",
        RecordKind::Deal => "deal",
        RecordKind::Assessment => "assessment",
        RecordKind::ProductGroup => "product_group",
        RecordKind::Product => "product",
        RecordKind::Order => "order",
        RecordKind::Stage => "stage",
        RecordKind::ScoringModel => "scoring_model",
        RecordKind::Transfer => "transfer",
        RecordKind::TransferPolicy => "transfer_policy",
    }
}

/// A kind's name in reports and previews, «Клиент», «Заказ», …
pub fn kind_name(kind: RecordKind, lang: Lang) -> &'static str {
    let (ru, en) = match kind {
        RecordKind::Member => ("Сотрудник", "Team member"),
        RecordKind::Client => ("Клиент", "Client"),
        RecordKind::Deal => ("Сделка", "Deal"),
        RecordKind::Assessment => ("Оценка", "Assessment"),
        RecordKind::ProductGroup => ("Товарная группа", "Product group"),
        RecordKind::Product => ("Товар", "Product"),
        RecordKind::Order => ("Заказ", "Order"),
        RecordKind::Stage => ("Этап", "Stage"),
        RecordKind::ScoringModel => ("Модель квалификации", "Scoring model"),
        RecordKind::Transfer => ("Передача клиента", "Client transfer"),
        RecordKind::TransferPolicy => ("Правило передачи", "Transfer rule"),
    };
    pick(lang, ru, en)
}

fn pick(lang: Lang, ru: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ru => ru,
        Lang::En => en,
    }
}

/// `DD.MM.YYYY HH:MM UTC`: the app's date style; UTC because the file travels between people.
fn when(at: Timestamp) -> String {
    at.format("%d.%m.%Y %H:%M UTC").to_string()
}

fn side(s: Side, lang: Lang) -> &'static str {
    match s {
        Side::Ours => pick(lang, "наша", "ours"),
        Side::Theirs => pick(lang, "из файла", "the file's"),
    }
}

fn side_key(s: Side) -> &'static str {
    match s {
        Side::Ours => "ours",
        Side::Theirs => "theirs",
    }
}

fn reason(r: &DropReason, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    match r {
        DropReason::ClientMissing(id) if ru => format!("клиент {id} удалён"),
        DropReason::ClientMissing(id) => format!("client {id} was deleted"),
        DropReason::DealMissing(id) if ru => format!("сделка {id} удалена"),
        DropReason::DealMissing(id) => format!("deal {id} was deleted"),
        DropReason::StageMissing(id) if ru => format!("этапа {id} нет в воронке"),
        DropReason::StageMissing(id) => format!("stage {id} is not in the pipeline"),
        DropReason::OwnerMissing(id) if ru => format!("владельца {id} нет в команде"),
        DropReason::OwnerMissing(id) => format!("owner {id} is on no team"),
        DropReason::GroupMissing(id) if ru => format!("группы {id} нет в каталоге"),
        DropReason::GroupMissing(id) => format!("group {id} is in no catalogue"),
        DropReason::ProductMissing(id) if ru => format!("товара {id} нет в каталоге"),
        DropReason::ProductMissing(id) => format!("product {id} is in no catalogue"),
        DropReason::DuplicateId if ru => "тот же id у записи другого вида".to_owned(),
        DropReason::DuplicateId => "another kind of record has the same id".to_owned(),
    }
}

fn reason_key(r: &DropReason) -> (&'static str, Option<String>) {
    match r {
        DropReason::ClientMissing(id) => ("client_missing", Some(id.to_string())),
        DropReason::DealMissing(id) => ("deal_missing", Some(id.to_string())),
        DropReason::StageMissing(id) => ("stage_missing", Some(id.to_string())),
        DropReason::OwnerMissing(id) => ("owner_missing", Some(id.to_string())),
        DropReason::GroupMissing(id) => ("group_missing", Some(id.to_string())),
        DropReason::ProductMissing(id) => ("product_missing", Some(id.to_string())),
        DropReason::DuplicateId => ("duplicate_id", None),
    }
}

impl ImportReport {
    /// The report of a merge of the file `file_name` (header `meta`) done at `imported_at`.
    pub fn new(
        file_name: &str,
        meta: &SnapshotMeta,
        report: &MergeReport,
        imported_at: Timestamp,
    ) -> ImportReport {
        ImportReport {
            file_name: file_name.to_owned(),
            meta: meta.clone(),
            imported_at,
            report: report.clone(),
        }
    }

    /// The report as plain text in `lang`, one fact per line.
    pub fn to_text(&self, lang: Lang) -> String {
        let t = |ru, en| pick(lang, ru, en);
        let mut out = Vec::new();
        out.push(t("Отчёт об импорте Salesdesk", "Salesdesk import report").to_owned());
        out.push(format!("{}: {}", t("Файл", "File"), self.file_name));
        out.push(format!(
            "{}: {}",
            t("Импортирован", "Imported"),
            when(self.imported_at)
        ));
        let unknown = t("неизвестно", "unknown");
        out.push(format!(
            "{}: {}; {}: {}; {}: {}; {}: {}",
            t("Выгружен", "Exported"),
            self.meta
                .exported_at
                .map(when)
                .unwrap_or_else(|| unknown.to_owned()),
            t("кем", "by"),
            self.meta
                .exported_by
                .as_ref()
                .map_or(unknown, |b| b.name.as_str()),
            t("версия приложения", "app version"),
            self.meta.app_version.as_deref().unwrap_or(unknown),
            t("версия формата", "format version"),
            self.meta.version
        ));
        out.push(String::new());
        let counts = |c: crate::domain::merge::KindCounts| {
            format!(
                "{} {}, {} {}, {} {}, {} {}",
                t("добавлено", "added"),
                c.added,
                t("обновлено", "updated"),
                c.updated,
                t("без изменений", "unchanged"),
                c.kept,
                t("удалено", "removed"),
                c.removed
            )
        };
        out.push(format!(
            "{}: {}",
            t("Итого", "Total"),
            counts(self.report.summary())
        ));
        for kind in RecordKind::ALL {
            out.push(format!(
                "  {}: {}",
                kind_name(kind, lang),
                counts(self.report.counts(kind))
            ));
        }
        self.conflict_lines(lang, &mut out);
        self.resurrection_lines(lang, &mut out);
        self.repair_lines(lang, &mut out);
        out.push(String::new());
        out.join("\n")
    }

    fn conflict_lines(&self, lang: Lang, out: &mut Vec<String>) {
        let t = |ru, en| pick(lang, ru, en);
        out.push(String::new());
        out.push(format!(
            "{} ({}):",
            t("Конфликты", "Conflicts"),
            self.report.conflicts.len()
        ));
        for c in &self.report.conflicts {
            let (kind, ours, theirs) = (
                kind_name(c.kind, lang),
                when(c.ours_updated_at),
                when(c.theirs_updated_at),
            );
            out.push(match (lang, c.winner) {
                (Lang::Ru, Side::Ours) => format!(
                    "  {kind} «{}» ({}): оставлена наша версия; наша изменена {ours}, в файле — {theirs}",
                    c.label, c.id
                ),
                (Lang::Ru, Side::Theirs) => format!(
                    "  {kind} «{}» ({}): принята версия из файла; наша изменена {ours}, в файле — {theirs}",
                    c.label, c.id
                ),
                (Lang::En, Side::Ours) => format!(
                    "  {kind} «{}» ({}): kept ours; ours changed {ours}, the file's {theirs}",
                    c.label, c.id
                ),
                (Lang::En, Side::Theirs) => format!(
                    "  {kind} «{}» ({}): took the file's; ours changed {ours}, the file's {theirs}",
                    c.label, c.id
                ),
            });
        }
    }

    fn resurrection_lines(&self, lang: Lang, out: &mut Vec<String>) {
        let t = |ru, en| pick(lang, ru, en);
        out.push(String::new());
        out.push(format!(
            "{} ({}):",
            t("Восстановлены после удаления", "Kept despite a deletion"),
            self.report.resurrected.len()
        ));
        for r in &self.report.resurrected {
            out.push(format!(
                "  {} «{}» ({}): {} {}, {} {} ({}: {})",
                kind_name(r.kind, lang),
                r.label,
                r.id,
                t("удалена", "deleted"),
                when(r.removed_at),
                t("изменена позже", "changed later"),
                when(r.updated_at),
                t("запись была", "held by"),
                side(r.held_by, lang)
            ));
        }
    }

    fn repair_lines(&self, lang: Lang, out: &mut Vec<String>) {
        let t = |ru, en| pick(lang, ru, en);
        out.push(String::new());
        out.push(format!(
            "{} ({}):",
            t("Исправления", "Repairs"),
            self.report.repairs.len()
        ));
        for r in &self.report.repairs {
            out.push(match r {
                Repair::Dropped {
                    kind,
                    id,
                    label,
                    reason: why,
                } => format!(
                    "  {} {} «{}» ({}): {}",
                    t("Убрана запись:", "Dropped:"),
                    kind_name(*kind, lang),
                    label,
                    id,
                    reason(why, lang)
                ),
                Repair::KeptInUse {
                    kind,
                    id,
                    label,
                    removed_at,
                    used_by,
                    ..
                } => format!(
                    "  {} {} «{}» ({}), {} {}: {} {}",
                    t("Оставлена запись:", "Kept:"),
                    kind_name(*kind, lang),
                    label,
                    id,
                    t("удалённая", "deleted"),
                    when(*removed_at),
                    t("её используют", "still used by"),
                    used_by
                        .iter()
                        .map(|i| i.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }

    /// The report as a JSON value (kinds, sides and reasons as snake_case keys, timestamps
    /// RFC 3339).
    pub fn to_json_value(&self) -> Value {
        let r = &self.report;
        let counts: serde_json::Map<String, Value> = RecordKind::ALL
            .iter()
            .map(|&k| {
                let c = r.counts(k);
                (
                    kind_key(k).to_owned(),
                    json!({"added": c.added, "updated": c.updated, "unchanged": c.kept, "removed": c.removed}),
                )
            })
            .collect();
        let conflicts: Vec<Value> = r
            .conflicts
            .iter()
            .map(|c| {
                json!({"kind": kind_key(c.kind), "id": c.id, "label": c.label,
                    "winner": side_key(c.winner), "ours_updated_at": c.ours_updated_at,
                    "theirs_updated_at": c.theirs_updated_at})
            })
            .collect();
        let resurrections: Vec<Value> = r
            .resurrected
            .iter()
            .map(|x| {
                json!({"kind": kind_key(x.kind), "id": x.id, "label": x.label,
                    "removed_at": x.removed_at, "updated_at": x.updated_at,
                    "held_by": side_key(x.held_by)})
            })
            .collect();
        let repairs: Vec<Value> = r
            .repairs
            .iter()
            .map(|x| match x {
                Repair::Dropped {
                    kind,
                    id,
                    label,
                    reason: why,
                } => {
                    let (key, about) = reason_key(why);
                    json!({"repair": "dropped", "kind": kind_key(*kind), "id": id,
                        "label": label, "reason": key, "missing": about})
                }
                Repair::KeptInUse {
                    kind,
                    id,
                    label,
                    removed_at,
                    held_by,
                    used_by,
                } => json!({"repair": "kept_in_use", "kind": kind_key(*kind), "id": id,
                    "label": label, "removed_at": removed_at, "held_by": side_key(*held_by),
                    "used_by": used_by}),
            })
            .collect();
        json!({
            "file_name": self.file_name,
            "imported_at": self.imported_at,
            "source": {
                "version": self.meta.version,
                "app_version": self.meta.app_version,
                "exported_at": self.meta.exported_at,
                "exported_by": self.meta.exported_by,
            },
            "counts": counts,
            "tombstones_changed": r.tombstones_changed,
            "conflicts": conflicts,
            "resurrections": resurrections,
            "repairs": repairs,
        })
    }

    /// The report as pretty-printed JSON (small, and meant to be read).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_json_value()).unwrap_or_default()
    }
}
