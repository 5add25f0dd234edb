//! Rendering a payment message into one channel's text.
//!
//! # The template
//! ```text
//! CODE[ REASON][ HS|BN BENEFICIARY][ PH|NTT PAYER]
//! ```
//! - `CODE` is the invoice reference in its electronic form; it comes first and is never
//!   cut. If it does not fit the budget, or holds a character the channel cannot carry,
//!   that is an error finding (the text still holds the whole code, so nothing is silently
//!   shortened). Separators `-./` the channel cannot carry become `-` when it can, else are
//!   dropped; letters change case when only the other case can travel (both reported).
//! - Then the reason, the beneficiary and the payer, each folded to the ASCII memo form
//!   ([`crate::text::fold`]: no accents, upper case, symbols to spaces) and mapped to the
//!   channel's set. Each is tried in that order and takes the room that is left: whole if
//!   it fits, else cut after the last whole word that fits (never inside a word), else
//!   left out. A later field may still fit after an earlier one was cut or left out.
//! - The beneficiary is introduced by `HS` (học sinh, education) or `BN` (bệnh nhân,
//!   health), the payer by `PH` (phụ huynh, education) or `NTT` (người trả tiền, health).
//!   These markers have no vowel, so they are never a syllable of a Vietnamese name, which
//!   is what lets [`parse_memo`](super::parse_memo) find the names again.
//! - Words are separated by a space, or `-` / `_` on channels without a space. Channels that
//!   carry only a reference (VietQR bill number, POS) get the code alone.
//!
//! Example (VietQR purpose, 25): `HP7184097674 HOC PHI HK1`.
//!
//! Every omission and every cut is named in [`Rendered`] (`omitted`, `clipped`) and as a
//! warning finding; folding is reported per field (`memo.field_folded`).

use super::profile::{Charset, Profile};
use crate::finding::{quoted, Code, Finding};
use crate::message::{PaymentMessage, Sector};
use serde::Serialize;

/// Marker before the beneficiary's name in education (học sinh: pupil).
pub const MARKER_PUPIL: &str = "HS";
/// Marker before the beneficiary's name in health (bệnh nhân: patient).
pub const MARKER_PATIENT: &str = "BN";
/// Marker before the payer's name in education (phụ huynh: parent).
pub const MARKER_PARENT: &str = "PH";
/// Marker before the payer's name in health (người trả tiền: payer).
pub const MARKER_PAYER: &str = "NTT";

/// Field names as they appear in [`Rendered`] and in findings.
pub const FIELD_INVOICE: &str = "invoice";
/// The reason field.
pub const FIELD_REASON: &str = "reason";
/// The beneficiary field.
pub const FIELD_BENEFICIARY: &str = "beneficiaryName";
/// The payer field.
pub const FIELD_PAYER: &str = "payerName";

/// What [`render`] produced, and what it left out or cut.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    /// The text to send.
    pub text: String,
    /// Fields present in the text, whole or cut, in template order.
    pub included: Vec<&'static str>,
    /// Fields of the message that are not in the text.
    pub omitted: Vec<&'static str>,
    /// Fields that are in the text but cut (a subset of `included`).
    pub clipped: Vec<&'static str>,
    /// Every finding: errors (the code cannot travel) and warnings (folded, cut, left out).
    pub findings: Vec<Finding>,
}

impl Rendered {
    /// Whether the text can be used (no error finding).
    pub fn is_ok(&self) -> bool {
        !crate::finding::has_error(&self.findings)
    }
}

/// The markers for a sector: (beneficiary, payer).
pub fn markers(sector: Sector) -> (&'static str, &'static str) {
    match sector {
        Sector::Education => (MARKER_PUPIL, MARKER_PARENT),
        Sector::Health => (MARKER_PATIENT, MARKER_PAYER),
    }
}

/// Renders `m` for the channel `p` following the template above. Deterministic.
pub fn render(m: &PaymentMessage, p: &Profile) -> Rendered {
    let mut out = Rendered {
        text: String::with_capacity(p.budget.min(160)),
        included: Vec::with_capacity(4),
        omitted: Vec::new(),
        clipped: Vec::new(),
        findings: Vec::with_capacity(8),
    };
    if p.budget == 0 || p.charset.is_empty() {
        out.findings.push(
            Finding::new(Code::MemoProfileInvalid, p.name.to_string()).detail_both(
                format!("budget={} charset={:?}", p.budget, p.charset.chars()),
                format!(
                    "giới hạn {} ký tự, bộ ký tự {:?}",
                    p.budget,
                    p.charset.chars()
                ),
            ),
        );
    }
    write_code(m.invoice().as_str(), p, &mut out);
    out.included.push(FIELD_INVOICE);

    let (ben_marker, payer_marker) = markers(m.sector());
    let fields: [(&'static str, Option<&str>, &'static str); 3] = [
        (FIELD_REASON, Some(m.reason().as_str()), ""),
        (
            FIELD_BENEFICIARY,
            m.beneficiary_name().map(|b| b.as_str()),
            ben_marker,
        ),
        (FIELD_PAYER, Some(m.payer_name().as_str()), payer_marker),
    ];
    let sep = if p.reference_only {
        None
    } else {
        p.word_separator()
    };
    // Whether the channel carries the fold output ([A-Z0-9]) and the markers as they are.
    let plain = p.charset.contains_all(Charset::UPPER_DIGITS);
    let mut folded = String::with_capacity(64);
    for (field, value, marker) in fields {
        let Some(value) = value else { continue };
        let Some(sep) = sep else {
            out.omitted.push(field);
            out.findings
                .push(Finding::new_static(Code::MemoFieldNotCarried, field));
            continue;
        };
        // No room for even a one-letter word: left out without folding.
        let marker_len = if marker.is_empty() {
            0
        } else {
            marker.len() + 1
        };
        let no_room = out.text.len() + 2 + marker_len > p.budget;
        folded.clear();
        if !no_room {
            crate::text::fold_into(value, &mut folded);
        }
        let start = out.text.len();
        let (words_total, words_written) = if no_room {
            (1, 0)
        } else if plain {
            write_words(&folded, marker, sep, p, &mut out.text)
        } else {
            write_words_mapped(&folded, marker, sep, p, &mut out.text)
        };
        if words_written == 0 {
            out.text.truncate(start);
            out.omitted.push(field);
            out.findings
                .push(Finding::new_static(Code::MemoFieldOmitted, field).limit(p.budget));
            continue;
        }
        out.included.push(field);
        if folded != value {
            out.findings
                .push(Finding::new_static(Code::MemoFieldFolded, field).detail(quoted(&folded)));
        }
        if words_written < words_total {
            out.clipped.push(field);
            let kept = out
                .text
                .get(start..)
                .unwrap_or("")
                .trim_start_matches(char::from(sep));
            let kept = kept
                .strip_prefix(marker)
                .unwrap_or(kept)
                .trim_start_matches(char::from(sep));
            out.findings.push(
                Finding::new_static(Code::MemoFieldClipped, field)
                    .limit(p.budget)
                    .detail(quoted(kept)),
            );
        }
    }
    out
}

/// Writes the invoice code, adapted to the channel's set, reporting every change.
fn write_code(code: &str, p: &Profile, out: &mut Rendered) {
    let cs = p.charset;
    let mut adapted = false;
    for (i, c) in code.chars().enumerate() {
        let b = u8::try_from(c).unwrap_or(0);
        if b != 0 && cs.contains(b) {
            out.text.push(c);
        } else if c.is_ascii_alphabetic() && cs.contains(b ^ 0x20) {
            out.text.push(char::from(b ^ 0x20));
            adapted = true;
        } else if matches!(c, '-' | '.' | '/') {
            if cs.contains(b'-') {
                out.text.push('-');
            }
            adapted = true;
        } else {
            out.findings.push(
                Finding::new_static(Code::MemoInvoiceCharset, FIELD_INVOICE)
                    .at(i + 1, c)
                    .detail(p.name.to_string()),
            );
        }
    }
    if adapted {
        out.findings.push(
            Finding::new_static(Code::MemoInvoiceAdapted, FIELD_INVOICE).detail(quoted(&out.text)),
        );
    }
    if out.text.len() > p.budget {
        out.findings.push(
            Finding::new_static(Code::MemoInvoiceTooLong, FIELD_INVOICE)
                .limit(p.budget)
                .detail(quoted(&out.text)),
        );
    }
}

/// Appends `SEP [MARKER SEP] WORD (SEP WORD)*` with as many whole words of `folded` (the
/// fold output: `[A-Z0-9]` words, single spaces) as fit the budget. Returns (words in
/// `folded`, words written). The channel carries `[A-Z0-9]` as they are.
fn write_words(
    folded: &str,
    marker: &str,
    sep: u8,
    p: &Profile,
    text: &mut String,
) -> (usize, usize) {
    if folded.is_empty() {
        return (0, 0);
    }
    let b = folded.as_bytes();
    let total = b.iter().filter(|&&x| x == b' ').count() + 1;
    let marker_len = if marker.is_empty() {
        0
    } else {
        marker.len() + 1
    };
    let room = p.budget.saturating_sub(text.len() + 1 + marker_len);
    // The longest prefix of whole words that fits in `room`.
    let cut = if folded.len() <= room {
        folded.len()
    } else if b.get(room) == Some(&b' ') {
        room
    } else {
        folded.get(..room).and_then(|h| h.rfind(' ')).unwrap_or(0)
    };
    if cut == 0 {
        return (total, 0);
    }
    let kept = folded.get(..cut).unwrap_or("");
    text.push(char::from(sep));
    if !marker.is_empty() {
        text.push_str(marker);
        text.push(char::from(sep));
    }
    if sep == b' ' {
        text.push_str(kept);
    } else {
        text.extend(
            kept.chars()
                .map(|c| if c == ' ' { char::from(sep) } else { c }),
        );
    }
    let written = if cut == folded.len() {
        total
    } else {
        kept.bytes().filter(|&x| x == b' ').count() + 1
    };
    (total, written)
}

/// [`write_words`] for channels that cannot carry every letter and digit as folded (e.g.
/// lower case only): each character is mapped or dropped.
fn write_words_mapped(
    folded: &str,
    marker: &str,
    sep: u8,
    p: &Profile,
    text: &mut String,
) -> (usize, usize) {
    let cs = p.charset;
    let map = |b: u8| -> Option<char> {
        if cs.contains(b) {
            Some(char::from(b))
        } else if b.is_ascii_uppercase() && cs.contains(b | 0x20) {
            Some(char::from(b | 0x20))
        } else {
            None
        }
    };
    let total = folded.split(' ').filter(|w| !w.is_empty()).count();
    let marker_len = if marker.is_empty() {
        0
    } else {
        marker.bytes().filter_map(map).count() + 1
    };
    let mut written = 0;
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        let len = word.bytes().filter_map(map).count();
        if len == 0 {
            continue;
        }
        let need = 1 + len + if written == 0 { marker_len } else { 0 };
        if text.len() + need > p.budget {
            break;
        }
        text.push(char::from(sep));
        if written == 0 && marker_len > 0 {
            text.extend(marker.bytes().filter_map(map));
            text.push(char::from(sep));
        }
        text.extend(word.bytes().filter_map(map));
        written += 1;
    }
    (total, written)
}
