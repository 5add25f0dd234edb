//! Reconciliation: every status by hand, the bundled examples, generated statements
//! (rendered memos mangled the way banks do), readers, and properties.

mod common;

use common::mangle::{mangle, Ops};
use common::Rng;
use proptest::prelude::*;
use std::collections::HashMap;
use vietref::memo::{render, Profile};
use vietref::message::Amount;
use vietref::reconcile::{
    format_amount, parse_amount, Columns, Grouping, Invoice, InvoiceReader, InvoiceStatus,
    LineResult, NameRole, Reconciler, StatementFormat, StatementLine, StatementReader,
    StatementRecord, Status,
};
use vietref::reference::{code, rf, RefKind, Scheme};
use vietref::MessageDraft;

fn hp6() -> Scheme {
    "HP:6".parse().unwrap()
}

fn vnd(v: u64) -> Amount {
    Amount::new(v).unwrap()
}

fn inv(code: &str, amount: u64, payer: Option<&str>, ben: Option<&str>) -> Invoice {
    Invoice {
        code: code.into(),
        amount: vnd(amount),
        payer: payer.map(Into::into),
        beneficiary: ben.map(Into::into),
        due: None,
    }
}

fn line(n: u64, amount: u64, content: &str) -> StatementLine {
    StatementLine::new(n, vnd(amount), content)
}

// Codes computed independently of the library (ISO 7064 MOD 97-10 by hand, see
// examples/reconcile/): HP + body + check digits.
const C1: &str = "HP24010172";
const C2: &str = "HP24010269";
const C3: &str = "HP24010366";
const C4: &str = "HP24010463";
const LAST_YEAR: &str = "HP23999987";

#[test]
fn hand_codes_are_valid() {
    for c in [C1, C2, C3, C4, LAST_YEAR] {
        assert!(code::is_valid(c), "{c}");
    }
    assert!(!code::is_valid("HP24010173"));
}

fn school() -> Reconciler {
    let mut r = Reconciler::new(&[hp6()]);
    r.add_invoice(inv(
        C1,
        1_250_000,
        Some("Nguyễn Văn An"),
        Some("Nguyễn Thị Bình"),
    ))
    .unwrap();
    r.add_invoice(inv(
        C2,
        1_250_000,
        Some("Trần Văn Hùng"),
        Some("Trần Minh Khoa"),
    ))
    .unwrap();
    r.add_invoice(inv(C3, 980_000, Some("Lê Thị Thuỷ"), Some("Phạm Gia Huy")))
        .unwrap();
    r.add_invoice(inv(C4, 750_000, Some("Đỗ Thị Hoa"), Some("Hoàng Vy")))
        .unwrap();
    r
}

#[test]
fn paid() {
    let mut r = school();
    let x = r.feed(line(
        2,
        1_250_000,
        "MBVCB.2427229823.174242.HP24010172 HOC PHI HK1.CT tu 1027236393",
    ));
    assert_eq!((x.status, x.invoice.as_deref()), (Status::Paid, Some(C1)));
    assert_eq!(x.evidence.amount_due, Some(1_250_000));
    assert_eq!(
        (
            x.evidence.paid_before,
            x.evidence.paid_after,
            x.evidence.outstanding
        ),
        (Some(0), Some(1_250_000), Some(0))
    );
    assert_eq!(x.evidence.codes.len(), 1);
    let c = &x.evidence.codes[0];
    assert_eq!(
        (c.code.as_str(), c.kind, c.span),
        (C1, RefKind::PaymentCode, (24, 34))
    );
    assert_eq!(c.text, "HP24010172");
    assert!(c.known);
    assert_eq!(
        x.reason(),
        "code HP24010172 found; 1,250,000 VND paid in full"
    );
    assert_eq!(
        x.reason_vi(),
        "tìm thấy mã HP24010172; đã thanh toán đủ 1.250.000 đ"
    );
}

#[test]
fn partial_then_paid_then_duplicate() {
    let mut r = school();
    let a = r.feed(line(2, 500_000, "hp 2401 0269 hoc phi"));
    assert_eq!(
        (a.status, a.evidence.outstanding),
        (Status::Partial, Some(750_000))
    );
    assert_eq!(
        a.reason(),
        "code HP24010269 found; 500,000 VND paid of 1,250,000 VND, 750,000 VND still due"
    );
    let b = r.feed(line(3, 750_000, "HP24010269 con lai"));
    assert_eq!(
        (b.status, b.evidence.paid_before, b.evidence.outstanding),
        (Status::Paid, Some(500_000), Some(0))
    );
    let mut l = line(4, 100_000, "HP24010269");
    l.reference = Some("FT1".into());
    let c = r.feed(l);
    assert_eq!(
        (c.status, c.invoice.as_deref()),
        (Status::Duplicate, Some(C2))
    );
    assert_eq!(
        (c.evidence.settled_by_line, c.evidence.same_reference),
        (Some(3), false)
    );
    let mut l = line(5, 100_000, "HP24010269");
    l.reference = Some("FT1".into());
    let d = r.feed(l);
    assert_eq!(
        (d.status, d.evidence.same_reference),
        (Status::Duplicate, true)
    );
    assert!(d.reason().contains("same bank reference"), "{}", d.reason());
    let st = r.invoice(C2).unwrap();
    assert_eq!(
        (st.paid, st.payments, st.status),
        (1_450_000, 4, InvoiceStatus::Overpaid)
    );
}

#[test]
fn overpaid() {
    let mut r = school();
    let x = r.feed(line(7, 1_000_000, "IB HP24010366 HOC PHI"));
    assert_eq!(
        (x.status, x.evidence.excess, x.evidence.outstanding),
        (Status::Overpaid, Some(20_000), Some(0))
    );
    assert_eq!(
        x.reason(),
        "code HP24010366 found; 1,000,000 VND paid for 980,000 VND due: 20,000 VND too much"
    );
}

#[test]
fn unknown_code() {
    let mut r = school();
    let x = r.feed(line(2, 1_250_000, "HP23999987 hoc phi hk2"));
    assert_eq!(
        (x.status, x.invoice.as_deref()),
        (Status::UnknownCode, None)
    );
    assert_eq!(x.evidence.codes[0].code, LAST_YEAR);
    assert!(!x.evidence.codes[0].known);
}

#[test]
fn ambiguous() {
    let mut r = school();
    let x = r.feed(line(2, 2_500_000, "HP24010172 HP24010269 HOC PHI 2 CHAU"));
    assert_eq!((x.status, x.invoice.as_deref()), (Status::Ambiguous, None));
    assert_eq!(
        x.evidence
            .codes
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>(),
        [C1, C2]
    );
    // A known and an unknown code are ambiguous too; nothing was applied.
    let y = r.feed(line(3, 1_250_000, "HP24010172 HP23999987"));
    assert_eq!(y.status, Status::Ambiguous);
    assert_eq!(r.invoice(C1).unwrap().paid, 0);
}

#[test]
fn unmatched_and_suggestions() {
    let mut r = school();
    // No code, no name: no suggestion.
    let x = r.feed(line(2, 200_000, "ung ho quy lop"));
    assert_eq!(
        (x.status, x.suggestion.as_deref()),
        (Status::Unmatched, None)
    );
    assert_eq!(x.reason(), "no invoice code found in the content");
    // Y/I variant of the beneficiary's name and the exact amount: one invoice.
    let x = r.feed(line(
        3,
        750_000,
        "CHUYEN TIEN HOC PHI CHO CHAU HOANG VI LOP 6A",
    ));
    assert_eq!(
        (x.status, x.invoice.as_deref(), x.suggestion.as_deref()),
        (Status::Unmatched, None, Some(C4))
    );
    assert_eq!(x.evidence.names[0].role, NameRole::Beneficiary);
    assert_eq!(x.evidence.names[0].observed, "HOANG VI");
    assert_eq!(x.evidence.names[0].invoice.as_deref(), Some(C4));
    assert_eq!(x.evidence.names[0].name, "HOANG VY");
    assert_eq!(x.evidence.name_candidates, Some(1));
    assert_eq!(
        r.invoice(C4).unwrap().paid,
        0,
        "a suggestion is never applied"
    );
    // The same name with another amount: nothing.
    let x = r.feed(line(4, 700_000, "CHO CHAU HOANG VI"));
    assert_eq!(x.suggestion, None);
    // A mistyped code (check digits fail), the truncated name and the counter name.
    let mut l = line(5, 1_250_000, "HP24010173 HOC PHI HS NGUYEN THI B");
    l.counter_name = Some("NGUYEN VAN AN".into());
    let x = r.feed(l);
    assert_eq!(x.suggestion.as_deref(), Some(C1));
    assert!(x
        .evidence
        .names
        .iter()
        .any(|n| n.truncated && n.observed == "NGUYEN THI B"));
    // A suggestion needs the whole name: a middle name missing is not enough (NGUYEN AN
    // may be Nguyễn Thanh An), nor a piece of a longer name (NGUYEN VAN AN KHOA).
    let x = r.feed(line(6, 1_250_000, "tien hoc NGUYEN AN"));
    assert_eq!(x.suggestion, None);
    let x = r.feed(line(6, 1_250_000, "NGUYEN VAN AN KHOA NOP HOC PHI"));
    assert_eq!(x.suggestion, None);
    let x = r.feed(line(6, 1_250_000, "NGUYEN VAN AN NOP HOC PHI"));
    assert_eq!(x.suggestion.as_deref(), Some(C1));
    // A name alone (family + one middle name, cut) is not enough; nor a common name with
    // an amount that two invoices share.
    let x = r.feed(line(7, 1_250_000, "HS NGUYEN TH"));
    assert_eq!(x.suggestion, None);
    let mut r2 = school();
    r2.add_invoice(inv("HP24010560", 1_250_000, Some("Nguyễn Văn An"), None))
        .unwrap();
    let x = r2.feed(line(8, 1_250_000, "NGUYEN VAN AN chuyen tien"));
    assert_eq!(
        (x.suggestion.as_deref(), x.evidence.name_candidates),
        (None, Some(2))
    );
    assert!(
        x.reason().contains("fit more than one open invoice"),
        "{}",
        x.reason()
    );
}

/// Whether `a` and `b` (same length) are one substitution or one adjacent swap apart.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diff.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

/// A code of a known scheme whose check digits fail, one digit changed or two adjacent
/// digits swapped away from exactly one open invoice's code: a `possible_typo` (never
/// applied); from several: nothing, with the count.
#[test]
fn possible_typos() {
    let s = hp6();
    let codes: Vec<String> = (240100..240200)
        .map(|b| s.create(&b.to_string()).unwrap().as_str().to_string())
        .collect();
    let mut r = Reconciler::new(&[s]);
    for c in &codes {
        r.add_invoice(inv(c, 500_000, None, None)).unwrap();
    }
    let target = &codes[17];
    // Every substitution and adjacent swap of the target's digits whose check fails and
    // that is one edit away from no other invoice suggests the target.
    let mut tried = 0;
    let digits_from = 2;
    let mut variants = Vec::new();
    for p in digits_from..target.len() {
        for d in b'0'..=b'9' {
            let mut v = target.as_bytes().to_vec();
            v[p] = d;
            variants.push(String::from_utf8(v).unwrap());
        }
        if p + 1 < target.len() {
            let mut v = target.as_bytes().to_vec();
            v.swap(p, p + 1);
            variants.push(String::from_utf8(v).unwrap());
        }
    }
    let mut several = None;
    for typed in variants {
        if code::is_valid(&typed) || typed == *target {
            continue;
        }
        let near: Vec<&String> = codes.iter().filter(|c| one_edit(c, &typed)).collect();
        let x = r.feed(line(2, 123_000, &format!("hoc phi {typed} HS AN")));
        assert_eq!(x.status, Status::Unmatched, "{typed}");
        let t = x.evidence.typo.as_ref().expect("typo evidence");
        assert_eq!(t.typed, typed);
        if near.len() == 1 {
            assert_eq!(x.possible_typo.as_deref(), Some(target.as_str()), "{typed}");
            assert_eq!(
                (t.invoice.as_deref(), t.candidates),
                (Some(target.as_str()), 1)
            );
            assert!(x.reason().contains("possible typo"), "{}", x.reason());
            assert!(x.reason_vi().contains("gõ nhầm"), "{}", x.reason_vi());
            tried += 1;
        } else {
            assert_eq!(x.possible_typo, None, "{typed}");
            assert_eq!((t.invoice.as_deref(), t.candidates), (None, 2), "{typed}");
            several = Some(typed);
        }
    }
    assert!(tried > 20, "{tried}");
    assert!(
        several.is_some(),
        "a code one edit from two invoices was tried"
    );
    // Written apart as people do, and never applied.
    let spaced = {
        let t = target.as_bytes();
        let mut v = t.to_vec();
        v[5] = if t[5] == b'9' { b'0' } else { t[5] + 1 };
        let typed = String::from_utf8(v).unwrap();
        format!("{} {} {}", &typed[..2], &typed[2..6], &typed[6..])
    };
    let x = r.feed(line(3, 500_000, &format!("HOC PHI {spaced}")));
    if x.evidence.typo.as_ref().is_some_and(|t| t.candidates == 1) {
        assert_eq!(x.possible_typo.as_deref(), Some(target.as_str()));
    }
    assert!(
        r.invoices().all(|i| i.paid == 0),
        "a possible typo is never applied"
    );
    // A valid code is not a typo; a digit run longer than a code (a trace) is not read.
    let x = r.feed(line(4, 500_000, &format!("{}1 chuyen tien", target)));
    assert_eq!((x.possible_typo, x.evidence.typo), (None, None));
}

/// Mạc, Lã, Tô, Hà, Đào: family names that are also bank words. `MAC` is a stop word only in
/// Sacombank's `/MAC/` suffix.
#[test]
fn family_names_that_are_bank_words() {
    let mut r = Reconciler::new(&[hp6()]);
    r.add_invoice(inv("HP24010172", 900_000, None, Some("Mạc Văn Khoa")))
        .unwrap();
    r.add_invoice(inv("HP24010269", 800_000, None, Some("Tô Văn Bằng")))
        .unwrap();
    r.add_invoice(inv("HP24010366", 700_000, None, Some("Hà Thị Lan")))
        .unwrap();
    let x = r.feed(line(2, 900_000, "MAC VAN KHOA nop hoc phi"));
    assert_eq!(x.suggestion.as_deref(), Some("HP24010172"));
    let x = r.feed(line(
        3,
        900_000,
        "MAC VAN KHOA hoc phi SACOMBANK-GD 1234-/CTR/IBFT 5678/MAC/9F2A",
    ));
    assert_eq!(x.suggestion.as_deref(), Some("HP24010172"));
    let x = r.feed(line(
        4,
        800_000,
        "ISL20240910074600001-TO VAN BANG hoc phi lop 3B",
    ));
    assert_eq!(x.suggestion.as_deref(), Some("HP24010269"));
    let x = r.feed(line(5, 700_000, "HA THI LAN CHUYEN TIEN HOC PHI"));
    assert_eq!(x.suggestion.as_deref(), Some("HP24010366"));
}

#[test]
fn suggestion_follows_the_outstanding_amount() {
    let mut r = school();
    r.feed(line(2, 500_000, "HP24010269"));
    // 750 000 is now what Trần Minh Khoa still owes.
    let x = r.feed(line(3, 750_000, "hoc phi con lai HS TRAN MINH KHOA"));
    assert_eq!(x.suggestion.as_deref(), Some(C2));
    let x = r.feed(line(4, 1_250_000, "hoc phi HS TRAN MINH KHOA"));
    assert_eq!(x.suggestion, None);
}

#[test]
fn non_code_invoices() {
    let mut r = Reconciler::new(&[hp6()]);
    r.add_invoice(inv("RF18 5390 0754 7034", 450_000, None, None))
        .unwrap();
    r.add_invoice(inv("HD2024-0917", 320_000, None, None))
        .unwrap();
    r.add_invoice(inv("1C24TAA-00001234", 2_150_000, None, None))
        .unwrap();
    let added = r.add_invoice(inv("AB12", 1_000, None, None)).unwrap();
    assert_eq!(added.kind, RefKind::Opaque);
    assert_eq!(added.warnings[0].code.key(), "reconcile.code_unsearchable");
    // RF with a separator after it (found by extract) and glued to the next word.
    let x = r.feed(line(2, 450_000, "RF18 5390 0754 7034 DONG PHUC"));
    assert_eq!(
        (x.status, x.invoice.as_deref()),
        (Status::Paid, Some("RF18539007547034"))
    );
    let x = r.feed(line(3, 450_000, "RF18539007547034DONGPHUC"));
    assert_eq!(x.status, Status::Duplicate);
    // Opaque code, compacted, bounded by a letter/digit change.
    let x = r.feed(line(4, 320_000, "CT DEN:523320101151HD2024.0917TIEN AN"));
    assert_eq!(
        (x.status, x.invoice.as_deref()),
        (Status::Paid, Some("HD2024-0917"))
    );
    assert_eq!(x.evidence.codes[0].text, "HD2024.0917");
    // Not bounded: glued letters before, digits after.
    let x = r.feed(line(5, 320_000, "XHD20240917 hoc"));
    assert_eq!(x.status, Status::Unmatched);
    let x = r.feed(line(6, 320_000, "HD2024091788"));
    assert_eq!(x.status, Status::Unmatched);
    // E-invoice in its compact and printed forms.
    let x = r.feed(line(7, 1_000_000, "IB 1C24TAA1234 TIEN NOI TRU"));
    assert_eq!(
        (x.status, x.invoice.as_deref()),
        (Status::Partial, Some("1C24TAA1234"))
    );
    let x = r.feed(line(8, 1_150_000, "IB 1C24TAA-00001234"));
    assert_eq!(x.status, Status::Paid);
}

#[test]
fn invoice_errors() {
    let mut r = school();
    let e = r
        .add_invoice(inv("hp 2401 0172", 1, None, None))
        .unwrap_err();
    assert_eq!(
        e.iter().map(|f| f.code.key()).collect::<Vec<_>>(),
        ["invoice.normalized", "reconcile.invoice_duplicate"]
    );
    let e = r.add_invoice(inv("HP24010173", 1, None, None)).unwrap_err();
    assert!(e.iter().any(|f| f.code.key() == "invoice.check_digits"));
    let mut bad_due = inv("HP24010560", 1, None, None);
    bad_due.due = Some("31/02/2024".into());
    let e = r.add_invoice(bad_due).unwrap_err();
    assert_eq!(
        (e[0].code.key(), &*e[0].field),
        ("reconcile.date_invalid", "due")
    );
    let e = r.add_invoice(inv("HD-2024/0917", 1, None, None));
    assert!(e.is_ok());
    let e = r
        .add_invoice(inv("HD.2024.0917", 1, None, None))
        .unwrap_err();
    assert_eq!(e[0].code.key(), "reconcile.invoice_duplicate");
    assert_eq!(
        e[0].params.detail.as_deref(),
        Some("HD.2024.0917 (= HD-2024/0917)")
    );
}

#[test]
fn names_with_nothing_to_match_are_reported_and_ignored() {
    let mut r = school();
    let added = r
        .add_invoice(inv(
            "HP24010560",
            700_000,
            Some("\u{200B}\u{202E} 12/34 \u{0301}"),
            Some("Lê Thị Hằng"),
        ))
        .unwrap();
    assert_eq!(
        added
            .warnings
            .iter()
            .map(|f| (f.code.key(), &*f.field))
            .collect::<Vec<_>>(),
        [("reconcile.name_unusable", "payer")]
    );
    // Blank is no name, as for the due date.
    let added = r
        .add_invoice(inv("HP24010657", 700_000, Some(" \t"), Some("")))
        .unwrap();
    assert!(added.warnings.is_empty());
    // The beneficiary still suggests its invoice.
    let x = r.feed(line(1, 700_000, "hoc phi Le Thi Hang"));
    assert_eq!(
        (x.status, x.suggestion.as_deref()),
        (Status::Unmatched, Some("HP24010560"))
    );
}

/// Lateness is read from each line's own date, when consecutive lines share a date and
/// when they do not (the reconciler remembers the last date it read), on one thread and
/// on two.
#[test]
fn late_follows_each_lines_date() {
    let dates = [
        ("2024-09-10 08:00:00", Some(false)),
        ("2024-09-20 08:00:00", Some(true)),
        ("2024-09-20 08:00:00", Some(true)),
        ("15/09/2024", Some(false)),
        ("not a date", None),
        ("2024-09-16", Some(true)),
        ("2024-09-10 08:00:00", Some(false)),
    ];
    for threads in [1, 2] {
        let mut r = Reconciler::new(&[hp6()]);
        r.set_threads(threads);
        for c in [C1, C2, C3, C4] {
            let mut i = inv(c, 1_000, None, None);
            i.due = Some("2024-09-15".into());
            r.add_invoice(i).unwrap();
        }
        let codes = [C1, C2, C3, C4, C1, C2, C3];
        let lines = dates.iter().zip(codes).enumerate().map(|(n, ((d, _), c))| {
            let mut l = line(n as u64 + 1, 100, c);
            l.date = Some(d.to_string());
            l
        });
        let mut got = Vec::new();
        r.feed_many(lines, |x| got.push(x.evidence.late));
        let want: Vec<_> = dates.iter().map(|(_, late)| *late).collect();
        assert_eq!(got, want, "threads {threads}");
    }
}

#[test]
fn late_payment() {
    let mut r = Reconciler::new(&[hp6()]);
    let mut i = inv(C1, 1_000, None, None);
    i.due = Some("15/09/2024".into());
    r.add_invoice(i).unwrap();
    let mut l = line(2, 400, C1);
    l.date = Some("2024-09-15 23:59:59".into());
    let x = r.feed(l);
    assert_eq!(
        (x.evidence.due.map(|d| d.iso()), x.evidence.late),
        (Some("2024-09-15".to_string()), Some(false))
    );
    let mut l = line(3, 600, C1);
    l.date = Some("16/09/2024".into());
    let x = r.feed(l);
    assert_eq!(x.evidence.late, Some(true));
    assert!(
        x.reason().ends_with("; paid after the due date 2024-09-15"),
        "{}",
        x.reason()
    );
    assert!(
        x.reason_vi().ends_with("; trả sau hạn 15/09/2024"),
        "{}",
        x.reason_vi()
    );
}

#[test]
fn summary_counts() {
    let mut r = school();
    for (n, a, c) in [
        (1, 1_250_000, C1),
        (2, 1_250_000, C1),
        (3, 100, "x"),
        (4, 500_000, C2),
    ] {
        r.feed(line(n, a, c));
    }
    let s = r.summary();
    assert_eq!((s.lines, s.amount), (4, 3_000_100));
    assert_eq!(
        (s.get(Status::Paid).lines, s.get(Status::Duplicate).amount),
        (1, 1_250_000)
    );
    assert_eq!(
        (
            s.get(Status::Unmatched).lines,
            s.get(Status::Partial).amount
        ),
        (1, 500_000)
    );
    assert_eq!(s.statuses.len(), 7);
    assert_eq!(
        (
            s.invoices,
            s.invoices_overpaid,
            s.invoices_partial,
            s.invoices_unpaid
        ),
        (4, 1, 1, 2)
    );
    assert_eq!(s.outstanding, 750_000 + 980_000 + 750_000);
    let table = s.to_string();
    assert!(
        table.contains("duplicate              1           1.250.000"),
        "{table}"
    );
}

fn statuses(results: &[LineResult]) -> Vec<(u64, &'static str, Option<String>, Option<String>)> {
    results
        .iter()
        .map(|r| {
            (
                r.line,
                r.status.as_str(),
                r.invoice.clone(),
                r.suggestion.clone(),
            )
        })
        .collect()
}

fn run_example(statement: &str, format: StatementFormat) -> (Vec<LineResult>, Vec<u64>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/reconcile/");
    let invoices = std::fs::read(format!("{dir}invoices.csv")).unwrap();
    let mut r = Reconciler::new(&[hp6()]);
    for item in InvoiceReader::new(&invoices[..], &Columns::new()).unwrap() {
        let (_, i) = item.unwrap();
        r.add_invoice(i).unwrap();
    }
    let data = std::fs::read(format!("{dir}{statement}")).unwrap();
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for rec in StatementReader::new(format, &data[..], &Columns::new()).unwrap() {
        match rec.unwrap() {
            StatementRecord::Line(l) => out.push(r.feed(l)),
            StatementRecord::Skipped(s) => skipped.push(s.line),
        }
    }
    (out, skipped)
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn bundled_csv_example() {
    let (results, skipped) = run_example("statement.csv", StatementFormat::Csv);
    assert_eq!(
        statuses(&results),
        vec![
            (2, "paid", s("HP24010172"), None),
            (3, "partial", s("HP24010269"), None),
            (4, "paid", s("HP24010269"), None),
            (5, "overpaid", s("HP24010366"), None),
            (6, "duplicate", s("HP24010172"), None),
            (7, "unknown_code", None, None),
            (8, "ambiguous", None, None),
            (9, "unmatched", None, s("HP24010560")),
            (10, "unmatched", None, None),
            (11, "paid", s("HP24010754"), None),
            (12, "paid", s("HP24010851"), None),
            (13, "paid", s("RF18539007547034"), None),
            (14, "paid", s("HD2024-0917"), None),
            (15, "paid", s("1C24TAA1234"), None),
            (16, "unmatched", None, s("HP24010657")),
            (18, "paid", s("HP24011045"), None),
        ]
    );
    assert_eq!(skipped, [17]);
    assert_eq!(results.last().unwrap().evidence.late, Some(true));
}

#[test]
fn bundled_jsonl_example() {
    let (results, skipped) = run_example("statement.jsonl", StatementFormat::JsonLines);
    assert_eq!(
        statuses(&results),
        vec![
            (1, "paid", s("HP24010172"), None),
            (3, "partial", s("HP24010463"), None),
            (4, "unknown_code", None, None),
            (6, "unmatched", None, s("HP24010463")),
            (7, "overpaid", s("HP24010560"), None),
            (8, "duplicate", s("HP24010172"), None),
            (9, "paid", s("RF18539007547034"), None),
        ]
    );
    assert_eq!(skipped, [2]);
    assert!(results[5].evidence.same_reference);
}

// ---- generated statements ----

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Gia", "Hoài", "Đức", "Thu",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Thủy", "Vy", "Huy", "Khoa", "Linh", "Nam", "Hà", "Tú", "Dũng", "Hùng", "Lan",
    "Mai", "Phúc", "Quân", "Trâm", "Yến", "Khang", "Nhi",
];
const DUES: &[u64] = &[1_250_000, 980_000, 750_000, 2_150_000, 450_000, 320_000];
const NOISE: &[&str] = &[
    "chuyen tien",
    "ung ho quy lop",
    "tien an",
    "dong gop",
    "hoan tien",
    "mua sach",
    "tra no",
    "qua tet",
];

struct Gen {
    code: String,
    kind: RefKind,
    amount: u64,
    payer: String,
    ben: String,
}

fn name(rng: &mut Rng) -> String {
    let mut parts = vec![*rng.pick(FAMILY)];
    for _ in 0..rng.below(3) {
        parts.push(*rng.pick(MIDDLE));
    }
    parts.push(*rng.pick(GIVEN));
    parts.join(" ")
}

fn memo_for(g: &Gen, rng: &mut Rng, profile: &Profile) -> String {
    let d = MessageDraft {
        sector: Some("education".into()),
        payer_name: Some(g.payer.clone()),
        beneficiary_name: Some(g.ben.clone()),
        reason: Some(
            (*rng.pick(&["Học phí HK1", "Tiền ăn bán trú", "Đồng phục", "Quỹ lớp"])).into(),
        ),
        invoice: Some(g.code.clone()),
        amount: None,
    };
    let m = d.validate().cleaned.expect("valid message");
    let r = render(&m, profile);
    assert!(r.is_ok(), "{:?}", r.findings);
    r.text
}

/// What the test expects, from a plain ledger (independent of the reconciler).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expect {
    status: Status,
    invoice: Option<String>,
    suggestion: Option<String>,
}

#[test]
fn generated_statement_is_classified_exactly() {
    for seed in [1u64, 2, 3] {
        generated(seed, 3000);
    }
}

fn generated(seed: u64, n: usize) {
    let mut rng = Rng::new(seed);
    let scheme = hp6();
    let mut gens: Vec<Gen> = Vec::new();
    for i in 0..n {
        let body = format!("{:06}", 100_000 + i * 7);
        let (code, kind) = match i % 40 {
            0 => (rf::create(&body).unwrap().as_str().to_string(), RefKind::Rf),
            1 => (format!("HD{}-{:04}", 2024, i), RefKind::Opaque),
            _ => (
                scheme.create(&body).unwrap().as_str().to_string(),
                RefKind::PaymentCode,
            ),
        };
        let amount = *rng.pick(DUES);
        let payer = name(&mut rng);
        let ben = name(&mut rng);
        gens.push(Gen {
            code,
            kind,
            amount,
            payer,
            ben,
        });
    }

    // Plans: (content, amount, counter name, expected invoice code, kind of line).
    enum Plan {
        Pay(usize, u64),
        Suggest(usize),
        Unknown(String),
        Ambiguous(usize, usize),
        Noise,
    }
    let mut plans: Vec<Plan> = Vec::new();
    let mut untouched: Vec<usize> = Vec::new();
    let mut suggest_amount = 3_000_700u64;
    for (i, g) in gens.iter_mut().enumerate() {
        match rng.below(20) {
            0..=10 => plans.push(Plan::Pay(i, g.amount)),
            11 | 12 => {
                plans.push(Plan::Pay(i, g.amount / 2));
                plans.push(Plan::Pay(i, g.amount - g.amount / 2));
            }
            13 => plans.push(Plan::Pay(i, g.amount + 50_000)),
            14 => {
                plans.push(Plan::Pay(i, g.amount));
                plans.push(Plan::Pay(i, g.amount));
            }
            15 | 16 if g.kind == RefKind::PaymentCode => {
                // A unique amount: the suggestion is then unique by construction.
                g.amount = suggest_amount;
                suggest_amount += 1_000;
                plans.push(Plan::Suggest(i));
            }
            _ => untouched.push(i),
        }
    }
    let mut r = Reconciler::new(&[scheme]);
    // The same invoices, fed the same lines in batches (`feed_many`) at the end.
    let mut batched = Reconciler::new(&[scheme]);
    for g in &gens {
        let inv = Invoice {
            code: g.code.clone(),
            amount: vnd(g.amount),
            payer: Some(g.payer.clone()),
            beneficiary: Some(g.ben.clone()),
            due: None,
        };
        batched.add_invoice(inv.clone()).unwrap();
        let added = r.add_invoice(inv).unwrap();
        assert_eq!((added.code.as_str(), added.kind), (g.code.as_str(), g.kind));
    }
    let (mut fed_lines, mut fed_results) = (Vec::new(), Vec::new());
    for k in 0..n / 15 {
        let body = format!("{:06}", 900_000 + k);
        plans.push(Plan::Unknown(
            scheme.create(&body).unwrap().as_str().to_string(),
        ));
    }
    let pairs: Vec<(usize, usize)> = untouched
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| (c[0], c[1]))
        .collect();
    for (a, b) in pairs.iter().take(n / 30) {
        plans.push(Plan::Ambiguous(*a, *b));
    }
    for _ in 0..n / 10 {
        plans.push(Plan::Noise);
    }
    // Shuffle (Fisher-Yates); the ledger below follows whatever order results.
    for i in (1..plans.len()).rev() {
        let j = rng.below(i + 1);
        plans.swap(i, j);
    }

    let profiles = [
        Profile::TRANSFER,
        Profile::VIETQR_PURPOSE,
        Profile::MOBILE_MONEY,
    ];
    let mut paid: HashMap<usize, u64> = HashMap::new();
    let mut counts: HashMap<Status, usize> = HashMap::new();
    for (k, plan) in plans.iter().enumerate() {
        let line_no = k as u64 + 2;
        let mut counter = None;
        let (content, amount, steps, expect) = match plan {
            Plan::Pay(i, amount) => {
                let g = &gens[*i];
                let profile = rng.pick(&profiles).clone();
                let memo = memo_for(g, &mut rng, &profile);
                let code_len = memo.find(' ').unwrap_or(memo.len());
                // RF references have no fixed length: the end must stay visible to extract;
                // opaque codes are looked for bounded, so no wrapper glued before them.
                let ops = match g.kind {
                    RefKind::Rf => Ops {
                        keep_code_end: true,
                        ..Ops::ALL
                    },
                    RefKind::Opaque => Ops {
                        wrapper: false,
                        ..Ops::ALL
                    },
                    _ => Ops::ALL,
                };
                let m = mangle(&memo, code_len, &mut rng, &ops);
                let before = *paid.get(i).unwrap_or(&0);
                let after = before + amount;
                paid.insert(*i, after);
                let status = if before >= g.amount {
                    Status::Duplicate
                } else if after == g.amount {
                    Status::Paid
                } else if after < g.amount {
                    Status::Partial
                } else {
                    Status::Overpaid
                };
                (
                    m.text,
                    *amount,
                    m.steps,
                    Expect {
                        status,
                        invoice: Some(g.code.clone()),
                        suggestion: None,
                    },
                )
            }
            Plan::Suggest(i) => {
                let g = &gens[*i];
                let memo = memo_for(g, &mut rng, &Profile::TRANSFER);
                // The code mistyped: its last check digit changed (always detected).
                let code_len = g.code.len();
                let last = g.code.as_bytes()[code_len - 1];
                let typo = format!(
                    "{}{}",
                    &g.code[..code_len - 1],
                    if last == b'9' {
                        '0'
                    } else {
                        char::from(last + 1)
                    }
                );
                let memo = format!("{typo}{}", &memo[code_len..]);
                if rng.chance(1, 2) {
                    counter = Some(vietref::text::fold(&g.payer));
                }
                let ops = Ops {
                    truncate: false,
                    nospace: false,
                    wrap: false,
                    ..Ops::ALL
                };
                let m = mangle(&memo, code_len, &mut rng, &ops);
                (
                    m.text,
                    g.amount,
                    m.steps,
                    Expect {
                        status: Status::Unmatched,
                        invoice: None,
                        suggestion: Some(g.code.clone()),
                    },
                )
            }
            Plan::Unknown(code) => {
                let memo = format!("{code} HOC PHI NAM TRUOC");
                let m = mangle(&memo, code.len(), &mut rng, &Ops::ALL);
                (
                    m.text,
                    1_250_000,
                    m.steps,
                    Expect {
                        status: Status::UnknownCode,
                        invoice: None,
                        suggestion: None,
                    },
                )
            }
            Plan::Ambiguous(a, b) => {
                let memo = format!("{} {} HOC PHI 2 CHAU", gens[*a].code, gens[*b].code);
                let ops = Ops {
                    truncate: false,
                    keep_code_end: true,
                    wrapper: false,
                    ..Ops::ALL
                };
                let m = mangle(&memo, gens[*a].code.len(), &mut rng, &ops);
                (
                    m.text,
                    2_000_000,
                    m.steps,
                    Expect {
                        status: Status::Ambiguous,
                        invoice: None,
                        suggestion: None,
                    },
                )
            }
            Plan::Noise => {
                let memo = (*rng.pick(NOISE)).to_uppercase();
                let m = mangle(&memo, 0, &mut rng, &Ops::ALL);
                let amount = (1 + rng.below(99) as u64) * 1000 + 123;
                (
                    m.text,
                    amount,
                    m.steps,
                    Expect {
                        status: Status::Unmatched,
                        invoice: None,
                        suggestion: None,
                    },
                )
            }
        };
        let mut l = line(line_no, amount, &content);
        l.counter_name = counter;
        fed_lines.push(l.clone());
        let got = r.feed(l);
        fed_results.push(got.clone());
        let got_e = Expect {
            status: got.status,
            invoice: got.invoice.clone(),
            suggestion: got.suggestion.clone(),
        };
        assert_eq!(
            got_e,
            expect,
            "seed {seed} line {line_no}: {content:?} ({steps:?}): {}",
            got.reason()
        );
        *counts.entry(got.status).or_default() += 1;
    }
    // Every status occurs.
    for s in Status::ALL {
        assert!(
            counts.get(&s).copied().unwrap_or(0) > 0,
            "seed {seed}: no {s} line"
        );
    }
    let mut batched_results = Vec::new();
    batched.feed_many(fed_lines, |x| batched_results.push(x));
    assert_eq!(batched_results.len(), fed_results.len());
    for (a, b) in batched_results.iter().zip(&fed_results) {
        assert_eq!(a, b, "seed {seed}: feed_many differs from feed");
    }
    let sum = r.summary();
    assert_eq!(batched.summary(), sum);
    assert_eq!(sum.lines as usize, plans.len());
    for s in Status::ALL {
        assert_eq!(
            sum.get(s).lines as usize,
            counts.get(&s).copied().unwrap_or(0)
        );
    }
}

// ---- readers ----

#[test]
fn reader_amount_forms_in_csv() {
    let csv = "date,amount,content,reference\r\n\
        2024-09-01,1250000,a,r\r\n\
        2024-09-01,1.250.000,a,r\r\n\
        2024-09-01,\"1,250,000\",a,r\r\n\
        2024-09-01,1 250 000,a,r\r\n\
        2024-09-01,1250000.00,a,r\r\n\
        2024-09-01,\"1.250.000,00\",a,r\r\n";
    let got: Vec<u64> = StatementReader::csv(csv.as_bytes(), &Columns::new())
        .unwrap()
        .map(|r| match r.unwrap() {
            StatementRecord::Line(l) => l.amount.vnd(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(got, [1_250_000; 6]);
}

#[test]
fn reader_quoting_bom_crlf_and_errors() {
    let csv = "\u{feff}Ngày;Số tiền;Nội dung;Số tham chiếu\r\n\
        01/09/2024;1.250.000;\"HP24010172; hoc phi\r\nHS NGUYEN THI BINH\";FT1\r\n\
        02/09/2024;1.250.000,50;x;FT2\r\n\
        03/09/2024;12,50,000;x;FT3\r\n\
        \r\n\
        04/09/2024;abc;x;FT4\r\n\
        05/09/2024;;x;FT5\r\n\
        06/09/2024;0;x;FT6\r\n\
        07/09/2024;99999999999999;x;FT7\r\n";
    let got: Vec<_> = StatementReader::csv(csv.as_bytes(), &Columns::new())
        .unwrap()
        .collect();
    let Ok(StatementRecord::Line(l)) = &got[0] else {
        panic!("{:?}", got[0])
    };
    assert_eq!(l.line, 2);
    assert_eq!(l.content, "HP24010172; hoc phi\r\nHS NGUYEN THI BINH");
    assert_eq!(l.date.as_deref(), Some("01/09/2024"));
    let errs: Vec<(u64, String, String, Option<String>)> = got[1..]
        .iter()
        .map(|r| {
            let e = r.as_ref().unwrap_err();
            let f = &e.findings[0];
            (
                e.line,
                f.field.to_string(),
                f.code.key().to_string(),
                f.params.detail.clone(),
            )
        })
        .collect();
    assert_eq!(
        errs,
        vec![
            (
                4,
                "Số tiền".into(),
                "reconcile.amount_fraction".into(),
                s("“1.250.000,50”")
            ),
            (
                5,
                "Số tiền".into(),
                "reconcile.amount_grouping".into(),
                s("“12,50,000”")
            ),
            (
                7,
                "Số tiền".into(),
                "reconcile.amount_invalid".into(),
                s("“abc”")
            ),
            (8, "Số tiền".into(), "reconcile.value_missing".into(), None),
            (9, "Số tiền".into(), "reconcile.amount_zero".into(), None),
            (
                10,
                "Số tiền".into(),
                "reconcile.amount_too_large".into(),
                s("“99999999999999”")
            ),
        ]
    );
}

#[test]
fn reader_column_mapping() {
    let csv = "STT,Ngay GD,Dien giai,Ghi co,Ghi no,Ten doi ung\n1,2024-09-01,HP24010172 hoc phi,1.250.000,,NGUYEN VAN AN\n2,2024-09-01,phi sms,,11.000,\n";
    let cols: Columns =
        "date=Ngay GD,content=Dien giai,credit=Ghi co,debit=Ghi no,counterName=Ten doi ung"
            .parse()
            .unwrap();
    let got: Vec<_> = StatementReader::csv(csv.as_bytes(), &cols)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let StatementRecord::Line(l) = &got[0] else {
        panic!()
    };
    assert_eq!(
        (l.amount.vnd(), l.counter_name.as_deref()),
        (1_250_000, Some("NGUYEN VAN AN"))
    );
    assert!(
        matches!(&got[1], StatementRecord::Skipped(s) if s.amount.vnd() == 11_000 && s.finding.field == "Ghi no")
    );
}

// ---- properties ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn amount_round_trips(v in 1u64..=Amount::MAX, g in 0usize..4, decimals in 0usize..3) {
        let g = Grouping::ALL[g];
        let mut s = format_amount(v, g);
        match decimals {
            1 => s.push_str(if g == Grouping::Dot { ",00" } else { ".00" }),
            2 => s.push_str(if g == Grouping::Comma || g == Grouping::Plain { ".0" } else { ",0" }),
            _ => {}
        }
        prop_assert_eq!(parse_amount(&s, "amount").map(|a| a.vnd()), Ok(v), "{}", s);
    }

    #[test]
    fn csv_input_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(r) = StatementReader::csv(&bytes[..], &Columns::new()) {
            for _ in r {}
        }
        if let Ok(r) = InvoiceReader::new(&bytes[..], &Columns::new()) {
            for _ in r {}
        }
        let mut with_header = b"date,amount,content,reference,counterName\n".to_vec();
        with_header.extend_from_slice(&bytes);
        let mut rec = school();
        for item in StatementReader::csv(&with_header[..], &Columns::new()).unwrap() {
            if let Ok(StatementRecord::Line(l)) = item {
                rec.feed(l);
            }
        }
    }

    #[test]
    fn csv_text_never_panics(text in "[a-zA-Z0-9,;\"\r\n .-]{0,300}") {
        let input = format!("amount,content\n{text}");
        let mut rec = school();
        for item in StatementReader::csv(input.as_bytes(), &Columns::new()).unwrap() {
            if let Ok(StatementRecord::Line(l)) = item {
                rec.feed(l);
            }
        }
    }

    #[test]
    fn json_lines_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for _ in StatementReader::json_lines(&bytes[..]) {}
        if let Ok(r) = StatementReader::json(&bytes[..]) {
            for _ in r {}
        }
    }

    #[test]
    fn json_shaped_lines_never_panic(
        amount in prop_oneof![Just("1250000".to_string()), Just("-5".to_string()), Just("1.5".to_string()), Just("\"1.250.000\"".to_string()), Just("null".to_string()), "[0-9e.+-]{1,12}"],
        content in "\\PC{0,60}",
        kind in prop_oneof![Just("in"), Just("out"), Just("credit"), Just("x")],
    ) {
        let obj = format!("{{\"transferAmount\":{amount},\"content\":{},\"transferType\":\"{kind}\"}}\n", serde_json::to_string(&content).unwrap());
        let mut rec = school();
        for item in StatementReader::json_lines(obj.as_bytes()) {
            if let Ok(StatementRecord::Line(l)) = item {
                rec.feed(l);
            }
        }
    }

    #[test]
    fn feed_never_panics(content in "\\PC{0,200}", amount in 1u64..10_000_000, counter in proptest::option::of("\\PC{0,40}")) {
        let mut rec = school();
        rec.add_invoice(inv("HD2024-0917", 320_000, Some("Đặng Văn Sơn"), None)).unwrap();
        rec.add_invoice(inv("RF18539007547034", 320_000, None, Some("Ngô Thị Hằng"))).unwrap();
        let mut l = line(1, amount, &content);
        l.counter_name = counter;
        // The same line twice, alone and in a batch: the same results either way.
        let mut batched = school();
        batched.add_invoice(inv("HD2024-0917", 320_000, Some("Đặng Văn Sơn"), None)).unwrap();
        batched.add_invoice(inv("RF18539007547034", 320_000, None, Some("Ngô Thị Hằng"))).unwrap();
        let mut from_batch = Vec::new();
        batched.feed_many([l.clone(), l.clone()], |x| from_batch.push(x));
        let r = rec.feed(l.clone());
        let again = rec.feed(l);
        prop_assert_eq!(&from_batch, &vec![r.clone(), again]);
        prop_assert!(r.invoice.is_none() || r.status.is_applied());
        prop_assert!(r.suggestion.is_none() || r.status == Status::Unmatched);
    }
}

#[test]
fn a_full_reconciler_refuses_the_next_invoice_and_keeps_working() {
    // Codes and folded names of one invoice: "HP24010172" twice (code, search key) and
    // "NGUYEN VAN AN": 33 bytes; a second one would pass 40.
    let mut r = Reconciler::new(&[hp6()]).with_text_capacity(40);
    r.add_invoice(inv("HP24010172", 1_250_000, Some("Nguyễn Văn An"), None))
        .unwrap();
    let refused = r
        .add_invoice(inv("HP24010269", 1_250_000, Some("Trần Văn Hùng"), None))
        .unwrap_err();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].code.key(), "reconcile.capacity");
    assert_eq!(
        refused[0].message_en(),
        "the reconciler is full: its invoices' codes and names would pass 40 bytes; split the invoices over several reconcilers"
    );
    // The refused invoice left nothing behind: the first one is still found, the second not.
    let x = r.feed(line(2, 1_250_000, "HP24010172 hoc phi"));
    assert_eq!(
        (x.status, x.invoice.as_deref()),
        (Status::Paid, Some("HP24010172"))
    );
    let x = r.feed(line(3, 1_250_000, "HP24010269 hoc phi"));
    assert_eq!(x.status, Status::UnknownCode);
}

/// Every kind of reason, in both languages, as a person reads it (texts written by hand).
/// Reasons are written from the result's status and evidence when read, so these also
/// check that the evidence holds everything a reason says.
#[test]
fn every_reason_in_both_languages() {
    let mut r = school();
    let mut due = inv("HP24010560", 600_000, None, None);
    due.due = Some("2024-09-15".into());
    r.add_invoice(due).unwrap();
    let mut feed = |n: u64, amount: u64, content: &str, reference: Option<&str>| {
        let mut l = line(n, amount, content);
        l.reference = reference.map(Into::into);
        l.date = Some("2024-09-20".into());
        let x = r.feed(l);
        (x.reason(), x.reason_vi())
    };
    let cases: Vec<((String, String), &str, &str)> = vec![
        (
            feed(2, 1_250_000, "HP24010172", None),
            "code HP24010172 found; 1,250,000 VND paid in full",
            "tìm thấy mã HP24010172; đã thanh toán đủ 1.250.000 đ",
        ),
        (
            feed(3, 250_000, "HP24010269", Some("FT9")),
            "code HP24010269 found; 250,000 VND paid of 1,250,000 VND, 1,000,000 VND still due",
            "tìm thấy mã HP24010269; đã trả 250.000 đ trên 1.250.000 đ, còn thiếu 1.000.000 đ",
        ),
        (
            feed(4, 1_000_000, "HP24010269", Some("FT9")),
            "code HP24010269 found; this 1,000,000 VND completes the 1,250,000 VND due",
            "tìm thấy mã HP24010269; khoản 1.000.000 đ này trả đủ số phải nộp 1.250.000 đ",
        ),
        (
            feed(5, 1_000_000, "HP24010269", Some("FT9")),
            "invoice HP24010269 was already settled by line 4; this 1,000,000 VND is an extra payment with the same bank reference (the same transfer listed twice?)",
            "hóa đơn HP24010269 đã được thanh toán đủ ở dòng 4; khoản 1.000.000 đ này là khoản trả thêm có cùng số tham chiếu ngân hàng (một giao dịch bị liệt kê hai lần?)",
        ),
        (
            feed(6, 5_000, "HP24010172", Some("FT10")),
            "invoice HP24010172 was already settled by line 2; this 5,000 VND is an extra payment",
            "hóa đơn HP24010172 đã được thanh toán đủ ở dòng 2; khoản 5.000 đ này là khoản trả thêm",
        ),
        (
            feed(7, 1_000_000, "HP24010366", None),
            "code HP24010366 found; 1,000,000 VND paid for 980,000 VND due: 20,000 VND too much",
            "tìm thấy mã HP24010366; đã trả 1.000.000 đ cho 980.000 đ phải nộp: thừa 20.000 đ",
        ),
        (
            feed(8, 600_000, "HP24010560", None),
            "code HP24010560 found; 600,000 VND paid in full; paid after the due date 2024-09-15",
            "tìm thấy mã HP24010560; đã thanh toán đủ 600.000 đ; trả sau hạn 15/09/2024",
        ),
        (
            feed(9, 1_250_000, "HP23999987", None),
            "the code HP23999987 is valid but names no open invoice (paid earlier, cancelled, or not in the invoice list?)",
            "mã HP23999987 hợp lệ nhưng không khớp hóa đơn nào đang mở (đã thanh toán trước, đã hủy, hay chưa có trong danh sách?)",
        ),
        (
            feed(10, 1_250_000, "HP24010172 HP23999987", None),
            "several codes in the content (HP24010172, HP23999987): a person must decide which invoice is paid",
            "nội dung có nhiều mã (HP24010172, HP23999987): cần người kiểm tra xem khoản tiền trả cho hóa đơn nào",
        ),
        (
            feed(11, 200_000, "ung ho quy lop", None),
            "no invoice code found in the content",
            "không tìm thấy mã hóa đơn trong nội dung chuyển khoản",
        ),
        (
            feed(12, 750_000, "CHO CHAU HOANG VI LOP 6A", None),
            "no invoice code found in the content; the beneficiary's name HOANG VI and the exact amount 750,000 VND fit one open invoice, HP24010463: a suggestion for a person to confirm, not applied",
            "không tìm thấy mã hóa đơn trong nội dung chuyển khoản; tên người thụ hưởng HOANG VI và đúng số tiền 750.000 đ khớp một hóa đơn đang mở, HP24010463: gợi ý cần người xác nhận, chưa ghi nhận",
        ),
        (
            feed(13, 750_000, "DO THI HOA", None),
            "no invoice code found in the content; the payer's name DO THI HOA and the exact amount 750,000 VND fit one open invoice, HP24010463: a suggestion for a person to confirm, not applied",
            "không tìm thấy mã hóa đơn trong nội dung chuyển khoản; tên người trả tiền DO THI HOA và đúng số tiền 750.000 đ khớp một hóa đơn đang mở, HP24010463: gợi ý cần người xác nhận, chưa ghi nhận",
        ),
    ];
    for ((en, vi), want_en, want_vi) in cases {
        assert_eq!(en, want_en);
        assert_eq!(vi, want_vi);
    }
    let mut r2 = school();
    r2.add_invoice(inv("HP24010560", 1_250_000, Some("Nguyễn Văn An"), None))
        .unwrap();
    let x = r2.feed(line(2, 1_250_000, "NGUYEN VAN AN chuyen tien"));
    assert_eq!(
        x.reason(),
        "no invoice code found in the content; a name and the exact amount fit more than one open invoice, so nothing is suggested"
    );
    assert_eq!(
        x.reason_vi(),
        "không tìm thấy mã hóa đơn trong nội dung chuyển khoản; tên và số tiền khớp nhiều hơn một hóa đơn đang mở nên không có gợi ý"
    );
}

// ---- issue 18: nothing lost, nothing applied wrongly ----

/// Every record of a statement, and how its lines were accounted for.
fn read_all(
    format: StatementFormat,
    input: &[u8],
) -> (
    Vec<Result<StatementRecord, vietref::reconcile::RecordError>>,
    vietref::reconcile::InputLines,
) {
    let mut r = StatementReader::new(format, input, &Columns::new()).unwrap();
    let got: Vec<_> = r.by_ref().collect();
    (got, r.input_lines())
}

/// Physical lines of `input`, counted here independently of the readers: CSV lines end at
/// `\n`, `\r\n` or a lone `\r` (after a byte order mark); JSON lines at `\n`.
fn physical_lines(input: &[u8], csv: bool) -> u64 {
    let input = if csv {
        input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input)
    } else {
        input
    };
    let (mut n, mut open, mut i) = (0u64, false, 0);
    while let Some(&b) = input.get(i) {
        i += 1;
        if b == b'\n' || (csv && b == b'\r') {
            if csv && b == b'\r' && input.get(i) == Some(&b'\n') {
                i += 1;
            }
            n += 1;
            open = false;
        } else {
            open = true;
        }
    }
    n + u64::from(open)
}

fn conflict_detail(r: &Result<StatementRecord, vietref::reconcile::RecordError>) -> String {
    let e = r.as_ref().expect_err("a conflict is rejected");
    let f = e
        .findings
        .iter()
        .find(|f| f.code == vietref::Code::ReconcileFieldConflict)
        .unwrap_or_else(|| panic!("no reconcile.field_conflict: {e:?}"));
    f.message_en()
}

#[test]
fn a_stray_quote_costs_one_line_not_the_statement() {
    // The issue's statement: before, one rejection and no result for the two payments.
    let input = format!("amount,content\n1000,\"oops\n1250000,{C1}\n750000,{C4}\n");
    let (got, input_lines) = read_all(StatementFormat::Csv, input.as_bytes());
    assert_eq!(got.len(), 3, "{got:?}");
    let e = got[0].as_ref().unwrap_err();
    assert_eq!(
        (e.line, e.findings[0].code.key()),
        (2, "reconcile.csv_stray_quote")
    );
    let mut rec = school();
    let statuses: Vec<_> = got[1..]
        .iter()
        .map(|r| match r {
            Ok(StatementRecord::Line(l)) => (l.line, rec.feed(l.clone()).status),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(statuses, [(3, Status::Paid), (4, Status::Paid)]);
    assert_eq!(
        (
            input_lines.lines,
            input_lines.fed,
            input_lines.skipped,
            input_lines.rejected
        ),
        (4, 2, 1, 1)
    );
    // At scale: a stray quote on line 200 of 50 001 lines loses that line only.
    let mut big = String::from("amount,content\n");
    for i in 2..=50_001u32 {
        if i == 200 {
            big.push_str("1000,\"oops\n");
        } else {
            big.push_str(&format!("1250000,HP {i}\n"));
        }
    }
    let (got, input_lines) = read_all(StatementFormat::Csv, big.as_bytes());
    let rejected: Vec<u64> = got
        .iter()
        .filter_map(|r| r.as_ref().err().map(|e| e.line))
        .collect();
    assert_eq!(rejected, [200]);
    assert_eq!(got.len(), 50_000);
    assert_eq!(input_lines.fed, 49_999);
    assert_eq!(input_lines.lines, 50_001);
}

#[test]
fn the_summary_accounts_for_every_physical_line() {
    let input = format!(
        "\u{feff}date,amount,content\r\n\r\n2024-09-01,1250000,\"{C1}\r\nhoc phi\"\r\n2024-09-01,-5000,phi\r\n2024-09-01,abc,x\r\n   \r\n2024-09-02,980000,{C4}"
    );
    let mut rec = school();
    let mut r = StatementReader::csv(input.as_bytes(), &Columns::new()).unwrap();
    for item in r.by_ref() {
        match item {
            Ok(StatementRecord::Line(l)) => {
                rec.feed(l);
            }
            Ok(StatementRecord::Skipped(s)) => rec.skip(&s),
            Err(e) => rec.reject(&e),
        }
    }
    rec.add_input_lines(&r.input_lines());
    let s = rec.summary();
    // 8 physical lines: header, blank, a record over two lines, outgoing, bad amount,
    // blank, last record without a line break.
    assert_eq!(physical_lines(input.as_bytes(), true), 8);
    assert_eq!(
        (
            s.input.lines,
            s.input.fed,
            s.input.skipped,
            s.input.rejected
        ),
        (8, 3, 4, 1)
    );
    assert_eq!((s.lines, s.skipped, s.rejected), (2, 1, 1));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(
        json["input"],
        serde_json::json!({"lines": 8, "fed": 3, "skipped": 4, "rejected": 1})
    );
    assert!(s
        .to_string()
        .contains("input lines: 8 = 3 fed + 4 skipped (header, blank, outgoing) + 1 rejected"));
}

#[test]
fn conflicting_fields_reject_the_record_and_name_both() {
    let csv = |s: &str| read_all(StatementFormat::Csv, s.as_bytes()).0;
    let jsonl = |s: &str| read_all(StatementFormat::JsonLines, s.as_bytes()).0;
    // Credit and debit both filled.
    let got = csv("date,credit,debit,content\n2024-09-01,1.250.000,1.250.000,x\n");
    let m = conflict_detail(&got[0]);
    assert!(
        m.contains("credit is “1.250.000” but debit is “1.250.000”"),
        "{m}"
    );
    // Two amount columns that disagree (two names of the amount).
    let got = csv("amount,transferAmount,content\n1250000,1350000,x\n1250000,1.250.000,y\n");
    let m = conflict_detail(&got[0]);
    assert!(
        m.contains("amount (column 1) is “1250000” but transferAmount (column 2) is “1350000”"),
        "{m}"
    );
    assert!(
        matches!(&got[1], Ok(StatementRecord::Line(l)) if l.amount.vnd() == 1_250_000),
        "agreeing columns are fine: {:?}",
        got[1]
    );
    // The same header twice.
    let got = csv("amount,content,amount\n1250000,x,980000\n");
    let m = conflict_detail(&got[0]);
    assert!(
        m.contains("amount (column 1) is “1250000” but amount (column 3) is “980000”"),
        "{m}"
    );
    // An amount column and a credit column that disagree; a debit equal to the amount
    // makes the line outgoing.
    let got = csv("amount,credit,debit,content\n1250000,1000,,x\n5000,,5.000,y\n");
    assert!(conflict_detail(&got[0]).contains("credit is “1000”"));
    assert!(matches!(&got[1], Ok(StatementRecord::Skipped(s)) if s.amount.vnd() == 5000));
    // A direction column saying out on a credit.
    let got = csv("credit,direction,content\n1000,out,x\n");
    assert!(conflict_detail(&got[0]).contains("direction is “out” but credit is “1000”"));
    // JSON: amount and transferAmount that disagree; transferType in with direction out.
    let got = jsonl(concat!(
        r#"{"transferAmount":1250000,"amount":"1.350.000","content":"x"}"#,
        "\n",
        r#"{"transferAmount":1250000,"transferType":"in","direction":"out","content":"x"}"#,
        "\n",
        r#"{"transferAmount":1250000,"amount":"1.250.000","transferType":"in","direction":"credit","content":"x"}"#,
        "\n",
        r#"{"transferAmount":1250000,"transferType":"in","direction":"incoming","content":"x"}"#,
        "\n",
    ));
    assert!(
        matches!(&got[3], Ok(StatementRecord::Line(_))),
        "{:?}",
        got[3]
    );
    let m = conflict_detail(&got[0]);
    assert!(
        m.contains("transferAmount is “1250000” but amount is “1.350.000”"),
        "{m}"
    );
    let m = conflict_detail(&got[1]);
    assert!(
        m.contains("transferType is “in” but direction is “out”"),
        "{m}"
    );
    assert!(
        matches!(&got[2], Ok(StatementRecord::Line(_))),
        "{:?}",
        got[2]
    );
    // A field mapped explicitly is not compared with the other columns of its aliases.
    let mapped: Vec<_> = StatementReader::csv(
        "So tien,amount,content\n1250000,50,x\n".as_bytes(),
        &"amount=So tien".parse().unwrap(),
    )
    .unwrap()
    .collect();
    assert!(
        matches!(&mapped[0], Ok(StatementRecord::Line(l)) if l.amount.vnd() == 1_250_000),
        "{mapped:?}"
    );
    // Invoices: the same amount header twice.
    let mut r = InvoiceReader::new(
        "code,amount,amount\nHP1,1000,2000\n".as_bytes(),
        &Columns::new(),
    )
    .unwrap();
    let e = r.next().unwrap().unwrap_err();
    assert_eq!(e.findings[0].code, vietref::Code::ReconcileFieldConflict);
}

#[test]
fn bad_dates_and_cell_counts_are_findings_on_their_line() {
    let (got, _) = read_all(
        StatementFormat::Csv,
        b"date,amount,content\n2024-13-45,1000,x\n2024-09-01,1000\n2024-09-01,1000,x,extra\n2024-09-01,1000,x,\n31/02/2024,1000,x\n",
    );
    let keys: Vec<(u64, &str)> = got
        .iter()
        .map(|r| match r {
            Ok(_) => (0, "ok"),
            Err(e) => (e.line, e.findings[0].code.key()),
        })
        .collect();
    assert_eq!(
        keys,
        [
            (2, "reconcile.date_invalid"),
            (3, "reconcile.cell_count"),
            (4, "reconcile.cell_count"),
            (0, "ok"),
            (6, "reconcile.date_invalid"),
        ]
    );
    let e = got[1].as_ref().unwrap_err();
    assert_eq!(
        e.findings[0].message_en(),
        "the row has 2 cells but the header row has 3; the record is not used"
    );
    let (got, _) = read_all(
        StatementFormat::JsonLines,
        br#"{"transferAmount":1000,"content":"x","transactionDate":"2024-13-45 10:00:00"}"#,
    );
    assert!(
        matches!(&got[0], Err(e) if e.findings[0].code.key() == "reconcile.date_invalid" && e.findings[0].field == "transactionDate")
    );
    let mut r = InvoiceReader::new("code,amount\nHP1\n".as_bytes(), &Columns::new()).unwrap();
    assert_eq!(
        r.next().unwrap().unwrap_err().findings[0].code.key(),
        "reconcile.cell_count"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every physical line of a statement is fed, skipped or rejected, whatever quotes,
    /// line breaks and blank lines it holds.
    #[test]
    fn every_physical_line_is_accounted_for(
        parts in proptest::collection::vec(prop_oneof![
            Just("1250000,HP24010172".to_string()),
            Just("-5000,out".to_string()),
            Just("abc,x".to_string()),
            Just("1000,\"oops".to_string()),
            Just("\"".to_string()),
            Just("\"\"".to_string()),
            Just("1000,\"a\"b".to_string()),
            Just("   ".to_string()),
            Just("".to_string()),
            Just(",".to_string()),
            Just("\u{feff}".to_string()),
            Just("1000,\"x\ny\"".to_string()),
            "[a-z0-9,\" ]{0,12}",
        ], 0..40),
        breaks in proptest::collection::vec(prop_oneof![Just("\n"), Just("\r\n"), Just("\r")], 40),
        last_break in any::<bool>(),
    ) {
        let mut input = String::from("amount,content\n");
        for (i, p) in parts.iter().enumerate() {
            input.push_str(p);
            if i + 1 < parts.len() || last_break {
                input.push_str(breaks[i]);
            }
        }
        let (got, acc) = read_all(StatementFormat::Csv, input.as_bytes());
        let physical = physical_lines(input.as_bytes(), true);
        prop_assert_eq!(acc.fed + acc.skipped + acc.rejected, physical, "{:?} {:?}", input, acc);
        prop_assert_eq!(acc.lines, physical);
        let fed = got.iter().filter(|r| matches!(r, Ok(StatementRecord::Line(_)))).count() as u64;
        prop_assert!(acc.fed >= fed);
        // JSON lines: one line, one record (or blank).
        let (got, acc) = read_all(StatementFormat::JsonLines, input.as_bytes());
        let physical = physical_lines(input.as_bytes(), false);
        prop_assert_eq!(acc.fed + acc.skipped + acc.rejected, physical);
        prop_assert_eq!(acc.lines, physical);
        prop_assert!(got.len() as u64 <= physical);
    }
}

#[test]
fn a_code_a_person_reads_differently_is_not_applied() {
    // Before: each of these was `paid`.
    for (content, ch, kind) in [
        ("HP\u{202E}24010172 hoc phi", "U+202E", "text.bidi_control"),
        ("HP2401\u{200B}0172", "U+200B", "text.invisible"),
        ("HP2401\u{0}0172", "U+0000", "text.control_char"),
        ("HP 2401\u{2066}0172", "U+2066", "text.bidi_control"),
        ("HP2401\u{00AD}0172", "U+00AD", "text.invisible"),
        ("\u{202E}HP24010172", "U+202E", "text.bidi_control"),
    ] {
        let mut rec = school();
        let r = rec.feed(line(2, 1_250_000, content));
        assert_eq!(r.status, Status::Unmatched, "{content:?}");
        assert_eq!(r.invoice, None);
        assert_eq!(r.suggestion, None);
        let h = &r.evidence.hidden[0];
        assert_eq!(
            (h.code.as_str(), h.character.as_str(), h.kind),
            (C1, ch, kind)
        );
        assert!(
            r.reason().contains(&format!("the code {C1} comes with")),
            "{}",
            r.reason()
        );
        assert!(r.reason().contains(ch) && r.reason_vi().contains(ch));
        assert!(r.reason().contains("not applied"));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["evidence"]["hidden"][0]["character"], ch);
        assert_eq!(rec.invoice(C1).unwrap().paid, 0, "{content:?}");
    }
    // Separators a person sees, and hidden characters away from the code, are fine.
    let mut rec = school();
    for content in [
        "HP 2401-0172 hoc phi",
        "HP24010172\u{200B} hoc phi",
        "HP24010172\tNguyen\u{0} Van An",
    ] {
        let r = rec.feed(line(2, 1, content));
        assert!(r.status.is_applied(), "{content:?}: {:?}", r.status);
        assert!(r.evidence.hidden.is_empty());
    }
}
