//! Replays every input kept in `fuzz/regressions/<target>/` (minimized crashers and
//! hand-picked hard cases) through the same entry points the fuzz targets use, plus the
//! seed vectors of `tests/data/`.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut n = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let data = std::fs::read(e.path()).expect("read regression input");
            run(&data);
            n += 1;
        }
    }
    n
}

#[test]
fn text_regressions() {
    let n = replay("text", vietref::fuzzing::text);
    assert!(n > 0, "no regression inputs for text");
}

#[test]
fn message_json_regressions() {
    let n = replay("message_json", vietref::fuzzing::message_json);
    assert!(n > 0, "no regression inputs for message_json");
}

#[test]
fn vietqr_regressions() {
    let n = replay("vietqr", vietref::fuzzing::vietqr);
    assert!(n > 0, "no regression inputs for vietqr");
}

#[test]
fn reference_regressions() {
    assert!(replay("reference", vietref::fuzzing::reference) > 0);
}

#[test]
fn memo_regressions() {
    assert!(replay("memo", vietref::fuzzing::memo) > 0);
}

#[test]
fn memo_envelope_regressions() {
    assert!(replay("memo_envelope", vietref::fuzzing::memo_envelope) > 0);
    // The memo target's inputs through the envelope reader too.
    assert!(replay("memo", vietref::fuzzing::memo_envelope) > 0);
}

#[test]
fn capi_regressions() {
    assert!(replay("capi", vietref::fuzzing::capi) > 0);
}

#[test]
fn legacy_regressions() {
    assert!(replay("legacy_decode", vietref::fuzzing::legacy_decode) > 0);
    assert!(replay("legacy_detect", vietref::fuzzing::legacy_detect) > 0);
}

#[test]
fn reconcile_regressions() {
    assert!(replay("reconcile", vietref::fuzzing::reconcile) > 0);
}

#[test]
fn gateway_vnpay_regressions() {
    assert!(replay("gateway_vnpay", vietref::fuzzing::gateway_vnpay) > 0);
}

#[test]
fn gateway_momo_regressions() {
    assert!(replay("gateway_momo", vietref::fuzzing::gateway_momo) > 0);
}

#[test]
fn gateway_zalopay_regressions() {
    assert!(replay("gateway_zalopay", vietref::fuzzing::gateway_zalopay) > 0);
}

/// The statement-sheet target on a few seeds: the CSV with a preamble and totals,
/// UTF-16, a broken zip.
#[test]
fn statement_sheet_seeds() {
    let csv = "\0Tài khoản;1\nSTT;Ngày GD;Số tiền ghi nợ;Số tiền ghi có;Số dư;Nội dung chi tiết\n1;10/09/2024;;1.000;;HP1\n;;;Tổng cộng;;\n";
    vietref::fuzzing::statement_sheet(csv.as_bytes());
    vietref::fuzzing::statement_sheet(&csv.as_bytes()[1..]);
    vietref::fuzzing::statement_sheet(b"\x01PK\x03\x04\x00\x00");
    vietref::fuzzing::statement_sheet(b"\x02\xD0\xCF\x11\xE0");
    let mut u16 = vec![0u8, 0xFF, 0xFE];
    for u in "Ngày,Có,Nội dung\n2024-09-10,5,x\n".encode_utf16() {
        u16.extend(u.to_le_bytes());
    }
    vietref::fuzzing::statement_sheet(&u16);
}

/// The invoice-sheet target on seeds: a school list with a title and totals, the bundled
/// workbook, a broken zip.
#[test]
fn invoice_sheet_seeds() {
    let csv = "\0DANH SÁCH HỌC PHÍ;;\nMã HS;Họ tên học sinh;Mã hóa đơn;Số tiền\nHS1;An;HP2409010192;1.000\n;Tổng cộng;;1.000\n";
    vietref::fuzzing::invoice_sheet(csv.as_bytes());
    vietref::fuzzing::invoice_sheet(&csv.as_bytes()[1..]);
    let mut xlsx = vec![1u8];
    xlsx.extend(std::fs::read("examples/reconcile/hoc_phi.xlsx").unwrap());
    vietref::fuzzing::invoice_sheet(&xlsx);
    vietref::fuzzing::invoice_sheet(b"\x01PK\x03\x04\x00\x00");
    vietref::fuzzing::invoice_sheet(b"\x02\xD0\xCF\x11\xE0");
}
