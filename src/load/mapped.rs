//! Reading a large regular file through one memory map instead of `read`: no copy into
//! buffers. One thread computes the SHA-256 window by window and counts each window's lines on
//! the way (the bytes are in cache then); the other cores parse byte ranges that end at line
//! ends, each numbered from the counts of the windows before it, so error positions stay exact.
//! Pages are let go once both have used them, and the hash never runs more than [`AHEAD`]
//! bytes ahead of the parsing, so resident memory stays at a few ranges, not the file.
//!
//! The stream reader ([`super::stream`]) stays for what cannot be mapped (a pipe, a FIFO, a
//! file the kernel refuses to map) and gives the same lines, numbers and digest.

use super::stream::Decoder;
use super::text::Encoding;
use crate::error::InputError;
use memmap2::Mmap;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Bytes parsed at a time by one worker, and hashed at a time: ranges start just after the
/// first line end from a multiple of this on.
const CHUNK: usize = 2 << 20;
/// Bytes hashed and counted while they stay in the core's cache.
const SLICE: usize = 64 << 10;
/// How far the hash may run ahead of the parsing (pages hashed but not parsed stay resident).
const AHEAD: usize = 16 * CHUNK;

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
    /// `lines_before[j]`: the lines that end before byte `j * CHUNK`, for the windows hashed.
    lines_before: Vec<usize>,
    /// Bytes hashed.
    hashed: usize,
    /// Where the next range starts, and its index.
    next: usize,
    index: usize,
    /// Ranges parsed past `parsed`: start → end.
    done: BTreeMap<usize, usize>,
    /// Every byte before it is parsed.
    parsed: usize,
    /// Every page before it is let go.
    released: usize,
    /// A thread panicked: nobody waits any more.
    abandoned: bool,
}

impl Shared {
    fn new() -> Self {
        let state = State {
            lines_before: vec![0],
            ..State::default()
        };
        Shared {
            state: Mutex::new(state),
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
        loop {
            let at = state.parsed;
            let Some(end) = state.done.remove(&at) else {
                break;
            };
            state.parsed = end;
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

/// The SHA-256 of the whole map, window by window, counting the lines of each window; waits
/// while it is [`AHEAD`] of the parsing.
fn digest(map: &Mmap, shared: &Shared) -> String {
    let _abandon = Abandon(shared);
    let mut hasher = Sha256::new();
    let mut lines = 0;
    for window in map.chunks(CHUNK) {
        let mut state = shared.lock();
        while state.hashed > state.parsed + AHEAD && !state.abandoned {
            state = shared.wait(state);
        }
        drop(state);
        for slice in window.chunks(SLICE) {
            hasher.update(slice);
            lines += memchr::memchr_iter(b'\n', slice).count();
        }
        let mut state = shared.lock();
        state.hashed += window.len();
        state.lines_before.push(lines);
        let free = shared.advance(state);
        release(map, free);
    }
    super::text::hex(&hasher.finalize())
}

/// The next range of whole lines: (index, number of its first line, bytes). Ranges are
/// handed out in file order; each waits until the windows before it are hashed, which gives
/// its first line's number (error positions stay exact).
fn claim(map: &[u8], shared: &Shared) -> Option<(usize, usize, Range<usize>)> {
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
    let index = state.index - 1;
    let window = start / CHUNK;
    while state.lines_before.len() <= window && !state.abandoned {
        state = shared.wait(state);
    }
    let before = *state.lines_before.get(window)?;
    drop(state);
    let lines = memchr::memchr_iter(b'\n', &map[window * CHUNK..start]).count();
    Some((index, before + lines + 1, start..end))
}

/// A range parsed: its pages are let go once they are hashed too.
fn parsed(map: &Mmap, shared: &Shared, range: Range<usize>) {
    let mut state = shared.lock();
    state.done.insert(range.start, range.end);
    let free = shared.advance(state);
    release(map, free);
}

/// What [`for_each_range`] returns: the workers' states, every range's result in file order
/// and the SHA-256.
pub type Read<W, B> = (Vec<W>, Vec<Result<B, InputError>>, String);

/// Like [`super::stream::for_each_block`], over a memory map of the file; `None` when the
/// file cannot be mapped (see [`map`]).
#[allow(clippy::type_complexity)]
pub fn for_each_range<W: Send, B: Send>(
    path: &Path,
    encoding: Encoding,
    workers: usize,
    new_worker: &(impl Fn() -> W + Sync),
    f: &(impl Fn(&mut W, usize, &[u8], &mut Decoder) -> Result<(), InputError> + Sync),
    end_block: &(impl Fn(&mut W) -> B + Sync),
) -> Option<Result<Read<W, B>, InputError>> {
    let map = map(path)?;
    let shared = Shared::new();
    Some(std::thread::scope(|scope| {
        let (map, shared) = (&map, &shared);
        let hasher = scope.spawn(move || digest(map, shared));
        let handles: Vec<_> = (0..workers.max(1))
            .map(|_| {
                scope.spawn(move || {
                    let _abandon = Abandon(shared);
                    let mut state = new_worker();
                    let mut decoder = Decoder::new(encoding);
                    let mut done = Vec::new();
                    while let Some((index, first_line, range)) = claim(map, shared) {
                        let bytes = &map[range.clone()];
                        let result = f(&mut state, first_line, bytes, &mut decoder);
                        let taken = end_block(&mut state);
                        done.push((index, result.map(|()| taken)));
                        parsed(map, shared, range);
                    }
                    (state, done)
                })
            })
            .collect();
        let (states, blocks) = super::stream::join_workers(path, handles)?;
        let sha = hasher.join().map_err(|_| super::stream::failed(path))?;
        Ok((states, blocks, sha))
    }))
}

#[cfg(test)]
#[path = "mapped_tests.rs"]
mod tests;
