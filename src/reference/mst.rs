//! Vietnamese tax code (mã số thuế, MST) of an enterprise or institution.
//!
//! 10 digits: a 2-digit province code, a 7-digit sequence and a check digit; branches add a
//! 3-digit suffix written after a hyphen (`0100233488-001`). The check digit is
//! `10 − (Σ wᵢ·dᵢ mod 11)` over the first nine digits with weights 31, 29, 23, 19, 17, 13, 7,
//! 5, 3.
//!
//! When the sum is 0 mod 11 the formula gives 10, which is not a digit: no valid tax code
//! has such a base, and vietref refuses it with a checksum error (python-stdnum's `vn.mst`
//! compares the tenth digit with `str(10 - sum % 11)`, which never matches `"10"`, so it
//! refuses it the same way). The formula never gives 11. Like python-stdnum, vietref also
//! refuses province `00`, sequence `0000000` and branch `000`.
//!
//! A tax code identifies the institution, not what is paid, so it is not one of the
//! [`InvoiceRef`](super::InvoiceRef) kinds: a tax code typed into the invoice field is kept as
//! the institution's own (opaque) code.
//!
//! # Example
//!
//! ```
//! let t = vietref::reference::mst::validate("0100233488-001")?;
//! assert_eq!(t.branch(), Some("001"));
//! assert!(!vietref::reference::mst::is_valid("0100233487"));
//! # Ok::<(), vietref::reference::RefError>(())
//! ```

use super::error::{clean, Part, RefError, SEPARATORS};
use std::fmt;

const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// A valid tax code, held in its compact form (`0100233488` or `0100233488001`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaxCode(String);

/// The check digit for the first nine digits, or `None` when the formula gives 10 (no valid
/// code has that base) or the input is not nine digits.
pub fn check_digit(nine: &str) -> Option<u8> {
    if nine.len() != 9 || !nine.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = nine
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let c = 10 - (sum % 11);
    u8::try_from(c).ok().filter(|c| *c < 10)
}

/// Removes spaces, hyphens and dots; refuses other characters.
pub fn compact(input: &str) -> Result<String, RefError> {
    clean(input, SEPARATORS)
}

/// Validates a tax code in any written form.
pub fn validate(input: &str) -> Result<TaxCode, RefError> {
    let c = compact(input)?;
    if let Some((i, ch)) = c.char_indices().find(|(_, ch)| !ch.is_ascii_digit()) {
        return Err(RefError::InvalidChar { ch, pos: i + 1 });
    }
    if c.len() != 10 && c.len() != 13 {
        return Err(RefError::InvalidLength {
            len: c.len(),
            min: 10,
            max: 13,
        });
    }
    let (province, rest) = c.split_at(2);
    let (sequence, rest) = rest.split_at(7);
    let (check, branch) = rest.split_at(1);
    if province == "00" {
        return Err(RefError::part(
            Part::Province,
            province,
            "the province code is not 00",
            "mã tỉnh không thể là 00",
        ));
    }
    if sequence == "0000000" {
        return Err(RefError::part(
            Part::TaxSequence,
            sequence,
            "the sequence number is not 0000000",
            "số thứ tự không thể là 0000000",
        ));
    }
    if branch == "000" {
        return Err(RefError::part(
            Part::Branch,
            branch,
            "a branch number runs from 001 to 999",
            "số chi nhánh từ 001 đến 999",
        ));
    }
    let expected = check_digit(&c[..9]).ok_or(RefError::InvalidChecksum)?;
    if check.as_bytes().first().map(|b| b - b'0') != Some(expected) {
        return Err(RefError::InvalidChecksum);
    }
    Ok(TaxCode(c))
}

/// Whether `input` is a valid tax code. Never fails.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

/// The printed form of a valid tax code (`0100233488-001`), or the error.
pub fn format(input: &str) -> Result<String, RefError> {
    validate(input).map(|t| t.format())
}

impl TaxCode {
    /// The compact form: `0100233488001`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The printed form: `0100233488` or `0100233488-001`.
    pub fn format(&self) -> String {
        match (self.0.get(..10), self.0.get(10..)) {
            (Some(head), Some(branch)) if !branch.is_empty() => format!("{head}-{branch}"),
            _ => self.0.clone(),
        }
    }

    /// The branch suffix, if any.
    pub fn branch(&self) -> Option<&str> {
        self.0.get(10..).filter(|b| !b.is_empty())
    }
}

impl fmt::Display for TaxCode {
    /// The printed form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

impl std::str::FromStr for TaxCode {
    type Err = RefError;
    fn from_str(s: &str) -> Result<Self, RefError> {
        validate(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed() {
        // 0·31+1·29+0+0+2·17+3·13+3·7+4·5+8·3 = 167; 167 mod 11 = 2; 10 − 2 = 8.
        assert_eq!(check_digit("010023348"), Some(8));
        let t = validate("0100233488-001").unwrap();
        assert_eq!(
            (t.as_str(), t.format().as_str()),
            ("0100233488001", "0100233488-001")
        );
        // 1·31 = 31 = 9 mod 11 → 1.
        assert_eq!(check_digit("100000000"), Some(1));
        assert!(matches!(
            validate("0100233488-000"),
            Err(RefError::InvalidPart {
                part: Part::Branch,
                ..
            })
        ));
    }

    #[test]
    fn sum_zero_mod_11_has_no_check_digit() {
        // 0·31 + 1·29 + 3·5 = 44 = 0 mod 11 → the formula gives 10: no tenth digit fits.
        assert_eq!(check_digit("010000030"), None);
        for d in 0..10 {
            assert_eq!(
                validate(&format!("010000030{d}")),
                Err(RefError::InvalidChecksum)
            );
        }
    }
}
