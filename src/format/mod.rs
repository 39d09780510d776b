//! The data format shared by storage and snapshot files, in both directions: the envelope
//! (`envelope`), orders stored column by column (`order_book`, read as `order_books`) and the
//! packed form of a stored value (`packed`, unpacked in steps by `unpack_steps`). Reading any of it goes through [`crate::restore`], the one path that checks
//! and migrates; this module only says what the bytes look like.

pub mod envelope;
pub mod order_book;
pub mod order_books;
pub mod packed;
pub mod unpack_steps;

/// The envelope's format name; anything else is not ours.
pub const FORMAT: &str = "salesdesk.workspace";
/// The schema version this build writes. Version 2 added qualification, the catalogue and orders:
/// a version-1 build would silently drop them, so it must refuse version 2 instead.
/// Version 5 added the stage history and deal outcomes, which a version-4 build would drop.
pub const VERSION: u64 = 6;
