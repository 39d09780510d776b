//! Writing a snapshot: the storage envelope's header, the workspace with plain orders, who
//! exported it and when, and the derived figures for readers.
//!
//! A full-size workspace is a 37 MB file, and writing it in one go freezes the page for most
//! of a second, so the file is written in steps ([`ExportSteps`]): each step writes a few
//! thousand records and returns its text, and the app runs one step per task with a progress
//! bar. [`export_snapshot`] runs every step at once; both give the same text.

use super::derived::{derive, DescribeOutcome};
use crate::domain::dates::Timestamp;
use crate::domain::team::TeamMember;
use crate::domain::workspace::Workspace;
use crate::format::envelope::ExportedBy;
use crate::format::{FORMAT, VERSION};
use chrono::NaiveDate;
use serde::Serialize;

/// Records one step writes: about half a megabyte of orders, 10–20 ms in the browser.
const RECORDS_PER_STEP: usize = 2_000;

/// One step: the text it adds, written from the workspace.
type Step = Box<dyn Fn(&Workspace) -> String>;

/// The snapshot of a workspace, written step by step.
pub struct ExportSteps {
    steps: Vec<Step>,
    next: usize,
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    // Every map in the output has string keys, the only way serde_json can fail here.
    serde_json::to_string(value).expect("a snapshot always serialises")
}

/// Adds the steps writing `,"name":[…]` (without the comma for the first field), a few
/// thousand records per step.
fn list<T: Serialize + 'static>(
    steps: &mut Vec<Step>,
    name: &'static str,
    first: bool,
    records: fn(&Workspace) -> &[T],
    len: usize,
) {
    let opening = format!("{}\"{name}\":[", if first { "" } else { "," });
    if len == 0 {
        steps.push(Box::new(move |_| format!("{opening}]")));
        return;
    }
    for start in (0..len).step_by(RECORDS_PER_STEP) {
        let end = (start + RECORDS_PER_STEP).min(len);
        let opening = if start == 0 {
            opening.clone()
        } else {
            String::new()
        };
        steps.push(Box::new(move |ws| {
            let mut text = opening.clone();
            // The list is read again at each step, so a shorter one (which the caller's copy
            // rules out) could only end the list early, never fail.
            let all = records(ws);
            for (i, record) in all[start.min(all.len())..end.min(all.len())]
                .iter()
                .enumerate()
            {
                if start + i > 0 {
                    text.push(',');
                }
                text.push_str(&json(record));
            }
            if end == len {
                text.push(']');
            }
            text
        }));
    }
}

impl ExportSteps {
    /// The steps of the snapshot of `ws` (see [`export_snapshot`] for the arguments). The
    /// steps must be given the same, unchanged workspace.
    pub fn new(
        ws: &Workspace,
        exported_by: Option<&TeamMember>,
        exported_at: Timestamp,
        today: NaiveDate,
        describe: DescribeOutcome,
    ) -> Self {
        let header = format!(
            "{{\"format\":{},\"version\":{VERSION},\"app_version\":{},\"exported_at\":{},\"exported_by\":{},\"workspace\":{{",
            json(FORMAT),
            json(env!("CARGO_PKG_VERSION")),
            json(&exported_at),
            json(&exported_by.map(ExportedBy::of)),
        );
        let mut steps: Vec<Step> = vec![Box::new(move |_| header.clone())];
        // Destructured without `..`: a field added to `Workspace` fails to compile here until it
        // is written too, so no field can be silently left out of a file. The order is the
        // file's.
        let Workspace {
            members,
            clients,
            deals,
            stages,
            removed,
            scoring_model: _,
            assessments,
            product_groups,
            products,
            orders,
            transfer_policy: _,
            transfers,
            stage_history,
            pipeline_settings: _,
            sales_plans: _,
            activities,
            tasks,
        } = ws;
        let s = &mut steps;
        list(s, "members", true, |w| &w.members, members.len());
        list(s, "clients", false, |w| &w.clients, clients.len());
        list(s, "deals", false, |w| &w.deals, deals.len());
        list(s, "stages", false, |w| &w.stages, stages.len());
        list(s, "removed", false, |w| &w.removed, removed.len());
        s.push(Box::new(|w| {
            format!(",\"scoring_model\":{}", json(&w.scoring_model))
        }));
        list(
            s,
            "assessments",
            false,
            |w| &w.assessments,
            assessments.len(),
        );
        let groups = product_groups.len();
        list(s, "product_groups", false, |w| &w.product_groups, groups);
        list(s, "products", false, |w| &w.products, products.len());
        list(s, "orders", false, |w| &w.orders, orders.len());
        s.push(Box::new(|w| {
            format!(",\"transfer_policy\":{}", json(&w.transfer_policy))
        }));
        list(s, "transfers", false, |w| &w.transfers, transfers.len());
        let moves = stage_history.len();
        list(s, "stage_history", false, |w| &w.stage_history, moves);
        s.push(Box::new(|w| {
            format!(",\"pipeline_settings\":{}", json(&w.pipeline_settings))
        }));
        // A few hundred records at most (reps × months × kinds): one step, and none when empty.
        s.push(Box::new(|w| match w.sales_plans.is_empty() {
            true => String::new(),
            false => format!(",\"sales_plans\":{}", json(&w.sales_plans)),
        }));
        // Lists added since version 5 are left out while empty, so older readers see no change.
        if !activities.is_empty() {
            list(s, "activities", false, |w| &w.activities, activities.len());
        }
        if !tasks.is_empty() {
            list(s, "tasks", false, |w| &w.tasks, tasks.len());
        }
        s.push(Box::new(move |w| {
            format!("}},\"derived\":{}}}", json(&derive(w, today, describe)))
        }));
        ExportSteps { steps, next: 0 }
    }

    /// How many steps there are in all.
    pub fn total(&self) -> usize {
        self.steps.len()
    }

    /// How many steps have run.
    pub fn done(&self) -> usize {
        self.next
    }

    /// Runs the next step and returns its text; `None` when the file is complete.
    pub fn step(&mut self, ws: &Workspace) -> Option<String> {
        let step = self.steps.get(self.next)?;
        self.next += 1;
        Some(step(ws))
    }
}

/// The snapshot of `ws` as one line of compact JSON (see `docs/snapshot.md`).
///
/// `exported_at` is the moment of the export; `today` is the user's calendar day, the «as of»
/// day of the derived figures (the last 12 months up to it); `describe` writes each transfer
/// condition's figures in Russian for the derived section (the app passes
/// `crate::i18n::outcome::describe_ru`). Compact rather than pretty:
/// indentation would make a full-size file half as large again for no reader's benefit
/// (any editor or `jq .` pretty-prints it).
pub fn export_snapshot(
    ws: &Workspace,
    exported_by: Option<&TeamMember>,
    exported_at: Timestamp,
    today: NaiveDate,
    describe: DescribeOutcome,
) -> String {
    let mut steps = ExportSteps::new(ws, exported_by, exported_at, today, describe);
    let mut text = String::new();
    while let Some(part) = steps.step(ws) {
        text.push_str(&part);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::envelope::WorkspaceOut;
    use crate::snapshot::derived::Derived;
    use crate::testkit::fixtures::t0;
    use crate::testkit::synth_workspace::synth_workspace;

    /// The file as one serde value, as earlier builds wrote it.
    #[derive(Serialize)]
    struct SnapshotOut<'a> {
        format: &'static str,
        version: u64,
        app_version: &'static str,
        exported_at: Timestamp,
        exported_by: Option<ExportedBy>,
        workspace: WorkspaceOut<'a>,
        derived: Derived,
    }

    fn at_once(ws: &Workspace, me: Option<&TeamMember>, today: NaiveDate) -> String {
        serde_json::to_string(&SnapshotOut {
            format: FORMAT,
            version: VERSION,
            app_version: env!("CARGO_PKG_VERSION"),
            exported_at: t0(),
            exported_by: me.map(ExportedBy::of),
            workspace: WorkspaceOut::with_plain_orders(ws),
            derived: derive(ws, today, crate::snapshot::tests::figures),
        })
        .unwrap()
    }

    #[test]
    fn steps_write_exactly_the_file_written_at_once() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        for ws in [
            Workspace::default(),
            crate::domain::demo::demo_workspace(today, t0()),
            synth_workspace(5, 300, 4_500, today),
        ] {
            let me = ws.members.first();
            let stepped = export_snapshot(&ws, me, t0(), today, crate::snapshot::tests::figures);
            assert!(stepped == at_once(&ws, me, today), "the files differ");
        }
    }

    #[test]
    fn a_big_workspace_takes_many_short_steps() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let ws = synth_workspace(5, 300, 9_000, today);
        let mut steps = ExportSteps::new(&ws, None, t0(), today, crate::snapshot::tests::figures);
        assert!(steps.total() > 5, "{} steps", steps.total());
        let mut longest = 0;
        while let Some(part) = steps.step(&ws) {
            longest = longest.max(part.len());
        }
        assert_eq!(steps.done(), steps.total());
        assert!(longest < 2_000_000, "one step wrote {longest} bytes");
    }
}
