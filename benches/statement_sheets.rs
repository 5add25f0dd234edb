//! Reading statement exports: rows per second and peak memory of the XLSX and CSV readers
//! ([`vietref::reconcile::open_statement_file`]) on a bank-like statement (a preamble of three
//! rows, `STT;Ngày GD;Số tiền ghi nợ;Số tiền ghi có;Số dư;Nội dung chi tiết`, a totals row).
//!
//! `cargo bench --bench statement_sheets -- ROWS FORMAT` (`FORMAT` `csv` or `xlsx`; default
//! 1000000 rows, both): writes the file to a temporary directory (not timed), then reads
//! every record, timed with `Instant`, and prints rows/s and the process's peak resident
//! memory (`VmHWM` of /proc/self/status) before and after reading. Run each format in its
//! own process (the peak is per process); compare 100 000 with 1 000 000 rows to see
//! whether memory grows with the row count. `-- ROWS FORMAT PATH` writes PATH if it does not
//! exist and stops, and reads it if it does: run it twice for a reading-only peak.

use std::io::Write;
use std::time::Instant;
use vietref::reconcile::{open_statement_file, Columns, StatementRecord, TableFormat};

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

const NAMES: &[&str] = &[
    "NGUYEN VAN AN",
    "TRAN THI MAI",
    "LE VAN NAM",
    "PHAM THU HA",
    "DANG THANH NAM",
    "MAC VAN KHOA",
];

fn content(i: usize) -> String {
    let name = NAMES[i % NAMES.len()];
    match i % 4 {
        0 => format!("MBVCB.{:010}.HP{:08} hoc phi.CT tu 0071000{:06} {name} toi 0011001000111 TRUONG THCS HOA BINH", 6_990_000_000u64 + i as u64, i % 100_000_000, i % 1_000_000),
        1 => format!("{:06}.100924.{:06}.IBFT {name} hoc phi lop 6A HP{:08}", i % 1_000_000, i % 240_000, i % 100_000_000),
        2 => format!("020097041509102116392024X4CA{:06}.33332.211640.Vietcombank:0011001000111:{name} nop hoc phi", i % 1_000_000),
        _ => format!("{name} chuyen tien an ban tru thang 9"),
    }
}

fn write_csv(path: &std::path::Path, rows: usize) {
    let f = std::fs::File::create(path).unwrap();
    let mut w = std::io::BufWriter::new(f);
    writeln!(w, "SAO KÊ TÀI KHOẢN;;;;;").unwrap();
    writeln!(w, "Số tài khoản;0011001000111;;;;").unwrap();
    writeln!(w, "Từ ngày 01/09/2024 đến ngày 30/09/2024;;;;;").unwrap();
    writeln!(
        w,
        "STT;Ngày GD;Số tiền ghi nợ;Số tiền ghi có;Số dư;Nội dung chi tiết"
    )
    .unwrap();
    for i in 0..rows {
        let day = 1 + i % 28;
        writeln!(
            w,
            "{};{day:02}/09/2024;;{};;{}",
            i + 1,
            100_000 + (i % 200) * 5_000,
            content(i)
        )
        .unwrap();
    }
    writeln!(w, ";;;Tổng cộng;;").unwrap();
}

fn write_xlsx(path: &std::path::Path, rows: usize) {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory();
    ws.write_string(0, 0, "SAO KÊ TÀI KHOẢN").unwrap();
    ws.write_string(1, 0, "Số tài khoản").unwrap();
    ws.write_string(1, 1, "0011001000111").unwrap();
    let header = [
        "STT",
        "Ngày GD",
        "Số tiền ghi nợ",
        "Số tiền ghi có",
        "Số dư",
        "Nội dung chi tiết",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    for i in 0..rows {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, format!("{:02}/09/2024", 1 + i % 28))
            .unwrap();
        ws.write_number(r, 3, (100_000 + (i % 200) * 5_000) as f64)
            .unwrap();
        ws.write_string(r, 5, content(i)).unwrap();
    }
    ws.write_string(4 + rows as u32, 3, "Tổng cộng").unwrap();
    wb.save(path).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let rows: usize = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let formats: Vec<&str> = match args.get(1).map(String::as_str) {
        Some(f) => vec![f],
        None => vec!["csv", "xlsx"],
    };
    let dir = std::env::temp_dir().join(format!("vietref-sheets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in formats {
        let (path, format) = match f {
            "xlsx" => (dir.join("sao_ke.xlsx"), TableFormat::Xlsx),
            _ => (dir.join("sao_ke.csv"), TableFormat::Csv),
        };
        // `ROWS FORMAT PATH`: write PATH when it does not exist (and stop), read it when it
        // does, so that the peak memory measured is the reading's alone.
        let given = args.get(2).map(std::path::PathBuf::from);
        let path = given.clone().unwrap_or(path);
        if !path.exists() {
            let t = Instant::now();
            if format == TableFormat::Xlsx {
                write_xlsx(&path, rows)
            } else {
                write_csv(&path, rows)
            }
            let size = std::fs::metadata(&path).unwrap().len();
            eprintln!(
                "{f}: wrote {rows} rows ({size} bytes) in {:.1?}",
                t.elapsed()
            );
            if given.is_some() {
                return;
            }
        }
        let before = peak_kib();
        let t = Instant::now();
        let file = std::fs::File::open(&path).unwrap();
        let mut o = open_statement_file(format, file, &Columns::new(), None).unwrap();
        let (mut lines, mut errors) = (0u64, 0u64);
        for r in o.reader.by_ref() {
            match r {
                Ok(StatementRecord::Line(_)) => lines += 1,
                Ok(StatementRecord::Skipped(_)) => {}
                Err(_) => errors += 1,
            }
        }
        let secs = t.elapsed().as_secs_f64();
        let m = o.mapping();
        assert_eq!(lines, rows as u64, "every row read ({errors} errors)");
        assert_eq!(m.skipped_rows.len(), if f == "xlsx" { 3 } else { 4 });
        println!(
            "{f}: {rows} rows in {secs:.2} s = {:.0} rows/s; peak RSS {} MiB before reading, {} MiB after",
            rows as f64 / secs,
            before / 1024,
            peak_kib() / 1024
        );
        if given.is_none() {
            std::fs::remove_file(&path).ok();
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
