//! Comparing an invoice's names with the names a transfer carries.
//!
//! Names are compared as tokens of their folded form ([`crate::text::fold`]: no accents,
//! upper case), with `Y` and `I` taken as the same letter (`Thuy`/`Thui`, `Vy`/`Vi`: both
//! spellings are in use). An observed run of tokens matches a name of `k` tokens when:
//!
//! - **full**: its first token is the family name, its last the given name, and the
//!   tokens between are some of the middle names in order (`NGUYEN AN` and `NGUYEN VAN AN`
//!   both match `Nguyễn Văn An`);
//! - **truncated**: it has at least 3 tokens, all but the last equal the name's first
//!   tokens, and the last is the start of the next one (`NGUYEN THI B` for `Nguyễn Thị
//!   Bình`), and the run ends where the memo was cut (the end of the text, a bank's suffix
//!   word or a name marker). Middle names cannot be missing in a truncated run.
//!
//! # Suggestions
//!
//! A suggestion (a line without a code) needs the **whole name** ([`whole_match`]: every
//! token, in order) or, in the content, the whole name cut inside its last written syllable
//! ([`cut_match`]), and the observed run must not be a piece of a longer name
//! ([`TextTokens::is_whole_run`]): the token before it and the token after it must not be
//! able to continue a name. A neighbour ends a name when it is not a word (digits), has no
//! vowel, is longer than 7 letters, is a stop word ([`STOP`]; [`BANK_STOP`] only next to a
//! `/`), is in [`NOT_NAME`], starts (after the name) or ends (before it) one of the
//! [`PHRASES`] written in one case, is one of [`NUMBERED`] before a number, or is written in
//! a case the name's tokens are not in (`Nguyen Van An dong hoc`). `NGUYEN THI THU HA NOP
//! HOC PHI` holds `NGUYEN THI THU HA`, never `Nguyễn Thị Thu`; `NGUYEN VAN AN HOC PHI`
//! holds `NGUYEN VAN AN`.
//!
//! A name never proves identity (docs/domain.md, "Names"): these matches are evidence next to a code, or
//! a suggestion when a name and the exact amount point to exactly one open invoice.

use super::index::hash_bytes;
use crate::text::ALNUM_UPPER;

/// Longest name kept for matching, in tokens (longer names keep their first tokens and
/// their given name).
pub(crate) const MAX_TOKENS: usize = 8;

/// Words that end a run of name tokens: the memo's name markers and the words banks put
/// before their suffixes (docs/domain.md, "What banks do to a memo").
const STOP: &[&[u8]] = &[
    b"HS", b"BN", b"PH", b"NTT", b"GD", b"TRACE", b"NAPAS", b"CT", b"FT", b"ND", b"IBFT", b"CTR",
];

/// Words that are stop words only in a bank's suffix, where a `/` touches them
/// (Sacombank's `/CTR/.../MAC/...`), and family names elsewhere (`MAC VAN KHOA`: Mạc).
const BANK_STOP: &[&[u8]] = &[b"MAC"];

/// Folded memo words that are never a name syllable (they end a name run wherever they are):
/// the verbs, nouns and particles of payment memos (`nộp`, `học`, `chuyển khoản`, `cho`,
/// `con`, `lớp`, `tháng`...). Words that are also names (`Tiến`, `Phí`, `Thanh`, `Đông`,
/// `Châu`, `Nam`, `An`, `Tài`) are not here: see [`PHRASES`].
const NOT_NAME: &[&[u8]] = &[
    b"NOP",
    b"HOC",
    b"CK",
    b"CHUYEN",
    b"KHOAN",
    b"CHO",
    b"CON",
    b"ME",
    b"BO",
    b"LOP",
    b"VA",
    b"CUA",
    b"DEN",
    b"TOI",
    b"GUI",
    b"HK",
    b"DOT",
    b"NGAY",
    b"SO",
    b"PHIEU",
    b"HOADON",
    b"HD",
    b"BHYT",
    b"BHXH",
    b"SDT",
    b"STK",
    b"TK",
    b"ID",
    b"NOI",
    b"HOCPHI",
    b"VIENPHI",
    b"TIENHOCPHI",
];

/// Words that are names too but not before a number (`THANG 9`: the month, not Thắng;
/// `KY 1`, `NAM 2024`, `KHOI 6`).
const NUMBERED: &[&[u8]] = &[b"THANG", b"KY", b"NAM", b"KHOI"];

/// Two-word memo phrases (folded) whose words can also be names (`học phí`, `thanh toán`,
/// `tiền ăn`): a name run ends before the first word and starts after the second.
const PHRASES: &[(&[u8], &[u8])] = &[
    (b"HOC", b"PHI"),
    (b"VIEN", b"PHI"),
    (b"LE", b"PHI"),
    (b"THANH", b"TOAN"),
    (b"CHUYEN", b"TIEN"),
    (b"NOP", b"TIEN"),
    (b"DONG", b"TIEN"),
    (b"DONG", b"HOC"),
    (b"TIEN", b"AN"),
    (b"TIEN", b"HOC"),
    (b"TIEN", b"XE"),
    (b"BAN", b"TRU"),
    (b"HOC", b"KY"),
    (b"BAO", b"HIEM"),
    (b"UNG", b"HO"),
    (b"PHU", b"HUYNH"),
    (b"HOC", b"SINH"),
    (b"BENH", b"NHAN"),
    (b"TAM", b"UNG"),
    (b"NHAP", b"HOC"),
    (b"DONG", b"PHUC"),
    (b"HO", b"TEN"),
    (b"NOI", b"DUNG"),
    (b"CHO", b"CHAU"),
    (b"CHAU", b"BE"),
    (b"TRUONG", b"MN"),
    (b"TRUONG", b"TH"),
    (b"TRUONG", b"THCS"),
    (b"TRUONG", b"THPT"),
];

/// Token flags (see [`TextTokens`]): the letter cases a token is written in (a word with
/// no letter, or in mixed case, has all three), and whether a `/` touches it.
const LOWER: u8 = 1;
const TITLE: u8 = 2;
const UPPER: u8 = 4;
const ANY_CASE: u8 = LOWER | TITLE | UPPER;
const SLASH: u8 = 8;

/// The case flags of a word from whether it has lower-case and upper-case letters, how many
/// letters it has, and whether only its first letter is upper case.
#[inline]
fn case_flags(lower: bool, upper: bool, letters: usize, title: bool) -> u8 {
    match (lower, upper) {
        (false, false) => ANY_CASE,
        (true, false) => LOWER,
        (false, true) if letters == 1 => TITLE | UPPER,
        (false, true) => UPPER,
        (true, true) if title => TITLE,
        (true, true) => ANY_CASE,
    }
}

#[inline]
fn canon(b: u8) -> u8 {
    if b == b'Y' {
        b'I'
    } else {
        b
    }
}

/// Token equality with `Y` = `I`.
#[inline]
pub(crate) fn tok_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| canon(*x) == canon(*y))
}

/// Whether `p` (non-empty) starts `full`, with `Y` = `I`.
#[inline]
pub(crate) fn tok_prefix(p: &[u8], full: &[u8]) -> bool {
    !p.is_empty()
        && p.len() <= full.len()
        && p.iter().zip(full).all(|(x, y)| canon(*x) == canon(*y))
}

/// Hash of a token with `Y` = `I`.
#[inline]
pub(crate) fn tok_hash(t: &[u8]) -> u64 {
    hash_bytes(0x4e41_4d45, t.iter().map(|b| canon(*b)))
}

/// Whether a folded token can be part of a name (letters only).
#[inline]
pub(crate) fn is_word(t: &[u8]) -> bool {
    !t.is_empty() && t.iter().all(u8::is_ascii_uppercase)
}

fn has_vowel(t: &[u8]) -> bool {
    t.iter().any(|b| b"AEIOUY".contains(b))
}

fn is_phrase(a: &[u8], b: &[u8]) -> bool {
    PHRASES.iter().any(|(x, y)| *x == a && *y == b)
}

/// Whether all tokens of `o` equal those of `name`, in order (with `Y` = `I`): the whole
/// name, as a suggestion needs it.
pub(crate) fn whole_match(name: &[&[u8]], o: &[&[u8]]) -> bool {
    o.len() >= 2 && o.len() == name.len() && o.iter().zip(name).all(|(a, b)| tok_eq(a, b))
}

/// The tokens of a folded name (at most [`MAX_TOKENS`]).
#[derive(Clone, Copy)]
pub(crate) struct Toks<'a> {
    items: [&'a [u8]; MAX_TOKENS],
    len: usize,
}

impl<'a> Toks<'a> {
    /// Splits a folded name on spaces.
    pub(crate) fn new(folded: &'a str) -> Toks<'a> {
        let mut items: [&[u8]; MAX_TOKENS] = [&[]; MAX_TOKENS];
        let mut len = 0;
        let mut last: &[u8] = &[];
        for t in folded
            .as_bytes()
            .split(|b| *b == b' ')
            .filter(|t| !t.is_empty())
        {
            if len < MAX_TOKENS - 1 {
                if let Some(slot) = items.get_mut(len) {
                    *slot = t;
                }
                len += 1;
            }
            last = t;
        }
        // Keep the given name when the name is longer than MAX_TOKENS.
        if len == MAX_TOKENS - 1 && items.get(len - 1).is_some_and(|t| *t != last) {
            if let Some(slot) = items.get_mut(len) {
                *slot = last;
            }
            len += 1;
        }
        Toks { items, len }
    }

    pub(crate) fn as_slice(&self) -> &[&'a [u8]] {
        self.items.get(..self.len).unwrap_or(&[])
    }
}

/// Whether `sub` is a subsequence of `of` (token equality with `Y` = `I`).
fn subsequence(sub: &[&[u8]], of: &[&[u8]]) -> bool {
    let mut it = of.iter();
    sub.iter().all(|s| it.any(|o| tok_eq(s, o)))
}

/// Full match of the observed run `o` against `name` (see the module documentation).
pub(crate) fn full_match(name: &[&[u8]], o: &[&[u8]]) -> bool {
    let (Some(nf), Some(nl), Some(of), Some(ol)) = (name.first(), name.last(), o.first(), o.last())
    else {
        return false;
    };
    if o.len() < 2 || name.len() < 2 || o.len() > name.len() {
        return false;
    }
    let inner_o = o.get(1..o.len() - 1).unwrap_or(&[]);
    let inner_n = name.get(1..name.len() - 1).unwrap_or(&[]);
    tok_eq(of, nf) && tok_eq(ol, nl) && subsequence(inner_o, inner_n)
}

/// Truncated match of the observed run `o` against `name` (see the module documentation).
pub(crate) fn truncated_match(name: &[&[u8]], o: &[&[u8]]) -> bool {
    let m = o.len();
    if m < 3 || m > name.len() {
        return false;
    }
    let (Some(ol), Some(nl)) = (o.get(m - 1), name.get(m - 1)) else {
        return false;
    };
    let whole = o.iter().zip(name).take(m - 1).all(|(a, b)| tok_eq(a, b));
    whole && tok_prefix(ol, nl) && !(m == name.len() && tok_eq(ol, nl))
}

/// Cut match of the observed run `o` against `name`, as a suggestion needs it: a
/// [`truncated_match`] whose last token is cut inside the word (`NGUYEN THI B` for `Nguyễn
/// Thị Bình`). A run that stops after a whole syllable (`CAO HUYEN ANH`) may be the whole
/// name of someone else (`Cao Huyền Anh` is not `Cao Huyền Anh Thư`).
pub(crate) fn cut_match(name: &[&[u8]], o: &[&[u8]]) -> bool {
    let m = o.len();
    truncated_match(name, o)
        && matches!((o.last(), name.get(m.wrapping_sub(1))), (Some(a), Some(b)) if a.len() < b.len())
}

/// How much of a text is searched for names: 1 MiB, far beyond any bank memo, and small
/// enough that every position in its fold fits a `u32`.
pub(crate) const NAME_TEXT_MAX: usize = 1 << 20;

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn head(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// A folded text split into tokens, kept in reusable buffers.
///
/// `folded` holds the tokens' bytes and `ranges` where each token is in it. For ASCII text
/// the tokens are stored one after the other with nothing between them (the text's letters
/// and digits, upper-cased: the same bytes the code extractor reads, see
/// [`TextTokens::fill_from_view`]); for other text, `folded` is the output of
/// [`crate::text::fold`] and the tokens are its space-separated words.
///
/// `flags` holds, per token, the letter cases it was written in and whether a `/` touches
/// it in the original text, once [`TextTokens::ensure_flags`] read them (only lines whose
/// names are looked up need them); empty when they could not be told: every case then fits
/// and no `/` is seen.
#[derive(Default)]
pub(crate) struct TextTokens {
    folded: String,
    ranges: Vec<(u32, u32)>,
    flags: Vec<u8>,
    flags_read: bool,
}

impl TextTokens {
    /// Asks for the memory of the tokens and of their text ([`crate::hint::prefetch`]):
    /// they were written on another thread.
    pub(crate) fn prefetch(&self) {
        if let (Some(t), Some(r)) = (self.folded.as_bytes().first(), self.ranges.first()) {
            crate::hint::prefetch(t);
            crate::hint::prefetch(r);
        }
    }

    /// Folds `text` and splits it. Only the first [`NAME_TEXT_MAX`] bytes are read (token
    /// positions are held as `u32`; a bank memo is a few hundred bytes).
    pub(crate) fn fill(&mut self, text: &str) {
        let text = head(text, NAME_TEXT_MAX);
        if text.is_ascii() {
            self.fill_ascii(text);
            return;
        }
        self.folded.clear();
        self.ranges.clear();
        crate::text::fold_into(text, &mut self.folded);
        let mut start = 0usize;
        for (i, b) in self.folded.bytes().enumerate() {
            if b == b' ' {
                if i > start {
                    self.ranges.push((start as u32, i as u32));
                }
                start = i + 1;
            }
        }
        if self.folded.len() > start {
            self.ranges.push((start as u32, self.folded.len() as u32));
        }
        self.flags.clear();
        self.flags_read = false;
    }

    /// Reads the tokens' flags from `text`, the text the tokens were made from (once per
    /// fill).
    pub(crate) fn ensure_flags(&mut self, text: &str) {
        if !self.flags_read {
            self.flags_of_words(head(text, NAME_TEXT_MAX));
            self.flags_read = true;
        }
    }

    /// The flags of the words of a text: letters, digits and combining marks make a word. When the words are not the folded tokens one for one, no flags are kept.
    fn flags_of_words(&mut self, text: &str) {
        self.flags.clear();
        if text.is_ascii() {
            self.flags_of_ascii_words(text.as_bytes());
        } else {
            self.flags_of_char_words(text);
        }
    }

    /// [`TextTokens::flags_of_words`] character by character.
    fn flags_of_char_words(&mut self, text: &str) {
        let mut word = false;
        let (mut lower, mut upper, mut letters, mut title, mut slash) = (false, false, 0, true, 0);
        let mut prev = ' ';
        for c in text.chars().chain(std::iter::once(' ')) {
            let in_word = c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c);
            if in_word && !word {
                (lower, upper, letters, title) = (false, false, 0, true);
                slash = if prev == '/' { SLASH } else { 0 };
            }
            if in_word {
                if c.is_lowercase() {
                    lower = true;
                } else if c.is_uppercase() {
                    title &= letters == 0;
                    upper = true;
                }
                letters += usize::from(c.is_alphabetic());
            } else if word {
                let after = if c == '/' { SLASH } else { 0 };
                self.flags
                    .push(case_flags(lower, upper, letters, title) | slash | after);
            }
            word = in_word;
            prev = c;
        }
        if self.flags.len() != self.ranges.len() {
            self.flags.clear();
        }
    }

    /// [`TextTokens::flags_of_words`] for an ASCII text, byte by byte.
    fn flags_of_ascii_words(&mut self, text: &[u8]) {
        let (mut word, mut lower, mut upper, mut letters, mut title, mut slash) =
            (false, false, false, 0usize, true, 0u8);
        let mut prev = b' ';
        for &b in text.iter().chain(std::iter::once(&b' ')) {
            let in_word = b.is_ascii_alphanumeric();
            if in_word {
                if !word {
                    (lower, upper, letters, title) = (false, false, 0, true);
                    slash = if prev == b'/' { SLASH } else { 0 };
                }
                if b.is_ascii_lowercase() {
                    lower = true;
                } else if b.is_ascii_uppercase() {
                    title &= letters == 0;
                    upper = true;
                }
                letters += usize::from(b.is_ascii_alphabetic());
            } else if word {
                let after = if b == b'/' { SLASH } else { 0 };
                self.flags
                    .push(case_flags(lower, upper, letters, title) | slash | after);
            }
            word = in_word;
            prev = b;
        }
        if self.flags.len() != self.ranges.len() {
            self.flags.clear();
        }
    }

    /// The tokens of an ASCII text from the view the code extractor scanned (see
    /// [`crate::memo::extract_short_with_view`]): `view` holds the text's letters and
    /// digits upper-cased and `pos` the byte offset of each; a token is a run of
    /// consecutive offsets. The same tokens as [`TextTokens::fill`] on the text.
    pub(crate) fn fill_from_view(&mut self, view: &[u8], pos: &[u8]) {
        self.ranges.clear();
        self.folded.clear();
        self.folded
            .push_str(std::str::from_utf8(view).unwrap_or_default());
        let mut start = 0u32;
        let tail = pos.get(1..).unwrap_or(&[]);
        for (k, (a, b)) in (1u32..).zip(pos.iter().zip(tail)) {
            if *b != a.wrapping_add(1) {
                self.ranges.push((start, k));
                start = k;
            }
        }
        if !pos.is_empty() {
            self.ranges.push((start, pos.len() as u32));
        }
        self.flags.clear();
        self.flags_read = false;
    }

    /// The tokens of an ASCII text (what `fold` does to ASCII: letters and digits
    /// upper-cased, every other character a separator), in one pass over a byte table.
    fn fill_ascii(&mut self, text: &str) {
        self.ranges.clear();
        self.flags.clear();
        self.flags_read = false;
        let mut view = std::mem::take(&mut self.folded).into_bytes();
        view.clear();
        view.resize(text.len(), 0);
        // Each byte is written at `n`, which moves on for a letter or digit only.
        let (mut n, mut start, mut in_token) = (0usize, 0usize, false);
        for &b in text.as_bytes() {
            let c = ALNUM_UPPER[usize::from(b)];
            if let Some(v) = view.get_mut(n) {
                *v = c;
            }
            let is_token = c != 0;
            if is_token != in_token {
                if is_token {
                    start = n;
                } else {
                    self.ranges.push((start as u32, n as u32));
                }
                in_token = is_token;
            }
            n += usize::from(is_token);
        }
        if in_token {
            self.ranges.push((start as u32, n as u32));
        }
        view.truncate(n);
        // Only ASCII letters and digits were kept.
        self.folded = String::from_utf8(view).unwrap_or_default();
    }

    /// Frees the buffers when a long text left them over `bytes` (a reconciler keeps one
    /// per line of a batch; bank memos need a few hundred bytes).
    pub(crate) fn trim(&mut self, bytes: usize) {
        if self.folded.capacity() > bytes
            || self.ranges.capacity() * std::mem::size_of::<(u32, u32)>() > bytes
        {
            *self = TextTokens::default();
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ranges.len()
    }

    pub(crate) fn get(&self, i: usize) -> &[u8] {
        self.ranges
            .get(i)
            .and_then(|&(a, b)| self.folded.as_bytes().get(a as usize..b as usize))
            .unwrap_or(&[])
    }

    /// Tokens `i..j` as a name run (at most [`MAX_TOKENS`]).
    pub(crate) fn run(&self, i: usize, j: usize) -> Option<Toks<'_>> {
        if j <= i || j - i > MAX_TOKENS || j > self.len() {
            return None;
        }
        let mut items: [&[u8]; MAX_TOKENS] = [&[]; MAX_TOKENS];
        for (slot, k) in items.iter_mut().zip(i..j) {
            *slot = self.get(k);
        }
        Some(Toks { items, len: j - i })
    }

    /// The folded text of tokens `i..j`, joined by single spaces (`NGUYEN THI B`).
    pub(crate) fn text(&self, i: usize, j: usize) -> String {
        let ranges = self.ranges.get(i..j.min(self.len())).unwrap_or(&[]);
        let len: usize = ranges.iter().map(|&(a, b)| (b - a) as usize + 1).sum();
        let mut out = String::with_capacity(len);
        for &(a, b) in ranges {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.folded.get(a as usize..b as usize).unwrap_or(""));
        }
        out
    }

    /// The flags of token `k` (every case when unknown).
    fn flag(&self, k: usize) -> u8 {
        self.flags.get(k).copied().unwrap_or(ANY_CASE)
    }

    /// Whether token `k` is a stop word: one of [`STOP`], or one of [`BANK_STOP`] next to
    /// a `/`.
    pub(crate) fn is_stop_at(&self, k: usize) -> bool {
        let t = self.get(k);
        STOP.contains(&t) || (BANK_STOP.contains(&t) && self.flag(k) & SLASH != 0)
    }

    /// Whether token `k` could be one more syllable of a name whose tokens are written in
    /// the cases `case`, on the side `after` (the token after the name) or before it.
    fn continues_name(&self, k: usize, case: u8, after: bool) -> bool {
        let t = self.get(k);
        if !is_word(t) || !has_vowel(t) || t.len() > 7 || self.is_stop_at(k) {
            return false;
        }
        if NOT_NAME.contains(&t) || self.flag(k) & case == 0 {
            return false;
        }
        // A phrase is two words written alike (`TIEN hoc` is a name and a word).
        let alike = |a: usize, b: usize| self.flag(a) & self.flag(b) & ANY_CASE != 0;
        if after {
            let next = self.get(k + 1);
            let numbered = NUMBERED.contains(&t) && next.first().is_some_and(u8::is_ascii_digit);
            let phrase = is_phrase(t, next) && alike(k, k + 1);
            !(numbered || phrase)
        } else {
            !(k > 0 && is_phrase(self.get(k - 1), t) && alike(k - 1, k))
        }
    }

    /// Whether tokens `i..j` are a whole name run, not a piece of a longer one: the tokens
    /// next to them (if any) are not name syllables written like them (see the module
    /// documentation, "Suggestions").
    pub(crate) fn is_whole_run(&self, i: usize, j: usize) -> bool {
        let mut case = ANY_CASE;
        for k in i..j {
            case &= self.flag(k);
        }
        if case == 0 {
            case = ANY_CASE;
        }
        let longer_before = i > 0 && self.continues_name(i - 1, case, false);
        let longer_after = j < self.len() && self.continues_name(j, case, true);
        !(longer_before || longer_after)
    }

    /// The end (exclusive) of the name run that starts at `i`: letters-only tokens that are
    /// not stop words; a token without a vowel (a word cut short) ends the run, included.
    pub(crate) fn run_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.len() && j - i < MAX_TOKENS {
            let t = self.get(j);
            if !is_word(t) || self.is_stop_at(j) {
                break;
            }
            j += 1;
            if !has_vowel(t) {
                break;
            }
        }
        j
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&[u8]> {
        s.as_bytes().split(|b| *b == b' ').collect()
    }

    #[test]
    fn full() {
        let n = toks("NGUYEN VAN AN");
        assert!(full_match(&n, &toks("NGUYEN VAN AN")));
        assert!(full_match(&n, &toks("NGUYEN AN")));
        assert!(full_match(&n, &toks("NGUIEN VAN AN")));
        assert!(!full_match(&n, &toks("NGUYEN VAN")));
        assert!(!full_match(&n, &toks("NGUYEN THI AN")));
        assert!(!full_match(&n, &toks("AN")));
        let n = toks("LE THI THUY");
        assert!(full_match(&n, &toks("LE THI THUI")));
        assert!(full_match(&n, &toks("LE THUI")));
        let n = toks("TRAN VY");
        assert!(full_match(&n, &toks("TRAN VI")));
    }

    #[test]
    fn truncated() {
        let n = toks("NGUYEN THI BINH");
        assert!(truncated_match(&n, &toks("NGUYEN THI B")));
        assert!(truncated_match(&n, &toks("NGUYEN THI BIN")));
        assert!(
            !truncated_match(&n, &toks("NGUYEN THI BINH")),
            "whole: a full match"
        );
        assert!(
            !truncated_match(&n, &toks("NGUYEN TH")),
            "two tokens are not enough"
        );
        assert!(!truncated_match(&n, &toks("NGUYEN BINH B")));
        let n = toks("PHAM THI NGOC ANH");
        assert!(truncated_match(&n, &toks("PHAM THI NGOC")));
        assert!(truncated_match(&n, &toks("PHAM THI NGOC A")));
    }

    #[test]
    fn long_names_keep_the_given_name() {
        let t = Toks::new("A B C D E F G H I J");
        assert_eq!(t.as_slice().len(), MAX_TOKENS);
        assert_eq!(t.as_slice().last().copied(), Some(&b"J"[..]));
    }

    #[test]
    fn ascii_fast_path_folds_like_fold() {
        for text in [
            "HP24010172 hoc phi; HS Nguyen-Thi K'Nam..GD 85",
            "",
            "  ",
            "a",
            "x.y z!",
            "Nguyễn Thị Bình hs",
        ] {
            let mut t = TextTokens::default();
            t.fill(text);
            let got: Vec<&[u8]> = (0..t.len()).map(|i| t.get(i)).collect();
            let folded = crate::text::fold(text);
            let want: Vec<&[u8]> = folded
                .as_bytes()
                .split(|b| *b == b' ')
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(got, want, "{text}");
            if t.len() > 0 {
                assert_eq!(t.text(0, t.len()), folded);
            }
        }
    }

    #[test]
    fn only_the_head_of_a_huge_text_is_tokenized() {
        let mut t = TextTokens::default();
        let text = format!("{}ễ NGUYEN", "ă".repeat(NAME_TEXT_MAX / 2 - 1));
        assert!(text.len() > NAME_TEXT_MAX);
        assert!(!text.is_char_boundary(NAME_TEXT_MAX));
        t.fill(&text);
        // The name past the first MiB is not read, and the cut falls between characters.
        assert!(!t.folded.contains("NGUYEN"));
        assert!(t.folded.len() < NAME_TEXT_MAX);
        assert_eq!(head("ăb", 1), "");
        assert_eq!(head("ăb", 2), "ă");
        assert_eq!(head("ăb", 9), "ăb");
    }

    /// Every text of up to 5 characters over letters, digits and separators.
    fn short_texts() -> Vec<String> {
        let alphabet = [b'a', b'Z', b'7', b' ', b'.', b'-'];
        let mut texts = Vec::new();
        for len in 0..=5u32 {
            for mut k in 0..alphabet.len().pow(len) {
                let mut text = String::new();
                for _ in 0..len {
                    text.push(char::from(alphabet[k % alphabet.len()]));
                    k /= alphabet.len();
                }
                texts.push(text);
            }
        }
        texts
    }

    #[test]
    fn ascii_fast_path_folds_like_fold_on_every_short_text() {
        let mut t = TextTokens::default();
        for text in short_texts() {
            t.fill(&text);
            let folded = crate::text::fold(&text);
            let want: Vec<&[u8]> = folded
                .as_bytes()
                .split(|b| *b == b' ')
                .filter(|w| !w.is_empty())
                .collect();
            let got: Vec<&[u8]> = (0..t.len()).map(|i| t.get(i)).collect();
            assert_eq!(got, want, "{text:?}");
            if t.len() > 0 {
                assert_eq!(t.text(0, t.len()), folded.trim(), "{text:?}");
            }
        }
    }

    /// Tokens read from the code extractor's view equal the tokens of `fill`, for every
    /// short text over letters, digits, separators and a code.
    #[test]
    fn tokens_from_the_extractor_view_equal_fill() {
        let schemes: Vec<crate::reference::Scheme> = vec!["HP:6".parse().unwrap()];
        let (mut a, mut b) = (TextTokens::default(), TextTokens::default());
        let mut texts: Vec<String> = vec![
            "MBVCB.2427229823.174242.HP24010172 HOC PHI HS NGUYEN VAN AN.CT tu 1027236393".into(),
            "  hp 2401 0172 ..  nguyen thi b ".into(),
            "x".repeat(256),
        ];
        texts.extend(short_texts());
        for text in &texts {
            let mut cands = Vec::new();
            assert!(crate::memo::extract_short_with_view(
                text,
                &schemes,
                &mut cands,
                |v, p| a.fill_from_view(v, p)
            ));
            assert_eq!(cands, crate::memo::extract(text, &schemes), "{text:?}");
            b.fill(text);
            let got: Vec<&[u8]> = (0..a.len()).map(|i| a.get(i)).collect();
            let want: Vec<&[u8]> = (0..b.len()).map(|i| b.get(i)).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(a.text(0, a.len()), b.text(0, b.len()), "{text:?}");
        }
        let mut cands = Vec::new();
        assert!(!crate::memo::extract_short_with_view(
            &"x".repeat(257),
            &schemes,
            &mut cands,
            |_, _| {}
        ));
    }

    /// The whole run of `name` in `text` (its tokens found in order).
    fn whole(text: &str, name: &str) -> bool {
        let mut t = TextTokens::default();
        t.fill(text);
        t.ensure_flags(text);
        let n = toks(name);
        let at = (0..t.len()).find(|&i| t.get(i) == n[0]).unwrap();
        assert_eq!(t.text(at, at + n.len()), name, "{text}");
        t.is_whole_run(at, at + n.len())
    }

    #[test]
    fn whole_runs() {
        // A piece of a longer name is not the name.
        assert!(!whole("NGUYEN THI THU HA NOP HOC PHI", "NGUYEN THI THU"));
        assert!(!whole("hoc phi PHAM NGUYEN VAN AN", "NGUYEN VAN AN"));
        assert!(whole("NGUYEN THI THU HA NOP HOC PHI", "NGUYEN THI THU HA"));
        // Memo words and phrases end a run, whatever the case.
        assert!(whole("NGUYEN VAN AN HOC PHI", "NGUYEN VAN AN"));
        assert!(whole("HOC PHI NGUYEN VAN AN THANH TOAN", "NGUYEN VAN AN"));
        assert!(whole("nguyen van an tien an thang 9", "NGUYEN VAN AN"));
        assert!(whole("NGUYEN VAN AN THANG 9", "NGUYEN VAN AN"));
        assert!(!whole("NGUYEN VAN AN THANG", "NGUYEN VAN AN"));
        assert!(whole("CHO CHAU NGUYEN VAN AN", "NGUYEN VAN AN"));
        // Letter case: a lower-case word next to a capitalized name is not a syllable of it.
        assert!(whole("Nguyen Van An dong hoc", "NGUYEN VAN AN"));
        assert!(whole("cháu Nguyễn Văn An", "NGUYEN VAN AN"));
        assert!(whole("NGUYEN VAN AN tien hoc", "NGUYEN VAN AN"));
        assert!(!whole("NGUYEN VAN AN TIEN hoc", "NGUYEN VAN AN"));
        assert!(!whole("Nguyễn Văn An Khoa", "NGUYEN VAN AN"));
        // Digits, punctuation-free envelope words and the text's ends.
        assert!(whole(
            "481203.100924.NGUYEN VAN AN.CT tu 0071",
            "NGUYEN VAN AN"
        ));
        assert!(whole("NGUYEN VAN AN", "NGUYEN VAN AN"));
    }

    #[test]
    fn mac_is_a_family_name_except_in_a_bank_suffix() {
        let mut t = TextTokens::default();
        t.fill("MAC VAN KHOA nop hoc phi");
        t.ensure_flags("MAC VAN KHOA nop hoc phi");
        assert!(!t.is_stop_at(0));
        assert_eq!(t.text(0, t.run_end(0)), "MAC VAN KHOA NOP HOC PHI");
        assert!(t.is_whole_run(0, 3));
        t.fill("SACOMBANK-GD 1234-/CTR/IBFT 5678/MAC/NGUYEN VAN AN");
        t.ensure_flags("SACOMBANK-GD 1234-/CTR/IBFT 5678/MAC/NGUYEN VAN AN");
        let at = (0..t.len()).find(|&i| t.get(i) == b"MAC").unwrap();
        assert!(t.is_stop_at(at));
        // The same through the non-ASCII path and the code extractor's view.
        t.fill("Mạc Văn Khoa nộp học phí");
        t.ensure_flags("Mạc Văn Khoa nộp học phí");
        assert!(!t.is_stop_at(0));
        t.fill("Nộp /MAC/ Mạc Văn Khoa");
        t.ensure_flags("Nộp /MAC/ Mạc Văn Khoa");
        assert!(t.is_stop_at(1) && !t.is_stop_at(2));
        let text = "HP24010172 /MAC/ MAC VAN KHOA";
        let mut cands = Vec::new();
        let schemes: Vec<crate::reference::Scheme> = vec!["HP:6".parse().unwrap()];
        crate::memo::extract_short_with_view(text, &schemes, &mut cands, |v, p| {
            t.fill_from_view(v, p)
        });
        t.ensure_flags(text);
        assert!(t.is_stop_at(1) && !t.is_stop_at(2));
    }

    /// The byte-by-byte flags of an ASCII text equal those read character by character.
    #[test]
    fn ascii_flags_equal_char_flags() {
        let mut a = TextTokens::default();
        let mut texts: Vec<String> = short_texts();
        texts.push("SACOMBANK-GD 1234-/CTR/IBFT 5678/MAC/Nguyen VAN an.x".into());
        for text in texts {
            a.fill(&text);
            a.flags_of_words(&text);
            let fast = a.flags.clone();
            a.flags.clear();
            a.flags_of_char_words(&text);
            assert_eq!(fast, a.flags, "{text:?}");
        }
    }

    #[test]
    fn cut_names() {
        let n = toks("NGUYEN THI BINH");
        assert!(cut_match(&n, &toks("NGUYEN THI BI")));
        assert!(
            !cut_match(&n, &toks("NGUYEN THI")),
            "a whole syllable is not a cut"
        );
        let n = toks("CAO HUYEN ANH THU");
        assert!(!cut_match(&n, &toks("CAO HUYEN ANH")));
        assert!(cut_match(&n, &toks("CAO HUYEN ANH TH")));
    }

    #[test]
    fn runs() {
        let mut t = TextTokens::default();
        t.fill("HP1234 hoc phi HS Nguyễn Thị B GD 856933");
        let at = (0..t.len()).find(|&i| t.get(i) == b"NGUYEN").unwrap();
        assert_eq!(t.text(at, t.run_end(at)), "NGUYEN THI B");
        t.fill("PH TRAN VAN AN; tai Napas");
        assert_eq!(t.text(1, t.run_end(1)), "TRAN VAN AN TAI");
    }
}
