//! The interface language, on its own: a leaf every layer may name without importing anything
//! else. The core (a scoring model's texts in both languages), the stored preferences and the
//! translation layer all need the type, and none of them may depend on the translation layer's
//! words to get it.

use serde::{Deserialize, Serialize};

/// An interface language. Russian is the default: the method and its users are Russian.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Русский.
    #[default]
    Ru,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code for the page's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}
