//! Writing results: JSON lines (one object per statement line) and CSV.

use super::csv::write_field;
use super::LineResult;
use std::io::{self, Write};

/// Writes `r` as one line of JSON (camelCase keys; `line`, `status`, `invoice`,
/// `suggestion`, `amount`, `reason`, `reasonVi`, `content` and `evidence` always present).
pub fn write_json_line<W: Write>(w: &mut W, r: &LineResult) -> io::Result<()> {
    serde_json::to_writer(&mut *w, r).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// CSV columns written by [`CsvWriter`].
pub const CSV_COLUMNS: &[&str] = &[
    "line",
    "status",
    "invoice",
    "suggestion",
    "amount",
    "amountDue",
    "paidAfter",
    "outstanding",
    "codes",
    "names",
    "reference",
    "date",
    "content",
    "reason",
    "reasonVi",
];

/// Writes results as CSV: a header row ([`CSV_COLUMNS`]) then one row per line. Codes are
/// written `CODE@start-end` and names `role:OBSERVED`, several joined by `; `.
pub struct CsvWriter<W: Write> {
    w: W,
    row: String,
    header_written: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A writer (the header is written with the first row, or by [`CsvWriter::finish`]).
    pub fn new(w: W) -> CsvWriter<W> {
        CsvWriter {
            w,
            row: String::with_capacity(256),
            header_written: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            self.w.write_all(CSV_COLUMNS.join(",").as_bytes())?;
            self.w.write_all(b"\r\n")?;
        }
        Ok(())
    }

    /// Writes one result.
    pub fn write(&mut self, r: &LineResult) -> io::Result<()> {
        self.header()?;
        let opt = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
        let codes = r
            .evidence
            .codes
            .iter()
            .map(|c| format!("{}@{}-{}", c.code, c.span.0, c.span.1))
            .collect::<Vec<_>>()
            .join("; ");
        let names = r
            .evidence
            .names
            .iter()
            .map(|n| {
                let role = match n.role {
                    super::NameRole::Payer => "payer",
                    super::NameRole::Beneficiary => "beneficiary",
                };
                format!("{role}:{}", n.observed)
            })
            .collect::<Vec<_>>()
            .join("; ");
        let fields: [String; 15] = [
            r.line.to_string(),
            r.status.as_str().to_string(),
            r.invoice.clone().unwrap_or_default(),
            r.suggestion.clone().unwrap_or_default(),
            r.amount.to_string(),
            opt(r.evidence.amount_due),
            opt(r.evidence.paid_after),
            opt(r.evidence.outstanding),
            codes,
            names,
            r.reference.clone().unwrap_or_default(),
            r.date.clone().unwrap_or_default(),
            r.content.clone(),
            r.reason(),
            r.reason_vi(),
        ];
        self.row.clear();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.row.push(',');
            }
            write_field(&mut self.row, f, ',');
        }
        self.row.push_str("\r\n");
        self.w.write_all(self.row.as_bytes())
    }

    /// Writes the header if no row was written, flushes, and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.header()?;
        self.w.flush()?;
        Ok(self.w)
    }
}
