//! The Vietnamese syllable: parsing, tone-mark placement and the two placement styles.
//!
//! A syllable is an initial consonant (possibly none), a vowel nucleus, a final consonant
//! (possibly none) and one of six tones. The tone is written as a mark on one vowel of the
//! nucleus; which vowel is fixed by spelling rules except in open syllables whose nucleus is
//! exactly `oa`, `oe` or `uy`, where two conventions are in legal use ([`ToneStyle`]).
//!
//! Marks are recognised by code point, never by position, so NFD input with the tone mark
//! before or after the quality mark parses the same.
//!
//! # Example
//!
//! ```
//! use vietref::text::{retone, syllable, ToneStyle};
//!
//! let s = syllable::parse("thuỷ").expect("a Vietnamese syllable");
//! assert_eq!(s.written_style(), Some(ToneStyle::MainVowel));
//! assert_eq!(retone("Hoà Thuỷ", ToneStyle::Traditional), "Hòa Thủy");
//! assert!(!syllable::is_syllable("José"));
//! ```

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

/// Longest syllable in letters (`nghiêng` has 7).
const MAX_LETTERS: usize = 8;

/// A parsed syllable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    buf: [Letter; MAX_LETTERS],
    len: usize,
    /// Number of letters in the initial consonant.
    initial_len: usize,
    /// Number of letters in the nucleus.
    nucleus_len: usize,
    /// The tone.
    pub tone: Tone,
    /// Index (into the letters) of the vowel that carries the tone mark as written.
    written_at: Option<usize>,
}

/// One-letter initials: `bcdđghklmnprstvx`.
fn is_single_initial(c: char) -> bool {
    matches!(
        c,
        'b' | 'c'
            | 'd'
            | 'đ'
            | 'g'
            | 'h'
            | 'k'
            | 'l'
            | 'm'
            | 'n'
            | 'p'
            | 'r'
            | 's'
            | 't'
            | 'v'
            | 'x'
    )
}

/// One-letter finals: `cmnpt`.
fn is_single_final(c: char) -> bool {
    matches!(c, 'c' | 'm' | 'n' | 'p' | 't')
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn has_quality(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

fn nucleus_is(letters: &[Letter], pat: &str) -> bool {
    let mut it = letters.iter();
    pat.chars().all(|p| it.next().is_some_and(|l| l.base == p)) && it.next().is_none()
}

/// Whether the toneless vowel cluster is a Vietnamese nucleus.
fn nucleus_known(nu: &[Letter]) -> bool {
    match *nu {
        [a] => is_vowel(a.base),
        [a, b] => matches!(
            (a.base, b.base),
            ('a', 'i')
                | ('a', 'o')
                | ('a', 'u')
                | ('a', 'y')
                | ('â', 'u')
                | ('â', 'y')
                | ('e', 'o')
                | ('ê', 'u')
                | ('i', 'a')
                | ('i', 'ê')
                | ('i', 'u')
                | ('o', 'a')
                | ('o', 'ă')
                | ('o', 'e')
                | ('o', 'i')
                | ('ô', 'i')
                | ('ơ', 'i')
                | ('o', 'o')
                | ('ô', 'ô')
                | ('u', 'a')
                | ('u', 'â')
                | ('u', 'ê')
                | ('u', 'i')
                | ('u', 'ô')
                | ('u', 'ơ')
                | ('u', 'y')
                | ('ư', 'a')
                | ('ư', 'i')
                | ('ư', 'ơ')
                | ('ư', 'u')
                | ('y', 'ê')
        ),
        [a, b, c] => matches!(
            (a.base, b.base, c.base),
            ('i', 'ê', 'u')
                | ('y', 'ê', 'u')
                | ('o', 'a', 'i')
                | ('o', 'a', 'y')
                | ('o', 'e', 'o')
                | ('u', 'â', 'y')
                | ('u', 'ô', 'i')
                | ('ư', 'ơ', 'i')
                | ('ư', 'ơ', 'u')
                | ('u', 'y', 'a')
                | ('u', 'y', 'ê')
                | ('u', 'y', 'u')
        ),
        _ => false,
    }
}

/// Length of the initial consonant at the start of `letters` (0 when the syllable starts
/// with a vowel); `None` when `qu` is not followed by a vowel.
fn initial_len(letters: &[Letter]) -> Option<usize> {
    let at = |i: usize| letters.get(i).map_or('\0', |l| l.base);
    let vowel_at = |i: usize| letters.get(i).is_some_and(|l| is_vowel(l.base));
    Some(match (at(0), at(1), at(2)) {
        ('n', 'g', 'h') => 3,
        ('n', 'g' | 'h', _) | ('g', 'h', _) | ('k' | 'p' | 't' | 'c', 'h', _) | ('t', 'r', _) => 2,
        // `gi` is an initial only when a vowel follows (già, giữa; but gì, gìn).
        ('g', 'i', _) => {
            if vowel_at(2) {
                2
            } else {
                1
            }
        }
        ('q', 'u', _) => {
            if vowel_at(2) {
                2
            } else {
                return None;
            }
        }
        (c, _, _) if is_single_initial(c) => 1,
        _ => 0,
    })
}

/// Splits a word into toneless letters and its tone. `None` when a character is not a letter
/// of Vietnamese (with f, j, w, z excluded: they never occur in a Vietnamese syllable), when
/// a quality mark sits on a letter that cannot carry it, or when there is more than one tone.
fn split(word: &str) -> Option<([Letter; MAX_LETTERS], usize, Tone, Option<usize>)> {
    let mut buf = [Letter {
        base: '\0',
        upper: false,
    }; MAX_LETTERS];
    let mut count = 0usize;
    let mut tone = Tone::Level;
    let mut tone_at = None;
    for c in word.chars() {
        // Precomposed Vietnamese letters: one table look-up instead of decomposition.
        if let Some(info) = super::chars::vietnamese_letter(c) {
            if count == MAX_LETTERS {
                return None;
            }
            buf[count] = Letter {
                base: info.base,
                upper: info.is_upper,
            };
            count += 1;
            let t = info.tone;
            if t != Tone::Level {
                if tone != Tone::Level {
                    return None;
                }
                tone = t;
                tone_at = Some(count - 1);
            }
            continue;
        }
        // ASCII: a letter or nothing (the decomposition below gives the same).
        if c.is_ascii() {
            let base = c.to_ascii_lowercase();
            if !c.is_ascii_alphabetic()
                || matches!(base, 'f' | 'j' | 'w' | 'z')
                || count == MAX_LETTERS
            {
                return None;
            }
            buf[count] = Letter {
                base,
                upper: c.is_ascii_uppercase(),
            };
            count += 1;
            continue;
        }
        // Decompose canonically; the first char is the base, the rest marks.
        let mut parts: [char; 4] = ['\0'; 4];
        let mut n = 0;
        let mut overflow = false;
        if c.is_ascii() {
            parts[0] = c;
            n = 1;
        } else {
            decompose_canonical(c, |d| {
                if n < 4 {
                    parts[n] = d;
                    n += 1;
                } else {
                    overflow = true;
                }
            });
        }
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
            if matches!(base, 'f' | 'j' | 'w' | 'z') || count == MAX_LETTERS {
                return None;
            }
            buf[count] = Letter { base, upper };
            count += 1;
            idx = 1;
        }
        for &m in &parts[idx..n] {
            let last = buf.get_mut(count.checked_sub(1)?)?;
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
    if count == 0 {
        return None;
    }
    Some((buf, count, tone, tone_at))
}

fn is_combining(c: char) -> bool {
    super::chars::is_combining_mark(c)
}

/// Parses one word as a Vietnamese syllable. Accepts NFC or NFD in any case; returns `None`
/// for anything that is not a Vietnamese syllable (`José`, `K'Bnam`, `Bnam`, digits).
pub fn parse(word: &str) -> Option<Syllable> {
    let (buf, n, tone, written_at) = split(word)?;
    let letters = &buf[..n];
    let initial_len = initial_len(letters)?;
    // Final consonant.
    let mut final_len = 0;
    if n >= initial_len + 3 {
        if let [.., a, b] = letters {
            if matches!((a.base, b.base), ('n', 'g') | ('n', 'h') | ('c', 'h')) {
                final_len = 2;
            }
        }
    }
    if final_len == 0 && n > initial_len && is_single_final(letters[n - 1].base) {
        final_len = 1;
    }
    if n <= initial_len + final_len {
        return None;
    }
    let nucleus = &letters[initial_len..n - final_len];
    let nucleus_len = nucleus.len();
    if !nucleus_known(nucleus) {
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
        buf,
        len: n,
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

/// Whether `word` is a syllable that Vietnamese spelling allows, written as it is written
/// in real text: it parses ([`parse`]), its tone mark sits where one of the two placement
/// styles puts it, and its initial, vowel cluster and final consonant go together
/// ([`Syllable::is_well_spelled`]). The grammar is written down, with sources, in
/// docs/syllables.md; tests/syllable_inventory.rs holds this function equal to the
/// inventory generated from it.
///
/// ```
/// use vietref::text::syllable::is_well_formed;
/// assert!(is_well_formed("giếng") && is_well_formed("quốc") && is_well_formed("Nguyễn"));
/// assert!(!is_well_formed("haunh") && !is_well_formed("taị") && !is_well_formed("cem"));
/// ```
pub fn is_well_formed(word: &str) -> bool {
    parse(word).is_some_and(|s| s.is_tone_well_placed() && s.is_well_spelled())
}

/// Final consonants as bits, for [`rhyme_finals`].
mod fin {
    pub const OPEN: u16 = 1;
    pub const C: u16 = 2;
    pub const CH: u16 = 4;
    pub const M: u16 = 8;
    pub const N: u16 = 16;
    pub const NG: u16 = 32;
    pub const NH: u16 = 64;
    pub const P: u16 = 128;
    pub const T: u16 = 256;
    pub const STOPS_AND_NASALS: u16 = C | M | N | NG | P | T;
}

/// The final consonants a toneless vowel cluster takes when written after an ordinary
/// consonant (the `o`/`u` glide of rounded rhymes included), as [`fin`] bits; 0 for a
/// cluster that is not a nucleus.
fn rhyme_finals(nu: &str) -> u16 {
    use fin::*;
    match nu {
        "a" | "oa" => OPEN | STOPS_AND_NASALS | CH | NH,
        "ă" | "â" | "iê" | "yê" | "ươ" => STOPS_AND_NASALS,
        "e" | "o" | "ô" | "u" => OPEN | STOPS_AND_NASALS,
        "ê" | "i" => OPEN | CH | M | N | NH | P | T,
        "ơ" => OPEN | M | N | P | T,
        "ư" => OPEN | C | NG | T,
        "uô" => C | M | N | NG | T,
        "oă" => C | M | N | NG | T,
        "oe" => OPEN | N | T,
        "oo" => C | NG,
        "uâ" => N | NG | T,
        "uê" => OPEN | CH | N | NH | T,
        "uy" => OPEN | CH | NH | T,
        "uyê" => N | T,
        "y" | "uơ" | "ai" | "ao" | "au" | "ay" | "âu" | "ây" | "eo" | "êu" | "iu" | "oi" | "ôi"
        | "ơi" | "ui" | "ưi" | "ưu" | "ia" | "ua" | "ưa" | "iêu" | "yêu" | "uôi" | "ươi"
        | "ươu" | "oai" | "oay" | "oeo" | "uây" | "uyu" | "uya" => OPEN,
        _ => 0,
    }
}

/// Rounded clusters: the glide `o` (before a ă e) or `u` (before â ê y ơ).
fn is_rounded(nu: &str) -> bool {
    ["oa", "oă", "oe", "uâ", "uê", "uy", "uơ"]
        .iter()
        .any(|p| nu.starts_with(p))
}

/// The cluster after `qu` written with its glide (`quân` is k + uân): `None` when `qu`
/// cannot stand before it.
fn after_qu(nu: &str) -> Option<&'static str> {
    Some(match nu {
        "a" => "oa",
        "ă" => "oă",
        "â" => "uâ",
        "e" => "oe",
        "ê" => "uê",
        "y" => "uy",
        "yê" => "uyê",
        "ơ" => "uơ",
        "ai" => "oai",
        "ay" => "oay",
        "ây" => "uây",
        "eo" => "oeo",
        _ => return None,
    })
}

impl Syllable {
    fn letters(&self) -> &[Letter] {
        &self.buf[..self.len]
    }

    fn nucleus(&self) -> &[Letter] {
        &self.buf[self.initial_len..self.initial_len + self.nucleus_len]
    }

    fn has_final(&self) -> bool {
        self.initial_len + self.nucleus_len < self.len
    }

    /// Whether the initial, the vowel cluster and the final consonant go together in
    /// Vietnamese spelling (docs/syllables.md): `c g ng` stand before back vowels and
    /// `k gh ngh` before `e ê i` (`k` also before `y`); `qu` only before a rounded rhyme
    /// (`qua quân quyên`, and `quốc`, `qui`, `quít`); after `gi` the `i` of `iê` is the
    /// initial's (`giếng`); rounded rhymes never follow `b m p ph v`; `yê` is the spelling
    /// of `iê` with no initial; and each vowel cluster takes only some final consonants
    /// (`anh` but not `onh`, `iêng` but not `êng`, `ai` but not `aim`). The tone is not
    /// looked at ([`parse`] already refuses a stop final with a tone other than sắc/nặng).
    pub fn is_well_spelled(&self) -> bool {
        let mut ini = String::with_capacity(4);
        let mut nu = String::with_capacity(8);
        let mut fi = String::with_capacity(4);
        for (i, l) in self.letters().iter().enumerate() {
            if i < self.initial_len {
                ini.push(l.base);
            } else if i < self.initial_len + self.nucleus_len {
                nu.push(l.base);
            } else {
                fi.push(l.base);
            }
        }
        let bit = match fi.as_str() {
            "" => fin::OPEN,
            "c" => fin::C,
            "ch" => fin::CH,
            "m" => fin::M,
            "n" => fin::N,
            "ng" => fin::NG,
            "nh" => fin::NH,
            "p" => fin::P,
            "t" => fin::T,
            _ => return false,
        };
        let takes = |nu: &str| rhyme_finals(nu) & bit != 0;
        let first = nu.chars().next().unwrap_or('a');
        let front = matches!(first, 'e' | 'ê' | 'i' | 'y');
        match ini.as_str() {
            "qu" => match nu.as_str() {
                "i" => bit & (fin::OPEN | fin::T) != 0,
                "ô" => bit == fin::C,
                _ => after_qu(&nu).is_some_and(takes),
            },
            // gi + ê…: the ê is iê (giếng, giết, giễu) or plain ê (giê).
            "gi" => {
                let plain = !matches!(first, 'i' | 'y');
                let ie = first == 'ê' && takes(&format!("i{nu}"));
                !is_rounded(&nu) && !nu.starts_with("yê") && ((plain && takes(&nu)) || ie)
            }
            // g + i with no vowel after it: gì, gìm, gìn (the i belongs to gi).
            "g" if first == 'i' => nu == "i" && bit & (fin::OPEN | fin::M | fin::N) != 0,
            "g" if is_rounded(&nu) => nu.starts_with("oa") && takes(&nu),
            _ => {
                let ok_initial = match ini.as_str() {
                    "c" | "g" | "ng" => !front,
                    "k" => front,
                    "gh" | "ngh" => front && first != 'y',
                    _ => true,
                };
                let no_rounded = matches!(
                    ini.as_str(),
                    "b" | "m" | "p" | "ph" | "v" | "c" | "k" | "gh" | "ngh"
                );
                // yê with no initial, iê (ia) after one; `ia` alone is ỉa.
                let ie_spelling = if ini.is_empty() {
                    !nu.starts_with("iê")
                } else {
                    !nu.starts_with("yê")
                };
                ok_initial && ie_spelling && !(no_rounded && is_rounded(&nu)) && takes(&nu)
            }
        }
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
        for (i, l) in self.letters().iter().enumerate() {
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
