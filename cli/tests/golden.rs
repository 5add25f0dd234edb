//! `vietref reconcile` output, byte for byte, on a generated invoice file and statement.
//!
//! The stored outputs in `tests/data/golden/` (`reconcile.jsonl`, `reconcile.csv`,
//! `summary.json`) were written ONCE by the build before the speed work of issue 23 (commit
//! 6fb85a2, the reader checks of issue 18 merged), from the inputs that [`generate`] writes,
//! with `VIETREF_GOLDEN_WRITE=1 cargo test -p vietref-cli --test golden`. They are not
//! refreshed when the code changes: a difference is a change of output, to be explained and
//! reviewed, not absorbed. (Refresh only when the output is meant to change, and say why in
//! the commit.) The generator is deterministic (xorshift64*), so changing it also means
//! regenerating the stored files. Refreshed since: the summary's `statementMapping`
//! (9334059), and the name index's defined order (0e5c13b: 45 lines with two or more name
//! candidates list them in file order, or list two others of three or more; no status,
//! invoice or suggestion changed).
//!
//! The data covers what the fast paths of the reader, the engine and the writers must keep:
//! invoices with plain, dotted and quoted amounts; statement lines with a code (bank
//! prefixes and suffixes, lower case, spaces removed, split code), a code naming no invoice,
//! two codes, only names with an amount, noise; quotes, commas, semicolons, backslashes,
//! control-free Vietnamese text and JSON-escaped characters in the content; repeated
//! payments (partial, paid, overpaid, duplicate); empty and present optional columns.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const INVOICES: usize = 900;
const LINES: usize = 1500;
const _: () = assert!(LINES > 2 * vietref::reconcile::PIPE_CHUNK);

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

const FAMILY: &[&str] = &[
    "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Võ", "Huỳnh",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Minh", "Ngọc", "Gia", "Đức"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Thủy", "Thuỷ", "Vy", "Huy", "Khoa", "Linh", "Nam", "Hà", "Dũng", "Yến",
];
const DUES: &[u64] = &[1_250_000, 980_000, 750_000, 450_000, 2_150_000, 600_000];

fn name(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    )
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

struct Inv {
    code: String,
    amount: u64,
    payer: String,
    child: String,
}

/// Writes `invoices.csv` and `statement.csv` into `dir`.
fn generate(dir: &Path) {
    let scheme: vietref::reference::Scheme = "HP:8".parse().unwrap();
    let mut rng = Rng(0x5EED_0023_D00D_F00D);
    let inv: Vec<Inv> = (0..INVOICES)
        .map(|i| Inv {
            code: scheme
                .create(&format!("{:08}", 24_000_000 + i * 7919 % 1_000_000))
                .unwrap()
                .as_str()
                .to_string(),
            amount: DUES[rng.below(DUES.len())],
            payer: name(&mut rng),
            child: name(&mut rng),
        })
        .collect();
    let mut s = String::from("code,amount,payer,beneficiary,due\n");
    for (k, i) in inv.iter().enumerate() {
        let amount = match k % 3 {
            0 => i.amount.to_string(),
            // 1.250.000 and "1,250,000"
            1 => group(i.amount, '.'),
            _ => format!("\"{}\"", group(i.amount, ',')),
        };
        let due = if k % 5 == 0 { "" } else { "2024-09-15" };
        let payer = if k % 11 == 0 { "" } else { &i.payer };
        writeln!(s, "{},{amount},{payer},{},{due}", i.code, i.child).unwrap();
    }
    std::fs::write(dir.join("invoices.csv"), s).unwrap();

    let fold = vietref::text::fold;
    let mut s = String::from("date,amount,content,reference,counterName\n");
    for k in 0..LINES {
        let v = &inv[rng.below(inv.len())];
        let w = &inv[rng.below(inv.len())];
        let amount = match rng.below(6) {
            0 => v.amount / 2,
            1 => v.amount + 50_000,
            _ => v.amount,
        };
        let kind = rng.below(100);
        let memo = format!(
            "{} HOC PHI HK1 HS {} PH {}",
            v.code,
            fold(&v.child),
            fold(&v.payer)
        );
        let content = if kind < 60 {
            let memo = match rng.below(5) {
                0 => memo.to_lowercase(),
                1 => memo.replace(' ', ""),
                2 => format!(
                    "{} {} {}",
                    &v.code[..6],
                    &v.code[6..],
                    &memo[v.code.len() + 1..]
                ),
                3 => format!("{memo} \"con\" {}, lop 3/2; \\ tab", v.child),
                _ => memo,
            };
            match rng.below(4) {
                0 => format!(
                    "MBVCB.{}.{}.{memo}.CT tu 1027236393 {} toi 28349817",
                    2_427_229_823u64 + k as u64,
                    100_000 + k,
                    fold(&v.payer).to_uppercase()
                ),
                1 => format!("IB {memo} GD 856933-040924 10:11:45"),
                2 => format!("{memo} — nộp học phí “HK1”"),
                _ => memo,
            }
        } else if kind < 67 {
            // a well-formed code naming no invoice
            let c = scheme
                .create(&format!("{:08}", 99_000_000 + k))
                .unwrap()
                .as_str()
                .to_string();
            format!("{c} HOC PHI {}", fold(&v.child))
        } else if kind < 72 {
            format!("{} {} HOC PHI 2 HS", v.code, w.code)
        } else if kind < 90 {
            let amount_name = match rng.below(3) {
                0 => fold(&v.child).to_uppercase(),
                1 => v.child.clone(),
                _ => format!("PH {} nop hoc phi cho con {}", fold(&v.payer), v.child),
            };
            amount_name
        } else {
            match rng.below(4) {
                0 => "CHUYEN TIEN".to_string(),
                1 => String::new(),
                2 => "Thanh toán \"QR\"\\ mã HP-12 ; ,".to_string(),
                _ => format!("tra no {k}"),
            }
        };
        let amount_text = match rng.below(4) {
            0 => csv_field(&group(amount, '.')),
            1 => csv_field(&group(amount, ',')),
            _ => amount.to_string(),
        };
        let date = format!("2024-09-{:02} 08:{:02}:{:02}", 1 + k % 28, k % 60, k % 59);
        let reference = if k % 7 == 0 {
            String::new()
        } else {
            format!("FT24{k:06}")
        };
        let counter = match rng.below(3) {
            0 => String::new(),
            1 => fold(&v.payer).to_uppercase(),
            _ => v.payer.clone(),
        };
        writeln!(
            s,
            "{date},{amount_text},{},{reference},{}",
            csv_field(&content),
            csv_field(&counter)
        )
        .unwrap();
    }
    std::fs::write(dir.join("statement.csv"), s).unwrap();
}

/// `n` with `sep` between groups of three digits.
fn group(n: u64, sep: char) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (i, c) in d.chars().enumerate() {
        if i > 0 && i % 3 == d.len() % 3 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn stored(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/golden")
        .join(file)
}

fn run(dir: &Path, format: &str, out: &str, summary: &str, threads: &str) {
    let o = Command::new(env!("CARGO_BIN_EXE_vietref"))
        .args([
            "reconcile",
            "--scheme",
            "HP:8",
            "--quiet",
            "--format",
            format,
            "--threads",
            threads,
        ])
        .arg("--invoices")
        .arg(dir.join("invoices.csv"))
        .arg("--statement")
        .arg(dir.join("statement.csv"))
        .arg("--out")
        .arg(dir.join(out))
        .arg("--summary")
        .arg(dir.join(summary))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn check(dir: &Path, file: &str) {
    let got = std::fs::read(dir.join(file)).unwrap();
    if std::env::var_os("VIETREF_GOLDEN_WRITE").is_some() {
        std::fs::create_dir_all(stored("")).unwrap();
        std::fs::write(stored(file), &got).unwrap();
        return;
    }
    let want = std::fs::read(stored(file)).unwrap();
    if got != want {
        let (g, w) = (
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want),
        );
        let first = g
            .lines()
            .zip(w.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(g.lines().count().min(w.lines().count()));
        panic!(
            "{file} differs from the stored output (first at line {}):\n got: {}\nwant: {}",
            first + 1,
            g.lines().nth(first).unwrap_or("<end>"),
            w.lines().nth(first).unwrap_or("<end>")
        );
    }
}

#[test]
fn reconcile_output_is_byte_identical_to_the_stored_one() {
    let dir = std::env::temp_dir().join(format!("vietref-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    generate(&dir);
    // On one thread, on two (the statement's 1500 lines are more than one chunk of the
    // second thread, `PIPE_CHUNK`) and on three (invoices checked on two threads while the
    // calling thread reads them): the same bytes.
    for threads in ["1", "2", "3"] {
        run(&dir, "json", "reconcile.jsonl", "summary.json", threads);
        run(&dir, "csv", "reconcile.csv", "summary-csv.json", threads);
        check(&dir, "reconcile.jsonl");
        check(&dir, "reconcile.csv");
        check(&dir, "summary.json");
        // The summary does not depend on the output format.
        assert_eq!(
            std::fs::read(dir.join("summary.json")).unwrap(),
            std::fs::read(dir.join("summary-csv.json")).unwrap()
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
