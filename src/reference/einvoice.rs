//! Vietnamese e-invoice identifiers (Decree 123/2020/NĐ-CP, Circular 78/2021/TT-BTC art. 4).
//!
//! An e-invoice is identified by its template number (`1`–`6`: the invoice kind), its
//! 6-character series (`C` or `K`: with or without a tax-authority code; the last two digits
//! of the year; one invoice-type letter; two letters chosen by the seller) and its number
//! (1 to 8 digits). Example: template `1`, series `C24TAA`, number `00001234`.
//!
//! Accepted written forms: `1C24TAA-1234`, `1C24TAA 00001234`, `1C24TAA.1234`,
//! `1C24TAA/1234`, `1C24TAA_1234`, `1C24TAA1234`, in any case.
//! - Electronic (compact) form, what travels in memos: `1C24TAA1234` (no separator: the
//!   series has a fixed length; the number without leading zeros).
//! - Printed form: `1C24TAA-00001234` (number on 8 digits, as invoices print it).
//!
//! Pre-2022 series (Circular 39/2014/TT-BTC) such as `AA/23T` are accepted as **legacy**:
//! two letters, `/`, two year digits, a form letter (`E` electronic, `T` self-printed,
//! `P` printed to order), then the number (1 to 7 digits). Compact form `AA/23T1234`,
//! printed form `AA/23T-0001234`. The old template code (`01GTKT0/001`) is not part of the
//! identifier accepted here.
//!
//! Accepted years: `19`–`99` for current series (Circular 68/2019 introduced the format in
//! 2019; Decree 123 made it general in July 2022), any two digits for legacy series.
//!
//! # Example
//!
//! ```
//! let e = vietref::reference::einvoice::validate("1C24TAA.1234")?;
//! assert_eq!((e.template(), e.number()), (Some(1), 1234));
//! assert_eq!(e.format(), "1C24TAA-00001234");
//! # Ok::<(), vietref::reference::RefError>(())
//! ```

use super::error::{Part, RefError};
use std::fmt;

/// Invoice-type letters of Circular 78/2021 art. 4 §1(b): `T` registered with the tax
/// authority, `D` public assets and special invoices, `L` issued by the tax authority per
/// occasion, `M` from a cash register, `N` internal delivery note, `B` delivery to agents,
/// `G` and `H` stamps, tickets and cards (VAT and sales invoices).
pub const INVOICE_TYPES: &[u8] = b"TDLMNBGH";
/// Form letters of pre-2022 series: electronic, self-printed, printed to order.
pub const LEGACY_FORMS: &[u8] = b"ETP";
/// Separators accepted between series and number.
const SEPS: &[u8] = b" -./_";

/// The series of an e-invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Series {
    /// Decree 123 / Circular 78 series, like `C24TAA`.
    Current {
        /// `C` (with a tax-authority code) or `K` (without).
        with_code: bool,
        /// Last two digits of the year.
        year: u8,
        /// The invoice-type letter (one of [`INVOICE_TYPES`]).
        invoice_type: char,
        /// The two letters the seller chose.
        seller: [char; 2],
    },
    /// Pre-2022 series, like `AA/23T`.
    Legacy {
        /// The two letters.
        letters: [char; 2],
        /// Last two digits of the year.
        year: u8,
        /// `E`, `T` or `P`.
        form: char,
    },
}

impl fmt::Display for Series {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Series::Current {
                with_code,
                year,
                invoice_type,
                seller,
            } => write!(
                f,
                "{}{year:02}{invoice_type}{}{}",
                if *with_code { 'C' } else { 'K' },
                seller[0],
                seller[1]
            ),
            Series::Legacy {
                letters,
                year,
                form,
            } => write!(f, "{}{}/{year:02}{form}", letters[0], letters[1]),
        }
    }
}

/// A valid e-invoice identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EInvoice {
    /// Template number 1–6; `None` for legacy series.
    template: Option<u8>,
    series: Series,
    number: u32,
    compact: String,
}

/// Whether `s` has the outward shape of an e-invoice identifier (series shape followed by
/// digits), valid or not. Used to warn when something looks like an e-invoice but is not.
/// `s` has no whitespace at either end (the caller trimmed it).
pub(crate) fn looks_like(s: &str) -> bool {
    let b = s.as_bytes();
    let upper = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let series_end = if digit(0)
        && upper(1)
        && digit(2)
        && digit(3)
        && upper(4)
        && upper(5)
        && upper(6)
    {
        7
    } else if upper(0) && upper(1) && b.get(2) == Some(&b'/') && digit(3) && digit(4) && upper(5) {
        6
    } else {
        return false;
    };
    let rest = b.get(series_end..).unwrap_or(&[]);
    let digits_at = rest
        .iter()
        .position(|x| !SEPS.contains(x))
        .unwrap_or(rest.len());
    let num = rest.get(digits_at..).unwrap_or(&[]);
    !num.is_empty() && num.iter().all(u8::is_ascii_digit)
}

fn up(b: u8) -> char {
    char::from(b.to_ascii_uppercase())
}

/// Validates an e-invoice identifier in any accepted written form.
pub fn validate(input: &str) -> Result<EInvoice, RefError> {
    let t = input.trim();
    if t.is_empty() {
        return Err(RefError::Empty);
    }
    if let Some((i, c)) = t.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
        return Err(RefError::InvalidChar { ch: c, pos: i + 1 });
    }
    let b = t.as_bytes();
    let legacy = b.get(2) == Some(&b'/');
    let series_len = if legacy { 6 } else { 7 };
    if b.len() <= series_len {
        return Err(RefError::InvalidLength {
            len: b.len(),
            min: series_len + 1,
            max: series_len + 9,
        });
    }
    let (head, rest) = b.split_at(series_len);
    let sep = rest.iter().take_while(|x| SEPS.contains(x)).count();
    let digits = rest.get(sep..).unwrap_or(&[]);
    if let Some(i) = digits.iter().position(|x| !x.is_ascii_digit()) {
        let pos = series_len + sep + i;
        let ch = t[pos..].chars().next().unwrap_or('?');
        return Err(RefError::InvalidChar { ch, pos: pos + 1 });
    }
    let max_digits = if legacy { 7 } else { 8 };
    let num_str = std::str::from_utf8(digits).unwrap_or("");
    if digits.is_empty() || digits.len() > max_digits {
        return Err(RefError::part(
            Part::Number,
            num_str,
            if legacy {
                "an invoice number has 1 to 7 digits"
            } else {
                "an invoice number has 1 to 8 digits"
            },
            if legacy {
                "số hóa đơn có từ 1 đến 7 chữ số"
            } else {
                "số hóa đơn có từ 1 đến 8 chữ số"
            },
        ));
    }
    let number: u32 = num_str.parse().unwrap_or(0);
    if number == 0 {
        return Err(RefError::part(
            Part::Number,
            num_str,
            "an invoice number starts at 1",
            "số hóa đơn bắt đầu từ 1",
        ));
    }
    let two_digits = |x: &[u8]| -> Option<u8> {
        match x {
            [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
                Some((a - b'0') * 10 + (b - b'0'))
            }
            _ => None,
        }
    };
    let head_str = std::str::from_utf8(head).unwrap_or("").to_ascii_uppercase();
    let (template, series) = if legacy {
        let (l0, l1) = (head[0], head[1]);
        if !(l0.is_ascii_alphabetic() && l1.is_ascii_alphabetic()) {
            return Err(RefError::part(
                Part::Series,
                head_str,
                "a pre-2022 series starts with two letters",
                "ký hiệu cũ (trước 2022) bắt đầu bằng hai chữ cái",
            ));
        }
        let year = two_digits(&head[3..5]).ok_or_else(|| {
            RefError::part(
                Part::Year,
                &head_str[3..5],
                "the year has two digits",
                "năm gồm hai chữ số",
            )
        })?;
        let form = head[5].to_ascii_uppercase();
        if !LEGACY_FORMS.contains(&form) {
            return Err(RefError::part(
                Part::LegacyForm,
                &head_str[5..6],
                "the form letter is E, T or P",
                "chữ cái hình thức là E, T hoặc P",
            ));
        }
        (
            None,
            Series::Legacy {
                letters: [up(l0), up(l1)],
                year,
                form: char::from(form),
            },
        )
    } else {
        let t0 = head[0];
        if !(b'1'..=b'6').contains(&t0) {
            return Err(RefError::part(
                Part::Template,
                &head_str[0..1],
                "the template number is a digit from 1 to 6",
                "ký hiệu mẫu số là một chữ số từ 1 đến 6",
            ));
        }
        let kind = head[1].to_ascii_uppercase();
        if kind != b'C' && kind != b'K' {
            return Err(RefError::part(
                Part::SeriesKind,
                &head_str[1..2],
                "the series starts with C (with a tax-authority code) or K (without)",
                "ký hiệu bắt đầu bằng C (có mã của cơ quan thuế) hoặc K (không có mã)",
            ));
        }
        let year = two_digits(&head[2..4])
            .filter(|y| *y >= 19)
            .ok_or_else(|| {
                RefError::part(
                    Part::Year,
                    &head_str[2..4],
                    "the year is two digits from 19 to 99",
                    "năm gồm hai chữ số từ 19 đến 99",
                )
            })?;
        let ty = head[4].to_ascii_uppercase();
        if !INVOICE_TYPES.contains(&ty) {
            return Err(RefError::part(
                Part::InvoiceType,
                &head_str[4..5],
                "the invoice type letter is one of T, D, L, M, N, B, G, H",
                "chữ cái loại hóa đơn là một trong T, D, L, M, N, B, G, H",
            ));
        }
        let (s0, s1) = (head[5], head[6]);
        if !(s0.is_ascii_alphabetic() && s1.is_ascii_alphabetic()) {
            return Err(RefError::part(
                Part::SellerLetters,
                &head_str[5..7],
                "the series ends with two letters A to Z",
                "ký hiệu kết thúc bằng hai chữ cái A đến Z",
            ));
        }
        (
            Some(t0 - b'0'),
            Series::Current {
                with_code: kind == b'C',
                year,
                invoice_type: char::from(ty),
                seller: [up(s0), up(s1)],
            },
        )
    };
    let compact = match template {
        Some(t) => format!("{t}{series}{number}"),
        None => format!("{series}{number}"),
    };
    Ok(EInvoice {
        template,
        series,
        number,
        compact,
    })
}

/// The compact (electronic) form of a valid identifier, or the error.
pub fn compact(input: &str) -> Result<String, RefError> {
    validate(input).map(|e| e.compact)
}

/// Whether `input` is a valid e-invoice identifier. Never fails.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

/// The printed form of a valid identifier, or the error.
pub fn format(input: &str) -> Result<String, RefError> {
    validate(input).map(|e| e.format())
}

impl EInvoice {
    /// The compact electronic form: `1C24TAA1234`, `AA/23T1234`.
    pub fn as_str(&self) -> &str {
        &self.compact
    }

    /// The printed form: `1C24TAA-00001234`, `AA/23T-0001234`.
    pub fn format(&self) -> String {
        match self.template {
            Some(t) => format!("{t}{}-{:08}", self.series, self.number),
            None => format!("{}-{:07}", self.series, self.number),
        }
    }

    /// The template number (1–6); `None` for a legacy series.
    pub fn template(&self) -> Option<u8> {
        self.template
    }

    /// The series.
    pub fn series(&self) -> Series {
        self.series
    }

    /// The invoice number.
    pub fn number(&self) -> u32 {
        self.number
    }

    /// Whether the series is a pre-2022 one.
    pub fn is_legacy(&self) -> bool {
        matches!(self.series, Series::Legacy { .. })
    }
}

impl fmt::Display for EInvoice {
    /// The printed form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

impl std::str::FromStr for EInvoice {
    type Err = RefError;
    fn from_str(s: &str) -> Result<Self, RefError> {
        validate(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_forms() {
        for s in [
            "1C24TAA-1234",
            "1C24TAA 00001234",
            "1C24TAA.1234",
            "1c24taa1234",
            " 1C24TAA_0001234 ",
        ] {
            let e = validate(s).unwrap();
            assert_eq!(e.as_str(), "1C24TAA1234", "{s}");
            assert_eq!(e.format(), "1C24TAA-00001234");
        }
        let l = validate("aa/23t 0000123").unwrap();
        assert_eq!(
            (l.as_str(), l.format().as_str()),
            ("AA/23T123", "AA/23T-0000123")
        );
        assert!(l.is_legacy());
    }

    #[test]
    fn bad_parts() {
        let part = |s: &str| match validate(s) {
            Err(RefError::InvalidPart { part, .. }) => Some(part),
            _ => None,
        };
        assert_eq!(part("7C24TAA-1"), Some(Part::Template));
        assert_eq!(part("1X24TAA-1"), Some(Part::SeriesKind));
        assert_eq!(part("1C18TAA-1"), Some(Part::Year));
        assert_eq!(part("1C24XAA-1"), Some(Part::InvoiceType));
        assert_eq!(part("1C24T1A-1"), Some(Part::SellerLetters));
        assert_eq!(part("1C24TAA-123456789"), Some(Part::Number));
        assert_eq!(part("1C24TAA-0000"), Some(Part::Number));
        assert_eq!(part("AA/23X-1"), Some(Part::LegacyForm));
        assert!(matches!(
            validate("1C24TAA-12a"),
            Err(RefError::InvalidChar { ch: 'a', pos: 11 })
        ));
        assert!(looks_like("7C24TAA-1"));
        assert!(!looks_like("HP7184097674"));
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// `InvoiceRef::parse_with` validates only what `looks_like` accepts: every valid
        /// identifier must have that shape.
        #[test]
        fn valid_identifiers_look_like_one(s in prop_oneof![
            "[ 0-9]?[0-9A-Za-z][A-Za-z0-9/][0-9/][0-9A-Za-z]{3}[0-9A-Za-z]?[ ./_\\-]{0,3}[0-9a\u{00E1}]{0,10}[ \t]?",
            "[1-7][CcKkX][0-9]{2}[TDLMNBGHtdx][A-Za-z0-9]{2}[ ./_\\-]{0,2}[0-9]{0,10}",
            "[A-Za-z0-9]{2}/[0-9A]{2}[ETPetpX][ ./_\\-]{0,2}[0-9]{0,9}",
            "\\PC{0,20}",
        ]) {
            let t = s.trim_matches(|c: char| c.is_whitespace());
            prop_assert!(validate(t).is_err() || looks_like(t), "{:?}", t);
        }
    }
}
