//! `vietref ref ...`: create, validate, format and compact references.
use crate::args::Schemes;
use crate::io::outln;
use crate::io::{open_input, CliResult};
use clap::{Subcommand, ValueEnum};
use serde_json::json;
use std::io::BufRead;
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
    /// Prints the compact form when valid (exit 0); the reason in English and Vietnamese
    /// on stderr when not (exit 1). Without --kind, every kind is tried.
    Validate(KindValue),
    /// Prints the printed form (RF in groups of four, e-invoice 1C24TAA-00001234, ...).
    Format(KindValue),
    /// Prints the compact electronic form.
    Compact(KindValue),
}

#[derive(clap::Args)]
struct KindValue {
    /// The kind of reference; without it every kind is tried and the output names the
    /// kind that fits (`code HP24010172`).
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// For payment codes: the code must belong to one of these schemes.
    #[command(flatten)]
    schemes: Schemes,
    /// One JSON object per value: `input`, `valid`, `kind`, `compact`, `printed`, and
    /// `errors` (`kind`, `message`, `messageVi`) when it is not valid.
    #[arg(long)]
    json: bool,
    /// The value; without it, one value per line of stdin.
    value: Option<String>,
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

impl Kind {
    const ALL: [Kind; 4] = [Kind::Code, Kind::Rf, Kind::Einvoice, Kind::Mst];

    fn name(self) -> &'static str {
        match self {
            Kind::Code => "code",
            Kind::Rf => "rf",
            Kind::Einvoice => "einvoice",
            Kind::Mst => "mst",
        }
    }
}

/// (compact, printed) forms of `v` read as `kind`, or why it is not one.
fn check(kind: Kind, v: &str, schemes: &[Scheme]) -> Result<(String, String), RefError> {
    match kind {
        Kind::Code => {
            let r = match schemes {
                [] => code::validate(v),
                // The first scheme that takes the code; else the first scheme's reason.
                [first, rest @ ..] => rest
                    .iter()
                    .map(|s| s.validate(v))
                    .find(Result::is_ok)
                    .unwrap_or_else(|| first.validate(v)),
            };
            r.map(|c| (c.as_str().to_string(), c.format()))
        }
        Kind::Rf => rf::validate(v).map(|r| (r.as_str().to_string(), r.format())),
        Kind::Einvoice => einvoice::validate(v).map(|e| (e.as_str().to_string(), e.format())),
        Kind::Mst => mst::validate(v).map(|t| (t.as_str().to_string(), t.format())),
    }
}

/// What `ref validate|format|compact` prints.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    Compact,
    Printed,
}

/// Checks one value and prints its line; returns whether it was valid.
fn one_value(kv: &KindValue, form: Form, v: &str, line: Option<usize>) -> bool {
    let at = line.map(|n| format!("line {n}: ")).unwrap_or_default();
    let kinds: &[Kind] = match &kv.kind {
        Some(k) => std::slice::from_ref(k),
        None => &Kind::ALL,
    };
    let mut fits = Vec::new();
    let mut errors = Vec::new();
    for &k in kinds {
        match check(k, v, &kv.schemes.schemes) {
            Ok(forms) => fits.push((k, forms)),
            Err(e) => errors.push((k, e)),
        }
    }
    let pick = |f: &(String, String)| match form {
        Form::Compact => f.0.clone(),
        Form::Printed => f.1.clone(),
    };
    if kv.json {
        let (kind, compact, printed) = match fits.first() {
            Some((k, (c, p))) => (Some(k.name()), Some(c), Some(p)),
            None => (None, None, None),
        };
        let mut o = json!({
            "input": v,
            "valid": !fits.is_empty(),
            "kind": kind,
            "compact": compact,
            "printed": printed,
        });
        if fits.len() > 1 {
            o["alsoFits"] = fits[1..].iter().map(|(k, _)| k.name()).collect();
        }
        if fits.is_empty() {
            o["errors"] = errors
                .iter()
                .map(|(k, e)| json!({"kind": k.name(), "message": e.to_string(), "messageVi": e.message_vi()}))
                .collect();
        }
        outln!("{o}");
    } else if let Some((k, f)) = fits.first() {
        match (&kv.kind, fits.len()) {
            (Some(_), _) => outln!("{}", pick(f)),
            (None, 1) => outln!("{} {}", k.name(), pick(f)),
            (None, _) => {
                let names: Vec<&str> = fits.iter().map(|(k, _)| k.name()).collect();
                eprintln!("{at}{v:?} fits several kinds: {}", names.join(", "));
                outln!("{} {}", k.name(), pick(f));
            }
        }
    } else {
        if line.is_some() {
            outln!();
        }
        match errors.as_slice() {
            [(_, e)] => {
                eprintln!("{at}invalid: {e}");
                eprintln!("{at}không hợp lệ: {}", e.message_vi());
            }
            _ => {
                eprintln!("{at}invalid: {v:?} is no kind of reference:");
                for (k, e) in &errors {
                    eprintln!("{at}  {}: {e}", k.name());
                    eprintln!("{at}  {}: (vi) {}", k.name(), e.message_vi());
                }
            }
        }
    }
    !fits.is_empty()
}

fn run_values(kv: &KindValue, form: Form) -> CliResult {
    let mut all_valid = true;
    match &kv.value {
        Some(v) => all_valid = one_value(kv, form, v, None),
        None => {
            for (i, line) in open_input(None)?.lines().enumerate() {
                let line = line.map_err(|e| format!("line {}: cannot read input: {e}", i + 1))?;
                let v = line.trim();
                if v.is_empty() {
                    continue;
                }
                all_valid &= one_value(kv, form, v, Some(i + 1));
            }
        }
    }
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
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
        RefCmd::Validate(kv) | RefCmd::Compact(kv) => run_values(&kv, Form::Compact),
        RefCmd::Format(kv) => run_values(&kv, Form::Printed),
    }
}
