//! Statement files as banks export them: XLSX and XLS workbooks (read with `calamine`),
//! CSV in UTF-8 (with or without BOM) or UTF-16 with a BOM, a preamble before the header
//! row and totals rows after the table.
//!
//! Every table is turned into the CSV the statement reader ([`StatementReader::csv`])
//! takes, row for line: row `n` of the sheet is line `n` of that text, so line numbers in
//! results and findings are the spreadsheet's row numbers. Rows before the header row and
//! totals rows become empty lines (skipped, and listed in [`StatementMapping::skipped_rows`]);
//! a line break inside a cell becomes a space.
//!
//! # Memory
//! - CSV: streamed; only the first rows (at most [`HEADER_SEARCH_ROWS`] lines or 256 KiB)
//!   are held while the header row is looked for.
//! - XLSX: the shared-strings table is held, and the file's bytes (compressed) unless it
//!   is opened with [`open_statement_file`] (read where it lies); the sheet's
//!   cells are streamed (`calamine`'s cell reader, on a thread of its own, a bounded queue
//!   of rows between it and the reader), so memory does not grow with the row count beyond
//!   the shared strings.
//! - XLS: `calamine` reads the whole sheet into memory (its XLS reader has no streaming).

use super::header::{
    bank_preset, columns_of, has_names, invoice_columns_of, is_header, is_invoice_header,
    is_invoice_total_row, is_total_row, SkippedRow, HEADER_NAMES, HEADER_SEARCH_ROWS,
    INVOICE_HEADER_NAMES,
};
use super::read::{Columns, InvoiceReader, StatementReader};
use super::RecordError;
use crate::finding::{Code, Finding};
use serde::Serialize;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::{mpsc, Arc, Mutex};

/// A statement file's kind, for [`open_statement`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// CSV (`,` `;` or tab), UTF-8 or UTF-16 with BOM.
    Csv,
    /// Excel 2007+ workbook (first sheet).
    Xlsx,
    /// Excel 97-2003 workbook (first sheet).
    Xls,
}

impl TableFormat {
    /// The kind a file name's extension tells (`.csv`, `.xlsx`, `.xlsm`, `.xls`).
    pub fn from_path(path: &str) -> Option<TableFormat> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "txt" => Some(TableFormat::Csv),
            "xlsx" | "xlsm" => Some(TableFormat::Xlsx),
            "xls" => Some(TableFormat::Xls),
            _ => None,
        }
    }

    /// The kind the first bytes show: a zip archive (`PK\x03\x04`) is XLSX, an OLE
    /// compound file (`D0 CF 11 E0`) is XLS.
    pub fn sniff(head: &[u8]) -> Option<TableFormat> {
        if head.starts_with(b"PK\x03\x04") {
            Some(TableFormat::Xlsx)
        } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            Some(TableFormat::Xls)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
            TableFormat::Xls => "xls",
        }
    }
}

/// One column of the mapping used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MappedColumn {
    /// The statement field (`date`, `credit`, `content`, ...).
    pub field: String,
    /// 1-based column number.
    pub column: usize,
    /// The header cell's text.
    pub header: String,
}

/// How a statement file was read: what the summary and stderr show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementMapping {
    /// `csv`, `xlsx` or `xls`.
    pub format: String,
    /// The text encoding (CSV): `UTF-8`, `UTF-8 with BOM`, `UTF-16LE with BOM`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The sheet read (workbooks: the first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The `--bank` preset named, and where its layout comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank: Option<String>,
    /// 1-based row of the header row.
    pub header_row: u64,
    /// The columns used, field by field.
    pub columns: Vec<MappedColumn>,
    /// Rows skipped as not transactions: the preamble before the header row and totals
    /// rows after it.
    pub skipped_rows: Vec<SkippedRow>,
}

impl std::fmt::Display for StatementMapping {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.format)?;
        if let Some(e) = &self.encoding {
            write!(f, " ({e})")?;
        }
        if let Some(s) = &self.sheet {
            write!(f, ", sheet {s:?}")?;
        }
        if let Some(b) = &self.bank {
            write!(f, ", bank {b}")?;
        }
        write!(f, ", header row {}:", self.header_row)?;
        for (i, c) in self.columns.iter().enumerate() {
            let sep = if i == 0 { " " } else { ", " };
            write!(f, "{sep}{}={:?} (column {})", c.field, c.header, c.column)?;
        }
        Ok(())
    }
}

/// A statement opened by [`open_statement`]: its reader and the mapping used.
pub struct OpenedStatement<'a> {
    /// The records, as [`StatementReader`] gives them.
    pub reader: StatementReader<Box<dyn Read + 'a>>,
    /// The mapping as known when the statement was opened (preamble rows skipped).
    pub mapping: StatementMapping,
    /// Totals rows skipped while reading (shared with the reader).
    pub late: Arc<Mutex<Vec<SkippedRow>>>,
}

impl std::fmt::Debug for OpenedStatement<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenedStatement")
            .field("mapping", &self.mapping())
            .finish()
    }
}

impl OpenedStatement<'_> {
    /// The mapping used, with the totals rows skipped so far.
    pub fn mapping(&self) -> StatementMapping {
        let mut m = self.mapping.clone();
        if let Ok(late) = self.late.lock() {
            m.skipped_rows.extend(late.iter().cloned());
        }
        m
    }
}

/// `reconcile.sheet_invalid`: calamine's message in English; in Vietnamese, what it means
/// for the user (the file is damaged or not an Excel workbook).
fn sheet_error(detail: impl std::fmt::Display) -> RecordError {
    RecordError::one(
        1,
        Finding::new(Code::ReconcileSheetInvalid, "").detail_both(
            detail.to_string(),
            "tệp bị hỏng hoặc không phải bảng tính Excel (XLSX, XLS)",
        ),
    )
}

/// Opens a statement file: finds its header row (the first of the first
/// [`HEADER_SEARCH_ROWS`] rows that names a date, an amount or credit/debit and a
/// content column; with `columns` mapped by name, the first row holding those names),
/// maps the columns (`columns` first, then the known header names), and returns a
/// reader of its records. `bank` names a [`super::header::BANK_PRESETS`] entry.
pub fn open_statement<'a>(
    format: TableFormat,
    input: Box<dyn Read + 'a>,
    columns: &Columns,
    bank: Option<&str>,
) -> Result<OpenedStatement<'a>, RecordError> {
    open_source(format, Source::Stream(input), columns, bank)
}

/// As [`open_statement`], from a file: a workbook is read from the file where it lies
/// (calamine seeks in it) instead of being read into memory first.
pub fn open_statement_file(
    format: TableFormat,
    file: std::fs::File,
    columns: &Columns,
    bank: Option<&str>,
) -> Result<OpenedStatement<'static>, RecordError> {
    open_source(format, Source::File(file), columns, bank)
}

/// An invoice list opened by [`open_invoices`]: its reader and the mapping used.
pub struct OpenedInvoices<'a> {
    /// The invoices, as [`InvoiceReader`] gives them (line numbers are row numbers).
    pub reader: InvoiceReader<Box<dyn Read + 'a>>,
    /// The mapping as known when the list was opened (preamble rows skipped).
    pub mapping: StatementMapping,
    /// Totals rows skipped while reading (shared with the reader).
    pub late: Arc<Mutex<Vec<SkippedRow>>>,
}

impl std::fmt::Debug for OpenedInvoices<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenedInvoices")
            .field("mapping", &self.mapping())
            .finish()
    }
}

impl OpenedInvoices<'_> {
    /// The mapping used, with the totals rows skipped so far.
    pub fn mapping(&self) -> StatementMapping {
        let mut m = self.mapping.clone();
        if let Ok(late) = self.late.lock() {
            m.skipped_rows.extend(late.iter().cloned());
        }
        m
    }
}

/// Opens an invoice list as a school's or hospital's system exports it (CSV, XLSX or
/// XLS): the header row is the first of the first [`HEADER_SEARCH_ROWS`] rows naming an
/// invoice code and an amount column ([`super::header::INVOICE_HEADER_NAMES`]: `Mã hóa
/// đơn`, `Mã HS`, `Số tiền`, `Họ tên phụ huynh`, `Họ tên học sinh`, `Hạn nộp`, ...; with
/// `columns` mapped by name, the first row holding those names); rows before it
/// (a title, the school's name) and totals rows after it (`Tổng cộng` with no code) are
/// skipped and listed in the mapping, never read as invoices.
pub fn open_invoices<'a>(
    format: TableFormat,
    input: Box<dyn Read + 'a>,
    columns: &Columns,
) -> Result<OpenedInvoices<'a>, RecordError> {
    open_invoice_source(format, Source::Stream(input), columns)
}

/// As [`open_invoices`], from a file (a workbook is read where it lies).
pub fn open_invoices_file(
    format: TableFormat,
    file: std::fs::File,
    columns: &Columns,
) -> Result<OpenedInvoices<'static>, RecordError> {
    open_invoice_source(format, Source::File(file), columns)
}

fn open_invoice_source<'a>(
    format: TableFormat,
    input: Source<'a>,
    columns: &Columns,
) -> Result<OpenedInvoices<'a>, RecordError> {
    let t = open_table(format, input, columns, None, Kind::Invoices)?;
    let reader = InvoiceReader::with_delimiter(t.text, &t.columns, t.delimiter)?;
    Ok(OpenedInvoices {
        reader,
        mapping: t.mapping,
        late: t.late,
    })
}

enum Source<'a> {
    Stream(Box<dyn Read + 'a>),
    File(std::fs::File),
}

impl<'a> Source<'a> {
    fn stream(self) -> Box<dyn Read + 'a> {
        match self {
            Source::Stream(r) => r,
            Source::File(f) => Box::new(f),
        }
    }
}

fn open_source<'a>(
    format: TableFormat,
    input: Source<'a>,
    columns: &Columns,
    bank: Option<&str>,
) -> Result<OpenedStatement<'a>, RecordError> {
    let t = open_table(format, input, columns, bank, Kind::Statement)?;
    let reader = StatementReader::csv_with_delimiter(t.text, &t.columns, t.delimiter)?;
    Ok(OpenedStatement {
        reader,
        mapping: t.mapping,
        late: t.late,
    })
}

/// Which table a file holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Statement,
    Invoices,
}

impl Kind {
    fn is_header(self, row: &[String]) -> bool {
        match self {
            Kind::Statement => is_header(row),
            Kind::Invoices => is_invoice_header(row),
        }
    }

    fn columns_of(self, row: &[String]) -> Vec<Option<usize>> {
        match self {
            Kind::Statement => columns_of(row),
            Kind::Invoices => invoice_columns_of(row),
        }
    }

    fn names(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            Kind::Statement => HEADER_NAMES,
            Kind::Invoices => INVOICE_HEADER_NAMES,
        }
    }

    /// The totals-row test and the column it keys on (statements: the date; invoice
    /// lists: the code).
    fn total_test(self) -> TotalTest {
        match self {
            Kind::Statement => is_total_row,
            Kind::Invoices => is_invoice_total_row,
        }
    }
}

type TotalTest = fn(&[String], Option<usize>) -> bool;

/// A table opened: its rows as CSV text (row for line), and how it was read.
struct Table<'a> {
    text: Box<dyn Read + 'a>,
    delimiter: u8,
    columns: Columns,
    mapping: StatementMapping,
    late: Arc<Mutex<Vec<SkippedRow>>>,
}

fn open_table<'a>(
    format: TableFormat,
    input: Source<'a>,
    columns: &Columns,
    bank: Option<&str>,
    kind: Kind,
) -> Result<Table<'a>, RecordError> {
    let preset = match bank {
        None => None,
        Some(b) => Some(bank_preset(b).ok_or_else(|| {
            let names: Vec<&str> = super::header::BANK_PRESETS.iter().map(|p| p.name).collect();
            RecordError::one(
                0,
                Finding::new(Code::ReconcileColumnsInvalid, "bank").detail_both(
                    format!("unknown bank {b:?}; known: {}", names.join(", ")),
                    format!(
                        "không biết ngân hàng {b:?}; các ngân hàng: {}",
                        names.join(", ")
                    ),
                ),
            )
        })?),
    };
    let mut columns = columns.clone();
    if columns.is_empty() {
        if let Some(p) = preset.filter(|p| !p.columns.is_empty()) {
            columns = p.columns.parse().map_err(|f| RecordError::one(0, f))?;
        }
    }
    let mut mapping = StatementMapping {
        format: format.name().to_string(),
        bank: preset.map(|p| format!("{}: {}", p.name, p.source)),
        ..StatementMapping::default()
    };
    let late = Arc::new(Mutex::new(Vec::new()));
    // CSV: the first lines, raw, for the statement reader to read again after them.
    let mut csv_tail: Option<CsvTail<'a>> = None;
    let rows: RowSource<'a> = match format {
        TableFormat::Csv => {
            let (enc, text) = decode(input.stream())?;
            mapping.encoding = Some(enc);
            let mut br = BufReader::with_capacity(1 << 16, text);
            let mut raw = Vec::new();
            let mut lines = 0;
            while lines < HEADER_SEARCH_ROWS && raw.len() < 256 << 10 {
                let n = br.read_until(b'\n', &mut raw).map_err(|e| {
                    RecordError::one(
                        1,
                        Finding::new(Code::ReconcileEncoding, "").detail(e.to_string()),
                    )
                })?;
                if n == 0 {
                    break;
                }
                lines += 1;
            }
            let mut rows = CsvRows::new(Box::new(io::Cursor::new(raw.clone())));
            if kind == Kind::Invoices {
                rows.is_header = is_invoice_header;
            }
            csv_tail = Some((raw, br));
            Box::new(WholeRows(rows))
        }
        TableFormat::Xlsx => {
            let (name, rx) = match input {
                Source::File(f) => xlsx_rows(BufReader::with_capacity(1 << 16, f))?,
                Source::Stream(mut r) => {
                    let mut bytes = Vec::new();
                    r.read_to_end(&mut bytes).map_err(sheet_error)?;
                    xlsx_rows(io::Cursor::new(bytes))?
                }
            };
            mapping.sheet = Some(name);
            Box::new(rx)
        }
        TableFormat::Xls => {
            let mut bytes = Vec::new();
            input
                .stream()
                .read_to_end(&mut bytes)
                .map_err(sheet_error)?;
            let (name, rows) = xls_rows(bytes)?;
            mapping.sheet = Some(name);
            Box::new(WholeRows(rows.into_iter().map(Ok)))
        }
    };
    let mut rows = rows;
    // The first rows, to find the header row in.
    let mut head: Vec<Vec<String>> = Vec::new();
    let mut row = Vec::new();
    while head.len() < HEADER_SEARCH_ROWS {
        match rows.next_row(&mut row) {
            None => break,
            Some(r) => r.map_err(sheet_error)?,
        }
        head.push(std::mem::take(&mut row));
    }
    let named = columns.header_names();
    let header_at = if !named.is_empty() {
        head.iter().position(|r| has_names(r, &named))
    } else if columns.is_empty() {
        head.iter().position(|r| kind.is_header(r))
    } else {
        Some(0)
    };
    let h = header_at.unwrap_or_else(|| {
        // No row qualifies: the first non-empty one, whose columns the statement reader
        // then names as missing.
        head.iter()
            .position(|r| r.iter().any(|c| !c.trim().is_empty()))
            .unwrap_or(0)
    });
    let header_row: Vec<String> = head.get(h).cloned().unwrap_or_default();
    mapping.header_row = h as u64 + 1;
    for (i, r) in head.iter().enumerate().take(h) {
        if r.iter().any(|c| !c.trim().is_empty()) {
            mapping
                .skipped_rows
                .push(SkippedRow::new(i as u64 + 1, "preamble", r));
        }
    }
    let found = kind.columns_of(&header_row);
    if columns.is_empty() {
        for (f, c) in found.iter().enumerate() {
            if let (Some(c), Some((name, _))) = (c, kind.names().get(f)) {
                columns = columns.with(name, &(c + 1).to_string());
            }
        }
    }
    let key_field = kind.names()[0].0;
    let date_col = columns
        .column_of(key_field, &header_row)
        .or_else(|| found.first().copied().flatten());
    for (field, _) in kind.names() {
        if let Some(c) = columns.column_of(field, &header_row) {
            mapping.columns.push(MappedColumn {
                field: field.to_string(),
                column: c + 1,
                header: header_row.get(c).cloned().unwrap_or_default(),
            });
        }
    }
    let (text, delimiter): (Box<dyn Read + 'a>, u8) = match csv_tail {
        Some((raw, rest)) => {
            let header_line = raw.split(|&b| b == b'\n').nth(h).unwrap_or(&[]);
            let delimiter = super::csv::detect_delimiter(header_line);
            let mut filter = TotalsFilter::new(
                io::Cursor::new(raw).chain(rest),
                h,
                date_col,
                kind.total_test(),
                delimiter,
            );
            filter.late = Arc::clone(&late);
            (Box::new(filter), delimiter)
        }
        None => {
            let text = RowsText {
                head: head.into_iter(),
                rest: rows,
                header: h,
                row_n: 0,
                row: Vec::new(),
                line: String::new(),
                date_col,
                total: kind.total_test(),
                late: Arc::clone(&late),
                buf: Vec::new(),
                pos: 0,
                width: 0,
            };
            (Box::new(text), b',')
        }
    };
    Ok(Table {
        text,
        delimiter,
        columns,
        mapping,
        late,
    })
}

/// The raw first lines of a CSV and the reader of the rest.
type CsvTail<'a> = (Vec<u8>, BufReader<Box<dyn Read + 'a>>);
/// Rows from a workbook's thread.
type RowSource<'a> = Box<dyn NextRow + 'a>;

/// A source of rows that fills a caller's row, reusing its strings (a workbook's rows
/// are read without an allocation per cell).
trait NextRow {
    /// The next row into `out` (its cells cleared and refilled); `None` at the end.
    fn next_row(&mut self, out: &mut Vec<String>) -> Option<Result<(), String>>;
}

/// Rows given whole (CSV's first lines, XLS).
struct WholeRows<I>(I);

impl<I: Iterator<Item = Result<Vec<String>, String>>> NextRow for WholeRows<I> {
    fn next_row(&mut self, out: &mut Vec<String>) -> Option<Result<(), String>> {
        Some(self.0.next()?.map(|r| *out = r))
    }
}

/// Fills `out` with `cells`, reusing its strings.
fn fill_row<'c>(out: &mut Vec<String>, cells: impl Iterator<Item = &'c str>) {
    let mut n = 0;
    for c in cells {
        if let Some(s) = out.get_mut(n) {
            s.clear();
            s.push_str(c);
        } else {
            out.push(c.to_string());
        }
        n += 1;
    }
    out.truncate(n);
}

/// Rows of cells in one text buffer: what a workbook's thread hands over at a time.
#[derive(Default)]
struct FlatRows {
    text: String,
    /// End offset in `text` of every cell.
    cells: Vec<usize>,
    /// End index in `cells` of every row.
    rows: Vec<usize>,
}

struct RowQueue {
    rx: mpsc::Receiver<Result<FlatRows, String>>,
    batch: FlatRows,
    /// The next row of `batch`.
    at: usize,
    failed: bool,
}

/// Rows handed from a workbook's thread at a time.
const ROW_BATCH: usize = 512;

impl NextRow for RowQueue {
    fn next_row(&mut self, out: &mut Vec<String>) -> Option<Result<(), String>> {
        while self.at >= self.batch.rows.len() {
            if self.failed {
                return None;
            }
            match self.rx.recv().ok()? {
                Ok(b) => {
                    self.batch = b;
                    self.at = 0;
                }
                Err(e) => {
                    self.failed = true;
                    return Some(Err(e));
                }
            }
        }
        let b = &self.batch;
        let first = if self.at == 0 { 0 } else { b.rows[self.at - 1] };
        let last = b.rows[self.at];
        self.at += 1;
        let cells = (first..last).map(|i| {
            let start = if i == 0 { 0 } else { b.cells[i - 1] };
            b.text.get(start..b.cells[i]).unwrap_or("")
        });
        fill_row(out, cells);
        Some(Ok(()))
    }
}

/// The rows as CSV text, row for line.
struct RowsText<'a> {
    head: std::vec::IntoIter<Vec<String>>,
    rest: RowSource<'a>,
    header: usize,
    /// The next row's index (0-based).
    row_n: usize,
    /// The row being read (its strings reused from row to row).
    row: Vec<String>,
    /// The CSV line being written.
    line: String,
    date_col: Option<usize>,
    total: TotalTest,
    late: Arc<Mutex<Vec<SkippedRow>>>,
    buf: Vec<u8>,
    pos: usize,
    /// The header row's width.
    width: usize,
}

impl RowsText<'_> {
    fn fill(&mut self) -> io::Result<bool> {
        self.buf.clear();
        self.pos = 0;
        // Several rows at a time.
        while self.buf.len() < 1 << 15 {
            let mut row = std::mem::take(&mut self.row);
            match self.head.next() {
                Some(r) => row = r,
                None => match self.rest.next_row(&mut row) {
                    Some(Ok(())) => {}
                    Some(Err(e)) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
                    None => break,
                },
            }
            let n = self.row_n;
            self.row_n += 1;
            if n == self.header {
                self.width = row.len();
            } else if n > self.header && row.len() < self.width {
                // A sheet stores no empty cells at the end of a row.
                row.resize(self.width, String::new());
            }
            if n < self.header {
                self.buf.push(b'\n');
            } else if n > self.header && (self.total)(&row, self.date_col) {
                if let Ok(mut l) = self.late.lock() {
                    l.push(SkippedRow::new(n as u64 + 1, "total", &row));
                }
                self.buf.push(b'\n');
            } else {
                let line = &mut self.line;
                line.clear();
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        line.push(',');
                    }
                    if cell.contains(['\n', '\r']) {
                        let flat: String = cell
                            .chars()
                            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                            .collect();
                        super::csv::write_field(line, &flat, ',');
                    } else {
                        super::csv::write_field(line, cell, ',');
                    }
                }
                self.buf.extend_from_slice(line.as_bytes());
                self.buf.push(b'\n');
            }
            self.row = row;
        }
        Ok(!self.buf.is_empty())
    }
}

impl Read for RowsText<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.buf.len() && !self.fill()? {
            return Ok(0);
        }
        let avail = self.buf.get(self.pos..).unwrap_or(&[]);
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.pos += n;
        Ok(n)
    }
}

// ---------------------------------------------------------------------------------------
// CSV: encodings, and rows.

/// CSV text passed through to the statement reader, a block of lines at a time: lines
/// before the header row and totals rows after it are given as empty lines (so line
/// numbers do not move). Only a line that starts and ends outside a quoted field, and that
/// [`may_be_total`] lets through, is split into cells and checked with the totals test;
/// the others pass as they are, without being copied on their own.
struct TotalsFilter<R> {
    inner: R,
    /// The line (0-based) that the next complete line in `buf` is.
    line: usize,
    header: usize,
    date_col: Option<usize>,
    total: TotalTest,
    delimiter: u8,
    /// Whether the text read so far ends inside a quoted field.
    quoted: bool,
    late: Arc<Mutex<Vec<SkippedRow>>>,
    /// `buf[pos..ready]`: filtered lines not yet handed out; `buf[ready..end]`: the start
    /// of a line whose end has not been read yet; `buf[end..]`: room for the next read
    /// (zeroed once, when the buffer grows, not at every read).
    buf: Vec<u8>,
    pos: usize,
    ready: usize,
    end: usize,
    eof: bool,
    /// Of the line being scanned (read up to where the input has been read): whether it
    /// has held an odd number of quotes, and whether a piece of it (see [`may_be_total`])
    /// may start a totals word by its first bytes ([`piece_cannot_start`]).
    odd: bool,
    maybe: bool,
}

/// Bytes read from the input at a time.
const FILTER_BLOCK: usize = 1 << 16;

impl<R: Read> TotalsFilter<R> {
    fn new(
        inner: R,
        header: usize,
        date_col: Option<usize>,
        total: TotalTest,
        delimiter: u8,
    ) -> Self {
        TotalsFilter {
            inner,
            line: 0,
            header,
            date_col,
            total,
            delimiter,
            quoted: false,
            late: Arc::new(Mutex::new(Vec::new())),
            buf: Vec::new(),
            pos: 0,
            ready: 0,
            end: 0,
            eof: false,
            odd: false,
            maybe: false,
        }
    }

    /// Reads until at least one whole line (or the end of the input) is ready, and
    /// filters the lines read.
    fn fill(&mut self) -> io::Result<()> {
        self.buf.copy_within(self.ready..self.end, 0);
        self.end -= self.ready;
        self.pos = 0;
        self.ready = 0;
        while self.ready == 0 && !self.eof {
            let had = self.end;
            if self.buf.len() < had + FILTER_BLOCK {
                self.buf.resize(had + FILTER_BLOCK, 0);
            }
            let n = loop {
                match self.inner.read(&mut self.buf[had..had + FILTER_BLOCK]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    r => break r,
                }
            };
            let n = n?;
            self.end = had + n;
            self.eof = n == 0;
            self.filter_lines(had);
        }
        Ok(())
    }

    /// Filters the whole lines of `buf[ready..]` (`from` is where the bytes just read
    /// start: no line end before it), in place, and moves `ready` past them. At the end of
    /// the input a last line without a line end counts as whole.
    fn filter_lines(&mut self, from: usize) {
        let (mut read, mut write) = (self.ready, self.ready);
        let mut scan = from;
        let delimiter = self.delimiter;
        loop {
            // The line's end, its quotes and the first bytes of its pieces, in one search
            // for the three bytes (issue 23: the line end, the quotes and the pieces were
            // three searches over the line).
            let found = loop {
                let Some(i) = memchr::memchr3(b'\n', b'"', delimiter, &self.buf[scan..self.end])
                else {
                    break None;
                };
                let at = scan + i;
                scan = at + 1;
                match self.buf[at] {
                    b'\n' => break Some(scan),
                    b'"' => self.odd = !self.odd,
                    _ => {
                        if !self.maybe && !piece_cannot_start(&self.buf[scan..self.end], delimiter)
                        {
                            self.maybe = true;
                        }
                    }
                }
            };
            let end = match found {
                Some(end) => end,
                None if self.eof && read < self.end => self.end,
                None => break,
            };
            scan = end;
            let keep = self.keep_line(read, end);
            (self.odd, self.maybe) = (false, false);
            if keep {
                // Lines move only once one before them in the block was emptied.
                if write != read {
                    self.buf.copy_within(read..end, write);
                }
                write += end - read;
            } else {
                self.buf[write] = b'\n';
                write += 1;
            }
            read = end;
        }
        // The start of the next line follows the lines kept.
        if write != read {
            self.buf.copy_within(read..self.end, write);
            self.end -= read - write;
        }
        self.ready = write;
    }

    /// Whether the line `buf[start..end]` is passed on (else it is given as an empty line);
    /// a totals row is recorded as skipped.
    fn keep_line(&mut self, start: usize, end: usize) -> bool {
        let at = self.line;
        self.line += 1;
        let text = &self.buf[start..end];
        let starts_outside = !self.quoted;
        if self.odd {
            self.quoted = !self.quoted;
        }
        if at < self.header {
            return !starts_outside;
        }
        // Every piece that cannot start a totals word by its first bytes: no piece can
        // (what may_be_total would find, without a second look at the line).
        let maybe = self.maybe || !piece_cannot_start(text, self.delimiter);
        if at == self.header
            || !starts_outside
            || self.quoted
            || !maybe
            || !may_be_total(text, self.delimiter)
        {
            return true;
        }
        let line = String::from_utf8_lossy(text);
        let cells = split_csv_line(line.trim_end_matches(['\n', '\r']), self.delimiter);
        if !(self.total)(&cells, self.date_col) {
            return true;
        }
        if let Ok(mut l) = self.late.lock() {
            l.push(SkippedRow::new(at as u64 + 1, "total", &cells));
        }
        false
    }
}

/// Whether a CSV line may be a totals row: whether some cell of it may start, as
/// [`header_key`](super::header::header_key) folds it (letters and digits only), with one
/// of the totals words ([`TOTAL_WORDS`](super::header::TOTAL_WORDS)). Every line of a
/// statement and of an invoice list goes through this test, and only the lines it passes
/// are split into cells; so it must pass every line the totals tests accept (a property
/// test holds it to that), and it mostly looks at the first letter of each cell.
///
/// The line is cut at every delimiter, quoted or not, into pieces; a cell is one piece or,
/// when quoted delimiters are in it, several, and its key is their keys one after the
/// other. So a piece passes the line when its key starts with a word, and also when it is a
/// start of a word that a following piece might complete.
fn may_be_total(line: &[u8], delimiter: u8) -> bool {
    use super::header::TOTAL_WORDS;
    let mut start = 0;
    loop {
        let rest = line.get(start..).unwrap_or(&[]);
        let len = memchr::memchr(delimiter, rest).unwrap_or(rest.len());
        let piece = rest.get(..len).unwrap_or(&[]);
        // Most pieces are decided by their first bytes, without a call (issue 23).
        let cannot = piece.is_empty() || piece_cannot_start(rest, delimiter);
        if !cannot && word_may_start(piece, &TOTAL_WORDS, &TOTAL_FIRSTS) {
            return true;
        }
        if len == rest.len() {
            return false;
        }
        start += len + 1;
    }
}

/// Whether the piece at the start of `rest` (up to the next `delimiter` or `\n`) surely cannot start
/// a totals word ([`word_may_start`] is false for it), told by its first characters: it is
/// empty (a delimiter or a line end follows at once, after one quote at most), or its first
/// one or two characters, letters or digits at its start or after one quote, start no
/// totals word (`Trần`, `CHUYEN`, `Đặng`). `false` when unsure: another character comes
/// first (a space, punctuation), or `rest` ends too soon.
#[inline]
fn piece_cannot_start(rest: &[u8], delimiter: u8) -> bool {
    let mut at = usize::from(rest.first() == Some(&b'"'));
    let mut alive = u32::MAX;
    for k in 0..2 {
        let (len, key) = match rest.get(at) {
            None => return false,
            Some(&b) if b.is_ascii_alphanumeric() => (1, b.to_ascii_uppercase()),
            // Empty: the line ends (a piece holds `\n` only at the line's end), or the
            // next piece starts.
            Some(&b)
                if k == 0
                    && (b == delimiter
                        || b == b'\n'
                        || (b == b'\r' && rest.get(at + 1) == Some(&b'\n'))) =>
            {
                return true
            }
            Some(&b) if b.is_ascii() => return false,
            Some(_) => match char_key(rest, at) {
                Some((len, key)) if key != 0 => (len, key),
                _ => return false,
            },
        };
        let table = if k == 0 {
            &TOTAL_FIRSTS
        } else {
            &TOTAL_SECONDS
        };
        alive &= table[usize::from(key & 0x7F)];
        if alive == 0 {
            return true;
        }
        at += len;
    }
    false
}

/// For each upper-case ASCII letter, the words of `words` it starts (bit i: `words[i]`).
const fn first_letters(words: &[&str]) -> [u32; 128] {
    letters_at(words, 0)
}

/// For each upper-case ASCII letter, the words of `words` that have it at byte `k`.
const fn letters_at(words: &[&str], k: usize) -> [u32; 128] {
    let mut m = [0u32; 128];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        // A word shorter than three letters would be whole within the two letters that
        // piece_cannot_start reads.
        assert!(w.len() >= 3);
        m[w[k] as usize] |= 1 << i;
        i += 1;
    }
    m
}

/// The totals words by their second letter (see [`letters_at`]).
const TOTAL_SECONDS: [u32; 128] = letters_at(&super::header::TOTAL_WORDS, 1);

/// [`first_letters`] of the totals words (one bit each in a `u32`).
const _: () = assert!(super::header::TOTAL_WORDS.len() <= 32);
/// [`first_letters`] of the totals words.
const TOTAL_FIRSTS: [u32; 128] = first_letters(&super::header::TOTAL_WORDS);

/// Whether the key of `piece` (see [`may_be_total`]) starts with one of `words`, whose
/// [`first_letters`] are `firsts`, or is a non-empty start of one. Read a character at a
/// time, and most pieces are decided at their first letter: ASCII as it is, a letter of
/// U+0080–U+07FF or U+1E00–U+1EFF (every Vietnamese letter and combining mark) by
/// [`char_keys`]; a piece with another character where it matters is folded whole.
fn word_may_start(piece: &[u8], words: &[&str], firsts: &[u32; 128]) -> bool {
    // Bit i: words[i] still agrees with the letters seen.
    let mut alive: u32 = 0;
    let mut k = 0;
    let mut at = 0;
    while let Some(&b) = piece.get(at) {
        let up = if b.is_ascii() {
            at += 1;
            if !b.is_ascii_alphanumeric() {
                continue;
            }
            b.to_ascii_uppercase()
        } else {
            match char_key(piece, at) {
                Some((len, key)) => {
                    at += len;
                    if key == 0 {
                        continue;
                    }
                    key
                }
                None => return key_may_start(piece, words),
            }
        };
        if k == 0 {
            // Most cells end here: no word starts with their first letter.
            alive = firsts[usize::from(up)];
        } else {
            let mut rest = alive;
            while rest != 0 {
                let i = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                if words[i].as_bytes().get(k) != Some(&up) {
                    alive &= !(1 << i);
                }
            }
        }
        if alive == 0 {
            return false;
        }
        k += 1;
        let mut rest = alive;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if words[i].len() == k {
                return true;
            }
        }
    }
    alive != 0
}

/// What the character at `piece[at..]` (not ASCII) adds to a key as
/// [`header_key`](super::header::header_key) gives it, and its length: `Some((len, 0))` for
/// nothing (a combining mark, a separator), `Some((len, letter))` for one letter or digit,
/// `None` for a character [`char_keys`] does not cover, a longer fold, or bytes that are not
/// UTF-8.
fn char_key(piece: &[u8], at: usize) -> Option<(usize, u8)> {
    let cont = |i: usize| {
        piece
            .get(at + i)
            .copied()
            .filter(|c| (0x80..0xC0).contains(c))
    };
    let lead = *piece.get(at)?;
    let (len, index) = match lead {
        0xC2..=0xDF => {
            let cp = usize::from(lead & 0x1F) << 6 | usize::from(cont(1)? & 0x3F);
            (2, cp - 0x80)
        }
        0xE1 => {
            let cp = 0x1000 | usize::from(cont(1)? & 0x3F) << 6 | usize::from(cont(2)? & 0x3F);
            if !(0x1E00..0x1F00).contains(&cp) {
                return None;
            }
            (3, 0x780 + cp - 0x1E00)
        }
        _ => return None,
    };
    match char_keys().get(index)? {
        0xFF => None,
        &key => Some((len, key)),
    }
}

/// For every character of U+0080–U+07FF (index `c - 0x80`) and U+1E00–U+1EFF (index
/// `0x780 + c - 0x1E00`), what it adds to a key: 0 for nothing, its one letter or digit, or
/// 0xFF when its fold is longer. Made once from [`crate::text::fold`] itself (a key is the
/// fold of each character in turn, letters and digits kept), so that it cannot disagree.
fn char_keys() -> &'static [u8] {
    static KEYS: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        (0x80u32..0x800)
            .chain(0x1E00..0x1F00)
            .map(|cp| {
                let Some(c) = char::from_u32(cp) else {
                    return 0xFF;
                };
                let key = super::header::header_key(c.encode_utf8(&mut [0; 4]));
                match key.as_bytes() {
                    [] => 0,
                    [b] => *b,
                    _ => 0xFF,
                }
            })
            .collect()
    })
}

/// [`word_may_start`] for a piece with characters outside ASCII: its key as
/// [`header_key`](super::header::header_key) gives it.
fn key_may_start(piece: &[u8], words: &[&str]) -> bool {
    let key = super::header::header_key(&String::from_utf8_lossy(piece));
    !key.is_empty()
        && words
            .iter()
            .any(|w| key.starts_with(w) || w.starts_with(key.as_str()))
}

impl<R: Read> Read for TotalsFilter<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.ready {
            self.fill()?;
        }
        let avail = &self.buf[self.pos..self.ready];
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.pos += n;
        Ok(n)
    }
}

/// Checks and converts the text encoding: UTF-8 (with or without BOM) passes; UTF-16
/// with a BOM is converted; anything else is refused naming what it looks like.
fn decode<'a>(input: Box<dyn Read + 'a>) -> Result<(String, Box<dyn Read + 'a>), RecordError> {
    let mut r = BufReader::with_capacity(1 << 16, input);
    let head = r
        .fill_buf()
        .map_err(|e| {
            RecordError::one(
                1,
                Finding::new(Code::ReconcileEncoding, "").detail(e.to_string()),
            )
        })?
        .to_vec();
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        let le = head.starts_with(&[0xFF, 0xFE]);
        r.consume(2);
        let enc = if le {
            "UTF-16LE with BOM"
        } else {
            "UTF-16BE with BOM"
        };
        return Ok((enc.to_string(), Box::new(Utf16ToUtf8::new(r, le))));
    }
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &head[3..] } else { &head[..] };
    // NUL bytes are valid UTF-8 but no statement text: UTF-16 without its BOM.
    if let Some(at) = body.iter().take(4096).position(|&b| b == 0) {
        let (en, vi) = guess_encoding(body);
        return Err(RecordError::one(
            1,
            Finding::new(Code::ReconcileEncoding, "").detail_both(
                format!("a NUL byte at offset {at}; it looks like {en}"),
                format!("byte NUL tại vị trí {at}; có vẻ là {vi}"),
            ),
        ));
    }
    if let Err(e) = std::str::from_utf8(body) {
        // A sequence cut at the end of the buffer is no error.
        if e.error_len().is_some() {
            let at = e.valid_up_to() + usize::from(bom) * 3;
            let (en, vi) = guess_encoding(body);
            let byte = body.get(e.valid_up_to()).copied().unwrap_or(0);
            return Err(RecordError::one(
                1,
                Finding::new(Code::ReconcileEncoding, "").detail_both(
                    format!("byte 0x{byte:02X} at offset {at} is not UTF-8; it looks like {en}"),
                    format!("byte 0x{byte:02X} tại vị trí {at} không phải UTF-8; có vẻ là {vi}"),
                ),
            ));
        }
    }
    let enc = if bom { "UTF-8 with BOM" } else { "UTF-8" };
    Ok((enc.to_string(), Box::new(r)))
}

/// What non-UTF-8 text looks like, in English and Vietnamese.
fn guess_encoding(b: &[u8]) -> (&'static str, &'static str) {
    let n = b.len().min(4096);
    let sample = &b[..n];
    let zeros_even = sample.iter().step_by(2).filter(|&&x| x == 0).count();
    let zeros_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&x| x == 0)
        .count();
    if zeros_odd * 4 > n / 2 || zeros_even * 4 > n / 2 {
        ("UTF-16 without a byte-order mark", "UTF-16 không có BOM")
    } else {
        (
            "an 8-bit code page (Windows-1258, TCVN3 or VNI)",
            "bảng mã 8 bit (Windows-1258, TCVN3 hoặc VNI)",
        )
    }
}

/// UTF-16 (after its BOM) to UTF-8, streamed; an unpaired surrogate becomes U+FFFD.
struct Utf16ToUtf8<R> {
    inner: R,
    le: bool,
    pending: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    eof: bool,
}

impl<R: Read> Utf16ToUtf8<R> {
    fn new(inner: R, le: bool) -> Self {
        Utf16ToUtf8 {
            inner,
            le,
            pending: Vec::new(),
            out: Vec::new(),
            pos: 0,
            eof: false,
        }
    }
}

impl<R: Read> Read for Utf16ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.out.len() {
            if self.eof {
                return Ok(0);
            }
            let mut chunk = [0u8; 1 << 15];
            let n = self.inner.read(&mut chunk)?;
            if n == 0 {
                self.eof = true;
            }
            self.pending.extend_from_slice(&chunk[..n]);
            let mut units: Vec<u16> = Vec::with_capacity(self.pending.len() / 2);
            let whole = self.pending.len() / 2 * 2;
            for p in self.pending[..whole].chunks_exact(2) {
                let u = if self.le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                };
                units.push(u);
            }
            // Keep a high surrogate cut at the end for the next chunk.
            let mut keep = self.pending.len() - whole;
            if !self.eof {
                if let Some(&last) = units.last() {
                    if (0xD800..0xDC00).contains(&last) {
                        units.pop();
                        keep += 2;
                    }
                }
            }
            self.out.clear();
            self.pos = 0;
            let s: String = char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect();
            self.out.extend_from_slice(s.as_bytes());
            let tail = self.pending.split_off(self.pending.len() - keep);
            self.pending = tail;
            if self.eof && !self.pending.is_empty() {
                self.out.extend_from_slice("\u{FFFD}".as_bytes());
                self.pending.clear();
            }
        }
        let avail = &self.out[self.pos..];
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.pos += n;
        Ok(n)
    }
}

/// The physical lines of a CSV text as rows of cells: each line split on its own with
/// the header line's delimiter (a quoted cell spanning lines is joined back).
struct CsvRows<'a> {
    r: BufReader<Box<dyn Read + 'a>>,
    delimiter: Option<u8>,
    line: Vec<u8>,
    bom_checked: bool,
    /// Empty rows still to give for the extra lines of a record that spanned several.
    owed: usize,
    rows: usize,
    /// The header-row test (statement or invoice list).
    is_header: fn(&[String]) -> bool,
}

impl<'a> CsvRows<'a> {
    fn new(r: Box<dyn Read + 'a>) -> Self {
        CsvRows {
            r: BufReader::with_capacity(1 << 16, r),
            delimiter: None,
            line: Vec::new(),
            bom_checked: false,
            owed: 0,
            rows: 0,
            is_header,
        }
    }
}

impl Iterator for CsvRows<'_> {
    type Item = Result<Vec<String>, String>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.owed > 0 {
            self.owed -= 1;
            return Some(Ok(Vec::new()));
        }
        self.rows += 1;
        self.line.clear();
        // A record: physical lines until its quotes are balanced (a line break inside a
        // quoted cell becomes a space; the extra lines are given as empty rows after it,
        // so that row numbers stay line numbers).
        let mut extra = 0usize;
        loop {
            match self.r.read_until(b'\n', &mut self.line) {
                Ok(0) if self.line.is_empty() => return None,
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return Some(Err(e.to_string())),
            }
            let quotes = self.line.iter().filter(|&&b| b == b'"').count();
            if quotes % 2 == 0 || extra > 1000 {
                break;
            }
            extra += 1;
        }
        self.owed = extra;
        if !self.bom_checked {
            self.bom_checked = true;
            if self.line.starts_with(b"\xEF\xBB\xBF") {
                self.line.drain(..3);
            }
        }
        while matches!(self.line.last(), Some(b'\n' | b'\r')) {
            self.line.pop();
        }
        // Only for finding the header row: the statement reader reports bytes that are
        // not UTF-8 where they are.
        let text = String::from_utf8_lossy(&self.line).into_owned();
        if text.trim().is_empty() {
            return Some(Ok(Vec::new()));
        }
        let delimiter = *self
            .delimiter
            .get_or_insert_with(|| super::csv::detect_delimiter(text.as_bytes()));
        let cells = split_csv_line(&text, delimiter);
        // A preamble row's delimiter guess is kept only once a header-like row is seen.
        if self.rows <= HEADER_SEARCH_ROWS && !(self.is_header)(&cells) {
            let d = super::csv::detect_delimiter(text.as_bytes());
            if d != delimiter {
                let other = split_csv_line(&text, d);
                if (self.is_header)(&other) {
                    self.delimiter = Some(d);
                    return Some(Ok(other));
                }
            }
        }
        Some(Ok(cells))
    }
}

/// Splits one CSV record on `delimiter`, with `"` quoting (`""` a quote).
fn split_csv_line(text: &str, delimiter: u8) -> Vec<String> {
    let d = char::from(delimiter);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == d && !quoted => cells.push(std::mem::take(&mut cell)),
            '\n' | '\r' if quoted => cell.push(' '),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

// ---------------------------------------------------------------------------------------
// Workbooks.

fn cell_text<T: calamine::DataType>(v: &T) -> String {
    let mut s = String::new();
    cell_text_into(&mut s, v);
    s
}

/// A cell's text, appended to `out`: a date as `YYYY-MM-DD` (and its time when it has
/// one), a whole number without a decimal part, text as it is.
fn cell_text_into<T: calamine::DataType>(out: &mut String, v: &T) {
    use std::fmt::Write;
    if v.is_empty() {
        return;
    }
    // Text first: most cells of a statement are.
    if let Some(s) = v.get_string() {
        out.push_str(s);
        return;
    }
    if v.is_datetime() {
        if let Some(dt) = v.as_datetime() {
            use chrono::{Datelike, Timelike};
            let (d, t) = (dt.date(), dt.time());
            let _ = write!(out, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
            if t != chrono::NaiveTime::MIN {
                let _ = write!(out, " {:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
            }
            return;
        }
    }
    if let Some(s) = v.get_datetime_iso() {
        out.push_str(s);
        return;
    }
    if let Some(i) = v.get_int() {
        let _ = write!(out, "{i}");
        return;
    }
    if let Some(f) = v.get_float() {
        if f.fract() == 0.0 && f.abs() < 1e15 {
            let _ = write!(out, "{}", f as i64);
        } else {
            let _ = write!(out, "{f}");
        }
        return;
    }
    out.push_str(&v.as_string().unwrap_or_default());
}

/// Streams the first sheet of an XLSX workbook, row by row, from a thread of its own.
fn xlsx_rows<RS: Read + io::Seek + Send + 'static>(
    rs: RS,
) -> Result<(String, RowQueue), RecordError> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::Xlsx::new(rs).map_err(sheet_error)?;
    let name = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| sheet_error("the workbook has no sheet"))?;
    // Rows go to the reader in batches: one hand-over per row between the threads cost
    // more than reading the row (issue 19: futex waits and task switches were a third of
    // the time).
    let (tx, rx) = mpsc::sync_channel::<Result<FlatRows, String>>(4);
    let sheet = name.clone();
    std::thread::spawn(move || {
        let mut cells = match wb.worksheet_cells_reader(&sheet) {
            Ok(c) => c,
            Err(e) => {
                let _ = tx.send(Err(e.to_string()));
                return;
            }
        };
        let mut batch = FlatRows::default();
        // The row being filled, and its next column.
        let (mut at, mut col): (u32, usize) = (0, 0);
        loop {
            match cells.next_cell() {
                Ok(Some(cell)) => {
                    let (r, c) = cell.get_position();
                    while r > at {
                        batch.rows.push(batch.cells.len());
                        col = 0;
                        at += 1;
                        if batch.rows.len() >= ROW_BATCH
                            && tx.send(Ok(std::mem::take(&mut batch))).is_err()
                        {
                            return;
                        }
                    }
                    let c = c as usize;
                    if c < 16_384 && c >= col {
                        // Empty cells before it.
                        while col < c {
                            batch.cells.push(batch.text.len());
                            col += 1;
                        }
                        cell_text_into(&mut batch.text, cell.get_value());
                        batch.cells.push(batch.text.len());
                        col += 1;
                    }
                }
                Ok(None) => {
                    batch.rows.push(batch.cells.len());
                    let _ = tx.send(Ok(batch));
                    return;
                }
                Err(e) => {
                    if !batch.rows.is_empty() && tx.send(Ok(std::mem::take(&mut batch))).is_err() {
                        return;
                    }
                    let _ = tx.send(Err(e.to_string()));
                    return;
                }
            }
        }
    });
    let rx = RowQueue {
        rx,
        batch: FlatRows::default(),
        at: 0,
        failed: false,
    };
    Ok((name, rx))
}

/// The first sheet of an XLS workbook, whole (calamine's XLS reader does not stream).
fn xls_rows(bytes: Vec<u8>) -> Result<(String, Vec<Vec<String>>), RecordError> {
    use calamine::Reader;
    let mut wb: calamine::Xls<_> =
        calamine::Xls::new(io::Cursor::new(bytes)).map_err(sheet_error)?;
    let name = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| sheet_error("the workbook has no sheet"))?;
    let range = wb.worksheet_range(&name).map_err(sheet_error)?;
    let start = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let col0 = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); start];
    for r in range.rows() {
        let mut v = vec![String::new(); col0];
        v.extend(r.iter().map(cell_text));
        rows.push(v);
    }
    Ok((name, rows))
}

#[cfg(test)]
mod total_word_tests {
    use super::super::header::{is_invoice_total_row, is_total_row, TOTAL_WORDS};
    use super::{
        key_may_start, may_be_total, piece_cannot_start, split_csv_line, word_may_start, TotalTest,
        TotalsFilter, TOTAL_FIRSTS,
    };
    use proptest::prelude::*;
    use std::io::Read;

    #[test]
    fn known_rows() {
        assert!(may_be_total("Tổng cộng,,1.000.000".as_bytes(), b','));
        assert!(may_be_total(b",,,SO DU CUOI KY,5000", b','));
        assert!(may_be_total(b"  ;\"Closing balance\";0", b';'));
        assert!(may_be_total(
            b"x,y,z,w,v,u,t,s,r,q,p,o,n,m,l,k,j,i,h,g,f,e,d,c,b,a,Sum,1",
            b','
        ));
        assert!(!may_be_total(
            b"1,10/09/2024,500000,MBVCB.6990001234.HP hoc phi",
            b','
        ));
        assert!(!may_be_total(
            b"2024-09-10,3030000,\"chuyen tien hoc phi\",FT24",
            b','
        ));
        // A cell's letters are read across punctuation, as header_key reads them.
        assert!(word_may_start(b" s.o d-u", &TOTAL_WORDS, &TOTAL_FIRSTS));
        assert!(!word_may_start(b"so 1 du", &TOTAL_WORDS, &TOTAL_FIRSTS));
        // A start of a word may be completed by the next piece of a quoted cell.
        assert!(may_be_total(b"1,\"So, du\",0", b','));
        assert!(word_may_start(b"\"S", &TOTAL_WORDS, &TOTAL_FIRSTS));
        assert!(!word_may_start(b"\"", &TOTAL_WORDS, &TOTAL_FIRSTS));
        // Folded where it is not ASCII: a family name is no totals word, `Đ` may start one.
        assert!(!may_be_total(
            "HP01,1000,Tô Thị Lan,Đặng Văn An".as_bytes(),
            b','
        ));
        assert!(may_be_total("x,Tổng".as_bytes(), b','));
        // A lone CR is no line end: the piece after it is read.
        assert!(may_be_total(b"x,\rTotal,1\n", b','));
    }

    /// A cell of a generated line: a totals word in one of its written forms, or other text.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(vec![
                "Tổng cộng", "TỔNG", "Cộng phát sinh", "Số dư cuối kỳ", "SO DU", "sodu",
                "Closing balance", "Opening Balance:", "ending balance", "Total", "Sub-total",
                "sum", "SUM:", "Phát sinh", "Dư đầu kỳ", "Dư cuối", "Cuối ngày", "Đ. Tổng",
                "  tong  ", "\"Tổng, cộng\"", "C.ộng", "ĐU ĐẦU", "\"So, du\"", "\"T, ong\"",
                "\"Tô, ng\"", "To\u{302}\u{309}ng", "\"\", Total\"", "Tô Thị", "Đặng", "Sở",
            ])
            .prop_map(String::from),
            "[a-zA-Z0-9 .:/-]{0,14}",
            "[a-zA-Zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ ĐƯỔẦỘ]{0,10}",
            "\"[a-z ,;]{0,8}\"",
        ]
    }

    /// The filter's output, read through a reader that hands out at most `chunk` bytes at
    /// a time (so that lines are split across reads).
    fn filtered(
        text: &[u8],
        header: usize,
        total: TotalTest,
        delimiter: u8,
        chunk: usize,
    ) -> Vec<u8> {
        let mut f = TotalsFilter::new(
            crate::reconcile::test_io::Trickle(text, chunk),
            header,
            Some(0),
            total,
            delimiter,
        );
        let mut out = Vec::new();
        let mut piece = [0u8; 7];
        loop {
            let n = f.read(&mut piece).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&piece[..n]);
        }
        out
    }

    /// The plain reading: line by line, quotes counted, every line after the header that
    /// starts and ends outside quotes split and tested (no prefilter).
    fn plain(text: &[u8], header: usize, total: TotalTest, delimiter: u8) -> Vec<u8> {
        let mut out = Vec::new();
        let mut quoted = false;
        for (at, line) in text.split_inclusive(|&b| b == b'\n').enumerate() {
            let starts_outside = !quoted;
            if line.iter().filter(|&&b| b == b'"').count() % 2 == 1 {
                quoted = !quoted;
            }
            let blank = if at < header {
                starts_outside
            } else if at > header && starts_outside && !quoted {
                let l = String::from_utf8_lossy(line);
                total(
                    &split_csv_line(l.trim_end_matches(['\n', '\r']), delimiter),
                    Some(0),
                )
            } else {
                false
            };
            if blank {
                out.push(b'\n');
            } else {
                out.extend_from_slice(line);
            }
        }
        out
    }

    #[test]
    fn letters_outside_ascii_by_table() {
        // Decided a character at a time, as folding the whole piece decides.
        for (piece, want) in [
            ("Đặng", false),
            ("Dư cuối", true),
            ("Đ", true),
            ("Phạm", false),
            ("Phát sinh", true),
            ("To\u{302}\u{309}ng", true),
            ("Tô Thị", false),
            ("Ｔotal", true),
            ("Æ", false),
            ("Ⅰ", false),
        ] {
            assert_eq!(
                word_may_start(piece.as_bytes(), &TOTAL_WORDS, &TOTAL_FIRSTS),
                want,
                "{piece}"
            );
            assert_eq!(
                key_may_start(piece.as_bytes(), &TOTAL_WORDS),
                want,
                "{piece}"
            );
        }
        // Bytes that are not UTF-8 are read as a lossy conversion reads them.
        for (rest, cannot) in [
            ("Trần,", true),
            ("\"CHUYEN TIEN", true),
            ("Đặng", true),
            (",x", true),
            ("\",", true),
            ("Phạm", false),
            ("Dư", false),
            ("T", false),
            (" Tong", false),
            ("\rTotal", false),
            ("\r\n", true),
        ] {
            assert_eq!(piece_cannot_start(rest.as_bytes(), b','), cannot, "{rest}");
        }
        for piece in [&b"S\xC3"[..], b"\xC3\x90u", b"T\xE1\xBB", b"\xFFTong"] {
            assert_eq!(
                word_may_start(piece, &TOTAL_WORDS, &TOTAL_FIRSTS),
                key_may_start(piece, &TOTAL_WORDS),
                "{piece:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn reads_a_piece_as_its_whole_key(
            piece in "[ .a-zA-Z0-9\u{80}-\u{7FF}\u{1E00}-\u{1EFF}\u{2160}\u{FF34}]{0,8}",
            cut in 0usize..4,
        ) {
            let b = piece.as_bytes();
            let b = &b[..b.len().saturating_sub(cut)];
            prop_assert_eq!(
                word_may_start(b, &TOTAL_WORDS, &TOTAL_FIRSTS),
                key_may_start(b, &TOTAL_WORDS),
                "{:?}", piece
            );
        }

        #[test]
        fn a_piece_told_by_its_first_letters_is_no_start(
            text in "\"?([ .,\r\na-zA-Z0-9\u{80}-\u{7FF}\u{1E00}-\u{1EFF}]|Ph|Dư|Đu|Tổ|Co|Su|Ph\u{1EA1}|Đ\u{300}){0,6}",
            cut in 0usize..3,
        ) {
            let b = text.as_bytes();
            let b = &b[..b.len().saturating_sub(cut)];
            let piece = b.split(|&c| c == b',' || c == b'\n').next().unwrap_or(&[]);
            if piece_cannot_start(b, b',') {
                prop_assert!(!word_may_start(piece, &TOTAL_WORDS, &TOTAL_FIRSTS), "{:?}", text);
            }
        }

        #[test]
        fn passes_every_totals_row(
            cells in proptest::collection::vec(cell(), 1..8),
            semicolon in any::<bool>(),
        ) {
            let d = if semicolon { ';' } else { ',' };
            let line = cells.join(&d.to_string());
            let split = split_csv_line(&line, d as u8);
            if is_total_row(&split, None) || is_invoice_total_row(&split, None)
                || is_invoice_total_row(&split, Some(0))
            {
                prop_assert!(may_be_total(line.as_bytes(), d as u8), "{:?}", line);
            }
        }

        #[test]
        fn filters_as_the_plain_reading(
            rows in proptest::collection::vec(proptest::collection::vec(cell(), 1..5), 0..12),
            header in 0usize..4,
            chunk in 1usize..40,
            invoices in any::<bool>(),
            last_newline in any::<bool>(),
        ) {
            let mut text = rows.iter().map(|r| r.join(",")).collect::<Vec<_>>().join("\n");
            if last_newline {
                text.push('\n');
            }
            let total: TotalTest = if invoices { is_invoice_total_row } else { is_total_row };
            let want = plain(text.as_bytes(), header, total, b',');
            prop_assert_eq!(filtered(text.as_bytes(), header, total, b',', chunk), want);
        }
    }
}
