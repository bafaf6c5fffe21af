//! Runs of kept rows read without decoding: after a row an area uses, the next rows of the
//! same region and crime type (the next years) start with the same bytes, so only their
//! period and count are read from the bytes; the region, label and checks of the first row
//! hold for them. Anything unusual, and any key seen before, is left to the line reader.

use super::Parser;
use super::tail::{Tail, row_tail, starts_with, year_cell};
use crate::load::canonical::{Observation, Period};
use crate::load::cells::{Cell, count_cell};
use crate::regions::Level;

/// The last row kept the slow way, when its first three cells are region, crime and year and
/// its year cell is `År` (the year is in `Period`).
#[derive(Clone)]
pub(super) struct KeepLast {
    /// Its bytes through the `;` after the year cell.
    prefix: Vec<u8>,
    region_code: String,
    region_name: String,
    level: Level,
    crime: String,
}

impl Parser<'_> {
    /// Keeps the lines at the start of `bytes` (the first numbered `line_no`) that start with
    /// the last kept row's prefix and read as a year in `Period` and a count or `..`, as
    /// [`Parser::line_raw`] would keep them; stops at anything else and at a key the file gave
    /// before (the line reader then drops the duplicate or words the error). The bytes and
    /// lines taken.
    pub(super) fn keep_run(&mut self, bytes: &[u8], line_no: usize) -> (usize, usize) {
        let (Some(col), Some(keep)) = (self.columns, self.keep_last.as_ref()) else {
            return (0, 0);
        };
        let (mut at, mut lines) = (0, 0);
        while let Some(line) = bytes.get(at..)
            && starts_with(line, &keep.prefix)
            && let Some(Tail {
                length,
                period,
                count,
            }) = row_tail(&line[keep.prefix.len()..], col)
            && let Some(year) = year_cell(period)
            && let Ok(count) = count_cell(count)
        {
            let key = (
                keep.region_code.clone(),
                keep.crime.clone(),
                year,
                Period::Year,
            );
            if self.seen.contains_key(&key) {
                break;
            }
            let count = match count {
                Cell::Value(v) => Some(v),
                Cell::Missing => None,
            };
            self.seen.insert(key, (count, line_no + lines));
            self.out.observations.push(Observation {
                region_code: keep.region_code.clone(),
                region_name: keep.region_name.clone(),
                level: keep.level,
                crime: keep.crime.clone(),
                year,
                period: Period::Year,
                preliminary: period.len() > 4,
                count,
                source: self.source,
                line: line_no + lines,
                derived: false,
            });
            at += keep.prefix.len() + length;
            lines += 1;
        }
        if lines > 0 {
            self.out.rows_read += lines;
            self.skipped_row = false;
        }
        (at, lines)
    }

    /// After a row was read the slow way (`raw`, decoded as `text`): when it became the
    /// observation `kept` with its year in `Period`, the rows after it with the same prefix
    /// are kept on their bytes ([`Parser::keep_run`]).
    pub(super) fn learn_keep(&mut self, raw: &[u8], text: &str, kept: bool) {
        let Some(col) = self
            .columns
            .filter(|c| (c.region, c.crime, c.year) == (0, 1, 2))
        else {
            return;
        };
        let year_cell = text.split(';').nth(col.year).map(super::clean);
        let Some(o) = self.out.observations.last().filter(|o| {
            kept && o.period == Period::Year
                && year_cell.is_some_and(|y| y.eq_ignore_ascii_case("År"))
        }) else {
            return;
        };
        let Some(end) = super::fast::prefix_end(raw, col) else {
            return;
        };
        self.keep_last = Some(KeepLast {
            prefix: raw[..end].to_vec(),
            region_code: o.region_code.clone(),
            region_name: o.region_name.clone(),
            level: o.level,
            crime: o.crime.clone(),
        });
    }
}
