//! User-facing texts of orders, the transfer rule, farmer metrics and snapshots, Russian first,
//! English second. A table of its own so that neither table grows past a screenful of topics.

use super::texts;

texts! {
    SalesText;
    // Errors
    ErrInvalidPolicy => "Правило передачи заполнено неверно.", "The transfer rule is not valid.";
    ErrNotAFarmer => "Передать клиента можно только фермеру.", "A client can only be passed to a farmer.";
    ErrNotEligible => "Клиент ещё не выполнил правило передачи.", "The client does not meet the transfer rule yet.";
    ErrAlreadyWithFarmer => "Клиент уже у фермера.", "The client is already with a farmer.";
}
