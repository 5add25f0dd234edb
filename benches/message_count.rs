//! Instruction-count harness for full message validation (issue 2, ≥ 1 M messages/s):
//! the tuition-like drafts of `benches/text.rs`, validated `N` times over (first argument,
//! default 10; 0 builds the corpus only). Meant for `valgrind --tool=callgrind`: the
//! difference between two runs divided by the extra validations is the cost of one.
//!
//! ```text
//! cargo bench --bench message_count --no-run
//! valgrind --tool=callgrind target/release/deps/message_count-* 10
//! ```
//!
//! `capi-rust N` / `capi-c N` validate the tuition draft of `benches/capi.rs` N times in
//! Rust / through the C ABI (report freed each time), for the C ABI overhead: run each
//! with N = 0 and N = 20000 and divide the difference by 20000. `capi-build-rust` /
//! `capi-build-c` also fill the draft from borrowed text and free it every time.
//!
//! `detect-ENC N` detects the 1 KB name sample of `benches/legacy.rs` in ENC (`tcvn3`,
//! `vni`, …) N times: run with N = 0 and N = 1000, divide the difference by 1000.
//!
//! `render-vietqr N` / `render-transfer N` render the 1 000 messages of `benches/memo.rs`
//! N times over for the channel (issue 4: ≥ 2 M renders/s).
//!
//! `qr-decode N` / `qr-encode N` decode (strict and lenient) / encode the payloads of
//! `benches/vietqr.rs` N times over (issue 5: VietQR decode with CRC check ≥ 5 M/s): run
//! each with N = 0 and N = 20000 and divide the difference by the operations made (printed).
//!
//! `dump` instead prints the JSON report of every corpus draft and of varied drafts (other
//! cases, misplaced tones, refused characters, e-invoices, RF references, odd amounts), to
//! compare two builds byte for byte.

use std::hint::black_box;
use vietref::MessageDraft;

#[path = "common/corpus.rs"]
mod corpus;

#[path = "common/capi_draft.rs"]
mod capi_draft;

#[path = "common/memo_messages.rs"]
mod memo_messages;

#[path = "../tests/common/names.rs"]
mod names;

fn main() {
    let arg = std::env::args().nth(1);
    if arg.as_deref() == Some("dump") {
        dump();
        return;
    }
    // `detect-ENC N`: detection of the 1 KB sample of `benches/legacy.rs` in ENC, N times.
    if let Some(enc) = arg.as_deref().and_then(|a| a.strip_prefix("detect-")) {
        use vietref::legacy::{detect, encode_with, EncodeOptions, Tcvn3Capitals};
        let enc: vietref::legacy::Encoding = enc.parse().expect("an encoding name");
        let n: usize = std::env::args()
            .nth(2)
            .and_then(|a| a.parse().ok())
            .unwrap_or(1000);
        let text = names::names_text(1024);
        let sample = &text[..text[..1024.min(text.len())]
            .rfind('\n')
            .unwrap_or(text.len())];
        let opts = EncodeOptions {
            tcvn3_capitals: Tcvn3Capitals::LowerCase,
        };
        let bytes = encode_with(sample, enc, opts).expect("encodable").bytes;
        let mut c = 0f32;
        for _ in 0..n {
            c += detect(black_box(&bytes)).confidence;
        }
        println!("{n} detections, {c}");
        return;
    }
    if let Some(mode @ ("render-vietqr" | "render-transfer")) = arg.as_deref() {
        let rounds: usize = std::env::args()
            .nth(2)
            .and_then(|a| a.parse().ok())
            .unwrap_or(10);
        let p = if mode == "render-vietqr" {
            vietref::memo::Profile::VIETQR_PURPOSE
        } else {
            vietref::memo::Profile::TRANSFER
        };
        let msgs = memo_messages::messages();
        let mut len = 0usize;
        for _ in 0..rounds {
            for m in &msgs {
                len += vietref::memo::render(black_box(m), &p).text.len();
            }
        }
        println!("{} renders, {len} bytes", rounds * msgs.len());
        return;
    }
    if let Some(mode @ ("qr-decode" | "qr-encode")) = arg.as_deref() {
        let n: usize = std::env::args()
            .nth(2)
            .and_then(|a| a.parse().ok())
            .unwrap_or(20_000);
        vietqr(mode == "qr-encode", n);
        return;
    }
    if let Some(mode @ ("capi-rust" | "capi-c" | "capi-build-rust" | "capi-build-c")) =
        arg.as_deref()
    {
        let n: usize = std::env::args()
            .nth(2)
            .and_then(|a| a.parse().ok())
            .unwrap_or(20_000);
        capi(mode.ends_with("-c"), mode.contains("build"), n);
        return;
    }
    let rounds: usize = arg.and_then(|a| a.parse().ok()).unwrap_or(10);
    let drafts: Vec<MessageDraft> = corpus::message_drafts(1000);
    let mut valid = 0usize;
    for _ in 0..rounds {
        for d in &drafts {
            valid += usize::from(black_box(black_box(d).validate()).is_valid());
        }
    }
    println!("{} validations, {valid} valid", rounds * drafts.len());
}

const ODD_NAMES: &[&str] = &[
    "hòai",
    "  nguyễn   THỊ  minh   khai ",
    "K'Bnam",
    "H'Hen Niê",
    "qúy",
    "gìa",
    "baỏ",
    "lựơng",
    "Nguye\u{0302}\u{0303}n Văn",
    "Lê 2",
    "Nguуễn",
    "Hǎ",
    "'Anh",
    "Lê @Anh",
    "Thu\u{0302}\u{0302}",
    "José Nguyễn",
    "Nghiêngnghiêng Ánh",
    "Y Wừn",
    "Zơ Rô Bá",
    "NGUYỄN-VĂN ĐỨC",
    "a\u{200B}b",
    "Ｎam",
    "hoà khoẻ thuỷ",
    "Hòa-Thủy",
    "Ôn\u{00A0}Như",
    "",
    " ",
    "Phạm\tThị",
    "Đặng'Ước",
    "bùi--an",
    "Trần ",
    "ÁNH",
    "aí",
    "oóc",
    "Quỵnh",
];
const ODD_REASONS: &[&str] = &[
    "", " Học  phí ", "Học phí\u{202E}", "Tiền ăn – tháng 9", "Viện phí ΑΒC", "Phí Nguуễn",
    "Ｈọc phí", "Học phí học kỳ 1 năm học 2024-2025 Học phí học kỳ 1 năm học 2024-2025 Học phí học kỳ 1 năm học 2024-2025 Học phí học kỳ 1",
    "Hoc phi", "Cafe\u{0301}", "tiền\u{2019}s",
];
const ODD_INVOICES: &[&str] = &[
    "HP7184097674",
    " hp-2024/001 ",
    "1C24TAA-1234",
    "1c24taa 00001234",
    "7C24TAA-1",
    "AA/23T1234",
    "RF18 5390 0754 7034",
    "RF19539007547034",
    "RF12-2024",
    "ab c",
    "",
    "  ",
    "HĐ001",
    "1C18TAA1",
    "1K24XAB12",
    "AB/23X12",
    "1C24TAA-000000000",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
];
const ODD_AMOUNTS: &[&str] = &[
    "1250000",
    "0",
    "-3",
    "12.5",
    "\"0001250000\"",
    "\"1.250.000\"",
    "null",
    "9999999999999",
    "10000000000000",
    "\"\"",
    "true",
    "18446744073709551615",
    "\" 42 \"",
    "1e3",
];

fn dump() {
    let mut out = String::new();
    for d in corpus::message_drafts(1000) {
        out.push_str(&serde_json::to_string(&d.validate()).unwrap());
        out.push('\n');
    }
    let names = corpus::names(64);
    let mut x: u64 = 12345;
    let mut next = |m: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((x >> 33) as usize) % m
    };
    for i in 0..4000 {
        let mut pick_name = |lower: bool| -> Option<String> {
            match next(6) {
                0 => None,
                1 | 2 => Some(ODD_NAMES[next(ODD_NAMES.len())].to_string()),
                3 if lower => Some(names[next(names.len())].to_lowercase()),
                4 => Some(names[next(names.len())].to_uppercase()),
                _ => Some(names[next(names.len())].clone()),
            }
        };
        let payer = pick_name(true);
        let beneficiary = pick_name(false);
        let d = MessageDraft {
            sector: Some(["education", "health", " School ", "bank"][next(4)].to_string())
                .filter(|_| i % 17 != 0),
            payer_name: payer,
            beneficiary_name: beneficiary,
            reason: Some(if next(2) == 0 {
                corpus::REASONS[next(corpus::REASONS.len())].to_string()
            } else {
                ODD_REASONS[next(ODD_REASONS.len())].to_string()
            })
            .filter(|_| i % 13 != 0),
            invoice: Some(ODD_INVOICES[next(ODD_INVOICES.len())].to_string())
                .filter(|_| i % 11 != 0),
            amount: serde_json::from_str(ODD_AMOUNTS[next(ODD_AMOUNTS.len())]).ok(),
        };
        out.push_str(&serde_json::to_string(&d).unwrap());
        out.push_str(" => ");
        out.push_str(&serde_json::to_string(&d.validate()).unwrap());
        out.push('\n');
        let schemes = [vietref::reference::Scheme::new("HP", 8).unwrap()];
        out.push_str(&serde_json::to_string(&d.validate_with(&schemes)).unwrap());
        out.push('\n');
    }
    print!("{out}");
}

/// The VietQR payloads of `benches/vietqr.rs`.
const QR_STATIC: &str = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";
const QR_DYNAMIC: &str = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";

/// The VietQR run: `n` rounds of decoding the static payload strictly and the dynamic one
/// strictly and leniently (3 decodes a round), or of encoding the dynamic one (1 a round).
fn vietqr(encode: bool, n: usize) {
    use vietref::vietqr::{decode, Mode};
    let mut ops = 0usize;
    let mut valid = 0usize;
    if encode {
        let qr = decode(QR_DYNAMIC, Mode::Strict)
            .cleaned
            .expect("valid vector");
        for _ in 0..n {
            ops += 1;
            valid += usize::from(vietref::vietqr::encode(black_box(&qr)).is_ok());
        }
    } else {
        for _ in 0..n {
            for (p, mode) in [
                (QR_STATIC, Mode::Strict),
                (QR_DYNAMIC, Mode::Strict),
                (QR_DYNAMIC, Mode::Lenient),
            ] {
                ops += 1;
                valid += usize::from(decode(black_box(p), mode).is_valid());
            }
        }
    }
    println!("{ops} operations, {valid} valid");
}

/// The C ABI overhead run: the draft validated `n` times (filled and freed every time when
/// `build`), each report dropped or freed.
fn capi(through_c: bool, build: bool, n: usize) {
    use vietref::capi::message::{vietref_message_free, vietref_message_validate};
    use vietref::capi::report::vietref_report_free;
    let mut valid = 0usize;
    if through_c {
        let kept = unsafe { capi_draft::c_draft() };
        for _ in 0..n {
            let m = if build {
                unsafe { capi_draft::c_draft() }
            } else {
                kept
            };
            let mut r = std::ptr::null_mut();
            let st = unsafe { vietref_message_validate(black_box(m), &mut r) };
            valid += usize::from(st == vietref::capi::vietref_status::VIETREF_OK);
            unsafe { vietref_report_free(black_box(r)) };
            if build {
                unsafe { vietref_message_free(m) };
            }
        }
        unsafe { vietref_message_free(kept) };
    } else {
        let kept = capi_draft::rust_draft();
        for _ in 0..n {
            if build {
                let d = capi_draft::rust_draft();
                valid += usize::from(black_box(d.validate()).is_valid());
            } else {
                valid += usize::from(black_box(black_box(&kept).validate()).is_valid());
            }
        }
    }
    println!("{n} validations, {valid} made");
}
