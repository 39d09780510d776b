//! The compact sync state: read back as written, a damaged copy refused, the size at full scale.

use super::*;
use crate::domain::ids::Id;
use serde_json::json;
use std::time::Instant;

/// A revision as CouchDB writes them: the generation and 32 hex digits.
fn rev(generation: u64, seed: u64) -> String {
    let a = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let b = a.rotate_left(17) ^ 0x5851_f42d_4c95_7f2d;
    format!("{generation}-{a:016x}{b:016x}")
}

/// A state of `n` documents with app-made ids: 1 in 23 a client, the rest orders, 20 owners.
fn state_of(n: usize) -> SyncState {
    let mut state = SyncState::new("https://couch.example.ru", "team");
    state.last_seq = Some(json!("115148-g1AAAABteJzLYWBgYMpgTmHgzcvPy09JdcjLz8gvLskBCScyJNX___8_K4M5kTEXKMCeZmKUkmqUjK4Yh_Y8FiDJ0ACk_qOKSYjzmaWYpZmkpKSkJRgaGZumJpukp"));
    for i in 0..n {
        let kind = if i % 23 == 0 { "clients" } else { "orders" };
        let random = (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d);
        let id = Id::generate(1_773_100_000_000 + (i as i64) * 37, random);
        let doc = DocState {
            rev: rev(1 + (i % 3) as u64, i as u64),
            hash: random ^ 0xdead_beef,
            owner: Some(format!("m-{:02}", i % 20)),
        };
        state.docs.insert(format!("{kind}:{}", id.as_str()), doc);
    }
    state
}

#[test]
fn a_state_reads_back_as_it_was_written() {
    let mut state = state_of(200);
    state.docs.insert(
        "transfer_policy".into(),
        DocState {
            rev: "7-ABCDEF".into(),
            hash: u64::MAX,
            owner: None,
        },
    );
    state.docs.insert(
        "clients:ё-кириллица".into(),
        DocState {
            rev: "012-00000000000000000000000000000000".into(),
            hash: 0,
            owner: Some("м-анна".into()),
        },
    );
    state.set_aside.push(SetAside {
        doc_id: "transfer_policy".into(),
        kind: "transfer_policy".into(),
        reason: "только директор меняет правило передачи и пороги статусов".into(),
        document: json!({"_id": "transfer_policy", "record": {"sleeping_days": 60}}),
        hash: 42,
    });
    assert_eq!(decode_state(&encode_state(&state)), Ok(state));
    let mut numbered = SyncState::new("http://127.0.0.1:5984", "team");
    numbered.last_seq = Some(json!(524));
    assert_eq!(decode_state(&encode_state(&numbered)), Ok(numbered));
    let empty = SyncState::default();
    assert_eq!(decode_state(&encode_state(&empty)), Ok(empty));
}

#[test]
fn a_damaged_or_foreign_copy_is_refused() {
    let bytes = encode_state(&state_of(100));
    for at in [0, 5, bytes.len() / 2, bytes.len() - 1] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        assert_eq!(
            decode_state(&damaged),
            Err(CompactError::Damaged),
            "byte {at}"
        );
    }
    assert!(
        decode_state(&bytes[..bytes.len() - 9]).is_err(),
        "cut short"
    );
    assert!(decode_state(&[]).is_err());
    // The old JSON form in storage is not this one: the caller starts over.
    let json = serde_json::to_vec(&state_of(3)).unwrap();
    assert_eq!(decode_state(&json), Err(CompactError::Damaged));
}

#[test]
fn a_full_size_state_is_about_a_third_of_its_json() {
    // 5 000 clients and 100 000 orders cut into documents: 115 148 of them.
    let state = state_of(115_148);
    let json = serde_json::to_string(&state).unwrap().len();
    let started = Instant::now();
    let bytes = encode_state(&state);
    let encoded = started.elapsed();
    let started = Instant::now();
    let back = decode_state(&bytes).unwrap();
    let decoded = started.elapsed();
    assert_eq!(back.docs.len(), 115_148);
    println!(
        "sync state at 115 148 documents: JSON {json} bytes, compact {} bytes ({:.0} %), \
         encode {encoded:?}, decode {decoded:?}",
        bytes.len(),
        100.0 * bytes.len() as f64 / json as f64
    );
    // About 43 bytes a document: the `_rev`'s 16 bytes and the body hash's 8 cannot go.
    assert!(bytes.len() * 5 < json * 2, "{} of {json}", bytes.len());
}

#[test]
fn the_form_written_in_steps_is_the_form_written_in_one_go() {
    let mut state = state_of(1_000);
    state.docs.insert(
        "clients:ё-кириллица".into(),
        DocState {
            rev: "not-a-couch-rev".into(),
            hash: 7,
            owner: None,
        },
    );
    let whole = encode_state(&state);
    for docs in [1, 2, 7, 500, 1_001, 5_000] {
        let mut encoder = StateEncoder::new(&state);
        let mut steps = 0;
        while !encoder.step(&state, docs) {
            steps += 1;
        }
        assert!(steps >= 1_001 / docs, "{docs} a step: {steps} steps");
        assert_eq!(encoder.finish(), whole, "{docs} a step");
    }
    let empty = SyncState::default();
    let mut encoder = StateEncoder::new(&empty);
    assert!(encoder.step(&empty, 3));
    assert_eq!(encoder.finish(), encode_state(&empty));
}
