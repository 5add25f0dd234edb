//! VNPAY payment URL 2.1.0: the signed payment URL, and the return URL / IPN query.
//!
//! Signing: every `vnp_` parameter except `vnp_SecureHash` and `vnp_SecureHashType`,
//! sorted by name, each name and value form-encoded (space as `+`), joined as
//! `name=value&…`; `vnp_SecureHash` is the HMAC-SHA512 of that text under the merchant's
//! hash secret, in hexadecimal.

use super::sign::{self, Algo};
use super::{
    bad_signature, check_reference, input_invalid, invalid, missing, no_signature, parse_amount,
    unknown, Callback, Merchant, Outcome, Parts, RequestOptions, SignedRequest,
};
use crate::finding::{Code, Finding};
use std::collections::BTreeMap;

/// The sandbox payment URL.
pub const SANDBOX_URL: &str = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html";

/// The text that is signed: sorted, form-encoded `name=value` pairs joined by `&`.
pub(crate) fn signed_data(params: &BTreeMap<String, String>) -> String {
    let mut s = String::new();
    for (k, v) in params {
        if k == "vnp_SecureHash" || k == "vnp_SecureHashType" {
            continue;
        }
        if !s.is_empty() {
            s.push('&');
        }
        s.push_str(&sign::form_encode(k));
        s.push('=');
        s.push_str(&sign::form_encode(v));
    }
    s
}

pub(super) fn request(
    m: &Merchant,
    p: Parts,
    o: &RequestOptions,
) -> Result<SignedRequest, Vec<Finding>> {
    let s = &m.settings;
    let Some(return_url) = s.return_url.clone().filter(|u| !u.is_empty()) else {
        return Err(vec![Finding::new(Code::GatewayConfigInvalid, "returnUrl")
            .detail_both(
                "VNPAY requires vnp_ReturnUrl",
                "VNPAY bắt buộc có vnp_ReturnUrl",
            )]);
    };
    let Some(amount100) = p.amount.checked_mul(100).filter(|a| *a < 1_000_000_000_000) else {
        return Err(vec![invalid(
            "amount",
            "VNPAY carries at most 12 digits of amount × 100",
            "VNPAY chỉ nhận tối đa 12 chữ số của số tiền × 100",
        )]);
    };
    let expire = o.created_at_ms + u64::from(s.expire_minutes.unwrap_or(15)) * 60_000;
    let mut q = BTreeMap::new();
    let mut put = |k: &str, v: String| {
        q.insert(k.to_string(), v);
    };
    put("vnp_Version", "2.1.0".into());
    put("vnp_Command", "pay".into());
    put("vnp_TmnCode", s.merchant_code.clone());
    put("vnp_Amount", amount100.to_string());
    put("vnp_CreateDate", sign::vietnam_stamp(o.created_at_ms));
    put("vnp_ExpireDate", sign::vietnam_stamp(expire));
    put("vnp_CurrCode", "VND".into());
    put(
        "vnp_IpAddr",
        o.ip_addr.clone().unwrap_or_else(|| "127.0.0.1".into()),
    );
    put(
        "vnp_Locale",
        s.locale.clone().unwrap_or_else(|| "vn".into()),
    );
    put("vnp_OrderInfo", p.order_info.clone());
    put(
        "vnp_OrderType",
        s.order_type.clone().unwrap_or_else(|| "other".into()),
    );
    put("vnp_ReturnUrl", return_url);
    put("vnp_TxnRef", p.reference.clone());
    if let Some(b) = o.bank_code.clone().filter(|b| !b.is_empty()) {
        put("vnp_BankCode", b);
    }
    let data = signed_data(&q);
    let signature = sign::sign(Algo::Sha512, &m.secret, &data);
    let endpoint = s.endpoint.as_deref().unwrap_or(SANDBOX_URL);
    let url = format!("{endpoint}?{data}&vnp_SecureHash={signature}");
    Ok(SignedRequest {
        provider: m.provider,
        method: "GET",
        url,
        body: None,
        fields: q.into_iter().collect(),
        signed_data: data,
        signature,
        reference: p.reference,
        order_info: p.order_info,
        included: p.included,
        omitted: p.omitted,
        clipped: p.clipped,
    })
}

/// The query of a return URL or an IPN call: a full URL, `?query` or `query`.
pub(crate) fn parse_query(input: &str, f: &mut Vec<Finding>) -> Option<BTreeMap<String, String>> {
    let input = input.trim();
    let q = match input.find('?') {
        Some(i) => &input[i + 1..],
        None => input,
    };
    let q = q.split('#').next().unwrap_or("");
    if q.is_empty() {
        f.push(input_invalid(
            "the query string is empty",
            "chuỗi truy vấn đang để trống",
        ));
        return None;
    }
    let mut map = BTreeMap::new();
    for (k, v) in form_urlencoded::parse(q.as_bytes()) {
        if map.insert(k.to_string(), v.to_string()).is_some() {
            f.push(invalid(
                &k,
                "the parameter is given more than once",
                "tham số xuất hiện nhiều lần",
            ));
            return None;
        }
    }
    Some(map)
}

pub(super) fn verify(m: &Merchant, input: &str, f: &mut Vec<Finding>) -> Option<Callback> {
    let q = parse_query(input, f)?;
    for k in q.keys() {
        // VNPAY signs every vnp_ parameter, so a vnp_ one it adds later is covered by the
        // signature; anything else is not, and is refused.
        if !k.starts_with("vnp_") {
            f.push(unknown(k));
        }
    }
    let Some(hash) = q.get("vnp_SecureHash") else {
        f.push(no_signature("vnp_SecureHash"));
        return None;
    };
    let data = signed_data(&q);
    if !sign::verify(Algo::Sha512, &m.secret, &data, hash) {
        f.push(bad_signature("vnp_SecureHash"));
        return None;
    }
    let get = |k: &str, f: &mut Vec<Finding>| {
        let v = q.get(k).cloned();
        if v.is_none() {
            f.push(missing(k));
        }
        v
    };
    let tmn = get("vnp_TmnCode", f)?;
    if tmn != m.settings.merchant_code {
        f.push(
            Finding::new(Code::GatewayMerchantMismatch, "vnp_TmnCode")
                .detail(format!("{:?}", super::short(&tmn))),
        );
        return None;
    }
    let amount100 = parse_amount("vnp_Amount", &get("vnp_Amount", f)?, f)?;
    if amount100 % 100 != 0 || amount100 == 0 {
        f.push(invalid(
            "vnp_Amount",
            format!("{amount100} is not a positive amount × 100"),
            format!("{amount100} không phải số tiền dương × 100"),
        ));
        return None;
    }
    let reference = get("vnp_TxnRef", f)?;
    let (invoice, attempt) = check_reference("vnp_TxnRef", &reference, f)?;
    let code = get("vnp_ResponseCode", f)?;
    let status = q.get("vnp_TransactionStatus").cloned();
    for (k, v) in [
        ("vnp_ResponseCode", Some(&code)),
        ("vnp_TransactionStatus", status.as_ref()),
    ] {
        if let Some(v) = v {
            if v.len() != 2 || !v.bytes().all(|b| b.is_ascii_digit()) {
                f.push(invalid(
                    k,
                    format!("{:?} is not a two-digit code", super::short(v)),
                    format!("{:?} không phải mã hai chữ số", super::short(v)),
                ));
                return None;
            }
        }
    }
    let outcome = outcome(&code, status.as_deref());
    Some(Callback {
        outcome,
        gateway_code: code,
        gateway_status: status,
        reference,
        invoice,
        attempt,
        amount: amount100 / 100,
        transaction: q
            .get("vnp_TransactionNo")
            .cloned()
            .filter(|t| !t.is_empty()),
        paid_at: q.get("vnp_PayDate").cloned().filter(|t| !t.is_empty()),
    })
}

/// VNPAY's codes to an outcome: success only when both the response code and the
/// transaction status (when sent) are `00`; `24` (the payer cancelled) is cancelled;
/// response `07` (money taken, transaction held as suspicious) and status `01` (not
/// completed), `04` (reversed), `05`/`06` (refund in progress), `07` (suspected fraud) are
/// pending; everything else failed.
pub(crate) fn outcome(code: &str, status: Option<&str>) -> Outcome {
    match (code, status) {
        ("00", None | Some("00")) => Outcome::Succeeded,
        ("24", _) => Outcome::Cancelled,
        ("07", _) | (_, Some("01" | "04" | "05" | "06" | "07")) => Outcome::Pending,
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
    let get = |k: &str| {
        req.fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut q = BTreeMap::new();
    for k in ["vnp_Amount", "vnp_OrderInfo", "vnp_TmnCode", "vnp_TxnRef"] {
        q.insert(k.to_string(), get(k));
    }
    q.insert("vnp_BankCode".into(), "NCB".into());
    q.insert("vnp_CardType".into(), "ATM".into());
    q.insert("vnp_PayDate".into(), sign::vietnam_stamp(at_ms));
    q.insert("vnp_ResponseCode".into(), code.to_string());
    q.insert("vnp_TransactionNo".into(), transaction.to_string());
    q.insert(
        "vnp_TransactionStatus".into(),
        if code == "00" { "00" } else { "02" }.into(),
    );
    let data = signed_data(&q);
    let hash = sign::sign(Algo::Sha512, &m.secret, &data);
    format!("{data}&vnp_SecureHash={hash}")
}
