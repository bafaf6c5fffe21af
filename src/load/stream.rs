//! Reading a large export as a stream of lines, without holding the file in memory: the
//! encoding is decided from the first 64 KiB, the SHA-256 is computed on the way.

use super::file_hash::FileHash;
use super::text::{Encoding, read_error};
use crate::error::InputError;
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Bytes looked at to decide encoding and format.
const PREFIX: usize = 64 * 1024;

/// The start of a file, decoded, and its encoding.
#[derive(Debug, Clone)]
pub struct Sniffed {
    /// The file's encoding.
    pub encoding: Encoding,
    /// The first 64 KiB as text (BOM removed; the last line may be cut).
    pub prefix: String,
}

fn open(path: &Path) -> Result<std::fs::File, InputError> {
    std::fs::File::open(path).map_err(|e| read_error(path, &e))
}

/// Reads the start of a file: refuses empty and binary files and decides the encoding.
pub fn sniff(path: &Path) -> Result<Sniffed, InputError> {
    let mut bytes = Vec::with_capacity(PREFIX);
    open(path)?
        .take(PREFIX as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, &e))?;
    let (encoding, body) = super::text::detect_encoding(path, &bytes, true)?;
    let prefix = if encoding == Encoding::Latin1 {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(body);
        text.into_owned()
    } else {
        String::from_utf8_lossy(body).into_owned()
    };
    Ok(Sniffed { encoding, prefix })
}

/// Windows-1252 characters for the bytes 0x80–0xFF.
fn latin1_table() -> Vec<char> {
    (0x80u8..=0xff)
        .map(|b| {
            let byte = [b];
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
            s.chars().next().unwrap_or('\u{fffd}')
        })
        .collect()
}

/// A piece of the file that ends at a line end: its bytes and the number of its first line.
struct Block {
    index: usize,
    first_line: usize,
    bytes: Vec<u8>,
}

/// Bytes read at a time: large reads, lines handed out as slices of the block (never copied).
const BLOCK: usize = 4 << 20;
/// Blocks in flight between the reader and the workers: bounds memory to a few blocks.
const IN_FLIGHT: usize = 6;

/// Reads the file once, in blocks that end at line ends, computing its SHA-256 on the way;
/// `workers` threads parse the blocks as they come. A regular file is read through memory
/// maps ([`super::mapped`]); anything else on one thread that also numbers the lines. Each
/// worker has its own state `W` (from `new_worker`); `f` gets each block (the 1-based number
/// of its first line, its whole lines as raw bytes, a decoder for `encoding`) and returns how
/// many lines it had (a line end ends each but perhaps the file's last), and after each
/// block `end_block` takes that block's results out of the state. A mapped file's lines may
/// be numbered provisionally while parsed and corrected after (`numbering`); the results are
/// numbered exactly either way. Returns the workers' states, every block's result in file
/// order (the error of a block stops that block only; none come after it) and the SHA-256.
#[allow(clippy::type_complexity)]
pub fn for_each_block<W: Send, B: Send>(
    path: &Path,
    encoding: Encoding,
    workers: usize,
    new_worker: impl Fn() -> W + Sync,
    f: impl Fn(&mut W, usize, &[u8], &mut Decoder) -> Result<usize, InputError> + Sync,
    end_block: impl Fn(&mut W) -> B + Sync,
    numbering: &super::mapped::Numbering<'_, B>,
) -> Result<(Vec<W>, Vec<Result<B, InputError>>, FileHash), InputError> {
    let mapped = super::mapped::for_each_range(
        path,
        encoding,
        workers,
        &new_worker,
        &f,
        &end_block,
        numbering,
    );
    if let Some(read) = mapped {
        return read;
    }
    read_stream(path, encoding, workers, new_worker, f, end_block)
}

/// [`for_each_block`] by `read` on one reader thread: for pipes, FIFOs and files that cannot
/// be mapped.
#[allow(clippy::type_complexity)]
pub(super) fn read_stream<W: Send, B: Send>(
    path: &Path,
    encoding: Encoding,
    workers: usize,
    new_worker: impl Fn() -> W + Sync,
    f: impl Fn(&mut W, usize, &[u8], &mut Decoder) -> Result<usize, InputError> + Sync,
    end_block: impl Fn(&mut W) -> B + Sync,
) -> Result<(Vec<W>, Vec<Result<B, InputError>>, FileHash), InputError> {
    let (to_work, work) = std::sync::mpsc::sync_channel::<Block>(IN_FLIGHT);
    let (to_reader, spare) = std::sync::mpsc::channel::<Vec<u8>>();
    let work = std::sync::Mutex::new(work);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_blocks(path, to_work, spare));
        let handles: Vec<_> = (0..workers.max(1))
            .map(|_| {
                let to_reader = to_reader.clone();
                let (work, f, end_block, new_worker) = (&work, &f, &end_block, &new_worker);
                scope.spawn(move || {
                    let mut state = new_worker();
                    let mut decoder = Decoder::new(encoding);
                    let mut done = Vec::new();
                    loop {
                        let next = work.lock().map(|w| w.recv());
                        let Ok(Ok(block)) = next else {
                            return (state, done);
                        };
                        let (bytes, first) = (&block.bytes, block.first_line);
                        let result = f(&mut state, first, bytes, &mut decoder);
                        let taken = end_block(&mut state);
                        done.push((block.index, result.map(|_| taken)));
                        let _ = to_reader.send(block.bytes);
                    }
                })
            })
            .collect();
        drop(to_reader);
        let (states, blocks) = join_workers(path, handles)?;
        let sha = reader.join().map_err(|_| failed(path))??;
        Ok((states, blocks, FileHash::known(sha)))
    })
}

/// What one worker hands back: its state and each block it parsed as (index, result).
pub(super) type Done<W, B> = (W, Vec<(usize, Result<B, InputError>)>);

/// Joins the workers: their states, and every block's result in file order (by index).
#[allow(clippy::type_complexity)]
pub(super) fn join_workers<W, B>(
    path: &Path,
    handles: Vec<std::thread::ScopedJoinHandle<'_, Done<W, B>>>,
) -> Result<(Vec<W>, Vec<Result<B, InputError>>), InputError> {
    let mut states = Vec::new();
    let mut blocks = Vec::new();
    for h in handles {
        let (state, done) = h.join().map_err(|_| failed(path))?;
        states.push(state);
        blocks.extend(done);
    }
    blocks.sort_by_key(|(i, _)| *i);
    Ok((states, blocks.into_iter().map(|(_, r)| r).collect()))
}

/// A reading thread that ended without its result (it panicked).
pub(super) fn failed(path: &Path) -> InputError {
    InputError::file(path, "reading the file failed")
}

/// The reader: blocks of whole lines to `to_work`, buffers back from `spare`; the SHA-256.
fn read_blocks(
    path: &Path,
    to_work: std::sync::mpsc::SyncSender<Block>,
    spare: std::sync::mpsc::Receiver<Vec<u8>>,
) -> Result<String, InputError> {
    let io = |e: std::io::Error| read_error(path, &e);
    let mut file = open(path)?;
    let mut hasher = Sha256::new();
    let mut carry: Vec<u8> = Vec::new();
    let (mut index, mut first_line) = (0, 1);
    loop {
        let mut buf = spare.try_recv().unwrap_or_default();
        buf.clear();
        buf.extend_from_slice(&carry);
        let start = buf.len();
        buf.resize(start.max(BLOCK / 2) + BLOCK, 0);
        let n = read_full(&mut file, &mut buf[start..]).map_err(io)?;
        buf.truncate(start + n);
        hasher.update(&buf[start..]);
        // The block ends after its last line end; the rest starts the next block.
        let cut = if n == 0 {
            buf.len()
        } else {
            memchr::memrchr(b'\n', &buf).map_or(0, |i| i + 1)
        };
        carry.clear();
        carry.extend_from_slice(&buf[cut..]);
        buf.truncate(cut);
        if !buf.is_empty() {
            let lines = memchr::memchr_iter(b'\n', &buf).count();
            let block = Block {
                index,
                first_line,
                bytes: buf,
            };
            if to_work.send(block).is_err() {
                break;
            }
            index += 1;
            first_line += lines;
        }
        if n == 0 {
            break;
        }
    }
    Ok(super::text::hex(&hasher.finalize()))
}

/// Reads until `buf` is full or the file ends; the number of bytes read.
fn read_full(file: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Calls `f` with every line of `bytes` (whole lines, the first numbered `first_line`; the
/// line end removed), until the first error; how many lines there were. The line-by-line
/// reading the readers and the run loops of `sol_long` are tested against.
#[cfg(test)]
pub fn parse_lines<W>(
    bytes: &[u8],
    first_line: usize,
    state: &mut W,
    decoder: &mut Decoder,
    f: &impl Fn(&mut W, usize, &[u8], &mut Decoder) -> Result<(), InputError>,
) -> Result<usize, InputError> {
    let mut from = 0;
    let mut line_no = first_line;
    while from < bytes.len() {
        let stop = memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i + 1);
        f(
            state,
            line_no,
            trim_line(&bytes[from..stop], line_no),
            decoder,
        )?;
        line_no += 1;
        from = stop;
    }
    Ok(line_no - first_line)
}

/// Decodes raw lines to text, reusing its buffers.
pub struct Decoder {
    latin1: bool,
    table: Vec<char>,
    text: String,
    wide: Vec<u8>,
}

impl Decoder {
    /// A decoder for `ISO-8859-1` (Windows-1252) or UTF-8 text.
    pub fn new(encoding: Encoding) -> Self {
        Decoder {
            latin1: encoding == Encoding::Latin1,
            table: latin1_table(),
            text: String::with_capacity(256),
            wide: Vec::with_capacity(512),
        }
    }

    /// The text of a line (without its line end), or, in a file whose first 64 KiB were
    /// UTF-8, the byte offset where the line stops being UTF-8 ([`not_utf8`] words it).
    pub fn decode<'a>(&'a mut self, bytes: &'a [u8]) -> Result<&'a str, usize> {
        let latin1 = self.latin1;
        match std::str::from_utf8(bytes) {
            // ASCII is the same in every encoding; valid UTF-8 in a UTF-8 file needs no copy.
            Ok(s) if !latin1 || s.is_ascii() => Ok(s),
            // A UTF-8 file with a line that is not: two encodings in one file (an export with
            // a part appended in Latin-1, or a damaged file). Guessing per line could read
            // `År` as something else and drop rows silently, so the line is refused.
            Err(e) if !latin1 => Err(e.valid_up_to()),
            _ if !bytes.iter().any(|b| (0x80..0xa0).contains(b)) => {
                // ISO-8859-1 proper: a fast, vectorised conversion.
                self.wide.resize(bytes.len() * 2, 0);
                let n = encoding_rs::mem::convert_latin1_to_utf8(bytes, &mut self.wide);
                Ok(std::str::from_utf8(&self.wide[..n]).unwrap_or_default())
            }
            _ => {
                // Windows-1252 letters in 0x80–0x9F (€, ‚, …), one by one.
                let table = &self.table;
                self.text.clear();
                self.text.extend(bytes.iter().map(|&b| {
                    if b < 0x80 {
                        b as char
                    } else {
                        table[(b - 0x80) as usize]
                    }
                }));
                Ok(&self.text)
            }
        }
    }
}

/// The error for line `line` of a UTF-8 file that stops being UTF-8 at byte `at` of `bytes`.
pub fn not_utf8(path: &Path, line: usize, bytes: &[u8], at: usize) -> InputError {
    let before = String::from_utf8_lossy(&bytes[..at]);
    let column = before.chars().count() + 1;
    let shown = String::from_utf8_lossy(bytes);
    let byte = bytes.get(at).copied().unwrap_or_default();
    InputError::at(
        path,
        line,
        Some(column),
        format!(
            "the line is not UTF-8 (byte 0x{byte:02X}), though the file's first 64 KiB are: two encodings in one file"
        ),
    )
    .value(shown.into_owned())
    .expected(
        "one encoding for the whole file: export it again from BRÅ, or save it as UTF-8 (or Latin-1) in one piece",
    )
}

/// A line without its line end (and without a BOM on the first line).
pub(super) fn trim_line(mut bytes: &[u8], line_no: usize) -> &[u8] {
    if line_no == 1 {
        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    }
    while let Some((last, rest)) = bytes.split_last()
        && (*last == b'\n' || *last == b'\r')
    {
        bytes = rest;
    }
    bytes
}

/// The raw bytes (line end removed) of the lines numbered in `wanted` (1-based).
pub fn read_lines(
    path: &Path,
    wanted: &std::collections::BTreeSet<usize>,
) -> Result<std::collections::HashMap<usize, Vec<u8>>, InputError> {
    let io = |e: std::io::Error| read_error(path, &e);
    let mut reader = BufReader::with_capacity(1 << 20, open(path)?);
    let mut found = std::collections::HashMap::new();
    let mut raw = Vec::new();
    let last = wanted.last().copied().unwrap_or(0);
    for line_no in 1..=last {
        raw.clear();
        if reader.read_until(b'\n', &mut raw).map_err(io)? == 0 {
            break;
        }
        if wanted.contains(&line_no) {
            while raw.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                raw.pop();
            }
            found.insert(line_no, raw.clone());
        }
    }
    Ok(found)
}
