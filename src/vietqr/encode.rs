//! [`VietQr`] → payload.

use super::check::{self, Side};
use super::crc;
use super::VietQr;
use crate::finding::{has_error, Code, Finding};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Writes the payload of `qr`: ASCII only, tags in ascending ID order (the CRC, tag 63,
/// last, as EMVCo requires), every length and value checked against the VietQR limits.
///
/// Returns every error finding when the value cannot be written (a non-ASCII character is
/// an error, never dropped: fold text first with [`crate::text::fold`]). `qr.crc` is
/// ignored; the CRC is computed. Tag 01 must agree with the amount: `11` (static) without,
/// `12` (dynamic) with. Never panics.
///
/// ```
/// use vietref::vietqr::{encode, VietQr};
/// let qr = VietQr::new("970403", "9704031101234567");
/// assert!(encode(&qr).unwrap().starts_with("000201010211"));
/// ```
pub fn encode(qr: &VietQr<'_>) -> Result<String, Vec<Finding>> {
    let mut out = Vec::new();
    validate(qr, &mut out);
    let mut w = Writer {
        out: Vec::with_capacity(192),
        findings: out,
    };
    w.write(qr);
    if has_error(&w.findings) {
        return Err(w.findings);
    }
    // Every value written was checked to be ASCII, so this cannot fail.
    String::from_utf8(w.out).map_err(|_| vec![Finding::new(Code::VietqrNonAscii, "vietqr")])
}

fn validate(qr: &VietQr<'_>, out: &mut Vec<Finding>) {
    let ascii = |v: &str, field: &str, out: &mut Vec<Finding>| {
        if let Some((i, c)) = v.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
            out.push(Finding::new(Code::VietqrNonAscii, field).at(i + 1, c));
        }
    };
    ascii(&qr.bank_bin, "vietqr.38.01.00", out);
    check::bin(&qr.bank_bin, "vietqr.38.01.00", out);
    ascii(&qr.account_number, "vietqr.38.01.01", out);
    check::account(&qr.account_number, "vietqr.38.01.01", out);
    if let Some(v) = &qr.merchant_category {
        check::merchant_category(v, "vietqr.52", out);
    }
    check::exact(
        &qr.currency,
        check::CURRENCY_VND,
        Code::VietqrCurrency,
        "vietqr.53",
        out,
    );
    if let Some(v) = &qr.amount {
        ascii(v, "vietqr.54", out);
        check::amount(v, "vietqr.54", out);
    }
    out.extend(check::initiation_amount(
        qr.initiation,
        qr.amount.as_deref(),
    ));
    check::exact(
        &qr.country,
        check::COUNTRY_VN,
        Code::VietqrCountry,
        "vietqr.58",
        out,
    );
    let texts = [
        (&qr.merchant_name, check::MERCHANT_NAME_MAX, "vietqr.59"),
        (&qr.merchant_city, check::MERCHANT_CITY_MAX, "vietqr.60"),
        (&qr.postal_code, check::POSTAL_CODE_MAX, "vietqr.61"),
    ];
    for (v, max, field) in texts {
        if let Some(v) = v {
            check::text(v, max, Side::Encode, field, out);
        }
    }
    let ad = qr.additional_data.fields();
    for (k, v) in ad.into_iter().enumerate() {
        if let Some(v) = v {
            let field = AD_FIELDS.get(k).copied().unwrap_or("vietqr.62");
            if k == 8 {
                check::consumer_request(v, Side::Encode, field, out);
            } else {
                check::text(v, check::ADDITIONAL_MAX, Side::Encode, field, out);
            }
        }
    }
    for (k, v) in &qr.unreserved {
        if check::unreserved_key(k) {
            check::text(
                v,
                check::VALUE_MAX,
                Side::Encode,
                &format!("vietqr.{k}"),
                out,
            );
        } else {
            out.push(
                Finding::new(Code::VietqrReservedTag, "vietqr.unreserved").detail(format!("{k:?}")),
            );
        }
    }
}

const AD_FIELDS: [&str; 9] = [
    "vietqr.62.01",
    "vietqr.62.02",
    "vietqr.62.03",
    "vietqr.62.04",
    "vietqr.62.05",
    "vietqr.62.06",
    "vietqr.62.07",
    "vietqr.62.08",
    "vietqr.62.09",
];

/// The unreserved entries directly inside one template, as (ID, value), ascending; empty
/// (and never allocated) in the common case of no unreserved tags.
struct Extras<'q> {
    items: Vec<(u8, &'q str)>,
    next: usize,
}

impl<'q> Extras<'q> {
    /// The entries of `map` directly inside the template `prefix` (`""` for the root, `"62."`).
    fn of(map: &'q BTreeMap<Cow<'_, str>, Cow<'_, str>>, prefix: &str) -> Self {
        let mut items = Vec::new();
        if map.is_empty() {
            return Extras { items, next: 0 };
        }
        for (k, v) in map {
            let Some(id) = k.strip_prefix(prefix) else {
                continue;
            };
            if let &[a, b] = id.as_bytes() {
                if a.is_ascii_digit() && b.is_ascii_digit() && check::unreserved_key(k) {
                    items.push(((a - b'0') * 10 + (b - b'0'), v.as_ref()));
                }
            }
        }
        Extras { items, next: 0 }
    }

    /// The entries with an ID below `below` (all remaining for `None`) not yet taken.
    fn take(&mut self, below: Option<u8>) -> &[(u8, &'q str)] {
        let start = self.next.min(self.items.len());
        let rest = self.items.get(start..).unwrap_or_default();
        let n = match below {
            Some(b) => rest.iter().take_while(|(id, _)| *id < b).count(),
            None => rest.len(),
        };
        self.next = start + n;
        rest.get(..n).unwrap_or_default()
    }

    /// Characters these entries take when written (headers included).
    fn size(&self) -> usize {
        self.items.iter().map(|(_, v)| 4 + v.len()).sum()
    }
}

struct Writer {
    out: Vec<u8>,
    findings: Vec<Finding>,
}

/// Characters a leaf takes when written.
fn size(v: &str) -> usize {
    4 + v.len()
}

fn opt_size(v: &Option<Cow<'_, str>>) -> usize {
    v.as_deref().map_or(0, size)
}

impl Writer {
    fn header(&mut self, id: u8, len: usize) {
        let len = len.min(99) as u8;
        self.out.extend_from_slice(&[
            b'0' + id / 10,
            b'0' + id % 10,
            b'0' + len / 10,
            b'0' + len % 10,
        ]);
    }

    fn leaf(&mut self, id: u8, value: &str) {
        self.header(id, value.len());
        self.out.extend_from_slice(value.as_bytes());
    }

    /// Opens a template whose content takes `len` characters.
    fn open(&mut self, id: u8, len: usize, field: &str) {
        if len > check::VALUE_MAX {
            self.findings
                .push(check::too_long(field, len, check::VALUE_MAX));
        }
        self.header(id, len);
    }

    #[inline]
    fn flush(&mut self, extras: &mut Extras<'_>, below: Option<u8>) {
        if !extras.items.is_empty() {
            self.flush_some(extras, below);
        }
    }

    fn flush_some(&mut self, extras: &mut Extras<'_>, below: Option<u8>) {
        for &(id, v) in extras.take(below) {
            self.leaf(id, v);
        }
    }

    #[inline]
    fn opt(&mut self, extras: &mut Extras<'_>, id: u8, value: &Option<Cow<'_, str>>) {
        self.flush(extras, Some(id));
        if let Some(v) = value {
            self.leaf(id, v);
        }
    }

    fn write(&mut self, qr: &VietQr<'_>) {
        let map = &qr.unreserved;
        let mut root = Extras::of(map, "");
        self.leaf(0, "01");
        self.leaf(1, qr.initiation.code());
        self.flush(&mut root, Some(38));

        let mut in38 = Extras::of(map, "38.");
        let mut in3801 = Extras::of(map, "38.01.");
        let len3801 = size(&qr.bank_bin) + size(&qr.account_number) + in3801.size();
        let len38 = size(check::NAPAS_GUID) + 4 + len3801 + size(qr.service.code()) + in38.size();
        self.open(38, len38, "vietqr.38");
        self.leaf(0, check::NAPAS_GUID);
        self.open(1, len3801, "vietqr.38.01");
        self.leaf(0, &qr.bank_bin);
        self.leaf(1, &qr.account_number);
        self.flush(&mut in3801, None);
        self.leaf(2, qr.service.code());
        self.flush(&mut in38, None);

        self.opt(&mut root, 52, &qr.merchant_category);
        self.flush(&mut root, Some(53));
        self.leaf(53, &qr.currency);
        self.opt(&mut root, 54, &qr.amount);
        self.flush(&mut root, Some(58));
        self.leaf(58, &qr.country);
        self.opt(&mut root, 59, &qr.merchant_name);
        self.opt(&mut root, 60, &qr.merchant_city);
        self.opt(&mut root, 61, &qr.postal_code);
        self.flush(&mut root, Some(62));

        let mut in62 = Extras::of(map, "62.");
        let ad = qr.additional_data.fields();
        let len62: usize = ad.iter().map(|v| opt_size(v)).sum::<usize>() + in62.size();
        if len62 > 0 {
            self.open(62, len62, "vietqr.62");
            for (k, v) in ad.into_iter().enumerate() {
                self.opt(&mut in62, k as u8 + 1, v);
            }
            self.flush(&mut in62, None);
        }
        self.flush(&mut root, None);

        self.out.extend_from_slice(b"6304");
        let c = crc::crc16(&self.out);
        self.out.extend_from_slice(&crc::hex4(c));
    }
}
