//! Reading invoice lists (CSV) and statements (CSV, JSON lines, JSON arrays).
//!
//! # CSV layouts
//! The header row names the columns. Header cells are compared folded, without spaces and
//! case (`Nội dung`, `NOI DUNG` and `noidung` are the same). Each field is found by its
//! name or one of its aliases, or through a [`Columns`] mapping (`content=Noi dung,
//! amount=So tien`; a value of digits is a 1-based column number).
//!
//! Statements ([`STATEMENT_FIELDS`]): `date`, `amount`, `content`, `reference`, and
//! optionally `counterName`, `counterAccount`, `direction` (`in`/`out`, `credit`/`debit`, `C`/`D`, `+`/`-`),
//! `account`, `gateway`, or `credit` and `debit` columns instead of `amount` (as bank
//! exports split them). `amount` (or `credit`) and `content` are required. A negative
//! amount, a `debit` amount or direction `out` marks an outgoing line: it is returned as
//! [`StatementRecord::Skipped`] with a `reconcile.outgoing_skipped` warning.
//!
//! Invoices ([`INVOICE_FIELDS`]): `code`, `amount`, and optionally `payer`, `beneficiary`,
//! `due`.
//!
//! # JSON
//! One transaction object per line (JSON lines), or a JSON array of them (also inside
//! `data`, `data.records`, `records` or `transactions` of a top-level object). Field names
//! are those of bank-notification services (SePay's webhook: `transferAmount`, `content`,
//! `referenceCode`, `transactionDate`, `transferType` `in`/`out`, `accountNumber`,
//! `gateway`; its snake_case variants `transfer_amount`, `reference_code`,
//! `transaction_date`, `transfer_type` `credit`/`debit`, `account_number`) and common
//! aliases (`amount`, `description`, `reference`, `tid`, `id`, `when`, `date`,
//! `counterAccountName`, `corresponsiveName`). `content` wins over `description` unless it
//! is empty; `referenceCode` over `reference`, `tid`, `transaction_id` and `id`. Amounts
//! are numbers or strings ([`parse_amount`](super::parse_amount) forms); a negative amount
//! without a `transferType` is outgoing.
//!
//! # Conflicts
//! Two values for one thing are never resolved by picking one: credit and debit both
//! filled, two columns of the amount, credit, debit or direction that disagree (by value:
//! `1.250.000` = `1250000`), an amount column and a credit/debit cell of another value,
//! direction `out` on a credit, the same header twice with different values, and in JSON two
//! amount fields or two direction fields (`transferType`, `transfer_type`, `direction`) that
//! disagree: the record is rejected with `reconcile.field_conflict`, naming both and their
//! values. A JSON key given twice is refused ([`crate::json`]). A CSV row with more or fewer
//! cells than the header (`reconcile.cell_count`; empty extra cells are accepted) and a
//! date that is not one (`reconcile.date_invalid`) are rejected.
//!
//! # Line numbers
//! `line` is the 1-based physical line where the record starts, counting the header, blank
//! lines and the lines inside quoted fields (what an editor shows). In a JSON array it is
//! the 1-based position in the array. [`StatementReader::input_lines`] counts every physical
//! line as fed, skipped or rejected ([`InputLines`]).

use super::amount::{parse_amount, parse_signed_amount, quote};
use super::csv::{CsvReader, CsvRecord, RecordError, RECORD_MAX};
use super::{Invoice, StatementLine};
use crate::finding::{Code, Finding};
use crate::message::Amount;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Read};

/// Statement fields, as written in a [`Columns`] mapping.
pub const STATEMENT_FIELDS: &[&str] = &[
    "date",
    "amount",
    "content",
    "reference",
    "counterName",
    "direction",
    "credit",
    "debit",
    "account",
    "gateway",
    "counterAccount",
];

/// Invoice fields, as written in a [`Columns`] mapping.
pub const INVOICE_FIELDS: &[&str] = &["code", "amount", "payer", "beneficiary", "due"];

/// Header aliases (folded, no spaces), in the order of the field lists.
const STATEMENT_ALIASES: &[&[&str]] = &[
    &["DATE", "TRANSACTIONDATE", "NGAY", "NGAYGIAODICH", "WHEN"],
    &["AMOUNT", "TRANSFERAMOUNT", "SOTIEN"],
    &[
        "CONTENT",
        "DESCRIPTION",
        "NOIDUNG",
        "NOIDUNGCHUYENKHOAN",
        "DIENGIAI",
    ],
    &["REFERENCE", "REFERENCECODE", "SOTHAMCHIEU", "MAGIAODICH"],
    &["COUNTERNAME", "COUNTERACCOUNTNAME", "CORRESPONSIVENAME"],
    &["DIRECTION", "TRANSFERTYPE", "TYPE"],
    &["CREDIT", "GHICO", "SOTIENGHICO"],
    &["DEBIT", "GHINO", "SOTIENGHINO"],
    &["ACCOUNT", "ACCOUNTNUMBER", "SOTAIKHOAN"],
    &["GATEWAY", "BANK", "NGANHANG"],
    &["COUNTERACCOUNT", "COUNTERACCOUNTNUMBER", "TAIKHOANDOIUNG"],
];
const INVOICE_ALIASES: &[&[&str]] = &[
    &["CODE", "INVOICE", "MAHOADON"],
    &["AMOUNT", "AMOUNTDUE", "SOTIEN"],
    &["PAYER", "PAYERNAME", "NGUOITRATIEN"],
    &["BENEFICIARY", "BENEFICIARYNAME", "NGUOITHUHUONG"],
    &["DUE", "DUEDATE", "HANNOP", "HANTHANHTOAN"],
];

// Indexes into STATEMENT_FIELDS.
const S_DATE: usize = 0;
const S_AMOUNT: usize = 1;
const S_CONTENT: usize = 2;
const S_REFERENCE: usize = 3;
const S_COUNTER: usize = 4;
const S_DIRECTION: usize = 5;
const S_CREDIT: usize = 6;
const S_DEBIT: usize = 7;
const S_ACCOUNT: usize = 8;
const S_GATEWAY: usize = 9;
const S_COUNTER_ACCOUNT: usize = 10;
// Indexes into INVOICE_FIELDS.
const I_CODE: usize = 0;
const I_AMOUNT: usize = 1;
const I_PAYER: usize = 2;
const I_BENEFICIARY: usize = 3;
const I_DUE: usize = 4;

/// A column mapping: `field=Header` pairs (`content=Noi dung,amount=So tien`). A header
/// given as digits is a 1-based column number. Header names cannot contain `,` or `=`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    pairs: Vec<(String, String)>,
}

impl Columns {
    /// No mapping: every field by its name or aliases.
    pub fn new() -> Columns {
        Columns::default()
    }

    /// The header names mapped (not column numbers).
    pub fn header_names(&self) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(_, v)| !v.bytes().all(|b| b.is_ascii_digit()))
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The 0-based column of `field` in `header` under this mapping, if mapped.
    pub fn column_of(&self, field: &str, header: &[String]) -> Option<usize> {
        let (_, v) = self
            .pairs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(field))?;
        if v.bytes().all(|b| b.is_ascii_digit()) {
            v.parse::<usize>()
                .ok()
                .filter(|n| *n >= 1 && *n <= header.len())
                .map(|n| n - 1)
        } else {
            let want = norm(v);
            header.iter().position(|c| norm(c) == want)
        }
    }

    /// Maps `field` to the header `header`.
    pub fn with(mut self, field: &str, header: &str) -> Columns {
        self.pairs.push((field.to_string(), header.to_string()));
        self
    }

    /// Whether nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// A mapping entry that is not `field=Header`.
fn not_a_pair(part: &str) -> Finding {
    Finding::new(Code::ReconcileColumnsInvalid, "columns").detail_both(
        format!("{} is not field=Header", quote(part)),
        format!(
            "{} không có dạng trường=tiêu đề cột (ví dụ amount=So tien)",
            quote(part)
        ),
    )
}

/// What a field of [`STATEMENT_FIELDS`] or [`INVOICE_FIELDS`] holds, in Vietnamese.
fn field_vi(name: &str) -> &'static str {
    match name {
        "date" => "ngày",
        "amount" => "số tiền",
        "content" => "nội dung",
        "reference" => "số tham chiếu",
        "counterName" => "tên tài khoản đối ứng",
        "direction" => "chiều giao dịch",
        "credit" => "ghi có",
        "debit" => "ghi nợ",
        "account" => "số tài khoản",
        "gateway" => "ngân hàng",
        "counterAccount" => "tài khoản đối ứng",
        "code" => "mã hóa đơn",
        "payer" => "người trả tiền",
        "beneficiary" => "người thụ hưởng",
        "due" => "hạn nộp",
        _ => "?",
    }
}

impl std::str::FromStr for Columns {
    type Err = Finding;
    fn from_str(s: &str) -> Result<Columns, Finding> {
        let mut c = Columns::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((k, v)) = part.split_once('=') else {
                return Err(not_a_pair(part));
            };
            let (k, v) = (k.trim(), v.trim());
            if k.is_empty() || v.is_empty() {
                return Err(not_a_pair(part));
            }
            c.pairs.push((k.to_string(), v.to_string()));
        }
        Ok(c)
    }
}

/// A header cell in comparable form: folded, without spaces.
fn norm(s: &str) -> String {
    crate::text::fold(s).replace(' ', "")
}

/// The columns of a header row: the column of every field, and the other columns that
/// name a field again (`(field, column)`): for a field in `money`, any other column with one
/// of its names; for the others, a column whose header repeats the chosen one's text.
/// Every record is checked against those ([`row_findings`]).
#[derive(Clone)]
struct Resolved {
    cols: Vec<Option<usize>>,
    dups: Vec<(usize, usize)>,
}

/// Finds the column of every field; `required` lists fields that must have one.
fn resolve_columns(
    header: &CsvRecord,
    fields: &[&str],
    aliases: &[&[&str]],
    columns: &Columns,
    required: &[usize],
    money: &[usize],
) -> Result<Resolved, RecordError> {
    let line = header.line;
    let cells: Vec<String> = header.fields().map(norm).collect();
    let mut out: Vec<Option<usize>> = vec![None; fields.len()];
    let mut mapped = vec![false; fields.len()];
    let mut errors = Vec::new();
    for (k, v) in &columns.pairs {
        let Some(f) = fields.iter().position(|f| f.eq_ignore_ascii_case(k)) else {
            errors.push(
                Finding::new(Code::ReconcileColumnsInvalid, "columns").detail_both(
                    format!(
                        "unknown field {}; the fields are {}",
                        quote(k),
                        fields.join(", ")
                    ),
                    format!(
                        "không có trường {}; các trường là {}",
                        quote(k),
                        fields
                            .iter()
                            .map(|f| format!("{f} ({})", field_vi(f)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            );
            continue;
        };
        let col = if v.bytes().all(|b| b.is_ascii_digit()) {
            v.parse::<usize>()
                .ok()
                .filter(|n| *n >= 1 && *n <= header.len())
                .map(|n| n - 1)
        } else {
            let want = norm(v);
            cells.iter().position(|c| *c == want)
        };
        match (col, fields.get(f)) {
            (Some(c), _) => {
                if let (Some(slot), Some(m)) = (out.get_mut(f), mapped.get_mut(f)) {
                    *slot = Some(c);
                    *m = true;
                }
            }
            (None, Some(name)) => errors.push(
                Finding::new(Code::ReconcileColumnMissing, "columns").detail_both(
                    format!("{name} ({})", quote(v)),
                    format!("{name} ({}, {})", field_vi(name), quote(v)),
                ),
            ),
            (None, None) => {}
        }
    }
    for (f, names) in aliases.iter().enumerate() {
        if mapped.get(f).copied().unwrap_or(true) {
            continue;
        }
        if let Some(slot) = out.get_mut(f) {
            *slot = cells.iter().position(|c| names.contains(&c.as_str()));
        }
    }
    let mut dups = Vec::new();
    for (f, col) in out.iter().enumerate() {
        let Some(col) = *col else { continue };
        let chosen = cells.get(col).map(String::as_str).unwrap_or("");
        let names = aliases.get(f).copied().unwrap_or(&[]);
        for (c, cell) in cells.iter().enumerate() {
            // A field mapped explicitly is compared only with its own header repeated.
            let by_alias = money.contains(&f) && !mapped.get(f).copied().unwrap_or(false);
            let again = if by_alias {
                names.contains(&cell.as_str()) || cell == chosen
            } else {
                cell == chosen
            };
            if c != col && again && !cell.is_empty() {
                dups.push((f, c));
            }
        }
    }
    for &f in required {
        if out.get(f).copied().flatten().is_none() {
            let name = fields.get(f).copied().unwrap_or("?");
            errors.push(
                Finding::new(Code::ReconcileColumnMissing, "")
                    .detail_both(name, format!("{name} ({})", field_vi(name))),
            );
        }
    }
    if errors.is_empty() {
        Ok(Resolved { cols: out, dups })
    } else {
        Err(RecordError {
            line,
            findings: errors,
        })
    }
}

/// Replaces a column number in a CSV-level finding by the header's text.
fn name_columns(mut e: RecordError, headers: &[String]) -> RecordError {
    for f in &mut e.findings {
        if let Some(h) = f
            .field
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| headers.get(i))
        {
            f.field = h.clone().into();
        }
    }
    e
}

/// A [`Code::ReconcileFieldConflict`] finding naming both fields and their values.
fn conflict(a: &str, a_value: &str, b: &str, b_value: &str) -> Finding {
    Finding::new(Code::ReconcileFieldConflict, a).detail_both(
        format!(
            "{a} is {} but {b} is {}",
            quote(a_value.trim()),
            quote(b_value.trim())
        ),
        format!(
            "{a} là {} nhưng {b} là {}",
            quote(a_value.trim()),
            quote(b_value.trim())
        ),
    )
}

/// A column's name for a conflict: its header text and its number (two columns may have
/// the same header).
fn column_label(headers: &[String], c: usize) -> String {
    match headers.get(c) {
        Some(h) if !h.is_empty() => format!("{h} (column {})", c + 1),
        _ => format!("column {}", c + 1),
    }
}

/// Whether two cells of columns naming the same field say the same: amounts by their value
/// (`1.250.000` and `1250000` agree), directions by their meaning, anything else by its
/// text.
fn same_value(money: bool, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if money {
        if let (Ok(x), Ok(y)) = (parse_signed_amount(a, ""), parse_signed_amount(b, "")) {
            return x == y;
        }
        if let (Ok(Some(x)), Ok(Some(y))) = (parse_direction(a, ""), parse_direction(b, "")) {
            return x == y;
        }
    }
    false
}

/// Checks a CSV row against its header: as many cells (extra cells that are empty are a
/// trailing delimiter, accepted), and no two columns of one field that disagree.
fn row_findings(
    rec: &CsvRecord,
    headers: &[String],
    r: &Resolved,
    money: &[usize],
    findings: &mut Vec<Finding>,
) {
    let (n, h) = (rec.len(), headers.len());
    if n < h || (n > h && (h..n).any(|i| !rec.field(i).unwrap_or("").trim().is_empty())) {
        findings.push(
            Finding::new(Code::ReconcileCellCount, "")
                .detail(n.to_string())
                .limit(h),
        );
        return;
    }
    for &(f, c) in &r.dups {
        let Some(p) = r.cols.get(f).copied().flatten() else {
            continue;
        };
        let a = rec.field(p).unwrap_or("").trim();
        let b = rec.field(c).unwrap_or("").trim();
        if a.is_empty() || b.is_empty() || same_value(money.contains(&f), a, b) {
            continue;
        }
        findings.push(conflict(
            &column_label(headers, p),
            a,
            &column_label(headers, c),
            b,
        ));
    }
}

/// Reads the header record.
fn read_header<R: Read>(
    csv: &mut CsvReader<R>,
    rec: &mut CsvRecord,
) -> Result<Vec<String>, RecordError> {
    match csv.read_record(rec) {
        Ok(true) => Ok(rec.fields().map(|f| f.trim().to_string()).collect()),
        Ok(false) => Err(RecordError::one(
            1,
            Finding::new(Code::ReconcileHeaderMissing, ""),
        )),
        Err(e) => Err(e),
    }
}

/// An outgoing line that a reader skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Where it is.
    pub line: u64,
    /// Its amount.
    pub amount: Amount,
    /// The bank's reference.
    pub reference: Option<String>,
    /// The `reconcile.outgoing_skipped` warning.
    pub finding: Finding,
}

/// What a statement record is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatementRecord {
    /// An incoming line, to feed to the reconciler.
    Line(StatementLine),
    /// An outgoing line, skipped.
    Skipped(Skipped),
}

/// The format of a statement file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatementFormat {
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    JsonLines,
    /// A JSON array of objects (read whole).
    Json,
}

impl StatementFormat {
    /// The format a file name's extension implies (`.csv`, `.jsonl`/`.ndjson`, `.json`).
    pub fn from_path(path: &str) -> Option<StatementFormat> {
        let ext = path.rsplit_once('.')?.1;
        ext.parse().ok()
    }

    /// The format the first bytes of a statement show, for input without a telling file
    /// name (stdin): after a byte-order mark and white space, `[` starts a JSON array and
    /// `{` JSON lines; anything else is read as CSV (whose reader then names what is wrong
    /// with the header row). `None` while `head` holds only a BOM and white space.
    pub fn sniff(head: &[u8]) -> Option<StatementFormat> {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        match head.iter().find(|b| !b.is_ascii_whitespace())? {
            b'[' => Some(StatementFormat::Json),
            b'{' => Some(StatementFormat::JsonLines),
            _ => Some(StatementFormat::Csv),
        }
    }
}

#[cfg(test)]
mod sniff_tests {
    use super::StatementFormat as F;

    #[test]
    fn sniff_reads_the_first_significant_byte() {
        assert_eq!(F::sniff(b"[{\"amount\":1}]"), Some(F::Json));
        assert_eq!(
            F::sniff(b"\xEF\xBB\xBF \r\n {\"amount\":1}\n"),
            Some(F::JsonLines)
        );
        assert_eq!(F::sniff(b"amount,content\n"), Some(F::Csv));
        assert_eq!(F::sniff(b"\xEF\xBB\xBFNgay;So tien\n"), Some(F::Csv));
        assert_eq!(F::sniff(b"\xEF\xBB\xBF \n\t"), None);
        assert_eq!(F::sniff(b""), None);
    }
}

impl std::str::FromStr for StatementFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<StatementFormat, String> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(StatementFormat::Csv),
            "jsonl" | "ndjson" => Ok(StatementFormat::JsonLines),
            "json" => Ok(StatementFormat::Json),
            other => Err(format!(
                "unknown statement format {other:?}: expected csv, jsonl or json"
            )),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    In,
    Out,
}

fn parse_direction(raw: &str, field: &str) -> Result<Option<Direction>, Finding> {
    let t = raw.trim();
    match t {
        "" => return Ok(None),
        "+" => return Ok(Some(Direction::In)),
        "-" => return Ok(Some(Direction::Out)),
        _ => {}
    }
    match crate::text::fold(t).as_str() {
        "IN" | "INCOMING" | "CREDIT" | "C" | "CR" | "CO" => Ok(Some(Direction::In)),
        "OUT" | "OUTGOING" | "DEBIT" | "D" | "DR" | "NO" => Ok(Some(Direction::Out)),
        _ => Err(Finding::new(Code::ReconcileDirectionInvalid, field).detail(quote(t))),
    }
}

/// Builds the record from checked parts.
#[allow(clippy::too_many_arguments)]
fn statement_record(
    line: u64,
    amount: Option<(bool, Amount)>,
    direction: Option<Direction>,
    direction_field: &str,
    content: String,
    reference: Option<String>,
    date: Option<(&str, String)>,
    counter_name: Option<String>,
    account: Option<String>,
    gateway: Option<String>,
    counter_account: Option<String>,
    findings: &mut Vec<Finding>,
) -> Result<StatementRecord, RecordError> {
    // A date that is not one (2024-13-45) is refused: the line's lateness would be
    // unknown without anyone being told.
    let date = match date {
        Some((field, d)) => {
            if super::Date::parse_lenient(&d).is_none() {
                findings.push(Finding::new(Code::ReconcileDateInvalid, field).detail(quote(&d)));
            }
            Some(d)
        }
        None => None,
    };
    let outgoing = match (&direction, amount) {
        (Some(Direction::In), Some((true, _))) => {
            findings.push(
                Finding::new(Code::ReconcileDirectionInvalid, direction_field)
                    .detail_both("“in”, but the amount is negative", "“in” nhưng số tiền âm"),
            );
            false
        }
        (Some(Direction::Out), _) => true,
        (Some(Direction::In), _) => false,
        (None, Some((negative, _))) => negative,
        (None, None) => false,
    };
    if !findings.is_empty() {
        return Err(RecordError {
            line,
            findings: std::mem::take(findings),
        });
    }
    let Some((_, amount)) = amount else {
        return Err(RecordError::one(
            line,
            Finding::new(Code::ReconcileValueMissing, "amount"),
        ));
    };
    if outgoing {
        return Ok(StatementRecord::Skipped(Skipped {
            line,
            amount,
            reference,
            finding: Finding::new(Code::ReconcileOutgoingSkipped, direction_field),
        }));
    }
    Ok(StatementRecord::Line(StatementLine {
        line,
        amount,
        content,
        reference,
        date,
        counter_name,
        account,
        gateway,
        counter_account,
    }))
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

struct CsvStatement<R> {
    csv: CsvReader<R>,
    rec: CsvRecord,
    cols: Vec<Option<usize>>,
    dups: Vec<(usize, usize)>,
    headers: Vec<String>,
}

/// Statement fields that carry money or its direction: two columns for one of them must
/// agree.
const STATEMENT_MONEY: &[usize] = &[S_AMOUNT, S_CREDIT, S_DEBIT, S_DIRECTION];
/// Invoice fields whose columns must agree.
const INVOICE_MONEY: &[usize] = &[I_CODE, I_AMOUNT];

impl<R: Read> CsvStatement<R> {
    /// The header of field `f`'s column (its name when it has none), borrowed: a line's
    /// findings name it, and most lines have none (issue 23: a copy of it was made for
    /// every line).
    fn header(&self, f: usize) -> &str {
        self.cols
            .get(f)
            .copied()
            .flatten()
            .and_then(|c| self.headers.get(c))
            .map(String::as_str)
            .unwrap_or_else(|| STATEMENT_FIELDS.get(f).copied().unwrap_or("?"))
    }

    fn get(&self, f: usize) -> Option<&str> {
        let c = self.cols.get(f).copied().flatten()?;
        self.rec.field(c)
    }

    fn next_record(&mut self) -> Option<Result<StatementRecord, RecordError>> {
        match self.csv.read_record(&mut self.rec) {
            Ok(false) => return None,
            Err(e) => return Some(Err(name_columns(e, &self.headers))),
            Ok(true) => {}
        }
        let line = self.rec.line;
        let mut findings = Vec::new();
        let resolved = Resolved {
            cols: std::mem::take(&mut self.cols),
            dups: std::mem::take(&mut self.dups),
        };
        row_findings(
            &self.rec,
            &self.headers,
            &resolved,
            STATEMENT_MONEY,
            &mut findings,
        );
        (self.cols, self.dups) = (resolved.cols, resolved.dups);
        if !findings.is_empty() {
            return Some(Err(RecordError { line, findings }));
        }
        let direction_col = if self.cols.get(S_DIRECTION).copied().flatten().is_some() {
            S_DIRECTION
        } else {
            S_AMOUNT
        };
        let direction = match self
            .get(S_DIRECTION)
            .map(|d| parse_direction(d, self.header(S_DIRECTION)))
        {
            Some(Ok(d)) => d,
            Some(Err(f)) => {
                findings.push(f);
                None
            }
            None => None,
        };
        let mut direction_field = self.header(direction_col);
        // Credit and debit columns: a credit is incoming, a debit outgoing; both filled
        // on one row is a conflict.
        let credit = self
            .get(S_CREDIT)
            .map(str::trim)
            .filter(|s| !s.is_empty() && !is_zero(s));
        let debit = self
            .get(S_DEBIT)
            .map(str::trim)
            .filter(|s| !s.is_empty() && !is_zero(s));
        if let (Some(c), Some(d)) = (credit, debit) {
            findings.push(conflict(self.header(S_CREDIT), c, self.header(S_DEBIT), d));
        }
        if let (Some(Direction::Out), Some(c)) = (direction, credit) {
            let d = self.get(S_DIRECTION).unwrap_or("");
            findings.push(conflict(
                self.header(S_DIRECTION),
                d,
                self.header(S_CREDIT),
                c,
            ));
        }
        let amount = if self.cols.get(S_AMOUNT).copied().flatten().is_some() {
            let field = self.header(S_AMOUNT);
            let raw = self.get(S_AMOUNT).unwrap_or("");
            match parse_signed_amount(raw, field) {
                Ok((negative, a)) => {
                    // An amount column with credit/debit columns too: they must agree
                    // with it; a debit makes the line outgoing.
                    let mut negative = negative;
                    for (f, v, out) in [(S_CREDIT, credit, false), (S_DEBIT, debit, true)] {
                        let Some(v) = v else { continue };
                        let agrees =
                            parse_amount(v, "").is_ok_and(|b| b == a && (!negative || out));
                        if !agrees {
                            findings.push(conflict(field, raw, self.header(f), v));
                        } else if out {
                            negative = true;
                            direction_field = self.header(f);
                        }
                    }
                    Some((negative, a))
                }
                Err(f) => {
                    findings.push(f);
                    None
                }
            }
        } else {
            let (value, f, negative) = match (credit, debit) {
                (Some(c), _) => (c, S_CREDIT, false),
                (None, Some(d)) => (d, S_DEBIT, true),
                (None, None) => ("", S_CREDIT, false),
            };
            let field = self.header(f);
            if negative {
                direction_field = field;
            }
            match parse_amount(value, field) {
                Ok(a) => Some((negative, a)),
                Err(f) => {
                    findings.push(f);
                    None
                }
            }
        };
        let content = self.get(S_CONTENT).unwrap_or("").to_string();
        let date = non_empty(self.get(S_DATE)).map(|d| (self.header(S_DATE), d));
        Some(statement_record(
            line,
            amount,
            direction,
            direction_field,
            content,
            non_empty(self.get(S_REFERENCE)),
            date,
            non_empty(self.get(S_COUNTER)),
            non_empty(self.get(S_ACCOUNT)),
            non_empty(self.get(S_GATEWAY)),
            non_empty(self.get(S_COUNTER_ACCOUNT)),
            &mut findings,
        ))
    }
}

fn is_zero(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b'0' | b'.' | b',' | b' ')) && s.bytes().any(|b| b == b'0')
}

/// A JSON value of a transaction field.
enum Scalar {
    Null,
    Bool(bool),
    U(u64),
    I(i64),
    F(f64),
    S(String),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string, a number, a boolean or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::U(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::I(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::F(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::S(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::S(v))
            }
        }
        d.deserialize_any(V)
    }
}

impl Scalar {
    fn into_text(self) -> Option<String> {
        match self {
            Scalar::Null => None,
            Scalar::Bool(b) => Some(b.to_string()),
            Scalar::U(v) => Some(v.to_string()),
            Scalar::I(v) => Some(v.to_string()),
            Scalar::F(v) => Some(v.to_string()),
            Scalar::S(s) => Some(s),
        }
    }

    fn amount(&self, field: &str) -> Result<(bool, Amount), Finding> {
        let invalid =
            |s: String| Finding::new(Code::ReconcileAmountInvalid, field).detail(quote(&s));
        let whole = |negative: bool, v: u64| -> Result<(bool, Amount), Finding> {
            if v == 0 {
                return Err(Finding::new(Code::ReconcileAmountZero, field));
            }
            Amount::new(v).map(|a| (negative, a)).ok_or_else(|| {
                Finding::new(Code::ReconcileAmountTooLarge, field)
                    .limit(crate::message::AMOUNT_MAX_DIGITS)
                    .detail(v.to_string())
            })
        };
        match self {
            Scalar::U(v) => whole(false, *v),
            Scalar::I(v) => whole(*v < 0, v.unsigned_abs()),
            Scalar::F(f) => {
                if !f.is_finite() {
                    Err(invalid(f.to_string()))
                } else if f.fract() != 0.0 {
                    Err(Finding::new(Code::ReconcileAmountFraction, field).detail(f.to_string()))
                } else if f.abs() >= 1e15 {
                    Err(Finding::new(Code::ReconcileAmountTooLarge, field)
                        .limit(crate::message::AMOUNT_MAX_DIGITS)
                        .detail(f.to_string()))
                } else {
                    whole(*f < 0.0, f.abs() as u64)
                }
            }
            Scalar::S(s) => parse_signed_amount(s, field),
            Scalar::Null => Err(Finding::new(Code::ReconcileValueMissing, field)),
            Scalar::Bool(b) => Err(invalid(b.to_string())),
        }
    }
}

/// A transaction as bank-notification services send it (unknown fields are ignored).
#[derive(Deserialize, Default)]
#[serde(default)]
struct JsonTxn {
    #[serde(rename = "transferAmount")]
    transfer_amount: Option<Scalar>,
    #[serde(rename = "transfer_amount")]
    transfer_amount_snake: Option<Scalar>,
    amount: Option<Scalar>,
    content: Option<Scalar>,
    description: Option<Scalar>,
    #[serde(rename = "referenceCode")]
    reference_code: Option<Scalar>,
    #[serde(rename = "reference_code")]
    reference_code_snake: Option<Scalar>,
    reference: Option<Scalar>,
    tid: Option<Scalar>,
    transaction_id: Option<Scalar>,
    id: Option<Scalar>,
    #[serde(rename = "transactionDate")]
    transaction_date: Option<Scalar>,
    #[serde(rename = "transaction_date")]
    transaction_date_snake: Option<Scalar>,
    when: Option<Scalar>,
    date: Option<Scalar>,
    #[serde(rename = "transferType")]
    transfer_type: Option<Scalar>,
    #[serde(rename = "transfer_type")]
    transfer_type_snake: Option<Scalar>,
    direction: Option<Scalar>,
    #[serde(rename = "accountNumber")]
    account_number: Option<Scalar>,
    #[serde(rename = "account_number")]
    account_number_snake: Option<Scalar>,
    gateway: Option<Scalar>,
    #[serde(rename = "counterAccountName")]
    counter_account_name: Option<Scalar>,
    #[serde(rename = "counter_account_name")]
    counter_account_name_snake: Option<Scalar>,
    #[serde(rename = "corresponsiveName")]
    corresponsive_name: Option<Scalar>,
    #[serde(rename = "counterName")]
    counter_name: Option<Scalar>,
    #[serde(rename = "counterAccount")]
    counter_account: Option<Scalar>,
    #[serde(rename = "counterAccountNumber")]
    counter_account_number: Option<Scalar>,
    #[serde(rename = "counter_account_number")]
    counter_account_number_snake: Option<Scalar>,
}

/// The first present, non-null, non-empty value.
fn first(options: Vec<(Option<Scalar>, &'static str)>) -> Option<(Scalar, &'static str)> {
    options.into_iter().find_map(|(v, name)| match v {
        Some(Scalar::Null) | None => None,
        Some(Scalar::S(s)) if s.trim().is_empty() => None,
        Some(v) => Some((v, name)),
    })
}

fn text(options: Vec<(Option<Scalar>, &'static str)>) -> Option<String> {
    first(options)
        .and_then(|(v, _)| v.into_text())
        .map(|s| s.trim().to_string())
}

/// Every present, non-null, non-empty value, in the order given.
fn all_present(options: Vec<(Option<Scalar>, &'static str)>) -> Vec<(Scalar, &'static str)> {
    options
        .into_iter()
        .filter_map(|(v, name)| match v {
            Some(Scalar::Null) | None => None,
            Some(Scalar::S(s)) if s.trim().is_empty() => None,
            Some(v) => Some((v, name)),
        })
        .collect()
}

/// A scalar as written, for a conflict finding.
fn written(v: &Scalar) -> String {
    match v {
        Scalar::S(s) => s.clone(),
        Scalar::Null => "null".to_string(),
        Scalar::Bool(b) => b.to_string(),
        Scalar::U(v) => v.to_string(),
        Scalar::I(v) => v.to_string(),
        Scalar::F(v) => v.to_string(),
    }
}

fn json_record(t: JsonTxn, line: u64) -> Result<StatementRecord, RecordError> {
    let mut findings = Vec::new();
    // Every amount field given must say the same; the first one named is used.
    let amounts = all_present(vec![
        (t.transfer_amount, "transferAmount"),
        (t.transfer_amount_snake, "transfer_amount"),
        (t.amount, "amount"),
    ]);
    let mut amount = None;
    for (i, (v, field)) in amounts.iter().enumerate() {
        match v.amount(field) {
            Ok(a) if i == 0 => amount = Some(a),
            Ok(a) => {
                if let Some((first_v, first_field)) = amounts.first() {
                    if amount.is_some_and(|x| x != a) {
                        findings.push(conflict(first_field, &written(first_v), field, &written(v)));
                    }
                }
            }
            Err(f) => findings.push(f),
        }
    }
    if amounts.is_empty() {
        findings.push(Finding::new(Code::ReconcileValueMissing, "transferAmount"));
    }
    // Likewise the direction fields.
    let directions = all_present(vec![
        (t.transfer_type, "transferType"),
        (t.transfer_type_snake, "transfer_type"),
        (t.direction, "direction"),
    ]);
    let mut direction = None;
    let mut direction_field = "transferAmount";
    for (i, (v, field)) in directions.iter().enumerate() {
        match parse_direction(&written(v), field) {
            Ok(d) if i == 0 => {
                direction = d;
                direction_field = field;
            }
            Ok(d) => {
                if let Some((first_v, first_field)) = directions.first() {
                    if direction.is_some() && d != direction {
                        findings.push(conflict(first_field, &written(first_v), field, &written(v)));
                    }
                }
            }
            Err(f) => {
                if i == 0 {
                    direction_field = field;
                }
                findings.push(f);
            }
        }
    }
    let content =
        text(vec![(t.content, "content"), (t.description, "description")]).unwrap_or_default();
    let reference = text(vec![
        (t.reference_code, "referenceCode"),
        (t.reference_code_snake, "reference_code"),
        (t.reference, "reference"),
        (t.tid, "tid"),
        (t.transaction_id, "transaction_id"),
        (t.id, "id"),
    ]);
    let date = first(vec![
        (t.transaction_date, "transactionDate"),
        (t.transaction_date_snake, "transaction_date"),
        (t.when, "when"),
        (t.date, "date"),
    ])
    .and_then(|(v, field)| v.into_text().map(|d| (field, d.trim().to_string())));
    let counter = text(vec![
        (t.counter_account_name, "counterAccountName"),
        (t.counter_account_name_snake, "counter_account_name"),
        (t.corresponsive_name, "corresponsiveName"),
        (t.counter_name, "counterName"),
    ]);
    let account = text(vec![
        (t.account_number, "accountNumber"),
        (t.account_number_snake, "account_number"),
    ]);
    let gateway = text(vec![(t.gateway, "gateway")]);
    let counter_account = text(vec![
        (t.counter_account, "counterAccount"),
        (t.counter_account_number, "counterAccountNumber"),
        (t.counter_account_number_snake, "counter_account_number"),
    ]);
    statement_record(
        line,
        amount,
        direction,
        direction_field,
        content,
        reference,
        date,
        counter,
        account,
        gateway,
        counter_account,
        &mut findings,
    )
}

/// A serde_json error as a finding. The parser's message is English: the English detail is
/// that message; the Vietnamese one says what kind of error it is and where (line and
/// column; the column only when `one_line`, a JSON-lines record) and quotes the message.
fn json_error(line: u64, e: &serde_json::Error, one_line: bool) -> RecordError {
    use serde_json::error::Category;
    let msg = e
        .to_string()
        .replace("struct JsonTxn", "a transaction object");
    let position = format!(" at line {} column {}", e.line(), e.column());
    let bare = msg.strip_suffix(position.as_str()).unwrap_or(&msg);
    let what = match e.classify() {
        Category::Io => "không đọc được dữ liệu JSON",
        Category::Syntax => "JSON không hợp lệ",
        Category::Eof => "JSON kết thúc giữa chừng",
        Category::Data => "dữ liệu JSON không đúng dạng giao dịch",
    };
    let at = match (e.line(), one_line) {
        (0, _) => String::new(),
        (_, true) => format!(" ở cột {}", e.column()),
        (l, false) => format!(" ở dòng {l} cột {}", e.column()),
    };
    let vi = format!("{what}{at} (trình phân tích JSON báo: “{bare}”)");
    RecordError::one(
        line,
        Finding::new(Code::ReconcileJsonInvalid, "").detail_both(msg, vi),
    )
}

/// A value that is not a JSON object where a transaction is expected.
fn not_an_object() -> Finding {
    Finding::new(Code::ReconcileJsonInvalid, "")
        .detail_both("expected an object {…}", "cần một đối tượng {…}")
}

struct LinesStatement<R> {
    r: BufReader<R>,
    line: u64,
    blank: u64,
    buf: Vec<u8>,
    io_error: Option<std::io::Error>,
}

impl<R: Read> LinesStatement<R> {
    /// Reads one physical line into `buf` (without its line break), keeping at most
    /// `RECORD_MAX` bytes; `None` at the end, `Some(true)` when the line was too long.
    fn read_line(&mut self) -> Option<bool> {
        self.buf.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let chunk = match self.r.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.io_error = Some(e);
                    return any.then_some(too_long);
                }
            };
            if chunk.is_empty() {
                return any.then_some(too_long);
            }
            any = true;
            let (take, done) = match chunk.iter().position(|b| *b == b'\n') {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            let room = RECORD_MAX.saturating_sub(self.buf.len());
            if take > room {
                too_long = true;
            }
            self.buf
                .extend_from_slice(chunk.get(..take.min(room)).unwrap_or(&[]));
            let consumed = if done { take + 1 } else { take };
            self.r.consume(consumed);
            if done {
                return Some(too_long);
            }
        }
    }

    fn next_record(&mut self) -> Option<Result<StatementRecord, RecordError>> {
        loop {
            let too_long = self.read_line()?;
            self.line += 1;
            let line = self.line;
            if too_long {
                return Some(Err(RecordError::one(
                    line,
                    Finding::new(Code::ReconcileRecordTooLong, "").limit(RECORD_MAX),
                )));
            }
            let mut bytes: &[u8] = &self.buf;
            if line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                self.blank += 1;
                continue;
            }
            let s = match std::str::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => {
                    return Some(Err(RecordError::one(
                        line,
                        Finding::new(Code::ReconcileNotUtf8, "")
                            .at(e.valid_up_to() + 1, '\u{FFFD}'),
                    )))
                }
            };
            if !s.trim_start().starts_with('{') {
                return Some(Err(RecordError::one(line, not_an_object())));
            }
            return Some(match crate::json::from_str::<JsonTxn>(s) {
                Ok(t) => json_record(t, line),
                Err(e) => Err(json_error(line, &e, true)),
            });
        }
    }
}

struct ArrayStatement {
    items: std::vec::IntoIter<serde_json::Value>,
    n: u64,
}

impl ArrayStatement {
    fn next_record(&mut self) -> Option<Result<StatementRecord, RecordError>> {
        let v = self.items.next()?;
        self.n += 1;
        let line = self.n;
        if !v.is_object() {
            return Some(Err(RecordError::one(line, not_an_object())));
        }
        Some(match serde_json::from_value::<JsonTxn>(v) {
            Ok(t) => json_record(t, line),
            Err(e) => Err(json_error(line, &e, false)),
        })
    }
}

enum Inner<R> {
    Csv(Box<CsvStatement<R>>),
    Lines(LinesStatement<R>),
    Array(ArrayStatement),
}

/// Reads statement records one at a time (an iterator of
/// `Result<StatementRecord, RecordError>`; an error is one bad record, reading goes on).
pub struct StatementReader<R> {
    inner: Inner<R>,
    input: InputLines,
}

/// How the physical lines of a statement were used, so far: every line read is counted
/// once, as fed, skipped or rejected (`fed + skipped + rejected == lines`). A record that
/// spans several lines (a quoted field with line breaks) counts all of them. For a JSON
/// array, "lines" are its elements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputLines {
    /// Physical lines read.
    pub lines: u64,
    /// Lines of the records handed out to be fed ([`StatementRecord::Line`]).
    pub fed: u64,
    /// The header row, blank lines and the lines of outgoing records
    /// ([`StatementRecord::Skipped`]).
    pub skipped: u64,
    /// Lines of the records that could not be used (errors).
    pub rejected: u64,
}

impl InputLines {
    /// Adds `other`'s counts.
    pub fn add(&mut self, other: &InputLines) {
        self.lines += other.lines;
        self.fed += other.fed;
        self.skipped += other.skipped;
        self.rejected += other.rejected;
    }
}

impl<R: Read> StatementReader<R> {
    /// A reader for `format`.
    pub fn new(
        format: StatementFormat,
        r: R,
        columns: &Columns,
    ) -> Result<StatementReader<R>, RecordError> {
        match format {
            StatementFormat::Csv => Self::csv(r, columns),
            StatementFormat::JsonLines => Ok(Self::json_lines(r)),
            StatementFormat::Json => Self::json(r),
        }
    }

    /// A CSV statement; reads the header row (errors: missing columns, bad mapping).
    pub fn csv(r: R, columns: &Columns) -> Result<StatementReader<R>, RecordError> {
        Self::csv_from(CsvReader::detect(r), columns)
    }

    /// A CSV statement with a known delimiter (blank lines before the header allowed).
    pub fn csv_with_delimiter(
        r: R,
        columns: &Columns,
        delimiter: u8,
    ) -> Result<StatementReader<R>, RecordError> {
        Self::csv_from(CsvReader::new(r, delimiter), columns)
    }

    fn csv_from(
        mut csv: CsvReader<R>,
        columns: &Columns,
    ) -> Result<StatementReader<R>, RecordError> {
        let mut rec = CsvRecord::default();
        let headers = read_header(&mut csv, &mut rec)?;
        let Resolved { cols, dups } = resolve_columns(
            &rec,
            STATEMENT_FIELDS,
            STATEMENT_ALIASES,
            columns,
            &[S_CONTENT],
            STATEMENT_MONEY,
        )?;
        let has_amount = cols.get(S_AMOUNT).copied().flatten().is_some();
        let has_credit = cols.get(S_CREDIT).copied().flatten().is_some();
        if !has_amount && !has_credit {
            return Err(RecordError::one(
                rec.line,
                Finding::new(Code::ReconcileColumnMissing, "").detail_both(
                    "amount (or credit)",
                    "amount (số tiền) hoặc credit (ghi có)",
                ),
            ));
        }
        // Header row and the blank lines before it: accounted as skipped.
        let header_lines = csv.lines_read();
        Ok(StatementReader {
            inner: Inner::Csv(Box::new(CsvStatement {
                csv,
                rec,
                cols,
                dups,
                headers,
            })),
            input: InputLines {
                lines: header_lines,
                fed: 0,
                skipped: header_lines,
                rejected: 0,
            },
        })
    }

    /// A JSON-lines statement.
    pub fn json_lines(r: R) -> StatementReader<R> {
        StatementReader {
            inner: Inner::Lines(LinesStatement {
                r: BufReader::with_capacity(1 << 16, r),
                line: 0,
                blank: 0,
                buf: Vec::new(),
                io_error: None,
            }),
            input: InputLines::default(),
        }
    }

    /// A JSON statement: an array of transactions, or an object holding one under `data`,
    /// `data.records`, `records` or `transactions`, or a single transaction. Read whole.
    pub fn json(mut r: R) -> Result<StatementReader<R>, RecordError> {
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes).map_err(|e| {
            RecordError::one(
                1,
                Finding::new(Code::ReconcileJsonInvalid, "")
                    .detail_both(e.to_string(), format!("không đọc được dữ liệu (“{e}”)")),
            )
        })?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let v: serde_json::Value =
            crate::json::value_from_slice(bytes).map_err(|e| json_error(1, &e, false))?;
        let items = match v {
            serde_json::Value::Array(a) => a,
            serde_json::Value::Object(mut o) => {
                let inner = o
                    .remove("data")
                    .map(|d| match d {
                        serde_json::Value::Object(mut d) => {
                            d.remove("records").unwrap_or(serde_json::Value::Null)
                        }
                        other => other,
                    })
                    .or_else(|| o.remove("records"))
                    .or_else(|| o.remove("transactions"));
                match inner {
                    Some(serde_json::Value::Array(a)) => a,
                    Some(_) => {
                        return Err(RecordError::one(
                            1,
                            Finding::new(Code::ReconcileJsonInvalid, "").detail_both(
                                "no array of transactions found",
                                "không tìm thấy mảng giao dịch",
                            ),
                        ))
                    }
                    None => vec![serde_json::Value::Object(o)],
                }
            }
            _ => {
                return Err(RecordError::one(
                    1,
                    Finding::new(Code::ReconcileJsonInvalid, "").detail_both(
                        "expected an array of transactions",
                        "cần một mảng giao dịch",
                    ),
                ))
            }
        };
        Ok(StatementReader {
            inner: Inner::Array(ArrayStatement {
                items: items.into_iter(),
                n: 0,
            }),
            input: InputLines::default(),
        })
    }

    /// How the lines read so far were used (see [`InputLines`]).
    pub fn input_lines(&self) -> InputLines {
        self.input
    }

    /// Lines read so far and blank lines among them.
    fn lines_so_far(&self) -> (u64, u64) {
        match &self.inner {
            Inner::Csv(c) => (c.csv.lines_read(), c.csv.blank_lines()),
            Inner::Lines(l) => (l.line, l.blank),
            Inner::Array(a) => (a.n, 0),
        }
    }

    /// The I/O error that ended reading early, if any.
    pub fn take_io_error(&mut self) -> Option<std::io::Error> {
        match &mut self.inner {
            Inner::Csv(c) => c.csv.take_io_error(),
            Inner::Lines(l) => l.io_error.take(),
            Inner::Array(_) => None,
        }
    }
}

impl<R: Read> Iterator for StatementReader<R> {
    type Item = Result<StatementRecord, RecordError>;
    fn next(&mut self) -> Option<Self::Item> {
        let (lines, blank) = self.lines_so_far();
        let item = match &mut self.inner {
            Inner::Csv(c) => c.next_record(),
            Inner::Lines(l) => l.next_record(),
            Inner::Array(a) => a.next_record(),
        };
        let (lines_after, blank_after) = self.lines_so_far();
        let blank = blank_after.saturating_sub(blank);
        let span = lines_after.saturating_sub(lines).saturating_sub(blank);
        let i = &mut self.input;
        i.lines += lines_after.saturating_sub(lines);
        i.skipped += blank;
        match &item {
            Some(Ok(StatementRecord::Line(_))) => i.fed += span,
            Some(Ok(StatementRecord::Skipped(_))) | None => i.skipped += span,
            Some(Err(_)) => i.rejected += span,
        }
        item
    }
}

/// Reads an invoice list (CSV): an iterator of `Result<(line, Invoice), RecordError>`.
pub struct InvoiceReader<R> {
    csv: CsvReader<R>,
    rec: CsvRecord,
    cols: InvoiceColumns,
}

/// What reads an invoice record's fields: the header row and the columns of the fields.
/// Shared with the threads that read records for the reconciler
/// ([`super::Reconciler::add_invoices_from`]).
#[derive(Clone)]
pub(crate) struct InvoiceColumns {
    resolved: Resolved,
    headers: Vec<String>,
    /// [`InvoiceReader::column_name`] of `code` and `amount`, named in findings (kept, not
    /// rebuilt per record).
    code_name: String,
    amount_name: String,
}

impl InvoiceColumns {
    fn column_name(&self, field: &str) -> String {
        INVOICE_FIELDS
            .iter()
            .position(|f| *f == field)
            .and_then(|f| self.resolved.cols.get(f).copied().flatten())
            .and_then(|c| self.headers.get(c))
            .cloned()
            .unwrap_or_else(|| field.to_string())
    }

    fn get<'a>(&self, rec: &'a CsvRecord, f: usize) -> Option<&'a str> {
        let c = self.resolved.cols.get(f).copied().flatten()?;
        rec.field(c)
    }

    /// The fields of a record read from the list, or what is wrong with it.
    pub(crate) fn fields<'a>(&self, rec: &'a CsvRecord) -> Result<InvoiceFields<'a>, RecordError> {
        let line = rec.line;
        let mut findings = Vec::new();
        row_findings(
            rec,
            &self.headers,
            &self.resolved,
            INVOICE_MONEY,
            &mut findings,
        );
        if !findings.is_empty() {
            return Err(RecordError { line, findings });
        }
        let code = self
            .get(rec, I_CODE)
            .map(crate::reference::trim_whitespace)
            .unwrap_or("");
        if code.is_empty() {
            findings.push(Finding::new(
                Code::ReconcileValueMissing,
                self.code_name.clone(),
            ));
        }
        let amount = match parse_amount(self.get(rec, I_AMOUNT).unwrap_or(""), &self.amount_name) {
            Ok(a) => Some(a),
            Err(f) => {
                findings.push(f);
                None
            }
        };
        match amount {
            Some(amount) if findings.is_empty() => Ok(InvoiceFields {
                code,
                amount,
                payer: trimmed(self.get(rec, I_PAYER)),
                beneficiary: trimmed(self.get(rec, I_BENEFICIARY)),
                due: trimmed(self.get(rec, I_DUE)),
            }),
            _ => Err(RecordError { line, findings }),
        }
    }
}

impl<R: Read> InvoiceReader<R> {
    /// Reads the header row (errors: missing `code` or `amount` column, bad mapping).
    pub fn new(r: R, columns: &Columns) -> Result<InvoiceReader<R>, RecordError> {
        Self::from_csv(CsvReader::detect(r), columns)
    }

    /// As [`InvoiceReader::new`], with a known delimiter (blank lines before the header
    /// row allowed): how a spreadsheet's rows are read ([`super::open_invoices`]).
    pub fn with_delimiter(
        r: R,
        columns: &Columns,
        delimiter: u8,
    ) -> Result<InvoiceReader<R>, RecordError> {
        Self::from_csv(CsvReader::new(r, delimiter), columns)
    }

    fn from_csv(mut csv: CsvReader<R>, columns: &Columns) -> Result<InvoiceReader<R>, RecordError> {
        let mut rec = CsvRecord::default();
        let headers = read_header(&mut csv, &mut rec)?;
        let resolved = resolve_columns(
            &rec,
            INVOICE_FIELDS,
            INVOICE_ALIASES,
            columns,
            &[I_CODE, I_AMOUNT],
            INVOICE_MONEY,
        )?;
        let mut cols = InvoiceColumns {
            resolved,
            headers,
            code_name: String::new(),
            amount_name: String::new(),
        };
        cols.code_name = cols.column_name("code");
        cols.amount_name = cols.column_name("amount");
        Ok(InvoiceReader { csv, rec, cols })
    }

    /// The header text of a field (`code`, `amount`, `payer`, `beneficiary`, `due`), or the
    /// field's name when it has no column.
    pub fn column_name(&self, field: &str) -> String {
        self.cols.column_name(field)
    }

    /// The I/O error that ended reading early, if any.
    pub fn take_io_error(&mut self) -> Option<std::io::Error> {
        self.csv.take_io_error()
    }

    /// The reader's columns, to read records' fields elsewhere.
    pub(crate) fn columns(&self) -> &InvoiceColumns {
        &self.cols
    }

    /// Reads the next record into `rec` (its fields are read with
    /// [`InvoiceColumns::fields`]); `None` at the end.
    pub(crate) fn read_into(&mut self, rec: &mut CsvRecord) -> Option<Result<(), RecordError>> {
        match self.csv.read_record(rec) {
            Ok(false) => None,
            Err(e) => Some(Err(name_columns(e, &self.cols.headers))),
            Ok(true) => Some(Ok(())),
        }
    }
}

/// `s` trimmed, if not blank.
fn trimmed(s: Option<&str>) -> Option<&str> {
    s.map(crate::reference::trim_whitespace)
        .filter(|s| !s.is_empty())
}

/// The fields of an invoice record, borrowed from its reader ([`InvoiceReader::next_fields`]):
/// what an [`Invoice`] owns, without copying it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoiceFields<'a> {
    /// The code, trimmed (never empty).
    pub code: &'a str,
    /// The amount due.
    pub amount: Amount,
    /// The payer's name, trimmed, if not blank.
    pub payer: Option<&'a str>,
    /// The beneficiary's name, trimmed, if not blank.
    pub beneficiary: Option<&'a str>,
    /// The due date as written, trimmed, if not blank.
    pub due: Option<&'a str>,
}

impl<'a> InvoiceFields<'a> {
    /// The fields of an invoice.
    pub fn of(inv: &'a Invoice) -> InvoiceFields<'a> {
        InvoiceFields {
            code: &inv.code,
            amount: inv.amount,
            payer: inv.payer.as_deref(),
            beneficiary: inv.beneficiary.as_deref(),
            due: inv.due.as_deref(),
        }
    }

    /// An owned invoice.
    pub fn to_invoice(&self) -> Invoice {
        Invoice {
            code: self.code.to_string(),
            amount: self.amount,
            payer: self.payer.map(str::to_string),
            beneficiary: self.beneficiary.map(str::to_string),
            due: self.due.map(str::to_string),
        }
    }
}

impl<R: Read> InvoiceReader<R> {
    /// The next record as fields borrowed from the reader (nothing allocated per record):
    /// what [`Iterator::next`] gives, before it is copied into an [`Invoice`].
    pub fn next_fields(&mut self) -> Option<Result<(u64, InvoiceFields<'_>), RecordError>> {
        match self.csv.read_record(&mut self.rec) {
            Ok(false) => None,
            Err(e) => Some(Err(name_columns(e, &self.cols.headers))),
            Ok(true) => Some(self.cols.fields(&self.rec).map(|f| (self.rec.line, f))),
        }
    }
}

impl<R: Read> Iterator for InvoiceReader<R> {
    type Item = Result<(u64, Invoice), RecordError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_fields()
            .map(|r| r.map(|(line, f)| (line, f.to_invoice())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statements(input: &str, columns: &str) -> Vec<Result<StatementRecord, RecordError>> {
        StatementReader::csv(input.as_bytes(), &columns.parse().unwrap())
            .unwrap()
            .collect()
    }

    #[test]
    fn csv_default_and_mapping() {
        let got = statements(
            "date,amount,content,reference\n2024-09-01,\"1,250,000\",HP 1 noi dung,FT1\n",
            "",
        );
        let Ok(StatementRecord::Line(l)) = &got[0] else {
            panic!("{got:?}")
        };
        assert_eq!(
            (l.line, l.amount.vnd(), l.content.as_str()),
            (2, 1_250_000, "HP 1 noi dung")
        );
        assert_eq!(l.reference.as_deref(), Some("FT1"));
        let got = statements(
            "Ngày;Số tiền;Nội dung;Số tham chiếu\n01/09/2024;1.250.000;abc;X\n",
            "",
        );
        assert!(matches!(&got[0], Ok(StatementRecord::Line(l)) if l.amount.vnd() == 1_250_000));
        let got = statements("A,B,C\n1,2.000,x\n", "content=C,amount=2");
        assert!(
            matches!(&got[0], Ok(StatementRecord::Line(l)) if l.amount.vnd() == 2000 && l.content == "x")
        );
    }

    #[test]
    fn csv_credit_debit_and_direction() {
        let got = statements(
            "date,credit,debit,content\n2024-09-01,1.000,,in\n2024-09-01,,2.000,out\n",
            "",
        );
        assert!(matches!(&got[0], Ok(StatementRecord::Line(l)) if l.amount.vnd() == 1000));
        assert!(
            matches!(&got[1], Ok(StatementRecord::Skipped(s)) if s.amount.vnd() == 2000 && s.line == 3)
        );
        let got = statements(
            "amount,content,direction\n-5000,a,\n5000,b,out\n5000,c,sideways\n",
            "",
        );
        assert!(matches!(&got[0], Ok(StatementRecord::Skipped(_))));
        assert!(matches!(&got[1], Ok(StatementRecord::Skipped(_))));
        let Err(e) = &got[2] else { panic!() };
        assert_eq!(
            (e.line, e.findings[0].code.key()),
            (4, "reconcile.direction_invalid")
        );
    }

    #[test]
    fn csv_errors_name_line_and_column() {
        let got = statements(
            "date,So tien,content\n2024-09-01,1.25,x\n2024-09-01,,y\n",
            "amount=So tien",
        );
        let Err(e) = &got[0] else { panic!() };
        assert_eq!(e.line, 2);
        assert_eq!(e.findings[0].field, "So tien");
        assert_eq!(e.findings[0].code.key(), "reconcile.amount_fraction");
        assert_eq!(e.to_string(), "line 2, column So tien: the amount “1.25” has a non-zero decimal part; amounts are whole đồng [reconcile.amount_fraction]");
        let Err(e) = &got[1] else { panic!() };
        assert_eq!(e.findings[0].code.key(), "reconcile.value_missing");
        let e = StatementReader::csv("date,content\n".as_bytes(), &Columns::new())
            .err()
            .unwrap();
        assert_eq!(e.findings[0].code.key(), "reconcile.column_missing");
        let e = StatementReader::csv("".as_bytes(), &Columns::new())
            .err()
            .unwrap();
        assert_eq!(e.findings[0].code.key(), "reconcile.header_missing");
        let e = StatementReader::csv("amount,content\n".as_bytes(), &"colour=x".parse().unwrap())
            .err()
            .unwrap();
        assert_eq!(e.findings[0].code.key(), "reconcile.columns_invalid");
        assert!("content".parse::<Columns>().is_err());
    }

    #[test]
    fn json_lines_shapes() {
        let input = concat!(
            r#"{"id":92704,"gateway":"Vietcombank","transactionDate":"2023-03-25 14:02:37","accountNumber":"0123499999","code":null,"content":"HP 123","transferType":"in","transferAmount":2277000,"accumulated":19077000,"subAccount":null,"referenceCode":"MBVCB.3278907687","description":""}"#,
            "\n\n",
            r#"{"transfer_type":"debit","amount":"50.000","content":"x","reference_code":"FT1"}"#,
            "\n",
            r#"{"description":"abc","amount":-3000}"#,
            "\n[1]\n",
            r#"{"transferAmount":12.5,"content":"y"}"#,
            "\n{not json\n",
        );
        let got: Vec<_> = StatementReader::json_lines(input.as_bytes()).collect();
        let Ok(StatementRecord::Line(l)) = &got[0] else {
            panic!("{:?}", got[0])
        };
        assert_eq!(
            (l.line, l.amount.vnd(), l.content.as_str()),
            (1, 2_277_000, "HP 123")
        );
        assert_eq!(l.reference.as_deref(), Some("MBVCB.3278907687"));
        assert_eq!(l.gateway.as_deref(), Some("Vietcombank"));
        assert_eq!(l.account.as_deref(), Some("0123499999"));
        assert!(
            matches!(&got[1], Ok(StatementRecord::Skipped(s)) if s.line == 3 && s.amount.vnd() == 50_000)
        );
        assert!(matches!(&got[2], Ok(StatementRecord::Skipped(s)) if s.line == 4));
        assert!(
            matches!(&got[3], Err(e) if e.line == 5 && e.findings[0].code.key() == "reconcile.json_invalid")
        );
        assert!(
            matches!(&got[4], Err(e) if e.line == 6 && e.findings[0].code.key() == "reconcile.amount_fraction")
        );
        assert!(
            matches!(&got[5], Err(e) if e.line == 7 && e.findings[0].code.key() == "reconcile.json_invalid")
        );
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn json_array_shapes() {
        for input in [
            r#"[{"amount":1000,"description":"a"}]"#,
            r#"{"error":0,"data":[{"amount":1000,"description":"a"}]}"#,
            r#"{"data":{"records":[{"amount":1000,"description":"a"}]}}"#,
            r#"{"amount":1000,"description":"a"}"#,
        ] {
            let got: Vec<_> = StatementReader::json(input.as_bytes()).unwrap().collect();
            assert!(
                matches!(&got[..], [Ok(StatementRecord::Line(l))] if l.line == 1 && l.content == "a"),
                "{input}"
            );
        }
    }

    #[test]
    fn invoices() {
        let input = "\u{feff}code,amount,payer,beneficiary,due\r\nHP1,\"1,250,000\",Nguyễn Văn An,,2024-09-15\r\n,5,,,\r\n";
        let mut r = InvoiceReader::new(input.as_bytes(), &Columns::new()).unwrap();
        let (line, inv) = r.next().unwrap().unwrap();
        assert_eq!(
            (
                line,
                inv.amount.vnd(),
                inv.payer.as_deref(),
                inv.beneficiary
            ),
            (2, 1_250_000, Some("Nguyễn Văn An"), None)
        );
        let e = r.next().unwrap().unwrap_err();
        assert_eq!(
            (e.line, e.findings[0].code.key()),
            (3, "reconcile.value_missing")
        );
        assert!(r.next().is_none());
    }
}
