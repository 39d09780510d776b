//! The workspace operations, one file per concern like the code they test.

mod records;
mod stages;
mod transfer;
