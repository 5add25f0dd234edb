//! Amounts in đồng as statements and invoice lists write them.
//!
//! # Accepted forms
//! - Digits, optionally grouped by thousands with `.`, `,` or a space (ASCII space, NBSP,
//!   U+202F, U+2009): `1250000`, `1.250.000`, `1,250,000`, `1 250 000`. The first group has
//!   1–3 digits, every later group exactly 3, and one kind of separator is used throughout.
//! - A decimal part that is zero: `1250000.00`, `1.250.000,00`, `1,250,000.00`, `1 250 000,0`.
//! - Which mark is the decimal one: when both `.` and `,` occur, the last one; when spaces
//!   group the digits, a single `.` or `,`; when a single `.` or `,` is the only mark, it is
//!   a thousands separator if exactly three digits follow it and one to three precede it
//!   (`1.250` is 1 250 đồng, as Vietnamese and English writing agree), else a decimal mark
//!   (`1250.00`, `1250000.000`).
//! - Surrounding spaces are ignored. [`parse_signed_amount`] also takes a leading `-` or `+`
//!   (statements that sign their debits); [`parse_amount`] takes `+` only.
//!
//! Anything else (currency signs, letters, a non-zero decimal part, misplaced separators,
//! zero, more than 13 digits) is an error finding that names the value.

use crate::finding::{Code, Finding};
use crate::message::{Amount, AMOUNT_MAX_DIGITS};

/// How [`format_amount`] groups thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grouping {
    /// `1250000`.
    Plain,
    /// `1.250.000` (Vietnamese writing).
    Dot,
    /// `1,250,000` (English writing).
    Comma,
    /// `1 250 000`.
    Space,
}

impl Grouping {
    /// Every grouping.
    pub const ALL: [Grouping; 4] = [
        Grouping::Plain,
        Grouping::Dot,
        Grouping::Comma,
        Grouping::Space,
    ];

    fn separator(self) -> Option<char> {
        match self {
            Grouping::Plain => None,
            Grouping::Dot => Some('.'),
            Grouping::Comma => Some(','),
            Grouping::Space => Some(' '),
        }
    }
}

/// Writes `vnd` with thousands grouped as `g` (`1.250.000`).
pub fn format_amount(vnd: u64, g: Grouping) -> String {
    let digits = vnd.to_string();
    let Some(sep) = g.separator() else {
        return digits;
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// Parses an amount (no sign other than `+`); `field` names it in the finding.
pub fn parse_amount(input: &str, field: &str) -> Result<Amount, Finding> {
    match parse_signed_amount(input, field)? {
        (false, a) => Ok(a),
        (true, _) => Err(Finding::new(Code::ReconcileAmountInvalid, field).detail(quote(input))),
    }
}

/// Parses an amount that may carry a sign; returns whether it was negative and its size.
pub fn parse_signed_amount(input: &str, field: &str) -> Result<(bool, Amount), Finding> {
    // The common case, digits only, without the general path's scans (same result).
    if let Some(a) = plain_digits(input) {
        return Ok((false, a));
    }
    parse_signed_general(input, field)
}

/// The amount of a non-empty run of ASCII digits with a significant digit and at most
/// [`AMOUNT_MAX_DIGITS`] of them; `None` for anything else (left to the general path).
fn plain_digits(input: &str) -> Option<Amount> {
    let b = input.as_bytes();
    if b.is_empty() || b.len() > 24 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let start = b.iter().position(|d| *d != b'0')?;
    let significant = b.get(start..)?;
    if significant.len() > AMOUNT_MAX_DIGITS {
        return None;
    }
    let v = significant
        .iter()
        .fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
    Amount::new(v)
}

/// [`parse_signed_amount`] for every form.
fn parse_signed_general(input: &str, field: &str) -> Result<(bool, Amount), Finding> {
    let invalid = || Finding::new(Code::ReconcileAmountInvalid, field).detail(quote(input));
    let t = input.trim_matches(is_space);
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, t.get(1..).unwrap_or("")),
        Some(b'+') => (false, t.get(1..).unwrap_or("")),
        _ => (false, t),
    };
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(if t.is_empty() {
            Finding::new(Code::ReconcileValueMissing, field)
        } else {
            invalid()
        });
    }
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == '.' || c == ',' || is_space(c)))
    {
        return Err(invalid());
    }
    let has_space = body.chars().any(is_space);
    let last_dot = body.rfind('.');
    let last_comma = body.rfind(',');
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    // Where the decimal part starts (byte index of its mark), and the thousands mark.
    let (decimal, thousands): (Option<usize>, Option<char>) = match (last_dot, last_comma) {
        (Some(d), Some(c)) => {
            let (dec_at, dec_count, other) = if d > c {
                (d, dots, ',')
            } else {
                (c, commas, '.')
            };
            if dec_count != 1 || has_space {
                return Err(grouping(field, input));
            }
            (Some(dec_at), Some(other))
        }
        (Some(at), None) | (None, Some(at)) => {
            let mark = if last_dot.is_some() { '.' } else { ',' };
            let count = if mark == '.' { dots } else { commas };
            if has_space {
                if count != 1 {
                    return Err(grouping(field, input));
                }
                (Some(at), Some(' '))
            } else if count > 1 {
                (None, Some(mark))
            } else {
                let head = body.get(..at).unwrap_or("");
                let tail = body.get(at + 1..).unwrap_or("");
                if tail.len() == 3 && (1..=3).contains(&head.len()) {
                    (None, Some(mark))
                } else {
                    (Some(at), None)
                }
            }
        }
        (None, None) => (None, has_space.then_some(' ')),
    };
    let (int_part, frac_part) = match decimal {
        Some(at) => (
            body.get(..at).unwrap_or(""),
            Some(body.get(at + 1..).unwrap_or("")),
        ),
        None => (body, None),
    };
    let mut digits = String::with_capacity(int_part.len());
    match thousands {
        None => {
            if !int_part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(grouping(field, input));
            }
            digits.push_str(int_part);
        }
        Some(sep) => {
            let groups: Vec<&str> = if sep == ' ' {
                int_part.split(is_space).collect()
            } else {
                int_part.split(sep).collect()
            };
            for (i, g) in groups.iter().enumerate() {
                let ok_len = if i == 0 {
                    (1..=3).contains(&g.len())
                } else {
                    g.len() == 3
                };
                if !ok_len || !g.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(grouping(field, input));
                }
                digits.push_str(g);
            }
        }
    }
    if let Some(frac) = frac_part {
        if frac.chars().any(is_space) {
            return Err(grouping(field, input));
        }
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        if frac.bytes().any(|b| b != b'0') {
            return Err(Finding::new(Code::ReconcileAmountFraction, field).detail(quote(input)));
        }
    }
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Err(Finding::new(Code::ReconcileAmountZero, field));
    }
    if significant.len() > AMOUNT_MAX_DIGITS {
        return Err(Finding::new(Code::ReconcileAmountTooLarge, field)
            .limit(AMOUNT_MAX_DIGITS)
            .detail(quote(input)));
    }
    significant
        .parse::<u64>()
        .ok()
        .and_then(Amount::new)
        .map(|a| (negative, a))
        .ok_or_else(invalid)
}

fn grouping(field: &str, input: &str) -> Finding {
    Finding::new(Code::ReconcileAmountGrouping, field).detail(quote(input))
}

pub(crate) fn quote(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() > MAX {
        let cut: String = s.chars().take(MAX).collect();
        format!("\u{201C}{cut}…\u{201D}")
    } else {
        format!("\u{201C}{s}\u{201D}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The digits-only shortcut gives what the general path gives, whenever it answers
        /// (leading zeros, 13 and 14 significant digits, zero, overflow of `u64`).
        #[test]
        fn plain_digits_agree_with_the_general_path(s in "[0-9]{0,26}|0{0,12}[1-9][0-9]{10,14}") {
            let general = parse_signed_general(&s, "amount");
            match plain_digits(&s) {
                Some(a) => prop_assert_eq!(general, Ok((false, a))),
                None => prop_assert!(general.is_err() || s.len() > 24, "{}", s),
            }
            prop_assert_eq!(parse_signed_amount(&s, "amount"), parse_signed_general(&s, "amount"));
        }
    }

    fn ok(s: &str) -> u64 {
        parse_amount(s, "amount")
            .map(|a| a.vnd())
            .unwrap_or_else(|f| panic!("{s}: {f}"))
    }
    fn err(s: &str) -> &'static str {
        parse_amount(s, "amount")
            .err()
            .map(|f| f.code.key())
            .unwrap_or("accepted")
    }

    #[test]
    fn forms() {
        for s in [
            "1250000",
            "1.250.000",
            "1,250,000",
            "1 250 000",
            "1\u{a0}250\u{a0}000",
            "1250000.00",
            "1250000,00",
            "1.250.000,00",
            "1,250,000.00",
            "1 250 000,00",
            " 1.250.000 ",
            "+1250000",
            "1250000.000",
            "001250000",
        ] {
            assert_eq!(ok(s), 1_250_000, "{s}");
        }
        assert_eq!(ok("1.250"), 1250);
        assert_eq!(ok("1,250"), 1250);
        assert_eq!(ok("125"), 125);
        assert_eq!(ok("1250.0"), 1250);
    }

    #[test]
    fn errors() {
        assert_eq!(err("1250000.50"), "reconcile.amount_fraction");
        assert_eq!(err("1,5"), "reconcile.amount_fraction");
        assert_eq!(err("12.50.000"), "reconcile.amount_grouping");
        assert_eq!(err("1.250,000.00"), "reconcile.amount_grouping");
        assert_eq!(err("1.250 000"), "reconcile.amount_grouping");
        assert_eq!(err("1250000 VND"), "reconcile.amount_invalid");
        assert_eq!(err("1.250.000đ"), "reconcile.amount_invalid");
        assert_eq!(err("abc"), "reconcile.amount_invalid");
        assert_eq!(err("-5"), "reconcile.amount_invalid");
        assert_eq!(err("1250."), "reconcile.amount_invalid");
        assert_eq!(err(""), "reconcile.value_missing");
        assert_eq!(err("0"), "reconcile.amount_zero");
        assert_eq!(err("0.00"), "reconcile.amount_zero");
        assert_eq!(err("10000000000000"), "reconcile.amount_too_large");
        assert_eq!(err(".5"), "reconcile.amount_invalid");
        assert_eq!(
            parse_signed_amount("-1.000", "a").map(|(n, a)| (n, a.vnd())),
            Ok((true, 1000))
        );
    }

    #[test]
    fn format() {
        assert_eq!(format_amount(1_250_000, Grouping::Dot), "1.250.000");
        assert_eq!(format_amount(1_250_000, Grouping::Comma), "1,250,000");
        assert_eq!(format_amount(250_000, Grouping::Space), "250 000");
        assert_eq!(format_amount(999, Grouping::Dot), "999");
        assert_eq!(format_amount(1000, Grouping::Plain), "1000");
    }
}
