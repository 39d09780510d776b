//! The merge report in words, line by line, in both languages (the report's data is built by
//! the snapshot layer's tests: [`report`]).

use crate::domain::merge::RecordKind;
use crate::i18n::report::{conflict_line, field_name, kind_name, report_text, summary_line};
use crate::lang::Lang;
use crate::snapshot::tests::preview::report;

#[test]
fn the_russian_report_lists_conflicts_resurrections_and_counts() {
    let text = report_text(Lang::Ru, &report());
    for line in [
        "Отчёт об импорте Salesdesk",
        "Добавлено 2, обновлено 1, удалено 2, конфликтов 1",
        "Файл: salesdesk-olga-smirnova-2026-03-10.json",
        "Импортирован: 15.01.2026 13:00",
        "Выгружен: 10.03.2026 15:00; кем: Ольга Смирнова; версия приложения: 0.1.0; версия формата: 6",
        "  Клиент: добавлено 1, обновлено 1, без изменений 2, удалено 0",
        "Конфликты (1):",
        "  Клиент «ИП Орлов Дмитрий», поле «Название»: оставлено наше «ИП Орлов Дмитрий» (15.01.2026 12:50), в файле — «ИП Орлов Д. С.» (15.01.2026 12:20)",
        "Восстановлены после удаления (1):",
        "  Сделка «Переговоры о годовом контракте»: удалена 15.01.2026 12:10, изменена позже 15.01.2026 12:25 (запись была: из файла)",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
    // Ids stay in the JSON; the text names records.
    for raw in ["(c2)", "(c3)", "(d3)"] {
        assert!(!text.contains(raw), "{raw} in\n{text}");
    }
}

#[test]
fn the_english_report_says_the_same() {
    let text = report_text(Lang::En, &report());
    for line in [
        "Salesdesk import report",
        "Added 2, updated 1, removed 2, conflicts 1",
        "Conflicts (1):",
        "  Client «ИП Орлов Дмитрий», field «Name»: kept ours «ИП Орлов Дмитрий» (15.01.2026 12:50); the file had «ИП Орлов Д. С.» (15.01.2026 12:20)",
        "Kept despite a deletion (1):",
        "Repairs (0):",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn the_preview_and_the_forms_name_kinds_and_fields_like_the_report() {
    let r = report();
    assert_eq!(
        summary_line(Lang::Ru, &r),
        "Добавлено 2, обновлено 1, удалено 2, конфликтов 1"
    );
    // The preview lists each conflict as the report will have it.
    let line = format!("  {}", conflict_line(Lang::Ru, &r, 0));
    assert!(report_text(Lang::Ru, &r).lines().any(|l| l == line));
    assert_eq!(
        kind_name(Lang::Ru, RecordKind::Transfer),
        "Передача клиента"
    );
    assert_eq!(
        kind_name(Lang::En, RecordKind::ProductGroup),
        "Product group"
    );
    assert_eq!(field_name(Lang::Ru, "contact.phone"), "Телефон");
    assert_eq!(field_name(Lang::En, "next_step_date"), "Next step date");
    assert_eq!(field_name(Lang::Ru, "something_new"), "Запись");
}
