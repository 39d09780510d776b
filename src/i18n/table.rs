//! Every user-facing text, Russian first, English second. `{}` marks a value filled in by
//! [`super::fill`], in order.

use super::Lang;

macro_rules! texts {
    ($($key:ident => $ru:expr, $en:expr;)*) => {
        /// A user-facing text; [`Text::get`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text { $(#[allow(missing_docs)] $key,)* }

        impl Text {
            /// Every text, for completeness checks.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Text::$key, Lang::Ru) => $ru, (Text::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    // Frame
    NavLabel => "Разделы", "Sections";
    NavBoard => "Воронка", "Pipeline";
    NavClients => "Клиенты", "Clients";
    NavTeam => "Команда", "Team";
    NavSettings => "Настройки", "Settings";
    SwitchLanguage => "EN — switch to English", "RU — переключить на русский";
    YouAre => "Кто вы", "Who you are";
    You => "Вы:", "You:";
    Saved => "Сохранено", "Saved";
    Saving => "Сохраняю…", "Saving…";
    NotSaved => "Не сохранено", "Not saved";
    SavingOff => "Сохранение отключено", "Saving is off";
    // Storage banners
    CorruptTitle => "Сохранённые данные не удалось прочитать", "The stored data could not be read";
    CorruptQuarantined => "Мы ничего не перезаписали: исходные данные отложены в отдельное место в браузере, их можно скачать для восстановления. Приложение начинает с чистого листа.", "Nothing was overwritten: the original data was set aside in the browser and can be downloaded for recovery. The app starts with a clean slate.";
    CorruptKeptInPlace => "Отложить копию не удалось (хранилище заполнено), поэтому данные оставлены на месте, а сохранение отключено, чтобы их не затереть. Скачайте копию, затем можно удалить их и начать заново.", "A copy could not be set aside (storage is full), so the data stays where it is and saving is off so it is not overwritten. Download a copy; then you can discard it and start again.";
    StorageUnavailable => "Браузер не даёт сохранять данные (возможно, приватный режим). Изменения пропадут, когда вкладка закроется.", "The browser does not allow saving data (private mode?). Changes will be lost when the tab closes.";
    DownloadCopy => "Скачать копию", "Download a copy";
    Dismiss => "Скрыть", "Dismiss";
    DiscardAndStart => "Удалить их и начать заново", "Discard it and start again";
    SaveFailedTitle => "Изменения не сохранены", "Changes are not saved";
    Retry => "Повторить", "Retry";
    ExportNow => "Скачать все данные файлом", "Download all data as a file";
    ErrQuota => "Хранилище браузера заполнено. Данные в этой вкладке целы, но при закрытии пропадут. Освободите место (удалите лишние записи) и повторите.", "The browser's storage is full. The data in this tab is intact but will be lost when it closes. Free some space (delete records) and retry.";
    ErrStorageUnavailable => "Браузер не даёт доступ к хранилищу.", "The browser gives no access to storage.";
    ErrStorageRefused => "Браузер отказался сохранить данные: {}", "The browser refused to save: {}";
    DecodeNotJson => "Данные повреждены (это не JSON, возможно, они обрезаны): {}", "The data is damaged (not JSON, perhaps truncated): {}";
    DecodeDamaged => "Данные повреждены (сжатая запись не распаковывается, возможно, обрезана): {}", "The data is damaged (the packed value does not unpack, perhaps truncated): {}";
    DecodeWrongFormat => "Это не данные Salesdesk (формат «{}»).", "This is not Salesdesk data (format “{}”).";
    DecodeFuture => "Данные записаны более новой версией Salesdesk (версия формата {}, эта версия читает до {}). Обновите страницу, чтобы получить новую версию.", "The data was written by a newer Salesdesk (format version {}, this one reads up to {}). Reload to get the new version.";
    DecodeInvalid => "Поле {} заполнено неверно: {}", "Field {} is wrong: {}";
    DecodeInconsistent => "Записи не согласованы: {}", "The records are inconsistent: {}";
    StorageNearlyFull => "Хранилище браузера заполнено на {} %. Удалите ненужные записи, иначе новые изменения перестанут сохраняться.", "The browser's storage is {} % full. Delete records you no longer need, or new changes will stop being saved.";
    StorageUsage => "Данные в этом браузере: {} из 5 МБ ({} %).", "Data in this browser: {} of 5 MB ({} %).";
    StorageTitle => "Хранение данных", "Data storage";
    UpdateReady => "Доступна новая версия Salesdesk. Обновите, когда будет удобно: несохранённое будет сохранено.", "A new version of Salesdesk is ready. Update when convenient: anything unsaved will be saved first.";
    UpdateNow => "Обновить сейчас", "Update now";
    Later => "Позже", "Later";
    // Welcome and identity
    WelcomeTitle => "Salesdesk — рабочий стол отдела продаж", "Salesdesk — the sales team's desk";
    WelcomeLead => "Воронка охотников, карточки клиентов и команда в одном окне. Работает без интернета и без регистрации.", "The hunters' pipeline, client cards and the team in one window. Works offline, no sign-up.";
    WelcomePointPipeline => "Ведите сделки по этапам: Лид → Квалификация → … → Первая продажа.", "Move deals through the stages: Lead → Qualification → … → First sale.";
    WelcomePointClients => "Храните клиентов с ИНН, контактами и заметками, ищите и фильтруйте их.", "Keep clients with INN, contacts and notes; search and filter them.";
    WelcomePointPrivate => "Данные хранятся только в этом браузере: никакого сервера и аккаунта.", "Data stays in this browser only: no server, no account.";
    DemoTitle => "Посмотреть на примере", "See an example";
    DemoText => "Команда из шести человек, 36 клиентов и сделки на всех этапах воронки.", "A team of six, 36 clients and deals at every stage of the pipeline.";
    LoadDemo => "Загрузить демо-данные", "Load demo data";
    StartTitle => "Начать с нуля", "Start from scratch";
    StartText => "Представьтесь: новые клиенты и сделки будут записаны на вас.", "Introduce yourself: new clients and deals will be yours.";
    StartButton => "Начать работу", "Get started";
    WhoAmITitle => "Кто вы?", "Who are you?";
    WhoAmIText => "Выберите себя в списке команды: новые записи будут записаны на вас, а на доске можно будет показать только ваши сделки. Выбор можно изменить в шапке.", "Pick yourself from the team: new records will be yours and the board can show only your deals. You can change this in the top bar.";
    NotInList => "Меня нет в списке", "I am not on the list";
    AddMe => "Добавить меня", "Add me";
    // Board
    BoardTitle => "Воронка", "Pipeline";
    BoardHint => "Перетащите карточку в другой этап или используйте кнопки ◀ ▶ на карточке.", "Drag a card to another stage, or use the ◀ ▶ buttons on the card.";
    ShowScope => "Чьи сделки показывать", "Whose deals to show";
    ScopeMine => "Мои", "Mine";
    ScopeAll => "Все", "Everyone's";
    NoOwnDeals => "У вас пока нет сделок. Переключитесь на «Все» или создайте клиента.", "You have no deals yet. Switch to “Everyone's” or create a client.";
    ColumnEmpty => "Пусто", "Empty";
    DealsCount => "Сделок", "Deals";
    MoveBack => "Назад на этап «{}»", "Back to “{}”";
    MoveForward => "Вперёд на этап «{}»", "Forward to “{}”";
    NoFurtherStage => "Дальше этапов нет", "No stage further";
    MovedTo => "Сделка «{}» перемещена на этап «{}»", "Deal “{}” moved to “{}”";
    Overdue => "просрочено", "overdue";
    // Clients
    ClientsTitle => "Клиенты", "Clients";
    NewClient => "+ Новый клиент", "+ New client";
    ShownOfTotal => "{} из {}", "{} of {}";
    Search => "Поиск", "Search";
    SearchPlaceholder => "Название, ИНН, контакт, телефон…", "Name, INN, contact, phone…";
    Any => "Все", "Any";
    SortBy => "Сортировка", "Sort by";
    SortName => "По названию", "Name";
    SortNewest => "Сначала новые", "Newest first";
    SortUpdated => "Недавно изменённые", "Recently changed";
    NoClientsYet => "Клиентов пока нет.", "No clients yet.";
    NothingFound => "Ничего не найдено.", "Nothing found.";
    ShowMore => "Показать ещё ({})", "Show more ({})";
    ResetFilters => "Сбросить фильтры", "Reset filters";
    InnShort => "ИНН", "INN";
    // Client card
    BackToClients => "← Все клиенты", "← All clients";
    NewClientTitle => "Новый клиент", "New client";
    CreateFirstDeal => "Сразу завести сделку", "Create a deal right away";
    CreateClient => "Создать клиента", "Create client";
    ClientCreated => "Клиент создан", "Client created";
    ChangesSaved => "Изменения сохранены", "Changes saved";
    UnsavedChanges => "Есть несохранённые изменения", "Unsaved changes";
    ClientDeleted => "Клиент удалён", "Client deleted";
    ClientNotFound => "Клиент не найден", "Client not found";
    ClientNotFoundText => "Возможно, его удалили. Вернитесь к списку клиентов.", "It may have been deleted. Go back to the client list.";
    CreatedOn => "создан {}", "created {}";
    DeleteClient => "Удалить клиента", "Delete client";
    DeleteClientQ => "Удалить клиента «{}»?", "Delete client “{}”?";
    DeleteClientText => "Клиент и все его сделки будут удалены. Это нельзя отменить.", "The client and all its deals will be deleted. This cannot be undone.";
    DeleteDealQ => "Удалить сделку «{}»?", "Delete deal “{}”?";
    DeleteDealText => "Сделка будет удалена. Клиент останется.", "The deal will be deleted. The client stays.";
    DealsTitle => "Сделки", "Deals";
    AddDeal => "Добавить сделку", "Add deal";
    DealAdded => "Сделка добавлена", "Deal added";
    NoDeals => "Сделок нет.", "No deals.";
    // Fields
    FieldCompany => "Компания", "Company";
    FieldInn => "ИНН", "INN";
    FieldContact => "Контакт", "Contact";
    FieldContactPerson => "Контактное лицо", "Contact person";
    FieldPhone => "Телефон", "Phone";
    FieldEmail => "E-mail", "E-mail";
    FieldOwner => "Ответственный", "Owner";
    FieldStatus => "Статус", "Status";
    FieldStage => "Этап", "Stage";
    FieldCreated => "Создан", "Created";
    FieldNotes => "Заметки", "Notes";
    FieldDealTitle => "Сделка", "Deal";
    FieldAmount => "Сумма, ₽", "Amount, ₽";
    FieldNextStep => "Следующий шаг", "Next step";
    FieldNextStepDate => "Дата следующего шага", "Next step date";
    FieldPersonName => "Имя и фамилия", "Full name";
    FieldJobTitle => "Должность", "Job title";
    // Field problems
    ErrNameRequired => "Заполните это поле", "Please fill this in";
    ErrInnLength => "ИНН состоит из 10 цифр (организация) или 12 цифр (ИП)", "An INN has 10 digits (company) or 12 (sole trader)";
    ErrInnDigits => "ИНН состоит только из цифр", "An INN has digits only";
    ErrInnChecksum => "Контрольные цифры ИНН не сходятся — проверьте, нет ли опечатки", "The INN check digits do not match: check for a typo";
    ErrPhone => "В номере телефона должно быть от 10 до 15 цифр", "A phone number has 10 to 15 digits";
    ErrEmail => "Это не похоже на адрес e-mail", "This does not look like an e-mail address";
    ErrAmountNotNumber => "Введите сумму цифрами, например 150 000 или 1 250,50", "Enter the amount in digits, e.g. 150 000 or 1 250.50";
    ErrAmountPrecise => "Не больше двух знаков копеек", "At most two digits of kopecks";
    ErrAmountNegative => "Сумма не может быть отрицательной", "The amount cannot be negative";
    ErrAmountLarge => "Слишком большая сумма", "The amount is too large";
    ErrDate => "Введите дату в формате ДД.ММ.ГГГГ", "Enter a date as DD.MM.YYYY";
    // Workspace errors
    ErrNotFound => "Запись не найдена — возможно, её уже удалили.", "Record not found: it may have been deleted.";
    ErrDuplicate => "Запись с таким идентификатором уже есть.", "A record with this id already exists.";
    ErrUnknownMember => "Такого сотрудника нет в команде.", "No such team member.";
    ErrUnknownStage => "Такого этапа нет в воронке.", "No such stage in the pipeline.";
    ErrUnknownClient => "Такого клиента нет.", "No such client.";
    ErrUnknownDeal => "Такой сделки нет.", "No such deal.";
    ErrUnknownGroup => "Такой товарной группы нет.", "No such product group.";
    ErrInvalidOrder => "Заказ заполнен неверно: нужна хотя бы одна строка с товаром из каталога и суммой больше нуля.", "The order is not valid: it needs at least one line with a catalogue product and an amount above zero.";
    ErrLevel => "Уровень критерия должен быть от 0 до 4.", "A criterion level must be 0 to 4.";
    ModelNoCriteria => "В модели должен быть хотя бы один критерий.", "The model needs at least one criterion.";
    ModelUnnamed => "У критерия {} нет названия.", "Criterion {} has no name.";
    ModelDuplicateKey => "Ключ критерия «{}» повторяется.", "Criterion key “{}” is used twice.";
    ModelLevelCount => "У критерия {} должно быть описано пять уровней (0–4).", "Criterion {} must describe five levels (0–4).";
    ModelWeightLarge => "Вес критерия {} больше 100.", "Criterion {} has a weight over 100.";
    ModelAllZero => "Все веса равны нулю: любой лид получит 0 баллов.", "All weights are zero: every lead would score 0.";
    ModelBandReversed => "Полоса {}: «от» больше, чем «до».", "Band {}: “from” is above “to”.";
    ModelBandsStart => "Полосы должны начинаться с 0 баллов.", "The bands must start at 0 points.";
    ModelBandGap => "Для баллов {}–{} нет вердикта: полосы идут с разрывом.", "No verdict for {}–{} points: the bands leave a gap.";
    ModelBandOverlap => "Полосы пересекаются на {} баллах.", "The bands overlap at {} points.";
    ModelBandsEnd => "Полосы должны заканчиваться на максимуме {} баллов, а заканчиваются на {}.", "The bands must end at the maximum of {} points, not at {}.";
    ModelVerdictOrder => "Вердикты должны расти вместе с баллами.", "Verdicts must rise with the points.";
    ModelMinCount => "Правило «N из M»: N должно быть от 1 до {}.", "The “N of M” rule: N must be 1 to {}.";
    ModelMinLevel => "Правило «N из M»: уровень должен быть от 0 до 4.", "The “N of M” rule: the level must be 0 to 4.";
    FilterVerdict => "Квалификация", "Qualification";
    SortByScore => "Сначала с высокой оценкой", "Highest score first";
    SettingsTitle => "Настройки команды", "Team settings";
    ModelTitle => "Модель квалификации лидов", "Lead qualification model";
    ModelHint => "Модель одна на всю команду. После сохранения оценки всех лидов пересчитываются сразу.", "One model for the whole team. Saving re-scores every lead at once.";
    DirectorOnly => "Модель меняет директор по продажам. Вы можете её посмотреть.", "The sales director changes the model. You can view it.";
    Template => "Шаблон", "Template";
    MaxScore => "Максимум: {} баллов", "Maximum: {} points";
    CriterionName => "Критерий", "Criterion";
    LevelsAndQuestions => "Уровни и вопросы", "Levels and questions";
    LevelN => "Уровень {}", "Level {}";
    QuestionsOnePerLine => "Вопросы (по одному в строке)", "Questions (one per line)";
    VerdictBands => "Вердикты по баллам", "Verdicts by points";
    Verdict => "Вердикт", "Verdict";
    From => "от", "from";
    To => "до", "to";
    RescaleBands => "Распределить полосы по максимуму", "Spread the bands over the maximum";
    MinCriteriaRule => "Квалифицирован, только если не меньше {} из {} критериев на уровне {} и выше", "Qualified only if at least {} of {} criteria are at level {} or higher";
    SaveModel => "Сохранить модель", "Save model";
    ResetChanges => "Отменить изменения", "Discard changes";
    ModelSaved => "Модель сохранена, оценки пересчитаны", "Model saved, scores recalculated";
    WeightInvalid => "Вес критерия {} — целое число от 0 до {}.", "The weight of criterion {} must be a whole number from 0 to {}.";
    SortScore => "По оценке квалификации", "Qualification score";
    FormerMember => "бывший сотрудник", "former team member";
    NotAssessed => "не оценён", "not assessed";
    QualificationTitle => "Квалификация лида", "Lead qualification";
    Assess => "Оценить", "Assess";
    AssessmentSaved => "Оценка сохранена", "Assessment saved";
    SaveAssessment => "Сохранить оценку", "Save assessment";
    Unknown => "неизвестно", "unknown";
    Evidence => "На чём основано (факты, слова клиента)", "Evidence (facts, the client's words)";
    Weight => "вес", "weight";
    OpenQuestions => "Открытые вопросы: {}", "Open questions: {}";
    AssessmentHistory => "История оценок", "Assessment history";
    ScoreOverTime => "Баллы по времени", "Score over time";
    UnqualifiedMoveQ => "Лид не квалифицирован", "This lead is not qualified";
    UnqualifiedMoveText => "Оценка {} из {} — «{}». Перевести сделку на этап КП или дальше всё равно?", "It scores {} of {} — “{}”. Move the deal to the proposal stage or beyond anyway?";
    NotAssessedMoveText => "Лид ещё не оценён. Перевести сделку на этап КП или дальше без квалификации?", "The lead has not been assessed. Move the deal to the proposal stage or beyond without qualifying it?";
    MoveAnyway => "Всё равно перевести", "Move anyway";
    VerdictUnqualified => "не квалифицирован", "unqualified";
    VerdictNurture => "прогревать", "nurture";
    VerdictQualified => "квалифицирован", "qualified";
    VerdictPriority => "приоритет", "priority";
    ErrMemberOwns => "У сотрудника есть клиенты ({}) и сделки ({}): выберите, кому их передать.", "The member owns clients ({}) and deals ({}): choose who takes them over.";
    // Team
    TeamTitle => "Команда", "Team";
    TeamHint => "Охотники (менеджеры по продажам, телепродажам, торговые представители) приводят новых клиентов, фермеры (аккаунт-менеджеры, KAM) развивают постоянных.", "Hunters (sales, tele-sales managers, field reps) win new clients; farmers (account and key-account managers) grow regular ones.";
    ColName => "Имя", "Name";
    ColJobTitle => "Должность", "Job title";
    ColClients => "Клиентов", "Clients";
    ColDeals => "Сделок", "Deals";
    ColActions => "Действия", "Actions";
    ThisIsYou => "это вы", "you";
    ThisIsMe => "Это я", "That's me";
    Edit => "Изменить", "Edit";
    Delete => "Удалить", "Delete";
    Save => "Сохранить", "Save";
    Cancel => "Отмена", "Cancel";
    AddMemberTitle => "Новый сотрудник", "New team member";
    AddMember => "Добавить", "Add";
    MemberAdded => "Сотрудник добавлен", "Team member added";
    MemberRemoved => "Сотрудник удалён", "Team member removed";
    RemoveMemberQ => "Удалить сотрудника «{}»?", "Remove “{}” from the team?";
    RemoveMemberPlain => "Сотрудник будет удалён из команды.", "The member will be removed from the team.";
    RemoveMemberOwns => "За сотрудником клиентов: {}, сделок: {}. Выберите, кому их передать.", "The member owns {} clients and {} deals. Choose who takes them over.";
    PassRecordsTo => "Передать клиентов и сделки", "Pass clients and deals to";
    // Enumerations
    RoleHunter => "Охотники", "Hunters";
    RoleFarmer => "Фермеры", "Farmers";
    RoleDirector => "Руководство", "Management";
    TitleTeleSales => "Менеджер телепродаж", "Tele-sales manager";
    TitleSales => "Менеджер по продажам", "Sales manager";
    TitleField => "Торговый представитель", "Field representative";
    TitleAccount => "Аккаунт-менеджер", "Account manager";
    TitleKeyAccount => "Менеджер по работе с ключевыми клиентами", "Key-account manager";
    TitleDirector => "Директор по продажам", "Sales director";
    StatusLead => "Лид", "Lead";
    StatusProspect => "Потенциальный", "Prospect";
    StatusNew => "Новый", "New";
    StatusRegular => "Постоянный", "Regular";
    StatusSleeping => "Спящий", "Sleeping";
    StatusLost => "Потерян", "Lost";
    StageLead => "Лид", "Lead";
    StageQualification => "Квалификация", "Qualification";
    StageNeeds => "Выявление потребностей", "Needs discovery";
    StageProposal => "КП", "Proposal";
    StageNegotiation => "Переговоры", "Negotiation";
    StageContract => "Договор / счёт", "Contract / invoice";
    StageFirstSale => "Первая продажа", "First sale";
}
