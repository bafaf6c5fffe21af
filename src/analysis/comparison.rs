//! The region each area's kommun is compared with, one figure per year (issues #10, #12).
//!
//! The export may hold the county's own rows (`Gävleborgs län`), and the analysis can also sum
//! the county's kommuner: keeping both printed every county year twice, with different
//! figures. The rule, in this order:
//! 1. the export's county rows, when the export has them for the area in every year the sum
//!    of its kommuner has a figure;
//! 2. the sum of the county's kommuner, when the data has every one of them;
//! 3. the export's police-region rows (`Region Mitt`), when it has them: since 2015 BRÅ's
//!    sub-national series are by police region;
//! 4. the sum of the kommuner there are, labelled "summan av 8 av 10 kommuner i …" and warned
//!    about, never named as the county.
//!
//! The export's figure wins over a sum because the sum of kommuner leaves out crimes that
//! cannot be placed in a kommun (data-sources.md, 2015 reorganisation).

use super::monthly::series::population_by_year;
use super::sums::AreaYear;
use crate::config::Pledge;
use crate::load::canonical::PopulationRow;
use crate::model::comparison::{ComparisonLevel, ComparisonRegion, ComparisonSource, KommunCount};
use crate::notes::Warning;
use crate::regions::{Level, Region, Regions};
use std::collections::BTreeMap;

/// The comparison region chosen for one area, with its yearly rows.
#[derive(Debug, Clone)]
pub struct Chosen {
    /// The region as recorded in the model; `None` when the data has no comparison figures.
    pub region: Option<ComparisonRegion>,
    /// The region as the yearly figures name it (the label for a partial sum).
    pub named: Option<Region>,
    /// Its rows, oldest first, with the population filled where the data lets it be.
    pub rows: Vec<AreaYear>,
    /// The warning for a sum of only some of the county's kommuner.
    pub warning: Option<Warning>,
}

/// Chooses the comparison region of `area` from its aggregated rows (see the module docs).
pub fn choose(
    area: &str,
    rows: &[&AreaYear],
    pledge: &Pledge,
    regions: &Regions,
    population: &[PopulationRow],
) -> Chosen {
    let county = &pledge.county;
    let kommuner = regions.kommuner_in_county(&county.code);
    let of = |level: Level, code: &str, sum: bool| -> Vec<AreaYear> {
        rows.iter()
            .filter(|r| r.level == level && r.region_code == code && r.parts.is_some() == sum)
            .map(|r| (*r).clone())
            .collect()
    };
    let export = of(Level::County, &county.code, false);
    let sums = of(Level::County, &county.code, true);
    if has_figures(&export) && covers(&export, &sums) {
        let pop = whole_population(population, &kommuner);
        return chosen(county, ComparisonSource::Export, None, fill(export, &pop));
    }
    let count = KommunCount {
        present: present(&sums),
        total: kommuner.len(),
    };
    if has_figures(&sums) && count.present == count.total {
        return chosen(county, ComparisonSource::SumOfKommuner, Some(count), sums);
    }
    if let Some(police) = regions.police_region_of(&pledge.region.code) {
        let export = of(Level::PoliceRegion, &police.code, false);
        if has_figures(&export) {
            let counties = regions.police_region_counties(&police.code);
            let pop = population_by_year(population, &police, counties);
            return chosen(&police, ComparisonSource::Export, None, fill(export, &pop));
        }
    }
    if !has_figures(&sums) {
        return Chosen {
            region: None,
            named: None,
            rows: Vec::new(),
            warning: None,
        };
    }
    let mut out = chosen(county, ComparisonSource::SumOfKommuner, Some(count), sums);
    out.named = Some(Region {
        name: partial_label(count, &county.name),
        ..county.clone()
    });
    out.warning = Some(Warning::PartialCounty {
        area: area.to_owned(),
        county: county.name.clone(),
        present: count.present,
        total: count.total,
    });
    out
}

/// `summan av 8 av 10 kommuner i Gävleborgs län`: the name a partial sum goes by in the
/// yearly figures and `metrics.csv` (renderers word it in the report's language).
pub fn partial_label(count: KommunCount, county: &str) -> String {
    format!(
        "summan av {} av {} kommuner i {county}",
        count.present, count.total
    )
}

/// True when `export` has a figure for every year `sums` has one: SOL's county series end in
/// 2014, and county rows that stop early must not leave the later years without a comparison
/// (the sum of kommuner covers them, and mixing the two in one series would be a break).
fn covers(export: &[AreaYear], sums: &[AreaYear]) -> bool {
    sums.iter()
        .filter(|s| s.count.is_some())
        .all(|s| export.iter().any(|e| e.year == s.year && e.count.is_some()))
}

fn has_figures(rows: &[AreaYear]) -> bool {
    rows.iter().any(|r| r.count.is_some())
}

/// The fewest kommuner summed in any year with a figure: a year short of one kommun makes the
/// whole series a partial sum, since its years would not be comparable otherwise.
fn present(sums: &[AreaYear]) -> usize {
    sums.iter()
        .filter(|r| r.count.is_some())
        .filter_map(|r| r.parts)
        .min()
        .unwrap_or(0) as usize
}

fn chosen(
    region: &Region,
    source: ComparisonSource,
    kommuner: Option<KommunCount>,
    rows: Vec<AreaYear>,
) -> Chosen {
    let level = match region.level {
        Level::PoliceRegion => ComparisonLevel::PoliceRegion,
        _ => ComparisonLevel::County,
    };
    Chosen {
        region: Some(ComparisonRegion {
            level,
            code: region.code.clone(),
            name: region.name.clone(),
            source,
            kommuner,
        }),
        named: Some(region.clone()),
        rows,
        warning: None,
    }
}

/// The rows with a missing population taken from `pop` (the region's parts, summed).
fn fill(mut rows: Vec<AreaYear>, pop: &BTreeMap<i32, u64>) -> Vec<AreaYear> {
    for r in rows.iter_mut().filter(|r| r.population.is_none()) {
        r.population = pop.get(&r.year).copied();
    }
    rows
}

/// The population of every kommun in `kommuner` summed by year, for the years where each one
/// is known: a county's population when the population export has only its kommuner.
fn whole_population(population: &[PopulationRow], kommuner: &[&str]) -> BTreeMap<i32, u64> {
    let mut by_year: BTreeMap<i32, (usize, u64)> = BTreeMap::new();
    for p in population
        .iter()
        .filter(|p| kommuner.contains(&p.region_code.as_str()))
    {
        let e = by_year.entry(p.year).or_default();
        e.0 += 1;
        e.1 += p.population;
    }
    by_year
        .into_iter()
        .filter(|(_, (n, _))| *n == kommuner.len())
        .map(|(year, (_, sum))| (year, sum))
        .collect()
}

#[cfg(test)]
#[path = "comparison_tests.rs"]
mod tests;
