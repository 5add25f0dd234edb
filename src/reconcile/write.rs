//! Writing results: JSON lines (one object per statement line) and CSV.
//!
//! Both writers append bytes to a `Vec<u8>` (ASCII pieces such as numbers and dates go in
//! without a UTF-8 round trip) and look for the bytes that need escaping or quoting eight
//! at a time. In a reason, only the pieces taken from the result (codes, names) can need
//! JSON escaping: the sentences' own words are written as they are (issue 23).

use super::reason::{date_bytes, triple, Reason, ReasonOut};
use super::{LineResult, NameRole, NameSource, Status};
use crate::reference::RefKind;
use std::io::{self, Write};

/// Writes `r` as one line of JSON (camelCase keys; `line`, `status`, `invoice`,
/// `suggestion`, `amount`, `reason`, `reasonVi`, `content` and `evidence` always present).
/// The bytes are those of `serde_json::to_writer(w, r)` followed by a newline (see
/// [`push_json_line`]).
pub fn write_json_line<W: Write>(w: &mut W, r: &LineResult) -> io::Result<()> {
    let mut out = Vec::with_capacity(1024);
    push_json_line_bytes(&mut out, r);
    w.write_all(&out)
}

/// Appends `r` as one line of JSON, newline included, to `out`: the bytes of
/// [`push_json_line_bytes`] (which writers that gather many lines in one buffer should
/// prefer: this form checks that the line is UTF-8, which it always is, before adding it).
pub fn push_json_line(out: &mut String, r: &LineResult) {
    let mut line = Vec::with_capacity(1024);
    push_json_line_bytes(&mut line, r);
    out.push_str(&String::from_utf8_lossy(&line));
}

/// How many results ahead [`push_json_lines_bytes`] and [`push_csv_rows`] ask for a
/// result's texts.
const WRITE_AHEAD: usize = 4;

/// Appends the results `rs` as JSON lines, in order: the bytes of [`push_json_line_bytes`]
/// on each. Results handed over by another thread (the one that reconciled them) have
/// their texts in that thread's cache; writing one, this asks for the texts of the result
/// a few places ahead, so that they are not each waited for (issue 23).
pub fn push_json_lines_bytes(out: &mut Vec<u8>, rs: &[LineResult]) {
    write_ahead(out, rs, push_json_line_bytes);
}

/// Appends the results `rs` as CSV rows, in order: the bytes of [`push_csv_row`] on each,
/// with the texts of the result a few places ahead asked for as [`push_json_lines_bytes`]
/// does.
pub fn push_csv_rows(out: &mut Vec<u8>, rs: &[LineResult]) {
    write_ahead(out, rs, push_csv_row);
}

/// `write` of each result of `rs` in order, asking for the texts of the result
/// [`WRITE_AHEAD`] places on first.
fn write_ahead(out: &mut Vec<u8>, rs: &[LineResult], write: fn(&mut Vec<u8>, &LineResult)) {
    for (i, r) in rs.iter().enumerate() {
        if let Some(next) = rs.get(i + WRITE_AHEAD) {
            prefetch_texts(next);
        }
        write(out, r);
    }
}

/// Asks for the first bytes of the texts a writer reads of `r` ([`crate::hint::prefetch`]).
fn prefetch_texts(r: &LineResult) {
    use crate::hint::prefetch;
    let start = |t: &str| {
        if let Some(b) = t.as_bytes().first() {
            prefetch(b);
        }
    };
    start(&r.content);
    for t in [&r.invoice, &r.reference, &r.date].into_iter().flatten() {
        start(t);
    }
    let ev = &r.evidence;
    if let Some(c) = ev.codes.first() {
        prefetch(c);
        start(&c.code);
        start(&c.text);
    }
    for n in ev.names.iter().take(2) {
        prefetch(n);
        start(&n.name);
        start(&n.observed);
    }
}

/// Appends `r` as one line of JSON, newline included, to `out`: the bytes of
/// `serde_json::to_writer` on the result (its `Serialize` impl) and a newline, written
/// without serde or `core::fmt` (which took two thirds of a reconcile run's writing time,
/// issue 23). What is appended is UTF-8. Writers that reuse one large `out` for many lines
/// avoid a copy per line. `tests/json_writer.rs` holds the forms equal on arbitrary results.
pub fn push_json_line_bytes(out: &mut Vec<u8>, r: &LineResult) {
    // Every fixed piece is a literal at its call (a copy of known length, not a call to
    // `memcpy`): the keys are spelled out below rather than passed around.
    let ev = &r.evidence;
    lit(out, "{\"line\":");
    num(out, r.line);
    lit(
        out,
        match r.status {
            Status::Paid => ",\"status\":\"paid\",\"invoice\":",
            Status::Partial => ",\"status\":\"partial\",\"invoice\":",
            Status::Overpaid => ",\"status\":\"overpaid\",\"invoice\":",
            Status::Duplicate => ",\"status\":\"duplicate\",\"invoice\":",
            Status::UnknownCode => ",\"status\":\"unknown_code\",\"invoice\":",
            Status::Ambiguous => ",\"status\":\"ambiguous\",\"invoice\":",
            Status::Unmatched => ",\"status\":\"unmatched\",\"invoice\":",
        },
    );
    opt_str(out, r.invoice.as_deref());
    lit(out, ",\"suggestion\":");
    opt_str(out, r.suggestion.as_deref());
    macro_rules! optional {
        ($key:literal, $v:expr) => {
            if let Some(v) = $v {
                lit(out, concat!(",\"", $key, "\":"));
                str_value(out, v);
            }
        };
    }
    optional!("possibleTypo", &r.possible_typo);
    lit(out, ",\"amount\":");
    num(out, r.amount);
    lit(out, ",\"reason\":\"");
    Reason {
        result: r,
        vi: false,
    }
    .push_to(&mut JsonText(out));
    lit(out, "\",\"reasonVi\":\"");
    Reason {
        result: r,
        vi: true,
    }
    .push_to(&mut JsonText(out));
    out.push(b'"');
    optional!("reference", &r.reference);
    optional!("date", &r.date);
    optional!("content", Some(&r.content));
    optional!("counterName", &r.counter_name);
    optional!("account", &r.account);
    optional!("gateway", &r.gateway);
    optional!("counterAccount", &r.counter_account);
    lit(out, ",\"evidence\":{");
    // Members of the evidence, each after a comma but the first.
    let mut first = true;
    macro_rules! key {
        ($k:literal) => {{
            if !first {
                out.push(b',');
            }
            first = false;
            lit(out, concat!("\"", $k, "\":"));
        }};
    }
    if !ev.codes.is_empty() {
        key!("codes");
        for (i, c) in ev.codes.iter().enumerate() {
            lit(out, if i > 0 { ",{\"code\":" } else { "[{\"code\":" });
            str_value(out, &c.code);
            match c.kind {
                RefKind::PaymentCode => lit(out, ",\"kind\":\"payment_code\",\"span\":["),
                RefKind::Rf => lit(out, ",\"kind\":\"rf\",\"span\":["),
                RefKind::Einvoice => lit(out, ",\"kind\":\"einvoice\",\"span\":["),
                RefKind::Opaque => lit(out, ",\"kind\":\"opaque\",\"span\":["),
            }
            num(out, c.span.0 as u64);
            out.push(b',');
            num(out, c.span.1 as u64);
            lit(out, "],\"text\":");
            str_value(out, &c.text);
            if c.known {
                lit(out, ",\"known\":true}");
            } else {
                lit(out, ",\"known\":false}");
            }
        }
        out.push(b']');
    }
    macro_rules! number {
        ($k:literal, $v:expr) => {
            if let Some(v) = $v {
                key!($k);
                num(out, v);
            }
        };
    }
    number!("amountDue", ev.amount_due);
    number!("paidBefore", ev.paid_before);
    number!("paidAfter", ev.paid_after);
    number!("outstanding", ev.outstanding);
    number!("excess", ev.excess);
    number!("settledByLine", ev.settled_by_line);
    if ev.same_reference {
        key!("sameReference");
        lit(out, "true");
    }
    if let Some(d) = ev.due {
        key!("due");
        out.push(b'"');
        out.extend_from_slice(&date_bytes(d, false));
        out.push(b'"');
    }
    if let Some(late) = ev.late {
        key!("late");
        if late {
            lit(out, "true");
        } else {
            lit(out, "false");
        }
    }
    if !ev.names.is_empty() {
        key!("names");
        for (i, n) in ev.names.iter().enumerate() {
            if i > 0 {
                lit(out, ",{");
            } else {
                lit(out, "[{");
            }
            if let Some(inv) = &n.invoice {
                lit(out, "\"invoice\":");
                str_value(out, inv);
                out.push(b',');
            }
            match n.role {
                NameRole::Payer => lit(out, "\"role\":\"payer\",\"name\":"),
                NameRole::Beneficiary => lit(out, "\"role\":\"beneficiary\",\"name\":"),
            }
            str_value(out, &n.name);
            lit(out, ",\"observed\":");
            str_value(out, &n.observed);
            match (n.source, n.truncated) {
                (NameSource::Content, false) => {
                    lit(out, ",\"source\":\"content\",\"truncated\":false}");
                }
                (NameSource::Content, true) => {
                    lit(out, ",\"source\":\"content\",\"truncated\":true}");
                }
                (NameSource::CounterName, false) => {
                    lit(out, ",\"source\":\"counter_name\",\"truncated\":false}");
                }
                (NameSource::CounterName, true) => {
                    lit(out, ",\"source\":\"counter_name\",\"truncated\":true}");
                }
            }
        }
        out.push(b']');
    }
    if !ev.hidden.is_empty() {
        key!("hidden");
        for (i, h) in ev.hidden.iter().enumerate() {
            lit(out, if i > 0 { ",{\"code\":" } else { "[{\"code\":" });
            str_value(out, &h.code);
            lit(out, ",\"character\":");
            str_value(out, &h.character);
            lit(out, ",\"offset\":");
            num(out, h.offset as u64);
            lit(out, ",\"kind\":");
            str_value(out, h.kind);
            out.push(b'}');
        }
        out.push(b']');
    }
    if let Some(n) = ev.name_candidates {
        key!("nameCandidates");
        num(out, u64::from(n));
    }
    if let Some(t) = &ev.typo {
        key!("typo");
        lit(out, "{\"typed\":");
        str_value(out, &t.typed);
        if let Some(inv) = &t.invoice {
            lit(out, ",\"invoice\":");
            str_value(out, inv);
        }
        lit(out, ",\"candidates\":");
        num(out, u64::from(t.candidates));
        out.push(b'}');
    }
    let _ = first;
    lit(out, "}}\n");
}

#[inline(always)]
fn lit(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(s.as_bytes());
}

/// `n` in decimal: the digits are made at the start of a 20-byte buffer, which is appended
/// whole (a copy of fixed length, not a call to `memcpy`) and the rest cut off.
fn num(out: &mut Vec<u8>, n: u64) {
    let len = n.checked_ilog10().map_or(1, |l| l as usize + 1);
    let mut buf = [0u8; 20];
    let (mut i, mut n) = (len, n);
    while n >= 1000 {
        i -= 3;
        if let Some(d) = buf.get_mut(i..i + 3) {
            d.copy_from_slice(&triple(n % 1000));
        }
        n /= 1000;
    }
    let [a, b, c] = triple(n);
    match (i, &mut buf) {
        (3, [x, y, z, ..]) => (*x, *y, *z) = (a, b, c),
        (2, [y, z, ..]) => (*y, *z) = (b, c),
        (_, [z, ..]) => *z = c,
    }
    let start = out.len();
    out.extend_from_slice(&buf);
    out.truncate(start + len);
}

fn opt_str(out: &mut Vec<u8>, v: Option<&str>) {
    match v {
        Some(v) => str_value(out, v),
        None => lit(out, "null"),
    }
}

/// `v` as a JSON string, quotes included.
fn str_value(out: &mut Vec<u8>, v: &str) {
    out.push(b'"');
    escaped(out, v.as_bytes());
    out.push(b'"');
}

/// A reason inside a JSON string: the pieces of the result are escaped, the rest (fixed
/// text, digits) cannot need it.
struct JsonText<'a>(&'a mut Vec<u8>);

impl ReasonOut for JsonText<'_> {
    fn fixed(&mut self, s: &'static str) {
        self.0.extend_from_slice(s.as_bytes());
    }
    fn text(&mut self, s: &str) {
        escaped(self.0, s.as_bytes());
    }
    fn ascii(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// With [`HIGH`]: the high bit of every byte of `x` equal to `b`, and perhaps of some bytes
/// above such a byte (a borrow carries upwards): the lowest bit set always marks a byte
/// equal to `b`, and none is set when no byte is. (The masks of several bytes are joined
/// before the one `& HIGH`.)
fn eq(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y
}

/// The bytes of `x` that JSON escapes: control characters, `"` and `\\` (as [`eq`]: the
/// lowest bit set is exact).
fn json_special(x: u64) -> u64 {
    ((x.wrapping_sub(ONES * 0x20) & !x) | eq(x, b'"') | eq(x, b'\\')) & HIGH
}

/// The bytes of `x` that make a CSV field quoted: the comma, `"`, CR and LF.
fn csv_special(x: u64) -> u64 {
    (eq(x, b',') | eq(x, b'"') | eq(x, b'\n') | eq(x, b'\r')) & HIGH
}

/// The offset of the first byte of `t` that `special` marks, looked for eight bytes at a
/// time, sixteen per step: a string shorter than eight bytes is padded with `A` (which
/// neither writer treats specially); a longer one ends with its last eight bytes, those
/// already looked at masked off (they hold no marked byte, so no borrow comes from them).
fn first_special(t: &[u8], special: impl Fn(u64) -> u64) -> Option<usize> {
    let found = |at: usize, m: u64| at + (m.trailing_zeros() / 8) as usize;
    let word = |at: usize| {
        t.get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let n = t.len();
    if n < 8 {
        let mut w = [b'A'; 8];
        for (d, s) in w.iter_mut().zip(t) {
            *d = *s;
        }
        let m = special(u64::from_le_bytes(w));
        return (m != 0).then(|| found(0, m));
    }
    let mut at = 0;
    while at + 16 <= n {
        let (a, b) = (special(word(at)), special(word(at + 8)));
        if a | b != 0 {
            return Some(if a != 0 {
                found(at, a)
            } else {
                found(at + 8, b)
            });
        }
        at += 16;
    }
    if at + 8 <= n {
        let m = special(word(at));
        if m != 0 {
            return Some(found(at, m));
        }
        at += 8;
    }
    if at == n {
        return None;
    }
    // 1 to 7 bytes left: the last word, without the bytes already looked at.
    let m = special(word(n - 8)) & (!0u64 << (8 * (8 - (n - at))));
    (m != 0).then(|| found(n - 8, m))
}

/// Appends `v` escaped as serde_json escapes a string: `"` and `\\` with a backslash,
/// the control characters U+0000–U+001F as `\\b`, `\\t`, `\\n`, `\\f`, `\\r` or
/// `\\u00xx` (lower-case hex); everything else as it is. The common case, nothing to
/// escape, is one scan and one copy.
fn escaped(out: &mut Vec<u8>, v: &[u8]) {
    match first_special(v, json_special) {
        None => out.extend_from_slice(v),
        Some(first) => escape_from(out, v, first),
    }
}

#[cold]
fn escape_from(out: &mut Vec<u8>, v: &[u8], first: usize) {
    out.extend_from_slice(v.get(..first).unwrap_or(&[]));
    let tail = v.get(first..).unwrap_or(&[]);
    let mut run = 0;
    for (i, &b) in tail.iter().enumerate() {
        if !(b < 0x20 || b == b'"' || b == b'\\') {
            continue;
        }
        out.extend_from_slice(tail.get(run..i).unwrap_or(&[]));
        run = i + 1;
        match b {
            b'"' => lit(out, "\\\""),
            b'\\' => lit(out, "\\\\"),
            b'\n' => lit(out, "\\n"),
            b'\r' => lit(out, "\\r"),
            b'\t' => lit(out, "\\t"),
            0x08 => lit(out, "\\b"),
            0x0c => lit(out, "\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                lit(out, "\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 15)]);
            }
        }
    }
    out.extend_from_slice(tail.get(run..).unwrap_or(&[]));
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
    row: Vec<u8>,
    header_written: bool,
}

/// How a CSV field is written.
enum Quoting {
    /// As it is.
    No,
    /// Between quotes.
    Quoted,
    /// Between quotes, its quotes doubled.
    Doubled,
}

/// How `v` is written as a CSV field (as [`super::csv::write_field`] with a comma): quoted
/// when it holds a comma, a quote or a line break, or starts or ends with a space.
fn quoting(v: &[u8]) -> Quoting {
    match first_special(v, csv_special) {
        Some(at) if v.get(at..).is_some_and(|rest| rest.contains(&b'"')) => Quoting::Doubled,
        Some(_) => Quoting::Quoted,
        None if v.first() == Some(&b' ') || v.last() == Some(&b' ') => Quoting::Quoted,
        None => Quoting::No,
    }
}

/// A CSV field, quoted when it must be.
fn field(row: &mut Vec<u8>, v: &str) {
    let v = v.as_bytes();
    match quoting(v) {
        Quoting::No => row.extend_from_slice(v),
        Quoting::Quoted => {
            row.push(b'"');
            row.extend_from_slice(v);
            row.push(b'"');
        }
        Quoting::Doubled => doubled(row, v),
    }
}

/// `v` quoted, its quotes doubled.
fn doubled(row: &mut Vec<u8>, v: &[u8]) {
    row.push(b'"');
    for (i, part) in v.split(|&b| b == b'"').enumerate() {
        if i > 0 {
            row.extend_from_slice(b"\"\"");
        }
        row.extend_from_slice(part);
    }
    row.push(b'"');
}

/// Writes a field assembled from pieces (codes, names, reasons) in place with `write`, then
/// quotes it when it must be (see [`quoting`]). When `likely` says it is usually quoted (the
/// English reason: most amounts have a thousands comma), its opening quote is written first
/// and taken out when not needed; otherwise it is put in when needed: either way the common
/// case moves no bytes.
fn assembled(row: &mut Vec<u8>, likely: bool, write: impl FnOnce(&mut Vec<u8>)) {
    let start = row.len();
    if likely {
        row.push(b'"');
    }
    let body = row.len();
    write(row);
    match quoting(row.get(body..).unwrap_or(&[])) {
        Quoting::No => {
            if likely {
                row.remove(start);
            }
        }
        Quoting::Quoted => {
            if !likely {
                row.insert(start, b'"');
            }
            row.push(b'"');
        }
        Quoting::Doubled => {
            let v = row.split_off(body);
            row.truncate(start);
            doubled(row, &v);
        }
    }
}

/// Appends `r` as one CSV row of [`CSV_COLUMNS`], CRLF included, to `out`: the bytes
/// [`CsvWriter::write`] writes (after its header row, `CSV_COLUMNS` joined by commas and a
/// CRLF). Fields are written straight into `out` (numbers and reasons without
/// `core::fmt`) and looked at eight bytes at a time for what makes them quoted; only a
/// field with a quote in it is copied twice. Writers that gather many rows in one buffer
/// avoid a copy per row. What is appended is UTF-8.
pub fn push_csv_row(out: &mut Vec<u8>, r: &LineResult) {
    let ev = &r.evidence;
    num(out, r.line);
    out.push(b',');
    lit(out, r.status.as_str()); // never quoted
    out.push(b',');
    field(out, r.invoice.as_deref().unwrap_or(""));
    out.push(b',');
    field(out, r.suggestion.as_deref().unwrap_or(""));
    out.push(b',');
    num(out, r.amount);
    for v in [ev.amount_due, ev.paid_after, ev.outstanding] {
        out.push(b',');
        if let Some(v) = v {
            num(out, v);
        }
    }
    out.push(b',');
    assembled(out, false, |out| {
        for (i, c) in ev.codes.iter().enumerate() {
            if i > 0 {
                lit(out, "; ");
            }
            lit(out, &c.code);
            out.push(b'@');
            num(out, c.span.0 as u64);
            out.push(b'-');
            num(out, c.span.1 as u64);
        }
    });
    out.push(b',');
    assembled(out, false, |out| {
        for (i, n) in ev.names.iter().enumerate() {
            if i > 0 {
                lit(out, "; ");
            }
            match n.role {
                NameRole::Payer => lit(out, "payer:"),
                NameRole::Beneficiary => lit(out, "beneficiary:"),
            }
            lit(out, &n.observed);
        }
    });
    out.push(b',');
    field(out, r.reference.as_deref().unwrap_or(""));
    out.push(b',');
    field(out, r.date.as_deref().unwrap_or(""));
    out.push(b',');
    field(out, &r.content);
    out.push(b',');
    assembled(out, true, |out| {
        Reason {
            result: r,
            vi: false,
        }
        .push_to(out)
    });
    out.push(b',');
    assembled(out, false, |out| {
        Reason {
            result: r,
            vi: true,
        }
        .push_to(out)
    });
    lit(out, "\r\n");
}

impl<W: Write> CsvWriter<W> {
    /// A writer (the header is written with the first row, or by [`CsvWriter::finish`]).
    pub fn new(w: W) -> CsvWriter<W> {
        CsvWriter {
            w,
            row: Vec::with_capacity(1024),
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

    /// Writes one result (see [`push_csv_row`]).
    pub fn write(&mut self, r: &LineResult) -> io::Result<()> {
        self.header()?;
        self.row.clear();
        push_csv_row(&mut self.row, r);
        self.w.write_all(&self.row)
    }

    /// Writes the header if no row was written, flushes, and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.header()?;
        self.w.flush()?;
        Ok(self.w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every number of digits, at both ends (`10^k - 1`, `10^k`), and zero and the largest.
    #[test]
    fn numbers_are_written_as_display_writes_them() {
        let mut cases = vec![0u64, 1, u64::MAX, u64::MAX - 1];
        let mut p = 1u64;
        while let Some(next) = p.checked_mul(10) {
            cases.extend([p - 1, p, p + 1, next - 1]);
            p = next;
        }
        cases.push(p);
        for n in cases {
            let mut out = b"x".to_vec();
            num(&mut out, n);
            assert_eq!(String::from_utf8_lossy(&out), format!("x{n}"), "{n}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_number_is_written_as_display_writes_it(n in proptest::prelude::any::<u64>(), k in 0u32..20) {
            let n = n / 10u64.pow(k);
            let mut out = Vec::new();
            num(&mut out, n);
            proptest::prop_assert_eq!(String::from_utf8_lossy(&out), n.to_string());
        }
    }

    fn bytes() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        let byte = prop_oneof![
            4 => b'a'..=b'z',
            1 => Just(b'"'),
            1 => Just(b'\\'),
            1 => Just(b','),
            1 => 0u8..0x20,
            1 => 0x80u8..=0xff,
            1 => any::<u8>(),
        ];
        prop_oneof![
            proptest::collection::vec(byte, 0..40),
            proptest::collection::vec(b'a'..=b'z', 0..40)
                .prop_flat_map(|v| {
                    let n = v.len();
                    (Just(v), 0..n.max(1), any::<u8>())
                })
                .prop_map(|(mut v, at, b)| {
                    if let Some(x) = v.get_mut(at) {
                        *x = b;
                    }
                    v
                }),
        ]
    }

    proptest::proptest! {
        #[test]
        fn the_word_scan_finds_the_first_byte_a_byte_scan_finds(v in bytes()) {
            let json = v.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\');
            let csv = v.iter().position(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
            proptest::prop_assert_eq!(first_special(&v, json_special), json);
            proptest::prop_assert_eq!(first_special(&v, csv_special), csv);
        }
    }
}
