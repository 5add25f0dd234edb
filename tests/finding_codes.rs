//! A test per finding code: each code has an input that produces it, and every code in the
//! table is covered here (a new code without a case fails `every_code_has_a_case`).

use serde_json::json;
use vietref::{text, Code, Finding, MessageDraft};

fn name(s: &str) -> Vec<Finding> {
    text::check_name(s, "payerName").findings
}

fn draft(v: serde_json::Value) -> Vec<Finding> {
    let d: MessageDraft = serde_json::from_value(v).unwrap();
    d.validate().findings
}

fn base() -> serde_json::Value {
    json!({"sector": "health", "payerName": "An", "reason": "Viện phí", "invoice": "VP1"})
}

fn with(k: &str, v: serde_json::Value) -> serde_json::Value {
    let mut b = base();
    b[k] = v;
    b
}

/// Findings of an input chosen to produce `code`; `None` when no case is written yet.
fn case(code: Code) -> Option<Vec<Finding>> {
    Some(match code {
        Code::TextCompatibilityFolded => name("Ｎam"),
        Code::TextComposed => name("Nguye\u{302}\u{303}n"),
        Code::TextWhitespace => name("An\u{00A0}Bình"),
        Code::TextApostrophe => name("K\u{2019}Nam"),
        Code::TextControlChar => name("Phạm\u{0}Hùng"),
        Code::TextBidiControl => name("An\u{202E}"),
        Code::TextInvisible => name("A\u{200B}n"),
        Code::TextEmpty => name("   "),
        Code::TextTooLong => name(&"An ".repeat(40)),
        Code::TextUnusableChar => name("An\u{E000}"),
        Code::TextMixedScript => text::check_text("Học phí lоp 6A", "reason").1,
        Code::TextMoreFindings => name(&"1".repeat(20)),
        Code::NameDigit => name("Nguyễn Văn 2"),
        Code::NameSymbol => name("Lê @Anh"),
        Code::NameForeignScript => name("НОА"),
        Code::NameNotVietnamese => name("Trần Hǎi"),
        Code::NameCase => name("nguyễn an"),
        Code::NameToneMisplaced => name("Lê Qúy"),
        Code::NameStrayMark => name("An\u{0301}\u{0301}"),
        Code::NamePunctuation => name("Nam-"),
        Code::MessageBeneficiaryRequired => draft(with("sector", json!("education"))),
        Code::MessageAmountZero => draft(with("amount", json!(0))),
        Code::MessageAmountTooLarge => draft(with("amount", json!("12345678901234"))),
        Code::MessageAmountInvalid => draft(with("amount", json!(-5))),
        Code::MessageSectorInvalid => draft(with("sector", json!("bank"))),
        Code::MessageSectorNormalized => draft(with("sector", json!(" HEALTH "))),
        Code::MessageFieldMissing => {
            draft(json!({"sector": "health", "payerName": "An", "reason": "x"}))
        }
        // made by the C ABI's setters (tests/capi_rust.rs walks them)
        Code::MessageValueRejected => vec![vietref::message::value_rejected(
            "payerName",
            vietref::message::RejectedText::NotUtf8 { byte: 5, len: 9 },
        )],
        Code::InvoiceInvalidChar => draft(with("invoice", json!("HP 1"))),
        Code::InvoiceNormalized => draft(with("invoice", json!(" VP1 "))),
        Code::InvoiceCheckDigits => invoice_with("HP7184097647", "HP:8"),
        Code::InvoiceCodeLength => invoice_with("HP718409767", "HP:8"),
        Code::InvoiceEinvoiceLike => draft(with("invoice", json!("7C24TAA-1234"))),
        Code::InvoiceRfCheckDigitsReserved => draft(with("invoice", json!("RF0072"))),
        _ => return None,
    })
}

/// Areas whose codes are each exercised by their own tests; every code of such an area must
/// at least be named (by key or variant) in those sources.
const COVERED_ELSEWHERE: &[(&str, &[&str])] = &[
    ("vietqr.", &[include_str!("vietqr.rs")]),
    ("memo.", &[include_str!("memo.rs")]),
    ("gateway.", &[include_str!("gateway.rs")]),
    (
        "reconcile.",
        &[
            include_str!("reconcile.rs"),
            include_str!("../cli/tests/reconcile.rs"),
            // unit tests of the readers (their #[cfg(test)] modules name the codes they hit)
            include_str!("../src/reconcile/amount.rs"),
            include_str!("../src/reconcile/csv.rs"),
            include_str!("../src/reconcile/read.rs"),
            // this file's own reader cases, below
            include_str!("finding_codes.rs"),
        ],
    ),
];

fn invoice_with(s: &str, scheme: &str) -> Vec<Finding> {
    let schemes = [scheme.parse::<vietref::reference::Scheme>().unwrap()];
    vietref::reference::InvoiceRef::parse_with(s, "invoice", &schemes).1
}

#[test]
fn every_code_has_a_case() {
    for &code in Code::ALL {
        if COVERED_ELSEWHERE
            .iter()
            .any(|(p, _)| code.key().starts_with(p))
        {
            continue;
        }
        let findings = case(code).unwrap_or_else(|| panic!("no test case for {}", code.key()));
        let f = findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{} not produced: {findings:?}", code.key()));
        assert_eq!(f.severity, code.severity());
        let t = code.template_en();
        let p = &f.params;
        for (ph, set) in [
            ("{char}", p.character.is_some()),
            ("{pos}", p.position.is_some()),
            ("{limit}", p.limit.is_some()),
            ("{detail}", p.detail.is_some()),
        ] {
            assert!(!t.contains(ph) || set, "{}: {ph} not filled", code.key());
        }
        assert!(!f.message_vi().is_empty());
        assert_ne!(f.message_en(), f.message_vi(), "{}", code.key());
    }
}

#[test]
fn a_clean_message_has_no_findings() {
    assert!(draft(base()).is_empty());
}

mod reconcile_readers {
    use vietref::reconcile::{Columns, StatementReader, StatementRecord};
    use vietref::Code;

    #[test]
    fn outgoing_lines_are_skipped_with_a_warning() {
        let jsonl = "{\"transferAmount\": 50000, \"content\": \"HP123456 hoc phi\", \"transferType\": \"out\"}\n";
        let mut r = StatementReader::json_lines(jsonl.as_bytes());
        match r.next() {
            Some(Ok(StatementRecord::Skipped(s))) => {
                assert_eq!(s.finding.code, Code::ReconcileOutgoingSkipped);
                assert_eq!(s.amount.vnd(), 50000);
            }
            other => panic!("expected a skipped outgoing line, got {other:?}"),
        }
    }

    #[test]
    fn an_overlong_csv_record_is_an_error_and_the_next_one_is_read() {
        // Records are capped at 1 MiB (src/reconcile/csv.rs, RECORD_MAX).
        let long = "x".repeat((1 << 20) + 10);
        let csv = format!(
            "date,amount,content,reference\n2024-01-02,1000,{long},R1\n2024-01-02,2000,HP1,R2\n"
        );
        let mut r = StatementReader::csv(csv.as_bytes(), &Columns::new()).expect("header");
        let first = r.next().expect("a record");
        let e = first.expect_err("too long");
        assert!(
            e.findings
                .iter()
                .any(|f| f.code == Code::ReconcileRecordTooLong),
            "{e:?}"
        );
        match r.next() {
            Some(Ok(StatementRecord::Line(l))) => assert_eq!(l.amount.vnd(), 2000),
            other => panic!("expected the next line, got {other:?}"),
        }
    }
}

#[test]
fn a_sector_written_another_way_is_read_and_reported() {
    for (written, read) in [
        (" HEALTH ", "health"),
        ("school", "education"),
        ("Y-TE", "health"),
    ] {
        let mut v = with("sector", json!(written));
        v["beneficiaryName"] = json!("Nguyễn Thị Bình");
        let draft: MessageDraft = serde_json::from_value(v).unwrap();
        let report = draft.validate();
        let f: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.field == "sector")
            .collect();
        assert_eq!(f.len(), 1, "{written:?}: {f:?}");
        assert_eq!(f[0].code, Code::MessageSectorNormalized);
        assert_eq!(
            f[0].message_en(),
            format!("the sector was normalized: {written:?} → {read}")
        );
        let msg = report.cleaned.expect("a warning keeps the message valid");
        assert_eq!(msg.sector().as_str(), read);
    }
}
