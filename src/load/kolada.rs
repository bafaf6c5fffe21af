//! Kolada (RKA's municipal key figures): rates per 100 000 or per 1 000 inhabitants, from the
//! JSON API or from a CSV export.
//!
//! The API answer (`/v2/data/kpi/N07544/…`; later versions add `next_page`/`next_url`):
//! ```text
//! {"count": 8, "values": [
//!   {"kpi": "N07544", "municipality": "2132", "period": 2019,
//!    "values": [{"count": 1, "gender": "T", "status": "", "value": 463.2}]}, …]}
//! ```
//! A CSV export, as Excel saves it (`;`, decimal comma, maybe a title line), or as a tool writes
//! it with the API's field names (`kpi,municipality,period,gender,value`):
//! ```text
//! Nyckeltal;Kommun;År;Kön;Värde
//! N07403 Anmälda våldsbrott, antal/100 000 inv;Nordanstig;2023;Totalt;987,6
//! ```
//! Only the total (`T`, `Totalt`) is read; values by sex are skipped, and so are empty values
//! (`null`, `..`, empty cells). Municipality `0000` is Riket, `00LL` the county (region) LL.
//! Counts can be derived from rates and SCB population with [`derive_counts`].

use super::canonical::{Observation, Period, PopulationRow};
use super::region_cell::unknown_region;
use super::text::TextFile;
use crate::error::InputError;
use crate::regions::{Level, Region, Regions};
use std::collections::HashMap;

mod api;
mod csv_export;

/// A Kolada key figure the tool knows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kpi {
    /// Kolada's id, e.g. `N07403`.
    pub id: &'static str,
    /// Kolada's title.
    pub title: &'static str,
    /// The rate is per this many inhabitants.
    pub per: f64,
    /// True for a mean over three years (its derived count is a yearly average).
    pub three_year_mean: bool,
}

const fn per_100k(id: &'static str, title: &'static str) -> Kpi {
    Kpi {
        id,
        title,
        per: 100_000.0,
        three_year_mean: false,
    }
}

/// The key figures about reported crime.
pub const KPIS: [Kpi; 5] = [
    per_100k("N07403", "Anmälda våldsbrott, antal/100 000 inv"),
    per_100k(
        "N07402",
        "Anmälda brott om grov kvinnofridskränkning, antal/100 000 inv",
    ),
    per_100k("N07540", "Anmälda brott totalt, antal/100 000 inv"),
    per_100k("N07544", "Anmälda narkotikabrott, antal/100 000 inv"),
    Kpi {
        id: "U07418",
        title: "Våldsbrott, antal/1 000 inv (treårsmedelvärde)",
        per: 1_000.0,
        three_year_mean: true,
    },
];

/// The key figure with this id (`N07403`), or whose id or title starts the cell
/// (`N07403 Anmälda våldsbrott…`, `Anmälda våldsbrott, antal/100 000 inv`).
pub fn kpi(cell: &str) -> Option<&'static Kpi> {
    let cell = cell.trim();
    KPIS.iter().find(|k| {
        let after_id = cell
            .get(..6)
            .filter(|id| id.eq_ignore_ascii_case(k.id))
            .map(|_| &cell[6..]);
        after_id.is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
            || cell.to_lowercase() == k.title.to_lowercase()
    })
}

/// What a KPI cell should hold, for error messages.
fn kpi_expected() -> String {
    let known: Vec<String> = KPIS
        .iter()
        .map(|k| format!("{} ({})", k.id, k.title))
        .collect();
    format!("one of the crime key figures {}", known.join(", "))
}

/// One rate from Kolada.
#[derive(Debug, Clone, PartialEq)]
pub struct KoladaRate {
    /// SCB code of the region.
    pub region_code: String,
    /// SCB name of the region.
    pub region_name: String,
    /// Kommun, county or nation.
    pub level: Level,
    /// Kolada's KPI id.
    pub kpi: String,
    /// The KPI's title.
    pub title: String,
    /// The year.
    pub year: i32,
    /// The rate.
    pub rate: f64,
    /// The rate is per this many inhabitants (100 000 or 1 000).
    pub per: f64,
    /// Index of the source file.
    pub source: usize,
    /// 1-based line in the source file.
    pub line: usize,
}

/// True for Kolada's JSON answer or a CSV whose header names a KPI, a region, a year and a value.
pub fn detect(text: &str) -> bool {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        return trimmed.contains("\"values\"") && trimmed.contains("\"municipality\"");
    }
    csv_export::header(text).is_some()
}

/// Reads a Kolada JSON answer or CSV export.
pub fn load(
    file: &TextFile,
    source: usize,
    regions: &Regions,
) -> Result<Vec<KoladaRate>, InputError> {
    let rows = if file.text.trim_start().starts_with('{') {
        api::rows(file)?
    } else {
        csv_export::rows(file)?
    };
    let mut out: Vec<KoladaRate> = Vec::new();
    let mut seen: HashMap<(String, &'static str, i32), usize> = HashMap::new();
    for row in rows {
        // Ten crimes a year per inhabitant is far above any kommun; a larger rate (1e26) is a
        // corrupt cell, and deriving a count from it would overflow.
        if row.rate > 10.0 * row.kpi.per {
            return Err(InputError::at(
                &file.path,
                row.line,
                None,
                format!("the {} rate is impossibly large", row.kpi.id),
            )
            .value(row.rate.to_string())
            .expected(format!(
                "a rate per {} inhabitants of at most {} (is the cell corrupt?)",
                row.kpi.per,
                10.0 * row.kpi.per
            )));
        }
        let region = kolada_region(regions, &row.region).ok_or_else(|| {
            unknown_region(file, row.line, row.region_column, &row.region, regions)
        })?;
        let key = (region.code.clone(), row.kpi.id, row.year);
        if let Some(&index) = seen.get(&key) {
            let first: &KoladaRate = &out[index];
            if first.rate != row.rate {
                return Err(InputError::at(
                    &file.path,
                    row.line,
                    None,
                    super::cells::seen_twice(
                        &format!("{} / {} / {}", region.name, row.kpi.id, row.year),
                        "values",
                        first.line,
                        Some(&first.rate.to_string()),
                    ),
                )
                .value(row.rate.to_string())
                .expected("each region, key figure and year once per file"));
            }
            continue;
        }
        seen.insert(key, out.len());
        out.push(KoladaRate {
            region_code: region.code,
            region_name: region.name,
            level: region.level,
            kpi: row.kpi.id.to_owned(),
            title: row.kpi.title.to_owned(),
            year: row.year,
            rate: row.rate,
            per: row.kpi.per,
            source,
            line: row.line,
        });
    }
    Ok(out)
}

/// A total-gender value read from either layout, before regions are resolved.
struct RawRate {
    kpi: &'static Kpi,
    region: String,
    region_column: usize,
    year: i32,
    rate: f64,
    line: usize,
}

/// `0000` is Riket, `00LL` a county (Kolada's regions), else a kommun code or name.
fn kolada_region(regions: &Regions, label: &str) -> Option<Region> {
    let label = label.trim();
    let county = label
        .strip_prefix("00")
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_digit()));
    match county {
        Some(code) if code != "00" => regions.resolve(code),
        _ => regions.resolve(label),
    }
}

/// A count derived from a Kolada rate and SCB population: round(rate × population / per).
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedCount {
    /// SCB code of the region.
    pub region_code: String,
    /// SCB name of the region.
    pub region_name: String,
    /// Kommun, county or nation.
    pub level: Level,
    /// The KPI's title, used as the crime label.
    pub crime: String,
    /// Kolada's KPI id.
    pub kpi: String,
    /// The year.
    pub year: i32,
    /// The rate it was derived from.
    pub rate: f64,
    /// The rate is per this many inhabitants.
    pub per: f64,
    /// The population used.
    pub population: u64,
    /// The derived count.
    pub count: u64,
    /// True when the rate is a three-year mean: the count is a yearly average, not that year's.
    pub three_year_mean: bool,
    /// Index of the Kolada source file.
    pub source: usize,
    /// Line of the rate in the Kolada file.
    pub line: usize,
}

impl DerivedCount {
    /// As a canonical observation (final, not preliminary); the derivation is not kept.
    pub fn to_observation(&self) -> Observation {
        Observation {
            region_code: self.region_code.clone(),
            region_name: self.region_name.clone(),
            level: self.level,
            crime: self.crime.clone(),
            year: self.year,
            period: Period::Year,
            preliminary: false,
            count: Some(self.count),
            source: self.source,
            line: self.line,
            derived: true,
        }
    }
}

/// Counts for the rates whose region and year have a population (the first row given for a
/// region and year is used); rates without population are left out.
pub fn derive_counts(rates: &[KoladaRate], population: &[PopulationRow]) -> Vec<DerivedCount> {
    let mut pop: HashMap<(&str, i32), u64> = HashMap::new();
    for p in population {
        pop.entry((p.region_code.as_str(), p.year))
            .or_insert(p.population);
    }
    rates
        .iter()
        .filter_map(|r| {
            let population = *pop.get(&(r.region_code.as_str(), r.year))?;
            let count = (r.rate * population as f64 / r.per).round();
            (count.is_finite() && count >= 0.0 && count < u64::MAX as f64).then(|| DerivedCount {
                region_code: r.region_code.clone(),
                region_name: r.region_name.clone(),
                level: r.level,
                crime: r.title.clone(),
                kpi: r.kpi.clone(),
                year: r.year,
                rate: r.rate,
                per: r.per,
                population,
                count: count as u64,
                three_year_mean: kpi(&r.kpi).is_some_and(|k| k.three_year_mean),
                source: r.source,
                line: r.line,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
