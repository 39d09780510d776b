//! JSON text to a [`Value`], refusing what `serde_json` would quietly accept: a key given twice
//! in one object. With the last value winning, a second `"workspace"` key would make a file read
//! as empty and `"format": "other.app", "format": "salesdesk.workspace"` would pass, so a
//! duplicate is refused with the path of the object that holds it.

use super::path::Crumb;
use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;

/// Why the text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StrictJsonError {
    /// Not JSON: where the parser stopped, with its words (for support, not for people).
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// A key given twice in one object.
    DuplicateKey {
        /// The object's path (`workspace.clients[2]`; empty for the top level).
        path: String,
        /// The key.
        key: String,
    },
}

/// Parses `text`, refusing duplicate keys anywhere.
pub fn parse(text: &str) -> Result<Value, StrictJsonError> {
    parse_under(text, &Crumb::Root)
}

/// Parses `text` as the value found at `at` in a larger document (one record of a long list,
/// read on its own by [`super::steps`]): a duplicate key is named by its path in that document.
/// Line and column are the text's own.
pub(super) fn parse_under(text: &str, at: &Crumb<'_>) -> Result<Value, StrictJsonError> {
    let found = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = ValueSeed {
        at,
        duplicate: &found,
    }
    .deserialize(&mut de)
    .and_then(|value| de.end().map(|()| value));
    match (parsed, found.into_inner()) {
        (Ok(value), _) => Ok(value),
        (Err(_), Some(duplicate)) => Err(duplicate),
        (Err(e), None) => {
            let full = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            Err(StrictJsonError::Syntax {
                line: e.line(),
                column: e.column(),
                message: full.strip_suffix(&suffix).unwrap_or(&full).to_owned(),
            })
        }
    }
}

struct ValueSeed<'a> {
    at: &'a Crumb<'a>,
    duplicate: &'a RefCell<Option<StrictJsonError>>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let at = Crumb::Index(self.at, items.len());
            let seed = ValueSeed {
                at: &at,
                duplicate: self.duplicate,
            };
            match seq.next_element_seed(seed)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = Crumb::Key(self.at, &key);
            let value = map.next_value_seed(ValueSeed {
                at: &at,
                duplicate: self.duplicate,
            })?;
            if object.contains_key(&key) {
                *self.duplicate.borrow_mut() = Some(StrictJsonError::DuplicateKey {
                    path: self.at.path(),
                    key,
                });
                return Err(A::Error::custom("duplicate key"));
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": [1, -2, 3.5, "x", null, true, {"b": {}}], "c": "д"}"#;
        assert_eq!(
            parse(text),
            Ok(serde_json::from_str::<Value>(text).unwrap())
        );
    }

    #[test]
    fn a_duplicate_key_is_refused_with_its_path() {
        let e = parse(r#"{"format": "other.app", "format": "salesdesk.workspace"}"#);
        assert_eq!(
            e,
            Err(StrictJsonError::DuplicateKey {
                path: String::new(),
                key: "format".into()
            })
        );
        let e = parse(
            r#"{"workspace": {"clients": [{"id": "a"}, {"id": "b", "name": 1, "name": 2}]}}"#,
        );
        assert_eq!(
            e,
            Err(StrictJsonError::DuplicateKey {
                path: "workspace.clients[1]".into(),
                key: "name".into()
            })
        );
    }

    #[test]
    fn syntax_errors_keep_line_and_column() {
        let text = "{\n  \"a\": tru\n}";
        let Err(StrictJsonError::Syntax { line, column, .. }) = parse(text) else {
            panic!("a syntax error");
        };
        let theirs = serde_json::from_str::<Value>(text).unwrap_err();
        assert_eq!((line, column), (theirs.line(), theirs.column()));
        assert_eq!(line, 3);
        assert!(matches!(parse("{} x"), Err(StrictJsonError::Syntax { .. })));
    }
}
