//! Peak memory of the checks, measured: a counting global allocator records the most bytes
//! live at once while a check runs on a large input. The budget is 4 bytes per input byte
//! plus a fixed amount (the input itself is the caller's and not counted): a report is
//! capped at [`vietref::finding::MAX_REPEATS`] findings per code, and the work behind it
//! must be bounded the same way (issue 18: 10 MB of digits once peaked at 1.5 GB).
//!
//! The tests run one at a time (one lock): the allocator's counters are global.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ffi::c_char;
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn note(live: usize) {
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are
// updated around it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            note(LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            note(LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size());
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                note(LIVE.fetch_add(grow, Ordering::Relaxed) + grow);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The most bytes live at once during `f`, above what was live before it, and its result.
fn peak<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    (PEAK.load(Ordering::Relaxed) - base, out)
}

/// 4 bytes per input byte plus 1 MB.
fn budget(input: usize) -> usize {
    4 * input + (1 << 20)
}

const MB: usize = 1 << 20;

/// Inputs a check must handle within the budget: digits (a finding each), refused
/// characters, Cyrillic letters, spaces to collapse, mixed scripts in many words.
fn inputs() -> Vec<(&'static str, String)> {
    // 1–1.5 MB each (the tests run unoptimized); the fixed part of the budget is small
    // beside the 150x growth this guards against.
    vec![
        ("digits", "1".repeat(MB)),
        ("letters", "a".repeat(MB)),
        ("cyrillic", "Б".repeat(MB / 2)),
        ("controls", "\u{1}".repeat(MB)),
        ("invisible", "a\u{200B}".repeat(MB / 4)),
        ("spaces", "a  ".repeat(MB / 2)),
        ("mixed words", "aб ".repeat(MB / 4)),
        ("misplaced tones", "Qúy ".repeat(MB / 4)),
        ("symbols", "@".repeat(MB)),
        ("nfd", "a\u{301}".repeat(MB / 2)),
        ("fullwidth", "Ａ".repeat(MB / 2)),
    ]
}

fn check_all(what: &str, f: impl Fn(&str) -> usize) {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    for (name, input) in inputs() {
        let (used, findings) = peak(|| f(&input));
        assert!(
            used <= budget(input.len()),
            "{what} on {name} ({} MB): peak {} MB above the input, budget {} MB ({findings} findings)",
            input.len() / MB,
            used / MB,
            budget(input.len()) / MB
        );
        assert!(findings <= 200, "{what} on {name}: {findings} findings");
        eprintln!(
            "{what} on {name}: {} bytes in, peak {:.2} bytes per byte",
            input.len(),
            used as f64 / input.len() as f64
        );
    }
}

#[test]
fn name_check_is_bounded() {
    check_all("check_name", |s| {
        let r = vietref::text::check_name(s, "payerName");
        let json = serde_json::to_string(&r.findings).unwrap();
        assert!(json.len() < 64 * 1024, "report of {} bytes", json.len());
        r.findings.len()
    });
}

#[test]
fn text_check_is_bounded() {
    check_all("check_text", |s| {
        let (_, f) = vietref::text::check_text(s, "reason");
        // The findings alone: the normalized text is the input's size.
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.len() < 64 * 1024, "report of {} bytes", json.len());
        f.len()
    });
}

#[test]
fn message_validate_is_bounded() {
    check_all("MessageDraft::validate", |s| {
        let draft = vietref::MessageDraft {
            sector: Some("health".into()),
            payer_name: Some(s.to_owned()),
            reason: Some("Viện phí".into()),
            invoice: Some("VP1".into()),
            ..Default::default()
        };
        let r = draft.validate();
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.len() < 64 * 1024, "report of {} bytes", json.len());
        r.findings.len()
    });
}

mod capi {
    use super::*;
    use vietref::capi::message::*;
    use vietref::capi::report::*;
    use vietref::capi::string::*;
    use vietref::capi::text::*;
    use vietref::capi::vietref_status::*;
    use vietref::capi::{vietref_message, vietref_report, vietref_string};

    /// The report's finding count, then frees it. Its JSON holds the findings in under
    /// 64 KB, and the cleaned value (at most the input's length) when valid.
    fn finish(report: *mut vietref_report, input: &str) -> usize {
        let mut n = 0usize;
        let mut valid = 0u32;
        let mut json: *mut vietref_string = ptr::null_mut();
        unsafe {
            assert_eq!(vietref_report_count(report, &mut n), VIETREF_OK);
            assert_eq!(vietref_report_valid(report, &mut valid), VIETREF_OK);
            assert_eq!(vietref_report_json(report, &mut json), VIETREF_OK);
            let len = vietref_string_len(json);
            let cleaned = if valid == 1 { input.len() } else { 0 };
            assert!(len < 64 * 1024 + cleaned, "report JSON of {len} bytes");
            vietref_string_free(json);
            vietref_report_free(report);
        }
        n
    }

    #[test]
    fn text_check_is_bounded() {
        check_all("vietref_text_check", |s| {
            let mut report: *mut vietref_report = ptr::null_mut();
            let f = b"payerName";
            let st = unsafe {
                vietref_text_check(
                    s.as_ptr().cast::<c_char>(),
                    s.len(),
                    f.as_ptr().cast(),
                    f.len(),
                    &mut report,
                )
            };
            assert_eq!(st, VIETREF_OK);
            finish(report, s)
        });
        check_all("vietref_text_check_text", |s| {
            let mut report: *mut vietref_report = ptr::null_mut();
            let f = b"reason";
            let st = unsafe {
                vietref_text_check_text(
                    s.as_ptr().cast::<c_char>(),
                    s.len(),
                    f.as_ptr().cast(),
                    f.len(),
                    &mut report,
                )
            };
            assert_eq!(st, VIETREF_OK);
            finish(report, s)
        });
    }

    #[test]
    fn message_validate_is_bounded() {
        check_all("vietref_message_validate", |s| {
            let mut m: *mut vietref_message = ptr::null_mut();
            let mut report: *mut vietref_report = ptr::null_mut();
            unsafe {
                assert_eq!(vietref_message_new(&mut m), VIETREF_OK);
                let set = |f: unsafe extern "C" fn(
                    *mut vietref_message,
                    *const c_char,
                    usize,
                ) -> vietref_status,
                           v: &str| {
                    assert_eq!(f(m, v.as_ptr().cast(), v.len()), VIETREF_OK);
                };
                set(vietref_message_set_sector, "health");
                set(vietref_message_set_payer_name, s);
                set(vietref_message_set_reason, "Viện phí");
                set(vietref_message_set_invoice, "VP1");
                assert_eq!(vietref_message_validate(m, &mut report), VIETREF_OK);
                vietref_message_free(m);
            }
            finish(report, s)
        });
    }

    use vietref::capi::vietref_status;
}
