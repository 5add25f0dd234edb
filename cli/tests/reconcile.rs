//! `vietref reconcile` end to end on the bundled examples.
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn examples(file: &str) -> String {
    format!(
        "{}/../examples/reconcile/{file}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vietref"))
        .arg("reconcile")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// (line, status, invoice, suggestion) of every JSON line of the output.
fn rows(o: &Output) -> Vec<(u64, String, Option<String>, Option<String>)> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().map(String::from);
            assert!(v["reason"].as_str().is_some_and(|r| !r.is_empty()));
            assert!(v["reasonVi"].as_str().is_some_and(|r| !r.is_empty()));
            assert!(
                v.get("invoice").is_some(),
                "invoice is always present (maybe null)"
            );
            (
                v["line"].as_u64().unwrap(),
                s("status").unwrap(),
                s("invoice"),
                s("suggestion"),
            )
        })
        .collect()
}

fn r(
    line: u64,
    status: &str,
    invoice: Option<&str>,
    suggestion: Option<&str>,
) -> (u64, String, Option<String>, Option<String>) {
    (
        line,
        status.into(),
        invoice.map(Into::into),
        suggestion.map(Into::into),
    )
}

#[test]
fn csv_statement_json_output() {
    let o = run(
        &[
            "--invoices",
            &examples("invoices.csv"),
            "--statement",
            &examples("statement.csv"),
            "--scheme",
            "HP:6",
        ],
        "",
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(
        rows(&o),
        vec![
            r(2, "paid", Some("HP24010172"), None),
            r(3, "partial", Some("HP24010269"), None),
            r(4, "paid", Some("HP24010269"), None),
            r(5, "overpaid", Some("HP24010366"), None),
            r(6, "duplicate", Some("HP24010172"), None),
            r(7, "unknown_code", None, None),
            r(8, "ambiguous", None, None),
            r(9, "unmatched", None, Some("HP24010560")),
            r(10, "unmatched", None, None),
            r(11, "paid", Some("HP24010754"), None),
            r(12, "paid", Some("HP24010851"), None),
            r(13, "paid", Some("RF18539007547034"), None),
            r(14, "paid", Some("HD2024-0917"), None),
            r(15, "paid", Some("1C24TAA1234"), None),
            r(16, "unmatched", None, Some("HP24010657")),
            r(18, "paid", Some("HP24011045"), None),
        ]
    );
    // The summary table and the skipped outgoing line are on stderr.
    assert!(
        err.contains("statement.csv:17: column amount: warning: an outgoing transfer was skipped"),
        "{err}"
    );
    assert!(
        err.contains("paid                   8           8.670.000"),
        "{err}"
    );
    assert!(
        err.contains("skipped (out)          1             150.000"),
        "{err}"
    );
}

#[test]
fn jsonl_statement_csv_output_and_summary_file() {
    let dir = std::env::temp_dir().join(format!("vietref-reconcile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("results.csv");
    let summary = dir.join("summary.json");
    let o = run(
        &[
            "--invoices",
            &examples("invoices.csv"),
            "--statement",
            &examples("statement.jsonl"),
            "--scheme",
            "HP:6",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
            "--summary",
            summary.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
    let csv = std::fs::read_to_string(&out).unwrap();
    let statuses: Vec<(&str, &str)> = csv
        .lines()
        .skip(1)
        .map(|l| {
            let mut f = l.split(',');
            (f.next().unwrap(), f.next().unwrap())
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("1", "paid"),
            ("3", "partial"),
            ("4", "unknown_code"),
            ("6", "unmatched"),
            ("7", "overpaid"),
            ("8", "duplicate"),
            ("9", "paid")
        ]
    );
    assert!(csv.starts_with("line,status,invoice,suggestion,amount,"));
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    assert_eq!(
        (
            s["lines"].as_u64(),
            s["skipped"].as_u64(),
            s["skippedAmount"].as_u64()
        ),
        (Some(7), Some(1), Some(11_000))
    );
    assert_eq!(s["statuses"][0]["status"], "paid");
    assert_eq!(s["statuses"][0]["lines"], 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stdin_column_mapping_and_rejected_lines() {
    let statement =
        "Ngay;Dien giai;So tien\n01/09/2024;HP24010172 hoc phi;1.250.000\n02/09/2024;x;12,5\n";
    let o = run(
        &[
            "--invoices",
            &examples("invoices.csv"),
            "--statement",
            "-",
            "--statement-format",
            "csv",
            "--columns",
            "content=Dien giai,amount=So tien",
            "--scheme",
            "HP:6",
        ],
        statement,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a rejected record gives exit status 1: {err}"
    );
    assert_eq!(rows(&o), vec![r(2, "paid", Some("HP24010172"), None)]);
    assert!(
        err.contains("-:3: column So tien: error: the amount “12,5” has a non-zero decimal part; amounts are whole đồng [reconcile.amount_fraction]"),
        "{err}"
    );
    assert!(err.contains("rejected               1"), "{err}");
}

#[test]
fn usage_errors() {
    let inv = examples("invoices.csv");
    let st = examples("statement.csv");
    let o = run(
        &["--invoices", &inv, "--statement", &st, "--scheme", "HO:6"],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("'HO:6'") && err.contains("--scheme"), "{err}");
    let o = run(
        &[
            "--invoices",
            &inv,
            "--statement",
            "statement.txt",
            "--scheme",
            "HP:6",
        ],
        "",
    );
    // A name that does not tell the format is sniffed; a missing file is named.
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot open statement.txt"));
    let o = run(
        &[
            "--invoices",
            &inv,
            "--statement",
            &st,
            "--scheme",
            "HP:6",
            "--columns",
            "content",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    let o = run(
        &["--invoices", "-", "--statement", &st, "--scheme", "HP:6"],
        "code,amount\nHP24010172,1000\nHP24010173,1000\nHP24010172,5\n",
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("-:3: column code: error:"), "{err}");
    assert!(
        err.contains("-:4: column code: error: the invoice code HP24010172 is already listed"),
        "{err}"
    );
    assert!(err.contains("nothing was reconciled"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn stray_quotes_conflicts_hidden_characters_and_line_accounting() {
    // Line 2: a stray quote (only that line is lost); 3: paid; 4: credit and debit both
    // filled; 5: an impossible date; 6: too few cells; 7: a zero-width space inside the
    // code; 8: paid.
    let statement = "date,credit,debit,content\n\
        2024-09-01,1000,,\"oops\n\
        2024-09-01,1.250.000,,HP24010172\n\
        2024-09-01,1.250.000,1.250.000,HP24010269\n\
        2024-13-45,1.250.000,,HP24010366\n\
        2024-09-01,980000\n\
        2024-09-01,1.250.000,,HP2401\u{200B}0269\n\
        2024-09-01,980000,,HP24010463\n";
    let o = run(
        &[
            "--invoices",
            &examples("invoices.csv"),
            "--statement",
            "-",
            "--statement-format",
            "csv",
            "--scheme",
            "HP:6",
        ],
        statement,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        rows(&o),
        vec![
            r(3, "paid", Some("HP24010172"), None),
            r(7, "unmatched", None, None),
            r(8, "paid", Some("HP24010463"), None),
        ]
    );
    for expected in [
        "-:2: column content: error: a quote opens a field here and is not closed on this line, and the next line reads as a record of its own",
        "-:4: column credit: error: conflicting values: credit is “1.250.000” but debit is “1.250.000”; the record is not used [reconcile.field_conflict]",
        "-:5: column date: error: “2024-13-45” is not a date",
        "-:6: error: the row has 2 cells but the header row has 4; the record is not used [reconcile.cell_count]",
        "input lines: 8 = 3 fed + 1 skipped (header, blank, outgoing) + 4 rejected",
        "-:7: warning: the code HP24010269 comes with an invisible character U+200B",
    ] {
        assert!(err.contains(expected), "{expected}\n---\n{err}");
    }
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("comes with an invisible character U+200B"),
        "{out}"
    );
}

#[test]
fn a_json_statement_with_a_repeated_key_is_refused_naming_it() {
    let o = run(
        &[
            "--invoices",
            &examples("invoices.csv"),
            "--statement",
            "-",
            "--statement-format",
            "jsonl",
            "--scheme",
            "HP:6",
        ],
        "{\"transferAmount\":1,\"transferAmount\":1250000,\"content\":\"HP24010172\"}\n",
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(rows(&o).is_empty());
    assert!(
        err.contains("-:1: error: not a JSON transaction object: duplicate key \"transferAmount\""),
        "{err}"
    );
}

/// Issue 19's "done when": the school system's XLSX export against the bank's XLSX
/// statement, both with a preamble and totals rows (examples/reconcile/hoc_phi.xlsx and
/// sao_ke_vcb.xlsx, written by tests/example_workbooks.rs). Every row's status and reason,
/// every skipped row with its number, and the mappings on stderr and in the summary.
#[test]
fn the_school_export_against_the_vietcombank_export_both_xlsx() {
    let dir = std::env::temp_dir().join(format!("vietref-hoc-phi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let summary = dir.join("summary.json");
    let (inv, st) = (examples("hoc_phi.xlsx"), examples("sao_ke_vcb.xlsx"));
    let o = run(
        &[
            "--invoices",
            &inv,
            "--statement",
            &st,
            "--scheme",
            "HP:8",
            "--summary",
            summary.to_str().unwrap(),
        ],
        "",
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    /// (line, status, invoice, suggestion, reason).
    type Row = (u64, String, Option<String>, Option<String>, String);
    let got: Vec<Row> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().map(String::from);
            (
                v["line"].as_u64().unwrap(),
                s("status").unwrap(),
                s("invoice"),
                s("suggestion"),
                s("reason").unwrap(),
            )
        })
        .collect();
    let want = |line: u64, status: &str, inv: Option<&str>, sug: Option<&str>, reason: &str| {
        (
            line,
            status.to_string(),
            inv.map(String::from),
            sug.map(String::from),
            reason.to_string(),
        )
    };
    assert_eq!(
        got,
        vec![
            want(9, "paid", Some("HP2409010192"), None, "code HP2409010192 found; 1,250,000 VND paid in full"),
            want(10, "partial", Some("HP2409010289"), None, "code HP2409010289 found; 500,000 VND paid of 1,250,000 VND, 750,000 VND still due"),
            want(11, "overpaid", Some("HP2409010386"), None, "code HP2409010386 found; 1,300,000 VND paid for 1,250,000 VND due: 50,000 VND too much"),
            want(12, "paid", Some("HP2409010483"), None, "code HP2409010483 found; 980,000 VND paid in full"),
            want(13, "paid", Some("HP2409010580"), None, "code HP2409010580 found; 1,250,000 VND paid in full"),
            // Row 14 is the bank's SMS fee: outgoing, skipped (a warning on stderr).
            want(15, "unmatched", None, Some("HP2409010677"), "no invoice code found in the content; the beneficiary's name DO MINH QUAN and the exact amount 750,000 VND fit one open invoice, HP2409010677: a suggestion for a person to confirm, not applied; the code HP2409010678 fails its check digits and is one digit (or one swap of adjacent digits) away from the open invoice HP2409010677: a possible typo for a person to confirm, not applied"),
            want(16, "duplicate", Some("HP2409010192"), None, "invoice HP2409010192 was already settled by line 9; this 1,250,000 VND is an extra payment"),
            want(17, "unmatched", None, None, "no invoice code found in the content"),
        ]
    );
    // Row 15's mistyped code is named as a possible typo of the invoice its name points to.
    let typos: Vec<(u64, String)> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            Some((v["line"].as_u64()?, v["possibleTypo"].as_str()?.to_string()))
        })
        .collect();
    assert_eq!(typos, vec![(15, "HP2409010677".to_string())]);
    // Both mappings on stderr, every skipped row with its number.
    for needle in [
        "hoc_phi.xlsx: read as xlsx, sheet \"Hoc phi HK1\", header row 4: code=\"Mã hóa đơn\" (column 5), amount=\"Số tiền\" (column 7), payer=\"Họ tên phụ huynh\" (column 6), beneficiary=\"Họ tên học sinh\" (column 3), due=\"Hạn nộp\" (column 8)",
        "hoc_phi.xlsx:1: warning: row skipped, not a transaction: before the header row (TRƯỜNG THCS HÒA BÌNH) [reconcile.row_skipped]",
        "hoc_phi.xlsx:2: warning: row skipped",
        "hoc_phi.xlsx:12: warning: row skipped, not a transaction: a totals row (Tổng cộng | 7980000) [reconcile.row_skipped]",
        "sao_ke_vcb.xlsx: read as xlsx, sheet \"Sao ke\", header row 8: date=\"Ngày GD\" (column 2), content=\"Nội dung chi tiết\" (column 6), credit=\"Số tiền ghi có\" (column 4), debit=\"Số tiền ghi nợ\" (column 3)",
        "sao_ke_vcb.xlsx:3: warning: row skipped, not a transaction: before the header row (Số tài khoản / Account number: | 0011001000111) [reconcile.row_skipped]",
        "sao_ke_vcb.xlsx:6: warning: row skipped, not a transaction: before the header row (Số dư đầu kỳ / Opening balance: | 12500000) [reconcile.row_skipped]",
        "sao_ke_vcb.xlsx:14: column Số tiền ghi nợ: warning: an outgoing transfer was skipped",
        "sao_ke_vcb.xlsx:18: warning: row skipped, not a transaction: a totals row (Tổng số phát sinh / Total | 11000 | 7480000) [reconcile.row_skipped]",
        "sao_ke_vcb.xlsx:19: warning: row skipped, not a transaction: a totals row (Số dư cuối kỳ / Closing balance | 19969000) [reconcile.row_skipped]",
        "input lines: 19 = 8 fed + 11 skipped",
        "invoices: 7 loaded; 2 settled, 2 overpaid, 1 partly paid, 2 unpaid; 2.750.000 VND still due",
    ] {
        assert!(err.contains(needle), "stderr lacks {needle:?}:\n{err}");
    }
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let skipped = |m: &serde_json::Value| -> Vec<(u64, String)> {
        m["skippedRows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["row"].as_u64().unwrap(),
                    s["reason"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let pre = |r: u64| (r, "preamble".to_string());
    let tot = |r: u64| (r, "total".to_string());
    assert_eq!(v["invoiceMapping"]["headerRow"], 4);
    assert_eq!(skipped(&v["invoiceMapping"]), vec![pre(1), pre(2), tot(12)]);
    assert_eq!(v["statementMapping"]["headerRow"], 8);
    assert_eq!(
        skipped(&v["statementMapping"]),
        vec![
            pre(1),
            pre(2),
            pre(3),
            pre(4),
            pre(5),
            pre(6),
            tot(18),
            tot(19)
        ]
    );
    let cols: Vec<(String, u64)> = v["invoiceMapping"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["field"].as_str().unwrap().to_string(),
                c["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let c = |f: &str, n: u64| (f.to_string(), n);
    assert_eq!(
        cols,
        vec![
            c("code", 5),
            c("amount", 7),
            c("payer", 6),
            c("beneficiary", 3),
            c("due", 8)
        ]
    );
    assert_eq!(
        (v["invoices"].as_u64(), v["outstanding"].as_u64()),
        (Some(7), Some(2_750_000))
    );
    std::fs::remove_dir_all(&dir).ok();
}
