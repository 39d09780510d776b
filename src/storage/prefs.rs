//! Per-browser preferences, kept apart from the workspace: they describe this device's user and
//! view, not team data, so they never travel in snapshots.

use crate::domain::Id;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The `localStorage` key of the preferences.
pub const PREFS_KEY: &str = "salesdesk.prefs";

/// What this browser remembers about its user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    /// Interface language.
    #[serde(default)]
    pub lang: Lang,
    /// The team member using this browser.
    #[serde(default)]
    pub me: Option<Id>,
    /// Whether the board shows only my deals.
    #[serde(default)]
    pub board_mine_only: bool,
}

impl Prefs {
    /// Reads stored preferences; anything unreadable gives the defaults, since preferences are
    /// cheap to set again and must never stop the app from starting.
    pub fn decode(text: &str) -> Prefs {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The stored text.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("prefs always serialise")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_fallback() {
        let p = Prefs {
            lang: Lang::En,
            me: Some(Id::from_raw("m1")),
            board_mine_only: true,
        };
        assert_eq!(Prefs::decode(&p.encode()), p);
        assert_eq!(Prefs::decode("garbage"), Prefs::default());
        assert_eq!(Prefs::decode("{}").lang, Lang::Ru);
    }
}
