//! VietQR: decode a payload into a report and a `vietref_vietqr` handle, read its fields,
//! encode from JSON, build a transfer code to an account, check that a code pays the
//! registered payee, look banks up, CRC-16.

use super::boundary::{
    buf_arg, bytes_arg, ffi_boundary, free_handle, handle_ref, into_handle, known, opt_text_arg,
    out_arg, text_arg, text_to_buf, text_to_string,
};
use super::memo::{candidates_handle, vietref_candidates};
use super::message::vietref_message;
use super::reference::schemes_arg;
use super::report::{vietref_report, Cleaned};
use super::status::vietref_status;
use super::string::vietref_string;
use crate::finding::{has_error, Report};
use crate::vietqr::{self, banks, Mode, Payee, VietQr};
use std::ffi::c_char;

/// `VIETREF_VIETQR_*` modes of `vietref_vietqr_decode`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_vietqr_mode {
    /// Any length, CRC, format or required-field fault is an error.
    VIETREF_VIETQR_STRICT = 1,
    /// Also repairs, each with a warning finding: whitespace around the payload, a CRC in
    /// lower case, one wrong declared length (only when the CRC verifies and exactly one
    /// reading fits). A CRC that does not match is never repaired.
    VIETREF_VIETQR_LENIENT = 2,
}

fn mode(n: u32) -> Option<Mode> {
    match n {
        x if x == vietref_vietqr_mode::VIETREF_VIETQR_STRICT as u32 => Some(Mode::Strict),
        x if x == vietref_vietqr_mode::VIETREF_VIETQR_LENIENT as u32 => Some(Mode::Lenient),
        _ => None,
    }
}

/// `VIETREF_VIETQR_FIELD_*`: the fields `vietref_vietqr_get` reads, each the value as it
/// travels in the payload (tag first).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_vietqr_field {
    /// Tag 01: point of initiation: `11` (static) or `12` (dynamic).
    VIETREF_VIETQR_FIELD_INITIATION = 1,
    /// Tag 38.01.00: the bank's 6-digit BIN.
    VIETREF_VIETQR_FIELD_BANK_BIN = 2,
    /// Tag 38.01.01: the account or card number.
    VIETREF_VIETQR_FIELD_ACCOUNT_NUMBER = 3,
    /// Tag 38.02: the service code: `QRIBFTTA`, `QRIBFTTC`, `QRPUSH` or `QRCASH`.
    VIETREF_VIETQR_FIELD_SERVICE = 4,
    /// Tag 52: the merchant category code.
    VIETREF_VIETQR_FIELD_MERCHANT_CATEGORY = 5,
    /// Tag 53: the currency (`704`).
    VIETREF_VIETQR_FIELD_CURRENCY = 6,
    /// Tag 54: the amount in đồng, as digits (`vietref_vietqr_amount` gives the number).
    VIETREF_VIETQR_FIELD_AMOUNT = 7,
    /// Tag 58: the country (`VN`).
    VIETREF_VIETQR_FIELD_COUNTRY = 8,
    /// Tag 59: the merchant name.
    VIETREF_VIETQR_FIELD_MERCHANT_NAME = 9,
    /// Tag 60: the merchant city.
    VIETREF_VIETQR_FIELD_MERCHANT_CITY = 10,
    /// Tag 61: the postal code.
    VIETREF_VIETQR_FIELD_POSTAL_CODE = 11,
    /// Tag 62.01: the bill number.
    VIETREF_VIETQR_FIELD_BILL_NUMBER = 12,
    /// Tag 62.02: the mobile number.
    VIETREF_VIETQR_FIELD_MOBILE_NUMBER = 13,
    /// Tag 62.03: the store label.
    VIETREF_VIETQR_FIELD_STORE_LABEL = 14,
    /// Tag 62.04: the loyalty number.
    VIETREF_VIETQR_FIELD_LOYALTY_NUMBER = 15,
    /// Tag 62.05: the reference label.
    VIETREF_VIETQR_FIELD_REFERENCE_LABEL = 16,
    /// Tag 62.06: the customer label.
    VIETREF_VIETQR_FIELD_CUSTOMER_LABEL = 17,
    /// Tag 62.07: the terminal label.
    VIETREF_VIETQR_FIELD_TERMINAL_LABEL = 18,
    /// Tag 62.08: the purpose of transaction: the transfer content bank apps show.
    VIETREF_VIETQR_FIELD_PURPOSE = 19,
    /// Tag 62.09: the consumer data request.
    VIETREF_VIETQR_FIELD_CONSUMER_DATA_REQUEST = 20,
    /// Tag 63: the CRC as read (absent in a VietQR made from JSON).
    VIETREF_VIETQR_FIELD_CRC = 21,
}

/// A VietQR, typed: from a decode report (`vietref_vietqr_from_report`) or from JSON
/// (`vietref_vietqr_from_json`). Read it with `vietref_vietqr_get`,
/// `vietref_vietqr_amount` and `vietref_vietqr_json`; free it with `vietref_vietqr_free`.
///
/// A VietQR made from JSON may hold invalid values: `vietref_vietqr_encode` checks every
/// field. One from a decode report is valid.
///
/// Thread safety: immutable; any number of threads may read one at the same time. Free it
/// once, after every reader is done.
pub struct vietref_vietqr {
    qr: VietQr<'static>,
}

impl vietref_vietqr {
    fn field(&self, field: u32) -> Result<Option<&str>, vietref_status> {
        use vietref_vietqr_field::*;
        let q = &self.qr;
        let ad = &q.additional_data;
        let all = [
            (VIETREF_VIETQR_FIELD_INITIATION, Some(q.initiation.code())),
            (VIETREF_VIETQR_FIELD_BANK_BIN, Some(&*q.bank_bin)),
            (
                VIETREF_VIETQR_FIELD_ACCOUNT_NUMBER,
                Some(&*q.account_number),
            ),
            (VIETREF_VIETQR_FIELD_SERVICE, Some(q.service.code())),
            (
                VIETREF_VIETQR_FIELD_MERCHANT_CATEGORY,
                q.merchant_category.as_deref(),
            ),
            (VIETREF_VIETQR_FIELD_CURRENCY, Some(&*q.currency)),
            (VIETREF_VIETQR_FIELD_AMOUNT, q.amount.as_deref()),
            (VIETREF_VIETQR_FIELD_COUNTRY, Some(&*q.country)),
            (
                VIETREF_VIETQR_FIELD_MERCHANT_NAME,
                q.merchant_name.as_deref(),
            ),
            (
                VIETREF_VIETQR_FIELD_MERCHANT_CITY,
                q.merchant_city.as_deref(),
            ),
            (VIETREF_VIETQR_FIELD_POSTAL_CODE, q.postal_code.as_deref()),
            (VIETREF_VIETQR_FIELD_BILL_NUMBER, ad.bill_number.as_deref()),
            (
                VIETREF_VIETQR_FIELD_MOBILE_NUMBER,
                ad.mobile_number.as_deref(),
            ),
            (VIETREF_VIETQR_FIELD_STORE_LABEL, ad.store_label.as_deref()),
            (
                VIETREF_VIETQR_FIELD_LOYALTY_NUMBER,
                ad.loyalty_number.as_deref(),
            ),
            (
                VIETREF_VIETQR_FIELD_REFERENCE_LABEL,
                ad.reference_label.as_deref(),
            ),
            (
                VIETREF_VIETQR_FIELD_CUSTOMER_LABEL,
                ad.customer_label.as_deref(),
            ),
            (
                VIETREF_VIETQR_FIELD_TERMINAL_LABEL,
                ad.terminal_label.as_deref(),
            ),
            (VIETREF_VIETQR_FIELD_PURPOSE, ad.purpose.as_deref()),
            (
                VIETREF_VIETQR_FIELD_CONSUMER_DATA_REQUEST,
                ad.consumer_data_request.as_deref(),
            ),
            (VIETREF_VIETQR_FIELD_CRC, q.crc.as_deref()),
        ];
        let found = all.iter().find(|(f, _)| *f as u32 == field);
        Ok(known(found)?.1)
    }

    fn field_text(&self, field: u32) -> Result<String, vietref_status> {
        let value = self.field(field)?;
        Ok(value.ok_or(vietref_status::VIETREF_NO_VALUE)?.to_string())
    }

    fn json(&self) -> Result<String, vietref_status> {
        serde_json::to_string(&self.qr).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
    }
}

/// A report whose cleaned value is a payload when `built` has one and encodes.
fn payload_report(findings: Vec<crate::Finding>, built: Option<VietQr<'_>>) -> Report<Cleaned> {
    let mut findings = findings;
    let mut cleaned = None;
    if let Some(qr) = built {
        match vietqr::encode(&qr) {
            Ok(p) => cleaned = Some(Cleaned::Text(p)),
            Err(more) => findings.extend(more),
        }
    }
    if has_error(&findings) {
        cleaned = None;
    }
    Report { findings, cleaned }
}

/// Reads a VietQR payload (UTF-8, pointer + length) in `mode` (`VIETREF_VIETQR_STRICT` or
/// `VIETREF_VIETQR_LENIENT`) and writes a new report to `*report_out` (free it with
/// `vietref_report_free`): every finding (field paths like `vietqr.38.01.01`, codes
/// `vietqr.*`) and, when no finding is an error, the decoded VietQR as the cleaned value
/// (`vietref_report_cleaned_json` gives the JSON `vietref qr decode` prints for the fields;
/// `vietref_vietqr_from_report` gives a handle). In lenient mode the report of an invalid
/// code still shows what it holds: its JSON (`vietref_report_json`) adds `fields`, every
/// value that could be read by tag path (`"62.08"`, `"38.01.01"`), next to `valid: false`
/// and the findings. Strict decoding also refuses non-ASCII text in 59 and 62.08
/// (`vietqr.non_ascii_strict`); an unknown BIN (`vietqr.bin_unknown`) and an implausibly
/// short account or card number (`vietqr.account_length`) are warnings.
///
/// The status is `VIETREF_OK` whenever the report was made, whether or not the payload is
/// valid: ask `vietref_report_valid`. An unknown `mode` is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `payload` is readable for `payload_len` bytes (or NULL when `payload_len` is 0);
/// `report_out` points to a writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_decode(
    payload: *const c_char,
    payload_len: usize,
    mode: u32,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let payload = unsafe { text_arg(payload, payload_len) }?;
        let mode = known(self::mode(mode))?;
        let out = unsafe { out_arg(report_out) }?;
        let d = vietqr::decode_fields(payload, mode);
        let valid = d.report.is_valid();
        let report = Report {
            findings: d.report.findings,
            cleaned: d
                .report
                .cleaned
                .map(|q| Cleaned::VietQr(Box::new(q.into_owned()))),
        };
        if mode == Mode::Lenient && !valid {
            let fields = d
                .fields
                .into_iter()
                .map(|(k, v)| (k, v.to_owned()))
                .collect();
            out.write(into_handle(vietref_report::with_fields(report, fields)));
        } else {
            out.write_report(report);
        }
        Ok(())
    })
}

/// Makes a VietQR handle from the cleaned value of a report of `vietref_vietqr_decode` or
/// `vietref_vietqr_verify_payee` (a copy: the report stays usable) and writes it to
/// `*qr_out`. `VIETREF_NO_VALUE` when the report holds an error finding;
/// `VIETREF_WRONG_KIND` when it is another kind of report.
///
/// # Safety
/// `report` is a live report; `qr_out` points to a writable `vietref_vietqr *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_from_report(
    report: *const vietref_report,
    qr_out: *mut *mut vietref_vietqr,
) -> vietref_status {
    ffi_boundary!({
        let report = unsafe { handle_ref(report) }?;
        let out = unsafe { out_arg(qr_out) }?;
        let qr = match &report.get().cleaned {
            None => return Err(vietref_status::VIETREF_NO_VALUE),
            Some(Cleaned::VietQr(q)) => (**q).clone(),
            Some(_) => return Err(vietref_status::VIETREF_WRONG_KIND),
        };
        out.write(into_handle(vietref_vietqr { qr }));
        Ok(())
    })
}

/// Makes a VietQR handle from a JSON object (UTF-8) with the keys `vietref qr decode`
/// prints (`bankBin`, `accountNumber`, `amount`, `additionalData` {`billNumber`,
/// `purpose`, ...}, ...) and writes it to `*qr_out`. Conveniences: `bank` (a bank name or
/// code) for `bankBin`, `amount` as a number, `initiation` left out (dynamic when there is
/// an amount). `VIETREF_VIETQR_JSON_INVALID` when the JSON is malformed, a key has the
/// wrong type, `bankBin`/`accountNumber` is missing, or the bank is unknown. The values
/// themselves are checked by `vietref_vietqr_encode`.
///
/// # Safety
/// `json` is readable for `json_len` bytes (or NULL when `json_len` is 0); `qr_out` points
/// to a writable `vietref_vietqr *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_from_json(
    json: *const c_char,
    json_len: usize,
    qr_out: *mut *mut vietref_vietqr,
) -> vietref_status {
    ffi_boundary!({
        let json = unsafe { text_arg(json, json_len) }?;
        let out = unsafe { out_arg(qr_out) }?;
        let qr =
            vietqr::from_json(json).map_err(|_| vietref_status::VIETREF_VIETQR_JSON_INVALID)?;
        out.write(into_handle(vietref_vietqr { qr }));
        Ok(())
    })
}

/// Frees a VietQR handle. NULL is accepted and does nothing.
///
/// # Safety
/// `qr` is NULL or a live VietQR handle from this library, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_free(qr: *mut vietref_vietqr) {
    ffi_boundary!(on_panic = (); { unsafe { free_handle(qr) } })
}

/// The VietQR as JSON (camelCase keys, absent fields left out: the form
/// `vietref_vietqr_from_json` reads), as a new string owned by the caller.
///
/// # Safety
/// `qr` is a live VietQR handle; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_json(
    qr: *const vietref_vietqr,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let qr = unsafe { handle_ref(qr) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(qr.json()?);
        Ok(())
    })
}

/// `vietref_vietqr_json` into the caller's buffer (see "Caller buffers" in the preamble).
///
/// # Safety
/// `qr` is a live VietQR handle; `buf` is writable for `cap` bytes (or NULL when `cap` is
/// 0); `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_json_buf(
    qr: *const vietref_vietqr,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let qr = unsafe { handle_ref(qr) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&qr.json()?)
    })
}

/// One field of the VietQR (`field` is a `VIETREF_VIETQR_FIELD_*` value), as it travels in
/// the payload, as a new string owned by the caller. `VIETREF_NO_VALUE` when the field is
/// absent; an unknown `field` is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `qr` is a live VietQR handle; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_get(
    qr: *const vietref_vietqr,
    field: u32,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let qr = unsafe { handle_ref(qr) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(qr.field_text(field)?);
        Ok(())
    })
}

/// `vietref_vietqr_get` into the caller's buffer.
///
/// # Safety
/// As `vietref_vietqr_json_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_get_buf(
    qr: *const vietref_vietqr,
    field: u32,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let qr = unsafe { handle_ref(qr) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&qr.field_text(field)?)
    })
}

/// Writes the amount in đồng to `*vnd_out`. `VIETREF_NO_VALUE` when the VietQR has no
/// amount (a static code) or, for one made from JSON, an amount that is not 1 to 13 digits.
///
/// # Safety
/// `qr` is a live VietQR handle; `vnd_out` points to a writable `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_amount(
    qr: *const vietref_vietqr,
    vnd_out: *mut u64,
) -> vietref_status {
    ffi_boundary!({
        let qr = unsafe { handle_ref(qr) }?;
        let out = unsafe { out_arg(vnd_out) }?;
        out.write(qr.qr.amount_vnd().ok_or(vietref_status::VIETREF_NO_VALUE)?);
        Ok(())
    })
}

/// Encodes the VietQR and writes a new report to `*report_out`: every field is checked
/// (ASCII only, lengths, formats; each fault an error finding) and, when none fails, the
/// cleaned value is the payload (`vietref_report_cleaned_text`): tags in ascending order,
/// the CRC computed, whatever the handle's CRC field says. Re-encoding a leniently
/// decoded code gives its repaired payload.
///
/// The status is `VIETREF_OK` whenever the report was made.
///
/// # Safety
/// `qr` is a live VietQR handle; `report_out` points to a writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_encode(
    qr: *const vietref_vietqr,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let qr = unsafe { handle_ref(qr) }?;
        let out = unsafe { out_arg(report_out) }?;
        out.write_report(payload_report(Vec::new(), Some(qr.qr.clone())));
        Ok(())
    })
}

/// `vietref_vietqr_from_json` followed by `vietref_vietqr_encode`: writes a new report whose
/// cleaned value is the payload (`vietref_report_cleaned_text`) when every field is valid.
/// `VIETREF_VIETQR_JSON_INVALID` (no report) when the JSON cannot be read as a VietQR.
///
/// # Safety
/// `json` is readable for `json_len` bytes (or NULL when `json_len` is 0); `report_out`
/// points to a writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_encode_json(
    json: *const c_char,
    json_len: usize,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let json = unsafe { text_arg(json, json_len) }?;
        let out = unsafe { out_arg(report_out) }?;
        let qr =
            vietqr::from_json(json).map_err(|_| vietref_status::VIETREF_VIETQR_JSON_INVALID)?;
        out.write_report(payload_report(Vec::new(), Some(qr)));
        Ok(())
    })
}

/// Builds a transfer code (service `QRIBFTTA`) to account `account` at the bank with BIN
/// `bin` and writes a new report to `*report_out`; its cleaned value is the payload
/// (`vietref_report_cleaned_text`) when every field is valid. `amount` in đồng: 0 makes a
/// static code (no amount), anything else a dynamic one. `bill` goes to tag 62.01 and
/// `purpose` (the transfer content bank apps fill in) to 62.08; an empty text leaves the
/// tag out. Both must already be ASCII and at most 25 characters (fold them with
/// `vietref_text_fold`); a fault is an error finding, nothing is cut.
///
/// The status is `VIETREF_OK` whenever the report was made.
///
/// # Safety
/// Each text is readable for its length (or NULL when the length is 0); `report_out` points
/// to a writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_to_account(
    bin: *const c_char,
    bin_len: usize,
    account: *const c_char,
    account_len: usize,
    amount: u64,
    bill: *const c_char,
    bill_len: usize,
    purpose: *const c_char,
    purpose_len: usize,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let bin = unsafe { text_arg(bin, bin_len) }?;
        let account = unsafe { text_arg(account, account_len) }?;
        let bill = unsafe { opt_text_arg(bill, bill_len) }?;
        let purpose = unsafe { opt_text_arg(purpose, purpose_len) }?;
        let out = unsafe { out_arg(report_out) }?;
        let payee = Payee::new(bin, account, "");
        let amount = (amount != 0).then_some(amount);
        let r = VietQr::to_account(&payee, amount, bill, purpose);
        out.write_report(payload_report(r.findings, r.cleaned));
        Ok(())
    })
}

/// Checks that the VietQR pays the registered payee (bank BIN `bin`, account `account`,
/// account holder's name `name` as the bank shows it) and writes a new report to
/// `*report_out`: a different BIN or account is an error (`vietqr.payee_bin`,
/// `vietqr.payee_account`); a merchant name that looks like the registered one but is other
/// text is an error (`vietqr.payee_name_lookalike`, possible spoofing); a visibly different
/// merchant name is a warning (`vietqr.payee_name_different`). When no finding is an error
/// the cleaned value is the VietQR (`vietref_report_cleaned_json`).
///
/// The status is `VIETREF_OK` whenever the report was made: ask `vietref_report_valid`.
///
/// # Safety
/// `qr` is a live VietQR handle; each text is readable for its length (or NULL when the
/// length is 0); `report_out` points to a writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_verify_payee(
    qr: *const vietref_vietqr,
    bin: *const c_char,
    bin_len: usize,
    account: *const c_char,
    account_len: usize,
    name: *const c_char,
    name_len: usize,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let qr = unsafe { handle_ref(qr) }?;
        let bin = unsafe { text_arg(bin, bin_len) }?;
        let account = unsafe { text_arg(account, account_len) }?;
        let name = unsafe { text_arg(name, name_len) }?;
        let out = unsafe { out_arg(report_out) }?;
        let findings = vietqr::verify_payee(&qr.qr, &Payee::new(bin, account, name));
        let cleaned = (!has_error(&findings)).then(|| Cleaned::VietQr(Box::new(qr.qr.clone())));
        out.write_report(Report { findings, cleaned });
        Ok(())
    })
}

fn bank_json(query: &str) -> Result<String, vietref_status> {
    let bank = banks::lookup(query).ok_or(vietref_status::VIETREF_NO_VALUE)?;
    serde_json::to_string(bank).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
}

/// Looks a bank up in the registry by 6-digit BIN, short name, code, former name or full
/// name (case, accents, spaces and punctuation ignored: `vietin bank`, `ICB`, `970415`)
/// and writes its entry as JSON, a new string owned by the caller: `{"bin":"970415",
/// "shortName":"VietinBank","name":"...","codes":["ICB",...],"kind":"bank"}` (`kind`:
/// `bank`, `digitalBank`, `mobileMoney`, `financeCompany` or `wallet`; a `note` when there
/// is one).
/// `VIETREF_NO_VALUE` when no entry matches.
///
/// # Safety
/// `query` is readable for `query_len` bytes (or NULL when `query_len` is 0); `out` points
/// to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_bank_lookup(
    query: *const c_char,
    query_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { text_to_string(query, query_len, out, bank_json) } })
}

/// `vietref_vietqr_bank_lookup` into the caller's buffer.
///
/// # Safety
/// `query` is readable for `query_len` bytes (or NULL when `query_len` is 0); `buf` is
/// writable for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_bank_lookup_buf(
    query: *const c_char,
    query_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { text_to_buf(query, query_len, buf, cap, len_out, bank_json) } })
}

/// The CRC-16/CCITT-FALSE of `len` bytes (any bytes: no UTF-8 check), the checksum of VietQR
/// tag 63 (`123456789` gives 0x29B1), written to `*crc_out`. For a payload, pass
/// everything up to and including `6304`.
///
/// # Safety
/// `bytes` is readable for `len` bytes (or NULL when `len` is 0); `crc_out` points to a
/// writable `uint16_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_crc16(
    bytes: *const u8,
    len: usize,
    crc_out: *mut u16,
) -> vietref_status {
    ffi_boundary!({
        let bytes = unsafe { bytes_arg(bytes, len) }?;
        let out = unsafe { out_arg(crc_out) }?;
        out.write(vietqr::crc16(bytes));
        Ok(())
    })
}

/// The VietQR for a payment message to an institution's account (bank BIN `bin`, account
/// `account`), written to a new report at `*report_out`. The draft is validated first
/// knowing the payment-code `schemes` (`"HP:8"`; empty for none). Tag 62-08 (purpose) is the
/// message rendered for `VIETREF_CHANNEL_VIETQR` (invoice code first, then as much of the
/// reason, beneficiary and payer as 25 characters allow), tag 62-01 (bill number) the
/// invoice code, tag 54 the message's amount (a dynamic code; static without an amount).
///
/// The findings are the message's, then every loss the rendering made, then any fault of
/// the code; when none is an error the cleaned value is the payload
/// (`vietref_report_cleaned_text`). The status is `VIETREF_OK` whenever the report was made;
/// a malformed scheme is `VIETREF_REF_SCHEMES_INVALID`.
///
/// # Safety
/// `message` is a live draft not being changed by another thread; each text is readable for
/// its length (or NULL when the length is 0); `report_out` points to a writable
/// `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_for_payment(
    message: *const vietref_message,
    schemes: *const c_char,
    schemes_len: usize,
    bin: *const c_char,
    bin_len: usize,
    account: *const c_char,
    account_len: usize,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let message = unsafe { handle_ref(message) }?;
        let schemes = unsafe { schemes_arg(schemes, schemes_len) }?;
        let bin = unsafe { text_arg(bin, bin_len) }?;
        let account = unsafe { text_arg(account, account_len) }?;
        let out = unsafe { out_arg(report_out) }?;
        let checked = message.validate_with(&schemes);
        let mut findings = checked.findings;
        let built = checked.cleaned.and_then(|m| {
            let r = VietQr::for_payment(&m, &Payee::new(bin, account, ""));
            findings.extend(r.findings);
            r.cleaned
        });
        out.write_report(payload_report(findings, built));
        Ok(())
    })
}

/// The payment codes of `schemes` (`"HP:8"`; empty for none) and RF references found in the
/// VietQR's purpose (62-08) and bill number (62-01), purpose first, each once, written as a
/// new candidates handle to `*candidates_out` (free it with `vietref_candidates_free`).
/// Spans are byte offsets into the field the code was found in.
///
/// # Safety
/// `qr` is a live VietQR handle; `schemes` is readable for `schemes_len` bytes (or NULL when
/// `schemes_len` is 0); `candidates_out` points to a writable `vietref_candidates *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_vietqr_payment_codes(
    qr: *const vietref_vietqr,
    schemes: *const c_char,
    schemes_len: usize,
    candidates_out: *mut *mut vietref_candidates,
) -> vietref_status {
    ffi_boundary!({
        let qr = unsafe { handle_ref(qr) }?;
        let schemes = unsafe { schemes_arg(schemes, schemes_len) }?;
        let out = unsafe { out_arg(candidates_out) }?;
        out.write(candidates_handle(qr.qr.payment_codes(&schemes)));
        Ok(())
    })
}
