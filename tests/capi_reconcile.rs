//! The reconciliation functions of the C ABI called from Rust: a reconciler driven through C
//! and one driven through the Rust API, given the same invoices and lines, give the same
//! reports, line results (JSON and every accessor), invoice states and summaries.

use proptest::prelude::*;
use serde_json::Value;
use std::ptr;
use vietref::capi::reconcile::*;
use vietref::capi::report::*;
use vietref::capi::string::*;
use vietref::capi::vietref_status::*;
use vietref::capi::{vietref_line_result, vietref_reconciler, vietref_report, vietref_string};
use vietref::message::Amount;
use vietref::reconcile::{Invoice, Reconciler, StatementLine};
use vietref::reference::{code, Scheme};

unsafe fn take(s: *mut vietref_string) -> String {
    let v = unsafe {
        std::slice::from_raw_parts(vietref_string_ptr(s).cast::<u8>(), vietref_string_len(s))
    }
    .to_vec();
    unsafe { vietref_string_free(s) };
    String::from_utf8(v).unwrap()
}

fn text(s: &Option<String>) -> (*const std::ffi::c_char, usize) {
    match s {
        Some(t) => (t.as_ptr().cast(), t.len()),
        None => (ptr::null(), 0),
    }
}

#[derive(Debug, Clone)]
enum Op {
    Add {
        code: String,
        amount: u64,
        payer: Option<String>,
        beneficiary: Option<String>,
        due: Option<String>,
    },
    Feed {
        amount: u64,
        content: String,
        reference: Option<String>,
        date: Option<String>,
        counter: Option<String>,
    },
}

/// Valid HP:6 codes (check digits from the Rust API, which has its own vectors) and
/// near-misses.
fn codes() -> Vec<String> {
    let mut v: Vec<String> = (0..6)
        .map(|i| {
            code::create("HP", &format!("2401{i:02}"))
                .unwrap()
                .as_str()
                .to_string()
        })
        .collect();
    v.push("HP24010173".into());
    v.push("RF18539007547034".into());
    v.push("1C24TAA-1234".into());
    v.push("AB12".into());
    v.push("INV-2024-0001".into());
    v
}

fn names() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop::sample::select(vec![
        "Nguyễn Văn An".to_string(),
        "Trần Thị Bình".to_string(),
        "Hoàng Vy".to_string(),
        String::new(),
    ]))
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let all = codes();
    let add = (
        prop::sample::select(all.clone()),
        prop_oneof![Just(0u64), 1u64..3_000_000, Just(10_000_000_000_000)],
        names(),
        names(),
        proptest::option::of(prop_oneof![
            Just("2024-09-15".to_string()),
            Just("31/02/2024".to_string())
        ]),
    )
        .prop_map(|(code, amount, payer, beneficiary, due)| Op::Add {
            code,
            amount,
            payer,
            beneficiary,
            due,
        });
    let feed = (
        prop_oneof![Just(0u64), 1u64..3_000_000, Just(1_250_000)],
        (
            prop::sample::select(all),
            "[a-zA-Z .]{0,20}",
            any::<bool>(),
            names(),
        )
            .prop_map(|(c, noise, with_code, name)| {
                let mut s = noise;
                if with_code {
                    s.push(' ');
                    s.push_str(&c.to_lowercase());
                }
                if let Some(n) = name {
                    s.push(' ');
                    s.push_str(&vietref::text::fold(&n));
                }
                s
            }),
        proptest::option::of(prop_oneof![
            Just("FT1".to_string()),
            Just("FT2".to_string())
        ]),
        proptest::option::of(Just("2024-10-01".to_string())),
        names(),
    )
        .prop_map(|(amount, content, reference, date, counter)| Op::Feed {
            amount,
            content,
            reference,
            date,
            counter,
        });
    proptest::collection::vec(prop_oneof![add, feed], 0..24)
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.clone().filter(|t| !t.is_empty())
}

proptest! {
    #[test]
    fn a_reconciler_through_c_equals_rust(ops in ops()) {
        let schemes: Vec<Scheme> = vec!["HP:6".parse().unwrap()];
        let mut rust = Reconciler::new(&schemes);
        let mut c: *mut vietref_reconciler = ptr::null_mut();
        prop_assert_eq!(unsafe { vietref_reconciler_new(c"HP:6".as_ptr(), 4, &mut c) }, VIETREF_OK);
        let mut line = 0u64;
        for op in &ops {
            match op {
                Op::Add { code, amount, payer, beneficiary, due } => {
                    let (p, pl) = text(payer);
                    let (b, bl) = text(beneficiary);
                    let (d, dl) = text(due);
                    let mut r: *mut vietref_report = ptr::null_mut();
                    let st = unsafe {
                        vietref_reconciler_add_invoice(c, code.as_ptr().cast(), code.len(), *amount, p, pl, b, bl, d, dl, &mut r)
                    };
                    prop_assert_eq!(st, VIETREF_OK);
                    let mut s: *mut vietref_string = ptr::null_mut();
                    prop_assert_eq!(unsafe { vietref_report_json(r, &mut s) }, VIETREF_OK);
                    let got: Value = serde_json::from_str(&unsafe { take(s) }).unwrap();
                    unsafe { vietref_report_free(r) };
                    match Amount::new(*amount) {
                        Some(a) => {
                            let inv = Invoice {
                                code: code.clone(),
                                amount: a,
                                payer: nonempty(payer),
                                beneficiary: nonempty(beneficiary),
                                due: nonempty(due),
                            };
                            match rust.add_invoice(inv) {
                                Ok(added) => {
                                    prop_assert_eq!(got["valid"].as_bool(), Some(true));
                                    prop_assert_eq!(&got["cleaned"], &Value::from(added.code));
                                    prop_assert_eq!(&got["findings"], &serde_json::to_value(&added.warnings).unwrap());
                                }
                                Err(findings) => {
                                    prop_assert_eq!(got["valid"].as_bool(), Some(false));
                                    prop_assert_eq!(&got["findings"], &serde_json::to_value(&findings).unwrap());
                                }
                            }
                        }
                        None => {
                            // Refused before the reconciler sees it: the amount's finding last.
                            prop_assert_eq!(got["valid"].as_bool(), Some(false));
                            let last = got["findings"].as_array().unwrap().last().unwrap()["code"].clone();
                            let want = if *amount == 0 { "reconcile.amount_zero" } else { "reconcile.amount_too_large" };
                            prop_assert_eq!(last, Value::from(want));
                        }
                    }
                }
                Op::Feed { amount, content, reference, date, counter } => {
                    line += 1;
                    let (rf, rl) = text(reference);
                    let (d, dl) = text(date);
                    let (n, nl) = text(counter);
                    let mut x: *mut vietref_line_result = ptr::null_mut();
                    let st = unsafe {
                        vietref_reconciler_feed(c, line, *amount, content.as_ptr().cast(), content.len(), rf, rl, d, dl, n, nl, &mut x)
                    };
                    let Some(a) = Amount::new(*amount) else {
                        prop_assert_eq!(st, VIETREF_RECONCILE_AMOUNT_INVALID);
                        prop_assert!(x.is_null());
                        continue;
                    };
                    prop_assert_eq!(st, VIETREF_OK);
                    let mut l = StatementLine::new(line, a, content.clone());
                    l.reference = nonempty(reference);
                    l.date = nonempty(date);
                    l.counter_name = nonempty(counter);
                    let want = rust.feed(l);
                    unsafe {
                        let mut s: *mut vietref_string = ptr::null_mut();
                        prop_assert_eq!(vietref_line_result_json(x, &mut s), VIETREF_OK);
                        prop_assert_eq!(take(s), serde_json::to_string(&want).unwrap());
                        let mut status = 99u32;
                        prop_assert_eq!(vietref_line_result_status(x, &mut status), VIETREF_OK);
                        prop_assert_eq!(status, want.status.number());
                        let mut s: *mut vietref_string = ptr::null_mut();
                        let st = vietref_line_result_invoice(x, &mut s);
                        prop_assert_eq!((st == VIETREF_OK).then(|| take(s)), want.invoice.clone());
                        let mut s: *mut vietref_string = ptr::null_mut();
                        let st = vietref_line_result_suggestion(x, &mut s);
                        prop_assert_eq!((st == VIETREF_OK).then(|| take(s)), want.suggestion.clone());
                        let mut s: *mut vietref_string = ptr::null_mut();
                        let st = vietref_line_result_possible_typo(x, &mut s);
                        prop_assert_eq!((st == VIETREF_OK).then(|| take(s)), want.possible_typo.clone());
                        for (lang, w) in [(1u32, want.reason()), (2, want.reason_vi())] {
                            let mut s: *mut vietref_string = ptr::null_mut();
                            prop_assert_eq!(vietref_line_result_reason(x, lang, &mut s), VIETREF_OK);
                            prop_assert_eq!(take(s), w);
                        }
                        vietref_line_result_free(x);
                    }
                }
            }
        }
        unsafe {
            let mut s: *mut vietref_string = ptr::null_mut();
            prop_assert_eq!(vietref_reconciler_summary_json(c, &mut s), VIETREF_OK);
            prop_assert_eq!(take(s), serde_json::to_string(&rust.summary()).unwrap());
            for code in codes() {
                let mut s: *mut vietref_string = ptr::null_mut();
                let st = vietref_reconciler_invoice_json(c, code.as_ptr().cast(), code.len(), &mut s);
                let want = rust.invoice(&code).map(|st| serde_json::to_string(&st).unwrap());
                prop_assert_eq!((st == VIETREF_OK).then(|| take(s)), want);
            }
            vietref_reconciler_free(c);
        }
    }

    #[test]
    fn new_with_any_schemes_equals_parsing_them(schemes in "\\PC{0,16}") {
        let mut c: *mut vietref_reconciler = ptr::null_mut();
        let st = unsafe { vietref_reconciler_new(schemes.as_ptr().cast(), schemes.len(), &mut c) };
        let parsed: Option<Vec<Scheme>> = schemes
            .split([',', ' '])
            .filter(|x| !x.is_empty())
            .map(|x| x.parse().ok())
            .collect();
        prop_assert_eq!(st == VIETREF_OK, parsed.is_some());
        unsafe { vietref_reconciler_free(c) };
    }
}

/// A possible typo through the C ABI: the owned and the buffer accessor give the invoice's
/// code; a line without one gives `VIETREF_NO_VALUE`.
#[test]
fn a_possible_typo_through_c() {
    let good = code::create("HP", "240101").unwrap().as_str().to_string();
    let mut typed = good.clone().into_bytes();
    let last = typed.len() - 1;
    typed[last] = if typed[last] == b'9' {
        b'0'
    } else {
        typed[last] + 1
    };
    let typed = String::from_utf8(typed).unwrap();
    assert!(!code::is_valid(&typed));
    unsafe {
        let scheme = "HP:6";
        let mut r: *mut vietref_reconciler = ptr::null_mut();
        assert_eq!(
            vietref_reconciler_new(scheme.as_ptr().cast(), scheme.len(), &mut r),
            VIETREF_OK
        );
        let mut rep: *mut vietref_report = ptr::null_mut();
        let st = vietref_reconciler_add_invoice(
            r,
            good.as_ptr().cast(),
            good.len(),
            500_000,
            ptr::null(),
            0,
            ptr::null(),
            0,
            ptr::null(),
            0,
            &mut rep,
        );
        assert_eq!(st, VIETREF_OK);
        vietref_report_free(rep);
        for (content, want) in [
            (format!("hoc phi {typed}"), Some(good.clone())),
            ("hoc phi".to_string(), None),
        ] {
            let mut x: *mut vietref_line_result = ptr::null_mut();
            let st = vietref_reconciler_feed(
                r,
                2,
                500_000,
                content.as_ptr().cast(),
                content.len(),
                ptr::null(),
                0,
                ptr::null(),
                0,
                ptr::null(),
                0,
                &mut x,
            );
            assert_eq!(st, VIETREF_OK);
            let mut s: *mut vietref_string = ptr::null_mut();
            let st = vietref_line_result_possible_typo(x, &mut s);
            assert_eq!((st == VIETREF_OK).then(|| take(s)), want);
            let mut buf = [0u8; 64];
            let mut len = 0usize;
            let st = vietref_line_result_possible_typo_buf(
                x,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut len,
            );
            match &want {
                Some(w) => {
                    assert_eq!(st, VIETREF_OK);
                    assert_eq!(&buf[..len], w.as_bytes());
                }
                None => assert_eq!(st, VIETREF_NO_VALUE),
            }
            vietref_line_result_free(x);
        }
        vietref_reconciler_free(r);
    }
}

#[test]
fn line_results_can_be_read_from_many_threads() {
    struct Shared(*const vietref_line_result);
    // SAFETY (of the test): vietref_line_result is documented immutable and shareable.
    unsafe impl Sync for Shared {}
    let mut c: *mut vietref_reconciler = ptr::null_mut();
    assert_eq!(
        unsafe { vietref_reconciler_new(c"HP:6".as_ptr(), 4, &mut c) },
        VIETREF_OK
    );
    let content = "ung ho quy lop";
    let mut x: *mut vietref_line_result = ptr::null_mut();
    let st = unsafe {
        vietref_reconciler_feed(
            c,
            1,
            200_000,
            content.as_ptr().cast(),
            content.len(),
            ptr::null(),
            0,
            ptr::null(),
            0,
            ptr::null(),
            0,
            &mut x,
        )
    };
    assert_eq!(st, VIETREF_OK);
    let shared = Shared(x);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let shared = &shared;
            scope.spawn(move || {
                for _ in 0..200 {
                    let mut s: *mut vietref_string = ptr::null_mut();
                    assert_eq!(
                        unsafe { vietref_line_result_reason(shared.0, 1, &mut s) },
                        VIETREF_OK
                    );
                    assert_eq!(unsafe { take(s) }, "no invoice code found in the content");
                }
            });
        }
    });
    unsafe {
        vietref_line_result_free(x);
        vietref_reconciler_free(c);
    }
    assert_eq!(vietref_line_status::VIETREF_LINE_UNMATCHED as u32, 6);
}

/// Reconciles `invoices` and `statement` through the C file functions: (invoices added,
/// their report JSON, results, statement report JSON, summary JSON).
fn files_through_c(
    invoices: &[u8],
    statement: &[u8],
    format: u32,
    csv_out: bool,
) -> (u64, Value, String, Value, Value) {
    files_through_c_on(invoices, statement, format, csv_out, 1)
}

/// [`files_through_c`] with the reconciler set to use `threads`.
fn files_through_c_on(
    invoices: &[u8],
    statement: &[u8],
    format: u32,
    csv_out: bool,
    threads: usize,
) -> (u64, Value, String, Value, Value) {
    unsafe {
        let mut r: *mut vietref_reconciler = ptr::null_mut();
        assert_eq!(
            vietref_reconciler_new(c"HP:6".as_ptr(), 4, &mut r),
            VIETREF_OK
        );
        assert_eq!(vietref_reconciler_set_threads(r, threads), VIETREF_OK);
        let (mut added, mut rep) = (0u64, ptr::null_mut::<vietref_report>());
        assert_eq!(
            vietref_reconciler_add_invoices_csv(
                r,
                invoices.as_ptr().cast(),
                invoices.len(),
                ptr::null(),
                0,
                &mut added,
                &mut rep
            ),
            VIETREF_OK
        );
        let inv_report = report_json(rep);
        let (mut res, mut rep) = (ptr::null_mut::<vietref_string>(), ptr::null_mut());
        assert_eq!(
            vietref_reconciler_feed_statement(
                r,
                statement.as_ptr().cast(),
                statement.len(),
                format,
                ptr::null(),
                0,
                if csv_out { 2 } else { 1 },
                &mut res,
                &mut rep
            ),
            VIETREF_OK
        );
        let results = take(res);
        let st_report = report_json(rep);
        let mut s = ptr::null_mut();
        assert_eq!(vietref_reconciler_summary_json(r, &mut s), VIETREF_OK);
        let mut summary: Value = serde_json::from_str(&take(s)).unwrap();
        // A CSV statement's mapping is in the summary (checked in capi_statement_sheets.rs).
        let mapping = summary.as_object_mut().unwrap().remove("statementMapping");
        assert!(mapping.is_none() || format == 1, "{mapping:?}");
        vietref_reconciler_free(r);
        (added, inv_report, results, st_report, summary)
    }
}

unsafe fn report_json(rep: *mut vietref_report) -> Value {
    let mut s = ptr::null_mut();
    assert_eq!(unsafe { vietref_report_json(rep, &mut s) }, VIETREF_OK);
    unsafe { vietref_report_free(rep) };
    serde_json::from_str(&unsafe { take(s) }).unwrap()
}

/// The same through the Rust readers, the reconciler and the writers, as the CLI does.
fn files_through_rust(
    invoices: &[u8],
    statement: &[u8],
    format: vietref::reconcile::StatementFormat,
    csv_out: bool,
) -> (u64, String, Value) {
    use vietref::reconcile::{
        write_json_line, Columns, CsvWriter, InvoiceReader, StatementReader, StatementRecord,
    };
    let mut rec = Reconciler::new(&["HP:6".parse::<Scheme>().unwrap()]);
    let mut added = 0;
    for (_, inv) in InvoiceReader::new(invoices, &Columns::new())
        .unwrap()
        .flatten()
    {
        added += u64::from(rec.add_invoice(inv).is_ok());
    }
    let (mut json, mut csv) = (Vec::new(), CsvWriter::new(Vec::new()));
    let mut reader = StatementReader::new(format, statement, &Columns::new()).unwrap();
    for item in reader.by_ref() {
        match item {
            Ok(StatementRecord::Line(l)) => {
                let r = rec.feed(l);
                if csv_out {
                    csv.write(&r).unwrap()
                } else {
                    write_json_line(&mut json, &r).unwrap()
                }
            }
            Ok(StatementRecord::Skipped(s)) => rec.skip(&s),
            Err(e) => rec.reject(&e),
        }
    }
    rec.add_input_lines(&reader.input_lines());
    let out = if csv_out { csv.finish().unwrap() } else { json };
    let summary = serde_json::to_value(rec.summary()).unwrap();
    (added, String::from_utf8(out).unwrap(), summary)
}

#[test]
fn bundled_files_through_c_equal_the_rust_pipeline() {
    use vietref::reconcile::StatementFormat;
    let invoices = std::fs::read("examples/reconcile/invoices.csv").unwrap();
    for (file, format, rust_format) in [
        ("examples/reconcile/statement.csv", 1, StatementFormat::Csv),
        (
            "examples/reconcile/statement.jsonl",
            2,
            StatementFormat::JsonLines,
        ),
    ] {
        let statement = std::fs::read(file).unwrap();
        for csv_out in [false, true] {
            let (added, inv_rep, results, st_rep, summary) =
                files_through_c(&invoices, &statement, format, csv_out);
            let (want_added, want_results, want_summary) =
                files_through_rust(&invoices, &statement, rust_format, csv_out);
            assert_eq!(added, want_added, "{file}");
            assert_eq!(added, 13, "every bundled invoice is added");
            assert_eq!(inv_rep["valid"], true);
            assert_eq!(results, want_results, "{file} csv={csv_out}");
            assert_eq!(summary, want_summary, "{file}");
            // What was not fed is in the report: the skipped outgoing lines.
            let skipped = st_rep["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["code"] == "reconcile.outgoing_skipped")
                .count();
            assert_eq!(Some(skipped as u64), summary["skipped"].as_u64(), "{file}");
            assert_eq!(st_rep["valid"], summary["rejected"] == 0);
        }
    }
}

/// A statement longer than one `feed_many` batch (the bundled lines five times over, so
/// later copies pay settled invoices again): the C function, which feeds in batches, gives
/// what feeding line by line gives.
#[test]
fn a_statement_of_several_batches_through_c_equals_line_by_line() {
    use vietref::reconcile::{StatementFormat, FEED_BATCH};
    let invoices = std::fs::read("examples/reconcile/invoices.csv").unwrap();
    let bundled = std::fs::read_to_string("examples/reconcile/statement.csv").unwrap();
    let (header, body) = bundled.split_once('\n').unwrap();
    let statement = format!("{header}\n{}", body.repeat(5));
    assert!(statement.lines().count() > 2 * FEED_BATCH + 1);
    for csv_out in [false, true] {
        let (_, _, results, _, summary) =
            files_through_c(&invoices, statement.as_bytes(), 1, csv_out);
        let (_, want_results, want_summary) = files_through_rust(
            &invoices,
            statement.as_bytes(),
            StatementFormat::Csv,
            csv_out,
        );
        assert_eq!(results, want_results, "csv={csv_out}");
        assert_eq!(summary, want_summary);
        // Later copies of a payment find its invoice settled.
        let duplicates = summary["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["status"] == "duplicate")
            .and_then(|t| t["lines"].as_u64());
        assert!(duplicates.unwrap_or(0) > 0, "{summary}");
    }
}

proptest! {
    /// Any bytes as an invoice list or a statement: no panic, and the reports account for
    /// every record (a rejected one makes the report invalid; the summary counts it).
    #[test]
    fn any_file_bytes_are_read_or_reported(
        inv in proptest::collection::vec(any::<u8>(), 0..200),
        st in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..200),
            "date,amount,content,reference\n([0-9a-z ,.;-]{0,30}\n){0,5}".prop_map(String::into_bytes),
        ],
        format in 1u32..=3,
        csv_out in any::<bool>(),
    ) {
        let (added, inv_rep, results, st_rep, summary) = files_through_c(&inv, &st, format, csv_out);
        let cleaned = added.to_string();
        prop_assert_eq!(inv_rep["valid"] == true, inv_rep["cleaned"].as_str() == Some(cleaned.as_str()));
        let rejected = summary["rejected"].as_u64().unwrap();
        prop_assert_eq!(st_rep["valid"] == true, rejected == 0 && st_rep["findings"].as_array().unwrap().iter().all(|f| f["severity"] != "error"));
        let lines = summary["lines"].as_u64().unwrap();
        if !csv_out {
            prop_assert_eq!(results.lines().count() as u64, lines);
        }
    }
}

/// Issue 18 through the C ABI: a stray quote costs its line only, conflicting fields, an
/// impossible date and a short row are rejected with their findings, a code with a hidden
/// character is not applied, a repeated JSON key is refused, and the summary accounts for
/// every physical line.
#[test]
fn statements_through_c_lose_nothing_and_apply_nothing_hidden() {
    let c1 = code::create("HP", "240101").unwrap().as_str().to_string();
    let c2 = code::create("HP", "240102").unwrap().as_str().to_string();
    let invoices = format!("code,amount\n{c1},1250000\n{c2},980000\n");
    let body2 = c2.get(2..6).unwrap().to_string() + "\u{202E}" + c2.get(6..).unwrap();
    let statement = format!(
        "date,credit,debit,content\n\
         2024-09-01,1000,,\"oops\n\
         2024-09-01,1250000,,{c1}\n\
         2024-09-01,980000,980000,{c2}\n\
         2024-13-45,980000,,{c2}\n\
         2024-09-01,980000\n\
         2024-09-01,980000,,HP{body2}\n"
    );
    let (added, _, results, report, summary) =
        files_through_c(invoices.as_bytes(), statement.as_bytes(), 1, false);
    assert_eq!(added, 2);
    let got: Vec<(u64, String)> = results
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["line"].as_u64().unwrap(),
                v["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(got, [(3, "paid".into()), (7, "unmatched".into())]);
    let last: Value = serde_json::from_str(results.lines().last().unwrap()).unwrap();
    assert_eq!(last["evidence"]["hidden"][0]["character"], "U+202E");
    let codes: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("2:content".into(), "reconcile.csv_stray_quote".into()),
            ("4:credit".into(), "reconcile.field_conflict".into()),
            ("5:date".into(), "reconcile.date_invalid".into()),
            ("6".into(), "reconcile.cell_count".into()),
        ]
    );
    assert_eq!(
        summary["input"],
        serde_json::json!({"lines": 7, "fed": 2, "skipped": 1, "rejected": 4})
    );
    assert_eq!(summary["statuses"][0]["lines"], 1, "one line paid");
    // JSON lines with a repeated key: rejected, the key named.
    let jsonl =
        format!("{{\"transferAmount\":1,\"transferAmount\":1250000,\"content\":\"{c1}\"}}\n");
    let (_, _, results, report, summary) =
        files_through_c(invoices.as_bytes(), jsonl.as_bytes(), 2, false);
    assert!(results.is_empty());
    assert!(report["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("duplicate key \"transferAmount\""));
    assert_eq!(summary["input"]["rejected"], 1);
}

/// A statement fed on two threads (`vietref_reconciler_set_threads`) gives the same results,
/// byte for byte, and the same summary as on one; a NULL reconciler is refused.
#[test]
fn feed_statement_on_two_threads() {
    let mut invoices = String::from("code,amount,payer\n");
    let codes: Vec<String> = (0..300)
        .map(|i| {
            code::create("HP", &format!("{:06}", 100_000 + i))
                .unwrap()
                .as_str()
                .to_string()
        })
        .collect();
    for (i, c) in codes.iter().enumerate() {
        invoices.push_str(&format!(
            "{c},{},Nguyen Van Khoa {i}\n",
            100_000 + i % 5 * 1000
        ));
    }
    let mut statement = String::from("amount,content\n");
    let n = 3 * vietref::reconcile::PIPE_CHUNK + 7;
    for k in 0..n {
        let i = k * 7 % 320;
        let content = match k % 4 {
            0 => format!("MBVCB.6990001234.{} hoc phi.CT tu 0071000123456 LE VAN NAM toi 0011001000111 TRUONG THCS", codes.get(i).map_or("HP999999", |c| c.as_str())),
            1 => format!("{} nop tien", codes.get(i / 2).map_or("x", |c| c.as_str())),
            2 => "NGUYEN VAN KHOA chuyen tien".to_string(),
            _ => format!("Chuyen tien den tu NAPAS Noi dung: {} FT24256000123456 (CT1111)", codes.get(i).map_or("", |c| c.as_str())),
        };
        statement.push_str(&format!("{},{content}\n", 100_000 + k % 7 * 1000));
    }
    for csv_out in [false, true] {
        let one = files_through_c_on(invoices.as_bytes(), statement.as_bytes(), 1, csv_out, 1);
        let two = files_through_c_on(invoices.as_bytes(), statement.as_bytes(), 1, csv_out, 2);
        assert_eq!(one.2.lines().count(), n + usize::from(csv_out));
        assert!(one.2.contains("\"paid\"") || one.2.contains(",paid,"));
        assert_eq!(one, two);
    }
    assert_eq!(
        unsafe { vietref_reconciler_set_threads(ptr::null_mut(), 2) },
        VIETREF_NULL_ARGUMENT
    );
}
