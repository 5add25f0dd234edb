//! `vietref ref ...`: create, validate, format and compact references.
use crate::io::outln;
use crate::io::CliResult;
use clap::{Subcommand, ValueEnum};
use std::process::ExitCode;
use vietref::reference::{code, einvoice, mst, rf, RefError, Scheme};

/// Arguments of `vietref ref`.
#[derive(clap::Args)]
pub struct RefArgs {
    #[command(subcommand)]
    cmd: RefCmd,
}

#[derive(Subcommand)]
enum RefCmd {
    /// Creates a payment code (`--kind code --prefix HP --body 000123`) or an RF creditor
    /// reference (`--kind rf BODY`); prints it.
    Create {
        /// What to create.
        #[arg(long, value_enum)]
        kind: CreateKind,
        /// Payment-code prefix (2-5 letters, no O, I, L).
        #[arg(long)]
        prefix: Option<String>,
        /// The body (digits for a payment code; letters and digits for RF).
        #[arg(long)]
        body: Option<String>,
        /// The body, as an alternative to --body.
        value: Option<String>,
    },
    /// Exit 0 and prints the compact form when valid; exit 1 with the reason (English and
    /// Vietnamese) on stderr when not.
    Validate(KindValue),
    /// Prints the printed form (RF in groups of four, e-invoice 1C24TAA-00001234, ...).
    Format(KindValue),
    /// Prints the compact electronic form.
    Compact(KindValue),
}

#[derive(clap::Args)]
struct KindValue {
    /// The kind of reference.
    #[arg(long, value_enum)]
    kind: Kind,
    /// For --kind code: the scheme the code must belong to (PREFIX:LENGTH).
    #[arg(long)]
    scheme: Option<String>,
    /// The value.
    value: String,
}

#[derive(Clone, Copy, ValueEnum)]
enum CreateKind {
    /// A vietref payment code.
    Code,
    /// An ISO 11649 creditor reference.
    Rf,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    /// A vietref payment code.
    Code,
    /// An ISO 11649 creditor reference.
    Rf,
    /// A Vietnamese e-invoice identifier.
    Einvoice,
    /// A Vietnamese tax code (MST).
    Mst,
}

fn invalid(e: &RefError) -> ExitCode {
    eprintln!("invalid: {e}");
    eprintln!("không hợp lệ: {}", e.message_vi());
    ExitCode::from(1)
}

/// (compact, printed) forms of a valid value.
fn check(kv: &KindValue) -> Result<Result<(String, String), RefError>, String> {
    let v = kv.value.as_str();
    Ok(match kv.kind {
        Kind::Code => {
            let r = match &kv.scheme {
                Some(s) => {
                    let scheme: Scheme = s.parse().map_err(|e| format!("--scheme {s}: {e}"))?;
                    scheme.validate(v)
                }
                None => code::validate(v),
            };
            r.map(|c| (c.as_str().to_string(), c.format()))
        }
        Kind::Rf => rf::validate(v).map(|r| (r.as_str().to_string(), r.format())),
        Kind::Einvoice => einvoice::validate(v).map(|e| (e.as_str().to_string(), e.format())),
        Kind::Mst => mst::validate(v).map(|t| (t.as_str().to_string(), t.format())),
    })
}

pub fn run(a: RefArgs) -> CliResult {
    match a.cmd {
        RefCmd::Create {
            kind,
            prefix,
            body,
            value,
        } => {
            let body = body
                .or(value)
                .ok_or("give the body with --body or as an argument")?;
            let made = match kind {
                CreateKind::Code => {
                    let prefix = prefix.ok_or("--kind code needs --prefix")?;
                    code::create(&prefix, &body).map(|c| c.as_str().to_string())
                }
                CreateKind::Rf => rf::create(&body).map(|r| r.as_str().to_string()),
            };
            match made {
                Ok(s) => {
                    outln!("{s}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => Ok(invalid(&e)),
            }
        }
        RefCmd::Validate(kv) | RefCmd::Compact(kv) => match check(&kv)? {
            Ok((compact, _)) => {
                outln!("{compact}");
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => Ok(invalid(&e)),
        },
        RefCmd::Format(kv) => match check(&kv)? {
            Ok((_, printed)) => {
                outln!("{printed}");
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => Ok(invalid(&e)),
        },
    }
}
