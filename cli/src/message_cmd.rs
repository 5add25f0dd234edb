//! `vietref message validate [FILE|-]`: one JSON message, a JSON array, or JSON lines in;
//! one report per message out (JSON). Exit 0 when all are valid, 1 when any is invalid,
//! 2 on usage or parse errors.

use crate::args::{JsonAlways, Schemes};
use crate::io::outln;
use crate::io::{read_all, CliResult};
use clap::{Args, Subcommand};
use std::process::ExitCode;
use vietref::MessageDraft;

/// Arguments of `vietref message`.
#[derive(Args)]
pub struct MessageArgs {
    #[command(subcommand)]
    op: Op,
}

#[derive(Subcommand)]
enum Op {
    /// Validates messages and prints their reports.
    Validate {
        /// A JSON file; `-` or nothing for stdin.
        file: Option<String>,
        /// An invoice of a scheme's shape must then carry valid check digits.
        #[command(flatten)]
        schemes: Schemes,
        #[command(flatten)]
        json: JsonAlways,
    },
}

/// Reads drafts from a single JSON object, a JSON array, or JSON lines.
pub fn read_drafts(bytes: &[u8]) -> Result<Vec<MessageDraft>, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "input is not UTF-8 (byte {}); convert it with `vietref decode` first",
            e.valid_up_to()
        )
    })?;
    let trimmed = text.trim_start_matches('\u{FEFF}').trim();
    if trimmed.is_empty() {
        return Err("no message in input".into());
    }
    let whole = vietref::json::value_from_str(trimmed);
    if let Err(e) = &whole {
        // Well-formed JSON that cannot be used (a repeated key): say so, rather than
        // trying it as JSON lines.
        if e.is_data() {
            return Err(format!("message: {e}"));
        }
    }
    if let Ok(v) = whole {
        return match v {
            serde_json::Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, it)| {
                    serde_json::from_value(it).map_err(|e| format!("message {}: {e}", i + 1))
                })
                .collect(),
            other => serde_json::from_value(other)
                .map(|d| vec![d])
                .map_err(|e| format!("message: {e}")),
        };
    }
    trimmed
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| vietref::json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

pub fn run(a: MessageArgs) -> CliResult {
    match a.op {
        Op::Validate { file, schemes, .. } => {
            let drafts = read_drafts(&read_all(file.as_deref())?)?;
            let mut all_valid = true;
            for d in &drafts {
                let r = d.validate_with(&schemes.schemes);
                all_valid &= r.is_valid();
                outln!("{}", serde_json::to_string(&r).map_err(|e| e.to_string())?);
            }
            Ok(if all_valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
