//! ISO 7064 MOD 97-10: two check digits that catch every single substitution and every
//! adjacent transposition (used by IBAN, ISO 11649 creditor references, LEI and the vietref
//! payment code).
//!
//! Works on strings of ASCII digits and letters without big integers: letters count as two
//! digits (`A`=10 … `Z`=35, case-insensitive) and the remainder is carried digit by digit.
//!
//! # Example
//!
//! ```
//! use vietref::reference::iso7064;
//!
//! assert_eq!(iso7064::check_string("HP71840976").as_deref(), Some("74"));
//! assert!(iso7064::is_valid("HP7184097674"));
//! ```

use super::error::{clean, RefError, SEPARATORS};

/// The value of one character in MOD 97-10 (`0`–`9` → 0–9, `A`/`a`–`Z`/`z` → 10–35), or
/// `None` for anything else.
#[inline]
pub fn char_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'Z' => Some(u32::from(b - b'A') + 10),
        b'a'..=b'z' => Some(u32::from(b - b'a') + 10),
        _ => None,
    }
}

/// Feeds one character value into a running remainder (`0..97`).
#[inline]
pub fn step(rem: u32, value: u32) -> u32 {
    if value < 10 {
        (rem * 10 + value) % 97
    } else {
        (rem * 100 + value) % 97
    }
}

/// The remainder mod 97 of the number that `s` spells (letters as two digits), or the
/// first character (and its 0-based byte index) that is neither a digit nor an ASCII letter.
pub fn remainder(s: &str) -> Result<u32, (usize, char)> {
    let mut rem = 0;
    for (i, c) in s.char_indices() {
        let v = u8::try_from(c).ok().and_then(char_value).ok_or((i, c))?;
        rem = step(rem, v);
    }
    Ok(rem)
}

/// The two check digits to append to `payload` so that `payload + CC` is valid
/// (`98 − (payload·100 mod 97)`), as a number in `2..=98`; `None` when `payload` holds a
/// character other than a digit or an ASCII letter.
pub fn check_digits(payload: &str) -> Option<u8> {
    let rem = remainder(payload).ok()?;
    let r = (rem * 100) % 97;
    u8::try_from(98 - r).ok()
}

/// The check digits of [`check_digits`] written as two characters (`"07"`).
pub fn check_string(payload: &str) -> Option<String> {
    check_digits(payload).map(|c| format!("{c:02}"))
}

/// Whether two check digits are in `02..=98`, the only values `98 − r` can give. `00`, `01`
/// and `99` satisfy the remainder test for a few payloads but are never issued; refusing
/// them (as IBAN validators do) keeps a random pair of digits from passing more often than
/// 1 in 100.
pub fn is_issuable(cc: &str) -> bool {
    cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_digit()) && !matches!(cc, "00" | "01" | "99")
}

/// Whether `s`, a compact string (payload followed by its two check digits, no
/// separators), is 1 mod 97; at least three characters. The allocation-free check the other
/// reference kinds build on; [`is_valid`] also accepts written forms.
pub(crate) fn is_valid_compact(s: &str) -> bool {
    s.len() >= 3 && remainder(s) == Ok(1)
}

/// Removes spaces, hyphens and dots and upper-cases; refuses any other character that is
/// not an ASCII letter or digit.
pub fn compact(input: &str) -> Result<String, RefError> {
    clean(input, SEPARATORS)
}

/// Validates a string protected by MOD 97-10 (payload followed by two check digits) in any
/// written form (`1234 5676`, `west-1234…`) and returns its compact form. The error says
/// what is wrong: a character that cannot appear, fewer than three characters, check
/// characters that are not two digits `02`–`98`, or a remainder other than 1.
pub fn validate(input: &str) -> Result<String, RefError> {
    let c = compact(input)?;
    if c.len() < 3 {
        return Err(RefError::InvalidLength {
            len: c.len(),
            min: 3,
            max: usize::MAX,
        });
    }
    if !is_issuable(&c[c.len() - 2..]) || !is_valid_compact(&c) {
        return Err(RefError::InvalidChecksum);
    }
    Ok(c)
}

/// Whether `input` is valid in any written form ([`validate`]). Never fails.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

/// The printed form of a valid string, in groups of four (`1234 5676`), or the error.
pub fn format(input: &str) -> Result<String, RefError> {
    validate(input).map(|c| group4(&c))
}

/// Writes ASCII `s` in groups of four separated by single spaces.
pub(crate) fn group4(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iban_example() {
        // GB82 WEST 1234 5698 7654 32 rearranged: the IBAN example of ISO 13616.
        assert!(is_valid("WEST12345698765432GB82"));
        assert!(!is_valid("WEST12345698765432GB83"));
    }

    #[test]
    fn check_digits_hand_computed() {
        // 123456 00 mod 97 = 12345600 - 97*127274 = 22 → 98 - 22 = 76.
        assert_eq!(check_digits("123456"), Some(76));
        assert!(is_valid("12345676"));
        assert_eq!(check_string("HP71840976").as_deref(), Some("74"));
        assert_eq!(check_digits("12-3"), None);
        assert_eq!(remainder("1é"), Err((1, 'é')));
    }

    #[test]
    fn the_four_verbs() {
        assert_eq!(compact("1234 56-76").unwrap(), "12345676");
        assert_eq!(validate(" 1234.5676 ").unwrap(), "12345676");
        assert_eq!(format("12345676").unwrap(), "1234 5676");
        assert!(is_valid("west 1234 5698 7654 32gb82"));
        // One digit changed; a character outside the alphabet; too short; check digits
        // that satisfy the remainder but are never issued (00 + 1 mod 97 → "01"…).
        assert_eq!(validate("12345677"), Err(RefError::InvalidChecksum));
        assert!(matches!(
            validate("1234_5676"),
            Err(RefError::InvalidChar { .. })
        ));
        let short = validate("76").unwrap_err();
        assert!(matches!(short, RefError::InvalidLength { len: 2, .. }));
        assert_eq!(
            short.to_string(),
            "the value has 2 characters; expected at least 3"
        );
        assert!(!is_valid(""));
        // 1 mod 97 with check characters 99: 99 itself is not 1 mod 97, but "199" is
        // 199 = 2·97 + 5; search the smallest payload p for which p·100 + 99 ≡ 1.
        let p = (0u32..97).find(|p| (p * 100 + 99) % 97 == 1).unwrap();
        let s = format!("{p}99");
        assert!(is_valid_compact(&s), "{s}");
        assert_eq!(validate(&s), Err(RefError::InvalidChecksum));
    }
}
