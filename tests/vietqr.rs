//! VietQR: vectors, CRC, lenient repair, properties, and one case per finding code.

mod common;
use common::crc::{crc_reference, with_crc};
use proptest::prelude::*;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;
use vietref::vietqr::{
    self, banks, decode, encode, verify_payee, AdditionalData, Initiation, Mode, Payee, Service,
    VietQr,
};
use vietref::{Code, Finding};

fn vectors() -> Value {
    serde_json::from_str(include_str!("data/vietqr.json")).expect("vector file")
}

fn keys(f: &[Finding]) -> Vec<&'static str> {
    f.iter().map(|f| f.code.key()).collect()
}

// ---------------------------------------------------------------- vectors

#[test]
fn vectors_decode_to_their_fields() {
    let v = vectors();
    for case in v["payloads"].as_array().unwrap() {
        let payload = case["payload"].as_str().unwrap();
        let r = decode(payload, Mode::Strict);
        assert!(r.findings.is_empty(), "{payload}: {:?}", r.findings);
        let qr = r.cleaned.expect("valid");
        assert_eq!(
            serde_json::to_value(&qr).unwrap(),
            case["fields"],
            "{payload}"
        );
        // lenient agrees and repairs nothing
        let l = decode(payload, Mode::Lenient);
        assert!(l.findings.is_empty());
        assert_eq!(l.cleaned.as_ref(), Some(&qr));
    }
}

#[test]
fn vector_fields_encode_to_their_payload_byte_for_byte() {
    let v = vectors();
    for case in v["payloads"].as_array().unwrap() {
        let qr: VietQr = serde_json::from_value(case["fields"].clone()).unwrap();
        assert_eq!(encode(&qr).unwrap(), case["payload"].as_str().unwrap());
    }
}

#[test]
fn crc_check_value() {
    let v = vectors();
    let input = v["crc_check"]["input"].as_str().unwrap();
    let expected = v["crc_check"]["crc16_ccitt_false"].as_str().unwrap();
    assert_eq!(format!("{:04X}", vietqr::crc16(input.as_bytes())), expected);
    assert_eq!(format!("{:04X}", crc_reference(input.as_bytes())), expected);
}

#[test]
fn vector_crcs_match_the_reference() {
    let v = vectors();
    for case in v["payloads"].as_array().unwrap() {
        let p = case["payload"].as_str().unwrap();
        let (body, crc) = p.split_at(p.len() - 4);
        assert_eq!(format!("{:04X}", crc_reference(body.as_bytes())), crc);
        assert_eq!(
            vietqr::crc16(body.as_bytes()),
            crc_reference(body.as_bytes())
        );
    }
}

#[test]
fn lenient_only_payloads() {
    let v = vectors();
    for case in v["lenient_only"].as_array().unwrap() {
        let p = case["payload"].as_str().unwrap();
        let strict = decode(p, Mode::Strict);
        assert!(strict.cleaned.is_none());
        assert!(
            keys(&strict.findings).contains(&"vietqr.length_mismatch"),
            "{:?}",
            strict.findings
        );

        let lenient = decode(p, Mode::Lenient);
        assert_eq!(keys(&lenient.findings), ["vietqr.length_repaired"]);
        let f = &lenient.findings[0];
        assert_eq!(f.field, "vietqr.38.01.01");
        assert!(!f.is_error());
        let qr = lenient.cleaned.expect("repaired");
        assert_eq!(qr.bank_bin, "970403");
        assert_eq!(qr.account_number, "0011012345678");
        assert_eq!(qr.service, Service::ToAccount);
        assert_eq!(qr.initiation, Initiation::Static);
        // Re-encoding writes the correct length (13) and a new CRC.
        let fixed = encode(&qr).unwrap();
        assert!(fixed.contains("0113001101234567802"));
        assert!(decode(&fixed, Mode::Strict).is_valid());
    }
}

#[test]
fn repair_is_refused_when_the_crc_does_not_verify() {
    let v = vectors();
    let p = v["lenient_only"][0]["payload"].as_str().unwrap();
    let bad = format!("{}F4E6", &p[..p.len() - 4]);
    let r = decode(&bad, Mode::Lenient);
    assert!(r.cleaned.is_none());
    assert!(keys(&r.findings).contains(&"vietqr.crc_mismatch"));
    assert!(!keys(&r.findings).contains(&"vietqr.length_repaired"));
}

#[test]
fn tags_in_any_order_and_unknown_tags_kept() {
    // 58 before 53, an unreserved template 80 and an unknown 62 sub-tag.
    let p = with_crc(
        "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC5802VN53037046209500501234800601O2ab",
    );
    let r = decode(&p, Mode::Strict);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let qr = r.cleaned.unwrap();
    assert_eq!(
        qr.unreserved.get("62.50").map(|v| v.as_ref()),
        Some("01234")
    );
    assert_eq!(qr.unreserved.get("80").map(|v| v.as_ref()), Some("01O2ab"));
    // encode writes ascending order: 53 before 58, 80 after 62, CRC last
    let out = encode(&qr).unwrap();
    assert!(
        out.contains("53037045802VN6209500501234800601O2ab6304"),
        "{out}"
    );
    assert!(out.ends_with(&format!(
        "{:04X}",
        crc_reference(&out.as_bytes()[..out.len() - 4])
    )));
}

#[test]
fn non_ascii_counts_characters_and_crc_over_utf8() {
    // "Hòa Bình" is 8 characters (10 UTF-8 bytes): the length field says 08.
    let p = with_crc("00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN5908Hòa Bình");
    // Strict decoding refuses non-ASCII text in 59 and 62.08 (issue 18); lenient reads it.
    let r = decode(&p, Mode::Strict);
    assert_eq!(
        keys(&r.findings),
        ["vietqr.non_ascii_read", "vietqr.non_ascii_strict"]
    );
    assert!(!r.is_valid());
    assert_eq!(r.findings[1].params.character, Some('ò'));
    let r = decode(&p, Mode::Lenient);
    assert_eq!(keys(&r.findings), ["vietqr.non_ascii_read"]);
    let qr = r.cleaned.unwrap();
    assert_eq!(qr.merchant_name.as_deref(), Some("Hòa Bình"));
    // vietref itself never writes it
    let e = encode(&qr).unwrap_err();
    assert_eq!(keys(&e), ["vietqr.non_ascii", "vietqr.non_ascii"]);
    assert_eq!(e[0].params.position, Some(2));
    assert_eq!(e[0].params.character, Some('ò'));
}

#[test]
fn builder_matches_the_vector() {
    let payee = Payee::new("970403", "0011012345678", "Trường THCS Hòa Bình");
    let r = VietQr::to_account(
        &payee,
        Some(180_000),
        Some("NPS6869"),
        Some("thanh toan don hang"),
    );
    let qr = r.cleaned.expect("valid");
    assert_eq!(
        encode(&qr).unwrap(),
        vectors()["payloads"][1]["payload"].as_str().unwrap()
    );
    assert!(verify_payee(&qr, &payee).is_empty());
    // static without amount
    let s = VietQr::to_account(&payee, None, None, None)
        .cleaned
        .unwrap();
    assert_eq!(s.initiation, Initiation::Static);
    // invalid inputs come back as findings
    let bad = VietQr::to_account(&payee, Some(0), None, Some("Học phí"));
    assert!(bad.cleaned.is_none());
    assert_eq!(
        keys(&bad.findings),
        ["vietqr.amount", "vietqr.non_ascii", "vietqr.non_ascii"]
    );
}

#[test]
fn bank_of_a_decoded_code() {
    let v = vectors();
    let qr = decode(v["payloads"][2]["payload"].as_str().unwrap(), Mode::Strict)
        .cleaned
        .unwrap();
    assert_eq!(qr.bank().unwrap().short_name, "ACB");
    assert_eq!(banks::lookup("á châu").unwrap().bin, "970416");
}

// ---------------------------------------------------------------- one case per code

fn valid() -> String {
    vectors()["payloads"][0]["payload"]
        .as_str()
        .unwrap()
        .to_string()
}

const BODY: &str =
    "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN";

fn strict(p: &str) -> Vec<Finding> {
    decode(p, Mode::Strict).findings
}

fn lenient(p: &str) -> Vec<Finding> {
    decode(p, Mode::Lenient).findings
}

fn enc(f: impl FnOnce(&mut VietQr<'static>)) -> Vec<Finding> {
    let mut q = VietQr::new("970403", "9704031101234567");
    f(&mut q);
    encode(&q).err().unwrap_or_default()
}

fn payee() -> Payee {
    Payee::new("970403", "9704031101234567", "Trường THCS Hòa Bình")
}

fn verify(f: impl FnOnce(&mut VietQr<'static>)) -> Vec<Finding> {
    let mut q = VietQr::new("970403", "9704031101234567");
    f(&mut q);
    verify_payee(&q, &payee())
}

#[test]
fn one_case_per_finding_code() {
    let lenient_example = vectors()["lenient_only"][0]["payload"]
        .as_str()
        .unwrap()
        .to_string();
    let p = valid();
    let lower = format!("{}4f52", &p[..p.len() - 4]);
    let cases: Vec<(&str, Vec<Finding>)> = vec![
        ("vietqr.truncated", strict(&p[..30])),
        ("vietqr.bad_tag", strict(&with_crc("0002010102113X"))),
        ("vietqr.bad_length", strict(&with_crc("000201011x11"))),
        ("vietqr.length_mismatch", strict(&lenient_example)),
        ("vietqr.length_repaired", lenient(&lenient_example)),
        ("vietqr.crc_missing", strict(BODY)),
        (
            "vietqr.crc_mismatch",
            strict(&format!("{}4F53", &p[..p.len() - 4])),
        ),
        ("vietqr.crc_format", strict(&lower)),
        ("vietqr.crc_case_repaired", lenient(&lower)),
        ("vietqr.surrounding_space", strict(&format!(" {p}\n"))),
        ("vietqr.space_trimmed", lenient(&format!(" {p}\n"))),
        (
            "vietqr.duplicate_tag",
            strict(&with_crc(&format!("{BODY}5802VN"))),
        ),
        (
            "vietqr.missing_field",
            strict(&with_crc(&BODY.replace("5303704", ""))),
        ),
        (
            "vietqr.payload_format",
            strict(&with_crc(&BODY.replacen("000201", "000202", 1))),
        ),
        (
            "vietqr.initiation",
            strict(&with_crc(&BODY.replacen("010211", "010213", 1))),
        ),
        (
            "vietqr.initiation_mismatch",
            strict(&with_crc(&BODY.replacen("010211", "010212", 1))),
        ),
        (
            "vietqr.guid",
            strict(&with_crc(&BODY.replacen("A000000727", "A000000728", 1))),
        ),
        ("vietqr.bin", enc(|q| q.bank_bin = "97040".into())),
        ("vietqr.account", enc(|q| q.account_number = "12-34".into())),
        (
            "vietqr.service",
            strict(&with_crc(&BODY.replacen("QRIBFTTC", "QRIBFTTX", 1))),
        ),
        (
            "vietqr.merchant_category",
            enc(|q| q.merchant_category = Some("12a4".into())),
        ),
        (
            "vietqr.currency",
            strict(&with_crc(&BODY.replacen("5303704", "5303840", 1))),
        ),
        (
            "vietqr.amount",
            enc(|q| {
                q.initiation = Initiation::Dynamic;
                q.amount = Some("0100".into())
            }),
        ),
        (
            "vietqr.country",
            strict(&with_crc(&BODY.replacen("5802VN", "5802US", 1))),
        ),
        (
            "vietqr.too_long",
            enc(|q| q.merchant_name = Some("A".repeat(26).into())),
        ),
        (
            "vietqr.empty",
            enc(|q| q.additional_data.purpose = Some("".into())),
        ),
        (
            "vietqr.non_ascii",
            enc(|q| q.merchant_city = Some("Huế".into())),
        ),
        (
            "vietqr.non_ascii_read",
            strict(&with_crc(&format!("{BODY}6003Huế"))),
        ),
        (
            "vietqr.non_ascii_strict",
            strict(&with_crc(&format!("{BODY}5903Huế"))),
        ),
        (
            "vietqr.bin_unknown",
            strict(&with_crc(&BODY.replacen("970403", "999999", 1))),
        ),
        (
            "vietqr.account_length",
            strict(&with_crc(
                "00020101021138450010A00000072701150006970403010110208QRIBFTTA53037045802VN",
            )),
        ),
        (
            "vietqr.control_char",
            enc(|q| q.additional_data.purpose = Some("a\tb".into())),
        ),
        (
            "vietqr.reserved_tag",
            enc(|q| {
                q.unreserved.insert("62.08".into(), "x".into());
            }),
        ),
        ("vietqr.payee_bin", verify(|q| q.bank_bin = "970436".into())),
        (
            "vietqr.payee_account",
            verify(|q| q.account_number = "1".into()),
        ),
        (
            "vietqr.payee_name_lookalike",
            verify(|q| q.merchant_name = Some("Trường THCS Hòa Вình".into())),
        ),
        (
            "vietqr.payee_name_different",
            verify(|q| q.merchant_name = Some("THCS HOA BINH".into())),
        ),
    ];
    for (key, findings) in &cases {
        assert!(
            keys(findings).contains(key),
            "{key}: got {:?}",
            findings.iter().map(|f| f.to_string()).collect::<Vec<_>>()
        );
        let code = Code::from_key(key).unwrap();
        for f in findings.iter().filter(|f| f.code == code) {
            assert!(f.field.starts_with("vietqr"), "{f}");
            assert!(
                !f.message_en().contains('?') || f.params.detail.is_some(),
                "{f}"
            );
        }
    }
    let covered: Vec<&str> = cases.iter().map(|(k, _)| *k).collect();
    for c in Code::ALL.iter().filter(|c| c.key().starts_with("vietqr.")) {
        assert!(covered.contains(&c.key()), "no case for {}", c.key());
        assert!((500..600).contains(&c.number()));
    }
}

#[test]
fn findings_name_the_tag() {
    let f = strict(&with_crc(&BODY.replacen("970403011697", "97040X011697", 1)));
    let bin = f.iter().find(|f| f.code == Code::VietqrBin).unwrap();
    assert_eq!(bin.field, "vietqr.38.01.00");
    assert!(bin.message_en().contains("\"97040X\""));
    let f = strict(&p_without_account());
    let m = f
        .iter()
        .find(|f| f.code == Code::VietqrMissingField)
        .unwrap();
    assert_eq!(m.field, "vietqr.38.01.01");
}

/// Regression (junk corpus): a free-text value of spaces only was accepted, on both sides.
#[test]
fn a_value_of_spaces_is_empty() {
    for v in [" ", "   "] {
        assert_eq!(
            keys(&enc(|q| q.merchant_name = Some(v.into()))),
            ["vietqr.empty"]
        );
        assert_eq!(
            keys(&enc(|q| q.additional_data.purpose = Some(v.into()))),
            ["vietqr.empty"]
        );
        let p = with_crc(&format!("{BODY}59{:02}{v}", v.len()));
        assert_eq!(keys(&strict(&p)), ["vietqr.empty"]);
        assert!(!decode(&p, Mode::Strict).is_valid());
    }
    // Spaces inside a value are text.
    assert!(enc(|q| q.merchant_name = Some("A B".into())).is_empty());
}

/// Regression (junk corpus): a 1 MB non-ASCII value gave a finding per character (150 000
/// for a merchant name); characters past the limit are not examined one by one.
#[test]
fn findings_stay_few_for_huge_values() {
    let f = enc(|q| q.merchant_name = Some("ễ".repeat(100_000).into()));
    assert_eq!(f.len(), 26, "{:?}", keys(&f[..3]));
    assert_eq!(f[0].code, Code::VietqrNonAscii);
    assert_eq!(f[25].code, Code::VietqrTooLong);
    assert_eq!(f[25].params.detail.as_deref(), Some("100000"));
}

fn p_without_account() -> String {
    with_crc("00020101021138400010A000000727011000069704030208QRIBFTTC53037045802VN")
}

#[test]
fn payee_name_rules() {
    assert!(verify(|q| q.merchant_name = Some("TRUONG THCS HOA BINH".into())).is_empty());
    assert!(verify(|q| q.merchant_name = Some("Trường THCS Hòa Bình".into())).is_empty());
    let f = verify(|q| q.merchant_name = Some("TRUONG THCS H0A BINH".into()));
    assert_eq!(keys(&f), ["vietqr.payee_name_lookalike"]);
    assert!(f[0].is_error());
    let f = verify(|q| q.merchant_name = Some("BENH VIEN AN BINH".into()));
    assert_eq!(keys(&f), ["vietqr.payee_name_different"]);
    assert!(!f[0].is_error());
}

// ---------------------------------------------------------------- properties

fn opt_text(max: usize, p: f64) -> impl Strategy<Value = Option<Cow<'static, str>>> {
    prop::option::weighted(
        p,
        proptest::string::string_regex(&format!("[ -~]{{1,{max}}}")).unwrap(),
    )
    .prop_map(|o| o.map(Cow::Owned))
}

fn unreserved() -> impl Strategy<Value = BTreeMap<Cow<'static, str>, Cow<'static, str>>> {
    let key = prop_oneof![
        "(8[0-9]|9[0-9]|64|26|55)",
        "62\\.(1[0-9]|5[0-9])",
        "38\\.0[3-9]",
        "38\\.01\\.0[2-9]",
    ];
    prop::collection::btree_map(
        key.prop_map(Cow::Owned),
        "[ -~]{1,12}".prop_map(Cow::Owned),
        0..3,
    )
}

prop_compose! {
    fn valid_qr()(
        bin in "[0-9]{6}",
        account in "[A-Za-z0-9]{1,19}",
        service in prop_oneof![
            Just(Service::ToAccount), Just(Service::ToCard),
            Just(Service::MerchantPayment), Just(Service::CashWithdrawal)
        ],
        mcc in prop::option::of("[0-9]{4}"),
        amount in prop::option::of(1u64..=9_999_999_999_999),
        name in opt_text(25, 0.5),
        city in opt_text(15, 0.5),
        postal in opt_text(10, 0.3),
        ad in (opt_text(25, 0.4), opt_text(25, 0.2), opt_text(25, 0.1), opt_text(25, 0.1),
               opt_text(25, 0.1), opt_text(25, 0.1), opt_text(25, 0.1), opt_text(25, 0.5),
               prop::option::weighted(0.1, "[AME]{1,3}")),
        unreserved in unreserved(),
    ) -> VietQr<'static> {
        let mut q = VietQr::new(bin, account);
        q.service = service;
        q.merchant_category = mcc.map(Cow::Owned);
        if let Some(a) = amount {
            q.initiation = Initiation::Dynamic;
            q.amount = Some(Cow::Owned(a.to_string()));
        }
        q.merchant_name = name;
        q.merchant_city = city;
        q.postal_code = postal;
        q.additional_data = AdditionalData {
            bill_number: ad.0, mobile_number: ad.1, store_label: ad.2, loyalty_number: ad.3,
            reference_label: ad.4, customer_label: ad.5, terminal_label: ad.6, purpose: ad.7,
            consumer_data_request: ad.8.map(Cow::Owned),
        };
        q.unreserved = unreserved;
        q
    }
}

/// Valid values whose templates fit (62 holds at most 99 characters).
fn fitting_qr() -> impl Strategy<Value = VietQr<'static>> {
    valid_qr().prop_filter("templates fit in 99 characters", |q| encode(q).is_ok())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn decode_encode_round_trip(q in fitting_qr()) {
        let payload = encode(&q).unwrap();
        prop_assert!(payload.is_ascii());
        let r = decode(&payload, Mode::Strict);
        // (random BINs and accounts: only the registry and plausibility warnings)
        prop_assert!(
            r.findings
                .iter()
                .all(|f| matches!(f.code, Code::VietqrBinUnknown | Code::VietqrAccountLength)),
            "{:?}",
            r.findings
        );
        let mut back = r.cleaned.unwrap();
        prop_assert_eq!(back.crc.as_deref(), Some(&payload[payload.len() - 4..]));
        back.crc = None;
        prop_assert_eq!(&back, &q);
        prop_assert_eq!(&encode(&back).unwrap(), &payload);
        // the JSON form round-trips too
        let json = serde_json::to_string(&back).unwrap();
        let from_json: VietQr = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(from_json, back);
    }

    #[test]
    fn crc_is_the_reference(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(vietqr::crc16(&bytes), crc_reference(&bytes));
    }

    #[test]
    fn any_single_character_change_is_caught(q in fitting_qr(), at in any::<prop::sample::Index>(), c in any::<char>()) {
        let payload = encode(&q).unwrap();
        let chars: Vec<char> = payload.chars().collect();
        let i = at.index(chars.len());
        prop_assume!(chars[i] != c);
        let mut mutated: String = chars[..i].iter().collect();
        mutated.push(c);
        mutated.extend(&chars[i + 1..]);
        let r = decode(&mutated, Mode::Strict);
        prop_assert!(!r.findings.is_empty(), "{mutated:?} decoded cleanly");
        // and lenient mode never repairs it into a clean value either
        let l = decode(&mutated, Mode::Lenient);
        prop_assert!(!l.findings.is_empty());
    }

    #[test]
    fn no_panic_on_any_string(s in "\\PC*") {
        let _ = decode(&s, Mode::Strict);
        let _ = decode(&s, Mode::Lenient);
        #[cfg(feature = "fuzzing")]
        prop_assert_eq!(vietqr::fuzz::decode(s.as_bytes()), Ok(()));
    }

    #[cfg(feature = "fuzzing")]
    #[test]
    fn no_panic_on_payload_like_strings(s in "[0-9A-Z ]{0,160}") {
        prop_assert_eq!(vietqr::fuzz::decode(s.as_bytes()), Ok(()));
        prop_assert_eq!(vietqr::fuzz::decode(with_crc(&s).as_bytes()), Ok(()));
    }

    #[cfg(feature = "fuzzing")]
    #[test]
    fn invariants_hold_on_mutated_payloads(q in fitting_qr(), at in any::<prop::sample::Index>(), len in 0usize..100) {
        // rewrite one header's length digits (with a fresh CRC) to exercise the repair search
        let payload = encode(&q).unwrap();
        let body = &payload[..payload.len() - 8];
        let i = at.index(body.len().saturating_sub(1));
        let mut b = body.to_string();
        if i + 2 <= b.len() {
            b.replace_range(i..i + 2, &format!("{len:02}"));
        }
        let p = with_crc(&b);
        prop_assert_eq!(vietqr::fuzz::decode(p.as_bytes()), Ok(()));
    }

    #[test]
    fn no_panic_on_any_value_given_to_encode(
        bin in "\\PC{0,8}", account in "\\PC{0,22}", amount in prop::option::of("\\PC{0,15}"),
        name in prop::option::of("\\PC{0,30}"), purpose in prop::option::of("\\PC{0,30}"),
        key in "\\PC{0,6}", value in "\\PC{0,120}",
    ) {
        let mut q = VietQr::new(bin, account);
        q.amount = amount.map(Cow::Owned);
        q.merchant_name = name.map(Cow::Owned);
        q.additional_data.purpose = purpose.map(Cow::Owned);
        q.unreserved.insert(Cow::Owned(key), Cow::Owned(value));
        if let Ok(p) = encode(&q) {
            prop_assert!(p.is_ascii());
            prop_assert!(decode(&p, Mode::Strict).is_valid());
        }
    }
}

/// Lenient decoding of an invalid code gives every field it could read (issue 18: a
/// 26-character purpose once gave nothing back).
#[test]
fn lenient_decoding_keeps_the_fields_of_an_invalid_code() {
    let base = "00020101021138530010A0000007270123000697041601092245284790208QRIBFTTA53037045802VN";
    let p = with_crc(&format!("{base}62300826HOC PHI HK1 HP24010172 ABC"));
    let d = vietref::vietqr::decode_fields(&p, Mode::Lenient);
    assert!(!d.report.is_valid());
    assert_eq!(keys(&d.report.findings), ["vietqr.too_long"]);
    assert_eq!(d.fields["62.08"], "HOC PHI HK1 HP24010172 ABC");
    assert_eq!(d.fields["38.01.00"], "970416");
    assert_eq!(d.fields["01"], "11");
    assert!(!d.fields.contains_key("38") && !d.fields.contains_key("62"));
    // the report is decode's
    assert_eq!(d.report, decode(&p, Mode::Lenient));
    // a structural fault: what was read before it
    let broken = format!("{base}62300899HOC");
    let d = vietref::vietqr::decode_fields(&broken, Mode::Lenient);
    assert!(!d.report.is_valid());
    assert_eq!(d.fields["38.01.01"], "224528479");
    assert_eq!(d.fields["58"], "VN");
}
