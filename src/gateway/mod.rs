//! Payment gateways: signed requests and verified callbacks for VNPAY, MoMo and ZaloPay.
//!
//! A school portal or a hospital kiosk that takes payment on the web hands the payer to a
//! gateway with a signed request, and learns the result from the gateway's callback (the
//! return URL the payer's browser comes back to, and the server-to-server IPN). This module:
//!
//! - builds the signed request from a [`PaymentMessage`] ([`request`]): the order
//!   information is the message rendered through the gateway's channel profile (ASCII,
//!   its length), with the loss report; the invoice code travels in the gateway's reference
//!   field so that it comes back in the callback;
//! - verifies a callback ([`verify`]): the signature (HMAC, compared in constant time), the
//!   merchant, every field's form, and maps the gateway's codes to one [`Outcome`] (the
//!   gateway's own code kept);
//! - settles a verified callback against the open invoices ([`settle`]): it becomes a
//!   [`StatementLine`] (gateway `VNPAY`, `MoMo` or `ZaloPay`) fed to the [`Reconciler`], so
//!   a replay is `duplicate`, a wrong amount `partial` or `overpaid`, an unknown reference
//!   `unknown_code`, as for bank lines; and writes the answer the gateway expects.
//!
//! Nothing from a callback is applied unless its signature verifies with the merchant's
//! [`Secret`] and it names this merchant. The field lists, orders, encodings and codes, with
//! their sources, are in `docs/gateway.md`.

mod momo;
mod secret;
mod sign;
mod vnpay;
mod zalopay;

pub use secret::Secret;

use crate::finding::{Code, Finding, Report};
use crate::memo::{self, Charset, Profile};
use crate::reconcile::{LineResult, Reconciler, StatementLine, Status};
use crate::PaymentMessage;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A supported gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// VNPAY payment gateway, payment URL version 2.1.0.
    Vnpay,
    /// MoMo payment gateway, API v2 (`/v2/gateway/api/create`).
    Momo,
    /// ZaloPay, API v2 (`/v2/create`).
    Zalopay,
}

impl Provider {
    /// Every provider.
    pub const ALL: [Provider; 3] = [Provider::Vnpay, Provider::Momo, Provider::Zalopay];

    /// `vnpay`, `momo`, `zalopay`.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Vnpay => "vnpay",
            Provider::Momo => "momo",
            Provider::Zalopay => "zalopay",
        }
    }

    /// The name written as a statement line's gateway: `VNPAY`, `MoMo`, `ZaloPay`.
    pub fn display_name(self) -> &'static str {
        match self {
            Provider::Vnpay => "VNPAY",
            Provider::Momo => "MoMo",
            Provider::Zalopay => "ZaloPay",
        }
    }
}

impl std::str::FromStr for Provider {
    type Err = String;
    fn from_str(s: &str) -> Result<Provider, String> {
        Provider::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown provider {s:?}; expected vnpay, momo or zalopay"))
    }
}

/// What the gateway says happened to the payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The money was taken.
    Succeeded,
    /// The payment failed.
    Failed,
    /// Not final yet (processing, authorized but not captured, held for review).
    Pending,
    /// The payer cancelled.
    Cancelled,
}

impl Outcome {
    /// `succeeded`, `failed`, `pending`, `cancelled`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Succeeded => "succeeded",
            Outcome::Failed => "failed",
            Outcome::Pending => "pending",
            Outcome::Cancelled => "cancelled",
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Outcome::Succeeded => "thành công",
            Outcome::Failed => "thất bại",
            Outcome::Pending => "đang chờ xử lý",
            Outcome::Cancelled => "đã bị hủy",
        }
    }
}

/// A merchant's settings with a gateway, without its secrets (the JSON form the CLI, the C
/// ABI and the bindings read; camelCase keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Settings {
    /// The merchant's code at the gateway: VNPAY `vnp_TmnCode`, MoMo `partnerCode`,
    /// ZaloPay `app_id`.
    pub merchant_code: String,
    /// MoMo's access key (sent in the clear in the signed string; not a secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key: Option<String>,
    /// Where the payer's browser returns: VNPAY `vnp_ReturnUrl`, MoMo `redirectUrl`,
    /// ZaloPay `embed_data.redirecturl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    /// Where the gateway notifies the server: MoMo `ipnUrl`, ZaloPay `callback_url`
    /// (VNPAY's IPN URL is registered with VNPAY, not sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_url: Option<String>,
    /// The gateway's endpoint; the sandbox's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// Most characters of the order information; the gateway's documented length when
    /// absent (VNPAY 255, MoMo 255, ZaloPay 256).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_info_budget: Option<usize>,
    /// VNPAY `vnp_OrderType` (default `other`), MoMo `requestType` (default
    /// `captureWallet`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_type: Option<String>,
    /// VNPAY `vnp_Locale` (default `vn`), MoMo `lang` (default `vi`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Minutes before a VNPAY payment URL expires (`vnp_ExpireDate`; default 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_minutes: Option<u32>,
    /// ZaloPay `app_user` (default `vietref`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_user: Option<String>,
    /// The CLI's: a file holding the secret (never read by the library).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_file: Option<String>,
    /// The CLI's: an environment variable holding the secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_env: Option<String>,
    /// The CLI's: a file holding the second secret (ZaloPay key2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret2_file: Option<String>,
    /// The CLI's: an environment variable holding the second secret (ZaloPay key2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret2_env: Option<String>,
}

/// A merchant: its gateway, settings and secrets.
#[derive(Debug, Clone)]
pub struct Merchant {
    provider: Provider,
    settings: Settings,
    /// VNPAY hash secret, MoMo secret key, ZaloPay key1.
    secret: Secret,
    /// ZaloPay key2 (callbacks).
    secret2: Option<Secret>,
}

impl Merchant {
    /// A merchant; `Err` lists what is wrong with the settings (`gateway.config_invalid`).
    /// `secret2` is ZaloPay's key2 (required for ZaloPay, refused for the others).
    pub fn new(
        provider: Provider,
        settings: Settings,
        secret: Secret,
        secret2: Option<Secret>,
    ) -> Result<Merchant, Vec<Finding>> {
        let mut f = Vec::new();
        let mut bad = |field: &str, en: &str, vi: &str| {
            f.push(
                Finding::new(Code::GatewayConfigInvalid, field.to_string())
                    .detail_both(en.to_string(), vi.to_string()),
            )
        };
        let code = settings.merchant_code.as_str();
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            bad(
                "merchantCode",
                "the merchant code must be letters, digits or _",
                "mã đơn vị phải gồm chữ cái, chữ số hoặc _",
            );
        }
        if secret.is_empty() {
            bad("secret", "the secret is empty", "khóa bí mật đang để trống");
        }
        match provider {
            Provider::Zalopay => {
                if !code.bytes().all(|b| b.is_ascii_digit()) {
                    bad(
                        "merchantCode",
                        "ZaloPay's app_id is a number",
                        "app_id của ZaloPay phải là số",
                    );
                }
                if secret2.as_ref().is_none_or(Secret::is_empty) {
                    bad(
                        "secret2",
                        "ZaloPay callbacks are verified with key2, which is missing",
                        "thiếu key2 dùng để xác thực lời gọi lại của ZaloPay",
                    );
                }
            }
            Provider::Momo => {
                if settings.access_key.as_deref().is_none_or(str::is_empty) {
                    bad(
                        "accessKey",
                        "MoMo signs with the access key, which is missing",
                        "thiếu accessKey mà MoMo dùng trong chữ ký",
                    );
                }
            }
            Provider::Vnpay => {}
        }
        if provider != Provider::Zalopay && secret2.is_some() {
            bad(
                "secret2",
                "only ZaloPay has a second key",
                "chỉ ZaloPay có khóa thứ hai",
            );
        }
        if settings.order_info_budget == Some(0) {
            bad(
                "orderInfoBudget",
                "the budget must be above 0",
                "giới hạn ký tự phải lớn hơn 0",
            );
        }
        if f.is_empty() {
            Ok(Merchant {
                provider,
                settings,
                secret,
                secret2,
            })
        } else {
            Err(f)
        }
    }

    /// The gateway.
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}

/// What a request is built from besides the message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestOptions {
    /// When the request is made, Unix time in milliseconds (VNPAY `vnp_CreateDate` and
    /// `vnp_ExpireDate` in Vietnam's time, ZaloPay `app_time` and the date prefix of
    /// `app_trans_id`).
    pub created_at_ms: u64,
    /// The payment attempt for this invoice (1, 2, …), written after the code so that each
    /// attempt has its own reference (VNPAY requires `vnp_TxnRef` unique per day, MoMo
    /// `orderId` unique). None: the code alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u32>,
    /// The payer's IP address (VNPAY `vnp_IpAddr`; default `127.0.0.1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_addr: Option<String>,
    /// MoMo `requestId` (default: the reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// VNPAY `vnp_BankCode` (optional; the payer chooses at VNPAY when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_code: Option<String>,
}

/// A signed request, ready to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedRequest {
    /// The gateway.
    pub provider: Provider,
    /// `GET` (VNPAY: redirect the payer's browser to `url`) or `POST` (MoMo, ZaloPay:
    /// post `body` as JSON to `url`, then send the payer to the returned pay URL).
    pub method: &'static str,
    /// The payment URL (VNPAY, with its query) or the endpoint (MoMo, ZaloPay).
    pub url: String,
    /// The JSON body (MoMo, ZaloPay).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<serde_json::Value>,
    /// The fields, in the order they are signed or sent.
    pub fields: Vec<(String, String)>,
    /// The exact text that was signed (no secret in it).
    pub signed_data: String,
    /// The signature (lower-case hexadecimal HMAC).
    pub signature: String,
    /// The gateway's reference field: the invoice code (adapted to the field's
    /// characters), and `_` and the attempt when one is given.
    pub reference: String,
    /// The order information as sent.
    pub order_info: String,
    /// Fields of the message in the order information, whole or cut.
    pub included: Vec<&'static str>,
    /// Fields of the message left out of the order information.
    pub omitted: Vec<&'static str>,
    /// Fields in the order information that were cut.
    pub clipped: Vec<&'static str>,
}

/// The answer the gateway expects to a callback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// The HTTP status to answer with.
    pub http_status: u16,
    /// The body (JSON text), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// What a verified callback says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Callback {
    /// The outcome.
    pub outcome: Outcome,
    /// The gateway's own code (VNPAY `vnp_ResponseCode`, MoMo `resultCode`, ZaloPay `1`:
    /// ZaloPay calls back on success only).
    pub gateway_code: String,
    /// The gateway's transaction status, where it has one (VNPAY
    /// `vnp_TransactionStatus`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gateway_status: Option<String>,
    /// The reference as the gateway sent it back.
    pub reference: String,
    /// The invoice code part of the reference (before `_` and the attempt).
    pub invoice: String,
    /// The attempt number, when the reference has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u32>,
    /// The amount, in đồng.
    pub amount: u64,
    /// The gateway's transaction number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction: Option<String>,
    /// When it was paid, as the gateway wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_at: Option<String>,
}

/// The result of verifying a callback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// The gateway.
    pub provider: Provider,
    /// Whether the callback is trusted: its signature verifies, it names this merchant and
    /// every field is of its form (then `callback` is set).
    pub verified: bool,
    /// What it says, when trusted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback: Option<Callback>,
    /// Every finding.
    pub findings: Vec<Finding>,
    /// The answer to give the gateway when the callback is not settled (a refused one's).
    pub answer: Answer,
}

/// The result of settling a callback against the open invoices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settlement {
    /// The gateway.
    pub provider: Provider,
    /// Whether a statement line was fed to the reconciler.
    pub applied: bool,
    /// The reconciler's result for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<LineResult>,
    /// The verification's findings and those of settling.
    pub findings: Vec<Finding>,
    /// The answer to give the gateway.
    pub answer: Answer,
}

impl Callback {
    /// The statement line this callback stands for: the amount, the invoice code as the
    /// content, the gateway's transaction number as the reference, the payment time as the
    /// date and the gateway's name (`VNPAY`, `MoMo`, `ZaloPay`) as the gateway.
    pub fn statement_line(&self, provider: Provider, line: u64) -> Option<StatementLine> {
        let amount = crate::message::Amount::new(self.amount)?;
        let mut l = StatementLine::new(line, amount, self.invoice.clone());
        l.reference = Some(
            self.transaction
                .clone()
                .unwrap_or_else(|| self.reference.clone()),
        );
        l.date = self.paid_at.clone();
        l.gateway = Some(provider.display_name().to_string());
        Some(l)
    }
}

/// Builds the signed request for a message.
///
/// The order information is the message rendered ([`memo::render`]) through the gateway's
/// channel profile ([`order_info_profile`]); the reference is the invoice code rendered
/// through [`reference_profile`], then `_` and the attempt. Findings of the rendering
/// (folded, cut, left out, a code that cannot travel) are reported; a code that cannot
/// travel is an error and no request is built.
pub fn request(
    m: &Merchant,
    message: &PaymentMessage,
    opts: &RequestOptions,
) -> Report<SignedRequest> {
    let mut findings = Vec::new();
    let info = memo::render(message, &order_info_profile(m));
    findings.extend(info.findings.iter().cloned());
    let code = memo::render(message, &reference_profile(m.provider));
    findings.extend(
        code.findings
            .iter()
            .filter(|f| f.code != Code::MemoFieldNotCarried)
            .cloned(),
    );
    if !info.is_ok() || !code.is_ok() {
        return Report {
            findings,
            cleaned: None,
        };
    }
    let mut reference = code.text.clone();
    if let Some(a) = opts.attempt {
        reference.push('_');
        reference.push_str(&a.to_string());
    }
    let amount = message.amount().map(|a| a.vnd());
    let Some(amount) = amount else {
        findings.push(missing("amount"));
        return Report {
            findings,
            cleaned: None,
        };
    };
    let list = |l: &memo::FieldList| l.iter().copied().collect::<Vec<_>>();
    let parts = Parts {
        reference,
        order_info: info.text.clone(),
        amount,
        included: list(&info.included),
        omitted: list(&info.omitted),
        clipped: list(&info.clipped),
    };
    let built = match m.provider {
        Provider::Vnpay => vnpay::request(m, parts, opts),
        Provider::Momo => momo::request(m, parts, opts),
        Provider::Zalopay => zalopay::request(m, parts, opts),
    };
    match built {
        Ok(r) => Report {
            findings,
            cleaned: Some(r),
        },
        Err(f) => {
            findings.extend(f);
            Report {
                findings,
                cleaned: None,
            }
        }
    }
}

/// What the provider modules get from [`request`].
pub(crate) struct Parts {
    reference: String,
    order_info: String,
    amount: u64,
    included: Vec<&'static str>,
    omitted: Vec<&'static str>,
    clipped: Vec<&'static str>,
}

/// The channel profile of a merchant's order information: ASCII letters, digits and
/// space (VNPAY asks for Vietnamese without diacritics and no special characters), within
/// the gateway's length or the merchant's `orderInfoBudget`.
pub fn order_info_profile(m: &Merchant) -> Profile {
    let (name, budget, source) = match m.provider {
        Provider::Vnpay => (
            "vnpay-order-info",
            255,
            "VNPAY payment URL 2.1.0: vnp_OrderInfo Alphanumeric[1,255], Vietnamese without diacritics, no special characters.",
        ),
        Provider::Momo => (
            "momo-order-info",
            255,
            "MoMo API v2 create: orderInfo String; vietref keeps to 255 ASCII letters, digits and spaces.",
        ),
        Provider::Zalopay => (
            "zalopay-description",
            256,
            "ZaloPay API v2 create: description String(256).",
        ),
    };
    Profile::new(
        name,
        Charset::MEMO,
        m.settings.order_info_budget.unwrap_or(budget),
        source,
    )
}

/// The channel profile of the reference field: letters, digits and `-` (the `_` is kept
/// for the attempt), the invoice code only, within the field's length less room for the
/// attempt (VNPAY `vnp_TxnRef` 100, MoMo `orderId` 50, ZaloPay `app_trans_id` 40 less the
/// `yymmdd_` date prefix).
pub fn reference_profile(p: Provider) -> Profile {
    let (name, budget, source) = match p {
        Provider::Vnpay => ("vnpay-txnref", 88, "VNPAY vnp_TxnRef Alphanumeric[1,100]."),
        Provider::Momo => (
            "momo-order-id",
            38,
            "MoMo orderId String(50), ^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$.",
        ),
        Provider::Zalopay => (
            "zalopay-app-trans-id",
            22,
            "ZaloPay app_trans_id String(40), starting with yymmdd_ in Vietnam's time.",
        ),
    };
    Profile {
        name: Cow::Borrowed(name),
        charset: Charset::from_spec("A-Za-z0-9-").expect("a valid set"),
        budget,
        source: Cow::Borrowed(source),
        reference_only: true,
    }
}

/// Splits a reference into the invoice code part and the attempt.
fn split_reference(reference: &str) -> (String, Option<u32>) {
    if let Some((code, attempt)) = reference.rsplit_once('_') {
        if let Ok(n) = attempt.parse::<u32>() {
            if !attempt.starts_with('+') {
                return (code.to_string(), Some(n));
            }
        }
    }
    (reference.to_string(), None)
}

/// Verifies a callback: a VNPAY return URL or IPN query, a MoMo IPN body (JSON) or
/// redirect query, a ZaloPay callback body (JSON).
pub fn verify(m: &Merchant, input: &str) -> Verification {
    let mut findings = Vec::new();
    let callback = match m.provider {
        Provider::Vnpay => vnpay::verify(m, input, &mut findings),
        Provider::Momo => momo::verify(m, input, &mut findings),
        Provider::Zalopay => zalopay::verify(m, input, &mut findings),
    };
    let callback = callback.filter(|_| !crate::finding::has_error(&findings));
    let answer = if callback.is_some() {
        answer(m.provider, Reply::Ok)
    } else if findings.iter().any(|f| {
        matches!(
            f.code,
            Code::GatewaySignatureInvalid | Code::GatewaySignatureMissing
        )
    }) {
        answer(m.provider, Reply::BadSignature)
    } else {
        answer(m.provider, Reply::Invalid)
    };
    Verification {
        provider: m.provider,
        verified: callback.is_some(),
        callback,
        findings,
        answer,
    }
}

/// Settles a verification against the open invoices of `r`.
///
/// A refused callback is not fed (its answer is the verification's). A trusted callback of
/// a payment that did not succeed is not fed either (`gateway.not_succeeded`). A trusted,
/// successful one is fed as line `line` ([`Callback::statement_line`]); the reconciler's
/// status decides the rest: `paid` is confirmed; `partial` and `overpaid` are recorded with
/// `gateway.amount_differs` (VNPAY is answered `04`, invalid amount); `duplicate` is a
/// replay (`gateway.replayed`; VNPAY `02`, ZaloPay `2`); `unknown_code`, `ambiguous` and
/// `unmatched` name no open invoice (`gateway.reference_unknown`; VNPAY `01`) and change
/// nothing.
pub fn settle(v: &Verification, r: &mut Reconciler, line: u64) -> Settlement {
    let mut findings = v.findings.clone();
    let done = |findings, applied, result, answer| Settlement {
        provider: v.provider,
        applied,
        result,
        findings,
        answer,
    };
    let Some(c) = &v.callback else {
        return done(findings, false, None, v.answer.clone());
    };
    if c.outcome != Outcome::Succeeded {
        findings.push(
            Finding::new(Code::GatewayNotSucceeded, "outcome").detail_both(
                format!("{} (code {})", c.outcome.as_str(), c.gateway_code),
                format!("{} (mã {})", c.outcome.vi(), c.gateway_code),
            ),
        );
        return done(findings, false, None, answer(v.provider, Reply::Ok));
    }
    let Some(l) = c.statement_line(v.provider, line) else {
        findings.push(
            Finding::new(Code::GatewayFieldInvalid, "amount")
                .detail_both("the amount is 0".to_string(), "số tiền bằng 0".to_string()),
        );
        return done(findings, false, None, answer(v.provider, Reply::Invalid));
    };
    let res = r.feed(l);
    let reply = match res.status {
        Status::Paid => Reply::Ok,
        Status::Partial | Status::Overpaid => {
            let due = res.evidence.amount_due.unwrap_or(0);
            findings.push(
                Finding::new(Code::GatewayAmountDiffers, "amount").detail_both(
                    format!(
                        "{} paid, {} due on {} ({})",
                        res.amount,
                        due,
                        res.invoice.as_deref().unwrap_or("?"),
                        res.status
                    ),
                    format!(
                        "đã trả {}, phải trả {} cho hóa đơn {} ({})",
                        res.amount,
                        due,
                        res.invoice.as_deref().unwrap_or("?"),
                        if res.status == Status::Partial {
                            "trả thiếu"
                        } else {
                            "trả thừa"
                        }
                    ),
                ),
            );
            Reply::AmountDiffers
        }
        Status::Duplicate => {
            findings.push(
                Finding::new(Code::GatewayReplayed, "reference")
                    .detail(res.invoice.clone().unwrap_or_default()),
            );
            Reply::Replayed
        }
        Status::UnknownCode | Status::Ambiguous | Status::Unmatched => {
            findings.push(
                Finding::new(Code::GatewayReferenceUnknown, "reference").detail(c.invoice.clone()),
            );
            Reply::Unknown
        }
    };
    let applied = res.status.is_applied();
    done(findings, applied, Some(res), answer(v.provider, reply))
}

/// Which answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reply {
    Ok,
    BadSignature,
    Invalid,
    AmountDiffers,
    Replayed,
    Unknown,
}

fn answer(p: Provider, r: Reply) -> Answer {
    let json = |s: &str| Answer {
        http_status: 200,
        body: Some(s.to_string()),
    };
    match p {
        // VNPAY IPN: the merchant answers {"RspCode": .., "Message": ..}.
        Provider::Vnpay => json(match r {
            Reply::Ok => r#"{"RspCode":"00","Message":"Confirm Success"}"#,
            Reply::Unknown => r#"{"RspCode":"01","Message":"Order not found"}"#,
            Reply::Replayed => r#"{"RspCode":"02","Message":"Order already confirmed"}"#,
            Reply::AmountDiffers => r#"{"RspCode":"04","Message":"Invalid amount"}"#,
            Reply::BadSignature => r#"{"RspCode":"97","Message":"Invalid signature"}"#,
            Reply::Invalid => r#"{"RspCode":"99","Message":"Unknown error"}"#,
        }),
        // MoMo: HTTP 204, no body, whatever the merchant concluded.
        Provider::Momo => Answer {
            http_status: 204,
            body: None,
        },
        // ZaloPay: return_code 1 success, 2 already processed, anything else makes
        // ZaloPay call back again (up to 3 times).
        Provider::Zalopay => json(match r {
            Reply::Ok | Reply::AmountDiffers => r#"{"return_code":1,"return_message":"success"}"#,
            Reply::Replayed => r#"{"return_code":2,"return_message":"already processed"}"#,
            Reply::BadSignature => r#"{"return_code":-1,"return_message":"mac not equal"}"#,
            Reply::Unknown => r#"{"return_code":0,"return_message":"order not found"}"#,
            Reply::Invalid => r#"{"return_code":0,"return_message":"invalid callback"}"#,
        }),
    }
}

/// The callback the gateway would send for `req` (a VNPAY return/IPN query, a MoMo IPN
/// body, a ZaloPay callback body), signed with the merchant's secret: for tests, demos and
/// sandboxes without the gateway. `code` is the gateway's result code (VNPAY
/// `vnp_ResponseCode`, MoMo `resultCode`; ZaloPay calls back on success only and ignores
/// it), `transaction` the gateway's transaction number, `at_ms` the payment time.
pub fn simulate_callback(
    m: &Merchant,
    req: &SignedRequest,
    code: &str,
    transaction: u64,
    at_ms: u64,
) -> String {
    match m.provider {
        Provider::Vnpay => vnpay::simulate(m, req, code, transaction, at_ms),
        Provider::Momo => momo::simulate(m, req, code, transaction, at_ms),
        Provider::Zalopay => zalopay::simulate(m, req, transaction, at_ms),
    }
}

// ---- shared by the provider modules

fn missing(field: &str) -> Finding {
    Finding::new(Code::GatewayFieldMissing, field.to_string()).detail(format!("{field:?}"))
}

fn no_signature(field: &'static str) -> Finding {
    Finding::new_static(Code::GatewaySignatureMissing, field).detail(format!("{field:?}"))
}

fn bad_signature(field: &'static str) -> Finding {
    Finding::new_static(Code::GatewaySignatureInvalid, field).detail(format!("{field:?}"))
}

fn invalid(field: &str, en: impl Into<String>, vi: impl Into<String>) -> Finding {
    Finding::new(Code::GatewayFieldInvalid, field.to_string()).detail_both(en, vi)
}

fn unknown(field: &str) -> Finding {
    let shown: String = field.chars().take(40).collect();
    Finding::new(Code::GatewayUnknownField, "callback").detail(format!("{shown:?}"))
}

fn input_invalid(en: impl Into<String>, vi: impl Into<String>) -> Finding {
    Finding::new(Code::GatewayInputInvalid, "callback").detail_both(en, vi)
}

/// A positive whole number of đồng written in digits.
fn parse_amount(field: &str, v: &str, f: &mut Vec<Finding>) -> Option<u64> {
    let n = (!v.is_empty() && v.len() <= 19 && v.bytes().all(|b| b.is_ascii_digit()))
        .then(|| v.parse::<u64>().ok())
        .flatten();
    if n.is_none() {
        f.push(invalid(
            field,
            format!("{:?} is not a whole number of đồng", short(v)),
            format!("{:?} không phải số nguyên đồng", short(v)),
        ));
    }
    n
}

fn short(v: &str) -> String {
    let mut s: String = v.chars().take(40).collect();
    if s.len() < v.len() {
        s.push('…');
    }
    s
}

/// The reference as sent back, checked: letters, digits, `-`, `_`; split into the code and
/// the attempt.
fn check_reference(
    field: &str,
    reference: &str,
    f: &mut Vec<Finding>,
) -> Option<(String, Option<u32>)> {
    let ok = !reference.is_empty()
        && reference.len() <= 100
        && reference
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        f.push(
            Finding::new(Code::GatewayReferenceInvalid, field.to_string())
                .detail(format!("{:?}", short(reference))),
        );
        return None;
    }
    let (code, attempt) = split_reference(reference);
    if code.is_empty() || code.contains('_') {
        f.push(
            Finding::new(Code::GatewayReferenceInvalid, field.to_string())
                .detail(format!("{:?}", short(reference))),
        );
        return None;
    }
    Some((code, attempt))
}
