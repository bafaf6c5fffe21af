//! Reading a large regular file through one memory map instead of `read`: no copy into
//! buffers. One thread computes the SHA-256 window by window and does nothing else: it is the
//! longest single job of a national run (one pass of SHA-256 cannot be split), so the page
//! faults fall mostly to the other cores. They claim byte ranges that end at line ends and parse them
//! at once, numbering the lines provisionally from the range's byte offset; when every range
//! is read, each range's numbers are corrected from the line counts of the ranges before it
//! (the parser counts its lines as it goes), and the first range that failed is read again
//! with exact numbers, so error positions stay exact ([`Numbering`]). The parse never waits
//! for the hash: the merge and the analysis that follow it run beside the end of the hash.
//! Pages are let go once both the hash and the parse have used them, or at once when the parse
//! is more than [`AHEAD`] bytes ahead (the hash maps them again), and the hash never runs more
//! than [`AHEAD`] ahead of the parsing, so resident memory stays at a few ranges, not the file.
//!
//! The stream reader ([`super::stream`]) stays for what cannot be mapped (a pipe, a FIFO, a
//! file the kernel refuses to map) and gives the same lines, numbers and digest.

use super::file_hash::FileHash;
use super::stream::Decoder;
use super::text::Encoding;
use crate::error::InputError;
use memmap2::Mmap;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

/// Bytes parsed at a time by one worker, and hashed at a time: ranges start just after the
/// first line end from a multiple of this on.
const CHUNK: usize = 2 << 20;
/// How far the hash may run ahead of the parsing, and how far past the hash the parsed pages
/// stay mapped for it (pages used by one but not yet by the other stay resident).
#[cfg(not(test))]
const AHEAD: usize = 16 * CHUNK;
/// Small in the unit tests, so that a file of a few ranges has ranges released before the
/// hash reaches them (and mapped again by it).
#[cfg(test)]
const AHEAD: usize = CHUNK;

/// A read-only map of the regular file at `path`; `None` when it is not a regular file (a
/// FIFO, a device), is empty, or cannot be mapped: the caller then reads it as a stream.
fn map(path: &Path) -> Option<Mmap> {
    let file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() == 0 {
        return None;
    }
    // SAFETY: the map is only read. A file truncated by another process while it is mapped
    // would fault (SIGBUS) on the pages that are gone; inputs are exports nobody writes while
    // the tool reads them, and the stream reader has the same race in a milder form (it would
    // read a file cut short).
    let map = unsafe { Mmap::map(&file) }.ok()?;
    #[cfg(unix)]
    let _ = map.advise(memmap2::Advice::Sequential);
    Some(map)
}

/// Lets the pages of `range` go from this process's resident set (they stay in the page
/// cache); a later read of them maps them again, so this changes memory, never what is read.
fn release(map: &Mmap, range: Range<usize>) {
    #[cfg(unix)]
    // SAFETY: a read-only file map: after MADV_DONTNEED a page is mapped again from the file
    // on its next read, with the same bytes (no private copy exists, nothing was written).
    unsafe {
        let _ = map.unchecked_advise_range(
            memmap2::UncheckedAdvice::DontNeed,
            range.start,
            range.len(),
        );
    }
    #[cfg(not(unix))]
    let _ = (map, range);
}

/// What the hasher and the parsers share.
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Default)]
struct State {
    /// Every range parsed, and its lines (provisional numbering): index → (range, lines).
    ranges: BTreeMap<usize, (Range<usize>, usize)>,
    /// Bytes hashed.
    hashed: usize,
    /// Where the next range starts, its index, and (numbered exactly) the lines before it.
    next: usize,
    index: usize,
    lines: usize,
    /// Every range before this index is parsed, and every byte before `parsed`.
    parsed_ranges: usize,
    parsed: usize,
    /// Every page before it is let go.
    released: usize,
    /// A thread panicked: nobody waits any more.
    abandoned: bool,
}

impl Shared {
    fn new() -> Self {
        Shared {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        }
    }

    /// The state; a thread that panicked while holding the lock left it consistent (every
    /// change under the lock is a few assignments), so the lock is taken anyway.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait<'a>(&self, state: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        self.changed
            .wait(state)
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// After progress: what can be let go now (both hashed and parsed).
    fn advance(&self, mut state: MutexGuard<'_, State>) -> Range<usize> {
        while let Some((range, _)) = state.ranges.get(&state.parsed_ranges) {
            state.parsed = range.end;
            state.parsed_ranges += 1;
        }
        let from = state.released;
        let upto = state.hashed.min(state.parsed).max(from);
        state.released = upto;
        drop(state);
        self.changed.notify_all();
        from..upto
    }
}

/// Marks the shared state abandoned when the thread holding it unwinds, so no other thread
/// waits for its progress forever.
struct Abandon<'a>(&'a Shared);

impl Drop for Abandon<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().abandoned = true;
            self.0.changed.notify_all();
        }
    }
}

/// The SHA-256 of the whole map, window by window; waits while it is [`AHEAD`] of the
/// parsing.
fn digest(map: &Mmap, shared: &Shared) -> String {
    let _abandon = Abandon(shared);
    let mut hasher = Sha256::new();
    for window in map.chunks(CHUNK) {
        let mut state = shared.lock();
        while state.hashed > state.parsed + AHEAD && !state.abandoned {
            state = shared.wait(state);
        }
        drop(state);
        hasher.update(window);
        let mut state = shared.lock();
        state.hashed += window.len();
        let free = shared.advance(state);
        release(map, free);
    }
    super::text::hex(&hasher.finalize())
}

/// The next range of whole lines: (index, number of its first line, bytes). Ranges are
/// handed out in file order, whatever the hash's progress. Numbered `exact`ly, a range's lines
/// are counted under the lock, so it knows its first line's number before it is parsed;
/// otherwise its first line is numbered provisionally: its byte offset + 1.
fn claim(map: &[u8], shared: &Shared, exact: bool) -> Option<(usize, usize, Range<usize>)> {
    let mut state = shared.lock();
    if state.next >= map.len() || state.abandoned {
        return None;
    }
    let start = state.next;
    let nominal = ((start / CHUNK + 1) * CHUNK).min(map.len());
    let end = if nominal == map.len() {
        nominal
    } else {
        memchr::memchr(b'\n', &map[nominal - 1..]).map_or(map.len(), |i| nominal + i)
    };
    state.next = end;
    state.index += 1;
    let first_line = if exact {
        let first = state.lines + 1;
        state.lines += memchr::memchr_iter(b'\n', &map[start..end]).count();
        first
    } else {
        start + 1
    };
    Some((state.index - 1, first_line, start..end))
}

/// Range `index` parsed, with `lines` lines: its pages are let go once they are hashed too,
/// or at once when the range lies more than [`AHEAD`] past the hash (which maps them again).
fn parsed(map: &Mmap, shared: &Shared, index: usize, range: Range<usize>, lines: usize) {
    let mut state = shared.lock();
    let far = range.start >= state.hashed + AHEAD;
    state.ranges.insert(index, (range.clone(), lines));
    let free = shared.advance(state);
    release(map, free);
    if far {
        release(map, range);
    }
}

/// What [`for_each_range`] returns: the workers' states, every range's result in file order
/// and the SHA-256 (its thread may still be at work).
pub type Read<W, B> = (Vec<W>, Vec<Result<B, InputError>>, FileHash);

/// How the lines of a range are numbered while it is parsed.
pub enum Numbering<'a, B> {
    /// Exactly: each range's lines are counted when it is claimed, so the ranges after it are
    /// numbered from them. For workers whose state keeps line numbers across ranges
    /// (`validate`'s census).
    Exact,
    /// From the range's byte offset + 1 (above the number of every line before it, so no line
    /// past the first range is taken for the header), corrected once every range is counted:
    /// `renumber(block, by)` lowers every line number in a block's result by `by`. Counting a
    /// range after it is parsed reads bytes in cache; counting before reads them from memory.
    Provisional(&'a (dyn Fn(&mut B, usize) + Sync)),
}

/// Like [`super::stream::for_each_block`], over a memory map of the file; `None` when the
/// file cannot be mapped (see [`map`]).
#[allow(clippy::type_complexity)]
pub fn for_each_range<W: Send, B: Send>(
    path: &Path,
    encoding: Encoding,
    workers: usize,
    new_worker: &(impl Fn() -> W + Sync),
    f: &(impl Fn(&mut W, usize, &[u8], &mut Decoder) -> Result<usize, InputError> + Sync),
    end_block: &(impl Fn(&mut W) -> B + Sync),
    numbering: &Numbering<'_, B>,
) -> Option<Result<Read<W, B>, InputError>> {
    let map = Arc::new(map(path)?);
    let shared = Arc::new(Shared::new());
    let exact = matches!(numbering, Numbering::Exact);
    // The hash outlives the parse: the caller goes on with the rows while it ends.
    let hasher = {
        let (map, shared) = (Arc::clone(&map), Arc::clone(&shared));
        std::thread::spawn(move || digest(&map, &shared))
    };
    Some(std::thread::scope(|scope| {
        let (map, shared) = (&*map, &*shared);
        let handles: Vec<_> = (0..workers.max(1))
            .map(|_| {
                scope.spawn(move || {
                    let _abandon = Abandon(shared);
                    let mut state = new_worker();
                    let mut decoder = Decoder::new(encoding);
                    let mut done = Vec::new();
                    while let Some((index, first_line, range)) = claim(map, shared, exact) {
                        let bytes = &map[range.clone()];
                        let result = f(&mut state, first_line, bytes, &mut decoder);
                        let lines = *result.as_ref().unwrap_or(&0);
                        let taken = end_block(&mut state);
                        done.push((index, result.map(|_| taken)));
                        parsed(map, shared, index, range, lines);
                    }
                    (state, done)
                })
            })
            .collect();
        let (states, mut blocks) = super::stream::join_workers(path, handles)?;
        if let Numbering::Provisional(renumber) = numbering {
            let ranges = std::mem::take(&mut shared.lock().ranges);
            let again = |first: usize, range: Range<usize>| {
                let mut state = new_worker();
                let result = f(&mut state, first, &map[range], &mut Decoder::new(encoding));
                result.map(|_| end_block(&mut state))
            };
            number_exactly(&mut blocks, ranges.into_values(), *renumber, again);
        }
        Ok((states, blocks, FileHash::pending(hasher)))
    }))
}

/// Gives the blocks of provisionally numbered ranges (in file order, with their lines) their
/// exact line numbers. The first block that failed is read `again` with its exact first line
/// (an error names lines in its text too), and the blocks after it are dropped: nobody reads
/// past the first error.
fn number_exactly<B>(
    blocks: &mut Vec<Result<B, InputError>>,
    ranges: impl Iterator<Item = (Range<usize>, usize)>,
    renumber: &(dyn Fn(&mut B, usize) + Sync),
    again: impl Fn(usize, Range<usize>) -> Result<B, InputError>,
) {
    let mut before = 0;
    for (k, (range, lines)) in ranges.enumerate() {
        let first = before + 1;
        before += lines;
        let Some(block) = blocks.get_mut(k) else {
            return;
        };
        match block {
            Ok(b) if range.start + 1 > first => renumber(b, range.start + 1 - first),
            Ok(_) => {}
            Err(_) => {
                *block = again(first, range);
                if block.is_err() {
                    blocks.truncate(k + 1);
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "mapped_tests.rs"]
mod tests;
