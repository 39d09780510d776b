//! User-facing texts of the spreadsheet export: buttons, the workbook's sheets and columns.

use super::macros::texts;

texts! {
    SheetText;
    DownloadXlsx => "Скачать .xlsx", "Download .xlsx";
    DownloadCsv => "CSV", "CSV";
    BookTitle => "Таблицы Excel", "Excel tables";
    BookHint => "Весь workspace одной книгой Excel: лист на каждый вид записей — клиенты, сделки, заказы по строкам, товары, оценки, передачи, команда. Суммы — числа в ₽, даты — даты.", "The whole workspace as one Excel workbook: a sheet per kind of record — clients, deals, orders by line, products, assessments, transfers, team. Amounts are numbers in ₽, dates are dates.";
    BookButton => "Скачать книгу .xlsx", "Download the .xlsx workbook";
    BookWriting => "Собираю книгу…", "Writing the workbook…";
    BookDone => "Книга «{}» сохранена.", "Workbook «{}» saved.";
    ClientsSheet => "Клиенты", "Clients";
    DealsSheet => "Сделки", "Deals";
    OrdersSheet => "Заказы", "Orders";
    ProductsSheet => "Товары", "Products";
    AssessmentsSheet => "Оценки", "Assessments";
    TransfersSheet => "Передачи", "Transfers";
    TeamSheet => "Команда", "Team";
    QueueSheet => "Очередь на передачу", "Transfer queue";
    SummarySheet => "Сводка по сотрудникам", "Team summary";
    Company => "Компания", "Company";
    Inn => "ИНН", "INN";
    Contact => "Контакт", "Contact";
    Phone => "Телефон", "Phone";
    Email => "E-mail", "E-mail";
    Owner => "Ответственный", "Owner";
    Status => "Статус", "Status";
    Stage => "Этап", "Stage";
    Verdict => "Квалификация", "Qualification";
    Points => "Баллы", "Points";
    MaxPoints => "Из баллов", "Out of";
    YearlySpend => "Закупки в год, ₽", "Yearly spend, ₽";
    Created => "Создан", "Created";
    Notes => "Заметки", "Notes";
    Deal => "Сделка", "Deal";
    Client => "Клиент", "Client";
    Amount => "Сумма, ₽", "Amount, ₽";
    NextStep => "Следующий шаг", "Next step";
    NextStepDate => "Дата шага", "Step date";
    Closed => "Закрыта", "Closed";
    Date => "Дата", "Date";
    Order => "Заказ", "Order";
    Product => "Товар", "Product";
    Group => "Группа", "Group";
    Assessor => "Оценил", "Assessed by";
    From => "От кого", "From";
    To => "Кому", "To";
    By => "Кто передал", "By";
    Name => "Имя", "Name";
    JobTitle => "Должность", "Job title";
    Grounds => "Основание", "Grounds";
    Role => "Роль", "Role";
}
