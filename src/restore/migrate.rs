//! Step-by-step migrations of the stored envelope, oldest first.
//!
//! Each step turns version N into N+1 on the raw JSON, before typed decoding, so old data never
//! has to fit today's types. A new version adds one `fn vN_to_vM` to `STEPS`.

use super::error::{FieldProblem, FoundValue, RestoreError, ValueKind};
use crate::domain::deal_flow::StageChange;
use crate::domain::ids::Id;
use crate::format::VERSION;
use serde_json::Value;

type Step = fn(Value) -> Result<Value, RestoreError>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: [Step; (VERSION - 1) as usize] = [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6];

/// Version 2 added the qualification model, assessments, the catalogue and orders. Every new
/// field has a default (BANT, no assessments, no orders), so the step only checks the shape.
fn v1_to_v2(value: Value) -> Result<Value, RestoreError> {
    let problem = match value.get("workspace") {
        None => FieldProblem::Missing("workspace".into()),
        Some(w) if !w.is_object() => FieldProblem::WrongKind {
            expected: ValueKind::Record,
            found: FoundValue::of(w),
        },
        Some(_) => return Ok(value),
    };
    Err(RestoreError::Field {
        path: "workspace".into(),
        problem,
    })
}

/// Version 3 added the transfer policy, the transfer log and the clients' yearly spend, all
/// with defaults (the «after the 2nd order» rule, an empty log, unknown spend). The number
/// still changes so that an older build, which would drop those fields on its next save,
/// refuses the data instead (`RestoreError::FutureVersion`).
fn v2_to_v3(value: Value) -> Result<Value, RestoreError> {
    Ok(value)
}

/// Version 4 added per-field change stamps (`stamps` on clients, deals, members, products,
/// groups and orders). A record without them counts every field as changed at its `updated_at`,
/// which is exactly what version 3 meant, so the data needs no rewrite; the number changes so
/// that a version-3 build, which would drop the stamps on its next save, refuses the data.
fn v3_to_v4(value: Value) -> Result<Value, RestoreError> {
    Ok(value)
}

/// Version 5 added deal outcomes (`closed`), the pipeline settings (lost reasons, stage limits;
/// their defaults need nothing) and the stage history. Every deal gets one history entry: in its
/// stage today, entered when its stage last changed — the stage's field stamp where version 4
/// kept one, otherwise the deal's `updated_at` (the latest the stage can have been set). The
/// entry's id is derived from the deal's ([`StageChange::migrated_id`]), so two tabs or two reps
/// migrating the same data write the same entry and a merge keeps one. Deals missing a field the
/// entry needs are left for typed reading to refuse with the path.
fn v4_to_v5(mut value: Value) -> Result<Value, RestoreError> {
    let Some(ws) = value.get_mut("workspace").and_then(Value::as_object_mut) else {
        return Ok(value);
    };
    let entries: Vec<Value> = ws
        .get("deals")
        .and_then(Value::as_array)
        .map(|deals| deals.iter().filter_map(migrated_entry).collect())
        .unwrap_or_default();
    if entries.is_empty() {
        return Ok(value);
    }
    let history = ws
        .entry("stage_history")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Some(list) = history.as_array_mut() {
        list.extend(entries);
    }
    Ok(value)
}

/// The history entry migration writes for one version-4 deal, if the deal has what it needs.
fn migrated_entry(deal: &Value) -> Option<Value> {
    let id = deal.get("id")?.as_str()?;
    let stage = deal.get("stage_id")?.as_str()?;
    let stage_stamp = deal
        .get("stamps")
        .and_then(|s| s.get("fields"))
        .and_then(|f| f.get("stage_id"))
        .and_then(|pair| pair.get(0));
    let at = stage_stamp.or_else(|| deal.get("updated_at"))?.as_str()?;
    let entry_id = StageChange::migrated_id(&Id::from_raw(id));
    Some(serde_json::json!({
        "id": entry_id.as_str(),
        "deal_id": id,
        "kind": "migrated",
        "to": stage,
        "at": at,
    }))
}

/// Version 6 added a rep's day and the director's plans: `activities` and `tasks`, `sales_plans`,
/// the playbook (`stage_order`, `stage_checklists` and the forecast's `stage_probabilities` and
/// `abc_shares` in the pipeline settings, `checklist_done` on deals, stamps on stages), the
/// clients' `kpp` and the order lines' exact `quantity_thousandths`. Each is optional and its
/// absence means what version 5 meant (no tasks, no plans, the default checklists and weights),
/// so the data needs no rewrite; the number changes so that a version-5 build, which would drop
/// them on its next save, refuses the data instead.
fn v5_to_v6(value: Value) -> Result<Value, RestoreError> {
    Ok(value)
}

/// Brings an envelope of `version` up to [`VERSION`].
pub fn migrate(mut value: Value, version: u64) -> Result<Value, RestoreError> {
    if version == 0 {
        return Err(RestoreError::BadVersion);
    }
    for step in STEPS.iter().skip((version - 1) as usize) {
        value = step(value)?;
    }
    if let Some(v) = value.get_mut("version") {
        *v = Value::from(VERSION);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_version_passes_through() {
        let v = serde_json::json!({"format": "salesdesk.workspace", "version": 6, "workspace": {}});
        assert_eq!(migrate(v.clone(), 6).unwrap(), v);
    }

    #[test]
    fn version_2_steps_up_to_3() {
        let v = serde_json::json!({"format": "salesdesk.workspace", "version": 2, "workspace": {}});
        assert_eq!(migrate(v, 2).unwrap()["version"], 6);
    }

    #[test]
    fn version_1_steps_up_to_2() {
        let v = serde_json::json!({"format": "salesdesk.workspace", "version": 1, "workspace": {}});
        assert_eq!(migrate(v, 1).unwrap()["version"], 6);
        let broken = serde_json::json!({"format": "salesdesk.workspace", "version": 1});
        assert!(migrate(broken, 1).is_err());
    }

    #[test]
    fn version_4_deals_get_one_history_entry_each_in_their_stage_today() {
        let v = serde_json::json!({"format": "salesdesk.workspace", "version": 4, "workspace": {
            "deals": [
                {"id": "d1", "stage_id": "stage-proposal", "updated_at": "2026-03-01T10:00:00Z"},
                {"id": "d2", "stage_id": "stage-lead", "updated_at": "2026-03-05T10:00:00Z",
                 "stamps": {"base": "2026-02-01T10:00:00Z", "fields": {
                     "stage_id": ["2026-02-20T08:00:00Z", "2026-02-01T10:00:00Z"],
                     "title": ["2026-03-05T10:00:00Z", "2026-02-01T10:00:00Z"]}}},
                {"title": "no id: typed reading refuses it with its path"}
            ]
        }});
        let out = migrate(v, 4).unwrap();
        assert_eq!(out["version"], 6);
        assert_eq!(
            out["workspace"]["stage_history"],
            serde_json::json!([
                {"id": "d1~stage", "deal_id": "d1", "kind": "migrated", "to": "stage-proposal",
                 "at": "2026-03-01T10:00:00Z"},
                // The stage's own stamp: the title changed later, the stage did not.
                {"id": "d2~stage", "deal_id": "d2", "kind": "migrated", "to": "stage-lead",
                 "at": "2026-02-20T08:00:00Z"}
            ])
        );
        // Migrating the same data twice (two tabs, two reps) writes the same entries.
        let again = migrate(out.clone(), 5).unwrap();
        assert_eq!(again, out);
    }

    #[test]
    fn version_zero_is_invalid() {
        assert!(migrate(serde_json::json!({}), 0).is_err());
    }
}
