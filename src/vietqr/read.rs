//! The TLV reader: walks a payload once, depth-first in string order, and files every field
//! into a fixed slot (or the list of unknown tags) without copying.
//!
//! Lengths count characters (Unicode scalar values). For an all-ASCII payload, the common
//! case, that is the byte count and the reader never decodes UTF-8.

/// Slots of the fields vietref interprets.
pub(crate) mod slot {
    pub const FORMAT: usize = 0; // 00
    pub const INITIATION: usize = 1; // 01
    pub const ACCOUNT_INFO: usize = 2; // 38
    pub const GUID: usize = 3; // 38.00
    pub const BENEFICIARY: usize = 4; // 38.01
    pub const BIN: usize = 5; // 38.01.00
    pub const ACCOUNT: usize = 6; // 38.01.01
    pub const SERVICE: usize = 7; // 38.02
    pub const MCC: usize = 8; // 52
    pub const CURRENCY: usize = 9; // 53
    pub const AMOUNT: usize = 10; // 54
    pub const COUNTRY: usize = 11; // 58
    pub const NAME: usize = 12; // 59
    pub const CITY: usize = 13; // 60
    pub const POSTAL: usize = 14; // 61
    pub const ADDITIONAL: usize = 15; // 62
    /// 62.01 is `AD_FIRST`, 62.09 is `AD_FIRST + 8`.
    pub const AD_FIRST: usize = 16;
    pub const CRC: usize = 25; // 63
    pub const COUNT: usize = 26;
}

/// Which template a field sits in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scope {
    Root,
    AccountInfo,
    Beneficiary,
    Additional,
    /// A template vietref does not interpret: never entered.
    Opaque,
}

/// The scoped position of a field: up to three two-digit IDs.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Path {
    ids: [u8; 3],
    depth: u8,
}

impl Path {
    fn push(self, id: u8) -> Path {
        let mut p = self;
        if let Some(slot) = p.ids.get_mut(usize::from(p.depth)) {
            *slot = id;
            p.depth += 1;
        }
        p
    }

    /// `38.01.01`.
    pub(crate) fn key(&self) -> String {
        let mut s = String::with_capacity(8);
        for (i, id) in self.ids.iter().take(usize::from(self.depth)).enumerate() {
            if i > 0 {
                s.push('.');
            }
            s.push(char::from(b'0' + id / 10));
            s.push(char::from(b'0' + id % 10));
        }
        s
    }

    /// `vietqr.38.01.01` (or `vietqr` for the payload as a whole).
    pub(crate) fn field(&self) -> String {
        if self.depth == 0 {
            "vietqr".to_string()
        } else {
            format!("vietqr.{}", self.key())
        }
    }
}

/// Why a payload's structure could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FaultKind {
    /// The payload ends inside a field (root level).
    Truncated,
    /// A tag ID that is not two digits.
    BadTag,
    /// A length that is not two digits from 01 to 99.
    BadLength,
    /// A field overruns its template, or a template has characters left over.
    Mismatch,
    /// Tag 63 is not the last field.
    CrcNotLast,
}

/// A structural fault: what, where (byte offset of the field header) and in which template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    pub kind: FaultKind,
    pub at: usize,
    /// The field concerned (for `Mismatch` at a template end: the template).
    pub path: Path,
    /// The declared length, for `Mismatch` of an overrunning field.
    pub declared: Option<usize>,
}

/// Everything read from a structurally sound payload.
#[derive(Debug)]
pub(crate) struct Fields<'a> {
    pub slots: [Option<&'a str>; slot::COUNT],
    /// Tags vietref does not interpret, with their scoped path, in payload order.
    pub unknown: Vec<(Path, &'a str)>,
    /// Repeated tags: path and byte offset of the repetition.
    pub duplicates: Vec<(Path, usize)>,
    /// The field whose declared length the reading replaced, when the repair was used.
    pub repaired: Option<Path>,
}

/// Reads the structure of `s`. `repair` replaces the declared length of the field whose
/// header starts at the given byte offset. `visit` sees the byte offset of every header the
/// reader reaches, in order.
pub(crate) fn read<'a>(
    s: &'a str,
    ascii: bool,
    repair: Option<(usize, usize)>,
    visit: &mut dyn FnMut(usize),
) -> Result<Fields<'a>, Fault> {
    let mut r = Reader {
        s,
        ascii,
        repair,
        fields: Fields {
            slots: [None; slot::COUNT],
            unknown: Vec::new(),
            duplicates: Vec::new(),
            repaired: None,
        },
    };
    r.template(0, s.len(), Path::default(), Scope::Root, visit)?;
    Ok(r.fields)
}

struct Reader<'a> {
    s: &'a str,
    ascii: bool,
    repair: Option<(usize, usize)>,
    fields: Fields<'a>,
}

fn two_digits(b: Option<&[u8]>) -> Option<usize> {
    match b {
        Some(&[h, l]) if h.is_ascii_digit() && l.is_ascii_digit() => {
            Some(usize::from(h - b'0') * 10 + usize::from(l - b'0'))
        }
        _ => None,
    }
}

impl<'a> Reader<'a> {
    /// Byte offset `n` characters after `from`, if that is at or before `end`.
    fn advance(&self, from: usize, n: usize, end: usize) -> Option<usize> {
        if self.ascii {
            let to = from.checked_add(n)?;
            return (to <= end).then_some(to);
        }
        let rest = self.s.get(from..end)?;
        if n == 0 {
            return Some(from);
        }
        let mut it = rest.char_indices();
        match it.nth(n - 1) {
            Some((i, c)) => Some(from + i + c.len_utf8()),
            None => None,
        }
    }

    fn template(
        &mut self,
        start: usize,
        end: usize,
        path: Path,
        scope: Scope,
        visit: &mut dyn FnMut(usize),
    ) -> Result<(), Fault> {
        let bytes = self.s.as_bytes();
        let mut pos = start;
        while pos < end {
            visit(pos);
            let nested = scope != Scope::Root;
            let header_fits = end - pos >= 4;
            let id = two_digits(bytes.get(pos..pos + 2).filter(|_| end - pos >= 2));
            let Some(id) = id else {
                if !header_fits {
                    return Err(self.short(pos, path, nested));
                }
                return Err(Fault { kind: FaultKind::BadTag, at: pos, path, declared: None });
            };
            let id8 = u8::try_from(id).unwrap_or(0);
            let here = path.push(id8);
            if !header_fits {
                return Err(self.short(pos, path, nested));
            }
            let Some(declared) = two_digits(bytes.get(pos + 2..pos + 4)) else {
                return Err(Fault { kind: FaultKind::BadLength, at: pos, path: here, declared: None });
            };
            let len = match self.repair {
                Some((at, l)) if at == pos => {
                    self.fields.repaired = Some(here);
                    l
                }
                _ => declared,
            };
            if len == 0 {
                return Err(Fault { kind: FaultKind::BadLength, at: pos, path: here, declared: None });
            }
            let vstart = pos + 4;
            let Some(vend) = self.advance(vstart, len, end) else {
                let kind = if nested { FaultKind::Mismatch } else { FaultKind::Truncated };
                return Err(Fault { kind, at: pos, path: here, declared: Some(len) });
            };
            let value = self.s.get(vstart..vend).unwrap_or("");
            let (slot, inner) = classify(scope, id8);
            if scope == Scope::Root && id8 == 63 && vend != self.s.len() {
                return Err(Fault { kind: FaultKind::CrcNotLast, at: pos, path: here, declared: None });
            }
            match slot {
                Some(i) => {
                    if let Some(cell) = self.fields.slots.get_mut(i) {
                        if cell.is_some() {
                            self.fields.duplicates.push((here, pos));
                        } else {
                            *cell = Some(value);
                        }
                    }
                }
                None => self.fields.unknown.push((here, value)),
            }
            if inner != Scope::Opaque {
                self.template(vstart, vend, here, inner, visit)?;
            }
            pos = vend;
        }
        Ok(())
    }

    fn short(&self, pos: usize, path: Path, nested: bool) -> Fault {
        let kind = if nested { FaultKind::Mismatch } else { FaultKind::Truncated };
        Fault { kind, at: pos, path, declared: None }
    }
}

/// The slot of tag `id` in `scope`, and the scope of its content when it is a template.
fn classify(scope: Scope, id: u8) -> (Option<usize>, Scope) {
    use slot::*;
    match (scope, id) {
        (Scope::Root, 0) => (Some(FORMAT), Scope::Opaque),
        (Scope::Root, 1) => (Some(INITIATION), Scope::Opaque),
        (Scope::Root, 38) => (Some(ACCOUNT_INFO), Scope::AccountInfo),
        (Scope::Root, 52) => (Some(MCC), Scope::Opaque),
        (Scope::Root, 53) => (Some(CURRENCY), Scope::Opaque),
        (Scope::Root, 54) => (Some(AMOUNT), Scope::Opaque),
        (Scope::Root, 58) => (Some(COUNTRY), Scope::Opaque),
        (Scope::Root, 59) => (Some(NAME), Scope::Opaque),
        (Scope::Root, 60) => (Some(CITY), Scope::Opaque),
        (Scope::Root, 61) => (Some(POSTAL), Scope::Opaque),
        (Scope::Root, 62) => (Some(ADDITIONAL), Scope::Additional),
        (Scope::Root, 63) => (Some(CRC), Scope::Opaque),
        (Scope::AccountInfo, 0) => (Some(GUID), Scope::Opaque),
        (Scope::AccountInfo, 1) => (Some(BENEFICIARY), Scope::Beneficiary),
        (Scope::AccountInfo, 2) => (Some(SERVICE), Scope::Opaque),
        (Scope::Beneficiary, 0) => (Some(BIN), Scope::Opaque),
        (Scope::Beneficiary, 1) => (Some(ACCOUNT), Scope::Opaque),
        (Scope::Additional, 1..=9) => (Some(AD_FIRST + usize::from(id) - 1), Scope::Opaque),
        _ => (None, Scope::Opaque),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";

    #[test]
    fn reads_slots() {
        let f = read(P, true, None, &mut |_| {}).unwrap();
        assert_eq!(f.slots[slot::BIN], Some("970403"));
        assert_eq!(f.slots[slot::ACCOUNT], Some("9704031101234567"));
        assert_eq!(f.slots[slot::SERVICE], Some("QRIBFTTC"));
        assert_eq!(f.slots[slot::CRC], Some("4F52"));
        assert!(f.unknown.is_empty());
    }

    #[test]
    fn faults() {
        let e = read("0002", true, None, &mut |_| {}).unwrap_err();
        assert_eq!(e.kind, FaultKind::Truncated);
        let e = read("0x0201", true, None, &mut |_| {}).unwrap_err();
        assert_eq!(e.kind, FaultKind::BadTag);
        let e = read("00x201", true, None, &mut |_| {}).unwrap_err();
        assert_eq!(e.kind, FaultKind::BadLength);
        let e = read("0000", true, None, &mut |_| {}).unwrap_err();
        assert_eq!(e.kind, FaultKind::BadLength);
        let e = read("62050103ab", true, None, &mut |_| {}).unwrap_err();
        assert_eq!(e.kind, FaultKind::Mismatch);
        assert_eq!(e.path.key(), "62.01");
        let e = read("630400006001x", true, None, &mut |_| {}).unwrap_err();
        assert_eq!(e.kind, FaultKind::CrcNotLast);
    }

    #[test]
    fn counts_characters() {
        let s = "5903Hòa";
        let f = read(s, false, None, &mut |_| {}).unwrap();
        assert_eq!(f.slots[slot::NAME], Some("Hòa"));
        assert!(read("5904Hòa", false, None, &mut |_| {}).is_err());
    }

    #[test]
    fn keys() {
        assert_eq!(Path::default().push(38).push(1).push(1).key(), "38.01.01");
        assert_eq!(Path::default().push(62).field(), "vietqr.62");
    }
}
