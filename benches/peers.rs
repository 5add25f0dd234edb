//! The in-process half of `scripts/bench-peers.sh` (issue 23): timings taken side by side in
//! one run, repeated, with min and median, and the ratios of the medians.
//!
//! - `peers fold [--quick]`: `text::fold` against `any_ascii` and `deunicode` on two corpora
//!   (Vietnamese names and payment reasons; mixed sentences with more ASCII, digits and
//!   punctuation) at 1 KB, 1 MB and 100 MB (`--quick`: 1 KB and 64 KB, 3 repeats;
//!   `PEERS_ONLY=mixed,100MB`: only the rows of that corpus and size).
//! - `peers vietqr [--quick]`: VietQR decode (strict, CRC checked) and build of the payloads
//!   that `scripts/peers/vietqr.mjs` and `vietqr.py` time in the peers, in ns per operation.
//!
//! Run by the script as `cargo bench --bench peers -- fold`; not a criterion bench.

use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "common/corpus.rs"]
mod corpus;

/// Names followed by a reason, one a line (the corpus of `benches/text.rs`).
fn names_and_reasons() -> String {
    let mut s = String::new();
    for (i, n) in corpus::names(2000).iter().enumerate() {
        s.push_str(n);
        s.push(' ');
        s.push_str(corpus::REASONS[i % corpus::REASONS.len()]);
        s.push('\n');
    }
    s
}

/// Sentences as payment contents are typed: mostly ASCII, with digits, dates, amounts,
/// codes and punctuation, a Vietnamese word here and there.
fn mixed_sentences() -> String {
    let mut s = String::new();
    let names = corpus::names(500);
    for i in 0..4000usize {
        let n = names.get(i % names.len()).map_or("", String::as_str);
        match i % 4 {
            0 => s.push_str(&format!(
                "CK {}/{:04} HD{:08}, so tien: {}.{:03}.000 VND; han 15/09/2024 (lan {}).\n",
                2024 + i % 3,
                i,
                i * 7919,
                1 + i % 9,
                i % 1000,
                1 + i % 3
            )),
            1 => s.push_str(&format!(
                "REF FT{:012} - thanh toan hoc phi HK{} #{}; tel: 0912-{:03}-{:03}.\n",
                i * 104_729,
                1 + i % 2,
                i,
                i % 1000,
                (i * 7) % 1000
            )),
            2 => s.push_str(&format!(
                "{} nộp tiền HP{:08} [{}] - {}%, {}k.\n",
                n,
                i * 31,
                i % 12 + 1,
                i % 100,
                i % 500
            )),
            _ => s.push_str(&format!(
                "Invoice INV-{:06}/{}: paid 2,{:03},000 on 2024-09-{:02} @ 08:{:02}:{:02}.\n",
                i,
                i % 10,
                i % 1000,
                1 + i % 28,
                i % 60,
                (i * 13) % 60
            )),
        }
    }
    s
}

/// `base` repeated up to `size` bytes (cut at a character boundary).
fn sized(base: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + base.len());
    while s.len() < size {
        s.push_str(base);
    }
    let mut cut = size.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// Seconds per call of `f`, timed over batches of at least 20 ms, `repeats` times.
fn time(repeats: usize, mut f: impl FnMut()) -> Vec<f64> {
    f(); // warm
    let start = Instant::now();
    f();
    let one = start.elapsed().max(Duration::from_nanos(1));
    let batch = (Duration::from_millis(20).as_nanos() / one.as_nanos()).max(1) as usize;
    (0..repeats)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed().as_secs_f64() / batch as f64
        })
        .collect()
}

/// (min, median) of `v`.
fn min_median(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    (v[0], median)
}

fn fold(quick: bool) {
    let corpora = [
        ("names+reasons", names_and_reasons()),
        ("mixed", mixed_sentences()),
    ];
    let sizes: &[(&str, usize)] = if quick {
        &[("1KB", 1 << 10), ("64KB", 64 << 10)]
    } else {
        &[("1KB", 1 << 10), ("1MB", 1 << 20), ("100MB", 100 << 20)]
    };
    // `PEERS_ONLY=names+reasons,100MB` (size labels and corpus names): only the rows
    // matching every word.
    let only = std::env::var("PEERS_ONLY").unwrap_or_default();
    let repeats = if quick { 3 } else { 7 };
    println!(
        "{:<14} {:>6} {:>10} {:>10} {:>10} {:>11} {:>11}",
        "corpus", "size", "fold", "any_ascii", "deunicode", "x any_ascii", "x deunicode"
    );
    println!("(MB/s: best run-median run; ratios: of the median times)");
    for (name, base) in &corpora {
        for (label, size) in sizes {
            if !only.is_empty() && !only.split(',').all(|o| o == *label || o == *name) {
                continue;
            }
            let text = sized(base, *size);
            // Fewer repeats for the large case: each call takes a second or more.
            let r = if *size >= 100 << 20 { 3 } else { repeats };
            let mbps = |s: f64| text.len() as f64 / s / 1e6;
            let ours = min_median(time(r, || {
                black_box(vietref::text::fold(black_box(&text)));
            }));
            let any = min_median(time(r, || {
                black_box(any_ascii::any_ascii(black_box(&text)));
            }));
            let deu = min_median(time(r, || {
                black_box(deunicode::deunicode(black_box(&text)));
            }));
            println!(
                "{:<14} {:>6} {:>4.0}-{:<5.0} {:>4.0}-{:<5.0} {:>4.0}-{:<5.0} {:>10.2}x {:>10.2}x",
                name,
                label,
                mbps(ours.0),
                mbps(ours.1),
                mbps(any.0),
                mbps(any.1),
                mbps(deu.0),
                mbps(deu.1),
                any.1 / ours.1,
                deu.1 / ours.1
            );
        }
    }
}

/// The payloads the peers decode (a static code to a card, a dynamic one with an amount
/// and a purpose): the vectors of `benches/message_count.rs`.
const QR_STATIC: &str = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";
const QR_DYNAMIC: &str = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";

fn vietqr(quick: bool) {
    use vietref::vietqr::{decode, Mode, VietQr};
    let repeats = if quick { 3 } else { 7 };
    let ns = |v: Vec<f64>| {
        let (min, med) = min_median(v);
        (min * 1e9, med * 1e9)
    };
    let dec = ns(time(repeats, || {
        for p in [QR_STATIC, QR_DYNAMIC] {
            black_box(decode(black_box(p), Mode::Strict).is_valid());
        }
    }));
    // Build: the dynamic code from its fields (bank, account, amount, purpose).
    let build = ns(time(repeats, || {
        let mut qr = VietQr::new(black_box("970403"), black_box("0011012345678"));
        qr.initiation = vietref::vietqr::Initiation::Dynamic;
        qr.amount = Some("180000".into());
        qr.additional_data.purpose = Some("thanh toan don hang".into());
        black_box(qr.encode().ok());
    }));
    println!(
        "vietref decode (2 payloads) ns min {:.0} median {:.0}",
        dec.0, dec.1
    );
    println!(
        "vietref build (1 payload) ns min {:.0} median {:.0}",
        build.0, build.1
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    // `cargo bench` passes `--bench`; the part is the first other word.
    let words: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with("--"))
        .collect();
    match words.first().copied() {
        Some("fold") => fold(quick),
        Some("vietqr") => vietqr(quick),
        // `once CORPUS FUNCTION`: one call over 1 MB, for callgrind (instruction counts).
        Some("once") => {
            let base = match words.get(1).copied() {
                Some("mixed") => mixed_sentences(),
                _ => names_and_reasons(),
            };
            let text = sized(&base, 1 << 20);
            let n = match words.get(2).copied() {
                Some("any_ascii") => any_ascii::any_ascii(black_box(&text)).len(),
                Some("deunicode") => deunicode::deunicode(black_box(&text)).len(),
                _ => vietref::text::fold(black_box(&text)).len(),
            };
            println!("{n} bytes out");
        }
        _ => eprintln!("usage: peers fold|vietqr [--quick] | peers once CORPUS FUNCTION"),
    }
}
