//! Entry points for the fuzz targets in `fuzz/` and for replaying their regressions in
//! `cargo test` (`tests/fuzz_regressions.rs`). Each takes arbitrary bytes, drives a public
//! API, and asserts the invariants that must hold for any input; a panic here is a bug.
//! Not part of the stable API.

use crate::text::{self, ToneStyle};
use crate::MessageDraft;

fn as_text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Text normalization and checks: idempotence, fold alphabet and agreement with its reference
/// implementation, retone convergence.
pub fn text(data: &[u8]) {
    let s = as_text(data);
    let (once, _) = text::normalize(&s, "f");
    let (twice, again) = text::normalize(&once, "f");
    assert_eq!(once, twice, "normalize is not idempotent");
    assert!(again.is_empty(), "second normalize reported {again:?}");
    let folded = text::fold(&s);
    assert!(
        folded.is_empty()
            || folded.split(' ').all(|w| !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())),
        "fold produced {folded:?}"
    );
    assert_eq!(
        folded,
        text::fold_reference(&s),
        "fold differs from its reference implementation"
    );
    let mut short = Vec::new();
    text::fold_append_short(&s, &mut short);
    assert_eq!(
        short,
        folded.as_bytes(),
        "the short-text fold differs from fold"
    );
    let r = text::check_name(&s, "n");
    if let Some(name) = &r.cleaned {
        let again = text::check_name(name, "n");
        assert_eq!(again.cleaned.as_ref(), Some(name), "name not stable");
    }
    let _ = text::check_text(&s, "n");
    let a = text::retone(&s, ToneStyle::Traditional);
    let b = text::retone(&a, ToneStyle::MainVowel);
    assert_eq!(
        b,
        text::retone(&s, ToneStyle::MainVowel),
        "retone does not converge"
    );
    assert_eq!(text::key(&a), text::key(&b), "key differs across styles");
    let _ = text::looks_like(&s, &once);
    let _ = text::compare_payee_name(&s, "Trường THCS Hòa Bình");
    // A well-formed syllable parses, and keeps well formed in either tone style.
    for w in s.split_whitespace() {
        if crate::text::syllable::is_well_formed(w) {
            let syl = crate::text::syllable::parse(w).expect("well formed, so it parses");
            for style in [ToneStyle::Traditional, ToneStyle::MainVowel] {
                let again = syl.to_string_with(style);
                assert!(
                    crate::text::syllable::is_well_formed(&again),
                    "{w:?} is well formed, {again:?} is not"
                );
            }
        }
    }
}

/// Message JSON parsing and validation: a valid message re-validates to itself.
pub fn message_json(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(draft) = crate::json::from_str::<MessageDraft>(s) else {
        return;
    };
    let r = draft.validate();
    if let Some(m) = r.cleaned {
        let json = serde_json::to_string(&m).expect("a valid message serializes");
        let back = crate::PaymentMessage::validate_json(&json).expect("its JSON parses");
        assert_eq!(
            back.cleaned.as_ref(),
            Some(&m),
            "message JSON does not round-trip"
        );
    } else {
        assert!(
            r.errors().next().is_some(),
            "invalid without an error finding"
        );
    }
}

/// VietQR decode in both modes, and the encode round trip of what decodes.
pub fn vietqr(data: &[u8]) {
    if let Err(e) = crate::vietqr::fuzz::decode(data) {
        panic!("{e}");
    }
}

macro_rules! four_verbs {
    ($s:expr, $($kind:ident),*) => {$(
        {
            use crate::reference::$kind as k;
            let valid = k::validate($s);
            assert_eq!(k::is_valid($s), valid.is_ok(), concat!(stringify!($kind), ": is_valid disagrees with validate"));
            if valid.is_ok() {
                let compact = k::compact($s).expect("a valid value compacts");
                assert_eq!(k::compact(&compact).ok().as_ref(), Some(&compact), concat!(stringify!($kind), ": compact not idempotent"));
                let formatted = k::format($s).expect("a valid value formats");
                assert!(k::is_valid(&formatted), concat!(stringify!($kind), ": format gives an invalid value"));
                assert_eq!(k::compact(&formatted).ok(), Some(compact), concat!(stringify!($kind), ": compact(format(x)) != compact(x)"));
            }
        }
    )*};
}

/// Every reference kind's four verbs agree with each other on any input.
pub fn reference(data: &[u8]) {
    let s = as_text(data);
    four_verbs!(&s, code, rf, einvoice, mst);
    let _ = crate::reference::InvoiceRef::parse(&s, "invoice");
}

/// Memo reading: every candidate's check digits verify and its span lies in the text.
pub fn memo(data: &[u8]) {
    use crate::reference::Scheme;
    let s = as_text(data);
    let schemes: Vec<Scheme> = ["HP:6", "VP:8", "THCS:12"]
        .iter()
        .filter_map(|x| x.parse().ok())
        .collect();
    for c in crate::memo::extract(&s, &schemes) {
        let (a, b) = c.span;
        assert!(a < b && b <= s.len(), "span {a}..{b} outside the text");
        assert!(
            s.is_char_boundary(a) && s.is_char_boundary(b),
            "span not on char boundaries"
        );
        let verified = schemes.iter().any(|sc| sc.validate(&c.code).is_ok())
            || crate::reference::rf::is_valid(&c.code);
        assert!(verified, "candidate {} does not verify", c.code);
    }
    let _ = crate::memo::parse_memo_with(&s, &schemes);
}

/// The memo envelope reader: every span inside the text, on char boundaries, non-empty and
/// not overlapping another; every code `extract` reports inside a free-text span.
pub fn memo_envelope(data: &[u8]) {
    let s = as_text(data);
    let e = crate::memo::read_envelope(&s);
    let mut spans: Vec<(usize, usize)> = e.free.clone();
    spans.extend(e.numbers.iter().map(|n| n.span));
    spans.extend(
        [
            e.sender_name,
            e.sender_account,
            e.sender_bank,
            e.receiver_account,
            e.receiver_name,
        ]
        .into_iter()
        .flatten(),
    );
    for &(a, b) in &spans {
        assert!(a < b && b <= s.len(), "span {a}..{b} outside the text");
        assert!(
            s.is_char_boundary(a) && s.is_char_boundary(b),
            "span {a}..{b} not on char boundaries"
        );
    }
    spans.sort_unstable();
    for w in spans.windows(2) {
        if let [x, y] = w {
            assert!(x.1 <= y.0, "spans {x:?} and {y:?} overlap");
        }
    }
    for w in e.free.windows(2) {
        if let [x, y] = w {
            assert!(x.1 <= y.0, "free text out of order");
        }
    }
    let schemes: Vec<crate::reference::Scheme> = ["HP:8", "VP:10"]
        .iter()
        .filter_map(|x| x.parse().ok())
        .collect();
    for c in crate::memo::extract(&s, &schemes) {
        assert!(e.in_free(c.span), "code {} outside the free text", c.code);
    }
    let described = e.describe(&s);
    assert_eq!(described.free.len(), e.free.len());
    let _ = crate::memo::parse_memo(&s);
}

/// The C ABI driven through its `extern "C"` signatures (see `capi::fuzz`).
pub fn capi(data: &[u8]) {
    crate::capi::fuzz::drive(data);
}

/// Legacy decoders: what decodes is NFC, and whatever of it re-encodes decodes back to it.
pub fn legacy_decode(data: &[u8]) {
    use crate::legacy::{decode, encode, Encoding};
    use unicode_normalization::UnicodeNormalization;
    for e in Encoding::ALL {
        if let Ok(text) = decode(data, e) {
            let nfc: String = text.nfc().collect();
            assert_eq!(text, nfc, "{e:?} decode is not NFC");
            if let Ok(bytes) = encode(&text, e) {
                let again = decode(&bytes, e).expect("re-encoded bytes decode");
                // UTF-8 decoding takes a leading U+FEFF for a byte-order mark (documented).
                let want = match e {
                    Encoding::Utf8 => text.strip_prefix('\u{FEFF}').unwrap_or(&text),
                    _ => &text,
                };
                assert_eq!(again, want, "{e:?}: decode(encode(decode(x))) != decode(x)");
            }
        }
    }
    // And from the text side: any UTF-8 text an encoding can express round-trips.
    if let Ok(s) = std::str::from_utf8(data) {
        let nfc: String = s.nfc().collect();
        // UTF-8 decoding drops a leading byte-order mark (documented).
        let nfc_no_bom: String = s.strip_prefix('\u{FEFF}').unwrap_or(s).nfc().collect();
        for e in Encoding::ALL {
            if let Ok(bytes) = encode(s, e) {
                let back = decode(&bytes, e).expect("encoded bytes decode");
                let want = if e == Encoding::Utf8 {
                    &nfc_no_bom
                } else {
                    &nfc
                };
                assert_eq!(&back, want, "{e:?}: decode(encode(s)) != NFC(s)");
            }
        }
    }
}

/// Detection: the result decodes the input to its reported text, and confidences are sane.
pub fn legacy_detect(data: &[u8]) {
    use crate::legacy::{decode, detect, detect_with_declared, Encoding};
    let d = detect(data);
    assert!(
        (0.0..=1.0).contains(&d.confidence),
        "confidence {}",
        d.confidence
    );
    if let Ok(t) = decode(data, d.encoding) {
        assert_eq!(
            t, d.text,
            "detected text differs from decoding with the detected encoding"
        );
    }
    let declared =
        Encoding::ALL[usize::from(data.first().copied().unwrap_or(0)) % Encoding::ALL.len()];
    let _ = detect_with_declared(data, Some(declared));
    let _ = crate::legacy::repair_mojibake(&String::from_utf8_lossy(data));
}

/// Physical lines of `data`: for CSV, ended by `\n`, `\r\n` or a lone `\r` after a byte
/// order mark; for JSON lines, by `\n`; a last line without a break counts.
fn physical_lines(data: &[u8], csv: bool) -> u64 {
    let data = if csv {
        data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data)
    } else {
        data
    };
    let mut n = 0u64;
    let mut open = false;
    let mut it = data.iter().peekable();
    while let Some(&b) = it.next() {
        if b == b'\n' || (csv && b == b'\r') {
            if csv && b == b'\r' && it.peek() == Some(&&b'\n') {
                it.next();
            }
            n += 1;
            open = false;
        } else {
            open = true;
        }
    }
    n + u64::from(open)
}

/// Reconciliation readers and engine: any bytes as a CSV statement and as JSON lines, fed
/// against a few invoices; the summary accounts for every record, and the readers for
/// every physical line (fed + skipped + rejected == the lines of the input).
pub fn reconcile(data: &[u8]) {
    use crate::reconcile::{
        parse_amount, Columns, Invoice, Reconciler, StatementReader, StatementRecord,
    };
    use crate::reference::Scheme;
    let schemes: Vec<Scheme> = ["HP:6"].iter().filter_map(|s| s.parse().ok()).collect();
    let loaded = || {
        let mut rec = Reconciler::new(&schemes);
        for (body, amount) in [("123456", 1_250_000u64), ("654321", 500_000)] {
            if let (Some(Ok(c)), Some(a)) = (
                schemes.first().map(|s| s.create(body)),
                crate::message::Amount::new(amount),
            ) {
                let _ = rec.add_invoice(Invoice::new(c.as_str(), a));
            }
        }
        rec
    };
    let mut rec = loaded();
    let mut fed = 0u64;
    let mut skipped = 0u64;
    let mut rejected = 0u64;
    let mut lines = Vec::new();
    let mut results = Vec::new();
    let mut run = |records: &mut dyn Iterator<
        Item = Result<StatementRecord, crate::reconcile::RecordError>,
    >| {
        for r in records.take(10_000) {
            match r {
                Ok(StatementRecord::Line(l)) => {
                    lines.push(l.clone());
                    let res = rec.feed(l);
                    assert!(crate::reconcile::Status::ALL.contains(&res.status));
                    // The reasons are written from the result: never empty, in both
                    // languages, and the JSON form holds them.
                    assert!(!res.reason().is_empty() && !res.reason_vi().is_empty());
                    // Nothing is applied that a person would read differently: no hidden
                    // character inside an applied code, no bidirectional control on the line.
                    if res.status.is_applied() {
                        for c in &res.evidence.codes {
                            assert!(
                                !c.text
                                    .chars()
                                    .any(|ch| { crate::text::chars::refused_code(ch).is_some() }),
                                "a code with a hidden character was applied: {:?}",
                                c.text
                            );
                        }
                        assert!(
                            !res.content.chars().any(crate::text::chars::is_bidi_control),
                            "a line with a bidirectional control was applied"
                        );
                    }
                    let mut json = Vec::new();
                    assert!(crate::reconcile::write_json_line(&mut json, &res).is_ok());
                    // The hand-written JSON writer writes what serde_json writes, and a CSV
                    // row is UTF-8.
                    let mut want = serde_json::to_vec(&res).unwrap_or_default();
                    want.push(b'\n');
                    assert!(json == want, "the JSON line differs from serde_json's");
                    let mut row = Vec::new();
                    crate::reconcile::push_csv_row(&mut row, &res);
                    assert!(
                        std::str::from_utf8(&row).is_ok(),
                        "a CSV row that is not UTF-8"
                    );
                    results.push(res);
                    fed += 1;
                }
                Ok(StatementRecord::Skipped(s)) => {
                    rec.skip(&s);
                    skipped += 1;
                }
                Err(e) => {
                    assert!(!e.findings.is_empty(), "a record error without a finding");
                    rec.reject(&e);
                    rejected += 1;
                }
            }
        }
    };
    // Every physical line is accounted for, once the reader is done: fed, skipped or
    // rejected (the lines counted here independently of the reader).
    let mut accounted = crate::reconcile::InputLines::default();
    let mut check = |r: &mut StatementReader<&[u8]>, csv: bool| {
        if r.next().is_some() {
            return; // more than the records read here: not all lines were read
        }
        let i = r.input_lines();
        let physical = physical_lines(data, csv);
        assert_eq!(i.lines, physical, "lines read (csv: {csv})");
        assert_eq!(
            i.fed + i.skipped + i.rejected,
            physical,
            "every physical line fed, skipped or rejected (csv: {csv})"
        );
        accounted.add(&i);
    };
    if let Ok(mut r) = StatementReader::csv(data, &Columns::new()) {
        run(&mut r);
        check(&mut r, true);
    }
    let mut r = StatementReader::json_lines(data);
    run(&mut r);
    check(&mut r, false);
    rec.add_input_lines(&accounted);
    assert_eq!(rec.summary().input, accounted, "summary input lines");
    let s = rec.summary();
    assert_eq!(s.lines, fed, "summary lines");
    assert_eq!(s.skipped, skipped, "summary skipped");
    assert_eq!(s.rejected, rejected, "summary rejected");
    let per_status: u64 = s.statuses.iter().map(|t| t.lines).sum();
    assert_eq!(per_status, fed, "per-status counts do not add up");
    // Batches give what line-by-line feeding gives.
    let mut batched = Vec::new();
    loaded().feed_many(lines, |x| batched.push(x));
    assert!(batched == results, "feed_many differs from feed");
    let _ = parse_amount(&String::from_utf8_lossy(data), "amount");
}

/// A merchant of each gateway with fixed test secrets (the fuzz targets' and the seeds').
pub fn gateway_merchant(p: crate::gateway::Provider) -> crate::gateway::Merchant {
    use crate::gateway::{Merchant, Provider, Secret, Settings};
    let mut s = Settings {
        return_url: Some("https://truong.example.vn/kq".into()),
        notify_url: Some("https://truong.example.vn/ipn".into()),
        ..Settings::default()
    };
    let k2 = match p {
        Provider::Vnpay => {
            s.merchant_code = "DEMOV210".into();
            None
        }
        Provider::Momo => {
            s.merchant_code = "MOMO".into();
            s.access_key = Some("F8BBA842ECF85".into());
            None
        }
        Provider::Zalopay => {
            s.merchant_code = "2553".into();
            Some(Secret::new("fuzz-key2"))
        }
    };
    Merchant::new(p, s, Secret::new("fuzz-secret"), k2).expect("valid settings")
}

fn gateway_callback(p: crate::gateway::Provider, data: &[u8]) {
    use crate::gateway::{self, Outcome};
    use crate::reconcile::{Invoice, Reconciler};
    let m = gateway_merchant(p);
    let input = String::from_utf8_lossy(data);
    let v = gateway::verify(&m, &input);
    let has_error = crate::finding::has_error(&v.findings);
    assert_eq!(v.verified, v.callback.is_some());
    assert_eq!(v.verified, !has_error, "verified exactly when no error");
    assert!(
        v.verified || !v.findings.is_empty(),
        "refused without a finding"
    );
    for f in &v.findings {
        assert!(!f.message_en().is_empty() && !f.message_vi().is_empty());
    }
    assert_eq!(
        gateway::verify(&m, &input),
        v,
        "verification is not deterministic"
    );
    let mut r = Reconciler::new(&[]);
    let due = crate::message::Amount::new(50_000).expect("an amount");
    let _ = r.add_invoice(Invoice::new("VP-2024-17", due));
    let s = gateway::settle(&v, &mut r, 1);
    let succeeded = v
        .callback
        .as_ref()
        .is_some_and(|c| c.outcome == Outcome::Succeeded);
    assert!(
        !s.applied || succeeded,
        "applied a callback that was not a verified success"
    );
    let paid: u64 = r.invoices().map(|i| i.paid).sum();
    assert!(
        paid == 0 || s.applied,
        "an invoice changed without an applied line"
    );
    assert!(serde_json::to_string(&s).is_ok());
}

/// VNPAY return URL / IPN query verification and settlement: never applied unless the
/// signature verifies; a verdict for every input.
pub fn gateway_vnpay(data: &[u8]) {
    gateway_callback(crate::gateway::Provider::Vnpay, data);
}

/// MoMo IPN body / redirect query verification and settlement.
pub fn gateway_momo(data: &[u8]) {
    gateway_callback(crate::gateway::Provider::Momo, data);
}

/// ZaloPay callback body verification and settlement.
pub fn gateway_zalopay(data: &[u8]) {
    gateway_callback(crate::gateway::Provider::Zalopay, data);
}

/// The statement-export opener ([`crate::reconcile::open_statement`]) on any bytes, as CSV
/// (UTF-8, UTF-16 with BOM, other encodings refused) and as XLSX and XLS: it opens or
/// gives a finding, never panics; every record is a line, a skipped line or an error, the
/// lines read are all accounted for, and every skipped row lies before the header row
/// (preamble) or after it (totals). As CSV, the CSV reader reading by slices gives what it
/// gives byte by byte.
pub fn statement_sheet(data: &[u8]) {
    use crate::reconcile::{open_statement, Columns, TableFormat};
    let (selector, body) = match data.split_first() {
        Some((s, b)) => (*s, b),
        None => return,
    };
    let format = match selector % 3 {
        0 => TableFormat::Csv,
        1 => TableFormat::Xlsx,
        _ => TableFormat::Xls,
    };
    let bank = (selector & 0x80 != 0).then_some("vcb");
    if format == TableFormat::Csv {
        crate::reconcile::check_reading_by_slices(body, selector);
    }
    let Ok(mut o) = open_statement(format, Box::new(body), &Columns::new(), bank) else {
        return;
    };
    for _ in o.reader.by_ref().take(10_000) {}
    let lines = o.reader.input_lines();
    assert_eq!(lines.fed + lines.skipped + lines.rejected, lines.lines);
    let m = o.mapping();
    assert!(m.header_row >= 1);
    for s in &m.skipped_rows {
        match s.reason {
            "preamble" => assert!(s.row < m.header_row),
            _ => assert!(s.row > m.header_row),
        }
    }
}

/// An invoice list as a school system exports it ([`crate::reconcile::open_invoices`]): the
/// first byte picks CSV, XLSX or XLS, the rest is the file. Any input gives invoices or
/// findings, never panics; every skipped row lies before the header row (preamble) or
/// after it (totals), and no invoice comes from a skipped row.
pub fn invoice_sheet(data: &[u8]) {
    use crate::reconcile::{open_invoices, Columns, TableFormat};
    let (selector, body) = match data.split_first() {
        Some((s, b)) => (*s, b),
        None => return,
    };
    let format = match selector % 3 {
        0 => TableFormat::Csv,
        1 => TableFormat::Xlsx,
        _ => TableFormat::Xls,
    };
    let Ok(mut o) = open_invoices(format, Box::new(body), &Columns::new()) else {
        return;
    };
    let mut lines = Vec::new();
    for (line, _) in o.reader.by_ref().take(10_000).flatten() {
        lines.push(line);
    }
    let m = o.mapping();
    assert!(m.header_row >= 1);
    for s in &m.skipped_rows {
        match s.reason {
            "preamble" => assert!(s.row < m.header_row),
            _ => assert!(s.row > m.header_row),
        }
        assert!(!lines.contains(&s.row), "row {} skipped and read", s.row);
    }
}
