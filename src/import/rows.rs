//! One row of a file read through a mapping into typed values, or the reason it cannot be.

use super::columns::{Field, Mapping};
use super::date::{parse_date, parse_date_text};
use super::number::parse_amount;
use super::problem::{ClientRef, RowProblem};
use super::table::{Cell, SourceRow};
use crate::domain::client::ClientStatus;
use crate::domain::inn::validate_inn;
use crate::domain::kpp::validate_kpp;
use crate::domain::money::Money;
use crate::domain::quantity::{Quantity, QuantityError};
use chrono::NaiveDate;

/// What a row says about a client.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientFields {
    /// The name (may be empty when the ИНН is given).
    pub name: String,
    /// The ИНН's digits, checked.
    pub inn: Option<String>,
    /// The КПП, checked (a malformed one is left out with a warning).
    pub kpp: Option<String>,
    /// The contact person.
    pub contact: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// The responsible person's name as written.
    pub owner: String,
    /// The status, when the row gives a known one.
    pub status: Option<ClientStatus>,
    /// Notes.
    pub notes: String,
}

impl ClientFields {
    /// How the client is looked up: ИНН first, name otherwise.
    pub fn reference(&self) -> ClientRef {
        match &self.inn {
            Some(inn) => ClientRef::Inn(inn.clone()),
            None => ClientRef::Name(self.name.clone()),
        }
    }
}

/// One order line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineFields {
    /// The client.
    pub client: ClientFields,
    /// The order's date.
    pub date: NaiveDate,
    /// The document's number (empty when the file has none).
    pub document: String,
    /// The product's name.
    pub product: String,
    /// The product's article or code.
    pub article: String,
    /// The product's group.
    pub group: String,
    /// The line's amount, above zero.
    pub amount: Money,
    /// The quantity, when the file gives one.
    pub quantity: Option<Quantity>,
}

/// A row read, with the warnings it raised (an unknown status is left out, for instance).
pub type Read<T> = Result<(T, Vec<RowProblem>), RowProblem>;

fn cell<'a>(row: &'a SourceRow, mapping: &Mapping, field: Field) -> &'a Cell {
    match mapping.column(field) {
        Some(column) => row.cell(column),
        None => &Cell::Empty,
    }
}

fn text(row: &SourceRow, mapping: &Mapping, field: Field) -> String {
    cell(row, mapping, field).text()
}

/// The client's fields of a row (both targets have them).
pub fn read_client(row: &SourceRow, mapping: &Mapping) -> Read<ClientFields> {
    let t = |f| text(row, mapping, f);
    let inn_text = t(Field::Inn);
    let inn = match inn_text.as_str() {
        "" => None,
        typed => Some(validate_inn(typed).map_err(|error| RowProblem::BadInn {
            text: inn_text.clone(),
            error,
        })?),
    };
    let name = collapse(&t(Field::ClientName));
    if name.is_empty() && inn.is_none() {
        return Err(RowProblem::Missing(Field::ClientName));
    }
    let status_text = t(Field::Status);
    let mut warnings = Vec::new();
    let status = match status_text.as_str() {
        "" => None,
        typed => {
            let status = status_from_text(typed);
            if status.is_none() {
                warnings.push(RowProblem::UnknownStatus {
                    text: status_text.clone(),
                });
            }
            status
        }
    };
    let kpp_text = t(Field::Kpp);
    let kpp = match kpp_text.as_str() {
        "" => None,
        typed => {
            let kpp = validate_kpp(typed).ok();
            if kpp.is_none() {
                warnings.push(RowProblem::BadKpp {
                    text: kpp_text.clone(),
                });
            }
            kpp
        }
    };
    let fields = ClientFields {
        name,
        inn,
        kpp,
        contact: t(Field::ContactName),
        phone: t(Field::Phone),
        email: t(Field::Email),
        owner: t(Field::Owner),
        status,
        notes: t(Field::Notes),
    };
    Ok((fields, warnings))
}

/// An order line of a row. When the date column is empty or missing, the date a 1C document
/// name carries is used («Реализация товаров и услуг ТД00-000123 от 15.01.2026 12:00:00»).
pub fn read_line(row: &SourceRow, mapping: &Mapping) -> Read<LineFields> {
    let (client, warnings) = read_client(row, mapping)?;
    let (document, document_date) = split_document(&text(row, mapping, Field::Document));
    let date_cell = cell(row, mapping, Field::Date);
    let date = match (parse_date(date_cell), document_date) {
        (Ok(date), _) => date,
        (Err(_), Some(date)) if date_cell.is_blank() => date,
        (Err(super::date::DateError::Empty), None) => return Err(RowProblem::Missing(Field::Date)),
        (Err(error), _) => {
            return Err(RowProblem::BadDate {
                text: date_cell.text(),
                error,
            })
        }
    };
    let product = collapse(&text(row, mapping, Field::Product));
    let article = text(row, mapping, Field::Article);
    if product.is_empty() && article.is_empty() {
        return Err(RowProblem::Missing(Field::Product));
    }
    let amount_cell = cell(row, mapping, Field::Amount);
    let amount = match parse_amount(amount_cell) {
        Ok(amount) if amount > Money::ZERO => amount,
        Ok(_) => {
            return Err(RowProblem::NotPositive {
                text: amount_cell.text(),
            })
        }
        Err(super::number::NumberError::Empty) => return Err(RowProblem::Missing(Field::Amount)),
        Err(error) => {
            return Err(RowProblem::BadAmount {
                text: amount_cell.text(),
                error,
            })
        }
    };
    let quantity_cell = cell(row, mapping, Field::Quantity);
    let quantity = match Quantity::parse(&quantity_cell.text()) {
        Ok(quantity) => Some(quantity),
        Err(QuantityError::Empty) => None,
        Err(_) => {
            return Err(RowProblem::BadQuantity {
                text: quantity_cell.text(),
            })
        }
    };
    let line = LineFields {
        client,
        date,
        document,
        product,
        article,
        group: collapse(&text(row, mapping, Field::Group)),
        amount,
        quantity,
    };
    Ok((line, warnings))
}

/// A 1C document's name split into its number and date: «Реализация товаров и услуг
/// ТД00-000123 от 15.01.2026 12:00:00» → («ТД00-000123», 15.01.2026). Anything else is the
/// number as it is, with no date.
pub fn split_document(text: &str) -> (String, Option<NaiveDate>) {
    let text = collapse(text);
    if let Some(at) = text.rfind(" от ") {
        if let Ok(date) = parse_date_text(&text[at + " от ".len()..]) {
            let number = text[..at].split_whitespace().last().unwrap_or_default();
            return (number.to_owned(), Some(date));
        }
    }
    (text, None)
}

/// Spaces of every kind collapsed into one, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A status as exports write it, in Russian or English.
fn status_from_text(text: &str) -> Option<ClientStatus> {
    let lower = text.trim().to_lowercase().replace('ё', "е");
    let status = match lower.as_str() {
        "лид" | "lead" | "новый лид" => ClientStatus::Lead,
        "потенциальный" | "потенциальный клиент" | "prospect" => {
            ClientStatus::Prospect
        }
        "новый" | "новый клиент" | "new" => ClientStatus::New,
        "постоянный" | "постоянный клиент" | "regular" => {
            ClientStatus::Regular
        }
        "спящий" | "sleeping" => ClientStatus::Sleeping,
        "потерян" | "потерянный" | "lost" => ClientStatus::Lost,
        _ => return None,
    };
    Some(status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns::Target;

    fn row(cells: &[&str]) -> SourceRow {
        SourceRow {
            number: 7,
            cells: cells.iter().map(|c| Cell::Text((*c).to_owned())).collect(),
        }
    }

    fn orders() -> Mapping {
        use Field::*;
        Mapping {
            target: Target::Orders,
            columns: vec![
                Some(Date),
                Some(Document),
                Some(ClientName),
                Some(Inn),
                Some(Product),
                Some(Amount),
            ],
        }
    }

    #[test]
    fn reads_an_order_line() {
        let r = row(&[
            "15.01.2026 0:00:00",
            "ТД00-000123",
            "ООО  «Вектор»",
            "7707083893",
            "Гофрокороб",
            "1 234,50",
        ]);
        let (line, warnings) = read_line(&r, &orders()).unwrap();
        assert!(warnings.is_empty());
        assert_eq!(line.client.name, "ООО «Вектор»");
        assert_eq!(line.client.reference(), ClientRef::Inn("7707083893".into()));
        assert_eq!(line.amount, Money::from_kopecks(123_450));
        assert_eq!(line.date, NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
    }

    #[test]
    fn takes_the_date_from_a_1c_document_name() {
        let r = row(&[
            "",
            "Реализация товаров и услуг ТД00-000123 от 16.01.2026 12:00:00",
            "ИП Орлов",
            "",
            "Плёнка",
            "500",
        ]);
        let (line, _) = read_line(&r, &orders()).unwrap();
        assert_eq!(line.document, "ТД00-000123");
        assert_eq!(line.date, NaiveDate::from_ymd_opt(2026, 1, 16).unwrap());
        assert_eq!(split_document("№ 15"), ("№ 15".to_owned(), None));
    }

    #[test]
    fn says_what_is_wrong() {
        let m = orders();
        let bad = |cells: &[&str]| read_line(&row(cells), &m).unwrap_err();
        assert_eq!(
            bad(&["15.01.2026", "1", "Вектор", "", "Короб", "12,3,4"]),
            RowProblem::BadAmount {
                text: "12,3,4".into(),
                error: super::super::number::NumberError::NotANumber
            }
        );
        assert_eq!(
            bad(&["15.01.2026", "1", "Вектор", "", "Короб", "-5"]),
            RowProblem::NotPositive { text: "-5".into() }
        );
        assert_eq!(
            bad(&["15.01.2026", "1", "Вектор", "", "Короб", ""]),
            RowProblem::Missing(Field::Amount)
        );
        assert_eq!(
            bad(&["", "1", "Вектор", "", "Короб", "5"]),
            RowProblem::Missing(Field::Date)
        );
        assert!(matches!(
            bad(&["32.01.2026", "1", "Вектор", "", "Короб", "5"]),
            RowProblem::BadDate { .. }
        ));
        assert!(matches!(
            bad(&["15.01.2026", "1", "Вектор", "7707083894", "Короб", "5"]),
            RowProblem::BadInn { .. }
        ));
        assert_eq!(
            bad(&["15.01.2026", "1", "", "", "Короб", "5"]),
            RowProblem::Missing(Field::ClientName)
        );
        assert_eq!(
            bad(&["15.01.2026", "1", "Вектор", "", "", "5"]),
            RowProblem::Missing(Field::Product)
        );
    }

    #[test]
    fn reads_a_client_with_its_status() {
        use Field::*;
        let m = Mapping {
            target: Target::Clients,
            columns: vec![Some(ClientName), Some(Status), Some(Phone)],
        };
        let (c, w) = read_client(&row(&["Вектор", "Постоянный клиент", "+7 912"]), &m).unwrap();
        assert_eq!(
            (c.status, c.phone.as_str(), w.len()),
            (Some(ClientStatus::Regular), "+7 912", 0)
        );
        let (c, w) = read_client(&row(&["Вектор", "VIP", ""]), &m).unwrap();
        assert_eq!(c.status, None);
        assert_eq!(w, [RowProblem::UnknownStatus { text: "VIP".into() }]);
        assert!(!w[0].skips_row());
    }
}
