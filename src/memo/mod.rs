//! Rendering the message into what travels (bank memos, VietQR purpose, POS references,
//! ISO 20022) and reading it back.
//!
//! - [`Profile`]: a channel's character set, budget and source (SPEC §2).
//! - [`render`]: one documented, deterministic template; the invoice code first and never
//!   cut; every omission and cut reported.
//! - [`remittance`]: ISO 20022 `RmtInf` (`Ustrd`, and `Strd/CdtrRefInf` for RF references).
//! - [`extract`]: payment codes and RF references found again in mangled statement text.
//! - [`parse_memo`]: the fields of a vietref memo recovered as far as they survive.

mod extract;
mod iso20022;
mod profile;
mod read;
mod render;

pub(crate) use extract::extract_short_with_view;
pub use extract::{extract, extract_into, Candidate};
pub use iso20022::{remittance, Remittance};
pub use profile::{Charset, Profile};
pub use read::{parse_memo, parse_memo_with, ParsedMemo};
pub use render::{
    markers, render, FieldList, Rendered, FIELD_BENEFICIARY, FIELD_INVOICE, FIELD_PAYER,
    FIELD_REASON, MARKER_PARENT, MARKER_PATIENT, MARKER_PAYER, MARKER_PUPIL,
};
