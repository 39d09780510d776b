//! Stored size and save/load time of a full-size workspace (5 000 clients with Russian names,
//! 100 000 orders), natively. The browser figures come from the e2e capacity test.
//! Run: `cargo run --release --features testkit --bin bench_storage`

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use chrono::NaiveDate;
    use salesdesk::domain::dates::timestamp_from_millis;
    use salesdesk::storage::capacity::{counted_bytes, QUOTA_BYTES};
    use salesdesk::storage::codec::{decode_workspace, encode_json, encode_workspace};
    use salesdesk::storage::pieces::PieceCache;
    use salesdesk::testkit::synth_workspace::synth_workspace;
    use std::time::Instant;

    let today = NaiveDate::from_ymd_opt(2026, 3, 10).expect("date");
    let ws = synth_workspace(2026, 5_000, 100_000, today);
    let at = timestamp_from_millis(1_773_100_000_000);
    // `--write PATH`: store the packed value (one byte per character) for the browser test.
    let args: Vec<String> = std::env::args().collect();
    if let Some(path) = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1))
    {
        let packed = encode_workspace(&ws, at, 1);
        let bytes: Vec<u8> = packed
            .chars()
            .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
            .collect();
        std::fs::write(path, bytes).expect("write the packed workspace");
        println!("wrote {} bytes to {path}", packed.chars().count());
        return;
    }
    // `--write-sync-state PATH`: the sync state of this team after a full sync, in the stored
    // (compact) form, for the browser test of keeping it across reloads.
    if let Some(path) = args
        .iter()
        .position(|a| a == "--write-sync-state")
        .and_then(|i| args.get(i + 1))
    {
        let bytes = full_sync_state(&ws);
        std::fs::write(path, &bytes).expect("write the sync state");
        println!("wrote {} bytes to {path}", bytes.len());
        return;
    }
    if args.iter().any(|a| a == "--decode-only") {
        let text = encode_workspace(&ws, at, 1);
        for _ in 0..10 {
            decode_workspace(&text).expect("decodes");
        }
        return;
    }
    let json = encode_json(&ws, at, 1);
    let packed = encode_workspace(&ws, at, 1);
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let runs = 9;
    let mut save = Vec::new();
    let mut load = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let text = encode_workspace(&ws, at, 1);
        save.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let back = decode_workspace(&text).expect("decodes");
        load.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(back.orders.len(), 100_000);
    }
    println!(
        "clients {}, orders {}, order lines {}",
        ws.clients.len(),
        ws.orders.len(),
        ws.orders.iter().map(|o| o.lines.len()).sum::<usize>()
    );
    println!(
        "plain JSON: {} chars, browser-counted {} bytes",
        json.chars().count(),
        counted_bytes(&json)
    );
    println!(
        "stored (deflate + Latin-1): {} chars, browser-counted {} bytes = {:.1} % of {} bytes",
        packed.chars().count(),
        counted_bytes(&packed),
        counted_bytes(&packed) as f64 * 100.0 / QUOTA_BYTES as f64,
        QUOTA_BYTES
    );
    println!(
        "encode (save) median {:.1} ms, decode (load) median {:.1} ms over {runs} runs",
        median(save),
        median(load)
    );
    // What a running app pays per edit: its piece cache is warm, one record changed.
    let mut cache = PieceCache::default();
    let mut edited = ws.clone();
    cache.encode(&edited, at, 1);
    let (mut rename, mut add) = (Vec::new(), Vec::new());
    for run in 0..runs {
        edited.clients[run * 500].name.push('!');
        let t = Instant::now();
        cache.encode(&edited, at, 2);
        rename.push(t.elapsed().as_secs_f64() * 1e3);
        let mut order = edited.orders[run].clone();
        order.id = salesdesk::domain::Id::from_raw(format!("bench-order-{run}"));
        edited.orders.push(order);
        let t = Instant::now();
        cache.encode(&edited, at, 3);
        add.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "with the app's piece cache: save after renaming a client median {:.1} ms, after adding an order median {:.1} ms",
        median(rename),
        median(add)
    );
}

/// The sync state a device holds after syncing `ws` in full: every document with a
/// CouchDB-like revision, its body hash and owner, in the stored form.
#[cfg(not(target_arch = "wasm32"))]
fn full_sync_state(ws: &salesdesk::domain::workspace::Workspace) -> Vec<u8> {
    use salesdesk::sync::{documents, encode_state, DocState, SyncState};
    let mut state = SyncState::new("http://127.0.0.1:9", "team");
    state.last_seq = Some(serde_json::json!(115_148));
    for doc in documents(ws, &|_| None) {
        let hash = doc.hash();
        let rev = format!(
            "1-{hash:016x}{:016x}",
            hash.rotate_left(29) ^ 0x5851_f42d_4c95_7f2d
        );
        let owner = doc.owner.clone();
        state
            .docs
            .insert(doc.id.clone(), DocState { rev, hash, owner });
    }
    encode_state(&state)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
