//! Value rules for every VietQR field, shared by the decoder and the encoder so that the two
//! can never disagree about what is valid.

use super::{Initiation, Service};
use crate::finding::{Code, Finding};

/// The NAPAS scheme identifier in tag 38, sub-tag 00.
pub const NAPAS_GUID: &str = "A000000727";
/// Bank BIN length (38.01.00).
pub const BIN_LEN: usize = 6;
/// Longest account or card number (38.01.01).
pub const ACCOUNT_MAX: usize = 19;
/// Longest amount (54), in digits.
pub const AMOUNT_MAX: usize = 13;
/// Longest merchant name (59).
pub const MERCHANT_NAME_MAX: usize = 25;
/// Longest merchant city (60).
pub const MERCHANT_CITY_MAX: usize = 15;
/// Longest postal code (61).
pub const POSTAL_CODE_MAX: usize = 10;
/// Longest additional-data sub-field 01..08 (62.xx).
pub const ADDITIONAL_MAX: usize = 25;
/// Longest consumer data request (62.09): letters `A`, `M`, `E`.
pub const CONSUMER_REQUEST_MAX: usize = 3;
/// Longest value of any field (two length digits).
pub const VALUE_MAX: usize = 99;
/// The only currency: Vietnamese đồng (ISO 4217 numeric).
pub const CURRENCY_VND: &str = "704";
/// The only country.
pub const COUNTRY_VN: &str = "VN";

/// Whether the value is read from someone else's payload or written by vietref.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Side {
    /// Non-ASCII text is accepted with a warning (and counted in characters).
    Decode,
    /// Non-ASCII text is an error: vietref writes ASCII only.
    Encode,
}

/// Free text: not empty and not only spaces, at most `max` characters, no control or
/// invisible characters; non-ASCII is a warning when decoding and an error when encoding.
/// Characters past `max` are not examined one by one (the value is too long anyway), so
/// the findings stay few whatever the length of the input.
pub(crate) fn text(value: &str, max: usize, side: Side, field: &str, out: &mut Vec<Finding>) {
    // Fast path, one pass over the bytes: printable ASCII with at least one non-space.
    let (printable, spaces_only) = printable_ascii(value.as_bytes());
    if printable && !spaces_only {
        if value.len() > max {
            out.push(too_long(field, value.len(), max));
        }
        return;
    }
    text_faults(value, max, side, field, out);
}

/// [`text`] for a value that is not printable ASCII or is blank: kept out of line so that
/// the common case stays small.
#[cold]
#[inline(never)]
fn text_faults(value: &str, max: usize, side: Side, field: &str, out: &mut Vec<Finding>) {
    // A value of spaces shows as nothing: it is empty (control characters are reported
    // below).
    if value.bytes().all(|b| b == b' ') {
        out.push(Finding::new(Code::VietqrEmpty, field));
        return;
    }
    if value.is_ascii() {
        if value.len() > max {
            out.push(too_long(field, value.len(), max));
        }
        for (i, b) in value.bytes().enumerate().take(max) {
            if b.is_ascii_control() {
                out.push(Finding::new(Code::VietqrControlChar, field).at(i + 1, char::from(b)));
            }
        }
        return;
    }
    let mut reported_non_ascii = false;
    for (i, c) in value.chars().enumerate().take(max) {
        if c.is_control() || crate::text::is_format_or_invisible(c) {
            out.push(Finding::new(Code::VietqrControlChar, field).at(i + 1, c));
        } else if !c.is_ascii() && side == Side::Encode {
            out.push(Finding::new(Code::VietqrNonAscii, field).at(i + 1, c));
        } else if !c.is_ascii() && !reported_non_ascii {
            reported_non_ascii = true;
            out.push(Finding::new(Code::VietqrNonAsciiRead, field));
        }
    }
    let count = value.chars().count();
    if count > max {
        out.push(too_long(field, count, max));
    }
}

pub(crate) fn too_long(field: &str, len: usize, max: usize) -> Finding {
    Finding::new(Code::VietqrTooLong, field)
        .limit(max)
        .detail(len.to_string())
}

/// Feeds `bytes` to `f` eight at a time as little-endian words, for tests that hold for a
/// value when they hold for every byte. A value of 8 bytes or more ends with its last eight
/// bytes, overlapping the word before (a byte seen twice changes nothing); a shorter value
/// is one word filled up with `pad`, a byte chosen to pass the test at hand.
#[inline(always)]
fn words(bytes: &[u8], pad: u8, mut f: impl FnMut(u64)) {
    let load = |c: &[u8]| <[u8; 8]>::try_from(c).map(u64::from_le_bytes);
    if bytes.len() >= 8 {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            if let Ok(w) = load(c) {
                f(w);
            }
        }
        if !chunks.remainder().is_empty() {
            if let Some(Ok(w)) = bytes.get(bytes.len() - 8..).map(load) {
                f(w);
            }
        }
    } else if !bytes.is_empty() {
        // Shifting the bytes in from the top, last first, pushes that many pad bytes out
        // and leaves the value in little-endian order below the remaining pad bytes.
        let w = bytes
            .iter()
            .rev()
            .fold(u64::from(pad) * ONES, |w, &b| (w << 8) | u64::from(b));
        f(w);
    }
}

/// One in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether every byte is printable ASCII (`0x20..0x7F`), and whether every byte is a space
/// (both true for the empty value), eight bytes at a time.
///
/// With every high bit clear (no byte of 0x80 or more), adding 0x60 to a byte sets its high
/// bit exactly when the byte is 0x20 or more, and adding 1 exactly when it is 0x7F; no
/// addition carries into the next byte then. A word with a high bit set fails anyway.
#[inline]
fn printable_ascii(bytes: &[u8]) -> (bool, bool) {
    let mut outside = 0u64;
    let mut non_space = 0u64;
    words(bytes, b' ', |w| {
        outside |=
            (w & HIGHS) | (!w.wrapping_add(0x60 * ONES) & HIGHS) | (w.wrapping_add(ONES) & HIGHS);
        non_space |= w ^ (u64::from(b' ') * ONES);
    });
    (outside == 0, non_space == 0)
}

#[cold]
fn quoted(value: &str) -> String {
    format!("{value:?}")
}

/// Every byte ASCII (below 0x80), eight bytes at a time.
pub(crate) fn all_ascii(bytes: &[u8]) -> bool {
    let mut high = 0u64;
    words(bytes, 0, |w| high |= w & HIGHS);
    high == 0
}

/// Every byte an ASCII digit, eight bytes at a time: XOR with `'0'` turns exactly the
/// digits into 0..=9, and a byte is below 10 when it is below 16 and stays so after adding
/// 6 (no carry between bytes, each being below 16).
fn all_digits(value: &str) -> bool {
    let mut bad = 0u64;
    words(value.as_bytes(), b'0', |w| {
        let d = w ^ (u64::from(b'0') * ONES);
        bad |= (d | d.wrapping_add(6 * ONES)) & (0xF0 * ONES);
    });
    bad == 0
}

/// The high bit of each byte of `w` (every byte below 0x80) set when the byte lies in
/// `lo..=hi` (`lo` ≥ 1, `hi` < 0x7F): adding `0x80 - lo` reaches the high bit exactly from
/// `lo` on, adding `0x7F - hi` exactly above `hi`, and neither carries out of a byte.
#[inline(always)]
fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    let from_lo = w.wrapping_add(u64::from(0x80 - lo) * ONES);
    let above_hi = w.wrapping_add(u64::from(0x7F - hi) * ONES);
    from_lo & !above_hi & HIGHS
}

/// Every byte an ASCII letter or digit, eight bytes at a time (letters folded to upper
/// case by clearing bit 0x20 first).
fn all_alphanumeric(value: &str) -> bool {
    let mut bad = 0u64;
    words(value.as_bytes(), b'0', |w| {
        let upper = w & !(0x20 * ONES);
        let ok = in_range(w, b'0', b'9') | in_range(upper, b'A', b'Z');
        // A byte of 0x80 or more fails, and makes the range tests meaningless anyway.
        bad |= (w & HIGHS) | (!ok & HIGHS);
    });
    bad == 0
}

/// A value that must equal one constant (`00` = `01`, `53` = `704`, `58` = `VN`, GUID).
#[inline]
pub(crate) fn exact(value: &str, expected: &str, code: Code, field: &str, out: &mut Vec<Finding>) {
    if value != expected {
        mismatch(value, code, field, out);
    }
}

/// The finding of [`exact`]: kept out of line, the common case is a match.
#[cold]
#[inline(never)]
fn mismatch(value: &str, code: Code, field: &str, out: &mut Vec<Finding>) {
    out.push(Finding::new(code, field).detail(quoted(value)));
}

/// Tag 01 against tag 54: a static code (11) carries no amount, a dynamic code (12) needs
/// one.
pub(crate) fn initiation_amount(initiation: Initiation, amount: Option<&str>) -> Option<Finding> {
    // Made only when there is something to report: the usual case allocates nothing.
    let f = || Finding::new(Code::VietqrInitiationMismatch, "vietqr.01");
    match (initiation, amount) {
        (Initiation::Static, Some(a)) => Some(f().detail_both(
            format!("static code (11) with amount {a:?}"),
            format!("mã tĩnh (11) có số tiền {a:?}"),
        )),
        (Initiation::Dynamic, None) => Some(f().detail_both(
            "dynamic code (12) without amount",
            "mã động (12) không có số tiền",
        )),
        _ => None,
    }
}

/// 38.01.00: six ASCII digits.
pub(crate) fn bin(value: &str, field: &str, out: &mut Vec<Finding>) {
    if value.len() != BIN_LEN || !all_digits(value) {
        out.push(Finding::new(Code::VietqrBin, field).detail(quoted(value)));
    }
}

/// 38.01.01: 1 to 19 ASCII letters or digits (e-wallet accounts behind BIN 970454 have
/// letters).
pub(crate) fn account(value: &str, field: &str, out: &mut Vec<Finding>) {
    let ok = (1..=ACCOUNT_MAX).contains(&value.len()) && all_alphanumeric(value);
    if !ok {
        out.push(
            Finding::new(Code::VietqrAccount, field)
                .limit(ACCOUNT_MAX)
                .detail(quoted(value)),
        );
    }
}

/// 38.01.00 when decoding: a well-formed BIN that no registry entry has is a warning
/// (`vietqr.bin_unknown`): the money would go somewhere vietref cannot name.
pub(crate) fn bin_known(value: &str, field: &str, out: &mut Vec<Finding>) {
    if value.len() == BIN_LEN && all_digits(value) && super::banks::by_bin(value).is_none() {
        out.push(Finding::new(Code::VietqrBinUnknown, field).detail(quoted(value)));
    }
}

/// Fewest characters of a bank account number any bank in the registry issues (wallet
/// accounts are phone numbers of 10 digits or longer).
pub const ACCOUNT_MIN_PLAUSIBLE: usize = 6;
/// Card numbers (service `QRIBFTTC`): ISO/IEC 7812 numbers of NAPAS cards, 16 to 19 digits.
pub const CARD_MIN_PLAUSIBLE: usize = 16;

/// 38.01.01 when decoding: a well-formed number shorter than any bank issues (a one-digit
/// account) is a warning, `vietqr.account_length`.
pub(crate) fn account_length(value: &str, service: Service, field: &str, out: &mut Vec<Finding>) {
    if !(1..=ACCOUNT_MAX).contains(&value.len()) || !all_alphanumeric(value) {
        return; // `vietqr.account` already
    }
    let (min, en, vi) = match service {
        Service::ToCard => (CARD_MIN_PLAUSIBLE, "card numbers have", "số thẻ có"),
        _ => (
            ACCOUNT_MIN_PLAUSIBLE,
            "bank accounts have",
            "số tài khoản ngân hàng có",
        ),
    };
    if value.len() < min {
        let n = value.len();
        let chars = if n == 1 { "character" } else { "characters" };
        out.push(Finding::new(Code::VietqrAccountLength, field).detail_both(
            format!(
                "{} has {n} {chars}; {en} {min} to {ACCOUNT_MAX}",
                quoted(value)
            ),
            format!(
                "{} có {n} ký tự; {vi} từ {min} đến {ACCOUNT_MAX} ký tự",
                quoted(value)
            ),
        ));
    }
}

/// 59 and 62.08 in strict decoding: ASCII only (`vietqr.non_ascii_strict` at the first
/// other character).
pub(crate) fn ascii_strict(value: &str, field: &str, out: &mut Vec<Finding>) {
    if all_ascii(value.as_bytes()) {
        return;
    }
    if let Some((i, c)) = value.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
        out.push(Finding::new(Code::VietqrNonAsciiStrict, field).at(i + 1, c));
    }
}

/// 52: four digits.
pub(crate) fn merchant_category(value: &str, field: &str, out: &mut Vec<Finding>) {
    if value.len() != 4 || !all_digits(value) {
        out.push(Finding::new(Code::VietqrMerchantCategory, field).detail(quoted(value)));
    }
}

/// 54: a whole number of đồng: 1 to 13 digits, no leading zero.
pub(crate) fn amount(value: &str, field: &str, out: &mut Vec<Finding>) {
    let digits = all_digits(value);
    // An ASCII value (digits are) has as many characters as bytes.
    let chars = if digits || value.is_ascii() {
        value.len()
    } else {
        value.chars().count()
    };
    if chars > AMOUNT_MAX {
        out.push(too_long(field, chars, AMOUNT_MAX));
    }
    if value.is_empty() || !digits || value.starts_with('0') {
        out.push(Finding::new(Code::VietqrAmount, field).detail(quoted(value)));
    }
}

/// 62.09: consumer data request, the letters `A` (address), `M` (mobile), `E` (e-mail).
pub(crate) fn consumer_request(value: &str, side: Side, field: &str, out: &mut Vec<Finding>) {
    text(value, CONSUMER_REQUEST_MAX, side, field, out);
}

/// A tag or path key of the `unreserved` map is placeable: two-digit IDs separated by dots,
/// inside a template vietref knows, and not a tag VietQR defines there.
pub(crate) fn unreserved_key(key: &str) -> bool {
    let mut ids = [0u8; 3];
    let mut n = 0;
    for part in key.split('.') {
        let b = part.as_bytes();
        if n == 3 || b.len() != 2 || !all_digits(part) {
            return false;
        }
        if let Some(slot) = ids.get_mut(n) {
            *slot = (b[0] - b'0') * 10 + (b[1] - b'0');
        }
        n += 1;
    }
    let [a, b, c] = ids;
    match n {
        1 => !matches!(a, 0 | 1 | 38 | 52 | 53 | 54 | 58 | 59 | 60 | 61 | 62 | 63),
        2 => match a {
            38 => b > 2,
            62 => !(1..=9).contains(&b),
            _ => false,
        },
        3 => a == 38 && b == 1 && c > 1,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tests_agree_with_byte_tests() {
        let mut x: u32 = 7;
        let mut next = || {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 16) as u8
        };
        let interesting = [
            0u8, b' ', b'0', b'9', b'/', b':', 0x1F, 0x7E, 0x7F, 0x80, 0xFF, b'A', b'Z', b'a',
            b'z', b'@', b'[', b'`', b'{', 0xC1, 0xE1, 0xDA, 0xFA,
        ];
        for len in 0..40 {
            for round in 0..300 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| match round % 3 {
                        0 => next(),
                        1 => interesting[usize::from(next()) % interesting.len()],
                        _ => [b' ', b'5', b'~', b'q', b'Q'][usize::from(next()) % 5],
                    })
                    .collect();
                assert_eq!(all_ascii(&bytes), bytes.is_ascii(), "{bytes:?}");
                let printable = bytes.iter().all(|b| (0x20..0x7F).contains(b));
                let spaces = bytes.iter().all(|&b| b == b' ');
                assert_eq!(printable_ascii(&bytes), (printable, spaces), "{bytes:?}");
                if let Ok(v) = std::str::from_utf8(&bytes) {
                    assert_eq!(all_digits(v), bytes.iter().all(u8::is_ascii_digit), "{v:?}");
                    let alnum = bytes.iter().all(u8::is_ascii_alphanumeric);
                    assert_eq!(all_alphanumeric(v), alnum, "{v:?}");
                }
            }
        }
    }

    #[test]
    fn keys() {
        for ok in [
            "80", "99", "64", "26", "55", "62.50", "62.10", "38.03", "38.01.02",
        ] {
            assert!(unreserved_key(ok), "{ok}");
        }
        for bad in [
            "", "8", "800", "38", "62", "63", "00", "62.08", "38.01", "38.02", "38.01.01", "80.01",
            "6a", "62.50.01", "1.2", "62.",
        ] {
            assert!(!unreserved_key(bad), "{bad}");
        }
    }
}
