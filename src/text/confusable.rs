//! Look-alike detection: a confusable skeleton in the manner of Unicode TS #39 §4, tuned for
//! Vietnamese names. Two strings whose skeletons are equal look the same to a person.
//!
//! The mapping covers what a spoofed payee name uses in practice: Cyrillic and Greek letters
//! that look Latin (`а е о р с у х`, `ο`, `Н О А`), non-Vietnamese Latin marks that pass for
//! Vietnamese ones (caron `ǎ` for breve `ă`; `ð Ð Ɖ` for `đ Đ`), digit/letter swaps (`0`/`O`,
//! `1`/`l`/`I`), `rn` for `m`, and invisible characters (dropped). Case is ignored: an
//! upper-case spelling of a registered name is not a disguise.
//!
//! # Example
//!
//! ```
//! use vietref::text::{compare_payee_name, looks_like, NameComparison};
//!
//! assert!(looks_like("HOA", "НОА")); // the second is Cyrillic
//! assert_eq!(compare_payee_name("TRUONG THCS HOA BINH", "TRUONG THCS HOA BINH"), NameComparison::Same);
//! ```

use super::chars;
use unicode_normalization::UnicodeNormalization;

fn map_char(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' | 'А' => 'a',
        'в' | 'В' => 'b',
        'е' | 'Е' | 'ё' | 'Ё' => 'e',
        'к' | 'К' => 'k',
        'м' | 'М' => 'm',
        'н' | 'Н' => 'h',
        'о' | 'О' => 'o',
        'р' | 'Р' => 'p',
        'с' | 'С' => 'c',
        'т' | 'Т' => 't',
        'у' | 'У' => 'y',
        'х' | 'Х' => 'x',
        'і' | 'І' | 'ї' => 'l',
        'ј' | 'Ј' => 'j',
        'ѕ' | 'Ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        // Greek
        'α' | 'Α' => 'a',
        'β' | 'Β' => 'b',
        'ε' | 'Ε' => 'e',
        'ζ' | 'Ζ' => 'z',
        'η' | 'Η' => 'h',
        'ι' | 'Ι' => 'l',
        'κ' | 'Κ' => 'k',
        'μ' | 'Μ' => 'm',
        'ν' | 'Ν' => 'n',
        'ο' | 'Ο' => 'o',
        'ρ' | 'Ρ' => 'p',
        'τ' | 'Τ' => 't',
        'υ' | 'Υ' => 'y',
        'χ' | 'Χ' => 'x',
        // Latin look-alikes of Vietnamese letters
        'ð' | 'Ð' | 'Ɖ' | 'ɖ' | 'Đ' => 'đ',
        'ı' | 'I' | 'i' | '1' | '|' | 'ǀ' | 'l' | 'L' => 'l',
        '0' | 'O' | 'o' => 'o',
        'ø' | 'Ø' => 'ơ',
        // marks: caron and inverted breve pass for breve
        '\u{030C}' | '\u{0311}' => '\u{0306}',
        _ => return None,
    })
}

/// The confusable skeleton of `s`: compatibility-decomposed, invisible characters dropped,
/// look-alikes mapped to one representative, lower case, spaces collapsed, NFD.
pub fn skeleton(s: &str) -> String {
    let mut mapped = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkd() {
        if chars::is_invisible(c)
            || chars::is_bidi_control(c)
            || c.is_control() && !chars::is_space_like(c)
        {
            continue;
        }
        if chars::is_space_like(c) {
            space = !mapped.is_empty();
            continue;
        }
        if space {
            mapped.push(' ');
            space = false;
        }
        match map_char(c) {
            Some(m) => mapped.push(m),
            None => mapped.extend(c.to_lowercase()),
        }
    }
    let mapped = mapped.replace("rn", "m");
    mapped.nfd().collect()
}

/// Whether `a` and `b` look the same to a person (equal confusable skeletons), although
/// they may be different text.
///
/// ```
/// use vietref::text::looks_like;
/// assert!(looks_like("HOA", "НОА")); // the second is Cyrillic
/// assert!(looks_like("Trường Hǎi", "Trường Hải") == false);
/// assert!(looks_like("Bệnh viện Đà Nẵng", "Bệnh viện Ðà Nẵng"));
/// ```
pub fn looks_like(a: &str, b: &str) -> bool {
    skeleton(a) == skeleton(b)
}

/// How a shown name relates to a registered one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameComparison {
    /// The same name (it may differ in case, spacing, NFC/NFD or tone style).
    Same,
    /// A different text that looks the same: a spoofing finding, never a pass.
    Lookalike,
    /// A visibly different name.
    Different,
}

/// Compares the payee name a payer sees with the institution's registered name.
pub fn compare_payee_name(shown: &str, registered: &str) -> NameComparison {
    if super::key(shown) == super::key(registered) && !has_hidden(shown) {
        NameComparison::Same
    } else if looks_like(shown, registered) {
        NameComparison::Lookalike
    } else {
        NameComparison::Different
    }
}

fn has_hidden(s: &str) -> bool {
    s.chars()
        .any(|c| chars::is_invisible(c) || chars::is_bidi_control(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payee() {
        let reg = "Trường THCS Hòa Bình";
        assert_eq!(
            compare_payee_name("TRƯỜNG THCS HOÀ BÌNH", reg),
            NameComparison::Same
        );
        assert_eq!(
            compare_payee_name("Trường THCS Hòa Bình", reg),
            NameComparison::Same
        );
        assert_eq!(
            compare_payee_name("Trường THCS Hὸa Bình", reg),
            NameComparison::Lookalike
        );
        assert_eq!(
            compare_payee_name("Trường THCS Hо\u{300}a Bình", reg),
            NameComparison::Lookalike
        );
        assert_eq!(
            compare_payee_name("Trường THCS H\u{200B}òa Bình", reg),
            NameComparison::Lookalike
        );
        assert_eq!(
            compare_payee_name("Trường THCS An Bình", reg),
            NameComparison::Different
        );
    }

    #[test]
    fn caron_for_breve() {
        assert!(looks_like("Hǎi", "Hăi"));
        assert!(!looks_like("Hai", "Hăi"));
    }
}
