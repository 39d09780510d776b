//! Documents from the server back into the workspace: a partial workspace is built from them
//! (every list holding only the pulled records, every setting the oldest default unless one
//! was pulled) and
//! merged into ours with the app's field-by-field merge ([`crate::domain::merge::merge`]), the
//! same one snapshot import uses — record by record in place
//! ([`crate::domain::merge::merge_into`]), so that one pulled edit costs one record's merge, not
//! the whole workspace's. So pulled changes never replace local edits whole: each field
//! keeps its later value, deletions travel as deletion marks (`removed`), and the result always
//! passes the workspace's integrity checks.

use super::documents::Document;
use crate::domain::merge::{merge, merge_into, MergeReport};
use crate::domain::workspace::Workspace;
use serde_json::{Map, Value};

/// The result of [`apply_documents`].
#[derive(Clone, Debug)]
pub struct Applied {
    /// What the merge changed, from our side.
    pub report: MergeReport,
    /// Ids of documents left out: an unknown kind (a newer app wrote it) or a record this app
    /// cannot read.
    pub skipped: Vec<String>,
    /// Whether the pulled records needed the whole-workspace merge (see
    /// [`merge_into`](crate::domain::merge::merge_into)) rather than the one by id.
    pub whole_merge: bool,
}

/// An empty workspace's JSON with every list emptied: the frame pulled records go into. Its
/// settings are the defaults, which are older than any saved setting (the Unix epoch), so where
/// no setting was pulled the merge keeps ours.
pub(super) fn frame() -> Map<String, Value> {
    let empty = Workspace::default();
    let Value::Object(mut fields) = super::json_of(&empty) else {
        unreachable!("a workspace is a JSON object")
    };
    for value in fields.values_mut() {
        if value.is_array() {
            *value = Value::Array(Vec::new());
        }
    }
    fields
}

/// Whether `kind` is a list of records this app keeps although an empty workspace does not
/// write it (lists are left out of the JSON while empty, e.g. `tasks`, `sales_plans`): a
/// workspace read with the document's record in that list writes the list back.
fn optional_list(kind: &str, doc: &Document) -> bool {
    let mut probe = frame();
    probe.insert(kind.to_owned(), Value::Array(vec![doc.record.clone()]));
    super::workspace_of(Value::Object(probe))
        .map(|ws| super::json_of(&ws))
        .is_some_and(|v| v.get(kind).is_some_and(Value::is_array))
}

/// Puts a document's record into the frame; false when the frame has no place for its kind.
pub(super) fn place(frame: &mut Map<String, Value>, doc: &Document) -> bool {
    if !frame.contains_key(&doc.kind)
        && !doc.record_id().is_empty()
        && optional_list(&doc.kind, doc)
    {
        frame.insert(doc.kind.clone(), Value::Array(Vec::new()));
    }
    match frame.get_mut(&doc.kind) {
        Some(Value::Array(list)) if !doc.record_id().is_empty() => {
            list.push(doc.record.clone());
            true
        }
        Some(slot @ Value::Object(_)) if doc.id == doc.kind => {
            *slot = doc.record.clone();
            true
        }
        _ => false,
    }
}

/// The partial workspace of the documents' records (see [`frame`]), and the ids of those
/// left out. `None` when even the readable ones do not read together.
#[cfg(any(test, feature = "testkit"))]
fn partial(docs: &[Document]) -> (Option<Workspace>, Vec<String>) {
    let empty = frame();
    let mut skipped = Vec::new();
    let mut partial = empty.clone();
    let mut placed = Vec::new();
    for doc in docs {
        if place(&mut partial, doc) {
            placed.push(doc);
        } else {
            skipped.push(doc.id.clone());
        }
    }
    if let Some(theirs) = super::workspace_of(Value::Object(partial)) {
        return (Some(theirs), skipped);
    }
    // Some record does not read: find which, one by one, and leave those out.
    let mut partial = empty.clone();
    for doc in placed {
        let mut alone = empty.clone();
        place(&mut alone, doc);
        if super::workspace_of(Value::Object(alone)).is_some() {
            place(&mut partial, doc);
        } else {
            skipped.push(doc.id.clone());
        }
    }
    (super::workspace_of(Value::Object(partial)), skipped)
}

/// Merges `docs` into `ws`, in place: the same result as the field-by-field
/// [`merge`] of `ws` with a workspace holding only the documents' records, in time that grows
/// with the documents rather than the workspace ([`merge_into`]; the whole merge only for what
/// that leaves to it). A document this app cannot read is skipped (and named), the rest still
/// apply. The same in slices is [`ApplySteps`](super::ApplySteps).
pub fn apply_documents(ws: &mut Workspace, docs: &[Document]) -> Applied {
    super::ApplySteps::new().finish(ws, docs)
}

/// Merges the records read from pulled documents (`theirs`) into `ws`.
pub(super) fn merge_partial(
    ws: &mut Workspace,
    theirs: &Workspace,
    skipped: Vec<String>,
) -> Applied {
    let (report, whole_merge) = match merge_into(ws, theirs) {
        Some(report) => (report, false),
        None => {
            let outcome = merge(ws, theirs);
            *ws = outcome.workspace;
            (outcome.report, true)
        }
    };
    Applied {
        report,
        skipped,
        whole_merge,
    }
}

/// The way documents were applied before [`merge_into`]: the whole merge of `ws` with their
/// partial workspace. The oracle the tests hold [`apply_documents`] to, and the bench's
/// «before».
#[cfg(any(test, feature = "testkit"))]
pub fn apply_by_whole_merge(
    ws: &Workspace,
    docs: &[Document],
) -> (Workspace, MergeReport, Vec<String>) {
    let (theirs, skipped) = partial(docs);
    let theirs = theirs.unwrap_or_else(|| ws.clone());
    let outcome = merge(ws, &theirs);
    (outcome.workspace, outcome.report, skipped)
}

/// `ws` with one record (or setting) replaced by the server's version of it, for a local change
/// the server refused: the change is set aside and the device goes back to what the team sees.
/// `None` when the record is not here or the server's version does not read.
pub fn replace_record(ws: &Workspace, doc: &Document) -> Option<Workspace> {
    let mut value = super::json_of(ws);
    match value.as_object_mut()?.get_mut(&doc.kind)? {
        Value::Array(list) => {
            let id = doc.record_id();
            let slot = list
                .iter_mut()
                .find(|r| r.get("id").and_then(Value::as_str) == Some(id))?;
            *slot = doc.record.clone();
        }
        slot @ Value::Object(_) if doc.id == doc.kind => *slot = doc.record.clone(),
        _ => return None,
    }
    super::workspace_of(value)
}
