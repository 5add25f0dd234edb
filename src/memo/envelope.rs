//! Reading the envelope that banks and NAPAS put around the payer's words.
//!
//! What a statement's content column holds is rarely what the payer typed: trace numbers,
//! times, accounts and names sit before and after it (docs/reference/memo-envelopes.md).
//! [`read_envelope`] recognises the shapes of [`TABLES`] (one table per bank, each shape with
//! an id, a description, where it was seen and a sample line) and returns, as byte spans
//! into the original text, the sender's name, account and bank, the receiver's account and
//! name, the trace and reference numbers, and the **free text**: the payer's own words.
//! Payment codes are looked for in the free text only ([`super::extract`]).
//!
//! A shape is a short list of [`El`]ements matched byte by byte, case- and accent-blind
//! (`Chuyển tiền` reads as `CHUYEN TIEN`), where a separator in a literal matches any run of
//! separators (`.`, `-`, `_`, `:`, `;`, `,`, `/`, spaces) or none, and a fixed-length number
//! may have single spaces inside it (line wraps). The part after the free text may be cut
//! (statements cut long memos near 140 or 210 characters): a cut tail still matches.
//!
//! When no shape matches, the whole line is free text. In either case the trace-like tokens
//! of [`TOKENS`] (`FT` and 14 digits, `CTLNHIDI…`, NAPAS trace runs, times, dates,
//! `Trace 123456`, `GD 856933-090922`) found in the free text are taken out of it, and the
//! paying bank's own prefix at the start of the free text (`IBFT <NAME>`,
//! `<Bank>:<account>:`) is read as part of the envelope ([`INNER`]).
//!
//! No allocation but the output's vectors (reused with [`read_envelope_into`]); a line is
//! matched against each shape's first element, which fails at once for most shapes.

use crate::text::chars::{is_name_letter, vietnamese_letter_parts};
use crate::text::ALNUM_UPPER;
use serde::Serialize;

/// A byte range `(start, end)` into the text that was read.
pub type Span = (usize, usize);

/// What a number of the envelope is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A trace number of the interbank switch or of the bank's own numbering.
    Trace,
    /// A transaction reference (`FT…`, `CTLNHIDI…`, the channel's transaction number).
    Reference,
    /// A date (`ddmmyy`, `dd/mm/yyyy`, `yyyymmdd`).
    Date,
    /// A time (`hhmmss`, `hh:mm:ss`).
    Time,
    /// A phone number (e-wallets).
    Phone,
    /// Any other number of the envelope (a page counter, a channel code).
    Other,
}

/// A number of the envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Number {
    /// What it is.
    pub kind: NumberKind,
    /// Where it is.
    pub span: Span,
}

/// Which shape a line was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ShapeRef {
    /// The receiving bank (or channel) whose table holds the shape.
    pub bank: &'static str,
    /// The shape's id in that table.
    pub id: &'static str,
}

/// The envelope of one memo: every part as byte spans into the text read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Envelope {
    /// The shape recognised; `None` when no shape matched (the whole line is free text,
    /// less its trace-like tokens).
    pub shape: Option<ShapeRef>,
    /// The sender's name where the envelope carries one.
    pub sender_name: Option<Span>,
    /// The sender's account (possibly masked with `xxx`) or wallet.
    pub sender_account: Option<Span>,
    /// The sender's bank.
    pub sender_bank: Option<Span>,
    /// The receiving account.
    pub receiver_account: Option<Span>,
    /// The receiving account's holder.
    pub receiver_name: Option<Span>,
    /// Trace and reference numbers, dates and times, in order of appearance.
    pub numbers: Vec<Number>,
    /// The payer's own words, in order: non-empty, non-overlapping, inside the text.
    pub free: Vec<Span>,
}

impl Envelope {
    /// Empties it (keeping its vectors' capacity).
    pub fn clear(&mut self) {
        self.shape = None;
        self.sender_name = None;
        self.sender_account = None;
        self.sender_bank = None;
        self.receiver_account = None;
        self.receiver_name = None;
        self.numbers.clear();
        self.free.clear();
    }

    /// Whether `span` lies inside one free-text span.
    pub fn in_free(&self, span: Span) -> bool {
        self.free.iter().any(|f| f.0 <= span.0 && span.1 <= f.1)
    }

    /// The parts with their text, for people and JSON.
    pub fn describe(&self, text: &str) -> EnvelopeParts {
        let part = |s: Option<Span>| s.map(|s| Part::of(text, s));
        EnvelopeParts {
            bank: self.shape.map(|s| s.bank.to_string()),
            shape: self.shape.map(|s| s.id.to_string()),
            sender_name: part(self.sender_name),
            sender_account: part(self.sender_account),
            sender_bank: part(self.sender_bank),
            receiver_account: part(self.receiver_account),
            receiver_name: part(self.receiver_name),
            numbers: self
                .numbers
                .iter()
                .map(|n| NumberPart {
                    kind: n.kind,
                    part: Part::of(text, n.span),
                })
                .collect(),
            free: self.free.iter().map(|s| Part::of(text, *s)).collect(),
        }
    }
}

/// A part of the envelope with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The text of the part, as in the memo.
    pub text: String,
    /// Byte offsets into the memo.
    pub span: Span,
}

impl Part {
    fn of(text: &str, span: Span) -> Part {
        Part {
            text: text.get(span.0..span.1).unwrap_or("").to_string(),
            span,
        }
    }
}

/// A number of the envelope with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberPart {
    /// What it is.
    pub kind: NumberKind,
    /// Its text and span.
    #[serde(flatten)]
    pub part: Part,
}

/// [`Envelope::describe`]: what `vietref memo envelope`, the C ABI and the bindings return.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvelopeParts {
    /// The bank whose shape was recognised.
    pub bank: Option<String>,
    /// The shape's id.
    pub shape: Option<String>,
    /// The sender's name.
    pub sender_name: Option<Part>,
    /// The sender's account.
    pub sender_account: Option<Part>,
    /// The sender's bank.
    pub sender_bank: Option<Part>,
    /// The receiving account.
    pub receiver_account: Option<Part>,
    /// The receiving account's holder.
    pub receiver_name: Option<Part>,
    /// Trace and reference numbers, dates, times.
    pub numbers: Vec<NumberPart>,
    /// The payer's own words.
    pub free: Vec<Part>,
}

/// What a matched element is kept as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// Nothing (a literal, a separator).
    Skip,
    /// The payer's words.
    FreeText,
    /// The sender's name.
    SenderName,
    /// The sender's account.
    SenderAccount,
    /// The sender's bank.
    SenderBank,
    /// The receiving account.
    ReceiverAccount,
    /// The receiving account's holder.
    ReceiverName,
    /// A number of this kind.
    Num(NumberKind),
}

/// One element of a shape.
#[derive(Debug, Clone, Copy)]
pub enum El {
    /// A literal, upper-case ASCII; a separator in it matches any run of separators or none.
    Lit(&'static str),
    /// One of several literals.
    AnyLit(&'static [&'static str]),
    /// Exactly one of these characters.
    OneOf(&'static [u8]),
    /// One or more separators.
    Sep,
    /// Zero or more separators.
    OptSep,
    /// `min..=max` digits (single spaces inside allowed: line wraps).
    Digits(u8, u8, Cap),
    /// `min..=max` ASCII letters and digits, no separator inside.
    Alnum(u8, u8, Cap),
    /// A literal prefix then `min..=max` digits, kept as one number.
    Prefixed(&'static str, u8, u8, NumberKind),
    /// An account: 6–19 digits (spaces inside allowed), possibly ending in `x`/`*` masking.
    Account(Cap),
    /// An account whose last digits are masked (`x`/`*`): 4–19 digits then the mask.
    Masked(Cap),
    /// A date `d/m/yyyy` (any separator).
    DateDmy,
    /// A time `h:m:s` (any separator).
    TimeHms,
    /// One word of letters (a bank's name).
    Word(Cap),
    /// A person's or holder's name: words of letters, as few as the rest of the shape allows.
    Name(Cap),
    /// A person's name followed by free text: 2–6 words of letters, up to the first word
    /// of the memo vocabulary ([`MEMO_WORDS`]) or non-letter. With `true`, its first word
    /// must be a family name ([`FAMILY_NAMES`]).
    LeadName(Cap, bool),
    /// The payer's words: as few as the rest of the shape allows.
    Free,
    /// From here on, the text may end (cut by the bank) and the shape still matches.
    Cut,
    /// The next `n` elements may be absent.
    Opt(u8),
}

/// One shape of a bank's envelope.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Its id, unique in its table.
    pub id: &'static str,
    /// What it is.
    pub description: &'static str,
    /// Where it was seen.
    pub source: &'static str,
    /// A made-up line of this shape.
    pub sample: &'static str,
    /// The sender's name, account and free text (joined with `|`) read from the sample.
    pub expect: (&'static str, &'static str, &'static str),
    /// The elements.
    pub els: &'static [El],
    /// Whether the free text often starts with the sender's name (a family name first).
    pub name_first: bool,
}

/// One bank's (or channel's) table of shapes.
#[derive(Debug, Clone, Copy)]
pub struct BankTable {
    /// The bank.
    pub bank: &'static str,
    /// Its shapes, tried in order.
    pub shapes: &'static [Shape],
}

const SRC_STATEMENTS: &str =
    "published statements of four large banks, Sept 2024 (about 2M credit lines)";
const SRC_ISSUE: &str = "shapes reported from published statements (docs/domain.md, \
    \"What banks do to a memo\")";

use Cap::*;
use El::*;
use NumberKind as K;

const CT_TAIL: &[El] = &[
    Cut,
    Sep,
    Lit("CT TU"),
    Sep,
    Account(SenderAccount),
    Sep,
    Name(SenderName),
    Sep,
    Lit("TOI"),
    Sep,
    Account(ReceiverAccount),
    Sep,
    Name(ReceiverName),
    Opt(4),
    Sep,
    Lit("TAI"),
    Sep,
    Word(Skip),
];

macro_rules! cat {
    ($a:expr, $b:expr) => {{
        const A: &[El] = $a;
        const B: &[El] = $b;
        const N: usize = A.len() + B.len();
        const C: [El; N] = {
            let mut out = [El::Sep; N];
            let mut i = 0;
            while i < A.len() {
                out[i] = A[i];
                i += 1;
            }
            while i < N {
                out[i] = B[i - A.len()];
                i += 1;
            }
            out
        };
        &C
    }};
}

/// Vietcombank as the receiving bank.
pub const VIETCOMBANK: BankTable = BankTable {
    bank: "vietcombank",
    shapes: &[
        Shape {
            id: "mbvcb",
            description: "Vietcombank app or internet banking transfer: channel and transaction \
                number, optional 6-digit trace, free text, then `CT tu <account> <SENDER> toi \
                <account> <RECEIVER>[ tai <BANK>]`",
            source: SRC_STATEMENTS,
            sample: "MBVCB.6990001234.HP2401017 2 hoc phi.CT tu 0071000123456 TRAN THI MAI toi 0011001000111 TRUONG THCS HOA BINH",
            expect: ("TRAN THI MAI", "0071000123456", "HP2401017 2 hoc phi"),
            els: cat!(
                &[
                    AnyLit(&["MBVCB", "IBVCB"]),
                    OptSep,
                    Digits(10, 10, Num(K::Reference)),
                    Opt(2),
                    Sep,
                    Digits(6, 6, Num(K::Trace)),
                    Sep,
                    Free,
                ],
                CT_TAIL
            ),
            name_first: false,
        },
        Shape {
            id: "biz",
            description: "Vietcombank business banking: channel and 10-digit number, free text",
            source: SRC_STATEMENTS,
            sample: "MBBIZ6990001234.TT HOC PHI HP24010172",
            expect: ("", "", "TT HOC PHI HP24010172"),
            els: &[
                AnyLit(&["MBBIZ", "IBBIZ"]),
                OptSep,
                Digits(10, 10, Num(K::Reference)),
                Sep,
                Free,
            ],
            name_first: false,
        },
        Shape {
            id: "napas247",
            description: "NAPAS 247 inbound: `0200970`, the sending bank's 3 digits, ddmm, hhmmss, \
                yyyy, 2-6 letters or digits and 6 digits; a 4-5 digit trace; hhmmss; free text \
                (which may start with `<Bank>:<account>:`)",
            source: SRC_STATEMENTS,
            sample: "020097041509102116392024X4CA043681.33332.211640.Vietcombank:0011001000111:LE VAN NAM nop hoc phi HP24010269",
            expect: ("LE VAN NAM", "", "nop hoc phi HP24010269"),
            els: &[
                Prefixed("0200970", 17, 17, K::Trace),
                Alnum(8, 12, Num(K::Trace)),
                Sep,
                Digits(4, 5, Num(K::Trace)),
                Sep,
                Digits(6, 6, Num(K::Time)),
                Sep,
                Free,
            ],
            name_first: true,
        },
        Shape {
            id: "interbank",
            description: "Transfer from another bank, the receiving bank's numbering: 6-digit \
                number, ddmmyy, hhmmss, free text",
            source: SRC_STATEMENTS,
            sample: "884114.100924.223854.DANG THANH NAM chuyen FT24255200000001",
            expect: ("DANG THANH NAM", "", "chuyen"),
            els: &[
                Digits(6, 6, Num(K::Trace)),
                Sep,
                Digits(6, 6, Num(K::Date)),
                Sep,
                Digits(6, 6, Num(K::Time)),
                Sep,
                Free,
            ],
            name_first: true,
        },
        Shape {
            id: "partner_direct_debit",
            description: "Wallet top-up paid through the bank: `PARTNER.DIRECT_DEBITS_VCB.MSE.`, \
                11 digits, yyyymmdd, the wallet (11 digits) and phone, `_<SENDER NAME>`, free text",
            source: SRC_STATEMENTS,
            sample: "PARTNER.DIRECT_DEBITS_VCB.MSE.66500012345.20240910.66500012345-0901000111_PHAM THU HA chuyen tien vien phi",
            expect: ("PHAM THU HA", "66500012345", "chuyen tien vien phi"),
            els: &[
                Lit("PARTNER.DIRECT.DEBITS.VCB.MSE"),
                Sep,
                Digits(11, 11, Num(K::Reference)),
                Sep,
                Digits(8, 8, Num(K::Date)),
                Sep,
                Digits(11, 11, SenderAccount),
                Sep,
                Digits(9, 11, Num(K::Phone)),
                Sep,
                LeadName(SenderName, false),
                Cut,
                Sep,
                Free,
            ],
            name_first: false,
        },
        Shape {
            id: "standing_order",
            description: "Standing order: `VCB.CTDK.<dd/mm/yyyy>.`, free text, \
                `CT tu <account> toi <account> <RECEIVER>`",
            source: SRC_STATEMENTS,
            sample: "VCB.CTDK.31/03/2024.HOC PHI THANG 4. CT tu 0481000000001 toi 0011001000111 TRUONG MN SEN HONG",
            expect: ("", "0481000000001", "HOC PHI THANG 4"),
            els: &[
                Lit("VCB.CTDK"),
                Sep,
                DateDmy,
                Sep,
                Free,
                Cut,
                Sep,
                Lit("CT TU"),
                Sep,
                Account(SenderAccount),
                Sep,
                Lit("TOI"),
                Sep,
                Account(ReceiverAccount),
                Sep,
                Name(ReceiverName),
            ],
            name_first: false,
        },
    ],
};

/// VietinBank as the receiving bank.
pub const VIETINBANK: BankTable = BankTable {
    bank: "vietinbank",
    shapes: &[
        Shape {
            id: "napas",
            description: "Transfer in through NAPAS: `Chuyen tien den tu NAPAS Noi dung:`, free \
                text, `FT<14 digits>`, `(CT1111)`",
            source: SRC_STATEMENTS,
            sample: "Chuyen tien den tu NAPAS Noi dung: HP24010366 hoc phi Do Minh Quan FT24256000123456 (CT1111)",
            expect: ("", "", "HP24010366 hoc phi Do Minh Quan"),
            els: &[
                Lit("CHUYEN TIEN DEN TU NAPAS NOI DUNG"),
                OptSep,
                Free,
                Cut,
                Sep,
                Prefixed("FT", 14, 14, K::Reference),
                Opt(3),
                OptSep,
                Prefixed("(CT", 2, 6, K::Other),
                Lit(")"),
                OptSep,
            ],
            name_first: false,
        },
        Shape {
            id: "nhanh247_account",
            description: "Fast 247 transfer in: `CT nhanh 247 den: <bank>;<account>;` then free text",
            source: SRC_STATEMENTS,
            sample: "CT nhanh 247 den: Vietinbank;108000111222;NGUYEN VAN HOA hoc phi HP24010172",
            expect: ("NGUYEN VAN HOA", "", "hoc phi HP24010172"),
            els: &[
                Lit("CT NHANH 247 DEN"),
                Sep,
                Word(Skip),
                Sep,
                Account(ReceiverAccount),
                Sep,
                Free,
                Cut,
                Opt(3),
                OptSep,
                Prefixed("(CT", 2, 6, K::Other),
                Lit(")"),
                OptSep,
            ],
            name_first: true,
        },
        Shape {
            id: "nhanh247",
            description: "Fast 247 transfer in: `CT nhanh 247 den:`, free text, `(CT1111)`",
            source: SRC_STATEMENTS,
            sample: "CT nhanh 247 den: NGO THI LAN CHUYEN TIEN HOC PHI (CT1111)",
            expect: ("NGO THI LAN", "", "CHUYEN TIEN HOC PHI"),
            els: &[
                Lit("CT NHANH 247 DEN"),
                OptSep,
                Free,
                Cut,
                Opt(3),
                OptSep,
                Prefixed("(CT", 2, 6, K::Other),
                Lit(")"),
                OptSep,
            ],
            name_first: true,
        },
        Shape {
            id: "wallet",
            description: "E-wallet transfer: the wallet's 11 digits, the phone, free text (also \
                seen at Agribank with spaces)",
            source: SRC_STATEMENTS,
            sample: "66600012345-0912000111-vien phi BN Nguyen Van Binh",
            expect: ("", "66600012345", "vien phi BN Nguyen Van Binh"),
            els: &[
                Digits(11, 11, SenderAccount),
                Sep,
                Digits(10, 10, Num(K::Phone)),
                Sep,
                Free,
            ],
            name_first: true,
        },
        Shape {
            id: "zalopay",
            description: "ZaloPay: `ZP` and 10 letters or digits, free text",
            source: SRC_STATEMENTS,
            sample: "ZP24A0B1C2D3 hoc phi HP24010172",
            expect: ("", "", "hoc phi HP24010172"),
            els: &[Lit("ZP"), Alnum(10, 10, Num(K::Reference)), Sep, Free],
            name_first: false,
        },
    ],
};

const CTLNHIDI_TAIL: &[El] = &[
    Prefixed("CTLNHIDI", 12, 20, K::Reference),
    Opt(8),
    Sep,
    Digits(1, 3, Num(K::Other)),
    Sep,
    Digits(1, 3, Num(K::Other)),
    Sep,
    Lit("CRE"),
    Sep,
    Digits(1, 4, Num(K::Other)),
    Opt(6),
    Sep,
    Lit("THOI GIAN GD"),
    Sep,
    DateDmy,
    Sep,
    TimeHms,
    OptSep,
];

/// BIDV as the receiving bank.
pub const BIDV: BankTable = BankTable {
    bank: "bidv",
    shapes: &[
        Shape {
            id: "tkthe",
            description: "Interbank transfer in: `TKThe :<masked account>, tai <BANK>. <RECEIVER \
                BANK>;<account>;`, free text, `-CTLNHIDI<digits>-<n>/<n>-CRE-<nnn>`",
            source: SRC_STATEMENTS,
            sample: "TKThe :5700000001xxx, tai Agribank. BIDV;12610001000111;nop hoc phi HP24010463 -CTLNHIDI000009800000001-1/1-CRE-002",
            expect: ("", "5700000001xxx", "nop hoc phi HP24010463"),
            els: cat!(
                &[
                    Lit("TKTHE"),
                    OptSep,
                    Masked(SenderAccount),
                    Sep,
                    Lit("TAI"),
                    Sep,
                    Word(SenderBank),
                    Sep,
                    Word(Skip),
                    Sep,
                    Account(ReceiverAccount),
                    Sep,
                    Free,
                    Cut,
                    Sep,
                ],
                CTLNHIDI_TAIL
            ),
            name_first: true,
        },
        Shape {
            id: "masked_tkthe",
            description: "Interbank transfer in: `<masked account> TKThe :<masked account> tai \
                <BANK>.`, free text, `FT<14 digits>`, `-CTLNHIDI...-1/1-CRE-002; thoi gian \
                GD:<date time>`",
            source: SRC_STATEMENTS,
            sample: "1820000001xxx TKThe :1820000001xxx tai TCB. LE THI TRANG hoc phi con FT24254600000001 -CTLNHIDI000009811400001-1/1-CRE-002; thoi gian GD:09/09/2024 23:23:56",
            expect: ("LE THI TRANG", "1820000001xxx", "hoc phi con"),
            els: cat!(
                &[
                    Masked(Skip),
                    Sep,
                    Lit("TKTHE"),
                    OptSep,
                    Masked(SenderAccount),
                    Sep,
                    Lit("TAI"),
                    Sep,
                    Word(SenderBank),
                    Sep,
                    Free,
                    Cut,
                    Opt(2),
                    Sep,
                    Prefixed("FT", 14, 14, K::Reference),
                    Sep,
                ],
                CTLNHIDI_TAIL
            ),
            name_first: true,
        },
        Shape {
            id: "masked",
            description: "Masked sender account, receiving account, free text, `; thoi gian \
                GD:<dd/mm/yyyy hh:mm:ss>`",
            source: SRC_STATEMENTS,
            sample: "2150000xxx 1261000111 hoc phi HK1; thoi gian GD:09/09/2024 23:23:56",
            expect: ("", "2150000xxx", "hoc phi HK1"),
            els: &[
                Masked(SenderAccount),
                Sep,
                Account(ReceiverAccount),
                Sep,
                Free,
                Cut,
                Sep,
                Lit("THOI GIAN GD"),
                Sep,
                DateDmy,
                Sep,
                TimeHms,
                OptSep,
            ],
            name_first: true,
        },
    ],
};

/// Agribank as the receiving bank (its lines are most often the free text alone).
pub const AGRIBANK: BankTable = BankTable {
    bank: "agribank",
    shapes: &[
        Shape {
            id: "ibft",
            description: "Interbank transfer: `IBFT <SENDER NAME>` then free text",
            source: SRC_STATEMENTS,
            sample: "IBFT TO VAN BANG hoc phi lop 3B",
            expect: ("TO VAN BANG", "", "hoc phi lop 3B"),
            els: &[
                Lit("IBFT"),
                Sep,
                LeadName(SenderName, false),
                Cut,
                Sep,
                Free,
            ],
            name_first: false,
        },
        Shape {
            id: "isl",
            description: "`ISL<17 digits>-<SENDER NAME>` then free text",
            source: SRC_STATEMENTS,
            sample: "ISL20240910074600001-TO VAN BANG hoc phi lop 3B",
            expect: ("TO VAN BANG", "", "hoc phi lop 3B"),
            els: &[
                Prefixed("ISL", 17, 17, K::Reference),
                Sep,
                LeadName(SenderName, false),
                Cut,
                Sep,
                Free,
            ],
            name_first: false,
        },
    ],
};

/// Sacombank as the paying bank.
pub const SACOMBANK: BankTable = BankTable {
    bank: "sacombank",
    shapes: &[Shape {
        id: "ibft",
        description:
            "Sacombank interbank transfer: `SACOMBANK-GD <number>-/CTR/IBFT <free>/MAC/<trace>`",
        source: SRC_ISSUE,
        sample: "SACOMBANK-GD 459096-2024-09-10T11:41:21-970403-/CTR/IBFT hoc phi HP24010172/MAC/1526BCF94B9A4C13",
        expect: ("", "", "hoc phi HP24010172"),
        els: &[
            Lit("SACOMBANK"),
            Sep,
            Lit("GD"),
            OptSep,
            Digits(4, 12, Num(K::Reference)),
            Opt(9),
            Sep,
            Digits(4, 4, Num(K::Date)),
            Sep,
            Digits(1, 2, Num(K::Date)),
            Sep,
            Digits(1, 2, Num(K::Date)),
            Lit("T"),
            TimeHms,
            Sep,
            Opt(2),
            Digits(6, 6, Num(K::Other)),
            Sep,
            Lit("CTR"),
            Sep,
            Lit("IBFT"),
            Sep,
            Free,
            Cut,
            Lit("/MAC/"),
            Alnum(1, 32, Num(K::Trace)),
            OptSep,
        ],
        name_first: true,
    }],
};

/// E-wallets and other channels seen on any receiving bank's statement.
pub const CHANNELS: BankTable = BankTable {
    bank: "channels",
    shapes: &[
        Shape {
            id: "momo",
            description:
                "MoMo wallet transfer: `MoMoT<phone>T<id>T<BIN>T` and the free text, glued",
            source: SRC_ISSUE,
            sample: "MoMoT0904067605T28994691053T970416Thp7184097674hocphi",
            expect: ("", "", "hp7184097674hocphi"),
            els: &[
                Lit("MOMOT"),
                Digits(9, 11, Num(K::Phone)),
                Lit("T"),
                Digits(6, 20, Num(K::Reference)),
                Lit("T"),
                Digits(6, 6, Num(K::Other)),
                Lit("T"),
                Free,
            ],
            name_first: false,
        },
        Shape {
            id: "ct_den",
            description: "Transfer in: `CT DEN:<number>` then the free text",
            source: SRC_ISSUE,
            sample: "CT DEN:523320101151 HP7184097674 HOC PHI",
            expect: ("", "", "HP7184097674 HOC PHI"),
            els: &[
                Lit("CT DEN"),
                Sep,
                Digits(6, 16, Num(K::Reference)),
                Sep,
                Free,
            ],
            name_first: true,
        },
    ],
};

/// The receiving banks' tables, tried in this order.
pub const TABLES: &[BankTable] = &[VIETCOMBANK, VIETINBANK, BIDV, AGRIBANK, SACOMBANK, CHANNELS];

/// What the paying bank puts at the start of the free text (read inside it).
pub const INNER: BankTable = BankTable {
    bank: "inner",
    shapes: &[
        Shape {
            id: "bank_account",
            description:
                "NAPAS 247 and ACB: the receiving bank's name and account before the free \
                text, `<Bank>:<account>:` or `<Bank>;<account>;`",
            source: SRC_STATEMENTS,
            sample: "Vietcombank:0011001000111:LE VAN NAM nop hoc phi",
            expect: ("LE VAN NAM", "", "nop hoc phi"),
            els: &[
                Word(Skip),
                OneOf(b":;"),
                Account(ReceiverAccount),
                OneOf(b":;"),
                OptSep,
                Free,
            ],
            name_first: true,
        },
        Shape {
            id: "ibft",
            description: "`IBFT <SENDER NAME>` before the free text",
            source: SRC_STATEMENTS,
            sample: "IBFT NGUYEN VAN HOA hoc phi lop 6A",
            expect: ("NGUYEN VAN HOA", "", "hoc phi lop 6A"),
            els: &[
                Lit("IBFT"),
                Sep,
                LeadName(SenderName, false),
                Cut,
                Sep,
                Free,
            ],
            name_first: false,
        },
    ],
};

/// Trace-like tokens taken out of the free text wherever they stand.
pub const TOKENS: &[&[El]] = &[
    // Techcombank, MB, VPBank and VietinBank references: FT and 14 digits.
    &[Prefixed("FT", 14, 14, K::Reference)],
    // BIDV's interbank reference and its counter.
    CTLNHIDI_TAIL,
    // `GD 856933-090922 18:14:59`.
    &[
        Lit("GD"),
        OptSep,
        Digits(6, 6, Num(K::Trace)),
        Sep,
        Digits(6, 6, Num(K::Date)),
        Opt(2),
        Sep,
        TimeHms,
    ],
    &[Lit("TRACE"), OptSep, Digits(4, 12, Num(K::Trace))],
    &[Lit("THOI GIAN GD"), Sep, DateDmy, Opt(2), Sep, TimeHms],
    &[DateDmy],
    &[TimeHms],
];

/// Family names read as the first word of a sender's name in free text (folded): the most
/// common Vietnamese family names (docs/domain.md), `MAC` (Mạc) included.
pub const FAMILY_NAMES: &[&str] = &[
    "BUI", "CAO", "CHAU", "CHU", "DANG", "DAO", "DIEP", "DINH", "DO", "DOAN", "DUONG", "HA", "HAN",
    "HO", "HOANG", "HUYNH", "KHUAT", "KIEU", "KIM", "LA", "LAI", "LAM", "LE", "LUC", "LUONG",
    "LUU", "LY", "MAC", "MAI", "NGHIEM", "NGO", "NGUYEN", "ONG", "PHAM", "PHAN", "PHUNG", "QUACH",
    "TA", "TANG", "THACH", "THAI", "TO", "TONG", "TRAN", "TRINH", "TRUONG", "VI", "VO", "VU",
    "VUONG",
];

/// Words of the memo vocabulary that end a sender's name (folded).
pub const MEMO_WORDS: &[&str] = &[
    "BAN", "CHO", "CHUYEN", "CK", "CT", "CUA", "DEN", "FT", "GD", "GUI", "HOC", "HP", "IBFT",
    "LOP", "MUA", "NAPAS", "NOP", "PHI", "QR", "TAI", "THANG", "TIEN", "TOI", "TRA", "TT", "TU",
    "UNG", "VIEN",
];

/// Longest word [`pack`] holds.
const PACK_MAX: usize = 7;

/// A word of at most [`PACK_MAX`] bytes as one number: its bytes, and its length in the top
/// byte (so that no two words give the same number).
const fn pack(w: &[u8]) -> u64 {
    let mut v = (w.len() as u64) << 56;
    let mut i = 0;
    while i < w.len() && i < PACK_MAX {
        v |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    v
}

const fn pack_all<const N: usize>(list: &[&str]) -> [u64; N] {
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N {
        assert!(list[i].len() <= PACK_MAX);
        out[i] = pack(list[i].as_bytes());
        i += 1;
    }
    out
}

const FAMILY_PACKED: [u64; FAMILY_NAMES.len()] = pack_all(FAMILY_NAMES);
const MEMO_PACKED: [u64; MEMO_WORDS.len()] = pack_all(MEMO_WORDS);

/// Reads the envelope of `text`.
pub fn read_envelope(text: &str) -> Envelope {
    let mut env = Envelope::default();
    read_envelope_into(text, &mut env);
    env
}

/// [`read_envelope`] into `env` (cleared first; lets a caller reuse its vectors).
pub fn read_envelope_into(text: &str, env: &mut Envelope) {
    env.clear();
    let t = text.as_bytes();
    let mut caps = Caps::default();
    let mut name_first = false;
    let c0 = t.first().copied().unwrap_or(0);
    let mut which = first_byte_shapes()
        .get(usize::from(c0))
        .copied()
        .unwrap_or(0);
    let mut index = 0u32;
    'tables: for table in TABLES {
        for shape in table.shapes {
            let this = index;
            index += 1;
            if which & 1u64.checked_shl(this).unwrap_or(0) == 0 {
                continue;
            }
            which &= !1u64.checked_shl(this).unwrap_or(0);
            if !head_fits(shape.els, t, 0) {
                continue;
            }
            caps.clear();
            if matches(t, shape.els, 0, 0, false, &mut caps) {
                env.shape = Some(ShapeRef {
                    bank: table.bank,
                    id: shape.id,
                });
                name_first = shape.name_first;
                break 'tables;
            }
        }
    }
    if env.shape.is_none() {
        caps.clear();
        caps.push((FreeText, (0, t.len())));
    }
    // The free text's own start: the paying bank's prefix, then a leading sender name.
    let mut free = [(0usize, 0usize); 4];
    let mut n_free = 0;
    for &(cap, span) in caps.iter() {
        if cap == FreeText {
            if let Some(f) = free.get_mut(n_free) {
                *f = span;
                n_free += 1;
            }
        } else {
            store(env, cap, span);
        }
    }
    if let Some(first) = free.get_mut(..n_free).and_then(|f| f.first_mut()) {
        let sub = t.get(..first.1).unwrap_or(&[]);
        let c1 = t.get(first.0).copied().unwrap_or(0);
        for shape in INNER.shapes {
            if !may_start(shape.els, c1) || !head_fits(shape.els, t, first.0) {
                continue;
            }
            caps.clear();
            if matches(sub, shape.els, 0, first.0, false, &mut caps) {
                let mut rest = None;
                for &(cap, span) in caps.iter() {
                    if cap == FreeText {
                        rest = Some(span);
                    } else if cap != SenderAccount || env.sender_account.is_none() {
                        store(env, cap, span);
                    }
                }
                *first = rest.unwrap_or((first.1, first.1));
                name_first |= shape.name_first;
                break;
            }
        }
        if name_first && env.sender_name.is_none() {
            if let Some(end) = lead_name(t, first.0, first.1, true) {
                env.sender_name = Some((first.0, end));
                first.0 = skip_seps(t, end, first.1);
            }
        }
    }
    // Trace-like tokens out of the free text.
    for &span in free.get(..n_free).unwrap_or(&[]) {
        carve(t, span, env, &mut caps);
    }
    env.numbers.sort_by_key(|n| n.span);
}

/// The parts matched so far: a fixed array (no allocation per line).
#[derive(Clone, Copy)]
pub(crate) struct Caps {
    items: [(Cap, Span); 32],
    len: usize,
}

impl Default for Caps {
    fn default() -> Caps {
        Caps {
            items: [(Skip, (0, 0)); 32],
            len: 0,
        }
    }
}

impl Caps {
    fn push(&mut self, item: (Cap, Span)) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = item;
            self.len += 1;
        }
    }
    fn len(&self) -> usize {
        self.len
    }
    fn truncate(&mut self, n: usize) {
        self.len = self.len.min(n);
    }
    fn clear(&mut self) {
        self.len = 0;
    }
    fn iter(&self) -> impl Iterator<Item = &(Cap, Span)> {
        self.items.get(..self.len).unwrap_or(&[]).iter()
    }
}

fn store(env: &mut Envelope, cap: Cap, span: Span) {
    if span.0 >= span.1 {
        return;
    }
    match cap {
        Skip | FreeText => {}
        SenderName => env.sender_name = Some(span),
        SenderAccount => env.sender_account = Some(span),
        SenderBank => env.sender_bank = Some(span),
        ReceiverAccount => env.receiver_account = Some(span),
        ReceiverName => env.receiver_name = Some(span),
        Num(kind) => env.numbers.push(Number { kind, span }),
    }
}

/// The bytes a token of [`token_at`] may start with (`F`, `C`, `G`, `T`, either case, and
/// digits): [`carve`] passes over every other word without calling it.
static TOKEN_START: [bool; 256] = {
    let mut t = [false; 256];
    let starts = b"FCGTfcgt0123456789";
    let mut i = 0;
    while i < starts.len() {
        t[starts[i] as usize] = true;
        i += 1;
    }
    t
};

/// Splits the free span `(a, b)` around the trace-like tokens of [`TOKENS`] and pushes the
/// pieces (trimmed of separators) to `env.free`.
fn carve(t: &[u8], (a, b): Span, env: &mut Envelope, caps: &mut Caps) {
    let sub = t.get(..b).unwrap_or(&[]);
    let mut piece = a;
    let mut i = a;
    let alnum = |c: u8| ALNUM_UPPER[usize::from(c)] != 0;
    // The end of the last word that has a digit: a date or time one separator after it may
    // be the tail of a code a bank or payer split (`HP096630.8.4.1977`), and stays free text
    // where the code search joins it only when the joined code verifies.
    let mut digit_word_end = usize::MAX;
    while i < b {
        // To the next word (ASCII letters and digits), then its length.
        let Some(&c) = sub.get(i) else { break };
        if !alnum(c) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while sub.get(e).is_some_and(|&c| alnum(c)) {
            e += 1;
        }
        let len = e - i;
        let after_digit_word = digit_word_end.checked_add(1) == Some(i);
        if sub
            .get(i..e)
            .is_some_and(|w| w.iter().any(u8::is_ascii_digit))
        {
            digit_word_end = e;
        }
        if !TOKEN_START[usize::from(c)] {
            i += len;
            continue;
        }
        if let Some(end) = token_at(sub, i, len, after_digit_word, caps) {
            push_free(t, piece, i, env);
            for &(cap, span) in caps.iter() {
                store(env, cap, span);
            }
            piece = end;
            i = end;
            // A token is not the head of a code.
            digit_word_end = usize::MAX;
            continue;
        }
        i += len;
    }
    push_free(t, piece, b, env);
}

/// A trace-like token of [`TOKENS`] (or a NAPAS run) starting at the word `i..i + len`:
/// its end, its parts in `caps`. Each token is tried only when the word's first bytes
/// allow it, so most words are passed over after a test or two. A lone date or time is not
/// taken right after a word with a digit (`after_digit_word`).
#[inline(never)]
fn token_at(
    t: &[u8],
    i: usize,
    len: usize,
    after_digit_word: bool,
    caps: &mut Caps,
) -> Option<usize> {
    let at = |k: usize| t.get(i + k).copied().unwrap_or(0);
    let c = at(0).to_ascii_uppercase();
    let tokens: &[&[El]] = match c {
        b'F' if at(1).eq_ignore_ascii_case(&b'T') && at(2).is_ascii_digit() => {
            // The common case, `FT` and 14 digits as one word: what the matcher finds for
            // `TOKENS[0]`, without running it.
            if len == 16
                && t.get(i + 2..i + 16)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            {
                caps.clear();
                caps.push((Num(K::Reference), (i, i + 16)));
                return Some(i + 16);
            }
            TOKENS.get(..1).unwrap_or(&[])
        }
        b'C' if len >= 8 && at(1).eq_ignore_ascii_case(&b'T') => TOKENS.get(1..2).unwrap_or(&[]),
        b'G' if len == 2 && at(1).eq_ignore_ascii_case(&b'D') => TOKENS.get(2..3).unwrap_or(&[]),
        // `TRACE` or `THOI GIAN GD`: most words starting `TR` or `TH` are names (`TRAN`,
        // `THI`) and are passed over at once.
        b'T' if lit_at(t, "TRACE", i).is_some() || lit_at(t, "THOI", i).is_some() => {
            TOKENS.get(3..5).unwrap_or(&[])
        }
        b'0'..=b'9' => {
            if len >= 24 {
                if let Some(end) = napas_run(t, i) {
                    caps.clear();
                    caps.push((Num(K::Trace), (i, end)));
                    return Some(end);
                }
            }
            if len <= 2 && !after_digit_word && matches!(at(len), b'/' | b'.' | b'-' | b':') {
                TOKENS.get(5..).unwrap_or(&[])
            } else {
                &[]
            }
        }
        _ => &[],
    };
    for els in tokens {
        if !head_fits(els, t, i) {
            continue;
        }
        caps.clear();
        if let Some(end) = match_token(t, els, i, caps) {
            return Some(end);
        }
    }
    None
}

/// A token matched at `i` that ends at a word boundary: its end.
fn match_token(t: &[u8], els: &[El], i: usize, caps: &mut Caps) -> Option<usize> {
    let mut end = None;
    if matches_prefix(t, els, 0, i, caps, &mut end) {
        return end;
    }
    None
}

/// A NAPAS-like trace run at `i`: 24 or more letters and digits without a separator that
/// start with 17 digits (`0200970`, a bank, a date and a time). A payment code (at most 5
/// letters and 16 digits) is shorter, and starts with letters.
fn napas_run(t: &[u8], i: usize) -> Option<usize> {
    let rest = t.get(i..)?;
    let run = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let lead = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    (run >= 24 && lead >= 17).then_some(i + run)
}

fn push_free(t: &[u8], a: usize, b: usize, env: &mut Envelope) {
    let a = skip_seps(t, a, b);
    let mut e = b;
    while e > a && t.get(e - 1).is_some_and(|&c| is_sep(c)) {
        e -= 1;
    }
    if a < e {
        env.free.push((a, e));
    }
}

/// The separators of [`is_sep`] as a table: one load per byte (the free text is scanned for
/// them byte by byte, and a chain of comparisons cost several times more).
static SEPARATORS: [bool; 256] = {
    let mut t = [false; 256];
    let seps = b" .-_:;,/\t\r\n";
    let mut i = 0;
    while i < seps.len() {
        t[seps[i] as usize] = true;
        i += 1;
    }
    t
};

#[inline]
fn is_sep(c: u8) -> bool {
    SEPARATORS[usize::from(c)]
}

fn skip_seps(t: &[u8], mut i: usize, limit: usize) -> usize {
    while i < limit && t.get(i).is_some_and(|&c| is_sep(c)) {
        i += 1;
    }
    i
}

/// The character at `i` folded to an upper-case ASCII letter or digit when it is one (a
/// Vietnamese letter to its base letter), and its length in bytes.
#[inline]
fn folded_at(t: &[u8], i: usize) -> Option<(u8, usize)> {
    let c = *t.get(i)?;
    if c.is_ascii() {
        return Some((c.to_ascii_uppercase(), 1));
    }
    let len = match c {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return Some((0, 1)),
    };
    let ch = std::str::from_utf8(t.get(i..i + len)?)
        .ok()?
        .chars()
        .next()?;
    let base = match vietnamese_letter_parts(ch) {
        Some((b, _)) => b,
        None => return Some((0, len)),
    };
    let ascii = match base {
        'ă' | 'â' => b'A',
        'ê' => b'E',
        'ô' | 'ơ' => b'O',
        'ư' => b'U',
        'đ' => b'D',
        b if b.is_ascii() => (b as u8).to_ascii_uppercase(),
        _ => 0,
    };
    Some((ascii, len))
}

/// The end of literal `lit` matched at `i`.
#[inline]
fn lit_at(t: &[u8], lit: &str, mut i: usize) -> Option<usize> {
    for &l in lit.as_bytes() {
        if is_sep(l) {
            i = skip_seps(t, i, t.len());
            continue;
        }
        let b = *t.get(i)?;
        if b.is_ascii() {
            if b.to_ascii_uppercase() != l {
                return None;
            }
            i += 1;
            continue;
        }
        let (c, len) = folded_at(t, i)?;
        if c != l {
            return None;
        }
        i += len;
    }
    Some(i)
}

/// The ends at which `min..=max` digits starting at `i` may stop, longest last; single
/// spaces between digits allowed. Calls `each` from the longest down until it returns true.
fn digit_ends(
    t: &[u8],
    i: usize,
    (min, max): (u8, u8),
    cut: bool,
    mut each: impl FnMut(usize) -> bool,
) -> bool {
    let mut ends = [0usize; 32];
    let (mut n, mut j) = (0usize, i);
    while n < usize::from(max) && n < ends.len() {
        match t.get(j) {
            Some(c) if c.is_ascii_digit() => {
                j += 1;
                n += 1;
                if let Some(e) = ends.get_mut(n - 1) {
                    *e = j;
                }
            }
            Some(b' ') if n > 0 && t.get(j + 1).is_some_and(u8::is_ascii_digit) => j += 1,
            _ => break,
        }
    }
    let cut_ok = cut && j >= t.len();
    for k in (1..=n).rev() {
        if k < usize::from(min) && !cut_ok {
            break;
        }
        if let Some(&e) = ends.get(k - 1) {
            if each(e) {
                return true;
            }
        }
    }
    false
}

fn word_end(t: &[u8], i: usize) -> usize {
    let mut j = i;
    // ASCII letters first (a folded ASCII byte is a letter when it is one), then the rest.
    while t.get(j).is_some_and(u8::is_ascii_alphabetic) {
        j += 1;
    }
    while let Some((c, len)) = folded_at(t, j) {
        if !c.is_ascii_uppercase() {
            break;
        }
        j += len;
    }
    j
}

/// A sender's name at the start of free text `(i, limit)`: 2–6 words of letters, the first
/// a family name when `family` is set, up to a memo word, a non-letter or the end. Its end.
fn lead_name(t: &[u8], i: usize, limit: usize, family: bool) -> Option<usize> {
    let mut j = i;
    let mut words = 0;
    let mut end = i;
    let mut word = [0u8; 12];
    while j < limit && words < 6 {
        let e = word_end(t, j).min(limit);
        if e == j || t.get(e).is_some_and(|&c| !is_sep(c) && e < limit) {
            break;
        }
        // The folded word.
        let mut n = 0;
        let mut k = j;
        while k < e {
            let (c, len) = folded_at(t, k).unwrap_or((0, 1));
            if let Some(w) = word.get_mut(n) {
                *w = c;
            }
            n += 1;
            k += len;
        }
        // Compared packed in a `u64` (the lists' words are short; a longer word is in none).
        let packed = (n <= PACK_MAX).then(|| pack(word.get(..n).unwrap_or(&[])));
        let known = |list: &[u64]| packed.is_some_and(|p| list.contains(&p));
        if words == 0 && family && !known(&FAMILY_PACKED) {
            return None;
        }
        if words > 0 && known(&MEMO_PACKED) {
            break;
        }
        // Letters of a name only (no digits, `f`/`j`/`w`/`z` allowed).
        if !is_name_word(t, j, e) {
            break;
        }
        words += 1;
        end = e;
        let next = skip_seps(t, e, limit);
        if next == e || t.get(e) != Some(&b' ') {
            break;
        }
        j = next;
    }
    (words >= 2).then_some(end)
}

fn is_name_word(t: &[u8], a: usize, b: usize) -> bool {
    let w = t.get(a..b).unwrap_or(&[]);
    // ASCII (what banks send): letters only, without decoding.
    if w.is_ascii() {
        return !w.is_empty() && w.iter().all(u8::is_ascii_alphabetic);
    }
    std::str::from_utf8(w).is_ok_and(|w| w.chars().all(is_name_letter))
}

/// Up to `max` digits at `i` (at least one) and their value: `(end, value)`.
fn number_at(t: &[u8], i: usize, max: usize) -> Option<(usize, u32)> {
    let d = t
        .get(i..)?
        .iter()
        .take(max + 1)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if d == 0 || d > max {
        return None;
    }
    let v = t
        .get(i..i + d)?
        .iter()
        .fold(0u32, |v, c| v * 10 + u32::from(c - b'0'));
    Some((i + d, v))
}

/// A date `d/m/yyyy` at `i` (`/`, `.` or `-` between; a real day and month; 19xx or 20xx):
/// its end.
fn date_dmy(t: &[u8], i: usize) -> Option<usize> {
    let (j, d) = number_at(t, i, 2)?;
    let sep = *t.get(j)?;
    if !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let (j, m) = number_at(t, j + 1, 2)?;
    if t.get(j) != Some(&sep) {
        return None;
    }
    let (e, y) = number_at(t, j + 1, 4)?;
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2099).contains(&y)).then_some(e)
}

/// A time `h:m:s` at `i` (a real hour, minute and second): its end.
fn time_hms(t: &[u8], i: usize) -> Option<usize> {
    let (j, h) = number_at(t, i, 2)?;
    if t.get(j) != Some(&b':') {
        return None;
    }
    let (j, m) = number_at(t, j + 1, 2)?;
    if t.get(j) != Some(&b':') {
        return None;
    }
    let (e, s) = number_at(t, j + 1, 2)?;
    (h < 24 && m < 60 && s < 60).then_some(e)
}

/// Per first byte of a line, the shapes of [`TABLES`] (numbered in order, at most 64)
/// that may start with it: one lookup rules most shapes out.
fn first_byte_shapes() -> &'static [u64; 256] {
    static TABLE: std::sync::OnceLock<[u64; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out = [0u64; 256];
        for (c, slot) in out.iter_mut().enumerate() {
            let mut index = 0u32;
            for table in TABLES {
                for shape in table.shapes {
                    if may_start(shape.els, c as u8) {
                        *slot |= 1u64.checked_shl(index).unwrap_or(0);
                    }
                    index += 1;
                }
            }
        }
        out
    })
}

/// Whether the letters and digits a shape starts with (its first literal, up to a
/// separator) are those at `i` in `t`: a cheap test before the matcher runs. Non-ASCII
/// text (accents) is left to the matcher.
#[inline]
fn head_fits(els: &[El], t: &[u8], i: usize) -> bool {
    // Up to three leading letters or digits of the literal: enough to tell shapes apart.
    let fits = |l: &str| {
        for (k, &b) in l.as_bytes().iter().take(3).enumerate() {
            if !b.is_ascii_alphanumeric() {
                return true;
            }
            match t.get(i + k) {
                Some(&c) if c.is_ascii() && c.to_ascii_uppercase() != b => return false,
                Some(&c) if !c.is_ascii() => return true,
                None => return false,
                _ => {}
            }
        }
        true
    };
    match els {
        [Lit(l) | Prefixed(l, ..), ..] => fits(l),
        [AnyLit(ls), ..] => ls.iter().any(|l| fits(l)),
        // A word then one of a few characters: the ASCII letters, then that character.
        [Word(_), OneOf(cs), ..] => {
            let mut e = i;
            while t.get(e).is_some_and(u8::is_ascii_alphabetic) {
                e += 1;
            }
            e > i && t.get(e).is_some_and(|c| !c.is_ascii() || cs.contains(c))
        }
        _ => true,
    }
}

/// Whether an element list may start with byte `c` (upper-cased ASCII; any non-ASCII byte
/// may start anything): one test that rules most shapes out for a line.
#[inline]
fn may_start(els: &[El], c: u8) -> bool {
    if !c.is_ascii() {
        return true;
    }
    let c = c.to_ascii_uppercase();
    let first_of = |l: &str| l.as_bytes().first().copied();
    match els.first() {
        Some(Lit(l)) => first_of(l).is_none_or(|f| f == c),
        Some(AnyLit(ls)) => ls.iter().any(|l| first_of(l).is_none_or(|f| f == c)),
        Some(Prefixed(p, ..)) => first_of(p).is_none_or(|f| f == c),
        Some(Digits(..) | Account(_) | Masked(_) | DateDmy | TimeHms) => c.is_ascii_digit(),
        Some(Alnum(..)) => c.is_ascii_alphanumeric(),
        Some(Word(_) | Name(_) | LeadName(..)) => c.is_ascii_alphabetic(),
        Some(OneOf(cs)) => cs.contains(&c),
        _ => true,
    }
}

/// Whether the elements `rest` may match from `e`, by a quick look at the first letter after
/// the separators at `e`: false only where [`run`] would fail. Rests of the form
/// `Sep, Lit…` and, when the match must reach the end of the text (`whole`), `Opt(m), Sep,
/// Lit…` with nothing after the optional part are tested; a text that ends (less
/// separators) at `e` may always follow (a cut memo, or the end).
#[inline]
fn may_follow(rest: &[El], t: &[u8], e: usize, whole: bool) -> bool {
    let lit = match rest {
        [Sep, Lit(l) | Prefixed(l, ..), ..] => l,
        // Without the optional part the memo must end here (`whole`).
        [Opt(m), Sep, Lit(l) | Prefixed(l, ..), tail @ ..]
            if whole && usize::from(*m).checked_sub(2) == Some(tail.len()) =>
        {
            l
        }
        _ => return true,
    };
    let Some(&a) = lit.as_bytes().first() else {
        return true;
    };
    if !a.is_ascii_alphanumeric() {
        return true;
    }
    let n = t.len();
    let q = skip_seps(t, e, n);
    q >= n
        || t.get(q)
            .is_some_and(|c| !c.is_ascii() || c.to_ascii_uppercase() == a)
}

/// Whether `els[k..]` match `t` from `i` to its end (or to a cut, after a [`Cut`]).
fn matches(t: &[u8], els: &[El], k: usize, i: usize, cut: bool, caps: &mut Caps) -> bool {
    let mut end = None;
    let saved = caps.len();
    if run(t, els, k, i, cut, caps, &mut end, true) {
        return true;
    }
    caps.truncate(saved);
    false
}

/// Whether `els[k..]` match a prefix of `t` from `i` ending at a word boundary; the end in
/// `end`.
fn matches_prefix(
    t: &[u8],
    els: &[El],
    k: usize,
    i: usize,
    caps: &mut Caps,
    end: &mut Option<usize>,
) -> bool {
    run(t, els, k, i, false, caps, end, false)
}

/// The matcher: element `k` at byte `i`. `whole`: the match must reach the end of `t`
/// (less separators); otherwise any end at a word boundary, stored in `end`.
#[allow(clippy::too_many_arguments)]
fn run(
    t: &[u8],
    els: &[El],
    k: usize,
    i: usize,
    cut: bool,
    caps: &mut Caps,
    end: &mut Option<usize>,
    whole: bool,
) -> bool {
    let n = t.len();
    let Some(&el) = els.get(k) else {
        if whole {
            return skip_seps(t, i, n) >= n;
        }
        let boundary = t.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
        if boundary {
            *end = Some(i);
        }
        return boundary;
    };
    if cut && skip_seps(t, i, n) >= n {
        return true;
    }
    let saved = caps.len();
    let next = |j: usize, caps: &mut Caps, end: &mut Option<usize>| {
        run(t, els, k + 1, j, cut, caps, end, whole)
    };
    let ok = match el {
        Lit(l) => lit_at(t, l, i).is_some_and(|j| next(j, caps, end)),
        AnyLit(ls) => ls
            .iter()
            .any(|l| lit_at(t, l, i).is_some_and(|j| next(j, caps, end))),
        OneOf(cs) => t.get(i).is_some_and(|c| cs.contains(c)) && next(i + 1, caps, end),
        Sep => {
            let j = skip_seps(t, i, n);
            j > i && next(j, caps, end)
        }
        OptSep => next(skip_seps(t, i, n), caps, end),
        Digits(min, max, cap) => digit_ends(t, i, (min, max), cut, |j| {
            caps.push((cap, (i, j)));
            if next(j, caps, end) {
                return true;
            }
            caps.truncate(saved);
            false
        }),
        Alnum(min, max, cap) => {
            let len = t
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take(usize::from(max))
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let mut ok = false;
            for l in (usize::from(min)..=len).rev() {
                if l > 0 {
                    caps.push((cap, (i, i + l)));
                }
                if next(i + l, caps, end) {
                    ok = true;
                    break;
                }
                caps.truncate(saved);
            }
            ok
        }
        Prefixed(p, min, max, kind) => lit_at(t, p, i).is_some_and(|j| {
            digit_ends(t, j, (min, max), cut, |e| {
                caps.push((Num(kind), (i, e)));
                if next(e, caps, end) {
                    return true;
                }
                caps.truncate(saved);
                false
            })
        }),
        Account(cap) | Masked(cap) => {
            let mut j = i;
            let mut digits = 0;
            while let Some(&c) = t.get(j) {
                if c.is_ascii_digit() {
                    digits += 1;
                } else if !(c == b' ' && digits > 0 && t.get(j + 1).is_some_and(u8::is_ascii_digit))
                {
                    break;
                }
                j += 1;
            }
            let digits_end = j;
            while t.get(j).is_some_and(|&c| matches!(c, b'x' | b'X' | b'*')) {
                j += 1;
            }
            let masked = j > digits_end;
            let min = if matches!(el, Masked(_)) { 4 } else { 6 };
            (min..=19).contains(&digits) && (masked || matches!(el, Account(_))) && {
                caps.push((cap, (i, j)));
                next(j, caps, end)
            }
        }
        DateDmy => date_dmy(t, i).is_some_and(|j| {
            caps.push((Num(K::Date), (i, j)));
            next(j, caps, end)
        }),
        TimeHms => time_hms(t, i).is_some_and(|j| {
            caps.push((Num(K::Time), (i, j)));
            next(j, caps, end)
        }),
        Word(cap) => {
            let j = word_end(t, i);
            j > i && t.get(j).is_none_or(|&c| is_sep(c)) && {
                caps.push((cap, (i, j)));
                next(j, caps, end)
            }
        }
        Name(cap) => {
            // As few words as the rest allows; an end after which the rest cannot start
            // (see `may_follow`) is passed over without trying the rest.
            let rest = els.get(k + 1..).unwrap_or(&[]);
            let mut j = i;
            let mut ok = false;
            for _ in 0..8 {
                let e = word_end(t, j);
                if e == j || !is_name_word(t, j, e) {
                    break;
                }
                caps.push((cap, (i, e)));
                if may_follow(rest, t, e, whole) && next(e, caps, end) {
                    ok = true;
                    break;
                }
                caps.truncate(saved);
                if t.get(e) != Some(&b' ') {
                    break;
                }
                j = e + 1;
            }
            ok
        }
        LeadName(cap, family) => lead_name(t, i, n, family).is_some_and(|e| {
            caps.push((cap, (i, e)));
            next(e, caps, end)
        }),
        Free => {
            // As little as the rest allows. Free text last: all of it. Otherwise only the
            // places where the rest can start are tried.
            let rest = els.get(k + 1..).unwrap_or(&[]);
            let need_sep = matches!(rest, [Cut, Sep, ..] | [Sep, ..]);
            // The first letter of the literal that follows the separators, when one does.
            let anchor = match rest {
                [Cut, Sep, Lit(l) | Prefixed(l, ..), ..] | [Sep, Lit(l) | Prefixed(l, ..), ..] => {
                    l.as_bytes().first().copied()
                }
                _ => None,
            };
            let mut ok = false;
            let mut j = if rest.is_empty() { n } else { i };
            while j <= n {
                if need_sep && j < n {
                    // To the next separator.
                    j += t
                        .get(j..)
                        .unwrap_or(&[])
                        .iter()
                        .position(|&c| is_sep(c))
                        .unwrap_or(n - j);
                    if j < n {
                        let q = skip_seps(t, j, n);
                        let fits = anchor.is_none_or(|a| {
                            q >= n
                                || t.get(q)
                                    .is_some_and(|c| !c.is_ascii() || c.to_ascii_uppercase() == a)
                        });
                        if !fits {
                            j = q;
                            continue;
                        }
                    }
                }
                caps.push((FreeText, (i, j)));
                if next(j, caps, end) {
                    ok = true;
                    break;
                }
                caps.truncate(saved);
                j += 1;
                while j < n && t.get(j).is_some_and(|&c| (c & 0xC0) == 0x80) {
                    j += 1;
                }
            }
            ok
        }
        Cut => run(t, els, k + 1, i, true, caps, end, whole),
        Opt(m) => {
            run(t, els, k + 1, i, cut, caps, end, whole) || {
                caps.truncate(saved);
                run(t, els, k + 1 + usize::from(m), i, cut, caps, end, whole)
            }
        }
    };
    if !ok {
        caps.truncate(saved);
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The words `carve` passes over without calling `token_at` are those where it
        /// finds no token (the fast path agrees with the general one).
        #[test]
        fn token_start_table_covers_every_token(
            head in 0u8..=255,
            rest in "[ -~]{0,40}",
            pick in proptest::sample::select(vec![
                "T1234567", "TRACE 123456", "THOI GIAN GD 09/09/2024 23:23:56",
                "FT24255200000001", "GD 856933-090922 18:14:59", "12/09/2024", "23:23:56",
                "CTLNHIDI000009811400001-1/1-CRE-002", "020097041509102116392024X4CA0436",
            ]),
        ) {
            for text in [format!("{}{rest}", head as char), format!("{}{pick}{rest}", head as char), pick.to_string()] {
                let t = text.as_bytes();
                let len = t.iter().take_while(|c| c.is_ascii_alphanumeric()).count().max(1);
                let mut caps = Caps::default();
                if token_at(t, 0, len, false, &mut caps).is_some() {
                    proptest::prop_assert!(TOKEN_START[usize::from(t[0])], "{text:?}");
                }
            }
        }
    }

    /// Every token of [`TOKENS`] tried through the general matcher at `i` (a NAPAS run
    /// first), as [`token_at`] did before its shortcuts: the end and parts of the first that
    /// matches.
    fn token_by_matcher(
        t: &[u8],
        i: usize,
        after_digit_word: bool,
    ) -> Option<(usize, Vec<(Cap, Span)>)> {
        let len = t
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if t.get(i).is_some_and(u8::is_ascii_digit) && len >= 24 {
            if let Some(end) = napas_run(t, i) {
                return Some((end, vec![(Num(K::Trace), (i, end))]));
            }
        }
        for (k, els) in TOKENS.iter().enumerate() {
            // Dates and times: only short words before a date or time separator, never
            // right after a word with a digit (as `token_at` documents).
            if k >= 5
                && (len > 2
                    || after_digit_word
                    || !matches!(t.get(i + len), Some(b'/' | b'.' | b'-' | b':')))
            {
                continue;
            }
            let mut caps = Caps::default();
            if let Some(end) = match_token(t, els, i, &mut caps) {
                return Some((end, caps.iter().copied().collect()));
            }
        }
        None
    }

    proptest::proptest! {
        /// `token_at`'s shortcuts (the word's first letters choose the tokens tried; `FT`
        /// and 14 digits as one word is taken without the matcher) find what trying every
        /// token finds, for the words `carve` hands it.
        #[test]
        fn token_at_finds_what_the_matcher_finds(
            pick in proptest::sample::select(vec![
                "FT24255200000001", "FT2425520000000", "FT242552000000012", "ft24255200000001",
                "FT2425520 0000001", "FT24255200000001x", "TRACE 123456", "trace123456",
                "THOI GIAN GD 09/09/2024 23:23:56", "THỜI GIAN GD 09/09/2024 23:23:56",
                "THI", "TRAN", "THOI", "TRACER", "GD 856933-090922 18:14:59", "GD",
                "CTLNHIDI000009811400001-1/1-CRE-002", "CT", "12/09/2024", "23:23:56", "1/2",
                "020097041509102116392024X4CA0436", "F", "FT", "FTX",
            ]),
            rest in "[ -~]{0,12}",
            after_digit_word in proptest::bool::ANY,
        ) {
            let text = format!("{pick}{rest}");
            let t = text.as_bytes();
            let len = t.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            if len > 0 && TOKEN_START[usize::from(t[0])] {
                let mut caps = Caps::default();
                let got = token_at(t, 0, len, after_digit_word, &mut caps)
                    .map(|end| (end, caps.iter().copied().collect::<Vec<_>>()));
                proptest::prop_assert_eq!(got, token_by_matcher(t, 0, after_digit_word), "{:?}", text);
            }
        }
    }

    #[test]
    fn separator_table_is_the_separator_list() {
        for c in 0..=255u8 {
            let listed = matches!(
                c,
                b' ' | b'.' | b'-' | b'_' | b':' | b';' | b',' | b'/' | b'\t' | b'\r' | b'\n'
            );
            assert_eq!(is_sep(c), listed, "byte {c:#04x}");
        }
    }

    fn part(text: &str, s: Option<Span>) -> &str {
        s.and_then(|s| text.get(s.0..s.1)).unwrap_or("")
    }

    fn free(text: &str, e: &Envelope) -> String {
        e.free
            .iter()
            .map(|s| text.get(s.0..s.1).unwrap_or(""))
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn every_sample_reads_as_its_shape() {
        for table in TABLES.iter().chain([&INNER]) {
            for shape in table.shapes {
                let s = shape.sample;
                let e = read_envelope(s);
                if table.bank != "inner" {
                    assert_eq!(
                        e.shape.map(|r| (r.bank, r.id)),
                        Some((table.bank, shape.id)),
                        "{s}"
                    );
                }
                assert_eq!(part(s, e.sender_name), shape.expect.0, "name of {s}: {e:?}");
                assert_eq!(part(s, e.sender_account), shape.expect.1, "account of {s}");
                assert_eq!(free(s, &e), shape.expect.2, "free text of {s}: {e:?}");
            }
        }
    }

    #[test]
    fn packed_words_are_the_lists() {
        for (list, packed) in [
            (FAMILY_NAMES, &FAMILY_PACKED[..]),
            (MEMO_WORDS, &MEMO_PACKED[..]),
        ] {
            for w in list {
                assert!(packed.contains(&pack(w.as_bytes())), "{w}");
                // A word one letter longer or shorter is another word.
                assert!(
                    !packed.contains(&pack(format!("{w}A").as_bytes()))
                        || list.contains(&&*format!("{w}A"))
                );
                let short = &w.as_bytes()[..w.len() - 1];
                assert_eq!(
                    packed.contains(&pack(short)),
                    list.iter().any(|x| x.as_bytes() == short),
                    "{w}"
                );
            }
        }
        assert_ne!(pack(b"DO"), pack(b"DO\0"));
    }

    #[test]
    fn name_words_and_word_ends_as_decoded() {
        // The ASCII fast paths give what decoding every character gives.
        for w in [
            "",
            "TRAN",
            "tran",
            "Nguyễn",
            "ĐỖ",
            "A1",
            "HP24",
            "f",
            "Z",
            "x-y",
            "ab.",
            "Ơn",
            "\u{0300}a",
        ] {
            let t = w.as_bytes();
            let decoded = !w.is_empty() && w.chars().all(is_name_letter);
            assert_eq!(is_name_word(t, 0, t.len()), decoded, "{w:?}");
            let mut j = 0;
            while let Some((c, len)) = folded_at(t, j) {
                if !c.is_ascii_uppercase() {
                    break;
                }
                j += len;
            }
            assert_eq!(word_end(t, 0), j, "{w:?}");
        }
    }

    #[test]
    fn unknown_shape_is_free_text_less_traces() {
        let s = "nop tien GD 856933-090922 18:14:59 HP24010172 Trace 123456";
        let e = read_envelope(s);
        assert_eq!(e.shape, None);
        assert_eq!(free(s, &e), "nop tien|HP24010172");
        let s = "hoc phi ngay 13/09/2024 FT24256000123456";
        assert_eq!(free(s, &read_envelope(s)), "hoc phi ngay");
    }

    #[test]
    fn issue_examples() {
        let s = "MBVCB.6991840000.NGUYEN VAN HOA ung ho dong bao lu lut.CT tu 0721000000001 NGUYEN VAN HOA toi 0011001000002 QUY TU THIEN ABC";
        let e = read_envelope(s);
        assert_eq!(part(s, e.sender_name), "NGUYEN VAN HOA");
        assert_eq!(part(s, e.receiver_name), "QUY TU THIEN ABC");
        assert_eq!(free(s, &e), "NGUYEN VAN HOA ung ho dong bao lu lut");
        let s = "020097042209090902262024PKIQ528900.48641.090227.NGUYEN THI HUYEN chuyen tien";
        let e = read_envelope(s);
        assert_eq!(part(s, e.sender_name), "NGUYEN THI HUYEN");
        assert_eq!(free(s, &e), "chuyen tien");
        let s = "020097042209090902262024xEHP811545.78219 .115520.TRAN VAN AN chuyen tien";
        assert_eq!(free(s, &read_envelope(s)), "chuyen tien");
    }

    #[test]
    fn robust_to_case_accents_wraps_and_cuts() {
        let s = "Chuyển tiền đến từ NAPAS Nội dung: HP24010366 hoc phi FT24256000123456 (CT1111)";
        let e = read_envelope(s);
        assert_eq!(e.shape.map(|r| r.id), Some("napas"));
        assert_eq!(free(s, &e), "HP24010366 hoc phi");
        let s = "020097041509102116392024X4CA043681.3333 2.211640.LE VAN NAM nop hoc phi";
        assert_eq!(free(s, &read_envelope(s)), "nop hoc phi");
        let s = "mbvcb 6990001234 HP2401017 2 hoc phi CT tu 0071000123456 TRAN TH";
        let e = read_envelope(s);
        assert_eq!(free(s, &e), "HP2401017 2 hoc phi");
        assert_eq!(part(s, e.sender_name), "TRAN TH");
    }
}
