//! `vietref_message`: a payment message draft, filled by setters or from JSON, validated
//! into a report.

use super::boundary::{
    ffi_boundary, free_handle, handle_mut, handle_ref, into_handle, out_arg, text_arg, FfiResult,
};
use super::reference::schemes_arg;
use super::report::{vietref_report, Cleaned};
use super::status::vietref_status;
use crate::finding::{Code, Finding, Report};
use crate::message::{value_rejected, MessageDraft, PaymentMessage, RejectedText};
use crate::reference::Scheme;
use std::ffi::c_char;

/// A payment message draft: what a user typed, every field optional and unchecked until
/// `vietref_message_validate`. Fields: sector (`education` or `health`), payer's full
/// name, beneficiary's full name (required for education), payment reason, invoice code,
/// amount in đồng (optional).
///
/// A setter that refuses its text (not UTF-8, NULL with a length) returns its status and
/// also leaves a `message.value_rejected` error on that field, shown first by every report
/// made from the draft (validation, memo, VietQR) until the field is set again with a good
/// value: a refused name is reported as refused, not later as merely missing.
///
/// Thread safety: the setters change the draft, so a draft must not be used by two threads
/// at the same time while one of them sets a field; `vietref_message_validate` only reads
/// it. Different drafts are independent.
pub struct vietref_message {
    draft: MessageDraft,
    /// One `message.value_rejected` finding per field whose last setter call was refused.
    rejected: Vec<Finding>,
}

impl vietref_message {
    /// Validates the draft knowing `schemes`: the findings of refused setters first (they
    /// replace the "required" finding of the same field, which they explain), then the
    /// draft's own. A refused setter makes the report invalid.
    pub(crate) fn validate_with(&self, schemes: &[Scheme]) -> Report<PaymentMessage> {
        let r = self.draft.validate_with(schemes);
        if self.rejected.is_empty() {
            return r;
        }
        let mut findings = self.rejected.clone();
        findings.extend(r.findings.into_iter().filter(|f| {
            let explained = matches!(
                f.code,
                Code::MessageFieldMissing | Code::MessageBeneficiaryRequired
            );
            !(explained && self.rejected.iter().any(|x| x.field == f.field))
        }));
        Report {
            findings,
            cleaned: None,
        }
    }
}

/// Makes an empty draft (no field set) and writes it to `*message_out`. Free it with
/// `vietref_message_free`.
///
/// # Safety
/// `message_out` points to a writable `vietref_message *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_new(
    message_out: *mut *mut vietref_message,
) -> vietref_status {
    ffi_boundary!({
        let out = unsafe { out_arg(message_out) }?;
        out.write(into_handle(vietref_message {
            draft: MessageDraft::default(),
            rejected: Vec::new(),
        }));
        Ok(())
    })
}

/// Makes a draft from a JSON object (UTF-8, pointer + length) with the camelCase keys
/// `sector`, `payerName`, `beneficiaryName`, `reason`, `invoice` (strings or null) and
/// `amount` (a number or a string of digits); other keys are ignored. Writes it to
/// `*message_out`. `VIETREF_MESSAGE_JSON_INVALID` when the JSON is malformed or a field
/// has the wrong type; the values themselves are checked by `vietref_message_validate`.
///
/// # Safety
/// `json` is readable for `json_len` bytes (or NULL when `json_len` is 0); `message_out`
/// points to a writable `vietref_message *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_from_json(
    json: *const c_char,
    json_len: usize,
    message_out: *mut *mut vietref_message,
) -> vietref_status {
    ffi_boundary!({
        let json = unsafe { text_arg(json, json_len) }?;
        let out = unsafe { out_arg(message_out) }?;
        let draft: MessageDraft = crate::json::from_str(json)
            .map_err(|_| vietref_status::VIETREF_MESSAGE_JSON_INVALID)?;
        out.write(into_handle(vietref_message {
            draft,
            rejected: Vec::new(),
        }));
        Ok(())
    })
}

/// Frees a draft. NULL is accepted and does nothing.
///
/// # Safety
/// `message` is NULL or a live draft from this library, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_free(message: *mut vietref_message) {
    ffi_boundary!(on_panic = (); { unsafe { free_handle(message) } })
}

/// Sets one text field: the common body of the setters. The draft is changed only when
/// every argument is valid; a refused text leaves a `message.value_rejected` finding on
/// `name` (replacing an earlier one), a good one clears it.
unsafe fn set_text(
    message: *mut vietref_message,
    text: *const c_char,
    text_len: usize,
    name: &'static str,
    field: fn(&mut MessageDraft) -> &mut Option<String>,
) -> FfiResult {
    let message = unsafe { handle_mut(message) }?;
    message.rejected.retain(|f| f.field != name);
    match unsafe { text_arg(text, text_len) } {
        Ok(text) => {
            *field(&mut message.draft) = Some(text.to_string());
            Ok(())
        }
        Err(status) => {
            message
                .rejected
                .push(rejection(name, text, text_len, status));
            Err(status)
        }
    }
}

/// The `message.value_rejected` finding for a setter's refused text.
fn rejection(
    name: &'static str,
    text: *const c_char,
    text_len: usize,
    status: vietref_status,
) -> Finding {
    let why = match status {
        vietref_status::VIETREF_INVALID_UTF8 => {
            // SAFETY: the setter's contract (`text_len` readable bytes); text_arg already
            // read them to find that they are not UTF-8.
            let bytes = unsafe { std::slice::from_raw_parts(text.cast::<u8>(), text_len) };
            let at = std::str::from_utf8(bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            RejectedText::NotUtf8 {
                byte: at + 1,
                len: text_len,
            }
        }
        vietref_status::VIETREF_NULL_ARGUMENT => RejectedText::NullWithLength(text_len),
        _ => RejectedText::TooLong(text_len),
    };
    value_rejected(name, why)
}

/// Sets the sector: `education` (the beneficiary is then required) or `health`. The
/// value is stored as given and checked by `vietref_message_validate`. The text is copied.
///
/// # Safety
/// `message` is a live draft not used by another thread during the call; `text` is
/// readable for `text_len` bytes (or NULL when `text_len` is 0).
#[no_mangle]
pub unsafe extern "C" fn vietref_message_set_sector(
    message: *mut vietref_message,
    text: *const c_char,
    text_len: usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { set_text(message, text, text_len, "sector", |d| &mut d.sector) } })
}

/// Sets the payer's full name (họ và tên người trả tiền). The text is copied.
///
/// # Safety
/// As `vietref_message_set_sector`.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_set_payer_name(
    message: *mut vietref_message,
    text: *const c_char,
    text_len: usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe { set_text(message, text, text_len, "payerName", |d| &mut d.payer_name) }
    })
}

/// Sets the beneficiary's full name (họ và tên người thụ hưởng): the student or the
/// patient. An empty text counts as not given. The text is copied.
///
/// # Safety
/// As `vietref_message_set_sector`.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_set_beneficiary_name(
    message: *mut vietref_message,
    text: *const c_char,
    text_len: usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe {
            set_text(message, text, text_len, "beneficiaryName", |d| {
                &mut d.beneficiary_name
            })
        }
    })
}

/// Sets the payment reason (lý do thanh toán). The text is copied.
///
/// # Safety
/// As `vietref_message_set_sector`.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_set_reason(
    message: *mut vietref_message,
    text: *const c_char,
    text_len: usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { set_text(message, text, text_len, "reason", |d| &mut d.reason) } })
}

/// Sets the invoice code or number (mã/số hóa đơn thanh toán). The text is copied.
///
/// # Safety
/// As `vietref_message_set_sector`.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_set_invoice(
    message: *mut vietref_message,
    text: *const c_char,
    text_len: usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { set_text(message, text, text_len, "invoice", |d| &mut d.invoice) } })
}

/// Sets the amount in đồng (whole VND). It is checked by `vietref_message_validate`: 0 and
/// amounts of more than 13 digits are errors there.
///
/// # Safety
/// `message` is a live draft not used by another thread during the call.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_set_amount(
    message: *mut vietref_message,
    vnd: u64,
) -> vietref_status {
    ffi_boundary!({
        let message = unsafe { handle_mut(message) }?;
        message.draft.amount = Some(serde_json::Value::from(vnd));
        Ok(())
    })
}

/// Validates every field of the draft, collecting every finding, and writes a new report
/// to `*report_out` (free it with `vietref_report_free`). When no finding is an error the
/// report's cleaned value is the normalized message (`vietref_report_cleaned_json`).
///
/// The status is `VIETREF_OK` whenever the report was made, whether or not the message is
/// valid: ask `vietref_report_valid`. The draft is not changed.
///
/// # Safety
/// `message` is a live draft not being changed by another thread; `report_out` points to a
/// writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_validate(
    message: *const vietref_message,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let message = unsafe { handle_ref(message) }?;
        let out = unsafe { out_arg(report_out) }?;
        let r = message.validate_with(&[]);
        let report = Report {
            findings: r.findings,
            cleaned: r.cleaned.map(Cleaned::Message),
        };
        out.write(into_handle(vietref_report::new(report)));
        Ok(())
    })
}

/// `vietref_message_validate` knowing the institution's payment-code `schemes`
/// (`"HP:8,VP:8"`: `PREFIX:LENGTH` items separated by commas or spaces; empty for none): an
/// invoice of a scheme's shape (`hp 7184 0976 74`) is then a payment code, normalized to
/// its electronic form, whose check digits must verify (`invoice.check_digits`,
/// `invoice.code_length` otherwise). `VIETREF_REF_SCHEMES_INVALID` when a scheme is
/// malformed.
///
/// # Safety
/// `message` is a live draft not being changed by another thread; `schemes` is readable
/// for `schemes_len` bytes (or NULL when `schemes_len` is 0); `report_out` points to a
/// writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_message_validate_schemes(
    message: *const vietref_message,
    schemes: *const c_char,
    schemes_len: usize,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let message = unsafe { handle_ref(message) }?;
        let schemes = unsafe { schemes_arg(schemes, schemes_len) }?;
        let out = unsafe { out_arg(report_out) }?;
        let r = message.validate_with(&schemes);
        out.write_report(Report {
            findings: r.findings,
            cleaned: r.cleaned.map(Cleaned::Message),
        });
        Ok(())
    })
}
