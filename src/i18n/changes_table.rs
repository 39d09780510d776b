//! User-facing texts of «Что изменилось» on «Обзор», Russian first, English second.

use super::macros::texts;

texts! {
    ChangesText;
    Title => "Что изменилось", "What changed";
    Hint => "Сравните сегодняшние данные с прежним файлом (например, выгрузкой прошлой недели) или с резервной копией: что нового у каждого сотрудника. Ничего не записывается.", "Compare today's data with an earlier file (last week's export, say) or with the backup: what is new for each rep. Nothing is written.";
    OpenFile => "Открыть прежний файл…", "Open an earlier file…";
    CompareBackup => "Сравнить с резервной копией", "Compare with the backup";
    BackupOf => "Резервная копия от {}", "The backup of {}";
    Source => "С чем сравниваем: {}", "Compared with: {}";
    Between => "Изменения с {} по {}", "Changes from {} to {}";
    Newer => "Прежний файл не старше сегодняшних данных (от {}): в нём есть изменения, которых здесь нет. Ниже — только то, чего нет в файле.", "The earlier file is not older than today's data (of {}): it holds changes that are not here. Below is only what the file lacks.";
    Nothing => "С тех пор ничего не изменилось.", "Nothing has changed since then.";
    NoChangesFor => "Без изменений: {}.", "No changes: {}.";
    NewInTeam => "новый в команде", "new on the team";
    Rejected => "Файл «{}» не открыт, сравнивать не с чем:", "The file “{}” was not opened, there is nothing to compare with:";
    DownloadCsv => "Скачать CSV", "Download CSV";
    Close => "Закрыть отчёт", "Close the report";
    SummaryCaption => "Итоги по сотрудникам", "Totals per rep";
    DetailsCaption => "{}: что изменилось", "{}: what changed";
    ColRep => "Сотрудник", "Rep";
    ColNewClients => "Новые клиенты", "New clients";
    ColNewDeals => "Новые сделки", "New deals";
    ColForward => "Вперёд по воронке", "Moved forward";
    ColBack => "Назад по воронке", "Moved back";
    ColWon => "Выиграно", "Won";
    ColLost => "Проиграно", "Lost";
    ColOrders => "Заказы", "Orders";
    ColRevenue => "Выручка", "Revenue";
    ColTransfers => "Передачи", "Transfers";
    ColAsleep => "Заснули", "Fell asleep";
    ColDeleted => "Удалено", "Deleted";
    ColDate => "Дата", "Date";
    ColWhat => "Что", "What";
    ColClient => "Клиент", "Client";
    ColDeal => "Сделка", "Deal";
    ColDetail => "Подробности", "Details";
    ColAmount => "Сумма", "Amount";
    KindNewClient => "Новый клиент", "New client";
    KindNewDeal => "Новая сделка", "New deal";
    KindForward => "Вперёд по воронке", "Moved forward";
    KindBack => "Назад по воронке", "Moved back";
    KindWon => "Сделка выиграна", "Deal won";
    KindLost => "Сделка проиграна", "Deal lost";
    KindOrder => "Новый заказ", "New order";
    KindGiven => "Передан фермеру", "Passed to a farmer";
    KindReceived => "Принят от охотника", "Taken over from a hunter";
    KindAsleep => "Клиент заснул", "Client fell asleep";
    KindDeletedClient => "Клиент удалён", "Client deleted";
    KindDeletedDeal => "Сделка удалена", "Deal deleted";
    KindDeletedOrder => "Заказ удалён", "Order deleted";
    DetailStages => "{} → {}", "{} → {}";
    DetailTo => "кому: {}", "to: {}";
    DetailFrom => "от кого: {}", "from: {}";
    DetailNoOrders => "{} без заказов", "{} without orders";
    DetailReason => "причина: {}", "reason: {}";
}
