//! Payee look-alikes (issue 18): a shown name whose confusable skeleton (NFKC, UTS #39,
//! case-blind) equals the registered name's, or its accent-free form's, but whose text
//! differs is LOOKALIKE, an error, however many characters were swapped, with every
//! swapped character named.

use vietref::text::{self, check_payee_name, compare_payee_name, NameComparison};
use vietref::vietqr::{verify_payee, Payee, VietQr};
use vietref::Code;

const REGISTERED: &str = "Trường THCS Hòa Bình";

fn verify(shown: &str) -> Vec<vietref::Finding> {
    let payee = Payee::new("970416", "224528479", REGISTERED);
    let mut qr = VietQr::new("970416", "224528479");
    qr.merchant_name = Some(shown.to_owned().into());
    verify_payee(&qr, &payee)
}

#[test]
fn the_cases_of_the_issue() {
    // (shown, swapped positions)
    let cases: &[(&str, &[usize])] = &[
        ("TRUONG THCS HOA \u{FF22}INH", &[17]),     // full-width B
        ("TRUONG THCS HOA \u{1D401}INH", &[17]),    // mathematical bold B
        ("TRUONG T\u{04BA}CS HOA BINH", &[9]),      // Cyrillic capital shha for H
        ("TRU0NG THC5 H0A B1NH", &[4, 11, 14, 18]), // four digits for letters
        ("TRU0NG THCS HOA BINH", &[4]),             // one digit
        ("TRUONG THCS H\u{041E}A BINH", &[14]),     // Cyrillic O
        ("TRUONG THCS HOA B\u{0399}NH", &[18]),     // Greek Iota
        ("TRUONG THCS HOA BIN\u{13BB}", &[20]),     // Cherokee HE
        ("TRUONG THC\u{0405} HOA BINH", &[11]),     // Cyrillic DZE for S
        ("Trường THCS Hòa Bình\u{200B}", &[21]),    // zero-width space
        ("TRUONG THC5 HOA 8INH", &[11, 17]),        // 5 for S, 8 for B
        ("Trường THCS Hòa \u{0392}ình", &[17]),     // Greek capital beta
    ];
    for &(shown, swaps) in cases {
        let c = check_payee_name(shown, REGISTERED);
        assert_eq!(c.comparison, NameComparison::Lookalike, "{shown}");
        let at: Vec<usize> = c.swapped.iter().map(|s| s.0).collect();
        assert_eq!(at, swaps, "{shown}: {:?}", c.swapped);
        let f = verify(shown);
        assert_eq!(f.len(), 1, "{shown}: {f:?}");
        assert_eq!(f[0].code, Code::VietqrPayeeLookalike, "{shown}");
        assert!(f[0].is_error());
        for &(pos, ch) in &c.swapped {
            let d = vietref::finding::describe_char(ch);
            let m = f[0].message_en();
            assert!(m.contains(&format!("{d} at character {pos}")), "{m}");
            assert!(f[0]
                .message_vi()
                .contains(&format!("{d} tại ký tự thứ {pos}")));
        }
    }
    // What passes and what is only different.
    for ok in [
        "TRUONG THCS HOA BINH",
        "TRƯỜNG THCS HÒA BÌNH",
        "Trường  THCS Hoà Bình",
    ] {
        assert!(verify(ok).is_empty(), "{ok}: {:?}", verify(ok));
    }
    assert_eq!(
        compare_payee_name("TRƯỜNG THCS HÒA BÌNH", REGISTERED),
        NameComparison::Same
    );
    let f = verify("TRUONG THCS AN BINH");
    assert_eq!(f[0].code, Code::VietqrPayeeNameDifferent);
    assert_eq!(
        compare_payee_name("TRUONG THCS AN BINH", REGISTERED),
        NameComparison::Different
    );
}

/// The letters of Vietnamese (base letters; marks are compared as marks).
const LETTERS: &str = "ABCDEGHIKLMNOPQRSTUVXYđĐ";

/// Every character of other scripts that the confusables data (or vietref's digit
/// additions) makes look like a Vietnamese letter is LOOKALIKE when swapped in, alone,
/// and named; scanned over Cyrillic, Greek, Armenian, Cherokee, Lisu, Latin extensions,
/// IPA, full-width and mathematical letters, and the digits.
#[test]
fn every_confusable_of_a_vietnamese_letter_is_a_lookalike() {
    let ranges: &[(u32, u32, &str)] = &[
        (0x0370, 0x03FF, "Greek"),
        (0x1F00, 0x1FFF, "Greek extended"),
        (0x0400, 0x052F, "Cyrillic"),
        (0x0530, 0x058F, "Armenian"),
        (0x13A0, 0x13FF, "Cherokee"),
        (0xAB70, 0xABBF, "Cherokee"),
        (0xA4D0, 0xA4FF, "Lisu"),
        (0x0180, 0x024F, "Latin extended"),
        (0x0250, 0x02AF, "IPA"),
        (0x1D00, 0x1DBF, "phonetic"),
        (0x2C60, 0x2C7F, "Latin extended-C"),
        (0xA720, 0xA7FF, "Latin extended-D"),
        (0xFF21, 0xFF5A, "full-width"),
        (0x1D400, 0x1D6A3, "mathematical"),
        (0x30, 0x39, "digit"),
    ];
    let mut found: std::collections::BTreeMap<char, Vec<char>> = Default::default();
    for &(lo, hi, _) in ranges {
        for u in lo..=hi {
            let Some(c) = char::from_u32(u) else { continue };
            if c.is_control() || !(c.is_alphanumeric()) {
                continue;
            }
            let sk = text::skeleton(&c.to_string());
            for l in LETTERS.chars() {
                if c == l || c.to_uppercase().eq(l.to_uppercase()) {
                    continue;
                }
                if sk == text::skeleton(&l.to_string()) {
                    found.entry(l).or_default().push(c);
                }
            }
        }
    }
    let total: usize = found.values().map(Vec::len).sum();
    assert!(total > 300, "only {total} confusables found: {found:?}");
    for must in "ABCEHIKMOPSTXY".chars() {
        assert!(found.contains_key(&must), "no confusable of {must}");
    }
    for (l, cs) in &found {
        let registered = format!("THCS {l}A");
        for &c in cs {
            let shown = format!("THCS {c}A");
            let r = check_payee_name(&shown, &registered);
            assert_eq!(
                r.comparison,
                NameComparison::Lookalike,
                "{c:?} U+{:04X} for {l}",
                c as u32
            );
            // (named in NFC: U+1FBE is named as U+03B9)
            assert_eq!(r.swapped.len(), 1, "{c:?} for {l}: {:?}", r.swapped);
            assert_eq!(r.swapped[0].0, 6, "{c:?} for {l}");
        }
    }
}

/// However many letters are swapped, the result is LOOKALIKE and names each of them.
#[test]
fn any_number_of_swaps_is_a_lookalike() {
    let registered = "BENH VIEN DA KHOA TINH HOA BINH";
    let swaps: &[(char, char)] = &[
        ('O', '0'),
        ('I', '1'),
        ('S', '5'),
        ('B', '8'),
        ('A', 'А'),
        ('E', 'Е'),
        ('H', 'Н'),
        ('K', 'К'),
        ('N', 'Ν'),
        ('T', 'Т'),
    ];
    let chars: Vec<char> = registered.chars().collect();
    let candidates: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| swaps.iter().any(|s| s.0 == **c))
        .map(|(i, _)| i)
        .collect();
    // Every prefix of the candidate positions, swapped: 1 to all of them.
    for n in 1..=candidates.len() {
        let mut shown = chars.clone();
        for &i in &candidates[..n] {
            shown[i] = swaps.iter().find(|s| s.0 == chars[i]).unwrap().1;
        }
        let shown: String = shown.into_iter().collect();
        let r = check_payee_name(&shown, registered);
        assert_eq!(r.comparison, NameComparison::Lookalike, "{shown}");
        let at: Vec<usize> = r.swapped.iter().map(|s| s.0 - 1).collect();
        assert_eq!(at, candidates[..n].to_vec(), "{shown}");
    }
}

/// The confusables data's version is stated.
#[test]
fn the_data_version_is_known() {
    assert!(text::CONFUSABLES_UNICODE_VERSION >= (15, 0, 0));
}
