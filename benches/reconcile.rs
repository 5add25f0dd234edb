//! Reconciliation throughput: 1 M statement lines against 1 M open invoices.
//!
//! - `cargo bench --bench reconcile`: criterion groups for loading invoices and feeding
//!   lines (into a reconciler holding 1 M open invoices), line by line (`feed`) and in
//!   batches (`feed_many`).
//! - `VIETREF_RECONCILE_FULL=1 target/release/deps/reconcile-…`: one full run (load 1 M
//!   invoices, feed 1 M lines with `feed_many`), timed with `Instant`; run it under
//!   `/usr/bin/time -v` for the peak memory. `VIETREF_RECONCILE_ONE=1` feeds them line by
//!   line with `feed`; `VIETREF_RECONCILE_SPLIT=1` too, timing each kind of line.
//! - `VIETREF_RECONCILE_WRITE=DIR target/release/deps/reconcile-…`: writes the same data as
//!   `DIR/invoices.csv` and `DIR/statement.csv` for a CLI run (`VIETREF_RECONCILE_N`: another
//!   size than 1 M).
//!
//! The data: payment codes `HP` + 8 digits; Vietnamese names drawn with the usual family
//! name shares, 24 middle and 60 given names, 200 fee levels (`VIETREF_RECONCILE_STRESS=1`:
//! 16 family, 10 middle and 24 given names and 8 fee levels, so that about 650 invoices share
//! each amount, family and given name); a statement where 80 % of the
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

/// Family names with their approximate share in per mille (Vietnamese name statistics as
/// commonly cited, e.g. Wikipedia "Vietnamese name": Nguyễn ≈ 38 %, Trần 11 %, Lê 9.5 % …);
/// the rest spread over less common names.
const FAMILY: &[(&str, u32)] = &[
    ("Nguyễn", 384),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 71),
    ("Hoàng", 26),
    ("Huỳnh", 25),
    ("Phan", 45),
    ("Vũ", 20),
    ("Võ", 19),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đinh", 10),
    ("Trịnh", 9),
    ("Lương", 8),
    ("Mai", 8),
    ("Trương", 8),
    ("Đoàn", 8),
    ("Lâm", 7),
    ("Cao", 6),
    ("Tô", 5),
    ("Hà", 5),
    ("Tạ", 5),
    ("La", 4),
    ("Chu", 4),
    ("Kiều", 4),
];
const MIDDLE: &[&str] = &[
    "Văn", "Văn", "Văn", "Thị", "Thị", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Gia", "Hoài",
    "Đức", "Thu", "Hữu", "Xuân", "Bảo", "Kim", "Phương", "Anh", "Hồng", "Trọng", "Tuấn", "Diệu",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Thủy", "Vy", "Huy", "Khoa", "Linh", "Nam", "Hà", "Tú", "Dũng", "Hùng", "Lan",
    "Mai", "Phúc", "Quân", "Trâm", "Yến", "Khang", "Nhi", "Bảo", "Châu", "Diệp", "Giang", "Anh",
    "Hương", "Hoa", "Long", "Minh", "Ngân", "Phong", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang",
    "Tuấn", "Uyên", "Việt", "Vinh", "Hiếu", "Hải", "Hạnh", "Hằng", "Kiên", "Lộc", "Mạnh", "My",
    "Nga", "Nhung", "Oanh", "Phát", "Quang", "Thắng", "Thịnh", "Thư", "Toàn", "Trí", "Trung",
    "Vân",
];
/// The stress variant (VIETREF_RECONCILE_STRESS=1): few names and 8 amounts, so that about
/// 650 invoices share each (amount, family name, given name).
const STRESS_FAMILY: &[(&str, u32)] = &[
    ("Nguyễn", 1),
    ("Trần", 1),
    ("Lê", 1),
    ("Phạm", 1),
    ("Hoàng", 1),
    ("Huỳnh", 1),
    ("Phan", 1),
    ("Vũ", 1),
    ("Võ", 1),
    ("Đặng", 1),
    ("Bùi", 1),
    ("Đỗ", 1),
    ("Hồ", 1),
    ("Ngô", 1),
    ("Dương", 1),
    ("Lý", 1),
];
const STRESS_MIDDLE: &[&str] = &[
    "Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Gia", "Hoài", "Đức", "Thu",
];
const STRESS_DUES: &[u64] = &[
    1_250_000, 980_000, 750_000, 2_150_000, 450_000, 320_000, 1_500_000, 600_000,
];

struct Pools {
    family: &'static [(&'static str, u32)],
    family_total: u32,
    middle: &'static [&'static str],
    given: &'static [&'static str],
    dues: Vec<u64>,
}

fn pools() -> Pools {
    let stress = std::env::var_os("VIETREF_RECONCILE_STRESS").is_some();
    let (family, middle, given, dues) = if stress {
        (
            STRESS_FAMILY,
            STRESS_MIDDLE,
            &GIVEN[..24],
            STRESS_DUES.to_vec(),
        )
    } else {
        // 200 fee levels from 300 000 to 3 285 000 đồng.
        (
            FAMILY,
            MIDDLE,
            GIVEN,
            (0..200).map(|i| 300_000 + i * 15_000).collect(),
        )
    };
    Pools {
        family,
        family_total: family.iter().map(|f| f.1).sum(),
        middle,
        given,
        dues,
    }
}

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

fn name(rng: &mut Rng, p: &Pools) -> String {
    let mut w = rng.below(p.family_total as usize) as u32;
    let family = p.family.iter().find(|(_, share)| {
        let hit = w < *share;
        w = w.saturating_sub(*share);
        hit
    });
    let mut s = String::from(family.map_or("Nguyễn", |f| f.0));
    for _ in 0..1 + rng.below(2) {
        s.push(' ');
        s.push_str(rng.pick(p.middle));
    }
    s.push(' ');
    s.push_str(rng.pick(p.given));
    s
}

fn invoices(n: usize) -> Vec<Invoice> {
    let s = scheme();
    let p = pools();
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    (0..n)
        .map(|i| Invoice {
            code: s
                .create(&format!("{:08}", i * 37 % 100_000_000))
                .unwrap()
                .as_str()
                .to_string(),
            amount: Amount::new(p.dues[rng.below(p.dues.len())]).unwrap(),
            payer: Some(name(&mut rng, &p)),
            beneficiary: Some(name(&mut rng, &p)),
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
    // VIETREF_RECONCILE_KIND=code|names: only that kind of line (for profiling).
    let kind = match std::env::var("VIETREF_RECONCILE_KIND").as_deref() {
        Ok("code") => rng.below(80),
        Ok("names") => 85 + rng.below(10),
        _ => rng.below(100),
    };
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
    g.bench_function("feed_many (10k lines, 1M open invoices)", |b| {
        b.iter_batched(
            || lines.clone(),
            |batch| r.feed_many(batch, |x| drop(black_box(x))),
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

/// CPU time of this process so far (user + system), from /proc/self/stat (Linux).
fn cpu() -> std::time::Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            // Fields 14 and 15 of stat(5); `rest` starts at field 3.
            Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0);
    std::time::Duration::from_millis(ticks * 10)
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
    // VIETREF_RECONCILE_LINES: another number of lines (default: as many as invoices).
    let n_lines: usize = std::env::var("VIETREF_RECONCILE_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    let lines: Vec<StatementLine> = (0..n_lines).map(|k| line(k, &inv, &mut rng)).collect();
    eprintln!(
        "generated {n} invoices and {n} lines in {:.2?}",
        t.elapsed()
    );
    let (t, c) = (Instant::now(), cpu());
    let mut r = Reconciler::new(&[scheme()]);
    for i in inv {
        r.add_invoice(i).unwrap();
    }
    let (load, load_cpu) = (t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    r.prepare();
    let (prepare, prepare_cpu) = (t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    let mut applied = 0u64;
    // Time per kind of line (code, unknown code, names only, noise), when asked.
    let split = std::env::var_os("VIETREF_RECONCILE_SPLIT").is_some();
    // VIETREF_RECONCILE_ONE=1: `feed` line by line instead of `feed_many`.
    let one = std::env::var_os("VIETREF_RECONCILE_ONE").is_some();
    let mut per_kind = [(0u32, std::time::Duration::ZERO); 4];
    if split {
        for l in lines {
            let kind = if l.content.starts_with("CHUYEN") {
                2
            } else if l.content.starts_with("CT DEN") {
                3
            } else if l.content.contains("NAM TRUOC") {
                1
            } else {
                0
            };
            let t = Instant::now();
            applied += u64::from(r.feed(l).status.is_applied());
            per_kind[kind].0 += 1;
            per_kind[kind].1 += t.elapsed();
        }
    } else if one {
        for l in lines {
            applied += u64::from(r.feed(l).status.is_applied());
        }
    } else {
        r.feed_many(lines, |x| applied += u64::from(x.status.is_applied()));
    }
    let (feed, feed_cpu) = (t.elapsed(), cpu() - c);
    if split {
        for (name, (count, d)) in ["code", "unknown code", "names only", "noise"]
            .iter()
            .zip(per_kind)
        {
            eprintln!(
                "{name:>12}: {count:>7} lines, {:.2?} per line",
                d / count.max(1)
            );
        }
    }
    eprintln!(
        "load {n} invoices: {load:.2?}; prepare (name index): {prepare:.2?}; feed {n_lines} lines: {feed:.2?}; total {:.2?}",
        load + prepare + feed
    );
    eprintln!("cpu time: load {load_cpu:.2?}; prepare {prepare_cpu:.2?}; feed {feed_cpu:.2?}");
    eprintln!("{applied} lines applied\n{}", r.summary());
    eprintln!("{}", peak_rss());
}

fn write_files(dir: &str) {
    // VIETREF_RECONCILE_N: another size (scripts/bench-peers.sh writes 10 k, 100 k and 1 M).
    let n: usize = std::env::var("VIETREF_RECONCILE_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(N);
    let inv = invoices(n);
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
    for k in 0..n {
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
