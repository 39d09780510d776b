//! Step-by-step migrations of the stored envelope, oldest first.
//!
//! Each step turns version N into N+1 on the raw JSON, before typed decoding, so old data never
//! has to fit today's types. A new version adds one `fn vN_to_vM` to `STEPS`.

use super::error::{FieldProblem, FoundValue, RestoreError, ValueKind};
use crate::format::VERSION;
use serde_json::Value;

type Step = fn(Value) -> Result<Value, RestoreError>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: [Step; (VERSION - 1) as usize] = [v1_to_v2, v2_to_v3, v3_to_v4];

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
        let v = serde_json::json!({"format": "salesdesk.workspace", "version": 4, "workspace": {}});
        assert_eq!(migrate(v.clone(), 4).unwrap(), v);
    }

    #[test]
    fn version_2_steps_up_to_3() {
        let v = serde_json::json!({"format": "salesdesk.workspace", "version": 2, "workspace": {}});
        assert_eq!(migrate(v, 2).unwrap()["version"], 4);
    }

    #[test]
    fn version_1_steps_up_to_2() {
        let v = serde_json::json!({"format": "salesdesk.workspace", "version": 1, "workspace": {}});
        assert_eq!(migrate(v, 1).unwrap()["version"], 4);
        let broken = serde_json::json!({"format": "salesdesk.workspace", "version": 1});
        assert!(migrate(broken, 1).is_err());
    }

    #[test]
    fn version_zero_is_invalid() {
        assert!(migrate(serde_json::json!({}), 0).is_err());
    }
}
