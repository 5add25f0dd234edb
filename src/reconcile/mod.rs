//! Reconciliation: matching bank statement lines to open invoices.
//!
//! A [`Reconciler`] holds the open invoices ([`Reconciler::add_invoice`]) and classifies
//! statement lines one at a time ([`Reconciler::feed`]): memory grows with the invoices,
//! not with the statement. Each line gets a [`LineResult`]: a [`Status`], the invoice, a
//! reason in English and Vietnamese, and the [`Evidence`] (codes and where they were found,
//! amounts, names).
//!
//! # Statuses
//! Codes are found in the transfer content with [`crate::memo::extract`] (payment codes of
//! the institution's schemes and RF references, both self-checking) and, for invoices whose
//! code is an RF reference, an e-invoice or the institution's own code, by looking for the
//! code's compacted form in the compacted content (see [`Reconciler`]). Then:
//!
//! | status | rule |
//! |---|---|
//! | `paid` | one code, naming an open invoice; with earlier payments, the total now equals the amount due |
//! | `partial` | one code, naming an open invoice; the total paid is still below the amount due |
//! | `overpaid` | one code, naming an open invoice not yet settled; the total paid now exceeds the amount due |
//! | `duplicate` | one code, naming an invoice already settled by earlier lines |
//! | `unknown_code` | one verified code, naming no invoice that was loaded |
//! | `ambiguous` | several distinct codes (known or not) |
//! | `unmatched` | no code; with a `suggestion` when a name and the exact amount point to exactly one open invoice |
//!
//! A code that a person would read differently is not used: a control, invisible or
//! bidirectional character inside a code candidate, or a bidirectional control anywhere on
//! the line, makes the line `unmatched` with no suggestion, and [`Evidence::hidden`] names
//! each character (see docs/guarantees.md).
//!
//! Only `paid`, `partial`, `overpaid` and `duplicate` change an invoice's paid total.
//! A suggestion never does: a name never proves identity (docs/domain.md, "Names").
//!
//! # Reading and writing
//! [`InvoiceReader`] and [`StatementReader`] read CSV (configurable [`Columns`]), JSON lines
//! and JSON arrays in the shapes bank-notification services send; [`write_json_line`] and
//! [`CsvWriter`] write the results. Amounts: [`parse_amount`].
//!
//! # Example
//!
//! ```
//! use vietref::reconcile::{
//!     Columns, InvoiceReader, Reconciler, StatementFormat, StatementReader, StatementRecord, Status,
//! };
//!
//! let schemes = ["HP:6".parse()?];
//! let mut r = Reconciler::new(&schemes);
//! let invoices = "code,amount,payer\nHP24010172,1250000,Nguyễn Văn An\n";
//! for item in InvoiceReader::new(invoices.as_bytes(), &Columns::new())? {
//!     let (_line, inv) = item?;
//!     r.add_invoice(inv).map_err(|f| format!("{f:?}"))?;
//! }
//! let statement = "amount,content\n1250000,MBVCB.123.HP24010172 HOC PHI\n";
//! for item in StatementReader::new(StatementFormat::Csv, statement.as_bytes(), &Columns::new())? {
//!     if let StatementRecord::Line(line) = item? {
//!         let res = r.feed(line);
//!         assert_eq!(res.status, Status::Paid);
//!         println!("{}", res.reason());
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod amount;
mod csv;
mod date;
mod engine;
pub mod header;
mod index;
mod names;
mod read;
mod reason;
mod sheet;
mod write;

#[cfg(test)]
mod test_io;

pub use amount::{format_amount, parse_amount, parse_signed_amount, Grouping};
#[cfg(feature = "fuzzing")]
pub(crate) use csv::check_reading_by_slices;
pub use csv::{detect_delimiter, CsvReader, CsvRecord, RecordError, RECORD_MAX};
pub use date::Date;
pub use engine::{Added, Loaded, Reconciler, CODE_SEARCH_MIN, FEED_BATCH, PIPE_CHUNK};
pub use header::SkippedRow;
pub use read::{
    Columns, InputLines, InvoiceFields, InvoiceReader, Skipped, StatementFormat, StatementReader,
    StatementRecord, INVOICE_FIELDS, STATEMENT_FIELDS,
};
pub use sheet::{
    open_invoices, open_invoices_file, open_statement, open_statement_file, MappedColumn,
    OpenedInvoices, OpenedStatement, StatementMapping, TableFormat,
};
pub use write::{
    push_csv_row, push_csv_rows, push_json_line, push_json_line_bytes, push_json_lines_bytes,
    write_json_line, CsvWriter, CSV_COLUMNS,
};

use crate::message::Amount;
use crate::reference::RefKind;
use reason::Reason;
use serde::Serialize;

/// An open invoice, as handed in (owned values; checked by [`Reconciler::add_invoice`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    /// The invoice code: a payment code of one of the reconciler's schemes, an RF
    /// reference, an e-invoice identifier or the institution's own code.
    pub code: String,
    /// The amount due, in đồng.
    pub amount: Amount,
    /// The payer's full name, if known.
    pub payer: Option<String>,
    /// The beneficiary's full name (the pupil, the patient), if known.
    pub beneficiary: Option<String>,
    /// The due date (`YYYY-MM-DD` or `DD/MM/YYYY`), if any.
    pub due: Option<String>,
}

impl Invoice {
    /// An invoice with a code and an amount only.
    pub fn new(code: impl Into<String>, amount: Amount) -> Invoice {
        Invoice {
            code: code.into(),
            amount,
            payer: None,
            beneficiary: None,
            due: None,
        }
    }
}

/// One incoming statement line (owned values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    /// Where the line is: the 1-based physical line of the file for CSV and JSON lines, the
    /// 1-based position for a JSON array; any sequence number for other sources.
    pub line: u64,
    /// The amount received.
    pub amount: Amount,
    /// The transfer content (nội dung chuyển khoản) as the bank delivered it.
    pub content: String,
    /// The bank's reference for the transaction.
    pub reference: Option<String>,
    /// The transaction date as the bank wrote it.
    pub date: Option<String>,
    /// The name of the account the money came from, when the bank gives it.
    pub counter_name: Option<String>,
    /// The receiving account number, when given.
    pub account: Option<String>,
    /// The bank or gateway, when given.
    pub gateway: Option<String>,
    /// The number of the account the money came from (`Tài khoản đối ứng`), when the bank
    /// gives it.
    pub counter_account: Option<String>,
}

impl StatementLine {
    /// A line with an amount and a content.
    pub fn new(line: u64, amount: Amount, content: impl Into<String>) -> StatementLine {
        StatementLine {
            line,
            amount,
            content: content.into(),
            reference: None,
            date: None,
            counter_name: None,
            account: None,
            gateway: None,
            counter_account: None,
        }
    }
}

/// What a statement line was found to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The invoice is now paid in full.
    Paid,
    /// Part of the invoice is paid; some is still due.
    Partial,
    /// The invoice is paid with more than was due.
    Overpaid,
    /// The invoice was already settled: this is a second payment.
    Duplicate,
    /// A valid code that names no loaded invoice.
    UnknownCode,
    /// Several distinct codes.
    Ambiguous,
    /// No code (perhaps a suggestion).
    Unmatched,
}

impl Status {
    /// Every status, in this order (also the order of [`Summary::statuses`]).
    pub const ALL: [Status; 7] = [
        Status::Paid,
        Status::Partial,
        Status::Overpaid,
        Status::Duplicate,
        Status::UnknownCode,
        Status::Ambiguous,
        Status::Unmatched,
    ];

    /// `paid`, `partial`, `overpaid`, `duplicate`, `unknown_code`, `ambiguous`, `unmatched`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Paid => "paid",
            Status::Partial => "partial",
            Status::Overpaid => "overpaid",
            Status::Duplicate => "duplicate",
            Status::UnknownCode => "unknown_code",
            Status::Ambiguous => "ambiguous",
            Status::Unmatched => "unmatched",
        }
    }

    /// A stable number (0–6, the order of [`Status::ALL`]) for the C ABI.
    pub fn number(self) -> u32 {
        self as u32
    }

    /// Whether the line was applied to an invoice (changes its paid total).
    pub fn is_applied(self) -> bool {
        matches!(
            self,
            Status::Paid | Status::Partial | Status::Overpaid | Status::Duplicate
        )
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Status, String> {
        Status::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| s.to_string())
    }
}

/// A code found in the content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeEvidence {
    /// The code in its electronic form; for a code found by its compacted form, the
    /// invoice's code as listed.
    pub code: String,
    /// `payment_code`, `rf`, `einvoice` or `opaque`.
    pub kind: RefKind,
    /// Byte offsets in the content: from the code's first character to just after its last.
    pub span: (usize, usize),
    /// The content between those offsets, as the bank wrote it.
    pub text: String,
    /// Whether the code names a loaded invoice (whose code is then `code`).
    pub known: bool,
}

/// Which of an invoice's names matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameRole {
    /// The payer's name.
    Payer,
    /// The beneficiary's name.
    Beneficiary,
}

/// Where an observed name was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameSource {
    /// The transfer content.
    Content,
    /// The counter-account name the bank gave.
    CounterName,
}

/// A name of an invoice found in the line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NameEvidence {
    /// The invoice whose name it is, for an unmatched line (where several invoices may be
    /// named); `None` when it is the line's invoice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice: Option<String>,
    /// Payer or beneficiary.
    pub role: NameRole,
    /// The invoice's name, folded (`NGUYEN THI THUY`).
    pub name: String,
    /// What the line holds (`NGUYEN THUI`, `NGUYEN THI T`).
    pub observed: String,
    /// Content or counter-account name.
    pub source: NameSource,
    /// Whether the observed name is cut short (the memo's tail was cut).
    pub truncated: bool,
}

/// A character that makes a code read differently from what a program reads: a control
/// character (NUL), a bidirectional control (U+202E), an invisible character (U+200B) or a
/// private-use character.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HiddenChar {
    /// The code candidate it is in (or, for a bidirectional control outside any code, the
    /// code whose display it can change).
    pub code: String,
    /// The character, as `U+202E`.
    pub character: String,
    /// Its byte offset in the content.
    pub offset: usize,
    /// Its kind: the key of the finding a message check gives it (`text.control_char`,
    /// `text.bidi_control`, `text.invisible`, `text.unusable_char`).
    pub kind: &'static str,
}

/// Why a line got its status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// The codes that count, in order of appearance.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<CodeEvidence>,
    /// The invoice's amount due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_due: Option<u64>,
    /// Paid on the invoice before this line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_before: Option<u64>,
    /// Paid on the invoice with this line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_after: Option<u64>,
    /// Still due after this line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outstanding: Option<u64>,
    /// Paid beyond the amount due after this line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excess: Option<u64>,
    /// For a duplicate: the line that settled the invoice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settled_by_line: Option<u64>,
    /// For a duplicate: the bank reference equals that of the invoice's previous payment
    /// (the same transfer listed twice?).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub same_reference: bool,
    /// The invoice's due date (written `YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Whether the line's date is after the due date (when both are known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late: Option<bool>,
    /// Names of invoices found in the line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<NameEvidence>,
    /// Characters a person does not see (or sees differently) inside a code candidate, or
    /// bidirectional controls anywhere in the content: when there is one, no code of the
    /// line is used (the line is `unmatched`, with no suggestion).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<HiddenChar>,
    /// For an unmatched line: how many open invoices fit a name and the exact amount:
    /// 0, 1, or 2 for two or more (the search stops there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_candidates: Option<u32>,
    /// For an unmatched line: a code of a known scheme whose check digits fail and which is
    /// one digit changed or two adjacent digits swapped away from open invoices' codes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typo: Option<TypoEvidence>,
}

/// A code typed with a mistake: its check digits fail, and changing one digit or swapping
/// two adjacent digits gives the code of `candidates` open invoices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypoEvidence {
    /// The code as typed (electronic form: prefix and digits).
    pub typed: String,
    /// The invoice it is one edit away from, when there is exactly one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice: Option<String>,
    /// How many open invoices' codes are one edit away (the search stops at 2).
    pub candidates: u32,
}

/// The result for one statement line.
///
/// Its reason, in English and Vietnamese, is written from the status and the evidence when
/// it is read: [`LineResult::reason`], [`LineResult::reason_vi`], and the `reason` and
/// `reasonVi` members of the JSON form (which has the fields below in camelCase, in this
/// order, with the reasons after `amount`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineResult {
    /// The line ([`StatementLine::line`]).
    pub line: u64,
    /// The status.
    pub status: Status,
    /// The invoice the payment was applied to (`paid`, `partial`, `overpaid`,
    /// `duplicate`); `None` otherwise.
    pub invoice: Option<String>,
    /// For an unmatched line: the one open invoice that a name and the exact amount point
    /// to. To confirm by a person; not applied.
    pub suggestion: Option<String>,
    /// For an unmatched line: the one open invoice whose code is one digit changed or two
    /// adjacent digits swapped away from a code in the content whose check digits fail
    /// (`evidence.typo`). To confirm by a person; not applied.
    pub possible_typo: Option<String>,
    /// The amount received.
    pub amount: u64,
    /// The bank's reference.
    pub reference: Option<String>,
    /// The line's date as written.
    pub date: Option<String>,
    /// The transfer content.
    pub content: String,
    /// The counter-account name.
    pub counter_name: Option<String>,
    /// The receiving account.
    pub account: Option<String>,
    /// The bank or gateway.
    pub gateway: Option<String>,
    /// The counter-party account number, when the statement gives it.
    pub counter_account: Option<String>,
    /// The evidence.
    pub evidence: Evidence,
}

impl Serialize for LineResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("LineResult", 16)?;
        m.serialize_field("line", &self.line)?;
        m.serialize_field("status", &self.status)?;
        m.serialize_field("invoice", &self.invoice)?;
        m.serialize_field("suggestion", &self.suggestion)?;
        match &self.possible_typo {
            Some(v) => m.serialize_field("possibleTypo", v)?,
            None => m.skip_field("possibleTypo")?,
        }
        m.serialize_field("amount", &self.amount)?;
        m.serialize_field(
            "reason",
            &Reason {
                result: self,
                vi: false,
            },
        )?;
        m.serialize_field(
            "reasonVi",
            &Reason {
                result: self,
                vi: true,
            },
        )?;
        let optional = |m: &mut S::SerializeStruct, key, v: &Option<String>| match v {
            Some(v) => m.serialize_field(key, v),
            None => m.skip_field(key),
        };
        optional(&mut m, "reference", &self.reference)?;
        optional(&mut m, "date", &self.date)?;
        m.serialize_field("content", &self.content)?;
        optional(&mut m, "counterName", &self.counter_name)?;
        optional(&mut m, "account", &self.account)?;
        optional(&mut m, "gateway", &self.gateway)?;
        optional(&mut m, "counterAccount", &self.counter_account)?;
        m.serialize_field("evidence", &self.evidence)?;
        m.end()
    }
}

/// Lines and amount of one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusTotal {
    /// The status.
    pub status: Status,
    /// How many lines.
    pub lines: u64,
    /// Their total amount.
    pub amount: u64,
}

/// Where an invoice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    /// Nothing received.
    Unpaid,
    /// Some received, some still due.
    Partial,
    /// Exactly the amount due received.
    Settled,
    /// More than the amount due received.
    Overpaid,
}

/// An invoice's state after the lines fed so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceState {
    /// The code as listed (electronic form).
    pub code: String,
    /// Its kind.
    pub kind: RefKind,
    /// The amount due.
    pub amount_due: u64,
    /// Received so far (including duplicates).
    pub paid: u64,
    /// How many lines were applied to it.
    pub payments: u32,
    /// Still due.
    pub outstanding: u64,
    /// Where it stands.
    pub status: InvoiceStatus,
}

/// Counts and totals: per status, skipped and rejected lines, and the invoices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Lines classified.
    pub lines: u64,
    /// Their total amount.
    pub amount: u64,
    /// Per status, in the order of [`Status::ALL`] (every status, even with no line).
    pub statuses: Vec<StatusTotal>,
    /// Outgoing lines skipped.
    pub skipped: u64,
    /// Their total amount.
    pub skipped_amount: u64,
    /// Records that could not be read.
    pub rejected: u64,
    /// The physical lines of the statements read (added with
    /// [`Reconciler::add_input_lines`]): every line counted once as fed, skipped (header,
    /// blank, outgoing) or rejected.
    pub input: InputLines,
    /// Invoices loaded.
    pub invoices: u64,
    /// Invoices paid exactly.
    pub invoices_settled: u64,
    /// Invoices paid beyond their amount.
    pub invoices_overpaid: u64,
    /// Invoices partly paid.
    pub invoices_partial: u64,
    /// Invoices with nothing received.
    pub invoices_unpaid: u64,
    /// Still due on all invoices.
    pub outstanding: u64,
}

impl Summary {
    /// The total for one status.
    pub fn get(&self, s: Status) -> StatusTotal {
        self.statuses
            .iter()
            .find(|t| t.status == s)
            .copied()
            .unwrap_or(StatusTotal {
                status: s,
                lines: 0,
                amount: 0,
            })
    }
}

impl std::fmt::Display for Summary {
    /// A table for people (amounts with `.` thousands separators).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let a = |v: u64| format_amount(v, Grouping::Dot);
        writeln!(f, "{:<14} {:>9} {:>19}", "status", "lines", "amount (VND)")?;
        for t in &self.statuses {
            writeln!(
                f,
                "{:<14} {:>9} {:>19}",
                t.status.as_str(),
                t.lines,
                a(t.amount)
            )?;
        }
        writeln!(
            f,
            "{:<14} {:>9} {:>19}",
            "total",
            self.lines,
            a(self.amount)
        )?;
        if self.skipped > 0 {
            writeln!(
                f,
                "{:<14} {:>9} {:>19}",
                "skipped (out)",
                self.skipped,
                a(self.skipped_amount)
            )?;
        }
        if self.rejected > 0 {
            writeln!(f, "{:<14} {:>9}", "rejected", self.rejected)?;
        }
        if self.input.lines > 0 {
            let i = &self.input;
            writeln!(
                f,
                "input lines: {} = {} fed + {} skipped (header, blank, outgoing) + {} rejected",
                i.lines, i.fed, i.skipped, i.rejected
            )?;
        }
        write!(
            f,
            "invoices: {} loaded; {} settled, {} overpaid, {} partly paid, {} unpaid; {} VND still due",
            self.invoices,
            self.invoices_settled,
            self.invoices_overpaid,
            self.invoices_partial,
            self.invoices_unpaid,
            a(self.outstanding)
        )
    }
}
