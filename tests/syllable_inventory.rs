//! The syllable inventory generated from the grammar (tests/common/syllables.rs, written
//! down in docs/syllables.md) against the library: `text::syllable::is_well_formed` (the
//! judgement the encoding detector scores with) accepts exactly the inventory, on every
//! word the parser's building blocks can form and on random letter strings; and no
//! syllable of the inventory is detected confidently wrong in any encoding.

mod common;

use common::syllables::{capitalized, inventory, MARKS};
use common::Rng;
use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;
use vietref::legacy::{detect, encode, Encoding};
use vietref::text::syllable::{is_well_formed, parse, ToneStyle};

#[test]
fn the_inventory_is_what_the_grammar_says() {
    let inv = inventory();
    // Spot checks of the grammar itself: the words of issue 20, and words it must refuse.
    for w in [
        "giếng", "giêng", "giềng", "giếc", "giết", "gì", "gìn", "già", "giữa", "quốc", "quý",
        "quyển", "khuya", "khuỷu", "ngoằn", "nghĩa", "kỳ", "yêu", "ỉa", "uyên", "xoong", "thuở",
        "huých", "quỳnh", "goá", "nguyễn", "hoà", "hòa", "thuỷ", "thủy", "người", "rượu",
    ] {
        assert!(inv.binary_search(&w.to_string()).is_ok(), "{w} missing");
    }
    for w in [
        "haunh",
        "êng",
        "cem",
        "kan",
        "ghy",
        "quu",
        "buê",
        "boa",
        "tyên",
        "iên",
        "gi\u{0300}ay",
        "hoà\u{0300}",
        "uà",
        "quì\u{0301}",
        "gich",
        "onh",
        "ưp",
        "ơc",
        "taị",
        "hõc",
    ] {
        let w: String = w.nfc().collect();
        assert!(
            inv.binary_search(&w).is_err(),
            "{w} should not be a syllable"
        );
    }
    // About 16 000 written forms: initial × rhyme × tone × placement.
    assert!((12_000..25_000).contains(&inv.len()), "{}", inv.len());
}

#[test]
fn well_formed_accepts_exactly_the_inventory() {
    let inv: HashSet<String> = inventory().into_iter().collect();
    for w in &inv {
        assert!(parse(w).is_some(), "{w}: the parser refuses it");
        // Either tone style writes another form of the inventory.
        for style in [ToneStyle::Traditional, ToneStyle::MainVowel] {
            let again = parse(w).unwrap().to_string_with(style);
            assert!(inv.contains(&again), "{w} in {style:?} is {again}");
        }
        assert!(is_well_formed(w), "{w}: refused");
        assert!(is_well_formed(&capitalized(w)), "{w}: capitalized refused");
        assert!(is_well_formed(&w.to_uppercase()), "{w}: capitals refused");
    }
    // Every word the parser's pieces can form: each written initial × each vowel cluster it
    // knows × each final × each tone on each vowel.
    let initials = common::syllables::INITIALS;
    let clusters = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu",
        "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ôô", "ua",
        "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai",
        "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "oao",
    ];
    let finals = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    let mut checked = 0;
    let mut wrong = Vec::new();
    for ini in initials {
        for nu in clusters {
            for fi in finals {
                let vowels = nu.chars().count();
                let mut forms = vec![format!("{ini}{nu}{fi}")];
                for m in MARKS {
                    for at in 0..vowels {
                        let mut s = String::from(*ini);
                        for (k, c) in nu.chars().enumerate() {
                            s.push(c);
                            if k == at {
                                s.push(m);
                            }
                        }
                        s.push_str(fi);
                        forms.push(s.nfc().collect());
                    }
                }
                for w in forms {
                    checked += 1;
                    if is_well_formed(&w) != inv.contains(&w) {
                        wrong.push(format!("{w}: library {}", is_well_formed(&w)));
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} disagreements: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(60)]
    );
    assert!(checked > 100_000, "{checked}");
}

#[test]
fn random_letter_strings_agree_with_the_inventory() {
    let inv: HashSet<String> = inventory().into_iter().collect();
    let letters: Vec<char> = "abcdđeghiklmnopqrstuvxyăâêôơư".chars().collect();
    let mut rng = Rng::new(20);
    let mut accepted = 0;
    for _ in 0..200_000 {
        let len = 1 + rng.below(6);
        let mut s = String::new();
        for _ in 0..len {
            s.push(letters[rng.below(letters.len())]);
        }
        if rng.chance(1, 2) {
            let chars: Vec<char> = s.chars().collect();
            let at = rng.below(chars.len());
            s = chars[..=at].iter().collect::<String>()
                + &MARKS[rng.below(5)].to_string()
                + &chars[at + 1..].iter().collect::<String>();
        }
        let s: String = s.nfc().collect();
        let lib = is_well_formed(&s);
        accepted += lib as u32;
        assert_eq!(lib, inv.contains(&s), "{s}");
    }
    assert!(accepted > 100, "{accepted}");
}

/// Detection of every syllable of the inventory, alone, in every encoding that can write
/// it: never a wrong text without the `ambiguous` flag.
#[test]
fn no_syllable_is_detected_confidently_wrong() {
    let encodings = [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Vps,
        Encoding::Cp1258,
        Encoding::Viqr,
        Encoding::Utf8,
        Encoding::Utf8AsCp1252,
    ];
    let mut wrong = Vec::new();
    for w in inventory() {
        for form in [w.clone(), capitalized(&w)] {
            for enc in encodings {
                let Ok(bytes) = encode(&form, enc) else {
                    continue;
                };
                let d = detect(&bytes);
                // VIQR's `'` `?` `.` after the last letter read as punctuation when nothing
                // else in the input is VIQR (`Ha Noi.` stays as typed): plain ASCII, not a
                // wrong reading.
                let ascii_as_typed = enc == Encoding::Viqr && d.text.as_bytes() == bytes;
                if d.text != form && !d.ambiguous && !ascii_as_typed {
                    wrong.push(format!("{form} in {enc}: {} ({})", d.text, d.encoding));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} confidently wrong: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(40)]
    );
}
