//! The first cut of a page, made in steps. Cutting a full-size workspace into its 115 148
//! documents and hashing them is about 2 s in the browser, and every page with sync on does it
//! once after loading, so [`super::LocalCut::cut_step`] does it a slice of records at a time between
//! which the page paints and takes input. The workspace may change between two slices: each
//! slice copies the records it cut into the kept copy, so the next push pass's comparison with
//! that copy (see [`super::local`]) finds whatever changed meanwhile, exactly as after any
//! earlier pass. The transfer log, the clients and the deals are cut first: the documents of
//! every other record read their owners and hand-overs from them.

use super::documents::{cut_record, cut_singleton, Context, Document};
use crate::domain::workspace::Workspace;
use std::collections::BTreeMap;

/// What the cut asks of the sync state: the owner it last knew of a record id (for deletion
/// marks), and whether a document of this hash is to be pushed.
pub(super) struct Known<'a> {
    /// The owner the sync state last knew for a record id.
    pub owner: &'a dyn Fn(&str) -> Option<String>,
    /// Whether a document (id, hash) differs from the last synced one and was not refused.
    pub to_send: &'a dyn Fn(&str, u64) -> bool,
}

/// A finished first cut: the records cut, their owners and hand-overs, every document's hash,
/// and the documents to push.
pub(super) type Finished = (
    Workspace,
    Context,
    BTreeMap<String, u64>,
    BTreeMap<String, (Document, u64)>,
);

/// Calls `$each!` with every record list of the workspace in the order they are cut:
/// hand-overs, then owners, then what reads them.
macro_rules! in_cut_order {
    ($each:ident) => {
        $each!(
            transfers,
            clients,
            deals,
            activities,
            assessments,
            members,
            orders,
            product_groups,
            products,
            removed,
            sales_plans,
            stage_history,
            stages,
            tasks
        )
    };
}

/// A first cut under way.
pub(super) struct FirstCut {
    /// Which list (in the order of [`FirstCut::step`]) and where in it the next slice starts.
    list: usize,
    at: usize,
    /// The records cut so far, as they were when cut.
    seen: Workspace,
    /// Owners and hand-overs of `seen`.
    ctx: Context,
    /// Every document's hash as cut.
    hashes: BTreeMap<String, u64>,
    /// The documents cut that differ from the last synced ones.
    pending: BTreeMap<String, (Document, u64)>,
}

impl FirstCut {
    /// A first cut of `ws` with its settings objects cut.
    pub(super) fn start(ws: &Workspace, known: &Known) -> Self {
        let mut first = FirstCut {
            list: 0,
            at: 0,
            seen: Workspace::default(),
            ctx: Context::default(),
            hashes: BTreeMap::new(),
            pending: BTreeMap::new(),
        };
        // An empty workspace still has the default stages: the copy starts with no records.
        macro_rules! clear {
            ($($field:ident),*) => {$( first.seen.$field.clear(); )*};
        }
        in_cut_order!(clear);
        macro_rules! singletons {
            ($($field:ident),*) => {$(
                first.seen.$field = ws.$field.clone();
                first.keep(cut_singleton(stringify!($field), super::json_of(&ws.$field)), known);
            )*};
        }
        singletons!(pipeline_settings, scoring_model, transfer_policy);
        first
    }

    fn keep(&mut self, doc: Document, known: &Known) {
        let hash = doc.hash();
        self.hashes.insert(doc.id.clone(), hash);
        if (known.to_send)(&doc.id, hash) {
            self.pending.insert(doc.id.clone(), (doc, hash));
        }
    }

    /// Cuts up to `records` records; true when every list is cut.
    pub(super) fn step(&mut self, ws: &Workspace, known: &Known, records: usize) -> bool {
        let mut budget = records.max(1);
        let mut index = 0;
        macro_rules! lists {
            ($($field:ident),*) => {$(
                if self.list == index && budget > 0 {
                    let from = self.at.min(ws.$field.len());
                    let to = (from + budget).min(ws.$field.len());
                    for record in &ws.$field[from..to] {
                        let json = super::json_of(record);
                        self.ctx.note(stringify!($field), &json);
                        let doc = cut_record(stringify!($field), json, &self.ctx, known.owner);
                        self.keep(doc, known);
                    }
                    self.seen.$field.extend_from_slice(&ws.$field[from..to]);
                    budget -= to - from;
                    self.at = to;
                    if to == ws.$field.len() {
                        self.list += 1;
                        self.at = 0;
                    }
                }
                index += 1;
            )*};
        }
        in_cut_order!(lists);
        // The last list's slice leaves the budget unread.
        let _ = budget;
        self.list >= index
    }

    /// What the cut made.
    pub(super) fn finish(self) -> Finished {
        (self.seen, self.ctx, self.hashes, self.pending)
    }
}
