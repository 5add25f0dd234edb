//! The ASCII memo form: what survives every bank's transfer-content field.
//!
//! Two passes over bytes, with no per-character decoding on the common path:
//!
//! 1. [`tokens`]: each byte, read with the byte after it as a little-endian `u16`, indexes
//!    [`PAIR`] (64 KiB, built at compile time) and yields at most one token: a letter or
//!    digit, a space, or nothing. ASCII folds by itself; a 2-byte letter is written at its
//!    lead byte (the pair is the whole letter); a letter of U+1000–U+1EFF (`E1 xx yy`,
//!    where Latin Extended Additional holds `ạ ả ấ … ỹ`) is written at its middle byte (the
//!    pair `xx yy` names it once the lead `E1` is known). Eight bytes go per step: eight
//!    look-ups and eight stores, the write position advancing past each token that is not
//!    "nothing", and one branch, for a rare byte. Every other character (4-byte ones, other
//!    3-byte blocks, U+0080–U+00BF) is rare: the general path decodes it and folds it by
//!    table or by its compatibility decomposition.
//! 2. [`squeeze`]: space runs collapsed and the ends trimmed, eight bytes at a time; nothing
//!    moves until the first space that follows a space.
//!
//! [`reference`] keeps the per-character implementation this replaced: property tests and
//! the `text` fuzz target hold the two equal on arbitrary input.

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
    // Sized once and zeroed by the allocator: a large buffer comes as fresh pages the
    // kernel has zeroed, so the token pass is the first to touch them (a `resize` here
    // would write every page once more before the fold writes it).
    let mut buf = vec![0u8; text.len() + PAD];
    let end = tokens(text.as_bytes(), &mut buf, 0);
    let end = squeeze(&mut buf, end);
    buf.truncate(end);
    ascii_string(buf)
}

/// [`fold`] appending to `out` (which it treats as a fresh start: no leading space is added).
pub fn fold_into(text: &str, out: &mut String) {
    if out.is_empty() {
        // Fold in `out`'s own allocation.
        let mut buf = std::mem::take(out).into_bytes();
        fold_bytes(text.as_bytes(), &mut buf);
        *out = ascii_string(buf);
    } else {
        // Converting `out` back to a `String` would check all of it again (callers append
        // many short texts to one arena): fold apart and check only what is appended.
        let mut buf = Vec::with_capacity(text.len() + PAD);
        fold_bytes(text.as_bytes(), &mut buf);
        match std::str::from_utf8(&buf) {
            Ok(s) => out.push_str(s),
            Err(_) => out.push_str(&String::from_utf8_lossy(&buf)),
        }
    }
}

/// Folds `b` into the empty `buf`.
fn fold_bytes(b: &[u8], buf: &mut Vec<u8>) {
    buf.clear();
    fold_append(b, buf);
}

/// Appends the fold of `b` to `buf` (treated as a fresh start: no leading space), leaving
/// what `buf` already holds untouched. For callers that build ASCII text as bytes and
/// check it as UTF-8 once at the end (the memo renderer).
pub(crate) fn fold_append(b: &[u8], buf: &mut Vec<u8>) {
    let start = buf.len();
    let end = tokens(b, buf, start);
    let end = buf
        .get_mut(start..)
        .map_or(0, |tail| squeeze(tail, end - start));
    buf.truncate(start + end);
}

/// `buf` (ASCII) as a `String`. Only ASCII was written, so this cannot fail; fall back to a
/// lossy conversion rather than panic if it ever did.
fn ascii_string(buf: Vec<u8>) -> String {
    match String::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// Token: the byte yields nothing (a continuation byte, a lead byte whose letter is written
/// at the next byte, a combining mark).
const NOTHING: u8 = 0;
/// Token bit: the byte starts a character [`PAIR`] does not cover (every other token is
/// ASCII).
const RARE: u8 = 0x80;
/// Room kept past the tokens written so far: a step writes 8 bytes at the write position.
const PAD: usize = 8;

/// The token of byte `x` followed by byte `y`, for a position on the fast path: `x` starts
/// a character, or continues one whose earlier bytes the fast path took.
const fn pair_token(x: u8, y: u8) -> u8 {
    let y_continues = y >= 0x80 && y < 0xC0;
    let y_bits = (y & 0x3F) as u32;
    if x < 0x80 {
        ascii_token(x)
    } else if x < 0xC0 {
        if y_continues {
            // The middle byte of a U+1000–U+1EFF character (the fast path took its lead
            // `E1`; any other lead is rare, and its whole character is skipped).
            let cp = 0x1000 | ((x & 0x3F) as u32) << 6 | y_bits;
            match table_token(cp, &FOLD) {
                RARE => NOTHING, // U+1F00 and above: their lead is rare, never reached
                t => t,
            }
        } else {
            // The last byte of a character already written.
            NOTHING
        }
    } else if x >= 0xC2 && x < 0xE0 && y_continues {
        table_token(((x & 0x1F) as u32) << 6 | y_bits, &FOLD)
    } else if x == 0xE1 && y >= 0x80 && y < 0xBC {
        // U+1000–U+1EFF: written at the middle byte.
        NOTHING
    } else {
        RARE
    }
}

/// The token of an ASCII byte: the upper-case letter or digit, else a space.
const fn ascii_token(b: u8) -> u8 {
    if b.is_ascii_uppercase() || b.is_ascii_digit() {
        b
    } else if b.is_ascii_lowercase() {
        b - 32
    } else {
        b' '
    }
}

/// The token of a code point folded by table, or [`RARE`] when it needs the decomposition.
const fn table_token(cp: u32, fold: &[u8; FOLD.len()]) -> u8 {
    match classify(cp, fold) {
        SKIP => NOTHING,
        SLOW => RARE,
        0 => b' ',
        f => f,
    }
}

/// Marker for "drop this character" (a combining mark: part of the previous letter).
const SKIP: u8 = 1;
/// Marker for "take the compatibility-decomposition path".
const SLOW: u8 = 2;

/// Folds one non-ASCII code point by table: a byte, 0 for a separator, [`SKIP`] or [`SLOW`].
const fn classify(cp: u32, fold: &[u8; FOLD.len()]) -> u8 {
    if cp >= 0x0300 && cp <= 0x036F {
        return SKIP;
    }
    if cp >= FOLD_START && ((cp - FOLD_START) as usize) < fold.len() {
        return fold[(cp - FOLD_START) as usize];
    }
    SLOW
}

/// [`FOLD`] for look-ups at run time (the general path).
static FOLD_TABLE: [u8; FOLD.len()] = FOLD;

/// [`pair_token`] of every byte pair: `PAIR[y][x]`, so that the two bytes read as a
/// little-endian `u16` index [`pair_table`].
static PAIR: [[u8; 256]; 256] = {
    // Every byte `y` that does not continue a character gives the same row; bytes `x`
    // below 0x80 fold alike whatever follows them. Built by rows, which keeps the
    // compile-time evaluation short.
    let mut other = [0u8; 256];
    let mut x = 0;
    while x < 256 {
        other[x] = pair_token(x as u8, 0);
        x += 1;
    }
    let mut t = [other; 256];
    let mut y = 0x80;
    while y < 0xC0 {
        let mut x = 0x80;
        while x < 256 {
            t[y][x] = pair_token(x as u8, y as u8);
            x += 1;
        }
        y += 1;
    }
    t
};

/// [`PAIR`] indexed by `y << 8 | x`.
fn pair_table() -> &'static [u8] {
    PAIR.as_flattened()
}

/// Pass 1: writes the tokens of `b` to `buf` from `start` (`buf.len()` on entry; it is
/// grown and zero-filled as needed) and returns where they end.
fn tokens(b: &[u8], buf: &mut Vec<u8>, start: usize) -> usize {
    buf.resize(start + b.len() + PAD, 0);
    let (mut i, mut j) = (0, start);
    // `buf.len() >= j + (b.len() - i) + PAD` holds between the steps of both paths.
    loop {
        let rare;
        (i, j, rare) = steps(b, i, buf, j);
        if !rare {
            break;
        }
        (i, j) = general(b, i, i + 8, buf, j);
    }
    // The last 1–8 bytes: one more step over a copy padded with NULs, which fold to spaces
    // at the end (dropped by pass 2), as the general path would read them: a byte past the
    // end counts as NUL there too.
    if let Some(rest) = b.get(i..).filter(|r| !r.is_empty() && r.len() <= 8) {
        let mut tail = [0u8; 9];
        if let Some(dst) = tail.get_mut(..rest.len()) {
            dst.copy_from_slice(rest);
        }
        let (_, end, rare) = steps(&tail, 0, buf, j);
        if !rare {
            return end;
        }
    }
    general(b, i, b.len(), buf, j).1
}

/// The high bit of each byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// [`ascii_token`] of each byte of `x`, eight ASCII bytes (high bits clear) at once.
fn ascii_tokens(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // For a byte below 0x80, adding 0x80 - lo sets its high bit exactly when it is at
    // least `lo`, and the sum stays below 0x100 (no carry into the next byte) for the
    // bounds used here (all 0x30 or more).
    let at_least = |lo: u8| x.wrapping_add(ONES.wrapping_mul(u64::from(0x80 - lo)));
    let within = |lo: u8, hi: u8| at_least(lo) & !at_least(hi + 1) & HIGH;
    let lower = within(b'a', b'z');
    let keep = lower | within(b'A', b'Z') | within(b'0', b'9');
    // Lower-case letters lose their 0x20 bit; letters and digits are kept; anything else
    // becomes a space (0x20: the high bit moved down two places).
    let kept = (keep >> 7).wrapping_mul(0xFF);
    ((x ^ (lower >> 2)) & kept) | ((!keep & HIGH) >> 2)
}

/// Pass 1 eight bytes per step from `i`, while eight bytes and the one after them remain
/// and none of them is rare. Returns where it stopped in `b` and in `out`, and whether it
/// stopped at a step holding a rare byte (the tokens written for that step are garbage).
fn steps(b: &[u8], mut i: usize, out: &mut [u8], mut j: usize) -> (usize, usize, bool) {
    let table = pair_table();
    while let (Some(chunk), Some(dst)) = (b.get(i..i + 9), out.get_mut(j..j + 8)) {
        // Eight ASCII bytes (the token of an ASCII byte does not depend on the next one):
        // their tokens at once, all written.
        if let Some(w) = chunk
            .get(..8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            .map(u64::from_le_bytes)
            .filter(|w| w & HIGH == 0)
        {
            dst.copy_from_slice(&ascii_tokens(w).to_le_bytes());
            i += 8;
            j += 8;
            continue;
        }
        // Byte k read with byte k + 1 as a little-endian `u16`.
        let pair = |k: usize| match chunk.get(k..k + 2).map(<[u8; 2]>::try_from) {
            Some(Ok(two)) => table
                .get(usize::from(u16::from_le_bytes(two)))
                .copied()
                .unwrap_or(RARE),
            _ => RARE,
        };
        let t = [
            pair(0),
            pair(1),
            pair(2),
            pair(3),
            pair(4),
            pair(5),
            pair(6),
            pair(7),
        ];
        // Write every token; advance past those that are not "nothing". A step holding a
        // rare byte is thrown away and redone by the general path, so the check can come
        // after the writes.
        let mut p = 0;
        for &v in &t {
            dst[p & 7] = v;
            p += usize::from(v != NOTHING);
        }
        if t.iter().fold(0, |a, &v| a | v) & RARE != 0 {
            return (i, j, true);
        }
        i += 8;
        j += p;
    }
    (i, j, false)
}

/// Pass 1 one byte at a time from `i`, with rare characters decoded and folded: the
/// characters that start before `until`. Returns where it stopped in `b` and in `buf`.
fn general(
    b: &[u8],
    mut i: usize,
    until: usize,
    buf: &mut Vec<u8>,
    mut j: usize,
) -> (usize, usize) {
    while let Some(&x) = b.get(i).filter(|_| i < until) {
        let y = b.get(i + 1).copied().unwrap_or(0);
        let t = PAIR[usize::from(y)][usize::from(x)];
        if t & RARE == 0 {
            put(buf, &mut j, t);
            i += 1;
            continue;
        }
        let (cp, len) = decode(b, i);
        i += len;
        match classify(cp, &FOLD_TABLE) {
            SKIP => {}
            SLOW => decompose(cp, buf, &mut j),
            0 => put(buf, &mut j, b' '),
            f => put(buf, &mut j, f),
        }
        // Restore the room the 8-byte steps rely on.
        let need = j + b.len().saturating_sub(i) + PAD;
        if buf.len() < need {
            buf.resize(need, 0);
        }
    }
    (i, j)
}

/// Writes `t` at `*j` and advances past it unless it is [`NOTHING`].
fn put(buf: &mut Vec<u8>, j: &mut usize, t: u8) {
    if *j >= buf.len() {
        buf.resize(*j + 64, 0);
    }
    buf[*j] = t;
    *j += usize::from(t != NOTHING);
}

/// The code point starting at `b[i]` (a character boundary of valid UTF-8) and its length.
fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let byte = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    let x = b.get(i).copied().unwrap_or(0);
    if x < 0x80 {
        (u32::from(x), 1)
    } else if x < 0xE0 {
        ((u32::from(x & 0x1F) << 6) | byte(1), 2)
    } else if x < 0xF0 {
        ((u32::from(x & 0x0F) << 12) | (byte(1) << 6) | byte(2), 3)
    } else {
        (
            (u32::from(x & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3),
            4,
        )
    }
}

/// The rare path: full-width forms, ligatures, Latin-1 punctuation, other scripts. The
/// tokens of the compatibility decomposition: ASCII letters and digits upper-cased,
/// combining marks dropped, anything else a space; a space when no letter or digit came.
fn decompose(cp: u32, buf: &mut Vec<u8>, j: &mut usize) {
    let Some(c) = char::from_u32(cp) else {
        return;
    };
    let mut any = false;
    decompose_compatible(c, |d| {
        if d.is_ascii_alphanumeric() {
            put(buf, j, d.to_ascii_uppercase() as u8);
            any = true;
        } else if !super::chars::is_combining_mark(d) {
            put(buf, j, b' ');
        }
    });
    if !any {
        put(buf, j, b' ');
    }
}

/// Pass 2: collapses the space runs of `buf[..end]` (tokens: `[A-Z0-9 ]` only) in place,
/// drops the spaces at both ends, and returns the new end.
fn squeeze(buf: &mut [u8], end: usize) -> usize {
    let end = end.min(buf.len());
    // 0x40 when the last byte kept is not a space; 0 at the start, so that leading spaces
    // are dropped like the second space of a run.
    let mut before = 0u64;
    // Nothing moves until a space follows a space: only look.
    let mut r = 0;
    while let Some(word) = word_at(buf, r, end) {
        let solid = solid(word);
        if solid | solid << 8 | before != BIT6 {
            break;
        }
        before = solid >> 56;
        r += 8;
    }
    let mut w = r;
    while let Some(word) = word_at(buf, r, end) {
        let solid = solid(word);
        if solid | solid << 8 | before == BIT6 {
            // No space follows a space: all eight bytes stay.
            if let Some(dst) = buf.get_mut(w..w + 8) {
                dst.copy_from_slice(&word.to_le_bytes());
            }
            w += 8;
            before = solid >> 56;
        } else {
            // Bit 6 of each space that follows a space (or starts the text): those bytes
            // go. Each is cut out of the word, the highest first (so that the lower ones
            // keep their places), and the word is written whole.
            let drop = !(solid | solid << 8 | before) & BIT6;
            let mut kept = word;
            let mut d = drop;
            while d != 0 {
                let bit = 63 - d.leading_zeros();
                let low = (1u64 << (bit & !7)) - 1;
                kept = (kept & low) | ((kept >> 8) & !low);
                d &= !(1u64 << bit);
            }
            if let Some(dst) = buf.get_mut(w..w + 8) {
                dst.copy_from_slice(&kept.to_le_bytes());
            }
            w += 8 - drop.count_ones() as usize;
            before = solid >> 56;
        }
        r += 8;
    }
    let mut prev_space = before == 0;
    while r < end {
        let c = buf[r];
        let space = c == b' ';
        buf[w] = c;
        w += usize::from(!(space && prev_space));
        prev_space = space;
        r += 1;
    }
    if w > 0 && prev_space {
        w -= 1;
    }
    w
}

/// Bit 6 of every byte. Of the tokens only the space has neither bit 4 nor bit 6 set.
const BIT6: u64 = 0x4040_4040_4040_4040;

/// Bit 6 set in each byte of `word` (tokens) that is not a space, nothing else.
fn solid(word: u64) -> u64 {
    (word | word << 2) & BIT6
}

/// `buf[r..r + 8]` as a little-endian `u64`, when `r + 8 <= end`.
fn word_at(buf: &[u8], r: usize, end: usize) -> Option<u64> {
    let bytes = buf.get(r..r + 8).filter(|_| r + 8 <= end)?;
    Some(u64::from_le_bytes(bytes.try_into().ok()?))
}

/// The per-character implementation that the two passes above replaced, kept unchanged as
/// the oracle that property tests and the `text` fuzz target hold [`fold`] to.
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) mod reference {
    use super::{FOLD_START, FOLD_TABLE as FOLD};
    use unicode_normalization::char::decompose_compatible;

    /// [`super::fold`], one decoded character at a time.
    pub(crate) fn fold(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        fold_into(text, &mut out);
        out
    }

    /// What one ASCII byte folds to: the upper-case letter or digit, or 0 for a separator.
    static ASCII: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut i = 0;
        while i < 128 {
            let b = i as u8;
            t[i] = if b.is_ascii_uppercase() || b.is_ascii_digit() {
                b
            } else if b.is_ascii_lowercase() {
                b - 32
            } else {
                0
            };
            i += 1;
        }
        t
    };

    /// Marker for "drop this character" (a combining mark: part of the previous letter).
    const SKIP: u8 = 1;

    /// [`fold`] appending to `out` (which it treats as a fresh start: no leading space is
    /// added).
    pub(crate) fn fold_into(text: &str, out: &mut String) {
        let mut buf = std::mem::take(out).into_bytes();
        let start = buf.len();
        // Each input byte yields at most one output byte on the table paths; the rare
        // decomposition path makes room for itself.
        buf.resize(start + text.len() + 1, 0);
        let b = text.as_bytes();
        let byte = |i: usize| u32::from(b.get(i).copied().unwrap_or(0x80) & 0x3F);
        // Branch-light: a separator writes a space, and the write position advances unless
        // it is a second space in a row (or a space at the start).
        let mut j = start;
        let mut prev_space = 1usize;
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            let folded = if x < 0x80 {
                i += 1;
                ASCII[x as usize]
            } else {
                let (cp, len) = if x < 0xE0 {
                    ((u32::from(x & 0x1F) << 6) | byte(i + 1), 2)
                } else if x < 0xF0 {
                    (
                        (u32::from(x & 0x0F) << 12) | (byte(i + 1) << 6) | byte(i + 2),
                        3,
                    )
                } else {
                    (
                        (u32::from(x & 0x07) << 18)
                            | (byte(i + 1) << 12)
                            | (byte(i + 2) << 6)
                            | byte(i + 3),
                        4,
                    )
                };
                i += len;
                match classify(cp) {
                    SKIP => continue,
                    SLOW => {
                        decompose_into(cp, &mut buf, &mut j, &mut prev_space);
                        let need = j + (b.len() - i) + 1;
                        if buf.len() < need {
                            buf.resize(need, 0);
                        }
                        continue;
                    }
                    f => f,
                }
            };
            let v = if folded == 0 { b' ' } else { folded };
            let is_space = usize::from(folded == 0);
            if let Some(slot) = buf.get_mut(j) {
                *slot = v;
            }
            j += 1 - (is_space & prev_space);
            prev_space = is_space;
        }
        if j > start && prev_space == 1 {
            j -= 1;
        }
        buf.truncate(j.min(buf.len()));
        // Only ASCII was appended to what was a String, so this cannot fail; fall back to a
        // lossy conversion rather than panic if it ever did.
        *out = match String::from_utf8(buf) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
    }

    /// Marker for "take the compatibility-decomposition path".
    const SLOW: u8 = 2;

    /// Folds one non-ASCII code point by table: a byte, 0 for a separator, [`SKIP`] or
    /// [`SLOW`].
    fn classify(cp: u32) -> u8 {
        if (0x0300..=0x036F).contains(&cp) {
            return SKIP;
        }
        if cp >= FOLD_START {
            if let Some(&f) = FOLD.get((cp - FOLD_START) as usize) {
                return f;
            }
        }
        SLOW
    }

    /// The rare path: full-width forms, ligatures, Latin-1 punctuation, other scripts.
    fn decompose_into(cp: u32, buf: &mut Vec<u8>, j: &mut usize, prev_space: &mut usize) {
        let Some(c) = char::from_u32(cp) else {
            return;
        };
        let mut emit = |v: u8, buf: &mut Vec<u8>| {
            let is_space = usize::from(v == b' ');
            if *j >= buf.len() {
                buf.resize(*j + 64, 0);
            }
            buf[*j] = v;
            *j += 1 - (is_space & *prev_space);
            *prev_space = is_space;
        };
        let mut any = false;
        decompose_compatible(c, |d| {
            if d.is_ascii_alphanumeric() {
                emit(d.to_ascii_uppercase() as u8, buf);
                any = true;
            } else if !crate::text::chars::is_combining_mark(d) {
                emit(b' ', buf);
            }
        });
        if !any {
            emit(b' ', buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pair_table_holds_every_pair_token() {
        for y in 0..=255u8 {
            for x in 0..=255u8 {
                let k = usize::from(y) << 8 | usize::from(x);
                assert_eq!(pair_table()[k], pair_token(x, y), "{x:02X} {y:02X}");
            }
        }
    }

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

    #[test]
    fn expansions_do_not_crowd_out_later_text() {
        let s = format!(
            "{}{}",
            "\u{00BC}\u{2474}\u{FB03}".repeat(40),
            "abcdefgh".repeat(30)
        );
        let f = fold(&s);
        assert!(f.ends_with(&"ABCDEFGH".repeat(30)), "{f}");
        assert!(f.starts_with("1 4 1 FFI1 4 1 FFI"), "{f}");
        // The longest decompositions, back to back, then a long run of 8-byte steps.
        let s = format!(
            "{}{}",
            "\u{FDFA}\u{3300}".repeat(50),
            "Đặng Văn ".repeat(30)
        );
        assert_eq!(fold(&s), reference::fold(&s));
    }

    /// The eight-byte ASCII step gives each byte's own token, for every ASCII byte in
    /// every lane.
    #[test]
    fn ascii_tokens_match_each_byte() {
        for x in 0u8..0x80 {
            for lane in 0..8 {
                let mut bytes = *b"aZ09 ,.~";
                bytes[lane] = x;
                let got = ascii_tokens(u64::from_le_bytes(bytes)).to_le_bytes();
                let want = bytes.map(ascii_token);
                assert_eq!(got, want, "{x:#x} in lane {lane}");
            }
        }
    }

    #[test]
    fn fold_into_appends() {
        let mut out = String::from("HS");
        fold_into("  Nguyễn Văn An, ", &mut out);
        assert_eq!(out, "HSNGUYEN VAN AN");
        let mut out = String::new();
        fold_into(" Lê Thị Thu ", &mut out);
        assert_eq!(out, "LE THI THU");
        fold_into("", &mut out);
        assert_eq!(out, "LE THI THU");
    }

    /// Every code point, at each of the 8-byte step's lanes and across its edges, twice in a
    /// row and between Vietnamese letters, ASCII and separators: 4,096 code points a text.
    #[test]
    fn every_code_point_matches_the_reference() {
        let prefixes = ["", "a", "ạb", " ", "ab c", "đ", "ab cđ", "x,", "ễ c"];
        let text = |cps: &mut dyn Iterator<Item = u32>| {
            let mut s = String::new();
            for cp in cps {
                if let Some(c) = char::from_u32(cp) {
                    s.push_str(prefixes[cp as usize % prefixes.len()]);
                    s.push(c);
                    s.push(c);
                }
            }
            s
        };
        for block in 0..=0x10FFFFu32 >> 12 {
            let s = text(&mut (block << 12..(block + 1) << 12));
            if fold(&s) != reference::fold(&s) {
                for cp in block << 12..(block + 1) << 12 {
                    let s = text(&mut std::iter::once(cp));
                    assert_eq!(fold(&s), reference::fold(&s), "U+{cp:04X} in {s:?}");
                }
                panic!("the text of U+{:04X}.. folds differently", block << 12);
            }
        }
    }

    /// Pieces of Vietnamese-heavy text: every letter, NFC and NFD, ASCII, separators, and the
    /// characters that take the rare path or sit at a table's edges.
    fn piece() -> impl Strategy<Value = String> {
        use unicode_normalization::UnicodeNormalization;
        let mut pieces: Vec<String> = Vec::new();
        for &c in crate::text::tables::VIETNAMESE_LETTERS.iter() {
            pieces.push(c.to_string());
            pieces.push(c.to_string().nfd().collect());
        }
        for s in [
            "a",
            "A",
            "n",
            "g",
            "z",
            "0",
            "9",
            " ",
            "  ",
            ",",
            ".",
            "-",
            "/",
            "\n",
            "\t",
            "'",
            "\0",
            "\u{7F}",
            "\u{80}",
            "\u{A0}",
            "\u{AA}",
            "\u{B2}",
            "\u{BC}",
            "\u{BF}",
            "ß",
            "\u{0132}",
            "\u{0300}",
            "\u{0323}",
            "\u{036F}",
            "\u{0370}",
            "\u{0483}",
            "\u{07FF}",
            "\u{0800}",
            "\u{0E01}",
            "\u{0FFF}",
            "\u{1000}",
            "\u{10D0}",
            "\u{1100}",
            "\u{1AB0}",
            "\u{1DC0}",
            "\u{1E00}",
            "\u{1E9E}",
            "\u{1EFA}",
            "\u{1EFF}",
            "\u{1F00}",
            "\u{1FED}",
            "\u{1FFF}",
            "\u{2000}",
            "\u{2160}",
            "\u{2474}",
            "\u{3000}",
            "\u{3300}",
            "\u{FB01}",
            "\u{FDFA}",
            "\u{FF10}",
            "\u{FF21}",
            "\u{FFFD}",
            "\u{10000}",
            "\u{1F600}",
            "\u{1D400}",
            "\u{10FFFF}",
        ] {
            pieces.push(s.to_string());
        }
        prop_oneof![
            8 => prop::sample::select(pieces),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    fn vietnamese_heavy() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..48).prop_map(|v| v.concat())
    }

    fn check(s: &str) -> Result<(), TestCaseError> {
        let expected = reference::fold(s);
        prop_assert_eq!(&fold(s), &expected, "fold of {:?}", s);
        let mut out = String::new();
        fold_into(s, &mut out);
        prop_assert_eq!(&out, &expected);
        let mut out = String::from("X");
        fold_into(s, &mut out);
        let mut want = String::from("X");
        reference::fold_into(s, &mut want);
        prop_assert_eq!(&out, &want);
        // Appending bytes leaves what was there and adds the fold; a held prefix of odd
        // length puts the 8-byte steps off their usual alignment.
        for prefix in ["", "HP123 ", "NTT HS"] {
            let mut buf = prefix.as_bytes().to_vec();
            fold_append(s.as_bytes(), &mut buf);
            prop_assert_eq!(buf, format!("{prefix}{expected}").into_bytes());
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        #[test]
        fn equals_reference_on_arbitrary_strings(s in any::<String>()) {
            check(&s)?;
        }

        #[test]
        fn equals_reference_on_printable_strings(s in "\\PC*") {
            check(&s)?;
        }

        #[test]
        fn equals_reference_on_vietnamese_heavy_strings(s in vietnamese_heavy()) {
            check(&s)?;
        }
    }
}
