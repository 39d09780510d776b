//! User-facing texts of the merge report (and the names of record kinds and fields it shares
//! with the import preview and the forms), Russian first, English second. `{}` marks a value
//! filled in by [`fill`](super::translate::fill), in order; both languages take the values in
//! the same order.

use super::macros::texts;

texts! {
    ReportText;
    // Record kinds
    KindMember => "Сотрудник", "Team member";
    KindClient => "Клиент", "Client";
    KindDeal => "Сделка", "Deal";
    KindAssessment => "Оценка", "Assessment";
    KindProductGroup => "Товарная группа", "Product group";
    KindProduct => "Товар", "Product";
    KindOrder => "Заказ", "Order";
    KindStage => "Этап", "Stage";
    KindScoringModel => "Модель квалификации", "Scoring model";
    KindTransfer => "Передача клиента", "Client transfer";
    KindTransferPolicy => "Правило передачи", "Transfer rule";
    KindStageChange => "Смена этапа", "Stage change";
    KindPipelineSettings => "Настройки воронки", "Pipeline settings";
    KindSalesPlan => "План продаж", "Sales plan";
    KindActivity => "Запись о контакте", "Activity";
    KindTask => "Дело", "Task";
    // Record fields
    FieldName => "Название", "Name";
    FieldInn => "ИНН", "INN";
    FieldContactName => "Контактное лицо", "Contact person";
    FieldContactPhone => "Телефон", "Phone";
    FieldContactEmail => "E-mail", "E-mail";
    FieldOwner => "Ответственный", "Owner";
    FieldStatus => "Статус", "Status";
    FieldNotes => "Заметки", "Notes";
    FieldYearlySpend => "Годовой объём закупок", "Yearly spend";
    FieldClient => "Клиент", "Client";
    FieldDealTitle => "Название сделки", "Deal title";
    FieldStage => "Этап", "Stage";
    FieldAmount => "Сумма", "Amount";
    FieldNextStep => "Следующий шаг", "Next step";
    FieldNextStepDate => "Дата следующего шага", "Next step date";
    FieldJobTitle => "Должность", "Job title";
    FieldGroup => "Группа", "Group";
    FieldDate => "Дата", "Date";
    FieldLines => "Строки заказа", "Order lines";
    FieldClosed => "Итог сделки", "Deal outcome";
    FieldLostReasons => "Причины проигрыша", "Lost reasons";
    FieldStageLimits => "Сроки этапов", "Stage limits";
    FieldOther => "Запись", "Record";
    // The report's head
    Title => "Отчёт об импорте Salesdesk", "Salesdesk import report";
    Summary => "Добавлено {}, обновлено {}, удалено {}, конфликтов {}", "Added {}, updated {}, removed {}, conflicts {}";
    File => "Файл: {}", "File: {}";
    Imported => "Импортирован: {}", "Imported: {}";
    Source => "Выгружен: {}; кем: {}; версия приложения: {}; версия формата: {}", "Exported: {}; by: {}; app version: {}; format version: {}";
    Unknown => "неизвестно", "unknown";
    Counts => "добавлено {}, обновлено {}, без изменений {}, удалено {}", "added {}, updated {}, unchanged {}, removed {}";
    Total => "Итого: {}", "Total: {}";
    // Conflicts: what (kind, name, field), then both values with their times
    ConflictField => "{} «{}», поле «{}»", "{} «{}», field «{}»";
    KeptOursField => "{}: оставлено наше «{}» ({}), в файле — «{}» ({})", "{}: kept ours «{}» ({}); the file had «{}» ({})";
    TookTheirsField => "{}: принято из файла «{}» ({}) вместо нашего «{}» ({})", "{}: took the file's «{}» ({}) over ours «{}» ({})";
    KeptOurs => "{}: оставлена наша версия ({}), в файле — от {}", "{}: kept ours ({}); the file's is from {}";
    TookTheirs => "{}: принята версия из файла ({}) вместо нашей ({})", "{}: took the file's ({}) over ours ({})";
    Conflicts => "Конфликты ({}):", "Conflicts ({}):";
    // Resurrections
    Resurrections => "Восстановлены после удаления ({}):", "Kept despite a deletion ({}):";
    Resurrected => "{} «{}»: удалена {}, изменена позже {} (запись была: {})", "{} «{}»: deleted {}, changed later {} (held by: {})";
    SideOurs => "наша", "ours";
    SideTheirs => "из файла", "the file's";
    // Repairs
    Repairs => "Исправления ({}):", "Repairs ({}):";
    Dropped => "Убрана запись: {} «{}»: {}", "Dropped: {} «{}»: {}";
    KeptInUse => "Оставлена запись: {} «{}», удалённая {}: её используют {}", "Kept: {} «{}», deleted {}: still used by {}";
    ClientMissing => "клиент {} удалён", "client {} was deleted";
    DealMissing => "сделка {} удалена", "deal {} was deleted";
    StageMissing => "этапа {} нет в воронке", "stage {} is not in the pipeline";
    OwnerMissing => "владельца {} нет в команде", "owner {} is on no team";
    GroupMissing => "группы {} нет в каталоге", "group {} is in no catalogue";
    ProductMissing => "товара {} нет в каталоге", "product {} is in no catalogue";
    DuplicateId => "тот же id у записи другого вида", "another kind of record has the same id";
}
