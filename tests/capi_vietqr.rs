//! The VietQR functions of the C ABI called from Rust: each wrapper gives what the Rust API
//! it wraps gives, for any input (arbitrary text, valid payloads with one character
//! changed, arbitrary bytes for the CRC), and `_buf` twins give the owned bytes.

use proptest::prelude::*;
use std::ffi::c_char;
use std::ptr;
use vietref::capi::report::*;
use vietref::capi::string::*;
use vietref::capi::vietqr::*;
use vietref::capi::vietref_status::{self, *};
use vietref::capi::{vietref_report, vietref_string, vietref_vietqr};
use vietref::finding::Report;
use vietref::vietqr::{self, banks, Mode, Payee, VietQr};

const STRICT: u32 = vietref_vietqr_mode::VIETREF_VIETQR_STRICT as u32;
const LENIENT: u32 = vietref_vietqr_mode::VIETREF_VIETQR_LENIENT as u32;

/// The payloads of tests/data/vietqr.json.
fn vectors() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/vietqr.json"
    ))
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut out: Vec<String> = v["payloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["payload"].as_str().unwrap().to_string())
        .collect();
    for p in v["lenient_only"].as_array().unwrap() {
        out.push(p["payload"].as_str().unwrap().to_string());
    }
    out
}

unsafe fn take(s: *mut vietref_string) -> String {
    let bytes = unsafe {
        std::slice::from_raw_parts(vietref_string_ptr(s).cast::<u8>(), vietref_string_len(s))
    }
    .to_vec();
    unsafe { vietref_string_free(s) };
    String::from_utf8(bytes).unwrap()
}

/// A report's JSON and its plain-text cleaned value, then frees it.
unsafe fn report_parts(r: *mut vietref_report) -> (String, Option<String>) {
    unsafe {
        let mut s: *mut vietref_string = ptr::null_mut();
        assert_eq!(vietref_report_json(r, &mut s), VIETREF_OK);
        let json = take(s);
        let mut t: *mut vietref_string = ptr::null_mut();
        let st = vietref_report_cleaned_text(r, &mut t);
        let text = (st == VIETREF_OK).then(|| take(t));
        vietref_report_free(r);
        (json, text)
    }
}

fn decode_c(payload: &[u8], mode: u32) -> Result<*mut vietref_report, vietref_status> {
    let mut r: *mut vietref_report = ptr::null_mut();
    let st = unsafe { vietref_vietqr_decode(payload.as_ptr().cast(), payload.len(), mode, &mut r) };
    if st == VIETREF_OK {
        Ok(r)
    } else {
        assert!(r.is_null(), "report written on failure");
        Err(st)
    }
}

/// The report JSON the Rust API gives for a payload report (a payload as the cleaned text).
fn payload_report_json(r: &Report<String>) -> String {
    serde_json::to_string(r).unwrap()
}

/// What `payload_report` builds on the C side: the Rust report, with the payload encoded.
fn rust_payload(findings: Vec<vietref::Finding>, built: Option<VietQr<'_>>) -> Report<String> {
    let mut findings = findings;
    let mut cleaned = None;
    if let Some(qr) = built {
        match vietqr::encode(&qr) {
            Ok(p) => cleaned = Some(p),
            Err(more) => findings.extend(more),
        }
    }
    if vietref::finding::has_error(&findings) {
        cleaned = None;
    }
    Report { findings, cleaned }
}

/// Checks decode through C against `vietqr::decode`, and every accessor of the handle.
fn check_decode(payload: &[u8]) {
    for (mode, rust_mode) in [(STRICT, Mode::Strict), (LENIENT, Mode::Lenient)] {
        let Ok(text_in) = std::str::from_utf8(payload) else {
            assert_eq!(decode_c(payload, mode).unwrap_err(), VIETREF_INVALID_UTF8);
            continue;
        };
        let want = vietqr::decode(text_in, rust_mode);
        let r = decode_c(payload, mode).expect("decode makes a report");
        unsafe {
            let mut q: *mut vietref_vietqr = ptr::null_mut();
            let st = vietref_vietqr_from_report(r, &mut q);
            match &want.cleaned {
                None => assert_eq!(st, VIETREF_NO_VALUE),
                Some(qr) => {
                    assert_eq!(st, VIETREF_OK);
                    check_handle(q, qr);
                    vietref_vietqr_free(q);
                }
            }
            let (json, text) = report_parts(r);
            // Lenient decoding of an invalid code adds every field it could read.
            let mut expected = serde_json::to_value(&want).unwrap();
            if rust_mode == Mode::Lenient && !want.is_valid() {
                let d = vietqr::decode_fields(text_in, rust_mode);
                expected["fields"] = serde_json::to_value(&d.fields).unwrap();
            }
            let got: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(got, expected);
            assert_eq!(text, None, "a decode report's cleaned value is not a text");
        }
    }
}

/// Every field, the amount, the JSON (owned and `_buf`) and re-encoding of a handle equal
/// the Rust values.
unsafe fn check_handle(q: *mut vietref_vietqr, qr: &VietQr<'_>) {
    let ad = &qr.additional_data;
    let want: [Option<&str>; 21] = [
        Some(qr.initiation.code()),
        Some(&qr.bank_bin),
        Some(&qr.account_number),
        Some(qr.service.code()),
        qr.merchant_category.as_deref(),
        Some(&qr.currency),
        qr.amount.as_deref(),
        Some(&qr.country),
        qr.merchant_name.as_deref(),
        qr.merchant_city.as_deref(),
        qr.postal_code.as_deref(),
        ad.bill_number.as_deref(),
        ad.mobile_number.as_deref(),
        ad.store_label.as_deref(),
        ad.loyalty_number.as_deref(),
        ad.reference_label.as_deref(),
        ad.customer_label.as_deref(),
        ad.terminal_label.as_deref(),
        ad.purpose.as_deref(),
        ad.consumer_data_request.as_deref(),
        qr.crc.as_deref(),
    ];
    unsafe {
        for (i, w) in want.iter().enumerate() {
            let field = i as u32 + 1;
            let mut s: *mut vietref_string = ptr::null_mut();
            let st = vietref_vietqr_get(q, field, &mut s);
            let got = (st == VIETREF_OK).then(|| take(s));
            assert_eq!(got.as_deref(), *w, "field {field}");
            if st != VIETREF_OK {
                assert_eq!(st, VIETREF_NO_VALUE);
            }
            let mut buf = [0u8; 128];
            let mut len = 0usize;
            let st = vietref_vietqr_get_buf(q, field, buf.as_mut_ptr().cast(), buf.len(), &mut len);
            match w {
                Some(w) => {
                    assert_eq!(st, VIETREF_OK);
                    assert_eq!(&buf[..len], w.as_bytes());
                }
                None => assert_eq!(st, VIETREF_NO_VALUE),
            }
        }
        let mut vnd = 0u64;
        let st = vietref_vietqr_amount(q, &mut vnd);
        assert_eq!((st == VIETREF_OK).then_some(vnd), qr.amount_vnd());
        let mut s: *mut vietref_string = ptr::null_mut();
        assert_eq!(vietref_vietqr_json(q, &mut s), VIETREF_OK);
        let json = take(s);
        assert_eq!(json, serde_json::to_string(qr).unwrap());
        let mut need = 0usize;
        assert_eq!(
            vietref_vietqr_json_buf(q, ptr::null_mut(), 0, &mut need),
            VIETREF_INSUFFICIENT_SIZE
        );
        assert_eq!(need, json.len());
        let mut r: *mut vietref_report = ptr::null_mut();
        assert_eq!(vietref_vietqr_encode(q, &mut r), VIETREF_OK);
        let (got, _) = report_parts(r);
        let want = rust_payload(Vec::new(), Some(qr.clone()));
        assert_eq!(got, payload_report_json(&want));
    }
}

/// One character of a valid payload replaced: every reading is still what Rust reads.
fn mutated() -> impl Strategy<Value = String> {
    (0..4usize, any::<prop::sample::Index>(), any::<char>()).prop_map(|(v, at, c)| {
        let mut chars: Vec<char> = vectors()[v].chars().collect();
        let i = at.index(chars.len());
        chars[i] = c;
        chars.into_iter().collect()
    })
}

proptest! {
    #[test]
    fn decode_equals_rust_on_any_bytes(payload in proptest::collection::vec(any::<u8>(), 0..120)) {
        check_decode(&payload);
    }

    #[test]
    fn decode_equals_rust_on_mutated_payloads(payload in mutated()) {
        check_decode(payload.as_bytes());
    }

    #[test]
    fn to_account_equals_rust(
        bin in "[0-9]{5,7}",
        account in "[0-9A-Za-z]{0,21}",
        amount in prop_oneof![Just(0u64), 1u64..20_000_000_000_000],
        bill in "[ -~]{0,27}",
        purpose in "[ -~à]{0,27}",
    ) {
        let mut r: *mut vietref_report = ptr::null_mut();
        let st = unsafe {
            vietref_vietqr_to_account(
                bin.as_ptr().cast(), bin.len(), account.as_ptr().cast(), account.len(), amount,
                bill.as_ptr().cast(), bill.len(), purpose.as_ptr().cast(), purpose.len(), &mut r,
            )
        };
        prop_assert_eq!(st, VIETREF_OK);
        let (json, text) = unsafe { report_parts(r) };
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let built = VietQr::to_account(
            &Payee::new(bin.clone(), account.clone(), ""),
            (amount != 0).then_some(amount),
            opt(&bill).as_deref(),
            opt(&purpose).as_deref(),
        );
        let want = rust_payload(built.findings, built.cleaned);
        prop_assert_eq!(json, payload_report_json(&want));
        prop_assert_eq!(text, want.cleaned);
    }

    #[test]
    fn encode_json_equals_rust(
        bin in "[0-9]{6}",
        account in "[0-9A-Z]{1,20}",
        amount in proptest::option::of(0u64..100_000_000_000_000),
        purpose in proptest::option::of("[ -~ạ]{0,27}"),
        name in proptest::option::of("[A-Z ]{0,27}"),
    ) {
        let mut v = serde_json::json!({"bankBin": bin, "accountNumber": account});
        if let Some(a) = amount { v["amount"] = a.into(); }
        if let Some(p) = &purpose { v["additionalData"] = serde_json::json!({"purpose": p}); }
        if let Some(n) = &name { v["merchantName"] = n.clone().into(); }
        let json = v.to_string();
        let mut r: *mut vietref_report = ptr::null_mut();
        let st = unsafe { vietref_vietqr_encode_json(json.as_ptr().cast(), json.len(), &mut r) };
        prop_assert_eq!(st, VIETREF_OK);
        let (got, text) = unsafe { report_parts(r) };
        let qr = vietqr::from_json(&json).unwrap();
        let want = rust_payload(Vec::new(), Some(qr.clone()));
        prop_assert_eq!(got, payload_report_json(&want));
        prop_assert_eq!(&text, &want.cleaned);
        // The handle route gives the same, and a valid payload decodes back to its fields.
        let mut q: *mut vietref_vietqr = ptr::null_mut();
        prop_assert_eq!(unsafe { vietref_vietqr_from_json(json.as_ptr().cast(), json.len(), &mut q) }, VIETREF_OK);
        unsafe { check_handle(q, &qr); vietref_vietqr_free(q); }
        if let Some(p) = text {
            let back = vietqr::decode(&p, Mode::Strict).cleaned.expect("own payload decodes");
            prop_assert_eq!(back.bank_bin.as_ref(), bin.as_str());
            prop_assert_eq!(back.amount_vnd(), amount);
        }
    }

    #[test]
    fn from_json_never_panics(json in "\\PC{0,60}") {
        let mut q: *mut vietref_vietqr = ptr::null_mut();
        let st = unsafe { vietref_vietqr_from_json(json.as_ptr().cast(), json.len(), &mut q) };
        prop_assert_eq!(st == VIETREF_OK, vietqr::from_json(&json).is_ok());
        prop_assert!(st == VIETREF_OK || st == VIETREF_VIETQR_JSON_INVALID);
        unsafe { vietref_vietqr_free(q) };
    }

    #[test]
    fn verify_payee_equals_rust(
        v in 0..4usize,
        bin in prop_oneof![Just("970403".to_string()), "[0-9]{6}"],
        account in prop_oneof![Just("0011012345678".to_string()), "[0-9]{1,14}"],
        merchant in proptest::option::of(prop_oneof![
            Just("TRUONG THCS HOA BINH".to_string()),
            Just("TRUONG THCS H0A BINH".to_string()),
            "\\PC{0,20}",
        ]),
        name in prop_oneof![Just("Trường THCS Hòa Bình".to_string()), "\\PC{0,20}"],
    ) {
        let mut qr = vietqr::decode(&vectors()[v], Mode::Lenient).cleaned.unwrap().into_owned();
        qr.merchant_name = merchant.map(Into::into);
        let json = serde_json::to_string(&qr).unwrap();
        let mut q: *mut vietref_vietqr = ptr::null_mut();
        prop_assert_eq!(unsafe { vietref_vietqr_from_json(json.as_ptr().cast(), json.len(), &mut q) }, VIETREF_OK);
        let mut r: *mut vietref_report = ptr::null_mut();
        let st = unsafe {
            vietref_vietqr_verify_payee(q, bin.as_ptr().cast(), bin.len(), account.as_ptr().cast(),
                account.len(), name.as_ptr().cast(), name.len(), &mut r)
        };
        prop_assert_eq!(st, VIETREF_OK);
        let findings = vietqr::verify_payee(&qr, &Payee::new(bin.clone(), account.clone(), name.clone()));
        let valid = !vietref::finding::has_error(&findings);
        let want = Report { findings, cleaned: valid.then(|| qr.clone()) };
        let (got, _) = unsafe { report_parts(r) };
        prop_assert_eq!(got, serde_json::to_string(&want).unwrap());
        unsafe { vietref_vietqr_free(q) };
    }

    #[test]
    fn bank_lookup_equals_rust(query in prop_oneof![
        "97[0-9]{4}",
        "\\PC{0,12}",
        prop::sample::select(banks::BANKS.iter().map(|b| b.short_name.to_string()).collect::<Vec<_>>()),
        prop::sample::select(banks::BANKS.iter().map(|b| b.name.to_lowercase()).collect::<Vec<_>>()),
    ]) {
        let mut s: *mut vietref_string = ptr::null_mut();
        let st = unsafe { vietref_vietqr_bank_lookup(query.as_ptr().cast(), query.len(), &mut s) };
        match banks::lookup(&query) {
            Some(b) => {
                prop_assert_eq!(st, VIETREF_OK);
                prop_assert_eq!(unsafe { take(s) }, serde_json::to_string(b).unwrap());
            }
            None => prop_assert_eq!(st, VIETREF_NO_VALUE),
        }
        let mut buf = [0u8; 512];
        let mut len = 0usize;
        let st2 = unsafe {
            vietref_vietqr_bank_lookup_buf(query.as_ptr().cast(), query.len(), buf.as_mut_ptr().cast::<c_char>(), buf.len(), &mut len)
        };
        prop_assert_eq!(st2, st);
        if st2 == VIETREF_OK {
            let want = serde_json::to_string(banks::lookup(&query).unwrap()).unwrap();
            prop_assert_eq!(&buf[..len], want.as_bytes());
        }
    }

    #[test]
    fn crc16_equals_rust_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let mut crc = 0u16;
        prop_assert_eq!(unsafe { vietref_vietqr_crc16(bytes.as_ptr(), bytes.len(), &mut crc) }, VIETREF_OK);
        prop_assert_eq!(crc, vietqr::crc16(&bytes));
    }
}

#[test]
fn every_vector_decodes_through_c_as_in_rust() {
    for p in vectors() {
        check_decode(p.as_bytes());
    }
}

#[test]
fn handles_can_be_read_from_many_threads() {
    struct Shared(*const vietref_vietqr);
    // SAFETY (of the test): vietref_vietqr is documented immutable and shareable.
    unsafe impl Sync for Shared {}
    let p = &vectors()[1];
    let r = decode_c(p.as_bytes(), STRICT).unwrap();
    let mut q: *mut vietref_vietqr = ptr::null_mut();
    assert_eq!(unsafe { vietref_vietqr_from_report(r, &mut q) }, VIETREF_OK);
    unsafe { vietref_report_free(r) };
    let shared = Shared(q);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let shared = &shared;
            scope.spawn(move || {
                for _ in 0..200 {
                    let mut s: *mut vietref_string = ptr::null_mut();
                    let st = unsafe {
                        vietref_vietqr_get(
                            shared.0,
                            vietref_vietqr_field::VIETREF_VIETQR_FIELD_PURPOSE as u32,
                            &mut s,
                        )
                    };
                    assert_eq!(st, VIETREF_OK);
                    assert_eq!(unsafe { take(s) }, "thanh toan don hang");
                }
            });
        }
    });
    unsafe { vietref_vietqr_free(q) };
}
