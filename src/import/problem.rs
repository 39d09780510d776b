//! What can be wrong with a row, as values the translation layer puts into words
//! («строка 17: сумма «12,3,4» не число»).

use super::columns::Field;
use super::date::DateError;
use super::number::NumberError;
use crate::domain::inn::InnError;

/// How an import identifies a client in a row: by ИНН when the row has one, else by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ClientRef {
    /// The ИНН's digits.
    Inn(String),
    /// The name as written.
    Name(String),
}

/// What is wrong with one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// A value the row needs is empty.
    Missing(Field),
    /// The amount is not a number.
    BadAmount {
        /// The cell as written.
        text: String,
        /// Why.
        error: NumberError,
    },
    /// The date is not a date.
    BadDate {
        /// The cell as written.
        text: String,
        /// Why.
        error: DateError,
    },
    /// The ИНН fails its check.
    BadInn {
        /// The cell as written.
        text: String,
        /// Why.
        error: InnError,
    },
    /// The КПП is not 9 digits: the client is imported without it.
    BadKpp {
        /// The cell as written.
        text: String,
    },
    /// The quantity is not a number above zero with at most three decimals.
    BadQuantity {
        /// The cell as written.
        text: String,
    },
    /// A zero or negative line (a return or a correction): orders keep purchases only.
    NotPositive {
        /// The cell as written.
        text: String,
    },
    /// The status is not one the app knows; the client keeps (or gets) its usual status.
    UnknownStatus {
        /// The cell as written.
        text: String,
    },
    /// No team member has this name; the client goes to the person importing.
    UnknownOwner {
        /// The cell as written.
        name: String,
    },
    /// The order's client is neither in the app nor created by this import.
    ClientNotFound(ClientRef),
    /// The product is not in the catalogue and products are not being created.
    ProductNotFound {
        /// The product's name (or article) as written.
        name: String,
    },
    /// The same client is already in an earlier row of the file.
    RepeatedInFile {
        /// That earlier row.
        first_row: usize,
    },
    /// The order was imported before and then deleted in the app: it is not brought back.
    DeletedEarlier {
        /// The document as written.
        document: String,
    },
    /// Another line of the same document has a problem, so the whole document waits: an order
    /// missing a line would have the wrong total.
    DocumentHasProblem {
        /// The row of that line.
        bad_row: usize,
    },
}

impl RowProblem {
    /// Whether the row is left out (otherwise it is imported and the problem is a warning).
    pub fn skips_row(&self) -> bool {
        !matches!(
            self,
            RowProblem::UnknownStatus { .. }
                | RowProblem::UnknownOwner { .. }
                | RowProblem::BadKpp { .. }
        )
    }
}

/// A problem and the row it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The row's number in the file (1-based, as a spreadsheet shows it).
    pub row: usize,
    /// What is wrong.
    pub problem: RowProblem,
}
