//! Payment gateways (VNPAY, MoMo, ZaloPay): a merchant handle, signed requests, verified
//! callbacks and their settlement against a reconciler's open invoices. Results are JSON
//! (the forms of `vietref::gateway`, camelCase keys).

use super::boundary::{
    ffi_boundary, free_handle, handle_mut, handle_ref, into_handle, opt_text_arg, out_arg, text_arg,
};
use super::message::vietref_message;
use super::reconcile::{json, vietref_reconciler, Dest};
use super::status::vietref_status;
use super::string::vietref_string;
use crate::gateway::{self, Merchant, Provider, RequestOptions, Secret, Settings};
use std::ffi::c_char;

/// A merchant with a gateway: its settings and secrets (held wiped-on-free, never
/// written out). Make it with `vietref_gateway_merchant_new`, free it with
/// `vietref_gateway_merchant_free`.
///
/// Thread safety: immutable; any number of threads may use it at the same time.
pub struct vietref_gateway_merchant {
    merchant: Merchant,
}

/// Makes a merchant: `provider` is `vnpay`, `momo` or `zalopay`; `settings_json` the
/// settings (`{"merchantCode", "accessKey", "returnUrl", "notifyUrl", "endpoint",
/// "orderInfoBudget", "orderType", "locale", "expireMinutes", "appUser"}`); `secret` the
/// VNPAY hash secret, MoMo secret key or ZaloPay key1; `secret2` ZaloPay's key2 (empty for
/// the others). An unknown provider, settings that are not that JSON, or settings the
/// gateway cannot use (an empty secret, MoMo without `accessKey`, ZaloPay without key2 or
/// with a non-numeric app id) are `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// Each text is readable for its length (or NULL when the length is 0); `merchant_out`
/// points to a writable `vietref_gateway_merchant *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_gateway_merchant_new(
    provider: *const c_char,
    provider_len: usize,
    settings_json: *const c_char,
    settings_len: usize,
    secret: *const c_char,
    secret_len: usize,
    secret2: *const c_char,
    secret2_len: usize,
    merchant_out: *mut *mut vietref_gateway_merchant,
) -> vietref_status {
    ffi_boundary!({
        let provider = unsafe { text_arg(provider, provider_len) }?;
        let settings = unsafe { text_arg(settings_json, settings_len) }?;
        let secret = unsafe { text_arg(secret, secret_len) }?;
        let secret2 = unsafe { opt_text_arg(secret2, secret2_len) }?;
        let out = unsafe { out_arg(merchant_out) }?;
        let bad = vietref_status::VIETREF_INVALID_ARGUMENT;
        let provider: Provider = provider.parse().map_err(|_| bad)?;
        let settings: Settings = crate::json::from_str(settings).map_err(|_| bad)?;
        let merchant = Merchant::new(
            provider,
            settings,
            Secret::new(secret),
            secret2.map(Secret::new),
        )
        .map_err(|_| bad)?;
        out.write(into_handle(vietref_gateway_merchant { merchant }));
        Ok(())
    })
}

/// Frees a merchant (its secrets are wiped). NULL is ignored.
///
/// # Safety
/// `merchant` is NULL or a merchant not yet freed, used by no other thread.
#[no_mangle]
pub unsafe extern "C" fn vietref_gateway_merchant_free(merchant: *mut vietref_gateway_merchant) {
    ffi_boundary!(on_panic = (); { unsafe { free_handle(merchant) } })
}

fn options(text: &str) -> Result<RequestOptions, vietref_status> {
    crate::json::from_str(text).map_err(|_| vietref_status::VIETREF_INVALID_ARGUMENT)
}

fn request_json(
    m: &vietref_gateway_merchant,
    message: &vietref_message,
    opts: &RequestOptions,
) -> Result<String, vietref_status> {
    // Through the handle, so a refused setter's finding comes first, as in every report.
    let report = message.validate_with(&[]);
    let Some(msg) = report.cleaned else {
        return json(
            &serde_json::json!({"ok": false, "request": null, "findings": report.findings}),
        );
    };
    let r = gateway::request(&m.merchant, &msg, opts);
    let mut findings = report.findings;
    findings.extend(r.findings);
    json(
        &serde_json::json!({"ok": r.cleaned.is_some(), "request": r.cleaned, "findings": findings}),
    )
}

/// Builds the signed request for a message and writes `{"ok", "request", "findings"}`
/// (JSON, a new string owned by the caller): `request` is the URL to send the payer to
/// (VNPAY) or the JSON body to post (MoMo, ZaloPay), with the signed text and the
/// signature; `findings` those of the message's validation and of the rendering of the
/// order information (a message or code that cannot travel is `"ok": false`).
/// `options_json` is `{"createdAtMs", "attempt", "ipAddr", "requestId", "bankCode"}`
/// (`createdAtMs` required); not that JSON is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `merchant` and `message` are live handles; `options_json` is readable for
/// `options_len` bytes (or NULL when 0); `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_gateway_request(
    merchant: *const vietref_gateway_merchant,
    message: *const vietref_message,
    options_json: *const c_char,
    options_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let m = unsafe { handle_ref(merchant) }?;
        let msg = unsafe { handle_ref(message) }?;
        let opts = options(unsafe { text_arg(options_json, options_len) }?)?;
        unsafe { Dest::Owned(out).run(|| request_json(m, msg, &opts)) }
    })
}

/// `vietref_gateway_request` into the caller's buffer (see "Caller buffers").
///
/// # Safety
/// As `vietref_gateway_request`; `buf` is writable for `cap` bytes (or NULL when `cap` is
/// 0); `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_gateway_request_buf(
    merchant: *const vietref_gateway_merchant,
    message: *const vietref_message,
    options_json: *const c_char,
    options_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let m = unsafe { handle_ref(merchant) }?;
        let msg = unsafe { handle_ref(message) }?;
        let opts = options(unsafe { text_arg(options_json, options_len) }?)?;
        unsafe { Dest::Buf(buf, cap, len_out).run(|| request_json(m, msg, &opts)) }
    })
}

/// Verifies a callback (a VNPAY return URL or IPN query, a MoMo IPN body or redirect
/// query, a ZaloPay callback body) and writes the verification as JSON (`{"provider",
/// "verified", "callback", "findings", "answer"}`), a new string owned by the caller. A
/// forged, altered, foreign or malformed callback is `"verified": false` with findings; it
/// is still `VIETREF_OK` (the call worked).
///
/// # Safety
/// `merchant` is a live merchant; `callback` is readable for `callback_len` bytes (or NULL
/// when 0); `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_gateway_verify(
    merchant: *const vietref_gateway_merchant,
    callback: *const c_char,
    callback_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let m = unsafe { handle_ref(merchant) }?;
        let cb = unsafe { text_arg(callback, callback_len) }?;
        unsafe { Dest::Owned(out).run(|| json(&gateway::verify(&m.merchant, cb))) }
    })
}

/// `vietref_gateway_verify` into the caller's buffer (see "Caller buffers").
///
/// # Safety
/// As `vietref_gateway_verify`; `buf` is writable for `cap` bytes (or NULL when `cap` is
/// 0); `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_gateway_verify_buf(
    merchant: *const vietref_gateway_merchant,
    callback: *const c_char,
    callback_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let m = unsafe { handle_ref(merchant) }?;
        let cb = unsafe { text_arg(callback, callback_len) }?;
        unsafe { Dest::Buf(buf, cap, len_out).run(|| json(&gateway::verify(&m.merchant, cb))) }
    })
}

/// Verifies a callback and settles it against the reconciler's open invoices: a trusted,
/// successful payment is fed as statement line `line` (gateway `VNPAY`, `MoMo` or
/// `ZaloPay`), so a replay is `duplicate`, a wrong amount `partial` or `overpaid`, an
/// unknown reference changes nothing. Writes `{"provider", "applied", "result",
/// "findings", "answer"}` (JSON; `answer` is what to reply to the gateway), a new string
/// owned by the caller. No `_buf` twin: the call changes the reconciler.
///
/// # Safety
/// `merchant` is a live merchant; `reconciler` a live reconciler used by no other thread
/// during the call; `callback` is readable for `callback_len` bytes (or NULL when 0); `out`
/// points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_gateway_settle(
    merchant: *const vietref_gateway_merchant,
    reconciler: *mut vietref_reconciler,
    callback: *const c_char,
    callback_len: usize,
    line: u64,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let m = unsafe { handle_ref(merchant) }?;
        let r = unsafe { handle_mut(reconciler) }?;
        let cb = unsafe { text_arg(callback, callback_len) }?;
        let out = unsafe { out_arg(out) }?;
        let v = gateway::verify(&m.merchant, cb);
        let s = gateway::settle(&v, &mut r.reconciler, line);
        out.write_string(json(&s)?);
        Ok(())
    })
}

fn simulate(
    m: &vietref_gateway_merchant,
    message: &vietref_message,
    opts: &RequestOptions,
    code: &str,
    transaction: u64,
    at_ms: u64,
) -> Result<String, vietref_status> {
    let msg = message
        .validate_with(&[])
        .cleaned
        .ok_or(vietref_status::VIETREF_INVALID_ARGUMENT)?;
    let req = gateway::request(&m.merchant, &msg, opts)
        .cleaned
        .ok_or(vietref_status::VIETREF_INVALID_ARGUMENT)?;
    Ok(gateway::simulate_callback(
        &m.merchant,
        &req,
        code,
        transaction,
        at_ms,
    ))
}

/// For tests and demos: the callback the gateway would send for the request
/// `vietref_gateway_request` builds from the same message and options, with result `code`
/// (VNPAY `vnp_ResponseCode` such as `00` or `24`; MoMo `resultCode` such as `0` or
/// `1006`; ignored for ZaloPay, which calls back on success only), the gateway's
/// `transaction` number and the payment time `at_ms` (Unix milliseconds), signed with the
/// merchant's secret. A message or options from which no request can be built is
/// `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `merchant` and `message` are live handles; each text is readable for its length (or
/// NULL when 0); `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_gateway_simulate_callback(
    merchant: *const vietref_gateway_merchant,
    message: *const vietref_message,
    options_json: *const c_char,
    options_len: usize,
    code: *const c_char,
    code_len: usize,
    transaction: u64,
    at_ms: u64,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let m = unsafe { handle_ref(merchant) }?;
        let msg = unsafe { handle_ref(message) }?;
        let opts = options(unsafe { text_arg(options_json, options_len) }?)?;
        let code = unsafe { text_arg(code, code_len) }?;
        unsafe { Dest::Owned(out).run(|| simulate(m, msg, &opts, code, transaction, at_ms)) }
    })
}

/// `vietref_gateway_simulate_callback` into the caller's buffer (see "Caller buffers").
///
/// # Safety
/// As `vietref_gateway_simulate_callback`; `buf` is writable for `cap` bytes (or NULL when
/// `cap` is 0); `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_gateway_simulate_callback_buf(
    merchant: *const vietref_gateway_merchant,
    message: *const vietref_message,
    options_json: *const c_char,
    options_len: usize,
    code: *const c_char,
    code_len: usize,
    transaction: u64,
    at_ms: u64,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let m = unsafe { handle_ref(merchant) }?;
        let msg = unsafe { handle_ref(message) }?;
        let opts = options(unsafe { text_arg(options_json, options_len) }?)?;
        let code = unsafe { text_arg(code, code_len) }?;
        unsafe {
            Dest::Buf(buf, cap, len_out).run(|| simulate(m, msg, &opts, code, transaction, at_ms))
        }
    })
}
