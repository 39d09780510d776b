//! A save that reuses pieces writes exactly what a save from scratch writes, whatever changed
//! in between; and what it writes reads back as the same workspace.

use super::PieceCache;
use crate::domain::Workspace;
use crate::format::packed::unpack;
use crate::storage::codec::{decode_stored, encode_workspace};
use crate::testkit::fixtures::t0;
use crate::testkit::synth_workspace::synth_workspace;
use chrono::{NaiveDate, TimeDelta};

fn big() -> Workspace {
    synth_workspace(
        7,
        1_500,
        9_000,
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
    )
}

/// Saves `ws` through `cache` and checks it against a save from scratch and a read back.
fn saves_alike(cache: &mut PieceCache, ws: &Workspace, revision: u64) {
    let reused = cache.encode(ws, t0(), revision);
    let fresh = encode_workspace(ws, t0(), revision);
    assert!(
        reused == fresh,
        "a save reusing pieces differs from a fresh one"
    );
    let back = decode_stored(&reused).expect("reads back");
    assert_eq!(back.revision, revision);
    assert!(back.workspace == *ws, "the workspace read back differs");
}

#[test]
fn every_kind_of_edit_saves_as_a_fresh_encoding_would() {
    let mut ws = big();
    let mut cache = PieceCache::default();
    saves_alike(&mut cache, &ws, 1);
    let later = t0() + TimeDelta::hours(1);
    // A client renamed in the middle of the list.
    ws.clients[700].name.push_str(" (Москва)");
    saves_alike(&mut cache, &ws, 2);
    // An order edited, one removed from the middle, one added at the end.
    ws.orders[4_321].lines[0].amount = crate::domain::Money::from_kopecks(12_345);
    ws.orders.remove(5_000);
    let mut added = ws.orders[10].clone();
    added.id = crate::domain::Id::from_raw("order-added-now");
    ws.orders.push(added);
    saves_alike(&mut cache, &ws, 3);
    // A client added at the end keeps every order book; one put in the middle moves positions,
    // and so does taking it out again.
    let mut client = ws.clients[3].clone();
    client.id = crate::domain::Id::from_raw("client-added-now");
    ws.clients.push(client.clone());
    saves_alike(&mut cache, &ws, 4);
    client.id = crate::domain::Id::from_raw("client-put-in-the-middle");
    ws.clients.insert(10, client);
    saves_alike(&mut cache, &ws, 5);
    ws.clients.remove(10);
    saves_alike(&mut cache, &ws, 51);
    // A product added, a deal moved, the whole order list reversed, everything emptied.
    let mut product = ws.products[0].clone();
    product.id = crate::domain::Id::from_raw("product-added-now");
    ws.products.insert(0, product);
    saves_alike(&mut cache, &ws, 6);
    ws.deals[20].updated_at = later;
    saves_alike(&mut cache, &ws, 7);
    ws.orders.reverse();
    saves_alike(&mut cache, &ws, 8);
    let empty = Workspace::default();
    saves_alike(&mut cache, &empty, 9);
    saves_alike(&mut cache, &ws, 10);
}

#[test]
fn prepared_pieces_are_reused_and_still_checked() {
    let mut ws = big();
    let mut cache = PieceCache::default();
    let mut steps = 0;
    while !cache.prepare(&ws, 3) {
        steps += 1;
        assert!(steps < 100, "preparing never ends");
    }
    assert!(steps > 3, "a big workspace takes several steps: {steps}");
    // Changed after it was prepared: the stale piece is encoded again at the save.
    ws.clients[1].name = "ООО «Изменено после подготовки»".into();
    saves_alike(&mut cache, &ws, 1);
}

#[test]
fn the_stored_value_is_pieces_of_one_envelope() {
    let ws = big();
    let text = encode_workspace(&ws, t0(), 12);
    assert!(text.starts_with("SDZ212:"), "{}", &text[..20]);
    let header = text.split_once(';').unwrap().0;
    assert!(
        header.split(',').count() > 20,
        "many pieces: {}",
        header.split(',').count()
    );
    let json: serde_json::Value = serde_json::from_str(&unpack(&text).unwrap()).unwrap();
    assert_eq!(json["revision"], 12);
    assert!(json["workspace"]["order_book"].as_array().unwrap().len() > 2);
}

#[test]
fn damaged_pieces_are_refused_not_misread() {
    let text = encode_workspace(&big(), t0(), 3);
    let (header, body) = text.split_once(';').unwrap();
    // A piece list that does not add up, a truncated value, a length that is not a number.
    let mut lengths: Vec<usize> = header[6..].split(',').map(|l| l.parse().unwrap()).collect();
    lengths[1] += 1;
    let longer = lengths
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(",");
    for damaged in [
        format!("SDZ23:{longer};{body}"),
        text[..text.len() - 10].to_owned(),
        format!("SDZ23:x,1;{body}"),
    ] {
        assert!(unpack(&damaged).is_err());
        assert!(decode_stored(&damaged).is_err());
    }
}
