//! The ASCII memo form: what survives every bank's transfer-content field.
//!
//! One pass over bytes, eight at a time, with no per-character decoding on the common path
//! ([`fold_at`]); each step writes its tokens and squeezes the spaces among them at once:
//!
//! - Eight ASCII bytes: their tokens (a letter upper-cased, a digit, or a space) computed
//!   together in a `u64` ([`ascii_tokens`], SWAR); a space that follows a space (or starts
//!   the text) is cut out of the word ([`cut`]), and the word is written whole.
//! - Eight bytes holding non-ASCII ones: each byte, read with the byte after it as a
//!   little-endian `u16`, indexes [`PAIR`] (64 KiB, built at compile time) and yields at
//!   most one token: a letter or digit, a space, or nothing. A 2-byte letter is written at
//!   its lead byte (the pair is the whole letter); a letter of U+1000–U+1EFF (`E1 xx yy`,
//!   where Latin Extended Additional holds `ạ ả ấ … ỹ`) is written at its middle byte (the
//!   pair `xx yy` names it once the lead `E1` is known). The tokens that are not "nothing"
//!   are packed into a word, squeezed like the ASCII word, and written whole.
//! - Every other character (4-byte ones, other 3-byte blocks, U+0080–U+00BF) is rare: a
//!   step holding one is redone by the general path, which decodes it and folds it by table
//!   or by its compatibility decomposition, squeezing the same way one token at a time.
//!
//! The squeeze state between steps is one bit: whether the last token kept is a space (or
//! none is kept yet). At most one space is left at the end, and it is trimmed. (Until
//! issue 23 the squeeze was a second pass over the tokens: on mostly-ASCII text with
//! punctuation it cost as much as the first.)
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
    // kernel has zeroed, so the fold is the first to touch them (a `resize` here would
    // write every page once more before the fold writes it).
    let mut buf = vec![0u8; text.len() + PAD];
    let end = fold_at(text.as_bytes(), &mut buf, 0);
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
    let end = fold_at(b, buf, start);
    buf.truncate(end);
}

/// [`fold_append`] for a short text (a name of a few words): one decoded character at a
/// time, which for a few dozen bytes costs less than the eight-byte steps' set-up and tail.
/// A character folded by its compatibility decomposition sends the whole text to
/// [`fold_append`]. Gives what `fold_append` gives (property tests hold it on arbitrary
/// input).
pub(crate) fn fold_append_short(text: &str, buf: &mut Vec<u8>) {
    let start = buf.len();
    // Whether the last token kept is a space, or none is kept yet (a space is then cut).
    let mut gap = true;
    for c in text.chars() {
        let t = if c.is_ascii() {
            ascii_token(c as u8)
        } else {
            match classify(c as u32, &FOLD_TABLE) {
                SKIP => continue,
                SLOW => {
                    buf.truncate(start);
                    fold_append(text.as_bytes(), buf);
                    return;
                }
                0 => b' ',
                f => f,
            }
        };
        let space = t == b' ';
        if !(space && gap) {
            buf.push(t);
        }
        gap = space;
    }
    if buf.len() > start && buf.last() == Some(&b' ') {
        buf.pop();
    }
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

/// Folds `b` into `buf` from `start` (`buf.len()` or less on entry; grown and zero-filled
/// as needed) in one pass: tokens written and spaces squeezed as they go. Returns where the
/// fold ends (the caller truncates).
fn fold_at(b: &[u8], buf: &mut Vec<u8>, start: usize) -> usize {
    let need = start + b.len() + PAD;
    if buf.len() < need {
        buf.resize(need, 0);
    }
    let (mut i, mut j, mut gap) = (0, start, GAP);
    // `buf.len() >= j + (b.len() - i) + PAD` holds between the steps of both paths.
    loop {
        let rare;
        (i, j, gap, rare) = steps(b, i, buf, j, gap);
        if !rare {
            break;
        }
        (i, j, gap) = general(b, i, i + 8, buf, j, gap);
    }
    // The last 1–8 bytes: one more step over a copy padded with NULs, which fold to spaces
    // at the end (squeezed, and the last one trimmed below), as the general path would read
    // them: a byte past the end counts as NUL there too.
    if let Some(rest) = b.get(i..).filter(|r| !r.is_empty() && r.len() <= 8) {
        let mut tail = [0u8; 9];
        if let Some(dst) = tail.get_mut(..rest.len()) {
            dst.copy_from_slice(rest);
        }
        let (_, end, _, rare) = steps(&tail, 0, buf, j, gap);
        if rare {
            j = general(b, i, b.len(), buf, j, gap).1;
        } else {
            j = end;
        }
    } else {
        j = general(b, i, b.len(), buf, j, gap).1;
    }
    // At most one space ends the tokens (the squeeze kept no second one): drop it.
    if j > start && buf.get(j - 1) == Some(&b' ') {
        j -= 1;
    }
    j
}

/// The squeeze state carried from token to token, in bit 7: set when the last token kept
/// is a space, or when none is kept yet (so that leading spaces go like a second space).
const GAP: u64 = 0x80;

/// The high bit of each byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// The low bit of each byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// A space in each byte of a word (and bit 5 of each byte).
const SPACES: u64 = 0x2020_2020_2020_2020;

/// [`ascii_token`] of each byte of `x`, eight ASCII bytes (high bits clear) at once, and
/// the high bit of each byte whose token is a letter or digit (not a space).
fn ascii_tokens(x: u64) -> (u64, u64) {
    // For a byte below 0x80, adding 0x80 - lo sets its high bit exactly when it is at
    // least `lo`, and the sum stays below 0x100 (no carry into the next byte) for the
    // bounds used here (all 0x30 or more).
    let at_least = |v: u64, lo: u8| v.wrapping_add(ONES.wrapping_mul(u64::from(0x80 - lo)));
    let within = |v: u64, lo: u8, hi: u8| at_least(v, lo) & !at_least(v, hi + 1);
    // With bit 5 set, exactly the letters of both cases land in `a..=z` (and stay ASCII).
    let folded = x | SPACES;
    let letter = within(folded, b'a', b'z') & HIGH;
    let keep = letter | (within(x, b'0', b'9') & HIGH);
    // Letters and digits are kept with their 0x20 bit set (digits have it), anything else
    // becomes 0x20, a space; then letters lose the 0x20 bit (the high bit moved down two
    // places).
    let kept = keep - (keep >> 7);
    let tokens = ((folded & kept) | SPACES) ^ (letter >> 2);
    (tokens, keep)
}

/// The high bit of each byte of `word` (tokens: `[A-Z0-9]`, a space, or NUL) that is a
/// letter or digit. Of these tokens only the space and NUL have neither bit 4 nor bit 6.
fn solid(word: u64) -> u64 {
    ((word << 1) | (word << 3)) & HIGH
}

/// `word` with the bytes marked in `drop` (bit 7 of each) cut out, the bytes above each
/// moving down one place, and how many were cut.
fn cut(word: u64, drop: u64) -> (u64, usize) {
    let (mut kept, mut d, mut n) = (word, drop, 0);
    // The lowest first; the marks above it move down with the bytes they mark.
    while d != 0 {
        let lowest = d & d.wrapping_neg();
        let below = (lowest >> 7) - 1;
        kept = (kept & below) | ((kept >> 8) & !below);
        d = (d ^ lowest) >> 8;
        n += 1;
    }
    (kept, n)
}

/// Writes the eight `tokens` at `dst` but those marked in `drop`, and returns how many it
/// wrote (the bytes of `dst` past them are left as garbage).
#[inline(always)]
fn write(dst: &mut [u8], tokens: u64, drop: u64) -> usize {
    let (kept, n) = cut(tokens, drop);
    if let Some(d) = dst.get_mut(..8) {
        d.copy_from_slice(&kept.to_le_bytes());
    }
    8 - n
}

/// Eight bytes per step from `i`, while eight bytes and the one after them remain and none
/// of them is rare: their tokens, squeezed (`gap`: see [`GAP`]), written at `out[j..]`.
/// Returns where it stopped in `b` and in `out`, the squeeze state, and whether it stopped
/// at a step holding a rare byte (nothing is written for that step).
///
/// Runs of ASCII words and runs of words holding other bytes alternate: each kind has its
/// own loop ([`ascii_run`], [`pair_run`]), which keeps each loop's state in registers.
fn steps(
    b: &[u8],
    i: usize,
    out: &mut [u8],
    mut j: usize,
    mut gap: u64,
) -> (usize, usize, u64, bool) {
    let mut rest = b.get(i..).unwrap_or_default();
    loop {
        let before = rest.len();
        (rest, j, gap) = ascii_run(rest, out, j, gap);
        let from = j;
        let stop;
        (rest, j, stop) = pair_run(rest, out, j);
        if j > from {
            (j, gap) = squeeze(out, from, j, gap);
        }
        match stop {
            // (Neither loop moving would mean no room: stop rather than spin.)
            Stop::Ascii if rest.len() < before => {}
            Stop::Rare => return (b.len() - rest.len(), j, gap, true),
            _ => return (b.len() - rest.len(), j, gap, false),
        }
    }
}

/// Why [`pair_run`] stopped.
enum Stop {
    /// At eight ASCII bytes.
    Ascii,
    /// At a step holding a rare byte.
    Rare,
    /// At the end: fewer than nine bytes left.
    End,
}

/// Eight ASCII bytes per step, while eight bytes remain: their
/// tokens at once (the token of an ASCII byte does not depend on the next byte), with each
/// space that follows a space (or starts the text: `gap`, see [`GAP`]) cut out. Returns
/// the bytes left, where the output ends and the squeeze state.
#[inline(never)]
fn ascii_run<'a>(
    rest: &'a [u8],
    out: &mut [u8],
    mut j: usize,
    mut gap: u64,
) -> (&'a [u8], usize, u64) {
    let mut i = 0;
    while i + 8 <= rest.len() && j + 8 <= out.len() {
        let w = u64::from_le_bytes(rest[i..i + 8].try_into().unwrap_or([0x80; 8]));
        if w & HIGH != 0 {
            break;
        }
        let (tokens, keep) = ascii_tokens(w);
        let space = keep ^ HIGH;
        let drop = space & (space << 8 | gap);
        gap = space >> 56;
        j += write(&mut out[j..j + 8], tokens, drop);
        i += 8;
    }
    (rest.get(i..).unwrap_or_default(), j, gap)
}

/// Eight bytes per step, while nine remain, holding a byte that is not ASCII and none that
/// is rare: the tokens of the [`PAIR`]s, written at `out[j..]` unsqueezed (the caller
/// squeezes them). Returns the bytes left, where the output ends and why it stopped.
#[inline(never)]
fn pair_run<'a>(mut rest: &'a [u8], out: &mut [u8], mut j: usize) -> (&'a [u8], usize, Stop) {
    let table = pair_table();
    while let (Some(chunk), Some(dst)) = (
        rest.first_chunk::<9>(),
        out.get_mut(j..).and_then(|o| o.first_chunk_mut::<8>()),
    ) {
        if chunk.iter().take(8).fold(0, |a, &x| a | x) & 0x80 == 0 {
            return (rest, j, Stop::Ascii);
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
            return (rest, j, Stop::Rare);
        }
        j += p;
        rest = rest.get(8..).unwrap_or_default();
    }
    (rest, j, Stop::End)
}

/// Squeezes the tokens `buf[from..end]` in place (`gap`, see [`GAP`]: the state before
/// them), eight at a time; returns their new end and the state after them. Nothing moves
/// until a space follows a space.
fn squeeze(buf: &mut [u8], from: usize, end: usize, mut gap: u64) -> (usize, u64) {
    let end = end.min(buf.len());
    let mut r = from;
    while let Some(word) = word_at(buf, r, end) {
        let space = !solid(word) & HIGH;
        if space & (space << 8 | gap) != 0 {
            break;
        }
        gap = space >> 56;
        r += 8;
    }
    let mut w = r;
    while let Some(word) = word_at(buf, r, end) {
        let space = !solid(word) & HIGH;
        let drop = space & (space << 8 | gap);
        gap = space >> 56;
        w += write(buf.get_mut(w..).unwrap_or_default(), word, drop);
        r += 8;
    }
    while let Some(&c) = buf.get(r).filter(|_| r < end) {
        let space = c == b' ';
        if let Some(slot) = buf.get_mut(w) {
            *slot = c;
        }
        w += usize::from(!(space && gap != 0));
        gap = if space { GAP } else { 0 };
        r += 1;
    }
    (w, gap)
}

/// `buf[r..r + 8]` as a little-endian `u64`, when `r + 8 <= end`.
fn word_at(buf: &[u8], r: usize, end: usize) -> Option<u64> {
    let bytes = buf.get(r..r + 8).filter(|_| r + 8 <= end)?;
    Some(u64::from_le_bytes(bytes.try_into().ok()?))
}

/// One byte at a time from `i`, with rare characters decoded and folded: the characters
/// that start before `until`, squeezed as [`steps`] does. Returns where it stopped in `b`
/// and in `buf`, and the squeeze state.
fn general(
    b: &[u8],
    mut i: usize,
    until: usize,
    buf: &mut Vec<u8>,
    mut j: usize,
    mut gap: u64,
) -> (usize, usize, u64) {
    while let Some(&x) = b.get(i).filter(|_| i < until) {
        let y = b.get(i + 1).copied().unwrap_or(0);
        let t = PAIR[usize::from(y)][usize::from(x)];
        if t & RARE == 0 {
            put(buf, &mut j, &mut gap, t);
            i += 1;
            continue;
        }
        let (cp, len) = decode(b, i);
        i += len;
        match classify(cp, &FOLD_TABLE) {
            SKIP => {}
            SLOW => decompose(cp, buf, &mut j, &mut gap),
            0 => put(buf, &mut j, &mut gap, b' '),
            f => put(buf, &mut j, &mut gap, f),
        }
        // Restore the room the 8-byte steps rely on.
        let need = j + b.len().saturating_sub(i) + PAD;
        if buf.len() < need {
            buf.resize(need, 0);
        }
    }
    (i, j, gap)
}

/// Writes token `t` at `*j` and advances past it, unless it is [`NOTHING`] or a space that
/// the squeeze drops (`gap`: see [`GAP`]).
fn put(buf: &mut Vec<u8>, j: &mut usize, gap: &mut u64, t: u8) {
    if t == NOTHING {
        return;
    }
    let space = t == b' ';
    if space && *gap != 0 {
        return;
    }
    if *j >= buf.len() {
        buf.resize(*j + 64, 0);
    }
    buf[*j] = t;
    *j += 1;
    *gap = if space { GAP } else { 0 };
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
fn decompose(cp: u32, buf: &mut Vec<u8>, j: &mut usize, gap: &mut u64) {
    let Some(c) = char::from_u32(cp) else {
        return;
    };
    let mut any = false;
    decompose_compatible(c, |d| {
        if d.is_ascii_alphanumeric() {
            put(buf, j, gap, d.to_ascii_uppercase() as u8);
            any = true;
        } else if !super::chars::is_combining_mark(d) {
            put(buf, j, gap, b' ');
        }
    });
    if !any {
        put(buf, j, gap, b' ');
    }
}

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

    /// The eight-byte ASCII step gives each byte's own token, and marks exactly the letters
    /// and digits as kept, for every ASCII byte in every lane.
    #[test]
    fn ascii_tokens_match_each_byte() {
        for x in 0u8..0x80 {
            for lane in 0..8 {
                let mut bytes = *b"aZ09 ,.~";
                bytes[lane] = x;
                let (tokens, keep) = ascii_tokens(u64::from_le_bytes(bytes));
                let want = bytes.map(ascii_token);
                assert_eq!(tokens.to_le_bytes(), want, "{x:#x} in lane {lane}");
                let want_keep = want.map(|t| if t == b' ' { 0 } else { 0x80 });
                assert_eq!(keep.to_le_bytes(), want_keep, "{x:#x} in lane {lane}");
                assert_eq!(solid(tokens), keep, "{x:#x} in lane {lane}");
            }
        }
    }

    /// Cutting bytes out of a word: every set of lanes, against cutting them one by one.
    #[test]
    fn cut_removes_exactly_the_marked_bytes() {
        let word = u64::from_le_bytes(*b"ABCDEFGH");
        for mask in 0u32..256 {
            let drop = (0..8)
                .filter(|k| mask >> k & 1 == 1)
                .fold(0u64, |d, k| d | 0x80 << (8 * k));
            let (kept, n) = cut(word, drop);
            let want: Vec<u8> = (0..8)
                .filter(|k| mask >> k & 1 == 0)
                .map(|k| b"ABCDEFGH"[k])
                .collect();
            assert_eq!(n, mask.count_ones() as usize);
            assert_eq!(&kept.to_le_bytes()[..want.len()], &want[..], "{mask:08b}");
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

    /// Mostly-ASCII text as payment contents are typed: words, digits, runs of punctuation
    /// and whitespace of every length (so that space runs start, end and cross every lane of
    /// the 8-byte steps), now and then a Vietnamese piece or a rare character.
    fn mostly_ascii() -> impl Strategy<Value = String> {
        let ascii = prop_oneof![
            4 => "[a-zA-Z0-9]{1,12}",
            3 => "[ ,.;:/()#%@'\\-]{1,4}",
            1 => "[ \t\n]{1,10}",
            1 => "[\x00-\x7F]{1,16}",
        ];
        let piece = prop_oneof![8 => ascii, 1 => piece()];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
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
            let mut buf = prefix.as_bytes().to_vec();
            fold_append_short(s, &mut buf);
            prop_assert_eq!(
                buf,
                format!("{prefix}{expected}").into_bytes(),
                "short fold of {:?}",
                s
            );
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
        fn equals_reference_on_mostly_ascii_strings(s in mostly_ascii()) {
            check(&s)?;
        }

        #[test]
        fn equals_reference_on_vietnamese_heavy_strings(s in vietnamese_heavy()) {
            check(&s)?;
        }
    }
}
