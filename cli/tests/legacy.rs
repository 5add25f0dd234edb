//! `vietref decode` and `vietref encode`, run as a user would.
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vietref"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vietref runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("vietref ends")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// The TCVN3 bytes (docs/domain.md, "Legacy encodings") of "Nguyễn Văn Đức".
const TCVN3: &[u8] = b"\x4E\x67\x75\x79\xD4\x6E\x20\x56\xA8\x6E\x20\xA7\xF8\x63\n";

#[test]
fn decode_auto_and_declared() {
    let o = run(&["decode"], TCVN3);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "Nguyễn Văn Đức\n");
    let o = run(&["decode", "--from", "tcvn3"], TCVN3);
    assert_eq!(stdout(&o), "Nguyễn Văn Đức\n");
}

/// Issue 19: plain ASCII bank memos come out as they went in, with no ambiguity
/// warning; a VIQR file is still read as VIQR.
#[test]
fn decode_auto_leaves_plain_ascii_alone() {
    let memos = "MBVCB.6991840000.NGUYEN VAN HOA ung ho\nDDA HN\nYAGI.CT\nFT24255200000001\n";
    for input in [memos, "DDA HN\n", "YAGI.CT\n"] {
        for args in [
            &["decode"][..],
            &["decode", "--from", "auto"],
            &["decode", "--lines"],
        ] {
            let o = run(args, input.as_bytes());
            assert!(o.status.success(), "{args:?}");
            assert_eq!(stdout(&o), input, "{args:?}");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.is_empty(), "{args:?}: {err}");
        }
    }
    let o = run(&["decode", "--from", "auto"], b"Nguye^~n Va(n DDu+'c\n");
    assert_eq!(stdout(&o), "Nguyễn Văn Đức\n");
}

#[test]
fn decode_json_whole_and_lines() {
    let o = run(&["decode", "--json"], TCVN3);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["encoding"], "tcvn3");
    assert_eq!(v["text"], "Nguyễn Văn Đức\n");
    assert!(v["confidence"].as_f64().unwrap() > 0.5);
    assert!(v["alternatives"].is_array());

    let input = b"Nguye^~n Va(n DDu+'c\nph\xED\nNguye\xE3n Va\xEAn \xD1\xF6\xF9c\n";
    let o = run(&["decode", "--lines", "--json"], input);
    let lines: Vec<serde_json::Value> = o
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        (lines[0]["encoding"].as_str(), lines[0]["text"].as_str()),
        (Some("viqr"), Some("Nguyễn Văn Đức"))
    );
    assert_eq!(lines[1]["ambiguous"], true);
    assert_eq!(
        (lines[2]["encoding"].as_str(), lines[2]["line"].as_u64()),
        (Some("vni"), Some(3))
    );
}

/// Issue 20: with --lines, a line that is ambiguous alone (in VISCII "Tạ Minh" also reads
/// "Tế Minh" in TCVN3, "Phó An" reads "Phú An" in VPS) reads in the encoding of the file's
/// other lines. Which short names the frequency table already settles alone depends on the
/// build (default or `wordfreq`), so the first one still misread alone is used.
#[test]
fn lines_lean_to_the_file_encoding() {
    let names = [
        "Nguyễn Văn Đức",
        "Trần Thị Hương",
        "Lê Hoàng Nam",
        "Phạm Minh Châu",
        "Hoàng Thu Trang",
        "Vũ Đức Thắng",
        "Đặng Thị Mai",
        "Bùi Quốc Việt",
        "Đỗ Thanh Tùng",
        "Hồ Ngọc Ánh",
    ];
    let odd = ["Tạ Minh", "Phó An", "Phó Mai Anh", "Diên Vỹ"]
        .into_iter()
        .find(|n| {
            let b = vietref::legacy::encode(n, vietref::legacy::Encoding::Viscii).unwrap();
            let alone = vietref::legacy::detect(&b);
            alone.ambiguous && alone.text != *n
        })
        .expect("a name misread alone");
    let mut text = String::new();
    for n in names.iter().chain([odd].iter()).chain(names.iter()) {
        text.push_str(n);
        text.push('\n');
    }
    let bytes = vietref::legacy::encode(&text, vietref::legacy::Encoding::Viscii).unwrap();
    let o = run(&["decode", "--lines", "--json"], &bytes);
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = o
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 21);
    assert_eq!(lines[10]["text"], odd, "{}", lines[10]);
    assert_eq!(lines[10]["encoding"], "viscii");
    assert_eq!(lines[10]["ambiguous"], true);
    for l in &lines {
        assert_eq!(l["encoding"], "viscii", "{l}");
    }
}

#[test]
fn undecodable_input_says_where() {
    let o = run(&["decode", "--from", "cp1258"], b"ok\nNguy\xD4n \x81\n");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("byte 0x81 at offset 10 (line 2)"), "{err}");
    let o = run(
        &["decode", "--from", "cp1258", "--lines"],
        b"ok\nNguy\xD4n \x81\n",
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("offset 10 (line 2)"));
}

#[test]
fn encode_round_trip_and_refusals() {
    for to in ["tcvn3", "vni", "viscii", "vps", "cp1258", "viqr"] {
        let o = run(
            &["encode", "--to", to],
            "Trần Thị Thu Hà\nNguyễn Văn Đức\n".as_bytes(),
        );
        assert!(o.status.success(), "{to}");
        let back = run(&["decode", "--from", to], &o.stdout);
        assert_eq!(stdout(&back), "Trần Thị Thu Hà\nNguyễn Văn Đức\n", "{to}");
    }
    let o = run(&["encode", "--to", "tcvn3"], "Lê ẢNH".as_bytes());
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("'Ả' (U+1EA2) at character 4"), "{err}");
    let o = run(&["encode", "--to", "tcvn3", "--lossy"], "Lê ẢNH".as_bytes());
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("'Ả' at character 4"));
    let o = run(&["encode", "--to", "viscii"], "€".as_bytes());
    assert!(!o.status.success());
}
