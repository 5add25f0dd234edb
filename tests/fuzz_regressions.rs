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
