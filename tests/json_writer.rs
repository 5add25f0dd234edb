//! The hand-written writers against straightforward references, byte for byte, on
//! arbitrary results: every status, every optional member present or not, and strings with
//! quotes, backslashes, commas, spaces at either end, control characters, DEL and
//! Vietnamese text (the escaping and quoting rules), in the reasons too (codes and names
//! are written into them).
//!
//! - JSON lines (`push_json_line`, `push_json_line_bytes`, `write_json_line`): the
//!   reference they replaced, `serde_json::to_writer` on the result's `Serialize` impl, then
//!   a newline.
//! - Batches (`push_json_lines_bytes`, `push_csv_rows`, which read ahead of the result
//!   they write): the references above, one result after the other, on batches longer than
//!   the distance they read ahead.
//! - CSV (`CsvWriter`): every field formatted with `format!`/`to_string` (the reasons with
//!   `LineResult::reason` and `reason_vi`), quoted character by character when it holds a
//!   comma, a quote or a line break or starts or ends with a space.
use proptest::prelude::*;
use vietref::reconcile::{
    push_csv_rows, push_json_line, push_json_line_bytes, push_json_lines_bytes, write_json_line,
    CodeEvidence, CsvWriter, Date, Evidence, HiddenChar, LineResult, NameEvidence, NameRole,
    NameSource, Status, TypoEvidence, CSV_COLUMNS,
};
use vietref::reference::RefKind;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z0-9]{0,12}",
        "[a-zA-Z0-9 ,;\"\\\\/\u{0}-\u{1f}\u{7f}àễĐ—“”€]{0,24}",
        " ?[A-Z0-9 ,\"\r\n]{0,40} ?",
        any::<String>(),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn opt_u64() -> impl Strategy<Value = Option<u64>> {
    proptest::option::of(prop_oneof![0..3_000_000u64, any::<u64>()])
}

fn code() -> impl Strategy<Value = CodeEvidence> {
    (
        text(),
        prop_oneof![
            Just(RefKind::PaymentCode),
            Just(RefKind::Rf),
            Just(RefKind::Einvoice),
            Just(RefKind::Opaque)
        ],
        any::<(u16, u16)>(),
        text(),
        any::<bool>(),
    )
        .prop_map(|(code, kind, (a, b), text, known)| CodeEvidence {
            code,
            kind,
            span: (usize::from(a), usize::from(b)),
            text,
            known,
        })
}

fn name() -> impl Strategy<Value = NameEvidence> {
    (
        opt_text(),
        any::<bool>(),
        text(),
        text(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(invoice, payer, name, observed, content, truncated)| NameEvidence {
                invoice,
                role: if payer {
                    NameRole::Payer
                } else {
                    NameRole::Beneficiary
                },
                name,
                observed,
                source: if content {
                    NameSource::Content
                } else {
                    NameSource::CounterName
                },
                truncated,
            },
        )
}

fn hidden() -> impl Strategy<Value = HiddenChar> {
    (
        text(),
        text(),
        any::<u32>(),
        prop_oneof![
            Just("text.control_char"),
            Just("text.bidi_control"),
            Just("text.invisible"),
            Just("text.unusable_char")
        ],
    )
        .prop_map(|(code, character, offset, kind)| HiddenChar {
            code,
            character,
            offset: offset as usize,
            kind,
        })
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (
        proptest::collection::vec(code(), 0..3),
        (
            opt_u64(),
            opt_u64(),
            opt_u64(),
            opt_u64(),
            opt_u64(),
            opt_u64(),
        ),
        any::<bool>(),
        proptest::option::of((1900u32..3000, 1u32..13, 1u32..29)),
        proptest::option::of(any::<bool>()),
        proptest::collection::vec(name(), 0..3),
        proptest::collection::vec(hidden(), 0..2),
        (
            proptest::option::of(0u32..3),
            proptest::option::of((text(), opt_text(), 1u32..3)),
        ),
    )
        .prop_map(
            |(
                codes,
                (due, before, after, outst, excess, by),
                same,
                date,
                late,
                names,
                hidden,
                (nc, typo),
            )| {
                Evidence {
                    codes,
                    amount_due: due,
                    paid_before: before,
                    paid_after: after,
                    outstanding: outst,
                    excess,
                    settled_by_line: by,
                    same_reference: same,
                    due: date.and_then(|(y, m, d)| Date::from_ymd(y, m, d)),
                    late,
                    names,
                    hidden,
                    name_candidates: nc,
                    typo: typo.map(|(typed, invoice, candidates)| TypoEvidence {
                        typed,
                        invoice,
                        candidates,
                    }),
                }
            },
        )
}

fn result() -> impl Strategy<Value = LineResult> {
    (
        any::<u64>(),
        proptest::sample::select(Status::ALL.to_vec()),
        (opt_text(), opt_text(), opt_text()),
        any::<u64>(),
        (opt_text(), opt_text(), text()),
        (opt_text(), opt_text(), opt_text(), opt_text()),
        evidence(),
    )
        .prop_map(
            |(
                line,
                status,
                (invoice, suggestion, possible_typo),
                amount,
                (reference, date, content),
                (counter_name, account, gateway, counter_account),
                evidence,
            )| {
                LineResult {
                    line,
                    status,
                    invoice,
                    suggestion,
                    possible_typo,
                    amount,
                    reference,
                    date,
                    content,
                    counter_name,
                    account,
                    gateway,
                    counter_account,
                    evidence,
                }
            },
        )
}

fn reference(r: &LineResult) -> Vec<u8> {
    let mut v = serde_json::to_vec(r).unwrap();
    v.push(b'\n');
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn json_line_is_what_serde_json_writes(r in result()) {
        let want = reference(&r);
        let mut s = String::from("kept:");
        push_json_line(&mut s, &r);
        prop_assert_eq!(s.as_bytes().get(..5), Some(&b"kept:"[..]));
        prop_assert_eq!(String::from_utf8_lossy(&s.as_bytes()[5..]), String::from_utf8_lossy(&want));
        let mut b = b"kept:".to_vec();
        push_json_line_bytes(&mut b, &r);
        prop_assert_eq!(&b[..5], b"kept:");
        prop_assert_eq!(String::from_utf8_lossy(&b[5..]), String::from_utf8_lossy(&want));
        let mut w = Vec::new();
        write_json_line(&mut w, &r).unwrap();
        prop_assert_eq!(w, want);
    }

    #[test]
    fn csv_rows_are_what_the_reference_writes(rs in proptest::collection::vec(result(), 0..4)) {
        let mut w = CsvWriter::new(Vec::new());
        let mut want = CSV_COLUMNS.join(",") + "\r\n";
        for r in &rs {
            w.write(r).unwrap();
            want.push_str(&csv_reference(r));
        }
        let got = w.finish().unwrap();
        prop_assert_eq!(String::from_utf8_lossy(&got), want);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn batches_are_their_results_one_after_the_other(
        rs in proptest::collection::vec(result(), 0..12),
    ) {
        let mut json = b"kept:".to_vec();
        push_json_lines_bytes(&mut json, &rs);
        let want: Vec<u8> = b"kept:".iter().copied().chain(rs.iter().flat_map(reference)).collect();
        prop_assert_eq!(String::from_utf8_lossy(&json), String::from_utf8_lossy(&want));
        let mut csv = b"kept:".to_vec();
        push_csv_rows(&mut csv, &rs);
        let want = rs.iter().fold(String::from("kept:"), |s, r| s + &csv_reference(r));
        prop_assert_eq!(String::from_utf8_lossy(&csv), want);
    }
}

/// A CSV field as the reference writes it.
fn csv_field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) || v.starts_with(' ') || v.ends_with(' ') {
        let mut q = String::from('"');
        for c in v.chars() {
            if c == '"' {
                q.push('"');
            }
            q.push(c);
        }
        q.push('"');
        q
    } else {
        v.to_string()
    }
}

/// A result's CSV row, the straightforward way.
fn csv_reference(r: &LineResult) -> String {
    let ev = &r.evidence;
    let opt = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
    let codes: Vec<String> = ev
        .codes
        .iter()
        .map(|c| format!("{}@{}-{}", c.code, c.span.0, c.span.1))
        .collect();
    let names: Vec<String> = ev
        .names
        .iter()
        .map(|n| {
            let role = match n.role {
                NameRole::Payer => "payer",
                NameRole::Beneficiary => "beneficiary",
            };
            format!("{role}:{}", n.observed)
        })
        .collect();
    let fields = [
        r.line.to_string(),
        r.status.to_string(),
        r.invoice.clone().unwrap_or_default(),
        r.suggestion.clone().unwrap_or_default(),
        r.amount.to_string(),
        opt(ev.amount_due),
        opt(ev.paid_after),
        opt(ev.outstanding),
        codes.join("; "),
        names.join("; "),
        r.reference.clone().unwrap_or_default(),
        r.date.clone().unwrap_or_default(),
        r.content.clone(),
        r.reason(),
        r.reason_vi(),
    ];
    let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    row.join(",") + "\r\n"
}

#[test]
fn every_escape_is_written_as_serde_json_writes_it() {
    let all: String = (0u8..=0x7f)
        .map(char::from)
        .chain("đ\u{2028}".chars())
        .collect();
    let r = LineResult {
        line: 7,
        status: Status::Ambiguous,
        invoice: Some(all.clone()),
        suggestion: None,
        possible_typo: Some(all.clone()),
        amount: 0,
        reference: Some(all.clone()),
        date: None,
        content: all.clone(),
        counter_name: None,
        account: None,
        gateway: Some(String::new()),
        counter_account: Some(all.clone()),
        evidence: Evidence {
            codes: vec![CodeEvidence {
                code: all.clone(),
                kind: RefKind::Opaque,
                span: (0, 3),
                text: all,
                known: false,
            }],
            ..Evidence::default()
        },
    };
    let mut s = String::new();
    push_json_line(&mut s, &r);
    assert_eq!(s.as_bytes(), reference(&r));
}
