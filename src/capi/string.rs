//! `vietref_string`: an owned UTF-8 string handed to C.

use super::boundary::{ffi_boundary, free_handle, handle_ref};
use std::ffi::c_char;

/// An owned UTF-8 string that vietref made for the caller (a folded text, a finding's
/// message, a JSON document).
///
/// Read it with `vietref_string_ptr` and `vietref_string_len`; free it with
/// `vietref_string_free` exactly once. The bytes are followed by a NUL that is not counted
/// in the length, so the pointer can also be used as a C string when the text itself holds
/// no NUL. The string never changes after it is made.
///
/// Thread safety: immutable; any number of threads may read one string at the same time.
/// Free it once, after every reader is done.
pub struct vietref_string {
    /// The text followed by one NUL.
    bytes: Box<[u8]>,
}

impl vietref_string {
    pub(crate) fn new(text: String) -> Self {
        let mut bytes = text.into_bytes();
        bytes.push(0);
        vietref_string {
            bytes: bytes.into_boxed_slice(),
        }
    }

    /// The text, without the terminating NUL.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.split_last().map_or(&[][..], |(_, text)| text)
    }
}

/// The first byte of the string's UTF-8 text (followed by a NUL that `vietref_string_len`
/// does not count). Returns NULL when `s` is NULL.
///
/// Ownership: the pointer is borrowed from `s` and valid until `vietref_string_free(s)`.
///
/// # Safety
/// `s` is NULL or a live `vietref_string` from this library.
#[no_mangle]
pub unsafe extern "C" fn vietref_string_ptr(s: *const vietref_string) -> *const c_char {
    ffi_boundary!(on_panic = std::ptr::null(); {
        match unsafe { handle_ref(s) } {
            Ok(s) => s.bytes.as_ptr().cast(),
            Err(_) => std::ptr::null(),
        }
    })
}

/// The length of the string's UTF-8 text in bytes (the terminating NUL not counted).
/// Returns 0 when `s` is NULL.
///
/// # Safety
/// `s` is NULL or a live `vietref_string` from this library.
#[no_mangle]
pub unsafe extern "C" fn vietref_string_len(s: *const vietref_string) -> usize {
    ffi_boundary!(on_panic = 0; {
        match unsafe { handle_ref(s) } {
            Ok(s) => s.as_bytes().len(),
            Err(_) => 0,
        }
    })
}

/// Frees a string. NULL is accepted and does nothing. Freeing the same string twice is
/// undefined behaviour, as with `free`.
///
/// # Safety
/// `s` is NULL or a live `vietref_string` from this library, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn vietref_string_free(s: *mut vietref_string) {
    ffi_boundary!(on_panic = (); {
        unsafe { free_handle(s) }
    })
}
