//! The Vietnamese syllable: parsing, tone-mark placement and the two placement styles.
//!
//! A syllable is an initial consonant (possibly none), a vowel nucleus, a final consonant
//! (possibly none) and one of six tones. The tone is written as a mark on one vowel of the
//! nucleus; which vowel is fixed by spelling rules except in open syllables whose nucleus is
//! exactly `oa`, `oe` or `uy`, where two conventions are in legal use ([`ToneStyle`]).
//!
//! Marks are recognised by code point, never by position, so NFD input with the tone mark
//! before or after the quality mark parses the same.

use unicode_normalization::char::{compose, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

/// Where the tone mark goes in open `oa`, `oe`, `uy` syllables (the only place the two
/// conventions differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ToneStyle {
    /// On the first vowel: `hòa`, `khỏe`, `thủy`.
    Traditional,
    /// On the second, main vowel: `hoà`, `khoẻ`, `thuỷ` (Ministry of Education spelling rule
    /// of 2018, QĐ 1989/QĐ-BGDĐT, art. 8).
    MainVowel,
}

impl std::str::FromStr for ToneStyle {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "traditional" => Ok(ToneStyle::Traditional),
            "main-vowel" | "main_vowel" => Ok(ToneStyle::MainVowel),
            _ => Err(format!(
                "unknown tone style {s:?}; expected traditional or main-vowel"
            )),
        }
    }
}

/// The six tones. `Level` (thanh ngang) has no mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// ngang: no mark.
    Level,
    /// huyền: grave, U+0300.
    Grave,
    /// sắc: acute, U+0301.
    Acute,
    /// ngã: tilde, U+0303.
    Tilde,
    /// hỏi: hook above, U+0309.
    Hook,
    /// nặng: dot below, U+0323.
    Dot,
}

impl Tone {
    /// The tone a combining mark writes, if it is a tone mark.
    pub fn from_mark(c: char) -> Option<Tone> {
        Some(match c {
            '\u{0300}' | '\u{0340}' => Tone::Grave,
            '\u{0301}' | '\u{0341}' => Tone::Acute,
            '\u{0303}' => Tone::Tilde,
            '\u{0309}' => Tone::Hook,
            '\u{0323}' => Tone::Dot,
            _ => return None,
        })
    }

    /// The combining mark of this tone (`None` for the level tone).
    pub fn mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{0300}'),
            Tone::Acute => Some('\u{0301}'),
            Tone::Tilde => Some('\u{0303}'),
            Tone::Hook => Some('\u{0309}'),
            Tone::Dot => Some('\u{0323}'),
        }
    }
}

/// One letter of a syllable without its tone: the lower-case letter with its quality mark
/// (`a ă â e ê i o ô ơ u ư y`, consonants, `đ`) and whether it was written upper-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letter {
    base: char,
    upper: bool,
}

/// A parsed syllable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    letters: Vec<Letter>,
    /// Number of letters in the initial consonant.
    initial_len: usize,
    /// Number of letters in the nucleus.
    nucleus_len: usize,
    /// The tone.
    pub tone: Tone,
    /// Index (into the letters) of the vowel that carries the tone mark as written.
    written_at: Option<usize>,
}

const INITIALS: [&str; 11] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
];
const SINGLE_INITIALS: &str = "bcdđghklmnprstvx";
const FINALS2: [&str; 3] = ["ng", "nh", "ch"];
const SINGLE_FINALS: &str = "cmnpt";
const NUCLEI: [&str; 48] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ôô", "ua", "uâ", "uê",
    "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai", "oay", "oeo",
];
const NUCLEI3: [&str; 7] = ["uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu"];

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn has_quality(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

fn starts_with(letters: &[Letter], at: usize, pat: &str) -> bool {
    let mut i = at;
    for p in pat.chars() {
        match letters.get(i) {
            Some(l) if l.base == p => i += 1,
            _ => return false,
        }
    }
    true
}

fn nucleus_is(letters: &[Letter], pat: &str) -> bool {
    letters.len() == pat.chars().count() && starts_with(letters, 0, pat)
}

/// Splits a word into toneless letters and its tone. `None` when a character is not a letter
/// of Vietnamese (with f, j, w, z excluded: they never occur in a Vietnamese syllable), when
/// a quality mark sits on a letter that cannot carry it, or when there is more than one tone.
fn split(word: &str) -> Option<(Vec<Letter>, Tone, Option<usize>)> {
    let mut letters: Vec<Letter> = Vec::with_capacity(word.len());
    let mut tone = Tone::Level;
    let mut tone_at = None;
    for c in word.chars() {
        // Decompose canonically; the first char is the base, the rest marks.
        let mut parts: [char; 4] = ['\0'; 4];
        let mut n = 0;
        let mut overflow = false;
        decompose_canonical(c, |d| {
            if n < 4 {
                parts[n] = d;
                n += 1;
            } else {
                overflow = true;
            }
        });
        if overflow {
            return None;
        }
        let mut idx = 0;
        let p0 = parts[0];
        if !is_combining(p0) {
            let (base, upper) = match p0 {
                'đ' => ('đ', false),
                'Đ' => ('đ', true),
                c if c.is_ascii_alphabetic() => (c.to_ascii_lowercase(), c.is_ascii_uppercase()),
                _ => return None,
            };
            if matches!(base, 'f' | 'j' | 'w' | 'z') {
                return None;
            }
            letters.push(Letter { base, upper });
            idx = 1;
        }
        for &m in &parts[idx..n] {
            let count = letters.len();
            let last = letters.last_mut()?;
            if let Some(t) = Tone::from_mark(m) {
                if tone != Tone::Level {
                    return None;
                }
                tone = t;
                tone_at = Some(count - 1);
                if !is_vowel(last.base) {
                    return None;
                }
            } else {
                let q = match (last.base, m) {
                    ('a', '\u{0306}') => 'ă',
                    ('a', '\u{0302}') => 'â',
                    ('e', '\u{0302}') => 'ê',
                    ('o', '\u{0302}') => 'ô',
                    ('o', '\u{031B}') => 'ơ',
                    ('u', '\u{031B}') => 'ư',
                    _ => return None,
                };
                last.base = q;
            }
        }
    }
    if letters.is_empty() {
        return None;
    }
    Some((letters, tone, tone_at))
}

fn is_combining(c: char) -> bool {
    super::chars::is_combining_mark(c)
}

/// Parses one word as a Vietnamese syllable. Accepts NFC or NFD in any case; returns `None`
/// for anything that is not a Vietnamese syllable (`José`, `K'Bnam`, `Bnam`, digits).
pub fn parse(word: &str) -> Option<Syllable> {
    let (letters, tone, written_at) = split(word)?;
    let n = letters.len();
    // Initial consonant.
    let mut initial_len = 0;
    for pat in INITIALS {
        if starts_with(&letters, 0, pat) {
            let len = pat.chars().count();
            match pat {
                // `gi` is an initial only when a vowel follows (già, giữa; but gì, gìn).
                "gi" => {
                    if letters.get(2).is_some_and(|l| is_vowel(l.base)) {
                        initial_len = 2;
                    } else {
                        initial_len = 1;
                    }
                }
                "qu" => {
                    if letters.get(2).is_some_and(|l| is_vowel(l.base)) {
                        initial_len = 2;
                    } else {
                        return None;
                    }
                }
                _ => initial_len = len,
            }
            break;
        }
    }
    if initial_len == 0 && SINGLE_INITIALS.contains(letters[0].base) {
        initial_len = 1;
    }
    // Final consonant.
    let mut final_len = 0;
    if n >= initial_len + 3 {
        for pat in FINALS2 {
            if starts_with(&letters, n - 2, pat) {
                final_len = 2;
                break;
            }
        }
    }
    if final_len == 0 && n > initial_len && SINGLE_FINALS.contains(letters[n - 1].base) {
        final_len = 1;
    }
    if n <= initial_len + final_len {
        return None;
    }
    let nucleus = &letters[initial_len..n - final_len];
    let nucleus_len = nucleus.len();
    let known = NUCLEI
        .iter()
        .chain(NUCLEI3.iter())
        .any(|p| nucleus_is(nucleus, p));
    if !known {
        return None;
    }
    // ă and â never end a syllable; a tone other than sắc/nặng never sits on a syllable
    // ending in c, ch, p, t.
    if final_len == 0 && nucleus_len == 1 && matches!(nucleus[0].base, 'ă' | 'â') {
        return None;
    }
    if final_len > 0
        && matches!(letters[n - 1].base, 'c' | 'p' | 't' | 'h')
        && !(letters[n - 1].base == 'h' && letters[n - 2].base == 'n')
        && !matches!(tone, Tone::Level | Tone::Acute | Tone::Dot)
    {
        return None;
    }
    Some(Syllable {
        letters,
        initial_len,
        nucleus_len,
        tone,
        written_at,
    })
}

/// Whether `word` parses as a Vietnamese syllable (any case, NFC or NFD, any tone position).
pub fn is_syllable(word: &str) -> bool {
    parse(word).is_some()
}

impl Syllable {
    fn nucleus(&self) -> &[Letter] {
        &self.letters[self.initial_len..self.initial_len + self.nucleus_len]
    }

    fn has_final(&self) -> bool {
        self.initial_len + self.nucleus_len < self.letters.len()
    }

    /// Whether the nucleus is open `oa`, `oe` or `uy`: the syllables where styles differ.
    pub fn is_style_sensitive(&self) -> bool {
        let nu = self.nucleus();
        !self.has_final() && (nucleus_is(nu, "oa") || nucleus_is(nu, "oe") || nucleus_is(nu, "uy"))
    }

    /// Index into the nucleus of the vowel that takes the tone, by the spelling rules.
    fn tone_index_in_nucleus(&self, style: ToneStyle) -> usize {
        let nu = self.nucleus();
        if nu.len() == 1 {
            return 0;
        }
        if let Some(i) = nu.iter().rposition(|l| has_quality(l.base)) {
            return i;
        }
        if nu.len() == 3 {
            return 1;
        }
        if self.has_final() {
            return 1;
        }
        if self.is_style_sensitive() {
            return match style {
                ToneStyle::Traditional => 0,
                ToneStyle::MainVowel => 1,
            };
        }
        0
    }

    /// Letter index where the tone mark belongs in `style`.
    pub fn tone_position(&self, style: ToneStyle) -> usize {
        self.initial_len + self.tone_index_in_nucleus(style)
    }

    /// Whether the mark as written sits where one of the two styles puts it. A level tone is
    /// always well placed.
    pub fn is_tone_well_placed(&self) -> bool {
        match self.written_at {
            None => true,
            Some(at) => {
                at == self.tone_position(ToneStyle::Traditional)
                    || at == self.tone_position(ToneStyle::MainVowel)
            }
        }
    }

    /// The style the written mark follows, when the syllable is style-sensitive and toned.
    pub fn written_style(&self) -> Option<ToneStyle> {
        if !self.is_style_sensitive() {
            return None;
        }
        let at = self.written_at?;
        if at == self.tone_position(ToneStyle::Traditional) {
            Some(ToneStyle::Traditional)
        } else if at == self.tone_position(ToneStyle::MainVowel) {
            Some(ToneStyle::MainVowel)
        } else {
            None
        }
    }

    /// Writes the syllable in NFC with the tone where `style` puts it, keeping each letter's
    /// case.
    pub fn render(&self, style: ToneStyle, out: &mut String) {
        self.render_at(Some(self.tone_position(style)), out)
    }

    fn render_at(&self, tone_at: Option<usize>, out: &mut String) {
        for (i, l) in self.letters.iter().enumerate() {
            let mut c = l.base;
            if Some(i) == tone_at {
                if let Some(m) = self.tone.mark() {
                    c = compose_toned(c, m);
                }
            }
            if l.upper {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
    }

    /// The syllable in NFC with the tone placed where `style` puts it.
    pub fn to_string_with(&self, style: ToneStyle) -> String {
        let mut s = String::new();
        self.render(style, &mut s);
        s
    }
}

/// Composes a (possibly precomposed) letter with a tone mark. `ê` + dot below has no
/// primary composite (`ệ` decomposes as `ẹ` + circumflex), so go through canonical order.
fn compose_toned(c: char, tone: char) -> char {
    if let Some(x) = compose(c, tone) {
        return x;
    }
    let s: String = [c, tone].iter().collect::<String>().nfc().collect();
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// Re-places tone marks in every word of `text` that is a Vietnamese syllable: open
/// `oa`/`oe`/`uy` syllables follow `style`, misplaced marks move to where spelling puts
/// them (`qúy`→`quý`, `gìa`→`già`, `hòai`→`hoài`, `lựơng`→`lượng`). Words that are not
/// Vietnamese syllables (`José`) and everything between words are left as they are.
/// The result is NFC.
///
/// This is an explicit operation: a person's name is a legal identity and vietref never
/// changes its style unless asked.
pub fn retone(text: &str, style: ToneStyle) -> String {
    map_words(text, |word, out| match parse(word) {
        Some(s) => {
            s.render(style, out);
            true
        }
        None => false,
    })
}

/// Runs `f` over each maximal run of letters and combining marks in the NFC form of `text`;
/// when `f` returns false the word is copied unchanged. Other characters are copied.
pub(crate) fn map_words(text: &str, mut f: impl FnMut(&str, &mut String) -> bool) -> String {
    let nfc: String = if unicode_normalization::is_nfc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        text.to_string()
    } else {
        text.nfc().collect()
    };
    let mut out = String::with_capacity(nfc.len());
    let mut start = None;
    let bytes_end = nfc.len();
    let mut flush = |from: usize, to: usize, out: &mut String| {
        let w = &nfc[from..to];
        let mark = out.len();
        if !f(w, out) {
            out.truncate(mark);
            out.push_str(w);
        }
    };
    for (i, c) in nfc.char_indices() {
        let wordy = c.is_alphabetic() || is_combining(c);
        match (wordy, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                flush(s, i, &mut out);
                start = None;
                out.push(c);
            }
            (false, None) => out.push(c),
            (true, Some(_)) => {}
        }
    }
    if let Some(s) = start {
        flush(s, bytes_end, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rt(s: &str, st: ToneStyle) -> String {
        retone(s, st)
    }

    #[test]
    fn spec_repairs() {
        for (bad, good) in [
            ("qúy", "quý"),
            ("gìa", "già"),
            ("hòai", "hoài"),
            ("baỏ", "bảo"),
            ("lựơng", "lượng"),
        ] {
            assert_eq!(rt(bad, ToneStyle::MainVowel), good);
            assert_eq!(rt(bad, ToneStyle::Traditional), good);
            assert!(!parse(bad).unwrap().is_tone_well_placed(), "{bad}");
            assert!(parse(good).unwrap().is_tone_well_placed(), "{good}");
        }
    }

    #[test]
    fn rules() {
        let t = ToneStyle::Traditional;
        let m = ToneStyle::MainVowel;
        for w in [
            "người", "rượu", "ngoài", "khuỷu", "hoàn", "Huỳnh", "mía", "múa", "máy", "cháu", "gì",
            "gìn", "già", "quốc", "giữa", "thuở", "khuyến", "cừu",
        ] {
            assert_eq!(rt(w, t), w, "{w}");
            assert_eq!(rt(w, m), w, "{w}");
        }
        assert_eq!(rt("hòa khỏe thủy", m), "hoà khoẻ thuỷ");
        assert_eq!(rt("hoà khoẻ thuỷ", t), "hòa khỏe thủy");
        assert_eq!(rt("HÒA", m), "HOÀ");
        assert_eq!(rt("José", m), "José");
        assert_eq!(rt("K'Bnam", m), "K'Bnam");
    }

    #[test]
    fn nfd_mark_order_does_not_matter() {
        let a = "e\u{0323}\u{0302}";
        let b = "e\u{0302}\u{0323}";
        assert_eq!(rt(&format!("ngh{a}"), ToneStyle::MainVowel), "nghệ");
        assert_eq!(rt(&format!("ngh{b}"), ToneStyle::MainVowel), "nghệ");
    }

    #[test]
    fn not_syllables() {
        for w in [
            "jose",
            "bnam",
            "xyz",
            "qu",
            "ăăă",
            "1",
            "",
            "ta\u{0301}\u{0300}",
            "ác\u{0300}",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
        for w in [
            "a", "y", "ý", "yêu", "nghiêng", "khuya", "phí", "đức", "Đức", "ĐỨC",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }
}
