//! `validate`'s duplicate check of rows no area uses: the census found two lines whose key
//! hashes agree and counts differ; the two lines are read again and compared as text, so a
//! hash collision is never reported and a real duplicate is named exactly like a kept one.

use super::super::stream::{self, Decoder};
use super::super::text::Encoding;
use super::period::{canonical_crime, row_period};
use super::{MAX_FIELDS, Parser, split_fields};
use crate::error::InputError;
use crate::load::canonical::Period;
use std::collections::BTreeSet;

/// At most this many suspected duplicates are read again (each is a real one unless two keys
/// share a 64-bit hash).
const CHECKED: usize = 1_000;

impl Parser<'_> {
    /// The error for the first crime type, region, year and period (among rows the filter skipped)
    /// given twice with different counts; `encoding` is the file's.
    pub fn check_skipped_duplicates(&mut self, encoding: Encoding) -> Result<(), InputError> {
        let Some(census) = self.out.census.as_mut() else {
            return Ok(());
        };
        let conflicts: Vec<_> = census.conflicts().into_iter().take(CHECKED).collect();
        if conflicts.is_empty() {
            return Ok(());
        }
        let wanted: BTreeSet<usize> = conflicts.iter().flat_map(|c| [c.first, c.second]).collect();
        let lines = stream::read_lines(&self.path, &wanted)?;
        let mut decoder = Decoder::new(encoding);
        for c in conflicts {
            let (Some(a), Some(b)) = (lines.get(&c.first), lines.get(&c.second)) else {
                continue;
            };
            // Both lines decoded once already (a line that does not stopped the read).
            let first = decoder.decode(a).ok().and_then(|t| self.key_of(t));
            let second = decoder.decode(b).ok().and_then(|t| self.key_of(t));
            if let (Some(first), Some(second)) = (first, second)
                && first.0 == second.0
                && first.1 != second.1
            {
                let ((_, name, crime, year, period), count) = (first.0, first.1);
                let when = period.label(year);
                return Err(self.duplicate(c.second, &name, &crime, when, count, c.first, second.1));
            }
        }
        Ok(())
    }

    /// A row's key (region code, region name, crime, year, period) and count, `None` for
    /// anything else.
    #[allow(clippy::type_complexity)]
    fn key_of(&self, line: &str) -> Option<((String, String, String, i32, Period), Option<u64>)> {
        let col = self.columns?;
        let mut cells = [""; MAX_FIELDS];
        let fields = split_fields(line, &mut cells);
        let get = |i: usize| cells[..fields.min(MAX_FIELDS)].get(i).copied();
        let (year, _, period) = row_period(get(col.year)?, get(col.period)?).ok()?;
        let region = self.regions.resolve(get(col.region)?)?;
        let count = self.count(0, get(col.count_col)?).ok()?;
        let crime = canonical_crime(get(col.crime)?).to_owned();
        let key = (region.code, region.name, crime, year, period);
        Some((key, count))
    }
}
