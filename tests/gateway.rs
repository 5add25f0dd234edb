//! Payment gateways (issue 24): signed requests, verified callbacks, settlement against the
//! open invoices, and the refusals: forged, altered, replayed, another merchant's, junk.

use proptest::prelude::*;
use vietref::gateway::{
    self, Merchant, Outcome, Provider, RequestOptions, Secret, Settings, SignedRequest,
};
use vietref::reconcile::{Invoice, Reconciler, Status};
use vietref::{Code, PaymentMessage};

const T0: u64 = 1_725_240_000_000; // 2024-09-02 08:20:00 in Vietnam

fn message(invoice: &str, amount: u64) -> PaymentMessage {
    let json = format!(
        r#"{{"sector":"education","payerName":"Nguyễn Thị Thủy","beneficiaryName":"Trần Minh Khôi",
            "reason":"Học phí học kỳ 1 năm học 2024-2025","invoice":"{invoice}","amount":{amount}}}"#
    );
    PaymentMessage::validate_json(&json)
        .unwrap()
        .cleaned
        .expect("a valid message")
}

fn merchant(p: Provider) -> Merchant {
    merchant_with(p, "SECRETKEY0123456789", "KEY2-0123456789")
}

fn merchant_with(p: Provider, secret: &str, key2: &str) -> Merchant {
    let mut s = Settings {
        return_url: Some("https://truong.example.vn/thanh-toan/ket-qua".into()),
        notify_url: Some("https://truong.example.vn/thanh-toan/ipn".into()),
        ..Settings::default()
    };
    let k2 = match p {
        Provider::Vnpay => {
            s.merchant_code = "DEMOV210".into();
            None
        }
        Provider::Momo => {
            s.merchant_code = "MOMOBKUN20180529".into();
            s.access_key = Some("klm05TvNBzhg7h7j".into());
            None
        }
        Provider::Zalopay => {
            s.merchant_code = "2553".into();
            Some(Secret::new(key2))
        }
    };
    Merchant::new(p, s, Secret::new(secret), k2).expect("valid settings")
}

fn opts(attempt: Option<u32>) -> RequestOptions {
    RequestOptions {
        created_at_ms: T0,
        attempt,
        ..RequestOptions::default()
    }
}

fn signed(p: Provider, invoice: &str, amount: u64) -> (Merchant, SignedRequest) {
    let m = merchant(p);
    let r = gateway::request(&m, &message(invoice, amount), &opts(Some(1)));
    let req = r.cleaned.unwrap_or_else(|| panic!("{:?}", r.findings));
    (m, req)
}

fn codes(f: &[vietref::Finding]) -> Vec<Code> {
    f.iter().map(|f| f.code).collect()
}

#[test]
fn vnpay_request_is_the_documented_url() {
    let (_, req) = signed(Provider::Vnpay, "HD-2024/0917", 1_806_000);
    assert_eq!(req.method, "GET");
    assert!(req
        .url
        .starts_with("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=180600000&vnp_Command=pay&vnp_CreateDate=20240902082000&vnp_CurrCode=VND&vnp_ExpireDate=20240902083500&"));
    assert!(req
        .url
        .ends_with(&format!("&vnp_SecureHash={}", req.signature)));
    assert_eq!(req.signature.len(), 128, "HMAC-SHA512 in hexadecimal");
    // The code travels in vnp_TxnRef (adapted to letters, digits and -), with the attempt.
    assert_eq!(req.reference, "HD-2024-0917_1");
    assert!(req.url.contains("&vnp_TxnRef=HD-2024-0917_1&"));
    // The order information is ASCII without diacritics, form-encoded in the URL.
    assert!(req.order_info.is_ascii());
    assert_eq!(
        req.order_info,
        "HD20240917 HOC PHI HOC KY 1 NAM HOC 2024 2025 HS TRAN MINH KHOI PH NGUYEN THI THUY"
    );
    assert!(req.url.contains("vnp_OrderInfo=HD20240917+HOC+PHI+"));
    // The signed text is the query without the hash: keys sorted.
    let keys: Vec<&str> = req
        .signed_data
        .split('&')
        .map(|kv| kv.split('=').next().unwrap())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn vnpay_encoding_reproduces_the_sandbox_documents_sample_query() {
    // The sample payment URL of VNPAY's sandbox integration guide (version 2.1.0); its
    // secret is not published, so the encoding and order are checked here and the HMAC by
    // independent re-computation (bindings/python/tests).
    let doc = "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0";
    let m = merchant(Provider::Vnpay);
    // Verifying the document's own URL with our key: the encoding is read back, and the
    // signature (made with VNPAY's demo secret) is refused, not misread.
    let url = format!("https://x/?{doc}&vnp_SecureHash=3e0d61a0c0534b2e36680b3f7277743e8784cc4e1d68fa7d276e79c23be7d6318d338b477910a27992f5057bb1582bd44bd82ae8009ffaf6d141219218625c42");
    let v = gateway::verify(&m, &url);
    assert!(!v.verified);
    assert_eq!(codes(&v.findings), vec![Code::GatewaySignatureInvalid]);
    assert_eq!(
        v.answer.body.as_deref(),
        Some(r#"{"RspCode":"97","Message":"Invalid signature"}"#)
    );
    // Our writer produces that same text from the decoded pairs.
    let pairs: std::collections::BTreeMap<String, String> = form_pairs(doc).into_iter().collect();
    let mut again = String::new();
    for (k, v) in &pairs {
        if !again.is_empty() {
            again.push('&');
        }
        again.push_str(&format!("{}={}", enc(k), enc(v)));
    }
    assert_eq!(again, doc);
}

fn form_pairs(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap();
            (dec(k), dec(v))
        })
        .collect()
}

fn dec(s: &str) -> String {
    let s = s.replace('+', " ");
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[test]
fn zalopay_documented_callback_verifies_with_the_sandbox_key2() {
    // ZaloPay's callback specification gives this sample for its demo app 2553, whose
    // sandbox key2 is published with it.
    let data = r#"{"app_id":2553,"app_trans_id":"200904_2553_1598435687208","app_time":1599189392817,"app_user":"demo","amount":10000,"embed_data":"{\"merchantinfo\":\"embeddata123\",\"promotioninfo\":\"\"}","item":"[{\"itemid\":\"knb\",\"itemname\":\"kim nguyen bao\",\"itemprice\":198400,\"itemquantity\":1}]","zp_trans_id":200904000000389,"server_time":1599189413498,"channel":38,"merchant_user_id":"7ZMSl3nEg5sOUJzOLSoUFT8xKNQVaLOLXHB--8Eytqc","user_fee_amount":0,"discount_amount":0}"#;
    let body = serde_json::json!({
        "data": data,
        "mac": "d8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f67",
        "type": 1
    })
    .to_string();
    let m = merchant_with(
        Provider::Zalopay,
        "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL",
        "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz",
    );
    let v = gateway::verify(&m, &body);
    // The signature holds; the reference is not one vietref wrote (no invoice code in it).
    assert_eq!(
        codes(&v.findings),
        vec![Code::GatewayReferenceInvalid],
        "{v:?}"
    );
    // One character of the data changed: refused on the signature.
    let forged = body.replace("10000", "90000");
    let v = gateway::verify(&m, &forged);
    assert_eq!(codes(&v.findings), vec![Code::GatewaySignatureInvalid]);
    assert_eq!(
        v.answer.body.as_deref(),
        Some(r#"{"return_code":-1,"return_message":"mac not equal"}"#)
    );
}

#[test]
fn momo_request_signs_the_documented_field_order() {
    let (m, req) = signed(Provider::Momo, "HP24010172", 350_000);
    assert_eq!(req.method, "POST");
    assert_eq!(
        req.url,
        "https://test-payment.momo.vn/v2/gateway/api/create"
    );
    let names: Vec<&str> = req.fields.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "accessKey",
            "amount",
            "extraData",
            "ipnUrl",
            "orderId",
            "orderInfo",
            "partnerCode",
            "redirectUrl",
            "requestId",
            "requestType"
        ]
    );
    assert!(req.signed_data.starts_with("accessKey=klm05TvNBzhg7h7j&amount=350000&extraData=&ipnUrl=https://truong.example.vn/thanh-toan/ipn&orderId=HP24010172_1&"));
    let body = req.body.as_ref().unwrap();
    assert_eq!(body["signature"], req.signature.as_str());
    assert_eq!(body["amount"], 350_000);
    assert_eq!(body["requestType"], "captureWallet");
    let _ = m;
}

#[test]
fn zalopay_request_mac_input_is_the_documented_pipe_list() {
    let (_, req) = signed(Provider::Zalopay, "HP24010172", 350_000);
    assert_eq!(req.reference, "240902_HP24010172_1");
    assert_eq!(
        req.signed_data,
        format!(
            "2553|240902_HP24010172_1|vietref|350000|{T0}|{{\"redirecturl\":\"https://truong.example.vn/thanh-toan/ket-qua\"}}|[]"
        )
    );
    let body = req.body.as_ref().unwrap();
    assert_eq!(body["mac"], req.signature.as_str());
    assert_eq!(body["app_id"], 2553);
    assert_eq!(
        body["callback_url"],
        "https://truong.example.vn/thanh-toan/ipn"
    );
}

fn reconciler(invoice: &str, due: u64) -> Reconciler {
    let mut r = Reconciler::new(&[]);
    r.add_invoice(Invoice::new(
        invoice,
        vietref::message::Amount::new(due).unwrap(),
    ))
    .unwrap();
    r
}

#[test]
fn a_paid_callback_settles_the_invoice_and_its_replay_is_a_duplicate() {
    for p in Provider::ALL {
        let (m, req) = signed(p, "HD-2024/0917", 1_806_000);
        let cb = gateway::simulate_callback(
            &m,
            &req,
            if p == Provider::Momo { "0" } else { "00" },
            14_831_393,
            T0 + 60_000,
        );
        let v = gateway::verify(&m, &cb);
        assert!(v.verified, "{p:?}: {:?}", v.findings);
        let c = v.callback.as_ref().unwrap();
        assert_eq!(c.outcome, Outcome::Succeeded);
        assert_eq!(c.amount, 1_806_000);
        assert_eq!(c.invoice, "HD-2024-0917");
        assert_eq!(c.attempt, Some(1));
        let mut r = reconciler("HD-2024/0917", 1_806_000);
        let s = gateway::settle(&v, &mut r, 1);
        assert!(s.applied);
        let res = s.result.as_ref().unwrap();
        assert_eq!(res.status, Status::Paid, "{p:?}");
        assert_eq!(res.invoice.as_deref(), Some("HD-2024/0917"));
        assert_eq!(res.gateway.as_deref(), Some(p.display_name()));
        assert!(s.findings.is_empty(), "{:?}", s.findings);
        match p {
            Provider::Vnpay => assert_eq!(
                s.answer.body.as_deref(),
                Some(r#"{"RspCode":"00","Message":"Confirm Success"}"#)
            ),
            Provider::Momo => assert_eq!((s.answer.http_status, &s.answer.body), (204, &None)),
            Provider::Zalopay => assert_eq!(
                s.answer.body.as_deref(),
                Some(r#"{"return_code":1,"return_message":"success"}"#)
            ),
        }
        // The same callback again: a replay, recorded as a duplicate, refused.
        let again = gateway::settle(&gateway::verify(&m, &cb), &mut r, 2);
        let res = again.result.as_ref().unwrap();
        assert_eq!(res.status, Status::Duplicate);
        assert!(res.evidence.same_reference);
        assert!(codes(&again.findings).contains(&Code::GatewayReplayed));
        if p == Provider::Vnpay {
            assert_eq!(
                again.answer.body.as_deref(),
                Some(r#"{"RspCode":"02","Message":"Order already confirmed"}"#)
            );
        }
        if p == Provider::Zalopay {
            assert!(again
                .answer
                .body
                .as_deref()
                .unwrap()
                .contains("\"return_code\":2"));
        }
    }
}

#[test]
fn wrong_amounts_are_partial_or_overpaid_and_unknown_references_change_nothing() {
    for p in Provider::ALL {
        let ok = if p == Provider::Momo { "0" } else { "00" };
        // Signed for 1 000 000, the invoice is 1 806 000: partial.
        let (m, req) = signed(p, "HD-2024/0917", 1_000_000);
        let v = gateway::verify(&m, &gateway::simulate_callback(&m, &req, ok, 1, T0));
        let mut r = reconciler("HD-2024/0917", 1_806_000);
        let s = gateway::settle(&v, &mut r, 1);
        assert_eq!(s.result.as_ref().unwrap().status, Status::Partial);
        assert!(codes(&s.findings).contains(&Code::GatewayAmountDiffers));
        if p == Provider::Vnpay {
            assert!(s.answer.body.as_deref().unwrap().contains("\"04\""));
        }
        // More than due: overpaid.
        let (m, req) = signed(p, "HD-2024/0917", 2_000_000);
        let v = gateway::verify(&m, &gateway::simulate_callback(&m, &req, ok, 2, T0));
        let mut r = reconciler("HD-2024/0917", 1_806_000);
        assert_eq!(
            gateway::settle(&v, &mut r, 1).result.unwrap().status,
            Status::Overpaid
        );
        // A reference naming no open invoice.
        let (m, req) = signed(p, "HD-2024/0999", 1_806_000);
        let v = gateway::verify(&m, &gateway::simulate_callback(&m, &req, ok, 3, T0));
        let mut r = reconciler("HD-2024/0917", 1_806_000);
        let s = gateway::settle(&v, &mut r, 1);
        assert!(!s.applied);
        assert!(codes(&s.findings).contains(&Code::GatewayReferenceUnknown));
        assert_eq!(r.invoice("HD-2024/0917").unwrap().paid, 0);
        if p == Provider::Vnpay {
            assert!(s.answer.body.as_deref().unwrap().contains("\"01\""));
        }
    }
}

#[test]
fn failed_cancelled_and_pending_payments_are_not_applied() {
    for (p, code, outcome) in [
        (Provider::Vnpay, "24", Outcome::Cancelled),
        (Provider::Vnpay, "51", Outcome::Failed),
        (Provider::Vnpay, "07", Outcome::Pending),
        (Provider::Momo, "1006", Outcome::Cancelled),
        (Provider::Momo, "9000", Outcome::Pending),
        (Provider::Momo, "1001", Outcome::Failed),
    ] {
        let (m, req) = signed(p, "HD-2024/0917", 1_806_000);
        let v = gateway::verify(&m, &gateway::simulate_callback(&m, &req, code, 1, T0));
        assert_eq!(
            v.callback.as_ref().unwrap().outcome,
            outcome,
            "{p:?} {code}"
        );
        assert_eq!(v.callback.as_ref().unwrap().gateway_code, code);
        let mut r = reconciler("HD-2024/0917", 1_806_000);
        let s = gateway::settle(&v, &mut r, 1);
        assert!(!s.applied && s.result.is_none());
        assert_eq!(codes(&s.findings), vec![Code::GatewayNotSucceeded]);
        assert_eq!(r.invoice("HD-2024/0917").unwrap().paid, 0);
    }
}

#[test]
fn forged_foreign_and_junk_callbacks_are_refused_and_nothing_is_applied() {
    for p in Provider::ALL {
        let ok = if p == Provider::Momo { "0" } else { "00" };
        let (m, req) = signed(p, "HD-2024/0917", 1_806_000);
        let cb = gateway::simulate_callback(&m, &req, ok, 7, T0);
        let check = |input: &str, want: Code| {
            let v = gateway::verify(&m, input);
            assert!(!v.verified, "{p:?} accepted {input}");
            assert!(
                codes(&v.findings).contains(&want),
                "{p:?} {want:?}: {:?}",
                v.findings
            );
            let mut r = reconciler("HD-2024/0917", 1_806_000);
            let s = gateway::settle(&v, &mut r, 1);
            assert!(!s.applied);
            assert_eq!(r.invoice("HD-2024/0917").unwrap().paid, 0);
        };
        // Signed by someone with another secret.
        let other = merchant_with(p, "ANOTHER-SECRET", "ANOTHER-KEY2");
        check(
            &gateway::simulate_callback(&other, &req, ok, 7, T0),
            Code::GatewaySignatureInvalid,
        );
        // A tampered amount.
        let tampered = match p {
            Provider::Vnpay => cb.replace("vnp_Amount=180600000", "vnp_Amount=180600100"),
            Provider::Momo => cb.replace("\"amount\":1806000", "\"amount\":1806001"),
            Provider::Zalopay => cb.replace("\\\"amount\\\":1806000", "\\\"amount\\\":1806001"),
        };
        assert_ne!(tampered, cb);
        check(&tampered, Code::GatewaySignatureInvalid);
        // The signature removed.
        let unsigned = match p {
            Provider::Vnpay => cb.split("&vnp_SecureHash").next().unwrap().to_string(),
            _ => {
                let mut v: serde_json::Value = serde_json::from_str(&cb).unwrap();
                let key = if p == Provider::Momo {
                    "signature"
                } else {
                    "mac"
                };
                v.as_object_mut().unwrap().remove(key);
                v.to_string()
            }
        };
        check(&unsigned, Code::GatewaySignatureMissing);
        // An unknown field outside the signature.
        let extra = match p {
            Provider::Vnpay => format!("{cb}&paid=yes"),
            _ => cb.replacen('{', "{\"paid\":\"yes\",", 1),
        };
        check(&extra, Code::GatewayUnknownField);
        // Junk.
        check("", Code::GatewayInputInvalid);
        if p != Provider::Vnpay {
            check("{not json", Code::GatewayInputInvalid);
        }
    }
    // Another merchant's callback, signed with the same secret (a shared demo secret).
    let (m, req) = signed(Provider::Vnpay, "HD-2024/0917", 1_806_000);
    let mut s = m.settings().clone();
    s.merchant_code = "OTHERTMN".into();
    let theirs =
        Merchant::new(Provider::Vnpay, s, Secret::new("SECRETKEY0123456789"), None).unwrap();
    let mut req2 = req.clone();
    for f in &mut req2.fields {
        if f.0 == "vnp_TmnCode" {
            f.1 = "OTHERTMN".into();
        }
    }
    let cb = gateway::simulate_callback(&theirs, &req2, "00", 1, T0);
    let v = gateway::verify(&m, &cb);
    assert_eq!(codes(&v.findings), vec![Code::GatewayMerchantMismatch]);
}

#[test]
fn the_secret_never_shows() {
    let m = merchant(Provider::Momo);
    let shown = format!("{m:?}");
    assert!(!shown.contains("SECRETKEY0123456789"), "{shown}");
    assert!(shown.contains("***"));
    let (_, req) = signed(Provider::Momo, "HP1", 1000);
    let json = serde_json::to_string(&req).unwrap();
    assert!(!json.contains("SECRETKEY0123456789"));
}

#[test]
fn settings_are_checked() {
    let bad = Merchant::new(
        Provider::Zalopay,
        Settings {
            merchant_code: "abc".into(),
            ..Settings::default()
        },
        Secret::new(""),
        None,
    )
    .unwrap_err();
    let fields: Vec<&str> = bad.iter().map(|f| f.field.as_ref()).collect();
    assert!(bad.iter().all(|f| f.code == Code::GatewayConfigInvalid));
    assert_eq!(fields, ["secret", "merchantCode", "secret2"]);
    let bad = Merchant::new(
        Provider::Momo,
        Settings {
            merchant_code: "MOMO".into(),
            ..Settings::default()
        },
        Secret::new("k"),
        None,
    )
    .unwrap_err();
    assert_eq!(bad[0].field, "accessKey");
    // A code that cannot travel in the reference field is an error, no request.
    let m = merchant(Provider::Zalopay);
    let long = message("HD-2024-0917-0001-0002-0003", 1000);
    let r = gateway::request(&m, &long, &opts(None));
    assert!(r.cleaned.is_none());
    assert!(
        codes(&r.findings).contains(&Code::MemoInvoiceTooLong),
        "{:?}",
        r.findings
    );
}

fn provider() -> impl Strategy<Value = Provider> {
    prop::sample::select(Provider::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// verify(sign(x)) holds for any invoice, amount, attempt and time.
    #[test]
    fn a_signed_callback_verifies(
        p in provider(),
        code in "[A-QS-Z][A-Z][0-9]{4,10}", // not RF: an RF invoice must carry valid check digits
        amount in 1_000u64..10_000_000_000,
        attempt in prop::option::of(1u32..1000),
        t in 1_600_000_000_000u64..1_900_000_000_000,
        trans in 1u64..u64::from(u32::MAX),
    ) {
        let m = merchant(p);
        let req = gateway::request(&m, &message(&code, amount), &RequestOptions {
            created_at_ms: t, attempt, ..RequestOptions::default()
        }).cleaned.unwrap();
        let ok = if p == Provider::Momo { "0" } else { "00" };
        let v = gateway::verify(&m, &gateway::simulate_callback(&m, &req, ok, trans, t));
        prop_assert!(v.verified, "{:?}", v.findings);
        let c = v.callback.unwrap();
        prop_assert_eq!(c.amount, amount);
        prop_assert_eq!(c.invoice, code);
        prop_assert_eq!(c.attempt, attempt);
    }

    /// Any change to any value of a signed callback breaks verification.
    #[test]
    fn any_field_change_breaks_verification(
        p in provider(),
        pick in any::<prop::sample::Index>(),
        delta in 1u8..9,
    ) {
        let (m, req) = signed(p, "HP24010172", 350_000);
        let ok = if p == Provider::Momo { "0" } else { "00" };
        let cb = gateway::simulate_callback(&m, &req, ok, 4_088_878_653, T0);
        // The values, as (start, end) byte ranges of digits or letters in the callback
        // outside the signature itself.
        let sig_at = match p {
            Provider::Vnpay => cb.find("&vnp_SecureHash=").unwrap(),
            Provider::Momo => cb.find("\"signature\"").unwrap(),
            Provider::Zalopay => cb.find("\"mac\"").unwrap(),
        };
        let positions: Vec<usize> = cb.char_indices()
            .filter(|(i, c)| c.is_ascii_alphanumeric() && *i < sig_at && !in_key(&cb, *i, p))
            .map(|(i, _)| i)
            .collect();
        let i = positions[pick.index(positions.len())];
        let c = cb.as_bytes()[i];
        let repl = if c.is_ascii_digit() { b'0' + (c - b'0' + delta) % 10 } else if c.is_ascii_uppercase() { b'A' + (c - b'A' + delta) % 26 } else { b'a' + (c - b'a' + delta) % 26 };
        let mut b = cb.clone().into_bytes();
        b[i] = repl;
        let forged = String::from_utf8(b).unwrap();
        let v = gateway::verify(&m, &forged);
        prop_assert!(!v.verified, "accepted {} changed at {}", forged, i);
    }
}

/// Whether byte `i` of a callback is inside a field name (changing a name makes an unknown
/// field or a missing one, also refused, but the property is about values).
fn in_key(cb: &str, i: usize, p: Provider) -> bool {
    match p {
        Provider::Vnpay => {
            let start = cb[..i].rfind('&').map_or(0, |s| s + 1);
            !cb[start..i].contains('=')
        }
        _ => {
            // Inside quotes followed by ':' (a key), on the raw text.
            let close = cb[i..].find('"').map(|c| i + c).unwrap_or(cb.len());
            cb[close..].starts_with("\":") || cb[close..].starts_with("\\\":")
        }
    }
}

fn hmac512_hex(key: &str, data: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut m = Hmac::<sha2::Sha512>::new_from_slice(key.as_bytes()).unwrap();
    m.update(data.as_bytes());
    m.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn vnpay_signature_is_the_hmac_sha512_of_the_signed_text() {
    let (_, req) = signed(Provider::Vnpay, "HP24010172", 350_000);
    assert_eq!(
        req.signature,
        hmac512_hex("SECRETKEY0123456789", &req.signed_data)
    );
}

#[test]
fn malformed_fields_of_a_signed_callback_are_named() {
    let m = merchant(Provider::Vnpay);
    let sign = |q: &str| {
        format!(
            "{q}&vnp_SecureHash={}",
            hmac512_hex("SECRETKEY0123456789", q)
        )
    };
    // Signed, but the amount is not a whole number of đồng × 100.
    let q = "vnp_Amount=12345&vnp_ResponseCode=00&vnp_TmnCode=DEMOV210&vnp_TransactionStatus=00&vnp_TxnRef=HP1";
    let v = gateway::verify(&m, &sign(q));
    assert_eq!(codes(&v.findings), vec![Code::GatewayFieldInvalid]);
    assert_eq!(v.findings[0].field, "vnp_Amount");
    // Signed, but without the reference.
    let q = "vnp_Amount=1234500&vnp_ResponseCode=00&vnp_TmnCode=DEMOV210&vnp_TransactionStatus=00";
    let v = gateway::verify(&m, &sign(q));
    assert_eq!(codes(&v.findings), vec![Code::GatewayFieldMissing]);
    assert_eq!(v.findings[0].field, "vnp_TxnRef");
    // A parameter given twice.
    let v = gateway::verify(&m, &sign(&format!("{q}&vnp_TxnRef=A&vnp_TxnRef=B")));
    assert_eq!(codes(&v.findings), vec![Code::GatewayFieldInvalid]);
    // MoMo: a signed field missing; a field that is not text or a number.
    let (mm, req) = signed(Provider::Momo, "HP1", 1000);
    let cb = gateway::simulate_callback(&mm, &req, "0", 1, T0);
    let v = gateway::verify(&mm, &cb.replace("\"transId\"", "\"transIdX\""));
    assert!(codes(&v.findings).contains(&Code::GatewayFieldMissing));
    let v = gateway::verify(&mm, &cb.replace("\"payType\":\"qr\"", "\"payType\":[1]"));
    assert_eq!(codes(&v.findings), vec![Code::GatewayFieldInvalid]);
}

// The fuzz entry points exist with the `fuzzing` feature (the test command turns it on).
#[cfg(feature = "fuzzing")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Signed callbacks with random edits (bytes replaced, inserted, cut) go through the fuzz
    /// entry points, which assert that nothing unverified is applied and every refusal has a
    /// finding.
    #[test]
    fn edited_callbacks_hold_the_fuzz_invariants(
        p in provider(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 0..6),
    ) {
        let m = vietref::fuzzing::gateway_merchant(p);
        let msg = message("VP-2024-17", 50_000);
        let req = gateway::request(&m, &msg, &opts(Some(2))).cleaned.unwrap();
        let ok = if p == Provider::Momo { "0" } else { "00" };
        let mut b = gateway::simulate_callback(&m, &req, ok, 9, T0).into_bytes();
        for (at, byte, kind) in edits {
            if b.is_empty() {
                break;
            }
            let i = at.index(b.len());
            match kind {
                0 => b[i] = byte,
                1 => b.insert(i, byte),
                _ => b.truncate(i),
            }
        }
        match p {
            Provider::Vnpay => vietref::fuzzing::gateway_vnpay(&b),
            Provider::Momo => vietref::fuzzing::gateway_momo(&b),
            Provider::Zalopay => vietref::fuzzing::gateway_zalopay(&b),
        }
    }
}

/// `cargo test --release --test gateway -- --ignored --nocapture`: verification speed.
#[test]
#[ignore]
fn timing() {
    for p in Provider::ALL {
        let (m, req) = signed(p, "HD-2024/0917", 1_806_000);
        let ok = if p == Provider::Momo { "0" } else { "00" };
        let cb = gateway::simulate_callback(&m, &req, ok, 1, T0);
        let n = 20_000;
        let t = std::time::Instant::now();
        for _ in 0..n {
            assert!(gateway::verify(&m, std::hint::black_box(&cb)).verified);
        }
        let per = t.elapsed() / n;
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(gateway::request(
                &m,
                &message("HD-2024/0917", 1_806_000),
                &opts(Some(1)),
            ));
        }
        println!(
            "{p:?}: verify {per:?}, request+message {:?}",
            t.elapsed() / n
        );
    }
}

/// A key or parameter given twice is refused before anything is verified: a verifier could
/// check the signature over one value while the payment applied the other.
#[test]
fn repeated_keys_in_a_callback_are_refused() {
    for p in Provider::ALL {
        let ok = if p == Provider::Momo { "0" } else { "00" };
        let (m, req) = signed(p, "HD-2024/0917", 1_806_000);
        let cb = gateway::simulate_callback(&m, &req, ok, 7, T0);
        let twice = match p {
            Provider::Vnpay => format!("{cb}&vnp_Amount=100"),
            Provider::Momo => cb.replacen("{", "{\"amount\":1,", 1),
            Provider::Zalopay => cb.replacen("{", "{\"mac\":\"00\",", 1),
        };
        assert_ne!(twice, cb, "{p:?}");
        let v = gateway::verify(&m, &twice);
        assert!(!v.verified, "{p:?} accepted a repeated key: {twice}");
        let mut r = reconciler("HD-2024/0917", 1_806_000);
        assert!(!gateway::settle(&v, &mut r, 1).applied);
        let text = format!("{:?}", v.findings);
        assert!(
            text.contains("more than once") || text.contains("duplicate key"),
            "{p:?}: {text}"
        );
    }
}
