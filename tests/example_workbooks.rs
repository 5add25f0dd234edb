//! The bundled workbooks of issue 19's "done when" scenario, written here with
//! rust_xlsxwriter: `examples/reconcile/hoc_phi.xlsx` (a school system's tuition export:
//! a title, the school, the header row, a totals row) and
//! `examples/reconcile/sao_ke_vcb.xlsx` (a Vietcombank-like statement export: a preamble
//! with the account, its holder, the period and the opening balance; the header
//! `STT | Ngày GD | Số tiền ghi nợ | Số tiền ghi có | Số dư | Nội dung chi tiết`; totals
//! and the closing balance at the end; memos in the envelope shapes banks deliver).
//! Names, accounts and numbers are made up.
//!
//! `VIETREF_BLESS=1 cargo test --test example_workbooks` writes the files; without it the
//! test checks that the committed files hold the same cells. The CLI's run on them is
//! tested in cli/tests/reconcile.rs.

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::PathBuf;

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/reconcile")
        .join(name)
}

/// A workbook with fixed document properties, so that blessing twice gives equal cells.
fn workbook() -> Workbook {
    let mut wb = Workbook::new();
    let props = rust_xlsxwriter::DocProperties::new()
        .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 10, 1).unwrap());
    wb.set_properties(&props);
    wb
}

/// The school's export: invoices of the first term, one per pupil.
pub fn hoc_phi() -> Vec<u8> {
    let mut wb = workbook();
    let ws = wb.add_worksheet();
    ws.set_name("Hoc phi HK1").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let money = Format::new().set_num_format("#,##0");
    ws.write_string(0, 0, "TRƯỜNG THCS HÒA BÌNH").unwrap();
    ws.write_string(1, 0, "DANH SÁCH THU HỌC PHÍ HỌC KỲ I NĂM HỌC 2024-2025")
        .unwrap();
    // Row 3 empty.
    let header = [
        "STT",
        "Mã HS",
        "Họ tên học sinh",
        "Lớp",
        "Mã hóa đơn",
        "Họ tên phụ huynh",
        "Số tiền",
        "Hạn nộp",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    let rows: &[(&str, &str, &str, &str, &str, u32)] = &[
        (
            "HS0101",
            "Nguyễn Thị Bình",
            "6A",
            "HP2409010192",
            "Nguyễn Văn An",
            1_250_000,
        ),
        (
            "HS0102",
            "Trần Minh Khoa",
            "6A",
            "HP2409010289",
            "Trần Văn Hùng",
            1_250_000,
        ),
        (
            "HS0103",
            "Phạm Gia Huy",
            "6B",
            "HP2409010386",
            "Lê Thị Thuỷ",
            1_250_000,
        ),
        (
            "HS0104",
            "Phạm Thị Ngọc Anh",
            "7A",
            "HP2409010483",
            "Phạm Văn Dũng",
            980_000,
        ),
        (
            "HS0105",
            "Hoàng Vy",
            "7A",
            "HP2409010580",
            "Hoàng Văn Nam",
            1_250_000,
        ),
        (
            "HS0106",
            "Đỗ Minh Quân",
            "8C",
            "HP2409010677",
            "Đỗ Thị Hoa",
            750_000,
        ),
        (
            "HS0107",
            "Vũ Thị Thùy Linh",
            "9A",
            "HP2409010774",
            "Vũ Văn Thắng",
            1_250_000,
        ),
    ];
    let due = ExcelDateTime::from_ymd(2024, 9, 15).unwrap();
    let mut total = 0;
    for (i, (hs, pupil, class, code, parent, amount)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *hs).unwrap();
        ws.write_string(r, 2, *pupil).unwrap();
        ws.write_string(r, 3, *class).unwrap();
        ws.write_string(r, 4, *code).unwrap();
        ws.write_string(r, 5, *parent).unwrap();
        ws.write_number_with_format(r, 6, *amount, &money).unwrap();
        ws.write_datetime_with_format(r, 7, &due, &date).unwrap();
        total += amount;
    }
    let r = 4 + rows.len() as u32;
    ws.write_string(r, 2, "Tổng cộng").unwrap();
    ws.write_number_with_format(r, 6, total, &money).unwrap();
    wb.save_to_buffer().unwrap()
}

/// The bank's export: September's incoming and outgoing lines of the school's account.
pub fn sao_ke_vcb() -> Vec<u8> {
    let mut wb = workbook();
    let ws = wb.add_worksheet();
    ws.set_name("Sao ke").unwrap();
    let money = Format::new().set_num_format("#,##0");
    ws.write_string(0, 0, "NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM")
        .unwrap();
    ws.write_string(1, 0, "SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT")
        .unwrap();
    ws.write_string(2, 0, "Số tài khoản / Account number:")
        .unwrap();
    ws.write_string(2, 2, "0011001000111").unwrap();
    ws.write_string(3, 0, "Tên tài khoản / Account name:")
        .unwrap();
    ws.write_string(3, 2, "TRUONG THCS HOA BINH").unwrap();
    ws.write_string(4, 0, "Từ ngày / From: 01/09/2024").unwrap();
    ws.write_string(4, 3, "Đến ngày / To: 30/09/2024").unwrap();
    ws.write_string(5, 0, "Số dư đầu kỳ / Opening balance:")
        .unwrap();
    ws.write_number_with_format(5, 2, 12_500_000, &money)
        .unwrap();
    // Row 7 empty.
    let header = [
        "STT",
        "Ngày GD",
        "Số tiền ghi nợ",
        "Số tiền ghi có",
        "Số dư",
        "Nội dung chi tiết",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(7, c as u16, *h).unwrap();
    }
    // (date, debit, credit, memo)
    let lines: &[(&str, u32, u32, &str)] = &[
        ("03/09/2024", 0, 1_250_000, "MBVCB.6990001234.HP2409010192 hoc phi HK1 HS NGUYEN THI BINH.CT tu 0071000123456 NGUYEN VAN AN toi 0011001000111 TRUONG THCS HOA BINH"),
        ("04/09/2024", 0, 500_000, "481203.040924.211639.IBFT TRAN VAN HUNG hoc phi HP2409010289 dot 1"),
        ("05/09/2024", 0, 1_300_000, "020097041505092116392024X4CA043681.33332.211640.Vietcombank:0011001000111:LE THI THUY nop hoc phi HP2409010386"),
        ("06/09/2024", 0, 980_000, "PARTNER.DIRECT_DEBITS_VCB.MSE.66500012345.20240906.66500012345-0901000111_PHAM VAN DUNG chuyen tien hoc phi HP2409010483"),
        ("07/09/2024", 0, 1_250_000, "VCB.CTDK.07/09/2024.HOC PHI HP2409010580. CT tu 0481000000001 toi 0011001000111 TRUONG THCS HOA BINH"),
        ("08/09/2024", 11_000, 0, "Thu phi dich vu SMS Banking thang 08/2024"),
        ("09/09/2024", 0, 750_000, "MBVCB.6990001240.HP2409010678 hoc phi HS DO MINH QUAN.CT tu 0071000654321 DO THI HOA toi 0011001000111 TRUONG THCS HOA BINH"),
        ("10/09/2024", 0, 1_250_000, "481299.100924.081500.IBFT HP2409010192 hoc phi HK1"),
        ("11/09/2024", 0, 200_000, "MBVCB.6990001301.ung ho quy lop 6A.CT tu 0071000777777 NGO VAN LONG toi 0011001000111 TRUONG THCS HOA BINH"),
    ];
    let mut balance: i64 = 12_500_000;
    let (mut debits, mut credits) = (0u32, 0u32);
    for (i, (day, debit, credit, memo)) in lines.iter().enumerate() {
        let r = 8 + i as u32;
        balance += i64::from(*credit) - i64::from(*debit);
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *day).unwrap();
        if *debit > 0 {
            ws.write_number_with_format(r, 2, *debit, &money).unwrap();
        }
        if *credit > 0 {
            ws.write_number_with_format(r, 3, *credit, &money).unwrap();
        }
        ws.write_number_with_format(r, 4, balance as f64, &money)
            .unwrap();
        ws.write_string(r, 5, *memo).unwrap();
        debits += debit;
        credits += credit;
    }
    let r = 8 + lines.len() as u32;
    ws.write_string(r, 1, "Tổng số phát sinh / Total").unwrap();
    ws.write_number_with_format(r, 2, debits, &money).unwrap();
    ws.write_number_with_format(r, 3, credits, &money).unwrap();
    ws.write_string(r + 1, 1, "Số dư cuối kỳ / Closing balance")
        .unwrap();
    ws.write_number_with_format(r + 1, 4, balance as f64, &money)
        .unwrap();
    wb.save_to_buffer().unwrap()
}

fn cells(bytes: &[u8]) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn the_bundled_workbooks_are_the_ones_written_here() {
    for (name, bytes) in [
        ("hoc_phi.xlsx", hoc_phi()),
        ("sao_ke_vcb.xlsx", sao_ke_vcb()),
    ] {
        let path = example(name);
        if std::env::var_os("VIETREF_BLESS").is_some() {
            std::fs::write(&path, &bytes).unwrap();
        }
        let committed = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{name}: {e}; write it with VIETREF_BLESS=1"));
        assert_eq!(
            cells(&committed),
            cells(&bytes),
            "{name} differs from what this test writes; VIETREF_BLESS=1 writes it again"
        );
    }
}
