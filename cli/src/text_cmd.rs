//! `vietref text name|fold|key|check|retone [TEXT]`.
//!
//! With TEXT: one result line. Without: one result line per UTF-8 line of stdin. `--json`
//! prints one object per line: `input`, `output` (null when an error finding exists),
//! `findings`. Exit status 1 when any line had an error finding.

use crate::io::{open_input, CliResult};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;
use std::io::{BufRead, Write};
use std::process::ExitCode;
use vietref::text::{self, ToneStyle};
use vietref::Finding;

/// Arguments of `vietref text`.
#[derive(Args)]
pub struct TextArgs {
    #[command(subcommand)]
    op: Op,
    /// One JSON object per line instead of plain text.
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Subcommand)]
enum Op {
    /// Display form of a person's name (validated: only Vietnamese letters, space, ' and -).
    Name {
        /// The name; without it, each line of stdin.
        text: Option<String>,
    },
    /// ASCII memo form: base letters, upper case, [A-Z0-9] and single spaces.
    Fold {
        /// The text; without it, each line of stdin.
        text: Option<String>,
    },
    /// Matching key: equal across case, spacing, NFC/NFD and tone style.
    Key {
        /// The text; without it, each line of stdin.
        text: Option<String>,
    },
    /// Normalized text and every finding.
    Check {
        /// The name or text; without it, each line of stdin.
        text: Option<String>,
        /// Check as a person's name (default) or as free text (a payment reason).
        #[arg(long = "as", value_enum, default_value = "name")]
        kind: CheckKind,
    },
    /// Re-places tone marks in the chosen style and repairs misplaced ones.
    Retone {
        /// The text; without it, each line of stdin.
        text: Option<String>,
        /// traditional (hòa, thủy) or main-vowel (hoà, thuỷ).
        #[arg(long, value_parser = parse_style)]
        style: ToneStyle,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckKind {
    /// A person's name: only Vietnamese letters, space, ' and -.
    Name,
    /// Free text, such as a payment reason.
    Text,
}

fn parse_style(s: &str) -> Result<ToneStyle, String> {
    s.parse()
}

/// The result of one operation on one input.
pub struct Outcome {
    pub output: Option<String>,
    pub findings: Vec<Finding>,
}

fn apply(op: &Op, input: &str) -> Outcome {
    let free = |out: String| {
        let (_, findings) = text::check_text(input, "text");
        let ok = !vietref::finding::has_error(&findings);
        Outcome {
            output: ok.then_some(out),
            findings,
        }
    };
    match op {
        Op::Name { .. }
        | Op::Check {
            kind: CheckKind::Name,
            ..
        } => {
            let r = text::check_name(input, "name");
            Outcome {
                output: r.cleaned,
                findings: r.findings,
            }
        }
        Op::Check {
            kind: CheckKind::Text,
            ..
        } => {
            let (norm, findings) = text::check_text(input, "text");
            let ok = !vietref::finding::has_error(&findings);
            Outcome {
                output: ok.then_some(norm),
                findings,
            }
        }
        Op::Fold { .. } => free(text::fold(input)),
        Op::Key { .. } => free(text::key(input)),
        Op::Retone { style, .. } => {
            let (norm, _) = text::normalize(input, "text");
            free(text::retone(&norm, *style))
        }
    }
}

pub fn run(a: TextArgs) -> CliResult {
    let given = match &a.op {
        Op::Name { text }
        | Op::Fold { text }
        | Op::Key { text }
        | Op::Check { text, .. }
        | Op::Retone { text, .. } => text.clone(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut any_error = false;
    let mut handle = |line_no: usize, input: &str, out: &mut dyn Write| -> Result<(), String> {
        let o = apply(&a.op, input);
        any_error |= o.output.is_none();
        if a.json {
            let j = json!({"input": input, "output": o.output, "findings": o.findings});
            writeln!(out, "{j}").map_err(crate::io::output_error)?;
        } else {
            writeln!(out, "{}", o.output.as_deref().unwrap_or(""))
                .map_err(crate::io::output_error)?;
            for f in &o.findings {
                if f.is_error() || matches!(a.op, Op::Check { .. }) {
                    let prefix = if given.is_none() {
                        format!("line {line_no}: ")
                    } else {
                        String::new()
                    };
                    eprintln!("{prefix}{f}");
                    eprintln!("{prefix}  (vi) {}", f.message_vi());
                }
            }
        }
        Ok(())
    };
    match &given {
        Some(t) => handle(1, t, &mut out)?,
        None => {
            let reader = open_input(None)?;
            for (i, line) in reader.lines().enumerate() {
                let line = line.map_err(|e| format!("line {}: input is not UTF-8 text ({e}); use `vietref decode` for legacy encodings", i + 1))?;
                handle(i + 1, line.strip_suffix('\r').unwrap_or(&line), &mut out)?;
            }
        }
    }
    Ok(if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
