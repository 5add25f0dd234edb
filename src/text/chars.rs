//! Character classes used by the checks: refused characters (docs/domain.md, "Spoofing"), whitespace,
//! apostrophes, the Vietnamese letter repertoire and scripts.
//!
//! # Example
//!
//! ```
//! use vietref::text::chars;
//!
//! assert!(chars::is_bidi_control('\u{202E}'));
//! assert!(chars::is_invisible('\u{200B}'));
//! assert!(chars::is_name_letter('ỹ'));
//! assert_eq!(chars::script_name('у'), "Cyrillic");
//! ```

use super::syllable::Tone;
use super::tables::{VIETNAMESE_LETTERS, VIETNAMESE_LETTER_PARTS};

// The refused classes live on the ground floor (`crate::charclass`) so that findings can
// describe characters without depending on this module.
pub use crate::charclass::{is_bidi_control, is_invisible};

/// Whitespace that normalization turns into one ASCII space.
pub fn is_space_like(c: char) -> bool {
    matches!(
        c as u32,
        0x20 | 0x09 | 0x0A | 0x0D | 0x0B | 0x0C | 0x85 | 0xA0 | 0x1680 | 0x2000
            ..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
    )
}

/// Apostrophe look-alikes folded to `'`.
pub fn is_apostrophe_variant(c: char) -> bool {
    matches!(
        c as u32,
        0x2019 | 0x02BC | 0x2018 | 0x02BB | 0x2032 | 0x00B4 | 0x0060 | 0xFF07
    )
}

/// Control characters that are refused (C0 and C1 except the whitespace ones, DEL).
pub fn is_refused_control(c: char) -> bool {
    c.is_control() && !is_space_like(c)
}

/// Private-use code points and non-characters.
pub fn is_unusable(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD | 0xFDD0..=0xFDEF)
        || (u & 0xFFFE) == 0xFFFE
}

const VIET_START: u32 = 0xC0;
/// The Vietnamese letters lie in two blocks: U+00C0–U+01B0 (Latin-1 and Latin Extended-A/B)
/// and U+1EA0–U+1EF9 (Latin Extended Additional).
const LOW_LEN: u32 = 0x1B1 - VIET_START;
const HIGH_START: u32 = 0x1EA0;
const HIGH_LEN: u32 = 0x1EFA - HIGH_START;
const NO_LETTER: u8 = u8::MAX;

/// For each code point of the two blocks (the low block, then the high one): its index in
/// [`VIETNAMESE_LETTERS`], or [`NO_LETTER`].
static VIET_INDEX: [u8; (LOW_LEN + HIGH_LEN) as usize] = {
    let mut idx = [NO_LETTER; (LOW_LEN + HIGH_LEN) as usize];
    let mut i = 0;
    while i < VIETNAMESE_LETTERS.len() {
        let u = VIETNAMESE_LETTERS[i] as u32;
        let slot = if u >= VIET_START && u - VIET_START < LOW_LEN {
            u - VIET_START
        } else if u >= HIGH_START && u - HIGH_START < HIGH_LEN {
            LOW_LEN + u - HIGH_START
        } else {
            panic!("a Vietnamese letter outside both blocks")
        };
        idx[slot as usize] = i as u8;
        i += 1;
    }
    idx
};

/// Index of `c` in [`VIETNAMESE_LETTERS`] (and [`VIETNAMESE_LETTER_PARTS`]): one table
/// look-up; `None` for anything else, ASCII included.
#[inline]
fn letter_index(c: char) -> Option<usize> {
    letter_index_u32(c as u32)
}

/// [`letter_index`] of a code point.
#[inline]
fn letter_index_u32(u: u32) -> Option<usize> {
    let slot = if u.wrapping_sub(VIET_START) < LOW_LEN {
        u - VIET_START
    } else if u.wrapping_sub(HIGH_START) < HIGH_LEN {
        LOW_LEN + u - HIGH_START
    } else {
        return None;
    };
    match VIET_INDEX.get(slot as usize) {
        Some(&i) if i != NO_LETTER => Some(usize::from(i)),
        _ => None,
    }
}

/// Whether the code point `u` is one of the 134 non-ASCII Vietnamese letters.
#[inline]
pub(crate) fn is_vietnamese_non_ascii_letter_u32(u: u32) -> bool {
    letter_index_u32(u).is_some()
}

/// Whether `c` is one of the 134 non-ASCII Vietnamese letters.
#[inline]
pub fn is_vietnamese_non_ascii_letter(c: char) -> bool {
    letter_index(c).is_some()
}

/// What the checks need of one of the 134 Vietnamese letters, in one look-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LetterInfo {
    /// The lower-case letter without tone, quality mark kept (`ă â ê ô ơ ư đ`).
    pub base: char,
    /// The tone.
    pub tone: Tone,
    /// The letter in lower case.
    pub lower: char,
    /// The letter in upper case.
    pub upper: char,
    /// Whether the letter is the upper-case one.
    pub is_upper: bool,
    /// Whether it is a vowel (every letter but `đ`).
    pub vowel: bool,
    /// Whether it carries a tone mark.
    pub toned: bool,
    /// Whether it carries a quality mark (`ă â ê ô ơ ư`).
    pub quality: bool,
}

const fn tone_of(t: u8) -> Tone {
    match t {
        1 => Tone::Grave,
        2 => Tone::Acute,
        3 => Tone::Tilde,
        4 => Tone::Hook,
        5 => Tone::Dot,
        _ => Tone::Level,
    }
}

const fn char_of(u: u32) -> char {
    match char::from_u32(u) {
        Some(c) => c,
        None => panic!("not a char"),
    }
}

/// Case pairs of the Vietnamese letters: Latin-1 letters 0x20 apart, `Ư`/`ư` at
/// U+01AF/U+01B0, every other pair an even upper case and the odd code point after it.
const fn lower_of(u: u32) -> u32 {
    match u {
        0xC0..=0xDE => u + 0x20,
        0xE0..=0xFE => u,
        0x01AF => 0x01B0,
        0x01B0 => u,
        _ => u | 1,
    }
}

const fn upper_of(u: u32) -> u32 {
    match u {
        0xE0..=0xFE => u - 0x20,
        0xC0..=0xDE => u,
        0x01B0 => 0x01AF,
        0x01AF => u,
        _ => u & !1,
    }
}

/// [`LetterInfo`] of each letter of [`VIETNAMESE_LETTERS`], same order.
static LETTER_INFO: [LetterInfo; 134] = {
    let mut info = [LetterInfo {
        base: 'a',
        tone: Tone::Level,
        lower: 'a',
        upper: 'A',
        is_upper: false,
        vowel: true,
        toned: false,
        quality: false,
    }; 134];
    let mut i = 0;
    while i < info.len() {
        let u = VIETNAMESE_LETTERS[i] as u32;
        let (base, t) = VIETNAMESE_LETTER_PARTS[i];
        info[i] = LetterInfo {
            base,
            tone: tone_of(t),
            lower: char_of(lower_of(u)),
            upper: char_of(upper_of(u)),
            is_upper: upper_of(u) == u,
            vowel: base != 'đ',
            toned: t != 0,
            quality: matches!(base, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'),
        };
        i += 1;
    }
    info
};

/// [`LetterInfo`] of a Vietnamese letter; `None` for anything else (ASCII included).
#[inline]
pub(crate) fn vietnamese_letter(c: char) -> Option<&'static LetterInfo> {
    LETTER_INFO.get(letter_index(c)?)
}

/// [`LetterInfo`] of the Vietnamese letter at code point `u`; `None` for anything else.
#[inline]
pub(crate) fn vietnamese_letter_u32(u: u32) -> Option<&'static LetterInfo> {
    LETTER_INFO.get(letter_index_u32(u)?)
}

/// A precomposed Vietnamese letter's lower-case letter without tone (quality mark kept)
/// and its tone; `None` for anything else (ASCII included).
#[inline]
pub fn vietnamese_letter_parts(c: char) -> Option<(char, Tone)> {
    vietnamese_letter(c).map(|l| (l.base, l.tone))
}

/// Lower case of a letter; Vietnamese and ASCII letters without a table search.
#[inline]
pub fn to_lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(l) = vietnamese_letter(c) {
        return l.lower;
    }
    c.to_lowercase()
        .next()
        .filter(|_| c.to_lowercase().len() == 1)
        .unwrap_or(c)
}

/// Upper case of a letter; Vietnamese and ASCII letters without a table search.
#[inline]
pub fn to_upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    if let Some(l) = vietnamese_letter(c) {
        return l.upper;
    }
    c.to_uppercase()
        .next()
        .filter(|_| c.to_uppercase().len() == 1)
        .unwrap_or(c)
}

/// `char::is_alphabetic` with the Vietnamese letters answered without a table search.
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || is_vietnamese_non_ascii_letter(c)
        || (!c.is_ascii() && c.is_alphabetic())
}

/// Whether `c` may stand in a Vietnamese person's name as a letter: ASCII letters (f, j, w, z
/// occur in ethnic-minority names) and the 134 Vietnamese letters.
pub fn is_name_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || is_vietnamese_non_ascii_letter(c)
}

/// Combining marks of the blocks that can reach a name.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The script of a letter, coarsely: what a finding needs to name.
pub fn script_name(c: char) -> &'static str {
    match c as u32 {
        0x0041..=0x005A
        | 0x0061..=0x007A
        | 0x00C0..=0x024F
        | 0x1E00..=0x1EFF
        | 0x2C60..=0x2C7F
        | 0xA720..=0xA7FF
        | 0xAB30..=0xAB6F
        | 0x0250..=0x02AF
        | 0xFF21..=0xFF3A
        | 0xFF41..=0xFF5A => "Latin",
        0x0370..=0x03FF | 0x1F00..=0x1FFF => "Greek",
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => "Cyrillic",
        0x0530..=0x058F => "Armenian",
        0x13A0..=0x13FF | 0xAB70..=0xABBF => "Cherokee",
        0x0590..=0x05FF => "Hebrew",
        0x0600..=0x06FF => "Arabic",
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => "Han",
        0x1100..=0x11FF | 0xAC00..=0xD7AF | 0x3130..=0x318F => "Hangul",
        0x0E00..=0x0E7F => "Thai",
        0x0E80..=0x0EFF => "Lao",
        0x1780..=0x17FF => "Khmer",
        _ => "another script",
    }
}

/// The Vietnamese name of a script returned by [`script_name`].
pub fn script_name_vi(script: &str) -> &'static str {
    match script {
        "Latin" => "chữ Latinh",
        "Greek" => "chữ Hy Lạp",
        "Cyrillic" => "chữ Kirin",
        "Armenian" => "chữ Armenia",
        "Cherokee" => "chữ Cherokee",
        "Hebrew" => "chữ Do Thái",
        "Arabic" => "chữ Ả Rập",
        "Han" => "chữ Hán",
        "Hangul" => "chữ Hàn",
        "Thai" => "chữ Thái",
        "Lao" => "chữ Lào",
        "Khmer" => "chữ Khmer",
        _ => "hệ chữ khác",
    }
}

/// Latin letters outside Vietnamese that pass for Vietnamese ones, with the letter they imitate.
pub fn vietnamese_lookalike(c: char) -> Option<char> {
    Some(match c {
        'ǎ' => 'ă',
        'Ǎ' => 'Ă',
        'ð' => 'đ',
        'Ð' => 'Đ',
        'Ɖ' => 'Đ',
        'ɖ' => 'đ',
        'ƌ' => 'đ',
        'ĕ' => 'ê',
        'ŏ' => 'ơ',
        'ŭ' => 'ư',
        'ǒ' => 'ơ',
        'ǔ' => 'ư',
        'ø' => 'ơ',
        'ı' => 'i',
        _ => return None,
    })
}

/// Characters the message checks refuse outright, as (code, character) decisions.
pub(crate) fn refused_code(c: char) -> Option<crate::finding::Code> {
    use crate::finding::Code;
    if is_bidi_control(c) {
        Some(Code::TextBidiControl)
    } else if is_invisible(c) {
        Some(Code::TextInvisible)
    } else if is_refused_control(c) {
        Some(Code::TextControlChar)
    } else if is_unusable(c) {
        Some(Code::TextUnusableChar)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tables::VIETNAMESE_LETTERS;

    #[test]
    fn case_mapping_agrees_with_unicode_for_every_vietnamese_letter() {
        for &c in VIETNAMESE_LETTERS.iter() {
            let lower: Vec<char> = c.to_lowercase().collect();
            let upper: Vec<char> = c.to_uppercase().collect();
            assert_eq!(vec![to_lower(c)], lower, "{c}");
            assert_eq!(vec![to_upper(c)], upper, "{c}");
        }
        assert_eq!(to_upper('ß'), 'ß'); // multi-char mappings leave the letter alone
    }

    #[test]
    fn letter_info_agrees_with_unicode() {
        for &c in VIETNAMESE_LETTERS.iter() {
            let l = vietnamese_letter(c).unwrap();
            assert_eq!(l.is_upper, c.is_uppercase(), "{c}");
            assert_eq!(l.toned, l.tone != Tone::Level, "{c}");
            assert_eq!(l.vowel, l.base != 'đ', "{c}");
            assert_eq!(l.quality, "ăâêôơư".contains(l.base), "{c}");
        }
    }

    #[test]
    fn letter_table_agrees_with_the_sorted_list_for_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let want = VIETNAMESE_LETTERS.binary_search(&c).ok();
            assert_eq!(letter_index(c), want, "{c:?}");
            assert_eq!(is_vietnamese_non_ascii_letter(c), want.is_some(), "{c:?}");
        }
    }
}
