//! Throughput of reading codes back from memos (target ≥ 5 M memos/s, 100-byte memos) and
//! of rendering (target ≥ 2 M messages/s).
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use vietref::memo::{extract_into, render, Profile};
use vietref::reference::{code, Scheme};

const N: usize = 1000;

fn memos() -> Vec<String> {
    let wrappers = [
        "MBVCB.2427229823.174242.{}.CT tu 1027236393 PHAM HOANG TUAN toi 28349817",
        "ACB;28349817;{} GD 856933-090922 18:14:59",
        "MoMoT0904067605T28994691053T970416T{}",
        "CT DEN:523320101151 {} Trace 339176",
        "IB {} FT22298536396686",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..N)
        .map(|i| {
            let body = format!("{:08}", next() % 100_000_000);
            let memo = match i % 4 {
                // A code, plain.
                0 => format!(
                    "{} HOC PHI HK1 HS NGUYEN THI BINH",
                    code::create("HP", &body).unwrap()
                ),
                // A code split into chunks.
                1 => {
                    let c = code::create("HP", &body).unwrap();
                    format!("{} {} hoc phi hk1", &c.as_str()[..6], &c.as_str()[6..])
                }
                // No code: digits only.
                2 => format!("chuyen tien hoc phi {} thang 9", next() % 10_000_000_000),
                // A wrong code.
                _ => format!("HP{body}00 tien an ban tru"),
            };
            let mut s = wrappers[i % wrappers.len()].replace("{}", &memo);
            s.truncate(100);
            while s.len() < 100 {
                s.push(' ');
            }
            s
        })
        .collect()
}

#[path = "common/memo_messages.rs"]
mod memo_messages;
use memo_messages::messages;

fn bench(c: &mut Criterion) {
    let schemes: Vec<Scheme> = ["HP:8", "VP:10"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    let memos = memos();
    let mut g = c.benchmark_group("memo");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("extract_100B", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            let mut found = 0;
            for m in &memos {
                out.clear();
                extract_into(black_box(m), &schemes, &mut out);
                found += out.len();
            }
            found
        })
    });
    let msgs = messages();
    for p in [Profile::VIETQR_PURPOSE, Profile::TRANSFER] {
        g.bench_function(format!("render_{}", p.name), |b| {
            b.iter(|| {
                msgs.iter()
                    .map(|m| render(black_box(m), &p).text.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
