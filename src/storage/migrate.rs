//! Step-by-step migrations of the stored envelope, oldest first.
//!
//! Each step turns version N into N+1 on the raw JSON, before typed decoding, so old data never
//! has to fit today's types. Version 1 is the first stored format, so the list is still empty;
//! a future version 2 adds `fn v1_to_v2(value) -> Result<Value, DecodeError>` to `STEPS`.

use super::codec::{DecodeError, VERSION};
use serde_json::Value;

type Step = fn(Value) -> Result<Value, DecodeError>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: [Step; (VERSION - 1) as usize] = [];

/// Brings an envelope of `version` up to [`VERSION`].
pub fn migrate(mut value: Value, version: u64) -> Result<Value, DecodeError> {
    if version == 0 {
        return Err(DecodeError::Invalid {
            path: "version".into(),
            message: "version 0 never existed".into(),
        });
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
        let v = serde_json::json!({"format": "salesdesk.workspace", "version": 1, "x": 1});
        assert_eq!(migrate(v.clone(), 1).unwrap(), v);
    }

    #[test]
    fn version_zero_is_invalid() {
        assert!(migrate(serde_json::json!({}), 0).is_err());
    }
}
