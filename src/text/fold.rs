//! The ASCII memo form: what survives every bank's transfer-content field.

use super::tables::{FOLD, FOLD_START};
use unicode_normalization::char::decompose_compatible;

/// Folds text to the ASCII memo form: every Vietnamese letter (and `đ Đ ð Ð`) to its base
/// letter, upper case; every character outside `[A-Z0-9]` to a space; spaces collapsed and
/// trimmed. Combining marks vanish (so NFD and NFC input fold alike) and compatibility forms
/// are folded first (`Ｎ` → `N`).
///
/// The output always matches `^[A-Z0-9]+( [A-Z0-9]+)*$` or is empty.
///
/// ```
/// assert_eq!(vietref::text::fold("Nguyễn Văn Đức"), "NGUYEN VAN DUC");
/// assert_eq!(vietref::text::fold("  học phí, HK1/2024 "), "HOC PHI HK1 2024");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// What one ASCII byte folds to: the upper-case letter or digit, or 0 for a separator.
static ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_uppercase() || b.is_ascii_digit() {
            b
        } else if b.is_ascii_lowercase() {
            b - 32
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Marker for "drop this character" (a combining mark: part of the previous letter).
const SKIP: u8 = 1;

/// [`fold`] appending to `out` (which it treats as a fresh start: no leading space is added).
pub fn fold_into(text: &str, out: &mut String) {
    let mut buf = std::mem::take(out).into_bytes();
    let start = buf.len();
    // Each input byte yields at most one output byte on the table paths; the rare
    // decomposition path makes room for itself.
    buf.resize(start + text.len() + 1, 0);
    let b = text.as_bytes();
    let byte = |i: usize| u32::from(b.get(i).copied().unwrap_or(0x80) & 0x3F);
    // Branch-light: a separator writes a space, and the write position advances unless it
    // is a second space in a row (or a space at the start).
    let mut j = start;
    let mut prev_space = 1usize;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let folded = if x < 0x80 {
            i += 1;
            ASCII[x as usize]
        } else {
            let (cp, len) = if x < 0xE0 {
                ((u32::from(x & 0x1F) << 6) | byte(i + 1), 2)
            } else if x < 0xF0 {
                (
                    (u32::from(x & 0x0F) << 12) | (byte(i + 1) << 6) | byte(i + 2),
                    3,
                )
            } else {
                (
                    (u32::from(x & 0x07) << 18)
                        | (byte(i + 1) << 12)
                        | (byte(i + 2) << 6)
                        | byte(i + 3),
                    4,
                )
            };
            i += len;
            match classify(cp) {
                SKIP => continue,
                SLOW => {
                    decompose_into(cp, &mut buf, &mut j, &mut prev_space);
                    let need = j + (b.len() - i) + 1;
                    if buf.len() < need {
                        buf.resize(need, 0);
                    }
                    continue;
                }
                f => f,
            }
        };
        let v = if folded == 0 { b' ' } else { folded };
        let is_space = usize::from(folded == 0);
        if let Some(slot) = buf.get_mut(j) {
            *slot = v;
        }
        j += 1 - (is_space & prev_space);
        prev_space = is_space;
    }
    if j > start && prev_space == 1 {
        j -= 1;
    }
    buf.truncate(j.min(buf.len()));
    // Only ASCII was appended to what was a String, so this cannot fail; fall back to a
    // lossy conversion rather than panic if it ever did.
    *out = match String::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
}

/// Marker for "take the compatibility-decomposition path".
const SLOW: u8 = 2;

/// Folds one non-ASCII code point by table: a byte, 0 for a separator, [`SKIP`] or [`SLOW`].
fn classify(cp: u32) -> u8 {
    if (0x0300..=0x036F).contains(&cp) {
        return SKIP;
    }
    if cp >= FOLD_START {
        if let Some(&f) = FOLD.get((cp - FOLD_START) as usize) {
            return f;
        }
    }
    SLOW
}

/// The rare path: full-width forms, ligatures, Latin-1 punctuation, other scripts.
fn decompose_into(cp: u32, buf: &mut Vec<u8>, j: &mut usize, prev_space: &mut usize) {
    let Some(c) = char::from_u32(cp) else {
        return;
    };
    let mut emit = |v: u8, buf: &mut Vec<u8>| {
        let is_space = usize::from(v == b' ');
        if *j >= buf.len() {
            buf.resize(*j + 64, 0);
        }
        buf[*j] = v;
        *j += 1 - (is_space & *prev_space);
        *prev_space = is_space;
    };
    let mut any = false;
    decompose_compatible(c, |d| {
        if d.is_ascii_alphanumeric() {
            emit(d.to_ascii_uppercase() as u8, buf);
            any = true;
        } else if !super::chars::is_combining_mark(d) {
            emit(b' ', buf);
        }
    });
    if !any {
        emit(b' ', buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_four_d_letters() {
        assert_eq!(fold("đ Đ ð Ð"), "D D D D");
    }

    #[test]
    fn nfd_equals_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let s = "Nguyễn Thị Thuỷ Hoà, Đặng Quốc Việt";
        let d: String = s.nfd().collect();
        assert_eq!(fold(s), fold(&d));
        assert_eq!(fold(s), "NGUYEN THI THUY HOA DANG QUOC VIET");
    }

    #[test]
    fn punctuation_and_compat() {
        assert_eq!(fold("Ｎｇｕｙễｎ"), "NGUYEN");
        assert_eq!(fold("...a..b.."), "A B");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" - "), "");
        assert_eq!(fold("НОА"), "");
        assert_eq!(fold("ﬁ"), "FI");
        assert_eq!(fold("a\u{00A0}b"), "A B");
    }

    #[test]
    fn expansions_do_not_crowd_out_later_text() {
        let s = format!(
            "{}{}",
            "\u{00BC}\u{2474}\u{FB03}".repeat(40),
            "abcdefgh".repeat(30)
        );
        let f = fold(&s);
        assert!(f.ends_with(&"ABCDEFGH".repeat(30)), "{f}");
        assert!(f.starts_with("1 4 1 FFI1 4 1 FFI"), "{f}");
    }
}
