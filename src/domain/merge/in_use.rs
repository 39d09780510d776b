//! Which records are still in use, and by which: what the repair keeps although deleted.

use crate::domain::ids::Id;
use std::collections::HashMap;

/// For each record in use, the records using it, in the order given (each user once).
pub(super) type InUse = HashMap<Id, Vec<Id>>;

/// Builds an [`InUse`] from `(used, user)` pairs.
pub(super) fn in_use<'a>(pairs: impl IntoIterator<Item = (&'a Id, &'a Id)>) -> InUse {
    let mut used: InUse = HashMap::new();
    extend_in_use(&mut used, pairs);
    used
}

/// Adds `(used, user)` pairs to an [`InUse`] (built a part at a time by the merge in steps).
pub(super) fn extend_in_use<'a>(
    used: &mut InUse,
    pairs: impl IntoIterator<Item = (&'a Id, &'a Id)>,
) {
    for (target, user) in pairs {
        let users = used.entry(target.clone()).or_default();
        // An order may list one product on several lines.
        if users.last() != Some(user) {
            users.push(user.clone());
        }
    }
}
