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
#![forbid(unsafe_op_in_unsafe_fn)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

// The C ABI is the one place allowed to use `unsafe`.
#[allow(unsafe_code)]
pub mod capi;
pub mod finding;
#[doc(hidden)]
pub mod fuzzing;
pub mod gateway;
pub mod memo;
pub mod message;
pub mod reconcile;
pub mod reference;
pub mod text;
pub mod vietqr;

pub use finding::{Code, Finding, Report, Severity};
pub use message::{MessageDraft, PaymentMessage, Sector};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
