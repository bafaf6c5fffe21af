//! The fast path for rows of crime types no area uses: checked on their raw bytes and
//! skipped without being decoded, when they repeat the last skipped row's crime type,
//! region and year cell (exports come sorted, so most rows do).

use super::super::stream::Decoder;
use super::period::row_period;
use super::{MAX_FIELDS, Parser, SkipLast, census};
use crate::error::InputError;
use crate::load::canonical::Period;
use crate::load::cells::{Cell, parse_count};

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
        if let Some(((year, preliminary, period), count)) = self.skip_on_bytes(raw) {
            self.out.rows_read += 1;
            if let (Some(census), Some(last)) = (self.out.census.as_mut(), &self.skip_last) {
                census.year(year, preliminary);
                let at = (year, period);
                census.row(last.crime_hash, &last.region_code, at, count, line_no);
            }
            return Ok(());
        }
        self.line(line_no, decoder.decode(raw))?;
        self.learn_skip(raw);
        Ok(())
    }

    /// The year, period and count when `raw` is a well-formed row (year, quarter or month) of
    /// the last skipped crime type and region.
    fn skip_on_bytes(&self, raw: &[u8]) -> Option<((i32, bool, Period), Option<u64>)> {
        let (Some(col), Some(last)) = (self.columns, &self.skip_last) else {
            return None;
        };
        let mut cells: [&[u8]; MAX_FIELDS] = [&[]; MAX_FIELDS];
        let mut n = 0;
        for field in raw.split(|b| *b == b';') {
            if n < MAX_FIELDS {
                cells[n] = field;
            }
            n += 1;
        }
        if n < col.count || n > MAX_FIELDS {
            return None;
        }
        if cells[col.crime] != last.crime.as_slice()
            || cells[col.region] != last.region.as_slice()
            || cells[col.year] != last.year.as_slice()
        {
            return None;
        }
        let (year_cell, period_cell) = (ascii(cells[col.year])?, ascii(cells[col.period])?);
        // Read as the slow path reads them: a year in `Period` after the literal `År`, a
        // month, quarter or `Helår` after a year.
        let when = row_period(year_cell, period_cell).ok()?;
        match parse_count(ascii(cells[col.antal])?).ok()? {
            Cell::Value(v) => Some((when, Some(v))),
            Cell::Missing => Some((when, None)),
        }
    }

    /// After a row was read the slow way: when the filter skipped it, remember its raw cells.
    fn learn_skip(&mut self, raw: &[u8]) {
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
            let Some(region_code) = region_code else {
                return;
            };
            self.skip_last = Some(SkipLast {
                crime: crime.to_vec(),
                region: region.to_vec(),
                year: year.to_vec(),
                crime_hash: census::label_hash(label.as_bytes()),
                region_code,
            });
        }
    }
}

/// The text of an ASCII cell.
fn ascii(cell: &[u8]) -> Option<&str> {
    std::str::from_utf8(cell).ok().filter(|s| s.is_ascii())
}
