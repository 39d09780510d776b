//! A mapping as words that can be kept (in the browser's preferences) and given back, so the
//! next file from the same source — the same headers — opens as the person set it up last time.

use super::columns::{Field, Mapping, Target};

/// Every field with its stored key. The keys never change: remembered mappings use them.
const KEYS: [(Field, &str); 16] = [
    (Field::ClientName, "client_name"),
    (Field::Inn, "inn"),
    (Field::Kpp, "kpp"),
    (Field::ContactName, "contact_name"),
    (Field::Phone, "phone"),
    (Field::Email, "email"),
    (Field::Owner, "owner"),
    (Field::Status, "status"),
    (Field::Notes, "notes"),
    (Field::Date, "date"),
    (Field::Document, "document"),
    (Field::Product, "product"),
    (Field::Article, "article"),
    (Field::Group, "group"),
    (Field::Quantity, "quantity"),
    (Field::Amount, "amount"),
];

/// What identifies a source: its headers, trimmed, in order.
pub fn signature(headers: &[String]) -> String {
    let trimmed: Vec<&str> = headers.iter().map(|h| h.trim()).collect();
    trimmed.join("\u{1f}")
}

/// The stored key of a target.
pub fn target_key(target: Target) -> &'static str {
    match target {
        Target::Clients => "clients",
        Target::Orders => "orders",
    }
}

/// A mapping's target and fields as keys (empty for a column left out).
pub fn to_keys(mapping: &Mapping) -> (String, Vec<String>) {
    let fields = mapping
        .columns
        .iter()
        .map(|field| {
            let key = field.and_then(|f| KEYS.iter().find(|(k, _)| *k == f));
            key.map_or(String::new(), |(_, key)| (*key).to_owned())
        })
        .collect();
    (target_key(mapping.target).to_owned(), fields)
}

/// The mapping kept as keys, for a file of `columns` columns; `None` when it no longer reads
/// (another column count, an unknown key or target).
pub fn from_keys(target: &str, fields: &[String], columns: usize) -> Option<Mapping> {
    let target = match target {
        "clients" => Target::Clients,
        "orders" => Target::Orders,
        _ => return None,
    };
    if fields.len() != columns {
        return None;
    }
    let columns = fields
        .iter()
        .map(|key| match key.as_str() {
            "" => Some(None),
            key => KEYS.iter().find(|(_, k)| *k == key).map(|(f, _)| Some(*f)),
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Mapping { target, columns })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_round_trips_through_its_keys() {
        let mapping = Mapping {
            target: Target::Orders,
            columns: vec![Some(Field::Date), None, Some(Field::Amount)],
        };
        let (target, fields) = to_keys(&mapping);
        assert_eq!((target.as_str(), fields[1].as_str()), ("orders", ""));
        assert_eq!(from_keys(&target, &fields, 3), Some(mapping));
        assert_eq!(from_keys(&target, &fields, 4), None);
        assert_eq!(from_keys("deals", &fields, 3), None);
        assert_eq!(from_keys("orders", &["price".into()], 1), None);
        for (field, _) in KEYS {
            let one = Mapping {
                target: Target::Clients,
                columns: vec![Some(field)],
            };
            let (t, f) = to_keys(&one);
            assert_eq!(from_keys(&t, &f, 1), Some(one));
        }
        assert_eq!(
            signature(&[" Дата ".into(), "ИНН".into()]),
            signature(&["Дата".into(), "ИНН".into()])
        );
    }
}
