//! Memo: render a payment message into one channel's text (as a report whose cleaned value
//! is the text), find payment codes again in bank statement text (`vietref_candidates`),
//! recover the fields of a memo.

use super::boundary::{
    buf_arg, ffi_boundary, free_handle, handle_ref, into_handle, known, out_arg, text_arg,
};
use super::message::vietref_message;
use super::reference::{schemes_arg, vietref_ref_kind};
use super::report::{vietref_report, Cleaned, Memo};
use super::status::vietref_status;
use super::string::vietref_string;
use crate::finding::{has_error, Report};
use crate::memo::{self, Candidate, Profile, Rendered};
use serde::Serialize;
use std::ffi::c_char;

/// `VIETREF_CHANNEL_*`: where a memo travels (its character set and length budget).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_channel {
    /// VietQR tag 62-08, purpose of transaction: 25 characters, `[A-Za-z0-9 ]`.
    VIETREF_CHANNEL_VIETQR = 1,
    /// VietQR tag 62-01, bill number: 25 characters, `[A-Za-z0-9_-]`, the invoice code only.
    VIETREF_CHANNEL_VIETQR_BILL = 2,
    /// Interbank transfer content (NAPAS 247): 140 characters by default, `[A-Za-z0-9 ]`.
    VIETREF_CHANNEL_TRANSFER = 3,
    /// Mobile Money transfer note: 50 characters by default, `[A-Za-z0-9 ]`.
    VIETREF_CHANNEL_MOBILE_MONEY = 4,
    /// Card payment reference at a POS: 25 characters, `[A-Z0-9-]`, the invoice code only.
    VIETREF_CHANNEL_POS = 5,
    /// ISO 20022 `RmtInf/Ustrd`: 140 characters, SEPA basic Latin; the cleaned JSON also has
    /// the `<RmtInf>` XML and, for an RF reference, the structured creditor reference.
    VIETREF_CHANNEL_ISO20022 = 6,
}

fn profile(n: u32) -> Option<Profile> {
    use vietref_channel::*;
    let p = match n {
        x if x == VIETREF_CHANNEL_VIETQR as u32 => Profile::VIETQR_PURPOSE,
        x if x == VIETREF_CHANNEL_VIETQR_BILL as u32 => Profile::VIETQR_BILL,
        x if x == VIETREF_CHANNEL_TRANSFER as u32 => Profile::TRANSFER,
        x if x == VIETREF_CHANNEL_MOBILE_MONEY as u32 => Profile::MOBILE_MONEY,
        x if x == VIETREF_CHANNEL_POS as u32 => Profile::POS,
        x if x == VIETREF_CHANNEL_ISO20022 as u32 => Profile::ISO20022_USTRD,
        _ => return None,
    };
    Some(p)
}

/// `VIETREF_MEMO_*`: the lists of fields of a rendered memo (`vietref_memo_field_count`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_memo_list {
    /// The fields in the text, whole or cut, in template order.
    VIETREF_MEMO_INCLUDED = 1,
    /// The fields of the message that are not in the text.
    VIETREF_MEMO_OMITTED = 2,
    /// The fields in the text that were cut (a subset of the included ones).
    VIETREF_MEMO_CLIPPED = 3,
}

impl Memo {
    fn list(&self, which: u32) -> Result<&[&'static str], vietref_status> {
        use vietref_memo_list::*;
        match which {
            x if x == VIETREF_MEMO_INCLUDED as u32 => Ok(&self.included),
            x if x == VIETREF_MEMO_OMITTED as u32 => Ok(&self.omitted),
            x if x == VIETREF_MEMO_CLIPPED as u32 => Ok(&self.clipped),
            _ => Err(vietref_status::VIETREF_INVALID_ARGUMENT),
        }
    }
}

/// The report of `vietref_memo_render`: the message's findings, then the rendering's; the
/// memo when none is an error.
fn render_report(
    message: &vietref_message,
    schemes: &[crate::reference::Scheme],
    profile: Profile,
    iso: bool,
) -> Report<Cleaned> {
    let checked = message.validate_with(schemes);
    let mut findings = checked.findings;
    let Some(m) = checked.cleaned else {
        return Report {
            findings,
            cleaned: None,
        };
    };
    let (rendered, creditor_reference, xml): (Rendered, _, _) = if iso {
        let r = memo::remittance(&m, &profile);
        (r.unstructured, r.creditor_reference, Some(r.xml))
    } else {
        (memo::render(&m, &profile), None, None)
    };
    findings.extend(rendered.findings);
    let cleaned = (!has_error(&findings)).then(|| {
        Cleaned::Memo(Box::new(Memo {
            channel: profile.name.to_string(),
            budget: profile.budget,
            text: rendered.text,
            included: rendered.included,
            omitted: rendered.omitted,
            clipped: rendered.clipped,
            creditor_reference,
            xml,
        }))
    });
    Report { findings, cleaned }
}

/// Renders the message draft for `channel` (a `VIETREF_CHANNEL_*` value) and writes a new
/// report to `*report_out` (free it with `vietref_report_free`). The draft is validated
/// first, knowing the institution's payment-code `schemes` (`"HP:8,VP:8"`: `PREFIX:LENGTH`
/// items separated by commas or spaces; empty for none); `budget` overrides the channel's
/// length budget in characters (0 keeps the channel's own).
///
/// Template: `CODE[ REASON][ HS|BN BENEFICIARY][ PH|NTT PAYER]`: the invoice code first and
/// never cut, the other fields folded to ASCII, each whole, cut after a word, or left out.
/// The findings are the message's, then every fold, cut and omission (`memo.*` warnings)
/// and any reason the code cannot travel (errors). When none is an error the cleaned value
/// is the memo: `vietref_report_cleaned_text` gives the text, `vietref_report_cleaned_json`
/// `{"channel","budget","text","included","omitted","clipped"}` (plus `creditorReference`
/// and `xml` for `VIETREF_CHANNEL_ISO20022`), `vietref_memo_field_count` /
/// `vietref_memo_field_name` the field lists.
///
/// The status is `VIETREF_OK` whenever the report was made. An unknown `channel` is
/// `VIETREF_INVALID_ARGUMENT`; a malformed scheme `VIETREF_REF_SCHEMES_INVALID`.
///
/// # Safety
/// `message` is a live draft not being changed by another thread; `schemes` is readable
/// for `schemes_len` bytes (or NULL when `schemes_len` is 0); `report_out` points to a
/// writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_render(
    message: *const vietref_message,
    schemes: *const c_char,
    schemes_len: usize,
    channel: u32,
    budget: usize,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let message = unsafe { handle_ref(message) }?;
        let schemes = unsafe { schemes_arg(schemes, schemes_len) }?;
        let mut p = known(profile(channel))?;
        let out = unsafe { out_arg(report_out) }?;
        if budget != 0 {
            p = p.with_budget(budget);
        }
        let iso = channel == vietref_channel::VIETREF_CHANNEL_ISO20022 as u32;
        out.write_report(render_report(message, &schemes, p, iso));
        Ok(())
    })
}

/// Renders the message draft for a channel the institution defines itself (a bank whose
/// transfer content allows other characters or another length) and writes a new report to
/// `*report_out`, as `vietref_memo_render` does. `name` (UTF-8, not empty) names the
/// channel in the memo's JSON; `charset` lists the characters that survive it, printable
/// ASCII only, `X-Y` for a range and `-` first or last for itself (`"A-Za-z0-9 ."`);
/// `budget` is its length in characters (at least 1); `reference_only` 1 writes only the
/// invoice code (a bill-number or POS-reference kind of field), 0 the full template.
///
/// An empty name, a budget of 0, a `reference_only` other than 0 or 1, or a character set
/// that is empty, holds a character outside printable ASCII or a range written backwards
/// is `VIETREF_INVALID_ARGUMENT`; a malformed scheme `VIETREF_REF_SCHEMES_INVALID`. A set
/// without the code's letters and digits makes the report say the code cannot travel.
///
/// # Safety
/// As `vietref_memo_render`; `name` and `charset` are readable for their lengths (or NULL
/// when the length is 0).
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_render_custom(
    message: *const vietref_message,
    schemes: *const c_char,
    schemes_len: usize,
    name: *const c_char,
    name_len: usize,
    charset: *const c_char,
    charset_len: usize,
    budget: usize,
    reference_only: u32,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let message = unsafe { handle_ref(message) }?;
        let schemes = unsafe { schemes_arg(schemes, schemes_len) }?;
        let name = unsafe { text_arg(name, name_len) }?;
        let charset = unsafe { text_arg(charset, charset_len) }?;
        let out = unsafe { out_arg(report_out) }?;
        let charset = memo::Charset::from_spec(charset)
            .map_err(|_| vietref_status::VIETREF_INVALID_ARGUMENT)?;
        if name.trim().is_empty() || budget == 0 || reference_only > 1 {
            return Err(vietref_status::VIETREF_INVALID_ARGUMENT);
        }
        let mut p = Profile::new(name.to_string(), charset, budget, "defined by the caller");
        p.reference_only = reference_only == 1;
        out.write_report(render_report(message, &schemes, p, false));
        Ok(())
    })
}

/// The memo of a render report, or why there is none.
fn memo_of(report: &vietref_report) -> Result<&Memo, vietref_status> {
    match &report.get().cleaned {
        None => Err(vietref_status::VIETREF_NO_VALUE),
        Some(Cleaned::Memo(m)) => Ok(m),
        Some(_) => Err(vietref_status::VIETREF_WRONG_KIND),
    }
}

/// Writes the number of fields in one list of a rendered memo (`list` is
/// `VIETREF_MEMO_INCLUDED`, `_OMITTED` or `_CLIPPED`) to `*count_out`. `VIETREF_NO_VALUE`
/// when the report holds an error finding; `VIETREF_WRONG_KIND` when it is not a
/// `vietref_memo_render` report; an unknown `list` is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `report` is a live report; `count_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_field_count(
    report: *const vietref_report,
    list: u32,
    count_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(count_out) }?;
        out.write(memo_of(report)?.list(list)?.len());
        Ok(())
    })
}

fn field_name(report: &vietref_report, list: u32, index: usize) -> Result<String, vietref_status> {
    let names = memo_of(report)?.list(list)?;
    let name = names
        .get(index)
        .ok_or(vietref_status::VIETREF_INDEX_OUT_OF_RANGE)?;
    Ok(name.to_string())
}

/// The name of field `index` of a list of a rendered memo (`invoice`, `reason`,
/// `beneficiaryName`, `payerName`: the field paths of the findings), as a new string owned
/// by the caller. `VIETREF_INDEX_OUT_OF_RANGE` when `index` is not below the list's count;
/// otherwise the statuses of `vietref_memo_field_count`.
///
/// # Safety
/// `report` is a live report; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_field_name(
    report: *const vietref_report,
    list: u32,
    index: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(field_name(report, list, index)?);
        Ok(())
    })
}

/// `vietref_memo_field_name` into the caller's buffer (see "Caller buffers" in the
/// preamble).
///
/// # Safety
/// `report` is a live report; `buf` is writable for `cap` bytes (or NULL when `cap` is 0);
/// `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_field_name_buf(
    report: *const vietref_report,
    list: u32,
    index: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&field_name(report, list, index)?)
    })
}

/// Payment codes and RF references found in a text (`vietref_memo_extract`,
/// `vietref_vietqr_payment_codes`), numbered from 0 to `count - 1` in order of appearance,
/// each once. Each one's check digits verify.
///
/// Thread safety: immutable; any number of threads may read it at the same time. Free it
/// once with `vietref_candidates_free`, after every reader is done.
pub struct vietref_candidates {
    items: Vec<Candidate>,
}

impl vietref_candidates {
    fn get(&self, index: usize) -> Result<&Candidate, vietref_status> {
        self.items
            .get(index)
            .ok_or(vietref_status::VIETREF_INDEX_OUT_OF_RANGE)
    }

    fn json(&self) -> Result<String, vietref_status> {
        let items: Vec<CandidateJson<'_>> = self.items.iter().map(CandidateJson::from).collect();
        serde_json::to_string(&items).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
    }
}

pub(crate) fn candidates_handle(items: Vec<Candidate>) -> *mut vietref_candidates {
    into_handle(vietref_candidates { items })
}

/// A candidate as JSON: `{"code","kind","start","end"}` (the CLI's keys, in this order).
#[derive(Serialize)]
struct CandidateJson<'a> {
    code: &'a str,
    kind: &'static str,
    start: usize,
    end: usize,
}

impl<'a> From<&'a Candidate> for CandidateJson<'a> {
    fn from(c: &'a Candidate) -> Self {
        CandidateJson {
            code: &c.code,
            kind: c.kind.as_str(),
            start: c.span.0,
            end: c.span.1,
        }
    }
}

/// A parsed memo as JSON (the keys of `vietref memo parse`, in template order).
#[derive(Serialize)]
struct ParsedJson<'a> {
    invoice: Option<CandidateJson<'a>>,
    reason: Option<&'a str>,
    beneficiary: Option<&'a str>,
    payer: Option<&'a str>,
    sector: Option<&'static str>,
}

/// Finds the payment codes of `schemes` (`"HP:8,VP:8"`; empty for none) and the RF
/// references in `text` (a bank statement line, a memo as the bank delivered it: prefixes,
/// suffixes, changed case, removed or added spaces and dots, split lines) and writes a new
/// candidates handle to `*candidates_out` (free it with `vietref_candidates_free`); it may
/// hold no candidate. A payment code is found by its scheme's prefix and fixed length and
/// its check digits; an RF reference must end where the text has a separator.
///
/// # Safety
/// `text` and `schemes` are readable for their lengths (or NULL when the length is 0);
/// `candidates_out` points to a writable `vietref_candidates *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_extract(
    text: *const c_char,
    text_len: usize,
    schemes: *const c_char,
    schemes_len: usize,
    candidates_out: *mut *mut vietref_candidates,
) -> vietref_status {
    ffi_boundary!({
        let text = unsafe { text_arg(text, text_len) }?;
        let schemes = unsafe { schemes_arg(schemes, schemes_len) }?;
        let out = unsafe { out_arg(candidates_out) }?;
        out.write(candidates_handle(memo::extract(text, &schemes)));
        Ok(())
    })
}

/// Frees a candidates handle. NULL is accepted and does nothing.
///
/// # Safety
/// `candidates` is NULL or a live candidates handle, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn vietref_candidates_free(candidates: *mut vietref_candidates) {
    ffi_boundary!(on_panic = (); { unsafe { free_handle(candidates) } })
}

/// Writes the number of candidates to `*count_out`.
///
/// # Safety
/// `candidates` is a live candidates handle; `count_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_candidates_count(
    candidates: *const vietref_candidates,
    count_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let c = unsafe { handle_ref(candidates) }?;
        let out = unsafe { out_arg(count_out) }?;
        out.write(c.items.len());
        Ok(())
    })
}

/// The code of candidate `index` in its compact electronic form (`HP7184097674`), as a new
/// string owned by the caller. `VIETREF_INDEX_OUT_OF_RANGE` when `index >= count`.
///
/// # Safety
/// `candidates` is a live candidates handle; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_candidates_code(
    candidates: *const vietref_candidates,
    index: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let c = unsafe { handle_ref(candidates) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(c.get(index)?.code.clone());
        Ok(())
    })
}

/// `vietref_candidates_code` into the caller's buffer.
///
/// # Safety
/// `candidates` is a live candidates handle; `buf` is writable for `cap` bytes (or NULL
/// when `cap` is 0); `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_candidates_code_buf(
    candidates: *const vietref_candidates,
    index: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let c = unsafe { handle_ref(candidates) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&c.get(index)?.code)
    })
}

/// Writes the kind of candidate `index` (`VIETREF_REF_CODE` or `VIETREF_REF_RF`; a memo's
/// invoice in `vietref_memo_parse` may also be `VIETREF_REF_EINVOICE`) to `*kind_out`.
///
/// # Safety
/// `candidates` is a live candidates handle; `kind_out` points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_candidates_kind(
    candidates: *const vietref_candidates,
    index: usize,
    kind_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let c = unsafe { handle_ref(candidates) }?;
        let out = unsafe { out_arg(kind_out) }?;
        out.write(vietref_ref_kind::from(c.get(index)?.kind) as u32);
        Ok(())
    })
}

/// Writes where candidate `index` lies in the searched text, as byte offsets into its
/// UTF-8: `*start_out` at the code's first character, `*end_out` just after its last
/// (what lies between may include separators the bank inserted). Both are written, or
/// neither.
///
/// # Safety
/// `candidates` is a live candidates handle; `start_out` and `end_out` point to writable
/// `size_t`s.
#[no_mangle]
pub unsafe extern "C" fn vietref_candidates_span(
    candidates: *const vietref_candidates,
    index: usize,
    start_out: *mut usize,
    end_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let c = unsafe { handle_ref(candidates) }?;
        let start = unsafe { out_arg(start_out) }?;
        let end = unsafe { out_arg(end_out) }?;
        let (a, b) = c.get(index)?.span;
        start.write(a);
        end.write(b);
        Ok(())
    })
}

/// Every candidate as a JSON array, a new string owned by the caller:
/// `[{"code":"HP7184097674","kind":"payment_code","start":3,"end":18}]` (`kind`:
/// `payment_code`, `rf` or `einvoice`; `start`/`end` as in `vietref_candidates_span`).
///
/// # Safety
/// `candidates` is a live candidates handle; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_candidates_json(
    candidates: *const vietref_candidates,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let c = unsafe { handle_ref(candidates) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(c.json()?);
        Ok(())
    })
}

/// `vietref_candidates_json` into the caller's buffer.
///
/// # Safety
/// As `vietref_candidates_code_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_candidates_json_buf(
    candidates: *const vietref_candidates,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let c = unsafe { handle_ref(candidates) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&c.json()?)
    })
}

fn parse_json(text: &str, schemes: &[crate::reference::Scheme]) -> Result<String, vietref_status> {
    let p = memo::parse_memo_with(text, schemes);
    let v = ParsedJson {
        invoice: p.invoice.as_ref().map(CandidateJson::from),
        reason: p.reason.as_deref(),
        beneficiary: p.beneficiary.as_deref(),
        payer: p.payer.as_deref(),
        sector: p.sector.map(|s| s.as_str()),
    };
    serde_json::to_string(&v).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
}

/// Recovers the fields of a memo vietref rendered, after whatever the banks did to it, as
/// far as they survive, and writes them as JSON, a new string owned by the caller (what
/// `vietref memo parse` prints): `{"invoice":{"code","kind","start","end"} or null,
/// "reason","beneficiary","payer" (folded memo text or null),"sector" ("education",
/// "health" or null)}`. `schemes` as in `vietref_memo_extract` (found first; without them a
/// payment code is recognised by its shape and check digits).
///
/// # Safety
/// `text` and `schemes` are readable for their lengths (or NULL when the length is 0);
/// `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_parse(
    text: *const c_char,
    text_len: usize,
    schemes: *const c_char,
    schemes_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let text = unsafe { text_arg(text, text_len) }?;
        let schemes = unsafe { schemes_arg(schemes, schemes_len) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(parse_json(text, &schemes)?);
        Ok(())
    })
}

/// `vietref_memo_parse` into the caller's buffer.
///
/// # Safety
/// `text` and `schemes` are readable for their lengths (or NULL when the length is 0);
/// `buf` is writable for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a
/// writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_parse_buf(
    text: *const c_char,
    text_len: usize,
    schemes: *const c_char,
    schemes_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let text = unsafe { text_arg(text, text_len) }?;
        let schemes = unsafe { schemes_arg(schemes, schemes_len) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&parse_json(text, &schemes)?)
    })
}

fn envelope_json(text: &str) -> Result<String, vietref_status> {
    let e = memo::read_envelope(text);
    serde_json::to_string(&e.describe(text)).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
}

/// Reads the envelope banks and NAPAS put around the payer's words in a statement line and
/// writes it as JSON, a new string owned by the caller (what `vietref memo envelope`
/// prints): `{"bank","shape"` (the table and shape recognised, or null),
/// `"senderName","senderAccount","senderBank","receiverAccount","receiverName"` (each null or
/// `{"text","span":[start,end]}`), `"numbers":[{"kind","text","span"}]` (kind `trace`,
/// `reference`, `date`, `time`, `phone` or `other`), `"free":[{"text","span"}]` (the payer's
/// words; payment codes are looked for there only)`}`. Spans are byte offsets into `text`.
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when the length is 0); `out` points to a
/// writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_envelope(
    text: *const c_char,
    text_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let text = unsafe { text_arg(text, text_len) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(envelope_json(text)?);
        Ok(())
    })
}

/// `vietref_memo_envelope` into the caller's buffer.
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when the length is 0); `buf` is writable
/// for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_memo_envelope_buf(
    text: *const c_char,
    text_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let text = unsafe { text_arg(text, text_len) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&envelope_json(text)?)
    })
}
