//! Reading a large export as a stream of lines, without holding the file in memory: the
//! encoding is decided from the first 64 KiB, the SHA-256 is computed on the way.

use super::text::LATIN1;
use crate::error::InputError;
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// Bytes looked at to decide encoding and format.
const PREFIX: usize = 64 * 1024;

/// The start of a file, decoded, and its encoding.
#[derive(Debug, Clone)]
pub struct Sniffed {
    /// `UTF-8`, `UTF-8 with BOM` or `ISO-8859-1`.
    pub encoding: &'static str,
    /// The first 64 KiB as text (BOM removed; the last line may be cut).
    pub prefix: String,
}

fn open(path: &Path) -> Result<std::fs::File, InputError> {
    std::fs::File::open(path)
        .map_err(|e| InputError::file(path, format!("cannot read the file ({e})")))
}

/// Reads the start of a file: refuses empty and binary files and decides the encoding.
pub fn sniff(path: &Path) -> Result<Sniffed, InputError> {
    let mut bytes = Vec::with_capacity(PREFIX);
    open(path)?
        .take(PREFIX as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::file(path, format!("cannot read the file ({e})")))?;
    let (encoding, body) = super::text::detect_encoding(path, &bytes, true)?;
    let prefix = if encoding == LATIN1 {
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

/// Calls `f` with each line (1-based number, raw bytes without line end, a decoder for
/// `encoding`) and returns the file's SHA-256, computed on a third thread. The second half of
/// a large file is parsed by a second thread into its own state: `f` gets `first` for the
/// lines of the first half and `second` for the rest. Line numbers are those of the whole
/// file; an error in the first half wins.
pub fn for_each_line_in_halves<P: Send>(
    path: &Path,
    encoding: &str,
    mut first: P,
    mut second: P,
    f: impl Fn(&mut P, usize, &[u8], &mut Decoder) -> Result<(), InputError> + Sync,
) -> Result<(P, P, String), InputError> {
    let (mid, size) = midpoint(path)?;
    let (a, b, sha) = std::thread::scope(|scope| {
        let hashing = scope.spawn(|| sha256_of(path));
        let later = scope.spawn(|| -> Result<(), InputError> {
            if mid >= size {
                return Ok(());
            }
            let before = count_lines(path, mid)?;
            parse_lines(path, encoding, mid, u64::MAX, before + 1, &mut |n, l, d| {
                f(&mut second, n, l, d)
            })
        });
        let a = parse_lines(path, encoding, 0, mid, 1, &mut |n, l, d| {
            f(&mut first, n, l, d)
        });
        let b = later
            .join()
            .unwrap_or_else(|_| Err(InputError::file(path, "reading the file failed")));
        let sha = hashing
            .join()
            .unwrap_or_else(|_| Err(InputError::file(path, "hashing the file failed")));
        (a, b, sha)
    });
    a?;
    b?;
    Ok((first, second, sha?))
}

/// The first line start at or after the middle of the file (the size for small files), and
/// the file size.
fn midpoint(path: &Path) -> Result<(u64, u64), InputError> {
    let io = |e: std::io::Error| InputError::file(path, format!("cannot read the file ({e})"));
    let mut file = open(path)?;
    let size = file.metadata().map_err(io)?.len();
    if size < (8 << 20) {
        return Ok((size, size));
    }
    file.seek(SeekFrom::Start(size / 2)).map_err(io)?;
    let mut rest = Vec::new();
    BufReader::new(file)
        .read_until(b'\n', &mut rest)
        .map_err(io)?;
    Ok((size / 2 + rest.len() as u64, size))
}

/// Lines that end before byte `end` (`end` at a line start).
fn count_lines(path: &Path, end: u64) -> Result<usize, InputError> {
    let mut file = open(path)?.take(end);
    let mut buf = vec![0u8; 1 << 20];
    let mut lines = 0;
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| InputError::file(path, format!("cannot read the file ({e})")))?;
        if n == 0 {
            return Ok(lines);
        }
        lines += buf[..n].iter().filter(|b| **b == b'\n').count();
    }
}

/// The SHA-256 of a file, lower-case hex.
fn sha256_of(path: &Path) -> Result<String, InputError> {
    let mut file = open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| InputError::file(path, format!("cannot read the file ({e})")))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
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
    pub fn new(encoding: &str) -> Self {
        Decoder {
            latin1: encoding == LATIN1,
            table: latin1_table(),
            text: String::with_capacity(256),
            wide: Vec::with_capacity(512),
        }
    }

    /// The text of a line (without its line end).
    pub fn decode<'a>(&'a mut self, bytes: &'a [u8]) -> &'a str {
        let latin1 = self.latin1;
        match std::str::from_utf8(bytes) {
            // ASCII is the same in every encoding; valid UTF-8 in a UTF-8 file needs no copy.
            Ok(s) if !latin1 || s.is_ascii() => s,
            _ if latin1 && !bytes.iter().any(|b| (0x80..0xa0).contains(b)) => {
                // ISO-8859-1 proper: a fast, vectorised conversion.
                self.wide.resize(bytes.len() * 2, 0);
                let n = encoding_rs::mem::convert_latin1_to_utf8(bytes, &mut self.wide);
                std::str::from_utf8(&self.wide[..n]).unwrap_or_default()
            }
            _ => {
                // Windows-1252 letters in 0x80–0x9F (€, ‚, …), one by one; also a line that
                // is not UTF-8 in a file whose first 64 KiB were (a Latin-1 part appended):
                // decoded as Windows-1252, never turned into `�`, so `År` stays `År` and no
                // yearly row is mistaken for another kind.
                let table = &self.table;
                self.text.clear();
                self.text.extend(bytes.iter().map(|&b| {
                    if b < 0x80 {
                        b as char
                    } else {
                        table[(b - 0x80) as usize]
                    }
                }));
                &self.text
            }
        }
    }
}

/// Parses the lines that start in the byte range `start..end` (`start` at a line start), the
/// first numbered `first_line`; `f` gets each line's raw bytes (line end and BOM removed) and
/// a decoder, so rows it can judge on the bytes are never decoded.
fn parse_lines(
    path: &Path,
    encoding: &str,
    start: u64,
    end: u64,
    first_line: usize,
    f: &mut impl FnMut(usize, &[u8], &mut Decoder) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let io = |e: std::io::Error| InputError::file(path, format!("cannot read the file ({e})"));
    let mut file = open(path)?;
    file.seek(SeekFrom::Start(start)).map_err(io)?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut position = start;
    let mut decoder = Decoder::new(encoding);
    let mut raw = Vec::with_capacity(256);
    let mut line_no = first_line - 1;
    while position < end {
        raw.clear();
        let n = reader.read_until(b'\n', &mut raw).map_err(io)?;
        if n == 0 {
            break;
        }
        position += n as u64;
        line_no += 1;
        let mut bytes = &raw[..];
        if line_no == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        while let Some((last, rest)) = bytes.split_last()
            && (*last == b'\n' || *last == b'\r')
        {
            bytes = rest;
        }
        f(line_no, bytes, &mut decoder)?;
    }
    Ok(())
}
