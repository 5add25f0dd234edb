//! Character classes used by the checks: refused characters (SPEC §5.5), whitespace,
//! apostrophes, the Vietnamese letter repertoire and scripts.

use super::syllable::Tone;
use super::tables::{VIETNAMESE_LETTERS, VIETNAMESE_LETTER_PARTS};

/// Bidirectional controls (Trojan Source, CVE-2021-42574).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c as u32, 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Invisible characters that can hide inside a name or a code: zero-width characters, word
/// joiner and invisible operators, BOM, soft hyphen, combining grapheme joiner, Mongolian
/// vowel separator, Hangul fillers, variation selectors and tag characters.
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x200B..=0x200D | 0x2060..=0x2064 | 0xFEFF | 0x00AD | 0x034F | 0x180E | 0x115F | 0x1160
        | 0x3164 | 0xFFA0 | 0xFE00..=0xFE0F | 0xE0000..=0xE007F | 0xE0100..=0xE01EF | 0x17B4
        | 0x17B5 | 0x2065 | 0x1BCA0..=0x1BCA3)
}

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
const VIET_END: u32 = 0x1F00;

/// One bit per code point from U+00C0 to U+1EFF: set for the 134 Vietnamese letters.
static VIET_BITS: [u64; ((VIET_END - VIET_START) / 64 + 1) as usize] = {
    let mut bits = [0u64; ((VIET_END - VIET_START) / 64 + 1) as usize];
    let mut i = 0;
    while i < VIETNAMESE_LETTERS.len() {
        let off = VIETNAMESE_LETTERS[i] as u32 - VIET_START;
        bits[(off / 64) as usize] |= 1 << (off % 64);
        i += 1;
    }
    bits
};

/// Whether `c` is one of the 134 non-ASCII Vietnamese letters.
pub fn is_vietnamese_non_ascii_letter(c: char) -> bool {
    let u = c as u32;
    if !(VIET_START..VIET_END).contains(&u) {
        return false;
    }
    let off = u - VIET_START;
    VIET_BITS
        .get((off / 64) as usize)
        .is_some_and(|w| w & (1 << (off % 64)) != 0)
}

/// A precomposed Vietnamese letter's lower-case letter without tone (quality mark kept)
/// and its tone; `None` for anything else (ASCII included).
pub fn vietnamese_letter_parts(c: char) -> Option<(char, Tone)> {
    if !is_vietnamese_non_ascii_letter(c) {
        return None;
    }
    let i = VIETNAMESE_LETTERS.binary_search(&c).ok()?;
    let &(base, t) = VIETNAMESE_LETTER_PARTS.get(i)?;
    let tone = match t {
        1 => Tone::Grave,
        2 => Tone::Acute,
        3 => Tone::Tilde,
        4 => Tone::Hook,
        5 => Tone::Dot,
        _ => Tone::Level,
    };
    Some((base, tone))
}

/// Lower case of a letter; Vietnamese and ASCII letters without a table search.
pub fn to_lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if is_vietnamese_non_ascii_letter(c) {
        let u = c as u32;
        let l = match u {
            0xC0..=0xDE => u + 0x20,
            0xE0..=0xFE => u,
            0x01AF => 0x01B0,
            0x01B0 => u,
            _ => u | 1,
        };
        return char::from_u32(l).unwrap_or(c);
    }
    c.to_lowercase()
        .next()
        .filter(|_| c.to_lowercase().len() == 1)
        .unwrap_or(c)
}

/// Upper case of a letter; Vietnamese and ASCII letters without a table search.
pub fn to_upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    if is_vietnamese_non_ascii_letter(c) {
        let u = c as u32;
        let up = match u {
            0xE0..=0xFE => u - 0x20,
            0xC0..=0xDE => u,
            0x01B0 => 0x01AF,
            0x01AF => u,
            _ => u & !1,
        };
        return char::from_u32(up).unwrap_or(c);
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
}
