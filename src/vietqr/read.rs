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
#[repr(u8)]
enum Scope {
    Root,
    AccountInfo,
    Beneficiary,
    Additional,
    /// A template vietref does not interpret: never entered.
    Opaque,
}

/// The scoped position of a field: up to three two-digit IDs, packed in one integer (ID `k`
/// in byte `k`, the depth in the top byte) so that it lives in a register.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Path(u32);

impl Path {
    fn depth(self) -> u32 {
        self.0 >> 24
    }

    fn push(self, id: u8) -> Path {
        let d = self.depth();
        if d >= 3 {
            return self;
        }
        Path((self.0 & 0x00FF_FFFF) | (u32::from(id) << (8 * d)) | ((d + 1) << 24))
    }

    /// `38.01.01`.
    pub(crate) fn key(&self) -> String {
        let mut s = String::with_capacity(8);
        for i in 0..self.depth() {
            let id = (self.0 >> (8 * i)) as u8;
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
        if self.depth() == 0 {
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

impl<'a> Fields<'a> {
    /// Nothing read yet.
    pub(crate) fn new() -> Self {
        Fields {
            slots: [None; slot::COUNT],
            unknown: Vec::new(),
            duplicates: Vec::new(),
            repaired: None,
        }
    }
}

/// Reads the structure of `s` into `fields` (which must be fresh). `repair` replaces the
/// declared length of the field whose header starts at the given byte offset. `visit` sees
/// the byte offset of every header the reader reaches, in order.
pub(crate) fn read_into<'a, V: FnMut(usize)>(
    s: &'a str,
    ascii: bool,
    repair: Option<(usize, usize)>,
    visit: &mut V,
    fields: &mut Fields<'a>,
) -> Result<(), Fault> {
    let r = Reader { s, ascii, repair };
    r.walk(fields, visit)
}

/// [`read_into`] a fresh [`Fields`].
pub(crate) fn read<'a, V: FnMut(usize)>(
    s: &'a str,
    ascii: bool,
    repair: Option<(usize, usize)>,
    visit: &mut V,
) -> Result<Fields<'a>, Fault> {
    let mut f = Fields::new();
    read_into(s, ascii, repair, visit, &mut f)?;
    Ok(f)
}

struct Reader<'a> {
    s: &'a str,
    ascii: bool,
    repair: Option<(usize, usize)>,
}

/// Two ASCII digits as a number.
#[inline]
fn pair(h: u8, l: u8) -> Option<u8> {
    let (h, l) = (h.wrapping_sub(b'0'), l.wrapping_sub(b'0'));
    (h < 10 && l < 10).then(|| h * 10 + l)
}

/// A field header, two digits of tag ID and two of length, read as the pair `(id, length)`
/// in a few word-wide operations instead of a test per byte.
///
/// XOR with `'0'` turns exactly the bytes `'0'..='9'` into `0..=9`. A byte is then below 10
/// exactly when it is below 16 (high nibble clear) and stays below 16 after adding 6; no
/// addition carries into the next byte because each is below 16 by then.
#[inline]
fn header(h: [u8; 4]) -> Option<(u8, u8)> {
    let d = u32::from_le_bytes(h) ^ 0x3030_3030;
    if d & 0xF0F0_F0F0 != 0 || d.wrapping_add(0x0606_0606) & 0xF0F0_F0F0 != 0 {
        return None;
    }
    let [t0, t1, l0, l1] = d.to_le_bytes();
    Some((t0 * 10 + t1, l0 * 10 + l1))
}

const NO_SLOT: u8 = 0xFF;

/// `SLOTS[scope][id]`: the slot of tag `id` in each scope, or `NO_SLOT` (always in the
/// opaque scope). Sized in powers of two so that `[scope & 7][id & 127]`, which changes no
/// index (IDs are 0..=99), needs no bounds check.
static SLOTS: [[u8; 128]; 8] = build_slots();

/// `INNER[slot & 31]`: the scope of the content of the field in `slot`.
static INNER: [Scope; 32] = {
    let mut t = [Scope::Opaque; 32];
    t[slot::ACCOUNT_INFO] = Scope::AccountInfo;
    t[slot::BENEFICIARY] = Scope::Beneficiary;
    t[slot::ADDITIONAL] = Scope::Additional;
    t
};

const fn build_slots() -> [[u8; 128]; 8] {
    use slot::*;
    let mut t = [[NO_SLOT; 128]; 8];
    let root = [
        (0, FORMAT),
        (1, INITIATION),
        (38, ACCOUNT_INFO),
        (52, MCC),
        (53, CURRENCY),
        (54, AMOUNT),
        (58, COUNTRY),
        (59, NAME),
        (60, CITY),
        (61, POSTAL),
        (62, ADDITIONAL),
        (63, CRC),
    ];
    let mut i = 0;
    while i < root.len() {
        t[Scope::Root as usize][root[i].0] = root[i].1 as u8;
        i += 1;
    }
    t[Scope::AccountInfo as usize][0] = GUID as u8;
    t[Scope::AccountInfo as usize][1] = BENEFICIARY as u8;
    t[Scope::AccountInfo as usize][2] = SERVICE as u8;
    t[Scope::Beneficiary as usize][0] = BIN as u8;
    t[Scope::Beneficiary as usize][1] = ACCOUNT as u8;
    let mut k = 1;
    while k <= 9 {
        t[Scope::Additional as usize][k] = (AD_FIRST + k - 1) as u8;
        k += 1;
    }
    t
}

/// A template being read: where it ends, its path and its scope.
#[derive(Clone, Copy)]
struct Frame {
    end: usize,
    path: Path,
    scope: Scope,
}

/// Templates nest at most this deep (root, 38, 38.01).
const MAX_DEPTH: usize = 3;

impl<'a> Reader<'a> {
    /// Byte offset `n` characters after `from`, if that is at or before `end`: the
    /// non-ASCII case, where characters are decoded (the ASCII case is inline in
    /// [`Reader::walk`]).
    #[inline(never)]
    fn advance_chars(&self, from: usize, n: usize, end: usize) -> Option<usize> {
        let rest = self.s.get(from..end)?;
        if n == 0 {
            return Some(from);
        }
        let mut it = rest.char_indices();
        it.nth(n - 1).map(|(i, c)| from + i + c.len_utf8())
    }

    /// Reads the whole payload depth-first in string order, without recursion: entering an
    /// interpreted template pushes a [`Frame`], reaching its end pops it. Fields always end
    /// at or before their template's end, so a template's walk stops exactly there and the
    /// walk goes on after the template field in the template around it.
    fn walk<V: FnMut(usize)>(&self, fields: &mut Fields<'a>, visit: &mut V) -> Result<(), Fault> {
        let s = self.s;
        let bytes = s.as_bytes();
        let root = Frame {
            end: s.len(),
            path: Path::default(),
            scope: Scope::Root,
        };
        let mut stack = [root; MAX_DEPTH];
        let mut depth = 0;
        let mut top = root;
        let mut pos = 0;
        loop {
            if pos >= top.end {
                if depth == 0 {
                    return Ok(());
                }
                depth -= 1;
                top = stack.get(depth).copied().unwrap_or(root);
                continue;
            }
            let Frame { end, path, scope } = top;
            let nested = scope != Scope::Root;
            visit(pos);
            let region = bytes.get(..end).unwrap_or_default();
            let head = match region.get(pos..pos + 4) {
                Some(&[t0, t1, l0, l1]) => header([t0, t1, l0, l1]),
                _ => None,
            };
            let Some((id, declared)) = head else {
                return Err(self.header_fault(pos, end, path, nested));
            };
            let len = match self.repair {
                Some((at, l)) if at == pos => {
                    fields.repaired = Some(path.push(id));
                    l
                }
                _ => usize::from(declared),
            };
            if len == 0 {
                return Err(Fault {
                    kind: FaultKind::BadLength,
                    at: pos,
                    path: path.push(id),
                    declared: None,
                });
            }
            let vstart = pos + 4;
            let vend = if self.ascii {
                // One byte per character. `vstart + len` cannot overflow: `vstart` is at
                // most the payload length plus 4 and `len` at most 99.
                Some(vstart + len).filter(|&to| to <= end)
            } else {
                self.advance_chars(vstart, len, end)
            };
            let Some(vend) = vend else {
                let kind = if nested {
                    FaultKind::Mismatch
                } else {
                    FaultKind::Truncated
                };
                return Err(Fault {
                    kind,
                    at: pos,
                    path: path.push(id),
                    declared: Some(len),
                });
            };
            let value = s.get(vstart..vend).unwrap_or("");
            let slot = SLOTS[scope as usize & 7][usize::from(id) & 127];
            pos = vend;
            if slot == NO_SLOT {
                fields.unknown.push((path.push(id), value));
                continue;
            }
            let slot = usize::from(slot);
            if slot == slot::CRC && vend != s.len() {
                return Err(Fault {
                    kind: FaultKind::CrcNotLast,
                    at: vstart - 4,
                    path: path.push(id),
                    declared: None,
                });
            }
            if let Some(cell) = fields.slots.get_mut(slot) {
                if cell.is_some() {
                    fields.duplicates.push((path.push(id), vstart - 4));
                } else {
                    *cell = Some(value);
                }
            }
            let content = INNER[slot & 31];
            if content != Scope::Opaque {
                // The frame to come back to; `depth` stays below MAX_DEPTH because only
                // the root and 38 hold interpreted templates.
                if let Some(f) = stack.get_mut(depth) {
                    *f = top;
                }
                depth += 1;
                top = Frame {
                    end: vend,
                    path: path.push(id),
                    scope: content,
                };
                pos = vstart;
            }
        }
    }

    /// The fault of a header that is cut short or not made of digits.
    #[cold]
    fn header_fault(&self, pos: usize, end: usize, path: Path, nested: bool) -> Fault {
        let bytes = self.s.as_bytes();
        let short = if nested {
            FaultKind::Mismatch
        } else {
            FaultKind::Truncated
        };
        let id = match bytes.get(pos..pos + 2).filter(|_| end - pos >= 2) {
            Some(&[a, b]) => pair(a, b),
            _ => None,
        };
        let Some(id) = id else {
            let kind = if end - pos < 4 {
                short
            } else {
                FaultKind::BadTag
            };
            return Fault {
                kind,
                at: pos,
                path,
                declared: None,
            };
        };
        if end - pos < 4 {
            return Fault {
                kind: short,
                at: pos,
                path,
                declared: None,
            };
        }
        Fault {
            kind: FaultKind::BadLength,
            at: pos,
            path: path.push(id),
            declared: None,
        }
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
