//! Issue 18 through the C ABI: spoofed payees refused with every swapped character named,
//! strict and lenient VietQR decoding, bounded excerpts in findings, RF check digits 00/01/99
//! explained, wallet BINs in the registry.

use serde_json::Value;
use std::ffi::c_char;
use std::ptr;
use vietref::capi::reference::*;
use vietref::capi::report::*;
use vietref::capi::string::*;
use vietref::capi::text::*;
use vietref::capi::vietqr::*;
use vietref::capi::vietref_status::*;
use vietref::capi::{vietref_lang, vietref_report, vietref_string, vietref_vietqr};
use vietref::vietqr::crc16;

fn p(s: &str) -> *const c_char {
    s.as_ptr().cast()
}

unsafe fn take(s: *mut vietref_string) -> String {
    let bytes = unsafe {
        std::slice::from_raw_parts(vietref_string_ptr(s).cast::<u8>(), vietref_string_len(s))
    }
    .to_vec();
    unsafe { vietref_string_free(s) };
    String::from_utf8(bytes).unwrap()
}

/// A report's JSON, then frees it.
fn report_json(r: *mut vietref_report) -> Value {
    unsafe {
        let mut s: *mut vietref_string = ptr::null_mut();
        assert_eq!(vietref_report_json(r, &mut s), VIETREF_OK);
        let json = take(s);
        vietref_report_free(r);
        serde_json::from_str(&json).unwrap()
    }
}

fn codes(j: &Value) -> Vec<String> {
    j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn with_crc(body: &str) -> String {
    let b = format!("{body}6304");
    format!("{b}{:04X}", crc16(b.as_bytes()))
}

fn decode(payload: &str, strict: bool) -> Value {
    let mode = if strict {
        vietref_vietqr_mode::VIETREF_VIETQR_STRICT
    } else {
        vietref_vietqr_mode::VIETREF_VIETQR_LENIENT
    } as u32;
    let mut r: *mut vietref_report = ptr::null_mut();
    let st = unsafe { vietref_vietqr_decode(p(payload), payload.len(), mode, &mut r) };
    assert_eq!(st, VIETREF_OK);
    report_json(r)
}

fn verify(merchant_name: &str) -> Value {
    let json = serde_json::json!({
        "bankBin": "970416", "accountNumber": "224528479", "merchantName": merchant_name
    })
    .to_string();
    let mut qr: *mut vietref_vietqr = ptr::null_mut();
    let mut r: *mut vietref_report = ptr::null_mut();
    let (bin, acc, name) = ("970416", "224528479", "Trường THCS Hòa Bình");
    unsafe {
        assert_eq!(
            vietref_vietqr_from_json(p(&json), json.len(), &mut qr),
            VIETREF_OK
        );
        let st = vietref_vietqr_verify_payee(
            qr,
            p(bin),
            bin.len(),
            p(acc),
            acc.len(),
            p(name),
            name.len(),
            &mut r,
        );
        assert_eq!(st, VIETREF_OK);
        vietref_vietqr_free(qr);
    }
    report_json(r)
}

#[test]
fn spoofed_payees_are_refused_and_every_swap_named() {
    for (shown, swaps) in [
        ("TRUONG THCS HOA \u{FF22}INH", vec![17]),
        ("TRUONG THCS HOA \u{1D401}INH", vec![17]),
        ("TRUONG T\u{04BA}CS HOA BINH", vec![9]),
        ("TRU0NG THC5 H0A B1NH", vec![4, 11, 14, 18]),
    ] {
        let j = verify(shown);
        assert_eq!(j["valid"], false, "{shown}: {j}");
        assert_eq!(codes(&j), ["vietqr.payee_name_lookalike"], "{shown}");
        let msg = j["findings"][0]["message"].as_str().unwrap();
        let vi = j["findings"][0]["messageVi"].as_str().unwrap();
        for at in swaps {
            assert!(msg.contains(&format!("at character {at}")), "{msg}");
            assert!(vi.contains(&format!("tại ký tự thứ {at}")), "{vi}");
        }
        // and the plain comparison says LOOKALIKE
        let reg = "Trường THCS Hòa Bình";
        let mut c = 99u32;
        let st = unsafe {
            vietref_text_compare_payee_name(p(shown), shown.len(), p(reg), reg.len(), &mut c)
        };
        assert_eq!(st, VIETREF_OK);
        assert_eq!(
            c,
            vietref_name_comparison::VIETREF_NAME_LOOKALIKE as u32,
            "{shown}"
        );
    }
    assert_eq!(verify("TRUONG THCS HOA BINH")["valid"], true);
}

/// Strict: non-ASCII in 59 and 62.08 is an error; an unknown BIN and a one-character
/// account are warnings. Lenient: an invalid code still shows every field read.
#[test]
fn strict_and_lenient_decoding() {
    let base = "00020101021138530010A0000007270123000697041601092245284790208QRIBFTTA53037045802VN";
    let cyr = with_crc(&format!("{base}5904HОA 62060802Hо"));
    let j = decode(&cyr, true);
    assert_eq!(j["valid"], false);
    let c = codes(&j);
    assert_eq!(
        c.iter().filter(|k| *k == "vietqr.non_ascii_strict").count(),
        2,
        "{c:?}"
    );
    let fields: Vec<&str> = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "vietqr.non_ascii_strict")
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["vietqr.59", "vietqr.62.08"]);
    assert!(decode(&cyr, false)["valid"] == true);

    let unknown =
        with_crc("00020101021138450010A00000072701150006999999010110208QRIBFTTA53037045802VN");
    let j = decode(&unknown, true);
    assert_eq!(j["valid"], true, "{j}");
    assert_eq!(codes(&j), ["vietqr.bin_unknown", "vietqr.account_length"]);
    for f in j["findings"].as_array().unwrap() {
        assert_eq!(f["severity"], "warning");
    }

    // A 26-character purpose: invalid, but lenient decoding shows what it holds.
    let long = with_crc(&format!("{base}62300826HOC PHI HK1 HP24010172 ABC"));
    let j = decode(&long, false);
    assert_eq!(j["valid"], false);
    assert_eq!(codes(&j), ["vietqr.too_long"]);
    assert_eq!(j["fields"]["62.08"], "HOC PHI HK1 HP24010172 ABC");
    assert_eq!(j["fields"]["38.01.00"], "970416");
    assert_eq!(j["fields"]["38.01.01"], "224528479");
    assert_eq!(j["fields"]["58"], "VN");
    // strict gives no fields
    assert!(decode(&long, true).get("fields").is_none());
    // A structural fault: the fields before it.
    let broken = format!("{base}62300899HOC");
    let j = decode(&broken, false);
    assert_eq!(j["valid"], false);
    assert_eq!(j["fields"]["38.01.01"], "224528479");
}

/// A 10 MB name gives a small report: findings quote a bounded excerpt.
#[test]
fn reports_quote_excerpts() {
    let name = "nguyễn ".repeat(10 << 20 >> 3);
    let field = "payerName";
    let mut r: *mut vietref_report = ptr::null_mut();
    let st = unsafe { vietref_text_check(p(&name), name.len(), p(field), field.len(), &mut r) };
    assert_eq!(st, VIETREF_OK);
    let j = report_json(r);
    let text = j.to_string();
    assert!(text.len() < 16 * 1024, "report of {} bytes", text.len());
    let case = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "name.case")
        .expect("name.case");
    let n = name.trim_end().chars().count();
    assert!(case["message"]
        .as_str()
        .unwrap()
        .contains(&format!("({n} characters)")));
    assert!(case["messageVi"]
        .as_str()
        .unwrap()
        .contains(&format!("({n} ký tự)")));
    assert!(case["detail"].as_str().unwrap().contains("Nguyễn Nguyễn"));
}

#[test]
fn rf_reserved_check_digits_explained() {
    for bad in ["RF9936", "RF0072", "RF0154"] {
        let mut s: *mut vietref_string = ptr::null_mut();
        let kind = vietref_ref_kind::VIETREF_REF_RF as u32;
        let st = unsafe { vietref_ref_validate(kind, p(bad), bad.len(), &mut s) };
        assert_eq!(st, VIETREF_REF_INVALID_PART, "{bad}");
        for (lang, want) in [
            (vietref_lang::VIETREF_LANG_EN, "02 to 98"),
            (vietref_lang::VIETREF_LANG_VI, "02 đến 98"),
        ] {
            let mut m: *mut vietref_string = ptr::null_mut();
            let st = unsafe {
                vietref_ref_validate_message(kind, p(bad), bad.len(), lang as u32, &mut m)
            };
            assert_eq!(st, VIETREF_OK);
            let m = unsafe { take(m) };
            assert!(m.contains(want) && !m.contains("typing"), "{m}");
        }
    }
}

#[test]
fn wallet_bins_are_in_the_registry() {
    let q = "971025";
    let mut s: *mut vietref_string = ptr::null_mut();
    let st = unsafe { vietref_vietqr_bank_lookup(p(q), q.len(), &mut s) };
    assert_eq!(st, VIETREF_OK);
    let j: Value = serde_json::from_str(&unsafe { take(s) }).unwrap();
    assert_eq!(j["shortName"], "MoMo");
    assert_eq!(j["kind"], "wallet");
}
