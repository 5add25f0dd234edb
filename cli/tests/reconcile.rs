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
