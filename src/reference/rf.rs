//! ISO 11649 creditor reference (`RF` + 2 check digits + 1–21 letters or digits).
//!
//! Valid when the reference rearranged (body, then `RF` and the check digits) is 1 mod 97
//! ([ISO 7064 MOD 97-10](super::iso7064)) and the check digits are `02`–`98` (the only
//! values the computation issues). Printed in groups of four (`RF18 5390 0754 7034`);
//! the electronic form has no spaces. Understood by ISO 20022 (`Strd/CdtrRefInf`, type
//! `SCOR`) and SEPA.
//!
//! # Example
//!
//! ```
//! let r = vietref::reference::rf::validate("rf18 5390 0754 7034")?;
//! assert_eq!((r.check_digits(), r.body()), ("18", "539007547034"));
//! # Ok::<(), vietref::reference::RefError>(())
//! ```

use super::error::{clean, Part, RefError, SEPARATORS};
use super::iso7064;
use std::fmt;

/// Longest body of a creditor reference.
pub const RF_BODY_MAX: usize = 21;
/// Longest creditor reference, electronic form (`RF` + 2 + 21).
pub const RF_MAX: usize = 25;

/// A valid ISO 11649 creditor reference, held in its electronic form (`RF18539007547034`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CreditorReference(String);

/// Why check digits `00`, `01` and `99` are refused, in English.
pub(crate) const RF_RESERVED_EN: &str =
    "ISO 11649 check digits are 02 to 98; 00, 01 and 99 are never issued";
/// The same, in Vietnamese.
pub(crate) const RF_RESERVED_VI: &str =
    "chữ số kiểm tra ISO 11649 nằm trong khoảng 02 đến 98; 00, 01 và 99 không bao giờ được cấp";

/// Removes spaces, hyphens and dots and upper-cases; refuses other characters.
pub fn compact(input: &str) -> Result<String, RefError> {
    clean(input, SEPARATORS)
}

/// Remainder of the rearranged reference `body + "RF" + cc`.
fn rearranged_remainder(body: &str, cc: &str) -> Option<u32> {
    let mut rem = iso7064::remainder(body).ok()?;
    for b in b"RF".iter().chain(cc.as_bytes()) {
        rem = iso7064::step(rem, iso7064::char_value(*b)?);
    }
    Some(rem)
}

/// Validates a creditor reference in any written form and returns it.
pub fn validate(input: &str) -> Result<CreditorReference, RefError> {
    let c = compact(input)?;
    if !c.starts_with("RF") {
        let found: String = c.chars().take(2).collect();
        return Err(RefError::InvalidPrefix {
            expected: "RF".into(),
            found,
        });
    }
    if c.len() < 5 || c.len() > RF_MAX {
        return Err(RefError::InvalidLength {
            len: c.len(),
            min: 5,
            max: RF_MAX,
        });
    }
    let (cc, body) = (&c[2..4], &c[4..]);
    if !cc.bytes().all(|b| b.is_ascii_digit()) {
        return Err(RefError::part(
            Part::RfBody,
            cc,
            "the two characters after RF must be check digits",
            "hai ký tự sau RF phải là chữ số kiểm tra",
        ));
    }
    if !iso7064::is_issuable(cc) {
        // 98 minus a remainder 0..=96: the computation never gives 00, 01 or 99, although
        // a reference with them can pass the mod 97 test (RF00…, RF01…, RF99… do for some
        // bodies): no typing slip, a reference not made by the computation.
        return Err(RefError::part(
            Part::CheckDigits,
            cc,
            RF_RESERVED_EN,
            RF_RESERVED_VI,
        ));
    }
    if rearranged_remainder(body, cc) != Some(1) {
        return Err(RefError::InvalidChecksum);
    }
    Ok(CreditorReference(c))
}

/// Whether `input` is a valid creditor reference in any written form. Never fails.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

/// The printed form (groups of four separated by spaces) of a valid reference, or the
/// error.
pub fn format(input: &str) -> Result<String, RefError> {
    validate(input).map(|r| r.format())
}

/// Creates the creditor reference for `body` (1–21 letters or digits; spaces, hyphens and
/// dots are removed, letters upper-cased).
pub fn create(body: &str) -> Result<CreditorReference, RefError> {
    let b = compact(body)?;
    if b.len() > RF_BODY_MAX {
        return Err(RefError::InvalidLength {
            len: b.len(),
            min: 1,
            max: RF_BODY_MAX,
        });
    }
    let rem = rearranged_remainder(&b, "00").ok_or(RefError::Empty)?;
    let cc = 98 - rem;
    Ok(CreditorReference(format!("RF{cc:02}{b}")))
}

impl CreditorReference {
    /// The electronic form, no spaces: `RF18539007547034`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The printed form, groups of four: `RF18 5390 0754 7034`.
    pub fn format(&self) -> String {
        iso7064::group4(&self.0)
    }

    /// The two check digits.
    pub fn check_digits(&self) -> &str {
        self.0.get(2..4).unwrap_or("")
    }

    /// The body (what the creditor chose).
    pub fn body(&self) -> &str {
        self.0.get(4..).unwrap_or("")
    }
}

impl fmt::Display for CreditorReference {
    /// The printed form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

impl std::str::FromStr for CreditorReference {
    type Err = RefError;
    fn from_str(s: &str) -> Result<Self, RefError> {
        validate(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_example() {
        let r = validate("RF18 5390 0754 7034").unwrap();
        assert_eq!(r.as_str(), "RF18539007547034");
        assert_eq!(r.format(), "RF18 5390 0754 7034");
        assert_eq!(create("539007547034").unwrap().as_str(), "RF18539007547034");
        assert_eq!(validate("RF19539007547034"), Err(RefError::InvalidChecksum));
    }
}
