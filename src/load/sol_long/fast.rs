//! The fast path for rows of crime types no area uses: checked on their raw bytes and
//! skipped without being decoded, when they repeat the last skipped row's crime type,
//! region and year cell (exports come sorted, so most rows do).

use super::super::stream::Decoder;
use super::period::sub_period;
use super::{MAX_FIELDS, Parser};
use crate::error::InputError;
use crate::load::cells::{parse_count, parse_year};

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
        if self.skip_on_bytes(raw) {
            self.out.rows_read += 1;
            return Ok(());
        }
        self.line(line_no, decoder.decode(raw))?;
        self.learn_skip(raw);
        Ok(())
    }

    /// True when `raw` is a well-formed row (year, quarter or month) of the last skipped crime type
    /// and region.
    fn skip_on_bytes(&self, raw: &[u8]) -> bool {
        let (Some(col), Some((crime, region, year))) = (self.columns, &self.skip_last) else {
            return false;
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
            return false;
        }
        if cells[col.crime] != crime.as_slice()
            || cells[col.region] != region.as_slice()
            || cells[col.year] != year.as_slice()
        {
            return false;
        }
        let (Some(period), Some(count)) = (ascii(cells[col.period]), ascii(cells[col.antal]))
        else {
            return false;
        };
        // The period must fit the year cell as the slow path reads it: a year in `Period`
        // after the literal `År`, a month, quarter or `Helår` after a year.
        let period_ok = match ascii(cells[col.year]).and_then(parse_year) {
            Some(_) => period.is_empty() || sub_period(period).is_some(),
            None => parse_year(period).is_some(),
        };
        period_ok && parse_count(count).is_ok()
    }

    /// After a row was read the slow way: when the filter skipped it, remember its raw cells.
    fn learn_skip(&mut self, raw: &[u8]) {
        let skipped = self
            .filter
            .as_ref()
            .and_then(|f| f.last.as_ref())
            .is_some_and(|(_, keep)| !keep);
        let Some(col) = self.columns.filter(|_| skipped) else {
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
        if plain(crime) && plain(region) && (year.is_empty() || plain(year)) {
            self.skip_last = Some((crime.to_vec(), region.to_vec(), year.to_vec()));
        }
    }
}

/// The text of an ASCII cell.
fn ascii(cell: &[u8]) -> Option<&str> {
    std::str::from_utf8(cell).ok().filter(|s| s.is_ascii())
}
