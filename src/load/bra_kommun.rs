//! BRÅ's annual kommun CSV: the total number of reported crimes per kommun for one year.
//!
//! UTF-8 with BOM, `;`, CRLF, 290 rows, kommun names only (no codes), the year only in the
//! file name:
//! ```text
//! Kommun;Antal;Per 100 000 inv.
//! Ale;2537;7810
//! Alingsås;4293;10100
//! ```
//! A preliminary year has the header `Kommun;Antal (prel.);Per 100 000 inv. (prel.)`. The 2021
//! file has no header and writes names as `Ale kommun;2731;8547`, `Arjeplogs kommun` (genitive
//! s) and `Malung–Sälen` (en dash); names are joined to SCB codes tolerating these variants.
//! The per-100 000 column is not read: rates are computed from counts and SCB population.

use super::canonical::{Observation, Period};
use super::cells::{Cell, parse_count};
use super::region_cell::unknown_region;
use super::text::{TextFile, first_line, records};
use crate::catalog::TOTAL_CRIME_LABEL;
use crate::error::InputError;
use crate::regions::Regions;
use std::collections::HashMap;
use std::path::Path;

/// Years a file name may name.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Data lines checked when there is no header.
const HEADERLESS_LINES: usize = 5;

const YEAR_EXPECTED: &str =
    "the year in the file name (e.g. `bra_kommun_2024.csv`) or given with --year";

/// True for the header `Kommun;Antal…`, or for headerless lines `name;count;rate`.
pub fn detect(text: &str) -> bool {
    let fields: Vec<String> = split(first_line(text));
    if fields.len() >= 2
        && fields[0].eq_ignore_ascii_case("kommun")
        && fields[1].to_lowercase().starts_with("antal")
    {
        return true;
    }
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEADERLESS_LINES)
        .collect();
    !lines.is_empty() && lines.iter().all(|l| is_headerless_row(l))
}

fn split(line: &str) -> Vec<String> {
    line.trim_end_matches(';')
        .split(';')
        .map(|f| {
            f.trim_matches(|c: char| c.is_whitespace() || c == '"')
                .to_owned()
        })
        .collect()
}

/// `Ale kommun;2731;8547`: a name with letters, then two counts.
fn is_headerless_row(line: &str) -> bool {
    let f = split(line);
    f.len() == 3
        && f[0].chars().any(char::is_alphabetic)
        && parse_count(&f[0]).is_err()
        && parse_count(&f[1]).is_ok()
        && parse_count(&f[2]).is_ok()
}

/// The distinct years (1990–2100) a file name holds as four digits on their own, leaving out
/// the year of a `YYYY-MM-DD` date (the download date).
pub fn years_in_file_name(path: &Path) -> Vec<i32> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let b = name.as_bytes();
    let mut years = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let len = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 {
            i += 1;
            continue;
        }
        let after = &b[i + len..];
        let date = after.len() >= 6
            && after[0] == b'-'
            && after[1..3].iter().all(u8::is_ascii_digit)
            && after[3] == b'-'
            && after[4..6].iter().all(u8::is_ascii_digit);
        let digits = std::str::from_utf8(&b[i..i + len]).unwrap_or_default();
        if let Ok(year) = digits.parse::<i32>()
            && len == 4
            && !date
            && YEARS.contains(&year)
            && !years.contains(&year)
        {
            years.push(year);
        }
        // Skip the whole date so that its day is not read as a number either.
        i += len + if date { 6 } else { 0 };
    }
    years
}

/// The year of the file: `year` (from --year) when given, else the one year in its name.
pub fn file_year(file: &TextFile, year: Option<i32>) -> Result<i32, InputError> {
    if let Some(year) = year {
        return if YEARS.contains(&year) {
            Ok(year)
        } else {
            Err(
                InputError::file(&file.path, "the year given with --year is out of range")
                    .value(year.to_string())
                    .expected("a year from 1990 to 2100"),
            )
        };
    }
    match years_in_file_name(&file.path)[..] {
        [year] => Ok(year),
        [] => Err(
            InputError::file(&file.path, "BRÅ's kommun file does not say its year")
                .expected(YEAR_EXPECTED),
        ),
        ref several => Err(
            InputError::file(&file.path, "the file name holds more than one year")
                .value(
                    several
                        .iter()
                        .map(i32::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .expected(YEAR_EXPECTED),
        ),
    }
}

/// Reads BRÅ's kommun CSV into `Totalt antal brott` observations for the file's year.
pub fn load(
    file: &TextFile,
    source: usize,
    regions: &Regions,
    year: Option<i32>,
) -> Result<Vec<Observation>, InputError> {
    let year = file_year(file, year)?;
    let rows = records(file, b';')?;
    let has_header = rows
        .first()
        .is_some_and(|r| r.get(0).eq_ignore_ascii_case("kommun"));
    let preliminary = has_header
        && rows[0]
            .fields
            .iter()
            .any(|f| f.to_lowercase().contains("prel"));
    let count_col = if has_header {
        rows[0]
            .fields
            .iter()
            .position(|f| f.to_lowercase().starts_with("antal"))
            .unwrap_or(1)
    } else {
        1
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for row in rows.iter().skip(usize::from(has_header)) {
        let name = row.get(0);
        let region = regions
            .resolve(name)
            .ok_or_else(|| unknown_region(file, row.line, 1, name, regions))?;
        let count = match parse_count(row.get(count_col)) {
            Ok(Cell::Value(v)) => Some(v),
            Ok(Cell::Missing) => None,
            Err(e) => {
                return Err(
                    InputError::at(&file.path, row.line, Some(count_col + 1), e.problem())
                        .value(row.get(count_col))
                        .expected(e.expected()),
                );
            }
        };
        if let Some(first) = seen.insert(region.code.clone(), row.line) {
            return Err(InputError::at(
                &file.path,
                row.line,
                Some(1),
                format!("{} appears twice (first on line {first})", region.name),
            )
            .value(name)
            .expected("each kommun once per file"));
        }
        out.push(Observation {
            region_code: region.code,
            region_name: region.name,
            level: region.level,
            crime: TOTAL_CRIME_LABEL.to_owned(),
            year,
            period: Period::Year,
            preliminary,
            count,
            source,
            line: row.line,
            derived: false,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
