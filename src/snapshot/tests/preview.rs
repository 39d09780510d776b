//! The import preview (merge and replace figures) and the downloadable merge report's data.

use super::{figures, now, small, today};
use crate::domain::ids::Id;
use crate::domain::merge::{RecordKind, Side};
use crate::domain::workspace::Workspace;
use crate::snapshot::{
    apply_merge, export_snapshot, read_snapshot, record_counts, ImportPreview, ImportReport,
    KindPreview,
};
use crate::testkit::fixtures::{client, later, mover};

fn id(s: &str) -> Id {
    Id::from_raw(s)
}

/// Ours and theirs (read back from a snapshot file) after both sides worked apart.
pub(crate) fn diverged() -> (Workspace, Workspace) {
    let mut mine = small();
    let mut theirs = mine.clone();
    // c2: renamed by them, later: theirs wins.
    let mut c2 = theirs.client(&id("c2")).unwrap().clone();
    c2.name = "АО «Северсталь-Сервис Урал»".into();
    theirs.update_client(c2, later(40)).unwrap();
    // c3: renamed on both sides, ours later: ours wins.
    let mut c3 = theirs.client(&id("c3")).unwrap().clone();
    c3.name = "ИП Орлов Д. С.".into();
    theirs.update_client(c3, later(20)).unwrap();
    let mut c3 = mine.client(&id("c3")).unwrap().clone();
    c3.name = "ИП Орлов Дмитрий".into();
    mine.update_client(c3, later(50)).unwrap();
    // A client only they have.
    theirs
        .add_client(client("c4", "ООО «Новый»", "olga"))
        .unwrap();
    // They deleted d2.
    theirs.remove_deal(&id("d2"), later(30)).unwrap();
    // We deleted d3; they changed it afterwards, so it comes back.
    mine.remove_deal(&id("d3"), later(10)).unwrap();
    let mut d3 = theirs.deal(&id("d3")).unwrap().clone();
    d3.title = "Переговоры о годовом контракте".into();
    theirs.update_deal(d3, &mover("u1"), later(25)).unwrap();
    let text = export_snapshot(&theirs, Some(&theirs.members[1]), now(), today(), figures);
    let theirs_read = read_snapshot(&text, today()).unwrap().workspace;
    assert_eq!(theirs_read, theirs);
    (mine, theirs_read)
}

#[test]
fn the_preview_counts_every_kind_both_ways() {
    let (mine, theirs) = diverged();
    let preview = ImportPreview::new(&mine, &theirs);
    assert_eq!(
        preview.kind(RecordKind::Client),
        KindPreview {
            kind: RecordKind::Client,
            mine: 3,
            in_file: 4,
            added: 1,
            updated: 1,
            unchanged: 2,
            removed: 0,
            conflicts: 1,
        }
    );
    let deals = preview.kind(RecordKind::Deal);
    assert_eq!(
        (deals.mine, deals.in_file, deals.added, deals.removed),
        (2, 2, 1, 1)
    );
    assert_eq!(preview.kind(RecordKind::Order).unchanged, 4);
    assert_eq!(preview.kind(RecordKind::ScoringModel).in_file, 1);
    // Replace mode reads the same lines: ours against theirs, per kind.
    let replace: Vec<(RecordKind, usize, usize)> = preview
        .kinds
        .iter()
        .map(|k| (k.kind, k.mine, k.in_file))
        .collect();
    let mine_counts = record_counts(&mine);
    let theirs_counts = record_counts(&theirs);
    for ((kind, m, t), ((k1, m1), (k2, t1))) in
        replace.iter().zip(mine_counts.iter().zip(&theirs_counts))
    {
        assert_eq!((kind, m, t), (k1, m1, t1));
        assert_eq!(k1, k2);
    }
    // Deletions are listed by name: they deleted d2, so a merge removes it; a replace removes
    // everything of ours the file lacks.
    let merge_removals: Vec<(RecordKind, &str)> = preview
        .removed_by_merge
        .iter()
        .map(|r| (r.kind, r.label.as_str()))
        .collect();
    // The deal's stage history goes with it, named by its date and the deal.
    assert_eq!(
        merge_removals,
        [
            (RecordKind::Deal, "Сделка d2"),
            (RecordKind::StageChange, "15.01.2026 — Сделка d2")
        ]
    );
    assert!(preview
        .removed_by_replace
        .iter()
        .any(|r| r.id.as_str() == "d2"));
    // The preview's merge is the merge itself.
    assert_eq!(preview.clone().into_merge(), apply_merge(&mine, &theirs));
}

#[test]
fn conflicts_list_both_sides_and_the_winner() {
    let (mine, theirs) = diverged();
    let preview = ImportPreview::new(&mine, &theirs);
    let conflicts: Vec<(&str, Side)> = preview
        .conflicts()
        .iter()
        .map(|c| (c.id.as_str(), c.winner))
        .collect();
    // c2 was renamed in the file only: an update, not a conflict. c3 was renamed on both sides.
    assert_eq!(conflicts, [("c3", Side::Ours)]);
    let c3 = &preview.conflicts()[0];
    assert_eq!(c3.field, Some("name"));
    assert_eq!(c3.ours_value, "\"ИП Орлов Дмитрий\"");
    assert_eq!(c3.theirs_value, "\"ИП Орлов Д. С.\"");
    assert_eq!(c3.ours_updated_at, later(50));
    assert_eq!(c3.theirs_updated_at, later(20));
    let resurrected: Vec<&str> = preview
        .merge
        .report
        .resurrected
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(resurrected, ["d3"]);
    let merged = &preview.merge.workspace;
    assert_eq!(
        merged.client(&id("c2")).unwrap().name,
        "АО «Северсталь-Сервис Урал»"
    );
    assert_eq!(merged.client(&id("c3")).unwrap().name, "ИП Орлов Дмитрий");
    assert!(merged.deal(&id("d2")).is_none());
    assert!(merged.integrity_problems().is_empty());
}

/// The report of merging [`diverged`]'s file into ours, as the import screen makes it: a
/// conflict, a resurrection, counts. Its text in Russian and English is tested in
/// `crate::i18n::tests::report`.
pub(crate) fn report() -> ImportReport {
    let (mine, theirs) = diverged();
    let text = export_snapshot(&theirs, Some(&theirs.members[1]), now(), today(), figures);
    let snap = read_snapshot(&text, today()).unwrap();
    let outcome = apply_merge(&mine, &snap.workspace);
    ImportReport::new(
        "salesdesk-olga-smirnova-2026-03-10.json",
        &snap.meta,
        &outcome.report,
        later(60),
        chrono::FixedOffset::east_opt(3 * 3600).unwrap(),
        &outcome.workspace,
    )
}

#[test]
fn the_json_report_carries_the_same_facts() {
    let v = report().to_json_value();
    assert_eq!(v["counts"]["client"]["added"], 1);
    assert_eq!(v["counts"]["deal"]["removed"], 1);
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 1);
    assert_eq!(v["conflicts"][0]["winner"], "ours");
    assert_eq!(v["conflicts"][0]["field"], "name");
    assert_eq!(v["conflicts"][0]["theirs_value"], "ИП Орлов Д. С.");
    assert_eq!(v["conflicts"][0]["ours_updated_at"], "2026-01-15T09:50:00Z");
    assert_eq!(
        v["conflicts"][0]["theirs_updated_at"],
        "2026-01-15T09:20:00Z"
    );
    assert_eq!(v["resurrections"][0]["id"], "d3");
    assert_eq!(v["resurrections"][0]["held_by"], "theirs");
    assert_eq!(v["source"]["exported_by"]["name"], "Ольга Смирнова");
    let pretty = report().to_json();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&pretty).unwrap(),
        v
    );
}
