//! The institution that receives the money, building a code to it, and checking that a code
//! pays it.

use super::{encode, Initiation, Service, VietQr};
use crate::finding::{Code, Finding, Report};
use crate::text::{check_payee_name, fold, NameComparison};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The payee: the school's or hospital's bank account as registered with its bank.
///
/// JSON: `bankBin`, `accountNumber`, `name`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Payee {
    /// The bank's 6-digit BIN (see [`super::banks`]).
    pub bank_bin: String,
    /// The account (or card) number.
    pub account_number: String,
    /// The account holder's registered name, as the bank shows it (may be Vietnamese).
    pub name: String,
}

impl Payee {
    /// A payee.
    pub fn new(
        bank_bin: impl Into<String>,
        account_number: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        Payee {
            bank_bin: bank_bin.into(),
            account_number: account_number.into(),
            name: name.into(),
        }
    }

    /// The payee's bank in the registry, when known.
    pub fn bank(&self) -> Option<&'static super::banks::Bank> {
        super::banks::by_bin(&self.bank_bin)
    }
}

impl VietQr<'static> {
    /// A transfer code to the payee's account (service `QRIBFTTA`): dynamic with the amount
    /// when one is given, static otherwise; the bill number goes to 62.01 and the purpose
    /// (the transfer content bank apps fill in) to 62.08. Both must already be ASCII and at
    /// most 25 characters: render them with the memo module, which folds and budgets them.
    ///
    /// The payee's name is not written into the code: bank apps show the name registered
    /// with the bank (from an account look-up), not one carried by the code.
    ///
    /// The report holds every finding [`encode`] would make; `cleaned` is set when there is
    /// none.
    ///
    /// ```
    /// use vietref::vietqr::{Payee, VietQr};
    /// let payee = Payee::new("970416", "224528479", "Trường THCS Hòa Bình");
    /// let r = VietQr::to_account(&payee, Some(10_000), Some("NPS6869"), Some("TRANSFER TO SOMEONE"));
    /// assert_eq!(
    ///     r.cleaned.unwrap().encode().unwrap(),
    ///     "00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13"
    /// );
    /// ```
    pub fn to_account(
        payee: &Payee,
        amount: Option<u64>,
        bill_number: Option<&str>,
        purpose: Option<&str>,
    ) -> Report<VietQr<'static>> {
        Self::transfer(payee, Service::ToAccount, amount, bill_number, purpose)
    }

    /// Like [`VietQr::to_account`] with another service (`QRIBFTTC` for a card number).
    pub fn transfer(
        payee: &Payee,
        service: Service,
        amount: Option<u64>,
        bill_number: Option<&str>,
        purpose: Option<&str>,
    ) -> Report<VietQr<'static>> {
        let mut qr = VietQr::new(payee.bank_bin.clone(), payee.account_number.clone());
        qr.service = service;
        if let Some(a) = amount {
            qr.initiation = Initiation::Dynamic;
            qr.amount = Some(Cow::Owned(a.to_string()));
        }
        qr.additional_data.bill_number = bill_number.map(|b| Cow::Owned(b.to_string()));
        qr.additional_data.purpose = purpose.map(|p| Cow::Owned(p.to_string()));
        match encode(&qr) {
            Ok(_) => Report {
                findings: Vec::new(),
                cleaned: Some(qr),
            },
            Err(findings) => Report {
                findings,
                cleaned: None,
            },
        }
    }
}

/// Checks that a code pays the registered payee: a vendor calls this on every code it
/// shows or receives.
///
/// - the bank BIN and the account number must equal the registered ones (errors
///   `vietqr.payee_bin`, `vietqr.payee_account`): they decide where the money goes;
/// - the merchant name, when the code carries one, is compared with the registered name.
///   The same name, or its accent-free upper-case ASCII form (`TRUONG THCS HOA BINH`),
///   passes. A name that *looks* the same but is other text (Cyrillic letters, invisible
///   characters, `0` for `O`) is an error, `vietqr.payee_name_lookalike`: that is what a
///   forger does. A visibly different name is only a warning,
///   `vietqr.payee_name_different`: tag 59 holds at most 25 characters, so institutions
///   abbreviate their names, and bank apps show the account holder's name from the bank,
///   not tag 59.
///
/// ```
/// use vietref::vietqr::{verify_payee, Payee, VietQr};
/// let payee = Payee::new("970416", "224528479", "Trường THCS Hòa Bình");
/// let mut qr = VietQr::new("970416", "224528479");
/// qr.merchant_name = Some("TRUONG THCS HOA BINH".into());
/// assert!(verify_payee(&qr, &payee).is_empty());
/// qr.merchant_name = Some("TRUONG THCS H0A BINH".into());
/// assert_eq!(verify_payee(&qr, &payee)[0].code.key(), "vietqr.payee_name_lookalike");
/// ```
pub fn verify_payee(qr: &VietQr<'_>, payee: &Payee) -> Vec<Finding> {
    let mut out = Vec::new();
    if qr.bank_bin != payee.bank_bin.as_str() {
        out.push(
            Finding::new(Code::VietqrPayeeBin, "vietqr.38.01.00").detail(qr.bank_bin.to_string()),
        );
    }
    if qr.account_number != payee.account_number.as_str() {
        out.push(
            Finding::new(Code::VietqrPayeeAccount, "vietqr.38.01.01")
                .detail(qr.account_number.to_string()),
        );
    }
    if let Some(shown) = qr.merchant_name.as_deref() {
        let check = check_payee_name(shown, &payee.name);
        match check.comparison {
            NameComparison::Same => {}
            NameComparison::Lookalike => {
                let (en, vi) = describe_swaps(shown, &check.swapped);
                out.push(Finding::new(Code::VietqrPayeeLookalike, "vietqr.59").detail_both(en, vi));
            }
            NameComparison::Different => {
                if shown.is_ascii()
                    && fold(shown) == fold(&payee.name)
                    && !shown.chars().any(|c| c.is_ascii_control())
                {
                    // the accent-free form banks print
                } else {
                    out.push(
                        Finding::new(Code::VietqrPayeeNameDifferent, "vietqr.59")
                            .detail_quoted(shown),
                    );
                }
            }
        }
    }
    out
}

/// How many swapped characters a look-alike finding names; the rest are counted.
const SWAPS_LISTED: usize = 12;

/// The shown name (an excerpt when long) and its swapped characters, in English and in
/// Vietnamese: `“TRU0NG” — swapped: '0' (U+0030) at character 4`.
fn describe_swaps(shown: &str, swapped: &[(usize, char)]) -> (String, String) {
    let name = Finding::new(Code::VietqrPayeeLookalike, "").detail_quoted(shown);
    let (name_en, name_vi) = (
        name.params.detail.clone().unwrap_or_default(),
        name.params
            .detail_vi
            .clone()
            .or(name.params.detail)
            .unwrap_or_default(),
    );
    let mut en = Vec::new();
    let mut vi = Vec::new();
    for &(pos, c) in swapped.iter().take(SWAPS_LISTED) {
        let d = crate::finding::describe_char(c);
        en.push(format!("{d} at character {pos}"));
        vi.push(format!("{d} tại ký tự thứ {pos}"));
    }
    if swapped.len() > SWAPS_LISTED {
        let more = swapped.len() - SWAPS_LISTED;
        en.push(format!("{more} more"));
        vi.push(format!("và {more} ký tự khác"));
    }
    if en.is_empty() {
        return (name_en, name_vi);
    }
    (
        format!("{name_en} (swapped: {})", en.join(", ")),
        format!("{name_vi} (ký tự bị thay: {})", vi.join(", ")),
    )
}
