//! What every table of texts has in common: a text in a language, and `{}` places filled in.
//! A file of its own (imported by the tables, the helpers and the UI) so that nothing in
//! `i18n` needs to import `mod.rs`, which only declares and re-exports.

use crate::lang::Lang;

/// A table of user-facing texts ([`Text`](super::Text), [`SalesText`](super::SalesText),
/// [`SnapshotText`](super::SnapshotText), [`ReportText`](super::ReportText)): one trait so that
/// a single helper can translate a key of any of them (see `AppState::tr` in the UI).
pub trait Translate: Copy + Send + Sync + 'static {
    /// The text in `lang`.
    fn get(self, lang: Lang) -> &'static str;
}

/// Puts `values` into the `{}` places of `template`, in order. A value is never searched for
/// places itself, so a name that happens to contain `{}` is shown as it is.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}
