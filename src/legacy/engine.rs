//! The table-driven codecs: byte tables built at compile time from the generated
//! `table_*.rs` files, the single-byte decoder, the base-letter-plus-mark decoder (VNI,
//! Windows-1258) and the table encoder.

use super::{table_cp1252, table_cp1258, table_tcvn3, table_viscii, table_vni, table_vps, NONE};
use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// A decoding table: for every byte either its character as precomputed UTF-8 (bytes 0..3,
/// length in byte 3), or the combining marks a mark byte adds to the letter before it, or
/// nothing (undefined byte).
pub(super) struct Table {
    /// UTF-8 of the byte's character; `[3]` is the length, 0 when the byte is not a
    /// character of its own.
    pub utf8: [[u8; 4]; 256],
    /// For mark bytes, the combining marks they add (0 = none).
    pub marks: [[u32; 2]; 256],
    /// Whether any byte is a mark byte (VNI, Windows-1258, TCVN3's VN1 marks).
    pub has_marks: bool,
    /// Whether mark bytes are rare enough that decoding first tries the single-byte path
    /// and starts over with the mark path only when it meets one (TCVN3: VN1's combining
    /// marks at 0xB0-0xB4 hardly occur in real files, which are VN3).
    pub marks_rare: bool,
    /// The byte's character as a code point (`NONE` for mark and undefined bytes).
    pub chars: [u32; 256],
}

const fn utf8_of(cp: u32) -> [u8; 4] {
    if cp == NONE {
        [0, 0, 0, 0]
    } else if cp < 0x80 {
        [cp as u8, 0, 0, 1]
    } else if cp < 0x800 {
        [0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8, 0, 2]
    } else {
        // Every character of these tables is in the BMP.
        [
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
            3,
        ]
    }
}

const fn is_combining(cp: u32) -> bool {
    cp >= 0x0300 && cp <= 0x036F
}

const fn build(decode: &[u32; 256], marks: &[(u8, u32, u32)], marks_rare: bool) -> Table {
    let mut utf8 = [[0u8; 4]; 256];
    let mut mk = [[0u32; 2]; 256];
    let mut has_marks = false;
    let mut chars = [NONE; 256];
    let mut i = 0;
    while i < 256 {
        let cp = decode[i];
        if cp != NONE && is_combining(cp) {
            mk[i] = [cp, 0];
            has_marks = true;
        } else {
            utf8[i] = utf8_of(cp);
            chars[i] = cp;
        }
        i += 1;
    }
    let mut j = 0;
    while j < marks.len() {
        let (b, a, c) = marks[j];
        mk[b as usize] = [a, c];
        has_marks = true;
        j += 1;
    }
    Table {
        utf8,
        marks: mk,
        has_marks,
        marks_rare,
        chars,
    }
}

pub(super) static TCVN3: Table = build(&table_tcvn3::DECODE, &[], true);
pub(super) static VISCII: Table = build(&table_viscii::DECODE, &[], false);
pub(super) static VPS: Table = build(&table_vps::DECODE, &[], false);
pub(super) static CP1258: Table = build(&table_cp1258::DECODE, &[], false);
pub(super) static VNI: Table = build(&table_vni::DECODE, &table_vni::MARKS, false);
pub(super) static CP1252: Table = build(&table_cp1252::DECODE, &[], false);

/// Decodes `bytes` with `t`, appending UTF-8 to `out`. Returns whether the output may hold
/// combining marks that did not compose (the caller then runs NFC), or the offset of the
/// first undefined byte.
pub(super) fn decode_table(t: &Table, bytes: &[u8], out: &mut Vec<u8>) -> Result<bool, usize> {
    if t.marks_rare {
        let start = out.len();
        match decode_single(t, bytes, out) {
            Ok(()) => Ok(false),
            Err(i) if t.marks[bytes[i] as usize][0] != 0 => {
                out.truncate(start);
                decode_marks(t, bytes, out)
            }
            Err(i) => Err(i),
        }
    } else if t.has_marks {
        decode_marks(t, bytes, out)
    } else {
        decode_single(t, bytes, out).map(|()| false)
    }
}

/// Single-byte decoding: every byte is one character, so the output is NFC by construction
/// (the tables hold precomposed letters and no combining marks).
fn decode_single(t: &Table, bytes: &[u8], out: &mut Vec<u8>) -> Result<(), usize> {
    let start = out.len();
    // Each byte writes at most 3 bytes; the 4-byte copies need one spare byte.
    out.resize(start + 3 * bytes.len() + 4, 0);
    let buf = &mut out[start..];
    let mut w = 0;
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        // Runs of printable ASCII are the same in every table: copy 8 at a time.
        while i + 8 <= n {
            let mut word = [0u8; 8];
            word.copy_from_slice(&bytes[i..i + 8]);
            let x = u64::from_le_bytes(word);
            // No high bit, and no byte below 0x20 (C0 letters of VISCII and VPS).
            if x & 0x8080_8080_8080_8080 != 0
                || x.wrapping_add(0x6060_6060_6060_6060) & 0x8080_8080_8080_8080
                    != 0x8080_8080_8080_8080
            {
                break;
            }
            buf[w..w + 8].copy_from_slice(&word);
            w += 8;
            i += 8;
        }
        let stop = (i + 8).min(n);
        while i < stop {
            let b = bytes[i];
            let e = t.utf8[b as usize];
            let len = e[3] as usize;
            if len == 0 {
                out.truncate(start + w);
                return Err(i);
            }
            buf[w..w + 4].copy_from_slice(&e);
            w += len;
            i += 1;
        }
    }
    out.truncate(start + w);
    Ok(())
}

/// Base letter + mark byte decoding (VNI, Windows-1258): a mark byte composes with the
/// character before it when Unicode has a precomposed letter for the pair; otherwise the
/// combining marks are written out and the caller runs NFC.
fn decode_marks(t: &Table, bytes: &[u8], out: &mut Vec<u8>) -> Result<bool, usize> {
    let start = out.len();
    // A VNI mark byte can write two 2-byte combining marks: 4 bytes per input byte.
    out.resize(start + 4 * bytes.len() + 4, 0);
    let buf = &mut out[start..];
    let mut w = 0;
    // Where the last character starts and what it is, while a mark may still compose it.
    let mut last: Option<(usize, char)> = None;
    let mut needs_nfc = false;
    for (i, &b) in bytes.iter().enumerate() {
        let e = t.utf8[b as usize];
        let len = e[3] as usize;
        if len != 0 {
            buf[w..w + 4].copy_from_slice(&e);
            last = char::from_u32(t.chars[b as usize]).map(|c| (w, c));
            w += len;
            continue;
        }
        let [m1, m2] = t.marks[b as usize];
        let (Some(m1), m2) = (char::from_u32(m1).filter(|_| m1 != 0), char::from_u32(m2)) else {
            out.truncate(start + w);
            return Err(i);
        };
        let m2 = m2.filter(|&c| c != '\0');
        let composed = last.and_then(|(s, prev)| {
            let c = compose_fast(prev, m1)?;
            match m2 {
                Some(m) => compose_fast(c, m),
                None => Some(c),
            }
            .map(|c| (s, c))
        });
        match composed {
            Some((s, c)) => {
                w = s + c.encode_utf8(&mut buf[s..s + 4]).len();
                last = Some((s, c));
            }
            None => {
                w += m1.encode_utf8(&mut buf[w..w + 4]).len();
                if let Some(m) = m2 {
                    w += m.encode_utf8(&mut buf[w..w + 4]).len();
                }
                last = None;
                needs_nfc = true;
            }
        }
    }
    out.truncate(start + w);
    Ok(needs_nfc)
}

/// Decodes one short word into `out` character by character (detection's path: no
/// buffer sizing, no validation). Mark bytes compose with the character before them when
/// they can and are kept as combining marks otherwise. `Err` on an undefined byte.
pub(super) fn decode_word(t: &Table, word: &[u8], out: &mut String) -> Result<(), ()> {
    let mut can_compose = false;
    for &b in word {
        if let Some(c) = char::from_u32(t.chars[b as usize]) {
            out.push(c);
            can_compose = true;
            continue;
        }
        let [m1, m2] = t.marks[b as usize];
        let m1 = char::from_u32(m1).filter(|&c| c != '\0').ok_or(())?;
        let m2 = char::from_u32(m2).filter(|&c| c != '\0');
        let prev = if can_compose { out.pop() } else { None };
        let composed = prev.and_then(|p| {
            let c = compose_fast(p, m1)?;
            match m2 {
                Some(m) => compose_fast(c, m),
                None => Some(c),
            }
        });
        match (composed, prev) {
            (Some(c), _) => out.push(c),
            (None, p) => {
                out.extend(p);
                out.push(m1);
                out.extend(m2);
                can_compose = false;
            }
        }
    }
    Ok(())
}

/// The toned Vietnamese vowels: row = base vowel (see [`vowel_index`]), column = tone
/// (acute, grave, hook above, tilde, dot below). Unicode canonical composition; the unit
/// test checks every entry against [`compose_mark`].
const TONED: [[char; 5]; 24] = [
    ['á', 'à', 'ả', 'ã', 'ạ'], // a
    ['ắ', 'ằ', 'ẳ', 'ẵ', 'ặ'], // ă
    ['ấ', 'ầ', 'ẩ', 'ẫ', 'ậ'], // â
    ['é', 'è', 'ẻ', 'ẽ', 'ẹ'], // e
    ['ế', 'ề', 'ể', 'ễ', 'ệ'], // ê
    ['í', 'ì', 'ỉ', 'ĩ', 'ị'], // i
    ['ó', 'ò', 'ỏ', 'õ', 'ọ'], // o
    ['ố', 'ồ', 'ổ', 'ỗ', 'ộ'], // ô
    ['ớ', 'ờ', 'ở', 'ỡ', 'ợ'], // ơ
    ['ú', 'ù', 'ủ', 'ũ', 'ụ'], // u
    ['ứ', 'ừ', 'ử', 'ữ', 'ự'], // ư
    ['ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'], // y
    ['Á', 'À', 'Ả', 'Ã', 'Ạ'], // A
    ['Ắ', 'Ằ', 'Ẳ', 'Ẵ', 'Ặ'], // Ă
    ['Ấ', 'Ầ', 'Ẩ', 'Ẫ', 'Ậ'], // Â
    ['É', 'È', 'Ẻ', 'Ẽ', 'Ẹ'], // E
    ['Ế', 'Ề', 'Ể', 'Ễ', 'Ệ'], // Ê
    ['Í', 'Ì', 'Ỉ', 'Ĩ', 'Ị'], // I
    ['Ó', 'Ò', 'Ỏ', 'Õ', 'Ọ'], // O
    ['Ố', 'Ồ', 'Ổ', 'Ỗ', 'Ộ'], // Ô
    ['Ớ', 'Ờ', 'Ở', 'Ỡ', 'Ợ'], // Ơ
    ['Ú', 'Ù', 'Ủ', 'Ũ', 'Ụ'], // U
    ['Ứ', 'Ừ', 'Ử', 'Ữ', 'Ự'], // Ư
    ['Ý', 'Ỳ', 'Ỷ', 'Ỹ', 'Ỵ'], // Y
];

fn vowel_index(c: char) -> Option<usize> {
    Some(match c {
        'a' => 0,
        'ă' => 1,
        'â' => 2,
        'e' => 3,
        'ê' => 4,
        'i' => 5,
        'o' => 6,
        'ô' => 7,
        'ơ' => 8,
        'u' => 9,
        'ư' => 10,
        'y' => 11,
        'A' => 12,
        'Ă' => 13,
        'Â' => 14,
        'E' => 15,
        'Ê' => 16,
        'I' => 17,
        'O' => 18,
        'Ô' => 19,
        'Ơ' => 20,
        'U' => 21,
        'Ư' => 22,
        'Y' => 23,
        _ => return None,
    })
}

/// [`compose_mark`] with a table lookup for the Vietnamese cases (a tone on a toneless
/// vowel, a quality mark on a plain vowel), which are nearly all that decoding meets.
pub(super) fn compose_fast(base: char, mark: char) -> Option<char> {
    let tone = match mark {
        '\u{0301}' => Some(0),
        '\u{0300}' => Some(1),
        '\u{0309}' => Some(2),
        '\u{0303}' => Some(3),
        '\u{0323}' => Some(4),
        _ => None,
    };
    if let Some(t) = tone {
        if let Some(v) = vowel_index(base) {
            return TONED.get(v).and_then(|row| row.get(t)).copied();
        }
    } else {
        let q = match (base, mark) {
            ('a', '\u{0306}') => Some('ă'),
            ('a', '\u{0302}') => Some('â'),
            ('e', '\u{0302}') => Some('ê'),
            ('o', '\u{0302}') => Some('ô'),
            ('o', '\u{031B}') => Some('ơ'),
            ('u', '\u{031B}') => Some('ư'),
            ('A', '\u{0306}') => Some('Ă'),
            ('A', '\u{0302}') => Some('Â'),
            ('E', '\u{0302}') => Some('Ê'),
            ('O', '\u{0302}') => Some('Ô'),
            ('O', '\u{031B}') => Some('Ơ'),
            ('U', '\u{031B}') => Some('Ư'),
            _ => None,
        };
        if q.is_some() {
            return q;
        }
    }
    compose_mark(base, mark)
}

/// Composes a character with one combining mark into one precomposed character, through
/// canonical order when needed (`ê` + dot below is `ẹ` + circumflex: `ệ`).
pub(super) fn compose_mark(base: char, mark: char) -> Option<char> {
    if let Some(c) = compose(base, mark) {
        return Some(c);
    }
    let mut parts = ['\0'; 4];
    let mut n = 0;
    let mut overflow = false;
    decompose_canonical(base, |d| {
        if n < 3 {
            parts[n] = d;
            n += 1;
        } else {
            overflow = true;
        }
    });
    if overflow || n < 2 {
        return None;
    }
    parts[n] = mark;
    n += 1;
    let marks = &mut parts[1..n];
    marks.sort_by_key(|&m| canonical_combining_class(m));
    let mut c = parts[0];
    for &m in &parts[1..n] {
        c = compose(c, m)?;
    }
    Some(c)
}

/// Direct-indexed encoding of the characters text is made of: U+0000..U+02FF and the
/// Latin Extended Additional block (the toned Vietnamese letters); `[2]` is the length
/// (0: not in the table). Built at compile time from a generated `ENCODE` table, which
/// stays the fallback for everything else.
pub(super) struct EncodeIndex {
    table: &'static [(u32, [u8; 2])],
    low: [[u8; 3]; 0x300],
    extended: [[u8; 3]; 0x100],
}

const fn build_index(table: &'static [(u32, [u8; 2])]) -> EncodeIndex {
    let mut low = [[0u8; 3]; 0x300];
    let mut extended = [[0u8; 3]; 0x100];
    let mut i = 0;
    while i < table.len() {
        let (cp, [a, b]) = table[i];
        let entry = [a, b, if b == 0 { 1 } else { 2 }];
        if cp < 0x300 {
            low[cp as usize] = entry;
        } else if cp >= 0x1E00 && cp < 0x1F00 {
            extended[(cp - 0x1E00) as usize] = entry;
        }
        i += 1;
    }
    EncodeIndex {
        table,
        low,
        extended,
    }
}

pub(super) static TCVN3_ENC: EncodeIndex = build_index(&table_tcvn3::ENCODE);
pub(super) static VISCII_ENC: EncodeIndex = build_index(&table_viscii::ENCODE);
pub(super) static VPS_ENC: EncodeIndex = build_index(&table_vps::ENCODE);
pub(super) static CP1258_ENC: EncodeIndex = build_index(&table_cp1258::ENCODE);
pub(super) static VNI_ENC: EncodeIndex = build_index(&table_vni::ENCODE);

impl EncodeIndex {
    /// The one or two bytes of `c`.
    pub(super) fn get(&self, c: char) -> Option<&[u8]> {
        let cp = c as u32;
        let entry = if cp < 0x300 {
            self.low.get(cp as usize)
        } else if (0x1E00..0x1F00).contains(&cp) {
            self.extended.get((cp - 0x1E00) as usize)
        } else {
            return lookup(self.table, c);
        }?;
        let len = entry[2] as usize;
        (len != 0).then(|| entry.get(..len)).flatten()
    }
}

/// Looks `c` up in a generated `ENCODE` table: its one or two bytes.
pub(super) fn lookup(table: &[(u32, [u8; 2])], c: char) -> Option<&[u8]> {
    let i = table.binary_search_by_key(&(c as u32), |e| e.0).ok()?;
    let (_, bytes) = table.get(i)?;
    Some(if bytes[1] == 0 {
        &bytes[..1]
    } else {
        &bytes[..]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_through_canonical_order() {
        assert_eq!(compose_mark('ê', '\u{0323}'), Some('ệ'));
        assert_eq!(compose_mark('â', '\u{0323}'), Some('ậ'));
        assert_eq!(compose_mark('a', '\u{0306}'), Some('ă'));
        assert_eq!(compose_mark('b', '\u{0301}'), None);
        assert_eq!(compose_mark('ấ', '\u{0323}'), None);
    }

    #[test]
    fn fast_composition_is_canonical_composition() {
        let marks = [
            '\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}', '\u{302}', '\u{306}', '\u{31B}',
        ];
        for cp in 0x41..0x2000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for m in marks {
                assert_eq!(compose_fast(c, m), compose_mark(c, m), "{c} {m:?}");
            }
        }
    }

    #[test]
    fn tables_are_consistent() {
        assert_eq!(VISCII.utf8[0x02], [0xE1, 0xBA, 0xB2, 3]); // Ẳ on a C0 byte
        assert!(VNI.has_marks && CP1258.has_marks && TCVN3.has_marks && TCVN3.marks_rare);
        // VN1: a capital on a C0 byte, a combining mark at 0xB0-0xB4.
        assert_eq!(TCVN3.utf8[0x01], [0xC3, 0x9A, 0, 2]); // Ú
        assert_eq!(TCVN3.marks[0xB3], [0x0301, 0]);
        // 0xCC in Windows-1258 is the combining grave, a mark byte.
        assert_eq!(CP1258.marks[0xCC], [0x0300, 0]);
        assert_eq!(TCVN3.utf8[0xA7], [0xC4, 0x90, 0, 2]); // Đ
    }
}
