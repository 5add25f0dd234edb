//! Look-alike detection: the confusable skeleton of Unicode TS #39 §4 (data: Unicode's
//! `confusables.txt`, through the `unicode-security` crate; its version is
//! [`CONFUSABLES_UNICODE_VERSION`]), made case-blind and compatibility-folded for payee
//! names. Two names with equal skeletons look the same to a person.
//!
//! Each character of the NFC text is mapped on its own to a piece, and the skeleton is the
//! pieces in order: the character's compatibility form (NFKC: full-width `Ｂ`, mathematical
//! `𝐁` become `B`), its upper case, vietref's few additions for digits that pass for
//! letters in upper-case names (`5`/`S`, `8`/`B`, `2`/`Z`, `6`/`G`; `0`/`O` and `1`/`I`/`l`
//! are in `confusables.txt`) and for Latin letters that pass for Vietnamese ones (`ð` for
//! `đ`, `ø` for `ơ`), then the UTS #39 skeleton (Cyrillic, Greek, Armenian, Cherokee, Lisu,
//! Latin extensions and symbols to their Latin prototype; caron `ǎ` to breve `ă`), lower
//! case. Invisible characters, bidirectional and other controls give nothing; runs of spaces
//! give one. A second skeleton takes the lower case instead of the upper one (`rn` for `m`,
//! `ԁ` for `d` only look alike in lower case): [`looks_like`] holds when either is equal.
//!
//! Because the skeleton is made piece by piece, a look-alike found between two names can be
//! explained character by character ([`check_payee_name`] names every swapped one).
//!
//! # Example
//!
//! ```
//! use vietref::text::{compare_payee_name, looks_like, NameComparison};
//!
//! assert!(looks_like("HOA", "НОА")); // the second is Cyrillic
//! assert_eq!(compare_payee_name("TRUONG THCS HOA BINH", "TRUONG THCS HOA BINH"), NameComparison::Same);
//! ```

use super::chars;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// The Unicode version of the confusables data (`confusables.txt`) the skeletons use.
pub const CONFUSABLES_UNICODE_VERSION: (u64, u64, u64) = unicode_security::UNICODE_VERSION;

/// vietref's additions to the UTS #39 data, applied before it: digits that pass for letters
/// in the upper-case names of tag 59 (the data maps `0` and `1` itself), and Latin letters
/// that pass for Vietnamese ones where the data has another prototype.
fn supplement(c: char) -> char {
    match c {
        '5' => 'S',
        '8' => 'B',
        '2' => 'Z',
        '6' => 'G',
        'ð' => 'đ',
        'Ð' => 'Đ',
        'ø' => 'ơ',
        'Ø' => 'Ơ',
        // the inverted breve passes for the breve (the data maps the caron itself)
        '\u{0311}' => '\u{0306}',
        _ => c,
    }
}

/// Which case a skeleton merges letters into before the UTS #39 mapping.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Upper,
    Lower,
}

/// Whether `c` gives no piece: invisible, a bidirectional or other control.
fn is_hidden(c: char) -> bool {
    chars::is_invisible(c)
        || chars::is_bidi_control(c)
        || c.is_control() && !chars::is_space_like(c)
}

/// Appends the piece of `c` (not space-like, not hidden) to `out`; `buf` is scratch space.
fn push_piece(c: char, case: Case, out: &mut String, buf: &mut String) {
    buf.clear();
    for k in std::iter::once(c).nfkc() {
        if is_hidden(k) {
            continue;
        }
        match case {
            Case::Upper => buf.extend(k.to_uppercase().map(supplement)),
            Case::Lower => buf.extend(k.to_lowercase().map(supplement)),
        }
    }
    for m in unicode_security::confusable_detection::skeleton(buf) {
        out.extend(m.to_lowercase());
    }
}

/// One character of a name with its piece of the skeleton: its 1-based position in the
/// NFC text, the character, and the byte range of its piece.
struct Piece {
    pos: usize,
    ch: char,
    span: (usize, usize),
}

/// The skeleton of `s` in `case`, with the piece of every character.
fn pieces(s: &str, case: Case) -> (String, Vec<Piece>) {
    let nfc: String = s.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    let mut list = Vec::new();
    let mut buf = String::new();
    let mut space = false;
    for (i, c) in nfc.chars().enumerate() {
        let start = out.len();
        if chars::is_space_like(c) {
            space = !out.is_empty();
        } else if !is_hidden(c) {
            if space {
                out.push(' ');
                space = false;
            }
            let at = out.len();
            push_piece(c, case, &mut out, &mut buf);
            list.push(Piece {
                pos: i + 1,
                ch: c,
                span: (at, out.len()),
            });
            continue;
        }
        if is_hidden(c) {
            list.push(Piece {
                pos: i + 1,
                ch: c,
                span: (start, start),
            });
        }
    }
    (out, list)
}

/// The confusable skeleton of `s` (the upper-case one, `rn` read as `m`; see the module
/// documentation):
/// names that look the same to a person have the same skeleton. Its form may change between
/// versions of vietref and of the confusables data: store skeletons only to find
/// candidates, and rebuild them after an upgrade.
///
/// ```
/// use vietref::text::skeleton;
/// assert_eq!(skeleton("HOA"), skeleton("НОА")); // Cyrillic
/// assert_eq!(skeleton("B1NH"), skeleton("Binh"));
/// assert_eq!(skeleton("Ｂình"), skeleton("Bình")); // full-width B
/// assert_eq!(skeleton(" rnai\u{200B} "), "mal");
/// ```
pub fn skeleton(s: &str) -> String {
    // `rn` passes for `m` in lower case (the lower-case skeleton compares it); one string
    // for an index holds it too. No Vietnamese syllable has `rn`, so nothing is merged
    // that a person tells apart.
    pieces(s, Case::Upper).0.replace("rn", "m")
}

/// Whether `a` and `b` look the same to a person (equal confusable skeletons, upper- or
/// lower-case), although they may be different text.
///
/// ```
/// use vietref::text::looks_like;
/// assert!(looks_like("HOA", "НОА")); // the second is Cyrillic
/// assert!(looks_like("Trường Hǎi", "Trường Hải") == false);
/// assert!(looks_like("Bệnh viện Đà Nẵng", "Bệnh viện Ðà Nẵng"));
/// assert!(looks_like("TRU0NG THC5", "TRUONG THCS"));
/// ```
pub fn looks_like(a: &str, b: &str) -> bool {
    skeleton(a) == skeleton(b) || pieces(a, Case::Lower).0 == pieces(b, Case::Lower).0
}

/// How a shown name relates to a registered one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameComparison {
    /// The same name (it may differ in case, spacing, NFC/NFD or tone style).
    Same,
    /// A different text that looks the same: a spoofing finding, never a pass.
    Lookalike,
    /// A visibly different name.
    Different,
}

/// The result of [`check_payee_name`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayeeNameCheck {
    /// How the names relate.
    pub comparison: NameComparison,
    /// For a look-alike: every character of the shown name that is not the registered
    /// name's character at its place (another script, a digit for a letter, a
    /// compatibility form, an invisible character), as its 1-based position in the shown
    /// name (NFC) and the character. Empty otherwise.
    pub swapped: Vec<(usize, char)>,
}

/// Compares the payee name a payer sees with the institution's registered name.
pub fn compare_payee_name(shown: &str, registered: &str) -> NameComparison {
    check_payee_name(shown, registered).comparison
}

/// Whether `s` holds a character that the ordinary normalization would change beyond
/// spacing and composition: compatibility forms (NFKC) and hidden characters.
fn has_disguise(s: &str) -> bool {
    s.chars().any(|c| {
        is_hidden(c)
            || !chars::is_space_like(c) && {
                let mut k = std::iter::once(c).nfkc();
                !(k.next() == Some(c) && k.next().is_none())
            }
    })
}

/// Compares the payee name a payer sees with the institution's registered name, naming
/// the swapped characters of a look-alike.
///
/// - `Same`: equal after the ordinary normalization (case, spacing, NFC/NFD, tone style),
///   with no compatibility form or hidden character in the shown name;
/// - `Lookalike`: otherwise, when its skeleton equals the registered name's or that of its
///   accent-free form (`TRUONG THCS HOA BINH`), however many characters were swapped;
///   the accent-free form itself is not a look-alike (it is the text banks print);
/// - `Different`: anything else.
///
/// ```
/// use vietref::text::{check_payee_name, NameComparison};
/// let c = check_payee_name("TRU0NG THC5 H0A B1NH", "Trường THCS Hòa Bình");
/// assert_eq!(c.comparison, NameComparison::Lookalike);
/// assert_eq!(c.swapped, vec![(4, '0'), (11, '5'), (14, '0'), (18, '1')]);
/// ```
pub fn check_payee_name(shown: &str, registered: &str) -> PayeeNameCheck {
    let disguised = has_disguise(shown);
    let shown_key = super::key(shown);
    if !disguised && shown_key == super::key(registered) {
        return PayeeNameCheck {
            comparison: NameComparison::Same,
            swapped: Vec::new(),
        };
    }
    let folded = super::fold(registered);
    for variant in [registered, folded.as_str()] {
        // The accent-free form, written plainly, is that text, not a disguise of it.
        if !disguised && shown_key == super::key(variant) {
            continue;
        }
        for case in [Case::Upper, Case::Lower] {
            let (sk, sp) = pieces(shown, case);
            let (rk, rp) = pieces(variant, case);
            if sk == rk {
                return PayeeNameCheck {
                    comparison: NameComparison::Lookalike,
                    swapped: swapped(&sp, &rp),
                };
            }
        }
    }
    PayeeNameCheck {
        comparison: NameComparison::Different,
        swapped: Vec::new(),
    }
}

/// The shown characters whose piece is not exactly one registered character's piece, or
/// is one of another character (case aside).
fn swapped(shown: &[Piece], registered: &[Piece]) -> Vec<(usize, char)> {
    let by_span: HashMap<(usize, usize), char> = registered
        .iter()
        .filter(|p| p.span.0 < p.span.1)
        .map(|p| (p.span, p.ch))
        .collect();
    shown
        .iter()
        .filter(|p| match by_span.get(&p.span) {
            Some(&r) if p.span.0 < p.span.1 => !same_letter(p.ch, r),
            _ => true,
        })
        .map(|p| (p.pos, p.ch))
        .collect()
}

fn same_letter(a: char, b: char) -> bool {
    a == b || a.to_uppercase().eq(b.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payee() {
        let reg = "Trường THCS Hòa Bình";
        assert_eq!(
            compare_payee_name("TRƯỜNG THCS HOÀ BÌNH", reg),
            NameComparison::Same
        );
        assert_eq!(
            compare_payee_name("Trường THCS Hòa Bình", reg),
            NameComparison::Same
        );
        assert_eq!(
            compare_payee_name("Trường THCS Hὸa Bình", reg),
            NameComparison::Lookalike
        );
        assert_eq!(
            compare_payee_name("Trường THCS Hо\u{300}a Bình", reg),
            NameComparison::Lookalike
        );
        assert_eq!(
            compare_payee_name("Trường THCS H\u{200B}òa Bình", reg),
            NameComparison::Lookalike
        );
        assert_eq!(
            compare_payee_name("Trường THCS An Bình", reg),
            NameComparison::Different
        );
    }

    #[test]
    fn caron_for_breve() {
        assert!(looks_like("Hǎi", "Hăi"));
        assert!(!looks_like("Hai", "Hăi"));
    }
}
