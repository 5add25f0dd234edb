//! Compact hash indexes for a million open invoices: keys are 64-bit hashes (mixed so that
//! every bit depends on every input byte) and values are invoice numbers (`u32`). Callers
//! verify a hit against the invoice itself, so a hash collision costs a comparison, never a
//! wrong match.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct Premixed(u64);

impl Hasher for Premixed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Not used for u64 keys; kept correct for any other use.
        self.0 = hash_bytes(self.0, bytes.iter().copied());
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by premixed 64-bit hashes.
pub(crate) type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<Premixed>>;

/// A set of premixed 64-bit hashes that few values fill many times over (the family and
/// given names of a million invoices): an insert of a hash inserted lately is answered by
/// a small direct-mapped memory of recent hashes, without probing the set.
pub(crate) struct HashSet64 {
    set: HashKeyed<()>,
    recent: Box<[u64; 256]>,
}

impl Default for HashSet64 {
    fn default() -> HashSet64 {
        HashSet64 {
            set: HashKeyed::default(),
            recent: Box::new([0; 256]),
        }
    }
}

impl HashSet64 {
    /// Adds `h`.
    #[inline]
    pub(crate) fn insert(&mut self, h: u64) {
        // 0 marks an empty place of `recent`: that hash always goes to the set.
        if let Some(r) = self.recent.get_mut((h & 255) as usize) {
            if *r == h && h != 0 {
                return;
            }
            *r = h;
        }
        self.set.insert(h, ());
    }

    /// Whether `h` was added.
    #[inline]
    pub(crate) fn contains_key(&self, h: &u64) -> bool {
        self.set.contains_key(h)
    }

    /// Whether nothing was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The splitmix64 finalizer: every output bit depends on every input bit.
#[inline]
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hash of a byte sequence (FxHash-style step per byte, then [`mix`]).
#[inline]
pub(crate) fn hash_bytes(seed: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h = seed ^ K;
    let mut n = 0u64;
    for b in bytes {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        n += 1;
    }
    mix(h ^ n)
}

/// Combines hashes into one key.
#[inline]
pub(crate) fn combine(parts: &[u64]) -> u64 {
    let mut h = K;
    for p in parts {
        h = mix(h ^ p.wrapping_mul(K));
    }
    h
}

/// An open-addressing hash table from 64-bit hashes to `u32` values, in 8-byte cells:
/// the hash's upper 32 bits (the tag) and the value. One cache line per lookup in the
/// common case. Several values may share a hash; a lookup yields every value whose tag
/// matches and the caller verifies each (the tag is a fingerprint, not the key). No
/// removal (the reconciler's tables only grow).
pub(crate) struct Table {
    cells: Vec<u64>,
    len: usize,
    bits: u32,
}

impl Default for Table {
    fn default() -> Table {
        Table {
            cells: vec![0; 16],
            len: 0,
            bits: 4,
        }
    }
}

impl Table {
    /// Highest load, in tenths.
    const LOAD: usize = 7;

    fn tag(hash: u64) -> u32 {
        (hash >> 32) as u32
    }

    fn home(&self, tag: u32) -> usize {
        (tag >> (32 - self.bits)) as usize
    }

    /// Room for `additional` more values without growing.
    pub(crate) fn reserve(&mut self, additional: usize) {
        let want = self.len.saturating_add(additional);
        if self.len == 0 {
            // Nothing to move: allocate the final size at once.
            let mut bits = self.bits;
            while want * 10 > (1usize << bits) * Self::LOAD && bits < 32 {
                bits += 1;
            }
            if bits != self.bits {
                self.bits = bits;
                self.cells = vec![0; 1 << bits];
            }
            return;
        }
        while want * 10 > self.cells.len() * Self::LOAD && self.bits < 32 {
            self.grow();
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.cells);
        self.bits += 1;
        self.cells = vec![0; 1 << self.bits];
        let mask = self.cells.len() - 1;
        for c in old.into_iter().filter(|c| *c != 0) {
            let mut p = self.home((c >> 32) as u32);
            while self.cells.get(p).is_some_and(|x| *x != 0) {
                p = (p + 1) & mask;
            }
            if let Some(x) = self.cells.get_mut(p) {
                *x = c;
            }
        }
    }

    /// Adds `value` (< `u32::MAX`) under `hash`.
    pub(crate) fn insert(&mut self, hash: u64, value: u32) {
        self.reserve(1);
        let tag = Self::tag(hash);
        let mask = self.cells.len() - 1;
        let mut p = self.home(tag);
        while self.cells.get(p).is_some_and(|x| *x != 0) {
            p = (p + 1) & mask;
        }
        if let Some(x) = self.cells.get_mut(p) {
            *x = (u64::from(tag) << 32) | u64::from(value.wrapping_add(1));
            self.len += 1;
        }
    }

    /// The cell where a lookup of `hash` starts, for reading ahead of [`Table::get`] (see
    /// [`crate::hint::prefetch`]).
    pub(crate) fn first_cell(&self, hash: u64) -> Option<&u64> {
        self.cells.get(self.home(Self::tag(hash)))
    }

    /// The values whose tag matches `hash`'s.
    pub(crate) fn get(&self, hash: u64) -> Probe<'_> {
        let tag = Self::tag(hash);
        Probe {
            t: self,
            tag,
            p: self.home(tag),
        }
    }
}

/// The values of one hash in a [`Table`].
pub(crate) struct Probe<'a> {
    t: &'a Table,
    tag: u32,
    p: usize,
}

impl Iterator for Probe<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let mask = self.t.cells.len() - 1;
        loop {
            let c = *self.t.cells.get(self.p)?;
            if c == 0 {
                return None;
            }
            self.p = (self.p + 1) & mask;
            if (c >> 32) as u32 == self.tag {
                return Some((c as u32).wrapping_sub(1));
            }
        }
    }
}

/// No entry.
pub(crate) const NIL: u32 = u32::MAX;

/// One entry of a [`MultiMap`] chain.
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    next: u32,
    prev: u32,
    /// The invoice.
    pub(crate) value: u32,
    /// A 32-bit summary of the name's other tokens (see the reconciler), to skip entries
    /// without looking at the invoice.
    pub(crate) mask: u32,
}

/// A multimap from hashes to invoice numbers: one head per key and a doubly linked chain
/// of 16-byte entries in one vector. [`MultiMap::insert`] returns the entry and
/// [`MultiMap::remove_entry`] unlinks it in constant time; removed entries are reused.
#[derive(Default)]
pub(crate) struct MultiMap {
    heads: HashKeyed<u32>,
    entries: Vec<Entry>,
    free: Vec<u32>,
}

impl MultiMap {
    /// Adds `v` under `key`; returns the entry (for [`MultiMap::remove_entry`]).
    pub(crate) fn insert(&mut self, key: u64, v: u32, mask: u32) -> u32 {
        let head = self.heads.get(&key).copied().unwrap_or(NIL);
        let entry = Entry {
            next: head,
            prev: NIL,
            value: v,
            mask,
        };
        let e = match self.free.pop() {
            Some(e) => {
                if let Some(slot) = self.entries.get_mut(e as usize) {
                    *slot = entry;
                }
                e
            }
            None => {
                self.entries.push(entry);
                (self.entries.len() - 1) as u32
            }
        };
        if let Some(h) = self.entries.get_mut(head as usize) {
            h.prev = e;
        }
        self.heads.insert(key, e);
        e
    }

    /// Unlinks entry `e`, which was inserted under `key`.
    pub(crate) fn remove_entry(&mut self, key: u64, e: u32) {
        let Some(&Entry {
            next: n, prev: p, ..
        }) = self.entries.get(e as usize)
        else {
            return;
        };
        if p == NIL {
            if self.heads.get(&key) != Some(&e) {
                return; // not under this key (or already removed)
            }
            if n == NIL {
                self.heads.remove(&key);
            } else {
                self.heads.insert(key, n);
            }
        } else if let Some(pe) = self.entries.get_mut(p as usize) {
            pe.next = n;
        }
        if let Some(ne) = self.entries.get_mut(n as usize) {
            ne.prev = p;
        }
        if let Some(ee) = self.entries.get_mut(e as usize) {
            ee.next = NIL;
            ee.prev = NIL;
        }
        self.free.push(e);
    }

    /// The first entry under `key` (or [`NIL`]).
    pub(crate) fn head(&self, key: u64) -> u32 {
        self.heads.get(&key).copied().unwrap_or(NIL)
    }

    /// Entry `e` and the entry after it in its chain (or [`NIL`]).
    pub(crate) fn entry(&self, e: u32) -> Option<(Entry, u32)> {
        self.entries.get(e as usize).map(|x| (*x, x.next))
    }

    /// The values under `key`, most recent first.
    #[cfg(test)]
    pub(crate) fn get(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let mut e = self.head(key);
        std::iter::from_fn(move || {
            let (x, next) = self.entry(e)?;
            e = next;
            Some(x.value)
        })
    }

    /// Live entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len() - self.free.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multimap() {
        let mut m = MultiMap::default();
        let a = m.insert(1, 10, 0);
        let b = m.insert(1, 11, 0);
        m.insert(2, 20, 0);
        let c = m.insert(1, 12, 0);
        assert_eq!(m.get(1).collect::<Vec<_>>(), [12, 11, 10]);
        m.remove_entry(1, b); // middle
        assert_eq!(m.get(1).collect::<Vec<_>>(), [12, 10]);
        m.remove_entry(1, c); // head
        assert_eq!(m.get(1).collect::<Vec<_>>(), [10]);
        m.remove_entry(2, a); // wrong key: ignored
        assert_eq!(m.get(1).collect::<Vec<_>>(), [10]);
        m.remove_entry(1, a); // last
        assert_eq!(m.get(1).count(), 0);
        let d = m.insert(1, 13, 0);
        assert_eq!(m.get(1).collect::<Vec<_>>(), [13]);
        assert_eq!(m.get(2).collect::<Vec<_>>(), [20]);
        assert_eq!(m.entries.len(), 4, "removed entries are reused");
        m.insert(1, 14, 0);
        m.remove_entry(1, d); // tail
        assert_eq!(m.get(1).collect::<Vec<_>>(), [14]);
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn table() {
        let mut t = Table::default();
        for i in 0..10_000u32 {
            t.insert(mix(u64::from(i)), i);
        }
        t.insert(mix(7), 70_000); // a second value under one hash
        for i in 0..10_000u32 {
            let got: Vec<u32> = t.get(mix(u64::from(i))).collect();
            if i == 7 {
                assert_eq!(got, [7, 70_000]);
            } else {
                assert_eq!(got, [i]);
            }
        }
        assert_eq!(t.get(mix(123_456_789)).count(), 0);
        assert!(t.len * 10 <= t.cells.len() * Table::LOAD);
    }

    #[test]
    fn a_hash_set_holds_what_was_added() {
        let mut s = HashSet64::default();
        assert!(s.is_empty());
        let hs: Vec<u64> = (0..2000u64)
            .map(|i| mix(i % 700))
            .chain([0, 256, 512])
            .collect();
        for h in &hs {
            s.insert(*h);
        }
        // Places of the recent memory reused by other hashes: every hash is still held.
        for h in &hs {
            assert!(s.contains_key(h), "{h}");
        }
        assert!(!s.contains_key(&1) && !s.contains_key(&mix(701)));
        let distinct: std::collections::HashSet<u64> = hs.iter().copied().collect();
        assert_eq!(s.set.len(), distinct.len());
    }

    #[test]
    fn hashes_differ() {
        assert_ne!(hash_bytes(0, *b"AB"), hash_bytes(0, *b"BA"));
        assert_ne!(hash_bytes(0, *b"A"), hash_bytes(0, *b"A\0"));
        assert_ne!(combine(&[1, 2]), combine(&[2, 1]));
    }
}
