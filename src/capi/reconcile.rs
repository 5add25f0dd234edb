//! Reconciliation: a `vietref_reconciler` holds the open invoices and classifies bank
//! statement lines one at a time into `vietref_line_result`s; a summary and each invoice's
//! state as JSON.

use super::boundary::{
    buf_arg, bytes_arg, ffi_boundary, free_handle, handle_mut, handle_ref, into_handle, known,
    opt_text_arg, out_arg, text_arg, FfiResult,
};
use super::reference::schemes_arg;
use super::report::{vietref_report, Cleaned};
use super::status::vietref_status;
use super::string::vietref_string;
use super::Lang;
use crate::finding::{Code, Finding, Report};
use crate::message::Amount;
use crate::reconcile::{Invoice, LineResult, Reconciler, StatementLine, Status};
use crate::reference::InvoiceRef;
use std::ffi::c_char;

/// `VIETREF_LINE_*`: what a statement line was found to be (`vietref_line_result_status`;
/// the numbers are `vietref::reconcile::Status::number()`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_line_status {
    /// One code naming an open invoice, which is now paid in full.
    VIETREF_LINE_PAID = 0,
    /// One code naming an open invoice; some of it is still due.
    VIETREF_LINE_PARTIAL = 1,
    /// One code naming an open invoice, now paid with more than was due.
    VIETREF_LINE_OVERPAID = 2,
    /// One code naming an invoice already settled by earlier lines: a second payment.
    VIETREF_LINE_DUPLICATE = 3,
    /// One valid code that names no loaded invoice.
    VIETREF_LINE_UNKNOWN_CODE = 4,
    /// Several distinct codes.
    VIETREF_LINE_AMBIGUOUS = 5,
    /// No code; perhaps a suggestion (a name and the exact amount point to one open
    /// invoice: for a person to confirm, never applied).
    VIETREF_LINE_UNMATCHED = 6,
}

// The C numbers are the Rust ones: one source of truth.
const _: () = {
    use vietref_line_status::*;
    assert!(VIETREF_LINE_PAID as u32 == Status::Paid as u32);
    assert!(VIETREF_LINE_PARTIAL as u32 == Status::Partial as u32);
    assert!(VIETREF_LINE_OVERPAID as u32 == Status::Overpaid as u32);
    assert!(VIETREF_LINE_DUPLICATE as u32 == Status::Duplicate as u32);
    assert!(VIETREF_LINE_UNKNOWN_CODE as u32 == Status::UnknownCode as u32);
    assert!(VIETREF_LINE_AMBIGUOUS as u32 == Status::Ambiguous as u32);
    assert!(VIETREF_LINE_UNMATCHED as u32 == Status::Unmatched as u32);
    assert!(Status::ALL.len() == 7);
};

/// A reconciler: the open invoices (added with `vietref_reconciler_add_invoice`) and what
/// the statement lines fed so far paid. Memory grows with the invoices, not with the
/// statement. Free with `vietref_reconciler_free`.
///
/// Thread safety: adding invoices and feeding lines change it: no other call on the same
/// reconciler may run at the same time (the JSON accessors only read). Different
/// reconcilers are independent.
pub struct vietref_reconciler {
    pub(crate) reconciler: Reconciler,
    /// How the last CSV/XLSX/XLS statement fed was read (in the summary JSON).
    mapping: Option<crate::reconcile::StatementMapping>,
}

/// The result for one statement line: its status, the invoice it was applied to, a
/// suggestion, the reason in English and Vietnamese, and the evidence (in the JSON). Free
/// with `vietref_line_result_free`.
///
/// Thread safety: immutable; any number of threads may read it at the same time.
pub struct vietref_line_result {
    result: LineResult,
}

/// Makes a reconciler for an institution's payment-code `schemes` (`"HP:8,VP:10"`: items
/// `PREFIX:LENGTH` separated by commas or spaces; empty for none: then only RF references,
/// e-invoices and the institution's own codes are found) and writes it to
/// `*reconciler_out`. `VIETREF_REF_SCHEMES_INVALID` when a scheme is malformed.
///
/// # Safety
/// `schemes` is readable for `schemes_len` bytes (or NULL when `schemes_len` is 0);
/// `reconciler_out` points to a writable `vietref_reconciler *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_new(
    schemes: *const c_char,
    schemes_len: usize,
    reconciler_out: *mut *mut vietref_reconciler,
) -> vietref_status {
    ffi_boundary!({
        let schemes = unsafe { schemes_arg(schemes, schemes_len) }?;
        let out = unsafe { out_arg(reconciler_out) }?;
        out.write(into_handle(vietref_reconciler {
            mapping: None,
            reconciler: Reconciler::new(&schemes),
        }));
        Ok(())
    })
}

/// Lets the reconciler use up to `n` threads when it feeds a statement (0 counts as 1; a
/// new reconciler uses 1). With 2 or more, `vietref_reconciler_feed_statement` reads the
/// statement's lines (envelopes, codes, names) on a second thread while the calling thread
/// matches the lines read before; the results, their order and the totals are the same.
/// `vietref_reconciler_feed` (one line) always runs on the calling thread.
///
/// # Safety
/// `reconciler` is a live reconciler used by no other thread during the call.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_set_threads(
    reconciler: *mut vietref_reconciler,
    n: usize,
) -> vietref_status {
    ffi_boundary!({
        let r = unsafe { handle_mut(reconciler) }?;
        r.reconciler.set_threads(n);
        Ok(())
    })
}

/// Frees a reconciler. NULL is accepted and does nothing.
///
/// # Safety
/// `reconciler` is NULL or a live reconciler, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_free(reconciler: *mut vietref_reconciler) {
    ffi_boundary!(on_panic = (); { unsafe { free_handle(reconciler) } })
}

/// The amount finding of `add_invoice` (the codes the statement readers use, field
/// `amount`).
fn amount_finding(vnd: u64) -> Option<Finding> {
    match Amount::new(vnd) {
        Some(_) => None,
        None if vnd == 0 => Some(Finding::new(Code::ReconcileAmountZero, "amount")),
        None => Some(
            Finding::new(Code::ReconcileAmountTooLarge, "amount")
                .limit(13)
                .detail(vnd.to_string()),
        ),
    }
}

/// Adds an open invoice: its `code` (a payment code of the reconciler's schemes, an RF
/// reference, an e-invoice identifier or the institution's own code, in any written form),
/// the amount due in đồng, and optionally the payer's and the beneficiary's full names and
/// the due date (`YYYY-MM-DD` or `DD/MM/YYYY`); an empty text is not given. Writes a new
/// report to `*report_out`: the invoice was added when it is valid (its cleaned text is the
/// code as held, electronic form), with warnings (code normalized, too short to be searched
/// for, a name with no letters to match (`reconcile.name_unusable`, the name is ignored));
/// otherwise nothing was added and the errors say why (a bad code, a code already
/// listed (`reconcile.invoice_duplicate`), a bad due date (`reconcile.date_invalid`), an
/// amount of 0 (`reconcile.amount_zero`) or of more than 13 digits
/// (`reconcile.amount_too_large`)).
///
/// The status is `VIETREF_OK` whenever the report was made.
///
/// # Safety
/// `reconciler` is a live reconciler used by no other thread during the call; each text is
/// readable for its length (or NULL when the length is 0); `report_out` points to a
/// writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_add_invoice(
    reconciler: *mut vietref_reconciler,
    code: *const c_char,
    code_len: usize,
    amount: u64,
    payer: *const c_char,
    payer_len: usize,
    beneficiary: *const c_char,
    beneficiary_len: usize,
    due: *const c_char,
    due_len: usize,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let r = unsafe { handle_mut(reconciler) }?;
        let code = unsafe { text_arg(code, code_len) }?;
        let payer = unsafe { opt_text_arg(payer, payer_len) }?;
        let beneficiary = unsafe { opt_text_arg(beneficiary, beneficiary_len) }?;
        let due = unsafe { opt_text_arg(due, due_len) }?;
        let out = unsafe { out_arg(report_out) }?;
        let report = match (Amount::new(amount), amount_finding(amount)) {
            (Some(a), _) => {
                let inv = Invoice {
                    code: code.to_string(),
                    amount: a,
                    payer: payer.map(str::to_string),
                    beneficiary: beneficiary.map(str::to_string),
                    due: due.map(str::to_string),
                };
                match r.reconciler.add_invoice(inv) {
                    Ok(added) => Report {
                        findings: added.warnings,
                        cleaned: Some(Cleaned::Text(added.code)),
                    },
                    Err(findings) => Report {
                        findings,
                        cleaned: None,
                    },
                }
            }
            (None, finding) => {
                // Every finding: the code's classification too, as add_invoice would make it.
                let schemes = r.reconciler.schemes();
                let (_, mut findings) = InvoiceRef::parse_with(code, "code", schemes);
                findings.extend(finding);
                Report {
                    findings,
                    cleaned: None,
                }
            }
        };
        out.write_report(report);
        Ok(())
    })
}

/// Classifies one statement line and applies it to its invoice (only `PAID`, `PARTIAL`,
/// `OVERPAID` and `DUPLICATE` change an invoice's paid total), and writes a new result to
/// `*result_out` (free it with `vietref_line_result_free`). `line` is the caller's number
/// for the line (the file's line, a sequence number: a duplicate's evidence names the line
/// that settled the invoice); `amount` the amount received in đồng; `content` the transfer
/// content as the bank delivered it; `reference` (the bank's transaction reference), `date`
/// (as the bank wrote it) and `counter_name` (the name of the paying account) are optional:
/// an empty text is not given. An amount of 0 or of more than 13 digits is
/// `VIETREF_RECONCILE_AMOUNT_INVALID` (nothing is changed).
///
/// # Safety
/// `reconciler` is a live reconciler used by no other thread during the call; each text is
/// readable for its length (or NULL when the length is 0); `result_out` points to a
/// writable `vietref_line_result *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_feed(
    reconciler: *mut vietref_reconciler,
    line: u64,
    amount: u64,
    content: *const c_char,
    content_len: usize,
    reference: *const c_char,
    reference_len: usize,
    date: *const c_char,
    date_len: usize,
    counter_name: *const c_char,
    counter_name_len: usize,
    result_out: *mut *mut vietref_line_result,
) -> vietref_status {
    ffi_boundary!({
        let r = unsafe { handle_mut(reconciler) }?;
        let amount = Amount::new(amount).ok_or(vietref_status::VIETREF_RECONCILE_AMOUNT_INVALID)?;
        let content = unsafe { text_arg(content, content_len) }?;
        let reference = unsafe { opt_text_arg(reference, reference_len) }?;
        let date = unsafe { opt_text_arg(date, date_len) }?;
        let counter_name = unsafe { opt_text_arg(counter_name, counter_name_len) }?;
        let out = unsafe { out_arg(result_out) }?;
        let mut l = StatementLine::new(line, amount, content);
        l.reference = reference.map(str::to_string);
        l.date = date.map(str::to_string);
        l.counter_name = counter_name.map(str::to_string);
        let result = r.reconciler.feed(l);
        out.write(into_handle(vietref_line_result { result }));
        Ok(())
    })
}

/// `VIETREF_STATEMENT_*`: the layout of a statement export given to
/// `vietref_reconciler_feed_statement`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_statement_format {
    /// CSV with a header row (`date,amount,content,reference[,counterName]` by default, or
    /// the columns mapped); `,` `;` or tab separated, quoted cells, UTF-8 with or without BOM.
    VIETREF_STATEMENT_CSV = 1,
    /// One JSON object per line, in the shapes bank-notification services send
    /// (`transferAmount`, `content`/`description`, `referenceCode`, `transactionDate`, …).
    VIETREF_STATEMENT_JSON_LINES = 2,
    /// A JSON array of such objects.
    VIETREF_STATEMENT_JSON = 3,
    /// An Excel 2007+ workbook (`.xlsx`) as internet banking exports it: its first sheet,
    /// the header row found past a preamble, totals rows skipped (as for CSV).
    VIETREF_STATEMENT_XLSX = 4,
    /// An Excel 97-2003 workbook (`.xls`): its first sheet, as for XLSX.
    VIETREF_STATEMENT_XLS = 5,
}

/// `VIETREF_RESULTS_*`: how `vietref_reconciler_feed_statement` writes the results.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_results_format {
    /// One JSON object per statement line (`vietref_line_result_json`), each ending in `\n`.
    VIETREF_RESULTS_JSON_LINES = 1,
    /// CSV with a header row, the columns `vietref reconcile --format csv` writes, CRLF.
    VIETREF_RESULTS_CSV = 2,
}

/// How many findings of one code the report of a file lists (the rest are counted in one
/// `text.more_findings`).
const RECORD_FINDINGS_SHOWN: usize = 100;

/// A record finding with the record's line in its field: `"3:Số tiền"` (line 3, the
/// column as the file names it) or `"3"` for the record as a whole; line 0 (not a
/// record's finding) leaves it alone.
fn at_line(line: u64, mut f: Finding) -> Finding {
    if line == 0 {
        // Not a record's (the column mapping).
        return f;
    }
    f.field = if f.field.is_empty() {
        line.to_string().into()
    } else {
        format!("{line}:{}", f.field).into()
    };
    f
}

/// The column mapping argument: a report's finding when it is malformed.
fn columns_arg(columns: &str) -> Result<crate::reconcile::Columns, Finding> {
    columns.parse()
}

/// Reads an invoice list in CSV (a header row naming `code,amount` and optionally
/// `payer,beneficiary,due`, in any order, Vietnamese headers such as `Mã hóa đơn`, `Số
/// tiền` recognized; or the headers given by `columns`, `"code=Mã HĐ,amount=Phải thu"`;
/// empty for the defaults) and adds every invoice as `vietref_reconciler_add_invoice`
/// would. Writes the number added to `*added_out` and a new report to `*report_out`: every
/// finding of every record, its field `"LINE:COLUMN"` (`"3:Số tiền"`, the column as the
/// file names it) or `"LINE"`; a record with an error is not added, the others are. The
/// report is valid when every record was added (its cleaned text is then the number
/// added); it lists at most 100 findings of one code, `text.more_findings` counting the
/// rest. A malformed `columns`, a missing header row or a required column not found is
/// an error finding with nothing added. Amounts accept thousands separators
/// (`1.250.000`).
///
/// The status is `VIETREF_OK` whenever the report was made.
///
/// # Safety
/// `reconciler` is a live reconciler used by no other thread during the call; `data` and
/// `columns` are readable for their lengths (or NULL when the length is 0); `added_out`
/// points to a writable `uint64_t` and `report_out` to a writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_add_invoices_csv(
    reconciler: *mut vietref_reconciler,
    data: *const c_char,
    data_len: usize,
    columns: *const c_char,
    columns_len: usize,
    added_out: *mut u64,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    ffi_boundary!({
        let r = unsafe { handle_mut(reconciler) }?;
        let data = unsafe { bytes_arg(data.cast(), data_len) }?;
        let columns = unsafe { text_arg(columns, columns_len) }?;
        let added_out = unsafe { out_arg(added_out) }?;
        let out = unsafe { out_arg(report_out) }?;
        let (added, report) = add_invoices(r, columns, |cols| {
            crate::reconcile::InvoiceReader::new(Box::new(data) as Box<dyn std::io::Read>, cols)
                .map(|reader| (reader, Vec::new(), None))
        });
        added_out.write(added);
        out.write_report(report);
        Ok(())
    })
}

/// Reads an invoice list as a school's or hospital's system exports it (`format`
/// `VIETREF_STATEMENT_CSV`, `VIETREF_STATEMENT_XLSX` or `VIETREF_STATEMENT_XLS`; the
/// first sheet of a workbook) and adds every invoice as `vietref_reconciler_add_invoice`
/// would. The header row is the first of the first 30 rows naming an invoice code and an
/// amount column (`Mã hóa đơn`, `Mã HS`, `Số tiền`, and optionally `Họ tên phụ huynh`
/// (payer), `Họ tên học sinh` (beneficiary), `Hạn nộp` (due), Vietnamese with or
/// without diacritics, or English), or the headers given by `columns` as for
/// `vietref_reconciler_add_invoices_csv`. Rows before it (a title, the school's name)
/// and totals rows after it are not invoices: each is a `reconcile.row_skipped` warning
/// in the report, its field the row number. Otherwise as
/// `vietref_reconciler_add_invoices_csv`: `*added_out` the number added, the report every
/// finding (field `"ROW:COLUMN"` or `"ROW"`, rows numbered as the spreadsheet numbers
/// them), valid when every record was added.
///
/// The status is `VIETREF_OK` whenever the report was made; a `format` other than those
/// three is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `reconciler` is a live reconciler used by no other thread during the call; `data` and
/// `columns` are readable for their lengths (or NULL when the length is 0); `added_out`
/// points to a writable `uint64_t` and `report_out` to a writable `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_add_invoices(
    reconciler: *mut vietref_reconciler,
    data: *const c_char,
    data_len: usize,
    format: u32,
    columns: *const c_char,
    columns_len: usize,
    added_out: *mut u64,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    use crate::reconcile::TableFormat;
    ffi_boundary!({
        let r = unsafe { handle_mut(reconciler) }?;
        let data = unsafe { bytes_arg(data.cast(), data_len) }?;
        let columns = unsafe { text_arg(columns, columns_len) }?;
        let format = known(match format {
            1 => Some(TableFormat::Csv),
            4 => Some(TableFormat::Xlsx),
            5 => Some(TableFormat::Xls),
            _ => None,
        })?;
        let added_out = unsafe { out_arg(added_out) }?;
        let out = unsafe { out_arg(report_out) }?;
        let (added, report) = add_invoices(r, columns, |cols| {
            let o = crate::reconcile::open_invoices(format, Box::new(data), cols)?;
            Ok((o.reader, o.mapping.skipped_rows, Some(o.late)))
        });
        added_out.write(added);
        out.write_report(report);
        Ok(())
    })
}

/// An invoice reader, the rows skipped before reading and the totals rows skipped while
/// reading.
type OpenedList<'a> = (
    crate::reconcile::InvoiceReader<Box<dyn std::io::Read + 'a>>,
    Vec<crate::reconcile::SkippedRow>,
    Option<std::sync::Arc<std::sync::Mutex<Vec<crate::reconcile::SkippedRow>>>>,
);

/// Adds every invoice of a list opened by `open` (given the parsed `columns`): the number
/// added and the report.
fn add_invoices<'a>(
    r: &mut vietref_reconciler,
    columns: &str,
    open: impl FnOnce(
        &crate::reconcile::Columns,
    ) -> Result<OpenedList<'a>, crate::reconcile::RecordError>,
) -> (u64, Report<Cleaned>) {
    let mut findings = Vec::new();
    let mut added = 0u64;
    let mut failed = false;
    match columns_arg(columns) {
        Err(f) => {
            findings.push(f);
            failed = true;
        }
        Ok(cols) => match open(&cols) {
            Err(e) => {
                findings.extend(e.findings.into_iter().map(|f| at_line(e.line, f)));
                failed = true;
            }
            Ok((mut reader, skipped, late)) => {
                for s in &skipped {
                    findings.push(at_line(s.row, s.finding()));
                }
                // Findings name the list's columns; the names are read before the reader
                // is lent to the reconciler (which may load on several threads).
                let names: Vec<(&str, String)> = crate::reconcile::INVOICE_FIELDS
                    .iter()
                    .map(|f| (*f, reader.column_name(f)))
                    .collect();
                let column_name = |field: &str| {
                    names
                        .iter()
                        .find(|(f, _)| *f == field)
                        .map_or_else(|| field.to_string(), |(_, c)| c.clone())
                };
                r.reconciler
                    .add_invoices_from(&mut reader, |item| match item {
                        Err(e) => {
                            failed = true;
                            findings.extend(e.findings.into_iter().map(|f| at_line(e.line, f)));
                        }
                        Ok((line, result)) => {
                            let (list, ok) = match result {
                                Ok(a) => (a.warnings, true),
                                Err(f) => (f, false),
                            };
                            added += u64::from(ok);
                            failed |= !ok;
                            for mut f in list {
                                f.field = column_name(&f.field).into();
                                findings.push(at_line(line, f));
                            }
                        }
                    });
                if let Some(late) = late {
                    let late = late.lock().map(|l| l.clone()).unwrap_or_default();
                    for s in &late {
                        findings.push(at_line(s.row, s.finding()));
                    }
                }
            }
        },
    }
    crate::finding::cap_per_code(&mut findings, RECORD_FINDINGS_SHOWN);
    let cleaned = (!failed).then(|| Cleaned::Text(added.to_string()));
    (added, Report { findings, cleaned })
}

/// Reads a whole statement export (`format` a `VIETREF_STATEMENT_*` value; `columns` maps
/// CSV headers as for `vietref reconcile --columns`, `"content=Diễn giải,amount=Có"`, empty
/// for the defaults, and may hold `bank=NAME` as `--bank`). CSV (UTF-8, or UTF-16 with a
/// BOM), XLSX and XLS have their header row found past a preamble; preamble and totals
/// rows are reported as `reconcile.row_skipped` warnings, and the mapping used is in the
/// summary JSON (`statementMapping`). Feeds every incoming line to the reconciler, in order. Writes the
/// results (`results_format` a `VIETREF_RESULTS_*` value: one per incoming line, the
/// line being the file's 1-based line, or the position in a JSON array) as a new string
/// to `*results_out`, and a new report to `*report_out` of what was not fed: every
/// outgoing line skipped (`reconcile.outgoing_skipped` warnings) and every record that
/// could not be read (errors), each with its field `"LINE:COLUMN"` or `"LINE"`. The
/// report is valid when no record was rejected. Skipped and rejected lines are counted in
/// `vietref_reconciler_summary_json`. A malformed `columns` or an unreadable header is an
/// error finding and nothing is fed (the results are empty). The report's cleaned text,
/// when it is valid, is the number of lines fed. A report lists at most 100 findings of
/// one code; `text.more_findings` counts the rest.
///
/// The whole statement and its results are held in memory: for an export too large for
/// that, feed its lines one at a time with `vietref_reconciler_feed`.
///
/// The status is `VIETREF_OK` whenever the results and the report were made; an unknown
/// `format` or `results_format` is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `reconciler` is a live reconciler used by no other thread during the call; `data` and
/// `columns` are readable for their lengths (or NULL when the length is 0); `results_out`
/// points to a writable `vietref_string *` and `report_out` to a writable
/// `vietref_report *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_feed_statement(
    reconciler: *mut vietref_reconciler,
    data: *const c_char,
    data_len: usize,
    format: u32,
    columns: *const c_char,
    columns_len: usize,
    results_format: u32,
    results_out: *mut *mut vietref_string,
    report_out: *mut *mut vietref_report,
) -> vietref_status {
    use crate::reconcile::{StatementFormat, StatementReader};
    ffi_boundary!({
        let r = unsafe { handle_mut(reconciler) }?;
        let data = unsafe { bytes_arg(data.cast(), data_len) }?;
        let columns = unsafe { text_arg(columns, columns_len) }?;
        use crate::reconcile::TableFormat;
        let format = known(match format {
            1 => Some(Err(TableFormat::Csv)),
            2 => Some(Ok(StatementFormat::JsonLines)),
            3 => Some(Ok(StatementFormat::Json)),
            4 => Some(Err(TableFormat::Xlsx)),
            5 => Some(Err(TableFormat::Xls)),
            _ => None,
        })?;
        // `bank=NAME` among the columns names the bank (`--bank`).
        let mut bank = None;
        let columns: String = columns
            .split(',')
            .filter(|p| match p.split_once('=') {
                Some((k, v)) if k.trim().eq_ignore_ascii_case("bank") => {
                    bank = Some(v.trim().to_string());
                    false
                }
                _ => true,
            })
            .collect::<Vec<_>>()
            .join(",");
        let csv_out = known(match results_format {
            1 => Some(false),
            2 => Some(true),
            _ => None,
        })?;
        let results_out = unsafe { out_arg(results_out) }?;
        let out = unsafe { out_arg(report_out) }?;
        let mut findings = Vec::new();
        let mut rejected = false;
        let mut fed = 0u64;
        let mut json: Vec<u8> = Vec::new();
        let mut csv = crate::reconcile::CsvWriter::new(Vec::new());
        let cols = columns_arg(&columns).map_err(|f| crate::reconcile::RecordError::one(0, f));
        let mut late = None;
        let reader = cols.and_then(|cols| match format {
            Ok(f) => StatementReader::new(f, Box::new(data) as Box<dyn std::io::Read>, &cols),
            Err(t) => {
                let o =
                    crate::reconcile::open_statement(t, Box::new(data), &cols, bank.as_deref())?;
                for s in &o.mapping.skipped_rows {
                    findings.push(at_line(s.row, s.finding()));
                }
                r.mapping = Some(o.mapping);
                late = Some(o.late);
                Ok(o.reader)
            }
        });
        match reader {
            Err(e) => {
                rejected = true;
                findings.extend(e.findings.into_iter().map(|f| at_line(e.line, f)));
            }
            Ok(mut reader) => {
                // Every line goes to one `feed_records` (codes looked up a batch at a time,
                // on two threads the lines read ahead on the second); results are written
                // in statement order. Once writing fails, no more records are read.
                let write_failed = std::cell::Cell::new(false);
                r.reconciler.feed_records(
                    reader.by_ref(),
                    |res| {
                        fed += 1;
                        let written = if csv_out {
                            csv.write(&res)
                        } else {
                            crate::reconcile::write_json_line(&mut json, &res)
                        };
                        if written.is_err() {
                            write_failed.set(true);
                        }
                    },
                    |other| match other {
                        Ok(sk) => findings.push(at_line(sk.line, sk.finding)),
                        Err(e) => {
                            rejected = true;
                            findings.extend(e.findings.into_iter().map(|f| at_line(e.line, f)));
                        }
                    },
                    || write_failed.get(),
                );
                r.reconciler.add_input_lines(&reader.input_lines());
                if let (Some(late), Some(m)) = (&late, r.mapping.as_mut()) {
                    let late = late.lock().map(|l| l.clone()).unwrap_or_default();
                    for s in &late {
                        findings.push(at_line(s.row, s.finding()));
                    }
                    m.skipped_rows.extend(late);
                }
                if write_failed.get() {
                    return Err(vietref_status::VIETREF_INTERNAL_ERROR);
                }
            }
        }
        let text = if csv_out {
            csv.finish()
                .map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)?
        } else {
            json
        };
        let text = String::from_utf8(text).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)?;
        crate::finding::cap_per_code(&mut findings, RECORD_FINDINGS_SHOWN);
        let cleaned = (!rejected).then(|| Cleaned::Text(fed.to_string()));
        results_out.write_string(text);
        out.write_report(Report { findings, cleaned });
        Ok(())
    })
}

/// Where a string result goes: an owned string or the caller's buffer.
pub(crate) enum Dest {
    Owned(*mut *mut vietref_string),
    Buf(*mut c_char, usize, *mut usize),
}

impl Dest {
    /// Checks the destination, then runs `f` and writes its text.
    pub(crate) unsafe fn run(
        self,
        f: impl FnOnce() -> Result<String, vietref_status>,
    ) -> FfiResult {
        match self {
            Dest::Owned(out) => {
                // SAFETY: forwarded contract.
                let out = unsafe { out_arg(out) }?;
                out.write_string(f()?);
                Ok(())
            }
            Dest::Buf(buf, cap, len_out) => {
                // SAFETY: forwarded contract.
                let buf = unsafe { buf_arg(buf, cap, len_out) }?;
                buf.put(&f()?)
            }
        }
    }
}

pub(crate) fn json<T: serde::Serialize>(v: &T) -> Result<String, vietref_status> {
    serde_json::to_string(v).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
}

/// The counts and totals so far as JSON, a new string owned by the caller: `{"lines",
/// "amount","statuses":[{"status":"paid","lines","amount"},... every status],"skipped",
/// "skippedAmount","rejected","input":{"lines","fed","skipped","rejected"},"invoices",
/// "invoicesSettled","invoicesOverpaid","invoicesPartial","invoicesUnpaid","outstanding"}`
/// (amounts in đồng). `input` counts the physical lines of the statements given to
/// `vietref_reconciler_feed_statement`: every line once, as fed, skipped (header, blank,
/// outgoing) or rejected.
///
/// # Safety
/// `reconciler` is a live reconciler not being changed by another thread; `out` points to
/// a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_summary_json(
    reconciler: *const vietref_reconciler,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let r = unsafe { handle_ref(reconciler) }?;
        unsafe { Dest::Owned(out).run(|| summary_json(r)) }
    })
}

/// `vietref_reconciler_summary_json` into the caller's buffer (see "Caller buffers" in the
/// preamble).
///
/// # Safety
/// `reconciler` is a live reconciler not being changed by another thread; `buf` is
/// writable for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_summary_json_buf(
    reconciler: *const vietref_reconciler,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let r = unsafe { handle_ref(reconciler) }?;
        unsafe { Dest::Buf(buf, cap, len_out).run(|| summary_json(r)) }
    })
}

/// The summary, with `statementMapping` when a CSV/XLSX/XLS statement was fed.
fn summary_json(r: &vietref_reconciler) -> Result<String, vietref_status> {
    let summary = json(&r.reconciler.summary())?;
    match (&r.mapping, summary.strip_suffix('}')) {
        (Some(m), Some(open)) => Ok(format!("{open},\"statementMapping\":{}}}", json(m)?)),
        _ => Ok(summary),
    }
}

fn invoice_json(r: &vietref_reconciler, code: &str) -> Result<String, vietref_status> {
    let state = r
        .reconciler
        .invoice(code)
        .ok_or(vietref_status::VIETREF_NO_VALUE)?;
    json(&state)
}

/// The state of the invoice with code `code` (any written form of it) as JSON, a new string
/// owned by the caller: `{"code","kind","amountDue","paid","payments","outstanding",
/// "status"}` (`status`: `unpaid`, `partial`, `settled`, `overpaid`). `VIETREF_NO_VALUE`
/// when no loaded invoice has that code.
///
/// # Safety
/// `reconciler` is a live reconciler not being changed by another thread; `code` is
/// readable for `code_len` bytes (or NULL when `code_len` is 0); `out` points to a writable
/// `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_invoice_json(
    reconciler: *const vietref_reconciler,
    code: *const c_char,
    code_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let r = unsafe { handle_ref(reconciler) }?;
        let code = unsafe { text_arg(code, code_len) }?;
        unsafe { Dest::Owned(out).run(|| invoice_json(r, code)) }
    })
}

/// `vietref_reconciler_invoice_json` into the caller's buffer.
///
/// # Safety
/// As `vietref_reconciler_invoice_json`, with `buf` writable for `cap` bytes (or NULL when
/// `cap` is 0) and `len_out` pointing to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_reconciler_invoice_json_buf(
    reconciler: *const vietref_reconciler,
    code: *const c_char,
    code_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let r = unsafe { handle_ref(reconciler) }?;
        let code = unsafe { text_arg(code, code_len) }?;
        unsafe { Dest::Buf(buf, cap, len_out).run(|| invoice_json(r, code)) }
    })
}

/// Frees a line result. NULL is accepted and does nothing.
///
/// # Safety
/// `result` is NULL or a live line result, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_free(result: *mut vietref_line_result) {
    ffi_boundary!(on_panic = (); { unsafe { free_handle(result) } })
}

/// Writes the line's status (a `VIETREF_LINE_*` value) to `*status_out`.
///
/// # Safety
/// `result` is a live line result; `status_out` points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_status(
    result: *const vietref_line_result,
    status_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let res = unsafe { handle_ref(result) }?;
        let out = unsafe { out_arg(status_out) }?;
        out.write(res.result.status.number());
        Ok(())
    })
}

/// Which text of a result an accessor returns.
#[derive(Clone, Copy)]
enum Part {
    Invoice,
    Suggestion,
    PossibleTypo,
    Reason(Lang),
    Json,
}

fn part_text(res: &vietref_line_result, part: Part) -> Result<String, vietref_status> {
    let r = &res.result;
    match part {
        Part::Invoice => r.invoice.clone().ok_or(vietref_status::VIETREF_NO_VALUE),
        Part::Suggestion => r.suggestion.clone().ok_or(vietref_status::VIETREF_NO_VALUE),
        Part::PossibleTypo => r
            .possible_typo
            .clone()
            .ok_or(vietref_status::VIETREF_NO_VALUE),
        Part::Reason(Lang::En) => Ok(r.reason()),
        Part::Reason(Lang::Vi) => Ok(r.reason_vi()),
        Part::Json => json(r),
    }
}

unsafe fn result_text(result: *const vietref_line_result, part: Part, dest: Dest) -> FfiResult {
    // SAFETY: forwarded contracts.
    let res = unsafe { handle_ref(result) }?;
    unsafe { dest.run(|| part_text(res, part)) }
}

/// The code of the invoice the line was applied to (electronic form), as a new string owned
/// by the caller; `VIETREF_NO_VALUE` unless the status is `PAID`, `PARTIAL`, `OVERPAID` or
/// `DUPLICATE`.
///
/// # Safety
/// `result` is a live line result; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_invoice(
    result: *const vietref_line_result,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { result_text(result, Part::Invoice, Dest::Owned(out)) } })
}

/// `vietref_line_result_invoice` into the caller's buffer.
///
/// # Safety
/// `result` is a live line result; `buf` is writable for `cap` bytes (or NULL when `cap` is
/// 0); `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_invoice_buf(
    result: *const vietref_line_result,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { result_text(result, Part::Invoice, Dest::Buf(buf, cap, len_out)) } })
}

/// For an `UNMATCHED` line: the code of the one open invoice that a name and the exact
/// amount point to, as a new string owned by the caller (for a person to confirm; the line
/// was not applied). `VIETREF_NO_VALUE` when there is none.
///
/// # Safety
/// `result` is a live line result; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_suggestion(
    result: *const vietref_line_result,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { result_text(result, Part::Suggestion, Dest::Owned(out)) } })
}

/// `vietref_line_result_suggestion` into the caller's buffer.
///
/// # Safety
/// As `vietref_line_result_invoice_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_suggestion_buf(
    result: *const vietref_line_result,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe { result_text(result, Part::Suggestion, Dest::Buf(buf, cap, len_out)) }
    })
}

/// For an `UNMATCHED` line: the code of the one open invoice whose code is one digit
/// changed (or two adjacent digits swapped) away from a code in the content whose check
/// digits fail, as a new string owned by the caller (a possible typo, for a person to
/// confirm; the line was not applied). `VIETREF_NO_VALUE` when there is none (the JSON's
/// `evidence.typo` says how many invoices were one edit away).
///
/// # Safety
/// `result` is a live line result; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_possible_typo(
    result: *const vietref_line_result,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { result_text(result, Part::PossibleTypo, Dest::Owned(out)) } })
}

/// `vietref_line_result_possible_typo` into the caller's buffer.
///
/// # Safety
/// As `vietref_line_result_invoice_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_possible_typo_buf(
    result: *const vietref_line_result,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        unsafe { result_text(result, Part::PossibleTypo, Dest::Buf(buf, cap, len_out)) }
    })
}

/// Why the line got its status, in `lang` (`VIETREF_LANG_EN` or `VIETREF_LANG_VI`), as a
/// new string owned by the caller. An unknown `lang` is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `result` is a live line result; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_reason(
    result: *const vietref_line_result,
    lang: u32,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let part = Part::Reason(known(Lang::from_u32(lang))?);
        unsafe { result_text(result, part, Dest::Owned(out)) }
    })
}

/// `vietref_line_result_reason` into the caller's buffer.
///
/// # Safety
/// As `vietref_line_result_invoice_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_reason_buf(
    result: *const vietref_line_result,
    lang: u32,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let part = Part::Reason(known(Lang::from_u32(lang))?);
        unsafe { result_text(result, part, Dest::Buf(buf, cap, len_out)) }
    })
}

/// The whole result as JSON (the line `vietref reconcile` writes, without the newline), a
/// new string owned by the caller: `line`, `status` (`paid`, `partial`, `overpaid`,
/// `duplicate`, `unknown_code`, `ambiguous`, `unmatched`), `invoice`, `suggestion`,
/// `amount`, `reason`, `reasonVi`, `content`, `evidence` {`codes` [{`code`, `kind`, `span`,
/// `text`, `known`}], `amountDue`, `paidBefore`, `paidAfter`, `outstanding`, `excess`,
/// `settledByLine`, `sameReference`, `due`, `late`, `names`, `nameCandidates`: each when
/// it applies}, and `reference`, `date`, `counterName` when given.
///
/// # Safety
/// `result` is a live line result; `out` points to a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_json(
    result: *const vietref_line_result,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { result_text(result, Part::Json, Dest::Owned(out)) } })
}

/// `vietref_line_result_json` into the caller's buffer.
///
/// # Safety
/// As `vietref_line_result_invoice_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_line_result_json_buf(
    result: *const vietref_line_result,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { result_text(result, Part::Json, Dest::Buf(buf, cap, len_out)) } })
}
