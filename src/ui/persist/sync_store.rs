//! The sync engine's state in IndexedDB (database `salesdesk-sync`, store `state`, one value under
//! the key `state`), in the core's compact form ([`crate::sync::encode_state`]): a full-size
//! team's state (about 5 MB) is kept across reloads without taking the `localStorage` room the
//! workspace needs. Reading is asynchronous, so sync starts once it is in (`crate::ui::sync`).
//! A state that cannot be read — damaged, cut short, IndexedDB refused — means «pull
//! everything again»: never an error that stops the app. A damaged copy is removed once read, so
//! the notice that says so comes once for it, not at every load until a round overwrites it.

use crate::storage::browser;
use crate::sync::{decode_state, encode_state, SyncState};
use js_sys::{Promise, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB_NAME: &str = "salesdesk-sync";
const STORE: &str = "state";
const KEY: &str = "state";

thread_local! {
    /// The open database, once opened.
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// What reading the stored state came to.
pub enum StoredSync {
    /// The state of this server and database.
    Found(SyncState),
    /// Nothing stored for them: a first sync.
    Nothing,
    /// Something was stored but could not be read: start over, and say so once.
    Unreadable,
}

/// A promise that settles with `request`'s result.
fn settled(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    })
}

/// Opens (and on first use creates) the database.
async fn open() -> Result<IdbDatabase, JsValue> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let request = factory.open_with_u32(DB_NAME, 1)?;
    let upgrading = request.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = JsFuture::from(settled(&request)).await?.dyn_into()?;
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

async fn read() -> Result<Option<Vec<u8>>, JsValue> {
    let db = open().await?;
    let store = db.transaction_with_str(STORE)?.object_store(STORE)?;
    let value = JsFuture::from(settled(&store.get(&KEY.into())?)).await?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    Ok(Some(value.dyn_into::<Uint8Array>()?.to_vec()))
}

/// Reads the stored state of `server` and `db`. A state an older version kept in
/// `localStorage` (JSON, up to 1 MiB) is taken over once and removed there.
pub async fn load(server: &str, db: &str) -> StoredSync {
    let legacy = browser::take_legacy_sync_state(server, db);
    let found = match read().await {
        Ok(Some(bytes)) => match decode_state(&bytes) {
            Ok(state) => Some(state),
            Err(_) => {
                // Nothing in it can be used: everything is pulled again whatever it holds.
                let _ = clear().await;
                return legacy.map_or(StoredSync::Unreadable, StoredSync::Found);
            }
        },
        Ok(None) => None,
        Err(_) => return legacy.map_or(StoredSync::Unreadable, StoredSync::Found),
    };
    match found {
        Some(state) if state.server == server && state.db == db => StoredSync::Found(state),
        _ => legacy.map_or(StoredSync::Nothing, StoredSync::Found),
    }
}

/// Removes the stored copy (a damaged one), waiting until IndexedDB has done it.
async fn clear() -> Result<(), JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    JsFuture::from(settled(&tx.object_store(STORE)?.delete(&KEY.into())?)).await?;
    Ok(())
}

/// Stores the state (written in the background; IndexedDB keeps the writes in order).
pub fn save(state: &SyncState) {
    save_bytes(encode_state(state));
}

/// Stores a state already in the compact form (encoded a few documents a task by the caller).
pub fn save_bytes(bytes: Vec<u8>) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = write(&bytes).await;
    });
}

async fn write(bytes: &[u8]) -> Result<(), JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    let value = Uint8Array::from(bytes);
    tx.object_store(STORE)?.put_with_key(&value, &KEY.into())?;
    Ok(())
}
