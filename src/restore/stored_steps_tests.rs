//! The stepped restore of a stored value ([`StoredSteps`], what a tab runs when another tab
//! saved) gives exactly what the one restore path gives for the same text — the same workspace
//! and revision, or the same problems — for values as this build writes them (many pieces), as
//! earlier builds wrote them (one stream, plain JSON), and damaged in every way the unpack
//! refuses or lets through to the JSON checks.

use super::StoredSteps;
use crate::format::packed::{pack, unpack, PIECES_PREFIX};
use crate::format::unpack_steps::UnpackSteps;
use crate::restore::{restore, RestoreError, RestoreOptions, RestoreSteps};
use crate::storage::codec::{encode_json, encode_workspace};
use crate::testkit::fixtures::{small_workspace, t0};
use crate::testkit::synth_workspace::synth_workspace;
use chrono::NaiveDate;

/// Both paths over `text`, asserted equal (the unpack too); the number of steps taken.
fn alike(text: &str) -> usize {
    let oracle = restore(text, &RestoreOptions::stored());
    let mut steps = StoredSteps::new(text.to_owned());
    let mut count = 1;
    while !steps.step() {
        count += 1;
    }
    let stepped = steps.finish();
    assert!(
        stepped == oracle,
        "the stepped restore differs on {:.200}",
        text
    );
    assert!(
        UnpackSteps::new(text.to_owned()).finish() == unpack(text),
        "the stepped unpack differs"
    );
    count
}

fn big_value() -> String {
    let ws = synth_workspace(
        11,
        1_200,
        8_000,
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
    );
    encode_workspace(&ws, t0(), 42)
}

/// Where the bytes of a pieced value start (after `;`).
fn body_start(text: &str) -> usize {
    text.find(';').expect("a list of pieces") + 1
}

#[test]
fn a_value_this_build_writes_reads_the_same_in_many_steps() {
    let text = big_value();
    let steps = alike(&text);
    assert!(steps > 10, "read in {steps} steps");
    // The order books too are read record by record, not in one pass.
    let json = unpack(&text).expect("unpacks");
    let mut plain = RestoreSteps::new(json, RestoreOptions::stored());
    while !plain.step() {}
    assert!(!plain.read_in_one_pass(), "read in steps");
    let restored = StoredSteps::new(text).finish().expect("sound");
    assert_eq!(restored.revision, 42);
    assert_eq!(restored.workspace.orders.len(), 8_000);
}

#[test]
fn plain_json_and_one_stream_values_read_the_same() {
    let ws = small_workspace();
    let json = encode_json(&ws, t0(), 7);
    alike(&json);
    // What earlier builds wrote: the whole JSON as one deflate stream.
    let bytes = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 3);
    let one_stream: String = bytes.iter().map(|&b| char::from(b)).collect();
    let sdz1 = format!("SDZ17:{one_stream}");
    alike(&sdz1);
    assert!(restore(&sdz1, &RestoreOptions::stored()).is_ok());
    // And SDZ2 holding a single piece.
    alike(&pack(&json, 7));
}

#[test]
fn a_damaged_value_is_refused_with_the_same_problem() {
    let text = big_value();
    let start = body_start(&text);
    let mut damaged = Vec::new();
    // Cut short: the pieces no longer add up.
    damaged.push(text[..text.len() - 10].to_owned());
    // A character no Latin-1 byte stands for.
    damaged.push(format!("{}Ж{}", &text[..start], &text[start..]));
    // No revision, no list of pieces, a length that is not a number.
    damaged.push(format!("{PIECES_PREFIX}x:{}", &text[start..]));
    damaged.push(format!("{PIECES_PREFIX}3:12,13"));
    damaged.push(text.replacen(':', ":1x,", 1));
    // Bytes altered inside a piece far into the value, where the steps inflate it late.
    let chars: Vec<char> = text.chars().collect();
    let body = text[..start].chars().count();
    for at in [body + 5, chars.len() / 2, chars.len() - 40] {
        for flip in [0x01u32, 0x55, 0xFF] {
            let mut altered = chars.clone();
            altered[at] = char::from_u32(u32::from(altered[at]) ^ flip).expect("Latin-1");
            damaged.push(altered.into_iter().collect());
        }
    }
    let mut refused = 0;
    for value in &damaged {
        alike(value);
        refused += usize::from(restore(value, &RestoreOptions::stored()).is_err());
    }
    assert!(
        refused >= 6,
        "only {refused} of the damaged values were refused"
    );
}

#[test]
fn json_problems_inside_a_sound_packing_are_the_same() {
    let json = encode_json(&small_workspace(), t0(), 3);
    // A field of the wrong kind, a duplicate key, broken JSON, another format.
    let cases = [
        json.replacen("\"name\":", "\"name\":1,\"x\":", 1),
        json.replacen("\"name\":", "\"name\":\"a\",\"name\":", 1),
        json.chars().take(json.chars().count() / 2).collect(),
        json.replacen("salesdesk.workspace", "other.app", 1),
    ];
    for case in &cases {
        alike(&pack(case, 3));
        assert!(restore(&pack(case, 3), &RestoreOptions::stored()).is_err());
    }
    // A value packed twice: the one pass refuses its inner text as JSON, and so do the steps
    // (they do not unpack it a second time).
    let twice = pack(&pack(&json, 3), 3);
    alike(&twice);
    let first = restore(&twice, &RestoreOptions::stored())
        .unwrap_err()
        .first();
    assert!(matches!(first, RestoreError::NotJson { .. }), "{first:?}");
}

#[test]
fn a_piece_that_is_not_utf8_on_its_own_is_judged_on_the_whole_text() {
    // A character cut between two pieces: each piece alone is not UTF-8, the whole text is,
    // and the one pass accepts it; so must the steps.
    let json = encode_json(&small_workspace(), t0(), 3);
    let cut = json
        .find('а')
        .or_else(|| json.find('о'))
        .expect("a Cyrillic letter")
        + 1;
    let pieces = [&json.as_bytes()[..cut], &json.as_bytes()[cut..]];
    let deflated: Vec<Vec<u8>> = pieces
        .iter()
        .map(|p| miniz_oxide::deflate::compress_to_vec(p, 3))
        .collect();
    let lengths: Vec<String> = deflated.iter().map(|d| d.len().to_string()).collect();
    let mut text = format!("{PIECES_PREFIX}3:{};", lengths.join(","));
    text.extend(deflated.iter().flatten().map(|&b| char::from(b)));
    alike(&text);
    assert!(restore(&text, &RestoreOptions::stored()).is_ok());
    // And one not UTF-8 at all: the same refusal, with the same words.
    let bad = miniz_oxide::deflate::compress_to_vec(&[b'{', 0xFF, b'}'], 3);
    let mut text = format!("{PIECES_PREFIX}3:{};", bad.len());
    text.extend(bad.iter().map(|&b| char::from(b)));
    alike(&text);
}

#[test]
fn a_damaged_order_book_is_refused_with_the_same_problem() {
    let ws = synth_workspace(
        5,
        300,
        12_000,
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
    );
    let json = encode_json(&ws, t0(), 9);
    let books = json.find("\"order_book\":[").expect("books");
    assert!(
        json[books..].matches("\"ids\":").count() >= 3,
        "several books"
    );
    let in_books = |from: &str, to: &str, nth: usize| -> String {
        let (i, _) = json[books..].match_indices(from).nth(nth).expect("found");
        let at = books + i;
        format!("{}{to}{}", &json[..at], &json[at + from.len()..])
    };
    let cases = [
        // A column of the wrong kind, in the first book and a later one.
        in_books("\"client\":[", "\"client\":[\"x\",", 0),
        in_books("\"date\":[", "\"date\":{},\"d\":[", 2),
        // A duplicate key inside a book, a missing column, a syntax error.
        in_books("\"amount\":[", "\"amount\":[],\"amount\":[", 2),
        in_books("\"amount\":", "\"amountx\":", 1),
        in_books("\"updated\":[", "\"updated\":[,", 2),
        // A ragged book (columns of different lengths), found when the books are unpacked.
        in_books("\"created\":[", "\"created\":[1,", 1),
        // A book that is not an object: the scanner gives up, the one pass decides.
        in_books("\"order_book\":[", "\"order_book\":[1,", 0),
    ];
    for case in &cases {
        alike(&pack(case, 9));
        assert!(restore(&pack(case, 9), &RestoreOptions::stored()).is_err());
    }
    alike(&pack(&json, 9));
}
