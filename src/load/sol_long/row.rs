//! One data row of a SOL long export: its period, its region (cached: exports repeat one region
//! for thousands of rows) and, for a row an area uses, its observation.

use super::{Parser, period};
use crate::error::InputError;
use crate::load::canonical::{Observation, Period};
use crate::load::region_cell::unknown_region_at;
use crate::regions::Region;

impl Parser<'_> {
    /// Checks every cell of a row; only rows to `keep` become observations.
    pub(super) fn row(
        &mut self,
        line_no: usize,
        cells: &[&str],
        keep: bool,
    ) -> Result<(), InputError> {
        let Some(col) = self.columns else {
            return Ok(());
        };
        let get = |i: usize| cells.get(i).copied().unwrap_or("");
        let at = period::row_period(get(col.year), get(col.period)).map_err(|e| {
            let (column, cell) = if e.in_period_cell() {
                (col.period, get(col.period))
            } else {
                (col.year, get(col.year))
            };
            InputError::at(&self.path, line_no, Some(column + 1), e.problem())
                .value(cell)
                .expected(e.expected())
        })?;
        let label = get(col.region);
        match self.row_region(line_no, col.region + 1, label, keep)? {
            Some(region) => self.keep_row(line_no, cells, region, at),
            None => self.skipped(line_no, get(col.crime), label, at, get(col.count_col)),
        }
    }

    /// The region of a row to keep; `None` for a row to skip (its region label is still
    /// checked, once per label). The last label and every resolved one are cached: exports
    /// repeat one region for thousands of rows.
    fn row_region(
        &mut self,
        line_no: usize,
        column: usize,
        label: &str,
        keep: bool,
    ) -> Result<Option<Region>, InputError> {
        let same = self.last_region.as_ref().is_some_and(|(l, _)| l == label);
        if same && !keep {
            return Ok(None);
        }
        let cached = if same {
            self.last_region.as_ref().map(|(_, r)| r)
        } else {
            self.region_cache.get(label)
        };
        let region = match cached {
            Some(_) if !keep => {
                self.remember_region(label);
                return Ok(None);
            }
            Some(r) => r.clone(),
            None => {
                let r = self.regions.resolve(label).ok_or_else(|| {
                    unknown_region_at(&self.path, line_no, column, label, self.regions)
                })?;
                self.region_cache.insert(label.to_owned(), r.clone());
                r
            }
        };
        if !same {
            self.remember_region(label);
        }
        Ok(keep.then_some(region))
    }

    /// A row kept: its count becomes an observation, unless the file gave the same key before
    /// (the same count is an exact duplicate, dropped; another count is an error).
    fn keep_row(
        &mut self,
        line_no: usize,
        cells: &[&str],
        region: Region,
        (year, preliminary, period): (i32, bool, Period),
    ) -> Result<(), InputError> {
        let Some(col) = self.columns else {
            return Ok(());
        };
        let get = |i: usize| cells.get(i).copied().unwrap_or("");
        let count = self.count(line_no, get(col.count_col))?;
        let crime = period::canonical_crime(get(col.crime)).to_owned();
        let key = (region.code.clone(), crime.clone(), year, period);
        if let Some((previous, line)) = self.seen.get(&key) {
            if *previous != count {
                let shown = previous.map_or("..".to_owned(), |c| c.to_string());
                return Err(InputError::at(
                    &self.path,
                    line_no,
                    Some(col.count_col + 1),
                    crate::load::cells::seen_twice(
                        &format!("{} / {crime} / {}", region.name, period.label(year)),
                        "counts",
                        *line,
                        Some(&shown),
                    ),
                )
                .value(get(col.count_col))
                .expected("each region, crime type and year once per file"));
            }
            return Ok(());
        }
        self.seen.insert(key, (count, line_no));
        if period == Period::Year && !get(col.year).trim().eq_ignore_ascii_case("År") {
            self.out.helar_lines.insert(line_no);
        }
        self.out.observations.push(Observation {
            region_code: region.code,
            region_name: region.name,
            level: region.level,
            crime,
            year,
            period,
            preliminary,
            count,
            source: self.source,
            line: line_no,
            derived: false,
        });
        Ok(())
    }
}
