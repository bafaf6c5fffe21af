//! Runs of skipped rows read in one tight loop: a national export lists each region's crime
//! types one after another, each with some thirty years, so most lines start with the bytes
//! the last skipped row started with (region, crime type, year cell). Those lines are checked
//! where they differ (period, count, number of cells) without a call, a decode or a split per
//! line; anything unusual is left to [`Parser::line_raw`], which reads it as before.

use super::super::stream::{self, Decoder};
use super::Parser;
use super::fast::PREFIX_CELLS;
use super::tail::{Tail, cell_after, row_tail, starts_with, year_cell};
use crate::error::InputError;
use crate::load::cells::count_cell;

impl Parser<'_> {
    /// Reads a range of whole lines (the first numbered `first_line`); lines up to
    /// `header_line` are the header and its preamble, already read. Returns how many lines
    /// the range had.
    pub fn range(
        &mut self,
        first_line: usize,
        bytes: &[u8],
        decoder: &mut Decoder,
        header_line: usize,
    ) -> Result<usize, InputError> {
        let (mut from, mut line_no) = (0, first_line);
        while from < bytes.len() {
            while line_no > header_line && from < bytes.len() {
                let (mut length, mut lines) = self.skip_run(&bytes[from..]);
                if lines == 0 {
                    (length, lines) = self.keep_run(&bytes[from..], line_no);
                }
                from += length;
                line_no += lines;
                // A new run of skipped rows starts here, or nothing is left to take in runs.
                if lines == 0 && (from >= bytes.len() || !self.switch_run(&bytes[from..])) {
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
        Ok(line_no - first_line)
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
        // Rows 32 bytes at a time where the layout allows; each row that loop leaves is read
        // by the scalar check, which also ends the run.
        let wide = (col.period, col.count_col) == (PREFIX_CELLS, PREFIX_CELLS + 1);
        let cells = col.n_fields..=super::MAX_FIELDS;
        let (mut at, mut lines) = (0, 0);
        loop {
            if wide {
                let (length, rows) = super::wide::skip_rows(&bytes[at..], prefix, cells.clone());
                at += length;
                lines += rows;
            }
            let Some(line) = bytes.get(at..) else {
                break;
            };
            if !starts_with(line, prefix) {
                break;
            }
            let Some(length) = skippable_tail(&line[prefix.len()..], col) else {
                break;
            };
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

/// The length through the line end of a row's tail ([`row_tail`]) when its period is a year
/// ([`year_cell`]) and its count reads as a count or `..`.
#[inline]
pub(super) fn skippable_tail(tail: &[u8], col: super::Columns) -> Option<usize> {
    let Tail {
        length,
        period,
        count,
    } = row_tail(tail, col)?;
    year_cell(period)?;
    count_cell(count).ok()?;
    Some(length)
}

#[cfg(test)]
#[path = "runs_tests.rs"]
mod tests;
