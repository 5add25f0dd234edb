//! The references and memo functions of the C ABI called from Rust: each wrapper gives what
//! the Rust API it wraps gives, for generated and arbitrary input; `_buf` twins give the
//! owned bytes.

use proptest::prelude::*;
use serde_json::{json, Value};
use std::ffi::c_char;
use std::ptr;
use vietref::capi::memo::*;
use vietref::capi::message::*;
use vietref::capi::reference::*;
use vietref::capi::report::*;
use vietref::capi::string::*;
use vietref::capi::vietqr::*;
use vietref::capi::vietref_status::{self, *};
use vietref::capi::{vietref_candidates, vietref_message, vietref_report, vietref_string};
use vietref::memo::{self, Profile};
use vietref::reference::{code, einvoice, mst, rf, RefError, Scheme};
use vietref::vietqr::{self, Payee, VietQr};
use vietref::MessageDraft;

const EN: u32 = 1;
const VI: u32 = 2;

unsafe fn take(s: *mut vietref_string) -> String {
    let bytes = unsafe {
        std::slice::from_raw_parts(vietref_string_ptr(s).cast::<u8>(), vietref_string_len(s))
    }
    .to_vec();
    unsafe { vietref_string_free(s) };
    String::from_utf8(bytes).unwrap()
}

type OwnedVerb =
    unsafe extern "C" fn(u32, *const c_char, usize, *mut *mut vietref_string) -> vietref_status;
type BufVerb = unsafe extern "C" fn(
    u32,
    *const c_char,
    usize,
    *mut c_char,
    usize,
    *mut usize,
) -> vietref_status;

/// An owned verb and its `_buf` twin on the same input: equal results; the owned one's.
fn call_verb(f: OwnedVerb, g: BufVerb, kind: u32, v: &str) -> Result<String, vietref_status> {
    let mut s: *mut vietref_string = ptr::null_mut();
    let st = unsafe { f(kind, v.as_ptr().cast(), v.len(), &mut s) };
    let owned = if st == VIETREF_OK {
        Ok(unsafe { take(s) })
    } else {
        assert!(s.is_null());
        Err(st)
    };
    let mut buf = vec![0u8; 256];
    let mut len = usize::MAX;
    let st2 = unsafe {
        g(
            kind,
            v.as_ptr().cast(),
            v.len(),
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut len,
        )
    };
    match &owned {
        Ok(o) => {
            assert_eq!(st2, VIETREF_OK);
            assert_eq!(&buf[..len], o.as_bytes());
        }
        Err(e) => {
            assert_eq!(st2, *e);
            assert_eq!(len, usize::MAX);
        }
    }
    owned
}

fn status_of(e: &RefError) -> vietref_status {
    match e {
        RefError::Empty => VIETREF_REF_EMPTY,
        RefError::InvalidChar { .. } => VIETREF_REF_INVALID_CHAR,
        RefError::InvalidLength { .. } => VIETREF_REF_INVALID_LENGTH,
        RefError::InvalidPrefix { .. } => VIETREF_REF_INVALID_PREFIX,
        RefError::InvalidPart { .. } => VIETREF_REF_INVALID_PART,
        RefError::InvalidChecksum => VIETREF_REF_INVALID_CHECKSUM,
        _ => unreachable!("a new RefError variant needs a status"),
    }
}

type RustVerb = fn(&str) -> Result<String, RefError>;

/// For each kind number: (validate, format, compact) of the Rust API.
fn rust_verbs(kind: u32) -> (RustVerb, RustVerb, RustVerb) {
    match kind {
        1 => (
            |v| code::validate(v).map(|c| c.as_str().to_string()),
            code::format,
            code::compact,
        ),
        2 => (
            |v| rf::validate(v).map(|c| c.as_str().to_string()),
            rf::format,
            rf::compact,
        ),
        3 => (
            |v| einvoice::validate(v).map(|c| c.as_str().to_string()),
            einvoice::format,
            einvoice::compact,
        ),
        _ => (
            |v| mst::validate(v).map(|c| c.as_str().to_string()),
            mst::format,
            mst::compact,
        ),
    }
}

fn message_c(kind: u32, v: &str, lang: u32) -> Result<String, vietref_status> {
    let mut s: *mut vietref_string = ptr::null_mut();
    let st =
        unsafe { vietref_ref_validate_message(kind, v.as_ptr().cast(), v.len(), lang, &mut s) };
    if st == VIETREF_OK {
        Ok(unsafe { take(s) })
    } else {
        Err(st)
    }
}

fn check_ref(kind: u32, v: &str) {
    let (validate, format, compact) = rust_verbs(kind);
    let want = validate(v);
    let got = call_verb(vietref_ref_validate, vietref_ref_validate_buf, kind, v);
    assert_eq!(got, want.clone().map_err(|e| status_of(&e)), "{kind} {v:?}");
    let got = call_verb(vietref_ref_format, vietref_ref_format_buf, kind, v);
    assert_eq!(got, format(v).map_err(|e| status_of(&e)));
    let got = call_verb(vietref_ref_compact, vietref_ref_compact_buf, kind, v);
    assert_eq!(got, compact(v).map_err(|e| status_of(&e)));
    let mut valid = 9u32;
    assert_eq!(
        unsafe { vietref_ref_is_valid(kind, v.as_ptr().cast(), v.len(), &mut valid) },
        VIETREF_OK
    );
    assert_eq!(valid, u32::from(want.is_ok()));
    match &want {
        Ok(_) => {
            assert_eq!(message_c(kind, v, EN), Err(VIETREF_NO_VALUE));
        }
        Err(e) => {
            assert_eq!(message_c(kind, v, EN), Ok(e.message_en()));
            assert_eq!(message_c(kind, v, VI), Ok(e.message_vi()));
        }
    }
}

fn create_c(
    kind: u32,
    prefix: &str,
    body: &str,
    lang: Option<u32>,
) -> Result<String, vietref_status> {
    let mut s: *mut vietref_string = ptr::null_mut();
    let st = unsafe {
        match lang {
            None => vietref_ref_create(
                kind,
                prefix.as_ptr().cast(),
                prefix.len(),
                body.as_ptr().cast(),
                body.len(),
                &mut s,
            ),
            Some(l) => vietref_ref_create_message(
                kind,
                prefix.as_ptr().cast(),
                prefix.len(),
                body.as_ptr().cast(),
                body.len(),
                l,
                &mut s,
            ),
        }
    };
    if st == VIETREF_OK {
        Ok(unsafe { take(s) })
    } else {
        Err(st)
    }
}

/// A report's JSON, parsed (so key order does not matter), then frees the report.
unsafe fn report_value(r: *mut vietref_report) -> Value {
    let mut s: *mut vietref_string = ptr::null_mut();
    assert_eq!(unsafe { vietref_report_json(r, &mut s) }, VIETREF_OK);
    let v = serde_json::from_str(&unsafe { take(s) }).unwrap();
    unsafe { vietref_report_free(r) };
    v
}

fn draft_handle(d: &MessageDraft) -> *mut vietref_message {
    let json = serde_json::to_string(d).unwrap();
    let mut m: *mut vietref_message = ptr::null_mut();
    assert_eq!(
        unsafe { vietref_message_from_json(json.as_ptr().cast(), json.len(), &mut m) },
        VIETREF_OK
    );
    m
}

fn drafts() -> impl Strategy<Value = MessageDraft> {
    (
        prop_oneof![Just("education"), Just("health")],
        prop_oneof![Just("Nguyễn Văn An".to_string()), "[a-zA-Zàđ ]{0,25}"],
        proptest::option::of(prop_oneof![
            Just("Nguyễn Thị Bình".to_string()),
            "[a-zA-Zơư ]{0,30}"
        ]),
        prop_oneof![Just("Học phí học kỳ 1".to_string()), "\\PC{0,40}"],
        prop_oneof![
            Just("HP7184097674".to_string()),
            Just("hp 7184 0976 74".to_string()),
            Just("RF18 5390 0754 7034".to_string()),
            Just("1C24TAA-1234".to_string()),
            "[A-Z0-9/.-]{1,36}",
        ],
        proptest::option::of(0u64..20_000_000_000_000),
    )
        .prop_map(
            |(sector, payer, ben, reason, invoice, amount)| MessageDraft {
                sector: Some(sector.into()),
                payer_name: Some(payer),
                beneficiary_name: ben,
                reason: Some(reason),
                invoice: Some(invoice),
                amount: amount.map(Value::from),
            },
        )
}

const PROFILES: [Profile; 6] = [
    Profile::VIETQR_PURPOSE,
    Profile::VIETQR_BILL,
    Profile::TRANSFER,
    Profile::MOBILE_MONEY,
    Profile::POS,
    Profile::ISO20022_USTRD,
];

/// What `vietref_memo_render` must give, built from the Rust API.
fn render_expected(d: &MessageDraft, schemes: &[Scheme], channel: u32, budget: usize) -> Value {
    let mut p = PROFILES[channel as usize - 1].clone();
    if budget != 0 {
        p = p.with_budget(budget);
    }
    render_expected_with(d, schemes, p, channel == 6)
}

/// What rendering `d` for the profile `p` gives, as the C report's JSON (`iso`: with the
/// ISO 20022 remittance parts).
fn render_expected_with(d: &MessageDraft, schemes: &[Scheme], p: Profile, iso: bool) -> Value {
    let checked = d.validate_with(schemes);
    let mut findings = checked.findings;
    let Some(m) = checked.cleaned else {
        return json!({"valid": false, "findings": findings, "cleaned": null});
    };
    let (r, extra) = if iso {
        let rem = memo::remittance(&m, &p);
        let mut extra = json!({"xml": rem.xml});
        if let Some(c) = rem.creditor_reference {
            extra["creditorReference"] = c.into();
        }
        (rem.unstructured, Some(extra))
    } else {
        (memo::render(&m, &p), None)
    };
    findings.extend(r.findings.clone());
    let valid = !vietref::finding::has_error(&findings);
    let mut cleaned = json!({
        "channel": p.name, "budget": p.budget, "text": r.text,
        "included": r.included, "omitted": r.omitted, "clipped": r.clipped,
    });
    if let (Some(Value::Object(x)), Value::Object(o)) = (extra, &mut cleaned) {
        o.extend(x);
    }
    json!({"valid": valid, "findings": findings, "cleaned": if valid { cleaned } else { Value::Null }})
}

fn candidates_values(c: *mut vietref_candidates) -> Vec<Value> {
    unsafe {
        let mut n = 0usize;
        assert_eq!(vietref_candidates_count(c, &mut n), VIETREF_OK);
        let mut out = Vec::new();
        for i in 0..n {
            let mut s: *mut vietref_string = ptr::null_mut();
            assert_eq!(vietref_candidates_code(c, i, &mut s), VIETREF_OK);
            let code = take(s);
            let mut kind = 0u32;
            assert_eq!(vietref_candidates_kind(c, i, &mut kind), VIETREF_OK);
            let (mut a, mut b) = (0usize, 0usize);
            assert_eq!(vietref_candidates_span(c, i, &mut a, &mut b), VIETREF_OK);
            let kind = ["", "payment_code", "rf", "einvoice", "mst", "opaque"][kind as usize];
            out.push(json!({"code": code, "kind": kind, "start": a, "end": b}));
        }
        let mut s: *mut vietref_string = ptr::null_mut();
        assert_eq!(vietref_candidates_json(c, &mut s), VIETREF_OK);
        let all: Value = serde_json::from_str(&take(s)).unwrap();
        assert_eq!(all, Value::Array(out.clone()), "JSON and accessors differ");
        vietref_candidates_free(c);
        out
    }
}

fn rust_candidates(cs: &[memo::Candidate]) -> Vec<Value> {
    cs.iter()
        .map(|c| json!({"code": c.code, "kind": c.kind.as_str(), "start": c.span.0, "end": c.span.1}))
        .collect()
}

fn schemes_list() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("HP:8".to_string()),
        Just("HP:8, VP:10,BVK:8".to_string()),
        "[A-Z]{1,6}:[0-9]{1,2}",
        "\\PC{0,12}",
    ]
}

fn rust_schemes(s: &str) -> Option<Vec<Scheme>> {
    s.split([',', ' '])
        .filter(|x| !x.is_empty())
        .map(|x| x.parse::<Scheme>().ok())
        .collect()
}

proptest! {
    #[test]
    fn ref_verbs_equal_rust_on_any_string(kind in 1u32..=4, v in "\\PC{0,30}") {
        check_ref(kind, &v);
    }

    #[test]
    fn ref_verbs_equal_rust_on_reference_shapes(
        kind in 1u32..=4,
        v in prop_oneof![
            "[A-Za-z]{2,5}[ .-]?[0-9]{6,14}",
            "[Rr][Ff][0-9]{2}[ A-Z0-9]{1,25}",
            "[1-7][CK][0-9]{2}[A-Z]{3}[-/ ._]?[0-9]{1,9}",
            "[0-9]{9,14}",
            "[0-9]{10}-[0-9]{3}",
        ],
    ) {
        check_ref(kind, &v);
    }

    #[test]
    fn ref_create_equals_rust(kind in 1u32..=2, prefix in "[A-Za-z]{0,6}", body in "[0-9A-Za-z .-]{0,24}") {
        let got = create_c(kind, &prefix, &body, None);
        let want = match kind {
            1 => Some(code::create(&prefix, &body).map(|c| c.as_str().to_string())),
            _ if prefix.is_empty() => Some(rf::create(&body).map(|r| r.as_str().to_string())),
            _ => None,
        };
        match want {
            None => {
                prop_assert_eq!(got, Err(VIETREF_INVALID_ARGUMENT));
                prop_assert_eq!(create_c(kind, &prefix, &body, Some(EN)), Err(VIETREF_INVALID_ARGUMENT));
            }
            Some(w) => {
                prop_assert_eq!(&got, &w.clone().map_err(|e| status_of(&e)));
                let m = create_c(kind, &prefix, &body, Some(VI));
                match w {
                    Ok(_) => prop_assert_eq!(m, Err(VIETREF_NO_VALUE)),
                    Err(e) => prop_assert_eq!(m, Ok(e.message_vi())),
                }
                // A created reference validates to itself.
                if let Ok(made) = got {
                    let back = call_verb(vietref_ref_validate, vietref_ref_validate_buf, kind, &made);
                    prop_assert_eq!(back, Ok(made));
                }
            }
        }
    }

    #[test]
    fn memo_render_equals_rust(
        d in drafts(),
        schemes in prop_oneof![Just(String::new()), Just("HP:8".to_string())],
        channel in 1u32..=6,
        budget in prop_oneof![Just(0usize), 1usize..200],
    ) {
        let m = draft_handle(&d);
        let mut r: *mut vietref_report = ptr::null_mut();
        let st = unsafe { vietref_memo_render(m, schemes.as_ptr().cast(), schemes.len(), channel, budget, &mut r) };
        prop_assert_eq!(st, VIETREF_OK);
        // The text accessor agrees with the JSON.
        let mut s: *mut vietref_string = ptr::null_mut();
        let text = (unsafe { vietref_report_cleaned_text(r, &mut s) } == VIETREF_OK).then(|| unsafe { take(s) });
        let got = unsafe { report_value(r) };
        let want = render_expected(&d, &rust_schemes(&schemes).unwrap(), channel, budget);
        prop_assert_eq!(text.as_deref(), want["cleaned"]["text"].as_str());
        prop_assert_eq!(got, want);
        unsafe { vietref_message_free(m) };
    }

    #[test]
    fn memo_render_custom_equals_rust(
        d in drafts(),
        schemes in prop_oneof![Just(String::new()), Just("HP:8".to_string())],
        name in "[a-z -]{0,8}",
        charset in prop_oneof![
            Just("A-Z0-9 ".to_string()),
            Just("A-Za-z0-9 ./-".to_string()),
            "[ -~]{0,10}",
            "\\PC{0,4}",
        ],
        budget in prop_oneof![Just(0usize), 1usize..120],
        reference_only in 0u32..=2,
    ) {
        let m = draft_handle(&d);
        let mut r: *mut vietref_report = ptr::null_mut();
        let st = unsafe {
            vietref_memo_render_custom(
                m, schemes.as_ptr().cast(), schemes.len(), name.as_ptr().cast(), name.len(),
                charset.as_ptr().cast(), charset.len(), budget, reference_only, &mut r,
            )
        };
        match memo::Charset::from_spec(&charset) {
            Ok(cs) if !name.trim().is_empty() && budget > 0 && reference_only < 2 => {
                prop_assert_eq!(st, VIETREF_OK);
                let mut p = Profile::new(name.clone(), cs, budget, "defined by the caller");
                p.reference_only = reference_only == 1;
                let want = render_expected_with(&d, &rust_schemes(&schemes).unwrap(), p, false);
                prop_assert_eq!(unsafe { report_value(r) }, want);
            }
            _ => {
                prop_assert_eq!(st, VIETREF_INVALID_ARGUMENT);
                prop_assert!(r.is_null());
            }
        }
        unsafe { vietref_message_free(m) };
    }

    #[test]
    fn message_validate_schemes_equals_rust(d in drafts(), schemes in schemes_list()) {
        let m = draft_handle(&d);
        let mut r: *mut vietref_report = ptr::null_mut();
        let st = unsafe { vietref_message_validate_schemes(m, schemes.as_ptr().cast(), schemes.len(), &mut r) };
        match rust_schemes(&schemes) {
            None => prop_assert_eq!(st, VIETREF_REF_SCHEMES_INVALID),
            Some(list) => {
                prop_assert_eq!(st, VIETREF_OK);
                let got = unsafe { report_value(r) };
                prop_assert_eq!(got, serde_json::to_value(d.validate_with(&list)).unwrap());
            }
        }
        unsafe { vietref_message_free(m) };
    }

    #[test]
    fn extract_and_parse_equal_rust(
        text in prop_oneof![
            "\\PC{0,60}",
            "[A-Za-z .:;/]{0,10}(HP|hp|RF18)[ .]?[0-9 .]{8,16}[A-Z ]{0,20}",
        ],
        schemes in schemes_list(),
    ) {
        let mut c: *mut vietref_candidates = ptr::null_mut();
        let st = unsafe { vietref_memo_extract(text.as_ptr().cast(), text.len(), schemes.as_ptr().cast(), schemes.len(), &mut c) };
        let Some(list) = rust_schemes(&schemes) else {
            prop_assert_eq!(st, VIETREF_REF_SCHEMES_INVALID);
            return Ok(());
        };
        prop_assert_eq!(st, VIETREF_OK);
        prop_assert_eq!(candidates_values(c), rust_candidates(&memo::extract(&text, &list)));

        let mut s: *mut vietref_string = ptr::null_mut();
        prop_assert_eq!(unsafe { vietref_memo_parse(text.as_ptr().cast(), text.len(), schemes.as_ptr().cast(), schemes.len(), &mut s) }, VIETREF_OK);
        let got: Value = serde_json::from_str(&unsafe { take(s) }).unwrap();
        let p = memo::parse_memo_with(&text, &list);
        let want = json!({
            "invoice": p.invoice.as_ref().map(|c| rust_candidates(std::slice::from_ref(c))[0].clone()),
            "reason": p.reason, "beneficiary": p.beneficiary, "payer": p.payer,
            "sector": p.sector.map(|s| s.as_str()),
        });
        prop_assert_eq!(got, want);
    }

    #[test]
    fn for_payment_and_payment_codes_equal_rust(
        d in drafts(),
        bin in prop_oneof![Just("970436".to_string()), "[0-9]{5,7}"],
        account in prop_oneof![Just("0011001234567".to_string()), "[0-9A-Z]{0,20}"],
    ) {
        let m = draft_handle(&d);
        let schemes = "HP:8";
        let mut r: *mut vietref_report = ptr::null_mut();
        let st = unsafe {
            vietref_vietqr_for_payment(m, schemes.as_ptr().cast(), schemes.len(), bin.as_ptr().cast(),
                bin.len(), account.as_ptr().cast(), account.len(), &mut r)
        };
        prop_assert_eq!(st, VIETREF_OK);
        let got = unsafe { report_value(r) };
        let list = rust_schemes(schemes).unwrap();
        let checked = d.validate_with(&list);
        let mut findings = checked.findings;
        let mut payload = None;
        if let Some(msg) = checked.cleaned {
            let built = VietQr::for_payment(&msg, &Payee::new(bin.clone(), account.clone(), ""));
            findings.extend(built.findings);
            if let Some(q) = built.cleaned {
                match vietqr::encode(&q) {
                    Ok(p) => payload = Some(p),
                    Err(more) => findings.extend(more),
                }
            }
        }
        if vietref::finding::has_error(&findings) {
            payload = None;
        }
        let want = json!({"valid": payload.is_some(), "findings": findings, "cleaned": payload});
        prop_assert_eq!(&got, &want);
        // The payload's codes, read back through C, are the Rust ones.
        if let Some(p) = payload {
            let qr = vietqr::decode(&p, vietqr::Mode::Strict).cleaned.expect("decodes");
            let json = serde_json::to_string(&qr).unwrap();
            let mut q: *mut vietref::capi::vietref_vietqr = ptr::null_mut();
            prop_assert_eq!(unsafe { vietref_vietqr_from_json(json.as_ptr().cast(), json.len(), &mut q) }, VIETREF_OK);
            let mut c: *mut vietref_candidates = ptr::null_mut();
            prop_assert_eq!(unsafe { vietref_vietqr_payment_codes(q, schemes.as_ptr().cast(), schemes.len(), &mut c) }, VIETREF_OK);
            prop_assert_eq!(candidates_values(c), rust_candidates(&qr.payment_codes(&list)));
            unsafe { vietref_vietqr_free(q) };
        }
        unsafe { vietref_message_free(m) };
    }
}

#[test]
fn vectors_through_c() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/references.json"
    ))
    .unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    for pc in v["payment_codes"].as_array().unwrap() {
        let (p, b, c) = (
            pc["prefix"].as_str().unwrap(),
            pc["body"].as_str().unwrap(),
            pc["code"].as_str().unwrap(),
        );
        assert_eq!(create_c(1, p, b, None).as_deref(), Ok(c));
        check_ref(1, c);
    }
    for r in v["rf_valid"].as_array().unwrap() {
        check_ref(2, r.as_str().unwrap());
        assert!(call_verb(
            vietref_ref_validate,
            vietref_ref_validate_buf,
            2,
            r.as_str().unwrap()
        )
        .is_ok());
    }
    for r in v["rf_invalid"].as_array().unwrap() {
        check_ref(2, r.as_str().unwrap());
        assert!(call_verb(
            vietref_ref_validate,
            vietref_ref_validate_buf,
            2,
            r.as_str().unwrap()
        )
        .is_err());
    }
    for t in v["tax_code_valid"].as_array().unwrap() {
        assert!(call_verb(
            vietref_ref_validate,
            vietref_ref_validate_buf,
            4,
            t.as_str().unwrap()
        )
        .is_ok());
    }
    for t in v["tax_code_invalid"].as_array().unwrap() {
        assert!(call_verb(
            vietref_ref_validate,
            vietref_ref_validate_buf,
            4,
            t.as_str().unwrap()
        )
        .is_err());
    }
    // The constants name the kinds the Rust API names.
    assert_eq!(
        vietref_ref_kind::from(vietref::reference::RefKind::Einvoice) as u32,
        vietref_ref_kind::VIETREF_REF_EINVOICE as u32
    );
    assert_eq!(
        vietref_channel::VIETREF_CHANNEL_ISO20022 as u32,
        PROFILES.len() as u32
    );
    assert_eq!(vietref_memo_list::VIETREF_MEMO_CLIPPED as u32, 3);
}

#[test]
fn candidates_can_be_read_from_many_threads() {
    struct Shared(*const vietref_candidates);
    // SAFETY (of the test): vietref_candidates is documented immutable and shareable.
    unsafe impl Sync for Shared {}
    let text = "CT DEN:0123 HP 7184 0976 74 NGUYEN VAN AN";
    let mut c: *mut vietref_candidates = ptr::null_mut();
    let st = unsafe {
        vietref_memo_extract(
            text.as_ptr().cast(),
            text.len(),
            c"HP:8".as_ptr(),
            4,
            &mut c,
        )
    };
    assert_eq!(st, VIETREF_OK);
    let shared = Shared(c);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let shared = &shared;
            scope.spawn(move || {
                for _ in 0..200 {
                    let mut s: *mut vietref_string = ptr::null_mut();
                    assert_eq!(
                        unsafe { vietref_candidates_code(shared.0, 0, &mut s) },
                        VIETREF_OK
                    );
                    assert_eq!(unsafe { take(s) }, "HP7184097674");
                }
            });
        }
    });
    unsafe { vietref_candidates_free(c) };
}

#[test]
fn every_new_status_has_both_messages() {
    for s in vietref_status::ALL {
        assert!(!s.message_en().is_empty() && !s.message_vi().is_empty());
    }
}

#[test]
fn memo_envelope_json() {
    let line = "020097041509102116392024xEHP811545.78219 .115520.NGUYEN VAN AN chuyen tien";
    let mut s: *mut vietref::capi::string::vietref_string = std::ptr::null_mut();
    let st = unsafe { vietref_memo_envelope(line.as_ptr().cast(), line.len(), &mut s) };
    assert_eq!(st, VIETREF_OK);
    let json = unsafe { take(s) };
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["shape"], "napas247");
    assert_eq!(v["senderName"]["text"], "NGUYEN VAN AN");
    assert_eq!(v["free"][0]["text"], "chuyen tien");
    // Into a buffer: the same JSON; too small a buffer gives the length needed.
    let mut buf = vec![0u8; json.len() + 1];
    let mut len = 0usize;
    let st = unsafe {
        vietref_memo_envelope_buf(
            line.as_ptr().cast(),
            line.len(),
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut len,
        )
    };
    assert_eq!(st, VIETREF_OK);
    assert_eq!(&buf[..len], json.as_bytes());
    // Not UTF-8: refused.
    let bad = b"\xff\xfe";
    let st = unsafe { vietref_memo_envelope(bad.as_ptr().cast(), bad.len(), &mut s) };
    assert_ne!(st, VIETREF_OK);
}
