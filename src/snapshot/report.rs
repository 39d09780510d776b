//! The downloadable report of a merge import, as plain text (Russian or English) and as JSON:
//! a one-line summary, counts per kind, every conflict by record name and field with both
//! values and times (local time), resurrections and repairs. Ids appear only in the JSON.
//!
//! The texts live here rather than in the UI translation table because they are long-form
//! report lines with figures, pinned by tests, and the report is built without a browser.

use super::read::SnapshotMeta;
use crate::domain::dates::Timestamp;
use crate::domain::merge::{DropReason, MergeReport, RecordKind, Repair, Side};
use crate::domain::workspace::Workspace;
use crate::i18n::Lang;
use chrono::FixedOffset;
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
    /// The reader's offset from UTC, for showing times as the reader's clock shows them.
    pub offset: FixedOffset,
    /// Each conflict's two values as people read them (names instead of ids), in the order
    /// of `report.conflicts`.
    pub conflict_values: Vec<(String, String)>,
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

/// `DD.MM.YYYY HH:MM` in the reader's local time.
fn when(at: Timestamp, offset: FixedOffset) -> String {
    at.with_timezone(&offset)
        .format("%d.%m.%Y %H:%M")
        .to_string()
}

/// A field's name as a person reads it, «Телефон» for `contact.phone`.
pub fn field_name(field: &str, lang: Lang) -> &'static str {
    let (ru, en) = match field {
        "name" => ("Название", "Name"),
        "inn" => ("ИНН", "INN"),
        "contact.name" => ("Контактное лицо", "Contact person"),
        "contact.phone" => ("Телефон", "Phone"),
        "contact.email" => ("E-mail", "E-mail"),
        "owner_id" => ("Ответственный", "Owner"),
        "status" => ("Статус", "Status"),
        "notes" => ("Заметки", "Notes"),
        "yearly_spend" => ("Годовой объём закупок", "Yearly spend"),
        "client_id" => ("Клиент", "Client"),
        "title" => ("Название сделки", "Deal title"),
        "stage_id" => ("Этап", "Stage"),
        "amount" => ("Сумма", "Amount"),
        "next_step" => ("Следующий шаг", "Next step"),
        "next_step_date" => ("Дата следующего шага", "Next step date"),
        "job_title" => ("Должность", "Job title"),
        "group_id" => ("Группа", "Group"),
        "date" => ("Дата", "Date"),
        "lines" => ("Строки заказа", "Order lines"),
        _ => ("Запись", "Record"),
    };
    pick(lang, ru, en)
}

/// A field value (JSON text) as a person reads it: text without quotes, ids as the names of
/// what they point to, dates as DD.MM.YYYY, amounts in roubles, empty as «—».
fn readable(json_text: &str, ws: &Workspace) -> String {
    let value: Value = serde_json::from_str(json_text).unwrap_or(Value::Null);
    match &value {
        Value::Null => "—".to_owned(),
        Value::String(s) if s.is_empty() => "—".to_owned(),
        Value::String(s) => {
            let id = crate::domain::Id::from_raw(s.as_str());
            if let Some(name) = ws
                .member(&id)
                .map(|m| m.name.clone())
                .or_else(|| ws.client(&id).map(|c| c.name.clone()))
                .or_else(|| ws.stage(&id).map(crate::domain::merge::Record::label))
                .or_else(|| {
                    ws.products
                        .iter()
                        .find(|p| p.id == id)
                        .map(|p| p.name.clone())
                })
                .or_else(|| {
                    let groups = ws.product_groups.iter();
                    groups.clone().find(|g| g.id == id).map(|g| g.name.clone())
                })
            {
                return name;
            }
            match crate::domain::dates::parse_date(s) {
                Some(d) if s.len() == 10 => crate::domain::dates::format_date(d),
                _ => s.clone(),
            }
        }
        Value::Number(n) => n
            .as_i64()
            .map(|k| crate::domain::Money::from_kopecks(k).to_string())
            .unwrap_or_else(|| n.to_string()),
        other => other.to_string(),
    }
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
        offset: FixedOffset,
        names: &Workspace,
    ) -> ImportReport {
        let conflict_values = report
            .conflicts
            .iter()
            .map(|c| {
                (
                    readable(&c.ours_value, names),
                    readable(&c.theirs_value, names),
                )
            })
            .collect();
        ImportReport {
            file_name: file_name.to_owned(),
            meta: meta.clone(),
            imported_at,
            report: report.clone(),
            offset,
            conflict_values,
        }
    }

    /// The first line: «Добавлено 12, обновлено 5, удалено 3, конфликтов 1».
    pub fn summary_line(&self, lang: Lang) -> String {
        let s = self.report.summary();
        let conflicts = self.report.conflicts.len();
        match lang {
            Lang::Ru => format!(
                "Добавлено {}, обновлено {}, удалено {}, конфликтов {}",
                s.added, s.updated, s.removed, conflicts
            ),
            Lang::En => format!(
                "Added {}, updated {}, removed {}, conflicts {}",
                s.added, s.updated, s.removed, conflicts
            ),
        }
    }

    /// One conflict as a sentence: what, which field, both values and times, which was kept.
    pub fn conflict_line(&self, i: usize, lang: Lang) -> String {
        let c = &self.report.conflicts[i];
        let (ours, theirs) = self.conflict_values.get(i).cloned().unwrap_or_default();
        let (ours_at, theirs_at) = (
            when(c.ours_updated_at, self.offset),
            when(c.theirs_updated_at, self.offset),
        );
        let what = match c.field {
            Some(field) => format!(
                "{} «{}», {} «{}»",
                kind_name(c.kind, lang),
                c.label,
                pick(lang, "поле", "field"),
                field_name(field, lang)
            ),
            None => format!("{} «{}»", kind_name(c.kind, lang), c.label),
        };
        match (lang, c.winner, c.field.is_some()) {
            (Lang::Ru, Side::Ours, true) => format!(
                "{what}: оставлено наше «{ours}» ({ours_at}), в файле — «{theirs}» ({theirs_at})"
            ),
            (Lang::Ru, Side::Theirs, true) => format!(
                "{what}: принято из файла «{theirs}» ({theirs_at}) вместо нашего «{ours}» ({ours_at})"
            ),
            (Lang::En, Side::Ours, true) => format!(
                "{what}: kept ours «{ours}» ({ours_at}); the file had «{theirs}» ({theirs_at})"
            ),
            (Lang::En, Side::Theirs, true) => format!(
                "{what}: took the file's «{theirs}» ({theirs_at}) over ours «{ours}» ({ours_at})"
            ),
            (Lang::Ru, Side::Ours, false) => format!(
                "{what}: оставлена наша версия ({ours_at}), в файле — от {theirs_at}"
            ),
            (Lang::Ru, Side::Theirs, false) => format!(
                "{what}: принята версия из файла ({theirs_at}) вместо нашей ({ours_at})"
            ),
            (Lang::En, Side::Ours, false) => {
                format!("{what}: kept ours ({ours_at}); the file's is from {theirs_at}")
            }
            (Lang::En, Side::Theirs, false) => {
                format!("{what}: took the file's ({theirs_at}) over ours ({ours_at})")
            }
        }
    }

    /// The report as plain text in `lang`, one fact per line.
    pub fn to_text(&self, lang: Lang) -> String {
        let t = |ru, en| pick(lang, ru, en);
        let mut out = Vec::new();
        out.push(t("Отчёт об импорте Salesdesk", "Salesdesk import report").to_owned());
        out.push(self.summary_line(lang));
        out.push(format!("{}: {}", t("Файл", "File"), self.file_name));
        out.push(format!(
            "{}: {}",
            t("Импортирован", "Imported"),
            when(self.imported_at, self.offset)
        ));
        let unknown = t("неизвестно", "unknown");
        out.push(format!(
            "{}: {}; {}: {}; {}: {}; {}: {}",
            t("Выгружен", "Exported"),
            self.meta
                .exported_at
                .map(|at| when(at, self.offset))
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
        for i in 0..self.report.conflicts.len() {
            out.push(format!("  {}", self.conflict_line(i, lang)));
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
                "  {} «{}»: {} {}, {} {} ({}: {})",
                kind_name(r.kind, lang),
                r.label,
                t("удалена", "deleted"),
                when(r.removed_at, self.offset),
                t("изменена позже", "changed later"),
                when(r.updated_at, self.offset),
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
                } => {
                    let _ = id;
                    format!(
                        "  {} {} «{}»: {}",
                        t("Убрана запись:", "Dropped:"),
                        kind_name(*kind, lang),
                        label,
                        reason(why, lang)
                    )
                }
                Repair::KeptInUse {
                    kind,
                    label,
                    removed_at,
                    used_by,
                    ..
                } => format!(
                    "  {} {} «{}», {} {}: {} {}",
                    t("Оставлена запись:", "Kept:"),
                    kind_name(*kind, lang),
                    label,
                    t("удалённая", "deleted"),
                    when(*removed_at, self.offset),
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
                    "field": c.field, "ours_value": serde_json::from_str::<Value>(&c.ours_value).ok(),
                    "theirs_value": serde_json::from_str::<Value>(&c.theirs_value).ok(),
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
