//! The feed on two threads (`Reconciler::set_threads`) gives the same results, in the same
//! order, and the same totals as on one: random statements of codes (known, unknown,
//! duplicated, mistyped), names, Vietnamese text and bank envelopes, fed both ways.

use proptest::prelude::*;
use std::cell::Cell;
use vietref::message::Amount;
use vietref::reconcile::{
    Invoice, LineResult, Reconciler, RecordError, Skipped, StatementLine, StatementRecord,
    PIPE_CHUNK,
};
use vietref::reference::{code, Scheme};
use vietref::{Code, Finding};

const FAMILIES: [&str; 6] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"];
const MIDDLES: [&str; 4] = ["Văn", "Thị", "Minh", "Thu"];
const GIVENS: [&str; 6] = ["An", "Bình", "Hoa", "Mai", "Nam", "Yến"];

fn amount_of(i: usize) -> u64 {
    // Few distinct amounts, so that names meet several invoices of the same amount.
    (1 + i as u64 % 7) * 250_000
}

fn code_of(i: usize) -> String {
    code::create("HP", &format!("{:06}", 240_000 + i))
        .unwrap()
        .as_str()
        .to_string()
}

fn name_of(i: usize) -> String {
    format!(
        "{} {} {}",
        FAMILIES[i % 6],
        MIDDLES[i / 6 % 4],
        GIVENS[i / 24 % 6]
    )
}

fn invoices(n: usize) -> Vec<Invoice> {
    (0..n)
        .map(|i| {
            let mut inv = Invoice::new(code_of(i), Amount::new(amount_of(i)).unwrap());
            inv.payer = (i % 3 != 0).then(|| name_of(i));
            inv.beneficiary = (i % 2 == 0).then(|| name_of(i * 7 + 3));
            inv
        })
        .collect()
}

/// One statement line, from a few random numbers.
fn statement_line(
    n: u64,
    kind: u8,
    i: usize,
    wrap: u8,
    amount: u64,
    counter: bool,
) -> StatementLine {
    let code = code_of(i);
    let free = match kind % 8 {
        // A known code (paid, partial, duplicate, overpaid by the amount drawn).
        0 | 1 => format!("{code} hoc phi {}", name_of(i)),
        // A code no invoice has, or two codes.
        2 => format!("{} nop tien", code_of(i + 10_000)),
        3 => format!("HP {} {} va {}", &code[2..6], &code[6..], code_of(i + 1)),
        // A mistyped code: one digit changed.
        4 => {
            let mut c = code.into_bytes();
            let last = c.len() - 1;
            c[last] = if c[last] == b'9' { b'0' } else { c[last] + 1 };
            format!("{} dong tien", String::from_utf8(c).unwrap())
        }
        // Names only, upper case or Vietnamese.
        5 => format!("{} chuyen tien hoc phi", name_of(i).to_uppercase()),
        6 => format!("Phụ huynh {} đóng học phí tháng 9", name_of(i)),
        _ => "chuyen tien".to_string(),
    };
    let content = match wrap % 5 {
        0 => free,
        1 => format!(
            "MBVCB.6990001234.{free}.CT tu 0071000123456 {} toi 0011001000111 TRUONG THCS HOA BINH",
            name_of(i + 1).to_uppercase()
        ),
        2 => format!("481203.100924.211639.IBFT {free}"),
        3 => format!("Chuyen tien den tu NAPAS Noi dung: {free} FT24256000123456 (CT1111)"),
        _ => format!("ACB;0011001000111;{free} GD 123456-091024 10:11:12"),
    };
    let amount = if amount == 0 {
        amount_of(i)
    } else {
        amount * 50_000
    };
    let mut l = StatementLine::new(n, Amount::new(amount).unwrap(), content);
    if counter {
        l.counter_name = Some(name_of(i).to_uppercase());
    }
    l.reference = Some(format!("FT{}", n % 97));
    l
}

/// A reconciler on `threads` threads with `invs` loaded.
fn loaded(threads: usize, invs: &[Invoice]) -> Reconciler {
    let mut rec = Reconciler::new(&["HP:6".parse::<Scheme>().unwrap()]);
    rec.set_threads(threads);
    for inv in invs {
        rec.add_invoice(inv.clone()).unwrap();
    }
    rec
}

/// Random numbers for [`statement_line`]: `chunks` chunks of [`PIPE_CHUNK`] lines at most,
/// one at least, codes of invoices below `codes`.
fn line_parts(
    codes: usize,
    chunks: usize,
) -> impl Strategy<Value = Vec<(u8, usize, u8, u64, bool)>> {
    proptest::collection::vec(
        (
            any::<u8>(),
            0..codes,
            any::<u8>(),
            prop_oneof![Just(0u64), 1u64..40],
            any::<bool>(),
        ),
        PIPE_CHUNK..PIPE_CHUNK * chunks,
    )
}

/// The statement lines of [`line_parts`].
fn lines_of(parts: &[(u8, usize, u8, u64, bool)]) -> Vec<StatementLine> {
    parts
        .iter()
        .enumerate()
        .map(|(n, &(kind, i, wrap, amount, counter))| {
            statement_line(n as u64 + 2, kind, i, wrap, amount, counter)
        })
        .collect()
}

fn feed(
    threads: usize,
    invs: &[Invoice],
    lines: &[StatementLine],
) -> (Vec<LineResult>, Reconciler) {
    let mut rec = loaded(threads, invs);
    let mut out = Vec::new();
    // Two calls: the second after invoices were paid, partly paid and moved.
    let half = lines.len() / 2;
    rec.feed_many(lines[..half].iter().cloned(), |r| out.push(r));
    rec.feed_many(lines[half..].iter().cloned(), |r| out.push(r));
    (out, rec)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn two_threads_feed_as_one(
        n_invoices in 1usize..400,
        parts in line_parts(500, 5),
    ) {
        let invs = invoices(n_invoices);
        let lines = lines_of(&parts);
        let (one, rec1) = feed(1, &invs, &lines);
        let (two, rec2) = feed(2, &invs, &lines);
        prop_assert_eq!(one.len(), lines.len());
        prop_assert_eq!(two.len(), lines.len());
        for (a, b) in one.iter().zip(&two) {
            prop_assert_eq!(a, b);
        }
        prop_assert_eq!(rec1.summary(), rec2.summary());
        prop_assert!(rec1.invoices().eq(rec2.invoices()));
    }
}

/// A statement's records: its lines, with outgoing (skipped) lines and unreadable records
/// among them where `mix` says so.
fn records(lines: &[StatementLine], mix: &[u8]) -> Vec<Result<StatementRecord, RecordError>> {
    let mut out = Vec::new();
    for (line, m) in lines.iter().zip(mix.iter().cycle()) {
        match m % 5 {
            0 => out.push(Ok(StatementRecord::Skipped(Skipped {
                line: line.line,
                amount: line.amount,
                reference: None,
                finding: Finding::new(Code::ReconcileOutgoingSkipped, "amount"),
            }))),
            1 => out.push(Err(RecordError::one(
                line.line,
                Finding::new(Code::ReconcileAmountInvalid, "amount"),
            ))),
            _ => {}
        }
        out.push(Ok(StatementRecord::Line(line.clone())));
    }
    out
}

/// What `feed_records` must do, one record at a time: feed each line, count each skipped
/// and unreadable record, until `take` records were taken.
fn by_hand(
    threads: usize,
    invs: &[Invoice],
    recs: &[Result<StatementRecord, RecordError>],
    take: usize,
) -> (Vec<LineResult>, Reconciler, usize) {
    let mut rec = loaded(threads, invs);
    let (mut out, mut others) = (Vec::new(), 0);
    for r in recs.iter().take(take) {
        match r {
            Ok(StatementRecord::Line(l)) => out.push(rec.feed(l.clone())),
            Ok(StatementRecord::Skipped(s)) => {
                rec.skip(s);
                others += 1;
            }
            Err(e) => {
                rec.reject(e);
                others += 1;
            }
        }
    }
    (out, rec, others)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10))]

    /// `feed_records` feeds the lines as `feed` one by one would, counts the skipped and
    /// unreadable records among them as `skip` and `reject` do, hands those to `other`, and
    /// takes no record once `stop` says so; on one thread and on two.
    #[test]
    fn feed_records_as_one_record_at_a_time(
        n_invoices in 1usize..300,
        parts in line_parts(400, 4),
        mix in proptest::collection::vec(any::<u8>(), 1..50),
        stop_at in prop_oneof![Just(usize::MAX), 0usize..PIPE_CHUNK * 5],
        threads in 1usize..3,
    ) {
        let invs = invoices(n_invoices);
        let lines = lines_of(&parts);
        let recs = records(&lines, &mix);
        let (want, want_rec, want_others) = by_hand(1, &invs, &recs, stop_at);

        let mut rec = loaded(threads, &invs);
        let taken = Cell::new(0usize);
        let (mut got, mut others) = (Vec::new(), 0usize);
        rec.feed_records(
            recs.iter().cloned().inspect(|_| taken.set(taken.get() + 1)),
            |r| got.push(r),
            |_| others += 1,
            || taken.get() >= stop_at,
        );
        prop_assert_eq!(taken.get(), recs.len().min(stop_at));
        prop_assert_eq!(got.len(), want.len());
        for (a, b) in got.iter().zip(&want) {
            prop_assert_eq!(a, b);
        }
        prop_assert_eq!(others, want_others);
        prop_assert_eq!(rec.summary(), want_rec.summary());
        prop_assert!(rec.invoices().eq(want_rec.invoices()));
    }
}

/// The statuses of the generated lines are varied: the property above compares more than
/// unmatched lines.
#[test]
fn the_generated_statement_has_every_kind_of_line() {
    let invs = invoices(300);
    let lines: Vec<StatementLine> = (0..PIPE_CHUNK * 3)
        .map(|n| {
            statement_line(
                n as u64 + 2,
                (n % 8) as u8,
                n * 37 % 320,
                (n / 8 % 5) as u8,
                (n % 3) as u64,
                n % 4 == 0,
            )
        })
        .collect();
    let (one, _) = feed(1, &invs, &lines);
    let (two, _) = feed(2, &invs, &lines);
    assert_eq!(one, two);
    let mut statuses: Vec<&str> = one.iter().map(|r| r.status.as_str()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    for s in [
        "ambiguous",
        "duplicate",
        "paid",
        "partial",
        "unknown_code",
        "unmatched",
    ] {
        assert!(statuses.contains(&s), "{s} missing from {statuses:?}");
    }
    assert!(one.iter().any(|r| r.suggestion.is_some()), "no suggestion");
    assert!(one.iter().any(|r| r.possible_typo.is_some()), "no typo");
}

#[test]
fn threads_setting() {
    let mut rec = Reconciler::new(&[]);
    assert_eq!(rec.threads(), 1);
    rec.set_threads(0);
    assert_eq!(rec.threads(), 1);
    rec.set_threads(4);
    assert_eq!(rec.threads(), 4);
}

/// A panic in the caller's `each` on two threads is passed on (the second thread stops; the
/// call does not hang), and the reconciler's state is not used afterwards.
#[test]
fn a_panic_in_each_is_passed_on() {
    let invs = invoices(50);
    let lines: Vec<StatementLine> = (0..PIPE_CHUNK * 4)
        .map(|n| statement_line(n as u64 + 2, (n % 8) as u8, n % 60, 0, 0, false))
        .collect();
    let mut rec = Reconciler::new(&["HP:6".parse::<Scheme>().unwrap()]);
    rec.set_threads(2);
    for inv in &invs {
        rec.add_invoice(inv.clone()).unwrap();
    }
    let mut seen = 0;
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        rec.feed_many(lines.iter().cloned(), |_| {
            seen += 1;
            if seen == PIPE_CHUNK + 3 {
                panic!("stop");
            }
        })
    }));
    assert!(r.is_err());
    assert_eq!(seen, PIPE_CHUNK + 3);
}
