//! `serde`'s words about a field («invalid type: floating point `1.5`, expected i64») turned
//! into plain data ([`FieldProblem`]) with the value the file holds there, so that the person
//! reads «ожидалось целое число, а в файле число 1.5» in their language, not parser jargon.
//!
//! `serde` reports these problems only as text, in a few fixed shapes (`invalid type: …,
//! expected …`, `invalid value: …`, `missing field …`, `unknown variant …`); the tests pin each
//! shape, so a change in `serde`'s wording fails here rather than reaching people as English.

use super::error::{FieldProblem, FoundValue, ValueKind};
use serde_json::Value;

/// The problem `message` describes at `path` (empty or `.` for the top) in
/// `root`; the path returned is the one to show (for a missing field, the field's own path).
#[cfg(test)]
pub fn field_problem(message: &str, path: &str, root: &Value) -> (String, FieldProblem) {
    field_problem_under(message, path, root, "")
}

/// [`field_problem`] where `base` is the value at `base_path` of the document (one record read
/// on its own) and `path` lies under it.
pub fn field_problem_under(
    message: &str,
    path: &str,
    base: &Value,
    base_path: &str,
) -> (String, FieldProblem) {
    let path = if path == "." { "" } else { path };
    if let Some(field) = between(message, "missing field `", "`") {
        let full = if path.is_empty() {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        };
        return (full, FieldProblem::Missing(field.to_owned()));
    }
    let found = found_at(base, path.strip_prefix(base_path).unwrap_or(path));
    let expected = message
        .rsplit_once(", expected ")
        .map_or(ValueKind::Other, |(_, e)| kind_of(e));
    let problem = if message.starts_with("invalid type:") {
        FieldProblem::WrongKind { expected, found }
    } else if message.starts_with("unknown variant") {
        FieldProblem::NotAllowed {
            expected: ValueKind::Choice,
            found,
        }
    } else if message.starts_with("invalid value:") || message.starts_with("invalid length") {
        FieldProblem::NotAllowed { expected, found }
    } else if looks_like_a_date_error(message) {
        FieldProblem::NotAllowed {
            expected: ValueKind::Date,
            found,
        }
    } else {
        FieldProblem::NotAllowed {
            expected: ValueKind::Other,
            found,
        }
    };
    (path.to_owned(), problem)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(start)?;
    rest.split_once(end).map(|(inside, _)| inside)
}

/// What a visitor's «expected …» names, as a kind of value.
fn kind_of(expected: &str) -> ValueKind {
    let e = expected.trim_start_matches("a ").trim_start_matches("an ");
    match e {
        "i8" | "i16" | "i32" | "i64" | "i128" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize"
        | "isize" | "integer" => ValueKind::WholeNumber,
        "f32" | "f64" | "number" => ValueKind::Number,
        "string" | "char" | "borrowed string" => ValueKind::Text,
        "boolean" => ValueKind::YesNo,
        "map" => ValueKind::Record,
        _ if e.starts_with("struct ") => ValueKind::Record,
        _ if e.starts_with("sequence") || e.starts_with("tuple") || e.contains(" items") => {
            ValueKind::List
        }
        _ if e.starts_with("enum ") || e.starts_with("variant") || e.starts_with("one of ") => {
            ValueKind::Choice
        }
        _ if e.starts_with('`') => ValueKind::Choice,
        _ if e.contains("date") => ValueKind::Date,
        _ => ValueKind::Other,
    }
}

/// `chrono`'s parse errors, which name no expected type.
fn looks_like_a_date_error(message: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
    ]
    .iter()
    .any(|m| message.contains(m))
}

/// The value at `path` (`workspace.clients[3].name`), quoted short.
fn found_at(root: &Value, path: &str) -> FoundValue {
    let mut at = root;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indexes) = part.split_once('[').map_or((part, ""), |(k, i)| (k, i));
        if !key.is_empty() {
            match at.get(key) {
                Some(v) => at = v,
                None => return FoundValue::Unknown,
            }
        }
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            let Some(v) = index
                .trim_end_matches(']')
                .parse::<usize>()
                .ok()
                .and_then(|i| at.get(i))
            else {
                return FoundValue::Unknown;
            };
            at = v;
        }
    }
    FoundValue::of(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn root() -> Value {
        json!({"workspace": {"orders": [{"lines": [{"amount": 1.5}]}], "name": "x", "kind": "oops"}})
    }

    #[test]
    fn serde_shapes_become_plain_problems() {
        let (path, p) = field_problem(
            "invalid type: floating point `1.5`, expected i64",
            "workspace.orders[0].lines[0].amount",
            &root(),
        );
        assert_eq!(path, "workspace.orders[0].lines[0].amount");
        assert_eq!(
            p,
            FieldProblem::WrongKind {
                expected: ValueKind::WholeNumber,
                found: FoundValue::Number("1.5".into())
            }
        );
        let (path, p) = field_problem("missing field `workspace`", ".", &json!({}));
        assert_eq!(
            (path.as_str(), p),
            ("workspace", FieldProblem::Missing("workspace".into()))
        );
        let (_, p) = field_problem(
            "unknown variant `oops`, expected one of `lead`, `client`",
            "workspace.kind",
            &root(),
        );
        assert_eq!(
            p,
            FieldProblem::NotAllowed {
                expected: ValueKind::Choice,
                found: FoundValue::Text("oops".into())
            }
        );
        let (_, p) = field_problem(
            "invalid type: sequence, expected struct WorkspaceIn",
            "workspace",
            &json!({"workspace": []}),
        );
        assert_eq!(
            p,
            FieldProblem::WrongKind {
                expected: ValueKind::Record,
                found: FoundValue::List
            }
        );
        let (_, p) = field_problem(
            "input contains invalid characters",
            "workspace.name",
            &root(),
        );
        assert_eq!(
            p,
            FieldProblem::NotAllowed {
                expected: ValueKind::Date,
                found: FoundValue::Text("x".into())
            }
        );
    }
}
