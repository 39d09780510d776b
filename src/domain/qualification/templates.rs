//! Ready-made models: BANT (the default), ANUM and CHAMP. All three rate four criteria 0–4 with
//! weight 1, giving 0–16 points and the bands 0–4 / 5–8 / 9–12 / 13–16.

use super::model::{Criterion, LocalText, ScoringModel, Template};

type Pair = (&'static str, &'static str);

fn text(p: Pair) -> LocalText {
    LocalText::new(p.0, p.1)
}

fn criterion(key: &str, name: Pair, levels: [Pair; 5], questions: &[Pair]) -> Criterion {
    Criterion {
        key: key.to_owned(),
        name: text(name),
        weight: 1,
        levels: levels.into_iter().map(text).collect(),
        questions: questions.iter().copied().map(text).collect(),
    }
}

const BUDGET_LEVELS: [Pair; 5] = [
    (
        "Бюджета нет и не предвидится",
        "No budget and none expected",
    ),
    (
        "Бюджета нет, источник денег неясен",
        "No budget yet; the source of money is unclear",
    ),
    (
        "Бюджет обсуждается, сумма не определена",
        "Budget under discussion, amount not set",
    ),
    (
        "Бюджет выделен, но меньше нужного или ждёт согласования",
        "Budget allocated but short of the need or awaiting approval",
    ),
    (
        "Бюджет утверждён и покрывает наше предложение",
        "An approved budget covers our offer",
    ),
];
const BUDGET_QUESTIONS: [Pair; 3] = [
    (
        "Какой бюджет заложен на этот год?",
        "What budget is planned for this year?",
    ),
    ("Кто распоряжается бюджетом?", "Who controls the budget?"),
    (
        "Это новые деньги или перераспределение?",
        "Is this new money or a reallocation?",
    ),
];
const AUTHORITY_LEVELS: [Pair; 5] = [
    (
        "Нет полномочий и нет доступа к ЛПР",
        "No authority and no access to the decision maker",
    ),
    (
        "Нет полномочий, но есть прямой доступ к ЛПР",
        "No authority but direct access to the decision maker",
    ),
    (
        "Влияет на решение и имеет доступ к ЛПР",
        "Influences the decision and has access",
    ),
    ("Один из нескольких ЛПР", "One of several decision makers"),
    ("Единственный ЛПР", "Sole decision maker"),
];
const AUTHORITY_QUESTIONS: [Pair; 2] = [
    (
        "Кто подписывает решения такого масштаба?",
        "Who signs decisions of this size?",
    ),
    (
        "Кто ещё влияет на решение?",
        "Who else influences the decision?",
    ),
];
const NEED_LEVELS: [Pair; 5] = [
    ("Потребности нет", "No need"),
    (
        "Потребность скрытая, клиент её не признаёт",
        "A latent need the client does not acknowledge",
    ),
    (
        "Проблему признают, но она не в приоритете",
        "The problem is acknowledged but not a priority",
    ),
    (
        "Проблема мешает работе, ищут решение",
        "The problem hurts; they are looking for a solution",
    ),
    (
        "Острая потребность, цена бездействия посчитана",
        "Acute need; the cost of doing nothing is quantified",
    ),
];
const NEED_QUESTIONS: [Pair; 2] = [
    (
        "Какая проблема привела к разговору?",
        "What problem led to this conversation?",
    ),
    (
        "Что будет, если ничего не делать?",
        "What happens if nothing is done?",
    ),
];
const TIMELINE_LEVELS: [Pair; 5] = [
    ("Срока нет или не в этом году", "No date, or not this year"),
    ("Больше чем через 12 месяцев", "More than 12 months away"),
    ("Через 6–12 месяцев", "In 6–12 months"),
    ("В этом квартале", "This quarter"),
    ("Решение в течение 30 дней", "Decision within 30 days"),
];
const TIMELINE_QUESTIONS: [Pair; 2] = [
    ("Когда нужно решение?", "When is a decision needed?"),
    ("Что задаёт срок?", "What sets the deadline?"),
];
const URGENCY_LEVELS: [Pair; 5] = [
    (
        "Не срочно, можно не делать вовсе",
        "Not urgent; could be skipped entirely",
    ),
    ("Когда-нибудь, срок не назван", "Some day; no date named"),
    ("Нужно в течение года", "Needed within a year"),
    ("Нужно в этом квартале", "Needed this quarter"),
    (
        "Горит: нужно в течение месяца",
        "Burning: needed within a month",
    ),
];
const PRIORITY_LEVELS: [Pair; 5] = [
    ("Не стоит в планах", "Not on the agenda"),
    ("Одно из многих пожеланий", "One wish among many"),
    ("В планах на следующий год", "Planned for next year"),
    ("Приоритет этого квартала", "A priority this quarter"),
    (
        "Главный приоритет прямо сейчас",
        "The top priority right now",
    ),
];
const PRIORITY_QUESTIONS: [Pair; 2] = [
    (
        "Какое место эта задача занимает среди других проектов?",
        "Where does this rank among other projects?",
    ),
    ("Что отодвинут ради неё?", "What will be postponed for it?"),
];

impl Template {
    /// A fresh model from this template.
    pub fn model(self) -> ScoringModel {
        let budget = |name: Pair| criterion("budget", name, BUDGET_LEVELS, &BUDGET_QUESTIONS);
        let authority = || {
            criterion(
                "authority",
                ("Полномочия", "Authority"),
                AUTHORITY_LEVELS,
                &AUTHORITY_QUESTIONS,
            )
        };
        let need = |name: Pair| criterion("need", name, NEED_LEVELS, &NEED_QUESTIONS);
        let criteria = match self {
            Template::Bant => vec![
                budget(("Бюджет", "Budget")),
                authority(),
                need(("Потребность", "Need")),
                criterion(
                    "timeline",
                    ("Сроки", "Timeline"),
                    TIMELINE_LEVELS,
                    &TIMELINE_QUESTIONS,
                ),
            ],
            Template::Anum => vec![
                authority(),
                need(("Потребность", "Need")),
                criterion(
                    "timeline",
                    ("Срочность", "Urgency"),
                    URGENCY_LEVELS,
                    &TIMELINE_QUESTIONS,
                ),
                budget(("Деньги", "Money")),
            ],
            Template::Champ => vec![
                need(("Проблемы", "Challenges")),
                authority(),
                budget(("Деньги", "Money")),
                criterion(
                    "timeline",
                    ("Приоритетность", "Prioritization"),
                    PRIORITY_LEVELS,
                    &PRIORITY_QUESTIONS,
                ),
            ],
        };
        let mut model = ScoringModel {
            template: self,
            criteria,
            bands: Vec::new(),
            min_criteria: None,
            updated_at: Default::default(),
        };
        model.rescale_bands();
        model
    }
}

/// The default model is the handbook's: BANT.
impl Default for ScoringModel {
    fn default() -> Self {
        Template::Bant.model()
    }
}
