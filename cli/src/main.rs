//! The `vietref` command. Each command group lives in its own module.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod demo;
mod gateway_cmd;
mod io;
mod legacy_cmd;
mod memo_cmd;
mod message_cmd;
mod png;
mod qr;
mod reconcile_cmd;
mod ref_cmd;
mod text_cmd;

/// Vietnamese payment messages for schools and hospitals: normalize, validate, render,
/// read back, reconcile.
#[derive(Parser)]
#[command(name = "vietref", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Vietnamese text: display names, ASCII fold, matching keys, checks, tone placement.
    Text(text_cmd::TextArgs),
    /// Payment messages: validate JSON messages.
    Message(message_cmd::MessageArgs),
    /// VietQR payloads: encode from JSON, decode to JSON, draw as SVG, PNG or text.
    Qr(qr::QrArgs),
    /// References: payment codes, RF creditor references, e-invoices, tax codes.
    Ref(ref_cmd::RefArgs),
    /// Memos: render a message for a channel, read codes and fields back from bank memos.
    Memo(memo_cmd::MemoArgs),
    /// Decodes legacy Vietnamese text (TCVN3, VNI, VISCII, VPS, CP1258, VIQR, mojibake) to
    /// UTF-8, detecting the encoding with --from auto.
    Decode(legacy_cmd::DecodeArgs),
    /// Encodes UTF-8 text into a legacy Vietnamese encoding.
    Encode(legacy_cmd::EncodeArgs),
    /// Reconciliation: match bank statement lines to open invoices.
    Reconcile(reconcile_cmd::ReconcileArgs),
    /// Payment gateways (VNPAY, MoMo, ZaloPay): signed requests, verified callbacks.
    Gateway(gateway_cmd::GatewayArgs),
    /// Runs the main job on bundled examples.
    Demo,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Text(a) => text_cmd::run(a),
        Command::Message(a) => message_cmd::run(a),
        Command::Qr(a) => qr::run(a),
        Command::Ref(a) => ref_cmd::run(a),
        Command::Memo(a) => memo_cmd::run(a),
        Command::Decode(a) => legacy_cmd::run_decode(a),
        Command::Encode(a) => legacy_cmd::run_encode(a),
        Command::Reconcile(a) => reconcile_cmd::run(a),
        Command::Gateway(a) => gateway_cmd::run(a),
        Command::Demo => demo::run(),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("vietref: {e}");
            ExitCode::from(2)
        }
    }
}
