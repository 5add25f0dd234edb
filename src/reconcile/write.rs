//! Writing results: JSON lines (one object per statement line) and CSV.

use super::csv::write_field;
use super::reason::{push_u64, Reason};
use super::{LineResult, NameRole, NameSource};
use std::io::{self, Write};

/// Writes `r` as one line of JSON (camelCase keys; `line`, `status`, `invoice`,
/// `suggestion`, `amount`, `reason`, `reasonVi`, `content` and `evidence` always present).
/// The bytes are those of `serde_json::to_writer(w, r)` followed by a newline (see
/// [`push_json_line`]).
pub fn write_json_line<W: Write>(w: &mut W, r: &LineResult) -> io::Result<()> {
    let mut out = String::with_capacity(1024);
    push_json_line(&mut out, r);
    w.write_all(out.as_bytes())
}

/// Appends `r` as one line of JSON, newline included, to `out`: the bytes of
/// `serde_json::to_writer` on the result (its `Serialize` impl) and a newline, written
/// without serde or `core::fmt` (which took two thirds of a reconcile run's writing time,
/// issue 23). Writers that reuse one large `out` for many lines avoid a copy per line.
/// `tests/json_writer.rs` holds the two forms equal on arbitrary results.
pub fn push_json_line(out: &mut String, r: &LineResult) {
    let ev = &r.evidence;
    out.push_str("{\"line\":");
    push_u64(out, r.line);
    out.push_str(",\"status\":\"");
    out.push_str(r.status.as_str());
    out.push_str("\",\"invoice\":");
    opt_str(out, r.invoice.as_deref());
    out.push_str(",\"suggestion\":");
    opt_str(out, r.suggestion.as_deref());
    if let Some(t) = &r.possible_typo {
        out.push_str(",\"possibleTypo\":");
        str_value(out, t);
    }
    out.push_str(",\"amount\":");
    push_u64(out, r.amount);
    for (key, vi) in [(",\"reason\":\"", false), (",\"reasonVi\":\"", true)] {
        out.push_str(key);
        let start = out.len();
        Reason { result: r, vi }.push_to(out);
        escape_tail(out, start);
        out.push('"');
    }
    let field = |out: &mut String, key: &str, v: Option<&str>| {
        if let Some(v) = v {
            out.push_str(key);
            str_value(out, v);
        }
    };
    field(out, ",\"reference\":", r.reference.as_deref());
    field(out, ",\"date\":", r.date.as_deref());
    field(out, ",\"content\":", Some(&r.content));
    field(out, ",\"counterName\":", r.counter_name.as_deref());
    field(out, ",\"account\":", r.account.as_deref());
    field(out, ",\"gateway\":", r.gateway.as_deref());
    field(out, ",\"counterAccount\":", r.counter_account.as_deref());
    out.push_str(",\"evidence\":{");
    // Members of the evidence, each after a comma but the first.
    let mut first = true;
    let mut key = |out: &mut String, k: &str| {
        if !first {
            out.push(',');
        }
        first = false;
        out.push('"');
        out.push_str(k);
        out.push_str("\":");
    };
    if !ev.codes.is_empty() {
        key(out, "codes");
        out.push('[');
        for (i, c) in ev.codes.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"code\":");
            str_value(out, &c.code);
            out.push_str(",\"kind\":\"");
            out.push_str(c.kind.as_str());
            out.push_str("\",\"span\":[");
            push_u64(out, c.span.0 as u64);
            out.push(',');
            push_u64(out, c.span.1 as u64);
            out.push_str("],\"text\":");
            str_value(out, &c.text);
            out.push_str(",\"known\":");
            out.push_str(bool_str(c.known));
            out.push('}');
        }
        out.push(']');
    }
    for (k, v) in [
        ("amountDue", ev.amount_due),
        ("paidBefore", ev.paid_before),
        ("paidAfter", ev.paid_after),
        ("outstanding", ev.outstanding),
        ("excess", ev.excess),
        ("settledByLine", ev.settled_by_line),
    ] {
        if let Some(v) = v {
            key(out, k);
            push_u64(out, v);
        }
    }
    if ev.same_reference {
        key(out, "sameReference");
        out.push_str("true");
    }
    if let Some(d) = ev.due {
        key(out, "due");
        out.push('"');
        // Writing to a String does not fail.
        let _ = d.write(out, false);
        out.push('"');
    }
    if let Some(late) = ev.late {
        key(out, "late");
        out.push_str(bool_str(late));
    }
    if !ev.names.is_empty() {
        key(out, "names");
        out.push('[');
        for (i, n) in ev.names.iter().enumerate() {
            out.push_str(if i > 0 { ",{" } else { "{" });
            if let Some(inv) = &n.invoice {
                out.push_str("\"invoice\":");
                str_value(out, inv);
                out.push(',');
            }
            out.push_str("\"role\":\"");
            out.push_str(match n.role {
                NameRole::Payer => "payer",
                NameRole::Beneficiary => "beneficiary",
            });
            out.push_str("\",\"name\":");
            str_value(out, &n.name);
            out.push_str(",\"observed\":");
            str_value(out, &n.observed);
            out.push_str(",\"source\":\"");
            out.push_str(match n.source {
                NameSource::Content => "content",
                NameSource::CounterName => "counter_name",
            });
            out.push_str("\",\"truncated\":");
            out.push_str(bool_str(n.truncated));
            out.push('}');
        }
        out.push(']');
    }
    if !ev.hidden.is_empty() {
        key(out, "hidden");
        out.push('[');
        for (i, h) in ev.hidden.iter().enumerate() {
            out.push_str(if i > 0 { ",{\"code\":" } else { "{\"code\":" });
            str_value(out, &h.code);
            out.push_str(",\"character\":");
            str_value(out, &h.character);
            out.push_str(",\"offset\":");
            push_u64(out, h.offset as u64);
            out.push_str(",\"kind\":");
            str_value(out, h.kind);
            out.push('}');
        }
        out.push(']');
    }
    if let Some(n) = ev.name_candidates {
        key(out, "nameCandidates");
        push_u64(out, u64::from(n));
    }
    if let Some(t) = &ev.typo {
        key(out, "typo");
        out.push_str("{\"typed\":");
        str_value(out, &t.typed);
        if let Some(inv) = &t.invoice {
            out.push_str(",\"invoice\":");
            str_value(out, inv);
        }
        out.push_str(",\"candidates\":");
        push_u64(out, u64::from(t.candidates));
        out.push('}');
    }
    out.push_str("}}\n");
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

fn opt_str(out: &mut String, v: Option<&str>) {
    match v {
        Some(v) => str_value(out, v),
        None => out.push_str("null"),
    }
}

/// `v` as a JSON string, quotes included.
fn str_value(out: &mut String, v: &str) {
    out.push('"');
    let start = out.len();
    out.push_str(v);
    escape_tail(out, start);
    out.push('"');
}

/// The offset of the first byte of `t` that JSON escapes (a control character, `"` or
/// `\\`). Eight bytes at a time: a word with none of them is skipped with a few
/// arithmetic operations (the "has a zero byte" / "has a byte below n" tests).
fn first_to_escape(t: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    for c in t.chunks_exact(8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        let below_space = x.wrapping_sub(ONES * 0x20) & !x;
        let q = x ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q;
        let b = x ^ (ONES * u64::from(b'\\'));
        let backslash = b.wrapping_sub(ONES) & !b;
        if (below_space | quote | backslash) & HIGH != 0 {
            break;
        }
        at += 8;
    }
    // The word that may hold one (a false alarm only when it holds none) and the tail.
    t.get(at..)?
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .map(|i| at + i)
}

/// Escapes `out[start..]` in place as serde_json does: `"` and `\\` with a backslash,
/// the control characters U+0000–U+001F as `\\b`, `\\t`, `\\n`, `\\f`, `\\r` or `\\u00xx`
/// (lower-case hex); everything else as it is. The common case, nothing to escape, is one
/// scan of the bytes.
fn escape_tail(out: &mut String, start: usize) {
    let needs = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let Some(first) = out.as_bytes().get(start..).and_then(first_to_escape) else {
        return;
    };
    let tail = out.split_off(start + first);
    let mut run = 0;
    let bytes = tail.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !needs(b) {
            continue;
        }
        // Runs end at an ASCII byte, so they are whole characters.
        out.push_str(tail.get(run..i).unwrap_or(""));
        run = i + 1;
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
    out.push_str(tail.get(run..).unwrap_or(""));
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
    /// A field assembled before it is quoted (codes, names, reasons).
    scratch: String,
    header_written: bool,
}

/// A CSV field, quoted when it must be (as [`write_field`] with a comma).
fn field(row: &mut String, v: &str) {
    write_field(row, v, ',');
}

impl<W: Write> CsvWriter<W> {
    /// A writer (the header is written with the first row, or by [`CsvWriter::finish`]).
    pub fn new(w: W) -> CsvWriter<W> {
        CsvWriter {
            w,
            row: String::with_capacity(1024),
            scratch: String::with_capacity(256),
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

    /// Writes one result. Fields are written straight into one reused row (numbers and
    /// reasons without `core::fmt`); only a field that needs quoting is copied twice.
    pub fn write(&mut self, r: &LineResult) -> io::Result<()> {
        self.header()?;
        let ev = &r.evidence;
        let row = &mut self.row;
        let scratch = &mut self.scratch;
        row.clear();
        push_u64(row, r.line);
        row.push(',');
        field(row, r.status.as_str());
        row.push(',');
        field(row, r.invoice.as_deref().unwrap_or(""));
        row.push(',');
        field(row, r.suggestion.as_deref().unwrap_or(""));
        row.push(',');
        push_u64(row, r.amount);
        for v in [ev.amount_due, ev.paid_after, ev.outstanding] {
            row.push(',');
            if let Some(v) = v {
                push_u64(row, v);
            }
        }
        row.push(',');
        scratch.clear();
        for (i, c) in ev.codes.iter().enumerate() {
            if i > 0 {
                scratch.push_str("; ");
            }
            scratch.push_str(&c.code);
            scratch.push('@');
            push_u64(scratch, c.span.0 as u64);
            scratch.push('-');
            push_u64(scratch, c.span.1 as u64);
        }
        field(row, scratch);
        row.push(',');
        scratch.clear();
        for (i, n) in ev.names.iter().enumerate() {
            if i > 0 {
                scratch.push_str("; ");
            }
            scratch.push_str(match n.role {
                NameRole::Payer => "payer:",
                NameRole::Beneficiary => "beneficiary:",
            });
            scratch.push_str(&n.observed);
        }
        field(row, scratch);
        row.push(',');
        field(row, r.reference.as_deref().unwrap_or(""));
        row.push(',');
        field(row, r.date.as_deref().unwrap_or(""));
        row.push(',');
        field(row, &r.content);
        for vi in [false, true] {
            row.push(',');
            scratch.clear();
            Reason { result: r, vi }.push_to(scratch);
            field(row, scratch);
        }
        row.push_str("\r\n");
        self.w.write_all(row.as_bytes())
    }

    /// Writes the header if no row was written, flushes, and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.header()?;
        self.w.flush()?;
        Ok(self.w)
    }
}
