//! The C ABI called directly from Rust: the wrappers give what the Rust API gives, for any
//! input; arbitrary bytes never panic; buffers and owned strings agree; handles shared
//! between threads. (The forced-panic path is a unit test in src/capi/mod.rs, through the
//! test-only export `vietref_test_panic`.)

use proptest::prelude::*;
use std::ffi::{c_char, CStr};
use std::ptr;
use vietref::capi::message::*;
use vietref::capi::report::*;
use vietref::capi::string::*;
use vietref::capi::text::*;
use vietref::capi::vietref_status::{self, *};
use vietref::capi::{vietref_lang, vietref_message, vietref_report, vietref_string};
use vietref::text::{self, ToneStyle};

type OwnedFn =
    unsafe extern "C" fn(*const c_char, usize, *mut *mut vietref_string) -> vietref_status;
type BufFn =
    unsafe extern "C" fn(*const c_char, usize, *mut c_char, usize, *mut usize) -> vietref_status;

/// Calls an owned-string function; returns the status and the text when OK.
fn owned(f: OwnedFn, input: &[u8]) -> (vietref_status, Option<Vec<u8>>) {
    let mut s: *mut vietref_string = ptr::null_mut();
    let st = unsafe { f(input.as_ptr().cast(), input.len(), &mut s) };
    if st != VIETREF_OK {
        assert!(s.is_null(), "out written on failure");
        return (st, None);
    }
    let bytes = unsafe {
        let p = vietref_string_ptr(s).cast::<u8>();
        let n = vietref_string_len(s);
        assert_eq!(*p.add(n), 0, "owned strings are NUL-terminated");
        std::slice::from_raw_parts(p, n).to_vec()
    };
    unsafe { vietref_string_free(s) };
    (st, Some(bytes))
}

/// Calls a `_buf` function with a size query first, then an exact buffer.
fn buffered(f: BufFn, input: &[u8]) -> (vietref_status, Option<Vec<u8>>) {
    let mut need = usize::MAX;
    let st = unsafe {
        f(
            input.as_ptr().cast(),
            input.len(),
            ptr::null_mut(),
            0,
            &mut need,
        )
    };
    match st {
        VIETREF_OK => {
            assert_eq!(need, 0);
            return (st, Some(Vec::new()));
        }
        VIETREF_INSUFFICIENT_SIZE => assert!(need > 0),
        other => {
            assert_eq!(need, usize::MAX, "len_out written on {other:?}");
            return (other, None);
        }
    }
    let mut buf = vec![0xAAu8; need + 1];
    let mut len = 0usize;
    let st = unsafe {
        f(
            input.as_ptr().cast(),
            input.len(),
            buf.as_mut_ptr().cast(),
            need,
            &mut len,
        )
    };
    assert_eq!(st, VIETREF_OK);
    assert_eq!(len, need);
    assert_eq!(buf[need], 0xAA, "nothing written past the length");
    buf.truncate(need);
    (st, Some(buf))
}

unsafe extern "C" fn retone_main(
    t: *const c_char,
    n: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    unsafe {
        vietref_text_retone(
            t,
            n,
            vietref_tone_style::VIETREF_TONE_MAIN_VOWEL as u32,
            out,
        )
    }
}
unsafe extern "C" fn retone_main_buf(
    t: *const c_char,
    n: usize,
    b: *mut c_char,
    c: usize,
    l: *mut usize,
) -> vietref_status {
    unsafe {
        vietref_text_retone_buf(
            t,
            n,
            vietref_tone_style::VIETREF_TONE_MAIN_VOWEL as u32,
            b,
            c,
            l,
        )
    }
}

/// Each text function pair with the Rust function it wraps (`None`: the C call fails).
type RustFn = fn(&str) -> Option<String>;

fn pairs() -> Vec<(&'static str, OwnedFn, BufFn, RustFn)> {
    vec![
        ("fold", vietref_text_fold, vietref_text_fold_buf, |s| {
            Some(text::fold(s))
        }),
        ("key", vietref_text_key, vietref_text_key_buf, |s| {
            Some(text::key(s))
        }),
        ("retone", retone_main, retone_main_buf, |s| {
            Some(text::retone(s, ToneStyle::MainVowel))
        }),
        ("name", vietref_text_name, vietref_text_name_buf, |s| {
            text::check_name(s, "").cleaned
        }),
        (
            "skeleton",
            vietref_text_skeleton,
            vietref_text_skeleton_buf,
            |s| Some(text::skeleton(s)),
        ),
    ]
}

fn check_pairs(input: &[u8]) {
    for (name, own, buf, rust) in pairs() {
        let (st_o, out_o) = owned(own, input);
        let (st_b, out_b) = buffered(buf, input);
        assert_eq!(st_o, st_b, "{name}");
        assert_eq!(out_o, out_b, "{name}");
        match std::str::from_utf8(input) {
            Err(_) => assert_eq!(st_o, VIETREF_INVALID_UTF8, "{name}"),
            Ok(s) => match rust(s) {
                Some(want) => assert_eq!(out_o.as_deref(), Some(want.as_bytes()), "{name}"),
                None => assert_eq!(st_o, VIETREF_TEXT_NAME_INVALID, "{name}"),
            },
        }
    }
}

proptest! {
    #[test]
    fn text_functions_agree_with_rust_on_any_bytes(input in proptest::collection::vec(any::<u8>(), 0..40)) {
        check_pairs(&input);
    }

    #[test]
    fn text_functions_agree_with_rust_on_any_string(input in "\\PC{0,30}") {
        check_pairs(input.as_bytes());
    }

    #[test]
    fn message_through_c_equals_rust(
        payer in "[A-Za-zàáạảãâầấậẩẫăằắặẳẵđĐ 2@]{0,20}",
        reason in "\\PC{0,20}",
        invoice in "[A-Z0-9 /.-]{0,12}",
        amount in 0u64..20_000_000_000_000,
    ) {
        let draft = vietref::MessageDraft {
            sector: Some("education".into()),
            payer_name: Some(payer.clone()),
            beneficiary_name: Some("Nguyễn Thị Bình".into()),
            reason: Some(reason.clone()),
            invoice: Some(invoice.clone()),
            amount: Some(serde_json::json!(amount)),
        };
        let want = serde_json::to_string(&draft.validate()).unwrap();
        unsafe {
            let mut m: *mut vietref_message = ptr::null_mut();
            prop_assert_eq!(vietref_message_new(&mut m), VIETREF_OK);
            vietref_message_set_sector(m, c"education".as_ptr(), 9);
            vietref_message_set_payer_name(m, payer.as_ptr().cast(), payer.len());
            let b = "Nguyễn Thị Bình";
            vietref_message_set_beneficiary_name(m, b.as_ptr().cast(), b.len());
            vietref_message_set_reason(m, reason.as_ptr().cast(), reason.len());
            vietref_message_set_invoice(m, invoice.as_ptr().cast(), invoice.len());
            vietref_message_set_amount(m, amount);
            let mut r: *mut vietref_report = ptr::null_mut();
            prop_assert_eq!(vietref_message_validate(m, &mut r), VIETREF_OK);
            let mut s: *mut vietref_string = ptr::null_mut();
            prop_assert_eq!(vietref_report_json(r, &mut s), VIETREF_OK);
            let got = std::slice::from_raw_parts(vietref_string_ptr(s).cast::<u8>(), vietref_string_len(s));
            prop_assert_eq!(std::str::from_utf8(got).unwrap(), want.as_str());
            vietref_string_free(s);
            vietref_report_free(r);
            vietref_message_free(m);
        }
    }

    #[test]
    fn check_text_through_c_equals_rust(input in "\\PC{0,30}", field in "[a-z]{0,8}") {
        let (norm, findings) = text::check_text(&input, &field);
        let valid = !vietref::finding::has_error(&findings);
        let want = serde_json::json!({
            "valid": valid,
            "findings": findings,
            "cleaned": if valid { Some(norm) } else { None },
        });
        unsafe {
            let mut r: *mut vietref_report = ptr::null_mut();
            prop_assert_eq!(
                vietref_text_check_text(input.as_ptr().cast(), input.len(), field.as_ptr().cast(), field.len(), &mut r),
                VIETREF_OK
            );
            let mut s: *mut vietref_string = ptr::null_mut();
            prop_assert_eq!(vietref_report_json(r, &mut s), VIETREF_OK);
            let got = std::slice::from_raw_parts(vietref_string_ptr(s).cast::<u8>(), vietref_string_len(s));
            let got: serde_json::Value = serde_json::from_slice(got).unwrap();
            prop_assert_eq!(got, want);
            vietref_string_free(s);
            vietref_report_free(r);
        }
    }

    #[test]
    fn from_json_never_panics(json in "\\PC{0,60}") {
        unsafe {
            let mut m: *mut vietref_message = ptr::null_mut();
            let st = vietref_message_from_json(json.as_ptr().cast(), json.len(), &mut m);
            let parsed = serde_json::from_str::<vietref::MessageDraft>(&json).is_ok();
            prop_assert_eq!(st == VIETREF_OK, parsed);
            prop_assert!(st == VIETREF_OK || st == VIETREF_MESSAGE_JSON_INVALID);
            vietref_message_free(m);
        }
    }
}

#[test]
fn reports_can_be_read_from_many_threads() {
    struct Shared(*const vietref_report);
    // SAFETY (of the test): vietref_report is documented immutable and shareable.
    unsafe impl Sync for Shared {}
    let text = "Nguyễn 2 @";
    let mut r: *mut vietref_report = ptr::null_mut();
    let st = unsafe {
        vietref_text_check(
            text.as_ptr().cast(),
            text.len(),
            c"payerName".as_ptr(),
            9,
            &mut r,
        )
    };
    assert_eq!(st, VIETREF_OK);
    let shared = Shared(r);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let shared = &shared;
            scope.spawn(move || {
                for _ in 0..200 {
                    let mut n = 0usize;
                    assert_eq!(
                        unsafe { vietref_report_count(shared.0, &mut n) },
                        VIETREF_OK
                    );
                    assert_eq!(n, 2);
                    let mut s: *mut vietref_string = ptr::null_mut();
                    let st = unsafe {
                        vietref_report_finding_message(
                            shared.0,
                            1,
                            vietref_lang::VIETREF_LANG_VI as u32,
                            &mut s,
                        )
                    };
                    assert_eq!(st, VIETREF_OK);
                    let msg = unsafe { CStr::from_ptr(vietref_string_ptr(s)) }
                        .to_str()
                        .unwrap()
                        .to_owned();
                    assert_eq!(
                        msg,
                        "họ tên không được chứa ký hiệu '@' (U+0040) tại ký tự thứ 10"
                    );
                    unsafe { vietref_string_free(s) };
                }
            });
        }
    });
    unsafe { vietref_report_free(r) };
}

#[test]
fn statuses_have_texts_in_both_languages() {
    for s in vietref_status::ALL {
        let en = unsafe { CStr::from_ptr(vietref::capi::vietref_status_message(*s as u32, 1)) };
        let vi = unsafe { CStr::from_ptr(vietref::capi::vietref_status_message(*s as u32, 2)) };
        assert_eq!(en.to_str().unwrap(), s.message_en());
        assert_eq!(vi.to_str().unwrap(), s.message_vi());
    }
}

/// The JSON of a message's validation report, and its validity.
fn validation_json(m: *const vietref_message) -> (bool, serde_json::Value) {
    let mut r: *mut vietref_report = ptr::null_mut();
    assert_eq!(unsafe { vietref_message_validate(m, &mut r) }, VIETREF_OK);
    let mut valid = 9u32;
    assert_eq!(unsafe { vietref_report_valid(r, &mut valid) }, VIETREF_OK);
    let mut s: *mut vietref_string = ptr::null_mut();
    assert_eq!(unsafe { vietref_report_json(r, &mut s) }, VIETREF_OK);
    let json = unsafe { CStr::from_ptr(vietref_string_ptr(s)) }
        .to_str()
        .unwrap()
        .to_owned();
    unsafe {
        vietref_string_free(s);
        vietref_report_free(r);
    }
    (valid == 1, serde_json::from_str(&json).unwrap())
}

unsafe fn set(
    f: unsafe extern "C" fn(*mut vietref_message, *const c_char, usize) -> vietref_status,
    m: *mut vietref_message,
    text: &[u8],
) -> vietref_status {
    unsafe { f(m, text.as_ptr().cast(), text.len()) }
}

/// A setter that refuses its text (here invalid UTF-8, and NULL with a length) returns its
/// status and leaves a `message.value_rejected` error on the field that the report shows
/// first, instead of a bare "field is required"; setting the field again clears it.
#[test]
fn a_refused_setter_leaves_a_finding_in_the_report() {
    let mut m: *mut vietref_message = ptr::null_mut();
    assert_eq!(unsafe { vietref_message_new(&mut m) }, VIETREF_OK);
    unsafe {
        assert_eq!(set(vietref_message_set_sector, m, b"health"), VIETREF_OK);
        assert_eq!(set(vietref_message_set_reason, m, b"Vien phi"), VIETREF_OK);
        assert_eq!(set(vietref_message_set_invoice, m, b"VP1"), VIETREF_OK);
        assert_eq!(
            set(vietref_message_set_payer_name, m, b"Nguy\xC3n An"),
            VIETREF_INVALID_UTF8
        );
    }
    let (valid, json) = validation_json(m);
    assert!(!valid);
    let findings = json["findings"].as_array().unwrap();
    let payer: Vec<_> = findings
        .iter()
        .filter(|f| f["field"] == "payerName")
        .collect();
    assert_eq!(payer.len(), 1, "{json}");
    assert_eq!(payer[0]["code"], "message.value_rejected");
    let en = payer[0]["message"].as_str().unwrap();
    assert!(en.contains("not UTF-8 (byte 5 of 9)"), "{en}");
    let vi = payer[0]["messageVi"].as_str().unwrap();
    assert!(vi.contains("byte thứ 5 trên 9"), "{vi}");
    // NULL with a length: refused the same way, replacing the earlier rejection.
    assert_eq!(
        unsafe { vietref_message_set_payer_name(m, ptr::null(), 3) },
        VIETREF_NULL_ARGUMENT
    );
    let (_, json) = validation_json(m);
    let text = json.to_string();
    assert_eq!(text.matches("message.value_rejected").count(), 1, "{text}");
    assert!(text.contains("NULL pointer"), "{text}");
    // A good value clears the rejection.
    assert_eq!(
        unsafe { set(vietref_message_set_payer_name, m, "Nguyễn An".as_bytes()) },
        VIETREF_OK
    );
    let (valid, json) = validation_json(m);
    assert!(valid, "{json}");
    // A refusal after a good value: the old value stays but the message is not valid.
    assert_eq!(
        unsafe { set(vietref_message_set_reason, m, b"\xFF") },
        VIETREF_INVALID_UTF8
    );
    let (valid, json) = validation_json(m);
    assert!(!valid);
    assert_eq!(json["findings"][0]["field"], "reason", "{json}");
    assert_eq!(json["findings"][0]["code"], "message.value_rejected");
    unsafe { vietref_message_free(m) };
}

/// A NUL inside a name is stored and then refused by validation as a control character.
#[test]
fn a_nul_in_a_name_is_a_control_character_finding() {
    let mut m: *mut vietref_message = ptr::null_mut();
    assert_eq!(unsafe { vietref_message_new(&mut m) }, VIETREF_OK);
    assert_eq!(
        unsafe { set(vietref_message_set_payer_name, m, b"An\0Binh") },
        VIETREF_OK
    );
    let (valid, json) = validation_json(m);
    assert!(!valid);
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["field"] == "payerName" && f["code"] == "text.control_char"),
        "{json}"
    );
    unsafe { vietref_message_free(m) };
}
