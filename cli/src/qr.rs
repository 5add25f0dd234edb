//! `vietref qr ...`: write, read and draw VietQR payloads.
use crate::args::{JsonAlways, Schemes};
use crate::io::outln;
use crate::io::{open_input, read_all, CliResult};
use crate::png;
use clap::{ArgGroup, Subcommand};
use serde_json::Value;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vietref::reference::Scheme;
use vietref::vietqr::{banks, decode, encode, Mode, VietQr};

/// Arguments of `vietref qr`.
#[derive(clap::Args)]
pub struct QrArgs {
    #[command(subcommand)]
    command: QrCommand,
}

#[derive(Subcommand)]
enum QrCommand {
    /// Writes one payload per JSON object (one object, or JSON lines).
    ///
    /// Keys as `qr decode` prints them; `initiation` may be left out (dynamic when there is an amount), `amount`
    /// may be a number, and `bank` (a name or code) may stand for `bankBin`. Exit 1 when a
    /// record is invalid, with the reasons on stderr.
    Encode {
        /// JSON file; `-` or nothing for stdin.
        file: Option<String>,
    },
    /// Reads payloads and prints one JSON object per payload.
    ///
    /// Payloads come from the argument, or one per line of stdin. Each object holds the
    /// fields, `valid`, `findings` and `bank` (the registry entry of the BIN, or null).
    /// Lenient unless --strict. Exit 1 when a payload is invalid.
    Decode {
        /// The payload; without it, payloads are read from stdin, one per line.
        payload: Option<String>,
        /// Reject every fault instead of repairing the safe ones.
        #[arg(long)]
        strict: bool,
        /// With at least one --scheme, each object also holds `paymentCodes`: the codes of
        /// these schemes and the RF references found in the purpose (62-08) and the bill
        /// number (62-01), each with `code`, `kind`, `field` (`purpose` or `billNumber`),
        /// `start` and `end` (byte offsets in that field). A code's check digits always
        /// verify.
        #[command(flatten)]
        schemes: Schemes,
        #[command(flatten)]
        json: JsonAlways,
    },
    /// Builds the VietQR for a payment message (JSON, as `vietref message validate` reads).
    ///
    /// Tag 62-08 carries the message rendered for the 25-character VietQR purpose (invoice
    /// code first), tag 62-01 the invoice code, tag 54 the amount. Prints the payload; every
    /// loss the rendering made is reported on stderr. Exit 1 when the message or the payee
    /// is invalid.
    Pay {
        /// The message JSON file; `-` or nothing for stdin.
        message: Option<String>,
        /// The institution's bank: a 6-digit BIN, or a name or code (`Vietcombank`, `VCB`).
        #[arg(long)]
        bank: String,
        /// The institution's account number.
        #[arg(long)]
        account: String,
        /// Amount in đồng (overrides the message's amount).
        #[arg(long)]
        amount: Option<u64>,
        /// Also draw the QR code in the terminal.
        #[arg(long)]
        terminal: bool,
        /// Print one JSON object (`payload`, `valid`, `findings`) instead of the payload
        /// line and the findings on stderr.
        #[arg(long, conflicts_with = "terminal")]
        json: bool,
        #[command(flatten)]
        schemes: crate::args::Schemes,
    },
    /// Draws a payload as a QR code (error correction level M).
    ///
    /// The payload must decode strictly.
    #[command(group(ArgGroup::new("out").required(true).multiple(true).args(["svg", "png", "terminal"])))]
    Image {
        /// The payload; without it, the first line of stdin.
        payload: Option<String>,
        /// Write an SVG file.
        #[arg(long, value_name = "OUT")]
        svg: Option<PathBuf>,
        /// Write a PNG file.
        #[arg(long, value_name = "OUT")]
        png: Option<PathBuf>,
        /// Print the code to the terminal with block characters.
        #[arg(long)]
        terminal: bool,
        /// Pixels per module for PNG and SVG.
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=64))]
        scale: u32,
    },
}

/// Runs `vietref qr`.
pub fn run(a: QrArgs) -> CliResult {
    match a.command {
        QrCommand::Encode { file } => run_encode(file.as_deref()),
        QrCommand::Decode {
            payload,
            strict,
            schemes,
            ..
        } => run_decode(payload, strict, &schemes.schemes),
        QrCommand::Pay {
            message,
            bank,
            account,
            amount,
            terminal,
            json,
            schemes,
        } => run_pay(
            message.as_deref(),
            &bank,
            &account,
            amount,
            terminal,
            json,
            &schemes.schemes,
        ),
        QrCommand::Image {
            payload,
            svg,
            png,
            terminal,
            scale,
        } => run_image(payload, svg, png, terminal, scale),
    }
}

fn run_encode(file: Option<&str>) -> CliResult {
    let bytes = read_all(file)?;
    let text = String::from_utf8(bytes).map_err(|_| "input is not UTF-8".to_string())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for (n, item) in serde_json::Deserializer::from_str(&text)
        .into_iter::<vietref::json::UniqueValue>()
        .enumerate()
    {
        let record = n + 1;
        let value = match item {
            Ok(vietref::json::UniqueValue(v)) => v,
            Err(e) => {
                // broken JSON: what follows cannot be read reliably
                eprintln!("vietref: record {record}: {e}");
                failed = true;
                break;
            }
        };
        let qr = vietref::vietqr::from_json_value(value);
        match qr {
            Err(e) => {
                failed = true;
                eprintln!("vietref: record {record}: {e}");
            }
            Ok(qr) => match encode(&qr) {
                Ok(p) => writeln!(out, "{p}").map_err(crate::io::output_error)?,
                Err(findings) => {
                    failed = true;
                    for f in findings {
                        eprintln!("vietref: record {record}: {f}");
                    }
                }
            },
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What `qr decode` prints for one payload: the fields (when valid), then `valid`,
/// `findings` and `bank`.
#[derive(serde::Serialize)]
struct Decoded<'a> {
    #[serde(flatten)]
    qr: Option<&'a VietQr<'a>>,
    valid: bool,
    findings: &'a [vietref::Finding],
    bank: Option<&'static banks::Bank>,
    #[serde(rename = "paymentCodes", skip_serializing_if = "Option::is_none")]
    payment_codes: Option<Vec<Value>>,
    /// Lenient mode, invalid code: every field that could be read, by tag path.
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<&'a std::collections::BTreeMap<String, &'a str>>,
}

/// The payment codes of a decoded VietQR, field by field: purpose first, then the bill
/// number (a code found in both is listed once, at its first place, as
/// [`VietQr::payment_codes`] does).
fn payment_codes_json(qr: &VietQr<'_>, schemes: &[Scheme]) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let data = &qr.additional_data;
    for (field, text) in [
        ("purpose", &data.purpose),
        ("billNumber", &data.bill_number),
    ] {
        let Some(text) = text.as_deref() else {
            continue;
        };
        for c in vietref::memo::extract(text, schemes) {
            if !seen.contains(&c.code) {
                out.push(serde_json::json!({
                    "code": c.code, "kind": c.kind.as_str(), "field": field,
                    "start": c.span.0, "end": c.span.1,
                }));
                seen.push(c.code);
            }
        }
    }
    out
}

/// The JSON line `qr decode` prints for one payload, and whether the payload is valid.
/// With `schemes` (`Some`, even empty), the payment codes are listed too.
pub fn decoded_json(payload: &str, mode: Mode, schemes: Option<&[Scheme]>) -> (bool, String) {
    let decoded = vietref::vietqr::decode_fields(payload, mode);
    let report = &decoded.report;
    let out = Decoded {
        qr: report.cleaned.as_ref(),
        valid: report.is_valid(),
        findings: &report.findings,
        bank: report.cleaned.as_ref().and_then(|q| q.bank()),
        payment_codes: schemes.map(|s| {
            report
                .cleaned
                .as_ref()
                .map(|q| payment_codes_json(q, s))
                .unwrap_or_default()
        }),
        fields: (mode == Mode::Lenient && !report.is_valid()).then_some(&decoded.fields),
    };
    let json = serde_json::to_string(&out)
        .unwrap_or_else(|e| format!("{{\"valid\":false,\"error\":{:?}}}", e.to_string()));
    (report.is_valid(), json)
}

fn strip_eol(line: &str) -> &str {
    line.strip_suffix('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .unwrap_or(line)
}

fn run_decode(payload: Option<String>, strict: bool, schemes: &[Scheme]) -> CliResult {
    let mode = if strict { Mode::Strict } else { Mode::Lenient };
    let schemes = (!schemes.is_empty()).then_some(schemes);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    let mut one = |p: &str, out: &mut dyn Write| -> Result<(), String> {
        let (valid, json) = decoded_json(p, mode, schemes);
        failed |= !valid;
        writeln!(out, "{json}").map_err(crate::io::output_error)
    };
    match payload {
        Some(p) => one(&p, &mut out)?,
        None => {
            let mut input = open_input(None)?;
            let mut line = String::new();
            loop {
                line.clear();
                let n = input
                    .read_line(&mut line)
                    .map_err(|e| format!("cannot read input: {e}"))?;
                if n == 0 {
                    break;
                }
                let p = strip_eol(&line);
                if p.trim().is_empty() {
                    continue;
                }
                one(p, &mut out)?;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_pay(
    message: Option<&str>,
    bank: &str,
    account: &str,
    amount: Option<u64>,
    terminal: bool,
    json: bool,
    schemes: &[vietref::reference::Scheme],
) -> CliResult {
    let bin = banks::lookup(bank)
        .map(|b| b.bin.to_string())
        .ok_or_else(|| format!("unknown bank {bank:?} (give a 6-digit BIN or a bank name)"))?;
    let bytes = read_all(message)?;
    let mut draft: vietref::MessageDraft =
        vietref::json::from_slice(&bytes).map_err(|e| format!("message: {e}"))?;
    if let Some(a) = amount {
        draft.amount = Some(Value::from(a));
    }
    let report = draft.validate_with(schemes);
    // With --json: one object whatever happens; otherwise the payload on stdout and every
    // finding on stderr.
    let finish = |payload: Option<&str>, findings: &[&vietref::Finding]| {
        if json {
            let v = serde_json::json!({
                "payload": payload,
                "valid": payload.is_some(),
                "findings": findings,
            });
            outln!("{v}");
        } else {
            for f in findings {
                eprintln!("vietref: {f}");
            }
            if let Some(p) = payload {
                outln!("{p}");
            }
        }
        Ok(if payload.is_some() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    };
    let Some(msg) = report.cleaned.as_ref() else {
        return finish(None, &report.findings.iter().collect::<Vec<_>>());
    };
    let payee = vietref::vietqr::Payee::new(bin, account, "");
    let built = VietQr::for_payment(msg, &payee);
    let findings: Vec<&vietref::Finding> = report.findings.iter().chain(&built.findings).collect();
    let Some(qr) = built.cleaned else {
        return finish(None, &findings);
    };
    let payload = encode(&qr).map_err(|fs| {
        fs.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let code = finish(Some(&payload), &findings)?;
    if terminal {
        return run_image(Some(payload), None, None, true, 1);
    }
    Ok(code)
}

fn run_image(
    payload: Option<String>,
    svg: Option<PathBuf>,
    png_out: Option<PathBuf>,
    terminal: bool,
    scale: u32,
) -> CliResult {
    let payload = match payload {
        Some(p) => p,
        None => {
            let mut line = String::new();
            open_input(None)?
                .read_line(&mut line)
                .map_err(|e| format!("cannot read input: {e}"))?;
            strip_eol(&line).to_string()
        }
    };
    let report = decode(&payload, Mode::Strict);
    if !report.is_valid() {
        for f in &report.findings {
            eprintln!("vietref: {f}");
        }
        return Ok(ExitCode::from(1));
    }
    let code = qrcode::QrCode::with_error_correction_level(payload.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| format!("cannot make a QR code: {e}"))?;
    if let Some(path) = svg {
        let module = scale;
        let image = code
            .render::<qrcode::render::svg::Color>()
            .module_dimensions(module, module)
            .quiet_zone(true)
            .build();
        std::fs::write(&path, image)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    if let Some(path) = png_out {
        let dark: Vec<bool> = code
            .to_colors()
            .iter()
            .map(|c| *c == qrcode::Color::Dark)
            .collect();
        let bytes = png::qr_png(&dark, code.width(), scale as usize, 4);
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    if terminal {
        let image = code
            .render::<qrcode::render::unicode::Dense1x2>()
            .dark_color(qrcode::render::unicode::Dense1x2::Light)
            .light_color(qrcode::render::unicode::Dense1x2::Dark)
            .quiet_zone(true)
            .build();
        outln!("{image}");
    }
    Ok(ExitCode::SUCCESS)
}
