//! HMAC signing and constant-time verification (RustCrypto `hmac` and `sha2`), hexadecimal
//! text, form encoding and Vietnam's civil time.

use super::Secret;
use hmac::{Hmac, Mac};
use sha2::{Sha256, Sha512};

/// The hash a gateway signs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Algo {
    /// HMAC-SHA512 (VNPAY 2.1.0).
    Sha512,
    /// HMAC-SHA256 (MoMo v2, ZaloPay v2).
    Sha256,
}

/// The lower-case hexadecimal HMAC of `data` under `key`.
pub(crate) fn sign(algo: Algo, key: &Secret, data: &str) -> String {
    let tag = match algo {
        Algo::Sha512 => {
            let mut m = Hmac::<Sha512>::new_from_slice(key.bytes()).expect("HMAC takes any key");
            m.update(data.as_bytes());
            m.finalize().into_bytes().to_vec()
        }
        Algo::Sha256 => {
            let mut m = Hmac::<Sha256>::new_from_slice(key.bytes()).expect("HMAC takes any key");
            m.update(data.as_bytes());
            m.finalize().into_bytes().to_vec()
        }
    };
    to_hex(&tag)
}

/// Whether `signature` (hexadecimal, either case) is the HMAC of `data` under `key`. The
/// comparison is `hmac`'s `verify_slice`, in constant time.
pub(crate) fn verify(algo: Algo, key: &Secret, data: &str, signature: &str) -> bool {
    let Some(tag) = from_hex(signature) else {
        return false;
    };
    match algo {
        Algo::Sha512 => {
            let mut m = Hmac::<Sha512>::new_from_slice(key.bytes()).expect("HMAC takes any key");
            m.update(data.as_bytes());
            m.verify_slice(&tag).is_ok()
        }
        Algo::Sha256 => {
            let mut m = Hmac::<Sha256>::new_from_slice(key.bytes()).expect("HMAC takes any key");
            m.update(data.as_bytes());
            m.verify_slice(&tag).is_ok()
        }
    }
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    if b.len() % 2 != 0 || b.is_empty() {
        return None;
    }
    let nib = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    b.chunks(2)
        .map(|p| Some(nib(p[0])? << 4 | nib(p[1])?))
        .collect()
}

/// `application/x-www-form-urlencoded` writing of one key or value (space as `+`; letters,
/// digits and `* - . _` kept; everything else `%XX` of its UTF-8 bytes).
pub(crate) fn form_encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Vietnam's civil time (UTC+7, no daylight saving) of a Unix time in milliseconds:
/// `(year, month, day, hour, minute, second)`.
pub(crate) fn vietnam_time(unix_ms: u64) -> (u64, u64, u64, u64, u64, u64) {
    let secs = unix_ms / 1000 + 7 * 3600;
    let days = secs / 86_400;
    let rem = secs % 86_400;
    // Days since 1970-01-01 to the civil date (the proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
}

/// `yyyyMMddHHmmss` in Vietnam's time.
pub(crate) fn vietnam_stamp(unix_ms: u64) -> String {
    let (y, mo, d, h, mi, s) = vietnam_time(unix_ms);
    format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4231_case_2() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let k = Secret::new("Jefe");
        let d = "what do ya want for nothing?";
        assert_eq!(
            sign(Algo::Sha256, &k, d),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert!(sign(Algo::Sha512, &k, d).starts_with("164b7a7bfcf819e2e395fbe73b56e0a387bd6422"));
        let upper = sign(Algo::Sha256, &k, d).to_uppercase();
        assert!(verify(Algo::Sha256, &k, d, &upper));
        assert!(!verify(
            Algo::Sha256,
            &k,
            "what do ya want for nothing!",
            &upper
        ));
        assert!(!verify(Algo::Sha256, &k, d, &upper[..62]));
        assert!(!verify(Algo::Sha256, &k, d, "zz"));
    }

    #[test]
    fn vietnam_time_is_utc_plus_7() {
        // 2021-08-01 08:33:33 UTC = 15:33:33 in Vietnam.
        assert_eq!(vietnam_stamp(1_627_806_813_000), "20210801153333");
        // 2024-02-29 17:00:00 UTC is already 1 March in Vietnam.
        assert_eq!(vietnam_stamp(1_709_226_000_000), "20240301000000");
        assert_eq!(form_encode("Thanh toan :5"), "Thanh+toan+%3A5");
    }
}
