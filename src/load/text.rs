//! Reading an input file as text: encoding detection, hashing, splitting into records.
//!
//! BRÅ's web application exports ISO-8859-1; files re-saved by Excel or an editor may be UTF-8
//! with or without a byte-order mark, with CRLF or LF line ends. We detect the encoding from the
//! bytes (a BOM, else valid UTF-8, else Windows-1252, a superset of ISO-8859-1's printable
//! range) and never guess silently: the detected encoding is reported for every file.

use crate::error::InputError;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// An input file decoded to text.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Path as given.
    pub path: PathBuf,
    /// The decoded text, BOM removed.
    pub text: String,
    /// Detected encoding.
    pub encoding: Encoding,
    /// SHA-256 of the raw bytes, lower-case hex.
    pub sha256: String,
}

/// Reads and decodes a file; refuses empty and binary files.
pub fn read_text(path: &Path) -> Result<TextFile, InputError> {
    let bytes = std::fs::read(path).map_err(|e| read_error(path, &e))?;
    decode(path, &bytes)
}

/// Decodes bytes already read (split out for tests and fuzzing).
pub fn decode(path: &Path, bytes: &[u8]) -> Result<TextFile, InputError> {
    let sha256 = hex(&Sha256::digest(bytes));
    let (encoding, body) = detect_encoding(path, bytes, false)?;
    let text = if encoding == Encoding::Latin1 {
        let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(body);
        cow.into_owned()
    } else {
        String::from_utf8_lossy(body).into_owned()
    };
    Ok(TextFile {
        path: path.to_path_buf(),
        text,
        encoding,
        sha256,
    })
}

/// The text encodings the loaders read: a closed set, serialised and shown by the names users
/// know (`summary.json` keeps the strings it always had).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    #[serde(rename = "UTF-8")]
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    #[serde(rename = "UTF-8 with BOM")]
    Utf8Bom,
    /// ISO-8859-1, read as Windows-1252 (its superset for the printable range).
    #[serde(rename = "ISO-8859-1")]
    Latin1,
}

impl Encoding {
    /// The name shown to users, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Latin1 => "ISO-8859-1",
        }
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Decides a file's encoding from its bytes (all of them, or the first ones when `cut`), in
/// one place for the whole-file reader and the stream: a UTF-8 BOM, else valid UTF-8, else
/// Windows-1252. Refuses empty, binary and UTF-16 files. Returns the encoding and the
/// bytes after any BOM.
pub fn detect_encoding<'a>(
    path: &Path,
    bytes: &'a [u8],
    cut: bool,
) -> Result<(Encoding, &'a [u8]), InputError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(
            InputError::file(path, "the file is UTF-16 (Excel's \"Unicode text\"), which is not read")
                .value(format!("the byte-order mark {:02X} {:02X}", bytes[0], bytes[1]))
                .expected("UTF-8 or Latin-1 text: in Excel choose Save as → \"CSV UTF-8 (comma delimited)\" or \"CSV (semicolon delimited)\", or download BRÅ's Databasfil again without opening it"),
        );
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::file(path, "the file is empty")
            .expected("an export with a header line and data rows"));
    }
    if looks_binary(bytes) {
        return Err(
            InputError::file(path, "the file is not text (it holds binary data)").expected(
                "a CSV or text export; was a spreadsheet (.xlsx) renamed? Save it as CSV",
            ),
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((Encoding::Utf8Bom, rest));
    }
    let utf8 = match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // A multi-byte character cut at the end of a prefix is still UTF-8.
        Err(e) => cut && e.error_len().is_none(),
    };
    let encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Latin1
    };
    Ok((encoding, bytes))
}

/// True for NUL bytes or many control characters: a renamed spreadsheet, an image, garbage.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    sample.contains(&0) || control * 100 > sample.len()
}

/// The error for a file that cannot be read (opened, or read to its end).
pub fn read_error(path: &Path, e: &std::io::Error) -> InputError {
    InputError::file(path, format!("cannot read the file ({e})"))
}

/// Bytes as lower-case hexadecimal, as `sha256sum` writes a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One line of a delimited file, split into trimmed fields.
#[derive(Debug, Clone)]
pub struct Record {
    /// 1-based line number in the file.
    pub line: usize,
    /// Fields with surrounding spaces and quotes removed.
    pub fields: Vec<String>,
}

impl Record {
    /// The field at a 0-based index, or "" when the line is short.
    pub fn get(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", String::as_str)
    }
}

/// Splits text into records on `delimiter`, honouring double quotes; blank lines are skipped.
pub fn records(file: &TextFile, delimiter: u8) -> Result<Vec<Record>, InputError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(file.text.as_bytes());
    let mut out = Vec::new();
    let mut lines = LineCounter::default();
    for result in reader.records() {
        let record = result.map_err(|e| {
            let byte = e.position().map_or(0, |p| p.byte() as usize);
            let line = lines.line_at(&file.text, byte);
            InputError::at(
                &file.path,
                line,
                None,
                format!("cannot split the line ({e})"),
            )
        })?;
        let byte = record.position().map_or(0, |p| p.byte() as usize);
        let line = lines.line_at(&file.text, byte);
        let fields: Vec<String> = record.iter().map(clean_field).collect();
        if fields.iter().all(String::is_empty) {
            continue;
        }
        out.push(Record { line, fields });
    }
    Ok(out)
}

/// Turns byte offsets (ascending) into 1-based line numbers without rescanning the text.
#[derive(Debug, Default)]
struct LineCounter {
    byte: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, byte: usize) -> usize {
        // csv reports a record's start before the previous line end: step over it.
        let bytes = text.as_bytes();
        let mut byte = byte.min(bytes.len());
        while byte < bytes.len() && matches!(bytes[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte < self.byte {
            *self = LineCounter::default();
        }
        self.line += text.as_bytes()[self.byte..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.byte = byte;
        self.line + 1
    }
}

/// Trims spaces (also non-breaking) from a field.
fn clean_field(field: &str) -> String {
    field
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
        .to_owned()
}

/// Guesses the delimiter of a header line: the most frequent of `;`, tab and `,`.
pub fn detect_delimiter(line: &str) -> u8 {
    let count = |c: char| line.matches(c).count();
    let candidates = [(b';', count(';')), (b'\t', count('\t')), (b',', count(','))];
    candidates
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b';', |(d, _)| *d)
}

/// The first non-blank line of the text, without its line end.
pub fn first_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// The error for a JSON file that serde_json could not read, at the line and column it names.
pub fn json_error(file: &TextFile, e: &serde_json::Error, expected: &str) -> InputError {
    let problem = match e.classify() {
        serde_json::error::Category::Eof => "the JSON ends too early (is the file cut short?)",
        serde_json::error::Category::Syntax => "the file is not valid JSON",
        _ => "the JSON does not have the expected shape",
    };
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or_default();
    let problem = format!("{problem} ({message})");
    if e.line() == 0 {
        return InputError::file(&file.path, problem).expected(expected);
    }
    let line = file
        .text
        .lines()
        .nth(e.line() - 1)
        .unwrap_or_default()
        .trim();
    InputError::at(&file.path, e.line(), Some(e.column()), problem)
        .value(line.chars().take(80).collect::<String>())
        .expected(expected)
}

/// 1-based lines where the objects that are items of one JSON array open: the top-level
/// array (`key` None) or the array under `key` in the top-level object. For locating records
/// after serde_json has read them.
pub fn json_item_lines(text: &str, key: Option<&str>) -> Vec<usize> {
    let mut out = Vec::new();
    // For each open container: is it the array whose items we want?
    let mut open: Vec<bool> = Vec::new();
    let (mut line, mut in_string, mut escaped) = (1, false, false);
    let (mut string_start, mut last_string, mut current_key) = (0, "", "");
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    last_string = text.get(string_start..i).unwrap_or_default();
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => (in_string, string_start) = (true, i + 1),
            b':' => current_key = last_string,
            b'[' => open.push(match key {
                None => open.is_empty(),
                Some(key) => open.len() == 1 && current_key == key,
            }),
            b'{' => {
                if open.last() == Some(&true) {
                    out.push(line);
                }
                open.push(false);
            }
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
    }
    out
}
