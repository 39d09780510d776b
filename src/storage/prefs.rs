//! Per-browser preferences, kept apart from the workspace: they describe this device's user and
//! view, not team data, so they never travel in snapshots.

use crate::domain::dates::Timestamp;
use crate::domain::Id;
use crate::lang::Lang;
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
    /// When this browser last exported a snapshot (for the weekly reminder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export_at: Option<Timestamp>,
    /// When the app first ran in this browser: the reminder counts from here until a first
    /// export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen_at: Option<Timestamp>,
    /// The export reminder stays quiet until then («Напомнить завтра»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_snoozed_until: Option<Timestamp>,
    /// Column mappings of imported tables, newest first, so the next file from the same source
    /// (the same headers) opens as it was set up last time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub table_mappings: Vec<TableMapping>,
    /// Suggested calls dismissed in «Мои дела» (their ids), so they do not come back here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed_suggestions: Vec<Id>,
    /// The team's sync server and database; `None` (the default) keeps sync off, and then the
    /// app makes no request anywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync: Option<crate::sync::SyncSettings>,
}

/// How the columns of one kind of file were mapped, in plain words (the import's own keys).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableMapping {
    /// The file's headers, one string (see `import::memory::signature`).
    pub headers: String,
    /// What the rows were: `clients` or `orders`.
    pub target: String,
    /// Per column, the field's key, empty for a column left out.
    pub fields: Vec<String>,
}

/// How many mappings are remembered.
pub const REMEMBERED_MAPPINGS: usize = 20;

/// Days without an export after which the app reminds the user to save a copy.
pub const EXPORT_REMINDER_DAYS: i64 = 7;

impl Prefs {
    /// Whether to remind about exporting at `now`: seven days since the last export (or since
    /// the first start when there was none), unless snoozed.
    pub fn export_reminder_due(&self, now: Timestamp) -> bool {
        if self.reminder_snoozed_until.is_some_and(|until| now < until) {
            return false;
        }
        self.last_export_at
            .or(self.first_seen_at)
            .is_some_and(|since| now - since >= chrono::Duration::days(EXPORT_REMINDER_DAYS))
    }
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
            ..Prefs::default()
        };
        assert_eq!(Prefs::decode(&p.encode()), p);
        assert_eq!(Prefs::decode("garbage"), Prefs::default());
        assert_eq!(Prefs::decode("{}").lang, Lang::Ru);
    }

    #[test]
    fn the_export_reminder_comes_after_seven_days_unless_snoozed() {
        use crate::domain::dates::timestamp_from_millis;
        let day = |d: i64| timestamp_from_millis(d * 86_400_000);
        let mut p = Prefs::default();
        assert!(
            !p.export_reminder_due(day(100)),
            "nothing to count from yet"
        );
        p.first_seen_at = Some(day(10));
        assert!(!p.export_reminder_due(day(16)));
        assert!(p.export_reminder_due(day(17)));
        p.last_export_at = Some(day(15));
        assert!(!p.export_reminder_due(day(21)));
        assert!(p.export_reminder_due(day(22)));
        p.reminder_snoozed_until = Some(day(23));
        assert!(!p.export_reminder_due(day(22)));
        assert!(p.export_reminder_due(day(23)));
    }
}
