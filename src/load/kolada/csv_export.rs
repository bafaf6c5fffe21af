//! Kolada's CSV export: one row per key figure, region, year (and sex), columns found by name
//! in Swedish (`Nyckeltal;Kommun;År;Kön;Värde`) or with the API's field names
//! (`kpi,municipality,period,gender,value`); up to three title lines may come first. Values
//! may have a decimal comma and space thousands (`13 980,5`).

use super::{RawRate, kpi, kpi_expected};
use crate::error::InputError;
use crate::load::cells::{YEAR_EXPECTED, parse_year};
use crate::load::text::{TextFile, detect_delimiter, records};

/// Lines before the header that may hold a title.
const MAX_TITLE_LINES: usize = 3;

const HEADER_EXPECTED: &str = "a header naming the key figure, region, year and value, like \
     `Nyckeltal;Kommun;År;Kön;Värde` or `kpi,municipality,period,gender,value`";

/// Accepted header names, the preferred first (an id column before a name column).
const KPI: [&str; 6] = [
    "kpi",
    "kpi_id",
    "nyckeltals-id",
    "nyckeltalsid",
    "nyckeltal id",
    "nyckeltal",
];
const REGION: [&str; 10] = [
    "municipality",
    "municipality_id",
    "kommun-id",
    "kommunid",
    "kommunkod",
    "kommun_id",
    "kommun",
    "region",
    "municipality_name",
    "kommunnamn",
];
const YEAR: [&str; 4] = ["period", "år", "year", "ar"];
const GENDER: [&str; 4] = ["gender", "kön", "kon", "sex"];
const VALUE: [&str; 3] = ["value", "värde", "varde"];

/// Column positions found in the header.
struct Columns {
    kpi: usize,
    region: usize,
    year: usize,
    gender: Option<usize>,
    value: usize,
}

fn columns(cells: &[String]) -> Option<Columns> {
    let lower: Vec<String> = cells
        .iter()
        .map(|c| c.trim().trim_matches('"').to_lowercase())
        .collect();
    let find = |names: &[&str]| names.iter().find_map(|n| lower.iter().position(|c| c == n));
    Some(Columns {
        kpi: find(&KPI)?,
        region: find(&REGION)?,
        year: find(&YEAR)?,
        gender: find(&GENDER),
        value: find(&VALUE)?,
    })
}

/// The delimiter of the header, when one of the first lines is a Kolada header.
pub(super) fn header(text: &str) -> Option<u8> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(MAX_TITLE_LINES + 1)
        .find_map(|line| {
            let delimiter = detect_delimiter(line);
            let cells: Vec<String> = line
                .split(char::from(delimiter))
                .map(str::to_owned)
                .collect();
            columns(&cells).map(|_| delimiter)
        })
}

/// The total-gender rows of a CSV export.
pub(super) fn rows(file: &TextFile) -> Result<Vec<RawRate>, InputError> {
    let no_header =
        || InputError::file(&file.path, "no Kolada header found").expected(HEADER_EXPECTED);
    let delimiter = header(&file.text).ok_or_else(no_header)?;
    let records = records(file, delimiter)?;
    let at = records
        .iter()
        .take(MAX_TITLE_LINES + 1)
        .position(|r| columns(&r.fields).is_some());
    let Some((col, data)) =
        at.and_then(|at| Some((columns(&records[at].fields)?, &records[at + 1..])))
    else {
        return Err(no_header());
    };
    let mut out = Vec::new();
    for row in data {
        let located = |index: usize, problem: &str| {
            InputError::at(&file.path, row.line, Some(index + 1), problem).value(row.get(index))
        };
        let kpi = kpi(row.get(col.kpi)).ok_or_else(|| {
            located(col.kpi, "unknown Kolada key figure").expected(kpi_expected())
        })?;
        let year = parse_year(row.get(col.year))
            .ok_or_else(|| located(col.year, "the year is not a year").expected(YEAR_EXPECTED))?
            .0;
        if let Some(g) = col.gender {
            match row.get(g).to_lowercase().as_str() {
                "t" | "totalt" | "total" | "alla" | "" => {}
                "k" | "m" | "kvinnor" | "män" | "kvinna" | "man" => continue,
                _ => {
                    return Err(
                        located(g, "unknown gender").expected("T/Totalt, K/Kvinnor or M/Män")
                    );
                }
            }
        }
        let rate = match parse_rate(row.get(col.value)) {
            Ok(Some(rate)) => rate,
            Ok(None) => continue,
            Err(problem) => {
                return Err(located(col.value, problem)
                    .expected("a rate ≥ 0 like `987,6` or `987.6`, or empty / `..` for no value"));
            }
        };
        out.push(RawRate {
            kpi,
            region: row.get(col.region).to_owned(),
            region_column: col.region + 1,
            year,
            rate,
            line: row.line,
        });
    }
    Ok(out)
}

/// A rate with a decimal comma or point and optional space thousands; `None` when empty.
fn parse_rate(cell: &str) -> Result<Option<f64>, &'static str> {
    let cell = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if matches!(cell, "" | ".." | "…" | "-" | "–") {
        return Ok(None);
    }
    let s: String = cell
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if s.starts_with(['-', '−']) {
        return Err("the rate is negative");
    }
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if digits == 0
        || s.matches('.').count() > 1
        || s.chars().any(|c| !c.is_ascii_digit() && c != '.')
    {
        return Err("the rate is not a number");
    }
    s.parse().map(Some).map_err(|_| "the rate is not a number")
}

#[cfg(test)]
#[path = "csv_export_tests.rs"]
mod tests;
