//! The frame around every screen: top bar, storage banners, toasts.

mod banner;
mod header;
mod reminder;
mod search;
mod toast;
mod update;

pub use banner::StorageBanner;
pub use header::{Header, SkipLink};
pub use reminder::ExportReminder;
pub use toast::ToastView;
pub use update::UpdateBanner;
