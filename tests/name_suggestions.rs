//! Name suggestions measured on a generated school (fixed seed): invoices held by people with
//! realistic Vietnamese names (family names by their published frequency, docs/domain.md,
//! "Names"), and statement lines without a code in many memo styles, from the invoice
//! holders (their own lines) and from other people (not in the invoice list, some sharing a
//! family and a given name with an invoice holder, some whose name starts or ends like one).
//!
//! Targets (issue 19): at least 95 % of a payer's own lines suggest their invoice; at most
//! 0.5 % of other people's lines get any suggestion.

mod common;

use common::names::{REAL_GIVEN, REAL_MIDDLE};
use common::Rng;
use std::collections::HashSet;
use vietref::message::Amount;
use vietref::reconcile::{Invoice, Reconciler, StatementLine};
use vietref::text::fold;

/// Family names with their share of the population in per mille (docs/domain.md, "Names":
/// the fourteen most common cover about 90 %); the rest share the remaining tenth.
const FAMILY_FREQ: &[(&str, u32)] = &[
    ("Nguyễn", 384),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 71),
    ("Hoàng", 30),
    ("Huỳnh", 21),
    ("Phan", 45),
    ("Vũ", 20),
    ("Võ", 19),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
];
const FAMILY_RARE: &[&str] = &[
    "Đinh", "Trịnh", "Lương", "Mai", "Tạ", "Đoàn", "Lâm", "Trương", "Cao", "Quách", "Hà", "Tô",
    "Kiều", "Thái", "La", "Châu", "Phùng", "Vương", "Từ", "Triệu", "Đào", "Lưu", "Tôn", "Mạc",
    "Diệp", "Đàm", "Chu", "Lục",
];

/// Fees a school charges: many pupils owe the same amount.
const FEES: &[u64] = &[
    850_000, 1_200_000, 1_500_000, 1_750_000, 2_000_000, 2_350_000, 3_100_000, 4_500_000,
];

fn family(rng: &mut Rng) -> &'static str {
    let total: u32 = 1000;
    let mut x = rng.below(total as usize) as u32;
    for (f, w) in FAMILY_FREQ {
        if x < *w {
            return f;
        }
        x -= w;
    }
    FAMILY_RARE[rng.below(FAMILY_RARE.len())]
}

/// A person's name as tokens: family, 0 to 2 middle names (1 most often), given name.
fn person(rng: &mut Rng) -> Vec<&'static str> {
    let middles = match rng.below(10) {
        0 => 0,
        1..=7 => 1,
        _ => 2,
    };
    let mut n = vec![family(rng)];
    for _ in 0..middles {
        n.push(*rng.pick(REAL_MIDDLE));
    }
    n.push(*rng.pick(REAL_GIVEN));
    n
}

fn key(name: &[&str]) -> String {
    fold(&name.join(" ")).replace('Y', "I")
}

fn upper_plain(name: &str) -> String {
    fold(name)
}
fn lower_plain(name: &str) -> String {
    fold(name).to_lowercase()
}
fn title_plain(name: &str) -> String {
    fold(name)
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            let f = c.next().map(|c| c.to_string()).unwrap_or_default();
            f + &c.as_str().to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name as a payer types it: with accents, without, all caps, lower case.
fn written(rng: &mut Rng, name: &str) -> String {
    match rng.below(5) {
        0 => name.to_string(),
        1 => title_plain(name),
        2 | 3 => upper_plain(name),
        _ => lower_plain(name),
    }
}

/// A memo carrying `name` (the pupil's or payer's), with `sender` the account holder who
/// paid (a parent, often someone else). `cut`: the bank cut the memo inside the name's
/// last token.
fn memo(rng: &mut Rng, name: &str, sender: &str, cut: bool) -> String {
    let n = written(rng, name);
    if cut {
        // Cut inside the given name, keeping at least its first letter.
        let given_len = n.rsplit(' ').next().map_or(0, |g| g.chars().count());
        let keep = 1 + rng.below(given_len.saturating_sub(1).max(1));
        let drop = given_len - keep;
        let mut chars: Vec<char> = n.chars().collect();
        chars.truncate(chars.len() - drop);
        let n: String = chars.into_iter().collect();
        return match rng.below(3) {
            0 => format!("HOC PHI THANG 9 HS {n}"),
            1 => format!(
                "{}.{}.{}.nop tien an ban tru {n}",
                rng.digits(6),
                rng.digits(6),
                rng.digits(6)
            ),
            _ => format!("hoc phi {n}"),
        };
    }
    let s = upper_plain(sender);
    match rng.below(16) {
        0 => format!("{n} nop hoc phi"),
        1 => format!("hoc phi {n}"),
        2 => format!("{n} đóng học phí tháng 9"),
        3 => format!("HOC PHI THANG 9 {} LOP 6A", upper_plain(name)),
        4 => format!("{} NOP HOC PHI", upper_plain(name)),
        5 => format!("{} HOC PHI HK1", upper_plain(name)),
        6 => format!(
            "MBVCB.{}.{n} hoc phi.CT tu {} {s} toi 0011001000111 TRUONG THCS HOA BINH",
            rng.digits(10),
            rng.digits(13)
        ),
        7 => format!(
            "{}.{}.{}.IBFT {n} hoc phi lop 6A",
            rng.digits(6),
            rng.digits(6),
            rng.digits(6)
        ),
        8 => format!(
            "CT nhanh 247 den: {} CHUYEN TIEN HOC PHI (CT1111)",
            upper_plain(name)
        ),
        9 => format!("PH {s} chuyen tien hoc phi cho con {n}"),
        10 => format!("Nộp tiền ăn bán trú cho cháu {name}"),
        11 => format!("{s} CHUYEN TIEN HOC PHI CHO {}", upper_plain(name)),
        12 => format!("HS {n} - lop 3B - hoc phi thang 10"),
        13 => format!(
            "Chuyen tien den tu NAPAS Noi dung: hoc phi {n} FT{} (CT1111)",
            rng.digits(14)
        ),
        14 => format!("thanh toan hoc phi {n}"),
        _ => format!("{} THANH TOAN TIEN AN", upper_plain(name)),
    }
}

struct School {
    invoices: Vec<(String, u64, Vec<&'static str>)>,
    names: HashSet<String>,
}

fn school(rng: &mut Rng, n: usize) -> School {
    let mut invoices = Vec::new();
    let mut names = HashSet::new();
    while invoices.len() < n {
        let pupil = person(rng);
        // Exact namesakes in one school are possible but make no suggestion: kept out so
        // that the own-line rate measures the rule, not the population.
        if !names.insert(key(&pupil)) {
            continue;
        }
        let code = format!("INV{:06}", invoices.len() + 1);
        invoices.push((code, *rng.pick(FEES), pupil));
    }
    School { invoices, names }
}

/// Someone not in the invoice list: a fresh name, or an invoice holder's family and given
/// names with other middle names, or an invoice holder's name with a syllable more at the
/// end or the front (`NGUYEN THI THU HA` when `NGUYEN THI THU` is in the list).
fn stranger(rng: &mut Rng, s: &School) -> (Vec<&'static str>, u64) {
    loop {
        let (_, fee, holder) = rng.pick(&s.invoices).clone();
        let fee = if rng.chance(7, 10) {
            fee
        } else {
            *rng.pick(FEES)
        };
        let name = match rng.below(4) {
            0 => person(rng),
            1 => {
                let mut n = vec![holder[0]];
                for _ in 0..rng.below(3) {
                    n.push(*rng.pick(REAL_MIDDLE));
                }
                n.push(*holder.last().unwrap());
                n
            }
            2 => {
                let mut n = holder.clone();
                n.push(*rng.pick(REAL_GIVEN));
                n
            }
            _ => {
                let mut n = vec![family(rng)];
                n.extend(holder.iter().copied());
                n
            }
        };
        if !s.names.contains(&key(&name)) {
            return (name, fee);
        }
    }
}

fn vnd(v: u64) -> Amount {
    Amount::new(v).unwrap()
}

struct Rates {
    own: (usize, usize),
    others: (usize, usize),
    wrong: Vec<String>,
    missed: Vec<String>,
}

fn measure(seed: u64, invoices: usize, lines: usize) -> Rates {
    let mut rng = Rng::new(seed);
    let s = school(&mut rng, invoices);
    let mut r = Reconciler::new(&[]);
    for (code, fee, pupil) in &s.invoices {
        let inv = Invoice {
            code: code.clone(),
            amount: vnd(*fee),
            payer: None,
            beneficiary: Some(pupil.join(" ")),
            due: None,
        };
        r.add_invoice(inv).unwrap();
    }
    let mut rates = Rates {
        own: (0, 0),
        others: (0, 0),
        wrong: Vec::new(),
        missed: Vec::new(),
    };
    for n in 0..lines as u64 {
        let mut parent = person(&mut rng);
        // Other people's lines come from people not in the invoice list, senders included.
        while n % 2 == 1 && s.names.contains(&key(&parent)) {
            parent = person(&mut rng);
        }
        let parent = parent.join(" ");
        if n % 2 == 0 {
            let (code, fee, pupil) = rng.pick(&s.invoices).clone();
            let cut = pupil.len() >= 3 && rng.chance(1, 10);
            let content = memo(&mut rng, &pupil.join(" "), &parent, cut);
            let mut line = StatementLine::new(n + 1, vnd(fee), content);
            line.counter_name = Some(upper_plain(&parent));
            let res = r.feed(line);
            rates.own.1 += 1;
            if res.suggestion.as_deref() == Some(code.as_str()) {
                rates.own.0 += 1;
            } else if rates.missed.len() < 20 {
                rates.missed.push(format!(
                    "{} | {:?}",
                    res.content, res.evidence.name_candidates
                ));
            }
        } else {
            let (name, fee) = stranger(&mut rng, &s);
            let content = memo(&mut rng, &name.join(" "), &parent, false);
            let mut line = StatementLine::new(n + 1, vnd(fee), content);
            line.counter_name = Some(upper_plain(&parent));
            let res = r.feed(line);
            rates.others.1 += 1;
            if let Some(sug) = res.suggestion {
                rates.others.0 += 1;
                if rates.wrong.len() < 20 {
                    rates.wrong.push(format!(
                        "{} / {:?} -> {sug} {:?}",
                        res.content,
                        res.counter_name,
                        res.evidence
                            .names
                            .iter()
                            .map(|n| (&n.name, &n.observed, n.truncated))
                            .collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    rates
}

fn pct(x: (usize, usize)) -> f64 {
    100.0 * x.0 as f64 / x.1.max(1) as f64
}

#[test]
fn whole_names_suggest_own_invoices_and_few_others() {
    let rates = measure(0x19_5eed, 3000, 40_000);
    let (own, others) = (pct(rates.own), pct(rates.others));
    eprintln!(
        "own lines suggesting their invoice: {own:.2} % ({}/{}); other people's lines with a suggestion: {others:.3} % ({}/{})",
        rates.own.0, rates.own.1, rates.others.0, rates.others.1
    );
    for w in &rates.wrong {
        eprintln!("wrong: {w}");
    }
    for m in &rates.missed {
        eprintln!("missed: {m}");
    }
    assert!(own >= 95.0, "own lines: {own:.2} %");
    assert!(others <= 0.5, "other people's lines: {others:.3} %");
}

fn folded_name() -> impl proptest::strategy::Strategy<Value = Vec<String>> {
    use proptest::prelude::*;
    let fam: Vec<String> = FAMILY_FREQ
        .iter()
        .map(|(f, _)| fold(f))
        .chain(FAMILY_RARE.iter().map(|f| fold(f)))
        .collect();
    let mid: Vec<String> = REAL_MIDDLE.iter().map(|m| fold(m)).collect();
    let giv: Vec<String> = REAL_GIVEN.iter().map(|g| fold(g)).collect();
    (
        proptest::sample::select(fam),
        proptest::collection::vec(proptest::sample::select(mid), 0..3),
        proptest::sample::select(giv),
    )
        .prop_map(|(f, m, g)| {
            let mut n = vec![f];
            n.extend(m);
            n.push(g);
            n
        })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// The whole name, alone before a reason, suggests the invoice; the same name with one
    /// more name syllable before or after it (a longer name: someone else) suggests nothing;
    /// the name without its middle names suggests nothing; nothing is ever applied.
    #[test]
    fn only_whole_names_suggest(
        name in folded_name(),
        // Châu is left out: `CHO CHAU` is "for the grandchild", a memo phrase.
        extra in proptest::sample::select(
            REAL_GIVEN.iter().map(|g| fold(g)).filter(|g| g != "CHAU").collect::<Vec<_>>()
        ),
        after in proptest::prelude::any::<bool>(),
    ) {
        let mut r = Reconciler::new(&[]);
        r.add_invoice(Invoice {
            code: "INV000001".into(),
            amount: vnd(1_500_000),
            payer: None,
            beneficiary: Some(name.join(" ")),
            due: None,
        })
        .unwrap();
        let whole = name.join(" ");
        let x = r.feed(StatementLine::new(1, vnd(1_500_000), format!("{whole} NOP HOC PHI")));
        proptest::prop_assert_eq!(x.suggestion.as_deref(), Some("INV000001"));
        let longer = if after {
            format!("{whole} {extra} NOP HOC PHI")
        } else {
            format!("HOC PHI CHO {extra} {whole}")
        };
        let x = r.feed(StatementLine::new(2, vnd(1_500_000), longer.clone()));
        proptest::prop_assert_eq!(x.suggestion, None, "{}", longer);
        if name.len() > 2 {
            let short = format!("{} {} NOP HOC PHI", name[0], name[name.len() - 1]);
            let x = r.feed(StatementLine::new(3, vnd(1_500_000), short.clone()));
            proptest::prop_assert_eq!(x.suggestion, None, "{}", short);
        }
        proptest::prop_assert!(r.invoices().all(|i| i.paid == 0));
    }
}
