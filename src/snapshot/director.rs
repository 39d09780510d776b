//! The director's records in a file: the scoring model, the transfer rule and thresholds, the
//! pipeline stages and settings (lost reasons, stage limits, stage probabilities, ABC shares), the
//! monthly sales plans, the catalogue and the team roster are the director's to change. A file
//! exported by anyone else may add to them (a product a rep's order needs, a colleague who owns a
//! client) but never changes or deletes the ones we hold; the preview and the report say so.

use super::read::Snapshot;
use crate::domain::ids::Id;
use crate::domain::team::Role;
use crate::domain::workspace::Workspace;
use std::collections::HashSet;

/// Whether the file was exported by someone who was the team's director in that file.
pub fn exported_by_director(snapshot: &Snapshot) -> bool {
    snapshot.meta.exported_by.as_ref().is_some_and(|by| {
        snapshot
            .workspace
            .member(&by.id)
            .is_some_and(|m| m.role() == Role::Director)
    })
}

/// What a merge may take from the file: the file as it is when the director exported it;
/// otherwise the file with our versions of the director's records (theirs only add what we lack)
/// and without its deletions of them. The flag says whether anything of theirs was set aside.
pub fn director_records_guarded(mine: &Workspace, snapshot: &Snapshot) -> (Workspace, bool) {
    let theirs = &snapshot.workspace;
    if exported_by_director(snapshot) {
        return (theirs.clone(), false);
    }
    let mut guarded = theirs.clone();
    guarded.scoring_model = mine.scoring_model.clone();
    guarded.transfer_policy = mine.transfer_policy.clone();
    guarded.pipeline_settings = mine.pipeline_settings.clone();
    guarded.sales_plans = mine.sales_plans.clone();
    guarded.stages = keep_ours(&mine.stages, &theirs.stages, |s| &s.id);
    guarded.members = keep_ours(&mine.members, &theirs.members, |m| &m.id);
    guarded.product_groups = keep_ours(&mine.product_groups, &theirs.product_groups, |g| &g.id);
    guarded.products = keep_ours(&mine.products, &theirs.products, |p| &p.id);
    let ours: HashSet<&Id> = mine
        .members
        .iter()
        .map(|m| &m.id)
        .chain(mine.product_groups.iter().map(|g| &g.id))
        .chain(mine.products.iter().map(|p| &p.id))
        .chain(mine.stages.iter().map(|s| &s.id))
        .collect();
    guarded.removed.retain(|t| !ours.contains(&t.id));
    let set_aside = guarded != *theirs;
    (guarded, set_aside)
}

/// Ours for every id we hold, then theirs' records we lack, in their order.
fn keep_ours<T: Clone>(mine: &[T], theirs: &[T], id: impl Fn(&T) -> &Id) -> Vec<T> {
    let held: HashSet<&Id> = mine.iter().map(&id).collect();
    let mut out = mine.to_vec();
    out.extend(theirs.iter().filter(|r| !held.contains(id(r))).cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::team::{JobTitle, TeamMember};
    use crate::format::envelope::ExportedBy;
    use crate::snapshot::tests::figures;
    use crate::snapshot::{export_snapshot, read_snapshot};
    use crate::testkit::fixtures::{later, small_workspace};

    fn file_by(ws: &Workspace, who: &TeamMember) -> Snapshot {
        let text = export_snapshot(ws, Some(who), later(90), later(90).date_naive(), figures);
        let snap = read_snapshot(&text, later(90).date_naive()).unwrap();
        assert_eq!(
            snap.meta.exported_by,
            Some(ExportedBy {
                id: who.id.clone(),
                name: who.name.clone()
            })
        );
        snap
    }

    #[test]
    fn a_reps_file_cannot_change_the_rule_or_the_roster_but_adds_what_is_new() {
        let mine = small_workspace();
        let mut theirs = mine.clone();
        theirs.transfer_policy.thresholds.sleeping_days = 30;
        theirs.transfer_policy.updated_at = later(50);
        let mut limits = theirs.pipeline_settings.clone();
        limits
            .stage_limits
            .push(crate::domain::deal_flow::StageLimit {
                stage_id: Id::from_raw("stage-lead"),
                days: 2,
            });
        theirs.set_pipeline_settings(limits, later(50)).unwrap();
        let mut renamed = theirs.members[0].clone();
        renamed.name = "Переименован репом".into();
        theirs.update_member(renamed, later(51)).unwrap();
        let newcomer = TeamMember::new(
            Id::from_raw("new-rep"),
            "Новый сотрудник",
            JobTitle::SalesManager,
            later(52),
        );
        theirs.add_member(newcomer).unwrap();
        let rep = theirs.members[1].clone();
        assert_ne!(rep.role(), Role::Director);
        let (guarded, set_aside) = director_records_guarded(&mine, &file_by(&theirs, &rep));
        assert!(set_aside);
        assert_eq!(guarded.transfer_policy, mine.transfer_policy);
        assert_eq!(guarded.pipeline_settings, mine.pipeline_settings);
        assert_eq!(guarded.members[0], mine.members[0]);
        assert!(guarded.member(&Id::from_raw("new-rep")).is_some());
    }

    #[test]
    fn the_directors_file_is_taken_as_it_is() {
        let mut mine = small_workspace();
        let director = TeamMember::new(
            Id::from_raw("boss"),
            "Марина Волкова",
            JobTitle::SalesDirector,
            later(1),
        );
        mine.add_member(director.clone()).unwrap();
        let mut theirs = mine.clone();
        theirs.transfer_policy.thresholds.sleeping_days = 30;
        let (guarded, set_aside) = director_records_guarded(&mine, &file_by(&theirs, &director));
        assert!(!set_aside);
        assert_eq!(guarded.transfer_policy.thresholds.sleeping_days, 30);
    }
}
