//! «What changed» with an earlier copy read from a file of an older format version: the file
//! passes the one restore path (migrated from version 1, before deals had a stage history) and
//! the comparison reads it like any workspace; a broken file is refused there with the import's
//! error, before anything is compared.

use super::versions::V5;
use crate::domain::changes::{compare, ChangeKind, Earlier, Today};
use crate::restore::RestoreError;
use crate::snapshot::read_snapshot;
use chrono::{NaiveDate, TimeZone, Utc};

const V1: &str = include_str!("../../../tests/fixtures/snapshot-v1.json");

#[test]
fn a_version_1_file_is_the_earlier_copy_of_the_version_5_data() {
    let day = NaiveDate::from_ymd_opt(2026, 3, 13).unwrap();
    let earlier = read_snapshot(V1, day).unwrap();
    assert_eq!(earlier.meta.version, 1);
    let today = read_snapshot(V5, day).unwrap().workspace;
    let at = Today {
        date: day,
        now: Utc.with_ymd_and_hms(2026, 3, 13, 9, 0, 0).unwrap(),
        offset_minutes: 180,
    };
    let copy = Earlier {
        workspace: &earlier.workspace,
        taken_at: earlier.meta.exported_at,
    };
    let report = compare(copy, &today, at);
    assert!(!report.earlier_is_newer);
    assert_eq!(
        report.since_date,
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
    );
    let kinds_of = |id: &str| -> Vec<ChangeKind> {
        let rep = report.reps.iter().find(|r| r.member_id.as_str() == id);
        rep.unwrap().changes.iter().map(|c| c.kind).collect()
    };
    // Version 5's changes of 12.03: Иван moved d1 one stage on (from the history: version 1 had
    // none) and won d3 but reopened it, so it is open again and not listed as won; Ольга lost d2.
    let ivan = kinds_of("ivan");
    assert!(ivan.contains(&ChangeKind::MovedForward), "{ivan:?}");
    assert!(!ivan.contains(&ChangeKind::Won), "{ivan:?}");
    assert!(kinds_of("olga").contains(&ChangeKind::Lost));
    // Orders and the transfer came with versions 2 and 3: new since the version 1 file.
    assert!(ivan.contains(&ChangeKind::NewOrder), "{ivan:?}");
    assert!(kinds_of("anna").contains(&ChangeKind::TransferReceived));
}

#[test]
fn a_broken_file_is_refused_before_any_comparison() {
    let day = NaiveDate::from_ymd_opt(2026, 3, 13).unwrap();
    let err = read_snapshot(r#"{"format":"something-else","version":1}"#, day).unwrap_err();
    assert!(matches!(err, RestoreError::WrongFormat { .. }), "{err:?}");
}
