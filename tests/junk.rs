//! The junk corpus (tests/common/junk.rs; python-stdnum's robustness test is the model)
//! through every public Rust function that takes text or bytes:
//!
//! - text: `normalize`, `check`, `check_name`, `check_name_general`, `check_text`, `fold`,
//!   `fold_into`, `key`, `retone`, `display_case`, `skeleton`, `looks_like`,
//!   `compare_payee_name`, `syllable::parse`, `is_syllable`, `ToneStyle` from text;
//! - messages: every `MessageDraft` field, `validate_with`, `PaymentMessage::validate_json`,
//!   `PersonName::parse`, `Reason::parse`, `Sector` from text;
//! - references: `create`, `validate`, `is_valid`, `format`, `compact` of payment codes, RF
//!   references, e-invoices and tax codes, `Scheme::new` / `create` / `validate`, the
//!   newtypes and `Scheme` from text, `iso7064::is_valid`, `mst::check_digit`,
//!   `InvoiceRef::parse` / `parse_with`;
//! - memos: `render` and `remittance` on every built-in channel, budgets 0–2 and channels
//!   whose name and character set are junk, `Profile::by_name`, `extract`, `extract_into`,
//!   `parse_memo`, `parse_memo_with`;
//! - VietQR: `decode` (strict and lenient; junk as the payload and inside well-formed
//!   payloads), `encode` with junk in every field, `to_account`, `for_payment`,
//!   `from_json` (junk as the text and in every field), `verify_payee`, `payment_codes`,
//!   `banks::{lookup, by_name, by_bin}`;
//! - legacy encodings: `decode`, `Decoder`, `encode`, `encode_with` (lossy), `Encoder`,
//!   `convert`, `detect`, `detect_with_declared`, `repair_mojibake`, `Encoding` from text,
//!   for every encoding;
//! - reconciliation: `StatementReader` (CSV, JSON lines, JSON) and `InvoiceReader` on junk
//!   files and on well-formed files with junk in one field, `Reconciler::add_invoice` with
//!   junk in every field, `Reconciler::feed` with junk in every text field,
//!   `parse_amount`, `parse_signed_amount`, `Date::parse` / `parse_lenient`, `Columns`,
//!   `StatementFormat` and `Status` from text.
//!
//! Nothing panics, and nothing junk is accepted: where the function validates, junk gets an
//! error (or an error finding); where it transforms (fold, decode, compact), the output
//! holds no junk and nothing is dropped silently; a reconciler never applies a junk line
//! to an invoice. The C ABI gets the same corpus in tests/capi_junk.rs.

mod common;

use common::junk::{as_text, fits_free_text, junk, show};
use std::borrow::Cow;
use vietref::finding::has_error;
use vietref::legacy::{self, EncodeOptions, Encoding, Tcvn3Capitals};
use vietref::memo::{self, Charset, Profile};
use vietref::message::{PersonName, Reason};
use vietref::reconcile::{
    parse_amount, parse_signed_amount, Columns, Date, Invoice, InvoiceReader, Reconciler,
    StatementFormat, StatementLine, StatementReader, StatementRecord, Status,
};
use vietref::reference::{code, einvoice, iso7064, mst, rf, InvoiceRef, Scheme};
use vietref::text::{self, ToneStyle};
use vietref::vietqr::{self, banks, Mode, Payee, VietQr};
use vietref::{MessageDraft, PaymentMessage};

fn hp6() -> Scheme {
    Scheme::new("HP", 6).expect("HP:6")
}

fn valid_draft() -> MessageDraft {
    MessageDraft {
        sector: Some("education".into()),
        payer_name: Some("Nguyễn Văn An".into()),
        beneficiary_name: Some("Nguyễn Thị Bình".into()),
        reason: Some("Học phí".into()),
        invoice: Some("HP24010172".into()),
        amount: Some(serde_json::json!(500_000)),
    }
}

fn valid_message() -> PaymentMessage {
    valid_draft()
        .validate_with(&[hp6()])
        .cleaned
        .expect("the sample message is valid")
}

// ---------------------------------------------------------------------------------------
// Text

#[test]
fn text_functions_survive_junk_and_refuse_it_as_names() {
    for j in junk() {
        let s = as_text(j);
        let r = text::check_name(&s, "payerName");
        assert!(!r.is_valid(), "junk accepted as a name: {}", show(&s));
        assert!(r.errors().next().is_some());
        let r = text::check_name_general(&s, "payerName");
        assert!(
            !r.is_valid(),
            "junk accepted as a general name: {}",
            show(&s)
        );
        assert!(!PersonName::parse(&s, "payerName").is_valid());
        let _ = text::check_text(&s, "reason");
        let _ = text::check(&s, "reason");
        let (once, _) = text::normalize(&s, "f");
        let (twice, again) = text::normalize(&once, "f");
        assert_eq!(once, twice, "normalize is not idempotent on {}", show(&s));
        assert!(again.is_empty());
        let f = text::fold(&s);
        assert!(f
            .bytes()
            .all(|b| b == b' ' || b.is_ascii_uppercase() || b.is_ascii_digit()));
        let mut g = String::from("X ");
        text::fold_into(&s, &mut g);
        assert!(g.starts_with("X "));
        let _ = text::key(&s);
        let _ = text::retone(&s, ToneStyle::MainVowel);
        let _ = text::retone(&s, ToneStyle::Traditional);
        let _ = text::display_case(&s);
        let _ = text::skeleton(&s);
        let _ = text::looks_like(&s, "Nguyễn");
        let _ = text::compare_payee_name(&s, "Bệnh viện Đà Nẵng");
        assert!(s.parse::<ToneStyle>().is_err(), "{}", show(&s));
        assert!(s.parse::<vietref::Sector>().is_err(), "{}", show(&s));
        for w in s.split(' ').take(1000) {
            let _ = text::syllable::parse(w);
            let _ = text::is_syllable(w);
        }
    }
}

#[test]
fn messages_refuse_junk_in_every_field() {
    for j in junk() {
        let s = as_text(j).into_owned();
        for field in 0..5 {
            let mut d = valid_draft();
            match field {
                0 => d.sector = Some(s.clone()),
                1 => d.payer_name = Some(s.clone()),
                2 => d.beneficiary_name = Some(s.clone()),
                3 => d.invoice = Some(s.clone()),
                _ => d.amount = Some(serde_json::Value::String(s.clone())),
            }
            // An empty beneficiary is "none given", which education refuses too.
            for r in [d.validate(), d.validate_with(&[hp6()])] {
                assert!(
                    !r.is_valid(),
                    "junk accepted in field {field}: {}",
                    show(&s)
                );
                assert!(r.cleaned.is_none());
            }
            // The same through JSON.
            let json = serde_json::to_string(&d).expect("a draft serializes");
            let r = PaymentMessage::validate_json(&json).expect("its JSON parses");
            assert!(!r.is_valid(), "junk accepted in JSON field {field}");
        }
        if let Ok(r) = PaymentMessage::validate_json(&s) {
            assert!(
                !r.is_valid(),
                "junk accepted as a JSON message: {}",
                show(&s)
            );
        }
    }
}

#[test]
fn reasons_refuse_junk_that_is_not_text() {
    for j in junk() {
        let s = as_text(j);
        let r = Reason::parse(&s, "reason");
        let printable = !s.trim().is_empty()
            && s.chars().count() <= vietref::message::REASON_MAX_CHARS
            && s.chars().all(|c| {
                (text::chars::is_space_like(c) || !c.is_control())
                    && !text::is_format_or_invisible(c)
                    && c != '\u{FFFF}'
                    && c != '\u{FDD0}'
                    && c != '\u{10FFFF}'
                    && c != '\u{E0041}'
                    && c != '\u{FE0F}'
                    && c != '\u{034F}'
                    && c != '\u{3164}'
                    && c != '\u{FFA0}'
                    && c != '\u{115F}'
                    && c != '\u{1160}'
                    && c != '\u{00AD}'
            });
        if !printable {
            assert!(!r.is_valid(), "junk reason accepted: {}", show(&s));
        }
        // The free-text check alone refuses the same junk, emptiness and length aside
        // (those are the message's rules).
        let refused = has_error(&text::check_text(&s, "reason").1);
        let sized = !s.trim().is_empty() && s.chars().count() <= vietref::message::REASON_MAX_CHARS;
        if !printable && sized {
            assert!(refused, "junk free text accepted: {}", show(&s));
        }
        assert!(!refused || !r.is_valid());
        let mut d = valid_draft();
        d.reason = Some(s.to_string());
        assert_eq!(d.validate().is_valid(), r.is_valid());
    }
}

#[test]
fn compatibility_letters_are_folded_with_a_warning_not_refused() {
    // Mathematical bold and full-width letters are the same letters (NFKC), so a name
    // written in them is accepted, and the folding is reported.
    for s in ["𝐍𝐠𝐮𝐲𝐞𝐧", "Ｎｇｕｙｅｎ"] {
        let r = text::check_name(s, "payerName");
        assert_eq!(r.cleaned.as_deref(), Some("Nguyen"));
        assert!(r
            .findings
            .iter()
            .any(|f| f.code == vietref::Code::TextCompatibilityFolded));
    }
}

// ---------------------------------------------------------------------------------------
// References

/// A `compact` result holds only the letters and digits of the input, upper-cased.
fn check_compact(kind: &str, s: &str, r: Result<String, vietref::reference::RefError>) {
    if let Ok(c) = r {
        assert!(
            !c.is_empty()
                && c.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
            "{kind} compact of {} gave {}",
            show(s),
            show(&c)
        );
    }
}

#[test]
fn references_refuse_junk() {
    let scheme = hp6();
    for j in junk() {
        let s = as_text(j);
        let s = s.as_ref();
        assert!(code::validate(s).is_err(), "code accepted {}", show(s));
        assert!(!code::is_valid(s));
        assert!(code::format(s).is_err());
        check_compact("code", s, code::compact(s));
        assert!(code::create("HP", s).is_err(), "code body {}", show(s));
        assert!(
            code::create(s, "240101").is_err(),
            "code prefix {}",
            show(s)
        );
        assert!(s.parse::<code::PaymentCode>().is_err());
        assert!(Scheme::new(s, 6).is_err(), "scheme prefix {}", show(s));
        assert!(s.parse::<Scheme>().is_err(), "scheme {}", show(s));
        assert!(scheme.validate(s).is_err());
        assert!(scheme.create(s).is_err());

        assert!(rf::validate(s).is_err(), "RF accepted {}", show(s));
        assert!(!rf::is_valid(s));
        assert!(rf::format(s).is_err());
        check_compact("rf", s, rf::compact(s));
        assert!(rf::create(s).is_err(), "RF body {}", show(s));
        assert!(s.parse::<rf::CreditorReference>().is_err());

        assert!(einvoice::validate(s).is_err(), "e-invoice {}", show(s));
        assert!(!einvoice::is_valid(s));
        assert!(einvoice::format(s).is_err());
        check_compact("einvoice", s, einvoice::compact(s));
        assert!(s.parse::<einvoice::EInvoice>().is_err());

        assert!(mst::validate(s).is_err(), "tax code {}", show(s));
        assert!(!mst::is_valid(s));
        assert!(mst::format(s).is_err());
        check_compact("mst", s, mst::compact(s));
        assert!(mst::check_digit(s).is_none());
        assert!(s.parse::<mst::TaxCode>().is_err());

        assert!(!iso7064::is_valid(s));

        for schemes in [&[][..], &[scheme][..]] {
            let (r, findings) = InvoiceRef::parse_with(s, "invoice", schemes);
            assert!(r.is_none(), "invoice accepted {}", show(s));
            assert!(has_error(&findings));
        }
        let (r, findings) = InvoiceRef::parse(s, "invoice");
        assert!(r.is_none() && has_error(&findings));
    }
}

// ---------------------------------------------------------------------------------------
// Memos

/// What a channel carries: an OK rendering fits the budget and the character set.
fn check_rendered(r: &memo::Rendered, p: &Profile) {
    if r.is_ok() {
        assert!(
            r.text.len() <= p.budget,
            "{} over budget {}: {}",
            p.name,
            p.budget,
            show(&r.text)
        );
        assert!(
            r.text
                .bytes()
                .all(|b| p.charset.contains(b) && !b.is_ascii_control()),
            "{} carries {}",
            p.name,
            show(&r.text)
        );
    }
}

#[test]
fn memos_render_and_read_junk_without_accepting_it() {
    let scheme = hp6();
    let m = valid_message();
    let mut channels: Vec<Profile> = Profile::BUILT_IN.to_vec();
    for p in Profile::BUILT_IN {
        channels.extend((0..3).map(|b| p.clone().with_budget(b)));
    }
    for j in junk() {
        let s = as_text(j);
        assert!(Profile::by_name(&s).is_none());

        // A channel whose name and character set are junk.
        let charset = Charset::new(&s);
        for budget in [0, 1, 25, 140] {
            let p = Profile::new(s.to_string(), charset, budget, s.to_string());
            let r = memo::render(&m, &p);
            if budget == 0 || charset.is_empty() {
                assert!(!r.is_ok(), "an unusable channel rendered: {}", show(&s));
            }
            check_rendered(&r, &p);
            let _ = memo::remittance(&m, &p);
        }

        // Messages with junk in a field never validate; what does validate (a reason of
        // printable text) renders within every channel.
        let mut d = valid_draft();
        d.reason = Some(s.to_string());
        if let Some(m) = d.validate_with(&[scheme]).cleaned {
            for p in &channels {
                check_rendered(&memo::render(&m, p), p);
                let x = memo::remittance(&m, p);
                check_rendered(&x.unstructured, p);
            }
        }

        // Reading: no code is found in junk, and what is read back is folded text.
        for schemes in [&[][..], &[scheme][..]] {
            assert!(memo::extract(&s, schemes).is_empty(), "{}", show(&s));
            let mut out = Vec::new();
            memo::extract_into(&s, schemes, &mut out);
            assert!(out.is_empty());
            let p = memo::parse_memo_with(&s, schemes);
            assert!(p.invoice.is_none(), "a code read from {}", show(&s));
            for t in [&p.reason, &p.beneficiary, &p.payer].into_iter().flatten() {
                assert!(t
                    .bytes()
                    .all(|b| b == b' ' || b.is_ascii_uppercase() || b.is_ascii_digit()));
            }
        }
        assert!(memo::parse_memo(&s).invoice.is_none());
    }
}

// ---------------------------------------------------------------------------------------
// VietQR

const BIN: &str = "970416";
const ACCOUNT: &str = "0011012345678";
const PAYEE_NAME: &str = "Trường THCS Hòa Bình";

fn tlv(tag: &str, value: &str) -> String {
    format!("{tag}{:02}{value}", value.chars().count())
}

/// A well-formed static payload with `name` in tag 59 and `purpose` in 62.08, CRC right.
fn payload(name: &str, purpose: &str) -> String {
    let beneficiary = tlv("00", BIN) + &tlv("01", ACCOUNT);
    let account_info = tlv("00", "A000000727") + &tlv("01", &beneficiary) + &tlv("02", "QRIBFTTA");
    let mut p = tlv("00", "01")
        + &tlv("01", "11")
        + &tlv("38", &account_info)
        + &tlv("53", "704")
        + &tlv("58", "VN")
        + &tlv("59", name)
        + &tlv("62", &tlv("08", purpose))
        + "6304";
    let crc = vietqr::crc16(p.as_bytes());
    p.push_str(&format!("{crc:04X}"));
    p
}

fn valid_qr() -> VietQr<'static> {
    let mut q = VietQr::new(BIN, ACCOUNT);
    q.merchant_name = Some("TRUONG THCS HOA BINH".into());
    q.additional_data.purpose = Some("HP24010172 HOC PHI".into());
    q
}

/// Every text field of a VietQR set to `s` in turn (the CRC is not: encode computes it).
fn with_junk_fields(s: &str) -> Vec<(&'static str, VietQr<'static>)> {
    let v = || Some(Cow::Owned(s.to_string()));
    let mut out = Vec::new();
    let mut push = |name, f: &dyn Fn(&mut VietQr<'static>)| {
        let mut q = valid_qr();
        f(&mut q);
        out.push((name, q));
    };
    push("bankBin", &|q| q.bank_bin = Cow::Owned(s.to_string()));
    push("accountNumber", &|q| {
        q.account_number = Cow::Owned(s.to_string())
    });
    push("merchantCategory", &|q| q.merchant_category = v());
    push("currency", &|q| q.currency = Cow::Owned(s.to_string()));
    push("amount", &|q| q.amount = v());
    push("country", &|q| q.country = Cow::Owned(s.to_string()));
    push("merchantName", &|q| q.merchant_name = v());
    push("merchantCity", &|q| q.merchant_city = v());
    push("postalCode", &|q| q.postal_code = v());
    push("billNumber", &|q| q.additional_data.bill_number = v());
    push("mobileNumber", &|q| q.additional_data.mobile_number = v());
    push("storeLabel", &|q| q.additional_data.store_label = v());
    push("loyaltyNumber", &|q| q.additional_data.loyalty_number = v());
    push("referenceLabel", &|q| {
        q.additional_data.reference_label = v()
    });
    push("customerLabel", &|q| q.additional_data.customer_label = v());
    push("terminalLabel", &|q| q.additional_data.terminal_label = v());
    push("purpose", &|q| q.additional_data.purpose = v());
    push("consumerDataRequest", &|q| {
        q.additional_data.consumer_data_request = v()
    });
    push("unreserved value", &|q| {
        q.unreserved
            .insert(Cow::Borrowed("80"), Cow::Owned(s.to_string()));
    });
    push("unreserved key", &|q| {
        q.unreserved
            .insert(Cow::Owned(s.to_string()), Cow::Borrowed("X"));
    });
    out
}

#[test]
fn vietqr_refuses_junk() {
    let payee = Payee::new(BIN, ACCOUNT, PAYEE_NAME);
    let valid = valid_qr();
    assert!(valid.encode().is_ok());
    assert!(vietqr::decode(&payload("TRUONG THCS", "HP24010172"), Mode::Strict).is_valid());
    let m = valid_message();
    for j in junk() {
        let s = as_text(j);
        let s = s.as_ref();
        for mode in [Mode::Strict, Mode::Lenient] {
            let r = vietqr::decode(s, mode);
            assert!(!r.is_valid() && r.cleaned.is_none(), "payload {}", show(s));
            assert!(r.errors().next().is_some());
            let r = VietQr::decode(s, mode);
            assert!(!r.is_valid());
        }
        // Inside a well-formed payload: an error, or at least a warning (non-ASCII text
        // read from someone else's code).
        if s.chars().count() <= 99 {
            for (name, purpose) in [(s, "HP24010172"), ("TRUONG THCS", s)] {
                let p = payload(name, purpose);
                for mode in [Mode::Strict, Mode::Lenient] {
                    // Lenient mode may repair a declared length (`5900` cannot be right),
                    // with a warning.
                    let r = vietqr::decode(&p, mode);
                    let warned = !r.findings.is_empty() && (mode == Mode::Lenient || !s.is_ascii());
                    assert!(
                        !r.is_valid() || warned,
                        "junk accepted inside a payload ({mode:?}): {}",
                        show(s)
                    );
                }
            }
        }
        for (field, q) in with_junk_fields(s) {
            // Printable text fits an unreserved tag (up to 99 characters).
            let text_ok = field == "unreserved value" && fits_free_text(s, 99);
            assert!(
                q.encode().is_err() || text_ok,
                "{field} = {} encoded",
                show(s)
            );
            assert_eq!(vietqr::encode(&q).is_ok(), q.encode().is_ok());
            // What the JSON form of that value reads to does not encode either.
            let json = serde_json::to_string(&q).expect("a VietQR serializes");
            if let Ok(back) = vietqr::from_json(&json) {
                assert!(
                    back.encode().is_err() || text_ok,
                    "{field} through JSON: {}",
                    show(s)
                );
            }
            // However long the value, the findings stay few.
            if let Err(f) = q.encode() {
                assert!(f.len() <= 100, "{} findings for {field}", f.len());
            }
        }
        assert!(vietqr::from_json(s).is_err(), "JSON {}", show(s));
        let mut q = valid.clone();
        q.additional_data.purpose = Some(Cow::Owned(s.to_string()));
        q.additional_data.bill_number = Some(Cow::Owned(s.to_string()));
        assert!(q.payment_codes(&[hp6()]).is_empty());

        for (bin, account, bill, purpose) in [
            (s, ACCOUNT, None, None),
            (BIN, s, None, None),
            (BIN, ACCOUNT, Some(s), None),
            (BIN, ACCOUNT, None, Some(s)),
        ] {
            let p = Payee::new(bin, account, PAYEE_NAME);
            let r = VietQr::to_account(&p, Some(500_000), bill, purpose);
            assert!(r.cleaned.is_none(), "to_account took {}", show(s));
            assert!(has_error(&r.findings));
            if bill.is_none() && purpose.is_none() {
                let r = VietQr::for_payment(&m, &p);
                assert!(r.cleaned.is_none(), "for_payment took {}", show(s));
                let f = vietqr::verify_payee(&valid, &p);
                assert!(has_error(&f), "verify_payee passed {}", show(s));
            }
        }
        let mut shown = valid.clone();
        shown.merchant_name = Some(Cow::Owned(s.to_string()));
        assert!(
            !vietqr::verify_payee(&shown, &payee).is_empty(),
            "merchant name {} passes for {PAYEE_NAME}",
            show(s)
        );
        let odd = Payee::new(BIN, ACCOUNT, s);
        let _ = vietqr::verify_payee(&valid, &odd);

        assert!(banks::lookup(s).is_none(), "bank {}", show(s));
        assert!(banks::by_name(s).is_none());
        assert!(banks::by_bin(s).is_none());
    }
}

// ---------------------------------------------------------------------------------------
// Legacy encodings

#[test]
fn legacy_encodings_never_accept_junk_silently() {
    let lossy = EncodeOptions {
        tcvn3_capitals: Tcvn3Capitals::LowerCase,
    };
    for j in junk() {
        let s = as_text(j);
        let utf8 = std::str::from_utf8(j).is_ok();
        // The NFC form of the text (UTF-8 decoding composes).
        let nfc = legacy::decode(s.as_bytes(), Encoding::Utf8).expect("a str is UTF-8");
        assert!(s.parse::<Encoding>().is_err());
        assert!(
            legacy::repair_mojibake(&s).is_none(),
            "repaired {}",
            show(&s)
        );
        for enc in Encoding::ALL {
            match legacy::decode(j, enc) {
                Ok(t) => {
                    assert!(
                        !t.contains('\u{FFFD}'),
                        "{enc:?} replaced a byte of {}",
                        show(&s)
                    );
                    if matches!(enc, Encoding::Utf8 | Encoding::Utf8AsCp1252) {
                        assert!(utf8, "{enc:?} decoded invalid UTF-8 {}", show(&s));
                    }
                    if enc == Encoding::Viqr {
                        assert!(j.is_ascii(), "VIQR decoded 8-bit bytes");
                    }
                    // The streaming decoder agrees, whatever the chunking.
                    let mut d = legacy::Decoder::new(enc);
                    let mut out = String::new();
                    for chunk in j.chunks(4093) {
                        d.decode_chunk(chunk, false, &mut out).expect("streams");
                    }
                    d.decode_chunk(&[], true, &mut out).expect("flushes");
                    assert_eq!(out, t, "{enc:?} streaming differs on {}", show(&s));
                }
                Err(e) => {
                    assert!(e.offset <= j.len());
                    let mut d = legacy::Decoder::new(enc);
                    let mut out = String::new();
                    let streamed = j
                        .chunks(4093)
                        .try_for_each(|c| d.decode_chunk(c, false, &mut out))
                        .and_then(|()| d.decode_chunk(&[], true, &mut out));
                    assert!(streamed.is_err(), "{enc:?} streaming accepted {}", show(&s));
                }
            }
            // Encoding: what is written decodes back to the same text; nothing is lost
            // silently (the lossy option reports every change).
            match legacy::encode(&s, enc) {
                Ok(bytes) => {
                    let back = legacy::decode(&bytes, enc);
                    assert_eq!(
                        back.as_deref(),
                        Ok(nfc.as_str()),
                        "{enc:?} encode of {} does not decode back",
                        show(&s)
                    );
                }
                Err(e) => assert!(e.position >= 1),
            }
            if let Ok(x) = legacy::encode_with(&s, enc, lossy) {
                if x.losses.is_empty() {
                    assert_eq!(legacy::decode(&x.bytes, enc).as_deref(), Ok(nfc.as_str()));
                }
                let mut e = legacy::Encoder::with_options(enc, lossy);
                let mut out = Vec::new();
                e.encode_chunk(&s, true, &mut out).expect("streams");
                assert_eq!(out, x.bytes, "{enc:?} streaming encode differs");
            }
            let mut out = Vec::new();
            let converted = legacy::convert(&j[..], &mut out, enc, Encoding::Utf8, lossy, |_| {});
            assert_eq!(
                converted.is_ok(),
                legacy::decode(j, enc).is_ok(),
                "{enc:?} convert and decode disagree on {}",
                show(&s)
            );
        }
        for declared in std::iter::once(None).chain(Encoding::ALL.map(Some)) {
            let d = legacy::detect_with_declared(j, declared);
            assert!((0.0..=1.0).contains(&d.confidence));
            assert_eq!(
                legacy::decode(j, d.encoding).as_deref(),
                Ok(d.text.as_str()),
                "detection of {} as {:?} is not its decoding",
                show(&s),
                d.encoding
            );
            if !utf8 {
                assert!(!matches!(
                    d.encoding,
                    Encoding::Utf8 | Encoding::Utf8AsCp1252
                ));
            }
        }
        assert_eq!(legacy::detect(j), legacy::detect_with_declared(j, None));
    }
}

// ---------------------------------------------------------------------------------------
// Reconciliation

const C1: &str = "HP24010172";

fn school() -> Reconciler {
    let mut r = Reconciler::new(&[hp6()]);
    let mut a = Invoice::new(C1, vietref::message::Amount::new(500_000).expect("amount"));
    a.payer = Some("Nguyễn Văn An".into());
    a.beneficiary = Some("Nguyễn Thị Bình".into());
    r.add_invoice(a).expect("C1");
    r.add_invoice(Invoice::new(
        "HD2024-0917",
        vietref::message::Amount::new(320_000).expect("amount"),
    ))
    .expect("HD2024-0917");
    r
}

fn amount(v: u64) -> vietref::message::Amount {
    vietref::message::Amount::new(v).expect("amount")
}

/// Feeds `line` and checks it was applied to no invoice.
fn feed_unapplied(r: &mut Reconciler, line: StatementLine, what: &str) {
    let res = r.feed(line);
    assert!(
        !res.status.is_applied() && res.invoice.is_none(),
        "a junk line was applied ({what}): {:?}",
        res.status
    );
}

/// A CSV field holding `bytes` as they are, quoted.
fn csv_field(bytes: &[u8]) -> Vec<u8> {
    let mut f = vec![b'"'];
    for &b in bytes {
        if b == b'"' {
            f.push(b'"');
        }
        f.push(b);
    }
    f.push(b'"');
    f
}

#[test]
fn reconciliation_never_applies_junk() {
    for j in junk() {
        let s = as_text(j);
        let s = s.as_ref();
        let mut r = school();

        // Lines with junk in every text field.
        let mut l = StatementLine::new(1, amount(500_000), s);
        feed_unapplied(&mut r, l.clone(), "content");
        l.content = "Nguyen Van An".into();
        l.counter_name = Some(s.to_string());
        l.reference = Some(s.to_string());
        l.date = Some(s.to_string());
        l.account = Some(s.to_string());
        l.gateway = Some(s.to_string());
        feed_unapplied(&mut r, l, "other fields");

        // Invoices with junk in every field.
        let added = r.add_invoice(Invoice::new(s, amount(1)));
        assert!(added.is_err(), "junk invoice code {}", show(s));
        if !s.trim().is_empty() {
            let mut inv = Invoice::new("HP24010269", amount(1));
            inv.due = Some(s.to_string());
            assert!(r.add_invoice(inv).is_err(), "junk due date {}", show(s));
        }
        for who in 0..2 {
            let mut inv = Invoice::new("HP24010366", amount(700_000));
            if who == 0 {
                inv.payer = Some(s.to_string());
            } else {
                inv.beneficiary = Some(s.to_string());
            }
            let mut r = school();
            if r.add_invoice(inv).is_ok() {
                // A line naming the junk "name" is not applied to that invoice either.
                feed_unapplied(
                    &mut r,
                    StatementLine::new(2, amount(700_000), s),
                    "junk name",
                );
            }
        }

        assert!(parse_amount(s, "amount").is_err(), "amount {}", show(s));
        assert!(parse_signed_amount(s, "amount").is_err());
        assert!(Date::parse(s).is_none(), "date {}", show(s));
        assert!(Date::parse_lenient(s).is_none());
        assert!(StatementFormat::from_path(s).is_none());
        assert!(s.parse::<StatementFormat>().is_err());
        assert!(s.parse::<Status>().is_err());
        if let Ok(c) = s.parse::<Columns>() {
            assert!(c.is_empty(), "a column mapping from {}", show(s));
        }

        // Junk files.
        if let Ok(rd) = StatementReader::csv(&j[..], &Columns::new()) {
            for rec in rd {
                assert!(!matches!(rec, Ok(StatementRecord::Line(_))));
            }
        }
        if let Ok(rd) = InvoiceReader::new(&j[..], &Columns::new()) {
            for rec in rd {
                assert!(rec.is_err(), "an invoice read from {}", show(s));
            }
        }
        for rec in StatementReader::json_lines(&j[..]) {
            assert!(!matches!(rec, Ok(StatementRecord::Line(_))), "{}", show(s));
        }
        if let Ok(rd) = StatementReader::json(&j[..]) {
            for rec in rd {
                assert!(!matches!(rec, Ok(StatementRecord::Line(_))), "{}", show(s));
            }
        }

        // Well-formed files with junk in one field.
        let header = b"date,amount,content,reference,counterName\n";
        let row: [&[u8]; 5] = [
            b"2024-09-17",
            b"500000",
            b"Hoc phi",
            b"FT1",
            b"Nguyen Van An",
        ];
        for k in 0..row.len() {
            let mut csv = header.to_vec();
            for (i, f) in row.iter().enumerate() {
                if i > 0 {
                    csv.push(b',');
                }
                csv.extend(csv_field(if i == k { j } else { f }));
            }
            csv.push(b'\n');
            let mut r = school();
            for rec in StatementReader::csv(&csv[..], &Columns::new()).expect("header") {
                match rec {
                    Ok(StatementRecord::Line(l)) => {
                        assert_ne!(k, 1, "junk amount read: {}", show(s));
                        feed_unapplied(&mut r, l, "CSV");
                    }
                    Ok(StatementRecord::Skipped(_)) => panic!("skipped {}", show(s)),
                    Err(e) => r.reject(&e),
                }
            }
        }
        let inv_header = b"code,amount,payer,beneficiary,due\n";
        let inv_row: [&[u8]; 5] = [b"HP24010463", b"500000", b"Le Van B", b"Le Thi C", b""];
        for k in 0..inv_row.len() {
            let mut csv = inv_header.to_vec();
            for (i, f) in inv_row.iter().enumerate() {
                if i > 0 {
                    csv.push(b',');
                }
                csv.extend(csv_field(if i == k { j } else { f }));
            }
            csv.push(b'\n');
            let mut r = school();
            for rec in InvoiceReader::new(&csv[..], &Columns::new()).expect("header") {
                let Ok((_, inv)) = rec else { continue };
                assert_ne!(k, 1, "junk invoice amount read: {}", show(s));
                let ok = r.add_invoice(inv).is_ok();
                if k == 0 || (k == 4 && !s.trim().is_empty()) {
                    assert!(!ok, "junk invoice field {k} added: {}", show(s));
                }
            }
        }
        let text = serde_json::Value::String(s.to_string());
        let lines = [
            serde_json::json!({"transferAmount": 500000, "content": text, "referenceCode": text,
                "transactionDate": text, "counterAccountName": text, "accountNumber": text,
                "gateway": text, "transferType": "in"}),
            serde_json::json!({"transferAmount": text, "content": "Hoc phi"}),
            serde_json::json!({"transferAmount": 500000, "content": "HP24010172", "transferType": text}),
        ];
        for (k, obj) in lines.iter().enumerate() {
            let jl = format!("{obj}\n");
            let mut r = school();
            for rec in StatementReader::json_lines(jl.as_bytes()) {
                if let Ok(StatementRecord::Line(l)) = rec {
                    // A blank transfer type is no transfer type.
                    assert!(
                        k == 0 || (k == 2 && s.trim().is_empty()),
                        "junk JSON field {k} read: {}",
                        show(s)
                    );
                    if k == 0 {
                        feed_unapplied(&mut r, l, "JSON lines");
                    }
                }
            }
            let arr = format!("[{obj}]");
            for rec in StatementReader::json(arr.as_bytes()).expect("an array") {
                if let Ok(StatementRecord::Line(l)) = rec {
                    assert!(k == 0 || (k == 2 && s.trim().is_empty()), "{}", show(s));
                    if k == 0 {
                        feed_unapplied(&mut r, l, "JSON");
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Report size

/// No field holds more than [`MAX_REPEATS`] findings of one code: the rest are counted in
/// one `text.more_findings`.
fn assert_small(findings: &[vietref::finding::Finding], what: &str, j: &str) {
    use std::collections::HashMap;
    let mut n: HashMap<(&str, &str), usize> = HashMap::new();
    for f in findings {
        let c = n.entry((&*f.field, f.code.key())).or_default();
        *c += 1;
        assert!(
            *c <= vietref::finding::MAX_REPEATS,
            "{what}: more than {} {} findings in {} for {}",
            vietref::finding::MAX_REPEATS,
            f.code.key(),
            f.field,
            show(j)
        );
    }
}

#[test]
fn reports_stay_small_whatever_the_junk() {
    for j in junk() {
        let s = as_text(j);
        let s: &str = &s;
        assert_small(&text::check_name(s, "payerName").findings, "check_name", s);
        assert_small(&text::check_text(s, "reason").1, "check_text", s);
        assert_small(&text::normalize(s, "reason").1, "normalize", s);
        assert_small(&Reason::parse(s, "reason").findings, "Reason", s);
        assert_small(&InvoiceRef::parse(s, "invoice").1, "InvoiceRef", s);
        for field in 0..5 {
            let mut d = valid_draft();
            let slot = [
                &mut d.sector,
                &mut d.payer_name,
                &mut d.beneficiary_name,
                &mut d.reason,
                &mut d.invoice,
            ]
            .into_iter()
            .nth(field)
            .expect("five fields");
            *slot = Some(s.to_owned());
            assert_small(&d.validate_with(&[hp6()]).findings, "message", s);
        }
        for mode in [Mode::Strict, Mode::Lenient] {
            assert_small(&vietqr::decode(s, mode).findings, "vietqr", s);
        }
    }
    // The count is kept: a megabyte of digits in a name is 16 findings and one count.
    let nines = "9".repeat(1 << 20);
    let r = text::check_name(&nines, "payerName");
    let digits = r.findings.iter().filter(|f| f.code.key() == "name.digit");
    assert_eq!(digits.count(), vietref::finding::MAX_REPEATS);
    let more: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.code.key() == "text.more_findings")
        .collect();
    assert_eq!(more.len(), 1);
    assert_eq!(
        more[0].params.limit,
        Some((1 << 20) - vietref::finding::MAX_REPEATS)
    );
    assert_eq!(more[0].params.detail.as_deref(), Some("name.digit"));
    assert!(!r.is_valid());
}
