//! Fuzz driver for the C ABI: calls the `extern "C"` functions exactly as a C caller
//! would, with arbitrary bytes as text (invalid UTF-8 included), arbitrary lengths up to
//! the data's own, arbitrary buffer capacities, NULL pointers and out-of-range indices and
//! constants. Any panic that escapes, any `VIETREF_PANIC`, or any broken contract (an
//! out-parameter written on failure, a `_buf` result differing from the owned one) is a
//! failure. Not part of the stable API; used by `fuzz/fuzz_targets/capi.rs` and replayed by
//! `cargo test`.

use super::memo::*;
use super::message::*;
use super::reference::*;
use super::report::*;
use super::status::vietref_status::{self, *};
use super::string::*;
use super::text::*;
use super::vietqr::*;
use std::ffi::c_char;
use std::ptr;

/// A cursor over the fuzz input.
struct Input<'a> {
    data: &'a [u8],
}

impl<'a> Input<'a> {
    fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((b, rest)) => {
                self.data = rest;
                *b
            }
            None => 0,
        }
    }

    /// A run of bytes whose length the input chooses.
    fn bytes(&mut self) -> &'a [u8] {
        let n = usize::from(self.byte()).min(self.data.len());
        let (a, b) = self.data.split_at(n);
        self.data = b;
        a
    }
}

fn ok(s: vietref_status) -> bool {
    assert_ne!(s, VIETREF_PANIC, "a call panicked");
    s == VIETREF_OK
}

/// Reads an owned string and frees it.
unsafe fn take(s: *mut vietref_string) -> Vec<u8> {
    let p = unsafe { vietref_string_ptr(s) };
    let n = unsafe { vietref_string_len(s) };
    let v = if p.is_null() {
        Vec::new()
    } else {
        unsafe { std::slice::from_raw_parts(p.cast::<u8>(), n) }.to_vec()
    };
    unsafe { vietref_string_free(s) };
    v
}

type Owned = unsafe extern "C" fn(*const c_char, usize, *mut *mut vietref_string) -> vietref_status;
type Buf =
    unsafe extern "C" fn(*const c_char, usize, *mut c_char, usize, *mut usize) -> vietref_status;

/// An owned-string function and its `_buf` twin agree, and a failed call writes nothing.
unsafe fn text_pair(f: Owned, g: Buf, text: &[u8], cap_hint: u8) {
    let mut out: *mut vietref_string = ptr::null_mut();
    let s = unsafe { f(text.as_ptr().cast(), text.len(), &mut out) };
    let owned = if ok(s) {
        Some(unsafe { take(out) })
    } else {
        assert!(out.is_null(), "out-parameter written on failure");
        None
    };
    let cap = usize::from(cap_hint);
    let mut buf = vec![0u8; cap];
    let mut len = usize::MAX;
    let t = unsafe {
        g(
            text.as_ptr().cast(),
            text.len(),
            buf.as_mut_ptr().cast(),
            cap,
            &mut len,
        )
    };
    assert_ne!(t, VIETREF_PANIC);
    match (&owned, t) {
        (Some(o), VIETREF_OK) => {
            assert_eq!(&buf[..len], &o[..], "_buf differs from the owned result")
        }
        (Some(o), VIETREF_INSUFFICIENT_SIZE) => assert_eq!(len, o.len(), "needed length wrong"),
        (None, _) => assert_eq!(t, s, "_buf status differs"),
        (Some(_), other) => panic!("_buf failed with {other:?} where the owned call succeeded"),
    }
}

/// Drives the C ABI with `data`.
pub fn drive(data: &[u8]) {
    let mut input = Input { data };
    let op = input.byte();
    let text = input.bytes();
    let other = input.bytes();
    let cap = input.byte();
    // Sometimes a NULL text pointer with a length, which must be refused.
    let null_text = op & 0x80 != 0;
    unsafe {
        if null_text {
            let mut out: *mut vietref_string = ptr::null_mut();
            let s = vietref_text_fold(ptr::null(), text.len().max(1), &mut out);
            assert_eq!(s, VIETREF_NULL_ARGUMENT);
            assert!(out.is_null());
        }
        // 0..=5 as first written (the kept regressions rely on it); new areas above.
        match (op & 0x7F) % 16 {
            0 => {
                text_pair(vietref_text_name, vietref_text_name_buf, text, cap);
                text_pair(vietref_text_fold, vietref_text_fold_buf, text, cap);
                text_pair(vietref_text_key, vietref_text_key_buf, text, cap);
            }
            1 => {
                let style = u32::from(cap % 4);
                let mut out: *mut vietref_string = ptr::null_mut();
                let s = vietref_text_retone(text.as_ptr().cast(), text.len(), style, &mut out);
                if ok(s) {
                    let _ = take(out);
                } else {
                    assert!(out.is_null());
                }
                let mut r = 7u32;
                let s = vietref_text_looks_like(
                    text.as_ptr().cast(),
                    text.len(),
                    other.as_ptr().cast(),
                    other.len(),
                    &mut r,
                );
                assert!(!ok(s) || r <= 1);
                let s = vietref_text_compare_payee_name(
                    text.as_ptr().cast(),
                    text.len(),
                    other.as_ptr().cast(),
                    other.len(),
                    &mut r,
                );
                assert!(!ok(s) || (1..=3).contains(&r));
            }
            2 => {
                let mut rep: *mut vietref_report = ptr::null_mut();
                let s = vietref_text_check(
                    text.as_ptr().cast(),
                    text.len(),
                    other.as_ptr().cast(),
                    other.len(),
                    &mut rep,
                );
                if ok(s) {
                    walk_report(rep, cap);
                    vietref_report_free(rep);
                } else {
                    assert!(rep.is_null());
                }
            }
            3 => {
                let mut m: *mut vietref_message = ptr::null_mut();
                let s = vietref_message_from_json(text.as_ptr().cast(), text.len(), &mut m);
                if ok(s) {
                    validate_and_walk(m, cap);
                    vietref_message_free(m);
                } else {
                    assert!(m.is_null());
                }
            }
            6 | 7 => vietqr_decode(text, op, cap),
            8 | 9 => vietqr_build(text, other, cap),
            10 => {
                let mut s: *mut vietref_string = ptr::null_mut();
                let st = vietref_vietqr_bank_lookup(text.as_ptr().cast(), text.len(), &mut s);
                if ok(st) {
                    let _ = take(s);
                } else {
                    assert!(s.is_null());
                }
                text_pair(
                    vietref_vietqr_bank_lookup,
                    vietref_vietqr_bank_lookup_buf,
                    text,
                    cap,
                );
                let mut crc = 0u16;
                assert!(ok(vietref_vietqr_crc16(
                    text.as_ptr(),
                    text.len(),
                    &mut crc
                )));
                assert_eq!(crc, crate::vietqr::crc16(text));
            }
            11 => references(text, other, cap),
            12 => memo_render(text, other, cap),
            13 => memo_read(text, other, cap),
            _ => {
                let mut m: *mut vietref_message = ptr::null_mut();
                assert!(ok(vietref_message_new(&mut m)));
                let setters: [unsafe extern "C" fn(
                    *mut vietref_message,
                    *const c_char,
                    usize,
                ) -> vietref_status; 5] = [
                    vietref_message_set_sector,
                    vietref_message_set_payer_name,
                    vietref_message_set_beneficiary_name,
                    vietref_message_set_reason,
                    vietref_message_set_invoice,
                ];
                let which = usize::from(cap) % setters.len();
                let _ = ok(setters[which](m, text.as_ptr().cast(), text.len()));
                let _ = ok(setters[(which + 1) % setters.len()](
                    m,
                    other.as_ptr().cast(),
                    other.len(),
                ));
                let amount = text
                    .iter()
                    .fold(0u64, |a, b| a.wrapping_mul(31).wrapping_add(u64::from(*b)));
                let _ = ok(vietref_message_set_amount(m, amount));
                validate_and_walk(m, cap);
                vietref_message_free(m);
            }
        }
    }
}

/// Decodes `text` as a payload in the mode the input chooses (sometimes an unknown one),
/// walks the report, and reads every accessor of the handle.
unsafe fn vietqr_decode(text: &[u8], op: u8, cap: u8) {
    let mode = u32::from(op >> 4) % 4;
    let mut rep: *mut vietref_report = ptr::null_mut();
    let st = unsafe { vietref_vietqr_decode(text.as_ptr().cast(), text.len(), mode, &mut rep) };
    if !ok(st) {
        assert!(rep.is_null());
        assert!(
            st == VIETREF_INVALID_UTF8 || st == VIETREF_INVALID_ARGUMENT,
            "decode failed with {st:?}"
        );
        return;
    }
    unsafe {
        walk_report(rep, cap);
        let mut q: *mut vietref_vietqr = ptr::null_mut();
        let st = vietref_vietqr_from_report(rep, &mut q);
        vietref_report_free(rep);
        if ok(st) {
            walk_vietqr(q, cap);
            vietref_vietqr_free(q);
        } else {
            assert_eq!(st, VIETREF_NO_VALUE);
            assert!(q.is_null());
        }
    }
}

/// Every accessor of a VietQR handle, including unknown field numbers, and re-encoding.
unsafe fn walk_vietqr(q: *mut vietref_vietqr, cap: u8) {
    unsafe {
        for field in 0..=22u32 {
            let mut s: *mut vietref_string = ptr::null_mut();
            let st = vietref_vietqr_get(q, field, &mut s);
            let owned = if ok(st) { Some(take(s)) } else { None };
            let mut buf = vec![0u8; usize::from(cap)];
            let mut len = usize::MAX;
            let t = vietref_vietqr_get_buf(q, field, buf.as_mut_ptr().cast(), buf.len(), &mut len);
            match (&owned, t) {
                (Some(o), VIETREF_OK) => assert_eq!(&buf[..len], &o[..]),
                (Some(o), VIETREF_INSUFFICIENT_SIZE) => assert_eq!(len, o.len()),
                (None, _) => assert_eq!(t, st),
                (Some(_), other) => panic!("_buf failed with {other:?}"),
            }
        }
        let mut vnd = 0u64;
        let _ = ok(vietref_vietqr_amount(q, &mut vnd));
        let mut s: *mut vietref_string = ptr::null_mut();
        assert!(ok(vietref_vietqr_json(q, &mut s)));
        let json = take(s);
        // The JSON reads back into an equal handle.
        let mut back: *mut vietref_vietqr = ptr::null_mut();
        assert!(ok(vietref_vietqr_from_json(
            json.as_ptr().cast(),
            json.len(),
            &mut back
        )));
        let mut s: *mut vietref_string = ptr::null_mut();
        assert!(ok(vietref_vietqr_json(back, &mut s)));
        assert_eq!(take(s), json, "VietQR JSON does not round-trip");
        vietref_vietqr_free(back);
        let mut rep: *mut vietref_report = ptr::null_mut();
        assert!(ok(vietref_vietqr_encode(q, &mut rep)));
        walk_report(rep, cap);
        vietref_report_free(rep);
        let name = "Trường THCS Hòa Bình";
        let mut rep: *mut vietref_report = ptr::null_mut();
        assert!(ok(vietref_vietqr_verify_payee(
            q,
            c"970403".as_ptr(),
            6,
            c"0011012345678".as_ptr(),
            13,
            name.as_ptr().cast(),
            name.len(),
            &mut rep
        )));
        walk_report(rep, cap);
        vietref_report_free(rep);
    }
}

/// JSON to a VietQR and a payload; a transfer code from two texts.
unsafe fn vietqr_build(text: &[u8], other: &[u8], cap: u8) {
    unsafe {
        let mut q: *mut vietref_vietqr = ptr::null_mut();
        let st = vietref_vietqr_from_json(text.as_ptr().cast(), text.len(), &mut q);
        if ok(st) {
            walk_vietqr(q, cap);
            vietref_vietqr_free(q);
        } else {
            assert!(q.is_null());
        }
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st2 = vietref_vietqr_encode_json(text.as_ptr().cast(), text.len(), &mut rep);
        assert_eq!(
            ok(st2),
            st == VIETREF_OK,
            "encode_json and from_json disagree"
        );
        if st2 == VIETREF_OK {
            walk_report(rep, cap);
            vietref_report_free(rep);
        }
        let amount = u64::from(cap) * 1000;
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st = vietref_vietqr_to_account(
            c"970416".as_ptr(),
            6,
            other.as_ptr().cast(),
            other.len(),
            amount,
            text.as_ptr().cast(),
            text.len().min(30),
            other.as_ptr().cast(),
            other.len(),
            &mut rep,
        );
        if ok(st) {
            walk_report(rep, cap);
            let mut s: *mut vietref_string = ptr::null_mut();
            let t = vietref_report_cleaned_text(rep, &mut s);
            if ok(t) {
                // What was built decodes strictly.
                let payload = take(s);
                let mut back: *mut vietref_report = ptr::null_mut();
                assert!(ok(vietref_vietqr_decode(
                    payload.as_ptr().cast(),
                    payload.len(),
                    1,
                    &mut back
                )));
                let mut valid = 0u32;
                assert!(ok(vietref_report_valid(back, &mut valid)));
                assert_eq!(valid, 1, "a built payload does not decode");
                vietref_report_free(back);
            } else {
                assert_eq!(t, VIETREF_NO_VALUE);
            }
            vietref_report_free(rep);
        } else {
            assert_eq!(st, VIETREF_INVALID_UTF8);
        }
    }
}

type KindVerb =
    unsafe extern "C" fn(u32, *const c_char, usize, *mut *mut vietref_string) -> vietref_status;
type KindVerbBuf = unsafe extern "C" fn(
    u32,
    *const c_char,
    usize,
    *mut c_char,
    usize,
    *mut usize,
) -> vietref_status;

/// Every reference verb on `text` for a kind the input chooses (sometimes unknown): the
/// `_buf` twins agree, a refusal has a message in both languages, a valid value's compact
/// and printed forms validate to the same value, and a created reference validates.
unsafe fn references(text: &[u8], other: &[u8], cap: u8) {
    let kind = u32::from(cap % 6);
    let verbs: [(KindVerb, KindVerbBuf); 3] = [
        (vietref_ref_validate, vietref_ref_validate_buf),
        (vietref_ref_format, vietref_ref_format_buf),
        (vietref_ref_compact, vietref_ref_compact_buf),
    ];
    let mut results = Vec::new();
    for (f, g) in verbs {
        let mut out: *mut vietref_string = ptr::null_mut();
        let st = unsafe { f(kind, text.as_ptr().cast(), text.len(), &mut out) };
        let owned = if ok(st) {
            Some(unsafe { take(out) })
        } else {
            None
        };
        let mut buf = vec![0u8; usize::from(cap)];
        let mut len = usize::MAX;
        let t = unsafe {
            g(
                kind,
                text.as_ptr().cast(),
                text.len(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut len,
            )
        };
        match (&owned, t) {
            (Some(o), VIETREF_OK) => assert_eq!(&buf[..len], &o[..]),
            (Some(o), VIETREF_INSUFFICIENT_SIZE) => assert_eq!(len, o.len()),
            (None, _) => assert_eq!(t, st, "_buf status differs"),
            (Some(_), other) => panic!("_buf failed with {other:?}"),
        }
        results.push((st, owned));
    }
    let (st, compact) = (results[0].0, results[0].1.clone());
    let mut valid = 9u32;
    let v = unsafe { vietref_ref_is_valid(kind, text.as_ptr().cast(), text.len(), &mut valid) };
    if ok(v) {
        assert_eq!(valid == 1, st == VIETREF_OK);
    }
    for lang in [1u32, 2] {
        let mut out: *mut vietref_string = ptr::null_mut();
        let m = unsafe {
            vietref_ref_validate_message(kind, text.as_ptr().cast(), text.len(), lang, &mut out)
        };
        if ok(m) {
            assert!(
                (300..=305).contains(&(st as u32)),
                "a message for an accepted value"
            );
            assert!(!unsafe { take(out) }.is_empty());
        } else if st == VIETREF_OK {
            assert_eq!(m, VIETREF_NO_VALUE);
        }
    }
    if let (Some(c), Some(printed)) = (compact, results[1].1.clone()) {
        for form in [&c, &printed] {
            let mut out: *mut vietref_string = ptr::null_mut();
            let st =
                unsafe { vietref_ref_validate(kind, form.as_ptr().cast(), form.len(), &mut out) };
            assert!(ok(st), "a valid value's own form is refused");
            assert_eq!(unsafe { take(out) }, c, "validate is not stable");
        }
    }
    let mut out: *mut vietref_string = ptr::null_mut();
    let st = unsafe {
        vietref_ref_create(
            kind,
            other.as_ptr().cast(),
            other.len(),
            text.as_ptr().cast(),
            text.len(),
            &mut out,
        )
    };
    if ok(st) {
        let made = unsafe { take(out) };
        let mut back: *mut vietref_string = ptr::null_mut();
        assert!(ok(unsafe {
            vietref_ref_validate(kind, made.as_ptr().cast(), made.len(), &mut back)
        }));
        assert_eq!(unsafe { take(back) }, made);
    }
    let mut out: *mut vietref_string = ptr::null_mut();
    let m = unsafe {
        vietref_ref_create_message(
            kind,
            other.as_ptr().cast(),
            other.len(),
            text.as_ptr().cast(),
            text.len(),
            2,
            &mut out,
        )
    };
    if ok(m) {
        assert!((300..=305).contains(&(st as u32)));
        let _ = unsafe { take(out) };
    }
}

/// A message from JSON rendered for a channel and budget the input chooses; the report
/// walked, the field lists read; the VietQR built from it.
unsafe fn memo_render(text: &[u8], other: &[u8], cap: u8) {
    unsafe {
        let mut m: *mut vietref_message = ptr::null_mut();
        if !ok(vietref_message_from_json(
            text.as_ptr().cast(),
            text.len(),
            &mut m,
        )) {
            return;
        }
        let channel = u32::from(cap % 8);
        let budget = usize::from(cap >> 3);
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st = vietref_memo_render(
            m,
            other.as_ptr().cast(),
            other.len(),
            channel,
            budget,
            &mut rep,
        );
        if ok(st) {
            walk_report(rep, cap);
            for list in 0..=4u32 {
                let mut n = usize::MAX;
                let s = vietref_memo_field_count(rep, list, &mut n);
                let n = if ok(s) { n } else { 0 };
                for i in 0..=n {
                    let mut out: *mut vietref_string = ptr::null_mut();
                    let s = vietref_memo_field_name(rep, list, i, &mut out);
                    if ok(s) {
                        assert!(i < n);
                        let _ = take(out);
                    }
                }
            }
            let mut out: *mut vietref_string = ptr::null_mut();
            if ok(vietref_report_cleaned_text(rep, &mut out)) {
                let memo = take(out);
                // What was rendered fits the channel (with the budget as given).
                if budget != 0 {
                    assert!(memo.len() <= budget, "memo longer than its budget");
                }
            }
            vietref_report_free(rep);
        } else {
            assert!(rep.is_null());
        }
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st = vietref_vietqr_for_payment(
            m,
            other.as_ptr().cast(),
            other.len(),
            c"970436".as_ptr(),
            6,
            c"0011001234567".as_ptr(),
            13,
            &mut rep,
        );
        if ok(st) {
            walk_report(rep, cap);
            vietref_report_free(rep);
        }
        vietref_message_free(m);
    }
}

/// Extraction and parsing with schemes the input writes: every accessor, one past the end.
unsafe fn memo_read(text: &[u8], other: &[u8], cap: u8) {
    unsafe {
        let mut c: *mut vietref_candidates = ptr::null_mut();
        let st = vietref_memo_extract(
            text.as_ptr().cast(),
            text.len(),
            other.as_ptr().cast(),
            other.len(),
            &mut c,
        );
        if ok(st) {
            let mut n = 0usize;
            assert!(ok(vietref_candidates_count(c, &mut n)));
            for i in 0..=n {
                let mut out: *mut vietref_string = ptr::null_mut();
                let s = vietref_candidates_code(c, i, &mut out);
                if i == n {
                    assert_eq!(s, VIETREF_INDEX_OUT_OF_RANGE);
                    continue;
                }
                assert!(ok(s));
                let code = take(out);
                let (mut a, mut b) = (0usize, 0usize);
                assert!(ok(vietref_candidates_span(c, i, &mut a, &mut b)));
                assert!(a < b && b <= text.len(), "span outside the text");
                let mut k = 0u32;
                assert!(ok(vietref_candidates_kind(c, i, &mut k)));
                assert!((1..=3).contains(&k));
                assert!(!code.is_empty());
            }
            let mut out: *mut vietref_string = ptr::null_mut();
            assert!(ok(vietref_candidates_json(c, &mut out)));
            let _ = take(out);
            vietref_candidates_free(c);
        } else {
            assert!(c.is_null());
        }
        let mut out: *mut vietref_string = ptr::null_mut();
        let s = vietref_memo_parse(
            text.as_ptr().cast(),
            text.len(),
            other.as_ptr().cast(),
            other.len(),
            &mut out,
        );
        assert_eq!(
            ok(s),
            st == VIETREF_OK,
            "parse and extract disagree on the arguments"
        );
        if s == VIETREF_OK {
            let _ = take(out);
        }
        let _ = cap;
    }
}

unsafe fn validate_and_walk(m: *mut vietref_message, cap: u8) {
    let mut rep: *mut vietref_report = ptr::null_mut();
    assert!(ok(unsafe { vietref_message_validate(m, &mut rep) }));
    unsafe {
        walk_report(rep, cap);
        vietref_report_free(rep);
    }
}

/// Reads every accessor of a report, for every index and one past the end.
unsafe fn walk_report(rep: *mut vietref_report, cap: u8) {
    unsafe {
        let mut valid = 9u32;
        assert!(ok(vietref_report_valid(rep, &mut valid)));
        assert!(valid <= 1);
        let mut n = usize::MAX;
        assert!(ok(vietref_report_count(rep, &mut n)));
        let mut s: *mut vietref_string = ptr::null_mut();
        assert!(ok(vietref_report_json(rep, &mut s)));
        let json = take(s);
        assert!(std::str::from_utf8(&json).is_ok());
        let mut s: *mut vietref_string = ptr::null_mut();
        let st = vietref_report_cleaned_json(rep, &mut s);
        if ok(st) {
            let _ = take(s);
        } else {
            assert_eq!(st, VIETREF_NO_VALUE);
        }
        for i in 0..=n.min(64) {
            let mut sev = 0u32;
            let st = vietref_report_finding_severity(rep, i, &mut sev);
            if i == n {
                assert_eq!(st, VIETREF_INDEX_OUT_OF_RANGE);
                continue;
            }
            assert!(ok(st));
            for lang in [1u32, 2, u32::from(cap)] {
                let mut s: *mut vietref_string = ptr::null_mut();
                let st = vietref_report_finding_message(rep, i, lang, &mut s);
                if ok(st) {
                    let _ = take(s);
                } else {
                    assert_eq!(st, VIETREF_INVALID_ARGUMENT);
                }
            }
            let mut s: *mut vietref_string = ptr::null_mut();
            if ok(vietref_report_finding_code_key(rep, i, &mut s)) {
                let _ = take(s);
            }
        }
    }
}
