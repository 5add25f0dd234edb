//! The vietref payment code: a short letter prefix people read, a fixed-length digit body
//! and two ISO 7064 MOD 97-10 check digits.
//!
//! # The scheme (a public contract)
//!
//! An institution chooses a [`Scheme`]: a prefix of 2–5 letters `A`–`Z` (without `O`, `I`
//! and `L`, which bank customers and OCR confuse with `0` and `1`) and a body length of
//! 6–12 digits. A code is `PREFIX + BODY + CC` where `CC` are two check digits: map the
//! prefix letters to numbers (`A`=10 … `Z`=35), append the body digits and `00`, take the
//! number mod 97 and write `98 − remainder` as two digits (always `02`–`98`). So the number
//! that the whole code spells is 1 mod 97; check digits `00`, `01` and `99` are refused. Example: prefix `HP`, body `71840976` → `HP7184097674`.
//!
//! The length is fixed per scheme so that the code can be found again inside a bank memo
//! whose spaces were removed or inserted; the check digits make a random run of digits
//! pass for a code only once in 97 times, and catch every single substitution and every
//! adjacent transposition.
//!
//! # Example
//!
//! ```
//! use vietref::reference::Scheme;
//!
//! let scheme: Scheme = "VP:10".parse()?;
//! let c = scheme.create("2024000123")?;
//! assert_eq!(c.prefix(), "VP");
//! assert!(scheme.validate(c.as_str()).is_ok());
//! assert!(scheme.validate("VP2024000123").is_err()); // no check digits
//! # Ok::<(), vietref::reference::RefError>(())
//! ```

use super::error::{clean, Part, RefError, SEPARATORS};
use super::iso7064;
use std::fmt;

/// Letters refused in prefixes: `O` (read as `0`), `I` and `L` (read as `1`).
pub const CONFUSABLE_LETTERS: &[u8] = b"OIL";
/// Shortest prefix.
pub const PREFIX_MIN: usize = 2;
/// Longest prefix.
pub const PREFIX_MAX: usize = 5;
/// Shortest body.
pub const BODY_MIN: usize = 6;
/// Longest body.
pub const BODY_MAX: usize = 12;

/// A payment-code scheme chosen by an institution: a prefix and a fixed body length.
/// Written `PREFIX:LENGTH` (`HP:8`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scheme {
    prefix: [u8; PREFIX_MAX],
    prefix_len: u8,
    body_len: u8,
    /// Remainder mod 97 of the prefix letters (precomputed for reading memos fast).
    prefix_rem: u32,
}

fn check_prefix(p: &str) -> Result<(), RefError> {
    if p.len() < PREFIX_MIN || p.len() > PREFIX_MAX {
        return Err(RefError::part(
            Part::Prefix,
            p,
            "a prefix has 2 to 5 letters",
            "tiền tố có từ 2 đến 5 chữ cái",
        ));
    }
    if !p.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(RefError::part(
            Part::Prefix,
            p,
            "a prefix has only the letters A to Z",
            "tiền tố chỉ gồm các chữ cái A đến Z",
        ));
    }
    if p.bytes().any(|b| CONFUSABLE_LETTERS.contains(&b)) {
        return Err(RefError::part(
            Part::Prefix,
            p,
            "the letters O, I and L are not used in prefixes (they are confused with 0 and 1)",
            "không dùng các chữ O, I, L trong tiền tố (dễ nhầm với 0 và 1)",
        ));
    }
    Ok(())
}

impl Scheme {
    /// A scheme with `prefix` (2–5 letters, case-insensitive, no `O`/`I`/`L`) and a body of
    /// `body_len` (6–12) digits.
    pub fn new(prefix: &str, body_len: usize) -> Result<Scheme, RefError> {
        let p = prefix.trim().to_ascii_uppercase();
        check_prefix(&p)?;
        if !(BODY_MIN..=BODY_MAX).contains(&body_len) {
            return Err(RefError::part(
                Part::Body,
                body_len.to_string(),
                "a body has 6 to 12 digits",
                "phần thân có từ 6 đến 12 chữ số",
            ));
        }
        let mut prefix_arr = [0u8; PREFIX_MAX];
        let mut rem = 0;
        for (slot, b) in prefix_arr.iter_mut().zip(p.bytes()) {
            *slot = b;
            rem = iso7064::step(rem, u32::from(b - b'A') + 10);
        }
        Ok(Scheme {
            prefix: prefix_arr,
            prefix_len: p.len() as u8,
            body_len: body_len as u8,
            prefix_rem: rem,
        })
    }

    /// The prefix (upper case).
    pub fn prefix(&self) -> &str {
        std::str::from_utf8(self.prefix_bytes()).unwrap_or("")
    }

    pub(crate) fn prefix_bytes(&self) -> &[u8] {
        self.prefix
            .get(..usize::from(self.prefix_len))
            .unwrap_or(&[])
    }

    pub(crate) fn prefix_rem(&self) -> u32 {
        self.prefix_rem
    }

    /// The body length in digits.
    pub fn body_len(&self) -> usize {
        usize::from(self.body_len)
    }

    /// Length of every code of this scheme: prefix + body + 2.
    pub fn code_len(&self) -> usize {
        usize::from(self.prefix_len) + usize::from(self.body_len) + 2
    }

    /// Creates the code for `body` (exactly [`Scheme::body_len`] digits; spaces, hyphens
    /// and dots are removed).
    pub fn create(&self, body: &str) -> Result<PaymentCode, RefError> {
        let b = clean(body, SEPARATORS)?;
        if let Some((i, c)) = b.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
            return Err(RefError::InvalidChar { ch: c, pos: i + 1 });
        }
        if b.len() != self.body_len() {
            return Err(RefError::InvalidLength {
                len: b.len(),
                min: self.body_len(),
                max: self.body_len(),
            });
        }
        let payload = format!("{}{}", self.prefix(), b);
        let cc = iso7064::check_digits(&payload).ok_or(RefError::Empty)?;
        Ok(PaymentCode {
            code: format!("{payload}{cc:02}"),
            scheme: *self,
        })
    }

    /// Validates `input` as a code of this scheme (any written form).
    pub fn validate(&self, input: &str) -> Result<PaymentCode, RefError> {
        match self.validate_compact(input) {
            Some(r) => r,
            None => self.validate_written(input),
        }
    }

    /// [`Scheme::validate`] of a code written as it travels (the prefix in upper case, then
    /// digits only, of the scheme's length): the form of nearly every code of an invoice
    /// list, checked without copying it twice or reading the prefix again (its remainder
    /// mod 97 is kept). `None` for any other form. Gives what [`Scheme::validate_written`]
    /// gives (a property test holds it).
    fn validate_compact(&self, input: &str) -> Option<Result<PaymentCode, RefError>> {
        Some(if self.check_compact(input)? {
            Ok(PaymentCode {
                code: input.to_string(),
                scheme: *self,
            })
        } else {
            Err(RefError::InvalidChecksum)
        })
    }

    /// Whether `input`, written as a code travels (see [`Scheme::validate_compact`]), has
    /// valid check digits, without copying it; `None` for any other form.
    pub(crate) fn check_compact(&self, input: &str) -> Option<bool> {
        let b = input.as_bytes();
        if b.len() != self.code_len() {
            return None;
        }
        let (prefix, digits) = b.split_at(usize::from(self.prefix_len));
        if prefix != self.prefix_bytes() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Two digits per step: (r * 100 + 10 * d1 + d2) mod 97 is the remainder after both.
        let mut pairs = digits.chunks_exact(2);
        let mut rem = pairs.by_ref().fold(self.prefix_rem, |r, p| {
            let two = p.iter().fold(0, |v, d| v * 10 + u32::from(d - b'0'));
            (r * 100 + two) % 97
        });
        for d in pairs.remainder() {
            rem = iso7064::step(rem, u32::from(d - b'0'));
        }
        let cc = input.get(input.len() - 2..).unwrap_or("");
        Some(rem == 1 && iso7064::is_issuable(cc))
    }

    /// [`Scheme::validate`] of any written form.
    fn validate_written(&self, input: &str) -> Result<PaymentCode, RefError> {
        let c = compact(input)?;
        let plen = c.bytes().take_while(u8::is_ascii_alphabetic).count();
        let found = c.get(..plen).unwrap_or("");
        if found != self.prefix() {
            return Err(RefError::InvalidPrefix {
                expected: self.prefix().to_string(),
                found: found.to_string(),
            });
        }
        if c.len() != self.code_len() {
            return Err(RefError::InvalidLength {
                len: c.len(),
                min: self.code_len(),
                max: self.code_len(),
            });
        }
        validate_compacted(c, Some(*self))
    }
}

impl fmt::Debug for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Scheme({self})")
    }
}

impl fmt::Display for Scheme {
    /// `HP:8`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.prefix(), self.body_len)
    }
}

impl std::str::FromStr for Scheme {
    type Err = RefError;
    /// Parses `PREFIX:LENGTH` (`HP:6`).
    fn from_str(s: &str) -> Result<Scheme, RefError> {
        let (p, n) = s.split_once(':').ok_or_else(|| {
            RefError::part(
                Part::Scheme,
                s,
                "write a scheme as PREFIX:LENGTH, like HP:6",
                "viết sơ đồ mã dạng TIỀNTỐ:ĐỘDÀI, ví dụ HP:6",
            )
        })?;
        let n: usize = n.trim().parse().map_err(|_| {
            RefError::part(
                Part::Body,
                n,
                "the body length is a number from 6 to 12",
                "độ dài phần thân là một số từ 6 đến 12",
            )
        })?;
        Scheme::new(p, n)
    }
}

/// A valid payment code, held in its electronic form (`HP7184097674`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaymentCode {
    code: String,
    scheme: Scheme,
}

/// Removes spaces, hyphens and dots and upper-cases; refuses other characters.
pub fn compact(input: &str) -> Result<String, RefError> {
    clean(input, SEPARATORS)
}

/// Validates a payment code of any scheme (prefix of 2–5 letters without `O`/`I`/`L`, then
/// 8–14 digits of which the last two are check digits), in any written form.
pub fn validate(input: &str) -> Result<PaymentCode, RefError> {
    validate_compacted(compact(input)?, None)
}

/// [`validate`] of a code already compacted; `known` is its scheme when the caller has
/// already checked the prefix and the length against it.
fn validate_compacted(c: String, known: Option<Scheme>) -> Result<PaymentCode, RefError> {
    let plen = c.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (prefix, digits) = c.split_at(plen);
    check_prefix(prefix)?;
    if let Some((i, ch)) = digits.char_indices().find(|(_, ch)| !ch.is_ascii_digit()) {
        return Err(RefError::InvalidChar {
            ch,
            pos: plen + i + 1,
        });
    }
    let (min, max) = (BODY_MIN + 2, BODY_MAX + 2);
    if digits.len() < min || digits.len() > max {
        return Err(RefError::InvalidLength {
            len: c.len(),
            min: plen + min,
            max: plen + max,
        });
    }
    let scheme = match known {
        Some(s) => s,
        None => Scheme::new(prefix, digits.len() - 2)?,
    };
    let cc = c.get(c.len() - 2..).unwrap_or("");
    if !iso7064::is_valid_compact(&c) || !iso7064::is_issuable(cc) {
        return Err(RefError::InvalidChecksum);
    }
    Ok(PaymentCode { code: c, scheme })
}

/// Whether `input` is a valid payment code. Never fails.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

/// The printed form of a valid code (`HP 7184 0976 74`), or the error.
pub fn format(input: &str) -> Result<String, RefError> {
    validate(input).map(|c| c.format())
}

/// Creates a code from a prefix and a body (the scheme is `prefix:len(body)`).
pub fn create(prefix: &str, body: &str) -> Result<PaymentCode, RefError> {
    let b = clean(body, SEPARATORS)?;
    Scheme::new(prefix, b.len())?.create(&b)
}

impl PaymentCode {
    /// The electronic form: `HP7184097674`.
    pub fn as_str(&self) -> &str {
        &self.code
    }

    /// The prefix: `HP`.
    pub fn prefix(&self) -> &str {
        self.code
            .get(..usize::from(self.scheme.prefix_len))
            .unwrap_or("")
    }

    /// The body: `71840976`.
    pub fn body(&self) -> &str {
        let end = self.code.len().saturating_sub(2);
        self.code
            .get(usize::from(self.scheme.prefix_len)..end)
            .unwrap_or("")
    }

    /// The two check digits: `74`.
    pub fn check_digits(&self) -> &str {
        self.code
            .get(self.code.len().saturating_sub(2)..)
            .unwrap_or("")
    }

    /// The scheme this code belongs to.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The printed form: the prefix, a space, then the digits in groups of four
    /// (`HP 7184 0976 74`).
    pub fn format(&self) -> String {
        let digits = self
            .code
            .get(usize::from(self.scheme.prefix_len)..)
            .unwrap_or("");
        format!("{} {}", self.prefix(), super::iso7064::group4(digits))
    }
}

impl fmt::Display for PaymentCode {
    /// The electronic form (what travels in memos).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}

impl std::str::FromStr for PaymentCode {
    type Err = RefError;
    fn from_str(s: &str) -> Result<Self, RefError> {
        validate(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_parse() {
        let s: Scheme = "hp:6".parse().unwrap();
        assert_eq!(s.to_string(), "HP:6");
        assert_eq!(s.code_len(), 10);
        assert!("HO:6".parse::<Scheme>().is_err());
        assert!("HP:5".parse::<Scheme>().is_err());
        assert!("HP:13".parse::<Scheme>().is_err());
        assert!("H:6".parse::<Scheme>().is_err());
        assert!("ABCDEF:6".parse::<Scheme>().is_err());
        assert!("HP6".parse::<Scheme>().is_err());
    }

    #[test]
    fn parts() {
        let c = validate("hp 7184 0976 74").unwrap();
        assert_eq!(c.as_str(), "HP7184097674");
        assert_eq!(
            (c.prefix(), c.body(), c.check_digits()),
            ("HP", "71840976", "74")
        );
        assert_eq!(c.format(), "HP 7184 0976 74");
        assert_eq!(c.scheme().to_string(), "HP:8");
    }
}

#[cfg(test)]
mod fast_path {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The check of a code written as it travels gives what the check of any written
        /// form gives: the same code or the same error.
        #[test]
        fn compact_form_checks_as_any_written_form(
            prefix in "[A-Z]{2,5}",
            digits in "[0-9]{6,14}",
            body_len in 6usize..=12,
            tail in prop::sample::select(vec!["", "0", "a", " ", "-"]),
            pick_scheme_prefix in any::<bool>(),
        ) {
            let Ok(scheme) = Scheme::new(if pick_scheme_prefix { "HP" } else { &prefix }, body_len)
            else {
                return Ok(());
            };
            // Half the inputs of the scheme's length with valid check digits, the others as drawn.
            let mut input = format!("{}{digits}", if pick_scheme_prefix { "HP" } else { &prefix });
            if digits.len() % 2 == 0 {
                let body: String = digits.chars().cycle().take(body_len).collect();
                if let Ok(c) = scheme.create(&body) {
                    input = c.as_str().to_string();
                }
            }
            input.push_str(tail);
            prop_assert_eq!(scheme.validate(&input), scheme.validate_written(&input));
        }
    }

    #[test]
    fn the_fast_path_is_taken_and_refuses_bad_check_digits() {
        let s: Scheme = "HP:8".parse().unwrap();
        assert!(s
            .validate_compact("HP7184097674")
            .is_some_and(|r| r.is_ok()));
        assert_eq!(
            s.validate_compact("HP7184097675"),
            Some(Err(RefError::InvalidChecksum))
        );
        // Other written forms take the general path.
        assert!(s.validate_compact("hp7184097674").is_none());
        assert!(s.validate_compact("HP 7184097674").is_none());
    }
}
