//! What each column of a file holds: the fields an import knows, guessed from Russian and
//! English headers, and the mapping a person checks and corrects.

use thiserror::Error;

/// What the rows of a file are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A client list (amoCRM, Bitrix24, a spreadsheet kept by hand).
    Clients,
    /// Order lines, one row per line (a 1C «Продажи» report, a list of «Реализации»).
    Orders,
}

/// A field a column can be read into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The client's name («Контрагент», «Покупатель»).
    ClientName,
    /// ИНН.
    Inn,
    /// КПП: the client's, checked (9 digits).
    Kpp,
    /// The contact person.
    ContactName,
    /// Phone.
    Phone,
    /// E-mail.
    Email,
    /// The responsible team member («Ответственный», «Менеджер»).
    Owner,
    /// The client's status.
    Status,
    /// Notes.
    Notes,
    /// The order's date.
    Date,
    /// The source document («Документ», «Номер»): an order's identity with its date and client.
    Document,
    /// The product («Номенклатура», «Товар»).
    Product,
    /// The product's article or code, matched against product names when no name matches.
    Article,
    /// The product group, for products created by the import.
    Group,
    /// Quantity: kept exactly on the order line, in thousandths of a unit.
    Quantity,
    /// The line's amount («Сумма», «Сумма с НДС»).
    Amount,
}

impl Field {
    /// The fields a person can pick for a column of this target, in the order they are offered.
    pub fn of(target: Target) -> &'static [Field] {
        match target {
            Target::Clients => &[
                Field::ClientName,
                Field::Inn,
                Field::Kpp,
                Field::ContactName,
                Field::Phone,
                Field::Email,
                Field::Owner,
                Field::Status,
                Field::Notes,
            ],
            Target::Orders => &[
                Field::Date,
                Field::Document,
                Field::ClientName,
                Field::Inn,
                Field::Kpp,
                Field::Product,
                Field::Article,
                Field::Group,
                Field::Quantity,
                Field::Amount,
                Field::Owner,
            ],
        }
    }
}

/// Headers (normalised: lower case, «ё» as «е», punctuation as spaces) and what they hold,
/// with a priority: when two columns claim a field, the higher one gets it («Сумма с НДС» over
/// «Сумма», «Сумма» over «Сумма без НДС»).
const HEADERS: &[(&str, Field, u8)] = &[
    ("контрагент", Field::ClientName, 3),
    ("покупатель", Field::ClientName, 3),
    ("клиент", Field::ClientName, 3),
    ("заказчик", Field::ClientName, 2),
    ("компания", Field::ClientName, 2),
    ("название компании", Field::ClientName, 3),
    ("наименование контрагента", Field::ClientName, 3),
    ("наименование покупателя", Field::ClientName, 3),
    ("наименование клиента", Field::ClientName, 3),
    ("грузополучатель", Field::ClientName, 1),
    ("company", Field::ClientName, 2),
    ("company name", Field::ClientName, 3),
    ("client", Field::ClientName, 3),
    ("customer", Field::ClientName, 3),
    ("counterparty", Field::ClientName, 3),
    ("инн", Field::Inn, 3),
    ("инн контрагента", Field::Inn, 3),
    ("инн покупателя", Field::Inn, 3),
    ("инн клиента", Field::Inn, 3),
    ("inn", Field::Inn, 3),
    ("tax id", Field::Inn, 2),
    ("кпп", Field::Kpp, 3),
    ("кпп контрагента", Field::Kpp, 3),
    ("kpp", Field::Kpp, 3),
    ("контактное лицо", Field::ContactName, 3),
    ("контакт", Field::ContactName, 2),
    ("основной контакт", Field::ContactName, 3),
    ("фио", Field::ContactName, 2),
    ("фио контакта", Field::ContactName, 3),
    ("contact", Field::ContactName, 2),
    ("contact name", Field::ContactName, 3),
    ("contact person", Field::ContactName, 3),
    ("телефон", Field::Phone, 3),
    ("тел", Field::Phone, 2),
    ("рабочий телефон", Field::Phone, 3),
    ("мобильный телефон", Field::Phone, 2),
    ("phone", Field::Phone, 3),
    ("work phone", Field::Phone, 3),
    ("mobile", Field::Phone, 2),
    ("e mail", Field::Email, 3),
    ("email", Field::Email, 3),
    ("рабочий email", Field::Email, 3),
    ("рабочий e mail", Field::Email, 3),
    ("эл почта", Field::Email, 3),
    ("электронная почта", Field::Email, 3),
    ("почта", Field::Email, 2),
    ("ответственный", Field::Owner, 3),
    ("ответственный менеджер", Field::Owner, 3),
    ("менеджер", Field::Owner, 2),
    ("owner", Field::Owner, 3),
    ("responsible", Field::Owner, 3),
    ("manager", Field::Owner, 2),
    ("статус", Field::Status, 3),
    ("status", Field::Status, 3),
    ("комментарий", Field::Notes, 3),
    ("примечание", Field::Notes, 3),
    ("заметки", Field::Notes, 3),
    ("notes", Field::Notes, 3),
    ("comment", Field::Notes, 3),
    ("дата", Field::Date, 3),
    ("дата документа", Field::Date, 3),
    ("дата отгрузки", Field::Date, 3),
    ("дата реализации", Field::Date, 3),
    ("дата заказа", Field::Date, 3),
    ("период", Field::Date, 1),
    ("date", Field::Date, 3),
    ("order date", Field::Date, 3),
    ("документ", Field::Document, 3),
    ("номер", Field::Document, 2),
    ("номер документа", Field::Document, 3),
    ("регистратор", Field::Document, 3),
    ("документ продажи", Field::Document, 3),
    ("реализация", Field::Document, 2),
    ("накладная", Field::Document, 2),
    ("заказ", Field::Document, 1),
    ("document", Field::Document, 3),
    ("invoice", Field::Document, 2),
    ("order", Field::Document, 1),
    ("order number", Field::Document, 3),
    ("номенклатура", Field::Product, 3),
    ("товар", Field::Product, 3),
    ("товары", Field::Product, 3),
    ("продукт", Field::Product, 2),
    ("услуга", Field::Product, 2),
    ("товар услуга", Field::Product, 3),
    ("product", Field::Product, 3),
    ("item", Field::Product, 2),
    ("артикул", Field::Article, 3),
    ("код", Field::Article, 2),
    ("код номенклатуры", Field::Article, 3),
    ("article", Field::Article, 3),
    ("sku", Field::Article, 3),
    ("группа", Field::Group, 2),
    ("номенклатурная группа", Field::Group, 3),
    ("группа номенклатуры", Field::Group, 3),
    ("товарная группа", Field::Group, 3),
    ("категория", Field::Group, 2),
    ("group", Field::Group, 2),
    ("product group", Field::Group, 3),
    ("category", Field::Group, 2),
    ("количество", Field::Quantity, 3),
    ("кол во", Field::Quantity, 3),
    ("qty", Field::Quantity, 3),
    ("quantity", Field::Quantity, 3),
    ("сумма с ндс", Field::Amount, 4),
    ("сумма с учетом ндс", Field::Amount, 4),
    ("всего с ндс", Field::Amount, 4),
    ("сумма", Field::Amount, 3),
    ("стоимость", Field::Amount, 2),
    ("выручка", Field::Amount, 2),
    ("сумма продажи", Field::Amount, 3),
    ("сумма продаж", Field::Amount, 3),
    ("сумма без ндс", Field::Amount, 1),
    ("amount", Field::Amount, 3),
    ("total", Field::Amount, 2),
    ("revenue", Field::Amount, 2),
];

/// A header in the form [`HEADERS`] lists: lower case, «ё» as «е», anything but letters and
/// digits as one space, a trailing currency («, руб.», «₽») dropped.
fn normalise(header: &str) -> String {
    let lower = header.to_lowercase().replace('ё', "е");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let end = match words.last() {
        Some(&("руб" | "р" | "rub" | "rur")) => words.len() - 1,
        _ => words.len(),
    };
    words[..end].join(" ")
}

/// What a header holds for `target`, with its priority. «Наименование» is the client in a client
/// list and the product in an order file; a field the target does not have is not guessed.
pub fn guess(header: &str, target: Target) -> Option<(Field, u8)> {
    let key = normalise(header);
    if key == "наименование" || key == "name" || key == "название" {
        return Some(match target {
            Target::Clients => (Field::ClientName, 2),
            Target::Orders => (Field::Product, 2),
        });
    }
    HEADERS
        .iter()
        .find(|(h, _, _)| *h == key)
        .map(|&(_, field, priority)| (field, priority))
        .filter(|(field, _)| Field::of(target).contains(field))
}

/// Which field each column is read into (`None`: the column is left out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// What the rows are.
    pub target: Target,
    /// One entry per column.
    pub columns: Vec<Option<Field>>,
}

/// Why a mapping cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MappingError {
    /// A field the target needs has no column; for the client, ИНН or name is enough.
    #[error("no column holds {0:?}")]
    Missing(Field),
    /// Two columns are read into the same field.
    #[error("two columns hold {0:?}")]
    Twice(Field),
}

impl Mapping {
    /// The mapping guessed from the headers: each field goes to the column with the highest
    /// priority for it (the leftmost on a tie); every other column is left out.
    pub fn guess(headers: &[String], target: Target) -> Mapping {
        let guesses: Vec<Option<(Field, u8)>> = headers.iter().map(|h| guess(h, target)).collect();
        let columns = guesses
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let (field, priority) = (*g)?;
                let beaten = guesses.iter().enumerate().any(|(j, other)| {
                    other.is_some_and(|(f, p)| {
                        f == field && (p > priority || (p == priority && j < i))
                    })
                });
                (!beaten).then_some(field)
            })
            .collect();
        Mapping { target, columns }
    }

    /// The column read into `field`.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(field))
    }

    /// Whether the mapping can be imported: no field twice, and the fields the target needs:
    /// for clients the name or ИНН; for orders the date, the amount, the client (name or ИНН)
    /// and the product (name or article).
    pub fn check(&self) -> Result<(), MappingError> {
        for (i, field) in self.columns.iter().enumerate() {
            if let Some(field) = field {
                if self.columns[i + 1..].contains(&Some(*field)) {
                    return Err(MappingError::Twice(*field));
                }
            }
        }
        let has = |f: Field| self.column(f).is_some();
        let either = |a: Field, b: Field| {
            if has(a) || has(b) {
                Ok(())
            } else {
                Err(MappingError::Missing(a))
            }
        };
        either(Field::ClientName, Field::Inn)?;
        if self.target == Target::Orders {
            either(Field::Date, Field::Document)?;
            either(Field::Amount, Field::Amount)?;
            either(Field::Product, Field::Article)?;
        }
        Ok(())
    }
}

/// Whether a header names a field of either target: what tells the header row from titles.
pub fn is_known_header(header: &str) -> bool {
    guess(header, Target::Orders).is_some() || guess(header, Target::Clients).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|h| (*h).to_owned()).collect()
    }

    #[test]
    fn guesses_a_1c_sales_report() {
        let h = headers(&[
            "Дата",
            "Документ",
            "Контрагент",
            "ИНН",
            "Номенклатура",
            "Номенклатурная группа",
            "Количество",
            "Сумма",
            "Сумма с НДС",
            "Сумма НДС",
            "Организация",
        ]);
        let m = Mapping::guess(&h, Target::Orders);
        use Field::*;
        assert_eq!(
            m.columns,
            [
                Some(Date),
                Some(Document),
                Some(ClientName),
                Some(Inn),
                Some(Product),
                Some(Group),
                Some(Quantity),
                None,
                Some(Amount),
                None,
                None,
            ]
        );
        assert_eq!(m.check(), Ok(()));
    }

    #[test]
    fn guesses_a_crm_client_export() {
        let h = headers(&[
            "ID",
            "Название",
            "ИНН",
            "Ответственный",
            "Основной контакт",
            "Рабочий телефон",
            "Рабочий email",
            "Примечание",
            "Дата создания",
        ]);
        let m = Mapping::guess(&h, Target::Clients);
        use Field::*;
        assert_eq!(
            m.columns,
            [
                None,
                Some(ClientName),
                Some(Inn),
                Some(Owner),
                Some(ContactName),
                Some(Phone),
                Some(Email),
                Some(Notes),
                None,
            ]
        );
        let english = headers(&["Company name", "INN", "E-mail", "Phone", "Owner", "Status"]);
        let m = Mapping::guess(&english, Target::Clients);
        assert!(m.columns.iter().all(Option::is_some));
    }

    #[test]
    fn headers_are_normalised() {
        assert_eq!(
            guess("  СУММА, руб. ", Target::Orders),
            Some((Field::Amount, 3))
        );
        assert_eq!(guess("Кол-во", Target::Orders), Some((Field::Quantity, 3)));
        assert_eq!(guess("E-mail", Target::Clients), Some((Field::Email, 3)));
        assert_eq!(
            guess("Наименование", Target::Orders),
            Some((Field::Product, 2))
        );
        assert_eq!(
            guess("Наименование", Target::Clients),
            Some((Field::ClientName, 2))
        );
        assert_eq!(guess("Номенклатура", Target::Clients), None);
        assert!(is_known_header("Контрагент"));
        assert!(!is_known_header("Продажи за январь 2026 г."));
    }

    #[test]
    fn a_mapping_needs_its_fields_once() {
        let m = Mapping {
            target: Target::Orders,
            columns: vec![Some(Field::Inn), Some(Field::Amount), Some(Field::Product)],
        };
        assert_eq!(m.check(), Err(MappingError::Missing(Field::Date)));
        let m = Mapping {
            target: Target::Clients,
            columns: vec![Some(Field::Phone)],
        };
        assert_eq!(m.check(), Err(MappingError::Missing(Field::ClientName)));
        let m = Mapping {
            target: Target::Clients,
            columns: vec![Some(Field::Inn), Some(Field::Inn)],
        };
        assert_eq!(m.check(), Err(MappingError::Twice(Field::Inn)));
    }
}
