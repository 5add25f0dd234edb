//! A [`VietQr`] from JSON as people write it: the keys `vietref qr decode` prints, plus three
//! conveniences (`vietref qr encode` and the C ABI's `vietref_vietqr_from_json` share them).

use super::{banks, VietQr};
use serde_json::Value;

/// Reads a [`VietQr`] from a JSON object with the keys of its serde form (what
/// `vietref qr decode` prints), accepting three conveniences:
/// - `bank` (a name or code looked up in [`banks::lookup`]) in place of `bankBin`;
/// - `amount` as a JSON number as well as a string of digits;
/// - `initiation` left out: `dynamic` when there is an amount, `static` otherwise.
///
/// The values are not validated here ([`super::encode`] checks every field). The error
/// names what is wrong: not an object, an unknown bank, a missing key or a wrong type.
///
/// ```
/// use vietref::vietqr::{encode, from_json};
/// let qr = from_json(r#"{"bank":"ACB","accountNumber":"224528479","amount":10000}"#).unwrap();
/// assert_eq!(qr.bank_bin, "970416");
/// assert!(encode(&qr).unwrap().starts_with("00020101021238"));
/// ```
pub fn from_json(json: &str) -> Result<VietQr<'static>, String> {
    let value: Value = crate::json::value_from_str(json).map_err(|e| e.to_string())?;
    from_json_value(value)
}

/// [`from_json`] for an already parsed JSON value.
pub fn from_json_value(mut v: Value) -> Result<VietQr<'static>, String> {
    let Some(obj) = v.as_object_mut() else {
        return Err("expected a JSON object".into());
    };
    if !obj.contains_key("bankBin") {
        if let Some(name) = obj.get("bank").and_then(Value::as_str) {
            let bank = banks::lookup(name).ok_or_else(|| format!("unknown bank {name:?}"))?;
            obj.insert("bankBin".into(), Value::String(bank.bin.into()));
        }
    }
    obj.remove("bank");
    if let Some(Value::Number(n)) = obj.get("amount") {
        let s = n.to_string();
        obj.insert("amount".into(), Value::String(s));
    }
    if !obj.contains_key("initiation") {
        let dynamic = obj.get("amount").is_some_and(|a| !a.is_null());
        obj.insert(
            "initiation".into(),
            Value::String(if dynamic { "dynamic" } else { "static" }.into()),
        );
    }
    serde_json::from_value::<VietQr<'static>>(v).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vietqr::Initiation;

    #[test]
    fn conveniences() {
        let qr = from_json(r#"{"bankBin":"970403","accountNumber":"1"}"#).unwrap();
        assert_eq!(qr.initiation, Initiation::Static);
        assert_eq!(qr.currency, "704");
        let qr = from_json(r#"{"bank":"vietcombank","accountNumber":"1","amount":5}"#).unwrap();
        assert_eq!(qr.bank_bin, "970436");
        assert_eq!(qr.amount.as_deref(), Some("5"));
        assert_eq!(qr.initiation, Initiation::Dynamic);
        assert!(from_json(r#"{"bank":"no such bank","accountNumber":"1"}"#)
            .unwrap_err()
            .contains("unknown bank"));
        assert!(from_json("[1]").is_err());
        assert!(from_json(r#"{"accountNumber":"1"}"#).is_err());
        assert!(from_json("{").is_err());
    }
}
