//! Channel profiles: where the message travels, how much room it has, which characters
//! survive, and where that is documented (docs/domain.md, "Channels and their limits").

use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// A set of ASCII characters (a 128-bit mask). Non-ASCII characters are never in a set:
/// memos are folded to ASCII before they travel.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Charset(u128);

const fn mask_of(chars: &[u8]) -> u128 {
    let mut m = 0u128;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] < 128 {
            m |= 1u128 << chars[i];
        }
        i += 1;
    }
    m
}

const fn range(a: u8, b: u8) -> u128 {
    let mut m = 0u128;
    let mut c = a;
    while c <= b {
        m |= 1u128 << c;
        c += 1;
    }
    m
}

const UPPER: u128 = range(b'A', b'Z');
const LOWER: u128 = range(b'a', b'z');
const DIGIT: u128 = range(b'0', b'9');

impl Charset {
    /// `[A-Za-z0-9 ]`: unaccented letters, digits and space, the only set that is safe
    /// across banks' transfer-content fields.
    pub const MEMO: Charset = Charset(UPPER | LOWER | DIGIT | mask_of(b" "));
    /// `[A-Za-z0-9_-]`: the strictest peer's set for the VietQR bill number (62-01).
    pub const BILL: Charset = Charset(UPPER | LOWER | DIGIT | mask_of(b"_-"));
    /// `[A-Z0-9-]`: POS order and bill references.
    pub const POS: Charset = Charset(UPPER | DIGIT | mask_of(b"-"));
    /// The SEPA / ISO 20022 basic Latin set: `a-z A-Z 0-9 / - ? : ( ) . , ' +` and space.
    pub const SEPA: Charset = Charset(UPPER | LOWER | DIGIT | mask_of(b"/-?:().,'+ "));

    /// The set of the ASCII characters in `chars` (others are ignored).
    pub fn new(chars: &str) -> Charset {
        Charset(mask_of(chars.as_bytes()))
    }

    /// The set a user writes as a bracket-free character class: printable ASCII characters
    /// listed one by one, `X-Y` for a range (`A-Za-z0-9 .` is letters, digits, space and
    /// dot), a `-` first or last standing for itself. Anything else (a character outside
    /// printable ASCII, a range written backwards, an empty set) is an error saying what,
    /// never ignored.
    ///
    /// ```
    /// use vietref::memo::Charset;
    /// assert_eq!(Charset::from_spec("A-Z0-9-").unwrap(), Charset::POS);
    /// assert!(Charset::from_spec("A-Zđ").is_err());
    /// ```
    pub fn from_spec(spec: &str) -> Result<Charset, String> {
        let b = spec.as_bytes();
        if let Some(c) = spec.chars().find(|c| !(' '..='~').contains(c)) {
            return Err(format!(
                "{} is not a printable ASCII character; a channel's character set is ASCII",
                crate::finding::describe_char(c)
            ));
        }
        let mut m = 0u128;
        let mut i = 0;
        while i < b.len() {
            if i + 2 < b.len() && b[i + 1] == b'-' {
                let (lo, hi) = (b[i], b[i + 2]);
                if lo > hi {
                    return Err(format!(
                        "the range {}-{} is written backwards",
                        char::from(lo),
                        char::from(hi)
                    ));
                }
                m |= range(lo, hi);
                i += 3;
            } else {
                m |= 1u128 << b[i];
                i += 1;
            }
        }
        if m == 0 {
            return Err("the character set is empty".into());
        }
        Ok(Charset(m))
    }

    /// `[A-Z0-9]`: what [`crate::text::fold`] writes besides spaces.
    pub const UPPER_DIGITS: Charset = Charset(UPPER | DIGIT);

    /// Whether the set holds every character of `other`.
    #[inline]
    pub fn contains_all(self, other: Charset) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether the set holds `b`.
    #[inline]
    pub fn contains(self, b: u8) -> bool {
        b < 128 && (self.0 >> b) & 1 == 1
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The characters of the set, in ASCII order.
    pub fn chars(self) -> String {
        (0u8..128)
            .filter(|b| self.contains(*b))
            .map(char::from)
            .collect()
    }
}

impl std::fmt::Debug for Charset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Charset({:?})", self.chars())
    }
}

impl Serialize for Charset {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.chars())
    }
}

/// A channel: its name, the characters that survive it, its length budget in characters,
/// and where those figures come from. Users can define their own with [`Profile::new`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// Stable name (`vietqr`, `transfer`, …).
    pub name: Cow<'static, str>,
    /// The characters that survive the channel.
    pub charset: Charset,
    /// Most characters the channel carries.
    pub budget: usize,
    /// Where the budget and the character set are documented, and how strong that is.
    pub source: Cow<'static, str>,
    /// Whether the channel carries only a reference (bill number, POS reference): then
    /// only the invoice code is written.
    pub reference_only: bool,
}

impl Profile {
    /// VietQR tag 62 sub-tag 08, purpose of transaction: 25 characters, ASCII.
    pub const VIETQR_PURPOSE: Profile = Profile {
        name: Cow::Borrowed("vietqr"),
        charset: Charset::MEMO,
        budget: 25,
        source: Cow::Borrowed(
            "EMVCo MPM tag 62 sub-tag 08 (25 per sub-tag, as transcribed by several libraries); \
             VietQR.io addInfo <=25 without accents; payOS description <=25. Strong.",
        ),
        reference_only: false,
    };
    /// VietQR tag 62 sub-tag 01, bill number: 25 characters, `[A-Za-z0-9_-]`; the code only.
    pub const VIETQR_BILL: Profile = Profile {
        name: Cow::Borrowed("vietqr-bill"),
        charset: Charset::BILL,
        budget: 25,
        source: Cow::Borrowed(
            "EMVCo MPM tag 62 sub-tag 01 (25); [A-Za-z0-9_-] in the strictest peer. Many bank apps \
             do not show 62-01, so the code must also travel in 62-08.",
        ),
        reference_only: true,
    };
    /// Interbank transfer content (NAPAS 247), 140 characters by default (configurable).
    pub const TRANSFER: Profile = Profile {
        name: Cow::Borrowed("transfer"),
        charset: Charset::MEMO,
        budget: 140,
        source: Cow::Borrowed(
            "No official figure found: 140-210 is folklore, one bank app allows 70, the VietQR.vn app \
             30; 140 follows ISO 20022 Ustrd. Weak: set the budget for your banks.",
        ),
        reference_only: false,
    };
    /// Mobile Money transfer note, 50 characters by default (configurable).
    pub const MOBILE_MONEY: Profile = Profile {
        name: Cow::Borrowed("mobile-money"),
        charset: Charset::MEMO,
        budget: 50,
        source: Cow::Borrowed(
            "Unknown; treated like a 25-50 budget, ASCII. Weak: set the budget for your provider.",
        ),
        reference_only: false,
    };
    /// Card payment at a POS: a 25-character `[A-Z0-9-]` reference; the code only.
    pub const POS: Profile = Profile {
        name: Cow::Borrowed("pos"),
        charset: Charset::POS,
        budget: 25,
        source: Cow::Borrowed("EMVCo bill number (25); POS terminals vary. Medium."),
        reference_only: true,
    };
    /// ISO 20022 `RmtInf/Ustrd`: 140 characters, SEPA basic Latin.
    pub const ISO20022_USTRD: Profile = Profile {
        name: Cow::Borrowed("iso20022"),
        charset: Charset::SEPA,
        budget: 140,
        source: Cow::Borrowed(
            "ISO 20022 RmtInf/Ustrd Max140Text; SEPA basic Latin character set. Strong.",
        ),
        reference_only: false,
    };

    /// The built-in profiles.
    pub const BUILT_IN: &'static [Profile] = &[
        Profile::VIETQR_PURPOSE,
        Profile::VIETQR_BILL,
        Profile::TRANSFER,
        Profile::MOBILE_MONEY,
        Profile::POS,
        Profile::ISO20022_USTRD,
    ];

    /// A user-defined profile.
    pub fn new(
        name: impl Into<Cow<'static, str>>,
        charset: Charset,
        budget: usize,
        source: impl Into<Cow<'static, str>>,
    ) -> Profile {
        Profile {
            name: name.into(),
            charset,
            budget,
            source: source.into(),
            reference_only: false,
        }
    }

    /// A built-in profile by name (`vietqr`, `vietqr-bill`, `transfer`, `mobile-money`,
    /// `pos`, `iso20022`).
    pub fn by_name(name: &str) -> Option<Profile> {
        Self::BUILT_IN.iter().find(|p| p.name == name).cloned()
    }

    /// The same profile with another budget.
    pub fn with_budget(mut self, budget: usize) -> Profile {
        self.budget = budget;
        self
    }

    /// The character written between words: space, else `-`, else `_`, else none.
    pub fn word_separator(&self) -> Option<u8> {
        [b' ', b'-', b'_']
            .into_iter()
            .find(|b| self.charset.contains(*b))
    }
}
