//! The [`Reconciler`]: open invoices indexed for a million lines, statement lines fed one
//! at a time.

use super::amount::quote;
use super::csv::CsvRecord;
use super::date::Date;
use super::index::{combine, hash_bytes, HashSet64, MultiMap, Table, NIL};
use super::names::{
    cut_match, full_match, is_word, tok_eq, tok_hash, truncated_match, whole_match, TextTokens,
    Toks, MAX_TOKENS,
};
use super::read::{InvoiceFields, InvoiceReader};
use super::{
    CodeEvidence, Evidence, Invoice, InvoiceState, InvoiceStatus, LineResult, NameEvidence,
    NameRole, NameSource, RecordError, Skipped, StatementLine, Status, StatusTotal, Summary,
    TypoEvidence,
};
use crate::finding::{has_error, Code, Finding};
use crate::hint::{prefetch, prefetch_all};
use crate::memo::{extract_in, Candidate, Envelope};
use crate::reference::{trim_whitespace, InvoiceRef, RefKind, Scheme};
use std::io::Read;

/// Fewest letters and digits an invoice code needs to be looked for by its compacted
/// form in the compacted content (RF references, e-invoices and institutions' own codes).
/// Shorter codes would be found by chance inside account numbers and bank traces.
pub const CODE_SEARCH_MIN: usize = 6;

/// What [`Reconciler::add_invoice`] made of an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// The code as it is held (electronic form).
    pub code: String,
    /// How the code was classified.
    pub kind: RefKind,
    /// Warnings: the code was normalized, or is too short to be looked for; a name has
    /// nothing to match.
    pub warnings: Vec<Finding>,
}

/// What [`Reconciler::add_invoices`] tells of one item: the item's own error (a record
/// that could not be read), or its line and what [`Reconciler::add_invoice`] made of it.
pub type Loaded<E> = Result<(u64, Result<Added, Vec<Finding>>), E>;

#[derive(Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

/// One open invoice, in 104 bytes plus its text in the arena.
struct Slot {
    code: Span,
    key: Span,
    alt_key: Span,
    payer: Span,
    beneficiary: Span,
    amount: u64,
    paid: u64,
    /// The line that settled it (0: not settled).
    settled_line: u64,
    /// Hash of the bank reference of its last payment (0: none).
    last_ref: u64,
    payments: u32,
    /// `YYYYMMDD` (0: none).
    due: u32,
    kind: RefKind,
    /// Entries in the name index, by key position (see [`Reconciler::name_keys`]).
    name_entries: [u32; 4],
}

impl Slot {
    fn outstanding(&self) -> u64 {
        self.amount.saturating_sub(self.paid)
    }
}

/// A code found in one line.
struct Found {
    /// [`key_hash`] of `code`.
    hash: u64,
    code: String,
    kind: RefKind,
    span: (usize, usize),
    invoice: Option<u32>,
}

/// The characters of `content` that make a code in `found` read differently: inside a
/// code's span, control (other than whitespace), bidirectional, invisible and private-use
/// characters; anywhere on the line, bidirectional controls (they reorder what follows).
fn hidden_chars(content: &str, found: &[Found], out: &mut Vec<super::HiddenChar>) {
    if found.is_empty() {
        return;
    }
    let mut note = |code: &str, offset: usize, c: char, kind: Code| {
        out.push(super::HiddenChar {
            code: code.to_string(),
            character: format!("U+{:04X}", c as u32),
            offset,
            kind: kind.key(),
        });
    };
    for f in found {
        let Some(inside) = content.get(f.span.0..f.span.1) else {
            continue;
        };
        // ASCII: only control bytes can hide.
        if inside.is_ascii()
            && !inside
                .bytes()
                .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F)
        {
            continue;
        }
        for (i, c) in inside.char_indices() {
            if let Some(kind) = crate::text::chars::refused_code(c) {
                note(&f.code, f.span.0 + i, c, kind);
            }
        }
    }
    if !content.is_ascii() {
        for (i, c) in content.char_indices() {
            let inside = found.iter().any(|f| (f.span.0..f.span.1).contains(&i));
            if !inside && crate::text::chars::is_bidi_control(c) {
                if let Some(code) = found.iter().find(|f| f.span.0 >= i).or(found.first()) {
                    note(&code.code, i, c, Code::TextBidiControl);
                }
            }
        }
    }
}

impl Prepared {
    /// Asks for the slot and the buffers [`prepare_line`] writes
    /// ([`crate::hint::prefetch`]): the thread that classified the slot's last line read
    /// them last.
    fn prefetch_buffers(&self) {
        prefetch_all(self);
        if let Some(f) = self.found.first() {
            prefetch(f);
        }
        self.text.prefetch();
        self.counter.prefetch();
    }
}

/// A name match found in one line.
struct Hit {
    idx: u32,
    role: NameRole,
    observed: String,
    source: NameSource,
    truncated: bool,
}

/// One name-index lookup of a line (see [`Reconciler::name_lookups`]): the key, the mask
/// an entry must hold, and the tokens `start..end` of the run looked up.
#[derive(Clone, Copy)]
struct Lookup {
    key: u64,
    mask: u32,
    start: u32,
    end: u32,
    truncated: bool,
}

/// What is read from a statement line before it is classified: its codes (extracted and
/// looked up), the tokens of its content and counter-account name, and, for a line without
/// a code, its name-index lookups. Buffers reused from line to line.
#[derive(Default)]
struct Prepared {
    found: Vec<Found>,
    text: TextTokens,
    counter: TextTokens,
    /// The name-index lookups of the content and of the counter-account name.
    lookups: [Vec<Lookup>; 2],
    /// Whether `lookups` were made (a line without codes, names indexed).
    looked_up: bool,
    /// The content's envelope: codes are looked for in its free text only.
    env: Envelope,
}

/// A name key gathered while invoices load.
struct Pending {
    key: u64,
    idx: u32,
    mask: u32,
}

/// Sorts the name keys gathered while loading by key, then invoice, then mask: a total
/// order (two equal entries are interchangeable), so the invoices of a bucket, and the
/// candidates a name payment lists, are in the order the invoices were loaded, whatever
/// sort runs. Sorting by key alone and then each run of equal keys (almost all of one or
/// two entries) costs less than comparing the three fields throughout. With `threads` of
/// 2 or more and many keys, the keys are split on their top bit (they are hashes, so the
/// halves are even) and the halves are sorted at the same time. Returns the number of
/// distinct keys.
fn sort_pending(v: &mut [Pending], threads: usize) -> usize {
    if threads >= 2 && v.len() >= PARALLEL_SORT_MIN {
        let low = |p: &Pending| p.key >> 63 == 0;
        // Hoare's partition: the low half first.
        let (mut i, mut j) = (0, v.len());
        loop {
            while i < j && v.get(i).is_some_and(low) {
                i += 1;
            }
            while i < j && v.get(j - 1).is_some_and(|p| !low(p)) {
                j -= 1;
            }
            if j - i < 2 {
                break;
            }
            v.swap(i, j - 1);
            i += 1;
            j -= 1;
        }
        let (a, b) = v.split_at_mut(i);
        let halves = std::thread::scope(|scope| {
            let other = std::thread::Builder::new().spawn_scoped(scope, move || sort_keys(a));
            let keys = sort_keys(b);
            other.ok().and_then(|t| t.join().ok()).map(|k| k + keys)
        });
        if let Some(keys) = halves {
            return keys;
        }
        // No second thread: this one sorts the whole.
    }
    sort_keys(v)
}

/// [`sort_pending`] on one thread: by key, then each run of equal keys by invoice and
/// mask. Returns the number of distinct keys.
fn sort_keys(v: &mut [Pending]) -> usize {
    v.sort_unstable_by_key(|p| p.key);
    let mut keys = 0;
    for run in v.chunk_by_mut(|a, b| a.key == b.key) {
        keys += 1;
        if run.len() > 1 {
            run.sort_unstable_by_key(|p| (p.idx, p.mask));
        }
    }
    keys
}

/// Name keys from which [`sort_pending`] sorts on two threads: below it a thread's start
/// costs more than it saves.
const PARALLEL_SORT_MIN: usize = 1 << 16;

/// One entry of the frozen name index: an invoice (or [`DEAD`]) and its mask; the first
/// entry of a bucket holds the bucket's length in `idx`.
#[derive(Clone, Copy)]
struct SlabEntry {
    idx: u32,
    mask: u32,
}

/// A frozen entry of an invoice that was paid or moved.
const DEAD: u32 = u32::MAX;

/// The name index built once: key → start of a bucket in `slab`.
#[derive(Default)]
struct Frozen {
    table: Table,
    slab: Vec<SlabEntry>,
}

impl Frozen {
    /// Marks one entry of invoice `idx` under `key` dead.
    fn tombstone(&mut self, key: u64, idx: u32) {
        for start in self.table.get(key) {
            let s = start as usize;
            let len = self.slab.get(s).map_or(0, |h| h.idx as usize);
            if let Some(e) = self
                .slab
                .get_mut(s + 1..=s + len)
                .and_then(|b| b.iter_mut().find(|e| e.idx == idx))
            {
                e.idx = DEAD;
                return;
            }
        }
    }
}

/// Lines looked up together by [`Reconciler::feed_many`]: enough for their memory reads to
/// overlap, few enough that what they read stays in the first-level cache.
pub const FEED_BATCH: usize = 32;

/// Lines handed to the second thread at a time when [`Reconciler::feed_many`] uses two
/// (see [`Reconciler::set_threads`]): enough that a hand-over (a wake-up of the other
/// thread, some microseconds) is small next to the work on them.
pub const PIPE_CHUNK: usize = 512;

/// Most worker threads invoice loading starts, whatever [`Reconciler::set_threads`] says
/// (a count from a caller, say through the C ABI, is not a count of threads to start).
const MAX_LOAD_WORKERS: usize = 64;

/// Chunks of [`PIPE_CHUNK`] lines the second thread may be ahead by.
const PIPE_DEPTH: usize = 3;

/// How many lines ahead the line-preparing thread asks for a line's text and slot.
const PREPARE_AHEAD: usize = 4;

/// Most bytes of token buffers a line of a batch keeps for the next one.
const KEEP_BYTES: usize = 1 << 16;

const KEY_FULL: u64 = 1;
const KEY_PREFIX: u64 = 2;

/// Most invoices verified per name key for one line.
pub(crate) const SCAN_MAX: usize = 64;
/// Most invoices per name key asked for ahead by [`Reconciler::feed_many`].
const PREFETCH_MAX: usize = 4;
/// Most name-index entries walked per name key for one line.
pub(crate) const STEP_MAX: usize = 512;

/// A 32-bit summary of tokens: one bit per token (by its hash, with `Y` = `I`).
fn token_mask(toks: &[&[u8]]) -> u32 {
    toks.iter().fold(0, |m, t| m | (1u32 << (tok_hash(t) & 31)))
}

fn prefix_key(amount: u64, family_hash: u64, second: &[u8], third: &[u8]) -> u64 {
    prefix_key_hashed(amount, family_hash, tok_hash(second), third)
}

/// [`prefix_key`] with the second token's hash already computed.
fn prefix_key_hashed(amount: u64, family_hash: u64, second_hash: u64, third: &[u8]) -> u64 {
    let initial = third
        .first()
        .map_or(0, |b| u64::from(if *b == b'Y' { b'I' } else { *b }));
    combine(&[KEY_PREFIX, amount, family_hash, second_hash, initial])
}

/// Invoices handed to a classifying thread at a time by [`Reconciler::add_invoices`]:
/// enough that a hand-over costs little per invoice, few enough that the batches in
/// flight stay small.
const LOAD_BATCH: usize = 2048;
/// Invoices whose code-table cells are read ahead at a time while a batch is added: few
/// enough that the pages read stay in the TLB until the inserts (a whole batch of 2 048
/// did not: the duplicate check still missed on 5.5 % of the loading samples at 1 M
/// invoices, 1 % with 256).
const CODES_AHEAD: usize = 256;

/// An invoice classified: what adding it does not need the other invoices for (its code
/// classified, its due date read, its keys built and its names folded), so that it can be
/// made on another thread. Spans point into a text buffer kept beside it.
struct Classified {
    /// Findings of the code and the due date.
    findings: Vec<Finding>,
    due: u32,
    /// `None` when the code is not usable.
    ready: Option<Ready>,
}

struct Ready {
    kind: RefKind,
    /// The code as it is held.
    code: Span,
    key: Span,
    /// [`key_hash`] of `key` and of `alt`, computed off the thread that adds.
    key_hash: u64,
    alt_hash: u64,
    /// The e-invoice printed form's key when it differs from `key` (else empty).
    alt: Span,
    payer: Span,
    beneficiary: Span,
    amount: u64,
    keys: [(u64, u32); 4],
    ends: [Option<(u64, u64)>; 2],
    /// A name given that holds nothing to match: its field and text.
    unusable: [Option<(&'static str, String)>; 2],
}

/// A batch of invoices classified on a worker thread, with the text their spans point
/// into, and the emptied batch it came in (reused).
struct ClassifiedBatch<B, E> {
    items: Vec<Result<(u64, Classified), E>>,
    text: String,
    input: B,
}

/// A batch of items that may be empty.
trait HasRows {
    fn is_empty(&self) -> bool;
}

impl<T> HasRows for Vec<T> {
    fn is_empty(&self) -> bool {
        Vec::is_empty(self)
    }
}

impl HasRows for RawBatch {
    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Invoice records read for [`Reconciler::add_invoices_from`], in records kept from batch
/// to batch (no allocation per record): each item is a record's position in `recs` or
/// the reader's error.
#[derive(Default)]
struct RawBatch {
    recs: Vec<CsvRecord>,
    items: Vec<Result<usize, RecordError>>,
}

/// Appends `s` to `text`, as a span of it.
fn push_span(text: &mut String, s: &str) -> Span {
    let at = text.len();
    text.push_str(s);
    span_from(text, at)
}

/// Classifies an invoice with `schemes` ([`InvoiceRef::parse_with`]), reads its due date,
/// builds its code's keys and folds its names into `text` (`scratch`: kept between calls). This is
/// the part of [`Reconciler::add_invoice`] that does not read the invoices already added.
fn classify_invoice(
    schemes: &[Scheme],
    inv: InvoiceFields<'_>,
    text: &mut String,
    scratch: &mut Scratch,
) -> Classified {
    // A code written as a payment code travels (nearly every code of a list) is checked
    // without the general parse and its allocations: it would give the code as written and
    // no finding.
    let written = crate::reference::is_written_payment_code(inv.code, schemes);
    let (iref, mut findings) = if written {
        (None, Vec::new())
    } else {
        InvoiceRef::parse_with(inv.code, "code", schemes)
    };
    let due = match inv.due.map(trim_whitespace).filter(|d| !d.is_empty()) {
        None => 0,
        Some(d) => match scratch.due(d) {
            Some(n) => n,
            None => {
                findings.push(Finding::new(Code::ReconcileDateInvalid, "due").detail(quote(d)));
                0
            }
        },
    };
    let (kind, code_str, einvoice) = match &iref {
        None if written => (RefKind::PaymentCode, inv.code, None),
        None => {
            return Classified {
                findings,
                due,
                ready: None,
            }
        }
        Some(r) => (
            r.ref_kind(),
            r.as_str(),
            match r {
                InvoiceRef::EInvoice(e) => Some(e),
                _ => None,
            },
        ),
    };
    // Keys are compacted straight into the text (no allocation per invoice).
    let key_start = text.len();
    if written {
        // Upper-case letters and digits only: its own compacted form.
        text.push_str(code_str);
    } else {
        compact_key_into_end(code_str, text);
    }
    let key = span_from(text, key_start);
    let alt = match einvoice {
        Some(e) => {
            let at = text.len();
            compact_key_into_end(&e.format(), text);
            if text.get(at..) == text.get(key_start..at) {
                text.truncate(at);
            }
            span_from(text, at)
        }
        None => span_from(text, text.len()),
    };
    let code = push_span(text, code_str);
    let get = |text: &str, s: Span| {
        text.get(s.start as usize..s.start as usize + s.len as usize)
            .map_or(0, |k| key_hash(k.as_bytes()))
    };
    let (key_hash, alt_hash) = (get(text, key), get(text, alt));
    let amount = inv.amount.vnd();
    let mut unusable = [None, None];
    let mut keys = [(0u64, 0u32); 4];
    let mut ends = [None; 2];
    let mut spans = [Span::default(); 2];
    for (i, (field, name)) in [("payer", inv.payer), ("beneficiary", inv.beneficiary)]
        .into_iter()
        .enumerate()
    {
        let at = text.len();
        let half = fold_name_keyed(name, amount, &mut scratch.fold, text);
        if let Some(((full, prefix), end)) = half {
            if let (Some(k), Some(e)) = (keys.get_mut(2 * i..2 * i + 2), ends.get_mut(i)) {
                k.copy_from_slice(&[full, prefix]);
                *e = end;
            }
        } else if let (Some(n), Some(u)) = (name, unusable.get_mut(i)) {
            // A name given (not blank) that holds nothing to match.
            if !trim_whitespace(n).is_empty() {
                *u = Some((field, n.to_string()));
            }
        }
        if let Some(sp) = spans.get_mut(i) {
            *sp = span_from(text, at);
        }
    }
    let [payer, beneficiary] = spans;
    Classified {
        findings,
        due,
        ready: Some(Ready {
            kind,
            code,
            key,
            key_hash,
            alt_hash,
            alt,
            payer,
            beneficiary,
            amount,
            keys,
            ends,
            unusable,
        }),
    }
}

/// What [`classify_invoice`] keeps from one invoice to the next: a buffer to fold names in
/// and the last due date read (an invoice list gives most invoices the same one).
#[derive(Default)]
struct Scratch {
    fold: Vec<u8>,
    /// The last due date read, as written, and its [`Date::number`] (`None`: not a date).
    last_due: Option<(String, Option<u32>)>,
}

impl Scratch {
    /// [`Date::parse`] of `d` as a [`Date::number`], remembered for the next invoice.
    fn due(&mut self, d: &str) -> Option<u32> {
        match &mut self.last_due {
            Some((text, n)) if text == d => *n,
            Some((text, n)) => {
                text.clear();
                text.push_str(d);
                *n = Date::parse(d).map(|d| d.number());
                *n
            }
            None => {
                let n = Date::parse(d).map(|d| d.number());
                self.last_due = Some((d.to_string(), n));
                n
            }
        }
    }
}

/// The span of `text` from `start` to its end.
fn span_from(text: &str, start: usize) -> Span {
    Span {
        start: u32::try_from(start).unwrap_or(u32::MAX),
        len: u32::try_from(text.len().saturating_sub(start)).unwrap_or(0),
    }
}

/// [`compact_key`] appended to `out`.
fn compact_key_into_end(s: &str, out: &mut String) {
    out.extend(
        s.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_uppercase())),
    );
}

/// The tokens of a folded name as [`Toks::new`] keeps them (the first ones and the given
/// name, at most [`MAX_TOKENS`]), read in one pass with what loading also asks of a name:
/// whether a token is a word and whether it has more tokens than are kept.
struct NameToks<'a> {
    items: [&'a [u8]; MAX_TOKENS],
    len: usize,
    /// A token is a word ([`is_word`]).
    word: bool,
    /// Spaces in the name.
    spaces: usize,
}

impl<'a> NameToks<'a> {
    fn new(folded: &'a [u8]) -> NameToks<'a> {
        let mut n = NameToks {
            items: [&[]; MAX_TOKENS],
            len: 0,
            word: false,
            spaces: 0,
        };
        let mut last: &[u8] = &[];
        let mut rest = folded;
        loop {
            // Tokens are short: a plain search beats a vectorized one here.
            let end = rest.iter().position(|b| *b == b' ').unwrap_or(rest.len());
            let (t, after) = rest.split_at(end);
            if !t.is_empty() {
                n.word = n.word || is_word(t);
                if n.len < MAX_TOKENS - 1 {
                    if let Some(slot) = n.items.get_mut(n.len) {
                        *slot = t;
                    }
                    n.len += 1;
                }
                last = t;
            }
            match after.get(1..) {
                Some(more) => {
                    n.spaces += 1;
                    rest = more;
                }
                None => break,
            }
        }
        // Keep the given name when the name is longer than MAX_TOKENS (as `Toks` does).
        if n.len == MAX_TOKENS - 1 && n.items.get(n.len - 1).is_some_and(|t| *t != last) {
            if let Some(slot) = n.items.get_mut(n.len) {
                *slot = last;
            }
            n.len += 1;
        }
        n
    }

    fn as_slice(&self) -> &[&'a [u8]] {
        self.items.get(..self.len).unwrap_or(&[])
    }
}

/// One name's half of [`name_keys_of`]: its full and prefix keys and its ends.
type NameKeys = (((u64, u32), (u64, u32)), Option<(u64, u64)>);

/// Folds a name ([`crate::text::fold`]) onto the end of `text`, keeping only the tokens
/// names are matched on (at most [`MAX_TOKENS`]: the first ones and the given name, as
/// [`Toks`] reads them), so that matching an invoice costs the same whatever the length of
/// the name it was given; gives the name's keys for `amount` (its half of
/// [`name_keys_of`]) from the tokens read in the same pass. A name without a word (letters
/// only) is not kept (nothing is appended) and the result is `None`.
fn fold_name_keyed(
    name: Option<&str>,
    amount: u64,
    buf: &mut Vec<u8>,
    text: &mut String,
) -> Option<NameKeys> {
    buf.clear();
    crate::text::fold_append_short(name.unwrap_or(""), buf);
    let toks = NameToks::new(buf);
    if !toks.word {
        return None;
    }
    let keys = half_keys(toks.as_slice(), amount);
    if toks.spaces >= MAX_TOKENS {
        let kept: Vec<u8> = toks.as_slice().join(&b' ');
        text.push_str(std::str::from_utf8(&kept).unwrap_or(""));
    } else {
        match std::str::from_utf8(buf) {
            Ok(s) => text.push_str(s),
            Err(_) => text.push_str(&String::from_utf8_lossy(buf)),
        }
    }
    Some(keys)
}

/// The keys of one name, tokens `t`: see [`name_keys_of`].
fn half_keys(t: &[&[u8]], amount: u64) -> NameKeys {
    let mut keys = ((0u64, 0u32), (0u64, 0u32));
    // Every token hashed once (the keys and the masks read the same hashes).
    let mut hashes = [0u64; MAX_TOKENS];
    for (h, tok) in hashes.iter_mut().zip(t) {
        *h = tok_hash(tok);
    }
    let h = hashes.get(..t.len()).unwrap_or(&[]);
    let mask_of = |hs: &[u64]| hs.iter().fold(0u32, |m, h| m | (1u32 << (h & 31)));
    let (Some(&fh), Some(&gh)) = (h.first(), h.last()) else {
        return (keys, None);
    };
    if t.len() < 2 {
        return (keys, Some((fh, gh)));
    }
    let middles = h.get(1..h.len() - 1).unwrap_or(&[]);
    keys.0 = (combine(&[KEY_FULL, amount, fh, gh]), mask_of(middles));
    if let (Some(&second), Some(third)) = (h.get(1), t.get(2)) {
        keys.1 = (
            prefix_key_hashed(amount, fh, second, third),
            mask_of(h.get(2..).unwrap_or(&[])),
        );
    }
    (keys, Some((fh, gh)))
}

/// The name-index keys of an invoice whose folded names are `payer` and `beneficiary`, for
/// the outstanding amount `amount`, with the masks stored in their entries, by position:
/// payer full, payer prefix, beneficiary full, beneficiary prefix (key 0: none); and for
/// the payer and the beneficiary the hashes of the first and last tokens of a name of one
/// token or more (family and given names). See [`Reconciler::name_keys`].
#[allow(clippy::type_complexity)]
fn name_keys_of(
    payer: &str,
    beneficiary: &str,
    amount: u64,
) -> ([(u64, u32); 4], [Option<(u64, u64)>; 2]) {
    let ((p_full, p_prefix), p_end) = half_keys(Toks::new(payer).as_slice(), amount);
    let ((b_full, b_prefix), b_end) = half_keys(Toks::new(beneficiary).as_slice(), amount);
    ([p_full, p_prefix, b_full, b_prefix], [p_end, b_end])
}

/// The hit recorded when a scan stopped at [`SCAN_MAX`] entries: several invoices.
const SATURATED: u32 = u32::MAX - 1;

/// Distinct invoices among the hits, up to 2 (a saturated scan counts as 2).
fn distinct(hits: &[Hit]) -> usize {
    let mut first = None;
    for h in hits {
        if h.idx == SATURATED {
            return 2;
        }
        match first {
            None => first = Some(h.idx),
            Some(f) if f != h.idx => return 2,
            Some(_) => {}
        }
    }
    usize::from(first.is_some())
}

/// Matches statement lines to open invoices.
///
/// # Finding codes in the content
/// - **Payment codes and RF references** are found with [`crate::memo::extract`] (their
///   check digits make a random match unlikely) and looked up by their electronic form.
/// - **Other invoice codes** (RF references glued to the next word, e-invoices, the
///   institution's own codes) are found by their *compacted form* (ASCII letters and
///   digits, upper case; an e-invoice also by its printed form with the number on 8 or 7
///   digits) in the compacted content, when the code has at least [`CODE_SEARCH_MIN`]
///   letters and digits and the match is bounded at both ends: by the start or end of the
///   content, by a character that is not a letter or digit in the original content, or by
///   a change between letter and digit (`…101151HD20240917…` holds `HD20240917`;
///   `…1234HD2024091789…` does not). This guards against codes found inside account
///   numbers, traces and words.
///
/// # Names and suggestions
/// A line without a code gets a suggestion when a name in the content or in the
/// counter-account name matches the payer or beneficiary of exactly one open invoice whose
/// outstanding amount equals the line's amount exactly (see the `names` rules in the
/// documentation: folded tokens, `Y` = `I`, missing middle names, a cut tail). Invoices
/// are indexed by (outstanding amount, family name, given name) and (outstanding amount,
/// family name, second name), so a lookup does not scan the invoices.
///
/// # Handles
/// Inputs are owned and results are plain structs of strings and integers, so the
/// reconciler can sit behind an opaque handle in a C ABI. It is `Send` but not `Sync`:
/// [`Reconciler::feed`] updates the invoices' paid totals.
pub struct Reconciler {
    schemes: Vec<Scheme>,
    arena: String,
    /// Most bytes the arena may hold (spans are `u32`); lowered only by tests.
    capacity: usize,
    slots: Vec<Slot>,
    /// Compacted codes (and e-invoice printed forms) to invoices.
    codes: Table,
    /// Name keys gathered while invoices load, frozen at the first line.
    pending: Vec<Pending>,
    /// The key position (see [`Reconciler::name_keys`]) of each pending key, apart so that
    /// the keys sorted are 16 bytes.
    pending_pos: Vec<u8>,
    /// The frozen name index: contiguous buckets.
    frozen: Frozen,
    /// Name keys added after the first line (partial payments, late invoices).
    names: MultiMap,
    families: HashSet64,
    /// Hashes of every name's last token (given names): lookups for other tokens are skipped.
    givens: HashSet64,
    window_lens: Vec<usize>,
    /// Whether a line was fed (the name index is then frozen).
    fed: bool,
    /// Threads the reconciler may use ([`Reconciler::set_threads`]; default 1).
    threads: usize,
    /// Invoices per batch handed to a classifying thread ([`LOAD_BATCH`]; lowered only by
    /// tests).
    load_batch: usize,
    // Per-line scratch, reused.
    cands: Vec<Candidate>,
    /// What [`Reconciler::feed`] reads from its line.
    one: Prepared,
    /// What [`Reconciler::feed_many`] reads from each line of a batch, ahead.
    ahead: Vec<Prepared>,
    /// The name-index lookups of the lines of a batch, to read ahead.
    ahead_lookups: Vec<Lookup>,
    /// The invoices and unknown codes of one line (see `resolve`).
    known: Vec<u32>,
    unknown: Vec<String>,
    view: Vec<u8>,
    pos: Vec<u32>,
    /// Scratch of [`Reconciler::add_invoice`]: the text of a classified invoice and a
    /// name being folded, kept so that loading allocates little per invoice.
    key_buf: String,
    /// The last statement date read and what it reads as: a statement's lines share a few
    /// dates, so most lines are not parsed again.
    last_date: (String, Option<Date>),
    scratch: Scratch,
    // Totals.
    per_status: [(u64, u64); 7],
    skipped: (u64, u64),
    rejected: u64,
    /// Physical lines of the statements read, as their readers counted them.
    input: super::InputLines,
}

/// Reads `line` into `p`: the tokens of its content and counter-account name, and the
/// codes in its content (extracted and hashed, not yet looked up). For an ASCII content
/// (what banks send) one pass over it gives both the name tokens and the view the code
/// extractor scans. With `names` (names are indexed), a line without codes also gets its
/// tokens' flags, which its name lookups read. Depends on the line and `schemes` alone
/// (`cands` is scratch), so it may run on another thread.
fn prepare_line(
    schemes: &[Scheme],
    cands: &mut Vec<Candidate>,
    names: bool,
    line: &StatementLine,
    p: &mut Prepared,
) {
    p.found.clear();
    p.looked_up = false;
    cands.clear();
    let content = &line.content;
    crate::memo::read_envelope_into(content, &mut p.env);
    let (text, free) = (&mut p.text, &p.env.free);
    let one_pass = content.is_ascii()
        && crate::memo::extract_short_in(content, free, schemes, cands, |v, p| {
            text.fill_from_view(v, p)
        });
    if !one_pass {
        extract_in(content, free, schemes, cands);
        p.text.fill(content);
    }
    for c in cands.drain(..) {
        p.found.push(Found {
            hash: key_hash(c.code.as_bytes()),
            code: c.code,
            kind: c.kind,
            span: c.span,
            invoice: None,
        });
    }
    // Without a counter-account name, the sender's name the envelope carries.
    let sender = p.env.sender_name.and_then(|(a, b)| content.get(a..b));
    p.counter
        .fill(line.counter_name.as_deref().or(sender).unwrap_or(""));
    if names && p.found.is_empty() {
        // What `Reconciler::make_name_lookups` reads first.
        p.text.ensure_flags(content);
        p.counter
            .ensure_flags(line.counter_name.as_deref().unwrap_or(""));
    }
}

fn key_hash(key: &[u8]) -> u64 {
    hash_bytes(0x434f_4445, key.iter().copied())
}

/// ASCII letters and digits of `s`, upper-cased.
fn compact_key(s: &str) -> String {
    let mut out = String::new();
    compact_key_into(s, &mut out);
    out
}

/// [`compact_key`] into `out` (cleared first), reusing its allocation.
fn compact_key_into(s: &str, out: &mut String) {
    out.clear();
    out.extend(
        s.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_uppercase())),
    );
}

impl Reconciler {
    /// A reconciler that finds the payment codes of `schemes` (and RF references).
    pub fn new(schemes: &[Scheme]) -> Reconciler {
        Reconciler {
            schemes: schemes.to_vec(),
            arena: String::new(),
            capacity: u32::MAX as usize,
            slots: Vec::new(),
            codes: Table::default(),
            pending: Vec::new(),
            pending_pos: Vec::new(),
            frozen: Frozen::default(),
            names: MultiMap::default(),
            families: HashSet64::default(),
            givens: HashSet64::default(),
            window_lens: Vec::new(),
            fed: false,
            threads: 1,
            load_batch: LOAD_BATCH,
            cands: Vec::new(),
            one: Prepared::default(),
            ahead: Vec::new(),
            ahead_lookups: Vec::new(),
            known: Vec::new(),
            unknown: Vec::new(),
            view: Vec::new(),
            pos: Vec::new(),
            key_buf: String::new(),
            last_date: (String::new(), None),
            scratch: Scratch::default(),
            per_status: [(0, 0); 7],
            skipped: (0, 0),
            rejected: 0,
            input: super::InputLines::default(),
        }
    }

    /// The schemes.
    pub fn schemes(&self) -> &[Scheme] {
        &self.schemes
    }

    /// How many invoices are loaded.
    pub fn invoice_count(&self) -> usize {
        self.slots.len()
    }

    /// Reserves room for `n` more invoices (avoids rehashing while loading many).
    pub fn reserve(&mut self, n: usize) {
        self.slots.reserve(n);
        self.codes.reserve(n);
        self.pending.reserve(n.saturating_mul(4));
        self.pending_pos.reserve(n.saturating_mul(4));
    }

    /// Reserves room for `bytes` more bytes of invoice text (codes, their compacted keys
    /// and folded names), so that the text arena is not copied as it grows. The size of
    /// the invoice file is a close estimate: the text held for a record is about as long
    /// as its line or shorter (folding keeps a byte or none per character, rare
    /// compatibility forms aside). Capped at the text capacity.
    pub fn reserve_text(&mut self, bytes: usize) {
        let room = self.capacity.saturating_sub(self.arena.len());
        self.arena.reserve(bytes.min(room));
    }

    fn text_of(&self, s: Span) -> &str {
        self.arena
            .get(s.start as usize..(s.start as usize + s.len as usize))
            .unwrap_or("")
    }

    fn store(&mut self, s: &str) -> Option<Span> {
        let start = u32::try_from(self.arena.len()).ok()?;
        let len = u32::try_from(s.len()).ok()?;
        if self.arena.len().checked_add(s.len())? > self.capacity {
            return None;
        }
        self.arena.push_str(s);
        Some(Span { start, len })
    }

    /// Sets the invoices per batch of [`Reconciler::add_invoices`], so that tests reach
    /// several batches with few invoices.
    #[doc(hidden)]
    pub fn with_load_batch(mut self, batch: usize) -> Reconciler {
        self.load_batch = batch.max(1);
        self
    }

    /// Lowers the text capacity (bytes of invoice codes and folded names a reconciler
    /// holds; 4 GiB by default) so that tests can reach `reconcile.capacity`.
    #[doc(hidden)]
    pub fn with_text_capacity(mut self, bytes: usize) -> Reconciler {
        self.capacity = bytes.min(u32::MAX as usize);
        self
    }

    fn slot_has_key(&self, i: u32, key: &[u8]) -> bool {
        self.slots.get(i as usize).is_some_and(|s| {
            self.text_of(s.key).as_bytes() == key
                || (s.alt_key.len > 0 && self.text_of(s.alt_key).as_bytes() == key)
        })
    }

    /// The invoice whose compacted code (or e-invoice printed form) is `key`.
    fn find_key(&self, key: &[u8]) -> Option<u32> {
        self.find_key_hashed(key_hash(key), key)
    }

    /// The first invoice record filed under `hash` in the code table (the one a lookup of
    /// that hash reads first), for reading ahead.
    fn first_slot(&self, hash: u64) -> Option<&Slot> {
        self.codes
            .get(hash)
            .next()
            .and_then(|i| self.slots.get(i as usize))
    }

    /// [`Reconciler::find_key`] with the key's hash already computed.
    fn find_key_hashed(&self, hash: u64, key: &[u8]) -> Option<u32> {
        self.codes.get(hash).find(|&i| self.slot_has_key(i, key))
    }

    /// Adds an open invoice. Its code is classified with the reconciler's schemes
    /// ([`InvoiceRef::parse_with`]); errors (a bad code, a code already listed, a bad due
    /// date) are returned as findings naming the field (`code`, `due`).
    pub fn add_invoice(&mut self, inv: Invoice) -> Result<Added, Vec<Finding>> {
        self.add_fields(InvoiceFields::of(&inv))
    }

    /// [`Reconciler::add_invoice`] of borrowed fields.
    pub fn add_fields(&mut self, inv: InvoiceFields<'_>) -> Result<Added, Vec<Finding>> {
        let mut text = std::mem::take(&mut self.key_buf);
        text.clear();
        let mut scratch = std::mem::take(&mut self.scratch);
        let c = classify_invoice(&self.schemes, inv, &mut text, &mut scratch);
        let result = self.insert_classified(c, &text);
        self.key_buf = text;
        self.scratch = scratch;
        result
    }

    /// Lets the reconciler use up to `n` threads (0 counts as 1; the default, 1, keeps all
    /// the work on the calling thread). Results, their order, the findings and the totals
    /// do not depend on it.
    /// - [`Reconciler::add_invoices`] and [`Reconciler::add_invoices_from`]: the calling
    ///   thread reads the invoices in batches while `n - 1` others (64 at most) check their fields,
    ///   classify their codes and fold their names; each batch is added in file order.
    /// - [`Reconciler::feed_many`] (with 2 or more): a second thread reads the statement's
    ///   lines (their envelopes, codes and name tokens) while the calling thread classifies
    ///   the lines read before. It is started per call and only when the call is given at
    ///   least [`PIPE_CHUNK`] lines, so feeding a few lines at a time stays on the calling
    ///   thread.
    pub fn set_threads(&mut self, n: usize) {
        self.threads = n.max(1);
    }

    /// The number of threads set with [`Reconciler::set_threads`].
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Adds every invoice `items` gives, calling `each` in the items' order with the
    /// item's error or the line and what [`Reconciler::add_invoice`] made of the invoice.
    /// With [`Reconciler::set_threads`] above 1, invoices are taken on the calling thread in
    /// batches while other threads classify their codes and fold their names, and each
    /// batch is added on the calling thread in order: the results, the findings and the
    /// reconciler's state are the same as with one thread.
    pub fn add_invoices<I, E>(&mut self, items: I, mut each: impl FnMut(Loaded<E>))
    where
        I: Iterator<Item = Result<(u64, Invoice), E>>,
        E: Send,
    {
        if self.threads <= 1 {
            for item in items {
                each(item.map(|(line, inv)| (line, self.add_invoice(inv))));
            }
            return;
        }
        let mut items = items.fuse();
        let batch = self.load_batch;
        self.pipeline(
            |b: &mut Vec<Result<(u64, Invoice), E>>| {
                b.extend(items.by_ref().take(batch));
                b.len() == batch
            },
            |schemes, b, out, scratch| {
                for item in b.drain(..) {
                    out.items.push(item.map(|(line, inv)| {
                        let c = classify_invoice(
                            schemes,
                            InvoiceFields::of(&inv),
                            &mut out.text,
                            scratch,
                        );
                        (line, c)
                    }));
                }
            },
            &mut each,
        );
    }

    /// [`Reconciler::add_invoices`] of every record of an invoice list, read without an
    /// [`Invoice`] allocated per record ([`InvoiceReader::next_fields`]).
    pub fn add_invoices_from<R: Read>(
        &mut self,
        reader: &mut InvoiceReader<R>,
        mut each: impl FnMut(Loaded<RecordError>),
    ) {
        if self.threads <= 1 {
            while let Some(item) = reader.next_fields() {
                each(item.map(|(line, f)| (line, self.add_fields(f))));
            }
            return;
        }
        let batch = self.load_batch;
        let columns = reader.columns().clone();
        self.pipeline(
            |b: &mut RawBatch| {
                b.items.clear();
                let mut used = 0;
                while b.items.len() < batch {
                    if b.recs.len() <= used {
                        b.recs.push(CsvRecord::default());
                    }
                    let Some(rec) = b.recs.get_mut(used) else {
                        return false;
                    };
                    match reader.read_into(rec) {
                        None => return false,
                        Some(Ok(())) => {
                            b.items.push(Ok(used));
                            used += 1;
                        }
                        Some(Err(e)) => b.items.push(Err(e)),
                    }
                }
                true
            },
            |schemes, b, out, scratch| {
                for item in b.items.drain(..) {
                    let read = item.and_then(|i| {
                        let rec = b.recs.get(i).ok_or_else(|| RecordError {
                            line: 0,
                            findings: Vec::new(),
                        })?;
                        columns.fields(rec).map(|f| (rec.line, f))
                    });
                    out.items.push(read.map(|(line, f)| {
                        (line, classify_invoice(schemes, f, &mut out.text, scratch))
                    }));
                }
            },
            &mut each,
        );
    }

    /// Runs the loading pipeline: `fill` takes the next batch on the calling thread (false:
    /// nothing follows it), `classify` classifies a batch on one of `threads - 1` worker
    /// threads (in turn), and the calling thread adds each classified batch in the order
    /// the batches were taken, calling `each` per item.
    fn pipeline<B, E>(
        &mut self,
        mut fill: impl FnMut(&mut B) -> bool,
        classify: impl Fn(&[Scheme], &mut B, &mut ClassifiedBatch<B, E>, &mut Scratch) + Sync,
        each: &mut dyn FnMut(Loaded<E>),
    ) where
        B: Default + Send + HasRows,
        E: Send,
    {
        let workers = self.threads.saturating_sub(1).clamp(1, MAX_LOAD_WORKERS);
        let schemes = self.schemes.clone();
        std::thread::scope(|scope| {
            let mut lanes = Vec::with_capacity(workers);
            for _ in 0..workers {
                let (to_worker, inbox) =
                    std::sync::mpsc::channel::<(B, Option<ClassifiedBatch<B, E>>)>();
                let (outbox, from_worker) = std::sync::mpsc::channel::<ClassifiedBatch<B, E>>();
                let (schemes, classify) = (&schemes, &classify);
                // A thread the system will not start is done without (below, on this one).
                let started = std::thread::Builder::new().spawn_scoped(scope, move || {
                    let mut scratch = Scratch::default();
                    for (mut batch, spare) in inbox {
                        let mut out = spare.unwrap_or_else(|| ClassifiedBatch {
                            items: Vec::new(),
                            text: String::new(),
                            input: B::default(),
                        });
                        out.items.clear();
                        out.text.clear();
                        classify(schemes, &mut batch, &mut out, &mut scratch);
                        out.input = batch;
                        if outbox.send(out).is_err() {
                            break;
                        }
                    }
                });
                if started.is_err() {
                    break;
                }
                lanes.push((to_worker, from_worker));
            }
            let workers = lanes.len();
            if workers == 0 {
                // No worker thread: every batch is classified and added on this one.
                let mut scratch = Scratch::default();
                let mut out = ClassifiedBatch {
                    items: Vec::new(),
                    text: String::new(),
                    input: B::default(),
                };
                loop {
                    let mut batch = std::mem::take(&mut out.input);
                    let more = fill(&mut batch);
                    out.items.clear();
                    out.text.clear();
                    classify(&schemes, &mut batch, &mut out, &mut scratch);
                    out.input = batch;
                    self.add_classified(&mut out, each);
                    if !more {
                        return;
                    }
                }
            }
            let (mut sent, mut done) = (0usize, 0usize);
            let mut spares: Vec<ClassifiedBatch<B, E>> = Vec::new();
            loop {
                let mut batch = spares
                    .last_mut()
                    .map(|s| std::mem::take(&mut s.input))
                    .unwrap_or_default();
                let more = fill(&mut batch);
                if !batch.is_empty() {
                    let Some((to_worker, _)) = lanes.get(sent % workers) else {
                        break;
                    };
                    if to_worker.send((batch, spares.pop())).is_err() {
                        break;
                    }
                    sent += 1;
                }
                // Two batches in flight per worker: one being classified, one queued.
                while sent - done > (if more { 2 * workers - 1 } else { 0 }) {
                    let Some(mut batch) = lanes
                        .get(done % workers)
                        .and_then(|(_, from_worker)| from_worker.recv().ok())
                    else {
                        sent = done;
                        break;
                    };
                    done += 1;
                    self.add_classified(&mut batch, each);
                    spares.push(batch);
                }
                if !more {
                    break;
                }
            }
            drop(lanes);
        });
    }

    /// Adds the invoices of a classified batch in order (emptying it), calling `each` per
    /// item. The code-table cells of [`CODES_AHEAD`] invoices are asked for before they
    /// are inserted.
    fn add_classified<B, E>(
        &mut self,
        batch: &mut ClassifiedBatch<B, E>,
        each: &mut dyn FnMut(Loaded<E>),
    ) {
        let text = std::mem::take(&mut batch.text);
        let mut rest = batch.items.drain(..);
        let mut k = 0usize;
        loop {
            if k % CODES_AHEAD == 0 {
                let ahead = rest.as_slice();
                self.read_codes_ahead(ahead.get(..CODES_AHEAD).unwrap_or(ahead));
            }
            let Some(item) = rest.next() else { break };
            each(item.map(|(line, c)| (line, self.insert_classified(c, &text))));
            k += 1;
        }
        drop(rest);
        batch.text = text;
    }

    /// Asks for the code-table cells where the codes of some classified invoices will be
    /// looked up and inserted ([`crate::hint::prefetch`]), all before the first insertion:
    /// the cache misses overlap, and
    /// [`Reconciler::insert_classified`] then finds its cells in cache (one at a time,
    /// each waited for, it spent about 12 % of the loading thread's time at 1 M invoices).
    fn read_codes_ahead<E>(&self, items: &[Result<(u64, Classified), E>]) {
        for (_, c) in items.iter().flatten() {
            if let Some(cell) = c
                .ready
                .as_ref()
                .and_then(|r| self.codes.first_cell(r.key_hash))
            {
                prefetch(cell);
            }
        }
    }

    /// Adds an invoice classified by [`classify_invoice`]; `text` holds the spans of `c`.
    fn insert_classified(&mut self, c: Classified, text: &str) -> Result<Added, Vec<Finding>> {
        let Classified {
            mut findings,
            due,
            ready,
        } = c;
        let Some(r) = ready else {
            return Err(findings);
        };
        let span = |s: Span| {
            text.get(s.start as usize..s.start as usize + s.len as usize)
                .unwrap_or("")
        };
        let (key, alt_key) = (span(r.key), Some(span(r.alt)).filter(|a| !a.is_empty()));
        let code = span(r.code);
        let hashed = [(key, r.key_hash)]
            .into_iter()
            .chain(alt_key.map(|a| (a, r.alt_hash)));
        for (k, hash) in hashed.clone() {
            if let Some(j) = self.find_key_hashed(hash, k.as_bytes()) {
                let other = self
                    .slots
                    .get(j as usize)
                    .map(|s| self.text_of(s.code))
                    .unwrap_or("");
                let detail = if other == code {
                    code.to_string()
                } else {
                    format!("{code} (= {other})")
                };
                findings.push(Finding::new(Code::ReconcileInvoiceDuplicate, "code").detail(detail));
                break;
            }
        }
        let kind = r.kind;
        if kind != RefKind::PaymentCode && key.len() < CODE_SEARCH_MIN {
            findings.push(
                Finding::new(Code::ReconcileCodeUnsearchable, "code")
                    .limit(CODE_SEARCH_MIN)
                    .detail(code),
            );
        }
        if has_error(&findings) {
            return Err(findings);
        }
        let idx = u32::try_from(self.slots.len())
            .ok()
            .filter(|i| *i < SATURATED);
        let mark = self.arena.len();
        let spans = (
            idx,
            self.store(code),
            self.store(key),
            self.store(alt_key.unwrap_or("")),
            self.store(span(r.payer)),
            self.store(span(r.beneficiary)),
        );
        // A name given (not blank) that holds nothing to match is reported, not silently
        // dropped.
        for (field, name) in r.unusable.into_iter().flatten() {
            findings.push(Finding::new(Code::ReconcileNameUnusable, field).detail(quote(&name)));
        }
        let (Some(idx), Some(code_s), Some(key_s), Some(alt_s), Some(payer_s), Some(ben_s)) = spans
        else {
            self.arena.truncate(mark);
            findings.push(Finding::new(Code::ReconcileCapacity, "code").limit(self.capacity));
            return Err(findings);
        };
        self.slots.push(Slot {
            code: code_s,
            key: key_s,
            alt_key: alt_s,
            payer: payer_s,
            beneficiary: ben_s,
            amount: r.amount,
            paid: 0,
            settled_line: 0,
            last_ref: 0,
            payments: 0,
            due,
            kind,
            name_entries: [NIL; 4],
        });
        for (k, hash) in hashed {
            if !k.is_empty() {
                self.codes.insert(hash, idx);
            }
        }
        if kind != RefKind::PaymentCode {
            for k in std::iter::once(key).chain(alt_key) {
                if k.len() >= CODE_SEARCH_MIN && !self.window_lens.contains(&k.len()) {
                    self.window_lens.push(k.len());
                    self.window_lens.sort_unstable();
                }
            }
        }
        for (f, g) in r.ends.into_iter().flatten() {
            self.families.insert(f);
            self.givens.insert(g);
        }
        if r.amount > 0 {
            self.index_keys(idx, r.keys);
        }
        Ok(Added {
            code: code.to_string(),
            kind,
            warnings: findings,
        })
    }

    /// The name-index keys of invoice `idx` for the outstanding amount `amount`, with the
    /// masks stored in their entries, by position: payer full, payer prefix, beneficiary
    /// full, beneficiary prefix (key 0: none).
    ///
    /// - full: (amount, family name, given name), for names of 2 or more tokens; the mask
    ///   summarizes the middle names;
    /// - prefix: (amount, family name, second name, first letter of the third), for names
    ///   of 3 or more tokens (a truncated run shows at least that much); the mask
    ///   summarizes the tokens from the third on.
    fn name_keys(&self, idx: u32, amount: u64) -> [(u64, u32); 4] {
        self.name_keys_and_ends(idx, amount).0
    }

    /// [`name_keys_of`] the names of invoice `idx`.
    #[allow(clippy::type_complexity)]
    fn name_keys_and_ends(
        &self,
        idx: u32,
        amount: u64,
    ) -> ([(u64, u32); 4], [Option<(u64, u64)>; 2]) {
        let Some(s) = self.slots.get(idx as usize) else {
            return ([(0u64, 0u32); 4], [None; 2]);
        };
        name_keys_of(self.text_of(s.payer), self.text_of(s.beneficiary), amount)
    }

    fn index_names(&mut self, idx: u32, outstanding: u64) {
        if outstanding == 0 {
            return;
        }
        let keys = self.name_keys(idx, outstanding);
        self.index_keys(idx, keys);
    }

    /// Files invoice `idx` under its name keys (see [`Reconciler::name_keys`]): gathered
    /// for the frozen index before the first line, in the dynamic index after.
    fn index_keys(&mut self, idx: u32, keys: [(u64, u32); 4]) {
        if !self.fed {
            for (pos, (k, mask)) in keys.into_iter().enumerate() {
                if k != 0 {
                    self.pending.push(Pending { key: k, idx, mask });
                    self.pending_pos.push(pos as u8);
                }
            }
            return;
        }
        let mut entries = [NIL; 4];
        for (e, (k, mask)) in entries.iter_mut().zip(keys) {
            if k != 0 {
                *e = self.names.insert(k, idx, mask);
            }
        }
        if let Some(s) = self.slots.get_mut(idx as usize) {
            s.name_entries = entries;
        }
    }

    /// Builds the name index from the invoices added so far (sorts their name keys into
    /// contiguous buckets, so that a scan reads one run of memory). [`Reconciler::feed`]
    /// calls it at the first line; call it yourself to keep that cost out of the first
    /// line. Invoices added later go to a dynamic index.
    pub fn prepare(&mut self) {
        self.freeze();
    }

    fn freeze(&mut self) {
        self.fed = true;
        let mut pending = std::mem::take(&mut self.pending);
        let positions = std::mem::take(&mut self.pending_pos);
        if pending.is_empty() {
            return;
        }
        if !self.frozen.slab.is_empty() {
            for (p, pos) in pending.into_iter().zip(positions) {
                let e = self.names.insert(p.key, p.idx, p.mask);
                if let Some(h) = self
                    .slots
                    .get_mut(p.idx as usize)
                    .and_then(|s| s.name_entries.get_mut(usize::from(pos)))
                {
                    *h = e;
                }
            }
            return;
        }
        let keys = sort_pending(&mut pending, self.threads);
        let groups = pending.chunk_by(|a, b| a.key == b.key);
        self.frozen.table.reserve(keys);
        self.frozen.slab.reserve(pending.len() + pending.len() / 2);
        for group in groups {
            let (Some(first), Ok(len)) = (group.first(), u32::try_from(group.len())) else {
                continue;
            };
            let Ok(start) = u32::try_from(self.frozen.slab.len()) else {
                break;
            };
            self.frozen.slab.push(SlabEntry { idx: len, mask: 0 });
            self.frozen.table.insert(first.key, start);
            self.frozen.slab.extend(group.iter().map(|p| SlabEntry {
                idx: p.idx,
                mask: p.mask,
            }));
        }
    }

    fn unindex_names(&mut self, idx: u32, outstanding: u64) {
        if outstanding == 0 {
            return;
        }
        let keys = self.name_keys(idx, outstanding);
        let Some(entries) = self
            .slots
            .get_mut(idx as usize)
            .map(|s| std::mem::replace(&mut s.name_entries, [NIL; 4]))
        else {
            return;
        };
        for (e, (k, _)) in entries.into_iter().zip(keys) {
            if e != NIL {
                self.names.remove_entry(k, e);
            } else if k != 0 {
                self.frozen.tombstone(k, idx);
            }
        }
    }

    /// Counts an outgoing line that a reader skipped.
    pub fn skip(&mut self, s: &Skipped) {
        self.skipped.0 += 1;
        self.skipped.1 = self.skipped.1.saturating_add(s.amount.vnd());
    }

    /// Adds the physical-line accounting of a statement that was read (its reader's
    /// [`StatementReader::input_lines`](super::StatementReader::input_lines) once the reader
    /// is done): it shows in [`Summary::input`].
    pub fn add_input_lines(&mut self, input: &super::InputLines) {
        self.input.add(input);
    }

    /// Counts a record that could not be read.
    pub fn reject(&mut self, _e: &RecordError) {
        self.rejected += 1;
    }

    /// Classifies one statement line and applies it to its invoice (see the module's
    /// status table).
    pub fn feed(&mut self, line: StatementLine) -> LineResult {
        if !self.fed || !self.pending.is_empty() {
            self.freeze();
        }
        let mut p = std::mem::take(&mut self.one);
        let names = !self.families.is_empty();
        prepare_line(&self.schemes, &mut self.cands, names, &line, &mut p);
        for f in p.found.iter_mut() {
            f.invoice = self.find_key_hashed(f.hash, f.code.as_bytes());
        }
        self.look_up_names(&line, &mut p);
        let result = self.classify(line, &mut p);
        p.text.trim(KEEP_BYTES);
        p.counter.trim(KEEP_BYTES);
        self.one = p;
        result
    }

    /// Feeds `lines` in order and hands each result to `each`: the same results as
    /// [`Reconciler::feed`] on every line in turn, faster on a large index.
    ///
    /// Lines are taken [`FEED_BATCH`] at a time. The codes of a whole batch are extracted and
    /// looked up first, in stages (code table cells, then invoice records, then their text)
    /// so that the memory reads of different lines overlap instead of waiting for one
    /// another; the lines are then classified and applied one by one. The lookups only
    /// read the code table and the invoices' codes and names, which feeding never changes,
    /// so doing them ahead gives the same answers.
    ///
    /// With [`Reconciler::set_threads`] at 2 or more and at least [`PIPE_CHUNK`] lines, the
    /// lines are read (envelope, codes, name tokens: what depends on the line alone) on a
    /// second thread, [`PIPE_CHUNK`] lines at a time, ahead of the calling thread, which
    /// pulls the lines from `lines`, looks them up, classifies them and calls `each`, in the
    /// statement's order.
    pub fn feed_many<I>(&mut self, lines: I, mut each: impl FnMut(LineResult))
    where
        I: IntoIterator<Item = StatementLine>,
    {
        if !self.fed || !self.pending.is_empty() {
            self.freeze();
        }
        let mut lines = lines.into_iter();
        if self.threads >= 2 {
            let first: Vec<StatementLine> = lines.by_ref().take(PIPE_CHUNK).collect();
            if first.len() < PIPE_CHUNK {
                self.feed_batches(first.into_iter(), &mut each);
            } else {
                self.feed_piped(first, &mut lines, &mut each);
            }
            return;
        }
        self.feed_batches(lines, &mut each);
    }

    /// Feeds a statement's records as a reader gives them, in order: each line as
    /// [`Reconciler::feed_many`] does (its result to `each`), each outgoing line counted as
    /// [`Reconciler::skip`] and each unreadable record as [`Reconciler::reject`] does, and
    /// handed to `other`. All the lines go to one `feed_many`, however the skipped and
    /// unreadable records fall among them, so that on two threads the second one never
    /// waits for a new call to begin.
    ///
    /// `stop` is asked before each record is taken: once it says `true` (say, the output
    /// failed), no more records are read. The records read until then are all fed or
    /// counted.
    pub fn feed_records<I>(
        &mut self,
        records: I,
        each: impl FnMut(LineResult),
        mut other: impl FnMut(Result<Skipped, RecordError>),
        stop: impl Fn() -> bool,
    ) where
        I: IntoIterator<Item = Result<super::StatementRecord, RecordError>>,
    {
        let (mut skipped, mut skipped_amount, mut rejected) = (0u64, 0u64, 0u64);
        let mut records = records.into_iter();
        let lines = std::iter::from_fn(|| loop {
            if stop() {
                return None;
            }
            match records.next()? {
                Ok(super::StatementRecord::Line(line)) => return Some(line),
                Ok(super::StatementRecord::Skipped(s)) => {
                    skipped += 1;
                    skipped_amount = skipped_amount.saturating_add(s.amount.vnd());
                    other(Ok(s));
                }
                Err(e) => {
                    rejected += 1;
                    other(Err(e));
                }
            }
        });
        self.feed_many(lines, each);
        self.skipped.0 += skipped;
        self.skipped.1 = self.skipped.1.saturating_add(skipped_amount);
        self.rejected += rejected;
    }

    /// [`Reconciler::feed_many`] on the calling thread alone.
    fn feed_batches(
        &mut self,
        mut lines: impl Iterator<Item = StatementLine>,
        each: &mut impl FnMut(LineResult),
    ) {
        let mut batch: Vec<StatementLine> = Vec::with_capacity(FEED_BATCH);
        let mut ahead = std::mem::take(&mut self.ahead);
        ahead.resize_with(FEED_BATCH, Prepared::default);
        let names = !self.families.is_empty();
        loop {
            batch.extend(lines.by_ref().take(FEED_BATCH));
            if batch.is_empty() {
                break;
            }
            // 1. Read every line: tokens, codes extracted and hashed.
            for (line, p) in batch.iter().zip(ahead.iter_mut()) {
                prepare_line(&self.schemes, &mut self.cands, names, line, p);
            }
            self.look_up_batch(&batch, &mut ahead);
            self.classify_batch(batch.drain(..), &mut ahead, each);
        }
        self.ahead = ahead;
    }

    /// Classifies the lines of a batch looked up into `ahead`, in order.
    fn classify_batch(
        &mut self,
        batch: impl Iterator<Item = StatementLine>,
        ahead: &mut [Prepared],
        each: &mut impl FnMut(LineResult),
    ) {
        for (line, p) in batch.zip(ahead.iter_mut()) {
            each(self.classify(line, p));
            // A huge line does not leave its buffers behind in every slot.
            p.text.trim(KEEP_BYTES);
            p.counter.trim(KEEP_BYTES);
        }
    }

    /// [`Reconciler::feed_many`] on two threads: a second thread reads chunks of
    /// [`PIPE_CHUNK`] lines ([`prepare_line`], which depends on the line and the schemes
    /// alone) while this one looks up and classifies the chunk read before. Chunks come
    /// back in the order they were sent (one channel each way, one reader), so the lines are
    /// classified in the statement's order. When the thread cannot be started, the lines
    /// are fed on this one.
    fn feed_piped(
        &mut self,
        first: Vec<StatementLine>,
        lines: &mut impl Iterator<Item = StatementLine>,
        each: &mut impl FnMut(LineResult),
    ) {
        use std::sync::mpsc::sync_channel;
        type Chunk = (Vec<StatementLine>, Vec<Prepared>);
        let schemes = self.schemes.clone();
        let names = !self.families.is_empty();
        std::thread::scope(|scope| {
            let (to_reader, work) = sync_channel::<Chunk>(PIPE_DEPTH);
            let (done, from_reader) = sync_channel::<Chunk>(PIPE_DEPTH);
            let reader = std::thread::Builder::new()
                .name("vietref-feed".into())
                .spawn_scoped(scope, move || {
                    let mut cands = Vec::new();
                    for (chunk, mut ahead) in work {
                        ahead.resize_with(chunk.len(), Prepared::default);
                        for (i, line) in chunk.iter().enumerate() {
                            // The lines were read, and the buffers last read, on other
                            // threads: the text and buffers of the line a few places on are
                            // asked for now (see `crate::hint`).
                            if let Some(b) = chunk
                                .get(i + PREPARE_AHEAD)
                                .and_then(|l| l.content.as_bytes().first())
                            {
                                prefetch(b);
                            }
                            if let Some(next) = ahead.get(i + PREPARE_AHEAD) {
                                next.prefetch_buffers();
                            }
                            if let Some(p) = ahead.get_mut(i) {
                                prepare_line(&schemes, &mut cands, names, line, p);
                            }
                        }
                        if done.send((chunk, ahead)).is_err() {
                            break;
                        }
                    }
                });
            let Ok(reader) = reader else {
                self.feed_batches(first.into_iter().chain(lines), each);
                return;
            };
            // Buffers that came back, for the next chunks.
            let mut spare: Vec<Chunk> = Vec::new();
            let mut in_flight = 0usize;
            let mut next = Some(first);
            loop {
                // Keep the reader PIPE_DEPTH chunks ahead.
                while in_flight < PIPE_DEPTH {
                    let (mut chunk, ahead) = spare.pop().unwrap_or_default();
                    match next.take() {
                        Some(first) => chunk = first,
                        None => chunk.extend(lines.by_ref().take(PIPE_CHUNK)),
                    }
                    if chunk.is_empty() {
                        break;
                    }
                    if to_reader.send((chunk, ahead)).is_err() {
                        // The reader stopped: it panicked (see below).
                        break;
                    }
                    in_flight += 1;
                }
                if in_flight == 0 {
                    break;
                }
                let Ok((mut chunk, mut ahead)) = from_reader.recv() else {
                    break;
                };
                in_flight -= 1;
                // Looked up and classified FEED_BATCH lines at a time, as on one thread:
                // what a batch's lookups read ahead is still in cache (and its pages in
                // the TLB) when its lines are classified. (Looking up the whole chunk
                // first left 512 lines between a read and its use.)
                let mut rest = chunk.drain(..);
                let mut at = 0;
                while !rest.as_slice().is_empty() {
                    let n = rest.as_slice().len().min(FEED_BATCH);
                    let (Some(batch), Some(prepared)) =
                        (rest.as_slice().get(..n), ahead.get_mut(at..at + n))
                    else {
                        // Fewer prepared slots than lines (the reading thread sizes them to
                        // the chunk, so this does not happen): the rest is read and
                        // classified on this thread rather than dropped.
                        self.feed_batches(rest.by_ref(), each);
                        break;
                    };
                    self.look_up_batch(batch, prepared);
                    self.classify_batch(rest.by_ref().take(n), prepared, each);
                    at += n;
                }
                drop(rest);
                spare.push((chunk, ahead));
            }
            drop(to_reader);
            if let Err(e) = reader.join() {
                // The reader panicked (a bug): the panic is passed on, as it would be on
                // one thread.
                std::panic::resume_unwind(e);
            }
        });
    }

    /// For a line without codes, when names are indexed: the name-index lookups of its
    /// content and counter-account name.
    fn look_up_names(&self, line: &StatementLine, p: &mut Prepared) {
        if !p.found.is_empty() || self.families.is_empty() {
            return;
        }
        self.make_name_lookups(line, p);
    }

    /// The name-index lookups of `p`'s content and counter-account name.
    fn make_name_lookups(&self, line: &StatementLine, p: &mut Prepared) {
        let amount = line.amount.vnd();
        // Letter cases and slashes tell where a name ends (names::TextTokens::is_whole_run).
        p.text.ensure_flags(&line.content);
        p.counter
            .ensure_flags(line.counter_name.as_deref().unwrap_or(""));
        let [content, counter] = &mut p.lookups;
        self.name_lookups(amount, &p.text, true, content);
        // The counter-account name is a name field given whole: it is not cut.
        self.name_lookups(amount, &p.counter, false, counter);
        p.looked_up = true;
    }

    /// Reads and resolves `lines` into `ahead` (one per line), in stages that each read
    /// memory for every line of the batch before the next stage needs it (see
    /// [`Reconciler::feed_many`]). The middle stages only ask for memory
    /// ([`crate::hint::prefetch`]): each reads what the stage before brought in and asks
    /// for what the next will read, so a batch's cache misses are in flight together.
    fn look_up_batch(&mut self, lines: &[StatementLine], ahead: &mut [Prepared]) {
        // 1. Every line was read (`prepare_line`) on another thread: tokens, codes extracted
        // and hashed. What classifying reads of the line and its tokens is asked for first.
        for (line, p) in lines.iter().zip(ahead.iter()) {
            if let Some(b) = line.content.as_bytes().first() {
                prefetch(b);
            }
            p.text.prefetch();
            p.counter.prefetch();
        }
        // 2. Their cells in the code table, all asked for before any is read.
        for f in ahead.iter().flat_map(|p| &p.found) {
            if let Some(cell) = self.codes.first_cell(f.hash) {
                prefetch(cell);
            }
        }
        // 3. The invoice record each cell points to (104 bytes, on two or three lines).
        for f in ahead.iter().flat_map(|p| &p.found) {
            if let Some(s) = self.first_slot(f.hash) {
                prefetch_all(s);
            }
        }
        // 4. Its text: the code, key and names are stored one after the other.
        for f in ahead.iter().flat_map(|p| &p.found) {
            if let Some(s) = self.first_slot(f.hash) {
                let bytes = self.arena.as_bytes();
                let end = (s.beneficiary.start + s.beneficiary.len).max(s.key.start + s.key.len);
                for at in [s.code.start, s.key.start, end.saturating_sub(1)] {
                    if let Some(b) = bytes.get(at as usize) {
                        prefetch(b);
                    }
                }
            }
        }
        // 5. Resolve, from the cache.
        for f in ahead.iter_mut().flat_map(|p| &mut p.found) {
            f.invoice = self.find_key_hashed(f.hash, f.code.as_bytes());
        }
        // Lines without a code will look for names: their lookups are read ahead too.
        if !self.families.is_empty() {
            let mut all = std::mem::take(&mut self.ahead_lookups);
            all.clear();
            for (line, p) in lines.iter().zip(ahead.iter_mut()) {
                self.look_up_names(line, p);
                if p.looked_up {
                    all.extend(p.lookups.iter().flatten());
                }
            }
            self.prefetch_name_lookups(&all);
            self.ahead_lookups = all;
        }
    }

    /// Classifies one line read into `p` (its extracted codes resolved), applies it and
    /// builds its result.
    fn classify(&mut self, line: StatementLine, p: &mut Prepared) -> LineResult {
        let found = &mut p.found;
        if !self.window_lens.is_empty() {
            self.window_search(&line.content, &p.env.free, found);
        }
        let mut ev = Evidence::default();
        // A code that a person would read differently (a hidden character inside it, or a
        // bidirectional control on the line) is not used: the line is not applied.
        hidden_chars(&line.content, found, &mut ev.hidden);
        if !ev.hidden.is_empty() {
            found.clear();
        }
        let amount = line.amount.vnd();
        let (mut known, mut unknown) = (
            std::mem::take(&mut self.known),
            std::mem::take(&mut self.unknown),
        );
        resolve(found, &mut known, &mut unknown);
        // The codes are moved into the evidence: `found` is not read after this.
        for f in found
            .iter_mut()
            .filter(|f| f.invoice.is_some_and(|i| known.contains(&i)) || unknown.contains(&f.code))
        {
            if ev.codes.iter().any(|c| c.code == f.code) {
                continue;
            }
            ev.codes.push(CodeEvidence {
                code: std::mem::take(&mut f.code),
                kind: f.kind,
                span: f.span,
                text: line
                    .content
                    .get(f.span.0..f.span.1)
                    .unwrap_or("")
                    .to_string(),
                known: f.invoice.is_some(),
            });
        }
        let mut invoice = None;
        let mut suggestion = None;
        let mut possible_typo = None;
        let status = match (known.as_slice(), unknown.as_slice()) {
            ([], []) if !ev.hidden.is_empty() => Status::Unmatched,
            ([], []) => {
                suggestion = self.unmatched(&line, p, &mut ev);
                possible_typo = self.possible_typo(&p.text, &mut ev);
                Status::Unmatched
            }
            ([idx], []) => {
                invoice = Some(self.code_of(*idx).to_string());
                self.apply(*idx, &line, p, &mut ev)
            }
            ([], [_]) => Status::UnknownCode,
            _ => Status::Ambiguous,
        };
        known.clear();
        unknown.clear();
        (self.known, self.unknown) = (known, unknown);
        if let Some(t) = self.per_status.get_mut(status.number() as usize) {
            t.0 += 1;
            t.1 = t.1.saturating_add(amount);
        }
        LineResult {
            line: line.line,
            status,
            invoice,
            suggestion,
            possible_typo,
            amount,
            reference: line.reference,
            date: line.date,
            content: line.content,
            counter_name: line.counter_name,
            account: line.account,
            gateway: line.gateway,
            counter_account: line.counter_account,
            evidence: ev,
        }
    }

    fn code_of(&self, idx: u32) -> &str {
        self.slots
            .get(idx as usize)
            .map(|s| self.text_of(s.code))
            .unwrap_or("")
    }

    /// Looks for the compacted codes of non-payment-code invoices in the compacted content.
    fn window_search(&mut self, content: &str, free: &[crate::memo::Span], found: &mut Vec<Found>) {
        let mut view = std::mem::take(&mut self.view);
        let mut pos = std::mem::take(&mut self.pos);
        view.clear();
        pos.clear();
        for (i, b) in content.bytes().enumerate() {
            if b.is_ascii_alphanumeric() {
                view.push(b.to_ascii_uppercase());
                pos.push(i as u32);
            }
        }
        let n = view.len();
        let boundary = |k: usize| -> bool {
            if k == 0 || k >= n {
                return true;
            }
            match (view.get(k - 1), view.get(k), pos.get(k - 1), pos.get(k)) {
                (Some(a), Some(b), Some(pa), Some(pb)) => {
                    *pb != *pa + 1 || a.is_ascii_digit() != b.is_ascii_digit()
                }
                _ => true,
            }
        };
        for k in 0..n {
            if !boundary(k) {
                continue;
            }
            for &len in &self.window_lens {
                let e = k + len;
                if e > n {
                    break;
                }
                if !boundary(e) {
                    continue;
                }
                let Some(w) = view.get(k..e) else { continue };
                let Some(idx) = self.find_key(w) else {
                    continue;
                };
                if found.iter().any(|f| f.invoice == Some(idx)) {
                    continue;
                }
                let (Some(&a), Some(&b)) = (pos.get(k), pos.get(e - 1)) else {
                    continue;
                };
                let span = (a as usize, b as usize + 1);
                if !free.iter().any(|f| f.0 <= span.0 && span.1 <= f.1) {
                    continue;
                }
                let Some(slot) = self.slots.get(idx as usize) else {
                    continue;
                };
                found.push(Found {
                    hash: key_hash(w),
                    code: self.text_of(slot.code).to_string(),
                    kind: slot.kind,
                    span,
                    invoice: Some(idx),
                });
            }
        }
        self.view = view;
        self.pos = pos;
    }

    /// Applies a payment to invoice `idx`.
    fn apply(&mut self, idx: u32, line: &StatementLine, p: &Prepared, ev: &mut Evidence) -> Status {
        let amount = line.amount.vnd();
        let ref_hash = line
            .reference
            .as_deref()
            .map(|r| key_hash(r.trim().as_bytes()) | 1);
        let Some(s) = self.slots.get_mut(idx as usize) else {
            return Status::Unmatched;
        };
        let (due, before) = (s.amount, s.paid);
        let after = before.saturating_add(amount);
        let settled_before = before >= due;
        let out_before = s.outstanding();
        let status = if settled_before {
            Status::Duplicate
        } else if after == due {
            Status::Paid
        } else if after < due {
            Status::Partial
        } else {
            Status::Overpaid
        };
        let same_reference = settled_before && ref_hash.is_some_and(|h| h == s.last_ref);
        let settled_by = s.settled_line;
        s.paid = after;
        s.payments = s.payments.saturating_add(1);
        if !settled_before && after >= due {
            s.settled_line = line.line;
        }
        if let Some(h) = ref_hash {
            s.last_ref = h;
        }
        let out_after = s.outstanding();
        let due_date = (s.due != 0)
            .then(|| Date::from_ymd(s.due / 10_000, s.due / 100 % 100, s.due % 100))
            .flatten();
        // A partial payment moves the invoice's name keys to its new outstanding amount. A
        // settled invoice's entries stay until a scan meets them (it unlinks them then):
        // most lines settle an invoice, and this keeps them cheap.
        if out_before != out_after && out_after > 0 {
            self.unindex_names(idx, out_before);
            self.index_names(idx, out_after);
        }
        ev.amount_due = Some(due);
        ev.paid_before = Some(before);
        ev.paid_after = Some(after);
        ev.outstanding = Some(out_after);
        ev.excess = (after > due).then(|| after - due);
        if settled_before {
            ev.settled_by_line = Some(settled_by);
            ev.same_reference = same_reference;
        }
        let late = match (due_date, line.date.as_deref()) {
            (Some(d), Some(written)) => self.paid_on(written).map(|paid_on| paid_on > d),
            _ => None,
        };
        ev.due = due_date;
        ev.late = late;
        self.line_names(idx, p, ev);
        status
    }

    /// [`Date::parse_lenient`] of a line's date, remembered for the next line.
    fn paid_on(&mut self, written: &str) -> Option<Date> {
        let (last, date) = &mut self.last_date;
        if last != written {
            last.clear();
            last.push_str(written);
            *date = Date::parse_lenient(written);
        }
        *date
    }

    /// The names of invoice `idx` that the line carries (evidence next to a code).
    fn line_names(&self, idx: u32, p: &Prepared, ev: &mut Evidence) {
        let Some(s) = self.slots.get(idx as usize) else {
            return;
        };
        let (payer, ben) = (s.payer, s.beneficiary);
        if payer.len == 0 && ben.len == 0 {
            return;
        }
        let (text, counter) = (&p.text, &p.counter);
        for (role, span) in [(NameRole::Beneficiary, ben), (NameRole::Payer, payer)] {
            let name_text = self.text_of(span);
            let name = Toks::new(name_text);
            let name = name.as_slice();
            let Some(first) = name.first() else { continue };
            if name.len() < 2 {
                continue;
            }
            'sources: for (toks, source) in [
                (text, NameSource::Content),
                (counter, NameSource::CounterName),
            ] {
                for i in 0..toks.len() {
                    if !tok_eq(toks.get(i), first) {
                        continue;
                    }
                    let end = toks.run_end(i);
                    for j in (i + 1..end).rev() {
                        if toks
                            .run(i, j + 1)
                            .is_some_and(|r| full_match(name, r.as_slice()))
                        {
                            ev.names.push(NameEvidence {
                                invoice: None,
                                role,
                                name: name_text.to_string(),
                                observed: toks.text(i, j + 1),
                                source,
                                truncated: false,
                            });
                            break 'sources;
                        }
                    }
                    if toks
                        .run(i, end)
                        .is_some_and(|r| truncated_match(name, r.as_slice()))
                    {
                        ev.names.push(NameEvidence {
                            invoice: None,
                            role,
                            name: name_text.to_string(),
                            observed: toks.text(i, end),
                            source,
                            truncated: true,
                        });
                        break 'sources;
                    }
                }
            }
        }
    }

    /// An unmatched line: looks for a suggestion (the names found and how many invoices
    /// they fit go to the evidence).
    fn unmatched(
        &mut self,
        line: &StatementLine,
        p: &mut Prepared,
        ev: &mut Evidence,
    ) -> Option<String> {
        if self.families.is_empty() {
            return None;
        }
        if !p.looked_up {
            // Not looked up ahead (a line is unmatched only when it has no code, so this does
            // not happen today): looked up now rather than missed.
            self.make_name_lookups(line, p);
        }
        let amount = line.amount.vnd();
        let mut hits: Vec<Hit> = Vec::new();
        let [content, counter] = &p.lookups;
        self.name_hits(amount, &p.text, content, NameSource::Content, &mut hits);
        self.name_hits(
            amount,
            &p.counter,
            counter,
            NameSource::CounterName,
            &mut hits,
        );
        const SHOWN: usize = 5;
        for h in hits.iter().take(SHOWN * 2) {
            let Some(s) = self.slots.get(h.idx as usize) else {
                continue;
            };
            let span = if h.role == NameRole::Payer {
                s.payer
            } else {
                s.beneficiary
            };
            ev.names.push(NameEvidence {
                invoice: Some(self.code_of(h.idx).to_string()),
                role: h.role,
                name: self.text_of(span).to_string(),
                observed: h.observed.clone(),
                source: h.source,
                truncated: h.truncated,
            });
        }
        let count = distinct(&hits);
        ev.name_candidates = Some(count as u32);
        match (count, hits.first()) {
            (1, Some(h)) => Some(self.code_of(h.idx).to_string()),
            _ => None,
        }
    }

    /// A possible typo (see [`TypoEvidence`]): in the tokens `toks` of an unmatched line's
    /// content, a code of one of the schemes (its prefix starting a token, then digits over
    /// whole tokens, exactly the code's length) whose check digits fail, and the open
    /// invoices whose code is one digit changed or two adjacent digits swapped away from it.
    /// Exactly one such invoice is returned; the evidence names the typed code and says
    /// how many there are (stopping at 2).
    fn possible_typo(&self, toks: &TextTokens, ev: &mut Evidence) -> Option<String> {
        if self.schemes.is_empty() || self.slots.is_empty() {
            return None;
        }
        let mut found: Vec<u32> = Vec::new();
        let mut typed_first: Option<String> = None;
        let mut cand: Vec<u8> = Vec::with_capacity(32);
        for i in 0..toks.len() {
            let t = toks.get(i);
            for s in &self.schemes {
                let prefix = s.prefix_bytes();
                if !t.starts_with(prefix) {
                    continue;
                }
                // The prefix, then digits over whole tokens up to the code's length.
                cand.clear();
                cand.extend_from_slice(t);
                let mut j = i + 1;
                while cand.len() < s.code_len() && j < toks.len() {
                    cand.extend_from_slice(toks.get(j));
                    j += 1;
                }
                let digits = cand.get(prefix.len()..).unwrap_or(&[]);
                if cand.len() != s.code_len()
                    || digits.is_empty()
                    || !digits.iter().all(u8::is_ascii_digit)
                {
                    continue;
                }
                let Ok(typed) = std::str::from_utf8(&cand) else {
                    continue;
                };
                if s.validate(typed).is_ok() {
                    continue;
                }
                let before = found.len();
                self.one_edit_away(&cand, prefix.len(), &mut found);
                if found.len() > before && typed_first.is_none() {
                    typed_first = Some(typed.to_string());
                }
            }
        }
        let typed = typed_first?;
        found.sort_unstable();
        found.dedup();
        let candidates = found.len().min(2) as u32;
        let invoice = match found.as_slice() {
            [one] => Some(self.code_of(*one).to_string()),
            _ => None,
        };
        ev.typo = Some(TypoEvidence {
            typed,
            invoice: invoice.clone(),
            candidates,
        });
        invoice
    }

    /// The open invoices (outstanding amount above 0) whose code key is `code` with one
    /// digit after `from` changed or two adjacent digits swapped, pushed to `out`.
    fn one_edit_away(&self, code: &[u8], from: usize, out: &mut Vec<u32>) {
        let mut v = code.to_vec();
        let look = |v: &[u8], out: &mut Vec<u32>| {
            if let Some(idx) = self.find_key(v) {
                let open = self
                    .slots
                    .get(idx as usize)
                    .is_some_and(|s| s.outstanding() > 0);
                if open && !out.contains(&idx) {
                    out.push(idx);
                }
            }
        };
        for p in from..code.len() {
            let Some(&orig) = code.get(p) else { continue };
            for d in b'0'..=b'9' {
                if d == orig {
                    continue;
                }
                if let Some(x) = v.get_mut(p) {
                    *x = d;
                }
                look(&v, out);
            }
            if let Some(x) = v.get_mut(p) {
                *x = orig;
            }
            if p + 1 < code.len() && code.get(p) != code.get(p + 1) {
                v.swap(p, p + 1);
                look(&v, out);
                v.swap(p, p + 1);
            }
        }
    }

    /// The name-index lookups a line's tokens ask for, in the order they are made: for
    /// every token that is a known family name, (amount, family, given name) for each later
    /// token of its run that is a known given name, then (amount, family, second name,
    /// initial of the third) when the run has three tokens or more.
    ///
    /// Only runs that are a whole name ([`TextTokens::is_whole_run`]) are looked up; a run
    /// cut short (`cut`: the content, where banks cut memos) only when the text ends with
    /// it or a stop word follows it.
    fn name_lookups(&self, amount: u64, toks: &TextTokens, cut: bool, out: &mut Vec<Lookup>) {
        out.clear();
        for i in 0..toks.len() {
            let ti = toks.get(i);
            if !is_word(ti) {
                continue;
            }
            let hi = tok_hash(ti);
            if !self.families.contains_key(&hi) {
                continue;
            }
            let end = toks.run_end(i);
            for j in i + 1..end.min(i + MAX_TOKENS) {
                let hj = tok_hash(toks.get(j));
                if !self.givens.contains_key(&hj) || !toks.is_whole_run(i, j + 1) {
                    continue;
                }
                let Some(run) = toks.run(i, j + 1) else {
                    continue;
                };
                let run = run.as_slice();
                out.push(Lookup {
                    key: combine(&[KEY_FULL, amount, hi, hj]),
                    mask: token_mask(run.get(1..run.len() - 1).unwrap_or(&[])),
                    start: i as u32,
                    end: (j + 1) as u32,
                    truncated: false,
                });
            }
            let at_cut = end == toks.len() || toks.is_stop_at(end);
            if cut && at_cut && end >= i + 3 && toks.is_whole_run(i, end) {
                if let Some(run) = toks.run(i, end) {
                    let run = run.as_slice();
                    out.push(Lookup {
                        key: prefix_key(amount, hi, toks.get(i + 1), toks.get(i + 2)),
                        // The last token may be cut: only the whole ones after the second
                        // count.
                        mask: token_mask(run.get(2..run.len() - 1).unwrap_or(&[])),
                        start: i as u32,
                        end: end as u32,
                        truncated: true,
                    });
                }
            }
        }
    }

    /// Open invoices with outstanding amount `amount` whose payer or beneficiary name the
    /// tokens `toks` hold. Stops at two distinct invoices (no suggestion is possible then).
    fn name_hits(
        &mut self,
        amount: u64,
        toks: &TextTokens,
        lookups: &[Lookup],
        source: NameSource,
        hits: &mut Vec<Hit>,
    ) {
        for l in lookups {
            // Once two invoices are found, a scan changes nothing: stop.
            if distinct(hits) >= 2 {
                break;
            }
            let (i, end) = (l.start as usize, l.end as usize);
            if let Some(run) = toks.run(i, end) {
                let observed = || toks.text(i, end);
                self.scan(
                    l.key,
                    amount,
                    run.as_slice(),
                    l.mask,
                    l.truncated,
                    source,
                    &observed,
                    hits,
                );
            }
        }
    }

    /// Asks for, for a batch of lines, what [`Reconciler::scan`] will read first for the
    /// name-index lookups of `lookups` ([`crate::hint::prefetch`]): the code-table cell,
    /// the bucket, and the records of the first invoices whose mask fits, then their names.
    fn prefetch_name_lookups(&self, lookups: &[Lookup]) {
        for l in lookups {
            if let Some(cell) = self.frozen.table.first_cell(l.key) {
                prefetch(cell);
            }
        }
        for l in lookups {
            if let Some(head) = self
                .frozen
                .table
                .get(l.key)
                .next()
                .and_then(|start| self.frozen.slab.get(start as usize))
            {
                prefetch(head);
            }
        }
        for s in lookups.iter().flat_map(|l| self.first_fitting(l)) {
            prefetch_all(s);
        }
        // The names [`Reconciler::verify`] compares (payer and beneficiary, one after the
        // other in the arena).
        let bytes = self.arena.as_bytes();
        for s in lookups.iter().flat_map(|l| self.first_fitting(l)) {
            for span in [s.payer, s.beneficiary] {
                if let Some(b) = bytes.get(span.start as usize) {
                    prefetch(b);
                }
            }
        }
    }

    /// The records of the first [`PREFETCH_MAX`] invoices under `l`'s key whose mask fits
    /// (more would crowd the cache).
    fn first_fitting<'a>(&'a self, l: &'a Lookup) -> impl Iterator<Item = &'a Slot> + 'a {
        let bucket = self
            .frozen
            .table
            .get(l.key)
            .next()
            .map(|start| {
                let s = start as usize;
                let len = self.frozen.slab.get(s).map_or(0, |h| h.idx as usize);
                self.frozen.slab.get(s + 1..=s + len).unwrap_or(&[])
            })
            .unwrap_or(&[]);
        bucket
            .iter()
            .filter(|e| e.mask & l.mask == l.mask)
            .take(PREFETCH_MAX)
            .filter_map(|e| self.slots.get(e.idx as usize))
    }

    /// Verifies the invoices under one name key. Entries whose mask lacks a token of the
    /// run are skipped without looking at the invoice; entries of settled invoices are
    /// unlinked. At most [`SCAN_MAX`] invoices are verified and [`STEP_MAX`] entries
    /// walked per key; a longer chain counts as several invoices (no suggestion).
    #[allow(clippy::too_many_arguments)]
    fn scan(
        &mut self,
        key: u64,
        amount: u64,
        run: &[&[u8]],
        mask: u32,
        truncated: bool,
        source: NameSource,
        observed: &dyn Fn() -> String,
        hits: &mut Vec<Hit>,
    ) {
        let (mut steps, mut checked) = (0usize, 0usize);
        // The frozen buckets under this key (usually one).
        for start in self.frozen.table.get(key) {
            let len = self
                .frozen
                .slab
                .get(start as usize)
                .map_or(0, |h| h.idx as usize);
            for p in start as usize + 1..=start as usize + len {
                if distinct(hits) >= 2 {
                    return;
                }
                let Some(&entry) = self.frozen.slab.get(p) else {
                    break;
                };
                if entry.idx == DEAD {
                    continue;
                }
                steps += 1;
                if steps > STEP_MAX || checked >= SCAN_MAX {
                    hits.push(Hit {
                        idx: SATURATED,
                        role: NameRole::Payer,
                        observed: observed(),
                        source,
                        truncated,
                    });
                    return;
                }
                if entry.mask & mask != mask {
                    continue;
                }
                let outstanding = self
                    .slots
                    .get(entry.idx as usize)
                    .map_or(0, Slot::outstanding);
                if outstanding == 0 {
                    // Settled since the index was built: tombstoned here, once.
                    if let Some(x) = self.frozen.slab.get_mut(p) {
                        x.idx = DEAD;
                    }
                } else if outstanding == amount {
                    checked += 1;
                    self.verify(entry.idx, run, truncated, source, observed, hits);
                }
            }
        }
        // The dynamic chain.
        let mut e = self.names.head(key);
        while e != NIL {
            if distinct(hits) >= 2 {
                return;
            }
            let Some((entry, next)) = self.names.entry(e) else {
                return;
            };
            steps += 1;
            if steps > STEP_MAX || checked >= SCAN_MAX {
                hits.push(Hit {
                    idx: SATURATED,
                    role: NameRole::Payer,
                    observed: observed(),
                    source,
                    truncated,
                });
                return;
            }
            if entry.mask & mask == mask {
                let idx = entry.value;
                let outstanding = self.slots.get(idx as usize).map_or(0, Slot::outstanding);
                if outstanding == 0 {
                    self.names.remove_entry(key, e);
                    if let Some(s) = self.slots.get_mut(idx as usize) {
                        for h in s.name_entries.iter_mut().filter(|h| **h == e) {
                            *h = NIL;
                        }
                    }
                } else if outstanding == amount {
                    checked += 1;
                    self.verify(idx, run, truncated, source, observed, hits);
                }
            }
            e = next;
        }
    }

    fn verify(
        &self,
        idx: u32,
        run: &[&[u8]],
        truncated: bool,
        source: NameSource,
        observed: &dyn Fn() -> String,
        hits: &mut Vec<Hit>,
    ) {
        let Some(s) = self.slots.get(idx as usize) else {
            return;
        };
        for (role, span) in [
            (NameRole::Payer, s.payer),
            (NameRole::Beneficiary, s.beneficiary),
        ] {
            let name = Toks::new(self.text_of(span));
            let ok = if truncated {
                cut_match(name.as_slice(), run)
            } else {
                whole_match(name.as_slice(), run)
            };
            if ok && !hits.iter().any(|h| h.idx == idx && h.role == role) {
                hits.push(Hit {
                    idx,
                    role,
                    observed: observed(),
                    source,
                    truncated,
                });
            }
        }
    }

    /// Counts and totals so far.
    pub fn summary(&self) -> Summary {
        let statuses = Status::ALL
            .iter()
            .zip(self.per_status.iter())
            .map(|(s, (n, a))| StatusTotal {
                status: *s,
                lines: *n,
                amount: *a,
            })
            .collect::<Vec<_>>();
        let mut sum = Summary {
            lines: statuses.iter().map(|t| t.lines).sum(),
            amount: statuses
                .iter()
                .fold(0u64, |a, t| a.saturating_add(t.amount)),
            statuses,
            skipped: self.skipped.0,
            skipped_amount: self.skipped.1,
            rejected: self.rejected,
            input: self.input,
            invoices: self.slots.len() as u64,
            invoices_settled: 0,
            invoices_overpaid: 0,
            invoices_partial: 0,
            invoices_unpaid: 0,
            outstanding: 0,
        };
        for s in &self.slots {
            match invoice_status(s) {
                InvoiceStatus::Unpaid => sum.invoices_unpaid += 1,
                InvoiceStatus::Partial => sum.invoices_partial += 1,
                InvoiceStatus::Settled => sum.invoices_settled += 1,
                InvoiceStatus::Overpaid => sum.invoices_overpaid += 1,
            }
            sum.outstanding = sum.outstanding.saturating_add(s.outstanding());
        }
        sum
    }

    fn state(&self, s: &Slot) -> InvoiceState {
        InvoiceState {
            code: self.text_of(s.code).to_string(),
            kind: s.kind,
            amount_due: s.amount,
            paid: s.paid,
            payments: s.payments,
            outstanding: s.outstanding(),
            status: invoice_status(s),
        }
    }

    /// The state of the invoice with code `code` (any written form of it).
    pub fn invoice(&self, code: &str) -> Option<InvoiceState> {
        let key = compact_key(code);
        let idx = self.find_key(key.as_bytes())?;
        self.slots.get(idx as usize).map(|s| self.state(s))
    }

    /// Every invoice's state, in the order they were added.
    pub fn invoices(&self) -> impl Iterator<Item = InvoiceState> + '_ {
        self.slots.iter().map(|s| self.state(s))
    }
}

fn invoice_status(s: &Slot) -> InvoiceStatus {
    if s.paid == 0 {
        InvoiceStatus::Unpaid
    } else if s.paid < s.amount {
        InvoiceStatus::Partial
    } else if s.paid == s.amount {
        InvoiceStatus::Settled
    } else {
        InvoiceStatus::Overpaid
    }
}

/// Groups overlapping codes (one reference read with several possible ends, or two
/// schemes verifying at one place): a group that names invoices counts as those invoices;
/// a group that names none counts as its first code. Returns the distinct invoices and the
/// distinct unknown codes in `known` and `unknown` (both emptied first; buffers the
/// reconciler reuses).
fn resolve(found: &[Found], known: &mut Vec<u32>, unknown: &mut Vec<String>) {
    known.clear();
    unknown.clear();
    // The usual cases, without allocating a grouping.
    match found {
        [] => return,
        [f] => {
            match f.invoice {
                Some(i) => known.push(i),
                None => unknown.push(f.code.clone()),
            }
            return;
        }
        _ => {}
    }
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found.get(i).map_or((0, 0), |f| f.span));
    let mut group: Vec<&Found> = Vec::new();
    let mut group_end = 0usize;
    let flush = |group: &mut Vec<&Found>, known: &mut Vec<u32>, unknown: &mut Vec<String>| {
        let mut any_known = false;
        for f in group.iter() {
            if let Some(i) = f.invoice {
                any_known = true;
                if !known.contains(&i) {
                    known.push(i);
                }
            }
        }
        if !any_known {
            if let Some(f) = group.first() {
                if !unknown.contains(&f.code) {
                    unknown.push(f.code.clone());
                }
            }
        }
        group.clear();
    };
    for f in order.iter().filter_map(|&i| found.get(i)) {
        if !group.is_empty() && f.span.0 >= group_end {
            flush(&mut group, known, unknown);
        }
        if group.is_empty() {
            group_end = f.span.1;
        } else {
            group_end = group_end.max(f.span.1);
        }
        group.push(f);
    }
    flush(&mut group, known, unknown);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Amount;

    fn inv(code: &str, amount: u64, payer: &str, ben: &str) -> Invoice {
        Invoice {
            code: code.into(),
            amount: Amount::new(amount).unwrap(),
            payer: Some(payer.into()),
            beneficiary: Some(ben.into()),
            due: None,
        }
    }

    /// Live name entries: frozen (not dead) and dynamic.
    fn live(r: &Reconciler) -> usize {
        let mut n = 0;
        let mut p = 0;
        while let Some(h) = r.frozen.slab.get(p) {
            let len = h.idx as usize;
            n += r.frozen.slab[p + 1..=p + len]
                .iter()
                .filter(|e| e.idx != DEAD)
                .count();
            p += len + 1;
        }
        n + r.names.len()
    }

    #[test]
    fn huge_lines_do_not_leave_their_buffers_in_the_batch() {
        let mut r = Reconciler::new(&["HP:6".parse().unwrap()]);
        r.add_invoice(inv(
            "HP24010172",
            1_250_000,
            "Nguyễn Văn An",
            "Nguyễn Thị Bình",
        ))
        .unwrap();
        // Over KEEP_BYTES of text; an amount no invoice owes, so that the names look up
        // nothing.
        let huge = "NGUYEN VAN AN ".repeat(5_000);
        let lines = (0..FEED_BATCH as u64).map(|n| {
            let mut l = StatementLine::new(n + 2, Amount::new(7).unwrap(), huge.clone());
            l.counter_name = Some(huge.clone());
            l
        });
        let mut statuses = Vec::new();
        r.feed_many(lines, |x| statuses.push(x.status));
        assert_eq!(statuses.len(), FEED_BATCH);
        assert!(r
            .ahead
            .iter()
            .all(|p| p.text.len() == 0 && p.counter.len() == 0));
        r.feed(StatementLine::new(99, Amount::new(5).unwrap(), huge));
        assert_eq!((r.one.text.len(), r.one.counter.len()), (0, 0));
    }

    /// Regression (junk corpus): a payer given as 1 MB of name tokens was kept whole and
    /// re-split at every name comparison, so a line naming it took minutes. Only the tokens
    /// matching reads are kept now.
    #[test]
    fn a_huge_name_is_stored_as_the_tokens_matching_reads() {
        let mut r = Reconciler::new(&["HP:6".parse().unwrap()]);
        let huge = "Nguyễn Văn ".repeat(50_000) + "An";
        let added = r
            .add_invoice(inv("HP24010172", 1000, &huge, "Nguyễn Thị Bình"))
            .unwrap();
        assert!(added.warnings.is_empty());
        assert!(r.arena.len() < 200, "{} bytes kept", r.arena.len());
        let s = &r.slots[0];
        assert_eq!(
            r.text_of(s.payer),
            "NGUYEN VAN NGUYEN VAN NGUYEN VAN NGUYEN AN"
        );
        let x = r.feed(StatementLine::new(
            1,
            Amount::new(1000).unwrap(),
            "Nguyễn Văn ".repeat(2000),
        ));
        assert_eq!(x.status, Status::Unmatched);
    }

    #[test]
    fn name_index_follows_payments() {
        let mut r = Reconciler::new(&["HP:6".parse().unwrap()]);
        r.add_invoice(inv("HP24010172", 1000, "Nguyễn Văn An", "Nguyễn Thị Bình"))
            .unwrap();
        r.add_invoice(inv("HP24010269", 1000, "Trần Hùng", "Trần Minh Khoa"))
            .unwrap();
        // 2 + 2 keys, then 1 (two-token payer: no prefix key) + 2, gathered until the
        // first line freezes them.
        assert_eq!((r.pending.len(), live(&r)), (7, 0));
        r.feed(StatementLine::new(
            1,
            Amount::new(1000).unwrap(),
            "HP24010172",
        ));
        assert_eq!(
            (r.pending.len(), live(&r)),
            (0, 7),
            "a settled invoice's entries stay until a scan meets them"
        );
        r.feed(StatementLine::new(
            2,
            Amount::new(400).unwrap(),
            "HP24010269",
        ));
        assert_eq!(
            (live(&r), r.names.len()),
            (7, 3),
            "a partial payment moves the keys to the dynamic index"
        );
        let keys = r.name_keys(1, 600);
        assert!(r.names.get(keys[0].0).any(|i| i == 1));
        // A scan under the settled invoice's keys marks its entries dead; nothing suggested.
        let x = r.feed(StatementLine::new(
            3,
            Amount::new(1000).unwrap(),
            "NGUYEN VAN AN",
        ));
        assert_eq!(x.suggestion, None);
        assert_eq!(live(&r), 5, "its full and prefix keys were both met");
        // The partly paid invoice is found under its new amount, not the old one.
        let x = r.feed(StatementLine::new(
            4,
            Amount::new(1000).unwrap(),
            "HS TRAN MINH KHOA",
        ));
        assert_eq!(x.suggestion, None);
        let x = r.feed(StatementLine::new(
            5,
            Amount::new(600).unwrap(),
            "HS TRAN MINH KHOA",
        ));
        assert_eq!(x.suggestion.as_deref(), Some("HP24010269"));
        // Paying the rest: its dynamic entries stay until met.
        r.feed(StatementLine::new(
            6,
            Amount::new(600).unwrap(),
            "HP24010269",
        ));
        let x = r.feed(StatementLine::new(
            7,
            Amount::new(600).unwrap(),
            "HS TRAN MINH KHOA",
        ));
        assert_eq!(x.suggestion, None);
        assert_eq!(
            r.names.len(),
            1,
            "the met entries (full and prefix of the beneficiary) were unlinked"
        );
        // An invoice added after the first line goes to the dynamic index.
        r.add_invoice(inv("HP24010366", 700, "Lê Thị Thuỷ", "Phạm Gia Huy"))
            .unwrap();
        let x = r.feed(StatementLine::new(
            8,
            Amount::new(700).unwrap(),
            "cho chau PHAM GIA HUY",
        ));
        assert_eq!(x.suggestion.as_deref(), Some("HP24010366"));
    }

    /// The keys built from tokens hashed once are those of the definitions: (amount,
    /// family, given) with the middles' mask, (amount, family, second, third's initial)
    /// with the mask of the tokens from the third on.
    #[test]
    fn name_keys_follow_their_definition() {
        for name in [
            "NGUYEN VAN AN",
            "TRAN THI YEN NHI",
            "LE AN",
            "DO",
            "PHAM GIA BAO NGOC ANH",
        ] {
            let (keys, ends) = name_keys_of(name, "", 750_000);
            let toks = Toks::new(name);
            let t = toks.as_slice();
            let (first, last) = (t[0], t[t.len() - 1]);
            assert_eq!(ends[0], Some((tok_hash(first), tok_hash(last))), "{name}");
            let full = (t.len() >= 2).then(|| {
                (
                    combine(&[KEY_FULL, 750_000, tok_hash(first), tok_hash(last)]),
                    token_mask(&t[1..t.len() - 1]),
                )
            });
            assert_eq!(keys[0], full.unwrap_or((0, 0)), "{name}");
            let prefix = (t.len() >= 3).then(|| {
                (
                    prefix_key(750_000, tok_hash(first), t[1], t[2]),
                    token_mask(&t[2..]),
                )
            });
            assert_eq!(keys[1], prefix.unwrap_or((0, 0)), "{name}");
            assert_eq!((keys[2], keys[3], ends[1]), ((0, 0), (0, 0), None));
        }
    }

    #[test]
    fn masks_skip_other_middle_names() {
        let mut r = Reconciler::new(&["HP:6".parse().unwrap()]);
        r.add_invoice(inv("HP24010172", 1000, "Lê Văn Tám", "Nguyễn Thị Minh An"))
            .unwrap();
        r.add_invoice(inv("HP24010269", 1000, "Lê Văn Chín", "Nguyễn Văn An"))
            .unwrap();
        let x = r.feed(StatementLine::new(
            1,
            Amount::new(1000).unwrap(),
            "cho chau NGUYEN THI MINH AN",
        ));
        assert_eq!(x.suggestion.as_deref(), Some("HP24010172"));
        let x = r.feed(StatementLine::new(
            2,
            Amount::new(1000).unwrap(),
            "cho chau NGUYEN VAN AN",
        ));
        assert_eq!(x.suggestion.as_deref(), Some("HP24010269"));
        // Middle names missing: the whole name is needed for a suggestion.
        let x = r.feed(StatementLine::new(
            3,
            Amount::new(1000).unwrap(),
            "cho chau NGUYEN AN",
        ));
        assert_eq!((x.suggestion, x.evidence.name_candidates), (None, Some(0)));
    }
}

#[cfg(test)]
mod loading_fast_paths {
    use super::*;
    use proptest::prelude::*;

    /// The name folding of the previous build, kept as the definition the one-pass
    /// reading is held to: fold, keep the text only if a token is a word, cut a name of
    /// more than [`MAX_TOKENS`] tokens to the tokens [`Toks`] reads; keys read back from
    /// the kept text.
    fn fold_name_reference(name: Option<&str>, text: &mut String) -> bool {
        let at = text.len();
        let mut buf = Vec::new();
        crate::text::fold_append(name.unwrap_or("").as_bytes(), &mut buf);
        text.push_str(&String::from_utf8_lossy(&buf));
        let folded = text.get(at..).unwrap_or("");
        let usable = folded.split(' ').any(|t| is_word(t.as_bytes()));
        if !usable {
            text.truncate(at);
        } else if folded.bytes().filter(|b| *b == b' ').count() >= MAX_TOKENS {
            let kept: Vec<u8> = Toks::new(folded).as_slice().join(&b' ');
            text.truncate(at);
            text.push_str(std::str::from_utf8(&kept).unwrap_or(""));
        }
        usable
    }

    fn names() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Za-zĐđƯưÝýỳYyiIÂâễếọạ0-9 .,'\\-\u{A0}\u{3000}\t]{0,40}",
            "(([Nn]guyễn|Trần|Lê|Y|THỊ|Văn|An|Thuỷ|Vy|[0-9]{1,3}|K'Bang|-) ){0,12}",
            any::<String>(),
        ]
    }

    proptest! {
        /// Folding and keying a name in one pass gives the text and the keys of folding it,
        /// then reading its tokens back from the text.
        #[test]
        fn one_pass_names_are_the_names_read_back(
            payer in proptest::option::of(names()),
            ben in proptest::option::of(names()),
            amount in prop_oneof![Just(0u64), 1u64..5_000_000],
        ) {
            let (mut want, mut got) = (String::from("X"), String::from("X"));
            let mut buf = Vec::new();
            let mut spans = Vec::new();
            let mut halves = Vec::new();
            for name in [payer.as_deref(), ben.as_deref()] {
                let at = want.len();
                let usable = fold_name_reference(name, &mut want);
                spans.push(at..want.len());
                let half = fold_name_keyed(name, amount, &mut buf, &mut got);
                prop_assert_eq!(half.is_some(), usable);
                halves.push(half);
            }
            prop_assert_eq!(&got, &want);
            let (keys, ends) = name_keys_of(&want[spans[0].clone()], &want[spans[1].clone()], amount);
            for (i, half) in halves.into_iter().enumerate() {
                let ((full, prefix), end) = half.unwrap_or(((( 0, 0), (0, 0)), None));
                prop_assert_eq!((full, prefix, end), (keys[2 * i], keys[2 * i + 1], ends[i]));
            }
        }

        /// A due date remembered from the invoice before is the date read anew.
        #[test]
        fn a_remembered_due_date_is_the_date_read(
            dues in proptest::collection::vec(
                prop::sample::select(vec!["2024-09-15", "15/09/2024", "2024-02-30", "x", "2024-9-1", "2025-01-01"]),
                1..12,
            ),
        ) {
            let mut scratch = Scratch::default();
            for d in dues {
                prop_assert_eq!(scratch.due(d), Date::parse(d).map(|d| d.number()), "{}", d);
            }
        }

        /// The one-pass tokens are [`Toks`]'s.
        #[test]
        fn one_pass_tokens_are_toks(s in "[A-Z0-9 ]{0,60}") {
            let n = NameToks::new(s.as_bytes());
            let toks = Toks::new(&s);
            prop_assert_eq!(n.as_slice(), toks.as_slice());
            prop_assert_eq!(n.spaces, s.bytes().filter(|b| *b == b' ').count());
            prop_assert_eq!(n.word, s.split(' ').any(|t| is_word(t.as_bytes())));
        }
    }

    #[test]
    fn a_long_name_keeps_its_given_name_and_a_blank_one_is_not_unusable() {
        let mut text = String::new();
        let mut buf = Vec::new();
        let half = fold_name_keyed(Some("A B C D E F G H I J"), 5, &mut buf, &mut text);
        assert_eq!(text, "A B C D E F G J");
        assert!(half.is_some_and(|h| h.1.is_some()));
        text.clear();
        assert!(fold_name_keyed(Some("12 34"), 5, &mut buf, &mut text).is_none());
        assert!(text.is_empty());
        let c = classify_invoice(
            &["HP:8".parse().unwrap()],
            InvoiceFields {
                code: "HP7184097674",
                amount: crate::reconcile::Amount::new(5).unwrap(),
                payer: Some("12 34"),
                beneficiary: Some(" \u{A0}"),
                due: Some("2024-13-40"),
            },
            &mut text,
            &mut Scratch::default(),
        );
        // The written code is taken by the fast path, yet the bad due date is kept.
        assert_eq!(c.findings.len(), 1);
        let r = c.ready.expect("a valid code is ready");
        assert_eq!(r.kind, RefKind::PaymentCode);
        assert!(matches!(r.unusable, [Some(("payer", _)), None]));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// The name keys' sort (by key, then each run of equal keys; on two threads, the
        /// halves split on the key's top bit) gives what one sort by key, invoice and mask
        /// gives, and counts the distinct keys: few keys (many equal) or many, below and
        /// above the size where the second thread starts.
        #[test]
        fn pending_keys_sort_by_key_then_invoice(
            n in prop_oneof![0usize..64, 4_000usize..20_000, Just(PARALLEL_SORT_MIN + 1)],
            distinct in prop_oneof![Just(3u64), Just(200u64), Just(u64::MAX)],
            seed in any::<u64>(),
            threads in 1usize..3,
        ) {
            let mut v: Vec<Pending> = (0..n)
                .map(|i| {
                    let r = crate::reconcile::index::mix(seed ^ i as u64);
                    Pending {
                        // Spread over the whole range, as hashes are.
                        key: crate::reconcile::index::mix(r % distinct),
                        idx: (r >> 40) as u32 % 64,
                        mask: (r >> 20) as u32 % 4,
                    }
                })
                .collect();
            let mut want: Vec<(u64, u32, u32)> = v.iter().map(|p| (p.key, p.idx, p.mask)).collect();
            want.sort_unstable();
            let keys = sort_pending(&mut v, threads);
            let got: Vec<(u64, u32, u32)> = v.iter().map(|p| (p.key, p.idx, p.mask)).collect();
            let mut distinct_keys: Vec<u64> = want.iter().map(|w| w.0).collect();
            distinct_keys.dedup();
            prop_assert_eq!(got, want);
            prop_assert_eq!(keys, distinct_keys.len());
        }
    }
}
