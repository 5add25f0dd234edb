//! Encoding detection: which reading of the bytes is Vietnamese?
//!
//! Every candidate encoding reads the same words; a word scores by what it becomes:
//!
//! | decoded word | score |
//! |---|---|
//! | a syllable the spelling grammar allows ([`is_well_formed`](crate::text::syllable::is_well_formed)) with a diacritic | +2 |
//! | the same without a diacritic (VIQR evidence only) | +1 |
//! | a syllable ([`parse`]) with a misplaced tone (`Taị`) or a spelling the grammar refuses (`Haùnh`) | 0 |
//! | Vietnamese letters that are not a syllable | −1 |
//! | a capital inside a small word (`NguyÔn`), a non-Vietnamese letter (`ç`, `µ`) | −2 |
//! | a symbol, control or stray combining mark inside the word | −3 |
//! | a byte the encoding does not define | −4 |
//!
//! Only words that can read differently count ("evidence"): words with a byte above 0x7F
//! or a C0 byte (VISCII and VPS put letters there), and, in 7-bit input, words whose VIQR
//! marks sit inside the word or form quality marks (`Nguye^~n`, `Le^`). A lone period
//! after a vowel is not evidence for VIQR (`Ha Noi.` would be `Ha Noị`), or plain ASCII
//! sentences would read as VIQR. A candidate's fit is its score over twice the evidence
//! count, clamped to 0..=1. UTF-8 (when the input is valid UTF-8) and UTF-8 read as
//! Windows-1252 are candidates too. Equal fits are decided by case consistency (a wrong
//! reading often turns one word of `Thái Bảo Hồ` into `HÒ`; plain ASCII words count
//! too), then by how common the reading's words and letters are in Vietnamese
//! ([`word_weight`], from the generated frequency table), then by a fixed preference.
//! Ties change only which reading is returned: `ambiguous` and the confidence still come
//! from the fits, so a tie stays flagged.
//!
//! Cost is bounded by the sample, not the input: scoring stops after 24 evidence words
//! (256 while two readings with different text are still within the ambiguity margin, so
//! that a file's later lines settle what its first ones leave open);
//! after 4 and after 12, candidates far behind the leader (fit lower by more than 0.5)
//! stop being scored. Words are decoded into one reused buffer and syllable readings are
//! cached per word, so no candidate's full text is ever built; only the winner's is.

use super::engine::decode_word;
#[cfg(feature = "wordfreq")]
use super::table_syllable_freq::{LETTER_ZIPF, SYLLABLE_ZIPF};
/// Without the `wordfreq` feature (CC BY-SA data, see Cargo.toml) the smaller table of
/// `table_syllable_prior.rs` is used: official texts and personal names, MIT OR
/// Apache-2.0 like the rest of vietref.
#[cfg(not(feature = "wordfreq"))]
use super::table_syllable_prior::{LETTER_ZIPF, NAME_ZIPF, SYLLABLE_ZIPF};
/// The `wordfreq` table has no separate name column: capitalized words weigh as others.
#[cfg(feature = "wordfreq")]
static NAME_ZIPF: [(&str, u8); 0] = [];
use super::{decode, mojibake, nfc, viqr, Encoding};
use crate::text::syllable::parse;

/// What [`detect`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// The encoding chosen.
    pub encoding: Encoding,
    /// Confidence (0..=1) that `text` is the intended text: how well the chosen reading
    /// parses as Vietnamese, lowered when another reading with different text comes close
    /// and when there is little evidence (one word: at most 0.5). Text that reads the same
    /// in every candidate (plain ASCII) has confidence 1.
    pub confidence: f32,
    /// The other encodings that can decode the sample, with their fit (0..=1), best first.
    /// Encodings that give the same text as the chosen one are listed too.
    pub alternatives: Vec<(Encoding, f32)>,
    /// Whether another reading with *different* text fits almost as well (within 0.2): the
    /// input is genuinely ambiguous (`70 68 ED` is `phí` in four encodings and `phớ` in
    /// TCVN3) and `text` is a guess. Never set when a declared encoding was used.
    pub ambiguous: bool,
    /// The input decoded with `encoding`, NFC.
    pub text: String,
}

/// Candidates in order of preference when fits tie (rough frequency in Vietnamese office
/// data: UTF-8 today, then TCVN3 (the government's 1993 standard), VNI, VISCII, code page
/// 1258, VPS, VIQR).
const CANDIDATES: [Encoding; 8] = [
    Encoding::Utf8,
    Encoding::Utf8AsCp1252,
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viscii,
    Encoding::Cp1258,
    Encoding::Vps,
    Encoding::Viqr,
];

/// How common each encoding is in Vietnamese office data, in the units of
/// [`word_weight`] (Zipf × 10), once per reading: a small lean of close tie-breaks
/// towards the encodings met most (the order of [`CANDIDATES`]; plain ASCII stays UTF-8).
fn prior(e: Encoding) -> i32 {
    match e {
        Encoding::Utf8 => 6,
        Encoding::Utf8AsCp1252 => 5,
        Encoding::Tcvn3 => 4,
        Encoding::Vni => 3,
        Encoding::Viscii => 2,
        Encoding::Cp1258 => 1,
        _ => 0,
    }
}

/// Evidence words scored at most.
const MAX_WORDS: u32 = 24;
/// Evidence words scored at most while two readings with different text are still tied
/// after [`MAX_WORDS`]: a file's later lines settle what its first ones leave open.
const MAX_WORDS_TIED: u32 = 256;
/// Evidence word counts after which candidates far behind stop being scored.
const PRUNE_AFTER: [u32; 2] = [4, 12];
/// Fit difference within which two different readings are ambiguous.
const AMBIGUITY_MARGIN: f32 = 0.2;
/// A declared encoding is overridden when another reads better by this much.
const DECLARED_OVERRIDE: f32 = 0.5;

/// Detects the encoding of `bytes` and decodes them.
///
/// ```
/// use vietref::legacy::{detect, Encoding};
/// let d = detect(b"Nguye\xE3n Va\xEAn \xD1\xF6\xF9c");
/// assert_eq!((d.encoding, d.text.as_str()), (Encoding::Vni, "Nguyễn Văn Đức"));
/// assert!(!d.ambiguous && d.confidence > 0.5);
/// // Three bytes that are "phí" in four encodings and "phớ" in TCVN3.
/// assert!(detect(&[0x70, 0x68, 0xED]).ambiguous);
/// ```
pub fn detect(bytes: &[u8]) -> Detection {
    detect_with_declared(bytes, None)
}

/// Like [`detect`], but a `declared` encoding (from a file's metadata, a database column,
/// the user) is preferred: it is used whenever it decodes the input and reads no worse
/// than 0.5 below the best candidate's fit. It is overridden only when it cannot decode
/// the bytes (undefined byte, invalid UTF-8) or reads badly while another encoding reads
/// well (a TCVN3 file labelled VNI). `ambiguous` is never set when the declaration is used.
///
/// ```
/// use vietref::legacy::{detect_with_declared, Encoding};
/// // "phí" in Windows-1258 when the source says so.
/// let d = detect_with_declared(&[0x70, 0x68, 0xED], Some(Encoding::Cp1258));
/// assert_eq!((d.encoding, d.text.as_str(), d.ambiguous), (Encoding::Cp1258, "phí", false));
/// // A declaration that cannot decode the bytes is overridden.
/// let d = detect_with_declared(b"Ph\xA9m", Some(Encoding::Cp1258));
/// assert_eq!(d.encoding, Encoding::Tcvn3);
/// ```
pub fn detect_with_declared(bytes: &[u8], declared: Option<Encoding>) -> Detection {
    // A UTF-8 byte-order mark is a declaration of its own.
    if bytes.starts_with(b"\xEF\xBB\xBF") && declared.is_none() {
        if let Ok(text) = decode(bytes, Encoding::Utf8) {
            return Detection {
                encoding: Encoding::Utf8,
                confidence: 1.0,
                alternatives: Vec::new(),
                ambiguous: false,
                text,
            };
        }
    }
    let mut s = Scorer::new(bytes);
    s.run();
    s.finish(declared)
}

/// Score of one candidate so far.
#[derive(Clone, Copy, Default)]
struct Acc {
    active: bool,
    score: i32,
    words: u32,
    /// A byte the encoding does not define was seen.
    undefined: bool,
    /// Hash of the decoded evidence words (equal hashes: same text).
    text_hash: u64,
    /// Evidence words of two letters or more by case shape: small, Capitalized, CAPITALS.
    shapes: [u32; 3],
    /// How common the reading's words are in Vietnamese text: the sum of their Zipf
    /// values × 10 ([`word_weight`]). Breaks ties between readings that fit equally.
    commonness: i32,
}

impl Acc {
    /// Words whose case shape differs from the most common one: a wrong reading often
    /// turns one word of `Thái Bảo Hồ Thắng` into `HÒ`. Only breaks ties.
    /// `plain`: the shapes of the words that read the same in every candidate (plain
    /// ASCII words: `Minh` in `Tạ Minh`), which every reading shares.
    fn case_deviations(&self, plain: [u32; 3]) -> u32 {
        let mut shapes = self.shapes;
        for (s, p) in shapes.iter_mut().zip(plain) {
            *s += p;
        }
        let total: u32 = shapes.iter().sum();
        total - shapes.iter().copied().max().unwrap_or(0)
    }

    fn fit(&self) -> f32 {
        if self.words == 0 {
            return 1.0;
        }
        (self.score as f32 / (2.0 * self.words as f32)).clamp(0.0, 1.0)
    }
}

struct Scorer<'a> {
    bytes: &'a [u8],
    /// The input as text, when it is UTF-8 (validated once).
    text: Option<&'a str>,
    seven_bit: bool,
    acc: [Acc; 8],
    /// Evidence words scored.
    words: u32,
    /// Case shapes of the ASCII words of two letters or more (not evidence: they read the
    /// same in every candidate), for [`Acc::case_deviations`].
    plain_shapes: [u32; 3],
    cache: SyllableCache,
    word_text: String,
    word_bytes: Vec<u8>,
    /// 7-bit input: evidence words whose VIQR reading is a well-formed syllable with a
    /// diacritic, by the marks that made it: a quality mark (`^`, `(`, `+`), or tone marks
    /// only. `dd` alone counts for neither (`DDA` is an account type in bank memos).
    viqr_strong: u32,
    viqr_weak: u32,
}

fn slot(e: Encoding) -> usize {
    CANDIDATES.iter().position(|&c| c == e).unwrap_or(0)
}

impl<'a> Scorer<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let seven_bit = bytes.is_ascii();
        let text = std::str::from_utf8(bytes).ok();
        let utf8 = text.is_some();
        let mut acc = [Acc::default(); 8];
        for (i, &e) in CANDIDATES.iter().enumerate() {
            acc[i].active = match e {
                Encoding::Utf8 => utf8,
                // Mojibake of Vietnamese always holds characters of U+0080..U+00FF, whose
                // UTF-8 lead byte is 0xC2 or 0xC3.
                Encoding::Utf8AsCp1252 => {
                    utf8 && !seven_bit && bytes.iter().any(|&b| b == 0xC2 || b == 0xC3)
                }
                Encoding::Viqr => seven_bit,
                _ => true,
            };
        }
        Scorer {
            bytes,
            text,
            seven_bit,
            acc,
            words: 0,
            plain_shapes: [0; 3],
            cache: SyllableCache::new(),
            word_text: String::with_capacity(64),
            word_bytes: Vec::with_capacity(64),
            viqr_strong: 0,
            viqr_weak: 0,
        }
    }

    fn run(&mut self) {
        let bytes = self.bytes;
        let seven_bit = self.seven_bit;
        let mut start = None;
        // Words end at whitespace and at punctuation that is not a VIQR mark (for 7-bit
        // input), or at any ASCII character that is not a letter or a C0 byte (otherwise).
        let is_sep = |b: u8| {
            if seven_bit {
                b.is_ascii_whitespace()
                    || (b.is_ascii_punctuation() && viqr::mark_of(b).is_none() && b != b'\\')
                    || b.is_ascii_digit()
            } else {
                b.is_ascii_whitespace() || b.is_ascii_punctuation() || b.is_ascii_digit()
            }
        };
        for i in 0..=bytes.len() {
            let sep = bytes.get(i).is_none_or(|&b| is_sep(b));
            match (sep, start) {
                (false, None) => start = Some(i),
                (true, Some(st)) => {
                    start = None;
                    if let Some(word) = bytes.get(st..i) {
                        if !self.is_evidence(word) {
                            if let Some(k) = ascii_shape(word) {
                                if let Some(n) = self.plain_shapes.get_mut(k) {
                                    *n += 1;
                                }
                            }
                        } else {
                            // Words end at ASCII bytes, so in UTF-8 input they are text.
                            let text = self.text.and_then(|t| t.get(st..i));
                            self.score_word(word, text);
                            if self.words >= MAX_WORDS
                                && (self.words >= MAX_WORDS_TIED || !self.tied())
                            {
                                return;
                            }
                            if PRUNE_AFTER.contains(&self.words) {
                                self.prune();
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn is_evidence(&self, word: &[u8]) -> bool {
        let c0 = |b: u8| b < 0x20 && !b.is_ascii_whitespace();
        if word.iter().any(|&b| b >= 0x80 || c0(b)) {
            return true;
        }
        self.seven_bit && has_viqr_marks(word)
    }

    /// Whether the best reading so far has a rival with different text within the
    /// ambiguity margin.
    fn tied(&self) -> bool {
        let Some(best) = self
            .acc
            .iter()
            .filter(|a| a.active && !a.undefined)
            .max_by(|x, y| x.fit().total_cmp(&y.fit()))
        else {
            return false;
        };
        self.acc.iter().any(|a| {
            a.active
                && !a.undefined
                && a.text_hash != best.text_hash
                && a.fit() >= best.fit() - AMBIGUITY_MARGIN
        })
    }

    fn prune(&mut self) {
        let best = self
            .acc
            .iter()
            .filter(|a| a.active)
            .map(|a| a.score)
            .max()
            .unwrap_or(0);
        let n = self.words as i32;
        for a in self.acc.iter_mut() {
            if a.active && a.score < best - n {
                a.active = false;
            }
        }
    }

    fn score_word(&mut self, word: &[u8], text: Option<&str>) {
        self.words += 1;
        for (i, &enc) in CANDIDATES.iter().enumerate() {
            if !self.acc[i].active {
                continue;
            }
            let s = self.word_score(enc, word, text);
            if enc == Encoding::Viqr && s.is_some_and(|s| s.0 == 2) {
                match viqr_marks(word) {
                    (true, _) => self.viqr_strong += 1,
                    (false, true) => self.viqr_weak += 1,
                    _ => {}
                }
            }
            let a = &mut self.acc[i];
            a.words += 1;
            match s {
                Some((s, shape, weight)) => {
                    a.score += s;
                    a.commonness += i32::from(weight);
                    if let Some(n) = shape.and_then(|k| a.shapes.get_mut(k)) {
                        *n += 1;
                    }
                    a.text_hash = mix(a.text_hash, fnv(self.word_text.as_bytes()));
                }
                None => {
                    a.score -= 4;
                    a.undefined = true;
                }
            }
        }
    }

    /// Decodes `word` with `enc` into `self.word_text` and scores it; `None` for an
    /// undefined byte.
    fn word_score(
        &mut self,
        enc: Encoding,
        word: &[u8],
        text: Option<&str>,
    ) -> Option<(i32, Option<usize>, i16)> {
        self.word_text.clear();
        match enc {
            Encoding::Utf8 => self.word_text.push_str(text?),
            Encoding::Utf8AsCp1252 => {
                let text = text?;
                self.word_bytes.clear();
                for c in text.chars() {
                    self.word_bytes.push(mojibake::byte_of(c)?);
                }
                self.word_text
                    .push_str(std::str::from_utf8(&self.word_bytes).ok()?);
            }
            Encoding::Viqr => {
                viqr::decode_into(word, &mut self.word_text).ok()?;
            }
            _ => decode_word(enc.table()?, word, &mut self.word_text).ok()?,
        }
        Some(score_text(
            &self.word_text,
            enc == Encoding::Tcvn3,
            &mut self.cache,
        ))
    }

    /// Whether 7-bit input holds enough VIQR to be read as VIQR rather than left as plain
    /// ASCII (docs/detection.md, "Plain ASCII"): at least one word with a quality mark or
    /// three words with tone marks that read as Vietnamese syllables, and such words make
    /// up at least half of the evidence. Bank memos (`DDA HN`, `YAGI.CT`, `PHI?`) stay
    /// ASCII.
    fn viqr_is_plausible(&self) -> bool {
        let marked = self.viqr_strong + self.viqr_weak;
        (self.viqr_strong >= 1 || self.viqr_weak >= 3) && 2 * marked >= self.words
    }

    fn finish(mut self, declared: Option<Encoding>) -> Detection {
        // C0 bytes are letters in VISCII and VPS: such input is not plain ASCII.
        let c0 = |b: &u8| *b < 0x20 && !b.is_ascii_whitespace();
        if self.seven_bit
            && declared != Some(Encoding::Viqr)
            && !self.viqr_is_plausible()
            && !self.bytes.iter().any(c0)
        {
            // Plain ASCII: every candidate reads it the same; VIQR is not offered.
            // Pruning may have dropped candidates: 7-bit input reads the same in all of
            // them but the mojibake repair.
            self.words = 0;
            for (a, &e) in self.acc.iter_mut().zip(CANDIDATES.iter()) {
                *a = Acc {
                    active: !matches!(e, Encoding::Viqr | Encoding::Utf8AsCp1252),
                    ..Acc::default()
                };
            }
        }
        let words = self.words;
        // Fits of every candidate that can decode the sample. Encodings not scored because
        // the input is 7-bit read exactly as UTF-8 does.
        let mut fits: Vec<(Encoding, f32, u64, u32, i32)> = Vec::with_capacity(8);
        let utf8 = self.acc[slot(Encoding::Utf8)];
        for (i, &enc) in CANDIDATES.iter().enumerate() {
            let a = self.acc[i];
            let usable = if a.words > 0 {
                !a.undefined
            } else {
                // Never scored: active from the start (no evidence at all), or pruned.
                a.active || (self.seven_bit && enc != Encoding::Viqr && utf8.active)
            };
            if !usable {
                continue;
            }
            let (fit, hash, dev, common) =
                if a.words == 0 && self.seven_bit && enc != Encoding::Viqr {
                    (
                        utf8.fit(),
                        utf8.text_hash,
                        utf8.case_deviations(self.plain_shapes),
                        utf8.commonness,
                    )
                } else {
                    (
                        a.fit(),
                        a.text_hash,
                        a.case_deviations(self.plain_shapes),
                        a.commonness,
                    )
                };
            // VIQR with no evidence is left out: it would only restate plain ASCII.
            if enc == Encoding::Viqr && a.words == 0 {
                continue;
            }
            fits.push((enc, fit, hash, dev, common + prior(enc)));
        }
        // Best first; on equal fits, fewer case deviations, then the reading whose words are
        // more common in Vietnamese; then the order of preference (the sort is stable).
        fits.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.3.cmp(&y.3)).then(y.4.cmp(&x.4)));

        let declared_fit = declared.and_then(|d| fits.iter().find(|f| f.0 == d).copied());
        let best_fit = fits.first().map(|f| f.1).unwrap_or(0.0);
        let use_declared = declared_fit.filter(|d| best_fit - d.1 < DECLARED_OVERRIDE);

        // The order in which to try decoding the whole input.
        let mut order: Vec<(Encoding, f32, u64, u32, i32)> = Vec::with_capacity(fits.len() + 1);
        order.extend(use_declared);
        order.extend(
            fits.iter()
                .copied()
                .filter(|f| Some(f.0) != use_declared.map(|d| d.0)),
        );

        for (k, &(enc, fit, hash, _, _)) in order.iter().enumerate() {
            let decoded = match (enc, self.text) {
                (Encoding::Utf8, Some(t)) if !t.starts_with('\u{FEFF}') => Ok(nfc(t.to_string())),
                (Encoding::Utf8AsCp1252, Some(t)) => mojibake::repair_mojibake(t)
                    .ok_or(())
                    .or_else(|()| decode(self.bytes, enc).map_err(|_| ())),
                _ => decode(self.bytes, enc).map_err(|_| ()),
            };
            let Ok(text) = decoded else {
                continue;
            };
            let by_declaration = k == 0 && use_declared.is_some();
            let rival = order
                .iter()
                .filter(|o| o.0 != enc && o.2 != hash)
                .map(|o| o.1)
                .fold(None, |m: Option<f32>, f| Some(m.map_or(f, |m| m.max(f))));
            let evidence = if words == 0 {
                1.0
            } else {
                words as f32 / (words as f32 + 1.0)
            };
            let separation = match rival {
                Some(r) if fit > 0.0 && !by_declaration => 1.0 - 0.5 * (r / fit).min(1.0),
                _ => 1.0,
            };
            let ambiguous =
                !by_declaration && words > 0 && rival.is_some_and(|r| r >= fit - AMBIGUITY_MARGIN);
            let alternatives = fits
                .iter()
                .filter(|f| f.0 != enc)
                .map(|f| (f.0, f.1))
                .collect();
            return Detection {
                encoding: enc,
                confidence: (fit * separation * evidence).clamp(0.0, 1.0),
                alternatives,
                ambiguous,
                text,
            };
        }
        // Unreachable in practice: VISCII and VPS define all 256 bytes.
        Detection {
            encoding: Encoding::Viscii,
            confidence: 0.0,
            alternatives: Vec::new(),
            ambiguous: true,
            text: decode(self.bytes, Encoding::Viscii).unwrap_or_default(),
        }
    }
}

/// The case shape of an ASCII word of two letters or more (0 small, 1 Capitalized,
/// 2 CAPITALS), `None` for anything else.
fn ascii_shape(word: &[u8]) -> Option<usize> {
    let [first, rest @ ..] = word else {
        return None;
    };
    if rest.is_empty() || !word.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let rest_upper = rest.iter().all(u8::is_ascii_uppercase);
    let rest_lower = rest.iter().all(u8::is_ascii_lowercase);
    match (first.is_ascii_uppercase(), rest_upper, rest_lower) {
        (false, _, true) => Some(0),
        (true, _, true) => Some(1),
        (true, true, _) => Some(2),
        _ => None,
    }
}

/// Whether a 7-bit word holds VIQR marks that are evidence: a quality mark or a grave or
/// tilde that combines with the letter before it, a tone mark followed by more letters,
/// or a leading `dd`/`DD` before a vowel.
fn has_viqr_marks(word: &[u8]) -> bool {
    let mut prev: Option<u8> = None;
    for (i, &b) in word.iter().enumerate() {
        if let Some(p) = prev {
            if viqr::mark_of(b).is_some() && viqr::combine(p as char, b).is_some() {
                let strong_mark = matches!(b, b'(' | b'^' | b'+' | b'`' | b'~');
                let inner = word.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic());
                if strong_mark || inner {
                    return true;
                }
            }
        }
        prev = b.is_ascii_alphabetic().then_some(b);
    }
    matches!(word, [b'd', b'd', v, ..] | [b'D', b'D' | b'd', v, ..] if b"aeiouyAEIOUY".contains(v))
}

/// Which VIQR marks a 7-bit word uses: (a quality mark `^ ( +` that combines with the
/// letter before it, a tone mark `' ` ? ~ .` that combines with the letter before it).
fn viqr_marks(word: &[u8]) -> (bool, bool) {
    let mut quality = false;
    let mut tone = false;
    let mut prev: Option<char> = None;
    for &b in word {
        if let Some(combined) = prev.and_then(|p| viqr::combine(p, b)) {
            if matches!(b, b'^' | b'(' | b'+') {
                quality = true;
            } else {
                tone = true;
            }
            prev = Some(combined);
        } else {
            prev = b.is_ascii_alphabetic().then_some(b as char);
        }
    }
    (quality, tone)
}

/// Scores one decoded word (see the module table). `caps_font`: TCVN3, where capitals
/// typed in the `.VnTimeH` font are stored as lower-case codes, so `NGUYễN` is normal.
/// Also returns the word's case shape (0 small, 1 Capitalized, 2 CAPITALS) when it has two
/// letters or more.
fn score_text(word: &str, caps_font: bool, cache: &mut SyllableCache) -> (i32, Option<usize>, i16) {
    let w = word.trim_matches(|c: char| c.is_ascii_punctuation());
    if w.is_empty() {
        return (-3, None, 0);
    }
    let mut non_ascii = false;
    // Case shape: all small, all capital, or a capital then small letters. TCVN3 text
    // typed in `.VnTimeH` mixes ASCII capitals with small toned letters, which is normal
    // there.
    let mut uppers = 0;
    let mut lowers = 0;
    let mut upper_after_first = false;
    let mut non_ascii_upper = false;
    let mut tones = 0;
    let mut letters = 0;
    for c in w.chars() {
        letters += 1;
        if !c.is_ascii() {
            match vietnamese_letter(c) {
                Some(toned) => {
                    non_ascii = true;
                    tones += toned as u32;
                }
                None => return (if c.is_alphabetic() { -2 } else { -3 }, None, 0),
            }
        } else if !c.is_ascii_alphabetic() {
            return (-3, None, 0);
        }
        if c.is_lowercase() {
            lowers += 1;
        } else {
            uppers += 1;
            upper_after_first |= letters > 1;
            non_ascii_upper |= !c.is_ascii();
        }
    }
    let case_ok = lowers == 0
        || uppers == 0
        || (uppers == 1 && !upper_after_first)
        || (caps_font && !non_ascii_upper);
    if !case_ok {
        return (-2, None, 0);
    }
    // TCVN3 has no capital toned letters: a word that starts with one cannot show its case.
    let first_unknown = caps_font && w.chars().next().is_some_and(|c| !c.is_ascii());
    let shape = match (letters, lowers, uppers) {
        _ if first_unknown => None,
        (0..=1, _, _) => None,
        (_, _, 0) => Some(0),
        (_, 0, _) => Some(2),
        _ if caps_font && upper_after_first => Some(2),
        _ => Some(1),
    };
    // Cheap refusals before the parser: one tone per syllable, at most 7 letters (nghiêng).
    if tones > 1 || letters > 7 {
        return (-1, shape, 0);
    }
    let (reading, weight) = cache.reading(w);
    let score = match reading {
        Reading::Good if non_ascii => 2,
        Reading::Good => 1,
        Reading::Odd => 0,
        Reading::NotASyllable => -1,
    };
    (score, shape, weight)
}

/// Zipf value × 10 given to a well-formed syllable that the frequency table does not list
/// (the table's rarest entries are about 30).
const UNLISTED_WEIGHT: i16 = 20;

/// Letter weights are counted from this Zipf value × 10 (about a letter's median).
const LETTER_BASE: i16 = 60;

/// How common a well-formed word is in Vietnamese text (a capitalized word, in the default
/// build: among name syllables, `NAME_ZIPF`, since records' capitalized words are names):
/// its Zipf value × 10 (log10 of
/// occurrences per billion words; `và` 72, `thăm` 45) from the generated frequency table
/// (`table_syllable_freq.rs`, from wordfreq's Vietnamese list), or [`UNLISTED_WEIGHT`];
/// plus, for each non-ASCII letter, how common that letter is (Zipf × 10 of its share of
/// letters, less [`LETTER_BASE`]): the byte values an encoding's real text uses most.
/// `hân` and `hẹn` are one byte string in TCVN3 and VISCII; `hẹn` is the more common word
/// but `â` the far more common letter.
fn word_weight(w: &str) -> i16 {
    let mut lower = [0u8; 32];
    let mut n = 0;
    let mut letters: i16 = 0;
    for c in w.chars().flat_map(char::to_lowercase) {
        if !c.is_ascii() {
            if let Ok(i) = LETTER_ZIPF.binary_search_by(|(l, _)| l.cmp(&c)) {
                letters += LETTER_ZIPF
                    .get(i)
                    .map_or(0, |&(_, z)| i16::from(z) - LETTER_BASE);
            }
        }
        let mut b = [0u8; 4];
        let s = c.encode_utf8(&mut b).as_bytes();
        let Some(dst) = lower.get_mut(n..n + s.len()) else {
            return UNLISTED_WEIGHT;
        };
        dst.copy_from_slice(s);
        n += s.len();
    }
    let key = lower.get(..n).unwrap_or(&[]);
    let look = |table: &[(&str, u8)]| {
        table
            .binary_search_by(|(s, _)| s.as_bytes().cmp(key))
            .ok()
            .and_then(|i| table.get(i))
            .map_or(UNLISTED_WEIGHT, |&(_, z)| i16::from(z))
    };
    // A capitalized word in a record is most often a name: weigh it as one.
    let capitalized = w.chars().next().is_some_and(char::is_uppercase);
    let word = if capitalized && !NAME_ZIPF.is_empty() {
        look(&NAME_ZIPF)
    } else {
        look(&SYLLABLE_ZIPF)
    };
    word + letters
}

/// How a word reads as a Vietnamese syllable.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reading {
    /// A syllable Vietnamese spelling allows ([`crate::text::syllable::is_well_formed`]).
    Good,
    /// The parser accepts it, but the tone mark is misplaced (`Taị`) or the spelling
    /// cannot occur (`Haùnh`: a glide-final vowel before a final consonant): a correct
    /// reading of real data rarely looks like this, a wrong reading often does.
    Odd,
    /// Not a syllable.
    NotASyllable,
}

fn read_syllable(w: &str) -> Reading {
    let Some(syl) = parse(w) else {
        return Reading::NotASyllable;
    };
    // The same judgement as `syllable::is_well_formed`, on the one parse.
    if !syl.is_tone_well_placed() || !syl.is_well_spelled() {
        return Reading::Odd;
    }
    Reading::Good
}

/// Whether `c` (not ASCII) is one of the 134 Vietnamese letters, and if so whether it
/// carries a tone mark. Same set as [`is_vietnamese_non_ascii_letter`], by range: every
/// letter of U+1EA0..U+1EF9 is Vietnamese and toned; the rest sit in Latin-1 and Latin
/// Extended-A/B.
fn vietnamese_letter(c: char) -> Option<bool> {
    match c {
        '\u{1EA0}'..='\u{1EF9}' => Some(true),
        'À' | 'Á' | 'Ã' | 'È' | 'É' | 'Ì' | 'Í' | 'Ò' | 'Ó' | 'Õ' | 'Ù' | 'Ú' | 'Ý' | 'à' | 'á'
        | 'ã' | 'è' | 'é' | 'ì' | 'í' | 'ò' | 'ó' | 'õ' | 'ù' | 'ú' | 'ý' | 'Ĩ' | 'ĩ' | 'Ũ'
        | 'ũ' => Some(true),
        'Â' | 'Ê' | 'Ô' | 'â' | 'ê' | 'ô' | 'Ă' | 'ă' | 'Đ' | 'đ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' => {
            Some(false)
        }
        _ => None,
    }
}

const CACHE: usize = 512;

/// A small direct-mapped cache of syllable readings, keyed by a 64-bit hash of the
/// word (names repeat: Nguyễn, Thị, Văn…).
struct SyllableCache {
    keys: [u64; CACHE],
    vals: [(Reading, i16); CACHE],
}

impl SyllableCache {
    fn new() -> Self {
        SyllableCache {
            keys: [0; CACHE],
            vals: [(Reading::NotASyllable, 0); CACHE],
        }
    }

    /// The word's reading, and its [`word_weight`] when it is well formed (0 otherwise).
    fn reading(&mut self, w: &str) -> (Reading, i16) {
        let h = fnv(w.as_bytes()) | 1;
        let i = (h >> 40) as usize % CACHE;
        if let (Some(&k), Some(&v)) = (self.keys.get(i), self.vals.get(i)) {
            if k == h {
                return v;
            }
        }
        let r = read_syllable(w);
        let v = (
            r,
            if r == Reading::Good {
                word_weight(w)
            } else {
                0
            },
        );
        if let (Some(k), Some(slot)) = (self.keys.get_mut(i), self.vals.get_mut(i)) {
            *k = h;
            *slot = v;
        }
        v
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(5) ^ b).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::legacy::encode;
    use crate::text::chars::is_vietnamese_non_ascii_letter;

    #[test]
    fn letter_classes_match_the_repertoire() {
        for cp in 0x80..0x2000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            assert_eq!(
                vietnamese_letter(c).is_some(),
                is_vietnamese_non_ascii_letter(c),
                "{c}"
            );
            if let Some(toned) = vietnamese_letter(c) {
                let has_tone =
                    unicode_normalization::UnicodeNormalization::nfd(c.to_string().as_str())
                        .any(|m| crate::text::Tone::from_mark(m).is_some());
                assert_eq!(toned, has_tone, "{c}");
            }
        }
    }

    /// The frequency tables are searched by binary search: sorted by bytes, no duplicate,
    /// every weight above the unlisted one; the letter table covers the 67 letters.
    #[test]
    fn frequency_tables_are_searchable() {
        assert!(SYLLABLE_ZIPF.len() > 500);
        for w in SYLLABLE_ZIPF.windows(2) {
            assert!(w[0].0.as_bytes() < w[1].0.as_bytes(), "{:?}", w);
        }
        assert!(SYLLABLE_ZIPF
            .iter()
            .all(|&(s, z)| i16::from(z) > UNLISTED_WEIGHT && s == s.to_lowercase()));
        assert_eq!(LETTER_ZIPF.len(), 67);
        assert!(LETTER_ZIPF.windows(2).all(|w| w[0].0 < w[1].0));
        // Names weigh more than their misreadings (the default table holds name evidence).
        assert!(word_weight("Nguyễn") > word_weight("Nguyờn"));
        assert!(word_weight("Thị") > UNLISTED_WEIGHT);
        // Capitalized, a rare family name outweighs a common word that is no name
        // (`Từ` in VPS reads `Tử` in VISCII); small, the common word weighs more.
        if !NAME_ZIPF.is_empty() {
            assert!(NAME_ZIPF
                .windows(2)
                .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
            assert!(
                word_weight("Từ") > word_weight("Tử"),
                "{}",
                word_weight("Tử")
            );
            assert!(word_weight("Trịnh") > word_weight("Tránh"));
            assert!(word_weight("tử") > word_weight("Tử"));
        }
    }

    #[test]
    fn phi_is_ambiguous() {
        let d = detect(&[0x70, 0x68, 0xED]);
        assert!(d.ambiguous, "{d:?}");
        assert!(d.confidence <= 0.5, "{d:?}");
        let mut texts: Vec<String> = d
            .alternatives
            .iter()
            .filter_map(|(e, _)| decode(&[0x70, 0x68, 0xED], *e).ok())
            .collect();
        texts.push(d.text.clone());
        assert_eq!(d.alternatives.len(), 4, "{d:?}");
        assert!(texts.iter().any(|t| t == "phí") && texts.iter().any(|t| t == "phớ"));
    }

    #[test]
    fn each_encoding_of_a_sentence() {
        let text = "Trần Thị Thu Hương nộp học phí tháng mười cho con Nguyễn Văn Đức";
        for enc in [
            Encoding::Tcvn3,
            Encoding::Vni,
            Encoding::Viscii,
            Encoding::Vps,
            Encoding::Cp1258,
            Encoding::Viqr,
            Encoding::Utf8,
        ] {
            let bytes = encode(text, enc).unwrap();
            let d = detect(&bytes);
            assert_eq!(d.encoding, enc, "{d:?}");
            assert_eq!(d.text, text);
            assert!(!d.ambiguous && d.confidence > 0.8, "{enc}: {d:?}");
        }
        let moji = encode(text, Encoding::Utf8AsCp1252).unwrap();
        let d = detect(&moji);
        assert_eq!(
            (d.encoding, d.text.as_str()),
            (Encoding::Utf8AsCp1252, text)
        );
    }

    #[test]
    fn byte_order_mark_means_utf8() {
        let d = detect("\u{FEFF}Tạ".as_bytes());
        assert_eq!(
            (d.encoding, d.text.as_str(), d.confidence),
            (Encoding::Utf8, "Tạ", 1.0)
        );
    }

    #[test]
    fn ascii_is_plain() {
        let d = detect(b"Nguyen Van A. Ha Noi.");
        assert_eq!(
            (d.encoding, d.confidence, d.ambiguous),
            (Encoding::Utf8, 1.0, false)
        );
        assert_eq!(d.text, "Nguyen Van A. Ha Noi.");
        let d = detect(b"");
        assert_eq!(d.encoding, Encoding::Utf8);
    }

    /// Issue 19: bank memos in plain ASCII are never read as VIQR (`DDA` as `ĐA`,
    /// `YAGI.CT` as `YAGỊCT`) nor flagged ambiguous.
    #[test]
    fn bank_memos_stay_ascii() {
        for memo in [
            "MBVCB.6991840000.NGUYEN VAN HOA ung ho",
            "DDA HN",
            "YAGI.CT",
            "FT24255200000001",
            "CHUYEN TIEN.YAGI.CT HOC PHI",
            "TT DDA.DDT HP? CON'S LE.A",
            "DDA HN\nYAGI.CT\nddi hoc\nBA.T\n",
        ] {
            let d = detect(memo.as_bytes());
            assert_eq!(d.text, memo);
            assert_eq!(
                (d.encoding, d.ambiguous, d.confidence),
                (Encoding::Utf8, false, 1.0),
                "{memo}: {d:?}"
            );
            assert!(
                d.alternatives.iter().all(|a| a.0 != Encoding::Viqr),
                "{d:?}"
            );
        }
        // Declared VIQR is still honoured.
        let d = detect_with_declared(b"DDA HN", Some(Encoding::Viqr));
        assert_eq!((d.encoding, d.text.as_str()), (Encoding::Viqr, "ĐA HN"));
    }

    /// Real VIQR still decodes: one quality mark is enough, tone marks alone need three
    /// words, and the marked words must be at least half the evidence.
    #[test]
    fn viqr_needs_strong_evidence() {
        for (viqr, text) in [
            ("Nguye^~n Va(n A", "Nguyễn Văn A"),
            ("Tra^`n Thu.y", "Trần Thụy"),
            ("Le^ Thi. Hoa", "Lê Thị Hoa"),
            ("Ba'o Tha'i Ho'a la`m", "Báo Thái Hóa làm"),
            ("ddi ho.c Ha` No^.i", "đi học Hà Nội"),
        ] {
            let d = detect(viqr.as_bytes());
            assert_eq!(
                (d.encoding, d.text.as_str()),
                (Encoding::Viqr, text),
                "{d:?}"
            );
        }
        // Two tone-only words are not enough; one marked word among many unreadable ones
        // is not either.
        for ascii in ["Tha'i Ho'a", "Ba'o YAGI.CT A.B C.D E.F"] {
            let d = detect(ascii.as_bytes());
            assert_eq!(
                (d.encoding, d.text.as_str()),
                (Encoding::Utf8, ascii),
                "{d:?}"
            );
        }
    }

    #[test]
    fn vntimeh_capitals_read_as_tcvn3() {
        // "NGUYỄN VĂN ĐỨC" typed with the .VnTimeH font: lower-case codes for toned letters.
        let bytes = [
            0x4E, 0x47, 0x55, 0x59, 0xD4, 0x4E, 0x20, 0x56, 0xA1, 0x4E, 0x20, 0xA7, 0xF8, 0x43,
        ];
        let d = detect(&bytes);
        assert_eq!(d.encoding, Encoding::Tcvn3, "{d:?}");
    }

    #[test]
    fn declared_wins_unless_it_reads_badly() {
        let tcvn3 = encode("Nguyễn Văn Đức học lớp mười", Encoding::Tcvn3).unwrap();
        let d = detect_with_declared(&tcvn3, Some(Encoding::Viscii));
        assert_eq!(d.encoding, Encoding::Tcvn3);
        let d = detect_with_declared(b"plain", Some(Encoding::Vps));
        assert_eq!(d.encoding, Encoding::Vps);
    }
}
