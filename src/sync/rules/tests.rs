//! `judge` on the table of cases the server's validation function is tested on
//! (`tests/sync/write_cases.json`, run against the JavaScript by
//! `tests/sync/write_cases.test.mjs`).

use super::*;
use serde_json::Value;

/// The server's sentence for a refusal of a write of `kind`.
fn server_words(denied: Denied, kind: &str) -> &'static str {
    match denied {
        Denied::NoAccess => "нет доступа к данным команды",
        Denied::NotLinked => "пользователь не связан с сотрудником команды",
        Denied::NotOwner => "изменить запись может только её владелец или директор",
        Denied::NewNotOwn => "новую запись можно завести только на себя",
        Denied::OwnerChange => {
            "сменить владельца может только директор (или владелец — передав клиента фермеру)"
        }
        Denied::RemoveNotOwner => "удалить запись может только её владелец или директор",
        Denied::AppendOnly if kind == "transfers" => "журнал передач не исправляют и не удаляют",
        Denied::AppendOnly => "историю этапов не исправляют и не удаляют",
        Denied::DirectorOnly => match kind {
            "scoring_model" => "только директор меняет модель квалификации",
            "transfer_policy" => "только директор меняет правило передачи и пороги статусов",
            "stages" => "только директор меняет этапы воронки",
            "pipeline_settings" => "только директор меняет настройки воронки",
            "products" | "product_groups" => "только директор меняет каталог",
            "members" => "только директор меняет состав команды",
            _ => "эту запись меняет только директор",
        },
    }
}

fn owner(doc: &Value) -> Option<&str> {
    doc["owner"].as_str()
}

#[test]
fn the_rules_decide_the_shared_table_as_the_validation_function() {
    let table: Value =
        serde_json::from_str(include_str!("../../../tests/sync/write_cases.json")).unwrap();
    let team = &table["team"];
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() > 50);
    for case in cases {
        let kind = case["kind"].as_str().unwrap();
        let (old, new) = (&case["old"], &case["new"]);
        let (owner, change) = if old.is_null() {
            (owner(new), Change::Create)
        } else if new.is_null() {
            (owner(old), Change::Delete)
        } else if owner(old) != owner(new) {
            let to = owner(new).unwrap_or_default();
            let change = Change::HandOver {
                to_farmer: team[to] == "farmer",
                logged: new["handover"].is_string(),
            };
            (owner(old), change)
        } else {
            (owner(old), Change::Edit)
        };
        let role = case["role"].as_str().and_then(role_named);
        let got = judge(
            case["member"].as_str(),
            role,
            RecordRef { kind, owner },
            change,
        )
        .err()
        .map(|d| server_words(d, kind));
        assert_eq!(got, case["refused"].as_str(), "{}", case["name"]);
    }
}

#[test]
fn may_write_is_an_edit_of_an_existing_record() {
    let anna = Some("m-anna");
    let client = RecordRef {
        kind: "clients",
        owner: Some("m-boris"),
    };
    assert_eq!(
        may_write(anna, Some(Role::Hunter), client),
        Err(Denied::NotOwner)
    );
    assert_eq!(may_write(anna, Some(Role::Director), client), Ok(()));
    let mine = RecordRef {
        owner: anna,
        ..client
    };
    assert_eq!(may_write(anna, Some(Role::Hunter), mine), Ok(()));
    let rule = RecordRef {
        kind: "transfer_policy",
        owner: None,
    };
    assert_eq!(
        may_write(anna, Some(Role::Farmer), rule),
        Err(Denied::DirectorOnly)
    );
    assert_eq!(role_named("farmer"), Some(Role::Farmer));
    assert_eq!(role_named("_admin"), None);
}

#[test]
fn a_deal_is_judged_by_its_own_owner_whoever_owns_its_client() {
    // Anna's client carries Boris's deal: the card is hers, the deal is not (and the other
    // way round), which is what the client card's deal editors ask.
    let (anna, boris) = (Some("m-anna"), Some("m-boris"));
    let deal_of = |owner| RecordRef {
        kind: "deals",
        owner,
    };
    assert_eq!(
        may_write(anna, Some(Role::Hunter), deal_of(boris)),
        Err(Denied::NotOwner)
    );
    assert_eq!(may_write(anna, Some(Role::Hunter), deal_of(anna)), Ok(()));
    assert_eq!(
        may_write(anna, Some(Role::Director), deal_of(boris)),
        Ok(())
    );
    // A deal added on Boris's client is written on Boris: refused to Anna as a new record.
    assert_eq!(
        judge(anna, Some(Role::Hunter), deal_of(boris), Change::Create),
        Err(Denied::NewNotOwn)
    );
}

#[test]
fn only_a_director_merges_a_file_into_the_shared_workspace() {
    let anna = Some("m-anna");
    assert_eq!(may_import_file(anna, Some(Role::Director)), Ok(()));
    // A director not yet linked to a member is still a director to the server.
    assert_eq!(may_import_file(None, Some(Role::Director)), Ok(()));
    for role in [Role::Hunter, Role::Farmer] {
        assert_eq!(
            may_import_file(anna, Some(role)),
            Err(Denied::DirectorOnly),
            "{role:?}: a file carries the director's settings"
        );
    }
    assert_eq!(may_import_file(anna, None), Err(Denied::NoAccess));
    assert_eq!(
        may_import_file(None, Some(Role::Hunter)),
        Err(Denied::DirectorOnly)
    );
}
