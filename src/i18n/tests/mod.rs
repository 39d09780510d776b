//! Tests of the translation layer: checks over every table (both languages, the same places,
//! Russian really Russian), a few helpers read as sentences, and (in the files below) the
//! transfer explanations and the merge report with their exact words.

mod outcome;
mod report;

use super::changes_table::ChangesText;
use super::dash_table::DashText;
use super::deal_table::DealText;
use super::errors::{describe_problem, describe_workspace_error};
use super::import_table::ImportText;
use super::names::stage_name;
use super::plan_table::PlanText;
use super::report_table::ReportText;
use super::sales_table::SalesText;
use super::snapshot_table::SnapshotText;
use super::table::Text;
use super::task_table::TaskText;
use super::translate::{fill, Translate};
use super::PlaybookText;
use crate::domain::draft::Problem;
use crate::domain::inn::InnError;
use crate::domain::{Stage, StageKey, WorkspaceError};
use crate::lang::Lang;

#[test]
fn every_text_exists_in_both_languages_with_matching_placeholders() {
    fn rows<T: Translate + std::fmt::Debug>(
        table: &[T],
    ) -> impl Iterator<Item = (String, &'static str, &'static str)> + '_ {
        table
            .iter()
            .map(|t| (format!("{t:?}"), t.get(Lang::Ru), t.get(Lang::En)))
    }
    let all = rows(Text::ALL)
        .chain(rows(SalesText::ALL))
        .chain(rows(SnapshotText::ALL))
        .chain(rows(ReportText::ALL))
        .chain(rows(DealText::ALL))
        .chain(rows(DashText::ALL))
        .chain(rows(ChangesText::ALL))
        .chain(rows(ImportText::ALL))
        .chain(rows(PlanText::ALL))
        .chain(rows(TaskText::ALL))
        .chain(rows(PlaybookText::ALL))
        .chain(rows(crate::i18n::SheetText::ALL))
        .chain(rows(crate::i18n::SyncText::ALL));
    for (text, ru, en) in all {
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
            Text::SwitchLanguage
                | Text::SwitchLanguageShort
                | Text::FieldEmail
                | Text::ShownOfTotal
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
    for text in DashText::ALL {
        assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
    }
    for text in crate::i18n::SyncText::ALL {
        assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
    }
    for text in PlanText::ALL {
        assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
    }
    for text in ChangesText::ALL {
        // «{} → {}» is two stage names and an arrow in every language.
        if *text != ChangesText::DetailStages {
            assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
        }
    }
    for text in ImportText::ALL {
        // The names of encodings are the same in every language.
        if !matches!(text, ImportText::EncodingUtf8) {
            assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
        }
    }
    for text in crate::i18n::SheetText::ALL {
        use crate::i18n::SheetText;
        // «CSV» and «E-mail» read the same in Russian.
        if !matches!(text, SheetText::DownloadCsv | SheetText::Email) {
            assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
        }
    }
    for text in ReportText::ALL {
        if *text != ReportText::FieldContactEmail {
            assert!(cyrillic(text.get(Lang::Ru)), "{text:?} has no Russian text");
        }
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
    assert!(describe_problem(Lang::Ru, &Problem::Inn(InnError::BadChecksum)).contains("опечатки"));
}

#[test]
fn days_in_stage_and_stage_limits_take_their_russian_plural() {
    use super::deals::{days_in_stage, stage_limit_text};
    let ru: Vec<String> = [1, 2, 5, 11, 21, 22]
        .iter()
        .map(|&n| days_in_stage(Lang::Ru, n))
        .collect();
    assert_eq!(
        ru,
        [
            "1 день в этапе",
            "2 дня в этапе",
            "5 дней в этапе",
            "11 дней в этапе",
            "21 день в этапе",
            "22 дня в этапе"
        ]
    );
    assert_eq!(days_in_stage(Lang::Ru, 0), "0 дней в этапе");
    assert_eq!(days_in_stage(Lang::En, 1), "1 day in stage");
    assert_eq!(days_in_stage(Lang::En, 3), "3 days in stage");
    assert_eq!(
        stage_limit_text(Lang::Ru, 14),
        "Дольше срока этапа: 14 дней"
    );
    assert_eq!(
        stage_limit_text(Lang::Ru, 21),
        "Дольше срока этапа: 21 день"
    );
}

#[test]
fn closed_deals_and_history_read_as_sentences() {
    use super::deals::{closure_text, history_text, reason_name};
    use crate::domain::deal_flow::{
        Closure, LostReason, LostReasonKey, StageChange, StageChangeKind,
    };
    use crate::domain::{Id, Money};
    let at = crate::testkit::fixtures::t0();
    let lost = Closure::Lost {
        reason: LostReason::builtin(LostReasonKey::NoDecisionMaker),
        note: "ушёл в отпуск".into(),
        at,
    };
    assert_eq!(
        closure_text(Lang::Ru, &lost, "15.01.2026"),
        "Проиграна 15.01.2026: Нет ЛПР / не вышли на ЛПР (ушёл в отпуск)"
    );
    let won = Closure::Won {
        amount: Money::from_rubles(42_000),
        order_id: None,
        at,
    };
    assert_eq!(
        closure_text(Lang::En, &won, "15.01.2026").replace('\u{a0}', " "),
        "Won 15.01.2026: 42 000 ₽"
    );
    assert_eq!(
        reason_name(Lang::En, &LostReason::custom("Тендер")),
        "Тендер"
    );
    let stage = |id: &Id| {
        let s = Stage::builtin(StageKey::Proposal);
        (id == &s.id).then(|| stage_name(Lang::Ru, &s))
    };
    let moved = StageChange {
        id: Id::from_raw("h1"),
        deal_id: Id::from_raw("d1"),
        kind: StageChangeKind::Moved,
        from: Some(StageKey::Proposal.default_id()),
        to: Id::from_raw("stage-gone"),
        at,
        by: None,
        restored_at: None,
    };
    assert_eq!(
        history_text(Lang::Ru, &moved, stage),
        "«КП» → «этап удалён»"
    );
}
