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
    pub included: FieldList,
    /// Fields of the message that are not in the text.
    pub omitted: FieldList,
    /// Fields that are in the text but cut (a subset of `included`).
    pub clipped: FieldList,
    /// Every finding: errors (the code cannot travel) and warnings (folded, cut, left out).
    pub findings: Vec<Finding>,
}

impl Rendered {
    /// Whether the text can be used (no error finding).
    pub fn is_ok(&self) -> bool {
        !crate::finding::has_error(&self.findings)
    }
}

/// A list of field names ([`FIELD_INVOICE`], [`FIELD_REASON`], …) as [`Rendered`] names
/// them: at most the four fields of the template, held in place (a render allocates no
/// list). It reads as a slice (`len`, `iter`, `contains`, indexing) and serializes as a
/// JSON array of strings.
///
/// ```
/// use vietref::memo::{FieldList, FIELD_PAYER, FIELD_REASON};
/// let mut l = FieldList::new();
/// assert!(l.push(FIELD_REASON) && l.push(FIELD_PAYER));
/// assert_eq!(l, ["reason", "payerName"]);
/// assert!(l.contains(&"payerName"));
/// assert_eq!(serde_json::to_string(&l).unwrap(), r#"["reason","payerName"]"#);
/// ```
#[derive(Clone, Copy, Default, Eq)]
pub struct FieldList {
    names: [&'static str; FieldList::CAPACITY],
    len: u8,
}

impl FieldList {
    /// The most names a list holds: the four fields of the template.
    pub const CAPACITY: usize = 4;

    /// An empty list.
    pub const fn new() -> Self {
        FieldList {
            names: [""; FieldList::CAPACITY],
            len: 0,
        }
    }

    /// Appends `name`; returns false (and keeps the list as it was) when the list already
    /// holds [`FieldList::CAPACITY`] names.
    pub fn push(&mut self, name: &'static str) -> bool {
        match self.names.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = name;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    /// The names, in the order they were pushed.
    pub fn as_slice(&self) -> &[&'static str] {
        self.names.get(..usize::from(self.len)).unwrap_or(&[])
    }
}

impl std::ops::Deref for FieldList {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.as_slice()
    }
}

impl std::fmt::Debug for FieldList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl PartialEq for FieldList {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl std::hash::Hash for FieldList {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl<const N: usize> PartialEq<[&str; N]> for FieldList {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl PartialEq<[&str]> for FieldList {
    fn eq(&self, other: &[&str]) -> bool {
        self.as_slice() == other
    }
}

impl PartialEq<Vec<&str>> for FieldList {
    fn eq(&self, other: &Vec<&str>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<'a> IntoIterator for &'a FieldList {
    type Item = &'a &'static str;
    type IntoIter = std::slice::Iter<'a, &'static str>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl From<FieldList> for Vec<&'static str> {
    fn from(l: FieldList) -> Self {
        l.as_slice().to_vec()
    }
}

impl Serialize for FieldList {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.as_slice())
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
        text: String::new(),
        included: FieldList::new(),
        omitted: FieldList::new(),
        clipped: FieldList::new(),
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
    // The text is built as ASCII bytes (every byte written is in the channel's set, which
    // is ASCII) and checked as UTF-8 once at the end. Room for the budget and for the fold
    // of the field being placed, which is written past the end before it is cut.
    let mut text: Vec<u8> = Vec::with_capacity(p.budget.min(160) + 48);
    write_code(m.invoice().as_str(), p, &mut text, &mut out.findings);
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
    // The fold of a field, for channels that map it character by character.
    let mut scratch = Vec::new();
    let mut quote_later = QuoteLater::default();
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
        let start = text.len();
        let placed = if start + 2 + marker_len > p.budget {
            Placed::default()
        } else if plain {
            write_words(value, marker, sep, p, &mut text)
        } else {
            write_words_mapped(value, marker, sep, p, &mut text, &mut scratch)
        };
        if placed.written == 0 {
            text.truncate(start);
            out.omitted.push(field);
            out.findings
                .push(Finding::new_static(Code::MemoFieldOmitted, field).limit(p.budget));
            continue;
        }
        out.included.push(field);
        match placed.folded {
            Detail::Unchanged => {}
            Detail::Owned(folded) => out
                .findings
                .push(Finding::new_static(Code::MemoFieldFolded, field).detail(folded)),
            Detail::InText(from, to) => {
                quote_later.push(out.findings.len(), from, to);
                out.findings
                    .push(Finding::new_static(Code::MemoFieldFolded, field));
            }
        }
        if placed.written < placed.total {
            out.clipped.push(field);
            // The words kept: past the separators, the marker as written, separators.
            let skip = |k: usize| k + text.iter().skip(k).take_while(|&&x| x == sep).count();
            let mut from = skip(start);
            if text
                .get(from..)
                .is_some_and(|t| t.starts_with(marker.as_bytes()))
            {
                from += marker.len();
            }
            quote_later.push(out.findings.len(), skip(from), text.len());
            out.findings
                .push(Finding::new_static(Code::MemoFieldClipped, field).limit(p.budget));
        }
    }
    out.text = match String::from_utf8(text) {
        Ok(t) => t,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    for &(i, from, to) in quote_later.as_slice() {
        if let Some(f) = out.findings.get_mut(i) {
            f.params.detail = Some(quoted(out.text.get(from..to).unwrap_or_default()));
        }
    }
    out
}

/// Details that quote a part of the text, set once the text is checked as UTF-8 (which
/// spares checking each part apart): (finding index, byte range). At most one fold and one
/// cut for each of the three fields after the code.
#[derive(Default)]
struct QuoteLater {
    items: [(usize, usize, usize); 6],
    len: usize,
}

impl QuoteLater {
    fn push(&mut self, finding: usize, from: usize, to: usize) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = (finding, from, to);
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[(usize, usize, usize)] {
        self.items.get(..self.len).unwrap_or_default()
    }
}

/// Bytes the renderer wrote (ASCII) as text; never fails on what it writes.
fn ascii(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or_default()
}

/// How one field was placed.
#[derive(Default)]
struct Placed {
    /// Words in the field's fold.
    total: usize,
    /// Words written (0: none fit, or the fold is empty).
    written: usize,
    /// The `memo.field_folded` detail, when the fold differs from the value and at least
    /// one word was written.
    folded: Detail,
}

/// The quoted fold of a field.
#[derive(Default)]
enum Detail {
    /// The fold is the value: no finding.
    #[default]
    Unchanged,
    /// Quoted already.
    Owned(String),
    /// Written whole at this byte range of the text: quoted once the text is checked.
    InText(usize, usize),
}

impl Placed {
    /// `at` is where `folded` starts in the text when it was written there whole, as it is.
    fn new(total: usize, written: usize, value: &str, folded: &[u8], at: Option<usize>) -> Placed {
        let folded = if written == 0 || value.as_bytes() == folded {
            Detail::Unchanged
        } else if let Some(at) = at {
            Detail::InText(at, at + folded.len())
        } else {
            Detail::Owned(quoted(ascii(folded)))
        };
        Placed {
            total,
            written,
            folded,
        }
    }
}

/// Writes the invoice code, adapted to the channel's set, reporting every change.
fn write_code(code: &str, p: &Profile, text: &mut Vec<u8>, findings: &mut Vec<Finding>) {
    let cs = p.charset;
    // Most codes travel as they are (`HP…` on an upper-case channel): one look at the set.
    let b = code.as_bytes();
    if b.len() <= p.budget && b.iter().all(|&x| cs.contains(x)) {
        text.extend_from_slice(b);
        return;
    }
    let mut adapted = false;
    for (i, c) in code.chars().enumerate() {
        let b = u8::try_from(c).ok().filter(u8::is_ascii).unwrap_or(0);
        if b != 0 && cs.contains(b) {
            text.push(b);
        } else if c.is_ascii_alphabetic() && cs.contains(b ^ 0x20) {
            text.push(b ^ 0x20);
            adapted = true;
        } else if matches!(c, '-' | '.' | '/') {
            if cs.contains(b'-') {
                text.push(b'-');
            }
            adapted = true;
        } else {
            findings.push(
                Finding::new_static(Code::MemoInvoiceCharset, FIELD_INVOICE)
                    .at(i + 1, c)
                    .detail(p.name.to_string()),
            );
        }
    }
    if adapted {
        findings.push(
            Finding::new_static(Code::MemoInvoiceAdapted, FIELD_INVOICE)
                .detail(quoted(ascii(text))),
        );
    }
    if text.len() > p.budget {
        findings.push(
            Finding::new_static(Code::MemoInvoiceTooLong, FIELD_INVOICE)
                .limit(p.budget)
                .detail(quoted(ascii(text))),
        );
    }
}

/// Appends `SEP [MARKER SEP] WORD (SEP WORD)*` with as many whole words of the fold of
/// `value` (`[A-Z0-9]` words, single spaces) as fit the budget, for channels that carry
/// `[A-Z0-9]` as they are. The fold is written in place, past the marker, then cut; on
/// return `text` holds the words written (or whatever the caller truncates when none).
fn write_words(value: &str, marker: &str, sep: u8, p: &Profile, text: &mut Vec<u8>) -> Placed {
    text.push(sep);
    if !marker.is_empty() {
        text.extend_from_slice(marker.as_bytes());
        text.push(sep);
    }
    let at = text.len();
    crate::text::fold_append(value.as_bytes(), text);
    let folded = text.get(at..).unwrap_or_default();
    if folded.is_empty() {
        return Placed::default();
    }
    let total = folded.iter().filter(|&&x| x == b' ').count() + 1;
    let room = p.budget.saturating_sub(at);
    // The longest prefix of whole words that fits in `room`.
    let cut = if folded.len() <= room {
        folded.len()
    } else if folded.get(room) == Some(&b' ') {
        room
    } else {
        folded
            .get(..room)
            .and_then(|h| h.iter().rposition(|&x| x == b' '))
            .unwrap_or(0)
    };
    if cut == 0 {
        return Placed::default();
    }
    let written = if cut == folded.len() {
        total
    } else {
        folded.iter().take(cut).filter(|&&x| x == b' ').count() + 1
    };
    let whole = (cut == folded.len() && sep == b' ').then_some(at);
    let placed = Placed::new(total, written, value, folded, whole);
    text.truncate(at + cut);
    if sep != b' ' {
        for x in text.iter_mut().skip(at) {
            if *x == b' ' {
                *x = sep;
            }
        }
    }
    placed
}

/// [`write_words`] for channels that cannot carry every letter and digit as folded (e.g.
/// lower case only): each character is mapped or dropped. `folded` is scratch space.
fn write_words_mapped(
    value: &str,
    marker: &str,
    sep: u8,
    p: &Profile,
    text: &mut Vec<u8>,
    folded: &mut Vec<u8>,
) -> Placed {
    folded.clear();
    crate::text::fold_append(value.as_bytes(), folded);
    let cs = p.charset;
    let map = |b: u8| -> Option<u8> {
        if cs.contains(b) {
            Some(b)
        } else if b.is_ascii_uppercase() && cs.contains(b | 0x20) {
            Some(b | 0x20)
        } else {
            None
        }
    };
    let words = || folded.split(|&x| x == b' ').filter(|w| !w.is_empty());
    let total = words().count();
    let marker_len = if marker.is_empty() {
        0
    } else {
        marker.bytes().filter_map(map).count() + 1
    };
    let mut written = 0;
    for word in words() {
        let len = word.iter().copied().filter_map(map).count();
        if len == 0 {
            continue;
        }
        let need = 1 + len + if written == 0 { marker_len } else { 0 };
        if text.len() + need > p.budget {
            break;
        }
        text.push(sep);
        if written == 0 && marker_len > 0 {
            text.extend(marker.bytes().filter_map(map));
            text.push(sep);
        }
        text.extend(word.iter().copied().filter_map(map));
        written += 1;
    }
    Placed::new(total, written, value, folded, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_list_holds_four_names_and_reads_like_a_vec() {
        let mut l = FieldList::new();
        let names = [FIELD_INVOICE, FIELD_REASON, FIELD_BENEFICIARY, FIELD_PAYER];
        for n in names {
            assert!(l.push(n));
        }
        assert!(!l.push(FIELD_REASON), "a fifth name is refused");
        assert_eq!(l, names);
        assert_eq!(l.len(), 4);
        assert_eq!(format!("{l:?}"), format!("{:?}", names.to_vec()));
        assert_eq!(
            serde_json::to_value(l).unwrap(),
            serde_json::json!(["invoice", "reason", "beneficiaryName", "payerName"])
        );
        // Equality looks at the names held, not at the unused room.
        let (mut a, mut b) = (FieldList::new(), FieldList::new());
        a.push(FIELD_PAYER);
        b.push(FIELD_PAYER);
        assert_eq!(a, b);
        assert_ne!(a, l);
        assert!(FieldList::new().is_empty());
        assert_eq!(Vec::from(a), vec!["payerName"]);
    }
}
