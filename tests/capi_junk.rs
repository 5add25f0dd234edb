//! The junk corpus (tests/common/junk.rs, the one tests/junk.rs gives the Rust API) through
//! every C function that takes text or bytes, called from Rust as a C caller would: the
//! corpus goes in as raw bytes, so invalid UTF-8 reaches the boundary as it is.
//!
//! For every call: never `VIETREF_PANIC`; an out-parameter is written only on success;
//! every owned output (strings, reports, handles) is read and freed; every `_buf` twin
//! gives the owned result. For junk: the status is an error, or the report made is
//! invalid, or (for functions that transform rather than validate: fold, decode, detect)
//! the result is what the Rust API gives, holding nothing junk; a reconciler never applies
//! a junk line to an invoice.

mod common;

use common::junk::{as_text, fits_free_text, junk, show};
use std::ffi::c_char;
use std::ptr;
use vietref::capi::legacy::*;
use vietref::capi::memo::*;
use vietref::capi::message::*;
use vietref::capi::reconcile::*;
use vietref::capi::reference::*;
use vietref::capi::report::*;
use vietref::capi::string::*;
use vietref::capi::text::*;
use vietref::capi::vietqr::*;
use vietref::capi::vietref_status::{self, *};
use vietref::capi::{
    vietref_candidates, vietref_detection, vietref_encoded, vietref_line_result, vietref_message,
    vietref_reconciler, vietref_report, vietref_string, vietref_vietqr,
};
use vietref::legacy::{self, EncodeOptions, Encoding, Tcvn3Capitals};

type S = vietref_status;

fn ok(s: S) -> bool {
    assert_ne!(s, VIETREF_PANIC, "a call panicked");
    s == VIETREF_OK
}

/// Whether every character is a space or a comma: the empty list of schemes.
fn no_schemes(j: &[u8]) -> bool {
    j.iter().all(|b| matches!(b, b' ' | b','))
}

fn p(b: &[u8]) -> *const c_char {
    b.as_ptr().cast()
}

/// Reads an owned string and frees it.
fn take(s: *mut vietref_string) -> Vec<u8> {
    unsafe {
        let ptr = vietref_string_ptr(s).cast::<u8>();
        let n = vietref_string_len(s);
        assert!(!ptr.is_null());
        assert_eq!(*ptr.add(n), 0, "owned strings are NUL-terminated");
        let v = std::slice::from_raw_parts(ptr, n).to_vec();
        vietref_string_free(s);
        v
    }
}

/// Calls an owned-string function: the status and the text, the string freed.
fn owned(f: impl FnOnce(*mut *mut vietref_string) -> S) -> (S, Option<Vec<u8>>) {
    let mut out: *mut vietref_string = ptr::null_mut();
    let st = f(&mut out);
    if ok(st) {
        (st, Some(take(out)))
    } else {
        assert!(out.is_null(), "out-parameter written on {st:?}");
        (st, None)
    }
}

/// Calls a `_buf` function: a size query, then an exact buffer (nothing written past it).
fn buffered(f: impl Fn(*mut c_char, usize, *mut usize) -> S) -> (S, Option<Vec<u8>>) {
    let mut need = usize::MAX;
    let st = f(ptr::null_mut(), 0, &mut need);
    match st {
        VIETREF_OK => {
            assert_eq!(need, 0);
            return (st, Some(Vec::new()));
        }
        VIETREF_INSUFFICIENT_SIZE => assert!(need > 0),
        other => {
            assert_ne!(other, VIETREF_PANIC, "a call panicked");
            assert_eq!(need, usize::MAX, "len_out written on {other:?}");
            return (other, None);
        }
    }
    let mut buf = vec![0xAAu8; need + 1];
    let mut len = 0usize;
    let st = f(buf.as_mut_ptr().cast(), need, &mut len);
    assert_eq!(st, VIETREF_OK);
    assert_eq!(len, need);
    assert_eq!(buf[need], 0xAA, "written past the length");
    buf.truncate(need);
    (st, Some(buf))
}

/// An owned-string function and its `_buf` twin: they agree; the owned result.
fn both(
    f: impl FnOnce(*mut *mut vietref_string) -> S,
    g: impl Fn(*mut c_char, usize, *mut usize) -> S,
) -> (S, Option<Vec<u8>>) {
    let a = owned(f);
    let b = buffered(g);
    assert_eq!(a, b, "_buf differs from the owned result");
    a
}

/// Reads every accessor of a report (and its `_buf` twins), frees it, and returns whether
/// it is valid; `None` when the call failed (and wrote nothing).
fn report(st: S, rep: *mut vietref_report) -> Option<bool> {
    if !ok(st) {
        assert!(rep.is_null(), "report written on {st:?}");
        return None;
    }
    unsafe {
        let mut valid = 9u32;
        assert!(ok(vietref_report_valid(rep, &mut valid)) && valid <= 1);
        let mut n = usize::MAX;
        assert!(ok(vietref_report_count(rep, &mut n)));
        let (st, json) = both(
            |o| vietref_report_json(rep, o),
            |b, c, l| vietref_report_json_buf(rep, b, c, l),
        );
        assert!(ok(st));
        assert!(serde_json::from_slice::<serde_json::Value>(&json.unwrap_or_default()).is_ok());
        let (cj, _) = both(
            |o| vietref_report_cleaned_json(rep, o),
            |b, c, l| vietref_report_cleaned_json_buf(rep, b, c, l),
        );
        let (ct, _) = both(
            |o| vietref_report_cleaned_text(rep, o),
            |b, c, l| vietref_report_cleaned_text_buf(rep, b, c, l),
        );
        assert!(ct == VIETREF_OK || ct == VIETREF_NO_VALUE || ct == VIETREF_WRONG_KIND);
        assert_eq!(
            cj == VIETREF_OK,
            valid == 1,
            "a cleaned value without validity"
        );
        let mut errors = 0;
        for i in 0..=n.min(32) {
            let mut sev = 0u32;
            let st = vietref_report_finding_severity(rep, i, &mut sev);
            let mut code = 0u32;
            let cs = vietref_report_finding_code(rep, i, &mut code);
            let mut pos = 0usize;
            let ps = vietref_report_finding_position(rep, i, &mut pos);
            let mut ch = 0u32;
            let chs = vietref_report_finding_char(rep, i, &mut ch);
            if i == n {
                for s in [st, cs, ps, chs] {
                    assert_eq!(s, VIETREF_INDEX_OUT_OF_RANGE);
                }
                continue;
            }
            assert!(ok(st) && ok(cs));
            assert!(ok(ps) || ps == VIETREF_NO_VALUE);
            assert!(ok(chs) || chs == VIETREF_NO_VALUE);
            errors += usize::from(sev == 2);
            let (fs, _) = both(
                |o| vietref_report_finding_field(rep, i, o),
                |b, c, l| vietref_report_finding_field_buf(rep, i, b, c, l),
            );
            assert!(ok(fs));
            let (ks, key) = both(
                |o| vietref_report_finding_code_key(rep, i, o),
                |b, c, l| vietref_report_finding_code_key_buf(rep, i, b, c, l),
            );
            assert!(ok(ks) && !key.unwrap_or_default().is_empty());
            for lang in [1u32, 2] {
                let (ms, m) = both(
                    |o| vietref_report_finding_message(rep, i, lang, o),
                    |b, c, l| vietref_report_finding_message_buf(rep, i, lang, b, c, l),
                );
                assert!(ok(ms) && !m.unwrap_or_default().is_empty());
            }
        }
        if n <= 32 {
            assert_eq!(
                valid == 1,
                errors == 0,
                "validity and error findings disagree"
            );
        }
        vietref_report_free(rep);
        Some(valid == 1)
    }
}

/// A report-returning call: `Some(valid)` or `None` on a failed status.
fn call_report(f: impl FnOnce(*mut *mut vietref_report) -> S) -> (S, Option<bool>) {
    let mut rep: *mut vietref_report = ptr::null_mut();
    let st = f(&mut rep);
    (st, report(st, rep))
}

/// Refused: an error status, or an invalid report.
fn refused((st, valid): (S, Option<bool>)) -> bool {
    valid.map_or(st != VIETREF_OK, |v| !v)
}

// ---------------------------------------------------------------------------------------

#[test]
fn capi_text_refuses_junk_as_names() {
    const NAME: &str = "Bệnh viện Đà Nẵng";
    for j in junk() {
        let s = as_text(j);
        let utf8 = std::str::from_utf8(j).is_ok();
        unsafe {
            let (st, _) = both(
                |o| vietref_text_name(p(j), j.len(), o),
                |b, c, l| vietref_text_name_buf(p(j), j.len(), b, c, l),
            );
            assert!(!ok(st), "junk accepted as a name: {}", show(&s));
            if !utf8 {
                assert_eq!(st, VIETREF_INVALID_UTF8);
            }
            let r = call_report(|o| vietref_text_check(p(j), j.len(), p(b"payerName"), 9, o));
            assert!(refused(r), "text_check accepted {}", show(&s));
            let r = call_report(|o| vietref_text_check(p(b"An"), 2, p(j), j.len(), o));
            assert_eq!(r.1.is_some(), utf8, "a field name of junk");

            // Free text: the report says what the Rust check says.
            let r = call_report(|o| vietref_text_check_text(p(j), j.len(), p(b"reason"), 6, o));
            if utf8 {
                let rust = vietref::text::check_text(&s, "reason");
                assert_eq!(r.1, Some(!vietref::finding::has_error(&rust.1)));
            } else {
                assert_eq!(r.0, VIETREF_INVALID_UTF8);
            }

            let transforms: [(S, Option<Vec<u8>>, String); 6] = [
                {
                    let (a, b) = both(
                        |o| vietref_text_skeleton(p(j), j.len(), o),
                        |b, c, l| vietref_text_skeleton_buf(p(j), j.len(), b, c, l),
                    );
                    (a, b, vietref::text::skeleton(&s))
                },
                {
                    let (a, b) = both(
                        |o| vietref_text_fold(p(j), j.len(), o),
                        |b, c, l| vietref_text_fold_buf(p(j), j.len(), b, c, l),
                    );
                    (a, b, vietref::text::fold(&s))
                },
                {
                    let (a, b) = both(
                        |o| vietref_text_key(p(j), j.len(), o),
                        |b, c, l| vietref_text_key_buf(p(j), j.len(), b, c, l),
                    );
                    (a, b, vietref::text::key(&s))
                },
                {
                    let (a, b) = both(
                        |o| vietref_text_retone(p(j), j.len(), 1, o),
                        |b, c, l| vietref_text_retone_buf(p(j), j.len(), 1, b, c, l),
                    );
                    let style = vietref::text::ToneStyle::Traditional;
                    (a, b, vietref::text::retone(&s, style))
                },
                {
                    let (a, b) = both(
                        |o| vietref_text_retone(p(j), j.len(), 2, o),
                        |b, c, l| vietref_text_retone_buf(p(j), j.len(), 2, b, c, l),
                    );
                    let style = vietref::text::ToneStyle::MainVowel;
                    (a, b, vietref::text::retone(&s, style))
                },
                {
                    let (a, b) = both(
                        |o| vietref_text_retone(p(j), j.len(), 3, o),
                        |b, c, l| vietref_text_retone_buf(p(j), j.len(), 3, b, c, l),
                    );
                    assert!(!ok(a), "an unknown tone style");
                    (VIETREF_INVALID_ARGUMENT, b, String::new())
                },
            ];
            for (st, out, rust) in transforms {
                if !utf8 {
                    assert!(st == VIETREF_INVALID_UTF8 || st == VIETREF_INVALID_ARGUMENT);
                } else if ok(st) {
                    assert_eq!(out.as_deref(), Some(rust.as_bytes()));
                }
            }
            let mut r = 9u32;
            let st = vietref_text_looks_like(p(j), j.len(), p(NAME.as_bytes()), NAME.len(), &mut r);
            assert_eq!(ok(st), utf8);
            assert!(!ok(st) || r == 0, "junk looks like {NAME}: {}", show(&s));
            let mut r = 9u32;
            let st = vietref_text_compare_payee_name(
                p(j),
                j.len(),
                p(NAME.as_bytes()),
                NAME.len(),
                &mut r,
            );
            assert_eq!(ok(st), utf8);
            assert!(!ok(st) || r != 1, "junk is the same name: {}", show(&s));
        }
    }
}

/// A message draft with every field valid.
fn valid_message() -> *mut vietref_message {
    let mut m: *mut vietref_message = ptr::null_mut();
    unsafe {
        assert!(ok(vietref_message_new(&mut m)));
        for (f, v) in [
            (vietref_message_set_sector as Setter, "education"),
            (vietref_message_set_payer_name, "Nguyễn Văn An"),
            (vietref_message_set_beneficiary_name, "Nguyễn Thị Bình"),
            (vietref_message_set_reason, "Học phí"),
            (vietref_message_set_invoice, "HP24010172"),
        ] {
            assert!(ok(f(m, p(v.as_bytes()), v.len())));
        }
        assert!(ok(vietref_message_set_amount(m, 500_000)));
    }
    m
}

type Setter = unsafe extern "C" fn(*mut vietref_message, *const c_char, usize) -> S;

#[test]
fn capi_messages_refuse_junk() {
    let setters: [(&str, Setter); 5] = [
        ("sector", vietref_message_set_sector),
        ("payerName", vietref_message_set_payer_name),
        ("beneficiaryName", vietref_message_set_beneficiary_name),
        ("reason", vietref_message_set_reason),
        ("invoice", vietref_message_set_invoice),
    ];
    for j in junk() {
        let s = as_text(j);
        unsafe {
            let mut m: *mut vietref_message = ptr::null_mut();
            let st = vietref_message_from_json(p(j), j.len(), &mut m);
            if ok(st) {
                let r = call_report(|o| vietref_message_validate(m, o));
                assert!(refused(r), "a JSON message of junk: {}", show(&s));
                vietref_message_free(m);
            } else {
                assert!(m.is_null());
            }
            for (k, (field, set)) in setters.into_iter().enumerate() {
                let m = valid_message();
                let st = set(m, p(j), j.len());
                let reason_ok = field == "reason"
                    && vietref::message::Reason::parse(&s, "reason").is_valid()
                    && ok(st);
                // Schemes matter to the invoice only; rendering validates the draft first
                // (every channel once, for the payer; one channel per other field).
                let schemes: &[&[u8]] = if field == "invoice" {
                    &[b"", b"HP:6"]
                } else {
                    &[b""]
                };
                for sc in schemes {
                    let r =
                        call_report(|o| vietref_message_validate_schemes(m, p(sc), sc.len(), o));
                    assert!(
                        refused(r) || reason_ok || !ok(st),
                        "junk accepted in {field}: {}",
                        show(&s)
                    );
                }
                let channels = if field == "payerName" {
                    1..=6u32
                } else {
                    k as u32 + 1..=k as u32 + 1
                };
                for channel in channels {
                    let r = call_report(|o| vietref_memo_render(m, p(b"HP:6"), 4, channel, 0, o));
                    assert!(refused(r) || reason_ok || !ok(st), "rendered {}", show(&s));
                }
                let cs = b"A-Za-z0-9 ";
                let r = call_report(|o| {
                    vietref_memo_render_custom(m, p(b"HP:6"), 4, p(b"b"), 1, p(cs), 10, 60, 0, o)
                });
                assert!(refused(r) || reason_ok || !ok(st), "rendered {}", show(&s));
                vietref_message_free(m);
            }
            // Junk as a channel's name or character set: refused unless it is one.
            let m = valid_message();
            let cs = b"A-Z0-9 ";
            let r = call_report(|o| {
                vietref_memo_render_custom(m, ptr::null(), 0, p(j), j.len(), p(cs), 7, 40, 0, o)
            });
            let utf8 = std::str::from_utf8(j).ok();
            assert_eq!(ok(r.0), utf8.is_some_and(|n| !n.trim().is_empty()));
            let spec = utf8.and_then(|c| vietref::memo::Charset::from_spec(c).ok());
            let (st, text) = owned(|o| {
                let mut rep: *mut vietref_report = ptr::null_mut();
                let st = vietref_memo_render_custom(
                    m,
                    ptr::null(),
                    0,
                    p(b"b"),
                    1,
                    p(j),
                    j.len(),
                    40,
                    0,
                    &mut rep,
                );
                assert_eq!(ok(st), spec.is_some(), "charset {}", show(&s));
                if !ok(st) {
                    return VIETREF_NO_VALUE;
                }
                let t = vietref_report_cleaned_text(rep, o);
                vietref_report_free(rep);
                t
            });
            if let (true, Some(text), Some(set)) = (ok(st), text, spec) {
                assert!(text.iter().all(|b| set.contains(*b)), "{}", show(&s));
            }
            vietref_message_free(m);
            // Junk as the list of schemes.
            let m = valid_message();
            let r = call_report(|o| vietref_message_validate_schemes(m, p(j), j.len(), o));
            assert!(r.0 != VIETREF_OK || no_schemes(j), "schemes {}", show(&s));
            let r = call_report(|o| vietref_memo_render(m, p(j), j.len(), 1, 0, o));
            assert!(r.0 != VIETREF_OK || no_schemes(j));
            vietref_message_free(m);
        }
    }
}

type KindVerb = unsafe extern "C" fn(u32, *const c_char, usize, *mut *mut vietref_string) -> S;
type KindVerbBuf =
    unsafe extern "C" fn(u32, *const c_char, usize, *mut c_char, usize, *mut usize) -> S;

#[test]
fn capi_references_refuse_junk() {
    let verbs: [(&str, KindVerb, KindVerbBuf); 3] = [
        ("validate", vietref_ref_validate, vietref_ref_validate_buf),
        ("format", vietref_ref_format, vietref_ref_format_buf),
        ("compact", vietref_ref_compact, vietref_ref_compact_buf),
    ];
    for j in junk() {
        let s = as_text(j);
        for kind in 1..=6u32 {
            unsafe {
                for (name, f, g) in verbs {
                    let (st, out) = both(
                        |o| f(kind, p(j), j.len(), o),
                        |b, c, l| g(kind, p(j), j.len(), b, c, l),
                    );
                    if name == "compact" {
                        if let Some(c) = out {
                            assert!(
                                !c.is_empty()
                                    && c.iter()
                                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
                                "compact of {}",
                                show(&s)
                            );
                        }
                    } else {
                        assert!(!ok(st), "{name} kind {kind} accepted {}", show(&s));
                    }
                }
                let mut v = 9u32;
                let st = vietref_ref_is_valid(kind, p(j), j.len(), &mut v);
                assert!(!ok(st) || v == 0, "is_valid of {}", show(&s));
                for lang in [1u32, 2, 3] {
                    let (st, m) = both(
                        |o| vietref_ref_validate_message(kind, p(j), j.len(), lang, o),
                        |b, c, l| {
                            vietref_ref_validate_message_buf(kind, p(j), j.len(), lang, b, c, l)
                        },
                    );
                    if ok(st) {
                        assert!(!m.unwrap_or_default().is_empty());
                    } else {
                        assert_ne!(st, VIETREF_NO_VALUE, "junk validates (kind {kind})");
                    }
                }
                for (prefix, body) in [(&b"HP"[..], &j[..]), (&j[..], &b"240101"[..]), (b"", j)] {
                    let (st, _) = both(
                        |o| {
                            vietref_ref_create(
                                kind,
                                p(prefix),
                                prefix.len(),
                                p(body),
                                body.len(),
                                o,
                            )
                        },
                        |b, c, l| {
                            vietref_ref_create_buf(
                                kind,
                                p(prefix),
                                prefix.len(),
                                p(body),
                                body.len(),
                                b,
                                c,
                                l,
                            )
                        },
                    );
                    // An RF reference takes no prefix: an empty one and a good body make one.
                    let rf_ok = kind == 2 && prefix.is_empty() && body == b"240101";
                    assert!(!ok(st) || rf_ok, "create kind {kind} from {}", show(&s));
                    for lang in [1u32, 2] {
                        let (ms, m) = both(
                            |o| {
                                vietref_ref_create_message(
                                    kind,
                                    p(prefix),
                                    prefix.len(),
                                    p(body),
                                    body.len(),
                                    lang,
                                    o,
                                )
                            },
                            |b, c, l| {
                                vietref_ref_create_message_buf(
                                    kind,
                                    p(prefix),
                                    prefix.len(),
                                    p(body),
                                    body.len(),
                                    lang,
                                    b,
                                    c,
                                    l,
                                )
                            },
                        );
                        assert!(ms != VIETREF_NO_VALUE || rf_ok, "a create of junk succeeds");
                        if ok(ms) {
                            assert!(!m.unwrap_or_default().is_empty());
                        }
                    }
                }
            }
        }
    }
}

/// Reads every accessor of a candidates handle (and the `_buf` twins), frees it, and
/// returns the number of candidates.
fn candidates(st: S, c: *mut vietref_candidates) -> Option<usize> {
    if !ok(st) {
        assert!(c.is_null());
        return None;
    }
    unsafe {
        let mut n = usize::MAX;
        assert!(ok(vietref_candidates_count(c, &mut n)));
        for i in 0..=n {
            let (st, _) = both(
                |o| vietref_candidates_code(c, i, o),
                |b, cap, l| vietref_candidates_code_buf(c, i, b, cap, l),
            );
            let mut k = 0u32;
            let ks = vietref_candidates_kind(c, i, &mut k);
            let (mut a, mut e) = (0usize, 0usize);
            let ss = vietref_candidates_span(c, i, &mut a, &mut e);
            for x in [st, ks, ss] {
                assert_eq!(ok(x), i < n);
            }
        }
        let (st, _) = both(
            |o| vietref_candidates_json(c, o),
            |b, cap, l| vietref_candidates_json_buf(c, b, cap, l),
        );
        assert!(ok(st));
        vietref_candidates_free(c);
        Some(n)
    }
}

#[test]
fn capi_memos_find_no_code_in_junk() {
    for j in junk() {
        let s = as_text(j);
        let utf8 = std::str::from_utf8(j).is_ok();
        unsafe {
            for schemes in [&b""[..], b"HP:6"] {
                let mut c: *mut vietref_candidates = ptr::null_mut();
                let st = vietref_memo_extract(p(j), j.len(), p(schemes), schemes.len(), &mut c);
                let n = candidates(st, c);
                assert_eq!(n.is_some(), utf8);
                assert!(n.unwrap_or(0) == 0, "a code found in {}", show(&s));
                let (st, json) = both(
                    |o| vietref_memo_parse(p(j), j.len(), p(schemes), schemes.len(), o),
                    |b, cap, l| {
                        vietref_memo_parse_buf(p(j), j.len(), p(schemes), schemes.len(), b, cap, l)
                    },
                );
                assert_eq!(ok(st), utf8);
                if let Some(json) = json {
                    let v: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
                    assert!(v["invoice"].is_null(), "a code parsed from {}", show(&s));
                }
            }
            let (st, json) = both(
                |o| vietref_memo_envelope(p(j), j.len(), o),
                |b, cap, l| vietref_memo_envelope_buf(p(j), j.len(), b, cap, l),
            );
            assert_eq!(ok(st), utf8);
            if let Some(json) = json {
                let v: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
                assert!(v["free"].is_array(), "envelope of {}", show(&s));
            }
            // Junk as the schemes.
            let text = b"HP24010172 HOC PHI";
            let mut c: *mut vietref_candidates = ptr::null_mut();
            let st = vietref_memo_extract(p(text), text.len(), p(j), j.len(), &mut c);
            let n = candidates(st, c);
            assert!(n.is_none() || no_schemes(j), "schemes {}", show(&s));
            let (st, _) = both(
                |o| vietref_memo_parse(p(text), text.len(), p(j), j.len(), o),
                |b, cap, l| vietref_memo_parse_buf(p(text), text.len(), p(j), j.len(), b, cap, l),
            );
            assert!(!ok(st) || no_schemes(j));
        }
    }
}

const BIN: &[u8] = b"970416";
const ACCOUNT: &[u8] = b"0011012345678";
const PAYEE: &str = "Trường THCS Hòa Bình";

fn valid_qr() -> *mut vietref_vietqr {
    let json = br#"{"bankBin":"970416","accountNumber":"0011012345678","merchantName":"TRUONG THCS HOA BINH","additionalData":{"purpose":"HP24010172 HOC PHI"}}"#;
    let mut q: *mut vietref_vietqr = ptr::null_mut();
    assert!(ok(unsafe {
        vietref_vietqr_from_json(p(json), json.len(), &mut q)
    }));
    q
}

/// Reads every field of a VietQR handle (owned and `_buf`), its JSON, and frees it.
fn walk_qr(q: *mut vietref_vietqr) {
    unsafe {
        for field in 0..=22u32 {
            let _ = both(
                |o| vietref_vietqr_get(q, field, o),
                |b, c, l| vietref_vietqr_get_buf(q, field, b, c, l),
            );
        }
        let (st, _) = both(
            |o| vietref_vietqr_json(q, o),
            |b, c, l| vietref_vietqr_json_buf(q, b, c, l),
        );
        assert!(ok(st));
        let mut vnd = 0u64;
        let _ = ok(vietref_vietqr_amount(q, &mut vnd));
        vietref_vietqr_free(q);
    }
}

#[test]
fn capi_vietqr_refuses_junk() {
    let q = valid_qr();
    let m = valid_message();
    for j in junk() {
        let s = as_text(j);
        unsafe {
            for mode in [1u32, 2] {
                let mut rep: *mut vietref_report = ptr::null_mut();
                let st = vietref_vietqr_decode(p(j), j.len(), mode, &mut rep);
                if ok(st) {
                    let mut from: *mut vietref_vietqr = ptr::null_mut();
                    assert_eq!(vietref_vietqr_from_report(rep, &mut from), VIETREF_NO_VALUE);
                    assert!(from.is_null());
                }
                assert!(refused((st, report(st, rep))), "payload {}", show(&s));
            }
            let mut back: *mut vietref_vietqr = ptr::null_mut();
            let st = vietref_vietqr_from_json(p(j), j.len(), &mut back);
            assert!(!ok(st), "a VietQR from JSON junk {}", show(&s));
            assert!(back.is_null());
            let r = call_report(|o| vietref_vietqr_encode_json(p(j), j.len(), o));
            assert!(!ok(r.0));

            // Junk in every field of a JSON VietQR: it may read, it never encodes.
            for field in [
                "bankBin",
                "accountNumber",
                "merchantCategory",
                "amount",
                "merchantName",
                "merchantCity",
                "postalCode",
                "currency",
                "country",
            ]
            .into_iter()
            .map(|f| vec![f])
            .chain(
                [
                    "billNumber",
                    "mobileNumber",
                    "storeLabel",
                    "loyaltyNumber",
                    "referenceLabel",
                    "customerLabel",
                    "terminalLabel",
                    "purpose",
                    "consumerDataRequest",
                ]
                .into_iter()
                .map(|f| vec!["additionalData", f]),
            )
            .chain([vec!["unreserved", "80"]])
            {
                let mut v =
                    serde_json::json!({"bankBin": "970416", "accountNumber": "0011012345678"});
                match field.as_slice() {
                    [f] => v[*f] = serde_json::Value::String(s.to_string()),
                    [a, b] => v[*a][*b] = serde_json::Value::String(s.to_string()),
                    _ => unreachable!(),
                }
                let json = v.to_string();
                let mut x: *mut vietref_vietqr = ptr::null_mut();
                let st = vietref_vietqr_from_json(p(json.as_bytes()), json.len(), &mut x);
                // Printable text fits an unreserved tag (up to 99 characters).
                let text_ok = field == ["unreserved", "80"] && fits_free_text(&s, 99);
                if ok(st) {
                    let r = call_report(|o| vietref_vietqr_encode(x, o));
                    assert!(refused(r) || text_ok, "{field:?} = {} encoded", show(&s));
                    let mut c: *mut vietref_candidates = ptr::null_mut();
                    let cs = vietref_vietqr_payment_codes(x, p(b"HP:6"), 4, &mut c);
                    assert_eq!(candidates(cs, c), Some(0));
                    walk_qr(x);
                } else {
                    assert!(x.is_null());
                }
                let r =
                    call_report(|o| vietref_vietqr_encode_json(p(json.as_bytes()), json.len(), o));
                assert!(refused(r) || text_ok);
            }

            // Building a code with junk in one argument.
            let args: [[&[u8]; 4]; 4] = [
                [j, ACCOUNT, b"", b""],
                [BIN, j, b"", b""],
                [BIN, ACCOUNT, j, b""],
                [BIN, ACCOUNT, b"", j],
            ];
            for (k, [bin, account, bill, purpose]) in args.into_iter().enumerate() {
                let r = call_report(|o| {
                    vietref_vietqr_to_account(
                        p(bin),
                        bin.len(),
                        p(account),
                        account.len(),
                        500_000,
                        p(bill),
                        bill.len(),
                        p(purpose),
                        purpose.len(),
                        o,
                    )
                });
                // An empty bill or purpose is none; junk that is empty is the valid case.
                let empty_optional = j.is_empty() && (bill == j || purpose == j) && bin == BIN;
                assert!(refused(r) || empty_optional, "to_account took {}", show(&s));
                if k < 2 {
                    let r = call_report(|o| {
                        vietref_vietqr_verify_payee(
                            q,
                            p(bin),
                            bin.len(),
                            p(account),
                            account.len(),
                            p(PAYEE.as_bytes()),
                            PAYEE.len(),
                            o,
                        )
                    });
                    assert!(refused(r), "verify_payee passed {}", show(&s));
                    let r = call_report(|o| {
                        vietref_vietqr_for_payment(
                            m,
                            ptr::null(),
                            0,
                            p(bin),
                            bin.len(),
                            p(account),
                            account.len(),
                            o,
                        )
                    });
                    assert!(refused(r), "for_payment took {}", show(&s));
                }
            }
            // Junk as the registered name: never the same name.
            let mut rep: *mut vietref_report = ptr::null_mut();
            let st = vietref_vietqr_verify_payee(
                q,
                p(BIN),
                BIN.len(),
                p(ACCOUNT),
                ACCOUNT.len(),
                p(j),
                j.len(),
                &mut rep,
            );
            if ok(st) {
                let mut n = 0usize;
                assert!(ok(vietref_report_count(rep, &mut n)));
                assert!(n > 0, "junk is the payee's name: {}", show(&s));
            }
            let _ = report(st, rep);
            // Junk as schemes.
            let r = call_report(|o| {
                vietref_vietqr_for_payment(m, p(j), j.len(), p(BIN), 6, p(ACCOUNT), 13, o)
            });
            assert!(r.0 != VIETREF_OK || no_schemes(j));
            let mut c: *mut vietref_candidates = ptr::null_mut();
            let st = vietref_vietqr_payment_codes(q, p(j), j.len(), &mut c);
            let n = candidates(st, c);
            assert!(n.is_none() || no_schemes(j));

            let (st, _) = both(
                |o| vietref_vietqr_bank_lookup(p(j), j.len(), o),
                |b, c, l| vietref_vietqr_bank_lookup_buf(p(j), j.len(), b, c, l),
            );
            assert!(!ok(st), "a bank named {}", show(&s));
            let mut crc = 0u16;
            assert!(ok(vietref_vietqr_crc16(j.as_ptr(), j.len(), &mut crc)));
            assert_eq!(crc, vietref::vietqr::crc16(j));
        }
    }
    walk_qr(q);
    unsafe { vietref_message_free(m) };
}

#[test]
fn capi_legacy_agrees_with_rust_on_junk() {
    for j in junk() {
        let s = as_text(j);
        let utf8 = std::str::from_utf8(j).is_ok();
        unsafe {
            for enc in 0..=8u32 {
                let rust = Encoding::from_u32(enc);
                let (st, text) = both(
                    |o| vietref_legacy_decode(j.as_ptr(), j.len(), enc, o),
                    |b, c, l| vietref_legacy_decode_buf(j.as_ptr(), j.len(), enc, b, c, l),
                );
                let (es, why) = both(
                    |o| vietref_legacy_decode_error(j.as_ptr(), j.len(), enc, o),
                    |b, c, l| vietref_legacy_decode_error_buf(j.as_ptr(), j.len(), enc, b, c, l),
                );
                match rust.map(|e| legacy::decode(j, e)) {
                    None => {
                        assert_eq!(st, VIETREF_INVALID_ARGUMENT);
                        assert_eq!(es, VIETREF_INVALID_ARGUMENT);
                    }
                    Some(Ok(t)) => {
                        assert_eq!(text.as_deref(), Some(t.as_bytes()));
                        assert_eq!(es, VIETREF_NO_VALUE);
                    }
                    Some(Err(_)) => {
                        assert!((600..=605).contains(&(st as u32)), "{st:?}");
                        assert!(
                            ok(es)
                                && serde_json::from_slice::<serde_json::Value>(
                                    &why.unwrap_or_default()
                                )
                                .is_ok()
                        );
                    }
                }
                for options in [0u32, 1, 2] {
                    let mut en: *mut vietref_encoded = ptr::null_mut();
                    let st = vietref_legacy_encode(p(j), j.len(), enc, options, &mut en);
                    let (bs, bytes) = buffered(|b, c, l| {
                        vietref_legacy_encode_buf(p(j), j.len(), enc, options, b.cast(), c, l)
                    });
                    let (xs, _) = both(
                        |o| vietref_legacy_encode_error(p(j), j.len(), enc, options, o),
                        |b, c, l| {
                            vietref_legacy_encode_error_buf(p(j), j.len(), enc, options, b, c, l)
                        },
                    );
                    if !utf8 {
                        assert_eq!(st, VIETREF_INVALID_UTF8);
                    }
                    if ok(st) {
                        let got = std::slice::from_raw_parts(
                            vietref_encoded_bytes(en),
                            vietref_encoded_len(en),
                        )
                        .to_vec();
                        assert_eq!(bytes.as_deref(), Some(&got[..]), "_buf encode differs");
                        assert_eq!(xs, VIETREF_NO_VALUE);
                        let opts = EncodeOptions {
                            tcvn3_capitals: if options == 1 {
                                Tcvn3Capitals::LowerCase
                            } else {
                                Tcvn3Capitals::Refuse
                            },
                        };
                        let e = rust.expect("a known encoding");
                        let want = legacy::encode_with(&s, e, opts).expect("Rust encodes too");
                        assert_eq!(got, want.bytes);
                        let mut n = usize::MAX;
                        assert!(ok(vietref_encoded_loss_count(en, &mut n)));
                        assert_eq!(n, want.losses.len());
                        for i in 0..=n {
                            let (mut at, mut c, mut w) = (0usize, 0u32, 0u32);
                            assert_eq!(
                                ok(vietref_encoded_loss(en, i, &mut at, &mut c, &mut w)),
                                i < n
                            );
                        }
                        vietref_encoded_free(en);
                    } else {
                        assert!(en.is_null());
                        assert_eq!(bs, st, "_buf encode status differs");
                        assert_eq!(ok(xs), (600..=605).contains(&(st as u32)));
                    }
                }
                let mut d: *mut vietref_detection = ptr::null_mut();
                let st = vietref_legacy_detect_declared(j.as_ptr(), j.len(), enc, &mut d);
                match rust {
                    None => assert_eq!(st, VIETREF_INVALID_ARGUMENT),
                    Some(e) => {
                        assert!(ok(st));
                        detection(d, &legacy::detect_with_declared(j, Some(e)));
                    }
                }
            }
            let mut d: *mut vietref_detection = ptr::null_mut();
            assert!(ok(vietref_legacy_detect(j.as_ptr(), j.len(), &mut d)));
            detection(d, &legacy::detect(j));
            let (st, _) = both(
                |o| vietref_legacy_repair_mojibake(p(j), j.len(), o),
                |b, c, l| vietref_legacy_repair_mojibake_buf(p(j), j.len(), b, c, l),
            );
            assert!(!ok(st), "mojibake repaired in {}", show(&s));
            let mut e = 99u32;
            let st = vietref_legacy_encoding_from_name(p(j), j.len(), &mut e);
            assert!(!ok(st) && e == 99, "an encoding named {}", show(&s));
        }
    }
}

/// Every accessor of a detection handle agrees with the Rust detection; frees it.
fn detection(d: *mut vietref_detection, want: &legacy::Detection) {
    unsafe {
        let (mut e, mut c, mut a, mut n) = (99u32, 9999u32, 9u32, usize::MAX);
        assert!(ok(vietref_detection_encoding(d, &mut e)));
        assert_eq!(e, want.encoding as u32);
        assert!(ok(vietref_detection_confidence(d, &mut c)) && c <= 1000);
        assert!(ok(vietref_detection_ambiguous(d, &mut a)));
        assert_eq!(a == 1, want.ambiguous);
        assert!(ok(vietref_detection_alternative_count(d, &mut n)));
        assert_eq!(n, want.alternatives.len());
        for i in 0..=n {
            let (mut x, mut f) = (0u32, 0u32);
            assert_eq!(
                ok(vietref_detection_alternative(d, i, &mut x, &mut f)),
                i < n
            );
        }
        let (st, text) = both(
            |o| vietref_detection_text(d, o),
            |b, cap, l| vietref_detection_text_buf(d, b, cap, l),
        );
        assert!(ok(st));
        assert_eq!(text.as_deref(), Some(want.text.as_bytes()));
        vietref_detection_free(d);
    }
}

/// A reconciler with two invoices (HP:6 schemes).
fn school() -> *mut vietref_reconciler {
    let mut r: *mut vietref_reconciler = ptr::null_mut();
    unsafe {
        assert!(ok(vietref_reconciler_new(p(b"HP:6"), 4, &mut r)));
        for (code, payer) in [(&b"HP24010172"[..], "Nguyễn Văn An"), (b"HD2024-0917", "")] {
            let res = call_report(|o| {
                vietref_reconciler_add_invoice(
                    r,
                    p(code),
                    code.len(),
                    500_000,
                    p(payer.as_bytes()),
                    payer.len(),
                    ptr::null(),
                    0,
                    ptr::null(),
                    0,
                    o,
                )
            });
            assert_eq!(res.1, Some(true));
        }
    }
    r
}

/// Feeds a line and checks, through every accessor, that it was applied to no invoice.
fn feed_unapplied(r: *mut vietref_reconciler, args: [&[u8]; 4], what: &str) {
    let [content, reference, date, counter] = args;
    unsafe {
        let mut x: *mut vietref_line_result = ptr::null_mut();
        let st = vietref_reconciler_feed(
            r,
            1,
            500_000,
            p(content),
            content.len(),
            p(reference),
            reference.len(),
            p(date),
            date.len(),
            p(counter),
            counter.len(),
            &mut x,
        );
        if !ok(st) {
            assert!(x.is_null());
            assert_eq!(st, VIETREF_INVALID_UTF8, "{what}");
            return;
        }
        let mut status = 99u32;
        assert!(ok(vietref_line_result_status(x, &mut status)));
        assert!(
            (4..=6).contains(&status),
            "a junk line applied ({what}): {status}"
        );
        let (st, _) = both(
            |o| vietref_line_result_invoice(x, o),
            |b, c, l| vietref_line_result_invoice_buf(x, b, c, l),
        );
        assert_eq!(st, VIETREF_NO_VALUE, "an invoice for a junk line ({what})");
        let _ = both(
            |o| vietref_line_result_suggestion(x, o),
            |b, c, l| vietref_line_result_suggestion_buf(x, b, c, l),
        );
        let _ = both(
            |o| vietref_line_result_possible_typo(x, o),
            |b, c, l| vietref_line_result_possible_typo_buf(x, b, c, l),
        );
        for lang in [1u32, 2, 3] {
            let (st, _) = both(
                |o| vietref_line_result_reason(x, lang, o),
                |b, c, l| vietref_line_result_reason_buf(x, lang, b, c, l),
            );
            assert_eq!(ok(st), lang != 3);
        }
        let (st, _) = both(
            |o| vietref_line_result_json(x, o),
            |b, c, l| vietref_line_result_json_buf(x, b, c, l),
        );
        assert!(ok(st));
        vietref_line_result_free(x);
    }
}

#[test]
fn capi_reconciler_never_applies_junk() {
    for j in junk() {
        let s = as_text(j);
        unsafe {
            let mut bad: *mut vietref_reconciler = ptr::null_mut();
            let st = vietref_reconciler_new(p(j), j.len(), &mut bad);
            assert!(!ok(st) || no_schemes(j), "schemes {}", show(&s));
            vietref_reconciler_free(bad);

            let r = school();
            feed_unapplied(r, [j, b"", b"", b""], "content");
            feed_unapplied(r, [b"Nguyen Van An", j, j, j], "other fields");

            let (st, _) = both(
                |o| vietref_reconciler_invoice_json(r, p(j), j.len(), o),
                |b, c, l| vietref_reconciler_invoice_json_buf(r, p(j), j.len(), b, c, l),
            );
            assert!(!ok(st), "an invoice named {}", show(&s));

            // Invoices with junk in one field.
            let args: [[&[u8]; 4]; 4] = [
                [j, b"", b"", b""],
                [b"HP24010269", j, b"", b""],
                [b"HP24010366", b"", j, b""],
                [b"HP24010463", b"", b"", j],
            ];
            for (k, [code, payer, ben, due]) in args.into_iter().enumerate() {
                let res = call_report(|o| {
                    vietref_reconciler_add_invoice(
                        r,
                        p(code),
                        code.len(),
                        700_000,
                        p(payer),
                        payer.len(),
                        p(ben),
                        ben.len(),
                        p(due),
                        due.len(),
                        o,
                    )
                });
                let blank = s.trim().is_empty();
                match k {
                    0 => assert!(refused(res), "invoice code {}", show(&s)),
                    3 if !blank => assert!(refused(res), "due date {}", show(&s)),
                    _ => {}
                }
            }
            feed_unapplied(r, [j, b"", b"", j], "a line naming a junk name");
            // Junk as a whole invoice file, and as the amount of one record: nothing added.
            let mut amount_row = b"code,amount\nHP24010269,".to_vec();
            amount_row.extend_from_slice(j);
            for (file, what) in [(j.clone(), "file"), (amount_row, "amount")] {
                let mut added = 77u64;
                let res = call_report(|o| {
                    vietref_reconciler_add_invoices_csv(
                        r,
                        p(&file),
                        file.len(),
                        ptr::null(),
                        0,
                        &mut added,
                        o,
                    )
                });
                assert!(refused(res), "junk invoice {what}: {}", show(&s));
                assert_eq!(added, 0, "junk invoice {what}: {}", show(&s));
            }
            // Junk as a statement in every format, as its column mapping, and as one line's
            // content: never applied (the summary below has no paid line).
            let mut content_row = b"date,amount,content,reference\n2024-09-03,500000,".to_vec();
            content_row.extend_from_slice(j);
            for (data, format, columns) in [
                (j.clone(), 1u32, &b""[..]),
                (j.clone(), 2, b""),
                (j.clone(), 3, b""),
                (content_row, 1, b""),
                (b"date,amount,content\n".to_vec(), 1, j.as_slice()),
            ] {
                let mut res: *mut vietref_string = ptr::null_mut();
                let mut rep: *mut vietref_report = ptr::null_mut();
                let st = vietref_reconciler_feed_statement(
                    r,
                    p(&data),
                    data.len(),
                    format,
                    p(columns),
                    columns.len(),
                    1,
                    &mut res,
                    &mut rep,
                );
                if !ok(st) {
                    assert_eq!(st, VIETREF_INVALID_UTF8, "columns {}", show(&s));
                    assert!(res.is_null() && rep.is_null());
                    continue;
                }
                let _ = take(res);
                let _ = report(st, rep);
            }
            let (st, summary) = both(
                |o| vietref_reconciler_summary_json(r, o),
                |b, c, l| vietref_reconciler_summary_json_buf(r, b, c, l),
            );
            assert!(ok(st));
            let v: serde_json::Value =
                serde_json::from_slice(&summary.unwrap_or_default()).expect("JSON");
            for status in ["paid", "partial", "overpaid", "duplicate"] {
                let lines = v["statuses"]
                    .as_array()
                    .and_then(|a| a.iter().find(|t| t["status"] == status))
                    .map_or(0, |t| t["lines"].as_u64().unwrap_or(0));
                assert_eq!(lines, 0, "{status} lines after junk: {}", show(&s));
            }
            vietref_reconciler_free(r);
        }
    }
}

/// A repeated JSON key is refused through the C ABI (the last value used to win for keys
/// the draft does not know, and for every key of VietQR JSON).
#[test]
fn capi_json_with_a_repeated_key_is_refused() {
    let msg =
        br#"{"sector":"health","payerName":"An","reason":"x","invoice":"VP1","note":1,"note":2}"#;
    let mut m: *mut vietref_message = ptr::null_mut();
    let st = unsafe { vietref_message_from_json(p(msg), msg.len(), &mut m) };
    assert_eq!(st, VIETREF_MESSAGE_JSON_INVALID);
    assert!(m.is_null());
    let qr = br#"{"bank":"ACB","accountNumber":"224528479","accountNumber":"1","amount":10000}"#;
    let mut q: *mut vietref_vietqr = ptr::null_mut();
    let st = unsafe { vietref_vietqr_from_json(p(qr), qr.len(), &mut q) };
    assert_eq!(st, VIETREF_VIETQR_JSON_INVALID);
    assert!(q.is_null());
}
