//! The monthly (or quarterly) follow-up of one area: the series, year to date against the
//! same months of the baseline years, the interrupted time series around the pledge's start
//! (statistics.md §8g) and the control chart (§6). Every decision is recorded in
//! [`Monthly`]; the renderers only word it.

mod control;
pub mod series;

use crate::config::Pledge;
use crate::load::Dataset;
use crate::model::monthly::{Grain, Its, Monthly, MonthlyNote, PeriodPoint, YearToDate};
use crate::regions::{Region, Regions};
use crate::stats::its::{MIN_AFTER, MIN_BEFORE, fit_its, fit_year_to_date};
use std::collections::BTreeMap;

/// The monthly block of one area at `grain` (already checked against the data).
pub fn monthly(
    data: &Dataset,
    pledge: &Pledge,
    regions: &Regions,
    crimes: &[String],
    grain: Grain,
) -> Monthly {
    let mut out = Monthly::empty(grain);
    out.first_pledge_month = pledge.signed.map(|(y, m)| {
        if m == 12 {
            format!("{}-01", y + 1)
        } else {
            format!("{y}-{:02}", m + 1)
        }
    });
    if grain == Grain::Year {
        out.notes.push(MonthlyNote::NoSubYearData);
        return out;
    }
    let pop = series::population_by_year(&data.population, &pledge.region, &[]);
    let points = series::points(&data.sub_year, &pledge.region, crimes, grain, &pop);
    if points.iter().all(|p| p.count.is_none()) {
        out.notes.push(MonthlyNote::NoSubYearData);
        return out;
    }
    out.notes.push(MonthlyNote::PopulationFromYear);
    let known: Vec<&PeriodPoint> = points.iter().filter(|p| p.count.is_some()).collect();
    out.latest = known.last().map(|p| p.label());
    out.preliminary_from = points
        .iter()
        .find(|p| p.preliminary)
        .map(PeriodPoint::label);
    if let Some(last) = known.last()
        && let Some((_, from)) = series::population_for(&pop, last.year)
        && from != last.year
    {
        out.notes.push(MonthlyNote::PopulationCarried {
            year: last.year,
            from,
        });
    }
    let start = pledge.signed.map(|(y, m)| i64::from(y) * 12 + i64::from(m));
    out.year_to_date = year_to_date(&points, &pop, pledge.baseline, grain, &mut out.notes);
    out.its = its(&points, pledge, grain, &mut out.notes);
    out.control = control::control(&points, grain, start);
    if out.control.as_ref().is_some_and(|c| c.grain != grain) {
        out.notes.push(MonthlyNote::ControlByQuarter);
    }
    out.comparison = comparison(data, pledge, regions, crimes, grain);
    out.points = points;
    out
}

/// The police region's series when the export has it, else the county's.
fn comparison(
    data: &Dataset,
    pledge: &Pledge,
    regions: &Regions,
    crimes: &[String],
    grain: Grain,
) -> Vec<PeriodPoint> {
    let candidates: Vec<(Region, Vec<&str>)> = regions
        .police_region_of(&pledge.region.code)
        .map(|r| {
            let counties = regions.police_region_counties(&r.code).to_vec();
            (r, counties)
        })
        .into_iter()
        .chain(std::iter::once((pledge.county.clone(), Vec::new())))
        .collect();
    for (region, counties) in candidates {
        if series::finest(&data.sub_year, &region.code) >= grain {
            let pop = series::population_by_year(&data.population, &region, &counties);
            return series::points(&data.sub_year, &region, crimes, grain, &pop);
        }
    }
    Vec::new()
}

/// The running year's periods so far against the same periods of the baseline years.
fn year_to_date(
    points: &[PeriodPoint],
    pop: &BTreeMap<i32, u64>,
    baseline: [i32; 2],
    grain: Grain,
    notes: &mut Vec<MonthlyNote>,
) -> Option<YearToDate> {
    let index = |p: &PeriodPoint| p.month.or(p.quarter).unwrap_or(1);
    let last = points.iter().rfind(|p| p.count.is_some())?;
    let (year, upto) = (last.year, index(last));
    if upto == grain.per_year() || year <= baseline[1] {
        notes.push(MonthlyNote::LatestYearComplete);
        return None;
    }
    let sum = |y: i32| -> Option<u64> {
        let parts: Vec<u64> = points
            .iter()
            .filter(|p| p.year == y && index(p) <= upto)
            .filter_map(|p| p.count)
            .collect();
        (parts.len() == usize::from(upto)).then(|| parts.iter().sum())
    };
    let mut counts = Vec::new();
    let mut pops = Vec::new();
    for y in (baseline[0]..=baseline[1]).chain(std::iter::once(year)) {
        let (Some(c), Some((p, _))) = (sum(y), series::population_for(pop, y)) else {
            notes.push(MonthlyNote::BaselineMonthsMissing);
            return None;
        };
        counts.push(c as f64);
        pops.push(p as f64);
    }
    let running: Vec<bool> = (0..counts.len()).map(|i| i + 1 == counts.len()).collect();
    let fit = fit_year_to_date(&counts, &pops, &running);
    if fit.is_none() {
        notes.push(MonthlyNote::NotFitted);
    }
    let label = |i: u8| match grain {
        Grain::Quarter => format!("Q{i}"),
        _ => format!("{i:02}"),
    };
    Some(YearToDate {
        months: [label(1), label(upto)],
        year,
        baseline,
        count: counts.last().copied().unwrap_or(0.0) as u64,
        baseline_count: counts[..counts.len() - 1].iter().sum::<f64>() as u64,
        rate_ratio: fit.as_ref().map(|f| f.rate_ratio),
        ci_low: fit.as_ref().map(|f| f.ci.0),
        ci_high: fit.as_ref().map(|f| f.ci.1),
        p_value: fit.as_ref().map(|f| f.p_value),
        dispersion: fit.and_then(|f| f.dispersion),
    })
}

/// The interrupted time series, or a note on what is missing.
fn its(
    points: &[PeriodPoint],
    pledge: &Pledge,
    grain: Grain,
    notes: &mut Vec<MonthlyNote>,
) -> Option<Its> {
    let Some((sy, sm)) = pledge.signed else {
        notes.push(MonthlyNote::NoSignedMonth);
        return None;
    };
    if grain != Grain::Month {
        notes.push(MonthlyNote::ItsNeedsMonths);
        return None;
    }
    let known: Vec<&PeriodPoint> = points.iter().filter(|p| p.count.is_some()).collect();
    let first = series::month_index(known.first()?);
    let t0 = i64::from(sy) * 12 + i64::from(sm) - first;
    let t: Vec<f64> = known
        .iter()
        .map(|p| (series::month_index(p) - first) as f64)
        .collect();
    let before = t.iter().filter(|t| **t < t0 as f64).count();
    let after = t.len() - before;
    if before < MIN_BEFORE || after < MIN_AFTER {
        notes.push(MonthlyNote::TooFewMonths {
            before,
            after,
            more_before: MIN_BEFORE.saturating_sub(before),
            more_after: MIN_AFTER.saturating_sub(after),
        });
        return None;
    }
    let y: Vec<f64> = known
        .iter()
        .filter_map(|p| p.count)
        .map(|c| c as f64)
        .collect();
    // Population per month is the year's figure; without one the offset is left out.
    let offset: Vec<f64> = if known.iter().all(|p| p.population.is_some_and(|p| p > 0)) {
        known
            .iter()
            .filter_map(|p| p.population)
            .map(|p| (p as f64).ln())
            .collect()
    } else {
        vec![0.0; y.len()]
    };
    let Some(fit) = fit_its(&t, &y, &offset, t0 as f64) else {
        notes.push(MonthlyNote::NotFitted);
        return None;
    };
    Some(Its {
        signed: format!("{sy}-{sm:02}"),
        months_before: before,
        months_after: after,
        level_change: fit.level_change,
        ci_low: fit.level_ci.0,
        ci_high: fit.level_ci.1,
        slope_change_per_month: fit.slope_change,
        dispersion: fit.fit.dispersion,
        p_value: fit.level_p,
    })
}
