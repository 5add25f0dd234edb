//! `vietref memo ...`: render a message for a channel, read codes back from memos.
use crate::args::{JsonAlways, Schemes};
use crate::io::outln;
use crate::io::{open_input, read_all, CliResult};
use clap::{Subcommand, ValueEnum};
use serde_json::{json, Value};
use std::io::BufRead;
use std::process::ExitCode;
use vietref::memo::{
    extract, parse_memo_with, read_envelope, remittance, render, Candidate, Charset, Profile,
};
use vietref::MessageDraft;

/// Arguments of `vietref memo`.
#[derive(clap::Args)]
pub struct MemoArgs {
    #[command(subcommand)]
    cmd: MemoCmd,
}

#[derive(Subcommand)]
enum MemoCmd {
    /// Renders a message (JSON: sector, payerName, beneficiaryName, reason, invoice, amount)
    /// for a channel; prints JSON with text, included, omitted, clipped, findings.
    /// Exit 1 when the message is invalid or the code cannot travel.
    Render {
        /// The channel.
        #[arg(long, value_enum)]
        channel: Channel,
        /// Overrides the channel's length budget.
        #[arg(long)]
        budget: Option<usize>,
        /// Overrides the channel's character set, for a bank that allows other characters:
        /// printable ASCII listed one by one, `X-Y` for a range (`"A-Za-z0-9 ."`).
        #[arg(long)]
        charset: Option<String>,
        /// The message JSON file; `-` or nothing for stdin.
        file: Option<String>,
        #[command(flatten)]
        schemes: Schemes,
        #[command(flatten)]
        json: JsonAlways,
    },
    /// Finds payment codes of the given schemes and RF references in memo text: one JSON
    /// line `{"candidates":[{code,kind,start,end}]}` per input line (TEXT, or stdin lines).
    Extract {
        #[command(flatten)]
        schemes: Schemes,
        #[command(flatten)]
        json: JsonAlways,
        /// The memo text; without it, lines are read from stdin.
        text: Option<String>,
    },
    /// Reads the envelope banks and NAPAS put around the payer's words: the shape (bank and
    /// id), sender name, account and bank, receiver account and name, trace and reference
    /// numbers, and the free text, each with its text and byte span: one JSON line per
    /// input line (TEXT, or stdin lines).
    Envelope {
        #[command(flatten)]
        json: JsonAlways,
        /// The memo text; without it, lines are read from stdin.
        text: Option<String>,
    },
    /// Recovers the fields of a vietref memo (invoice, reason, beneficiary, payer, looked
    /// for in the free text; without a payer marker, the envelope's sender name) and the
    /// envelope: one JSON line per input line.
    Parse {
        #[command(flatten)]
        schemes: Schemes,
        #[command(flatten)]
        json: JsonAlways,
        /// The memo text; without it, lines are read from stdin.
        text: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Channel {
    /// VietQR tag 62-08 purpose of transaction (25).
    Vietqr,
    /// VietQR tag 62-01 bill number (25, code only).
    VietqrBill,
    /// Interbank transfer content (140 by default).
    Transfer,
    /// Mobile Money note (50 by default).
    MobileMoney,
    /// POS reference (25, code only).
    Pos,
    /// ISO 20022 RmtInf (Ustrd 140, Strd/CdtrRefInf for RF).
    Iso20022,
}

impl Channel {
    fn profile(self) -> Profile {
        match self {
            Channel::Vietqr => Profile::VIETQR_PURPOSE,
            Channel::VietqrBill => Profile::VIETQR_BILL,
            Channel::Transfer => Profile::TRANSFER,
            Channel::MobileMoney => Profile::MOBILE_MONEY,
            Channel::Pos => Profile::POS,
            Channel::Iso20022 => Profile::ISO20022_USTRD,
        }
    }
}

fn candidate_json(c: &Candidate) -> Value {
    json!({ "code": c.code, "kind": c.kind.as_str(), "start": c.span.0, "end": c.span.1 })
}

/// Calls `f` on TEXT, or on every line of stdin.
fn each_line(text: Option<String>, mut f: impl FnMut(&str)) -> Result<(), String> {
    match text {
        Some(t) => f(&t),
        None => {
            for line in open_input(None)?.lines() {
                f(&line.map_err(|e| format!("cannot read input: {e}"))?);
            }
        }
    }
    Ok(())
}

pub fn run(a: MemoArgs) -> CliResult {
    match a.cmd {
        MemoCmd::Render {
            channel,
            budget,
            charset,
            file,
            schemes,
            ..
        } => {
            let charset = charset
                .map(|c| Charset::from_spec(&c).map_err(|e| format!("--charset {c:?}: {e}")))
                .transpose()?;
            let input = read_all(file.as_deref())?;
            let draft: MessageDraft = vietref::json::from_slice(&input)
                .map_err(|e| format!("the message is not valid JSON: {e}"))?;
            let report = draft.validate_with(&schemes.schemes);
            let Some(m) = report.cleaned else {
                outln!("{}", json!({ "valid": false, "findings": report.findings }));
                return Ok(ExitCode::from(1));
            };
            let mut profile = channel.profile();
            if let Some(b) = budget {
                profile = profile.with_budget(b);
            }
            if let Some(c) = charset {
                profile.charset = c;
            }
            let (rendered, extra) = if matches!(channel, Channel::Iso20022) {
                let rem = remittance(&m, &profile);
                let extra = json!({ "creditorReference": rem.creditor_reference, "xml": rem.xml });
                (rem.unstructured, Some(extra))
            } else {
                (render(&m, &profile), None)
            };
            let mut out = json!({
                "channel": profile.name,
                "budget": profile.budget,
                "text": rendered.text,
                "included": rendered.included,
                "omitted": rendered.omitted,
                "clipped": rendered.clipped,
                "findings": report.findings.iter().chain(&rendered.findings).collect::<Vec<_>>(),
            });
            if let (Some(Value::Object(x)), Value::Object(o)) = (extra, &mut out) {
                o.extend(x);
            }
            outln!("{out}");
            Ok(if rendered.is_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        MemoCmd::Extract {
            schemes: Schemes { schemes },
            text,
            ..
        } => {
            each_line(text, |line| {
                let c: Vec<Value> = extract(line, &schemes).iter().map(candidate_json).collect();
                outln!("{}", json!({ "candidates": c }));
            })?;
            Ok(ExitCode::SUCCESS)
        }
        MemoCmd::Parse {
            schemes: Schemes { schemes },
            text,
            ..
        } => {
            each_line(text, |line| {
                let p = parse_memo_with(line, &schemes);
                outln!(
                    "{}",
                    json!({
                        "invoice": p.invoice.as_ref().map(candidate_json),
                        "reason": p.reason,
                        "beneficiary": p.beneficiary,
                        "payer": p.payer,
                        "sector": p.sector.map(|s| s.as_str()),
                        "envelope": p.envelope,
                    })
                );
            })?;
            Ok(ExitCode::SUCCESS)
        }
        MemoCmd::Envelope { text, .. } => {
            each_line(text, |line| {
                outln!("{}", json!(read_envelope(line).describe(line)));
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
