//! Vietnamese text: normalization, names, tone marks, the ASCII memo form, matching keys,
//! look-alike detection, and legacy encodings.
//!
//! The pipeline ([`normalize`]) runs in a fixed order and reports every step that changed
//! the text as a warning finding, and every refused character as an error finding:
//!
//! 1. refuse control characters, bidirectional controls and invisible characters (docs/domain.md, "Spoofing");
//! 2. whitespace (NBSP, U+202F, U+2000–U+200A, U+3000, tabs, line breaks) to one ASCII space,
//!    runs collapsed, ends trimmed;
//! 3. apostrophe look-alikes (U+2019, U+02BC, …) to `'`;
//! 4. NFKC for compatibility forms (full-width letters), otherwise NFC.
//!
//! Names get more ([`check_name`]): only Vietnamese letters, space, apostrophe and hyphen
//! (Civil Code 2015, art. 26), display casing, and a warning when a tone mark looks misplaced.
//!
//! # Example
//!
//! ```
//! use vietref::text;
//!
//! let r = text::check_name("  nguyễn   văn AN ", "payerName");
//! assert_eq!(r.cleaned.as_deref(), Some("Nguyễn Văn An"));
//! assert_eq!(text::fold("Nguyễn Văn Đức"), "NGUYEN VAN DUC");
//! assert_eq!(text::key("THỦY"), text::key("Thuỷ"));
//! // A Cyrillic "у" inside a Latin name is refused.
//! assert!(!text::check_name("Nguуễn Văn An", "payerName").is_valid());
//! ```

pub mod chars;
pub mod confusable;
mod fold;
/// The legacy encodings moved to [`crate::legacy`]; this path stays for existing callers.
pub use crate::legacy;
pub mod syllable;
pub(crate) mod tables;

pub use confusable::{
    check_payee_name, compare_payee_name, looks_like, skeleton, NameComparison, PayeeNameCheck,
    CONFUSABLES_UNICODE_VERSION,
};
#[cfg(feature = "fuzzing")]
pub(crate) use fold::reference::fold as fold_reference;
pub use fold::{fold, fold_into};
pub(crate) use fold::{fold_append, fold_append_short};
pub use syllable::{is_syllable, retone, Tone, ToneStyle};

use crate::finding::{describe_char, push_capped, Code, Finding, Report};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Byte → its upper-case form when it is an ASCII letter or digit, else 0.
pub(crate) static ALNUM_UPPER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_uppercase()
        } else {
            0
        };
        b += 1;
    }
    t
};

pub use crate::charclass::is_format_or_invisible;

/// Normalizes free text for a field and reports every change and every refused character.
///
/// The returned text is the normalized text with refused characters left out; when the
/// findings hold an error the text must not be used as the field's value.
pub fn normalize(text: &str, field: &str) -> (String, Vec<Finding>) {
    let (mut out, mut findings, composed) = normalize_pass(text, field);
    // NFKC can produce what the first pass removes (U+00A8 becomes a space and a combining
    // mark): run the pass again until the text is stable, reporting only new kinds of change.
    let mut changed = composed;
    let mut rounds = 0;
    while changed && rounds < 3 {
        let (again, more, composed_again) = normalize_pass(&out, field);
        changed = again != out || composed_again;
        for f in more {
            if !findings.iter().any(|g| g.code == f.code) {
                findings.push(f);
            }
        }
        out = again;
        rounds += 1;
    }
    crate::finding::cap_repeats(&mut findings);
    (out, findings)
}

/// One pass of [`normalize`]; the flag says whether NFC/NFKC changed the text.
fn normalize_pass(text: &str, field: &str) -> (String, Vec<Finding>, bool) {
    let mut findings = Vec::new();
    // Fast path: nothing to refuse, no whitespace to fix, already NFKC.
    if is_clean(text) {
        return (text.to_string(), findings, false);
    }
    let mut out = String::with_capacity(text.len());
    let mut ws_changed: Vec<(String, String)> = Vec::new();
    let mut pending_space = false;
    let mut first_apostrophe: Option<(usize, char)> = None;
    let mut leading = false;
    let mut collapsed = false;
    let mut converted = None;
    for (i, c) in text.chars().enumerate() {
        let pos = i + 1;
        if chars::is_space_like(c) {
            if c != ' ' && converted.is_none() {
                converted = Some(c);
            }
            if out.is_empty() {
                leading = true;
            } else if pending_space {
                collapsed = true;
            }
            pending_space = true;
            continue;
        }
        if let Some(code) = chars::refused_code(c) {
            push_capped(&mut findings, code, field, || {
                Finding::new(code, field).at(pos, c)
            });
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        if chars::is_apostrophe_variant(c) {
            first_apostrophe.get_or_insert((pos, c));
            out.push('\'');
        } else {
            out.push(c);
        }
    }
    if let Some(c) = converted {
        let d = describe_char(c);
        ws_changed.push((
            format!("{d} became a space"),
            format!("{d} đã thành dấu cách"),
        ));
    }
    if collapsed {
        ws_changed.push((
            "runs of spaces were collapsed".into(),
            "các dấu cách liền nhau đã được gộp lại".into(),
        ));
    }
    if leading || pending_space {
        ws_changed.push((
            "leading or trailing spaces were trimmed".into(),
            "dấu cách ở đầu hoặc cuối đã được bỏ".into(),
        ));
    }
    if !ws_changed.is_empty() {
        let (en, vi): (Vec<String>, Vec<String>) = ws_changed.into_iter().unzip();
        findings.push(
            Finding::new(Code::TextWhitespace, field).detail_both(en.join("; "), vi.join("; ")),
        );
    }
    if let Some((pos, c)) = first_apostrophe {
        findings.push(Finding::new(Code::TextApostrophe, field).at(pos, c));
    }
    let before = findings.len();
    let out = compose(out, field, &mut findings);
    let composed = findings.len() > before;
    (out, findings, composed)
}

/// NFKC when compatibility characters are present, else NFC; each reported.
fn compose(s: String, field: &str, findings: &mut Vec<Finding>) -> String {
    if s.is_ascii() || is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        return s;
    }
    let nfc: String = if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.clone()
    } else {
        s.nfc().collect()
    };
    let nfkc: String = nfc.nfkc().collect();
    if nfkc != nfc {
        // Name the first character that NFKC changed.
        let first = nfc
            .chars()
            .enumerate()
            .find(|(_, c)| {
                let one: String = c.to_string();
                one.nfkc().collect::<String>() != one
            })
            .map(|(i, c)| (i + 1, c));
        let mut f = Finding::new(Code::TextCompatibilityFolded, field);
        if let Some((p, c)) = first {
            f = f.at(p, c);
        }
        findings.push(f);
    } else if nfc != s {
        findings.push(Finding::new(Code::TextComposed, field));
    }
    nfkc
}

/// Whether `text` passes every step of [`normalize_pass`] unchanged.
fn is_clean(text: &str) -> bool {
    clean_kind(text) != Clean::Dirty
}

/// What [`clean_kind`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clean {
    /// Some step of [`normalize_pass`] would change the text or refuse a character.
    Dirty,
    /// Unchanged, and made only of printable ASCII and precomposed Vietnamese letters.
    Simple,
    /// Unchanged, with other characters.
    Other,
}

/// Byte classes for [`clean_kind`].
const B_PRINT: u8 = 0;
const B_SPACE: u8 = 1;
const B_REFUSED: u8 = 2;
const B_LEAD2: u8 = 3;
const B_LEAD3: u8 = 4;
const B_OTHER: u8 = 5;

/// The class of each byte: printable ASCII other than the space and the backtick (which
/// normalization turns into an apostrophe), the space, other ASCII (changed or refused),
/// the lead bytes of the Vietnamese letters' 2-byte (U+00C0–U+01BF) and 3-byte
/// (U+1xxx) sequences, and the rest.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [B_OTHER; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = if b == 0x20 {
            B_SPACE
        } else if b > 0x20 && b < 0x7F && b != 0x60 {
            B_PRINT
        } else {
            B_REFUSED
        };
        b += 1;
    }
    t[0xC3] = B_LEAD2;
    t[0xC4] = B_LEAD2;
    t[0xC5] = B_LEAD2;
    t[0xC6] = B_LEAD2;
    t[0xE1] = B_LEAD3;
    t
};

/// Whether `text` passes every step of [`normalize_pass`] unchanged, and whether it is
/// [`Clean::Simple`]. Reads bytes: ASCII and the 2- and 3-byte sequences of Vietnamese
/// letters without decoding the rest; at the first other character it hands the whole
/// text to [`clean_kind_general`], which decides alone (a property test holds the two
/// equal).
fn clean_kind(text: &str) -> Clean {
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return Clean::Dirty;
    }
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let class = BYTE_CLASS[usize::from(x)];
        if class == B_PRINT {
            i += 1;
            continue;
        }
        if class == B_SPACE {
            // Not first (checked above): a space before it means a run.
            if i > 0 && b.get(i - 1) == Some(&b' ') {
                return Clean::Dirty;
            }
            i += 1;
            continue;
        }
        // The text is UTF-8: the continuation bytes are there.
        let next = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0) & 0x3F);
        let (u, len) = match class {
            B_REFUSED => return Clean::Dirty,
            B_LEAD2 => ((u32::from(x & 0x1F) << 6) | next(1), 2),
            B_LEAD3 => (0x1000 | (next(1) << 6) | next(2), 3),
            _ => return clean_kind_general(text),
        };
        if !chars::is_vietnamese_non_ascii_letter_u32(u) {
            return clean_kind_general(text);
        }
        i += len;
    }
    Clean::Simple
}

/// [`clean_kind`] by characters: the reference it must agree with.
fn clean_kind_general(text: &str) -> Clean {
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return Clean::Dirty;
    }
    let mut prev_space = false;
    let mut ascii = true;
    // Text made of ASCII and precomposed Vietnamese letters alone is already NFKC.
    let mut simple = true;
    for c in text.chars() {
        if c.is_ascii() {
            if !(' '..='~').contains(&c) || c == '`' {
                return Clean::Dirty;
            }
            let sp = c == ' ';
            if sp && prev_space {
                return Clean::Dirty;
            }
            prev_space = sp;
        } else {
            ascii = false;
            prev_space = false;
            if simple && chars::is_vietnamese_non_ascii_letter(c) {
                continue;
            }
            simple = false;
            if chars::is_space_like(c)
                || chars::is_apostrophe_variant(c)
                || chars::refused_code(c).is_some()
            {
                return Clean::Dirty;
            }
        }
    }
    if ascii || simple {
        Clean::Simple
    } else if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        Clean::Other
    } else {
        Clean::Dirty
    }
}

/// Test access to [`clean_kind`] and [`clean_kind_general`], as `(clean, simple)`.
#[doc(hidden)]
pub fn clean_kinds(text: &str) -> [(bool, bool); 2] {
    [clean_kind(text), clean_kind_general(text)].map(|k| (k != Clean::Dirty, k == Clean::Simple))
}

/// Display form of a name: lower case, with a capital first letter on every syllable and
/// after an apostrophe or hyphen (`K'Bnam`, `H'Hen Niê`). Tone marks stay where they are.
/// Expects normalized (NFC) input.
pub fn display_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut at_start = true;
    for c in name.chars() {
        if chars::is_letter(c) {
            out.push(if at_start {
                chars::to_upper(c)
            } else {
                chars::to_lower(c)
            });
            at_start = false;
        } else {
            out.push(c);
            if matches!(c, ' ' | '\'' | '-') {
                at_start = true;
            }
        }
    }
    out
}

/// Longest name vietref accepts, in characters (ISO 20022 `Nm` allows 140; no Vietnamese
/// legal name on record comes close to 70).
pub const NAME_MAX_CHARS: usize = 70;

/// Validates and normalizes a person's full name for display.
///
/// Runs [`normalize`], then refuses digits, symbols, letters of other scripts and Latin
/// letters that are not Vietnamese (each an error naming the character and its position),
/// applies [`display_case`] (a `name.case` warning when it changed anything) and warns about
/// tone marks that look misplaced, without moving them.
///
/// ```
/// let r = vietref::text::check_name("  nguyễn   THỊ  minh   khai ", "payerName");
/// assert_eq!(r.cleaned.as_deref(), Some("Nguyễn Thị Minh Khai"));
/// assert!(!vietref::text::check_name("Nguyễn Văn 2", "payerName").is_valid());
/// ```
pub fn check_name(text: &str, field: &str) -> Report<String> {
    match check_plain_name(text, field) {
        Some(report) => report,
        None => check_name_general(text, field),
    }
}

/// [`check_name`] without its one-pass shortcut for plain names; the two must agree on
/// every input (a property test holds them to it).
#[doc(hidden)]
pub fn check_name_general(text: &str, field: &str) -> Report<String> {
    let (norm, mut findings) = if is_clean(text) {
        (std::borrow::Cow::Borrowed(text), Vec::new())
    } else {
        let (n, f) = normalize(text, field);
        (std::borrow::Cow::Owned(n), f)
    };
    let norm: &str = &norm;
    check_name_chars(norm, field, &mut findings);
    // Characters never outnumber bytes: count only when the bytes exceed the limit.
    let len = if norm.len() <= NAME_MAX_CHARS {
        norm.len()
    } else {
        norm.chars().count()
    };
    if norm.is_empty() && !crate::finding::has_error(&findings) {
        findings.push(Finding::new(Code::TextEmpty, field));
    } else if len > NAME_MAX_CHARS {
        findings.push(
            Finding::new(Code::TextTooLong, field)
                .limit(NAME_MAX_CHARS)
                .detail(len.to_string()),
        );
    }
    let display = display_case(norm);
    if display != norm {
        findings.push(Finding::new(Code::NameCase, field).detail_quoted(&display));
    }
    for word in display.split([' ', '-', '\'']) {
        // Only a toned word with two or more vowels can have its mark in the wrong place.
        if may_misplace_tone(word) {
            check_tone_placement(word, field, &mut findings);
        }
    }
    crate::finding::cap_repeats(&mut findings);
    let cleaned = if crate::finding::has_error(&findings) {
        None
    } else {
        Some(display)
    };
    Report { findings, cleaned }
}

fn check_tone_placement(word: &str, field: &str, findings: &mut Vec<Finding>) {
    if let Some(s) = syllable::parse(word) {
        if !s.is_tone_well_placed() {
            push_capped(findings, Code::NameToneMisplaced, field, || {
                let fixed = s.to_string_with(ToneStyle::MainVowel);
                Finding::new(Code::NameToneMisplaced, field).detail(format!(
                    "\u{201C}{word}\u{201D} (→ \u{201C}{fixed}\u{201D})"
                ))
            });
        }
    }
}

/// What [`check_plain_name`] needs of an ASCII byte.
const A_LETTER: u8 = 1;
const A_VOWEL: u8 = 2;
const A_UPPER: u8 = 4;
/// Space, apostrophe, hyphen.
const A_SEPARATOR: u8 = 8;

static ASCII_NAME: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0u8;
    while b < 128 {
        let lower = b | 0x20;
        t[b as usize] = if b.is_ascii_alphabetic() {
            A_LETTER
                | if matches!(lower, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') {
                    A_VOWEL
                } else {
                    0
                }
                | if b.is_ascii_uppercase() { A_UPPER } else { 0 }
        } else if matches!(b, b' ' | b'\'' | b'-') {
            A_SEPARATOR
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The common case in one pass: a name made only of ASCII and precomposed Vietnamese
/// letters, single inner spaces, and apostrophes or hyphens between letters, short enough.
/// Gives the same report as the general path, or `None` when the input needs that path.
///
/// Reads bytes: ASCII through a table, Vietnamese letters (U+00C0–U+01B0 in two bytes,
/// U+1EA0–U+1EF9 in three) decoded in place; any other character sends the name to the
/// general path. The pass only notes whether some letter is in the wrong case for the
/// display form (then [`display_case`] builds it, else the name is copied in one piece) and
/// parses the words that could carry a misplaced tone. The display form has the input's
/// byte offsets (a letter and its other case have UTF-8 sequences of the same length), and
/// case does not change how a word parses, so such a word is found in the input and then
/// checked in the display form as the general path does.
///
/// A word whose tone mark sits on a letter with a quality mark (`ă â ê ô ơ ư`) that no
/// other such letter follows needs no parse: the spelling rules put the mark on the last
/// letter with a quality mark of the nucleus, which holds every such letter of a syllable,
/// so the word is either well placed or no syllable, and neither is reported (`Nguyễn`,
/// `Cường`, `Quốc`).
fn check_plain_name(text: &str, field: &str) -> Option<Report<String>> {
    if text.is_empty() || text.len() > NAME_MAX_CHARS * 4 {
        return None;
    }
    let mut at_start = true;
    let mut recase = false;
    // The current word: where it starts, its vowel count and whether it has a tone mark.
    let mut word_start = 0usize;
    let mut vowels = 0usize;
    let mut toned = false;
    // The mark is on a letter with a quality mark that no other such letter follows.
    let mut settled = false;
    // Words whose tone mark is misplaced, as byte ranges; rare, so usually no allocation.
    let mut misplaced: Vec<(usize, usize)> = Vec::new();
    let mut end_word = |start: usize, end: usize, vowels: usize, toned: bool, settled: bool| {
        // Only a toned word with two or more vowels can have its mark in the wrong place.
        if toned && vowels >= 2 && !settled {
            let word = text.get(start..end).unwrap_or_default();
            if syllable::parse(word).is_some_and(|s| !s.is_tone_well_placed()) {
                misplaced.push((start, end));
            }
        }
    };
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if let Some(&f) = ASCII_NAME.get(usize::from(x)) {
            if f & A_LETTER != 0 {
                vowels += usize::from(f & A_VOWEL != 0);
                recase |= (f & A_UPPER != 0) != at_start;
                at_start = false;
            } else {
                // A space, apostrophe or hyphen after a letter (and, checked at the next
                // character or at the end, before one).
                if f & A_SEPARATOR == 0 || at_start {
                    return None;
                }
                end_word(word_start, i, vowels, toned, settled);
                word_start = i + 1;
                vowels = 0;
                toned = false;
                settled = false;
                at_start = true;
            }
            i += 1;
            continue;
        }
        // The text is UTF-8: the continuation bytes are there.
        let next = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0) & 0x3F);
        let (u, len) = match x {
            0xC3..=0xC6 => ((u32::from(x & 0x1F) << 6) | next(1), 2),
            0xE1 => (0x1000 | (next(1) << 6) | next(2), 3),
            _ => return None,
        };
        let l = chars::vietnamese_letter_u32(u)?;
        vowels += usize::from(l.vowel);
        toned |= l.toned;
        if l.toned {
            settled = l.quality;
        } else if l.quality {
            settled = false;
        }
        recase |= l.is_upper != at_start;
        at_start = false;
        i += len;
    }
    // Ending on a separator, or too long (characters never outnumber bytes).
    if at_start || (text.len() > NAME_MAX_CHARS && text.chars().count() > NAME_MAX_CHARS) {
        return None;
    }
    end_word(word_start, text.len(), vowels, toned, settled);
    let mut findings = Vec::new();
    let display = if recase {
        let display = display_case(text);
        findings.push(Finding::new(Code::NameCase, field).detail_quoted(&display));
        display
    } else {
        text.to_owned()
    };
    for (start, end) in misplaced {
        check_tone_placement(
            display.get(start..end).unwrap_or_default(),
            field,
            &mut findings,
        );
    }
    Some(Report {
        findings,
        cleaned: Some(display),
    })
}

/// Whether `word` (NFC) has a tone mark and at least two vowels: the only words whose mark
/// can sit on the wrong vowel.
fn may_misplace_tone(word: &str) -> bool {
    let mut vowels = 0;
    let mut toned = false;
    for c in word.chars() {
        if c.is_ascii() {
            vowels += usize::from(matches!(
                c,
                'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'
            ));
        } else if let Some((base, tone)) = chars::vietnamese_letter_parts(c) {
            vowels += usize::from(base != 'đ');
            toned |= tone != Tone::Level;
        } else if Tone::from_mark(c).is_some() {
            toned = true;
        }
    }
    toned && vowels >= 2
}

fn check_name_chars(norm: &str, field: &str, findings: &mut Vec<Finding>) {
    let mut prev: Option<char> = None;
    let mut it = norm.chars().enumerate().peekable();
    while let Some((i, c)) = it.next() {
        let pos = i + 1;
        let before = prev;
        prev = Some(c);
        if chars::is_name_letter(c) || c == ' ' {
            continue;
        }
        if c == '\'' || c == '-' {
            let before = before.is_some_and(chars::is_letter);
            let after = it.peek().is_some_and(|(_, n)| chars::is_letter(*n));
            if !(before && after) {
                push_capped(findings, Code::NamePunctuation, field, || {
                    Finding::new(Code::NamePunctuation, field).at(pos, c)
                });
            }
            continue;
        }
        if c.is_numeric() {
            push_capped(findings, Code::NameDigit, field, || {
                Finding::new(Code::NameDigit, field).at(pos, c)
            });
        } else if chars::is_combining_mark(c) {
            push_capped(findings, Code::NameStrayMark, field, || {
                Finding::new(Code::NameStrayMark, field).at(pos, c)
            });
        } else if c.is_alphabetic() {
            let script = chars::script_name(c);
            if script == "Latin" {
                push_capped(findings, Code::NameNotVietnamese, field, || {
                    let (en, vi) = chars::vietnamese_lookalike(c)
                        .map(|v| {
                            (
                                format!(" (it looks like '{v}')"),
                                format!(" (trông giống '{v}')"),
                            )
                        })
                        .unwrap_or_default();
                    Finding::new(Code::NameNotVietnamese, field)
                        .at(pos, c)
                        .detail_both(en, vi)
                });
            } else {
                push_capped(findings, Code::NameForeignScript, field, || {
                    Finding::new(Code::NameForeignScript, field)
                        .at(pos, c)
                        .detail_both(script, chars::script_name_vi(script))
                });
            }
        } else {
            push_capped(findings, Code::NameSymbol, field, || {
                Finding::new(Code::NameSymbol, field).at(pos, c)
            });
        }
    }
}

/// Checks free text (a payment reason): [`normalize`], then a warning for any word that
/// mixes Latin letters with letters of another script.
pub fn check_text(text: &str, field: &str) -> (String, Vec<Finding>) {
    if clean_kind(text) == Clean::Simple {
        // Unchanged by normalization, and ASCII and Vietnamese letters alone cannot mix
        // scripts.
        return (text.to_owned(), Vec::new());
    }
    check_text_general(text, field)
}

/// [`check_text`] without its shortcut for plain text; the two must agree on every input
/// (a property test holds them to it).
#[doc(hidden)]
pub fn check_text_general(text: &str, field: &str) -> (String, Vec<Finding>) {
    let (norm, mut findings) = normalize(text, field);
    if !norm.is_ascii() {
        // Per word: does it hold a Latin letter, and the first letter of another script?
        let mut latin = false;
        let mut other: Option<(usize, char)> = None;
        let mut flush = |latin: &mut bool, other: &mut Option<(usize, char)>| {
            if let (true, Some((pos, c))) = (*latin, other.take()) {
                push_capped(&mut findings, Code::TextMixedScript, field, || {
                    Finding::new(Code::TextMixedScript, field).at(pos, c)
                });
            }
            *latin = false;
        };
        for (i, c) in norm.chars().enumerate() {
            if c == ' ' {
                flush(&mut latin, &mut other);
            } else if c.is_ascii_alphabetic() || chars::is_vietnamese_non_ascii_letter(c) {
                latin = true;
            } else if !c.is_ascii() && c.is_alphabetic() {
                if chars::script_name(c) == "Latin" {
                    latin = true;
                } else if other.is_none() {
                    other = Some((i + 1, c));
                }
            }
        }
        flush(&mut latin, &mut other);
        crate::finding::cap_repeats(&mut findings);
    }
    (norm, findings)
}

/// The matching key of a name or text: two inputs that differ only in case, spacing,
/// NFC/NFD, apostrophe form or tone style give the same key (`Thủy`, `Thuỷ`, `THỦY`,
/// `Thu\u{309}y`); different letters give different keys. Invisible and refused characters
/// separate words. The key is NFC, lower case, with tones placed in [`ToneStyle::MainVowel`].
///
/// ```
/// use vietref::text::key;
/// assert_eq!(key("Thủy"), key("THUỶ"));
/// assert_ne!(key("Thủy"), key("Thúy"));
/// ```
pub fn key(text: &str) -> String {
    // A refused character separates words rather than joining its neighbours, so that the
    // key does not depend on where a tone mark sat in a fragment it glued together.
    let text: std::borrow::Cow<'_, str> = if text.chars().any(|c| chars::refused_code(c).is_some())
    {
        text.chars()
            .map(|c| {
                if chars::refused_code(c).is_some() {
                    ' '
                } else {
                    c
                }
            })
            .collect()
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let (norm, _) = normalize(&text, "");
    let lower = drop_orphan_marks(norm).to_lowercase();
    retone(&lower, ToneStyle::MainVowel)
}

/// `text` without the combining marks that stand after a space or at the start: no letter
/// carries them. Compatibility normalization leaves such marks when it splits a spacing
/// accent (`¨`, `´`, `˜`) into a space and a mark; glued to the next word, the mark would
/// keep that word from being retoned, although the spacing accent had separated it. Spaces
/// left doubled are collapsed. Text without such marks is returned as it is.
fn drop_orphan_marks(text: String) -> String {
    let mut after_space = true;
    let orphan = |c: char, after_space: &mut bool| {
        let o = *after_space && chars::is_combining_mark(c);
        if !o {
            *after_space = c.is_whitespace();
        }
        o
    };
    if !text.chars().any(|c| orphan(c, &mut after_space)) {
        return text;
    }
    after_space = true;
    let kept: String = text
        .chars()
        .filter(|&c| !orphan(c, &mut after_space))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Result of [`check`]: the normalized text (or `None` when an error finding exists) and
/// the findings.
pub fn check(text: &str, field: &str) -> Report<String> {
    check_name(text, field)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spacing accent (`¨`, `´`) separates words; compatibility normalization turns it
    /// into a space and a combining mark, and the key must not let that mark keep the next
    /// word from being retoned (a fuzzing find: the key of `XHoÃ¨oÃ¨` depended on the tone
    /// style).
    #[test]
    fn key_is_one_across_tone_styles_past_spacing_accents() {
        for s in ["XHoÃ¨oÃ¨", "Hoà´hoà¨", "¨hoà ´ hoà", "Hòa\u{308}"] {
            let t = retone(s, ToneStyle::Traditional);
            let m = retone(s, ToneStyle::MainVowel);
            assert_eq!(key(&t), key(&m), "{s:?}");
        }
        assert_eq!(key("XHoÃ¨õA¨"), "xhoã oã");
        // Text without such marks keeps its key.
        assert_eq!(key("Hòa  Bình"), key("Hoà Bình"));
        assert_eq!(drop_orphan_marks("Hoa \u{301}".to_string()), "Hoa");
        assert_eq!(drop_orphan_marks("Ho\u{300}a".to_string()), "Ho\u{300}a");
    }

    fn codes(f: &[Finding]) -> Vec<&'static str> {
        f.iter().map(|f| f.code.key()).collect()
    }

    #[test]
    fn whitespace_and_apostrophe() {
        let (t, f) = normalize("\u{00A0}k\u{2019}bnam\t\tx ", "n");
        assert_eq!(t, "k'bnam x");
        assert_eq!(codes(&f), ["text.whitespace", "text.apostrophe"]);
    }

    #[test]
    fn compose_reports() {
        let (t, f) = normalize("Nguye\u{0302}\u{0303}n", "n");
        assert_eq!(t, "Nguyễn");
        assert_eq!(codes(&f), ["text.composed"]);
        let (t, f) = normalize("Ｎam", "n");
        assert_eq!(t, "Nam");
        assert_eq!(codes(&f), ["text.compatibility_folded"]);
    }

    #[test]
    fn refused() {
        let (_, f) = normalize("a\u{202E}b\u{200B}c\u{0007}d\u{E000}", "n");
        assert_eq!(
            codes(&f),
            [
                "text.bidi_control",
                "text.invisible",
                "text.control_char",
                "text.unusable_char"
            ]
        );
        assert_eq!(f[0].params.position, Some(2));
    }

    #[test]
    fn name_findings() {
        let r = check_name("Lê @Anh", "p");
        assert_eq!(codes(&r.findings), ["name.symbol"]);
        let r = check_name("Nguуễn", "p");
        assert_eq!(codes(&r.findings)[0], "name.foreign_script");
        assert_eq!(r.findings[0].params.position, Some(4));
        let r = check_name("Hǎ", "p");
        assert_eq!(codes(&r.findings), ["name.not_vietnamese_letter"]);
        let r = check_name("'Anh", "p");
        assert_eq!(codes(&r.findings), ["name.punctuation"]);
        let r = check_name("hòai", "p");
        assert_eq!(r.cleaned.as_deref(), Some("Hòai"));
        assert!(codes(&r.findings).contains(&"name.tone_misplaced"));
        let r = check_name("Thu\u{0302}\u{0302}", "p");
        assert!(
            codes(&r.findings).contains(&"name.stray_mark"),
            "{:?}",
            r.findings
        );
    }

    #[test]
    fn keys() {
        let k = key("Thủy");
        for v in ["Thuỷ", "THỦY", "Thu\u{0309}y", " thủy  "] {
            assert_eq!(key(v), k, "{v}");
        }
        assert_ne!(key("Thúy"), k);
        assert_ne!(key("Thuy"), k);
    }

    #[test]
    fn display() {
        assert_eq!(display_case("k'bnam"), "K'Bnam");
        assert_eq!(display_case("h'hen niê"), "H'Hen Niê");
        assert_eq!(display_case("NGUYỄN VĂN ĐỨC"), "Nguyễn Văn Đức");
    }
}
