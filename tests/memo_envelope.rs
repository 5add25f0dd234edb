//! The memo envelope reader (`vietref::memo::read_envelope`): the issue's real shapes as
//! regressions, and per shape, many made-up lines whose sender name, account and free text
//! must come back exactly, with no payment code found outside the free text.

mod common;

use common::Rng;
use proptest::prelude::*;
use vietref::memo::{extract, parse_memo, read_envelope, Envelope, INNER, TABLES};
use vietref::reference::{code, Scheme};

fn hp8() -> Vec<Scheme> {
    vec!["HP:8".parse().unwrap()]
}

fn part(text: &str, s: Option<(usize, usize)>) -> &str {
    s.and_then(|s| text.get(s.0..s.1)).unwrap_or("")
}

fn free(text: &str, e: &Envelope) -> String {
    e.free
        .iter()
        .map(|s| &text[s.0..s.1])
        .collect::<Vec<_>>()
        .join("|")
}

/// Every span is inside the text, on char boundaries, non-empty, and no two overlap.
fn check_spans(text: &str, e: &Envelope) -> Result<(), String> {
    let mut all: Vec<(usize, usize)> = e.free.clone();
    all.extend(e.numbers.iter().map(|n| n.span));
    all.extend(
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
    for &(a, b) in &all {
        if !(a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)) {
            return Err(format!("bad span {:?} in {text:?}", (a, b)));
        }
    }
    all.sort();
    for w in all.windows(2) {
        if w[0].1 > w[1].0 {
            return Err(format!("overlap {:?} {:?} in {text:?}", w[0], w[1]));
        }
    }
    Ok(())
}

#[test]
fn no_code_inside_a_napas_trace() {
    // The trace alone (as free text) verifies as HP:8 and as an RF reference: the codes are
    // there by chance, and the envelope reader is what keeps them out.
    assert!(extract("EHP811545.78219", &hp8())
        .iter()
        .any(|c| c.code == "HP8115457821"));
    let line = "020097041509102116392024xEHP811545.78219 .115520.NGUYEN VAN AN chuyen tien";
    assert!(
        extract(line, &hp8()).is_empty(),
        "{:?}",
        extract(line, &hp8())
    );
    assert!(extract("B0RF223459.4027", &[])
        .iter()
        .any(|c| c.code == "RF223459"));
    let line = "020097041509102116392024B0RF223459.4027. 090043.TRAN THI BINH chuyen tien";
    assert!(extract(line, &[]).is_empty(), "{:?}", extract(line, &[]));
    let e = read_envelope(line);
    assert_eq!(part(line, e.sender_name), "TRAN THI BINH");
    assert_eq!(free(line, &e), "chuyen tien");
}

#[test]
fn split_codes_still_join_inside_free_text() {
    let line = "MBVCB.6990001234.HP7184 097674 hoc phi.CT tu 0071000123456 TRAN THI MAI toi 0011001000111 TRUONG THCS HOA BINH";
    let c = extract(line, &hp8());
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].code, "HP7184097674");
    // A code whose chunks are split by an envelope number is not joined across it.
    let line = "HP7184 FT24256000123456 097674";
    assert!(extract(line, &hp8()).is_empty());
}

#[test]
fn issue_shapes() {
    let s = "MBVCB.6991840000.NGUYEN VAN HOA ung ho dong bao lu lut.CT tu 0721000000001 NGUYEN VAN HOA toi 0011001000002 QUY TU THIEN ABC";
    let e = read_envelope(s);
    assert_eq!(
        e.shape.map(|r| (r.bank, r.id)),
        Some(("vietcombank", "mbvcb"))
    );
    assert_eq!(part(s, e.sender_account), "0721000000001");
    assert_eq!(part(s, e.receiver_account), "0011001000002");
    assert_eq!(part(s, e.receiver_name), "QUY TU THIEN ABC");
    let s = "884114.100924.223854.DANG THANH NAM chuyen FT24255200000001";
    let e = read_envelope(s);
    assert_eq!(part(s, e.sender_name), "DANG THANH NAM");
    assert_eq!(free(s, &e), "chuyen");
    let s = "PARTNER.DIRECT_DEBITS_VCB.MSE.66770000001.20240914.66770000001-0900000000_PHAN THI HUONG chuyen tien ho tro";
    let e = read_envelope(s);
    assert_eq!(part(s, e.sender_name), "PHAN THI HUONG");
    assert_eq!(free(s, &e), "chuyen tien ho tro");
    // An unknown shape: the whole line is free text, less its trace-like tokens.
    let s = "HOC PHI HP7184097674 GD 856933-090922 18:14:59";
    let e = read_envelope(s);
    assert_eq!(e.shape, None);
    assert_eq!(free(s, &e), "HOC PHI HP7184097674");
    let s = "MAC VAN TUAN hoc phi Trace 123456";
    assert_eq!(free(s, &read_envelope(s)), "MAC VAN TUAN hoc phi");
}

#[test]
fn parse_memo_takes_the_sender_from_the_envelope() {
    let s = "020097042209090902262024PKIQ528900.48641.090227.NGUYEN THI HUYEN chuyen tien";
    let p = parse_memo(s);
    assert_eq!(p.payer.as_deref(), Some("NGUYEN THI HUYEN"));
    assert_eq!(p.invoice, None);
    assert_eq!(p.envelope.shape.as_deref(), Some("napas247"));
    // A vietref payer marker wins over the envelope.
    let s = "MBVCB.6990001234.HP7184097674 HOC PHI PH LE VAN AN.CT tu 0071000123456 TRAN THI MAI toi 0011001000111 TRUONG ABC";
    let p = parse_memo(s);
    assert_eq!(p.payer.as_deref(), Some("LE VAN AN"));
    assert_eq!(p.invoice.map(|c| c.code).as_deref(), Some("HP7184097674"));
}

#[test]
fn every_shape_is_documented_with_its_sample() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/reference/memo-envelopes.md"
    ))
    .unwrap();
    for t in TABLES.iter().chain([&INNER]) {
        for s in t.shapes {
            assert!(
                doc.contains(&format!("| `{}` |", s.id)),
                "{} {}",
                t.bank,
                s.id
            );
            assert!(doc.contains(s.sample), "sample of {} {}", t.bank, s.id);
        }
    }
}

// --- Made-up lines per shape ------------------------------------------------------------

const FAMILY: &[&str] = &[
    "NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VU", "DANG", "BUI", "DO", "NGO", "MAC", "TO", "HA",
    "DAO", "LA",
];
const MIDDLE: &[&str] = &["VAN", "THI", "MINH", "NGOC", "DUC", "HONG", "QUOC", "THANH"];
const GIVEN: &[&str] = &[
    "AN", "BINH", "HOA", "NAM", "LAN", "MAI", "HUONG", "TRANG", "QUAN", "LINH", "HUYEN", "TUAN",
];
const FIRST_WORDS: &[&str] = &["chuyen", "nop", "hoc", "ck", "ung", "gui", "CHUYEN", "NOP"];
const WORDS: &[&str] = &[
    "tien", "hoc", "phi", "lop", "6A", "thang", "an", "ban", "tru", "con", "ky", "be", "HK1",
];

fn name(rng: &mut Rng) -> String {
    let mut w = vec![rng.pick(FAMILY).to_string()];
    for _ in 0..rng.below(3) {
        w.push(rng.pick(MIDDLE).to_string());
    }
    w.push(rng.pick(GIVEN).to_string());
    w.join(" ")
}

/// Free text starting with a memo word, possibly with a valid HP:8 code; the code too.
fn free_text(rng: &mut Rng) -> (String, Option<String>) {
    let mut w = vec![rng.pick(FIRST_WORDS).to_string()];
    for _ in 0..rng.below(5) {
        w.push(rng.pick(WORDS).to_string());
    }
    let mut planted = None;
    if rng.chance(2, 3) {
        let c = code::create("HP", &rng.digits(8)).unwrap();
        let at = 1 + rng.below(w.len());
        w.insert(at, c.as_str().to_string());
        planted = Some(c.as_str().to_string());
    }
    (w.join(" "), planted)
}

/// Letters and digits where a code prefix (`HP`, `RF`) appears by chance.
fn trace_letters(rng: &mut Rng, n: usize) -> String {
    const A: &[u8] = b"ABCDEFHKPQRXZ0123456789";
    let mut s: String = (0..n).map(|_| char::from(*rng.pick(A))).collect();
    if rng.chance(1, 2) {
        let p = *rng.pick(&["HP", "RF"]);
        let at = rng.below(n.saturating_sub(2) + 1);
        s.replace_range(at..at + 2, p);
    }
    s
}

struct Made {
    line: String,
    name: String,
    account: String,
    free: String,
    planted: Option<String>,
    shape: &'static str,
}

fn make(rng: &mut Rng, which: usize) -> Made {
    let (free, planted) = free_text(rng);
    let sender = name(rng);
    let sep = *rng.pick(&[".", " ", "-"]);
    let acct_len = 10 + rng.below(4);
    let acct = rng.digits(acct_len);
    match which {
        0 => Made {
            line: format!(
                "{}{sep}{}{sep}{}{sep}{sender} {free}",
                rng.digits(6),
                rng.digits(6),
                rng.digits(6)
            ),
            name: sender,
            account: String::new(),
            free,
            planted,
            shape: "interbank",
        },
        1 => Made {
            line: format!(
                "MBVCB.{}.{free}.CT tu {acct} {sender} toi {} {}",
                rng.digits(10),
                rng.digits(13),
                name(rng)
            ),
            name: sender,
            account: acct,
            free,
            planted,
            shape: "mbvcb",
        },
        2 => {
            let letters = 2 + rng.below(5);
            let trace = format!(
                "0200970{}2024{}{}",
                rng.digits(13),
                trace_letters(rng, letters),
                rng.digits(6)
            );
            let short = 4 + rng.below(2);
            Made {
                line: format!(
                    "{trace}.{}{}.{}.{sender} {free}",
                    rng.digits(short),
                    if rng.chance(1, 3) { " " } else { "" },
                    rng.digits(6)
                ),
                name: sender,
                account: String::new(),
                free,
                planted,
                shape: "napas247",
            }
        }
        3 => {
            let wallet = rng.digits(11);
            Made {
                line: format!(
                    "PARTNER.DIRECT_DEBITS_VCB.MSE.{}.2024{}.{wallet}-09{}_{sender} {free}",
                    rng.digits(11),
                    rng.digits(4),
                    rng.digits(8)
                ),
                name: sender,
                account: wallet,
                free,
                planted,
                shape: "partner_direct_debit",
            }
        }
        4 => Made {
            line: format!(
                "Chuyen tien den tu NAPAS Noi dung: {free} FT{} (CT1111)",
                rng.digits(14)
            ),
            name: String::new(),
            account: String::new(),
            free,
            planted,
            shape: "napas",
        },
        5 => {
            let masked = format!("{}xxx", rng.digits(10));
            Made {
                line: format!(
                    "TKThe :{masked}, tai Agribank. BIDV;{acct};{free} -CTLNHIDI{}-1/1-CRE-002",
                    rng.digits(15)
                ),
                name: String::new(),
                account: masked,
                free,
                planted,
                shape: "tkthe",
            }
        }
        6 => Made {
            line: format!("ISL2024{}-{sender} {free}", rng.digits(13)),
            name: sender,
            account: String::new(),
            free,
            planted,
            shape: "isl",
        },
        _ => Made {
            line: format!(
                "IBFT {sender} {free} GD {}-{} 18:14:59",
                rng.digits(6),
                rng.digits(6)
            ),
            name: sender,
            account: String::new(),
            free,
            planted,
            shape: "ibft",
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Each shape's made-up lines read back exactly; the only code found is the one planted
    /// in the free text, never one inside the envelope's numbers.
    #[test]
    fn made_up_lines_read_back(seed: u64, which in 0usize..8) {
        let mut rng = Rng::new(seed);
        let m = make(&mut rng, which);
        let e = read_envelope(&m.line);
        prop_assert_eq!(e.shape.map(|s| s.id), Some(m.shape), "{}", m.line);
        prop_assert_eq!(part(&m.line, e.sender_name), m.name.as_str(), "{}", m.line);
        prop_assert_eq!(part(&m.line, e.sender_account), m.account.as_str(), "{}", m.line);
        prop_assert_eq!(free(&m.line, &e), m.free.clone(), "{}", m.line);
        check_spans(&m.line, &e).map_err(TestCaseError::fail)?;
        let found: Vec<String> = extract(&m.line, &hp8()).into_iter().map(|c| c.code).collect();
        let want: Vec<String> = m.planted.into_iter().collect();
        prop_assert_eq!(found, want, "{}", m.line);
    }

    /// Case changed, the line cut anywhere: spans stay valid and codes stay in free text.
    #[test]
    fn cut_and_case_changed_lines_keep_spans_valid(seed: u64, which in 0usize..8, cut in 0usize..200) {
        let mut rng = Rng::new(seed);
        let m = make(&mut rng, which);
        let mut line = if rng.chance(1, 2) { m.line.to_lowercase() } else { m.line.to_uppercase() };
        line.truncate(cut.min(line.len()));
        let e = read_envelope(&line);
        check_spans(&line, &e).map_err(TestCaseError::fail)?;
        for c in extract(&line, &hp8()) {
            prop_assert!(e.in_free(c.span), "{:?} outside free text of {}", c, line);
        }
    }

    /// Any text: spans valid, no panic.
    #[test]
    fn any_text_spans_are_valid(s in "\\PC{0,200}") {
        let e = read_envelope(&s);
        check_spans(&s, &e).map_err(TestCaseError::fail)?;
    }
}
