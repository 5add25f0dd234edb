//! Detection on short text (issue 20): random phrases drawn from every syllable the
//! grammar allows (tests/common/syllables.rs, fixed seed), real personal names, and whole
//! files. Each target of the issue is held here; `cargo test --test detection_rates --
//! --nocapture` prints the measured rates (the README's table).

mod common;

use common::names::{real_name, real_name_parts};
use common::syllables::inventory;
use common::Rng;
use vietref::legacy::{detect, encode, encode_with, EncodeOptions, Encoding, Tcvn3Capitals};

const ENCODINGS: [Encoding; 5] = [
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viscii,
    Encoding::Vps,
    Encoding::Cp1258,
];

/// The bytes of `text` in `enc`, and the text those bytes stand for (TCVN3 writes toned
/// capitals with their lower-case codes, as `.VnTimeH` documents did).
fn bytes_of(text: &str, enc: Encoding) -> (Vec<u8>, String) {
    if let Ok(b) = encode(text, enc) {
        return (b, text.to_string());
    }
    let opts = EncodeOptions {
        tcvn3_capitals: Tcvn3Capitals::LowerCase,
    };
    let e = encode_with(text, enc, opts).expect("encodable");
    let shown = vietref::legacy::decode(&e.bytes, enc).unwrap();
    (e.bytes, shown)
}

#[derive(Default, Debug)]
struct Tally {
    right: u32,
    confidently_wrong: u32,
    total: u32,
    examples: Vec<String>,
}

impl Tally {
    fn add(&mut self, text: &str, enc: Encoding) {
        let (bytes, truth) = bytes_of(text, enc);
        let d = detect(&bytes);
        self.total += 1;
        if d.text == truth {
            self.right += 1;
        } else {
            if !d.ambiguous {
                self.confidently_wrong += 1;
            }
            if self.examples.len() < 8 {
                self.examples.push(format!(
                    "{truth} -> {} ({}{})",
                    d.text,
                    d.encoding,
                    if d.ambiguous { ", ambiguous" } else { "" }
                ));
            }
        }
    }
    fn rate(&self) -> f64 {
        100.0 * self.right as f64 / self.total as f64
    }
}

fn phrases(n: usize, count: usize, seed: u64) -> Vec<String> {
    let inv = inventory();
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            (0..n)
                .map(|_| rng.pick(&inv).as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn tally(texts: &[String], enc: Encoding) -> Tally {
    let mut t = Tally::default();
    for s in texts {
        t.add(s, enc);
    }
    t
}

/// Checks every encoding: no confidently wrong text, and at least `min[i]` % right for
/// `ENCODINGS[i]`.
fn check(label: &str, texts: &[String], min: [f64; 5]) {
    let mut failures = Vec::new();
    for (enc, min_rate) in ENCODINGS.into_iter().zip(min) {
        let t = tally(texts, enc);
        println!(
            "{label:<22} {:<7} {:6.2} % right, {} confidently wrong of {} {:?}",
            enc.name(),
            t.rate(),
            t.confidently_wrong,
            t.total,
            t.examples
        );
        if t.confidently_wrong > 0 || t.rate() < min_rate {
            failures.push(format!(
                "{enc}: {:.2} %, {} confidently wrong",
                t.rate(),
                t.confidently_wrong
            ));
        }
    }
    assert!(failures.is_empty(), "{label}: {failures:?}");
}

/// Whether the syllable frequency table is built in (`--features wordfreq`).
const WORDFREQ: bool = cfg!(feature = "wordfreq");

// Order of the minimums: TCVN3, VNI, VISCII, VPS, Windows-1258. Syllables drawn uniformly
// from the inventory are mostly rare or unattested, so how common a reading is (the
// frequency table) cannot tell which encoding wrote them; see `uniform_draws_bound`.

#[test]
fn single_syllables() {
    // The rates this build reaches: ties between readings are broken by how common the
    // words are, from the `wordfreq` table (CC BY-SA data, opt-in) or, by default, from
    // the smaller table of official texts and names (table_syllable_prior.rs). The names
    // below (tests/common/names.rs) are not a source of either table: a held-out set.
    check(
        "1 syllable",
        &phrases(1, 4000, 1),
        if WORDFREQ {
            [85.5, 95.5, 73.5, 79.5, 94.5]
        } else {
            [90.0, 95.0, 71.5, 72.5, 92.5]
        },
    );
}

#[test]
fn two_syllable_phrases() {
    check(
        "2 syllables",
        &phrases(2, 3000, 2),
        if WORDFREQ {
            [92.5, 99.0, 85.5, 88.5, 98.5]
        } else {
            [94.5, 98.5, 86.0, 84.0, 98.0]
        },
    );
}

#[test]
fn three_syllable_phrases() {
    check(
        "3 syllables",
        &phrases(3, 3000, 3),
        if WORDFREQ {
            [96.5, 99.9, 92.5, 93.5, 99.5]
        } else {
            [97.5, 99.5, 94.5, 91.5, 99.5]
        },
    );
}

#[test]
fn personal_names() {
    let mut rng = Rng::new(4);
    let names: Vec<String> = (0..4000)
        .map(|_| real_name(&mut |k| rng.below(k)))
        .collect();
    check(
        "names (2-4 syllables)",
        &names,
        if WORDFREQ {
            [99.5, 99.9, 98.9, 99.5, 99.9]
        } else {
            [99.9, 99.9, 99.5, 99.5, 99.9]
        },
    );
    // Each length on its own.
    let lengths = if WORDFREQ {
        [
            (2, [99.0, 99.9, 98.5, 98.5, 99.9]),
            (3, [99.5, 99.8, 98.9, 99.8, 99.9]),
            (4, [99.8, 99.9, 99.5, 99.9, 99.9]),
        ]
    } else {
        [
            (2, [99.7, 99.9, 99.6, 99.4, 99.9]),
            (3, [99.9, 99.8, 99.6, 99.6, 99.9]),
            (4, [99.9, 99.9, 99.8, 99.7, 99.9]),
        ]
    };
    for (n, min) in lengths {
        let names: Vec<String> = (0..2000)
            .map(|_| real_name_parts(&mut |k| rng.below(k), n))
            .collect();
        check(&format!("names of {n}"), &names, min);
    }
}

/// Why the single-syllable rates cannot all reach 90 % on uniform draws: a byte string
/// that is one well-formed syllable in TCVN3 and another in VISCII is right in at most one
/// of the two, whatever the detector does, since both syllables are drawn equally often.
/// More than a fifth of the inventory's TCVN3 syllables have such a VISCII twin; for
/// three-syllable phrases the same argument keeps the two from both reaching 98 %.
#[test]
fn uniform_draws_bound() {
    use std::collections::HashMap;
    let inv = inventory();
    let mut viscii: HashMap<Vec<u8>, &str> = HashMap::new();
    for s in &inv {
        viscii.insert(encode(s, Encoding::Viscii).unwrap(), s);
    }
    let twins = inv
        .iter()
        .filter(|s| {
            let b = encode(s, Encoding::Tcvn3).unwrap();
            viscii.get(&b).is_some_and(|v| v != s)
        })
        .count();
    let share = twins as f64 / inv.len() as f64;
    println!(
        "TCVN3/VISCII twins: {twins} of {} ({:.1} %)",
        inv.len(),
        100.0 * share
    );
    // TCVN3 and VISCII together lose `twins` of 2 × inv.len() draws: at least one of them
    // is below 90 % when twins > 20 % of the inventory.
    assert!(share > 0.2, "{share}");
    // Three syllables: a TCVN3 phrase is byte for byte a different VISCII phrase when each
    // word is a twin or reads the same (plain ASCII), and not all read the same. Both
    // phrases are equally likely, so the two encodings together lose that share of draws:
    // above 4 %, they cannot both reach 98 %.
    let same = inv
        .iter()
        .filter(|s| encode(s, Encoding::Tcvn3).unwrap() == encode(s, Encoding::Viscii).unwrap())
        .count() as f64
        / inv.len() as f64;
    let tied3 = (share + same).powi(3) - same.powi(3);
    println!("3-syllable TCVN3/VISCII twins: {:.1} %", 100.0 * tied3);
    assert!(tied3 > 0.04, "{tied3}");
}

/// A file of 20 lines in one encoding (names and random phrases mixed, or one random
/// syllable a line, the hardest case) is decoded right as a whole, every time.
#[test]
fn whole_files() {
    let inv = inventory();
    let mut rng = Rng::new(5);
    for enc in ENCODINGS {
        for file in 0..300 {
            let lines: Vec<String> = (0..20)
                .map(|_| {
                    if file % 3 == 0 {
                        rng.pick(&inv).clone()
                    } else if rng.chance(1, 2) {
                        real_name(&mut |k| rng.below(k))
                    } else {
                        (0..1 + rng.below(3))
                            .map(|_| rng.pick(&inv).as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    }
                })
                .collect();
            let text = lines.join("\n") + "\n";
            let (bytes, truth) = bytes_of(&text, enc);
            let d = detect(&bytes);
            assert_eq!(d.text, truth, "{enc}: {:?}", d.encoding);
        }
    }
}
