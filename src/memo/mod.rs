//! Rendering the message into what travels (bank memos, VietQR purpose, POS references,
//! ISO 20022) and reading it back.
//!
//! - [`Profile`]: a channel's character set, budget and source (docs/domain.md, "Channels and their limits").
//! - [`render`]: one documented, deterministic template; the invoice code first and never
//!   cut; every omission and cut reported.
//! - [`remittance`]: ISO 20022 `RmtInf` (`Ustrd`, and `Strd/CdtrRefInf` for RF references).
//! - [`extract`]: payment codes and RF references found again in mangled statement text.
//! - [`read_envelope`]: the envelope banks and NAPAS put around the payer's words (traces,
//!   accounts, the sender's name) and the free text inside it.
//! - [`parse_memo`]: the fields of a vietref memo recovered as far as they survive.
//!
//! # Example
//!
//! ```
//! use vietref::memo::{extract, render, Profile};
//! use vietref::reference::Scheme;
//!
//! let msg: vietref::PaymentMessage = serde_json::from_str(r#"{"sector": "education",
//!     "payerName": "Nguyễn Văn An", "beneficiaryName": "Nguyễn Thị Bình",
//!     "reason": "Học phí học kỳ 1", "invoice": "HP7184097674"}"#)?;
//! let r = render(&msg, &Profile::TRANSFER);
//! assert_eq!(r.text, "HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN");
//! assert!(r.omitted.is_empty() && r.clipped.is_empty());
//!
//! let scheme: Scheme = "HP:8".parse()?;
//! let c = &extract("IBFT HP7184 097674 HOC PHI", &[scheme])[0];
//! assert_eq!((c.code.as_str(), c.span), ("HP7184097674", (5, 18)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod envelope;
mod extract;
mod iso20022;
mod profile;
mod read;
mod render;

pub use envelope::{
    read_envelope, read_envelope_into, BankTable, Envelope, EnvelopeParts, Number, NumberKind,
    NumberPart, Part, Shape, ShapeRef, Span, AGRIBANK, BIDV, CHANNELS, INNER, SACOMBANK, TABLES,
    TOKENS, VIETCOMBANK, VIETINBANK,
};
#[allow(unused_imports)]
pub(crate) use extract::extract_short_with_view;
pub use extract::{extract, extract_into, Candidate};
pub(crate) use extract::{extract_in, extract_short_in};
pub use iso20022::{remittance, Remittance};
pub use profile::{Charset, Profile};
pub use read::{parse_memo, parse_memo_with, ParsedMemo};
pub use render::{
    markers, render, FieldList, Rendered, FIELD_BENEFICIARY, FIELD_INVOICE, FIELD_PAYER,
    FIELD_REASON, MARKER_PARENT, MARKER_PATIENT, MARKER_PAYER, MARKER_PUPIL,
};
