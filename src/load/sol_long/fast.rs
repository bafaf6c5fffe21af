//! The fast path for rows of crime types no area uses: checked on their raw bytes and
//! skipped without being decoded, when they repeat the last skipped row's crime type,
//! region and year cell (exports come sorted, so most rows do).

use super::super::stream::{self, Decoder};
use super::Columns;
use super::period::row_period;
use super::{MAX_FIELDS, Parser, SkipLast, census};
use crate::error::InputError;
use crate::load::canonical::Period;
use crate::load::cells::{Cell, count_cell};

/// Raw crime cells remembered as skipped: millions of distinct labels must not grow memory
/// (beyond this many, a new label's first row is read the slow way each time).
const RAW_SKIPS_KEPT: usize = 100_000;

impl Parser<'_> {
    /// Takes the next line as raw bytes: a row like the last one skipped (same crime type,
    /// region and year cell) is checked and skipped on the bytes; any other row is decoded and
    /// read by [`Parser::line`].
    pub fn line_raw(
        &mut self,
        line_no: usize,
        raw: &[u8],
        decoder: &mut Decoder,
    ) -> Result<(), InputError> {
        if let Some(((year, preliminary, period), count, new_crime)) = self.skip_on_bytes(raw) {
            self.out.rows_read += 1;
            self.fast_rows += 1;
            if let (Some((cell, hash)), Some(last), Some(col)) =
                (new_crime, self.skip_last.as_mut(), self.columns)
            {
                // The next rows repeat this crime type: it is the last skipped row's now.
                last.crime.clear();
                last.crime.extend_from_slice(cell);
                last.crime_hash = hash;
                last.prefix.clear();
                if let Some(end) = prefix_end(raw, col) {
                    last.prefix.extend_from_slice(&raw[..end]);
                }
            }
            if let (Some(census), Some(last)) = (self.out.census.as_mut(), &self.skip_last) {
                census.year(year, preliminary);
                let at = (year, period);
                census.row(last.crime_hash, &last.region_code, at, count, line_no);
            }
            return Ok(());
        }
        let text = decoder
            .decode(raw)
            .map_err(|at| stream::not_utf8(&self.path, line_no, raw, at))?;
        let kept_before = self.out.observations.len();
        self.line(line_no, text)?;
        self.learn_skip(raw, text);
        let kept = self.out.observations.len() > kept_before;
        self.learn_keep(raw, text, kept);
        Ok(())
    }

    /// The year, period and count when `raw` is a well-formed row (year, quarter or month) of
    /// the last skipped region and a skipped crime type: the last one, or one seen skipped
    /// before (then also its raw cell and label hash).
    #[allow(clippy::type_complexity)]
    fn skip_on_bytes<'r>(
        &self,
        raw: &'r [u8],
    ) -> Option<((i32, bool, Period), Option<u64>, Option<(&'r [u8], u64)>)> {
        let (Some(col), Some(last)) = (self.columns, &self.skip_last) else {
            return None;
        };
        let mut cells: [&[u8]; MAX_FIELDS] = [&[]; MAX_FIELDS];
        // Most rows start with the last skipped row's region, crime and year cells: one compare
        // of that prefix, and only the short cells after it are split.
        let same_prefix = !last.prefix.is_empty() && raw.starts_with(&last.prefix);
        let (skip, from) = if same_prefix {
            (PREFIX_CELLS, last.prefix.len())
        } else {
            (0, 0)
        };
        let n = split_cells(raw, from, skip, &mut cells);
        if n < col.n_fields || n > MAX_FIELDS {
            return None;
        }
        let mut new_crime = None;
        if !same_prefix {
            if cells[col.region] != last.region.as_slice()
                || cells[col.year] != last.year.as_slice()
            {
                return None;
            }
            let crime = cells[col.crime];
            if crime != last.crime.as_slice() {
                new_crime = Some((crime, *self.raw_skips.get(crime)?));
            }
        }
        // Read as the slow path reads them: a year in `Period` after the literal `År` (the
        // last skipped row's year cell, decoded then), a month, quarter or `Helår` after a year.
        let period_cell = cells[col.period];
        let when = match plain_year(period_cell) {
            Some(year) if last.year_in_period => (year, false, Period::Year),
            _ => row_period(last.year_text.as_str(), ascii(period_cell)?).ok()?,
        };
        match count_cell(cells[col.count_col]).ok()? {
            Cell::Value(v) => Some((when, Some(v), new_crime)),
            Cell::Missing => Some((when, None, new_crime)),
        }
    }

    /// After a row was read the slow way: when the filter skipped it, remember its raw cells
    /// (and the year cell's decoded text, from `text`, the decoded line).
    fn learn_skip(&mut self, raw: &[u8], text: &str) {
        let skipped = self
            .filter
            .as_ref()
            .and_then(|f| f.last.as_ref())
            .is_some_and(|(_, keep)| !keep);
        let Some(col) = self.columns.filter(|_| skipped && self.skipped_row) else {
            return;
        };
        let cells: Vec<&[u8]> = raw.split(|b| *b == b';').collect();
        let plain = |b: &[u8]| {
            !b.is_empty()
                && ![b.first(), b.last()]
                    .iter()
                    .any(|c| c.is_some_and(|c| c.is_ascii_whitespace() || *c == b'"' || *c == 0xa0))
        };
        let (Some(crime), Some(region), Some(year)) = (
            cells.get(col.crime),
            cells.get(col.region),
            cells.get(col.year),
        ) else {
            return;
        };
        let Some((label, _)) = self.filter.as_ref().and_then(|f| f.last.as_ref()) else {
            return;
        };
        let region_code = self.last_region.as_ref().map(|(_, r)| r.code.clone());
        if plain(crime) && plain(region) && (year.is_empty() || plain(year)) {
            let (Some(region_code), Some(year_text)) = (region_code, text.split(';').nth(col.year))
            else {
                return;
            };
            let crime_hash = census::label_hash(label.as_bytes());
            if self.raw_skips.len() < RAW_SKIPS_KEPT {
                self.raw_skips.insert(crime.to_vec(), crime_hash);
            }
            self.skip_last = Some(SkipLast {
                crime: crime.to_vec(),
                region: region.to_vec(),
                year: year.to_vec(),
                prefix: prefix_of(raw, col),
                year_in_period: super::period::is_ar(year_text) || year_text.is_empty(),
                year_text: year_text.to_owned(),
                crime_hash,
                region_code,
            });
        }
    }
}

/// The cells region, crime and year, when they are the first three (as in every SOL export).
pub(super) const PREFIX_CELLS: usize = 3;

/// The bytes of a row up to and including the `;` after its region, crime and year cells, when
/// those are its first three cells; empty otherwise.
fn prefix_of(raw: &[u8], col: Columns) -> Vec<u8> {
    prefix_end(raw, col).map_or_else(Vec::new, |end| raw[..end].to_vec())
}

/// Where [`prefix_of`] ends (exclusive).
pub(super) fn prefix_end(raw: &[u8], col: Columns) -> Option<usize> {
    let mut first = [col.region, col.crime, col.year];
    first.sort_unstable();
    if first != [0, 1, 2] {
        return None;
    }
    memchr::memchr_iter(b';', raw)
        .nth(PREFIX_CELLS - 1)
        .map(|end| end + 1)
}

/// Splits `raw` from byte `from` at `;` into `cells[skip..]`; the number of cells the row has
/// (counting the `skip` before `from`), which may exceed `cells`.
fn split_cells<'r>(raw: &'r [u8], from: usize, skip: usize, cells: &mut [&'r [u8]]) -> usize {
    let mut n = skip;
    let mut start = from;
    for (i, b) in raw[from..].iter().enumerate() {
        if *b == b';' {
            if let Some(c) = cells.get_mut(n) {
                *c = &raw[start..from + i];
            }
            n += 1;
            start = from + i + 1;
        }
    }
    if let Some(c) = cells.get_mut(n) {
        *c = &raw[start..];
    }
    n + 1
}

/// A cell of exactly four ASCII digits in 1900–2100, as [`crate::load::cells::parse_year`]
/// reads it.
#[inline]
pub(super) fn plain_year(cell: &[u8]) -> Option<i32> {
    let [a, b, c, d] = *cell else {
        return None;
    };
    let digits = [a, b, c, d];
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year = digits
        .iter()
        .fold(0i32, |y, d| y * 10 + i32::from(d - b'0'));
    (1900..=2100).contains(&year).then_some(year)
}

/// The text of an ASCII cell.
fn ascii(cell: &[u8]) -> Option<&str> {
    if cell.is_ascii() {
        std::str::from_utf8(cell).ok()
    } else {
        None
    }
}

#[cfg(test)]
#[path = "fast_tests.rs"]
mod tests;
