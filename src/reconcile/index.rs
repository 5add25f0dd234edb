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

/// No entry.
pub(crate) const NIL: u32 = u32::MAX;

/// A multimap from hashes to invoice numbers: one head per key and a doubly linked chain
/// in three flat vectors (12 bytes per entry). [`MultiMap::insert`] returns the entry, and
/// [`MultiMap::remove_entry`] unlinks it in constant time; removed entries are reused.
#[derive(Default)]
pub(crate) struct MultiMap {
    heads: HashKeyed<u32>,
    next: Vec<u32>,
    prev: Vec<u32>,
    value: Vec<u32>,
    free: Vec<u32>,
}

impl MultiMap {
    /// Adds `v` under `key`; returns the entry (for [`MultiMap::remove_entry`]).
    pub(crate) fn insert(&mut self, key: u64, v: u32) -> u32 {
        let head = self.heads.get(&key).copied().unwrap_or(NIL);
        let e = match self.free.pop() {
            Some(e) => e,
            None => {
                self.next.push(NIL);
                self.prev.push(NIL);
                self.value.push(0);
                (self.next.len() - 1) as u32
            }
        };
        if let (Some(n), Some(p), Some(val)) = (
            self.next.get_mut(e as usize),
            self.prev.get_mut(e as usize),
            self.value.get_mut(e as usize),
        ) {
            *n = head;
            *p = NIL;
            *val = v;
        }
        if let Some(hp) = self.prev.get_mut(head as usize) {
            *hp = e;
        }
        self.heads.insert(key, e);
        e
    }

    /// Unlinks entry `e`, which was inserted under `key`.
    pub(crate) fn remove_entry(&mut self, key: u64, e: u32) {
        let (Some(&n), Some(&p)) = (self.next.get(e as usize), self.prev.get(e as usize)) else { return };
        if p == NIL {
            if self.heads.get(&key) != Some(&e) {
                return; // not under this key
            }
            if n == NIL {
                self.heads.remove(&key);
            } else {
                self.heads.insert(key, n);
            }
        } else if let Some(pn) = self.next.get_mut(p as usize) {
            *pn = n;
        }
        if let Some(np) = self.prev.get_mut(n as usize) {
            *np = p;
        }
        if let (Some(en), Some(ep)) = (self.next.get_mut(e as usize), self.prev.get_mut(e as usize)) {
            *en = NIL;
            *ep = NIL;
        }
        self.free.push(e);
    }

    /// The values under `key`, most recent first.
    pub(crate) fn get(&self, key: u64) -> Chain<'_> {
        Chain { map: self, e: self.heads.get(&key).copied().unwrap_or(NIL) }
    }

    /// Live entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.next.len() - self.free.len()
    }
}

/// Iterator over one key's values.
pub(crate) struct Chain<'a> {
    map: &'a MultiMap,
    e: u32,
}

impl Iterator for Chain<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.e == NIL {
            return None;
        }
        let i = self.e as usize;
        let v = *self.map.value.get(i)?;
        self.e = *self.map.next.get(i)?;
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multimap() {
        let mut m = MultiMap::default();
        let a = m.insert(1, 10);
        let b = m.insert(1, 11);
        m.insert(2, 20);
        let c = m.insert(1, 12);
        assert_eq!(m.get(1).collect::<Vec<_>>(), [12, 11, 10]);
        m.remove_entry(1, b); // middle
        assert_eq!(m.get(1).collect::<Vec<_>>(), [12, 10]);
        m.remove_entry(1, c); // head
        assert_eq!(m.get(1).collect::<Vec<_>>(), [10]);
        m.remove_entry(2, a); // wrong key: ignored
        assert_eq!(m.get(1).collect::<Vec<_>>(), [10]);
        m.remove_entry(1, a); // last
        assert_eq!(m.get(1).count(), 0);
        let d = m.insert(1, 13);
        assert_eq!(m.get(1).collect::<Vec<_>>(), [13]);
        assert_eq!(m.get(2).collect::<Vec<_>>(), [20]);
        assert_eq!(m.next.len(), 4, "removed entries are reused");
        m.insert(1, 14);
        m.remove_entry(1, d); // tail
        assert_eq!(m.get(1).collect::<Vec<_>>(), [14]);
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn hashes_differ() {
        assert_ne!(hash_bytes(0, *b"AB"), hash_bytes(0, *b"BA"));
        assert_ne!(hash_bytes(0, *b"A"), hash_bytes(0, *b"A\0"));
        assert_ne!(combine(&[1, 2]), combine(&[2, 1]));
    }
}
