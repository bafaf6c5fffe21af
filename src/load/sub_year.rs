//! Whole years against their months and quarters, after the files are merged.
//!
//! A monthly export gives twelve months (and maybe `Helår`) per year; a yearly export gives
//! the year. The canonical table keeps every period; this step makes the yearly view whole:
//!
//! 1. a year with no yearly figure but all twelve months (or all four quarters) known gets the
//!    sum as its yearly figure, so a monthly export alone gives the same yearly totals as the
//!    yearly export;
//! 2. a yearly figure that differs from the sum of its months (or quarters), or a quarter that
//!    differs from its three months, is listed as a revision, never settled silently: the
//!    yearly figure is kept unless the months are final and it is preliminary, or the months
//!    come from a newer export (the merge rules of [`super::merge`]);
//! 3. a preliminary whole-year figure of a year that was still running when it was exported
//!    (the export date in the file name lies within the year) is the sum of the months
//!    published so far, not the year: it is left out of the yearly view and listed
//!    ([`PartialYear`]), so that eight months are never compared with whole years. (A file
//!    whose `Helår` rows come with months that stop before December is caught as it is read,
//!    in [`super::sol_long`].)

use super::canonical::{Observation, Period};
use super::merge;
use crate::error::InputError;
use crate::model::{Revision, SourceInfo};

/// The canonical table split into whole years and parts of years.
#[derive(Debug, Default)]
pub struct Reconciled {
    /// One figure per region, crime type and year (given, or the sum of its months).
    pub years: Vec<Observation>,
    /// Months and quarters, sorted by region, crime, year and period.
    pub sub_year: Vec<Observation>,
    /// Yearly figures that differ from the sum of their months or quarters.
    pub revisions: Vec<Revision>,
    /// Preliminary whole-year figures of years still running at export, left out of `years`.
    pub partial_years: Vec<PartialYear>,
}

/// A file's preliminary whole-year figures for a year that was not over when it was exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialYear {
    /// Index of the file in `Dataset::sources`.
    pub source: usize,
    /// The year.
    pub year: i32,
}

/// The periods of one region, crime type and year.
#[derive(Default)]
struct Group {
    year: Option<Observation>,
    parts: Vec<Observation>,
}

impl Group {
    /// True while the group has no row.
    fn is_empty(&self) -> bool {
        self.year.is_none() && self.parts.is_empty()
    }

    /// Takes in one more row of the group (a second yearly row replaces the first).
    fn push(&mut self, obs: Observation) {
        if obs.period == Period::Year {
            self.year = Some(obs);
        } else {
            self.parts.push(obs);
        }
    }
}

/// What rows are grouped on: region code, crime label, year.
fn key(o: &Observation) -> (&str, &str, i32) {
    (&o.region_code, &o.crime, o.year)
}

/// Splits merged observations into years and parts of years, filling and checking years.
///
/// The rows are taken group by group (region, crime type and year, in key order; within a
/// group in input order), each group settled as soon as it is whole. Merged observations come
/// sorted, so this is one pass that neither copies keys nor collects the groups first
/// (anything else is sorted first, stably).
pub fn reconcile(
    mut observations: Vec<Observation>,
    sources: &[SourceInfo],
    order: &[String],
) -> Result<Reconciled, InputError> {
    let (mut starts, sorted) = group_starts(&observations);
    if !sorted {
        observations.sort_by(|a, b| key(a).cmp(&key(b)));
        starts = group_starts(&observations).0;
    }
    let whole = observations
        .iter()
        .filter(|o| o.period == Period::Year)
        .count();
    let mut out = Reconciled {
        years: Vec::with_capacity(whole),
        sub_year: Vec::with_capacity(observations.len() - whole),
        ..Reconciled::default()
    };
    let mut group = Group::default();
    for (i, obs) in observations.into_iter().enumerate() {
        if starts[i] && !group.is_empty() {
            settle(std::mem::take(&mut group), sources, order, &mut out)?;
        }
        // A yearly row alone in its group (every row of a yearly export) goes straight to
        // `out`, as `settle` would put it, without the moves in and out of a group.
        let alone = starts[i] && starts.get(i + 1).is_none_or(|next| *next);
        if alone && obs.period == Period::Year {
            settle_year(obs, sources, &mut out);
            continue;
        }
        group.push(obs);
    }
    if !group.is_empty() {
        settle(group, sources, order, &mut out)?;
    }
    out.partial_years.sort();
    out.partial_years.dedup();
    Ok(out)
}

/// For each row, true when its key differs from the row before (it starts a group); and
/// whether the rows are sorted by key. One comparison of each row with the one before tells
/// both.
fn group_starts(rows: &[Observation]) -> (Vec<bool>, bool) {
    let mut starts = Vec::with_capacity(rows.len());
    starts.extend(rows.first().map(|_| true));
    let mut sorted = true;
    for pair in rows.windows(2) {
        let order = key(&pair[0]).cmp(&key(&pair[1]));
        starts.push(order.is_ne());
        sorted &= order.is_le();
    }
    (starts, sorted)
}

/// Puts one group's yearly figure (given, or the sum of its parts) and its parts into `out`,
/// with the revisions and the partial year it gives rise to.
fn settle(
    mut group: Group,
    sources: &[SourceInfo],
    order: &[String],
    out: &mut Reconciled,
) -> Result<(), InputError> {
    // A group of a yearly row alone: nothing to sum or check.
    if group.parts.is_empty() {
        if let Some(year) = group.year {
            settle_year(year, sources, out);
        }
        return Ok(());
    }
    if let Some(year) = &group.year
        && let Some(partial) = running_year(year, sources)
    {
        out.partial_years.push(partial);
        group.year = None;
    }
    group.parts.sort_by_key(|o| o.period);
    for q in 1..=4 {
        let quarter = group.parts.iter().find(|o| o.period == Period::Quarter(q));
        if let (Some(quarter), Some(sum)) = (quarter, sum_of(&group.parts, Period::Quarter(q)))
            && quarter.count != sum.count
        {
            out.revisions.push(revision(&sum, quarter, sources));
        }
    }
    let sum = sum_of(&group.parts, Period::Year);
    let year = match (group.year, sum) {
        (None, sum) => sum,
        (Some(year), None) => Some(year),
        // Same count: a final sum of months settles a preliminary yearly figure.
        (Some(year), Some(sum)) if year.count == sum.count => {
            Some(if year.preliminary && !sum.preliminary {
                sum
            } else {
                year
            })
        }
        (Some(year), Some(sum)) => {
            let sum_wins = if year.preliminary != sum.preliminary {
                year.preliminary
            } else if year.source != sum.source {
                merge::newer(
                    sources,
                    order,
                    year.source,
                    sum.source,
                    &year.region_name,
                    &year.crime,
                    year.year,
                )?
            } else {
                false
            };
            let (old, new) = if sum_wins { (year, sum) } else { (sum, year) };
            out.revisions.push(revision(&old, &new, sources));
            Some(new)
        }
    };
    out.years.extend(year);
    out.sub_year.extend(group.parts);
    Ok(())
}

/// Puts the yearly row of a group without parts into `out`: into the yearly view, or set
/// aside as the partial year of a year still running at export.
fn settle_year(year: Observation, sources: &[SourceInfo], out: &mut Reconciled) {
    match running_year(&year, sources) {
        Some(partial) => out.partial_years.push(partial),
        None => out.years.push(year),
    }
}

/// `Some` when `year` is a preliminary whole-year figure from a file exported before the year
/// ended (by the date in its file name).
fn running_year(year: &Observation, sources: &[SourceInfo]) -> Option<PartialYear> {
    if !year.preliminary {
        return None;
    }
    let exported = sources.get(year.source)?.export_date.as_deref()?;
    let exported: i32 = exported.get(..4)?.parse().ok()?;
    (exported <= year.year).then_some(PartialYear {
        source: year.source,
        year: year.year,
    })
}

/// The sum over the months of `period` (or, for a year without all months, its quarters),
/// as one observation; `None` unless every part is present with a count.
fn sum_of(parts: &[Observation], period: Period) -> Option<Observation> {
    let months: Vec<&Observation> = period
        .months()
        .filter_map(|m| parts.iter().find(|o| o.period == Period::Month(m)))
        .collect();
    let quarters: Vec<&Observation> = (1..=4)
        .filter_map(|q| parts.iter().find(|o| o.period == Period::Quarter(q)))
        .collect();
    let complete =
        |v: &[&Observation], n: usize| v.len() == n && v.iter().all(|o| o.count.is_some());
    let used = if complete(&months, period.months().count()) {
        months
    } else if period == Period::Year && complete(&quarters, 4) {
        quarters
    } else {
        return None;
    };
    let last = used.last()?;
    Some(Observation {
        period,
        preliminary: used.iter().any(|o| o.preliminary),
        count: Some(used.iter().filter_map(|o| o.count).sum()),
        source: used.iter().map(|o| o.source).max().unwrap_or(last.source),
        line: used[0].line,
        ..(*last).clone()
    })
}

/// A revision between two figures of the same region, crime type and period, where `old` may
/// be a sum of parts (its file then names the parts).
fn revision(old: &Observation, new: &Observation, sources: &[SourceInfo]) -> Revision {
    let show = |o: &Observation| {
        let v = o.count.map_or("..".to_owned(), |c| c.to_string());
        if o.preliminary {
            format!("{v} (prel.)")
        } else {
            v
        }
    };
    let file = |o: &Observation| {
        sources
            .get(o.source)
            .map(|s| s.file.clone())
            .unwrap_or_default()
    };
    Revision {
        region: new.region_name.clone(),
        crime: new.crime.clone(),
        year: new.year,
        period: Some(new.period.label(new.year)),
        old_value: show(old),
        new_value: show(new),
        old_file: file(old),
        new_file: file(new),
        from_parts: true,
    }
}

#[cfg(test)]
#[path = "sub_year_tests.rs"]
mod tests;
