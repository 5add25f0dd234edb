//! # vietref
//!
//! The payment information template that Vietnam's Ministry of Information and
//! Communications asks schools and hospitals to agree with their banks (payer's full name,
//! beneficiary's full name, payment reason, invoice code), made processable by machine:
//! Vietnamese-aware normalization and validation of every field, rendering into what
//! travels (a 25-character bank memo, a VietQR payload, a POS reference, JSON, ISO 20022)
//! with every loss reported, reading codes back out of mangled bank statements, and
//! reconciliation against open invoices.
//!
//! Everything that checks input reports through [`finding::Finding`]s: nothing stops at the
//! first problem, and nothing changes a user's data silently.
//!
//! # Example
//!
//! ```
//! use vietref::{reference::Scheme, MessageDraft};
//!
//! // What a parent typed into the school's payment form.
//! let draft: MessageDraft = serde_json::from_str(r#"{"sector": "education",
//!     "payerName": "nguyễn văn an", "beneficiaryName": "Nguyễn Thị Bình",
//!     "reason": "Học phí học kỳ 1", "invoice": "HP7184097674", "amount": 1250000}"#)?;
//! let scheme: Scheme = "HP:8".parse()?;
//! let report = draft.validate_with(&[scheme]);
//! assert!(report.is_valid());
//! // Every change is reported: the payer's name was put in display case.
//! assert!(report.findings.iter().any(|f| f.code.key() == "name.case"));
//! let msg = report.cleaned.unwrap();
//!
//! // What travels: a 25-character VietQR purpose, invoice code first.
//! let memo = vietref::memo::render(&msg, &vietref::memo::Profile::VIETQR_PURPOSE);
//! assert!(memo.text.starts_with("HP7184097674"));
//! assert!(memo.text.len() <= 25);
//!
//! // What comes back from the bank, mangled: the code is found again.
//! let found = vietref::memo::extract("MBVCB.123.hp7184 0976 74 hoc phi", &[scheme]);
//! assert_eq!(found[0].code, "HP7184097674");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_op_in_unsafe_fn)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

// The C ABI, and one cache prefetch (`hint::prefetch_address`), are the only places allowed
// to use `unsafe`.
#[allow(unsafe_code)]
#[doc(hidden)]
pub mod capi;
mod charclass;
pub mod finding;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
pub mod gateway;
mod hint;
pub mod json;
pub mod legacy;
pub mod memo;
pub mod message;
pub mod reconcile;
pub mod reference;
pub mod text;
pub mod vietqr;

pub use finding::{Code, Finding, Report, Severity};
pub use message::{MessageDraft, PaymentMessage, Sector};

/// The Rust examples of README and of the documentation in `docs/`, compiled and run as
/// doctests, so that no page shows code that does not work.
#[cfg(doctest)]
mod doc_examples {
    #[doc = include_str!("../README.md")]
    pub struct Readme;
    #[doc = include_str!("../docs/guide/rust.md")]
    pub struct GuideRust;
    #[doc = include_str!("../docs/reference/message-and-text.md")]
    pub struct MessageAndText;
    #[doc = include_str!("../docs/reference/legacy-encodings.md")]
    pub struct LegacyEncodings;
    #[doc = include_str!("../docs/reference/references-and-memos.md")]
    pub struct ReferencesAndMemos;
    #[doc = include_str!("../docs/reference/vietqr.md")]
    pub struct VietQr;
    #[doc = include_str!("../docs/reference/reconciliation.md")]
    pub struct Reconciliation;
    #[doc = include_str!("../docs/reference/gateways.md")]
    pub struct Gateways;
}
