//! User-facing texts of the director's plans, the funnel, the forecast and the client base over
//! time («Обзор» and «Настройки»), Russian first, English second.

use super::macros::texts;

texts! {
    PlanText;
    ErrFilePlan => "{}: план продаж с неверным месяцем, идентификатором или суммой.", "{}: a sales plan with a wrong month, id or target.";
    ErrPlan => "План не сохранён: проверьте месяц и сумму.", "The plan was not saved: check the month and the amount.";
    FunnelTitle => "Воронка: сделки по этапам", "Funnel: deals by stage";
    FunnelHint => "Сделки, вошедшие в этап за период (по истории этапов), конверсия в следующий этап и медиана дней на этапе.", "Deals that entered each stage in the period (from the stage history), conversion to the next stage and the median days in the stage.";
    FunnelOverall => "Лид → первая продажа: {} из {} ({}). Выиграно: {} на {}.", "Lead → first sale: {} of {} ({}). Won: {} worth {}.";
    FunnelNone => "За период сделки не входили в этапы.", "No deal entered a stage in the period.";
    ColStage => "Этап", "Stage";
    ColEntered => "Вошло сделок", "Deals entered";
    ColNext => "Конверсия в следующий", "Conversion to next";
    ColMedianDays => "Медиана дней на этапе", "Median days in stage";
    ColDealAmount => "Сумма сделок", "Deal amount";
    LostTitle => "Проигранные сделки по причинам", "Lost deals by reason";
    ColReason => "Причина", "Reason";
    ColLost => "Сделок", "Deals";
    HuntersTitle => "Охотники рядом", "Hunters side by side";
    ColLeads => "Лидов", "Leads";
    ColWon => "Выиграно", "Won";
    ColLostShort => "Проиграно", "Lost";
    ColConversion => "Конверсия", "Conversion";
    ColWonAmount => "Сумма выигранных", "Won amount";
    PlanTitle => "План и факт", "Plan and fact";
    PlanHint => "Охотники — первые продажи (штук и сумма), фермеры — выручка от их клиентов. Планы задаёт директор в «Настройках».", "Hunters: first sales (count and amount); farmers: revenue from their clients. The director sets plans in «Settings».";
    PlanNone => "На этот период планов нет.", "No plans for this period.";
    ColPlanKind => "Показатель", "Measure";
    ColPlan => "План", "Plan";
    ColFact => "Факт", "Fact";
    ColPercent => "Выполнение", "Done";
    ToDate => "С начала периода", "Period to date";
    KindCount => "Первые продажи, шт.", "First sales, count";
    KindAmount => "Первые продажи, ₽", "First sales, ₽";
    KindRevenue => "Выручка клиентов, ₽", "Clients' revenue, ₽";
    ForecastTitle => "Прогноз на текущий месяц", "Forecast for the current month";
    ForecastHint => "Первые продажи с начала месяца плюс открытые сделки с клиентами, ещё не покупавшими, взвешенные по вероятностям этапов из «Настроек».", "First sales since the month began plus the open deals of clients who have not bought yet, weighted by the stage probabilities in «Settings».";
    ForecastLine => "Факт: {}; взвешенная воронка: {}; прогноз: {}.", "Fact: {}; weighted pipeline: {}; forecast: {}.";
    ForecastPlan => "План месяца: {}, прогноз — {} плана.", "The month's plan: {}, the forecast is {} of it.";
    ColWeighted => "Взвешенно", "Weighted";
    ColOpen => "Открытых сделок", "Open deals";
    ColProbability => "Вероятность", "Probability";
    BaseTitle => "Спящие и потерянные клиенты на конец месяца", "Sleeping and lost clients at each month's end";
    BaseHint => "По дням без заказа на последний день месяца, с порогами из «Настроек».", "From the days without an order on each month's last day, with the thresholds in «Settings».";
    SeriesSleeping => "Спящие", "Sleeping";
    SeriesLost => "Потерянные", "Lost";
    PlansTitle => "Планы продаж", "Sales plans";
    PlansHint => "Цели на месяц: охотникам — первые продажи (штук и сумма в ₽), фермерам — выручка их клиентов в ₽. Пустая клетка — без плана.", "Monthly targets: hunters' first sales (count and amount in ₽), farmers' revenue from their clients in ₽. An empty cell is no plan.";
    PlansMonths => "Месяцы", "Months";
    PlansSave => "Сохранить планы", "Save plans";
    PlansSaved => "Планы сохранены", "Plans saved";
    PlansBadCell => "Не понял значение «{}» ({}, {}).", "Cannot read «{}» ({}, {}).";
    PlansNobody => "В команде нет охотников и фермеров.", "The team has no hunters or farmers.";
    ProbabilitiesTitle => "Вероятность сделки по этапам (для прогноза)", "Deal probability by stage (for the forecast)";
    SaveForecast => "Сохранить вероятности и границы ABC", "Save probabilities and ABC cut-offs";
    ForecastSaved => "Вероятности и границы ABC сохранены", "Probabilities and ABC cut-offs saved";
    AbcTitle => "Границы ABC, % выручки", "ABC cut-offs, % of revenue";
    ErrProbability => "Вероятность этапа «{}» должна быть от 0 до 100 %.", "The probability of stage «{}» must be 0 to 100 %.";
    ErrAbc => "Границы ABC — целые проценты больше нуля, в сумме 100.", "ABC cut-offs are whole percents above zero adding up to 100.";
}
