//! Yearly sums per area, region and year, for every region in the data (kommuner, counties and
//! police regions the export has, the nation) plus the pledge kommun's county as the sum of its
//! kommuner. The two county figures are told apart by [`AreaYear::parts`];
//! `analysis::comparison` keeps one of them.
//!
//! A plain loop over the yearly totals of the area's crime types ([`DatasetIndex`]; polars
//! totals every row once per dataset, `analysis::frames`), summed in a table of regions ×
//! years: a pledge's areas cover a few hundred regions and thirty years, and
//! building a polars frame over every row of the dataset for each pledge cost more than the
//! sums themselves (and held a copy of the whole table at the national run's memory peak).
//! A year where every crime type of an area is `..` has no count (null), not zero.

use super::index::DatasetIndex;
use crate::regions::Level;
use std::cmp::Ordering;

/// One area, region and year after aggregation.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaYear {
    /// Area id.
    pub area: String,
    /// Kommun, county or nation.
    pub level: Level,
    /// SCB code.
    pub region_code: String,
    /// The year.
    pub year: i32,
    /// True when any of the summed figures is preliminary.
    pub preliminary: bool,
    /// Sum of the counts; `None` when every cell was `..`.
    pub count: Option<u64>,
    /// Population; `None` when unknown.
    pub population: Option<u64>,
    /// For the county summed from its kommuner: how many kommuner had a figure. `None` for a
    /// row as it came in the data.
    pub parts: Option<u32>,
}

/// The rows summed into one region and year: whether there was any, the sum of the counts
/// that are not `..`, how many those were, and whether any row was preliminary.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    rows: u32,
    counted: u32,
    count: u64,
    preliminary: bool,
}

impl Sum {
    fn add(&mut self, count: Option<u64>, preliminary: bool) {
        self.rows += 1;
        self.preliminary |= preliminary;
        if let Some(c) = count {
            self.counted += 1;
            self.count += c;
        }
    }

    /// The sum, `None` when every summed cell was `..`.
    fn count(&self) -> Option<u64> {
        (self.counted > 0).then_some(self.count)
    }
}

/// Yearly sums per area for every region in the data (levels as in the data), plus the county
/// `county_code` as the sum of its kommuner present in the data (rows with `parts`), sorted
/// by area, level name, region, year, and the export's row before the sum. `area_map` holds
/// `(area id, crime label)` pairs: which crime types make up each area.
pub fn area_years(
    index: &DatasetIndex,
    area_map: &[(String, String)],
    county_code: &str,
) -> Vec<AreaYear> {
    let mut areas: Vec<&str> = area_map.iter().map(|p| p.0.as_str()).collect();
    areas.sort_unstable();
    areas.dedup();
    let mut out = Vec::new();
    for area in areas {
        let crimes = area_map
            .iter()
            .filter(|p| p.0 == area)
            .map(|p| p.1.as_str());
        let sums = sum_area(index, crimes);
        let start = out.len();
        by_region(index, area, &sums, &mut out);
        let summed = out.len();
        county(index, area, &sums, county_code, &mut out);
        place_county(&mut out[start..], summed - start);
    }
    out
}

/// Moves the county's sum (the rows from `summed` on) beside the export's rows of the same
/// county; the rows before `summed` are in order already.
fn place_county(rows: &mut [AreaYear], summed: usize) {
    let Some(first) = rows.get(summed) else {
        return;
    };
    let code = first.region_code.clone();
    let key = (first.level.as_str(), code.as_str());
    let at = rows[..summed].partition_point(|r| (r.level.as_str(), r.region_code.as_str()) < key);
    let export = rows[at..summed]
        .iter()
        .take_while(|r| (r.level.as_str(), r.region_code.as_str()) == key)
        .count();
    let sums = rows.len() - summed;
    rows[at + export..].rotate_right(sums);
    let end = at + export + sums;
    rows[at..end].sort_by(order);
}

/// The rows of `crimes` summed per slot and year (`slot × years + year`).
fn sum_area<'a>(index: &DatasetIndex, crimes: impl Iterator<Item = &'a str>) -> Vec<Sum> {
    let mut sums = vec![Sum::default(); index.slots.len() * index.years];
    for crime in crimes {
        for cell in index.cells_of_crime(crime) {
            sums[cell.at as usize].add(cell.count, cell.preliminary);
        }
    }
    sums
}

/// One row per region and year with any row of the area, the population joined by code.
fn by_region(index: &DatasetIndex, area: &str, sums: &[Sum], out: &mut Vec<AreaYear>) {
    for (slot, (level, code)) in index.slots.iter().enumerate() {
        for (y, sum) in sums[slot * index.years..][..index.years].iter().enumerate() {
            if sum.rows == 0 {
                continue;
            }
            let year = index.first_year + y as i32;
            out.push(AreaYear {
                area: area.to_owned(),
                level: *level,
                region_code: (*code).to_owned(),
                year,
                preliminary: sum.preliminary,
                count: sum.count(),
                population: index.population_at[slot * index.years + y],
                parts: None,
            });
        }
    }
}

/// The county `county_code` summed from its kommuner's rows, one row per year where any of
/// them has a row of the area. The population is the sum over the kommuner with a count, and
/// unknown when any of theirs is.
fn county(
    index: &DatasetIndex,
    area: &str,
    sums: &[Sum],
    county_code: &str,
    out: &mut Vec<AreaYear>,
) {
    let kommuner: Vec<usize> = (0..index.slots.len())
        .filter(|&s| index.county_of[s].as_deref() == Some(county_code))
        .collect();
    for y in 0..index.years {
        let year = index.first_year + y as i32;
        let mut total = Sum::default();
        let mut population = Some(0u64);
        for &slot in &kommuner {
            let sum = &sums[slot * index.years + y];
            if sum.rows == 0 {
                continue;
            }
            if let Some(count) = sum.count() {
                total.counted += 1;
                total.count += count;
                let own = index.population_at[slot * index.years + y];
                population = population.zip(own).map(|(a, b)| a + b);
            }
            total.rows += 1;
            total.preliminary |= sum.preliminary;
        }
        if total.rows == 0 {
            continue;
        }
        out.push(AreaYear {
            area: area.to_owned(),
            level: Level::County,
            region_code: county_code.to_owned(),
            year,
            preliminary: total.preliminary,
            count: total.count(),
            population,
            parts: Some(total.counted),
        });
    }
}

/// Level name, region code, year, and the row as exported before the sum of kommuner.
fn order(a: &AreaYear, b: &AreaYear) -> Ordering {
    (a.level.as_str(), &a.region_code, a.year)
        .cmp(&(b.level.as_str(), &b.region_code, b.year))
        .then_with(|| a.parts.is_some().cmp(&b.parts.is_some()))
        .then_with(|| a.parts.cmp(&b.parts))
}

#[cfg(test)]
#[path = "sums_tests.rs"]
pub(super) mod tests;
