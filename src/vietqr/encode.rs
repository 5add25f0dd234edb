//! [`VietQr`] → payload.

use super::check::{self, Side};
use super::crc;
use super::{Initiation, VietQr};
use crate::finding::{has_error, Code, Finding};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::iter::Peekable;

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
    let mut w = Writer { buf: Vec::with_capacity(160), findings: out };
    w.write(qr);
    if has_error(&w.findings) {
        return Err(w.findings);
    }
    String::from_utf8(w.buf)
        .map_err(|_| vec![Finding::new(Code::VietqrNonAscii, "vietqr")])
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
    check::exact(&qr.currency, check::CURRENCY_VND, Code::VietqrCurrency, "vietqr.53", out);
    if let Some(v) = &qr.amount {
        ascii(v, "vietqr.54", out);
        check::amount(v, "vietqr.54", out);
    }
    match (qr.initiation, &qr.amount) {
        (Initiation::Static, Some(a)) => out.push(
            Finding::new(Code::VietqrInitiationMismatch, "vietqr.01")
                .detail(format!("static code (11) with amount {a:?}")),
        ),
        (Initiation::Dynamic, None) => out.push(
            Finding::new(Code::VietqrInitiationMismatch, "vietqr.01")
                .detail("dynamic code (12) without amount".to_string()),
        ),
        _ => {}
    }
    check::exact(&qr.country, check::COUNTRY_VN, Code::VietqrCountry, "vietqr.58", out);
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
            check::text(v, check::VALUE_MAX, Side::Encode, &format!("vietqr.{k}"), out);
        } else {
            out.push(Finding::new(Code::VietqrReservedTag, "vietqr.unreserved").detail(format!("{k:?}")));
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

type Extras<'q> = Peekable<Box<dyn Iterator<Item = (u8, &'q str)> + 'q>>;

/// The entries of `map` directly inside the template `prefix` (`""` for the root, `"62."`),
/// as (ID, value), ascending.
fn extras<'q>(map: &'q BTreeMap<Cow<'_, str>, Cow<'_, str>>, prefix: &'static str) -> Extras<'q> {
    let it: Box<dyn Iterator<Item = (u8, &'q str)> + 'q> = if map.is_empty() {
        Box::new(std::iter::empty())
    } else {
        Box::new(map.iter().filter_map(move |(k, v)| {
            let id = k.strip_prefix(prefix)?;
            match id.as_bytes() {
                &[a, b] if a.is_ascii_digit() && b.is_ascii_digit() && check::unreserved_key(k) => {
                    Some(((a - b'0') * 10 + (b - b'0'), v.as_ref()))
                }
                _ => None,
            }
        }))
    };
    it.peekable()
}

struct Writer {
    buf: Vec<u8>,
    findings: Vec<Finding>,
}

fn digits2(n: usize) -> [u8; 2] {
    let n = n.min(99) as u8;
    [b'0' + n / 10, b'0' + n % 10]
}

impl Writer {
    fn leaf(&mut self, id: u8, value: &str) {
        self.buf.extend_from_slice(&digits2(usize::from(id)));
        self.buf.extend_from_slice(&digits2(value.len()));
        self.buf.extend_from_slice(value.as_bytes());
    }

    fn open(&mut self, id: u8) -> usize {
        self.buf.extend_from_slice(&digits2(usize::from(id)));
        let at = self.buf.len();
        self.buf.extend_from_slice(b"00");
        at
    }

    fn close(&mut self, at: usize, field: &str) {
        let len = self.buf.len().saturating_sub(at + 2);
        if len > check::VALUE_MAX {
            self.findings.push(check::too_long(field, len, check::VALUE_MAX));
        }
        if let Some(d) = self.buf.get_mut(at..at + 2) {
            d.copy_from_slice(&digits2(len));
        }
    }

    /// Writes the extras below `below` (all of them for `None`).
    fn flush(&mut self, extras: &mut Extras<'_>, below: Option<u8>) {
        while let Some(&(id, v)) = extras.peek() {
            if below.is_some_and(|b| id >= b) {
                break;
            }
            self.leaf(id, v);
            extras.next();
        }
    }

    fn opt(&mut self, extras: &mut Extras<'_>, id: u8, value: &Option<Cow<'_, str>>) {
        self.flush(extras, Some(id));
        if let Some(v) = value {
            self.leaf(id, v);
        }
    }

    fn write(&mut self, qr: &VietQr<'_>) {
        let map = &qr.unreserved;
        let mut root = extras(map, "");
        self.leaf(0, "01");
        self.leaf(1, qr.initiation.code());
        self.flush(&mut root, Some(38));

        let t38 = self.open(38);
        let mut in38 = extras(map, "38.");
        self.leaf(0, check::NAPAS_GUID);
        let t3801 = self.open(1);
        let mut in3801 = extras(map, "38.01.");
        self.leaf(0, &qr.bank_bin);
        self.leaf(1, &qr.account_number);
        self.flush(&mut in3801, None);
        self.close(t3801, "vietqr.38.01");
        self.leaf(2, qr.service.code());
        self.flush(&mut in38, None);
        self.close(t38, "vietqr.38");

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

        let mut in62 = extras(map, "62.");
        if !qr.additional_data.is_empty() || in62.peek().is_some() {
            let t62 = self.open(62);
            for (k, v) in qr.additional_data.fields().into_iter().enumerate() {
                self.opt(&mut in62, k as u8 + 1, v);
            }
            self.flush(&mut in62, None);
            self.close(t62, "vietqr.62");
        }
        self.flush(&mut root, None);

        self.buf.extend_from_slice(b"6304");
        let c = crc::crc16(&self.buf);
        self.buf.extend_from_slice(&crc::hex4(c));
    }
}
