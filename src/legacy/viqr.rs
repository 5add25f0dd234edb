//! VIQR (VIetnamese Quoted-Readable), RFC 1456 section 3.
//!
//! Source: RFC 1456 (May 1993) and the Viet-Std VIQR convention it describes. A vowel is
//! followed by its marks as ASCII characters, quality mark first: `(` breve, `^`
//! circumflex, `+` horn; then the tone: `'` acute, `` ` `` grave, `?` hook above, `~` tilde,
//! `.` dot below. `dd` is `đ`, `DD` (and `Dd`) is `Đ`. A mark character is a mark if and
//! only if it combines with the letter before it into a Vietnamese letter; a backslash
//! before a mark character (or before `d`, `D` or `\`) makes it literal: `Hie^'u\.` is
//! `Hiếu.`.

use super::engine::compose_fast;
use super::{DecodeError, DecodeErrorKind, EncodeError, EncodeErrorKind, Encoding};
use crate::text::chars::is_vietnamese_non_ascii_letter;
use unicode_normalization::char::decompose_canonical;

/// The combining mark a VIQR mark character writes.
pub(super) fn mark_of(c: u8) -> Option<char> {
    Some(match c {
        b'(' => '\u{0306}',
        b'^' => '\u{0302}',
        b'+' => '\u{031B}',
        b'\'' => '\u{0301}',
        b'`' => '\u{0300}',
        b'?' => '\u{0309}',
        b'~' => '\u{0303}',
        b'.' => '\u{0323}',
        _ => return None,
    })
}

fn mnemonic_of(mark: char) -> Option<u8> {
    Some(match mark {
        '\u{0306}' => b'(',
        '\u{0302}' => b'^',
        '\u{031B}' => b'+',
        '\u{0301}' => b'\'',
        '\u{0300}' => b'`',
        '\u{0309}' => b'?',
        '\u{0303}' => b'~',
        '\u{0323}' => b'.',
        _ => return None,
    })
}

/// The Vietnamese letter that `letter` followed by the mark character `c` makes, if any.
pub(super) fn combine(letter: char, c: u8) -> Option<char> {
    let q = compose_fast(letter, mark_of(c)?)?;
    is_vietnamese_non_ascii_letter(q).then_some(q)
}

fn escapable(c: u8) -> bool {
    mark_of(c).is_some() || matches!(c, b'\\' | b'd' | b'D')
}

/// Decodes VIQR bytes to NFC text.
pub(super) fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(bytes.len());
    decode_into(bytes, &mut out)
        .map_err(|(i, kind)| DecodeError::at(Encoding::Viqr, bytes, i, kind))?;
    Ok(out)
}

/// Decodes VIQR bytes, appending to `out`; the error is the offset of a non-ASCII byte.
pub(super) fn decode_into(bytes: &[u8], out: &mut String) -> Result<(), (usize, DecodeErrorKind)> {
    // The last letter written, while marks may still modify it.
    let mut prev: Option<char> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 {
            return Err((i, DecodeErrorKind::NotSevenBit));
        }
        if b == b'\\' {
            match bytes.get(i + 1) {
                Some(&n) if escapable(n) => {
                    out.push(n as char);
                    i += 2;
                }
                _ => {
                    out.push('\\');
                    i += 1;
                }
            }
            prev = None;
            continue;
        }
        i += 1;
        if let Some(q) = prev.and_then(|p| combine(p, b)) {
            out.pop();
            out.push(q);
            prev = Some(q);
            continue;
        }
        let dd = match (prev, b) {
            (Some('d'), b'd') => Some('đ'),
            (Some('D'), b'D' | b'd') => Some('Đ'),
            _ => None,
        };
        if let Some(q) = dd {
            out.pop();
            out.push(q);
            prev = None;
            continue;
        }
        let c = b as char;
        out.push(c);
        prev = c.is_ascii_alphabetic().then_some(c);
    }
    Ok(())
}

/// Appends the VIQR form of the NFC `text` to `out`, escaping mark characters that would
/// otherwise combine with the letter before them, and a `d` that would pair with the next.
pub(super) fn encode_into(text: &str, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    let mut prev: Option<char> = None;
    let mut line = 1;
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii() {
            let b = c as u8;
            if c.is_ascii_alphabetic() {
                let pairs_next = matches!(c, 'd' | 'D')
                    && chars
                        .peek()
                        .is_some_and(|&(_, n)| matches!(n, 'd' | 'D' | 'đ' | 'Đ'));
                if pairs_next {
                    out.extend_from_slice(&[b'\\', b]);
                    prev = None;
                } else {
                    out.push(b);
                    prev = Some(c);
                }
                continue;
            }
            let literal = b == b'\\' || prev.is_some_and(|p| combine(p, b).is_some());
            if literal {
                out.push(b'\\');
            }
            out.push(b);
            if b == b'\n' {
                line += 1;
            }
            prev = None;
            continue;
        }
        match c {
            'đ' => out.extend_from_slice(b"dd"),
            'Đ' => out.extend_from_slice(b"DD"),
            _ if is_vietnamese_non_ascii_letter(c) => {
                let mut base = None;
                let mut quality = None;
                let mut tone = None;
                decompose_canonical(c, |d| {
                    if d.is_ascii() {
                        base = Some(d as u8);
                    } else if matches!(d, '\u{0306}' | '\u{0302}' | '\u{031B}') {
                        quality = mnemonic_of(d);
                    } else {
                        tone = mnemonic_of(d);
                    }
                });
                let Some(base) = base else {
                    return Err(unencodable(c, i, line));
                };
                out.push(base);
                out.extend(quality);
                out.extend(tone);
            }
            _ => return Err(unencodable(c, i, line)),
        }
        prev = Some(c).filter(|c| !matches!(c, 'đ' | 'Đ'));
    }
    Ok(())
}

fn unencodable(c: char, i: usize, line: usize) -> EncodeError {
    EncodeError {
        encoding: Encoding::Viqr,
        character: c,
        position: i + 1,
        line,
        kind: EncodeErrorKind::Unencodable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> String {
        decode(s.as_bytes()).unwrap()
    }

    fn enc(s: &str) -> String {
        let mut v = Vec::new();
        encode_into(s, &mut v).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn rfc_examples() {
        // RFC 1456 / Viet-Std examples.
        assert_eq!(
            dec("To^i ye^u tie^'ng nu+o+'c to^i tu+` khi mo+'i ra ddo+`i\\."),
            "Tôi yêu tiếng nước tôi từ khi mới ra đời."
        );
        assert_eq!(
            dec("O^ng te^n gi`\\? To^i te^n la` Tra^`n Va(n Hie^'u\\."),
            "Ông tên gì? Tôi tên là Trần Văn Hiếu."
        );
        assert_eq!(dec("DDu+'c Ddu+'c"), "Đức Đức");
    }

    #[test]
    fn marks_only_where_they_make_a_letter() {
        // `e(` is not a Vietnamese letter, `b'` neither: both stay literal.
        assert_eq!(dec("e( b' (a)"), "e( b' (a)");
        // Unescaped period after a vowel is a dot below, as the convention says.
        assert_eq!(dec("Ha Noi."), "Ha Noị");
        assert_eq!(dec("a\\\\^"), "a\\^");
    }

    #[test]
    fn encoder_escapes_what_would_combine() {
        assert_eq!(enc("Hiếu."), "Hie^'u\\.");
        assert_eq!(enc("ddđ"), "\\d\\ddd");
        assert_eq!(dec(&enc("ddđ")), "ddđ");
        assert_eq!(enc("ấ. a\\^"), "a^'. a\\\\^");
        for s in [
            "Hiếu.", "ddđ", "a\\^", "Dd", "dĐ", "ơ+", "ư'?", "Đ.", "(a)", "o^",
        ] {
            assert_eq!(dec(&enc(s)), s, "{s}");
        }
    }

    #[test]
    fn refuses_non_ascii() {
        let err = decode("Hà".as_bytes()).unwrap_err();
        assert_eq!((err.offset, err.kind), (1, DecodeErrorKind::NotSevenBit));
        let mut v = Vec::new();
        let err = encode_into("a€", &mut v).unwrap_err();
        assert_eq!((err.character, err.position), ('€', 2));
    }
}
