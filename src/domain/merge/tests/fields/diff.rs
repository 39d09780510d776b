//! What an operation changed, read by comparing the workspace before and after it.

use super::*;

/// What one operation changed: fields of records kept, and records removed.
pub(super) type Diff = (Vec<(FieldKey, String, FieldStamp)>, Vec<Key>);

/// Operations keep the order of every list (they remove in place and add at the end), so the
/// records of `before` are found in `after` in the same order.
pub(super) fn diff(before: &Workspace, after: &Workspace) -> Diff {
    let mut out = (Vec::new(), Vec::new());
    diff_fields(
        RecordKind::Member,
        &before.members,
        &after.members,
        &mut out,
    );
    diff_fields(
        RecordKind::Client,
        &before.clients,
        &after.clients,
        &mut out,
    );
    diff_fields(RecordKind::Deal, &before.deals, &after.deals, &mut out);
    let (groups, groups_after) = (&before.product_groups, &after.product_groups);
    diff_fields(RecordKind::ProductGroup, groups, groups_after, &mut out);
    diff_fields(
        RecordKind::Product,
        &before.products,
        &after.products,
        &mut out,
    );
    diff_fields(RecordKind::Order, &before.orders, &after.orders, &mut out);
    let (assessments, assessments_after) = (&before.assessments, &after.assessments);
    diff_gone(
        RecordKind::Assessment,
        assessments,
        assessments_after,
        &mut out.1,
    );
    diff_gone(
        RecordKind::Transfer,
        &before.transfers,
        &after.transfers,
        &mut out.1,
    );
    out
}

pub(super) fn diff_fields<T: Record + Fielded>(
    kind: RecordKind,
    before: &[T],
    after: &[T],
    out: &mut Diff,
) {
    let mut after = after.iter().peekable();
    for old in before {
        let id = Record::id(old);
        let Some(new) = after.next_if(|new| Record::id(*new) == id) else {
            out.1.push((kind, id.clone()));
            continue;
        };
        for (i, name) in T::FIELDS.iter().enumerate() {
            if !old.same_field(new, i) {
                let value = new.field_value(i).to_string();
                out.0.push(((kind, id.clone(), *name), value, new.stamp(i)));
            }
        }
    }
}

pub(super) fn diff_gone<T: Record>(
    kind: RecordKind,
    before: &[T],
    after: &[T],
    gone: &mut Vec<Key>,
) {
    let mut after = after.iter().peekable();
    for old in before {
        if after.next_if(|new| new.id() == old.id()).is_none() {
            gone.push((kind, old.id().clone()));
        }
    }
}

/// A field's value (as JSON text) and stamp.
pub(super) type Value = (String, FieldStamp);

/// The value of one field in `ws`, if its record is there.
pub(super) fn field_in(ws: &Workspace, (kind, id, field): &FieldKey) -> Option<Value> {
    pub(super) fn find<T: Record + Fielded>(list: &[T], id: &Id, field: &str) -> Option<Value> {
        let r = list.iter().find(|r| Record::id(*r) == id)?;
        let i = T::FIELDS.iter().position(|f| *f == field)?;
        Some((r.field_value(i).to_string(), r.stamp(i)))
    }
    match kind {
        RecordKind::Member => find(&ws.members, id, field),
        RecordKind::Client => find(&ws.clients, id, field),
        RecordKind::Deal => find(&ws.deals, id, field),
        RecordKind::ProductGroup => find(&ws.product_groups, id, field),
        RecordKind::Product => find(&ws.products, id, field),
        RecordKind::Order => find(&ws.orders, id, field),
        _ => None,
    }
}

/// The fields that records both workspaces hold have with different values.
pub(super) fn different_fields(a: &Workspace, b: &Workspace) -> Vec<(FieldKey, Value, Value)> {
    pub(super) fn pairs<T: Record + Fielded>(
        kind: RecordKind,
        a: &[T],
        b: &[T],
        out: &mut Vec<(FieldKey, Value, Value)>,
    ) {
        let b: HashMap<&Id, &T> = b.iter().map(|r| (Record::id(r), r)).collect();
        for x in a {
            let Some(y) = b.get(Record::id(x)) else {
                continue;
            };
            for (i, name) in T::FIELDS.iter().enumerate() {
                if !x.same_field(y, i) {
                    out.push((
                        (kind, Record::id(x).clone(), *name),
                        (x.field_value(i).to_string(), x.stamp(i)),
                        (y.field_value(i).to_string(), y.stamp(i)),
                    ));
                }
            }
        }
    }
    let mut out = Vec::new();
    pairs(RecordKind::Member, &a.members, &b.members, &mut out);
    pairs(RecordKind::Client, &a.clients, &b.clients, &mut out);
    pairs(RecordKind::Deal, &a.deals, &b.deals, &mut out);
    pairs(
        RecordKind::ProductGroup,
        &a.product_groups,
        &b.product_groups,
        &mut out,
    );
    pairs(RecordKind::Product, &a.products, &b.products, &mut out);
    pairs(RecordKind::Order, &a.orders, &b.orders, &mut out);
    out
}

/// Every record in the workspace, by kind and id.
pub(super) fn records(ws: &Workspace) -> HashSet<Key> {
    pub(super) fn add<T: Record>(kind: RecordKind, list: &[T], out: &mut HashSet<Key>) {
        out.extend(list.iter().map(|r| (kind, r.id().clone())));
    }
    let mut out = HashSet::new();
    add(RecordKind::Member, &ws.members, &mut out);
    add(RecordKind::Client, &ws.clients, &mut out);
    add(RecordKind::Deal, &ws.deals, &mut out);
    add(RecordKind::Assessment, &ws.assessments, &mut out);
    add(RecordKind::ProductGroup, &ws.product_groups, &mut out);
    add(RecordKind::Product, &ws.products, &mut out);
    add(RecordKind::Order, &ws.orders, &mut out);
    add(RecordKind::Transfer, &ws.transfers, &mut out);
    out
}

/// The records other records refer to (members, products, groups) that something in `ws` uses.
pub(super) fn in_use(ws: &Workspace) -> HashSet<Key> {
    let mut out = HashSet::new();
    for c in &ws.clients {
        out.insert((RecordKind::Member, c.owner_id.clone()));
    }
    for d in &ws.deals {
        out.insert((RecordKind::Member, d.owner_id.clone()));
    }
    for p in &ws.products {
        out.insert((RecordKind::ProductGroup, p.group_id.clone()));
    }
    for o in &ws.orders {
        for l in &o.lines {
            out.insert((RecordKind::Product, l.product_id.clone()));
        }
    }
    out
}

/// The value a merge must keep of two: the later stamp, equal stamps settled by the value.
pub(super) fn later_of<'a>(a: (&'a str, FieldStamp), b: (&'a str, FieldStamp)) -> &'a str {
    if (b.1.at, b.0) > (a.1.at, a.0) {
        b.0
    } else {
        a.0
    }
}
