//! Read-only views over the workspace: the client list with its filters and the pipeline board.

use crate::domain::client::{Client, ClientStatus};
use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::qualification::{Score, Verdict};
use crate::domain::stage::Stage;
use crate::domain::views::lookup::Lookup;
use crate::domain::workspace::Workspace;
use std::cmp::Ordering;

/// Whose records a view shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// The whole team's.
    #[default]
    Everyone,
    /// Only this member's.
    Mine(Id),
}

impl Scope {
    fn includes(&self, owner: &Id) -> bool {
        match self {
            Scope::Everyone => true,
            Scope::Mine(me) => me == owner,
        }
    }
}

/// The client list's search box and filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientFilter {
    /// Free text: name, ИНН, contact, phone, e-mail, notes.
    pub text: String,
    /// Only this status.
    pub status: Option<ClientStatus>,
    /// Only this owner.
    pub owner: Option<Id>,
    /// Only clients whose furthest deal is in this stage.
    pub stage: Option<Id>,
    /// Only clients whose furthest deal has this verdict (`Some(None)`: never assessed).
    pub verdict: Option<Option<Verdict>>,
}

/// How the client list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClientSort {
    /// Alphabetically by name, ignoring the legal form (ООО, АО, ИП …) and quotes.
    #[default]
    Name,
    /// Newest first.
    Newest,
    /// Most recently changed first.
    Updated,
    /// Highest qualification score first (of the client's furthest deal); unassessed last.
    Score,
}

/// The client's most advanced deal: the one that says how far the hunter has got. An open deal
/// comes before any closed one: a lost attempt does not say where the work stands now.
pub fn main_deal<'a>(ws: &'a Workspace, client_id: &Id) -> Option<&'a Deal> {
    ws.deals
        .iter()
        .filter(|d| &d.client_id == client_id)
        .max_by_key(|d| {
            (
                d.is_open(),
                ws.stage_index(&d.stage_id),
                std::cmp::Reverse(d.created_at),
            )
        })
}

/// The stage of the client's most advanced deal.
pub fn client_stage<'a>(ws: &'a Workspace, client_id: &Id) -> Option<&'a Stage> {
    main_deal(ws, client_id).and_then(|d| ws.stage(&d.stage_id))
}

/// The qualification score of the client's most advanced deal.
pub fn client_score(ws: &Workspace, client_id: &Id) -> Option<Score> {
    main_deal(ws, client_id).and_then(|d| ws.deal_score(&d.id))
}

/// The sort key of a company name: without its legal form and quotes, lower-case, «ё» as «е».
pub fn name_sort_key(name: &str) -> String {
    const FORMS: [&str; 7] = ["ооо", "оао", "зао", "пао", "ао", "ип", "нко"];
    let lower = name.to_lowercase().replace('ё', "е");
    let mut rest = lower.trim();
    for form in FORMS {
        if let Some(after) = rest.strip_prefix(form) {
            if after.starts_with([' ', '«', '"', '\'']) {
                rest = after;
                break;
            }
        }
    }
    rest.chars()
        .filter(|c| !matches!(c, '«' | '»' | '"' | '\'' | '„' | '“' | '”'))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The clients that pass `filter`, in `sort` order.
pub fn filter_clients<'a>(
    ws: &'a Workspace,
    filter: &ClientFilter,
    sort: ClientSort,
) -> Vec<&'a Client> {
    let needle = filter.text.trim().to_lowercase();
    let lookup = Lookup::new(ws);
    let mut found: Vec<&Client> = ws
        .clients
        .iter()
        .filter(|c| filter.status.is_none_or(|s| c.status == s))
        .filter(|c| filter.owner.as_ref().is_none_or(|o| &c.owner_id == o))
        .filter(|c| {
            filter
                .stage
                .as_ref()
                .is_none_or(|s| lookup.client_stage(&c.id).is_some_and(|cs| &cs.id == s))
        })
        .filter(|c| c.matches(&needle))
        .filter(|c| {
            filter
                .verdict
                .is_none_or(|v| lookup.client_score(&c.id).map(|s| s.verdict) == v)
        })
        .collect();
    match sort {
        ClientSort::Name => {
            let mut keyed: Vec<(String, &Client)> = found
                .into_iter()
                .map(|c| (name_sort_key(&c.name), c))
                .collect();
            crate::domain::sort::sort_by(&mut keyed, |a, b| {
                a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))
            });
            found = keyed.into_iter().map(|(_, c)| c).collect();
        }
        ClientSort::Newest => crate::domain::sort::sort_by(&mut found, |a, b| {
            newest_first(a.created_at, b.created_at)
        }),
        ClientSort::Updated => crate::domain::sort::sort_by(&mut found, |a, b| {
            newest_first(a.updated_at, b.updated_at)
        }),
        ClientSort::Score => {
            let mut keyed: Vec<(Option<(u32, u32)>, &Client)> = found
                .into_iter()
                .map(|c| (lookup.client_score(&c.id).map(|s| (s.points, s.max)), c))
                .collect();
            crate::domain::sort::sort_by(&mut keyed, |a, b| {
                b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id))
            });
            found = keyed.into_iter().map(|(_, c)| c).collect();
        }
    }
    found
}

fn newest_first<T: Ord>(a: T, b: T) -> Ordering {
    b.cmp(&a)
}

/// One column of the pipeline board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardColumn<'a> {
    /// The stage.
    pub stage: &'a Stage,
    /// Its deals, oldest first.
    pub deals: Vec<&'a Deal>,
    /// The sum of the deals' amounts.
    pub total: Money,
}

/// The pipeline board: one column per stage with the deals in `scope`; closed deals (won or
/// lost) only when `closed` is set, in the stage they were closed in.
pub fn board<'a>(ws: &'a Workspace, scope: &Scope, closed: bool) -> Vec<BoardColumn<'a>> {
    ws.stages
        .iter()
        .map(|stage| {
            let deals: Vec<&Deal> = ws
                .deals
                .iter()
                .filter(|d| d.stage_id == stage.id && scope.includes(&d.owner_id))
                .filter(|d| closed || d.is_open())
                .collect();
            let total = deals.iter().map(|d| d.amount).sum();
            BoardColumn {
                stage,
                deals,
                total,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stage::StageKey;
    use crate::testkit::fixtures::*;

    #[test]
    fn a_clients_stage_is_its_furthest_deal() {
        let ws = small_workspace();
        let c1 = client_stage(&ws, &Id::from_raw("c1")).unwrap();
        assert_eq!(c1.key, Some(StageKey::Negotiation));
        assert!(client_stage(&ws, &Id::from_raw("c3")).is_none());
    }

    #[test]
    fn sort_ignores_legal_forms_and_quotes() {
        assert_eq!(name_sort_key("ООО «Вектор»"), "вектор");
        assert_eq!(name_sort_key("АО \"Ёлка\""), "елка");
        assert_eq!(name_sort_key("Аостровский завод"), "аостровский завод");
        let ws = small_workspace();
        let names: Vec<&str> = filter_clients(&ws, &ClientFilter::default(), ClientSort::Name)
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["ООО «Вектор»", "ИП Орлов", "АО «Северсталь-Сервис»"]
        );
    }

    #[test]
    fn filters_combine() {
        let mut ws = small_workspace();
        ws.clients[1].status = ClientStatus::Prospect;
        ws.clients[1].contact.phone = "+7 (912) 345-67-89".into();
        let by = |f: ClientFilter| -> Vec<String> {
            filter_clients(&ws, &f, ClientSort::Name)
                .iter()
                .map(|c| c.id.to_string())
                .collect()
        };
        assert_eq!(
            by(ClientFilter {
                text: "вект".into(),
                ..Default::default()
            }),
            ["c1"]
        );
        assert_eq!(
            by(ClientFilter {
                text: "912 345".into(),
                ..Default::default()
            }),
            ["c2"]
        );
        assert_eq!(
            by(ClientFilter {
                status: Some(ClientStatus::Prospect),
                ..Default::default()
            }),
            ["c2"]
        );
        assert_eq!(
            by(ClientFilter {
                owner: Some(Id::from_raw("ivan")),
                ..Default::default()
            }),
            ["c1", "c3"]
        );
        assert_eq!(
            by(ClientFilter {
                owner: Some(Id::from_raw("ivan")),
                stage: Some(StageKey::Negotiation.default_id()),
                ..Default::default()
            }),
            ["c1"]
        );
        assert!(by(ClientFilter {
            text: "нет такого".into(),
            ..Default::default()
        })
        .is_empty());
    }

    #[test]
    fn verdict_filter_and_score_order() {
        let mut ws = small_workspace();
        let rate = |id: &str, deal: &str, level: u8| assessment(id, deal, [level; 4], 0);
        // c1's furthest deal is d3 (Переговоры); d1 (Лид) does not count for the list.
        ws.add_assessment(rate("a1", "d1", 4)).unwrap();
        ws.add_assessment(rate("a3", "d3", 1)).unwrap();
        ws.add_assessment(rate("a2", "d2", 3)).unwrap();
        assert_eq!(client_score(&ws, &Id::from_raw("c1")).unwrap().points, 4);
        let ids = |f: ClientFilter, s: ClientSort| -> Vec<String> {
            filter_clients(&ws, &f, s)
                .iter()
                .map(|c| c.id.to_string())
                .collect()
        };
        assert_eq!(
            ids(ClientFilter::default(), ClientSort::Score),
            ["c2", "c1", "c3"]
        );
        let only = |v| ClientFilter {
            verdict: Some(v),
            ..Default::default()
        };
        assert_eq!(
            ids(only(Some(Verdict::Qualified)), ClientSort::Name),
            ["c2"]
        );
        assert_eq!(
            ids(only(Some(Verdict::Unqualified)), ClientSort::Name),
            ["c1"]
        );
        assert_eq!(ids(only(None), ClientSort::Name), ["c3"]);
    }

    #[test]
    fn newest_and_updated_orders() {
        let mut ws = small_workspace();
        ws.clients[0].created_at = later(10);
        ws.clients[2].updated_at = later(20);
        let ids = |s| -> Vec<String> {
            filter_clients(&ws, &ClientFilter::default(), s)
                .iter()
                .map(|c| c.id.to_string())
                .collect()
        };
        assert_eq!(ids(ClientSort::Newest)[0], "c1");
        assert_eq!(ids(ClientSort::Updated)[0], "c3");
    }

    #[test]
    fn board_columns_follow_the_pipeline_and_scope() {
        let ws = small_workspace();
        let all = board(&ws, &Scope::Everyone, false);
        assert_eq!(all.len(), 7);
        let counts: Vec<usize> = all.iter().map(|c| c.deals.len()).collect();
        assert_eq!(counts, [1, 0, 0, 1, 1, 0, 0]);
        assert_eq!(all[3].total, Money::from_rubles(250_000));

        let mine = board(&ws, &Scope::Mine(Id::from_raw("ivan")), false);
        let counts: Vec<usize> = mine.iter().map(|c| c.deals.len()).collect();
        assert_eq!(counts, [1, 0, 0, 0, 1, 0, 0]);
    }
}
