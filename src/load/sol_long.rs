//! BRÅ's SOL statistics database, "Databasfil" export (long format).
//!
//! ```text
//! Region;Brott;År;Period;Antal;/100 000 inv
//! Hela landet;Befogenhetsbedrägeri;År;2025;14278;135;
//! Hela landet;0950 - Befogenhetsbedrägeri, …;2026 prel.;Aug;498;5;
//! ```
//! Yearly rows have the literal `År` in the third column and the year (maybe ` prel.`) in the
//! fourth; monthly rows have the year in the third and a month in the fourth. Data rows end
//! with a trailing `;`. `..` is "not available"; parent nodes of the chosen crime types are
//! echoed with `..`. Monthly rows are skipped (kommun figures are analysed by year).

use super::canonical::Observation;
use super::cells::{COUNT_EXPECTED, Cell, YEAR_EXPECTED, parse_count, parse_year};
use super::text::{Record, TextFile, records};
use crate::error::InputError;
use crate::regions::Regions;
use std::collections::HashMap;

/// The columns a SOL long export must have.
const REQUIRED: [&str; 5] = ["Region", "Brott", "År", "Period", "Antal"];

/// True when the first line is a SOL long header.
pub fn detect(first_line: &str) -> bool {
    let fields: Vec<String> = first_line
        .split(';')
        .map(|f| f.trim().trim_matches('"').to_lowercase())
        .collect();
    ["region", "brott"]
        .iter()
        .all(|r| fields.iter().any(|f| f == r))
        // `Region;Brott;2019;2020` is a SOL wide table.
        && !fields.iter().any(|f| parse_year(f).is_some())
}

/// What a SOL long file held.
#[derive(Debug, Default)]
pub struct SolLong {
    /// Yearly observations.
    pub observations: Vec<Observation>,
    /// Number of monthly rows skipped.
    pub monthly_rows_skipped: usize,
}

/// Reads a SOL long export into observations tagged with `source`.
pub fn load(file: &TextFile, source: usize, regions: &Regions) -> Result<SolLong, InputError> {
    let rows = records(file, b';')?;
    let Some((header, data)) = rows.split_first() else {
        return Err(InputError::file(&file.path, "the file has no lines"));
    };
    let col = header_columns(file, header)?;
    let mut out = SolLong::default();
    let mut seen: HashMap<(String, String, i32), (Option<u64>, usize)> = HashMap::new();
    let mut region_cache: HashMap<String, crate::regions::Region> = HashMap::new();
    for row in data {
        if row.fields.len() < header.fields.len() {
            return Err(InputError::at(
                &file.path,
                row.line,
                Some(row.fields.len()),
                format!(
                    "the line has {} fields, the header has {} (is the file cut short?)",
                    row.fields.len(),
                    header.fields.len()
                ),
            )
            .value(row.fields.join(";"))
            .expected("Region;Brott;År;Period;Antal;/100 000 inv"));
        }
        let Some((year, preliminary)) = row_year(file, row, &col)? else {
            out.monthly_rows_skipped += 1;
            continue;
        };
        let region_label = row.get(col.region);
        let region = match region_cache.get(region_label) {
            Some(r) => r.clone(),
            None => {
                let r = regions.resolve(region_label).ok_or_else(|| {
                    unknown_region(file, row.line, col.region + 1, region_label, regions)
                })?;
                region_cache.insert(region_label.to_owned(), r.clone());
                r
            }
        };
        let count = match parse_count(row.get(col.antal)) {
            Ok(Cell::Value(v)) => Some(v),
            Ok(Cell::Missing) => None,
            Err(e) => {
                return Err(
                    InputError::at(&file.path, row.line, Some(col.antal + 1), e.problem())
                        .value(row.get(col.antal))
                        .expected(COUNT_EXPECTED),
                );
            }
        };
        let crime = row.get(col.crime).to_owned();
        let key = (region.code.clone(), crime.clone(), year);
        if let Some((previous, line)) = seen.get(&key) {
            if *previous != count {
                return Err(InputError::at(
                    &file.path,
                    row.line,
                    Some(col.antal + 1),
                    format!(
                        "{} / {crime} / {year} appears twice with different counts (line {line}: {})",
                        region.name,
                        show(*previous)
                    ),
                )
                .value(row.get(col.antal))
                .expected("each region, crime type and year once per file"));
            }
            continue;
        }
        seen.insert(key, (count, row.line));
        out.observations.push(Observation {
            region_code: region.code,
            region_name: region.name,
            level: region.level,
            crime,
            year,
            preliminary,
            count,
            source,
            line: row.line,
            derived: false,
        });
    }
    Ok(out)
}

fn show(count: Option<u64>) -> String {
    count.map_or("..".to_owned(), |c| c.to_string())
}

/// Column positions found in the header.
struct Columns {
    region: usize,
    crime: usize,
    year: usize,
    period: usize,
    antal: usize,
}

fn header_columns(file: &TextFile, header: &Record) -> Result<Columns, InputError> {
    let find = |name: &str| {
        header
            .fields
            .iter()
            .position(|f| f.trim_matches('"').to_lowercase() == name.to_lowercase())
    };
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| find(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(InputError::at(
            &file.path,
            header.line,
            None,
            format!("the header lacks the column(s) {}", missing.join(", ")),
        )
        .value(header.fields.join(";"))
        .expected("the SOL header `Region;Brott;År;Period;Antal;/100 000 inv`"));
    }
    let get = |name: &str| find(name).unwrap_or_default();
    Ok(Columns {
        region: get("Region"),
        crime: get("Brott"),
        year: get("År"),
        period: get("Period"),
        antal: get("Antal"),
    })
}

/// The year of a yearly row, `None` for a monthly row, an error for anything else.
fn row_year(
    file: &TextFile,
    row: &Record,
    col: &Columns,
) -> Result<Option<(i32, bool)>, InputError> {
    let year_cell = row.get(col.year);
    let period_cell = row.get(col.period);
    if let Some(year) = parse_year(year_cell) {
        // `2026 prel.;Aug`: a monthly row. `2025;År` or `2025;` would be yearly.
        let yearly = period_cell.is_empty() || period_cell.to_lowercase() == "år";
        return Ok(yearly.then_some(year));
    }
    if year_cell.to_lowercase() == "år" || year_cell.is_empty() {
        return parse_year(period_cell).map(Some).ok_or_else(|| {
            InputError::at(
                &file.path,
                row.line,
                Some(col.period + 1),
                "the period is not a year",
            )
            .value(period_cell)
            .expected(YEAR_EXPECTED)
        });
    }
    Err(InputError::at(
        &file.path,
        row.line,
        Some(col.year + 1),
        "the year is not a year",
    )
    .value(year_cell)
    .expected(format!(
        "{YEAR_EXPECTED}, or `År` with the year in the Period column"
    )))
}

/// The error for a region label that is neither a kommun, a county nor the nation.
pub fn unknown_region(
    file: &TextFile,
    line: usize,
    column: usize,
    label: &str,
    regions: &Regions,
) -> InputError {
    InputError::at(&file.path, line, Some(column), "unknown region")
        .value(label)
        .expected(format!(
            "a Swedish kommun, a county or `Hela landet` (closest names: {})",
            regions.suggest(label).join(", ")
        ))
}
