//! User-facing texts of tasks, activities, «Мои дела» and the client's timeline, Russian first,
//! English second.

use super::macros::texts;

texts! {
    TaskText;
    ErrNextStepRequired => "Укажите, что дальше: у открытой сделки должен быть следующий шаг.", "Say what comes next: an open deal needs a next step.";
    NavTasks => "Мои дела", "My tasks";
    BadgeAria => "на сегодня {}, из них просрочено {}", "{} due today, {} of them overdue";
    TasksTitle => "Мои дела", "My tasks";
    GroupOverdue => "Просрочено", "Overdue";
    GroupToday => "Сегодня", "Today";
    GroupWeek => "На этой неделе", "This week";
    GroupLater => "Позже", "Later";
    NothingToDo => "Дел нет. Добавьте дело или назначьте сделке следующий шаг.", "Nothing to do. Add a task or give a deal its next step.";
    NextStepTag => "следующий шаг сделки", "deal's next step";
    Call => "Позвонить", "Call";
    CallAria => "Позвонить: {}", "Call {}";
    LogOutcome => "Записать итог", "Log outcome";
    LogOutcomeAria => "Записать итог: {}", "Log the outcome: {}";
    NewTask => "Новое дело", "New task";
    TaskWhat => "Что сделать", "What to do";
    TaskDue => "Срок", "Due";
    TaskTime => "Время", "Time";
    TaskAssignee => "Исполнитель", "Assignee";
    TaskClient => "Клиент", "Client";
    NoClient => "— без клиента —", "— no client —";
    AddTask => "Добавить дело", "Add task";
    TaskAdded => "Дело добавлено", "Task added";
    SuggestedTitle => "Предложено: давно не заказывали", "Suggested: not ordered for a while";
    SuggestedWhat => "Позвонить: давно не заказывал", "Call: has not ordered for a while";
    SuggestedWhy => "последний заказ {}, {} дн. назад; обычно раз в {} дн.", "last order {}, {} days ago; usually every {} days";
    Accept => "Взять в дела", "Add to my tasks";
    AcceptAria => "Взять в дела: {}", "Add to my tasks: {}";
    Dismiss => "Скрыть", "Dismiss";
    DismissAria => "Скрыть предложение: {}", "Dismiss the suggestion: {}";
    CompleteTitle => "Выполнено: {}", "Done: {}";
    WhatHappened => "Что было", "What happened";
    ActivityKindLabel => "Вид контакта", "Kind";
    KindCall => "Звонок", "Call";
    KindMeeting => "Встреча", "Meeting";
    KindEmail => "Письмо", "E-mail";
    KindNote => "Заметка", "Note";
    Outcome => "Итог", "Outcome";
    WhatNext => "Что дальше?", "What next?";
    NextWhat => "Следующий шаг", "Next step";
    NextDue => "Когда", "When";
    NextOptional => "Можно оставить пустым.", "May be left empty.";
    SaveDone => "Готово", "Done";
    TaskCompleted => "Дело выполнено", "Task done";
    LogActivity => "Записать контакт", "Log activity";
    ActivityDate => "Дата", "Date";
    ActivityTime => "Время", "Time";
    ActivityText => "Заметки", "Notes";
    SaveActivity => "Записать", "Save";
    ActivityLogged => "Контакт записан", "Activity logged";
    TimelineTitle => "История клиента", "Client history";
    TimelineEmpty => "Пока ничего не происходило.", "Nothing has happened yet.";
    TlOrder => "Заказ на {}", "Order of {}";
    TlTransfer => "Передан фермеру: {} → {}", "Passed to a farmer: {} → {}";
    TlAssessment => "Оценка сделки «{}»", "Deal «{}» assessed";
    TlDeal => "Сделка «{}»: {}", "Deal «{}»: {}";
    TlAbout => "по сделке «{}»", "about «{}»";
    NoNextStep => "Нет следующего шага", "No next step";
    FieldRequired => "Заполните поле.", "Fill this in.";
    BadDate => "Введите дату.", "Enter a date.";
}
