//! MoMo API v2: the create-payment body and the IPN / redirect result.
//!
//! Signing: HMAC-SHA256 under the secret key, in hexadecimal, of `name=value` pairs joined
//! by `&`, in the documented order (the names sorted a–z), values as they are (not
//! encoded). Create: `accessKey amount extraData ipnUrl orderId orderInfo partnerCode
//! redirectUrl requestId requestType`. Result (IPN and redirect): `accessKey amount
//! extraData message orderId orderInfo orderType partnerCode payType requestId
//! responseTime resultCode transId`.

use super::sign::{self, Algo};
use super::{
    bad_signature, check_reference, input_invalid, invalid, missing, no_signature, parse_amount,
    unknown, Callback, Merchant, Outcome, Parts, RequestOptions, SignedRequest,
};
use crate::finding::{Code, Finding};
use std::collections::BTreeMap;

/// The sandbox create endpoint.
pub const SANDBOX_URL: &str = "https://test-payment.momo.vn/v2/gateway/api/create";

/// The result fields that are signed, in signing order (`accessKey` comes from the
/// settings).
pub(crate) const RESULT_SIGNED: &[&str] = &[
    "accessKey",
    "amount",
    "extraData",
    "message",
    "orderId",
    "orderInfo",
    "orderType",
    "partnerCode",
    "payType",
    "requestId",
    "responseTime",
    "resultCode",
    "transId",
];

/// Result fields MoMo documents besides the signed ones; read past, never used.
const RESULT_UNSIGNED: &[&str] = &[
    "signature",
    "lang",
    "partnerUserId",
    "paymentOption",
    "userFee",
    "promotionInfo",
    "storeId",
];

fn join(pairs: &[(&str, &str)]) -> String {
    let mut s = String::new();
    for (k, v) in pairs {
        if !s.is_empty() {
            s.push('&');
        }
        s.push_str(k);
        s.push('=');
        s.push_str(v);
    }
    s
}

pub(super) fn request(
    m: &Merchant,
    p: Parts,
    o: &RequestOptions,
) -> Result<SignedRequest, Vec<Finding>> {
    let s = &m.settings;
    let mut errs = Vec::new();
    let need = |v: &Option<String>, name: &str, errs: &mut Vec<Finding>| {
        let v = v.clone().filter(|u| !u.is_empty());
        if v.is_none() {
            errs.push(
                Finding::new(Code::GatewayConfigInvalid, name.to_string()).detail_both(
                    format!("MoMo requires {name}"),
                    format!("MoMo bắt buộc có {name}"),
                ),
            );
        }
        v.unwrap_or_default()
    };
    let redirect = need(&s.return_url, "returnUrl", &mut errs);
    let ipn = need(&s.notify_url, "notifyUrl", &mut errs);
    if !errs.is_empty() {
        return Err(errs);
    }
    let access_key = s.access_key.clone().unwrap_or_default();
    let amount = p.amount.to_string();
    let request_id = o.request_id.clone().unwrap_or_else(|| p.reference.clone());
    let request_type = s
        .order_type
        .clone()
        .unwrap_or_else(|| "captureWallet".into());
    let extra = String::new();
    let pairs = [
        ("accessKey", access_key.as_str()),
        ("amount", amount.as_str()),
        ("extraData", extra.as_str()),
        ("ipnUrl", ipn.as_str()),
        ("orderId", p.reference.as_str()),
        ("orderInfo", p.order_info.as_str()),
        ("partnerCode", s.merchant_code.as_str()),
        ("redirectUrl", redirect.as_str()),
        ("requestId", request_id.as_str()),
        ("requestType", request_type.as_str()),
    ];
    let data = join(&pairs);
    let signature = sign::sign(Algo::Sha256, &m.secret, &data);
    let body = serde_json::json!({
        "partnerCode": s.merchant_code,
        "requestId": request_id,
        "amount": p.amount,
        "orderId": p.reference,
        "orderInfo": p.order_info,
        "redirectUrl": redirect,
        "ipnUrl": ipn,
        "requestType": request_type,
        "extraData": extra,
        "lang": s.locale.clone().unwrap_or_else(|| "vi".into()),
        "signature": signature,
    });
    Ok(SignedRequest {
        provider: m.provider,
        method: "POST",
        url: s.endpoint.clone().unwrap_or_else(|| SANDBOX_URL.into()),
        body: Some(body),
        fields: pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        signed_data: data,
        signature,
        reference: p.reference,
        order_info: p.order_info,
        included: p.included,
        omitted: p.omitted,
        clipped: p.clipped,
    })
}

/// The result's fields as text: a JSON object (IPN) or a query string (redirect).
fn fields(input: &str, f: &mut Vec<Finding>) -> Option<BTreeMap<String, String>> {
    let t = input.trim_start();
    if !t.starts_with('{') {
        return super::vnpay::parse_query(input, f);
    }
    let v: serde_json::Map<String, serde_json::Value> = match crate::json::from_str(t) {
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
    let mut out = BTreeMap::new();
    for (k, v) in v {
        let text = match v {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Null => String::new(),
            _ => {
                f.push(invalid(
                    &k,
                    "an object, array or true/false where text or a number is expected",
                    "giá trị là đối tượng, mảng hoặc đúng/sai thay vì văn bản hoặc số",
                ));
                return None;
            }
        };
        out.insert(k, text);
    }
    Some(out)
}

pub(super) fn verify(m: &Merchant, input: &str, f: &mut Vec<Finding>) -> Option<Callback> {
    let q = fields(input, f)?;
    for k in q.keys() {
        if k == "accessKey"
            || (!RESULT_SIGNED.contains(&k.as_str()) && !RESULT_UNSIGNED.contains(&k.as_str()))
        {
            f.push(unknown(k));
        }
    }
    let Some(sig) = q.get("signature") else {
        f.push(no_signature("signature"));
        return None;
    };
    let access_key = m.settings.access_key.clone().unwrap_or_default();
    let mut pairs = Vec::with_capacity(RESULT_SIGNED.len());
    for k in RESULT_SIGNED {
        let v = if *k == "accessKey" {
            access_key.as_str()
        } else {
            match q.get(*k) {
                Some(v) => v.as_str(),
                None => {
                    f.push(missing(k));
                    return None;
                }
            }
        };
        pairs.push((*k, v));
    }
    if !sign::verify(Algo::Sha256, &m.secret, &join(&pairs), sig) {
        f.push(bad_signature("signature"));
        return None;
    }
    let partner = &q["partnerCode"];
    if *partner != m.settings.merchant_code {
        f.push(
            Finding::new(Code::GatewayMerchantMismatch, "partnerCode")
                .detail(format!("{:?}", super::short(partner))),
        );
        return None;
    }
    let amount = parse_amount("amount", &q["amount"], f)?;
    let reference = q["orderId"].clone();
    let (invoice, attempt) = check_reference("orderId", &reference, f)?;
    let code = q["resultCode"].clone();
    let Ok(n) = code.parse::<i64>() else {
        f.push(invalid(
            "resultCode",
            format!("{:?} is not a number", super::short(&code)),
            format!("{:?} không phải số", super::short(&code)),
        ));
        return None;
    };
    Some(Callback {
        outcome: outcome(n),
        gateway_code: code,
        gateway_status: None,
        reference,
        invoice,
        attempt,
        amount,
        transaction: Some(q["transId"].clone()).filter(|t| !t.is_empty()),
        paid_at: Some(q["responseTime"].clone()).filter(|t| !t.is_empty()),
    })
}

/// MoMo's `resultCode` to an outcome: `0` succeeded; `9000` (authorized, not yet
/// captured), `1000` (waiting for the payer), `7000`, `7002` (processing), `8000` (waiting
/// for the payer to confirm again) pending; `1003` (cancelled), `1006` (the payer declined),
/// `1017` (cancelled by the partner) cancelled; everything else failed.
pub(crate) fn outcome(code: i64) -> Outcome {
    match code {
        0 => Outcome::Succeeded,
        9000 | 1000 | 7000 | 7002 | 8000 => Outcome::Pending,
        1003 | 1006 | 1017 => Outcome::Cancelled,
        _ => Outcome::Failed,
    }
}

pub(super) fn simulate(
    m: &Merchant,
    req: &SignedRequest,
    code: &str,
    transaction: u64,
    at_ms: u64,
) -> String {
    let body = req.body.clone().unwrap_or_default();
    let text = |k: &str| match &body[k] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        v => v.to_string(),
    };
    let code_n: i64 = code.parse().unwrap_or(99);
    let message = if code_n == 0 {
        "Successful."
    } else {
        "Failed."
    };
    let access_key = m.settings.access_key.clone().unwrap_or_default();
    let amount = text("amount");
    let (order_id, order_info, partner, request_id) = (
        text("orderId"),
        text("orderInfo"),
        text("partnerCode"),
        text("requestId"),
    );
    let (trans, time, result) = (
        transaction.to_string(),
        at_ms.to_string(),
        code_n.to_string(),
    );
    let data = join(&[
        ("accessKey", &access_key),
        ("amount", &amount),
        ("extraData", ""),
        ("message", message),
        ("orderId", &order_id),
        ("orderInfo", &order_info),
        ("orderType", "momo_wallet"),
        ("partnerCode", &partner),
        ("payType", "qr"),
        ("requestId", &request_id),
        ("responseTime", &time),
        ("resultCode", &result),
        ("transId", &trans),
    ]);
    let signature = sign::sign(Algo::Sha256, &m.secret, &data);
    serde_json::json!({
        "partnerCode": partner,
        "orderId": order_id,
        "requestId": request_id,
        "amount": body["amount"],
        "orderInfo": order_info,
        "orderType": "momo_wallet",
        "transId": transaction,
        "resultCode": code_n,
        "message": message,
        "payType": "qr",
        "responseTime": at_ms,
        "extraData": "",
        "signature": signature,
    })
    .to_string()
}
