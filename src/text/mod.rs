//! Vietnamese text: normalization, names, tone marks, the ASCII memo form, matching keys,
//! look-alike detection, and legacy encodings.
//!
//! The pipeline ([`normalize`]) runs in a fixed order and reports every step that changed
//! the text as a warning finding, and every refused character as an error finding:
//!
//! 1. refuse control characters, bidirectional controls and invisible characters (SPEC §5.5);
//! 2. whitespace (NBSP, U+202F, U+2000–U+200A, U+3000, tabs, line breaks) to one ASCII space,
//!    runs collapsed, ends trimmed;
//! 3. apostrophe look-alikes (U+2019, U+02BC, …) to `'`;
//! 4. NFKC for compatibility forms (full-width letters), otherwise NFC.
//!
//! Names get more ([`check_name`]): only Vietnamese letters, space, apostrophe and hyphen
//! (Civil Code 2015, art. 26), display casing, and a warning when a tone mark looks misplaced.

pub mod chars;
pub mod confusable;
mod fold;
pub mod legacy;
pub mod syllable;
pub(crate) mod tables;

pub use confusable::{compare_payee_name, looks_like, skeleton, NameComparison};
pub(crate) use fold::reference::fold as fold_reference;
pub use fold::{fold, fold_into};
pub use syllable::{is_syllable, retone, Tone, ToneStyle};

use crate::finding::{describe_char, Code, Finding, Report};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Whether `c` is refused as invisible or as a bidirectional/format control.
pub fn is_format_or_invisible(c: char) -> bool {
    chars::is_bidi_control(c) || chars::is_invisible(c)
}

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
            findings.push(Finding::new(code, field).at(pos, c));
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
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    let mut ascii = true;
    // Text made of ASCII and precomposed Vietnamese letters alone is already NFKC.
    let mut simple = true;
    for c in text.chars() {
        if c.is_ascii() {
            if !(' '..='~').contains(&c) || c == '`' {
                return false;
            }
            let sp = c == ' ';
            if sp && prev_space {
                return false;
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
                return false;
            }
        }
    }
    ascii || simple || is_nfkc_quick(text.chars()) == IsNormalized::Yes
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
        findings
            .push(Finding::new(Code::NameCase, field).detail(format!("\u{201C}{display}\u{201D}")));
    }
    for word in display.split([' ', '-', '\'']) {
        // Only a toned word with two or more vowels can have its mark in the wrong place.
        if may_misplace_tone(word) {
            check_tone_placement(word, field, &mut findings);
        }
    }
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
            let fixed = s.to_string_with(ToneStyle::MainVowel);
            findings.push(Finding::new(Code::NameToneMisplaced, field).detail(format!(
                "\u{201C}{word}\u{201D} (→ \u{201C}{fixed}\u{201D})"
            )));
        }
    }
}

/// The common case in one pass: a name made only of ASCII and precomposed Vietnamese
/// letters, single inner spaces, and apostrophes or hyphens between letters, short enough.
/// Gives the same report as the general path, or `None` when the input needs that path.
fn check_plain_name(text: &str, field: &str) -> Option<Report<String>> {
    if text.is_empty() || text.len() > NAME_MAX_CHARS * 4 {
        return None;
    }
    let mut display = String::with_capacity(text.len());
    let mut at_start = true;
    let mut prev_letter = false;
    let mut chars_seen = 0usize;
    // Per word: vowel count and whether a tone mark is present (for the tone check).
    let mut vowels = 0usize;
    let mut toned = false;
    let mut suspect_words = 0usize;
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        chars_seen += 1;
        let letter_parts = if c.is_ascii_alphabetic() {
            let lower = c.to_ascii_lowercase();
            Some((matches!(lower, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'), false))
        } else {
            chars::vietnamese_letter_parts(c).map(|(base, tone)| (base != 'đ', tone != Tone::Level))
        };
        match letter_parts {
            Some((vowel, has_tone)) => {
                vowels += usize::from(vowel);
                toned |= has_tone;
                display.push(if at_start {
                    chars::to_upper(c)
                } else {
                    chars::to_lower(c)
                });
                at_start = false;
                prev_letter = true;
            }
            None => {
                let next_letter = it.peek().is_some_and(|n| chars::is_name_letter(*n));
                if !(matches!(c, ' ' | '\'' | '-') && prev_letter && next_letter) {
                    return None;
                }
                suspect_words += usize::from(toned && vowels >= 2);
                vowels = 0;
                toned = false;
                display.push(c);
                at_start = true;
                prev_letter = false;
            }
        }
    }
    suspect_words += usize::from(toned && vowels >= 2);
    if chars_seen > NAME_MAX_CHARS {
        return None;
    }
    let mut findings = Vec::new();
    if display != text {
        findings
            .push(Finding::new(Code::NameCase, field).detail(format!("\u{201C}{display}\u{201D}")));
    }
    if suspect_words > 0 {
        for word in display.split([' ', '-', '\'']) {
            if may_misplace_tone(word) {
                check_tone_placement(word, field, &mut findings);
            }
        }
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
                findings.push(Finding::new(Code::NamePunctuation, field).at(pos, c));
            }
            continue;
        }
        if c.is_numeric() {
            findings.push(Finding::new(Code::NameDigit, field).at(pos, c));
        } else if chars::is_combining_mark(c) {
            findings.push(Finding::new(Code::NameStrayMark, field).at(pos, c));
        } else if c.is_alphabetic() {
            let script = chars::script_name(c);
            if script == "Latin" {
                let (en, vi) = chars::vietnamese_lookalike(c)
                    .map(|v| {
                        (
                            format!(" (it looks like '{v}')"),
                            format!(" (trông giống '{v}')"),
                        )
                    })
                    .unwrap_or_default();
                findings.push(
                    Finding::new(Code::NameNotVietnamese, field)
                        .at(pos, c)
                        .detail_both(en, vi),
                );
            } else {
                findings.push(
                    Finding::new(Code::NameForeignScript, field)
                        .at(pos, c)
                        .detail_both(script, chars::script_name_vi(script)),
                );
            }
        } else {
            findings.push(Finding::new(Code::NameSymbol, field).at(pos, c));
        }
    }
}

/// Checks free text (a payment reason): [`normalize`], then a warning for any word that
/// mixes Latin letters with letters of another script.
pub fn check_text(text: &str, field: &str) -> (String, Vec<Finding>) {
    let (norm, mut findings) = normalize(text, field);
    if !norm.is_ascii() {
        // Per word: does it hold a Latin letter, and the first letter of another script?
        let mut latin = false;
        let mut other: Option<(usize, char)> = None;
        let mut flush = |latin: &mut bool, other: &mut Option<(usize, char)>| {
            if let (true, Some((pos, c))) = (*latin, other.take()) {
                findings.push(Finding::new(Code::TextMixedScript, field).at(pos, c));
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
    let lower = norm.to_lowercase();
    retone(&lower, ToneStyle::MainVowel)
}

/// Result of [`check`]: the normalized text (or `None` when an error finding exists) and
/// the findings.
pub fn check(text: &str, field: &str) -> Report<String> {
    check_name(text, field)
}

#[cfg(test)]
mod tests {
    use super::*;

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
