//! The `vietref` command's public interface: outputs, JSON shapes and exit codes.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vietref"));
    cmd.args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn vietref");
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn text_name_with_argument() {
    let o = run(&["text", "name", "  nguyễn   THỊ  minh   khai "], None);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "Nguyễn Thị Minh Khai\n");
}

#[test]
fn text_fold_key_retone() {
    assert_eq!(
        stdout(&run(&["text", "fold", "Nguyễn Văn Đức"], None)),
        "NGUYEN VAN DUC\n"
    );
    assert_eq!(stdout(&run(&["text", "key", "THỦY"], None)), "thuỷ\n");
    assert_eq!(
        stdout(&run(
            &["text", "retone", "--style", "traditional", "Hoà Thuỷ"],
            None
        )),
        "Hòa Thủy\n"
    );
    assert_eq!(
        stdout(&run(
            &["text", "retone", "--style", "main-vowel", "hòa qúy"],
            None
        )),
        "hoà quý\n"
    );
}

#[test]
fn text_lines_from_stdin_as_json() {
    let o = run(&["text", "name", "--json"], Some("hòa\nLê 2\n"));
    assert_eq!(o.status.code(), Some(1), "an error line makes exit 1");
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["input"], "hòa");
    assert_eq!(lines[0]["output"], "Hòa");
    assert_eq!(lines[1]["output"], Value::Null);
    let f = &lines[1]["findings"][0];
    assert_eq!(f["code"], "name.digit");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["field"], "name");
    assert!(f["message"].as_str().unwrap().contains("digits"));
    assert!(f["messageVi"].as_str().unwrap().contains("chữ số"));
}

#[test]
fn text_check_reports_on_stderr() {
    let o = run(&["text", "check", "Nguуễn Văn An"], None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("name.foreign_script"), "{err}");
}

#[test]
fn message_validate_exit_codes() {
    let ok = run(
        &["message", "validate", "examples/messages/tuition.json"],
        None,
    );
    assert_eq!(ok.status.code(), Some(0));
    let r: Value = serde_json::from_str(stdout(&ok).trim()).unwrap();
    assert_eq!(r["valid"], true);
    assert_eq!(r["cleaned"]["payerName"], "Nguyễn Văn An");

    let bad = run(&["message", "validate", "examples/messages/bad.json"], None);
    assert_eq!(bad.status.code(), Some(1));

    let lines = format!(
        "{}\n{}\n",
        include_str!("../../examples/messages/hospital.json").trim(),
        include_str!("../../examples/messages/tuition.json").trim()
    );
    let two = run(&["message", "validate", "-"], Some(&lines));
    assert_eq!(two.status.code(), Some(0));
    assert_eq!(stdout(&two).lines().count(), 2);

    let broken = run(&["message", "validate"], Some("{not json"));
    assert_eq!(broken.status.code(), Some(2));
    assert!(!broken.stderr.is_empty());
}

#[test]
fn demo_runs() {
    let o = run(&["demo"], None);
    assert!(o.status.success());
    let s = stdout(&o);
    assert!(s.contains("Nguyễn Văn An"));
    assert!(s.contains("name.foreign_script"));
}

#[test]
fn qr_pay_builds_a_payload_that_decodes_to_the_message() {
    let o = run(
        &[
            "qr",
            "pay",
            "--bank",
            "VCB",
            "--account",
            "0011001234567",
            "examples/messages/tuition.json",
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let payload = stdout(&o).trim().to_string();
    assert!(payload.starts_with("000201010212"), "dynamic QR: {payload}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("memo.field_omitted"), "losses reported: {err}");
    let d = run(&["qr", "decode", "--strict", &payload], None);
    assert!(d.status.success());
    let v: Value = serde_json::from_str(stdout(&d).trim()).unwrap();
    assert_eq!(v["bankBin"], "970436");
    assert_eq!(v["amount"], "1250000");
    assert_eq!(v["additionalData"]["billNumber"], "HP7184097674");
    assert!(v["additionalData"]["purpose"]
        .as_str()
        .unwrap()
        .starts_with("HP7184097674 HOC PHI"));
}

#[test]
fn message_validate_with_a_scheme_checks_the_code() {
    let bad =
        r#"{"sector":"health","payerName":"An","reason":"Viện phí","invoice":"VP372817430912"}"#;
    let o = run(&["message", "validate", "--scheme", "VP:10"], Some(bad));
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("invoice.check_digits"));
    let o = run(&["message", "validate"], Some(bad));
    assert_eq!(
        o.status.code(),
        Some(0),
        "without the scheme it is an opaque code"
    );
}

/// `memo render` and `qr pay` take `--scheme` as `message validate` does: a code of the
/// scheme's shape must then verify, as in the bindings' render and for_payment.
#[test]
fn memo_render_and_qr_pay_with_a_scheme_check_the_code() {
    let bad =
        r#"{"sector":"health","payerName":"An","reason":"Viện phí","invoice":"VP372817430912"}"#;
    for args in [
        &[
            "memo",
            "render",
            "--channel",
            "transfer",
            "--scheme",
            "VP:10",
        ][..],
        &[
            "qr",
            "pay",
            "--json",
            "--bank",
            "970436",
            "--account",
            "1",
            "--scheme",
            "VP:10",
        ][..],
    ] {
        let o = run(args, Some(bad));
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stdout(&o).contains("invoice.check_digits"), "{args:?}");
        let without: Vec<&str> = args[..args.len() - 2].to_vec();
        let o = run(&without, Some(bad));
        assert_eq!(o.status.code(), Some(0), "{without:?}: an opaque code");
    }
}

/// Runs `vietref ARGS` with STDIN fed from a thread while nobody reads its output (the read
/// end of the pipe is closed at once, as `| head` does once satisfied).
fn run_into_closed_pipe(args: &[&str], stdin: String) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vietref"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vietref");
    drop(child.stdout.take());
    let mut input = child.stdin.take().unwrap();
    // The command may end before it has read everything: a failed write is expected.
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(stdin.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

#[test]
fn a_closed_output_pipe_ends_every_command_quietly() {
    let message =
        r#"{"sector":"health","payerName":"Trần Văn Bình","reason":"Viện phí","invoice":"HD0001"}"#;
    let lines = |l: &str| format!("{l}\n").repeat(20_000);
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec!["demo"], String::new()),
        (vec!["message", "validate"], lines(message)),
        (vec!["memo", "render", "--channel", "transfer"], message.to_string()),
        (vec!["memo", "extract", "--scheme", "HP:8"], lines("HP 7184 0976 74 hoc phi")),
        (vec!["memo", "parse"], lines("HP7184097674 HOC PHI HK1 HS NGUYEN VAN AN")),
        (vec!["text", "name"], lines("nguyễn văn an")),
        (vec!["text", "fold"], lines("Nguyễn Văn Đức")),
        (vec!["decode", "--from", "utf8", "--lines"], lines("Nguyễn")),
        (vec!["qr", "decode"], lines("00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5")),
        (
            vec!["reconcile", "--invoices", "examples/reconcile/invoices.csv", "--statement", "-", "--statement-format", "csv", "--scheme", "HP:6"],
            format!("date,amount,content,reference\n{}", lines("2024-09-01,1250000,HP24010172 hoc phi,FT1")),
        ),
    ];
    for (args, input) in cases {
        let o = run_into_closed_pipe(&args, input);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {:?} {err}", o.status);
    }
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn json_flag_is_accepted_where_json_is_printed() {
    let msg = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/messages/tuition.json"
    ))
    .unwrap();
    let o = run(
        &["message", "validate", "--json", "--scheme", "HP:8"],
        Some(&msg),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json_lines(&o)[0]["valid"], true);
    for args in [
        &[
            "memo",
            "extract",
            "--json",
            "--scheme",
            "HP:6",
            "HP24010172 hoc phi",
        ][..],
        &[
            "memo",
            "parse",
            "--json",
            "--scheme",
            "HP:6",
            "HP24010172 hoc phi",
        ][..],
    ] {
        let o = run(args, None);
        assert!(o.status.success(), "{args:?}");
        assert_eq!(json_lines(&o).len(), 1, "{args:?}");
    }
    let o = run(
        &["memo", "render", "--json", "--channel", "vietqr"],
        Some(&msg),
    );
    assert!(o.status.success());
    assert!(json_lines(&o)[0]["text"].is_string());
}

#[test]
fn qr_pay_json_holds_payload_and_findings() {
    let msg = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/messages/tuition.json"
    ))
    .unwrap();
    let args = ["qr", "pay", "--bank", "VCB", "--account", "0011001234567"];
    let plain = run(&args, Some(&msg));
    assert!(plain.status.success());
    let o = run(&[&args[..], &["--json"]].concat(), Some(&msg));
    assert!(o.status.success());
    let v = &json_lines(&o)[0];
    assert_eq!(v["valid"], true);
    assert_eq!(v["payload"].as_str().unwrap(), stdout(&plain).trim_end());
    assert!(v["findings"].is_array());
    // An invalid message: still one JSON object, exit 1.
    let o = run(
        &[&args[..], &["--json"]].concat(),
        Some("{\"sector\":\"school\"}"),
    );
    assert_eq!(o.status.code(), Some(1));
    let v = &json_lines(&o)[0];
    assert_eq!(v["valid"], false);
    assert!(v["payload"].is_null());
    assert!(!v["findings"].as_array().unwrap().is_empty());
}

#[test]
fn ref_validate_without_kind_names_the_kind() {
    let o = run(&["ref", "validate", "RF18 5390 0754 7034"], None);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "rf RF18539007547034\n");
    let o = run(
        &["ref", "validate", "--scheme", "HP:6", "hp2401-0172"],
        None,
    );
    assert_eq!(stdout(&o), "code HP24010172\n");
    // With --kind the output is the compact form alone, as before.
    let o = run(
        &["ref", "validate", "--kind", "rf", "RF18539007547034"],
        None,
    );
    assert_eq!(stdout(&o), "RF18539007547034\n");
    // No kind fits: exit 1, every kind's reason in both languages.
    let o = run(&["ref", "validate", "xyz"], None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    for k in ["code:", "rf:", "einvoice:", "mst:", "(vi)"] {
        assert!(err.contains(k), "{k} missing from {err}");
    }
}

#[test]
fn ref_commands_read_stdin_lines() {
    let o = run(
        &["ref", "validate", "--json"],
        Some("RF18539007547034\n\nnot-a-ref\n0100109106\n"),
    );
    assert_eq!(o.status.code(), Some(1), "one line is invalid");
    let v = json_lines(&o);
    assert_eq!(v.len(), 3, "the blank line is skipped");
    assert_eq!(v[0]["kind"], "rf");
    assert_eq!(v[1]["valid"], false);
    assert_eq!(v[1]["errors"].as_array().unwrap().len(), 4);
    assert_eq!(v[2]["kind"], "mst");
    // Plain output keeps one output line per input line (empty for an invalid one).
    let o = run(
        &["ref", "format", "--kind", "rf"],
        Some("RF18539007547034\nRF00\n"),
    );
    assert_eq!(stdout(&o), "RF18 5390 0754 7034\n\n");
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 2: invalid"));
}

#[test]
fn reconcile_sniffs_a_statement_on_stdin() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let by_file = |f: &str| {
        run(
            &[
                "reconcile",
                "--quiet",
                "--invoices",
                "examples/reconcile/invoices.csv",
                "--scheme",
                "HP:6",
                "--statement",
                f,
            ],
            None,
        )
    };
    for name in ["statement.csv", "statement.jsonl"] {
        let path = format!("examples/reconcile/{name}");
        let want = by_file(&path);
        let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
        let got = run(
            &[
                "reconcile",
                "--quiet",
                "--invoices",
                "examples/reconcile/invoices.csv",
                "--scheme",
                "HP:6",
                "--statement",
                "-",
            ],
            Some(&text),
        );
        assert!(
            got.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&got.stderr)
        );
        assert_eq!(stdout(&got), stdout(&want), "{name} on stdin");
    }
    // --json is --format json.
    let o = by_file("examples/reconcile/statement.csv");
    let j = run(
        &[
            "reconcile",
            "--quiet",
            "--json",
            "--invoices",
            "examples/reconcile/invoices.csv",
            "--scheme",
            "HP:6",
            "--statement",
            "examples/reconcile/statement.csv",
        ],
        None,
    );
    assert_eq!(stdout(&j), stdout(&o));
}

#[test]
fn a_message_with_a_repeated_key_is_refused() {
    // Before: valid, the last payerName winning.
    let o = run(
        &["message", "validate", "-"],
        Some(
            r#"{"sector":"health","payerName":"Nguyễn Văn An","payerName":"Evil","reason":"Viện phí","invoice":"VP1"}"#,
        ),
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("duplicate key \"payerName\""), "{err}");
    let o = run(
        &["message", "validate", "-"],
        Some("{\"sector\":\"health\",\n\"payerName\":\"Nguyễn Văn An\",\n\"payerName\":\"Evil\",\"reason\":\"Viện phí\",\"invoice\":\"VP1\"}"),
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("duplicate key \"payerName\" at line 3"));
}
