//! How records of a file are recognised again: names compared the way people write them, and an
//! imported order's id derived from its source document, so re-importing the same document
//! finds the same order (and an edited document updates it) instead of adding it twice.

use super::rows::LineFields;
use crate::domain::ids::Id;

/// The prefix of the ids of imported orders.
pub const ORDER_ID_PREFIX: &str = "imp-";

/// A name as compared: lower case, «ё» as «е», quotes of every kind dropped, spaces collapsed,
/// so «ООО "Вектор"» and «ООО  «Вектор»» are the same company.
pub fn name_key(name: &str) -> String {
    let lower = name.to_lowercase().replace('ё', "е");
    let unquoted: String = lower
        .chars()
        .filter(|c| !matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '`'))
        .collect();
    unquoted.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The id of the order a document becomes: from its number, its date and its client (the ИНН
/// when known, else the client's name), so the same document in the next month's file, or in a
/// colleague's import of the same file, is the same order. `client_inn` is the ИНН of the
/// client the line was matched to, for a file that has no ИНН column.
pub fn order_id(line: &LineFields, client_inn: Option<&str>) -> Id {
    let client = match line.client.inn.as_deref().or(client_inn) {
        Some(inn) => format!("inn:{inn}"),
        None => format!("name:{}", name_key(&line.client.name)),
    };
    let source = format!(
        "{}|{}|{}",
        name_key(&line.document),
        line.date.format("%Y-%m-%d"),
        client
    );
    Id::from_raw(format!(
        "{ORDER_ID_PREFIX}{:016x}",
        fnv1a(source.as_bytes())
    ))
}

/// FNV-1a, 64 bits: stable across builds and machines (unlike the standard library's hasher),
/// which an id that must come out the same next month needs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;
    use crate::import::rows::ClientFields;
    use chrono::NaiveDate;

    fn line(document: &str, day: u32, name: &str, inn: Option<&str>) -> LineFields {
        LineFields {
            client: ClientFields {
                name: name.into(),
                inn: inn.map(str::to_owned),
                ..Default::default()
            },
            date: NaiveDate::from_ymd_opt(2026, 1, day).unwrap(),
            document: document.into(),
            product: "Короб".into(),
            quantity: None,
            article: String::new(),
            group: String::new(),
            amount: Money::from_rubles(1),
        }
    }

    #[test]
    fn names_compare_as_people_write_them() {
        assert_eq!(name_key("ООО \"Вектор\""), name_key(" ооо  «ВЕКТОР» "));
        assert_eq!(name_key("Ёлка"), "елка");
    }

    #[test]
    fn the_same_document_is_the_same_order() {
        let a = order_id(&line("ТД-1", 15, "Вектор", Some("7707083893")), None);
        assert_eq!(
            a,
            order_id(&line("тд-1", 15, "ООО Вектор", Some("7707083893")), None)
        );
        assert_eq!(
            a,
            order_id(&line("ТД-1", 15, "Вектор", None), Some("7707083893"))
        );
        assert_ne!(
            a,
            order_id(&line("ТД-2", 15, "Вектор", Some("7707083893")), None)
        );
        assert_ne!(
            a,
            order_id(&line("ТД-1", 16, "Вектор", Some("7707083893")), None)
        );
        let by_name = order_id(&line("ТД-1", 15, "ИП Орлов", None), None);
        assert_eq!(
            by_name,
            order_id(&line("ТД-1", 15, "ип  орлов", None), None)
        );
        assert!(a.as_str().starts_with("imp-") && a.as_str().len() == 20);
        // Pinned: the id must never change between releases, or re-imports would duplicate.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
