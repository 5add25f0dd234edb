//! `vietref reconcile`: match a bank statement to open invoices.
use crate::args::RequiredSchemes;
use crate::io::CliResult;
use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};
use vietref::reconcile::{
    open_statement, push_csv_rows, push_json_lines_bytes, Columns, LineResult, Reconciler,
    RecordError, StatementFormat, StatementMapping, StatementReader, StatementRecord, TableFormat,
    CSV_COLUMNS,
};
use vietref::Finding;

/// Output format of the per-line results.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OutFormat {
    /// One JSON object per statement line (JSON lines).
    Json,
    /// CSV with a header row.
    Csv,
}

/// Arguments of `vietref reconcile`.
#[derive(clap::Args)]
pub struct ReconcileArgs {
    /// Open invoices: CSV, XLSX or XLS (the school's or hospital's export) with a header
    /// row naming code and amount, and optionally payer, beneficiary, due (`Mã hóa đơn`,
    /// `Mã HS`, `Số tiền`, `Họ tên phụ huynh`, `Họ tên học sinh`, `Hạn nộp`, ...); a title
    /// before the header row and totals rows are skipped and listed.
    #[arg(long, value_name = "FILE")]
    invoices: String,
    /// Bank statement: an XLSX or XLS export, CSV (UTF-8, or UTF-16 with BOM), JSON lines
    /// or a JSON array, told by the extension (.xlsx, .xls, .csv, .jsonl/.ndjson, .json) or
    /// else by its first bytes; `-` reads stdin. A preamble before the header row and
    /// totals rows after the table are skipped and listed.
    #[arg(long, value_name = "FILE")]
    statement: String,
    #[command(flatten)]
    schemes: RequiredSchemes,
    /// Format of the per-line results.
    #[arg(long, value_enum, default_value = "json")]
    format: OutFormat,
    /// The same as --format json (every command that prints JSON takes --json).
    #[arg(long, conflicts_with = "format")]
    json: bool,
    /// Write the per-line results to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<String>,
    /// Statement CSV column mapping: field=Header pairs, e.g. `content=Noi dung,amount=So tien`
    /// (fields: date, amount, content, reference, counterName, direction, credit, debit,
    /// account, gateway, counterAccount; a header of digits is a 1-based column number).
    #[arg(long, value_name = "MAPPING")]
    columns: Option<String>,
    /// Invoice CSV column mapping (fields: code, amount, payer, beneficiary, due).
    #[arg(long, value_name = "MAPPING")]
    invoice_columns: Option<String>,
    /// Statement format, overriding the extension and the first bytes: csv, xlsx, xls,
    /// jsonl or json.
    #[arg(long, value_name = "FORMAT")]
    statement_format: Option<String>,
    /// The bank whose export this is (vietcombank, vietinbank, bidv, agribank, techcombank,
    /// mb, acb, vpbank, sacombank, tpbank; short names like vcb too): recorded in the
    /// mapping; the header row is found by the known header names.
    #[arg(long, value_name = "NAME")]
    bank: Option<String>,
    /// Also write the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    summary: Option<String>,
    /// No progress indicator.
    #[arg(long)]
    quiet: bool,
    /// Threads to use (default: the machine's cores): with 2 or more, invoices are checked
    /// and classified on the others while this one reads them, and the statement's lines
    /// are read (envelopes, codes, names) on a second thread while the lines read before
    /// are matched. The results are the same, in the same order, whatever the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

/// The per-line results' writer: lines are gathered in `buf` and written by the megabyte
/// (no copy per line into a buffered writer).
struct Output {
    w: BufWriter<Box<dyn Write + Send>>,
    buf: Vec<u8>,
    format: OutFormat,
}

impl Output {
    fn new(w: BufWriter<Box<dyn Write + Send>>, format: OutFormat) -> Output {
        let mut buf = Vec::with_capacity(OUT_CHUNK + (1 << 16));
        if let OutFormat::Csv = format {
            // What `CsvWriter` writes before its first row (or alone, with no row).
            buf.extend_from_slice(CSV_COLUMNS.join(",").as_bytes());
            buf.extend_from_slice(b"\r\n");
        }
        Output { w, buf, format }
    }

    /// Writes the results of one batch, in order.
    fn write_batch(&mut self, batch: &[LineResult]) -> io::Result<()> {
        match self.format {
            OutFormat::Json => push_json_lines_bytes(&mut self.buf, batch),
            OutFormat::Csv => push_csv_rows(&mut self.buf, batch),
        }
        if self.buf.len() >= OUT_CHUNK {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.w.flush()
    }
}

/// Results are written on a thread of their own, so that writing them (and freeing them)
/// overlaps reading and reconciling the next lines on the other core (issue 23). Batches
/// go through a bounded channel in statement order, so the output keeps that order.
struct Writer {
    tx: Option<mpsc::SyncSender<Vec<LineResult>>>,
    thread: Option<thread::JoinHandle<io::Result<()>>>,
    pending: Vec<LineResult>,
}

/// Results sent to the writing thread at a time.
const WRITE_BATCH: usize = 2048;

impl Writer {
    fn start(mut out: Output) -> Writer {
        // A few batches in flight: reading runs ahead of writing by at most that much.
        let (tx, rx) = mpsc::sync_channel::<Vec<LineResult>>(8);
        let thread = thread::spawn(move || {
            for batch in rx {
                out.write_batch(&batch)?;
            }
            out.finish()
        });
        Writer {
            tx: Some(tx),
            thread: Some(thread),
            pending: Vec::with_capacity(WRITE_BATCH),
        }
    }

    /// Sends the pending results when there are enough of them (or `all`).
    fn send(&mut self, all: bool) -> io::Result<()> {
        if self.pending.is_empty() || (!all && self.pending.len() < WRITE_BATCH) {
            return Ok(());
        }
        let batch = std::mem::replace(&mut self.pending, Vec::with_capacity(WRITE_BATCH));
        match self.tx.as_ref().map(|tx| tx.send(batch)) {
            Some(Ok(())) => Ok(()),
            // The writing thread stopped: its error says why.
            _ => self.join().and(Err(io::Error::other("the output stopped"))),
        }
    }

    /// Sends what is left, waits for the writing thread and returns its result.
    fn finish(mut self) -> io::Result<()> {
        self.send(true)?;
        self.join()
    }

    fn join(&mut self) -> io::Result<()> {
        self.tx = None;
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(r)) => r,
            Some(Err(_)) => Err(io::Error::other("the output thread failed")),
            None => Err(io::Error::other("the output stopped")),
        }
    }
}

/// Statement records sent to the feeding thread at a time.
const SEND_BATCH: usize = 512;

/// Batches of [`SEND_BATCH`] records the reading thread may be ahead by.
const RECORDS_AHEAD: usize = 16;

/// What the feeding thread gives back: the reconciler, and the counts of lines not fed.
struct Fed {
    rec: Reconciler,
    rejected: u64,
    skipped: u64,
    hidden: u64,
}

/// Feeds the statement records that come through `rx` (in statement order, all in one
/// `feed_records`), hands the results to `out`, and waits for them to be written. Skipped
/// and unreadable lines are listed on stderr (the first [`SHOWN`] of each) and counted; so
/// is a line not applied because a code in it holds a hidden character. Once the output
/// fails, no more records are taken.
fn feed_records(
    mut rec: Reconciler,
    rx: mpsc::Receiver<Vec<Result<StatementRecord, RecordError>>>,
    mut out: Writer,
    path: &str,
) -> Result<Fed, String> {
    let (mut rejected, mut skipped, mut hidden) = (0u64, 0u64, 0u64);
    let mut sent = Ok(());
    let failed = std::cell::Cell::new(false);
    rec.feed_records(
        rx.into_iter().flatten(),
        |r| {
            if !r.evidence.hidden.is_empty() {
                hidden += 1;
                if hidden <= SHOWN {
                    eprintln!("{path}:{}: warning: {}", r.line, r.reason());
                }
            }
            out.pending.push(r);
            if sent.is_ok() {
                sent = out.send(false);
                failed.set(sent.is_err());
            }
        },
        |o| match o {
            Ok(s) => {
                skipped += 1;
                if skipped <= SHOWN {
                    eprintln!("{}", finding_line(path, s.line, &s.finding));
                }
            }
            Err(e) => {
                rejected += 1;
                if rejected <= SHOWN {
                    print_record_error(path, &e);
                }
            }
        },
        || failed.get(),
    );
    sent.and_then(|()| out.finish())
        .map_err(crate::io::output_error)?;
    Ok(Fed {
        rec,
        rejected,
        skipped,
        hidden,
    })
}

/// Results are written to the output once this many bytes of them are ready.
const OUT_CHUNK: usize = 1 << 20;

/// Most problems printed one by one; the rest are counted.
const SHOWN: u64 = 50;

fn finding_line(path: &str, line: u64, f: &Finding) -> String {
    let col = if f.field.is_empty() {
        String::new()
    } else {
        format!(" column {}:", f.field)
    };
    format!(
        "{path}:{line}:{col} {}: {} [{}]",
        f.severity.as_str(),
        f.message_en(),
        f.code.key()
    )
}

fn print_record_error(path: &str, e: &RecordError) {
    for f in &e.findings {
        eprintln!("{}", finding_line(path, e.line, f));
    }
}

/// Counts bytes read, for the progress indicator.
struct Counting<R> {
    inner: R,
    read: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// A one-line progress indicator on stderr, for statements of at least 4 MiB when stderr
/// is a terminal.
struct Progress {
    total: u64,
    read: Rc<Cell<u64>>,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn tick(&mut self, lines: u64) {
        if self.last.elapsed() < Duration::from_millis(200) {
            return;
        }
        self.last = Instant::now();
        self.shown = true;
        let pct = (self.read.get() * 100)
            .checked_div(self.total)
            .unwrap_or(0)
            .min(100);
        eprint!("\rreconcile: {pct:>3}%  {lines} lines");
    }

    fn done(&self) {
        if self.shown {
            eprint!("\r{:40}\r", "");
        }
    }
}

fn open(path: &str) -> Result<Box<dyn Read>, String> {
    if path == "-" {
        return Ok(Box::new(io::stdin()));
    }
    File::open(path)
        .map(|f| Box::new(f) as Box<dyn Read>)
        .map_err(|e| format!("cannot open {path}: {e}"))
}

/// A statement's kind: a table (CSV, XLSX, XLS) or JSON.
#[derive(Clone, Copy)]
enum Kind {
    Table(TableFormat),
    Json(StatementFormat),
}

impl Kind {
    fn of(f: StatementFormat) -> Kind {
        match f {
            StatementFormat::Csv => Kind::Table(TableFormat::Csv),
            other => Kind::Json(other),
        }
    }

    fn parse(s: &str) -> Result<Kind, String> {
        match s.to_ascii_lowercase().as_str() {
            "xlsx" => Ok(Kind::Table(TableFormat::Xlsx)),
            "xls" => Ok(Kind::Table(TableFormat::Xls)),
            other => other
                .parse::<StatementFormat>()
                .map(Kind::of)
                .map_err(|e| e.replace("csv, jsonl or json", "csv, xlsx, xls, jsonl or json")),
        }
    }

    fn from_path(path: &str) -> Option<Kind> {
        match TableFormat::from_path(path) {
            Some(t) => Some(Kind::Table(t)),
            None => StatementFormat::from_path(path).map(Kind::of),
        }
    }
}

/// Reads the first bytes of a statement whose name does not tell its format, and gives the
/// format they show with a reader that still starts at the first byte.
fn sniffed(path: &str, mut r: Box<dyn Read>) -> Result<(Kind, Box<dyn Read>), String> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if head.len() >= 4 {
            if let Some(t) = TableFormat::sniff(&head) {
                return Ok((Kind::Table(t), Box::new(io::Cursor::new(head).chain(r))));
            }
            // UTF-16 with BOM: a table (the JSON readers take UTF-8 only).
            if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
                let k = Kind::Table(TableFormat::Csv);
                return Ok((k, Box::new(io::Cursor::new(head).chain(r))));
            }
            if let Some(f) = StatementFormat::sniff(&head) {
                return Ok((Kind::of(f), Box::new(io::Cursor::new(head).chain(r))));
            }
        }
        let n = r
            .read(&mut chunk)
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if n == 0 || head.len() > 1 << 20 {
            // Empty, or only white space: CSV, whose reader reports the missing header.
            let kind = TableFormat::sniff(&head)
                .map(Kind::Table)
                .or_else(|| StatementFormat::sniff(&head).map(Kind::of))
                .unwrap_or(Kind::Table(TableFormat::Csv));
            return Ok((kind, Box::new(io::Cursor::new(head).chain(r))));
        }
        head.extend_from_slice(&chunk[..n]);
    }
}

/// How many records an invoice file holds and its size in bytes, estimated from its size
/// and the lines of its first 256 KiB, so that the reconciler's tables are sized once
/// before loading (a little over: a table that grows copies itself). `None` for standard
/// input or a file that cannot be read (then the tables grow as they fill).
fn invoice_estimate(path: &str) -> Option<(usize, usize)> {
    const SAMPLE: u64 = 256 * 1024;
    if path == "-" {
        return None;
    }
    let size = std::fs::metadata(path).ok()?.len();
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(SAMPLE)
        .read_to_end(&mut head)
        .ok()?;
    let lines = head.iter().filter(|b| **b == b'\n').count().max(1) as u64;
    let records = usize::try_from(size.saturating_mul(lines) / (head.len() as u64).max(1)).ok()?;
    Some((records + records / 32 + 16, usize::try_from(size).ok()?))
}

pub fn run(a: ReconcileArgs) -> CliResult {
    let schemes = &a.schemes.schemes;
    let parse_columns = |opt: &Option<String>, flag: &str| -> Result<Columns, String> {
        match opt {
            None => Ok(Columns::new()),
            Some(m) => m
                .parse()
                .map_err(|f: Finding| format!("{flag}: {}", f.message_en())),
        }
    };
    let columns = parse_columns(&a.columns, "--columns")?;
    let invoice_columns = parse_columns(&a.invoice_columns, "--invoice-columns")?;
    let named_format = match &a.statement_format {
        Some(f) => Some(Kind::parse(f)?),
        None => Kind::from_path(&a.statement),
    };

    let threads = a.threads.map_or_else(
        || thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
        usize::from,
    );

    // Invoices: every problem is listed; any error stops before reconciling.
    let mut rec = Reconciler::new(schemes);
    let invoice_format = match TableFormat::from_path(&a.invoices) {
        Some(t) => (t, open(&a.invoices)?),
        None => match sniffed(&a.invoices, open(&a.invoices)?)? {
            (Kind::Table(t), r) => (t, r),
            // JSON is no invoice format: the CSV reader says what is missing.
            (Kind::Json(_), r) => (TableFormat::Csv, r),
        },
    };
    // Tables sized before loading (a CSV list only: a workbook's size says little).
    if invoice_format.0 == TableFormat::Csv {
        if let Some((records, bytes)) = invoice_estimate(&a.invoices) {
            rec.reserve(records);
            rec.reserve_text(bytes);
        }
    }
    let cannot_invoices = |e: RecordError| {
        print_record_error(&a.invoices, &e);
        format!("{}: the invoice file cannot be read", a.invoices)
    };
    let opened = match invoice_format {
        // A workbook file is read where it lies (calamine seeks in it).
        (t, _) if t != TableFormat::Csv && a.invoices != "-" => {
            let f =
                File::open(&a.invoices).map_err(|e| format!("cannot open {}: {e}", a.invoices))?;
            vietref::reconcile::open_invoices_file(t, f, &invoice_columns)
        }
        (t, r) => {
            vietref::reconcile::open_invoices(t, Box::new(io::BufReader::new(r)), &invoice_columns)
        }
    }
    .map_err(cannot_invoices)?;
    // The mapping is told for a workbook or a list with rows skipped (a plain CSV list
    // is read as it always was).
    let invoice_mapping_shown = opened.mapping.format != "csv" || opened.mapping.header_row > 1;
    if invoice_mapping_shown && !a.quiet {
        eprintln!("{}: read as {}", a.invoices, opened.mapping);
    }
    for s in &opened.mapping.skipped_rows {
        eprintln!("{}", finding_line(&a.invoices, s.row, &s.finding()));
    }
    let invoice_late = std::sync::Arc::clone(&opened.late);
    let invoice_mapping = opened.mapping.clone();
    let mut invoices = opened.reader;
    // Findings name the file's columns; the names are read before the reader is lent.
    let column_names: Vec<(&str, String)> = ["code", "amount", "payer", "beneficiary", "due"]
        .into_iter()
        .map(|f| (f, invoices.column_name(f)))
        .collect();
    let column_name = |field: &str| {
        column_names
            .iter()
            .find(|(f, _)| *f == field)
            .map_or_else(|| field.to_string(), |(_, c)| c.clone())
    };
    let mut bad_invoices = 0u64;
    let mut warnings = 0u64;
    rec.set_threads(threads);
    rec.add_invoices_from(&mut invoices, |item| match item {
        Err(e) => {
            bad_invoices += 1;
            print_record_error(&a.invoices, &e);
        }
        Ok((line, Ok(added))) => {
            for mut f in added.warnings {
                warnings += 1;
                if warnings <= SHOWN {
                    f.field = column_name(&f.field).into();
                    eprintln!("{}", finding_line(&a.invoices, line, &f));
                }
            }
        }
        Ok((line, Err(findings))) => {
            bad_invoices += 1;
            for mut f in findings {
                f.field = column_name(&f.field).into();
                eprintln!("{}", finding_line(&a.invoices, line, &f));
            }
        }
    });
    if let Some(e) = invoices.take_io_error() {
        return Err(format!("cannot read {}: {e}", a.invoices));
    }
    let invoice_mapping = {
        let mut m = invoice_mapping;
        let late = invoice_late.lock().map(|l| l.clone()).unwrap_or_default();
        for s in &late {
            eprintln!("{}", finding_line(&a.invoices, s.row, &s.finding()));
        }
        m.skipped_rows.extend(late);
        (invoice_mapping_shown || !m.skipped_rows.is_empty()).then_some(m)
    };
    if bad_invoices > 0 {
        return Err(format!(
            "{}: {bad_invoices} invoice record(s) have errors; fix them first (nothing was reconciled)",
            a.invoices
        ));
    }

    // Statement: streamed, one result per incoming line.
    let read = Rc::new(Cell::new(0u64));
    let total = if a.statement == "-" {
        0
    } else {
        std::fs::metadata(&a.statement)
            .map(|m| m.len())
            .unwrap_or(0)
    };
    let (format, statement_input) = match named_format {
        Some(f) => (f, open(&a.statement)?),
        None => sniffed(&a.statement, open(&a.statement)?)?,
    };
    let counting = Counting {
        inner: statement_input,
        read: Rc::clone(&read),
    };
    let cannot = |e: RecordError| {
        print_record_error(&a.statement, &e);
        format!("{}: the statement cannot be read", a.statement)
    };
    let (mut statement, opened_mapping): (StatementReader<Box<dyn Read>>, _) = match format {
        Kind::Json(f) => {
            if a.bank.is_some() {
                return Err("--bank applies to CSV, XLSX and XLS statements".into());
            }
            let r = StatementReader::new(f, Box::new(counting) as Box<dyn Read>, &columns)
                .map_err(cannot)?;
            (r, None)
        }
        Kind::Table(t) => {
            // A workbook file is read where it lies (calamine seeks in it).
            let o = if t != TableFormat::Csv && a.statement != "-" {
                let f = File::open(&a.statement)
                    .map_err(|e| format!("cannot open {}: {e}", a.statement))?;
                vietref::reconcile::open_statement_file(t, f, &columns, a.bank.as_deref())
            } else {
                open_statement(t, Box::new(counting), &columns, a.bank.as_deref())
            }
            .map_err(cannot)?;
            let m = &o.mapping;
            if !a.quiet {
                eprintln!("{}: read as {m}", a.statement);
            }
            for s in &m.skipped_rows {
                eprintln!("{}", finding_line(&a.statement, s.row, &s.finding()));
            }
            (o.reader, Some((o.mapping, o.late)))
        }
    };
    let mut progress =
        (!a.quiet && io::stderr().is_terminal() && total >= 4 << 20).then(|| Progress {
            total,
            read: Rc::clone(&read),
            last: Instant::now(),
            shown: false,
        });
    let sink: Box<dyn Write + Send> = match &a.out {
        Some(p) => Box::new(File::create(p).map_err(|e| format!("cannot create {p}: {e}"))?),
        None => Box::new(io::stdout()),
    };
    let sink = BufWriter::with_capacity(1 << 16, sink);
    let format = if a.json { OutFormat::Json } else { a.format };
    let out = Writer::start(Output::new(sink, format));
    // The statement is read and parsed here, while another thread feeds the lines read
    // before (and a third writes their results): batches of records go to the feeding
    // thread in statement order through a bounded channel, so every result keeps its
    // line's place, and reading runs at most RECORDS_AHEAD batches ahead.
    let (tx, rx) = mpsc::sync_channel::<Vec<Result<StatementRecord, RecordError>>>(RECORDS_AHEAD);
    let path = a.statement.clone();
    let feeder = thread::spawn(move || feed_records(rec, rx, out, &path));
    let mut n = 0u64;
    let mut records = Vec::with_capacity(SEND_BATCH);
    let mut stopped = false;
    for item in statement.by_ref() {
        n += 1;
        if let Some(p) = progress.as_mut() {
            if n.is_multiple_of(4096) {
                p.tick(n);
            }
        }
        records.push(item);
        if records.len() == SEND_BATCH {
            let full = std::mem::replace(&mut records, Vec::with_capacity(SEND_BATCH));
            if tx.send(full).is_err() {
                // The feeding thread stopped (its output failed): its result says why.
                stopped = true;
                break;
            }
        }
    }
    if !stopped && !records.is_empty() {
        // An error here is the feeding thread's, told by its result.
        let _ = tx.send(records);
    }
    drop(tx);
    let Fed {
        mut rec,
        rejected,
        skipped,
        hidden,
    } = match feeder.join() {
        Ok(r) => r?,
        Err(_) => return Err("the reconciling thread failed".into()),
    };
    rec.add_input_lines(&statement.input_lines());
    if let Some(p) = &progress {
        p.done();
    }
    if let Some(e) = statement.take_io_error() {
        return Err(format!("cannot read {}: {e}", a.statement));
    }
    for (count, what) in [
        (skipped, "outgoing line(s) skipped"),
        (rejected, "unreadable record(s)"),
        (
            hidden,
            "line(s) not applied for a hidden character in a code",
        ),
    ] {
        if count > SHOWN {
            eprintln!("{}: {count} {what} in all ({} shown)", a.statement, SHOWN);
        }
    }
    // Totals rows met while reading, and the mapping in the summary.
    let mapping: Option<StatementMapping> = opened_mapping.map(|(m, late)| {
        let mut m = m;
        let late = late.lock().map(|l| l.clone()).unwrap_or_default();
        for s in &late {
            eprintln!("{}", finding_line(&a.statement, s.row, &s.finding()));
        }
        m.skipped_rows.extend(late);
        m
    });
    let summary = rec.summary();
    eprintln!("{summary}");
    if let Some(p) = &a.summary {
        let mut v = serde_json::to_value(&summary).map_err(|e| e.to_string())?;
        if let (Some(m), Some(o)) = (&mapping, v.as_object_mut()) {
            o.insert(
                "statementMapping".into(),
                serde_json::to_value(m).map_err(|e| e.to_string())?,
            );
        }
        if let (Some(m), Some(o)) = (&invoice_mapping, v.as_object_mut()) {
            o.insert(
                "invoiceMapping".into(),
                serde_json::to_value(m).map_err(|e| e.to_string())?,
            );
        }
        let json = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
        std::fs::write(p, json + "\n").map_err(|e| format!("cannot write {p}: {e}"))?;
    }
    Ok(if rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
