//! The payment message: the ministry's template (payer, beneficiary, reason, invoice) plus
//! the sector and the amount.
//!
//! A [`MessageDraft`] holds what a user typed; [`MessageDraft::validate`] turns it into a
//! [`Report`] whose `cleaned` value is a [`PaymentMessage`], a value that can only exist
//! valid and normalized. Every finding of every field is collected.
//!
//! # Example
//!
//! ```
//! use vietref::{MessageDraft, Sector};
//!
//! let draft = MessageDraft {
//!     sector: Some("health".into()),
//!     payer_name: Some("Trần Thị Mai".into()),
//!     reason: Some("Viện phí đợt 2".into()),
//!     invoice: Some("1C24TAA-00001234".into()),
//!     ..MessageDraft::default()
//! };
//! let msg = draft.validate().cleaned.expect("a hospital message needs no beneficiary");
//! assert_eq!(msg.sector(), Sector::Health);
//! assert_eq!(msg.invoice().as_str(), "1C24TAA1234");
//! ```

use crate::finding::{Code, Finding, Report};
use crate::reference::InvoiceRef;
use crate::text;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest payment reason, in characters (ISO 20022 `Ustrd` is 140).
pub const REASON_MAX_CHARS: usize = 140;
/// Most digits an amount may have (VietQR tag 54 holds 13 characters).
pub const AMOUNT_MAX_DIGITS: usize = 13;

/// Which rules apply: schools require the beneficiary, hospitals do not ("nếu có").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sector {
    /// Schools: the beneficiary (the student) is required.
    Education,
    /// Hospitals: the beneficiary (the patient) is optional.
    Health,
}

impl Sector {
    /// `"education"` or `"health"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Education => "education",
            Sector::Health => "health",
        }
    }
}

impl std::str::FromStr for Sector {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        // The names as they are usually written, before trimming and comparing in any case.
        match s {
            "education" => return Ok(Sector::Education),
            "health" => return Ok(Sector::Health),
            _ => {}
        }
        let s = s.trim();
        let is = |names: &[&str]| names.iter().any(|n| s.eq_ignore_ascii_case(n));
        if is(&["education", "school", "giaoduc", "giao-duc"]) {
            Ok(Sector::Education)
        } else if is(&["health", "hospital", "yte", "y-te"]) {
            Ok(Sector::Health)
        } else {
            Err(s.to_string())
        }
    }
}

macro_rules! text_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The normalized text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

text_newtype!(
    /// A person's full name in its display form: NFC, single spaces, capital first letter
    /// per syllable, only Vietnamese letters, space, apostrophe and hyphen. The tone style is
    /// the one the person wrote.
    PersonName
);
text_newtype!(
    /// A payment reason: normalized free text, no control, bidi or invisible characters,
    /// at most [`REASON_MAX_CHARS`] characters.
    Reason
);

impl PersonName {
    /// Validates and normalizes a name; `field` names it in findings.
    pub fn parse(input: &str, field: &str) -> Report<PersonName> {
        let r = text::check_name(input, field);
        Report {
            findings: r.findings,
            cleaned: r.cleaned.map(PersonName),
        }
    }

    /// The matching key ([`text::key`]): equal for names that differ only in case,
    /// spacing, normal form or tone style.
    pub fn key(&self) -> String {
        text::key(&self.0)
    }
}

impl Reason {
    /// Validates and normalizes a reason; `field` names it in findings.
    pub fn parse(input: &str, field: &str) -> Report<Reason> {
        let (norm, mut findings) = text::check_text(input, field);
        let n = if norm.len() <= REASON_MAX_CHARS {
            norm.len()
        } else {
            norm.chars().count()
        };
        if norm.is_empty() && !crate::finding::has_error(&findings) {
            findings.push(Finding::new(Code::TextEmpty, field));
        } else if n > REASON_MAX_CHARS {
            findings.push(
                Finding::new(Code::TextTooLong, field)
                    .limit(REASON_MAX_CHARS)
                    .detail(n.to_string()),
            );
        }
        let cleaned = (!crate::finding::has_error(&findings)).then_some(Reason(norm));
        Report { findings, cleaned }
    }
}

/// An amount in đồng: an integer greater than zero with at most 13 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Amount(u64);

impl Amount {
    /// The largest amount (13 nines).
    pub const MAX: u64 = 9_999_999_999_999;

    /// An amount, if `vnd` is in 1..=[`Amount::MAX`].
    pub fn new(vnd: u64) -> Option<Amount> {
        (1..=Self::MAX).contains(&vnd).then_some(Amount(vnd))
    }

    /// The amount in đồng.
    pub fn vnd(self) -> u64 {
        self.0
    }

    fn check(value: &serde_json::Value, field: &str) -> Result<Amount, Finding> {
        // A whole number, the common case: what the digits it prints would give, without
        // printing them (a property test holds this equal to the string path).
        if let Some(v) = value.as_u64() {
            return match v {
                0 => Err(Finding::new(Code::MessageAmountZero, field)),
                1..=Self::MAX => Ok(Amount(v)),
                _ => Err(Finding::new(Code::MessageAmountTooLarge, field)
                    .limit(AMOUNT_MAX_DIGITS)
                    .detail(v.to_string())),
            };
        }
        let digits = match value {
            serde_json::Value::Number(n) => match n.as_u64() {
                Some(v) => v.to_string(),
                None => {
                    return Err(
                        Finding::new(Code::MessageAmountInvalid, field).detail(n.to_string())
                    )
                }
            },
            serde_json::Value::String(s) => s.trim().to_string(),
            other => {
                return Err(
                    Finding::new(Code::MessageAmountInvalid, field).detail(other.to_string())
                )
            }
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(
                Finding::new(Code::MessageAmountInvalid, field).detail(format!("{digits:?}"))
            );
        }
        let significant = digits.trim_start_matches('0');
        if significant.is_empty() {
            return Err(Finding::new(Code::MessageAmountZero, field));
        }
        if significant.len() > AMOUNT_MAX_DIGITS {
            return Err(Finding::new(Code::MessageAmountTooLarge, field)
                .limit(AMOUNT_MAX_DIGITS)
                .detail(significant.to_string()));
        }
        significant
            .parse::<u64>()
            .ok()
            .and_then(Amount::new)
            .ok_or_else(|| Finding::new(Code::MessageAmountInvalid, field).detail(digits))
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a user or a system hands in: every field optional and unchecked. JSON keys are
/// camelCase: `sector`, `payerName`, `beneficiaryName`, `reason`, `invoice`, `amount`
/// (a number or a string of digits).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MessageDraft {
    /// `education` or `health`.
    pub sector: Option<String>,
    /// Payer's full name (họ và tên người trả tiền).
    pub payer_name: Option<String>,
    /// Beneficiary's full name (họ và tên người thụ hưởng): the student or the patient.
    pub beneficiary_name: Option<String>,
    /// Payment reason (lý do thanh toán).
    pub reason: Option<String>,
    /// Invoice code or number (mã/số hóa đơn thanh toán).
    pub invoice: Option<String>,
    /// Amount in đồng.
    pub amount: Option<serde_json::Value>,
}

/// A valid, normalized payment message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentMessage {
    sector: Sector,
    payer_name: PersonName,
    #[serde(skip_serializing_if = "Option::is_none")]
    beneficiary_name: Option<PersonName>,
    reason: Reason,
    #[serde(serialize_with = "ser_invoice")]
    invoice: InvoiceRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<Amount>,
}

fn ser_invoice<S: serde::Serializer>(i: &InvoiceRef, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(i.as_str())
}

impl PaymentMessage {
    /// The sector.
    pub fn sector(&self) -> Sector {
        self.sector
    }
    /// The payer's name.
    pub fn payer_name(&self) -> &PersonName {
        &self.payer_name
    }
    /// The beneficiary's name, when there is one.
    pub fn beneficiary_name(&self) -> Option<&PersonName> {
        self.beneficiary_name.as_ref()
    }
    /// The reason.
    pub fn reason(&self) -> &Reason {
        &self.reason
    }
    /// The invoice reference.
    pub fn invoice(&self) -> &InvoiceRef {
        &self.invoice
    }
    /// The amount, when there is one.
    pub fn amount(&self) -> Option<Amount> {
        self.amount
    }

    /// Parses and validates a JSON message (the draft's shape).
    pub fn validate_json(json: &str) -> Result<Report<PaymentMessage>, serde_json::Error> {
        let draft: MessageDraft = crate::json::from_str(json)?;
        Ok(draft.validate())
    }
}

impl<'de> Deserialize<'de> for PaymentMessage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let draft = MessageDraft::deserialize(d)?;
        let report = draft.validate();
        match report.cleaned {
            Some(m) => Ok(m),
            None => {
                let msgs: Vec<String> = report.errors().map(|f| f.to_string()).collect();
                Err(serde::de::Error::custom(msgs.join("; ")))
            }
        }
    }
}

impl MessageDraft {
    /// Validates every field, collects every finding, and builds the message when there is
    /// no error. The invoice is classified without payment-code schemes (RF, e-invoice or
    /// opaque); see [`MessageDraft::validate_with`].
    pub fn validate(&self) -> Report<PaymentMessage> {
        self.validate_with(&[])
    }

    /// [`MessageDraft::validate`] knowing the institution's payment-code schemes: an
    /// invoice of a scheme's shape is then a payment code whose check digits must verify.
    pub fn validate_with(&self, schemes: &[crate::reference::Scheme]) -> Report<PaymentMessage> {
        let mut findings = Vec::new();
        let sector = match self.sector.as_deref() {
            None => {
                findings.push(Finding::new(Code::MessageFieldMissing, "sector"));
                None
            }
            Some(written) => match written.parse::<Sector>() {
                Ok(s) => {
                    if written != s.as_str() {
                        findings.push(
                            Finding::new(Code::MessageSectorNormalized, "sector")
                                .detail(format!("{written:?} → {}", s.as_str())),
                        );
                    }
                    Some(s)
                }
                Err(bad) => {
                    findings.push(
                        Finding::new(Code::MessageSectorInvalid, "sector")
                            .detail(format!("{bad:?}")),
                    );
                    None
                }
            },
        };
        let payer = required(
            &self.payer_name,
            "payerName",
            &mut findings,
            PersonName::parse,
        );
        let beneficiary = match self.beneficiary_name.as_deref() {
            // Not only whitespace: the first character other than whitespace is enough.
            Some(b) if !b.trim_start().is_empty() => {
                let mut r = PersonName::parse(b, "beneficiaryName");
                findings.append(&mut r.findings);
                r.cleaned
            }
            _ => {
                if sector == Some(Sector::Education) {
                    findings.push(Finding::new(
                        Code::MessageBeneficiaryRequired,
                        "beneficiaryName",
                    ));
                }
                None
            }
        };
        let reason = required(&self.reason, "reason", &mut findings, Reason::parse);
        let invoice = match self.invoice.as_deref() {
            None => {
                findings.push(Finding::new(Code::MessageFieldMissing, "invoice"));
                None
            }
            Some(s) => {
                let (inv, mut f) = InvoiceRef::parse_with(s, "invoice", schemes);
                findings.append(&mut f);
                inv
            }
        };
        let amount = match &self.amount {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(v) => Amount::check(v, "amount").map(Some),
        };
        let amount = match amount {
            Ok(a) => a,
            Err(f) => {
                findings.push(f);
                None
            }
        };
        let cleaned = match (sector, payer, reason, invoice) {
            (Some(sector), Some(payer_name), Some(reason), Some(invoice))
                if !crate::finding::has_error(&findings) =>
            {
                Some(PaymentMessage {
                    sector,
                    payer_name,
                    beneficiary_name: beneficiary,
                    reason,
                    invoice,
                    amount,
                })
            }
            _ => None,
        };
        Report { findings, cleaned }
    }
}

/// Why a setter refused the text given for a field (the C ABI's setters, and the bindings
/// over them, take text as bytes: they can be handed something that is not text at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RejectedText {
    /// The bytes are not UTF-8; `byte` is the 1-based position of the first bad byte.
    NotUtf8 {
        /// 1-based position of the first byte that is not UTF-8.
        byte: usize,
        /// Number of bytes given.
        len: usize,
    },
    /// A NULL pointer with a length other than 0.
    NullWithLength(usize),
    /// A length too large to be memory (more than `isize::MAX`).
    TooLong(usize),
}

/// The `message.value_rejected` error for `field` (`payerName`, …): the value given was
/// refused and not stored, so the message is not valid until the field is set again.
pub fn value_rejected(field: &'static str, why: RejectedText) -> Finding {
    let f = Finding::new_static(Code::MessageValueRejected, field);
    match why {
        RejectedText::NotUtf8 { byte, len } => f.detail_both(
            format!("the text is not UTF-8 (byte {byte} of {len})"),
            format!("dữ liệu không phải văn bản mã hóa UTF-8 (tại byte thứ {byte} trên {len})"),
        ),
        RejectedText::NullWithLength(len) => f.detail_both(
            format!("a NULL pointer was given with a length of {len}"),
            format!("con trỏ rỗng (NULL) được truyền kèm độ dài {len}"),
        ),
        RejectedText::TooLong(len) => f.detail_both(
            format!("a length of {len} bytes cannot be held in memory"),
            format!("độ dài {len} byte vượt quá bộ nhớ có thể chứa"),
        ),
    }
}

fn required<T>(
    value: &Option<String>,
    field: &str,
    findings: &mut Vec<Finding>,
    parse: impl Fn(&str, &str) -> Report<T>,
) -> Option<T> {
    match value {
        None => {
            findings.push(Finding::new(Code::MessageFieldMissing, field));
            None
        }
        Some(v) => {
            let mut r = parse(v, field);
            findings.append(&mut r.findings);
            r.cleaned
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> MessageDraft {
        MessageDraft {
            sector: Some("education".into()),
            payer_name: Some("nguyễn văn an".into()),
            beneficiary_name: Some("Nguyễn Thị Bình".into()),
            reason: Some("Học phí học kỳ 1".into()),
            invoice: Some("HP7184097674".into()),
            amount: Some(serde_json::json!(1250000)),
        }
    }

    #[test]
    fn valid_with_warning() {
        let r = draft().validate();
        let m = r.cleaned.expect("valid");
        assert_eq!(m.payer_name().as_str(), "Nguyễn Văn An");
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].code, Code::NameCase);
        let j = serde_json::to_value(&m).unwrap();
        assert_eq!(j["payerName"], "Nguyễn Văn An");
        assert_eq!(j["amount"], 1250000);
        let back: PaymentMessage = serde_json::from_value(j).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn beneficiary_rules() {
        let mut d = draft();
        d.beneficiary_name = None;
        let r = d.validate();
        assert!(!r.is_valid());
        assert_eq!(
            r.findings.last().unwrap().code,
            Code::MessageBeneficiaryRequired
        );
        d.sector = Some("health".into());
        assert!(d.validate().is_valid());
    }

    #[test]
    fn collects_all() {
        let d = MessageDraft {
            sector: Some("bank".into()),
            payer_name: Some("Lê 2".into()),
            beneficiary_name: None,
            reason: Some("".into()),
            invoice: Some("ab c".into()),
            amount: Some(serde_json::json!(0)),
        };
        let r = d.validate();
        let codes: Vec<_> = r.findings.iter().map(|f| f.code.key()).collect();
        assert_eq!(
            codes,
            [
                "message.sector_invalid",
                "name.digit",
                "text.empty",
                "invoice.invalid_char",
                "message.amount_zero"
            ]
        );
    }

    #[test]
    fn amounts() {
        let f = |v: serde_json::Value| Amount::check(&v, "amount").map_err(|f| f.code);
        assert_eq!(f(serde_json::json!("0001250000")).unwrap().vnd(), 1_250_000);
        assert_eq!(
            f(serde_json::json!(9_999_999_999_999u64)).unwrap().vnd(),
            Amount::MAX
        );
        assert_eq!(
            f(serde_json::json!(10_000_000_000_000u64)),
            Err(Code::MessageAmountTooLarge)
        );
        assert_eq!(f(serde_json::json!(12.5)), Err(Code::MessageAmountInvalid));
        assert_eq!(f(serde_json::json!(-3)), Err(Code::MessageAmountInvalid));
        assert_eq!(
            f(serde_json::json!("1.250.000")),
            Err(Code::MessageAmountInvalid)
        );
    }

    use proptest::prelude::*;

    proptest! {
        /// A whole number is checked as the digits it prints would be.
        #[test]
        fn whole_numbers_check_as_their_digits(v in prop_oneof![
            any::<u64>(),
            0u64..3,
            Amount::MAX - 2..Amount::MAX + 3,
            9_999_999_999_990u64..10_000_000_000_010,
        ]) {
            prop_assert_eq!(
                Amount::check(&serde_json::json!(v), "amount"),
                Amount::check(&serde_json::json!(v.to_string()), "amount")
            );
        }
    }
}
