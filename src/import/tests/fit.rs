//! The storage estimate against what storage really writes.

use super::steps::synthetic;
use super::*;
use crate::storage::encode_workspace;

/// The stored size of `ws` as the app writes it and Chromium counts it (one byte per
/// character: the value is Latin-1).
fn stored(ws: &crate::domain::Workspace) -> u64 {
    crate::storage::capacity::counted_bytes(&encode_workspace(ws, later(70), 3))
}

#[test]
fn the_estimate_is_close_to_what_storage_writes() {
    for rows in [300, 6_000, 30_000] {
        let (_, rows_read) = read_file(&synthetic(rows), None, None).unwrap();
        let table = find_table(rows_read).unwrap();
        let mapping = Mapping::guess(&table.headers, Target::Orders);
        let mut ws = workspace();
        let p = preview(&ws, &table, &mapping, &options(), &mut ids());
        let estimate = added_bytes(&ws, &p.plan);
        let before = stored(&ws);
        apply(&mut ws, &p.plan, d0(), later(61)).unwrap();
        let real = stored(&ws) - before;
        let off = estimate.abs_diff(real) as f64 / real as f64;
        eprintln!("{rows} rows: estimated {estimate} B, stored {real} B");
        // A small import is mostly the pieces around it written again; a few kilobytes.
        assert!(
            off < 0.05 || estimate.abs_diff(real) < 4_096,
            "{rows} rows: estimated {estimate} B, stored {real} B"
        );
    }
}

#[test]
fn nothing_added_costs_nothing() {
    assert_eq!(added_bytes(&workspace(), &Plan::default()), 0);
}
