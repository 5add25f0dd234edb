//! Vietnamese text operations: names, the ASCII memo form, matching keys, tone placement,
//! look-alikes.

use super::boundary::{
    ffi_boundary, into_handle, known, out_arg, text_arg, text_to_buf, text_to_string,
};
use super::report::{vietref_report, Cleaned};
use super::status::vietref_status;
use super::string::vietref_string;
use crate::finding::Report;
use crate::text::{self, NameComparison, ToneStyle};
use std::ffi::c_char;

/// `VIETREF_TONE_*`: where `vietref_text_retone` puts the tone mark in open `oa`, `oe`,
/// `uy` syllables (the only place the two conventions differ).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_tone_style {
    /// On the first vowel: `hòa`, `khỏe`, `thủy`.
    VIETREF_TONE_TRADITIONAL = 1,
    /// On the second, main vowel: `hoà`, `khoẻ`, `thuỷ` (Ministry of Education spelling
    /// rule of 2018).
    VIETREF_TONE_MAIN_VOWEL = 2,
}

fn tone_style(n: u32) -> Option<ToneStyle> {
    match n {
        x if x == vietref_tone_style::VIETREF_TONE_TRADITIONAL as u32 => {
            Some(ToneStyle::Traditional)
        }
        x if x == vietref_tone_style::VIETREF_TONE_MAIN_VOWEL as u32 => Some(ToneStyle::MainVowel),
        _ => None,
    }
}

/// `VIETREF_NAME_*`: how a shown payee name relates to the registered one (the values of
/// `vietref_text_compare_payee_name`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_name_comparison {
    /// The same name (it may differ in case, spacing, NFC/NFD or tone style).
    VIETREF_NAME_SAME = 1,
    /// A different text that looks the same: treat it as spoofing, never as a match.
    VIETREF_NAME_LOOKALIKE = 2,
    /// A visibly different name.
    VIETREF_NAME_DIFFERENT = 3,
}

impl From<NameComparison> for vietref_name_comparison {
    fn from(c: NameComparison) -> Self {
        match c {
            NameComparison::Same => vietref_name_comparison::VIETREF_NAME_SAME,
            NameComparison::Lookalike => vietref_name_comparison::VIETREF_NAME_LOOKALIKE,
            NameComparison::Different => vietref_name_comparison::VIETREF_NAME_DIFFERENT,
        }
    }
}

fn display_name(text: &str) -> Result<String, vietref_status> {
    text::check_name(text, "")
        .cleaned
        .ok_or(vietref_status::VIETREF_TEXT_NAME_INVALID)
}

/// The display form of a person's full name (`"  nguyễn   THỊ  minh "` →
/// `"Nguyễn Thị Minh"`), as a new string owned by the caller. `VIETREF_TEXT_NAME_INVALID`
/// when the name has an error finding (a digit, a symbol, a letter of another script…);
/// `vietref_text_check` gives the findings.
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when `text_len` is 0); `out` points to
/// a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_name(
    text: *const c_char,
    text_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { text_to_string(text, text_len, out, display_name) } })
}

/// `vietref_text_name` into the caller's buffer (see "Caller buffers" in the preamble).
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when `text_len` is 0); `buf` is
/// writable for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_name_buf(
    text: *const c_char,
    text_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { text_to_buf(text, text_len, buf, cap, len_out, display_name) } })
}

/// The ASCII memo form (`"Nguyễn Văn Đức"` → `"NGUYEN VAN DUC"`): upper-case `A-Z`, `0-9`
/// and single spaces, what survives every bank's transfer-content field. Never fails on
/// valid UTF-8; the result may be empty.
///
/// # Safety
/// As `vietref_text_name`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_fold(
    text: *const c_char,
    text_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { text_to_string(text, text_len, out, |t| Ok(text::fold(t))) } })
}

/// `vietref_text_fold` into the caller's buffer.
///
/// # Safety
/// As `vietref_text_name_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_fold_buf(
    text: *const c_char,
    text_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe { text_to_buf(text, text_len, buf, cap, len_out, |t| Ok(text::fold(t))) }
    })
}

/// The matching key: equal for texts that differ only in case, spacing, NFC/NFD,
/// apostrophe form or tone style (`Thủy`, `THUỶ`); different for different letters
/// (`Thúy`). Compare keys byte for byte.
///
/// # Safety
/// As `vietref_text_name`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_key(
    text: *const c_char,
    text_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { text_to_string(text, text_len, out, |t| Ok(text::key(t))) } })
}

/// `vietref_text_key` into the caller's buffer.
///
/// # Safety
/// As `vietref_text_name_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_key_buf(
    text: *const c_char,
    text_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe { text_to_buf(text, text_len, buf, cap, len_out, |t| Ok(text::key(t))) }
    })
}

/// Re-places the tone marks of every Vietnamese syllable in `text` following `style` (a
/// `VIETREF_TONE_*` value) and the spelling rules (`qúy` → `quý`); other words are kept.
/// The result is NFC. An unknown `style` is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// As `vietref_text_name`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_retone(
    text: *const c_char,
    text_len: usize,
    style: u32,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let style = known(tone_style(style))?;
        unsafe { text_to_string(text, text_len, out, |t| Ok(text::retone(t, style))) }
    })
}

/// `vietref_text_retone` into the caller's buffer.
///
/// # Safety
/// As `vietref_text_name_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_retone_buf(
    text: *const c_char,
    text_len: usize,
    style: u32,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let style = known(tone_style(style))?;
        unsafe {
            text_to_buf(text, text_len, buf, cap, len_out, |t| {
                Ok(text::retone(t, style))
            })
        }
    })
}

/// Checks a person's full name and writes a new report to `*report_out` (free it with
/// `vietref_report_free`): every normalization step as a warning, every refused character
/// as an error with its position, and the display form as the cleaned value when valid.
/// `field` (UTF-8, may be empty) is the field path the findings carry, like `payerName`.
///
/// The status is `VIETREF_OK` whenever the report was made, whether or not the name is
/// valid: ask `vietref_report_valid`.
///
/// # Safety
/// `text` and `field` are readable for their lengths (or NULL when the length is 0);
/// `report_out` points to a writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_check(
    text: *const c_char,
    text_len: usize,
    field: *const c_char,
    field_len: usize,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let text = unsafe { text_arg(text, text_len) }?;
        let field = unsafe { text_arg(field, field_len) }?;
        let out = unsafe { out_arg(report_out) }?;
        let r = text::check(text, field);
        let report = Report {
            findings: r.findings,
            cleaned: r.cleaned.map(Cleaned::Text),
        };
        out.write(into_handle(vietref_report::new(report)));
        Ok(())
    })
}

/// Whether two texts look the same to a person (equal confusable skeletons) although they
/// may be different text, like Latin `HOA` and Cyrillic `НОА`: writes 1 or 0 to
/// `*result_out`.
///
/// # Safety
/// `a` and `b` are readable for their lengths (or NULL when the length is 0);
/// `result_out` points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_looks_like(
    a: *const c_char,
    a_len: usize,
    b: *const c_char,
    b_len: usize,
    result_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let a = unsafe { text_arg(a, a_len) }?;
        let b = unsafe { text_arg(b, b_len) }?;
        let out = unsafe { out_arg(result_out) }?;
        out.write(u32::from(text::looks_like(a, b)));
        Ok(())
    })
}

/// Compares the payee name a payer is shown with the institution's registered name and
/// writes a `VIETREF_NAME_*` value to `*result_out`: `SAME`, `LOOKALIKE` (a spoofing risk:
/// never treat it as a match) or `DIFFERENT`.
///
/// # Safety
/// `shown` and `registered` are readable for their lengths (or NULL when the length is
/// 0); `result_out` points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_compare_payee_name(
    shown: *const c_char,
    shown_len: usize,
    registered: *const c_char,
    registered_len: usize,
    result_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let shown = unsafe { text_arg(shown, shown_len) }?;
        let registered = unsafe { text_arg(registered, registered_len) }?;
        let out = unsafe { out_arg(result_out) }?;
        let c = vietref_name_comparison::from(text::compare_payee_name(shown, registered));
        out.write(c as u32);
        Ok(())
    })
}

/// Checks free text (a payment reason, a note) and writes a new report to `*report_out`
/// (free it with `vietref_report_free`): every normalization step as a warning (NFC,
/// whitespace, apostrophes, compatibility forms), every refused character (control, bidi,
/// invisible, unusable) as an error with its position, a warning for a word that mixes
/// Latin letters with another script, and the normalized text as the cleaned value when
/// no finding is an error. Unlike `vietref_text_check` (names), digits and punctuation are
/// allowed; unlike message validation, no length limit applies. `field` (UTF-8, may be
/// empty) is the field path the findings carry, like `reason`.
///
/// The status is `VIETREF_OK` whenever the report was made: ask `vietref_report_valid`.
///
/// # Safety
/// As `vietref_text_check`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_check_text(
    text: *const c_char,
    text_len: usize,
    field: *const c_char,
    field_len: usize,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let text = unsafe { text_arg(text, text_len) }?;
        let field = unsafe { text_arg(field, field_len) }?;
        let out = unsafe { out_arg(report_out) }?;
        let (norm, findings) = text::check_text(text, field);
        let cleaned = (!crate::finding::has_error(&findings)).then_some(Cleaned::Text(norm));
        out.write(into_handle(vietref_report::new(Report {
            findings,
            cleaned,
        })));
        Ok(())
    })
}

/// The confusable skeleton of `text`, a new string owned by the caller: two texts that look
/// the same to a person (Latin `HOA` and Cyrillic `НОА`; `rn` and `m`) have the same
/// skeleton. Store the skeletons of registered payee names to find look-alikes
/// of a shown name by an index look-up; compare with `vietref_text_compare_payee_name`
/// to tell a look-alike from the same name. The form of a skeleton may change between
/// versions: rebuild stored skeletons after an upgrade.
///
/// # Safety
/// As `vietref_text_name`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_skeleton(
    text: *const c_char,
    text_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { text_to_string(text, text_len, out, |t| Ok(text::skeleton(t))) } })
}

/// `vietref_text_skeleton` into the caller's buffer.
///
/// # Safety
/// As `vietref_text_name_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_text_skeleton_buf(
    text: *const c_char,
    text_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe { text_to_buf(text, text_len, buf, cap, len_out, |t| Ok(text::skeleton(t))) }
    })
}
