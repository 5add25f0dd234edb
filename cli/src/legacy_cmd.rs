//! `vietref decode` and `vietref encode`: legacy Vietnamese encodings from the shell.
//!
//! Both stream: files of any size are converted chunk by chunk, with a progress bar on
//! stderr for files over 4 MB when stderr is a terminal.

use crate::io::{open_input, read_all, CliResult};
use serde::Serialize;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;
use vietref::legacy::{
    convert, decode, detect, detect_with_declared, ConvertError, DecodeError, Decoder, Detection,
    EncodeOptions, Encoding, Tcvn3Capitals,
};

/// Arguments of `vietref decode`.
#[derive(clap::Args)]
pub struct DecodeArgs {
    /// The input's encoding: auto, tcvn3, vni, viscii, vps, cp1258, viqr, utf8 (or
    /// utf8-as-cp1252 for mojibake). `auto` detects it and warns on stderr when the input
    /// is ambiguous.
    #[arg(long, default_value = "auto")]
    from: String,
    /// Treat each input line separately (with `auto`, detect each line's encoding).
    #[arg(long)]
    lines: bool,
    /// Write JSON: one object per line with --lines, otherwise one for the whole input,
    /// with `encoding`, `text`, `confidence`, `ambiguous` and `alternatives`.
    #[arg(long)]
    json: bool,
    /// The file to read (stdin when absent or `-`).
    file: Option<String>,
}

/// Arguments of `vietref encode`.
#[derive(clap::Args)]
pub struct EncodeArgs {
    /// The encoding to write: tcvn3, vni, viscii, vps, cp1258, viqr (or utf8,
    /// utf8-as-cp1252).
    #[arg(long)]
    to: String,
    /// TCVN3 only: write upper-case toned letters, which TCVN3 lacks, as their lower-case
    /// letters (what `.VnTimeH` documents stored) and list them on stderr, instead of
    /// failing.
    #[arg(long)]
    lossy: bool,
    /// The UTF-8 file to read (stdin when absent or `-`).
    file: Option<String>,
}

/// Files larger than this get a progress bar (when stderr is a terminal).
const PROGRESS_FROM: u64 = 4 << 20;
/// Bytes read to detect the encoding of a whole input.
const SAMPLE: usize = 64 << 10;

pub fn run_decode(a: DecodeArgs) -> CliResult {
    let from = parse_from(&a.from)?;
    let size = file_size(a.file.as_deref());
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = if a.json && !a.lines {
        let bytes = read_all(a.file.as_deref())?;
        decode_whole_json(&bytes, &mut out, from)
    } else {
        let mut input = open_input(a.file.as_deref())?;
        if a.lines {
            decode_lines(&mut input, &mut out, from, a.json)
        } else {
            decode_stream(&mut input, &mut out, from, size)
        }
    };
    finish(result, &mut out)
}

pub fn run_encode(a: EncodeArgs) -> CliResult {
    let to: Encoding = a.to.parse()?;
    let size = file_size(a.file.as_deref());
    let input = open_input(a.file.as_deref())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let options = EncodeOptions {
        tcvn3_capitals: if a.lossy {
            Tcvn3Capitals::LowerCase
        } else {
            Tcvn3Capitals::Refuse
        },
    };
    let mut bar = Progress::new(size);
    let result = convert(input, &mut out, Encoding::Utf8, to, options, |n| {
        bar.update(n)
    });
    bar.finish();
    let result = match result {
        Ok(stats) => {
            if !stats.losses.is_empty() {
                let shown: Vec<String> = stats
                    .losses
                    .iter()
                    .take(5)
                    .map(|l| format!("'{}' at character {}", l.character, l.position))
                    .collect();
                let more = if stats.losses.len() > 5 { ", …" } else { "" };
                eprintln!(
                    "vietref: {} upper-case toned letter(s) written as lower-case in TCVN3: {}{more}",
                    stats.losses.len(),
                    shown.join(", ")
                );
            }
            Ok(())
        }
        Err(ConvertError::Io(e)) => Err(Failure::Io(e)),
        Err(ConvertError::Decode(e)) => Err(Failure::Message(format!(
            "the input is not UTF-8 text: {e}"
        ))),
        Err(ConvertError::Encode(e)) => Err(Failure::Message(format!("cannot encode: {e}"))),
    };
    finish(result, &mut out)
}

/// Why a command stopped: an I/O error (a closed pipe ends quietly) or a message.
enum Failure {
    Io(io::Error),
    Message(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

fn finish(result: Result<(), Failure>, out: &mut impl Write) -> CliResult {
    let result = result.and_then(|()| out.flush().map_err(Failure::Io));
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(Failure::Io(e)) => Err(format!("input/output error: {e}")),
        Err(Failure::Message(m)) => Err(m),
    }
}

fn parse_from(s: &str) -> Result<Option<Encoding>, String> {
    if s.eq_ignore_ascii_case("auto") {
        Ok(None)
    } else {
        s.parse().map(Some)
    }
}

fn file_size(path: Option<&str>) -> Option<u64> {
    match path {
        None | Some("-") => None,
        Some(p) => std::fs::metadata(p).ok().map(|m| m.len()),
    }
}

fn decode_failure(e: &DecodeError) -> Failure {
    Failure::Message(format!("cannot decode the input: {e}"))
}

/// The whole input, streamed: detection on the first 64 KB when `from` is auto.
fn decode_stream(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    from: Option<Encoding>,
    size: Option<u64>,
) -> Result<(), Failure> {
    let mut bar = Progress::new(size);
    let (encoding, head) = match from {
        Some(e) => (e, Vec::new()),
        None => {
            let (head, eof) = read_head(input)?;
            let d = detect(sample_of(&head, eof));
            warn_if_ambiguous(&d, None);
            if eof {
                // The detection decoded everything already.
                out.write_all(d.text.as_bytes())?;
                bar.update(head.len() as u64);
                bar.finish();
                return Ok(());
            }
            (d.encoding, head)
        }
    };
    let mut decoder = Decoder::new(encoding);
    let mut text = Vec::new();
    let mut read = head.len() as u64;
    if !head.is_empty() {
        decoder
            .decode_chunk_utf8(&head, false, &mut text)
            .map_err(|e| decode_failure(&e))?;
        out.write_all(&text)?;
        bar.update(read);
    }
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = match input.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        text.clear();
        let chunk = buf.get(..n).unwrap_or_default();
        decoder
            .decode_chunk_utf8(chunk, n == 0, &mut text)
            .map_err(|e| {
                let guess = if from.is_none() {
                    format!(" (detected as {}; pass --from to choose)", encoding.name())
                } else {
                    String::new()
                };
                Failure::Message(format!("cannot decode the input: {e}{guess}"))
            })?;
        out.write_all(&text)?;
        read += n as u64;
        bar.update(read);
        if n == 0 {
            break;
        }
    }
    bar.finish();
    Ok(())
}

/// Reads up to [`SAMPLE`] bytes; `true` when that is the whole input.
fn read_head(input: &mut dyn BufRead) -> io::Result<(Vec<u8>, bool)> {
    let mut head = Vec::with_capacity(SAMPLE);
    let n = input.take(SAMPLE as u64).read_to_end(&mut head)?;
    let eof = n < SAMPLE || input.fill_buf()?.is_empty();
    Ok((head, eof))
}

/// The part of a head to detect on: all of it at the end of input, else up to its last
/// whitespace, so that no character is cut.
fn sample_of(head: &[u8], eof: bool) -> &[u8] {
    if eof {
        return head;
    }
    match head.iter().rposition(|b| b.is_ascii_whitespace()) {
        Some(i) if i > 0 => head.get(..i).unwrap_or(head),
        _ => head,
    }
}

fn warn_if_ambiguous(d: &Detection, line: Option<usize>) {
    if !d.ambiguous {
        return;
    }
    let other: Vec<String> = d
        .alternatives
        .iter()
        .take(3)
        .map(|(e, f)| format!("{} {f:.2}", e.name()))
        .collect();
    let at = line.map(|l| format!(" on line {l}")).unwrap_or_default();
    eprintln!(
        "vietref: warning: the encoding{at} is ambiguous; read it as {} (confidence {:.2}; \
         also possible: {}); pass --from to choose",
        d.encoding.name(),
        d.confidence,
        other.join(", ")
    );
}

#[derive(Serialize)]
struct Alternative {
    encoding: Encoding,
    score: f32,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    encoding: Encoding,
    text: &'a str,
    confidence: f32,
    ambiguous: bool,
    alternatives: Vec<Alternative>,
}

fn json_of<'a>(d: &'a Detection, line: Option<usize>) -> JsonOut<'a> {
    JsonOut {
        line,
        encoding: d.encoding,
        text: &d.text,
        confidence: round(d.confidence),
        ambiguous: d.ambiguous,
        alternatives: d
            .alternatives
            .iter()
            .map(|&(encoding, score)| Alternative {
                encoding,
                score: round(score),
            })
            .collect(),
    }
}

fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// A detection for a declared encoding: the bytes decoded, confidence 1.
fn declared(bytes: &[u8], e: Encoding) -> Result<Detection, DecodeError> {
    Ok(Detection {
        encoding: e,
        confidence: 1.0,
        alternatives: Vec::new(),
        ambiguous: false,
        text: decode(bytes, e)?,
    })
}

fn write_json(out: &mut dyn Write, j: &JsonOut) -> Result<(), Failure> {
    serde_json::to_writer(&mut *out, j)
        .map_err(|e| Failure::Message(format!("cannot write JSON: {e}")))?;
    out.write_all(b"\n")?;
    Ok(())
}

fn decode_whole_json(
    bytes: &[u8],
    out: &mut dyn Write,
    from: Option<Encoding>,
) -> Result<(), Failure> {
    let d = match from {
        Some(e) => declared(bytes, e).map_err(|e| decode_failure(&e))?,
        None => detect(bytes),
    };
    write_json(out, &json_of(&d, None))
}

fn decode_lines(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    from: Option<Encoding>,
    json: bool,
) -> Result<(), Failure> {
    let mut line = Vec::new();
    let mut offset = 0usize;
    let mut number = 0usize;
    // With auto, the first buffered lines together say what the file is: a line that is
    // ambiguous on its own reads in the file's encoding when that is one of its best
    // readings (the line stays flagged ambiguous).
    let file_encoding = match from {
        None => file_encoding(input)?,
        Some(_) => None,
    };
    loop {
        line.clear();
        let n = input.read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(());
        }
        number += 1;
        let mut body: &[u8] = &line;
        body = body.strip_suffix(b"\n").unwrap_or(body);
        body = body.strip_suffix(b"\r").unwrap_or(body);
        let d = match from {
            Some(e) => declared(body, e).map_err(|mut err| {
                err.offset += offset;
                err.line = number;
                decode_failure(&err)
            })?,
            None => lean_to_file(detect(body), body, file_encoding),
        };
        if json {
            write_json(out, &json_of(&d, Some(number)))?;
        } else {
            if from.is_none() {
                warn_if_ambiguous(&d, Some(number));
            }
            out.write_all(d.text.as_bytes())?;
            out.write_all(b"\n")?;
        }
        offset += n;
    }
}

/// The encoding of the input's first buffered bytes (whole lines), when detection is not
/// ambiguous there.
fn file_encoding(input: &mut dyn BufRead) -> Result<Option<Encoding>, Failure> {
    let head = input.fill_buf()?;
    let head = match head.iter().rposition(|&b| b == b'\n') {
        Some(i) => head.get(..i).unwrap_or(head),
        None => head,
    };
    let d = detect(head);
    Ok((!d.ambiguous).then_some(d.encoding))
}

/// `d` for one line; when it is ambiguous and the file's encoding fits the line as well
/// as any other reading, the line read in the file's encoding, still flagged ambiguous.
fn lean_to_file(d: Detection, body: &[u8], file: Option<Encoding>) -> Detection {
    let Some(fe) = file.filter(|&fe| d.ambiguous && d.encoding != fe) else {
        return d;
    };
    let best = d.alternatives.iter().map(|a| a.1).fold(0.0f32, f32::max);
    let fits = d.alternatives.iter().any(|&(e, f)| e == fe && f >= best);
    let mut l = detect_with_declared(body, Some(fe));
    if fits && l.encoding == fe {
        l.ambiguous = true;
        return l;
    }
    d
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal and the input
/// is a file larger than [`PROGRESS_FROM`].
struct Progress {
    total: u64,
    shown: Option<u64>,
    enabled: bool,
}

impl Progress {
    fn new(size: Option<u64>) -> Self {
        let total = size.unwrap_or(0);
        Progress {
            total,
            shown: None,
            enabled: total > PROGRESS_FROM && io::stderr().is_terminal(),
        }
    }

    fn update(&mut self, done: u64) {
        if !self.enabled {
            return;
        }
        let percent = (done.min(self.total) * 100) / self.total.max(1);
        if self.shown == Some(percent) {
            return;
        }
        self.shown = Some(percent);
        let width = 40;
        let filled = (percent as usize * width) / 100;
        let mb = |b: u64| b as f64 / 1_048_576.0;
        eprint!(
            "\r[{}{}] {percent:>3}%  {:.1}/{:.1} MB",
            "#".repeat(filled),
            " ".repeat(width - filled),
            mb(done.min(self.total)),
            mb(self.total)
        );
    }

    fn finish(&mut self) {
        if self.enabled && self.shown.is_some() {
            eprint!("\r{}\r", " ".repeat(70));
        }
        self.enabled = false;
    }
}
