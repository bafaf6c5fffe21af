//! SCB population, "Folkmängd efter region och år", exported from the statistical database
//! (PxWeb) as CSV.
//!
//! Regions are quoted SCB labels (`"2132 Nordanstig"`, `"21 Gävleborgs län"`, `"00 Riket"`).
//! Two layouts: long (`region;år;Folkmängd`) and wide (`region;2019;2020;…`), separated by `;`,
//! `,` or tab, sometimes after a title line and a blank line.

use super::canonical::PopulationRow;
use super::cells::{COUNT_EXPECTED, Cell, YEAR_EXPECTED, parse_count, parse_year};
use super::region_cell::unknown_region;
use super::text::{Record, TextFile, detect_delimiter, records};
use crate::error::InputError;
use crate::regions::Regions;

/// Lines before the header that may hold a title.
const MAX_TITLE_LINES: usize = 3;

/// True when one of the first lines is a population header (`region` first, then years or `år`).
pub fn detect(text: &str) -> bool {
    header_index(text).is_some()
}

fn header_index(text: &str) -> Option<usize> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(MAX_TITLE_LINES + 1)
        .position(|l| {
            let fields: Vec<&str> = l
                .split([';', ',', '\t'])
                .map(|f| f.trim().trim_matches('"'))
                .collect();
            let region_first = fields[0].eq_ignore_ascii_case("region");
            let long = fields.iter().any(|f| f.to_lowercase() == "år");
            let wide = fields.iter().skip(1).any(|f| year_in(f).is_some());
            // `Region;Brott;2019;…` is a SOL wide table.
            let sol = fields.iter().any(|f| f.eq_ignore_ascii_case("brott"));
            region_first && !sol && (long || wide)
        })
}

/// Reads a PxWeb population export.
pub fn load(
    file: &TextFile,
    source: usize,
    regions: &Regions,
) -> Result<Vec<PopulationRow>, InputError> {
    let skip = header_index(&file.text).ok_or_else(|| {
        InputError::file(&file.path, "no header line starting with `region` found")
            .expected("an SCB export with a header like `\"region\";\"år\";\"Folkmängd\"`")
    })?;
    let header_line = file
        .text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .nth(skip)
        .unwrap_or("");
    let delimiter = detect_delimiter(header_line);
    let rows = records(file, delimiter)?;
    let Some((header, data)) = rows[skip.min(rows.len())..].split_first() else {
        return Err(InputError::file(
            &file.path,
            "the file has a header but no data",
        ));
    };
    let year_columns: Vec<Option<(i32, bool)>> = header.fields.iter().map(|f| year_in(f)).collect();
    let wide = year_columns.iter().skip(1).any(Option::is_some);
    let mut out = Vec::new();
    for row in data {
        check_quotes(file, row, char::from(delimiter))?;
        let label = row.get(0);
        let region = regions
            .resolve(label)
            .ok_or_else(|| unknown_region(file, row.line, 1, label, regions))?;
        if wide {
            for (i, year) in year_columns.iter().enumerate().skip(1) {
                let Some((year, _)) = year else { continue };
                if let Some(population) = population_cell(file, row, i)? {
                    out.push(PopulationRow {
                        region_code: region.code.clone(),
                        year: *year,
                        population,
                        source,
                    });
                }
            }
        } else {
            let year_cell = row.get(1);
            let (year, _) = parse_year(year_cell).ok_or_else(|| {
                InputError::at(&file.path, row.line, Some(2), "the year is not a year")
                    .value(year_cell)
                    .expected(YEAR_EXPECTED)
            })?;
            let last = row.fields.len().max(3) - 1;
            if let Some(population) = population_cell(file, row, last)? {
                out.push(PopulationRow {
                    region_code: region.code,
                    year,
                    population,
                    source,
                });
            }
        }
    }
    Ok(out)
}

/// A stray quote makes the CSV reader run a cell on over the delimiter or the line end, so that
/// one region's label heads another's figures: SCB never writes a cell holding a line break, a
/// quote or the delimiter, so such a cell is refused rather than read as a shifted population.
fn check_quotes(file: &TextFile, row: &Record, delimiter: char) -> Result<(), InputError> {
    let Some((column, cell)) = row
        .fields
        .iter()
        .enumerate()
        .find(|(_, f)| f.contains(['\n', '\r', '"', delimiter]))
    else {
        return Ok(());
    };
    let lines = cell.matches('\n').count();
    let problem = if lines > 0 {
        format!(
            "a stray quote runs the cell over {} line(s): the next line's figures would be read as this region's",
            lines
        )
    } else {
        "a stray quote joins the cell with the next (it holds a quote or the delimiter)".to_owned()
    };
    Err(
        InputError::at(&file.path, row.line, Some(column + 1), problem)
            .value(cell.replace(['\r', '\n'], "⏎"))
            .expected("every cell on one line, quotes in pairs (`\"2132 Nordanstig\"`); re-export the table from SCB"),
    )
}

/// A year in a header cell: `2019`, `"2019"` or `Folkmängd 2019`.
fn year_in(cell: &str) -> Option<(i32, bool)> {
    let cell = cell.trim_matches('"');
    parse_year(cell).or_else(|| cell.rsplit(' ').next().and_then(parse_year))
}

fn population_cell(file: &TextFile, row: &Record, index: usize) -> Result<Option<u64>, InputError> {
    match parse_count(row.get(index)) {
        // No region in the export can have nobody living in it; a 0 would give infinite rates.
        Ok(Cell::Value(0)) => Err(InputError::at(
            &file.path,
            row.line,
            Some(index + 1),
            "the population is 0",
        )
        .value(row.get(index))
        .expected("the number of inhabitants, more than 0 (`..` where SCB has no figure)")),
        Ok(Cell::Value(v)) => Ok(Some(v)),
        Ok(Cell::Missing) => Ok(None),
        Err(e) => Err(InputError::at(
            &file.path,
            row.line,
            Some(index + 1),
            e.problem().replace("count", "population"),
        )
        .value(row.get(index))
        .expected(match e {
            super::cells::CellError::TooLarge => e.expected(),
            _ => COUNT_EXPECTED,
        })),
    }
}
