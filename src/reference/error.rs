//! Why a reference is not valid: one error type shared by every kind, with an English
//! ([`std::fmt::Display`]) and a Vietnamese ([`RefError::message_vi`]) message.

use crate::finding::describe_char;

/// A part of a reference that can be wrong on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Part {
    /// The letter prefix of a payment code.
    Prefix,
    /// The digit body of a payment code.
    Body,
    /// The body of an RF creditor reference.
    RfBody,
    /// The template number of an e-invoice (1–6).
    Template,
    /// The 6-character series of an e-invoice.
    Series,
    /// The first series letter: `C` (with a tax-authority code) or `K` (without).
    SeriesKind,
    /// The two-digit year of a series.
    Year,
    /// The invoice-type letter of a series.
    InvoiceType,
    /// The two letters the seller chose.
    SellerLetters,
    /// The form letter of a pre-2022 series (`E`, `T` or `P`).
    LegacyForm,
    /// The invoice number.
    Number,
    /// The 7-digit sequence of a tax code.
    TaxSequence,
    /// The province code of a tax code.
    Province,
    /// The 3-digit branch suffix of a tax code.
    Branch,
    /// A payment-code scheme (`PREFIX:LENGTH`).
    Scheme,
    /// The two check digits of an RF creditor reference (or of an ISO 7064 MOD 97-10
    /// value): `02`–`98`.
    CheckDigits,
}

impl Part {
    /// English name of the part.
    pub fn name_en(self) -> &'static str {
        match self {
            Part::Prefix => "the prefix",
            Part::Body => "the body",
            Part::RfBody => "the reference body",
            Part::Template => "the template number",
            Part::Series => "the series",
            Part::SeriesKind => "the series kind letter",
            Part::Year => "the year",
            Part::InvoiceType => "the invoice type letter",
            Part::SellerLetters => "the seller's letters",
            Part::LegacyForm => "the form letter",
            Part::Number => "the invoice number",
            Part::TaxSequence => "the sequence number",
            Part::Province => "the province code",
            Part::Branch => "the branch number",
            Part::Scheme => "the scheme",
            Part::CheckDigits => "the check digits",
        }
    }

    /// Vietnamese name of the part.
    pub fn name_vi(self) -> &'static str {
        match self {
            Part::Prefix => "tiền tố",
            Part::Body => "phần thân",
            Part::RfBody => "phần thân tham chiếu",
            Part::Template => "ký hiệu mẫu số",
            Part::Series => "ký hiệu hóa đơn",
            Part::SeriesKind => "chữ cái loại ký hiệu",
            Part::Year => "năm",
            Part::InvoiceType => "chữ cái loại hóa đơn",
            Part::SellerLetters => "hai chữ cái do người bán chọn",
            Part::LegacyForm => "chữ cái hình thức hóa đơn",
            Part::Number => "số hóa đơn",
            Part::TaxSequence => "số thứ tự",
            Part::Province => "mã tỉnh",
            Part::Branch => "số chi nhánh",
            Part::Scheme => "sơ đồ mã",
            Part::CheckDigits => "chữ số kiểm tra",
        }
    }
}

/// What is wrong with a reference. Positions are 1-based and count characters of the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RefError {
    /// Nothing left after removing separators.
    #[error("the value is empty")]
    Empty,
    /// A character this kind of reference cannot hold.
    #[error("character {} at position {pos} is not allowed", describe_char(*ch))]
    InvalidChar {
        /// The character.
        ch: char,
        /// Its 1-based position in the input.
        pos: usize,
    },
    /// Wrong number of characters (separators not counted).
    #[error("the value has {len} characters; expected {}", expect_en(*min, *max))]
    InvalidLength {
        /// Characters found.
        len: usize,
        /// Fewest allowed.
        min: usize,
        /// Most allowed.
        max: usize,
    },
    /// The value does not start the way this kind must.
    #[error("the value must start with {expected}, not {found}")]
    InvalidPrefix {
        /// What it must start with.
        expected: String,
        /// What it starts with.
        found: String,
    },
    /// A part of the reference is invalid.
    #[error("{} {value:?} is not valid: {rule_en}", part.name_en())]
    InvalidPart {
        /// Which part.
        part: Part,
        /// The part as found.
        value: String,
        /// The rule, in English.
        rule_en: &'static str,
        /// The rule, in Vietnamese.
        rule_vi: &'static str,
    },
    /// The check digits do not match.
    #[error("the check digits do not match (a typing error?)")]
    InvalidChecksum,
}

fn expect_en(min: usize, max: usize) -> String {
    if min == max {
        format!("exactly {min}")
    } else if max == usize::MAX {
        format!("at least {min}")
    } else {
        format!("{min} to {max}")
    }
}

fn expect_vi(min: usize, max: usize) -> String {
    if min == max {
        format!("đúng {min}")
    } else if max == usize::MAX {
        format!("ít nhất {min}")
    } else {
        format!("từ {min} đến {max}")
    }
}

impl RefError {
    /// The English message (same as `Display`).
    pub fn message_en(&self) -> String {
        self.to_string()
    }

    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        match self {
            RefError::Empty => "giá trị đang để trống".to_string(),
            RefError::InvalidChar { ch, pos } => {
                format!(
                    "ký tự {} tại vị trí {pos} không được phép",
                    describe_char(*ch)
                )
            }
            RefError::InvalidLength { len, min, max } => {
                format!(
                    "giá trị có {len} ký tự; cần {} ký tự",
                    expect_vi(*min, *max)
                )
            }
            RefError::InvalidPrefix { expected, found } => {
                format!("giá trị phải bắt đầu bằng {expected}, không phải {found}")
            }
            RefError::InvalidPart {
                part,
                value,
                rule_vi,
                ..
            } => format!("{} {value:?} không hợp lệ: {rule_vi}", part.name_vi()),
            RefError::InvalidChecksum => "chữ số kiểm tra không khớp (có thể gõ nhầm?)".to_string(),
        }
    }

    pub(crate) fn part(
        part: Part,
        value: impl Into<String>,
        rule_en: &'static str,
        rule_vi: &'static str,
    ) -> RefError {
        RefError::InvalidPart {
            part,
            value: value.into(),
            rule_en,
            rule_vi,
        }
    }
}

/// Removes the separators in `seps`, upper-cases ASCII letters and refuses anything that is
/// not an ASCII letter or digit (naming the first such character and its position).
pub(crate) fn clean(input: &str, seps: &[char]) -> Result<String, RefError> {
    // Already clean (digits and upper-case letters only, none of them a separator): as it
    // is, which is what the general path below gives.
    if !input.is_empty()
        && input
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && !seps.iter().any(char::is_ascii_alphanumeric)
    {
        return Ok(input.to_string());
    }
    clean_chars(input, seps)
}

/// [`clean`] character by character.
fn clean_chars(input: &str, seps: &[char]) -> Result<String, RefError> {
    let mut out = String::with_capacity(input.len());
    for (i, c) in input.chars().enumerate() {
        if seps.contains(&c) {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else {
            return Err(RefError::InvalidChar { ch: c, pos: i + 1 });
        }
    }
    if out.is_empty() {
        return Err(RefError::Empty);
    }
    Ok(out)
}

/// Separators python-stdnum-style `compact` removes from printed references.
pub(crate) const SEPARATORS: &[char] = &[' ', '-', '.'];

#[cfg(test)]
mod clean_tests {
    use super::*;

    /// The shortcut for clean input gives what the general path gives, on every text of up
    /// to four characters over upper and lower case, digits, separators and a non-ASCII
    /// letter, with the usual separators and with a letter and a digit as separators.
    #[test]
    fn clean_equals_the_general_path() {
        let alphabet = ['A', 'z', '7', ' ', '-', '.', 'ế'];
        for seps in [SEPARATORS, &['A', '7'][..]] {
            for len in 0..=4u32 {
                for mut k in 0..alphabet.len().pow(len) {
                    let mut text = String::new();
                    for _ in 0..len {
                        text.push(alphabet[k % alphabet.len()]);
                        k /= alphabet.len();
                    }
                    assert_eq!(clean(&text, seps), clean_chars(&text, seps), "{text:?}");
                }
            }
        }
    }
}
