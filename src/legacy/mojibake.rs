//! Mojibake: UTF-8 whose bytes were read as Windows-1252 (or Latin-1) and written out
//! again as UTF-8, so that `Nguyễn` became `Nguyá»…n`.
//!
//! Repair maps every character back to its Windows-1252 byte (Latin-1 for U+0080–U+00FF,
//! the five bytes Windows-1252 leaves undefined passing through as C1 controls) and reads
//! the bytes as UTF-8. Text that is not mojibake almost never survives that: a character
//! outside Windows-1252, or bytes that are not UTF-8, and repair says no.

use super::engine::{lookup, CP1252};
use super::table_cp1252;
use super::{nfc, DecodeError, DecodeErrorKind, Encoding};

/// The Windows-1252 (or Latin-1) byte that reads as `c`.
pub(super) fn byte_of(c: char) -> Option<u8> {
    match c as u32 {
        0..=0xFF => Some(c as u8),
        _ => lookup(&table_cp1252::ENCODE, c).and_then(|b| b.first().copied()),
    }
}

/// Repairs UTF-8 that was read as Windows-1252 (or Latin-1): `"Nguyá»…n"` → `"Nguyễn"`.
///
/// Returns `None` when `text` is not such mojibake: when it is ASCII, holds a character
/// that Windows-1252 does not have, or its bytes do not form UTF-8. The result is NFC.
///
/// ```
/// use vietref::legacy::repair_mojibake;
/// assert_eq!(repair_mojibake("Nguyá»…n Thuá»µ").as_deref(), Some("Nguyễn Thuỵ"));
/// assert_eq!(repair_mojibake("Nguyễn"), None);
/// assert_eq!(repair_mojibake("Liège"), None);
/// ```
pub fn repair_mojibake(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        bytes.push(byte_of(c)?);
    }
    String::from_utf8(bytes).ok().map(nfc)
}

/// Decodes bytes that hold mojibake: UTF-8 first, then the repair. ASCII is itself.
pub(super) fn decode(input: &[u8]) -> Result<String, DecodeError> {
    let err = |offset, kind| DecodeError::at(Encoding::Utf8AsCp1252, input, offset, kind);
    let text = std::str::from_utf8(input)
        .map_err(|e| err(e.valid_up_to(), DecodeErrorKind::InvalidUtf8))?;
    if text.is_ascii() {
        return Ok(text.to_string());
    }
    let mut bytes = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let b = byte_of(c).ok_or_else(|| err(at, DecodeErrorKind::NotMojibake))?;
        bytes.push(b);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(nfc(s)),
        Err(e) => {
            // Restored byte i came from the i-th character of the input.
            let i = e.utf8_error().valid_up_to();
            let at = text.char_indices().nth(i).map_or(input.len(), |(at, _)| at);
            Err(err(at, DecodeErrorKind::NotMojibake))
        }
    }
}

/// Appends the mojibake of `text`: its UTF-8 bytes read as Windows-1252, as UTF-8.
pub(super) fn encode_into(text: &str, out: &mut Vec<u8>) {
    for &b in text.as_bytes() {
        let e = CP1252.utf8[b as usize];
        let len = (e[3] as usize).min(3);
        out.extend_from_slice(&e[..len]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_passthrough() {
        // "Ễ" is E1 BB 84 and "ỐT"... pick letters whose UTF-8 holds the undefined bytes:
        // U+1EDD ờ is E1 BB 9D, U+0110 Đ is C4 90, U+01A1 ơ is C6 A1.
        for s in ["ờ", "Đức", "Nguyễn Thị Ánh", "Trường Ơn"] {
            let mut v = Vec::new();
            encode_into(s, &mut v);
            let moji = String::from_utf8(v).unwrap();
            assert_ne!(moji, s);
            assert_eq!(repair_mojibake(&moji).as_deref(), Some(s), "{moji:?}");
        }
        assert_eq!(repair_mojibake("\u{C4}\u{90}"), Some("Đ".to_string()));
    }

    #[test]
    fn decode_locates_errors() {
        let e = decode("Nguyá»…n ộ".as_bytes()).unwrap_err();
        assert_eq!((e.offset, e.kind), (13, DecodeErrorKind::NotMojibake));
        let e = decode("ab é".as_bytes()).unwrap_err();
        assert_eq!((e.offset, e.kind), (3, DecodeErrorKind::NotMojibake));
        assert_eq!(decode(b"plain").unwrap(), "plain");
    }
}
