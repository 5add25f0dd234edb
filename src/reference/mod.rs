//! Invoice references and check-digit payment codes.
//!
//! Every kind has python-stdnum's four verbs as free functions in its module — `compact`,
//! `validate` (a typed [`RefError`] in English and Vietnamese), `is_valid` (never fails),
//! `format` — plus `create` where it applies, and a newtype whose values are always valid:
//!
//! | kind | module | newtype | electronic form | printed form |
//! |---|---|---|---|---|
//! | ISO 7064 MOD 97-10 | [`iso7064`] | — | — | — |
//! | vietref payment code | [`code`] | [`PaymentCode`] (+ [`Scheme`]) | `HP7184097674` | `HP 7184 0976 74` |
//! | ISO 11649 creditor reference | [`rf`] | [`CreditorReference`] | `RF18539007547034` | `RF18 5390 0754 7034` |
//! | e-invoice | [`einvoice`] | [`EInvoice`] | `1C24TAA1234` | `1C24TAA-00001234` |
//! | tax code (MST) | [`mst`] | [`TaxCode`] | `0100233488001` | `0100233488-001` |
//!
//! The message's `invoice` field is an [`InvoiceRef`]: what the payment pays for.
//!
//! # Example
//!
//! ```
//! use vietref::reference::{code, einvoice, mst, rf};
//!
//! let c = code::create("HP", "71840976")?;             // check digits added
//! assert_eq!(c.as_str(), "HP7184097674");
//! assert_eq!(code::validate("hp 7184-0976.74")?.as_str(), "HP7184097674");
//! assert!(code::validate("HP7184097647").is_err());    // two digits swapped: caught
//!
//! assert_eq!(rf::create("539007547034")?.format(), "RF18 5390 0754 7034");
//! assert_eq!(einvoice::validate("1c24taa 1234")?.format(), "1C24TAA-00001234");
//! assert!(mst::is_valid("0100233488"));
//! # Ok::<(), vietref::reference::RefError>(())
//! ```

pub mod code;
pub mod einvoice;
mod error;
pub mod iso7064;
pub mod mst;
pub mod rf;

pub use code::{PaymentCode, Scheme};
pub use einvoice::EInvoice;
pub use error::{Part, RefError};
pub use mst::TaxCode;
pub use rf::CreditorReference;

use crate::finding::{Code, Finding};
use serde::Serialize;

/// Longest invoice code, in characters (ISO 20022 `CdtrRefInf/Ref` is `Max35Text`).
pub const INVOICE_MAX_CHARS: usize = 35;

/// The kind of an invoice reference, as [`InvoiceRef::kind`] names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    /// A vietref payment code of a known scheme.
    PaymentCode,
    /// An ISO 11649 creditor reference.
    Rf,
    /// A Vietnamese e-invoice identifier.
    Einvoice,
    /// An institution's own code.
    Opaque,
}

impl RefKind {
    /// `payment_code`, `rf`, `einvoice` or `opaque`.
    pub fn as_str(self) -> &'static str {
        match self {
            RefKind::PaymentCode => "payment_code",
            RefKind::Rf => "rf",
            RefKind::Einvoice => "einvoice",
            RefKind::Opaque => "opaque",
        }
    }
}

/// What a payment pays for: the invoice field of the message.
///
/// # Classification
/// [`InvoiceRef::parse_with`] decides in this order:
/// 1. **RF**: the input (spaces allowed, any case) is `RF` + 2 digits + letters or digits.
///    It must then be a valid creditor reference; otherwise an error finding
///    (`invoice.check_digits`, `invoice.code_length`). An input with other separators
///    (`RF12-2024`) is not taken for an RF reference.
/// 2. **E-invoice**: the input validates as an e-invoice identifier in one of its written
///    forms. Input that has the outward shape of one but fails (`7C24TAA-1`) gets an
///    `invoice.einvoice_like` warning and goes on as opaque.
/// 3. **Payment code**: once spaces, hyphens and dots are removed, 2–5 letters equal to the
///    prefix of one of the given schemes followed only by digits. It must then have the
///    scheme's length and valid check digits; otherwise an error finding. Letters that
///    match no given scheme go on as opaque.
/// 4. **Opaque**: ASCII letters, digits and `-./`, at most 35 characters, kept as written.
///
/// [`InvoiceRef::parse`] is `parse_with` without schemes: it cannot know an institution's
/// schemes, so it never yields a payment code. A tax code is not an invoice reference (it
/// names the institution) and is kept as opaque.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InvoiceRef {
    /// A vietref payment code of one of the institution's schemes.
    PaymentCode(PaymentCode),
    /// An ISO 11649 creditor reference.
    CreditorReference(CreditorReference),
    /// A Vietnamese e-invoice identifier.
    EInvoice(EInvoice),
    /// An institution's own code: ASCII letters, digits and `-./`, at most 35 characters.
    Opaque(String),
}

impl InvoiceRef {
    /// The code as it travels (the compact electronic form).
    pub fn as_str(&self) -> &str {
        match self {
            InvoiceRef::PaymentCode(c) => c.as_str(),
            InvoiceRef::CreditorReference(r) => r.as_str(),
            InvoiceRef::EInvoice(e) => e.as_str(),
            InvoiceRef::Opaque(s) => s,
        }
    }

    /// The kind.
    pub fn ref_kind(&self) -> RefKind {
        match self {
            InvoiceRef::PaymentCode(_) => RefKind::PaymentCode,
            InvoiceRef::CreditorReference(_) => RefKind::Rf,
            InvoiceRef::EInvoice(_) => RefKind::Einvoice,
            InvoiceRef::Opaque(_) => RefKind::Opaque,
        }
    }

    /// The kind, as a stable string: `payment_code`, `rf`, `einvoice` or `opaque`.
    pub fn kind(&self) -> &'static str {
        self.ref_kind().as_str()
    }

    /// The printed form (groups of four for RF, `1C24TAA-00001234` for e-invoices, …).
    pub fn format(&self) -> String {
        match self {
            InvoiceRef::PaymentCode(c) => c.format(),
            InvoiceRef::CreditorReference(r) => r.format(),
            InvoiceRef::EInvoice(e) => e.format(),
            InvoiceRef::Opaque(s) => s.clone(),
        }
    }

    /// Parses and validates an invoice field value, collecting findings under `field`.
    /// Recognises RF references, e-invoices and opaque codes (see the type's documentation).
    pub fn parse(input: &str, field: &str) -> (Option<InvoiceRef>, Vec<Finding>) {
        Self::parse_with(input, field, &[])
    }

    /// [`InvoiceRef::parse`] that also recognises payment codes of the given schemes.
    pub fn parse_with(
        input: &str,
        field: &str,
        schemes: &[Scheme],
    ) -> (Option<InvoiceRef>, Vec<Finding>) {
        let mut findings = Vec::new();
        let trimmed = trim_whitespace(input);
        if trimmed.is_empty() {
            findings.push(Finding::new(Code::TextEmpty, field));
            return (None, findings);
        }
        let normalized = |findings: &mut Vec<Finding>, out: &str| {
            if out != input {
                findings.push(Finding::new(Code::InvoiceNormalized, field).detail(out));
            }
        };

        // 1. RF creditor reference.
        if looks_like_rf(trimmed) {
            return match rf::validate(trimmed) {
                Ok(r) => {
                    normalized(&mut findings, r.as_str());
                    (Some(InvoiceRef::CreditorReference(r)), findings)
                }
                Err(e) => {
                    findings.push(code_finding(&e, field, trimmed, rf::RF_MAX));
                    (None, findings)
                }
            };
        }

        // 2. E-invoice. Every valid identifier has the outward shape `looks_like` tests, and
        // the error of one without it is not reported: skip the validation (a property test
        // holds `validate` ⇒ `looks_like`).
        if einvoice::looks_like(trimmed) {
            match einvoice::validate(trimmed) {
                Ok(e) => {
                    normalized(&mut findings, e.as_str());
                    return (Some(InvoiceRef::EInvoice(e)), findings);
                }
                Err(e) => {
                    findings.push(
                        Finding::new(Code::InvoiceEinvoiceLike, field)
                            .detail_both(e.message_en(), e.message_vi()),
                    );
                }
            }
        }

        // 3. Payment code of a given scheme.
        if let Some(scheme) = matching_scheme(trimmed, schemes) {
            return match scheme.validate(trimmed) {
                Ok(c) => {
                    normalized(&mut findings, c.as_str());
                    (Some(InvoiceRef::PaymentCode(c)), findings)
                }
                Err(e) => {
                    findings.push(code_finding(&e, field, trimmed, scheme.code_len()));
                    (None, findings)
                }
            };
        }

        // 4. Opaque.
        if trimmed != input {
            findings.push(Finding::new(Code::InvoiceNormalized, field).detail(trimmed));
        }
        for (i, c) in trimmed.chars().enumerate() {
            if !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/')) {
                findings.push(Finding::new(Code::InvoiceInvalidChar, field).at(i + 1, c));
            }
        }
        // Characters never outnumber bytes: count only when the bytes exceed the limit.
        let n = if trimmed.len() <= INVOICE_MAX_CHARS {
            trimmed.len()
        } else {
            trimmed.chars().count()
        };
        if n > INVOICE_MAX_CHARS {
            findings.push(
                Finding::new(Code::TextTooLong, field)
                    .limit(INVOICE_MAX_CHARS)
                    .detail(n.to_string()),
            );
        }
        crate::finding::cap_repeats(&mut findings);
        if crate::finding::has_error(&findings) {
            return (None, findings);
        }
        (Some(InvoiceRef::Opaque(trimmed.to_string())), findings)
    }
}

/// `s` without whitespace at either end (`str::trim`), without decoding a character when
/// both ends are ASCII other than whitespace: the last byte of a longer UTF-8 sequence is
/// never ASCII, so nothing is to be trimmed then.
pub(crate) fn trim_whitespace(s: &str) -> &str {
    let keep = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !char::from(*b).is_whitespace());
    if keep(s.as_bytes().first()) && keep(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// Whether `input` is written exactly as a payment code of one of `schemes` travels (the
/// scheme's prefix in upper case, then digits, the scheme's length) with valid check
/// digits: then [`InvoiceRef::parse_with`] gives that payment code, held as written, and
/// no finding (a property test holds it). Checked without an allocation, for the invoice
/// lists whose codes are nearly all of this form; `false` says nothing (ask `parse_with`).
pub(crate) fn is_written_payment_code(input: &str, schemes: &[Scheme]) -> bool {
    // For such an input, `matching_scheme` is the first scheme whose prefix the input
    // starts with, followed by a digit.
    let b = input.as_bytes();
    let scheme = schemes.iter().find(|s| {
        let p = s.prefix_bytes();
        b.starts_with(p) && b.get(p.len()).is_some_and(u8::is_ascii_digit)
    });
    scheme.is_some_and(|s| s.check_compact(input) == Some(true))
        && !looks_like_rf(input)
        && !einvoice::looks_like(input)
}

/// `RF` + 2 digits + at least one letter or digit, spaces allowed, nothing else.
fn looks_like_rf(s: &str) -> bool {
    let mut it = s.bytes().filter(|b| *b != b' ');
    let head: [Option<u8>; 4] = [it.next(), it.next(), it.next(), it.next()];
    matches!(head, [Some(b'R' | b'r'), Some(b'F' | b'f'), Some(c1), Some(c2)] if c1.is_ascii_digit() && c2.is_ascii_digit())
        && s.bytes().all(|b| b == b' ' || b.is_ascii_alphanumeric())
        && s.bytes().filter(|b| *b != b' ').count() > 4
}

/// The scheme whose prefix the input starts with, when the rest (after removing spaces,
/// hyphens and dots) is digits.
fn matching_scheme(s: &str, schemes: &[Scheme]) -> Option<Scheme> {
    if schemes.is_empty() {
        return None;
    }
    let mut letters = [0u8; code::PREFIX_MAX + 1];
    let mut n = 0;
    let mut digits = 0;
    for b in s.bytes().filter(|b| !matches!(b, b' ' | b'-' | b'.')) {
        if b.is_ascii_alphabetic() && digits == 0 {
            *letters.get_mut(n)? = b.to_ascii_uppercase();
            n += 1;
        } else if b.is_ascii_digit() {
            digits += 1;
        } else {
            return None;
        }
    }
    let prefix = letters.get(..n)?;
    schemes
        .iter()
        .copied()
        .find(|sc| sc.prefix_bytes() == prefix && digits > 0)
}

fn code_finding(e: &RefError, field: &str, input: &str, len: usize) -> Finding {
    match e {
        RefError::InvalidLength { .. } | RefError::InvalidPrefix { .. } => {
            Finding::new(Code::InvoiceCodeLength, field)
                .detail(input)
                .limit(len)
        }
        RefError::InvalidChecksum => Finding::new(Code::InvoiceCheckDigits, field).detail(input),
        RefError::InvalidPart {
            part: Part::CheckDigits,
            ..
        } => Finding::new(Code::InvoiceRfCheckDigitsReserved, field).detail(input),
        other => Finding::new(Code::InvoiceCheckDigits, field).detail_both(
            format!("{input}: {}", other.message_en()),
            format!("{input}: {}", other.message_vi()),
        ),
    }
}

impl std::fmt::Display for InvoiceRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_check_digit_finding_explains_other_errors_in_both_languages() {
        let e = RefError::part(
            Part::RfBody,
            "AB",
            "the two characters after RF must be check digits",
            "hai ký tự sau RF phải là chữ số kiểm tra",
        );
        let f = code_finding(&e, "invoice", "RFAB12", rf::RF_MAX);
        assert_eq!(
            f.message_en(),
            "RFAB12: the reference body \"AB\" is not valid: the two characters after RF must be \
             check digits has the form of a check-digit code but its check digits are wrong (a \
             typing error?)"
        );
        assert_eq!(
            f.message_vi(),
            "RFAB12: phần thân tham chiếu \"AB\" không hợp lệ: hai ký tự sau RF phải là chữ số \
             kiểm tra có dạng mã có chữ số kiểm tra nhưng chữ số kiểm tra sai (có thể gõ nhầm?)"
        );
    }

    #[test]
    fn written_payment_codes_are_told_apart() {
        let schemes: Vec<Scheme> = vec![
            "HP:8".parse().unwrap(),
            "RF:6".parse().unwrap_or_else(|_| "VP:6".parse().unwrap()),
        ];
        assert!(is_written_payment_code("HP7184097674", &schemes));
        // Bad check digits, other written forms, other kinds: not this path.
        for s in [
            "HP7184097675",
            "hp7184097674",
            "HP 7184097674",
            "HP718409767",
            "RF18539007547034",
            "1C24TAA1234",
            "",
        ] {
            assert!(!is_written_payment_code(s, &schemes), "{s}");
        }
    }

    /// Inputs near the payment-code form: valid codes, codes one edit away, other kinds.
    fn near_codes() -> impl Strategy<Value = String> {
        let valid = (
            prop::sample::select(vec!["HP", "RF", "VP", "HPX"]),
            "[0-9]{6,10}",
        )
            .prop_map(|(p, d)| match Scheme::new(p, d.len()) {
                Ok(s) => s
                    .create(&d)
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_else(|_| format!("{p}{d}")),
                Err(_) => format!("{p}{d}"),
            });
        prop_oneof![
            valid.clone(),
            (valid, 0usize..14, "[0-9A-Za-z \\-.]").prop_map(|(v, i, c)| {
                let mut v: Vec<char> = v.chars().collect();
                let i = i.min(v.len());
                if i < v.len() && i % 2 == 0 {
                    v[i] = c.chars().next().unwrap_or('0');
                } else {
                    v.insert(i, c.chars().next().unwrap_or('0'));
                }
                v.into_iter().collect()
            }),
            "(RF|1C24TAA|HP|VP)[0-9 ]{0,14}",
            any::<String>(),
        ]
    }

    proptest! {
        /// What the allocation-free check accepts, the general parse gives as a payment
        /// code held as written, without a finding.
        #[test]
        fn a_written_payment_code_parses_as_itself(input in near_codes(), body in 6usize..=10) {
            let schemes: Vec<Scheme> = ["HP", "VP", "HPX"].iter().filter_map(|p| Scheme::new(p, body).ok()).collect();
            if is_written_payment_code(&input, &schemes) {
                let (r, findings) = InvoiceRef::parse_with(&input, "code", &schemes);
                prop_assert!(findings.is_empty(), "{:?}", findings);
                prop_assert!(matches!(&r, Some(InvoiceRef::PaymentCode(c)) if c.as_str() == input), "{:?}", r);
            }
        }

        #[test]
        fn trim_whitespace_is_trim(s in prop_oneof![
            any::<String>(),
            "[ \t\n\u{0B}\u{0C}\r\u{1C}\u{85}\u{A0}\u{3000}aZ9é]{0,6}",
        ]) {
            prop_assert_eq!(trim_whitespace(&s), s.trim());
        }
    }
}
