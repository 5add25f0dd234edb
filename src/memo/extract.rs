//! Finding payment codes and RF references again inside bank statement memo text.
//!
//! Banks add prefixes and suffixes, swap dots and spaces, change case, remove spaces, split
//! a code into chunks and wrap lines (docs/domain.md, "What banks do to a memo"). [`extract`] therefore reads an
//! alphanumeric-compacted view of the text: every ASCII letter or digit, upper-cased, with a
//! map back to its byte offset; everything else (spaces, dots, line breaks, non-ASCII) is
//! dropped. In that view:
//!
//! - a **payment code** of a scheme is the scheme's prefix followed by exactly
//!   `body_len + 2` digits whose check digits verify. The fixed length is what makes this
//!   work with separators removed: whatever is glued before the prefix or after the last
//!   digit does not matter.
//! - an **RF reference** is `RF`, two digits, and 1–21 letters or digits that verify and end
//!   where the original text had a separator (or ends). RF references have no fixed
//!   length, so one whose end was glued to the next word cannot be told apart and is not
//!   reported. When the whole token from `RF` to the first separator verifies
//!   (`RF04K0CY802E HOC PHI`), that is the reference: longer candidates that join it with
//!   following words (letters only: `RF04K0CY802EHOCPHI`, which verifies about once in 97)
//!   are dropped. Joining across separators is for references a bank split
//!   (`RF18 5390 0754 7034`, or cut by a line wrap): a join that takes in a digit is still
//!   tried, and when several ends verify each is reported and the caller decides (about 1
//!   in 97 per extra separator within 21 characters). A split reference whose first chunk
//!   verifies by chance and whose rest is letters only reads exactly like a reference
//!   followed by words, and is taken as one. This is why
//!   memos should carry payment codes.
//!
//! Each candidate's check digits verify (and are `02`–`98`, the only values ever issued); a
//! random run of digits after a prefix passes once in 100 times. Candidates are reported once per distinct code, in order of appearance;
//! zero, one or several may be found and the caller decides what several mean.
//!
//! One pass builds the view (on the stack, 512 bytes, for memos up to 256 bytes), one pass scans it;
//! no regular expressions, no allocation per window (only per candidate found).

use super::super::reference::{iso7064, RefKind, Scheme};
use super::envelope::{read_envelope, Span};
use crate::text::ALNUM_UPPER;
use serde::Serialize;

/// A code found in memo text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Candidate {
    /// The code in its electronic form (`HP7184097674`).
    pub code: String,
    /// `payment_code` or `rf` (or `einvoice` from [`parse_memo`](super::parse_memo)).
    pub kind: RefKind,
    /// Byte offsets into the input: from the code's first character to just after its last.
    /// What lies between may include separators the bank inserted.
    pub span: (usize, usize),
}

const STACK: usize = 256;

/// Finds the payment codes of `schemes` and the RF references in the free text of `text`:
/// never inside the envelope's trace, account or reference numbers ([`read_envelope`]).
pub fn extract(text: &str, schemes: &[Scheme]) -> Vec<Candidate> {
    let mut out = Vec::new();
    extract_into(text, schemes, &mut out);
    out
}

/// [`extract`] appending to `out` (lets a caller reuse one vector over many memos).
pub fn extract_into(text: &str, schemes: &[Scheme], out: &mut Vec<Candidate>) {
    let env = read_envelope(text);
    extract_in(text, &env.free, schemes, out);
}

/// [`extract_into`] looking only inside `free` (byte spans of `text`, as an envelope's free
/// text).
pub(crate) fn extract_in(text: &str, free: &[Span], schemes: &[Scheme], out: &mut Vec<Candidate>) {
    if extract_short_in(text, free, schemes, out, |_, _| {}) {
        return;
    }
    let bytes = text.as_bytes();
    let mut view = vec![0u8; bytes.len()];
    let mut pos = vec![0u32; bytes.len()];
    let n = compact(bytes, &mut view, &mut pos);
    scan(
        view.get(..n).unwrap_or(&[]),
        pos.get(..n).unwrap_or(&[]),
        schemes,
        free,
        out,
    );
}

/// [`extract_into`] for a text of at most 256 bytes that also hands the view it scanned to
/// `view_to`: the text's ASCII letters and digits upper-cased, one after the other, and
/// the byte offset of each (the reconciler splits an ASCII statement line into name tokens
/// from it). Returns false, and does nothing, for a longer text.
#[allow(dead_code)] // used by the name tokenizer's tests
pub(crate) fn extract_short_with_view(
    text: &str,
    schemes: &[Scheme],
    out: &mut Vec<Candidate>,
    view_to: impl FnOnce(&[u8], &[u8]),
) -> bool {
    extract_short_in(text, &[(0, text.len())], schemes, out, view_to)
}

/// [`extract_short_with_view`] looking for codes only inside `free` (byte spans of
/// `text`); the view handed to `view_to` is the whole text's.
pub(crate) fn extract_short_in(
    text: &str,
    free: &[Span],
    schemes: &[Scheme],
    out: &mut Vec<Candidate>,
    view_to: impl FnOnce(&[u8], &[u8]),
) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() > STACK {
        return false;
    }
    // Offsets below 256 fit a byte: 512 bytes of stack, nothing on the heap.
    let mut view = [0u8; STACK];
    let mut pos = [0u8; STACK];
    let n = compact_short(bytes, &mut view, &mut pos);
    let (view, pos) = (view.get(..n).unwrap_or(&[]), pos.get(..n).unwrap_or(&[]));
    scan(view, pos, schemes, free, out);
    view_to(view, pos);
    true
}

/// A byte offset stored in the position map (`u8` for short memos, `u32` otherwise).
trait Offset: Copy {
    fn from_index(i: usize) -> Self;
    fn get(self) -> usize;
}

impl Offset for u8 {
    #[inline]
    fn from_index(i: usize) -> u8 {
        i as u8
    }
    #[inline]
    fn get(self) -> usize {
        usize::from(self)
    }
}

impl Offset for u32 {
    #[inline]
    fn from_index(i: usize) -> u32 {
        i as u32
    }
    #[inline]
    fn get(self) -> usize {
        self as usize
    }
}

/// [`compact`] for inputs of at most [`STACK`] bytes: a table lookup and two stores per
/// byte, no branch and no bounds check (`n ≤ i < 256`, so `n & 0xFF == n`).
#[inline]
fn compact_short(bytes: &[u8], view: &mut [u8; STACK], pos: &mut [u8; STACK]) -> usize {
    let mut n = 0usize;
    let bytes = bytes.get(..STACK).unwrap_or(bytes);
    for (i, &b) in bytes.iter().enumerate() {
        let c = ALNUM_UPPER[usize::from(b)];
        view[n & 0xFF] = c;
        pos[n & 0xFF] = i as u8;
        n += usize::from(c != 0);
    }
    n
}

/// Writes the upper-cased ASCII letters and digits of `bytes` into `view` and their byte
/// offsets into `pos`; returns how many. `view` and `pos` are at least as long as `bytes`.
#[inline]
fn compact<P: Offset>(bytes: &[u8], view: &mut [u8], pos: &mut [P]) -> usize {
    // Written unconditionally and kept only when alphanumeric: no branch per byte.
    let mut n = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let c = ALNUM_UPPER[usize::from(b)];
        if let (Some(v), Some(p)) = (view.get_mut(n), pos.get_mut(n)) {
            *v = c;
            *p = P::from_index(i);
        }
        n += usize::from(c != 0);
    }
    n
}

/// Bit per letter: which letters start a prefix (or `RF`).
fn first_letters(schemes: &[Scheme]) -> u32 {
    let mut m = 1u32 << (b'R' - b'A');
    for s in schemes {
        if let Some(&b) = s.prefix_bytes().first() {
            m |= 1 << (b - b'A');
        }
    }
    m
}

fn scan<P: Offset>(
    view: &[u8],
    pos: &[P],
    schemes: &[Scheme],
    free: &[Span],
    out: &mut Vec<Candidate>,
) {
    let first = first_letters(schemes);
    for (k, &b) in view.iter().enumerate() {
        if !b.is_ascii_uppercase() || (first >> (b - b'A')) & 1 == 0 {
            continue;
        }
        for s in schemes {
            if let Some(len) = match_code(view, k, s) {
                push(view, pos, k, len, RefKind::PaymentCode, free, out);
            }
        }
        if b == b'R' {
            match_rf(view, pos, k, free, out);
        }
    }
}

/// The length of a verified code of scheme `s` starting at `k`.
#[inline]
fn match_code(view: &[u8], k: usize, s: &Scheme) -> Option<usize> {
    let prefix = s.prefix_bytes();
    let len = s.code_len();
    let window = view.get(k..k + len)?;
    let (head, digits) = window.split_at(prefix.len());
    // Byte by byte: a slice comparison would call memcmp for two to five bytes.
    if !head.iter().zip(prefix).all(|(a, b)| a == b) {
        return None;
    }
    let mut rem = s.prefix_rem();
    let mut last2 = 0u32;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        let v = u32::from(d - b'0');
        rem = (rem * 10 + v) % 97;
        last2 = (last2 * 10 + v) % 100;
    }
    // Check digits are issued as 02..=98 only (see `iso7064::is_issuable`).
    (rem == 1 && (2..=98).contains(&last2)).then_some(len)
}

/// Pushes every verified RF reference starting at `k` that ends at a separator of the
/// original text. When the first such end (the end of the token) verifies, longer ones
/// are pushed only if what they add holds a digit (a chunk of a split reference, not a
/// word).
#[inline]
fn match_rf<P: Offset>(view: &[u8], pos: &[P], k: usize, free: &[Span], out: &mut Vec<Candidate>) {
    let Some(&[_, f, d1, d2]) = view.get(k..k + 4) else {
        return;
    };
    if f != b'F' || !d1.is_ascii_digit() || !d2.is_ascii_digit() {
        return;
    }
    let (c1, c2) = (u32::from(d1 - b'0'), u32::from(d2 - b'0'));
    let mut rem = 0u32;
    // Whether the first end (the end of the token) verified, and whether a digit has been
    // joined on since.
    let mut first_end = true;
    let mut token_verified = false;
    let mut digit_added = false;
    for body_len in 1..=crate::reference::rf::RF_BODY_MAX {
        let e = k + 4 + body_len; // exclusive end in the view
        let Some(v) = view.get(e - 1).and_then(|c| iso7064::char_value(*c)) else {
            return;
        };
        rem = iso7064::step(rem, v);
        digit_added |= token_verified && view.get(e - 1).is_some_and(u8::is_ascii_digit);
        let at_boundary = match (pos.get(e), pos.get(e - 1)) {
            (Some(next), Some(last)) => next.get() != last.get() + 1,
            _ => true,
        };
        if at_boundary {
            // The rearranged reference: body, then R (27), F (15) and the check digits.
            let r = [27, 15, c1, c2]
                .iter()
                .fold(rem, |r, v| iso7064::step(r, *v));
            let verifies = r == 1 && (2..=98).contains(&(c1 * 10 + c2));
            if verifies && (!token_verified || digit_added) {
                push(view, pos, k, 4 + body_len, RefKind::Rf, free, out);
            }
            token_verified |= verifies && first_end;
            first_end = false;
        }
    }
}

fn push<P: Offset>(
    view: &[u8],
    pos: &[P],
    k: usize,
    len: usize,
    kind: RefKind,
    free: &[Span],
    out: &mut Vec<Candidate>,
) {
    let Some(code) = view.get(k..k + len) else {
        return;
    };
    let (Some(&start), Some(&last)) = (pos.get(k), pos.get(k + len - 1)) else {
        return;
    };
    let span = (start.get(), last.get() + 1);
    // Inside the free text only: never in a trace, account or reference number.
    if !free.iter().any(|f| f.0 <= span.0 && span.1 <= f.1) {
        return;
    }
    if out.iter().any(|c| c.code.as_bytes() == code) {
        return;
    }
    out.push(Candidate {
        // The view holds ASCII letters and digits only.
        code: String::from_utf8(code.to_vec()).unwrap_or_default(),
        kind,
        span,
    });
}
