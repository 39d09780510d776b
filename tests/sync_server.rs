//! The sync engine against a real pouchdb-server on 127.0.0.1 (started by each test; see
//! `sync_server/harness.rs`): edits travel between devices, offline edits of different fields
//! of one record both survive, a stale write (`409`) is merged and written again, and what the
//! server's rules refuse is set aside with the reason.
//!
//! Ignored by plain `cargo test` (it needs `node_modules/.bin/pouchdb-server`, which
//! `scripts/setup.sh` installs); `scripts/test.sh` runs it with `--ignored`:
//! `cargo test --offline --test sync_server -- --ignored`.

#[path = "sync_server/harness.rs"]
mod harness;

use harness::{Device, Server};
use salesdesk::domain::client::{Client, ClientStatus, ContactPerson};
use salesdesk::domain::dates::{timestamp_from_millis, Timestamp};
use salesdesk::domain::ids::Id;
use salesdesk::domain::team::{JobTitle, TeamMember};
use salesdesk::domain::transfer::TransferRecord;
use salesdesk::domain::workspace::Workspace;
use salesdesk::sync::{Method, Step, SyncRound};

/// 2026-11-30 09:00 UTC plus `minutes`.
fn at(minutes: i64) -> Timestamp {
    timestamp_from_millis(1_795_942_800_000 + minutes * 60_000)
}

fn client(id: &str, name: &str, owner: &str) -> Client {
    Client {
        id: Id::from_raw(id),
        name: name.to_owned(),
        inn: None,
        kpp: None,
        contact: ContactPerson::default(),
        owner_id: Id::from_raw(owner),
        status: ClientStatus::Lead,
        notes: String::new(),
        yearly_spend: None,
        created_at: at(0),
        updated_at: at(0),
        stamps: Default::default(),
    }
}

/// The director's first workspace: the team and one client of each hunter.
fn team_workspace() -> Workspace {
    let mut ws = Workspace::default();
    for (id, name, title) in [
        ("m-dir", "Марина Волкова", JobTitle::SalesDirector),
        ("m-anna", "Анна Соколова", JobTitle::SalesManager),
        ("m-boris", "Борис Орлов", JobTitle::SalesManager),
        ("m-fedor", "Фёдор Ильин", JobTitle::AccountManager),
    ] {
        ws.add_member(TeamMember::new(Id::from_raw(id), name, title, at(0)))
            .unwrap();
    }
    ws.add_client(client("c-anna", "ООО «Ромашка»", "m-anna"))
        .unwrap();
    ws.add_client(client("c-boris", "АО «Лютик»", "m-boris"))
        .unwrap();
    ws
}

/// A server whose team database holds the director's first workspace, and the director.
fn started() -> (Server, Device) {
    let server = Server::start();
    let mut director = Device::login(&server, "marina");
    director.ws = team_workspace();
    let report = director.sync();
    assert_eq!(report.error, None);
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    assert!(report.pushed >= 4 + 2 + 7 + 3, "{report:?}");
    (server, director)
}

fn edit_client(device: &mut Device, id: &str, minutes: i64, change: impl FnOnce(&mut Client)) {
    let mut c = device
        .ws
        .client(&Id::from_raw(id))
        .expect("the client")
        .clone();
    change(&mut c);
    device.ws.update_client(c, at(minutes)).unwrap();
}

fn client_of<'a>(device: &'a Device, id: &str) -> &'a Client {
    device.ws.client(&Id::from_raw(id)).expect("the client")
}

#[test]
#[ignore = "needs pouchdb-server: scripts/test.sh runs it with --ignored"]
fn an_edit_on_one_device_appears_on_the_other() {
    let (server, mut director) = started();
    let mut anna = Device::login(&server, "anna");
    let first = anna.sync();
    assert_eq!(first.error, None);
    assert!(first.refused.is_empty(), "{:?}", first.refused);
    assert_eq!(first.pushed, 0, "nothing of anna's differs: {first:?}");
    assert_eq!(anna.ws.clients.len(), 2);
    assert_eq!(anna.ws.members.len(), 4);

    edit_client(&mut anna, "c-anna", 10, |c| {
        c.notes = "звонить после обеда".into()
    });
    let pushed = anna.sync();
    assert_eq!((pushed.pushed, pushed.refused.len()), (1, 0), "{pushed:?}");

    let pulled = director.sync();
    assert_eq!((pulled.pulled, pulled.pushed), (1, 0), "{pulled:?}");
    assert_eq!(client_of(&director, "c-anna").notes, "звонить после обеда");
    // Nothing more to do on either side.
    let quiet = anna.sync();
    assert_eq!((quiet.pulled, quiet.pushed), (0, 0), "{quiet:?}");
}

#[test]
#[ignore = "needs pouchdb-server: scripts/test.sh runs it with --ignored"]
fn offline_edits_of_different_fields_both_survive() {
    let (server, mut director) = started();
    let mut anna = Device::login(&server, "anna");
    anna.sync();
    // Both offline: anna renames her client, the director writes a note on it.
    edit_client(&mut anna, "c-anna", 20, |c| {
        c.contact.phone = "+7 900 000-00-01".into()
    });
    edit_client(&mut director, "c-anna", 21, |c| {
        c.notes = "важный клиент".into()
    });
    assert_eq!(anna.sync().pushed, 1);
    let merged = director.sync();
    assert_eq!(merged.error, None);
    assert_eq!((merged.pulled, merged.pushed), (1, 1), "{merged:?}");
    let back = anna.sync();
    assert_eq!(back.pulled, 1, "{back:?}");
    for device in [&anna, &director] {
        let c = client_of(device, "c-anna");
        assert_eq!(c.contact.phone, "+7 900 000-00-01");
        assert_eq!(c.notes, "важный клиент");
    }
    let on_server = anna.get("clients:c-anna");
    assert_eq!(on_server["record"]["notes"], "важный клиент");
    assert_eq!(on_server["record"]["contact"]["phone"], "+7 900 000-00-01");
}

#[test]
#[ignore = "needs pouchdb-server: scripts/test.sh runs it with --ignored"]
fn a_stale_write_gets_409_and_is_merged_and_written_again() {
    let (server, mut director) = started();
    let mut anna = Device::login(&server, "anna");
    anna.sync();
    edit_client(&mut director, "c-anna", 30, |c| c.notes = "с НДС".into());
    edit_client(&mut anna, "c-anna", 31, |c| {
        c.contact.email = "buy@romashka.ru".into()
    });
    // The director's round pulls (nothing new), and just before its write goes up, anna's lands.
    let mut round = SyncRound::new();
    let mut response = None;
    let mut raced = false;
    let report = loop {
        match round.step(&mut director.state, &mut director.ws, response.take()) {
            Step::Send(req) => {
                if req.method == Method::Post && !raced {
                    raced = true;
                    assert_eq!(anna.sync().pushed, 1);
                }
                response = Some(director.send(&req));
            }
            Step::Yield => {}
            Step::Done(report) => break report,
        }
    };
    assert!(raced);
    assert_eq!(report.error, None);
    assert_eq!((report.conflicts, report.pushed), (1, 1), "{report:?}");
    let c = client_of(&director, "c-anna");
    assert_eq!(
        (c.notes.as_str(), c.contact.email.as_str()),
        ("с НДС", "buy@romashka.ru")
    );
    anna.sync();
    assert_eq!(client_of(&anna, "c-anna").notes, "с НДС");
    let on_server = anna.get("clients:c-anna");
    assert!(
        on_server["_rev"].as_str().unwrap().starts_with("3-"),
        "{on_server}"
    );
}

#[test]
#[ignore = "needs pouchdb-server: scripts/test.sh runs it with --ignored"]
fn what_the_rules_refuse_is_set_aside_with_the_reason() {
    let (server, mut director) = started();
    let mut anna = Device::login(&server, "anna");
    anna.sync();
    // A hunter changes the transfer rule's thresholds: the server refuses, the change is kept.
    let mut policy = anna.ws.transfer_policy.clone();
    policy.thresholds.sleeping_days = 90;
    anna.ws.set_transfer_policy(policy, at(40)).unwrap();
    // …and edits boris's client.
    edit_client(&mut anna, "c-boris", 41, |c| {
        c.name = "АО «Лютик» (моё)".into()
    });
    let report = anna.sync();
    assert_eq!(report.pushed, 0, "{report:?}");
    let reasons: Vec<(&str, &str)> = (report.refused.iter())
        .map(|r| (r.doc_id.as_str(), r.reason.as_str()))
        .collect();
    assert!(
        reasons.contains(&(
            "transfer_policy",
            "только директор меняет правило передачи и пороги статусов"
        )),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&(
            "clients:c-boris",
            "изменить запись может только её владелец или директор"
        )),
        "{reasons:?}"
    );
    assert_eq!(anna.state.set_aside.len(), 2);
    let kept = anna
        .state
        .set_aside
        .iter()
        .find(|s| s.doc_id == "transfer_policy")
        .unwrap();
    assert_eq!(kept.document["record"]["thresholds"]["sleeping_days"], 90);
    // The same refused version is not sent again; the server and the others keep the old rule.
    let again = anna.sync();
    assert_eq!((again.pushed, again.refused.len()), (0, 0), "{again:?}");
    director.sync();
    assert_ne!(director.ws.transfer_policy.thresholds.sleeping_days, 90);
    assert_eq!(client_of(&director, "c-boris").name, "АО «Лютик»");
    // The director may change the rule.
    let mut policy = director.ws.transfer_policy.clone();
    policy.thresholds.sleeping_days = 120;
    director.ws.set_transfer_policy(policy, at(50)).unwrap();
    let report = director.sync();
    assert_eq!((report.pushed, report.refused.len()), (1, 0), "{report:?}");
    anna.sync();
    assert_eq!(anna.ws.transfer_policy.thresholds.sleeping_days, 120);
}

#[test]
#[ignore = "needs pouchdb-server: scripts/test.sh runs it with --ignored"]
fn the_owner_hands_a_client_to_a_farmer_and_then_cannot_edit_it() {
    let (server, mut director) = started();
    let mut anna = Device::login(&server, "anna");
    anna.sync();
    // What «Передать фермеру» writes: a transfer-log record and the client's new owner.
    let rule = anna.ws.transfer_policy.rule.clone();
    anna.ws.transfers.push(TransferRecord {
        id: Id::from_raw("t-1"),
        client_id: Id::from_raw("c-anna"),
        from_member_id: Id::from_raw("m-anna"),
        to_member_id: Id::from_raw("m-fedor"),
        by_member_id: Id::from_raw("m-anna"),
        date: at(60).date_naive(),
        rule,
        outcomes: Vec::new(),
        created_at: at(60),
        restored_at: None,
    });
    edit_client(&mut anna, "c-anna", 60, |c| {
        c.owner_id = Id::from_raw("m-fedor")
    });
    let report = anna.sync();
    assert_eq!((report.pushed, report.refused.len()), (2, 0), "{report:?}");
    let doc = anna.get("clients:c-anna");
    assert_eq!(
        (doc["owner"].as_str(), doc["handover"].as_str()),
        (Some("m-fedor"), Some("t-1"))
    );

    let mut fedor = Device::login(&server, "fedor");
    fedor.sync();
    assert_eq!(client_of(&fedor, "c-anna").owner_id.as_str(), "m-fedor");
    assert_eq!(fedor.ws.transfers.len(), 1);
    director.sync();
    assert_eq!(client_of(&director, "c-anna").owner_id.as_str(), "m-fedor");
    // The client is fedor's now: anna's later edit is refused, fedor's goes through.
    edit_client(&mut anna, "c-anna", 70, |c| c.notes = "ещё моё?".into());
    let refused = anna.sync();
    assert_eq!(refused.refused.len(), 1, "{refused:?}");
    edit_client(&mut fedor, "c-anna", 71, |c| {
        c.notes = "веду с декабря".into()
    });
    assert_eq!(fedor.sync().pushed, 1);
}
