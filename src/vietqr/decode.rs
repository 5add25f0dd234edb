//! Payload → [`VietQr`], with every fault reported.

use super::check::{self, Side};
use super::crc;
use super::read::{self, slot, Fault, FaultKind, Fields};
use super::{AdditionalData, Initiation, Mode, Service, VietQr};
use crate::finding::{has_error, Code, Finding, Report};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Lenient mode searches for a length repair only in payloads up to this many bytes (a
/// VietQR is about 100–300), so that junk input cannot make decoding slow.
pub const REPAIR_MAX_BYTES: usize = 512;

/// Reads a VietQR payload.
///
/// Every fault becomes a finding naming its field (`vietqr.38.01.01`); the report's
/// `cleaned` value is set only when no finding is an error. Tags may come in any order;
/// unknown tags are kept in [`VietQr::unreserved`]. Never panics.
///
/// In [`Mode::Lenient`], surrounding whitespace, a lower-case CRC and one wrong declared
/// length are repaired and reported as warnings (see the [module docs](super)).
///
/// ```
/// use vietref::vietqr::{decode, Mode};
/// // The NAPAS document's example: 38.01.01 says 12 characters but holds 13.
/// let p = "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5";
/// assert!(!decode(p, Mode::Strict).is_valid());
/// let r = decode(p, Mode::Lenient);
/// assert_eq!(r.cleaned.unwrap().account_number, "0011012345678");
/// assert_eq!(r.findings[0].code.key(), "vietqr.length_repaired");
/// ```
pub fn decode(payload: &str, mode: Mode) -> Report<VietQr<'_>> {
    decode_inner(payload, mode).0
}

/// What [`decode_fields`] gives: the report of [`decode`] and every field read.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    /// The report [`decode`] gives.
    pub report: Report<VietQr<'a>>,
    /// Every value the payload holds that could be read, by tag path (`"38.01.00"`,
    /// `"62.08"`, unknown tags by theirs), whatever the findings say of it: the fields of
    /// an invalid code (a 26-character purpose, a wrong CRC, a missing field) for a person
    /// to look at. Reading stops at a structural fault (a tag that is not two digits, a
    /// length that runs past its template): the fields before it are there. Templates
    /// (38, 38.01, 62) are given by their fields.
    pub fields: BTreeMap<String, &'a str>,
}

/// [`decode`], with every field that could be read even when the code is not valid: what
/// lenient decoding shows (`vietref qr decode`, `vietref_vietqr_decode` in lenient mode
/// add them as `fields` to an invalid code's report).
///
/// ```
/// use vietref::vietqr::{crc16, decode_fields, Mode};
/// // 62.08 holds 26 characters (at most 25 are allowed)
/// let body = "00020101021138530010A0000007270123000697041601092245284790208QRIBFTTA\
///             53037045802VN62300826HOC PHI HK1 HP24010172 ABC6304";
/// let p = format!("{body}{:04X}", crc16(body.as_bytes()));
/// let d = decode_fields(&p, Mode::Lenient);
/// assert!(!d.report.is_valid());
/// assert_eq!(d.fields["62.08"], "HOC PHI HK1 HP24010172 ABC");
/// assert_eq!(d.fields["38.01.01"], "224528479");
/// ```
pub fn decode_fields(payload: &str, mode: Mode) -> Decoded<'_> {
    let (report, fields) = decode_inner(payload, mode);
    let mut out = BTreeMap::new();
    for (i, v) in fields.slots.iter().enumerate() {
        if let (Some(v), Some(key)) = (v, slot_key(i)) {
            out.insert(key.to_string(), *v);
        }
    }
    for &(path, v) in &fields.unknown {
        out.insert(path.key(), v);
    }
    Decoded {
        report,
        fields: out,
    }
}

/// The tag path of a slot that holds a value (not a template).
fn slot_key(i: usize) -> Option<&'static str> {
    const KEYS: [Option<&str>; slot::COUNT] = [
        Some("00"),
        Some("01"),
        None, // 38
        Some("38.00"),
        None, // 38.01
        Some("38.01.00"),
        Some("38.01.01"),
        Some("38.02"),
        Some("52"),
        Some("53"),
        Some("54"),
        Some("58"),
        Some("59"),
        Some("60"),
        Some("61"),
        None, // 62
        Some("62.01"),
        Some("62.02"),
        Some("62.03"),
        Some("62.04"),
        Some("62.05"),
        Some("62.06"),
        Some("62.07"),
        Some("62.08"),
        Some("62.09"),
        Some("63"),
    ];
    KEYS.get(i).copied().flatten()
}

/// [`decode`], with the fields read (possibly partly).
fn decode_inner(payload: &str, mode: Mode) -> (Report<VietQr<'_>>, Fields<'_>) {
    let mut findings = Vec::new();
    // A payload that starts and ends with a visible ASCII character has nothing to trim.
    let s = match payload.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => payload,
        _ => payload.trim(),
    };
    if s.len() != payload.len() {
        findings.push(Finding::new(
            match mode {
                Mode::Strict => Code::VietqrSurroundingSpace,
                Mode::Lenient => Code::VietqrSpaceTrimmed,
            },
            "vietqr",
        ));
    }
    let ascii = check::all_ascii(s.as_bytes());
    let crc = check_crc(s, mode, &mut findings);

    let mut fields = Fields::new();
    if let Err(fault) = read::read_into(s, ascii, None, &mut |_| {}, &mut fields) {
        let repaired = if mode == Mode::Lenient && crc.verified && s.len() <= REPAIR_MAX_BYTES {
            repair(s, ascii)
        } else {
            None
        };
        match repaired {
            Some((f, finding)) => {
                findings.push(finding);
                fields = f;
            }
            None => {
                findings.push(fault_finding(s, &fault));
                let report = Report {
                    findings,
                    cleaned: None,
                };
                return (report, fields);
            }
        }
    }
    let qr = build(s, &fields, crc, mode, &mut findings);
    let cleaned = if has_error(&findings) { None } else { qr };
    (Report { findings, cleaned }, fields)
}

/// What the CRC check found.
struct CrcState {
    /// The CRC matches (possibly after reading lower case as upper case, lenient only).
    verified: bool,
    /// The upper-cased CRC when lenient mode read a lower-case one.
    upper: Option<String>,
    /// A finding about the CRC field's presence was already made.
    missing_reported: bool,
}

fn check_crc(s: &str, mode: Mode, out: &mut Vec<Finding>) -> CrcState {
    let mut state = CrcState {
        verified: false,
        upper: None,
        missing_reported: false,
    };
    let b = s.as_bytes();
    let tail = b.len().checked_sub(8).and_then(|i| b.get(i..));
    let Some(tail) = tail.filter(|t| t.starts_with(b"6304")) else {
        out.push(Finding::new(Code::VietqrCrcMissing, "vietqr.63"));
        state.missing_reported = true;
        return state;
    };
    let declared = tail.get(4..).unwrap_or_default();
    let covered = b.get(..b.len() - 4).unwrap_or_default();
    let shown = || format!("{:?}", String::from_utf8_lossy(declared));
    let Some(value) = crc::parse_hex4(declared) else {
        out.push(Finding::new(Code::VietqrCrcFormat, "vietqr.63").detail(shown()));
        return state;
    };
    let computed = crc::crc16(covered);
    let upper = crc::hex4(value);
    let lower_case = declared != upper.as_slice();
    if computed != value {
        let computed_hex = crc::hex4(computed);
        let declared_s = String::from_utf8_lossy(declared);
        let computed_s = String::from_utf8_lossy(&computed_hex);
        out.push(
            Finding::new(Code::VietqrCrcMismatch, "vietqr.63").detail_both(
                format!("the payload says {declared_s}, its content gives {computed_s}"),
                format!("mã QR ghi {declared_s}, nội dung tính ra {computed_s}"),
            ),
        );
        if lower_case && mode == Mode::Strict {
            out.push(Finding::new(Code::VietqrCrcFormat, "vietqr.63").detail(shown()));
        }
        return state;
    }
    state.verified = true;
    if lower_case {
        let up = String::from_utf8_lossy(&upper).into_owned();
        match mode {
            Mode::Strict => {
                out.push(Finding::new(Code::VietqrCrcFormat, "vietqr.63").detail(shown()))
            }
            Mode::Lenient => {
                out.push(Finding::new(Code::VietqrCrcCaseRepaired, "vietqr.63").detail(up.clone()));
                state.upper = Some(up);
            }
        }
    }
    state
}

/// 1-based character position of byte offset `at`.
fn char_pos(s: &str, at: usize) -> usize {
    s.get(..at).map_or(at, |p| p.chars().count()) + 1
}

fn two_chars(s: &str, at: usize) -> String {
    let t: String = s.get(at..).unwrap_or("").chars().take(2).collect();
    format!("{t:?}")
}

fn fault_finding(s: &str, fault: &Fault) -> Finding {
    let field = fault.path.field();
    match fault.kind {
        FaultKind::Truncated => {
            let mut f = Finding::new(Code::VietqrTruncated, field);
            f.params.position = Some(char_pos(s, fault.at));
            f
        }
        FaultKind::BadTag => {
            let mut f = Finding::new(Code::VietqrBadTag, field).detail(two_chars(s, fault.at));
            f.params.position = Some(char_pos(s, fault.at));
            f
        }
        FaultKind::BadLength => {
            let mut f =
                Finding::new(Code::VietqrBadLength, field).detail(two_chars(s, fault.at + 2));
            f.params.position = Some(char_pos(s, fault.at + 2));
            f
        }
        FaultKind::Mismatch => {
            let (key, at) = (fault.path.key(), char_pos(s, fault.at));
            let (en, vi) = match fault.declared {
                Some(n) => (
                    format!(
                        "field {key} (character {at}) declares {n} characters, more than its template has left"
                    ),
                    format!(
                        "trường {key} (ký tự thứ {at}) khai báo {n} ký tự, nhiều hơn số ký tự còn lại của mẫu chứa nó"
                    ),
                ),
                None => (
                    format!(
                        "template {key} has characters left over from character {at} that do not form a field"
                    ),
                    format!(
                        "mẫu {key} còn thừa ký tự từ ký tự thứ {at}, không tạo thành trường nào"
                    ),
                ),
            };
            Finding::new(Code::VietqrLengthMismatch, field).detail_both(en, vi)
        }
        FaultKind::CrcNotLast => Finding::new(Code::VietqrCrcMissing, field),
    }
}

/// Searches for the single length change that makes the payload parse as a valid VietQR
/// (structure, required fields and values). The CRC has already been verified, so the
/// characters are as the sender wrote them; only the reading differs.
fn repair(s: &str, ascii: bool) -> Option<(Fields<'_>, Finding)> {
    let mut visited = Vec::new();
    let _ = read::read(s, ascii, None, &mut |p| visited.push(p));
    let bytes = s.as_bytes();
    let mut found = None;
    for &h in &visited {
        let declared = match bytes.get(h + 2..h + 4) {
            Some(&[a, b]) if a.is_ascii_digit() && b.is_ascii_digit() => {
                usize::from(a - b'0') * 10 + usize::from(b - b'0')
            }
            _ => continue,
        };
        for len in (1..=99).filter(|&l| l != declared) {
            let Ok(f) = read::read(s, ascii, Some((h, len)), &mut |_| {}) else {
                continue;
            };
            if !f.duplicates.is_empty() || f.slots[slot::CRC].is_none() || !sound(s, &f) {
                continue;
            }
            if found.is_some() {
                return None; // two readings fit: repairing would be a guess
            }
            found = Some((h, declared, len, f));
        }
    }
    let (h, declared, len, f) = found?;
    let path = f.repaired.map(|p| p.key()).unwrap_or_default();
    let mut finding = Finding::new(Code::VietqrLengthRepaired, format!("vietqr.{path}"))
        .detail_both(
            format!("field {path} declares {declared} characters and holds {len}"),
            format!("trường {path} khai báo {declared} ký tự nhưng chứa {len} ký tự"),
        );
    finding.params.position = Some(char_pos(s, h + 2));
    Some((f, finding))
}

/// Whether a reading gives a valid VietQR (every required field, every value well-formed).
fn sound(s: &str, f: &Fields<'_>) -> bool {
    let mut scratch = Vec::new();
    let crc = CrcState {
        verified: true,
        upper: None,
        missing_reported: false,
    };
    build(s, f, crc, Mode::Lenient, &mut scratch).is_some() && !has_error(&scratch)
}

struct Rule {
    slot: usize,
    field: &'static str,
    label: &'static str,
    label_vi: &'static str,
}

const REQUIRED: &[Rule] = &[
    Rule {
        slot: slot::FORMAT,
        field: "vietqr.00",
        label: "00 (payload format indicator)",
        label_vi: "00 (chỉ báo định dạng)",
    },
    Rule {
        slot: slot::INITIATION,
        field: "vietqr.01",
        label: "01 (point of initiation)",
        label_vi: "01 (phương thức khởi tạo)",
    },
    Rule {
        slot: slot::ACCOUNT_INFO,
        field: "vietqr.38",
        label: "38 (NAPAS account information)",
        label_vi: "38 (thông tin tài khoản NAPAS)",
    },
    Rule {
        slot: slot::GUID,
        field: "vietqr.38.00",
        label: "38.00 (scheme identifier)",
        label_vi: "38.00 (định danh hệ thống)",
    },
    Rule {
        slot: slot::BENEFICIARY,
        field: "vietqr.38.01",
        label: "38.01 (beneficiary)",
        label_vi: "38.01 (người thụ hưởng)",
    },
    Rule {
        slot: slot::BIN,
        field: "vietqr.38.01.00",
        label: "38.01.00 (bank BIN)",
        label_vi: "38.01.00 (mã BIN ngân hàng)",
    },
    Rule {
        slot: slot::ACCOUNT,
        field: "vietqr.38.01.01",
        label: "38.01.01 (account or card number)",
        label_vi: "38.01.01 (số tài khoản hoặc số thẻ)",
    },
    Rule {
        slot: slot::SERVICE,
        field: "vietqr.38.02",
        label: "38.02 (service code)",
        label_vi: "38.02 (mã dịch vụ)",
    },
    Rule {
        slot: slot::CURRENCY,
        field: "vietqr.53",
        label: "53 (currency)",
        label_vi: "53 (mã tiền tệ)",
    },
    Rule {
        slot: slot::COUNTRY,
        field: "vietqr.58",
        label: "58 (country)",
        label_vi: "58 (mã quốc gia)",
    },
];

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

fn build<'a>(
    s: &'a str,
    f: &Fields<'a>,
    crc: CrcState,
    mode: Mode,
    out: &mut Vec<Finding>,
) -> Option<VietQr<'a>> {
    for &(path, at) in &f.duplicates {
        let mut d = Finding::new(Code::VietqrDuplicateTag, path.field());
        d.params.position = Some(char_pos(s, at));
        out.push(d);
    }
    let get = |i: usize| f.slots.get(i).copied().flatten();
    let mut complete = true;
    for r in REQUIRED {
        if get(r.slot).is_none() {
            complete = false;
            out.push(
                Finding::new(Code::VietqrMissingField, r.field).detail_both(r.label, r.label_vi),
            );
        }
    }
    if get(slot::CRC).is_none() && !crc.missing_reported {
        out.push(Finding::new(Code::VietqrCrcMissing, "vietqr.63"));
    }

    if let Some(v) = get(slot::FORMAT) {
        check::exact(v, "01", Code::VietqrPayloadFormat, "vietqr.00", out);
    }
    let initiation = get(slot::INITIATION).and_then(|v| {
        let i = Initiation::from_code(v);
        if i.is_none() {
            out.push(Finding::new(Code::VietqrInitiation, "vietqr.01").detail(format!("{v:?}")));
        }
        i
    });
    if let Some(v) = get(slot::GUID) {
        check::exact(v, check::NAPAS_GUID, Code::VietqrGuid, "vietqr.38.00", out);
    }
    if let Some(v) = get(slot::BIN) {
        check::bin(v, "vietqr.38.01.00", out);
        check::bin_known(v, "vietqr.38.01.00", out);
    }
    if let Some(v) = get(slot::ACCOUNT) {
        check::account(v, "vietqr.38.01.01", out);
    }
    let service = get(slot::SERVICE).and_then(|v| {
        let sv = Service::from_code(v);
        if sv.is_none() {
            out.push(Finding::new(Code::VietqrService, "vietqr.38.02").detail(format!("{v:?}")));
        }
        sv
    });
    if let (Some(v), Some(sv)) = (get(slot::ACCOUNT), service) {
        check::account_length(v, sv, "vietqr.38.01.01", out);
    }
    if let Some(v) = get(slot::MCC) {
        check::merchant_category(v, "vietqr.52", out);
    }
    if let Some(v) = get(slot::CURRENCY) {
        check::exact(
            v,
            check::CURRENCY_VND,
            Code::VietqrCurrency,
            "vietqr.53",
            out,
        );
    }
    let amount = get(slot::AMOUNT);
    if let Some(v) = amount {
        check::amount(v, "vietqr.54", out);
    }
    if let Some(v) = get(slot::COUNTRY) {
        check::exact(v, check::COUNTRY_VN, Code::VietqrCountry, "vietqr.58", out);
    }
    let texts = [
        (slot::NAME, check::MERCHANT_NAME_MAX, "vietqr.59"),
        (slot::CITY, check::MERCHANT_CITY_MAX, "vietqr.60"),
        (slot::POSTAL, check::POSTAL_CODE_MAX, "vietqr.61"),
    ];
    for (i, max, field) in texts {
        if let Some(v) = get(i) {
            check::text(v, max, Side::Decode, field, out);
            if mode == Mode::Strict && i == slot::NAME {
                check::ascii_strict(v, field, out);
            }
        }
    }
    let mut additional = AdditionalData::default();
    for (k, (cell, field)) in additional
        .fields_mut()
        .into_iter()
        .zip(AD_FIELDS)
        .enumerate()
    {
        if let Some(v) = get(slot::AD_FIRST + k) {
            if k == 8 {
                check::consumer_request(v, Side::Decode, field, out);
            } else {
                check::text(v, check::ADDITIONAL_MAX, Side::Decode, field, out);
                if mode == Mode::Strict && k == 7 {
                    check::ascii_strict(v, field, out);
                }
            }
            *cell = Some(Cow::Borrowed(v));
        }
    }
    let mut unreserved = BTreeMap::new();
    for &(path, v) in &f.unknown {
        let field = path.field();
        check::text(v, check::VALUE_MAX, Side::Decode, &field, out);
        unreserved.insert(Cow::Owned(path.key()), Cow::Borrowed(v));
    }
    if let Some(i) = initiation {
        out.extend(check::initiation_amount(i, amount));
    }
    if !complete {
        return None;
    }
    let text = |i: usize| get(i).map(Cow::Borrowed);
    Some(VietQr {
        initiation: initiation?,
        bank_bin: Cow::Borrowed(get(slot::BIN)?),
        account_number: Cow::Borrowed(get(slot::ACCOUNT)?),
        service: service?,
        merchant_category: text(slot::MCC),
        currency: Cow::Borrowed(get(slot::CURRENCY)?),
        amount: text(slot::AMOUNT),
        country: Cow::Borrowed(get(slot::COUNTRY)?),
        merchant_name: text(slot::NAME),
        merchant_city: text(slot::CITY),
        postal_code: text(slot::POSTAL),
        additional_data: additional,
        unreserved,
        crc: match crc.upper {
            Some(u) => Some(Cow::Owned(u)),
            None => text(slot::CRC),
        },
    })
}
