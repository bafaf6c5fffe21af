//! Yearly figures for one area and region: count, population, rate per 100 000 and the exact
//! (Garwood) intervals of count and rate at `thresholds::LEVEL`.

use super::sums::AreaYear;
// The intervals use the one confidence level of the analysis (`thresholds::LEVEL`).
use super::thresholds::LEVEL;
use crate::config::SeriesBreak;
use crate::load::canonical::Observation;
use crate::model::{AreaSummary, YearFigures};
use crate::notes::Warning;
use crate::regions::{Level, Region};
use crate::stats::poisson::{garwood_interval, rate_per_100k};

/// The figures of one aggregated row, named after `region`.
pub fn figures(row: &AreaYear, region: &Region) -> YearFigures {
    let count_ci = row.count.map(|c| {
        let (lo, hi) = garwood_interval(c, LEVEL);
        [lo, hi]
    });
    let pop = row.population.filter(|p| *p > 0).map(|p| p as f64);
    let rate = match (row.count, pop) {
        (Some(c), Some(p)) => rate_per_100k(c as f64, p),
        _ => None,
    };
    let rate_ci = match (count_ci, pop) {
        (Some([lo, hi]), Some(p)) => Some([lo / p * 1e5, hi / p * 1e5]),
        _ => None,
    };
    YearFigures {
        level: row.level,
        region_code: row.region_code.clone(),
        region_name: region.name.clone(),
        year: row.year,
        preliminary: row.preliminary,
        count: row.count,
        population: row.population,
        rate_per_100k: rate,
        count_ci,
        rate_ci,
        pooled_rate: None,
        pooled_rate_ci: None,
        pooled_rate_break: None,
        index: None,
        partial: false,
        by_crime: Vec::new(),
    }
}

/// The pledge kommun's count per crime type in `year`, in the order of `crimes`.
pub fn by_crime(
    obs: &[Observation],
    region_code: &str,
    year: i32,
    crimes: &[String],
) -> Vec<Option<u64>> {
    crimes
        .iter()
        .map(|crime| {
            obs.iter()
                .find(|o| o.region_code == region_code && o.year == year && &o.crime == crime)
                .and_then(|o| o.count)
        })
        .collect()
}

/// Fills the pooled 3-year rates and the baseline index of one region's years (sorted by year).
/// Years before `comparable_from` (the area's `trend_from`: before it the series counts other
/// things) get no index. `breaks` are the series breaks that affect the series: a splitting
/// one inside the three pooled years leaves the pooled rate out, with its date recorded in
/// `pooled_rate_break`, since the average would mix two ways of counting.
pub fn derive(
    years: &mut [YearFigures],
    baseline: [i32; 2],
    comparable_from: Option<i32>,
    breaks: &[&SeriesBreak],
) {
    let known: Vec<Option<(u64, u64)>> = years
        .iter()
        .map(|y| y.count.zip(y.population.filter(|p| *p > 0)))
        .collect();
    for i in 1..years.len().saturating_sub(1) {
        let window = [known[i - 1], known[i], known[i + 1]];
        let consecutive = years[i + 1].year - years[i - 1].year == 2;
        if !consecutive {
            continue;
        }
        if let Some(b) = splitting_break(breaks, years[i - 1].year, years[i + 1].year) {
            years[i].pooled_rate_break = Some(b.date_text());
            continue;
        }
        if let [Some(a), Some(b), Some(c)] = window {
            let (count, pop) = (a.0 + b.0 + c.0, (a.1 + b.1 + c.1) as f64);
            let (lo, hi) = garwood_interval(count, LEVEL);
            years[i].pooled_rate = rate_per_100k(count as f64, pop);
            years[i].pooled_rate_ci = Some([lo / pop * 1e5, hi / pop * 1e5]);
        }
    }
    let (mut count, mut pop) = (0u64, 0u64);
    for (y, k) in years.iter().zip(&known) {
        if let (true, Some((c, p))) = (y.year >= baseline[0] && y.year <= baseline[1], k) {
            count += c;
            pop += p;
        }
    }
    if count > 0 && pop > 0 {
        let base = count as f64 / pop as f64 * 1e5;
        for y in years
            .iter_mut()
            .filter(|y| comparable_from.is_none_or(|f| y.year >= f))
        {
            y.index = y.rate_per_100k.map(|r| r / base * 100.0);
        }
    }
}

/// The latest splitting break whose first whole year lies after `first` and no later than
/// `last`: the years `first..=last` were not all counted the same way.
fn splitting_break<'a>(
    breaks: &[&'a SeriesBreak],
    first: i32,
    last: i32,
) -> Option<&'a SeriesBreak> {
    breaks
        .iter()
        .copied()
        .filter(|b| b.splits_trend && first < b.first_clean_year() && b.first_clean_year() <= last)
        .max_by_key(|b| b.date)
}

/// Missing years and missing populations of the kommun in one area.
pub fn warnings(area: &AreaSummary, region: &str) -> Vec<Warning> {
    let kommun: Vec<&YearFigures> = area
        .years
        .iter()
        .filter(|y| y.level == Level::Kommun)
        .collect();
    let with_data: Vec<i32> = kommun
        .iter()
        .filter(|y| y.count.is_some())
        .map(|y| y.year)
        .collect();
    let mut out = Vec::new();
    if let (Some(first), Some(last)) = (with_data.first(), with_data.last()) {
        for year in (*first..*last).filter(|y| !with_data.contains(y)) {
            out.push(Warning::MissingYear {
                area: area.id.clone(),
                region: region.to_owned(),
                year,
                first: *first,
                last: *last,
            });
        }
    }
    for y in kommun
        .iter()
        .filter(|y| y.count.is_some() && y.population.is_none())
    {
        out.push(Warning::MissingPopulation {
            area: area.id.clone(),
            region: region.to_owned(),
            year: y.year,
        });
    }
    out
}

#[cfg(test)]
#[path = "yearly_tests.rs"]
mod tests;
