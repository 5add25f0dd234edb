//! Reconciliation throughput: 1 M statement lines against 1 M open invoices.
//!
//! - `cargo bench --bench reconcile`: criterion groups for loading invoices and feeding
//!   lines (into a reconciler holding 1 M open invoices).
//! - `VIETREF_RECONCILE_FULL=1 target/release/deps/reconcile-…`: one full run (load 1 M
//!   invoices, feed 1 M lines), timed with `Instant`; run it under `/usr/bin/time -v` for
//!   the peak memory.
//! - `VIETREF_RECONCILE_WRITE=DIR target/release/deps/reconcile-…`: writes the same data as
//!   `DIR/invoices.csv` and `DIR/statement.csv` for a CLI run.
//!
//! The data: payment codes `HP` + 8 digits; Vietnamese names; a statement where 80 % of the
//! lines carry a code (bank prefixes and suffixes, chunks, lower case, spaces removed), 5 %
//! carry a code that names no invoice, 10 % carry only names with an amount that many open
//! invoices owe (the name index at work), 5 % are noise.

use criterion::{criterion_group, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use std::io::Write;
use std::time::Instant;
use vietref::message::Amount;
use vietref::reconcile::{Invoice, Reconciler, StatementLine};
use vietref::reference::Scheme;

const N: usize = 1_000_000;

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Gia", "Hoài", "Đức", "Thu",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Thủy", "Vy", "Huy", "Khoa", "Linh", "Nam", "Hà", "Tú", "Dũng", "Hùng", "Lan",
    "Mai", "Phúc", "Quân", "Trâm", "Yến", "Khang", "Nhi", "Bảo", "Châu", "Diệp", "Giang",
];
const DUES: &[u64] = &[
    1_250_000, 980_000, 750_000, 2_150_000, 450_000, 320_000, 1_500_000, 600_000,
];

/// xorshift64* (deterministic).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

fn scheme() -> Scheme {
    "HP:8".parse().unwrap()
}

fn name(rng: &mut Rng) -> String {
    let mut s = String::from(rng.pick(FAMILY));
    for _ in 0..1 + rng.below(2) {
        s.push(' ');
        s.push_str(rng.pick(MIDDLE));
    }
    s.push(' ');
    s.push_str(rng.pick(GIVEN));
    s
}

fn invoices(n: usize) -> Vec<Invoice> {
    let s = scheme();
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    (0..n)
        .map(|i| Invoice {
            code: s
                .create(&format!("{:08}", i * 37 % 100_000_000))
                .unwrap()
                .as_str()
                .to_string(),
            amount: Amount::new(DUES[rng.below(DUES.len())]).unwrap(),
            payer: Some(name(&mut rng)),
            beneficiary: Some(name(&mut rng)),
            due: Some("2024-09-15".into()),
        })
        .collect()
}

fn fold(s: &str) -> String {
    vietref::text::fold(s)
}

/// Statement line `k` (1-based line number `k + 2`) against `inv`.
fn line(k: usize, inv: &[Invoice], rng: &mut Rng) -> StatementLine {
    let i = rng.below(inv.len());
    let v = &inv[i];
    let kind = rng.below(100);
    let (content, amount) = if kind < 80 {
        let code = &v.code;
        let memo = format!(
            "{} HOC PHI HK1 HS {} PH {}",
            code,
            fold(v.beneficiary.as_deref().unwrap_or("")),
            fold(v.payer.as_deref().unwrap_or(""))
        );
        let memo = match rng.below(4) {
            0 => memo.to_lowercase(),
            1 => memo.replace(' ', ""),
            2 => format!("{} {} {}", &code[..6], &code[6..], &memo[code.len() + 1..]),
            _ => memo,
        };
        let wrapped = match rng.below(5) {
            0 => format!(
                "MBVCB.{}.{}.{memo}.CT tu 1027236393 PHAM HOANG TUAN toi 28349817",
                2_427_229_823u64 + k as u64,
                174_242
            ),
            1 => format!("IB {memo}"),
            2 => format!(
                "ACB;28349817;{memo} GD {:06}-090922 18:14:59",
                k % 1_000_000
            ),
            3 => format!(
                "MoMoT0904067605T{}T970416T{memo}",
                28_994_691_053u64 + k as u64
            ),
            _ => format!("{memo} FT2229853{:07}", k % 10_000_000),
        };
        (wrapped, v.amount.vnd())
    } else if kind < 85 {
        let unknown = scheme()
            .create(&format!("{:08}", 99_000_000 + k % 1_000_000))
            .unwrap();
        (format!("{unknown} HOC PHI NAM TRUOC"), 1_250_000)
    } else if kind < 95 {
        (
            format!(
                "CHUYEN TIEN HOC PHI CHO CHAU {} LOP 6A",
                fold(v.beneficiary.as_deref().unwrap_or(""))
            ),
            v.amount.vnd(),
        )
    } else {
        (
            format!("CT DEN:5233201{:05} ung ho quy lop", k % 100_000),
            200_000,
        )
    };
    let mut l = StatementLine::new(k as u64 + 2, Amount::new(amount).unwrap(), content);
    l.reference = Some(format!("FT24{:08}", k));
    l.date = Some("2024-09-10 08:00:00".into());
    l
}

fn loaded(inv: &[Invoice]) -> Reconciler {
    let mut r = Reconciler::new(&[scheme()]);
    r.reserve(inv.len());
    for i in inv {
        r.add_invoice(i.clone()).unwrap();
    }
    r
}

fn bench(c: &mut Criterion) {
    let inv = invoices(N);
    let mut g = c.benchmark_group("reconcile");
    g.sample_size(10);
    const BATCH: usize = 10_000;
    g.throughput(Throughput::Elements(BATCH as u64));
    g.bench_function("add_invoice (10k into an empty reconciler)", |b| {
        b.iter_batched(
            || inv[..BATCH].to_vec(),
            |batch| {
                let mut r = Reconciler::new(&[scheme()]);
                for i in batch {
                    black_box(r.add_invoice(i).is_ok());
                }
                r
            },
            BatchSize::LargeInput,
        )
    });
    let mut r = loaded(&inv);
    let mut rng = Rng(42);
    let lines: Vec<StatementLine> = (0..BATCH).map(|k| line(k, &inv, &mut rng)).collect();
    g.bench_function("feed (10k lines, 1M open invoices)", |b| {
        b.iter_batched(
            || lines.clone(),
            |batch| {
                for l in batch {
                    black_box(r.feed(l));
                }
            },
            BatchSize::LargeInput,
        )
    });
    let json_lines: Vec<vietref::reconcile::LineResult> =
        lines.iter().cloned().map(|l| r.feed(l)).collect();
    g.bench_function("write_json_line (10k results)", |b| {
        let mut out = Vec::with_capacity(1 << 22);
        b.iter(|| {
            out.clear();
            for x in &json_lines {
                vietref::reconcile::write_json_line(&mut out, x).unwrap();
            }
            black_box(out.len())
        })
    });
    g.finish();
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.to_string())
        })
        .unwrap_or_else(|| "VmHWM unknown".into())
}

fn full_run() {
    // VIETREF_RECONCILE_N overrides the size (for profiling).
    let n: usize = std::env::var("VIETREF_RECONCILE_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(N);
    let t = Instant::now();
    let inv = invoices(n);
    let mut rng = Rng(42);
    let lines: Vec<StatementLine> = (0..n).map(|k| line(k, &inv, &mut rng)).collect();
    eprintln!(
        "generated {n} invoices and {n} lines in {:.2?}",
        t.elapsed()
    );
    let t = Instant::now();
    let mut r = Reconciler::new(&[scheme()]);
    for i in inv {
        r.add_invoice(i).unwrap();
    }
    let load = t.elapsed();
    let t = Instant::now();
    let mut applied = 0u64;
    for l in lines {
        applied += u64::from(r.feed(l).status.is_applied());
    }
    let feed = t.elapsed();
    eprintln!(
        "load {n} invoices: {load:.2?}; feed {n} lines: {feed:.2?}; total {:.2?}",
        load + feed
    );
    eprintln!("{applied} lines applied\n{}", r.summary());
    eprintln!("{}", peak_rss());
}

fn write_files(dir: &str) {
    let inv = invoices(N);
    let mut rng = Rng(42);
    let mut f =
        std::io::BufWriter::new(std::fs::File::create(format!("{dir}/invoices.csv")).unwrap());
    writeln!(f, "code,amount,payer,beneficiary,due").unwrap();
    for i in &inv {
        let (p, b) = (
            i.payer.as_deref().unwrap_or(""),
            i.beneficiary.as_deref().unwrap_or(""),
        );
        writeln!(
            f,
            "{},{},{},{},{}",
            i.code,
            i.amount,
            p,
            b,
            i.due.as_deref().unwrap_or("")
        )
        .unwrap();
    }
    let mut f =
        std::io::BufWriter::new(std::fs::File::create(format!("{dir}/statement.csv")).unwrap());
    writeln!(f, "date,amount,content,reference").unwrap();
    for k in 0..N {
        let l = line(k, &inv, &mut rng);
        let content = l.content.replace('"', "\"\"");
        writeln!(
            f,
            "{},{},\"{content}\",{}",
            l.date.unwrap_or_default(),
            l.amount,
            l.reference.unwrap_or_default()
        )
        .unwrap();
    }
}

criterion_group!(benches, bench);

fn main() {
    if std::env::var_os("VIETREF_RECONCILE_FULL").is_some() {
        full_run();
        return;
    }
    if let Some(dir) = std::env::var_os("VIETREF_RECONCILE_WRITE") {
        write_files(&dir.to_string_lossy());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
