//! A small CSV reader (RFC 4180 plus what spreadsheet exports do) and field quoting for
//! the writer.
//!
//! - Fields are separated by the delimiter (`,`, or `;` or a tab: see
//!   [`detect_delimiter`]); records end at `\n`, `\r\n` or a lone `\r`.
//! - A field that starts with `"` is quoted: it may hold delimiters and line breaks, and
//!   `""` stands for one `"`. Text after the closing quote is an error
//!   (`reconcile.csv_after_quote`); a quote that is never closed is an error at the line
//!   where it opened (`reconcile.csv_unterminated`). A `"` inside an unquoted field is kept.
//! - A quote still open at a line break is a stray quote, not a multi-line field, when the
//!   next line reads on its own as a complete record as wide as the first record (the
//!   header), or when the field has held [`QUOTED_LINES_MAX`] line breaks: the record ends
//!   there as an error (`reconcile.csv_stray_quote`, at the line where it started), and the
//!   next record starts on the next line. A record over [`RECORD_MAX`] ends at its next line
//!   break too, quoted or not.
//! - [`CsvReader::lines_read`] and [`CsvReader::blank_lines`] count physical lines, so that a
//!   caller can account for every one of them.
//! - A UTF-8 byte order mark at the start is skipped; lines that hold only spaces are
//!   skipped (but counted).
//! - Every field must be UTF-8 (`reconcile.not_utf8`); a record longer than
//!   [`RECORD_MAX`] bytes is an error and skipped, so memory stays bounded whatever the
//!   input.
//!
//! Each record carries the 1-based physical line on which it starts.

use crate::finding::{Code, Finding};
use std::io::Read;

/// Longest record accepted, in bytes.
pub const RECORD_MAX: usize = 1 << 20;
/// Most line breaks one quoted field may hold: a quote left open longer is taken as a stray
/// quote (the record is rejected where it started and reading goes on after it).
pub const QUOTED_LINES_MAX: u64 = 32;
const BUF: usize = 1 << 16;

/// One CSV record: its first line and its fields.
#[derive(Debug, Default, Clone)]
pub struct CsvRecord {
    /// 1-based physical line where the record starts.
    pub line: u64,
    text: String,
    /// Where each field ends in `text`.
    ends: Vec<usize>,
    /// Where each field starts in `text` when the record was read by slices (`text` is then
    /// the line as it is, with an unquoted copy after it of each field that held `""`);
    /// empty when each field starts where the one before it ends.
    starts: Vec<usize>,
}

impl CsvRecord {
    /// Field `i` (0-based), or `None` when the record has fewer fields.
    pub fn field(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = match self.starts.get(i) {
            Some(s) => *s,
            None if i == 0 => 0,
            None => *self.ends.get(i - 1)?,
        };
        self.text.get(start..end)
    }

    /// How many fields.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the record has no field.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The fields.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.field(i).unwrap_or(""))
    }
}

/// An error in one record: where it starts and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line (physical line for CSV and JSON lines, position for a JSON array).
    pub line: u64,
    /// What is wrong, one finding per problem; each names its column in `field`.
    pub findings: Vec<Finding>,
}

impl RecordError {
    /// An error with one finding.
    pub fn one(line: u64, f: Finding) -> RecordError {
        RecordError {
            line,
            findings: vec![f],
        }
    }
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, x) in self.findings.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            if x.field.is_empty() {
                write!(
                    f,
                    "line {}: {} [{}]",
                    self.line,
                    x.message_en(),
                    x.code.key()
                )?;
            } else {
                write!(
                    f,
                    "line {}, column {}: {} [{}]",
                    self.line,
                    x.field,
                    x.message_en(),
                    x.code.key()
                )?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for RecordError {}

/// Reads CSV records from any reader, in bounded memory.
pub struct CsvReader<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    filled: usize,
    eof: bool,
    io_error: Option<std::io::Error>,
    line: u64,
    started: bool,
    delimiter: u8,
    raw: Vec<u8>,
    /// Whether bytes of a line were read after its last line break.
    mid_line: bool,
    /// Blank lines skipped so far.
    blank: u64,
    /// Fields of the first record (the header), once read.
    expected: Option<usize>,
    /// Whether [`CsvReader::read_line_fast`] may be used (off in tests that compare it with
    /// the general reading).
    fast: bool,
}

/// What [`CsvReader::read_line_fast`] did.
enum Fast {
    /// A record was read.
    Record,
    /// A blank line was skipped.
    Blank,
    /// The line needs the general reading (nothing was consumed).
    General,
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    AfterQuote,
}

impl<R: Read> CsvReader<R> {
    /// A reader with the delimiter `delimiter` (use [`CsvReader::detect`] to guess it from
    /// the header line).
    pub fn new(inner: R, delimiter: u8) -> CsvReader<R> {
        CsvReader {
            inner,
            buf: vec![0; BUF],
            pos: 0,
            filled: 0,
            eof: false,
            io_error: None,
            line: 1,
            started: false,
            delimiter,
            raw: Vec::new(),
            mid_line: false,
            blank: 0,
            expected: None,
            fast: true,
        }
    }

    /// A reader whose delimiter is guessed from the first line ([`detect_delimiter`]).
    pub fn detect(inner: R) -> CsvReader<R> {
        let mut r = CsvReader::new(inner, b',');
        r.skip_bom();
        let head = r.buf.get(r.pos..r.filled).unwrap_or(&[]);
        r.delimiter = detect_delimiter(head);
        r
    }

    /// The delimiter in use.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Physical lines read so far (ended by `\n`, `\r\n` or a lone `\r`, or by the end of
    /// the input); a byte order mark alone is no line.
    pub fn lines_read(&self) -> u64 {
        self.line - 1 + u64::from(self.mid_line)
    }

    /// Blank lines skipped so far.
    pub fn blank_lines(&self) -> u64 {
        self.blank
    }

    /// The number of fields of the first record read (the header row), if one was read.
    pub fn header_fields(&self) -> Option<usize> {
        self.expected
    }

    /// Whether the next physical line, on its own, reads as one complete record of the
    /// header's width: every quote closed on it, no quote inside an unquoted field, no
    /// text after a closing quote. Used to tell a stray quote from a field that really
    /// spans lines. Looks at most one buffer ahead (a longer line says no).
    fn next_line_is_record(&mut self) -> bool {
        let Some(expected) = self.expected else {
            return false;
        };
        // Make the whole next line visible in the buffer.
        let end = loop {
            let view = self.buf.get(self.pos..self.filled).unwrap_or(&[]);
            if let Some(i) = view.iter().position(|b| *b == b'\n' || *b == b'\r') {
                break self.pos + i;
            }
            if self.eof {
                break self.filled;
            }
            if self.pos > 0 {
                self.buf.copy_within(self.pos..self.filled, 0);
                self.filled -= self.pos;
                self.pos = 0;
            }
            let Some(rest) = self.buf.get_mut(self.filled..) else {
                return false;
            };
            if rest.is_empty() {
                return false;
            }
            match self.inner.read(rest) {
                Ok(0) => self.eof = true,
                Ok(n) => self.filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.io_error = Some(e);
                    self.eof = true;
                }
            }
        };
        let line = self.buf.get(self.pos..end).unwrap_or(&[]);
        if line.iter().all(|b| *b == b' ' || *b == b'\t') {
            return false;
        }
        let (mut fields, mut state) = (1usize, State::FieldStart);
        let mut i = 0;
        while let Some(&b) = line.get(i) {
            i += 1;
            state = match state {
                _ if b == self.delimiter && state != State::Quoted => {
                    fields += 1;
                    State::FieldStart
                }
                State::FieldStart if b == b'"' => State::Quoted,
                State::FieldStart | State::Unquoted if b == b'"' => return false,
                State::FieldStart | State::Unquoted => State::Unquoted,
                State::Quoted if b == b'"' => {
                    if line.get(i) == Some(&b'"') {
                        i += 1;
                        State::Quoted
                    } else {
                        State::AfterQuote
                    }
                }
                State::Quoted => State::Quoted,
                State::AfterQuote => return false,
            };
        }
        state != State::Quoted && fields == expected
    }

    /// The I/O error that ended reading, if any (reading stops as at the end of input).
    pub fn take_io_error(&mut self) -> Option<std::io::Error> {
        self.io_error.take()
    }

    fn fill(&mut self) -> bool {
        if self.pos < self.filled {
            return true;
        }
        if self.eof {
            return false;
        }
        loop {
            match self.inner.read(&mut self.buf) {
                Ok(0) => {
                    self.eof = true;
                    return false;
                }
                Ok(n) => {
                    self.pos = 0;
                    self.filled = n;
                    return true;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.io_error = Some(e);
                    self.eof = true;
                    return false;
                }
            }
        }
    }

    /// Fills the buffer with as much as one read gives, to look at the first line.
    fn skip_bom(&mut self) {
        if self.started {
            return;
        }
        self.started = true;
        // Read until at least 3 bytes or the end.
        while self.filled - self.pos < 3 && !self.eof {
            let have = self.filled - self.pos;
            self.buf.copy_within(self.pos..self.filled, 0);
            self.pos = 0;
            self.filled = have;
            let Some(rest) = self.buf.get_mut(have..) else {
                break;
            };
            match self.inner.read(rest) {
                Ok(0) => self.eof = true,
                Ok(n) => self.filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.io_error = Some(e);
                    self.eof = true;
                }
            }
        }
        if self.buf.get(self.pos..self.pos + 3) == Some(&b"\xEF\xBB\xBF"[..]) {
            self.pos += 3;
        }
    }

    #[inline]
    fn next_byte(&mut self) -> Option<u8> {
        if !self.fill() {
            return None;
        }
        let b = *self.buf.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// The bytes read but not yet taken.
    #[inline]
    fn rest(&self) -> &[u8] {
        self.buf.get(self.pos..self.filled).unwrap_or(&[])
    }

    /// Takes the bytes of [`CsvReader::rest`] before `stop` (all of them when `None`) into
    /// the record, as many pushes of them would: bytes past [`RECORD_MAX`] are dropped and
    /// `too_long` set. Runs with no byte the state machine acts on are copied whole
    /// (issue 23: the reader made one push per byte).
    #[inline]
    fn copy_run(&mut self, stop: Option<usize>, too_long: &mut bool) {
        let n = stop.unwrap_or(self.filled.saturating_sub(self.pos));
        if n == 0 {
            return;
        }
        let room = RECORD_MAX.saturating_sub(self.raw.len());
        let take = n.min(room);
        if let Some(run) = self.buf.get(self.pos..self.pos + take) {
            self.raw.extend_from_slice(run);
        }
        if n > room {
            *too_long = true;
        }
        self.pos += n;
    }

    #[inline]
    fn peek(&mut self) -> Option<u8> {
        if !self.fill() {
            return None;
        }
        self.buf.get(self.pos).copied()
    }

    /// Reads the next record into `rec`. `Ok(false)` at the end of input; `Err` for a
    /// record that cannot be used (reading can go on with the next one).
    pub fn read_record(&mut self, rec: &mut CsvRecord) -> Result<bool, RecordError> {
        if !self.started {
            self.skip_bom();
        }
        if self.fast {
            loop {
                match self.read_line_fast(rec) {
                    Fast::Record => return Ok(true),
                    Fast::Blank => {}
                    Fast::General => break,
                }
            }
        }
        self.read_record_general(rec)
    }

    /// Reads more input after the bytes not yet taken, which move to the start of the
    /// buffer; `false` when none came (end of input, error, or the buffer is full).
    fn read_more(&mut self) -> bool {
        if self.eof {
            return false;
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.filled -= self.pos;
            self.pos = 0;
        }
        loop {
            let Some(rest) = self.buf.get_mut(self.filled..) else {
                return false;
            };
            if rest.is_empty() {
                return false;
            }
            match self.inner.read(rest) {
                Ok(0) => {
                    self.eof = true;
                    return false;
                }
                Ok(n) => {
                    self.filled += n;
                    return true;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.io_error = Some(e);
                    self.eof = true;
                    return false;
                }
            }
        }
    }

    /// Reads the next record when it is one whole line in the buffer, read by slices
    /// (issue 23): the line is found with one search for its end and checked as UTF-8 once
    /// (`simdutf8`), its fields are found with searches for the delimiter and quotes, and
    /// copied as slices of the checked line. Anything else (a quote open at the line end,
    /// text after a closing quote, bytes that are not UTF-8, the last line without a line
    /// break, a line longer than the buffer) is left to [`CsvReader::read_record_general`],
    /// with nothing consumed, so that results and errors are the same as with it alone.
    fn read_line_fast(&mut self, rec: &mut CsvRecord) -> Fast {
        let delim = self.delimiter;
        if !delim.is_ascii() || matches!(delim, b'"' | b'\n' | b'\r') {
            return Fast::General;
        }
        // The line and its line break.
        let (len, brk) = loop {
            let rest = self.rest();
            match memchr::memchr2(b'\n', b'\r', rest) {
                Some(i) if rest.get(i) == Some(&b'\n') => break (i, 1),
                Some(i) => match rest.get(i + 1) {
                    Some(b'\n') => break (i, 2),
                    Some(_) => break (i, 1),
                    // A `\r` last in the buffer: whether `\n` follows is not known yet.
                    None => {
                        if !self.read_more() {
                            return Fast::General;
                        }
                    }
                },
                None => {
                    if !self.read_more() {
                        return Fast::General;
                    }
                }
            }
        };
        let Some(bytes) = self.buf.get(self.pos..self.pos + len) else {
            return Fast::General;
        };
        let Ok(line) = simdutf8::basic::from_utf8(bytes) else {
            return Fast::General;
        };
        // The line is copied whole, and each field is a slice of it (issue 23: a copy per
        // field was more work than the copying itself).
        rec.text.clear();
        rec.text.push_str(line);
        rec.ends.clear();
        rec.starts.clear();
        let mut i = 0;
        let mut last_quoted;
        loop {
            if bytes.get(i) == Some(&b'"') {
                // A quoted field: to its closing quote, `""` for one quote (the field is
                // then unquoted into a copy after the line).
                let mut j = i + 1;
                let mut copy: Option<usize> = None;
                loop {
                    let Some(k) = bytes.get(j..).and_then(|b| memchr::memchr(b'"', b)) else {
                        // Open at the line end: a field over several lines, or a stray quote.
                        return Fast::General;
                    };
                    let doubled = bytes.get(j + k + 1) == Some(&b'"');
                    // (Only the first quote found can start the copy: any later one was
                    // found after a `""`.)
                    if doubled && copy.is_none() {
                        copy = Some(rec.text.len());
                    }
                    if copy.is_some() {
                        let Some(part) = line.get(j..j + k) else {
                            return Fast::General;
                        };
                        rec.text.push_str(part);
                    }
                    j += k + 1;
                    if doubled {
                        rec.text.push('"');
                        j += 1;
                    } else {
                        break;
                    }
                }
                match copy {
                    Some(start) => {
                        rec.starts.push(start);
                        rec.ends.push(rec.text.len());
                    }
                    None => {
                        rec.starts.push(i + 1);
                        rec.ends.push(j - 1);
                    }
                }
                last_quoted = true;
                match bytes.get(j) {
                    None => break,
                    Some(&b) if b == delim => i = j + 1,
                    // Text after the closing quote: an error the general reading words.
                    Some(_) => return Fast::General,
                }
            } else {
                let tail = bytes.get(i..).unwrap_or(&[]);
                let end = memchr::memchr(delim, tail).map(|k| i + k);
                rec.starts.push(i);
                rec.ends.push(end.unwrap_or(len));
                last_quoted = false;
                match end {
                    Some(e) => i = e + 1,
                    None => break,
                }
            }
        }
        // A line of spaces only (no delimiter, no quote) is blank.
        let blank =
            rec.ends.len() == 1 && !last_quoted && bytes.iter().all(|b| *b == b' ' || *b == b'\t');
        self.pos += len + brk;
        let start_line = self.line;
        self.line += 1;
        self.mid_line = false;
        if blank {
            self.blank += 1;
            return Fast::Blank;
        }
        rec.line = start_line;
        if self.expected.is_none() {
            self.expected = Some(rec.ends.len());
        }
        Fast::Record
    }

    /// [`CsvReader::read_record`] byte by byte, for every kind of record.
    fn read_record_general(&mut self, rec: &mut CsvRecord) -> Result<bool, RecordError> {
        loop {
            let start_line = self.line;
            rec.line = start_line;
            rec.text.clear();
            rec.ends.clear();
            rec.starts.clear();
            self.raw.clear();
            let mut state = State::FieldStart;
            let mut error: Option<Finding> = None;
            let mut too_long = false;
            let mut any = false;
            let mut after_quote_text: Vec<u8> = Vec::new();
            let delim = self.delimiter;
            let ended_by_eof;
            // Line breaks inside the current quoted field, and whether the quote was found
            // to be stray (then the record ends at the line break).
            let mut quoted_lines = 0u64;
            let mut stray: Option<&'static str> = None;
            loop {
                let Some(b) = self.next_byte() else {
                    ended_by_eof = true;
                    break;
                };
                any = true;
                self.mid_line = true;
                let newline = b == b'\n' || b == b'\r';
                if newline && (state != State::Quoted || too_long) {
                    if b == b'\r' && self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    self.line += 1;
                    self.mid_line = false;
                    ended_by_eof = false;
                    break;
                }
                match state {
                    State::FieldStart if b == b'"' => state = State::Quoted,
                    State::FieldStart | State::Unquoted if b == delim => {
                        rec.ends.push(self.raw.len());
                        state = State::FieldStart;
                    }
                    State::FieldStart | State::Unquoted => {
                        state = State::Unquoted;
                        push(&mut self.raw, b, &mut too_long);
                        // The rest of the field up to a delimiter or line end, by slices.
                        self.copy_run(
                            memchr::memchr3(delim, b'\n', b'\r', self.rest()),
                            &mut too_long,
                        );
                    }
                    State::Quoted => {
                        if b == b'"' {
                            if self.peek() == Some(b'"') {
                                self.pos += 1;
                                push(&mut self.raw, b'"', &mut too_long);
                            } else {
                                state = State::AfterQuote;
                            }
                        } else {
                            push(&mut self.raw, b, &mut too_long);
                            if b != b'\n' && b != b'\r' {
                                // The rest of the quoted text up to a quote or line end.
                                self.copy_run(
                                    memchr::memchr3(b'"', b'\n', b'\r', self.rest()),
                                    &mut too_long,
                                );
                            } else if b == b'\n' || (b == b'\r' && self.peek() != Some(b'\n')) {
                                self.line += 1;
                                self.mid_line = false;
                                quoted_lines += 1;
                                // A quote still open at a line break is stray when the
                                // next line reads as a record of its own, or when it has
                                // stayed open too long: the record ends here.
                                if quoted_lines > QUOTED_LINES_MAX {
                                    stray = Some("lines");
                                } else if self.next_line_is_record() {
                                    stray = Some("next");
                                }
                                if stray.is_some() {
                                    ended_by_eof = false;
                                    break;
                                }
                            }
                        }
                    }
                    State::AfterQuote => {
                        if b == delim {
                            rec.ends.push(self.raw.len());
                            state = State::FieldStart;
                        } else {
                            if after_quote_text.len() < 20 {
                                after_quote_text.push(b);
                            }
                            push(&mut self.raw, b, &mut too_long);
                            if error.is_none() {
                                error = Some(Finding::new(Code::ReconcileCsvAfterQuote, ""));
                            }
                        }
                    }
                }
            }
            if ended_by_eof && !any {
                return Ok(false);
            }
            rec.ends.push(self.raw.len());
            let column = rec.ends.len();
            if let Some(why) = stray {
                let (en, vi) = if why == "lines" {
                    (
                        format!("it stays open over more than {QUOTED_LINES_MAX} lines"),
                        format!("nó mở suốt hơn {QUOTED_LINES_MAX} dòng"),
                    )
                } else {
                    (
                        "the next line reads as a record of its own".to_string(),
                        "dòng tiếp theo tự nó là một bản ghi đầy đủ".to_string(),
                    )
                };
                rec.ends.clear();
                return Err(RecordError::one(
                    start_line,
                    Finding::new(Code::ReconcileCsvStrayQuote, format!("{column}"))
                        .detail_both(en, vi),
                ));
            }
            if ended_by_eof && state == State::Quoted {
                rec.ends.clear();
                return Err(RecordError::one(
                    start_line,
                    Finding::new(Code::ReconcileCsvUnterminated, format!("{column}")),
                ));
            }
            if too_long {
                rec.ends.clear();
                return Err(RecordError::one(
                    start_line,
                    Finding::new(Code::ReconcileRecordTooLong, "").limit(RECORD_MAX),
                ));
            }
            if let Some(mut e) = error {
                e.field = column.to_string().into();
                e.params.detail = Some(format!(
                    "\u{201C}{}\u{201D}",
                    String::from_utf8_lossy(&after_quote_text)
                ));
                rec.ends.clear();
                return Err(RecordError::one(start_line, e));
            }
            // A line of spaces only (no delimiter, no quote) is blank.
            if rec.ends.len() == 1
                && self.raw.iter().all(|b| *b == b' ' || *b == b'\t')
                && state != State::AfterQuote
            {
                self.blank += 1;
                if ended_by_eof {
                    return Ok(false);
                }
                continue;
            }
            match std::str::from_utf8(&self.raw) {
                Ok(s) => rec.text.push_str(s),
                Err(e) => {
                    let at = e.valid_up_to();
                    let i = rec.ends.iter().position(|end| *end > at).unwrap_or(0);
                    let field_start = if i == 0 {
                        0
                    } else {
                        rec.ends.get(i - 1).copied().unwrap_or(0)
                    };
                    rec.ends.clear();
                    return Err(RecordError::one(
                        start_line,
                        Finding::new(Code::ReconcileNotUtf8, (i + 1).to_string())
                            .at(at - field_start + 1, '\u{FFFD}'),
                    ));
                }
            }
            if self.expected.is_none() {
                self.expected = Some(rec.ends.len());
            }
            return Ok(true);
        }
    }
}

/// For the fuzz targets: reads `data` as CSV with the reading by slices and byte by byte
/// only, with a buffer of 8 to 64 bytes (from `seed`) so that lines meet its edges, and
/// panics if the records, errors or line counts differ.
#[cfg(feature = "fuzzing")]
pub fn check_reading_by_slices(data: &[u8], seed: u8) {
    let buf = 8 + usize::from(seed % 57);
    let delimiter = detect_delimiter(data);
    let read = |fast: bool| {
        let mut r = CsvReader::new(data, delimiter);
        r.buf = vec![0; buf];
        r.fast = fast;
        let mut rec = CsvRecord::default();
        let mut out = Vec::new();
        for _ in 0..10_000 {
            match r.read_record(&mut rec) {
                Ok(true) => out.push(Ok((
                    rec.line,
                    rec.fields().map(String::from).collect::<Vec<_>>(),
                ))),
                Ok(false) => break,
                Err(e) => out.push(Err(e)),
            }
        }
        (out, r.lines_read(), r.blank_lines(), r.header_fields())
    };
    assert_eq!(read(true), read(false));
}

#[inline]
fn push(raw: &mut Vec<u8>, b: u8, too_long: &mut bool) {
    if raw.len() < RECORD_MAX {
        raw.push(b);
    } else {
        *too_long = true;
    }
}

/// Guesses the delimiter from the start of a file: whichever of `,`, `;` and tab occurs
/// most often outside quotes on the first line (`,` on a tie or when none occurs).
/// Spreadsheets set to Vietnamese write `;`, because `,` is their decimal mark.
pub fn detect_delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, c)| (**c, std::cmp::Reverse(*i)));
    match best {
        Some((1, c)) if *c > 0 => b';',
        Some((2, c)) if *c > 0 => b'\t',
        _ => b',',
    }
}

/// Writes `field` to `out`, quoted when it holds the delimiter, a quote, a line break or
/// leading/trailing spaces.
pub fn write_field(out: &mut String, field: &str, delimiter: char) {
    // Bytes, not chars, when the delimiter is ASCII (always, in practice): a non-ASCII
    // character's bytes are never ASCII.
    let special = if delimiter.is_ascii() {
        let d = delimiter as u8;
        field
            .bytes()
            .any(|b| b == d || b == b'"' || b == b'\n' || b == b'\r')
    } else {
        field.contains([delimiter, '"', '\n', '\r'])
    };
    let needs = special || field.starts_with(' ') || field.ends_with(' ');
    if needs {
        out.push('"');
        for (i, part) in field.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `write_field` as it was before issue 23 (chars, one at a time): the reference.
    fn write_field_reference(out: &mut String, field: &str, delimiter: char) {
        let needs = field.contains([delimiter, '"', '\n', '\r'])
            || field.starts_with(' ')
            || field.ends_with(' ');
        if needs {
            out.push('"');
            for c in field.chars() {
                if c == '"' {
                    out.push('"');
                }
                out.push(c);
            }
            out.push('"');
        } else {
            out.push_str(field);
        }
    }

    proptest::proptest! {
        #[test]
        fn write_field_matches_its_reference(
            field in "[a-zA-Z ,;\t\"\r\nàĐ€“]{0,16}|.{0,16}",
            delimiter in proptest::sample::select(vec![',', ';', '\t', '|', '€', 'Đ']),
        ) {
            let (mut got, mut want) = (String::from("x"), String::from("x"));
            write_field(&mut got, &field, delimiter);
            write_field_reference(&mut want, &field, delimiter);
            proptest::prop_assert_eq!(got, want);
        }
    }

    type Got = Result<(u64, Vec<String>), (u64, &'static str)>;

    fn all(input: &[u8]) -> Vec<Got> {
        let mut r = CsvReader::detect(input);
        let mut rec = CsvRecord::default();
        let mut out = Vec::new();
        loop {
            match r.read_record(&mut rec) {
                Ok(true) => out.push(Ok((rec.line, rec.fields().map(String::from).collect()))),
                Ok(false) => break,
                Err(e) => out.push(Err((e.line, e.findings[0].code.key()))),
            }
        }
        out
    }

    /// Everything a reader gives for `input`: its records and errors, then its line counts.
    /// `fast`: whether the reading by slices is used; `buf`: the buffer's size; `chunk`: the
    /// most bytes one read of the input gives.
    fn reading(input: &[u8], delimiter: u8, fast: bool, buf: usize, chunk: usize) -> Vec<String> {
        let mut r = CsvReader::new(crate::reconcile::test_io::Trickle(input, chunk), delimiter);
        r.buf = vec![0; buf];
        r.fast = fast;
        let mut rec = CsvRecord::default();
        let mut out = Vec::new();
        loop {
            match r.read_record(&mut rec) {
                Ok(true) => out.push(format!(
                    "{} {:?}",
                    rec.line,
                    rec.fields().collect::<Vec<_>>()
                )),
                Ok(false) => break,
                Err(e) => out.push(format!("{e} {:?}", e.findings)),
            }
        }
        out.push(format!(
            "lines {} blank {} header {:?}",
            r.lines_read(),
            r.blank_lines(),
            r.header_fields()
        ));
        out
    }

    /// Pieces of generated CSV: text, delimiters, quotes, line breaks, characters of 2, 3
    /// and 4 bytes, and bytes that are not UTF-8.
    fn csv_text() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        let piece = proptest::sample::select(vec![
            &b"a"[..],
            b"HP0012",
            b"1000",
            b",",
            b",",
            b";",
            b"\t",
            b" ",
            b"\"",
            b"\"\"",
            b"\n",
            b"\n",
            b"\r\n",
            b"\r",
            "Đặng".as_bytes(),
            "€".as_bytes(),
            "😀".as_bytes(),
            b"\xFF",
            b"\xC3",
            b"\xEF\xBB\xBF",
            b"\"x\"\"y\"",
            b"\"1,5;\"",
            b"\"\"",
            "\"Tô Thị\"".as_bytes(),
            b"\"a\nb\"",
            b"\"a\r\nb\"",
        ]);
        proptest::collection::vec(piece, 0..60).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #[test]
        fn reads_by_slices_as_byte_by_byte(
            text in csv_text(),
            semicolon in proptest::prelude::any::<bool>(),
            buf in proptest::sample::select(vec![4usize, 7, 16, 33, 64, 1 << 16]),
            chunk in 1usize..50,
        ) {
            let d = if semicolon { b';' } else { b',' };
            proptest::prop_assert_eq!(
                reading(&text, d, true, buf, chunk),
                reading(&text, d, false, buf, chunk)
            );
        }
    }

    #[test]
    fn reads_quotes_by_slices() {
        let input = b"a,\"x\"\"y\",\"\"\r\n\"1,5\"\"x\",2, \"q\"\n\r  \n\"\"\"\"\n";
        for fast in [true, false] {
            assert_eq!(
                reading(input, b',', fast, 1 << 16, 1 << 16),
                [
                    "1 [\"a\", \"x\\\"y\", \"\"]",
                    "2 [\"1,5\\\"x\", \"2\", \" \\\"q\\\"\"]",
                    "5 [\"\\\"\"]",
                    "lines 5 blank 2 header Some(3)",
                ]
            );
        }
    }

    #[test]
    fn quoted_bom_crlf() {
        let got = all(b"\xEF\xBB\xBFa,b\r\n\"x,1\",\"he said \"\"hi\"\"\"\r\n\r\n\"multi\nline\",z\r\nlast,\n");
        assert_eq!(
            got,
            vec![
                Ok((1, vec!["a".into(), "b".into()])),
                Ok((2, vec!["x,1".into(), "he said \"hi\"".into()])),
                Ok((4, vec!["multi\nline".into(), "z".into()])),
                Ok((6, vec!["last".into(), "".into()])),
            ]
        );
    }

    #[test]
    fn errors_and_recovery() {
        let got = all(b"a,b\n\"x\"y,2\nok,3\n\"open,4\nmore\n");
        assert_eq!(got[0], Ok((1, vec!["a".into(), "b".into()])));
        assert_eq!(got[1], Err((2, "reconcile.csv_after_quote")));
        assert_eq!(got[2], Ok((3, vec!["ok".into(), "3".into()])));
        assert_eq!(got[3], Err((4, "reconcile.csv_unterminated")));
        assert_eq!(got.len(), 4);
        let got = all(b"a,b\nx,\xff\xfe\n");
        assert_eq!(got[1], Err((2, "reconcile.not_utf8")));
    }

    #[test]
    fn a_stray_quote_ends_at_its_line() {
        // The issue's statement: the quote on line 2 is never closed; lines 3 and 4 read
        // as records of their own, so line 2 alone is rejected.
        let input = b"amount,content\n1000,\"oops\n1250000,HP24010172\n980000,HP24010463\n";
        let got = all(input);
        assert_eq!(
            got,
            vec![
                Ok((1, vec!["amount".into(), "content".into()])),
                Err((2, "reconcile.csv_stray_quote")),
                Ok((3, vec!["1250000".into(), "HP24010172".into()])),
                Ok((4, vec!["980000".into(), "HP24010463".into()])),
            ]
        );
        let mut r = CsvReader::detect(&input[..]);
        let mut rec = CsvRecord::default();
        while !matches!(r.read_record(&mut rec), Ok(false)) {}
        assert_eq!(r.lines_read(), 4);
        // A field that really spans lines (its next line closes it) is kept whole.
        let got = all(b"a,b\n\"one\ntwo\",x\n\"p\nq\nr\",y\n");
        assert_eq!(got[1], Ok((2, vec!["one\ntwo".into(), "x".into()])));
        assert_eq!(got[2], Ok((4, vec!["p\nq\nr".into(), "y".into()])));
        // A quote open over more than QUOTED_LINES_MAX lines is stray too.
        let mut long = b"a,b\n1,\"open\n".to_vec();
        for _ in 0..40 {
            long.extend_from_slice(b"x\n");
        }
        long.extend_from_slice(b"2,z\n");
        let got = all(&long);
        assert_eq!(got[1], Err((2, "reconcile.csv_stray_quote")));
        assert_eq!(got.last(), Some(&Ok((43, vec!["2".into(), "z".into()]))));
    }

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter(b"date;amount;content\n1,2"), b';');
        assert_eq!(detect_delimiter(b"date\tamount\tcontent"), b'\t');
        assert_eq!(detect_delimiter(b"\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter(b"abc"), b',');
        let got = all(b"a;b\n\"1,5\";x\n");
        assert_eq!(got[1], Ok((2, vec!["1,5".into(), "x".into()])));
    }

    #[test]
    fn writer_quotes() {
        let mut s = String::new();
        write_field(&mut s, "a,b \"c\"", ',');
        assert_eq!(s, "\"a,b \"\"c\"\"\"");
    }
}
