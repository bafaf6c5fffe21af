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

/// Splits merged observations into years and parts of years, filling and checking years.
pub fn reconcile(
    observations: Vec<Observation>,
    sources: &[SourceInfo],
    order: &[String],
) -> Result<Reconciled, InputError> {
    let groups = groups(observations);
    let mut out = Reconciled::default();
    for mut group in groups {
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
    }
    out.partial_years.sort();
    out.partial_years.dedup();
    Ok(out)
}

/// The observations grouped by region, crime type and year, in key order; within a group in
/// input order. Merged observations come sorted, so this is one pass without copying keys
/// (anything else is sorted first, stably).
fn groups(mut observations: Vec<Observation>) -> Vec<Group> {
    fn key(o: &Observation) -> (&str, &str, i32) {
        (&o.region_code, &o.crime, o.year)
    }
    if !observations.is_sorted_by(|a, b| key(a) <= key(b)) {
        observations.sort_by(|a, b| key(a).cmp(&key(b)));
    }
    let mut groups: Vec<Group> = Vec::new();
    for obs in observations {
        let member = |g: &Group| g.year.as_ref().or(g.parts.first()).map(key) == Some(key(&obs));
        if !groups.last().is_some_and(member) {
            groups.push(Group::default());
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        if obs.period == Period::Year {
            group.year = Some(obs);
        } else {
            group.parts.push(obs);
        }
    }
    groups
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
