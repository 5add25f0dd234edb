//! The character classes that every layer refuses or describes specially: bidirectional
//! controls and invisible characters (docs/domain.md, "Spoofing"). They sit on the ground
//! floor beside [`crate::finding`], which describes such characters by code point only;
//! `text::chars` re-exports them with the other character classes.

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

/// Whether `c` is refused as invisible or as a bidirectional/format control.
pub fn is_format_or_invisible(c: char) -> bool {
    is_bidi_control(c) || is_invisible(c)
}
