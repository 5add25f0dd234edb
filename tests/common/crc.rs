//! CRC-16/CCITT-FALSE bit by bit, from the definition: independent of the library's tables,
//! for building VietQR payloads in tests.

/// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR).
pub fn crc_reference(bytes: &[u8]) -> u16 {
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

/// Appends `6304` and the CRC to a payload body.
pub fn with_crc(body: &str) -> String {
    let s = format!("{body}6304");
    let c = crc_reference(s.as_bytes());
    format!("{s}{c:04X}")
}
