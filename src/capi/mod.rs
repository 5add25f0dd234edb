//! The C ABI: `include/vietref.h` is generated from this module by cbindgen.
//!
//! This is the only place in vietref with `unsafe` code, besides one cache prefetch in
//! `src/hint.rs` (which reads nothing the program sees). Every binding (C#, Java, Python,
//! PHP) goes through these functions, so they follow one set of conventions (the user's
//! view is in the header's preamble and in docs/reference/c-abi.md):
//!
//! * names start with `vietref_`; handles are opaque structs with `_new` / `_free`
//!   (`_free(NULL)` does nothing);
//! * a fallible function returns [`vietref_status`] (`uint32_t`, stable numbers grouped by
//!   area, never reused) and writes its outputs through out-parameters **only on success**;
//!   the one exception is the needed length a `_buf` function writes with
//!   `VIETREF_INSUFFICIENT_SIZE`;
//! * text is UTF-8 as pointer + length in both directions (`(NULL, 0)` is the empty
//!   string); owned results are [`string::vietref_string`] handles, and string functions
//!   have a `_buf` twin writing into the caller's buffer;
//! * parameters are integers, `size_t`, pointers and handles only: no `bool` (0/1 in a
//!   `uint32_t`), no struct by value, no enum-typed parameter (enum values travel as
//!   `uint32_t`, validated on the way in);
//! * no global mutable state and no thread-local "last error".
//!
//! # Adding a function (areas: reference 300, memo 400, VietQR 500, legacy 600,
//! reconcile 700)
//!
//! 1. Put it in `src/capi/<area>.rs` as `#[no_mangle] pub unsafe extern "C" fn vietref_<area>_<verb>`,
//!    with a doc comment saying what it does, who owns what, and a `# Safety` section.
//! 2. Wrap the whole body in `boundary::ffi_boundary!`; check arguments with
//!    `text_arg` / `handle_ref` / `handle_mut` / `out_arg` / `buf_arg` / `known`, do the
//!    work with the safe Rust API, write outputs last (`Out::write`, `Out::write_string`,
//!    `BufOut::put`). A text → text function is one line with `text_to_string` and
//!    `text_to_buf`.
//! 3. New statuses: append to [`vietref_status`] in the area's range.
//! 4. Regenerate the header (`make header`), add the function to the area's C program
//!    `tests/c/test_<area>.c` (success, NULL for every pointer, invalid UTF-8, buffers of 0
//!    and 1 bytes; a new program goes into `C_TESTS` in tests/capi_c.rs and is picked up by
//!    tests/c/run.sh), to a property test against the Rust API (`tests/capi_<area>.rs`), to
//!    the fuzz driver (`src/capi/fuzz.rs`) and to the tables in docs/reference/c-abi.md.

// C names: `vietref_string`, not `VietrefString`.
#![allow(non_camel_case_types)]

pub(crate) mod boundary;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzz;
pub mod gateway;
pub mod legacy;
pub mod memo;
pub mod message;
pub mod reconcile;
pub mod reference;
pub mod report;
pub mod status;
pub mod string;
pub mod text;
pub mod vietqr;

pub use gateway::vietref_gateway_merchant;
pub use legacy::{vietref_detection, vietref_encoded, vietref_encoding, vietref_legacy_option};
pub use memo::{vietref_candidates, vietref_channel, vietref_memo_list};
pub use message::vietref_message;
pub use reconcile::{vietref_line_result, vietref_line_status, vietref_reconciler};
pub use reference::vietref_ref_kind;
pub use report::{vietref_report, vietref_severity};
pub use status::vietref_status;
pub use string::vietref_string;
pub use text::{vietref_name_comparison, vietref_tone_style};
pub use vietqr::{vietref_vietqr, vietref_vietqr_field, vietref_vietqr_mode};

use boundary::ffi_boundary;
use std::ffi::c_char;

/// Major version of the library this header belongs to (compare with `vietref_version()`
/// at run time to detect a mismatched shared library).
pub const VIETREF_VERSION_MAJOR: u32 = 0;
/// Minor version of the library this header belongs to.
pub const VIETREF_VERSION_MINOR: u32 = 1;
/// Patch version of the library this header belongs to.
pub const VIETREF_VERSION_PATCH: u32 = 0;

/// Parses a decimal `u32` at compile time (for checking the constants above against
/// Cargo.toml).
const fn parse_u32(s: &str) -> u32 {
    let b = s.as_bytes();
    let mut i = 0;
    let mut n = 0u32;
    while i < b.len() {
        assert!(b[i].is_ascii_digit(), "version part is not a number");
        n = n * 10 + (b[i] - b'0') as u32;
        i += 1;
    }
    n
}

// The header's version constants must follow Cargo.toml: a version bump that forgets them
// fails to compile here (and `make header` then updates include/vietref.h).
const _: () = assert!(
    VIETREF_VERSION_MAJOR == parse_u32(env!("CARGO_PKG_VERSION_MAJOR"))
        && VIETREF_VERSION_MINOR == parse_u32(env!("CARGO_PKG_VERSION_MINOR"))
        && VIETREF_VERSION_PATCH == parse_u32(env!("CARGO_PKG_VERSION_PATCH")),
    "VIETREF_VERSION_* in src/capi/mod.rs differ from the version in Cargo.toml"
);

/// `VIETREF_LANG_*`: the language of a message (`vietref_report_finding_message`,
/// `vietref_status_message`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_lang {
    /// English.
    VIETREF_LANG_EN = 1,
    /// Vietnamese (tiếng Việt).
    VIETREF_LANG_VI = 2,
}

/// A message language, as the Rust side uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    Vi,
}

impl Lang {
    /// The language a `VIETREF_LANG_*` value names.
    pub(crate) fn from_u32(n: u32) -> Option<Lang> {
        match n {
            x if x == vietref_lang::VIETREF_LANG_EN as u32 => Some(Lang::En),
            x if x == vietref_lang::VIETREF_LANG_VI as u32 => Some(Lang::Vi),
            _ => None,
        }
    }
}

static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The library's version, like `"0.1.0"`: a static NUL-terminated string; do not free it.
#[no_mangle]
pub extern "C" fn vietref_version() -> *const c_char {
    ffi_boundary!(on_panic = std::ptr::null(); { VERSION.as_ptr().cast() })
}

/// The constant name of a status, like `"VIETREF_NULL_ARGUMENT"`: a static NUL-terminated
/// string; do not free it. NULL for a number that is not a status.
#[no_mangle]
pub extern "C" fn vietref_status_name(status: u32) -> *const c_char {
    ffi_boundary!(on_panic = std::ptr::null(); {
        vietref_status::from_number(status).map_or(std::ptr::null(), vietref_status::name_c)
    })
}

/// A short description of a status in `lang` (`VIETREF_LANG_EN` or `VIETREF_LANG_VI`): a
/// static NUL-terminated UTF-8 string; do not free it. NULL for a number that is not a
/// status or an unknown language.
#[no_mangle]
pub extern "C" fn vietref_status_message(status: u32, lang: u32) -> *const c_char {
    ffi_boundary!(on_panic = std::ptr::null(); {
        match (vietref_status::from_number(status), Lang::from_u32(lang)) {
            (Some(s), Some(l)) => s.message_c(l),
            _ => std::ptr::null(),
        }
    })
}

/// A test-only export that panics inside the boundary, to prove a panic comes back as
/// `VIETREF_PANIC` through a real `extern "C"` function.
///
/// cbindgen:ignore
///
/// # Safety
/// `out` is NULL or points to a writable `uint32_t`.
#[cfg(test)]
#[no_mangle]
pub unsafe extern "C" fn vietref_test_panic(out: *mut u32) -> vietref_status {
    ffi_boundary!({
        let out = unsafe { boundary::out_arg(out) }?;
        let v: Vec<u32> = Vec::new();
        // An out-of-bounds index: the kind of bug the boundary is there for.
        let x = v[std::hint::black_box(3)];
        out.write(x);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn a_panic_through_an_export_is_reported_and_nothing_is_written() {
        let mut out = 42u32;
        let s = unsafe { vietref_test_panic(&mut out) };
        assert_eq!(s, vietref_status::VIETREF_PANIC);
        assert_eq!(out, 42);
    }

    #[test]
    fn version_matches_cargo() {
        let v = unsafe { CStr::from_ptr(vietref_version()) }
            .to_str()
            .unwrap();
        assert_eq!(v, env!("CARGO_PKG_VERSION"));
        assert_eq!(
            v,
            format!("{VIETREF_VERSION_MAJOR}.{VIETREF_VERSION_MINOR}.{VIETREF_VERSION_PATCH}")
        );
        assert_eq!(parse_u32("1203"), 1203);
    }

    #[test]
    fn status_texts() {
        let name = unsafe { CStr::from_ptr(vietref_status_name(1)) };
        assert_eq!(name.to_str().unwrap(), "VIETREF_NULL_ARGUMENT");
        let vi = unsafe { CStr::from_ptr(vietref_status_message(2, 2)) };
        assert_eq!(
            vi.to_str().unwrap(),
            "một tham số văn bản không phải UTF-8 hợp lệ"
        );
        assert!(vietref_status_message(2, 3).is_null());
        assert!(vietref_status_message(77, 1).is_null());
        assert!(vietref_status_name(77).is_null());
    }
}
