//! Properties of the Vietnamese text pipeline.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vietref::text::{self, ToneStyle};

const INITIALS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô",
    "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi",
    "ươi", "ươu", "uyê",
];
const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
const TONES: &[&str] = &["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];

/// A string that is a Vietnamese syllable, with its tone written on a random vowel (so
/// misplaced marks are generated too), in random case and NFC or NFD.
fn syllable() -> impl Strategy<Value = String> {
    (
        0..INITIALS.len(),
        0..NUCLEI.len(),
        0..FINALS.len(),
        0..TONES.len(),
        any::<prop::sample::Index>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_filter_map("not a syllable", |(i, n, f, t, at, upper, nfd)| {
            let nucleus: Vec<char> = NUCLEI[n].chars().collect();
            let at = at.index(nucleus.len());
            let mut s = String::from(INITIALS[i]);
            for (k, c) in nucleus.iter().enumerate() {
                s.push(*c);
                if k == at {
                    s.push_str(TONES[t]);
                }
            }
            s.push_str(FINALS[f]);
            let s: String = if upper { s.to_uppercase() } else { s };
            let s: String = if nfd {
                s.nfd().collect()
            } else {
                s.nfc().collect()
            };
            text::is_syllable(&s).then_some(s)
        })
}

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(syllable(), 1..5).prop_map(|v| v.join(" "))
}

fn style() -> impl Strategy<Value = ToneStyle> {
    prop_oneof![Just(ToneStyle::Traditional), Just(ToneStyle::MainVowel)]
}

fn fold_shape_ok(s: &str) -> bool {
    s.is_empty()
        || (s.split(' ').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        }))
}

/// Names that exercise the shortcuts of the plain-name pass: marks on letters with and
/// without quality marks, before and after other such letters, words that are no syllable,
/// case changes, separators.
#[test]
fn plain_name_shortcut_agrees_on_chosen_names() {
    for s in [
        "aì",
        "Ắ'Iạ Ấ",
        "ìam",
        "Nguyễn Văn Cường",
        "Quốc",
        "ườơi",
        "ươời",
        "Ươi",
        "Ngoằn",
        "hòai",
        "qúy",
        "gìa",
        "baỏ",
        "lựơng",
        "Hữu",
        "Ước-Thuỵ",
        "NGUYỄN THỊ",
        "Bnam Ếê",
        "Phạm Ấu Ầu",
        "Tuấn'Anh",
        "Khuyến",
        "Thưởng",
        "Đặng Ẫn",
        "Yến",
        "ÊÊÊÊÊÊÊÊÊ",
    ] {
        assert_eq!(
            text::check_name(s, "n"),
            text::check_name_general(s, "n"),
            "{s}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn normalize_is_idempotent(s in "\\PC*") {
        let (once, _) = text::normalize(&s, "f");
        let (twice, findings) = text::normalize(&once, "f");
        prop_assert_eq!(&twice, &once);
        prop_assert!(findings.is_empty(), "second pass changed {:?}: {:?}", once, findings);
    }

    #[test]
    fn normalize_is_idempotent_on_any_chars(s in any::<String>()) {
        let (once, _) = text::normalize(&s, "f");
        let (twice, findings) = text::normalize(&once, "f");
        prop_assert_eq!(&twice, &once);
        prop_assert!(findings.is_empty());
    }

    #[test]
    fn names_are_idempotent(s in phrase()) {
        let r = text::check_name(&s, "n");
        let name = r.cleaned.expect("syllables make a valid name");
        let again = text::check_name(&name, "n");
        prop_assert_eq!(again.cleaned.as_deref(), Some(name.as_str()));
        prop_assert!(again.warnings().all(|f| f.code == vietref::Code::NameToneMisplaced));
    }

    #[test]
    fn plain_name_shortcut_agrees_with_the_general_path(s in phrase(), sep in "[ '-]", upper in any::<bool>()) {
        let s = s.replace(' ', &sep);
        let s = if upper { s.to_uppercase() } else { s };
        prop_assert_eq!(text::check_name(&s, "n"), text::check_name_general(&s, "n"));
    }

    #[test]
    fn plain_name_shortcut_agrees_on_any_text(s in prop_oneof!["\\PC{0,80}", "[a-zA-ZàÁạẢãăẮâẤđĐêẾôỐơỚưỨỳ '\\-]{0,90}"]) {
        prop_assert_eq!(text::check_name(&s, "n"), text::check_name_general(&s, "n"));
    }

    #[test]
    fn plain_name_shortcut_agrees_on_name_like_words(
        words in prop::collection::vec(prop_oneof![
            syllable(),
            // Long words, letters that never occur in a syllable, two tone marks, misplaced
            // and stacked tones, mixed case.
            "[a-zA-ZđĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]{1,12}",
            "(qu|gi|ngh|th|tr)?(o[àáảãạ]i|[òóỏõọ]ai|u[ỳýỷỹỵ]|[ùúủũụ]y|[ìíỉĩị]êu|uy[ềếểễệ]|ư[ờớởỡợ]|[ừứửữự]ơ)(n|ng|ch|c|t|p)?",
            "[fjwzFJWZ][aeiouyàảóọụ]{1,3}",
        ], 1..5),
        seps in prop::collection::vec("[ '\\-]", 4),
        case in 0..3u8,
    ) {
        let mut s = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                s.push_str(&seps[i - 1]);
            }
            s.push_str(w);
        }
        let s = match case {
            0 => s,
            1 => s.to_uppercase(),
            _ => s.to_lowercase(),
        };
        prop_assert_eq!(text::check_name(&s, "n"), text::check_name_general(&s, "n"));
    }

    #[test]
    fn clean_text_shortcut_agrees_with_the_general_path(s in prop_oneof![
        "\\PC{0,60}",
        any::<String>(),
        "[a-zA-Z0-9 .,`~\t'\\-àÁạẢãăẮâẤđĐêẾôỐơỚưỨỳǎ\u{00A0}\u{0301}\u{2019}\u{200B}ΑБＮ]{0,60}",
        "(Học phí|Viện phí|tháng|năm|Tiền ăn|khoa Nội| |  |\t|2024-2025|ΑΒC|Nguуễn|Ｈọc|ệ|\u{1E00}|\u{1EFF}|\u{0180}|\u{01BF}){0,8}",
    ]) {
        let [fast, general] = text::clean_kinds(&s);
        prop_assert_eq!(fast, general, "{:?}", s);
        prop_assert_eq!(text::check_text(&s, "r"), text::check_text_general(&s, "r"));
    }

    #[test]
    fn misplaced_tones_are_warned_exactly_when_a_syllable_has_one(s in phrase()) {
        let r = text::check_name(&s, "n");
        let warned = r.findings.iter().filter(|f| f.code == vietref::Code::NameToneMisplaced).count();
        let misplaced = s
            .split(' ')
            .filter(|w| !vietref::text::syllable::parse(w).expect("syllable").is_tone_well_placed())
            .count();
        prop_assert_eq!(warned, misplaced, "{}", s);
    }

    #[test]
    fn fold_nfd_equals_fold_nfc(s in "\\PC*") {
        let nfc: String = s.nfc().collect();
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(text::fold(&nfc), text::fold(&nfd));
    }

    #[test]
    fn fold_nfd_equals_fold_nfc_vietnamese(s in phrase()) {
        let nfc: String = s.nfc().collect();
        let nfd: String = s.nfd().collect();
        let f = text::fold(&nfc);
        prop_assert_eq!(&f, &text::fold(&nfd));
        prop_assert_eq!(f.split(' ').count(), s.split(' ').count());
    }

    #[test]
    fn fold_output_alphabet(s in any::<String>()) {
        let f = text::fold(&s);
        prop_assert!(fold_shape_ok(&f), "{:?} -> {:?}", s, f);
    }

    #[test]
    fn retone_last_style_wins(s in phrase(), a in style(), b in style()) {
        prop_assert_eq!(text::retone(&text::retone(&s, a), b), text::retone(&s, b));
    }

    #[test]
    fn retone_places_tones_well(s in phrase(), a in style()) {
        for w in text::retone(&s, a).split(' ') {
            let syl = vietref::text::syllable::parse(w).expect("still a syllable");
            prop_assert!(syl.is_tone_well_placed(), "{}", w);
        }
    }

    #[test]
    fn retone_keeps_letters(s in phrase(), a in style()) {
        prop_assert_eq!(text::fold(&text::retone(&s, a)), text::fold(&s));
    }

    #[test]
    fn key_ignores_style_case_and_form(s in phrase(), a in style()) {
        let k = text::key(&s);
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(&text::key(&text::retone(&s, a)), &k);
        prop_assert_eq!(&text::key(&s.to_uppercase()), &k);
        prop_assert_eq!(&text::key(&s.to_lowercase()), &k);
        prop_assert_eq!(&text::key(&nfd), &k);
        prop_assert_eq!(&text::key(&format!("  {}  ", s.replace(' ', "\t "))), &k);
    }

    #[test]
    fn key_separates_different_letters(a in phrase(), b in phrase()) {
        // Keys are equal exactly when the well-placed, lower-case NFC forms are equal.
        let norm = |s: &str| text::retone(&s.to_lowercase(), ToneStyle::MainVowel);
        prop_assert_eq!(text::key(&a) == text::key(&b), norm(&a) == norm(&b));
    }

    #[test]
    fn no_panic_on_any_string(s in any::<String>()) {
        let _ = text::check_name(&s, "n");
        let _ = text::check_text(&s, "n");
        let _ = text::key(&s);
        let _ = text::retone(&s, ToneStyle::MainVowel);
        let _ = text::looks_like(&s, "Nguyễn");
        let _ = text::compare_payee_name(&s, &s);
        let d = vietref::MessageDraft {
            sector: Some(s.clone()),
            payer_name: Some(s.clone()),
            beneficiary_name: Some(s.clone()),
            reason: Some(s.clone()),
            invoice: Some(s.clone()),
            amount: Some(serde_json::Value::String(s.clone())),
        };
        let _ = d.validate();
    }

    #[test]
    fn no_panic_on_bytes(b in prop::collection::vec(any::<u8>(), 0..200)) {
        let s = String::from_utf8_lossy(&b);
        let _ = text::check_name(&s, "n");
        let _ = text::fold(&s);
        let _ = text::key(&s);
        let _ = vietref::PaymentMessage::validate_json(&s);
    }

    #[test]
    fn combining_storms_do_not_panic(base in "[a-zA-Z]{0,3}", marks in prop::collection::vec(0x300u32..0x370, 0..300)) {
        let mut s = base.clone();
        let n = marks.len();
        for m in marks { s.push(char::from_u32(m).unwrap()); }
        let r = text::check_name(&s, "n");
        let _ = text::retone(&s, ToneStyle::MainVowel);
        prop_assert!(fold_shape_ok(&text::fold(&s)));
        // No Vietnamese letter carries more than two marks, so three or more cannot all attach.
        if n >= 3 {
            prop_assert!(!r.is_valid(), "{:?} accepted", s);
        }
    }
}
