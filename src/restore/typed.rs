//! A [`Value`] into typed records, strictly: a record (a Rust struct) is read only from a JSON
//! object. `serde_json`'s own `Value` deserializer also builds a struct from an array of its
//! fields in order, so `"workspace": []` would read as an empty workspace; here it is refused
//! like any other value of the wrong kind. Everything else behaves as `serde_json` does.
//!
//! The path of the first value that failed is noted on the way out of the error (the deepest
//! place it passed), so no path is built while reading goes well. Errors carry `serde_json`'s
//! words; `field_problem` turns them into plain data the translation layer can word.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::DeserializeOwned;
use serde::de::{
    self, DeserializeSeed, EnumAccess, Error as _, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Error, Value};
use std::cell::RefCell;

use super::path::Crumb;

/// Reads a `T` from `value`, records only from objects; on failure also the path of the value
/// that failed (empty for the top).
pub fn read<T: DeserializeOwned>(value: &Value) -> Result<T, (String, Error)> {
    let failed = RefCell::new(None);
    let strict = Strict {
        value,
        at: &Crumb::Root,
        failed: &failed,
    };
    T::deserialize(strict).map_err(|e| (failed.into_inner().unwrap_or_default(), e))
}

/// Reads a `T` from `value`, which sits at `at` in a larger document (one record of a long
/// list, read on its own by [`super::steps`]); a failure's path is the one [`read`] would give
/// over the whole document.
pub(super) fn read_under<T: DeserializeOwned>(
    value: &Value,
    at: &Crumb<'_>,
) -> Result<T, (String, Error)> {
    let failed = RefCell::new(None);
    read_at(std::marker::PhantomData::<T>, value, at, &failed)
        .map_err(|e| (failed.into_inner().unwrap_or_default(), e))
}

/// A value being read, where it sits, and where the first failure was noted.
struct Strict<'de, 'p> {
    value: &'de Value,
    at: &'p Crumb<'p>,
    failed: &'p RefCell<Option<String>>,
}

impl<'de, 'p> Strict<'de, 'p> {
    /// The same place holding `value` (for a newtype or an enum's content).
    fn with(&self, value: &'de Value) -> Strict<'de, 'p> {
        Strict {
            value,
            at: self.at,
            failed: self.failed,
        }
    }
}

/// Reads `value` at `at` with `seed`, noting `at` if this is where a failure first passes.
fn read_at<'de, T: DeserializeSeed<'de>>(
    seed: T,
    value: &'de Value,
    at: &Crumb<'_>,
    failed: &RefCell<Option<String>>,
) -> Result<T::Value, Error> {
    let result = seed.deserialize(Strict { value, at, failed });
    if result.is_err() && failed.borrow().is_none() {
        *failed.borrow_mut() = Some(at.path());
    }
    result
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> de::Deserializer<'de> for Strict<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => {
                let mut seq = Seq {
                    items: items.iter(),
                    next: 0,
                    at: self.at,
                    failed: self.failed,
                };
                let value = visitor.visit_seq(&mut seq)?;
                match seq.items.len() {
                    0 => Ok(value),
                    _ => Err(Error::invalid_length(items.len(), &"fewer items")),
                }
            }
            Value::Object(map) => visitor.visit_map(Fields {
                iter: map.iter(),
                current: None,
                at: self.at,
                failed: self.failed,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(_) => self.deserialize_any(visitor),
            other => Err(Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(map) if map.len() == 1 => {
                let (variant, value) = map.iter().next().expect("one entry");
                visitor.visit_enum(Variant {
                    variant,
                    content: self.with(value),
                })
            }
            other => Err(Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier
    }
}

struct Seq<'de, 'p> {
    items: std::slice::Iter<'de, Value>,
    next: usize,
    at: &'p Crumb<'p>,
    failed: &'p RefCell<Option<String>>,
}

impl<'de> SeqAccess<'de> for &mut Seq<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let at = Crumb::Index(self.at, self.next);
        self.next += 1;
        read_at(seed, value, &at, self.failed).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Fields<'de, 'p> {
    iter: serde_json::map::Iter<'de>,
    current: Option<(&'de str, &'de Value)>,
    at: &'p Crumb<'p>,
    failed: &'p RefCell<Option<String>>,
}

impl<'de> MapAccess<'de> for Fields<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.iter.next() {
            Some((key, value)) => {
                self.current = Some((key, value));
                seed.deserialize(BorrowedStrDeserializer::new(key))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.current.take() {
            Some((key, value)) => read_at(seed, value, &Crumb::Key(self.at, key), self.failed),
            None => Err(Error::custom("a value without a key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An enum written as `{"variant": content}`.
struct Variant<'de, 'p> {
    variant: &'de str,
    content: Strict<'de, 'p>,
}

impl<'de, 'p> EnumAccess<'de> for Variant<'de, 'p> {
    type Error = Error;
    type Variant = Strict<'de, 'p>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Strict<'de, 'p>), Error> {
        let variant = seed.deserialize(BorrowedStrDeserializer::<Error>::new(self.variant))?;
        Ok((variant, self.content))
    }
}

impl<'de> VariantAccess<'de> for Strict<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            Value::Null => Ok(()),
            other => Err(Error::invalid_type(unexpected(other), &"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Line {
        amount: i64,
        #[serde(default)]
        note: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Weighted(u8),
        Band { from: u8 },
    }

    fn read_text<T: DeserializeOwned>(v: &Value) -> Result<T, String> {
        read(v).map_err(|(_, e)| e.to_string())
    }

    #[test]
    fn reads_records_lists_options_and_enums_like_serde_json() {
        let v = json!([{"amount": 5}, {"amount": -7, "note": "д"}]);
        let ours: Vec<Line> = read_text(&v).unwrap();
        assert_eq!(ours, Vec::<Line>::deserialize(&v).unwrap());
        let kinds = json!(["plain", {"weighted": 3}, {"band": {"from": 2}}]);
        assert_eq!(
            read_text::<Vec<Kind>>(&kinds).unwrap(),
            vec![Kind::Plain, Kind::Weighted(3), Kind::Band { from: 2 }]
        );
        assert_eq!(read_text::<Option<u8>>(&json!(null)).unwrap(), None);
        assert_eq!(read_text::<(i64, i64)>(&json!([1, 2])).unwrap(), (1, 2));
    }

    #[test]
    fn a_record_is_read_only_from_an_object() {
        // serde_json's Value accepts this as a Line with amount 5.
        assert!(Line::deserialize(&json!([5])).is_ok());
        let e = read_text::<Line>(&json!([5])).unwrap_err();
        assert!(
            e.starts_with("invalid type: sequence, expected struct Line"),
            "{e}"
        );
        let e = read_text::<Kind>(&json!({"band": [2]})).unwrap_err();
        assert!(e.contains("invalid type: sequence"), "{e}");
    }

    #[test]
    fn wrong_kinds_say_what_was_found_and_expected() {
        let e = read_text::<Line>(&json!({"amount": 1.5})).unwrap_err();
        assert_eq!(e, "invalid type: floating point `1.5`, expected i64");
        let e = read_text::<Line>(&json!({})).unwrap_err();
        assert_eq!(e, "missing field `amount`");
        assert!(read_text::<(i64, i64)>(&json!([1, 2, 3])).is_err());
        assert!(read_text::<u8>(&json!(300)).is_err());
    }

    #[test]
    fn the_first_failure_is_named_by_its_path() {
        let v = json!({"lines": [{"amount": 1}, {"amount": "x"}]});
        #[derive(Debug, Deserialize)]
        struct Order {
            #[allow(dead_code)]
            lines: Vec<Line>,
        }
        let (path, _) = read::<Order>(&v).unwrap_err();
        assert_eq!(path, "lines[1].amount");
        let (path, e) = read::<Order>(&json!({"lines": [{}]})).unwrap_err();
        assert_eq!(
            (path.as_str(), e.to_string().as_str()),
            ("lines[0]", "missing field `amount`")
        );
        let (path, _) = read::<Order>(&json!([])).unwrap_err();
        assert_eq!(path, "");
        let (path, _) = read::<Vec<Kind>>(&json!(["plain", {"band": {"from": "x"}}])).unwrap_err();
        assert_eq!(path, "[1].from");
    }
}
