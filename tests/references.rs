//! Invoice references: vectors, exhaustive error detection, classification, findings,
//! round trips and robustness.

use proptest::prelude::*;
use serde_json::Value;
use vietref::reference::{code, einvoice, iso7064, mst, rf, InvoiceRef, RefError, Scheme};
use vietref::Code;

fn vectors() -> Value {
    serde_json::from_str(include_str!("data/references.json")).unwrap()
}

fn strs(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn payment_code_vectors() {
    let v = vectors();
    let codes = v["payment_codes"].as_array().unwrap();
    assert_eq!(codes.len(), 8);
    for c in codes {
        let (prefix, body, expect) = (
            c["prefix"].as_str().unwrap(),
            c["body"].as_str().unwrap(),
            c["code"].as_str().unwrap(),
        );
        assert_eq!(code::create(prefix, body).unwrap().as_str(), expect);
        let scheme = Scheme::new(prefix, body.len()).unwrap();
        assert_eq!(scheme.create(body).unwrap().as_str(), expect);
        let parsed = code::validate(expect).unwrap();
        assert_eq!((parsed.prefix(), parsed.body()), (prefix, body));
        assert_eq!(
            scheme.validate(&expect.to_lowercase()).unwrap().as_str(),
            expect
        );
        assert!(code::is_valid(expect));
        // The defining property: the number the code spells is 1 mod 97.
        assert_eq!(iso7064::remainder(expect), Ok(1));
    }
}

#[test]
fn rf_vectors() {
    let v = vectors();
    for s in strs(&v, "rf_valid") {
        let r = rf::validate(&s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(r.as_str(), s.replace(' ', ""));
        assert_eq!(rf::create(r.body()).unwrap(), r, "{s}");
        assert!(rf::is_valid(&s));
    }
    for s in strs(&v, "rf_invalid") {
        assert!(!rf::is_valid(&s), "{s}");
    }
    assert_eq!(
        rf::validate("RF19539007547034"),
        Err(RefError::InvalidChecksum)
    );
    assert!(matches!(
        rf::validate("RF1"),
        Err(RefError::InvalidLength { .. })
    ));
    assert!(matches!(
        rf::validate("RF18 5390 0754 7034 0000 0000 0000"),
        Err(RefError::InvalidLength { .. })
    ));
    assert!(matches!(
        rf::validate("XX18539007547034"),
        Err(RefError::InvalidPrefix { .. })
    ));
}

#[test]
fn tax_code_vectors() {
    let v = vectors();
    for s in strs(&v, "tax_code_valid") {
        assert!(mst::is_valid(&s), "{s}");
        assert_eq!(
            mst::format(&format!("{s}-001")).unwrap(),
            format!("{s}-001")
        );
    }
    for s in strs(&v, "tax_code_invalid") {
        assert!(!mst::is_valid(&s), "{s}");
    }
    assert_eq!(mst::validate("0100233487"), Err(RefError::InvalidChecksum));
    assert!(matches!(
        mst::validate("010023348"),
        Err(RefError::InvalidLength { len: 9, .. })
    ));
}

const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Every single-character substitution (by a character of the same class when
/// `same_class`: digit for digit, letter for letter) and every adjacent transposition of `s`
/// fails `valid`.
fn assert_detects(s: &str, same_class: bool, valid: impl Fn(&str) -> bool) {
    let b = s.as_bytes();
    assert!(valid(s));
    for i in 0..b.len() {
        for &r in ALNUM {
            if r == b[i] || (same_class && r.is_ascii_digit() != b[i].is_ascii_digit()) {
                continue;
            }
            let mut m = b.to_vec();
            m[i] = r;
            let m = String::from_utf8(m).unwrap();
            assert!(!valid(&m), "substitution {s} -> {m} passes");
        }
        if i + 1 < b.len() && b[i] != b[i + 1] {
            let mut m = b.to_vec();
            m.swap(i, i + 1);
            let m = String::from_utf8(m).unwrap();
            assert!(!valid(&m), "transposition {s} -> {m} passes");
        }
    }
}

#[test]
fn payment_codes_detect_every_substitution_and_transposition() {
    let v = vectors();
    for c in v["payment_codes"].as_array().unwrap() {
        let code = c["code"].as_str().unwrap();
        // Against its scheme (what extract and parse_with use): every substitution.
        let scheme = code::validate(code).unwrap().scheme();
        assert_detects(code, false, |s| scheme.validate(s).is_ok());
        // Without a scheme, a letter for a digit at the prefix's end can spell a valid code
        // of another scheme (BVK5585595612 -> BVKY585595612 is a BVKY:7 code), so the
        // guarantee is for same-class substitutions.
        assert_detects(code, true, code::is_valid);
        assert!(code::is_valid("BVKY585595612"));
    }
}

#[test]
fn rf_detects_every_substitution_and_transposition() {
    for s in [
        "RF18539007547034",
        "RF20EZEC2PHY",
        "RF11HYNSUV02",
        "RF55AQB6DD98",
        "RF38NRDDF3VPWX7QUWU7A9AK1",
    ] {
        // ISO 7064 guarantees detection on the digit string; a letter for a digit changes its
        // length (RF18539007547034 -> RF1853900754K034 passes), so the guarantee is for
        // same-class substitutions and for transpositions.
        assert_detects(s, true, rf::is_valid);
    }
    assert!(rf::is_valid("RF1853900754K034"));
}

#[test]
fn schemes_refuse_confusable_letters() {
    for p in ["HO", "VIP", "LP", "hl"] {
        let e = Scheme::new(p, 6).unwrap_err();
        assert!(matches!(e, RefError::InvalidPart { .. }), "{p}");
        assert!(
            e.message_vi().contains("O, I, L") || e.message_vi().contains("O, I"),
            "{}",
            e.message_vi()
        );
    }
    assert!(code::create("BHYT", "123456").is_ok());
    // A code whose prefix holds O is never valid (no scheme can make one).
    assert!(!code::is_valid("HO12345678"));
}

#[test]
fn errors_have_both_languages() {
    let cases = [
        rf::validate(""),
        rf::validate("RF18#"),
        rf::validate("RF19539007547034"),
        rf::validate("RFAB1"),
    ];
    for e in cases.into_iter().map(|r| r.unwrap_err()) {
        assert!(!e.to_string().is_empty());
        assert!(!e.message_vi().is_empty());
        assert_ne!(e.to_string(), e.message_vi());
    }
    let e = code::validate("HP7184097675").unwrap_err();
    assert_eq!(
        e.to_string(),
        "the check digits do not match (a typing error?)"
    );
    assert_eq!(
        e.message_vi(),
        "chữ số kiểm tra không khớp (có thể gõ nhầm?)"
    );
    let e = code::validate("HP#7").unwrap_err();
    assert_eq!(e, RefError::InvalidChar { ch: '#', pos: 3 });
}

#[test]
fn einvoice_forms_and_legacy() {
    for s in [
        "1C24TAA-1234",
        "1C24TAA 00001234",
        "1C24TAA.1234",
        "1c24taa-1234",
        "1C24TAA1234",
    ] {
        let e = einvoice::validate(s).unwrap();
        assert_eq!(e.as_str(), "1C24TAA1234");
        assert_eq!(e.format(), "1C24TAA-00001234");
        assert_eq!(e.template(), Some(1));
        assert_eq!(e.number(), 1234);
    }
    let k = einvoice::validate("2K23DXY-99999999").unwrap();
    assert_eq!(k.series().to_string(), "K23DXY");
    let l = einvoice::validate("AA/23T-0001234").unwrap();
    assert!(l.is_legacy());
    assert_eq!(
        (l.as_str(), l.format().as_str()),
        ("AA/23T1234", "AA/23T-0001234")
    );
    assert!(!einvoice::is_valid("AA/23T-12345678"));
    assert!(!einvoice::is_valid("0C24TAA-1"));
    assert!(!einvoice::is_valid("1C24TAA"));
}

fn codes(f: &[vietref::Finding]) -> Vec<&'static str> {
    f.iter().map(|f| f.code.key()).collect()
}

#[test]
fn classification() {
    let hp: Scheme = "HP:8".parse().unwrap();
    let schemes = [hp, "VP:10".parse().unwrap()];
    let (r, f) = InvoiceRef::parse_with("HP7184097674", "invoice", &schemes);
    assert_eq!(r.unwrap().kind(), "payment_code");
    assert!(f.is_empty());
    let (r, f) = InvoiceRef::parse_with("hp 7184 0976 74", "invoice", &schemes);
    assert_eq!(r.unwrap().as_str(), "HP7184097674");
    assert_eq!(codes(&f), ["invoice.normalized"]);
    // Without schemes a payment code is an opaque code.
    let (r, _) = InvoiceRef::parse("HP7184097674", "invoice");
    assert_eq!(r.unwrap().kind(), "opaque");
    // A prefix no scheme has: opaque.
    let (r, _) = InvoiceRef::parse_with("BVK5585595612", "invoice", &schemes);
    assert_eq!(r.unwrap().kind(), "opaque");
    let (r, f) = InvoiceRef::parse("RF18 5390 0754 7034", "invoice");
    let r = r.unwrap();
    assert_eq!(
        (r.kind(), r.as_str(), r.format().as_str()),
        ("rf", "RF18539007547034", "RF18 5390 0754 7034")
    );
    assert_eq!(codes(&f), ["invoice.normalized"]);
    let (r, _) = InvoiceRef::parse("1C24TAA-1234", "invoice");
    assert_eq!(r.unwrap().kind(), "einvoice");
    let (r, _) = InvoiceRef::parse("AA/23T-0001234", "invoice");
    assert_eq!(r.unwrap().kind(), "einvoice");
    // A tax code is not an invoice reference.
    let (r, _) = InvoiceRef::parse("0100233488", "invoice");
    assert_eq!(r.unwrap().kind(), "opaque");
    let (r, f) = InvoiceRef::parse("HD-2024/0015", "invoice");
    assert_eq!(r.unwrap().as_str(), "HD-2024/0015");
    assert!(f.is_empty());
    // RF with other separators is not taken for an RF reference.
    let (r, _) = InvoiceRef::parse("RF12-2024", "invoice");
    assert_eq!(r.unwrap().kind(), "opaque");
}

#[test]
fn finding_invoice_check_digits() {
    let schemes = ["HP:8".parse::<Scheme>().unwrap()];
    let (r, f) = InvoiceRef::parse_with("HP7184097647", "invoice", &schemes);
    assert!(r.is_none());
    assert_eq!(codes(&f), ["invoice.check_digits"]);
    assert_eq!(f[0].code, Code::InvoiceCheckDigits);
    assert!(f[0].message_en().contains("HP7184097647"));
    let (r, f) = InvoiceRef::parse("RF19539007547034", "invoice");
    assert!(r.is_none());
    assert_eq!(codes(&f), ["invoice.check_digits"]);
}

#[test]
fn finding_invoice_code_length() {
    let schemes = ["HP:8".parse::<Scheme>().unwrap()];
    let (r, f) = InvoiceRef::parse_with("HP718409767", "invoice", &schemes);
    assert!(r.is_none());
    assert_eq!(codes(&f), ["invoice.code_length"]);
    assert_eq!(f[0].params.limit, Some(12));
    let (r, f) = InvoiceRef::parse("RF18539007547034000000000000", "invoice");
    assert!(r.is_none());
    assert_eq!(codes(&f), ["invoice.code_length"]);
    assert_eq!(f[0].params.limit, Some(25));
}

#[test]
fn finding_invoice_einvoice_like() {
    let (r, f) = InvoiceRef::parse("7C24TAA-1234", "invoice");
    assert_eq!(r.unwrap().kind(), "opaque");
    assert_eq!(codes(&f), ["invoice.einvoice_like"]);
    assert!(f[0].message_vi().contains("hóa đơn điện tử"));
}

#[test]
fn message_keeps_working() {
    let d = vietref::MessageDraft {
        sector: Some("health".into()),
        payer_name: Some("Trần Văn Cường".into()),
        reason: Some("Viện phí".into()),
        invoice: Some("RF18539007547034".into()),
        ..Default::default()
    };
    let m = d.validate().cleaned.unwrap();
    assert_eq!(m.invoice().kind(), "rf");
}

fn alnum_string(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALNUM.to_vec()), 1..=max)
        .prop_map(|v| String::from_utf8(v).unwrap())
}

proptest! {
    #[test]
    fn mod97_round_trips(payload in "[0-9A-Za-z]{1,30}", i in any::<prop::sample::Index>()) {
        let s = format!("{payload}{}", iso7064::check_string(&payload).unwrap());
        let compact = iso7064::validate(&s).unwrap();
        prop_assert_eq!(&compact, &s.to_ascii_uppercase());
        let printed = iso7064::format(&s).unwrap();
        prop_assert_eq!(iso7064::compact(&printed).unwrap(), compact.clone());
        prop_assert!(iso7064::is_valid(&printed));
        // Any single digit of the payload changed is caught.
        let at = i.index(s.len() - 2);
        let b = s.as_bytes()[at];
        if b.is_ascii_digit() {
            let mut changed = s.clone().into_bytes();
            changed[at] = b'0' + (b - b'0' + 1) % 10;
            prop_assert!(!iso7064::is_valid(std::str::from_utf8(&changed).unwrap()));
        }
    }

    #[test]
    fn rf_round_trips(body in alnum_string(21)) {
        let r = rf::create(&body).unwrap();
        prop_assert!(rf::is_valid(r.as_str()));
        prop_assert_eq!(rf::compact(&r.format()).unwrap(), r.as_str());
        prop_assert_eq!(rf::validate(&r.format()).unwrap(), r.clone());
        prop_assert_eq!(r.body(), body.as_str());
    }

    #[test]
    fn payment_code_round_trips(prefix in "[A-HJKM-NP-Z]{2,5}", body in "[0-9]{6,12}") {
        let c = code::create(&prefix, &body).unwrap();
        prop_assert_eq!(iso7064::remainder(c.as_str()), Ok(1));
        prop_assert_eq!(code::compact(&c.format()).unwrap(), c.as_str());
        prop_assert_eq!(code::validate(&c.format()).unwrap(), c.clone());
        prop_assert_eq!(c.scheme().validate(c.as_str()).unwrap(), c.clone());
        let scheme: Scheme = c.scheme().to_string().parse().unwrap();
        prop_assert_eq!(scheme, c.scheme());
    }

    #[test]
    fn einvoice_round_trips(t in 1u8..=6, k in "[CK]", y in 19u8..=99, ty in "[TDLMNBGH]", s in "[A-Z]{2}", n in 1u32..=99_999_999) {
        let written = format!("{t}{k}{y:02}{ty}{s}-{n}");
        let e = einvoice::validate(&written).unwrap();
        prop_assert_eq!(einvoice::compact(&e.format()).unwrap(), e.as_str());
        prop_assert_eq!(einvoice::validate(e.as_str()).unwrap(), e.clone());
        prop_assert_eq!(e.number(), n);
    }

    #[test]
    fn tax_code_round_trips(base in "[1-9][0-9]{8}", branch in proptest::option::of(1u16..=999)) {
        if let Some(c) = mst::check_digit(&base) {
            let s = match branch { Some(b) => format!("{base}{c}-{b:03}"), None => format!("{base}{c}") };
            if !s[2..9].chars().all(|c| c == '0') {
                let t = mst::validate(&s).unwrap();
                prop_assert_eq!(mst::compact(&t.format()).unwrap(), t.as_str());
            }
        }
    }

    #[test]
    fn nothing_panics(s in "\\PC{0,40}") {
        let _ = (rf::validate(&s), rf::compact(&s), rf::format(&s), rf::create(&s), rf::is_valid(&s));
        let _ = (code::validate(&s), code::compact(&s), code::format(&s), code::is_valid(&s), code::create(&s, &s));
        let _ = (einvoice::validate(&s), einvoice::compact(&s), einvoice::format(&s), einvoice::is_valid(&s));
        let _ = (mst::validate(&s), mst::compact(&s), mst::format(&s), mst::is_valid(&s), mst::check_digit(&s));
        let _ = (iso7064::remainder(&s), iso7064::check_digits(&s), iso7064::is_valid(&s));
        let _ = s.parse::<Scheme>();
        let schemes = ["HP:8".parse::<Scheme>().unwrap()];
        let _ = InvoiceRef::parse(&s, "invoice");
        let _ = InvoiceRef::parse_with(&s, "invoice", &schemes);
        if let Err(e) = rf::validate(&s) { let _ = (e.message_vi(), e.to_string()); }
        if let Err(e) = einvoice::validate(&s) { let _ = (e.message_vi(), e.to_string()); }
    }

    #[test]
    fn junk_is_not_accepted(s in "[A-Z0-9 .-]{0,30}") {
        // Whatever validates must be valid by the defining arithmetic.
        if let Ok(c) = code::validate(&s) { prop_assert_eq!(iso7064::remainder(c.as_str()), Ok(1)); }
        if let Ok(r) = rf::validate(&s) {
            let re = format!("{}{}", r.body(), &r.as_str()[..4]);
            prop_assert_eq!(iso7064::remainder(&re), Ok(1));
        }
    }
}

/// Check digits 00, 01 and 99 are never issued (98 minus a remainder 0..=96), yet a
/// reference with them can pass the mod 97 test (99 ≡ 02, 00 ≡ 97, 01 ≡ 98): the refusal
/// says that, not "a typing error?" (issue 18).
#[test]
fn rf_reserved_check_digits_say_what_is_wrong() {
    // RF0236, RF9772 and RF9854 are valid; the same bodies pass mod 97 with 99, 00, 01.
    for ok in ["RF0236", "RF9772", "RF9854"] {
        assert!(rf::is_valid(ok), "{ok}");
    }
    for bad in ["RF9936", "RF0072", "RF0154"] {
        let e = rf::validate(bad).unwrap_err();
        assert!(
            matches!(
                e,
                RefError::InvalidPart {
                    part: vietref::reference::Part::CheckDigits,
                    ..
                }
            ),
            "{bad}: {e:?}"
        );
        let en = e.message_en();
        assert!(en.contains("02 to 98") && !en.contains("typing"), "{en}");
        assert!(e.message_vi().contains("02 đến 98"), "{}", e.message_vi());
        // As an invoice of a message: its own finding code, in both languages.
        let (inv, f) = InvoiceRef::parse(bad, "invoice");
        assert!(inv.is_none());
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].code, Code::InvoiceRfCheckDigitsReserved);
        assert!(
            f[0].message_en().contains("never issues"),
            "{}",
            f[0].message_en()
        );
        assert!(!f[0].message_en().contains("typing"));
        assert!(f[0].message_vi().contains("không bao giờ cấp"));
    }
    // Digits that fail mod 97 are still a typing error.
    assert_eq!(rf::validate("RF0336"), Err(RefError::InvalidChecksum));
}
