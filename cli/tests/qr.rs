//! `vietref qr ...` end to end.
use std::io::Write;
use std::process::{Command, Output, Stdio};

const STATIC: &str = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";
const NAPAS_TYPO: &str = "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5";
const DYNAMIC: &str = "00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13";

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vietref"))
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

fn lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn decode_argument_and_lines() {
    let o = run(&["qr", "decode", STATIC], "");
    assert!(o.status.success());
    let v = &lines(&o)[0];
    assert_eq!(v["bankBin"], "970403");
    assert_eq!(v["valid"], true);
    assert_eq!(v["bank"]["shortName"], "Sacombank");
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);

    let o = run(&["qr", "decode"], &format!("{STATIC}\r\n\n{NAPAS_TYPO}\n"));
    assert!(o.status.success());
    let v = lines(&o);
    assert_eq!(v.len(), 2);
    assert_eq!(v[1]["findings"][0]["code"], "vietqr.length_repaired");

    let o = run(&["qr", "decode", "--strict"], &format!("{NAPAS_TYPO}\n"));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(lines(&o)[0]["valid"], false);
}

#[test]
fn encode_json_lines_and_errors() {
    let input = r#"{"bank":"ACB","accountNumber":"224528479","amount":10000,"additionalData":{"billNumber":"NPS6869","purpose":"TRANSFER TO SOMEONE"}}
{"initiation":"static","bankBin":"970403","accountNumber":"9704031101234567","service":"QRIBFTTC"}"#;
    let o = run(&["qr", "encode"], input);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("{DYNAMIC}\n{STATIC}\n")
    );

    let o = run(
        &["qr", "encode", "-"],
        r#"{"bankBin":"97040","accountNumber":"1","merchantName":"Huế"}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("vietqr.bin") && err.contains("vietqr.non_ascii"),
        "{err}"
    );
}

#[test]
fn image_outputs() {
    let dir = std::env::temp_dir().join(format!("vietref-qr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join("q.png");
    let svg = dir.join("q.svg");
    let o = run(
        &[
            "qr",
            "image",
            DYNAMIC,
            "--png",
            png.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
        "",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    let o = run(&["qr", "image", "--terminal"], &format!("{STATIC}\n"));
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains('▀'));
    let o = run(&["qr", "image", "--terminal", "0002"], "");
    assert_eq!(o.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn decode_with_schemes_lists_the_payment_codes_by_field() {
    // The code (check digits 74, worked out by hand) is in the purpose after a word, in
    // chunks, and again as the bill number: listed once, at its first place.
    let qr = r#"{"bankBin":"970436","accountNumber":"0011001234567","additionalData":{"billNumber":"HP7184097674","purpose":"PHI HP 7184 0976 74"}}"#;
    let o = run(&["qr", "encode"], qr);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let payload = String::from_utf8(o.stdout).unwrap();
    let o = run(&["qr", "decode", "--scheme", "HP:8", payload.trim()], "");
    assert!(o.status.success());
    let v = &lines(&o)[0];
    assert_eq!(
        v["paymentCodes"],
        serde_json::json!([{"code": "HP7184097674", "kind": "payment_code", "field": "purpose", "start": 4, "end": 19}])
    );
    // Without --scheme the key is absent; with a scheme that matches nothing it is empty.
    let o = run(&["qr", "decode", payload.trim()], "");
    assert!(lines(&o)[0].get("paymentCodes").is_none());
    let o = run(&["qr", "decode", "--scheme", "VP:10", payload.trim()], "");
    assert_eq!(lines(&o)[0]["paymentCodes"], serde_json::json!([]));
    let o = run(&["qr", "decode", "--scheme", "HP", payload.trim()], "");
    assert_eq!(o.status.code(), Some(2));
    // Only in the bill number; a wrong check digit (…47) in the purpose is not a code.
    let qr = r#"{"bankBin":"970436","accountNumber":"0011001234567","additionalData":{"billNumber":"HP7184097674","purpose":"HP7184097647"}}"#;
    let payload = String::from_utf8(run(&["qr", "encode"], qr).stdout).unwrap();
    let o = run(&["qr", "decode", "--scheme", "HP:8", payload.trim()], "");
    assert_eq!(
        lines(&o)[0]["paymentCodes"],
        serde_json::json!([{"code": "HP7184097674", "kind": "payment_code", "field": "billNumber", "start": 0, "end": 12}])
    );
}

/// Lenient `qr decode` of an invalid code prints every field it could read next to
/// `valid: false` (issue 18: a 26-character purpose once printed no field).
#[test]
fn lenient_decode_prints_the_fields_of_an_invalid_code() {
    let body = "00020101021138530010A0000007270123000697041601092245284790208QRIBFTTA53037045802VN62300826HOC PHI HK1 HP24010172 ABC6304";
    let payload = format!("{body}{:04X}", vietref::vietqr::crc16(body.as_bytes()));
    let o = run(&["qr", "decode", &payload], "");
    assert!(!o.status.success());
    let v = &lines(&o)[0];
    assert_eq!(v["valid"], false);
    assert_eq!(v["fields"]["62.08"], "HOC PHI HK1 HP24010172 ABC");
    assert_eq!(v["fields"]["38.01.01"], "224528479");
    let o = run(&["qr", "decode", "--strict", &payload], "");
    assert!(lines(&o)[0].get("fields").is_none());
}
