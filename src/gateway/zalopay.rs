//! ZaloPay API v2: the create-order body and the callback.
//!
//! Create: `mac` = HMAC-SHA256 under key1, in hexadecimal, of
//! `app_id|app_trans_id|app_user|amount|app_time|embed_data|item`. Callback: a JSON body
//! `{"data": "<JSON text>", "mac": "…", "type": 1}` whose `mac` is the HMAC-SHA256 under
//! key2 of the `data` text exactly as received.

use super::sign::{self, Algo};
use super::{
    bad_signature, check_reference, input_invalid, invalid, missing, no_signature, unknown,
    Callback, Merchant, Outcome, Parts, RequestOptions, SignedRequest,
};
use crate::finding::{Code, Finding};

/// The sandbox create endpoint.
pub const SANDBOX_URL: &str = "https://sb-openapi.zalopay.vn/v2/create";

pub(super) fn request(
    m: &Merchant,
    p: Parts,
    o: &RequestOptions,
) -> Result<SignedRequest, Vec<Finding>> {
    let s = &m.settings;
    let (y, mo, d, ..) = sign::vietnam_time(o.created_at_ms);
    let app_trans_id = format!("{:02}{mo:02}{d:02}_{}", y % 100, p.reference);
    let app_user = s.app_user.clone().unwrap_or_else(|| "vietref".into());
    let embed = match s.return_url.as_deref().filter(|u| !u.is_empty()) {
        Some(u) => serde_json::json!({ "redirecturl": u }).to_string(),
        None => "{}".to_string(),
    };
    let item = "[]".to_string();
    let amount = p.amount.to_string();
    let time = o.created_at_ms.to_string();
    let data = [
        s.merchant_code.as_str(),
        app_trans_id.as_str(),
        app_user.as_str(),
        amount.as_str(),
        time.as_str(),
        embed.as_str(),
        item.as_str(),
    ]
    .join("|");
    let mac = sign::sign(Algo::Sha256, &m.secret, &data);
    let app_id: u64 = s.merchant_code.parse().unwrap_or(0);
    let mut body = serde_json::json!({
        "app_id": app_id,
        "app_user": app_user,
        "app_trans_id": app_trans_id,
        "app_time": o.created_at_ms,
        "amount": p.amount,
        "item": item,
        "embed_data": embed,
        "description": p.order_info,
        "bank_code": "",
        "mac": mac,
    });
    if let Some(cb) = s.notify_url.as_deref().filter(|u| !u.is_empty()) {
        body["callback_url"] = cb.into();
    }
    let fields = vec![
        ("app_id".to_string(), s.merchant_code.clone()),
        ("app_trans_id".to_string(), app_trans_id.clone()),
        ("app_user".to_string(), app_user),
        ("amount".to_string(), amount),
        ("app_time".to_string(), time),
        ("embed_data".to_string(), embed),
        ("item".to_string(), item),
    ];
    Ok(SignedRequest {
        provider: m.provider,
        method: "POST",
        url: s.endpoint.clone().unwrap_or_else(|| SANDBOX_URL.into()),
        body: Some(body),
        fields,
        signed_data: data,
        signature: mac,
        reference: app_trans_id,
        order_info: p.order_info,
        included: p.included,
        omitted: p.omitted,
        clipped: p.clipped,
    })
}

/// The fields of a callback's `data` (all covered by the `mac`, as the whole text is).
pub(crate) const DATA_FIELDS: &[&str] = &[
    "app_id",
    "app_trans_id",
    "app_time",
    "app_user",
    "amount",
    "embed_data",
    "item",
    "zp_trans_id",
    "server_time",
    "channel",
    "merchant_user_id",
    "user_fee_amount",
    "discount_amount",
];

pub(super) fn verify(m: &Merchant, input: &str, f: &mut Vec<Finding>) -> Option<Callback> {
    let outer: serde_json::Map<String, serde_json::Value> =
        match crate::json::from_str(input.trim()) {
            Ok(v) => v,
            Err(e) => {
                f.push(input_invalid(
                    format!("not a JSON object: {e}"),
                    format!(
                        "không phải đối tượng JSON (dòng {}, cột {})",
                        e.line(),
                        e.column()
                    ),
                ));
                return None;
            }
        };
    for k in outer.keys() {
        if !matches!(k.as_str(), "data" | "mac" | "type") {
            f.push(unknown(k));
        }
    }
    let Some(mac) = outer.get("mac").and_then(|v| v.as_str()) else {
        f.push(no_signature("mac"));
        return None;
    };
    let Some(data) = outer.get("data").and_then(|v| v.as_str()) else {
        f.push(missing("data"));
        return None;
    };
    let key2 = m.secret2.as_ref()?;
    if !sign::verify(Algo::Sha256, key2, data, mac) {
        f.push(bad_signature("mac"));
        return None;
    }
    match outer.get("type") {
        None => {}
        Some(t) if t.as_i64() == Some(1) => {}
        Some(t) => {
            f.push(invalid(
                "type",
                format!("callback type {t} is not 1 (order)"),
                format!("loại lời gọi lại {t} không phải 1 (đơn hàng)"),
            ));
            return None;
        }
    }
    let d: serde_json::Map<String, serde_json::Value> = match crate::json::from_str(data) {
        Ok(v) => v,
        Err(e) => {
            f.push(invalid(
                "data",
                format!("not a JSON object: {e}"),
                format!(
                    "không phải đối tượng JSON (dòng {}, cột {})",
                    e.line(),
                    e.column()
                ),
            ));
            return None;
        }
    };
    let num = |k: &str, f: &mut Vec<Finding>| -> Option<u64> {
        match d.get(k) {
            None => {
                f.push(missing(k));
                None
            }
            Some(v) => {
                let n = v.as_u64();
                if n.is_none() {
                    f.push(invalid(k, "not a whole number", "không phải số nguyên"));
                }
                n
            }
        }
    };
    let app_id = num("app_id", f)?;
    if app_id.to_string() != m.settings.merchant_code {
        f.push(Finding::new(Code::GatewayMerchantMismatch, "app_id").detail(app_id.to_string()));
        return None;
    }
    let amount = num("amount", f)?;
    if amount == 0 {
        f.push(invalid("amount", "the amount is 0", "số tiền bằng 0"));
        return None;
    }
    let Some(trans) = d.get("app_trans_id").and_then(|v| v.as_str()) else {
        f.push(missing("app_trans_id"));
        return None;
    };
    let rest = trans
        .split_once('_')
        .filter(|(date, _)| date.len() == 6 && date.bytes().all(|b| b.is_ascii_digit()))
        .map(|(_, r)| r);
    let Some(rest) = rest else {
        f.push(
            Finding::new(Code::GatewayReferenceInvalid, "app_trans_id")
                .detail(format!("{:?}", super::short(trans))),
        );
        return None;
    };
    let (invoice, attempt) = check_reference("app_trans_id", rest, f)?;
    let zp = d.get("zp_trans_id").map(|v| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let server_time = d.get("server_time").map(|v| v.to_string());
    Some(Callback {
        outcome: Outcome::Succeeded,
        gateway_code: "1".into(),
        gateway_status: None,
        reference: trans.to_string(),
        invoice,
        attempt,
        amount,
        transaction: zp,
        paid_at: server_time,
    })
}

pub(super) fn simulate(m: &Merchant, req: &SignedRequest, transaction: u64, at_ms: u64) -> String {
    let body = req.body.clone().unwrap_or_default();
    let mut d = serde_json::Map::new();
    // The order's own fields, as created.
    for k in &DATA_FIELDS[..7] {
        d.insert(k.to_string(), body[*k].clone());
    }
    d.insert("zp_trans_id".into(), transaction.into());
    d.insert("server_time".into(), at_ms.into());
    d.insert("channel".into(), 38.into());
    d.insert("merchant_user_id".into(), "".into());
    d.insert("user_fee_amount".into(), 0.into());
    d.insert("discount_amount".into(), 0.into());
    let data = serde_json::Value::Object(d).to_string();
    let key2 = m.secret2.as_ref().unwrap_or(&m.secret);
    let mac = sign::sign(Algo::Sha256, key2, &data);
    serde_json::json!({ "data": data, "mac": mac, "type": 1 }).to_string()
}
