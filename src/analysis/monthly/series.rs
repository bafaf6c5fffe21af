//! One region's monthly or quarterly series for one area: the sum over the area's crime
//! types per period, with the year's population for every period of it.

use crate::analysis::thresholds::LEVEL;
use crate::load::canonical::{Observation, Period, PopulationRow};
use crate::model::monthly::{Grain, PeriodPoint};
use crate::regions::{Level, Region};
use crate::stats::poisson::{garwood_interval, rate_per_100k};
use std::collections::BTreeMap;

/// The finest grain the data has for a region: month, quarter or year.
pub fn finest(sub_year: &[Observation], region_code: &str) -> Grain {
    let own = sub_year.iter().filter(|o| o.region_code == region_code);
    let mut grain = Grain::Year;
    for o in own {
        match o.period {
            Period::Month(_) => return Grain::Month,
            Period::Quarter(_) => grain = Grain::Quarter,
            Period::Year => {}
        }
    }
    grain
}

/// (year, index within the year) → (preliminary, count): the sum over `crimes`, `None` when
/// every type is `..`. Quarters come from quarter rows, else from three known months.
fn sums(
    sub_year: &[Observation],
    region_code: &str,
    crimes: &[String],
    grain: Grain,
) -> BTreeMap<(i32, u8), (bool, Option<u64>)> {
    let mut months: BTreeMap<(i32, u8), (bool, Option<u64>)> = BTreeMap::new();
    let mut quarters = months.clone();
    for o in sub_year
        .iter()
        .filter(|o| o.region_code == region_code && crimes.contains(&o.crime))
    {
        let (map, i) = match o.period {
            Period::Month(m) => (&mut months, m),
            Period::Quarter(q) => (&mut quarters, q),
            Period::Year => continue,
        };
        let e = map.entry((o.year, i)).or_insert((false, None));
        e.0 |= o.preliminary;
        if let Some(c) = o.count {
            e.1 = Some(e.1.unwrap_or(0) + c);
        }
    }
    if grain == Grain::Month {
        return months;
    }
    let years: Vec<i32> = months.keys().map(|k| k.0).collect();
    for year in years {
        for q in 1..=4u8 {
            let parts: Vec<_> = Period::Quarter(q)
                .months()
                .filter_map(|m| months.get(&(year, m)))
                .collect();
            if parts.len() == 3
                && parts.iter().all(|p| p.1.is_some())
                && !quarters.contains_key(&(year, q))
            {
                let prel = parts.iter().any(|p| p.0);
                let count = parts.iter().filter_map(|p| p.1).sum();
                quarters.insert((year, q), (prel, Some(count)));
            }
        }
    }
    quarters
}

/// The population of `region` by year: its own rows, or for a police region the sum of its
/// counties (only when every county is known).
pub fn population_by_year(
    population: &[PopulationRow],
    region: &Region,
    counties: &[&str],
) -> BTreeMap<i32, u64> {
    let mut out = BTreeMap::new();
    if region.level != Level::PoliceRegion {
        for p in population.iter().filter(|p| p.region_code == region.code) {
            out.insert(p.year, p.population);
        }
        return out;
    }
    let mut by_year: BTreeMap<i32, Vec<u64>> = BTreeMap::new();
    for p in population
        .iter()
        .filter(|p| counties.contains(&p.region_code.as_str()))
    {
        by_year.entry(p.year).or_default().push(p.population);
    }
    for (year, pops) in by_year {
        if pops.len() == counties.len() {
            out.insert(year, pops.iter().sum());
        }
    }
    out
}

/// The population for `year`: its own, else the latest earlier year's (returned as `from`).
pub fn population_for(pop: &BTreeMap<i32, u64>, year: i32) -> Option<(u64, i32)> {
    pop.range(..=year).next_back().map(|(y, p)| (*p, *y))
}

/// The series of one region, oldest first, with rates, intervals and 12-month sums.
pub fn points(
    sub_year: &[Observation],
    region: &Region,
    crimes: &[String],
    grain: Grain,
    pop: &BTreeMap<i32, u64>,
) -> Vec<PeriodPoint> {
    let sums = sums(sub_year, &region.code, crimes, grain);
    let mut out: Vec<PeriodPoint> = sums
        .iter()
        .map(|(&(year, i), &(preliminary, count))| {
            let population = population_for(pop, year).map(|(p, _)| p);
            point(region, year, i, grain, preliminary, count, population)
        })
        .collect();
    if grain == Grain::Month {
        for k in 11..out.len() {
            let window = &out[k - 11..=k];
            let consecutive = month_index(&window[11]) - month_index(&window[0]) == 11;
            if consecutive && window.iter().all(|p| p.count.is_some()) {
                out[k].rolling_12 = Some(window.iter().filter_map(|p| p.count).sum());
            }
        }
    }
    out
}

/// Months since year 0 of a monthly point (quarters count as their first month).
pub fn month_index(p: &PeriodPoint) -> i64 {
    let m = p.month.or(p.quarter.map(|q| 3 * q - 2)).unwrap_or(1);
    i64::from(p.year) * 12 + i64::from(m) - 1
}

fn point(
    region: &Region,
    year: i32,
    i: u8,
    grain: Grain,
    preliminary: bool,
    count: Option<u64>,
    population: Option<u64>,
) -> PeriodPoint {
    let count_ci = count.map(|c| {
        let (lo, hi) = garwood_interval(c, LEVEL);
        [lo, hi]
    });
    let pop = population.filter(|p| *p > 0).map(|p| p as f64);
    PeriodPoint {
        region_code: region.code.clone(),
        region_name: region.name.clone(),
        year,
        month: (grain == Grain::Month).then_some(i),
        quarter: (grain == Grain::Quarter).then_some(i),
        preliminary,
        count,
        population,
        rate_per_100k: count.zip(pop).and_then(|(c, p)| rate_per_100k(c as f64, p)),
        count_ci,
        rate_ci: count_ci
            .zip(pop)
            .map(|([lo, hi], p)| [lo / p * 1e5, hi / p * 1e5]),
        rolling_12: None,
    }
}
