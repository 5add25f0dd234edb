//! `vietref ref` and `vietref memo` end to end.
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vietref"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command refusing its arguments exits before reading: a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim_end().to_string()
}

#[test]
fn ref_commands() {
    let o = run(
        &[
            "ref", "create", "--kind", "code", "--prefix", "HP", "--body", "71840976",
        ],
        "",
    );
    assert_eq!(
        (o.status.code(), out(&o).as_str()),
        (Some(0), "HP7184097674")
    );
    let o = run(&["ref", "create", "--kind", "rf", "539007547034"], "");
    assert_eq!(out(&o), "RF18539007547034");
    let o = run(&["ref", "format", "--kind", "rf", "RF18539007547034"], "");
    assert_eq!(out(&o), "RF18 5390 0754 7034");
    let o = run(
        &["ref", "compact", "--kind", "einvoice", "1C24TAA 00001234"],
        "",
    );
    assert_eq!(out(&o), "1C24TAA1234");
    let o = run(&["ref", "validate", "--kind", "mst", "0100233488"], "");
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["ref", "validate", "--kind", "mst", "0100233487"], "");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("check digits") && err.contains("chữ số kiểm tra"),
        "{err}"
    );
    let o = run(
        &[
            "ref",
            "validate",
            "--kind",
            "code",
            "--scheme",
            "HP:8",
            "hp 7184 0976 74",
        ],
        "",
    );
    assert_eq!(out(&o), "HP7184097674");
}

#[test]
fn memo_commands() {
    let msg = r#"{"sector":"education","payerName":"Nguyễn Văn An","beneficiaryName":"Nguyễn Thị Bình","reason":"Học phí học kỳ 1","invoice":"HP7184097674"}"#;
    let o = run(&["memo", "render", "--channel", "vietqr"], msg);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["text"], "HP7184097674 HOC PHI HOC");
    assert_eq!(
        v["omitted"],
        serde_json::json!(["beneficiaryName", "payerName"])
    );
    assert_eq!(v["clipped"], serde_json::json!(["reason"]));
    let o = run(
        &[
            "memo",
            "render",
            "--channel",
            "transfer",
            "--budget",
            "10",
            "-",
        ],
        msg,
    );
    assert_eq!(o.status.code(), Some(1), "the code does not fit");
    // A bank that also allows the slash: an institution's own code keeps it, and loses the
    // dash (reported as memo.invoice_adapted); 11 characters hold the code alone.
    let own = msg.replace("HP7184097674", "HD-2024/0917");
    let o = run(
        &[
            "memo",
            "render",
            "--channel",
            "transfer",
            "--charset",
            "A-Z0-9 /",
            "--budget",
            "11",
        ],
        &own,
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["text"], "HD2024/0917");
    assert_eq!(v["findings"][0]["code"], "memo.invoice_adapted");
    let o = run(
        &[
            "memo",
            "render",
            "--channel",
            "transfer",
            "--charset",
            "Z-A",
        ],
        msg,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("backwards"));
    let o = run(
        &["memo", "extract", "--scheme", "HP:8"],
        "IB hp71 8409 7674 hoc phi\nnone\n",
    );
    let lines: Vec<serde_json::Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["candidates"][0]["code"], "HP7184097674");
    assert_eq!(lines[0]["candidates"][0]["start"], 3);
    assert_eq!(lines[1]["candidates"], serde_json::json!([]));
}
