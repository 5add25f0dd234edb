//! Reading JSON input with duplicate keys refused.
//!
//! `serde_json` keeps the last of two equal keys in an object (`{"payerName":"An",
//! "payerName":"Evil"}` reads as `Evil`), and derived structs refuse a repeated field only
//! when it is one they know. Where a person may have read the first value and a program
//! the last, the input means two things: every place vietref reads JSON (messages, VietQR
//! JSON, statements; the C ABI and the CLI too) goes through this module, which refuses a
//! repeated key at any depth and names it: `duplicate key "payerName" at line 1 column 43`.
//!
//! ```
//! let e = vietref::json::from_str::<vietref::MessageDraft>(
//!     r#"{"payerName":"Nguyễn Văn An","payerName":"Evil"}"#,
//! )
//! .unwrap_err();
//! assert!(e.to_string().starts_with("duplicate key \"payerName\""));
//! ```

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

/// A JSON value read with duplicate keys refused (at any depth).
#[derive(Debug, Clone, PartialEq)]
pub struct UniqueValue(pub Value);

impl<'de> Deserialize<'de> for UniqueValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<UniqueValue, D::Error> {
        d.deserialize_any(UniqueVisitor).map(UniqueValue)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        UniqueValue::deserialize(d).map(|u| u.0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(UniqueValue(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
            }
            let UniqueValue(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Walks a JSON value without building it, failing on a repeated key (keys without
/// escapes are borrowed from the input: nothing is allocated for them).
struct CheckKeys;

/// A key as written: borrowed when it has no escape.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for CheckKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CheckKeys, D::Error> {
        d.deserialize_any(CheckKeysVisitor)
    }
}

struct CheckKeysVisitor;

impl<'de> Visitor<'de> for CheckKeysVisitor {
    type Value = CheckKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<CheckKeys, E> {
        Ok(CheckKeys)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<CheckKeys, E> {
        Ok(CheckKeys)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<CheckKeys, E> {
        Ok(CheckKeys)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<CheckKeys, E> {
        Ok(CheckKeys)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<CheckKeys, E> {
        Ok(CheckKeys)
    }
    fn visit_unit<E: de::Error>(self) -> Result<CheckKeys, E> {
        Ok(CheckKeys)
    }
    fn visit_none<E: de::Error>(self) -> Result<CheckKeys, E> {
        Ok(CheckKeys)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<CheckKeys, D::Error> {
        CheckKeys::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<CheckKeys, A::Error> {
        while seq.next_element::<CheckKeys>()?.is_some() {}
        Ok(CheckKeys)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CheckKeys, A::Error> {
        // Objects have few keys: a list is faster than a set.
        let mut seen: Vec<std::borrow::Cow<'de, str>> = Vec::new();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
            }
            map.next_value::<CheckKeys>()?;
            seen.push(key);
        }
        Ok(CheckKeys)
    }
}

/// Checks that no object in `s` repeats a key (at any depth), without building anything.
/// A syntax error is reported too.
pub fn check_unique_keys(s: &str) -> Result<(), serde_json::Error> {
    serde_json::from_str::<CheckKeys>(s).map(|_| ())
}

/// Parses `s` as a JSON value, refusing duplicate keys.
pub fn value_from_str(s: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str::<UniqueValue>(s).map(|u| u.0)
}

/// Parses `b` as a JSON value, refusing duplicate keys.
pub fn value_from_slice(b: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice::<UniqueValue>(b).map(|u| u.0)
}

/// Parses `s` as a `T`, refusing duplicate keys: [`check_unique_keys`], then `T`'s own
/// parse (whose errors keep their line and column).
pub fn from_str<T: DeserializeOwned>(s: &str) -> Result<T, serde_json::Error> {
    check_unique_keys(s)?;
    serde_json::from_str(s)
}

/// Parses `b` as a `T`, refusing duplicate keys (bytes that are not UTF-8 are a JSON error).
pub fn from_slice<T: DeserializeOwned>(b: &[u8]) -> Result<T, serde_json::Error> {
    serde_json::from_slice::<CheckKeys>(b)?;
    serde_json::from_slice(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_refused_at_any_depth_and_named() {
        for (json, key) in [
            (r#"{"a":1,"a":2}"#, "a"),
            (r#"{"a":{"b":1,"c":[{"d":1,"d":1}]}}"#, "d"),
            (r#"[{"x":null},{"y":1,"y":null}]"#, "y"),
        ] {
            let e = value_from_str(json).unwrap_err();
            assert!(
                e.to_string()
                    .starts_with(&format!("duplicate key \"{key}\" at line 1")),
                "{json}: {e}"
            );
        }
        let v = value_from_str(r#"{"a":[1,-2,2.5,"x",true,null],"b":{"a":1}}"#).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"a":[1,-2,2.5,"x",true,null],"b":{"a":1}})
        );
        assert!(value_from_str("{").is_err());
        // The check without building gives the same answers.
        for json in [
            r#"{"a":1,"a":2}"#,
            r#"{"a":{"b":1,"c":[{"d":1,"d":1}]}}"#,
            r#"{"\u0061":1,"a":2}"#,
        ] {
            assert_eq!(
                check_unique_keys(json).unwrap_err().to_string(),
                value_from_str(json).unwrap_err().to_string()
            );
        }
        assert!(check_unique_keys(r#"{"a":1,"b":{"a":1},"c":[{"a":1},{"a":2}]}"#).is_ok());
    }
}
