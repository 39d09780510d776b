//! [`apply_documents`](super::apply_documents) in slices: the pulled documents are read into
//! records a slice at a time (reading is most of a first pull's cost: 115 148 documents), each
//! slice its own step, so a page keeps painting; the merge into the workspace is the last step.
//! The workspace is not touched before it. The result is exactly the one-go apply's: each
//! record reads on its own, so the slices' records put one after the other are the records of
//! all the documents read at once.

use super::apply::{frame, merge_partial, place, Applied};
use super::documents::Document;
use crate::domain::workspace::Workspace;
use serde_json::{Map, Value};

/// The pulled documents read so far into one partial workspace (see [`ApplySteps::step`]).
pub struct ApplySteps {
    /// The frame documents are placed in.
    empty: Map<String, Value>,
    /// How many documents are read.
    read: usize,
    /// Their records so far; settings only where a document brought one.
    theirs: Option<Workspace>,
    /// Documents with no place in a workspace (an unknown kind), in order.
    unplaced: Vec<String>,
    /// Documents whose record does not read, in order.
    unreadable: Vec<String>,
    /// Whether a slice's readable records did not read together (never seen: then, as the
    /// one-go apply did, the workspace is merged with itself).
    broken: bool,
}

impl Default for ApplySteps {
    fn default() -> Self {
        Self::new()
    }
}

impl ApplySteps {
    /// Nothing read yet.
    pub fn new() -> ApplySteps {
        let empty = frame();
        let theirs = super::workspace_of(Value::Object(empty.clone()));
        ApplySteps {
            empty,
            read: 0,
            theirs,
            unplaced: Vec::new(),
            unreadable: Vec::new(),
            broken: false,
        }
    }

    /// Reads up to `budget` more of `docs` (always the same documents); true when all are read.
    pub fn step(&mut self, docs: &[Document], budget: usize) -> bool {
        let end = docs.len().min(self.read.saturating_add(budget.max(1)));
        let slice = &docs[self.read..end];
        self.read = end;
        let mut partial = self.empty.clone();
        let mut placed = Vec::new();
        for doc in slice {
            if place(&mut partial, doc) {
                placed.push(doc);
            } else {
                self.unplaced.push(doc.id.clone());
            }
        }
        let read = match super::workspace_of(Value::Object(partial)) {
            Some(read) => Some((read, placed)),
            None => {
                // Some record does not read: find which, one by one, and leave those out.
                let mut partial = self.empty.clone();
                let mut kept = Vec::new();
                for doc in placed {
                    let mut alone = self.empty.clone();
                    place(&mut alone, doc);
                    if super::workspace_of(Value::Object(alone)).is_some() {
                        place(&mut partial, doc);
                        kept.push(doc);
                    } else {
                        self.unreadable.push(doc.id.clone());
                    }
                }
                super::workspace_of(Value::Object(partial)).map(|read| (read, kept))
            }
        };
        match (read, self.theirs.as_mut()) {
            (Some((read, placed)), Some(theirs)) => {
                let settings: Vec<&str> = (placed.iter())
                    .filter(|d| d.id == d.kind)
                    .map(|d| d.kind.as_str())
                    .collect();
                append(theirs, read, &settings);
            }
            _ => self.broken = true,
        }
        self.read == docs.len()
    }

    /// How many documents are read.
    pub fn read(&self) -> usize {
        self.read
    }

    /// Reads what is left of `docs` and merges their records into `ws`.
    pub fn finish(mut self, ws: &mut Workspace, docs: &[Document]) -> Applied {
        while !self.step(docs, usize::MAX) {}
        let mut skipped = self.unplaced;
        skipped.extend(self.unreadable);
        let theirs = match self.theirs.filter(|_| !self.broken) {
            Some(theirs) => theirs,
            None => ws.clone(),
        };
        merge_partial(ws, &theirs, skipped)
    }
}

/// Adds a slice's records to those read before, and the settings its documents brought
/// (`settings`: their kinds; a later one replaces an earlier one, as in one frame).
fn append(theirs: &mut Workspace, slice: Workspace, settings: &[&str]) {
    // Every field listed (no `..`): a new one is a compile error here, not data left out.
    let Workspace {
        members,
        clients,
        deals,
        stages,
        removed,
        scoring_model,
        assessments,
        product_groups,
        products,
        orders,
        transfer_policy,
        transfers,
        stage_history,
        pipeline_settings,
        sales_plans,
        activities,
        tasks,
    } = slice;
    theirs.members.extend(members);
    theirs.clients.extend(clients);
    theirs.deals.extend(deals);
    theirs.stages.extend(stages);
    theirs.removed.extend(removed);
    theirs.assessments.extend(assessments);
    theirs.product_groups.extend(product_groups);
    theirs.products.extend(products);
    theirs.orders.extend(orders);
    theirs.transfers.extend(transfers);
    theirs.stage_history.extend(stage_history);
    theirs.sales_plans.extend(sales_plans);
    theirs.activities.extend(activities);
    theirs.tasks.extend(tasks);
    for kind in settings {
        match *kind {
            "scoring_model" => theirs.scoring_model = scoring_model.clone(),
            "transfer_policy" => theirs.transfer_policy = transfer_policy.clone(),
            "pipeline_settings" => theirs.pipeline_settings = pipeline_settings.clone(),
            _ => {}
        }
    }
}
