//! Fuzz driver for the C ABI: calls the `extern "C"` functions exactly as a C caller
//! would, with arbitrary bytes as text (invalid UTF-8 included), arbitrary lengths up to
//! the data's own, arbitrary buffer capacities, NULL pointers and out-of-range indices and
//! constants. Any panic that escapes, any `VIETREF_PANIC`, or any broken contract (an
//! out-parameter written on failure, a `_buf` result differing from the owned one) is a
//! failure. Not part of the stable API; used by `fuzz/fuzz_targets/capi.rs` and replayed by
//! `cargo test`.

use super::message::*;
use super::report::*;
use super::status::vietref_status::{self, *};
use super::string::*;
use super::text::*;
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
        match op % 6 {
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
