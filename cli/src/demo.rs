//! `vietref demo`: the main job on bundled examples.

use crate::io::CliResult;
use std::process::ExitCode;
use vietref::{MessageDraft, PaymentMessage, Report};

const EXAMPLES: [(&str, &str); 3] = [
    (
        "tuition payment (school)",
        include_str!("../../examples/messages/tuition.json"),
    ),
    (
        "hospital payment",
        include_str!("../../examples/messages/hospital.json"),
    ),
    (
        "bad input",
        include_str!("../../examples/messages/bad.json"),
    ),
];

fn print_report(title: &str, input: &str, r: &Report<PaymentMessage>) {
    println!("== {title}");
    println!("   input: {}", input.trim());
    match &r.cleaned {
        Some(m) => {
            let rows = [
                ("sector", m.sector().as_str().to_string()),
                ("payer", m.payer_name().to_string()),
                (
                    "beneficiary",
                    m.beneficiary_name()
                        .map(|b| b.to_string())
                        .unwrap_or_else(|| "—".into()),
                ),
                ("reason", m.reason().to_string()),
                (
                    "invoice",
                    format!("{} ({})", m.invoice(), m.invoice().kind()),
                ),
                (
                    "amount",
                    m.amount()
                        .map(|a| format!("{a} VND"))
                        .unwrap_or_else(|| "—".into()),
                ),
                (
                    "payer (memo form)",
                    vietref::text::fold(m.payer_name().as_str()),
                ),
            ];
            println!("   VALID");
            for (k, v) in rows {
                println!("   {k:<18} {v}");
            }
        }
        None => println!("   INVALID"),
    }
    if !r.findings.is_empty() {
        println!(
            "   {:<8} {:<16} {:<28} message",
            "severity", "field", "code"
        );
        for f in &r.findings {
            println!(
                "   {:<8} {:<16} {:<28} {}",
                f.severity.as_str(),
                f.field,
                f.code.key(),
                f.message_en()
            );
            println!("   {:<8} {:<16} {:<28} {}", "", "", "", f.message_vi());
        }
    }
    println!();
}

pub fn run() -> CliResult {
    println!(
        "vietref {}: payment messages for Vietnamese schools and hospitals\n",
        env!("CARGO_PKG_VERSION")
    );
    for (title, json) in EXAMPLES {
        let draft: MessageDraft =
            serde_json::from_str(json).map_err(|e| format!("bundled example {title}: {e}"))?;
        print_report(title, json, &draft.validate());
    }
    Ok(ExitCode::SUCCESS)
}
