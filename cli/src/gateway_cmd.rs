//! `vietref gateway request|verify --provider vnpay|momo|zalopay --config FILE [INPUT|-]`.
//!
//! The config is the merchant's settings as JSON (`merchantCode`, `accessKey`, `returnUrl`,
//! `notifyUrl`, `endpoint`, …) and names where the secret is: `secretFile` or
//! `secretEnv` (and `secret2File` / `secret2Env` for ZaloPay's key2). A secret is never a
//! command-line argument (it would show in the process list and the shell history) nor a
//! config value.
//!
//! `request`: INPUT is `{"message": {…}, "createdAtMs": …, "attempt": …, "ipAddr": …,
//! "requestId": …, "bankCode": …}` (`createdAtMs` defaults to now); out: `{"ok", "request",
//! "findings"}`. Exit 0 when built, 1 when refused.
//!
//! `verify`: INPUT is one callback (the return URL or its query, or the IPN/callback JSON
//! body), or several, one per line. Out: one JSON verification per callback; with
//! `--invoices FILE` (the `reconcile` invoice CSV) each trusted callback is settled against
//! those invoices in turn (a replay is then `duplicate`), and the answer for the gateway is
//! in the output. Exit 0 when every callback was trusted (and, with invoices, settled as
//! `paid`), 1 otherwise.

use crate::io::{outln, read_all, CliResult};
use clap::{Args, Subcommand};
use serde::Deserialize;
use std::process::ExitCode;
use vietref::gateway::{self, Merchant, Provider, RequestOptions, Secret, Settings};
use vietref::reconcile::{Columns, InvoiceReader, Reconciler, Status};
use vietref::MessageDraft;

/// Arguments of `vietref gateway`.
#[derive(Args)]
pub struct GatewayArgs {
    #[command(subcommand)]
    op: Op,
}

#[derive(Args)]
struct Common {
    /// The gateway: vnpay, momo or zalopay.
    #[arg(long, value_parser = |s: &str| s.parse::<Provider>())]
    provider: Provider,
    /// The merchant's settings (JSON), naming the secret's file or environment variable.
    #[arg(long)]
    config: String,
    /// The input; `-` or nothing for stdin.
    input: Option<String>,
    #[command(flatten)]
    json: crate::args::JsonAlways,
}

#[derive(Subcommand)]
enum Op {
    /// Builds the signed payment request for a message.
    Request(Common),
    /// Verifies callbacks (return URL, IPN) and, with --invoices, settles them.
    Verify {
        #[command(flatten)]
        common: Common,
        /// Open invoices (CSV with code and amount columns, as `vietref reconcile` reads).
        #[arg(long)]
        invoices: Option<String>,
    },
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RequestInput {
    message: MessageDraft,
    #[serde(default)]
    created_at_ms: Option<u64>,
    #[serde(default)]
    attempt: Option<u32>,
    #[serde(default)]
    ip_addr: Option<String>,
    #[serde(default)]
    request_id: Option<String>,
    #[serde(default)]
    bank_code: Option<String>,
}

fn secret(file: &Option<String>, env: &Option<String>, what: &str) -> Result<Secret, String> {
    match (file, env) {
        (Some(f), None) => {
            Secret::from_file(f).map_err(|e| format!("cannot read the {what} file {f}: {e}"))
        }
        (None, Some(v)) => Secret::from_env(v),
        (Some(_), Some(_)) => Err(format!(
            "the config names both a file and an environment variable for the {what}; keep one"
        )),
        (None, None) => Err(format!(
            "the config names no {what}: give secretFile or secretEnv (never the secret itself)"
        )),
    }
}

fn merchant(c: &Common) -> Result<Merchant, String> {
    let text = read_all(Some(&c.config))?;
    let settings: Settings =
        vietref::json::from_slice(&text).map_err(|e| format!("config {}: {e}", c.config))?;
    let key = secret(&settings.secret_file, &settings.secret_env, "secret")?;
    let key2 = if c.provider == Provider::Zalopay {
        Some(secret(
            &settings.secret2_file,
            &settings.secret2_env,
            "second secret (ZaloPay key2)",
        )?)
    } else {
        None
    };
    Merchant::new(c.provider, settings, key, key2).map_err(|f| {
        f.iter()
            .map(|f| format!("config {}: {}: {}", c.config, f.field, f.message_en()))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Runs `vietref gateway`.
pub fn run(a: GatewayArgs) -> CliResult {
    match a.op {
        Op::Request(c) => request(c),
        Op::Verify { common, invoices } => verify(common, invoices),
    }
}

fn request(c: Common) -> CliResult {
    let m = merchant(&c)?;
    let bytes = read_all(c.input.as_deref())?;
    let input: RequestInput =
        vietref::json::from_slice(&bytes).map_err(|e| format!("request input: {e}"))?;
    let report = input.message.validate();
    let Some(message) = report.cleaned else {
        outln!(
            "{}",
            serde_json::json!({"ok": false, "request": null, "findings": report.findings})
        );
        return Ok(ExitCode::from(1));
    };
    let opts = RequestOptions {
        created_at_ms: input.created_at_ms.unwrap_or_else(now_ms),
        attempt: input.attempt,
        ip_addr: input.ip_addr,
        request_id: input.request_id,
        bank_code: input.bank_code,
    };
    let r = gateway::request(&m, &message, &opts);
    let mut findings = report.findings;
    findings.extend(r.findings);
    let ok = r.cleaned.is_some();
    outln!(
        "{}",
        serde_json::json!({"ok": ok, "request": r.cleaned, "findings": findings})
    );
    Ok(ExitCode::from(if ok { 0 } else { 1 }))
}

fn verify(c: Common, invoices: Option<String>) -> CliResult {
    let m = merchant(&c)?;
    let bytes = read_all(c.input.as_deref())?;
    let text = String::from_utf8_lossy(&bytes);
    let mut rec = match &invoices {
        None => None,
        Some(path) => {
            let f = std::fs::File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
            let mut r = Reconciler::new(&[]);
            let rd = InvoiceReader::new(std::io::BufReader::new(f), &Columns::new())
                .map_err(|e| format!("{path}: {e:?}"))?;
            for inv in rd {
                let (line, inv) = inv.map_err(|e| format!("{path}: {e:?}"))?;
                r.add_invoice(inv).map_err(|f| {
                    format!(
                        "{path}:{line}: {}",
                        f.first().map(|f| f.message_en()).unwrap_or_default()
                    )
                })?;
            }
            Some(r)
        }
    };
    let mut all_ok = true;
    let mut n = 0u64;
    for cb in text.lines().filter(|l| !l.trim().is_empty()) {
        n += 1;
        let v = gateway::verify(&m, cb);
        match rec.as_mut() {
            None => {
                all_ok &= v.verified;
                outln!("{}", serde_json::to_string(&v).map_err(|e| e.to_string())?);
            }
            Some(r) => {
                let s = gateway::settle(&v, r, n);
                all_ok &= s.result.as_ref().is_some_and(|r| r.status == Status::Paid);
                outln!("{}", serde_json::to_string(&s).map_err(|e| e.to_string())?);
            }
        }
    }
    if n == 0 {
        return Err("no callback in input".into());
    }
    Ok(ExitCode::from(if all_ok { 0 } else { 1 }))
}
