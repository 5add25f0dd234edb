//! CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR
//! (EMVCo MPM §4.7.3; catalogue check value of `123456789` is `0x29B1`).
//!
//! Table-driven, sixteen bytes per step ("slicing by 16"): the sixteen table look-ups of one
//! step are independent, so the CPU overlaps them instead of waiting on one long chain of
//! dependent look-ups. The tables (8 KiB) are computed at compile time.

const POLY: u16 = 0x1021;

const SLICES: usize = 16;

/// `TABLES[k][x]`: the CRC register after feeding byte `x` followed by `k` zero bytes into a
/// register that starts at zero.
static TABLES: [[u16; 256]; SLICES] = build_tables();

const fn build_tables() -> [[u16; 256]; SLICES] {
    let mut t = [[0u16; 256]; SLICES];
    let mut x = 0;
    while x < 256 {
        let mut c = (x as u16) << 8;
        let mut bit = 0;
        while bit < 8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ POLY
            } else {
                c << 1
            };
            bit += 1;
        }
        t[0][x] = c;
        x += 1;
    }
    let mut k = 1;
    while k < SLICES {
        let mut x = 0;
        while x < 256 {
            let prev = t[k - 1][x];
            t[k][x] = (prev << 8) ^ t[0][(prev >> 8) as usize];
            x += 1;
        }
        k += 1;
    }
    t
}

/// The initial register value.
pub const INIT: u16 = 0xFFFF;

/// Continues a CRC-16/CCITT-FALSE computation over `bytes` from register value `crc`.
pub fn update(mut crc: u16, bytes: &[u8]) -> u16 {
    let mut chunks = bytes.chunks_exact(SLICES);
    for c in &mut chunks {
        let Ok(b) = <&[u8; SLICES]>::try_from(c) else {
            continue; // chunks_exact yields exactly SLICES bytes
        };
        // The register meets the first two bytes; byte i then still has SLICES - 1 - i
        // bytes to travel, which TABLES[SLICES - 1 - i] accounts for.
        let mut x = TABLES[15][usize::from(b[0] ^ (crc >> 8) as u8)]
            ^ TABLES[14][usize::from(b[1] ^ crc as u8)];
        x ^= TABLES[13][usize::from(b[2])] ^ TABLES[12][usize::from(b[3])];
        x ^= TABLES[11][usize::from(b[4])] ^ TABLES[10][usize::from(b[5])];
        x ^= TABLES[9][usize::from(b[6])] ^ TABLES[8][usize::from(b[7])];
        x ^= TABLES[7][usize::from(b[8])] ^ TABLES[6][usize::from(b[9])];
        x ^= TABLES[5][usize::from(b[10])] ^ TABLES[4][usize::from(b[11])];
        x ^= TABLES[3][usize::from(b[12])] ^ TABLES[2][usize::from(b[13])];
        x ^= TABLES[1][usize::from(b[14])] ^ TABLES[0][usize::from(b[15])];
        crc = x;
    }
    for &b in chunks.remainder() {
        crc = (crc << 8) ^ TABLES[0][usize::from(b ^ (crc >> 8) as u8)];
    }
    crc
}

/// CRC-16/CCITT-FALSE of `bytes`.
///
/// ```
/// assert_eq!(vietref::vietqr::crc16(b"123456789"), 0x29B1);
/// ```
pub fn crc16(bytes: &[u8]) -> u16 {
    update(INIT, bytes)
}

/// Writes `crc` as 4 upper-case hexadecimal digits.
pub fn hex4(crc: u16) -> [u8; 4] {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    [
        HEX[usize::from((crc >> 12) as u8 & 0xF)],
        HEX[usize::from((crc >> 8) as u8 & 0xF)],
        HEX[usize::from((crc >> 4) as u8 & 0xF)],
        HEX[usize::from(crc as u8 & 0xF)],
    ]
}

/// Reads 4 hexadecimal digits (either case) into a value.
pub fn parse_hex4(s: &[u8]) -> Option<u16> {
    if s.len() != 4 {
        return None;
    }
    let mut v = 0u16;
    for &b in s {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'A'..=b'F' => b - b'A' + 10,
            b'a'..=b'f' => b - b'a' + 10,
            _ => return None,
        };
        v = (v << 4) | u16::from(d);
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bit-at-a-time reference, straight from the definition.
    fn reference(bytes: &[u8]) -> u16 {
        let mut crc = 0xFFFFu16;
        for &b in bytes {
            crc ^= u16::from(b) << 8;
            for _ in 0..8 {
                crc = if crc & 0x8000 != 0 {
                    (crc << 1) ^ 0x1021
                } else {
                    crc << 1
                };
            }
        }
        crc
    }

    #[test]
    fn check_value() {
        assert_eq!(crc16(b"123456789"), 0x29B1);
        assert_eq!(reference(b"123456789"), 0x29B1);
        assert_eq!(crc16(b""), 0xFFFF);
    }

    #[test]
    fn sliced_equals_bitwise_for_every_length() {
        let data: Vec<u8> = (0..300u32).map(|i| (i * 7919 % 251) as u8).collect();
        for n in 0..data.len() {
            assert_eq!(crc16(&data[..n]), reference(&data[..n]), "length {n}");
        }
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(&hex4(0x29B1), b"29B1");
        assert_eq!(&hex4(0x0A0F), b"0A0F");
        assert_eq!(parse_hex4(b"29b1"), Some(0x29B1));
        assert_eq!(parse_hex4(b"29G1"), None);
        assert_eq!(parse_hex4(b"29B"), None);
    }
}
