//! The loop of [`super::runs`] over the rows of a run, 32 bytes at a time (AVX2), for the
//! usual SOL layout (period and count in the fourth and fifth cells, another cell after the
//! count). One compare per 32 bytes of the run's prefix, one load of the row's tail with the
//! masks of its `;` and line end, and the period and count cells read by the same functions as
//! the scalar loop. A row it cannot settle that way (a tail over 31 bytes, the last bytes of
//! the range, a cell that does not read) stops it; the scalar loop takes that row and decides.

use super::tail::year_cell;
use crate::load::cells::count_cell;
use std::ops::RangeInclusive;

/// The rows at the start of `bytes` that begin with `prefix` (at most 128 bytes) and whose
/// period (a year) and count read as the scalar loop would skip them, their number of cells in
/// `cells`: (bytes, rows). (0, 0) without AVX2.
pub(super) fn skip_rows(
    bytes: &[u8],
    prefix: &[u8],
    cells: RangeInclusive<usize>,
) -> (usize, usize) {
    #[cfg(target_arch = "x86_64")]
    if prefix.len() <= MAX_PREFIX
        && std::is_x86_feature_detected!("avx2")
        && std::is_x86_feature_detected!("popcnt")
    {
        let mut padded = [0u8; MAX_PREFIX + 32];
        padded[..prefix.len()].copy_from_slice(prefix);
        // SAFETY: AVX2 and POPCNT are present (checked above).
        return unsafe { avx2::skip_rows(bytes, &padded, prefix.len(), cells) };
    }
    let _ = (bytes, prefix, cells);
    (0, 0)
}

/// The longest prefix (region, crime type and year cells) compared 32 bytes at a time.
const MAX_PREFIX: usize = 128;

/// Whether `period` and `count` read as the scalar loop reads them in a row it skips.
#[inline(always)]
fn cells_read(period: &[u8], count: &[u8]) -> bool {
    year_cell(period).is_some() && count_cell(count).is_ok()
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::cells_read;
    use std::arch::x86_64::{
        __m256i, _MM_HINT_T0, _mm_prefetch, _mm256_cmpeq_epi8, _mm256_loadu_si256,
        _mm256_movemask_epi8, _mm256_set1_epi8,
    };
    use std::ops::RangeInclusive;

    /// The 32 bytes from `at` of `bytes` (the caller keeps `at + 32 <= bytes.len()`).
    #[inline(always)]
    unsafe fn load(bytes: &[u8], at: usize) -> __m256i {
        debug_assert!(at + 32 <= bytes.len());
        // SAFETY: in bounds (above); unaligned loads are allowed.
        unsafe { _mm256_loadu_si256(bytes.as_ptr().add(at).cast()) }
    }

    /// A bit per byte of the 32 from `at` that equals the byte of `of`.
    #[inline(always)]
    unsafe fn equal(chunk: __m256i, of: __m256i) -> u32 {
        // SAFETY: only called from the AVX2 function below.
        unsafe { _mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, of)) as u32 }
    }

    /// How far ahead of the row being read its bytes are fetched.
    const PREFETCH: usize = 1024;

    /// [`super::skip_rows`], with the prefix's first `length` bytes in `padded`.
    #[target_feature(enable = "avx2,popcnt")]
    pub(super) unsafe fn skip_rows(
        bytes: &[u8],
        padded: &[u8; super::MAX_PREFIX + 32],
        length: usize,
        cells: RangeInclusive<usize>,
    ) -> (usize, usize) {
        let (semicolon, line_end) = (_mm256_set1_epi8(b';' as i8), _mm256_set1_epi8(b'\n' as i8));
        let (mut at, mut rows) = (0, 0);
        // The prefix's chunks are compared up to the last one, and the tail's 32 bytes loaded.
        while at + length + 32 <= bytes.len() {
            // The rows ahead, fetched while this one is read (a hint: never faults).
            _mm_prefetch::<_MM_HINT_T0>(bytes.as_ptr().wrapping_add(at + PREFETCH).cast());
            let mut chunk = 0;
            while chunk < length {
                // SAFETY: chunk < length, so chunk + 32 <= at + length + 32 - at (above).
                let same = unsafe { equal(load(bytes, at + chunk), load(padded, chunk)) };
                let wanted = if length - chunk >= 32 {
                    u32::MAX
                } else {
                    (1u32 << (length - chunk)) - 1
                };
                if same & wanted != wanted {
                    return (at, rows);
                }
                chunk += 32;
            }
            let tail_at = at + length;
            // SAFETY: tail_at + 32 <= bytes.len() (the loop's condition).
            let tail = unsafe { load(bytes, tail_at) };
            let ends = unsafe { equal(tail, line_end) };
            if ends == 0 {
                return (at, rows);
            }
            let end = ends.trailing_zeros();
            let semicolons = unsafe { equal(tail, semicolon) } & ((1u32 << end) - 1);
            let cut = semicolons.count_ones() as usize;
            // Region, crime and year, the cells the `;` end, and the last one.
            if cut < 2 || !cells.contains(&(super::super::fast::PREFIX_CELLS + cut + 1)) {
                return (at, rows);
            }
            let first = semicolons.trailing_zeros() as usize;
            let second = (semicolons & (semicolons - 1)).trailing_zeros() as usize;
            let row = &bytes[tail_at..tail_at + end as usize];
            if !cells_read(&row[..first], &row[first + 1..second]) {
                return (at, rows);
            }
            at = tail_at + end as usize + 1;
            rows += 1;
        }
        (at, rows)
    }
}

#[cfg(test)]
#[path = "wide_tests.rs"]
mod tests;
