//! What banks do to a memo on the way (docs/domain.md, "What banks do to a memo"), applied at random.

use super::Rng;

/// Bank prefixes and suffixes observed on real statements (docs/domain.md, "What banks do to a memo"); `{}` is the memo.
pub const WRAPPERS: &[&str] = &[
    "{}",
    "MBVCB.2427229823.174242.{}.CT tu 1027236393 PHAM HOANG TUAN toi 28349817",
    "CUSTOMER {}",
    "IB {}",
    "SACOMBANK-GD 459096-2022-11-06T11:41:21-970403-/CTR/IBFT {}/MAC/1526BCF94B9A4C13",
    "MoMoT0904067605T28994691053T970416T{}",
    "ACB;28349817;{} GD 856933-090922 18:14:59",
    "CT DEN:523320101151 {}",
    "{} Trace 339176",
    "{} FT22298536396686",
    "{}; tai Napas",
];

/// What the mangler did, for failure messages.
#[derive(Debug, Default, Clone)]
pub struct Mangled {
    pub text: String,
    pub steps: Vec<&'static str>,
}

/// Which transformations may be applied.
#[derive(Debug, Clone, Copy)]
pub struct Ops {
    pub truncate: bool,
    pub chunks: bool,
    pub wrap: bool,
    pub dots: bool,
    pub nospace: bool,
    pub case: bool,
    pub wrapper: bool,
    /// Keep the separator right after the code (RF references have no fixed length, so
    /// their end must stay visible).
    pub keep_code_end: bool,
}

impl Ops {
    pub const ALL: Ops = Ops {
        truncate: true,
        chunks: true,
        wrap: true,
        dots: true,
        nospace: true,
        case: true,
        wrapper: true,
        keep_code_end: false,
    };
}

/// Mangles `memo`, whose invoice code occupies bytes `0..code_len`. The code itself is never
/// truncated.
pub fn mangle(memo: &str, code_len: usize, rng: &mut Rng, ops: &Ops) -> Mangled {
    let keep_code_end = ops.keep_code_end;
    let mut steps = Vec::new();
    // Work on bytes (rendered memos are ASCII) with a flag per byte: part of the code?
    let mut chars: Vec<(u8, bool)> = memo
        .bytes()
        .enumerate()
        .map(|(i, b)| (b, i < code_len))
        .collect();

    // Tail truncation, never inside the code.
    if ops.truncate && rng.chance(1, 3) && chars.len() > code_len {
        let keep = code_len + rng.below(chars.len() - code_len + 1);
        chars.truncate(keep);
        steps.push("truncate");
    }
    // The code split into chunks by inserted spaces or dots.
    if ops.chunks && rng.chance(1, 3) && code_len > 2 {
        for _ in 0..1 + rng.below(3) {
            let at = 1 + rng.below(code_len - 1);
            let sep = if rng.chance(1, 2) { b' ' } else { b'.' };
            chars.insert(at, (sep, true));
        }
        steps.push("chunks");
    }
    // A line-wrap split somewhere (maybe inside the code).
    if ops.wrap && rng.chance(1, 4) && chars.len() > 2 {
        let at = 1 + rng.below(chars.len() - 1);
        chars.insert(at, (b'\n', false));
        steps.push("wrap");
    }
    // Dots and spaces swapped.
    if ops.dots && rng.chance(1, 3) {
        for c in chars.iter_mut() {
            if c.0 == b' ' && rng.chance(1, 2) {
                c.0 = b'.';
            } else if c.0 == b'.' && rng.chance(1, 2) {
                c.0 = b' ';
            }
        }
        steps.push("dots");
    }
    // Spaces (and dots) removed.
    if ops.nospace && rng.chance(1, 3) {
        let last_code = chars.iter().rposition(|c| c.1);
        let mut out = Vec::with_capacity(chars.len());
        for (i, c) in chars.iter().enumerate() {
            let right_after_code = last_code.is_some_and(|l| i == l + 1);
            if matches!(c.0, b' ' | b'.' | b'\n') && !(keep_code_end && right_after_code) {
                continue;
            }
            out.push(*c);
        }
        chars = out;
        steps.push("nospace");
    }
    // Case changed.
    match if ops.case { rng.below(4) } else { 3 } {
        0 => {
            chars
                .iter_mut()
                .for_each(|c| c.0 = c.0.to_ascii_lowercase());
            steps.push("lower");
        }
        1 => {
            chars.iter_mut().for_each(|c| {
                if rng.chance(1, 2) {
                    c.0 = c.0.to_ascii_lowercase()
                }
            });
            steps.push("mixedcase");
        }
        _ => {}
    }
    let body: String = chars.iter().map(|c| char::from(c.0)).collect();
    let wrapper = if ops.wrapper {
        rng.pick(WRAPPERS)
    } else {
        &"{}"
    };
    if *wrapper != "{}" {
        steps.push("wrapper");
    }
    Mangled {
        text: wrapper.replace("{}", &body),
        steps,
    }
}
