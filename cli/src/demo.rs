//! `vietref demo`: the main job on bundled examples.

use crate::io::outln;
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
    outln!("== {title}");
    outln!("   input: {}", input.trim());
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
            outln!("   VALID");
            for (k, v) in rows {
                outln!("   {k:<18} {v}");
            }
        }
        None => outln!("   INVALID"),
    }
    if !r.findings.is_empty() {
        outln!(
            "   {:<8} {:<16} {:<28} message",
            "severity",
            "field",
            "code"
        );
        for f in &r.findings {
            outln!(
                "   {:<8} {:<16} {:<28} {}",
                f.severity.as_str(),
                f.field,
                f.code.key(),
                f.message_en()
            );
            outln!("   {:<8} {:<16} {:<28} {}", "", "", "", f.message_vi());
        }
    }
    outln!();
}

/// The payment-code schemes of the bundled examples' school (HP, 8 digits) and hospital
/// (VP, 10 digits).
fn demo_schemes() -> Vec<vietref::reference::Scheme> {
    ["HP:8", "VP:10"]
        .iter()
        .filter_map(|s| s.parse().ok())
        .collect()
}

fn channels(m: &PaymentMessage) {
    use vietref::memo::{render, Profile};
    outln!("== the tuition message on every channel (nothing is lost silently)");
    for p in [
        Profile::VIETQR_PURPOSE,
        Profile::VIETQR_BILL,
        Profile::TRANSFER,
        Profile::MOBILE_MONEY,
        Profile::POS,
        Profile::ISO20022_USTRD,
    ] {
        let r = render(m, &p);
        outln!("   {:<16} {:>3}  {}", p.name, p.budget, r.text);
        if !r.omitted.is_empty() || !r.clipped.is_empty() {
            outln!(
                "   {:<16} {:>3}  omitted: [{}]  clipped: [{}]",
                "",
                "",
                r.omitted.join(", "),
                r.clipped.join(", ")
            );
        }
    }
    outln!();
}

fn read_back() {
    use vietref::reference::Scheme;
    let line = "MBVCB.2427229823.174242.hp7184 097674 hoc.phi hoc ky.CT tu 1027236393 NGUYEN VAN AN toi 28349817 GD 856933-090922 18:14:59";
    let schemes: Vec<Scheme> = demo_schemes();
    outln!("== a code read back from a mangled bank statement line (schemes HP:8, VP:10)");
    outln!("   {line}");
    for c in vietref::memo::extract(line, &schemes) {
        let (a, b) = c.span;
        outln!(
            "   found {} ({}) at bytes {a}..{b}: {:?}",
            c.code,
            c.kind.as_str(),
            line.get(a..b).unwrap_or("")
        );
    }
    outln!();
}

fn qr(m: &PaymentMessage) -> Result<(), String> {
    use vietref::vietqr::{encode, Payee, VietQr};
    let payee = Payee::new("970436", "0011001234567", "TRUONG THCS HOA BINH");
    outln!("== the tuition payment as a VietQR (Vietcombank 970436, account 0011001234567)");
    let r = VietQr::for_payment(m, &payee);
    let qr = r.cleaned.ok_or("the tuition example does not build a QR")?;
    let payload = encode(&qr).map_err(|f| format!("{f:?}"))?;
    outln!("   {payload}");
    let code = qrcode::QrCode::with_error_correction_level(payload.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| e.to_string())?;
    let image = code
        .render::<qrcode::render::unicode::Dense1x2>()
        .dark_color(qrcode::render::unicode::Dense1x2::Light)
        .light_color(qrcode::render::unicode::Dense1x2::Dark)
        .quiet_zone(true)
        .build();
    outln!("{image}");
    Ok(())
}

fn legacy() {
    use vietref::legacy::detect;
    outln!("== names from legacy school and hospital databases, detected and repaired");
    // "Nguyễn Văn Đức" as docs/domain.md ("Legacy encodings") gives its bytes in TCVN3 (.VnTime) and VNI-Win.
    let samples: [(&str, &[u8]); 3] = [
        (
            "TCVN3",
            &[
                0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0xA7, 0xF8, 0x63,
            ],
        ),
        (
            "VNI-Win",
            &[
                0x4E, 0x67, 0x75, 0x79, 0x65, 0xE3, 0x6E, 0x20, 0x56, 0x61, 0xEA, 0x6E, 0x20, 0xD1,
                0xF6, 0xF9, 0x63,
            ],
        ),
        (
            "UTF-8 read as Windows-1252",
            "Nguyá»…n VÄƒn Ä\u{90}á»©c".as_bytes(),
        ),
    ];
    for (label, bytes) in samples {
        let d = detect(bytes);
        let shown: String = match std::str::from_utf8(bytes) {
            Ok(t) => t
                .chars()
                .map(|c| if c.is_control() { '.' } else { c })
                .collect(),
            Err(_) => bytes
                .iter()
                .map(|b| format!("{b:02X}"))
                .collect::<Vec<_>>()
                .join(" "),
        };
        outln!(
            "   {label:<27} {shown}\n   {:<27} -> {} ({}, confidence {:.2}{})",
            "",
            d.text,
            d.encoding.name(),
            d.confidence,
            if d.ambiguous { ", ambiguous" } else { "" }
        );
    }
    outln!();
}

fn reconcile() -> Result<(), String> {
    use vietref::reconcile::{
        Columns, InvoiceReader, Reconciler, StatementReader, StatementRecord,
    };
    let invoices = include_str!("../../examples/reconcile/invoices.csv");
    let statement = include_str!("../../examples/reconcile/statement.csv");
    let schemes: Vec<vietref::reference::Scheme> =
        ["HP:6"].iter().filter_map(|s| s.parse().ok()).collect();
    let mut rec = Reconciler::new(&schemes);
    for inv in
        InvoiceReader::new(invoices.as_bytes(), &Columns::new()).map_err(|e| format!("{e:?}"))?
    {
        let (_, inv) = inv.map_err(|e| format!("bundled invoices: {e:?}"))?;
        rec.add_invoice(inv)
            .map_err(|e| format!("bundled invoices: {e:?}"))?;
    }
    outln!("== reconciling the bundled statement (examples/reconcile/) against its open invoices");
    let reader = StatementReader::csv(statement.as_bytes(), &Columns::new())
        .map_err(|e| format!("{e:?}"))?;
    for r in reader {
        match r {
            Ok(StatementRecord::Line(l)) => {
                let res = rec.feed(l);
                outln!(
                    "   line {:>2}  {:<12} {:<12} {}",
                    res.line,
                    res.status.as_str(),
                    res.invoice.as_deref().unwrap_or("—"),
                    res.reason()
                );
            }
            Ok(StatementRecord::Skipped(s)) => rec.skip(&s),
            Err(e) => rec.reject(&e),
        }
    }
    outln!();
    for l in rec.summary().to_string().lines() {
        outln!("   {l}");
    }
    outln!();
    Ok(())
}

pub fn run() -> CliResult {
    outln!(
        "vietref {}: payment messages for Vietnamese schools and hospitals\n",
        env!("CARGO_PKG_VERSION")
    );
    let schemes = demo_schemes();
    let mut tuition = None;
    for (title, json) in EXAMPLES {
        let draft: MessageDraft =
            serde_json::from_str(json).map_err(|e| format!("bundled example {title}: {e}"))?;
        let r = draft.validate_with(&schemes);
        print_report(title, json, &r);
        if tuition.is_none() {
            tuition = r.cleaned;
        }
    }
    let tuition = tuition.ok_or("the bundled tuition example is invalid")?;
    legacy();
    channels(&tuition);
    read_back();
    reconcile()?;
    qr(&tuition)?;
    Ok(ExitCode::SUCCESS)
}
