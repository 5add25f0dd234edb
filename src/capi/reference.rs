//! References: python-stdnum's verbs (create, validate, format, compact, is_valid) for
//! payment codes, RF creditor references, e-invoice identifiers and tax codes, with the
//! reason for a refusal as a status and as a message in English or Vietnamese.

use super::boundary::{buf_arg, ffi_boundary, known, out_arg, text_arg, FfiResult};
use super::status::vietref_status;
use super::string::vietref_string;
use super::Lang;
use crate::reference::{code, einvoice, mst, rf, RefError, RefKind, Scheme};
use std::ffi::c_char;

/// `VIETREF_REF_*`: the kind of a reference (the `kind` argument of `vietref_ref_*`, and
/// what `vietref_candidates_kind` writes).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_ref_kind {
    /// A vietref payment code: 2–5 letters (no O, I, L), a body of 6–12 digits, two ISO
    /// 7064 MOD 97-10 check digits (`HP7184097674`, printed `HP 7184 0976 74`).
    VIETREF_REF_CODE = 1,
    /// An ISO 11649 creditor reference (`RF18539007547034`, printed in groups of four).
    VIETREF_REF_RF = 2,
    /// A Vietnamese e-invoice identifier: template, series and number (`1C24TAA1234`,
    /// printed `1C24TAA-00001234`). No `create`.
    VIETREF_REF_EINVOICE = 3,
    /// A Vietnamese tax code, mã số thuế (`0100233488`, `0100233488-001`). No `create`.
    VIETREF_REF_MST = 4,
    /// An institution's own code (what an invoice field holds when it is none of the
    /// above). No verb takes it; listed so that every kind has a number.
    VIETREF_REF_OPAQUE = 5,
}

/// The reference kinds the verbs take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Code,
    Rf,
    Einvoice,
    Mst,
}

fn kind(n: u32) -> Option<Kind> {
    use vietref_ref_kind::*;
    match n {
        x if x == VIETREF_REF_CODE as u32 => Some(Kind::Code),
        x if x == VIETREF_REF_RF as u32 => Some(Kind::Rf),
        x if x == VIETREF_REF_EINVOICE as u32 => Some(Kind::Einvoice),
        x if x == VIETREF_REF_MST as u32 => Some(Kind::Mst),
        _ => None,
    }
}

impl From<RefKind> for vietref_ref_kind {
    fn from(k: RefKind) -> Self {
        match k {
            RefKind::PaymentCode => vietref_ref_kind::VIETREF_REF_CODE,
            RefKind::Rf => vietref_ref_kind::VIETREF_REF_RF,
            RefKind::Einvoice => vietref_ref_kind::VIETREF_REF_EINVOICE,
            RefKind::Opaque => vietref_ref_kind::VIETREF_REF_OPAQUE,
        }
    }
}

/// The status of a refusal.
fn status_of(e: &RefError) -> vietref_status {
    match e {
        RefError::Empty => vietref_status::VIETREF_REF_EMPTY,
        RefError::InvalidChar { .. } => vietref_status::VIETREF_REF_INVALID_CHAR,
        RefError::InvalidLength { .. } => vietref_status::VIETREF_REF_INVALID_LENGTH,
        RefError::InvalidPrefix { .. } => vietref_status::VIETREF_REF_INVALID_PREFIX,
        RefError::InvalidPart { .. } => vietref_status::VIETREF_REF_INVALID_PART,
        RefError::InvalidChecksum => vietref_status::VIETREF_REF_INVALID_CHECKSUM,
    }
}

/// Reads a list of payment-code schemes: `PREFIX:LENGTH` items separated by commas and/or
/// spaces (`"HP:6, VP:8"`); the empty text is no scheme. `VIETREF_REF_SCHEMES_INVALID` when
/// an item is not a valid scheme.
pub(crate) fn parse_schemes(text: &str) -> Result<Vec<Scheme>, vietref_status> {
    text.split([',', ' '])
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<Scheme>()
                .map_err(|_| vietref_status::VIETREF_REF_SCHEMES_INVALID)
        })
        .collect()
}

/// A schemes argument: UTF-8 text parsed by [`parse_schemes`].
///
/// # Safety
/// As [`text_arg`].
pub(crate) unsafe fn schemes_arg(
    ptr: *const c_char,
    len: usize,
) -> Result<Vec<Scheme>, vietref_status> {
    // SAFETY: forwarded contract.
    parse_schemes(unsafe { text_arg(ptr, len) }?)
}

/// The verbs, as the Rust API has them.
fn validate(kind: Kind, v: &str) -> Result<String, RefError> {
    match kind {
        Kind::Code => code::validate(v).map(|c| c.as_str().to_string()),
        Kind::Rf => rf::validate(v).map(|r| r.as_str().to_string()),
        Kind::Einvoice => einvoice::validate(v).map(|e| e.as_str().to_string()),
        Kind::Mst => mst::validate(v).map(|t| t.as_str().to_string()),
    }
}

fn format(kind: Kind, v: &str) -> Result<String, RefError> {
    match kind {
        Kind::Code => code::format(v),
        Kind::Rf => rf::format(v),
        Kind::Einvoice => einvoice::format(v),
        Kind::Mst => mst::format(v),
    }
}

fn compact(kind: Kind, v: &str) -> Result<String, RefError> {
    match kind {
        Kind::Code => code::compact(v),
        Kind::Rf => rf::compact(v),
        Kind::Einvoice => einvoice::compact(v),
        Kind::Mst => mst::compact(v),
    }
}

/// `None` for a kind that has no `create` or an RF given a prefix (argument errors).
fn create(kind: Kind, prefix: &str, body: &str) -> Option<Result<String, RefError>> {
    match kind {
        Kind::Code => Some(code::create(prefix, body).map(|c| c.as_str().to_string())),
        Kind::Rf if prefix.is_empty() => Some(rf::create(body).map(|r| r.as_str().to_string())),
        _ => None,
    }
}

fn message(e: &RefError, lang: Lang) -> String {
    match lang {
        Lang::En => e.message_en(),
        Lang::Vi => e.message_vi(),
    }
}

/// Where a string result goes: an owned string or the caller's buffer.
enum Dest {
    Owned(*mut *mut vietref_string),
    Buf(*mut c_char, usize, *mut usize),
}

impl Dest {
    /// Checks the destination, runs `f`, and writes its text.
    unsafe fn run(self, f: impl FnOnce() -> Result<String, vietref_status>) -> FfiResult {
        match self {
            Dest::Owned(out) => {
                // SAFETY: forwarded contract.
                let out = unsafe { out_arg(out) }?;
                out.write_string(f()?);
                Ok(())
            }
            Dest::Buf(buf, cap, len_out) => {
                // SAFETY: forwarded contract.
                let buf = unsafe { buf_arg(buf, cap, len_out) }?;
                buf.put(&f()?)
            }
        }
    }
}

/// The body of a verb export: checks `kind` and the value, then the destination.
unsafe fn verb(
    kind_n: u32,
    value: *const c_char,
    value_len: usize,
    dest: Dest,
    f: fn(Kind, &str) -> Result<String, RefError>,
) -> FfiResult {
    let k = known(kind(kind_n))?;
    // SAFETY: forwarded contracts.
    let v = unsafe { text_arg(value, value_len) }?;
    unsafe { dest.run(|| f(k, v).map_err(|e| status_of(&e))) }
}

/// The body of `vietref_ref_validate_message` and its twin.
unsafe fn validate_message(
    kind_n: u32,
    value: *const c_char,
    value_len: usize,
    lang: u32,
    dest: Dest,
) -> FfiResult {
    let k = known(kind(kind_n))?;
    // SAFETY: forwarded contracts.
    let v = unsafe { text_arg(value, value_len) }?;
    let lang = known(Lang::from_u32(lang))?;
    unsafe {
        dest.run(|| match validate(k, v) {
            Ok(_) => Err(vietref_status::VIETREF_NO_VALUE),
            Err(e) => Ok(message(&e, lang)),
        })
    }
}

/// The common part of `vietref_ref_create` and `vietref_ref_create_message`: the result of
/// `create`, or an argument status.
unsafe fn create_args(
    kind_n: u32,
    prefix: *const c_char,
    prefix_len: usize,
    body: *const c_char,
    body_len: usize,
) -> Result<Result<String, RefError>, vietref_status> {
    let k = known(kind(kind_n))?;
    // SAFETY: forwarded contracts.
    let prefix = unsafe { text_arg(prefix, prefix_len) }?;
    let body = unsafe { text_arg(body, body_len) }?;
    create(k, prefix, body).ok_or(vietref_status::VIETREF_INVALID_ARGUMENT)
}

/// Creates a reference and writes its compact electronic form, a new string owned by the
/// caller:
/// - `VIETREF_REF_CODE`: the payment code with prefix `prefix` (2–5 letters, no O, I, L)
///   and body `body` (6–12 digits; spaces, hyphens and dots removed), check digits added:
///   `("HP", "71840976")` → `HP7184097674`;
/// - `VIETREF_REF_RF`: the creditor reference for `body` (1–21 letters or digits); `prefix`
///   must be empty: `"539007547034"` → `RF18539007547034`.
///
/// Another kind, or a prefix with `VIETREF_REF_RF`, is `VIETREF_INVALID_ARGUMENT`. An invalid
/// prefix or body is one of `VIETREF_REF_EMPTY` … `VIETREF_REF_INVALID_CHECKSUM`;
/// `vietref_ref_create_message` says why in words.
///
/// # Safety
/// `prefix` and `body` are readable for their lengths (or NULL when the length is 0);
/// `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_create(
    kind: u32,
    prefix: *const c_char,
    prefix_len: usize,
    body: *const c_char,
    body_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let made = unsafe { create_args(kind, prefix, prefix_len, body, body_len) }?;
        unsafe { Dest::Owned(out).run(|| made.map_err(|e| status_of(&e))) }
    })
}

/// `vietref_ref_create` into the caller's buffer (see "Caller buffers" in the preamble).
///
/// # Safety
/// `prefix` and `body` are readable for their lengths (or NULL when the length is 0); `buf`
/// is writable for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_create_buf(
    kind: u32,
    prefix: *const c_char,
    prefix_len: usize,
    body: *const c_char,
    body_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let made = unsafe { create_args(kind, prefix, prefix_len, body, body_len) }?;
        unsafe { Dest::Buf(buf, cap, len_out).run(|| made.map_err(|e| status_of(&e))) }
    })
}

/// Why `vietref_ref_create` refuses these arguments, in `lang` (`VIETREF_LANG_EN` or
/// `VIETREF_LANG_VI`), as a new string owned by the caller (`"the body has 5 characters;
/// expected 6 to 12"` / `"phần thân ..."`). `VIETREF_NO_VALUE` when it accepts them; the
/// same argument statuses as `vietref_ref_create`.
///
/// # Safety
/// As `vietref_ref_create`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_create_message(
    kind: u32,
    prefix: *const c_char,
    prefix_len: usize,
    body: *const c_char,
    body_len: usize,
    lang: u32,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let made = unsafe { create_args(kind, prefix, prefix_len, body, body_len) }?;
        let lang = known(Lang::from_u32(lang))?;
        unsafe {
            Dest::Owned(out).run(|| match made {
                Ok(_) => Err(vietref_status::VIETREF_NO_VALUE),
                Err(e) => Ok(message(&e, lang)),
            })
        }
    })
}

/// `vietref_ref_create_message` into the caller's buffer.
///
/// # Safety
/// As `vietref_ref_create_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_create_message_buf(
    kind: u32,
    prefix: *const c_char,
    prefix_len: usize,
    body: *const c_char,
    body_len: usize,
    lang: u32,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let made = unsafe { create_args(kind, prefix, prefix_len, body, body_len) }?;
        let lang = known(Lang::from_u32(lang))?;
        unsafe {
            Dest::Buf(buf, cap, len_out).run(|| match made {
                Ok(_) => Err(vietref_status::VIETREF_NO_VALUE),
                Err(e) => Ok(message(&e, lang)),
            })
        }
    })
}

/// Validates `value` as a reference of `kind` (`VIETREF_REF_CODE`, `_RF`, `_EINVOICE` or
/// `_MST`), in any written form (spaces, hyphens, dots, any case), and writes its compact
/// electronic form, a new string owned by the caller (`"hp 7184 0976 74"` →
/// `HP7184097674`). A refusal is one of the statuses `VIETREF_REF_EMPTY`,
/// `_INVALID_CHAR`, `_INVALID_LENGTH`, `_INVALID_PREFIX`, `_INVALID_PART`,
/// `_INVALID_CHECKSUM`; `vietref_ref_validate_message` says why in words. An unknown `kind`
/// is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `value` is readable for `value_len` bytes (or NULL when `value_len` is 0); `out` points
/// to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_validate(
    kind: u32,
    value: *const c_char,
    value_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { verb(kind, value, value_len, Dest::Owned(out), validate) } })
}

/// `vietref_ref_validate` into the caller's buffer.
///
/// # Safety
/// `value` is readable for `value_len` bytes (or NULL when `value_len` is 0); `buf` is
/// writable for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_validate_buf(
    kind: u32,
    value: *const c_char,
    value_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe {
            verb(
                kind,
                value,
                value_len,
                Dest::Buf(buf, cap, len_out),
                validate,
            )
        }
    })
}

/// Why `vietref_ref_validate` refuses `value`, in `lang` (`VIETREF_LANG_EN` or
/// `VIETREF_LANG_VI`), as a new string owned by the caller: `"the check digits do not
/// match (a typing error?)"` / `"chữ số kiểm tra không khớp (có thể gõ nhầm?)"`, with the
/// position and character where there is one. `VIETREF_NO_VALUE` when the value is valid.
/// `vietref_ref_format` and `vietref_ref_compact` refuse for the same reasons (compact
/// only for an empty value or a character that is not a letter, digit or separator).
///
/// # Safety
/// As `vietref_ref_validate`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_validate_message(
    kind: u32,
    value: *const c_char,
    value_len: usize,
    lang: u32,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { validate_message(kind, value, value_len, lang, Dest::Owned(out)) } })
}

/// `vietref_ref_validate_message` into the caller's buffer.
///
/// # Safety
/// As `vietref_ref_validate_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_validate_message_buf(
    kind: u32,
    value: *const c_char,
    value_len: usize,
    lang: u32,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe { validate_message(kind, value, value_len, lang, Dest::Buf(buf, cap, len_out)) }
    })
}

/// The printed form of a valid reference, a new string owned by the caller: payment codes
/// `HP 7184 0976 74`, RF in groups of four (`RF18 5390 0754 7034`), e-invoices
/// `1C24TAA-00001234`, tax codes `0100233488-001`. Refuses what `vietref_ref_validate`
/// refuses, with the same status.
///
/// # Safety
/// As `vietref_ref_validate`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_format(
    kind: u32,
    value: *const c_char,
    value_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { verb(kind, value, value_len, Dest::Owned(out), format) } })
}

/// `vietref_ref_format` into the caller's buffer.
///
/// # Safety
/// As `vietref_ref_validate_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_format_buf(
    kind: u32,
    value: *const c_char,
    value_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { verb(kind, value, value_len, Dest::Buf(buf, cap, len_out), format) } })
}

/// The compact form (separators removed, letters upper-cased) without checking the check
/// digits, a new string owned by the caller: `"hp 7184-0976.75"` → `HP7184097675`. Refuses
/// an empty value (`VIETREF_REF_EMPTY`) and characters that are not letters, digits or
/// separators (`VIETREF_REF_INVALID_CHAR`). For `VIETREF_REF_EINVOICE` the compact form
/// exists only for a valid identifier, so it refuses what `vietref_ref_validate` refuses.
///
/// # Safety
/// As `vietref_ref_validate`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_compact(
    kind: u32,
    value: *const c_char,
    value_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { verb(kind, value, value_len, Dest::Owned(out), compact) } })
}

/// `vietref_ref_compact` into the caller's buffer.
///
/// # Safety
/// As `vietref_ref_validate_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_compact_buf(
    kind: u32,
    value: *const c_char,
    value_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe {
            verb(
                kind,
                value,
                value_len,
                Dest::Buf(buf, cap, len_out),
                compact,
            )
        }
    })
}

/// Writes 1 to `*valid_out` when `value` is a valid reference of `kind`, 0 otherwise (never
/// a refusal status: python-stdnum's `is_valid`).
///
/// # Safety
/// `value` is readable for `value_len` bytes (or NULL when `value_len` is 0); `valid_out`
/// points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_ref_is_valid(
    kind: u32,
    value: *const c_char,
    value_len: usize,
    valid_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let k = known(self::kind(kind))?;
        let v = unsafe { text_arg(value, value_len) }?;
        let out = unsafe { out_arg(valid_out) }?;
        out.write(u32::from(validate(k, v).is_ok()));
        Ok(())
    })
}
