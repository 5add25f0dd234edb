//! Statement exports as banks give them: XLSX (written here with rust_xlsxwriter), CSV
//! in UTF-8 and UTF-16, a preamble before the header row, totals rows after the table.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use vietref::reconcile::{open_statement, Columns, OpenedStatement, StatementRecord, TableFormat};
use vietref::Code;

fn records(o: &mut OpenedStatement<'_>) -> Vec<(u64, u64, String)> {
    let mut out = Vec::new();
    for r in o.reader.by_ref() {
        match r {
            Ok(StatementRecord::Line(l)) => out.push((l.line, l.amount.vnd(), l.content)),
            Ok(StatementRecord::Skipped(s)) => out.push((s.line, 0, "OUT".into())),
            Err(e) => panic!("unexpected error {e:?}"),
        }
    }
    out
}

fn bank_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_string(0, 0, "SAO KÊ TÀI KHOẢN").unwrap();
    ws.write_string(1, 0, "Số tài khoản").unwrap();
    ws.write_string(1, 1, "0011001000111").unwrap();
    ws.write_string(2, 0, "Từ ngày 01/09/2024 đến ngày 30/09/2024")
        .unwrap();
    // Row 4 empty.
    let header = [
        "STT",
        "Ngày GD",
        "Số tiền ghi nợ",
        "Số tiền ghi có",
        "Số dư",
        "Nội dung chi tiết",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(4, c as u16, *h).unwrap();
    }
    let d = ExcelDateTime::from_ymd(2024, 9, 10).unwrap();
    ws.write_number(5, 0, 1).unwrap();
    ws.write_datetime_with_format(5, 1, &d, &date).unwrap();
    ws.write_number(5, 3, 1_500_000).unwrap();
    ws.write_number(5, 4, 9_500_000).unwrap();
    ws.write_string(
        5,
        5,
        "MBVCB.6990001234.HP24010172 hoc phi\nCT tu 0071000123456",
    )
    .unwrap();
    ws.write_number(6, 0, 2).unwrap();
    ws.write_string(6, 1, "11/09/2024").unwrap();
    ws.write_number(6, 2, 200_000).unwrap();
    ws.write_string(6, 5, "Phi dich vu").unwrap();
    ws.write_string(7, 0, "Tổng cộng").unwrap();
    ws.write_number(7, 2, 200_000).unwrap();
    ws.write_number(7, 3, 1_500_000).unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_export_with_a_preamble_and_totals_is_read_row_for_line() {
    let bytes = bank_xlsx();
    assert_eq!(TableFormat::sniff(&bytes), Some(TableFormat::Xlsx));
    let mut o = open_statement(
        TableFormat::Xlsx,
        Box::new(std::io::Cursor::new(bytes)),
        &Columns::new(),
        Some("VCB"),
    )
    .expect("opened");
    let got = records(&mut o);
    assert_eq!(
        got,
        vec![
            (
                6,
                1_500_000,
                "MBVCB.6990001234.HP24010172 hoc phi CT tu 0071000123456".to_string()
            ),
            (7, 0, "OUT".into()),
        ]
    );
    let m = o.mapping();
    assert_eq!(m.header_row, 5);
    assert_eq!(m.format, "xlsx");
    let fields: Vec<(&str, usize)> = m
        .columns
        .iter()
        .map(|c| (c.field.as_str(), c.column))
        .collect();
    assert_eq!(
        fields,
        vec![("date", 2), ("content", 6), ("credit", 4), ("debit", 3)]
    );
    let skipped: Vec<(u64, &str)> = m.skipped_rows.iter().map(|s| (s.row, s.reason)).collect();
    assert_eq!(
        skipped,
        vec![
            (1, "preamble"),
            (2, "preamble"),
            (3, "preamble"),
            (8, "total")
        ]
    );
    assert!(m.bank.as_deref().unwrap_or("").starts_with("vietcombank"));
    // Every row is accounted for: 8 rows, 1 fed, the rest skipped.
    let lines = o.reader.input_lines();
    assert_eq!((lines.lines, lines.fed), (8, 1));
}

#[test]
fn the_issue_csv_header_is_read() {
    let csv = "STT;Ngày GD;Số tiền ghi nợ;Số tiền ghi có;Số dư;Nội dung chi tiết\n\
               1;10/09/2024;;1.500.000;9.500.000;HP24010172 hoc phi\n";
    let mut o = open_statement(
        TableFormat::Csv,
        Box::new(csv.as_bytes()),
        &Columns::new(),
        None,
    )
    .expect("opened");
    assert_eq!(
        records(&mut o),
        vec![(2, 1_500_000, "HP24010172 hoc phi".to_string())]
    );
    assert_eq!(o.mapping().encoding.as_deref(), Some("UTF-8"));
}

/// The counter-party account column, under the names banks give it, is read into
/// `counterAccount` and written in the line's JSON after `gateway`; without it the JSON has
/// no such key.
#[test]
fn the_counter_account_column_is_read_and_written() {
    for header in [
        "Tài khoản đối ứng",
        "TK đối ứng",
        "Số tài khoản đối ứng",
        "SO TK DOI UNG",
        "Counter account",
        "Beneficiary/Remitter account",
    ] {
        let csv = format!(
            "Ngày GD;Số tiền ghi có;Nội dung;Tên người chuyển;{header}\n\
             10/09/2024;1.500.000;HP24010172 hoc phi;NGUYEN VAN AN;0071000123456\n"
        );
        let mut o = open_statement(
            TableFormat::Csv,
            Box::new(std::io::Cursor::new(csv.into_bytes())),
            &Columns::new(),
            None,
        )
        .expect("opened");
        let Some(Ok(StatementRecord::Line(l))) = o.reader.next() else {
            panic!("{header}: no line");
        };
        assert_eq!(
            l.counter_account.as_deref(),
            Some("0071000123456"),
            "{header}"
        );
        assert_eq!(l.counter_name.as_deref(), Some("NGUYEN VAN AN"), "{header}");
        assert!(o
            .mapping()
            .columns
            .iter()
            .any(|c| c.field == "counterAccount" && c.column == 5));
        let mut r = vietref::reconcile::Reconciler::new(&["HP:6".parse().unwrap()]);
        let mut json = Vec::new();
        vietref::reconcile::write_json_line(&mut json, &r.feed(l.clone())).unwrap();
        let json = String::from_utf8(json).unwrap();
        assert!(
            json.contains(
                r#""counterName":"NGUYEN VAN AN","counterAccount":"0071000123456","evidence""#
            ),
            "{json}"
        );
        let mut l = l;
        l.counter_account = None;
        let mut json = Vec::new();
        vietref::reconcile::write_json_line(&mut json, &r.feed(l)).unwrap();
        assert!(!String::from_utf8(json).unwrap().contains("counterAccount"));
    }
}

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut b = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in s.encode_utf16() {
        b.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    b
}

#[test]
fn utf16_with_a_bom_is_read_and_the_preamble_is_reported() {
    let csv = "Tài khoản: 0011001000111\r\nNgày giao dịch\tGhi có\tDiễn giải\r\n\
               2024-09-10\t250000\tVP24010172 viện phí\r\n";
    for le in [true, false] {
        let mut o = open_statement(
            TableFormat::Csv,
            Box::new(std::io::Cursor::new(utf16(csv, le))),
            &Columns::new(),
            None,
        )
        .expect("opened");
        assert_eq!(
            records(&mut o),
            vec![(3, 250_000, "VP24010172 viện phí".to_string())]
        );
        let m = o.mapping();
        assert_eq!(m.header_row, 2);
        assert_eq!(m.skipped_rows.len(), 1);
        assert!(m.encoding.unwrap().starts_with("UTF-16"));
    }
}

#[test]
fn other_encodings_are_refused_naming_what_they_look_like() {
    // "Nội dung" in Windows-1258 (ộ is not one byte there; ô + combining dot: 0xF4 0xF2).
    let cp1258 = b"Ngay,So tien,N\xf4\xf2i dung\n2024-09-10,1000,x\n".to_vec();
    let e = open_statement(
        TableFormat::Csv,
        Box::new(std::io::Cursor::new(cp1258)),
        &Columns::new(),
        None,
    )
    .expect_err("not UTF-8");
    assert_eq!(e.findings[0].code, Code::ReconcileEncoding);
    assert!(e.findings[0].message_en().contains("Windows-1258"), "{e:?}");
    let mut no_bom = utf16("Ngay,So tien,Noi dung\n2024-09-10,1000,x\n", true);
    no_bom.drain(..2);
    let e = open_statement(
        TableFormat::Csv,
        Box::new(std::io::Cursor::new(no_bom)),
        &Columns::new(),
        None,
    )
    .expect_err("UTF-16 without BOM");
    assert!(
        e.findings[0]
            .message_en()
            .contains("UTF-16 without a byte-order mark"),
        "{e:?}"
    );
}

#[test]
fn a_totals_row_in_csv_is_skipped_not_fed_and_a_transaction_named_tong_is_kept() {
    let csv = "Ngày,Có,Nội dung\n2024-09-10,1000,Tổng hợp HP1\n,1000,Tổng cộng\n";
    let mut o = open_statement(
        TableFormat::Csv,
        Box::new(csv.as_bytes()),
        &Columns::new(),
        None,
    )
    .expect("opened");
    assert_eq!(records(&mut o), vec![(2, 1000, "Tổng hợp HP1".to_string())]);
    let m = o.mapping();
    assert_eq!(m.skipped_rows.len(), 1);
    assert_eq!(
        (m.skipped_rows[0].row, m.skipped_rows[0].reason),
        (3, "total")
    );
}

/// Totals words anywhere in a row (past its first hundred bytes too), `Sum` and `Subtotal`
/// among them, in quoted cells and without diacritics; lines that merely start cells with
/// `T`, `C` or `S` are transactions.
#[test]
fn totals_rows_are_found_in_any_cell_of_a_csv_statement() {
    let long = "x".repeat(120);
    let csv = format!(
        "Ngày;Có;Nội dung;Ghi chú\n\
         2024-09-10;1000;chuyen tien HP1;Tong hop\n\
         ;;{long};Sum\n\
         ;2000;\"Sub-total\";\n\
         ;3000;;\"  so du, cuoi ky\"\n\
         2024-09-11;4000;Cong ty ABC;Total\n"
    );
    let mut o = open_statement(
        TableFormat::Csv,
        Box::new(std::io::Cursor::new(csv.into_bytes())),
        &Columns::new(),
        None,
    )
    .expect("opened");
    assert_eq!(
        records(&mut o),
        vec![
            (2, 1000, "chuyen tien HP1".to_string()),
            (6, 4000, "Cong ty ABC".to_string())
        ]
    );
    let rows: Vec<u64> = o.mapping().skipped_rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, vec![3, 4, 5]);
}

#[test]
fn an_unknown_bank_is_an_error_listing_the_known_ones() {
    let e = open_statement(
        TableFormat::Csv,
        Box::new(&b"a,b\n"[..]),
        &Columns::new(),
        Some("Nowhere"),
    )
    .expect_err("unknown bank");
    assert!(e.findings[0].message_en().contains("vietinbank"));
}

#[test]
fn a_broken_workbook_is_a_finding_not_a_panic() {
    let e = open_statement(
        TableFormat::Xlsx,
        Box::new(&b"PK\x03\x04garbage"[..]),
        &Columns::new(),
        None,
    )
    .expect_err("broken");
    assert_eq!(e.findings[0].code, Code::ReconcileSheetInvalid);
}

/// The bundled CSV statement as a bank's XLSX export: a preamble of three rows, the
/// table, a totals row.
fn bundled_as_xlsx() -> Vec<u8> {
    let csv = std::fs::read_to_string("examples/reconcile/statement.csv").unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT")
        .unwrap();
    ws.write_string(1, 0, "Số tài khoản:").unwrap();
    ws.write_string(1, 1, "0011001000111").unwrap();
    ws.write_string(2, 0, "Số dư đầu kỳ").unwrap();
    ws.write_number(2, 1, 1_000_000).unwrap();
    let mut rows = 0u32;
    let mut r = vietref::reconcile::CsvReader::detect(csv.as_bytes());
    let mut rec = vietref::reconcile::CsvRecord::default();
    while r.read_record(&mut rec).unwrap() {
        for (c, cell) in rec.fields().enumerate() {
            ws.write_string(3 + rows, c as u16, cell).unwrap();
        }
        rows += 1;
    }
    ws.write_string(3 + rows, 2, "Tổng cộng").unwrap();
    wb.save_to_buffer().unwrap()
}

/// Rows of the bundled CSV statement (a record may span lines there).
fn bundled_rows() -> u64 {
    let csv = std::fs::read("examples/reconcile/statement.csv").unwrap();
    let mut r = vietref::reconcile::CsvReader::detect(&csv[..]);
    let mut rec = vietref::reconcile::CsvRecord::default();
    let mut n = 0;
    while r.read_record(&mut rec).unwrap() {
        n += 1;
    }
    n
}

mod through_c {
    use super::bundled_as_xlsx;
    use serde_json::Value;
    use std::ptr;
    use vietref::capi::reconcile::*;
    use vietref::capi::report::*;
    use vietref::capi::string::*;
    use vietref::capi::vietref_status::*;
    use vietref::capi::{vietref_reconciler, vietref_report, vietref_string};

    unsafe fn take(s: *mut vietref_string) -> String {
        let len = unsafe { vietref_string_len(s) };
        let p = unsafe { vietref_string_ptr(s) };
        let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), len) }.to_vec();
        unsafe { vietref_string_free(s) };
        String::from_utf8(bytes).unwrap()
    }

    /// (results JSON lines, report JSON, summary JSON).
    fn feed(statement: &[u8], format: u32, columns: &str) -> (Vec<Value>, Value, Value) {
        let invoices = std::fs::read("examples/reconcile/invoices.csv").unwrap();
        unsafe {
            let mut r: *mut vietref_reconciler = ptr::null_mut();
            assert_eq!(
                vietref_reconciler_new(c"HP:6".as_ptr(), 4, &mut r),
                VIETREF_OK
            );
            let (mut added, mut rep) = (0u64, ptr::null_mut::<vietref_report>());
            let st = vietref_reconciler_add_invoices_csv(
                r,
                invoices.as_ptr().cast(),
                invoices.len(),
                ptr::null(),
                0,
                &mut added,
                &mut rep,
            );
            assert_eq!(st, VIETREF_OK);
            vietref_report_free(rep);
            let (mut res, mut rep) = (ptr::null_mut::<vietref_string>(), ptr::null_mut());
            let st = vietref_reconciler_feed_statement(
                r,
                statement.as_ptr().cast(),
                statement.len(),
                format,
                columns.as_ptr().cast(),
                columns.len(),
                1,
                &mut res,
                &mut rep,
            );
            assert_eq!(st, VIETREF_OK);
            let results = take(res)
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let mut s = ptr::null_mut();
            assert_eq!(vietref_report_json(rep, &mut s), VIETREF_OK);
            vietref_report_free(rep);
            let report = serde_json::from_str(&take(s)).unwrap();
            let mut s = ptr::null_mut();
            assert_eq!(vietref_reconciler_summary_json(r, &mut s), VIETREF_OK);
            let summary = serde_json::from_str(&take(s)).unwrap();
            vietref_reconciler_free(r);
            (results, report, summary)
        }
    }

    #[test]
    fn an_xlsx_export_through_c_gives_the_csv_results_three_rows_down() {
        let csv = std::fs::read("examples/reconcile/statement.csv").unwrap();
        let (want, _, want_summary) = feed(&csv, 1, "");
        let (got, report, summary) = feed(&bundled_as_xlsx(), 4, "bank=BIDV");
        assert_eq!(got.len(), want.len(), "{report}");
        for (g, w) in got.iter().zip(&want) {
            // Line numbers are rows (a cell's line break is a space in the sheet's
            // reading); the rest is the same.
            assert!(g["line"].as_u64() >= w["line"].as_u64().map(|l| l + 2));
            let flat = |v: &Value| v.as_str().map(|s| s.replace('\n', " "));
            assert_eq!(flat(&g["content"]), flat(&w["content"]));
            for k in ["status", "invoice", "amount", "date", "suggestion"] {
                assert_eq!(g[k], w[k], "{k}: {g} / {w}");
            }
        }
        assert_eq!(summary["statuses"], want_summary["statuses"]);
        let m = &summary["statementMapping"];
        assert_eq!(m["format"], "xlsx");
        assert_eq!(m["headerRow"], 4);
        assert!(m["bank"].as_str().unwrap().starts_with("bidv"));
        let skipped: Vec<u64> = m["skippedRows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["row"].as_u64().unwrap())
            .collect();
        let last = 3 + super::bundled_rows() + 1;
        assert_eq!(skipped, vec![1, 2, 3, last]);
        let warned = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "reconcile.row_skipped")
            .count();
        assert_eq!(warned, 4);
    }
}

#[test]
fn an_invoice_list_in_csv_with_a_title_and_totals_is_read_row_for_line() {
    use vietref::reconcile::open_invoices;
    let csv = "DANH SÁCH THU HỌC PHÍ;;;;\n\
               ;;;;\n\
               STT;Mã HS;Họ tên học sinh;Mã hóa đơn;Số tiền phải nộp\n\
               1;HS01;Tống Thị An;HP2409010192;1.250.000\n\
               ;;Tổng cộng;;1.250.000\n";
    let mut o =
        open_invoices(TableFormat::Csv, Box::new(csv.as_bytes()), &Columns::new()).expect("opened");
    let got: Vec<_> = o.reader.by_ref().collect();
    assert_eq!(got.len(), 1, "{got:?}");
    let (line, inv) = got[0].as_ref().unwrap();
    assert_eq!(
        (
            *line,
            inv.code.as_str(),
            inv.amount.vnd(),
            inv.beneficiary.as_deref()
        ),
        (4, "HP2409010192", 1_250_000, Some("Tống Thị An"))
    );
    let m = o.mapping();
    assert_eq!(m.header_row, 3);
    let skipped: Vec<(u64, &str)> = m.skipped_rows.iter().map(|s| (s.row, s.reason)).collect();
    assert_eq!(skipped, vec![(1, "preamble"), (5, "total")]);
    // A plain list reads as it always did, header on row 1.
    let plain = "code,amount\nHP2409010192,1250000\n";
    let mut o = open_invoices(
        TableFormat::Csv,
        Box::new(plain.as_bytes()),
        &Columns::new(),
    )
    .unwrap();
    assert_eq!(o.reader.by_ref().count(), 1);
    assert_eq!(
        (o.mapping().header_row, o.mapping().skipped_rows.len()),
        (1, 0)
    );
    // No code column: the reader names what is missing, no invoice is made up.
    let e = open_invoices(
        TableFormat::Csv,
        Box::new("Tên;Số tiền\nA;1000\n".as_bytes()),
        &Columns::new(),
    )
    .unwrap_err();
    assert_eq!(e.findings[0].code, Code::ReconcileColumnMissing);
}

/// Issue 19's "done when" through the C ABI: the school's XLSX invoices
/// (`vietref_reconciler_add_invoices`) and the bank's XLSX statement, the same statuses
/// as the CLI's run (cli/tests/reconcile.rs).
#[test]
fn the_school_and_bank_workbooks_through_c() {
    use serde_json::Value;
    use std::ptr;
    use vietref::capi::reconcile::*;
    use vietref::capi::report::*;
    use vietref::capi::string::*;
    use vietref::capi::vietref_status::*;
    use vietref::capi::{vietref_reconciler, vietref_report, vietref_string};
    unsafe fn take(s: *mut vietref_string) -> String {
        let len = unsafe { vietref_string_len(s) };
        let p = unsafe { vietref_string_ptr(s) };
        let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), len) }.to_vec();
        unsafe { vietref_string_free(s) };
        String::from_utf8(bytes).unwrap()
    }
    unsafe fn report_json(rep: *mut vietref_report) -> Value {
        let mut s = ptr::null_mut();
        assert_eq!(unsafe { vietref_report_json(rep, &mut s) }, VIETREF_OK);
        unsafe { vietref_report_free(rep) };
        serde_json::from_str(&unsafe { take(s) }).unwrap()
    }
    let invoices = std::fs::read("examples/reconcile/hoc_phi.xlsx").unwrap();
    let statement = std::fs::read("examples/reconcile/sao_ke_vcb.xlsx").unwrap();
    unsafe {
        let mut r: *mut vietref_reconciler = ptr::null_mut();
        assert_eq!(
            vietref_reconciler_new(c"HP:8".as_ptr(), 4, &mut r),
            VIETREF_OK
        );
        let (mut added, mut rep) = (0u64, ptr::null_mut::<vietref_report>());
        // JSON is no invoice format.
        let st = vietref_reconciler_add_invoices(
            r,
            invoices.as_ptr().cast(),
            invoices.len(),
            2,
            ptr::null(),
            0,
            &mut added,
            &mut rep,
        );
        assert_eq!(st, VIETREF_INVALID_ARGUMENT);
        let st = vietref_reconciler_add_invoices(
            r,
            invoices.as_ptr().cast(),
            invoices.len(),
            4,
            ptr::null(),
            0,
            &mut added,
            &mut rep,
        );
        assert_eq!(st, VIETREF_OK);
        let report = report_json(rep);
        assert_eq!(added, 7, "{report}");
        let skipped: Vec<(String, String)> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_string(),
                    f["field"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let s = |row: &str| ("reconcile.row_skipped".to_string(), row.to_string());
        assert_eq!(skipped, vec![s("1"), s("2"), s("12")], "{report}");
        assert_eq!(report["valid"], true, "{report}");
        let (mut res, mut rep) = (ptr::null_mut::<vietref_string>(), ptr::null_mut());
        let st = vietref_reconciler_feed_statement(
            r,
            statement.as_ptr().cast(),
            statement.len(),
            4,
            ptr::null(),
            0,
            1,
            &mut res,
            &mut rep,
        );
        assert_eq!(st, VIETREF_OK);
        vietref_report_free(rep);
        let got: Vec<(u64, String, Value)> = take(res)
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                (
                    v["line"].as_u64().unwrap(),
                    v["status"].as_str().unwrap().to_string(),
                    v["invoice"].clone(),
                )
            })
            .collect();
        let w = |l: u64, s: &str, i: Option<&str>| (l, s.to_string(), Value::from(i));
        assert_eq!(
            got,
            vec![
                w(9, "paid", Some("HP2409010192")),
                w(10, "partial", Some("HP2409010289")),
                w(11, "overpaid", Some("HP2409010386")),
                w(12, "paid", Some("HP2409010483")),
                w(13, "paid", Some("HP2409010580")),
                w(15, "unmatched", None),
                w(16, "duplicate", Some("HP2409010192")),
                w(17, "unmatched", None),
            ]
        );
        vietref_reconciler_free(r);
    }
}

/// Vietcombank's printed layout (docs/reference/statement-formats.md#bank-export-layouts):
/// bilingual header cells, one language per line, the date cell holding the document
/// number on a second line, `Cộng doanh số/Total Volume` and `Số dư cuối kỳ/Ending
/// balance` at the end.
#[test]
fn vietcombank_bilingual_headers_and_two_line_date_cells() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "SAO KÊ TÀI KHOẢN\nACCOUNT STATEMENT")
        .unwrap();
    ws.write_string(1, 0, "Số dư đầu kỳ/Opening balance:")
        .unwrap();
    ws.write_number(1, 4, 17_099_881).unwrap();
    let header = [
        "STT\nNo",
        "Ngày GD/\nTNX Date\nSố CT/ Doc No",
        "Số tiền ghi nợ/\nDebit",
        "Số tiền ghi có/\nCredit",
        "Số dư/\nBalance",
        "Nội dung chi tiết/\nTransactions in detail",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_number(3, 0, 1).unwrap();
    ws.write_string(3, 1, "31/10/2023\n5243.65937").unwrap();
    ws.write_number(3, 3, 99_000).unwrap();
    ws.write_string(
        3,
        5,
        "MBVCB.4525077405.HP2409010192 hoc phi.CT\ntu 0351000646393 NGUYEN VAN AN",
    )
    .unwrap();
    ws.write_string(4, 0, "Cộng doanh số/Total Volume").unwrap();
    ws.write_number(4, 3, 99_000).unwrap();
    ws.write_string(5, 0, "Số dư cuối kỳ/Ending balance")
        .unwrap();
    ws.write_number(5, 4, 17_198_881).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let mut o = open_statement(
        TableFormat::Xlsx,
        Box::new(std::io::Cursor::new(bytes)),
        &Columns::new(),
        Some("vietcombank"),
    )
    .expect("opened");
    let got = records(&mut o);
    assert_eq!(
        got,
        vec![(
            4,
            99_000,
            "MBVCB.4525077405.HP2409010192 hoc phi.CT tu 0351000646393 NGUYEN VAN AN".to_string()
        )]
    );
    let m = o.mapping();
    assert_eq!(m.header_row, 3);
    let fields: Vec<(&str, usize)> = m
        .columns
        .iter()
        .map(|c| (c.field.as_str(), c.column))
        .collect();
    assert_eq!(
        fields,
        vec![("date", 2), ("content", 6), ("credit", 4), ("debit", 3)]
    );
    let skipped: Vec<(u64, &str)> = m.skipped_rows.iter().map(|s| (s.row, s.reason)).collect();
    assert_eq!(
        skipped,
        vec![(1, "preamble"), (2, "preamble"), (5, "total"), (6, "total")]
    );
}

mod invoice_list_properties {
    use proptest::prelude::*;
    use vietref::reconcile::{open_invoices, Columns, TableFormat};

    /// Title lines a school system puts above its table (none names a code and an amount).
    fn title() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("TRƯỜNG THCS HÒA BÌNH".to_string()),
            Just("DANH SÁCH THU HỌC PHÍ THÁNG 9/2024".to_string()),
            Just("Năm học 2024-2025;;Lớp 6A".to_string()),
            Just(String::new()),
            "[a-zA-Z ]{1,20}",
        ]
    }

    proptest! {
        /// Whatever the title lines, the invoices are read from the rows after the header
        /// row, numbered as the file's lines, every title line and the totals row listed as
        /// skipped, none read as an invoice.
        #[test]
        fn titles_and_totals_never_become_invoices(
            titles in proptest::collection::vec(title(), 0..6),
            amounts in proptest::collection::vec(1u32..100_000_000, 1..8),
            totals in any::<bool>(),
        ) {
            let mut text = String::new();
            for t in &titles {
                text.push_str(t);
                text.push('\n');
            }
            text.push_str("STT;Mã hóa đơn;Họ tên học sinh;Số tiền\n");
            let header = titles.len() as u64 + 1;
            for (i, a) in amounts.iter().enumerate() {
                text.push_str(&format!("{};HD{:04};Tống Văn {i};{a}\n", i + 1, i));
            }
            if totals {
                let sum: u64 = amounts.iter().map(|a| u64::from(*a)).sum();
                text.push_str(&format!(";;Tổng cộng;{sum}\n"));
            }
            let mut o = open_invoices(TableFormat::Csv, Box::new(text.as_bytes()), &Columns::new())
                .expect("opened");
            let got: Vec<(u64, String, u64)> = o
                .reader
                .by_ref()
                .map(|r| r.map(|(l, inv)| (l, inv.code, inv.amount.vnd())))
                .collect::<Result<_, _>>()
                .expect("no record error");
            let want: Vec<(u64, String, u64)> = amounts
                .iter()
                .enumerate()
                .map(|(i, a)| (header + 1 + i as u64, format!("HD{i:04}"), u64::from(*a)))
                .collect();
            prop_assert_eq!(got, want);
            let m = o.mapping();
            prop_assert_eq!(m.header_row, header);
            let mut skipped: Vec<u64> = titles
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.replace(';', "").trim().is_empty())
                .map(|(i, _)| i as u64 + 1)
                .collect();
            if totals {
                skipped.push(header + amounts.len() as u64 + 1);
            }
            let rows: Vec<u64> = m.skipped_rows.iter().map(|s| s.row).collect();
            prop_assert_eq!(rows, skipped);
        }
    }
}
