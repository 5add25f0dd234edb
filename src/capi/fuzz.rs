//! Fuzz driver for the C ABI: calls the `extern "C"` functions exactly as a C caller
//! would, with arbitrary bytes as text (invalid UTF-8 included), arbitrary lengths up to
//! the data's own, arbitrary buffer capacities, NULL pointers and out-of-range indices and
//! constants. Any panic that escapes, any `VIETREF_PANIC`, or any broken contract (an
//! out-parameter written on failure, a `_buf` result differing from the owned one, a status
//! without a name and messages) is a failure. Every function of `include/vietref_flat.h` is
//! called (the test at the end of this file checks that each is named here). Not part of
//! the stable API; used by `fuzz/fuzz_targets/capi.rs` and replayed by `cargo test`.

use super::gateway::*;
use super::legacy::*;
use super::memo::*;
use super::message::*;
use super::reconcile::*;
use super::reference::*;
use super::report::*;
use super::status::vietref_status::{self, *};
use super::string::*;
use super::text::*;
use super::vietqr::*;
use super::{vietref_status_message, vietref_status_name, vietref_version};
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
    // Every status a function returns has a name and a message in both languages.
    let n = s as u32;
    assert!(!vietref_status_name(n).is_null(), "{s:?} has no name");
    for lang in [1, 2] {
        assert!(!vietref_status_message(n, lang).is_null());
    }
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

/// Calls an owned-string function (`f` gets the out-parameter) and its `_buf` twin (`g`
/// gets a buffer of `cap_hint` bytes and `len_out`): a failed call writes nothing, and the
/// twin gives the same bytes, the needed length, or the same refusal. The owned call's
/// status and bytes (the string freed).
unsafe fn owned_and_buf(
    f: impl FnOnce(*mut *mut vietref_string) -> vietref_status,
    g: impl FnOnce(*mut c_char, usize, *mut usize) -> vietref_status,
    cap_hint: u8,
) -> (vietref_status, Option<Vec<u8>>) {
    let mut out: *mut vietref_string = ptr::null_mut();
    let s = f(&mut out);
    let owned = if ok(s) {
        Some(unsafe { take(out) })
    } else {
        assert!(out.is_null(), "out-parameter written on failure");
        None
    };
    let cap = usize::from(cap_hint);
    let mut buf = vec![0u8; cap];
    let mut len = usize::MAX;
    let t = g(buf.as_mut_ptr().cast(), cap, &mut len);
    assert_ne!(t, VIETREF_PANIC);
    match (&owned, t) {
        (Some(o), VIETREF_OK) => {
            assert_eq!(
                buf.get(..len),
                Some(&o[..]),
                "_buf differs from the owned result"
            )
        }
        (Some(o), VIETREF_INSUFFICIENT_SIZE) => assert_eq!(len, o.len(), "needed length wrong"),
        (None, _) => {
            assert_eq!(t, s, "_buf status differs");
            assert_eq!(len, usize::MAX, "len_out written on failure");
        }
        (Some(_), other) => panic!("_buf failed with {other:?} where the owned call succeeded"),
    }
    (s, owned)
}

/// An owned-string function of one text and its `_buf` twin agree.
unsafe fn text_pair(f: Owned, g: Buf, text: &[u8], cap_hint: u8) {
    let (p, n) = (text.as_ptr().cast::<c_char>(), text.len());
    let _ = unsafe { owned_and_buf(|o| f(p, n, o), |b, c, l| g(p, n, b, c, l), cap_hint) };
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
    let version = vietref_version();
    assert!(!version.is_null());
    assert_eq!(
        unsafe { std::ffi::CStr::from_ptr(version) }.to_bytes(),
        env!("CARGO_PKG_VERSION").as_bytes()
    );
    // Any number: a status has a name and messages, anything else has none.
    let n = u32::from(cap) * 8 + u32::from(op & 7);
    let known = vietref_status::from_number(n).is_some();
    assert_eq!(!vietref_status_name(n).is_null(), known);
    for lang in [0, 1, 2, 3] {
        let m = vietref_status_message(n, lang);
        assert_eq!(!m.is_null(), known && (lang == 1 || lang == 2));
    }
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
                text_pair(vietref_text_skeleton, vietref_text_skeleton_buf, text, cap);
            }
            1 => {
                let style = u32::from(cap % 4);
                let (p, n) = (text.as_ptr().cast::<c_char>(), text.len());
                let _ = owned_and_buf(
                    |o| vietref_text_retone(p, n, style, o),
                    |b, c, l| vietref_text_retone_buf(p, n, style, b, c, l),
                    cap,
                );
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
                type Check = unsafe extern "C" fn(
                    *const c_char,
                    usize,
                    *const c_char,
                    usize,
                    *mut *mut vietref_report,
                ) -> vietref_status;
                // Names, then free text.
                for check in [vietref_text_check as Check, vietref_text_check_text] {
                    let mut rep: *mut vietref_report = ptr::null_mut();
                    let s = check(
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
            }
            3 => {
                let mut m: *mut vietref_message = ptr::null_mut();
                let s = vietref_message_from_json(text.as_ptr().cast(), text.len(), &mut m);
                if ok(s) {
                    validate_and_walk(m, cap);
                    validate_with_schemes(m, other, cap);
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
            14 => legacy_bytes(text, other, cap),
            15 => {
                reconcile(text, other, cap);
                gateway(text, other, cap);
            }
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
                validate_with_schemes(m, other, cap);
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
        let (st, json) = owned_and_buf(
            |o| vietref_vietqr_json(q, o),
            |b, c, l| vietref_vietqr_json_buf(q, b, c, l),
            cap,
        );
        assert!(ok(st));
        let json = json.unwrap_or_default();
        // The codes in the purpose and bill number, with a scheme the input may spoil.
        let schemes: &[u8] = if cap & 2 == 0 { b"HP:6" } else { b"HP:6,??" };
        let mut c: *mut vietref_candidates = ptr::null_mut();
        let st = vietref_vietqr_payment_codes(q, schemes.as_ptr().cast(), schemes.len(), &mut c);
        if ok(st) {
            walk_candidates(c, None, cap);
            vietref_candidates_free(c);
        } else {
            assert_eq!(st, VIETREF_REF_SCHEMES_INVALID);
            assert!(c.is_null());
        }
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
    let (tp, tn) = (text.as_ptr().cast::<c_char>(), text.len());
    let (op, on) = (other.as_ptr().cast::<c_char>(), other.len());
    for lang in [1u32, 2] {
        let (m, msg) = unsafe {
            owned_and_buf(
                |o| vietref_ref_validate_message(kind, tp, tn, lang, o),
                |b, c, l| vietref_ref_validate_message_buf(kind, tp, tn, lang, b, c, l),
                cap,
            )
        };
        if ok(m) {
            assert!(
                (300..=305).contains(&(st as u32)),
                "a message for an accepted value"
            );
            assert!(!msg.unwrap_or_default().is_empty());
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
    let (st, made) = unsafe {
        owned_and_buf(
            |o| vietref_ref_create(kind, op, on, tp, tn, o),
            |b, c, l| vietref_ref_create_buf(kind, op, on, tp, tn, b, c, l),
            cap,
        )
    };
    if let Some(made) = made {
        let mut back: *mut vietref_string = ptr::null_mut();
        assert!(ok(unsafe {
            vietref_ref_validate(kind, made.as_ptr().cast(), made.len(), &mut back)
        }));
        assert_eq!(unsafe { take(back) }, made);
    }
    let (m, _) = unsafe {
        owned_and_buf(
            |o| vietref_ref_create_message(kind, op, on, tp, tn, 2, o),
            |b, c, l| vietref_ref_create_message_buf(kind, op, on, tp, tn, 2, b, c, l),
            cap,
        )
    };
    if ok(m) {
        assert!((300..=305).contains(&(st as u32)));
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
                    let (s, _) = owned_and_buf(
                        |o| vietref_memo_field_name(rep, list, i, o),
                        |b, c, l| vietref_memo_field_name_buf(rep, list, i, b, c, l),
                        cap,
                    );
                    assert!(!ok(s) || i < n);
                }
            }
            let (st, memo) = owned_and_buf(
                |o| vietref_report_cleaned_text(rep, o),
                |b, c, l| vietref_report_cleaned_text_buf(rep, b, c, l),
                cap,
            );
            if let (true, Some(memo)) = (ok(st), memo) {
                // What was rendered fits the channel (with the budget as given).
                if budget != 0 {
                    assert!(memo.len() <= budget, "memo longer than its budget");
                }
            }
            vietref_report_free(rep);
        } else {
            assert!(rep.is_null());
        }
        // A channel the input defines: its name and character set are the other bytes.
        let (name, charset) = other.split_at(other.len() / 2);
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st = vietref_memo_render_custom(
            m,
            ptr::null(),
            0,
            name.as_ptr().cast(),
            name.len(),
            charset.as_ptr().cast(),
            charset.len(),
            budget,
            u32::from(cap & 1),
            &mut rep,
        );
        if ok(st) {
            walk_report(rep, cap);
            let (st, memo) = owned_and_buf(
                |o| vietref_report_cleaned_text(rep, o),
                |b, c, l| vietref_report_cleaned_text_buf(rep, b, c, l),
                cap,
            );
            if let (true, Some(memo)) = (ok(st), memo) {
                // Within the budget, and only characters of the set.
                assert!(memo.len() <= budget, "memo longer than its budget");
                let set = std::str::from_utf8(charset)
                    .ok()
                    .and_then(|c| crate::memo::Charset::from_spec(c).ok());
                assert!(set.is_some_and(|set| memo.iter().all(|b| set.contains(*b))));
            }
            vietref_report_free(rep);
        } else {
            assert!(rep.is_null());
            assert!(st == VIETREF_INVALID_ARGUMENT || st == VIETREF_INVALID_UTF8);
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
            walk_candidates(c, Some(text.len()), cap);
            vietref_candidates_free(c);
        } else {
            assert!(c.is_null());
        }
        let (tp, tn) = (text.as_ptr().cast::<c_char>(), text.len());
        let (sp, sn) = (other.as_ptr().cast::<c_char>(), other.len());
        let (s, _) = owned_and_buf(
            |o| vietref_memo_parse(tp, tn, sp, sn, o),
            |b, c, l| vietref_memo_parse_buf(tp, tn, sp, sn, b, c, l),
            cap,
        );
        assert_eq!(
            ok(s),
            st == VIETREF_OK,
            "parse and extract disagree on the arguments"
        );
        let (s, _) = owned_and_buf(
            |o| vietref_memo_envelope(tp, tn, o),
            |b, c, l| vietref_memo_envelope_buf(tp, tn, b, c, l),
            cap,
        );
        assert_eq!(
            ok(s),
            std::str::from_utf8(text).is_ok(),
            "envelope refused valid text or took invalid text"
        );
    }
}

/// Every accessor of a candidates handle, one past the end too; spans within `text_len`
/// when given (the field of a VietQR otherwise).
unsafe fn walk_candidates(c: *const vietref_candidates, text_len: Option<usize>, cap: u8) {
    unsafe {
        let mut n = 0usize;
        assert!(ok(vietref_candidates_count(c, &mut n)));
        for i in 0..=n {
            let (s, code) = owned_and_buf(
                |o| vietref_candidates_code(c, i, o),
                |b, cp, l| vietref_candidates_code_buf(c, i, b, cp, l),
                cap,
            );
            if i == n {
                assert_eq!(s, VIETREF_INDEX_OUT_OF_RANGE);
                continue;
            }
            assert!(ok(s));
            let (mut a, mut b) = (0usize, 0usize);
            assert!(ok(vietref_candidates_span(c, i, &mut a, &mut b)));
            assert!(
                a < b && text_len.is_none_or(|n| b <= n),
                "span outside the text"
            );
            let mut k = 0u32;
            assert!(ok(vietref_candidates_kind(c, i, &mut k)));
            assert!((1..=3).contains(&k));
            assert!(!code.unwrap_or_default().is_empty());
        }
        let (s, _) = owned_and_buf(
            |o| vietref_candidates_json(c, o),
            |b, cp, l| vietref_candidates_json_buf(c, b, cp, l),
            cap,
        );
        assert!(ok(s));
    }
}

/// Legacy encodings: decode the bytes in an encoding the input chooses (owned, `_buf`,
/// error JSON agree), encode what decoded back (the same text returns), detect with and
/// without a declaration and read every accessor, repair, names.
unsafe fn legacy_bytes(text: &[u8], other: &[u8], cap: u8) {
    unsafe {
        let enc = u32::from(cap % 9); // 8 is unknown
        let mut s: *mut vietref_string = ptr::null_mut();
        let st = vietref_legacy_decode(text.as_ptr(), text.len(), enc, &mut s);
        let mut buf = vec![0u8; usize::from(cap)];
        let mut len = usize::MAX;
        let t = vietref_legacy_decode_buf(
            text.as_ptr(),
            text.len(),
            enc,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut len,
        );
        let (why, _) = owned_and_buf(
            |o| vietref_legacy_decode_error(text.as_ptr(), text.len(), enc, o),
            |b, c, l| vietref_legacy_decode_error_buf(text.as_ptr(), text.len(), enc, b, c, l),
            cap,
        );
        if ok(st) {
            let decoded = take(s);
            match t {
                VIETREF_OK => assert_eq!(&buf[..len], &decoded[..]),
                VIETREF_INSUFFICIENT_SIZE => assert_eq!(len, decoded.len()),
                other => panic!("_buf failed with {other:?}"),
            }
            assert_eq!(why, VIETREF_NO_VALUE);
            // What decoded encodes back and decodes to the same text (VIQR and mojibake
            // readings are not byte-exact, so compare text).
            let mut en: *mut vietref_encoded = ptr::null_mut();
            let es = vietref_legacy_encode(decoded.as_ptr().cast(), decoded.len(), enc, 0, &mut en);
            let mut buf = vec![0u8; usize::from(cap)];
            let mut len = usize::MAX;
            let bs = vietref_legacy_encode_buf(
                decoded.as_ptr().cast(),
                decoded.len(),
                enc,
                0,
                buf.as_mut_ptr(),
                buf.len(),
                &mut len,
            );
            if ok(es) {
                let bytes =
                    std::slice::from_raw_parts(vietref_encoded_bytes(en), vietref_encoded_len(en))
                        .to_vec();
                match bs {
                    VIETREF_OK => assert_eq!(buf.get(..len), Some(&bytes[..])),
                    VIETREF_INSUFFICIENT_SIZE => assert_eq!(len, bytes.len()),
                    other => panic!("_buf encode failed with {other:?}"),
                }
                let mut n = 0usize;
                assert!(ok(vietref_encoded_loss_count(en, &mut n)));
                assert_eq!(n, 0, "losses without the lossy option");
                vietref_encoded_free(en);
                let mut back: *mut vietref_string = ptr::null_mut();
                assert!(
                    ok(vietref_legacy_decode(
                        bytes.as_ptr(),
                        bytes.len(),
                        enc,
                        &mut back
                    )),
                    "own output does not decode"
                );
                // UTF-8 decoding takes a leading U+FEFF for a byte-order mark and drops it
                // (documented), so a second one in the input is one the text loses.
                let want = match decoded.strip_prefix("\u{FEFF}".as_bytes()) {
                    Some(rest) if enc == 0 => rest,
                    _ => &decoded[..],
                };
                assert_eq!(take(back), want, "decode(encode(text)) != text");
            } else {
                assert!(en.is_null());
                assert_eq!(bs, es, "_buf encode status differs");
                let (dp, dn) = (decoded.as_ptr().cast::<c_char>(), decoded.len());
                let (st, _) = owned_and_buf(
                    |o| vietref_legacy_encode_error(dp, dn, enc, 0, o),
                    |b, c, l| vietref_legacy_encode_error_buf(dp, dn, enc, 0, b, c, l),
                    cap,
                );
                assert!(ok(st), "an encoding refusal without a reason");
            }
        } else {
            assert!(s.is_null());
            assert_eq!(t, st, "_buf status differs");
            if st != VIETREF_INVALID_ARGUMENT {
                assert!(ok(why), "a refusal without a reason");
            }
        }
        // Encoding arbitrary text with the lossy option: losses are readable.
        let mut en: *mut vietref_encoded = ptr::null_mut();
        if ok(vietref_legacy_encode(
            other.as_ptr().cast(),
            other.len(),
            enc,
            1,
            &mut en,
        )) {
            let mut n = 0usize;
            assert!(ok(vietref_encoded_loss_count(en, &mut n)));
            for i in 0..=n {
                let (mut p, mut c, mut w) = (0usize, 0u32, 0u32);
                let s = vietref_encoded_loss(en, i, &mut p, &mut c, &mut w);
                assert_eq!(ok(s), i < n);
            }
            vietref_encoded_free(en);
        }
        for declared in [None, Some(enc)] {
            let mut d: *mut vietref_detection = ptr::null_mut();
            let s = match declared {
                None => vietref_legacy_detect(text.as_ptr(), text.len(), &mut d),
                Some(x) => vietref_legacy_detect_declared(text.as_ptr(), text.len(), x, &mut d),
            };
            if !ok(s) {
                assert_eq!(s, VIETREF_INVALID_ARGUMENT);
                continue;
            }
            let (mut x, mut c, mut a, mut n) = (0u32, 0u32, 0u32, 0usize);
            assert!(ok(vietref_detection_encoding(d, &mut x)) && x <= 7);
            assert!(ok(vietref_detection_confidence(d, &mut c)) && c <= 1000);
            assert!(ok(vietref_detection_ambiguous(d, &mut a)) && a <= 1);
            assert!(ok(vietref_detection_alternative_count(d, &mut n)));
            for i in 0..=n {
                let (mut y, mut f) = (0u32, 0u32);
                let s = vietref_detection_alternative(d, i, &mut y, &mut f);
                assert_eq!(ok(s), i < n);
                assert!(!ok(s) || (y <= 7 && f <= 1000));
            }
            let (st, t) = owned_and_buf(
                |o| vietref_detection_text(d, o),
                |b, c, l| vietref_detection_text_buf(d, b, c, l),
                cap,
            );
            assert!(ok(st) && std::str::from_utf8(&t.unwrap_or_default()).is_ok());
            vietref_detection_free(d);
        }
        text_pair(
            vietref_legacy_repair_mojibake,
            vietref_legacy_repair_mojibake_buf,
            text,
            cap,
        );
        let _ = vietref_legacy_encoding_name(u32::from(cap));
        let mut x = 0u32;
        let _ = vietref_legacy_encoding_from_name(other.as_ptr().cast(), other.len(), &mut x);
    }
}

/// A reconciler with the scheme HP:6 (or the input's scheme list): invoices made from the
/// words of `text`, then every word fed as a statement line with the whole `other` as
/// content; every accessor read; the summary's line count is the number of lines fed.
unsafe fn reconcile(text: &[u8], other: &[u8], cap: u8) {
    unsafe {
        let mut r: *mut vietref_reconciler = ptr::null_mut();
        let schemes: &[u8] = if cap & 1 == 0 { b"HP:6" } else { other };
        if !ok(vietref_reconciler_new(
            schemes.as_ptr().cast(),
            schemes.len(),
            &mut r,
        )) {
            assert!(r.is_null());
            return;
        }
        let words: Vec<&[u8]> = text.split(|b| *b == b' ').collect();
        for (i, w) in words.iter().enumerate() {
            let amount = (i as u64 % 3) * 500_000;
            let mut rep: *mut vietref_report = ptr::null_mut();
            let st = vietref_reconciler_add_invoice(
                r,
                w.as_ptr().cast(),
                w.len(),
                amount,
                other.as_ptr().cast(),
                other.len().min(12),
                ptr::null(),
                0,
                ptr::null(),
                0,
                &mut rep,
            );
            if ok(st) {
                walk_report(rep, cap);
                vietref_report_free(rep);
            }
        }
        let mut fed = 0u64;
        for (i, w) in words.iter().enumerate() {
            let amount = (i as u64 % 3) * 500_000;
            let mut x: *mut vietref_line_result = ptr::null_mut();
            let st = vietref_reconciler_feed(
                r,
                i as u64 + 1,
                amount,
                other.as_ptr().cast(),
                other.len(),
                w.as_ptr().cast(),
                w.len(),
                ptr::null(),
                0,
                ptr::null(),
                0,
                &mut x,
            );
            if !ok(st) {
                assert!(x.is_null());
                continue;
            }
            fed += 1;
            let mut status = 99u32;
            assert!(ok(vietref_line_result_status(x, &mut status)) && status <= 6);
            let (st, code) = owned_and_buf(
                |o| vietref_line_result_invoice(x, o),
                |b, c, l| vietref_line_result_invoice_buf(x, b, c, l),
                cap,
            );
            if let (true, Some(code)) = (ok(st), code) {
                assert!(status <= 3, "an invoice for a line that was not applied");
                let (cp, cn) = (code.as_ptr().cast::<c_char>(), code.len());
                let (st, _) = owned_and_buf(
                    |o| vietref_reconciler_invoice_json(r, cp, cn, o),
                    |b, c, l| vietref_reconciler_invoice_json_buf(r, cp, cn, b, c, l),
                    cap,
                );
                assert!(ok(st));
            } else {
                assert!(status > 3, "an applied line without its invoice");
            }
            for lang in [1u32, 2, 3] {
                let (st, reason) = owned_and_buf(
                    |o| vietref_line_result_reason(x, lang, o),
                    |b, c, l| vietref_line_result_reason_buf(x, lang, b, c, l),
                    cap,
                );
                assert_eq!(ok(st), lang != 3);
                assert!(!ok(st) || !reason.unwrap_or_default().is_empty());
            }
            let (st, _) = owned_and_buf(
                |o| vietref_line_result_suggestion(x, o),
                |b, c, l| vietref_line_result_suggestion_buf(x, b, c, l),
                cap,
            );
            assert!(!ok(st) || status == 6, "a suggestion for a matched line");
            let (st, _) = owned_and_buf(
                |o| vietref_line_result_possible_typo(x, o),
                |b, c, l| vietref_line_result_possible_typo_buf(x, b, c, l),
                cap,
            );
            assert!(!ok(st) || status == 6, "a possible typo for a matched line");
            let (st, _) = owned_and_buf(
                |o| vietref_line_result_json(x, o),
                |b, c, l| vietref_line_result_json_buf(x, b, c, l),
                cap,
            );
            assert!(ok(st));
            vietref_line_result_free(x);
        }
        // An invoice the input names (usually none).
        let (tp, tn) = (text.as_ptr().cast::<c_char>(), text.len());
        let _ = owned_and_buf(
            |o| vietref_reconciler_invoice_json(r, tp, tn, o),
            |b, c, l| vietref_reconciler_invoice_json_buf(r, tp, tn, b, c, l),
            cap,
        );
        let (st, summary) = owned_and_buf(
            |o| vietref_reconciler_summary_json(r, o),
            |b, c, l| vietref_reconciler_summary_json_buf(r, b, c, l),
            cap,
        );
        assert!(ok(st));
        let summary = String::from_utf8(summary.unwrap_or_default()).unwrap_or_default();
        assert!(
            summary.starts_with(&format!("{{\"lines\":{fed},")),
            "{summary}"
        );
        // The input as files: the other bytes an invoice CSV, the text a statement.
        let mut added = u64::MAX;
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st = vietref_reconciler_add_invoices_csv(
            r,
            other.as_ptr().cast(),
            other.len(),
            ptr::null(),
            0,
            &mut added,
            &mut rep,
        );
        assert!(ok(st));
        walk_report(rep, cap);
        vietref_report_free(rep);
        assert!(added <= other.len() as u64);
        // The same bytes as an invoice list of a format picked by `cap` (0 and 2, 3 are
        // refused; 1, 4, 5 read).
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st = vietref_reconciler_add_invoices(
            r,
            other.as_ptr().cast(),
            other.len(),
            u32::from(cap % 6),
            ptr::null(),
            0,
            &mut added,
            &mut rep,
        );
        if ok(st) {
            walk_report(rep, cap);
            vietref_report_free(rep);
            assert!(added <= other.len() as u64);
        } else {
            assert!(
                matches!(cap % 6, 0 | 2 | 3),
                "status {st:?} for format {}",
                cap % 6
            );
        }
        let (format, results_format) = (u32::from(cap % 4), u32::from((cap >> 2) % 3));
        // One or two threads (or 0, read as 1): the statement is fed the same way.
        assert!(ok(vietref_reconciler_set_threads(r, usize::from(cap >> 6))));
        let mut res: *mut vietref_string = ptr::null_mut();
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st = vietref_reconciler_feed_statement(
            r,
            text.as_ptr().cast(),
            text.len(),
            format,
            ptr::null(),
            0,
            results_format,
            &mut res,
            &mut rep,
        );
        if format == 0 || results_format == 0 {
            assert_eq!(st, VIETREF_INVALID_ARGUMENT);
            assert!(res.is_null() && rep.is_null());
        } else {
            assert!(ok(st));
            let results = take(res);
            let mut valid = 9u32;
            assert!(ok(vietref_report_valid(rep, &mut valid)));
            walk_report(rep, cap);
            vietref_report_free(rep);
            let mut s: *mut vietref_string = ptr::null_mut();
            assert!(ok(vietref_reconciler_summary_json(r, &mut s)));
            let after = String::from_utf8(take(s)).unwrap_or_default();
            let lines: u64 = after
                .strip_prefix("{\"lines\":")
                .and_then(|t| t.split(',').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(u64::MAX);
            if results_format == 1 {
                let rows = results.iter().filter(|b| **b == b'\n').count() as u64;
                assert_eq!(lines, fed + rows, "a result for every line fed");
            }
        }
        vietref_reconciler_free(r);
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

/// The message checked with the input's `schemes`: refused only for malformed schemes;
/// with none, the same report as without.
unsafe fn validate_with_schemes(m: *mut vietref_message, schemes: &[u8], cap: u8) {
    unsafe {
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st =
            vietref_message_validate_schemes(m, schemes.as_ptr().cast(), schemes.len(), &mut rep);
        if !ok(st) {
            assert!(rep.is_null());
            assert!(st == VIETREF_REF_SCHEMES_INVALID || st == VIETREF_INVALID_UTF8);
            return;
        }
        if schemes.iter().all(|b| matches!(b, b' ' | b',')) {
            let mut plain: *mut vietref_report = ptr::null_mut();
            assert!(ok(vietref_message_validate(m, &mut plain)));
            let json = |r| {
                let mut s: *mut vietref_string = ptr::null_mut();
                assert!(ok(vietref_report_json(r, &mut s)));
                take(s)
            };
            assert_eq!(json(rep), json(plain), "empty schemes are not none");
            vietref_report_free(plain);
        }
        walk_report(rep, cap);
        vietref_report_free(rep);
    }
}

/// Reads every accessor of a report (and the `_buf` twins), for every index and one past
/// the end.
unsafe fn walk_report(rep: *mut vietref_report, cap: u8) {
    unsafe {
        let mut valid = 9u32;
        assert!(ok(vietref_report_valid(rep, &mut valid)));
        assert!(valid <= 1);
        let mut n = usize::MAX;
        assert!(ok(vietref_report_count(rep, &mut n)));
        let (st, json) = owned_and_buf(
            |o| vietref_report_json(rep, o),
            |b, c, l| vietref_report_json_buf(rep, b, c, l),
            cap,
        );
        assert!(ok(st) && std::str::from_utf8(&json.unwrap_or_default()).is_ok());
        let (st, _) = owned_and_buf(
            |o| vietref_report_cleaned_json(rep, o),
            |b, c, l| vietref_report_cleaned_json_buf(rep, b, c, l),
            cap,
        );
        assert!(ok(st) || st == VIETREF_NO_VALUE);
        assert_eq!(ok(st), valid == 1, "a cleaned value and validity disagree");
        let (st, _) = owned_and_buf(
            |o| vietref_report_cleaned_text(rep, o),
            |b, c, l| vietref_report_cleaned_text_buf(rep, b, c, l),
            cap,
        );
        assert!(ok(st) || st == VIETREF_NO_VALUE || st == VIETREF_WRONG_KIND);
        let mut errors = 0usize;
        for i in 0..=n.min(64) {
            let mut sev = 0u32;
            let st = vietref_report_finding_severity(rep, i, &mut sev);
            let (mut code, mut pos, mut ch) = (0u32, 0usize, 0u32);
            let codes = vietref_report_finding_code(rep, i, &mut code);
            let poss = vietref_report_finding_position(rep, i, &mut pos);
            let chs = vietref_report_finding_char(rep, i, &mut ch);
            if i == n {
                for s in [st, codes, poss, chs] {
                    assert_eq!(s, VIETREF_INDEX_OUT_OF_RANGE);
                }
                continue;
            }
            assert!(ok(st) && ok(codes));
            errors += usize::from(sev == 2);
            assert_eq!(
                crate::finding::Code::ALL
                    .iter()
                    .find(|c| c.number() == code)
                    .map(|c| c.severity() as u32 + 1),
                Some(sev),
                "a finding code unknown or of another severity"
            );
            assert!(ok(poss) || poss == VIETREF_NO_VALUE);
            assert!(!ok(chs) || char::from_u32(ch).is_some());
            for lang in [1u32, 2, u32::from(cap)] {
                let (st, _) = owned_and_buf(
                    |o| vietref_report_finding_message(rep, i, lang, o),
                    |b, c, l| vietref_report_finding_message_buf(rep, i, lang, b, c, l),
                    cap,
                );
                assert!(ok(st) || st == VIETREF_INVALID_ARGUMENT);
            }
            let (st, _) = owned_and_buf(
                |o| vietref_report_finding_code_key(rep, i, o),
                |b, c, l| vietref_report_finding_code_key_buf(rep, i, b, c, l),
                cap,
            );
            assert!(ok(st));
            let (st, _) = owned_and_buf(
                |o| vietref_report_finding_field(rep, i, o),
                |b, c, l| vietref_report_finding_field_buf(rep, i, b, c, l),
                cap,
            );
            assert!(ok(st));
        }
        if n <= 64 {
            assert_eq!(
                valid == 1,
                errors == 0,
                "validity and error findings disagree"
            );
        }
    }
}

/// Gateways: a merchant from junk settings and secrets is made or refused; a valid one's
/// verification of junk is JSON, its `_buf` twin agrees, settling junk changes nothing, and
/// a simulated callback of a built request verifies and settles.
unsafe fn gateway(text: &[u8], other: &[u8], cap: u8) {
    let t = |b: &[u8]| (b.as_ptr().cast::<c_char>(), b.len());
    let (tp, tn) = t(text);
    let (op, on) = t(other);
    let mut m: *mut vietref_gateway_merchant = ptr::null_mut();
    let s = unsafe { vietref_gateway_merchant_new(op, on, tp, tn, tp, tn, op, on, &mut m) };
    assert!(ok(s) || s == VIETREF_INVALID_ARGUMENT || s == VIETREF_INVALID_UTF8);
    assert_eq!(ok(s), !m.is_null());
    unsafe { vietref_gateway_merchant_free(m) };
    let (provider, settings, key2): (&str, &str, &[u8]) = match cap % 3 {
        0 => (
            "vnpay",
            r#"{"merchantCode":"DEMOV210","returnUrl":"https://x.vn/r"}"#,
            b"",
        ),
        1 => (
            "momo",
            r#"{"merchantCode":"MOMO","accessKey":"AK","returnUrl":"https://x.vn/r","notifyUrl":"https://x.vn/i"}"#,
            b"",
        ),
        _ => ("zalopay", r#"{"merchantCode":"2553"}"#, b"key2"),
    };
    let mut m: *mut vietref_gateway_merchant = ptr::null_mut();
    let (pp, pn) = t(provider.as_bytes());
    let (sp, sn) = t(settings.as_bytes());
    let (kp, kn) = t(b"fuzz-secret");
    let (k2p, k2n) = t(key2);
    assert!(ok(unsafe {
        vietref_gateway_merchant_new(pp, pn, sp, sn, kp, kn, k2p, k2n, &mut m)
    }));
    let json_ok = |v: &Option<Vec<u8>>| {
        if let Some(v) = v {
            assert!(serde_json::from_slice::<serde_json::Value>(v).is_ok());
        }
    };
    let (st, v) = unsafe {
        owned_and_buf(
            |o| vietref_gateway_verify(m, tp, tn, o),
            |b, c, l| vietref_gateway_verify_buf(m, tp, tn, b, c, l),
            cap,
        )
    };
    assert!(ok(st) || st == VIETREF_INVALID_UTF8);
    json_ok(&v);
    let mut r: *mut vietref_reconciler = ptr::null_mut();
    assert!(ok(unsafe {
        vietref_reconciler_new(ptr::null(), 0, &mut r)
    }));
    let (ip, inn) = t(b"VP-2024-17");
    let mut rep: *mut vietref_report = ptr::null_mut();
    assert!(ok(unsafe {
        vietref_reconciler_add_invoice(
            r,
            ip,
            inn,
            50_000,
            ptr::null(),
            0,
            ptr::null(),
            0,
            ptr::null(),
            0,
            &mut rep,
        )
    }));
    unsafe { vietref_report_free(rep) };
    let mut out: *mut vietref_string = ptr::null_mut();
    let st = unsafe { vietref_gateway_settle(m, r, tp, tn, 1, &mut out) };
    if ok(st) {
        json_ok(&Some(unsafe { take(out) }));
    }
    let mut msg: *mut vietref_message = ptr::null_mut();
    let (jp, jn) = t(r#"{"sector":"health","payerName":"An","reason":"Viện phí","invoice":"VP-2024-17","amount":50000}"#.as_bytes());
    assert!(ok(unsafe { vietref_message_from_json(jp, jn, &mut msg) }));
    // Junk options are refused; valid ones build a request.
    for opts in [
        other,
        br#"{"createdAtMs":1725240000000,"attempt":3}"#.as_slice(),
    ] {
        let (xp, xn) = t(opts);
        let (st, req) = unsafe {
            owned_and_buf(
                |o| vietref_gateway_request(m, msg, xp, xn, o),
                |b, c, l| vietref_gateway_request_buf(m, msg, xp, xn, b, c, l),
                cap,
            )
        };
        assert!(ok(st) || st == VIETREF_INVALID_ARGUMENT || st == VIETREF_INVALID_UTF8);
        json_ok(&req);
        let code: &[u8] = if cap % 3 == 1 { b"0" } else { b"00" };
        let (cp, cn) = t(code);
        let (st, cb) = unsafe {
            owned_and_buf(
                |o| vietref_gateway_simulate_callback(m, msg, xp, xn, cp, cn, 7, 1, o),
                |b, c, l| {
                    vietref_gateway_simulate_callback_buf(m, msg, xp, xn, cp, cn, 7, 1, b, c, l)
                },
                cap,
            )
        };
        if let Some(cb) = cb {
            assert!(ok(st));
            let (cbp, cbn) = t(&cb);
            let mut out: *mut vietref_string = ptr::null_mut();
            assert!(ok(unsafe {
                vietref_gateway_settle(m, r, cbp, cbn, 2, &mut out)
            }));
            let s: serde_json::Value = serde_json::from_slice(&unsafe { take(out) }).unwrap();
            assert!(s["findings"].as_array().is_some(), "{s}");
        }
    }
    unsafe {
        vietref_message_free(msg);
        vietref_reconciler_free(r);
        vietref_gateway_merchant_free(m);
    }
}

#[cfg(test)]
mod tests {
    /// The `vietref_*` names of `text` followed by `(`: the functions a header declares.
    fn declared(header: &str) -> Vec<&str> {
        let mut names: Vec<&str> = header
            .match_indices("vietref_")
            .filter_map(|(at, _)| {
                let rest = header.get(at..)?;
                let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
                let boundary = at == 0
                    || !header[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
                (boundary && rest[end..].starts_with('(')).then(|| &rest[..end])
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Whether `name` occurs as a whole word in `code`.
    fn names(code: &str, name: &str) -> bool {
        code.match_indices(name).any(|(at, _)| {
            let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
            !code[..at].ends_with(word) && !code[at + name.len()..].starts_with(word)
        })
    }

    /// The driver calls every function of the C ABI: each name the flat header declares
    /// appears in this file's code (comments left out).
    #[test]
    fn the_driver_calls_every_function_of_the_header() {
        let header = include_str!("../../include/vietref_flat.h");
        let code: String = include_str!("fuzz.rs")
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let functions = declared(header);
        assert!(functions.len() >= 138, "{} functions", functions.len());
        let missing: Vec<&str> = functions.into_iter().filter(|f| !names(&code, f)).collect();
        assert!(missing.is_empty(), "not driven: {missing:?}");
    }
}
