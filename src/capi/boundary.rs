//! The helpers every exported function is built from: the panic boundary, argument checks
//! (NULL, UTF-8, handles), and outputs that are written only on success.
//!
//! The shape of an export that can fail:
//!
//! ```ignore
//! #[no_mangle]
//! pub unsafe extern "C" fn vietref_text_fold(
//!     text: *const c_char,
//!     text_len: usize,
//!     out: *mut *mut vietref_string,
//! ) -> vietref_status {
//!     ffi_boundary!({
//!         let text = unsafe { text_arg(text, text_len) }?; // NULL / UTF-8 checks
//!         let out = unsafe { out_arg(out) }?;               // NULL check, nothing written
//!         let folded = crate::text::fold(text);             // the safe Rust call
//!         out.write_string(folded);                         // written last, on success
//!         Ok(())
//!     })
//! }
//! ```
//!
//! Check every argument first (in parameter order: the status names the first problem),
//! do the work, and write the outputs last. The `_buf` twin of a string function takes
//! `buf_arg(buf, cap, len_out)` instead of `out_arg(out)` and finishes with
//! `buf.put(&text)`.

use super::status::vietref_status;
use super::string::vietref_string;
use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The result type of the body of a status-returning export.
pub(crate) type FfiResult = Result<(), vietref_status>;

/// Runs `f`, turning a panic into `VIETREF_PANIC` and `Ok(())` into `VIETREF_OK`.
///
/// `AssertUnwindSafe`: after a caught panic the handles passed to the call may hold a
/// half-made change; the documentation tells the caller to only free them then.
pub(crate) fn status_boundary(f: impl FnOnce() -> FfiResult) -> vietref_status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => vietref_status::VIETREF_OK,
        Ok(Err(status)) => status,
        Err(_) => vietref_status::VIETREF_PANIC,
    }
}

/// Runs `f`, returning `on_panic` when it panics (for the few exports that return a value
/// directly: static strings, string accessors, `_free`).
pub(crate) fn value_boundary<T>(on_panic: T, f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(on_panic)
}

/// The one panic boundary: every exported function's body runs inside it.
///
/// * `ffi_boundary!({ ...; Ok(()) })`: the body returns `Result<(), vietref_status>` (so
///   `?` works); the export returns `vietref_status` (`VIETREF_PANIC` on a panic).
/// * `ffi_boundary!(on_panic = VALUE; { ... })`: the body returns the export's value
///   directly; `VALUE` is returned on a panic.
macro_rules! ffi_boundary {
    (on_panic = $fallback:expr; $body:block) => {
        $crate::capi::boundary::value_boundary($fallback, move || $body)
    };
    ($body:block) => {
        $crate::capi::boundary::status_boundary(move || -> $crate::capi::boundary::FfiResult {
            $body
        })
    };
}
pub(crate) use ffi_boundary;

/// A byte length C may hand us: `slice::from_raw_parts` requires at most `isize::MAX`.
fn check_len(len: usize) -> Result<(), vietref_status> {
    if len > isize::MAX as usize {
        Err(vietref_status::VIETREF_INVALID_ARGUMENT)
    } else {
        Ok(())
    }
}

/// A UTF-8 text argument given as pointer + length: `(NULL, 0)` is the empty string,
/// `(NULL, n > 0)` is `VIETREF_NULL_ARGUMENT`, bytes that are not UTF-8 are
/// `VIETREF_INVALID_UTF8`. The text need not be NUL-terminated and may contain NUL.
///
/// # Safety
/// When `ptr` is not NULL it must point to `len` readable bytes that stay unchanged for
/// `'a`.
pub(crate) unsafe fn text_arg<'a>(
    ptr: *const c_char,
    len: usize,
) -> Result<&'a str, vietref_status> {
    // SAFETY: forwarded contract.
    let bytes = unsafe { bytes_arg(ptr.cast::<u8>(), len) }?;
    std::str::from_utf8(bytes).map_err(|_| vietref_status::VIETREF_INVALID_UTF8)
}

/// A byte-string argument given as pointer + length, taken as it is (no UTF-8 check):
/// `(NULL, 0)` is empty, `(NULL, n > 0)` is `VIETREF_NULL_ARGUMENT`.
///
/// # Safety
/// When `ptr` is not NULL it must point to `len` readable bytes that stay unchanged for
/// `'a`.
pub(crate) unsafe fn bytes_arg<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], vietref_status> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(vietref_status::VIETREF_NULL_ARGUMENT)
        };
    }
    check_len(len)?;
    // SAFETY: non-NULL, `len` readable bytes (caller's contract), `len <= isize::MAX`.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// An optional UTF-8 text argument: like [`text_arg`], with the empty text meaning "not
/// given".
///
/// # Safety
/// As [`text_arg`].
pub(crate) unsafe fn opt_text_arg<'a>(
    ptr: *const c_char,
    len: usize,
) -> Result<Option<&'a str>, vietref_status> {
    // SAFETY: forwarded contract.
    let text = unsafe { text_arg(ptr, len) }?;
    Ok(if text.is_empty() { None } else { Some(text) })
}

/// A handle argument the call only reads: NULL is `VIETREF_NULL_ARGUMENT`.
///
/// # Safety
/// When not NULL, `ptr` must come from this library's `_new` (or a function documented to
/// create the handle) and not yet be freed, and no other thread may be changing it.
pub(crate) unsafe fn handle_ref<'a, T>(ptr: *const T) -> Result<&'a T, vietref_status> {
    // SAFETY: a live handle created by `into_handle` (caller's contract).
    unsafe { ptr.as_ref() }.ok_or(vietref_status::VIETREF_NULL_ARGUMENT)
}

/// A handle argument the call changes: NULL is `VIETREF_NULL_ARGUMENT`.
///
/// # Safety
/// As [`handle_ref`], and no other thread may be using the handle during the call.
pub(crate) unsafe fn handle_mut<'a, T>(ptr: *mut T) -> Result<&'a mut T, vietref_status> {
    // SAFETY: a live handle used by this thread only (caller's contract).
    unsafe { ptr.as_mut() }.ok_or(vietref_status::VIETREF_NULL_ARGUMENT)
}

/// Moves a value to the heap and hands C an opaque pointer to it.
pub(crate) fn into_handle<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Frees a handle made by [`into_handle`]; NULL is a no-op.
///
/// # Safety
/// `ptr` is NULL or came from [`into_handle`] with the same `T` and was not freed yet.
pub(crate) unsafe fn free_handle<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: made by `Box::into_raw` in `into_handle` and not freed (caller's contract).
        drop(unsafe { Box::from_raw(ptr) });
    }
}

/// An out-parameter that was checked for NULL and is written at most once, at the end.
pub(crate) struct Out<T>(*mut T);

/// Checks an out-parameter for NULL; nothing is written yet.
///
/// # Safety
/// When not NULL, `ptr` must be valid for writing a `T` (alignment included).
pub(crate) unsafe fn out_arg<T>(ptr: *mut T) -> Result<Out<T>, vietref_status> {
    if ptr.is_null() {
        Err(vietref_status::VIETREF_NULL_ARGUMENT)
    } else {
        Ok(Out(ptr))
    }
}

impl<T> Out<T> {
    /// Writes the value (the last step of a successful call).
    pub(crate) fn write(self, value: T) {
        // SAFETY: checked non-NULL and writable in `out_arg` (caller's contract).
        unsafe { self.0.write(value) }
    }
}

impl Out<*mut vietref_string> {
    /// Writes a new owned `vietref_string` handle holding `text`.
    pub(crate) fn write_string(self, text: String) {
        self.write(into_handle(vietref_string::new(text)));
    }
}

/// A caller's buffer for a `_buf` function: `buf` (may be NULL when `cap` is 0), its
/// capacity `cap` in bytes, and `len_out` for the text's length.
pub(crate) struct BufOut {
    buf: *mut c_char,
    cap: usize,
    len_out: Out<usize>,
}

/// Checks a caller-buffer triple: `buf` NULL with `cap > 0` or `len_out` NULL is
/// `VIETREF_NULL_ARGUMENT`.
///
/// # Safety
/// When not NULL, `buf` must be valid for writing `cap` bytes and `len_out` for writing a
/// `size_t`.
pub(crate) unsafe fn buf_arg(
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> Result<BufOut, vietref_status> {
    if buf.is_null() && cap > 0 {
        return Err(vietref_status::VIETREF_NULL_ARGUMENT);
    }
    check_len(cap)?;
    // SAFETY: forwarded contract.
    let len_out = unsafe { out_arg(len_out) }?;
    Ok(BufOut { buf, cap, len_out })
}

impl BufOut {
    /// Copies `text` (UTF-8, no NUL terminator added) when it fits and writes its length to
    /// `len_out`. When it does not fit, writes only the needed length to `len_out` and
    /// returns `VIETREF_INSUFFICIENT_SIZE`: nothing is ever truncated.
    pub(crate) fn put(self, text: &str) -> FfiResult {
        self.put_bytes(text.as_bytes())
    }

    /// [`BufOut::put`] for bytes that need not be UTF-8 (a legacy encoding's output).
    pub(crate) fn put_bytes(self, bytes: &[u8]) -> FfiResult {
        let n = bytes.len();
        if n > self.cap {
            self.len_out.write(n);
            return Err(vietref_status::VIETREF_INSUFFICIENT_SIZE);
        }
        if n > 0 {
            // SAFETY: `buf` is writable for `cap >= n` bytes (checked in `buf_arg`). Every
            // caller passes bytes this library just made (a fresh `String` or `Vec`), so
            // they cannot overlap the caller's buffer, even when the caller reuses its
            // input buffer.
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.buf.cast::<u8>(), n) };
        }
        self.len_out.write(n);
        Ok(())
    }
}

/// The whole body of a text-to-string export: checks `(text, text_len)` and `out`, runs
/// `f` on the text, and writes a new `vietref_string` on success.
///
/// # Safety
/// As [`text_arg`] and [`out_arg`].
pub(crate) unsafe fn text_to_string(
    text: *const c_char,
    text_len: usize,
    out: *mut *mut vietref_string,
    f: impl FnOnce(&str) -> Result<String, vietref_status>,
) -> FfiResult {
    // SAFETY: forwarded contracts.
    let text = unsafe { text_arg(text, text_len) }?;
    let out = unsafe { out_arg(out) }?;
    out.write_string(f(text)?);
    Ok(())
}

/// The whole body of the `_buf` twin of a text-to-string export.
///
/// # Safety
/// As [`text_arg`] and [`buf_arg`].
pub(crate) unsafe fn text_to_buf(
    text: *const c_char,
    text_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
    f: impl FnOnce(&str) -> Result<String, vietref_status>,
) -> FfiResult {
    // SAFETY: forwarded contracts.
    let text = unsafe { text_arg(text, text_len) }?;
    let buf = unsafe { buf_arg(buf, cap, len_out) }?;
    buf.put(&f(text)?)
}

/// An integer constant argument (tone style, language) that must name a known value.
pub(crate) fn known<T>(value: Option<T>) -> Result<T, vietref_status> {
    value.ok_or(vietref_status::VIETREF_INVALID_ARGUMENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_panic_status() {
        let s = status_boundary(|| panic!("forced"));
        assert_eq!(s, vietref_status::VIETREF_PANIC);
        let v = value_boundary(7usize, || panic!("forced"));
        assert_eq!(v, 7);
        assert_eq!(status_boundary(|| Ok(())), vietref_status::VIETREF_OK);
        assert_eq!(
            status_boundary(|| Err(vietref_status::VIETREF_NO_VALUE)),
            vietref_status::VIETREF_NO_VALUE
        );
    }

    #[test]
    fn text_arguments() {
        unsafe {
            assert_eq!(text_arg(std::ptr::null(), 0), Ok(""));
            assert_eq!(
                text_arg(std::ptr::null(), 3),
                Err(vietref_status::VIETREF_NULL_ARGUMENT)
            );
            let bad = [0x61u8, 0xFF];
            assert_eq!(
                text_arg(bad.as_ptr().cast(), 2),
                Err(vietref_status::VIETREF_INVALID_UTF8)
            );
            assert_eq!(text_arg(bad.as_ptr().cast(), 1), Ok("a"));
            assert_eq!(
                text_arg(bad.as_ptr().cast(), usize::MAX),
                Err(vietref_status::VIETREF_INVALID_ARGUMENT)
            );
        }
    }

    #[test]
    fn buffers_never_truncate() {
        let mut buf = [0u8; 4];
        let mut len = 99usize;
        let b = unsafe { buf_arg(buf.as_mut_ptr().cast(), 2, &mut len) }.unwrap();
        assert_eq!(b.put("abc"), Err(vietref_status::VIETREF_INSUFFICIENT_SIZE));
        assert_eq!(len, 3);
        assert_eq!(
            buf, [0; 4],
            "nothing is written to a buffer that is too small"
        );
        let b = unsafe { buf_arg(buf.as_mut_ptr().cast(), 3, &mut len) }.unwrap();
        assert_eq!(b.put("abc"), Ok(()));
        assert_eq!(&buf, b"abc\0");
        assert!(unsafe { buf_arg(std::ptr::null_mut(), 1, &mut len) }.is_err());
        assert!(unsafe { buf_arg(buf.as_mut_ptr().cast(), 1, std::ptr::null_mut()) }.is_err());
        let b = unsafe { buf_arg(std::ptr::null_mut(), 0, &mut len) }.unwrap();
        assert_eq!(b.put(""), Ok(()));
        assert_eq!(len, 0);
    }
}
