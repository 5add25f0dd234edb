//! Test helpers for the readers.

use std::io::Read;

/// A reader that hands out at most `.1` bytes of `.0` per read, so that records and lines
/// are split across reads.
pub(crate) struct Trickle<'a>(pub(crate) &'a [u8], pub(crate) usize);

impl Read for Trickle<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.len().min(self.1).min(out.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}
