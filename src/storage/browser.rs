//! The one boundary between the app and `localStorage`.

use super::codec::{decode_stored, quarantine_key, Stored, WORKSPACE_KEY};
use super::outcome::{LoadOutcome, SaveError};
use super::pieces::PieceCache;
use super::prefs::{Prefs, PREFS_KEY};
use crate::domain::dates::Timestamp;
use crate::domain::merge::merge;
use crate::domain::Workspace;
use crate::format::packed::stored_revision;
use crate::restore::RestoreError;
use js_sys::JsString;
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::Storage;

#[wasm_bindgen]
extern "C" {
    /// `localStorage` seen through a binding that leaves values in JavaScript.
    type RawStorage;

    /// `getItem` leaving the value in JavaScript: a full workspace is megabytes, and copying it
    /// into wasm costs tens of milliseconds where a save needs only its first characters.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &RawStorage, key: &str) -> Result<Option<JsString>, wasm_bindgen::JsValue>;
}

/// The value under `key`, left in JavaScript.
fn get_js(store: &Storage, key: &str) -> Option<JsString> {
    use wasm_bindgen::JsCast;
    store
        .unchecked_ref::<RawStorage>()
        .get_item(key)
        .ok()
        .flatten()
}

thread_local! {
    /// The pieces of the workspace last written, so the next save encodes only what changed.
    static PIECES: RefCell<PieceCache> = RefCell::new(PieceCache::default());
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored text of `ws`, reusing the pieces of the last save.
fn encode(ws: &Workspace, saved_at: Timestamp, revision: u64) -> String {
    PIECES.with_borrow_mut(|pieces| pieces.encode(ws, saved_at, revision))
}

/// Makes up to `budget` pieces of `ws` ahead of its next save; `true` once all are ready.
pub fn prepare_save(ws: &Workspace, budget: usize) -> bool {
    PIECES.with_borrow_mut(|pieces| pieces.prepare(ws, budget))
}

/// Reads the stored workspace and its revision; an unreadable value is quarantined, never
/// overwritten.
pub fn load_workspace(now_millis: i64) -> (Workspace, u64, LoadOutcome) {
    let Some(store) = storage() else {
        return (Workspace::default(), 0, LoadOutcome::Unavailable);
    };
    let raw = match store.get_item(WORKSPACE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return (Workspace::default(), 0, LoadOutcome::Fresh),
        Err(_) => return (Workspace::default(), 0, LoadOutcome::Unavailable),
    };
    crate::trace::mark("read");
    match decode_stored(&raw) {
        Ok(stored) => (stored.workspace, stored.revision, LoadOutcome::Loaded),
        Err(error) => match quarantine(&store, &raw, now_millis) {
            Some(key) => (
                Workspace::default(),
                stored_revision(&raw),
                LoadOutcome::Quarantined { key, error },
            ),
            None => (Workspace::default(), 0, LoadOutcome::KeptInPlace { error }),
        },
    }
}

/// Moves an unreadable stored workspace aside. Copy first, then remove: if the copy fails, the
/// original stays untouched and `None` says so.
fn quarantine(store: &Storage, raw: &str, now_millis: i64) -> Option<String> {
    let key = quarantine_key(now_millis);
    (store.set_item(&key, raw).is_ok() && store.remove_item(WORKSPACE_KEY).is_ok()).then_some(key)
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The revision now stored.
    pub revision: u64,
    /// When another tab had saved in between, the merge of its data and ours that was written
    /// instead; the caller adopts it.
    pub merged: Option<Workspace>,
    /// A stored value this tab could not read (another program's, damaged, a newer version's)
    /// that was moved aside before writing: its key and why it was unreadable. The caller tells
    /// the person.
    pub quarantined: Option<(String, RestoreError)>,
}

/// Writes the workspace. If another tab saved since `base_revision`, its data is merged with ours
/// record by record (newer change wins) and the merge is written, so no tab writes over newer data
/// with its older copy. On failure nothing stored is changed.
pub fn save_workspace(
    ws: &Workspace,
    saved_at: Timestamp,
    base_revision: u64,
    now_millis: i64,
) -> Result<Saved, SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let stored = get_js(&store, WORKSPACE_KEY);
    // The revision sits in the first characters; only they cross into wasm.
    let stored_rev = stored
        .as_ref()
        .map_or(0, |raw| stored_revision(&String::from(raw.slice(0, 40))));
    let mut merged = None;
    let mut quarantined = None;
    // Anything but the value this tab last read or wrote is read before it is replaced: another
    // tab's save is merged, and what cannot be read (another program's data, damage, a newer
    // version) is moved aside first, never overwritten.
    if let Some(raw) = stored
        .filter(|_| stored_rev != base_revision || base_revision == 0)
        .and_then(|raw| raw.as_string())
    {
        match decode_stored(&raw) {
            Ok(theirs) => merged = Some(merge(ws, &theirs.workspace).workspace),
            Err(error) => match quarantine(&store, &raw, now_millis) {
                Some(key) => quarantined = Some((key, error)),
                None => return Err(SaveError::Refused("quarantine".into())),
            },
        }
    }
    let revision = stored_rev.max(base_revision) + 1;
    let text = encode(merged.as_ref().unwrap_or(ws), saved_at, revision);
    store.set_item(WORKSPACE_KEY, &text).map_err(refusal)?;
    Ok(Saved {
        revision,
        merged,
        quarantined,
    })
}

/// A workspace written by another tab, from a `storage` event's new value.
pub fn decode_from_other_tab(raw: &str) -> Option<Stored> {
    decode_stored(raw).ok()
}

fn refusal(e: wasm_bindgen::JsValue) -> SaveError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        SaveError::QuotaExceeded
    } else {
        SaveError::Refused(name)
    }
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

/// The key of the single backup older builds kept; still offered as one of the backups.
pub const BACKUP_KEY: &str = "salesdesk.backup";
/// When that old backup was taken (Unix milliseconds as text).
const BACKUP_AT_KEY: &str = "salesdesk.backup.at";
/// Prefix of the backup slots: `salesdesk.backup.<taken at ms>.<clients>.<orders>`. The counts
/// ride in the key so the list shows them without unpacking megabytes of data.
const SLOT_PREFIX: &str = "salesdesk.backup.slot.";
/// How many backups are kept; the oldest goes when a sixth is taken.
pub const BACKUP_SLOTS: usize = 5;

/// One kept backup, as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSlot {
    /// Its storage key (what [`load_backup`] takes).
    pub key: String,
    /// When it was taken.
    pub taken_at: Timestamp,
    /// How many clients it holds (unknown for the old single backup until read).
    pub clients: Option<usize>,
    /// How many orders it holds.
    pub orders: Option<usize>,
}

/// Keeps `ws` as a new backup, packed like the workspace. The oldest backups make room when
/// storage is full; if even then it cannot be written, nothing changes and the error says
/// why, so the caller must not go on to replace or merge the data.
pub fn save_backup(ws: &Workspace, taken_at: Timestamp) -> Result<(), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let key = format!(
        "{SLOT_PREFIX}{}.{}.{}",
        taken_at.timestamp_millis(),
        ws.clients.len(),
        ws.orders.len()
    );
    let text = encode(ws, taken_at, 0);
    loop {
        match store.set_item(&key, &text) {
            Ok(()) => break,
            Err(e) => {
                let error = refusal(e);
                let slots = backups();
                // Room is made only from older backups of our own, never from anything else.
                match slots.iter().rev().find(|s| s.key.starts_with(SLOT_PREFIX)) {
                    Some(oldest) if error == SaveError::QuotaExceeded => {
                        let _ = store.remove_item(&oldest.key);
                    }
                    _ => return Err(error),
                }
            }
        }
    }
    for old in backups()
        .into_iter()
        .filter(|s| s.key.starts_with(SLOT_PREFIX))
        .skip(BACKUP_SLOTS)
    {
        let _ = store.remove_item(&old.key);
    }
    Ok(())
}

/// Every kept backup, newest first (without unpacking them).
pub fn backups() -> Vec<BackupSlot> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    let count = store.length().unwrap_or(0);
    let mut slots: Vec<BackupSlot> = (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter_map(|key| {
            if key == BACKUP_KEY {
                let at = store
                    .get_item(BACKUP_AT_KEY)
                    .ok()
                    .flatten()
                    .and_then(|t| t.parse::<i64>().ok())
                    .map(crate::domain::dates::timestamp_from_millis)
                    .unwrap_or_default();
                return Some(BackupSlot {
                    key,
                    taken_at: at,
                    clients: None,
                    orders: None,
                });
            }
            let rest = key.strip_prefix(SLOT_PREFIX)?;
            let mut parts = rest.split('.');
            let at = parts.next()?.parse::<i64>().ok()?;
            let clients = parts.next().and_then(|p| p.parse().ok());
            let orders = parts.next().and_then(|p| p.parse().ok());
            Some(BackupSlot {
                taken_at: crate::domain::dates::timestamp_from_millis(at),
                key,
                clients,
                orders,
            })
        })
        .collect();
    crate::domain::sort::sort_by(&mut slots, |a, b| {
        b.taken_at.cmp(&a.taken_at).then(b.key.cmp(&a.key))
    });
    slots
}

/// The backup under `key`, read through the same checks as the workspace itself.
pub fn load_backup(key: &str) -> Result<Workspace, RestoreError> {
    let raw = storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .ok_or(RestoreError::Nothing)?;
    decode_stored(&raw).map(|s| s.workspace)
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

/// The bytes Chromium charges for every `salesdesk.*` entry (the workspace, preferences, backups
/// and any quarantined copies), counted without copying the values into wasm.
pub fn used_bytes() -> u64 {
    let Some(store) = storage() else { return 0 };
    let beyond_latin1 = js_sys::RegExp::new("[^\\u0000-\\u00ff]", "");
    let count = store.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|key| key.starts_with("salesdesk."))
        .map(|key| {
            let value = get_js(&store, &key);
            let units = value.as_ref().map_or(0, |v| u64::from(v.length()));
            let wide = value
                .as_ref()
                .is_some_and(|v| v.search(&beyond_latin1) >= 0);
            // Chromium keeps a string one byte per character when every character is Latin-1,
            // two bytes per UTF-16 unit otherwise.
            super::capacity::counted_bytes(&key) + if wide { 2 * units } else { units }
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

/// The `localStorage` key where an older version kept the sync engine's state (JSON, up to
/// 1 MiB); it now lives in IndexedDB in a compact form (`crate::ui::persist`).
const SYNC_KEY: &str = "salesdesk.sync";

/// Takes the sync state an older version stored here: removes the key, and gives the state if
/// it was readable and belongs to `server` and `db`.
pub fn take_legacy_sync_state(server: &str, db: &str) -> Option<crate::sync::SyncState> {
    let store = storage()?;
    let text = store.get_item(SYNC_KEY).ok().flatten()?;
    let _ = store.remove_item(SYNC_KEY);
    serde_json::from_str::<crate::sync::SyncState>(&text)
        .ok()
        .filter(|st| st.server == server && st.db == db)
}
