//! The top bar's search: clients, deals and contacts by name, ИНН, phone or e-mail. Every hit
//! opens a client's card (a deal and a contact live on it).

use crate::domain::ids::Id;
use crate::domain::Workspace;

/// What a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HitKind {
    /// A client, by its name or ИНН.
    Client,
    /// A contact person, by name, phone or e-mail.
    Contact,
    /// A deal, by its title.
    Deal,
}

/// One suggestion.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SearchHit {
    /// What it is.
    pub kind: HitKind,
    /// The client whose card it opens.
    pub client_id: Id,
    /// The deal, for a deal hit.
    pub deal_id: Option<Id>,
    /// The main line: the client's, contact's or deal's name.
    pub title: String,
    /// The second line: ИНН, phone / e-mail, or the client of a contact or deal.
    pub detail: String,
}

/// The shortest query searched (one letter would list everything).
pub const MIN_QUERY: usize = 2;

/// The digits of `text`.
fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Up to `limit` hits for `query`: clients first, then contacts, then deals, each in the
/// workspace's order. Letters compare case-insensitively; a query that is mostly digits also
/// finds an ИНН or a phone by its digits («912 345» finds «+7 (912) 345-67-89»).
pub fn search(ws: &Workspace, query: &str, limit: usize) -> Vec<SearchHit> {
    let needle = query.trim().to_lowercase();
    if needle.chars().count() < MIN_QUERY || limit == 0 {
        return Vec::new();
    }
    let needle_digits = digits(&needle);
    let by_digits =
        needle_digits.len() >= MIN_QUERY && needle_digits.len() * 2 >= needle.chars().count();
    let has = |text: &str| !text.is_empty() && text.to_lowercase().contains(&needle);
    let has_digits = |text: &str| by_digits && digits(text).contains(&needle_digits);
    let mut hits = Vec::new();
    for c in &ws.clients {
        let inn = c.inn.as_deref().unwrap_or_default();
        if has(&c.name) || has_digits(inn) {
            hits.push(SearchHit {
                kind: HitKind::Client,
                client_id: c.id.clone(),
                deal_id: None,
                title: c.name.clone(),
                detail: inn.to_owned(),
            });
            if hits.len() == limit {
                return hits;
            }
        }
    }
    for c in &ws.clients {
        let p = &c.contact;
        if has(&p.name) || has(&p.email) || has_digits(&p.phone) {
            let reach = [p.phone.as_str(), p.email.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            hits.push(SearchHit {
                kind: HitKind::Contact,
                client_id: c.id.clone(),
                deal_id: None,
                title: if p.name.is_empty() {
                    c.name.clone()
                } else {
                    p.name.clone()
                },
                detail: [c.name.as_str(), reach.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
            });
            if hits.len() == limit {
                return hits;
            }
        }
    }
    for d in &ws.deals {
        if has(&d.title) {
            hits.push(SearchHit {
                kind: HitKind::Deal,
                client_id: d.client_id.clone(),
                deal_id: Some(d.id.clone()),
                title: d.title.clone(),
                detail: ws
                    .client(&d.client_id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
            });
            if hits.len() == limit {
                return hits;
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::fixtures::*;

    fn ws() -> Workspace {
        let mut ws = small_workspace();
        let c1 = ws
            .clients
            .iter_mut()
            .find(|c| c.id.as_str() == "c1")
            .unwrap();
        c1.inn = Some("7707083893".into());
        c1.contact.name = "Андрей Лебедев".into();
        c1.contact.phone = "+7 (912) 345-67-89".into();
        c1.contact.email = "lebedev@vektor.ru".into();
        ws.deals[0].title = "Поставка коробов".into();
        ws
    }

    fn kinds(hits: &[SearchHit]) -> Vec<(HitKind, &str)> {
        hits.iter()
            .map(|h| (h.kind, h.client_id.as_str()))
            .collect()
    }

    #[test]
    fn finds_clients_contacts_and_deals() {
        let ws = ws();
        let hits = search(&ws, "ВЕКТ", 10);
        assert_eq!(kinds(&hits), [(HitKind::Client, "c1")]);
        assert_eq!(
            kinds(&search(&ws, "VEKTOR.ru", 10)),
            [(HitKind::Contact, "c1")]
        );
        assert_eq!(hits[0].detail, "7707083893");
        assert_eq!(kinds(&search(&ws, "708389", 10)), [(HitKind::Client, "c1")]);
        let phone = search(&ws, "912 345", 10);
        assert_eq!(kinds(&phone), [(HitKind::Contact, "c1")]);
        assert_eq!(phone[0].title, "Андрей Лебедев");
        assert_eq!(
            phone[0].detail,
            "ООО «Вектор» · +7 (912) 345-67-89 · lebedev@vektor.ru"
        );
        let deal = search(&ws, "короб", 10);
        assert_eq!(kinds(&deal), [(HitKind::Deal, "c1")]);
        assert_eq!(deal[0].deal_id, Some(Id::from_raw("d1")));
        assert_eq!(deal[0].detail, "ООО «Вектор»");
    }

    #[test]
    fn short_queries_and_limits() {
        let ws = ws();
        assert!(search(&ws, "в", 10).is_empty());
        assert!(search(&ws, "  ", 10).is_empty());
        assert!(search(&ws, "нет такого", 10).is_empty());
        // «о» is in every name: the limit stops the list.
        assert_eq!(search(&ws, "ор", 1).len(), 1);
        assert!(search(&ws, "ор", 0).is_empty());
        // Digits inside a word are not a phone search.
        assert!(search(&ws, "abc12", 10).is_empty());
    }
}
