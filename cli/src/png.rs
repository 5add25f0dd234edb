//! A minimal PNG writer for QR codes: 1-bit greyscale, zlib "stored" (uncompressed) blocks.
//!
//! Written here rather than pulling in an image library: a QR code at 8 pixels per module is
//! a few tens of kilobytes even uncompressed, and the format needs only a CRC-32, an
//! Adler-32 and four chunks (PNG spec, W3C 2003; zlib RFC 1950; deflate stored blocks RFC
//! 1951 §3.2.4).

fn crc32_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    for (n, slot) in t.iter_mut().enumerate() {
        let mut c = n as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *slot = c;
    }
    t
}

fn crc32(table: &[u32; 256], parts: &[&[u8]]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for part in parts {
        for &b in *part {
            c = table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
        }
    }
    c ^ 0xFFFF_FFFF
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

fn chunk(out: &mut Vec<u8>, table: &[u32; 256], kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(table, &[kind, data]).to_be_bytes());
}

/// Encodes raw scanlines (each starting with its filter byte) as a zlib stream of stored
/// blocks.
fn zlib_stored(raw: &[u8]) -> Vec<u8> {
    let mut z = Vec::with_capacity(raw.len() + raw.len() / 65535 * 5 + 16);
    z.extend_from_slice(&[0x78, 0x01]);
    let mut blocks = raw.chunks(65535).peekable();
    if blocks.peek().is_none() {
        z.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(block) = blocks.next() {
        let last = blocks.peek().is_none();
        z.push(u8::from(last));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    z.extend_from_slice(&adler32(raw).to_be_bytes());
    z
}

/// A PNG of a QR code: `dark` holds `width * width` modules row by row; each module becomes
/// `scale` × `scale` pixels, with a light border of `quiet` modules.
pub fn qr_png(dark: &[bool], width: usize, scale: usize, quiet: usize) -> Vec<u8> {
    let modules = width + 2 * quiet;
    let px = modules * scale;
    let row_bytes = px.div_ceil(8);
    let mut raw = Vec::with_capacity((row_bytes + 1) * px);
    for y in 0..px {
        raw.push(0); // filter: none
        let my = (y / scale).checked_sub(quiet).filter(|&m| m < width);
        let mut byte = 0u8;
        for x in 0..px {
            let mx = (x / scale).checked_sub(quiet).filter(|&m| m < width);
            let is_dark = match (mx, my) {
                (Some(mx), Some(my)) => dark.get(my * width + mx).copied().unwrap_or(false),
                _ => false,
            };
            // bit depth 1, greyscale: 1 = white
            byte = (byte << 1) | u8::from(!is_dark);
            if x % 8 == 7 {
                raw.push(byte);
                byte = 0;
            }
        }
        if !px.is_multiple_of(8) {
            raw.push(byte << (8 - px % 8));
        }
    }
    let table = crc32_table();
    let mut out = Vec::new();
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&(px as u32).to_be_bytes());
    ihdr.extend_from_slice(&(px as u32).to_be_bytes());
    ihdr.extend_from_slice(&[1, 0, 0, 0, 0]); // depth 1, greyscale, deflate, adaptive, no interlace
    chunk(&mut out, &table, b"IHDR", &ihdr);
    chunk(&mut out, &table, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, &table, b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums() {
        // CRC-32 check value, Adler-32 of "Wikipedia" (RFC 1950 example values)
        assert_eq!(crc32(&crc32_table(), &[b"123456789"]), 0xCBF4_3926);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn layout() {
        let png = qr_png(&[true], 1, 2, 1);
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        // 3 modules × 2 px = 6 px wide and high
        assert_eq!(&png[16..24], &[0, 0, 0, 6, 0, 0, 0, 6]);
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]));
    }
}
