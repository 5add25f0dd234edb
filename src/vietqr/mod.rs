//! VietQR (NAPAS QR, EMVCo merchant-presented mode): encode, decode, verify.
//!
//! A VietQR payload is a list of fields, each a 2-digit ID, a 2-digit length and the value;
//! IDs are scoped (`01` at the root is the point of initiation, inside `62` it is the bill
//! number). [`decode`] reads a payload into a typed [`VietQr`] and reports every fault as a
//! [`Finding`] naming the field (`vietqr.38.01.01`); [`encode`] writes one back, ASCII only,
//! tags in ascending order, CRC-16/CCITT-FALSE last.
//!
//! ```
//! use vietref::vietqr::{decode, encode, Mode};
//!
//! let payload = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";
//! let report = decode(payload, Mode::Strict);
//! let qr = report.cleaned.expect("valid");
//! assert_eq!(qr.bank_bin, "970403");
//! assert_eq!(encode(&qr).unwrap(), payload);
//! ```
//!
//! # Strict and lenient
//! [`Mode::Strict`] rejects any length, CRC, format or required-field fault. [`Mode::Lenient`]
//! also repairs, and reports as a warning, what it can repair safely:
//! - whitespace around the payload (`vietqr.space_trimmed`);
//! - a CRC written in lower case (`vietqr.crc_case_repaired`);
//! - **one** declared length that disagrees with its content, like the typo in the NAPAS
//!   document's static-account example (`vietqr.length_repaired`). The repair is made only
//!   when the CRC verifies and exactly one changed length makes the whole payload parse
//!   (every template filled exactly, no repeated tag, the CRC field last). Payloads longer
//!   than [`REPAIR_MAX_BYTES`] are not searched.
//!
//! A CRC that does not match is never repaired.
//!
//! # Counting non-ASCII text
//! vietref writes ASCII only (non-ASCII is an error finding from [`encode`]; fold text first
//! with [`crate::text::fold`]). Peers that put Vietnamese letters into a payload disagree on
//! how to count them. When decoding, vietref counts lengths in **characters** (Unicode scalar
//! values, which equals UTF-16 units for every Vietnamese letter) and computes the CRC over
//! the **UTF-8 bytes**, and reports each such value with a `vietqr.non_ascii_read` warning.
//!
//! # Unknown tags
//! Tags vietref does not interpret are kept verbatim in [`VietQr::unreserved`], keyed by
//! their scoped path: `80` (an unreserved template), `64` (the language template), `62.50`
//! (inside the additional data), `38.03`, `38.01.02`. [`encode`] writes them back in place,
//! in ascending order.

pub mod banks;
mod check;
mod crc;
mod decode;
mod encode;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzz;
mod json;
mod payee;
mod payment;
mod read;

pub use check::{
    ACCOUNT_MAX, ADDITIONAL_MAX, AMOUNT_MAX, BIN_LEN, CONSUMER_REQUEST_MAX, COUNTRY_VN,
    CURRENCY_VND, MERCHANT_CITY_MAX, MERCHANT_NAME_MAX, NAPAS_GUID, POSTAL_CODE_MAX, VALUE_MAX,
};
pub use crc::crc16;
pub use decode::{decode, decode_fields, Decoded, REPAIR_MAX_BYTES};
pub use encode::encode;
pub use json::{from_json, from_json_value};
pub use payee::{verify_payee, Payee};

use crate::finding::{Finding, Report};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// How [`decode`] treats faults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Any fault is an error.
    #[default]
    Strict,
    /// Repairs surrounding whitespace, a lower-case CRC and one wrong declared length, each
    /// reported as a warning; everything else is still an error.
    Lenient,
}

/// Tag 01, point of initiation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Initiation {
    /// `11`: a code printed once and paid many times; carries no amount.
    Static,
    /// `12`: a code for one payment; carries the amount.
    Dynamic,
}

impl Initiation {
    /// `11` or `12`.
    pub fn code(self) -> &'static str {
        match self {
            Initiation::Static => "11",
            Initiation::Dynamic => "12",
        }
    }

    /// From `11` or `12`.
    pub fn from_code(code: &str) -> Option<Initiation> {
        match code {
            "11" => Some(Initiation::Static),
            "12" => Some(Initiation::Dynamic),
            _ => None,
        }
    }
}

/// Tag 38, sub-tag 02: what the payment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Service {
    /// `QRIBFTTA`: interbank fast transfer to an account (the default).
    #[serde(rename = "QRIBFTTA")]
    #[default]
    ToAccount,
    /// `QRIBFTTC`: interbank fast transfer to a card number.
    #[serde(rename = "QRIBFTTC")]
    ToCard,
    /// `QRPUSH`: payment to a merchant.
    #[serde(rename = "QRPUSH")]
    MerchantPayment,
    /// `QRCASH`: cash withdrawal at an ATM.
    #[serde(rename = "QRCASH")]
    CashWithdrawal,
}

impl Service {
    /// The service code as it travels.
    pub fn code(self) -> &'static str {
        match self {
            Service::ToAccount => "QRIBFTTA",
            Service::ToCard => "QRIBFTTC",
            Service::MerchantPayment => "QRPUSH",
            Service::CashWithdrawal => "QRCASH",
        }
    }

    /// From the service code.
    pub fn from_code(code: &str) -> Option<Service> {
        match code {
            "QRIBFTTA" => Some(Service::ToAccount),
            "QRIBFTTC" => Some(Service::ToCard),
            "QRPUSH" => Some(Service::MerchantPayment),
            "QRCASH" => Some(Service::CashWithdrawal),
            _ => None,
        }
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Tag 62, additional data: every sub-field optional, each at most 25 characters
/// (consumer data request at most 3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AdditionalData<'a> {
    /// 62.01 bill number. Many bank apps do not show it: put the code in `purpose` too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bill_number: Option<Cow<'a, str>>,
    /// 62.02 mobile number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_number: Option<Cow<'a, str>>,
    /// 62.03 store label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_label: Option<Cow<'a, str>>,
    /// 62.04 loyalty number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loyalty_number: Option<Cow<'a, str>>,
    /// 62.05 reference label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_label: Option<Cow<'a, str>>,
    /// 62.06 customer label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_label: Option<Cow<'a, str>>,
    /// 62.07 terminal label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terminal_label: Option<Cow<'a, str>>,
    /// 62.08 purpose of transaction: the transfer content bank apps show and fill in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Cow<'a, str>>,
    /// 62.09 consumer data request (`A`, `M`, `E`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumer_data_request: Option<Cow<'a, str>>,
}

impl<'a> AdditionalData<'a> {
    /// Whether no sub-field is set.
    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|f| f.is_none())
    }

    /// Sub-fields 01..09 in order.
    pub fn fields(&self) -> [&Option<Cow<'a, str>>; 9] {
        [
            &self.bill_number,
            &self.mobile_number,
            &self.store_label,
            &self.loyalty_number,
            &self.reference_label,
            &self.customer_label,
            &self.terminal_label,
            &self.purpose,
            &self.consumer_data_request,
        ]
    }

    fn fields_mut(&mut self) -> [&mut Option<Cow<'a, str>>; 9] {
        [
            &mut self.bill_number,
            &mut self.mobile_number,
            &mut self.store_label,
            &mut self.loyalty_number,
            &mut self.reference_label,
            &mut self.customer_label,
            &mut self.terminal_label,
            &mut self.purpose,
            &mut self.consumer_data_request,
        ]
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> AdditionalData<'static> {
        let own = |v: Option<Cow<'a, str>>| v.map(|c| Cow::Owned(c.into_owned()));
        AdditionalData {
            bill_number: own(self.bill_number),
            mobile_number: own(self.mobile_number),
            store_label: own(self.store_label),
            loyalty_number: own(self.loyalty_number),
            reference_label: own(self.reference_label),
            customer_label: own(self.customer_label),
            terminal_label: own(self.terminal_label),
            purpose: own(self.purpose),
            consumer_data_request: own(self.consumer_data_request),
        }
    }
}

/// A VietQR payload, typed. Text borrows from the decoded payload where it can
/// ([`Cow::Borrowed`]); [`VietQr::into_owned`] detaches it.
///
/// JSON (camelCase; absent optional fields are left out): `initiation` (`static` /
/// `dynamic`), `bankBin`, `accountNumber`, `service` (`QRIBFTTA` …), `merchantCategory`,
/// `currency`, `amount`, `country`, `merchantName`, `merchantCity`, `postalCode`,
/// `additionalData` {`billNumber`, `mobileNumber`, `storeLabel`, `loyaltyNumber`,
/// `referenceLabel`, `customerLabel`, `terminalLabel`, `purpose`, `consumerDataRequest`},
/// `unreserved` {tag or path: value}, `crc`. When reading JSON, `service` defaults to
/// `QRIBFTTA`, `currency` to `704` and `country` to `VN`.
///
/// A value of this type may hold invalid data (it is also what a user hands to [`encode`]);
/// [`decode`] only produces valid ones, and [`encode`] checks every field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VietQr<'a> {
    /// Tag 01: static (`11`, no amount) or dynamic (`12`, with amount).
    pub initiation: Initiation,
    /// Tag 38.01.00: the bank's 6-digit BIN (see [`banks`]).
    pub bank_bin: Cow<'a, str>,
    /// Tag 38.01.01: account or card number, up to 19 letters or digits.
    pub account_number: Cow<'a, str>,
    /// Tag 38.02: the service code (`QRIBFTTA` when JSON leaves it out).
    #[serde(default)]
    pub service: Service,
    /// Tag 52: merchant category code (4 digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_category: Option<Cow<'a, str>>,
    /// Tag 53: currency, always `704` (đồng).
    #[serde(default = "default_currency")]
    pub currency: Cow<'a, str>,
    /// Tag 54: amount in đồng, digits only (at most 13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Cow<'a, str>>,
    /// Tag 58: country, always `VN`.
    #[serde(default = "default_country")]
    pub country: Cow<'a, str>,
    /// Tag 59: merchant name, at most 25 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_name: Option<Cow<'a, str>>,
    /// Tag 60: merchant city, at most 15 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_city: Option<Cow<'a, str>>,
    /// Tag 61: postal code, at most 10 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<Cow<'a, str>>,
    /// Tag 62: additional data.
    #[serde(default, skip_serializing_if = "AdditionalData::is_empty")]
    pub additional_data: AdditionalData<'a>,
    /// Tags vietref does not interpret, verbatim, keyed by scoped path (`80`, `64`, `62.50`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unreserved: BTreeMap<Cow<'a, str>, Cow<'a, str>>,
    /// Tag 63 as read (4 upper-case hex digits). [`encode`] ignores it and computes its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crc: Option<Cow<'a, str>>,
}

fn default_currency() -> Cow<'static, str> {
    Cow::Borrowed(CURRENCY_VND)
}

fn default_country() -> Cow<'static, str> {
    Cow::Borrowed(COUNTRY_VN)
}

impl<'a> VietQr<'a> {
    /// A static transfer code to `account_number` at `bank_bin` (service `QRIBFTTA`, currency
    /// 704, country VN), nothing else set. Not validated: see [`VietQr::to_account`].
    pub fn new(bank_bin: impl Into<Cow<'a, str>>, account_number: impl Into<Cow<'a, str>>) -> Self {
        VietQr {
            initiation: Initiation::Static,
            bank_bin: bank_bin.into(),
            account_number: account_number.into(),
            service: Service::ToAccount,
            merchant_category: None,
            currency: default_currency(),
            amount: None,
            country: default_country(),
            merchant_name: None,
            merchant_city: None,
            postal_code: None,
            additional_data: AdditionalData::default(),
            unreserved: BTreeMap::new(),
            crc: None,
        }
    }

    /// Reads a payload (see [`decode`]).
    pub fn decode(payload: &'a str, mode: Mode) -> Report<VietQr<'a>> {
        decode(payload, mode)
    }

    /// Writes the payload (see [`encode`]).
    pub fn encode(&self) -> Result<String, Vec<Finding>> {
        encode(self)
    }

    /// The amount as a number, when it is set and valid.
    pub fn amount_vnd(&self) -> Option<u64> {
        let a = self.amount.as_deref()?;
        if a.is_empty() || a.len() > AMOUNT_MAX || !a.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        a.parse().ok()
    }

    /// The bank of [`VietQr::bank_bin`] in the registry, when known.
    pub fn bank(&self) -> Option<&'static banks::Bank> {
        banks::by_bin(&self.bank_bin)
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> VietQr<'static> {
        let own = |c: Cow<'a, str>| -> Cow<'static, str> { Cow::Owned(c.into_owned()) };
        VietQr {
            initiation: self.initiation,
            bank_bin: own(self.bank_bin),
            account_number: own(self.account_number),
            service: self.service,
            merchant_category: self.merchant_category.map(own),
            currency: own(self.currency),
            amount: self.amount.map(own),
            country: own(self.country),
            merchant_name: self.merchant_name.map(own),
            merchant_city: self.merchant_city.map(own),
            postal_code: self.postal_code.map(own),
            additional_data: self.additional_data.into_owned(),
            unreserved: self
                .unreserved
                .into_iter()
                .map(|(k, v)| (own(k), own(v)))
                .collect(),
            crc: self.crc.map(own),
        }
    }
}
