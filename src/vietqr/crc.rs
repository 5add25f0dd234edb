//! CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR
//! (EMVCo MPM §4.7.3; catalogue check value of `123456789` is `0x29B1`).
//!
//! Table-driven, sixteen bytes per step ("slicing by 16"): the sixteen table look-ups of one
//! step are independent, so the CPU overlaps them instead of waiting on one long chain of
//! dependent look-ups; the tail shorter than sixteen bytes takes one more such step. The
//! tables (8 KiB) are computed at compile time.

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

/// One sixteen-byte step: the CRC register after feeding `block` into a register that
/// holds zero, with the incoming register value already XORed into the block's first two
/// bytes by the caller. Byte `i` still has `15 - i` bytes to travel, which
/// `TABLES[15 - i]` accounts for. The fourteen look-ups that do not depend on the register
/// are combined first, in a tree, so that the chain from one step's register to the next
/// is only two look-ups and two XORs long.
#[inline(always)]
fn step(b: &[u8; SLICES], hi: u8, lo: u8) -> u16 {
    let t = |k: usize, byte: u8| TABLES[k][usize::from(byte)];
    let a = (t(13, b[2]) ^ t(12, b[3])) ^ (t(11, b[4]) ^ t(10, b[5]));
    let c = (t(9, b[6]) ^ t(8, b[7])) ^ (t(7, b[8]) ^ t(6, b[9]));
    let d = (t(5, b[10]) ^ t(4, b[11])) ^ (t(3, b[12]) ^ t(2, b[13]));
    let e = t(1, b[14]) ^ t(0, b[15]);
    let rest = (a ^ c) ^ (d ^ e);
    rest ^ (t(15, b[0] ^ hi) ^ t(14, b[1] ^ lo))
}

/// Continues a CRC-16/CCITT-FALSE computation over `bytes` from register value `crc`.
///
/// Whole sixteen-byte blocks go through [`step`]. A tail of two to fifteen bytes goes
/// through one more step too, right-aligned in a zero block with the register XORed into
/// its first two bytes: leading zero bytes into a zero register change nothing
/// (`TABLES[k][0] == 0`), so this equals feeding the tail alone, without a chain of
/// byte-at-a-time look-ups. A single last byte is fed the plain way.
pub fn update(mut crc: u16, bytes: &[u8]) -> u16 {
    let mut chunks = bytes.chunks_exact(SLICES);
    for c in &mut chunks {
        let Ok(b) = <&[u8; SLICES]>::try_from(c) else {
            continue; // chunks_exact yields exactly SLICES bytes
        };
        crc = step(b, (crc >> 8) as u8, crc as u8);
    }
    match chunks.remainder() {
        [] => crc,
        &[b] => (crc << 8) ^ TABLES[0][usize::from(b ^ (crc >> 8) as u8)],
        tail => {
            let mut block = [0u8; SLICES];
            let at = SLICES - tail.len();
            if let Some(dst) = block.get_mut(at..) {
                dst.copy_from_slice(tail);
            }
            if let Some([h, l]) = block.get_mut(at..at + 2) {
                *h ^= (crc >> 8) as u8;
                *l ^= crc as u8;
            }
            step(&block, 0, 0)
        }
    }
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
    fn update_continues_across_any_split() {
        let data: Vec<u8> = (0..100u32).map(|i| (i * 31 + 7) as u8).collect();
        for n in [0, 1, 2, 15, 16, 17, 33, 63, 100] {
            for cut in 0..=n {
                let (a, b) = data[..n].split_at(cut);
                assert_eq!(
                    update(update(INIT, a), b),
                    reference(&data[..n]),
                    "{n} at {cut}"
                );
            }
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
