//! User-facing texts of the playbook (each stage's checklist) and of the director's stage
//! editor, Russian first, English second.

use super::macros::texts;

texts! {
    PlaybookText;
    // The method's default items, per stage
    LeadContact => "Первый контакт с компанией", "First contact with the company";
    LeadDecider => "Узнать, кто принимает решение", "Find out who decides";
    LeadSource => "Записать источник лида", "Log the lead's source";
    LeadTalkAgreed => "Договориться о разговоре с нужным человеком", "Agree a conversation with the right person";
    QualBant => "Оценить BANT: бюджет, полномочия, потребность, сроки", "Assess BANT: budget, authority, need, timeline";
    QualDecisionMaker => "Найти ЛПР", "Find the decision maker";
    QualVerdict => "Решить: дорабатывать или идти дальше", "Decide: nurture or go on";
    NeedsMeeting => "Встреча или звонок о ситуации клиента", "Meeting or call on the client's situation";
    NeedsVolumes => "Узнать объёмы и текущего поставщика", "Learn the volumes and the current supplier";
    NeedsWritten => "Записать потребности и порядок принятия решения", "Write down the needs and how the decision is made";
    ProposalSend => "Отправить КП", "Send the proposal";
    ProposalAnswerDate => "Согласовать дату ответа", "Agree the date of the answer";
    ProposalAnswered => "Клиент прочитал КП и ответил", "The client has read it and answered";
    NegotiationObjections => "Отработать возражения", "Handle the objections";
    NegotiationTerms => "Обсудить цену, условия, образцы", "Discuss price, terms, samples";
    NegotiationAgreed => "Условия согласованы", "Terms agreed";
    ContractSigned => "Подписать договор", "Sign the contract";
    ContractInvoice => "Выставить счёт", "Issue the invoice";
    ContractPaid => "Счёт оплачен или отгрузка согласована", "Invoice paid or shipment agreed";
    FirstShipment => "Отгрузка", "Shipment";
    FirstPayment => "Первая оплата", "First payment";
    FirstHandover => "План передачи клиента фермеру", "Plan the hand-over to a farmer";
    // The deal card
    ChecklistTitle => "Что сделать на этапе «{}»", "What to do at «{}»";
    ChecklistDone => "выполнено {} из {}", "{} of {} done";
    ChecklistEmpty => "Для этого этапа чек-лист не задан.", "This stage has no checklist.";
    GateQuestion => "Не выполнено: {}. Всё равно перейти?", "Not done: {}. Move on anyway?";
    GateTitle => "Этап «{}» не завершён", "Stage «{}» is not finished";
    GateConfirm => "Всё равно перейти", "Move on anyway";
    GateCancel => "Остаться", "Stay";
    // The board on a phone
    BoardStagesLabel => "Этапы воронки", "Pipeline stages";
    BoardTabDeals => ", сделок:", ", deals:";
    // The client card's summary and sections
    SummaryTitle => "Коротко о клиенте", "The client at a glance";
    SummaryStatus => "Статус", "Status";
    SummaryOwner => "Ответственный", "Owner";
    SummaryNextStep => "Следующий шаг", "Next step";
    SummaryNoNextStep => "нет — назначьте в сделке", "none: set one on a deal";
    SummaryLastOrder => "Последний заказ", "Last order";
    SummaryNoOrders => "заказов ещё не было", "no orders yet";
    SummaryTransfer => "Передача фермеру", "Hand-over to a farmer";
    SectionContacts => "Реквизиты и контакты", "Details and contacts";
    SectionDeals => "Сделки: {} (в работе {})", "Deals: {} ({} open)";
    SectionOrders => "Заказы: {}", "Orders: {}";
    SectionTransfer => "Передача фермеру", "Hand-over to a farmer";
    SectionGrowth => "Рост клиента", "Client growth";
    // The director's stage editor
    StagesTitle => "Этапы воронки", "Pipeline stages";
    StagesHint => "Переименуйте, переставьте, добавьте или удалите этапы. У каждого этапа — чек-лист: что менеджер делает на этапе и когда этап пройден.", "Rename, reorder, add or remove stages. Each stage has a checklist: what the rep does there and when the stage is done.";
    StageNameLabel => "Название этапа {}", "Name of stage {}";
    StageUp => "Выше: «{}»", "Move up: «{}»";
    StageDown => "Ниже: «{}»", "Move down: «{}»";
    StageRemove => "Удалить этап «{}»", "Remove the stage «{}»";
    StageRename => "Переименовать", "Rename";
    StageDeals => "сделок: {}", "deals: {}";
    NewStageLabel => "Новый этап", "New stage";
    AddStage => "Добавить этап", "Add stage";
    RestoreStages => "Восстановить стандартные этапы", "Restore the standard stages";
    RestoreStagesQ => "Вернуть семь стандартных этапов с их названиями, порядком и чек-листами? Ваши этапы останутся в конце.", "Bring back the seven standard stages with their names, order and checklists? Your own stages stay at the end.";
    StagesRestored => "Стандартные этапы восстановлены", "The standard stages are back";
    StageSaved => "Этапы сохранены", "Stages saved";
    RemoveTitle => "Удалить этап «{}»", "Remove the stage «{}»";
    RemoveMoveTo => "В этапе сделок: {}. Куда их перенести?", "Deals in the stage: {}. Where should they go?";
    RemoveMoveToLabel => "Перенести сделки в этап", "Move the deals to";
    RemoveEmpty => "В этапе нет сделок.", "The stage holds no deals.";
    RemoveConfirm => "Перенести и удалить", "Move and remove";
    RemoveConfirmEmpty => "Удалить этап", "Remove the stage";
    Cancel => "Отмена", "Cancel";
    ChecklistItems => "пунктов: {}", "items: {}";
    ChecklistOf => "Чек-лист этапа «{}»", "Checklist of «{}»";
    ItemLabel => "Пункт {} этапа «{}»", "Item {} of «{}»";
    RemoveItem => "Убрать пункт «{}»", "Remove the item «{}»";
    NewItem => "Новый пункт", "New item";
    AddItem => "Добавить пункт", "Add item";
    SaveChecklist => "Сохранить чек-лист", "Save the checklist";
    ChecklistSaved => "Чек-лист этапа «{}» сохранён", "Checklist of «{}» saved";
    // Errors
    ErrBlankName => "У этапа должно быть название.", "A stage needs a name.";
    ErrLongName => "Название этапа слишком длинное (не больше 60 знаков).", "The stage name is too long (60 characters at most).";
    ErrDuplicateName => "Этап «{}» уже есть.", "There is already a stage «{}».";
    ErrLastStage => "Последний этап удалить нельзя.", "The last stage cannot be removed.";
    ErrHasDeals => "В этапе есть сделки ({}): выберите, куда их перенести.", "The stage holds deals ({}): choose where they go.";
    ErrSameStage => "Сделки нужно перенести в другой этап.", "The deals must go to another stage.";
    ErrBlankItem => "Пункт {} чек-листа этапа «{}» пустой.", "Item {} of the checklist of «{}» is empty.";
    ErrLongItem => "Пункт {} чек-листа этапа «{}» слишком длинный.", "Item {} of the checklist of «{}» is too long.";
    ErrDuplicateItem => "Чек-лист этапа «{}» повторяет пункт.", "The checklist of «{}» repeats an item.";
}
