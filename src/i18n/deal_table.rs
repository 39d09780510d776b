//! User-facing texts of closing deals, the stage history and the pipeline settings, Russian
//! first, English second. A table of its own so that no table grows past a screenful of topics.

use super::macros::texts;

texts! {
    DealText;
    // Errors
    ErrAlreadyClosed => "Сделка уже закрыта.", "The deal is already closed.";
    ErrNotClosed => "Сделка не закрыта.", "The deal is not closed.";
    ErrReasonRequired => "Укажите причину проигрыша.", "Give the reason the deal was lost.";
    ErrAmountRange => "Недопустимая сумма.", "The amount is out of range.";
    ErrSettings => "Настройки воронки заполнены неверно.", "The pipeline settings are not valid.";
    ErrBlankReason => "Причина {} пустая.", "Reason {} is empty.";
    ErrDuplicateReason => "Причина {} повторяет другую.", "Reason {} repeats another one.";
    ErrLimitRange => "Срок этапа «{}» — от 1 до 3650 дней.", "The limit of stage «{}» must be 1 to 3650 days.";
    ErrDuplicateStage => "Срок этапа «{}» задан дважды.", "Stage «{}» has two limits.";
    ErrFileSettings => "Настройки воронки в файле неверны: {}", "The pipeline settings in the file are invalid: {}";
    ErrFileBlankReason => "{}: у проигранной сделки не указана причина.", "{}: a lost deal has no reason.";
    // Lost reasons
    ReasonNoBudget => "Нет бюджета", "No budget";
    ReasonCompetitor => "Выбрали конкурента", "Chose a competitor";
    ReasonNoDecisionMaker => "Нет ЛПР / не вышли на ЛПР", "No decision maker / never reached one";
    ReasonNeedGone => "Потребность пропала", "The need went away";
    ReasonPrice => "Не устроила цена", "Price not accepted";
    ReasonTiming => "Не устроили сроки", "Timing not accepted";
    ReasonNoAnswer => "Не отвечает", "Does not answer";
    // Closing
    CloseDeal => "Закрыть", "Close";
    CloseDealAria => "Закрыть сделку «{}»", "Close the deal «{}»";
    CloseTitle => "Закрыть сделку «{}»", "Close the deal «{}»";
    OutcomeLabel => "Итог", "Outcome";
    OutcomeWon => "Выиграна", "Won";
    OutcomeLost => "Проиграна", "Lost";
    ReasonLabel => "Причина", "Reason";
    ReasonOther => "Другая причина…", "Another reason…";
    ReasonOwnWords => "Причина своими словами", "The reason in your words";
    NoteLabel => "Комментарий (необязательно)", "Comment (optional)";
    WonAmountLabel => "Сумма продажи, ₽", "Sale amount, ₽";
    CloseConfirm => "Закрыть сделку", "Close the deal";
    ClosedWon => "Сделка «{}» выиграна", "The deal «{}» is won";
    ClosedLost => "Сделка «{}» закрыта как проигранная", "The deal «{}» is closed as lost";
    Reopen => "Вернуть в работу", "Reopen";
    ReopenAria => "Вернуть в работу сделку «{}»", "Reopen the deal «{}»";
    Reopened => "Сделка «{}» снова в работе", "The deal «{}» is open again";
    WonOn => "Выиграна {}: {}", "Won {}: {}";
    LostOn => "Проиграна {}: {}", "Lost {}: {}";
    ShowClosed => "Показать закрытые", "Show closed";
    Stuck => "Застряла", "Stuck";
    // The first order wins the deal
    FirstSaleQ => "Первый заказ клиента: отметить сделку выигранной?", "The client's first order: mark the deal won?";
    FirstSaleText => "Сделка «{}» будет закрыта как выигранная на сумму заказа {}.", "The deal «{}» will be closed as won for the order's amount of {}.";
    FirstSaleConfirm => "Да, сделка выиграна", "Yes, the deal is won";
    NotNow => "Не сейчас", "Not now";
    // Stage history
    HistoryTitle => "История этапов", "Stage history";
    HistCreated => "создана в этапе «{}»", "created in «{}»";
    HistMoved => "«{}» → «{}»", "«{}» → «{}»";
    HistWon => "выиграна в этапе «{}»", "won in «{}»";
    HistLost => "проиграна в этапе «{}»", "lost in «{}»";
    HistReopened => "возвращена в работу в этап «{}»", "reopened in «{}»";
    HistMigrated => "в этапе «{}» (начало истории)", "in «{}» (start of the history)";
    UnknownStage => "этап удалён", "removed stage";
    // The team summary
    SumClosed => "Сделки: выиграно / проиграно", "Deals: won / lost";
    // Settings
    PipelineTitle => "Воронка: причины проигрыша и сроки этапов", "Pipeline: lost reasons and stage limits";
    PipelineHint => "Причины предлагаются, когда сделку закрывают как проигранную. Сделка, которая стоит в этапе дольше срока, отмечается на доске как застрявшая; пустое поле — без срока.", "The reasons are offered when a deal is closed as lost. A deal that stays in a stage longer than its limit is flagged on the board as stuck; leave a field empty for no limit.";
    LostReasonsTitle => "Причины проигрыша", "Lost reasons";
    NewReason => "Новая причина", "New reason";
    AddReason => "Добавить причину", "Add reason";
    RemoveReason => "Убрать причину «{}»", "Remove the reason «{}»";
    StageLimitsTitle => "Сроки этапов, дней", "Stage limits, days";
    NoLimit => "без срока", "no limit";
    SavePipeline => "Сохранить настройки воронки", "Save pipeline settings";
    PipelineSaved => "Настройки воронки сохранены", "Pipeline settings saved";
}
