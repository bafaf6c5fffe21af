//! Runs of skipped rows read in one tight loop: a national export lists each region's crime
//! types one after another, each with some thirty years, so most lines start with the bytes
//! the last skipped row started with (region, crime type, year cell). Those lines are checked
//! where they differ (period, count, number of cells) without a call, a decode or a split per
//! line; anything unusual is left to [`Parser::line_raw`], which reads it as before.

use super::super::stream::{self, Decoder};
use super::fast::plain_year;
use super::{Columns, MAX_FIELDS, Parser};
use crate::error::InputError;
use crate::load::cells::count_cell;

impl Parser<'_> {
    /// Reads a range of whole lines (the first numbered `first_line`); lines up to
    /// `header_line` are the header and its preamble, already read.
    pub fn range(
        &mut self,
        first_line: usize,
        bytes: &[u8],
        decoder: &mut Decoder,
        header_line: usize,
    ) -> Result<(), InputError> {
        let (mut from, mut line_no) = (0, first_line);
        while from < bytes.len() {
            while line_no > header_line {
                let (length, lines) = self.skip_run(&bytes[from..]);
                from += length;
                line_no += lines;
                if from >= bytes.len() || !self.switch_run(&bytes[from..]) {
                    break;
                }
            }
            if from >= bytes.len() {
                break;
            }
            let stop = memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i + 1);
            if line_no > header_line {
                let raw = stream::trim_line(&bytes[from..stop], line_no);
                self.line_raw(line_no, raw, decoder)?;
            }
            line_no += 1;
            from = stop;
        }
        Ok(())
    }

    /// Skips the lines at the start of `bytes` that begin with the last skipped row's prefix
    /// and whose other cells read as [`Parser::line_raw`] would skip them (a year in `Period`,
    /// a count or `..`, as many cells as the header): the bytes and lines taken.
    /// `validate` (the census records every row) reads line by line instead.
    fn skip_run(&mut self, bytes: &[u8]) -> (usize, usize) {
        let (Some(col), Some(last)) = (self.columns, &self.skip_last) else {
            return (0, 0);
        };
        if self.out.census.is_some() || last.prefix.is_empty() || !last.year_in_period {
            return (0, 0);
        }
        let prefix = last.prefix.as_slice();
        let (mut at, mut lines) = (0, 0);
        while let Some(line) = bytes.get(at..)
            && starts_with(line, prefix)
            && let Some(length) = skippable_tail(&line[prefix.len()..], col)
        {
            at += prefix.len() + length;
            lines += 1;
        }
        self.out.rows_read += lines;
        self.fast_rows += lines;
        (at, lines)
    }

    /// At a line of the last skipped row's region and year cell whose crime type is another
    /// one skipped before (the next run of a national export): its prefix becomes the last
    /// skipped row's, so the next [`Parser::skip_run`] starts the run with it (and checks its
    /// cells; a line that fails is read by [`Parser::line_raw`] as before); true when it did.
    /// Only in the SOL order of cells (region, crime, year first).
    fn switch_run(&mut self, line: &[u8]) -> bool {
        let (Some(col), Some(last)) = (self.columns, self.skip_last.as_mut()) else {
            return false;
        };
        let sol_order = (col.region, col.crime, col.year) == (0, 1, 2);
        if !sol_order || self.out.census.is_some() || !last.year_in_period {
            return false;
        }
        if starts_with(line, &last.prefix) {
            return false;
        }
        let Some(crime_start) = cell_after(line, 0, &last.region) else {
            return false;
        };
        let Some(crime_end) = memchr::memchr(b';', &line[crime_start..]).map(|i| crime_start + i)
        else {
            return false;
        };
        let Some(tail_start) = cell_after(line, crime_end + 1, &last.year) else {
            return false;
        };
        let crime = &line[crime_start..crime_end];
        let Some(&hash) = self.raw_skips.get(crime) else {
            return false;
        };

        last.crime.clear();
        last.crime.extend_from_slice(crime);
        last.crime_hash = hash;
        last.prefix.clear();
        last.prefix.extend_from_slice(&line[..tail_start]);
        true
    }
}

/// Where the next cell starts when `line` holds the cell `cell` and a `;` from `at` on.
fn cell_after(line: &[u8], at: usize, cell: &[u8]) -> Option<usize> {
    let end = at + cell.len();
    (line.get(at..end) == Some(cell) && line.get(end) == Some(&b';')).then_some(end + 1)
}

/// The length through the line end of a row's cells after its prefix (region, crime, year:
/// cells 0–2), when the period is a year ([`year_cell`]), the count reads as a count or `..`, and the
/// row has as many cells as the header (at most [`MAX_FIELDS`]); `None` for anything else,
/// including a last line without a line end. Eight bytes are looked at a time.
fn skippable_tail(tail: &[u8], col: Columns) -> Option<usize> {
    let mut cells = Cells {
        col,
        next: super::fast::PREFIX_CELLS,
        start: 0,
    };
    let mut base = 0;
    while let Some(word) = tail.get(base..).and_then(|t| t.first_chunk::<8>()) {
        let word = u64::from_le_bytes(*word);
        let line_end = bytes_equal(word, b'\n');
        let width = if line_end == 0 {
            8
        } else {
            line_end.trailing_zeros() / 8
        };
        let mut semicolons = bytes_equal(word, b';') & below(width);
        while semicolons != 0 {
            cells.end(tail, base + (semicolons.trailing_zeros() / 8) as usize)?;
            semicolons &= semicolons - 1;
        }
        if line_end != 0 {
            return cells.last(tail, base + width as usize);
        }
        base += 8;
    }
    for (i, &b) in tail.iter().enumerate().skip(base) {
        match b {
            b';' => cells.end(tail, i)?,
            b'\n' => return cells.last(tail, i),
            _ => {}
        }
    }
    None
}

/// The cells of a row's tail as they end: checks the period and the count.
struct Cells {
    col: Columns,
    /// The index of the cell being read.
    next: usize,
    /// Where it starts in the tail.
    start: usize,
}

impl Cells {
    /// The cell being read ends at `end` (exclusive); `None` when it is the period or the count
    /// and does not read as one.
    #[inline(always)]
    fn end(&mut self, tail: &[u8], end: usize) -> Option<()> {
        let value = &tail[self.start..end];
        if self.next == self.col.period {
            year_cell(value)?;
        } else if self.next == self.col.count_col {
            count_cell(value).ok()?;
        }
        self.next += 1;
        self.start = end + 1;
        Some(())
    }

    /// The line ends at `line_end` (the `\n`): the last cell ends before any `\r`; the length
    /// of the tail through the line end when the row has as many cells as the header.
    #[inline(always)]
    fn last(&mut self, tail: &[u8], line_end: usize) -> Option<usize> {
        let mut end = line_end;
        while end > self.start && tail[end - 1] == b'\r' {
            end -= 1;
        }
        self.end(tail, end)?;
        (self.col.n_fields..=MAX_FIELDS)
            .contains(&self.next)
            .then_some(line_end + 1)
    }
}

/// A year in `Period` as the line reader takes it: `2024`, or `2025 prel.` as BRÅ writes the
/// latest, preliminary year (other spellings are left to the line reader).
fn year_cell(value: &[u8]) -> Option<i32> {
    match value {
        [year @ .., b' ', b'p', b'r', b'e', b'l', b'.'] => plain_year(year),
        _ => plain_year(value),
    }
}

const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The high bit of every byte of `word` that equals `byte` (exact: no false matches).
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The high bits of the first `width` bytes of a word (0–8).
fn below(width: u32) -> u64 {
    if width >= 8 {
        u64::MAX
    } else {
        (1u64 << (width * 8)) - 1
    }
}

/// True when `line` starts with `prefix`, compared eight bytes at a time (no call: the prefix
/// is some forty bytes and compared on nearly every line of a national export).
fn starts_with(line: &[u8], prefix: &[u8]) -> bool {
    let Some(head) = line.get(..prefix.len()) else {
        return false;
    };
    let (words, _) = prefix.as_chunks::<8>();
    let (line_words, _) = head.as_chunks::<8>();
    let word = |b: &[u8]| b.last_chunk::<8>().map(|w| u64::from_le_bytes(*w));
    words.iter().zip(line_words).all(|(a, b)| a == b)
        // The last (partial) word: the last eight bytes, overlapping the words before.
        && match (word(prefix), word(head)) {
            (Some(a), Some(b)) => a == b,
            _ => prefix == head,
        }
}

#[cfg(test)]
#[path = "runs_tests.rs"]
mod tests;
