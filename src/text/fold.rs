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

/// [`fold`] appending to `out` (which it treats as a fresh start: no leading space is added).
pub fn fold_into(text: &str, out: &mut String) {
    let start = out.len();
    // `pending` records a separator seen since the last letter or digit.
    let mut pending = false;
    let push = |out: &mut String, b: u8, pending: &mut bool| {
        if *pending && out.len() > start {
            out.push(' ');
        }
        *pending = false;
        out.push(b as char);
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                push(out, b.to_ascii_uppercase(), &mut pending);
            } else {
                pending = true;
            }
            i += 1;
            continue;
        }
        // Non-ASCII: decode one char.
        let len = utf8_len(b);
        let c = text[i..i + len].chars().next().unwrap_or(' ');
        i += len;
        let u = c as u32;
        if (0x0300..=0x036F).contains(&u) {
            continue; // combining mark: part of the previous letter
        }
        if u >= FOLD_START {
            if let Some(&f) = FOLD.get((u - FOLD_START) as usize) {
                if f != 0 {
                    push(out, f, &mut pending);
                    continue;
                }
                if u <= 0x024F || (0x1E00..=0x1EFF).contains(&u) {
                    pending = true;
                    continue;
                }
            }
        }
        // Rare path: compatibility decomposition (full-width forms, ligatures, Latin-1 spaces).
        let mut any = false;
        decompose_compatible(c, |d| {
            if d.is_ascii_alphanumeric() {
                push(out, d.to_ascii_uppercase() as u8, &mut pending);
                any = true;
            } else if super::chars::is_combining_mark(d) {
                // dropped
            } else {
                pending = true;
            }
        });
        if !any {
            pending = true;
        }
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
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
}
