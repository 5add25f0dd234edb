//! Hints to the processor that change no result, only when memory is read.

/// The size of a cache line on the processors vietref is built for (x86-64 and 64-bit Arm).
/// A wrong value only makes [`prefetch_all`] ask for a line twice or miss one.
const CACHE_LINE: usize = 64;

/// Asks the processor to bring the cache line holding the start of `r` into its cache,
/// without waiting for it. A stage that will read many scattered records (the invoice
/// records a batch of statement lines points to, for one) calls this for each first, so
/// that the reads are in flight together, and reads them afterwards. A plain load would
/// do the same but stalls the processor once a few dozen are waiting; a prefetch does not.
/// On processors other than x86-64 it does nothing.
#[inline(always)]
pub(crate) fn prefetch<T: ?Sized>(r: &T) {
    prefetch_address((r as *const T).cast::<u8>());
}

/// [`prefetch`] of every cache line `r` lies on (a record of a few dozen bytes may straddle
/// two or three).
#[inline(always)]
pub(crate) fn prefetch_all<T>(r: &T) {
    let start = (r as *const T).cast::<u8>();
    let size = std::mem::size_of::<T>();
    let mut at = 0;
    while at < size {
        prefetch_address(start.wrapping_add(at));
        at += CACHE_LINE;
    }
    prefetch_address(start.wrapping_add(size.saturating_sub(1)));
}

/// The prefetch itself. The address is never read through: it comes from a live reference
/// and stays inside what it refers to.
#[inline(always)]
#[allow(unsafe_code)]
fn prefetch_address(p: *const u8) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse"))]
    // SAFETY: `_mm_prefetch` needs SSE, which the `cfg` above requires (every x86-64
    // processor has it). It reads nothing the program can see and never faults, whatever
    // the address.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(p.cast::<i8>());
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse")))]
    let _ = p;
}
