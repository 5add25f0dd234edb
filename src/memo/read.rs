//! Reading a memo that vietref rendered back into its fields, after whatever the banks did
//! to it, as far as the fields survive.

use super::envelope::{read_envelope, EnvelopeParts};
use super::extract::{extract_in, Candidate};
use super::render::{MARKER_PARENT, MARKER_PATIENT, MARKER_PAYER, MARKER_PUPIL};
use crate::message::Sector;
use crate::reference::{code, einvoice, RefKind, Scheme};
use serde::Serialize;

/// The fields recovered from a memo. Texts are in the folded memo form (upper case ASCII,
/// single spaces).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ParsedMemo {
    /// The invoice code, when one was recognised.
    pub invoice: Option<Candidate>,
    /// The words between the code and the first name marker.
    pub reason: Option<String>,
    /// The name after the beneficiary marker (`HS`, `BN`).
    pub beneficiary: Option<String>,
    /// The name after the payer marker (`PH`, `NTT`).
    pub payer: Option<String>,
    /// The sector the markers point to.
    pub sector: Option<Sector>,
    /// The envelope the banks put around the payer's words ([`super::read_envelope`]): the
    /// fields above are read from its free text only; without a payer marker, the payer
    /// is the envelope's sender name.
    pub envelope: EnvelopeParts,
}

/// Words that start a bank's suffix (docs/domain.md, "What banks do to a memo"): the memo ends before them.
const STOP_WORDS: &[&str] = &["GD", "TRACE", "MAC", "NAPAS", "CT"];

#[derive(Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// A `;` or `/` stands between this token and the previous one.
    hard_break: bool,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(24);
    let mut start = None;
    let mut hard = false;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                out.push(Token {
                    start: s,
                    end: i,
                    hard_break: hard,
                });
                hard = false;
            }
            if c == ';' || c == '/' {
                hard = true;
            }
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
            hard_break: hard,
        });
    }
    out
}

/// Recovers the fields of a memo rendered by vietref. Without schemes, a payment code is
/// recognised by its shape (2–5 letters, 8–14 digits, chunks joined) and its check digits;
/// RF references and e-invoice identifiers are recognised too.
pub fn parse_memo(text: &str) -> ParsedMemo {
    parse_memo_with(text, &[])
}

/// [`parse_memo`] that looks for the codes of the given schemes first (as [`extract`](crate::memo::extract) does).
pub fn parse_memo_with(text: &str, schemes: &[Scheme]) -> ParsedMemo {
    let env = read_envelope(text);
    // The words of the free text only.
    let toks: Vec<Token> = tokens(text)
        .into_iter()
        .filter(|t| env.in_free((t.start, t.end)))
        .collect();
    let word = |t: &Token| crate::text::fold(text.get(t.start..t.end).unwrap_or(""));
    let invoice = find_invoice(text, &env.free, &toks, schemes);
    let from = invoice.as_ref().map_or(0, |c| c.span.1);
    let mut words: Vec<String> = Vec::new();
    for t in toks.iter().filter(|t| t.start >= from) {
        let w = word(t);
        let is_stop = STOP_WORDS.contains(&w.as_str())
            || (w.starts_with("FT") && w.bytes().filter(u8::is_ascii_digit).count() >= 8);
        let started = !words.is_empty() || invoice.is_some();
        if is_stop || (t.hard_break && started) {
            if started {
                break;
            }
            continue;
        }
        if !w.is_empty() {
            words.push(w);
        }
    }
    let mut memo = ParsedMemo {
        invoice,
        ..ParsedMemo::default()
    };
    // Name words: letters only, and not a marker (a truncated last word may have no vowel).
    let is_name = |w: &String| {
        w.bytes().all(|b| b.is_ascii_uppercase())
            && ![MARKER_PUPIL, MARKER_PATIENT, MARKER_PARENT, MARKER_PAYER].contains(&w.as_str())
    };
    let run_from = |a: usize, limit: usize| -> Option<String> {
        let seg = words.get(a..limit)?;
        let n = seg.iter().take_while(|w| is_name(w)).count();
        (n > 0).then(|| seg.get(..n).unwrap_or(&[]).join(" "))
    };
    let is_marker = |w: &String, a: &str, b: &str| w == a || w == b;
    let mut end = words.len();
    // The payer: the last payer marker followed by a name; the name runs while words are
    // names (a bank's suffix may follow).
    let payer_at = (0..end).rev().find(|&i| {
        is_marker(&words[i], MARKER_PARENT, MARKER_PAYER) && run_from(i + 1, end).is_some()
    });
    if let Some(i) = payer_at {
        memo.payer = run_from(i + 1, end);
        memo.sector = Some(if words[i] == MARKER_PARENT {
            Sector::Education
        } else {
            Sector::Health
        });
        end = i;
    }
    // The beneficiary: the last beneficiary marker before that, followed by names only up
    // to the payer marker (or by a run of names when there is no payer).
    let ben_at = (0..end).rev().find(|&i| {
        is_marker(&words[i], MARKER_PUPIL, MARKER_PATIENT)
            && match payer_at {
                Some(_) => i + 1 < end && words[i + 1..end].iter().all(is_name),
                None => run_from(i + 1, end).is_some(),
            }
    });
    if let Some(i) = ben_at {
        memo.beneficiary = run_from(i + 1, end);
        memo.sector.get_or_insert(if words[i] == MARKER_PUPIL {
            Sector::Education
        } else {
            Sector::Health
        });
        end = i;
    }
    if end > 0 {
        memo.reason = words.get(..end).map(|w| w.join(" "));
    }
    if memo.payer.is_none() {
        memo.payer = env
            .sender_name
            .and_then(|(a, b)| text.get(a..b))
            .map(crate::text::fold);
    }
    memo.envelope = env.describe(text);
    memo
}

fn find_invoice(
    text: &str,
    free: &[super::Span],
    toks: &[Token],
    schemes: &[Scheme],
) -> Option<Candidate> {
    let mut found = Vec::new();
    extract_in(text, free, schemes, &mut found);
    if let Some(c) = found
        .iter()
        .find(|c| c.kind == RefKind::PaymentCode)
        .or(found.first())
    {
        return Some(c.clone());
    }
    for (i, t) in toks.iter().enumerate() {
        // E-invoice: one to three tokens joined by their original separators.
        for k in 0..3 {
            let Some(last) = toks.get(i + k) else { break };
            if !inside(free, (t.start, last.end)) {
                break;
            }
            let Some(slice) = text.get(t.start..last.end) else {
                break;
            };
            if let Ok(e) = einvoice::validate(slice) {
                return Some(Candidate {
                    code: e.as_str().to_string(),
                    kind: RefKind::Einvoice,
                    span: (t.start, last.end),
                });
            }
        }
        // Payment code of any scheme: letters then digits, chunks joined.
        let first = text.get(t.start..t.end).unwrap_or("");
        let letters = first.bytes().take_while(u8::is_ascii_alphabetic).count();
        if !(code::PREFIX_MIN..=code::PREFIX_MAX).contains(&letters)
            || !first.bytes().skip(letters).all(|b| b.is_ascii_digit())
        {
            continue;
        }
        let mut joined = first.to_ascii_uppercase();
        for k in 0..4 {
            if k > 0 {
                match toks
                    .get(i + k)
                    .filter(|n| inside(free, (t.start, n.end)))
                    .and_then(|n| text.get(n.start..n.end))
                {
                    Some(n) if n.bytes().all(|b| b.is_ascii_digit()) => joined.push_str(n),
                    _ => break,
                }
            }
            let digits = joined.len() - letters;
            if digits > code::BODY_MAX + 2 {
                break;
            }
            if digits >= code::BODY_MIN + 2 {
                if let Ok(c) = code::validate(&joined) {
                    let end = toks.get(i + k).map_or(t.end, |n| n.end);
                    return Some(Candidate {
                        code: c.as_str().to_string(),
                        kind: RefKind::PaymentCode,
                        span: (t.start, end),
                    });
                }
            }
        }
    }
    None
}

/// Whether `span` lies inside one of the `free` spans.
fn inside(free: &[super::Span], span: super::Span) -> bool {
    free.iter().any(|f| f.0 <= span.0 && span.1 <= f.1)
}
