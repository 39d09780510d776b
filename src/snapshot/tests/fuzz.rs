//! The importer never panics, whatever it is given: a deterministic property test over random
//! bytes, truncations and byte flips of valid files, and structural mutations of their JSON
//! (types swapped, fields deleted, huge and negative numbers, deep nesting, repeated records).

use super::{figures, now, small, today};
use crate::domain::qualification::LocalText;
use crate::snapshot::{export_snapshot, read_snapshot_all};
use crate::storage::codec::encode_json;
use crate::testkit::synth_orders::Rng;
use serde_json::{json, Value};

/// How many inputs one `cargo test` run tries (a few seconds in a debug build on two cores).
const INPUTS: usize = 20_000;

fn below(rng: &mut Rng, n: usize) -> usize {
    (rng.next() % n.max(1) as u64) as usize
}

/// The JSON pointers of every node under `v`, so that mutations hit each field equally often
/// (an order line's amount as often as the header's version).
fn all_pointers(v: &Value, prefix: &str, out: &mut Vec<String>) {
    out.push(prefix.to_owned());
    match v {
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                all_pointers(child, &format!("{prefix}/{i}"), out);
            }
        }
        Value::Object(o) => {
            for (key, child) in o {
                let key = key.replace('~', "~0").replace('/', "~1");
                all_pointers(child, &format!("{prefix}/{key}"), out);
            }
        }
        _ => {}
    }
}

fn random_scalar(rng: &mut Rng) -> Value {
    let strings = [
        "",
        "<script>alert(1)</script>",
        "2026-02-30",
        "1999-12-31",
        "2026-03-10T12:00:00Z",
        "9999-12-31T23:59:59Z",
        "c1",
        "p1",
        "g1",
        "d1",
        "ivan",
        "stage-lead",
        "order_count",
        "volume",
        "regular",
        "sales_manager",
        "ёжик в тумане",
    ];
    match below(rng, 12) {
        0 => Value::Null,
        1 => json!(below(rng, 2) == 0),
        2 => json!(i64::MIN),
        3 => json!(i64::MAX),
        4 => json!([u64::MAX, u64::from(u32::MAX), u64::from(u8::MAX)][below(rng, 3)]),
        5 => json!(-(below(rng, 1000) as i64)),
        6 => json!(below(rng, 10)),
        7 => json!(1e300),
        8 => json!(-0.5),
        9 => json!("x".repeat(below(rng, 300))),
        10 => json!([]),
        _ => json!(strings[below(rng, strings.len())]),
    }
}

/// One structural change at a random node of the base (`pointers` are the base's; after an
/// earlier change one may no longer resolve, and the change is skipped).
fn mutate(root: &mut Value, pointers: &[String], rng: &mut Rng) {
    let pointer = &pointers[below(rng, pointers.len())];
    let op = below(rng, 8);
    let Some(node) = root.pointer_mut(pointer) else {
        return;
    };
    match op {
        0..=2 => *node = random_scalar(rng),
        3 => match node {
            // Delete a field or an element.
            Value::Object(o) if !o.is_empty() => {
                let key = o
                    .keys()
                    .nth(below(rng, o.len()))
                    .cloned()
                    .expect("in range");
                o.remove(&key);
            }
            Value::Array(a) if !a.is_empty() => {
                a.remove(below(rng, a.len()));
            }
            _ => *node = Value::Null,
        },
        4 => {
            // Repeat an element: duplicated ids.
            if let Value::Array(a) = node {
                if !a.is_empty() {
                    let copy = a[below(rng, a.len())].clone();
                    a.push(copy);
                }
            }
        }
        5 => {
            // Deep nesting, sometimes past the parser's recursion limit (128). Deeper values
            // would overflow this test's own stack when serialised or dropped, not the
            // importer's: it never builds a value deeper than the limit.
            let levels = [3, 60, 127, 129, 200][below(rng, 5)];
            let mut wrapped = node.take();
            for _ in 0..levels {
                wrapped = Value::Array(vec![wrapped]);
            }
            *node = wrapped;
        }
        6 => {
            // Numbers pushed to the edges of their types.
            let edges = [
                json!(-1),
                json!(0),
                json!(u8::MAX),
                json!(u32::MAX),
                json!(i64::MAX),
                json!(node.as_i64().map_or(0, i64::wrapping_neg)),
                json!(node.as_i64().map_or(0, |n| n.saturating_mul(1_000_000))),
            ];
            *node = edges[below(rng, edges.len())].clone();
        }
        _ => *node = json!({"id": "c1", "kind": "volume", "amount": -1}),
    }
}

/// `text` with a key written twice at the start of one of its objects: an unknown key, or the
/// `id` most records have (the value is a string, so a number field would still be refused for
/// its type).
fn repeat_a_key(text: &str, rng: &mut Rng) -> String {
    let starts: Vec<usize> = text.match_indices("{\"").map(|(i, _)| i + 1).collect();
    if starts.is_empty() {
        return text.to_owned();
    }
    let at = starts[below(rng, starts.len())];
    let repeated = if below(rng, 2) == 0 {
        "\"k\":1,\"k\":2,"
    } else {
        "\"id\":\"c1\","
    };
    format!("{}{repeated}{}", &text[..at], &text[at..])
}

fn truncate_at_char(text: &str, at: usize) -> &str {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[..at]
}

/// A base file, its parsed value, the pointers of all its nodes and of its numbers.
struct Base {
    text: String,
    value: Value,
    nodes: Vec<String>,
    numbers: Vec<String>,
}

impl Base {
    fn new(text: String) -> Base {
        let value: Value = serde_json::from_str(&text).unwrap();
        let mut nodes = Vec::new();
        all_pointers(&value, "", &mut nodes);
        let numbers = nodes
            .iter()
            .filter(|p| value.pointer(p).is_some_and(Value::is_number))
            .cloned()
            .collect();
        Base {
            text,
            value,
            nodes,
            numbers,
        }
    }
}

/// Tallies of one worker.
#[derive(Default)]
struct Tally {
    accepted: usize,
    refused: usize,
    deep_nesting: bool,
    import_time: std::time::Duration,
}

/// The next input: random bytes, a truncated or bit-flipped base, or a mutated base.
fn next_input(base: &Base, rng: &mut Rng, tally: &mut Tally) -> String {
    match below(rng, 10) {
        0 => {
            let bytes: Vec<u8> = (0..below(rng, 300)).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        1 => truncate_at_char(&base.text, below(rng, base.text.len())).to_owned(),
        2 => {
            let mut bytes = base.text.clone().into_bytes();
            for _ in 0..1 + below(rng, 8) {
                let at = below(rng, bytes.len());
                bytes[at] ^= 1 << below(rng, 8);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        }
        _ => {
            let mut v = base.value.clone();
            for _ in 0..1 + below(rng, 4) {
                // Every other change goes to a number: amounts, levels, weights, day counts.
                let pointers = if below(rng, 2) == 0 {
                    &base.numbers
                } else {
                    &base.nodes
                };
                mutate(&mut v, pointers, rng);
            }
            let text = v.to_string();
            tally.deep_nesting |= text.contains(&"[".repeat(100));
            text
        }
    }
}

fn run(bases: &[Base], seed: u64, inputs: usize) -> Tally {
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    for n in 0..inputs {
        let input = next_input(&bases[n % bases.len()], &mut rng, &mut tally);
        let started = std::time::Instant::now();
        let result = read_snapshot_all(&input, today());
        tally.import_time += started.elapsed();
        // The stepped read the import panel runs gives exactly the same answer.
        let stepped = crate::snapshot::SnapshotSteps::new(input.clone(), today()).finish();
        assert_eq!(stepped, result, "the stepped read differs on {input:.300}");
        // And the restore's shortcut (straight from the text) reads as its strict path does,
        // on the input and on the input with a key repeated in one of its objects.
        let options = crate::restore::RestoreOptions::file(today(), usize::MAX);
        for text in [input.clone(), repeat_a_key(&input, &mut rng)] {
            assert_eq!(
                crate::restore::restore(&text, &options),
                crate::restore::restore_strict(&text, &options),
                "the shortcut differs on {text:.300}"
            );
        }
        match result {
            Ok(_) => tally.accepted += 1,
            Err(rejection) => {
                assert!(!rejection.problems.is_empty());
                tally.refused += 1;
            }
        }
    }
    tally
}

#[test]
fn the_importer_never_panics() {
    // The model's long level texts and questions are most of a small file; shortened, each
    // input parses in half the time and the mutations land on data rather than prose.
    let mut ws = small();
    for c in &mut ws.scoring_model.criteria {
        c.levels = (0..5)
            .map(|l| LocalText::new(&format!("у{l}"), &format!("l{l}")))
            .collect();
        c.questions.truncate(1);
    }
    assert!(ws.scoring_model.problems().is_empty());
    let bases = [
        Base::new(export_snapshot(
            &ws,
            Some(&ws.members[0]),
            now(),
            today(),
            figures,
        )),
        Base::new(encode_json(&ws, now(), 3)),
        Base::new(include_str!("../../../tests/fixtures/snapshot-v1.json").to_owned()),
    ];
    // Two workers with their own seeds: deterministic, and twice as fast on CI's two cores.
    let tallies: Vec<Tally> = std::thread::scope(|s| {
        let workers: Vec<_> = [0x5eed_cafe, 0xfee1_900d]
            .into_iter()
            .map(|seed| {
                let bases = &bases;
                s.spawn(move || run(bases, seed, INPUTS / 2))
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let accepted: usize = tallies.iter().map(|t| t.accepted).sum();
    let refused: usize = tallies.iter().map(|t| t.refused).sum();
    let import_time: std::time::Duration = tallies.iter().map(|t| t.import_time).sum();
    println!(
        "importer fuzz: {} inputs, {accepted} accepted, {refused} refused, no panic \
         (import time {import_time:.1?} over both workers)",
        accepted + refused
    );
    assert_eq!(accepted + refused, INPUTS);
    assert!(
        accepted > 100,
        "the mutations should leave some files valid"
    );
    assert!(refused > INPUTS / 2);
    assert!(tallies.iter().any(|t| t.deep_nesting));
}
