//! `vietref_report`: the findings of a validation and its cleaned value.

use super::boundary::{
    buf_arg, ffi_boundary, free_handle, handle_ref, into_handle, known, out_arg, FfiResult, Out,
};
use super::status::vietref_status;
use super::string::vietref_string;
use super::Lang;
use crate::finding::{Finding, Report, Severity};
use crate::memo::FieldList;
use crate::message::PaymentMessage;
use crate::vietqr::VietQr;
use serde::{Serialize, Serializer};
use std::ffi::c_char;

/// A rendered memo: the cleaned value of a `vietref_memo_render` report (defined here, with
/// the other cleaned values, so that reports depend on no area; its methods are in
/// `capi::memo`). Its JSON is what
/// `vietref memo render` prints, without the findings (they are the report's).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Memo {
    pub(crate) channel: String,
    pub(crate) budget: usize,
    pub(crate) text: String,
    pub(crate) included: FieldList,
    pub(crate) omitted: FieldList,
    pub(crate) clipped: FieldList,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) creditor_reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) xml: Option<String>,
}

/// The cleaned value of a report, whichever check made it.
#[derive(Debug, Clone)]
pub(crate) enum Cleaned {
    /// A checked text (a name's display form).
    Text(String),
    /// A valid payment message.
    Message(PaymentMessage),
    /// A decoded VietQR, or one that passed the payee check (boxed: it is much larger
    /// than the other variants).
    VietQr(Box<VietQr<'static>>),
    /// A memo rendered for a channel.
    Memo(Box<Memo>),
}

impl Serialize for Cleaned {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cleaned::Text(t) => t.serialize(s),
            Cleaned::Message(m) => m.serialize(s),
            Cleaned::VietQr(q) => q.serialize(s),
            Cleaned::Memo(m) => m.serialize(s),
        }
    }
}

/// The result of a check (`vietref_text_check`, `vietref_message_validate`): every finding
/// (each with a severity, a field, a stable code, a position when it has one, and messages
/// in English and Vietnamese) and, when no finding is an error, the cleaned value.
///
/// Findings are numbered from 0 to `count - 1`, in the order the checks ran.
///
/// Thread safety: immutable; any number of threads may read one report at the same time.
/// Free it once with `vietref_report_free`, after every reader is done.
pub struct vietref_report {
    report: Report<Cleaned>,
    /// Lenient VietQR decoding of an invalid code: every field read, by tag path (added to
    /// the JSON as `fields`).
    fields: Option<std::collections::BTreeMap<String, String>>,
}

/// The JSON of a report with the fields read.
#[derive(Serialize)]
struct WithFields<'a> {
    valid: bool,
    findings: &'a [Finding],
    cleaned: &'a Option<Cleaned>,
    fields: &'a std::collections::BTreeMap<String, String>,
}

impl vietref_report {
    pub(crate) fn new(report: Report<Cleaned>) -> Self {
        vietref_report {
            report,
            fields: None,
        }
    }

    /// A report that also lists the fields read (lenient decoding of an invalid code).
    pub(crate) fn with_fields(
        report: Report<Cleaned>,
        fields: std::collections::BTreeMap<String, String>,
    ) -> Self {
        vietref_report {
            report,
            fields: Some(fields),
        }
    }

    /// The report.
    pub(crate) fn get(&self) -> &Report<Cleaned> {
        &self.report
    }

    fn finding(&self, index: usize) -> Result<&Finding, vietref_status> {
        self.report
            .findings
            .get(index)
            .ok_or(vietref_status::VIETREF_INDEX_OUT_OF_RANGE)
    }

    fn json(&self) -> Result<String, vietref_status> {
        match &self.fields {
            None => serde_json::to_string(&self.report),
            Some(fields) => serde_json::to_string(&WithFields {
                valid: self.report.is_valid(),
                findings: &self.report.findings,
                cleaned: &self.report.cleaned,
                fields,
            }),
        }
        .map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
    }

    fn cleaned_json(&self) -> Result<String, vietref_status> {
        let cleaned = self
            .report
            .cleaned
            .as_ref()
            .ok_or(vietref_status::VIETREF_NO_VALUE)?;
        serde_json::to_string(cleaned).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
    }

    fn cleaned_text(&self) -> Result<String, vietref_status> {
        match self.report.cleaned.as_ref() {
            None => Err(vietref_status::VIETREF_NO_VALUE),
            Some(Cleaned::Text(t)) => Ok(t.clone()),
            Some(Cleaned::Memo(m)) => Ok(m.text.clone()),
            Some(_) => Err(vietref_status::VIETREF_WRONG_KIND),
        }
    }
}

impl Out<*mut vietref_report> {
    /// Writes a new owned report handle holding `report`.
    pub(crate) fn write_report(self, report: Report<Cleaned>) {
        self.write(into_handle(vietref_report::new(report)));
    }
}

/// `VIETREF_SEVERITY_*`: how serious a finding is (the values of
/// `vietref_report_finding_severity`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_severity {
    /// vietref changed the value (and says how) or doubts it; the value is usable.
    VIETREF_SEVERITY_WARNING = 1,
    /// The value cannot be used as given.
    VIETREF_SEVERITY_ERROR = 2,
}

impl From<Severity> for vietref_severity {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Warning => vietref_severity::VIETREF_SEVERITY_WARNING,
            Severity::Error => vietref_severity::VIETREF_SEVERITY_ERROR,
        }
    }
}

/// Frees a report. NULL is accepted and does nothing.
///
/// # Safety
/// `report` is NULL or a live report from this library, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_free(report: *mut vietref_report) {
    ffi_boundary!(on_panic = (); { unsafe { free_handle(report) } })
}

/// Whether the checked value is usable: writes 1 to `*valid_out` when no finding is an
/// error (the report then has a cleaned value), 0 otherwise.
///
/// # Safety
/// `report` is a live report; `valid_out` points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_valid(
    report: *const vietref_report,
    valid_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(valid_out) }?;
        out.write(u32::from(report.get().is_valid()));
        Ok(())
    })
}

/// Writes the number of findings (errors and warnings) to `*count_out`.
///
/// # Safety
/// `report` is a live report; `count_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_count(
    report: *const vietref_report,
    count_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(count_out) }?;
        out.write(report.get().findings.len());
        Ok(())
    })
}

/// The whole report as JSON, as a new string owned by the caller (free it with
/// `vietref_string_free`): `{"valid":…,"findings":[…],"cleaned":…}`, each finding with
/// `severity`, `field`, `code`, `position`, `character`, `codePoint`, `limit`, `detail`
/// (each when present), `message` and `messageVi`.
///
/// # Safety
/// `report` is a live report; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_json(
    report: *const vietref_report,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(report.json()?);
        Ok(())
    })
}

/// `vietref_report_json` into the caller's buffer (see "Caller buffers" in the preamble).
///
/// # Safety
/// `report` is a live report; `buf` is writable for `cap` bytes (or NULL when `cap` is 0);
/// `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_json_buf(
    report: *const vietref_report,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&report.json()?)
    })
}

/// The cleaned value as JSON, as a new string owned by the caller: for a message report the
/// normalized message object (`{"sector":…,"payerName":…,…}`), for a text report the
/// cleaned text as a JSON string. Returns `VIETREF_NO_VALUE` (nothing written) when the
/// report holds an error finding.
///
/// # Safety
/// `report` is a live report; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_cleaned_json(
    report: *const vietref_report,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(report.cleaned_json()?);
        Ok(())
    })
}

/// `vietref_report_cleaned_json` into the caller's buffer.
///
/// # Safety
/// As `vietref_report_json_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_cleaned_json_buf(
    report: *const vietref_report,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&report.cleaned_json()?)
    })
}

/// The cleaned value as plain text (not JSON), as a new string owned by the caller, for
/// reports whose cleaned value is a text: a name's display form (`vietref_text_check`), a
/// VietQR payload (`vietref_vietqr_encode`, `vietref_vietqr_to_account`, ...), a memo's
/// text (`vietref_memo_render`). Returns
/// `VIETREF_NO_VALUE` when the report holds an error finding and `VIETREF_WRONG_KIND` when
/// the cleaned value is not a text (a message, a decoded VietQR: use
/// `vietref_report_cleaned_json`).
///
/// # Safety
/// `report` is a live report; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_cleaned_text(
    report: *const vietref_report,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(report.cleaned_text()?);
        Ok(())
    })
}

/// `vietref_report_cleaned_text` into the caller's buffer.
///
/// # Safety
/// As `vietref_report_json_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_cleaned_text_buf(
    report: *const vietref_report,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&report.cleaned_text()?)
    })
}

/// Writes the severity of finding `index` (a `VIETREF_SEVERITY_*` value) to
/// `*severity_out`. `VIETREF_INDEX_OUT_OF_RANGE` when `index >= count`.
///
/// # Safety
/// `report` is a live report; `severity_out` points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_severity(
    report: *const vietref_report,
    index: usize,
    severity_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(severity_out) }?;
        let severity = vietref_severity::from(report.finding(index)?.severity);
        out.write(severity as u32);
        Ok(())
    })
}

/// Writes the stable number of finding `index`'s code (like 200 for `name.digit`; the
/// table is in docs/reference/findings.md) to `*code_out`. Finding codes and status codes are separate
/// number spaces.
///
/// # Safety
/// `report` is a live report; `code_out` points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_code(
    report: *const vietref_report,
    index: usize,
    code_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(code_out) }?;
        out.write(report.finding(index)?.code.number());
        Ok(())
    })
}

/// Writes the 1-based character position (Unicode scalar values of the checked text) of
/// finding `index` to `*position_out`; `VIETREF_NO_VALUE` when the finding has none.
///
/// # Safety
/// `report` is a live report; `position_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_position(
    report: *const vietref_report,
    index: usize,
    position_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(position_out) }?;
        let position = report.finding(index)?.params.position;
        out.write(position.ok_or(vietref_status::VIETREF_NO_VALUE)?);
        Ok(())
    })
}

/// Writes the code point (U+0000…U+10FFFF) of the character finding `index` is about to
/// `*codepoint_out`; `VIETREF_NO_VALUE` when the finding names no character.
///
/// # Safety
/// `report` is a live report; `codepoint_out` points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_char(
    report: *const vietref_report,
    index: usize,
    codepoint_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(codepoint_out) }?;
        let c = report.finding(index)?.params.character;
        out.write(u32::from(c.ok_or(vietref_status::VIETREF_NO_VALUE)?));
        Ok(())
    })
}

/// Which text of a finding a string accessor returns.
enum Part {
    Field,
    CodeKey,
    Message(Lang),
}

fn finding_text(
    report: &vietref_report,
    index: usize,
    part: Part,
) -> Result<String, vietref_status> {
    let f = report.finding(index)?;
    Ok(match part {
        Part::Field => f.field.to_string(),
        Part::CodeKey => f.code.key().to_string(),
        Part::Message(Lang::En) => f.message_en(),
        Part::Message(Lang::Vi) => f.message_vi(),
    })
}

unsafe fn finding_string(
    report: *const vietref_report,
    index: usize,
    part: impl FnOnce() -> Result<Part, vietref_status>,
    out: *mut *mut vietref_string,
) -> FfiResult {
    let report = unsafe { handle_ref(report) }?;
    let part = part()?;
    let out = unsafe { out_arg(out) }?;
    out.write_string(finding_text(report, index, part)?);
    Ok(())
}

unsafe fn finding_buf(
    report: *const vietref_report,
    index: usize,
    part: impl FnOnce() -> Result<Part, vietref_status>,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> FfiResult {
    let report = unsafe { handle_ref(report) }?;
    let part = part()?;
    let buf = unsafe { buf_arg(buf, cap, len_out) }?;
    buf.put(&finding_text(report, index, part)?)
}

/// The field path of finding `index` (like `payerName`; empty for a text checked without a
/// field name), as a new string owned by the caller.
///
/// # Safety
/// `report` is a live report; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_field(
    report: *const vietref_report,
    index: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { finding_string(report, index, || Ok(Part::Field), out) } })
}

/// `vietref_report_finding_field` into the caller's buffer.
///
/// # Safety
/// `report` is a live report; `buf` is writable for `cap` bytes (or NULL when `cap` is 0);
/// `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_field_buf(
    report: *const vietref_report,
    index: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { finding_buf(report, index, || Ok(Part::Field), buf, cap, len_out) } })
}

/// The stable string key of finding `index`'s code (like `name.digit`), as a new string
/// owned by the caller.
///
/// # Safety
/// `report` is a live report; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_code_key(
    report: *const vietref_report,
    index: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { finding_string(report, index, || Ok(Part::CodeKey), out) } })
}

/// `vietref_report_finding_code_key` into the caller's buffer.
///
/// # Safety
/// As `vietref_report_finding_field_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_code_key_buf(
    report: *const vietref_report,
    index: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe { finding_buf(report, index, || Ok(Part::CodeKey), buf, cap, len_out) }
    })
}

/// The message of finding `index` in `lang` (`VIETREF_LANG_EN` or `VIETREF_LANG_VI`), with
/// its parameters filled in, as a new string owned by the caller. An unknown `lang` is
/// `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `report` is a live report; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_message(
    report: *const vietref_report,
    index: usize,
    lang: u32,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let part = || Ok(Part::Message(known(Lang::from_u32(lang))?));
        unsafe { finding_string(report, index, part, out) }
    })
}

/// `vietref_report_finding_message` into the caller's buffer.
///
/// # Safety
/// As `vietref_report_finding_field_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_report_finding_message_buf(
    report: *const vietref_report,
    index: usize,
    lang: u32,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let part = || Ok(Part::Message(known(Lang::from_u32(lang))?));
        unsafe { finding_buf(report, index, part, buf, cap, len_out) }
    })
}
