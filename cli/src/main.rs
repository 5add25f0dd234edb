//! The `vietref` command. Each command group lives in its own module.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: see cli/Cargo.toml.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
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

#[cfg(test)]
mod reference_doc;

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

#[cfg(test)]
mod interface {
    //! The rules every command follows (docs/interface.md): each argument explained, one
    //! `--scheme` everywhere, `--json` wherever JSON can be printed.
    use super::Cli;
    use clap::CommandFactory;

    /// Leaf commands that print no JSON: payloads, encoded bytes, images, a demo.
    const NO_JSON: &[&str] = &[
        "vietref qr encode",
        "vietref qr image",
        "vietref encode",
        "vietref demo",
        "vietref ref create",
    ];

    fn leaves(cmd: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
        let subs: Vec<_> = cmd
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .collect();
        if subs.is_empty() {
            out.push((path.clone(), cmd.clone()));
        }
        for s in subs {
            leaves(s, format!("{path} {}", s.get_name()), out);
        }
    }

    fn all_leaves() -> Vec<(String, clap::Command)> {
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        leaves(&cmd, "vietref".into(), &mut out);
        assert!(out.len() >= 20, "the walk found {} commands", out.len());
        out
    }

    #[test]
    fn every_argument_is_explained() {
        let mut missing = Vec::new();
        for (path, cmd) in all_leaves() {
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                if help.trim().is_empty() {
                    missing.push(format!("{path}: {id}"));
                }
            }
        }
        assert!(missing.is_empty(), "arguments without help: {missing:?}");
    }

    #[test]
    fn scheme_is_one_option_everywhere() {
        let mut seen = Vec::new();
        for (path, cmd) in all_leaves() {
            for a in cmd
                .get_arguments()
                .filter(|a| a.get_long() == Some("scheme"))
            {
                let names: Vec<String> = a
                    .get_value_names()
                    .unwrap_or_default()
                    .iter()
                    .map(|n| n.to_string())
                    .collect();
                assert_eq!(names, [crate::args::SCHEME_VALUE], "{path}");
                let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                seen.push((path.clone(), help));
            }
        }
        assert!(seen.len() >= 6, "--scheme found on {} commands", seen.len());
        let first = &seen[0].1;
        for (path, help) in &seen {
            assert_eq!(help, first, "{path} explains --scheme differently");
        }
    }

    #[test]
    fn json_wherever_json_is_printed() {
        let mut missing = Vec::new();
        for (path, cmd) in all_leaves() {
            let has = cmd.get_arguments().any(|a| a.get_long() == Some("json"));
            if NO_JSON.contains(&path.as_str()) {
                assert!(
                    !has,
                    "{path} is listed as printing no JSON but takes --json"
                );
            } else if !has {
                missing.push(path);
            }
        }
        assert!(missing.is_empty(), "commands without --json: {missing:?}");
    }
}
