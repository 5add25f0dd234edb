//! Reading an XLSX statement streams: the most bytes live at once (a counting global
//! allocator) while 4N rows are read is within a fixed bound of the same for N rows. A
//! reader that held the sheet, its rows or its CSV text would grow with the row count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use vietref::reconcile::{open_statement_file, Columns, StatementRecord, TableFormat};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are
// updated around it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn write_statement(path: &std::path::Path, rows: u32) {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory();
    ws.write_string(0, 0, "SAO KÊ TÀI KHOẢN").unwrap();
    let header = [
        "STT",
        "Ngày GD",
        "Số tiền ghi nợ",
        "Số tiền ghi có",
        "Nội dung chi tiết",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for i in 0..rows {
        let r = 3 + i;
        ws.write_number(r, 0, f64::from(i + 1)).unwrap();
        ws.write_string(r, 1, format!("{:02}/09/2024", 1 + i % 28))
            .unwrap();
        ws.write_number(r, 3, f64::from(100_000 + (i % 200) * 5_000))
            .unwrap();
        ws.write_string(
            r,
            4,
            format!("MBVCB.{:010}.HP{:08} hoc phi.CT tu 0071000123456 NGUYEN VAN AN toi 0011001000111 TRUONG THCS HOA BINH", 6_990_000_000u64 + u64::from(i), i),
        )
        .unwrap();
    }
    ws.write_string(3 + rows, 1, "Tổng cộng").unwrap();
    wb.save(path).unwrap();
}

/// The most bytes live at once while reading every row of the file (beyond those live
/// before), and the lines read.
fn read_peak(path: &std::path::Path) -> (usize, u64) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let f = std::fs::File::open(path).unwrap();
    let mut o = open_statement_file(TableFormat::Xlsx, f, &Columns::new(), None).unwrap();
    let mut lines = 0;
    for r in o.reader.by_ref() {
        if let Ok(StatementRecord::Line(_)) = r {
            lines += 1;
        }
    }
    drop(o);
    (PEAK.load(Ordering::Relaxed) - before, lines)
}

#[test]
fn reading_four_times_the_rows_takes_no_more_memory() {
    let dir = std::env::temp_dir().join(format!("vietref-sheet-mem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let n = 10_000;
    let (small, large) = (dir.join("n.xlsx"), dir.join("4n.xlsx"));
    write_statement(&small, n);
    write_statement(&large, 4 * n);
    let (p1, l1) = read_peak(&small);
    let (p4, l4) = read_peak(&large);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!((l1, l4), (u64::from(n), u64::from(4 * n)));
    // 30 000 more rows of ~130 bytes are ~3.9 MB of text: holding them (or their CSV
    // text, or the sheet) would show here several times over. What may be live besides is
    // bounded but depends on timing: calamine's thread fills the hand-over channel (4
    // batches of 512 rows, one more being filled and one being read) only when the reader
    // is slower than it, which happens on a busy machine with the larger file and not
    // with the smaller one: about 80 KB per batch, 0.5 MB in all.
    let bound = 1 << 20;
    assert!(
        p4 < p1 + bound,
        "peak {p1} bytes for {n} rows, {p4} for {} rows: memory grows with the rows",
        4 * n
    );
    eprintln!(
        "peak live bytes: {p1} for {n} rows, {p4} for {} rows",
        4 * n
    );
}
