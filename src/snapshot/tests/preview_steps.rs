//! The import preview in steps is what the panel worked out in one go.

use super::preview::diverged;
use super::{figures, now, today};
use crate::domain::views::duplicates::duplicates_between;
use crate::snapshot::{
    director_records_guarded, export_snapshot, future_changes, read_snapshot, removals,
    ImportPreview, ImportPreviewSteps, Snapshot,
};

/// Their side as a file exported by a rep (so the director's records are set aside), with a
/// client that looks like one of ours under another id and a change dated far ahead.
fn their_file() -> (crate::domain::workspace::Workspace, Snapshot) {
    let (mut mine, mut theirs) = diverged();
    mine.clients[0].inn = Some("7707083893".to_owned());
    let mut twin = mine.clients[0].clone();
    twin.id = crate::domain::ids::Id::from_raw("twin");
    theirs.clients.push(twin);
    theirs.clients[1].updated_at = now() + chrono::TimeDelta::days(30);
    theirs.pipeline_settings.lost_reasons.clear();
    let text = export_snapshot(&theirs, Some(&theirs.members[1]), now(), today(), figures);
    (mine, read_snapshot(&text, today()).unwrap())
}

#[test]
fn the_preview_in_steps_of_any_size_is_the_one_in_one_go() {
    let (mine, file) = their_file();
    let (guarded, set_aside) = director_records_guarded(&mine, &file);
    let mut whole = ImportPreview::new(&mine, &guarded);
    whole.removed_by_replace = removals(&mine, &file.workspace);
    let future = future_changes(&file.workspace, now());
    let duplicates = duplicates_between(&mine, &file.workspace);
    assert_eq!((set_aside, future.0, duplicates.len()), (true, 1, 1));
    assert!(!whole.removed_by_merge.is_empty() && !whole.conflicts().is_empty());
    for budget in [1, 3, 1_000] {
        let mut steps = ImportPreviewSteps::new(now());
        let mut last = 0;
        while !steps.step(&mine, &file, budget) {
            let (done, all) = steps.progress();
            assert!(done >= last && done <= all, "{done} of {all} after {last}");
            last = done;
        }
        let (done, all) = steps.progress();
        assert_eq!(done, all);
        let ready = steps.finish(&mine, &file);
        assert!(ready.preview == whole, "steps of {budget}");
        assert_eq!(ready.set_aside, set_aside);
        assert_eq!(ready.future, future);
        assert_eq!(ready.duplicates, duplicates);
    }
}
