//! The one boundary between the app and `localStorage`.

use super::codec::{decode_workspace, encode_workspace, quarantine_key, WORKSPACE_KEY};
use super::outcome::{LoadOutcome, SaveError};
use super::prefs::{Prefs, PREFS_KEY};
use crate::domain::dates::Timestamp;
use crate::domain::Workspace;
use web_sys::Storage;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the stored workspace; an unreadable value is quarantined, never overwritten.
pub fn load_workspace(now_millis: i64) -> (Workspace, LoadOutcome) {
    let Some(store) = storage() else {
        return (Workspace::default(), LoadOutcome::Unavailable);
    };
    let raw = match store.get_item(WORKSPACE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return (Workspace::default(), LoadOutcome::Fresh),
        Err(_) => return (Workspace::default(), LoadOutcome::Unavailable),
    };
    match decode_workspace(&raw) {
        Ok(ws) => (ws, LoadOutcome::Loaded),
        Err(error) => {
            let key = quarantine_key(now_millis);
            // Copy first, then remove: if the copy fails the original stays untouched.
            if store.set_item(&key, &raw).is_ok() && store.remove_item(WORKSPACE_KEY).is_ok() {
                (
                    Workspace::default(),
                    LoadOutcome::Quarantined { key, error },
                )
            } else {
                (Workspace::default(), LoadOutcome::KeptInPlace { error })
            }
        }
    }
}

/// Writes the workspace. On failure nothing stored is changed (the browser writes all or nothing).
pub fn save_workspace(ws: &Workspace, saved_at: Timestamp) -> Result<usize, SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let text = encode_workspace(ws, saved_at);
    store.set_item(WORKSPACE_KEY, &text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            SaveError::QuotaExceeded
        } else {
            SaveError::Refused(name)
        }
    })?;
    Ok(text.len())
}

/// A stored value as it is, for downloading a quarantined copy.
pub fn read_raw(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Removes a stored value (after the user chose to discard it).
pub fn remove(key: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(key);
    }
}

/// This browser's preferences.
pub fn load_prefs() -> Prefs {
    storage()
        .and_then(|s| s.get_item(PREFS_KEY).ok().flatten())
        .map(|text| Prefs::decode(&text))
        .unwrap_or_default()
}

/// Saves the preferences; failure is ignored because they are small and re-settable.
pub fn save_prefs(prefs: &Prefs) {
    if let Some(store) = storage() {
        let _ = store.set_item(PREFS_KEY, &prefs.encode());
    }
}

/// The bytes Chromium charges for every `salesdesk.*` entry (the workspace, preferences and any
/// quarantined copies).
pub fn used_bytes() -> u64 {
    let Some(store) = storage() else { return 0 };
    let count = store.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|key| key.starts_with("salesdesk."))
        .map(|key| {
            let value = store.get_item(&key).ok().flatten().unwrap_or_default();
            super::capacity::entry_bytes(&key, &value)
        })
        .sum()
}

/// Asks the browser to keep this origin's data even under storage pressure (best effort; the
/// answer is not needed, the request itself is what counts).
pub fn request_persistence() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(storage) = js_sys::Reflect::get(&window.navigator(), &"storage".into()) {
        if let Ok(persist) = js_sys::Reflect::get(&storage, &"persist".into()) {
            if let Some(persist) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&persist) {
                let _ = persist.call0(&storage);
            }
        }
    }
}
