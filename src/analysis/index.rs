//! What every pledge analysed on one dataset shares: each crime type's yearly totals per region
//! and year (summed by polars, [`super::frames`]), the rows of each region, each region's
//! population by year, and each kommun's county. Built once per dataset (a batch analyses
//! hundreds of pledges on one), so a pledge's analysis touches only the totals of its own crime
//! types and the rows of its own kommun instead of scanning the whole table.

use super::frames;
use crate::load::Dataset;
use crate::load::canonical::{Observation, PopulationRow};
use crate::regions::{Level, Regions};
use anyhow::Context;
use std::collections::HashMap;

/// One yearly total of a crime type (the rows of one region and year, summed by polars) as the
/// sums need it, packed so that summing an area reads memory in order (an [`Observation`] is
/// ten times larger and the rows of one crime type lie far apart).
#[derive(Debug, Clone, Copy)]
pub(super) struct Cell {
    /// Where the row is summed: its slot × the number of years + its year's offset.
    pub(super) at: u32,
    /// The sum of the counts; `None` when every row is `..`.
    pub(super) count: Option<u64>,
    /// True when the export marks the year preliminary in any of the rows.
    pub(super) preliminary: bool,
}

/// The look-ups of one dataset; see the module docs.
pub struct DatasetIndex<'a> {
    /// The dataset's yearly rows.
    pub(super) observations: &'a [Observation],
    /// Every (level, region code) of the rows, sorted by the level's name, then the code: the
    /// order the yearly sums are listed in.
    pub(super) slots: Vec<(Level, &'a str)>,
    /// The first year of any row, and how many years from it to the last.
    pub(super) first_year: i32,
    pub(super) years: usize,
    /// Per crime label: its totals' cells, in table order (of each total's first row).
    by_crime: Grouped<'a, Cell>,
    /// Per region code: its rows' positions, in table order.
    by_region: Grouped<'a, u32>,
    /// Population per region code and year (the dataset holds one row for each).
    population: HashMap<(&'a str, i32), u64>,
    /// Per slot and year (`slot × years + year`): the population of the slot's region code.
    pub(super) population_at: Vec<Option<u64>>,
    /// Per slot: the county code of a kommun slot (`None` for other levels and for a code
    /// that is no kommun).
    pub(super) county_of: Vec<Option<String>>,
}

impl<'a> DatasetIndex<'a> {
    /// Indexes `data`'s yearly rows and population.
    pub fn new(data: &'a Dataset, regions: &Regions) -> anyhow::Result<DatasetIndex<'a>> {
        DatasetIndex::of_rows(&data.observations, &data.population, regions)
    }

    /// Indexes yearly rows and a population with one row per region and year; the totals per
    /// crime type, region and year come from polars ([`frames`]).
    pub fn of_rows(
        observations: &'a [Observation],
        population: &'a [PopulationRow],
        regions: &Regions,
    ) -> anyhow::Result<DatasetIndex<'a>> {
        let slots = slots_of(observations);
        let first_year = observations.iter().map(|o| o.year).min().unwrap_or(0);
        let last_year = observations.iter().map(|o| o.year).max().unwrap_or(0);
        let years = (last_year - first_year + 1).max(0) as usize;
        let (rows, crimes, by_region) = numbered_rows(observations, &slots, first_year, years);
        let mut by_crime = Grouped::default();
        frames::yearly_totals(rows.cells, rows.count, rows.preliminary, |total| {
            let cell = Cell {
                at: total.at,
                count: total.count,
                preliminary: total.preliminary,
            };
            by_crime.push(crimes[total.crime as usize], cell);
        })
        .context("the yearly totals per crime type, region and year (polars)")?;
        let county_of = slots
            .iter()
            .map(|(level, code)| match level {
                Level::Kommun => regions.county_of(code).map(|c| c.code),
                _ => None,
            })
            .collect();
        let population: HashMap<(&str, i32), u64> = population
            .iter()
            .map(|p| ((p.region_code.as_str(), p.year), p.population))
            .collect();
        // Looked up by slot and year in the sums: a hash look-up by code for each of the
        // thousands of rows a pledge sums missed the cache on the code's bytes.
        let population_at = slots
            .iter()
            .flat_map(|(_, code)| {
                let population = &population;
                (0..years).map(move |y| population.get(&(*code, first_year + y as i32)).copied())
            })
            .collect();
        Ok(DatasetIndex {
            observations,
            slots,
            first_year,
            years,
            by_crime,
            by_region,
            population,
            population_at,
            county_of,
        })
    }

    /// The cells of crime type `crime`, in table order.
    pub(super) fn cells_of_crime(&self, crime: &str) -> &[Cell] {
        self.by_crime.get(crime)
    }

    /// The rows of region `code`, in table order.
    pub fn rows_of_region(&self, code: &str) -> impl Iterator<Item = &'a Observation> + '_ {
        self.by_region
            .get(code)
            .iter()
            .map(|&i| &self.observations[i as usize])
    }

    /// The population of region `code` in `year`, when the data has it.
    pub fn population(&self, code: &str, year: i32) -> Option<u64> {
        self.population.get(&(code, year)).copied()
    }
}

/// Every (level, region code) of `observations`, sorted by the level's name, then the code.
fn slots_of(observations: &[Observation]) -> Vec<(Level, &str)> {
    // The rows come sorted by region, crime and year: a run of one region is pushed once.
    let mut slots: Vec<(Level, &str)> = Vec::new();
    for o in observations {
        let slot = (o.level, o.region_code.as_str());
        if slots.last() != Some(&slot) {
            slots.push(slot);
        }
    }
    slots.sort_unstable_by(|a, b| (a.0.as_str(), a.1).cmp(&(b.0.as_str(), b.1)));
    slots.dedup();
    slots
}

/// The yearly rows as numbers for polars: each row's crime type and slot-year
/// ([`frames::cell`]), count and preliminary flag, one column each.
struct Rows {
    cells: Vec<u64>,
    count: Vec<Option<u64>>,
    preliminary: Vec<bool>,
}

/// `observations` as [`Rows`], the crime types by number, and the rows of each region.
fn numbered_rows<'a>(
    observations: &'a [Observation],
    slots: &[(Level, &'a str)],
    first_year: i32,
    years: usize,
) -> (Rows, Vec<&'a str>, Grouped<'a, u32>) {
    let slot_number: HashMap<(Level, &str), usize> =
        slots.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    // Sized once: the columns are the national run's largest allocation.
    let mut rows = Rows {
        cells: Vec::with_capacity(observations.len()),
        count: Vec::with_capacity(observations.len()),
        preliminary: Vec::with_capacity(observations.len()),
    };
    // The crime types are numbered by a group of their own (its group number is the number).
    let mut crimes: Grouped<'a, ()> = Grouped::default();
    let mut by_region = Grouped::default();
    // The rows come sorted by region, crime and year: runs of one region are looked up once.
    let mut slot = None;
    for (i, o) in observations.iter().enumerate() {
        let key = (o.level, o.region_code.as_str());
        let at = match slot {
            Some((k, at)) if k == key => at,
            _ => slot_number[&key],
        };
        slot = Some((key, at));
        let crime = crimes.push(&o.crime, ()) as u32;
        let at = (at * years + (o.year - first_year) as usize) as u32;
        rows.cells.push(frames::cell(crime, at));
        rows.count.push(o.count);
        rows.preliminary.push(o.preliminary);
        by_region.push(&o.region_code, i as u32);
    }
    (rows, crimes.keys, by_region)
}

/// Items grouped by a key, for keys that come in runs (the last key is remembered).
struct Grouped<'a, T> {
    number: HashMap<&'a str, usize>,
    /// The keys in the order of their groups.
    keys: Vec<&'a str>,
    groups: Vec<Vec<T>>,
    last: Option<(&'a str, usize)>,
}

impl<T> Default for Grouped<'_, T> {
    fn default() -> Self {
        Grouped {
            number: HashMap::new(),
            keys: Vec::new(),
            groups: Vec::new(),
            last: None,
        }
    }
}

impl<'a, T> Grouped<'a, T> {
    /// Adds `item` to the group of `key`, and says the group's number.
    fn push(&mut self, key: &'a str, item: T) -> usize {
        let group = match self.last {
            Some((k, g)) if k == key => g,
            _ => {
                let next = self.groups.len();
                let g = *self.number.entry(key).or_insert(next);
                if g == next {
                    self.groups.push(Vec::new());
                    self.keys.push(key);
                }
                g
            }
        };
        self.last = Some((key, group));
        self.groups[group].push(item);
        group
    }

    /// The items of `key`, in the order pushed.
    fn get(&self, key: &str) -> &[T] {
        self.number.get(key).map_or(&[], |&g| &self.groups[g])
    }
}
