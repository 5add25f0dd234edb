//! The shared text vectors (tests/data/text.json): names, bad names, tone styles, security.

use serde_json::Value;
use vietref::text::{self, ToneStyle};

fn vectors() -> Value {
    serde_json::from_str(include_str!("data/text.json")).expect("text.json parses")
}

#[test]
fn names_display_and_fold() {
    let v = vectors();
    let cases = v["names"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for c in cases {
        let input = c["input"].as_str().unwrap();
        let r = text::check_name(input, "payerName");
        assert_eq!(
            r.cleaned.as_deref(),
            c["name"].as_str(),
            "name of {input:?}: {:?}",
            r.findings
        );
        assert_eq!(
            text::fold(input),
            c["fold"].as_str().unwrap(),
            "fold of {input:?}"
        );
        // Every change is reported: a changed value has at least one warning.
        if r.cleaned.as_deref() != Some(input) {
            assert!(r.warnings().next().is_some(), "silent change of {input:?}");
        } else {
            assert!(r.findings.is_empty(), "{input:?}: {:?}", r.findings);
        }
    }
}

#[test]
fn bad_names_are_rejected_with_a_finding() {
    let v = vectors();
    for c in v["bad_names"].as_array().unwrap() {
        let input = c.as_str().unwrap();
        let r = text::check_name(input, "payerName");
        assert!(r.cleaned.is_none(), "{input:?} accepted");
        assert!(
            r.errors().next().is_some(),
            "{input:?} has no error finding"
        );
    }
}

#[test]
fn tone_styles() {
    let v = vectors();
    for c in v["tone"].as_array().unwrap() {
        let input = c["input"].as_str().unwrap();
        assert_eq!(
            text::retone(input, ToneStyle::Traditional),
            c["traditional"].as_str().unwrap(),
            "{input}"
        );
        assert_eq!(
            text::retone(input, ToneStyle::MainVowel),
            c["main_vowel"].as_str().unwrap(),
            "{input}"
        );
    }
}

#[test]
fn security_flags() {
    let v = vectors();
    for c in v["security"].as_array().unwrap() {
        let input = c["input"].as_str().unwrap();
        let flagged = !text::check_name(input, "payerName").is_valid();
        assert_eq!(flagged, c["flagged"].as_bool().unwrap(), "{input}");
    }
}
