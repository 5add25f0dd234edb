//! `vietref gateway request|verify` end to end: the secret from a file or an environment
//! variable named in the config, JSON in and out, replays and forgeries refused.
use std::io::Write;
use std::process::{Command, Output, Stdio};
use vietref::gateway::{self, Merchant, Provider, RequestOptions, Secret, Settings};

fn run(args: &[&str], env: &[(&str, &str)], stdin: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vietref"));
    cmd.arg("gateway").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may end before reading its input (a bad config): a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn example(f: &str) -> String {
    format!("{}/../examples/gateway/{f}", env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("vietref-gw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into_owned()
}

const SECRET: &str = "VNPAYSECRET0123456789";

#[test]
fn request_then_verify_and_settle_with_the_secret_from_the_environment() {
    let env = [("VIETREF_VNPAY_SECRET", SECRET)];
    let input = std::fs::read_to_string(example("request.json")).unwrap();
    let o = run(
        &[
            "request",
            "--provider",
            "vnpay",
            "--config",
            &example("vnpay.json"),
        ],
        &env,
        &input,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(out["ok"], true);
    let url = out["request"]["url"].as_str().unwrap();
    assert!(url.contains("vnp_TxnRef=HD-2024-0917_1&"));
    assert!(!String::from_utf8_lossy(&o.stdout).contains(SECRET));

    // The gateway's callback for that request, as VNPAY would send it.
    let settings: Settings =
        serde_json::from_str(&std::fs::read_to_string(example("vnpay.json")).unwrap()).unwrap();
    let m = Merchant::new(Provider::Vnpay, settings, Secret::new(SECRET), None).unwrap();
    let msg = vietref::PaymentMessage::validate_json(
        &serde_json::from_str::<serde_json::Value>(&input).unwrap()["message"].to_string(),
    )
    .unwrap()
    .cleaned
    .unwrap();
    let opts = RequestOptions {
        created_at_ms: 1_725_240_000_000,
        attempt: Some(1),
        ..RequestOptions::default()
    };
    let req = gateway::request(&m, &msg, &opts).cleaned.unwrap();
    assert_eq!(req.url, url, "the CLI builds what the library builds");
    let cb = gateway::simulate_callback(&m, &req, "00", 14_831_393, 1_725_240_060_000);
    let forged = cb.replace("vnp_Amount=180600000", "vnp_Amount=100");
    let invoices = tmp("invoices.csv", "code,amount\nHD-2024/0917,1806000\n");
    let o = run(
        &[
            "verify",
            "--provider",
            "vnpay",
            "--config",
            &example("vnpay.json"),
            "--invoices",
            &invoices,
        ],
        &env,
        &format!("{forged}\n{cb}\n{cb}\n"),
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "not every callback settled as paid"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["applied"], false);
    assert_eq!(lines[0]["findings"][0]["code"], "gateway.signature_invalid");
    assert!(lines[0]["answer"]["body"]
        .as_str()
        .unwrap()
        .contains("\"97\""));
    assert_eq!(lines[1]["result"]["status"], "paid");
    assert!(lines[1]["answer"]["body"]
        .as_str()
        .unwrap()
        .contains("\"00\""));
    assert_eq!(lines[2]["result"]["status"], "duplicate");
    assert!(lines[2]["answer"]["body"]
        .as_str()
        .unwrap()
        .contains("\"02\""));
}

#[test]
fn the_secret_comes_from_a_file_or_the_environment_never_an_argument() {
    let secret = tmp("momo.secret", "MOMOSECRET\n");
    let config = tmp(
        "momo.json",
        &format!(
            r#"{{"merchantCode":"MOMO","accessKey":"F8BBA842ECF85","returnUrl":"https://x.vn/r","notifyUrl":"https://x.vn/ipn","secretFile":{secret:?}}}"#
        ),
    );
    let input = std::fs::read_to_string(example("request.json")).unwrap();
    let o = run(
        &["request", "--provider", "momo", "--config", &config],
        &[],
        &input,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(out["request"]["method"], "POST");
    assert_eq!(out["request"]["body"]["orderId"], "HD-2024-0917_1");
    // A secret written in the config is refused (an unknown key), as is a missing one.
    let inline = tmp(
        "inline.json",
        r#"{"merchantCode":"DEMOV210","returnUrl":"https://x.vn","secret":"abc"}"#,
    );
    let o = run(
        &["request", "--provider", "vnpay", "--config", &inline],
        &[],
        &input,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown field `secret`"));
    let o = run(
        &[
            "request",
            "--provider",
            "vnpay",
            "--config",
            &example("vnpay.json"),
        ],
        &[],
        &input,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("VIETREF_VNPAY_SECRET is not set"));
    // There is no option that takes a secret.
    let o = run(
        &[
            "request",
            "--provider",
            "vnpay",
            "--config",
            &example("vnpay.json"),
            "--secret",
            "x",
        ],
        &[],
        &input,
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn verify_without_invoices_reports_each_callback() {
    let o = run(
        &[
            "verify",
            "--provider",
            "zalopay",
            "--config",
            &tmp(
                "z.json",
                r#"{"merchantCode":"2553","secretEnv":"K1","secret2Env":"K2"}"#,
            ),
        ],
        &[
            ("K1", "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL"),
            ("K2", "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz"),
        ],
        "{\"data\":\"{}\",\"mac\":\"00\",\"type\":1}\nnot json\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["verified"], false);
    assert_eq!(lines[0]["findings"][0]["code"], "gateway.signature_invalid");
    assert_eq!(lines[1]["findings"][0]["code"], "gateway.input_invalid");
}
