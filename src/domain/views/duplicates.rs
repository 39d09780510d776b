//! Possible duplicates: an existing client that looks like the one being entered — the same ИНН,
//! or the same name and phone. It is a warning with a link, never a refusal: two branches of
//! one company can share a name, and an ИНН may have been typed into the wrong card.

use crate::domain::ids::Id;
use crate::domain::views::query::name_sort_key;
use crate::domain::workspace::Workspace;
use std::collections::{HashMap, HashSet};

/// Why an existing client looks like the one being entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchReason {
    /// The same ИНН (10 or 12 digits).
    Inn,
    /// The same name (legal form, quotes, case and «ё» ignored) and the same phone number.
    NameAndPhone,
}

/// An existing client that looks like the one being entered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateMatch {
    /// The existing client.
    pub client_id: Id,
    /// What matched.
    pub reason: MatchReason,
}

/// What is compared of a client: its name, ИНН and phone as typed or stored.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientKeys<'a> {
    /// Company name.
    pub name: &'a str,
    /// ИНН.
    pub inn: &'a str,
    /// Contact phone.
    pub phone: &'a str,
}

/// The ИНН's digits when it is complete (10 or 12 digits), so a half-typed number matches
/// nothing.
fn inn_key(inn: &str) -> Option<String> {
    let digits: String = inn.chars().filter(char::is_ascii_digit).collect();
    matches!(digits.len(), 10 | 12).then_some(digits)
}

/// A phone number's digits, Russian numbers in one spelling: «8 912 …», «+7 912 …» and «912 …»
/// are the same number. `None` for fewer than 10 digits.
fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        10 => Some(format!("7{digits}")),
        11 if digits.starts_with('8') => Some(format!("7{}", &digits[1..])),
        11.. => Some(digits),
        _ => None,
    }
}

/// The existing clients that look like `candidate`, an ИНН match first; `except` is the client
/// being edited (it does not match itself). Each client is listed once, by its strongest reason.
pub fn find_duplicates(
    ws: &Workspace,
    candidate: ClientKeys<'_>,
    except: Option<&Id>,
) -> Vec<DuplicateMatch> {
    let inn = inn_key(candidate.inn);
    let name = name_sort_key(candidate.name);
    let phone = phone_key(candidate.phone);
    let mut by_inn = Vec::new();
    let mut by_name = Vec::new();
    for c in ws.clients.iter().filter(|c| Some(&c.id) != except) {
        if inn.is_some() && c.inn.as_deref().and_then(inn_key) == inn {
            by_inn.push(DuplicateMatch {
                client_id: c.id.clone(),
                reason: MatchReason::Inn,
            });
        } else if !name.is_empty()
            && phone.is_some()
            && phone_key(&c.contact.phone) == phone
            && name_sort_key(&c.name) == name
        {
            by_name.push(DuplicateMatch {
                client_id: c.id.clone(),
                reason: MatchReason::NameAndPhone,
            });
        }
    }
    by_inn.extend(by_name);
    by_inn
}

/// The clients of `incoming` (an imported file) that are not in `ws` under their own id but
/// look like one of its clients: `(the file's client, the match in ws)`, in the file's order.
/// Builds one lookup of `ws` rather than scanning it per client: a director's merge compares
/// thousands of clients with thousands.
pub fn duplicates_between(ws: &Workspace, incoming: &Workspace) -> Vec<(Id, DuplicateMatch)> {
    let mut by_inn: HashMap<String, &Id> = HashMap::new();
    let mut by_name: HashMap<(String, String), &Id> = HashMap::new();
    for c in &ws.clients {
        if let Some(inn) = c.inn.as_deref().and_then(inn_key) {
            by_inn.entry(inn).or_insert(&c.id);
        }
        if let Some(phone) = phone_key(&c.contact.phone) {
            by_name
                .entry((name_sort_key(&c.name), phone))
                .or_insert(&c.id);
        }
    }
    let held: HashSet<&Id> = ws.clients.iter().map(|c| &c.id).collect();
    let mut pairs = Vec::new();
    for c in incoming.clients.iter().filter(|c| !held.contains(&c.id)) {
        let inn = c.inn.as_deref().and_then(inn_key);
        let found = match inn.as_ref().and_then(|i| by_inn.get(i)) {
            Some(id) => Some((*id, MatchReason::Inn)),
            None => phone_key(&c.contact.phone)
                .map(|phone| (name_sort_key(&c.name), phone))
                .filter(|(name, _)| !name.is_empty())
                .and_then(|key| by_name.get(&key))
                .map(|id| (*id, MatchReason::NameAndPhone)),
        };
        if let Some((id, reason)) = found {
            pairs.push((
                c.id.clone(),
                DuplicateMatch {
                    client_id: id.clone(),
                    reason,
                },
            ));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::fixtures::{client, small_workspace};

    fn ws() -> Workspace {
        let mut ws = small_workspace();
        let mut a = client("dup-a", "ООО «Вектор»", "ivan");
        a.inn = Some("7707083893".into());
        a.contact.phone = "+7 (912) 345-67-89".into();
        ws.clients.push(a);
        let mut b = client("dup-b", "АО Север", "ivan");
        b.contact.phone = "8 912 000 11 22".into();
        ws.clients.push(b);
        ws
    }

    fn keys<'a>(name: &'a str, inn: &'a str, phone: &'a str) -> ClientKeys<'a> {
        ClientKeys { name, inn, phone }
    }

    fn found(ws: &Workspace, k: ClientKeys<'_>, except: Option<&Id>) -> Vec<(String, MatchReason)> {
        find_duplicates(ws, k, except)
            .into_iter()
            .map(|m| (m.client_id.to_string(), m.reason))
            .collect()
    }

    #[test]
    fn the_same_inn_matches_whatever_the_name() {
        let ws = ws();
        assert_eq!(
            found(&ws, keys("Совсем другое", " 7707 083 893 ", ""), None),
            [("dup-a".to_owned(), MatchReason::Inn)]
        );
        // A half-typed ИНН matches nothing yet; nor does another one.
        assert!(found(&ws, keys("", "770708", ""), None).is_empty());
        assert!(found(&ws, keys("", "7707083894", ""), None).is_empty());
        // The client being edited does not match itself.
        assert!(found(
            &ws,
            keys("", "7707083893", ""),
            Some(&Id::from_raw("dup-a"))
        )
        .is_empty());
    }

    #[test]
    fn the_same_name_and_phone_match_in_any_spelling() {
        let ws = ws();
        // Legal form, quotes and case ignored; «8 912…», «+7 912…» and «912…» are one number.
        assert_eq!(
            found(&ws, keys("вектор", "", "89123456789"), None),
            [("dup-a".to_owned(), MatchReason::NameAndPhone)]
        );
        assert_eq!(
            found(&ws, keys("Север", "", "(912) 000-11-22"), None),
            [("dup-b".to_owned(), MatchReason::NameAndPhone)]
        );
        // The name alone, or the phone alone, is not enough.
        assert!(found(&ws, keys("ООО «Вектор»", "", ""), None).is_empty());
        assert!(found(&ws, keys("ООО «Ромашка»", "", "+7 912 345-67-89"), None).is_empty());
        // An ИНН match is listed once even when name and phone match too.
        assert_eq!(
            found(&ws, keys("Вектор", "7707083893", "+79123456789"), None),
            [("dup-a".to_owned(), MatchReason::Inn)]
        );
    }

    #[test]
    fn an_imported_file_is_checked_against_my_clients() {
        let mine = ws();
        let mut theirs = Workspace::default();
        let mut same_inn = client("their-1", "Вектор (филиал)", "anna");
        same_inn.inn = Some("7707083893".into());
        theirs.clients.push(same_inn);
        // The same record (same id) is an update, not a duplicate.
        theirs
            .clients
            .push(mine.client(&Id::from_raw("dup-b")).unwrap().clone());
        theirs
            .clients
            .push(client("their-2", "ООО «Новый»", "anna"));
        let mut same_name_phone = client("their-3", "АО «Север»", "anna");
        same_name_phone.contact.phone = "+7 912 000-11-22".into();
        theirs.clients.push(same_name_phone);
        let pairs = duplicates_between(&mine, &theirs);
        assert_eq!(
            pairs,
            [
                (
                    Id::from_raw("their-1"),
                    DuplicateMatch {
                        client_id: Id::from_raw("dup-a"),
                        reason: MatchReason::Inn
                    }
                ),
                (
                    Id::from_raw("their-3"),
                    DuplicateMatch {
                        client_id: Id::from_raw("dup-b"),
                        reason: MatchReason::NameAndPhone
                    }
                )
            ]
        );
        // The lookup agrees with asking client by client.
        for (theirs_id, m) in &pairs {
            let c = theirs.client(theirs_id).unwrap();
            let keys = ClientKeys {
                name: &c.name,
                inn: c.inn.as_deref().unwrap_or(""),
                phone: &c.contact.phone,
            };
            assert_eq!(find_duplicates(&mine, keys, None)[0], *m);
        }
    }
}
