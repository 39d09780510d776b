//! User-facing texts of importing tables (clients and orders from 1C, Excel, CSV), Russian
//! first, English second.

use super::macros::texts;

texts! {
    ImportText;
    // Fields a column can hold
    FieldClientName => "Клиент (название)", "Client (name)";
    FieldInn => "ИНН", "INN";
    FieldKpp => "КПП", "KPP";
    FieldContactName => "Контактное лицо", "Contact person";
    FieldPhone => "Телефон", "Phone";
    FieldEmail => "Эл. почта", "E-mail";
    FieldOwner => "Ответственный", "Owner";
    FieldStatus => "Статус", "Status";
    FieldNotes => "Заметки", "Notes";
    FieldDate => "Дата", "Date";
    FieldDocument => "Документ", "Document";
    FieldProduct => "Номенклатура", "Product";
    FieldArticle => "Артикул", "Article";
    FieldGroup => "Группа товаров", "Product group";
    FieldQuantity => "Количество", "Quantity";
    FieldAmount => "Сумма", "Amount";
    FieldSkip => "— не загружать —", "— leave out —";
    // What the rows are; how a text file is read
    TargetClients => "Клиенты", "Clients";
    TargetOrders => "Заказы (строки документов)", "Orders (document lines)";
    EncodingUtf8 => "UTF-8", "UTF-8";
    EncodingWindows1251 => "Windows-1251 (1С, Excel)", "Windows-1251 (1C, Excel)";
    SeparatorSemicolon => "точка с запятой «;»", "semicolon “;”";
    SeparatorComma => "запятая «,»", "comma “,”";
    SeparatorTab => "табуляция", "tab";
    // Row problems («строка 17: …» is put around them)
    RowPrefix => "строка {}: {}", "row {}: {}";
    ProblemMissing => "не заполнено поле «{}»", "“{}” is empty";
    ProblemAmountNotNumber => "сумма «{}» не число", "the amount “{}” is not a number";
    ProblemAmountPrecise => "в сумме «{}» больше двух знаков копеек", "the amount “{}” has more than two digits of kopecks";
    ProblemAmountLarge => "сумма «{}» слишком велика", "the amount “{}” is too large";
    ProblemDate => "дата «{}» не распознана", "the date “{}” is not a date";
    ProblemInnLength => "ИНН «{}»: должно быть 10 или 12 цифр", "INN “{}”: it must have 10 or 12 digits";
    ProblemInnDigits => "ИНН «{}»: только цифры", "INN “{}”: digits only";
    ProblemInnChecksum => "ИНН «{}» не проходит проверку контрольных цифр", "INN “{}” fails its check digits";
    ProblemKpp => "КПП «{}» — не 9 цифр: клиент загружается без КПП", "KPP “{}” is not 9 digits: the client is imported without it";
    ProblemQuantity => "количество «{}» не число больше нуля (не больше трёх знаков после запятой)", "the quantity “{}” is not a number above zero (at most three decimals)";
    ProblemNotPositive => "сумма «{}» не больше нуля (возвраты не загружаются)", "the amount “{}” is not above zero (returns are not imported)";
    ProblemUnknownStatus => "статус «{}» неизвестен — оставлен прежний", "unknown status “{}”: left as it was";
    ProblemUnknownOwner => "в команде нет «{}» — ответственным будете вы", "no “{}” on the team: you will be the owner";
    ProblemClientInnNotFound => "клиент с ИНН {} не найден — создать?", "no client with INN {}: create it?";
    ProblemClientNameNotFound => "клиент «{}» не найден — создать?", "no client “{}”: create it?";
    ProblemProductNotFound => "товара «{}» нет в каталоге", "“{}” is not in the catalogue";
    ProblemRepeated => "этот клиент уже есть в строке {}", "this client is already in row {}";
    ProblemDeletedEarlier => "заказ по документу «{}» уже загружался и был удалён — не загружается снова", "the order of document “{}” was imported before and deleted: it is not imported again";
    ProblemDocumentWaits => "документ не загружается: в строке {} ошибка", "the document is not imported: row {} has a problem";
    // Whole-file refusals
    ErrFileTooLarge => "Файл {} МБ — больше предела {} МБ.", "The file is {} MB, over the {} MB limit.";
    ErrNotATable => "Это не таблица: загрузите файл .xlsx или .csv.", "This is not a table: use an .xlsx or .csv file.";
    ErrProtectedOrOld => "Файл защищён паролем или сохранён в старом формате .xls: снимите пароль или сохраните его как .xlsx.", "The file is password-protected or an old .xls: remove the password or save it as .xlsx.";
    ErrWorkbook => "Книгу Excel не удаётся прочитать: {}", "The workbook cannot be read: {}";
    ErrEmpty => "В файле нет данных.", "The file has no data.";
    ErrNoRows => "Под строкой заголовков нет ни одной строки.", "There are no rows under the header row.";
    ErrMappingMissing => "Укажите столбец для поля «{}».", "Choose a column for “{}”.";
    ErrMappingTwice => "Поле «{}» выбрано для двух столбцов.", "“{}” is chosen for two columns.";
    // The preview and the result
    SummaryClients => "Клиенты: добавится {}, найдено без изменений {}, обновится {}, пропущено {}.", "Clients: {} added, {} found unchanged, {} updated, {} skipped.";
    SummaryOrders => "Заказы: добавится {}, уже есть {}, обновится {}, пропущено {}.", "Orders: {} added, {} already there, {} updated, {} skipped.";
    // The import screen
    TableTitle => "Клиенты и заказы из таблицы", "Clients and orders from a spreadsheet";
    TableHint => "Файл .xlsx или .csv: выгрузка из 1С («Продажи», «Реализация товаров и услуг»), из CRM или таблица, которую ведут вручную. До нажатия «Импортировать» ничего не меняется.", "An .xlsx or .csv file: a 1C export («Продажи», «Реализация товаров и услуг»), a CRM export or a hand-kept spreadsheet. Nothing changes until you press Import.";
    ChooseTable => "Выбрать таблицу", "Choose a spreadsheet";
    FileName => "Файл «{}»", "File “{}”";
    SheetName => "Лист «{}»", "Sheet “{}”";
    EncodingLabel => "Кодировка", "Encoding";
    SeparatorLabel => "Разделитель", "Separator";
    TargetLabel => "Что в файле", "What the file holds";
    ColumnNumber => "Столбец {}", "Column {}";
    ColumnHeader => "Столбец в файле", "Column in the file";
    SampleHeader => "Первая строка", "First row";
    FieldHeader => "Загрузить как", "Import as";
    CreateClients => "Создавать клиентов, которых нет", "Create clients that are missing";
    CreateProducts => "Создавать товары, которых нет в каталоге", "Create products missing from the catalogue";
    RestoreDeleted => "Загрузить снова и заказы, удалённые после прошлой загрузки", "Import again the orders deleted since an earlier import";
    DefaultGroup => "Импорт", "Imported";
    ProblemsTitle => "Строки с замечаниями: {}", "Rows with remarks: {}";
    MoreRows => "…и ещё {}", "…and {} more";
    ImportButton => "Импортировать", "Import";
    CloseTable => "Закрыть", "Close";
    NothingToImport => "Загружать нечего: всё из файла уже есть.", "Nothing to import: everything in the file is already here.";
    NeedTeam => "Сначала добавьте себя в команду: новые клиенты будут вашими.", "Add yourself to the team first: new clients will be yours.";
    Imported => "Импорт выполнен.", "Imported.";
    UndoImport => "Отменить импорт", "Undo the import";
    Undone => "Импорт отменён.", "The import was undone.";
    Reading => "Чтение файла… {} %", "Reading the file… {} %";
    Checking => "Проверка строк… {} %", "Checking the rows… {} %";
    Writing => "Запись данных… {} %", "Writing the data… {} %";
    UndoCancelled => "Отмена импорта прервана: данные не изменились.", "Undoing the import was stopped: nothing changed.";
    WriteInterrupted => "Данные изменились во время записи (например, сохранение из другой вкладки): импорт не выполнен, ничего не изменилось. Проверьте предпросмотр и нажмите «Импортировать» ещё раз.", "The data changed while the import was being written (another tab saved, for instance): nothing was imported. Check the preview and press «Import» again.";
    CancelWork => "Отмена", "Cancel";
    Cancelled => "Импорт прерван: ничего не изменилось.", "The import was stopped: nothing changed.";
    FitTooBig => "Импорт не поместится в память браузера: нужно ≈{} МБ из {} МБ. Удалите старые резервные копии на этой странице или загрузите файл частями (например, по кварталам).", "The import will not fit in the browser's storage: it needs about {} MB of {} MB. Delete old backups on this page or import the file in parts (by quarter, for instance).";
    FitTight => "После импорта память браузера будет занята на {} % (≈{} МБ из {} МБ): места останется мало.", "After the import the browser's storage will be {} % full (about {} MB of {} MB): little room will be left.";
    SummaryTable => "Таблица: строка заголовков {}, строк данных {}.", "Table: header row {}, {} data rows.";
    // Rows left out with sync on (after «Пропущено 3 строки: »)
    LeftOutOthersClients => "клиенты других владельцев — изменить их может владелец или директор", "clients of other owners — only their owner or the director may change them";
    LeftOutOwnerChange => "смена владельца — владельца меняет директор", "a change of owner — only the director changes owners";
    LeftOutNewForOthers => "новые клиенты на других владельцев — записать клиента на коллегу может директор", "new clients for other owners — only the director may create a client for a colleague";
    LeftOutOthersOrders => "заказы клиентов других владельцев — добавить их может владелец или директор", "orders of other owners' clients — only their owner or the director may add them";
    LeftOutCatalogue => "товаров нет в каталоге — каталог меняет директор", "the products are not in the catalogue — only the director changes the catalogue";
    LeftOutNoRights => "у вас нет прав на запись в общие данные", "you may not write to the shared data";
}
