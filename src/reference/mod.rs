//! Invoice references and check-digit payment codes.
//!
//! The message's `invoice` field is an [`InvoiceRef`]: what the payment pays for.

use crate::finding::{Code, Finding};

/// Longest invoice code, in characters (ISO 20022 `CdtrRefInf/Ref` is `Max35Text`).
pub const INVOICE_MAX_CHARS: usize = 35;

/// What a payment pays for: the invoice field of the message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InvoiceRef {
    /// An institution's own code: ASCII letters, digits and `-./`, at most 35 characters.
    Opaque(String),
}

impl InvoiceRef {
    /// The code as it travels (the compact electronic form).
    pub fn as_str(&self) -> &str {
        match self {
            InvoiceRef::Opaque(s) => s,
        }
    }

    /// The kind, as a stable string: `opaque`.
    pub fn kind(&self) -> &'static str {
        match self {
            InvoiceRef::Opaque(_) => "opaque",
        }
    }

    /// Parses and validates an invoice field value, collecting findings under `field`.
    pub fn parse(input: &str, field: &str) -> (Option<InvoiceRef>, Vec<Finding>) {
        let mut findings = Vec::new();
        let trimmed = input.trim_matches(|c: char| c.is_whitespace());
        if trimmed.is_empty() {
            findings.push(Finding::new(Code::TextEmpty, field));
            return (None, findings);
        }
        if trimmed != input {
            findings.push(Finding::new(Code::InvoiceNormalized, field).detail(trimmed));
        }
        for (i, c) in trimmed.chars().enumerate() {
            if !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/')) {
                findings.push(Finding::new(Code::InvoiceInvalidChar, field).at(i + 1, c));
            }
        }
        let n = trimmed.chars().count();
        if n > INVOICE_MAX_CHARS {
            findings.push(
                Finding::new(Code::TextTooLong, field)
                    .limit(INVOICE_MAX_CHARS)
                    .detail(n.to_string()),
            );
        }
        if crate::finding::has_error(&findings) {
            return (None, findings);
        }
        (Some(InvoiceRef::Opaque(trimmed.to_string())), findings)
    }
}

impl std::fmt::Display for InvoiceRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
