//! The Vietnamese syllable inventory, generated from the syllable grammar written down in
//! docs/syllables.md: every initial × rhyme × tone that the standard orthography permits,
//! with the tone mark at every place one of the two placement styles puts it.
//!
//! This is deliberately written from the grammar (lists of rhymes and the spelling rules
//! for initials), not from `vietref::text::syllable`, so that tests can hold the library's
//! judgement of a word against it.
#![allow(dead_code)]

use std::collections::BTreeSet;

/// Written initials (the empty string is "no initial").
pub const INITIALS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Rhymes as written after an ordinary consonant (not `qu`, not `gi`), without the glide
/// `o`/`u` of the rounded rhymes, which are listed in [`ROUNDED`].
pub const PLAIN: &[&str] = &[
    // a ă â
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", //
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", //
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", //
    // e ê i y
    "e", "ec", "em", "en", "eng", "eo", "ep", "et", //
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", //
    "i", "ich", "im", "in", "inh", "ip", "it", "iu", "y", //
    // o ô ơ, and the long oo of loan words (xoong, moóc)
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong", //
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", //
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", //
    // u ư
    "u", "uc", "ui", "um", "un", "ung", "up", "ut", //
    "ư", "ưc", "ưi", "ưng", "ưt", "ưu", //
    // the diphthongs iê (ia), uô (ua), ươ (ưa)
    "ia", "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", //
    "ua", "uôc", "uôi", "uôm", "uôn", "uông", "uôt", //
    "ưa", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
];

/// Rounded rhymes (with the glide written `o` before a ă e, `u` otherwise).
pub const ROUNDED: &[&str] = &[
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oap", "oat", "oay", //
    "oăc", "oăm", "oăn", "oăng", "oăt", //
    "oe", "oen", "oeo", "oet", //
    "uân", "uâng", "uât", "uây", //
    "uê", "uêch", "uên", "uênh", "uêt", //
    "uy", "uych", "uynh", "uyt", "uyu", "uya", "uyên", "uyêt", //
    "uơ",
];

/// Initials after which a rounded rhyme never stands: the lips are already rounded (b m p
/// ph v), `c`/`k`/`q` are written `qu`, and `gh ngh gi` (front spellings).
const NO_ROUNDED: &[&str] = &["b", "m", "p", "ph", "v", "c", "k", "gh", "ngh", "gi", "qu"];

/// Whether a written rhyme starts with a front vowel (`e ê i y`, `iê`, `ia`): the spelling
/// `k gh ngh` stands before it, `c g ng` before anything else.
fn front(rhyme: &str) -> bool {
    matches!(rhyme.chars().next(), Some('e' | 'ê' | 'i' | 'y'))
}

/// Every (initial, rhyme) pair as written, toneless.
pub fn toneless() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    let mut add = |i: &str, r: &str| {
        out.insert((i.to_string(), r.to_string()));
    };
    for &ini in INITIALS {
        for &r in PLAIN {
            match ini {
                // No initial: iê is written yê (yên, yêu), ia stays (ỉa).
                "" => {
                    if let Some(rest) = r.strip_prefix("iê") {
                        add("", &format!("yê{rest}"));
                    } else {
                        add("", r);
                    }
                }
                "c" | "g" | "ng" if front(r) => {}
                "k" | "gh" | "ngh" if !front(r) => {}
                // gh and ngh do not stand before y.
                "gh" | "ngh" if r.starts_with('y') => {}
                // qu: only the rounded rhymes (below), plus quốc and the i spellings (qui, quít).
                "qu" => {
                    if matches!(r, "uôc") {
                        add("qu", "ôc");
                    }
                    if matches!(r, "i" | "it") {
                        add("qu", r);
                    }
                }
                // gi + a rhyme that starts with i: the i is the initial's (gì, gìn, giếng).
                "gi" => {
                    if let Some(rest) = r.strip_prefix('i') {
                        if matches!(r, "i" | "im" | "in") || r.starts_with("iê") {
                            add("g", &format!("i{rest}"));
                        }
                    } else if r != "y" {
                        add("gi", r);
                    }
                }
                _ => add(ini, r),
            }
        }
        for &r in ROUNDED {
            match ini {
                "qu" => {
                    // The glide is the u of qu: qua, quăn, que, quân, quê, quy, quyên, quơ.
                    let rest = &r[r.char_indices().nth(1).map_or(r.len(), |(i, _)| i)..];
                    if !matches!(r, "uyu" | "uya") {
                        add("qu", rest);
                    }
                }
                i if NO_ROUNDED.contains(&i) => {}
                // g is rounded only in goá, goà (widowed): a, not the other rhymes.
                "g" if !r.starts_with("oa") => {}
                _ => add(ini, r),
            }
        }
    }
    out
}

/// The letters that carry a quality mark.
fn quality(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

fn vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// The places (indices into the rhyme's vowels) where the tone mark may be written:
/// on the last vowel with a quality mark; else the middle of three; else the second of
/// two before a final consonant; open `oa oe uy` in both styles; else the first.
fn tone_places(rhyme: &str) -> Vec<usize> {
    let vowels: Vec<char> = rhyme.chars().take_while(|&c| vowel(c)).collect();
    let has_final = rhyme.chars().count() > vowels.len();
    if vowels.len() == 1 {
        return vec![0];
    }
    if let Some(i) = vowels.iter().rposition(|&c| quality(c)) {
        return vec![i];
    }
    if vowels.len() == 3 || has_final {
        return vec![1];
    }
    let v: String = vowels.iter().collect();
    if matches!(v.as_str(), "oa" | "oe" | "uy") {
        return vec![0, 1];
    }
    vec![0]
}

/// Tone marks: grave, acute, tilde, hook above, dot below.
pub const MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Every syllable the orthography permits, lower-case NFC, with each tone and each
/// accepted placement of its mark.
pub fn inventory() -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = BTreeSet::new();
    for (ini, rhyme) in toneless() {
        let stop = matches!(
            rhyme.chars().last(),
            Some('c' | 'p' | 't') | Some('h') if !rhyme.ends_with("nh")
        );
        out.insert(format!("{ini}{rhyme}"));
        for (k, &m) in MARKS.iter().enumerate() {
            // A stop final (c ch p t) takes only the acute and the dot below.
            if stop && !matches!(k, 1 | 4) {
                continue;
            }
            for place in tone_places(&rhyme) {
                let mut s = String::from(ini.as_str());
                let mut vi = 0;
                for c in rhyme.chars() {
                    s.push(c);
                    if vowel(c) && vi < usize::MAX {
                        if vi == place {
                            s.push(m);
                            vi = usize::MAX;
                        } else {
                            vi += 1;
                        }
                    }
                }
                out.insert(s.nfc().collect());
            }
        }
    }
    out.into_iter().collect()
}

/// The syllable with its first letter upper-case.
pub fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
