//! Reading a large regular file through memory maps instead of `read`: no copy into buffers,
//! the SHA-256 on a thread of its own over its own map while the other cores parse byte
//! ranges of the file that end at line ends. Pages are let go as soon as they are used, so
//! resident memory stays at a few ranges, not the file.
//!
//! The stream reader ([`super::stream`]) stays for what cannot be mapped (a pipe, a FIFO, a
//! file the kernel refuses to map) and gives the same lines, numbers and digest.

use super::stream::Decoder;
use super::text::Encoding;
use crate::error::InputError;
use memmap2::Mmap;
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::path::Path;
use std::sync::Mutex;

/// Bytes parsed at a time by one worker (extended to the next line end).
const CHUNK: usize = 2 << 20;
/// Bytes hashed at a time before their pages are let go.
const WINDOW: usize = 4 << 20;

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

/// The SHA-256 of the whole map, window by window.
fn digest(map: &Mmap) -> String {
    let mut hasher = Sha256::new();
    let mut start = 0;
    while start < map.len() {
        let end = (start + WINDOW).min(map.len());
        hasher.update(&map[start..end]);
        release(map, start..end);
        start = end;
    }
    super::text::hex(&hasher.finalize())
}

/// Where the next range starts, how many lines came before it, and its index.
#[derive(Default)]
struct Ledger {
    next: usize,
    lines: usize,
    index: usize,
}

/// The next range of whole lines: (index, number of its first line, bytes). Ranges are
/// handed out in file order under the lock, which also counts their lines, so every range
/// knows its first line's number before it is parsed (error positions stay exact).
fn claim(map: &[u8], ledger: &Mutex<Ledger>) -> Option<(usize, usize, Range<usize>)> {
    let mut l = ledger.lock().ok()?;
    if l.next >= map.len() {
        return None;
    }
    let start = l.next;
    let nominal = (start + CHUNK).min(map.len());
    let end = if nominal == map.len() {
        nominal
    } else {
        memchr::memchr(b'\n', &map[nominal - 1..]).map_or(map.len(), |i| nominal + i)
    };
    let first_line = l.lines + 1;
    l.lines += memchr::memchr_iter(b'\n', &map[start..end]).count();
    l.next = end;
    l.index += 1;
    Some((l.index - 1, first_line, start..end))
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
    let parse_map = map(path)?;
    let hash_map = map(path)?;
    let ledger = Mutex::new(Ledger::default());
    Some(std::thread::scope(|scope| {
        let hasher = scope.spawn(|| digest(&hash_map));
        let handles: Vec<_> = (0..workers.max(1))
            .map(|_| {
                let (map, ledger) = (&parse_map, &ledger);
                scope.spawn(move || {
                    let mut state = new_worker();
                    let mut decoder = Decoder::new(encoding);
                    let mut done = Vec::new();
                    while let Some((index, first_line, range)) = claim(map, ledger) {
                        let bytes = &map[range.clone()];
                        let result = f(&mut state, first_line, bytes, &mut decoder);
                        let taken = end_block(&mut state);
                        done.push((index, result.map(|()| taken)));
                        release(map, range);
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
