//! ISO 20022 remittance information (`RmtInf`): the unstructured text and, for RF creditor
//! references, the structured creditor reference (`Strd/CdtrRefInf`, type `SCOR`).

use super::profile::Profile;
use super::render::{render, Rendered};
use crate::message::PaymentMessage;
use crate::reference::InvoiceRef;
use serde::Serialize;

/// What goes into `RmtInf`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Remittance {
    /// The `Ustrd` text as rendered with [`Profile::ISO20022_USTRD`] (or the given profile),
    /// with everything [`render`] reports.
    pub unstructured: Rendered,
    /// The creditor reference for `Strd/CdtrRefInf/Ref` (type `SCOR`), when the invoice is
    /// an RF reference.
    pub creditor_reference: Option<String>,
    /// The `<RmtInf>` XML fragment.
    pub xml: String,
}

/// Builds the remittance information of `m` (`Ustrd` with `profile`'s budget, usually
/// [`Profile::ISO20022_USTRD`]).
pub fn remittance(m: &PaymentMessage, profile: &Profile) -> Remittance {
    let unstructured = render(m, profile);
    let creditor_reference = match m.invoice() {
        InvoiceRef::CreditorReference(r) => Some(r.as_str().to_string()),
        _ => None,
    };
    let mut xml = String::with_capacity(256);
    xml.push_str("<RmtInf><Ustrd>");
    escape_into(&unstructured.text, &mut xml);
    xml.push_str("</Ustrd>");
    if let Some(r) = &creditor_reference {
        xml.push_str("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>");
        escape_into(r, &mut xml);
        xml.push_str("</Ref></CdtrRefInf></Strd>");
    }
    xml.push_str("</RmtInf>");
    Remittance {
        unstructured,
        creditor_reference,
        xml,
    }
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&apos;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}
