//! The reason of a result, in English and Vietnamese, written from its status and evidence.
//!
//! A [`LineResult`] holds the facts (status, invoice, amounts, codes, names); its reason is
//! a sentence about those facts, written when it is read ([`LineResult::reason`],
//! [`LineResult::reason_vi`], the JSON and CSV writers) rather than for every line fed. It
//! can therefore never disagree with the evidence, and a caller that only reads statuses
//! and invoices does not pay for sentences it never reads.

use super::{Date, LineResult, NameRole, Status};
use serde::{Serialize, Serializer};
use std::fmt;

/// An amount as reasons write it: `1,250,000 VND` (English) or `1.250.000 đ` (Vietnamese).
/// The reference form of [`push_money`] (the tests compare the two).
#[cfg(test)]
pub(crate) struct Money {
    pub(crate) vnd: u64,
    pub(crate) vi: bool,
}

#[cfg(test)]
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use super::{format_amount, Grouping};
        let g = if self.vi {
            Grouping::Dot
        } else {
            Grouping::Comma
        };
        f.write_str(&format_amount(self.vnd, g))?;
        f.write_str(if self.vi { " đ" } else { " VND" })
    }
}

/// The reason of a result in one language, written on demand (see the module doc).
#[derive(Clone, Copy)]
pub(crate) struct Reason<'a> {
    pub(crate) result: &'a LineResult,
    pub(crate) vi: bool,
}

const NONE_EN: &str = "no invoice code found in the content";
const NONE_VI: &str = "không tìm thấy mã hóa đơn trong nội dung chuyển khoản";

/// Appends `vnd` as reasons write it (see [`Money`]) to `out`, without `core::fmt`.
#[cfg(test)]
pub(crate) fn push_money(out: &mut String, vnd: u64, vi: bool) {
    Part::Money(vnd).push(out, vi);
}

/// Appends `n` in decimal to `out`, without `core::fmt`.
#[cfg(test)]
pub(crate) fn push_u64(out: &mut String, n: u64) {
    Part::Number(n).push(out, false);
}

/// The three digits of every number below 1 000 (`000` to `999`).
static TRIPLES: [[u8; 3]; 1000] = {
    let mut t = [[0u8; 3]; 1000];
    let mut i = 0;
    while i < 1000 {
        t[i] = [
            b'0' + (i / 100) as u8,
            b'0' + (i / 10 % 10) as u8,
            b'0' + (i % 10) as u8,
        ];
        i += 1;
    }
    t
};

/// The three digits of `n` (below 1 000; `0` pads: `007`).
#[inline]
pub(crate) fn triple(n: u64) -> [u8; 3] {
    TRIPLES.get(n as usize).copied().unwrap_or_default()
}

/// `n` in decimal at the end of the returned buffer, from the returned index, its groups
/// of three digits separated by `sep` when there is one (`1,250,000`): three digits per
/// division, from a table (what `{}` and [`super::format_amount`] write).
pub(crate) fn digits(n: u64, sep: Option<u8>) -> ([u8; 27], usize) {
    // 20 digits and 6 separators at most.
    let mut buf = [0u8; 27];
    let mut i = buf.len();
    let mut n = n;
    while n >= 1000 {
        let t = triple(n % 1000);
        n /= 1000;
        i -= 3;
        if let Some(d) = buf.get_mut(i..i + 3) {
            d.copy_from_slice(&t);
        }
        if let Some(s) = sep {
            i -= 1;
            if let Some(d) = buf.get_mut(i) {
                *d = s;
            }
        }
    }
    let t = triple(n);
    let lead = match n {
        100.. => 3,
        10.. => 2,
        _ => 1,
    };
    i -= lead;
    if let (Some(d), Some(s)) = (buf.get_mut(i..i + lead), t.get(3 - lead..)) {
        d.copy_from_slice(s);
    }
    (buf, i)
}

/// `d` as `2024-09-15` (`vi`: `15/09/2024`): the bytes of [`Date`]'s `Display` and
/// `write_vi`, written without `core::fmt`.
pub(crate) fn date_bytes(d: Date, vi: bool) -> [u8; 10] {
    let v = d.number();
    let digit = |v: u32| b'0' + (v % 10) as u8;
    let (y, m, d) = (v / 10_000, v / 100 % 100, v % 100);
    let [y1, y2, y3, y4] = [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)];
    let [m1, m2, d1, d2] = [digit(m / 10), digit(m), digit(d / 10), digit(d)];
    if vi {
        [d1, d2, b'/', m1, m2, b'/', y1, y2, y3, y4]
    } else {
        [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2]
    }
}

/// Where a reason is written. The pieces come apart so that a writer treats them by what
/// they can hold: the sentences' own words are fixed text (no quote, backslash or control
/// character: the JSON writer copies them as they are), the pieces taken from the result
/// (codes, names, characters) can hold anything (the JSON writer escapes them), and numbers
/// are ASCII digits and separators.
pub(crate) trait ReasonOut {
    /// The reason's own words.
    fn fixed(&mut self, s: &'static str);
    /// A piece of the result: a code, a name, a character.
    fn text(&mut self, s: &str);
    /// ASCII digits and separators.
    fn ascii(&mut self, b: &[u8]);
}

impl ReasonOut for String {
    fn fixed(&mut self, s: &'static str) {
        self.push_str(s);
    }
    fn text(&mut self, s: &str) {
        self.push_str(s);
    }
    fn ascii(&mut self, b: &[u8]) {
        self.extend(b.iter().map(|&b| char::from(b)));
    }
}

/// Raw bytes (the CSV writer quotes the whole field afterwards).
impl ReasonOut for Vec<u8> {
    fn fixed(&mut self, s: &'static str) {
        self.extend_from_slice(s.as_bytes());
    }
    fn text(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
    fn ascii(&mut self, b: &[u8]) {
        self.extend_from_slice(b);
    }
}

impl Reason<'_> {
    /// Appends the reason to `out`. Plain pushes: the writers call this for every line, and
    /// `core::fmt` cost a third of the JSON writer's time (issue 23).
    pub(crate) fn push_to<O: ReasonOut>(&self, out: &mut O) {
        let r = self.result;
        let ev = &r.evidence;
        let vi = self.vi;
        let code = T(r.invoice.as_deref().unwrap_or(""));
        let due = ev.amount_due.unwrap_or(0);
        let after = ev.paid_after.unwrap_or(0);
        macro_rules! put {
            ($($part:expr),* $(,)?) => {{ $( Part::from($part).push(out, vi); )* }};
        }
        match r.status {
            Status::Paid if ev.paid_before == Some(0) => {
                if vi {
                    put!("tìm thấy mã ", code, "; đã thanh toán đủ ", M(due));
                } else {
                    put!("code ", code, " found; ", M(due), " paid in full");
                }
            }
            Status::Paid => {
                if vi {
                    put!(
                        "tìm thấy mã ",
                        code,
                        "; khoản ",
                        M(r.amount),
                        " này trả đủ số phải nộp ",
                        M(due)
                    );
                } else {
                    put!(
                        "code ",
                        code,
                        " found; this ",
                        M(r.amount),
                        " completes the ",
                        M(due),
                        " due"
                    );
                }
            }
            Status::Partial => {
                let left = M(due.saturating_sub(after));
                if vi {
                    put!(
                        "tìm thấy mã ",
                        code,
                        "; đã trả ",
                        M(after),
                        " trên ",
                        M(due),
                        ", còn thiếu ",
                        left
                    );
                } else {
                    put!(
                        "code ",
                        code,
                        " found; ",
                        M(after),
                        " paid of ",
                        M(due),
                        ", ",
                        left,
                        " still due"
                    );
                }
            }
            Status::Overpaid => {
                let excess = M(after.saturating_sub(due));
                if vi {
                    put!(
                        "tìm thấy mã ",
                        code,
                        "; đã trả ",
                        M(after),
                        " cho ",
                        M(due),
                        " phải nộp: thừa ",
                        excess
                    );
                } else {
                    put!(
                        "code ",
                        code,
                        " found; ",
                        M(after),
                        " paid for ",
                        M(due),
                        " due: ",
                        excess,
                        " too much"
                    );
                }
            }
            Status::Duplicate => {
                let by = N(ev.settled_by_line.unwrap_or(0));
                if vi {
                    put!(
                        "hóa đơn ",
                        code,
                        " đã được thanh toán đủ ở dòng ",
                        by,
                        "; khoản ",
                        M(r.amount),
                        " này là khoản trả thêm"
                    );
                    if ev.same_reference {
                        put!(
                            " có cùng số tham chiếu ngân hàng (một giao dịch bị liệt kê hai lần?)"
                        );
                    }
                } else {
                    put!(
                        "invoice ",
                        code,
                        " was already settled by line ",
                        by,
                        "; this ",
                        M(r.amount),
                        " is an extra payment"
                    );
                    if ev.same_reference {
                        put!(" with the same bank reference (the same transfer listed twice?)");
                    }
                }
            }
            Status::UnknownCode => {
                let code = T(ev.codes.first().map_or("", |c| c.code.as_str()));
                if vi {
                    put!("mã ", code, " hợp lệ nhưng không khớp hóa đơn nào đang mở (đã thanh toán trước, đã hủy, hay chưa có trong danh sách?)");
                } else {
                    put!("the code ", code, " is valid but names no open invoice (paid earlier, cancelled, or not in the invoice list?)");
                }
                return;
            }
            Status::Ambiguous => {
                put!(if vi {
                    "nội dung có nhiều mã ("
                } else {
                    "several codes in the content ("
                });
                for (i, c) in ev.codes.iter().enumerate() {
                    if i > 0 {
                        put!(", ");
                    }
                    put!(T(c.code.as_str()));
                }
                put!(if vi {
                    "): cần người kiểm tra xem khoản tiền trả cho hóa đơn nào"
                } else {
                    "): a person must decide which invoice is paid"
                });
                return;
            }
            Status::Unmatched if !ev.hidden.is_empty() => {
                let h = &ev.hidden[0];
                let what = match (h.kind, vi) {
                    ("text.bidi_control", false) => "a bidirectional control",
                    ("text.invisible", false) => "an invisible character",
                    ("text.control_char", false) => "a control character",
                    (_, false) => "a character that cannot be shown",
                    ("text.bidi_control", true) => "ký tự điều khiển hướng văn bản",
                    ("text.invisible", true) => "ký tự vô hình",
                    ("text.control_char", true) => "ký tự điều khiển",
                    (_, true) => "ký tự không hiển thị được",
                };
                let (code, ch, at) = (T(&h.code), T(&h.character), N(h.offset as u64));
                if vi {
                    put!("mã ", code, " đi kèm ", what, " ", ch, " (byte ", at, " của nội dung): người đọc sẽ thấy nội dung khác với máy, nên khoản tiền không được ghi nhận; cần người kiểm tra giao dịch");
                } else {
                    put!("the code ", code, " comes with ", what, " ", ch, " (byte ", at, " of the content): a person reads this content differently from a program, so the payment is not applied; a person must check the transfer");
                }
                return;
            }
            Status::Unmatched => {
                put!(if vi { NONE_VI } else { NONE_EN });
                match (
                    ev.name_candidates,
                    r.suggestion.as_deref(),
                    ev.names.first(),
                ) {
                    (Some(1), Some(code), Some(n)) => {
                        let code = T(code);
                        let role = match (n.role, vi) {
                            (NameRole::Payer, false) => "payer",
                            (NameRole::Beneficiary, false) => "beneficiary",
                            (NameRole::Payer, true) => "người trả tiền",
                            (NameRole::Beneficiary, true) => "người thụ hưởng",
                        };
                        let (observed, amount) = (T(&n.observed), M(r.amount));
                        if vi {
                            put!(
                                "; tên ",
                                role,
                                " ",
                                observed,
                                " và đúng số tiền ",
                                amount,
                                " khớp một hóa đơn đang mở, ",
                                code,
                                ": gợi ý cần người xác nhận, chưa ghi nhận"
                            );
                        } else {
                            put!(
                                "; the ",
                                role,
                                "'s name ",
                                observed,
                                " and the exact amount ",
                                amount,
                                " fit one open invoice, ",
                                code,
                                ": a suggestion for a person to confirm, not applied"
                            );
                        }
                    }
                    (Some(n), _, _) if n >= 2 => {
                        put!(if vi {
                            "; tên và số tiền khớp nhiều hơn một hóa đơn đang mở nên không có gợi ý"
                        } else {
                            "; a name and the exact amount fit more than one open invoice, so nothing is suggested"
                        });
                    }
                    _ => {}
                }
                if let Some(t) = &ev.typo {
                    let typed = T(&t.typed);
                    match (&t.invoice, vi) {
                        (Some(code), true) => put!(
                            "; mã ",
                            typed,
                            " sai số kiểm tra và chỉ khác mã hóa đơn đang mở ",
                            T(code),
                            " một chữ số (hoặc hai chữ số liền nhau đổi chỗ): có thể gõ nhầm, cần người xác nhận, chưa ghi nhận"
                        ),
                        (Some(code), false) => put!(
                            "; the code ",
                            typed,
                            " fails its check digits and is one digit (or one swap of adjacent digits) away from the open invoice ",
                            T(code),
                            ": a possible typo for a person to confirm, not applied"
                        ),
                        (None, true) => put!(
                            "; mã ",
                            typed,
                            " sai số kiểm tra và chỉ khác mã của nhiều hóa đơn đang mở một chữ số nên không có gợi ý"
                        ),
                        (None, false) => put!(
                            "; the code ",
                            typed,
                            " fails its check digits and is one edit away from the codes of several open invoices, so nothing is suggested"
                        ),
                    }
                }
                return;
            }
        }
        // A payment applied after the invoice's due date.
        if let (Some(true), Some(d)) = (ev.late, ev.due) {
            out.fixed(if vi {
                "; trả sau hạn "
            } else {
                "; paid after the due date "
            });
            out.ascii(&date_bytes(d, vi));
        }
    }
}

/// An amount in a reason (written as [`Money`]).
#[derive(Clone, Copy)]
struct M(u64);
/// A number in a reason.
#[derive(Clone, Copy)]
struct N(u64);

/// A piece of the result written into a reason (a code, a name): see [`ReasonOut::text`].
#[derive(Clone, Copy)]
struct T<'a>(&'a str);

/// One piece of a reason.
enum Part<'a> {
    /// The reason's own words (only `'static` text converts to it: a piece of the result
    /// must be wrapped in [`T`]).
    Fixed(&'static str),
    Text(&'a str),
    Money(u64),
    Number(u64),
}

impl From<&'static str> for Part<'_> {
    fn from(s: &'static str) -> Self {
        Part::Fixed(s)
    }
}
impl<'a> From<T<'a>> for Part<'a> {
    fn from(t: T<'a>) -> Self {
        Part::Text(t.0)
    }
}
impl From<M> for Part<'_> {
    fn from(m: M) -> Self {
        Part::Money(m.0)
    }
}
impl From<N> for Part<'_> {
    fn from(n: N) -> Self {
        Part::Number(n.0)
    }
}

impl Part<'_> {
    #[inline(always)]
    fn push<O: ReasonOut>(self, out: &mut O, vi: bool) {
        match self {
            Part::Fixed(s) => out.fixed(s),
            Part::Text(s) => out.text(s),
            Part::Money(v) => {
                let (buf, i) = digits(v, Some(if vi { b'.' } else { b',' }));
                out.ascii(buf.get(i..).unwrap_or(&[]));
                out.fixed(if vi { " đ" } else { " VND" });
            }
            Part::Number(v) => {
                let (buf, i) = digits(v, None);
                out.ascii(buf.get(i..).unwrap_or(&[]));
            }
        }
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(128);
        self.push_to(&mut s);
        f.write_str(&s)
    }
}

impl Serialize for Reason<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl LineResult {
    /// Why the line got its status, in English (`code HP24010172 found; 1,250,000 VND paid
    /// in full`), written from the status and the evidence.
    pub fn reason(&self) -> String {
        self.reason_in(false)
    }

    /// Why the line got its status, in Vietnamese (`tìm thấy mã HP24010172; đã thanh toán
    /// đủ 1.250.000 đ`).
    pub fn reason_vi(&self) -> String {
        self.reason_in(true)
    }

    fn reason_in(&self, vi: bool) -> String {
        let mut s = String::with_capacity(128);
        Reason { result: self, vi }.push_to(&mut s);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::{format_amount, Grouping};

    #[test]
    fn amounts_are_written_as_format_amount_groups_them() {
        for v in [
            0,
            7,
            9,
            10,
            99,
            100,
            999,
            1_000,
            1_001,
            12_345,
            100_000,
            1_000_000,
            1_250_000,
            999_999_999,
            u64::MAX,
        ] {
            let en = Money { vnd: v, vi: false }.to_string();
            let vi = Money { vnd: v, vi: true }.to_string();
            assert_eq!(en, format!("{} VND", format_amount(v, Grouping::Comma)));
            assert_eq!(vi, format!("{} đ", format_amount(v, Grouping::Dot)));
            let (mut pe, mut pv, mut n) = (String::new(), String::new(), String::new());
            push_money(&mut pe, v, false);
            push_money(&mut pv, v, true);
            push_u64(&mut n, v);
            assert_eq!((pe, pv, n), (en, vi, v.to_string()));
        }
    }

    proptest::proptest! {
        #[test]
        fn numbers_are_written_as_std_and_format_amount_write_them(
            v in proptest::prop_oneof![0u64..2_000_000, proptest::num::u64::ANY],
        ) {
            let (mut pe, mut pv, mut n) = (String::new(), String::new(), String::new());
            push_money(&mut pe, v, false);
            push_money(&mut pv, v, true);
            push_u64(&mut n, v);
            proptest::prop_assert_eq!(pe, format!("{} VND", format_amount(v, Grouping::Comma)));
            proptest::prop_assert_eq!(pv, format!("{} đ", format_amount(v, Grouping::Dot)));
            proptest::prop_assert_eq!(n, v.to_string());
        }
    }

    #[test]
    fn due_dates_are_written_as_date_writes_them() {
        for (y, m, d) in [(2024, 9, 15), (1999, 12, 31), (2000, 1, 1), (2999, 2, 28)] {
            let date = Date::from_ymd(y, m, d).unwrap();
            let mut vi = String::new();
            date.write_vi(&mut vi).unwrap();
            assert_eq!(date_bytes(date, false), date.to_string().as_bytes());
            assert_eq!(date_bytes(date, true), vi.as_bytes());
        }
    }
}
